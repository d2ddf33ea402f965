/* test-insights-panel.c: the insights beside the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "render/jm-priority-matrix.h"
#include "ui/jm-insights-panel.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static JmInsightsPanel *
find_panel (JmMapFixture *fixture)
{
  GObject *panel = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, "insights_panel");

  g_assert_true (JM_IS_INSIGHTS_PANEL (panel));
  return JM_INSIGHTS_PANEL (panel);
}

static GtkListBox *
checks_list (JmInsightsPanel *panel)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (panel), JM_TYPE_INSIGHTS_PANEL, "checks_list");

  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

static gboolean
panel_computed (gpointer data)
{
  return jm_insights_panel_get_insights (data) != NULL && !jm_insights_panel_is_pending (data);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop for @ms milliseconds. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  jm_ui_test_wait_until (flag_set, &done);
}

static gboolean
panel_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
panel_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_parent (data)));
}

static gboolean
selection_holds (gpointer data)
{
  gpointer *pair = data;

  return g_list_model_get_n_items (G_LIST_MODEL (pair[0])) == 1 && jm_selection_peek (pair[0], 0) == pair[1];
}

/* Scrolls the panel so that @row shows near its top. */
static void
scroll_to (JmInsightsPanel *panel,
           GtkWidget       *row)
{
  GObject *scrolled = gtk_widget_get_template_child (GTK_WIDGET (panel), JM_TYPE_INSIGHTS_PANEL, "scrolled_window");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t top;

  g_assert_true (gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 24);
  jm_ui_test_wait_for_frame (GTK_WIDGET (panel));
}

static void
show_panel (JmMapFixture    *fixture,
            JmInsightsPanel *panel)
{
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-insights", NULL));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (panel));
  jm_ui_test_wait_until (panel_computed, panel);
  jm_ui_test_wait_until (panel_revealed, panel);
}

/* Ctrl+I shows the panel: the chart and a row for each check of the
 * state shown; a click on a check selects its object. */
static void
test_insights_panel_shown (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmInsightsPanel *panel = find_panel (fixture);
  JmSelection *selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  JmDocument *document = jm_window_get_document (fixture->window);
  JmInsights *insights;
  JmInsightCheck *check;
  GtkListBoxRow *row;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  graphene_point_t middle;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  gpointer pair[2];
  int x, y;

  show_panel (fixture, panel);
  insights = jm_insights_panel_get_insights (panel);
  g_assert_cmpint (insights->state, ==, JM_LAYER_STATE_CURRENT);
  /* the grocery example: five pain points, none linked to an opportunity */
  g_assert_cmpuint (insights->checks->len, ==, 5);
  g_assert_cmpuint (count_rows (checks_list (panel)), ==, insights->checks->len);

  jm_ui_test_wait_for_frame (GTK_WIDGET (panel));
  texture = jm_ui_test_render_widget (GTK_WIDGET (panel));
  png = jm_ui_test_save_screenshot (texture, "insights-panel.png");
  g_test_message ("The insights panel: %s", png);
  g_clear_object (&texture);
  g_clear_pointer (&png, g_free);
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  png = jm_ui_test_save_screenshot (texture, "insights-window.png");
  g_test_message ("The window with the insights: %s", png);

  /* the third check, clicked on screen */
  check = g_ptr_array_index (insights->checks, 2);
  g_assert_cmpint (check->kind, ==, JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT);
  row = gtk_list_box_get_row_at_index (checks_list (panel), 2);
  scroll_to (panel, GTK_WIDGET (row));
  middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (GTK_WIDGET (row)) / 2.0,
                                gtk_widget_get_height (GTK_WIDGET (row)) / 2.0);
  jm_ui_test_point_on_screen (GTK_WIDGET (row), &middle, &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  /* not jm_ui_test_click (), which waits for the canvas's gesture */
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
  pair[0] = selection;
  pair[1] = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), check->object_id);
  g_assert_nonnull (pair[1]);
  jm_ui_test_wait_until (selection_holds, pair);
}

/* An edit shows in the panel a little later; while hidden, the panel
 * computes nothing, and catches up when shown again. */
static void
test_insights_panel_follows_edits (JmMapFixture  *fixture,
                                   gconstpointer  data)
{
  JmInsightsPanel *panel = find_panel (fixture);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  g_autoptr(GError) error = NULL;
  JmInsights *shown;
  JmInsightCheck *check;
  JmItem *pain, *opportunity;

  show_panel (fixture, panel);
  shown = jm_insights_panel_get_insights (panel);
  check = g_ptr_array_index (shown->checks, 0);
  pain = jm_layer_lookup_item (layer, check->object_id);
  opportunity = jm_map_fixture_item (fixture, "opp-fee-calculator");

  /* an opportunity answers the first pain point */
  g_assert_nonnull (jm_edit_add_link (stack, JM_LAYER_STATE_CURRENT, jm_object_get_id (JM_OBJECT (opportunity)),
                                      jm_object_get_id (JM_OBJECT (pain)), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jm_insights_panel_is_pending (panel));
  jm_ui_test_wait_until (panel_computed, panel);
  g_assert_cmpuint (jm_insights_panel_get_insights (panel)->checks->len, ==, 4);
  g_assert_cmpuint (count_rows (checks_list (panel)), ==, 4);

  /* hidden: an undo leaves the panel as it was until shown again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-insights", NULL));
  jm_ui_test_wait_until (panel_computed, panel);
  jm_ui_test_wait_until (panel_unmapped, panel);
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_insights_panel_is_pending (panel));
  /* well past the delay after an edit */
  wait_ms (1000);
  g_assert_true (jm_insights_panel_is_pending (panel));
  g_assert_cmpuint (jm_insights_panel_get_insights (panel)->checks->len, ==, 4);

  show_panel (fixture, panel);
  g_assert_cmpuint (jm_insights_panel_get_insights (panel)->checks->len, ==, 5);
  g_assert_cmpuint (count_rows (checks_list (panel)), ==, 5);
}

/* A click on an opportunity's dot in the priority matrix selects it. */
static void
test_insights_panel_matrix_click (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  JmInsightsPanel *panel = find_panel (fixture);
  JmSelection *selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *opportunity = jm_map_fixture_item (fixture, "opp-fee-calculator");
  GtkWidget *matrix = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel), JM_TYPE_INSIGHTS_PANEL,
                                                                 "matrix"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  double mx, my, scale;
  graphene_point_t dot;
  gpointer pair[2];
  int x, y;

  g_assert_true (GTK_IS_DRAWING_AREA (matrix));
  g_assert_true (jm_edit_set_double (stack, opportunity, "customer-value", 80, 0, &error));
  g_assert_true (jm_edit_set_double (stack, opportunity, "business-value", 60, 0, &error));
  g_assert_true (jm_edit_set_double (stack, opportunity, "effort", 2, 0, &error));
  g_assert_no_error (error);
  show_panel (fixture, panel);
  scroll_to (panel, matrix);

  texture = jm_ui_test_render_widget (matrix);
  png = jm_ui_test_save_screenshot (texture, "insights-matrix.png");
  g_test_message ("The priority matrix in the panel: %s", png);

  /* where the panel draws the dot: the matrix scaled to the area, centred */
  g_assert_true (jm_priority_matrix_place (opportunity, &mx, &my));
  scale = MIN (gtk_widget_get_width (matrix) / JM_MATRIX_WIDTH, gtk_widget_get_height (matrix) / JM_MATRIX_HEIGHT);
  dot = GRAPHENE_POINT_INIT ((gtk_widget_get_width (matrix) - JM_MATRIX_WIDTH * scale) / 2 + mx * scale,
                             (gtk_widget_get_height (matrix) - JM_MATRIX_HEIGHT * scale) / 2 + my * scale);
  jm_ui_test_point_on_screen (matrix, &dot, &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
  pair[0] = selection;
  pair[1] = opportunity;
  jm_ui_test_wait_until (selection_holds, pair);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/insights-panel/shown", test_insights_panel_shown);
  jm_map_fixture_add ("/ui/insights-panel/follows-edits", test_insights_panel_follows_edits);
  jm_map_fixture_add ("/ui/insights-panel/matrix-click", test_insights_panel_matrix_click);

  return jm_map_fixture_run ();
}
