/* jm-benchmark-hooks.h: what the benchmarks ask of the app, in one place
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void jm_benchmark_hooks_map_shown (GtkWidget *window,
                                   GtkWidget *canvas);

G_END_DECLS
