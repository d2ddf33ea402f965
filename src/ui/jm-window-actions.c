/* jm-window-actions.c: the window's actions
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When they are enabled follows what is shown, in jm-window-view.c. The
 * actions reach down to the file dialogs (jm-window-files.c), the map
 * shown (jm-window-view.c) and the window's state (jm-window-state.c);
 * only jm-window.c, which installs them, calls up into this part.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit.h"
#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "io/jm-document-io.h"
#include "session/jm-template.h"
#include "jm-alert.h"
#include "jm-clipboard.h"
#include "jm-export-dialog.h"
#include "jm-persona-library-dialog.h"
#include "library/jm-persona-library.h"
#include "jm-presentation.h"
#include "jm-print.h"
#include "jm-template-gallery.h"
#include "jm-window-private.h"


/* Ctrl+F opens the search bar over the map, with what was looked for last
 * selected so that typing replaces it; its matches are outlined again. */
static void
jm_window_find_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (self->search_entry, 0, -1);
  _jm_window_find (self);
}

static void
jm_window_find_step_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  _jm_window_find_step (self, g_str_equal (action_name, "win.find-previous") ? -1 : 1);
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
  else if (g_str_equal (action_name, "win.zoom-selection"))
    jm_map_canvas_zoom_to_selection (self->canvas);
  else
    jm_map_canvas_set_zoom (self->canvas, 1.0);
}

static void
jm_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  JmExportDialog *dialog;

  if (jm_window_get_document (self) == NULL)
    return;

  dialog = jm_export_dialog_new (GTK_WINDOW (self), jm_window_get_document (self), self->layer_mode);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jm_window_exported_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               jm_export_dialog_new_exported_toast (g_variant_get_string (parameter, NULL)));
}

/* The exported toast's Open button. */
static void
jm_window_open_exported_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  jm_export_dialog_open_file (GTK_WINDOW (widget), file);
}

/* A window that shows a map, or opens one, keeps it; the new one gets
 * its own. */
static JmWindow *
jm_window_show_new_map (JmWindow   *self,
                        JmDocument *document)
{
  JmWindow *target = self;

  if (_jm_window_is_taken (self))
    {
      target = _jm_window_new_sibling (self);
      gtk_window_present (GTK_WINDOW (target));
    }

  _jm_window_set_document (target, document);
  return target;
}

/* A blank map, with the assistant beside it at its first step. */
static void
jm_window_new_with_assistant_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  JmWindow *target;

  bytes = jm_template_lookup ("blank", &error);
  if (bytes != NULL)
    document = jm_xml_reader_read_bytes (bytes, "blank", &error);
  if (document == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Create the Map"), error);
      return;
    }

  target = jm_window_show_new_map (self, document);
  gtk_revealer_set_reveal_child (target->assistant_revealer, TRUE);
  jm_assistant_panel_show_step (target->assistant, JM_ASSISTANT_STEP_OBJECTIVES);
  gtk_widget_grab_focus (jm_assistant_panel_find (target->assistant, "title"));
}

/* Shows or hides the assistant; it resumes at the map's first step not
 * done, read from the map. */
static void
jm_window_toggle_assistant_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  gboolean show = !gtk_revealer_get_reveal_child (self->assistant_revealer);

  gtk_revealer_set_reveal_child (self->assistant_revealer, show);
  if (!show)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
jm_window_new_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  const char *template = parameter != NULL ? g_variant_get_string (parameter, NULL) : "blank";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  bytes = jm_template_lookup (template, &error);
  if (bytes != NULL)
    document = jm_xml_reader_read_bytes (bytes, template, &error);
  if (document == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Create the Map"), error);
      return;
    }

  jm_window_show_new_map (self, document);
}

static void
on_template_chosen_cb (JmTemplateGallery *gallery,
                       JmTemplate        *template,
                       JmWindow          *self)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jm_template_read (template, &error);
  if (document == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Create the Map"), error);
      return;
    }

  jm_window_show_new_map (self, document);
}

/* New (Ctrl+N) starts from the gallery of templates, the blank map first. */
static void
jm_window_choose_template_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GFile) folder = jm_template_get_user_folder ();
  JmTemplateGallery *gallery = jm_template_gallery_new (GTK_WINDOW (self), folder);

  g_signal_connect_object (gallery, "template-chosen", G_CALLBACK (on_template_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (gallery));
}

static void
jm_window_save_template_response_cb (JmAlert    *alert,
                                     const char *response,
                                     gpointer    user_data)
{
  JmWindow *self = JM_WINDOW (user_data);
  GtkEditable *entry = g_object_get_data (G_OBJECT (alert), "entry");
  g_autoptr(GFile) folder = jm_template_get_user_folder ();
  g_autoptr(JmTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  JmDocument *document = jm_window_get_document (self);

  if (!g_str_equal (response, "save") || document == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (jm_document_get_display_title (document));
    }

  template = jm_template_save_user (document, name, folder, &error);
  if (template == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Save the Template"), error);
      return;
    }

  message = g_strdup_printf (_("“%s” is now one of your templates"), jm_template_get_name (template));
  adw_toast_overlay_add_toast (self->toast_overlay, jm_alert_new_toast (message));
}

/* Keeps a copy of the map among the user's templates, under a name. */
static void
jm_window_save_as_template_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  JmDocument *document = jm_window_get_document (self);
  JmAlert *alert;
  GtkWidget *entry;

  if (document == NULL)
    return;

  alert = jm_alert_new (_("Save as Template"),
                        _("New maps can start from a copy of this one: it is listed in the gallery of New."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), jm_document_get_display_title (document));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), JM_MAX_NAME_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Template name"), -1);
  jm_alert_set_extra_child (alert, entry);
  g_object_set_data (G_OBJECT (alert), "entry", entry);
  jm_alert_add_response (alert, "cancel", _("_Cancel"));
  jm_alert_add_response (alert, "save", _("_Save"));
  jm_alert_set_response_appearance (alert, "save", ADW_RESPONSE_SUGGESTED);
  jm_alert_set_default_response (alert, "save");
  jm_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (jm_window_save_template_response_cb), self, 0);
  jm_alert_present (alert, GTK_WIDGET (self));
}

static void
jm_window_undo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (jm_window_get_stack (self) == NULL)
    return;

  if (g_str_equal (action_name, "doc.undo"))
    jm_command_stack_undo (jm_window_get_stack (self));
  else
    jm_command_stack_redo (jm_window_get_stack (self));
}

static void
jm_window_toast_undoable (JmWindow   *self,
                          const char *message)
{
  AdwToast *toast = jm_alert_new_toast (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Each copy of an image's picture is written out again in the file:
 * whether copies of @items still leave the map small enough to save. */
static gboolean
jm_window_check_room_for_copies (JmWindow   *self,
                                 GPtrArray  *items,
                                 GError    **error)
{
  gsize pictures = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GBytes *image = jm_item_get_image (items->pdata[i]);

      if (image != NULL && jm_item_get_kind (items->pdata[i]) == JM_ITEM_KIND_IMAGE)
        pictures += g_bytes_get_size (image);
    }

  return jm_document_io_check_room (jm_window_get_document (self), pictures, 0, error);
}

/* The items of a layer of @document, in their order. */
static GPtrArray *
layer_items (JmDocument   *document,
             JmLayerState  state)
{
  JmObjectStore *store = jm_layer_get_items (jm_document_get_layer (document, state));
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    g_ptr_array_add (items, jm_object_store_get_object (store, i));

  return items;
}

static void
jm_window_start_future_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (jm_window_get_stack (self) == NULL)
    return;

  items = layer_items (jm_window_get_document (self), JM_LAYER_STATE_CURRENT);
  if (!jm_window_check_room_for_copies (self, items, &error) ||
      !jm_edit_start_future_from_current (jm_window_get_stack (self), &error))
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Start the Future State"), error);
      return;
    }

  /* Show what was just made, beside what it came from. */
  gtk_widget_activate_action (widget, "win.layer", "s", "future");
  jm_window_toast_undoable (self, _("The future state starts as a copy of the current one"));
}

static void
jm_window_copy_to_future_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GPtrArray) selection = jm_selection_dup_objects (jm_map_canvas_get_selection (self->canvas));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JmLayer *current;

  if (jm_window_get_stack (self) == NULL)
    return;

  current = jm_document_get_layer (jm_window_get_document (self), JM_LAYER_STATE_CURRENT);
  for (guint i = 0; i < selection->len; i++)
    {
      if (JM_IS_ITEM (selection->pdata[i]) &&
          jm_object_store_find (jm_layer_get_items (current), selection->pdata[i], NULL))
        g_ptr_array_add (items, selection->pdata[i]);
    }

  if (items->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   jm_alert_new_toast (_("Select items of the current state to copy them")));
      return;
    }

  if (!jm_window_check_room_for_copies (self, items, &error) ||
      !jm_edit_copy_to_future (jm_window_get_stack (self), items, &error))
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Copy to the Future State"), error);
      return;
    }

  jm_window_toast_undoable (self, _("Copied to the future state"));
}

static void
jm_window_toggle_inspector_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  gboolean show = !gtk_revealer_get_reveal_child (self->inspector_revealer);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Focus hidden with the inspector would fall to the first control of
   * the window, the Open button: it goes back to the map instead. */
  if (!show && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->inspector_revealer)))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  gtk_revealer_set_reveal_child (self->inspector_revealer, show);
}

static void
jm_window_present_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  JmObject *primary;
  const char *stage_id = NULL;
  int stage;

  if (jm_window_get_document (self) == NULL)
    return;

  /* From the stage of what is selected, as presentation programs start
   * from the slide selected; else from the first. */
  primary = jm_selection_get_primary (jm_map_canvas_get_selection (self->canvas));
  if (JM_IS_STAGE (primary))
    stage_id = jm_object_get_id (primary);
  else if (JM_IS_ITEM (primary))
    stage_id = jm_item_get_stage_id (JM_ITEM (primary));
  else if (JM_IS_EMOTION_POINT (primary))
    stage_id = jm_emotion_point_get_stage_id (JM_EMOTION_POINT (primary));
  stage = stage_id != NULL ? jm_document_get_stage_index (jm_window_get_document (self), stage_id) : -1;

  jm_presentation_new (GTK_WINDOW (self), jm_window_get_document (self), self->layer_mode, MAX (stage, 0));
}

static void
jm_window_toggle_insights_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->insights_revealer,
                                 !gtk_revealer_get_reveal_child (self->insights_revealer));
}

static void
jm_window_print_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (jm_window_get_document (self) == NULL)
    return;

  jm_print_show_dialog (GTK_WINDOW (self), jm_window_get_document (self), self->layer_mode,
                        jm_map_canvas_get_layout (self->canvas));
}

/* The shortcuts window is built when first asked for, not with every
 * window as GtkApplication does with gtk/help-overlay.ui: it is a large
 * tree that few sessions open, and building it costs a tenth of startup. */
static void
jm_window_show_shortcuts_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/journeymap/Journeymap/ui/jm-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static GPtrArray *
jm_window_selected_items (JmWindow *self)
{
  g_autoptr(GPtrArray) selection = jm_selection_dup_objects (jm_map_canvas_get_selection (self->canvas));
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < selection->len; i++)
    {
      if (JM_IS_ITEM (selection->pdata[i]))
        g_ptr_array_add (items, selection->pdata[i]);
    }

  return items;
}

/* Copies the selected items; a cut then deletes them. */
static void
jm_window_copy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  JmLayerState shown;

  if (jm_window_get_document (self) == NULL)
    return;

  items = jm_window_selected_items (self);
  if (items->len == 0)
    return;

  jm_clipboard_copy_items (gtk_widget_get_clipboard (widget), jm_window_get_document (self), items);

  shown = _jm_window_get_shown_state (self);
  if (g_str_equal (action_name, "doc.cut") &&
      !jm_edit_delete_items (jm_window_get_stack (self), shown, items, &error))
    jm_alert_show_error (GTK_WIDGET (self), _("Could Not Cut"), error);
}

/* Pasted items keep their cells when this map has them, else go to the
 * cell of the first selected item, else to the first cell. */
static void
jm_window_paste_items (JmWindow  *self,
                       GPtrArray *items)
{
  g_autoptr(GPtrArray) selection = jm_selection_dup_objects (jm_map_canvas_get_selection (self->canvas));
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  const char *stage_id = NULL, *lane_id = NULL;
  JmObject *stage = jm_object_store_get_object (jm_document_get_stages (jm_window_get_document (self)), 0);
  JmObject *lane = jm_object_store_get_object (jm_document_get_lanes (jm_window_get_document (self)), 0);

  if (selection->len > 0 && JM_IS_ITEM (selection->pdata[0]))
    {
      stage_id = jm_item_get_stage_id (selection->pdata[0]);
      lane_id = jm_item_get_lane_id (selection->pdata[0]);
    }
  else if (stage != NULL && lane != NULL)
    {
      stage_id = jm_object_get_id (stage);
      lane_id = jm_object_get_id (lane);
    }

  if (!jm_window_check_room_for_copies (self, items, &error))
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Paste"), error);
      return;
    }

  added = jm_edit_paste_items (jm_window_get_stack (self), _jm_window_get_shown_state (self),
                               items, stage_id, lane_id, &error);
  if (added == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Paste"), error);
      return;
    }

  jm_map_canvas_clear_selection (self->canvas);
  for (guint i = 0; i < added->len; i++)
    jm_map_canvas_select (self->canvas, added->pdata[i], TRUE);
}

static void
jm_window_paste_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  g_autoptr(JmDocument) clip = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  clip = jm_clipboard_read_items_finish (result, &error);
  if (error != NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Paste"), error);
      return;
    }

  if (clip == NULL || jm_window_get_document (self) == NULL)
    return;

  items = layer_items (clip, JM_LAYER_STATE_CURRENT);
  jm_window_paste_items (self, items);
}

/* Reads the clipboard of this and every other window, and app. */
static void
jm_window_paste_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (jm_window_get_document (self) == NULL)
    return;

  jm_clipboard_read_items_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 jm_window_paste_cb, g_object_ref (self));
}

static void
jm_window_duplicate_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GPtrArray) items = NULL;

  if (jm_window_get_document (self) == NULL)
    return;

  items = jm_window_selected_items (self);
  if (items->len > 0)
    jm_window_paste_items (self, items);
}

static void
jm_window_select_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JmMapCanvas *canvas = jm_window_get_canvas (JM_WINDOW (widget));

  if (g_str_equal (action_name, "doc.select-all"))
    jm_map_canvas_select_all (canvas);
  else
    jm_map_canvas_clear_selection (canvas);
}

/* The keyboard's way to draw a link: from the first of two selected items
 * to the second, in the order they were selected. */
static void
jm_window_link_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (jm_window_get_document (self) == NULL)
    return;

  items = jm_window_selected_items (self);
  if (items->len != 2)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (jm_edit_add_link (jm_window_get_stack (self), _jm_window_get_shown_state (self),
                        jm_object_get_id (items->pdata[0]), jm_object_get_id (items->pdata[1]), NULL,
                        &error) == NULL)
    jm_alert_show_error (GTK_WIDGET (self), _("Could Not Link the Items"), error);
}

static void
jm_window_open_uri_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _jm_window_open_in_free_window (self, file);
}

/* Where a new stage or lane goes: after the selected one, or after the
 * one the selected item is in, or last. */
static guint
jm_window_insert_position (JmWindow      *self,
                           JmObjectStore *store,
                           gboolean       stages)
{
  g_autoptr(GPtrArray) selection = jm_selection_dup_objects (jm_map_canvas_get_selection (self->canvas));
  JmObject *anchor = NULL;
  guint position;

  if (selection->len == 1)
    {
      JmObject *selected = selection->pdata[0];

      if (JM_IS_ITEM (selected))
        anchor = jm_object_store_lookup (store, stages ? jm_item_get_stage_id (JM_ITEM (selected))
                                                       : jm_item_get_lane_id (JM_ITEM (selected)));
      else if (stages ? JM_IS_STAGE (selected) : JM_IS_LANE (selected))
        anchor = selected;
    }

  if (anchor != NULL && jm_object_store_find (store, anchor, &position))
    return position + 1;

  return jm_object_store_get_n_objects (store);
}

/* A new stage or lane, selected with the inspector open to name it. */
static void
jm_window_add_stage_or_lane_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  gboolean stage = g_str_equal (action_name, "doc.add-stage");
  g_autoptr(GError) error = NULL;
  JmDocument *document;
  JmObject *added;

  if (jm_window_get_stack (self) == NULL)
    return;

  document = jm_window_get_document (self);
  if (stage)
    added = JM_OBJECT (jm_edit_add_stage (jm_window_get_stack (self),
                                          jm_window_insert_position (self, jm_document_get_stages (document), TRUE),
                                          _("New stage"), &error));
  else
    added = JM_OBJECT (jm_edit_add_lane (jm_window_get_stack (self),
                                         jm_window_insert_position (self, jm_document_get_lanes (document), FALSE),
                                         JM_LANE_KIND_TEXT, _("New lane"), &error));
  if (added == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), stage ? _("Could Not Add a Stage") : _("Could Not Add a Lane"),
                           error);
      return;
    }

  jm_map_canvas_select (self->canvas, added, FALSE);
  jm_map_canvas_scroll_to_object (self->canvas, added);
  gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
}

static void
jm_window_add_persona_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  JmPersona *persona;

  if (jm_window_get_stack (self) == NULL)
    return;

  persona = jm_edit_add_persona (jm_window_get_stack (self), _("New persona"), &error);
  if (persona == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Add a Persona"), error);
      return;
    }

  /* Straight to its details in the inspector. */
  jm_map_canvas_select (self->canvas, JM_OBJECT (persona), FALSE);
  gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
}

/* Keeps the persona the inspector shows in the persona library, for
 * other maps; the map itself does not change. */
static void
jm_window_save_persona_to_library_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GObject *object = jm_inspector_get_object (self->inspector);
  g_autofree char *dir = jm_persona_library_default_dir ();
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!JM_IS_PERSONA (object))
    return;

  path = jm_persona_library_save (dir, JM_PERSONA (object), &error);
  if (path == NULL)
    {
      jm_alert_show_error (widget, _("Could Not Save the Persona to the Library"), error);
      return;
    }

  message = g_strdup_printf (_("“%s” saved to the persona library"),
                             jm_persona_get_name (JM_PERSONA (object)) ?: "");
  adw_toast_overlay_add_toast (self->toast_overlay, jm_alert_new_toast (message));
}

static void
on_library_persona_added_cb (JmWindow  *self,
                             JmPersona *persona)
{
  /* Straight to its details, as a new persona. */
  jm_map_canvas_select (self->canvas, JM_OBJECT (persona), FALSE);
  gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
}

static void
jm_window_add_persona_from_library_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autofree char *dir = jm_persona_library_default_dir ();
  JmPersonaLibraryDialog *dialog;

  if (jm_window_get_stack (self) == NULL)
    return;

  dialog = jm_persona_library_dialog_new (GTK_WINDOW (self), jm_window_get_stack (self), dir);
  g_signal_connect_object (dialog, "persona-added", G_CALLBACK (on_library_persona_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jm_window_delete_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!jm_map_canvas_delete_selection (self->canvas, &error))
    jm_alert_show_error (GTK_WIDGET (self), _("Could Not Delete"), error);
}

/* Alt+arrows: the selected cards one cell on, a stage or lane selected
 * alone one place, an emotion point one score, wherever focus is. */
static void
jm_window_move_selection_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  const char *direction = action_name + strlen ("doc.move-selection-");
  int dx = 0, dy = 0;

  if (g_str_equal (direction, "left"))
    dx = -1;
  else if (g_str_equal (direction, "right"))
    dx = 1;
  else if (g_str_equal (direction, "up"))
    dy = -1;
  else
    dy = 1;

  if (!jm_map_canvas_move_selection (self->canvas, dx, dy))
    gtk_widget_error_bell (widget);
}

/* The panes F6 steps through, in this order. */
enum { PANE_PALETTE, PANE_OUTLINE, PANE_CANVAS, PANE_INSPECTOR, N_PANES };

static GtkWidget *
jm_window_get_pane (JmWindow *self,
                    int       pane)
{
  switch (pane)
    {
    case PANE_PALETTE:
      return GTK_WIDGET (self->palette);
    case PANE_OUTLINE:
      return GTK_WIDGET (self->outline);
    case PANE_CANVAS:
      return GTK_WIDGET (self->canvas);
    default:
      return GTK_WIDGET (self->inspector);
    }
}

/* The palette and the outline are pages of one stack beside the map: F6
 * shows the one it goes to. The others are skipped while hidden. */
static gboolean
jm_window_pane_shown (JmWindow *self,
                      int       pane)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self->palette), GTK_TYPE_STACK);

  switch (pane)
    {
    case PANE_PALETTE:
    case PANE_OUTLINE:
      return stack != NULL && gtk_widget_get_mapped (stack);
    case PANE_CANVAS:
      return gtk_widget_get_mapped (GTK_WIDGET (self->canvas));
    default:
      return gtk_revealer_get_reveal_child (self->inspector_revealer) &&
             gtk_widget_get_mapped (GTK_WIDGET (self->inspector_revealer));
    }
}

static void
jm_window_focus_pane (JmWindow *self,
                      int       pane)
{
  GtkWidget *widget = jm_window_get_pane (self, pane);
  GtkWidget *stack = gtk_widget_get_ancestor (widget, GTK_TYPE_STACK);

  if (pane == PANE_PALETTE || pane == PANE_OUTLINE)
    gtk_stack_set_visible_child (GTK_STACK (stack), widget);

  if (pane == PANE_CANVAS || !gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (widget);
}

/* F6 and Shift+F6: palette → outline → canvas → inspector and round,
 * from the pane that has focus, as GNOME apps move between panes. */
static void
jm_window_focus_pane_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  int step = g_str_equal (action_name, "win.focus-previous-pane") ? -1 : 1;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int pane = step > 0 ? -1 : N_PANES;

  for (int i = 0; focus != NULL && i < N_PANES; i++)
    {
      GtkWidget *candidate = jm_window_get_pane (self, i);

      if (focus == candidate || gtk_widget_is_ancestor (focus, candidate))
        pane = i;
    }

  for (int i = 0; i < N_PANES; i++)
    {
      pane = (pane + step + N_PANES) % N_PANES;
      if (jm_window_pane_shown (self, pane))
        {
          jm_window_focus_pane (self, pane);
          return;
        }
    }
}

static void
jm_window_close_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
jm_window_stop_comparing_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _jm_window_stop_comparing (JM_WINDOW (widget));
}

static void
jm_window_discard_recovered_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GFile) file = jm_window_get_file (self) != NULL ? g_object_ref (jm_window_get_file (self)) : NULL;

  /* Back to the map as it was saved (which forgets the recovery copy once
   * it is read; should it not be, the recovered map stays, with its
   * copy), or nothing if it never was. */
  if (file != NULL)
    {
      jm_window_open_file (self, file);
      return;
    }

  jm_map_session_discard_draft (self->session);
  gtk_window_destroy (GTK_WINDOW (self));
}
/**
 * _jm_window_class_actions_init:
 *
 * Installs the window's actions and their keys, as part of its class.
 */
void
_jm_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, _jm_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, jm_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, jm_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s", jm_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.choose-template", NULL, jm_window_choose_template_action);
  gtk_widget_class_install_action (widget_class, "win.new-with-assistant", NULL, jm_window_new_with_assistant_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-assistant", NULL, jm_window_toggle_assistant_action);
  gtk_widget_class_install_action (widget_class, "doc.save-as-template", NULL, jm_window_save_as_template_action);
  gtk_widget_class_install_action (widget_class, "doc.undo", NULL, jm_window_undo_action);
  gtk_widget_class_install_action (widget_class, "doc.redo", NULL, jm_window_undo_action);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, _jm_window_save_action);
  gtk_widget_class_install_action (widget_class, "doc.save-as", NULL, _jm_window_save_action);
  gtk_widget_class_install_action (widget_class, "doc.delete", NULL, jm_window_delete_action);
  gtk_widget_class_install_action (widget_class, "doc.copy", NULL, jm_window_copy_action);
  gtk_widget_class_install_action (widget_class, "doc.add-persona", NULL, jm_window_add_persona_action);
  gtk_widget_class_install_action (widget_class, "doc.add-persona-from-library", NULL,
                                   jm_window_add_persona_from_library_action);
  gtk_widget_class_install_action (widget_class, "doc.save-persona-to-library", NULL,
                                   jm_window_save_persona_to_library_action);
  gtk_widget_class_install_action (widget_class, "win.import-personas", NULL, _jm_window_import_personas_action);
  gtk_widget_class_install_action (widget_class, "doc.add-stage", NULL, jm_window_add_stage_or_lane_action);
  gtk_widget_class_install_action (widget_class, "doc.add-lane", NULL, jm_window_add_stage_or_lane_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", jm_window_open_uri_action);
  gtk_widget_class_install_action (widget_class, "doc.cut", NULL, jm_window_copy_action);
  gtk_widget_class_install_action (widget_class, "doc.paste", NULL, jm_window_paste_action);
  gtk_widget_class_install_action (widget_class, "doc.duplicate", NULL, jm_window_duplicate_action);
  gtk_widget_class_install_action (widget_class, "doc.link", NULL, jm_window_link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "doc.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "doc.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "doc.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "doc.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "doc.link", NULL);
  /* A window binding runs after the focused widget's own keys, so Ctrl+A
   * in a text field still selects its text. Escape, which clears the
   * selection, is the canvas's own key (jm-map-canvas-gestures.c). */
  gtk_widget_class_install_action (widget_class, "doc.select-all", NULL, jm_window_select_action);
  gtk_widget_class_install_action (widget_class, "doc.select-none", NULL, jm_window_select_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "doc.select-all", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, jm_window_toggle_inspector_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-insights", NULL, jm_window_toggle_insights_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.toggle-insights", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, jm_window_show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "doc.start-future", NULL, jm_window_start_future_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", NULL, jm_window_discard_recovered_action);
  gtk_widget_class_install_action (widget_class, "doc.copy-to-future", NULL, jm_window_copy_to_future_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, jm_window_export_action);
  gtk_widget_class_install_action (widget_class, "doc.import-csv", NULL, _jm_window_import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with-file", NULL, _jm_window_compare_action);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, jm_window_stop_comparing_action);
  gtk_widget_class_install_action (widget_class, "doc.merge-changes", NULL, _jm_window_merge_action);
  gtk_widget_class_install_action (widget_class, "win.exported", "s", jm_window_exported_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", jm_window_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, jm_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-selection", NULL, jm_window_zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.layer", "layer");
  /* Never enabled: it greys out the placeholder of an empty Open Recent. */
  gtk_widget_class_install_action (widget_class, "win.no-recent-maps", NULL, NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.choose-template", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "doc.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "doc.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, jm_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, jm_window_present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, jm_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, jm_window_find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, jm_window_find_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  /* Menus show the accelerator bound last: the keypad's come first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.zoom-selection", NULL);
  /* The states, as the header bar's switcher orders them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.layer", "s", "current");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.layer", "s", "future");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.layer", "s", "both");

  /* Acting on the selection wherever focus is: a text field takes its
   * own Delete and arrows first, as the window's bindings run after the
   * focused widget's keys. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "doc.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "doc.delete", NULL);
  gtk_widget_class_install_action (widget_class, "doc.move-selection-left", NULL, jm_window_move_selection_action);
  gtk_widget_class_install_action (widget_class, "doc.move-selection-right", NULL, jm_window_move_selection_action);
  gtk_widget_class_install_action (widget_class, "doc.move-selection-up", NULL, jm_window_move_selection_action);
  gtk_widget_class_install_action (widget_class, "doc.move-selection-down", NULL, jm_window_move_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "doc.move-selection-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "doc.move-selection-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "doc.move-selection-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "doc.move-selection-down", NULL);
  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", NULL, jm_window_focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-pane", NULL, jm_window_focus_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.focus-previous-pane", NULL);

}
