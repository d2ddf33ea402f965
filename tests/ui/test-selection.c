/* test-selection.c: the selection as a list model, without a display
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "ui/jm-selection.h"

#include "jm-test-maps.h"

/* What a selection told, one change or notification after another. */
typedef struct
{
  GString *log;
} Recorder;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Recorder   *recorder)
{
  g_string_append_printf (recorder->log, "(%u,%u,%u)", position, removed, added);
}

static void
on_primary_cb (JmSelection *selection,
               GParamSpec  *pspec,
               Recorder    *recorder)
{
  JmObject *primary = jm_selection_get_primary (selection);

  g_string_append_printf (recorder->log, "[%s]", primary != NULL ? jm_object_get_id (primary) : "-");
}

static void
recorder_watch (Recorder    *recorder,
                JmSelection *selection)
{
  recorder->log = g_string_new (NULL);
  g_signal_connect (selection, "items-changed", G_CALLBACK (on_items_changed_cb), recorder);
  g_signal_connect (selection, "notify::primary", G_CALLBACK (on_primary_cb), recorder);
}

/* Returns what was told since the last call, and forgets it. */
static char *
recorder_take (Recorder *recorder)
{
  char *log = g_strdup (recorder->log->str);

  g_string_truncate (recorder->log, 0);
  return log;
}

static void G_GNUC_PRINTF (2, 3)
recorder_expect (Recorder   *recorder,
                 const char *format,
                 ...)
{
  g_autofree char *log = recorder_take (recorder);
  g_autofree char *expected = NULL;
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpstr (log, ==, expected);
}

static void
recorder_expect_nothing (Recorder *recorder)
{
  g_autofree char *log = recorder_take (recorder);

  g_assert_cmpstr (log, ==, "");
}

/* The model says what it holds, in the order selected. */
static void
assert_holds (JmSelection *selection,
              guint        n,
              ...)
{
  va_list args;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JmObject) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      gpointer expected = va_arg (args, gpointer);

      g_assert_true (item == expected);
      g_assert_true (jm_selection_peek (selection, i) == expected);
      g_assert_true (jm_selection_contains (selection, expected));
    }
  va_end (args);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (selection), n));
}

static JmObject *
stage_at (JmDocument *document,
          guint       position)
{
  return jm_object_store_get_object (jm_document_get_stages (document), position);
}

static JmObject *
item_at (JmDocument *document,
         guint       position)
{
  return jm_object_store_get_object (jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)),
                                     position);
}

static void
test_items_changed (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmSelection) selection = jm_selection_new ();
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GPtrArray) copy = NULL;
  JmObject *a = item_at (document, 0), *b = item_at (document, 1), *c = stage_at (document, 0);
  Recorder recorder;

  recorder_watch (&recorder, selection);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (selection)) == JM_TYPE_OBJECT);
  assert_holds (selection, 0);

  jm_selection_select (selection, a);
  recorder_expect (&recorder, "(0,0,1)[%s]", jm_object_get_id (a));
  assert_holds (selection, 1, a);

  /* Selecting what is already selected alone changes nothing. */
  jm_selection_select (selection, a);
  recorder_expect_nothing (&recorder);

  jm_selection_toggle (selection, b);
  recorder_expect (&recorder, "(1,0,1)[-]");
  assert_holds (selection, 2, a, b);

  jm_selection_toggle (selection, b);
  recorder_expect (&recorder, "(1,1,0)[%s]", jm_object_get_id (a));
  assert_holds (selection, 1, a);

  jm_selection_toggle (selection, b);
  recorder_expect (&recorder, "(1,0,1)[-]");
  assert_holds (selection, 2, a, b);

  jm_selection_toggle (selection, a);
  recorder_expect (&recorder, "(0,1,0)[%s]", jm_object_get_id (b));
  assert_holds (selection, 1, b);

  jm_selection_select (selection, c);
  recorder_expect (&recorder, "(0,1,1)[%s]", jm_object_get_id (c));
  assert_holds (selection, 1, c);

  g_ptr_array_add (objects, a);
  g_ptr_array_add (objects, b);
  jm_selection_set_objects (selection, objects);
  recorder_expect (&recorder, "(0,1,2)[-]");
  assert_holds (selection, 2, a, b);
  jm_selection_set_objects (selection, objects);
  recorder_expect_nothing (&recorder);

  /* A copy to go through stays as it was while the selection changes. */
  copy = jm_selection_dup_objects (selection);
  jm_selection_clear (selection);
  recorder_expect (&recorder, "(0,2,0)");
  assert_holds (selection, 0);
  g_assert_cmpuint (copy->len, ==, 2);
  g_assert_true (copy->pdata[0] == a && copy->pdata[1] == b);

  jm_selection_clear (selection);
  recorder_expect_nothing (&recorder);
  g_string_free (recorder.log, TRUE);
}

static void
test_primary (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmSelection) selection = jm_selection_new ();
  JmObject *a = item_at (document, 0), *b = stage_at (document, 1);

  g_assert_null (jm_selection_get_primary (selection));
  jm_selection_select (selection, a);
  g_assert_true (jm_selection_get_primary (selection) == a);

  /* Several selected: the inspector shows the map, so none is primary. */
  jm_selection_toggle (selection, b);
  g_assert_null (jm_selection_get_primary (selection));
  jm_selection_toggle (selection, a);
  g_assert_true (jm_selection_get_primary (selection) == b);

  jm_selection_clear (selection);
  g_assert_null (jm_selection_get_primary (selection));
}

static void
test_removed_objects_drop_out (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(JmSelection) selection = jm_selection_new ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JmObject *stage = stage_at (document, 0);
  JmObject *item = NULL, *other = NULL;
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  Recorder recorder;

  /* Two items of another stage than the one selected. */
  for (guint i = 0; other == NULL && i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *candidate = jm_object_store_get_object (items, i);

      if (g_strcmp0 (jm_item_get_stage_id (candidate), jm_object_get_id (stage)) == 0)
        continue;
      if (item == NULL)
        item = JM_OBJECT (candidate);
      else
        other = JM_OBJECT (candidate);
    }
  g_assert_nonnull (other);

  jm_selection_set_history (selection, stack);
  g_assert_true (jm_selection_get_history (selection) == stack);
  jm_selection_select (selection, stage);
  jm_selection_toggle (selection, item);
  jm_selection_toggle (selection, other);
  recorder_watch (&recorder, selection);

  g_ptr_array_add (doomed, item);
  g_assert_true (jm_edit_delete_items (stack, JM_LAYER_STATE_CURRENT, doomed, &error));
  g_assert_no_error (error);
  recorder_expect (&recorder, "(1,1,0)");
  assert_holds (selection, 2, stage, other);

  /* Undo brings the item back to the map, not to the selection. */
  g_assert_true (jm_command_stack_undo (stack));
  recorder_expect_nothing (&recorder);
  assert_holds (selection, 2, stage, other);

  g_assert_true (jm_edit_delete_stage (stack, JM_STAGE (stage), &error));
  g_assert_no_error (error);
  recorder_expect (&recorder, "(0,1,0)[%s]", jm_object_get_id (other));
  assert_holds (selection, 1, other);

  /* With no history to follow, nothing is taken out. */
  g_assert_true (jm_command_stack_undo (stack));
  jm_selection_select (selection, stage);
  jm_selection_set_history (selection, NULL);
  g_assert_true (jm_command_stack_redo (stack));
  assert_holds (selection, 1, stage);
  g_string_free (recorder.log, TRUE);
}

/* A store moves an object by taking it out and putting it back: a moved
 * stage or item stays selected. */
static void
test_moved_objects_stay (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(JmSelection) selection = jm_selection_new ();
  g_autoptr(GError) error = NULL;
  JmObject *stage = stage_at (document, 0);
  JmObject *last = stage_at (document, jm_object_store_get_n_objects (jm_document_get_stages (document)) - 1);
  JmItem *item = JM_ITEM (item_at (document, 0));
  JmObject *lane = jm_object_store_get_object (jm_document_get_lanes (document), 1);

  jm_selection_set_history (selection, stack);
  jm_selection_select (selection, stage);
  jm_selection_toggle (selection, JM_OBJECT (item));

  g_assert_true (jm_edit_move_stage (stack, JM_STAGE (stage), 2, &error));
  g_assert_no_error (error);
  g_assert_true (stage_at (document, 2) == stage);
  assert_holds (selection, 2, stage, item);

  g_assert_true (jm_edit_move_item (stack, JM_LAYER_STATE_CURRENT, item, jm_object_get_id (last),
                                    jm_object_get_id (lane), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jm_item_get_stage_id (item), ==, jm_object_get_id (last));
  assert_holds (selection, 2, stage, item);

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  assert_holds (selection, 2, stage, item);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/selection/items-changed", test_items_changed);
  g_test_add_func ("/ui/selection/primary", test_primary);
  g_test_add_func ("/ui/selection/removed-objects-drop-out", test_removed_objects_drop_out);
  g_test_add_func ("/ui/selection/moved-objects-stay", test_moved_objects_stay);

  return g_test_run ();
}
