/* test-inspector.c: the inspector edits what is selected
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "ui/jm-application.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

/* The inspector edits the selected card; typing is one undo step, and an
 * undo shows in the form. */
static void
test_inspector_edits_selection (JmMapFixture  *fixture,
                                gconstpointer  data)
{
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *original = g_strdup (jm_item_get_title (van));
  GtkWidget *title, *kind;

  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (jm_window_get_document (fixture->window)));
  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (van), FALSE);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (van));

  title = jm_map_fixture_find_named (GTK_WIDGET (inspector), "title");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, original);

  gtk_editable_set_text (GTK_EDITABLE (title), "Notices");
  gtk_editable_set_text (GTK_EDITABLE (title), "Notices the vans");
  g_assert_cmpstr (jm_item_get_title (van), ==, "Notices the vans");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpstr (jm_item_get_title (van), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, original);

  /* Making it a touchpoint, in its Kind row, brings the channel field
   * once the change is done (the row was made again from its own signal
   * handler, and libadwaita then used the one destroyed). */
  g_assert_null (jm_map_fixture_find_named (GTK_WIDGET (inspector), "channel"));
  kind = jm_map_fixture_find_named (GTK_WIDGET (inspector), "kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), jm_map_fixture_combo_row_position (kind, "Touchpoint"));
  g_assert_cmpint (jm_item_get_kind (van), ==, JM_ITEM_KIND_TOUCHPOINT);
  jm_ui_test_iterate ();
  g_assert_nonnull (jm_map_fixture_find_named (GTK_WIDGET (inspector), "channel"));

  /* A colour chosen is written #rrggbb; the reset button goes back to the
   * theme's colour. */
  {
    GtkWidget *color = jm_map_fixture_find_named (GTK_WIDGET (inspector), "color");
    GdkRGBA red = { 1.0, 0.0, 0.0, 1.0 };
    guint position = jm_command_stack_get_position (stack);

    g_assert_nonnull (color);
    g_assert_null (jm_item_get_color (van));
#if GTK_CHECK_VERSION (4, 10, 0)
    gtk_color_dialog_button_set_rgba (GTK_COLOR_DIALOG_BUTTON (color), &red);
#else
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &red);
#endif
    g_assert_cmpstr (jm_item_get_color (van), ==, "#ff0000");
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position + 1);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
    g_assert_null (jm_item_get_color (van));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.redo", NULL));
    g_assert_cmpstr (jm_item_get_color (van), ==, "#ff0000");
    g_signal_emit_by_name (gtk_widget_get_next_sibling (color), "clicked");
    g_assert_null (jm_item_get_color (van));
  }
}

/* An emotion point moves to another persona's curve from the inspector. */
static void
test_inspector_point_persona (JmMapFixture  *fixture,
                              gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmEmotionPoint *point = JM_EMOTION_POINT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  GtkWidget *persona;

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (point), FALSE);
  persona = jm_map_fixture_find_named (GTK_WIDGET (inspector), "persona-id");
  g_assert_nonnull (persona);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (persona), 2);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-tom");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 1);
}

/* An item keeps its picture when it stops being an image, but only an
 * image's picture is written: made an image again in a map without room
 * for it, it stays what it is and the inspector says why. */
static void
test_kind_change_refused_when_the_map_would_not_fit (JmMapFixture  *fixture,
                                                     gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  g_autoptr(GError) error = NULL;
  JmAlert *alert;
  GtkWidget *kind_row;
  JmItem *picture = NULL;
  guint image;

  /* 42 MiB of pictures, 56 MiB in the file, and a card that was an image. */
  jm_test_add_pictures (document, "stage-awareness", "lane-actions", 7);
  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_kind (item) == JM_ITEM_KIND_IMAGE)
        picture = item;
    }
  g_assert_nonnull (picture);
  g_assert_true (jm_edit_set_item_kind (stack, picture, JM_ITEM_KIND_CARD, &error));
  g_assert_no_error (error);

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (picture), FALSE);
  kind_row = jm_map_fixture_find_named (GTK_WIDGET (inspector), "kind");
  g_assert_nonnull (kind_row);
  image = jm_map_fixture_combo_row_position (kind_row, "Image");

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), image);
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Change the Kind");
  jm_alert_close (alert);

  jm_ui_test_iterate ();
  g_assert_cmpint (jm_item_get_kind (picture), ==, JM_ITEM_KIND_CARD);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, jm_map_fixture_combo_row_position (kind_row, "Card"));
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/inspector/edits-selection", test_inspector_edits_selection);
  jm_map_fixture_add ("/ui/inspector/point-persona", test_inspector_point_persona);
  jm_map_fixture_add ("/ui/inspector/kind-change-refused-when-the-map-would-not-fit", test_kind_change_refused_when_the_map_would_not_fit);

  return jm_map_fixture_run ();
}
