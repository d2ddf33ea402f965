/* test-print.c: the geometry of printing on one page or as a poster
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "export/jm-export.h"
#include "export/jm-print-layout.h"
#include "format/jm-format-error.h"
#include "jm-test-maps.h"
#include "jm-test-run.h"
#include "model/jm-document-private.h"
#include "render/jm-renderer.h"

/* A4 portrait, printable area with 10 mm margins, in points. */
#define PAGE_WIDTH 538.6
#define PAGE_HEIGHT 785.2

static void
test_fit_page_keeps_proportions (void)
{
  g_autoptr(JmPrintPlan) wide = jm_print_plan_new (3000, 1200, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_FIT_PAGE, 4);
  g_autoptr(JmPrintPlan) tall = jm_print_plan_new (400, 2000, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_FIT_PAGE, 1);

  g_assert_cmpuint (jm_print_plan_get_n_pages (wide), ==, 1);
  g_assert_cmpfloat_with_epsilon (3000 * wide->scale, PAGE_WIDTH, 1e-6);
  g_assert_cmpfloat (1200 * wide->scale, <=, PAGE_HEIGHT);

  g_assert_cmpuint (jm_print_plan_get_n_pages (tall), ==, 1);
  g_assert_cmpfloat_with_epsilon (2000 * tall->scale, PAGE_HEIGHT, 1e-6);
  g_assert_cmpfloat (400 * tall->scale, <=, PAGE_WIDTH);
  g_assert_cmpfloat (tall->overlap, ==, 0);
}

/* Pages across as asked, rows to fit, neighbours sharing exactly the
 * overlap, and every part of the map on some page. */
static void
test_poster_tiles_cover_the_map (void)
{
  const double map_width = 4464, map_height = 3188;
  g_autoptr(JmPrintPlan) plan = jm_print_plan_new (map_width, map_height, PAGE_WIDTH, PAGE_HEIGHT,
                                                   JM_PRINT_MODE_POSTER, 3);
  double overlap_units;

  g_assert_cmpuint (plan->columns, ==, 3);
  g_assert_cmpuint (plan->rows, >=, 1);
  g_assert_cmpuint (jm_print_plan_get_n_pages (plan), ==, plan->rows * plan->columns);
  g_assert_cmpfloat_with_epsilon (plan->overlap, JM_PRINT_OVERLAP, 1e-9);
  overlap_units = plan->overlap / plan->scale;

  /* The map's width fills the pages across. */
  g_assert_cmpfloat_with_epsilon (map_width * plan->scale, 3 * PAGE_WIDTH - 2 * plan->overlap, 1e-6);

  for (guint i = 0; i < plan->tiles->len; i++)
    {
      const JmPrintTile *tile = &g_array_index (plan->tiles, JmPrintTile, i);

      g_assert_cmpuint (tile->row, ==, i / plan->columns);
      g_assert_cmpuint (tile->column, ==, i % plan->columns);
      g_assert_cmpfloat_with_epsilon (tile->source.width * plan->scale, PAGE_WIDTH, 1e-6);
      g_assert_cmpfloat_with_epsilon (tile->source.height * plan->scale, PAGE_HEIGHT, 1e-6);

      if (tile->column > 0)
        {
          const JmPrintTile *left = tile - 1;

          g_assert_cmpfloat_with_epsilon (left->source.x + left->source.width - tile->source.x,
                                          overlap_units, 1e-6);
        }
      if (tile->row > 0)
        {
          const JmPrintTile *above = tile - plan->columns;

          g_assert_cmpfloat_with_epsilon (above->source.y + above->source.height - tile->source.y,
                                          overlap_units, 1e-6);
        }
    }

  /* The last page reaches the map's right and bottom edges; one row
   * fewer would not. */
  {
    const JmPrintTile *last = &g_array_index (plan->tiles, JmPrintTile, plan->tiles->len - 1);

    g_assert_cmpfloat (last->source.x + last->source.width, >=, map_width - 1e-6);
    g_assert_cmpfloat (last->source.y + last->source.height, >=, map_height - 1e-6);
    g_assert_cmpfloat (last->source.y, <, map_height);
  }
}

/* What of a page the finished poster shows: all but the strips on its
 * right and bottom, which are cut off along the dashed lines (the next
 * pages show the same part of the map), and only where the map is. */
static JmRect
shown_area (const JmPrintPlan *plan,
            guint              page)
{
  const JmPrintTile *tile = &g_array_index (plan->tiles, JmPrintTile, page);
  double right = tile->column + 1 < plan->columns ? PAGE_WIDTH - plan->overlap : PAGE_WIDTH;
  double bottom = tile->row + 1 < plan->rows ? PAGE_HEIGHT - plan->overlap : PAGE_HEIGHT;

  return (JmRect) { 0, 0, MIN (right, (plan->map_width - tile->source.x) * plan->scale),
                    MIN (bottom, (plan->map_height - tile->source.y) * plan->scale) };
}

/* Every page of a poster says which it is, where the finished poster
 * does not show: on the strips cut off, or, on the last page, under the
 * map; a last page the map fills has no label. */
static void
test_poster_labels_not_shown (void)
{
  g_autoptr(JmPrintPlan) plan = jm_print_plan_new (4464, 3188, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_POSTER, 3);
  g_autoptr(JmPrintPlan) one = jm_print_plan_new (4464, 3188, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_FIT_PAGE, 1);
  g_autoptr(JmPrintPlan) filled = NULL;
  double scale = plan->scale;
  JmRect area, shown;

  g_assert_false (jm_print_plan_get_label_area (one, 0, &area));
  g_assert_cmpuint (plan->rows, >=, 2);

  /* What the pages show fits together into the whole map, once. */
  for (guint row = 0; row < plan->rows; row++)
    {
      double across = 0;

      for (guint column = 0; column < plan->columns; column++)
        across += shown_area (plan, row * plan->columns + column).width;
      g_assert_cmpfloat_with_epsilon (across, 4464 * scale, 1e-6);
    }
  for (guint column = 0; column < plan->columns; column++)
    {
      double down = 0;

      for (guint row = 0; row < plan->rows; row++)
        down += shown_area (plan, row * plan->columns + column).height;
      g_assert_cmpfloat_with_epsilon (down, 3188 * scale, 1e-6);
    }

  for (guint i = 0; i < plan->tiles->len; i++)
    {
      g_assert_true (jm_print_plan_get_label_area (plan, i, &area));
      g_assert_cmpfloat (area.x, >=, 0);
      g_assert_cmpfloat (area.y, >=, 0);
      g_assert_cmpfloat (area.x + area.width, <=, PAGE_WIDTH + 1e-9);
      g_assert_cmpfloat (area.y + area.height, <=, PAGE_HEIGHT + 1e-9);
      g_assert_cmpfloat (MIN (area.width, area.height), >=, 12);
      shown = shown_area (plan, i);
      g_assert_false (jm_test_rects_overlap (&area, &shown));
    }

  /* A map exactly two pages high fills the last page. */
  filled = jm_print_plan_new (4464, (2 * PAGE_HEIGHT - plan->overlap) / scale, PAGE_WIDTH, PAGE_HEIGHT,
                              JM_PRINT_MODE_POSTER, 3);
  g_assert_cmpuint (filled->rows, ==, 2);
  g_assert_true (jm_print_plan_get_label_area (filled, 3, &area));
  g_assert_false (jm_print_plan_get_label_area (filled, filled->tiles->len - 1, &area));
}

static cairo_surface_t *
page_surface (void)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (PAGE_WIDTH), (int) ceil (PAGE_HEIGHT));
}

/* What a page shows of the map and nothing else: no marks, no label. */
static cairo_surface_t *
draw_map_part (const JmPrintPlan *plan,
               guint              page,
               JmLayout          *layout)
{
  const JmPrintTile *tile = &g_array_index (plan->tiles, JmPrintTile, page);
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, &tile->source, JM_RENDER_ALL };
  cairo_surface_t *surface = page_surface ();
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 0, 0, MIN (PAGE_WIDTH, (plan->map_width - tile->source.x) * plan->scale),
                   MIN (PAGE_HEIGHT, (plan->map_height - tile->source.y) * plan->scale));
  cairo_clip (cr);
  cairo_scale (cr, plan->scale, plan->scale);
  cairo_translate (cr, -tile->source.x, -tile->source.y);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  return surface;
}

static cairo_surface_t *
draw_page (const JmPrintPlan *plan,
           guint              page,
           JmLayout          *layout)
{
  cairo_surface_t *surface = page_surface ();
  cairo_t *cr = cairo_create (surface);

  jm_print_plan_draw_page (plan, page, cr, layout);
  cairo_destroy (cr);
  return surface;
}

/* Whether two surfaces agree on every pixel inside [x0, x1) × [y0, y1). */
static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b,
             int              x0,
             int              y0,
             int              x1,
             int              y1)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa, *pb;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int y = y0; y < y1; y++)
    if (memcmp (pa + y * stride + x0 * 4, pb + y * stride + x0 * 4, (x1 - x0) * 4) != 0)
      return FALSE;
  return TRUE;
}

/* Trimmed and glued, a poster shows the map alone: on every page, what
 * is left once its right and bottom strips are cut off is the map exactly
 * as the renderer draws it, with no label and no mark over it. */
static void
test_poster_shows_only_the_map (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmPrintPlan) plan = NULL;
  double width, height;

  jm_layout_get_size (layout, &width, &height);
  plan = jm_print_plan_new (width, height, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_POSTER, 3);
  g_assert_cmpuint (plan->rows * plan->columns, >, 3);

  for (guint i = 0; i < plan->tiles->len; i++)
    {
      cairo_surface_t *page = draw_page (plan, i, layout);
      cairo_surface_t *map = draw_map_part (plan, i, layout);
      JmRect shown = shown_area (plan, i);

      /* A point less for the antialiased edge of the cut lines. */
      g_assert_true (same_pixels (page, map, 0, 0, (int) (shown.width - 1), (int) (shown.height - 1)));
      /* The marks and the label are there, in the strips. */
      g_assert_false (same_pixels (page, map, 0, 0, (int) PAGE_WIDTH, (int) PAGE_HEIGHT));
      cairo_surface_destroy (page);
      cairo_surface_destroy (map);
    }
}

/* Rows (or columns) of @page in which the strip [from, to) of columns (or
 * rows) holds a pixel that is red where the map is not: the dashed cut
 * mark. */
static guint
count_cut_mark (cairo_surface_t *page,
                cairo_surface_t *map,
                gboolean         vertical,
                int              from,
                int              to,
                int              length)
{
  int stride = cairo_image_surface_get_stride (page);
  const guchar *pa, *pb;
  guint count = 0;

  cairo_surface_flush (page);
  cairo_surface_flush (map);
  pa = cairo_image_surface_get_data (page);
  pb = cairo_image_surface_get_data (map);
  for (int along = 0; along < length; along++)
    {
      gboolean red = FALSE;

      for (int across = from; across < to && !red; across++)
        {
          int x = vertical ? across : along, y = vertical ? along : across;
          guint32 p = *(const guint32 *) (const void *) (pa + y * stride + x * 4);
          guint32 q = *(const guint32 *) (const void *) (pb + y * stride + x * 4);
          int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          red = p != q && r - g > 50 && r - b > 40;
        }
      count += red;
    }

  return count;
}

/* Every page of a poster but those of the last column has a dashed cut
 * mark down the start of its right strip, and every page but those of
 * the last row one across the start of its bottom strip. */
static void
test_poster_cut_marks (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmPrintPlan) plan = NULL;
  double width, height;

  jm_layout_get_size (layout, &width, &height);
  plan = jm_print_plan_new (width, height, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_POSTER, 3);
  g_assert_cmpuint (plan->rows, >=, 2);
  g_assert_cmpuint (plan->columns, ==, 3);

  for (guint i = 0; i < plan->tiles->len; i++)
    {
      const JmPrintTile *tile = &g_array_index (plan->tiles, JmPrintTile, i);
      cairo_surface_t *page = draw_page (plan, i, layout);
      cairo_surface_t *map = draw_map_part (plan, i, layout);
      int right = round (PAGE_WIDTH - plan->overlap), bottom = round (PAGE_HEIGHT - plan->overlap);
      guint down = count_cut_mark (page, map, TRUE, right - 1, right + 1, (int) PAGE_HEIGHT);
      guint across = count_cut_mark (page, map, FALSE, bottom - 1, bottom + 1, (int) PAGE_WIDTH);

      g_test_message ("page %u: %u rows and %u columns of cut mark", i, down, across);
      /* Dashes of 4 with gaps of 3: more than half of the page's length.
       * Where there is none, the other mark may cross the strip. */
      if (tile->column + 1 < plan->columns)
        g_assert_cmpuint (down, >, PAGE_HEIGHT / 2);
      else
        g_assert_cmpuint (down, <=, 2);
      if (tile->row + 1 < plan->rows)
        g_assert_cmpuint (across, >, PAGE_WIDTH / 2);
      else
        g_assert_cmpuint (across, <=, 2);
      cairo_surface_destroy (page);
      cairo_surface_destroy (map);
    }
}

static void
set_width (JmDocument *document,
           gpointer    object,
           double      width)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, width);
  g_assert_true (_jm_document_set_property (document, object, "width", &value));
}

static void
on_snapshot_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* The layout of a copy of @document, laid out in a worker. */
static JmLayout *
snapshot_and_wait (JmDocument   *document,
                   JmLayerMode   mode,
                   GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  jm_print_snapshot_layout_async (document, mode, NULL, on_snapshot_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return jm_print_snapshot_layout_finish (result, error);
}

/* Pages print in the background while the map can still change: they
 * are drawn from a copy of it taken when printing began. */
static void
test_snapshot_keeps_the_map_as_it_was (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) live = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmLayout) snapshot = snapshot_and_wait (document, JM_LAYER_MODE_CURRENT, NULL);
  JmStage *first = jm_object_store_get_object (jm_document_get_stages (document), 0);
  double live_width, live_height, width, height, snapshot_width, snapshot_height;

  jm_layout_get_size (live, &live_width, &live_height);
  jm_layout_get_size (snapshot, &width, &height);
  g_assert_cmpfloat (width, ==, live_width);
  g_assert_cmpfloat (height, ==, live_height);

  set_width (document, first, jm_stage_get_width (first) + 300);
  jm_layout_update (live);
  jm_layout_update (snapshot);
  jm_layout_get_size (live, &live_width, &live_height);
  jm_layout_get_size (snapshot, &snapshot_width, &snapshot_height);
  g_assert_cmpfloat (live_width, ==, width + 300);
  g_assert_cmpfloat (snapshot_width, ==, width);
  g_assert_cmpfloat (snapshot_height, ==, height);
}

/* The copy read and laid out in a worker is the map as it was when
 * printing began, laid out as the window lays it out. */
static void
test_snapshot_in_a_worker (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) live = jm_layout_new (document, JM_LAYER_MODE_BOTH);
  g_autoptr(JmLayout) snapshot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmStage *first = jm_object_store_get_object (jm_document_get_stages (document), 0);
  double live_width, live_height, width, height;

  jm_layout_get_size (live, &live_width, &live_height);
  jm_print_snapshot_layout_async (document, JM_LAYER_MODE_BOTH, NULL, on_snapshot_cb, &result);
  set_width (document, first, jm_stage_get_width (first) + 300);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  snapshot = jm_print_snapshot_layout_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (jm_layout_get_document (snapshot) != document);
  g_assert_cmpint (jm_layout_get_mode (snapshot), ==, JM_LAYER_MODE_BOTH);
  jm_layout_get_size (snapshot, &width, &height);
  g_assert_cmpfloat (width, ==, live_width);
  g_assert_cmpfloat (height, ==, live_height);
}

/* A map grown past what a file holds has no copy that reads back: it is
 * said at once, without a worker, and the window prints the map live
 * (the fallback warned, which stops the tests, and read the map twice on
 * the main thread). */
static void
test_snapshot_of_a_map_too_large_to_copy (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(GError) error = NULL;

  jm_test_add_pictures (document, "stage-pre-arrival", "lane-actions", 7);

  g_assert_null (snapshot_and_wait (document, JM_LAYER_MODE_CURRENT, &error));
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
}

/* A map whose title was cleared prints too (it crashed). */
static void
test_snapshot_of_untitled_map (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) snapshot = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (_jm_document_set_property (document, G_OBJECT (document), "title", &value));
  g_assert_null (jm_document_get_title (document));

  snapshot = snapshot_and_wait (document, JM_LAYER_MODE_CURRENT, NULL);
  g_assert_cmpstr (jm_document_get_title (jm_layout_get_document (snapshot)), ==, "");
  g_assert_true (jm_layout_get_document (snapshot) != document);
}

static void
test_degenerate_sizes (void)
{
  g_autoptr(JmPrintPlan) empty = jm_print_plan_new (0, -5, PAGE_WIDTH, PAGE_HEIGHT, JM_PRINT_MODE_POSTER, 2);
  g_autoptr(JmPrintPlan) no_page = jm_print_plan_new (1000, 800, 0, 0, JM_PRINT_MODE_FIT_PAGE, 1);
  g_autoptr(JmPrintPlan) giant = jm_print_plan_new (44504, 20254, PAGE_WIDTH, PAGE_HEIGHT,
                                                    JM_PRINT_MODE_POSTER, 500);
  g_autoptr(JmPrintPlan) one_across = jm_print_plan_new (1000, 800, PAGE_WIDTH, PAGE_HEIGHT,
                                                         JM_PRINT_MODE_POSTER, 1);

  g_assert_cmpuint (jm_print_plan_get_n_pages (empty), >=, 1);
  g_assert_true (isfinite (empty->scale) && empty->scale > 0);
  g_assert_cmpuint (jm_print_plan_get_n_pages (no_page), ==, 1);
  g_assert_true (isfinite (no_page->scale) && no_page->scale > 0);
  g_assert_cmpuint (giant->columns, ==, JM_PRINT_MAX_PAGES_ACROSS);
  g_assert_cmpuint (jm_print_plan_get_n_pages (giant), ==, giant->rows * giant->columns);
  g_assert_cmpuint (jm_print_plan_get_n_pages (one_across), ==, 1);
}

/* A map wider than it is tall prints landscape by default; a tall or
 * square one portrait. */
static void
test_landscape_map_prints_landscape (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  double width, height;

  jm_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_true (jm_print_map_is_landscape (width, height));
  g_assert_false (jm_print_map_is_landscape (400, 2000));
  g_assert_false (jm_print_map_is_landscape (1000, 1000));
}

/* The output of the command @argv run on @pdf, written to a file whose
 * path takes the place of the word "PDF" in @argv; NULL when the command
 * is not installed. A command that fails fails the test. */
static char *
run_on_pdf (GBytes            *pdf,
            const char *const *argv)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *out = NULL;
  int status;

  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, g_str_equal (argv[i], "PDF") ? path : (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    out = NULL;
  g_unlink (path);
  g_rmdir (dir);
  if (out != NULL)
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The page size pdfinfo reads from @pdf, in points. */
static gboolean
pdf_page_size (GBytes *pdf,
               double *width,
               double *height)
{
  const char *const argv[] = { "pdfinfo", "PDF", NULL };
  g_autofree char *out = run_on_pdf (pdf, argv);
  const char *size;

  if (out == NULL)
    return FALSE;

  g_assert_nonnull (strstr (out, "\nPages:           1\n"));
  size = strstr (out, "Page size:");
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  return TRUE;
}

/* A PDF on paper: the sheet's size in points, turned as asked; on the
 * map's own size, the map's size as before. */
static void
test_pdf_paper_sizes (void)
{
  static const struct {
    JmExportPaper paper;
    JmExportOrientation orientation;
    double width, height;
  } cases[] = {
    { JM_EXPORT_PAPER_A4, JM_EXPORT_ORIENTATION_LANDSCAPE, 842, 595 },
    { JM_EXPORT_PAPER_A4, JM_EXPORT_ORIENTATION_PORTRAIT, 595, 842 },
    { JM_EXPORT_PAPER_A3, JM_EXPORT_ORIENTATION_LANDSCAPE, 1191, 842 },
    { JM_EXPORT_PAPER_A3, JM_EXPORT_ORIENTATION_PORTRAIT, 842, 1191 },
    { JM_EXPORT_PAPER_LETTER, JM_EXPORT_ORIENTATION_LANDSCAPE, 792, 612 },
    { JM_EXPORT_PAPER_LETTER, JM_EXPORT_ORIENTATION_PORTRAIT, 612, 792 },
  };
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  JmExportOptions options;
  double map_width, map_height, width, height;

  jm_layout_get_size (layout, &map_width, &map_height);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;

      jm_export_options_init (&options);
      options.paper = cases[i].paper;
      options.orientation = cases[i].orientation;
      pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, &options, &error);
      g_assert_no_error (error);
      if (!pdf_page_size (pdf, &width, &height))
        {
          g_test_skip ("poppler's pdfinfo is not installed (poppler-utils)");
          return;
        }
      g_test_message ("paper %d, orientation %d: %g × %g pt", cases[i].paper, cases[i].orientation, width, height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 1);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 1);
    }

  /* The map's own size: 0.75 pt a unit, as every PDF export was. */
  {
    g_autoptr(GBytes) pdf = NULL;
    g_autoptr(GError) error = NULL;

    jm_export_options_init (&options);
    g_assert_cmpint (options.paper, ==, JM_EXPORT_PAPER_MAP);
    pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, &options, &error);
    g_assert_no_error (error);
    g_assert_true (pdf_page_size (pdf, &width, &height));
    g_assert_cmpfloat_with_epsilon (width, map_width * 0.75, 1);
    g_assert_cmpfloat_with_epsilon (height, map_height * 0.75, 1);
  }
}

/* The words pdftotext finds on the page of @pdf (it leaves out what lies
 * off the page) and the box around them, in points. */
static gboolean
pdf_text_box (GBytes *pdf,
              guint  *n_words,
              double *left,
              double *top,
              double *right,
              double *bottom)
{
  const char *const argv[] = { "pdftotext", "-bbox", "PDF", "-", NULL };
  g_autofree char *out = run_on_pdf (pdf, argv);
  const char *word;

  if (out == NULL)
    return FALSE;

  *n_words = 0;
  *left = *top = G_MAXDOUBLE;
  *right = *bottom = -G_MAXDOUBLE;
  for (word = strstr (out, "<word "); word != NULL; word = strstr (word + 1, "<word "))
    {
      double x_min, y_min, x_max, y_max;

      g_assert_cmpint (sscanf (word, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                               &x_min, &y_min, &x_max, &y_max), ==, 4);
      (*n_words)++;
      *left = MIN (*left, x_min);
      *top = MIN (*top, y_min);
      *right = MAX (*right, x_max);
      *bottom = MAX (*bottom, y_max);
    }
  return TRUE;
}

/* The map is fitted within the margins of the sheet, centred: every word
 * of the map's own-size PDF is on the sheet, and the words lie where the
 * map scaled by the largest factor that fits puts them. */
static void
test_pdf_paper_fits_the_map (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  JmExportOptions options;
  double width, height;

  g_assert_true (jm_export_paper_get_size (JM_EXPORT_PAPER_A4, JM_EXPORT_ORIENTATION_PORTRAIT, &width, &height));
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_false (jm_export_paper_get_size (JM_EXPORT_PAPER_MAP, JM_EXPORT_ORIENTATION_PORTRAIT, &width, &height));

  /* A PDF on paper holds the whole map: its text is all there. */
  jm_export_options_init (&options);
  options.paper = JM_EXPORT_PAPER_A4;
  options.orientation = JM_EXPORT_ORIENTATION_PORTRAIT;
  {
    g_autoptr(GBytes) pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, &options, NULL);
    g_autoptr(GBytes) own = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, NULL, NULL);

    g_assert_nonnull (pdf);
    g_assert_nonnull (own);
    /* The same drawing, scaled: about the same size of file. */
    g_assert_cmpfloat (g_bytes_get_size (pdf), >, g_bytes_get_size (own) / 2.0);
  }

  for (guint i = 0; i < 3; i++)
    {
      static const JmExportPaper papers[] = { JM_EXPORT_PAPER_A4, JM_EXPORT_PAPER_A4, JM_EXPORT_PAPER_LETTER };
      static const JmExportOrientation orientations[] = {
        JM_EXPORT_ORIENTATION_PORTRAIT, JM_EXPORT_ORIENTATION_LANDSCAPE, JM_EXPORT_ORIENTATION_PORTRAIT
      };
      g_autoptr(GBytes) own = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, NULL, NULL);
      g_autoptr(GBytes) pdf = NULL;
      double own_width, own_height, fit;
      double own_left, own_top, own_right, own_bottom;
      double left, top, right, bottom;
      guint own_words, words;

      options.paper = papers[i];
      options.orientation = orientations[i];
      pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, &options, NULL);
      g_assert_nonnull (pdf);
      if (!pdf_page_size (own, &own_width, &own_height) ||
          !pdf_text_box (own, &own_words, &own_left, &own_top, &own_right, &own_bottom) ||
          !pdf_text_box (pdf, &words, &left, &top, &right, &bottom))
        {
          g_test_skip ("pdfinfo and pdftotext are needed to look into the PDF");
          return;
        }

      g_assert_true (jm_export_paper_get_size (papers[i], orientations[i], &width, &height));
      fit = MIN ((width - 2 * JM_EXPORT_PAPER_MARGIN) / own_width, (height - 2 * JM_EXPORT_PAPER_MARGIN) / own_height);
      g_test_message ("paper %u: %u words of %u, fitted by %.3f", i, words, own_words, fit);
      g_assert_cmpuint (own_words, >, 100);
      g_assert_cmpuint (words, ==, own_words);
      g_assert_cmpfloat_with_epsilon (left, (width - own_width * fit) / 2 + own_left * fit, 2);
      g_assert_cmpfloat_with_epsilon (top, (height - own_height * fit) / 2 + own_top * fit, 2);
      g_assert_cmpfloat_with_epsilon (right, (width - own_width * fit) / 2 + own_right * fit, 2);
      g_assert_cmpfloat_with_epsilon (bottom, (height - own_height * fit) / 2 + own_bottom * fit, 2);
    }

  g_assert_true (jm_export_paper_from_string ("A4", &options.paper));
  g_assert_cmpint (options.paper, ==, JM_EXPORT_PAPER_A4);
  g_assert_true (jm_export_paper_from_string ("letter", &options.paper));
  g_assert_cmpint (options.paper, ==, JM_EXPORT_PAPER_LETTER);
  g_assert_false (jm_export_paper_from_string ("a5", &options.paper));
  g_assert_true (jm_export_orientation_from_string ("Portrait", &options.orientation));
  g_assert_cmpint (options.orientation, ==, JM_EXPORT_ORIENTATION_PORTRAIT);
  g_assert_false (jm_export_orientation_from_string ("sideways", &options.orientation));
}

/* journeymap export --paper a3 --orientation portrait writes an A3 page;
 * a paper for a PNG, or an unknown one, is refused. */
static void
test_cli_paper (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-paper-XXXXXX", NULL);
  g_autofree char *map = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", "hotel-guest-stay.jmap", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(JmTestRun) run = { 0 };
  gsize size;
  double width, height;

  jm_test_run_journeymap (&run, "export", map, "-o", pdf, "--paper", "a3", "--orientation", "portrait", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &size, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  if (pdf_page_size (bytes, &width, &height))
    {
      g_assert_cmpfloat_with_epsilon (width, 842, 1);
      g_assert_cmpfloat_with_epsilon (height, 1191, 1);
    }

  jm_test_run_journeymap (&run, "export", map, "-o", png, "--paper", "a4", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--paper"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  jm_test_run_journeymap (&run, "export", map, "-o", pdf, "--paper", "a5", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "a5"));

  jm_test_run_journeymap (&run, "export", map, "-o", pdf, "--orientation", "portrait", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--orientation"));

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/fit-page/keeps-proportions", test_fit_page_keeps_proportions);
  g_test_add_func ("/print/poster/tiles-cover-the-map", test_poster_tiles_cover_the_map);
  g_test_add_func ("/print/poster/labels-not-shown", test_poster_labels_not_shown);
  g_test_add_func ("/print/poster/shows-only-the-map", test_poster_shows_only_the_map);
  g_test_add_func ("/print/poster/cut-marks", test_poster_cut_marks);
  g_test_add_func ("/print/snapshot/keeps-the-map-as-it-was", test_snapshot_keeps_the_map_as_it_was);
  g_test_add_func ("/print/snapshot/in-a-worker", test_snapshot_in_a_worker);
  g_test_add_func ("/print/snapshot/too-large-to-copy", test_snapshot_of_a_map_too_large_to_copy);
  g_test_add_func ("/print/snapshot/untitled-map", test_snapshot_of_untitled_map);
  g_test_add_func ("/print/degenerate-sizes", test_degenerate_sizes);
  g_test_add_func ("/print/landscape-map-prints-landscape", test_landscape_map_prints_landscape);
  g_test_add_func ("/export/paper/sizes", test_pdf_paper_sizes);
  g_test_add_func ("/export/paper/fits-the-map", test_pdf_paper_fits_the_map);
  g_test_add_func ("/export/paper/command-line", test_cli_paper);

  return g_test_run ();
}
