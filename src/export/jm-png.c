/* jm-png.c: PNG images of the exports, encoded for speed
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo_surface_write_to_png () spent two thirds of a PNG export: it
 * tries every PNG filter on every row and deflates at zlib's default
 * level. A journey map is flat colour and text, which deflate compresses
 * well unfiltered: with no filter and a fast level the image is encoded
 * five times as fast, for files about a fifth larger. An opaque image is
 * written without its alpha channel.
 */

#include "config.h"

#include "jm-png.h"

#include <glib/gi18n-lib.h>
#include <png.h>

#include "jm-export.h"

/* zlib's fastest levels (1 to 3) leave a map's image about as small. */
#define JM_PNG_COMPRESSION_LEVEL 3

static void
write_cb (png_structp  png,
          png_bytep    data,
          size_t       length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_cb (png_structp png)
{
}

/* libpng's messages, kept for the error instead of printed: the warning
 * before an error often says more ("Image height is zero in IHDR" before
 * "Invalid IHDR data"). */
typedef struct
{
  char *error;
  char *warning;
} Messages;

static void
error_cb (png_structp     png,
          png_const_charp message)
{
  Messages *messages = png_get_error_ptr (png);

  if (messages->error == NULL)
    messages->error = g_strdup (message);
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
  Messages *messages = png_get_error_ptr (png);

  g_debug ("libpng: %s", message);
  if (messages->warning == NULL)
    messages->warning = g_strdup (message);
}

/* Cairo's pixels are premultiplied 0xAARRGGBB words; PNG's are straight
 * R, G, B (and A) bytes. */
static void
convert_row (const guint32 *pixels,
             int            width,
             gboolean       opaque,
             guchar        *row)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = pixels[x];
      guint alpha = pixel >> 24;
      guint red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue = pixel & 0xff;

      if (opaque)
        {
          *row++ = red;
          *row++ = green;
          *row++ = blue;
          continue;
        }

      if (alpha != 0 && alpha != 0xff)
        {
          red = (red * 0xff + alpha / 2) / alpha;
          green = (green * 0xff + alpha / 2) / alpha;
          blue = (blue * 0xff + alpha / 2) / alpha;
        }
      *row++ = red;
      *row++ = green;
      *row++ = blue;
      *row++ = alpha;
    }
}

/* libpng reports errors with longjmp (): nothing here may own memory
 * that a jump would leak, hence the row buffer and the messages allocated
 * by the caller. @row_func runs between libpng's calls, never inside
 * one, so a jump never crosses it. */
static gboolean
encode (int            width,
        int            height,
        gboolean       opaque,
        JmPngRowFunc   row_func,
        gpointer       user_data,
        GByteArray    *out,
        guchar        *row,
        Messages      *messages,
        GError       **row_error)
{
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, messages, error_cb, warning_cb);
  png_infop info = png != NULL ? png_create_info_struct (png) : NULL;

  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }

  png_set_write_fn (png, out, write_cb, flush_cb);
  png_set_IHDR (png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, JM_PNG_COMPRESSION_LEVEL);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = row_func (y, user_data, row_error);

      if (pixels == NULL)
        {
          png_destroy_write_struct (&png, &info);
          return FALSE;
        }
      convert_row (pixels, width, opaque, row);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);

  return TRUE;
}

/**
 * jm_png_encode_rows:
 * @width: the image's width in pixels
 * @height: its height
 * @opaque: whether every pixel is opaque (drawn over an opaque
 *   background): the image is then written without alpha, and a pixel
 *   that was not opaque would come out darker
 * @row_func: gives each row in turn, top to bottom, as cairo's
 *   premultiplied %CAIRO_FORMAT_ARGB32 pixels, or %NULL with its error
 *   set to stop
 * @out: where the PNG file's bytes are appended
 *
 * Encodes an image row by row, so that it never needs to be whole in
 * memory: a large export draws it in bands.
 *
 * Returns: %TRUE when the image was encoded
 */
gboolean
jm_png_encode_rows (int            width,
                    int            height,
                    gboolean       opaque,
                    JmPngRowFunc   row_func,
                    gpointer       user_data,
                    GByteArray    *out,
                    GError       **error)
{
  g_autofree guchar *row = NULL;
  g_autofree char *reason = NULL;
  GError *row_error = NULL;
  Messages messages = { NULL, NULL };
  gboolean encoded;

  g_return_val_if_fail (width >= 0 && height >= 0, FALSE);
  g_return_val_if_fail (row_func != NULL, FALSE);

  row = g_malloc ((gsize) MAX (width, 1) * 4);
  encoded = encode (width, height, opaque, row_func, user_data, out, row, &messages, &row_error);
  if (row_error != NULL)
    g_propagate_error (error, row_error);
  else if (!encoded)
    {
      if (messages.error != NULL && messages.warning != NULL)
        reason = g_strdup_printf ("%s (%s)", messages.error, messages.warning);
      else
        reason = g_strdup (messages.error != NULL ? messages.error : _("libpng could not start"));
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED, _("The PNG image could not be encoded: %s."),
                   reason);
    }
  g_free (messages.error);
  g_free (messages.warning);
  return encoded;
}

static const guint32 *
surface_row (int       y,
             gpointer  user_data,
             GError  **error)
{
  cairo_surface_t *surface = user_data;

  return (const guint32 *) (cairo_image_surface_get_data (surface) +
                            (gsize) y * cairo_image_surface_get_stride (surface));
}

/**
 * jm_png_encode:
 * @surface: an image surface in %CAIRO_FORMAT_ARGB32
 * @opaque: as for jm_png_encode_rows ()
 * @out: where the PNG file's bytes are appended
 *
 * Returns: %TRUE when the image was encoded
 */
gboolean
jm_png_encode (cairo_surface_t  *surface,
               gboolean          opaque,
               GByteArray       *out,
               GError          **error)
{
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, FALSE);

  cairo_surface_flush (surface);
  return jm_png_encode_rows (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                             opaque, surface_row, surface, out, error);
}
