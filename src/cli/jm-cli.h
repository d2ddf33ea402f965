/* jm-cli.h
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean jm_cli_is_command (const char *name);
int      jm_cli_run        (int         argc,
                            char      **argv);

G_END_DECLS
