/* test-team.c: maps shared as files, in the window: compare with a file,
 * merge one, settle its conflicts, and review comments
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "format/jm-xml-reader.h"
#include "io/jm-document-io.h"
#include "merge/jm-diff.h"
#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "ui/jm-comments-panel.h"
#include "ui/jm-compare-panel.h"
#include "ui/jm-conflicts-panel.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

#define ITEM_ID  "item-sees-referral"
#define ITEM_TITLE "Gets a referral code from a friend"
#define OTHER_ID "item-notices-van"
#define OTHER_TITLE "Notices the green vans in her street"

/* A copy of the fixture's map beside it, with @from replaced by @to. */
static GFile *
write_variant (JmMapFixture *fixture,
               const char   *name,
               const char   *from,
               const char   *to,
               const char   *from2,
               const char   *to2)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  if (from != NULL)
    g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  if (from2 != NULL)
    g_assert_cmpuint (g_string_replace (text, from2, to2, 1), ==, 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
remove_variant (GFile *file)
{
  g_autoptr(GError) error = NULL;

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
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

typedef struct
{
  JmSelection *selection;
  gpointer     object;
} SelectionWait;

static gboolean
selection_is (gpointer data)
{
  SelectionWait *wait = data;
  g_autoptr(GPtrArray) objects = jm_selection_dup_objects (wait->selection);

  return objects->len == 1 && objects->pdata[0] == wait->object;
}

static void
save_screenshot (JmMapFixture *fixture,
                 const char   *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  path = jm_ui_test_save_screenshot (texture, name);
  g_test_message ("screenshot: %s", path);
}

static void
set_title (JmMapFixture *fixture,
           const char   *id,
           const char   *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_string (jm_window_get_stack (fixture->window), jm_map_fixture_item (fixture, id),
                                     "title", title, 0, &error));
  g_assert_no_error (error);
}

/* Compare with File… lists the sentences of `journeymap diff FILE MAP`,
 * outlines what they are about, and a click on one selects its object. */
static void
test_compare_with_file (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) other = write_variant (fixture, "colleague.jmap", NULL, NULL, NULL, NULL);
  JmComparePanel *panel = JM_COMPARE_PANEL (jm_window_get_review_panel (fixture->window, JM_TYPE_COMPARE_PANEL));
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  g_autoptr(JmDocument) other_document = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = jm_compare_panel_get_model (panel);
  JmItem *item = jm_map_fixture_item (fixture, ITEM_ID);
  SelectionWait wait = { jm_map_canvas_get_selection (canvas), item };
  GtkWidget *row;
  int x, y;

  set_title (fixture, ITEM_ID, "Gets a code from a friend");

  jm_window_compare_with_file (fixture->window, other);
  jm_ui_test_wait_until (widget_visible, panel);

  /* The same sentences as the command line's, in its order. */
  other_document = jm_document_io_load (other, NULL, NULL, &error);
  g_assert_no_error (error);
  changes = jm_diff_documents (other_document, jm_window_get_document (fixture->window));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, changes->len);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==,
                   ((JmChange *) changes->pdata[0])->sentence);

  /* What changed is outlined on the canvas. */
  g_assert_nonnull (jm_map_canvas_get_highlights (canvas));
  g_assert_cmpuint (jm_map_canvas_get_highlights (canvas)->len, ==, 1);
  g_assert_true (g_ptr_array_index (jm_map_canvas_get_highlights (canvas), 0) == item);

  /* A real click on the row selects the item. */
  jm_map_canvas_clear_selection (canvas);
  jm_ui_test_wait_for_frame (GTK_WIDGET (panel));
  row = jm_ui_test_find_label (GTK_WIDGET (panel), ((JmChange *) changes->pdata[0])->sentence);
  g_assert_nonnull (row);
  jm_ui_test_point_on_screen (row, &GRAPHENE_POINT_INIT (20, 8), &x, &y);
  {
    g_autofree char *sx = g_strdup_printf ("%d", x), *sy = g_strdup_printf ("%d", y);

    jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
  }
  jm_ui_test_wait_until (selection_is, &wait);
  save_screenshot (fixture, "team-compare.png");

  /* A search borrows the outlines; closed, it gives them back. */
  {
    GtkSearchBar *bar = GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       JM_TYPE_WINDOW, "search_bar"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
    gtk_search_bar_set_search_mode (bar, FALSE);
    g_assert_nonnull (jm_map_canvas_get_highlights (canvas));
    g_assert_cmpuint (jm_map_canvas_get_highlights (canvas)->len, ==, 1);
    g_assert_true (g_ptr_array_index (jm_map_canvas_get_highlights (canvas), 0) == item);
  }

  /* An edit is compared again: undone, the maps are the same. */
  jm_command_stack_undo (jm_window_get_stack (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (jm_map_canvas_get_highlights (canvas) == NULL || jm_map_canvas_get_highlights (canvas)->len == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop-comparing", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_null (jm_map_canvas_get_highlights (canvas));

  remove_variant (other);
}

static gboolean
conflicts_are (gpointer data)
{
  gpointer *wait = data;

  return jm_conflicts_panel_get_n_conflicts (wait[0]) == GPOINTER_TO_UINT (wait[1]) &&
         gtk_widget_get_visible (wait[0]);
}

/* Clicks the first widget in @panel labelled @label. */
static void
click_label (GtkWidget  *panel,
             const char *label)
{
  GtkWidget *found = jm_ui_test_find_label (panel, label);
  int x, y;
  g_autofree char *sx = NULL, *sy = NULL;

  g_assert_nonnull (found);
  jm_ui_test_point_on_screen (found, &GRAPHENE_POINT_INIT (5, 5), &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  jm_ui_test_xdotool ("mousemove", sx, sy, "click", "1", NULL);
}

static gboolean
title_is (gpointer data)
{
  gpointer *wait = data;

  return g_strcmp0 (jm_item_get_title (wait[0]), wait[1]) == 0;
}

/* Merge Changes… merges their copy with the map as last saved, as one
 * step; the property both changed is a conflict that Take Theirs and Keep
 * Mine each settle in one undoable step, and the panel goes with the last. */
static void
test_merge_and_resolve (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) theirs = write_variant (fixture, "theirs.jmap",
                                           "<title>" ITEM_TITLE "</title>", "<title>Their title</title>",
                                           "<title>" OTHER_TITLE "</title>", "<title>Vans everywhere</title>");
  GtkWidget *panel = jm_window_get_review_panel (fixture->window, JM_TYPE_CONFLICTS_PANEL);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *item = jm_map_fixture_item (fixture, ITEM_ID);
  gpointer one[2] = { panel, GUINT_TO_POINTER (1) };
  gpointer their[2] = { item, (gpointer) "Their title" };

  set_title (fixture, ITEM_ID, "My title");
  g_assert_false (gtk_widget_get_visible (panel));

  jm_window_merge_file (fixture->window, theirs, NULL);
  jm_ui_test_wait_until (conflicts_are, one);

  /* Theirs came in where only they changed; ours stayed where both did. */
  item = jm_map_fixture_item (fixture, ITEM_ID);
  their[0] = item;
  g_assert_cmpstr (jm_item_get_title (jm_map_fixture_item (fixture, OTHER_ID)), ==, "Vans everywhere");
  g_assert_cmpstr (jm_item_get_title (item), ==, "My title");
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_conflicts_peek (item)), ==, 1);
  save_screenshot (fixture, "team-conflict.png");

  /* A click on the conflict selects its item. */
  {
    g_autofree char *object = jm_diff_describe_object (jm_window_get_document (fixture->window), G_OBJECT (item),
                                                       JM_LAYER_STATE_CURRENT);
    g_autofree char *heading = g_strdup_printf ("%s: title", object);
    SelectionWait wait = { jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window)), item };

    jm_map_canvas_clear_selection (jm_window_get_canvas (fixture->window));
    click_label (panel, heading);
    jm_ui_test_wait_until (selection_is, &wait);
  }

  click_label (panel, "Take Theirs");
  jm_ui_test_wait_until (title_is, their);
  jm_ui_test_wait_until (widget_hidden, panel);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_conflicts_peek (item)), ==, 0);

  jm_command_stack_undo (stack);
  g_assert_cmpstr (jm_item_get_title (item), ==, "My title");
  g_assert_true (conflicts_are (one));

  jm_ui_test_wait_for_frame (panel);
  click_label (panel, "Keep Mine");
  jm_ui_test_wait_until (widget_hidden, panel);
  g_assert_cmpstr (jm_item_get_title (item), ==, "My title");
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_conflicts_peek (item)), ==, 0);

  jm_command_stack_undo (stack);
  g_assert_true (conflicts_are (one));

  /* The merge itself was one step. */
  jm_command_stack_undo (stack);
  item = jm_map_fixture_item (fixture, ITEM_ID);
  g_assert_cmpstr (jm_item_get_title (jm_map_fixture_item (fixture, OTHER_ID)), ==, OTHER_TITLE);
  g_assert_cmpstr (jm_item_get_title (item), ==, "My title");
  g_assert_true (jm_conflicts_peek (item) == NULL ||
                 jm_object_store_get_n_objects (jm_conflicts_peek (item)) == 0);
  g_assert_false (gtk_widget_get_visible (panel));

  remove_variant (theirs);
}

/* A "theirs" that is no map is refused with a message, and the map is
 * left as it was. */
static void
test_merge_refuses_no_map (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.jmap", NULL);
  g_autoptr(GFile) theirs = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmAlert *alert;

  g_file_set_contents (path, "Shopping list: milk, eggs\n", -1, &error);
  g_assert_no_error (error);

  jm_window_merge_file (fixture->window, theirs, NULL);
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_nonnull (alert);
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Merge the Changes");
  g_assert_false (jm_command_stack_get_can_undo (stack));
  g_assert_false (jm_command_stack_get_modified (stack));
  g_assert_false (gtk_widget_get_visible (jm_window_get_review_panel (fixture->window, JM_TYPE_CONFLICTS_PANEL)));
  jm_alert_close (alert);

  remove_variant (theirs);
}

static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      /* Windows keep their last chooser, hidden. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER (toplevel);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_chosen (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (data);

  return chosen != NULL;
}

/* Chooses @file in the file chooser that shows next. */
static void
choose_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  jm_ui_test_wait_until (file_chooser_shown, NULL);
  chooser = find_file_chooser ();
  g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
  g_assert_no_error (error);
  jm_ui_test_wait_until (file_chosen, chooser);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* File → Merge Changes…: their copy, then the question of the ancestor,
 * answered with a file: the one both started from. The open map was
 * saved since, so the map as last saved would not do. */
static void
test_merge_through_the_menu (JmMapFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) base = write_variant (fixture, "sent.jmap", NULL, NULL, NULL, NULL);
  g_autoptr(GFile) theirs = write_variant (fixture, "returned.jmap",
                                           "<title>" OTHER_TITLE "</title>", "<title>Vans everywhere</title>",
                                           NULL, NULL);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmAlert *alert;

  /* Ours renamed it and saved: the last saved version is ours. */
  set_title (fixture, OTHER_ID, "Vans in her street");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.save", NULL));
  jm_ui_test_wait_until (jm_map_fixture_is_clean, stack);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.merge-changes", NULL));
  choose_file (theirs);
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Merge Changes from “returned.jmap”");
  jm_alert_respond (alert, "choose");
  choose_file (base);

  /* Both changed the title: ours stays, theirs is a conflict. */
  {
    GtkWidget *panel = jm_window_get_review_panel (fixture->window, JM_TYPE_CONFLICTS_PANEL);
    gpointer one[2] = { panel, GUINT_TO_POINTER (1) };

    jm_ui_test_wait_until (conflicts_are, one);
  }
  g_assert_cmpstr (jm_item_get_title (jm_map_fixture_item (fixture, OTHER_ID)), ==, "Vans in her street");
  g_assert_true (jm_command_stack_get_can_undo (stack));

  remove_variant (base);
  remove_variant (theirs);
}

static gboolean
open_comments_are (gpointer data)
{
  gpointer *wait = data;

  return jm_comments_count_open (wait[0]) == GPOINTER_TO_UINT (wait[1]);
}

/* A comment added to the selected item in the panel, signed with the
 * setting, resolved, undone and redone, is saved in the file. */
static void
test_comment_saved (JmMapFixture  *fixture,
                    gconstpointer  data)
{
  JmCommentsPanel *panel = JM_COMMENTS_PANEL (jm_window_get_review_panel (fixture->window, JM_TYPE_COMMENTS_PANEL));
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, "comments_button");
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *item = jm_map_fixture_item (fixture, ITEM_ID);
  gpointer one_open[2] = { item, GUINT_TO_POINTER (1) };
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  SelectionWait wait = { jm_map_canvas_get_selection (canvas), item };
  GskRenderNode *node;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeymap.Journeymap");
  g_autoptr(JmDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  JmObjectStore *comments;
  JmComment *comment;

  g_settings_set_string (settings, "comment-author", "Ana Souza");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (JM_IS_DOCUMENT (jm_comments_panel_get_target (panel)));

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (item), FALSE);
  g_assert_true (jm_comments_panel_get_target (panel) == G_OBJECT (item));

  /* The card is drawn again with its count: a new node. */
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  node = jm_map_canvas_peek_item_node (canvas, item);
  g_assert_nonnull (node);
  gsk_render_node_ref (node);

  gtk_editable_set_text (jm_comments_panel_get_entry (panel), "Which friend, which code?");
  gtk_widget_grab_focus (GTK_WIDGET (jm_comments_panel_get_entry (panel)));
  jm_ui_test_wait_for_frame (GTK_WIDGET (panel));
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_ui_test_wait_until (open_comments_are, one_open);
  g_assert_cmpstr (gtk_editable_get_text (jm_comments_panel_get_entry (panel)), ==, "");
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_nonnull (jm_map_canvas_peek_item_node (canvas, item));
  g_assert_true (jm_map_canvas_peek_item_node (canvas, item) != node);
  gsk_render_node_unref (node);

  comments = jm_comments_peek (item);
  comment = jm_object_store_get_object (comments, 0);
  g_assert_cmpstr (jm_comment_get_author (comment), ==, "Ana Souza");
  g_assert_cmpstr (jm_comment_get_text (comment), ==, "Which friend, which code?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-inspector", NULL));
  jm_map_fixture_scroll_to (fixture, JM_OBJECT (item));
  save_screenshot (fixture, "team-comment.png");

  /* With nothing selected, the panel shows the map's comments and the
   * open ones elsewhere; a click on one selects its item. */
  jm_map_canvas_clear_selection (jm_window_get_canvas (fixture->window));
  g_assert_true (JM_IS_DOCUMENT (jm_comments_panel_get_target (panel)));
  jm_ui_test_wait_for_frame (GTK_WIDGET (panel));
  save_screenshot (fixture, "team-open-comments.png");
  click_label (GTK_WIDGET (panel), "Ana Souza: Which friend, which code?");
  jm_ui_test_wait_until (selection_is, &wait);

  /* Resolve is a step of its own; undo reopens, redo resolves again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.resolve", "u", 0));
  g_assert_true (jm_comment_get_resolved (comment));
  g_assert_cmpuint (jm_comments_count_open (item), ==, 0);
  jm_command_stack_undo (stack);
  g_assert_false (jm_comment_get_resolved (comment));
  jm_command_stack_redo (stack);
  g_assert_true (jm_comment_get_resolved (comment));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.save", NULL));
  jm_ui_test_wait_until (jm_map_fixture_is_clean, stack);

  saved = jm_document_io_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  item = jm_layer_lookup_item (jm_document_get_layer (saved, JM_LAYER_STATE_CURRENT), ITEM_ID);
  comments = jm_comments_peek (item);
  g_assert_nonnull (comments);
  g_assert_cmpuint (jm_object_store_get_n_objects (comments), ==, 1);
  comment = jm_object_store_get_object (comments, 0);
  g_assert_cmpstr (jm_comment_get_author (comment), ==, "Ana Souza");
  g_assert_cmpstr (jm_comment_get_text (comment), ==, "Which friend, which code?");
  g_assert_true (jm_comment_get_resolved (comment));

  /* Delete, then undo brings it back. */
  item = jm_map_fixture_item (fixture, ITEM_ID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.delete", "u", 0));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_peek (item)), ==, 0);
  jm_command_stack_undo (stack);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_peek (item)), ==, 1);

  g_settings_reset (settings, "comment-author");
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/team/compare-with-file", test_compare_with_file);
  jm_map_fixture_add ("/ui/team/merge-and-resolve", test_merge_and_resolve);
  jm_map_fixture_add ("/ui/team/merge-refuses-no-map", test_merge_refuses_no_map);
  jm_map_fixture_add ("/ui/team/merge-through-the-menu", test_merge_through_the_menu);
  jm_map_fixture_add ("/ui/team/comment-saved", test_comment_saved);

  return jm_map_fixture_run ();
}
