/* jm-bench-canvas.c: the cost of a canvas frame and of a drag step
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jm-bench-canvas MAP.jmap
 *
 * Shows the map in a 1600×1000 canvas at zoom 1, scrolled to its top left,
 * as the window does, and prints medians in milliseconds:
 *
 *   frame:        the canvas produces the render nodes of a new frame (what
 *                 runs in our code for every frame; GTK's GPU renderer then
 *                 draws them, reusing its textures of unchanged nodes);
 *   frame-raster: the same, then drawn to pixels by GSK's cairo renderer,
 *                 the slowest case (no GPU, nothing reused);
 *   drag:         one pointer motion of a dragged card: the canvas finds the
 *                 cell and the place under the pointer and produces the
 *                 frame that shows the card there;
 *   edit:         one edit of a card's title, the main loop's work it causes
 *                 and the canvas's next frame;
 *   edit-insights: the same with the Insights panel shown (issue #19: an edit
 *                 with the panel open stays within the drag target; the
 *                 panel computes its figures once, after a burst of edits);
 *   insights:     what the panel computes then, once, for the whole map;
 *   insights-slice: the longest of the slices the panel computes that in,
 *                 one at a time when the main loop is idle (what an edit or
 *                 a frame may wait behind; the median of five runs), in
 *                 the CPU time of the thread: on a loaded machine the wall
 *                 time of any slice may add the 10 ms the kernel gives
 *                 another process.
 *
 * Needs a display (Xvfb will do).
 */

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "commands/jm-edit.h"
#include "insights/jm-insights.h"
#include "io/jm-document-io.h"
#include "jm-insights-panel.h"
#include "jm-map-canvas.h"

#define VIEW_WIDTH 1600
#define VIEW_HEIGHT 1000
#define N_RUNS 31

typedef struct
{
  GtkWidget *window;
  GtkWidget *canvas;
  GskRenderer *renderer;
  JmDocument *document;
  JmCommandStack *stack;
  GtkWidget *insights_window;
  GtkWidget *insights_panel;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
wait_until (gboolean (*done) (Bench *), Bench *bench)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (bench))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("jm-bench-canvas: the window did not show the map in 30 s\n");
          exit (1);
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
canvas_is_allocated (Bench *bench)
{
  return gtk_widget_get_width (bench->canvas) == VIEW_WIDTH &&
         gtk_widget_get_height (bench->canvas) == VIEW_HEIGHT &&
         gtk_widget_get_mapped (bench->canvas);
}

/* One new frame of the canvas: invalidated, then snapshot as GTK does when
 * it paints. */
static GskRenderNode *
produce_frame (Bench *bench)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_widget_queue_draw (bench->canvas);
  gtk_widget_snapshot_child (bench->window, bench->canvas, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static double
time_frame (Bench    *bench,
            gboolean  raster)
{
  gint64 start = g_get_monotonic_time ();
  GskRenderNode *node = produce_frame (bench);

  if (raster)
    {
      GdkTexture *texture = gsk_renderer_render_texture (bench->renderer, node,
                                                         &GRAPHENE_RECT_INIT (0, 0, VIEW_WIDTH, VIEW_HEIGHT));
      g_object_unref (texture);
    }
  gsk_render_node_unref (node);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static GtkGesture *
primary_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* A card in view, near the middle of the viewport. */
static JmItem *
item_in_view (Bench *bench)
{
  JmLayout *layout = jm_map_canvas_get_layout (JM_MAP_CANVAS (bench->canvas));
  JmHit hit;

  for (double y = VIEW_HEIGHT / 2.0; y < VIEW_HEIGHT; y += 20)
    {
      double map_x, map_y;

      jm_map_canvas_widget_to_map (JM_MAP_CANVAS (bench->canvas), VIEW_WIDTH / 3.0, y, &map_x, &map_y);
      if (jm_layout_hit_test (layout, map_x, map_y, &hit) && hit.kind == JM_HIT_ITEM)
        return JM_ITEM (hit.object);
    }
  return NULL;
}

/* Each step moves the dragged card by another few pixels, through cells
 * and places, as a hand does. */
static void
bench_drag (Bench  *bench,
            double *times,
            guint   n_runs)
{
  GtkGesture *drag = primary_drag_gesture (bench->canvas);
  JmItem *item = item_in_view (bench);
  double x, y;

  if (drag == NULL || item == NULL ||
      !jm_map_canvas_get_object_center (JM_MAP_CANVAS (bench->canvas), JM_OBJECT (item), &x, &y))
    {
      g_printerr ("jm-bench-canvas: no card to drag in view\n");
      exit (1);
    }

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  for (guint i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      GskRenderNode *node;

      g_signal_emit_by_name (drag, "drag-update", 10.0 + i * 9.0, 5.0 + i * 7.0);
      node = produce_frame (bench);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      gsk_render_node_unref (node);
    }
}

/* Each run changes a card's title, with what the change makes its
 * listeners do there and then (a shown Insights panel among them), and
 * produces the canvas's next frame. The main loop is not run: GTK's paint
 * of the whole window would be timed with it, which "frame-raster" gives. */
static void
bench_edit (Bench  *bench,
            double *times,
            guint   n_runs)
{
  JmItem *item = item_in_view (bench);

  if (item == NULL)
    {
      g_printerr ("jm-bench-canvas: no card to edit in view\n");
      exit (1);
    }

  for (guint i = 0; i < n_runs; i++)
    {
      g_autofree char *title = g_strdup_printf ("Edited %u", i);
      gint64 start = g_get_monotonic_time ();
      GskRenderNode *node;

      if (!jm_edit_set_string (bench->stack, item, "title", title, 0, NULL))
        {
          g_printerr ("jm-bench-canvas: the edit was refused\n");
          exit (1);
        }
      node = produce_frame (bench);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      gsk_render_node_unref (node);
    }

  /* What the edits scheduled (the panel's figures, after a delay) runs
   * before the next measure, not inside it. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
insights_panel_is_mapped (Bench *bench)
{
  return gtk_widget_get_mapped (bench->insights_panel);
}

/* The Insights panel, shown in a window of its own beside the canvas's,
 * following the same history. */
static void
show_insights (Bench *bench)
{
  bench->insights_window = gtk_window_new ();
  bench->insights_panel = g_object_new (JM_TYPE_INSIGHTS_PANEL, NULL);
  jm_insights_panel_set_document (JM_INSIGHTS_PANEL (bench->insights_panel), bench->document, bench->stack,
                                  JM_LAYER_STATE_CURRENT);
  gtk_window_set_child (GTK_WINDOW (bench->insights_window), bench->insights_panel);
  gtk_window_set_default_size (GTK_WINDOW (bench->insights_window), 320, 800);
  gtk_window_present (GTK_WINDOW (bench->insights_window));
  wait_until (insights_panel_is_mapped, bench);
}

static double
time_insights (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();
  JmInsights *insights = jm_insights_compute (bench->document, JM_LAYER_STATE_CURRENT);

  jm_insights_free (insights);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* As the panel does it: slices of 2 ms, as long as the longest one. */
static double
time_insights_slice (Bench *bench)
{
  JmInsightsJob *job = jm_insights_job_new (bench->document, JM_LAYER_STATE_CURRENT);
  double longest = 0;
  gboolean done = FALSE;

  while (!done)
    {
      double start = thread_cpu_ms ();

      done = jm_insights_job_step (job, 2000);
      longest = MAX (longest, thread_cpu_ms () - start);
    }
  jm_insights_free (jm_insights_job_finish (job));
  jm_insights_job_free (job);
  return longest;
}

static void
show_map (Bench      *bench,
          const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_document_io_load (file, NULL, NULL, &error);

  if (document == NULL)
    {
      g_printerr ("jm-bench-canvas: %s\n", error->message);
      exit (1);
    }

  bench->window = gtk_window_new ();
  bench->canvas = jm_map_canvas_new ();
  bench->document = g_object_ref (document);
  bench->stack = jm_command_stack_new (document);
  jm_map_canvas_set_document (JM_MAP_CANVAS (bench->canvas), document);
  jm_map_canvas_set_stack (JM_MAP_CANVAS (bench->canvas), bench->stack);
  gtk_widget_set_size_request (bench->canvas, VIEW_WIDTH, VIEW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (bench->window), bench->canvas);
  gtk_window_set_resizable (GTK_WINDOW (bench->window), FALSE);
  gtk_window_present (GTK_WINDOW (bench->window));
  wait_until (canvas_is_allocated, bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  double frames[N_RUNS];
  double rasters[N_RUNS];
  double drags[N_RUNS];
  double edits[N_RUNS];
  double insight_edits[N_RUNS];
  double insights[5];
  double slices[5];

  if (argc != 2)
    {
      g_printerr ("usage: jm-bench-canvas MAP.jmap\n");
      return 2;
    }

  adw_init ();
  show_map (&bench, argv[1]);

  bench.renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (bench.renderer, NULL, &error))
    {
      g_printerr ("jm-bench-canvas: %s\n", error->message);
      return 1;
    }

  /* The first frame makes the nodes of the cards in view; the benchmark is
   * about the frames after it. */
  time_frame (&bench, TRUE);
  for (guint i = 0; i < N_RUNS; i++)
    frames[i] = time_frame (&bench, FALSE);
  for (guint i = 0; i < N_RUNS; i++)
    rasters[i] = time_frame (&bench, TRUE);
  bench_drag (&bench, drags, N_RUNS);
  g_signal_emit_by_name (primary_drag_gesture (bench.canvas), "drag-end", 0.0, 0.0);
  bench_edit (&bench, edits, N_RUNS);
  show_insights (&bench);
  bench_edit (&bench, insight_edits, N_RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (insights); i++)
    insights[i] = time_insights (&bench);
  for (guint i = 0; i < G_N_ELEMENTS (slices); i++)
    slices[i] = time_insights_slice (&bench);

  printf ("frame: %.3f\n", median (frames, N_RUNS));
  printf ("frame-raster: %.3f\n", median (rasters, N_RUNS));
  printf ("drag: %.3f\n", median (drags, N_RUNS));
  printf ("edit: %.3f\n", median (edits, N_RUNS));
  printf ("edit-insights: %.3f\n", median (insight_edits, N_RUNS));
  printf ("insights: %.3f\n", median (insights, G_N_ELEMENTS (insights)));
  printf ("insights-slice: %.3f\n", median (slices, G_N_ELEMENTS (slices)));
  fflush (stdout);
  _exit (0);
}
