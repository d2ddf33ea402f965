/* test-slides.c: a stage as a slide, and the handout
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "export/jm-export.h"
#include "model/jm-comment-private.h"
#include "model/jm-object.h"
#include "model/jm-object-store-private.h"
#include "model/jm-object-private.h"
#include "format/jm-xml-reader.h"
#include "render/jm-renderer-private.h"
#include "render/jm-slide.h"

#include "jm-test-maps.h"

#define WIDTH  1600
#define HEIGHT 1000

static cairo_surface_t *
draw_slide (JmLayout    *layout,
            guint        index,
            JmThemeKind  theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  jm_slide_draw (cr, layout, index, WIDTH, HEIGHT, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* To look at them: JM_SLIDE_SHOTS=DIR. */
  if (g_getenv ("JM_SLIDE_SHOTS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("slide-%s-%u-%s.png",
                                               jm_document_get_display_title (jm_layout_get_document (layout)),
                                               index, theme == JM_THEME_DARK ? "dark" : "light");
      g_autofree char *path = g_build_filename (g_getenv ("JM_SLIDE_SHOTS"), name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int) floor (x), py = (int) floor (y);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (const void *) (data + py * stride + px * 4);
}

static double
luminance (guint32 pixel)
{
  return 0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.0722 * (pixel & 0xff);
}

/* The mean luminance of a rectangle of the image. */
static double
mean_luminance (cairo_surface_t *surface,
                const JmRect    *rect)
{
  double total = 0;
  guint n = 0;

  for (int y = (int) ceil (rect->y); y < (int) floor (rect->y + rect->height); y++)
    for (int x = (int) ceil (rect->x); x < (int) floor (rect->x + rect->width); x++)
      {
        total += luminance (pixel_at (surface, x, y));
        n++;
      }

  g_assert_cmpuint (n, >, 0);
  return total / n;
}

static guint
color_distance (guint32 a,
                guint32 b)
{
  guint distance = 0;

  for (int shift = 0; shift < 24; shift += 8)
    distance += ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));

  return distance;
}

static guint32
color_pixel (JmColor color)
{
  return 0xff000000 | (guint32) lround (color.red * 255) << 16 | (guint32) lround (color.green * 255) << 8 |
         (guint32) lround (color.blue * 255);
}

static JmStage *
stage_at (JmDocument *document,
          guint       index)
{
  return jm_object_store_get_object (jm_document_get_stages (document), index);
}

/* The column is large, inside its area, centred, and the strip's marker
 * moves along the strip with the stages. */
static void
test_slide_geometry (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  double last_marker = -1;

  g_assert_cmpuint (jm_slide_count (layout), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JmSlideGeometry g;

      g_assert_true (jm_slide_get_geometry (layout, i, WIDTH, HEIGHT, &g));
      /* As large as the slide's height allows, up to most of its area's width. */
      g_assert_cmpfloat (g.column.width, >=, 0.12 * WIDTH);
      g_assert_cmpfloat (g.column.width, <=, 0.6 * g.column_area.width + 1);
      g_assert_true (g.column.width >= 0.6 * g.column_area.width - 1 ||
                     g.column.height >= g.column_area.height - 1);
      g_assert_cmpfloat (fabs (g.column.x + g.column.width / 2 - g.column_area.width / 2), <=, 1);
      g_assert_cmpfloat (g.column.y + g.column.height, <=, g.column_area.y + g.column_area.height + 0.5);
      g_assert_cmpfloat (g.column.y, >=, g.strip.y + g.strip.height);
      g_assert_cmpfloat (g.marker.x, >=, g.strip.x - 0.5);
      g_assert_cmpfloat (g.marker.x + g.marker.width, <=, g.strip.x + g.strip.width + 0.5);
      g_assert_cmpfloat (g.marker.x, >, last_marker);
      last_marker = g.marker.x;
    }

  g_assert_false (jm_slide_get_geometry (layout, 5, WIDTH, HEIGHT, &(JmSlideGeometry) { 0 }));
}

/* The current stage is in the light, its neighbours are dimmed: in both
 * themes the column is brighter than the same rows of a neighbour. */
static void
test_slide_column_brighter_than_neighbours (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  JmThemeKind themes[] = { JM_THEME_LIGHT, JM_THEME_DARK };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      cairo_surface_t *surface = draw_slide (layout, 2, themes[t]);
      JmSlideGeometry g;
      JmRect left, right;
      double column, before, after;

      g_assert_true (jm_slide_get_geometry (layout, 2, WIDTH, HEIGHT, &g));
      /* As wide a band of each neighbour as shows, beside the column. */
      left = (JmRect) { MAX (g.column.x - g.column.width, 0), g.column.y, MIN (g.column.width, g.column.x) - 4,
                        g.column.height };
      right = (JmRect) { g.column.x + g.column.width + 4, g.column.y,
                         MIN (g.column.width, WIDTH - g.column.x - g.column.width) - 4, g.column.height };
      column = mean_luminance (surface, &g.column);
      before = mean_luminance (surface, &left);
      after = mean_luminance (surface, &right);
      g_test_message ("theme %u: column %.1f, left %.1f, right %.1f", t, column, before, after);
      g_assert_cmpfloat (column, >, before * 1.4);
      g_assert_cmpfloat (column, >, after * 1.4);
      cairo_surface_destroy (surface);
    }
}

/* The mark under the strip points at the current stage, and only there. */
static void
test_slide_marker_over_current_stage (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  guint n = jm_slide_count (layout);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = draw_slide (layout, i, JM_THEME_LIGHT);
      JmColor color = jm_theme_stage_color (theme, jm_stage_get_color (stage_at (document, i)), i);

      for (guint j = 0; j < n; j++)
        {
          JmSlideGeometry g;
          guint32 tip;

          /* The tip of stage j's mark, were it the current one. */
          g_assert_true (jm_slide_get_geometry (layout, j, WIDTH, HEIGHT, &g));
          tip = pixel_at (surface, g.marker_tip_x, g.marker_tip_y);
          if (i == j)
            g_assert_cmpuint (color_distance (tip, color_pixel (color)), <=, 6);
          else
            g_assert_cmpuint (color_distance (tip, color_pixel (theme->background)), <=, 6);
        }
      cairo_surface_destroy (surface);
    }
}

/* A stage's Moments of Truth are written out below the column, in the
 * colour of moments; a stage without any has no call-outs. */
static void
test_slide_moments_called_out (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  guint with = 0, without = 0;

  for (guint i = 0; i < jm_slide_count (layout); i++)
    {
      g_autoptr(GPtrArray) moments = jm_slide_dup_moments (layout, i);
      JmSlideGeometry g;

      g_assert_true (jm_slide_get_geometry (layout, i, WIDTH, HEIGHT, &g));
      g_assert_cmpuint (g.n_callouts, ==, MIN (moments->len, JM_SLIDE_MAX_CALLOUTS));
      if (moments->len > 0)
        {
          cairo_surface_t *surface = draw_slide (layout, i, JM_THEME_LIGHT);
          g_autofree char *kind = jm_slide_dup_moment_kind_label (g_ptr_array_index (moments, 0));

          g_assert_nonnull (kind);
          g_assert_cmpfloat (g.callouts.height, >, 0.1 * HEIGHT);
          g_assert_cmpfloat (g.callouts.x, >=, g.column_area.x + g.column_area.width);
          /* The first call-out's frame, in the colour of moments. */
          g_assert_cmpuint (color_distance (pixel_at (surface, g.callouts.x + g.callouts.width / 2, g.callouts.y + 1),
                                            color_pixel (theme->moment)), <=, 30);
          cairo_surface_destroy (surface);
          with++;
        }
      else
        {
          g_assert_cmpfloat (g.callouts.height, ==, 0);
          without++;
        }
    }

  /* The example has both kinds of stage. */
  g_assert_cmpuint (with, >, 0);
  g_assert_cmpuint (without + with, ==, 5);
}

static void
test_slide_custom_moment_label (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmItem *custom = jm_layer_lookup_item (layer, "item-asks-tips");
  JmItem *first = jm_layer_lookup_item (layer, "item-gets-key");
  g_autofree char *custom_label = NULL, *first_label = NULL;

  g_assert_nonnull (custom);
  g_assert_nonnull (first);
  custom_label = jm_slide_dup_moment_kind_label (custom);
  first_label = jm_slide_dup_moment_kind_label (first);
  g_assert_cmpstr (custom_label, ==, "Moment of delight");
  g_assert_cmpstr (first_label, ==, "First Moment of Truth");
}

static char *
run_tool (const char *tool,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) tool);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* Text with every run of white space one space: pdftotext breaks lines
 * where the PDF's lines end. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *text = run_tool ("pdftotext", "-f", number, "-l", number, path, "-", NULL);

  return text != NULL ? squeeze (text) : NULL;
}

/* Writes the handout with the real binary, as a user would. */
static char *
write_handout (const char *example,
               const char *dir)
{
  g_autofree char *file = g_strconcat (example, ".jmap", NULL);
  g_autofree char *map = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", file, NULL);
  char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *out = run_tool (g_getenv ("JM_BINARY"), "export", map, "-o", pdf, "--handout", NULL);

  g_assert_nonnull (out);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  return pdf;
}

/* A map of N stages makes N + 1 pages: the cover, then one per stage with
 * the stage's name and the titles of its items as text. */
static void
test_handout_pages (gconstpointer data)
{
  const char *example = data;
  g_autofree char *file = g_strconcat (example, ".jmap", NULL);
  g_autoptr(JmDocument) document = jm_test_load_example (file);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (layer);
  JmObjectStore *stages = jm_document_get_stages (document);
  g_autofree char *dir = g_dir_make_tmp ("jm-handout-XXXXXX", NULL);
  g_autofree char *pdf = write_handout (example, dir);
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL);
  g_autofree char *pages = NULL;
  g_autofree char *cover = NULL;
  guint n_stages = jm_object_store_get_n_objects (stages);

  if (info == NULL)
    {
      g_unlink (pdf);
      g_rmdir (dir);
      g_test_skip ("poppler's pdfinfo and pdftotext are not installed (poppler-utils)");
      return;
    }

  pages = g_strdup_printf ("\nPages:           %u\n", n_stages + 1);
  g_assert_nonnull (strstr (info, pages));

  cover = page_text (pdf, 1);
  g_assert_nonnull (cover);
  g_assert_nonnull (strstr (cover, jm_document_get_title (document)));
  for (guint i = 0; i < jm_object_store_get_n_objects (jm_document_get_personas (document)); i++)
    g_assert_nonnull (strstr (cover, jm_persona_get_name (jm_object_store_get_object (
                                                            jm_document_get_personas (document), i))));

  for (guint s = 0; s < n_stages; s++)
    {
      JmStage *stage = stage_at (document, s);
      g_autofree char *text = page_text (pdf, s + 2);
      guint found = 0;

      g_assert_nonnull (text);
      g_assert_nonnull (strstr (text, jm_stage_get_name (stage)));
      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        {
          JmItem *item = jm_object_store_get_object (items, i);
          g_autofree char *title = NULL;
          g_autofree char *squeezed = NULL;

          if (g_strcmp0 (jm_item_get_stage_id (item), jm_object_get_id (JM_OBJECT (stage))) != 0 ||
              jm_item_get_title (item) == NULL)
            continue;

          /* As listed, not as drawn on the slide: after the list's bullet. */
          squeezed = squeeze (jm_item_get_title (item));
          title = g_strconcat ("• ", squeezed, NULL);
          if (strstr (text, title) == NULL)
            g_test_message ("page %u lacks “%s”", s + 2, title);
          g_assert_nonnull (strstr (text, title));
          found++;
        }
      g_assert_cmpuint (found, >, 0);
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* A stage's presenter's note (format 1.1) has room under the Moments of
 * Truth on its slide, and its page of the handout says it; a stage
 * without one gives it no room. */
static void
test_slide_note (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  JmStage *stage = stage_at (document, 0);
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GBytes) handout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *note = NULL;
  g_autofree char *page = NULL;
  JmSlideGeometry geometry;
  JmExportOptions options;
  GValue value = G_VALUE_INIT;

  note = jm_slide_dup_stage_note (document, stage);
  g_assert_null (note);
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_assert_true (jm_slide_get_geometry (layout, 0, 1600, 1000, &geometry));
  g_assert_cmpfloat (geometry.note.height, ==, 0);
  g_clear_object (&layout);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Ask the room who booked a hotel last month.");
  g_assert_true (_jm_model_set_property (G_OBJECT (stage), "presenter-note", &value));
  g_value_unset (&value);

  note = jm_slide_dup_stage_note (document, stage);
  g_assert_cmpstr (note, ==, "Ask the room who booked a hotel last month.");
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_assert_true (jm_slide_get_geometry (layout, 0, 1600, 1000, &geometry));
  g_assert_cmpfloat (geometry.note.height, >, 50);
  g_assert_cmpfloat (geometry.note.y, >=, geometry.callouts.y + geometry.callouts.height);
  g_assert_cmpfloat (geometry.note.y + geometry.note.height, <=, geometry.panel.y + geometry.panel.height + 0.5);

  jm_export_options_init (&options);
  handout = jm_export_to_bytes (document, JM_EXPORT_FORMAT_HANDOUT, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (handout, NULL), (gssize) g_bytes_get_size (handout),
                                      NULL));
  page = page_text (pdf, 2);
  if (page == NULL)
    g_test_skip ("poppler's pdftotext is not installed (poppler-utils)");
  else
    g_assert_nonnull (strstr (page, "Ask the room who booked a hotel last month."));

  g_unlink (pdf);
  g_rmdir (dir);
}

/* With the comments option, a stage's page lists the open comments on it
 * and on its items (never the resolved ones); without, none. */
static void
test_handout_comments (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  JmStage *stage = stage_at (document, 0);
  g_autoptr(JmComment) open_comment = jm_comment_new ("comment-open");
  g_autoptr(JmComment) resolved = jm_comment_new ("comment-resolved");
  g_autofree char *dir = g_dir_make_tmp ("jm-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);

  open_comment->author = g_strdup ("Ana Souza");
  open_comment->text = g_strdup ("Measure the queue at the desk.");
  open_comment->date = g_date_time_new_utc (2026, 3, 4, 15, 30, 0);
  resolved->author = g_strdup ("Ana Souza");
  resolved->text = g_strdup ("Spell the hotel's name right.");
  resolved->date = g_date_time_new_utc (2026, 3, 4, 15, 31, 0);
  resolved->resolved = TRUE;
  _jm_object_store_append (jm_comments_get (stage), JM_OBJECT (open_comment));
  _jm_object_store_append (jm_comments_get (stage), JM_OBJECT (resolved));

  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(GBytes) handout = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *page = NULL;
      JmExportOptions options;

      jm_export_options_init (&options);
      options.comments = with;
      handout = jm_export_to_bytes (document, JM_EXPORT_FORMAT_HANDOUT, &options, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (handout, NULL),
                                          (gssize) g_bytes_get_size (handout), NULL));
      page = page_text (pdf, 2);
      if (page == NULL)
        {
          g_test_skip ("poppler's pdftotext is not installed (poppler-utils)");
          break;
        }
      g_test_message ("%s", page);
      g_assert_true ((strstr (page, "Measure the queue at the desk.") != NULL) == with);
      g_assert_true ((strstr (page, "Open comments") != NULL) == with);
      g_assert_null (strstr (page, "Spell the hotel"));
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_handout_refuses_other_formats (void)
{
  g_autofree char *map = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                           "hotel-guest-stay.jmap", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jm-handout-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "handout.png", NULL);
  const char *argv[] = { g_getenv ("JM_BINARY"), "export", map, "-o", png, "--handout", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, ".pdf"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* The handout through the core, in the future state and the dark theme:
 * the same pages. */
static void
test_handout_future_dark (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmExportOptions options;

  jm_export_options_init (&options);
  options.mode = JM_LAYER_MODE_FUTURE;
  options.theme = JM_THEME_DARK;
  bytes = jm_export_to_bytes (document, JM_EXPORT_FORMAT_HANDOUT, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A map of one stage with a picture (an 8 × 8 red PNG) on a card. */
static JmDocument *
picture_map_new (void)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
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
    "<stages><stage id=\"s\"><name>S</name></stage></stages>"
    "<lanes><lane id=\"l\" kind=\"images\"><name>L</name></lane></lanes>"
    "<layer state=\"current\"><items><item id=\"i\" kind=\"image\" stage=\"s\" lane=\"l\">"
    "<title>Store front</title><image media-type=\"image/png\">%s</image></item></items></layer>"
    "</journey-map>", base64);
  bytes = g_bytes_new (xml, strlen (xml));

  document = jm_xml_reader_read_bytes (bytes, "images.jmap", &error);
  g_assert_no_error (error);
  return document;
}

/* The handout decodes the map's pictures for itself, as every export does:
 * it draws a copy of the map in a worker, once. A slide in the window keeps
 * them in the canvas's cache. */
static void
test_handout_keeps_pictures_to_itself (void)
{
  g_autoptr(JmDocument) document = picture_map_new ();
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint cached = jm_renderer_count_cached_images ();
  cairo_surface_t *surface;

  bytes = jm_export_to_bytes (document, JM_EXPORT_FORMAT_HANDOUT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (jm_renderer_count_cached_images (), ==, cached);

  surface = draw_slide (layout, 0, JM_THEME_LIGHT);
  g_assert_cmpuint (jm_renderer_count_cached_images (), >, cached);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slide/geometry", test_slide_geometry);
  g_test_add_func ("/slide/column-brighter-than-neighbours", test_slide_column_brighter_than_neighbours);
  g_test_add_func ("/slide/marker-over-current-stage", test_slide_marker_over_current_stage);
  g_test_add_func ("/slide/moments-called-out", test_slide_moments_called_out);
  g_test_add_func ("/slide/custom-moment-label", test_slide_custom_moment_label);
  g_test_add_data_func ("/handout/pages/hotel-guest-stay", "hotel-guest-stay", test_handout_pages);
  g_test_add_data_func ("/handout/pages/saas-onboarding", "saas-onboarding", test_handout_pages);
  g_test_add_func ("/handout/refuses-other-formats", test_handout_refuses_other_formats);
  g_test_add_func ("/handout/comments", test_handout_comments);
  g_test_add_func ("/slide/note", test_slide_note);
  g_test_add_func ("/handout/future-dark", test_handout_future_dark);
  g_test_add_func ("/handout/keeps-pictures-to-itself", test_handout_keeps_pictures_to_itself);

  return g_test_run ();
}
