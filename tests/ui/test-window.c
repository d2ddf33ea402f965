/* test-window.c: the main window opens, maps and draws
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ui/jm-application.h"
#include "ui/jm-window.h"

#include "jm-ui-test-utils.h"

static JmApplication *application;

static void
test_window_maps_and_draws (void)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  JmWindow *window;

  window = jm_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Journeymap");

  texture = jm_ui_test_render_widget (GTK_WIDGET (window));
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 360);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 294);

  /* Not blank: the header bar, the status page text and its buttons give
   * many distinct colours; an empty or failed render gives one or two. */
  g_assert_cmpuint (jm_ui_test_count_colors (texture), >, 16);

  png = jm_ui_test_save_screenshot (texture, "window-empty-state.png");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_open_file_shows_name (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/Grocery first order.jmap");
  JmWindow *window;

  window = jm_window_new (application);
  jm_window_open_file (window, file);

  g_assert_true (g_file_equal (jm_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Grocery first order.jmap");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_actions_exist (void)
{
  JmWindow *window = jm_window_new (application);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  jm_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  application = jm_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/ui/window/maps-and-draws", test_window_maps_and_draws);
  g_test_add_func ("/ui/window/open-file-shows-name", test_window_open_file_shows_name);
  g_test_add_func ("/ui/window/actions-exist", test_window_actions_exist);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
