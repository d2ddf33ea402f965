/* test-render.c: the renderer and the exports
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "export/jm-export.h"
#include "export/jm-png.h"
#include "format/jm-format-error.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-document-private.h"
#include "render/jm-layout-private.h"
#include "render/jm-renderer.h"
#include "render/jm-renderer-private.h"

#include "jm-test-maps.h"

static const char *example_names[] = {
  "grocery-first-order",
  "hotel-guest-stay",
  "saas-onboarding",
};

static const char *layer_names[] = { "current", "future", "both" };

static JmDocument *
load_test_map (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "layout.jmap", NULL);

  return jm_test_load_map (path);
}

static char *
example_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".jmap", NULL);

  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", file, NULL);
}

/* The colour at a point, as 0xAARRGGBB (premultiplied). */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (const void *) (data + y * stride + x * 4);
}

static void
assert_color_near (guint32 pixel,
                   guint32 expected,
                   int     tolerance)
{
  for (int shift = 0; shift < 32; shift += 8)
    {
      int a = (pixel >> shift) & 0xff, b = (expected >> shift) & 0xff;

      if (ABS (a - b) > tolerance)
        g_error ("pixel 0x%08x is not near 0x%08x", pixel, expected);
    }
}

static guint32
rgb (const JmColor *color)
{
  return 0xff000000u | ((guint32) round (color->red * 255) << 16) |
         ((guint32) round (color->green * 255) << 8) | (guint32) round (color->blue * 255);
}

static void
test_render_probes (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  cairo_surface_t *surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  const JmStageBox *first = &g_array_index (layout->stages, JmStageBox, 0);
  const JmStageBox *decision = &g_array_index (layout->stages, JmStageBox, 2);
  JmColor custom;
  JmRect pain;
  JmItem *pain_item = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "i4");

  /* The background, the stage bands (palette and custom colour). */
  assert_color_near (pixel_at (surface, 3, 3), rgb (&theme->background), 0);
  assert_color_near (pixel_at (surface, first->x + 20, layout->grid_y + 2),
                     rgb (&(JmColor) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 }), 2);
  g_assert_true (jm_color_parse ("#e66100", &custom));
  /* The Decision stage has a Moment of Truth: its top line is gold, the band below its colour. */
  assert_color_near (pixel_at (surface, decision->x + 20, layout->grid_y + 4), rgb (&custom), 2);

  /* A pain point card is filled with the pain colour. */
  g_assert_true (jm_layout_get_item_rect (layout, pain_item, &pain));
  assert_color_near (pixel_at (surface, pain.x + pain.width - 6, pain.y + pain.height - 4),
                     rgb (&theme->pain_card), 3);
  /* Its accent bar on the left is the pain colour. */
  assert_color_near (pixel_at (surface, pain.x + 2, pain.y + pain.height / 2), rgb (&theme->pain), 3);

  cairo_surface_destroy (surface);
}

/* Pixels of @rect within @tolerance of @color in every channel. */
static guint
count_near (cairo_surface_t *surface,
            const JmRect    *rect,
            guint32          color,
            int              tolerance)
{
  guint count = 0;

  for (int y = (int) rect->y; y < (int) (rect->y + rect->height); y++)
    for (int x = (int) rect->x; x < (int) (rect->x + rect->width); x++)
      {
        guint32 pixel = pixel_at (surface, x, y);
        gboolean near = TRUE;

        for (int shift = 0; shift < 32 && near; shift += 8)
          near = ABS ((int) ((pixel >> shift) & 0xff) - (int) ((color >> shift) & 0xff)) <= tolerance;
        count += near;
      }

  return count;
}

/* A stage with a Moment of Truth says so at the right of its number line,
 * in the Moment-of-Truth colour (icon and caption); one without has
 * nothing there. */
static void
test_render_stage_moment_caption (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  cairo_surface_t *surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);

  for (guint i = 0; i < layout->stages->len; i++)
    {
      const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, i);
      /* The number line, right half, below the band. */
      JmRect line = { stage->x + stage->width / 2, layout->grid_y + JM_STAGE_BAND + JM_CELL_PADDING - 1,
                      stage->width / 2 - JM_CELL_PADDING, JM_CAPTION_HEIGHT };
      guint n = count_near (surface, &line, rgb (&theme->moment), 24);

      g_test_message ("stage %u: %u pixels of the moment colour", i, n);
      if (stage->n_moments > 0)
        g_assert_cmpuint (n, >, 30);
      else
        g_assert_cmpuint (n, ==, 0);
    }
  /* layout.jmap: one Moment of Truth, in the Decision stage. */
  g_assert_cmpuint (g_array_index (layout->stages, JmStageBox, 2).n_moments, ==, 1);

  cairo_surface_destroy (surface);
}

/* Every emotion point is a dot of its score's colour on the curve, which
 * runs through it in its persona's colour. */
static void
test_render_curve_points (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  cairo_surface_t *surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmColor line = jm_theme_persona_color (0);

  g_assert_cmpuint (jm_object_store_get_n_objects (points), ==, 4);
  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      JmColor score = jm_theme_score_color (theme, jm_emotion_point_get_score (point));
      /* Just outside the dot's white ring, before and after it. */
      JmRect around;
      double x, y;

      g_assert_true (jm_layout_get_point_position (layout, point, &x, &y));
      assert_color_near (pixel_at (surface, round (x), round (y)), rgb (&score), 3);
      around = (JmRect) { x - 3 * JM_POINT_RADIUS, y - 3 * JM_POINT_RADIUS, 6 * JM_POINT_RADIUS,
                          6 * JM_POINT_RADIUS };
      g_assert_cmpuint (count_near (surface, &around, rgb (&line), 24), >, 6);
    }

  cairo_surface_destroy (surface);
}

/* Each link ends in an arrow head on the side of the card it leads to:
 * between the end of its line and the card, the link's colour. */
static void
test_render_link_arrows (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  cairo_surface_t *surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);

  g_assert_cmpuint (layout->links->len, ==, 3);
  for (guint i = 0; i < layout->links->len; i++)
    {
      const JmLinkBox *box = &g_array_index (layout->links, JmLinkBox, i);
      int x = round (box->xs[box->n_points - 1]), y = round (box->ys[box->n_points - 1]);
      /* The line stops 6 units short of the tip; the head is 8 long and
       * 9 wide at its back. */
      JmRect head = { x - 5, y - 1, 3, 3 };
      guint n = count_near (surface, &head, rgb (&theme->link), 40);

      g_test_message ("link %u: %u of 9 pixels of the link colour before its tip", i, n);
      g_assert_cmpuint (n, >=, 5);
    }

  cairo_surface_destroy (surface);
}

/* A link's label is drawn on its route: taking the label away changes
 * the pixels there. */
static void
test_render_link_labels (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  JmLink *link = jm_object_store_lookup (jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)),
                                         "k3");
  cairo_surface_t *labelled = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  cairo_surface_t *bare;
  g_auto(GValue) none = G_VALUE_INIT;
  const JmLinkBox *box = NULL;
  guint differing = 0;
  double mx, my;

  for (guint i = 0; i < layout->links->len; i++)
    {
      if (g_array_index (layout->links, JmLinkBox, i).link == link)
        box = &g_array_index (layout->links, JmLinkBox, i);
    }
  g_assert_nonnull (box);
  g_assert_cmpuint (box->n_points, >=, 4);
  mx = (box->xs[2] + box->xs[3]) / 2;
  my = (box->ys[2] + box->ys[3]) / 2;

  g_value_init (&none, G_TYPE_STRING);
  _jm_document_set_property (document, G_OBJECT (link), "label", &none);
  jm_layout_update (layout);
  bare = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);

  /* Around the middle of its third run, where the label goes. */
  for (int y = my - 8; y < my + 8; y++)
    for (int x = mx - 20; x < mx + 20; x++)
      differing += pixel_at (labelled, x, y) != pixel_at (bare, x, y);
  g_test_message ("%u pixels differ where the label was", differing);
  g_assert_cmpuint (differing, >, 60);

  cairo_surface_destroy (bare);
  cairo_surface_destroy (labelled);
}

static void
test_render_scale_is_sharp (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  cairo_surface_t *one = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  cairo_surface_t *two = jm_test_render (layout, 2.0, JM_THEME_LIGHT, FALSE);
  JmRect pain;
  JmItem *pain_item = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "i4");

  g_assert_cmpint (cairo_image_surface_get_width (two), ==, 2 * cairo_image_surface_get_width (one));
  g_assert_true (jm_layout_get_item_rect (layout, pain_item, &pain));
  /* At twice the scale the accent bar is twice as wide, with crisp edges. */
  assert_color_near (pixel_at (two, 2 * pain.x + 1, 2 * (pain.y + pain.height / 2)), rgb (&theme->pain), 3);
  assert_color_near (pixel_at (two, 2 * pain.x + 6, 2 * (pain.y + pain.height / 2)), rgb (&theme->pain), 3);

  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
}

static void
test_render_dark_and_transparent (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  cairo_surface_t *dark = jm_test_render (layout, 1.0, JM_THEME_DARK, FALSE);
  cairo_surface_t *clear = jm_test_render (layout, 1.0, JM_THEME_LIGHT, TRUE);

  assert_color_near (pixel_at (dark, 3, 3), rgb (&jm_theme_get (JM_THEME_DARK)->background), 0);
  g_assert_cmpuint (pixel_at (clear, 3, 3) >> 24, ==, 0);

  cairo_surface_destroy (dark);
  cairo_surface_destroy (clear);
}

static guint
count_clip_differences (JmLayout        *layout,
                        cairo_surface_t *full,
                        const JmRect    *clip,
                        int              tolerance)
{
  cairo_surface_t *part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                      cairo_image_surface_get_width (full),
                                                      cairo_image_surface_get_height (full));
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, clip };
  cairo_t *cr = cairo_create (part);
  guint differing = 0;

  cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (cr);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (part);

  /* Cairo composites antialiased edges a few levels differently under
   * another clip; anything missing would differ by far more. */
  for (int y = clip->y; y < clip->y + clip->height; y++)
    for (int x = clip->x; x < clip->x + clip->width; x++)
      {
        guint32 p = pixel_at (full, x, y), q = pixel_at (part, x, y);

        for (int shift = 0; shift < 32; shift += 8)
          {
            if (ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)) > tolerance)
              {
                g_test_message ("differs at %d,%d: %08x %08x", x, y, p, q);
                differing++;
                break;
              }
          }
      }

  cairo_surface_destroy (part);
  return differing;
}

/* Drawing a region gives, inside the region, what drawing all gives. */
static void
test_render_clip_matches_full (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  cairo_surface_t *full = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);

  g_assert_cmpuint (count_clip_differences (layout, full, &(JmRect) { 500, 400, 300, 250 }, 4), ==, 0);

  cairo_surface_destroy (full);
}

/* The canvas draws the emotional curves and the links of the view only:
 * each band of a compared map with two curves, links and their labels
 * looks as it does in the whole picture. The filled curve is composited
 * through two clips of its own, and where its stroke crosses a band cairo
 * antialiases it up to ten levels differently: the tolerance is above
 * that and far below a missing line or label. */
static void
test_render_clip_curves_and_links (void)
{
  g_autofree char *path = example_path ("saas-onboarding");
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_BOTH);
  cairo_surface_t *full = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  int width = cairo_image_surface_get_width (full);
  int height = cairo_image_surface_get_height (full);

  for (int x = 0; x + 240 <= width; x += 230)
    {
      JmRect band = { x, 0, 240, height };

      g_assert_cmpuint (count_clip_differences (layout, full, &band, 16), ==, 0);
    }

  cairo_surface_destroy (full);
}

/* Share of pixels that differ by more than @threshold in some channel. */
static double
difference (cairo_surface_t *a,
            cairo_surface_t *b,
            int              threshold)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint64 differing = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = pixel_at (a, x, y), q = pixel_at (b, x, y);

        for (int shift = 0; shift < 32; shift += 8)
          {
            if (ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)) > threshold)
              {
                differing++;
                break;
              }
          }
      }

  return (double) differing / ((double) width * height);
}

static cairo_surface_t *
png_from_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  int fd = g_file_open_tmp ("jm-render-XXXXXX.png", &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  close (fd);
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

/* The PNG export holds the pixels the renderer draws, with no alpha
 * channel when the background is opaque (it is encoded by its own
 * writer, not cairo's). */
static void
test_png_export_holds_the_drawing (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const gboolean transparent[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (transparent); i++)
    {
      JmExportOptions options;
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *drawn, *read;
      const guchar *header;

      jm_export_options_init (&options);
      options.scale = 0.37;
      options.transparent = transparent[i];
      png = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, &options, &error);
      g_assert_no_error (error);

      /* IHDR's colour type: 2 is RGB, 6 RGB with alpha. */
      header = g_bytes_get_data (png, NULL);
      g_assert_cmpuint (g_bytes_get_size (png), >, 26);
      g_assert_cmpint (memcmp (header + 12, "IHDR", 4), ==, 0);
      g_assert_cmpuint (header[25], ==, transparent[i] ? 6 : 2);

      drawn = jm_test_render (layout, options.scale, JM_THEME_LIGHT, transparent[i]);
      read = png_from_bytes (png);
      g_assert_cmpint (cairo_image_surface_get_width (read), ==, cairo_image_surface_get_width (drawn));
      g_assert_cmpint (cairo_image_surface_get_height (read), ==, cairo_image_surface_get_height (drawn));
      /* Straight alpha in the file: premultiplied again, a channel may be
       * one off where a pixel is partly transparent. */
      g_assert_cmpfloat (difference (drawn, read, 1), ==, 0);
      if (!transparent[i])
        g_assert_cmpfloat (difference (drawn, read, 0), ==, 0);
      cairo_surface_destroy (read);
      cairo_surface_destroy (drawn);
    }
}

/* What libpng refuses comes back as an error that says why (libpng
 * printed it and the export said only that it failed). */
static void
test_png_encoder_reports_errors (void)
{
  cairo_surface_t *empty = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 0);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_png_encode (empty, TRUE, out, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "height"));
  cairo_surface_destroy (empty);
}

/* The SVG export, drawn by librsvg, looks like the PNG export. */
static void
test_svg_renders_like_png (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  cairo_surface_t *from_png, *from_svg;
  RsvgRectangle viewport;
  cairo_t *cr;
  double share;

  png = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, NULL, &error);
  g_assert_no_error (error);
  svg = jm_export_to_bytes (document, JM_EXPORT_FORMAT_SVG, NULL, &error);
  g_assert_no_error (error);

  from_png = png_from_bytes (png);
  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error);
  g_assert_no_error (error);

  from_svg = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (from_png),
                                         cairo_image_surface_get_height (from_png));
  viewport = (RsvgRectangle) { 0, 0, cairo_image_surface_get_width (from_png),
                               cairo_image_surface_get_height (from_png) };
  cr = cairo_create (from_svg);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (from_svg);

  share = difference (from_png, from_svg, 48);
  g_test_message ("%.4f%% of pixels differ", share * 100);
  g_assert_cmpfloat (share, <, 0.01);

  g_object_unref (handle);
  cairo_surface_destroy (from_png);
  cairo_surface_destroy (from_svg);
}

/* PDFs hold binary streams: count in bytes, not in a C string. */
static guint
count_occurrences (GBytes     *bytes,
                   const char *needle)
{
  gsize size, length = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);
  guint count = 0;

  for (gsize i = 0; i + length <= size; i++)
    {
      if (memcmp (data + i, needle, length) == 0)
        count++;
    }

  return count;
}

static void
test_pdf_is_vector_and_one_page (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  /* "/Type /Page" also starts "/Type /Pages": one page is two matches. */
  g_assert_cmpuint (count_occurrences (pdf, "/Type /Page"), ==, 2);
  g_assert_cmpuint (count_occurrences (pdf, "/Type /Pages"), ==, 1);
  /* Text is embedded as fonts, not drawn as pixels. */
  g_assert_cmpuint (count_occurrences (pdf, "/FontFile"), >, 0);
  g_assert_cmpuint (count_occurrences (pdf, "/Subtype /Image"), ==, 0);
}

static void
test_export_refuses_bad_options (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autofree char *dir = g_dir_make_tmp ("jm-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JmExportOptions options;
  JmExportFormat format;

  jm_export_options_init (&options);
  options.scale = 0;
  g_assert_false (jm_export_to_file (document, file, JM_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_INVALID_OPTION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.scale = 8;
  options.mode = JM_LAYER_MODE_CURRENT;
  g_assert_false (jm_export_format_for_path ("map.gif", &format, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "map.gif"));

  g_rmdir (dir);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A map with a persona photo and an image item, both @png: an 8×8 red
 * square. */
static JmDocument *
picture_map_new (GByteArray *png)
{
  cairo_surface_t *red = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t *cr = cairo_create (red);
  g_autofree char *base64 = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (red, append_cb, png);
  cairo_surface_destroy (red);
  base64 = g_base64_encode (png->data, png->len);

  xml = g_strdup_printf (
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
    "<title>Images</title>"
    "<personas><persona id=\"p\"><name>Ann</name><photo media-type=\"image/png\">%s</photo></persona></personas>"
    "<stages><stage id=\"s\"><name>S</name></stage></stages>"
    "<lanes><lane id=\"l\" kind=\"images\"><name>L</name></lane></lanes>"
    "<layer state=\"current\"><items><item id=\"i\" kind=\"image\" stage=\"s\" lane=\"l\">"
    "<title>Store front</title><image media-type=\"image/png\">%s</image></item></items></layer>"
    "</journey-map>", base64, base64);
  bytes = g_bytes_new (xml, strlen (xml));

  document = jm_xml_reader_read_bytes (bytes, "images.jmap", &error);
  g_assert_no_error (error);
  return document;
}

/* A map with a persona photo and an image item: both survive a save, and
 * the image is drawn where the item is. A PNG that claims a giant size is
 * not decoded and shows the placeholder. */
static void
test_embedded_images (void)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = picture_map_new (png);
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;
  JmItem *picture;
  JmRect rect;

  picture = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "i");
  g_assert_cmpuint (g_bytes_get_size (jm_item_get_image (picture)), ==, png->len);
  g_assert_cmpmem (g_bytes_get_data (jm_persona_get_photo (jm_document_lookup_persona (document, "p")), NULL),
                   png->len, png->data, png->len);

  written = jm_xml_writer_write_bytes (document);
  again = jm_xml_reader_read_bytes (written, "again.jmap", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (jm_item_get_image (picture),
                                jm_item_get_image (jm_layer_lookup_item (jm_document_get_layer (again, JM_LAYER_STATE_CURRENT), "i"))));

  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  g_assert_true (jm_layout_get_item_rect (layout, picture, &rect));
  /* The image fills the middle of its frame, below the title. */
  assert_color_near (pixel_at (surface, rect.x + rect.width / 2, rect.y + rect.height - JM_ITEM_PADDING - JM_IMAGE_HEIGHT / 2),
                     0xffff0000, 2);
  /* The photo fills the persona's round avatar, in place of initials. */
  g_assert_true (jm_layout_get_persona_rect (layout, jm_document_lookup_persona (document, "p"), &rect));
  assert_color_near (pixel_at (surface, rect.x + JM_ITEM_PADDING + 20, rect.y + JM_ITEM_PADDING + 20),
                     0xffff0000, 2);
  cairo_surface_destroy (surface);
}

static guint32
png_crc (const guchar *data,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

/* A red 8×8 PNG whose header may claim another size (with a valid CRC). */
static GByteArray *
red_png (guint32 claimed_side)
{
  cairo_surface_t *red = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t *cr = cairo_create (red);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (red, append_cb, png);
  cairo_surface_destroy (red);

  if (claimed_side != 8)
    {
      guint32 side = GUINT32_TO_BE (claimed_side);
      guint32 crc;

      /* IHDR: length at 8, "IHDR" at 12, width at 16, height at 20, CRC
       * of type and data at 29. */
      memcpy (png->data + 16, &side, 4);
      memcpy (png->data + 20, &side, 4);
      crc = GUINT32_TO_BE (png_crc (png->data + 12, 4 + 13));
      memcpy (png->data + 29, &crc, 4);
    }
  return png;
}

static guint32
image_item_pixel (const char *media_type,
                  const char *data_base64)
{
  g_autofree char *xml = g_strdup_printf (
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
    "<title>Images</title>"
    "<stages><stage id=\"s\"><name>S</name></stage></stages>"
    "<lanes><lane id=\"l\" kind=\"images\"><name>L</name></lane></lanes>"
    "<layer state=\"current\"><items><item id=\"i\" kind=\"image\" stage=\"s\" lane=\"l\">"
    "<title>Picture</title><image media-type=\"%s\">%s</image></item></items></layer>"
    "</journey-map>", media_type, data_base64);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_xml_reader_read_bytes (bytes, "images.jmap", &error);
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;
  JmRect rect;
  guint32 pixel;

  g_assert_no_error (error);
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  g_assert_true (jm_layout_get_item_rect (layout, jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "i"), &rect));
  pixel = pixel_at (surface, rect.x + rect.width / 2, rect.y + rect.height - JM_ITEM_PADDING - JM_IMAGE_HEIGHT / 2);
  cairo_surface_destroy (surface);
  return pixel;
}

static gboolean
is_red (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) > 200 && ((pixel >> 8) & 0xff) < 60 && (pixel & 0xff) < 60;
}

/* Pictures come from anyone: a PNG that claims 100,000 pixels a side is
 * not decoded (the placeholder shows, at once), and an SVG picture reads
 * no file of the computer it is shown on. */
static void
test_hostile_images (void)
{
  g_autoptr(GByteArray) honest = red_png (8);
  g_autoptr(GByteArray) giant = red_png (100000);
  g_autofree char *honest_base64 = g_base64_encode (honest->data, honest->len);
  g_autofree char *giant_base64 = g_base64_encode (giant->data, giant->len);
  g_autofree char *dir = g_dir_make_tmp ("jm-images-XXXXXX", NULL);
  g_autofree char *local_png = g_build_filename (dir, "red.png", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *svg_base64 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (is_red (image_item_pixel ("image/png", honest_base64)));

  start = g_get_monotonic_time ();
  g_assert_false (is_red (image_item_pixel ("image/png", giant_base64)));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_file_set_contents (local_png, (const char *) honest->data, honest->len, &error);
  g_assert_no_error (error);
  svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                         "width=\"8\" height=\"8\"><image xlink:href=\"file://%s\" href=\"file://%s\" "
                         "width=\"8\" height=\"8\"/></svg>", local_png, local_png);
  svg_base64 = g_base64_encode ((const guchar *) svg, strlen (svg));
  g_assert_false (is_red (image_item_pixel ("image/svg+xml", svg_base64)));

  /* The same picture inside the SVG, as a data: URL, is drawn: what kept
   * the red out above was the file being outside. */
  g_clear_pointer (&svg, g_free);
  g_clear_pointer (&svg_base64, g_free);
  svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                         "width=\"8\" height=\"8\"><image xlink:href=\"data:image/png;base64,%s\" "
                         "width=\"8\" height=\"8\"/></svg>", honest_base64);
  svg_base64 = g_base64_encode ((const guchar *) svg, strlen (svg));
  g_assert_true (is_red (image_item_pixel ("image/svg+xml", svg_base64)));

  g_unlink (local_png);
  g_rmdir (dir);
}

/* Golden images: drawn on these machines with these fonts, compared with
 * a small tolerance for antialiasing. JM_UPDATE_GOLDEN=1 rewrites them. */
static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_auto(GStrv) parts = g_strsplit (name, "@", 2);
  g_autofree char *map = g_str_equal (parts[0], "layout") ?
    g_test_build_filename (G_TEST_DIST, "data", "valid", "layout.jmap", NULL) : example_path (parts[0]);
  g_autofree char *golden_name = g_strdup_printf ("%s-%s.png", parts[0], parts[1]);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", "golden", golden_name, NULL);
  g_autoptr(JmDocument) document = jm_test_load_map (map);
  JmLayerMode mode = JM_LAYER_MODE_CURRENT;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface, *expected;
  double share;

  for (guint i = 0; i < G_N_ELEMENTS (layer_names); i++)
    if (g_str_equal (layer_names[i], parts[1]))
      mode = i;

  layout = jm_layout_new (document, mode);
  surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);

  if (g_strcmp0 (g_getenv ("JM_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *target = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "tests", "data", "golden",
                                                  golden_name, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (surface, target), ==, CAIRO_STATUS_SUCCESS);
    }

  expected = cairo_image_surface_create_from_png (golden);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("missing golden image %s: run the tests once with JM_UPDATE_GOLDEN=1", golden);

  share = difference (surface, expected, 40);
  g_test_message ("%.4f%% of pixels differ from %s", share * 100, golden_name);
  if (share >= 0.002)
    {
      g_autofree char *actual = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), golden_name, NULL);
      cairo_surface_write_to_png (surface, actual);
      g_test_message ("the image drawn now is in %s", actual);
    }
  g_assert_cmpfloat (share, <, 0.002);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (expected);
}

/* Every example exports to every format in every layer. */
static void
test_export_example (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = example_path (name);
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  static const JmExportFormat formats[] = {
    JM_EXPORT_FORMAT_PNG, JM_EXPORT_FORMAT_SVG, JM_EXPORT_FORMAT_PDF, JM_EXPORT_FORMAT_JMAP,
  };
  static const char *signatures[] = { "\x89PNG", "<?xml", "%PDF-", "<?xml" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint mode = JM_LAYER_MODE_CURRENT; mode <= JM_LAYER_MODE_BOTH; mode++)
      {
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        JmExportOptions options;

        jm_export_options_init (&options);
        options.mode = mode;
        bytes = jm_export_to_bytes (document, formats[f], &options, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), strlen (signatures[f]),
                         signatures[f], strlen (signatures[f]));
      }
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Exports @document to @file in a worker, then changes its title before
 * the export is done; returns what jm_export_to_file_finish () says. */
static gboolean
export_async_and_wait (JmDocument             *document,
                       GFile                  *file,
                       const JmExportOptions  *options,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GValue) title = G_VALUE_INIT;

  jm_export_to_file_async (document, file, JM_EXPORT_FORMAT_PNG, options, cancellable,
                           on_export_done_cb, &result);
  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Changed while exporting");
  _jm_document_set_property (document, G_OBJECT (document), "title", &title);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return jm_export_to_file_finish (result, error);
}

/* An export in a worker draws the map as it was when it began, as the
 * same export made at once would, whatever changes meanwhile. */
static void
test_export_async_draws_the_map_as_it_was (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JmExportOptions options;

  jm_export_options_init (&options);
  options.scale = 0.5;
  expected = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, &options, &error);
  g_assert_no_error (error);

  g_assert_true (export_async_and_wait (document, file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  written = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (written, expected));

  /* The change is one the picture shows. */
  changed = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, &options, &error);
  g_assert_false (g_bytes_equal (changed, expected));

  g_unlink (path);
  g_rmdir (dir);
}

/* A cancelled export, or one with options refused, writes nothing. */
static void
test_export_async_cancelled_or_refused (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JmExportOptions options;

  jm_export_options_init (&options);
  g_cancellable_cancel (cancellable);
  g_assert_false (export_async_and_wait (document, file, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.scale = 100.0;
  g_assert_false (export_async_and_wait (document, file, &options, NULL, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_INVALID_OPTION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

/* Exports decode the pictures of the map for themselves: one in a worker
 * draws a copy of the map, whose pictures are new to the canvas's cache,
 * which filled up with them (a decoded picture each, kept long after) and
 * then pushed out the canvas's own. */
static void
test_exports_keep_their_pictures_to_themselves (void)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(JmDocument) document = picture_map_new (png);
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autofree char *dir = g_dir_make_tmp ("jm-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmRenderOptions canvas = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_ALL, FALSE };
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (target);
  guint cached;

  /* As the canvas draws: the picture (photo and image alike) is kept. */
  jm_renderer_draw (cr, layout, &canvas);
  cached = jm_renderer_count_cached_images ();
  g_assert_cmpuint (cached, >=, 1);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (export_async_and_wait (document, file, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (jm_renderer_count_cached_images (), ==, cached);

  cairo_destroy (cr);
  cairo_surface_destroy (target);
  g_unlink (path);
  g_rmdir (dir);
}

/* A map grown past what a file may hold (a picture of 49 MiB is 65 MiB
 * in the file) would not read back in the export's worker; it is
 * exported all the same. The picture is no PNG, and only its placeholder
 * is drawn. */
static void
test_export_async_of_a_map_too_large_to_read (void)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(JmDocument) document = picture_map_new (png);
  JmItem *picture = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "i");
  g_autofree char *dir = g_dir_make_tmp ("jm-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  JmExportOptions options;

  g_value_init (&value, G_TYPE_BYTES);
  g_value_take_boxed (&value, g_bytes_new_take (g_malloc0 (49 * 1024 * 1024), 49 * 1024 * 1024));
  _jm_document_set_property (document, G_OBJECT (picture), "image", &value);

  jm_export_options_init (&options);
  options.scale = 0.25;
  g_assert_true (export_async_and_wait (document, file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* As a map file, it is refused: it could not be opened again. */
  g_assert_null (jm_export_to_bytes (document, JM_EXPORT_FORMAT_JMAP, NULL, &error));
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/png/probes", test_render_probes);
  g_test_add_func ("/render/png/stage-moment-caption", test_render_stage_moment_caption);
  g_test_add_func ("/render/png/curve-points", test_render_curve_points);
  g_test_add_func ("/render/png/link-arrows", test_render_link_arrows);
  g_test_add_func ("/render/png/link-labels", test_render_link_labels);
  g_test_add_func ("/render/png/scale-is-sharp", test_render_scale_is_sharp);
  g_test_add_func ("/render/png/dark-and-transparent", test_render_dark_and_transparent);
  g_test_add_func ("/render/clip/matches-full", test_render_clip_matches_full);
  g_test_add_func ("/render/clip/curves-and-links", test_render_clip_curves_and_links);
  g_test_add_func ("/export/png/holds-the-drawing", test_png_export_holds_the_drawing);
  g_test_add_func ("/export/png/reports-errors", test_png_encoder_reports_errors);
  g_test_add_func ("/export/svg/renders-like-png", test_svg_renders_like_png);
  g_test_add_func ("/export/pdf/vector-one-page", test_pdf_is_vector_and_one_page);
  g_test_add_func ("/export/options/refused", test_export_refuses_bad_options);
  g_test_add_func ("/export/async/draws-the-map-as-it-was", test_export_async_draws_the_map_as_it_was);
  g_test_add_func ("/export/async/cancelled-or-refused", test_export_async_cancelled_or_refused);
  g_test_add_func ("/render/images/embedded", test_embedded_images);
  g_test_add_func ("/render/images/hostile", test_hostile_images);
  g_test_add_func ("/export/images/kept-to-themselves", test_exports_keep_their_pictures_to_themselves);
  g_test_add_func ("/export/async/too-large-to-read", test_export_async_of_a_map_too_large_to_read);

  g_test_add_data_func ("/render/golden/layout@current", "layout@current", test_golden);
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    {
      g_autofree char *export_path = g_strdup_printf ("/export/examples/%s", example_names[i]);

      g_test_add_data_func (export_path, example_names[i], test_export_example);
      for (guint l = 0; l < G_N_ELEMENTS (layer_names); l++)
        {
          char *key = g_strdup_printf ("%s@%s", example_names[i], layer_names[l]);
          g_autofree char *test_path = g_strdup_printf ("/render/golden/%s", key);

          g_test_add_data_func_full (test_path, key, test_golden, g_free);
        }
    }

  return g_test_run ();
}
