/* test-cli.c: the journeymap binary works without a display
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version/without-display", test_cli_version);
  g_test_add_func ("/cli/help/without-display", test_cli_help);
  g_test_add_func ("/cli/options/unknown-is-refused", test_cli_unknown_option);

  return g_test_run ();
}
