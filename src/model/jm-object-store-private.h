/* jm-object-store-private.h: mutators, for commands and the reader only
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-object-store.h"

G_BEGIN_DECLS

JmObjectStore *_jm_object_store_new    (GType          item_type);
void           _jm_object_store_insert (JmObjectStore *self,
                                        guint          position,
                                        JmObject      *object);
void           _jm_object_store_append (JmObjectStore *self,
                                        JmObject      *object);
JmObject      *_jm_object_store_remove (JmObjectStore *self,
                                        guint          position);
void           _jm_object_store_move   (JmObjectStore *self,
                                        guint          from,
                                        guint          to);
void           _jm_object_store_append_take (JmObjectStore  *self,
                                             JmObject      **objects,
                                             guint           n_objects);
void           _jm_object_store_splice (JmObjectStore *self,
                                        guint          position,
                                        guint          n_removals,
                                        JmObject     **additions,
                                        guint          n_additions);

G_END_DECLS
