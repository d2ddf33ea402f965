/* jm-picture.h: PNG and JPEG pictures decoded at the size they are drawn
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean         jm_picture_get_size (GBytes     *picture,
                                      const char *media_type,
                                      guint      *width,
                                      guint      *height);
cairo_surface_t *jm_picture_decode   (GBytes     *picture,
                                      const char *media_type,
                                      guint       width,
                                      guint       height);
GBytes          *jm_picture_shrink_svg (GBytes    *svg,
                                        guint      max_side);

G_END_DECLS
