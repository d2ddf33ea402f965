/* jm-map-page.h: the inspector's page for the map itself
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_MAP_PAGE (jm_map_page_get_type ())

G_DECLARE_FINAL_TYPE (JmMapPage, jm_map_page, JM, MAP_PAGE, JmInspectorPage)

G_END_DECLS
