/* test-search-bar.c: Ctrl+F, the search bar over the map, and its matches
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "ui/jm-application.h"
#include "ui/jm-map-canvas.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

static gpointer
window_child (JmMapFixture *fixture,
              const char   *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, name);
}

static gboolean
search_bar_open (gpointer data)
{
  return gtk_search_bar_get_search_mode (data);
}

static gboolean
search_bar_closed (gpointer data)
{
  return !gtk_search_bar_get_search_mode (data);
}

/* The focus is in the search entry (in the text inside it). */
static gboolean
search_entry_focused (gpointer data)
{
  GtkWidget *entry = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelIs;

static gboolean
label_is (gpointer data)
{
  LabelIs *wanted = data;

  return g_strcmp0 (gtk_label_get_text (wanted->label), wanted->text) == 0;
}

static void
wait_for_count (GtkLabel   *label,
                const char *text)
{
  LabelIs wanted = { label, text };

  g_test_message ("waiting for \"%s\", the count is \"%s\"", text, gtk_label_get_text (label));
  jm_ui_test_wait_until (label_is, &wanted);
}

/* Only @id is selected, and the canvas scrolled to it: where scrolling to
 * it again would leave the view, with its middle across the view (a stage
 * is as tall as the map, so only its left edge is near the top). */
static void
assert_selected_in_view (JmMapCanvas *canvas,
                         const char  *id)
{
  JmSelection *selection = jm_map_canvas_get_selection (canvas);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  double x, y, scroll_x, scroll_y;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_cmpstr (jm_object_get_id (jm_selection_peek (selection, 0)), ==, id);

  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_true (jm_map_canvas_get_object_center (canvas, jm_selection_peek (selection, 0), &x, &y));
  g_test_message ("%s at %.0f, %.0f in a canvas of %d × %d", id, x, y,
                  gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (canvas)));

  scroll_x = gtk_adjustment_get_value (h);
  scroll_y = gtk_adjustment_get_value (v);
  jm_map_canvas_scroll_to_object (canvas, jm_selection_peek (selection, 0));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (h), scroll_x, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (v), scroll_y, 0.5);
}

/* Pixels in the accent colour (Adwaita's blue) where the canvas draws. */
static guint
count_accent_pixels (JmMapCanvas *canvas)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  guint count = 0;
  int width, height;

  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  texture = jm_ui_test_render_widget (GTK_WIDGET (canvas));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixels[(gsize) y * width + x];
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (b > r + 80 && b > g + 30)
          count++;
      }

  return count;
}

/* Ctrl+F opens the search bar with the focus in it; typing a text found
 * in a stage, a card and a persona (in any case) outlines all three, says
 * "1 of 3" and selects the first in map order, scrolled into view; Enter,
 * Shift+Enter and Ctrl+G step through them, each selected and scrolled to;
 * Escape closes the bar and takes the outlines away. */
static void
test_search_steps_through_matches (JmMapFixture  *fixture,
                                   gconstpointer  data)
{
  JmMapCanvas *canvas = window_child (fixture, "canvas");
  GtkSearchBar *bar = window_child (fixture, "search_bar");
  GtkWidget *entry = window_child (fixture, "search_entry");
  GtkLabel *count = window_child (fixture, "search_matches");
  GPtrArray *highlights;
  guint outlined, plain;

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_null (jm_map_canvas_get_highlights (canvas));

  /* Zoomed in and scrolled to the far corner, so that no match is in view
   * unless the canvas scrolls to it. */
  jm_map_canvas_set_zoom (canvas, 2.0);
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));

    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  }
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));

  jm_ui_test_xdotool ("key", "ctrl+f", NULL);
  jm_ui_test_wait_until (search_bar_open, bar);
  jm_ui_test_wait_until (search_entry_focused, entry);
  jm_ui_test_wait_until_mapped (entry);
  jm_ui_test_wait_for_frame (entry);

  jm_ui_test_xdotool ("type", "--delay", "50", "SuperMarket", NULL);
  wait_for_count (count, "1 of 3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "SuperMarket");

  highlights = jm_map_canvas_get_highlights (canvas);
  g_assert_nonnull (highlights);
  g_assert_cmpuint (highlights->len, ==, 3);
  g_assert_cmpstr (jm_object_get_id (g_ptr_array_index (highlights, 0)), ==, "stage-consideration");
  g_assert_cmpstr (jm_object_get_id (g_ptr_array_index (highlights, 1)), ==, "item-compares-prices");
  g_assert_cmpstr (jm_object_get_id (g_ptr_array_index (highlights, 2)), ==, "persona-anna");
  assert_selected_in_view (canvas, "stage-consideration");

  jm_ui_test_xdotool ("key", "Return", NULL);
  wait_for_count (count, "2 of 3");
  assert_selected_in_view (canvas, "item-compares-prices");

  jm_ui_test_xdotool ("key", "Return", NULL);
  wait_for_count (count, "3 of 3");
  assert_selected_in_view (canvas, "persona-anna");

  /* Past the last, around to the first; back from the first, to the last. */
  jm_ui_test_xdotool ("key", "Return", NULL);
  wait_for_count (count, "1 of 3");
  assert_selected_in_view (canvas, "stage-consideration");

  jm_ui_test_xdotool ("key", "shift+Return", NULL);
  wait_for_count (count, "3 of 3");
  assert_selected_in_view (canvas, "persona-anna");

  jm_ui_test_xdotool ("key", "shift+Return", NULL);
  wait_for_count (count, "2 of 3");
  assert_selected_in_view (canvas, "item-compares-prices");

  /* The entry's own next-match and previous-match keys. */
  jm_ui_test_xdotool ("key", "ctrl+g", NULL);
  wait_for_count (count, "3 of 3");
  assert_selected_in_view (canvas, "persona-anna");

  jm_ui_test_xdotool ("key", "shift+ctrl+g", NULL);
  wait_for_count (count, "2 of 3");
  assert_selected_in_view (canvas, "item-compares-prices");
  g_assert_true (search_entry_focused (entry));

  /* The other two matches are outlined in the accent colour as well. */
  outlined = count_accent_pixels (canvas);

  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_ui_test_wait_until (search_bar_closed, bar);
  g_assert_null (jm_map_canvas_get_highlights (canvas));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "");

  plain = count_accent_pixels (canvas);
  g_test_message ("accent pixels: %u with the outlines, %u without", outlined, plain);
  g_assert_cmpuint (outlined, >, plain + 200);

  /* The match selected last stays selected (the view is taller now that
   * the bar is gone, so it is where it was, no longer a third down). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 1);
  g_assert_cmpstr (jm_object_get_id (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0)), ==,
                   "item-compares-prices");
}

/* A text found nowhere says "0 of 0" and leaves the selection alone;
 * clearing the text clears the count and the outlines. */
static void
test_search_no_match (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  JmMapCanvas *canvas = window_child (fixture, "canvas");
  GtkSearchBar *bar = window_child (fixture, "search_bar");
  GtkWidget *entry = window_child (fixture, "search_entry");
  GtkLabel *count = window_child (fixture, "search_matches");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  jm_ui_test_wait_until (search_bar_open, bar);

  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophone");
  wait_for_count (count, "0 of 0");
  g_assert_null (jm_map_canvas_get_highlights (canvas));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-next", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "friend");
  wait_for_count (count, "1 of 3");
  g_assert_nonnull (jm_map_canvas_get_highlights (canvas));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_count (count, "");
  g_assert_null (jm_map_canvas_get_highlights (canvas));
}

static guint
count_items (GPtrArray *objects)
{
  guint n = 0;

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    n += JM_IS_ITEM (g_ptr_array_index (objects, i));

  return n;
}

static gboolean
highlights_shown (gpointer data)
{
  return jm_map_canvas_get_highlights (data) != NULL;
}

static gboolean
highlights_changed_from (gpointer data)
{
  gpointer *pair = data;

  return jm_map_canvas_get_highlights (pair[0]) != pair[1];
}

/* "1 of N", N the number of objects outlined. */
static void
assert_count_of_highlights (JmMapCanvas *canvas,
                            GtkLabel    *count)
{
  g_autofree char *expected = g_strdup_printf ("1 of %u", jm_map_canvas_get_highlights (canvas)->len);

  g_assert_cmpstr (gtk_label_get_text (count), ==, expected);
}

/* The matches are those of the layer shown: switching to the (empty)
 * future state keeps the stage and persona found and drops the current
 * state's cards; switching back finds those again. */
static void
test_search_follows_layer (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmMapCanvas *canvas = window_child (fixture, "canvas");
  GtkSearchBar *bar = window_child (fixture, "search_bar");
  GtkWidget *entry = window_child (fixture, "search_entry");
  GtkLabel *count = window_child (fixture, "search_matches");
  gpointer pair[2] = { canvas, NULL };
  guint n_current;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  jm_ui_test_wait_until (search_bar_open, bar);
  gtk_editable_set_text (GTK_EDITABLE (entry), "slot");
  jm_ui_test_wait_until (highlights_shown, canvas);
  n_current = jm_map_canvas_get_highlights (canvas)->len;
  g_test_message ("%u matches in the current state", n_current);
  g_assert_cmpuint (count_items (jm_map_canvas_get_highlights (canvas)), >=, 3);
  g_assert_cmpuint (count_items (jm_map_canvas_get_highlights (canvas)), <, n_current);
  assert_count_of_highlights (canvas, count);

  pair[1] = jm_map_canvas_get_highlights (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "future"));
  jm_ui_test_wait_until (highlights_changed_from, pair);
  g_assert_nonnull (jm_map_canvas_get_highlights (canvas));
  g_assert_cmpuint (count_items (jm_map_canvas_get_highlights (canvas)), ==, 0);
  assert_count_of_highlights (canvas, count);

  pair[1] = jm_map_canvas_get_highlights (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "current"));
  jm_ui_test_wait_until (highlights_changed_from, pair);
  g_assert_cmpuint (jm_map_canvas_get_highlights (canvas)->len, ==, n_current);
}

/* A touchpoint is found by its channel, as its card shows it; an edit
 * finds again at once: a card renamed to match is outlined and counted,
 * and the undo takes it out again, without the selection moving. */
static void
test_search_channel_and_edits (JmMapFixture  *fixture,
                               gconstpointer  data)
{
  JmMapCanvas *canvas = window_child (fixture, "canvas");
  GtkSearchBar *bar = window_child (fixture, "search_bar");
  GtkWidget *entry = window_child (fixture, "search_entry");
  GtkLabel *count = window_child (fixture, "search_matches");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autoptr(GError) error = NULL;
  GPtrArray *highlights;

  jm_ui_test_xdotool ("key", "ctrl+f", NULL);
  jm_ui_test_wait_until (search_bar_open, bar);
  jm_ui_test_wait_until (search_entry_focused, entry);
  jm_ui_test_wait_until_mapped (entry);

  jm_ui_test_xdotool ("type", "--delay", "50", "Email", NULL);
  wait_for_count (count, "1 of 2");
  highlights = jm_map_canvas_get_highlights (canvas);
  g_assert_cmpuint (highlights->len, ==, 2);
  g_assert_cmpstr (jm_object_get_id (g_ptr_array_index (highlights, 0)), ==, "touch-confirmation-mail");
  g_assert_cmpstr (jm_object_get_id (g_ptr_array_index (highlights, 1)), ==, "touch-newsletter");

  /* The van's card is in the first stage: the first match from now on,
   * while the match selected stays the one it was, now the second. */
  g_assert_true (jm_edit_set_string (stack, van, "title", "Reads the email about green vans", 0, &error));
  g_assert_no_error (error);
  wait_for_count (count, "2 of 3");
  highlights = jm_map_canvas_get_highlights (canvas);
  g_assert_cmpuint (highlights->len, ==, 3);
  g_assert_true (g_ptr_array_index (highlights, 0) == (gpointer) van);
  g_assert_cmpstr (jm_object_get_id (jm_selection_get_primary (jm_map_canvas_get_selection (canvas))), ==,
                   "touch-confirmation-mail");

  g_assert_true (jm_command_stack_undo (stack));
  wait_for_count (count, "1 of 2");
  g_assert_cmpuint (jm_map_canvas_get_highlights (canvas)->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/window/search/steps-through-matches", test_search_steps_through_matches);
  jm_map_fixture_add ("/ui/window/search/no-match", test_search_no_match);
  jm_map_fixture_add ("/ui/window/search/follows-layer", test_search_follows_layer);

  jm_map_fixture_add ("/ui/search-bar/channel-and-edits", test_search_channel_and_edits);

  return jm_map_fixture_run ();
}
