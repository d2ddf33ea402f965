/* test-gallery.c: New from the gallery of templates, Save as Template
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui/jm-alert.h"
#include "ui/jm-template-gallery.h"
#include "ui/jm-template-tile.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

static JmTemplateGallery *
find_gallery (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_TEMPLATE_GALLERY (toplevel))
        return JM_TEMPLATE_GALLERY (toplevel);
    }
  return NULL;
}

static gboolean
gallery_shown (gpointer data)
{
  JmTemplateGallery *gallery = find_gallery ();

  return gallery != NULL && gtk_widget_get_mapped (GTK_WIDGET (gallery));
}

static gboolean
gallery_gone (gpointer data)
{
  return find_gallery () == NULL;
}

static gboolean
thumbnails_drawn (gpointer data)
{
  return !jm_template_gallery_is_drawing (data);
}

/* A window other than @window that shows a map, if any. */
static JmWindow *
find_other_map_window (JmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_WINDOW (toplevel) && JM_WINDOW (toplevel) != window &&
          jm_window_get_document (JM_WINDOW (toplevel)) != NULL)
        return JM_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
other_map_window_shown (gpointer data)
{
  return find_other_map_window (data) != NULL;
}

static gboolean
one_shown (gpointer data)
{
  return g_list_model_get_n_items (data) == 1;
}

static JmTemplateGallery *
open_gallery (JmMapFixture *fixture)
{
  JmTemplateGallery *gallery;

  /* Ctrl+N, as the user presses it, with the pointer over the window. */
  jm_ui_test_xdotool ("mousemove", "200", "200", "key", "ctrl+n", NULL);
  jm_ui_test_wait_until (gallery_shown, NULL);
  gallery = find_gallery ();
  jm_ui_test_wait_until (thumbnails_drawn, gallery);
  jm_ui_test_wait_for_frame (GTK_WIDGET (gallery));
  return gallery;
}

static void
close_other_map_window (JmMapFixture *fixture)
{
  JmWindow *other = find_other_map_window (fixture->window);

  g_assert_nonnull (other);
  gtk_window_destroy (GTK_WINDOW (other));
  jm_ui_test_iterate ();
}

/* Ctrl+N shows the templates with the blank map first, each with a
 * thumbnail drawn by the renderer; typing searches, and Enter makes a
 * map of the first template found, in a window of its own since this
 * one shows a map. */
static void
test_gallery_by_keyboard (JmMapFixture  *fixture,
                          gconstpointer  data)
{
  JmTemplateGallery *gallery = open_gallery (fixture);
  GListModel *shown = jm_template_gallery_get_shown (gallery);
  g_autoptr(JmTemplate) first = g_list_model_get_item (shown, 0);
  g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (gallery));
  g_autofree char *png = jm_ui_test_save_screenshot (texture, "gallery.png");
  JmWindow *other;

  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 9);
  g_assert_cmpstr (jm_template_get_id (first), ==, "blank");
  /* Nine thumbnails of maps with cards and a curve: many colours. */
  g_assert_cmpuint (jm_ui_test_count_colors (texture), >, 200);

  jm_ui_test_xdotool ("mousemove", "400", "300", "type", "--delay", "40", "bank", NULL);
  jm_ui_test_wait_until (one_shown, shown);
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_ui_test_wait_until (gallery_gone, NULL);
  jm_ui_test_wait_until (other_map_window_shown, fixture->window);

  other = find_other_map_window (fixture->window);
  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (other)), ==,
                   "Retail bank: opening a current account");
  /* A new map: nothing to save until it is changed, and no file yet. */
  g_assert_null (jm_window_get_file (other));
  close_other_map_window (fixture);
}

/* A search that finds nothing says so; Escape clears the search, then
 * closes the gallery without making a map. */
static void
test_gallery_search_and_escape (JmMapFixture  *fixture,
                                gconstpointer  data)
{
  JmTemplateGallery *gallery = open_gallery (fixture);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (gallery), JM_TYPE_TEMPLATE_GALLERY,
                                                                "stack"));

  jm_template_gallery_set_search (gallery, "no such journey");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  jm_template_gallery_set_search (gallery, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "templates");

  jm_ui_test_xdotool ("mousemove", "400", "300", "key", "Escape", NULL);
  jm_ui_test_wait_until (gallery_gone, NULL);
  g_assert_null (find_other_map_window (fixture->window));
}

/* A click on a thumbnail makes a map from it. */
static void
test_gallery_click (JmMapFixture  *fixture,
                    gconstpointer  data)
{
  JmTemplateGallery *gallery = open_gallery (fixture);
  GtkWidget *grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (gallery), JM_TYPE_TEMPLATE_GALLERY,
                                                               "grid_view"));
  GtkWidget *child = gtk_widget_get_first_child (grid);
  graphene_point_t middle;
  g_autofree char *sx = NULL, *sy = NULL;
  int x, y;

  /* The second tile: the customer lifecycle. */
  child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  graphene_point_init (&middle, gtk_widget_get_width (child) / 2.0, gtk_widget_get_height (child) / 3.0);
  jm_ui_test_point_on_screen (child, &middle, &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
  jm_ui_test_wait_until (gallery_gone, NULL);
  jm_ui_test_wait_until (other_map_window_shown, fixture->window);

  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (find_other_map_window (fixture->window))), ==,
                   "Customer lifecycle: a fitness club membership");
  close_other_map_window (fixture);
}

static GtkWidget *
find_entry (GtkWidget *root)
{
  if (GTK_IS_ENTRY (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
toast_shown (gpointer data)
{
  return jm_ui_test_find_label (GTK_WIDGET (data), "“Our grocery journey” is now one of your templates") != NULL;
}

/* Save as Template asks for a name and keeps a copy among the user's
 * templates, last in the gallery; New from it makes the map again; its
 * delete button asks, then deletes it. */
static void
test_save_as_template (JmMapFixture  *fixture,
                       gconstpointer  data)
{
  JmAlert *alert;
  GtkWidget *entry;
  JmTemplateGallery *gallery;
  GListModel *shown;
  g_autoptr(JmTemplate) mine = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_shown;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.save-as-template", NULL));
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  entry = find_entry (GTK_WIDGET (alert));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Online grocery: the first order");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Our grocery journey ");
  jm_alert_respond (alert, "save");
  jm_ui_test_wait_until (toast_shown, fixture->window);
  /* The open map is not changed by it. */
  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (fixture->window)), ==,
                   "Online grocery: the first order");

  gallery = open_gallery (fixture);
  shown = jm_template_gallery_get_shown (gallery);
  n_shown = g_list_model_get_n_items (shown);
  mine = g_list_model_get_item (shown, n_shown - 1);
  g_assert_true (jm_template_is_user (mine));
  g_assert_cmpstr (jm_template_get_name (mine), ==, "Our grocery journey");
  file = g_object_ref (jm_template_get_file (mine));
  g_assert_true (g_file_query_exists (file, NULL));

  jm_template_gallery_choose (gallery, n_shown - 1);
  jm_ui_test_wait_until (other_map_window_shown, fixture->window);
  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (find_other_map_window (fixture->window))), ==,
                   "Our grocery journey");
  close_other_map_window (fixture);

  /* Deleting it, from its tile in a new gallery. */
  gallery = open_gallery (fixture);
  jm_template_gallery_set_search (gallery, "our grocery");
  shown = jm_template_gallery_get_shown (gallery);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  jm_ui_test_wait_for_frame (GTK_WIDGET (gallery));
  {
    GtkWidget *grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (gallery), JM_TYPE_TEMPLATE_GALLERY,
                                                                 "grid_view"));
    GtkWidget *tile = gtk_widget_get_first_child (gtk_widget_get_first_child (grid));
    GtkWidget *delete_button = GTK_WIDGET (gtk_widget_get_template_child (tile, JM_TYPE_TEMPLATE_TILE,
                                                                          "delete_button"));

    g_assert_true (gtk_widget_get_visible (delete_button));
    g_signal_emit_by_name (delete_button, "clicked");
  }
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Delete “Our grocery journey”?");
  jm_alert_respond (alert, "delete");
  jm_ui_test_iterate ();
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  gtk_window_close (GTK_WINDOW (gallery));
  jm_ui_test_wait_until (gallery_gone, NULL);
}

int
main (int    argc,
      char **argv)
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/gallery/keyboard", test_gallery_by_keyboard);
  jm_map_fixture_add ("/gallery/search-and-escape", test_gallery_search_and_escape);
  jm_map_fixture_add ("/gallery/click", test_gallery_click);
  jm_map_fixture_add ("/gallery/save-as-template", test_save_as_template);

  return jm_map_fixture_run ();
}
