/* test-sidebar.c: the palette and the outline beside the map
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

static gboolean
selection_changed_from (gpointer data)
{
  gpointer *pair = data;
  JmSelection *selection = jm_map_canvas_get_selection (pair[0]);

  return g_list_model_get_n_items (G_LIST_MODEL (selection)) > 0 && jm_selection_peek (selection, 0) != pair[1];
}

static gboolean
outline_has (gpointer data)
{
  gpointer *pair = data;

  return g_list_model_get_n_items (pair[0]) == GPOINTER_TO_UINT (pair[1]);
}

/* The outline lists each stage followed by its cards, lane by lane, then
 * the lanes; while shown it follows edits; activating a row selects its
 * card, stage or lane on the map. */
static void
test_outline (JmMapFixture  *fixture,
              gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  GListModel *model;
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  guint n_items = jm_object_store_get_n_objects (jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)));
  guint n_stages = jm_object_store_get_n_objects (jm_document_get_stages (document));
  guint n_lanes = jm_object_store_get_n_objects (jm_document_get_lanes (document));
  guint n_rows = n_stages + n_items + n_lanes;
  g_autoptr(JmObject) first = NULL;
  g_autoptr(JmObject) second = NULL;
  g_autoptr(JmObject) last = NULL;
  gpointer wait[2];

  /* The Outline tab of the sidebar, as a keyboard user opens it. */
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline))), GTK_WIDGET (outline));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (outline));
  model = jm_outline_get_model (outline);
  wait[0] = model;
  wait[1] = GUINT_TO_POINTER (n_rows + 1);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_rows);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  last = g_list_model_get_item (model, n_rows - 1);
  g_assert_cmpstr (jm_object_get_id (first), ==, "stage-awareness");
  g_assert_cmpstr (jm_object_get_id (second), ==, "item-sees-referral");
  g_assert_true (JM_IS_LANE (last));

  g_assert_nonnull (jm_edit_add_item (jm_window_get_stack (fixture->window), JM_LAYER_STATE_CURRENT,
                                      JM_ITEM_KIND_NOTE, "stage-awareness", "lane-actions", 0, "First!", NULL));
  jm_ui_test_wait_until (outline_has, wait);
  g_clear_object (&second);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (jm_item_get_title (JM_ITEM (second)), ==, "First!");

  g_signal_emit_by_name (outline, "object-activated", second);
  g_assert_true (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0) == (gpointer) second);
  g_signal_emit_by_name (outline, "object-activated", last);
  g_assert_true (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0) == (gpointer) last);
  g_signal_emit_by_name (outline, "object-activated", first);
  g_assert_true (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0) == (gpointer) first);

  /* Hidden behind the palette it does not follow edits, and catches up
   * when shown again. */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline))), "palette");
  jm_ui_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  g_assert_nonnull (jm_edit_add_item (jm_window_get_stack (fixture->window), JM_LAYER_STATE_CURRENT,
                                      JM_ITEM_KIND_NOTE, "stage-awareness", "lane-actions", 0, "Second!", NULL));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline))), GTK_WIDGET (outline));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (outline));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_rows + 2);
  g_clear_object (&second);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (jm_item_get_title (JM_ITEM (second)), ==, "Second!");
}

/* Without a pointer: a palette entry activated adds its kind at the end of
 * the selected item's cell; an emotion point goes to the curve. */
static void
test_palette_from_keyboard (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_points = jm_object_store_get_n_objects (points);
  guint before = jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_OPPORTUNITY);
  gpointer wait[2] = { canvas, jm_map_fixture_item (fixture, "item-checks-area") };
  GtkWidget *entry;

  jm_map_canvas_select (canvas, wait[1], FALSE);
  entry = gtk_widget_get_parent (jm_map_fixture_find_named (GTK_WIDGET (fixture->window), "item:opportunity"));
  g_assert_true (GTK_IS_BUTTON (entry));
  /* A button activated from the keyboard clicks after a short animation. */
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);

  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_OPPORTUNITY), ==, before + 1);
  g_assert_cmpint (jm_item_get_kind (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0)), ==, JM_ITEM_KIND_OPPORTUNITY);

  wait[1] = jm_selection_peek (jm_map_canvas_get_selection (canvas), 0);
  entry = gtk_widget_get_parent (jm_map_fixture_find_named (GTK_WIDGET (fixture->window), "emotion-point"));
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);
  g_assert_cmpuint (jm_object_store_get_n_objects (points), ==, n_points + 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/window/outline", test_outline);
  jm_map_fixture_add ("/ui/window/palette-from-keyboard", test_palette_from_keyboard);

  return jm_map_fixture_run ();
}
