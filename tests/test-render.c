/* test-render.c: the renderer and the exports
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <png.h>
#include <math.h>
#include <pango/pango.h>

#include "export/jm-export.h"
#include "export/jm-export-private.h"
#include "export/jm-png.h"
#include "format/jm-format-error.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-compare.h"
#include "model/jm-document-private.h"
#include "render/jm-face.h"
#include "render/jm-layout-private.h"
#include "render/jm-picture.h"
#include "render/jm-renderer.h"
#include "render/jm-renderer-private.h"

#include "jm-hostile-files.h"
#include "jm-test-maps.h"

static const char *example_names[] = {
  "grocery-first-order",
  "hotel-guest-stay",
  "saas-onboarding",
};

static const char *layer_names[] = { "current", "future", "both" };

/* Exports with a golden image of their own: the dark theme and scale 2. */
static const char *golden_exports[] = {
  "layout@current@dark",
  "faces@current@dark",
  "saas-onboarding@both@dark",
  "layout@current@scale2",
  "saas-onboarding@both@scale2",
};

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

/* "layout", "faces" and "link-routes" are test maps, any other name an
 * example's. */
static char *
map_path (const char *name)
{
  if (g_str_equal (name, "layout") || g_str_equal (name, "faces") || g_str_equal (name, "link-routes"))
    {
      g_autofree char *file = g_strconcat (name, ".jmap", NULL);

      return g_test_build_filename (G_TEST_DIST, "data", "valid", file, NULL);
    }

  return example_path (name);
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

static gboolean
pixels_differ (guint32 p,
               guint32 q,
               int     tolerance)
{
  for (int shift = 0; shift < 32; shift += 8)
    {
      if (ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)) > tolerance)
        return TRUE;
    }

  return FALSE;
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

/* Each link ends in an arrow head on the edge of the card it leads to,
 * pointing the way its last segment runs: between the end of its line and
 * the card, the link's colour. */
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
      guint n_points = box->n_points;
      double dx = box->xs[n_points - 1] - box->xs[n_points - 2], dy = box->ys[n_points - 1] - box->ys[n_points - 2];
      double length = fabs (dx) + fabs (dy);
      /* The line stops 6 units short of the tip; the head is 8 long and
       * 9 wide at its back: 2 to 5 units back from the tip. */
      double cx = box->xs[n_points - 1] - dx / length * 3.5, cy = box->ys[n_points - 1] - dy / length * 3.5;
      JmRect head = { floor (cx) - 1, floor (cy) - 1, 3, 3 };
      guint n = count_near (surface, &head, rgb (&theme->link), 40);

      g_test_message ("link %u: %u of 9 pixels of the link colour before its tip", i, n);
      g_assert_cmpuint (n, >=, 5);
    }

  cairo_surface_destroy (surface);
}

/* Links' labels are drawn on their routes, clear of the cards: taking
 * the labels away changes pixels, none of them on a card. */
static void
assert_link_labels_clear_of_cards (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *links = jm_layer_get_links (layer);
  JmObjectStore *items = jm_layer_get_items (layer);
  cairo_surface_t *labelled = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  cairo_surface_t *bare;
  guint differing = 0, on_cards = 0;
  int width, height;

  for (guint i = 0; i < jm_object_store_get_n_objects (links); i++)
    {
      g_auto(GValue) none = G_VALUE_INIT;

      g_value_init (&none, G_TYPE_STRING);
      _jm_document_set_property (document, jm_object_store_get_object (links, i), "label", &none);
    }
  jm_layout_update (layout);
  bare = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);

  width = cairo_image_surface_get_width (labelled);
  height = cairo_image_surface_get_height (labelled);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (pixel_at (labelled, x, y) == pixel_at (bare, x, y))
          continue;
        differing++;
        for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
          {
            JmRect card;

            g_assert_true (jm_layout_get_item_rect (layout, jm_object_store_get_object (items, i), &card));
            if (x >= card.x + 1 && x < card.x + card.width - 1 && y >= card.y + 1 && y < card.y + card.height - 1)
              {
                on_cards++;
                break;
              }
          }
      }
  g_test_message ("%s: %u pixels differ where the labels were, %u on cards", name, differing, on_cards);
  g_assert_cmpuint (differing, >, 60);
  g_assert_cmpuint (on_cards, ==, 0);

  cairo_surface_destroy (bare);
  cairo_surface_destroy (labelled);
}

static void
test_render_link_labels (void)
{
  assert_link_labels_clear_of_cards ("layout.jmap");
  assert_link_labels_clear_of_cards ("link-routes.jmap");
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

/* Whether the pixel at (x, y) of @full and @part differs and so does one
 * above or below it, within @clip. */
static gboolean
differs_in_two_rows (cairo_surface_t *full,
                     cairo_surface_t *part,
                     const JmRect    *clip,
                     int              x,
                     int              y,
                     int              tolerance)
{
  return (y > clip->y && pixels_differ (pixel_at (full, x, y - 1), pixel_at (part, x, y - 1), tolerance)) ||
         (y + 1 < clip->y + clip->height &&
          pixels_differ (pixel_at (full, x, y + 1), pixel_at (part, x, y + 1), tolerance));
}

/* cairo 1.18 (Debian 13) draws glyphs at fractions of a pixel, and where
 * a clip cuts through a line of text it leaves out the lowest row of ink
 * of every glyph of that line: the tips of descenders, one pixel high,
 * by up to 70 levels (40 such pixels in the bands of the compared SaaS
 * map, every one of them alone in its column). It is cairo's (its glyph
 * extents leave out the fraction), and not seen with cairo 1.16, which
 * puts glyphs on whole pixels. So from cairo 1.17 a difference counts
 * only where the pixel above or below it differs too, as it does along
 * any missing line, curve or label, which are drawn at least a pixel and
 * a half thick; every difference is still reported. */
#define CLIP_LOSES_GLYPH_ROWS CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 17, 0)

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

        if (!pixels_differ (p, q, tolerance))
          continue;

        if (CLIP_LOSES_GLYPH_ROWS && !differs_in_two_rows (full, part, clip, x, y, tolerance))
          {
            g_test_message ("differs at %d,%d: %08x %08x (one row: cairo's lost glyph row)", x, y, p, q);
            continue;
          }

        g_test_message ("differs at %d,%d: %08x %08x", x, y, p, q);
        differing++;
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

/* What poppler's @tool (pdfinfo, pdffonts, pdfimages -list) says about
 * the PDF at @path, or NULL when it is not installed. The PDF is read as
 * a PDF, not searched for bytes: cairo 1.18 writes its objects into
 * compressed object streams, where "/Type /Page" is not to be found. */
static char *
poppler_says (const char *tool,
              const char *option,
              const char *path)
{
  const char *argv[] = { tool, option != NULL ? option : path, option != NULL ? path : NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* Lines of @text after its @header lines. */
static guint
count_rows (const char *text,
            guint       header)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint rows = 0;

  for (guint i = header; lines[i] != NULL; i++)
    rows += lines[i][0] != '\0';

  return rows;
}

static void
test_pdf_is_vector_and_one_page (void)
{
  g_autoptr(JmDocument) document = load_test_map ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *info = NULL, *fonts = NULL, *images = NULL;

  pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  info = poppler_says ("pdfinfo", NULL, path);
  fonts = poppler_says ("pdffonts", NULL, path);
  images = poppler_says ("pdfimages", "-list", path);
  g_unlink (path);
  g_rmdir (dir);
  if (info == NULL || fonts == NULL || images == NULL)
    {
      g_test_skip ("poppler's pdfinfo, pdffonts and pdfimages are not installed (poppler-utils)");
      return;
    }

  g_assert_nonnull (strstr (info, "\nPages:           1\n"));
  /* Text is embedded as fonts, not drawn as pixels; nothing is an image. */
  g_assert_cmpuint (count_rows (fonts, 2), >, 0);
  g_assert_cmpuint (count_rows (images, 2), ==, 0);
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

  /* Nor when the picture embeds an image too, and is drawn through an
   * image of its own (the embedded one lies outside the view). */
  g_clear_pointer (&svg, g_free);
  g_clear_pointer (&svg_base64, g_free);
  svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                         "width=\"8\" height=\"8\"><image x=\"100\" xlink:href=\"data:image/png;base64,%s\" "
                         "width=\"8\" height=\"8\"/><image xlink:href=\"file://%s\" href=\"file://%s\" "
                         "width=\"8\" height=\"8\"/></svg>", honest_base64, local_png, local_png);
  svg_base64 = g_base64_encode ((const guchar *) svg, strlen (svg));
  g_assert_false (is_red (image_item_pixel ("image/svg+xml", svg_base64)));

  g_unlink (local_png);
  g_rmdir (dir);
}

/* Pictures of every kind, decoded at the size they are drawn {{{ */

static void
png_append_cb (png_structp png,
               png_bytep   data,
               size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
png_flush_cb (png_structp png)
{
}

/* A PNG of @width × @height in the given format, its left half red and
 * its right half blue (black and white when grey, both opaque). */
static GByteArray *
two_tone_png (int   color_type,
              int   bit_depth,
              int   interlace,
              guint width,
              guint height)
{
  static const int channels[] = { [PNG_COLOR_TYPE_GRAY] = 1, [PNG_COLOR_TYPE_RGB] = 3,
                                  [PNG_COLOR_TYPE_PALETTE] = 1, [PNG_COLOR_TYPE_GRAY_ALPHA] = 2,
                                  [PNG_COLOR_TYPE_RGB_ALPHA] = 4 };
  int n = channels[color_type];
  guint max = (1u << bit_depth) - 1;
  gsize rowbytes = ((gsize) width * n * bit_depth + 7) / 8;
  g_autofree guchar *row = g_malloc0 (rowbytes);
  GByteArray *out = g_byte_array_new ();
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  png_color palette[2] = { { 255, 0, 0 }, { 0, 0, 255 } };
  int passes;

  for (guint x = 0; x < width; x++)
    {
      gboolean left = x < width / 2;
      guint samples[4];

      switch (color_type)
        {
        case PNG_COLOR_TYPE_GRAY:
          samples[0] = left ? 0 : max;
          break;
        case PNG_COLOR_TYPE_PALETTE:
          samples[0] = left ? 0 : 1;
          break;
        case PNG_COLOR_TYPE_GRAY_ALPHA:
          samples[0] = left ? 0 : max;
          samples[1] = max;
          break;
        default:
          samples[0] = left ? max : 0;
          samples[1] = 0;
          samples[2] = left ? 0 : max;
          samples[3] = max;
          break;
        }

      for (int c = 0; c < n; c++)
        {
          gsize bit = ((gsize) x * n + c) * bit_depth;

          if (bit_depth == 16)
            {
              row[bit / 8] = samples[c] >> 8;
              row[bit / 8 + 1] = samples[c] & 0xff;
            }
          else
            row[bit / 8] |= samples[c] << (8 - bit_depth - bit % 8);
        }
    }

  g_assert_nonnull (info);
  g_assert_cmpint (setjmp (png_jmpbuf (png)), ==, 0);
  png_set_write_fn (png, out, png_append_cb, png_flush_cb);
  png_set_IHDR (png, info, width, height, bit_depth, color_type, interlace,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (color_type == PNG_COLOR_TYPE_PALETTE)
    png_set_PLTE (png, info, palette, 2);
  png_write_info (png, info);
  passes = png_set_interlace_handling (png);
  for (int pass = 0; pass < passes; pass++)
    {
      for (guint y = 0; y < height; y++)
        png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return out;
}

/* The colours of an image item's picture a quarter of the box's width
 * left and right of its middle. */
static void
image_item_left_right (const char *media_type,
                       const void *picture,
                       gsize       size,
                       guint32    *left,
                       guint32    *right)
{
  g_autofree char *base64 = g_base64_encode (picture, size);
  g_autofree char *xml = g_strdup_printf (
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
    "<title>Images</title>"
    "<stages><stage id=\"s\"><name>S</name></stage></stages>"
    "<lanes><lane id=\"l\" kind=\"images\"><name>L</name></lane></lanes>"
    "<layer state=\"current\"><items><item id=\"i\" kind=\"image\" stage=\"s\" lane=\"l\">"
    "<title>Picture</title><image media-type=\"%s\">%s</image></item></items></layer>"
    "</journey-map>", media_type, base64);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_xml_reader_read_bytes (bytes, "images.jmap", &error);
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;
  JmRect rect;
  double y;

  g_assert_no_error (error);
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  g_assert_true (jm_layout_get_item_rect (layout, jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "i"), &rect));
  y = rect.y + rect.height - JM_ITEM_PADDING - JM_IMAGE_HEIGHT / 2;
  *left = pixel_at (surface, rect.x + rect.width / 2 - rect.width / 8, y);
  *right = pixel_at (surface, rect.x + rect.width / 2 + rect.width / 8, y);
  cairo_surface_destroy (surface);
}

/* A PNG of random pixels (and a random palette, with random alpha when
 * @trns) in the given format. */
static GByteArray *
random_png (int       color_type,
            int       bit_depth,
            int       interlace,
            guint     width,
            guint     height,
            gboolean  trns,
            GRand    *rand)
{
  static const int channels[] = { [PNG_COLOR_TYPE_GRAY] = 1, [PNG_COLOR_TYPE_RGB] = 3,
                                  [PNG_COLOR_TYPE_PALETTE] = 1, [PNG_COLOR_TYPE_GRAY_ALPHA] = 2,
                                  [PNG_COLOR_TYPE_RGB_ALPHA] = 4 };
  gsize rowbytes = ((gsize) width * channels[color_type] * bit_depth + 7) / 8;
  g_autofree guchar *pixels = g_malloc (rowbytes * height);
  GByteArray *out = g_byte_array_new ();
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  png_color palette[256];
  png_byte alpha[256];
  png_color_16 key = { 0 };
  int passes;

  for (gsize i = 0; i < rowbytes * height; i++)
    pixels[i] = g_rand_int_range (rand, 0, 256);
  for (int i = 0; i < 256; i++)
    {
      palette[i] = (png_color) { g_rand_int_range (rand, 0, 256), g_rand_int_range (rand, 0, 256),
                                 g_rand_int_range (rand, 0, 256) };
      alpha[i] = g_rand_int_range (rand, 0, 256);
    }
  /* A key colour that occurs: the first pixel's. */
  if (color_type == PNG_COLOR_TYPE_GRAY)
    key.gray = bit_depth == 16 ? (pixels[0] << 8 | pixels[1]) : pixels[0] >> (8 - bit_depth);
  else if (color_type == PNG_COLOR_TYPE_RGB)
    {
      key.red = bit_depth == 16 ? (pixels[0] << 8 | pixels[1]) : pixels[0];
      key.green = bit_depth == 16 ? (pixels[2] << 8 | pixels[3]) : pixels[1];
      key.blue = bit_depth == 16 ? (pixels[4] << 8 | pixels[5]) : pixels[2];
    }

  g_assert_nonnull (info);
  g_assert_cmpint (setjmp (png_jmpbuf (png)), ==, 0);
  png_set_write_fn (png, out, png_append_cb, png_flush_cb);
  png_set_IHDR (png, info, width, height, bit_depth, color_type, interlace,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (color_type == PNG_COLOR_TYPE_PALETTE)
    png_set_PLTE (png, info, palette, 1 << bit_depth);
  if (trns)
    png_set_tRNS (png, info, alpha, color_type == PNG_COLOR_TYPE_PALETTE ? 1 << bit_depth : 0, &key);
  png_write_info (png, info);
  passes = png_set_interlace_handling (png);
  for (int pass = 0; pass < passes; pass++)
    {
      for (guint y = 0; y < height; y++)
        png_write_row (png, pixels + rowbytes * y);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return out;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} ByteReader;

static cairo_status_t
byte_read_cb (void          *closure,
              unsigned char *data,
              unsigned int   length)
{
  ByteReader *reader = closure;

  if (length > reader->size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* PNG pictures of every colour type, bit depth, transparency and
 * interlacing decode at their full size to what cairo's decoder makes of
 * them, pixel for pixel but for rounding (our decoder reads rows raw, see
 * jm-picture.c);
 * drawn larger and smaller, they come out the right way round. */
static void
test_pictures_every_png_format (void)
{
  static const struct { int type; int depth; } formats[] = {
    { PNG_COLOR_TYPE_GRAY, 1 }, { PNG_COLOR_TYPE_GRAY, 2 }, { PNG_COLOR_TYPE_GRAY, 4 },
    { PNG_COLOR_TYPE_GRAY, 8 }, { PNG_COLOR_TYPE_GRAY, 16 }, { PNG_COLOR_TYPE_RGB, 8 },
    { PNG_COLOR_TYPE_RGB, 16 }, { PNG_COLOR_TYPE_PALETTE, 1 }, { PNG_COLOR_TYPE_PALETTE, 2 },
    { PNG_COLOR_TYPE_PALETTE, 4 }, { PNG_COLOR_TYPE_PALETTE, 8 }, { PNG_COLOR_TYPE_GRAY_ALPHA, 8 },
    { PNG_COLOR_TYPE_GRAY_ALPHA, 16 }, { PNG_COLOR_TYPE_RGB_ALPHA, 8 }, { PNG_COLOR_TYPE_RGB_ALPHA, 16 },
  };
  static const guint widths[] = { 64, 1200 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (int interlace = PNG_INTERLACE_NONE; interlace <= PNG_INTERLACE_ADAM7; interlace++)
      for (int trns = 0; trns <= 1; trns++)
        {
          g_autoptr(GByteArray) png = NULL;
          g_autoptr(GBytes) bytes = NULL;
          ByteReader reader = { 0 };
          cairo_surface_t *ours, *cairos, *decoded;
          cairo_t *cr;

          /* tRNS is for types without an alpha channel. */
          if (trns && (formats[i].type & PNG_COLOR_MASK_ALPHA) != 0)
            continue;

          g_test_message ("type %d, depth %d, interlace %d, tRNS %d", formats[i].type, formats[i].depth,
                          interlace, trns);
          png = random_png (formats[i].type, formats[i].depth, interlace, 37, 23, trns, rand);
          bytes = g_bytes_new (png->data, png->len);
          ours = jm_picture_decode (bytes, "image/png", 37, 23);
          g_assert_nonnull (ours);
          reader.data = png->data;
          reader.size = png->len;
          decoded = cairo_image_surface_create_from_png_stream (byte_read_cb, &reader);
          g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
          /* cairo 1.18 decodes 16-bit files to floats: compared in ARGB32. */
          cairos = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 37, 23);
          cr = cairo_create (cairos);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_set_source_surface (cr, decoded, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
          cairo_surface_destroy (decoded);
          cairo_surface_flush (cairos);
          g_assert_cmpint (cairo_image_surface_get_width (ours), ==, 37);
          g_assert_cmpint (cairo_image_surface_get_height (ours), ==, 23);
          for (int y = 0; y < 23; y++)
            for (int x = 0; x < 37; x++)
              assert_color_near (pixel_at (ours, x, y), pixel_at (cairos, x, y), 2);
          cairo_surface_destroy (ours);
          cairo_surface_destroy (cairos);

          for (guint w = 0; w < G_N_ELEMENTS (widths) && !trns; w++)
            {
              g_autoptr(GByteArray) halves = two_tone_png (formats[i].type, formats[i].depth, interlace,
                                                           widths[w], widths[w] / 2);
              gboolean grey = (formats[i].type & PNG_COLOR_MASK_COLOR) == 0;
              guint32 left, right;

              image_item_left_right ("image/png", halves->data, halves->len, &left, &right);
              assert_color_near (left, grey ? 0xff000000 : 0xffff0000, 8);
              assert_color_near (right, grey ? 0xffffffff : 0xff0000ff, 8);
            }
        }
}

/* A JPEG of 64 × 32 pixels, left half red and right half blue. */
static GBytes *
two_tone_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 32);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer;
  gsize size;

  for (int y = 0; y < 32; y++)
    for (int x = 0; x < 64; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = x < 32 ? 255 : 0;
        p[1] = 0;
        p[2] = x < 32 ? 0 : 255;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* JPEG pictures are drawn (the placeholder showed in their place), in an
 * image item and as a persona's photo; one whose header claims 60,000
 * pixels a side is not decoded. */
static void
test_pictures_jpeg (void)
{
  g_autoptr(GBytes) jpeg = two_tone_jpeg ();
  g_autoptr(GByteArray) giant = g_byte_array_new ();
  const guint8 *data = g_bytes_get_data (jpeg, NULL);
  g_autofree char *base64 = g_base64_encode (data, g_bytes_get_size (jpeg));
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;
  guint32 left, right;
  gboolean patched = FALSE;
  gint64 start;
  JmRect rect;

  image_item_left_right ("image/jpeg", data, g_bytes_get_size (jpeg), &left, &right);
  assert_color_near (left, 0xffff0000, 40);
  assert_color_near (right, 0xff0000ff, 40);

  xml = g_strdup_printf (
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
    "<title>Photo</title>"
    "<personas><persona id=\"p\"><name>Ann</name><photo media-type=\"image/jpeg\">%s</photo></persona></personas>"
    "<stages><stage id=\"s\"><name>S</name></stage></stages>"
    "<lanes><lane id=\"l\" kind=\"actions\"><name>L</name></lane></lanes>"
    "</journey-map>", base64);
  map = g_bytes_new (xml, strlen (xml));
  document = jm_xml_reader_read_bytes (map, "photo.jmap", &error);
  g_assert_no_error (error);
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  g_assert_true (jm_layout_get_persona_rect (layout, jm_document_lookup_persona (document, "p"), &rect));
  /* The photo covers the round avatar: its red half on the left. */
  assert_color_near (pixel_at (surface, rect.x + JM_ITEM_PADDING + 14, rect.y + JM_ITEM_PADDING + 20),
                     0xffff0000, 40);
  cairo_surface_destroy (surface);

  /* The frame header (baseline, SOF0) claims 60000 × 60000. */
  g_byte_array_append (giant, data, g_bytes_get_size (jpeg));
  for (guint i = 2; i + 9 < giant->len && !patched; i++)
    {
      if (giant->data[i] == 0xff && giant->data[i + 1] == 0xc0)
        {
          giant->data[i + 5] = giant->data[i + 7] = 60000 >> 8;
          giant->data[i + 6] = giant->data[i + 8] = 60000 & 0xff;
          patched = TRUE;
        }
    }
  g_assert_true (patched);
  start = g_get_monotonic_time ();
  image_item_left_right ("image/jpeg", giant->data, giant->len, &left, &right);
  g_assert_false (is_red (left));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

/* A 4096 × 4096 picture drawn 120 units high is decoded at about that
 * size (it took 64 MiB decoded whole, and forty of them gigabytes), and
 * at a few times that for vector targets and larger scales. */
static void
test_pictures_decoded_at_drawn_size (void)
{
  g_autoptr(GByteArray) png = two_tone_png (PNG_COLOR_TYPE_GRAY, 1, PNG_INTERLACE_NONE, 4096, 4096);
  g_autofree char *base64 = g_base64_encode (png->data, png->len);
  g_autofree char *xml = g_strdup_printf (
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
    "<title>Images</title>"
    "<stages><stage id=\"s\"><name>S</name></stage></stages>"
    "<lanes><lane id=\"l\" kind=\"images\"><name>L</name></lane></lanes>"
    "<layer state=\"current\"><items><item id=\"i\" kind=\"image\" stage=\"s\" lane=\"l\">"
    "<title>Picture</title><image media-type=\"image/png\">%s</image></item></items></layer>"
    "</journey-map>", base64);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_xml_reader_read_bytes (bytes, "big.jmap", &error);
  g_autoptr(JmLayout) layout = NULL;
  JmRenderOptions canvas = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_ALL, FALSE };
  cairo_surface_t *target;
  cairo_t *cr;
  gsize before;

  g_assert_no_error (error);
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);

  for (int scale = 1; scale <= 4; scale *= 2)
    {
      before = jm_renderer_count_cached_image_bytes ();
      target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
      cr = cairo_create (target);
      cairo_scale (cr, scale, scale);
      jm_renderer_draw (cr, layout, &canvas);
      cairo_destroy (cr);
      cairo_surface_destroy (target);
      /* About (JM_IMAGE_HEIGHT × scale)² pixels: 56 KiB, 225 KiB, 900 KiB. */
      g_assert_cmpuint (jm_renderer_count_cached_image_bytes (), <=, before + scale * scale * 300 * 1024);
    }

  /* A recording, as the window's, gets a finer picture: twice. */
  before = jm_renderer_count_cached_image_bytes ();
  target = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (target);
  jm_renderer_draw (cr, layout, &canvas);
  cairo_destroy (cr);
  cairo_surface_destroy (target);
  g_assert_cmpuint (jm_renderer_count_cached_image_bytes (), <=, before + 4 * 300 * 1024);
}

/* An SVG picture with a large image inside is drawn into an image of its
 * box's size, the embedded image decoded at that size first (librsvg
 * decodes it whole each time): it looks as it should, and the cache keeps
 * only the box's pixels. */
static void
test_pictures_svg_with_images (void)
{
  g_autoptr(GByteArray) png = two_tone_png (PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE, 4096, 2048);
  g_autofree char *png_base64 = g_base64_encode (png->data, png->len);
  g_autofree char *svg = g_strdup_printf (
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" "
    "height=\"100\"><image width=\"200\" height=\"100\" xlink:href=\"data:image/png;base64,%s\"/></svg>",
    png_base64);
  g_autoptr(GBytes) svg_bytes = g_bytes_new (svg, strlen (svg));
  g_autoptr(GBytes) shrunk = jm_picture_shrink_svg (svg_bytes, 256);
  g_autoptr(GBytes) again = jm_picture_shrink_svg (shrunk, 256);
  guint32 left, right;
  gsize before = jm_renderer_count_cached_image_bytes ();
  gint64 start = g_get_monotonic_time ();

  /* Shrunk to a PNG of 256 × 128 pixels, a few hundred bytes. */
  g_assert_cmpuint (g_bytes_get_size (shrunk), <, g_bytes_get_size (svg_bytes));
  g_assert_true (again == shrunk);

  image_item_left_right ("image/svg+xml", svg, strlen (svg), &left, &right);
  assert_color_near (left, 0xffff0000, 8);
  assert_color_near (right, 0xff0000ff, 8);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (jm_renderer_count_cached_image_bytes (), <=, before + 300 * 1024);
}

/* }}} */

/* Marks, badges and points at their layout rectangles {{{ */

/* A solid 8×8 PNG of one colour. */
static GByteArray *
solid_png (double red,
           double green,
           double blue)
{
  cairo_surface_t *square = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t *cr = cairo_create (square);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (square, append_cb, png);
  cairo_surface_destroy (square);
  return png;
}

/* A future state that changes one thing per item, every kind of change
 * there is, beside an item it adds, one it removes and one it keeps. The
 * id of each item says what its future changes. */
static JmDocument *
compare_map_new (void)
{
  g_autoptr(GByteArray) red = solid_png (1, 0, 0);
  g_autoptr(GByteArray) blue = solid_png (0, 0, 1);
  g_autofree char *red_base64 = g_base64_encode (red->data, red->len);
  g_autofree char *blue_base64 = g_base64_encode (blue->data, blue->len);
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;

#define SAME \
    "<item id=\"same\" kind=\"card\" stage=\"s1\" lane=\"la\"><title>Same</title><body>Kept</body></item>"
  xml = g_strdup_printf (
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
    "<title>Compared</title>"
    "<stages><stage id=\"s1\"><name>One</name></stage><stage id=\"s2\"><name>Two</name></stage></stages>"
    "<lanes><lane id=\"la\" kind=\"actions\"><name>A</name></lane>"
    "<lane id=\"lb\" kind=\"touchpoints\"><name>B</name></lane></lanes>"
    "<layer state=\"current\"><items>" SAME
    "<item id=\"title\" kind=\"card\" stage=\"s1\" lane=\"la\"><title>Title</title></item>"
    "<item id=\"body\" kind=\"card\" stage=\"s1\" lane=\"la\"><title>Body</title><body>Before</body></item>"
    "<item id=\"kind\" kind=\"card\" stage=\"s1\" lane=\"la\"><title>Kind</title></item>"
    "<item id=\"channel\" kind=\"touchpoint\" stage=\"s1\" lane=\"lb\" channel=\"web\"><title>Channel</title></item>"
    "<item id=\"stage\" kind=\"card\" stage=\"s1\" lane=\"lb\"><title>Stage</title></item>"
    "<item id=\"lane\" kind=\"card\" stage=\"s2\" lane=\"la\"><title>Lane</title></item>"
    "<item id=\"picture\" kind=\"image\" stage=\"s2\" lane=\"la\"><title>Picture</title>"
    "<image media-type=\"image/png\">%s</image></item>"
    "<item id=\"moment\" kind=\"card\" stage=\"s2\" lane=\"la\"><title>Moment</title></item>"
    "<item id=\"removed\" kind=\"card\" stage=\"s2\" lane=\"lb\"><title>Removed</title></item>"
    "</items></layer>"
    "<layer state=\"future\"><items>" SAME
    "<item id=\"title\" kind=\"card\" stage=\"s1\" lane=\"la\"><title>Title, renamed</title></item>"
    "<item id=\"body\" kind=\"card\" stage=\"s1\" lane=\"la\"><title>Body</title><body>After</body></item>"
    "<item id=\"kind\" kind=\"note\" stage=\"s1\" lane=\"la\"><title>Kind</title></item>"
    "<item id=\"channel\" kind=\"touchpoint\" stage=\"s1\" lane=\"lb\" channel=\"phone\"><title>Channel</title></item>"
    "<item id=\"stage\" kind=\"card\" stage=\"s2\" lane=\"lb\"><title>Stage</title></item>"
    "<item id=\"lane\" kind=\"card\" stage=\"s2\" lane=\"lb\"><title>Lane</title></item>"
    "<item id=\"picture\" kind=\"image\" stage=\"s2\" lane=\"la\"><title>Picture</title>"
    "<image media-type=\"image/png\">%s</image></item>"
    "<item id=\"moment\" kind=\"card\" stage=\"s2\" lane=\"la\"><title>Moment</title>"
    "<moment-of-truth kind=\"first\"/></item>"
    "<item id=\"added\" kind=\"card\" stage=\"s1\" lane=\"lb\"><title>Added</title></item>"
    "</items></layer>"
    "</journey-map>", red_base64, blue_base64);
#undef SAME
  bytes = g_bytes_new (xml, strlen (xml));

  document = jm_xml_reader_read_bytes (bytes, "compared.jmap", &error);
  g_assert_no_error (error);
  return document;
}

/* A round badge of @radius centred at @cx, @cy is filled with @color: it
 * is probed on its ring, inside the disc and outside the white pictogram
 * in its middle (which spans 0.62 of the radius either way). */
static void
assert_badge (cairo_surface_t *surface,
              double           scale,
              double           cx,
              double           cy,
              double           radius,
              guint32          color)
{
  double d = radius - 1.5;

  assert_color_near (pixel_at (surface, (int) floor ((cx - d) * scale), (int) floor (cy * scale)), color, 3);
  assert_color_near (pixel_at (surface, (int) floor ((cx + d) * scale), (int) floor (cy * scale)), color, 3);
  assert_color_near (pixel_at (surface, (int) floor (cx * scale), (int) floor ((cy + d) * scale)), color, 3);
}

/* Whether a pixel is within @tolerance of @color in every channel. */
static gboolean
color_is_near (guint32 pixel,
               guint32 color,
               int     tolerance)
{
  return !pixels_differ (pixel, color, tolerance);
}

static guint32
mark_color (const JmTheme    *theme,
            JmDifferenceKind  kind)
{
  switch (kind)
    {
    case JM_DIFFERENCE_ADDED:
      return rgb (&theme->added);
    case JM_DIFFERENCE_CHANGED:
      return rgb (&theme->changed);
    case JM_DIFFERENCE_REMOVED:
      return rgb (&theme->removed);
    default:
      g_assert_not_reached ();
    }
}

/* The compare view of @layout, drawn in @surface, marks each of
 * @differences at the top left corner of its item, and no other item;
 * returns how many items are marked. */
static guint
assert_compare_marks (JmLayout        *layout,
                      GPtrArray       *differences,
                      cairo_surface_t *surface,
                      double           scale,
                      JmThemeKind      theme_kind)
{
  const JmTheme *theme = jm_theme_get (theme_kind);
  g_autoptr(GHashTable) marked = g_hash_table_new (NULL, NULL);

  for (guint d = 0; d < differences->len; d++)
    {
      JmDifference *difference = differences->pdata[d];
      JmItem *item = difference->future != NULL ? difference->future : difference->current;
      JmRect r;

      g_test_message ("theme %u, scale %g: the mark of %s", theme_kind, scale,
                      jm_object_get_id (JM_OBJECT (item)));
      g_assert_true (jm_layout_get_item_rect (layout, item, &r));
      assert_badge (surface, scale, r.x + 4, r.y + 4, 8, mark_color (theme, difference->kind));
      g_hash_table_add (marked, item);
    }

  /* Every other item shown carries none of the marks. */
  for (guint i = 0; i < layout->items->len; i++)
    {
      const JmItemBox *box = &g_array_index (layout->items, JmItemBox, i);
      JmRect r = _jm_layout_item_rect (layout, box);
      guint32 pixel = pixel_at (surface, (int) floor ((r.x + 4 + 6.5) * scale), (int) floor ((r.y + 4) * scale));

      if (g_hash_table_contains (marked, box->item))
        continue;
      g_assert_false (color_is_near (pixel, rgb (&theme->added), 40));
      g_assert_false (color_is_near (pixel, rgb (&theme->changed), 40));
      g_assert_false (color_is_near (pixel, rgb (&theme->removed), 40));
    }

  return g_hash_table_size (marked);
}

/* The compare view marks what the model's own comparison finds, each at
 * the top left corner of its item, in both themes and at two scales;
 * items that stay the same carry no mark. Every kind of change an item
 * can have is one: body, kind, channel, stage, lane, picture and Moment
 * of Truth, besides the title. */
static void
test_compare_marks (void)
{
  static const struct { const char *id; JmDifferenceKind kind; } expected[] = {
    { "title", JM_DIFFERENCE_CHANGED },
    { "body", JM_DIFFERENCE_CHANGED },
    { "kind", JM_DIFFERENCE_CHANGED },
    { "channel", JM_DIFFERENCE_CHANGED },
    { "stage", JM_DIFFERENCE_CHANGED },
    { "lane", JM_DIFFERENCE_CHANGED },
    { "picture", JM_DIFFERENCE_CHANGED },
    { "moment", JM_DIFFERENCE_CHANGED },
    { "added", JM_DIFFERENCE_ADDED },
    { "removed", JM_DIFFERENCE_REMOVED },
  };
  static const JmThemeKind themes[] = { JM_THEME_LIGHT, JM_THEME_DARK };
  static const double scales[] = { 1.0, 2.0 };
  g_autoptr(JmDocument) document = compare_map_new ();
  g_autoptr(GPtrArray) differences = jm_document_compare_items (document);
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_BOTH);

  /* The model finds each change, and nothing else. */
  g_assert_cmpuint (differences->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint d = 0; d < differences->len && !found; d++)
        {
          JmDifference *difference = differences->pdata[d];
          JmItem *item = difference->future != NULL ? difference->future : difference->current;

          if (g_str_equal (jm_object_get_id (JM_OBJECT (item)), expected[i].id))
            {
              g_assert_cmpint (difference->kind, ==, expected[i].kind);
              found = TRUE;
            }
        }
      if (!found)
        g_error ("the comparison misses the change of %s", expected[i].id);
    }

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        cairo_surface_t *surface = jm_test_render (layout, scales[s], themes[t], FALSE);

        g_assert_cmpuint (assert_compare_marks (layout, differences, surface, scales[s], themes[t]), ==,
                          G_N_ELEMENTS (expected));
        cairo_surface_destroy (surface);
      }
}

/* Whether a point drawn after the @index-th, face and ring, reaches its
 * centre. */
static gboolean
point_is_covered (JmLayout *layout,
                  guint     index)
{
  const JmPointBox *box = &g_array_index (layout->points, JmPointBox, index);

  for (guint j = index + 1; j < layout->points->len; j++)
    {
      const JmPointBox *other = &g_array_index (layout->points, JmPointBox, j);

      if (hypot (other->x - box->x, other->y - box->y) < JM_FACE_RADIUS + 3)
        return TRUE;
    }

  return FALSE;
}

/* The Moments of Truth of @layer, as the model has them. */
static guint
count_moments (JmLayer *layer)
{
  JmObjectStore *items = jm_layer_get_items (layer);
  guint count = 0;

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_moment (item) != JM_MOMENT_KIND_NONE)
        count++;
    }

  return count;
}

/* Every Moment of Truth has its badge at the top right corner of its card
 * and every emotion point its dot in the colour of its score, where the
 * layout puts them; cards that are no Moment of Truth have no badge. The
 * compare view marks what the model's comparison finds. */
static void
test_render_marks_badges_and_points (gconstpointer data)
{
  const char *name = data;
  g_autofree char *map = map_path (name);
  g_autoptr(JmDocument) document = jm_test_load_map (map);
  static const JmThemeKind themes[] = { JM_THEME_LIGHT, JM_THEME_DARK };
  guint all_moments = 0, all_points = 0;

  for (guint mode = JM_LAYER_MODE_CURRENT; mode <= JM_LAYER_MODE_BOTH; mode++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      {
        g_autoptr(JmLayout) layout = jm_layout_new (document, mode);
        const JmTheme *theme = jm_theme_get (themes[t]);
        cairo_surface_t *surface = jm_test_render (layout, 1.0, themes[t], FALSE);
        guint moments = 0, points = 0;

        for (guint i = 0; i < layout->items->len; i++)
          {
            const JmItemBox *box = &g_array_index (layout->items, JmItemBox, i);
            JmRect r = _jm_layout_item_rect (layout, box);

            /* A removed item is ghosted, its badge with it. */
            if (box->diff == JM_DIFF_REMOVED)
              continue;
            if (jm_item_get_moment (box->item) != JM_MOMENT_KIND_NONE)
              {
                g_test_message ("badge of %s", jm_object_get_id (JM_OBJECT (box->item)));
                assert_badge (surface, 1.0, r.x + r.width - 4, r.y + 4, 9, rgb (&theme->moment));
                moments++;
              }
            else
              {
                /* Where the badge's ring would be. */
                guint32 pixel = pixel_at (surface, (int) floor (r.x + r.width - 4), (int) floor (r.y + 4 + 7.5));

                g_assert_false (color_is_near (pixel, rgb (&theme->moment), 40));
              }
          }

        for (guint i = 0; i < layout->points->len; i++)
          {
            const JmPointBox *box = &g_array_index (layout->points, JmPointBox, i);
            JmColor score = jm_theme_score_color (theme, jm_emotion_point_get_score (box->point));

            /* Ghost points of the current state are faint and may lie
             * under the future's; a point drawn later (in the order of the
             * layout) may cover this one. */
            if (box->ghost || point_is_covered (layout, i))
              continue;
            g_test_message ("mode %u, point %s at %g,%g", mode, jm_object_get_id (JM_OBJECT (box->point)),
                            box->x, box->y);
            assert_color_near (pixel_at (surface, (int) floor (box->x), (int) floor (box->y)), rgb (&score), 3);
            points++;
          }

        /* The compare view of a real map marks what the model finds. */
        if (mode == JM_LAYER_MODE_BOTH)
          {
            g_autoptr(GPtrArray) differences = jm_document_compare_items (document);

            g_assert_cmpuint (assert_compare_marks (layout, differences, surface, 1.0, themes[t]), ==,
                              differences->len);
          }

        g_test_message ("%s, mode %u: %u badges, %u points", name, mode, moments, points);
        g_assert_cmpuint (moments, ==,
                          count_moments (jm_document_get_layer (document, jm_layout_get_shown_state (layout))));
        all_moments += moments;
        all_points += points;
        cairo_surface_destroy (surface);
      }

  g_assert_cmpuint (all_moments, >, 0);
  g_assert_cmpuint (all_points, >, 0);
}

/* The grid and the cards, without the curve and the links over them:
 * links are routed through the gaps between cards. */
static cairo_surface_t *
render_cards (JmLayout *layout)
{
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_BASE | JM_RENDER_ITEMS, FALSE };
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  jm_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Whether a link of @layer joins @a and @b, either way. */
static gboolean
cards_linked (JmLayer *layer,
              JmItem  *a,
              JmItem  *b)
{
  JmObjectStore *links = jm_layer_get_links (layer);
  const char *a_id = jm_object_get_id (JM_OBJECT (a)), *b_id = jm_object_get_id (JM_OBJECT (b));

  for (guint i = 0; i < jm_object_store_get_n_objects (links); i++)
    {
      JmLink *link = jm_object_store_get_object (links, i);
      const char *from = jm_link_get_from_id (link), *to = jm_link_get_to_id (link);

      if ((g_strcmp0 (from, a_id) == 0 && g_strcmp0 (to, b_id) == 0) ||
          (g_strcmp0 (from, b_id) == 0 && g_strcmp0 (to, a_id) == 0))
        return TRUE;
    }

  return FALSE;
}

/* The cards of a cell stand one under the other, JM_ITEM_GAP apart
 * (JM_LINKED_ITEM_GAP where a shown link joins them), and the gap shows
 * the cell behind them. */
static void
test_layout_cards_keep_their_gap (gconstpointer data)
{
  const char *name = data;
  g_autofree char *map = map_path (name);
  g_autoptr(JmDocument) document = jm_test_load_map (map);
  guint gaps = 0;

  for (guint mode = JM_LAYER_MODE_CURRENT; mode <= JM_LAYER_MODE_BOTH; mode++)
    {
      g_autoptr(JmLayout) layout = jm_layout_new (document, mode);
      JmObjectStore *stages = jm_document_get_stages (document);
      JmObjectStore *lanes = jm_document_get_lanes (document);
      cairo_surface_t *surface = render_cards (layout);

      for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
        for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
          {
            JmStage *stage = jm_object_store_get_object (stages, s);
            JmLane *lane = jm_object_store_get_object (lanes, l);
            GArray *cell_items = layout->cells[s * layout->lanes->len + l];
            JmRect cell;

            g_assert_true (jm_layout_get_cell_rect (layout, stage, lane, &cell));
            /* Straight from the layout's cells: ghosts of removed cards
             * are stacked with the others. */
            for (guint i = 0; i + 1 < cell_items->len; i++)
              {
                guint upper = g_array_index (cell_items, guint, i);
                guint lower = g_array_index (cell_items, guint, i + 1);
                const JmItemBox *upper_box = &g_array_index (layout->items, JmItemBox, upper);
                const JmItemBox *lower_box = &g_array_index (layout->items, JmItemBox, lower);
                JmRect above = _jm_layout_item_rect (layout, upper_box);
                JmRect below = _jm_layout_item_rect (layout, lower_box);
                double gap = cards_linked (_jm_layout_get_primary_layer (layout), upper_box->item, lower_box->item)
                             ? JM_LINKED_ITEM_GAP : JM_ITEM_GAP;
                guint32 behind, in_gap;

                g_assert_false (jm_test_rects_overlap (&above, &below));
                g_assert_cmpfloat (below.y - (above.y + above.height), ==, gap);
                g_assert_cmpfloat (below.x, ==, above.x);

                /* Below the shadow (1.5 under a card), the gap is the cell's
                 * own colour, as to the left of the cards. */
                in_gap = pixel_at (surface, (int) floor (above.x + above.width / 2),
                                   (int) floor (above.y + above.height + gap - 2.5));
                behind = pixel_at (surface, (int) floor (cell.x + JM_CELL_PADDING / 2),
                                   (int) floor (above.y + above.height + gap - 2.5));
                g_test_message ("mode %u, the gap under a card at %g,%g, %g by %g", mode, above.x, above.y,
                                above.width, above.height);
                assert_color_near (in_gap, behind, 2);
                gaps++;
              }
          }
      cairo_surface_destroy (surface);
    }

  g_assert_cmpuint (gaps, >, 0);
}

/* }}} */

/* Golden images {{{ */

/* Each channel may differ by this much: an unchanged build on the stack
 * a golden was drawn with matches it exactly, so this only absorbs the
 * few levels by which antialiased edges come out of another build of
 * pixman (other SIMD paths) or the straight-alpha round trip of a PNG.
 * Anything drawn or left out differs by far more. */
#define GOLDEN_CHANNEL_TOLERANCE 8

/* No connected cluster of differing pixels may be larger than this. A
 * stray antialiased pixel here and there is noise; a Moment-of-Truth
 * badge left out is a cluster of about 280 pixels, a compare mark about
 * 245, a card moved by a lost gap thousands. */
#define GOLDEN_MAX_CLUSTER 50

/* The largest 8-connected cluster of pixels that differ by more than
 * @tolerance in some channel; where it starts goes to @at_x, @at_y and the
 * count of all differing pixels to @n_differing. */
static guint
largest_difference_cluster (cairo_surface_t *a,
                            cairo_surface_t *b,
                            int              tolerance,
                            int             *at_x,
                            int             *at_y,
                            guint           *n_differing)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  g_autofree guint8 *mask = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  const guchar *data_a = cairo_image_surface_get_data (a);
  const guchar *data_b = cairo_image_surface_get_data (b);
  int stride_a = cairo_image_surface_get_stride (a);
  int stride_b = cairo_image_surface_get_stride (b);
  guint largest = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));

  *n_differing = 0;
  *at_x = *at_y = -1;
  mask = g_new0 (guint8, (gsize) width * height);
  /* Row by row, not through pixel_at (): a golden at scale 2 has twelve
   * million pixels, and the sanitizer builds check every access. */
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const void *) (data_a + y * stride_a);
      const guint32 *row_b = (const void *) (data_b + y * stride_b);

      for (int x = 0; x < width; x++)
        {
          if (pixels_differ (row_a[x], row_b[x], tolerance))
            {
              mask[(gsize) y * width + x] = 1;
              (*n_differing)++;
            }
        }
    }

  for (int start = 0; start < width * height; start++)
    {
      guint size = 0;

      if (mask[start] != 1)
        continue;

      mask[start] = 2;
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          int here = g_array_index (stack, int, stack->len - 1);
          int hx = here % width, hy = here / width;

          g_array_set_size (stack, stack->len - 1);
          size++;
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                int nx = hx + dx, ny = hy + dy, next;

                if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                  continue;
                next = ny * width + nx;
                if (mask[next] == 1)
                  {
                    mask[next] = 2;
                    g_array_append_val (stack, next);
                  }
              }
        }

      if (size > largest)
        {
          largest = size;
          *at_x = start % width;
          *at_y = start / width;
        }
    }

  return largest;
}

/* The rule itself: scattered pixels, however many, and small differences
 * pass; one blob just larger than the limit does not. */
static void
test_golden_rule (void)
{
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr;
  guint differing;
  int x, y;

  cr = cairo_create (a);
  cairo_set_source_rgb (cr, 100 / 255.0, 100 / 255.0, 100 / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);

  /* The right half as many levels off as allowed, then every other pixel
   * of every other row far off: no two of those touch. */
  cr = cairo_create (b);
  cairo_set_source_surface (cr, a, 0, 0);
  cairo_paint (cr);
  cairo_rectangle (cr, 100, 0, 100, 100);
  cairo_set_source_rgb (cr, (100.0 + GOLDEN_CHANNEL_TOLERANCE) / 255, 100 / 255.0, 100 / 255.0);
  cairo_fill (cr);
  for (int row = 0; row < 100; row += 2)
    for (int column = 0; column < 200; column += 2)
      cairo_rectangle (cr, column, row, 1, 1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (b);

  g_assert_cmpuint (largest_difference_cluster (a, b, GOLDEN_CHANNEL_TOLERANCE, &x, &y, &differing), ==, 1);
  g_assert_cmpuint (differing, ==, 50 * 100);

  /* One blob of 51 pixels: too many. */
  cr = cairo_create (b);
  cairo_set_source_surface (cr, a, 0, 0);
  cairo_paint (cr);
  cairo_rectangle (cr, 10, 10, 17, 3);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (b);

  g_assert_cmpuint (largest_difference_cluster (a, b, GOLDEN_CHANNEL_TOLERANCE, &x, &y, &differing), ==, 51);
  g_assert_cmpuint (51, >, GOLDEN_MAX_CLUSTER);
  g_assert_cmpint (x, ==, 10);
  g_assert_cmpint (y, ==, 10);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Fonts, hinting and antialiasing differ between stacks (Debian 12 has
 * cairo 1.16 and Pango 1.50, Debian 13 cairo 1.18 and Pango 1.56): text
 * lands a pixel apart and glyphs are shaped differently, which no small
 * tolerance absorbs. Goldens are kept per stack: those in golden/ were
 * drawn with the base stack, those of another stack in a folder named
 * after its versions. */
#define GOLDEN_BASE_STACK "cairo-1.16-pango-1.50"

static char *
golden_stack (void)
{
  return g_strdup_printf ("cairo-%d.%d-pango-%d.%d", CAIRO_VERSION_MAJOR, CAIRO_VERSION_MINOR,
                          PANGO_VERSION_MAJOR, PANGO_VERSION_MINOR);
}

/* The golden's path under the source folder @root (tests/data). */
static char *
golden_path (const char *root,
             const char *golden_name)
{
  g_autofree char *stack = golden_stack ();

  if (g_str_equal (stack, GOLDEN_BASE_STACK))
    return g_build_filename (root, "golden", golden_name, NULL);

  return g_build_filename (root, "golden", stack, golden_name, NULL);
}

/* Compares @surface with the golden @golden_name of this stack, or
 * rewrites the golden with JM_UPDATE_GOLDEN=1. */
static void
assert_matches_golden (cairo_surface_t *surface,
                       const char      *golden_name)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *golden = golden_path (data, golden_name);
  cairo_surface_t *expected;
  guint cluster, differing;
  int x, y;

  if (g_strcmp0 (g_getenv ("JM_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *tests = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "tests", "data", NULL);
      g_autofree char *target = golden_path (tests, golden_name);
      g_autofree char *folder = g_path_get_dirname (target);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (surface, target), ==, CAIRO_STATUS_SUCCESS);
    }

  /* A stack with no set of its own (a newer GNOME runtime, when the
   * Flatpak build runs the tests) skips, saying so: its text differs from
   * every set by more than the tolerance. Debian 12 and 13, where CI runs,
   * have theirs, and there a missing golden fails. */
  {
    g_autofree char *folder = g_path_get_dirname (golden);

    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_autofree char *stack = golden_stack ();
        g_autofree char *reason = g_strdup_printf ("no golden images for %s in tests/data/golden: "
                                                   "make them with JM_UPDATE_GOLDEN=1 and look at them",
                                                   stack);

        g_test_skip (reason);
        return;
      }
  }

  expected = cairo_image_surface_create_from_png (golden);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("missing golden image %s: run the tests once with JM_UPDATE_GOLDEN=1", golden);

  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, cairo_image_surface_get_height (expected));
  cluster = largest_difference_cluster (surface, expected, GOLDEN_CHANNEL_TOLERANCE, &x, &y, &differing);
  g_test_message ("%u pixels differ from %s, the largest cluster has %u (at %d,%d)",
                  differing, golden, cluster, x, y);
  if (cluster > GOLDEN_MAX_CLUSTER)
    {
      g_autofree char *actual = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), golden_name, NULL);

      cairo_surface_write_to_png (surface, actual);
      g_test_message ("the image drawn now is in %s", actual);
    }
  g_assert_cmpuint (cluster, <=, GOLDEN_MAX_CLUSTER);

  cairo_surface_destroy (expected);
}

/* Five moods for −5..+5; a score between whole numbers takes the mood of
 * the nearest one. */
static void
test_mood_per_score (void)
{
  static const struct {
    double score;
    JmMood mood;
  } cases[] = {
    { -5, JM_MOOD_VERY_UNHAPPY }, { -4, JM_MOOD_VERY_UNHAPPY }, { -3.5, JM_MOOD_VERY_UNHAPPY },
    { -3.4, JM_MOOD_UNHAPPY }, { -3, JM_MOOD_UNHAPPY }, { -2, JM_MOOD_UNHAPPY }, { -1.5, JM_MOOD_UNHAPPY },
    { -1.4, JM_MOOD_NEUTRAL }, { -1, JM_MOOD_NEUTRAL }, { 0, JM_MOOD_NEUTRAL }, { 1, JM_MOOD_NEUTRAL },
    { 1.4, JM_MOOD_NEUTRAL }, { 1.5, JM_MOOD_HAPPY }, { 2, JM_MOOD_HAPPY }, { 3, JM_MOOD_HAPPY },
    { 3.4, JM_MOOD_HAPPY }, { 3.5, JM_MOOD_DELIGHTED }, { 4, JM_MOOD_DELIGHTED }, { 5, JM_MOOD_DELIGHTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("score %g", cases[i].score);
      g_assert_cmpint (jm_mood_for_score (cases[i].score), ==, cases[i].mood);
    }
}

/* Each mood has a face of its own, told apart without its colour: drawn
 * in one colour, no two faces are alike. */
static void
test_faces_told_apart (void)
{
  const JmColor fill = { 0.9, 0.8, 0.2, 1 }, ink = { 0.1, 0.1, 0.1, 1 }, rim = { 1, 1, 1, 1 };
  cairo_surface_t *faces[JM_N_MOODS];

  for (guint m = 0; m < JM_N_MOODS; m++)
    {
      cairo_t *cr;

      faces[m] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
      cr = cairo_create (faces[m]);
      jm_face_draw (cr, 32, 32, 28, m, &fill, &ink, &rim);
      cairo_destroy (cr);
      cairo_surface_flush (faces[m]);
    }

  for (guint a = 0; a < JM_N_MOODS; a++)
    for (guint b = a + 1; b < JM_N_MOODS; b++)
      {
        guint differing = 0;

        for (int y = 0; y < 64; y++)
          for (int x = 0; x < 64; x++)
            differing += pixel_at (faces[a], x, y) != pixel_at (faces[b], x, y);
        g_test_message ("faces %u and %u differ in %u pixels", a, b, differing);
        g_assert_cmpuint (differing, >, 40);
      }

  for (guint m = 0; m < JM_N_MOODS; m++)
    cairo_surface_destroy (faces[m]);
}

/* Golden images, drawn by the renderer, as the window draws: "MAP@LAYER". */
static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_auto(GStrv) parts = g_strsplit (name, "@", 2);
  g_autofree char *map = map_path (parts[0]);
  g_autofree char *golden_name = g_strdup_printf ("%s-%s.png", parts[0], parts[1]);
  g_autoptr(JmDocument) document = jm_test_load_map (map);
  JmLayerMode mode = JM_LAYER_MODE_CURRENT;
  g_autoptr(JmLayout) layout = NULL;
  cairo_surface_t *surface;

  for (guint i = 0; i < G_N_ELEMENTS (layer_names); i++)
    if (g_str_equal (layer_names[i], parts[1]))
      mode = i;

  layout = jm_layout_new (document, mode);
  surface = jm_test_render (layout, 1.0, JM_THEME_LIGHT, FALSE);
  assert_matches_golden (surface, golden_name);
  cairo_surface_destroy (surface);
}

/* Golden images of PNG exports in the dark theme and at scale 2, made as
 * `journeymap export` makes them: "MAP@LAYER@dark" or "MAP@LAYER@scale2". */
static void
test_golden_export (gconstpointer data)
{
  const char *name = data;
  g_auto(GStrv) parts = g_strsplit (name, "@", 3);
  g_autofree char *map = map_path (parts[0]);
  g_autofree char *golden_name = g_strdup_printf ("%s-%s-%s.png", parts[0], parts[1], parts[2]);
  g_autoptr(JmDocument) document = jm_test_load_map (map);
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  JmExportOptions options;
  cairo_surface_t *surface;
  double width, height;

  jm_export_options_init (&options);
  for (guint i = 0; i < G_N_ELEMENTS (layer_names); i++)
    if (g_str_equal (layer_names[i], parts[1]))
      options.mode = i;
  if (g_str_equal (parts[2], "dark"))
    options.theme = JM_THEME_DARK;
  else if (g_str_equal (parts[2], "scale2"))
    options.scale = 2.0;
  else
    g_assert_not_reached ();

  png = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, &options, &error);
  g_assert_no_error (error);
  surface = png_from_bytes (png);

  /* The size follows the scale before any pixel is compared. */
  layout = jm_layout_new (document, options.mode);
  jm_layout_get_size (layout, &width, &height);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * options.scale));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * options.scale));

  assert_matches_golden (surface, golden_name);
  cairo_surface_destroy (surface);
}

/* }}} */

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

/* The PNG export draws a large image in bands of rows, so that its memory
 * stays bounded whatever the scale (1.55 GB at scale 8 before): each
 * band comes out as the image drawn at once. Bands of a few rows cut
 * through every card, text, icon and curve. */
static void
assert_bands_match (JmLayout    *layout,
                    double       scale,
                    JmThemeKind  theme,
                    gboolean     transparent,
                    int          band_rows)
{
  JmExportOptions options = { JM_LAYER_MODE_CURRENT, scale, transparent, theme };
  JmRenderOptions render = { theme, transparent, NULL, JM_RENDER_ALL, TRUE };
  g_autoptr(GByteArray) at_once = g_byte_array_new ();
  g_autoptr(GBytes) banded = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  jm_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  jm_renderer_draw (cr, layout, &render);
  cairo_destroy (cr);
  g_assert_true (jm_png_encode (surface, !transparent, at_once, &error));
  g_assert_no_error (error);
  cairo_surface_destroy (surface);

  banded = jm_export_png_in_bands (layout, &options, band_rows, &error);
  g_assert_no_error (error);
  if (g_bytes_get_size (banded) != at_once->len ||
      memcmp (g_bytes_get_data (banded, NULL), at_once->data, at_once->len) != 0)
    {
      g_autoptr(GBytes) whole = g_bytes_new (at_once->data, at_once->len);
      cairo_surface_t *a = png_from_bytes (whole), *b = png_from_bytes (banded);
      double differing = difference (a, b, 0);

      g_test_message ("scale %g, bands of %d rows: %g of the pixels differ, %g by more than 1",
                      scale, band_rows, differing, difference (a, b, 1));
      /* cairo samples a scaled icon with a fixed-point transform that it
       * takes from the middle of what is drawn, which a band's clip can
       * move: at scale 2 with cairo 1.16, one pixel in a million of a
       * badge came out one level off (below what anyone sees); at scale 1
       * nothing differed. Everything else is the same byte for byte. */
      g_assert_cmpfloat (difference (a, b, 1), ==, 0);
      g_assert_cmpfloat (differing, <, 1e-5);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

static void
test_png_bands_match (void)
{
  const char *examples[] = { "grocery-first-order.jmap", "saas-onboarding.jmap" };
  const int band_rows[] = { 5, 1000 };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(JmDocument) document = jm_test_load_example (examples[e]);
      g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_BOTH);

      jm_layout_update (layout);
      for (guint b = 0; b < G_N_ELEMENTS (band_rows); b++)
        assert_bands_match (layout, 1.0, JM_THEME_LIGHT, FALSE, band_rows[b]);
      assert_bands_match (layout, 2.0, JM_THEME_DARK, TRUE, 40);
      assert_bands_match (layout, 0.5, JM_THEME_LIGHT, FALSE, 3);
    }
}

/* Draws what the canvas shows of @layout around the cell of stage @stage
 * and lane "l", from @above it: the canvas draws with the view's offset and the view as
 * the clip, so layout coordinates are huge far to the right of a wide
 * map. */
static cairo_surface_t *
render_far_cell (JmLayout   *layout,
                 const char *stage,
                 double      above,
                 double      zoom)
{
  JmDocument *document = jm_layout_get_document (layout);
  JmRect cell, visible;
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, &visible, JM_RENDER_ALL };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_true (jm_layout_get_cell_rect (layout, jm_document_lookup_stage (document, stage),
                                          jm_document_lookup_lane (document, "l"), &cell));
  visible = (JmRect) { cell.x - 40, cell.y - above, 400, cell.height + above + 10 };
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (visible.width * zoom),
                                        (int) (visible.height * zoom));
  cr = cairo_create (surface);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* jm_hostile_wide_map (@stages), with a card in the first stage linked
 * to the card in the last. */
static char *
wide_map_with_link (guint stages)
{
  g_autofree char *xml = jm_hostile_wide_map (stages);
  char *end = strstr (xml, "</items></layer>");
  GString *linked = g_string_new_len (xml, end - xml);

  g_string_append (linked, "<item id=\"near\" kind=\"card\" stage=\"s0\" lane=\"l\"><title>Near</title></item>"
                           "</items><links><link id=\"k\" from=\"near\" to=\"far\"/></links></layer>");
  g_string_append (linked, end + strlen ("</items></layer>"));
  return g_string_free (linked, FALSE);
}

static JmLayout *
lay_out_xml (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_xml_reader_read_bytes (bytes, "map.jmap", &error);
  JmLayout *layout;

  g_assert_no_error (error);
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  jm_layout_update (layout);
  return layout;
}

/* A link from the first stage of a map 8.4 million units wide to its last
 * shows at the far end as one across three stages does. */
static void
test_far_end_of_wide_link (void)
{
  g_autofree char *wide_xml = wide_map_with_link (2098);
  g_autofree char *narrow_xml = wide_map_with_link (3);
  g_autoptr(JmLayout) wide = lay_out_xml (wide_xml);
  g_autoptr(JmLayout) narrow = lay_out_xml (narrow_xml);
  const double zooms[] = { 1.0, 4.0 };

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      /* Below the stage headers, whose colours differ. */
      cairo_surface_t *far = render_far_cell (wide, "s2097", -1, zooms[i]);
      cairo_surface_t *near = render_far_cell (narrow, "s2", -1, zooms[i]);
      double differing = difference (far, near, 0);

      g_test_message ("zoom %g: %g of the pixels differ", zooms[i], differing);
      g_assert_cmpfloat (differing, ==, 0);
      cairo_surface_destroy (far);
      cairo_surface_destroy (near);
    }
}

/* A map 8.4 million units wide, past cairo's fixed point, draws its far
 * end in the window as a map of two stages draws the same place: grid,
 * lane, card. */
static void
test_far_end_of_wide_map (void)
{
  g_autofree char *wide_xml = jm_hostile_wide_map (2098);
  g_autofree char *narrow_xml = jm_hostile_wide_map (2);
  g_autoptr(GBytes) wide_bytes = g_bytes_new (wide_xml, strlen (wide_xml));
  g_autoptr(GBytes) narrow_bytes = g_bytes_new (narrow_xml, strlen (narrow_xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) wide = jm_xml_reader_read_bytes (wide_bytes, "wide.jmap", &error);
  g_autoptr(JmDocument) narrow = jm_xml_reader_read_bytes (narrow_bytes, "narrow.jmap", &error);
  g_autoptr(JmLayout) wide_layout = NULL;
  g_autoptr(JmLayout) narrow_layout = NULL;
  const double zooms[] = { 1.0, 4.0 };

  g_assert_no_error (error);
  wide_layout = jm_layout_new (wide, JM_LAYER_MODE_CURRENT);
  narrow_layout = jm_layout_new (narrow, JM_LAYER_MODE_CURRENT);
  jm_layout_update (wide_layout);
  jm_layout_update (narrow_layout);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      cairo_surface_t *far = render_far_cell (wide_layout, "s2097", 10, zooms[i]);
      cairo_surface_t *near = render_far_cell (narrow_layout, "s1", 10, zooms[i]);
      double differing = difference (far, near, 0);

      g_test_message ("zoom %g: %g of the pixels differ", zooms[i], differing);
      g_assert_cmpfloat (differing, ==, 0);
      cairo_surface_destroy (far);
      cairo_surface_destroy (near);
    }
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
  g_test_add_func ("/render/png/bands-match", test_png_bands_match);
  g_test_add_func ("/render/canvas/far-end-of-wide-map", test_far_end_of_wide_map);
  g_test_add_func ("/render/canvas/far-end-of-wide-link", test_far_end_of_wide_link);
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
  g_test_add_func ("/render/images/every-png-format", test_pictures_every_png_format);
  g_test_add_func ("/render/images/jpeg", test_pictures_jpeg);
  g_test_add_func ("/render/images/decoded-at-drawn-size", test_pictures_decoded_at_drawn_size);
  g_test_add_func ("/render/images/svg-with-images", test_pictures_svg_with_images);
  g_test_add_func ("/export/images/kept-to-themselves", test_exports_keep_their_pictures_to_themselves);
  g_test_add_func ("/export/async/too-large-to-read", test_export_async_of_a_map_too_large_to_read);

  g_test_add_func ("/render/compare/marks", test_compare_marks);
  g_test_add_data_func ("/render/probes/marks-badges-and-points/layout", "layout",
                        test_render_marks_badges_and_points);
  g_test_add_data_func ("/render/layout/cards-keep-their-gap/layout", "layout",
                        test_layout_cards_keep_their_gap);
  g_test_add_func ("/render/golden/rule", test_golden_rule);
  g_test_add_data_func ("/render/golden/layout@current", "layout@current", test_golden);
  g_test_add_data_func ("/render/golden/faces@current", "faces@current", test_golden);
  g_test_add_data_func ("/render/golden/link-routes@current", "link-routes@current", test_golden);
  g_test_add_func ("/render/faces/mood-per-score", test_mood_per_score);
  g_test_add_func ("/render/faces/told-apart", test_faces_told_apart);
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    {
      g_autofree char *export_path = g_strdup_printf ("/export/examples/%s", example_names[i]);

      g_test_add_data_func (export_path, example_names[i], test_export_example);
      g_clear_pointer (&export_path, g_free);
      export_path = g_strdup_printf ("/render/probes/marks-badges-and-points/%s", example_names[i]);
      g_test_add_data_func (export_path, example_names[i], test_render_marks_badges_and_points);
      g_clear_pointer (&export_path, g_free);
      export_path = g_strdup_printf ("/render/layout/cards-keep-their-gap/%s", example_names[i]);
      g_test_add_data_func (export_path, example_names[i], test_layout_cards_keep_their_gap);
      for (guint l = 0; l < G_N_ELEMENTS (layer_names); l++)
        {
          char *key = g_strdup_printf ("%s@%s", example_names[i], layer_names[l]);
          g_autofree char *test_path = g_strdup_printf ("/render/golden/%s", key);

          g_test_add_data_func_full (test_path, key, test_golden, g_free);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (golden_exports); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/render/golden/%s", golden_exports[i]);

      g_test_add_data_func (test_path, golden_exports[i], test_golden_export);
    }

  return g_test_run ();
}
