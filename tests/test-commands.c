/* test-commands.c: commands, the undo history and the edits
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

typedef struct
{
  JmDocument     *document;
  JmCommandStack *stack;
} Fixture;

static JmDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "saas-onboarding.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = jm_xml_reader_read_bytes (bytes, "saas-onboarding.jmap", &error);
  g_assert_no_error (error);

  return document;
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

/* The canonical text of the document: equal texts, equal documents. */
static GBytes *
snapshot (Fixture *fixture)
{
  return jm_xml_writer_write_bytes (fixture->document);
}

static void
assert_snapshot (Fixture *fixture,
                 GBytes  *expected)
{
  g_autoptr(GBytes) now = snapshot (fixture);

  g_assert_true (g_bytes_equal (now, expected));
}

static JmLayer *
current (Fixture *fixture)
{
  return jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT);
}

static JmItem *
item (Fixture    *fixture,
      const char *id)
{
  JmItem *found = jm_layer_lookup_item (current (fixture), id);

  g_assert_nonnull (found);
  return found;
}

/* Contract of every command type: apply, revert, apply again. */
typedef JmCommand *(*CommandFactory) (Fixture *fixture);

static JmCommand *
make_set_property (Fixture *fixture)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "A new title");
  return jm_set_property_command_new (G_OBJECT (item (fixture, "item-searches")), "title", &value);
}

static JmCommand *
make_insert (Fixture *fixture)
{
  g_autoptr(JmStage) stage = jm_stage_new ("stage-new");

  return jm_insert_command_new (jm_document_get_stages (fixture->document), 2, JM_OBJECT (stage));
}

static JmCommand *
make_remove (Fixture *fixture)
{
  return jm_remove_command_new (jm_layer_get_items (current (fixture)), JM_OBJECT (item (fixture, "touch-planner")));
}

static JmCommand *
make_move (Fixture *fixture)
{
  JmObjectStore *lanes = jm_document_get_lanes (fixture->document);

  return jm_move_command_new (lanes, jm_object_store_get_object (lanes, 0), 4);
}

static JmCommand *
make_group (Fixture *fixture)
{
  JmCommand *group = jm_group_command_new ("Two things");
  g_autoptr(JmCommand) a = make_set_property (fixture);
  g_autoptr(JmCommand) b = make_move (fixture);

  jm_group_command_add (JM_GROUP_COMMAND (group), a);
  jm_group_command_add (JM_GROUP_COMMAND (group), b);
  return group;
}

static void
test_command_contract (Fixture       *fixture,
                       gconstpointer  data)
{
  CommandFactory factory = (CommandFactory) data;
  g_autoptr(JmCommand) command = factory (fixture);
  g_autoptr(GBytes) before = snapshot (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_command_apply (command, fixture->document, &error));
  g_assert_no_error (error);
  after = snapshot (fixture);
  g_assert_false (g_bytes_equal (before, after));

  jm_command_revert (command, fixture->document);
  assert_snapshot (fixture, before);

  g_assert_true (jm_command_apply (command, fixture->document, &error));
  g_assert_no_error (error);
  assert_snapshot (fixture, after);
}

static void
test_stack_undo_redo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) start = snapshot (fixture);
  g_autoptr(GBytes) end = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_command_stack_get_can_undo (fixture->stack));
  g_assert_false (jm_command_stack_get_modified (fixture->stack));

  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "One", 0, &error));
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "body", "Two", 0, &error));
  g_assert_no_error (error);
  end = snapshot (fixture);
  g_assert_true (jm_command_stack_get_can_undo (fixture->stack));
  g_assert_true (jm_command_stack_get_modified (fixture->stack));

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpstr (jm_item_get_body (item (fixture, "item-searches")), !=, "Two");
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_false (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);
  g_assert_false (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_get_can_redo (fixture->stack));

  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_false (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
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

  /* A new edit after the undo: the saved state can no longer be reached. */
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Other", 0, NULL));
  g_assert_false (jm_command_stack_get_can_redo (fixture->stack));
  g_assert_true (jm_command_stack_get_modified (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
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

  /* Another key, another step. */
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "Route", key + 1, NULL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 2);

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

static void
test_stack_groups (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) start = snapshot (fixture);
  JmItem *it = item (fixture, "item-searches");

  jm_command_stack_begin_group (fixture->stack, "Outer");
  g_assert_true (jm_edit_set_string (fixture->stack, it, "title", "A", 0, NULL));
  jm_command_stack_begin_group (fixture->stack, "Inner");
  g_assert_true (jm_edit_set_string (fixture->stack, it, "body", "B", 0, NULL));
  jm_command_stack_end_group (fixture->stack);
  jm_command_stack_begin_group (fixture->stack, "Empty");
  jm_command_stack_end_group (fixture->stack);
  jm_command_stack_end_group (fixture->stack);

  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Outer");
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, start);

  /* An empty group is no step at all. */
  jm_command_stack_begin_group (fixture->stack, "Nothing");
  jm_command_stack_end_group (fixture->stack);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 0);
  g_assert_true (jm_command_stack_get_can_redo (fixture->stack));
}

/* A command that fails is not recorded and changes nothing; a failing edit
 * made of several commands takes back those it already made. */
static void
test_stack_failures_change_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GBytes) start = snapshot (fixture);
  g_autoptr(JmStage) duplicate = jm_stage_new ("stage-setup");
  g_autoptr(JmCommand) insert = jm_insert_command_new (jm_document_get_stages (fixture->document), 0,
                                                       JM_OBJECT (duplicate));
  g_autoptr(GError) error = NULL;
  JmCommand *group;
  g_autoptr(JmCommand) rename = make_set_property (fixture);
  g_autoptr(JmCommand) bad = NULL;

  g_assert_false (jm_command_stack_push (fixture->stack, insert, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jm_command_stack_get_can_undo (fixture->stack));
  assert_snapshot (fixture, start);

  group = jm_group_command_new ("Half");
  jm_group_command_add (JM_GROUP_COMMAND (group), rename);
  bad = jm_insert_command_new (jm_document_get_stages (fixture->document), 0, JM_OBJECT (duplicate));
  jm_group_command_add (JM_GROUP_COMMAND (group), bad);
  g_assert_false (jm_command_stack_push (fixture->stack, group, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_snapshot (fixture, start);
  g_object_unref (group);

  g_assert_null (jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                                   "no-such-stage", "lane-actions", -1, "x", &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (jm_edit_move_emotion_point (fixture->stack,
                                              jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-priya-1"),
                                              "stage-setup", 0.5, 7.0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  assert_snapshot (fixture, start);
  g_assert_false (jm_command_stack_get_can_undo (fixture->stack));
}

/* Each edit: its effect, then one undo restores the document exactly. */
static void
assert_one_undoable_step (Fixture *fixture,
                          GBytes  *before)
{
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, before);
}

static void
test_edit_add_and_move_item (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GError) error = NULL;
  JmItem *added;

  added = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_TOUCHPOINT,
                            "stage-setup", "lane-touchpoints", 1, "Setup call", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (jm_item_get_channel (added), ==, JM_CHANNEL_WEB);
  cell = jm_layer_dup_cell_items (current (fixture), "stage-setup", "lane-touchpoints");
  g_assert_true (g_ptr_array_index (cell, 1) == added);
  assert_one_undoable_step (fixture, before);

  /* Move to the first place of another cell. */
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_clear_pointer (&before, g_bytes_unref);
  before = snapshot (fixture);
  g_clear_object (&fixture->stack);
  fixture->stack = jm_command_stack_new (fixture->document);
  g_assert_true (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_CURRENT, added,
                                    "stage-first-value", "lane-actions", 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = jm_layer_dup_cell_items (current (fixture), "stage-first-value", "lane-actions");
  g_assert_true (g_ptr_array_index (cell, 0) == added);
  assert_one_undoable_step (fixture, before);

  /* To the end of its own cell. */
  g_assert_true (jm_edit_move_item (fixture->stack, JM_LAYER_STATE_CURRENT, item (fixture, "item-searches"),
                                    "stage-sign-up", "lane-actions", -1, &error));
  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = jm_layer_dup_cell_items (current (fixture), "stage-sign-up", "lane-actions");
  g_assert_true (g_ptr_array_index (cell, cell->len - 1) == item (fixture, "item-searches"));
}

static void
test_edit_delete_stage_is_one_step (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  JmStage *setup = jm_document_lookup_stage (fixture->document, "stage-setup");
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_delete_stage (fixture->stack, setup, &error));
  g_assert_no_error (error);
  g_assert_null (jm_document_lookup_stage (fixture->document, "stage-setup"));
  g_assert_null (jm_layer_lookup_item (current (fixture), "item-imports-csv"));
  g_assert_null (jm_layer_lookup_item (jm_document_get_layer (fixture->document, JM_LAYER_STATE_FUTURE),
                                       "item-imports-csv"));
  /* The link from the import wizard went with it. */
  g_assert_null (jm_object_store_lookup (jm_layer_get_links (current (fixture)), "link-import-to-help"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-priya-3"));
  assert_one_undoable_step (fixture, before);
}

static void
test_edit_other_deletions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_assert_true (jm_edit_delete_lane (fixture->stack, jm_document_lookup_lane (fixture->document, "lane-thoughts"), NULL));
  g_assert_null (jm_layer_lookup_item (current (fixture), "thought-proof"));
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_delete_persona (fixture->stack, jm_document_lookup_persona (fixture->document, "persona-marco"), NULL));
  g_assert_null (jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-marco-1"));
  g_assert_nonnull (jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-priya-1"));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, before);

  g_ptr_array_add (items, item (fixture, "touch-planner"));
  g_ptr_array_add (items, item (fixture, "item-searches"));
  g_assert_true (jm_edit_delete_items (fixture->stack, JM_LAYER_STATE_CURRENT, items, NULL));
  g_assert_null (jm_layer_lookup_item (current (fixture), "touch-planner"));
  g_assert_null (jm_object_store_lookup (jm_layer_get_links (current (fixture)), "link-planner-to-driver"));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  assert_snapshot (fixture, before);
}

static void
test_edit_stages_lanes_personas (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  JmObjectStore *stages = jm_document_get_stages (fixture->document);
  JmStage *stage;
  JmLane *lane;
  JmPersona *persona;

  stage = jm_edit_add_stage (fixture->stack, 1, "Evaluation", NULL);
  g_assert_true (jm_object_store_get_object (stages, 1) == stage);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "Evaluation");
  assert_one_undoable_step (fixture, before);

  lane = jm_edit_add_lane (fixture->stack, 0, JM_LANE_KIND_BACKSTAGE, "Systems", NULL);
  g_assert_cmpint (jm_lane_get_kind (lane), ==, JM_LANE_KIND_BACKSTAGE);
  assert_one_undoable_step (fixture, before);

  persona = jm_edit_add_persona (fixture->stack, "Chen", NULL);
  g_assert_cmpstr (jm_persona_get_name (persona), ==, "Chen");
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_move_stage (fixture->stack, jm_document_lookup_stage (fixture->document, "stage-renewal"), 0, NULL));
  g_assert_cmpstr (jm_object_get_id (jm_object_store_get_object (stages, 0)), ==, "stage-renewal");
  assert_one_undoable_step (fixture, before);

  g_assert_true (jm_edit_move_lane (fixture->stack, jm_document_lookup_lane (fixture->document, "lane-backstage"), 0, NULL));
  assert_one_undoable_step (fixture, before);
}

static void
test_edit_curve_links_moments (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  JmEmotionPoint *point;
  JmLink *link;
  g_autoptr(GError) error = NULL;

  point = jm_edit_add_emotion_point (fixture->stack, JM_LAYER_STATE_CURRENT, "persona-priya",
                                     "stage-setup", 0.2, -4.5, "Lost", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, -4.5);
  assert_one_undoable_step (fixture, before);

  point = jm_object_store_lookup (jm_layer_get_points (current (fixture)), "point-priya-5");
  g_assert_true (jm_edit_move_emotion_point (fixture->stack, point, "stage-team-adoption", 0.1, 5, &error));
  g_assert_cmpstr (jm_emotion_point_get_stage_id (point), ==, "stage-team-adoption");
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, 5);
  assert_one_undoable_step (fixture, before);

  link = jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches", "item-negotiates",
                           "months later", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_link_get_to_id (link), ==, "item-negotiates");
  assert_one_undoable_step (fixture, before);
  g_assert_null (jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, "item-searches", "item-searches",
                                   NULL, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (jm_edit_set_moment (fixture->stack, item (fixture, "item-negotiates"), JM_MOMENT_KIND_CUSTOM,
                                     "Moment of price", "Where they weigh the value", &error));
  g_assert_cmpint (jm_item_get_moment (item (fixture, "item-negotiates")), ==, JM_MOMENT_KIND_CUSTOM);
  g_assert_cmpstr (jm_item_get_moment_label (item (fixture, "item-negotiates")), ==, "Moment of price");
  assert_one_undoable_step (fixture, before);
  g_assert_false (jm_edit_set_moment (fixture->stack, item (fixture, "item-negotiates"), JM_MOMENT_KIND_CUSTOM,
                                      "", NULL, &error));
}

static void
test_edit_item_kind_keeps_channel_rule (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  JmItem *card = item (fixture, "item-searches");
  JmItem *touchpoint = item (fixture, "touch-planner");

  g_assert_true (jm_edit_set_item_kind (fixture->stack, card, JM_ITEM_KIND_TOUCHPOINT, NULL));
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
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GBytes) clip_bytes = NULL;
  g_autoptr(JmDocument) clip = NULL;
  g_autoptr(GPtrArray) clip_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hotel_path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                                  "hotel-guest-stay.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) hotel_bytes = NULL;
  g_autoptr(JmDocument) hotel = NULL;
  g_autoptr(JmCommandStack) hotel_stack = NULL;
  JmObjectStore *store;
  gsize length;

  g_ptr_array_add (items, item (fixture, "item-searches"));
  g_ptr_array_add (items, item (fixture, "touch-planner"));
  clip_bytes = jm_xml_writer_write_items (fixture->document, items);
  clip = jm_xml_reader_read_bytes (clip_bytes, "clipboard", &error);
  g_assert_no_error (error);
  store = jm_layer_get_items (jm_document_get_layer (clip, JM_LAYER_STATE_CURRENT));
  g_assert_cmpuint (jm_object_store_get_n_objects (store), ==, 2);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (clip)), ==, 2);
  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    g_ptr_array_add (clip_items, jm_object_store_get_object (store, i));

  /* Into the same map: their own cells, new ids. */
  pasted = jm_edit_paste_items (fixture->stack, JM_LAYER_STATE_CURRENT, clip_items, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpstr (jm_object_get_id (pasted->pdata[0]), !=, "item-searches");
  g_assert_cmpstr (jm_item_get_title (pasted->pdata[0]), ==, jm_item_get_title (item (fixture, "item-searches")));
  g_assert_cmpstr (jm_item_get_stage_id (pasted->pdata[1]), ==, "stage-first-value");
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, 1);
  g_clear_pointer (&pasted, g_ptr_array_unref);

  /* Into another map: the fallback cell. */
  g_assert_true (g_file_get_contents (hotel_path, &contents, &length, NULL));
  hotel_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  hotel = jm_xml_reader_read_bytes (hotel_bytes, "hotel.jmap", &error);
  g_assert_no_error (error);
  hotel_stack = jm_command_stack_new (hotel);
  pasted = jm_edit_paste_items (hotel_stack, JM_LAYER_STATE_CURRENT, clip_items, "stage-stay", "lane-actions", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_item_get_stage_id (pasted->pdata[0]), ==, "stage-stay");
  g_assert_cmpstr (jm_item_get_lane_id (pasted->pdata[1]), ==, "lane-actions");
  g_assert_cmpint (jm_item_get_channel (pasted->pdata[1]), ==, JM_CHANNEL_APP);
}

/* The SaaS example's future state: removals, additions and changes, each
 * once, found by id. */
static void
test_compare_items (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) differences = jm_document_compare_items (fixture->document);
  guint added = 0, changed = 0, removed = 0;

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
            g_assert_cmpint (difference->kind, ==, JM_DIFFERENCE_REMOVED);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* As built in data/examples/saas-onboarding.jmap. */
  g_assert_cmpuint (added, ==, 10);
  g_assert_cmpuint (removed, ==, 18);
  g_assert_cmpuint (changed, ==, 7);

  /* Starting the future state afresh: no differences. */
  g_assert_true (jm_edit_start_future_from_current (fixture->stack, NULL));
  g_clear_pointer (&differences, g_ptr_array_unref);
  differences = jm_document_compare_items (fixture->document);
  g_assert_cmpuint (differences->len, ==, 0);
}

/* What the editor accepts, the file format can hold. */
static void
test_edit_refuses_overlong_text (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (JM_MAX_NAME_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", long_name, 0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  /* A body may be longer. */
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "body", long_name, 0, &error));
  g_assert_no_error (error);
}

static void
test_edit_future_state (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) before = snapshot (fixture);
  JmLayer *future = jm_document_get_layer (fixture->document, JM_LAYER_STATE_FUTURE);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JmObjectStore *current_items = jm_layer_get_items (current (fixture));
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_start_future_from_current (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_items (future)), ==,
                    jm_object_store_get_n_objects (current_items));
  for (guint i = 0; i < jm_object_store_get_n_objects (current_items); i++)
    {
      JmObject *a = jm_object_store_get_object (current_items, i);
      JmObject *b = jm_object_store_get_object (jm_layer_get_items (future), i);

      g_assert_true (a != b);
      g_assert_true (jm_object_equal (a, b));
    }
  assert_one_undoable_step (fixture, before);

  /* Copying items: a new one is added, an existing one takes the values. */
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "Changed", 0, NULL));
  g_ptr_array_add (items, item (fixture, "item-searches"));
  g_ptr_array_add (items, item (fixture, "touch-sales-call"));
  g_assert_true (jm_edit_copy_to_future (fixture->stack, items, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jm_item_get_title (jm_layer_lookup_item (future, "item-searches")), ==, "Changed");
  g_assert_nonnull (jm_layer_lookup_item (future, "touch-sales-call"));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_null (jm_layer_lookup_item (future, "touch-sales-call"));
  g_assert_cmpstr (jm_item_get_title (jm_layer_lookup_item (future, "item-searches")), !=, "Changed");
}

/* A long random session: undoing everything gives back the file byte for
 * byte, and redoing everything gives the end state byte for byte. */
static void
random_edit (Fixture *fixture,
             GRand   *rand)
{
  JmDocument *document = fixture->document;
  JmLayerState state = g_rand_int_range (rand, 0, JM_N_LAYER_STATES);
  JmLayer *layer = jm_document_get_layer (document, state);
  JmObjectStore *items = jm_layer_get_items (layer);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *lanes = jm_document_get_lanes (document);
  guint n_items = jm_object_store_get_n_objects (items);
  guint n_stages = jm_object_store_get_n_objects (stages);
  guint n_lanes = jm_object_store_get_n_objects (lanes);
  JmStage *stage = n_stages > 0 ? jm_object_store_get_object (stages, g_rand_int_range (rand, 0, n_stages)) : NULL;
  JmLane *lane = n_lanes > 0 ? jm_object_store_get_object (lanes, g_rand_int_range (rand, 0, n_lanes)) : NULL;
  JmItem *it = n_items > 0 ? jm_object_store_get_object (items, g_rand_int_range (rand, 0, n_items)) : NULL;
  g_autofree char *text = g_strdup_printf ("text %u", g_rand_int (rand));

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
      if (stage && lane)
        jm_edit_add_item (fixture->stack, state, g_rand_int_range (rand, 0, 6), jm_object_get_id (JM_OBJECT (stage)),
                          jm_object_get_id (JM_OBJECT (lane)), g_rand_int_range (rand, -1, 3), text, NULL);
      break;
    case 1:
      if (it && stage && lane)
        jm_edit_move_item (fixture->stack, state, it, jm_object_get_id (JM_OBJECT (stage)),
                           jm_object_get_id (JM_OBJECT (lane)), g_rand_int_range (rand, -1, 3), NULL);
      break;
    case 2:
      if (it)
        {
          g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
          g_ptr_array_add (doomed, it);
          jm_edit_delete_items (fixture->stack, state, doomed, NULL);
        }
      break;
    case 3:
      if (it)
        jm_edit_set_string (fixture->stack, it, g_rand_boolean (rand) ? "title" : "body", text,
                            g_rand_int_range (rand, 0, 3), NULL);
      break;
    case 4:
      if (stage)
        jm_edit_add_emotion_point (fixture->stack, state, NULL, jm_object_get_id (JM_OBJECT (stage)),
                                   g_rand_double (rand), g_rand_double_range (rand, -5, 5), text, NULL);
      break;
    case 5:
      if (n_items > 1)
        jm_edit_add_link (fixture->stack, state, jm_object_get_id (jm_object_store_get_object (items, 0)),
                          jm_object_get_id (JM_OBJECT (it)), text, NULL);
      break;
    case 6:
      if (stage && g_rand_int_range (rand, 0, 8) == 0)
        jm_edit_delete_stage (fixture->stack, stage, NULL);
      break;
    case 7:
      if (lane && g_rand_int_range (rand, 0, 8) == 0)
        jm_edit_delete_lane (fixture->stack, lane, NULL);
      break;
    case 8:
      jm_edit_add_stage (fixture->stack, g_rand_int_range (rand, 0, n_stages + 1), text, NULL);
      break;
    case 9:
      if (stage)
        jm_edit_move_stage (fixture->stack, stage, g_rand_int_range (rand, 0, n_stages), NULL);
      break;
    case 10:
      if (it)
        jm_edit_set_moment (fixture->stack, it, g_rand_int_range (rand, 0, 4), NULL, text, NULL);
      break;
    case 11:
      if (g_rand_int_range (rand, 0, 20) == 0)
        jm_edit_start_future_from_current (fixture->stack, NULL);
      else if (g_rand_int_range (rand, 0, 4) == 0)
        jm_command_stack_undo (fixture->stack);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_random_session (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) start = snapshot (fixture);
  g_autoptr(GBytes) end = NULL;
  GRand *rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  guint steps;

  for (guint i = 0; i < 500; i++)
    random_edit (fixture, rand);
  g_rand_free (rand);

  end = snapshot (fixture);
  steps = jm_command_stack_get_position (fixture->stack);
  g_assert_cmpuint (steps, >, 50);

  while (jm_command_stack_undo (fixture->stack))
    ;
  assert_snapshot (fixture, start);
  g_assert_false (jm_command_stack_get_modified (fixture->stack));

  for (guint i = 0; i < steps; i++)
    g_assert_true (jm_command_stack_redo (fixture->stack));
  assert_snapshot (fixture, end);
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
  guint changed = 0, modified = 0;

  g_signal_connect (fixture->stack, "changed", G_CALLBACK (on_changed_cb), &changed);
  g_signal_connect (fixture->stack, "notify::modified", G_CALLBACK (on_notify_cb), &modified);

  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "A", 0, NULL));
  g_assert_true (jm_edit_set_string (fixture->stack, item (fixture, "item-searches"), "title", "B", 0, NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (modified, ==, 1);

  jm_command_stack_mark_clean (fixture->stack);
  g_assert_cmpuint (modified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char     *name;
    CommandFactory  factory;
  } contracts[] = {
    { "set-property", make_set_property },
    { "insert", make_insert },
    { "remove", make_remove },
    { "move", make_move },
    { "group", make_group },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/commands/%s/apply-revert-apply", contracts[i].name);

      g_test_add (path, Fixture, contracts[i].factory, fixture_set_up, test_command_contract, fixture_tear_down);
    }

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/commands/stack/undo-redo", test_stack_undo_redo);
  ADD ("/commands/stack/new-edit-drops-redo-and-clean", test_stack_new_edit_drops_redo_and_clean);
  ADD ("/commands/stack/typing-merges", test_stack_typing_merges);
  ADD ("/commands/stack/groups", test_stack_groups);
  ADD ("/commands/stack/failures-change-nothing", test_stack_failures_change_nothing);
  ADD ("/commands/stack/notifies", test_stack_notifies);
  ADD ("/commands/edit/add-and-move-item", test_edit_add_and_move_item);
  ADD ("/commands/edit/delete-stage-is-one-step", test_edit_delete_stage_is_one_step);
  ADD ("/commands/edit/other-deletions", test_edit_other_deletions);
  ADD ("/commands/edit/stages-lanes-personas", test_edit_stages_lanes_personas);
  ADD ("/commands/edit/curve-links-moments", test_edit_curve_links_moments);
  ADD ("/commands/edit/future-state", test_edit_future_state);
  ADD ("/commands/edit/item-kind-keeps-channel-rule", test_edit_item_kind_keeps_channel_rule);
  ADD ("/commands/edit/refuses-overlong-text", test_edit_refuses_overlong_text);
  ADD ("/commands/edit/paste-items", test_edit_paste_items);
  ADD ("/commands/compare/items", test_compare_items);
#undef ADD
  g_test_add ("/commands/random/session-1", Fixture, GUINT_TO_POINTER (1), fixture_set_up, test_random_session, fixture_tear_down);
  g_test_add ("/commands/random/session-2", Fixture, GUINT_TO_POINTER (2), fixture_set_up, test_random_session, fixture_tear_down);
  g_test_add ("/commands/random/session-3", Fixture, GUINT_TO_POINTER (20261122), fixture_set_up, test_random_session, fixture_tear_down);

  return g_test_run ();
}
