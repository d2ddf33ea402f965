/* jm-map-loader.c: reading a map and laying it out, off the main thread
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a map reads the file and then lays the map out, which measures
 * the text of every card with Pango: a few milliseconds for a small map,
 * a second for a giant one. Both happen in a worker thread, so that the
 * window builds itself meanwhile and stays responsive, and the map's
 * first frame only draws.
 */

#define G_LOG_DOMAIN "jm-session"

#include "config.h"

#include "jm-map-loader.h"

#include "io/jm-document-io.h"

typedef struct
{
  GFile       *file;
  JmLayerMode  mode;
} LoadRequest;

typedef struct
{
  JmLayout *layout;
  char     *etag;
} LoadResult;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_clear_object (&request->file);
  g_free (request);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->layout);
  g_clear_pointer (&result->etag, g_free);
  g_free (result);
}

static void
jm_map_loader_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(JmDocument) document = NULL;
  g_autofree char *etag = NULL;
  GError *error = NULL;
  LoadResult *result;

  document = jm_document_io_load (request->file, &etag, cancellable, &error);
  /* Cancelled meanwhile (the window closed, another map was opened): the
   * layout, most of the work for a large map, is not needed. */
  if (document == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->layout = jm_layout_new_in_worker (document, request->mode);
  result->etag = g_steal_pointer (&etag);
  g_task_return_pointer (task, result, load_result_free);
}

/**
 * jm_map_loader_load_async:
 * @mode: the layer mode the map will be shown in
 *
 * Reads @file and lays its map out in a worker thread; the layout, and
 * the document with it, are handed to the thread of the callback, which
 * owns them from then on.
 */
void
jm_map_loader_load_async (GFile               *file,
                          JmLayerMode          mode,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  request->mode = mode;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jm_map_loader_load_async);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, jm_map_loader_thread);
}

/**
 * jm_map_loader_load_finish:
 * @etag: (out) (optional): the entity tag of the file as it was read
 *
 * Returns: (transfer full) (nullable): the layout of the map read, whose
 *   document is the map, or %NULL with @error set
 */
JmLayout *
jm_map_loader_load_finish (GAsyncResult  *result,
                           char         **etag,
                           GError       **error)
{
  LoadResult *load;
  JmLayout *layout;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jm_map_loader_load_async, NULL);

  load = g_task_propagate_pointer (G_TASK (result), error);
  if (load == NULL)
    return NULL;

  layout = g_steal_pointer (&load->layout);
  if (etag != NULL)
    *etag = g_steal_pointer (&load->etag);
  load_result_free (load);

  return layout;
}

/**
 * jm_map_loader_get_file:
 *
 * Returns: (transfer none): the file a load was started for
 */
GFile *
jm_map_loader_get_file (GAsyncResult *result)
{
  LoadRequest *request;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  request = g_task_get_task_data (G_TASK (result));
  return request->file;
}
