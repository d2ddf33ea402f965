/* test-keyboard-actions.c: acting on the selection wherever focus is, Link
 * to…, and focus hygiene, with keyboard events only
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selection is set through the canvas and focus put in a pane as the
 * test's starting point; every action is a key pressed through xdotool,
 * never a pointer event.
 */

#include "config.h"

#include <string.h>

#include "commands/jm-edit.h"
#include "session/jm-map-session.h"
#include "ui/jm-clipboard.h"
#include "ui/jm-inspector.h"
#include "ui/jm-inspector-page.h"
#include "ui/jm-item-page.h"
#include "ui/jm-outline.h"
#include "ui/jm-palette.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

static void
key (const char *keys)
{
  jm_ui_test_xdotool ("key", "--delay", "40", keys, NULL);
}

static GtkWidget *
focus_of (JmMapFixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
focus_within (JmMapFixture *fixture,
              GtkWidget    *pane)
{
  GtkWidget *focus = focus_of (fixture);

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* The left sidebar's stack, which shows the palette or the outline. */
static GtkStack *
left_stack (JmMapFixture *fixture)
{
  return GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (jm_window_get_outline (fixture->window)), GTK_TYPE_STACK));
}

static GtkWidget *
palette (JmMapFixture *fixture)
{
  return gtk_stack_get_child_by_name (left_stack (fixture), "palette");
}

/* Focus into @pane as a user who tabbed there would have it. */
static void
focus_pane (JmMapFixture *fixture,
            GtkWidget    *pane)
{
  GtkStack *stack = left_stack (fixture);

  if (gtk_widget_get_parent (pane) == GTK_WIDGET (stack))
    gtk_stack_set_visible_child (stack, pane);
  jm_ui_test_wait_until_mapped (pane);
  if (!gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (pane);
  g_assert_true (focus_within (fixture, pane));
}

static guint
count_links (JmMapFixture *fixture)
{
  JmDocument *document = jm_window_get_document (fixture->window);

  return jm_object_store_get_n_objects (jm_layer_get_links (jm_document_get_layer (document,
                                                                                   JM_LAYER_STATE_CURRENT)));
}

static guint
count_items (JmMapFixture *fixture)
{
  JmDocument *document = jm_window_get_document (fixture->window);

  return jm_object_store_get_n_objects (jm_layer_get_items (jm_document_get_layer (document,
                                                                                   JM_LAYER_STATE_CURRENT)));
}

typedef struct
{
  JmMapFixture *fixture;
  GtkWidget    *widget;
} FocusWait;

static gboolean
focus_is_within (gpointer data)
{
  FocusWait *wait = data;

  return focus_within (wait->fixture, wait->widget);
}

static void
wait_for_focus_within (JmMapFixture *fixture,
                       GtkWidget    *widget)
{
  FocusWait wait = { fixture, widget };

  jm_ui_test_wait_until (focus_is_within, &wait);
}

static gboolean
item_gone (gpointer data)
{
  FocusWait *wait = data;

  return jm_map_fixture_item (wait->fixture, (const char *) wait->widget) == NULL;
}

/* Delete, Alt+Right, Ctrl+D, Ctrl+C/V and Ctrl+X act on the selected
 * card from @pane, each one step, as they do from the canvas. */
static void
check_actions_from (JmMapFixture *fixture,
                    GtkWidget    *pane)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autofree char *stage_id = g_strdup (jm_item_get_stage_id (van));
  guint n_items = count_items (fixture);
  FocusWait gone = { fixture, (GtkWidget *) "item-notices-van" };

  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  focus_pane (fixture, pane);

  key ("Delete");
  jm_ui_test_wait_until (item_gone, &gone);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  g_assert_true (focus_within (fixture, pane));
  key ("ctrl+z");
  jm_map_fixture_wait_for_position (stack, 0);
  van = jm_map_fixture_item (fixture, "item-notices-van");
  g_assert_nonnull (van);

  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  focus_pane (fixture, pane);
  key ("alt+Right");
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_item_get_stage_id (van), !=, stage_id);
  key ("ctrl+z");
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_item_get_stage_id (van), ==, stage_id);

  key ("ctrl+d");
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpuint (count_items (fixture), ==, n_items + 1);
  key ("ctrl+z");
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpuint (count_items (fixture), ==, n_items);

  /* Ctrl+C, then Ctrl+V: a copy; Ctrl+X: the card goes. */
  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  focus_pane (fixture, pane);
  key ("ctrl+c");
  key ("ctrl+v");
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpuint (count_items (fixture), ==, n_items + 1);
  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  focus_pane (fixture, pane);
  key ("ctrl+x");
  jm_ui_test_wait_until (item_gone, &gone);
  g_assert_cmpuint (count_items (fixture), ==, n_items);
}

/* Selects @item on the map and puts focus on the inspector's @field for
 * it, as a keyboard user would after Tab. */
static GtkWidget *
focus_field (JmMapFixture *fixture,
             JmItem       *item,
             const char   *field)
{
  GtkWidget *widget;

  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (item), FALSE);
  widget = jm_inspector_get_field (jm_window_get_inspector (fixture->window), field);
  jm_ui_test_wait_until_mapped (widget);
  gtk_widget_grab_focus (widget);
  return widget;
}

static void
test_actions_from_outline (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  check_actions_from (fixture, GTK_WIDGET (jm_window_get_outline (fixture->window)));
}

static void
test_actions_from_palette (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  check_actions_from (fixture, palette (fixture));
}

/* Whether the window's @action is enabled, read as a button bound to it
 * reads it. */
static gboolean
action_enabled (JmMapFixture *fixture,
                const char   *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_widget_set_visible (probe, FALSE);
  gtk_widget_set_parent (probe, GTK_WIDGET (fixture->window));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  jm_ui_test_iterate ();
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);

  return enabled;
}

/* Ctrl+L links exactly two selected items: with one it is disabled and
 * its key does nothing; the actions that need a selection are disabled
 * without one. */
static void
test_link_needs_two_items (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  guint n_links = count_links (fixture);

  jm_map_canvas_clear_selection (canvas);
  g_assert_false (action_enabled (fixture, "doc.link"));
  g_assert_false (action_enabled (fixture, "doc.delete"));
  g_assert_false (action_enabled (fixture, "doc.copy"));
  g_assert_false (action_enabled (fixture, "doc.move-selection-left"));

  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), FALSE);
  g_assert_false (action_enabled (fixture, "doc.link"));
  g_assert_true (action_enabled (fixture, "doc.delete"));
  g_assert_true (action_enabled (fixture, "doc.duplicate"));
  g_assert_true (action_enabled (fixture, "doc.move-selection-right"));
  focus_pane (fixture, GTK_WIDGET (canvas));
  key ("ctrl+l");
  g_assert_cmpuint (count_links (fixture), ==, n_links);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);

  /* A stage alone moves sideways, not up or down. */
  jm_map_canvas_select (canvas, JM_OBJECT (jm_document_lookup_stage (jm_window_get_document (fixture->window),
                                                                     "stage-awareness")), FALSE);
  g_assert_true (action_enabled (fixture, "doc.move-selection-right"));
  g_assert_false (action_enabled (fixture, "doc.move-selection-up"));
  g_assert_false (action_enabled (fixture, "doc.link"));

  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), FALSE);
  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-shares-code")), TRUE);
  g_assert_true (action_enabled (fixture, "doc.link"));
  key ("ctrl+l");
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpuint (count_links (fixture), ==, n_links + 1);
}

/* Text fields keep their own Delete and Ctrl+C: the window's run only
 * after them. */
static void
test_text_fields_keep_their_keys (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autofree char *title = g_strdup (jm_item_get_title (van));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  GtkWidget *row;

  row = focus_field (fixture, van, "title");
  gtk_editable_set_position (GTK_EDITABLE (row), 0);

  key ("Delete");
  g_assert_nonnull (jm_map_fixture_item (fixture, "item-notices-van"));
  g_assert_cmpstr (jm_item_get_title (van), ==, title + 1);

  gtk_editable_select_region (GTK_EDITABLE (row), 0, 3);
  key ("ctrl+c");
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING));
  g_assert_false (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                         JM_CLIPBOARD_MIME));
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
only_one_row_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);
  /* The popover's box holds the search, then the list's scrolled window. */
  GtkWidget *scrolled = gtk_widget_get_last_child (gtk_popover_get_child (popover));
  GtkWidget *list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  guint shown = 0;

  if (GTK_IS_VIEWPORT (list))
    list = gtk_viewport_get_child (GTK_VIEWPORT (list));
  g_assert_true (GTK_IS_LIST_BOX (list));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      shown++;

  return shown == 1;
}

/* Link to… lists the other items of the layer, named in full, with a
 * search: Enter on what is found makes the link, one step, undone with
 * Ctrl+Z. */
static void
test_link_to (JmMapFixture  *fixture,
              gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  guint n_links = count_links (fixture);
  GtkWidget *button;
  JmLink *link;

  jm_map_canvas_select (canvas, JM_OBJECT (van), FALSE);
  button = find_menu_button (GTK_WIDGET (jm_inspector_get_page (inspector)), "Link to…");
  g_assert_nonnull (button);
  jm_ui_test_wait_until_mapped (button);
  gtk_widget_grab_focus (button);

  key ("space");
  jm_ui_test_wait_until (popover_shown, button);
  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;

    jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
    texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    png = jm_ui_test_save_screenshot (texture, "link-to-window.png");
  }
  jm_ui_test_xdotool ("type", "--delay", "40", "shares", NULL);
  jm_ui_test_wait_until (only_one_row_shown, button);
  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *png = NULL;
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

    jm_ui_test_wait_for_frame (popover);
    texture = jm_ui_test_render_widget (popover);
    png = jm_ui_test_save_screenshot (texture, "link-to-popover.png");
  }
  key ("Return");
  jm_map_fixture_wait_for_position (stack, 1);

  g_assert_cmpuint (count_links (fixture), ==, n_links + 1);
  link = jm_object_store_get_object (links, n_links);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-notices-van");
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-shares-code");

  key ("ctrl+z");
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpuint (count_links (fixture), ==, n_links);

  /* Without a search: Down into the list and down to its second item,
   * the second of the map's other than the card itself; Enter. */
  {
    JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
    JmItem *second = NULL;

    for (guint i = 0, others = 0; second == NULL; i++)
      {
        JmItem *item = jm_object_store_get_object (items, i);

        if (item != van && ++others == 2)
          second = item;
      }

    g_assert_true (focus_within (fixture, button));
    key ("space");
    jm_ui_test_wait_until (popover_shown, button);
    key ("Down");
    key ("Down");
    key ("Return");
    jm_map_fixture_wait_for_position (stack, 1);
    link = jm_object_store_get_object (links, n_links);
    g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-notices-van");
    g_assert_cmpstr (jm_link_get_to_id (link), ==, jm_object_get_id (JM_OBJECT (second)));
  }
}

/* Tab leaves a multi-line field without typing a tab, and the map stays
 * unchanged; Shift+Tab comes back, and Ctrl+Tab types a tab. */
static void
test_tab_leaves_long_text (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autofree char *body = g_strdup (jm_item_get_body (van));
  GtkWidget *view;

  view = focus_field (fixture, van, "body");

  key ("Tab");
  g_assert_false (focus_within (fixture, view));
  g_assert_true (focus_within (fixture, GTK_WIDGET (inspector)));
  g_assert_cmpstr (jm_item_get_body (van), ==, body);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  g_assert_false (jm_map_session_get_modified (jm_window_get_session (fixture->window)));

  key ("shift+Tab");
  g_assert_true (focus_within (fixture, view));
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);

  /* Ctrl+Tab still types a tab, for the rare text that needs one. */
  key ("ctrl+Tab");
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_true (focus_within (fixture, view));
  g_assert_nonnull (strchr (jm_item_get_body (van), '\t'));
}

/* Choosing a Moment of Truth from the keyboard leaves focus on its row,
 * not on the title with its text selected. */
static void
test_focus_stays_on_moment (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmItem *van = jm_map_fixture_item (fixture, "item-notices-van");
  g_autofree char *title = g_strdup (jm_item_get_title (van));
  GtkWidget *row;

  row = focus_field (fixture, van, "moment");
  g_assert_cmpint (jm_item_get_moment (van), ==, JM_MOMENT_KIND_NONE);

  key ("Return");
  key ("Down");
  key ("Return");
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpint (jm_item_get_moment (van), !=, JM_MOMENT_KIND_NONE);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  wait_for_focus_within (fixture, row);

  /* The next key goes to the row, not into the title. */
  key ("x");
  g_assert_cmpstr (jm_item_get_title (van), ==, title);
  g_assert_true (focus_within (fixture, row));
}

/* Delete on a button of the inspector deletes the item; the inspector
 * turns to the map's page and focus goes back to the map, not into the
 * map's title, which the next key would overwrite. */
static void
test_delete_from_inspector (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  g_autofree char *title = g_strdup (jm_document_get_title (document));
  FocusWait gone = { fixture, (GtkWidget *) "item-notices-van" };

  focus_field (fixture, jm_map_fixture_item (fixture, "item-notices-van"), "moment");

  key ("Delete");
  jm_ui_test_wait_until (item_gone, &gone);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (document));
  wait_for_focus_within (fixture, GTK_WIDGET (canvas));

  key ("x");
  g_assert_cmpstr (jm_document_get_title (document), ==, title);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
}

static gboolean
inspector_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* F9 in the inspector hides it and gives focus back to the map. */
static void
test_f9_from_inspector (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);

  focus_field (fixture, jm_map_fixture_item (fixture, "item-notices-van"), "title");

  key ("F9");
  jm_ui_test_wait_until (inspector_hidden, inspector);
  g_assert_true (focus_of (fixture) == GTK_WIDGET (canvas));
}

/* F6 and Shift+F6 go round palette → outline → canvas → inspector,
 * skipping the inspector while it is hidden. */
static void
test_f6_cycles (JmMapFixture  *fixture,
                gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkWidget *inspector = GTK_WIDGET (jm_window_get_inspector (fixture->window));
  GtkWidget *outline = GTK_WIDGET (jm_window_get_outline (fixture->window));

  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), FALSE);
  jm_ui_test_wait_until_mapped (inspector);
  focus_pane (fixture, GTK_WIDGET (canvas));

  key ("F6");
  wait_for_focus_within (fixture, inspector);
  key ("F6");
  wait_for_focus_within (fixture, palette (fixture));
  key ("F6");
  wait_for_focus_within (fixture, outline);
  g_assert_true (gtk_stack_get_visible_child (left_stack (fixture)) == outline);
  key ("F6");
  wait_for_focus_within (fixture, GTK_WIDGET (canvas));
  key ("shift+F6");
  wait_for_focus_within (fixture, outline);
  key ("shift+F6");
  wait_for_focus_within (fixture, palette (fixture));
  key ("shift+F6");
  wait_for_focus_within (fixture, inspector);

  /* Hidden, the inspector is skipped. */
  key ("F9");
  jm_ui_test_wait_until (inspector_hidden, inspector);
  g_assert_true (focus_of (fixture) == GTK_WIDGET (canvas));
  key ("F6");
  wait_for_focus_within (fixture, palette (fixture));
  key ("shift+F6");
  wait_for_focus_within (fixture, GTK_WIDGET (canvas));
  key ("F6");
  wait_for_focus_within (fixture, palette (fixture));
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/keyboard-actions/from-outline", test_actions_from_outline);
  jm_map_fixture_add ("/ui/keyboard-actions/from-palette", test_actions_from_palette);
  jm_map_fixture_add ("/ui/keyboard-actions/link-needs-two-items", test_link_needs_two_items);
  jm_map_fixture_add ("/ui/keyboard-actions/text-fields-keep-their-keys", test_text_fields_keep_their_keys);
  jm_map_fixture_add ("/ui/keyboard-actions/link-to", test_link_to);
  jm_map_fixture_add ("/ui/keyboard-actions/tab-leaves-long-text", test_tab_leaves_long_text);
  jm_map_fixture_add ("/ui/keyboard-actions/focus-stays-on-moment", test_focus_stays_on_moment);
  jm_map_fixture_add ("/ui/keyboard-actions/delete-from-inspector", test_delete_from_inspector);
  jm_map_fixture_add ("/ui/keyboard-actions/f9-from-inspector", test_f9_from_inspector);
  jm_map_fixture_add ("/ui/keyboard-actions/f6-cycles", test_f6_cycles);

  return jm_map_fixture_run ();
}
