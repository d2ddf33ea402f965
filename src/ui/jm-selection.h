/* jm-selection.h: the objects selected on a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "commands/jm-command-stack.h"
#include "model/jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_SELECTION (jm_selection_get_type ())

G_DECLARE_FINAL_TYPE (JmSelection, jm_selection, JM, SELECTION, GObject)

JmSelection    *jm_selection_new             (void);
JmCommandStack *jm_selection_get_history     (JmSelection    *self);
void            jm_selection_set_history     (JmSelection    *self,
                                              JmCommandStack *history);
gpointer        jm_selection_peek            (JmSelection    *self,
                                              guint           position);
GPtrArray      *jm_selection_dup_objects     (JmSelection    *self);
JmObject       *jm_selection_get_primary     (JmSelection    *self);
gboolean        jm_selection_contains        (JmSelection    *self,
                                              JmObject       *object);
void            jm_selection_select          (JmSelection    *self,
                                              JmObject       *object);
void            jm_selection_toggle          (JmSelection    *self,
                                              JmObject       *object);
void            jm_selection_set_objects     (JmSelection    *self,
                                              GPtrArray      *objects);
void            jm_selection_clear           (JmSelection    *self);

G_END_DECLS
