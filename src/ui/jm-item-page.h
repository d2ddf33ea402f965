/* jm-item-page.h: the inspector's page for an item: a card, touchpoint, pain point…
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_ITEM_PAGE (jm_item_page_get_type ())

G_DECLARE_FINAL_TYPE (JmItemPage, jm_item_page, JM, ITEM_PAGE, JmInspectorPage)

G_END_DECLS
