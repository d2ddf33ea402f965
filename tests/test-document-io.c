/* test-document-io.c: loading and saving files, atomically
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "format/jm-format-error.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "io/jm-draft-store.h"
#include "session/jm-map-loader.h"

#include "jm-test-maps.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static char *
example_path (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = example_path ("hotel-guest-stay.jmap");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("jm-io-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "map.jmap", NULL);

  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static GBytes *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
assert_bytes_equal (GBytes *expected,
                    GBytes *actual)
{
  gsize expected_length;
  gsize actual_length;
  const char *expected_data = g_bytes_get_data (expected, &expected_length);
  const char *actual_data = g_bytes_get_data (actual, &actual_length);

  g_assert_cmpmem (expected_data, expected_length, actual_data, actual_length);
}

/* Modes compare as octal text, so a failure reads 0644 rather than 420. */
static void
assert_mode (const char *path,
             int         mode)
{
  g_autofree char *expected = g_strdup_printf ("%04o", (unsigned) mode);
  g_autofree char *actual = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  actual = g_strdup_printf ("%04o", (unsigned) (st.st_mode & 07777));
  g_assert_cmpstr (actual, ==, expected);
}

static guint
count_entries (const char *dir)
{
  GDir *handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  g_dir_close (handle);

  return n;
}

static JmDocument *
load (const char  *path,
      char       **etag)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  document = jm_document_io_load (file, etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
save (JmDocument  *document,
      const char  *path,
      const char  *expected_etag,
      char       **new_etag)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_document_io_save (document, file, expected_etag, new_etag, NULL, &error));
  g_assert_no_error (error);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_jmap_files (GPtrArray  *paths,
                const char *dir_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GDir *dir = g_dir_open (dir_path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".jmap"))
        g_ptr_array_add (found, g_build_filename (dir_path, name, NULL));
    }
  g_dir_close (dir);

  g_assert_cmpuint (found->len, >, 0);
  g_ptr_array_sort (found, compare_paths);
  g_ptr_array_extend_and_steal (paths, g_steal_pointer (&found));
}

/* Every valid test file and every example. */
static GPtrArray *
valid_files (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autofree char *examples = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                                NULL);

  add_jmap_files (paths, valid);
  add_jmap_files (paths, examples);

  return paths;
}

/* Another program writes the file, with a time set explicitly: the test
 * never waits for the clock to move. */
static void
set_mtime (const char *path,
           time_t      seconds,
           long        microseconds)
{
  struct timeval times[2];

  times[0].tv_sec = seconds;
  times[0].tv_usec = microseconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}

static void
test_save_is_byte_identical (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) original = read_file (fixture->path);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;

  document = load (fixture->path, &etag);
  g_assert_nonnull (etag);

  save (document, fixture->path, etag, &new_etag);
  g_assert_nonnull (new_etag);

  saved = read_file (fixture->path);
  assert_bytes_equal (original, saved);
  /* Only the map is left in the folder: no temporary file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* What is saved reads back as the same document: writing the loaded copy
 * gives the same bytes as writing the original. */
static void
test_save_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = valid_files ();
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.jmap", NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(JmDocument) document = NULL;
      g_autoptr(JmDocument) reloaded = NULL;
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      g_autoptr(GBytes) again = NULL;

      g_test_message ("%s", path);
      document = load (path, NULL);
      expected = jm_xml_writer_write_bytes (document);

      save (document, copy, NULL, NULL);
      on_disk = read_file (copy);
      assert_bytes_equal (expected, on_disk);

      reloaded = load (copy, NULL);
      again = jm_xml_writer_write_bytes (reloaded);
      assert_bytes_equal (expected, again);
    }
}

/* Saving an unchanged map twice writes the same bytes, and the etag each
 * save returns lets the next one through. */
static void
test_save_twice_is_identical (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmDocument) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *first_etag = NULL;
  g_autofree char *second_etag = NULL;
  g_autofree char *loaded_etag = NULL;

  document = load (fixture->path, &etag);
  g_assert_nonnull (etag);

  save (document, fixture->path, etag, &first_etag);
  g_assert_nonnull (first_etag);
  first = read_file (fixture->path);

  save (document, fixture->path, first_etag, &second_etag);
  g_assert_nonnull (second_etag);
  second = read_file (fixture->path);

  assert_bytes_equal (first, second);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  /* The etag a save returns is the one the file has on disk. */
  reloaded = load (fixture->path, &loaded_etag);
  g_assert_cmpstr (loaded_etag, ==, second_etag);
}

static void
assert_change_is_detected (Fixture *fixture,
                           time_t   seconds,
                           long     microseconds)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  const char *their_text = "their version";
  GStatBuf st;

  document = load (fixture->path, &etag);
  g_file_set_contents (fixture->path, their_text, -1, &error);
  g_assert_no_error (error);
  set_mtime (fixture->path, seconds, microseconds);
  theirs = read_file (fixture->path);

  g_assert_false (jm_document_io_save (document, file, etag, &new_etag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_null (new_etag);

  after = read_file (fixture->path);
  assert_bytes_equal (theirs, after);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mtime, ==, seconds);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  /* Saving anyway (the user chose to overwrite) works. */
  g_clear_error (&error);
  g_assert_true (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Another program wrote the file after we read it: saving is refused and
 * their version stays. */
static void
test_changed_on_disk_is_detected (Fixture       *fixture,
                                  gconstpointer  data)
{
  assert_change_is_detected (fixture, (time_t) (g_get_real_time () / G_USEC_PER_SEC) + 5, 0);
}

/* The other program put back an older file (a backup, a sync): its time
 * is earlier, and that is a change too. */
static void
test_changed_on_disk_to_older_time (Fixture       *fixture,
                                    gconstpointer  data)
{
  assert_change_is_detected (fixture, 1000000000, 123456);
}

/* Saving through a symlink replaces the file it points to; the link stays. */
static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.jmap", NULL);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmDocument) linked = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example = example_path ("hotel-guest-stay.jmap");
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;

  g_assert_cmpint (symlink ("map.jmap", link_path), ==, 0);
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  document = load (example, NULL);
  save (document, link_path, NULL, NULL);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  expected = jm_xml_writer_write_bytes (document);
  target = read_file (fixture->path);
  assert_bytes_equal (expected, target);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);

  /* The etag read through the link is the target's: saving back with it
   * through the link works. */
  linked = load (link_path, &etag);
  g_assert_nonnull (etag);
  save (linked, link_path, etag, &new_etag);
  g_assert_nonnull (new_etag);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

/* A link to a file that does not exist yet: the file is made, the link
 * stays. */
static void
test_save_through_dangling_symlink (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.jmap", NULL);
  g_autofree char *target_path = g_build_filename (fixture->dir, "created.jmap", NULL);
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(GBytes) expected = jm_xml_writer_write_bytes (document);
  g_autoptr(GBytes) target = NULL;

  g_assert_cmpint (symlink ("created.jmap", link_path), ==, 0);
  save (document, link_path, NULL, NULL);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (target_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (target_path, G_FILE_TEST_IS_SYMLINK));
  target = read_file (target_path);
  assert_bytes_equal (expected, target);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 3);
}

/* The map lives in another folder than its link: the new file is written
 * next to the map, and nothing is left beside the link. */
static void
test_save_through_symlink_to_other_folder (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *links = g_build_filename (fixture->dir, "links", NULL);
  g_autofree char *maps = g_build_filename (fixture->dir, "maps", NULL);
  g_autofree char *link_path = g_build_filename (links, "map.jmap", NULL);
  g_autofree char *target_path = g_build_filename (maps, "map.jmap", NULL);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) target = NULL;
  g_autoptr(GBytes) original = read_file (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;

  g_assert_cmpint (g_mkdir (links, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (maps, 0755), ==, 0);
  g_file_set_contents (target_path, g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink (target_path, link_path), ==, 0);

  document = load (link_path, &etag);
  save (document, link_path, etag, &new_etag);
  g_assert_nonnull (new_etag);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  expected = jm_xml_writer_write_bytes (document);
  target = read_file (target_path);
  assert_bytes_equal (expected, target);
  g_assert_cmpuint (count_entries (links), ==, 1);
  g_assert_cmpuint (count_entries (maps), ==, 1);
}

/* What a user without write permission on the folder of @path sees when
 * saving it: the save fails, naming the file. Run by that user: the
 * caller checks that the file and its folder are as they were. */
static void
save_in_read_only_folder (const char *path)
{
  g_autoptr(JmDocument) document = load (path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  /* Else this checks nothing: root, or a folder left writable. */
  g_assert_cmpint (access (dir, W_OK), !=, 0);
  g_assert_false (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "map.jmap"));
}

/* Runs @argv as nobody when the tests run as root (root ignores folder
 * permissions, and CI runs as root), else as the user running them. */
static void
spawn_unprivileged (const char * const *argv,
                    char              **err,
                    int                *status)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");

      g_assert_nonnull (setpriv);
      g_ptr_array_add (args, (char *) "setpriv");
      g_ptr_array_add (args, (char *) "--reuid=nobody");
      g_ptr_array_add (args, (char *) "--regid=nogroup");
      g_ptr_array_add (args, (char *) "--clear-groups");
      g_ptr_array_add (args, (char *) "--");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, err, status, &error);
  g_assert_no_error (error);
}

static const char *self_path;

/* A folder without write permission: the save fails, and the old file
 * stays whole with nothing beside it; `journeymap export` to it exits
 * with 1 and says why. As root, both run as nobody, who owns the file
 * (so that only the folder's permissions stop the save) but not the
 * folder. */
static void
test_save_in_read_only_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) before = read_file (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *other = example_path ("saas-onboarding.jmap");
  const char *save_argv[] = { self_path, "--save-in-read-only-folder", fixture->path, NULL };
  const char *export_argv[] = { g_getenv ("JM_BINARY"), "export", other, "-o", fixture->path, NULL };
  g_autofree char *err = NULL;
  int status;

  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_assert_nonnull (nobody);
      g_assert_cmpint (chown (fixture->path, nobody->pw_uid, nobody->pw_gid), ==, 0);
    }
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  spawn_unprivileged (save_argv, &err, &status);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the save as an unprivileged user failed its checks: %s", err);
  g_clear_pointer (&err, g_free);

  spawn_unprivileged (export_argv, &err, &status);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, fixture->path));
  g_assert_nonnull (strstr (err, g_strerror (EACCES)));

  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  after = read_file (fixture->path);
  assert_bytes_equal (before, after);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* The bytes that saving @example writes. */
static GBytes *
example_bytes (const char *example)
{
  g_autofree char *path = example_path (example);
  g_autoptr(JmDocument) document = load (path, NULL);

  return jm_xml_writer_write_bytes (document);
}

/* The child of the tests below: saves the SaaS onboarding example over
 * @path, as whoever runs it; exits with 0 when it saved, else prints the
 * error ("domain code: message") and exits with 1. */
static int
save_example_over (const char *path)
{
  g_autofree char *example = example_path ("saas-onboarding.jmap");
  g_autoptr(JmDocument) document = load (example, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (jm_document_io_save (document, file, NULL, NULL, NULL, &error))
    return 0;

  /* Not g_printerr (): the child sets no locale, and the message's
   * quotes would come out as "?". */
  fprintf (stderr, "%s %d: %s\n", g_quark_to_string (error->domain), error->code, error->message);
  return 1;
}

static struct passwd *
nobody_user (void)
{
  struct passwd *nobody = getpwnam ("nobody");

  g_assert_nonnull (nobody);
  return nobody;
}

/* A file without write permission for its user is refused with a message
 * that says so, by the save and by `journeymap export`, and stays as it
 * was, although its folder would let the user replace it (a rename needs
 * only the folder's permission: that is how a 0444 map was replaced). As
 * root, both run as nobody, who owns the file and its folder. */
static void
test_save_over_read_only_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) before = read_file (fixture->path);
  g_autoptr(GBytes) after = NULL;
  const char *save_argv[] = { self_path, "--save-example-over", fixture->path, NULL };
  g_autofree char *other = example_path ("saas-onboarding.jmap");
  const char *export_argv[] = { g_getenv ("JM_BINARY"), "export", other, "-o", fixture->path, NULL };
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  int status;

  if (geteuid () == 0)
    {
      struct passwd *nobody = nobody_user ();

      g_assert_cmpint (chown (fixture->dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
      g_assert_cmpint (chown (fixture->path, nobody->pw_uid, nobody->pw_gid), ==, 0);
    }
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  spawn_unprivileged (save_argv, &err, &status);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 1)
    g_error ("a read-only file was saved over (exit status %d): %s", WEXITSTATUS (status), err);
  expected = g_strdup_printf ("g-io-error-quark %d: Could not save “map.jmap”: the file is read-only.\n",
                              G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&err, g_free);

  /* The command line, whose exports save the same way, says it too. */
  spawn_unprivileged (export_argv, &err, &status);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "the file is read-only"));

  after = read_file (fixture->path);
  assert_bytes_equal (before, after);
  assert_mode (fixture->path, 0444);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* Root saving a user's map (an administrator, a backup tool) leaves it
 * that user's, with its group and mode, and still replaces it atomically
 * (a new inode). */
static void
test_save_keeps_owner_and_group (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) expected = example_bytes ("saas-onboarding.jmap");
  g_autoptr(GBytes) after = NULL;
  struct passwd *nobody;
  GStatBuf before_st;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      return;
    }

  nobody = nobody_user ();
  g_assert_cmpint (chown (fixture->path, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before_st), ==, 0);

  g_assert_cmpint (save_example_over (fixture->path), ==, 0);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, nobody->pw_uid);
  g_assert_cmpuint (st.st_gid, ==, nobody->pw_gid);
  assert_mode (fixture->path, 0640);
  g_assert_cmpuint (st.st_ino, !=, before_st.st_ino);
  after = read_file (fixture->path);
  assert_bytes_equal (expected, after);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* A user who may write another's map, in a folder they may write (a
 * shared folder), cannot give a new file to its owner: the map is written
 * in place, as g_file_replace () does, and stays its owner's, with its
 * group and mode. As root, the save runs as nobody over a file of
 * @owner_is_root ? root : nobody, and of root's group. */
static void
save_over_foreign_file (Fixture  *fixture,
                        gboolean  owner_is_root)
{
  g_autoptr(GBytes) expected = example_bytes ("saas-onboarding.jmap");
  g_autoptr(GBytes) after = NULL;
  const char *save_argv[] = { self_path, "--save-example-over", fixture->path, NULL };
  g_autofree char *err = NULL;
  struct passwd *nobody;
  uid_t owner;
  GStatBuf before_st;
  GStatBuf st;
  int status;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to make a file of another user or group");
      return;
    }

  nobody = nobody_user ();
  owner = owner_is_root ? 0 : nobody->pw_uid;
  g_assert_cmpint (chown (fixture->dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (chown (fixture->path, owner, 0), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before_st), ==, 0);

  spawn_unprivileged (save_argv, &err, &status);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 0)
    g_error ("the save as another user failed: %s", err);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, owner);
  g_assert_cmpuint (st.st_gid, ==, 0);
  assert_mode (fixture->path, 0666);
  g_assert_cmpuint (st.st_ino, ==, before_st.st_ino);
  after = read_file (fixture->path);
  assert_bytes_equal (expected, after);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_save_over_other_owners_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  save_over_foreign_file (fixture, TRUE);
}

/* The user's own map, of a group they are not in (made by an
 * administrator, say): the group cannot be given to a new file either. */
static void
test_save_over_other_groups_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  save_over_foreign_file (fixture, FALSE);
}

static void
assert_attribute (const char *path,
                  const char *name,
                  const char *value)
{
  char buffer[256];
  gssize length = getxattr (path, name, buffer, sizeof buffer);

  if (length < 0)
    g_error ("%s lost its attribute %s: %s", path, name, g_strerror (errno));
  g_assert_cmpmem (buffer, length, value, strlen (value));
}

/* Extended attributes (where a browser noted the file's origin, a tag a
 * file manager set) stay, and the save stays atomic. */
static void
test_save_keeps_extended_attributes (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char origin[] = "https://example.com/maps/hotel.jmap";
  static const char tag[] = "workshop";
  g_autoptr(GBytes) expected = example_bytes ("saas-onboarding.jmap");
  g_autoptr(GBytes) after = NULL;
  GStatBuf before_st;
  GStatBuf st;

  if (setxattr (fixture->path, "user.xdg.origin.url", origin, strlen (origin), 0) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("no user attributes here: %s", g_strerror (errno));

      g_test_skip (reason);
      return;
    }
  g_assert_cmpint (setxattr (fixture->path, "user.jm.tag", tag, strlen (tag), 0), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before_st), ==, 0);

  g_assert_cmpint (save_example_over (fixture->path), ==, 0);

  assert_attribute (fixture->path, "user.xdg.origin.url", origin);
  assert_attribute (fixture->path, "user.jm.tag", tag);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_ino, !=, before_st.st_ino);
  after = read_file (fixture->path);
  assert_bytes_equal (expected, after);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* A POSIX ACL as the kernel stores it in system.posix_acl_access or
 * system.posix_acl_default (version 2, then tag, permissions, id for each
 * entry, little-endian): the owner may read and write, @uid read (and
 * write when @write), the group and others nothing. */
static GBytes *
acl_for_user (uid_t    uid,
              gboolean write)
{
  const guint16 read_write = 6;
  const guint16 entries[][2] = {
    { 0x01, read_write },           /* owner */
    { 0x02, write ? 6 : 4 },        /* the user */
    { 0x04, 0 },                    /* the group */
    { 0x10, write ? 6 : 4 },        /* mask */
    { 0x20, 0 },                    /* others */
  };
  GByteArray *acl = g_byte_array_new ();
  guint32 version = GUINT32_TO_LE (2);

  g_byte_array_append (acl, (const guint8 *) &version, 4);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      guint16 tag = GUINT16_TO_LE (entries[i][0]);
      guint16 perm = GUINT16_TO_LE (entries[i][1]);
      guint32 id = GUINT32_TO_LE (entries[i][0] == 0x02 ? uid : G_MAXUINT32);

      g_byte_array_append (acl, (const guint8 *) &tag, 2);
      g_byte_array_append (acl, (const guint8 *) &perm, 2);
      g_byte_array_append (acl, (const guint8 *) &id, 4);
    }
  return g_byte_array_free_to_bytes (acl);
}

static gboolean
set_acl_or_skip (const char *path,
                 const char *name,
                 GBytes     *acl)
{
  gsize size;
  const void *data = g_bytes_get_data (acl, &size);

  if (setxattr (path, name, data, size, 0) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("no ACLs here: %s", g_strerror (errno));

      g_test_skip (reason);
      return FALSE;
    }
  return TRUE;
}

/* An ACL that lets a colleague read the map stays, and so does the mode
 * it goes with. */
static void
test_save_keeps_acl (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) acl = acl_for_user (nobody_user ()->pw_uid, FALSE);
  char buffer[256];
  gssize length;

  if (!set_acl_or_skip (fixture->path, "system.posix_acl_access", acl))
    return;

  g_assert_cmpint (save_example_over (fixture->path), ==, 0);

  length = getxattr (fixture->path, "system.posix_acl_access", buffer, sizeof buffer);
  if (length < 0)
    g_error ("the map lost its ACL: %s", g_strerror (errno));
  g_assert_cmpmem (buffer, length, g_bytes_get_data (acl, NULL), g_bytes_get_size (acl));
  assert_mode (fixture->path, 0640);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* A folder whose default ACL lets a colleague write new files: the map
 * saved in it keeps its own permissions, without the ACL that a new file
 * there inherits. */
static void
test_save_does_not_take_folder_acl (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GBytes) acl = acl_for_user (nobody_user ()->pw_uid, TRUE);
  GStatBuf before_st;
  gssize length;

  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before_st), ==, 0);
  if (!set_acl_or_skip (fixture->dir, "system.posix_acl_default", acl))
    return;

  g_assert_cmpint (save_example_over (fixture->path), ==, 0);

  length = getxattr (fixture->path, "system.posix_acl_access", NULL, 0);
  g_assert_cmpint (length, <, 0);
  g_assert_cmpint (errno, ==, ENODATA);
  assert_mode (fixture->path, 0600);
}

/* A map with a second name (a hard link from another project's folder)
 * is written in place: both names show the saved map. */
static void
test_save_keeps_hard_links (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "also.jmap", NULL);
  g_autoptr(GBytes) expected = example_bytes ("saas-onboarding.jmap");
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) after_other = NULL;
  GStatBuf before_st;
  GStatBuf st;
  GStatBuf other_st;

  g_assert_cmpint (link (fixture->path, other), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before_st), ==, 0);

  g_assert_cmpint (save_example_over (fixture->path), ==, 0);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (g_stat (other, &other_st), ==, 0);
  g_assert_cmpuint (st.st_nlink, ==, 2);
  g_assert_cmpuint (st.st_ino, ==, before_st.st_ino);
  g_assert_cmpuint (other_st.st_ino, ==, st.st_ino);
  after = read_file (fixture->path);
  after_other = read_file (other);
  assert_bytes_equal (expected, after);
  assert_bytes_equal (expected, after_other);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

/* A path below a regular file cannot be created, even by root. */
static void
test_save_parent_is_a_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) before = read_file (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autofree char *inside_file = g_build_filename (fixture->path, "child.jmap", NULL);
  g_autoptr(GFile) impossible = g_file_new_for_path (inside_file);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;

  g_assert_false (jm_document_io_save (document, impossible, NULL, &new_etag, NULL, &error));
  g_assert_nonnull (error);
  g_assert_null (new_etag);

  after = read_file (fixture->path);
  assert_bytes_equal (before, after);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* The name is taken by a folder: the write itself succeeds and only the
 * final rename fails, so this is where a temporary file could be left. */
static void
test_save_over_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  g_assert_false (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (folder), ==, 0);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

/* The file keeps its permissions, including bits the umask would take
 * from a new file. */
static void
test_save_keeps_permissions (Fixture       *fixture,
                             gconstpointer  data)
{
  static const int modes[] = { 0640, 0600, 0664, 0666, 0755 };
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  mode_t old_umask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_assert_cmpint (g_chmod (fixture->path, modes[i]), ==, 0);
      save (document, fixture->path, NULL, NULL);
      assert_mode (fixture->path, modes[i]);
    }

  umask (old_umask);
}

/* A new file gets the usual permissions: 0666 less the umask. */
static void
test_save_new_file_mode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.jmap", NULL);
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  mode_t old_umask = umask (027);

  save (document, path, NULL, NULL);
  umask (old_umask);

  assert_mode (path, 0640);
}

/* Only local files can be replaced atomically. */
static void
test_save_not_local (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///org/example/map.jmap");
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

/* save_bytes writes exactly what it is given, as drafts and exports need. */
static void
test_save_bytes (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char text[] = "not checked here\n\0binary too";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_assert_true (jm_document_io_save_bytes (bytes, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  written = read_file (fixture->path);
  assert_bytes_equal (bytes, written);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_load_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "Lost map.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  document = jm_document_io_load (file, &etag, NULL, &error);
  g_assert_null (document);
  g_assert_null (etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Lost map.jmap"));
}

static void
test_load_folder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->dir);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jm_document_io_load (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* A file far larger than any map is refused by its size, at once. */
static void
test_load_too_large (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (huge);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  int fd;

  fd = g_open (huge, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  document = jm_document_io_load (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.jmap"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

typedef struct
{
  int     fd;
  guint64 written;
} StreamWriter;

#define STREAM_SIZE ((guint64) JM_FORMAT_MAX_FILE_SIZE + 32 * 1024 * 1024)

static gpointer
stream_writer_run (gpointer data)
{
  StreamWriter *writer = data;
  char chunk[64 * 1024];

  memset (chunk, ' ', sizeof chunk);
  while (writer->written < STREAM_SIZE)
    {
      ssize_t n = write (writer->fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      writer->written += n;
    }
  close (writer->fd);

  return NULL;
}

/* A pipe or a device has no size to check before reading (journeymap
 * check /dev/stdin): it is not read past the limit either. */
static void
test_load_stream_too_large (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  StreamWriter writer = { -1, 0 };
  GThread *thread;
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  writer.fd = fds[1];
  thread = g_thread_new ("stream-writer", stream_writer_run, &writer);

  path = g_strdup_printf ("/dev/fd/%d", fds[0]);
  file = g_file_new_for_path (path);
  document = jm_document_io_load (file, NULL, NULL, &error);
  /* With no reader left, the writer stops (SIGPIPE is ignored). */
  close (fds[0]);
  g_thread_join (thread);

  g_assert_null (document);
  g_assert_true (g_error_matches (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE) ||
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  g_test_message ("%" G_GUINT64_FORMAT " bytes written before the load stopped", writer.written);
  g_assert_cmpuint (writer.written, <=, (guint64) JM_FORMAT_MAX_FILE_SIZE + 1024 * 1024);
}

/* A malformed file: a format error naming the file, and no etag. */
static void
test_load_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", "not-xml.jmap",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  document = jm_document_io_load (file, &etag, NULL, &error);
  g_assert_null (document);
  g_assert_null (etag);
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "not-xml.jmap"));
}

typedef struct
{
  JmDocument *document;
  GFile      *file;
  char       *etag;
  GError     *error;
  gboolean    done;
  gboolean    saved;
} AsyncResult;

static void
async_result_clear (AsyncResult *async)
{
  g_clear_object (&async->document);
  g_clear_object (&async->file);
  g_clear_pointer (&async->etag, g_free);
  g_clear_error (&async->error);
  async->done = FALSE;
  async->saved = FALSE;
}

static void
async_wait (AsyncResult *async)
{
  while (!async->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *async = user_data;

  g_autoptr(JmLayout) layout = jm_map_loader_load_finish (result, &async->etag, &async->error);

  async->file = g_object_ref (jm_map_loader_get_file (result));
  if (layout != NULL)
    async->document = g_object_ref (jm_layout_get_document (layout));
  async->done = TRUE;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *async = user_data;

  g_clear_pointer (&async->etag, g_free);
  async->saved = jm_document_io_save_finish (result, &async->etag, &async->error);
  async->done = TRUE;
}

static void
test_async_load_and_save (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GBytes) before = read_file (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JmDocument) reloaded = NULL;
  g_autofree char *loaded_etag = NULL;
  AsyncResult async = { 0 };

  jm_map_loader_load_async (file, JM_LAYER_MODE_CURRENT, NULL, load_cb, &async);
  async_wait (&async);
  g_assert_no_error (async.error);
  g_assert_nonnull (async.document);
  g_assert_nonnull (async.etag);
  g_assert_true (g_file_equal (async.file, file));

  async.done = FALSE;
  jm_document_io_save_async (async.document, file, async.etag, NULL, save_cb, &async);
  async_wait (&async);
  g_assert_no_error (async.error);
  g_assert_true (async.saved);
  g_assert_nonnull (async.etag);

  after = read_file (fixture->path);
  assert_bytes_equal (before, after);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  reloaded = load (fixture->path, &loaded_etag);
  g_assert_cmpstr (loaded_etag, ==, async.etag);

  async_result_clear (&async);
}

static void
test_async_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "Lost map.jmap", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  AsyncResult async = { 0 };

  jm_map_loader_load_async (missing_file, JM_LAYER_MODE_CURRENT, NULL, load_cb, &async);
  async_wait (&async);
  g_assert_null (async.document);
  g_assert_null (async.etag);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (async.error->message, "Lost map.jmap"));
  async_result_clear (&async);

  g_cancellable_cancel (cancellable);
  jm_map_loader_load_async (file, JM_LAYER_MODE_CURRENT, cancellable, load_cb, &async);
  async_wait (&async);
  g_assert_null (async.document);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  async_result_clear (&async);

  /* Changed on disk since it was read: the save in the background is
   * refused like the one in the foreground. */
  document = load (fixture->path, &etag);
  g_file_set_contents (fixture->path, "their version", -1, &error);
  g_assert_no_error (error);
  set_mtime (fixture->path, 1000000000, 0);
  theirs = read_file (fixture->path);

  jm_document_io_save_async (document, file, etag, NULL, save_cb, &async);
  async_wait (&async);
  g_assert_false (async.saved);
  g_assert_null (async.etag);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  after = read_file (fixture->path);
  assert_bytes_equal (theirs, after);
  async_result_clear (&async);
}

/* A map grown with pictures past what a map file may hold was written all
 * the same, and could then not be opened again: a save, in the background
 * too, and a recovery copy are now refused with the reason, and the file
 * on disk stays as it was. */
static void
test_save_too_large (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(JmDraftStore) drafts = jm_draft_store_new (fixture->dir);
  g_autofree char *draft_id = jm_draft_store_new_id ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) before = read_file (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_format_size (JM_FORMAT_MAX_FILE_SIZE);
  AsyncResult async = { 0 };

  /* Seven pictures of 7 MiB each, every one readable, are 65 MiB in the
   * file. */
  jm_test_add_pictures (document, "stage-pre-arrival", "lane-actions", 7);

  g_assert_false (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, limit));
  g_clear_error (&error);

  jm_document_io_save_async (document, file, NULL, NULL, save_cb, &async);
  async_wait (&async);
  g_assert_false (async.saved);
  g_assert_error (async.error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
  async_result_clear (&async);

  after = read_file (fixture->path);
  assert_bytes_equal (before, after);

  g_assert_false (jm_draft_store_save (drafts, draft_id, document, file, &error));
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
  listed = jm_draft_store_list (drafts);
  g_assert_cmpuint (listed->len, ==, 0);
}

/* Before pictures are added: room for them, or the reason there is none;
 * a picture that replaces another only needs the difference. */
static void
test_check_room_for_pictures (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_document_io_check_room (document, 6 * JM_TEST_PICTURE_SIZE, 0, &error));
  g_assert_no_error (error);

  /* 42 MiB of pictures are 56 MiB in the file: room for 1 MiB more,
   * not for 7, unless they replace as much. */
  jm_test_add_pictures (document, "stage-pre-arrival", "lane-actions", 6);
  g_assert_true (jm_document_io_check_room (document, 1024 * 1024, 0, &error));
  g_assert_no_error (error);
  g_assert_true (jm_document_io_check_room (document, JM_TEST_PICTURE_SIZE, JM_TEST_PICTURE_SIZE, &error));
  g_assert_no_error (error);
  g_assert_false (jm_document_io_check_room (document, JM_TEST_PICTURE_SIZE, 0, &error));
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  /* The child of /io/save/read-only-folder, as an unprivileged user. */
  if (argc == 3 && g_str_equal (argv[1], "--save-in-read-only-folder"))
    {
      save_in_read_only_folder (argv[2]);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--save-example-over"))
    return save_example_over (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  /* A writer whose reader is gone gets EPIPE instead of a signal. */
  signal (SIGPIPE, SIG_IGN);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/io/save/byte-identical", test_save_is_byte_identical);
  ADD ("/io/save/round-trip", test_save_round_trip);
  ADD ("/io/save/twice-is-identical", test_save_twice_is_identical);
  ADD ("/io/save/changed-on-disk", test_changed_on_disk_is_detected);
  ADD ("/io/save/changed-on-disk-to-older-time", test_changed_on_disk_to_older_time);
  ADD ("/io/save/through-symlink", test_save_through_symlink);
  ADD ("/io/save/through-dangling-symlink", test_save_through_dangling_symlink);
  ADD ("/io/save/through-symlink-to-other-folder", test_save_through_symlink_to_other_folder);
  ADD ("/io/save/read-only-folder", test_save_in_read_only_folder);
  ADD ("/io/save/read-only-file", test_save_over_read_only_file);
  ADD ("/io/save/keeps-owner-and-group", test_save_keeps_owner_and_group);
  ADD ("/io/save/other-owners-file", test_save_over_other_owners_file);
  ADD ("/io/save/other-groups-file", test_save_over_other_groups_file);
  ADD ("/io/save/keeps-extended-attributes", test_save_keeps_extended_attributes);
  ADD ("/io/save/keeps-acl", test_save_keeps_acl);
  ADD ("/io/save/does-not-take-folder-acl", test_save_does_not_take_folder_acl);
  ADD ("/io/save/keeps-hard-links", test_save_keeps_hard_links);
  ADD ("/io/save/parent-is-a-file", test_save_parent_is_a_file);
  ADD ("/io/save/over-a-folder", test_save_over_folder);
  ADD ("/io/save/new-file-mode", test_save_new_file_mode);
  ADD ("/io/save/not-local", test_save_not_local);
  ADD ("/io/save/bytes", test_save_bytes);
  ADD ("/io/save/keeps-permissions", test_save_keeps_permissions);
  ADD ("/io/save/too-large", test_save_too_large);
  ADD ("/io/save/room-for-pictures", test_check_room_for_pictures);
  ADD ("/io/load/missing", test_load_missing);
  ADD ("/io/load/folder", test_load_folder);
  ADD ("/io/load/too-large", test_load_too_large);
  ADD ("/io/load/invalid", test_load_invalid);
  ADD ("/io/load/stream-too-large", test_load_stream_too_large);
  ADD ("/io/async/load-and-save", test_async_load_and_save);
  ADD ("/io/async/errors", test_async_errors);
#undef ADD

  return g_test_run ();
}
