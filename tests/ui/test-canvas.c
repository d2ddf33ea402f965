/* test-canvas.c: editing a map on the canvas, with real pointer events
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "ui/jm-application.h"
#include "ui/jm-inspector.h"
#include "ui/jm-palette.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

#define S(v) g_strdup_printf ("%d", (v))

static gboolean
title_editor_shown (gpointer data)
{
  GtkWidget *entry = jm_map_canvas_get_title_entry (data);

  return entry != NULL && gtk_widget_get_mapped (entry);
}

static gboolean
editable_holds (gpointer data)
{
  gpointer *pair = data;

  return g_strcmp0 (gtk_editable_get_text (pair[0]), pair[1]) == 0;
}

static gboolean
lane_is_at (gpointer data)
{
  gpointer *triple = data;

  return g_strcmp0 (jm_object_get_id (jm_object_store_get_object (triple[0], GPOINTER_TO_UINT (triple[1]))),
                    triple[2]) == 0;
}

static void
wait_for_lane_at (JmObjectStore *lanes,
                  guint          position,
                  const char    *id)
{
  gpointer wait[3] = { lanes, GUINT_TO_POINTER (position), (gpointer) id };

  jm_ui_test_wait_until (lane_is_at, wait);
}

static gboolean
canvas_selects (gpointer data)
{
  gpointer *pair = data;

  return jm_selection_contains (jm_map_canvas_get_selection (pair[0]), pair[1]);
}

/* Shift+clicks @object at (@x, @y) on screen and waits until it is selected. */
static void
shift_click_to_select (JmMapFixture *fixture,
                       JmObject     *object,
                       int           x,
                       int           y)
{
  g_autofree char *sx = S (x), *sy = S (y);
  gpointer wait[2] = { jm_window_get_canvas (fixture->window), object };
  guint ends = jm_ui_test_count_drag_gesture_ends ();

  jm_ui_test_xdotool ("mousemove", sx, sy, "keydown", "shift", "click", "1", "keyup", "shift", NULL);
  jm_ui_test_wait_for_drag_gesture_ends (ends + 1);
  jm_ui_test_wait_until (canvas_selects, wait);
}

/* A point on @link where the canvas would pick the link itself. */
static gboolean
find_point_on_link (JmLayout *layout,
                    JmLink   *link,
                    double   *x,
                    double   *y)
{
  JmRect bounds;

  g_assert_true (jm_layout_get_link_bounds (layout, link, &bounds));
  for (double py = bounds.y; py <= bounds.y + bounds.height; py += 1.0)
    for (double px = bounds.x; px <= bounds.x + bounds.width; px += 1.0)
      {
        JmHit hit = { 0 };

        if (jm_layout_hit_test (layout, px, py, &hit) && hit.kind == JM_HIT_LINK &&
            hit.object == (gpointer) link)
          {
            *x = px;
            *y = py;
            return TRUE;
          }
      }

  return FALSE;
}

/* Drag a card to another stage with the real pointer; undo, redo, save. */
static void
test_drag_item_to_other_stage (JmMapFixture  *fixture,
                               gconstpointer  data)
{
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  int sx, sy, tx, ty;

  g_assert_nonnull (van);
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_map_fixture_cell_on_screen (fixture, "stage-consideration", "lane-actions", &tx, &ty);

  jm_ui_test_drag (sx, sy, tx, ty);

  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");
  g_assert_cmpstr (jm_item_get_lane_id (van), ==, "lane-actions");
  g_assert_true (jm_command_stack_get_modified (stack));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
  g_assert_false (jm_command_stack_get_modified (stack));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.redo", NULL));
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.save", NULL));
  jm_ui_test_wait_until (jm_map_fixture_is_clean, stack);

  g_file_get_contents (fixture->path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "<item id=\"item-notices-van\" kind=\"card\" stage=\"stage-consideration\""));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• "));

  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;

    jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
    texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    png = jm_ui_test_save_screenshot (texture, "canvas-after-drag.png");
  }
}

/* Drag an emotion point down: the score falls, in one undoable step. */
static void
test_drag_emotion_point (JmMapFixture  *fixture,
                         gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmEmotionPoint *point = jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  double before = jm_emotion_point_get_score (point);
  int x, y;

  jm_map_fixture_scroll_to (fixture, JM_OBJECT (point));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (point), &x, &y);
  jm_ui_test_drag (x, y, x + 30, y + 60);

  g_assert_cmpfloat (jm_emotion_point_get_score (point), <, before - 2);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, before);
}

/* Click selects, Delete deletes the card and its links, undo brings both back. */
static void
test_select_and_delete (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmItem *share = jm_map_fixture_item (fixture, "item-shares-code");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  int sx, sy;

  jm_map_fixture_scroll_to (fixture, JM_OBJECT (share));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (share), &sx, &sy);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (share), sx, sy);
  jm_ui_test_xdotool ("key", "Delete", NULL);
  jm_map_fixture_wait_for_position (stack, 1);

  g_assert_null (jm_map_fixture_item (fixture, "item-shares-code"));
  g_assert_null (jm_object_store_lookup (links, "link-share-loops-back"));

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_nonnull (jm_map_fixture_item (fixture, "item-shares-code"));
  g_assert_nonnull (jm_object_store_lookup (links, "link-share-loops-back"));
}

/* Click a link: it is selected; Delete removes it, undo brings it back. */
static void
test_select_and_delete_link (JmMapFixture  *fixture,
                             gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (canvas);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmLink *link = JM_LINK (jm_object_store_lookup (links, "link-checkout-to-sms"));
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  double mx = 0.0, my = 0.0;
  int sx, sy;

  g_assert_nonnull (link);
  jm_map_fixture_scroll_to (fixture, JM_OBJECT (jm_map_fixture_item (fixture, "touch-app-checkout")));
  g_assert_true (find_point_on_link (layout, link, &mx, &my));
  jm_map_fixture_map_point_on_screen (fixture, mx, my, &sx, &sy);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (link), sx, sy);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 1);
  g_assert_true (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0) == (gpointer) link);

  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;

    jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
    texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    png = jm_ui_test_save_screenshot (texture, "canvas-link-selected.png");
  }

  jm_ui_test_xdotool ("key", "Delete", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_null (jm_object_store_lookup (links, "link-checkout-to-sms"));
  g_assert_nonnull (jm_map_fixture_item (fixture, "touch-app-checkout"));

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_nonnull (jm_object_store_lookup (links, "link-checkout-to-sms"));
}

/* One session end to end, with real pointer events only: a pain point
 * dragged from the palette to a chosen cell, a card moved to another stage,
 * an emotion point dragged down; all undone, all redone, saved; the file
 * opens again with the three changes. */
static void
test_end_to_end (JmMapFixture  *fixture,
                 gconstpointer  data)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  GtkWidget *entry = jm_map_fixture_palette_entry (fixture, "item:pain-point");
  gpointer wait[2] = { stack, GUINT_TO_POINTER (1) };
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmEmotionPoint *point = JM_EMOTION_POINT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  double score = jm_emotion_point_get_score (point);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(JmDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added_id = NULL;
  JmLayer *layer;
  JmItem *added;
  int sx, sy, tx, ty;

  g_assert_nonnull (entry);
  jm_map_fixture_scroll_to_cell (fixture, "stage-delivery", "lane-pain-points");
  jm_map_fixture_drag_from_palette (fixture, entry, "stage-delivery", "lane-pain-points");
  jm_ui_test_wait_until (jm_map_fixture_position_is, wait);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  added = jm_selection_peek (jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window)), 0);
  added_id = g_strdup (jm_object_get_id (JM_OBJECT (added)));
  g_assert_cmpstr (jm_item_get_stage_id (added), ==, "stage-delivery");
  g_assert_cmpstr (jm_item_get_lane_id (added), ==, "lane-pain-points");

  jm_map_fixture_scroll_to (fixture, JM_OBJECT (van));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_map_fixture_cell_on_screen (fixture, "stage-consideration", "lane-actions", &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");

  jm_map_fixture_scroll_to (fixture, JM_OBJECT (point));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (point), &sx, &sy);
  jm_ui_test_drag (sx, sy, sx, sy + 60);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), <, score - 1);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 3);

  jm_ui_test_xdotool ("key", "ctrl+z", "ctrl+z", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, score);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
  g_assert_null (jm_map_fixture_item (fixture, added_id));
  g_assert_false (jm_command_stack_get_modified (stack));

  jm_ui_test_xdotool ("key", "shift+ctrl+z", "shift+ctrl+z", "shift+ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 3);
  g_assert_nonnull (jm_map_fixture_item (fixture, added_id));
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");
  g_assert_cmpfloat (jm_emotion_point_get_score (point), <, score - 1);

  jm_ui_test_xdotool ("key", "ctrl+s", NULL);
  jm_ui_test_wait_until (jm_map_fixture_is_clean, stack);

  reopened = jm_document_io_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  layer = jm_document_get_layer (reopened, JM_LAYER_STATE_CURRENT);
  added = jm_layer_lookup_item (layer, added_id);
  g_assert_nonnull (added);
  g_assert_cmpint (jm_item_get_kind (added), ==, JM_ITEM_KIND_PAIN_POINT);
  g_assert_cmpstr (jm_item_get_stage_id (added), ==, "stage-delivery");
  g_assert_cmpstr (jm_item_get_lane_id (jm_layer_lookup_item (layer, "item-notices-van")), ==, "lane-actions");
  g_assert_cmpstr (jm_item_get_stage_id (jm_layer_lookup_item (layer, "item-notices-van")), ==,
                   "stage-consideration");
  g_assert_cmpfloat (jm_emotion_point_get_score (JM_EMOTION_POINT (jm_object_store_lookup (
                       jm_layer_get_points (layer), "point-anna-1"))), ==,
                     jm_emotion_point_get_score (point));
}

/* Alt+arrows reorder a selected stage or lane and nudge a selected emotion
 * point, each one undoable step. */
static void
test_keyboard_reorder_and_nudge (JmMapFixture  *fixture,
                                 gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *lanes = jm_document_get_lanes (document);
  JmEmotionPoint *point = JM_EMOTION_POINT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  double score = jm_emotion_point_get_score (point);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  int sx, sy;

  /* A click gives the canvas the keyboard focus. */
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (van), sx, sy);

  jm_map_canvas_select (canvas, JM_OBJECT (jm_document_lookup_stage (document, "stage-awareness")), FALSE);
  jm_ui_test_xdotool ("key", "alt+Right", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (stages, 1)), ==, "stage-awareness");

  jm_map_canvas_select (canvas, JM_OBJECT (jm_document_lookup_lane (document, "lane-thoughts")), FALSE);
  jm_ui_test_xdotool ("key", "alt+Up", NULL);
  jm_map_fixture_wait_for_position (stack, 2);
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (lanes, 0)), ==, "lane-thoughts");
  /* Already first: nothing moves, nothing is recorded; the lane then
   * moves down again, the third step. */
  jm_ui_test_xdotool ("key", "alt+Up", "key", "alt+Down", NULL);
  wait_for_lane_at (lanes, 1, "lane-thoughts");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 3);

  g_assert_cmpfloat (score, <, JM_SCORE_MAX);
  jm_map_canvas_select (canvas, JM_OBJECT (point), FALSE);
  jm_ui_test_xdotool ("key", "alt+Up", NULL);
  jm_map_fixture_wait_for_position (stack, 4);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, MIN (score + 1, JM_SCORE_MAX));

  jm_ui_test_xdotool ("key", "ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, score);
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (lanes, 0)), ==, "lane-actions");
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (stages, 0)), ==, "stage-awareness");
}

/* Drag a pain point from the palette into a cell (GTK drag and drop, one
 * step at a time), then a touchpoint on a channel. */
static void
test_drop_from_palette (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  GtkWidget *entry = jm_map_fixture_palette_entry (fixture, "item:pain-point");
  GtkWidget *email = jm_map_fixture_palette_entry (fixture, "item:touchpoint:email");
  guint before = jm_map_fixture_count_cell (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  gpointer wait[2] = { stack, GUINT_TO_POINTER (1) };
  JmSelection *selection;

  g_assert_nonnull (entry);
  g_assert_nonnull (email);

  jm_map_fixture_scroll_to_cell (fixture, "stage-awareness", "lane-pain-points");
  jm_map_fixture_drag_from_palette (fixture, entry, "stage-awareness", "lane-pain-points");
  jm_ui_test_wait_until (jm_map_fixture_position_is, wait);

  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, before + 1);
  selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_cmpint (jm_item_get_kind (jm_selection_peek (selection, 0)), ==, JM_ITEM_KIND_PAIN_POINT);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);

  wait[1] = GUINT_TO_POINTER (2);
  jm_map_fixture_drag_from_palette (fixture, email, "stage-consideration", "lane-touchpoints");
  jm_ui_test_wait_until (jm_map_fixture_position_is, wait);
  selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_cmpint (jm_item_get_kind (jm_selection_peek (selection, 0)), ==, JM_ITEM_KIND_TOUCHPOINT);
  g_assert_cmpint (jm_item_get_channel (jm_selection_peek (selection, 0)), ==, JM_CHANNEL_EMAIL);
  g_assert_cmpstr (jm_item_get_stage_id (jm_selection_peek (selection, 0)), ==, "stage-consideration");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, before);
}

/* Ctrl+L links the first selected card to the second, without a pointer. */
static void
test_link_from_keyboard (JmMapFixture  *fixture,
                         gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_links = jm_object_store_get_n_objects (links);
  JmLink *link;

  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-checks-area")), FALSE);
  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  jm_ui_test_xdotool ("key", "ctrl+l", NULL);
  jm_map_fixture_wait_for_position (jm_window_get_stack (fixture->window), 1);

  g_assert_cmpuint (jm_object_store_get_n_objects (links), ==, n_links + 1);
  link = jm_object_store_get_object (links, n_links);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-checks-area");
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-notices-van");

  /* One card alone links nothing: undo then takes back the first link
   * (had the second Ctrl+L recorded a step, the stack would never get
   * back to its start). */
  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), FALSE);
  jm_ui_test_xdotool ("key", "ctrl+l", "key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (jm_window_get_stack (fixture->window), 0);
  g_assert_cmpuint (jm_object_store_get_n_objects (links), ==, n_links);
}

/* Double-click a card, type a new title, press Enter: one undoable edit. */
static void
test_edit_title_in_place (JmMapFixture  *fixture,
                          gconstpointer  data)
{
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  gpointer typed[2] = { NULL, (gpointer) "Green vans everywhere" };
  GtkWidget *entry;
  int sx, sy;

  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_ui_test_click (sx, sy, 2);
  jm_ui_test_wait_until (title_editor_shown, canvas);

  entry = jm_map_canvas_get_title_entry (canvas);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, jm_item_get_title (van));

  jm_ui_test_xdotool ("key", "ctrl+a", "type", "--delay", "20", "Green vans everywhere", NULL);
  typed[0] = entry;
  jm_ui_test_wait_until (editable_holds, typed);
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_map_fixture_wait_for_position (stack, 1);

  g_assert_cmpstr (jm_item_get_title (van), ==, "Green vans everywhere");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
}

/* Each copy of a picture is written out again in the file: duplicating
 * the map's pictures, or copying them to the future state (or starting
 * it from the current one), would grow the map past what a file holds
 * and is refused with the reason. It was done, and the map could then
 * not be saved. */
static void
test_copies_refused_when_the_map_would_not_fit (JmMapFixture  *fixture,
                                                gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  static const struct { const char *action; const char *heading; } copies[] = {
    { "doc.duplicate", "Could Not Paste" },
    { "doc.copy-to-future", "Could Not Copy to the Future State" },
    { "doc.start-future", "Could Not Start the Future State" },
  };
  guint position = jm_command_stack_get_position (stack);
  guint n_items;

  /* 35 MiB of pictures, 47 MiB in the file: a copy of them does not fit. */
  jm_test_add_pictures (document, "stage-awareness", "lane-actions", 5);
  n_items = jm_object_store_get_n_objects (items);
  jm_map_canvas_clear_selection (canvas);
  for (guint i = 0; i < n_items; i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_kind (item) == JM_ITEM_KIND_IMAGE)
        jm_map_canvas_select (canvas, JM_OBJECT (item), TRUE);
    }

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      JmAlert *alert;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), copies[c].action, NULL));
      jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
      alert = jm_ui_test_find_message_dialog ();
      g_assert_cmpstr (jm_alert_get_heading (alert), ==, copies[c].heading);
      jm_alert_close (alert);
      jm_ui_test_iterate ();
    }

  g_assert_cmpuint (jm_object_store_get_n_objects (items), ==, n_items);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position);
}

/* Drag a stage header past the next one to reorder; drag its right edge
 * to make it wider. */
static void
test_reorder_and_resize_stage (JmMapFixture  *fixture,
                               gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (jm_window_get_canvas (fixture->window));
  JmObjectStore *stages = jm_document_get_stages (document);
  JmStage *awareness = jm_document_lookup_stage (document, "stage-awareness");
  JmLane *actions = jm_document_lookup_lane (document, "lane-actions");
  JmStage *consideration = jm_document_lookup_stage (document, "stage-consideration");
  JmRect first, second;
  int sx, sy, tx, ty;

  g_assert_true (jm_layout_get_cell_rect (layout, awareness, actions, &first));
  g_assert_true (jm_layout_get_cell_rect (layout, consideration, actions, &second));
  /* The header is above the first lane. */
  jm_map_fixture_map_point_on_screen (fixture, first.x + 60, first.y - 30, &sx, &sy);
  jm_map_fixture_map_point_on_screen (fixture, second.x + second.width / 2, second.y - 30, &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  g_assert_true (jm_object_store_get_object (stages, 1) == awareness);
  g_assert_true (jm_object_store_get_object (stages, 0) == consideration);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_true (jm_object_store_get_object (stages, 0) == awareness);

  /* The right edge of the Awareness header, 60 units to the right. */
  {
    JmHit hit;
    g_assert_true (jm_layout_hit_test (layout, first.x + first.width - 2, first.y - 30, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_STAGE_EDGE);
  }
  jm_map_fixture_map_point_on_screen (fixture, first.x + first.width - 2, first.y - 30, &sx, &sy);

  jm_ui_test_drag (sx, sy, sx + 60, sy);
  g_assert_cmpfloat (jm_stage_get_width (awareness), >=, JM_STAGE_DEFAULT_WIDTH + 50);
  g_assert_cmpfloat (jm_stage_get_width (awareness), <=, JM_STAGE_DEFAULT_WIDTH + 70);
}

/* With the keyboard: Alt+Right moves a card to the next stage; Ctrl+D
 * duplicates it; Ctrl+C and Ctrl+V paste a copy next to the selection. */
static void
test_keyboard_clipboard_and_moves (JmMapFixture  *fixture,
                                   gconstpointer  data)
{
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  guint before = jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_CARD);
  int sx, sy;

  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (van), sx, sy);
  jm_ui_test_xdotool ("key", "alt+Right", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");

  jm_ui_test_xdotool ("key", "ctrl+d", NULL);
  jm_map_fixture_wait_for_position (stack, 2);
  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_CARD), ==, before + 2);

  /* Copy and paste go through the X clipboard, asynchronously. */
  jm_ui_test_xdotool ("key", "ctrl+c", "key", "ctrl+v", NULL);
  jm_map_fixture_wait_for_position (stack, 3);
  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_CARD), ==, before + 3);

  /* Three steps, undone one by one. */
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
}

/* Drag one of two selected cards to the next stage: both move one stage
 * on, each in its own lane, in one undoable step. A drag that would take
 * one of them off the map moves neither and says why. */
static void
test_drag_moves_selection (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmItem *thought = jm_map_fixture_item (fixture, "thought-worth-a-try");
  JmItem *checks = jm_map_fixture_item (fixture, "item-checks-area");
  int sx, sy, x, y, tx, ty;

  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (van), sx, sy);
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (thought), &x, &y);
  shift_click_to_select (fixture, JM_OBJECT (thought), x, y);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 2);

  jm_map_fixture_cell_on_screen (fixture, "stage-consideration", "lane-actions", &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");
  g_assert_cmpstr (jm_item_get_lane_id (van), ==, "lane-actions");
  g_assert_cmpstr (jm_item_get_stage_id (thought), ==, "stage-consideration");
  g_assert_cmpstr (jm_item_get_lane_id (thought), ==, "lane-thoughts");

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
  g_assert_cmpstr (jm_item_get_stage_id (thought), ==, "stage-awareness");
  g_assert_cmpstr (jm_item_get_lane_id (thought), ==, "lane-thoughts");

  /* The van has no stage before it to go to. */
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (checks), &sx, &sy);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (checks), sx, sy);
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &x, &y);
  shift_click_to_select (fixture, JM_OBJECT (van), x, y);
  jm_map_fixture_cell_on_screen (fixture, "stage-awareness", "lane-actions", &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  jm_ui_test_iterate ();
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  g_assert_cmpstr (jm_item_get_stage_id (checks), ==, "stage-consideration");
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (fixture->window),
                                           "The selected items do not fit there: one would move off the map."));
}

/* A selected Moment-of-Truth card: neither its outline nor its link
 * handle is drawn over its star (no pixel of the accent's blue inside it),
 * at 100 % and zoomed out, where the handle is larger than the card's
 * half height. */
static void
test_selection_leaves_moment_star (JmMapFixture  *fixture,
                                   gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmItem *reviews = jm_map_fixture_item (fixture, "item-reads-reviews");
  const double zooms[] = { 1.0, 0.6 };

  g_assert_cmpint (jm_item_get_moment (reviews), !=, JM_MOMENT_KIND_NONE);
  jm_map_canvas_select (canvas, JM_OBJECT (reviews), FALSE);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guint32 *pixels = NULL;
      double zoom, cx, cy;
      guint blue = 0;
      int width;
      JmRect rect;

      jm_map_canvas_set_zoom (canvas, zooms[z]);
      jm_map_fixture_scroll_to (fixture, JM_OBJECT (reviews));
      zoom = jm_map_canvas_get_zoom (canvas);
      g_assert_true (jm_layout_get_item_rect (jm_map_canvas_get_layout (canvas), reviews, &rect));
      cx = (rect.x + rect.width - 4) * zoom - gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)));
      cy = (rect.y + 4) * zoom - gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)));

      texture = jm_ui_test_render_widget (GTK_WIDGET (canvas));
      if (z == 0)
        {
          g_autofree char *png = jm_ui_test_save_screenshot (texture, "canvas-moment-selected.png");
        }
      width = gdk_texture_get_width (texture);
      pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));
      gdk_texture_download (texture, (guchar *) pixels, width * 4);
      for (int y = (int) (cy - 9 * zoom); y <= (int) (cy + 9 * zoom); y++)
        for (int x = (int) (cx - 9 * zoom); x <= (int) (cx + 9 * zoom); x++)
          {
            guint32 pixel;
            guint r, g, b;

            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > 9 * zoom * 9 * zoom)
              continue;
            g_assert_cmpint (x, >=, 0);
            g_assert_cmpint (y, >=, 0);
            pixel = pixels[(gsize) y * width + x];
            r = (pixel >> 16) & 0xff;
            g = (pixel >> 8) & 0xff;
            b = pixel & 0xff;
            if (b > r + 80 && b > g + 30)
              blue++;
          }

      g_test_message ("zoom %.1f: %u blue pixels in the star", zoom, blue);
      g_assert_cmpuint (blue, ==, 0);
    }
}

static gboolean
drag_score_shown (gpointer data)
{
  double score;

  return jm_map_canvas_get_drag_score (data, &score);
}

/* Zoomed out to 50 %, where the dot of an emotion point is 6 px wide, it
 * is still grabbed 10 px beside it (a 24 px target); while it is dragged
 * its score shows beside it, and the drop gives it that score. */
static void
test_drag_point_target_and_score (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmEmotionPoint *point = jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1");
  double before = jm_emotion_point_get_score (point);
  g_autofree char *sx = NULL, *sy = NULL, *mx = NULL, *my = NULL, *ex = NULL, *ey = NULL;
  double shown;
  int x, y;

  jm_map_canvas_set_zoom (canvas, 0.5);
  jm_map_fixture_scroll_to (fixture, JM_OBJECT (point));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (point), &x, &y);
  sx = S (x + 10);
  sy = S (y);
  mx = S (x + 12);
  my = S (y + 20);
  ex = S (x + 12);
  ey = S (y + 45);
  jm_ui_test_xdotool ("mousemove", sx, sy, "mousedown", "1", "mousemove", mx, my, "mousemove", ex, ey, NULL);
  jm_ui_test_wait_until (drag_score_shown, canvas);
  g_assert_true (jm_map_canvas_get_drag_score (canvas, &shown));
  g_test_message ("score %.1f shown while dragged, %.1f before", shown, before);
  g_assert_cmpfloat (shown, <, before);
  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;

    jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
    texture = jm_ui_test_render_widget (GTK_WIDGET (canvas));
    png = jm_ui_test_save_screenshot (texture, "canvas-point-drag-score.png");
  }

  jm_ui_test_xdotool ("mouseup", "1", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, shown);
  g_assert_false (jm_map_canvas_get_drag_score (canvas, &shown));
}

/* The inspector's revealer has finished sliding, in or out. */
static gboolean
revealer_settled (gpointer data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_parent (data));

  return gtk_revealer_get_reveal_child (revealer) == gtk_revealer_get_child_revealed (revealer);
}

/* Ctrl+1 with the palette and the inspector both open fits the whole map
 * in the room left between them: neither side runs over, and one of them
 * fills it. */
static void
test_zoom_to_fit_between_panels (JmMapFixture  *fixture,
                                 gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkWidget *inspector = GTK_WIDGET (jm_window_get_inspector (fixture->window));
  double width, height, zoom;
  int room_width, room_height;

  g_assert_true (gtk_widget_get_mapped (inspector));
  jm_map_canvas_set_zoom (canvas, 2.0);
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  gtk_widget_grab_focus (GTK_WIDGET (canvas));

  /* The inspector closed, then opened and the map fitted while it still
   * slides in: the fit is to the room left once it is in. */
  jm_ui_test_xdotool ("key", "F9", NULL);
  jm_ui_test_wait_until (revealer_settled, inspector);
  g_assert_false (gtk_widget_get_mapped (inspector));
  jm_ui_test_xdotool ("key", "F9", "key", "ctrl+1", NULL);
  while (jm_map_canvas_get_zoom (canvas) == 2.0)
    jm_ui_test_iterate ();
  jm_ui_test_wait_until (revealer_settled, inspector);
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_get_mapped (inspector));

  jm_layout_get_size (jm_map_canvas_get_layout (canvas), &width, &height);
  zoom = jm_map_canvas_get_zoom (canvas);
  room_width = gtk_widget_get_width (GTK_WIDGET (canvas));
  room_height = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_test_message ("map %.0f × %.0f at %.3f in %d × %d", width, height, zoom, room_width, room_height);
  g_assert_cmpfloat (width * zoom, <=, room_width + 0.5);
  g_assert_cmpfloat (height * zoom, <=, room_height + 0.5);
  g_assert_true (width * zoom >= room_width - 2 || height * zoom >= room_height - 2);
}

static gboolean
refusal_shown (gpointer data)
{
  return jm_ui_test_find_label (data, "The selected items do not fit there: one would move off the map.") != NULL;
}

/* Alt+arrows move a multi-selection as a drag does: all or nothing. A
 * card at the edge of the map refuses the move with the reason, rather
 * than stay behind while the others go. */
static void
test_keyboard_move_agrees_with_drag (JmMapFixture  *fixture,
                                     gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmItem *checks = jm_map_fixture_item (fixture, "item-checks-area");

  jm_map_canvas_select (canvas, JM_OBJECT (checks), FALSE);
  jm_map_canvas_select (canvas, JM_OBJECT (van), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));

  jm_ui_test_xdotool ("key", "alt+Left", NULL);
  jm_ui_test_wait_until (refusal_shown, fixture->window);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  g_assert_cmpstr (jm_item_get_stage_id (checks), ==, "stage-consideration");
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");

  jm_ui_test_xdotool ("key", "alt+Right", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_item_get_stage_id (checks), ==, "stage-first-order");
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");
}

typedef struct
{
  JmMapCanvas *canvas;
  int          x;
  int          y;
  guint32      before;
} PixelWait;

static gboolean
canvas_pixel_changed (gpointer data)
{
  PixelWait *wait = data;
  g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (wait->canvas));

  return jm_ui_test_texture_pixel (texture, wait->x, wait->y) != wait->before;
}

/* A band from the empty corner of a cell to the middle of its upper card
 * touches both of its cards, neither wholly: while it is dragged both are
 * highlighted, even where the band does not reach, and on release both are
 * selected. With Shift, a band adds to the selection. */
static void
test_rubber_band_by_touch (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (canvas);
  JmSelection *selection = jm_map_canvas_get_selection (canvas);
  JmItem *referral = jm_map_fixture_item (fixture, "item-sees-referral");
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmItem *checks = jm_map_fixture_item (fixture, "item-checks-area");
  g_autoptr(GdkTexture) before = NULL;
  g_autofree char *fx = NULL, *fy = NULL, *tx = NULL, *ty = NULL;
  PixelWait wait = { canvas };
  double cx, cy, zoom = jm_map_canvas_get_zoom (canvas);
  JmRect cell, top, rect;
  int sx, sy, ex, ey, x, y;
  guint ends;

  g_assert_true (jm_layout_get_cell_rect (layout, jm_document_lookup_stage (document, "stage-awareness"),
                                          jm_document_lookup_lane (document, "lane-actions"), &cell));
  g_assert_true (jm_layout_get_item_rect (layout, referral, &top));
  g_assert_true (jm_layout_get_item_rect (layout, van, &rect));
  top = rect.y < top.y ? rect : top;
  jm_map_fixture_map_point_on_screen (fixture, cell.x + cell.width - 4, cell.y + cell.height - 4, &sx, &sy);
  jm_map_fixture_map_point_on_screen (fixture, top.x + top.width / 2, top.y + top.height / 2, &ex, &ey);

  /* A point of the van's card left of where the band reaches. */
  g_assert_true (jm_map_canvas_get_object_center (canvas, JM_OBJECT (van), &cx, &cy));
  wait.x = (int) (cx - (rect.width / 2 - 6) * zoom);
  wait.y = (int) cy;
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  before = jm_ui_test_render_widget (GTK_WIDGET (canvas));
  wait.before = jm_ui_test_texture_pixel (before, wait.x, wait.y);

  fx = S (sx), fy = S (sy), tx = S (ex), ty = S (ey);
  ends = jm_ui_test_count_drag_gesture_ends ();
  jm_ui_test_xdotool ("mousemove", fx, fy, "mousedown", "1", "mousemove", tx, fy, "mousemove", tx, ty, NULL);
  jm_ui_test_wait_until (canvas_pixel_changed, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  jm_ui_test_xdotool ("mouseup", "1", NULL);
  jm_ui_test_wait_for_drag_gesture_ends (ends + 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  g_assert_true (jm_selection_contains (selection, JM_OBJECT (referral)));
  g_assert_true (jm_selection_contains (selection, JM_OBJECT (van)));

  /* Shift keeps what was selected and adds what the band touches. */
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (checks), &x, &y);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (checks), x, y);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  ends = jm_ui_test_count_drag_gesture_ends ();
  jm_ui_test_xdotool ("keydown", "shift", "mousemove", fx, fy, "mousedown", "1", "mousemove", tx, fy,
                      "mousemove", tx, ty, "mouseup", "1", "keyup", "shift", NULL);
  jm_ui_test_wait_for_drag_gesture_ends (ends + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_true (jm_selection_contains (selection, JM_OBJECT (checks)));
  g_assert_true (jm_selection_contains (selection, JM_OBJECT (referral)));
  g_assert_true (jm_selection_contains (selection, JM_OBJECT (van)));
}

typedef struct
{
  JmMapCanvas *canvas;
  guint        n;
} CountWait;

static gboolean
selection_counts (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (wait->canvas))) == wait->n;
}

/* A shortcut of the shortcuts window with @accelerator, under @root. */
static GtkWidget *
find_shortcut (GtkWidget  *root,
               const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *shown = NULL;

      g_object_get (root, "accelerator", &shown, NULL);
      if (g_strcmp0 (shown, accelerator) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, accelerator);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static gboolean
shortcuts_window_shown (gpointer data)
{
  return find_shortcuts_window () != NULL;
}

/* Ctrl+A (doc.select-all) selects every item of the state shown, the
 * future one's only when it is shown; Escape on the canvas
 * (doc.select-none) clears the selection. The shortcuts window lists
 * both keys. */
static void
test_select_all_and_clear (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmSelection *selection = jm_map_canvas_get_selection (canvas);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  guint n = jm_object_store_get_n_objects (items);
  CountWait wait = { canvas, n };
  JmObjectStore *future;
  GtkWidget *shortcuts;
  int x, y;

  g_assert_cmpuint (n, >, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.select-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (jm_selection_contains (selection, jm_object_store_get_object (items, i)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.select-none", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  /* With the keys, from a card just clicked. */
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &x, &y);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (van), x, y);
  jm_ui_test_xdotool ("key", "ctrl+a", NULL);
  jm_ui_test_wait_until (selection_counts, &wait);
  jm_ui_test_xdotool ("key", "Escape", NULL);
  wait.n = 0;
  jm_ui_test_wait_until (selection_counts, &wait);

  /* Over the current state, the future one is shown and edited: its
   * items are selected, not the ghosts of the current one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.start-future", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "both"));
  future = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_FUTURE));
  g_assert_cmpuint (jm_object_store_get_n_objects (future), ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.select-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (jm_selection_contains (selection, jm_object_store_get_object (future, i)));
      g_assert_false (jm_selection_contains (selection, jm_object_store_get_object (items, i)));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  jm_ui_test_wait_until (shortcuts_window_shown, NULL);
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (find_shortcut (shortcuts, "<Control>a"));
  g_assert_nonnull (find_shortcut (shortcuts, "Escape"));
  gtk_window_close (GTK_WINDOW (shortcuts));
  jm_ui_test_iterate ();
}

/* Drag a rectangle over the two cards of a cell: both are selected. Then
 * drag from the handle of a selected card to another card: a link. */
static void
test_rubber_band_and_link (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (jm_window_get_canvas (fixture->window));
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_links = jm_object_store_get_n_objects (links);
  JmItem *referral = jm_map_fixture_item (fixture, "item-sees-referral");
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmItem *checks = jm_map_fixture_item (fixture, "item-checks-area");
  JmRect cell, rect;
  JmLink *link;
  int sx, sy, tx, ty;

  g_assert_true (jm_layout_get_cell_rect (layout, jm_document_lookup_stage (document, "stage-awareness"),
                                          jm_document_lookup_lane (document, "lane-actions"), &cell));
  jm_map_fixture_map_point_on_screen (fixture, cell.x + cell.width - 4, cell.y + cell.height - 4, &sx, &sy);
  jm_map_fixture_map_point_on_screen (fixture, cell.x + 4, cell.y + 4, &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 2);
  g_assert_true (jm_selection_contains (jm_map_canvas_get_selection (canvas), JM_OBJECT (referral)));
  g_assert_true (jm_selection_contains (jm_map_canvas_get_selection (canvas), JM_OBJECT (van)));

  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (jm_layout_get_item_rect (layout, van, &rect));
  jm_map_fixture_map_point_on_screen (fixture, rect.x + rect.width, rect.y + rect.height / 2, &sx, &sy);
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (checks), &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);

  g_assert_cmpuint (jm_object_store_get_n_objects (links), ==, n_links + 1);
  link = jm_object_store_get_object (links, n_links);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-notices-van");
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-checks-area");
}

/* A picture dropped from the file manager becomes an image item. */
static void
test_drop_image_file (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (canvas);
  g_autofree char *png_path = g_build_filename (fixture->dir, "storefront.png", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "R&D <notes>.txt", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  GSList *files = NULL;
  JmItem *image;
  JmRect cell;

  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_set_contents (text_path, "hello", -1, NULL));
  g_assert_true (jm_layout_get_cell_rect (layout, jm_document_lookup_stage (document, "stage-awareness"),
                                          jm_document_lookup_lane (document, "lane-thoughts"), &cell));

  files = g_slist_append (files, g_file_new_for_path (text_path));
  g_assert_false (jm_map_canvas_drop_files (canvas, files, cell.x + 20, cell.y + cell.height - 10));
  g_slist_free_full (files, g_object_unref);

  /* The refusal is said in a toast over the window, the name as it is
   * (a toast's title is markup, in which this name does not parse). */
  jm_ui_test_iterate ();
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (fixture->window),
                                           "“R&D <notes>.txt” is not a PNG, JPEG or SVG image."));

  files = g_slist_append (NULL, g_file_new_for_path (png_path));
  g_assert_true (jm_map_canvas_drop_files (canvas, files, cell.x + 20, cell.y + cell.height - 10));
  g_slist_free_full (files, g_object_unref);

  image = jm_selection_peek (jm_map_canvas_get_selection (canvas), 0);
  g_assert_cmpint (jm_item_get_kind (image), ==, JM_ITEM_KIND_IMAGE);
  g_assert_cmpstr (jm_item_get_title (image), ==, "storefront.png");
  g_assert_cmpstr (jm_item_get_image_type (image), ==, "image/png");
  g_assert_nonnull (jm_item_get_image (image));
  g_assert_cmpuint (jm_command_stack_get_position (jm_window_get_stack (fixture->window)), ==, 1);

  g_unlink (png_path);
  g_unlink (text_path);
}

/* Space+drag and the middle button pan the map; nothing moves in it. */
static void
test_pan (JmMapFixture  *fixture,
          gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  double before;
  int x, y;

  gtk_adjustment_set_value (vadjustment, 300);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  before = gtk_adjustment_get_value (vadjustment);
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &x, &y);

  jm_map_fixture_click_to_select (fixture, JM_OBJECT (van), x, y);
  {
    g_autofree char *sx = S (x), *ty = S (y + 60), *ty1 = S (y + 121);
    guint ends = jm_ui_test_count_drag_gesture_ends ();

    jm_ui_test_xdotool ("keydown", "space", "mousedown", "1", "mousemove", sx, ty, "mousemove", sx, ty1,
                        "mouseup", "1", "keyup", "space", NULL);
    jm_ui_test_wait_for_drag_gesture_ends (ends + 1);
  }

  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, before - 100);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
  g_assert_cmpuint (jm_command_stack_get_position (jm_window_get_stack (fixture->window)), ==, 0);
}

/* A frame draws each item from its kept render node: a changed item gets a
 * new node, the others keep theirs, even when they move. */
static void
test_item_nodes_are_kept (JmMapFixture  *fixture,
                          gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmItem *referral = jm_map_fixture_item (fixture, "item-sees-referral");
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  GskRenderNode *referral_node, *van_node;

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  /* Held, so that a new node cannot take a freed one's address. */
  referral_node = gsk_render_node_ref (jm_map_canvas_peek_item_node (canvas, referral));
  van_node = jm_map_canvas_peek_item_node (canvas, van);
  g_assert_nonnull (van_node);

  /* A longer body: the referral card grows, the van card below it moves. */
  g_assert_true (jm_edit_set_string (jm_window_get_stack (fixture->window), referral, "body",
                                     "A much longer text that wraps over several lines of the card, "
                                     "so that the card grows and pushes the next one down.", 0, NULL));
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_nonnull (jm_map_canvas_peek_item_node (canvas, referral));
  g_assert_true (jm_map_canvas_peek_item_node (canvas, referral) != referral_node);
  g_assert_true (jm_map_canvas_peek_item_node (canvas, van) == van_node);
  gsk_render_node_unref (referral_node);
}

/* An object the map loses (here by undoing its addition) leaves the
 * canvas's selection, and the inspector goes back to the map instead of
 * showing what is no longer there. */
static void
test_removed_object_leaves_selection (JmMapFixture  *fixture,
                                      gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmSelection *selection = jm_map_canvas_get_selection (canvas);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autoptr(GError) error = NULL;
  JmObject *added;

  g_assert_true (jm_map_canvas_add_from_palette (canvas, JM_PALETTE_PREFIX "item:card", &error));
  g_assert_no_error (error);
  added = jm_selection_get_primary (selection);
  g_assert_true (JM_IS_ITEM (added));
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (added));

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  g_assert_null (jm_selection_get_primary (selection));
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (jm_window_get_document (fixture->window)));
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/canvas/drag-item-to-other-stage", test_drag_item_to_other_stage);
  jm_map_fixture_add ("/ui/canvas/drag-emotion-point", test_drag_emotion_point);
  jm_map_fixture_add ("/ui/canvas/select-and-delete", test_select_and_delete);
  jm_map_fixture_add ("/ui/canvas/select-and-delete-link", test_select_and_delete_link);
  jm_map_fixture_add ("/ui/canvas/end-to-end", test_end_to_end);
  jm_map_fixture_add ("/ui/canvas/keyboard-reorder-and-nudge", test_keyboard_reorder_and_nudge);
  jm_map_fixture_add ("/ui/canvas/drop-from-palette", test_drop_from_palette);
  jm_map_fixture_add ("/ui/canvas/link-from-keyboard", test_link_from_keyboard);
  jm_map_fixture_add ("/ui/canvas/edit-title-in-place", test_edit_title_in_place);
  jm_map_fixture_add ("/ui/canvas/copies-refused-when-the-map-would-not-fit", test_copies_refused_when_the_map_would_not_fit);
  jm_map_fixture_add ("/ui/canvas/reorder-and-resize-stage", test_reorder_and_resize_stage);
  jm_map_fixture_add ("/ui/canvas/keyboard-clipboard-and-moves", test_keyboard_clipboard_and_moves);
  jm_map_fixture_add ("/ui/canvas/drag-moves-selection", test_drag_moves_selection);
  jm_map_fixture_add ("/ui/canvas/keyboard-move-agrees-with-drag", test_keyboard_move_agrees_with_drag);
  jm_map_fixture_add ("/ui/canvas/selection-leaves-moment-star", test_selection_leaves_moment_star);
  jm_map_fixture_add ("/ui/canvas/zoom-to-fit-between-panels", test_zoom_to_fit_between_panels);
  jm_map_fixture_add ("/ui/canvas/drag-point-target-and-score", test_drag_point_target_and_score);
  jm_map_fixture_add ("/ui/canvas/rubber-band-and-link", test_rubber_band_and_link);
  jm_map_fixture_add ("/ui/canvas/rubber-band-by-touch", test_rubber_band_by_touch);
  jm_map_fixture_add ("/ui/canvas/select-all-and-clear", test_select_all_and_clear);
  jm_map_fixture_add ("/ui/canvas/drop-image-file", test_drop_image_file);
  jm_map_fixture_add ("/ui/canvas/pan", test_pan);
  jm_map_fixture_add ("/ui/canvas/item-nodes-are-kept", test_item_nodes_are_kept);
  jm_map_fixture_add ("/ui/canvas/removed-object-leaves-selection", test_removed_object_leaves_selection);

  return jm_map_fixture_run ();
}
