/* test-matrix-view.c: the priority matrix the size of the canvas
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "render/jm-priority-matrix.h"
#include "render/jm-theme.h"
#include "ui/jm-insights-panel.h"
#include "ui/jm-inspector.h"
#include "ui/jm-matrix-view.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static GObject *
window_child (JmMapFixture *fixture,
              const char   *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
selection_holds (gpointer data)
{
  gpointer *pair = data;

  return g_list_model_get_n_items (G_LIST_MODEL (pair[0])) == 1 && jm_selection_peek (pair[0], 0) == pair[1];
}

static gboolean
inspector_shows (gpointer data)
{
  gpointer *pair = data;

  return jm_inspector_get_object (pair[0]) == pair[1];
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
dot_focused (gpointer data)
{
  gpointer *pair = data;

  return jm_matrix_view_get_focused (pair[0]) == pair[1];
}

static void
wait_focused (JmMatrixView *view,
              JmItem       *item)
{
  gpointer pair[2] = { view, item };

  jm_ui_test_wait_until (dot_focused, pair);
}

static void
set_scores (JmMapFixture *fixture,
            const char   *id,
            double        customer_value,
            double        business_value,
            double        effort)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *item = jm_map_fixture_item (fixture, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_double (stack, item, "customer-value", customer_value, 0, &error));
  g_assert_true (jm_edit_set_double (stack, item, "business-value", business_value, 0, &error));
  g_assert_true (jm_edit_set_double (stack, item, "effort", effort, 0, &error));
  g_assert_no_error (error);
}

/* Where a widget's point is on screen, as xdotool's two arguments. */
static void
screen_point (GtkWidget *widget,
              double     x,
              double     y,
              char     **sx,
              char     **sy)
{
  int rx, ry;

  jm_ui_test_point_on_screen (widget, &GRAPHENE_POINT_INIT (x, y), &rx, &ry);
  *sx = g_strdup_printf ("%d", rx);
  *sy = g_strdup_printf ("%d", ry);
}

static void
click_widget (GtkWidget *widget)
{
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  screen_point (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, &sx, &sy);
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
}

static gboolean
color_near (guint32 pixel,
            JmColor color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) round (color.red * 255)) <= 8 && ABS (g - (int) round (color.green * 255)) <= 8 &&
         ABS (b - (int) round (color.blue * 255)) <= 8;
}

/* The Insights panel's button opens the matrix in the place of the map;
 * a click on a dot selects its opportunity and the inspector shows it; an
 * edit of its scores moves the dot; hovering a dot shows its title; the
 * arrows walk the dots, naming the focused one; Escape goes back. */
static void
test_matrix_view_open_click_keys (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  JmMatrixView *view = JM_MATRIX_VIEW (window_child (fixture, "matrix_view"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (jm_window_get_canvas (fixture->window)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  JmInsightsPanel *panel = JM_INSIGHTS_PANEL (window_child (fixture, "insights_panel"));
  JmInspector *inspector = JM_INSPECTOR (window_child (fixture, "inspector"));
  JmSelection *selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel), JM_TYPE_INSIGHTS_PANEL,
                                                                 "matrix_button"));
  JmItem *fee = jm_map_fixture_item (fixture, "opp-fee-calculator");
  JmItem *slot = jm_map_fixture_item (fixture, "opp-hold-slot");
  const JmTheme *theme = jm_theme_get (JM_THEME_LIGHT);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  g_autofree char *label = NULL;
  gpointer pair[2];
  double x, y, moved_x, moved_y;
  int map_width, map_height;

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  /* a quick win and a big bet; the other opportunities have no scores */
  set_scores (fixture, "opp-fee-calculator", 80, 60, 2);
  set_scores (fixture, "opp-hold-slot", 70, 90, 4.5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_visible (scrolled));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-insights", NULL));
  jm_ui_test_wait_until_mapped (button);
  jm_ui_test_wait_until (revealed, window_child (fixture, "insights_revealer"));
  jm_ui_test_wait_for_frame (button);
  map_width = gtk_widget_get_width (scrolled);
  map_height = gtk_widget_get_height (scrolled);
  click_widget (button);
  jm_ui_test_wait_until_mapped (GTK_WIDGET (view));
  g_assert_false (gtk_widget_get_visible (scrolled));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  jm_ui_test_wait_for_frame (GTK_WIDGET (view));
  /* in the place of the canvas, at its size */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), ==, map_width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), ==, map_height);

  /* a click on the dot of the fee calculator */
  g_assert_true (jm_matrix_view_dot_position (view, fee, &x, &y));
  screen_point (GTK_WIDGET (view), x, y, &sx, &sy);
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
  pair[0] = selection;
  pair[1] = fee;
  jm_ui_test_wait_until (selection_holds, pair);
  pair[0] = inspector;
  jm_ui_test_wait_until (inspector_shows, pair);

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  png = jm_ui_test_save_screenshot (texture, "matrix-view.png");
  g_test_message ("The full-size matrix, the fee calculator selected: %s", png);
  g_clear_object (&texture);

  /* hovering the dot shows the opportunity's title */
  jm_ui_test_xdotool ("mousemove", sx, sy, "mousemove_relative", "--", "1", "1", NULL);
  jm_ui_test_wait_for_label (GTK_WIDGET (fixture->window), jm_item_get_title (fee));

  /* a lower value moves the dot down, at once */
  g_assert_true (jm_edit_set_double (stack, fee, "business-value", 0, 0, &error));
  g_assert_no_error (error);
  g_assert_true (jm_matrix_view_dot_position (view, fee, &moved_x, &moved_y));
  g_assert_cmpfloat (moved_x, ==, x);
  g_assert_cmpfloat (moved_y, >, y + 50);
  jm_ui_test_wait_for_frame (GTK_WIDGET (view));
  texture = jm_ui_test_render_widget (GTK_WIDGET (view));
  g_assert_true (color_near (jm_ui_test_texture_pixel (texture, (int) moved_x, (int) moved_y),
                             theme->opportunity));
  g_assert_false (color_near (jm_ui_test_texture_pixel (texture, (int) x, (int) y), theme->opportunity));
  g_clear_object (&texture);

  /* the arrows: Right to the next dot by effort, the hold slot */
  jm_ui_test_xdotool ("key", "Right", NULL);
  wait_focused (view, slot);
  pair[0] = selection;
  pair[1] = slot;
  jm_ui_test_wait_until (selection_holds, pair);
  label = jm_matrix_view_dup_accessible_label (view);
  g_assert_nonnull (strstr (label, jm_item_get_title (slot)));
  g_assert_nonnull (strstr (label, jm_priority_matrix_quadrant_name (JM_QUADRANT_BIG_BETS)));
  g_clear_pointer (&label, g_free);
  /* the last one: Right stays */
  jm_ui_test_xdotool ("key", "Right", NULL);
  wait_focused (view, slot);
  /* Down by value: the fee calculator, now the lowest */
  jm_ui_test_xdotool ("key", "Down", NULL);
  wait_focused (view, fee);
  jm_ui_test_xdotool ("key", "Up", NULL);
  wait_focused (view, slot);
  jm_ui_test_xdotool ("key", "Left", NULL);
  wait_focused (view, fee);
  label = jm_matrix_view_dup_accessible_label (view);
  g_assert_nonnull (strstr (label, jm_item_get_title (fee)));
  g_assert_nonnull (strstr (label, jm_priority_matrix_quadrant_name (JM_QUADRANT_MAYBES)));

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  g_clear_pointer (&png, g_free);
  png = jm_ui_test_save_screenshot (texture, "matrix-view-keys.png");
  g_test_message ("The full-size matrix after the arrows: %s", png);

  /* Escape: back to the map, the panel's button up */
  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_ui_test_wait_until (widget_hidden, view);
  jm_ui_test_wait_until (widget_visible, scrolled);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (jm_window_get_canvas (fixture->window))));
  /* the selection stays: the canvas shows the opportunity selected */
  pair[0] = selection;
  pair[1] = fee;
  g_assert_true (selection_holds (pair));
}

/* Hiding the Insights panel (Ctrl+I) takes the matrix away with its
 * button: the map is back, with the keys. */
static void
test_matrix_view_panel_hidden (JmMapFixture  *fixture,
                               gconstpointer  data)
{
  JmMatrixView *view = JM_MATRIX_VIEW (window_child (fixture, "matrix_view"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (jm_window_get_canvas (fixture->window)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  JmInsightsPanel *panel = JM_INSIGHTS_PANEL (window_child (fixture, "insights_panel"));
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel), JM_TYPE_INSIGHTS_PANEL,
                                                                 "matrix_button"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-insights", NULL));
  jm_ui_test_wait_until_mapped (button);
  jm_ui_test_wait_until (revealed, window_child (fixture, "insights_revealer"));
  jm_ui_test_wait_for_frame (button);
  click_widget (button);
  jm_ui_test_wait_until_mapped (GTK_WIDGET (view));
  g_assert_false (gtk_widget_get_visible (scrolled));

  jm_ui_test_xdotool ("key", "ctrl+i", NULL);
  jm_ui_test_wait_until (widget_hidden, view);
  jm_ui_test_wait_until (widget_visible, scrolled);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (jm_window_get_canvas (fixture->window))));
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/matrix-view/open-click-keys", test_matrix_view_open_click_keys);
  jm_map_fixture_add ("/ui/matrix-view/panel-hidden", test_matrix_view_panel_hidden);

  return jm_map_fixture_run ();
}
