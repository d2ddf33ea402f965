/* jm-map-fixture.c: a window with an example map open, for the UI tests
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"
#include "ui/jm-inplace-editor.h"
#include "ui/jm-palette.h"

static gboolean
document_loaded (gpointer data)
{
  return jm_window_get_document (data) != NULL;
}

void
jm_map_fixture_set_up (JmMapFixture  *fixture,
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
  fixture->window = jm_application_create_window (JM_APPLICATION (g_application_get_default ()));
  gtk_window_present (GTK_WINDOW (fixture->window));
  jm_window_open_file (fixture->window, file);
  jm_ui_test_wait_until (document_loaded, fixture->window);
  jm_ui_test_wait_until_mapped (GTK_WIDGET (fixture->window));
  jm_ui_test_wait_until_map_shown (fixture->window);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

void
jm_map_fixture_tear_down (JmMapFixture  *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  jm_ui_test_iterate ();
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

JmItem *
jm_map_fixture_item (JmMapFixture *fixture,
                     const char   *id)
{
  JmDocument *document = jm_window_get_document (fixture->window);

  return jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), id);
}

/* Where an object is, in root window coordinates, for xdotool: the window
 * maps at (0, 0) under Xvfb without a window manager. Scroll first, with
 * jm_map_fixture_scroll_to(), when the object may be out of view. */
void
jm_map_fixture_object_on_screen (JmMapFixture *fixture,
                                 JmObject     *object,
                                 int          *x,
                                 int          *y)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  double cx, cy;
  graphene_point_t in_canvas;

  g_assert_true (jm_map_canvas_get_object_center (canvas, object, &cx, &cy));
  graphene_point_init (&in_canvas, cx, cy);
  jm_ui_test_point_on_screen (GTK_WIDGET (canvas), &in_canvas, x, y);
}

/* Scrolls the canvas so that @object is in view, a third from the top. */
void
jm_map_fixture_scroll_to (JmMapFixture *fixture,
                          JmObject     *object)
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

void
jm_map_fixture_scroll_to_cell (JmMapFixture *fixture,
                               const char   *stage_id,
                               const char   *lane_id)
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
cell_in_canvas (JmMapFixture     *fixture,
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

void
jm_map_fixture_cell_on_screen (JmMapFixture *fixture,
                               const char   *stage_id,
                               const char   *lane_id,
                               int          *x,
                               int          *y)
{
  graphene_point_t in_canvas;

  cell_in_canvas (fixture, stage_id, lane_id, &in_canvas);
  jm_ui_test_point_on_screen (GTK_WIDGET (jm_window_get_canvas (fixture->window)), &in_canvas, x, y);
}

/* Drags the palette's @entry into a cell of the map. */
void
jm_map_fixture_drag_from_palette (JmMapFixture *fixture,
                                  GtkWidget    *entry,
                                  const char   *stage_id,
                                  const char   *lane_id)
{
  graphene_point_t in_entry = GRAPHENE_POINT_INIT (30, 10);
  graphene_point_t in_canvas;

  cell_in_canvas (fixture, stage_id, lane_id, &in_canvas);
  jm_ui_test_drag_and_drop (entry, &in_entry, GTK_WIDGET (jm_window_get_canvas (fixture->window)), &in_canvas);
}

gboolean
jm_map_fixture_position_is (gpointer data)
{
  gpointer *pair = data;

  return jm_command_stack_get_position (pair[0]) == GPOINTER_TO_UINT (pair[1]);
}

void
jm_map_fixture_wait_for_position (JmCommandStack *stack,
                                  guint           position)
{
  gpointer wait[2] = { stack, GUINT_TO_POINTER (position) };

  jm_ui_test_wait_until (jm_map_fixture_position_is, wait);
}

static gboolean
is_selected (gpointer data)
{
  gpointer *pair = data;

  return jm_selection_contains (jm_map_canvas_get_selection (pair[0]), pair[1]);
}

/* Clicks @object on the canvas and waits until it is selected. */
void
jm_map_fixture_click_to_select (JmMapFixture *fixture,
                                JmObject     *object,
                                int           x,
                                int           y)
{
  gpointer wait[2] = { jm_window_get_canvas (fixture->window), object };

  jm_ui_test_click (x, y, 1);
  jm_ui_test_wait_until (is_selected, wait);
}

gboolean
jm_map_fixture_is_clean (gpointer data)
{
  return !jm_command_stack_get_modified (data);
}

/* The window's palette entry for @payload ("item:pain-point", …). */
GtkWidget *
jm_map_fixture_palette_entry (JmMapFixture *fixture,
                              const char   *payload)
{
  GObject *palette = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, "palette");
  JmPaletteEntry *entry;

  g_assert_true (JM_IS_PALETTE (palette));
  entry = jm_palette_get_entry (JM_PALETTE (palette), payload);
  g_assert_nonnull (entry);

  return GTK_WIDGET (entry);
}

/* Where @label is in the list of a combo row of the inspector. */
guint
jm_map_fixture_combo_row_position (GtkWidget  *row,
                                   const char *label)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label))
      return i;

  g_assert_not_reached ();
}

guint
jm_map_fixture_count_cell (JmMapFixture *fixture,
                           const char   *stage_id,
                           const char   *lane_id,
                           JmItemKind    kind)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  g_autoptr(GPtrArray) cell = jm_layer_dup_cell_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                                       stage_id, lane_id);
  guint n = 0;

  for (guint i = 0; i < cell->len; i++)
    n += jm_item_get_kind (cell->pdata[i]) == kind;

  return n;
}

void
jm_map_fixture_map_point_on_screen (JmMapFixture *fixture,
                                    double        map_x,
                                    double        map_y,
                                    int          *x,
                                    int          *y)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  double zoom = jm_map_canvas_get_zoom (canvas);
  graphene_point_t in_canvas;

  graphene_point_init (&in_canvas,
                       map_x * zoom - gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas))),
                       map_y * zoom - gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas))));
  jm_ui_test_point_on_screen (GTK_WIDGET (canvas), &in_canvas, x, y);
}

void
jm_map_fixture_add (const char       *path,
                    JmMapFixtureFunc  func)
{
  g_test_add (path, JmMapFixture, NULL, jm_map_fixture_set_up, func, jm_map_fixture_tear_down);
}

/* Runs the tests added with an application of their own, registered so that
 * windows find their actions and settings. */
int
jm_map_fixture_run (void)
{
  g_autoptr(JmApplication) application = jm_application_new ();

  g_application_register (G_APPLICATION (application), NULL, NULL);

  return g_test_run ();
}

/* The in-place editor {{{ */

typedef struct
{
  JmMapCanvas *canvas;
  gpointer     object;
  const char  *property;
} EditorOn;

static gboolean
editor_is_on (gpointer data)
{
  EditorOn *wanted = data;
  JmInplaceEditor *editor = jm_map_canvas_get_inplace_editor (wanted->canvas);

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor)) &&
         jm_inplace_editor_get_object (editor) == wanted->object &&
         (wanted->property == NULL ||
          g_strcmp0 (jm_inplace_editor_get_property_name (editor), wanted->property) == 0);
}

/* Waits until the canvas's in-place editor is shown over @object, over
 * its @property if that is not %NULL. */
void
jm_map_fixture_wait_for_editor_on (JmMapFixture *fixture,
                                   gpointer      object,
                                   const char   *property)
{
  EditorOn wanted = { jm_window_get_canvas (fixture->window), object, property };

  jm_ui_test_wait_until (editor_is_on, &wanted);
}

gboolean
jm_map_fixture_editor_is_closed (JmMapFixture *fixture)
{
  JmInplaceEditor *editor = jm_map_canvas_get_inplace_editor (jm_window_get_canvas (fixture->window));

  return editor == NULL || (!gtk_widget_get_visible (GTK_WIDGET (editor)) &&
                            jm_inplace_editor_get_object (editor) == NULL);
}

static gboolean
editor_is_closed (gpointer data)
{
  return jm_map_fixture_editor_is_closed (data);
}

void
jm_map_fixture_wait_for_editor_closed (JmMapFixture *fixture)
{
  jm_ui_test_wait_until (editor_is_closed, fixture);
}

typedef struct
{
  JmMapCanvas *canvas;
  const char  *text;
} EditorHolds;

static gboolean
editor_holds (gpointer data)
{
  EditorHolds *wanted = data;
  JmInplaceEditor *editor = jm_map_canvas_get_inplace_editor (wanted->canvas);

  return editor != NULL && g_strcmp0 (jm_inplace_editor_get_text (editor), wanted->text) == 0;
}

/* Types @text into the editor (which selected all of its text when it
 * opened, so the text replaces it) and waits until it is there. */
void
jm_map_fixture_type_into_editor (JmMapFixture *fixture,
                                 const char   *text)
{
  EditorHolds wanted = { jm_window_get_canvas (fixture->window), text };

  jm_ui_test_xdotool ("type", "--delay", "20", text, NULL);
  jm_ui_test_wait_until (editor_holds, &wanted);
}

/* }}} */
