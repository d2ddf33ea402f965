/* jm-export.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-export"

#include "config.h"

#include "jm-export.h"
#include "jm-export-private.h"
#include "jm-handout.h"
#include "jm-png.h"
#include "jm-svg-symbols.h"
#include "jm-svg-text.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <sys/mman.h>
#include <unistd.h>

#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "interop/jm-csv.h"
#include "interop/jm-mermaid.h"
#include "io/jm-document-io.h"
#include "model/jm-comment.h"
#include "render/jm-priority-matrix.h"
#include "render/jm-renderer.h"

/* Exports draw with the renderer of the canvas into cairo's PNG, SVG and
 * PDF surfaces. They are built in memory and then saved like a map, with
 * an atomic replace: a failed export never leaves a partial file. */

/* CSS pixels to PostScript points: 96 px make an inch, 72 pt do. */
#define JM_POINTS_PER_UNIT 0.75

G_DEFINE_QUARK (jm-export-error-quark, jm_export_error)

void
jm_export_options_init (JmExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (JmExportOptions) { JM_LAYER_MODE_CURRENT, 1.0, FALSE, JM_THEME_LIGHT, FALSE, JM_EXPORT_VIEW_MAP,
                                FALSE, FALSE };
}

/**
 * jm_export_paper_get_size:
 * @width: (out): the sheet's width in points
 * @height: (out): its height in points
 *
 * The size of a sheet of @paper turned to @orientation.
 *
 * Returns: %FALSE for %JM_EXPORT_PAPER_MAP, which has no size of its own
 */
gboolean
jm_export_paper_get_size (JmExportPaper        paper,
                          JmExportOrientation  orientation,
                          double              *width,
                          double              *height)
{
  double short_side, long_side;

  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  /* ISO 216 sizes in millimetres, and Letter's 8.5 × 11 inches. */
  switch (paper)
    {
    case JM_EXPORT_PAPER_A4:
      short_side = 210 / 25.4 * 72;
      long_side = 297 / 25.4 * 72;
      break;
    case JM_EXPORT_PAPER_A3:
      short_side = 297 / 25.4 * 72;
      long_side = 420 / 25.4 * 72;
      break;
    case JM_EXPORT_PAPER_LETTER:
      short_side = 8.5 * 72;
      long_side = 11 * 72;
      break;
    case JM_EXPORT_PAPER_MAP:
    default:
      return FALSE;
    }

  *width = orientation == JM_EXPORT_ORIENTATION_PORTRAIT ? short_side : long_side;
  *height = orientation == JM_EXPORT_ORIENTATION_PORTRAIT ? long_side : short_side;
  return TRUE;
}

/**
 * jm_export_paper_from_string:
 * @name: "map", "a4", "a3" or "letter", in any case
 *
 * Returns: %FALSE for any other name
 */
gboolean
jm_export_paper_from_string (const char    *name,
                             JmExportPaper *paper)
{
  static const struct { const char *name; JmExportPaper paper; } papers[] = {
    { "map", JM_EXPORT_PAPER_MAP },
    { "a4", JM_EXPORT_PAPER_A4 },
    { "a3", JM_EXPORT_PAPER_A3 },
    { "letter", JM_EXPORT_PAPER_LETTER },
  };

  g_return_val_if_fail (paper != NULL, FALSE);

  for (gsize i = 0; name != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = papers[i].paper;
        return TRUE;
      }

  return FALSE;
}

/**
 * jm_export_orientation_from_string:
 * @name: "portrait" or "landscape", in any case
 *
 * Returns: %FALSE for any other name
 */
gboolean
jm_export_orientation_from_string (const char          *name,
                                   JmExportOrientation *orientation)
{
  g_return_val_if_fail (orientation != NULL, FALSE);

  if (name != NULL && g_ascii_strcasecmp (name, "portrait") == 0)
    *orientation = JM_EXPORT_ORIENTATION_PORTRAIT;
  else if (name != NULL && g_ascii_strcasecmp (name, "landscape") == 0)
    *orientation = JM_EXPORT_ORIENTATION_LANDSCAPE;
  else
    return FALSE;

  return TRUE;
}

/**
 * jm_export_format_for_path:
 * @path: the name of the file to export to
 * @format: (out): the format its extension names
 *
 * Returns: %FALSE with %JM_EXPORT_ERROR_UNKNOWN_FORMAT for an extension
 *   that is not .png, .svg, .pdf, .jmap, .mmd or .csv
 */
gboolean
jm_export_format_for_path (const char      *path,
                           JmExportFormat  *format,
                           GError         **error)
{
  static const struct {
    const char     *suffix;
    JmExportFormat  format;
  } formats[] = {
    { ".png", JM_EXPORT_FORMAT_PNG },
    { ".svg", JM_EXPORT_FORMAT_SVG },
    { ".pdf", JM_EXPORT_FORMAT_PDF },
    { ".jmap", JM_EXPORT_FORMAT_JMAP },
    { ".mmd", JM_EXPORT_FORMAT_MERMAID },
    { ".csv", JM_EXPORT_FORMAT_CSV },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_has_suffix (lower, formats[i].suffix))
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("“%s” is not a format Journeymap exports to; use a name ending in .png, .svg, "
                 ".pdf, .jmap, .mmd or .csv."), path);
  return FALSE;
}

static cairo_status_t
jm_export_write_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
jm_export_check_surface (cairo_surface_t  *surface,
                         GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED,
               _("The export could not be drawn: %s."), cairo_status_to_string (status));
  return FALSE;
}

/* cairo keeps coordinates in 24.8 fixed point, which reaches ±8,388,608
 * units: an SVG export of a map 8.4 million units wide aborted inside
 * cairo. SVG and PDF exports stop short of that, with room for what is
 * drawn beside the map's edge (shadows, strokes). */
static gboolean
jm_export_fits_vector (double width,
                       double height)
{
  return width <= JM_EXPORT_MAX_VECTOR_SIZE && height <= JM_EXPORT_MAX_VECTOR_SIZE;
}

static void
jm_export_draw (cairo_t               *cr,
                JmLayout              *layout,
                const JmExportOptions *options,
                JmSvgText             *text,
                JmSvgSymbols          *symbols)
{
  JmRenderOptions render = { options->theme, options->transparent, NULL, JM_RENDER_ALL, TRUE };

  render.review_marks = options->comments;

  if (text != NULL)
    {
      render.text_func = jm_svg_text_add_layout;
      render.text_data = text;
      /* The text is written as <text>, not drawn as outlines too. */
      render.text_drawn_by_callback = TRUE;
    }
  if (symbols != NULL)
    {
      /* Each pictogram is written once, as a <symbol>, and used where drawn. */
      render.icon_func = jm_svg_symbols_add_icon;
      render.icon_data = symbols;
      render.icons_drawn_by_callback = TRUE;
    }
  jm_renderer_draw (cr, layout, &render);
}

/* Large images are drawn a band of rows at a time, each band's rows
 * handed to the encoder before the next is drawn: at scale 8 a large map
 * took 1.55 GB drawn at once. A band is at most this many bytes. */
#define JM_EXPORT_PNG_BAND_BYTES (16 * 1024 * 1024)

/* What is drawn beyond an item's box (shadows, strokes, labels) reaches
 * less than this: the renderer draws what comes this near a band. */
#define JM_EXPORT_PNG_BAND_MARGIN 64.0

/* The bands are drawn into one image surface of the whole image's size,
 * clipped to the band, so that every band is drawn at the coordinates of
 * the image drawn at once: cairo samples pictures and icons with fixed
 * point that rounds differently when they are moved by whole pixels, so
 * bands drawn moved up came out a level off here and there. The surface's
 * memory is mapped, not allocated: only the band's pages are ever
 * touched, and those of a band encoded are given back. */
typedef struct
{
  JmLayout              *layout;
  const JmExportOptions *options;
  int                    width;
  int                    height;
  int                    stride;
  int                    band_rows;
  guchar                *data;
  gsize                  size;
  cairo_surface_t       *surface;
  int                    band_end;
} Bands;

static gboolean
bands_map (Bands   *bands,
           GError **error)
{
  bands->stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, bands->width);
  bands->size = MAX ((gsize) bands->stride * bands->height, 1);
  bands->data = mmap (NULL, bands->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                      -1, 0);
  if (bands->data == MAP_FAILED)
    {
      int saved_errno = errno;

      bands->data = NULL;
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED,
                   _("The export could not be drawn: %s."), g_strerror (saved_errno));
      return FALSE;
    }

  bands->surface = cairo_image_surface_create_for_data (bands->data, CAIRO_FORMAT_ARGB32, bands->width,
                                                        bands->height, bands->stride);
  return jm_export_check_surface (bands->surface, error);
}

static void
bands_unmap (Bands *bands)
{
  g_clear_pointer (&bands->surface, cairo_surface_destroy);
  if (bands->data != NULL)
    munmap (bands->data, bands->size);
  bands->data = NULL;
}

/* Gives back the pages that hold only rows above @row, encoded. */
static void
bands_release_above (Bands *bands,
                     int    row)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize end = ((gsize) row * bands->stride) / page * page;

  if (end > 0)
    madvise (bands->data, end, MADV_DONTNEED);
}

/* How many rows a band is drawn beyond its own, above and below, at
 * @scale. From cairo 1.17 on, a glyph that a clip cuts through loses the
 * lowest row of its ink: drawn clipped to its own rows, every band of a
 * PNG export lost a row of the text that crossed its top (seen on Debian
 * 13). A clip this much further away cuts only text whose ink ends before
 * the band begins: no text the renderer draws is taller. */
#define JM_EXPORT_PNG_BAND_OVERLAP 40.0

static int
bands_overlap_rows (const Bands *bands)
{
  return (int) ceil (JM_EXPORT_PNG_BAND_OVERLAP * bands->options->scale);
}

/* Draws the band of rows that starts at @top. */
static gboolean
bands_draw (Bands   *bands,
            int      top,
            GError **error)
{
  const JmExportOptions *options = bands->options;
  int rows = MIN (bands->band_rows, bands->height - top);
  int overlap = bands_overlap_rows (bands);
  int drawn_top = MAX (top - overlap, 0);
  int drawn_end = MIN (top + rows + overlap, bands->height);
  JmRect clip = { -JM_EXPORT_PNG_BAND_MARGIN, drawn_top / options->scale - JM_EXPORT_PNG_BAND_MARGIN,
                  bands->width / options->scale + 2 * JM_EXPORT_PNG_BAND_MARGIN,
                  (drawn_end - drawn_top) / options->scale + 2 * JM_EXPORT_PNG_BAND_MARGIN };
  JmRenderOptions render = { options->theme, options->transparent, &clip, JM_RENDER_ALL, TRUE };
  cairo_t *cr;

  render.review_marks = options->comments;

  bands_release_above (bands, drawn_top);

  cr = cairo_create (bands->surface);
  cairo_rectangle (cr, 0, drawn_top, bands->width, drawn_end - drawn_top);
  cairo_clip (cr);
  /* The rows below this band's own were drawn by the band before, as its
   * overlap: each row is drawn over a clear one. */
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_scale (cr, options->scale, options->scale);
  jm_renderer_draw (cr, bands->layout, &render);
  cairo_destroy (cr);
  cairo_surface_flush (bands->surface);
  bands->band_end = top + rows;

  return jm_export_check_surface (bands->surface, error);
}

static const guint32 *
bands_row (int       y,
           gpointer  user_data,
           GError  **error)
{
  Bands *bands = user_data;

  if (y >= bands->band_end && !bands_draw (bands, y, error))
    return NULL;

  return (const guint32 *) (bands->data + (gsize) y * bands->stride);
}

/**
 * jm_export_png_in_bands:
 * @band_rows: the most rows drawn at a time; 0 for as many as fit in
 *   %JM_EXPORT_PNG_BAND_BYTES
 *
 * The PNG export (see jm_export_to_bytes ()), drawn in bands.
 */
GBytes *
jm_export_png_in_bands (JmLayout               *layout,
                        const JmExportOptions  *options,
                        int                     band_rows,
                        GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  Bands bands = { layout, options, 0, 0, 0, band_rows, NULL, 0, NULL, 0 };
  double width, height;
  gboolean ok;

  jm_layout_get_size (layout, &width, &height);
  bands.width = (int) MIN (ceil (width * options->scale), G_MAXINT);
  bands.height = (int) MIN (ceil (height * options->scale), G_MAXINT);
  if (bands.width > 32767 || bands.height > 32767 ||
      (double) bands.width * bands.height > JM_EXPORT_MAX_PIXELS)
    {
      /* SVG and PDF are only worth suggesting when they can hold the map. */
      if (jm_export_fits_vector (width, height))
        g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                     _("At scale %g the image would be %d × %d pixels, more than a PNG export "
                       "allows; choose a smaller scale, or export to SVG or PDF."),
                     options->scale, bands.width, bands.height);
      else
        g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                     _("At scale %g the image would be %d × %d pixels, more than a PNG export "
                       "allows; choose a smaller scale."),
                     options->scale, bands.width, bands.height);
      return NULL;
    }

  /* Bands several times as high as their overlap, so that drawing the
   * overlap twice costs little. */
  if (bands.band_rows <= 0)
    bands.band_rows = MAX (4 * bands_overlap_rows (&bands),
                           JM_EXPORT_PNG_BAND_BYTES / (MAX (bands.width, 1) * 4));

  ok = bands_map (&bands, error) &&
       jm_png_encode_rows (bands.width, bands.height, !options->transparent, bands_row, &bands, out, error);
  bands_unmap (&bands);

  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED,
                             _("The PNG image could not be encoded."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
jm_export_png (JmLayout               *layout,
               const JmExportOptions  *options,
               GError                **error)
{
  return jm_export_png_in_bands (layout, options, 0, error);
}

static GBytes *
jm_export_vector (JmLayout               *layout,
                  JmExportFormat          format,
                  const JmExportOptions  *options,
                  GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(JmSvgText) text = NULL;
  g_autoptr(JmSvgSymbols) symbols = NULL;
  g_autoptr(GBytes) drawn = NULL;
  JmDocument *document = jm_layout_get_document (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  double page_width, page_height;
  double fit = JM_POINTS_PER_UNIT, offset_x = 0, offset_y = 0;
  gboolean ok;

  jm_layout_get_size (layout, &width, &height);
  if (!jm_export_fits_vector (width, height))
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                   _("The map is %.0f × %.0f units, larger than an SVG or PDF export can hold "
                     "(%.0f units each way); remove or narrow stages, or export to PNG at a small "
                     "scale."),
                   ceil (width), ceil (height), JM_EXPORT_MAX_VECTOR_SIZE);
      return NULL;
    }

  if (format == JM_EXPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (jm_export_write_cb, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      /* cairo would draw text as outlines; it is written as <text>. */
      text = jm_svg_text_new ();
      /* cairo would write each pictogram's paths again and again. */
      symbols = jm_svg_symbols_new ();
    }
  else
    {
      page_width = width * JM_POINTS_PER_UNIT;
      page_height = height * JM_POINTS_PER_UNIT;
      /* On a sheet, the map as large as fits within the margins, centred:
       * a map is drawn in vectors, so a small one grows as sharp. */
      if (jm_export_paper_get_size (options->paper, options->orientation, &page_width, &page_height))
        {
          fit = MIN ((page_width - 2 * JM_EXPORT_PAPER_MARGIN) / MAX (width, 1.0),
                     (page_height - 2 * JM_EXPORT_PAPER_MARGIN) / MAX (height, 1.0));
          offset_x = (page_width - width * fit) / 2;
          offset_y = (page_height - height * fit) / 2;
        }
      surface = cairo_pdf_surface_create_for_stream (jm_export_write_cb, out, page_width, page_height);
      if (jm_document_get_title (document) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, jm_document_get_title (document));
      if (jm_document_get_author (document) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, jm_document_get_author (document));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Journeymap " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  if (format == JM_EXPORT_FORMAT_PDF)
    {
      cairo_translate (cr, offset_x, offset_y);
      cairo_scale (cr, fit, fit);
    }
  jm_export_draw (cr, layout, options, text, symbols);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  ok = jm_export_check_surface (surface, error);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;

  drawn = g_byte_array_free_to_bytes (g_steal_pointer (&out));
  if (symbols != NULL)
    {
      GBytes *with_symbols = jm_svg_symbols_insert (symbols, drawn);

      g_bytes_unref (drawn);
      drawn = with_symbols;
    }
  if (text != NULL)
    return jm_svg_text_insert (text, drawn);
  return g_steal_pointer (&drawn);
}

static gboolean
jm_export_check_options (const JmExportOptions  *options,
                         GError                **error)
{
  if (!isfinite (options->scale) || options->scale <= 0 || options->scale > JM_EXPORT_MAX_SCALE)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_INVALID_OPTION,
                   _("The scale must be a number above 0 and at most %g."), JM_EXPORT_MAX_SCALE);
      return FALSE;
    }

  return TRUE;
}

static GBytes *
jm_export_layout_to_bytes (JmLayout               *layout,
                           JmExportFormat          format,
                           const JmExportOptions  *options,
                           GError                **error)
{
  if (format == JM_EXPORT_FORMAT_PNG)
    return jm_export_png (layout, options, error);
  if (format == JM_EXPORT_FORMAT_HANDOUT)
    return jm_handout_write (layout, options, error);

  return jm_export_vector (layout, format, options, error);
}

/* Mermaid and CSV carry the map's content, not its drawing: they need
 * no layout. Mermaid holds one state, the future one when asked for. */
static GBytes *
jm_export_content (JmDocument             *document,
                   JmExportFormat          format,
                   const JmExportOptions  *options)
{
  if (format == JM_EXPORT_FORMAT_CSV)
    return jm_csv_write (document, options->bom);

  return jm_mermaid_write (document, options->mode == JM_LAYER_MODE_FUTURE ? JM_LAYER_STATE_FUTURE
                                                                           : JM_LAYER_STATE_CURRENT);
}

/* The priority matrix: one page of a fixed size, whatever the map, so it
 * needs no layout and no bands; the future state's opportunities when the
 * future or both states are asked for, else the current state's. */
static GBytes *
jm_export_matrix (JmDocument             *document,
                  JmExportFormat          format,
                  const JmExportOptions  *options,
                  GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  JmLayerState state = options->mode == JM_LAYER_MODE_CURRENT ? JM_LAYER_STATE_CURRENT : JM_LAYER_STATE_FUTURE;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (format == JM_EXPORT_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (JM_MATRIX_WIDTH * options->scale),
                                          (int) ceil (JM_MATRIX_HEIGHT * options->scale));
  else if (format == JM_EXPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (jm_export_write_cb, out, JM_MATRIX_WIDTH, JM_MATRIX_HEIGHT);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (jm_export_write_cb, out, JM_MATRIX_WIDTH * JM_POINTS_PER_UNIT,
                                                     JM_MATRIX_HEIGHT * JM_POINTS_PER_UNIT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Journeymap " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  if (format == JM_EXPORT_FORMAT_PNG)
    cairo_scale (cr, options->scale, options->scale);
  else if (format == JM_EXPORT_FORMAT_PDF)
    cairo_scale (cr, JM_POINTS_PER_UNIT, JM_POINTS_PER_UNIT);
  jm_priority_matrix_draw (cr, document, state, options->theme);
  cairo_destroy (cr);

  if (format == JM_EXPORT_FORMAT_PNG)
    {
      cairo_surface_flush (surface);
      ok = cairo_surface_write_to_png_stream (surface, jm_export_write_cb, out) == CAIRO_STATUS_SUCCESS;
      if (!ok)
        g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED, _("The picture could not be made."));
    }
  else
    {
      cairo_surface_finish (surface);
      ok = jm_export_check_surface (surface, error);
    }
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The map as a .jmap file: as saved, or, with leave_out_comments, a copy
 * of it without the review comments (the map itself keeps them). */
static GBytes *
jm_export_map_bytes (JmDocument             *document,
                     const JmExportOptions  *options,
                     GError                **error)
{
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JmDocument) copy = NULL;

  saved = jm_xml_writer_write_bytes (document);
  if (!options->leave_out_comments)
    return g_steal_pointer (&saved);

  copy = jm_xml_reader_read_bytes (saved, "copy", error);
  if (copy == NULL)
    return NULL;
  jm_comments_remove_all (copy);

  return jm_xml_writer_write_bytes (copy);
}

/**
 * jm_export_to_bytes:
 * @document: the map
 * @format: what to make
 * @options: (nullable): how; %NULL for the defaults
 *
 * Returns: (transfer full): the exported file's content, or %NULL with
 *   @error set
 */
GBytes *
jm_export_to_bytes (JmDocument             *document,
                    JmExportFormat          format,
                    const JmExportOptions  *options,
                    GError                **error)
{
  g_autoptr(JmLayout) layout = NULL;
  JmExportOptions defaults;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    {
      jm_export_options_init (&defaults);
      options = &defaults;
    }

  if (!jm_export_check_options (options, error))
    return NULL;

  if (options->view == JM_EXPORT_VIEW_MATRIX)
    {
      if (format != JM_EXPORT_FORMAT_PNG && format != JM_EXPORT_FORMAT_SVG && format != JM_EXPORT_FORMAT_PDF)
        {
          g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_INVALID_OPTION,
                       _("The priority matrix is a picture: export it to PNG, SVG or PDF."));
          return NULL;
        }
      return jm_export_matrix (document, format, options, error);
    }

  if (format == JM_EXPORT_FORMAT_JMAP)
    {
      g_autoptr(GBytes) map = jm_export_map_bytes (document, options, error);

      if (map == NULL)
        return NULL;

      return jm_document_io_check_size (g_bytes_get_size (map), error) ? g_steal_pointer (&map) : NULL;
    }

  if (format == JM_EXPORT_FORMAT_MERMAID || format == JM_EXPORT_FORMAT_CSV)
    return jm_export_content (document, format, options);

  layout = jm_layout_new (document, options->mode);

  return jm_export_layout_to_bytes (layout, format, options, error);
}

/**
 * jm_export_to_file:
 *
 * Exports to @file, replacing it atomically; on failure nothing is
 * written.
 */
gboolean
jm_export_to_file (JmDocument             *document,
                   GFile                  *file,
                   JmExportFormat          format,
                   const JmExportOptions  *options,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = jm_export_to_bytes (document, format, options, error);
  if (bytes == NULL)
    return FALSE;

  return jm_document_io_save_bytes (bytes, file, NULL, NULL, NULL, error);
}

/* The map as it was when the export began, serialized, and where and how
 * it goes. */
typedef struct
{
  GBytes          *snapshot;
  GFile           *file;
  JmExportFormat   format;
  JmExportOptions  options;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->snapshot, g_bytes_unref);
  g_clear_object (&job->file);
  g_free (job);
}

/**
 * jm_export_lay_out_copy_in_worker:
 * @snapshot: a map as the writer wrote it
 *
 * For a worker thread that draws a map while the window goes on: reads
 * @snapshot into a document of its own and lays it out, with a font map
 * of its own (see jm_layout_new_in_worker ()).
 *
 * Returns: (transfer full) (nullable): the layout, laid out, whose
 *   document is the copy; %NULL with @error set
 */
JmLayout *
jm_export_lay_out_copy_in_worker (GBytes       *snapshot,
                                  JmLayerMode   mode,
                                  GError      **error)
{
  g_autoptr(JmDocument) copy = jm_xml_reader_read_bytes (snapshot, "copy", error);
  JmLayout *layout;

  if (copy == NULL)
    return NULL;

  layout = jm_layout_new_in_worker (copy, mode);
  jm_layout_update (layout);
  return layout;
}

/* Draws the snapshot's copy of the map and returns the file's bytes. */
static GBytes *
jm_export_snapshot_to_bytes (ExportJob     *job,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(JmLayout) layout = NULL;

  if (job->format == JM_EXPORT_FORMAT_JMAP && !job->options.leave_out_comments)
    return g_bytes_ref (job->snapshot);

  if (job->format == JM_EXPORT_FORMAT_JMAP)
    {
      g_autoptr(JmDocument) copy = jm_xml_reader_read_bytes (job->snapshot, "copy", error);

      return copy != NULL ? jm_export_map_bytes (copy, &job->options, error) : NULL;
    }

  if (job->format == JM_EXPORT_FORMAT_MERMAID || job->format == JM_EXPORT_FORMAT_CSV)
    {
      g_autoptr(JmDocument) copy = jm_xml_reader_read_bytes (job->snapshot, "copy", error);

      return copy != NULL ? jm_export_content (copy, job->format, &job->options) : NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  layout = jm_export_lay_out_copy_in_worker (job->snapshot, job->options.mode, error);
  if (layout == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return jm_export_layout_to_bytes (layout, job->format, &job->options, error);
}

static void
jm_export_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = jm_export_snapshot_to_bytes (job, cancellable, &error);
  if (bytes == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !jm_document_io_save_bytes (bytes, job->file, NULL, NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * jm_export_to_file_async:
 * @options: (nullable): how; %NULL for the defaults
 *
 * As jm_export_to_file (), in a worker thread: a large map takes seconds
 * to draw, and the window must not stand still meanwhile. @document is
 * serialized now, on the calling thread, so the export shows the map as
 * it is at this moment whatever changes after. An export cancelled before
 * its file is written writes nothing; one whose file was written stays,
 * though it then reports %G_IO_ERROR_CANCELLED.
 */
void
jm_export_to_file_async (JmDocument             *document,
                         GFile                  *file,
                         JmExportFormat          format,
                         const JmExportOptions  *options,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ExportJob *job;

  g_return_if_fail (JM_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jm_export_to_file_async);

  job = g_new0 (ExportJob, 1);
  if (options != NULL)
    job->options = *options;
  else
    jm_export_options_init (&job->options);
  job->format = format;
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, export_job_free);

  if (!jm_export_check_options (&job->options, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job->snapshot = jm_xml_writer_write_bytes (document);

  /* A map grown past what a file may hold (pictures added since it was
   * opened) would not read back in the worker: it is exported here, as
   * the window did before exports ran in a worker (or refused, as a map
   * file). */
  if (g_bytes_get_size (job->snapshot) > JM_FORMAT_MAX_FILE_SIZE)
    {
      if (jm_export_to_file (document, file, format, &job->options, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, jm_export_thread);
}

gboolean
jm_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jm_export_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
