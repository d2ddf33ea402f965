/* test-document-io.c: loading and saving files, atomically
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "format/jm-format-error.h"
#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", "hotel-guest-stay.jmap", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = example_path ();
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
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0755);
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
test_save_is_byte_identical (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) original = read_file (fixture->path);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;

  document = load (fixture->path, &etag);
  g_assert_nonnull (etag);

  g_assert_true (jm_document_io_save (document, file, etag, &new_etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (new_etag);

  saved = read_file (fixture->path);
  g_assert_true (g_bytes_equal (original, saved));
  /* Only the map is left in the folder: no temporary file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
touch_later (const char *path)
{
  struct timeval times[2];

  gettimeofday (&times[0], NULL);
  times[0].tv_sec += 5;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* Another program wrote the file after we read it: saving is refused and
 * their version stays. */
static void
test_changed_on_disk_is_detected (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  const char *their_text = "their version";

  document = load (fixture->path, &etag);
  g_file_set_contents (fixture->path, their_text, -1, &error);
  g_assert_no_error (error);
  touch_later (fixture->path);
  theirs = read_file (fixture->path);

  g_assert_false (jm_document_io_save (document, file, etag, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (theirs, after));

  /* Saving anyway (the user chose to overwrite) works. */
  g_clear_error (&error);
  g_assert_true (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Saving through a symlink replaces the file it points to; the link stays. */
static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.jmap", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example = example_path ();

  g_assert_cmpint (symlink ("map.jmap", link_path), ==, 0);
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  document = load (example, NULL);
  g_assert_true (jm_document_io_save (document, link, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  expected = jm_xml_writer_write_bytes (document);
  target = read_file (fixture->path);
  g_assert_true (g_bytes_equal (expected, target));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

/* A save that cannot be written leaves the old file whole and no
 * temporary file behind. */
static void
test_failed_save_keeps_old_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) before = read_file (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) impossible = NULL;
  g_autofree char *inside_file = g_build_filename (fixture->path, "child.jmap", NULL);
  g_autoptr(GError) error = NULL;

  /* A path below a regular file cannot be created, even by root. */
  impossible = g_file_new_for_path (inside_file);
  g_assert_false (jm_document_io_save (document, impossible, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A folder without write permission (root ignores permissions). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
      g_assert_false (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
    }

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_save_keeps_permissions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JmDocument) document = load (fixture->path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  g_assert_true (jm_document_io_save (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

static void
test_load_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "Lost map.jmap", NULL);
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.jmap", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  int fd;

  document = jm_document_io_load (missing_file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Lost map.jmap"));
  g_clear_error (&error);

  document = jm_document_io_load (dir_file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A file far larger than any map is refused by its size, at once. */
  fd = g_open (huge, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 300 * 1024 * 1024), ==, 0);
  close (fd);
  start = g_get_monotonic_time ();
  document = jm_document_io_load (huge_file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.jmap"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

typedef struct
{
  JmDocument *document;
  char       *etag;
  GError     *error;
  gboolean    done;
  gboolean    saved;
} AsyncResult;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->document = jm_document_io_load_finish (result, &async->etag, &async->error);
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
  AsyncResult async = { 0 };

  jm_document_io_load_async (file, NULL, load_cb, &async);
  while (!async.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (async.error);
  g_assert_nonnull (async.document);
  g_assert_nonnull (async.etag);

  async.done = FALSE;
  jm_document_io_save_async (async.document, file, async.etag, NULL, save_cb, &async);
  while (!async.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (async.error);
  g_assert_true (async.saved);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  g_clear_object (&async.document);
  g_clear_pointer (&async.etag, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/io/save/byte-identical", test_save_is_byte_identical);
  ADD ("/io/save/changed-on-disk", test_changed_on_disk_is_detected);
  ADD ("/io/save/through-symlink", test_save_through_symlink);
  ADD ("/io/save/failure-keeps-old-file", test_failed_save_keeps_old_file);
  ADD ("/io/save/keeps-permissions", test_save_keeps_permissions);
  ADD ("/io/load/errors", test_load_errors);
  ADD ("/io/async/load-and-save", test_async_load_and_save);
#undef ADD

  return g_test_run ();
}
