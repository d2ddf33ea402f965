/* jm-item.h: an item in a cell of the map: card, touchpoint, pain point, …
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-enums.h"
#include "jm-enum-types.h"
#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_ITEM (jm_item_get_type ())

G_DECLARE_FINAL_TYPE (JmItem, jm_item, JM, ITEM, JmObject)

JmItem       *jm_item_new                  (const char *id);
JmItemKind    jm_item_get_kind             (JmItem *self);
const char   *jm_item_get_stage_id         (JmItem *self);
const char   *jm_item_get_lane_id          (JmItem *self);
JmChannel     jm_item_get_channel          (JmItem *self);
const char   *jm_item_get_color            (JmItem *self);
const char   *jm_item_get_title            (JmItem *self);
const char   *jm_item_get_body             (JmItem *self);
GBytes       *jm_item_get_image            (JmItem *self);
const char   *jm_item_get_image_type       (JmItem *self);
JmMomentKind  jm_item_get_moment           (JmItem *self);
const char   *jm_item_get_moment_label     (JmItem *self);
const char   *jm_item_get_moment_rationale (JmItem *self);
double        jm_item_get_customer_value   (JmItem *self);
double        jm_item_get_business_value   (JmItem *self);
double        jm_item_get_effort           (JmItem *self);
gboolean      jm_item_has_scores           (JmItem *self);
double        jm_item_get_priority         (JmItem *self);

G_END_DECLS
