/* jm-persona-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-persona-page.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "io/jm-image-file.h"
#include "jm-alert.h"

struct _JmPersonaPage
{
  JmInspectorPage parent_instance;

  GtkWidget *name_row;
  GtkWidget *role_row;
  GtkWidget *primary_switch;
  GtkWidget *choose_button;
  GtkWidget *remove_button;
  GtkWidget *description_view;
  GtkWidget *goals_view;
  GtkWidget *motivations_view;
  GtkWidget *frustrations_view;
};

G_DEFINE_FINAL_TYPE (JmPersonaPage, jm_persona_page, JM_TYPE_INSPECTOR_PAGE)

static JmPersona *
jm_persona_page_get_persona (JmPersonaPage *self)
{
  return JM_PERSONA (jm_inspector_page_get_object (JM_INSPECTOR_PAGE (self)));
}

/* Sets or, with %NULL @photo, removes the persona's photo: one step. */
static gboolean
jm_persona_page_set_photo (JmPersonaPage  *self,
                           GBytes         *photo,
                           const char     *type,
                           GError        **error)
{
  JmCommandStack *stack = jm_inspector_page_get_stack (JM_INSPECTOR_PAGE (self));
  JmPersona *persona = jm_persona_page_get_persona (self);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean ok;

  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, photo);
  jm_command_stack_begin_group (stack, photo != NULL ? _("Change Photo") : _("Remove Photo"));
  ok = jm_edit_set (stack, persona, "photo", &value, 0, error) &&
       jm_edit_set_string (stack, persona, "photo-type", type, 0, error);
  if (!ok)
    {
      jm_command_stack_cancel_group (stack);
      return FALSE;
    }

  jm_command_stack_end_group (stack);
  return TRUE;
}

/**
 * jm_persona_page_set_photo_file:
 * @file: a PNG, JPEG or SVG picture
 *
 * Makes @file the photo of the persona shown, as the Choose button does
 * (and a drop on the persona's card on the canvas).
 *
 * Returns: %TRUE if the photo was set
 */
gboolean
jm_persona_page_set_photo_file (JmPersonaPage  *self,
                                GFile          *file,
                                GError        **error)
{
  g_autoptr(GBytes) photo = NULL;
  GBytes *old_photo;
  const char *type;

  g_return_val_if_fail (JM_IS_PERSONA_PAGE (self), FALSE);
  g_return_val_if_fail (JM_IS_PERSONA (jm_persona_page_get_persona (self)), FALSE);

  photo = jm_image_file_load_photo (file, &type, error);
  old_photo = jm_persona_get_photo (jm_persona_page_get_persona (self));
  if (photo == NULL ||
      !jm_document_io_check_room (jm_inspector_page_get_document (JM_INSPECTOR_PAGE (self)),
                                  g_bytes_get_size (photo),
                                  old_photo != NULL ? g_bytes_get_size (old_photo) : 0, error))
    return FALSE;

  return jm_persona_page_set_photo (self, photo, type, error);
}

/* Uses the file chosen, if any; a file that is no picture, or too large,
 * is said in an alert, as the dialog it came from has closed. */
static void
jm_persona_page_use_chosen (JmPersonaPage *self,
                            GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (file != NULL && jm_persona_page_get_persona (self) != NULL &&
      !jm_persona_page_set_photo_file (self, file, &error))
    jm_alert_show_error (GTK_WIDGET (self), _("Could Not Use the Photo"), error);
}

static GtkFileFilter *
jm_persona_page_new_photo_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* What the renderer draws and a map keeps. */
  gtk_file_filter_set_name (filter, _("PNG, JPEG and SVG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_photo_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(JmPersonaPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Dismissing the dialog is no error worth a word. */
  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  jm_persona_page_use_chosen (self, file);
}

static void
on_choose_photo_cb (JmPersonaPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = jm_persona_page_new_photo_filter ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Choose a Photo"));
  gtk_file_dialog_set_accept_label (dialog, _("_Choose"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_open (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        on_photo_chosen_cb, g_object_ref (self));
}
#else
static void
on_photo_chosen_cb (GtkNativeDialog *dialog,
                    int              response,
                    JmPersonaPage   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  jm_persona_page_use_chosen (self, file);

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_choose_photo_cb (JmPersonaPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = jm_persona_page_new_photo_filter ();
  GtkFileChooserNative *dialog;

  /* GTK 4.8 has no GtkFileDialog. */
  dialog = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_photo_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

static void
on_remove_photo_cb (JmPersonaPage *self)
{
  JmPersona *persona = jm_persona_page_get_persona (self);
  g_autoptr(GError) error = NULL;

  if (persona == NULL || jm_persona_get_photo (persona) == NULL)
    return;

  if (!jm_persona_page_set_photo (self, NULL, NULL, &error))
    jm_inspector_page_refuse (JM_INSPECTOR_PAGE (self), error);
}

static void
jm_persona_page_class_init (JmPersonaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-persona-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, primary_switch);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, goals_view);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, motivations_view);
  gtk_widget_class_bind_template_child (widget_class, JmPersonaPage, frustrations_view);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_photo_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_photo_cb);
}

static void
jm_persona_page_init (JmPersonaPage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (page, self->name_row, "name");
  jm_inspector_page_bind_text (page, self->role_row, "role");
  jm_inspector_page_bind_switch (page, self->primary_switch, "primary");
  jm_inspector_page_bind_long_text (page, self->description_view, "description");
  jm_inspector_page_bind_long_text (page, self->goals_view, "goals");
  jm_inspector_page_bind_long_text (page, self->motivations_view, "motivations");
  jm_inspector_page_bind_long_text (page, self->frustrations_view, "frustrations");
}
