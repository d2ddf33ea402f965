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
 *
 * A map named on the command line can be read before the window exists:
 * jm_map_loader_prefetch() starts reading and laying it out at once, while
 * GTK and libadwaita initialise (a tenth of a second and more), and the
 * window's load of the same file then takes what the prefetch made.
 */

#define G_LOG_DOMAIN "jm-session"

#include "config.h"

#include "jm-map-loader.h"

#include <string.h>

#include <libxml/parser.h>

#include "commands/jm-edit.h"
#include "interop/jm-interop.h"
#include "io/jm-document-io.h"

typedef struct
{
  JmLayout  *layout;
  char      *etag;
  gboolean   imported;  /* another tool's file, made into a new map */
  GPtrArray *notes;     /* what the import read differently, or NULL */
} LoadResult;

/* A read started early, shared by its thread and the load that claims it. */
typedef struct
{
  gatomicrefcount  ref_count;
  GFile           *file;
  JmLayerMode      mode;
  GCancellable    *cancellable;
  GMutex           mutex;
  GCond            cond;
  gboolean         done;
  LoadResult      *result;
  GError          *error;
} Prefetch;

typedef struct
{
  GFile       *file;
  JmLayerMode  mode;
  Prefetch    *prefetch;   /* claimed, or NULL: read the file */
  gboolean     imported;   /* set by load_finish from the result */
  GPtrArray   *notes;
} LoadRequest;

/* Prefetches not claimed yet. */
static GMutex prefetches_mutex;
static GPtrArray *prefetches;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->layout);
  g_clear_pointer (&result->etag, g_free);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result);
}

static Prefetch *
prefetch_ref (Prefetch *prefetch)
{
  g_atomic_ref_count_inc (&prefetch->ref_count);
  return prefetch;
}

static void
prefetch_unref (Prefetch *prefetch)
{
  if (!g_atomic_ref_count_dec (&prefetch->ref_count))
    return;

  g_clear_object (&prefetch->file);
  g_clear_object (&prefetch->cancellable);
  g_clear_pointer (&prefetch->result, load_result_free);
  g_clear_error (&prefetch->error);
  g_mutex_clear (&prefetch->mutex);
  g_cond_clear (&prefetch->cond);
  g_free (prefetch);
}

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_clear_object (&request->file);
  g_clear_pointer (&request->prefetch, prefetch_unref);
  g_clear_pointer (&request->notes, g_ptr_array_unref);
  g_free (request);
}

static gboolean
jm_map_loader_is_untitled (JmDocument *document)
{
  const char *title = jm_document_get_title (document);

  return title == NULL || title[0] == '\0';
}

/* Reads @file and lays it out, in the calling thread. */
static LoadResult *
load_and_lay_out (GFile         *file,
                  JmLayerMode    mode,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *name = g_file_get_basename (file);
  JmInteropReadFunc import = name != NULL ? jm_interop_reader_for_name (name) : NULL;
  LoadResult *result;

  if (import != NULL)
    {
      /* A Mermaid diagram or a spreadsheet becomes a new map, read
       * through the same bounded reading as a map file. */
      g_autofree char *path = g_file_get_parse_name (file);
      g_autoptr(GBytes) bytes = jm_document_io_read (file, path, NULL, cancellable, error);

      if (bytes != NULL)
        document = import (bytes, path, &notes, error);
      if (document != NULL && jm_map_loader_is_untitled (document))
        {
          /* Named after its file, as Save As will suggest it; through a
           * command, the one way a map changes, on a history of its own
           * that the session does not take. */
          g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
          g_autofree char *title = g_strdup (name);
          char *dot = strrchr (title, '.');

          if (dot != NULL && dot != title)
            *dot = '\0';
          jm_edit_set_string (stack, document, "title", title, 0, NULL);
        }
    }
  else
    document = jm_document_io_load (file, &etag, cancellable, error);
  /* Cancelled meanwhile (the window closed, another map was opened): the
   * layout, most of the work for a large map, is not needed. */
  if (document == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result = g_new0 (LoadResult, 1);
  result->layout = jm_layout_new_in_worker (document, mode);
  result->etag = g_steal_pointer (&etag);
  result->imported = import != NULL;
  result->notes = g_steal_pointer (&notes);
  return result;
}

/* Waits for a claimed prefetch to end, or for @cancellable; the result is
 * then the caller's. */
static LoadResult *
prefetch_wait (Prefetch      *prefetch,
               GCancellable  *cancellable,
               GError       **error)
{
  LoadResult *result;

  g_mutex_lock (&prefetch->mutex);
  while (!prefetch->done && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&prefetch->cond, &prefetch->mutex, g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND);
  if (!prefetch->done)
    {
      g_mutex_unlock (&prefetch->mutex);
      g_cancellable_cancel (prefetch->cancellable);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  result = g_steal_pointer (&prefetch->result);
  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&prefetch->error));
  g_mutex_unlock (&prefetch->mutex);

  return result;
}

static void
jm_map_loader_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  GError *error = NULL;
  LoadResult *result;

  if (request->prefetch != NULL)
    result = prefetch_wait (request->prefetch, cancellable, &error);
  else
    result = load_and_lay_out (request->file, request->mode, cancellable, &error);

  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A prefetch guessed the layer the window shows; it may show another. */
  jm_layout_set_mode (result->layout, request->mode);
  g_task_return_pointer (task, result, load_result_free);
}

static gpointer
prefetch_thread (gpointer data)
{
  Prefetch *prefetch = data;
  GError *error = NULL;
  LoadResult *result = load_and_lay_out (prefetch->file, prefetch->mode, prefetch->cancellable, &error);

  g_mutex_lock (&prefetch->mutex);
  prefetch->result = result;
  prefetch->error = error;
  prefetch->done = TRUE;
  g_cond_broadcast (&prefetch->cond);
  g_mutex_unlock (&prefetch->mutex);

  prefetch_unref (prefetch);
  return NULL;
}

/* The unclaimed prefetch of @file, now the caller's, or %NULL. */
static Prefetch *
jm_map_loader_claim_prefetch (GFile *file)
{
  Prefetch *claimed = NULL;

  g_mutex_lock (&prefetches_mutex);
  for (guint i = 0; prefetches != NULL && i < prefetches->len; i++)
    {
      Prefetch *prefetch = prefetches->pdata[i];

      if (g_file_equal (prefetch->file, file))
        {
          claimed = g_ptr_array_steal_index (prefetches, i);
          break;
        }
    }
  g_mutex_unlock (&prefetches_mutex);

  return claimed;
}

/**
 * jm_map_loader_prefetch:
 * @file: a map the app is about to open
 * @mode: the layer mode it will most likely be shown in
 *
 * Starts reading @file and laying it out in a thread of its own, before
 * anything asks for it: the next jm_map_loader_load_async() of the same
 * file takes the result (laid out again if it asks for another mode).
 * What is never claimed is dropped by jm_map_loader_drop_prefetches().
 */
void
jm_map_loader_prefetch (GFile       *file,
                        JmLayerMode  mode)
{
  Prefetch *prefetch;

  g_return_if_fail (G_IS_FILE (file));

  /* libxml2 2.9 sets up its globals on first use, not safely from two
   * threads at once: GTK's main thread may meet it too, through librsvg. */
  xmlInitParser ();

  prefetch = g_new0 (Prefetch, 1);
  g_atomic_ref_count_init (&prefetch->ref_count);
  prefetch->file = g_object_ref (file);
  prefetch->mode = mode;
  prefetch->cancellable = g_cancellable_new ();
  g_mutex_init (&prefetch->mutex);
  g_cond_init (&prefetch->cond);

  g_mutex_lock (&prefetches_mutex);
  if (prefetches == NULL)
    prefetches = g_ptr_array_new_with_free_func ((GDestroyNotify) prefetch_unref);
  g_ptr_array_add (prefetches, prefetch);
  g_mutex_unlock (&prefetches_mutex);

  g_thread_unref (g_thread_new ("jm-prefetch", prefetch_thread, prefetch_ref (prefetch)));
}

/* For tests: waits until every prefetch not claimed yet has ended. */
void
_jm_map_loader_wait_prefetches (void)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) prefetch_unref);

  g_mutex_lock (&prefetches_mutex);
  for (guint i = 0; prefetches != NULL && i < prefetches->len; i++)
    g_ptr_array_add (waiting, prefetch_ref (prefetches->pdata[i]));
  g_mutex_unlock (&prefetches_mutex);

  for (guint i = 0; i < waiting->len; i++)
    {
      Prefetch *prefetch = waiting->pdata[i];

      g_mutex_lock (&prefetch->mutex);
      while (!prefetch->done)
        g_cond_wait (&prefetch->cond, &prefetch->mutex);
      g_mutex_unlock (&prefetch->mutex);
    }
}

/**
 * jm_map_loader_drop_prefetches:
 *
 * Stops and forgets the prefetches no load has claimed: once the files
 * named on the command line are opened, the others will not be.
 */
void
jm_map_loader_drop_prefetches (void)
{
  g_autoptr(GPtrArray) dropped = NULL;

  g_mutex_lock (&prefetches_mutex);
  dropped = g_steal_pointer (&prefetches);
  g_mutex_unlock (&prefetches_mutex);

  for (guint i = 0; dropped != NULL && i < dropped->len; i++)
    g_cancellable_cancel (((Prefetch *) dropped->pdata[i])->cancellable);
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

  xmlInitParser ();

  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  request->mode = mode;
  request->prefetch = jm_map_loader_claim_prefetch (file);

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
  {
    LoadRequest *request = g_task_get_task_data (G_TASK (result));

    request->imported = load->imported;
    g_clear_pointer (&request->notes, g_ptr_array_unref);
    request->notes = g_steal_pointer (&load->notes);
  }
  load_result_free (load);

  return layout;
}

/**
 * jm_map_loader_get_imported:
 * @notes: (out) (optional) (transfer none) (element-type utf8): what the
 *   import read differently from the other tool, as FILE:LINE: lines
 *
 * After jm_map_loader_load_finish(): whether the file was another tool's
 * (a Mermaid diagram, a spreadsheet), made into a new map that is not
 * saved anywhere yet.
 */
gboolean
jm_map_loader_get_imported (GAsyncResult  *result,
                            GPtrArray    **notes)
{
  LoadRequest *request;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  request = g_task_get_task_data (G_TASK (result));
  if (notes != NULL)
    *notes = request->notes;
  return request->imported;
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
