/* jm-insights-panel.h: a map's figures and what it still lacks, beside it
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "commands/jm-command-stack.h"
#include "insights/jm-insights.h"
#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_INSIGHTS_PANEL (jm_insights_panel_get_type ())

G_DECLARE_FINAL_TYPE (JmInsightsPanel, jm_insights_panel, JM, INSIGHTS_PANEL, GtkWidget)

void        jm_insights_panel_set_document  (JmInsightsPanel *self,
                                             JmDocument      *document,
                                             JmCommandStack  *stack,
                                             JmLayerState     state);
void        jm_insights_panel_set_selection (JmInsightsPanel *self,
                                             JmSelection     *selection);
JmInsights *jm_insights_panel_get_insights  (JmInsightsPanel *self);
gboolean    jm_insights_panel_is_pending    (JmInsightsPanel *self);

G_END_DECLS
