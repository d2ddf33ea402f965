/* test-assistant.c: a map built with the guided assistant, keys and pointer
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "model/jm-kinds.h"
#include "session/jm-assistant.h"
#include "ui/jm-assistant-panel.h"
#include "ui/jm-persona-library-dialog.h"
#include "ui/jm-map-canvas.h"
#include "ui/jm-selection.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

/* Waits, turning the main loop, until @cond holds; fails after 20 s. */
#define WAIT_FOR(cond) G_STMT_START {                                      \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;      \
    while (!(cond) && g_get_monotonic_time () < deadline_)                 \
      {                                                                    \
        if (!g_main_context_iteration (NULL, FALSE))                       \
          g_usleep (2000);                                                 \
      }                                                                    \
    g_assert_true (cond);                                                  \
  } G_STMT_END

static GtkWidget *
child_of (GtkWidget  *widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static JmAssistantPanel *
get_panel (JmWindow *window)
{
  return JM_ASSISTANT_PANEL (child_of (GTK_WIDGET (window), JM_TYPE_WINDOW, "assistant"));
}

static JmWindow *
find_window_but (JmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_WINDOW (toplevel) && JM_WINDOW (toplevel) != window &&
          jm_window_get_document (JM_WINDOW (toplevel)) != NULL)
        return JM_WINDOW (toplevel);
    }
  return NULL;
}

/* Where a point of @widget is on the screen, also in a popover: a popup
 * surface sits where GDK placed it, relative to its parent's, which is a
 * window at (0, 0) here. */
static void
point_on_screen (GtkWidget              *widget,
                 const graphene_point_t *point,
                 int                    *x,
                 int                    *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in_native;
  GdkSurface *surface;
  double dx, dy;

  if (!GTK_IS_POPOVER (native))
    {
      jm_ui_test_point_on_screen (widget, point, x, y);
      return;
    }

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), point, &in_native));
  gtk_native_get_surface_transform (native, &dx, &dy);
  surface = gtk_native_get_surface (native);
  *x = gdk_popup_get_position_x (GDK_POPUP (surface)) + (int) (in_native.x + dx);
  *y = gdk_popup_get_position_y (GDK_POPUP (surface)) + (int) (in_native.y + dy);
}

/* The window that shows the map titled @title, if any. */
static JmWindow *
find_window_showing (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_WINDOW (toplevel) && jm_window_get_document (JM_WINDOW (toplevel)) != NULL &&
          g_strcmp0 (jm_document_get_title (jm_window_get_document (JM_WINDOW (toplevel))), title) == 0)
        return JM_WINDOW (toplevel);
    }
  return NULL;
}

static void
click_at (GtkWidget *widget,
          double     fx,
          double     fy)
{
  graphene_point_t point;
  g_autofree char *sx = NULL, *sy = NULL;
  int x, y;

  jm_ui_test_wait_for_frame (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  graphene_point_init (&point, gtk_widget_get_width (widget) * fx, gtk_widget_get_height (widget) * fy);
  point_on_screen (widget, &point, &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
}

/* Clicks the middle of the panel's control @key. */
static GtkWidget *
click_key (JmAssistantPanel *panel,
           const char       *key)
{
  GtkWidget *widget = jm_assistant_panel_find (panel, key);

  g_test_message ("click %s", key);
  g_assert_nonnull (widget);
  click_at (widget, 0.5, 0.5);
  return widget;
}

static void
keys (const char *key)
{
  jm_ui_test_xdotool ("key", "--delay", "40", key, NULL);
}

static void
type (const char *text)
{
  jm_ui_test_xdotool ("type", "--delay", "30", text, NULL);
}

static void
next_step (JmAssistantPanel *panel,
           JmAssistantStep   expected)
{
  GtkWidget *next = child_of (GTK_WIDGET (panel), JM_TYPE_ASSISTANT_PANEL, "next_button");

  click_at (next, 0.5, 0.5);
  WAIT_FOR (jm_assistant_panel_get_step (panel) == expected);
}

static void
screenshot (JmWindow   *window,
            const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;

  jm_ui_test_wait_for_frame (GTK_WIDGET (window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (window));
  png = jm_ui_test_save_screenshot (texture, name);
  g_test_message ("screenshot: %s", png);
}

/* Clicks the entry @label of the drop-down @key's list. */
static void
choose_in_dropdown (JmAssistantPanel *panel,
                    const char       *key,
                    const char       *label)
{
  GtkWidget *dropdown = click_key (panel, key);
  GtkWidget *found = NULL;

  WAIT_FOR ((found = jm_ui_test_find_label (dropdown, label)) != NULL && gtk_widget_get_mapped (found));
  click_at (found, 0.5, 0.5);
}

/* The map's content in words, ids left out: what the expected file holds. */
static char *
describe (JmDocument *document)
{
  GString *out = g_string_new (NULL);
  JmObjectStore *personas = jm_document_get_personas (document);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (layer);

  g_string_append_printf (out, "title: %s\ndescription: %s\nrank: %d\nlongest duration: %d days\n",
                          jm_document_get_title (document), jm_document_get_description (document),
                          jm_document_get_rank (document), jm_document_get_max_length_days (document));
  for (guint p = 0; p < jm_object_store_get_n_objects (personas); p++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, p);

      g_string_append_printf (out, "persona: %s; role: %s; goals: %s; motivations: %s; frustrations: %s\n",
                              jm_persona_get_name (persona), jm_persona_get_role (persona),
                              jm_persona_get_goals (persona), jm_persona_get_motivations (persona),
                              jm_persona_get_frustrations (persona));
    }
  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    {
      JmStage *stage = jm_object_store_get_object (stages, s);
      const char *stage_id = jm_object_get_id (JM_OBJECT (stage));

      g_string_append_printf (out, "stage: %s\n", jm_stage_get_name (stage));
      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        {
          JmItem *item = jm_object_store_get_object (items, i);
          JmLane *lane = jm_document_lookup_lane (document, jm_item_get_lane_id (item));

          if (g_strcmp0 (jm_item_get_stage_id (item), stage_id) != 0)
            continue;
          g_string_append_printf (out, "  %s in %s: %s; channel %s",
                                  jm_kinds_lookup (JM_TYPE_ITEM_KIND, jm_item_get_kind (item))->nick,
                                  jm_lane_get_name (lane), jm_item_get_title (item),
                                  jm_kinds_lookup (JM_TYPE_CHANNEL, jm_item_get_channel (item))->nick);
          if (jm_item_get_moment (item) != JM_MOMENT_KIND_NONE)
            g_string_append_printf (out, "; moment %s: %s",
                                    jm_kinds_lookup (JM_TYPE_MOMENT_KIND, jm_item_get_moment (item))->nick,
                                    jm_item_get_moment_rationale (item));
          g_string_append_c (out, '\n');
        }
      for (guint p = 0; p < jm_object_store_get_n_objects (personas); p++)
        {
          JmPersona *persona = jm_object_store_get_object (personas, p);
          JmEmotionPoint *point = jm_assistant_find_point (document, persona, stage);

          if (point != NULL)
            g_string_append_printf (out, "  %s feels %+g\n", jm_persona_get_name (persona),
                                    jm_emotion_point_get_score (point));
        }
    }
  g_string_append_printf (out, "points: %u\n", jm_object_store_get_n_objects (jm_layer_get_points (layer)));
  return g_string_free (out, FALSE);
}

static gboolean
file_chooser_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          *(GtkFileChooser **) data = GTK_FILE_CHOOSER (toplevel);
          return TRUE;
        }
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return FALSE;
}

static gboolean
file_chosen (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (data);

  return chosen != NULL;
}

/* Saves the new map of @window as @path, with Ctrl+S and the Save dialog. */
static void
save_as (JmWindow   *window,
         const char *path)
{
  GtkFileChooser *chooser = NULL;

  keys ("ctrl+s");
  jm_ui_test_wait_until (file_chooser_shown, &chooser);
  gtk_file_chooser_set_current_name (chooser, path);
  jm_ui_test_wait_until (file_chosen, chooser);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  WAIT_FOR (jm_window_get_file (window) != NULL && g_file_test (path, G_FILE_TEST_EXISTS) &&
            !jm_command_stack_get_modified (jm_window_get_stack (window)));
}

static JmItem *
touchpoint_of (JmDocument *document,
               guint       stage_index,
               JmChannel   channel)
{
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (document), stage_index);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_channel (item) == channel &&
          g_strcmp0 (jm_item_get_stage_id (item), jm_object_get_id (JM_OBJECT (stage))) == 0)
        return item;
    }
  return NULL;
}

static const char *
stage_name (JmDocument *document,
            guint       i)
{
  return jm_stage_get_name (jm_object_store_get_object (jm_document_get_stages (document), i));
}

static guint
count (JmObjectStore *store)
{
  return jm_object_store_get_n_objects (store);
}

/* Whether the focus of @widget's window is on the panel's control @key. */
static gboolean
focus_has_key (GtkWidget  *widget,
               const char *key)
{
  for (GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget)); focus != NULL;
       focus = gtk_widget_get_parent (focus))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (focus), "jm-assistant-key"), key) == 0)
      return TRUE;

  return FALSE;
}

/* Sets persona 0's score in stage @s: a click gives the scale the focus,
 * Home takes it to −5 (a new point), Right presses up to @score. */
static void
set_score (JmAssistantPanel *panel,
           JmDocument       *document,
           guint             s,
           int               score)
{
  g_autofree char *key = g_strdup_printf ("score-0-%u", s);
  GtkWidget *scale = jm_assistant_panel_find (panel, key);
  JmPersona *persona = jm_object_store_get_object (jm_document_get_personas (document), 0);
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (document), s);
  JmEmotionPoint *point;

  g_assert_nonnull (scale);
  click_at (scale, 0.5, 0.3);
  WAIT_FOR (focus_has_key (scale, key));
  keys ("Home");
  WAIT_FOR ((point = jm_assistant_find_point (document, persona, stage)) != NULL &&
            jm_emotion_point_get_score (point) == JM_SCORE_MIN);
  for (int i = (int) JM_SCORE_MIN; i < score; i++)
    keys ("Right");
  WAIT_FOR (jm_emotion_point_get_score (jm_assistant_find_point (document, persona, stage)) == score);
}

/* New Map with Assistant from the main menu, then each step with keys and
 * the pointer only; the map is saved, compared with the expected one, and
 * opened again: the assistant shows every step done. */
static void
test_assistant_builds_map (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  GtkWidget *menu_button = child_of (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW,
                                                          "primary_menu_button");
  GtkWidget *item = NULL;
  JmWindow *window;
  JmAssistantPanel *panel;
  JmDocument *document;
  JmCommandStack *stack;
  JmItem *store;
  g_autofree char *path = g_build_filename (fixture->dir, "passport.jmap", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "assistant-passport.txt", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *built = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *moment_key = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  JmWindow *again;
  guint position;

  click_at (menu_button, 0.5, 0.5);
  WAIT_FOR ((item = jm_ui_test_find_label (menu_button, "New Map with Assistant…")) != NULL &&
            gtk_widget_get_mapped (item));
  click_at (item, 0.5, 0.5);
  WAIT_FOR (find_window_but (fixture->window) != NULL);
  window = find_window_but (fixture->window);
  jm_ui_test_wait_until_map_shown (window);
  panel = get_panel (window);
  document = jm_window_get_document (window);
  stack = jm_window_get_stack (window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)) && gtk_widget_get_width (GTK_WIDGET (panel)) > 300);
  g_assert_cmpint (jm_assistant_panel_get_step (panel), ==, JM_ASSISTANT_STEP_OBJECTIVES);
  g_assert_false (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_OBJECTIVES));
  /* The blank map's stages are named already. */
  g_assert_true (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_STAGES));

  /* 1. Objectives: the title has the focus; Tab goes from field to field. */
  WAIT_FOR (gtk_widget_has_focus (jm_assistant_panel_find (panel, "title")) ||
            gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), jm_assistant_panel_find (panel, "title")));
  keys ("ctrl+a");
  type ("Renew a passport");
  WAIT_FOR (g_strcmp0 (jm_document_get_title (document), "Renew a passport") == 0);
  keys ("Tab");
  type ("Find where renewals stall");
  keys ("Tab");
  keys ("ctrl+a");
  type ("2");
  keys ("Tab");
  keys ("ctrl+a");
  type ("30");
  keys ("Tab");
  WAIT_FOR (jm_document_get_max_length_days (document) == 30);
  g_assert_cmpstr (jm_document_get_description (document), ==, "Find where renewals stall");
  g_assert_cmpint (jm_document_get_rank (document), ==, 2);
  WAIT_FOR (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_OBJECTIVES));
  screenshot (window, "assistant-1-objectives.png");
  /* Typing a field is one undo step, however many keys. */
  position = jm_command_stack_get_position (stack);
  g_assert_cmpuint (position, ==, 4);

  /* 2. Personas: the form, then Enter. */
  next_step (panel, JM_ASSISTANT_STEP_PERSONAS);
  click_key (panel, "persona-name");
  type ("Maya");
  keys ("Tab");
  type ("Nurse");
  keys ("Tab");
  type ("Renew before a trip");
  keys ("Tab");
  type ("Travels for work");
  keys ("Tab");
  type ("Queues at the office");
  keys ("Return");
  WAIT_FOR (count (jm_document_get_personas (document)) == 1);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position + 1);
  screenshot (window, "assistant-2-personas.png");

  /* 3. Stages: the three-stage model over the blank map's five (the two
   * left over are empty: removed), one renamed, one added and moved. */
  next_step (panel, JM_ASSISTANT_STEP_STAGES);
  choose_in_dropdown (panel, "stage-model", "Awareness, consideration, decision (3 stages)");
  click_key (panel, "stage-model-apply");
  WAIT_FOR (count (jm_document_get_stages (document)) == 3);
  click_key (panel, "stage-name-2");
  keys ("ctrl+a");
  type ("Apply");
  WAIT_FOR (g_strcmp0 (stage_name (document, 2), "Apply") == 0);
  click_key (panel, "new-stage-name");
  type ("Collect");
  keys ("Return");
  WAIT_FOR (count (jm_document_get_stages (document)) == 4);
  click_key (panel, "stage-up-3");
  WAIT_FOR (g_strcmp0 (stage_name (document, 2), "Collect") == 0);
  g_assert_cmpstr (stage_name (document, 3), ==, "Apply");
  screenshot (window, "assistant-3-stages.png");

  /* 4. Touchpoints: channel chips, one switched on and off again. */
  next_step (panel, JM_ASSISTANT_STEP_TOUCHPOINTS);
  click_key (panel, "channel-0-ad");
  click_key (panel, "channel-1-web");
  click_key (panel, "channel-2-store");
  click_key (panel, "channel-3-web");
  click_key (panel, "channel-3-email");
  WAIT_FOR (touchpoint_of (document, 3, JM_CHANNEL_EMAIL) != NULL);
  click_key (panel, "channel-3-email");
  WAIT_FOR (touchpoint_of (document, 3, JM_CHANNEL_EMAIL) == NULL);
  /* Space on a chip with the focus switches it too. */
  gtk_widget_grab_focus (jm_assistant_panel_find (panel, "channel-1-email"));
  keys ("space");
  WAIT_FOR (touchpoint_of (document, 1, JM_CHANNEL_EMAIL) != NULL);
  /* Tab goes on to the next channel of the stage. */
  WAIT_FOR (focus_has_key (GTK_WIDGET (panel), "channel-1-email"));
  keys ("Tab");
  WAIT_FOR (focus_has_key (GTK_WIDGET (panel), "channel-1-store"));
  WAIT_FOR (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_TOUCHPOINTS));
  screenshot (window, "assistant-4-touchpoints.png");

  /* 5. The store visit is the Moment of Truth. */
  next_step (panel, JM_ASSISTANT_STEP_MOMENTS);
  store = touchpoint_of (document, 2, JM_CHANNEL_STORE);
  g_assert_nonnull (store);
  moment_key = g_strdup_printf ("moment-kind-%s", jm_object_get_id (JM_OBJECT (store)));
  choose_in_dropdown (panel, moment_key, "First Moment of Truth");
  WAIT_FOR (jm_item_get_moment (store) == JM_MOMENT_KIND_FIRST);
  g_free (moment_key);
  moment_key = g_strdup_printf ("moment-rationale-%s", jm_object_get_id (JM_OBJECT (store)));
  click_key (panel, moment_key);
  type ("The photo is checked here");
  WAIT_FOR (g_strcmp0 (jm_item_get_moment_rationale (store), "The photo is checked here") == 0);
  screenshot (window, "assistant-5-moments.png");

  /* 6. Maya's curve. */
  next_step (panel, JM_ASSISTANT_STEP_EMOTIONS);
  set_score (panel, document, 0, 1);
  set_score (panel, document, 1, -2);
  set_score (panel, document, 2, -4);
  set_score (panel, document, 3, 3);
  WAIT_FOR (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_EMOTIONS));
  screenshot (window, "assistant-6-emotions.png");

  /* 7. Nothing missing. */
  next_step (panel, JM_ASSISTANT_STEP_REVIEW);
  WAIT_FOR (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_REVIEW));
  g_assert_null (jm_assistant_panel_find (panel, "check-0"));
  screenshot (window, "assistant-7-review.png");
  for (guint step = 0; step < JM_ASSISTANT_N_STEPS; step++)
    g_assert_true (jm_assistant_panel_get_step_marked (panel, step));

  built = describe (document);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (built, ==, expected);

  save_as (window, path);
  gtk_window_destroy (GTK_WINDOW (window));
  jm_ui_test_iterate ();

  /* Opened again, the map shows its progress, read from its content. */
  file = g_file_new_for_path (path);
  jm_window_open_file (fixture->window, file);
  WAIT_FOR (find_window_showing ("Renew a passport") != NULL);
  again = find_window_showing ("Renew a passport");
  jm_ui_test_wait_until_map_shown (again);
  reopened = describe (jm_window_get_document (again));
  g_assert_cmpstr (reopened, ==, expected);
  panel = get_panel (again);
  click_at (child_of (GTK_WIDGET (again), JM_TYPE_WINDOW, "assistant_button"), 0.5, 0.5);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  for (guint step = 0; step < JM_ASSISTANT_N_STEPS; step++)
    g_assert_true (jm_assistant_panel_get_step_marked (panel, step));
  g_assert_cmpint (jm_assistant_panel_get_step (panel), ==, JM_ASSISTANT_STEP_REVIEW);
  if (again != fixture->window)
    gtk_window_destroy (GTK_WINDOW (again));
  jm_ui_test_iterate ();
  g_unlink (path);
}

/* On a map made without it, the assistant resumes at the first step not
 * done, its list marks what the map has, and a check of the review
 * selects what it names on the canvas. Closing it hides it. */
static void
test_assistant_resume_and_review (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  JmAssistantPanel *panel = get_panel (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmSelection *selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  GtkWidget *revealer = child_of (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW,
                                                       "assistant_revealer");
  g_autoptr(GPtrArray) checks = jm_assistant_check (document);
  JmAssistantCheck *first;
  JmObject *selected;
  GtkWidget *close;

  g_assert_cmpuint (checks->len, >, 0);
  first = checks->pdata[0];

  click_at (child_of (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, "assistant_button"),
            0.5, 0.5);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)) && gtk_widget_get_width (GTK_WIDGET (panel)) > 300);
  g_assert_cmpint (jm_assistant_panel_get_step (panel), ==, jm_assistant_first_step_to_do (document));
  for (guint step = 0; step < JM_ASSISTANT_N_STEPS; step++)
    g_assert_true (jm_assistant_panel_get_step_marked (panel, step) == jm_assistant_step_is_done (document, step));

  click_key (panel, "step-6");
  WAIT_FOR (jm_assistant_panel_get_step (panel) == JM_ASSISTANT_STEP_REVIEW);
  screenshot (fixture->window, "assistant-review-example.png");
  click_key (panel, "check-0");
  WAIT_FOR ((selected = jm_selection_get_primary (selection)) != NULL);
  g_assert_cmpstr (jm_object_get_id (selected), ==, first->object_id);

  click_key (panel, "step-0");
  WAIT_FOR (jm_assistant_panel_get_step (panel) == JM_ASSISTANT_STEP_OBJECTIVES);
  close = child_of (GTK_WIDGET (panel), JM_TYPE_ASSISTANT_PANEL, "close_button");
  click_at (close, 0.5, 0.5);
  WAIT_FOR (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (panel)));

  /* An edit while it is closed shows when it opens again. */
  g_assert_true (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_OBJECTIVES));
  g_assert_true (jm_edit_set_string (jm_window_get_stack (fixture->window), document, "description", NULL, 0, NULL));
  click_at (child_of (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, "assistant_button"), 0.5, 0.5);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_false (jm_assistant_panel_get_step_marked (panel, JM_ASSISTANT_STEP_OBJECTIVES));
}

static gboolean
library_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_PERSONA_LIBRARY_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        {
          *(GtkWindow **) data = GTK_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

/* The personas step takes personas from the library too, through the
 * window's library dialog. */
static void
test_assistant_persona_library (JmMapFixture  *fixture,
                                gconstpointer  data)
{
  JmAssistantPanel *panel = get_panel (fixture->window);
  GtkWindow *dialog = NULL;

  click_at (child_of (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, "assistant_button"), 0.5, 0.5);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)) && gtk_widget_get_width (GTK_WIDGET (panel)) > 300);
  click_key (panel, "step-1");
  WAIT_FOR (jm_assistant_panel_get_step (panel) == JM_ASSISTANT_STEP_PERSONAS);
  click_key (panel, "persona-library");
  jm_ui_test_wait_until (library_dialog_shown, &dialog);
  gtk_window_destroy (dialog);
}

int
main (int    argc,
      char **argv)
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/assistant/builds-map", test_assistant_builds_map);
  jm_map_fixture_add ("/assistant/resume-and-review", test_assistant_resume_and_review);
  jm_map_fixture_add ("/assistant/persona-library", test_assistant_persona_library);

  return jm_map_fixture_run ();
}
