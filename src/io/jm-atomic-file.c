/* jm-atomic-file.c: replacing a file so that a crash never breaks it
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new content goes to a hidden temporary file beside the target,
 * named after it (".map.jmap.jm-saving-XXXXXX"), which is flushed to disk,
 * renamed over the target, and the folder flushed: at every moment the
 * target is the old file or the new one, whole. A process killed half-way
 * leaves its temporary file behind; the next save of the same file
 * removes it, which only a recognisable name makes safe.
 */

#include "config.h"

#include "jm-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#define JM_SAVING_INFIX ".jm-saving-"

/**
 * jm_atomic_file_crash_point:
 * @name: where the save is: "after-write", "after-sync" or "after-rename"
 *
 * For the crash-safety tests: when JM_TEST_CRASH_AT names this point, the
 * process is killed here as by `kill -9`.
 */
void
jm_atomic_file_crash_point (const char *name)
{
  const char *wanted = g_getenv ("JM_TEST_CRASH_AT");

  if (wanted != NULL && g_str_equal (wanted, name))
    raise (SIGKILL);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display_name, g_strerror (saved_errno));
  return FALSE;
}

/* Temporary files of saves of @path that were killed before they ended. */
static void
remove_stray_files (const char *dir,
                    const char *basename)
{
  g_autofree char *prefix = g_strconcat (".", basename, JM_SAVING_INFIX, NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
        {
          g_autofree char *stray = g_build_filename (dir, name, NULL);

          g_unlink (stray);
        }
    }
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      data += written;
      length -= written;
    }
  return TRUE;
}

/* Flushes the folder, so that the rename itself survives a power cut. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  g_close (fd, NULL);
}

/**
 * jm_atomic_file_replace:
 * @path: the file to create or replace (not a symbolic link: resolve first)
 * @display_name: the file's name for error messages
 * @mode: the permissions to keep from the file replaced, or -1 for a new
 *   file (0666 through the umask)
 *
 * Returns: %TRUE when @path holds @data; else %FALSE with @error set (a
 *   #G_IO_ERROR naming @display_name) and @path as it was
 */
gboolean
jm_atomic_file_replace (const char  *path,
                        const char  *display_name,
                        const char  *data,
                        gsize        length,
                        int          mode,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *temp = g_strconcat (dir, G_DIR_SEPARATOR_S, ".", basename, JM_SAVING_INFIX, "XXXXXX", NULL);
  int saved_errno;
  int fd;

  remove_stray_files (dir, basename);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, mode >= 0 ? mode : 0666);
  if (fd < 0)
    return set_errno_error (error, errno, display_name);

  /* The umask must not take bits that the old file had (0664 under a
   * umask of 022). */
  if ((mode >= 0 && fchmod (fd, mode) != 0) || !write_all (fd, data, length))
    goto failed;
  jm_atomic_file_crash_point ("after-write");

  if (fsync (fd) != 0)
    goto failed;
  jm_atomic_file_crash_point ("after-sync");

  if (!g_close (fd, NULL))
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (temp, path) != 0)
    goto failed;
  jm_atomic_file_crash_point ("after-rename");

  sync_folder (dir);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_unlink (temp);
  return set_errno_error (error, saved_errno, display_name);
}
