/* test-edit-in-place.c: editing the texts of a map where they are drawn,
 * with real key and pointer events
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/jm-document.h"
#include "render/jm-theme.h"
#include "ui/jm-application.h"
#include "ui/jm-inplace-editor.h"
#include "ui/jm-map-canvas.h"
#include "ui/jm-palette-entry.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

static GtkAdjustment *
hadjustment (JmMapCanvas *canvas)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
}

static GtkAdjustment *
vadjustment (JmMapCanvas *canvas)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
}

/* Scrolls the text of @object into view and says where on screen a point
 * a little inside it is, for xdotool. */
static void
text_on_screen (JmMapFixture *fixture,
                gpointer      object,
                int          *x,
                int          *y)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  double zoom = jm_map_canvas_get_zoom (canvas);
  graphene_point_t point;
  JmRect rect;

  g_assert_true (jm_layout_get_text_rect (jm_map_canvas_get_layout (canvas), object, &rect, NULL));
  gtk_adjustment_set_value (hadjustment (canvas), rect.x * zoom - 60);
  gtk_adjustment_set_value (vadjustment (canvas), rect.y * zoom - 60);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));

  graphene_point_init (&point,
                       (rect.x + MIN (rect.width / 2, 30)) * zoom - gtk_adjustment_get_value (hadjustment (canvas)),
                       (rect.y + MIN (rect.height / 2, 8)) * zoom - gtk_adjustment_get_value (vadjustment (canvas)));
  jm_ui_test_point_on_screen (GTK_WIDGET (canvas), &point, x, y);
}

/* The editor covers the text of @object as it is drawn at the zoom shown,
 * and types in that text's font at that zoom: it follows the zoom and
 * hides the text beneath. */
static void
assert_editor_covers_text (JmMapFixture *fixture,
                           gpointer      object,
                           JmFont        font)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmInplaceEditor *editor = jm_map_canvas_get_inplace_editor (canvas);
  GtkWidget *entry = jm_inplace_editor_get_entry (editor);
  double zoom = jm_map_canvas_get_zoom (canvas);
  double left, top;
  PangoAttrList *attributes;
  PangoAttrIterator *iterator;
  PangoFontDescription *shown = pango_font_description_new ();
  graphene_rect_t bounds;
  JmRect rect;

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (jm_layout_get_text_rect (jm_map_canvas_get_layout (canvas), object, &rect, NULL));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (editor), GTK_WIDGET (canvas), &bounds));
  left = rect.x * zoom - gtk_adjustment_get_value (hadjustment (canvas));
  top = rect.y * zoom - gtk_adjustment_get_value (vadjustment (canvas));
  g_assert_cmpfloat (bounds.origin.x, <=, left + 1);
  g_assert_cmpfloat (bounds.origin.y, <=, top + 1);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=, left + rect.width * zoom - 1);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >=, top + rect.height * zoom - 1);

  attributes = gtk_entry_get_attributes (GTK_ENTRY (entry));
  g_assert_nonnull (attributes);
  iterator = pango_attr_list_get_iterator (attributes);
  pango_attr_iterator_get_font (iterator, shown, NULL, NULL);
  pango_attr_iterator_destroy (iterator);
  g_assert_cmpfloat_with_epsilon (pango_font_description_get_size (shown) / (double) PANGO_SCALE,
                                  pango_font_description_get_size (jm_theme_peek_font (font)) / (double) PANGO_SCALE * zoom,
                                  0.01);
  pango_font_description_free (shown);
}

static void
save_window_screenshot (JmMapFixture *fixture,
                        const char   *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  png = jm_ui_test_save_screenshot (texture, name);
}

/* Double-click a stage's name at 64 %, type, Enter: one step, undone by
 * Ctrl+Z. The editor is over the name, at the name's size. */
static void
test_rename_stage (JmMapFixture  *fixture,
                   gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmStage *stage = jm_document_lookup_stage (document, "stage-consideration");
  g_autofree char *old = g_strdup (jm_stage_get_name (stage));
  int x, y;

  jm_map_canvas_set_zoom (canvas, 0.64);
  text_on_screen (fixture, stage, &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, stage, NULL);
  g_assert_cmpstr (jm_inplace_editor_get_text (jm_map_canvas_get_inplace_editor (canvas)), ==, old);
  assert_editor_covers_text (fixture, stage, JM_FONT_HEADING);

  jm_map_fixture_type_into_editor (fixture, "Comparing shops");
  save_window_screenshot (fixture, "edit-in-place-stage-64.png");

  /* Zoomed and scrolled while typing, the editor stays on the name. */
  jm_map_canvas_set_zoom (canvas, 1.25);
  assert_editor_covers_text (fixture, stage, JM_FONT_HEADING);
  gtk_adjustment_set_value (hadjustment (canvas), gtk_adjustment_get_value (hadjustment (canvas)) + 40);
  assert_editor_covers_text (fixture, stage, JM_FONT_HEADING);
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "Comparing shops");
  jm_map_fixture_wait_for_editor_closed (fixture);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (canvas)));

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, old);
}

/* Tab keeps the text and moves to the next lane, Shift+Tab back, each
 * rename one step; Escape drops what was typed last. */
static void
test_rename_lanes_with_tab (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmLane *actions = jm_document_lookup_lane (document, "lane-actions");
  JmLane *thoughts = jm_document_lookup_lane (document, "lane-thoughts");
  g_autofree char *actions_name = g_strdup (jm_lane_get_name (actions));
  g_autofree char *thoughts_name = g_strdup (jm_lane_get_name (thoughts));
  int x, y;

  text_on_screen (fixture, actions, &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, actions, NULL);
  assert_editor_covers_text (fixture, actions, JM_FONT_HEADING);

  jm_map_fixture_type_into_editor (fixture, "Doing");
  jm_ui_test_xdotool ("key", "Tab", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  jm_map_fixture_wait_for_editor_on (fixture, thoughts, NULL);
  g_assert_cmpstr (jm_lane_get_name (actions), ==, "Doing");
  g_assert_cmpstr (jm_inplace_editor_get_text (jm_map_canvas_get_inplace_editor (canvas)), ==, thoughts_name);
  g_assert_true (jm_selection_get_primary (jm_map_canvas_get_selection (canvas)) == JM_OBJECT (thoughts));

  jm_map_fixture_type_into_editor (fixture, "Thinking");
  jm_ui_test_xdotool ("key", "shift+Tab", NULL);
  jm_map_fixture_wait_for_position (stack, 2);
  jm_map_fixture_wait_for_editor_on (fixture, actions, NULL);
  g_assert_cmpstr (jm_lane_get_name (thoughts), ==, "Thinking");
  g_assert_cmpstr (jm_inplace_editor_get_text (jm_map_canvas_get_inplace_editor (canvas)), ==, "Doing");

  jm_map_fixture_type_into_editor (fixture, "Never kept");
  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_map_fixture_wait_for_editor_closed (fixture);
  g_assert_cmpstr (jm_lane_get_name (actions), ==, "Doing");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 2);

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_lane_get_name (thoughts), ==, thoughts_name);
  g_assert_cmpstr (jm_lane_get_name (actions), ==, "Doing");
  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_lane_get_name (actions), ==, actions_name);
}

static void
on_changed_while_closing_cb (void)
{
  g_error ("The map changed while its window closed with an edit in place open");
}

/* Escape leaves a persona's name as it was and records nothing; F2 on the
 * selected persona opens the editor again, and Enter keeps the name. */
static void
test_rename_persona (JmMapFixture  *fixture,
                     gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmPersona *tom = JM_PERSONA (jm_object_store_lookup (jm_document_get_personas (document), "persona-tom"));
  int x, y;

  jm_map_canvas_set_zoom (canvas, 0.64);
  text_on_screen (fixture, tom, &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, tom, NULL);
  assert_editor_covers_text (fixture, tom, JM_FONT_HEADING);
  save_window_screenshot (fixture, "edit-in-place-persona-64.png");

  jm_map_fixture_type_into_editor (fixture, "Zed");
  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_map_fixture_wait_for_editor_closed (fixture);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, "Tom Lindqvist");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  g_assert_true (jm_selection_get_primary (jm_map_canvas_get_selection (canvas)) == JM_OBJECT (tom));

  jm_ui_test_xdotool ("key", "F2", NULL);
  jm_map_fixture_wait_for_editor_on (fixture, tom, NULL);
  jm_map_fixture_type_into_editor (fixture, "Tom Lindqvist-Berg");
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, "Tom Lindqvist-Berg");

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, "Tom Lindqvist");

  /* Left open, half typed: the window closes (the fixture's tear-down)
   * without a warning, and without writing to the map as it goes. */
  g_signal_connect (stack, "changed", G_CALLBACK (on_changed_while_closing_cb), NULL);
  jm_ui_test_xdotool ("key", "F2", NULL);
  jm_map_fixture_wait_for_editor_on (fixture, tom, NULL);
  jm_map_fixture_type_into_editor (fixture, "Half typed");
}

/* The map's title: double-click it, type, and click elsewhere on the map:
 * the text is kept, as one step. */
static void
test_rename_map_click_elsewhere (JmMapFixture  *fixture,
                                 gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *old = g_strdup (jm_document_get_title (document));
  int x, y;

  jm_map_canvas_set_zoom (canvas, 0.8);
  text_on_screen (fixture, document, &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, document, NULL);
  g_assert_cmpstr (jm_inplace_editor_get_text (jm_map_canvas_get_inplace_editor (canvas)), ==, old);
  assert_editor_covers_text (fixture, document, JM_FONT_MAP_TITLE);

  jm_map_fixture_type_into_editor (fixture, "Weekly groceries");
  save_window_screenshot (fixture, "edit-in-place-title.png");

  /* Into the map, below the title: the empty foot of a cell in view. */
  jm_map_fixture_cell_on_screen (fixture, "stage-awareness", "lane-actions", &x, &y);
  jm_ui_test_click (x, y, 1);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_document_get_title (document), ==, "Weekly groceries");
  jm_map_fixture_wait_for_editor_closed (fixture);

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_document_get_title (document), ==, old);
}

/* An emotion point's feeling: double-click the point, type, Tab on to the
 * next point of the same curve, Enter. */
static void
test_relabel_points (JmMapFixture  *fixture,
                     gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmEmotionPoint *first = JM_EMOTION_POINT (jm_object_store_lookup (points, "point-tom-1"));
  JmEmotionPoint *second = JM_EMOTION_POINT (jm_object_store_lookup (points, "point-tom-2"));
  int x, y;

  jm_map_fixture_scroll_to (fixture, JM_OBJECT (first));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (first), &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, first, NULL);
  assert_editor_covers_text (fixture, first, JM_FONT_SUBHEADING);

  jm_map_fixture_type_into_editor (fixture, "Doubtful");
  jm_ui_test_xdotool ("key", "Tab", NULL);
  jm_map_fixture_wait_for_editor_on (fixture, second, NULL);
  jm_map_fixture_type_into_editor (fixture, "Puzzled");
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_map_fixture_wait_for_position (stack, 2);
  g_assert_cmpstr (jm_emotion_point_get_label (first), ==, "Doubtful");
  g_assert_cmpstr (jm_emotion_point_get_label (second), ==, "Puzzled");
  jm_map_fixture_wait_for_editor_closed (fixture);
}

/* A double-click on the word of a feeling, not only on its dot, edits it. */
static void
test_relabel_point_by_its_word (JmMapFixture  *fixture,
                                gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmEmotionPoint *confused = JM_EMOTION_POINT (jm_object_store_lookup (points, "point-tom-2"));
  JmRect rect;
  int x, y;

  g_assert_cmpstr (jm_emotion_point_get_label (confused), ==, "Confused");
  text_on_screen (fixture, confused, &x, &y);
  g_assert_true (jm_layout_get_text_rect (jm_map_canvas_get_layout (jm_window_get_canvas (fixture->window)),
                                          confused, &rect, NULL));
  /* Into the word, away from the dot. */
  x += (int) (rect.width / 2 - 30) * jm_map_canvas_get_zoom (jm_window_get_canvas (fixture->window));
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, confused, NULL);
  jm_map_fixture_type_into_editor (fixture, "Lost in fees");
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_emotion_point_get_label (confused), ==, "Lost in fees");
}

/* An editor open on an object that an undo takes away closes, keeping
 * nothing. */
static void
test_editor_closes_when_object_goes (JmMapFixture  *fixture,
                                     gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  g_autoptr(GError) error = NULL;
  JmObject *added;

  g_assert_cmpuint (jm_object_store_get_n_objects (links), >, 0);
  g_assert_true (jm_map_canvas_add_from_palette (canvas, JM_PALETTE_PREFIX "item:card", &error));
  g_assert_no_error (error);
  added = jm_selection_get_primary (jm_map_canvas_get_selection (canvas));
  g_assert_true (jm_map_canvas_edit_in_place (canvas, added));
  jm_map_fixture_wait_for_editor_on (fixture, added, NULL);

  g_assert_true (jm_command_stack_undo (stack));
  jm_map_fixture_wait_for_editor_closed (fixture);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);

  /* A link has no text the canvas edits in place (its label is the
   * inspector's). */
  g_assert_false (jm_map_canvas_edit_in_place (canvas, jm_object_store_get_object (links, 0)));
  g_assert_true (jm_map_fixture_editor_is_closed (fixture));
}

/* Typing in place, then showing the future state: the text typed is kept
 * for the card of the current state, as one step, before it leaves the
 * view. */
static void
test_layer_switch_keeps_text (JmMapFixture  *fixture,
                              gconstpointer  data)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  int x, y;

  jm_map_fixture_scroll_to (fixture, JM_OBJECT (van));
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (van), &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, van, NULL);
  jm_map_fixture_type_into_editor (fixture, "Sees the vans");

  g_object_set (fixture->window, "layer", "future", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_item_get_title (van), ==, "Sees the vans");
  jm_map_fixture_wait_for_editor_closed (fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/edit-in-place/rename-stage", test_rename_stage);
  jm_map_fixture_add ("/ui/edit-in-place/rename-lanes-with-tab", test_rename_lanes_with_tab);
  jm_map_fixture_add ("/ui/edit-in-place/rename-persona", test_rename_persona);
  jm_map_fixture_add ("/ui/edit-in-place/rename-map-click-elsewhere", test_rename_map_click_elsewhere);
  jm_map_fixture_add ("/ui/edit-in-place/relabel-points", test_relabel_points);
  jm_map_fixture_add ("/ui/edit-in-place/relabel-point-by-its-word", test_relabel_point_by_its_word);
  jm_map_fixture_add ("/ui/edit-in-place/editor-closes-when-object-goes", test_editor_closes_when_object_goes);
  jm_map_fixture_add ("/ui/edit-in-place/layer-switch-keeps-text", test_layer_switch_keeps_text);

  return jm_map_fixture_run ();
}
