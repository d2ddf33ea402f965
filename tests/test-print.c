/* test-print.c: the geometry of printing on one page or as a poster
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "export/jm-print-layout.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/fit-page/keeps-proportions", test_fit_page_keeps_proportions);
  g_test_add_func ("/print/poster/tiles-cover-the-map", test_poster_tiles_cover_the_map);
  g_test_add_func ("/print/degenerate-sizes", test_degenerate_sizes);

  return g_test_run ();
}
