/* test-commands.c: commands, the undo history and the edits
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "commands/jm-group-command.h"
#include "commands/jm-insert-command.h"
#include "commands/jm-move-command.h"
#include "commands/jm-remove-command.h"
#include "commands/jm-set-property-command.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-compare.h"

#include "jm-test-maps.h"

typedef struct
{
  JmDocument     *document;
  JmCommandStack *stack;
} Fixture;

static JmDocument *
load_example (void)
{
  return jm_test_load_example ("saas-onboarding.jmap");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = load_example ();
  fixture->stack = jm_command_stack_new (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->document);
}

/* Snapshots {{{ */

/* A deep copy of a document at one moment: the values of its properties,
 * a clone of every object of every store, in order, and its canonical
 * text. Undo must give back exactly this. */
typedef struct
{
  GBytes    *xml;
  GPtrArray *values;  /* GValue *, one per property of the document */
  GPtrArray *stores;  /* GPtrArray of JmObject clones, one per store */
} Snapshot;

static void
value_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->xml, g_bytes_unref);
  g_clear_pointer (&snapshot->values, g_ptr_array_unref);
  g_clear_pointer (&snapshot->stores, g_ptr_array_unref);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

/* Every store of @document, in a fixed order. */
static GPtrArray *
document_stores (JmDocument *document)
{
  GPtrArray *stores = g_ptr_array_new ();

  g_ptr_array_add (stores, jm_document_get_personas (document));
  g_ptr_array_add (stores, jm_document_get_stages (document));
  g_ptr_array_add (stores, jm_document_get_lanes (document));
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_document_get_layer (document, state);

      g_ptr_array_add (stores, jm_layer_get_items (layer));
      g_ptr_array_add (stores, jm_layer_get_points (layer));
      g_ptr_array_add (stores, jm_layer_get_links (layer));
    }

  return stores;
}

static GPtrArray *
clone_store (JmObjectStore *store)
{
  GPtrArray *clones = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    g_ptr_array_add (clones, jm_object_clone (jm_object_store_get_object (store, i)));

  return clones;
}

static Snapshot *
snapshot_take (JmDocument *document)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  g_autoptr(GPtrArray) stores = document_stores (document);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  snapshot->xml = jm_xml_writer_write_bytes (document);
  snapshot->values = g_ptr_array_new_with_free_func (value_free);
  snapshot->stores = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (document), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GValue *value = g_new0 (GValue, 1);

      g_value_init (value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (document), pspecs[i]->name, value);
      g_ptr_array_add (snapshot->values, value);
    }

  for (guint i = 0; i < stores->len; i++)
    g_ptr_array_add (snapshot->stores, clone_store (stores->pdata[i]));

  return snapshot;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_DATE_TIME))
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      return x == y || (x != NULL && y != NULL && g_date_time_equal (x, y));
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
document_properties_match (JmDocument *document,
                           Snapshot   *snapshot)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (document), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (document), pspecs[i]->name, &value);
      if (!values_equal (pspecs[i], &value, snapshot->values->pdata[i]))
        {
          g_test_message ("The document's %s differs", pspecs[i]->name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
store_matches (JmObjectStore *store,
               GPtrArray     *clones)
{
  if (jm_object_store_get_n_objects (store) != clones->len)
    {
      g_test_message ("A store holds %u objects instead of %u",
                      jm_object_store_get_n_objects (store), clones->len);
      return FALSE;
    }

  for (guint i = 0; i < clones->len; i++)
    {
      JmObject *object = jm_object_store_get_object (store, i);

      if (!jm_object_equal (object, clones->pdata[i]))
        {
          g_test_message ("“%s” differs from “%s”", jm_object_get_id (object),
                          jm_object_get_id (clones->pdata[i]));
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether @document is as it was when @snapshot was taken, compared object
 * by object with jm_object_equal() and as text. */
static gboolean
snapshot_matches (Snapshot   *snapshot,
                  JmDocument *document)
{
  g_autoptr(GPtrArray) stores = document_stores (document);
  g_autoptr(GBytes) xml = NULL;

  if (!document_properties_match (document, snapshot))
    return FALSE;

  for (guint i = 0; i < stores->len; i++)
    {
      if (!store_matches (stores->pdata[i], snapshot->stores->pdata[i]))
        return FALSE;
    }

  xml = jm_xml_writer_write_bytes (document);
  return g_bytes_equal (xml, snapshot->xml);
}

static Snapshot *
snapshot (Fixture *fixture)
{
  return snapshot_take (fixture->document);
}

static void
assert_snapshot (Fixture  *fixture,
                 Snapshot *expected)
{
  g_assert_true (snapshot_matches (expected, fixture->document));
}

static void
assert_not_snapshot (Fixture  *fixture,
                     Snapshot *expected)
{
  g_assert_false (snapshot_matches (expected, fixture->document));
}

/* What the editor makes, the file format holds: the map opens again, the
 * same object by object. */
static void
assert_reopens (JmDocument *document)
{
  g_autoptr(Snapshot) made = snapshot_take (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) again = jm_xml_reader_read_bytes (made->xml, "again.jmap", &error);

  g_assert_no_error (error);
  g_assert_true (snapshot_matches (made, again));
}

/* }}} */

static JmLayer *
layer (Fixture      *fixture,
       JmLayerState  state)
{
  return jm_document_get_layer (fixture->document, state);
}

static JmLayer *
current (Fixture *fixture)
{
  return layer (fixture, JM_LAYER_STATE_CURRENT);
}

static JmLayer *
future (Fixture *fixture)
{
  return layer (fixture, JM_LAYER_STATE_FUTURE);
}

static JmItem *
item (Fixture    *fixture,
      const char *id)
{
  JmItem *found = jm_layer_lookup_item (current (fixture), id);

  g_assert_nonnull (found);
  return found;
}

static JmEmotionPoint *
point (Fixture    *fixture,
       const char *id)
{
  JmEmotionPoint *found = jm_object_store_lookup (jm_layer_get_points (current (fixture)), id);

  g_assert_nonnull (found);
  return found;
}

static JmLink *
link_ (Fixture    *fixture,
       const char *id)
{
  JmLink *found = jm_object_store_lookup (jm_layer_get_links (current (fixture)), id);

  g_assert_nonnull (found);
  return found;
}

static JmStage *
stage (Fixture    *fixture,
       const char *id)
{
  JmStage *found = jm_document_lookup_stage (fixture->document, id);

  g_assert_nonnull (found);
  return found;
}

static JmLane *
lane (Fixture    *fixture,
      const char *id)
{
  JmLane *found = jm_document_lookup_lane (fixture->document, id);

  g_assert_nonnull (found);
  return found;
}

static guint
n_objects (JmObjectStore *store)
{
  return jm_object_store_get_n_objects (store);
}

/* Each edit: one step, and one undo restores the document exactly. */
static void
assert_one_undoable_step (Fixture  *fixture,
                          Snapshot *before)
{
  g_autoptr(Snapshot) after = snapshot (fixture);

  assert_not_snapshot (fixture, before);
  assert_reopens (fixture->document);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, before);
  g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, after);
  g_assert_true (jm_command_stack_undo (fixture->stack));
}

/* A refused edit: the error, no step, no change. */
static void
assert_refused (Fixture  *fixture,
                Snapshot *before,
                GError  **error,
                int       code)
{
  g_assert_error (*error, JM_COMMAND_ERROR, code);
  g_assert_nonnull ((*error)->message);
  g_clear_error (error);
  assert_snapshot (fixture, before);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 0);
}

/* The snapshot comparison itself: it must see every kind of change, or
 * the tests built on it could not fail. */
static void
test_snapshot_detects_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  assert_snapshot (fixture, before);

  g_assert_true (jm_edit_set_int (fixture->stack, fixture->document, "rank", 7, 0, NULL));
  assert_not_snapshot (fixture, before);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  g_assert_true (jm_edit_set_string (fixture->stack,
                                     jm_layer_lookup_item (future (fixture), "touch-planner"),
                                     "body", "Changed", 0, NULL));
  assert_not_snapshot (fixture, before);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  g_assert_true (jm_edit_move_lane (fixture->stack, lane (fixture, "lane-actions"), 1, NULL));
  assert_not_snapshot (fixture, before);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  g_ptr_array_add (doomed, link_ (fixture, "link-renewal-loops"));
  g_assert_true (jm_edit_delete_objects (fixture->stack, doomed, NULL));
  assert_not_snapshot (fixture, before);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  assert_snapshot (fixture, before);
}

/* Commands {{{ */

/* Contract of every command type, as Dia's test-objects.c does for its
 * objects: apply changes the map, revert restores it exactly, apply again
 * gives the same result. */
typedef JmCommand *(*CommandFactory) (Fixture *fixture);

typedef struct
{
  const char     *name;
  CommandFactory  factory;
} Contract;

static JmCommand *
make_set_property (Fixture *fixture)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "A new title");
  return jm_set_property_command_new (G_OBJECT (item (fixture, "item-searches")), "title", &value);
}

static JmCommand *
make_set_document_property (Fixture *fixture)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 12);
  return jm_set_property_command_new (G_OBJECT (fixture->document), "max-length-days", &value);
}

static JmCommand *
make_insert (Fixture *fixture)
{
  g_autoptr(JmStage) new_stage = jm_stage_new ("stage-new");

  return jm_insert_command_new (jm_document_get_stages (fixture->document), 2,
                                JM_OBJECT (new_stage));
}

static JmCommand *
make_insert_item (Fixture *fixture)
{
  g_autoptr(JmObject) copy = jm_object_clone (JM_OBJECT (item (fixture, "touch-sales-call")));
  JmObjectStore *items = jm_layer_get_items (future (fixture));

  g_assert_null (jm_object_store_lookup (items, "touch-sales-call"));
  return jm_insert_command_new (items, n_objects (items), copy);
}

static JmCommand *
make_remove (Fixture *fixture)
{
  return jm_remove_command_new (jm_layer_get_items (current (fixture)),
                                JM_OBJECT (item (fixture, "touch-planner")));
}

static JmCommand *
make_move (Fixture *fixture)
{
  JmObjectStore *lanes = jm_document_get_lanes (fixture->document);

  return jm_move_command_new (lanes, jm_object_store_get_object (lanes, 0), 4);
}

static JmCommand *
make_move_back (Fixture *fixture)
{
  JmObjectStore *points = jm_layer_get_points (current (fixture));

  return jm_move_command_new (points, JM_OBJECT (point (fixture, "point-marco-4")), 0);
}

static JmCommand *
make_group (Fixture *fixture)
{
  JmCommand *group = jm_group_command_new ("Three things");
  g_autoptr(JmCommand) a = make_set_property (fixture);
  g_autoptr(JmCommand) b = make_move (fixture);
  g_autoptr(JmCommand) c = make_remove (fixture);

  jm_group_command_add (JM_GROUP_COMMAND (group), a);
  jm_group_command_add (JM_GROUP_COMMAND (group), b);
  jm_group_command_add (JM_GROUP_COMMAND (group), c);
  return group;
}

static const Contract contracts[] = {
  { "set-property", make_set_property },
  { "set-property-of-document", make_set_document_property },
  { "insert", make_insert },
  { "insert-item", make_insert_item },
  { "remove", make_remove },
  { "move", make_move },
  { "move-back", make_move_back },
  { "group", make_group },
};

static void
test_command_contract (gconstpointer data)
{
  const Contract *contract = data;
  Fixture fixture;
  g_autoptr(JmCommand) command = NULL;
  g_autoptr(Snapshot) before = NULL;
  g_autoptr(Snapshot) after = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture, NULL);
  command = contract->factory (&fixture);
  before = snapshot (&fixture);
  g_assert_nonnull (jm_command_get_label (command));

  g_assert_true (jm_command_apply (command, fixture.document, &error));
  g_assert_no_error (error);
  assert_not_snapshot (&fixture, before);
  after = snapshot (&fixture);

  jm_command_revert (command, fixture.document);
  assert_snapshot (&fixture, before);

  g_assert_true (jm_command_apply (command, fixture.document, &error));
  g_assert_no_error (error);
  assert_snapshot (&fixture, after);

  g_clear_object (&command);
  fixture_tear_down (&fixture, NULL);
}

/* The command checks the value against the property: type and range. */
static void
test_set_property_refuses_bad_values (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  JmStage *setup = stage (fixture, "stage-setup");
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(JmCommand) command = NULL;

  g_assert_false (jm_edit_set_double (fixture->stack, setup, "width", JM_STAGE_MIN_WIDTH - 1, 0,
                                      &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_int (fixture->stack, fixture->document, "rank", -1, 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_enum (fixture->stack, lane (fixture, "lane-actions"), "kind", 1000,
                                    &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_string (fixture->stack, setup, "no-such-property", "x", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_string (fixture->stack, setup, "id", "stage-other", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_double (fixture->stack, setup, "width", NAN, 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);

  /* A value of another kind that cannot become the property's. */
  g_value_init (&value, G_TYPE_POINTER);
  command = jm_set_property_command_new (G_OBJECT (setup), "width", &value);
  g_assert_false (jm_command_stack_push (fixture->stack, command, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);

  /* One that can: an int for a double. */
  g_assert_true (jm_edit_set_int (fixture->stack, setup, "width", 300, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_stage_get_width (setup), ==, 300.0);
  assert_one_undoable_step (fixture, before);
}

/* }}} */

/* The history {{{ */

static void
test_stack_undo_redo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(Snapshot) middle = NULL;
  g_autoptr(Snapshot) end = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_command_stack_get_can_undo (fixture->stack));
  g_assert_false (jm_command_stack_get_can_redo (fixture->stack));
  g_assert_false (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_get_document (fixture->stack) == fixture->document);

  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title",
                                     "One", 0, &error));
  middle = snapshot (fixture);
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "body", "Two",
                                     0, &error));
  g_assert_no_error (error);
  end = snapshot (fixture);
  g_assert_true (jm_command_stack_get_can_undo (fixture->stack));
  g_assert_true (jm_command_stack_get_modified (fixture->stack));

  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, middle);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_false (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);
  g_assert_false (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_get_can_redo (fixture->stack));

  g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, middle);
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_false (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
}

static void
test_stack_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JmCommand) command = make_move (fixture);
  g_autofree char *label = NULL;

  g_assert_null (jm_command_stack_get_undo_label (fixture->stack));
  g_assert_null (jm_command_stack_get_redo_label (fixture->stack));

  jm_command_set_label (command, "Shuffle");
  g_object_get (command, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "Shuffle");
  g_assert_true (jm_command_stack_push (fixture->stack, command, NULL));
  g_assert_true (jm_edit_delete_stage (fixture->stack, stage (fixture, "stage-setup"), NULL));

  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Delete Stage");
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Shuffle");
  g_assert_cmpstr (jm_command_stack_get_redo_label (fixture->stack), ==, "Delete Stage");
}

static void
test_stack_new_edit_drops_redo_and_clean (Fixture       *fixture,
                                          gconstpointer  data)
{
  JmItem *it = item (fixture, "item-searches");

  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Saved", 0, NULL));
  jm_command_stack_mark_clean (fixture->stack);
  g_assert_false (jm_command_stack_get_modified (fixture->stack));

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_false (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));

  /* A new edit after the undo: the saved state can no longer be reached. */
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Other", 0, NULL));
  g_assert_false (jm_command_stack_get_can_redo (fixture->stack));
  g_assert_false (jm_command_stack_redo (fixture->stack));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_true (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_get_modified (fixture->stack));
}

/* A save remembers the position it serialized; edits made while it was
 * written stay modified. */
static void
test_stack_mark_clean_at (Fixture       *fixture,
                          gconstpointer  data)
{
  JmItem *it = item (fixture, "item-searches");
  guint saved;

  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "A", 0, NULL));
  saved = jm_command_stack_get_position (fixture->stack);
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "B", 0, NULL));

  jm_command_stack_mark_clean_at (fixture->stack, saved);
  g_assert_true (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_false (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_get_modified (fixture->stack));

  /* A position that never existed: modified everywhere (recovered drafts). */
  jm_command_stack_mark_clean_at (fixture->stack, G_MAXUINT);
  g_assert_true (jm_command_stack_get_modified (fixture->stack));
  while (jm_command_stack_redo (fixture->stack))
    g_assert_true (jm_command_stack_get_modified (fixture->stack));
}

/* A burst of typing is one step; a save or an undo ends the burst. */
static void
test_stack_typing_merges (Fixture       *fixture,
                          gconstpointer  data)
{
  JmItem *it = item (fixture, "item-searches");
  g_autofree char *original = g_strdup (jm_item_get_title (it));
  const guint key = 42;

  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "R", key, NULL));
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Ro", key, NULL));
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Rou", key, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_cmpstr (jm_item_get_title (it), ==, "Rou");

  /* Another key, another step; so is another property with the same key. */
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Route", key + 1, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 2);
  g_assert_true (jm_edit_set_string (fixture->stack, it, "body", "Route", key + 1, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 3);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  /* No key, no merge. */
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Routes", 0, NULL));
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Route", 0, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 4);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));

  /* Not across a save: the saved state must stay reachable. */
  jm_command_stack_mark_clean (fixture->stack);
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Routes", key + 1, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 3);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpstr (jm_item_get_title (it), ==, "Route");
  g_assert_false (jm_command_stack_get_modified (fixture->stack));

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpstr (jm_item_get_title (it), ==, original);
}

/* After an undo, the same key starts a new step instead of folding into
 * one that is no longer the last done. */
static void
test_stack_no_merge_after_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  JmItem *it = item (fixture, "item-searches");
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(Snapshot) first = NULL;

  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "A", 7, NULL));
  first = snapshot (fixture);
  g_assert_true (jm_edit_set_string (fixture->stack, it, "body", "B", 7, NULL));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "C", 7, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 2);

  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, first);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);
}

/* A drag is one step, from where it started to where it ended. */
static void
test_stack_drag_merges (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(Snapshot) end = NULL;
  JmObjectStore *stages = jm_document_get_stages (fixture->document);
  JmStage *renewal = stage (fixture, "stage-renewal");
  g_autoptr(JmCommand) other = NULL;

  for (guint position = 4; position-- > 0;)
    {
      g_autoptr(JmCommand) move = jm_move_command_new (stages, JM_OBJECT (renewal), position);

      jm_command_set_merge_key (move, 3);
      g_assert_true (jm_command_stack_push (fixture->stack, move, NULL));
    }
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_true (jm_object_store_get_object (stages, 0) == (gpointer) renewal);
  end = snapshot (fixture);

  /* Another object, even with the same key, is another step. */
  other = jm_move_command_new (stages, JM_OBJECT (stage (fixture, "stage-setup")), 4);
  jm_command_set_merge_key (other, 3);
  g_assert_true (jm_command_stack_push (fixture->stack, other, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 2);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, end);

  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);
  g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
}

/* Dragging an item across cells, or a point along the curve: each move
 * changes several properties and the order, the whole drag is one step. */
static void
test_stack_composite_drag_merges (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(Snapshot) end = NULL;
  JmItem *it = item (fixture, "item-searches");
  JmEmotionPoint *pt = point (fixture, "point-priya-1");
  const char *cells[][2] = {
    { "stage-setup", "lane-actions" },
    { "stage-setup", "lane-thoughts" },
    { "stage-renewal", "lane-backstage" },
    { "stage-first-value", "lane-actions" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_true (jm_edit_move_item_full (fixture->stack, JM_LAYER_STATE_CURRENT, it, cells[i][0],
                                           cells[i][1], i % 2 ? 0 : -1, 11, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Move Item");
  g_assert_cmpstr (jm_item_get_stage_id (it), ==, "stage-first-value");

  for (guint i = 0; i < 5; i++)
    g_assert_true (jm_edit_move_emotion_point_full (fixture->stack, pt,
                                                    i % 2 ? "stage-setup" : "stage-sign-up",
                                                    i / 5.0, i - 2.5, 12, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 2);
  end = snapshot (fixture);

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
}

static void
test_stack_groups (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(Snapshot) end = NULL;
  JmItem *it = item (fixture, "item-searches");

  jm_command_stack_begin_group (fixture->stack, "Outer");
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "A", 0, NULL));
  jm_command_stack_begin_group (fixture->stack, "Inner");
  g_assert_true (jm_edit_set_string (fixture->stack, it, "body", "B", 0, NULL));
  g_assert_true (jm_edit_delete_stage (fixture->stack, stage (fixture, "stage-renewal"), NULL));
  jm_command_stack_end_group (fixture->stack);
  jm_command_stack_begin_group (fixture->stack, "Empty");
  jm_command_stack_end_group (fixture->stack);
  /* Nothing is recorded before the outermost group ends. */
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 0);
  jm_command_stack_end_group (fixture->stack);
  end = snapshot (fixture);

  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Outer");
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);
  g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  /* An empty group is no step at all, and keeps what can be redone. */
  jm_command_stack_begin_group (fixture->stack, "Nothing");
  jm_command_stack_end_group (fixture->stack);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 0);
  g_assert_true (jm_command_stack_get_can_redo (fixture->stack));

  /* A cancelled group takes back what it did and records nothing. */
  jm_command_stack_begin_group (fixture->stack, "Cancelled");
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "C", 0, NULL));
  g_assert_true (jm_edit_delete_lane (fixture->stack, lane (fixture, "lane-actions"), NULL));
  jm_command_stack_cancel_group (fixture->stack);
  assert_snapshot (fixture, start);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 0);
  g_assert_true (jm_command_stack_get_can_redo (fixture->stack));
}

/* A command that fails is not recorded and changes nothing; a failing group
 * takes back the children it already applied. */
static void
test_stack_failures_change_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(JmStage) duplicate = jm_stage_new ("stage-setup");
  g_autoptr (JmCommand) insert =
    jm_insert_command_new (jm_document_get_stages (fixture->document), 0, JM_OBJECT (duplicate));
  g_autoptr(JmCommand) group = jm_group_command_new ("Half");
  g_autoptr(JmCommand) rename = make_set_property (fixture);
  g_autoptr(JmCommand) shuffle = make_move (fixture);
  g_autoptr(JmCommand) beyond = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_command_stack_push (fixture->stack, insert, &error));
  assert_refused (fixture, start, &error, JM_COMMAND_ERROR_INVALID);

  beyond = jm_move_command_new (jm_document_get_stages (fixture->document),
                                JM_OBJECT (stage (fixture, "stage-setup")), 99);
  g_assert_false (jm_command_stack_push (fixture->stack, beyond, &error));
  assert_refused (fixture, start, &error, JM_COMMAND_ERROR_INVALID);

  jm_group_command_add (JM_GROUP_COMMAND (group), rename);
  jm_group_command_add (JM_GROUP_COMMAND (group), shuffle);
  jm_group_command_add (JM_GROUP_COMMAND (group), insert);
  g_assert_false (jm_command_stack_push (fixture->stack, group, &error));
  assert_refused (fixture, start, &error, JM_COMMAND_ERROR_INVALID);

  g_assert_null (jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                                   "no-such-stage", "lane-actions", -1, "x", &error));
  assert_refused (fixture, start, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (jm_edit_move_emotion_point (fixture->stack, point (fixture, "point-priya-1"),
                                              "stage-setup", 0.5, 7.0, &error));
  assert_refused (fixture, start, &error, JM_COMMAND_ERROR_INVALID);
}

/* A refused edit after an undo leaves what can be redone. */
static void
test_stack_failure_keeps_redo (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "A",
                                     0, NULL));
  jm_command_stack_mark_clean (fixture->stack);
  g_assert_true (jm_command_stack_undo (fixture->stack));

  g_assert_false (jm_edit_set_double (fixture->stack, stage (fixture, "stage-setup"), "width", 1, 0,
                                      &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_assert_true (jm_command_stack_get_can_redo (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_false (jm_command_stack_get_modified (fixture->stack));
}

static void
on_changed_cb (JmCommandStack *stack,
               guint          *count)
{
  (*count)++;
}

static void
on_notify_cb (JmCommandStack *stack,
              GParamSpec     *pspec,
              guint          *count)
{
  (*count)++;
}

static void
test_stack_notifies (Fixture       *fixture,
                     gconstpointer  data)
{
  guint changed = 0, modified = 0, can_undo = 0, can_redo = 0;
  g_autoptr(GError) error = NULL;

  g_signal_connect (fixture->stack, "changed", G_CALLBACK (on_changed_cb), &changed);
  g_signal_connect (fixture->stack, "notify::modified", G_CALLBACK (on_notify_cb), &modified);
  g_signal_connect (fixture->stack, "notify::can-undo", G_CALLBACK (on_notify_cb), &can_undo);
  g_signal_connect (fixture->stack, "notify::can-redo", G_CALLBACK (on_notify_cb), &can_redo);

  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "A",
                                     0, NULL));
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "B",
                                     0, NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (can_redo, ==, 0);

  /* A refused edit: no signal at all. */
  g_assert_false (jm_edit_set_int (fixture->stack, fixture->document, "rank", -5, 0, &error));
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (modified, ==, 2);
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_false (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (jm_command_stack_redo (fixture->stack));
  jm_command_stack_mark_clean (fixture->stack);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (modified, ==, 4);
}

/* }}} */

/* The edits {{{ */

static void
test_edit_set_typed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  JmPersona *marco = jm_document_lookup_persona (fixture->document, "persona-marco");
  JmLane *actions = lane (fixture, "lane-actions");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_string (fixture->stack, fixture->document, "title", "Onboarding", 0,
                                     &error));
  g_assert_cmpstr (jm_document_get_title (fixture->document), ==, "Onboarding");
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_set_double (fixture->stack, actions, "height", 321, 0, &error));
  g_assert_cmpfloat (jm_lane_get_height (actions), ==, 321);
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_set_int (fixture->stack, fixture->document, "rank", 3, 0, &error));
  g_assert_cmpint (jm_document_get_rank (fixture->document), ==, 3);
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_set_enum (fixture->stack, actions, "kind", JM_LANE_KIND_TEXT, &error));
  g_assert_cmpint (jm_lane_get_kind (actions), ==, JM_LANE_KIND_TEXT);
  assert_one_undoable_step (fixture, before);

  /* One primary persona at most. */
  g_assert_true (jm_edit_set_boolean (fixture->stack, marco, "primary", TRUE, &error));
  g_assert_true (jm_persona_get_primary (marco));
  g_assert_false (jm_persona_get_primary (jm_document_lookup_persona (fixture->document,
                                                                      "persona-priya")));
  assert_one_undoable_step (fixture, before);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "#00ff88");
  g_assert_true (jm_edit_set (fixture->stack, item (fixture, "item-searches"), "color", &value, 0,
                              &error));
  g_assert_cmpstr (jm_item_get_color (item (fixture, "item-searches")), ==, "#00ff88");
  g_assert_no_error (error);
  assert_one_undoable_step (fixture, before);
}

/* Setting a value a property already has is no edit: no undo step, not
 * modified, and after a real change the same value again adds nothing. */
static void
test_edit_set_same_value (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *title = jm_document_get_title (fixture->document);
  g_autofree char *same = g_strdup (title);
  JmLane *actions = lane (fixture, "lane-actions");

  g_assert_true (jm_edit_set_string (fixture->stack, fixture->document, "title", same, 0, NULL));
  g_assert_true (jm_edit_set_enum (fixture->stack, actions, "kind", jm_lane_get_kind (actions), NULL));
  g_assert_true (jm_edit_set_double (fixture->stack, actions, "height", jm_lane_get_height (actions), 0,
                                     NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 0);
  g_assert_false (jm_command_stack_get_modified (fixture->stack));

  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "color", "#00ff88", 0,
                                     NULL));
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "color", "#00ff88", 0,
                                     NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
}

/* What the file format cannot hold, the editor refuses. */
static void
test_edit_set_keeps_map_valid (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  JmItem *card = item (fixture, "item-searches");
  JmItem *touchpoint = item (fixture, "touch-planner");
  JmLink *link = link_ (fixture, "link-planner-to-driver");
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_edit_set_string (fixture->stack, card, "color", "red", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_string (fixture->stack, card, "color", "#12345g", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_string (fixture->stack, card, "image-type", "image/gif", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_string (fixture->stack, card, "stage-id", "stage-nowhere", 0,
                                      &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (jm_edit_set_string (fixture->stack, card, "lane-id", NULL, 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (jm_edit_set_string (fixture->stack, point (fixture, "point-priya-1"),
                                      "persona-id", "persona-x", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (jm_edit_set_string (fixture->stack, link, "to-id", "touch-planner", 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_string (fixture->stack, link, "to-id", "touch-sample-fleet", 0,
                                      &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);

  /* Only touchpoints have a channel, and they always have one. */
  g_assert_false (jm_edit_set_enum (fixture->stack, touchpoint, "channel", JM_CHANNEL_NONE,
                                    &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_edit_set_enum (fixture->stack, card, "channel", JM_CHANNEL_EMAIL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_true (jm_edit_set_enum (fixture->stack, touchpoint, "channel", JM_CHANNEL_EMAIL,
                                   &error));
  g_assert_no_error (error);
  assert_one_undoable_step (fixture, before);

  /* The kind of an item keeps that rule. */
  g_assert_true (jm_edit_set_enum (fixture->stack, card, "kind", JM_ITEM_KIND_TOUCHPOINT, &error));
  g_assert_cmpint (jm_item_get_channel (card), ==, JM_CHANNEL_WEB);
  assert_one_undoable_step (fixture, before);

  /* A point may move to the curve of another persona, and keeps the order
   * of the curves in the file. */
  g_assert_true (jm_edit_set_string (fixture->stack, point (fixture, "point-priya-2"), "persona-id",
                                     "persona-marco", 0, &error));
  g_assert_no_error (error);
  g_assert_true (jm_object_store_get_object (jm_layer_get_points (current (fixture)),
                                             n_objects (jm_layer_get_points (current (fixture))) -
                                               1) == (gpointer)point (fixture, "point-priya-2"));
  assert_one_undoable_step (fixture, before);

  /* A link end may move to another item of its state. */
  g_assert_true (jm_edit_set_string (fixture->stack, link, "to-id", "item-searches", 0, &error));
  g_assert_no_error (error);
  assert_one_undoable_step (fixture, before);
}

/* What the editor accepts, the file format can hold. */
static void
test_edit_refuses_overlong_text (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autofree char *long_name = g_strnfill (JM_MAX_NAME_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title",
                                      long_name, 0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_null (jm_edit_add_stage (fixture->stack, 0, long_name, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_null (jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_NOTE,
                                   "stage-setup", "lane-actions", -1, long_name, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_null (jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches",
                                   "touch-planner", long_name, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);

  /* A body may be longer. */
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "body",
                                     long_name, 0, &error));
  g_assert_no_error (error);
  assert_one_undoable_step (fixture, before);
}

static void
test_edit_add_and_move_item (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GError) error = NULL;
  JmItem *added;

  added = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_TOUCHPOINT,
                            "stage-setup", "lane-touchpoints", 1, "Setup call", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (jm_item_get_channel (added), ==, JM_CHANNEL_WEB);
  g_assert_cmpstr (jm_item_get_title (added), ==, "Setup call");
  cell = jm_layer_dup_cell_items (current (fixture), "stage-setup", "lane-touchpoints");
  g_assert_true (g_ptr_array_index (cell, 1) == added);
  assert_one_undoable_step (fixture, before);
  g_assert_null (jm_layer_lookup_item (current (fixture), jm_object_get_id (JM_OBJECT (added))));

  /* Move to the first place of another cell. */
  g_assert_true (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_CURRENT,
                                    item (fixture, "item-searches"), "stage-first-value",
                                    "lane-actions", 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = jm_layer_dup_cell_items (current (fixture), "stage-first-value", "lane-actions");
  g_assert_true (g_ptr_array_index (cell, 0) == item (fixture, "item-searches"));
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Move Item");
  assert_one_undoable_step (fixture, before);

  /* To the end of a cell, and within its own cell. */
  g_assert_true (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_CURRENT,
                                    item (fixture, "item-searches"), "stage-setup", "lane-actions",
                                    -1, &error));
  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = jm_layer_dup_cell_items (current (fixture), "stage-setup", "lane-actions");
  g_assert_true (g_ptr_array_index (cell, cell->len - 1) == item (fixture, "item-searches"));
  assert_one_undoable_step (fixture, before);

  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = jm_layer_dup_cell_items (current (fixture), "stage-setup", "lane-actions");
  g_assert_cmpuint (cell->len, >=, 2);
  g_assert_true (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_CURRENT,
                                    g_ptr_array_index (cell, 0), "stage-setup", "lane-actions", -1,
                                    &error));
  assert_one_undoable_step (fixture, before);

  /* Not into a cell that does not exist, nor an item of the other state. */
  g_assert_false (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_CURRENT,
                                     item (fixture, "item-searches"), "stage-setup", "lane-nowhere",
                                     0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_FUTURE,
                                     item (fixture, "item-searches"), "stage-setup", "lane-actions",
                                     0, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
}

static void
test_edit_delete_stage_is_one_step (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_delete_stage (fixture->stack, stage (fixture, "stage-setup"), &error));
  g_assert_no_error (error);
  g_assert_null (jm_document_lookup_stage (fixture->document, "stage-setup"));
  g_assert_null (jm_layer_lookup_item (current (fixture), "item-imports-csv"));
  g_assert_null (jm_layer_lookup_item (future (fixture), "item-imports-csv"));
  /* The link from the import wizard went with it, and the points. */
  g_assert_null (jm_object_store_lookup (jm_layer_get_links (current (fixture)),
                                         "link-import-to-help"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-priya-3"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (future (fixture)), "point-priya-3"));
  g_assert_nonnull (jm_object_store_lookup (jm_layer_get_points (current (fixture)),
                                            "point-priya-1"));
  assert_one_undoable_step (fixture, before);
}

static void
test_edit_other_deletions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_delete_lane (fixture->stack, lane (fixture, "lane-thoughts"), NULL));
  g_assert_null (jm_layer_lookup_item (current (fixture), "thought-proof"));
  g_assert_null (jm_document_lookup_lane (fixture->document, "lane-thoughts"));
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_delete_persona (fixture->stack,
                                         jm_document_lookup_persona (fixture->document,
                                                                     "persona-marco"), NULL));
  g_assert_null (jm_document_lookup_persona (fixture->document, "persona-marco"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-marco-1"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (future (fixture)), "point-marco-1"));
  g_assert_nonnull (jm_object_store_lookup (jm_layer_get_points (current (fixture)),
                                            "point-priya-1"));
  assert_one_undoable_step (fixture, before);

  /* Items with their links; the same item twice is deleted once. */
  g_ptr_array_add (items, item (fixture, "touch-planner"));
  g_ptr_array_add (items, item (fixture, "item-searches"));
  g_ptr_array_add (items, item (fixture, "touch-planner"));
  g_assert_true (jm_edit_delete_items (fixture->stack, JM_LAYER_STATE_CURRENT, items, &error));
  g_assert_no_error (error);
  g_assert_null (jm_layer_lookup_item (current (fixture), "touch-planner"));
  g_assert_nonnull (jm_layer_lookup_item (future (fixture), "touch-planner"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_links (current (fixture)),
                                         "link-planner-to-driver"));
  g_assert_nonnull (jm_object_store_lookup (jm_layer_get_links (future (fixture)),
                                            "link-planner-to-driver"));
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Delete Items");
  assert_one_undoable_step (fixture, before);

  /* Not the items of the other state. */
  g_assert_false (jm_edit_delete_items (fixture->stack, JM_LAYER_STATE_FUTURE, items, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);

  /* A point and a link. */
  g_assert_true (jm_edit_delete_object (fixture->stack, jm_layer_get_points (current (fixture)),
                                        JM_OBJECT (point (fixture, "point-priya-2")), &error));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-priya-2"));
  assert_one_undoable_step (fixture, before);
  g_assert_true (jm_edit_delete_object (fixture->stack, jm_layer_get_links (current (fixture)),
                                        JM_OBJECT (link_ (fixture, "link-form-to-sales")), &error));
  assert_one_undoable_step (fixture, before);
  g_assert_false (jm_edit_delete_object (fixture->stack, jm_layer_get_links (future (fixture)),
                                         JM_OBJECT (link_ (fixture, "link-form-to-sales")),
                                         &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
}

/* A selection of any kinds, where some go with others: one step. */
static void
test_edit_delete_objects (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JmStage) stranger = jm_stage_new ("stage-stranger");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (objects, g_object_ref (item (fixture, "touch-planner")));
  g_ptr_array_add (objects, g_object_ref (link_ (fixture, "link-planner-to-driver")));
  g_ptr_array_add (objects, g_object_ref (item (fixture, "item-imports-csv")));
  g_ptr_array_add (objects, g_object_ref (stage (fixture, "stage-setup")));
  g_ptr_array_add (objects, g_object_ref (point (fixture, "point-marco-1")));
  g_ptr_array_add (objects,
                   g_object_ref (jm_layer_lookup_item (future (fixture), "touch-planner")));
  g_ptr_array_add (objects,
                   g_object_ref (jm_document_lookup_persona (fixture->document, "persona-marco")));

  g_assert_true (jm_edit_delete_objects (fixture->stack, objects, &error));
  g_assert_no_error (error);
  g_assert_null (jm_layer_lookup_item (current (fixture), "touch-planner"));
  g_assert_null (jm_layer_lookup_item (future (fixture), "touch-planner"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_links (future (fixture)),
                                         "link-sample-to-planner"));
  g_assert_null (jm_document_lookup_stage (fixture->document, "stage-setup"));
  g_assert_null (jm_document_lookup_persona (fixture->document, "persona-marco"));
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Delete");
  assert_one_undoable_step (fixture, before);

  /* One object keeps the name of its deletion. */
  g_ptr_array_set_size (objects, 0);
  g_ptr_array_add (objects, g_object_ref (lane (fixture, "lane-actions")));
  g_assert_true (jm_edit_delete_objects (fixture->stack, objects, &error));
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Delete Lane");
  assert_one_undoable_step (fixture, before);

  /* Something not in the map: nothing is deleted. */
  g_ptr_array_add (objects, g_object_ref (stranger));
  g_assert_false (jm_edit_delete_objects (fixture->stack, objects, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
}

static void
test_edit_stages_lanes_personas (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  JmObjectStore *stages = jm_document_get_stages (fixture->document);
  JmObjectStore *lanes = jm_document_get_lanes (fixture->document);
  JmObjectStore *personas = jm_document_get_personas (fixture->document);
  g_autoptr(GError) error = NULL;
  JmStage *new_stage;
  JmLane *new_lane;
  JmPersona *persona;

  new_stage = jm_edit_add_stage (fixture->stack, 1, "Evaluation", &error);
  g_assert_no_error (error);
  g_assert_true (jm_object_store_get_object (stages, 1) == (gpointer) new_stage);
  g_assert_cmpstr (jm_stage_get_name (new_stage), ==, "Evaluation");
  assert_one_undoable_step (fixture, before);
  g_assert_null (jm_edit_add_stage (fixture->stack, n_objects (stages) + 1, "Too far", &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);

  new_lane = jm_edit_add_lane (fixture->stack, 0, JM_LANE_KIND_BACKSTAGE, "Systems", &error);
  g_assert_true (jm_object_store_get_object (lanes, 0) == (gpointer) new_lane);
  g_assert_cmpint (jm_lane_get_kind (new_lane), ==, JM_LANE_KIND_BACKSTAGE);
  g_assert_cmpstr (jm_lane_get_name (new_lane), ==, "Systems");
  assert_one_undoable_step (fixture, before);

  persona = jm_edit_add_persona (fixture->stack, "Chen", &error);
  g_assert_true (jm_object_store_get_object (personas, n_objects (personas) - 1) ==
                 (gpointer)persona);
  g_assert_cmpstr (jm_persona_get_name (persona), ==, "Chen");
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_move_stage (fixture->stack, stage (fixture, "stage-renewal"), 0, &error));
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (stages, 0)), ==, "stage-renewal");
  assert_one_undoable_step (fixture, before);
  g_assert_false (jm_edit_move_stage (fixture->stack, stage (fixture, "stage-renewal"),
                                      n_objects (stages), &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);

  g_assert_true (jm_edit_move_lane (fixture->stack, lane (fixture, "lane-backstage"), 0, &error));
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (lanes, 0)), ==, "lane-backstage");
  assert_one_undoable_step (fixture, before);
}

static void
test_edit_curve_links_moments (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  JmEmotionPoint *pt;
  JmLink *link;
  g_autoptr(GError) error = NULL;

  pt = jm_edit_add_emotion_point (fixture->stack, JM_LAYER_STATE_FUTURE, "persona-priya",
                                  "stage-setup", 0.2, -4.5, "Lost", &error);
  g_assert_no_error (error);
  g_assert_true (jm_object_store_find (jm_layer_get_points (future (fixture)), JM_OBJECT (pt),
                                       NULL));
  g_assert_cmpfloat (jm_emotion_point_get_score (pt), ==, -4.5);
  g_assert_cmpfloat (jm_emotion_point_get_position (pt), ==, 0.2);
  g_assert_cmpstr (jm_emotion_point_get_persona_id (pt), ==, "persona-priya");
  g_assert_cmpstr (jm_emotion_point_get_label (pt), ==, "Lost");
  assert_one_undoable_step (fixture, before);

  g_assert_null (jm_edit_add_emotion_point (fixture->stack, JM_LAYER_STATE_CURRENT,
                                            "persona-nobody", "stage-setup", 0.2, 1, NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_null (jm_edit_add_emotion_point (fixture->stack, JM_LAYER_STATE_CURRENT, "persona-priya",
                                            "stage-setup", 1.2, 1, NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_null (jm_edit_add_emotion_point (fixture->stack, JM_LAYER_STATE_CURRENT, "persona-priya",
                                            "stage-setup", 0.5, -5.5, NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  /* Just past the top too: no file may hold a score above +5. */
  g_assert_null (jm_edit_add_emotion_point (fixture->stack, JM_LAYER_STATE_CURRENT, "persona-priya",
                                            "stage-setup", 0.5, 5.5, NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);

  pt = point (fixture, "point-priya-5");
  g_assert_true (jm_edit_move_emotion_point (fixture->stack, pt, "stage-team-adoption", 0.1, 5,
                                             &error));
  g_assert_cmpstr (jm_emotion_point_get_stage_id (pt), ==, "stage-team-adoption");
  g_assert_cmpfloat (jm_emotion_point_get_position (pt), ==, 0.1);
  g_assert_cmpfloat (jm_emotion_point_get_score (pt), ==, 5);
  assert_one_undoable_step (fixture, before);
  g_assert_false (jm_edit_move_emotion_point (fixture->stack, pt, "stage-nowhere", 0.1, 5, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);

  link = jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches",
                           "item-negotiates", "months later", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, "item-searches");
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-negotiates");
  g_assert_cmpstr (jm_link_get_label (link), ==, "months later");
  assert_one_undoable_step (fixture, before);
  g_assert_null (jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches",
                                   "item-searches", NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
  g_assert_null (jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches",
                                   "item-nowhere", NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_null (jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches",
                                   "touch-sample-fleet", NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);

  g_assert_true (jm_edit_set_moment (fixture->stack, item (fixture, "item-negotiates"),
                                     JM_MOMENT_KIND_CUSTOM, "Moment of price",
                                     "Where they weigh the value", &error));
  g_assert_cmpint (jm_item_get_moment (item (fixture, "item-negotiates")), ==,
                   JM_MOMENT_KIND_CUSTOM);
  g_assert_cmpstr (jm_item_get_moment_label (item (fixture, "item-negotiates")), ==,
                   "Moment of price");
  g_assert_cmpstr (jm_item_get_moment_rationale (item (fixture, "item-negotiates")), ==,
                   "Where they weigh the value");
  assert_one_undoable_step (fixture, before);
  g_assert_false (jm_edit_set_moment (fixture->stack, item (fixture, "item-negotiates"),
                                      JM_MOMENT_KIND_CUSTOM, "", NULL, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_INVALID);
}

/* Unmarking a moment clears its label and rationale in the same step. */
static void
test_edit_unmark_moment (Fixture       *fixture,
                         gconstpointer  data)
{
  JmItem *it = item (fixture, "item-negotiates");
  g_autoptr(Snapshot) marked = NULL;

  g_assert_true (jm_edit_set_moment (fixture->stack, it, JM_MOMENT_KIND_CUSTOM, "Price", "Why",
                                     NULL));
  g_clear_object (&fixture->stack);
  fixture->stack = jm_command_stack_new (fixture->document);
  marked = snapshot (fixture);

  g_assert_true (jm_edit_set_moment (fixture->stack, it, JM_MOMENT_KIND_NONE, "ignored", "ignored",
                                     NULL));
  g_assert_cmpint (jm_item_get_moment (it), ==, JM_MOMENT_KIND_NONE);
  g_assert_null (jm_item_get_moment_label (it));
  g_assert_null (jm_item_get_moment_rationale (it));
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Unmark Moment of Truth");
  assert_one_undoable_step (fixture, marked);
}

static void
test_edit_item_kind_keeps_channel_rule (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  JmItem *card = item (fixture, "item-searches");
  JmItem *touchpoint = item (fixture, "touch-planner");

  g_assert_true (jm_edit_set_item_kind (fixture->stack, card, JM_ITEM_KIND_TOUCHPOINT, NULL));
  g_assert_cmpint (jm_item_get_kind (card), ==, JM_ITEM_KIND_TOUCHPOINT);
  g_assert_cmpint (jm_item_get_channel (card), ==, JM_CHANNEL_WEB);
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_set_item_kind (fixture->stack, touchpoint, JM_ITEM_KIND_NOTE, NULL));
  g_assert_cmpint (jm_item_get_channel (touchpoint), ==, JM_CHANNEL_NONE);
  assert_one_undoable_step (fixture, before);
  g_assert_cmpint (jm_item_get_channel (touchpoint), ==, JM_CHANNEL_APP);
}

/* Copy items to the clipboard format and paste them into another map: the
 * cells that map lacks fall back to the one given; new ids; one step. */
static void
test_edit_paste_items (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GBytes) clip_bytes = NULL;
  g_autoptr(JmDocument) clip = NULL;
  g_autoptr(GPtrArray) clip_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) hotel = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmCommandStack) hotel_stack = jm_command_stack_new (hotel);
  JmObjectStore *store;

  g_ptr_array_add (items, item (fixture, "item-searches"));
  g_ptr_array_add (items, item (fixture, "touch-planner"));
  clip_bytes = jm_xml_writer_write_items (fixture->document, items);
  clip = jm_xml_reader_read_bytes (clip_bytes, "clipboard", &error);
  g_assert_no_error (error);
  store = jm_layer_get_items (jm_document_get_layer (clip, JM_LAYER_STATE_CURRENT));
  g_assert_cmpuint (n_objects (store), ==, 2);
  g_assert_cmpuint (n_objects (jm_document_get_stages (clip)), ==, 2);
  for (guint i = 0; i < n_objects (store); i++)
    g_ptr_array_add (clip_items, jm_object_store_get_object (store, i));

  /* Into the same map: their own cells, new ids. */
  pasted =
    jm_edit_paste_items (fixture->stack, JM_LAYER_STATE_CURRENT, clip_items, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpstr (jm_object_get_id (pasted->pdata[0]), !=, "item-searches");
  g_assert_true (jm_layer_lookup_item (current (fixture), jm_object_get_id (pasted->pdata[0])) ==
                 pasted->pdata[0]);
  g_assert_cmpstr (jm_item_get_title (pasted->pdata[0]), ==,
                   jm_item_get_title (item (fixture, "item-searches")));
  g_assert_cmpstr (jm_item_get_stage_id (pasted->pdata[1]), ==, "stage-first-value");
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Paste Items");
  assert_one_undoable_step (fixture, before);
  g_clear_pointer (&pasted, g_ptr_array_unref);

  /* Into another map: the fallback cell; without one, nothing is pasted. */
  pasted = jm_edit_paste_items (hotel_stack, JM_LAYER_STATE_CURRENT, clip_items, "stage-stay",
                                "lane-actions", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_item_get_stage_id (pasted->pdata[0]), ==, "stage-stay");
  g_assert_cmpstr (jm_item_get_lane_id (pasted->pdata[1]), ==, "lane-actions");
  g_assert_cmpint (jm_item_get_channel (pasted->pdata[1]), ==, JM_CHANNEL_APP);
  g_clear_pointer (&pasted, g_ptr_array_unref);
  g_assert_true (jm_command_stack_undo (hotel_stack));
  g_assert_null (jm_edit_paste_items (hotel_stack, JM_LAYER_STATE_CURRENT, clip_items, NULL, NULL,
                                      &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_NOT_FOUND);
  g_assert_cmpuint (jm_command_stack_get_position (hotel_stack), ==, 0);
  g_assert_true (jm_command_stack_get_can_redo (hotel_stack));
}

static void
test_edit_future_state (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Snapshot) before = snapshot (fixture);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_start_future_from_current (fixture->stack, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      JmObjectStore *from = i == 0 ? jm_layer_get_items (current (fixture))
                          : i == 1 ? jm_layer_get_points (current (fixture))
                          : jm_layer_get_links (current (fixture));
      JmObjectStore *to = i == 0 ? jm_layer_get_items (future (fixture))
                        : i == 1 ? jm_layer_get_points (future (fixture))
                        : jm_layer_get_links (future (fixture));

      g_assert_cmpuint (n_objects (to), ==, n_objects (from));
      for (guint j = 0; j < n_objects (from); j++)
        {
          JmObject *a = jm_object_store_get_object (from, j);
          JmObject *b = jm_object_store_get_object (to, j);

          g_assert_true (a != b);
          g_assert_true (jm_object_equal (a, b));
        }
    }
  assert_one_undoable_step (fixture, before);

  /* Copying items: a new one is added, an existing one takes the values. */
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "touch-planner"), "title",
                                     "Changed", 0, NULL));
  g_clear_object (&fixture->stack);
  fixture->stack = jm_command_stack_new (fixture->document);
  g_clear_pointer (&before, snapshot_free);
  before = snapshot (fixture);

  g_ptr_array_add (items, item (fixture, "touch-planner"));
  g_ptr_array_add (items, item (fixture, "touch-sales-call"));
  g_assert_null (jm_layer_lookup_item (future (fixture), "touch-sales-call"));
  g_assert_true (jm_edit_copy_to_future (fixture->stack, items, &error));
  g_assert_no_error (error);
  g_assert_true (jm_object_equal (jm_object_store_lookup (jm_layer_get_items (future (fixture)),
                                                          "touch-planner"),
                                  JM_OBJECT (item (fixture, "touch-planner"))));
  g_assert_true (jm_object_equal (jm_object_store_lookup (jm_layer_get_items (future (fixture)),
                                                          "touch-sales-call"),
                                  JM_OBJECT (item (fixture, "touch-sales-call"))));
  assert_one_undoable_step (fixture, before);

  /* Only items of the current state. */
  g_ptr_array_add (items, jm_layer_lookup_item (future (fixture), "touch-sample-fleet"));
  g_assert_false (jm_edit_copy_to_future (fixture->stack, items, &error));
  assert_refused (fixture, before, &error, JM_COMMAND_ERROR_NOT_FOUND);
}

/* }}} */

/* The SaaS example's future state: removals, additions and changes, each
 * once, found by id. */
static void
test_compare_items (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) differences = jm_document_compare_items (fixture->document);
  guint added = 0, changed = 0, removed = 0;
  gboolean sales_call_removed = FALSE;

  for (guint i = 0; i < differences->len; i++)
    {
      JmDifference *difference = differences->pdata[i];

      switch (difference->kind)
        {
        case JM_DIFFERENCE_ADDED:
          added++;
          g_assert_null (difference->current);
          break;
        case JM_DIFFERENCE_CHANGED:
          changed++;
          g_assert_cmpstr (jm_object_get_id (JM_OBJECT (difference->current)), ==,
                           jm_object_get_id (JM_OBJECT (difference->future)));
          break;
        case JM_DIFFERENCE_REMOVED:
          removed++;
          g_assert_null (difference->future);
          if (g_str_equal (jm_object_get_id (JM_OBJECT (difference->current)), "touch-sales-call"))
            sales_call_removed = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* As built in data/examples/saas-onboarding.jmap. */
  g_assert_cmpuint (added, ==, 10);
  g_assert_cmpuint (removed, ==, 18);
  g_assert_cmpuint (changed, ==, 7);
  /* The sales call is dropped from the future journey. */
  g_assert_true (sales_call_removed);

  /* Starting the future state afresh: no differences. */
  g_assert_true (jm_edit_start_future_from_current (fixture->stack, NULL));
  g_clear_pointer (&differences, g_ptr_array_unref);
  differences = jm_document_compare_items (fixture->document);
  g_assert_cmpuint (differences->len, ==, 0);
}

/* A long random session {{{ */

/* Hundreds of random edits, many of them refused: a refused edit changes
 * nothing; undoing everything gives back the start exactly, redoing
 * everything the end; and the end opens again. */
typedef struct
{
  Fixture        *fixture;
  JmCommandStack *stack;
  JmDocument     *document;
  GRand          *rand;
  JmLayerState    state;
  JmLayer        *layer;
  char           *text;
} Session;

typedef gboolean (*RandomEdit) (Session  *s,
                                GError  **error);

static gpointer
random_object (Session       *s,
               JmObjectStore *store)
{
  guint n = n_objects (store);

  return n > 0 ? jm_object_store_get_object (store, g_rand_int_range (s->rand, 0, n)) : NULL;
}

/* An id of @store, or now and then one that names nothing. */
static const char *
random_id (Session       *s,
           JmObjectStore *store)
{
  JmObject *object = random_object (s, store);

  if (object == NULL || g_rand_int_range (s->rand, 0, 20) == 0)
    return "nothing";

  return jm_object_get_id (object);
}

static guint
random_key (Session *s)
{
  return g_rand_int_range (s->rand, 0, 3);
}

static JmObjectStore *
s_items (Session *s)
{
  return jm_layer_get_items (s->layer);
}

static JmObjectStore *
s_stages (Session *s)
{
  return jm_document_get_stages (s->document);
}

static JmObjectStore *
s_lanes (Session *s)
{
  return jm_document_get_lanes (s->document);
}

static JmObjectStore *
s_personas (Session *s)
{
  return jm_document_get_personas (s->document);
}

static gboolean
random_add_item (Session  *s,
                 GError  **error)
{
  return jm_edit_add_item (s->stack, s->state, g_rand_int_range (s->rand, 0, 6),
                           random_id (s, s_stages (s)), random_id (s, s_lanes (s)),
                           g_rand_int_range (s->rand, -1, 3), s->text, error) != NULL;
}

static gboolean
random_move_item (Session  *s,
                  GError  **error)
{
  JmItem *it = random_object (s, s_items (s));

  if (it == NULL)
    return TRUE;

  return jm_edit_move_item_full (s->stack, s->state, it, random_id (s, s_stages (s)),
                                 random_id (s, s_lanes (s)), g_rand_int_range (s->rand, -1, 3),
                                 random_key (s), error);
}

static gboolean
random_delete_items (Session  *s,
                     GError  **error)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  guint n = g_rand_int_range (s->rand, 1, 3);

  for (guint i = 0; i < n && n_objects (s_items (s)) > 0; i++)
    g_ptr_array_add (doomed, random_object (s, s_items (s)));

  return jm_edit_delete_items (s->stack, s->state, doomed, error);
}

static gboolean
random_set_text (Session  *s,
                 GError  **error)
{
  JmItem *it = random_object (s, s_items (s));

  if (it == NULL)
    return TRUE;

  return jm_edit_set_string (s->stack, it, g_rand_boolean (s->rand) ? "title" : "body", s->text,
                             random_key (s), error);
}

static gboolean
random_add_point (Session  *s,
                  GError  **error)
{
  const char *persona_id =
    g_rand_int_range (s->rand, 0, 4) == 0 ? NULL : random_id (s, s_personas (s));

  return jm_edit_add_emotion_point (s->stack, s->state, persona_id, random_id (s, s_stages (s)),
                                    g_rand_double_range (s->rand, -0.1, 1.1),
                                    g_rand_double_range (s->rand, -5.5, 5.5), s->text,
                                    error) != NULL;
}

static gboolean
random_move_point (Session  *s,
                   GError  **error)
{
  JmEmotionPoint *pt = random_object (s, jm_layer_get_points (s->layer));

  if (pt == NULL)
    return TRUE;

  return jm_edit_move_emotion_point_full (s->stack, pt, random_id (s, s_stages (s)),
                                          g_rand_double_range (s->rand, 0, 1),
                                          g_rand_double_range (s->rand, -5, 5), random_key (s),
                                          error);
}

static gboolean
random_add_link (Session  *s,
                 GError  **error)
{
  return jm_edit_add_link (s->stack, s->state, random_id (s, s_items (s)),
                           random_id (s, s_items (s)), s->text, error) != NULL;
}

static gboolean
random_delete_point_or_link (Session  *s,
                             GError  **error)
{
  JmObjectStore *store =
    g_rand_boolean (s->rand) ? jm_layer_get_points (s->layer) : jm_layer_get_links (s->layer);
  JmObject *object = random_object (s, store);

  if (object == NULL)
    return TRUE;

  return jm_edit_delete_object (s->stack, store, object, error);
}

static gboolean
random_delete_container (Session  *s,
                         GError  **error)
{
  JmObject *object;

  if (g_rand_int_range (s->rand, 0, 6) != 0)
    return TRUE;

  switch (g_rand_int_range (s->rand, 0, 3))
    {
    case 0:
      object = random_object (s, s_stages (s));
      return object == NULL || jm_edit_delete_stage (s->stack, JM_STAGE (object), error);
    case 1:
      object = random_object (s, s_lanes (s));
      return object == NULL || jm_edit_delete_lane (s->stack, JM_LANE (object), error);
    default:
      object = random_object (s, s_personas (s));
      return object == NULL || jm_edit_delete_persona (s->stack, JM_PERSONA (object), error);
    }
}

static gboolean
random_add_container (Session  *s,
                      GError  **error)
{
  switch (g_rand_int_range (s->rand, 0, 3))
    {
    case 0:
      return jm_edit_add_stage (s->stack,
                                g_rand_int_range (s->rand, 0, n_objects (s_stages (s)) + 2),
                                s->text, error) != NULL;
    case 1:
      return jm_edit_add_lane (s->stack, g_rand_int_range (s->rand, 0, n_objects (s_lanes (s)) + 2),
                               g_rand_int_range (s->rand, 0, 9), s->text, error) != NULL;
    default:
      return jm_edit_add_persona (s->stack, s->text, error) != NULL;
    }
}

static gboolean
random_move_container (Session  *s,
                       GError  **error)
{
  JmObjectStore *store = g_rand_boolean (s->rand) ? s_stages (s) : s_lanes (s);
  JmObject *object = random_object (s, store);
  guint position = g_rand_int_range (s->rand, 0, n_objects (store) + 1);

  if (object == NULL)
    return TRUE;
  if (JM_IS_STAGE (object))
    return jm_edit_move_stage (s->stack, JM_STAGE (object), position, error);

  return jm_edit_move_lane (s->stack, JM_LANE (object), position, error);
}

static gboolean
random_set_moment (Session  *s,
                   GError  **error)
{
  JmItem *it = random_object (s, s_items (s));

  if (it == NULL)
    return TRUE;

  return jm_edit_set_moment (s->stack, it, g_rand_int_range (s->rand, 0, 5),
                             g_rand_boolean (s->rand) ? s->text : NULL, s->text, error);
}

static gboolean
random_set_item_property (Session  *s,
                          JmItem   *it,
                          GError  **error)
{
  switch (g_rand_int_range (s->rand, 0, 3))
    {
    case 0:
      return jm_edit_set_string (s->stack, it, "color",
                                 g_rand_boolean (s->rand) ? "#a0b1c2" : "blue", 0, error);
    case 1:
      return jm_edit_set_enum (s->stack, it, "channel", g_rand_int_range (s->rand, 0, 13), error);
    default:
      return jm_edit_set_enum (s->stack, it, "kind", g_rand_int_range (s->rand, 0, 7), error);
    }
}

static gboolean
random_set_property (Session  *s,
                     GError  **error)
{
  JmStage *st = random_object (s, s_stages (s));
  JmLane *ln = random_object (s, s_lanes (s));
  JmPersona *persona = random_object (s, s_personas (s));
  JmItem *it = random_object (s, s_items (s));
  JmEmotionPoint *pt = random_object (s, jm_layer_get_points (s->layer));

  switch (g_rand_int_range (s->rand, 0, 7))
    {
    case 6:
      return pt == NULL ||
             jm_edit_set_string (s->stack, pt, "persona-id",
                                 g_rand_boolean (s->rand) ? NULL : random_id (s, s_personas (s)), 0,
                                 error);
    case 0:
      return st == NULL ||
             jm_edit_set_double (s->stack, st, "width", g_rand_double_range (s->rand, 0, 5000),
                                 random_key (s), error);
    case 1:
      return ln == NULL ||
             jm_edit_set_double (s->stack, ln, "height", g_rand_double_range (s->rand, 0, 5000),
                                 random_key (s), error);
    case 2:
      return persona == NULL ||
             jm_edit_set_boolean (s->stack, persona, "primary", g_rand_boolean (s->rand), error);
    case 3:
      return jm_edit_set_int (s->stack, s->document, "rank", g_rand_int_range (s->rand, -2, 10), 0,
                              error);
    case 4:
      return jm_edit_set_string (s->stack, s->document, "title", s->text, random_key (s), error);
    default:
      return it == NULL || random_set_item_property (s, it, error);
    }
}

static gboolean
random_future (Session  *s,
               GError  **error)
{
  JmObjectStore *current_items =
    jm_layer_get_items (jm_document_get_layer (s->document, JM_LAYER_STATE_CURRENT));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (g_rand_int_range (s->rand, 0, 10) == 0)
    return jm_edit_start_future_from_current (s->stack, error);

  for (guint i = 0; i < 2 && n_objects (current_items) > 0; i++)
    g_ptr_array_add (items, random_object (s, current_items));

  return jm_edit_copy_to_future (s->stack, items, error);
}

static gboolean
random_delete_objects (Session  *s,
                       GError  **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  JmObjectStore *stores[] = {
    jm_layer_get_items (s->layer),
    jm_layer_get_items (s->layer),
    jm_layer_get_points (s->layer),
    jm_layer_get_links (s->layer),
  };

  for (guint i = 0; i < 3; i++)
    {
      JmObject *object =
        random_object (s, stores[g_rand_int_range (s->rand, 0, G_N_ELEMENTS (stores))]);

      if (object != NULL)
        g_ptr_array_add (objects, object);
    }

  return jm_edit_delete_objects (s->stack, objects, error);
}

static gboolean
random_paste (Session  *s,
              GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  JmItem *it = random_object (s, s_items (s));

  if (it == NULL)
    return TRUE;

  g_ptr_array_add (items, it);
  pasted = jm_edit_paste_items (s->stack, s->state, items, NULL, NULL, error);
  return pasted != NULL;
}

static const RandomEdit random_edits[] = {
  random_add_item,
  random_add_item,
  random_move_item,
  random_move_item,
  random_delete_items,
  random_set_text,
  random_set_text,
  random_add_point,
  random_move_point,
  random_add_link,
  random_add_link,
  random_delete_point_or_link,
  random_delete_container,
  random_add_container,
  random_move_container,
  random_set_moment,
  random_set_property,
  random_set_property,
  random_future,
  random_delete_objects,
  random_paste,
};

/* Undo, redo or save now and then; @clean follows where the saved state
 * is, as the stack should. */
static void
random_history (Session *s,
                int     *clean)
{
  switch (g_rand_int_range (s->rand, 0, 4))
    {
    case 0:
    case 1:
      jm_command_stack_undo (s->stack);
      break;
    case 2:
      jm_command_stack_redo (s->stack);
      break;
    default:
      jm_command_stack_mark_clean (s->stack);
      *clean = jm_command_stack_get_position (s->stack);
    }
}

/* Returns whether the edit was refused. */
static gboolean
random_step (Session *s,
             int     *clean)
{
  g_autoptr(GBytes) before = jm_xml_writer_write_bytes (s->document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint position = jm_command_stack_get_position (s->stack);
  gboolean could_redo = jm_command_stack_get_can_redo (s->stack);
  guint choice = g_rand_int_range (s->rand, 0, G_N_ELEMENTS (random_edits) + 2);
  gboolean done = TRUE;

  s->state = g_rand_int_range (s->rand, 0, JM_N_LAYER_STATES);
  s->layer = jm_document_get_layer (s->document, s->state);
  g_free (s->text);
  s->text = g_strdup_printf ("text %u", g_rand_int (s->rand));

  if (choice >= G_N_ELEMENTS (random_edits))
    random_history (s, clean);
  else
    done = random_edits[choice] (s, &error);

  if (done && choice < G_N_ELEMENTS (random_edits))
    {
      g_assert_no_error (error);
      /* A new step dropped the redo tail, and the saved state if it lay there. */
      if (*clean > (int) position && !jm_command_stack_get_can_redo (s->stack))
        *clean = -1;
    }
  else if (!done)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, JM_COMMAND_ERROR);
      g_assert_cmpuint (jm_command_stack_get_position (s->stack), ==, position);
      g_assert_cmpint (jm_command_stack_get_can_redo (s->stack), ==, could_redo);
      after = jm_xml_writer_write_bytes (s->document);
      g_assert_true (g_bytes_equal (before, after));
    }

  g_assert_cmpint (jm_command_stack_get_modified (s->stack), ==,
                   *clean != (int) jm_command_stack_get_position (s->stack));
  return !done;
}

static void
test_random_session (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Snapshot) start = snapshot (fixture);
  g_autoptr(Snapshot) end = NULL;
  Session s = { fixture, fixture->stack, fixture->document, NULL, 0, NULL, NULL };
  guint steps, refused = 0;
  int clean = 0;

  s.rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  for (guint i = 0; i < 500; i++)
    {
      refused += random_step (&s, &clean);
      if (i % 50 == 0)
        assert_reopens (fixture->document);
    }
  g_rand_free (s.rand);
  g_free (s.text);

  /* Both paths were taken often. */
  steps = jm_command_stack_get_position (fixture->stack);
  g_assert_cmpuint (steps, >, 100);
  g_assert_cmpuint (refused, >, 20);

  end = snapshot (fixture);
  assert_reopens (fixture->document);

  while (jm_command_stack_undo (fixture->stack))
    ;
  assert_snapshot (fixture, start);
  g_assert_cmpint (jm_command_stack_get_modified (fixture->stack), ==, clean != 0);

  for (guint i = 0; i < steps; i++)
    g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
}

/* }}} */

/* Alt+Up/Down nudge a point by one score: one undoable step each, up to
 * the ends of the scale and no further. At +5 or -5 a nudge outwards
 * keeps the point there, succeeds without an error to show, and records
 * no step that would undo nothing. */
static void
test_edit_nudge_score (Fixture       *fixture,
                       gconstpointer  data)
{
  JmEmotionPoint *up = point (fixture, "point-priya-5");     /* at 4 */
  JmEmotionPoint *down = point (fixture, "point-priya-3");   /* at -4 */
  JmEmotionPoint *half = point (fixture, "point-priya-4");   /* at -2.5 */
  g_autoptr(GError) error = NULL;
  guint position = jm_command_stack_get_position (fixture->stack);

  g_assert_cmpfloat (jm_emotion_point_get_score (up), ==, 4);
  g_assert_true (jm_edit_nudge_score (fixture->stack, up, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_emotion_point_get_score (up), ==, JM_SCORE_MAX);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 1);

  for (int i = 0; i < 3; i++)
    {
      g_assert_true (jm_edit_nudge_score (fixture->stack, up, 1, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (jm_emotion_point_get_score (up), ==, JM_SCORE_MAX);
      g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 1);
    }

  g_assert_cmpfloat (jm_emotion_point_get_score (down), ==, -4);
  g_assert_true (jm_edit_nudge_score (fixture->stack, down, -1, &error));
  g_assert_true (jm_edit_nudge_score (fixture->stack, down, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_emotion_point_get_score (down), ==, JM_SCORE_MIN);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 2);

  /* From the end back in, and a half score that reaches the end by less
   * than a whole one. */
  g_assert_true (jm_edit_nudge_score (fixture->stack, down, 1, &error));
  g_assert_cmpfloat (jm_emotion_point_get_score (down), ==, JM_SCORE_MIN + 1);
  g_assert_true (jm_edit_nudge_score (fixture->stack, half, -3, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_emotion_point_get_score (half), ==, JM_SCORE_MIN);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 4);

  /* Each step undoes one nudge. */
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpfloat (jm_emotion_point_get_score (half), ==, -2.5);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpfloat (jm_emotion_point_get_score (down), ==, -4);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpfloat (jm_emotion_point_get_score (up), ==, 4);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position);
}

int
main (int   argc,
      char *argv[])
{
  static const guint seeds[] = { 1, 2, 20261122 };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/commands/%s/apply-revert-apply", contracts[i].name);

      g_test_add_data_func (path, &contracts[i], test_command_contract);
    }

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/commands/snapshot/detects-changes", test_snapshot_detects_changes);
  ADD ("/commands/set-property/refuses-bad-values", test_set_property_refuses_bad_values);
  ADD ("/commands/stack/undo-redo", test_stack_undo_redo);
  ADD ("/commands/stack/labels", test_stack_labels);
  ADD ("/commands/stack/new-edit-drops-redo-and-clean", test_stack_new_edit_drops_redo_and_clean);
  ADD ("/commands/stack/mark-clean-at", test_stack_mark_clean_at);
  ADD ("/commands/stack/typing-merges", test_stack_typing_merges);
  ADD ("/commands/stack/no-merge-after-undo", test_stack_no_merge_after_undo);
  ADD ("/commands/stack/drag-merges", test_stack_drag_merges);
  ADD ("/commands/stack/composite-drag-merges", test_stack_composite_drag_merges);
  ADD ("/commands/stack/groups", test_stack_groups);
  ADD ("/commands/stack/failures-change-nothing", test_stack_failures_change_nothing);
  ADD ("/commands/stack/failure-keeps-redo", test_stack_failure_keeps_redo);
  ADD ("/commands/stack/notifies", test_stack_notifies);
  ADD ("/commands/edit/set-typed", test_edit_set_typed);
  ADD ("/commands/edit/set-same-value", test_edit_set_same_value);
  ADD ("/commands/edit/set-keeps-map-valid", test_edit_set_keeps_map_valid);
  ADD ("/commands/edit/refuses-overlong-text", test_edit_refuses_overlong_text);
  ADD ("/commands/edit/add-and-move-item", test_edit_add_and_move_item);
  ADD ("/commands/edit/delete-stage-is-one-step", test_edit_delete_stage_is_one_step);
  ADD ("/commands/edit/other-deletions", test_edit_other_deletions);
  ADD ("/commands/edit/delete-objects", test_edit_delete_objects);
  ADD ("/commands/edit/stages-lanes-personas", test_edit_stages_lanes_personas);
  ADD ("/commands/edit/curve-links-moments", test_edit_curve_links_moments);
  ADD ("/commands/edit/unmark-moment", test_edit_unmark_moment);
  ADD ("/commands/edit/item-kind-keeps-channel-rule", test_edit_item_kind_keeps_channel_rule);
  ADD ("/commands/edit/paste-items", test_edit_paste_items);
  ADD ("/commands/edit/future-state", test_edit_future_state);
  ADD ("/commands/edit/nudge-score", test_edit_nudge_score);
  ADD ("/commands/compare/items", test_compare_items);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/commands/random/session-%u", seeds[i]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (seeds[i]), fixture_set_up, test_random_session,
                  fixture_tear_down);
    }

  return g_test_run ();
}
