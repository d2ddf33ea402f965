/* jm-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-window.h"

#include <glib/gi18n.h>

struct _JmWindow
{
  AdwApplicationWindow parent_instance;

  GFile *file;

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkStack        *main_stack;
  AdwToastOverlay *toast_overlay;
  GtkLabel        *map_placeholder_label;
};

G_DEFINE_FINAL_TYPE (JmWindow, jm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
jm_window_update_title (JmWindow *self)
{
  g_autofree char *basename = NULL;

  g_assert (JM_IS_WINDOW (self));

  if (self->file == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Journeymap"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Journeymap"));
      return;
    }

  basename = g_file_get_basename (self->file);
  adw_window_title_set_title (self->window_title, basename);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_window_set_title (GTK_WINDOW (self), basename);
}

static void
jm_window_open_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = NULL;

  g_assert (JM_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    jm_window_open_file (self, file);

  g_object_unref (dialog);
}

static void
jm_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  /* GtkFileDialog needs GTK 4.10; GtkFileChooserNative goes through the
   * portal as well and exists on every GTK we support. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Open Journey Map"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-journeymap+xml");
  gtk_file_filter_add_suffix (filter, "jmap");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_signal_connect (dialog, "response", G_CALLBACK (jm_window_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
jm_window_close_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
jm_window_dispose (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  g_clear_object (&self->file);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_WINDOW);

  G_OBJECT_CLASS (jm_window_parent_class)->dispose (object);
}

static void
jm_window_class_init (JmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, map_placeholder_label);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, jm_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, jm_window_close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}

static void
jm_window_init (JmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  jm_window_update_title (self);
}

JmWindow *
jm_window_new (JmApplication *application)
{
  g_return_val_if_fail (JM_IS_APPLICATION (application), NULL);

  return g_object_new (JM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
jm_window_open_file (JmWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);

  name = g_file_get_parse_name (file);
  gtk_label_set_label (self->map_placeholder_label, name);
  gtk_stack_set_visible_child_name (self->main_stack, "map");
  jm_window_update_title (self);
}

GFile *
jm_window_get_file (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->file;
}
