/* test-cli.c: the journeymap binary works without a display
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For RTLD_NEXT */
#define _GNU_SOURCE

#include "config.h"

#include <cairo.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/jm-cli.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "model/jm-comment-private.h"
#include "model/jm-object-store-private.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void run_journeymap_argv (Run        *run,
                                 GPtrArray  *argv);

/* Runs the real binary with no display at all, as a script or a build
 * server would. */
static void
run_journeymap (Run         *run,
                const char  *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("JM_BINARY"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_journeymap_argv (run, argv);
}

/* The same as nobody when the tests run as root, who may read any file
 * (and CI runs as root); else as the user running them. */
static void
run_journeymap_unprivileged (Run        *run,
                             const char *first_arg,
                             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *setpriv = NULL;
  const char *arg;
  va_list args;

  if (geteuid () == 0)
    {
      setpriv = g_find_program_in_path ("setpriv");
      g_assert_nonnull (setpriv);
      g_ptr_array_add (argv, setpriv);
      g_ptr_array_add (argv, (char *) "--reuid=nobody");
      g_ptr_array_add (argv, (char *) "--regid=nogroup");
      g_ptr_array_add (argv, (char *) "--clear-groups");
      g_ptr_array_add (argv, (char *) "--");
    }
  g_ptr_array_add (argv, (char *) g_getenv ("JM_BINARY"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_journeymap_argv (run, argv);
  /* setpriv's own complaints (a build that nobody may read) land here. */
  g_test_message ("%s", run->err);
}

static void
run_journeymap_argv (Run       *run,
                     GPtrArray *argv)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-criticals", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static int
exit_status (const Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static char *
invalid_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "invalid", name, NULL);
}

/* What `check` must print first for a file of tests/data/invalid, from
 * expected.txt: "PATH:LINE: ", or "PATH: " when no line applies. */
static char *
expected_prefix (const char *name)
{
  g_autofree char *expected_path = invalid_path ("expected.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (expected_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);
      g_autofree char *path = NULL;

      if (g_strv_length (fields) != 3 || !g_str_equal (fields[0], name))
        continue;

      path = invalid_path (name);
      if (atoi (fields[2]) > 0)
        return g_strdup_printf ("%s:%s: ", path, fields[2]);
      return g_strdup_printf ("%s: ", path);
    }

  g_error ("%s is not listed in expected.txt", name);
  return NULL;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The .jmap files of a folder, sorted. */
static GPtrArray *
jmap_files (const char *dir_path)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GDir *dir = g_dir_open (dir_path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".jmap"))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  g_dir_close (dir);

  g_assert_cmpuint (paths->len, >, 0);
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
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

/* Empties and removes a temporary folder of the tests (no subfolders). */
static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

/* What the writer makes of a file: the normalised form `export` must give. */
static GBytes *
normalised (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = jm_xml_reader_read_bytes (bytes, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return jm_xml_writer_write_bytes (document);
}

static void
assert_file_equals (const char *path,
                    GBytes     *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected),
                   contents, length);
}

static void
test_cli_version (void)
{
  Run run = { 0 };
  g_autoptr(GError) error = NULL;

  run_journeymap (&run, "--version", NULL);

  g_spawn_check_wait_status (run.status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (run.out, ==, "journeymap " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");

  run_clear (&run);
}

static void
test_cli_help (void)
{
  Run run = { 0 };
  g_autoptr(GError) error = NULL;

  run_journeymap (&run, "--help", NULL);

  g_spawn_check_wait_status (run.status, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (run.out, "Usage:\n"));
  g_assert_nonnull (strstr (run.out, "journeymap check FILE"));
  g_assert_nonnull (strstr (run.out, "--version"));

  run_clear (&run);
}

static void
test_cli_unknown_option (void)
{
  Run run = { 0 };

  run_journeymap (&run, "--no-such-option", NULL);

  /* A crash is no refusal: the status must be an exit. GApplication,
   * which parses the options of the window, exits with 1 here. */
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-option"));

  run_clear (&run);
}

static void
test_cli_check_valid (void)
{
  g_autofree char *grocery = example ("grocery-first-order.jmap");
  g_autofree char *hotel = example ("hotel-guest-stay.jmap");
  Run run = { 0 };

  run_journeymap (&run, "check", grocery, hotel, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
}

/* Every malformed file is reported as FILE:LINE: message, exit status 1;
 * a good file beside them does not change that. */
static void
test_cli_check_invalid (void)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "invalid", "expected.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (expected_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *good = example ("saas-onboarding.jmap");
      Run run = { 0 };

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      path = g_test_build_filename (G_TEST_DIST, "data", "invalid", fields[0], NULL);
      prefix = atoi (fields[2]) > 0 ? g_strdup_printf ("%s:%s: ", path, fields[2]) : g_strdup_printf ("%s: ", path);

      run_journeymap (&run, "check", good, path, NULL);
      g_assert_cmpint (exit_status (&run), ==, 1);
      if (!g_str_has_prefix (run.err, prefix))
        g_error ("expected “%s…”, got “%s”", prefix, run.err);
      run_clear (&run);
    }
}

/* A file the reader takes but the schema does not (the reader does not
 * mind the order of the sections): check reports it and fails. */
static void
test_cli_check_schema_problems (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">\n"
    "  <stages/>\n"
    "  <title>Out of order</title>\n"
    "  <lanes/>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(JmDocument) document = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "order.jmap", NULL);
  /* The line of the element out of place, named by the reader. */
  g_autofree char *prefix = g_strdup_printf ("%s:4: ", path);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  document = jm_xml_reader_read_bytes (bytes, "order.jmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
  run_journeymap (&run, "check", path, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  if (!g_str_has_prefix (run.err, prefix))
    g_error ("expected “%s…”, got “%s”", prefix, run.err);
  run_clear (&run);

  g_unlink (path);
  g_rmdir (dir);
}

/* What the reader forgives but the schema refuses is named at its line
 * first (tests/data/forgiven), and check fails. */
static void
test_cli_check_forgiven (void)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "forgiven", "expected.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (expected_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      Run run = { 0 };

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      path = g_test_build_filename (G_TEST_DIST, "data", "forgiven", fields[0], NULL);
      prefix = g_strdup_printf ("%s:%s: ", path, fields[1]);

      run_journeymap (&run, "check", path, NULL);
      g_assert_cmpint (exit_status (&run), ==, 1);
      if (!g_str_has_prefix (run.err, prefix))
        g_error ("expected “%s…”, got “%s”", prefix, run.err);
      run_clear (&run);
    }
}

static void
test_cli_check_missing_and_usage (void)
{
  Run run = { 0 };

  run_journeymap (&run, "check", "/nonexistent/Lost map.jmap", NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "Lost map.jmap"));
  run_clear (&run);

  run_journeymap (&run, "check", NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  run_clear (&run);
}

static void
test_cli_export_formats (void)
{
  static const char *formats[] = { "png", "svg", "pdf", "jmap" };
  static const char *magic[] = { "\x89PNG", "<?xml", "%PDF", "<?xml" };
  g_autofree char *input = example ("saas-onboarding.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("out.%s", formats[i]);
      g_autofree char *output = g_build_filename (dir, file, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      Run run = { 0 };
      gsize length;

      run_journeymap (&run, "export", input, "-o", output, "--layer", "both", "--scale", "0.5", NULL);
      g_assert_cmpint (exit_status (&run), ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_file_get_contents (output, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      run_clear (&run);

      if (g_str_equal (formats[i], "jmap"))
        {
          g_autofree char *original = NULL;

          /* The example is canonical: a normalised copy is the same file. */
          g_file_get_contents (input, &original, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (contents, ==, original);
          run_journeymap (&run, "check", output, NULL);
          g_assert_cmpint (exit_status (&run), ==, 0);
          run_clear (&run);
        }
      g_unlink (output);
    }

  g_rmdir (dir);
}

/* Bad requests are refused with a message and leave no file behind. */
static void
test_cli_export_refusals (void)
{
  g_autofree char *input = example ("hotel-guest-stay.jmap");
  g_autofree char *invalid = g_test_build_filename (G_TEST_DIST, "data", "invalid", "dangling-stage.jmap", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *gif = g_build_filename (dir, "map.gif", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  Run run = { 0 };

  run_journeymap (&run, "export", input, "-o", gif, NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "map.gif"));
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_journeymap (&run, "export", input, "-o", png, "--layer", "someday", NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "someday"));
  run_clear (&run);

  run_journeymap (&run, "export", input, "-o", png, "--scale", "0", NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  run_clear (&run);

  run_journeymap (&run, "export", input, "-o", png, "--theme", "sepia", NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  run_clear (&run);

  run_journeymap (&run, "export", invalid, "-o", png, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "dangling-stage.jmap:"));
  run_clear (&run);

  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* The example with an open comment on its first stage, written to @dir. */
static char *
write_commented_map (const char *dir)
{
  g_autofree char *input = example ("hotel-guest-stay.jmap");
  g_autofree char *path = g_build_filename (dir, "commented.jmap", NULL);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmComment) comment = jm_comment_new ("comment-1");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (input, &text, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  document = jm_xml_reader_read_bytes (bytes, input, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  comment->author = g_strdup ("Ana Souza");
  comment->text = g_strdup ("Is the check-in really this slow?");
  comment->date = g_date_time_new_utc (2026, 3, 4, 15, 30, 0);
  _jm_object_store_append (jm_comments_get (jm_object_store_get_object (jm_document_get_stages (document), 0)),
                           JM_OBJECT (comment));
  bytes = jm_xml_writer_write_bytes (document);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                      &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
read_output (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* --comments draws the comment marks on a picture; --no-comments writes a
 * .jmap copy without comments, which checks; each is refused for the
 * formats it would not change. */
static void
test_cli_export_comments (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *input = write_commented_map (dir);
  g_autofree char *plain_png = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *marked_png = g_build_filename (dir, "marked.png", NULL);
  g_autofree char *kept_jmap = g_build_filename (dir, "kept.jmap", NULL);
  g_autofree char *copy_jmap = g_build_filename (dir, "copy.jmap", NULL);
  g_autofree char *refused = g_build_filename (dir, "refused.jmap", NULL);
  g_autofree char *refused_png = g_build_filename (dir, "refused.png", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *copy = NULL;
  gsize plain_length, marked_length;
  Run run = { 0 };

  run_journeymap (&run, "export", input, "-o", plain_png, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  run_clear (&run);
  run_journeymap (&run, "export", input, "-o", marked_png, "--comments", NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  g_assert_true (g_file_get_contents (plain_png, &plain, &plain_length, NULL));
  g_assert_true (g_file_get_contents (marked_png, &marked, &marked_length, NULL));
  g_assert_true (plain_length != marked_length || memcmp (plain, marked, plain_length) != 0);

  run_journeymap (&run, "export", input, "-o", kept_jmap, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  run_clear (&run);
  kept = read_output (kept_jmap);
  g_assert_nonnull (strstr (kept, "<comment id=\"comment-1\""));

  run_journeymap (&run, "export", input, "-o", copy_jmap, "--no-comments", NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  copy = read_output (copy_jmap);
  g_assert_null (strstr (copy, "<comment"));
  g_assert_null (strstr (copy, "check-in really"));
  run_journeymap (&run, "check", copy_jmap, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  run_clear (&run);

  /* The input keeps its comment. */
  g_free (kept);
  kept = read_output (input);
  g_assert_nonnull (strstr (kept, "<comment id=\"comment-1\""));

  run_journeymap (&run, "export", input, "-o", refused, "--comments", NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "--comments"));
  run_clear (&run);
  run_journeymap (&run, "export", input, "-o", refused_png, "--no-comments", NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "--no-comments"));
  run_clear (&run);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (refused_png, G_FILE_TEST_EXISTS));

  for (const char *const *name = (const char *const[]) { plain_png, marked_png, kept_jmap, copy_jmap, input, NULL };
       *name != NULL; name++)
    g_unlink (*name);
  g_rmdir (dir);
}

/* Every valid test file passes on its own, with nothing on stderr. */
static void
test_cli_check_valid_data (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(GPtrArray) paths = jmap_files (valid);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      Run run = { 0 };

      g_test_message ("%s", path);
      run_journeymap (&run, "check", path, NULL);
      g_assert_cmpint (exit_status (&run), ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      if (g_str_has_suffix (path, "minimal.jmap"))
        g_assert_cmpstr (run.out, ==, "");
      run_clear (&run);
    }
}

/* Every file of tests/data/invalid is listed in expected.txt, and is
 * reported as it says when checked on its own. */
static void
test_cli_check_every_invalid_file (void)
{
  g_autofree char *invalid = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  g_autoptr(GPtrArray) paths = jmap_files (invalid);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *prefix = expected_prefix (name);
      Run run = { 0 };

      run_journeymap (&run, "check", path, NULL);
      g_assert_cmpint (exit_status (&run), ==, 1);
      if (!g_str_has_prefix (run.err, prefix))
        g_error ("expected “%s…”, got “%s”", prefix, run.err);
      run_clear (&run);
    }
}

/* One run over several files reports each bad one, in the order given, and
 * goes on past a missing file and a folder. */
static void
test_cli_check_several_files (void)
{
  g_autofree char *good = example ("hotel-guest-stay.jmap");
  g_autofree char *dangling = invalid_path ("dangling-stage.jmap");
  g_autofree char *duplicate = invalid_path ("duplicate-id.jmap");
  g_autofree char *empty = invalid_path ("empty.jmap");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  const char *missing = "/nonexistent/Lost map.jmap";
  g_autofree char *dangling_prefix = expected_prefix ("dangling-stage.jmap");
  g_autofree char *duplicate_prefix = expected_prefix ("duplicate-id.jmap");
  g_autofree char *empty_prefix = expected_prefix ("empty.jmap");
  g_autofree char *missing_prefix = g_strdup_printf ("%s: ", missing);
  g_autofree char *folder_prefix = g_strdup_printf ("%s: ", folder);
  const char *prefixes[5];
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };

  prefixes[0] = dangling_prefix;
  prefixes[1] = missing_prefix;
  prefixes[2] = duplicate_prefix;
  prefixes[3] = folder_prefix;
  prefixes[4] = empty_prefix;

  run_journeymap (&run, "check", good, dangling, missing, duplicate, good, folder, empty, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);

  /* One line for each bad file, each starting with its name. */
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (prefixes) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (!g_str_has_prefix (lines[i], prefixes[i]))
        g_error ("line %u: expected “%s…”, got “%s”", i + 1, prefixes[i], lines[i]);
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (prefixes)], ==, "");
  g_assert_null (strstr (run.err, good));

  run_clear (&run);
}

/* Files are checked on every core, but each file's lines come out
 * together and in the order of the arguments: a large file first, whose
 * problem is found last, is still reported first. */
static void
test_cli_check_many_files_in_order (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "big.jmap", NULL);
  g_autofree char *good = example ("hotel-guest-stay.jmap");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *generate_argv[] = { g_getenv ("JM_GENERATE_MAP"), "--items", "20000", "--seed", "3",
                                  "-o", big, NULL };
  char *end;
  int status;

  g_spawn_sync (NULL, (char **) generate_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* A second <stages> at the end: found once the whole file is read. */
  g_file_get_contents (big, &contents, NULL, &error);
  g_assert_no_error (error);
  end = strstr (contents, "</journey-map>");
  g_assert_nonnull (end);
  *end = '\0';
  changed = g_strconcat (contents, "<stages/>\n</journey-map>\n", NULL);
  g_file_set_contents (big, changed, -1, &error);
  g_assert_no_error (error);

  g_ptr_array_add (argv, g_strdup (g_getenv ("JM_BINARY")));
  g_ptr_array_add (argv, g_strdup ("check"));
  g_ptr_array_add (argv, g_strdup (big));
  g_ptr_array_add (expected, g_strdup_printf ("%s:", big));
  for (guint i = 0; i < 12; i++)
    {
      const char *name = i % 3 == 0 ? "dangling-stage.jmap" : i % 3 == 1 ? "duplicate-id.jmap" : NULL;

      if (name == NULL)
        {
          g_ptr_array_add (argv, g_strdup (good));
          continue;
        }
      g_ptr_array_add (argv, invalid_path (name));
      g_ptr_array_add (expected, expected_prefix (name));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (out, ==, "");

  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 1);
  for (guint i = 0; i < expected->len; i++)
    {
      if (!g_str_has_prefix (lines[i], g_ptr_array_index (expected, i)))
        g_error ("line %u: expected “%s…”, got “%s”", i + 1, (char *) g_ptr_array_index (expected, i),
                 lines[i]);
    }

  g_unlink (big);
  g_rmdir (dir);
}

/* GLib makes the C locale that g_ascii_strtoull () and g_ascii_strtod ()
 * read numbers in on their first use in a process, once (a GOnce). A
 * thread that waits there while another makes it comes back with errno
 * set (EAGAIN, from the futex), and g_ascii_string_to_unsigned () and
 * _signed () take any errno left after g_ascii_strtoull () for a failure:
 * so, rarely, the valid "1.0" of a map checked beside another was "not a
 * format version". While this is set, every g_ascii_strtoull () (through
 * strtoull_l ()) and g_ascii_strtoll () starts with errno set as after
 * that wait. */
static gboolean strtoull_finds_errno_set;

unsigned long long
strtoull_l (const char  *text,
            char       **end,
            int          base,
            locale_t     locale)
{
  static unsigned long long (*real_strtoull_l) (const char *, char **, int, locale_t);

  if (real_strtoull_l == NULL)
    *(gpointer *) &real_strtoull_l = dlsym (RTLD_NEXT, "strtoull_l");
  if (strtoull_finds_errno_set)
    errno = EAGAIN;
  return real_strtoull_l (text, end, base, locale);
}

/* The same for g_ascii_strtoll (), behind g_ascii_string_to_signed (). */
long long
strtoll_l (const char  *text,
           char       **end,
           int          base,
           locale_t     locale)
{
  static long long (*real_strtoll_l) (const char *, char **, int, locale_t);

  if (real_strtoll_l == NULL)
    *(gpointer *) &real_strtoll_l = dlsym (RTLD_NEXT, "strtoll_l");
  if (strtoull_finds_errno_set)
    errno = EAGAIN;
  return real_strtoll_l (text, end, base, locale);
}

/* The reader reads the numbers of a map whatever errno GLib leaves: the
 * format version and whole numbers such as <rank>. In a process of its
 * own, as the next test must be. */
static void
test_cli_reader_numbers_ignore_errno (void)
{
  g_autofree char *path = example ("hotel-guest-stay.jmap");
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  strtoull_finds_errno_set = TRUE;
  document = jm_xml_reader_read_bytes (bytes, "hotel-guest-stay.jmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (jm_document_get_rank (document), ==, 2);
}

/* The same through `check` of several files, on every core; in a process
 * of its own, as `check` ends with exit (). */
static void
test_cli_check_ignores_errno (void)
{
  g_autofree char *hotel = example ("hotel-guest-stay.jmap");
  g_autofree char *grocery = example ("grocery-first-order.jmap");
  g_autofree char *saas = example ("saas-onboarding.jmap");
  char *argv[] = { (char *) "journeymap", (char *) "check", hotel, grocery, saas, hotel, NULL };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("");
      g_test_trap_assert_stderr ("");
      return;
    }

  strtoull_finds_errno_set = TRUE;
  exit (jm_cli_run (G_N_ELEMENTS (argv) - 1, argv));
}

/* Many valid maps in one `check`, again and again: every one is valid
 * every time, whichever worker checks it beside which other. */
static void
test_cli_check_many_valid_maps (void)
{
  const char *names[] = { "hotel-guest-stay.jmap", "grocery-first-order.jmap", "saas-onboarding.jmap" };
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (g_getenv ("JM_BINARY")));
  g_ptr_array_add (argv, g_strdup ("check"));
  for (guint i = 0; i < 24; i++)
    g_ptr_array_add (argv, example (names[i % G_N_ELEMENTS (names)]));
  g_ptr_array_add (argv, NULL);

  for (guint run_index = 0; run_index < 10; run_index++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      Run run = { 0 };

      for (guint i = 0; i < argv->len; i++)
        g_ptr_array_add (args, g_ptr_array_index (argv, i));
      run_journeymap_argv (&run, args);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpint (exit_status (&run), ==, 0);
      run_clear (&run);
    }
}

/* A normalised copy is what the writer makes of the input: it differs
 * from a hand-written file, and `check` accepts it. */
static void
test_cli_export_jmap_is_normalised (void)
{
  static const char hand_written[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<!-- written by hand -->\n"
    "<journey-map format-version='1.0'   xmlns='https://journeymap.github.io/ns/jmap/1'>\n"
    "\t<title>T</title>\n"
    "<stages><stage id='s1'><name>Awareness</name></stage></stages>\n"
    "    <lanes>\n"
    "      <lane kind='actions' id='l1'>\n"
    "            <name>Actions</name>\n"
    "      </lane>\n"
    "    </lanes>\n"
    "</journey-map>\n";
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autofree char *input = g_build_filename (dir, "hand.jmap", NULL);
  g_autoptr(GPtrArray) inputs = jmap_files (valid);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_file_set_contents (input, hand_written, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_insert (inputs, 0, g_strdup (input));

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autofree char *output = g_build_filename (dir, i % 2 == 0 ? "out.jmap" : "OUT.JMAP", NULL);
      g_autoptr(GBytes) expected = normalised (path);
      Run run = { 0 };

      g_test_message ("%s", path);
      run_journeymap (&run, "export", path, "-o", output, NULL);
      g_assert_cmpint (exit_status (&run), ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      assert_file_equals (output, expected);
      run_clear (&run);

      run_journeymap (&run, "check", output, NULL);
      g_assert_cmpint (exit_status (&run), ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      run_clear (&run);

      if (i == 0)
        {
          const char *data = g_bytes_get_data (expected, NULL);

          g_assert_false (g_bytes_get_size (expected) == strlen (hand_written) &&
                          memcmp (data, hand_written, strlen (hand_written)) == 0);
        }
      g_unlink (output);
    }

  /* Only the input is left. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

/* An output name whose extension is no export format: exit status 2, a
 * message that names it, and no file. */
static void
test_cli_export_unknown_formats (void)
{
  static const char *names[] = { "map.svgz", "map.doc", "map.jmap.bak", "map", "map.png.txt" };
  g_autofree char *input = example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *output = g_build_filename (dir, names[i], NULL);
      Run run = { 0 };

      g_test_message ("%s", names[i]);
      run_journeymap (&run, "export", input, "-o", output, NULL);
      g_assert_cmpint (exit_status (&run), ==, 2);
      g_assert_nonnull (strstr (run.err, output));
      g_assert_cmpstr (run.out, ==, "");
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      run_clear (&run);
    }

  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

static void
test_cli_export_usage (void)
{
  g_autofree char *input = example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "out.jmap", NULL);
  Run run = { 0 };

  g_assert_nonnull (dir);

  /* No output. */
  run_journeymap (&run, "export", input, NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);

  /* No input. */
  run_journeymap (&run, "export", "-o", output, NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  run_clear (&run);

  /* Two inputs for one output. */
  run_journeymap (&run, "export", input, input, "-o", output, NULL);
  g_assert_cmpint (exit_status (&run), ==, 2);
  run_clear (&run);

  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

/* An input that cannot be read: exit status 1, no new file, and a file
 * already at the output name is left as it was. */
static void
test_cli_export_bad_input (void)
{
  g_autofree char *invalid = invalid_path ("dangling-stage.jmap");
  g_autofree char *invalid_prefix = expected_prefix ("dangling-stage.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "out.jmap", NULL);
  g_autofree char *missing = g_build_filename (dir, "Lost map.jmap", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_nonnull (dir);

  run_journeymap (&run, "export", invalid, "-o", output, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, invalid_prefix));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_journeymap (&run, "export", missing, "-o", output, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "Lost map.jmap"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  run_clear (&run);

  g_file_set_contents (existing, "keep me", -1, &error);
  g_assert_no_error (error);
  run_journeymap (&run, "export", invalid, "-o", existing, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_file_get_contents (existing, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "keep me");
  run_clear (&run);

  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

/* An output in a folder that does not exist: exit status 1, a message
 * that names the output, and nothing created. */
static void
test_cli_export_unwritable_output (void)
{
  g_autofree char *input = example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "no-such-folder", "out.jmap", NULL);
  Run run = { 0 };

  g_assert_nonnull (dir);

  run_journeymap (&run, "export", input, "-o", output, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, output));
  run_clear (&run);

  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

/* A file the user may not read: `check` and `export` exit with 1 and
 * say why, and write nothing. */
static void
test_cli_unreadable_file (void)
{
  g_autofree char *example_map = example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.jmap", NULL);
  g_autofree char *output = g_build_filename (dir, "out.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_nonnull (dir);
  g_file_get_contents (example_map, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (secret, contents, -1, &error);
  g_assert_no_error (error);
  /* Others may enter the folder and write in it, not read the map. */
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (secret, 0), ==, 0);

  run_journeymap_unprivileged (&run, "check", secret, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, secret));
  g_assert_nonnull (strstr (run.err, g_strerror (EACCES)));
  run_clear (&run);

  run_journeymap_unprivileged (&run, "export", secret, "-o", output, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, secret));
  g_assert_nonnull (strstr (run.err, g_strerror (EACCES)));
  run_clear (&run);

  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

/* The command line's contract, as scripts rely on it. */

/* `check` fails when any file fails, wherever it is in the list. */
static void
test_cli_contract_check_any_bad_fails (void)
{
  g_autofree char *good = example ("hotel-guest-stay.jmap");
  g_autofree char *bad = invalid_path ("dangling-stage.jmap");
  g_autofree char *bad_prefix = expected_prefix ("dangling-stage.jmap");
  Run run = { 0 };

  run_journeymap (&run, "check", bad, good, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad_prefix));
  run_clear (&run);

  run_journeymap (&run, "check", good, bad, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad_prefix));
  run_clear (&run);

  run_journeymap (&run, "check", good, good, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  run_clear (&run);
}

/* Usage errors of both commands exit with 2, never 1 or a signal. */
static void
test_cli_contract_usage_errors (void)
{
  g_autofree char *input = example ("hotel-guest-stay.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  const char *usages[][8] = {
    { "check", NULL },
    { "check", "--no-such-option", input, NULL },
    { "export", NULL },
    { "export", input, NULL },
    { "export", "-o", png, NULL },
    { "export", input, "-o", png, "--no-such-option", NULL },
    { "export", input, "-o", png, "--layer", "someday", NULL },
    { "export", input, "-o", png, "--scale", "two", NULL },
    { "export", input, "-o", png, "--background", "plaid", NULL },
    { "export", input, "-o", png, "--theme", "sepia", NULL },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
    {
      g_autofree char *line = g_strjoinv (" ", (char **) usages[i]);
      Run run = { 0 };

      g_test_message ("journeymap %s", line);
      run_journeymap (&run, usages[i][0], usages[i][1], usages[i][2], usages[i][3], usages[i][4],
                      usages[i][5], usages[i][6], usages[i][7], NULL);
      g_assert_cmpint (exit_status (&run), ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      run_clear (&run);
    }

  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

/* Exports @input to @name in @dir with the options given; returns the
 * output's path. */
static char *
export_png (const char *input,
            const char *dir,
            const char *name,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *output = g_build_filename (dir, name, NULL);
  const char *arg;
  Run run = { 0 };
  va_list ap;

  g_ptr_array_add (args, (char *) "export");
  g_ptr_array_add (args, (char *) input);
  g_ptr_array_add (args, (char *) "-o");
  g_ptr_array_add (args, output);
  va_start (ap, name);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_assert_cmpuint (args->len, <=, 8);
  while (args->len < 9)
    g_ptr_array_add (args, NULL);

  run_journeymap (&run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3], args->pdata[4],
                  args->pdata[5], args->pdata[6], args->pdata[7], NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);

  return output;
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

/* The colour type of a PNG, from its header: 2 RGB, 6 RGB with alpha. */
static guint
png_colour_type (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 26);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  return data[25];
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

typedef struct
{
  double mean_luminance;  /* of the opaque pixels, 0 to 1 */
  double transparent;     /* the share of pixels with no alpha at all */
  double opaque;          /* the share of fully opaque pixels */
} PixelStats;

static PixelStats
pixel_stats (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  PixelStats stats = { 0 };
  double luminance = 0;
  guint64 n_transparent = 0, n_opaque = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixel_at (surface, x, y);
        guint alpha = pixel >> 24;

        if (alpha == 0)
          n_transparent++;
        if (alpha == 255)
          {
            n_opaque++;
            luminance += (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) +
                          0.0722 * (pixel & 0xff)) / 255.0;
          }
      }

  stats.mean_luminance = n_opaque > 0 ? luminance / n_opaque : 0;
  stats.transparent = (double) n_transparent / ((double) width * height);
  stats.opaque = (double) n_opaque / ((double) width * height);
  return stats;
}

/* Each layer gives a picture of its own. */
static void
test_cli_contract_layer (void)
{
  g_autofree char *input = example ("saas-onboarding.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *current = export_png (input, dir, "current.png", "--layer", "current", NULL);
  g_autofree char *future = export_png (input, dir, "future.png", "--layer", "future", NULL);
  g_autofree char *both = export_png (input, dir, "both.png", "--layer", "both", NULL);
  g_autofree char *plain = export_png (input, dir, "plain.png", NULL);
  g_autoptr(GBytes) current_bytes = read_bytes (current);
  g_autoptr(GBytes) future_bytes = read_bytes (future);
  g_autoptr(GBytes) both_bytes = read_bytes (both);
  g_autoptr(GBytes) plain_bytes = read_bytes (plain);

  g_assert_false (g_bytes_equal (current_bytes, future_bytes));
  g_assert_false (g_bytes_equal (current_bytes, both_bytes));
  g_assert_false (g_bytes_equal (future_bytes, both_bytes));
  /* The current state is the default. */
  g_assert_true (g_bytes_equal (current_bytes, plain_bytes));

  remove_dir (dir);
}

/* --scale 2 doubles the picture's size in pixels. A map's size in units
 * may be fractional (its text is measured by Pango; Pango 1.56 gives
 * fractions where 1.50 gave whole pixels), and each export rounds its own
 * size up: ceil (2 h) is 2 ceil (h), or one less. */
static void
test_cli_contract_scale (void)
{
  g_autofree char *input = example ("saas-onboarding.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *one = export_png (input, dir, "one.png", NULL);
  g_autofree char *two = export_png (input, dir, "two.png", "--scale", "2", NULL);
  cairo_surface_t *small = load_png (one);
  cairo_surface_t *large = load_png (two);

  g_assert_cmpint (cairo_image_surface_get_width (small), >, 100);
  g_assert_cmpint (cairo_image_surface_get_height (small), >, 100);
  g_assert_cmpint (cairo_image_surface_get_width (large), <=, 2 * cairo_image_surface_get_width (small));
  g_assert_cmpint (cairo_image_surface_get_width (large), >=, 2 * cairo_image_surface_get_width (small) - 1);
  g_assert_cmpint (cairo_image_surface_get_height (large), <=, 2 * cairo_image_surface_get_height (small));
  g_assert_cmpint (cairo_image_surface_get_height (large), >=, 2 * cairo_image_surface_get_height (small) - 1);

  cairo_surface_destroy (small);
  cairo_surface_destroy (large);
  remove_dir (dir);
}

/* A transparent background is transparent where the map draws nothing
 * (its corners), and the map itself is still there; a white one has no
 * alpha at all. */
static void
test_cli_contract_background (void)
{
  g_autofree char *input = example ("saas-onboarding.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *white = export_png (input, dir, "white.png", "--background", "white", NULL);
  g_autofree char *clear = export_png (input, dir, "clear.png", "--background", "transparent", NULL);
  cairo_surface_t *surface = load_png (clear);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  PixelStats stats = pixel_stats (surface);

  g_assert_cmpuint (png_colour_type (white), ==, 2);
  g_assert_cmpuint (png_colour_type (clear), ==, 6);

  g_assert_cmphex (pixel_at (surface, 0, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (surface, width - 1, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (surface, 0, height - 1) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (surface, width - 1, height - 1) >> 24, ==, 0);
  g_assert_cmpfloat (stats.transparent, >, 0.2);
  g_assert_cmpfloat (stats.opaque, >, 0.05);

  cairo_surface_destroy (surface);
  remove_dir (dir);
}

/* The dark theme is dark and the light one light, measured over the
 * whole picture. */
static void
test_cli_contract_theme (void)
{
  g_autofree char *input = example ("saas-onboarding.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *light = export_png (input, dir, "light.png", "--theme", "light", NULL);
  g_autofree char *dark = export_png (input, dir, "dark.png", "--theme", "dark", NULL);
  cairo_surface_t *light_surface = load_png (light);
  cairo_surface_t *dark_surface = load_png (dark);
  PixelStats light_stats = pixel_stats (light_surface);
  PixelStats dark_stats = pixel_stats (dark_surface);

  g_test_message ("mean luminance: light %.3f, dark %.3f", light_stats.mean_luminance,
                  dark_stats.mean_luminance);
  g_assert_cmpfloat (light_stats.opaque, ==, 1.0);
  g_assert_cmpfloat (dark_stats.opaque, ==, 1.0);
  g_assert_cmpfloat (light_stats.mean_luminance, >, 0.8);
  g_assert_cmpfloat (dark_stats.mean_luminance, <, 0.3);
  /* Its background too, not only the cards. */
  g_assert_cmphex (pixel_at (dark_surface, 0, 0) & 0xff, <, 0x50);

  cairo_surface_destroy (light_surface);
  cairo_surface_destroy (dark_surface);
  remove_dir (dir);
}

/* What comes after "NAME: " in a message. */
static const char *
reason (const char *message,
        const char *name)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);

  if (!g_str_has_prefix (message, prefix))
    g_error ("expected “%s…”, got “%s”", prefix, message);
  return message + strlen (prefix);
}

/* The command line reads maps as the window does: what the window refuses
 * to open (a pipe, a folder, a file too large to be a map), `check` and
 * `export` refuse too, for the same reason in the same words. */
static void
test_cli_refuses_what_the_window_refuses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.jmap", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.jmap", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.jmap", NULL);
  g_autofree char *output = g_build_filename (dir, "out.png", NULL);
  const char *paths[3];
  int fd;

  paths[0] = fifo;
  paths[1] = folder;
  paths[2] = huge;
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  fd = g_open (huge, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autofree char *basename = g_path_get_basename (paths[i]);
      g_autoptr(JmDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      Run run = { 0 };

      /* What the window's loader says. */
      document = jm_document_io_load (file, NULL, NULL, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      expected = g_strdup_printf ("%s\n", reason (error->message, basename));

      run_journeymap (&run, "check", paths[i], NULL);
      g_assert_cmpint (exit_status (&run), ==, 1);
      g_assert_cmpstr (reason (run.err, paths[i]), ==, expected);
      run_clear (&run);

      run_journeymap (&run, "export", paths[i], "-o", output, NULL);
      g_assert_cmpint (exit_status (&run), ==, 1);
      g_assert_cmpstr (reason (run.err, paths[i]), ==, expected);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      run_clear (&run);
    }

  g_rmdir (folder);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version/without-display", test_cli_version);
  g_test_add_func ("/cli/help/without-display", test_cli_help);
  g_test_add_func ("/cli/options/unknown-is-refused", test_cli_unknown_option);
  g_test_add_func ("/cli/check/valid", test_cli_check_valid);
  g_test_add_func ("/cli/check/valid-data", test_cli_check_valid_data);
  g_test_add_func ("/cli/check/invalid-files", test_cli_check_invalid);
  g_test_add_func ("/cli/check/forgiven-files", test_cli_check_forgiven);
  g_test_add_func ("/cli/check/every-invalid-file", test_cli_check_every_invalid_file);
  g_test_add_func ("/cli/check/several-files", test_cli_check_several_files);
  g_test_add_func ("/cli/check/many-files-in-order", test_cli_check_many_files_in_order);
  g_test_add_func ("/cli/check/many-valid-maps", test_cli_check_many_valid_maps);
  g_test_add_func ("/cli/check/ignores-errno", test_cli_check_ignores_errno);
  g_test_add_func ("/cli/read/numbers-ignore-errno", test_cli_reader_numbers_ignore_errno);
  g_test_add_func ("/cli/check/schema-problems", test_cli_check_schema_problems);
  g_test_add_func ("/cli/check/missing-and-usage", test_cli_check_missing_and_usage);
  g_test_add_func ("/cli/export/formats", test_cli_export_formats);
  g_test_add_func ("/cli/export/jmap-is-normalised", test_cli_export_jmap_is_normalised);
  g_test_add_func ("/cli/export/refusals", test_cli_export_refusals);
  g_test_add_func ("/cli/export/comments", test_cli_export_comments);
  g_test_add_func ("/cli/export/unknown-formats", test_cli_export_unknown_formats);
  g_test_add_func ("/cli/export/usage", test_cli_export_usage);
  g_test_add_func ("/cli/export/bad-input", test_cli_export_bad_input);
  g_test_add_func ("/cli/export/unwritable-output", test_cli_export_unwritable_output);
  g_test_add_func ("/cli/check/unreadable-file", test_cli_unreadable_file);
  g_test_add_func ("/cli/read/refuses-what-the-window-refuses", test_cli_refuses_what_the_window_refuses);
  g_test_add_func ("/cli/contract/check-any-bad-fails", test_cli_contract_check_any_bad_fails);
  g_test_add_func ("/cli/contract/usage-errors", test_cli_contract_usage_errors);
  g_test_add_func ("/cli/contract/layer", test_cli_contract_layer);
  g_test_add_func ("/cli/contract/scale", test_cli_contract_scale);
  g_test_add_func ("/cli/contract/background", test_cli_contract_background);
  g_test_add_func ("/cli/contract/theme", test_cli_contract_theme);

  return g_test_run ();
}
