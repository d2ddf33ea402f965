/* jm-ui-test-utils.c: helpers shared by the UI tests
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jm-ui-test-utils.h"

#include <adwaita.h>

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
  g_test_skip ("no display: run the UI tests under xvfb-run");
}

/* Returns FALSE when there is no display; the caller then runs the one
 * skipped test so TAP still reports the suite. */
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
      g_test_add_func ("/ui/skipped", jm_ui_test_skip_without_display);
      return FALSE;
    }

  adw_init ();
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
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
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

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
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

/* A JmUiTestCondition. */
gboolean
jm_ui_test_message_dialog_shown (gpointer data)
{
  return jm_ui_test_find_message_dialog () != NULL;
}
