/* test-accessibility.c: every control a screen reader reaches has a name
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include "commands/jm-edit.h"
#include "ui/jm-alert.h"
#include "ui/jm-application.h"
#include "ui/jm-compare-panel.h"
#include "ui/jm-conflicts-panel.h"
#include "ui/jm-export-dialog.h"
#include "ui/jm-inspector.h"
#include "ui/jm-item-page.h"
#include "ui/jm-items-page.h"
#include "ui/jm-lane-page.h"
#include "ui/jm-link-page.h"
#include "ui/jm-map-page.h"
#include "ui/jm-persona-library-dialog.h"
#include "ui/jm-persona-page.h"
#include "ui/jm-point-page.h"
#include "ui/jm-presentation.h"
#include "ui/jm-print.h"
#include "ui/jm-stage-page.h"
#include "ui/jm-template-gallery.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

/* The roles of what a user acts on: each of these needs a name. */
static gboolean
role_is_actionable (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
#if GTK_CHECK_VERSION (4, 10, 0)
    case GTK_ACCESSIBLE_ROLE_TOGGLE_BUTTON:
#endif
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_TAB:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The accessible label @widget was given, by the app or by GTK itself
 * (GTK 4.8 gives a button with a label that label as written). GTK 4.8
 * has no getter for it: a check against a value it cannot have returns
 * the value it has. */
static char *
dup_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01 not a name");
}

/* Whether @widget is labelled by exactly @label (and nothing else). */
static gboolean
is_labelled_by (GtkWidget *widget,
                GtkWidget *label)
{
  g_autofree char *mismatch = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                  label, NULL);

  return mismatch == NULL;
}

/* A label or an image inside @widget that it is labelled by: a button's
 * own label for its mnemonic, or its icon. */
static GtkWidget *
find_labelling_descendant (GtkWidget *widget,
                           GtkWidget *root)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if ((GTK_IS_LABEL (child) || GTK_IS_IMAGE (child)) && is_labelled_by (root, child))
        return child;
      found = find_labelling_descendant (child, root);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of a button or check button as written, when it has a
 * mnemonic: "_Open". GTK 4.8 gives a button that as its name. */
static const char *
written_with_mnemonic (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

/* GtkAccessible on GTK 4.8 has no getter for the name an assistive
 * technology computes, so this follows what GTK 4.8 computes (the label,
 * then the labels of what the widget is labelled by; a widget labelled by
 * nothing with a name is read by its type name, "GtkImage") and refuses:
 * - a label with the mnemonic's underscore, "_Open";
 * - a label read twice, as a button with a mnemonic that is also labelled
 *   by its own label is ("Open Open");
 * - a widget labelled only by its own icon ("GtkImage").
 * What is left named has a label of its own (set explicitly, or by GTK
 * for a plain button from its visible label) or a relation to a label
 * outside it. @why says what is wrong. */
static gboolean
is_named (GtkWidget   *widget,
          const char **why)
{
  g_autofree char *label = dup_label (widget);
  gboolean has_relation = gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  GtkWidget *own = has_relation ? find_labelling_descendant (widget, widget) : NULL;

  *why = "no name";
  if (label != NULL && *label != '\0')
    {
      if (g_strcmp0 (label, written_with_mnemonic (widget)) == 0)
        {
          *why = "named with its mnemonic";
          return FALSE;
        }
      if (own != NULL && GTK_IS_LABEL (own))
        {
          *why = "named twice, also by its own label";
          return FALSE;
        }
      return TRUE;
    }
  if (own != NULL && GTK_IS_IMAGE (own))
    {
      *why = "named by its icon";
      return FALSE;
    }
  return has_relation;
}

/* Where an unnamed widget is, for the failure message: its type and
 * builder id, up its ancestors, with its tooltip. */
static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  GtkWidget *ancestor;
  guint n_ids = 0;

  /* The nearest ancestors a template names, the widget's own type last. */
  for (ancestor = widget; ancestor != NULL && n_ids < 3; ancestor = gtk_widget_get_parent (ancestor))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (ancestor));

      if (id == NULL || g_str_has_prefix (id, "___object_"))
        continue;
      g_string_prepend (path, ancestor == widget ? " " : " > ");
      g_string_prepend (path, id);
      n_ids++;
    }
  if (tooltip != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", tooltip);

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Whether @widget is hidden from assistive technologies, and with it
 * everything inside it. */
static gboolean
is_hidden (GtkWidget *widget)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  mismatch = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  return mismatch == NULL;
}

/* Collects in @unnamed what is mapped, actionable and has no name, under
 * @widget; checks on the way that what a stack or a revealer does not
 * show is hidden from assistive technologies, which do not look at
 * whether a widget is mapped, only at whether it is visible. */
static void
walk (GtkWidget *widget,
      GPtrArray *unnamed,
      guint     *n_actionable)
{
  const char *why;
  GtkWidget *child;

  if (GTK_IS_STACK (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (widget));

      for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          if (child == shown)
            {
              if (gtk_test_accessible_has_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN))
                gtk_test_accessible_assert_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
            }
          else if (gtk_widget_get_visible (child))
            {
              g_autofree char *where = describe (child);

              if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN))
                g_error ("A page the stack does not show is not hidden: %s", where);
              gtk_test_accessible_assert_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
            }
        }
    }
#ifdef ADW_TYPE_SQUEEZER
  /* A squeezer shows one child, as a stack does (an alert's buttons in a
   * row or in a column). */
  if (ADW_IS_SQUEEZER (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (widget));

      for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (child != shown && gtk_widget_get_visible (child))
          {
            g_autofree char *where = describe (child);

            if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN))
              g_error ("A child the squeezer does not show is not hidden: %s", where);
            gtk_test_accessible_assert_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
          }
    }
#endif
  if (GTK_IS_REVEALER (widget) && gtk_widget_get_visible (widget)
      && !gtk_revealer_get_child_revealed (GTK_REVEALER (widget))
      && !gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    {
      g_autofree char *where = describe (widget);
      GtkWidget *content = gtk_revealer_get_child (GTK_REVEALER (widget));

      if (!is_hidden (widget) && (content == NULL || !is_hidden (content)))
        g_error ("A closed panel is not hidden: %s", where);
    }

  if (!gtk_widget_get_mapped (widget))
    return;

  if (role_is_actionable (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    {
      if (g_getenv ("JM_TEST_LIST_ACCESSIBLES") != NULL)
        {
          g_autofree char *where = describe (widget);

          g_autofree char *label = dup_label (widget);

          g_test_message ("%s “%s”%s %s", is_named (widget, &why) ? "named" : why, label != NULL ? label : "",
                          gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ? " (labelled-by)" : "",
                          where);
        }
      (*n_actionable)++;
      if (!is_named (widget, &why))
        {
          g_autofree char *where = describe (widget);

          g_ptr_array_add (unnamed, g_strdup_printf ("%s: %s", where, why));
        }
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    walk (child, unnamed, n_actionable);
}

/* Fails naming every unnamed control under @root; @what says which view
 * it is. */
static void
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint n_actionable = 0;

  jm_ui_test_wait_for_frame (root);
  walk (root, unnamed, &n_actionable);
  g_test_message ("%s: %u actionable widgets", what, n_actionable);
  /* A walk that finds nothing to check proves nothing. */
  g_assert_cmpuint (n_actionable, >=, 2);
  if (unnamed->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < unnamed->len; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", (const char *) g_ptr_array_index (unnamed, i));
      g_error ("%s: %u of %u actionable widgets have no name: %s", what, unnamed->len, n_actionable, list->str);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (widget);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = jm_ui_test_save_screenshot (texture, file);

  g_test_message ("screenshot: %s", path);
}

/* The window as it opens on a map: header bar, palette, map, inspector. */
static void
test_default_view (JmMapFixture  *fixture,
                   gconstpointer  data)
{
  save_screenshot (GTK_WIDGET (fixture->window), "accessibility-default");
  assert_all_named (GTK_WIDGET (fixture->window), "default view");
}

static GtkWidget *
window_part (JmMapFixture *fixture,
             const char   *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW, id));
}

/* The same with the outline shown instead of the palette, and with the
 * side panels open: insights, assistant, comments. */
static void
test_panels (JmMapFixture  *fixture,
             gconstpointer  data)
{
  GtkWidget *outline = GTK_WIDGET (jm_window_get_outline (fixture->window));

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (outline)), outline);
  jm_ui_test_wait_until_mapped (outline);
  assert_all_named (GTK_WIDGET (fixture->window), "outline shown");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-insights", NULL));
  assert_all_named (GTK_WIDGET (fixture->window), "insights shown");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-assistant", NULL));
  jm_ui_test_wait_until_mapped (window_part (fixture, "assistant"));
  save_screenshot (GTK_WIDGET (fixture->window), "accessibility-assistant");
  assert_all_named (GTK_WIDGET (fixture->window), "assistant shown");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (window_part (fixture, "comments_button")), TRUE);
  jm_ui_test_wait_until_mapped (window_part (fixture, "comments_panel"));
  save_screenshot (GTK_WIDGET (fixture->window), "accessibility-comments");
  assert_all_named (GTK_WIDGET (fixture->window), "comments shown");
}

static void
show (JmMapFixture *fixture,
      GObject      *object,
      GType         page_type,
      const char   *name)
{
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  JmInspectorPage *page;

  jm_inspector_set_object (inspector, object);
  page = jm_inspector_get_page (inspector);
  g_assert_nonnull (page);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, page_type));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (page));
  save_screenshot (GTK_WIDGET (jm_window_get_inspector (fixture->window)), name);
  assert_all_named (GTK_WIDGET (fixture->window), name);
}

/* The inspector showing each kind of page. */
static void
test_inspector_pages (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);

  show (fixture, G_OBJECT (document), JM_TYPE_MAP_PAGE, "map-page");
  show (fixture, G_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), JM_TYPE_ITEM_PAGE, "item-page");
  show (fixture, jm_object_store_lookup (jm_document_get_stages (document), "stage-delivery"),
        JM_TYPE_STAGE_PAGE, "stage-page");
  show (fixture, jm_object_store_lookup (jm_document_get_lanes (document), "lane-thoughts"),
        JM_TYPE_LANE_PAGE, "lane-page");
  show (fixture, jm_object_store_lookup (jm_document_get_personas (document), "persona-tom"),
        JM_TYPE_PERSONA_PAGE, "persona-page");
  show (fixture, jm_object_store_lookup (jm_layer_get_points (current), "point-anna-1"),
        JM_TYPE_POINT_PAGE, "point-page");
  show (fixture, jm_object_store_lookup (jm_layer_get_links (current), "link-share-loops-back"),
        JM_TYPE_LINK_PAGE, "link-page");

  /* Several items: the page of what they share. */
  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-notices-van")), FALSE);
  jm_map_canvas_select (canvas, JM_OBJECT (jm_map_fixture_item (fixture, "item-checks-area")), TRUE);
  g_assert_true (JM_IS_ITEMS_PAGE (jm_inspector_get_page (inspector)));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (jm_inspector_get_page (inspector)));
  save_screenshot (GTK_WIDGET (inspector), "items-page");
  assert_all_named (GTK_WIDGET (fixture->window), "items page");
}

/* The export dialog, in every format it offers. */
static void
test_export_dialog (JmMapFixture  *fixture,
                    gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);

  gtk_window_present (GTK_WINDOW (dialog));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "export-dialog");
  assert_all_named (GTK_WIDGET (dialog), "export dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The template gallery and the persona library. */
static void
test_other_dialogs (JmMapFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *templates_dir = g_build_filename (fixture->dir, "templates", NULL);
  g_autoptr(GFile) templates = g_file_new_for_path (templates_dir);
  JmTemplateGallery *gallery = jm_template_gallery_new (GTK_WINDOW (fixture->window), templates);
  JmPersonaLibraryDialog *library;

  gtk_window_present (GTK_WINDOW (gallery));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (gallery));
  save_screenshot (GTK_WIDGET (gallery), "accessibility-gallery");
  assert_all_named (GTK_WIDGET (gallery), "template gallery");
  gtk_window_destroy (GTK_WINDOW (gallery));

  library = jm_persona_library_dialog_new (GTK_WINDOW (fixture->window), jm_window_get_stack (fixture->window),
                                           fixture->dir);
  gtk_window_present (GTK_WINDOW (library));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (library));
  assert_all_named (GTK_WIDGET (library), "persona library");
  gtk_window_destroy (GTK_WINDOW (library));
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* A copy of the fixture's map beside it, with one item's title changed. */
static GFile *
write_variant (JmMapFixture *fixture,
               const char   *name,
               const char   *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "<title>Notices the green vans in her street</title>", title, 1), ==, 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* The panels of Compare with File… and of Merge Changes… with a
 * conflict to settle. */
static void
test_review_panels (JmMapFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) other = write_variant (fixture, "colleague.jmap", "<title>Vans everywhere</title>");
  g_autoptr(GFile) theirs = write_variant (fixture, "theirs.jmap", "<title>Their title</title>");
  GtkWidget *compare = jm_window_get_review_panel (fixture->window, JM_TYPE_COMPARE_PANEL);
  GtkWidget *conflicts = jm_window_get_review_panel (fixture->window, JM_TYPE_CONFLICTS_PANEL);
  g_autoptr(GError) error = NULL;

  jm_window_compare_with_file (fixture->window, other);
  jm_ui_test_wait_until (widget_visible, compare);
  jm_ui_test_wait_until_mapped (compare);
  save_screenshot (GTK_WIDGET (fixture->window), "accessibility-compare");
  assert_all_named (GTK_WIDGET (fixture->window), "compare panel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop-comparing", NULL));

  /* Both changed the title: a conflict. */
  g_assert_true (jm_edit_set_string (jm_window_get_stack (fixture->window),
                                     jm_map_fixture_item (fixture, "item-notices-van"), "title", "My title", 0,
                                     &error));
  g_assert_no_error (error);
  jm_window_merge_file (fixture->window, theirs, NULL);
  jm_ui_test_wait_until (widget_visible, conflicts);
  jm_ui_test_wait_until_mapped (conflicts);
  g_assert_cmpuint (jm_conflicts_panel_get_n_conflicts (JM_CONFLICTS_PANEL (conflicts)), ==, 1);
  save_screenshot (GTK_WIDGET (fixture->window), "accessibility-conflicts");
  assert_all_named (GTK_WIDGET (fixture->window), "conflicts panel");
}

/* The main menu, open: its items are made from the menu model. */
static void
test_main_menu (JmMapFixture  *fixture,
                gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (window_part (fixture, "primary_menu_button"));
  GtkPopover *popover;

  /* The window gives the button its menu when it first opens. */
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  jm_ui_test_wait_until_mapped (GTK_WIDGET (popover));
  assert_all_named (GTK_WIDGET (popover), "main menu");
  gtk_menu_button_popdown (button);
}

/* The list of differences, open in the Compare view. */
static void
test_differences (JmMapFixture  *fixture,
                  gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (window_part (fixture, "differences_button"));
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "both"));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (button));
  gtk_menu_button_popup (button);
  jm_ui_test_wait_until_mapped (GTK_WIDGET (popover));
  assert_all_named (GTK_WIDGET (fixture->window), "differences");
  gtk_menu_button_popdown (button);
}

/* The find bar, open. */
static void
test_find_bar (JmMapFixture  *fixture,
               gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  jm_ui_test_wait_until_mapped (window_part (fixture, "search_entry"));
  assert_all_named (GTK_WIDGET (fixture->window), "find bar");
}

/* An alert, whose buttons libadwaita makes: a question with two answers. */
static void
test_alert (JmMapFixture  *fixture,
            gconstpointer  data)
{
  JmAlert *alert = jm_alert_new ("Save Changes?", "The map has changes that are not saved.");
  GtkWidget *shown;

  jm_alert_add_response (alert, "discard", "_Discard");
  jm_alert_add_response (alert, "save", "_Save");
  jm_alert_present (alert, GTK_WIDGET (fixture->window));
  shown = GTK_WIDGET (jm_ui_test_find_message_dialog ());
  g_assert_true (shown == GTK_WIDGET (alert));
  jm_ui_test_wait_until_mapped (shown);
  assert_all_named (GTK_WIDGET (gtk_widget_get_root (shown)), "alert");
  jm_alert_close (alert);
}

/* The presentation: the slide, which has the focus, is named by what it
 * shows, and renamed as the presenter moves on. */
static void
test_presentation (JmMapFixture  *fixture,
                   gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmPresentation *presentation = jm_presentation_new (GTK_WINDOW (fixture->window), document,
                                                      JM_LAYER_MODE_CURRENT, 0);
  GtkWidget *slide = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (presentation), JM_TYPE_PRESENTATION,
                                                                "slide"));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  jm_ui_test_wait_until_mapped (GTK_WIDGET (presentation));
  first = dup_label (slide);
  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, jm_presentation_get_position_text (presentation));
  g_assert_nonnull (g_strstr_len (first, -1, "Awareness"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL));
  second = dup_label (slide);
  g_assert_cmpstr (second, ==, jm_presentation_get_position_text (presentation));
  g_assert_cmpstr (second, !=, first);
  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* The empty window: only its status page is there for a screen reader. */
static void
test_empty_window (void)
{
  JmWindow *window = jm_application_create_window (JM_APPLICATION (g_application_get_default ()));

  gtk_window_present (GTK_WINDOW (window));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (window));
  assert_all_named (GTK_WIDGET (window), "empty window");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The print dialog's own tab, which the app makes in code: its check
 * buttons and the spin button of pages across. */
static void
test_print_layout_tab (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *poster_check = NULL;
  GtkWidget *across_spin = NULL;
  GtkWidget *tab = jm_print_new_layout_tab (JM_PRINT_MODE_POSTER, 3, &poster_check, &across_spin);

  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (poster_check)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (across_spin)), ==, 3);
  gtk_window_set_child (GTK_WINDOW (window), tab);
  gtk_window_present (GTK_WINDOW (window));
  jm_ui_test_wait_until_mapped (tab);
  assert_all_named (window, "print dialog's Layout tab");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The accelerators the shortcuts window lists, as "<Control><Alt>1". */
static GHashTable *
listed_accelerators (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/journeymap/Journeymap/ui/jm-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;
      keys = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &modifiers));
          g_hash_table_add (listed, gtk_accelerator_name (keyval, modifiers));
        }
    }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  return listed;
}

/* Every action the window binds a key to is in the shortcuts window with
 * one of its keys at least (zoom has the keypad's too), and so are the
 * keys of the canvas and of other parts. */
static void
test_shortcuts_listed (JmMapFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) listed = listed_accelerators ();
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  g_autoptr(GString) missing = g_string_new (NULL);
  const char *not_window_keys[] = {
    "<Control><Alt>1", "<Control><Alt>2", "<Control><Alt>3", "F6", "F2", "Escape", "Delete",
    "<Alt>Left", "<Alt>Up", "<Control>l", "<Control>d", "<Control>a", "<Control>f", "F5", "F9", "<Control>i",
  };
  guint n_bound = 0;

  for (guint i = 0; i < G_N_ELEMENTS (not_window_keys); i++)
    {
      guint keyval;
      GdkModifierType modifiers;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (not_window_keys[i], &keyval, &modifiers));
      name = gtk_accelerator_name (keyval, modifiers);
      if (!g_hash_table_contains (listed, name))
        g_string_append_printf (missing, " %s", not_window_keys[i]);
    }

  /* The window's class shortcuts: an action and the keys for it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *name = NULL;
          const char *action_name;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          action_name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          /* GtkWindow's own, and the window's inspector GTK offers. */
          if (!g_str_has_prefix (action_name, "win.") && !g_str_has_prefix (action_name, "doc."))
            continue;
          n_bound++;
          name = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          if (!g_hash_table_contains (actions, action_name))
            g_hash_table_insert (actions, g_strdup (action_name), GINT_TO_POINTER (FALSE));
          if (g_hash_table_contains (listed, name))
            g_hash_table_insert (actions, g_strdup (action_name), GINT_TO_POINTER (TRUE));
        }
    }
  g_assert_cmpuint (n_bound, >, 20);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, actions);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!GPOINTER_TO_INT (value))
        g_string_append_printf (missing, " %s", (const char *) key);
  }
  if (missing->len > 0)
    g_error ("Not in the shortcuts window:%s", missing->str);

  /* All on one page of two columns (a second page makes GTK 4.8 warn). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWidget *shortcuts = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && shortcuts == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          shortcuts = GTK_WIDGET (toplevel);
      }
    g_assert_nonnull (shortcuts);
    jm_ui_test_wait_until_mapped (shortcuts);
    save_screenshot (shortcuts, "accessibility-shortcuts");
    gtk_window_close (GTK_WINDOW (shortcuts));
  }
}

static gboolean
layer_is (gpointer data)
{
  gpointer *pair = data;
  g_autofree char *layer = NULL;

  g_object_get (pair[0], "layer", &layer, NULL);
  return g_strcmp0 (layer, pair[1]) == 0;
}

/* Ctrl+Alt+1, 2 and 3 show the current state, the future one and both, as
 * the buttons of the header bar do. */
static void
test_layer_keys (JmMapFixture  *fixture,
                 gconstpointer  data)
{
  const char *keys[][2] = {
    { "ctrl+alt+2", "future" },
    { "ctrl+alt+3", "both" },
    { "ctrl+alt+1", "current" },
  };

  /* Without a window manager, keys go to the window under the pointer. */
  jm_ui_test_xdotool ("mousemove", "700", "450", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (jm_window_get_canvas (fixture->window)));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gpointer wait[2] = { fixture->window, (gpointer) keys[i][1] };

      jm_ui_test_xdotool ("key", keys[i][0], NULL);
      jm_ui_test_wait_until (layer_is, wait);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps what widgets tell assistive technologies
   * without a session bus; the other UI tests run without any. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/accessibility/empty-window", test_empty_window);
  g_test_add_func ("/ui/accessibility/print-layout-tab", test_print_layout_tab);
  jm_map_fixture_add ("/ui/accessibility/default-view", test_default_view);
  jm_map_fixture_add ("/ui/accessibility/panels", test_panels);
  jm_map_fixture_add ("/ui/accessibility/inspector-pages", test_inspector_pages);
  jm_map_fixture_add ("/ui/accessibility/export-dialog", test_export_dialog);
  jm_map_fixture_add ("/ui/accessibility/other-dialogs", test_other_dialogs);
  jm_map_fixture_add ("/ui/accessibility/review-panels", test_review_panels);
  jm_map_fixture_add ("/ui/accessibility/presentation", test_presentation);
  jm_map_fixture_add ("/ui/accessibility/alert", test_alert);
  jm_map_fixture_add ("/ui/accessibility/main-menu", test_main_menu);
  jm_map_fixture_add ("/ui/accessibility/differences", test_differences);
  jm_map_fixture_add ("/ui/accessibility/find-bar", test_find_bar);
  jm_map_fixture_add ("/ui/accessibility/shortcuts-listed", test_shortcuts_listed);
  jm_map_fixture_add ("/ui/accessibility/layer-keys", test_layer_keys);

  return jm_map_fixture_run ();
}
