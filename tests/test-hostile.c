/* test-hostile.c: files from anyone never hurt the command line
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each hostile file (entity bomb, external entity, 200,000-deep nesting, a
 * 30 MB attribute, a 500 MB file, random bytes, a folder, a missing file)
 * is refused by `journeymap check` and `journeymap export` with exit
 * status 1 and a message that names the file, quickly, and nothing of
 * another file is read or written.
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "jm-hostile-files.h"

/* Generous against a loaded CI machine and sanitizers: a refusal takes a
 * few milliseconds here; reading a 500 MB file or expanding a bomb would
 * take far longer. */
#define MAX_SECONDS 3.0

typedef struct
{
  char  *err;
  int    status;
  double seconds;
} Run;

static void
run_journeymap (Run         *run,
                const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_ptr_array_add (argv, (char *) g_getenv ("JM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &run->err, &run->status, &error);
  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
}

static void
assert_refused (const JmHostileFile *file,
                const Run           *run)
{
  g_test_message ("%s: %.3f s: %s", file->name, run->seconds, run->err);
  g_assert_true (WIFEXITED (run->status));
  g_assert_cmpint (WEXITSTATUS (run->status), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, file->path) || strstr (run->err, file->path) != NULL);
  g_assert_nonnull (strstr (run->err, file->expected));
  /* Nothing of a local file the map pointed at was read into the message. */
  g_assert_null (strstr (run->err, "root:"));
  g_assert_cmpfloat (run->seconds, <, MAX_SECONDS);
}

static void
test_hostile_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-hostile-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "out.png", NULL);
  GArray *files = jm_hostile_files_create (dir);

  for (guint i = 0; i < files->len; i++)
    {
      const JmHostileFile *file = &g_array_index (files, JmHostileFile, i);
      const char *check[] = { "check", file->path, NULL };
      const char *export[] = { "export", file->path, "-o", output, NULL };
      Run run = { 0 };

      run_journeymap (&run, check);
      assert_refused (file, &run);
      g_clear_pointer (&run.err, g_free);

      run_journeymap (&run, export);
      assert_refused (file, &run);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      g_clear_pointer (&run.err, g_free);
    }

  jm_hostile_files_remove (files, dir);
}

/* The most memory a run of journeymap may take on a map that looks
 * valid: the target. */
#define MAX_CHILD_KIB (500 * 1024)

/* A map that is accepted may take longer than a refusal: its forty big
 * pictures took 13–20 s to export before they were decoded at the size
 * they are drawn, under 1.5 s since (2 s is the target, with room for a
 * loaded machine). */
#define MAX_EXPORT_SECONDS 8.0

static long
children_max_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* Maps whose pictures look valid: an SVG picture with one entity used
 * 40,000 times, one with a 20000 × 20000 PNG inside, forty 4096 × 4096
 * PNG pictures of 2 KB. Each is refused by `check` and every export with
 * the line of the picture, or checks and exports to PNG, SVG and PDF in
 * little time and memory. */
static void
test_hostile_pictures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-pictures-XXXXXX", NULL);
  GArray *files = jm_hostile_pictures_create (dir);
  const char *extensions[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < files->len; i++)
    {
      const JmHostileFile *file = &g_array_index (files, JmHostileFile, i);
      g_autofree char *line = g_strdup_printf ("%s:7: ", file->path);
      const char *check[] = { "check", file->path, NULL };
      Run run = { 0 };

      run_journeymap (&run, check);
      g_test_message ("check %s: %.3f s, %ld KiB: %s", file->name, run.seconds, children_max_kib (), run.err);
      if (file->expected != NULL)
        {
          assert_refused (file, &run);
          g_assert_nonnull (strstr (run.err, line));
        }
      else
        {
          g_assert_true (WIFEXITED (run.status));
          g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
          g_assert_cmpfloat (run.seconds, <, MAX_SECONDS);
        }
      g_clear_pointer (&run.err, g_free);

      for (guint k = 0; k < G_N_ELEMENTS (extensions); k++)
        {
          g_autofree char *output = g_strdup_printf ("%s/out.%s", dir, extensions[k]);
          const char *export[] = { "export", file->path, "-o", output, NULL };

          run_journeymap (&run, export);
          g_test_message ("export %s to %s: %.3f s, %ld KiB: %s", file->name, extensions[k], run.seconds,
                          children_max_kib (), run.err);
          if (file->expected != NULL)
            {
              assert_refused (file, &run);
              g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
            }
          else
            {
              g_assert_true (WIFEXITED (run.status));
              g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
              g_assert_cmpfloat (run.seconds, <, MAX_EXPORT_SECONDS);
              g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
              g_unlink (output);
            }
          g_clear_pointer (&run.err, g_free);
          g_assert_cmpint (children_max_kib (), <, MAX_CHILD_KIB);
        }
    }

  jm_hostile_files_remove (files, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First: the memory of every run so far is measured. */
  g_test_add_func ("/hostile/pictures", test_hostile_pictures);
  g_test_add_func ("/hostile/command-line-refuses", test_hostile_files);

  return g_test_run ();
}
