/* jm-png.h: PNG images of the exports, encoded for speed
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef const guint32 *(*JmPngRowFunc) (int       y,
                                        gpointer  user_data,
                                        GError  **error);

gboolean jm_png_encode_rows (int            width,
                             int            height,
                             gboolean       opaque,
                             JmPngRowFunc   row_func,
                             gpointer       user_data,
                             GByteArray    *out,
                             GError       **error);
gboolean jm_png_encode (cairo_surface_t  *surface,
                        gboolean          opaque,
                        GByteArray       *out,
                        GError          **error);

G_END_DECLS
