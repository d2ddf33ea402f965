/* test-sidebar.c: the palette and the outline beside the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"
#include "ui/jm-application.h"
#include "ui/jm-palette.h"
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

/* Without a pointer: a palette entry activated adds its kind in the
 * selected item's stage, in the lane for that kind (an opportunity among
 * the opportunities, not the card's actions); an emotion point goes to
 * the curve. */
static void
test_palette_from_keyboard (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_points = jm_object_store_get_n_objects (points);
  guint before = jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-opportunities", JM_ITEM_KIND_OPPORTUNITY);
  gpointer wait[2] = { canvas, jm_map_fixture_item (fixture, "item-checks-area") };
  GtkWidget *entry;

  jm_map_canvas_select (canvas, wait[1], FALSE);
  entry = jm_map_fixture_palette_entry (fixture, "item:opportunity");
  g_assert_true (GTK_IS_BUTTON (entry));
  /* A button activated from the keyboard clicks after a short animation. */
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);

  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-opportunities", JM_ITEM_KIND_OPPORTUNITY), ==, before + 1);
  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_OPPORTUNITY), ==, 0);
  g_assert_cmpint (jm_item_get_kind (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0)), ==, JM_ITEM_KIND_OPPORTUNITY);

  wait[1] = jm_selection_peek (jm_map_canvas_get_selection (canvas), 0);
  entry = jm_map_fixture_palette_entry (fixture, "emotion-point");
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);
  g_assert_cmpuint (jm_object_store_get_n_objects (points), ==, n_points + 1);
}

/* Checks that @entry adds @kind (of @enum_type) and shows the table's
 * label and pictogram. */
static void
assert_entry_is_kind (JmPaletteEntry *entry,
                      const char     *payload_prefix,
                      const JmKind   *kind)
{
  g_autofree char *payload = g_strconcat (payload_prefix, kind->nick, NULL);
  g_autofree char *icon_name = jm_kind_dup_icon_name (kind);

  g_assert_cmpstr (jm_palette_entry_get_payload (entry), ==, payload);
  g_assert_cmpstr (jm_palette_entry_get_text (entry), ==, jm_kind_get_label (kind));
  g_assert_cmpstr (jm_palette_entry_get_pictogram (entry), ==, icon_name);
}

/* The palette lists, from the kinds table and in its order, every kind of
 * item but touchpoints, then Moment of Truth and Emotion Point, then one
 * touchpoint per channel but None. */
static void
test_palette_entries_from_kinds (void)
{
  g_autoptr(GtkWidget) palette = g_object_ref_sink (jm_palette_new ());
  g_autoptr(GPtrArray) entries = jm_palette_list_entries (JM_PALETTE (palette));
  guint n_item_kinds, n_channels, e = 0;
  const JmKind *item_kinds = jm_kinds_get (JM_TYPE_ITEM_KIND, &n_item_kinds);
  const JmKind *channels = jm_kinds_get (JM_TYPE_CHANNEL, &n_channels);

  g_assert_cmpuint (entries->len, ==, (n_item_kinds - 1) + 2 + (n_channels - 1));

  for (guint i = 0; i < n_item_kinds; i++)
    if (item_kinds[i].value != JM_ITEM_KIND_TOUCHPOINT)
      assert_entry_is_kind (entries->pdata[e++], "item:", &item_kinds[i]);

  g_assert_cmpstr (jm_palette_entry_get_payload (entries->pdata[e]), ==, "moment-of-truth");
  g_assert_cmpstr (jm_palette_entry_get_pictogram (entries->pdata[e++]), ==, "jm-moment-of-truth-symbolic");
  g_assert_cmpstr (jm_palette_entry_get_payload (entries->pdata[e]), ==, "emotion-point");
  g_assert_cmpstr (jm_palette_entry_get_text (entries->pdata[e++]), ==, "Emotion Point");

  for (guint i = 0; i < n_channels; i++)
    if (channels[i].value != JM_CHANNEL_NONE)
      assert_entry_is_kind (entries->pdata[e++], "item:touchpoint:", &channels[i]);

  g_assert_cmpuint (e, ==, entries->len);
  g_assert_null (jm_palette_get_entry (JM_PALETTE (palette), "item:touchpoint:none"));
  g_assert_true (jm_palette_get_entry (JM_PALETTE (palette), "item:touchpoint:web") == entries->pdata[n_item_kinds + 1]);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The label that shows @text among the outline's rows, or %NULL. */
static GtkLabel *
outline_row_label (JmOutline  *outline,
                   const char *text)
{
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (outline), JM_TYPE_OUTLINE, "view"));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (view, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_label (labels->pdata[i]), text))
      return labels->pdata[i];

  return NULL;
}

/* The outline's rows (jm-outline-row.ui) say what each object is, with
 * the kinds table's label for an item's kind; stages and lanes are
 * headings, items are indented under them. Activating a row in the list
 * selects its object on the map. */
static void
test_outline_rows (JmMapFixture  *fixture,
                   gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (outline), JM_TYPE_OUTLINE, "view"));
  JmItem *referral = jm_map_fixture_item (fixture, "item-sees-referral");
  JmLane *lane = jm_document_lookup_lane (jm_window_get_document (fixture->window), jm_item_get_lane_id (referral));
  g_autofree char *item_text = g_strdup_printf ("%s, %s, %s", jm_item_get_title (referral),
                                                jm_kind_get_label (jm_kinds_lookup (JM_TYPE_ITEM_KIND,
                                                                                    jm_item_get_kind (referral))),
                                                jm_lane_get_name (lane));
  GtkLabel *stage_label, *item_label;

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline))), GTK_WIDGET (outline));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (outline));
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));

  stage_label = outline_row_label (outline, "Stage: Awareness");
  item_label = outline_row_label (outline, item_text);
  g_assert_nonnull (stage_label);
  g_assert_nonnull (item_label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (stage_label), "heading"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (item_label), "heading"));
  g_assert_cmpint (gtk_widget_get_margin_start (GTK_WIDGET (stage_label)), <,
                   gtk_widget_get_margin_start (GTK_WIDGET (item_label)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (item_label)), ==, item_text);

  /* Row 1 is the referral card, under the first stage. */
  g_assert_true (gtk_widget_activate_action (view, "list.activate-item", "u", 1));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 1);
  g_assert_true (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0) == (gpointer) referral);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/palette/entries-from-kinds", test_palette_entries_from_kinds);
  jm_map_fixture_add ("/ui/window/outline", test_outline);
  jm_map_fixture_add ("/ui/window/outline-rows", test_outline_rows);
  jm_map_fixture_add ("/ui/window/palette-from-keyboard", test_palette_from_keyboard);

  return jm_map_fixture_run ();
}
