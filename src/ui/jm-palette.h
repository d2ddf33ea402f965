/* jm-palette.h: the things a designer drags onto the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jm-palette-entry.h"

G_BEGIN_DECLS

#define JM_TYPE_PALETTE (jm_palette_get_type ())

G_DECLARE_FINAL_TYPE (JmPalette, jm_palette, JM, PALETTE, GtkWidget)

GtkWidget      *jm_palette_new          (void);
GPtrArray      *jm_palette_list_entries (JmPalette  *self);
JmPaletteEntry *jm_palette_get_entry    (JmPalette  *self,
                                         const char *payload);

G_END_DECLS
