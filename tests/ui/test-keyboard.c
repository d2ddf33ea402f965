/* test-keyboard.c: the canvas driven from the keyboard alone: the cursor,
 * its focus ring, the selection, the palette's target, and a whole map
 * built and saved without a pointer event
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ui/jm-application.h"
#include "ui/jm-inspector.h"
#include "ui/jm-palette.h"
#include "ui/jm-point-page.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

#define WAIT_FOR(expr) G_STMT_START {                                   \
    gint64 _end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;        \
    while (!(expr))                                                     \
      {                                                                 \
        g_assert_cmpint (g_get_monotonic_time (), <, _end);             \
        jm_ui_test_iterate ();                                          \
      }                                                                 \
  } G_STMT_END

/* Presses each key (xdotool's names) on the focused window, in turn. */
static void
keys (const char *first,
      ...)
{
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    jm_ui_test_xdotool ("key", "--delay", "40", key, NULL);
  va_end (args);
  jm_ui_test_iterate ();
}

static JmMapCanvas *
canvas_of (JmWindow *window)
{
  return jm_window_get_canvas (window);
}

static JmSelection *
selection_of (JmWindow *window)
{
  return jm_map_canvas_get_selection (canvas_of (window));
}

static guint
n_selected (JmWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (selection_of (window)));
}

static gboolean
is_selected_alone (JmWindow *window,
                   gpointer  object)
{
  return n_selected (window) == 1 && jm_selection_peek (selection_of (window), 0) == object;
}

static gboolean
focus_within (JmWindow  *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab (@key "Tab") or Shift+Tab (@key "shift+Tab") until @widget has the
 * focus, as a keyboard user reaches a control. */
static void
tab_to (JmWindow   *window,
        const char *key,
        GtkWidget  *widget)
{
  for (guint i = 0; i < 200 && !focus_within (window, widget); i++)
    keys (key, NULL);

  g_assert_true (focus_within (window, widget));
}

/* Presses @key until the cursor is on @object, at most @most times. */
static void
walk_to (JmWindow   *window,
         const char *key,
         gpointer    object,
         guint       most)
{
  for (guint i = 0; i < most && jm_map_canvas_get_cursor (canvas_of (window), NULL, NULL) != object; i++)
    keys (key, NULL);

  g_assert_true (jm_map_canvas_get_cursor (canvas_of (window), NULL, NULL) == object);
}

static void
focus_canvas (JmMapFixture *fixture)
{
  GtkWidget *canvas = GTK_WIDGET (canvas_of (fixture->window));

  gtk_widget_grab_focus (canvas);
  WAIT_FOR (gtk_widget_has_focus (canvas));
  keys ("Escape", NULL);
  g_assert_cmpuint (n_selected (fixture->window), ==, 0);
}

static gpointer
lookup (JmMapFixture *fixture,
        const char   *id)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  gpointer object = jm_layer_lookup_item (layer, id);

  if (object == NULL)
    object = jm_document_lookup_stage (document, id);
  if (object == NULL)
    object = jm_document_lookup_lane (document, id);
  if (object == NULL)
    object = jm_object_store_lookup (jm_layer_get_points (layer), id);
  g_assert_nonnull (object);

  return object;
}

/* The canvas's accessible label is the cursor's place, its description
 * whether that is selected: what a screen reader reads of the canvas. */
static void
assert_accessible (JmMapCanvas *canvas,
                   const char  *description)
{
  g_autofree char *label_error = NULL;
  g_autofree char *description_error = NULL;

  label_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    jm_map_canvas_get_cursor_label (canvas));
  description_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_cmpstr (label_error, ==, NULL);
  g_assert_cmpstr (description_error, ==, NULL);
}

/* Arrows walk the items of a cell, then the next lane's; Left and Right
 * keep the place in the row; Up from the first lane is the stage's
 * header, Left of the first stage the lane's; the curve's points and an
 * empty cell are places too. Each move selects what it lands on, and the
 * canvas's accessible label names it. */
static void
test_cursor_walk (JmMapFixture  *fixture,
                  gconstpointer  data)
{
  JmWindow *window = fixture->window;
  JmMapCanvas *canvas = canvas_of (window);
  JmStage *stage = NULL;
  JmLane *lane = NULL;

  focus_canvas (fixture);
  /* Focused, the cursor shows on the first item, nothing selected yet. */
  g_assert_true (jm_map_canvas_get_cursor (canvas, NULL, NULL) == lookup (fixture, "item-sees-referral"));

  keys ("Down", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-notices-van")));
  g_assert_true (strstr (jm_map_canvas_get_cursor_label (canvas), "Notices") != NULL);
  assert_accessible (canvas, "Selected");
  keys ("Down", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "thought-worth-a-try")));
  keys ("Right", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "thought-hidden-fees")));
  keys ("Up", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-reads-reviews")));
  keys ("Home", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-checks-area")));
  keys ("End", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-reads-reviews")));
  keys ("Up", "Up", "Up", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "stage-consideration")));
  g_assert_null (jm_map_canvas_get_cursor (canvas, &stage, &lane));
  g_assert_true (stage == lookup (fixture, "stage-consideration"));
  g_assert_null (lane);
  keys ("Left", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "stage-awareness")));
  g_assert_true (strstr (jm_map_canvas_get_cursor_label (canvas), "Awareness") != NULL);
  assert_accessible (canvas, "Selected");
  keys ("Down", "Left", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "lane-actions")));

  /* Down the lanes' headers to the curve's, then into its first point. */
  for (guint i = 0; i < 10 && lane != lookup (fixture, "lane-emotions"); i++)
    {
      keys ("Down", NULL);
      jm_map_canvas_get_cursor (canvas, &stage, &lane);
    }
  g_assert_true (lane == lookup (fixture, "lane-emotions"));
  keys ("Right", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "point-anna-1")));
  g_assert_true (strstr (jm_map_canvas_get_cursor_label (canvas), "Curious") != NULL);
  assert_accessible (canvas, "Selected");

  /* Awareness has no pain point: an empty cell, nothing selected. */
  keys ("Down", NULL);
  for (guint i = 0; i < 5 && lane != lookup (fixture, "lane-pain-points"); i++)
    {
      if (jm_map_canvas_get_cursor (canvas, &stage, &lane) == NULL && lane == lookup (fixture, "lane-pain-points"))
        break;
      keys ("Down", NULL);
    }
  g_assert_null (jm_map_canvas_get_cursor (canvas, &stage, &lane));
  g_assert_true (stage == lookup (fixture, "stage-awareness"));
  g_assert_true (lane == lookup (fixture, "lane-pain-points"));
  g_assert_cmpuint (n_selected (window), ==, 0);
  g_assert_true (g_str_has_prefix (jm_map_canvas_get_cursor_label (canvas), "Empty cell"));
  assert_accessible (canvas, "Not selected");
}

/* Shift+arrows add what the cursor reaches to the selection; Ctrl+arrows
 * move the cursor alone; Space adds what it is on, or takes it out. */
static void
test_shift_ctrl_space (JmMapFixture  *fixture,
                       gconstpointer  data)
{
  JmWindow *window = fixture->window;
  JmSelection *selection = selection_of (window);

  focus_canvas (fixture);
  keys ("Down", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-notices-van")));
  keys ("shift+Up", NULL);
  g_assert_cmpuint (n_selected (window), ==, 2);
  g_assert_true (jm_selection_contains (selection, lookup (fixture, "item-sees-referral")));
  g_assert_true (jm_selection_contains (selection, lookup (fixture, "item-notices-van")));

  /* Ctrl moves on without touching the selection. */
  keys ("ctrl+Right", NULL);
  g_assert_true (jm_map_canvas_get_cursor (canvas_of (window), NULL, NULL) == lookup (fixture, "item-checks-area"));
  g_assert_cmpuint (n_selected (window), ==, 2);

  /* Space toggles the item under the cursor, in and out. */
  keys ("space", NULL);
  g_assert_cmpuint (n_selected (window), ==, 3);
  g_assert_true (jm_selection_contains (selection, lookup (fixture, "item-checks-area")));
  keys ("space", NULL);
  g_assert_cmpuint (n_selected (window), ==, 2);
  g_assert_false (jm_selection_contains (selection, lookup (fixture, "item-checks-area")));

  /* A plain arrow starts again from one. */
  keys ("Down", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-compares-prices")));

  /* Space taking an item out leaves the cursor where it is, not on the
   * one item left selected. */
  keys ("ctrl+Down", "space", NULL);
  g_assert_cmpuint (n_selected (window), ==, 2);
  keys ("space", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-compares-prices")));
  g_assert_true (jm_map_canvas_get_cursor (canvas_of (window), NULL, NULL) == lookup (fixture, "item-reads-reviews"));
}

/* The colour the ring is drawn in over a white map: Adwaita's blue accent
 * at half strength. */
static gboolean
is_focus_blue (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return b > 200 && r < 200 && b - r > 60 && g < b;
}

/* The ring around the cursor's item, 2 px outside it, while the canvas
 * has the keyboard's focus; none once the focus is elsewhere. */
static void
test_focus_ring (JmMapFixture  *fixture,
                 gconstpointer  data)
{
  JmWindow *window = fixture->window;
  JmMapCanvas *canvas = canvas_of (window);
  JmItem *item = jm_map_fixture_item (fixture, "item-checks-area");
  g_autoptr(GdkTexture) focused = NULL;
  g_autoptr(GdkTexture) unfocused = NULL;
  g_autofree char *shot = NULL;
  double zoom = jm_map_canvas_get_zoom (canvas);
  double x, y;
  JmRect rect;
  int ring_x, ring_y;

  focus_canvas (fixture);

  keys ("Right", NULL);
  g_assert_true (is_selected_alone (window, item));
  jm_ui_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (jm_layout_get_item_rect (jm_map_canvas_get_layout (canvas), item, &rect));
  g_assert_true (jm_map_canvas_get_object_center (canvas, JM_OBJECT (item), &x, &y));
  /* Left of the card, in the middle of its height: the ring's middle,
   * 2 px beyond the selection's outline (3 map units out, 2 px wide). */
  ring_x = (int) (x - rect.width * zoom / 2 - 3 * zoom - 4);
  ring_y = (int) y;

  focused = jm_ui_test_render_widget (GTK_WIDGET (canvas));
  shot = jm_ui_test_save_screenshot (focused, "keyboard-focus-ring");
  g_test_message ("focus ring: %s", shot);
  g_assert_true (is_focus_blue (jm_ui_test_texture_pixel (focused, ring_x, ring_y)));

  /* Another widget takes the focus: the ring goes. */
  gtk_widget_grab_focus (jm_map_fixture_palette_entry (fixture, "item:card"));
  jm_ui_test_wait_for_frame (GTK_WIDGET (window));
  unfocused = jm_ui_test_render_widget (GTK_WIDGET (canvas));
  g_assert_false (is_focus_blue (jm_ui_test_texture_pixel (unfocused, ring_x, ring_y)));
}

static gboolean
rect_in_view (JmMapCanvas *canvas,
              JmObject    *object)
{
  double zoom = jm_map_canvas_get_zoom (canvas);
  double sx = gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)));
  double sy = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)));
  JmRect rect;

  g_assert_true (jm_layout_get_item_rect (jm_map_canvas_get_layout (canvas), JM_ITEM (object), &rect));
  return rect.x * zoom >= sx && (rect.x + rect.width) * zoom <= sx + gtk_widget_get_width (GTK_WIDGET (canvas)) &&
         rect.y * zoom >= sy && (rect.y + rect.height) * zoom <= sy + gtk_widget_get_height (GTK_WIDGET (canvas));
}

/* Zoomed in, the view scrolls to keep the cursor in sight, and to follow
 * an item moved with Alt+arrows. */
static void
test_scroll_follows (JmMapFixture  *fixture,
                     gconstpointer  data)
{
  JmWindow *window = fixture->window;
  JmMapCanvas *canvas = canvas_of (window);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  JmObject *last = lookup (fixture, "item-reorders");

  jm_map_canvas_set_zoom (canvas, 2.0);
  jm_ui_test_wait_for_frame (GTK_WIDGET (window));
  gtk_adjustment_set_value (hadjustment, 0);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)), 0);
  focus_canvas (fixture);
  g_assert_false (rect_in_view (canvas, last));

  keys ("Right", "Right", "Right", "Right", NULL);
  g_assert_true (is_selected_alone (window, last));
  g_assert_true (rect_in_view (canvas, last));

  /* Back to the first stage, then the card moves right with Alt. */
  keys ("Left", "Left", "Left", "Left", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "item-sees-referral")));
  g_assert_true (rect_in_view (canvas, lookup (fixture, "item-sees-referral")));
  keys ("alt+Right", "alt+Right", "alt+Right", "alt+Right", NULL);
  g_assert_cmpstr (jm_item_get_stage_id (JM_ITEM (lookup (fixture, "item-sees-referral"))), ==, "stage-advocacy");
  g_assert_true (rect_in_view (canvas, lookup (fixture, "item-sees-referral")));
  g_assert_true (jm_map_canvas_get_cursor (canvas, NULL, NULL) == lookup (fixture, "item-sees-referral"));
}

static guint
count_kind (JmMapFixture *fixture,
            const char   *stage_id,
            const char   *lane_id,
            JmItemKind    kind)
{
  return jm_map_fixture_count_cell (fixture, stage_id, lane_id, kind);
}

/* Activates a palette entry with the keyboard: focus, then Return. */
static void
activate_entry (JmMapFixture *fixture,
                const char   *payload)
{
  GtkWidget *entry = jm_map_fixture_palette_entry (fixture, payload);

  gtk_widget_grab_focus (entry);
  WAIT_FOR (gtk_widget_has_focus (entry));
  keys ("Return", NULL);
}

/* A palette entry adds into the selected stage, the selected lane or the
 * cursor's cell, each kind in its lane: a touchpoint never among the
 * customer's actions. The new item is selected, the cursor on it and the
 * canvas focused again. */
static void
test_palette_targets (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  JmWindow *window = fixture->window;
  JmMapCanvas *canvas = canvas_of (window);
  guint touchpoints = count_kind (fixture, "stage-delivery", "lane-touchpoints", JM_ITEM_KIND_TOUCHPOINT);
  guint pains = count_kind (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT);
  guint actions = count_kind (fixture, "stage-delivery", "lane-actions", JM_ITEM_KIND_TOUCHPOINT);
  JmStage *stage = NULL;
  JmLane *lane = NULL;
  JmObject *added;

  /* The cursor on the Delivery stage's header: the stage is selected. */
  focus_canvas (fixture);
  keys ("Right", "Right", "Right", "Up", NULL);
  g_assert_true (is_selected_alone (window, lookup (fixture, "stage-delivery")));
  activate_entry (fixture, "item:touchpoint:email");
  g_assert_cmpuint (count_kind (fixture, "stage-delivery", "lane-touchpoints", JM_ITEM_KIND_TOUCHPOINT), ==,
                    touchpoints + 1);
  added = jm_map_canvas_get_cursor (canvas, &stage, &lane);
  g_assert_true (JM_IS_ITEM (added));
  g_assert_true (is_selected_alone (window, added));
  g_assert_true (lane == lookup (fixture, "lane-touchpoints"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (canvas)));

  /* The cursor on a card of Delivery's actions: a touchpoint still goes
   * to Touchpoints. */
  walk_to (window, "Up", lookup (fixture, "item-unpacks"), 10);
  activate_entry (fixture, "item:touchpoint:web");
  g_assert_cmpuint (count_kind (fixture, "stage-delivery", "lane-actions", JM_ITEM_KIND_TOUCHPOINT), ==, actions);
  g_assert_cmpuint (count_kind (fixture, "stage-delivery", "lane-touchpoints", JM_ITEM_KIND_TOUCHPOINT), ==,
                    touchpoints + 2);

  /* The Pain points lane's header selected: into the first stage. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  jm_map_canvas_select (canvas, lookup (fixture, "lane-pain-points"), FALSE);
  activate_entry (fixture, "item:pain-point");
  g_assert_cmpuint (count_kind (fixture, "stage-awareness", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==,
                    pains + 1);
  added = jm_map_canvas_get_cursor (canvas, NULL, NULL);
  g_assert_cmpstr (jm_item_get_lane_id (JM_ITEM (added)), ==, "lane-pain-points");
}

/* Normalises the ids the editor made (random hex) to their order of
 * appearance, so that a saved map compares with an expected one. */
static char *
normalise_ids (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(item|point|link|persona)-[0-9a-f]{8}\\b", 0, 0, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMatchInfo) match = NULL;
  GString *out = g_string_new (NULL);
  const char *rest = text;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *id = g_match_info_fetch (match, 0);
      g_autofree char *kind = g_match_info_fetch (match, 1);
      const char *name;
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      name = g_hash_table_lookup (seen, id);
      if (name == NULL)
        {
          name = g_strdup_printf ("%s-%u", kind, g_hash_table_size (seen) + 1);
          g_hash_table_insert (seen, g_strdup (id), (char *) name);
        }
      g_string_append_len (out, rest, text + start - rest);
      g_string_append (out, name);
      rest = text + end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, rest);

  return g_string_free (out, FALSE);
}

static GtkFileChooser *
shown_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER (toplevel);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return NULL;
}

static JmItem *
only_item_of_kind (JmDocument *document,
                   JmItemKind  kind)
{
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmItem *found = NULL;

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_kind (item) == kind)
        {
          g_assert_null (found);
          found = item;
        }
    }
  g_assert_nonnull (found);

  return found;
}

static void
edit_text (JmWindow   *window,
           const char *text)
{
  keys ("F2", NULL);
  WAIT_FOR (!gtk_widget_has_focus (GTK_WIDGET (canvas_of (window))));
  keys ("ctrl+a", NULL);
  jm_ui_test_xdotool ("type", "--delay", "30", text, NULL);
  keys ("Return", NULL);
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (canvas_of (window))));
}

/* The test: a map built from a new blank one with the keyboard
 * alone (palette, inspector and map reached by Tab and Shift+Tab), saved,
 * and compared with the map it should be. */
static void
test_build_map (JmMapFixture  *fixture,
                gconstpointer  data)
{
  JmWindow *window = jm_application_create_window (JM_APPLICATION (g_application_get_default ()));
  g_autofree char *dir = g_dir_make_tmp ("jm-keyboard-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "built.jmap", NULL);
  g_autofree char *expected_path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "tests", "data",
                                                     "keyboard-built.jmap", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *saved_normal = NULL;
  g_autofree char *expected_normal = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *canvas_widget;
  JmMapCanvas *canvas;
  JmDocument *document;
  JmCommandStack *stack;
  GtkFileChooser *chooser;
  GtkStack *pages;
  GtkWidget *score;
  JmItem *card, *touchpoint, *pain;
  JmEmotionPoint *point;
  JmStage *stage = NULL;
  JmLane *lane = NULL;
  JmMapFixture blank = { NULL, NULL, window };

  /* The fixture's window steps aside: keys go to the new one. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (window));
  jm_ui_test_wait_until_map_shown (window);
  jm_ui_test_wait_for_frame (GTK_WIDGET (window));
  canvas = canvas_of (window);
  canvas_widget = GTK_WIDGET (canvas);
  document = jm_window_get_document (window);
  stack = jm_window_get_stack (window);

  /* The map by Tab; the cursor starts on the first cell. */
  tab_to (window, "Tab", canvas_widget);
  g_assert_null (jm_map_canvas_get_cursor (canvas, &stage, &lane));
  g_assert_cmpstr (jm_object_get_id (JM_OBJECT (stage)), ==, "stage-awareness");

  /* 1. The first stage renamed in place. */
  keys ("Up", NULL);
  g_assert_true (is_selected_alone (window, jm_document_lookup_stage (document, "stage-awareness")));
  edit_text (window, "Discover");
  g_assert_cmpstr (jm_stage_get_name (jm_document_lookup_stage (document, "stage-awareness")), ==, "Discover");

  /* 2. A card into Discover × Customer actions, titled in place. */
  keys ("Down", NULL);
  tab_to (window, "shift+Tab", jm_map_fixture_palette_entry (&blank, "item:card"));
  keys ("Return", NULL);
  WAIT_FOR (gtk_widget_has_focus (canvas_widget));
  card = only_item_of_kind (document, JM_ITEM_KIND_CARD);
  g_assert_cmpstr (jm_item_get_stage_id (card), ==, "stage-awareness");
  g_assert_cmpstr (jm_item_get_lane_id (card), ==, "lane-actions");
  g_assert_true (jm_map_canvas_get_cursor (canvas, NULL, NULL) == JM_OBJECT (card));
  edit_text (window, "Hears of the shop");

  /* 3. A web touchpoint, aimed at Consideration × Customer actions: it
   * lands in Consideration × Touchpoints. */
  keys ("Right", NULL);
  g_assert_cmpuint (n_selected (window), ==, 0);
  tab_to (window, "shift+Tab", jm_map_fixture_palette_entry (&blank, "item:touchpoint:web"));
  keys ("Return", NULL);
  WAIT_FOR (gtk_widget_has_focus (canvas_widget));
  touchpoint = only_item_of_kind (document, JM_ITEM_KIND_TOUCHPOINT);
  g_assert_cmpstr (jm_item_get_stage_id (touchpoint), ==, "stage-consideration");
  g_assert_cmpstr (jm_item_get_lane_id (touchpoint), ==, "lane-touchpoints");
  edit_text (window, "Landing page");

  /* 4. A pain point, from the Decision stage. */
  keys ("Right", NULL);
  tab_to (window, "shift+Tab", jm_map_fixture_palette_entry (&blank, "item:pain-point"));
  keys ("Return", NULL);
  WAIT_FOR (gtk_widget_has_focus (canvas_widget));
  pain = only_item_of_kind (document, JM_ITEM_KIND_PAIN_POINT);
  g_assert_cmpstr (jm_item_get_stage_id (pain), ==, "stage-decision");
  g_assert_cmpstr (jm_item_get_lane_id (pain), ==, "lane-pain-points");
  edit_text (window, "Fees unclear");

  /* 5. The card made a Moment of Truth. */
  keys ("Left", "Left", NULL);
  jm_map_canvas_get_cursor (canvas, &stage, NULL);
  g_assert_cmpstr (jm_object_get_id (JM_OBJECT (stage)), ==, "stage-awareness");
  walk_to (window, "Up", card, 6);
  g_assert_true (is_selected_alone (window, card));
  tab_to (window, "shift+Tab", jm_map_fixture_palette_entry (&blank, "moment-of-truth"));
  keys ("Return", NULL);
  WAIT_FOR (gtk_widget_has_focus (canvas_widget));
  g_assert_cmpint (jm_item_get_moment (card), ==, JM_MOMENT_KIND_FIRST);

  /* 6. An emotion point on Consideration's curve, scored -2 in the
   * inspector (reached by Tab), then one up with Alt+Up on the map. */
  keys ("Right", NULL);
  tab_to (window, "shift+Tab", jm_map_fixture_palette_entry (&blank, "emotion-point"));
  keys ("Return", NULL);
  WAIT_FOR (gtk_widget_has_focus (canvas_widget));
  point = JM_EMOTION_POINT (jm_map_canvas_get_cursor (canvas, NULL, NULL));
  g_assert_true (JM_IS_EMOTION_POINT (point));
  g_assert_cmpstr (jm_emotion_point_get_stage_id (point), ==, "stage-consideration");
  pages = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (jm_window_get_inspector (window)),
                                                    JM_TYPE_INSPECTOR, "pages"));
  WAIT_FOR (JM_IS_POINT_PAGE (gtk_stack_get_visible_child (pages)));
  score = GTK_WIDGET (gtk_widget_get_template_child (gtk_stack_get_visible_child (pages), JM_TYPE_POINT_PAGE,
                                                     "score_spin"));
  tab_to (window, "Tab", score);
  keys ("ctrl+a", NULL);
  keys ("minus", "2", NULL);
  keys ("Tab", NULL);
  WAIT_FOR (jm_emotion_point_get_score (point) == -2.0);
  tab_to (window, "shift+Tab", canvas_widget);
  g_assert_true (jm_map_canvas_get_cursor (canvas, NULL, NULL) == JM_OBJECT (point));
  keys ("alt+Up", NULL);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, -1.0);

  /* 7. A link: the card, then Shift+arrows on to the touchpoint, Ctrl+L. */
  keys ("Left", NULL);
  walk_to (window, "Up", card, 6);
  g_assert_true (is_selected_alone (window, card));
  keys ("shift+Right", NULL);
  walk_to (window, "shift+Down", touchpoint, 4);
  g_assert_cmpuint (n_selected (window), ==, 2);
  keys ("ctrl+l", NULL);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT))), ==, 1);

  /* 8. The pain point deleted; undone, and done again. */
  walk_to (window, "Right", NULL, 1);
  walk_to (window, "Down", pain, 6);
  g_assert_true (is_selected_alone (window, pain));
  keys ("Delete", NULL);
  g_assert_cmpuint (count_kind (&blank, "stage-decision", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, 0);
  keys ("ctrl+z", NULL);
  g_assert_cmpuint (count_kind (&blank, "stage-decision", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, 1);
  keys ("shift+ctrl+z", NULL);
  g_assert_cmpuint (count_kind (&blank, "stage-decision", "lane-pain-points", JM_ITEM_KIND_PAIN_POINT), ==, 0);

  /* 9. Saved with Ctrl+S: the dialog is given the path. */
  keys ("ctrl+s", NULL);
  WAIT_FOR ((chooser = shown_file_chooser ()) != NULL);
  gtk_file_chooser_set_current_name (chooser, path);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS) && !jm_command_stack_get_modified (stack));

  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  saved_normal = normalise_ids (saved);
  expected_normal = normalise_ids (expected);
  if (g_strcmp0 (saved_normal, expected_normal) != 0)
    g_test_message ("saved map:\n%s", saved);
  g_assert_cmpstr (saved_normal, ==, expected_normal);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps the accessible properties the screen reader
   * would be given, so that the test can read them back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/keyboard/cursor-walk", test_cursor_walk);
  jm_map_fixture_add ("/ui/keyboard/shift-ctrl-space", test_shift_ctrl_space);
  jm_map_fixture_add ("/ui/keyboard/focus-ring", test_focus_ring);
  jm_map_fixture_add ("/ui/keyboard/scroll-follows", test_scroll_follows);
  jm_map_fixture_add ("/ui/keyboard/palette-targets", test_palette_targets);
  jm_map_fixture_add ("/ui/keyboard/build-map", test_build_map);

  return jm_map_fixture_run ();
}
