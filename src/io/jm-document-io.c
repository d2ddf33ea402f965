/* jm-document-io.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-io"

#include "config.h"

#include "jm-document-io.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "format/jm-format-error.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "io/jm-atomic-file.h"

/* The etag is GIO's (modification time to the microsecond): saving over a
 * file whose etag changed since it was read means another program wrote
 * it, and the save is refused with G_IO_ERROR_WRONG_ETAG. */
static char *
jm_document_io_query_etag (GFile        *file,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

static char *
jm_document_io_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_steal_pointer (&basename) : g_file_get_uri (file);
}

/* Reads @file whole, but never more than a journey map may hold: a file
 * that grew past the limit after its size was checked is refused without
 * being read to its end. */
static GBytes *
jm_document_io_read_bounded (GFile         *file,
                             char         **etag,
                             GCancellable  *cancellable,
                             GError       **error)
{
  const gsize chunk = 256 * 1024;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gsize length = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gssize n;

      if (length > JM_FORMAT_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (JM_FORMAT_MAX_FILE_SIZE);

          g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE,
                       _("the file is larger than the %s a journey map may have."), limit);
          return NULL;
        }

      g_byte_array_set_size (data, length + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + length, chunk,
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      length += n;
    }
  g_byte_array_set_size (data, length);

  /* As g_file_load_contents () does: the etag of what was just read. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  if (info != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * jm_document_io_read:
 * @file: a .jmap file
 * @name: how messages name the file: its name in the window, the path as
 *   typed on the command line
 * @etag: (out) (optional): the etag of what was read, for saving back
 *
 * Reads @file whole, as every part of the app reads a map: a folder, a
 * pipe or a device, or a file larger than any journey map may be is
 * refused before it is read, and a file that grows past the limit while
 * it is read is refused without being read to its end. Every message
 * starts with "@name: ".
 *
 * Returns: (transfer full): the bytes read, or %NULL with @error set
 */
GBytes *
jm_document_io_read (GFile         *file,
                     const char    *name,
                     char         **etag,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *read_etag = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: This is a folder, not a journey map."), name);
      return NULL;
    }

  /* A pipe or a device has no size to check and may never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: This is not a file but a pipe or a device."), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > JM_FORMAT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (JM_FORMAT_MAX_FILE_SIZE);

      g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE,
                   _("%s: The file is %s, larger than the %s a journey map may have."),
                   name, size, limit);
      return NULL;
    }

  bytes = jm_document_io_read_bounded (file, &read_etag, cancellable, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (etag != NULL)
    *etag = g_steal_pointer (&read_etag);
  return g_steal_pointer (&bytes);
}

/**
 * jm_document_io_load:
 * @file: a .jmap file
 * @etag: (out) (optional): the etag of what was read, for saving back
 *
 * Reads (see jm_document_io_read ()) and parses @file; messages name it
 * by its file name.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
JmDocument *
jm_document_io_load (GFile         *file,
                     char         **etag,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *loaded_etag = NULL;
  JmDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = jm_document_io_display_name (file);
  bytes = jm_document_io_read (file, name, &loaded_etag, cancellable, error);
  if (bytes == NULL)
    return NULL;

  document = jm_xml_reader_read_bytes (bytes, name, error);
  if (document != NULL && etag != NULL)
    *etag = g_steal_pointer (&loaded_etag);

  return document;
}

/* Saving through a symlink replaces the file it points to, not the link:
 * the link stays, and the write is still atomic. */
static char *
jm_document_io_resolve_target (const char  *path,
                               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *base = NULL;
  char *real_path;

  real_path = realpath (path, NULL);
  if (real_path != NULL)
    return real_path;

  if (errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }

  /* A new file: resolve its folder. A dangling symlink is followed to the
   * file it names. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *link_target = g_file_read_link (path, error);
      g_autofree char *link_dir = g_path_get_dirname (path);

      if (link_target == NULL)
        return NULL;
      if (!g_path_is_absolute (link_target))
        return g_build_filename (link_dir, link_target, NULL);
      return g_steal_pointer (&link_target);
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real_dir = realpath (dir, NULL);
  if (real_dir == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }

  return g_build_filename (real_dir, base, NULL);
}

static gboolean
jm_document_io_check_etag (GFile         *target,
                           const char    *expected_etag,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *etag = NULL;
  g_autoptr(GError) local_error = NULL;

  if (expected_etag == NULL)
    return TRUE;

  etag = jm_document_io_query_etag (target, cancellable, &local_error);
  if (etag == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  if (etag == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (etag, expected_etag) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                           _("The file was changed by another program since it was opened."));
      return FALSE;
    }

  return TRUE;
}

/**
 * jm_document_io_save_bytes:
 * @bytes: serialized document
 * @file: where to save; a local file
 * @expected_etag: (nullable): the etag the file had when it was read, or
 *   %NULL to overwrite whatever is there
 * @new_etag: (out) (optional): the etag of the saved file
 *
 * Saves atomically and durably: a temporary file in the same folder is
 * written and flushed to disk, then renamed over the target, and the
 * folder is flushed. A failure leaves the old file as it was and no
 * temporary file behind. A file replaced keeps its owner, group, mode,
 * extended attributes and hard links; a read-only one is refused with
 * %G_IO_ERROR_PERMISSION_DENIED (see jm_atomic_file_replace()).
 *
 * Returns: %TRUE on success
 */
gboolean
jm_document_io_save_bytes (GBytes        *bytes,
                           GFile         *file,
                           const char    *expected_etag,
                           char         **new_etag,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target_path = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *display_name = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Journey maps can only be saved to local folders."));
      return FALSE;
    }

  target_path = jm_document_io_resolve_target (path, error);
  if (target_path == NULL)
    return FALSE;
  target = g_file_new_for_path (target_path);

  if (!jm_document_io_check_etag (target, expected_etag, cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  display_name = jm_document_io_display_name (file);
  if (!jm_atomic_file_replace (target_path, display_name, data, length, error))
    return FALSE;

  if (new_etag != NULL)
    *new_etag = jm_document_io_query_etag (target, cancellable, NULL);

  return TRUE;
}

/* A picture is written in base64: four characters for three bytes. */
static guint64
base64_size (gsize bytes)
{
  return ((guint64) bytes + 2) / 3 * 4;
}

static gboolean
jm_document_io_check_total (guint64    total,
                            gboolean   growing,
                            GError   **error)
{
  g_autofree char *total_text = NULL;
  g_autofree char *limit_text = NULL;

  if (total <= JM_FORMAT_MAX_FILE_SIZE)
    return TRUE;

  total_text = g_format_size (total);
  limit_text = g_format_size (JM_FORMAT_MAX_FILE_SIZE);
  g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE,
               growing ? _("The map would grow to %s, and a map file holds at most %s.")
                       : _("The map is %s, and a map file holds at most %s. Remove or shrink some pictures."),
               total_text, limit_text);
  return FALSE;
}

/**
 * jm_document_io_check_size:
 *
 * A map file holds at most %JM_FORMAT_MAX_FILE_SIZE bytes, and readers
 * refuse larger ones: a map written larger could not be opened again.
 * Pictures make most of such a map.
 *
 * Returns: %TRUE if a map of @size bytes can be saved; else %FALSE with
 *   @error set
 */
gboolean
jm_document_io_check_size (gsize    size,
                           GError **error)
{
  return jm_document_io_check_total (size, FALSE, error);
}

/**
 * jm_document_io_check_room:
 * @adding: bytes of the pictures about to be added
 * @removing: bytes of the pictures they replace
 *
 * Whether @document can take the pictures and still be saved, see
 * jm_document_io_check_size(). Serializes the map to know: for a
 * designer's action, not for every frame.
 *
 * Returns: %TRUE if it can; else %FALSE with @error set
 */
gboolean
jm_document_io_check_room (JmDocument  *document,
                           gsize        adding,
                           gsize        removing,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 total;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);

  if (adding <= removing)
    return TRUE;

  bytes = jm_xml_writer_write_bytes (document);
  total = g_bytes_get_size (bytes) + base64_size (adding) - MIN (base64_size (removing), g_bytes_get_size (bytes));
  return jm_document_io_check_total (total, TRUE, error);
}

/**
 * jm_document_io_save:
 *
 * Serializes @document and saves it, see jm_document_io_save_bytes().
 */
gboolean
jm_document_io_save (JmDocument    *document,
                     GFile         *file,
                     const char    *expected_etag,
                     char         **new_etag,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);

  bytes = jm_xml_writer_write_bytes (document);
  if (!jm_document_io_check_size (g_bytes_get_size (bytes), error))
    return FALSE;

  return jm_document_io_save_bytes (bytes, file, expected_etag, new_etag, cancellable, error);
}

typedef struct
{
  GBytes *bytes;
  GFile  *file;
  char   *expected_etag;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_clear_object (&save->file);
  g_clear_pointer (&save->expected_etag, g_free);
  g_free (save);
}

static void
jm_document_io_save_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  char *etag = NULL;

  if (!jm_document_io_save_bytes (save->bytes, save->file, save->expected_etag, &etag,
                                  cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, etag, g_free);
}

/**
 * jm_document_io_save_async:
 *
 * Serializes @document now, on the calling thread, so what is saved is the
 * document as it is at this moment; writes it in a worker thread.
 */
void
jm_document_io_save_async (JmDocument          *document,
                           GFile               *file,
                           const char          *expected_etag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *save;

  g_return_if_fail (JM_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  save = g_new0 (SaveData, 1);
  save->bytes = jm_xml_writer_write_bytes (document);
  save->file = g_object_ref (file);
  save->expected_etag = g_strdup (expected_etag);

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, jm_document_io_save_async);
  g_task_set_task_data (task, save, save_data_free);
  if (!jm_document_io_check_size (g_bytes_get_size (save->bytes), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, jm_document_io_save_thread);
}

gboolean
jm_document_io_save_finish (GAsyncResult  *result,
                            char         **new_etag,
                            GError       **error)
{
  g_autofree char *etag = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL) || G_IS_TASK (result), FALSE);

  etag = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&etag);

  return TRUE;
}
