/* fuzz-pictures.c: the picture checks and decoders on any bytes
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the input, as an SVG picture it is refused with a reason or
 * accepted and then drawn by librsvg, and as a PNG or JPEG picture it is
 * decoded at a small size or not at all: never a crash, a hang, a leak
 * or gigabytes (ASan, UBSan, -rss_limit_mb).
 */

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "fuzz-common.h"
#include "format/jm-picture-check.h"
#include "render/jm-picture.h"

static void
draw_svg (const uint8_t *data,
          size_t         size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);
  RsvgRectangle viewport = { 0, 0, 64, 64 };
  RsvgHandle *handle = rsvg_handle_new_from_data (data, size, NULL);

  if (handle != NULL)
    {
      rsvg_handle_render_document (handle, cr, &viewport, NULL);
      g_object_unref (handle);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  guint64 pixels = 0;
  const char *types[] = { "image/png", "image/jpeg" };

  if (jm_picture_check_svg ((const char *) data, size, &pixels, &error))
    {
      g_assert (error == NULL);
      g_assert (pixels <= JM_PICTURE_MAX_SVG_RASTER_PIXELS);
      draw_svg (data, size);
    }
  else
    g_assert (error != NULL && error->message != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      cairo_surface_t *surface = jm_picture_decode (bytes, types[i], 48, 48);

      if (surface != NULL)
        {
          g_assert (cairo_image_surface_get_width (surface) <= 48);
          g_assert (cairo_image_surface_get_height (surface) <= 48);
          cairo_surface_destroy (surface);
        }
    }

  return 0;
}
