/* jm-difference-item.h: one row of the differences list, as a list item
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/jm-compare.h"

G_BEGIN_DECLS

#define JM_TYPE_DIFFERENCE_ITEM (jm_difference_item_get_type ())

G_DECLARE_FINAL_TYPE (JmDifferenceItem, jm_difference_item, JM, DIFFERENCE_ITEM, GObject)

JmDifferenceItem *jm_difference_item_new         (JmDocument         *document,
                                                  const JmDifference *difference);
JmItem           *jm_difference_item_get_current (JmDifferenceItem   *self);
JmItem           *jm_difference_item_get_future  (JmDifferenceItem   *self);

G_END_DECLS
