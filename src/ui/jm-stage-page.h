/* jm-stage-page.h: the inspector's page for a stage
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_STAGE_PAGE (jm_stage_page_get_type ())

G_DECLARE_FINAL_TYPE (JmStagePage, jm_stage_page, JM, STAGE_PAGE, JmInspectorPage)

G_END_DECLS
