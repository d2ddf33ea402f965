/* test-map-canvas.c: editing a map in the window, with real pointer events
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "ui/jm-application.h"
#include "ui/jm-export-dialog.h"
#include "ui/jm-window.h"

#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static JmApplication *application;

typedef struct
{
  char     *dir;
  char     *path;
  JmWindow *window;
} Fixture;

static gboolean
document_loaded (gpointer data)
{
  return jm_window_get_document (data) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                               "grocery-first-order.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("jm-canvas-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "map.jmap", NULL);
  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (fixture->path);
  fixture->window = jm_window_new (application);
  gtk_window_present (GTK_WINDOW (fixture->window));
  jm_window_open_file (fixture->window, file);
  jm_ui_test_wait_until (document_loaded, fixture->window);
  jm_ui_test_wait_until_mapped (GTK_WIDGET (fixture->window));
  jm_ui_test_wait_until_map_shown (fixture->window);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  jm_ui_test_iterate ();
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static JmItem *
item (Fixture    *fixture,
      const char *id)
{
  JmDocument *document = jm_window_get_document (fixture->window);

  return jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), id);
}

/* Where an object is, in root window coordinates, for xdotool: the window
 * maps at (0, 0) under Xvfb without a window manager. Scroll first, with
 * scroll_to(), when the object may be out of view. */
static void
object_on_screen (Fixture  *fixture,
                  JmObject *object,
                  int      *x,
                  int      *y)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  double cx, cy;
  graphene_point_t in_canvas;

  g_assert_true (jm_map_canvas_get_object_center (canvas, object, &cx, &cy));
  graphene_point_init (&in_canvas, cx, cy);
  jm_ui_test_point_on_screen (GTK_WIDGET (canvas), &in_canvas, x, y);
}

/* Scrolls the canvas so that @object is in view, a third from the top. */
static void
scroll_to (Fixture  *fixture,
           JmObject *object)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  double x, y;

  g_assert_true (jm_map_canvas_get_object_center (canvas, object, &x, &y));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + x -
                            gtk_widget_get_width (GTK_WIDGET (canvas)) / 3.0);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + y -
                            gtk_widget_get_height (GTK_WIDGET (canvas)) / 3.0);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
scroll_to_cell (Fixture    *fixture,
                const char *stage_id,
                const char *lane_id)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  JmRect cell;

  g_assert_true (jm_layout_get_cell_rect (jm_map_canvas_get_layout (canvas),
                                          jm_document_lookup_stage (document, stage_id),
                                          jm_document_lookup_lane (document, lane_id), &cell));
  gtk_adjustment_set_value (hadjustment, cell.x * jm_map_canvas_get_zoom (canvas) - 100);
  gtk_adjustment_set_value (vadjustment, cell.y * jm_map_canvas_get_zoom (canvas) - 100);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

/* Into a cell, below its items: a drop at the end of the cell. In the
 * canvas's coordinates. */
static void
cell_in_canvas (Fixture          *fixture,
                const char       *stage_id,
                const char       *lane_id,
                graphene_point_t *point)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (canvas);
  JmRect cell;
  double zoom = jm_map_canvas_get_zoom (canvas);

  g_assert_true (jm_layout_get_cell_rect (layout, jm_document_lookup_stage (document, stage_id),
                                          jm_document_lookup_lane (document, lane_id), &cell));
  graphene_point_init (point,
                       (cell.x + 40) * zoom - gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas))),
                       (cell.y + cell.height - 12) * zoom - gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas))));
}

static void
cell_on_screen (Fixture    *fixture,
                const char *stage_id,
                const char *lane_id,
                int        *x,
                int        *y)
{
  graphene_point_t in_canvas;

  cell_in_canvas (fixture, stage_id, lane_id, &in_canvas);
  jm_ui_test_point_on_screen (GTK_WIDGET (jm_window_get_canvas (fixture->window)), &in_canvas, x, y);
}

/* Drags the palette's @entry into a cell of the map. */
static void
drag_from_palette (Fixture    *fixture,
                   GtkWidget  *entry,
                   const char *stage_id,
                   const char *lane_id)
{
  graphene_point_t in_entry = GRAPHENE_POINT_INIT (30, 10);
  graphene_point_t in_canvas;

  cell_in_canvas (fixture, stage_id, lane_id, &in_canvas);
  jm_ui_test_drag_and_drop (entry, &in_entry, GTK_WIDGET (jm_window_get_canvas (fixture->window)), &in_canvas);
}

#define S(v) g_strdup_printf ("%d", (v))

static gboolean
position_is (gpointer data)
{
  gpointer *pair = data;

  return jm_command_stack_get_position (pair[0]) == GPOINTER_TO_UINT (pair[1]);
}

static void
wait_for_position (JmCommandStack *stack,
                   guint           position)
{
  gpointer wait[2] = { stack, GUINT_TO_POINTER (position) };

  jm_ui_test_wait_until (position_is, wait);
}

static gboolean
is_selected (gpointer data)
{
  gpointer *pair = data;

  return g_ptr_array_find (jm_map_canvas_get_selection (pair[0]), pair[1], NULL);
}

/* Clicks @object on the canvas and waits until it is selected. */
static void
click_to_select (Fixture  *fixture,
                 JmObject *object,
                 int       x,
                 int       y)
{
  gpointer wait[2] = { jm_window_get_canvas (fixture->window), object };

  jm_ui_test_click (x, y, 1);
  jm_ui_test_wait_until (is_selected, wait);
}

static gboolean
is_clean (gpointer data)
{
  return !jm_command_stack_get_modified (data);
}

/* Drag a card to another stage with the real pointer; undo, redo, save. */
static void
test_drag_item_to_other_stage (Fixture       *fixture,
                               gconstpointer  data)
{
  JmItem *van = item (fixture, "item-notices-van");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  int sx, sy, tx, ty;

  g_assert_nonnull (van);
  object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  cell_on_screen (fixture, "stage-consideration", "lane-actions", &tx, &ty);

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
  jm_ui_test_wait_until (is_clean, stack);

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
test_drag_emotion_point (Fixture       *fixture,
                         gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmEmotionPoint *point = jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  double before = jm_emotion_point_get_score (point);
  int x, y;

  scroll_to (fixture, JM_OBJECT (point));
  object_on_screen (fixture, JM_OBJECT (point), &x, &y);
  jm_ui_test_drag (x, y, x + 30, y + 60);

  g_assert_cmpfloat (jm_emotion_point_get_score (point), <, before - 2);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, before);
}

/* Click selects, Delete deletes the card and its links, undo brings both back. */
static void
test_select_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmItem *share = item (fixture, "item-shares-code");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  int sx, sy;

  scroll_to (fixture, JM_OBJECT (share));
  object_on_screen (fixture, JM_OBJECT (share), &sx, &sy);
  click_to_select (fixture, JM_OBJECT (share), sx, sy);
  jm_ui_test_xdotool ("key", "Delete", NULL);
  wait_for_position (stack, 1);

  g_assert_null (item (fixture, "item-shares-code"));
  g_assert_null (jm_object_store_lookup (links, "link-share-loops-back"));

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  wait_for_position (stack, 0);
  g_assert_nonnull (item (fixture, "item-shares-code"));
  g_assert_nonnull (jm_object_store_lookup (links, "link-share-loops-back"));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Where @label is in the list of a combo row of the inspector. */
static guint
combo_row_position (GtkWidget  *row,
                    const char *label)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label))
      return i;

  g_assert_not_reached ();
}

static guint
count_cell (Fixture    *fixture,
            const char *stage_id,
            const char *lane_id,
            JmItemKind  kind)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  g_autoptr(GPtrArray) cell = jm_layer_dup_cell_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                                       stage_id, lane_id);
  guint n = 0;

  for (guint i = 0; i < cell->len; i++)
    n += jm_item_get_kind (cell->pdata[i]) == kind;

  return n;
}

/* Drag a pain point from the palette into a cell (GTK drag and drop, one
 * step at a time), then a touchpoint on a channel. */
static void
test_drop_from_palette (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *entry = find_named (GTK_WIDGET (fixture->window), "item:pain-point");
  GtkWidget *email = find_named (GTK_WIDGET (fixture->window), "item:touchpoint:email");
  guint before = count_cell (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  gpointer wait[2] = { stack, GUINT_TO_POINTER (1) };
  GPtrArray *selection;

  g_assert_nonnull (entry);
  g_assert_nonnull (email);

  scroll_to_cell (fixture, "stage-awareness", "lane-pain-points");
  drag_from_palette (fixture, entry, "stage-awareness", "lane-pain-points");
  jm_ui_test_wait_until (position_is, wait);

  g_assert_cmpuint (count_cell (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, before + 1);
  selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpint (jm_item_get_kind (selection->pdata[0]), ==, JM_ITEM_KIND_PAIN_POINT);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);

  wait[1] = GUINT_TO_POINTER (2);
  drag_from_palette (fixture, email, "stage-consideration", "lane-touchpoints");
  jm_ui_test_wait_until (position_is, wait);
  selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpint (jm_item_get_kind (selection->pdata[0]), ==, JM_ITEM_KIND_TOUCHPOINT);
  g_assert_cmpint (jm_item_get_channel (selection->pdata[0]), ==, JM_CHANNEL_EMAIL);
  g_assert_cmpstr (jm_item_get_stage_id (selection->pdata[0]), ==, "stage-consideration");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpuint (count_cell (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, before);
}

/* One session end to end, with real pointer events only: a pain point
 * dragged from the palette to a chosen cell, a card moved to another stage,
 * an emotion point dragged down; all undone, all redone, saved; the file
 * opens again with the three changes. */
static void
test_end_to_end (Fixture       *fixture,
                 gconstpointer  data)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  GtkWidget *entry = find_named (GTK_WIDGET (fixture->window), "item:pain-point");
  gpointer wait[2] = { stack, GUINT_TO_POINTER (1) };
  JmItem *van = item (fixture, "item-notices-van");
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
  scroll_to_cell (fixture, "stage-delivery", "lane-pain-points");
  drag_from_palette (fixture, entry, "stage-delivery", "lane-pain-points");
  jm_ui_test_wait_until (position_is, wait);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  added = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window))->pdata[0];
  added_id = g_strdup (jm_object_get_id (JM_OBJECT (added)));
  g_assert_cmpstr (jm_item_get_stage_id (added), ==, "stage-delivery");
  g_assert_cmpstr (jm_item_get_lane_id (added), ==, "lane-pain-points");

  scroll_to (fixture, JM_OBJECT (van));
  object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  cell_on_screen (fixture, "stage-consideration", "lane-actions", &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");

  scroll_to (fixture, JM_OBJECT (point));
  object_on_screen (fixture, JM_OBJECT (point), &sx, &sy);
  jm_ui_test_drag (sx, sy, sx, sy + 60);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), <, score - 1);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 3);

  jm_ui_test_xdotool ("key", "ctrl+z", "ctrl+z", "ctrl+z", NULL);
  wait_for_position (stack, 0);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, score);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
  g_assert_null (item (fixture, added_id));
  g_assert_false (jm_command_stack_get_modified (stack));

  jm_ui_test_xdotool ("key", "shift+ctrl+z", "shift+ctrl+z", "shift+ctrl+z", NULL);
  wait_for_position (stack, 3);
  g_assert_nonnull (item (fixture, added_id));
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");
  g_assert_cmpfloat (jm_emotion_point_get_score (point), <, score - 1);

  jm_ui_test_xdotool ("key", "ctrl+s", NULL);
  jm_ui_test_wait_until (is_clean, stack);

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

/* Start the future state from the current one, then copy a changed card. */
static void
test_future_state_actions (Fixture       *fixture,
                           gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *layer = NULL;
  JmItem *van = item (fixture, "item-notices-van");

  g_assert_true (jm_layer_is_empty (future));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.start-future", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_items (future)), ==,
                    jm_object_store_get_n_objects (jm_layer_get_items (current)));
  g_object_get (fixture->window, "layer", &layer, NULL);
  g_assert_cmpstr (layer, ==, "future");

  /* Back to the current state: change a card there and copy it over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "current"));
  g_assert_true (jm_edit_set_string (stack, van, "title", "Sees the green vans every day", 0, NULL));
  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (van), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.copy-to-future", NULL));
  g_assert_cmpstr (jm_item_get_title (jm_layer_lookup_item (future, "item-notices-van")), ==,
                   "Sees the green vans every day");

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_layer_is_empty (future));
}

/* The inspector edits the selected card; typing is one undo step, and an
 * undo shows in the form. */
static void
test_inspector_edits_selection (Fixture       *fixture,
                                gconstpointer  data)
{
  JmItem *van = item (fixture, "item-notices-van");
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *original = g_strdup (jm_item_get_title (van));
  GtkWidget *title, *kind;

  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (jm_window_get_document (fixture->window)));
  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (van), FALSE);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (van));

  title = find_named (GTK_WIDGET (inspector), "title");
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
  g_assert_null (find_named (GTK_WIDGET (inspector), "channel"));
  kind = find_named (GTK_WIDGET (inspector), "kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), combo_row_position (kind, "Touchpoint"));
  g_assert_cmpint (jm_item_get_kind (van), ==, JM_ITEM_KIND_TOUCHPOINT);
  jm_ui_test_iterate ();
  g_assert_nonnull (find_named (GTK_WIDGET (inspector), "channel"));

  /* A colour chosen is written #rrggbb; the reset button goes back to the
   * theme's colour. */
  {
    GtkWidget *color = find_named (GTK_WIDGET (inspector), "color");
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
test_inspector_point_persona (Fixture       *fixture,
                              gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmEmotionPoint *point = JM_EMOTION_POINT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  GtkWidget *persona;

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (point), FALSE);
  persona = find_named (GTK_WIDGET (inspector), "persona-id");
  g_assert_nonnull (persona);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (persona), 2);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-tom");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 1);
}

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

/* Double-click a card, type a new title, press Enter: one undoable edit. */
static void
test_edit_title_in_place (Fixture       *fixture,
                          gconstpointer  data)
{
  JmItem *van = item (fixture, "item-notices-van");
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  gpointer typed[2] = { NULL, (gpointer) "Green vans everywhere" };
  GtkWidget *entry;
  int sx, sy;

  object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  jm_ui_test_click (sx, sy, 2);
  jm_ui_test_wait_until (title_editor_shown, canvas);

  entry = jm_map_canvas_get_title_entry (canvas);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, jm_item_get_title (van));

  jm_ui_test_xdotool ("key", "ctrl+a", "type", "--delay", "20", "Green vans everywhere", NULL);
  typed[0] = entry;
  jm_ui_test_wait_until (editable_holds, typed);
  jm_ui_test_xdotool ("key", "Return", NULL);
  wait_for_position (stack, 1);

  g_assert_cmpstr (jm_item_get_title (van), ==, "Green vans everywhere");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
}

static void
map_point_on_screen (Fixture *fixture,
                     double   map_x,
                     double   map_y,
                     int     *x,
                     int     *y)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  double zoom = jm_map_canvas_get_zoom (canvas);
  graphene_point_t in_canvas;

  graphene_point_init (&in_canvas,
                       map_x * zoom - gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas))),
                       map_y * zoom - gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas))));
  jm_ui_test_point_on_screen (GTK_WIDGET (canvas), &in_canvas, x, y);
}

/* Drag a stage header past the next one to reorder; drag its right edge
 * to make it wider. */
static void
test_reorder_and_resize_stage (Fixture       *fixture,
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
  map_point_on_screen (fixture, first.x + 60, first.y - 30, &sx, &sy);
  map_point_on_screen (fixture, second.x + second.width / 2, second.y - 30, &tx, &ty);
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
  map_point_on_screen (fixture, first.x + first.width - 2, first.y - 30, &sx, &sy);

  jm_ui_test_drag (sx, sy, sx + 60, sy);
  g_assert_cmpfloat (jm_stage_get_width (awareness), >=, JM_STAGE_DEFAULT_WIDTH + 50);
  g_assert_cmpfloat (jm_stage_get_width (awareness), <=, JM_STAGE_DEFAULT_WIDTH + 70);
}

/* With the keyboard: Alt+Right moves a card to the next stage; Ctrl+D
 * duplicates it; Ctrl+C and Ctrl+V paste a copy next to the selection. */
static void
test_keyboard_clipboard_and_moves (Fixture       *fixture,
                                   gconstpointer  data)
{
  JmItem *van = item (fixture, "item-notices-van");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  guint before = count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_CARD);
  int sx, sy;

  object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  click_to_select (fixture, JM_OBJECT (van), sx, sy);
  jm_ui_test_xdotool ("key", "alt+Right", NULL);
  wait_for_position (stack, 1);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-consideration");

  jm_ui_test_xdotool ("key", "ctrl+d", NULL);
  wait_for_position (stack, 2);
  g_assert_cmpuint (count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_CARD), ==, before + 2);

  /* Copy and paste go through the X clipboard, asynchronously. */
  jm_ui_test_xdotool ("key", "ctrl+c", "key", "ctrl+v", NULL);
  wait_for_position (stack, 3);
  g_assert_cmpuint (count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_CARD), ==, before + 3);

  /* Three steps, undone one by one. */
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, "stage-awareness");
}

/* Each copy of a picture is written out again in the file: duplicating
 * the map's pictures, or copying them to the future state (or starting
 * it from the current one), would grow the map past what a file holds
 * and is refused with the reason. It was done, and the map could then
 * not be saved. */
static void
test_copies_refused_when_the_map_would_not_fit (Fixture       *fixture,
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

/* An item keeps its picture when it stops being an image, but only an
 * image's picture is written: made an image again in a map without room
 * for it, it stays what it is and the inspector says why. */
static void
test_kind_change_refused_when_the_map_would_not_fit (Fixture       *fixture,
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
  kind_row = find_named (GTK_WIDGET (inspector), "kind");
  g_assert_nonnull (kind_row);
  image = combo_row_position (kind_row, "Image");

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), image);
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Change the Kind");
  jm_alert_close (alert);

  jm_ui_test_iterate ();
  g_assert_cmpint (jm_item_get_kind (picture), ==, JM_ITEM_KIND_CARD);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, combo_row_position (kind_row, "Card"));
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

/* Alt+arrows reorder a selected stage or lane and nudge a selected emotion
 * point, each one undoable step. */
static void
test_keyboard_reorder_and_nudge (Fixture       *fixture,
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
  JmItem *van = item (fixture, "item-notices-van");
  int sx, sy;

  /* A click gives the canvas the keyboard focus. */
  object_on_screen (fixture, JM_OBJECT (van), &sx, &sy);
  click_to_select (fixture, JM_OBJECT (van), sx, sy);

  jm_map_canvas_select (canvas, JM_OBJECT (jm_document_lookup_stage (document, "stage-awareness")), FALSE);
  jm_ui_test_xdotool ("key", "alt+Right", NULL);
  wait_for_position (stack, 1);
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (stages, 1)), ==, "stage-awareness");

  jm_map_canvas_select (canvas, JM_OBJECT (jm_document_lookup_lane (document, "lane-thoughts")), FALSE);
  jm_ui_test_xdotool ("key", "alt+Up", NULL);
  wait_for_position (stack, 2);
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (lanes, 0)), ==, "lane-thoughts");
  /* Already first: nothing moves, nothing is recorded; the lane then
   * moves down again, the third step. */
  jm_ui_test_xdotool ("key", "alt+Up", "key", "alt+Down", NULL);
  wait_for_lane_at (lanes, 1, "lane-thoughts");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 3);

  g_assert_cmpfloat (score, <, JM_SCORE_MAX);
  jm_map_canvas_select (canvas, JM_OBJECT (point), FALSE);
  jm_ui_test_xdotool ("key", "alt+Up", NULL);
  wait_for_position (stack, 4);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, MIN (score + 1, JM_SCORE_MAX));

  jm_ui_test_xdotool ("key", "ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z", NULL);
  wait_for_position (stack, 0);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, score);
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (lanes, 0)), ==, "lane-actions");
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (stages, 0)), ==, "stage-awareness");
}

/* Drag a rectangle over the two cards of a cell: both are selected. Then
 * drag from the handle of a selected card to another card: a link. */
static void
test_rubber_band_and_link (Fixture       *fixture,
                           gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (jm_window_get_canvas (fixture->window));
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_links = jm_object_store_get_n_objects (links);
  JmItem *referral = item (fixture, "item-sees-referral");
  JmItem *van = item (fixture, "item-notices-van");
  JmItem *checks = item (fixture, "item-checks-area");
  JmRect cell, rect;
  JmLink *link;
  int sx, sy, tx, ty;

  g_assert_true (jm_layout_get_cell_rect (layout, jm_document_lookup_stage (document, "stage-awareness"),
                                          jm_document_lookup_lane (document, "lane-actions"), &cell));
  map_point_on_screen (fixture, cell.x + cell.width - 4, cell.y + cell.height - 4, &sx, &sy);
  map_point_on_screen (fixture, cell.x + 4, cell.y + 4, &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);
  g_assert_cmpuint (jm_map_canvas_get_selection (canvas)->len, ==, 2);
  g_assert_true (g_ptr_array_find (jm_map_canvas_get_selection (canvas), referral, NULL));
  g_assert_true (g_ptr_array_find (jm_map_canvas_get_selection (canvas), van, NULL));

  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (jm_layout_get_item_rect (layout, van, &rect));
  map_point_on_screen (fixture, rect.x + rect.width, rect.y + rect.height / 2, &sx, &sy);
  object_on_screen (fixture, JM_OBJECT (checks), &tx, &ty);
  jm_ui_test_drag (sx, sy, tx, ty);

  g_assert_cmpuint (jm_object_store_get_n_objects (links), ==, n_links + 1);
  link = jm_object_store_get_object (links, n_links);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-notices-van");
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-checks-area");
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

/* Click a link: it is selected; Delete removes it, undo brings it back. */
static void
test_select_and_delete_link (Fixture       *fixture,
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
  scroll_to (fixture, JM_OBJECT (item (fixture, "touch-app-checkout")));
  g_assert_true (find_point_on_link (layout, link, &mx, &my));
  map_point_on_screen (fixture, mx, my, &sx, &sy);
  click_to_select (fixture, JM_OBJECT (link), sx, sy);

  g_assert_cmpuint (jm_map_canvas_get_selection (canvas)->len, ==, 1);
  g_assert_true (g_ptr_array_index (jm_map_canvas_get_selection (canvas), 0) == (gpointer) link);

  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;

    jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
    texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    png = jm_ui_test_save_screenshot (texture, "canvas-link-selected.png");
  }

  jm_ui_test_xdotool ("key", "Delete", NULL);
  wait_for_position (stack, 1);
  g_assert_null (jm_object_store_lookup (links, "link-checkout-to-sms"));
  g_assert_nonnull (item (fixture, "touch-app-checkout"));

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  wait_for_position (stack, 0);
  g_assert_nonnull (jm_object_store_lookup (links, "link-checkout-to-sms"));
}

/* Add Stage and Add Lane put the new one after the selection, select it
 * for naming, and undo; Delete removes a selected stage. */
static void
test_add_stage_and_lane (Fixture       *fixture,
                         gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *lanes = jm_document_get_lanes (document);
  guint n_stages = jm_object_store_get_n_objects (stages);
  guint n_lanes = jm_object_store_get_n_objects (lanes);
  JmStage *stage;
  JmLane *lane;

  jm_map_canvas_select (canvas, JM_OBJECT (jm_document_lookup_stage (document, "stage-awareness")), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.add-stage", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (stages), ==, n_stages + 1);
  stage = jm_object_store_get_object (stages, 1);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "New stage");
  g_assert_true (jm_map_canvas_get_selection (canvas)->pdata[0] == (gpointer) stage);

  /* After the lane of the selected card. */
  jm_map_canvas_select (canvas, JM_OBJECT (item (fixture, "item-notices-van")), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.add-lane", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (lanes), ==, n_lanes + 1);
  lane = jm_object_store_get_object (lanes, 1);
  g_assert_cmpstr (jm_lane_get_name (lane), ==, "New lane");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (lanes), ==, n_lanes);

  jm_map_canvas_select (canvas, JM_OBJECT (stage), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.delete", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (stages), ==, n_stages);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (stages), ==, n_stages);
  g_assert_false (jm_command_stack_get_modified (jm_window_get_stack (fixture->window)));
}

/* Ctrl+L links the first selected card to the second, without a pointer. */
static void
test_link_from_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_links = jm_object_store_get_n_objects (links);
  JmLink *link;

  jm_map_canvas_select (canvas, JM_OBJECT (item (fixture, "item-checks-area")), FALSE);
  jm_map_canvas_select (canvas, JM_OBJECT (item (fixture, "item-notices-van")), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  jm_ui_test_xdotool ("key", "ctrl+l", NULL);
  wait_for_position (jm_window_get_stack (fixture->window), 1);

  g_assert_cmpuint (jm_object_store_get_n_objects (links), ==, n_links + 1);
  link = jm_object_store_get_object (links, n_links);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-checks-area");
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-notices-van");

  /* One card alone links nothing: undo then takes back the first link
   * (had the second Ctrl+L recorded a step, the stack would never get
   * back to its start). */
  jm_map_canvas_select (canvas, JM_OBJECT (item (fixture, "item-notices-van")), FALSE);
  jm_ui_test_xdotool ("key", "ctrl+l", "key", "ctrl+z", NULL);
  wait_for_position (jm_window_get_stack (fixture->window), 0);
  g_assert_cmpuint (jm_object_store_get_n_objects (links), ==, n_links);
}

/* Add a persona from the menu, name it in the inspector, delete it. */
static void
test_personas (Fixture       *fixture,
               gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *personas = jm_document_get_personas (document);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  guint before = jm_object_store_get_n_objects (personas);
  JmLayout *layout = jm_map_canvas_get_layout (jm_window_get_canvas (fixture->window));
  JmPersona *persona;
  GtkWidget *name;
  JmRect rect;
  JmHit hit;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.add-persona", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (personas), ==, before + 1);
  persona = jm_object_store_get_object (personas, before);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (persona));

  name = find_named (GTK_WIDGET (inspector), "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Chen Wei");
  g_assert_cmpstr (jm_persona_get_name (persona), ==, "Chen Wei");

  /* A photo chosen is one step; a file that is no picture is refused. */
  {
    g_autofree char *png = g_build_filename (g_get_tmp_dir (), "jm-test-photo.png", NULL);
    g_autofree char *text = g_build_filename (g_get_tmp_dir (), "jm-test-photo.txt", NULL);
    g_autoptr(GFile) png_file = g_file_new_for_path (png);
    g_autoptr(GFile) text_file = g_file_new_for_path (text);
    cairo_surface_t *red = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (cairo_surface_write_to_png (red, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (red);
    g_assert_true (g_file_set_contents (text, "not a picture", -1, NULL));
    g_assert_nonnull (find_named (GTK_WIDGET (inspector), "choose-photo"));

    g_assert_false (jm_inspector_set_photo_file (inspector, text_file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_null (jm_persona_get_photo (persona));

    g_assert_true (jm_inspector_set_photo_file (inspector, png_file, NULL));
    g_assert_nonnull (jm_persona_get_photo (persona));
    g_assert_cmpstr (jm_persona_get_photo_type (persona), ==, "image/png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
    g_assert_null (jm_persona_get_photo (persona));
    g_assert_null (jm_persona_get_photo_type (persona));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.redo", NULL));
    g_assert_nonnull (jm_persona_get_photo (persona));

    g_signal_emit_by_name (find_named (GTK_WIDGET (inspector), "remove-photo"), "clicked");
    g_assert_null (jm_persona_get_photo (persona));
    g_unlink (png);
    g_unlink (text);
  }

  /* Made primary, the persona takes the place of the one that was. */
  {
    GtkWidget *primary = find_named (GTK_WIDGET (inspector), "primary");
    JmPersona *anna = jm_object_store_get_object (personas, 0);

    g_assert_true (jm_persona_get_primary (anna));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (primary)));
    gtk_switch_set_active (GTK_SWITCH (primary), TRUE);
    g_assert_true (jm_persona_get_primary (persona));
    g_assert_false (jm_persona_get_primary (anna));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
    g_assert_true (jm_persona_get_primary (anna));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (primary)));
  }

  /* Its card is on the map and picks it. */
  g_assert_true (jm_layout_get_persona_rect (layout, persona, &rect));
  g_assert_true (jm_layout_hit_test (layout, rect.x + 20, rect.y + 20, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_PERSONA);
  g_assert_true (hit.object == JM_OBJECT (persona));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.delete", NULL));
  g_assert_cmpuint (jm_object_store_get_n_objects (personas), ==, before);
}

/* In the compared view, the Differences list names what the future state
 * changes; choosing one selects it. */
static void
test_differences_list (Fixture       *fixture,
                       gconstpointer  data)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);
  GtkWidget *list, *button, *row;
  JmItem *changed;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.start-future", NULL));
  changed = jm_layer_lookup_item (future, "item-notices-van");
  g_assert_true (jm_edit_set_string (stack, changed, "title", "Sees the vans", 0, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "both"));

  list = find_named (GTK_WIDGET (fixture->window), "differences");
  g_assert_nonnull (list);
  button = gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  jm_ui_test_iterate ();
  row = gtk_widget_get_first_child (list);
  g_assert_nonnull (row);
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_signal_emit_by_name (list, "row-activated", row);

  g_assert_cmpuint (jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window))->len, ==, 1);
  g_assert_true (jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window))->pdata[0] == (gpointer) changed);
}

/* A picture dropped from the file manager becomes an image item. */
static void
test_drop_image_file (Fixture       *fixture,
                      gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayout *layout = jm_map_canvas_get_layout (canvas);
  g_autofree char *png_path = g_build_filename (fixture->dir, "storefront.png", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
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

  files = g_slist_append (NULL, g_file_new_for_path (png_path));
  g_assert_true (jm_map_canvas_drop_files (canvas, files, cell.x + 20, cell.y + cell.height - 10));
  g_slist_free_full (files, g_object_unref);

  image = jm_map_canvas_get_selection (canvas)->pdata[0];
  g_assert_cmpint (jm_item_get_kind (image), ==, JM_ITEM_KIND_IMAGE);
  g_assert_cmpstr (jm_item_get_title (image), ==, "storefront.png");
  g_assert_cmpstr (jm_item_get_image_type (image), ==, "image/png");
  g_assert_nonnull (jm_item_get_image (image));
  g_assert_cmpuint (jm_command_stack_get_position (jm_window_get_stack (fixture->window)), ==, 1);

  g_unlink (png_path);
  g_unlink (text_path);
}

static gboolean
selection_changed_from (gpointer data)
{
  gpointer *pair = data;
  GPtrArray *selection = jm_map_canvas_get_selection (pair[0]);

  return selection->len > 0 && selection->pdata[0] != pair[1];
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
test_outline (Fixture       *fixture,
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
  g_assert_true (jm_map_canvas_get_selection (canvas)->pdata[0] == (gpointer) second);
  g_signal_emit_by_name (outline, "object-activated", last);
  g_assert_true (jm_map_canvas_get_selection (canvas)->pdata[0] == (gpointer) last);
  g_signal_emit_by_name (outline, "object-activated", first);
  g_assert_true (jm_map_canvas_get_selection (canvas)->pdata[0] == (gpointer) first);

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
test_palette_from_keyboard (Fixture       *fixture,
                            gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_points = jm_object_store_get_n_objects (points);
  guint before = count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_OPPORTUNITY);
  gpointer wait[2] = { canvas, item (fixture, "item-checks-area") };
  GtkWidget *entry;

  jm_map_canvas_select (canvas, wait[1], FALSE);
  entry = gtk_widget_get_parent (find_named (GTK_WIDGET (fixture->window), "item:opportunity"));
  g_assert_true (GTK_IS_BUTTON (entry));
  /* A button activated from the keyboard clicks after a short animation. */
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);

  g_assert_cmpuint (count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_OPPORTUNITY), ==, before + 1);
  g_assert_cmpint (jm_item_get_kind (jm_map_canvas_get_selection (canvas)->pdata[0]), ==, JM_ITEM_KIND_OPPORTUNITY);

  wait[1] = jm_map_canvas_get_selection (canvas)->pdata[0];
  entry = gtk_widget_get_parent (find_named (GTK_WIDGET (fixture->window), "emotion-point"));
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);
  g_assert_cmpuint (jm_object_store_get_n_objects (points), ==, n_points + 1);
}

/* Space+drag and the middle button pan the map; nothing moves in it. */
static void
test_pan (Fixture       *fixture,
          gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  JmItem *van = item (fixture, "item-notices-van");
  double before;
  int x, y;

  gtk_adjustment_set_value (vadjustment, 300);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  before = gtk_adjustment_get_value (vadjustment);
  object_on_screen (fixture, JM_OBJECT (van), &x, &y);

  click_to_select (fixture, JM_OBJECT (van), x, y);
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
test_item_nodes_are_kept (Fixture       *fixture,
                          gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmItem *referral = item (fixture, "item-sees-referral");
  JmItem *van = item (fixture, "item-notices-van");
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

static gboolean
weak_pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The export dialog: options chosen, the core writes the file in a
 * worker while only Cancel can be used; then the dialog closes. A failed
 * export says why and leaves the dialog open. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);
  g_autofree char *path = g_build_filename (fixture->dir, "export.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no such folder", "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autofree char *contents = NULL;
  GtkWidget *export_button;
  JmExportOptions options;
  JmExportFormat format;
  JmAlert *alert;

  gtk_window_present (GTK_WINDOW (dialog));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (dialog));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "export-dialog.png");

    g_assert_nonnull (png);
  }

  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_PNG);
  g_assert_cmpfloat (options.scale, ==, 2.0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "current");
  g_object_set (find_named (GTK_WIDGET (dialog), "format"), "selected", JM_EXPORT_FORMAT_PDF, NULL);
  export_button = find_named (GTK_WIDGET (dialog), "export");

  jm_export_dialog_start_export (dialog, nowhere_file);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Export the Map");
  g_assert_true (gtk_widget_get_sensitive (export_button));
  jm_alert_close (alert);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jm_export_dialog_start_export (dialog, file);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  jm_ui_test_wait_until (weak_pointer_cleared, &dialog);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (path);
}

/* A new map from the blank template: five stages, not modified, no file. */
static void
test_new_map (Fixture       *fixture,
              gconstpointer  data)
{
  JmWindow *window = jm_window_new (application);
  JmDocument *document;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  document = jm_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_null (jm_window_get_file (window));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (document)), ==, 5);
  g_assert_false (jm_command_stack_get_modified (jm_window_get_stack (window)));

  g_assert_nonnull (jm_edit_add_item (jm_window_get_stack (window), JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                                      "stage-awareness", "lane-actions", -1, "Hears about us", NULL));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* Closing with changes asks first, and the window stays. */
  gtk_window_close (GTK_WINDOW (window));
  jm_ui_test_iterate ();
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)) || jm_window_get_document (window) != NULL);
  gtk_window_destroy (GTK_WINDOW (window));
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

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/canvas/drag-item-to-other-stage", test_drag_item_to_other_stage);
  ADD ("/ui/canvas/drag-emotion-point", test_drag_emotion_point);
  ADD ("/ui/canvas/select-and-delete", test_select_and_delete);
  ADD ("/ui/canvas/select-and-delete-link", test_select_and_delete_link);
  ADD ("/ui/canvas/end-to-end", test_end_to_end);
  ADD ("/ui/canvas/keyboard-reorder-and-nudge", test_keyboard_reorder_and_nudge);
  ADD ("/ui/canvas/drop-from-palette", test_drop_from_palette);
  ADD ("/ui/window/future-state-actions", test_future_state_actions);
  ADD ("/ui/inspector/edits-selection", test_inspector_edits_selection);
  ADD ("/ui/inspector/point-persona", test_inspector_point_persona);
  ADD ("/ui/window/add-stage-and-lane", test_add_stage_and_lane);
  ADD ("/ui/canvas/link-from-keyboard", test_link_from_keyboard);
  ADD ("/ui/canvas/edit-title-in-place", test_edit_title_in_place);
  ADD ("/ui/export/dialog", test_export_dialog);
  ADD ("/ui/canvas/copies-refused-when-the-map-would-not-fit", test_copies_refused_when_the_map_would_not_fit);
  ADD ("/ui/inspector/kind-change-refused-when-the-map-would-not-fit", test_kind_change_refused_when_the_map_would_not_fit);
  ADD ("/ui/canvas/reorder-and-resize-stage", test_reorder_and_resize_stage);
  ADD ("/ui/canvas/keyboard-clipboard-and-moves", test_keyboard_clipboard_and_moves);
  ADD ("/ui/canvas/rubber-band-and-link", test_rubber_band_and_link);
  ADD ("/ui/window/personas", test_personas);
  ADD ("/ui/window/differences-list", test_differences_list);
  ADD ("/ui/canvas/drop-image-file", test_drop_image_file);
  ADD ("/ui/window/outline", test_outline);
  ADD ("/ui/window/palette-from-keyboard", test_palette_from_keyboard);
  ADD ("/ui/canvas/pan", test_pan);
  ADD ("/ui/canvas/item-nodes-are-kept", test_item_nodes_are_kept);
  ADD ("/ui/window/new-map", test_new_map);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);

  return status;
}
