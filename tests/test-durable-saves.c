/* test-durable-saves.c: a save reaches the disk before it replaces a file
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save that renames its temporary file over the old one before the data
 * is on the disk can leave an empty file after a power cut; one that never
 * flushes the folder can lose the rename itself. Killing the process shows
 * neither, so these tests run the real code with jm-sync-log preloaded
 * (JM_SYNC_SHIM) and check the order of the calls it logged.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/jm-document-io.h"
#include "io/jm-draft-store.h"

/* The test's own binary, to write drafts with the shim preloaded. */
static const char *self_path;

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  char *real;

  dir = g_dir_make_tmp ("jm-durable-XXXXXX", &error);
  g_assert_no_error (error);
  /* The shim logs the paths the kernel knows: no symbolic link in them. */
  real = realpath (dir, NULL);
  g_assert_nonnull (real);
  fixture->dir = g_strdup (real);
  free (real);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
example_path (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);
}

/* Runs @argv with the shim preloaded and returns the lines it logged. */
static GStrv
run_logged (const char * const *argv,
            const char         *dir)
{
  g_autofree char *log_path = g_build_filename (dir, "sync.log", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *asan_options = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *shim = g_getenv ("JM_SYNC_SHIM");
  int status;

  g_assert_nonnull (shim);
  g_assert_true (g_file_test (shim, G_FILE_TEST_IS_REGULAR));

  envp = g_environ_setenv (envp, "LD_PRELOAD", shim, TRUE);
  envp = g_environ_setenv (envp, "JM_SYNC_LOG", log_path, TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* Under AddressSanitizer the shim is loaded before the sanitizer's
   * runtime, which it refuses ("ASan runtime does not come first"). The
   * shim only wraps fsync and rename, which ASan does not intercept, and
   * allocates nothing: the order is safe to allow. Without ASan the
   * option is ignored. */
  asan_options = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS") != NULL ?
                                g_environ_getenv (envp, "ASAN_OPTIONS") : "",
                              ":verify_asan_link_order=0", NULL);
  envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan_options, TRUE);

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
  /* ld.so goes on without a library it cannot preload, and says so. */
  g_assert_null (strstr (err, "LD_PRELOAD"));

  g_file_get_contents (log_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (log_path);
  g_test_message ("%s", contents);
  return g_strsplit (contents, "\n", -1);
}

/* Index of the line "fsync\t@path" from @from on, before @to; -1 if none. */
static int
find_sync (const GStrv  lines,
           const char  *path,
           int          from,
           int          to)
{
  g_autofree char *wanted = g_strconcat ("fsync\t", path, NULL);

  for (int i = from; i < to && lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], wanted))
        return i;
    }
  return -1;
}

/* Each rename to @target (returns how many) made a durable replace: from a
 * file of the same folder whose data was flushed before the rename, with
 * the folder flushed after it and before anything else was renamed (that
 * is, before the save returned). */
static guint
assert_durable (const GStrv  lines,
                const char  *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  guint n_renames = 0;

  for (int i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *temp_dir = NULL;
      int next_rename = i + 1;

      if (g_strv_length (fields) != 3 || !g_str_equal (fields[0], "rename") || !g_str_equal (fields[2], target))
        continue;

      n_renames++;
      while (lines[next_rename] != NULL && !g_str_has_prefix (lines[next_rename], "rename\t"))
        next_rename++;

      temp_dir = g_path_get_dirname (fields[1]);
      g_assert_cmpstr (temp_dir, ==, dir);
      if (find_sync (lines, fields[1], 0, i) < 0)
        g_error ("%s was not flushed before it was renamed to %s", fields[1], target);
      if (find_sync (lines, dir, i + 1, next_rename) < 0)
        g_error ("%s was not flushed after the rename to %s", dir, target);
    }

  if (n_renames == 0)
    g_error ("nothing was renamed to %s", target);
  return n_renames;
}

/* `journeymap export` to a .jmap and to a PNG, new or replacing a file:
 * the same saving code as the window's Save. */
static void
test_export_is_durable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *input = example_path ("hotel-guest-stay.jmap");
  g_autofree char *jmap = g_build_filename (fixture->dir, "copy.jmap", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "map.png", NULL);
  const char *outputs[] = { jmap, jmap, png };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      const char *argv[] = { g_getenv ("JM_BINARY"), "export", input, "-o", outputs[i], NULL };
      g_auto(GStrv) lines = NULL;

      g_test_message ("export to %s%s", outputs[i], g_file_test (outputs[i], G_FILE_TEST_EXISTS) ? ", replacing it" : "");
      lines = run_logged (argv, fixture->dir);
      g_assert_cmpuint (assert_durable (lines, outputs[i]), ==, 1);
    }
}

/* A map with several hard links is written in place (see
 * jm-atomic-file.c): nothing is renamed, and its data is flushed before
 * the save ends. */
static void
test_in_place_is_durable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *input = example_path ("hotel-guest-stay.jmap");
  g_autofree char *jmap = g_build_filename (fixture->dir, "copy.jmap", NULL);
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.jmap", NULL);
  const char *argv[] = { g_getenv ("JM_BINARY"), "export", input, "-o", jmap, NULL };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (jmap, "old", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (link (jmap, link_path), ==, 0);

  lines = run_logged (argv, fixture->dir);
  for (int i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (lines[i], "rename\t"));
  if (find_sync (lines, jmap, 0, G_MAXINT) < 0)
    g_error ("%s was not flushed", jmap);

  /* Written in place indeed: the other name shows the map. */
  g_assert_true (g_file_get_contents (link_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<journey-map"));
}

/* The child: a recovery copy into @dir, as the window writes it. */
static int
write_draft (const char *dir)
{
  g_autofree char *example = example_path ("hotel-guest-stay.jmap");
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(JmDraftStore) store = jm_draft_store_new (dir);
  g_autoptr(JmDocument) document = NULL;
  g_autofree char *id = g_strdup ("6c1e0f8e-3f5a-4d0b-9b43-2f7d1c9e5a10");
  g_autoptr(GError) error = NULL;

  document = jm_document_io_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  jm_draft_store_save_async (store, id, document, NULL);
  jm_draft_store_flush (store);
  g_assert_true (jm_draft_store_save (store, id, document, NULL, &error));
  g_assert_no_error (error);

  return 0;
}

/* Recovery copies claim to survive a crash and a power cut: the copy and
 * the index that names it are both written durably, by the writer thread
 * and directly. */
static void
test_drafts_are_durable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *drafts = g_build_filename (fixture->dir, "drafts", NULL);
  g_autofree char *copy = g_build_filename (drafts, "6c1e0f8e-3f5a-4d0b-9b43-2f7d1c9e5a10.jmap", NULL);
  g_autofree char *index = g_build_filename (drafts, "drafts.gvariant", NULL);
  const char *argv[] = { self_path, "--write-draft", drafts, NULL };
  g_auto(GStrv) lines = NULL;
  guint n_renames = 0;

  g_assert_cmpint (g_mkdir (drafts, 0700), ==, 0);
  lines = run_logged (argv, fixture->dir);

  /* Two copies, two indexes: each durable. */
  for (int i = 0; lines[i] != NULL; i++)
    n_renames += g_str_has_prefix (lines[i], "rename\t");
  g_assert_cmpuint (n_renames, ==, 4);
  g_assert_cmpuint (assert_durable (lines, copy), ==, 2);
  g_assert_cmpuint (assert_durable (lines, index), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-draft"))
    return write_draft (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/saving/durable/export", test_export_is_durable);
  ADD ("/saving/durable/drafts", test_drafts_are_durable);
  ADD ("/saving/durable/in-place", test_in_place_is_durable);
#undef ADD

  return g_test_run ();
}
