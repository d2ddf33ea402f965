/* jm-object-store.h: an ordered list of model objects with lookup by id
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_OBJECT_STORE (jm_object_store_get_type ())

G_DECLARE_FINAL_TYPE (JmObjectStore, jm_object_store, JM, OBJECT_STORE, GObject)

GType     jm_object_store_get_item_type (JmObjectStore *self);
guint     jm_object_store_get_n_objects (JmObjectStore *self);
gpointer  jm_object_store_get_object    (JmObjectStore *self,
                                         guint          position);
gpointer  jm_object_store_lookup        (JmObjectStore *self,
                                         const char    *id);
gboolean  jm_object_store_find          (JmObjectStore *self,
                                         JmObject      *object,
                                         guint         *position);

G_END_DECLS
