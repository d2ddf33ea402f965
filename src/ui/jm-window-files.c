/* jm-window-files.c: the window's file dialogs and the questions around them
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening (in this window if it is free, else in a new one), saving and
 * saving as, and what is asked on the way: a file changed on disk, a file
 * that may not be written, unsaved changes when the window closes. It
 * shows maps through jm-window-view.c and asks jm-window-state.c what the
 * window holds; jm-window-actions.c and jm-window.c call it, never the
 * other way round (see jm-window-private.h).
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "interop/jm-csv.h"
#include "io/jm-document-io.h"
#include "library/jm-persona-library.h"
#include "jm-alert.h"
#include "jm-window-private.h"


/* Opens @file in this window if it is free, else in a new one. */
void
_jm_window_open_in_free_window (JmWindow *self,
                               GFile    *file)
{
  JmWindow *window = self;

  if (_jm_window_is_taken (self))
    {
      window = _jm_window_new_sibling (self);
      gtk_window_present (GTK_WINDOW (window));
    }
  jm_window_open_file (window, file);
}

/* The window keeps its last file chooser until it makes the next one or
 * goes, rather than destroying it from its own response. GTK's chooser
 * goes on filling its path bar after it has answered, one asynchronous
 * query per folder up the path, and a path bar destroyed meanwhile had
 * its last query's callback remove buttons from a freed box
 * (gtk_box_remove from a GIO callback: a crash on GTK 4.18, possible on
 * 4.8 by timing). By the next dialog, that work is long done. */
void
_jm_window_keep_file_chooser (JmWindow        *self,
                             GtkNativeDialog *dialog)
{
  if (self->file_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_chooser, self);
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  self->file_chooser = dialog;
}

/* The files the window opens or imports, by name and type: the MIME
 * types of shared-mime-info where it has one (it has none for Mermaid),
 * and the names for systems and portals that do not know the type. */
typedef enum
{
  JM_FILE_KIND_MAP      = 1 << 0,
  JM_FILE_KIND_MERMAID  = 1 << 1,
  JM_FILE_KIND_CSV      = 1 << 2,
} JmFileKinds;

static GtkFileFilter *
jm_file_filter_new (JmFileKinds kinds)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (kinds & JM_FILE_KIND_MAP)
    {
      gtk_file_filter_add_mime_type (filter, "application/x-journeymap+xml");
      gtk_file_filter_add_suffix (filter, "jmap");
    }
  if (kinds & JM_FILE_KIND_MERMAID)
    {
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "mmd");
      gtk_file_filter_add_suffix (filter, "mermaid");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "markdown");
    }
  if (kinds & JM_FILE_KIND_CSV)
    {
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }

  return filter;
}

static void
jm_file_chooser_add_filter (GtkFileChooserNative *dialog,
                            const char           *name,
                            JmFileKinds           kinds)
{
  g_autoptr(GtkFileFilter) filter = jm_file_filter_new (kinds);

  gtk_file_filter_set_name (filter, name);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Shows an Open, Save or Import dialog, kept by the window; @kinds are
 * the files it offers, each kind a filter of its own, and all of them
 * together first when there are several.
 *
 * GtkFileChooserNative on every GTK, though 4.10 deprecates it for
 * GtkFileDialog: it goes through the portal as well, and the window can
 * keep it after its answer (_jm_window_keep_file_chooser), where
 * GtkFileDialog destroys its chooser as it answers, which is what crashed
 * on GTK 4.18. */
static void
jm_window_show_file_chooser (JmWindow             *self,
                             const char           *title,
                             GtkFileChooserAction  action,
                             const char           *accept_label,
                             const char           *suggested_name,
                             JmFileKinds           kinds,
                             GCallback             response_cb)
{
  GtkFileChooserNative *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (kinds == (JM_FILE_KIND_MAP | JM_FILE_KIND_MERMAID | JM_FILE_KIND_CSV))
    jm_file_chooser_add_filter (dialog, _("All Supported Files"), kinds);
  if (kinds & JM_FILE_KIND_MAP)
    jm_file_chooser_add_filter (dialog, _("Journey Maps"), JM_FILE_KIND_MAP);
  if (kinds & JM_FILE_KIND_MERMAID)
    jm_file_chooser_add_filter (dialog, _("Mermaid Diagrams"), JM_FILE_KIND_MERMAID);
  if (kinds & JM_FILE_KIND_CSV)
    jm_file_chooser_add_filter (dialog, _("Spreadsheets (CSV)"), JM_FILE_KIND_CSV);

  _jm_window_keep_file_chooser (self, GTK_NATIVE_DIALOG (dialog));
  g_signal_connect (dialog, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The file chosen, or %NULL when the dialog was cancelled. */
static GFile *
jm_window_dup_chosen_file (GtkNativeDialog *dialog,
                           int              response)
{
  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
jm_window_open_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = jm_window_dup_chosen_file (dialog, response);

  g_assert (JM_IS_WINDOW (self));

  if (file != NULL)
    _jm_window_open_in_free_window (self, file);
}

void
_jm_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* A Mermaid diagram or a spreadsheet opens as a new map, not saved
   * yet (see jm-map-loader.c). */
  jm_window_show_file_chooser (JM_WINDOW (widget), _("Open Journey Map"), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("_Open"), NULL, JM_FILE_KIND_MAP | JM_FILE_KIND_MERMAID | JM_FILE_KIND_CSV,
                               G_CALLBACK (jm_window_open_response_cb));
}

static void jm_window_save      (JmWindow *self,
                                 gboolean  overwrite);

static void
jm_window_overwrite_response_cb (JmAlert    *alert,
                                 const char *response,
                                 JmWindow   *self)
{
  if (g_str_equal (response, "overwrite"))
    jm_window_save (self, TRUE);
  else
    self->close_after_save = FALSE;
}

static void
jm_window_ask_overwrite (JmWindow *self)
{
  g_autofree char *name = g_file_get_basename (jm_window_get_file (self));
  g_autofree char *body = g_strdup_printf (_("“%s” was changed by another program since you opened it. "
                                             "Saving now replaces those changes with yours."), name);
  JmAlert *alert = jm_alert_new (_("File Changed on Disk"), body);

  jm_alert_add_response (alert, "cancel", _("_Cancel"));
  jm_alert_add_response (alert, "overwrite", _("_Overwrite"));
  jm_alert_set_response_appearance (alert, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  jm_alert_set_close_response (alert, "cancel");
  g_signal_connect (alert, "response", G_CALLBACK (jm_window_overwrite_response_cb), self);
  jm_alert_present (alert, GTK_WIDGET (self));
}

static void jm_window_save_as (JmWindow *self);

static void
jm_window_save_refused_response_cb (JmAlert    *alert,
                                    const char *response,
                                    JmWindow   *self)
{
  /* A close that waited for the save goes on waiting for the new one. */
  if (g_str_equal (response, "save-as"))
    jm_window_save_as (self);
  else
    self->close_after_save = FALSE;
}

/* The file or its folder may not be written (a read-only map, a shared
 * folder): the changes can still be kept under another name. */
static void
jm_window_offer_save_as (JmWindow *self,
                         GError   *error)
{
  g_autofree char *name = g_file_get_basename (jm_window_get_file (self));
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  JmAlert *alert = jm_alert_new (heading, error->message);

  jm_alert_add_response (alert, "cancel", _("_Cancel"));
  jm_alert_add_response (alert, "save-as", _("Save _As…"));
  jm_alert_set_response_appearance (alert, "save-as", ADW_RESPONSE_SUGGESTED);
  jm_alert_set_default_response (alert, "save-as");
  jm_alert_set_close_response (alert, "cancel");
  g_signal_connect (alert, "response", G_CALLBACK (jm_window_save_refused_response_cb), self);
  jm_alert_present (alert, GTK_WIDGET (self));
}

static void
jm_window_save_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!jm_map_session_save_finish (JM_MAP_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          jm_window_ask_overwrite (self);
          return;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        {
          jm_window_offer_save_as (self, error);
          return;
        }

      self->close_after_save = FALSE;
      {
        g_autofree char *name = g_file_get_basename (jm_window_get_file (self));
        g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
        jm_alert_show_error (GTK_WIDGET (self), heading, error);
      }
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, jm_alert_new_toast (_("Saved")));
  _jm_window_add_recent (self);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Saves to the map's file; @overwrite skips the check for a file changed
 * on disk, when the designer chose to replace it. */
static void
jm_window_save (JmWindow *self,
                gboolean  overwrite)
{
  g_assert (JM_IS_WINDOW (self));
  g_assert (jm_window_get_file (self) != NULL);

  jm_map_session_save_async (self->session, overwrite, self->cancellable, jm_window_save_cb,
                             g_object_ref (self));
}

static void
jm_window_save_as_response_cb (GtkNativeDialog *dialog,
                               int              response,
                               gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = jm_window_dup_chosen_file (dialog, response);

  g_assert (JM_IS_WINDOW (self));

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  jm_map_session_set_file (self->session, file);
  jm_window_save (self, TRUE);
}

static void
jm_window_save_as (JmWindow *self)
{
  g_autofree char *suggested = NULL;

  suggested = g_strdup_printf ("%s.jmap", jm_document_get_display_title (jm_window_get_document (self)));
  g_strdelimit (suggested, "/\\:", '-');

  jm_window_show_file_chooser (self, _("Save Journey Map"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                               suggested, JM_FILE_KIND_MAP, G_CALLBACK (jm_window_save_as_response_cb));
}

void
_jm_window_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (jm_window_get_document (self) == NULL)
    return;

  if (jm_window_get_file (self) == NULL || g_str_equal (action_name, "doc.save-as"))
    jm_window_save_as (self);
  else
    jm_window_save (self, FALSE);
}

/* A spreadsheet read in a worker, then imported into the map on the main
 * thread, where the map lives. */
static void
jm_window_read_import_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_parse_name (file);
  GError *error = NULL;
  GBytes *bytes = jm_document_io_read (file, path, NULL, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
jm_window_import_csv_read_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  JmCommandStack *stack = jm_window_get_stack (self);

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The map may have been closed or replaced while the file was read;
   * the import goes into the one shown now. */
  if (bytes != NULL && stack == NULL)
    return;

  /* One undo step; a bad row changes nothing and is named with its line. */
  if (bytes == NULL || !jm_csv_import_into (stack, bytes, path, &notes, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      jm_alert_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  if (notes != NULL && notes->len > 0)
    _jm_window_show_import_notes (self, notes);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Imported “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, jm_alert_new_toast (message));
    }
}

/**
 * jm_window_import_csv:
 * @file: a spreadsheet as docs/csv-format.md describes it
 *
 * Adds the rows of @file to the map shown, as one undo step: unknown
 * stages and lanes are made, and a bad row refuses the whole file with
 * its line, changing nothing.
 */
void
jm_window_import_csv (JmWindow *self,
                      GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (jm_window_get_document (self) == NULL)
    return;

  task = g_task_new (NULL, self->cancellable, jm_window_import_csv_read_cb, g_object_ref (self));
  g_task_set_source_tag (task, jm_window_import_csv);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, jm_window_read_import_thread);
}

static void
jm_window_import_csv_response_cb (GtkNativeDialog *dialog,
                                  int              response,
                                  gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = jm_window_dup_chosen_file (dialog, response);

  if (file != NULL)
    jm_window_import_csv (self, file);
}

void
_jm_window_import_csv_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  jm_window_show_file_chooser (JM_WINDOW (widget), _("Import Spreadsheet"), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("_Import"), NULL, JM_FILE_KIND_CSV,
                               G_CALLBACK (jm_window_import_csv_response_cb));
}

/* A map read in a worker, its personas saved to the library there too:
 * the map is the worker's own, and photos can be large. */
static void
jm_window_import_personas_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *dir = jm_persona_library_default_dir ();
  g_autoptr(JmDocument) map = NULL;
  GError *error = NULL;
  guint saved;

  map = jm_document_io_load (file, NULL, cancellable, &error);
  if (map == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  saved = jm_persona_library_import_map (dir, map, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, saved);
}

static void
jm_window_import_personas_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gssize saved = g_task_propagate_int (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Import the Personas"), error);
      return;
    }

  if (saved == 0)
    message = g_strdup (_("The map has no personas"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u persona saved to the library",
                                            "%u personas saved to the library", (gulong) saved),
                               (guint) saved);
  adw_toast_overlay_add_toast (self->toast_overlay, jm_alert_new_toast (message));
}

/**
 * jm_window_import_personas:
 * @file: a journey map
 *
 * Saves a copy of every persona of @file to the persona library, in a
 * worker; the map shown does not change.
 */
void
jm_window_import_personas (JmWindow *self,
                           GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, self->cancellable, jm_window_import_personas_cb, g_object_ref (self));
  g_task_set_source_tag (task, jm_window_import_personas);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, jm_window_import_personas_thread);
}

static void
jm_window_import_personas_response_cb (GtkNativeDialog *dialog,
                                       int              response,
                                       gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = jm_window_dup_chosen_file (dialog, response);

  if (file != NULL)
    jm_window_import_personas (self, file);
}

void
_jm_window_import_personas_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  jm_window_show_file_chooser (JM_WINDOW (widget), _("Import Personas from Map"), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("_Import"), NULL, JM_FILE_KIND_MAP,
                               G_CALLBACK (jm_window_import_personas_response_cb));
}

static gboolean
jm_window_destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
jm_window_close_response_cb (JmAlert    *alert,
                             const char *response,
                             JmWindow   *self)
{
  if (g_str_equal (response, "discard"))
    {
      jm_map_session_forget_draft (self->session);
      /* Not from here: the question is still being answered, and it is
       * transient for this window; it closes itself after this handler,
       * and would then reach a window already freed. The window is
       * hidden at once and destroyed once the question is gone. */
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, jm_window_destroy_cb, g_object_ref (self), g_object_unref);
      return;
    }

  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "doc.save", NULL);
    }
}

/* Closing with unsaved changes asks first: save, discard or cancel.
 * Returns whether the close waits for the answer. */
gboolean
_jm_window_ask_before_close (JmWindow *self)
{
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  JmAlert *alert;

  if (!jm_map_session_get_modified (self->session))
    return FALSE;

  name = _jm_window_dup_map_name (self);
  body = g_strdup_printf (_("“%s” has changes that are not saved. Unsaved changes are lost when "
                            "the window closes."), name);
  alert = jm_alert_new (_("Save Changes?"), body);
  jm_alert_add_response (alert, "cancel", _("_Cancel"));
  jm_alert_add_response (alert, "discard", _("_Discard"));
  jm_alert_add_response (alert, "save", _("_Save"));
  jm_alert_set_response_appearance (alert, "discard", ADW_RESPONSE_DESTRUCTIVE);
  jm_alert_set_response_appearance (alert, "save", ADW_RESPONSE_SUGGESTED);
  jm_alert_set_default_response (alert, "save");
  jm_alert_set_close_response (alert, "cancel");
  g_signal_connect (alert, "response", G_CALLBACK (jm_window_close_response_cb), self);
  jm_alert_present (alert, GTK_WIDGET (self));

  return TRUE;
}
/**
 * _jm_window_choose_map:
 * @response_cb: a #GtkNativeDialog::response handler, given the window
 *
 * Asks for a journey map to read, in the window's kept file chooser.
 */
void
_jm_window_choose_map (JmWindow   *self,
                       const char *title,
                       const char *accept_label,
                       GCallback   response_cb)
{
  jm_window_show_file_chooser (self, title, GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, NULL,
                               JM_FILE_KIND_MAP, response_cb);
}

/**
 * _jm_window_dup_chosen_file:
 *
 * Returns: (transfer full) (nullable): the file chosen in @dialog, or
 *   %NULL when it was cancelled
 */
GFile *
_jm_window_dup_chosen_file (GtkNativeDialog *dialog,
                            int              response)
{
  return jm_window_dup_chosen_file (dialog, response);
}
