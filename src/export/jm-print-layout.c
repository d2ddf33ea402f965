/* jm-print-layout.c: a map on paper, on one page or as a poster
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry of printing, apart from any print dialog so that it can be
 * tested: how large the map is drawn and which part of it each page
 * shows. A poster is as many pages across as asked, each sharing a strip
 * with its neighbours, which carries the marks to trim and glue along;
 * the pages down follow from the map's proportions.
 */

#include "config.h"

#include "jm-print-layout.h"

#include "jm-export.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "format/jm-format-error.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-writer.h"
#include "render/jm-renderer.h"

static void
add_tile (JmPrintPlan *plan,
          guint        row,
          guint        column,
          double       x,
          double       y,
          double       width,
          double       height)
{
  JmPrintTile tile = { { x, y, width, height }, row, column };

  g_array_append_val (plan->tiles, tile);
}

/**
 * jm_print_plan_new:
 * @map_width: the map's width in layout units
 * @page_width: the printable width of a page, in points
 * @pages_across: for a poster, the number of pages across (1 to
 *   %JM_PRINT_MAX_PAGES_ACROSS)
 *
 * Returns: (transfer full): where each page's part of the map comes from
 */
JmPrintPlan *
jm_print_plan_new (double      map_width,
                   double      map_height,
                   double      page_width,
                   double      page_height,
                   JmPrintMode mode,
                   guint       pages_across)
{
  JmPrintPlan *plan = g_new0 (JmPrintPlan, 1);
  double step_x, step_y;

  plan->tiles = g_array_new (FALSE, FALSE, sizeof (JmPrintTile));
  plan->page_width = MAX (page_width, 1.0);
  plan->page_height = MAX (page_height, 1.0);
  map_width = MAX (map_width, 1.0);
  map_height = MAX (map_height, 1.0);
  plan->map_width = map_width;
  plan->map_height = map_height;

  if (mode == JM_PRINT_MODE_FIT_PAGE || pages_across <= 1)
    {
      plan->scale = MIN (plan->page_width / map_width, plan->page_height / map_height);
      plan->rows = plan->columns = 1;
      add_tile (plan, 0, 0, 0, 0, plan->page_width / plan->scale, plan->page_height / plan->scale);
      return plan;
    }

  /* The overlap never takes more than a third of a page. */
  plan->columns = MIN (pages_across, JM_PRINT_MAX_PAGES_ACROSS);
  plan->overlap = MIN (JM_PRINT_OVERLAP, MIN (plan->page_width, plan->page_height) / 3);
  step_x = plan->page_width - plan->overlap;
  step_y = plan->page_height - plan->overlap;
  plan->scale = (plan->columns * step_x + plan->overlap) / map_width;
  plan->rows = MAX (1, (guint) ceil ((map_height * plan->scale - plan->overlap) / step_y - 1e-9));

  for (guint row = 0; row < plan->rows; row++)
    for (guint column = 0; column < plan->columns; column++)
      add_tile (plan, row, column, column * step_x / plan->scale, row * step_y / plan->scale,
                plan->page_width / plan->scale, plan->page_height / plan->scale);

  return plan;
}

void
jm_print_plan_free (JmPrintPlan *plan)
{
  if (plan == NULL)
    return;

  g_array_unref (plan->tiles);
  g_free (plan);
}

guint
jm_print_plan_get_n_pages (const JmPrintPlan *plan)
{
  return plan->tiles->len;
}

/* Dashed lines where the strip shared with the next page begins, on the
 * right and at the bottom: cut there, and lay the page over its
 * neighbour's strip. */
static void
draw_overlap_marks (const JmPrintPlan *plan,
                    const JmPrintTile *tile,
                    cairo_t           *cr)
{
  const double dashes[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  if (tile->column + 1 < plan->columns)
    {
      cairo_move_to (cr, plan->page_width - plan->overlap, 0);
      cairo_line_to (cr, plan->page_width - plan->overlap, plan->page_height);
    }
  if (tile->row + 1 < plan->rows)
    {
      cairo_move_to (cr, 0, plan->page_height - plan->overlap);
      cairo_line_to (cr, plan->page_width, plan->page_height - plan->overlap);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * jm_print_plan_get_map_area:
 * @area: (out): the part of the page the map covers, in points from its
 *   printable top left
 */
void
jm_print_plan_get_map_area (const JmPrintPlan *plan,
                            guint              page,
                            JmRect            *area)
{
  const JmPrintTile *tile;

  g_return_if_fail (page < plan->tiles->len);

  tile = &g_array_index (plan->tiles, JmPrintTile, page);
  *area = (JmRect) { 0, 0,
                     MIN (plan->page_width, (plan->map_width - tile->source.x) * plan->scale),
                     MIN (plan->page_height, (plan->map_height - tile->source.y) * plan->scale) };
  /* One page: centred. */
  if (plan->columns == 1 && plan->rows == 1)
    {
      area->x = (plan->page_width - area->width) / 2;
      area->y = (plan->page_height - area->height) / 2;
    }
}

/* The height a page label needs, in points. */
#define LABEL_ROOM 12.0

/**
 * jm_print_plan_get_label_area:
 * @area: (out): where on the page, in points from its printable top left
 *
 * Where a poster page says which page it is: somewhere the finished
 * poster does not show. Each page is cut along the dashed lines at its
 * right and bottom, and its neighbours show what those strips showed: the
 * label goes in the strip on the right, or, on the last page of a row, in
 * the one at the bottom. The last page has no strip to lose; its label
 * goes under the map if there is room there.
 *
 * Returns: %FALSE when the page has no label: a single page, or the last
 *   page of a poster that the map fills to the bottom
 */
gboolean
jm_print_plan_get_label_area (const JmPrintPlan *plan,
                              guint              page,
                              JmRect            *area)
{
  const JmPrintTile *tile;
  JmRect map;

  g_return_val_if_fail (page < plan->tiles->len, FALSE);

  if (plan->columns * plan->rows < 2)
    return FALSE;

  tile = &g_array_index (plan->tiles, JmPrintTile, page);
  if (tile->column + 1 < plan->columns)
    {
      *area = (JmRect) { plan->page_width - plan->overlap, 0, plan->overlap, plan->page_height };
      return TRUE;
    }
  if (tile->row + 1 < plan->rows)
    {
      *area = (JmRect) { 0, plan->page_height - plan->overlap, plan->page_width, plan->overlap };
      return TRUE;
    }

  jm_print_plan_get_map_area (plan, page, &map);
  if (plan->page_height - (map.y + map.height) < LABEL_ROOM)
    return FALSE;
  *area = (JmRect) { 0, map.y + map.height, plan->page_width, plan->page_height - (map.y + map.height) };
  return TRUE;
}

/* "Row 1, column 2 of 3 × 4", along its strip (down the page in one on
 * the right), so that the pages can be put in order. */
static void
draw_page_label (const JmPrintPlan *plan,
                 guint              page,
                 cairo_t           *cr)
{
  const JmPrintTile *tile = &g_array_index (plan->tiles, JmPrintTile, page);
  g_autofree char *text = g_strdup_printf (_("Row %u, column %u of %u × %u"),
                                           tile->row + 1, tile->column + 1, plan->rows, plan->columns);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7");
  double width, height;
  JmRect area;
  int pango_width, pango_height;

  if (!jm_print_plan_get_label_area (plan, page, &area))
    return;

  /* Points, so that the font's size is the printed size. */
  layout = pango_cairo_create_layout (cr);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &pango_width, &pango_height);
  width = (double) pango_width / PANGO_SCALE;
  height = (double) pango_height / PANGO_SCALE;

  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  /* Down the strip on the right; along the others. */
  if (tile->column + 1 < plan->columns)
    {
      /* Turned a quarter clockwise: x runs down the page, y to its left. */
      cairo_translate (cr, area.x + (area.width + height) / 2, area.y + 12);
      cairo_rotate (cr, G_PI / 2);
    }
  else
    cairo_translate (cr, area.x + 12, area.y + (MIN (area.height, LABEL_ROOM * 2) - height) / 2);
  /* On a strip that is cut off, the map runs on under the label. */
  cairo_rectangle (cr, -3, -2, width + 6, height + 4);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_fill (cr);
  cairo_move_to (cr, 0, 0);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * jm_print_plan_draw_page:
 * @cr: a context whose origin is the page's printable top left, in points
 *
 * Draws the part of the map on @page with the renderer of the canvas and
 * the exports, then, on a poster, the overlap marks and the page's place.
 */
void
jm_print_plan_draw_page (const JmPrintPlan *plan,
                         guint              page,
                         cairo_t           *cr,
                         JmLayout          *layout)
{
  const JmPrintTile *tile;
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_ALL };
  JmRect map;

  g_return_if_fail (page < plan->tiles->len);

  tile = &g_array_index (plan->tiles, JmPrintTile, page);
  options.clip = &tile->source;

  jm_print_plan_get_map_area (plan, page, &map);
  cairo_save (cr);
  cairo_rectangle (cr, map.x, map.y, map.width, map.height);
  cairo_clip (cr);
  cairo_translate (cr, map.x, map.y);
  cairo_scale (cr, plan->scale, plan->scale);
  cairo_translate (cr, -tile->source.x, -tile->source.y);
  jm_renderer_draw (cr, layout, &options);
  cairo_restore (cr);

  if (plan->columns * plan->rows > 1)
    {
      draw_overlap_marks (plan, tile, cr);
      draw_page_label (plan, page, cr);
    }
}

typedef struct
{
  GBytes      *snapshot;
  JmLayerMode  layer;
} SnapshotJob;

static void
snapshot_job_free (gpointer data)
{
  SnapshotJob *job = data;

  g_bytes_unref (job->snapshot);
  g_free (job);
}

static void
jm_print_snapshot_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  SnapshotJob *job = task_data;
  GError *error = NULL;
  JmLayout *layout = jm_export_lay_out_copy_in_worker (job->snapshot, job->layer, &error);

  if (layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, layout, g_object_unref);
}

/**
 * jm_print_snapshot_layout_async:
 *
 * Printing goes on in the background, page after page, while the map can
 * still be edited: the pages are drawn from a copy of @document as it was
 * when printing began, so that they all show the same map. Only the
 * serializing of @document happens on the calling thread: the copy is
 * read and laid out in a worker (a second for a map of 100,000 items),
 * while the print dialog is open, and handed to the thread of @callback.
 * A map grown past what a file holds has no copy:
 * %JM_FORMAT_ERROR_TOO_LARGE.
 */
void
jm_print_snapshot_layout_async (JmDocument          *document,
                                JmLayerMode          layer,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SnapshotJob *job;

  g_return_if_fail (JM_IS_DOCUMENT (document));

  job = g_new0 (SnapshotJob, 1);
  job->snapshot = jm_xml_writer_write_bytes (document);
  job->layer = layer;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jm_print_snapshot_layout_async);
  g_task_set_task_data (task, job, snapshot_job_free);

  /* Too large to read back: the caller prints the live map. */
  if (g_bytes_get_size (job->snapshot) > JM_FORMAT_MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE,
                               "The map is too large for a copy");
      return;
    }

  g_task_run_in_thread (task, jm_print_snapshot_thread);
}

/**
 * jm_print_snapshot_layout_finish:
 *
 * Returns: (transfer full) (nullable): the layout of a private copy of
 *   the map, laid out, or %NULL with @error set
 */
JmLayout *
jm_print_snapshot_layout_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jm_print_snapshot_layout_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jm_print_map_is_landscape:
 *
 * Whether a map of that size prints best on a sheet turned sideways: a
 * map wider than it is tall fills a landscape page far more than a
 * portrait one, where it would shrink to a strip. The print dialog starts
 * in that orientation.
 *
 * Returns: %TRUE for a map wider than it is tall
 */
gboolean
jm_print_map_is_landscape (double map_width,
                           double map_height)
{
  return map_width > map_height;
}
