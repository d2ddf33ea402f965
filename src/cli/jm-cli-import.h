/* jm-cli-import.h: `journeymap import`
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int jm_cli_import (int    argc,
                   char **argv);

G_END_DECLS
