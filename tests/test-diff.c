/* test-diff.c: journeymap diff, the changes between two copies of a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "commands/jm-edit-comments.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "merge/jm-diff.h"
#include "model/jm-compare.h"
#include "model/jm-document-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-object-store-private.h"

#include "jm-test-maps.h"
#include "jm-test-run.h"

static const char *example_names[] = {
  "grocery-first-order.jmap",
  "hotel-guest-stay.jmap",
  "saas-onboarding.jmap",
};

static char *
example_path (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static guint
count_changes (GPtrArray    *changes,
               JmChangeKind  kind,
               GType         type,
               int           state,
               const char   *id)
{
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      JmChange *change = changes->pdata[i];

      if (change->kind == kind && change->type == type && change->state == state &&
          (id == NULL || g_strcmp0 (change->id, id) == 0))
        n++;
    }

  return n;
}

static gboolean
has_sentence (GPtrArray  *changes,
              const char *sentence)
{
  for (guint i = 0; i < changes->len; i++)
    {
      if (g_str_equal (((JmChange *) changes->pdata[i])->sentence, sentence))
        return TRUE;
    }

  for (guint i = 0; i < changes->len; i++)
    g_test_message ("have: %s", ((JmChange *) changes->pdata[i])->sentence);
  g_test_message ("missing: %s", sentence);
  return FALSE;
}

/* The ids of @a's store that @b's lacks. */
static guint
count_missing (JmObjectStore *a,
               JmObjectStore *b)
{
  guint n = 0;

  for (guint i = 0; i < jm_object_store_get_n_objects (a); i++)
    {
      if (jm_object_store_lookup (b, jm_object_get_id (jm_object_store_get_object (a, i))) == NULL)
        n++;
    }

  return n;
}

static void
assert_store_counts (GPtrArray     *changes,
                     JmObjectStore *old_store,
                     JmObjectStore *new_store,
                     GType          type,
                     int            state)
{
  g_assert_cmpuint (count_changes (changes, JM_CHANGE_ADDED, type, state, NULL), ==,
                    count_missing (new_store, old_store));
  g_assert_cmpuint (count_changes (changes, JM_CHANGE_REMOVED, type, state, NULL), ==,
                    count_missing (old_store, new_store));
}

/* Any two examples: additions and removals are the ids of one and not of
 * the other, and the diff the other way round mirrors them. */
static void
test_example_pairs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (example_names); j++)
      {
        g_autoptr(JmDocument) a = jm_test_load_example (example_names[i]);
        g_autoptr(JmDocument) b = jm_test_load_example (example_names[j]);
        g_autoptr(GPtrArray) forth = jm_diff_documents (a, b);
        g_autoptr(GPtrArray) back = jm_diff_documents (b, a);

        if (i == j)
          {
            g_assert_cmpuint (forth->len, ==, 0);
            continue;
          }

        g_assert_cmpuint (forth->len, >, 0);
        assert_store_counts (forth, a->personas, b->personas, JM_TYPE_PERSONA, -1);
        assert_store_counts (forth, a->stages, b->stages, JM_TYPE_STAGE, -1);
        assert_store_counts (forth, a->lanes, b->lanes, JM_TYPE_LANE, -1);
        for (int state = 0; state < JM_N_LAYER_STATES; state++)
          {
            assert_store_counts (forth, jm_layer_get_items (a->layers[state]),
                                 jm_layer_get_items (b->layers[state]), JM_TYPE_ITEM, state);
            assert_store_counts (forth, jm_layer_get_points (a->layers[state]),
                                 jm_layer_get_points (b->layers[state]), JM_TYPE_EMOTION_POINT, state);
            assert_store_counts (forth, jm_layer_get_links (a->layers[state]),
                                 jm_layer_get_links (b->layers[state]), JM_TYPE_LINK, state);
          }

        for (JmChangeKind kind = 0; kind < JM_N_CHANGE_KINDS; kind++)
          {
            JmChangeKind mirror = kind == JM_CHANGE_ADDED ? JM_CHANGE_REMOVED :
                                  kind == JM_CHANGE_REMOVED ? JM_CHANGE_ADDED : kind;
            guint n_forth = 0, n_back = 0;

            for (guint k = 0; k < forth->len; k++)
              n_forth += ((JmChange *) forth->pdata[k])->kind == kind;
            for (guint k = 0; k < back->len; k++)
              n_back += ((JmChange *) back->pdata[k])->kind == mirror;
            g_assert_cmpuint (n_forth, ==, n_back);
          }
      }
}

/* The map once its future state is built: the current state becomes what
 * the future state was. */
static JmDocument *
future_of (JmDocument *document)
{
  g_autoptr(GBytes) bytes = jm_xml_writer_write_bytes (document);
  JmDocument *after = jm_xml_reader_read_bytes (bytes, "after.jmap", NULL);
  JmLayer *current = jm_document_get_layer (after, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (after, JM_LAYER_STATE_FUTURE);
  JmObjectStore *stores[][2] = {
    { jm_layer_get_items (current), jm_layer_get_items (future) },
    { jm_layer_get_points (current), jm_layer_get_points (future) },
    { jm_layer_get_links (current), jm_layer_get_links (future) },
  };

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      while (jm_object_store_get_n_objects (stores[s][0]) > 0)
        g_object_unref (_jm_object_store_remove (stores[s][0], 0));
      for (guint i = 0; i < jm_object_store_get_n_objects (stores[s][1]); i++)
        {
          g_autoptr(JmObject) copy = jm_object_clone (jm_object_store_get_object (stores[s][1], i));

          _jm_object_store_append (stores[s][0], copy);
        }
    }

  return after;
}

/* The current state of a map against its future state: the diff names
 * what the compare view marks as added, changed and removed, no more. */
static void
test_example_future_states (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (example_names); e++)
    {
      g_autoptr(JmDocument) before = jm_test_load_example (example_names[e]);
      g_autoptr(JmDocument) after = NULL;
      g_autoptr(GPtrArray) differences = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GHashTable) changed_ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(JmCommandStack) stack = NULL;

      if (jm_layer_is_empty (jm_document_get_layer (before, JM_LAYER_STATE_FUTURE)))
        {
          JmLayer *future;
          JmItem *first, *last;
          JmStage *stage;

          /* A map without a future state gets one, with a few edits. */
          stack = jm_command_stack_new (before);
          g_assert_true (jm_edit_start_future_from_current (stack, NULL));
          future = jm_document_get_layer (before, JM_LAYER_STATE_FUTURE);
          first = jm_object_store_get_object (jm_layer_get_items (future), 0);
          last = jm_object_store_get_object (jm_layer_get_items (future),
                                             jm_object_store_get_n_objects (jm_layer_get_items (future)) - 1);
          stage = jm_object_store_get_object (jm_document_get_stages (before), 1);
          g_assert_true (jm_edit_set_string (stack, first, "title", "Renamed in the future", 0, NULL));
          g_assert_true (jm_edit_move_item (stack, JM_LAYER_STATE_FUTURE, last,
                                            jm_object_get_id (JM_OBJECT (stage)),
                                            jm_item_get_lane_id (last), -1, NULL));
          g_assert_nonnull (jm_edit_add_item (stack, JM_LAYER_STATE_FUTURE, JM_ITEM_KIND_NOTE,
                                              jm_object_get_id (JM_OBJECT (stage)),
                                              jm_item_get_lane_id (first), 0, "New", NULL));
        }

      after = future_of (before);
      differences = jm_document_compare_items (before);
      changes = jm_diff_documents (before, after);
      g_assert_cmpuint (differences->len, >, 0);

      for (guint i = 0; i < differences->len; i++)
        {
          JmDifference *difference = differences->pdata[i];
          const char *id = jm_object_get_id (JM_OBJECT (difference->current != NULL ?
                                                        difference->current : difference->future));

          if (difference->kind == JM_DIFFERENCE_ADDED)
            g_assert_cmpuint (count_changes (changes, JM_CHANGE_ADDED, JM_TYPE_ITEM, 0, id), ==, 1);
          else if (difference->kind == JM_DIFFERENCE_REMOVED)
            g_assert_cmpuint (count_changes (changes, JM_CHANGE_REMOVED, JM_TYPE_ITEM, 0, id), ==, 1);
          else
            g_assert_cmpuint (count_changes (changes, JM_CHANGE_CHANGED, JM_TYPE_ITEM, 0, id) +
                              count_changes (changes, JM_CHANGE_MOVED, JM_TYPE_ITEM, 0, id), >, 0);
          g_hash_table_add (changed_ids, (gpointer) id);
        }

      /* Nothing else of the items of the current state, and nothing of
       * the future state, which both copies share. */
      for (guint i = 0; i < changes->len; i++)
        {
          JmChange *change = changes->pdata[i];

          g_assert_cmpint (change->state, !=, JM_LAYER_STATE_FUTURE);
          if (change->type == JM_TYPE_ITEM && change->kind != JM_CHANGE_MOVED)
            g_assert_true (g_hash_table_contains (changed_ids, change->id));
        }
    }
}

/* Sentences name the object, its place, the property and both values. */
static void
test_sentences (void)
{
  g_autoptr(JmDocument) before = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmDocument) after = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (after);
  g_autoptr(GPtrArray) changes = NULL;
  JmObjectStore *stages = jm_document_get_stages (after);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (after, JM_LAYER_STATE_CURRENT));
  JmStage *first = jm_object_store_get_object (stages, 0);
  JmStage *second = jm_object_store_get_object (stages, 1);
  JmItem *item = jm_object_store_get_object (items, 0);
  JmLane *lane = jm_document_lookup_lane (after, jm_item_get_lane_id (item));
  g_autofree char *stage_name = g_strdup (jm_stage_get_name (first));
  g_autofree char *second_name = g_strdup (jm_stage_get_name (second));
  g_autofree char *title = g_strdup (jm_item_get_title (item));
  g_autofree char *expected = NULL;
  guint n_stages = jm_object_store_get_n_objects (stages);

  g_assert_true (jm_edit_set_string (stack, first, "name", "Before anything", 0, NULL));
  g_assert_true (jm_edit_move_item (stack, JM_LAYER_STATE_CURRENT, item, jm_object_get_id (JM_OBJECT (second)),
                                    jm_item_get_lane_id (item), -1, NULL));
  g_assert_true (jm_edit_move_stage (stack, first, n_stages - 1, NULL));
  g_assert_nonnull (jm_edit_add_comment (stack, second, "Ana", "Shorter?", NULL));

  changes = jm_diff_documents (before, after);

  expected = g_strdup_printf ("Stage “Before anything”: name: “%s” → “Before anything”.", stage_name);
  g_assert_true (has_sentence (changes, expected));
  g_clear_pointer (&expected, g_free);
  /* One stage moved: the others keep their order, and are no moves. */
  expected = g_strdup_printf ("Stage “Before anything” moved from place 1 to %u.", n_stages);
  g_assert_true (has_sentence (changes, expected));
  g_assert_cmpuint (count_changes (changes, JM_CHANGE_MOVED, JM_TYPE_STAGE, -1, NULL), ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Current state: item “%s” in “%s” / “%s” moved from “%s” / “%s” to “%s” / “%s”.",
                              title, second_name, jm_lane_get_name (lane), stage_name, jm_lane_get_name (lane),
                              second_name, jm_lane_get_name (lane));
  g_assert_true (has_sentence (changes, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Comment by Ana on Stage “%s” added: “Shorter?”.", second_name);
  g_assert_true (has_sentence (changes, expected));
}

static void
write_document_to (JmDocument *document,
                   const char *path)
{
  g_autoptr(GBytes) bytes = jm_xml_writer_write_bytes (document);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
test_cli (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jm-diff-XXXXXX", NULL);
  g_autofree char *grocery = example_path ("grocery-first-order.jmap");
  g_autofree char *hotel = example_path ("hotel-guest-stay.jmap");
  g_autofree char *not_a_map = g_build_filename (folder, "notes.jmap", NULL);
  g_autofree char *commented = g_build_filename (folder, "commented.jmap", NULL);
  g_autofree char *newer_major = g_test_build_filename (G_TEST_DIST, "data", "invalid", "future-version.jmap", NULL);
  g_autofree char *newer_minor = g_test_build_filename (G_TEST_DIST, "data", "valid", "newer-minor.jmap", NULL);
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_auto(JmTestRun) run = { NULL };

  g_assert_true (g_file_set_contents (not_a_map, "Shopping list: milk, eggs\n", -1, NULL));
  g_assert_nonnull (jm_edit_add_comment (stack, document, "Ana", "Looks good", NULL));
  write_document_to (document, commented);

  jm_test_run_journeymap (&run, "diff", grocery, grocery, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  jm_test_run_journeymap (&run, "diff", grocery, hotel, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "The map: title: "));
  g_assert_nonnull (strstr (run.out, " removed.\n"));

  jm_test_run_journeymap (&run, "diff", "--stat", grocery, hotel, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, " stages: "));
  g_assert_nonnull (strstr (run.out, " changes\n"));

  /* Format 1.0 against 1.1: the comment is the difference. */
  jm_test_run_journeymap (&run, "diff", grocery, commented, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "Comment by Ana on The map added: “Looks good”.\n");

  jm_test_run_journeymap (&run, "diff", grocery, not_a_map, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, not_a_map));

  jm_test_run_journeymap (&run, "diff", newer_major, grocery, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "newer Journeymap"));

  jm_test_run_journeymap (&run, "diff", newer_minor, newer_minor, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "format 1.7 is newer than this version knows (1.1)"));

  jm_test_run_journeymap (&run, "diff", grocery, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "usage"));

  /* As git's diff driver: seven arguments, /dev/null for a new file. */
  jm_test_run_journeymap (&run, "diff", "maps/grocery.jmap", "/dev/null", "0000000", "100644",
                          grocery, "1234567", "100644", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "journeymap diff a/maps/grocery.jmap b/maps/grocery.jmap\n"));
  g_assert_nonnull (strstr (run.out, " added.\n"));

  jm_test_run_journeymap (&run, "diff", "--textconv", grocery, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "The map: title “"));

  g_remove (not_a_map);
  g_remove (commented);
  g_rmdir (folder);
}

/* The lines README gives for git: git diff and git log -p read as the
 * objects and sentences of what changed. */
static void
test_git (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jm-diff-git-XXXXXX", NULL);
  g_autofree char *map = g_build_filename (folder, "journey.jmap", NULL);
  g_autofree char *attributes = g_build_filename (folder, ".gitattributes", NULL);
  g_autofree char *textconv = g_strdup_printf ("%s diff --textconv", g_getenv ("JM_BINARY"));
  g_autofree char *command = g_strdup_printf ("%s diff", g_getenv ("JM_BINARY"));
  g_autofree char *git_path = g_find_program_in_path ("git");
  g_autofree char *diff = NULL;
  g_autofree char *log = NULL;
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (document), 0);
  g_autofree char *old_name = g_strdup (jm_stage_get_name (stage));
  g_autofree char *sentence = NULL;
  g_auto(JmTestRun) run = { NULL };

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }

  g_assert_cmpint (jm_test_run_git (&run, folder, "init", "-q", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "config", "diff.jmap.textconv", textconv, NULL), ==, 0);
  g_assert_true (g_file_set_contents (attributes, "*.jmap diff=jmap merge=jmap\n", -1, NULL));
  write_document_to (document, map);
  g_assert_cmpint (jm_test_run_git (&run, folder, "add", ".", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-m", "A map", NULL), ==, 0);

  g_assert_true (jm_edit_set_string (stack, stage, "name", "Dreaming of a trip", 0, NULL));
  write_document_to (document, map);

  g_assert_cmpint (jm_test_run_git (&run, folder, "diff", NULL), ==, 0);

  diff = g_strdup (run.out);
  g_test_message ("%s", diff);
  g_assert_nonnull (strstr (diff, "\n+Stage “Dreaming of a trip”: name “Dreaming of a trip”"));

  g_clear_pointer (&diff, g_free);
  {
    g_autofree char *option = g_strdup_printf ("diff.jmap.command=%s", command);

    g_assert_cmpint (jm_test_run_git (&run, folder, "-c", option, "diff", NULL), ==, 0);

    diff = g_strdup (run.out);
  }
  sentence = g_strdup_printf ("Stage “Dreaming of a trip”: name: “%s” → “Dreaming of a trip”.\n", old_name);
  g_test_message ("%s", diff);
  g_assert_nonnull (strstr (diff, sentence));

  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-a", "-m", "Renamed", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "log", "-p", NULL), ==, 0);
  log = g_strdup (run.out);
  g_assert_nonnull (strstr (log, "\n+Stage “Dreaming of a trip”"));

  g_assert_cmpint (jm_test_run_git (&run, folder, "rm", "-q", "-r", "-f", ".", NULL), ==, 0);
  {
    g_autofree char *dot_git = g_build_filename (folder, ".git", NULL);
    g_autofree char *rm = g_find_program_in_path ("rm");
    const char *argv[] = { rm, "-rf", dot_git, NULL };

    jm_test_run_argv (&run, NULL, argv);
  }
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/examples/pairs", test_example_pairs);
  g_test_add_func ("/diff/examples/future-states", test_example_future_states);
  g_test_add_func ("/diff/sentences", test_sentences);
  g_test_add_func ("/diff/cli", test_cli);
  g_test_add_func ("/diff/git", test_git);

  return g_test_run ();
}
