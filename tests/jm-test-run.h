/* jm-test-run.h: running the journeymap binary, and git, from a test
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status; /* the exit status, or -1 when the program did not exit */
} JmTestRun;

static inline void
jm_test_run_clear (JmTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JmTestRun, jm_test_run_clear)

/* Runs @argv (NULL-terminated) in @folder (or here), without a display. */
static inline void
jm_test_run_argv (JmTestRun   *run,
                  const char  *folder,
                  const char **argv)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-criticals", TRUE);
  /* git: no user configuration, no pager, a fixed identity */
  envp = g_environ_setenv (envp, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_tmp_dir (), TRUE);
  envp = g_environ_setenv (envp, "GIT_PAGER", "cat", TRUE);
  envp = g_environ_setenv (envp, "GIT_AUTHOR_NAME", "Test", TRUE);
  envp = g_environ_setenv (envp, "GIT_AUTHOR_EMAIL", "test@example.org", TRUE);
  envp = g_environ_setenv (envp, "GIT_COMMITTER_NAME", "Test", TRUE);
  envp = g_environ_setenv (envp, "GIT_COMMITTER_EMAIL", "test@example.org", TRUE);

  jm_test_run_clear (run);
  g_spawn_sync (folder, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Runs @program in @folder (or here) with @first_arg and the arguments
 * in @args after it, up to NULL. */
static inline void
jm_test_run_valist (JmTestRun  *run,
                    const char *folder,
                    const char *program,
                    const char *first_arg,
                    va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) program);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  jm_test_run_argv (run, folder, (const char **) argv->pdata);
}

/* Runs the journeymap binary with the arguments after @run, up to NULL. */
static inline void
jm_test_run_journeymap (JmTestRun  *run,
                        const char *first_arg,
                        ...)
{
  va_list args;

  va_start (args, first_arg);
  jm_test_run_valist (run, NULL, g_getenv ("JM_BINARY"), first_arg, args);
  va_end (args);
}

/* Runs git in @folder with the arguments after it, up to NULL, and says
 * what it printed; returns its exit status. */
static inline int
jm_test_run_git (JmTestRun  *run,
                 const char *folder,
                 const char *first_arg,
                 ...)
{
  va_list args;

  va_start (args, first_arg);
  jm_test_run_valist (run, folder, "git", first_arg, args);
  va_end (args);
  g_test_message ("git %s: %d\n%s%s", first_arg, run->status, run->out, run->err);

  return run->status;
}
