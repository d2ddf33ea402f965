/* test-examples.c: the shipped examples open in a window, which is kept as
 * a screenshot for each
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ui/jm-application.h"
#include "ui/jm-window.h"

#include "jm-ui-test-utils.h"

static gboolean
document_loaded (gpointer data)
{
  return jm_window_get_document (data) != NULL;
}

static gboolean
textures_equal (GdkTexture *a,
                GdkTexture *b)
{
  int width = gdk_texture_get_width (a), height = gdk_texture_get_height (a);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels_a = NULL;
  g_autofree guchar *pixels_b = NULL;

  if (width != gdk_texture_get_width (b) || height != gdk_texture_get_height (b))
    return FALSE;

  pixels_a = g_malloc (stride * height);
  pixels_b = g_malloc (stride * height);
  gdk_texture_download (a, pixels_a, stride);
  gdk_texture_download (b, pixels_b, stride);
  return memcmp (pixels_a, pixels_b, stride * height) == 0;
}

/* The window as it settles: text views lay their lines out in idle time,
 * after the first frames, so one picture may catch them half done. Renders
 * frame after frame until two in a row are the same. */
static GdkTexture *
render_settled (GtkWidget *widget)
{
  g_autoptr(GdkTexture) previous = jm_ui_test_render_widget (widget);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GdkTexture) next = NULL;

      jm_ui_test_wait_for_frame (widget);
      next = jm_ui_test_render_widget (widget);
      if (textures_equal (previous, next))
        return g_steal_pointer (&next);
      g_set_object (&previous, next);
    }

  g_error ("The window kept changing for 100 frames");
}

/* Each example opens with its own title and every item of its current
 * state laid out on the canvas. The screenshots (example-NAME.png) are what
 * a refactoring of the window compares before and after. */
static void
test_example_opens (gconstpointer data)
{
  const char *name = data;
  g_autofree char *basename = g_strconcat (name, ".jmap", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", basename, NULL);
  g_autofree char *shot = g_strdup_printf ("example-%s.png", name);
  g_autofree char *png = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  JmWindow *window = jm_application_create_window (JM_APPLICATION (g_application_get_default ()));
  JmDocument *document;
  JmLayer *current;
  JmLayout *layout;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jm_window_open_file (window, file);
  jm_ui_test_wait_until (document_loaded, window);
  jm_ui_test_wait_until_map_shown (window);
  jm_ui_test_wait_for_frame (GTK_WIDGET (window));

  document = jm_window_get_document (window);
  current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  layout = jm_map_canvas_get_layout (jm_window_get_canvas (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, jm_document_get_title (document));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_items (current)), >, 0);
  for (guint i = 0; i < jm_object_store_get_n_objects (jm_layer_get_items (current)); i++)
    {
      JmRect rect;

      g_assert_true (jm_layout_get_item_rect (layout, JM_ITEM (jm_object_store_get_object (jm_layer_get_items (current), i)),
                                              &rect));
    }

  texture = render_settled (GTK_WIDGET (window));
  png = jm_ui_test_save_screenshot (texture, shot);
  g_test_message ("%s", png);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  static const char *examples[] = { "grocery-first-order", "hotel-guest-stay", "saas-onboarding" };
  g_autoptr(JmApplication) application = NULL;

  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  application = jm_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/examples/%s", examples[i]);

      g_test_add_data_func (path, examples[i], test_example_opens);
    }

  return g_test_run ();
}
