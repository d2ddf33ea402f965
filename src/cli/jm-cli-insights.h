/* jm-cli-insights.h: journeymap insights
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int jm_cli_insights (int    argc,
                     char **argv);

G_END_DECLS
