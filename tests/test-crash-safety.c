/* test-crash-safety.c: a save or an autosave killed half-way loses nothing
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process saves a new version of a map, or a recovery copy of it,
 * and is killed as by `kill -9` at each point of the save (after writing
 * the temporary file, after flushing it, after renaming it over the map):
 * the map is then the old version or the new one, whole, and the next
 * save leaves no temporary file behind.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "io/jm-draft-store.h"

static const char *crash_points[] = { "after-write", "after-sync", "after-rename" };

static char *
example_path (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static JmDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JmDocument *document = jm_document_io_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

/* In the child: saves the new version over the map, then would exit 0,
 * but JM_TEST_CRASH_AT kills it on the way. */
static void
child_save (void)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs as the child of /crash/save/killed");
      return;
    }

  document = load (g_getenv ("JM_TEST_NEW_VERSION"));
  file = g_file_new_for_path (g_getenv ("JM_TEST_TARGET"));
  jm_document_io_save (document, file, NULL, NULL, NULL, NULL);
}

static void
child_autosave (void)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmDraftStore) store = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs as the child of /crash/autosave/killed");
      return;
    }

  document = load (g_getenv ("JM_TEST_NEW_VERSION"));
  store = jm_draft_store_new (g_getenv ("JM_TEST_TARGET"));
  jm_draft_store_save (store, g_getenv ("JM_TEST_DRAFT_ID"), document, NULL, NULL);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Runs @test_path in a child with JM_TEST_CRASH_AT=@point and checks it
 * was killed, not that it ended. */
static void
run_child_killed_at (const char *test_path,
                     const char *point)
{
  g_setenv ("JM_TEST_CRASH_AT", point, TRUE);
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("JM_TEST_CRASH_AT");
  g_test_trap_assert_failed ();
}

static void
test_save_killed (void)
{
  g_autofree char *old_path = example_path ("hotel-guest-stay.jmap");
  g_autofree char *new_path = example_path ("saas-onboarding.jmap");
  g_autoptr(GBytes) old_bytes = read_bytes (old_path);
  g_autoptr(JmDocument) new_document = load (new_path);
  g_autoptr(GBytes) new_bytes = jm_xml_writer_write_bytes (new_document);

  for (guint i = 0; i < G_N_ELEMENTS (crash_points); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("jm-crash-XXXXXX", NULL);
      g_autofree char *target = g_build_filename (dir, "map.jmap", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (target);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(JmDocument) reread = NULL;
      g_autoptr(GError) error = NULL;
      gboolean renamed = g_str_equal (crash_points[i], "after-rename");

      g_file_set_contents (target, g_bytes_get_data (old_bytes, NULL), g_bytes_get_size (old_bytes), &error);
      g_assert_no_error (error);

      g_setenv ("JM_TEST_NEW_VERSION", new_path, TRUE);
      g_setenv ("JM_TEST_TARGET", target, TRUE);
      run_child_killed_at ("/crash/save/child", crash_points[i]);

      /* Old before the rename, new after it; whole either way. */
      after = read_bytes (target);
      g_assert_true (g_bytes_equal (after, renamed ? new_bytes : old_bytes));
      reread = load (target);
      g_assert_nonnull (reread);

      /* The killed save may leave its temporary file; the next save of
       * the map takes it away. */
      g_assert_cmpuint (count_entries (dir), ==, renamed ? 1 : 2);
      g_assert_true (jm_document_io_save (reread, file, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_entries (dir), ==, 1);

      remove_folder (dir);
    }
}

static void
test_autosave_killed (void)
{
  g_autofree char *old_path = example_path ("hotel-guest-stay.jmap");
  g_autofree char *new_path = example_path ("saas-onboarding.jmap");
  g_autoptr(JmDocument) old_document = load (old_path);
  g_autoptr(JmDocument) new_document = load (new_path);

  for (guint i = 0; i < G_N_ELEMENTS (crash_points); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("jm-crash-drafts-XXXXXX", NULL);
      g_autofree char *id = jm_draft_store_new_id ();
      g_autoptr(JmDraftStore) store = jm_draft_store_new (dir);
      g_autoptr(GPtrArray) drafts = NULL;
      g_autoptr(JmDocument) recovered = NULL;
      g_autoptr(GError) error = NULL;
      gboolean renamed = g_str_equal (crash_points[i], "after-rename");

      g_assert_true (jm_draft_store_save (store, id, old_document, NULL, &error));
      g_assert_no_error (error);

      g_setenv ("JM_TEST_NEW_VERSION", new_path, TRUE);
      g_setenv ("JM_TEST_TARGET", dir, TRUE);
      g_setenv ("JM_TEST_DRAFT_ID", id, TRUE);
      run_child_killed_at ("/crash/autosave/child", crash_points[i]);

      /* The next start still offers the recovery copy, whole: the old one,
       * or the new one once its file was renamed into place. */
      g_clear_object (&store);
      store = jm_draft_store_new (dir);
      drafts = jm_draft_store_list (store);
      g_assert_cmpuint (drafts->len, ==, 1);
      recovered = jm_draft_store_load (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (jm_document_get_title (recovered), ==,
                       jm_document_get_title (renamed ? new_document : old_document));

      remove_folder (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/save/killed", test_save_killed);
  g_test_add_func ("/crash/save/child", child_save);
  g_test_add_func ("/crash/autosave/killed", test_autosave_killed);
  g_test_add_func ("/crash/autosave/child", child_autosave);

  return g_test_run ();
}
