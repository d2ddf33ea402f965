/* jm-export-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-export-dialog.h"

#include <glib/gi18n-lib.h>

#include "jm-accessibility.h"
#include "jm-alert.h"

/* Format, state, scale, background, palette and review comments, then a file chooser for
 * where; the export itself is the core's, the same as the command line's,
 * made in a worker while the dialog shows a spinner and can still be
 * cancelled. */
struct _JmExportDialog
{
  AdwWindow     parent_instance;

  JmDocument   *document;
  GCancellable *cancellable;    /* the export under way, if any */
  GFile        *target;         /* and where it goes */

  /* Template children */
  GtkWidget    *page;
  GtkWidget    *export_button;
  GtkWidget    *spinner;
  GtkWidget    *format_row;
  GtkWidget    *layer_row;
  GtkWidget    *scale_row;
  GtkWidget    *scale_spin;
  GtkWidget    *transparent_switch;
  GtkWidget    *dark_switch;
  GtkWidget    *look_group;
  GtkWidget    *bom_row;
  GtkWidget    *bom_switch;
  GtkWidget    *comments_row;
  GtkWidget    *comments_switch;
  GtkWidget    *leave_out_comments_row;
  GtkWidget    *leave_out_comments_switch;
  GtkWidget    *paper_row;
  GtkWidget    *orientation_row;
};

/* Instead of launching an app, for the tests: see
 * jm_export_dialog_set_launch_hook(). */
static JmExportLaunchHook launch_hook;
static gpointer launch_hook_data;

G_DEFINE_FINAL_TYPE (JmExportDialog, jm_export_dialog, ADW_TYPE_WINDOW)

/* The rows of the format list, in its order, with what the file chooser
 * offers for each: a filter by MIME type and by name. shared-mime-info
 * has no type for Mermaid; its files are text. */
static const struct {
  JmExportFormat  format;
  const char     *suffix;
  const char     *mime_type;
  const char     *filter_name;
  gboolean        drawn;      /* background and colours apply */
} formats[] = {
  { JM_EXPORT_FORMAT_PNG, "png", "image/png", N_("PNG Images"), TRUE },
  { JM_EXPORT_FORMAT_SVG, "svg", "image/svg+xml", N_("SVG Drawings"), TRUE },
  { JM_EXPORT_FORMAT_PDF, "pdf", "application/pdf", N_("PDF Documents"), TRUE },
  { JM_EXPORT_FORMAT_HANDOUT, "pdf", "application/pdf", N_("PDF Documents"), TRUE },
  { JM_EXPORT_FORMAT_MERMAID, "mmd", "text/plain", N_("Mermaid Diagrams"), FALSE },
  { JM_EXPORT_FORMAT_CSV, "csv", "text/csv", N_("Spreadsheets (CSV)"), FALSE },
  { JM_EXPORT_FORMAT_JMAP, "jmap", "application/x-journeymap+xml", N_("Journey Maps"), FALSE },
};

static guint
jm_export_dialog_get_format_row (JmExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)), G_N_ELEMENTS (formats) - 1);
}

static void
on_format_changed_cb (JmExportDialog *self)
{
  guint row = jm_export_dialog_get_format_row (self);

  /* The scale only matters to pixels, the look only to drawings. */
  gtk_widget_set_sensitive (self->scale_row, formats[row].format == JM_EXPORT_FORMAT_PNG);
  gtk_widget_set_sensitive (self->look_group, formats[row].drawn);
  gtk_widget_set_visible (self->bom_row, formats[row].format == JM_EXPORT_FORMAT_CSV);
  /* Review marks are drawn; a map copy can only keep or drop comments. */
  gtk_widget_set_sensitive (self->comments_row, formats[row].drawn);
  gtk_widget_set_sensitive (self->leave_out_comments_row, formats[row].format == JM_EXPORT_FORMAT_JMAP);
  /* A map copy holds both states, whichever is chosen. */
  gtk_widget_set_sensitive (self->layer_row, formats[row].format != JM_EXPORT_FORMAT_JMAP);
  /* A sheet of paper is for a PDF of the map; its own size has no
   * orientation to choose. */
  gtk_widget_set_visible (self->paper_row, formats[row].format == JM_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (self->orientation_row, formats[row].format == JM_EXPORT_FORMAT_PDF);
  gtk_widget_set_sensitive (self->orientation_row,
                            adw_combo_row_get_selected (ADW_COMBO_ROW (self->paper_row)) != JM_EXPORT_PAPER_MAP);
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
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Export the Map"), error);
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
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint row = jm_export_dialog_get_format_row (self);
  GtkFileChooserNative *chooser;

  suggested = g_strdup_printf ("%s.%s", jm_document_get_display_title (self->document), formats[row].suffix);
  g_strdelimit (suggested, "/\\:", '-');
  gtk_file_filter_set_name (filter, _(formats[row].filter_name));
  gtk_file_filter_add_mime_type (filter, formats[row].mime_type);
  gtk_file_filter_add_suffix (filter, formats[row].suffix);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Export Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (jm_export_dialog_parent_class)->dispose (object);
}

static void
jm_export_dialog_class_init (JmExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = jm_export_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, layer_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, dark_switch);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, look_group);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, comments_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, comments_switch);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, leave_out_comments_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, leave_out_comments_switch);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, orientation_row);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
}

static void
jm_export_dialog_init (JmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jm_accessibility_init_template (GTK_WIDGET (self));

  /* The limit is the format's, the same as the command line's. */
  gtk_spin_button_set_adjustment (GTK_SPIN_BUTTON (self->scale_spin),
                                  gtk_adjustment_new (2.0, 0.25, JM_EXPORT_MAX_SCALE, 0.25, 2.5, 0));
  on_format_changed_cb (self);
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
  *format = formats[jm_export_dialog_get_format_row (self)].format;
  options->mode = adw_combo_row_get_selected (ADW_COMBO_ROW (self->layer_row));
  options->scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin));
  options->transparent = gtk_switch_get_active (GTK_SWITCH (self->transparent_switch));
  options->theme = gtk_switch_get_active (GTK_SWITCH (self->dark_switch)) ? JM_THEME_DARK : JM_THEME_LIGHT;
  options->bom = gtk_widget_get_visible (self->bom_row) &&
                 gtk_switch_get_active (GTK_SWITCH (self->bom_switch));
  /* A switch of a row greyed out for this format says nothing. */
  options->comments = gtk_widget_get_sensitive (self->comments_row) &&
                      gtk_switch_get_active (GTK_SWITCH (self->comments_switch));
  options->leave_out_comments = gtk_widget_get_sensitive (self->leave_out_comments_row) &&
                                gtk_switch_get_active (GTK_SWITCH (self->leave_out_comments_switch));
  /* The rows are in the enums' order. */
  if (*format == JM_EXPORT_FORMAT_PDF)
    {
      options->paper = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->paper_row)), JM_EXPORT_PAPER_LETTER);
      options->orientation = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->orientation_row)),
                                  JM_EXPORT_ORIENTATION_PORTRAIT);
    }
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

/**
 * jm_export_dialog_new_exported_toast:
 * @path: the file written, or "" when it has no local path
 *
 * The toast that says an export is written, with an Open button that
 * activates `win.open-exported` on the window with @path, so that the
 * file can be looked at at once.
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
jm_export_dialog_new_exported_toast (const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast = jm_alert_new_toast (message);
  if (*path != '\0')
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-exported");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
    }

  return toast;
}

typedef struct
{
  GWeakRef parent;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_weak_ref_clear (&data->parent);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LaunchData, launch_data_free)

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LaunchData) data = user_data;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&data->parent);
  g_autoptr(GError) error = NULL;
  gboolean ok;

#if GTK_CHECK_VERSION (4, 10, 0)
  ok = gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error);
  /* The user dismissing an app chooser is no failure. */
  if (!ok && g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
#else
  ok = g_app_info_launch_default_for_uri_finish (result, &error);
#endif

  if (!ok && parent != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    jm_alert_show_error (parent, _("Could Not Open the File"), error);
}

/**
 * jm_export_dialog_open_file:
 * @parent: the window asking
 * @file: an exported file
 *
 * Opens @file in the app the desktop has for it, as the exported toast's
 * Open button does: GtkFileLauncher on GTK 4.10 and later (through the
 * portal when sandboxed), the default app for its URI before.
 */
void
jm_export_dialog_open_file (GtkWindow *parent,
                            GFile     *file)
{
  LaunchData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

  if (launch_hook != NULL)
    {
      launch_hook (file, launch_hook_data);
      return;
    }

  data = g_new0 (LaunchData, 1);
  g_weak_ref_init (&data->parent, parent);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, parent, NULL, on_launched_cb, data);
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent)));

    g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, on_launched_cb, data);
  }
#endif
}

/**
 * jm_export_dialog_set_launch_hook:
 * @hook: (nullable): called with the file instead of launching an app
 *
 * For tests: the Open button of the exported toast calls @hook rather
 * than starting another program on the test machine. %NULL launches
 * again.
 */
void
jm_export_dialog_set_launch_hook (JmExportLaunchHook hook,
                                  gpointer           user_data)
{
  launch_hook = hook;
  launch_hook_data = user_data;
}
