/* jm-object.h: the base of everything a journey map holds
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JM_TYPE_OBJECT (jm_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (JmObject, jm_object, JM, OBJECT, GObject)

/**
 * JmObjectClass:
 * @id_prefix: the prefix of generated ids ("stage", "item", …)
 *
 * JmObject is the one base class of the model besides JmCommand: every
 * stage, lane, persona, item, emotion point and link has a stable id (so
 * references survive reordering and the two layers can be compared item by
 * item) and carries the XML it did not understand, so that a file from a
 * newer version is written back without losing anything.
 */
struct _JmObjectClass
{
  GObjectClass parent_class;

  const char *id_prefix;

  gpointer padding[4];
};

const char *jm_object_get_id  (JmObject   *self);
char       *jm_object_new_id  (const char *prefix);
JmObject   *jm_object_clone   (JmObject   *self);
gboolean    jm_object_equal   (JmObject   *a,
                               JmObject   *b);

G_END_DECLS
