/* jm-template-tile.h: one template in the gallery
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "session/jm-template.h"

G_BEGIN_DECLS

#define JM_TYPE_TEMPLATE_TILE (jm_template_tile_get_type ())

G_DECLARE_FINAL_TYPE (JmTemplateTile, jm_template_tile, JM, TEMPLATE_TILE, GtkWidget)

GtkWidget  *jm_template_tile_new           (void);
void        jm_template_tile_set_template  (JmTemplateTile *self,
                                            JmTemplate     *template);
JmTemplate *jm_template_tile_get_template  (JmTemplateTile *self);
void        jm_template_tile_set_thumbnail (JmTemplateTile *self,
                                            GdkPaintable   *thumbnail);

G_END_DECLS
