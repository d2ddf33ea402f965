/* test-outline.c: the map as a tree, read without a mouse
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "model/jm-describe.h"
#include "ui/jm-outline-row.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static GtkWidget *
outline_view (JmOutline *outline)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (outline), JM_TYPE_OUTLINE, "view"));
}

static void
show_outline (JmMapFixture *fixture)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline))), GTK_WIDGET (outline));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (outline));
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

/* The JmOutlineRow at @position of the outline's tree. */
static JmOutlineRow *
row_at (JmOutline *outline,
        guint      position)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (jm_outline_get_model (outline), position);

  g_assert_nonnull (tree_row);
  return gtk_tree_list_row_get_item (tree_row);
}

static GtkTreeListRow *
tree_row_at (JmOutline *outline,
             guint      position)
{
  return g_list_model_get_item (jm_outline_get_model (outline), position);
}

static guint
n_rows (JmOutline *outline)
{
  return g_list_model_get_n_items (jm_outline_get_model (outline));
}

/* The position of the first root row of @kind (and @group), or -1. */
static int
find_root (JmOutline        *outline,
           JmOutlineRowKind  kind,
           JmOutlineGroup    group)
{
  for (guint i = 0; i < n_rows (outline); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = tree_row_at (outline, i);
      g_autoptr(JmOutlineRow) row = gtk_tree_list_row_get_item (tree_row);

      if (gtk_tree_list_row_get_depth (tree_row) == 0 && jm_outline_row_get_kind (row) == kind &&
          (kind != JM_OUTLINE_ROW_GROUP || jm_outline_row_get_group (row) == group))
        return i;
    }

  return -1;
}

static gboolean
outline_has_object (gpointer data)
{
  gpointer *pair = data;

  return jm_outline_reveal (pair[0], pair[1]) >= 0;
}

/* Built with the map, before the outline is ever shown: a row per stage,
 * then Lanes, Personas, Emotional curves, Links and Moments of Truth; a
 * stage opens on its lanes (its cells), a cell on its items in their
 * order. While open, branches follow edits without closing. */
static void
test_outline_tree (JmMapFixture  *fixture,
                   gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *lanes = jm_document_get_lanes (document);
  guint n_stages = jm_object_store_get_n_objects (stages);
  guint n_lanes = jm_object_store_get_n_objects (lanes);
  JmItem *referral = jm_map_fixture_item (fixture, "item-sees-referral");
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  g_autoptr(GtkTreeListRow) stage_row = NULL;
  g_autoptr(GtkTreeListRow) cell_row = NULL;
  g_autoptr(JmOutlineRow) row = NULL;
  g_autoptr(GPtrArray) cell_items = NULL;
  JmItem *added;
  gpointer wait[2];
  guint rows_open;
  int position;

  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  g_assert_cmpuint (n_rows (outline), ==, n_stages + JM_OUTLINE_N_GROUPS);
  for (guint s = 0; s < n_stages; s++)
    {
      g_clear_object (&row);
      row = row_at (outline, s);
      g_assert_cmpint (jm_outline_row_get_kind (row), ==, JM_OUTLINE_ROW_STAGE);
      g_assert_true (jm_outline_row_get_object (row) == jm_object_store_get_object (stages, s));
    }
  g_clear_object (&row);
  row = row_at (outline, n_stages + JM_OUTLINE_GROUP_MOMENTS);
  g_assert_cmpstr (jm_outline_row_get_text (row), ==, "Moments of Truth");
  g_clear_object (&row);
  row = row_at (outline, 1);
  g_assert_cmpstr (jm_outline_row_get_text (row), ==, "Consideration");
  g_assert_cmpstr (jm_outline_row_get_name (row), ==, "Stage 2 of 5: Consideration");

  show_outline (fixture);

  /* The first stage opens on a cell per lane; its actions cell on its
   * cards, in the cell's order. */
  stage_row = tree_row_at (outline, 0);
  g_assert_true (gtk_tree_list_row_is_expandable (stage_row));
  gtk_tree_list_row_set_expanded (stage_row, TRUE);
  g_assert_cmpuint (n_rows (outline), ==, n_stages + JM_OUTLINE_N_GROUPS + n_lanes);
  g_clear_object (&row);
  row = row_at (outline, 1);
  g_assert_cmpint (jm_outline_row_get_kind (row), ==, JM_OUTLINE_ROW_CELL);
  g_assert_cmpstr (jm_outline_row_get_text (row), ==, "Customer actions");
  g_assert_cmpstr (jm_outline_row_get_name (row), ==, "Lane: Customer actions, in Awareness");

  cell_items = jm_layer_dup_cell_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                        "stage-awareness", "lane-actions");
  cell_row = tree_row_at (outline, 1);
  gtk_tree_list_row_set_expanded (cell_row, TRUE);
  for (guint i = 0; i < cell_items->len; i++)
    {
      g_clear_object (&row);
      row = row_at (outline, 2 + i);
      g_assert_true (jm_outline_row_get_object (row) == cell_items->pdata[i]);
      g_assert_cmpuint (gtk_tree_list_row_get_depth (tree_row_at (outline, 2 + i)), ==, 2);
    }
  g_clear_object (&row);
  row = row_at (outline, 2);
  g_assert_true (jm_outline_row_get_object (row) == JM_OBJECT (referral));
  g_assert_cmpstr (jm_outline_row_get_text (row), ==, jm_item_get_title (referral));

  /* An item added at the front of the open cell shows there, the
   * branches stay open, and a renamed stage is renamed in the rows. */
  rows_open = n_rows (outline);
  added = jm_edit_add_item (jm_window_get_stack (fixture->window), JM_LAYER_STATE_CURRENT,
                            JM_ITEM_KIND_NOTE, "stage-awareness", "lane-actions", 0, "First!", NULL);
  g_assert_nonnull (added);
  wait[0] = outline;
  wait[1] = added;
  jm_ui_test_wait_until (outline_has_object, wait);
  g_assert_cmpuint (n_rows (outline), ==, rows_open + 1);
  g_clear_object (&row);
  row = row_at (outline, 2);
  g_assert_true (jm_outline_row_get_object (row) == JM_OBJECT (added));
  g_assert_cmpstr (jm_outline_row_get_name (row), ==, "Note: First!, Awareness × Customer actions");

  g_assert_true (jm_edit_set_string (jm_window_get_stack (fixture->window), jm_object_store_get_object (stages, 0),
                                     "name", "Noticing", 0, NULL));
  g_clear_object (&row);
  row = row_at (outline, 0);
  g_assert_cmpstr (jm_outline_row_get_text (row), ==, "Noticing");
  g_clear_object (&row);
  row = row_at (outline, 2);
  g_assert_cmpstr (jm_outline_row_get_name (row), ==, "Note: First!, Noticing × Customer actions");
  g_assert_cmpuint (n_rows (outline), ==, rows_open + 1);

  /* Activating a row (Enter) selects its object on the map; a stage's
   * row is a heading. */
  g_assert_true (gtk_widget_activate_action (outline_view (outline), "list.activate-item", "u", 2));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (canvas))), ==, 1);
  g_assert_true (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0) == (gpointer) added);
  g_clear_object (&row);
  row = row_at (outline, 0);
  g_assert_true (jm_outline_row_get_heading (row));
  g_clear_object (&row);
  row = row_at (outline, 2);
  g_assert_false (jm_outline_row_get_heading (row));

  /* Undone, the note's row goes. */
  jm_command_stack_undo (jm_window_get_stack (fixture->window));
  jm_command_stack_undo (jm_window_get_stack (fixture->window));
  g_assert_cmpuint (n_rows (outline), ==, rows_open);
  position = jm_outline_reveal (outline, JM_OBJECT (referral));
  g_assert_cmpint (position, ==, 2);
}

/* The row widget (the one that takes focus) showing @position, or NULL. */
static GtkWidget *
row_widget (JmOutline *outline,
            guint      position)
{
  GtkWidget *view = outline_view (outline);

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *row;

      if (!GTK_IS_TREE_EXPANDER (expander) || !gtk_widget_get_child_visible (child))
        continue;
      row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      if (row != NULL && gtk_tree_list_row_get_position (row) == position)
        return child;
    }

  return NULL;
}

static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  return mismatch == NULL;
}

/* Adds the full names of @store's objects to @names. */
static void
add_names (GHashTable    *names,
           JmDocument    *document,
           JmObjectStore *store,
           gboolean       moments_only)
{
  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    {
      JmObject *object = jm_object_store_get_object (store, i);

      if (moments_only && jm_item_get_moment (JM_ITEM (object)) == JM_MOMENT_KIND_NONE)
        continue;
      g_hash_table_add (names, jm_describe_object (document, JM_LAYER_STATE_CURRENT, object));
    }
}

/* Every emotion point, link, persona and Moment of Truth of the example
 * is found by its full name among the accessible names of the outline's
 * rows, once its groups are opened, as a screen reader user would open
 * them. */
static void
test_outline_accessible_names (JmMapFixture  *fixture,
                               gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  GtkWidget *view = outline_view (outline);
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) personas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) moments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *kinds[] = { points, links, personas, moments };
  guint expected[G_N_ELEMENTS (kinds)], found[G_N_ELEMENTS (kinds)] = { 0 };
  g_autoptr(JmOutlineRow) point_row = NULL;
  JmObject *point;
  guint n_moments = 0;
  int position;

  add_names (points, document, jm_layer_get_points (layer), FALSE);
  add_names (links, document, jm_layer_get_links (layer), FALSE);
  add_names (personas, document, jm_document_get_personas (document), FALSE);
  add_names (moments, document, jm_layer_get_items (layer), TRUE);
  for (guint i = 0; i < jm_object_store_get_n_objects (jm_layer_get_items (layer)); i++)
    if (jm_item_get_moment (jm_object_store_get_object (jm_layer_get_items (layer), i)) != JM_MOMENT_KIND_NONE)
      n_moments++;
  /* The example has some of each, each with a name of its own. */
  g_assert_cmpuint (g_hash_table_size (points), ==, jm_object_store_get_n_objects (jm_layer_get_points (layer)));
  g_assert_cmpuint (g_hash_table_size (links), ==, jm_object_store_get_n_objects (jm_layer_get_links (layer)));
  g_assert_cmpuint (g_hash_table_size (personas), ==, 2);
  g_assert_cmpuint (g_hash_table_size (moments), ==, n_moments);
  g_assert_cmpuint (n_moments, >=, 3);
  g_assert_cmpuint (g_hash_table_size (points), >=, 10);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    expected[k] = g_hash_table_size (kinds[k]);

  /* A few, spelled out. */
  g_assert_true (g_hash_table_contains (moments, "Card: Reads reviews about freshness, Moment of Truth (zero), "
                                                 "Consideration × Customer actions"));
  g_assert_true (g_hash_table_contains (personas, "Persona: Anna Berg, Working parent of two, 38"));
  g_assert_true (g_hash_table_contains (points, "Emotion point: -3.5, Frustrated, First order, persona Anna Berg"));

  show_outline (fixture);

  /* Open the groups and each curve, from the last root up so that
   * positions above stay put. */
  for (int g = JM_OUTLINE_GROUP_MOMENTS; g >= JM_OUTLINE_GROUP_PERSONAS; g--)
    {
      g_autoptr(GtkTreeListRow) group = tree_row_at (outline, find_root (outline, JM_OUTLINE_ROW_GROUP, g));

      gtk_tree_list_row_set_expanded (group, TRUE);
    }
  for (guint i = 0; i < n_rows (outline); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = tree_row_at (outline, i);
      g_autoptr(JmOutlineRow) row = gtk_tree_list_row_get_item (tree_row);

      if (jm_outline_row_get_kind (row) == JM_OUTLINE_ROW_CURVE)
        gtk_tree_list_row_set_expanded (tree_row, TRUE);
    }

  /* Each row in turn scrolled into view, its widget's accessible name
   * looked up among the names still to find. */
  for (guint i = 0; i < n_rows (outline); i++)
    {
      GtkWidget *widget;

      gtk_widget_activate_action (view, "list.scroll-to-item", "u", i);
      jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
      widget = row_widget (outline, i);
      g_assert_nonnull (widget);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          GHashTableIter iter;
          gpointer name;

          g_hash_table_iter_init (&iter, kinds[k]);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            if (has_accessible_label (widget, name))
              {
                found[k]++;
                g_hash_table_iter_remove (&iter);
                break;
              }
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, kinds[k]);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_test_message ("not found in the outline: %s", (char *) name);
      g_assert_cmpuint (found[k], ==, expected[k]);
    }

  /* A point rescored and given another feeling is read anew, on its
   * row's widget too. */
  point = jm_object_store_lookup (jm_layer_get_points (layer), "point-anna-4");
  g_assert_nonnull (point);
  g_assert_true (jm_edit_set_double (jm_window_get_stack (fixture->window), point, "score", 2.0, 0, NULL));
  g_assert_true (jm_edit_set_string (jm_window_get_stack (fixture->window), point, "label", "Relieved", 0, NULL));
  position = jm_outline_reveal (outline, point);
  g_assert_cmpint (position, >=, 0);
  point_row = row_at (outline, position);
  g_assert_cmpstr (jm_outline_row_get_name (point_row), ==,
                   "Emotion point: +2, Relieved, First order, persona Anna Berg");
  gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_nonnull (row_widget (outline, position));
  g_assert_true (has_accessible_label (row_widget (outline, position),
                                       "Emotion point: +2, Relieved, First order, persona Anna Berg"));
}

static gboolean
row_selected (JmOutline *outline,
              JmObject  *object)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (outline_view (outline)));
  int position = jm_outline_reveal (outline, object);

  return position >= 0 && gtk_selection_model_is_selected (model, position);
}

static gboolean
model_has_n_items (gpointer data)
{
  gpointer *pair = data;

  return g_list_model_get_n_items (pair[0]) >= GPOINTER_TO_UINT (pair[1]);
}

static guint
n_rows_selected (JmOutline *outline)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (outline_view (outline)));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);

  return gtk_bitset_get_size (selected);
}

/* The outline's selection is the map's: what is selected on the map is
 * selected in the outline, its branch opened, several at once too; rows
 * selected in the list (one, then another with Ctrl) are selected on the
 * map. */
static void
test_outline_selection (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmSelection *selection = jm_map_canvas_get_selection (canvas);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmItem *reviews = jm_map_fixture_item (fixture, "item-reads-reviews");
  JmItem *referral = jm_map_fixture_item (fixture, "item-sees-referral");
  JmObject *point = jm_object_store_lookup (jm_layer_get_points (jm_document_get_layer (document,
                                                                                       JM_LAYER_STATE_CURRENT)),
                                            "point-anna-4");
  GtkWidget *view = outline_view (outline);
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) stage_row = NULL;
  GListModel *shown;
  gpointer wait[2];
  JmItem *added;
  int position;

  g_assert_nonnull (point);
  show_outline (fixture);

  /* Map → outline: the card's stage and cell open, its row selected. */
  jm_map_canvas_select (canvas, JM_OBJECT (reviews), FALSE);
  g_assert_true (row_selected (outline, JM_OBJECT (reviews)));
  g_assert_cmpuint (n_rows_selected (outline), ==, 1);

  g_ptr_array_add (both, referral);
  g_ptr_array_add (both, point);
  jm_selection_set_objects (selection, both);
  g_assert_true (row_selected (outline, JM_OBJECT (referral)));
  g_assert_true (row_selected (outline, point));
  g_assert_false (row_selected (outline, JM_OBJECT (reviews)));
  g_assert_cmpuint (n_rows_selected (outline), ==, 2);

  jm_selection_clear (selection);
  g_assert_cmpuint (n_rows_selected (outline), ==, 0);

  /* Outline → map: a row selected in the list, then another added. */
  position = jm_outline_reveal (outline, JM_OBJECT (reviews));
  g_assert_true (gtk_widget_activate_action (view, "list.select-item", "(ubb)", position, FALSE, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_true (jm_selection_peek (selection, 0) == (gpointer) reviews);

  position = jm_outline_reveal (outline, point);
  g_assert_true (gtk_widget_activate_action (view, "list.select-item", "(ubb)", position, TRUE, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  g_assert_true (jm_selection_contains (selection, JM_OBJECT (reviews)));
  g_assert_true (jm_selection_contains (selection, point));
  g_assert_cmpuint (n_rows_selected (outline), ==, 2);

  /* A branch closed while its item is selected stays closed through
   * edits elsewhere. */
  jm_map_canvas_select (canvas, JM_OBJECT (reviews), FALSE);
  stage_row = gtk_tree_list_model_get_child_row (GTK_TREE_LIST_MODEL (jm_outline_get_model (outline)), 1);
  g_assert_true (gtk_tree_list_row_get_expanded (stage_row));
  gtk_tree_list_row_set_expanded (stage_row, FALSE);
  /* The list's own model, read without making the outline catch up: the
   * outline's idle update is what is tested. */
  shown = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
  wait[0] = shown;
  wait[1] = GUINT_TO_POINTER (g_list_model_get_n_items (shown) + 1);
  added = jm_edit_add_item (jm_window_get_stack (fixture->window), JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_NOTE,
                            "stage-awareness", "lane-actions", 0, "Elsewhere", NULL);
  g_assert_nonnull (added);
  jm_ui_test_wait_until (model_has_n_items, wait);
  g_assert_false (gtk_tree_list_row_get_expanded (stage_row));
  g_assert_true (jm_selection_peek (selection, 0) == (gpointer) reviews);
}

static gboolean
focus_in (JmOutline *outline)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (outline)));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (outline));
}

static gboolean
focus_in_outline (gpointer data)
{
  return focus_in (data);
}

static gboolean
focus_not_in_outline (gpointer data)
{
  return !focus_in (data);
}

static gboolean
selection_is (gpointer data)
{
  gpointer *pair = data;
  JmSelection *selection = pair[0];

  return g_list_model_get_n_items (G_LIST_MODEL (selection)) == 1 && jm_selection_peek (selection, 0) == pair[1];
}

static gboolean
selection_has_two (gpointer data)
{
  return g_list_model_get_n_items (data) == 2;
}

static gboolean
selection_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0;
}

static gboolean
row_expanded (gpointer data)
{
  return gtk_tree_list_row_get_expanded (data);
}

static gboolean
row_collapsed (gpointer data)
{
  return !gtk_tree_list_row_get_expanded (data);
}

/* With the keyboard alone: the outline is one Tab stop (Tab leaves it,
 * Shift+Tab comes back to it, and the other way round), Down moves to the
 * next row and selects its object on the map, Right opens a stage and
 * goes into it, Left goes back up and closes it, Shift+Down selects one
 * more. */
static void
test_outline_keyboard (JmMapFixture  *fixture,
                       gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmSelection *selection = jm_map_canvas_get_selection (jm_window_get_canvas (fixture->window));
  JmObjectStore *stages = jm_document_get_stages (document);
  g_autoptr(GtkTreeListRow) second_stage = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *shot = NULL;
  gpointer wait[2];

  show_outline (fixture);
  jm_selection_clear (selection);

  gtk_widget_grab_focus (GTK_WIDGET (outline));
  jm_ui_test_wait_until (focus_in_outline, outline);

  /* One Tab leaves the outline, one Shift+Tab comes back. */
  jm_ui_test_xdotool ("key", "Tab", NULL);
  jm_ui_test_wait_until (focus_not_in_outline, outline);
  jm_ui_test_xdotool ("key", "shift+Tab", NULL);
  jm_ui_test_wait_until (focus_in_outline, outline);

  /* Home selects the first stage on the map, Down the second. (GTK 4.8
   * enters the list on its first row; GTK 4.18 on none, and its first
   * Down goes to the first row.) */
  jm_ui_test_xdotool ("key", "Home", NULL);
  wait[0] = selection;
  wait[1] = jm_object_store_get_object (stages, 0);
  jm_ui_test_wait_until (selection_is, wait);
  jm_ui_test_xdotool ("key", "Down", NULL);
  wait[1] = jm_object_store_get_object (stages, 1);
  jm_ui_test_wait_until (selection_is, wait);
  g_assert_true (focus_in (outline));

  /* Right opens it, Left closes it. */
  second_stage = tree_row_at (outline, 1);
  g_assert_false (gtk_tree_list_row_get_expanded (second_stage));
  jm_ui_test_xdotool ("key", "Right", NULL);
  jm_ui_test_wait_until (row_expanded, second_stage);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  shot = jm_ui_test_save_screenshot (texture, "outline-keyboard.png");
  g_test_message ("screenshot: %s", shot);
  /* Right again goes into it: a cell, which selects nothing on the map;
   * Left goes back up to the stage, and Left again closes it. */
  jm_ui_test_xdotool ("key", "Right", NULL);
  jm_ui_test_wait_until (selection_empty, selection);
  g_assert_true (gtk_tree_list_row_get_expanded (second_stage));
  jm_ui_test_xdotool ("key", "Left", NULL);
  jm_ui_test_wait_until (selection_is, wait);
  g_assert_true (gtk_tree_list_row_get_expanded (second_stage));
  jm_ui_test_xdotool ("key", "Left", NULL);
  jm_ui_test_wait_until (row_collapsed, second_stage);
  g_assert_true (focus_in (outline));

  /* Shift+Down adds the next stage to the map's selection; Up alone
   * goes back to the second stage only. */
  jm_ui_test_xdotool ("key", "shift+Down", NULL);
  jm_ui_test_wait_until (selection_has_two, selection);
  g_assert_true (jm_selection_contains (selection, jm_object_store_get_object (stages, 1)));
  g_assert_true (jm_selection_contains (selection, jm_object_store_get_object (stages, 2)));
  jm_ui_test_xdotool ("key", "Up", NULL);
  jm_ui_test_wait_until (selection_is, wait);
  g_assert_true (focus_in (outline));

  /* Shift+Tab leaves it backwards, and one Tab comes back into it. */
  jm_ui_test_xdotool ("key", "shift+Tab", NULL);
  jm_ui_test_wait_until (focus_not_in_outline, outline);
  jm_ui_test_xdotool ("key", "Tab", NULL);
  jm_ui_test_wait_until (focus_in_outline, outline);
}

static gboolean
outline_has_n_rows (gpointer data)
{
  gpointer *pair = data;

  return n_rows (pair[1]) == GPOINTER_TO_UINT (pair[0]);
}

static gboolean
document_is_not (gpointer data)
{
  gpointer *pair = data;

  return jm_window_get_document (pair[0]) != NULL && jm_window_get_document (pair[0]) != pair[1];
}

/* The benchmarks' map of 100,000 items, opened with the outline shown:
 * only the stages and groups have rows until a branch is opened; opening
 * a stage and a cell, revealing an item selected on the map and following
 * an edit each take one pass over the items at most. The times are
 * printed; what is asserted is that nothing was made for the closed
 * branches, and that each step happened. */
static void
test_outline_giant_map (JmMapFixture  *fixture,
                        gconstpointer  data)
{
  JmOutline *outline = jm_window_get_outline (fixture->window);
  g_autofree char *path = jm_test_generate_map (fixture->dir, 100000, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkTreeListRow) stage_row = NULL;
  g_autoptr(GtkTreeListRow) cell_row = NULL;
  g_autoptr(JmOutlineRow) cell = NULL;
  JmDocument *document;
  JmObjectStore *items;
  JmItem *last, *added;
  gpointer wait[2] = { fixture->window, jm_window_get_document (fixture->window) };
  guint n_stages, rows_open;
  gint64 start;
  int position;

  show_outline (fixture);
  start = g_get_monotonic_time ();
  jm_window_open_file (fixture->window, file);
  jm_ui_test_wait_until (document_is_not, wait);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_test_message ("100k map opened with the outline shown: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  document = jm_window_get_document (fixture->window);
  items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  n_stages = jm_object_store_get_n_objects (jm_document_get_stages (document));
  g_assert_cmpuint (jm_object_store_get_n_objects (items), >=, 40000);
  g_assert_cmpuint (n_rows (outline), ==, n_stages + JM_OUTLINE_N_GROUPS);

  start = g_get_monotonic_time ();
  stage_row = tree_row_at (outline, 0);
  gtk_tree_list_row_set_expanded (stage_row, TRUE);
  cell_row = tree_row_at (outline, 1);
  gtk_tree_list_row_set_expanded (cell_row, TRUE);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_test_message ("first stage and cell opened: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  cell = gtk_tree_list_row_get_item (cell_row);
  g_assert_cmpuint (n_rows (outline), ==, n_stages + JM_OUTLINE_N_GROUPS +
                    jm_object_store_get_n_objects (jm_document_get_lanes (document)) +
                    g_list_model_get_n_items (G_LIST_MODEL (jm_outline_row_get_children (cell))));

  /* The last item, selected on the map: its stage and cell open. */
  last = jm_object_store_get_object (items, jm_object_store_get_n_objects (items) - 1);
  start = g_get_monotonic_time ();
  jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (last), FALSE);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_test_message ("last item selected on the map, revealed: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (row_selected (outline, JM_OBJECT (last)));

  /* An edit in the open first cell: one row more, the branches open
   * stay open. */
  rows_open = n_rows (outline);
  start = g_get_monotonic_time ();
  added = jm_edit_add_item (jm_window_get_stack (fixture->window), JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_NOTE,
                            jm_object_get_id (JM_OBJECT (jm_outline_row_get_stage (cell))),
                            jm_object_get_id (jm_outline_row_get_object (cell)), 0, "Added", NULL);
  g_assert_nonnull (added);
  wait[0] = GUINT_TO_POINTER (rows_open + 1);
  wait[1] = outline;
  jm_ui_test_wait_until (outline_has_n_rows, wait);
  g_test_message ("an item added, the outline updated: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  position = jm_outline_reveal (outline, JM_OBJECT (added));
  g_assert_cmpint (position, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible names are read through GTK's test backend: without an
   * accessibility backend, widgets have no accessible state to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/outline/tree", test_outline_tree);
  jm_map_fixture_add ("/ui/outline/accessible-names", test_outline_accessible_names);
  jm_map_fixture_add ("/ui/outline/selection", test_outline_selection);
  jm_map_fixture_add ("/ui/outline/keyboard", test_outline_keyboard);
  jm_map_fixture_add ("/ui/outline/giant-map", test_outline_giant_map);

  return jm_map_fixture_run ();
}
