/* jm-sync-log.c: a library to LD_PRELOAD that logs how a file is saved
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Killing a process cannot show whether a save flushes its data before
 * the rename: only a power cut could. So test-durable-saves runs the real
 * code with this library preloaded, and reads the order of the calls that
 * matter from the file named by JM_SYNC_LOG, one line each, after the call
 * succeeded:
 *
 *   fsync<TAB>PATH          fsync() or fdatasync() of the file or folder at PATH
 *   rename<TAB>OLD<TAB>NEW  rename(), renameat() or renameat2()
 *
 * Plain libc only: it is loaded into binaries built with and without
 * sanitizers, before anything else is set up.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
log_line (const char *line,
          size_t      length)
{
  const char *log_path = getenv ("JM_SYNC_LOG");
  int fd;

  if (log_path == NULL)
    return;

  /* Opened for each line: the log must not depend on when the process
   * ends, or on the descriptors it closes. */
  fd = open (log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  if (write (fd, line, length) < 0)
    {
      /* Nothing to do: the test sees the line missing. */
    }
  close (fd);
}

/* An absolute form of @path, relative to the folder @dirfd. */
static void
absolute_path (int         dirfd,
               const char *path,
               char       *out,
               size_t      size)
{
  char dir[PATH_MAX] = "";

  if (path[0] == '/')
    {
      snprintf (out, size, "%s", path);
      return;
    }

  if (dirfd == AT_FDCWD)
    {
      if (getcwd (dir, sizeof dir) == NULL)
        dir[0] = '\0';
    }
  else
    {
      char link[64];
      ssize_t n;

      snprintf (link, sizeof link, "/proc/self/fd/%d", dirfd);
      n = readlink (link, dir, sizeof dir - 1);
      dir[n > 0 ? n : 0] = '\0';
    }

  snprintf (out, size, "%s/%s", dir, path);
}

static void
log_sync (int fd)
{
  char link[64], path[PATH_MAX], line[PATH_MAX + 16];
  ssize_t n;
  int length;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n < 0)
    return;
  path[n] = '\0';

  length = snprintf (line, sizeof line, "fsync\t%s\n", path);
  log_line (line, (size_t) length < sizeof line ? (size_t) length : sizeof line - 1);
}

static void
log_rename (int         old_dirfd,
            const char *old_path,
            int         new_dirfd,
            const char *new_path)
{
  char old_abs[PATH_MAX], new_abs[PATH_MAX], line[2 * PATH_MAX + 16];
  int length;

  absolute_path (old_dirfd, old_path, old_abs, sizeof old_abs);
  absolute_path (new_dirfd, new_path, new_abs, sizeof new_abs);
  length = snprintf (line, sizeof line, "rename\t%s\t%s\n", old_abs, new_abs);
  log_line (line, (size_t) length < sizeof line ? (size_t) length : sizeof line - 1);
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);
  int saved_errno, result;

  if (real_fsync == NULL)
    real_fsync = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");

  result = real_fsync (fd);
  saved_errno = errno;
  if (result == 0)
    log_sync (fd);
  errno = saved_errno;
  return result;
}

int
fdatasync (int fd)
{
  static int (*real_fdatasync) (int);
  int saved_errno, result;

  if (real_fdatasync == NULL)
    real_fdatasync = (int (*) (int)) dlsym (RTLD_NEXT, "fdatasync");

  result = real_fdatasync (fd);
  saved_errno = errno;
  if (result == 0)
    log_sync (fd);
  errno = saved_errno;
  return result;
}

int
rename (const char *old_path,
        const char *new_path)
{
  static int (*real_rename) (const char *, const char *);
  int saved_errno, result;

  if (real_rename == NULL)
    real_rename = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");

  result = real_rename (old_path, new_path);
  saved_errno = errno;
  if (result == 0)
    log_rename (AT_FDCWD, old_path, AT_FDCWD, new_path);
  errno = saved_errno;
  return result;
}

int
renameat (int         old_dirfd,
          const char *old_path,
          int         new_dirfd,
          const char *new_path)
{
  static int (*real_renameat) (int, const char *, int, const char *);
  int saved_errno, result;

  if (real_renameat == NULL)
    real_renameat = (int (*) (int, const char *, int, const char *)) dlsym (RTLD_NEXT, "renameat");

  result = real_renameat (old_dirfd, old_path, new_dirfd, new_path);
  saved_errno = errno;
  if (result == 0)
    log_rename (old_dirfd, old_path, new_dirfd, new_path);
  errno = saved_errno;
  return result;
}

int
renameat2 (int           old_dirfd,
           const char   *old_path,
           int           new_dirfd,
           const char   *new_path,
           unsigned int  flags)
{
  static int (*real_renameat2) (int, const char *, int, const char *, unsigned int);
  int saved_errno, result;

  if (real_renameat2 == NULL)
    real_renameat2 = (int (*) (int, const char *, int, const char *, unsigned int)) dlsym (RTLD_NEXT, "renameat2");

  result = real_renameat2 (old_dirfd, old_path, new_dirfd, new_path, flags);
  saved_errno = errno;
  if (result == 0)
    log_rename (old_dirfd, old_path, new_dirfd, new_path);
  errno = saved_errno;
  return result;
}
