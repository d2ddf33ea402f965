/* jm-point-page.h: the inspector's page for an emotion point
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_POINT_PAGE (jm_point_page_get_type ())

G_DECLARE_FINAL_TYPE (JmPointPage, jm_point_page, JM, POINT_PAGE, JmInspectorPage)

G_END_DECLS
