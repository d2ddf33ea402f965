/* jm-insights-chart.h: a map's mean emotion per stage and persona, as bars
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "insights/jm-insights.h"
#include "render/jm-theme.h"

G_BEGIN_DECLS

double jm_insights_chart_get_height (JmInsights  *insights);
void   jm_insights_chart_draw       (cairo_t     *cr,
                                     JmInsights  *insights,
                                     double       width,
                                     JmThemeKind  theme);

G_END_DECLS
