/* jm-layer.h: the current or the future state of a journey
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-emotion-point.h"
#include "jm-enums.h"
#include "jm-item.h"
#include "jm-link.h"
#include "jm-object-store.h"

G_BEGIN_DECLS

#define JM_TYPE_LAYER (jm_layer_get_type ())

G_DECLARE_FINAL_TYPE (JmLayer, jm_layer, JM, LAYER, GObject)

JmLayerState   jm_layer_get_state        (JmLayer    *self);
JmObjectStore *jm_layer_get_items        (JmLayer    *self);
JmObjectStore *jm_layer_get_points       (JmLayer    *self);
JmObjectStore *jm_layer_get_links        (JmLayer    *self);
JmItem        *jm_layer_lookup_item      (JmLayer    *self,
                                          const char *id);
gboolean       jm_layer_is_empty         (JmLayer    *self);
GPtrArray     *jm_layer_dup_cell_items   (JmLayer    *self,
                                          const char *stage_id,
                                          const char *lane_id);

G_END_DECLS
