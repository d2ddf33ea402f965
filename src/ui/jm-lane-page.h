/* jm-lane-page.h: the inspector's page for a lane
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_LANE_PAGE (jm_lane_page_get_type ())

G_DECLARE_FINAL_TYPE (JmLanePage, jm_lane_page, JM, LANE_PAGE, JmInspectorPage)

G_END_DECLS
