/* jm-conflict.h: a property that two merged copies changed differently
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-object.h"
#include "jm-object-store.h"

G_BEGIN_DECLS

/* The property of a conflict where one copy removed the object and the
 * other changed it; its values are these two words. */
#define JM_CONFLICT_REMOVED       "removed"
#define JM_CONFLICT_VALUE_REMOVED "removed"
#define JM_CONFLICT_VALUE_CHANGED "changed"

#define JM_TYPE_CONFLICT (jm_conflict_get_type ())

G_DECLARE_FINAL_TYPE (JmConflict, jm_conflict, JM, CONFLICT, JmObject)

JmConflict    *jm_conflict_new          (const char *property,
                                         const char *ours,
                                         const char *theirs);
const char    *jm_conflict_get_property_name (JmConflict *self);
const char    *jm_conflict_get_ours     (JmConflict *self);
const char    *jm_conflict_get_theirs   (JmConflict *self);

JmObjectStore *jm_conflicts_get         (gpointer    owner);
JmObjectStore *jm_conflicts_peek        (gpointer    owner);
JmConflict    *jm_conflicts_lookup      (gpointer    owner,
                                         const char *property);

char          *jm_value_to_string       (const GValue *value);
gboolean       jm_value_from_string     (GType         value_type,
                                         const char   *text,
                                         GValue       *value);

G_END_DECLS
