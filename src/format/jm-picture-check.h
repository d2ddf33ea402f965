/* jm-picture-check.h: bounds on the pictures a map may carry
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest side of a raster picture that is decoded, in pixels. */
#define JM_PICTURE_MAX_SIDE 4096

/* The most pixels of raster images an SVG picture may embed: what librsvg
 * decodes at full size each time it draws the picture. */
#define JM_PICTURE_MAX_SVG_RASTER_PIXELS ((guint64) JM_PICTURE_MAX_SIDE * JM_PICTURE_MAX_SIDE)

typedef enum
{
  JM_PICTURE_FORMAT_UNKNOWN,
  JM_PICTURE_FORMAT_PNG,
  JM_PICTURE_FORMAT_JPEG,
} JmPictureFormat;

JmPictureFormat jm_picture_sniff     (const guint8 *data,
                                      gsize         size,
                                      guint        *width,
                                      guint        *height);
gboolean        jm_picture_check_svg (const char   *data,
                                      gsize         size,
                                      guint64      *raster_pixels,
                                      GError      **error);

G_END_DECLS
