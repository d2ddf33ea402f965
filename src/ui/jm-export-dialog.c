/* jm-export-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-export-dialog.h"

#include <glib/gi18n-lib.h>

#include "jm-alert.h"

/* Format, state, scale, background and palette, then a file chooser for
 * where; the export itself is the core's, the same as the command line's,
 * made in a worker while the dialog shows a spinner and can still be
 * cancelled. */
struct _JmExportDialog
{
  AdwWindow     parent_instance;

  JmDocument   *document;
  GCancellable *cancellable;    /* the export under way, if any */
  GFile        *target;         /* and where it goes */
  GtkWidget    *page;
  GtkWidget    *export_button;
  GtkWidget    *spinner;
  GtkWidget    *format_row;
  GtkWidget  *layer_row;
  GtkWidget  *scale_row;
  GtkWidget  *scale_spin;
  GtkWidget  *transparent_switch;
  GtkWidget  *dark_switch;
};

G_DEFINE_FINAL_TYPE (JmExportDialog, jm_export_dialog, ADW_TYPE_WINDOW)

static const char *format_suffixes[] = { "png", "svg", "pdf" };

static GtkWidget *
combo_row (const char *title,
           const char *const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (model, _(labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));

  return row;
}

static GtkWidget *
switch_row (const char  *title,
            const char  *subtitle,
            GtkWidget  **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *out_switch = toggle;

  return row;
}

static void
on_format_changed_cb (JmExportDialog *self)
{
  /* The scale only matters to pixels. */
  gtk_widget_set_sensitive (self->scale_row,
                            adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)) == JM_EXPORT_FORMAT_PNG);
}

/* While the export runs, only Cancel can be used. */
static void
jm_export_dialog_set_busy (JmExportDialog *self,
                           gboolean        busy)
{
  gtk_widget_set_sensitive (self->page, !busy);
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
jm_export_dialog_show_error (JmExportDialog *self,
                             const GError   *error)
{
  JmAlert *alert = jm_alert_new (_("Could Not Export the Map"), error->message);

  jm_alert_add_response (alert, "close", _("_Close"));
  jm_alert_present (alert, GTK_WIDGET (self));
}

static void
jm_export_dialog_export_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(JmExportDialog) self = user_data;
  g_autoptr(GFile) target = g_steal_pointer (&self->target);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  /* Cancelled: the dialog was closed, and is gone. */
  if (!jm_export_to_file_finish (result, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  jm_export_dialog_set_busy (self, FALSE);
  if (error != NULL)
    {
      jm_export_dialog_show_error (self, error);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.exported", "s", g_file_peek_path (target) ?: "");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
jm_export_dialog_response_cb (GtkNativeDialog *chooser,
                              int              response,
                              gpointer         user_data)
{
  JmExportDialog *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    jm_export_dialog_start_export (self, file);
}

static void
on_export_clicked_cb (JmExportDialog *self)
{
  g_autofree char *suggested = NULL;
  guint format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  GtkFileChooserNative *chooser;

  suggested = g_strdup_printf ("%s.%s", jm_document_get_display_title (self->document),
                               format_suffixes[MIN (format, 2)]);
  g_strdelimit (suggested, "/\\:", '-');

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Export Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_signal_connect (chooser, "response", G_CALLBACK (jm_export_dialog_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
jm_export_dialog_dispose (GObject *object)
{
  JmExportDialog *self = JM_EXPORT_DIALOG (object);

  /* Closing the dialog (Cancel) stops the export, which then writes
   * nothing unless it was already done. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jm_export_dialog_parent_class)->dispose (object);
}

static void
jm_export_dialog_class_init (JmExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jm_export_dialog_dispose;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jm_export_dialog_init (JmExportDialog *self)
{
  static const char *formats[] = { N_("PNG image"), N_("SVG drawing"), N_("PDF document"), NULL };
  static const char *layers[] = { N_("Current state"), N_("Future state"), N_("Future compared with current"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *look = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 520);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (export, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), spinner);
  gtk_widget_set_visible (spinner, FALSE);
  gtk_widget_set_name (export, "export");
  self->export_button = export;
  self->spinner = spinner;
  self->page = page;

  self->format_row = combo_row (_("Format"), formats);
  gtk_widget_set_name (self->format_row, "format");
  self->layer_row = combo_row (_("State"), layers);
  self->scale_row = adw_action_row_new ();
  self->scale_spin = gtk_spin_button_new_with_range (0.25, JM_EXPORT_MAX_SCALE, 0.25);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale_spin), 2.0);
  gtk_widget_set_valign (self->scale_spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scale_row), _("Scale"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), _("Pixels per point of the map; 2 is sharp on HiDPI screens"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->scale_row), self->scale_spin);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_format_changed_cb), self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->format_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->layer_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->scale_row);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (look), _("Look"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (look),
                             switch_row (_("Transparent background"), _("For slides and documents"),
                                         &self->transparent_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (look),
                             switch_row (_("Dark colors"), NULL, &self->dark_switch));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (look));

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * jm_export_dialog_new:
 * @mode: the state shown in the window, chosen by default
 *
 * Returns: (transfer none): the dialog, owned by the window list
 */
JmExportDialog *
jm_export_dialog_new (GtkWindow   *parent,
                      JmDocument  *document,
                      JmLayerMode  mode)
{
  JmExportDialog *self;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  self = g_object_new (JM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->layer_row), mode);

  return self;
}

void
jm_export_dialog_get_options (JmExportDialog  *self,
                              JmExportFormat  *format,
                              JmExportOptions *options)
{
  g_return_if_fail (JM_IS_EXPORT_DIALOG (self));

  jm_export_options_init (options);
  *format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  options->mode = adw_combo_row_get_selected (ADW_COMBO_ROW (self->layer_row));
  options->scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin));
  options->transparent = gtk_switch_get_active (GTK_SWITCH (self->transparent_switch));
  options->theme = gtk_switch_get_active (GTK_SWITCH (self->dark_switch)) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

/**
 * jm_export_dialog_start_export:
 *
 * Exports with the chosen options, in a worker; the format is the one
 * chosen, whatever the file's extension says. When done, the dialog
 * closes and the window says so; on failure, the dialog says why and
 * stays.
 */
void
jm_export_dialog_start_export (JmExportDialog *self,
                               GFile          *file)
{
  JmExportOptions options;
  JmExportFormat format;

  g_return_if_fail (JM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  jm_export_dialog_get_options (self, &format, &options);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->target, file);
  jm_export_dialog_set_busy (self, TRUE);
  jm_export_to_file_async (self->document, file, format, &options, self->cancellable,
                           jm_export_dialog_export_cb, g_object_ref (self));
}
