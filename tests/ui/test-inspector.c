/* test-inspector.c: the inspector edits what is selected
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "ui/jm-application.h"
#include "ui/jm-inspector.h"
#include "ui/jm-item-page.h"
#include "ui/jm-items-page.h"
#include "ui/jm-lane-page.h"
#include "ui/jm-link-page.h"
#include "ui/jm-map-page.h"
#include "ui/jm-persona-page.h"
#include "ui/jm-point-page.h"
#include "ui/jm-stage-page.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"


/* A row of a page, found as a child of its template. */
static GtkWidget *
page_child (JmInspectorPage *page,
            GType            type,
            const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), type, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static void
assert_refusal_shown (JmInspector *inspector,
                      gboolean     shown)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (inspector), JM_TYPE_INSPECTOR, "refusal_label");
  JmInspectorPage *page = jm_inspector_get_page (inspector);

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (label)), ==, shown);
  if (!shown)
    return;

  g_assert_nonnull (page);
  g_assert_nonnull (jm_inspector_page_get_refusal (page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, jm_inspector_page_get_refusal (page));
}

/* The inspector edits the selected card; typing is one undo step, and an
 * undo shows in the form. */
static void
test_inspector_edits_selection (JmMapFixture  *fixture,
                                gconstpointer  data)
{
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *original = g_strdup (jm_item_get_title (van));
  GtkWidget *title, *kind, *channel;

  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (jm_window_get_document (fixture->window)));
  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (van), FALSE);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (van));

  title = jm_inspector_get_field (inspector, "title");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, original);

  gtk_editable_set_text (GTK_EDITABLE (title), "Notices");
  gtk_editable_set_text (GTK_EDITABLE (title), "Notices the vans");
  g_assert_cmpstr (jm_item_get_title (van), ==, "Notices the vans");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpstr (jm_item_get_title (van), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, original);

  /* Making it a touchpoint, in its Kind row, shows the channel row; the
   * rows stay the same widgets (a kind row once rebuilt from its own
   * signal handler made libadwaita use the one destroyed). */
  channel = jm_inspector_get_field (inspector, "channel");
  g_assert_nonnull (channel);
  g_assert_false (gtk_widget_get_visible (channel));
  kind = jm_inspector_get_field (inspector, "kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), jm_map_fixture_combo_row_position (kind, "Touchpoint"));
  g_assert_cmpint (jm_item_get_kind (van), ==, JM_ITEM_KIND_TOUCHPOINT);
  jm_ui_test_iterate ();
  g_assert_true (jm_inspector_get_field (inspector, "kind") == kind);
  g_assert_true (jm_inspector_get_field (inspector, "channel") == channel);
  g_assert_true (gtk_widget_get_visible (channel));
  g_assert_true (gtk_widget_get_visible (kind));

  /* A colour chosen is written #rrggbb; the reset button goes back to the
   * theme's colour. */
  {
    GtkWidget *color = jm_inspector_get_field (inspector, "color");
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
test_inspector_point_persona (JmMapFixture  *fixture,
                              gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmEmotionPoint *point = JM_EMOTION_POINT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  GtkWidget *persona;

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (point), FALSE);
  persona = jm_inspector_get_field (inspector, "persona-id");
  g_assert_nonnull (persona);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (persona), 2);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-tom");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpstr (jm_emotion_point_get_persona_id (point), ==, "persona-anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 1);
}

/* An item keeps its picture when it stops being an image, but only an
 * image's picture is written: made an image again in a map without room
 * for it, it stays what it is and the inspector says why. */
static void
test_kind_change_refused_when_the_map_would_not_fit (JmMapFixture  *fixture,
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
  kind_row = jm_inspector_get_field (inspector, "kind");
  g_assert_nonnull (kind_row);
  image = jm_map_fixture_combo_row_position (kind_row, "Image");

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), image);
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Change the Kind");
  jm_alert_close (alert);

  jm_ui_test_iterate ();
  g_assert_cmpint (jm_item_get_kind (picture), ==, JM_ITEM_KIND_CARD);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, jm_map_fixture_combo_row_position (kind_row, "Card"));

  /* The inspector says why too, above the page. */
  assert_refusal_shown (inspector, TRUE);
  g_assert_cmpstr (jm_inspector_page_get_refusal (jm_inspector_get_page (inspector)), !=, NULL);
}

/* Shows @object in the inspector and checks the page of @type shows it. */
static JmInspectorPage *
show_object (JmInspector *inspector,
             GObject     *object,
             GType        type)
{
  JmInspectorPage *page;

  jm_inspector_set_object (inspector, object);
  page = jm_inspector_get_page (inspector);
  g_assert_nonnull (page);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, type));
  g_assert_true (jm_inspector_page_get_object (page) == object);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  return page;
}

/* Each kind of object has its page; selecting only switches pages and
 * fills them: the page and its rows are the same widgets for every
 * object of a kind. */
static void
test_inspector_pages (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmItem *pays = jm_map_fixture_item (fixture, "item-pays");
  JmInspectorPage *item_page;
  GtkWidget *title;

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (jm_inspector_get_page (inspector), JM_TYPE_MAP_PAGE));
  g_assert_true (jm_inspector_page_get_object (jm_inspector_get_page (inspector)) == G_OBJECT (document));

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (van), FALSE);
  item_page = jm_inspector_get_page (inspector);
  g_assert_true (JM_IS_ITEM_PAGE (item_page));
  title = page_child (item_page, JM_TYPE_ITEM_PAGE, "title_row");
  g_assert_true (title == jm_inspector_get_field (inspector, "title"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, jm_item_get_title (van));

  g_assert_true (show_object (inspector, G_OBJECT (pays), JM_TYPE_ITEM_PAGE) == item_page);
  g_assert_true (page_child (item_page, JM_TYPE_ITEM_PAGE, "title_row") == title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, jm_item_get_title (pays));

  show_object (inspector, jm_object_store_lookup (jm_document_get_stages (document), "stage-delivery"),
               JM_TYPE_STAGE_PAGE);
  /* The page left follows its object no more. */
  g_assert_null (jm_inspector_page_get_object (item_page));
  show_object (inspector, jm_object_store_lookup (jm_document_get_lanes (document), "lane-thoughts"),
               JM_TYPE_LANE_PAGE);
  show_object (inspector, jm_object_store_lookup (jm_document_get_personas (document), "persona-tom"),
               JM_TYPE_PERSONA_PAGE);
  show_object (inspector, jm_object_store_lookup (jm_layer_get_points (current), "point-anna-1"),
               JM_TYPE_POINT_PAGE);
  show_object (inspector, jm_object_store_lookup (jm_layer_get_links (current), "link-share-loops-back"),
               JM_TYPE_LINK_PAGE);
  show_object (inspector, G_OBJECT (document), JM_TYPE_MAP_PAGE);

  jm_inspector_set_object (inspector, NULL);
  g_assert_null (jm_inspector_get_page (inspector));
  g_assert_null (jm_inspector_get_object (inspector));
}

static char *
text_view_get_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
undo (JmMapFixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
}

/* Every kind of row writes to the model, typing in one is one step, and
 * an undo shows in the row again. */
static void
test_inspector_rows (JmMapFixture  *fixture,
                     gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmStage *stage = JM_STAGE (jm_object_store_lookup (jm_document_get_stages (document), "stage-delivery"));
  JmLane *lane = JM_LANE (jm_object_store_lookup (jm_document_get_lanes (document), "lane-thoughts"));
  JmPersona *tom = JM_PERSONA (jm_object_store_lookup (jm_document_get_personas (document), "persona-tom"));
  JmEmotionPoint *point = JM_EMOTION_POINT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmInspectorPage *page;
  GtkWidget *row;

  /* A long text: the map's description. */
  {
    g_autofree char *original = g_strdup (jm_document_get_description (document));
    g_autofree char *shown = NULL;
    GtkTextBuffer *buffer;
    GtkTextIter end;

    page = show_object (inspector, G_OBJECT (document), JM_TYPE_MAP_PAGE);
    row = page_child (page, JM_TYPE_MAP_PAGE, "description_view");
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, " A", -1);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "B", -1);
    g_assert_true (g_str_has_suffix (jm_document_get_description (document), " AB"));
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_cmpstr (jm_document_get_description (document), ==, original);
    shown = text_view_get_text (row);
    g_assert_cmpstr (shown, ==, original != NULL ? original : "");
  }

  /* A whole number: the map's rank, within the format's limit. */
  {
    int original = jm_document_get_rank (document);
    GtkAdjustment *adjustment;

    row = page_child (page, JM_TYPE_MAP_PAGE, "rank_spin");
    adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (row));
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, JM_RANK_MAX);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (row), original + 1);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (row), original + 2);
    g_assert_cmpint (jm_document_get_rank (document), ==, original + 2);
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_cmpint (jm_document_get_rank (document), ==, original);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row)), ==, original);
  }

  /* A long text of format 1.1: a stage's presenter's note. */
  {
    GtkTextBuffer *buffer;

    page = show_object (inspector, G_OBJECT (stage), JM_TYPE_STAGE_PAGE);
    row = page_child (page, JM_TYPE_STAGE_PAGE, "presenter_note_view");
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
    gtk_text_buffer_set_text (buffer, "Pause here.", -1);
    g_assert_cmpstr (jm_stage_get_presenter_note (stage), ==, "Pause here.");
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_null (jm_stage_get_presenter_note (stage));
  }

  /* A number: a stage's width. */
  {
    double original = jm_stage_get_width (stage);

    page = show_object (inspector, G_OBJECT (stage), JM_TYPE_STAGE_PAGE);
    row = page_child (page, JM_TYPE_STAGE_PAGE, "width_spin");
    g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (row))), ==,
                       JM_STAGE_MAX_WIDTH);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (row), original + 10);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (row), original + 20);
    g_assert_cmpfloat (jm_stage_get_width (stage), ==, original + 20);
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_cmpfloat (jm_stage_get_width (stage), ==, original);
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (row)), ==, original);
  }

  /* A choice from the kinds table: a lane's kind. */
  {
    page = show_object (inspector, G_OBJECT (lane), JM_TYPE_LANE_PAGE);
    row = page_child (page, JM_TYPE_LANE_PAGE, "kind_row");
    g_assert_cmpint (jm_lane_get_kind (lane), ==, JM_LANE_KIND_THOUGHTS);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                      jm_map_fixture_combo_row_position (row, "Thoughts"));
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), jm_map_fixture_combo_row_position (row, "Backstage"));
    g_assert_cmpint (jm_lane_get_kind (lane), ==, JM_LANE_KIND_BACKSTAGE);
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_cmpint (jm_lane_get_kind (lane), ==, JM_LANE_KIND_THOUGHTS);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                      jm_map_fixture_combo_row_position (row, "Thoughts"));
  }

  /* A switch: a persona made primary. */
  {
    page = show_object (inspector, G_OBJECT (tom), JM_TYPE_PERSONA_PAGE);
    row = page_child (page, JM_TYPE_PERSONA_PAGE, "primary_switch");
    g_assert_false (jm_persona_get_primary (tom));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (row)));
    gtk_switch_set_active (GTK_SWITCH (row), TRUE);
    g_assert_true (jm_persona_get_primary (tom));
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_false (jm_persona_get_primary (tom));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (row)));
  }

  /* A text: an emotion point's feeling, typed twice, one step. */
  {
    g_autofree char *original = g_strdup (jm_emotion_point_get_label (point));

    page = show_object (inspector, G_OBJECT (point), JM_TYPE_POINT_PAGE);
    row = page_child (page, JM_TYPE_POINT_PAGE, "label_row");
    gtk_editable_set_text (GTK_EDITABLE (row), "Rel");
    gtk_editable_set_text (GTK_EDITABLE (row), "Relieved");
    g_assert_cmpstr (jm_emotion_point_get_label (point), ==, "Relieved");
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
    undo (fixture);
    g_assert_cmpstr (jm_emotion_point_get_label (point), ==, original);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original != NULL ? original : "");
  }

  /* A moment of truth shows its rows, the same ones, and hides them on undo. */
  {
    GtkWidget *name, *reason;

    page = show_object (inspector, G_OBJECT (van), JM_TYPE_ITEM_PAGE);
    row = page_child (page, JM_TYPE_ITEM_PAGE, "moment_row");
    name = page_child (page, JM_TYPE_ITEM_PAGE, "moment_label_row");
    reason = page_child (page, JM_TYPE_ITEM_PAGE, "rationale_box");
    g_assert_cmpint (jm_item_get_moment (van), ==, JM_MOMENT_KIND_NONE);
    g_assert_false (gtk_widget_get_visible (name));
    g_assert_false (gtk_widget_get_visible (reason));
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), jm_map_fixture_combo_row_position (row, "Custom"));
    g_assert_cmpint (jm_item_get_moment (van), ==, JM_MOMENT_KIND_CUSTOM);
    g_assert_true (gtk_widget_get_visible (name));
    g_assert_true (gtk_widget_get_visible (reason));
    g_assert_true (page_child (page, JM_TYPE_ITEM_PAGE, "moment_label_row") == name);
    undo (fixture);
    g_assert_cmpint (jm_item_get_moment (van), ==, JM_MOMENT_KIND_NONE);
    g_assert_false (gtk_widget_get_visible (name));
    g_assert_false (gtk_widget_get_visible (reason));
    g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  }
}

/* A name typed longer than the format allows is refused: the map keeps
 * its name, and the inspector says why until an edit goes through or
 * another object is shown. */
static void
test_inspector_refusal_shown (JmMapFixture  *fixture,
                              gconstpointer  data)
{
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autofree char *original = g_strdup (jm_item_get_title (van));
  g_autofree char *too_much = g_strnfill (JM_MAX_NAME_CHARS, 'a');
  GtkWidget *title;
  int end;

  show_object (inspector, G_OBJECT (van), JM_TYPE_ITEM_PAGE);
  assert_refusal_shown (inspector, FALSE);
  title = jm_inspector_get_field (inspector, "title");

  end = g_utf8_strlen (original, -1);
  gtk_editable_insert_text (GTK_EDITABLE (title), too_much, -1, &end);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (title)), -1), >, JM_MAX_NAME_CHARS);
  g_assert_cmpstr (jm_item_get_title (van), ==, original);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  assert_refusal_shown (inspector, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (title), "Notices the van");
  g_assert_cmpstr (jm_item_get_title (van), ==, "Notices the van");
  assert_refusal_shown (inspector, FALSE);

  end = 0;
  gtk_editable_insert_text (GTK_EDITABLE (title), too_much, -1, &end);
  gtk_editable_insert_text (GTK_EDITABLE (title), "more", -1, &end);
  g_assert_cmpstr (jm_item_get_title (van), ==, "Notices the van");
  assert_refusal_shown (inspector, TRUE);
  show_object (inspector, G_OBJECT (jm_map_fixture_item (fixture, "item-pays")), JM_TYPE_ITEM_PAGE);
  assert_refusal_shown (inspector, FALSE);
}

/* A text with a run of more than 2,000 letters without a break shows
 * unwrapped, scrolled sideways (Pango took half a minute to wrap one of
 * 100,000); any other text wraps at words. */
static void
test_inspector_long_run_unwrapped (JmMapFixture  *fixture,
                                   gconstpointer  data)
{
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autofree char *run = g_strnfill (2001, 'a');
  g_autoptr(GError) error = NULL;
  JmInspectorPage *page;
  GtkWidget *body, *scrolled;
  GtkPolicyType hpolicy, vpolicy;

  page = show_object (inspector, G_OBJECT (van), JM_TYPE_ITEM_PAGE);
  body = page_child (page, JM_TYPE_ITEM_PAGE, "body_view");
  scrolled = gtk_widget_get_ancestor (body, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (body)), ==, GTK_WRAP_WORD_CHAR);

  g_assert_true (jm_edit_set_string (stack, van, "body", run, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (body)), ==, GTK_WRAP_NONE);
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), &hpolicy, &vpolicy);
  g_assert_cmpint (hpolicy, ==, GTK_POLICY_AUTOMATIC);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (body)), ==, GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), &hpolicy, &vpolicy);
  g_assert_cmpint (hpolicy, ==, GTK_POLICY_NEVER);
}

/* An inspector without a stack shows an object, read only in effect:
 * no persona to choose for an emotion point, as there is no map to list
 * them from. */
static void
test_inspector_without_stack (JmMapFixture  *fixture,
                              gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  GObject *point = G_OBJECT (jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)), "point-anna-1"));
  JmInspector *inspector = JM_INSPECTOR (g_object_ref_sink (jm_inspector_new ()));
  JmInspectorPage *page;

  jm_inspector_set_object (inspector, point);
  page = jm_inspector_get_page (inspector);
  g_assert_true (JM_IS_POINT_PAGE (page));
  g_assert_null (jm_inspector_page_get_stack (page));
  g_assert_false (gtk_widget_get_visible (page_child (page, JM_TYPE_POINT_PAGE, "persona_row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (page, JM_TYPE_POINT_PAGE, "label_row"))), ==,
                   jm_emotion_point_get_label (JM_EMOTION_POINT (point)) != NULL ?
                   jm_emotion_point_get_label (JM_EMOTION_POINT (point)) : "");

  g_object_unref (inspector);
}

/* An inspector of its own, on a selection of its own: it shows the one
 * selected object, and the map when none or several are selected. */
static void
test_inspector_follows_selection (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObject *card = JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van"));
  JmObject *stage = JM_OBJECT (jm_document_lookup_stage (document, "stage-awareness"));
  JmInspector *inspector = JM_INSPECTOR (g_object_ref_sink (jm_inspector_new ()));
  g_autoptr(JmSelection) selection = jm_selection_new ();

  jm_inspector_set_stack (inspector, jm_window_get_stack (fixture->window));
  jm_inspector_set_selection (inspector, selection);

  jm_selection_select (selection, card);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (card));
  jm_selection_select (selection, stage);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (stage));
  jm_selection_toggle (selection, card);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (document));
  jm_selection_toggle (selection, stage);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (card));
  jm_selection_clear (selection);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (document));

  /* Let go of, it is followed no more. */
  jm_inspector_set_selection (inspector, NULL);
  jm_selection_select (selection, stage);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (document));

  g_object_unref (inspector);
}

static gboolean
selection_has (gpointer data)
{
  gpointer *pair = data;

  return g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (pair[0]))) == GPOINTER_TO_UINT (pair[1]);
}

/* Shift+clicks @item on the canvas, and waits until @n are selected. */
static void
shift_click (JmMapFixture *fixture,
             JmItem       *item,
             guint         n)
{
  gpointer wait[2] = { jm_window_get_canvas (fixture->window), GUINT_TO_POINTER (n) };
  g_autofree char *sx = NULL, *sy = NULL;
  guint ends = jm_ui_test_count_drag_gesture_ends ();
  int x, y;

  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (item), &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  jm_ui_test_xdotool ("mousemove", sx, sy, "keydown", "shift", "click", "1", "keyup", "shift", NULL);
  jm_ui_test_wait_for_drag_gesture_ends (ends + 1);
  jm_ui_test_wait_until (selection_has, wait);
}

/* A row of the several items' page says their values differ. */
static gboolean
row_is_mixed (GtkWidget *row)
{
  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Mixed") == 0;
}

/* The colour button among the suffixes of a row. */
static GtkWidget *
find_color_button (GtkWidget *root)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  if (GTK_IS_COLOR_DIALOG_BUTTON (root))
    return root;
#else
  if (GTK_IS_COLOR_BUTTON (root))
    return root;
#endif

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_color_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_color_button (GtkWidget  *button,
                  const char *color)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, color));
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_color_dialog_button_set_rgba (GTK_COLOR_DIALOG_BUTTON (button), &rgba);
#else
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
#endif
}

/* Three cards selected with Shift+clicks: the inspector shows what they
 * share, and a colour chosen there colours all three as one step, which
 * one undo takes back. A colour they do not share shows as mixed. */
static void
test_inspector_edits_several_items (JmMapFixture  *fixture,
                                    gconstpointer  data)
{
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *cards[] = {
    jm_map_fixture_item (fixture, "item-notices-van"),
    jm_map_fixture_item (fixture, "item-checks-area"),
    jm_map_fixture_item (fixture, "item-compares-prices"),
  };
  JmInspectorPage *page;
  GtkWidget *color_row, *kind_row, *channel_row, *color;
  int x, y;

  jm_map_fixture_scroll_to_cell (fixture, "stage-awareness", "lane-actions");
  jm_map_fixture_object_on_screen (fixture, JM_OBJECT (cards[0]), &x, &y);
  jm_map_fixture_click_to_select (fixture, JM_OBJECT (cards[0]), x, y);
  shift_click (fixture, cards[1], 2);
  shift_click (fixture, cards[2], 3);

  page = jm_inspector_get_page (inspector);
  g_assert_true (JM_IS_ITEMS_PAGE (page));
  g_assert_cmpuint (jm_items_page_get_items (JM_ITEMS_PAGE (page))->len, ==, 3);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (page_child (page, JM_TYPE_ITEMS_PAGE, "group"))),
                   ==, "3 Items");
  kind_row = page_child (page, JM_TYPE_ITEMS_PAGE, "kind_row");
  channel_row = page_child (page, JM_TYPE_ITEMS_PAGE, "channel_row");
  color_row = page_child (page, JM_TYPE_ITEMS_PAGE, "color_row");
  g_assert_false (row_is_mixed (kind_row));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind_row))), ==, "Card");
  g_assert_false (gtk_widget_get_visible (channel_row));
  g_assert_false (row_is_mixed (color_row));

  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;

    jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
    texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    png = jm_ui_test_save_screenshot (texture, "inspector-three-items.png");
  }

  color = find_color_button (color_row);
  g_assert_nonnull (color);
  set_color_button (color, "#3366cc");
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    g_assert_cmpstr (jm_item_get_color (cards[i]), ==, "#3366cc");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    g_assert_null (jm_item_get_color (cards[i]));

  /* One of them coloured on its own: the colour is mixed. */
  g_assert_true (jm_edit_set_string (stack, cards[1], "color", "#aa0000", 0, NULL));
  g_assert_true (row_is_mixed (color_row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL));
  g_assert_false (row_is_mixed (color_row));
}

/* Touchpoints of two channels: the channel shows, mixed, and one choice
 * puts both on it as one step; with a card among them the kind is mixed
 * and the channel hidden. */
static void
test_inspector_several_touchpoints (JmMapFixture  *fixture,
                                    gconstpointer  data)
{
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *ad = jm_map_fixture_item (fixture, "touch-instagram-ad");
  JmItem *referral = jm_map_fixture_item (fixture, "touch-referral-message");
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmInspectorPage *page;
  GtkWidget *kind_row, *channel_row;

  jm_map_canvas_select (canvas, JM_OBJECT (ad), FALSE);
  jm_map_canvas_select (canvas, JM_OBJECT (referral), TRUE);
  page = jm_inspector_get_page (inspector);
  g_assert_true (JM_IS_ITEMS_PAGE (page));
  kind_row = page_child (page, JM_TYPE_ITEMS_PAGE, "kind_row");
  channel_row = page_child (page, JM_TYPE_ITEMS_PAGE, "channel_row");
  g_assert_true (gtk_widget_get_visible (channel_row));
  g_assert_true (row_is_mixed (channel_row));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (channel_row))), ==,
                   "Mixed");

  adw_combo_row_set_selected (ADW_COMBO_ROW (channel_row),
                              jm_map_fixture_combo_row_position (channel_row, "Email"));
  g_assert_cmpint (jm_item_get_channel (ad), ==, JM_CHANNEL_EMAIL);
  g_assert_cmpint (jm_item_get_channel (referral), ==, JM_CHANNEL_EMAIL);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  g_assert_false (row_is_mixed (channel_row));

  jm_map_canvas_select (canvas, JM_OBJECT (van), TRUE);
  g_assert_cmpuint (jm_items_page_get_items (JM_ITEMS_PAGE (page))->len, ==, 3);
  g_assert_true (row_is_mixed (kind_row));
  g_assert_false (gtk_widget_get_visible (channel_row));

  /* Back to one: its own page. */
  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  g_assert_true (JM_IS_ITEM_PAGE (jm_inspector_get_page (inspector)));
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (van));
}

/* An opportunity's scores: shown only for opportunities, written to the
 * model one step each, "not scored" below their ranges, the priority
 * following them. */
static void
test_inspector_opportunity_scores (JmMapFixture  *fixture,
                                   gconstpointer  data)
{
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *opportunity = jm_map_fixture_item (fixture, "opp-fee-calculator");
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  JmInspectorPage *page;
  GtkWidget *group, *customer, *business, *effort, *priority;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;

  page = show_object (inspector, G_OBJECT (van), JM_TYPE_ITEM_PAGE);
  group = page_child (page, JM_TYPE_ITEM_PAGE, "scores_group");
  g_assert_false (gtk_widget_get_visible (group));

  page = show_object (inspector, G_OBJECT (opportunity), JM_TYPE_ITEM_PAGE);
  g_assert_true (gtk_widget_get_visible (group));
  customer = page_child (page, JM_TYPE_ITEM_PAGE, "customer_value_spin");
  business = page_child (page, JM_TYPE_ITEM_PAGE, "business_value_spin");
  effort = page_child (page, JM_TYPE_ITEM_PAGE, "effort_spin");
  priority = page_child (page, JM_TYPE_ITEM_PAGE, "priority_label");

  /* not scored: a dash, and no priority */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (customer)), ==, "–");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (effort)), ==, "–");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "Not scored");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (customer), 80);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (business), 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (effort), 2);
  g_assert_cmpfloat (jm_item_get_customer_value (opportunity), ==, 80);
  g_assert_cmpfloat (jm_item_get_business_value (opportunity), ==, 60);
  g_assert_cmpfloat (jm_item_get_effort (opportunity), ==, 2);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (effort)), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "35");

  jm_ui_test_wait_for_frame (GTK_WIDGET (inspector));
  texture = jm_ui_test_render_widget (GTK_WIDGET (inspector));
  png = jm_ui_test_save_screenshot (texture, "inspector-opportunity-scores.png");
  g_test_message ("The scored opportunity's page: %s", png);

  undo (fixture);
  g_assert_cmpfloat (jm_item_get_effort (opportunity), ==, JM_EFFORT_UNSET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (effort)), ==, "–");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "Not scored");
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/inspector/edits-selection", test_inspector_edits_selection);
  jm_map_fixture_add ("/ui/inspector/edits-several-items", test_inspector_edits_several_items);
  jm_map_fixture_add ("/ui/inspector/several-touchpoints", test_inspector_several_touchpoints);
  jm_map_fixture_add ("/ui/inspector/point-persona", test_inspector_point_persona);
  jm_map_fixture_add ("/ui/inspector/pages", test_inspector_pages);
  jm_map_fixture_add ("/ui/inspector/rows", test_inspector_rows);
  jm_map_fixture_add ("/ui/inspector/refusal-shown", test_inspector_refusal_shown);
  jm_map_fixture_add ("/ui/inspector/long-run-unwrapped", test_inspector_long_run_unwrapped);
  jm_map_fixture_add ("/ui/inspector/without-stack", test_inspector_without_stack);
  jm_map_fixture_add ("/ui/inspector/follows-selection", test_inspector_follows_selection);
  jm_map_fixture_add ("/ui/inspector/kind-change-refused-when-the-map-would-not-fit", test_kind_change_refused_when_the_map_would_not_fit);
  jm_map_fixture_add ("/ui/inspector/opportunity-scores", test_inspector_opportunity_scores);

  return jm_map_fixture_run ();
}
