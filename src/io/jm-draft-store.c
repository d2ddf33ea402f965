/* jm-draft-store.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-io"

#include "config.h"

#include "jm-draft-store.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "format/jm-xml-writer.h"
#include "jm-document-io.h"

/* Unsaved work is copied, a few seconds after each change, into a folder
 * of the app's own ($XDG_DATA_HOME/APP_ID/drafts), never beside the
 * user's file: one <id>.jmap per window, written like any save (temp
 * file, flush, rename), and an index, drafts.gvariant, that says which
 * file and title each draft belongs to. After a crash, the next start
 * finds them there. */

#define JM_DRAFT_INDEX "drafts.gvariant"
#define JM_DRAFT_INDEX_VERSION 1

struct _JmDraftStore
{
  GObject      parent_instance;

  char        *directory;

  /* Copies queued by jm_draft_store_save_async (), written by one thread
   * in the order they were queued; `pending` counts those not written
   * yet, under `lock`. */
  GThreadPool *writer;
  GMutex       lock;
  GCond        written;
  guint        pending;
};

G_DEFINE_FINAL_TYPE (JmDraftStore, jm_draft_store, G_TYPE_OBJECT)

void
jm_draft_free (JmDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->id);
  g_free (draft->uri);
  g_free (draft->title);
  g_clear_object (&draft->document);
  g_free (draft);
}

static char *
jm_draft_store_path (JmDraftStore *self,
                     const char   *name)
{
  return g_build_filename (self->directory, name, NULL);
}

static char *
jm_draft_store_draft_path (JmDraftStore *self,
                           const char   *id)
{
  g_autofree char *name = g_strconcat (id, ".jmap", NULL);

  return jm_draft_store_path (self, name);
}

/* Draft ids name files: only what g_uuid_string_random () makes. */
static gboolean
jm_draft_id_is_valid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

static GPtrArray *
jm_draft_store_read_index (JmDraftStore *self)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_draft_free);
  g_autofree char *path = jm_draft_store_path (self, JM_DRAFT_INDEX);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) raw = NULL;
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *id, *uri, *title;
  gint64 modified;
  guint32 version;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return drafts;

  /* The file may be damaged: its normal form is a copy that is safe to
   * read whatever the bytes were. */
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  raw = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
  index = g_variant_get_normal_form (raw);
  if (!g_variant_lookup (index, "version", "u", &version) || version != JM_DRAFT_INDEX_VERSION)
    return drafts;

  list = g_variant_lookup_value (index, "drafts", G_VARIANT_TYPE ("a(sssx)"));
  if (list == NULL)
    return drafts;

  iter = g_variant_iter_new (list);
  while (g_variant_iter_next (iter, "(&s&s&sx)", &id, &uri, &title, &modified))
    {
      JmDraft *draft;

      if (!jm_draft_id_is_valid (id))
        continue;

      draft = g_new0 (JmDraft, 1);
      draft->id = g_strdup (id);
      draft->uri = *uri != '\0' ? g_strdup (uri) : NULL;
      draft->title = g_strdup (title);
      draft->modified = modified;
      g_ptr_array_add (drafts, draft);
    }

  return drafts;
}

static gboolean
jm_draft_store_write_index (JmDraftStore  *self,
                            GPtrArray     *drafts,
                            GError       **error)
{
  g_autofree char *path = jm_draft_store_path (self, JM_DRAFT_INDEX);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GVariantBuilder list, dict;

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a(sssx)"));
  for (guint i = 0; i < drafts->len; i++)
    {
      JmDraft *draft = drafts->pdata[i];

      g_variant_builder_add (&list, "(sssx)", draft->id, draft->uri ? draft->uri : "",
                             draft->title ? draft->title : "", draft->modified);
    }

  g_variant_builder_init (&dict, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&dict, "{sv}", "version", g_variant_new_uint32 (JM_DRAFT_INDEX_VERSION));
  g_variant_builder_add (&dict, "{sv}", "drafts", g_variant_builder_end (&list));
  index = g_variant_ref_sink (g_variant_builder_end (&dict));
  bytes = g_variant_get_data_as_bytes (index);

  return jm_document_io_save_bytes (bytes, file, NULL, NULL, NULL, error);
}

static void
jm_draft_store_finalize (GObject *object)
{
  JmDraftStore *self = JM_DRAFT_STORE (object);

  /* Copies still queued are written first: the app is ending, and its
   * last changes must survive it. */
  if (self->writer != NULL)
    g_thread_pool_free (self->writer, FALSE, TRUE);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->written);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (jm_draft_store_parent_class)->finalize (object);
}

static void
jm_draft_store_class_init (JmDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jm_draft_store_finalize;
}

static void
jm_draft_store_init (JmDraftStore *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->written);
}

/**
 * jm_draft_store_new:
 * @directory: (nullable): where drafts go; %NULL for the user's data
 *   folder of the app
 *
 * Returns: (transfer full): the store
 */
JmDraftStore *
jm_draft_store_new (const char *directory)
{
  JmDraftStore *self = g_object_new (JM_TYPE_DRAFT_STORE, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);

  return self;
}

const char *
jm_draft_store_get_directory (JmDraftStore *self)
{
  g_return_val_if_fail (JM_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

char *
jm_draft_store_new_id (void)
{
  return g_uuid_string_random ();
}

/* A recovery copy as it was asked for: the text of the map and what the
 * index says of it, taken on the thread that asked. */
typedef struct
{
  char   *id;
  char   *uri;
  char   *title;
  GBytes *bytes;
} DraftCopy;

static DraftCopy *
draft_copy_new (const char *id,
                JmDocument *document,
                GFile      *file)
{
  DraftCopy *copy = g_new0 (DraftCopy, 1);

  copy->id = g_strdup (id);
  copy->uri = file != NULL ? g_file_get_uri (file) : NULL;
  copy->title = g_strdup (jm_document_get_title (document));
  copy->bytes = jm_xml_writer_write_bytes (document);

  return copy;
}

/* A job of the writer's queue with no text: the draft is to be removed. */
static DraftCopy *
draft_removal_new (const char *id)
{
  DraftCopy *removal = g_new0 (DraftCopy, 1);

  removal->id = g_strdup (id);
  return removal;
}

static void
draft_copy_free (DraftCopy *copy)
{
  g_free (copy->id);
  g_free (copy->uri);
  g_free (copy->title);
  g_clear_pointer (&copy->bytes, g_bytes_unref);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftCopy, draft_copy_free)

static gboolean
jm_draft_store_write_copy (JmDraftStore  *self,
                           DraftCopy     *copy,
                           GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  JmDraft *draft = NULL;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* One too large to read back would only be refused after a crash. */
  if (!jm_document_io_check_size (g_bytes_get_size (copy->bytes), error))
    return FALSE;

  path = jm_draft_store_draft_path (self, copy->id);
  draft_file = g_file_new_for_path (path);
  if (!jm_document_io_save_bytes (copy->bytes, draft_file, NULL, NULL, NULL, error))
    return FALSE;

  drafts = jm_draft_store_read_index (self);
  for (guint i = 0; i < drafts->len && draft == NULL; i++)
    {
      if (g_str_equal (((JmDraft *) drafts->pdata[i])->id, copy->id))
        draft = drafts->pdata[i];
    }
  if (draft == NULL)
    {
      draft = g_new0 (JmDraft, 1);
      draft->id = g_strdup (copy->id);
      g_ptr_array_add (drafts, draft);
    }

  g_free (draft->uri);
  draft->uri = g_strdup (copy->uri);
  g_free (draft->title);
  draft->title = g_strdup (copy->title);
  draft->modified = g_get_real_time () / G_USEC_PER_SEC;

  return jm_draft_store_write_index (self, drafts, error);
}

/**
 * jm_draft_store_save:
 * @id: the draft's id, from jm_draft_store_new_id ()
 * @file: (nullable): the map's own file, if it has one
 *
 * Writes a recovery copy of @document and records it in the index, after
 * the copies still queued.
 *
 * Returns: %TRUE on success
 */
gboolean
jm_draft_store_save (JmDraftStore  *self,
                     const char    *id,
                     JmDocument    *document,
                     GFile         *file,
                     GError       **error)
{
  g_autoptr(DraftCopy) copy = NULL;

  g_return_val_if_fail (JM_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (jm_draft_id_is_valid (id), FALSE);
  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);

  jm_draft_store_flush (self);
  copy = draft_copy_new (id, document, file);

  return jm_draft_store_write_copy (self, copy, error);
}

/* Takes the draft out of the index and deletes its copy. */
static void
jm_draft_store_forget (JmDraftStore *self,
                       const char   *id)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  drafts = jm_draft_store_read_index (self);
  for (guint i = 0; i < drafts->len; i++)
    {
      if (g_str_equal (((JmDraft *) drafts->pdata[i])->id, id))
        {
          g_ptr_array_remove_index (drafts, i);
          found = TRUE;
          break;
        }
    }

  if (found && !jm_draft_store_write_index (self, drafts, &error))
    g_debug ("Could not update the drafts index: %s", error->message);

  path = jm_draft_store_draft_path (self, id);
  g_unlink (path);
}

static void
jm_draft_store_write_queued (gpointer data,
                             gpointer user_data)
{
  g_autoptr(DraftCopy) copy = data;
  JmDraftStore *self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed recovery copy is no reason to interrupt the designer: the
   * next change tries again. */
  if (copy->bytes == NULL)
    jm_draft_store_forget (self, copy->id);
  else if (!jm_draft_store_write_copy (self, copy, &error))
    g_debug ("Could not write the recovery copy: %s", error->message);

  g_mutex_lock (&self->lock);
  if (--self->pending == 0)
    g_cond_broadcast (&self->written);
  g_mutex_unlock (&self->lock);
}

static void
jm_draft_store_queue (JmDraftStore *self,
                      DraftCopy    *job)
{
  g_mutex_lock (&self->lock);
  self->pending++;
  g_mutex_unlock (&self->lock);
  g_thread_pool_push (self->writer, job, NULL);
}

/**
 * jm_draft_store_save_async:
 * @id: the draft's id, from jm_draft_store_new_id ()
 * @file: (nullable): the map's own file, if it has one
 *
 * Copies @document as it is now, on the calling thread, and writes the
 * copy in a worker thread: writing and flushing it to disk can take long
 * on a busy disk, and the window must not wait for it. Copies are written
 * in the order they were queued; errors are only logged, as the next
 * change tries again.
 */
void
jm_draft_store_save_async (JmDraftStore *self,
                           const char   *id,
                           JmDocument   *document,
                           GFile        *file)
{
  g_autoptr(DraftCopy) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JM_IS_DRAFT_STORE (self));
  g_return_if_fail (jm_draft_id_is_valid (id));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  copy = draft_copy_new (id, document, file);

  /* One thread of its own, made with the first copy: its queue keeps the
   * copies in order. Without it, the copy is written here. */
  if (self->writer == NULL)
    self->writer = g_thread_pool_new (jm_draft_store_write_queued, self, 1, TRUE, &error);
  if (self->writer == NULL)
    {
      g_debug ("No thread for recovery copies: %s", error->message);
      g_clear_error (&error);
      if (!jm_draft_store_write_copy (self, copy, &error))
        g_debug ("Could not write the recovery copy: %s", error->message);
      return;
    }

  jm_draft_store_queue (self, g_steal_pointer (&copy));
}

/**
 * jm_draft_store_flush:
 *
 * Waits until the copies queued by jm_draft_store_save_async () are
 * written.
 */
void
jm_draft_store_flush (JmDraftStore *self)
{
  g_return_if_fail (JM_IS_DRAFT_STORE (self));

  g_mutex_lock (&self->lock);
  while (self->pending > 0)
    g_cond_wait (&self->written, &self->lock);
  g_mutex_unlock (&self->lock);
}

/**
 * jm_draft_store_remove:
 *
 * Forgets a draft: after a save, a discard, or an undo back to the saved
 * state. With copies being written, the removal is queued after them (a
 * copy written after it would bring the draft back), and the caller does
 * not wait for a slow disk.
 */
void
jm_draft_store_remove (JmDraftStore *self,
                       const char   *id)
{
  g_return_if_fail (JM_IS_DRAFT_STORE (self));

  if (!jm_draft_id_is_valid (id))
    return;

  if (self->writer == NULL)
    {
      jm_draft_store_forget (self, id);
      return;
    }

  jm_draft_store_queue (self, draft_removal_new (id));
}

/**
 * jm_draft_store_list:
 *
 * Returns: (transfer container) (element-type JmDraft): the drafts whose
 *   copy exists, oldest first
 */
GPtrArray *
jm_draft_store_list (JmDraftStore *self)
{
  GPtrArray *drafts;

  g_return_val_if_fail (JM_IS_DRAFT_STORE (self), NULL);

  jm_draft_store_flush (self);
  drafts = jm_draft_store_read_index (self);
  for (guint i = drafts->len; i > 0; i--)
    {
      g_autofree char *path = jm_draft_store_draft_path (self, ((JmDraft *) drafts->pdata[i - 1])->id);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_remove_index (drafts, i - 1);
    }

  return drafts;
}

/**
 * jm_draft_store_load:
 *
 * Returns: (transfer full): the document of a draft, or %NULL with @error
 */
JmDocument *
jm_draft_store_load (JmDraftStore  *self,
                     const char    *id,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (JM_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (jm_draft_id_is_valid (id), NULL);

  jm_draft_store_flush (self);
  path = jm_draft_store_draft_path (self, id);
  file = g_file_new_for_path (path);

  return jm_document_io_load (file, NULL, NULL, error);
}

/**
 * jm_draft_store_load_restorable:
 *
 * Reads every draft there is, for the app to offer them back after a
 * crash. A draft that cannot be read (damaged by the crash, say) is left
 * out, and the others are still read: one bad copy must not cost the
 * work of the other windows.
 *
 * Returns: (transfer container) (element-type JmDraft): the drafts that
 *   could be read, oldest first, each with its @document
 */
GPtrArray *
jm_draft_store_load_restorable (JmDraftStore *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GPtrArray *restorable;

  g_return_val_if_fail (JM_IS_DRAFT_STORE (self), NULL);

  drafts = jm_draft_store_list (self);
  restorable = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_draft_free);
  for (guint i = 0; i < drafts->len; i++)
    {
      JmDraft *draft = drafts->pdata[i];
      g_autoptr(GError) error = NULL;

      draft->document = jm_draft_store_load (self, draft->id, &error);
      if (draft->document == NULL)
        {
          g_debug ("Could not restore draft %s: %s", draft->id, error->message);
          continue;
        }

      /* Moved, not copied: the list frees what is left in it. */
      g_ptr_array_add (restorable, g_steal_pointer (&drafts->pdata[i]));
    }

  return restorable;
}
