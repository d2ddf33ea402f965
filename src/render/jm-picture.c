/* jm-picture.c: PNG and JPEG pictures decoded at the size they are drawn
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A picture of 2 KB may claim 4096 × 4096 pixels: decoded whole, it is
 * 64 MiB, and forty of them in a map took gigabytes and many seconds to
 * draw. Pictures are drawn far smaller than that, so they are decoded at
 * the size asked for: a PNG row by row with libpng, each row read raw and
 * only a few of its pixels sampled into the smaller image (no full-size
 * buffer, except for interlaced files, whose rows come in seven passes);
 * a JPEG by gdk-pixbuf's loader at the size asked for, which lets libjpeg
 * scale while it decodes. Neither decodes a picture whose header claims
 * more than JM_PICTURE_MAX_SIDE pixels a side.
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-picture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <png.h>
#include <string.h>

#include "format/jm-picture-check.h"

/* Source pixels sampled per output pixel, in each direction: enough to
 * smooth a downscaled picture, few enough that a picture of any size
 * costs about what its output does (plus inflating its rows). */
#define SAMPLES 2

/* PNG {{{ */

typedef struct
{
  const guint8    *data;
  gsize            size;
  gsize            offset;

  guint            width;
  guint            height;
  int              color_type;
  int              bit_depth;
  guint8           palette[256][4];
  gboolean         has_key;
  guint            key[3];

  /* Owned, freed by the caller: libpng's longjmp () must not leak them. */
  guint8          *rows;    /* one row, or every row of an interlaced file */
  guint           *xs;      /* the source columns sampled, SAMPLES an output column */
  guint           *n_xs;
  guint32         *sums;    /* premultiplied R, G, B, A, count per output column */
  png_bytep       *pointers; /* to the rows of an interlaced file */
  cairo_surface_t *surface;
} PngDecode;

static void
png_read_cb (png_structp png,
             png_bytep   out,
             size_t      length)
{
  PngDecode *d = png_get_io_ptr (png);

  if (length > d->size - d->offset)
    png_error (png, "truncated");
  memcpy (out, d->data + d->offset, length);
  d->offset += length;
}

static void
png_error_cb (png_structp     png,
              png_const_charp message)
{
  g_debug ("libpng: %s", message);
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp     png,
                png_const_charp message)
{
}

static guint
sample_bits (const guint8 *row,
             guint         index,
             int           depth)
{
  guint bit = index * depth;

  return (row[bit / 8] >> (8 - depth - bit % 8)) & ((1u << depth) - 1);
}

static guint
sample16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

/* The pixel at @x of a raw row as straight 8-bit R, G, B, A. */
static void
fetch (const PngDecode *d,
       const guint8    *row,
       guint            x,
       guint           *rgba)
{
  guint v, r, g, b;

  switch (d->color_type)
    {
    case PNG_COLOR_TYPE_GRAY:
      v = d->bit_depth == 16 ? sample16 (row + 2 * x) : d->bit_depth == 8 ? row[x] : sample_bits (row, x, d->bit_depth);
      rgba[3] = d->has_key && v == d->key[0] ? 0 : 255;
      if (d->bit_depth == 16)
        v >>= 8;
      else if (d->bit_depth < 8)
        v = v * 255 / ((1u << d->bit_depth) - 1);
      rgba[0] = rgba[1] = rgba[2] = v;
      return;

    case PNG_COLOR_TYPE_PALETTE:
      v = d->bit_depth == 8 ? row[x] : sample_bits (row, x, d->bit_depth);
      for (int i = 0; i < 4; i++)
        rgba[i] = d->palette[v][i];
      return;

    case PNG_COLOR_TYPE_RGB:
      if (d->bit_depth == 16)
        {
          r = sample16 (row + 6 * x), g = sample16 (row + 6 * x + 2), b = sample16 (row + 6 * x + 4);
          rgba[3] = d->has_key && r == d->key[0] && g == d->key[1] && b == d->key[2] ? 0 : 255;
          rgba[0] = r >> 8, rgba[1] = g >> 8, rgba[2] = b >> 8;
          return;
        }
      r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
      rgba[3] = d->has_key && r == d->key[0] && g == d->key[1] && b == d->key[2] ? 0 : 255;
      rgba[0] = r, rgba[1] = g, rgba[2] = b;
      return;

    case PNG_COLOR_TYPE_GRAY_ALPHA:
      if (d->bit_depth == 16)
        rgba[0] = rgba[1] = rgba[2] = row[4 * x], rgba[3] = row[4 * x + 2];
      else
        rgba[0] = rgba[1] = rgba[2] = row[2 * x], rgba[3] = row[2 * x + 1];
      return;

    case PNG_COLOR_TYPE_RGB_ALPHA:
    default:
      if (d->bit_depth == 16)
        rgba[0] = row[8 * x], rgba[1] = row[8 * x + 2], rgba[2] = row[8 * x + 4], rgba[3] = row[8 * x + 6];
      else
        rgba[0] = row[4 * x], rgba[1] = row[4 * x + 1], rgba[2] = row[4 * x + 2], rgba[3] = row[4 * x + 3];
      return;
    }
}

/* The source rows (or columns) [start, end) of output row @o, and which
 * of them are sampled: at most SAMPLES, spread evenly. */
static guint
span_samples (guint  o,
              guint  out_size,
              guint  size,
              guint *samples)
{
  guint start = (guint) ((guint64) o * size / out_size);
  guint end = MAX (start + 1, (guint) ((guint64) (o + 1) * size / out_size));
  guint n = MIN (SAMPLES, end - start);

  for (guint k = 0; k < n; k++)
    samples[k] = start + (guint) ((guint64) (2 * k + 1) * (end - start) / (2 * n));
  return n;
}

static void
accumulate_row (PngDecode    *d,
                const guint8 *row,
                guint         out_width)
{
  for (guint ox = 0; ox < out_width; ox++)
    {
      guint32 *sum = d->sums + 5 * ox;

      for (guint k = 0; k < d->n_xs[ox]; k++)
        {
          guint rgba[4];

          fetch (d, row, d->xs[SAMPLES * ox + k], rgba);
          sum[0] += rgba[0] * rgba[3];
          sum[1] += rgba[1] * rgba[3];
          sum[2] += rgba[2] * rgba[3];
          sum[3] += rgba[3];
          sum[4]++;
        }
    }
}

static void
finish_row (PngDecode *d,
            guint      oy,
            guint      out_width)
{
  guint32 *pixels = (guint32 *) (cairo_image_surface_get_data (d->surface) +
                                 (gsize) oy * cairo_image_surface_get_stride (d->surface));

  for (guint ox = 0; ox < out_width; ox++)
    {
      guint32 *sum = d->sums + 5 * ox;
      guint n = MAX (sum[4], 1);
      guint a = (sum[3] + n / 2) / n;
      guint r = (sum[0] + 255 * n / 2) / (255 * n);
      guint g = (sum[1] + 255 * n / 2) / (255 * n);
      guint b = (sum[2] + 255 * n / 2) / (255 * n);

      pixels[ox] = (a << 24) | (MIN (r, a) << 16) | (MIN (g, a) << 8) | MIN (b, a);
    }
  memset (d->sums, 0, sizeof (guint32) * 5 * out_width);
}

/* Everything libpng may jump out of; what it allocates is in @d. */
static gboolean
png_decode_body (png_structp  png,
                 png_infop    info,
                 PngDecode   *d,
                 guint        out_width,
                 guint        out_height)
{
  png_colorp palette;
  png_bytep trans_alpha;
  png_color_16p trans_color;
  int n_palette = 0, n_trans = 0, interlace;
  gsize rowbytes;
  guint ys[SAMPLES];
  guint n_ys = 0, oy = 0;

  png_set_read_fn (png, d, png_read_cb);
  /* The checksum of the inflated rows costs a tenth of the decoding;
   * the chunks' own CRCs are still checked. */
#ifdef PNG_IGNORE_ADLER32
  png_set_option (png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
  png_read_info (png, info);
  d->width = png_get_image_width (png, info);
  d->height = png_get_image_height (png, info);
  d->color_type = png_get_color_type (png, info);
  d->bit_depth = png_get_bit_depth (png, info);
  interlace = png_get_interlace_type (png, info);
  if (d->width == 0 || d->height == 0 || d->width > JM_PICTURE_MAX_SIDE || d->height > JM_PICTURE_MAX_SIDE)
    return FALSE;
  out_width = CLAMP (out_width, 1, d->width);
  out_height = CLAMP (out_height, 1, d->height);

  memset (d->palette, 0, sizeof d->palette);
  if (d->color_type == PNG_COLOR_TYPE_PALETTE && png_get_PLTE (png, info, &palette, &n_palette))
    {
      for (int i = 0; i < n_palette && i < 256; i++)
        {
          d->palette[i][0] = palette[i].red;
          d->palette[i][1] = palette[i].green;
          d->palette[i][2] = palette[i].blue;
          d->palette[i][3] = 255;
        }
    }
  if (png_get_tRNS (png, info, &trans_alpha, &n_trans, &trans_color))
    {
      if (d->color_type == PNG_COLOR_TYPE_PALETTE)
        {
          for (int i = 0; i < n_trans && i < 256; i++)
            d->palette[i][3] = trans_alpha[i];
        }
      else if (trans_color != NULL)
        {
          d->has_key = TRUE;
          d->key[0] = d->color_type == PNG_COLOR_TYPE_GRAY ? trans_color->gray : trans_color->red;
          d->key[1] = trans_color->green;
          d->key[2] = trans_color->blue;
        }
    }

  if (interlace != PNG_INTERLACE_NONE)
    png_set_interlace_handling (png);
  png_read_update_info (png, info);
  rowbytes = png_get_rowbytes (png, info);

  d->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, out_width, out_height);
  if (cairo_surface_status (d->surface) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  d->xs = g_new0 (guint, (gsize) SAMPLES * out_width);
  d->n_xs = g_new0 (guint, out_width);
  d->sums = g_new0 (guint32, (gsize) 5 * out_width);
  for (guint ox = 0; ox < out_width; ox++)
    d->n_xs[ox] = span_samples (ox, out_width, d->width, d->xs + SAMPLES * ox);

  if (interlace != PNG_INTERLACE_NONE)
    {
      /* Zeroed: libpng writes only the pixels of each pass into a row,
       * not the spare bits of its last byte. */
      d->pointers = g_new (png_bytep, d->height);
      d->rows = g_malloc0 (rowbytes * d->height);
      for (guint y = 0; y < d->height; y++)
        d->pointers[y] = d->rows + rowbytes * y;
      png_read_image (png, d->pointers);
    }
  else
    d->rows = g_malloc (rowbytes);

  n_ys = span_samples (0, out_height, d->height, ys);
  for (guint y = 0; y < d->height && oy < out_height; y++)
    {
      const guint8 *row = d->rows;
      gboolean sampled = FALSE;

      if (interlace != PNG_INTERLACE_NONE)
        row = d->rows + rowbytes * y;
      else
        png_read_row (png, d->rows, NULL);

      for (guint k = 0; k < n_ys; k++)
        sampled |= ys[k] == y;
      if (sampled)
        accumulate_row (d, row, out_width);

      if (y == ys[n_ys - 1])
        {
          finish_row (d, oy, out_width);
          if (++oy < out_height)
            n_ys = span_samples (oy, out_height, d->height, ys);
        }
    }

  cairo_surface_mark_dirty (d->surface);
  return oy == out_height;
}

/* Apart from png_decode_body (), whose locals a jump would clobber. */
static gboolean
png_decode (png_structp  png,
            png_infop    info,
            PngDecode   *d,
            guint        out_width,
            guint        out_height)
{
  if (setjmp (png_jmpbuf (png)))
    return FALSE;

  return png_decode_body (png, info, d, out_width, out_height);
}

static cairo_surface_t *
decode_png (GBytes *picture,
            guint   width,
            guint   height)
{
  PngDecode d = { 0 };
  png_structp png;
  png_infop info;
  gboolean ok = FALSE;

  d.data = g_bytes_get_data (picture, &d.size);
  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, png_error_cb, png_warning_cb);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info != NULL)
    ok = png_decode (png, info, &d, width, height);
  png_destroy_read_struct (&png, &info, NULL);

  g_free (d.rows);
  g_free (d.xs);
  g_free (d.n_xs);
  g_free (d.sums);
  g_free (d.pointers);
  if (!ok)
    g_clear_pointer (&d.surface, cairo_surface_destroy);
  return d.surface;
}

/* }}} */

/* JPEG {{{ */

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         data)
{
  const guint *size = data;

  gdk_pixbuf_loader_set_size (loader, MIN ((guint) width, size[0]), MIN ((guint) height, size[1]));
}

static cairo_surface_t *
pixbuf_to_surface (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *data;
  int out_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || channels < 3)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  data = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *in = pixels + (gsize) y * stride;
      guint32 *out = (guint32 *) (data + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, in += channels)
        {
          guint a = alpha ? in[3] : 255;

          out[x] = (a << 24) | ((in[0] * a + 127) / 255 << 16) | ((in[1] * a + 127) / 255 << 8) |
                   ((in[2] * a + 127) / 255);
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
decode_jpeg (GBytes *picture,
             guint   width,
             guint   height)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  guint size[2] = { MAX (width, 1), MAX (height, 1) };
  GdkPixbuf *pixbuf;

  /* The JPEG loader alone: nothing else of gdk-pixbuf's sees the bytes.
   * Asked for by media type, which loaders of every kind answer to. */
  loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg", &error);
  if (loader == NULL)
    {
      g_debug ("No JPEG loader: %s", error->message);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), size);
  if (!gdk_pixbuf_loader_write_bytes (loader, picture, &error) || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_debug ("JPEG picture not decoded: %s", error->message);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf != NULL ? pixbuf_to_surface (pixbuf) : NULL;
}

/* }}} */

/**
 * jm_picture_get_size:
 *
 * Reads the size of a PNG or JPEG picture from its header.
 *
 * Returns: %FALSE when @picture is of another type, unreadable, or larger
 *   than JM_PICTURE_MAX_SIDE pixels a side: it is not drawn
 */
gboolean
jm_picture_get_size (GBytes     *picture,
                     const char *media_type,
                     guint      *width,
                     guint      *height)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (picture, &size);
  JmPictureFormat format = jm_picture_sniff (data, size, width, height);

  if (format == JM_PICTURE_FORMAT_PNG && g_strcmp0 (media_type, "image/png") != 0)
    return FALSE;
  if (format == JM_PICTURE_FORMAT_JPEG && g_strcmp0 (media_type, "image/jpeg") != 0)
    return FALSE;

  return format != JM_PICTURE_FORMAT_UNKNOWN && *width > 0 && *height > 0 &&
         *width <= JM_PICTURE_MAX_SIDE && *height <= JM_PICTURE_MAX_SIDE;
}

/**
 * jm_picture_decode:
 * @width: the width wanted, at most the picture's
 * @height: the height wanted, at most the picture's
 *
 * Returns: (transfer full) (nullable): the picture as an ARGB32 image of
 *   about @width × @height pixels, or %NULL when it cannot be drawn
 */
cairo_surface_t *
jm_picture_decode (GBytes     *picture,
                   const char *media_type,
                   guint       width,
                   guint       height)
{
  guint full_width, full_height;

  if (!jm_picture_get_size (picture, media_type, &full_width, &full_height))
    return NULL;

  width = CLAMP (width, 1, full_width);
  height = CLAMP (height, 1, full_height);
  if (g_str_equal (media_type, "image/png"))
    return decode_png (picture, width, height);
  return decode_jpeg (picture, width, height);
}

/* SVG pictures {{{ */

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/' || c == '=' || g_ascii_isspace (c);
}

/* The embedded image of @base64 as a PNG at most @max_side pixels a side,
 * base64-encoded, or %NULL when it is no larger than that already. */
static char *
shrink_embedded (const char *media_type,
                 const char *base64,
                 gsize       length,
                 guint       max_side)
{
  g_autofree char *copy = g_strndup (base64, length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  guint width, height;
  double scale;
  guchar *decoded;
  gsize size;

  decoded = g_base64_decode (copy, &size);
  bytes = g_bytes_new_take (decoded, size);
  if (!jm_picture_get_size (bytes, media_type, &width, &height) || MAX (width, height) <= max_side)
    return NULL;

  scale = (double) max_side / MAX (width, height);
  surface = jm_picture_decode (bytes, media_type, MAX (1, (guint) (width * scale + 0.5)),
                               MAX (1, (guint) (height * scale + 0.5)));
  if (surface == NULL)
    return NULL;
  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);

  return g_base64_encode (png->data, png->len);
}

/**
 * jm_picture_shrink_svg:
 * @svg: an SVG picture that jm_picture_check_svg () accepted
 * @max_side: the most pixels a side its embedded images need, such as
 *   the larger side of the image the picture is drawn into
 *
 * librsvg decodes the PNG and JPEG images an SVG picture embeds at their
 * full size, 64 MiB and a fifth of a second for one of 4096 × 4096
 * pixels, each time the picture is drawn. A picture is never drawn into
 * more pixels than the image it is drawn into, so its embedded images
 * are decoded here at that size (see jm_picture_decode ()) and given to
 * librsvg as small PNG images. Their intrinsic size changes, which
 * matters only to an <image> without a width or height.
 *
 * Returns: (transfer full): @svg with its embedded images shrunk, or
 *   @svg itself when none needed it
 */
GBytes *
jm_picture_shrink_svg (GBytes *svg,
                       guint   max_side)
{
  static const struct { const char *prefix; const char *type; } kinds[] = {
    { "data:image/png;base64,", "image/png" },
    { "data:image/jpeg;base64,", "image/jpeg" },
  };
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  const char *end = data + size;
  const char *copied = data;
  const char *p = data;
  GString *out = NULL;

  /* An accepted picture is UTF-8 XML, with no NUL for the search to stop at. */
  while (p < end && (p = g_strstr_len (p, end - p, "data:image/")) != NULL)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (kinds) && !found; k++)
        {
          gsize prefix = strlen (kinds[k].prefix);
          const char *start = p + prefix;
          const char *stop = start;
          g_autofree char *shrunk = NULL;

          if ((gsize) (end - p) < prefix || memcmp (p, kinds[k].prefix, prefix) != 0)
            continue;
          found = TRUE;
          while (stop < end && is_base64_char (*stop))
            stop++;

          shrunk = shrink_embedded (kinds[k].type, start, stop - start, max_side);
          if (shrunk != NULL)
            {
              if (out == NULL)
                out = g_string_sized_new (size);
              g_string_append_len (out, copied, p - copied);
              g_string_append (out, "data:image/png;base64,");
              g_string_append (out, shrunk);
              copied = stop;
            }
          p = stop;
        }
      if (!found)
        p += strlen ("data:image/");
    }

  if (out == NULL)
    return g_bytes_ref (svg);

  g_string_append_len (out, copied, end - copied);
  return g_string_free_to_bytes (out);
}

/* }}} */

