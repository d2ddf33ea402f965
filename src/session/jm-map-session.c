/* jm-map-session.c: one open map, its file, history and recovery copy
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a window shows is one session: the map, the file it came from and
 * the etag it had then (to tell a file changed on disk before saving over
 * it), the undo history, and the recovery copy of unsaved changes, written
 * a few seconds after the last edit. None of it needs a display, so all of
 * it is tested without one; the window only shows it.
 */

#define G_LOG_DOMAIN "jm-session"

#include "config.h"

#include "jm-map-session.h"

#include <glib/gi18n-lib.h>

#include "io/jm-document-io.h"
#include "jm-map-loader.h"

struct _JmMapSession
{
  GObject         parent_instance;

  JmDraftStore   *drafts;
  JmDocument     *document;
  GFile          *file;
  char           *etag;
  JmCommandStack *stack;
  char           *title;
  gboolean        modified;
  GPtrArray      *import_notes;  /* of the last map loaded, if imported */

  /* A map being read into the session; it replaces what it shows. */
  GCancellable   *load_cancellable;

  /* The recovery copy of unsaved changes (see JmDraftStore). */
  char           *draft_id;
  guint           autosave_id;
  guint           autosave_delay;
};

G_DEFINE_FINAL_TYPE (JmMapSession, jm_map_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DRAFTS,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_STACK,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_LOADING,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

enum {
  CHANGED,
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The map's title, or its file's name, or that it has none yet. */
static void
jm_map_session_update_title (JmMapSession *self)
{
  g_autofree char *basename = NULL;
  const char *title = NULL;

  if (self->document != NULL)
    {
      title = jm_document_get_title (self->document);
      if (title == NULL || *title == '\0')
        {
          basename = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("Not saved yet"));
          title = basename;
        }
    }

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

static void
jm_map_session_update_modified (JmMapSession *self)
{
  gboolean modified = self->stack != NULL && jm_command_stack_get_modified (self->stack);

  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

static gboolean
jm_map_session_autosave_cb (gpointer user_data)
{
  JmMapSession *self = user_data;

  self->autosave_id = 0;
  if (self->drafts == NULL || self->document == NULL || !jm_command_stack_get_modified (self->stack))
    return G_SOURCE_REMOVE;

  if (self->draft_id == NULL)
    self->draft_id = jm_draft_store_new_id ();

  jm_draft_store_save_async (self->drafts, self->draft_id, self->document, self->file);

  return G_SOURCE_REMOVE;
}

static void
on_stack_changed_cb (JmMapSession   *self,
                     JmCommandStack *stack)
{
  jm_map_session_update_title (self);
  jm_map_session_update_modified (self);

  /* A recovery copy a few seconds after the last change; none when the
   * map is as it was saved. */
  if (!jm_command_stack_get_modified (stack))
    jm_map_session_forget_draft (self);
  else
    {
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      self->autosave_id = g_timeout_add_seconds (self->autosave_delay, jm_map_session_autosave_cb, self);
    }

  g_signal_emit (self, signals [CHANGED], 0);
}

/* Shows @document with a new, clean history, and no recovery copy. */
static void
jm_map_session_replace (JmMapSession *self,
                        JmDocument   *document,
                        GFile        *file,
                        const char   *etag)
{
  gboolean had_file = self->file != NULL;

  /* A map being read would replace this one. */
  jm_map_session_cancel_load (self);

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  jm_map_session_forget_draft (self);
  g_clear_pointer (&self->draft_id, g_free);
  g_free (self->etag);
  self->etag = g_strdup (etag);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
  if (g_set_object (&self->file, file) || (had_file && file == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);

  g_clear_object (&self->stack);
  self->stack = jm_command_stack_new (document);
  g_signal_connect_object (self->stack, "changed", G_CALLBACK (on_stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STACK]);

  jm_map_session_update_title (self);
  jm_map_session_update_modified (self);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals [CHANGED], 0);
}

static void
jm_map_session_set_loading (JmMapSession *self,
                            GCancellable *cancellable)
{
  gboolean was_loading = self->load_cancellable != NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = cancellable;

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

/* The session a load is for, which the load does not keep. */
static JmMapSession *
take_session_ref (gpointer data)
{
  GWeakRef *session_ref = data;
  JmMapSession *session = g_weak_ref_get (session_ref);

  g_weak_ref_clear (session_ref);
  g_free (session_ref);
  return session;
}

/* The load holds the session weakly: a session dropped while it reads a
 * map goes at once, and cancels the read. */
static void
jm_map_session_load_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(JmMapSession) self = take_session_ref (user_data);
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  GPtrArray *notes = NULL;

  layout = jm_map_loader_load_finish (result, &etag, &error);
  /* Gone, or cancelled: another map was opened into the session since,
   * or the load was stopped, and nobody waits for this one. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  jm_map_session_set_loading (self, NULL);
  if (layout == NULL)
    {
      g_signal_emit (self, signals [LOADED], 0, NULL, error);
      return;
    }

  g_clear_pointer (&self->import_notes, g_ptr_array_unref);
  if (jm_map_loader_get_imported (result, &notes))
    {
      /* Another tool's file made into a map: a new map, not saved
       * anywhere yet, that Save asks a name for and closing asks
       * about. */
      jm_map_session_replace (self, jm_layout_get_document (layout), NULL, NULL);
      jm_command_stack_mark_clean_at (self->stack, G_MAXUINT);
      self->import_notes = notes != NULL ? g_ptr_array_ref (notes) : g_ptr_array_new_with_free_func (g_free);
    }
  else
    jm_map_session_replace (self, jm_layout_get_document (layout), jm_map_loader_get_file (result), etag);
  g_signal_emit (self, signals [LOADED], 0, layout, NULL);
}

static void
jm_map_session_save_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JmMapSession *self = g_task_get_source_object (task);
  guint position = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  if (!jm_document_io_save_finish (result, &etag, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  /* What was written is the state when the save began. */
  if (self->stack != NULL)
    jm_command_stack_mark_clean_at (self->stack, position);
  g_task_return_boolean (task, TRUE);
}

static void
jm_map_session_dispose (GObject *object)
{
  JmMapSession *self = JM_MAP_SESSION (object);

  jm_map_session_set_loading (self, NULL);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (jm_map_session_parent_class)->dispose (object);
}

static void
jm_map_session_finalize (GObject *object)
{
  JmMapSession *self = JM_MAP_SESSION (object);

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->import_notes, g_ptr_array_unref);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (jm_map_session_parent_class)->finalize (object);
}

static void
jm_map_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JmMapSession *self = JM_MAP_SESSION (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, jm_map_session_get_loading (self));
      break;

    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_map_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JmMapSession *self = JM_MAP_SESSION (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;

    case PROP_AUTOSAVE_DELAY:
      jm_map_session_set_autosave_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_map_session_class_init (JmMapSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_map_session_dispose;
  object_class->finalize = jm_map_session_finalize;
  object_class->get_property = jm_map_session_get_property;
  object_class->set_property = jm_map_session_set_property;

  properties [PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, JM_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JM_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, JM_TYPE_COMMAND_STACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JmMapSession::changed:
   *
   * The history changed (an edit, an undo or redo, a save that marked it
   * clean) or was replaced with the map.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * JmMapSession::loaded:
   * @layout: (nullable): the map read, laid out, now the session's
   * @error: (nullable): why it could not be read
   *
   * A load finished: the session shows the map read, or, on @error, still
   * what it showed before. A cancelled load ends without this signal.
   */
  signals [LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, JM_TYPE_LAYOUT, G_TYPE_ERROR);
}

static void
jm_map_session_init (JmMapSession *self)
{
  self->autosave_delay = 5;
}

/**
 * jm_map_session_new:
 * @drafts: (nullable): where recovery copies go; none are written without
 *
 * Returns: (transfer full): a session with no map yet
 */
JmMapSession *
jm_map_session_new (JmDraftStore *drafts)
{
  g_return_val_if_fail (drafts == NULL || JM_IS_DRAFT_STORE (drafts), NULL);

  return g_object_new (JM_TYPE_MAP_SESSION, "drafts", drafts, NULL);
}

/**
 * jm_map_session_get_drafts:
 *
 * Returns: (transfer none) (nullable): where the recovery copies go
 */
JmDraftStore *
jm_map_session_get_drafts (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->drafts;
}

/**
 * jm_map_session_get_document:
 *
 * Returns: (transfer none) (nullable): the map, if any
 */
JmDocument *
jm_map_session_get_document (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->document;
}

/**
 * jm_map_session_get_file:
 *
 * Returns: (transfer none) (nullable): the map's file, if it has one
 */
GFile *
jm_map_session_get_file (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->file;
}

/**
 * jm_map_session_get_stack:
 *
 * Returns: (transfer none) (nullable): the map's undo history
 */
JmCommandStack *
jm_map_session_get_stack (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->stack;
}

/**
 * jm_map_session_get_title:
 *
 * Returns: (nullable): the map's title, else its file's name, else
 *   "Not saved yet"; %NULL without a map
 */
const char *
jm_map_session_get_title (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->title;
}

/**
 * jm_map_session_get_import_notes:
 *
 * Returns: (transfer none) (nullable) (element-type utf8): when the last
 *   map loaded was another tool's file (a Mermaid diagram, a
 *   spreadsheet), what its import read differently, as FILE:LINE: lines
 *   (maybe none); %NULL when it was a map file
 */
GPtrArray *
jm_map_session_get_import_notes (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->import_notes;
}

/**
 * jm_map_session_get_modified:
 *
 * Returns: whether the history is away from the point the map was saved
 *   or read at
 */
gboolean
jm_map_session_get_modified (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), FALSE);

  return self->modified;
}

gboolean
jm_map_session_get_loading (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), FALSE);

  return self->load_cancellable != NULL;
}

/**
 * jm_map_session_get_draft_id:
 *
 * Returns: (nullable): the recovery copy the changes go to, once written
 *   or when restored from one
 */
const char *
jm_map_session_get_draft_id (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), NULL);

  return self->draft_id;
}

guint
jm_map_session_get_autosave_delay (JmMapSession *self)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), 0);

  return self->autosave_delay;
}

/**
 * jm_map_session_set_autosave_delay:
 * @seconds: how long after the last change the recovery copy is written
 */
void
jm_map_session_set_autosave_delay (JmMapSession *self,
                                   guint         seconds)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));

  if (self->autosave_delay == seconds)
    return;

  self->autosave_delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTOSAVE_DELAY]);
}

/**
 * jm_map_session_set_document:
 * @file: (nullable): the file @document was read from
 * @etag: (nullable): the file's etag when it was read
 *
 * Makes @document the session's map, with a new, clean history; a load
 * in flight is cancelled, and the recovery copy of the map before is
 * forgotten.
 */
void
jm_map_session_set_document (JmMapSession *self,
                             JmDocument   *document,
                             GFile        *file,
                             const char   *etag)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  jm_map_session_replace (self, document, file, etag);
}

/**
 * jm_map_session_restore_draft:
 * @document: the map recovered after a crash
 * @file: (nullable): the file it belongs to
 * @draft_id: the draft it came from, which further changes update
 *
 * Makes the recovered map the session's, as unsaved changes: modified
 * until saved, since it is not what is on disk.
 */
void
jm_map_session_restore_draft (JmMapSession *self,
                              JmDocument   *document,
                              GFile        *file,
                              const char   *draft_id)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  jm_map_session_replace (self, document, file, NULL);
  self->draft_id = g_strdup (draft_id);
  jm_command_stack_mark_clean_at (self->stack, G_MAXUINT);
}

/**
 * jm_map_session_forget_draft:
 *
 * Deletes the recovery copy, if any, and the one about to be written;
 * the next change writes it again under the same id.
 */
void
jm_map_session_forget_draft (JmMapSession *self)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->drafts != NULL && self->draft_id != NULL)
    jm_draft_store_remove (self->drafts, self->draft_id);
}

/**
 * jm_map_session_discard_draft:
 *
 * Deletes the recovery copy for good: the session no longer belongs to
 * it.
 */
void
jm_map_session_discard_draft (JmMapSession *self)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));

  jm_map_session_forget_draft (self);
  g_clear_pointer (&self->draft_id, g_free);
}

/**
 * jm_map_session_load:
 * @mode: the layer mode the map will be shown in, for its layout
 *
 * Reads @file and lays it out in a worker thread, then makes it the
 * session's map and emits #JmMapSession::loaded. The last map asked for
 * is the one shown: a load in flight is cancelled.
 */
void
jm_map_session_load (JmMapSession *self,
                     GFile        *file,
                     JmLayerMode   mode)
{
  GCancellable *cancellable;
  GWeakRef *session_ref;

  g_return_if_fail (JM_IS_MAP_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = g_cancellable_new ();
  jm_map_session_set_loading (self, cancellable);

  session_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (session_ref, self);
  jm_map_loader_load_async (file, mode, cancellable, jm_map_session_load_cb, session_ref);
}

/**
 * jm_map_session_revert:
 *
 * Reads the map's file again, dropping the changes (and their recovery
 * copy, once the file is read).
 *
 * Returns: %FALSE when the map has no file to go back to
 */
gboolean
jm_map_session_revert (JmMapSession *self,
                       JmLayerMode   mode)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (JM_IS_MAP_SESSION (self), FALSE);

  if (self->file == NULL)
    return FALSE;

  file = g_object_ref (self->file);
  jm_map_session_load (self, file, mode);
  return TRUE;
}

/**
 * jm_map_session_cancel_load:
 *
 * Stops reading a map into the session, if it was; the session keeps
 * what it shows, and no #JmMapSession::loaded follows.
 */
void
jm_map_session_cancel_load (JmMapSession *self)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));

  jm_map_session_set_loading (self, NULL);
}

/**
 * jm_map_session_changed_on_disk:
 *
 * Asks whether another program wrote or deleted the map's file since the
 * session read or saved it (its etag, GIO's modification time, differs).
 *
 * Returns: %TRUE when it did; %FALSE when it did not, when the map has no
 *   file, or with @error set when the file could not be asked
 */
gboolean
jm_map_session_changed_on_disk (JmMapSession  *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JM_IS_MAP_SESSION (self), FALSE);

  if (self->file == NULL || self->etag == NULL)
    return FALSE;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_strcmp0 (g_file_info_get_etag (info), self->etag) != 0;
}

/**
 * jm_map_session_set_file:
 *
 * Gives the map a new file to save to (Save As); what is on disk there
 * is not known, so the next save does not compare etags.
 */
void
jm_map_session_set_file (JmMapSession *self,
                         GFile        *file)
{
  g_return_if_fail (JM_IS_MAP_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  g_clear_pointer (&self->etag, g_free);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
  jm_map_session_update_title (self);
}

/**
 * jm_map_session_save_async:
 * @overwrite: replace the file even if another program changed it since
 *   it was read (the designer chose to)
 *
 * Saves the map to its file in a worker thread. A file changed on disk
 * meanwhile fails with %G_IO_ERROR_WRONG_ETAG unless @overwrite. Once
 * saved, the history is clean at the point the save began.
 */
void
jm_map_session_save_async (JmMapSession        *self,
                           gboolean             overwrite,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JM_IS_MAP_SESSION (self));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jm_map_session_save_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (jm_command_stack_get_position (self->stack)), NULL);
  jm_document_io_save_async (self->document, self->file, overwrite ? NULL : self->etag,
                             cancellable, jm_map_session_save_cb, g_steal_pointer (&task));
}

gboolean
jm_map_session_save_finish (JmMapSession  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (JM_IS_MAP_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
