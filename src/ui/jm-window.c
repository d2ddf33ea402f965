/* jm-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-window.h"

#include <glib/gi18n.h>

#include "export/jm-export.h"
#include "io/jm-document-io.h"
#include "jm-map-canvas.h"

struct _JmWindow
{
  AdwApplicationWindow parent_instance;

  GFile        *file;
  JmDocument   *document;
  char         *etag;
  GCancellable *cancellable;

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkStack        *main_stack;
  AdwToastOverlay *toast_overlay;
  JmMapCanvas     *canvas;
  GtkWidget       *layer_switcher;

  JmLayerMode      layer_mode;
};

G_DEFINE_FINAL_TYPE (JmWindow, jm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LAYER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The "layer" property backs the stateful win.layer action, so the layer
 * buttons show which state is in view. */
static const char *layer_names[] = { "current", "future", "both" };

static void
jm_window_update_title (JmWindow *self)
{
  g_autofree char *basename = NULL;
  const char *title;

  g_assert (JM_IS_WINDOW (self));

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Journeymap"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Journeymap"));
      return;
    }

  basename = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  title = jm_document_get_title (self->document);
  if (title == NULL || *title == '\0')
    title = basename;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
jm_window_update_actions (JmWindow *self)
{
  gboolean has_map = self->document != NULL;

  g_assert (JM_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.layer", has_map);
  gtk_widget_set_visible (self->layer_switcher, has_map);
}

static void
jm_window_show_document (JmWindow *self)
{
  g_assert (JM_IS_WINDOW (self));

  jm_map_canvas_set_document (self->canvas, self->document);
  gtk_stack_set_visible_child_name (self->main_stack, "map");
  jm_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
jm_window_show_error (JmWindow   *self,
                      const char *heading,
                      GError     *error)
{
  GtkWidget *dialog;

  g_assert (JM_IS_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jm_window_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_assert (JM_IS_WINDOW (self));

  document = jm_document_io_load_finish (result, &etag, &error);
  if (document == NULL)
    {
      g_clear_object (&self->file);
      jm_window_show_error (self, _("Could Not Open the Map"), error);
      return;
    }

  g_set_object (&self->document, document);
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);

  jm_window_update_title (self);
  jm_window_show_document (self);
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
jm_window_zoom_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  double zoom = jm_map_canvas_get_zoom (self->canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    jm_map_canvas_set_zoom (self->canvas, zoom * 1.25);
  else if (g_str_equal (action_name, "win.zoom-out"))
    jm_map_canvas_set_zoom (self->canvas, zoom / 1.25);
  else if (g_str_equal (action_name, "win.zoom-fit"))
    jm_map_canvas_zoom_to_fit (self->canvas);
  else
    jm_map_canvas_set_zoom (self->canvas, 1.0);
}

static void
jm_window_export_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  JmExportOptions options;
  JmExportFormat format;

  g_assert (JM_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL || self->document == NULL)
    return;

  name = g_file_get_basename (file);
  jm_export_options_init (&options);
  options.mode = self->layer_mode;
  options.scale = 2.0;

  if (!jm_export_format_for_path (name, &format, &error) ||
      !jm_export_to_file (self->document, file, format, &options, &error))
    {
      jm_window_show_error (self, _("Could Not Export the Map"), error);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
}

static void
jm_window_add_filter (GtkFileChooser *chooser,
                      const char     *name,
                      const char     *mime_type,
                      const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
jm_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *dialog;
  const char *title;

  if (self->document == NULL)
    return;

  title = jm_document_get_title (self->document);
  suggested = g_strdup_printf ("%s.png", title != NULL && *title != '\0' ? title : _("Journey Map"));
  g_strdelimit (suggested, "/\\:", '-');

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Export Journey Map"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  jm_window_add_filter (GTK_FILE_CHOOSER (dialog), _("PNG Image"), "image/png", "png");
  jm_window_add_filter (GTK_FILE_CHOOSER (dialog), _("SVG Image"), "image/svg+xml", "svg");
  jm_window_add_filter (GTK_FILE_CHOOSER (dialog), _("PDF Document"), "application/pdf", "pdf");
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_signal_connect (dialog, "response", G_CALLBACK (jm_window_export_response_cb), self);
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
jm_window_set_layer (JmWindow   *self,
                     const char *layer)
{
  for (guint i = 0; i < G_N_ELEMENTS (layer_names); i++)
    {
      if (g_strcmp0 (layer, layer_names[i]) == 0 && self->layer_mode != i)
        {
          self->layer_mode = i;
          if (self->canvas != NULL)
            jm_map_canvas_set_layer_mode (self->canvas, i);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYER]);
        }
    }
}

static void
jm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JmWindow *self = JM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      g_value_set_string (value, layer_names[self->layer_mode]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JmWindow *self = JM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      jm_window_set_layer (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_window_dispose (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_pointer (&self->etag, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_WINDOW);

  G_OBJECT_CLASS (jm_window_parent_class)->dispose (object);
}

static void
jm_window_class_init (JmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_window_dispose;
  object_class->get_property = jm_window_get_property;
  object_class->set_property = jm_window_set_property;

  properties [PROP_LAYER] =
    g_param_spec_string ("layer", NULL, NULL,
                         "current",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, layer_switcher);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, jm_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, jm_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, jm_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, jm_window_zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.layer", "layer");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-fit", NULL);

  g_type_ensure (JM_TYPE_MAP_CANVAS);
}

static void
jm_window_init (JmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  jm_window_update_actions (self);

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

/**
 * jm_window_open_file:
 *
 * Starts loading @file; the map shows when it is read, or an error dialog
 * names the file and the problem.
 */
void
jm_window_open_file (JmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  jm_document_io_load_async (file, self->cancellable, jm_window_load_cb, g_object_ref (self));
}

/**
 * jm_window_get_document:
 *
 * Returns: (transfer none) (nullable): the map shown, if any
 */
JmDocument *
jm_window_get_document (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
jm_window_get_file (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->file;
}
