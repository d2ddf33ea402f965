/* jm-cli-teamwork.h: journeymap diff and journeymap merge
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int jm_cli_diff  (int    argc,
                  char **argv);
int jm_cli_merge (int    argc,
                  char **argv);

G_END_DECLS
