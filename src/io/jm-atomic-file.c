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
 *
 * The file replaced keeps what GNOME's g_file_replace() keeps, and more:
 *
 * - A file its user may not write (mode 0444, say) is refused, as GIO
 *   refuses it by failing to open it for writing. Only the permission
 *   counts: root may write anything and so saves over it, as with GIO.
 * - The temporary file gets the owner, group, mode and extended attributes
 *   (user.*, ACLs; SELinux labels where allowed) of the file it replaces,
 *   before the rename. When the owner or group cannot be given (a user
 *   saving another's file that they may write, in a shared folder), or an
 *   attribute cannot be copied, the file is written in place instead, as
 *   g_file_replace() does: a new file would change hands silently.
 * - A file with several hard links is written in place too, as GIO does:
 *   a rename would give this name a file of its own and leave the other
 *   names with the old map.
 *
 * Written in place, a save is durable (flushed before it reports success)
 * but not atomic: a crash or a full disk half-way leaves the file partly
 * written.
 */

#include "config.h"

#include "jm-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
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

/* Whether this process may write @path: the kernel's own check, with the
 * effective user as open () uses it (root passes). */
static gboolean
may_write (const char *path)
{
  return faccessat (AT_FDCWD, path, W_OK, AT_EACCESS) == 0 || errno != EACCES;
}

/* The extended attributes of @path, as the list of names
 * listxattr () gives: each name ends with a NUL. */
static char *
list_attributes (const char *path,
                 gssize     *size)
{
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_autofree char *names = NULL;
      gssize wanted = llistxattr (path, NULL, 0);

      if (wanted < 0 && (errno == ENOTSUP || errno == ENOSYS))
        wanted = 0;
      if (wanted <= 0)
        {
          *size = wanted;
          return wanted == 0 ? g_new0 (char, 1) : NULL;
        }

      names = g_malloc (wanted);
      *size = llistxattr (path, names, wanted);
      if (*size >= 0)
        return g_steal_pointer (&names);
      /* ERANGE: an attribute came meanwhile. */
      if (errno != ERANGE)
        return NULL;
    }
  return NULL;
}

static gboolean
name_listed (const char *names,
             gssize      size,
             const char *name)
{
  for (const char *n = names; n < names + size; n += strlen (n) + 1)
    {
      if (g_str_equal (n, name))
        return TRUE;
    }
  return FALSE;
}

/* Attributes that say who may read the file or what it is (user.*, and
 * system.* for ACLs) must come along; security.* and trusted.* ones are
 * the system's, which a user often may not set: best effort. */
static gboolean
attribute_must_be_kept (const char *name)
{
  return g_str_has_prefix (name, "user.") || g_str_has_prefix (name, "system.");
}

/* Gives @fd the extended attributes of @path, and takes from it those
 * that @path lacks (a folder's default ACL that the new file inherited). */
static gboolean
copy_attributes (const char *path,
                 int         fd)
{
  g_autofree char *names = NULL;
  g_autofree char *own_names = NULL;
  gssize size;
  gssize own_size;

  names = list_attributes (path, &size);
  if (names == NULL)
    return FALSE;

  for (const char *name = names; name < names + size; name += strlen (name) + 1)
    {
      g_autofree char *value = NULL;
      gssize length = lgetxattr (path, name, NULL, 0);

      if (length >= 0)
        {
          value = g_malloc (MAX (length, 1));
          length = lgetxattr (path, name, value, length);
        }
      if ((length < 0 || fsetxattr (fd, name, value, length, 0) != 0)
          && attribute_must_be_kept (name))
        return FALSE;
    }

  own_size = flistxattr (fd, NULL, 0);
  if (own_size <= 0)
    return TRUE;
  own_names = g_malloc (own_size);
  own_size = flistxattr (fd, own_names, own_size);
  for (const char *name = own_names; own_size > 0 && name < own_names + own_size; name += strlen (name) + 1)
    {
      if (attribute_must_be_kept (name) && !name_listed (names, size, name)
          && fremovexattr (fd, name) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Gives the temporary file @fd what the file @path it replaces has:
 * owner, group, mode (after the owner: chown clears the set-id bits) and
 * extended attributes. FALSE when it cannot be made the same. */
static gboolean
keep_attributes (const char        *path,
                 const struct stat *old,
                 int                fd)
{
  struct stat now;

  if (fstat (fd, &now) != 0)
    return FALSE;
  if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid)
      && fchown (fd, old->st_uid, old->st_gid) != 0)
    return FALSE;
  /* The umask must not take bits that the old file had (0664 under a
   * umask of 022). */
  if (fchmod (fd, old->st_mode & 07777) != 0)
    return FALSE;
  if (!copy_attributes (path, fd))
    return FALSE;

  /* An ACL set above sets the group bits too: check what came of it all. */
  if (fstat (fd, &now) != 0)
    return FALSE;
  return now.st_uid == old->st_uid && now.st_gid == old->st_gid
         && (now.st_mode & 07777) == (old->st_mode & 07777);
}

/* Writes @data over the file @path itself, keeping everything about it
 * but its content: not atomic (see the top of this file), still durable.
 * @old is what stat () said of it: a file put there since is refused. */
static gboolean
replace_in_place (const char        *path,
                  const char        *display_name,
                  const struct stat *old,
                  const char        *data,
                  gsize              length,
                  GError           **error)
{
  struct stat now;
  int saved_errno;
  int fd;

  fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return set_errno_error (error, errno, display_name);

  if (fstat (fd, &now) != 0)
    goto failed;
  if (now.st_dev != old->st_dev || now.st_ino != old->st_ino)
    {
      g_close (fd, NULL);
      return set_errno_error (error, EAGAIN, display_name);
    }

  /* Written over the old content and cut after, rather than emptied
   * first: a map no larger than the old one needs no new room on the
   * disk, so a full disk cannot leave the file empty. */
  if (!write_all (fd, data, length) || ftruncate (fd, length) != 0 || fsync (fd) != 0)
    goto failed;

  if (!g_close (fd, NULL))
    return set_errno_error (error, errno, display_name);
  return TRUE;

failed:
  saved_errno = errno;
  g_close (fd, NULL);
  return set_errno_error (error, saved_errno, display_name);
}

/**
 * jm_atomic_file_replace:
 * @path: the file to create or replace (not a symbolic link: resolve first)
 * @display_name: the file's name for error messages
 *
 * Writes @data to @path: a new file gets mode 0666 through the umask; a
 * file replaced keeps its owner, group, mode, extended attributes and
 * hard links (see the top of this file for how, and when it is written in
 * place). A file that this process may not write is refused with
 * %G_IO_ERROR_PERMISSION_DENIED.
 *
 * Returns: %TRUE when @path holds @data; else %FALSE with @error set (a
 *   #G_IO_ERROR naming @display_name) and @path as it was, unless it was
 *   being written in place
 */
gboolean
jm_atomic_file_replace (const char  *path,
                        const char  *display_name,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *temp = g_strconcat (dir, G_DIR_SEPARATOR_S, ".", basename, JM_SAVING_INFIX, "XXXXXX", NULL);
  struct stat old;
  gboolean replacing;
  int saved_errno;
  int fd;

  /* Only a regular file has anything to keep: a folder of that name makes
   * the rename fail below, as it should. */
  replacing = lstat (path, &old) == 0 && S_ISREG (old.st_mode);

  if (replacing && !may_write (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: the file is read-only."),
                   display_name);
      return FALSE;
    }

  if (replacing && old.st_nlink > 1)
    return replace_in_place (path, display_name, &old, data, length, error);

  remove_stray_files (dir, basename);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, replacing ? (old.st_mode & 07777) : 0666);
  if (fd < 0)
    return set_errno_error (error, errno, display_name);

  if (replacing && !keep_attributes (path, &old, fd))
    {
      g_close (fd, NULL);
      g_unlink (temp);
      return replace_in_place (path, display_name, &old, data, length, error);
    }

  if (!write_all (fd, data, length))
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
