/* jm-palette-entry.h: one thing of the palette, to drag or to activate
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/jm-kinds.h"

G_BEGIN_DECLS

#define JM_TYPE_PALETTE_ENTRY (jm_palette_entry_get_type ())

G_DECLARE_FINAL_TYPE (JmPaletteEntry, jm_palette_entry, JM, PALETTE_ENTRY, GtkButton)

/* What a palette entry carries in a drag: "item:KIND", "item:touchpoint:CHANNEL",
 * "moment-of-truth" or "emotion-point", after this prefix. */
#define JM_PALETTE_PREFIX "journeymap-palette:"

GtkWidget  *jm_palette_entry_new_for_kind (GType           enum_type,
                                           const JmKind   *kind);
const char *jm_palette_entry_get_payload  (JmPaletteEntry *self);
const char *jm_palette_entry_get_text     (JmPaletteEntry *self);
const char *jm_palette_entry_get_pictogram (JmPaletteEntry *self);

G_END_DECLS
