/* jm-items-page.h: the inspector's page for several items selected: what
 * they share, edited for all of them at once
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_ITEMS_PAGE (jm_items_page_get_type ())

G_DECLARE_FINAL_TYPE (JmItemsPage, jm_items_page, JM, ITEMS_PAGE, JmInspectorPage)

void       jm_items_page_set_items (JmItemsPage    *self,
                                    JmCommandStack *stack,
                                    GPtrArray      *items);
GPtrArray *jm_items_page_get_items (JmItemsPage    *self);

G_END_DECLS
