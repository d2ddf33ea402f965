/* jm-palette.h: the things a designer drags onto the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JM_TYPE_PALETTE (jm_palette_get_type ())

G_DECLARE_FINAL_TYPE (JmPalette, jm_palette, JM, PALETTE, GtkWidget)

/* What a palette entry carries in a drag: "item:KIND", "item:touchpoint:CHANNEL",
 * "moment-of-truth" or "emotion-point". */
#define JM_PALETTE_PREFIX "journeymap-palette:"

GtkWidget *jm_palette_new (void);

G_END_DECLS
