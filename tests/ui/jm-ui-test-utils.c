/* jm-ui-test-utils.c: helpers shared by the UI tests
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jm-ui-test-utils.h"

#include "ui/jm-window.h"

#include <adwaita.h>
#include <math.h>

#if ADW_CHECK_VERSION (1, 5, 0) && !ADW_CHECK_VERSION (1, 8, 0)
/* libadwaita 1.7 (Debian 13) lays out an alert's heading by measuring a
 * one-line label for widths narrower than the heading, then shows a
 * wrapping label instead; GTK warns about the first measure ("Trying to
 * measure GtkLabel … for width of 324, but it needs at least 360") for
 * any heading wider than about 320 pixels. The label is libadwaita's, not
 * ours, and the alert shows right, so that one warning is reported as a
 * test message; every other warning stays fatal (G_DEBUG=fatal-warnings).
 * Its measure of a label in the older AdwMessageDialog was for 100 pixels
 * whatever the heading: jm-alert.h no longer uses that dialog there. */
static GLogWriterOutput
jm_ui_test_log_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
    }

  if ((level & G_LOG_LEVEL_WARNING) != 0 && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to measure GtkLabel "))
    {
      g_test_message ("libadwaita alert heading: %s", message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}
#endif

static void
jm_ui_test_skip_without_display (void)
{
  g_test_skip ("no display: run the UI tests with meson test, which gives each its own Xvfb");
}

static void
jm_ui_test_fail_without_display (void)
{
  g_test_fail_printf ("no display, and CI is set: a UI test that tests nothing must not pass");
}

/* Counters that the emission hooks below keep, so that a test can wait for
 * the toolkit to have handled what it was sent. */
static guint n_drag_gesture_ends;
static guint n_drag_source_begins;
static guint n_drag_source_ends;
static guint n_drop_motions;
static GtkWidget *last_drop_widget;
static double last_drop_x;
static double last_drop_y;

static gboolean
jm_ui_test_gesture_drag_end_hook (GSignalInvocationHint *hint,
                                  guint                  n_params,
                                  const GValue          *params,
                                  gpointer               user_data)
{
  n_drag_gesture_ends++;
  return TRUE;
}

static gboolean
jm_ui_test_drag_source_hook (GSignalInvocationHint *hint,
                             guint                  n_params,
                             const GValue          *params,
                             gpointer               user_data)
{
  guint *counter = user_data;

  (*counter)++;
  return TRUE;
}

static gboolean
jm_ui_test_drop_motion_hook (GSignalInvocationHint *hint,
                             guint                  n_params,
                             const GValue          *params,
                             gpointer               user_data)
{
  GtkEventController *target = g_value_get_object (&params[0]);

  last_drop_widget = gtk_event_controller_get_widget (target);
  last_drop_x = g_value_get_double (&params[1]);
  last_drop_y = g_value_get_double (&params[2]);
  n_drop_motions++;
  return TRUE;
}

static void
jm_ui_test_add_hook (GType       type,
                     const char *signal,
                     GSignalEmissionHook hook,
                     gpointer    data)
{
  guint signal_id;

  /* Signals exist once the class does; it is kept for the whole run. */
  g_type_class_ref (type);
  signal_id = g_signal_lookup (signal, type);
  g_assert_cmpuint (signal_id, !=, 0);
  g_signal_add_emission_hook (signal_id, 0, hook, data, NULL);
}

/* Returns FALSE when there is no display; the caller then runs the one
 * skipped test so TAP still reports the suite. Under CI (CI=true) that
 * test fails instead: a CI without a display would otherwise be green
 * while testing nothing. */
gboolean
jm_ui_test_init (int    *argc,
                 char ***argv)
{
#if ADW_CHECK_VERSION (1, 5, 0) && !ADW_CHECK_VERSION (1, 8, 0)
  g_log_set_writer_func (jm_ui_test_log_writer, NULL, NULL);
#endif
  gtk_disable_setlocale ();
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_add_func ("/ui/no-display", jm_ui_test_fail_without_display);
      else
        g_test_add_func ("/ui/skipped", jm_ui_test_skip_without_display);
      return FALSE;
    }

  adw_init ();

  jm_ui_test_add_hook (GTK_TYPE_GESTURE_DRAG, "drag-end", jm_ui_test_gesture_drag_end_hook, NULL);
  jm_ui_test_add_hook (GTK_TYPE_DRAG_SOURCE, "drag-begin", jm_ui_test_drag_source_hook, &n_drag_source_begins);
  jm_ui_test_add_hook (GTK_TYPE_DRAG_SOURCE, "drag-end", jm_ui_test_drag_source_hook, &n_drag_source_ends);
  jm_ui_test_add_hook (GTK_TYPE_DROP_TARGET, "motion", jm_ui_test_drop_motion_hook, NULL);

  return TRUE;
}

void
jm_ui_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
jm_ui_test_timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
jm_ui_test_after_paint_cb (GdkFrameClock *frame_clock,
                           gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

/* Waits until the widget's surface has painted a frame, so the widget
 * has a render node to snapshot. */
void
jm_ui_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  gulong handler_id;
  guint timeout_id;

  g_assert_nonnull (frame_clock);

  handler_id = g_signal_connect (frame_clock, "after-paint",
                                 G_CALLBACK (jm_ui_test_after_paint_cb), &painted);
  timeout_id = g_timeout_add_seconds (20, jm_ui_test_timed_out_cb, &timed_out);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_signal_handler_disconnect (frame_clock, handler_id);

  g_assert_false (timed_out);
}

/* Iterates the main loop until @condition holds; fails after 20 s. */
void
jm_ui_test_wait_until (JmUiTestCondition condition,
                       gpointer          data)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (20, jm_ui_test_timed_out_cb, &timed_out);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_false (timed_out);
}

void
jm_ui_test_wait_until_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (20, jm_ui_test_timed_out_cb, &timed_out);
  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_false (timed_out);

  jm_ui_test_wait_for_frame (widget);
}

GdkTexture *
jm_ui_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  graphene_rect_t bounds;
  int width, height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget paintable holds only the widget's last drawing, and a redraw
   * asked for between a frame and this (insights arriving, a tooltip)
   * leaves it empty for a moment: then the next frame has one. */
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        break;
      jm_ui_test_wait_for_frame (widget);
    }
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);

  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  gsk_renderer_unrealize (renderer);

  return texture;
}

guint
jm_ui_test_count_colors (GdkTexture *texture)
{
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  g_autofree guint32 *pixels = NULL;
  int width, height;

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  for (gsize i = 0; i < (gsize) width * height; i++)
    g_hash_table_add (colors, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colors);
}

/* Screenshots land in the build folder so a person can look at them. */
char *
jm_ui_test_save_screenshot (GdkTexture *texture,
                            const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static JmAlert *
find_alert_in (GtkWidget *widget)
{
  if (JM_IS_ALERT (widget) && gtk_widget_get_visible (widget))
    return JM_ALERT (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JmAlert *alert = find_alert_in (child);

      if (alert != NULL)
        return alert;
    }
  return NULL;
}

/* The message dialog open, if any (errors, questions): a window of its
 * own (AdwMessageDialog), or inside the window it is over
 * (AdwAlertDialog). */
JmAlert *
jm_ui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      JmAlert *alert = find_alert_in (GTK_WIDGET (toplevel));

      if (alert != NULL)
        return alert;
    }
  return NULL;
}

/* A label under @root that shows exactly @text, as a toast's title does:
 * the toast overlay keeps no list of its toasts to ask. */
GtkWidget *
jm_ui_test_find_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jm_ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_shown (gpointer data)
{
  gpointer *pair = data;

  return jm_ui_test_find_label (pair[0], pair[1]) != NULL;
}

/* Waits until a label showing @text is under @root (a toast, a tooltip). */
void
jm_ui_test_wait_for_label (GtkWidget  *root,
                           const char *text)
{
  gpointer pair[2] = { root, (gpointer) text };

  jm_ui_test_wait_until (label_shown, pair);
}

/* A JmUiTestCondition. */
gboolean
jm_ui_test_message_dialog_shown (gpointer data)
{
  return jm_ui_test_find_message_dialog () != NULL;
}

static void
on_xdotool_exit_cb (GPid     pid,
                    int      status,
                    gpointer user_data)
{
  int *exit_status = user_data;

  g_spawn_close_pid (pid);
  *exit_status = status;
}

static gboolean
jm_ui_test_exited (gpointer data)
{
  return *(int *) data != -1;
}

/* Runs xdotool while this process keeps handling the events it causes,
 * then makes a round trip to the X server: whatever xdotool made the
 * server send us is then in our queue. The toolkit may still handle it
 * later (motion is handled with the next frame, drops take several round
 * trips), so the caller waits for what it expects to happen. */
void
jm_ui_test_xdotool (const char *first,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int exit_status = -1;
  const char *arg;
  va_list args;
  GPid pid;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_xdotool_exit_cb, &exit_status);
  jm_ui_test_wait_until (jm_ui_test_exited, &exit_status);
  g_spawn_check_wait_status (exit_status, &error);
  g_assert_no_error (error);

  gdk_display_sync (gdk_display_get_default ());
  jm_ui_test_iterate ();
}

/* A point of @widget in root window coordinates: a surface maps at (0, 0)
 * under Xvfb without a window manager, and the window itself sits inside
 * its surface, after the margin of its shadow. */
void
jm_ui_test_point_on_screen (GtkWidget              *widget,
                            const graphene_point_t *point,
                            int                    *x,
                            int                    *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in_native;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), point, &in_native));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *x = (int) (in_native.x + dx + 0.5);
  *y = (int) (in_native.y + dy + 0.5);
}

typedef struct
{
  guint *counter;
  guint  at_least;
} CounterWait;

static gboolean
jm_ui_test_counter_reached (gpointer data)
{
  CounterWait *wait = data;

  return *wait->counter >= wait->at_least;
}

static void
jm_ui_test_wait_for_counter (guint *counter,
                             guint  at_least)
{
  CounterWait wait = { counter, at_least };

  jm_ui_test_wait_until (jm_ui_test_counter_reached, &wait);
}

#define S(v) g_strdup_printf ("%d", (v))

/* Presses the primary button at (@from_x, @from_y) on the screen, moves
 * to (@to_x, @to_y) and releases it there, then waits until a drag
 * gesture (GtkGestureDrag) has seen the release: moving items, handles and
 * edges on the canvas, and the rubber band. */
void
jm_ui_test_drag (int from_x,
                 int from_y,
                 int to_x,
                 int to_y)
{
  g_autofree char *fx = S (from_x), *fy = S (from_y);
  g_autofree char *mx = S ((from_x + to_x) / 2), *my = S ((from_y + to_y) / 2);
  g_autofree char *tx = S (to_x), *ty = S (to_y);
  guint ends = n_drag_gesture_ends;

  jm_ui_test_xdotool ("mousemove", fx, fy, "mousedown", "1", "mousemove", mx, my,
                      "mousemove", tx, ty, "mouseup", "1", NULL);
  jm_ui_test_wait_for_counter (&n_drag_gesture_ends, ends + 1);
}

typedef struct
{
  GtkWidget *target;
  double     x;
  double     y;
  guint      after;
} DropMotionWait;

static gboolean
jm_ui_test_drop_motion_at (gpointer data)
{
  DropMotionWait *wait = data;

  return n_drop_motions > wait->after && last_drop_widget == wait->target &&
         fabs (last_drop_x - wait->x) <= 2.0 && fabs (last_drop_y - wait->y) <= 2.0;
}

/* Drags from @source (a widget with a GtkDragSource) at @from to @target
 * (a widget with a GtkDropTarget) at @to, in each one's coordinates, with
 * real pointer events, one step at a time: the button goes down, the
 * pointer crosses the drag threshold until the drag has begun, moves over
 * the target until the target has seen it there, and the button goes up;
 * then it waits until the drag has ended. GTK's drag and drop on X11 takes
 * several round trips: an event sent before the toolkit is ready for it
 * would be lost, so no step relies on a pause being long enough. */
void
jm_ui_test_drag_and_drop (GtkWidget              *source,
                          const graphene_point_t *from,
                          GtkWidget              *target,
                          const graphene_point_t *to)
{
  guint begins = n_drag_source_begins;
  guint ends = n_drag_source_ends;
  DropMotionWait wait = { target, to->x, to->y, 0 };
  g_autofree char *fx = NULL, *fy = NULL, *tx = NULL, *ty = NULL;
  int sx, sy, ex, ey;

  jm_ui_test_point_on_screen (source, from, &sx, &sy);
  jm_ui_test_point_on_screen (target, to, &ex, &ey);
  fx = S (sx);
  fy = S (sy);
  tx = S (ex);
  ty = S (ey);

  jm_ui_test_xdotool ("mousemove", fx, fy, "mousedown", "1", NULL);
  for (int step = 1; n_drag_source_begins == begins; step++)
    {
      g_autofree char *mx = S (sx + 4 * step), *my = S (sy + 2 * step);

      g_assert_cmpint (step, <, 200);
      jm_ui_test_xdotool ("mousemove", mx, my, NULL);
      jm_ui_test_wait_for_frame (source);
    }

  /* The drag has begun: move over the target until it has seen the
   * pointer there (the first motion may reach it as it enters). */
  for (int step = 0; !jm_ui_test_drop_motion_at (&wait); step++)
    {
      g_autofree char *nx = S (ex + (step % 2)), *ny = S (ey + (step % 2));

      g_assert_cmpint (step, <, 200);
      jm_ui_test_xdotool ("mousemove", nx, ny, NULL);
      wait.x = to->x + (step % 2);
      wait.y = to->y + (step % 2);
      jm_ui_test_wait_for_frame (target);
    }

  /* GTK 4.18 drops nothing when the button goes up right after the
   * pointer reached the target: it wants one more move there (seen on
   * Debian 13); GTK 4.8 takes it as well. */
  {
    int nx = ex + (wait.x == to->x ? 1 : 0), ny = ey + (wait.y == to->y ? 1 : 0);
    g_autofree char *mx = S (nx), *my = S (ny);

    wait.x = to->x + (nx - ex);
    wait.y = to->y + (ny - ey);
    wait.after = n_drop_motions;
    jm_ui_test_xdotool ("mousemove", mx, my, NULL);
    jm_ui_test_wait_until (jm_ui_test_drop_motion_at, &wait);
  }

  jm_ui_test_xdotool ("mouseup", "1", NULL);
  jm_ui_test_wait_for_counter (&n_drag_source_ends, ends + 1);
}

/* Clicks the primary button @n_clicks times at (@x, @y) on the screen, over
 * a widget that has a drag gesture for it (the canvas: it selects on
 * press), and waits until that gesture has seen each release. Clicks
 * closer than the double-click time count as a double click. */
void
jm_ui_test_click (int x,
                  int y,
                  int n_clicks)
{
  g_autofree char *sx = S (x), *sy = S (y), *n = S (n_clicks);
  guint ends = n_drag_gesture_ends;

  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "--repeat", n, "--delay", "60", "1", NULL);
  jm_ui_test_wait_for_counter (&n_drag_gesture_ends, ends + n_clicks);
}

/* How many drag gestures have seen a release so far, for a test that
 * sends its own pointer events. */
guint
jm_ui_test_count_drag_gesture_ends (void)
{
  return n_drag_gesture_ends;
}

void
jm_ui_test_wait_for_drag_gesture_ends (guint at_least)
{
  jm_ui_test_wait_for_counter (&n_drag_gesture_ends, at_least);
}

/* The colour of one pixel of @texture, as 0xAARRGGBB. */
guint32
jm_ui_test_texture_pixel (GdkTexture *texture,
                          int         x,
                          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = NULL;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  return pixels[(gsize) y * width + x];
}

/* The colour at the middle of @widget in a rendering of @root. */
guint32
jm_ui_test_pixel_at_widget (GdkTexture *texture,
                            GtkWidget  *root,
                            GtkWidget  *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  return jm_ui_test_texture_pixel (texture, (int) (bounds.origin.x + bounds.size.width / 2),
                                   (int) (bounds.origin.y + bounds.size.height / 2));
}

/* How many pixels of @texture within the rectangle are darker than
 * @luminance (0–255, by their mean channel): text drawn there, say. */
guint
jm_ui_test_count_dark_pixels (GdkTexture *texture,
                              int         x,
                              int         y,
                              int         width,
                              int         height,
                              int         luminance)
{
  int texture_width = gdk_texture_get_width (texture);
  int texture_height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) texture_width * texture_height);
  guint n = 0;

  gdk_texture_download (texture, (guchar *) pixels, texture_width * 4);
  for (int py = MAX (y, 0); py < MIN (y + height, texture_height); py++)
    for (int px = MAX (x, 0); px < MIN (x + width, texture_width); px++)
      {
        guint32 p = pixels[(gsize) py * texture_width + px];
        int mean = (int) (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;

        n += mean < luminance;
      }

  return n;
}

/* A JmUiTestCondition: the window shows its map, read and past the
 * Opening page's crossfade, so a screenshot shows the map itself. */
static gboolean
jm_ui_test_map_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, JM_TYPE_WINDOW, "main_stack"));
  GtkWidget *opening = GTK_WIDGET (gtk_widget_get_template_child (data, JM_TYPE_WINDOW, "opening_page"));

  return jm_window_get_document (data) != NULL && gtk_stack_get_visible_child (stack) != opening &&
         !gtk_stack_get_transition_running (stack);
}

void
jm_ui_test_wait_until_map_shown (JmWindow *window)
{
  jm_ui_test_wait_until (jm_ui_test_map_shown, window);
}
