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

/* Shows an Open or Save dialog for journey maps, kept by the window.
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
                             GCallback             response_cb)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-journeymap+xml");
  gtk_file_filter_add_suffix (filter, "jmap");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS

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
  jm_window_show_file_chooser (JM_WINDOW (widget), _("Open Journey Map"), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("_Open"), NULL, G_CALLBACK (jm_window_open_response_cb));
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
                               suggested, G_CALLBACK (jm_window_save_as_response_cb));
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
  jm_window_show_file_chooser (self, title, GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, NULL, response_cb);
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
