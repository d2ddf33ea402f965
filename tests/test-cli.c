/* test-cli.c: the journeymap binary works without a display
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

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

/* Runs the real binary with no display at all, as a script or a build
 * server would. */
static void
run_journeymap (Run         *run,
                const char  *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("JM_BINARY"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

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

  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version/without-display", test_cli_version);
  g_test_add_func ("/cli/help/without-display", test_cli_help);
  g_test_add_func ("/cli/options/unknown-is-refused", test_cli_unknown_option);
  g_test_add_func ("/cli/check/valid", test_cli_check_valid);
  g_test_add_func ("/cli/check/invalid-files", test_cli_check_invalid);
  g_test_add_func ("/cli/check/missing-and-usage", test_cli_check_missing_and_usage);
  g_test_add_func ("/cli/export/formats", test_cli_export_formats);
  g_test_add_func ("/cli/export/refusals", test_cli_export_refusals);

  return g_test_run ();
}
