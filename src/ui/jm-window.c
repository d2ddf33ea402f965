/* jm-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include <unistd.h>

#include "jm-window.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "export/jm-export.h"
#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "session/jm-map-session.h"
#include "model/jm-compare.h"
#include "jm-alert.h"
#include "jm-map-canvas.h"
#include "jm-export-dialog.h"
#include "jm-inspector.h"
#include "jm-outline.h"
#include "jm-palette.h"
#include "jm-print.h"

struct _JmWindow
{
  AdwApplicationWindow parent_instance;

  /* The map shown: its file, history, recovery copy and loading. */
  JmMapSession   *session;
  JmDraftStore   *drafts;       /* handed to the session when it is made */
  guint           opening_tick_id;
  gboolean        opening_page_drawn;
  GCancellable   *cancellable;
  gboolean        close_after_save;
  GtkWindow      *shortcuts_window;
  GtkNativeDialog *file_chooser; /* the last Open or Save As dialog, kept */

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkStack        *main_stack;
  AdwStatusPage   *opening_page;
  AdwToastOverlay *toast_overlay;
  JmMapCanvas     *canvas;
  JmInspector     *inspector;
  JmOutline       *outline;
  JmPalette       *palette;
  GtkRevealer     *inspector_revealer;
  GtkWidget       *layer_switcher;
  GtkWidget       *differences_button;
  GtkWidget       *differences_popover;
  GtkListBox      *differences_list;
  GPtrArray       *differences;

  JmLayerMode      layer_mode;
  GSettings       *settings;
  GMenu           *recent_menu;
  GtkMenuButton   *primary_menu_button;
  GMenuModel      *primary_menu;
};

G_DEFINE_FINAL_TYPE (JmWindow, jm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LAYER,
  PROP_DRAFTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The "layer" property backs the stateful win.layer action, so the layer
 * buttons show which state is in view. */
static const char *layer_names[] = { "current", "future", "both" };

/* The map's name in messages: its title, or else its file's name. */
static char *
jm_window_dup_map_name (JmWindow *self)
{
  JmDocument *document = jm_window_get_document (self);
  GFile *file = jm_window_get_file (self);
  const char *title = jm_document_get_title (document);

  if ((title == NULL || *title == '\0') && file != NULL)
    return g_file_get_basename (file);
  return g_strdup (jm_document_get_display_title (document));
}

static void
jm_window_update_title (JmWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *shown = NULL;
  GFile *file = jm_map_session_get_file (self->session);
  const char *title;

  g_assert (JM_IS_WINDOW (self));

  if (jm_window_get_document (self) == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Journeymap"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Journeymap"));
      return;
    }

  basename = file != NULL ? g_file_get_basename (file) : g_strdup (_("Not saved yet"));
  title = jm_map_session_get_title (self->session);

  /* A dot before the title says there are unsaved changes. */
  if (jm_map_session_get_modified (self->session))
    shown = g_strdup_printf ("• %s", title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

static void
jm_window_update_actions (JmWindow *self)
{
  /* Not while the map is being replaced by the one read. */
  gboolean has_map = jm_window_get_document (self) != NULL && !jm_map_session_get_loading (self->session);

  g_assert (JM_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-selection", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.layer", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save-as", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.undo",
                                 has_map && jm_command_stack_get_can_undo (jm_window_get_stack (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.redo",
                                 has_map && jm_command_stack_get_can_redo (jm_window_get_stack (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.delete", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.cut", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.copy", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.paste", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.duplicate", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.link", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-persona", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-stage", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-lane", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.start-future", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.copy-to-future", has_map);
  gtk_widget_set_visible (self->layer_switcher, has_map);
}

static void
on_session_changed_cb (JmWindow     *self,
                       JmMapSession *session)
{
  jm_window_update_title (self);
  jm_window_update_actions (self);
}

/* The Opening page is no longer waited on. */
static void
jm_window_stop_opening (JmWindow *self)
{
  if (self->opening_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->opening_page), self->opening_tick_id);
  self->opening_tick_id = 0;
}

/* A frame is being drawn with the Opening page in it. */
static gboolean
on_opening_page_tick_cb (GtkWidget     *page,
                         GdkFrameClock *clock,
                         gpointer       user_data)
{
  JmWindow *self = user_data;

  self->opening_page_drawn = TRUE;
  self->opening_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
jm_window_show_opening_page (JmWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "opening");
  self->opening_page_drawn = FALSE;
  if (self->opening_tick_id == 0)
    self->opening_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->opening_page),
                                                          on_opening_page_tick_cb, self, NULL);
}

/* Shows the page @name. From an Opening page that was never drawn (the
 * map was read before the window's next frame, as at startup), without
 * the crossfade: it would fade the map in from a page nobody saw, and the
 * first frame would show that page rather than the map. */
static void
jm_window_show_page (JmWindow   *self,
                     const char *name)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->main_stack);

  if (visible == GTK_WIDGET (self->opening_page) && !self->opening_page_drawn)
    gtk_stack_set_visible_child_full (self->main_stack, name, GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (self->main_stack, name);
}

/* A window is taken when it shows a map or is opening one: a map made or
 * opened then goes to a new window, and what it shows is never replaced
 * (with unsaved changes, they and their recovery copy would go). */
static gboolean
jm_window_is_taken (JmWindow *self)
{
  return jm_window_get_document (self) != NULL || jm_map_session_get_loading (self->session);
}

/* Opens @file in this window if it is free, else in a new one. */
static void
jm_window_open_in_free_window (JmWindow *self,
                               GFile    *file)
{
  JmWindow *window = self;

  if (jm_window_is_taken (self))
    {
      window = jm_window_new (JM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (window));
    }
  jm_window_open_file (window, file);
}

/* .jmap files dropped on the window open: the first in this window if it
 * is free, the others each in a new window. */
static gboolean
on_files_dropped_cb (JmWindow      *self,
                     const GValue  *value,
                     double         x,
                     double         y,
                     GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);
  gboolean opened = FALSE;

  for (const GSList *iter = files; iter != NULL; iter = iter->next)
    {
      g_autofree char *name = g_file_get_basename (iter->data);

      if (name == NULL || !g_str_has_suffix (name, ".jmap"))
        continue;

      jm_window_open_in_free_window (self, iter->data);
      opened = TRUE;
    }

  return opened;
}

/* A palette entry activated without a drag adds at the selection. */
static void
on_palette_entry_activated_cb (JmWindow   *self,
                               const char *payload,
                               JmPalette  *palette)
{
  g_autoptr(GError) error = NULL;

  if (jm_window_get_document (self) != NULL && !jm_map_canvas_add_from_palette (self->canvas, payload, &error) && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* A row of the outline selects its stage, item or lane on the map, and
 * shows it. */
static void
on_outline_object_activated_cb (JmWindow  *self,
                                JmObject  *object,
                                JmOutline *outline)
{
  jm_map_canvas_select (self->canvas, object, FALSE);
  jm_map_canvas_scroll_to_object (self->canvas, object);
}

/* The inspector edits what is selected, or the map itself. */
static void
on_canvas_selection_changed_cb (JmWindow    *self,
                                JmMapCanvas *canvas)
{
  GPtrArray *selection = jm_map_canvas_get_selection (canvas);

  jm_inspector_set_object (self->inspector,
                           selection->len == 1 ? selection->pdata[0] : G_OBJECT (jm_window_get_document (self)));
}

/* @layout, if not %NULL, was made for the document beforehand. */
static void
jm_window_show_document (JmWindow *self,
                         JmLayout *layout)
{
  g_assert (JM_IS_WINDOW (self));

  jm_map_canvas_set_stack (self->canvas, jm_window_get_stack (self));
  if (layout != NULL)
    jm_map_canvas_set_layout (self->canvas, layout);
  else
    jm_map_canvas_set_document (self->canvas, jm_window_get_document (self));
  jm_inspector_set_stack (self->inspector, jm_window_get_stack (self));
  jm_inspector_set_object (self->inspector, G_OBJECT (jm_window_get_document (self)));
  jm_outline_set_document (self->outline, jm_window_get_document (self),
                           jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas)));
  jm_window_show_page (self, "map");
  jm_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

#define MAX_RECENT_FILES 10

/* Fills the Open Recent menu from the settings, which every window shares,
 * so a map opened in one window is offered in all of them. */
static void
jm_window_update_recent_menu (JmWindow *self)
{
  g_auto(GStrv) uris = NULL;

  g_menu_remove_all (self->recent_menu);
  if (self->settings != NULL)
    uris = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *basename = g_path_get_basename (name);
      g_autoptr(GString) label = g_string_new (basename);
      g_autoptr(GMenuItem) item = NULL;

      /* Menu labels take "_" as a mnemonic mark: keep the file's own. */
      g_string_replace (label, "_", "__", 0);
      item = g_menu_item_new (label->str, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-uri", g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_menu, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) == 0)
    g_menu_append (self->recent_menu, _("No Recent Maps"), "win.no-recent-maps");
}

/* Puts @uri first among the recent maps, once. */
static void
jm_window_remember_uri (JmWindow   *self,
                        const char *uri)
{
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  uris = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; uris[i] != NULL && kept < MAX_RECENT_FILES; i++)
    {
      if (g_str_equal (uris[i], uri))
        continue;
      g_strv_builder_add (builder, uris[i]);
      kept++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

/* Maps opened and saved are offered again by the Open Recent menu, the
 * file chooser and the desktop's recent files. */
static void
jm_window_add_recent (JmWindow *self)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (jm_window_get_file (self) == NULL)
    return;

  uri = g_file_get_uri (jm_window_get_file (self));
  jm_window_remember_uri (self, uri);
  data.display_name = (char *) jm_document_get_title (jm_window_get_document (self));
  data.mime_type = (char *) "application/x-journeymap+xml";
  data.app_name = (char *) "Journeymap";
  data.app_exec = (char *) "journeymap %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Shows @document, with a new, clean history. */
static void
jm_window_set_document (JmWindow   *self,
                        JmDocument *document)
{
  g_assert (JM_IS_WINDOW (self));

  /* A map being read into the window would replace this one. */
  jm_window_stop_opening (self);
  jm_map_session_set_document (self->session, document, NULL, NULL);
  jm_window_show_document (self, NULL);
}

/* The main menu's popover holds over a hundred widgets (the templates and
 * the recent maps among them): it is made when first opened, not with
 * every window, which starts the window a few milliseconds sooner. */
static void
jm_window_create_primary_menu (GtkMenuButton *button,
                               gpointer       user_data)
{
  JmWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_benchmark_frame_painted_cb (GdkFrameClock *clock,
                               JmWindow      *self)
{
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (self)));
  _exit (0);
}

/* The startup benchmark (tests/bench) measures from launch to the first
 * frame that shows the map: with JOURNEYMAP_QUIT_AFTER_FIRST_FRAME set, the
 * app ends as soon as the display has that frame, without the teardown that
 * a startup figure should not count (the GTK baseline does the same). */
static void
jm_window_quit_after_next_frame_if_asked (JmWindow *self)
{
  GdkFrameClock *clock;

  if (g_getenv ("JOURNEYMAP_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_benchmark_frame_painted_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* A toast that says the window shows recovered changes, with a button to
 * go back to the saved map instead. */
static void
jm_window_offer_discard_recovered (JmWindow *self)
{
  g_autofree char *name = jm_window_dup_map_name (self);
  g_autofree char *message = g_strdup_printf (_("Unsaved changes to “%s” were recovered"), name);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, C_("recovered changes", "_Discard"));
  adw_toast_set_action_name (toast, "win.discard-recovered");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A map was read into the session, or could not be. */
static void
on_session_loaded_cb (JmWindow     *self,
                      JmLayout     *layout,
                      const GError *error,
                      JmMapSession *session)
{
  jm_window_stop_opening (self);
  if (layout == NULL)
    {
      /* Back to what the window showed, recovered changes included. */
      jm_window_show_page (self, jm_window_get_document (self) != NULL ? "map" : "empty");
      jm_window_update_actions (self);
      if (jm_map_session_get_draft_id (session) != NULL)
        jm_window_offer_discard_recovered (self);
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Open the Map"), error);
      return;
    }

  jm_window_show_document (self, layout);
  jm_window_add_recent (self);
  jm_window_quit_after_next_frame_if_asked (self);
}

/* The window keeps its last file chooser until it makes the next one or
 * goes, rather than destroying it from its own response. GTK's chooser
 * goes on filling its path bar after it has answered, one asynchronous
 * query per folder up the path, and a path bar destroyed meanwhile had
 * its last query's callback remove buttons from a freed box
 * (gtk_box_remove from a GIO callback: a crash on GTK 4.18, possible on
 * 4.8 by timing). By the next dialog, that work is long done. */
static void
jm_window_keep_file_chooser (JmWindow        *self,
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
    jm_window_open_in_free_window (self, file);
}

static void
jm_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  /* GtkFileChooserNative on every GTK, though 4.10 deprecates it for
   * GtkFileDialog: it goes through the portal as well, and the window can
   * keep it after its answer (jm_window_keep_file_chooser), where
   * GtkFileDialog destroys its chooser as it answers, which is what
   * crashed on GTK 4.18. */
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

  jm_window_keep_file_chooser (self, GTK_NATIVE_DIALOG (dialog));
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
  else if (g_str_equal (action_name, "win.zoom-selection"))
    jm_map_canvas_zoom_to_selection (self->canvas);
  else
    jm_map_canvas_set_zoom (self->canvas, 1.0);
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
  g_autofree char *name = g_path_get_basename (g_variant_get_string (parameter, NULL));
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
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
  JmWindow *target = self;

  bytes = jm_template_lookup (template, &error);
  if (bytes != NULL)
    document = jm_xml_reader_read_bytes (bytes, template, &error);
  if (document == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Create the Map"), error);
      return;
    }

  /* A window that shows a map, or opens one, keeps it; the new one gets
   * its own. */
  if (jm_window_is_taken (self))
    {
      target = jm_window_new (JM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (target));
    }

  jm_window_set_document (target, document);
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
  AdwToast *toast = adw_toast_new (message);

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
  GPtrArray *selection = jm_map_canvas_get_selection (self->canvas);
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
                                   adw_toast_new (_("Select items of the current state to copy them")));
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

  gtk_revealer_set_reveal_child (self->inspector_revealer,
                                 !gtk_revealer_get_reveal_child (self->inspector_revealer));
}

static void
jm_window_print_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (jm_window_get_document (self) == NULL)
    return;

  jm_print_show_dialog (GTK_WINDOW (self), jm_window_get_document (self), self->layer_mode);
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

#define JM_CLIPBOARD_MIME "application/x-journeymap+xml"

static GPtrArray *
jm_window_selected_items (JmWindow *self)
{
  GPtrArray *selection = jm_map_canvas_get_selection (self->canvas);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < selection->len; i++)
    {
      if (JM_IS_ITEM (selection->pdata[i]))
        g_ptr_array_add (items, selection->pdata[i]);
    }

  return items;
}

/* The clipboard carries a small map with the items and their cells, and
 * their titles as text for other apps. */
static void
jm_window_copy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GdkContentProvider *providers[2];
  g_autoptr(GError) error = NULL;

  if (jm_window_get_document (self) == NULL)
    return;

  items = jm_window_selected_items (self);
  if (items->len == 0)
    return;

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (text, "%s\n", jm_item_get_title (items->pdata[i]) ?: "");

  bytes = jm_xml_writer_write_items (jm_window_get_document (self), items);
  providers[0] = gdk_content_provider_new_for_bytes (JM_CLIPBOARD_MIME, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text->str);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), gdk_content_provider_new_union (providers, 2));

  if (g_str_equal (action_name, "doc.cut") &&
      !jm_edit_delete_items (jm_window_get_stack (self), jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas)),
                             items, &error))
    jm_alert_show_error (GTK_WIDGET (self), _("Could Not Cut"), error);
}

/* Pasted items keep their cells when this map has them, else go to the
 * cell of the first selected item, else to the first cell. */
static void
jm_window_paste_items (JmWindow  *self,
                       GPtrArray *items)
{
  GPtrArray *selection = jm_map_canvas_get_selection (self->canvas);
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

  added = jm_edit_paste_items (jm_window_get_stack (self), jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas)),
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
jm_window_paste_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) clip = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0 || jm_window_get_document (self) == NULL)
    return;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
  clip = jm_xml_reader_read_bytes (bytes, _("clipboard"), &error);
  if (clip == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Paste"), error);
      return;
    }

  items = layer_items (clip, JM_LAYER_STATE_CURRENT);
  jm_window_paste_items (self, items);
}

/* The clipboard's stream is fed by the main loop (also when this window
 * owns the clipboard): read it asynchronously. */
static void
jm_window_paste_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(JmWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  GCancellable *cancellable;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, NULL);
  if (stream == NULL)
    return;

  /* Apart from the call: arguments are evaluated in no set order. */
  cancellable = self->cancellable;
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable, jm_window_paste_read_cb,
                                g_steal_pointer (&self));
}

static void
jm_window_paste_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  static const char *mime_types[] = { JM_CLIPBOARD_MIME, NULL };
  JmWindow *self = JM_WINDOW (widget);

  if (jm_window_get_document (self) == NULL)
    return;

  /* Reads the clipboard of this and every other window, and app. */
  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), mime_types, G_PRIORITY_DEFAULT,
                            self->cancellable, jm_window_paste_cb, g_object_ref (self));
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

  if (jm_edit_add_link (jm_window_get_stack (self), jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas)),
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

  jm_window_open_in_free_window (self, file);
}

/* Where a new stage or lane goes: after the selected one, or after the
 * one the selected item is in, or last. */
static guint
jm_window_insert_position (JmWindow      *self,
                           JmObjectStore *store,
                           gboolean       stages)
{
  GPtrArray *selection = jm_map_canvas_get_selection (self->canvas);
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
  JmObject *added;

  if (jm_window_get_stack (self) == NULL)
    return;

  if (stage)
    added = JM_OBJECT (jm_edit_add_stage (jm_window_get_stack (self),
                                          jm_window_insert_position (self, jm_document_get_stages (jm_window_get_document (self)), TRUE),
                                          _("New stage"), &error));
  else
    added = JM_OBJECT (jm_edit_add_lane (jm_window_get_stack (self),
                                         jm_window_insert_position (self, jm_document_get_lanes (jm_window_get_document (self)), FALSE),
                                         JM_LANE_KIND_TEXT, _("New lane"), &error));
  if (added == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), stage ? _("Could Not Add a Stage") : _("Could Not Add a Lane"), error);
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

static void jm_window_save      (JmWindow *self,
                                 gboolean  overwrite);
static void jm_window_save_size (JmWindow *self);

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

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
  jm_window_add_recent (self);

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

  jm_map_session_save_async (self->session, overwrite, self->cancellable, jm_window_save_cb, g_object_ref (self));
}

static void
jm_window_save_as_response_cb (GtkNativeDialog *dialog,
                               int              response,
                               gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = NULL;

  g_assert (JM_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  jm_map_session_set_file (self->session, file);
  jm_window_update_title (self);
  jm_window_save (self, TRUE);
}

static void
jm_window_save_as (JmWindow *self)
{
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *dialog;

  suggested = g_strdup_printf ("%s.jmap", jm_document_get_display_title (jm_window_get_document (self)));
  g_strdelimit (suggested, "/\\:", '-');

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Save Journey Map"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  jm_window_add_filter (GTK_FILE_CHOOSER (dialog), _("Journey Maps"), "application/x-journeymap+xml", "jmap");
  G_GNUC_END_IGNORE_DEPRECATIONS

  jm_window_keep_file_chooser (self, GTK_NATIVE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (jm_window_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
jm_window_save_action (GtkWidget  *widget,
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

/* Closing with unsaved changes asks first: save, discard or cancel. */
static gboolean
jm_window_close_request (GtkWindow *window)
{
  JmWindow *self = JM_WINDOW (window);
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  JmAlert *alert;

  if (!jm_map_session_get_modified (self->session))
    {
      jm_window_save_size (self);
      return GTK_WINDOW_CLASS (jm_window_parent_class)->close_request (window);
    }

  name = jm_window_dup_map_name (self);
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

static void
jm_window_close_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static GtkWidget *
jm_window_difference_row (JmWindow     *self,
                          JmDifference *difference)
{
  static const char *icons[] = { "jm-diff-added-symbolic", "jm-diff-changed-symbolic", "jm-diff-removed-symbolic" };
  static const char *kinds[] = { N_("Added"), N_("Changed"), N_("Removed") };
  JmItem *item = difference->future != NULL ? difference->future : difference->current;
  JmStage *stage = jm_document_lookup_stage (jm_window_get_document (self), jm_item_get_stage_id (item));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", _(kinds[difference->kind]),
                                               stage != NULL ? jm_stage_get_name (stage) : "");
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (jm_item_get_title (item) ? jm_item_get_title (item) : _("Untitled"));
  GtkWidget *caption = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), caption);
  gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name (icons[difference->kind]));
  gtk_box_append (GTK_BOX (row), labels);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);

  return row;
}

/* The list of differences is made when it is shown, from the model. */
static void
on_differences_show_cb (JmWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->differences_list))) != NULL)
    gtk_list_box_remove (self->differences_list, child);

  g_clear_pointer (&self->differences, g_ptr_array_unref);
  if (jm_window_get_document (self) == NULL)
    return;

  self->differences = jm_document_compare_items (jm_window_get_document (self));
  for (guint i = 0; i < self->differences->len; i++)
    gtk_list_box_append (self->differences_list, jm_window_difference_row (self, self->differences->pdata[i]));

  if (self->differences->len == 0)
    gtk_list_box_append (self->differences_list,
                         gtk_label_new (_("The future state is the same as the current one")));
}

static void
on_difference_activated_cb (JmWindow      *self,
                            GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  JmDifference *difference;

  if (self->differences == NULL || index < 0 || (guint) index >= self->differences->len)
    return;

  difference = self->differences->pdata[index];
  gtk_popover_popdown (GTK_POPOVER (self->differences_popover));
  if (difference->future != NULL)
    jm_map_canvas_select (self->canvas, JM_OBJECT (difference->future), FALSE);
  jm_map_canvas_scroll_to_object (self->canvas,
                                  JM_OBJECT (difference->future != NULL ? difference->future : difference->current));
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
          if (self->outline != NULL && jm_window_get_document (self) != NULL)
            jm_outline_set_document (self->outline, jm_window_get_document (self),
                                     jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas)));
          if (self->differences_button != NULL)
            gtk_widget_set_visible (self->differences_button, i == JM_LAYER_MODE_BOTH);
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

    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
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

    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The window's size is remembered across runs, when the schema is
 * installed (a build run without GSETTINGS_SCHEMA_DIR has none). */
static GSettings *
jm_window_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
jm_window_save_size (JmWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_set_double (self->settings, "zoom", jm_map_canvas_get_zoom (self->canvas));
  g_settings_set_string (self->settings, "layer", layer_names[self->layer_mode]);

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
jm_window_restore_size (JmWindow *self)
{
  g_autofree char *layer = NULL;

  if (self->settings == NULL)
    return;

  layer = g_settings_get_string (self->settings, "layer");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  jm_window_set_layer (self, layer);
  jm_map_canvas_set_zoom (self->canvas, g_settings_get_double (self->settings, "zoom"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The session is made once the draft store is known. */
static void
jm_window_constructed (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  G_OBJECT_CLASS (jm_window_parent_class)->constructed (object);

  self->session = jm_map_session_new (self->drafts);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "auto-save-delay", self->session, "autosave-delay", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "loaded", G_CALLBACK (on_session_loaded_cb), self, G_CONNECT_SWAPPED);

  jm_window_update_actions (self);
  jm_window_update_title (self);
}

static void
jm_window_dispose (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  jm_window_stop_opening (self);
  g_clear_object (&self->session);
  g_clear_object (&self->drafts);
  g_clear_object (&self->settings);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  jm_window_keep_file_chooser (self, NULL);
  g_clear_pointer (&self->differences, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_WINDOW);

  G_OBJECT_CLASS (jm_window_parent_class)->dispose (object);
}

static void jm_window_discard_recovered_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

static void
jm_window_class_init (JmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jm_window_constructed;
  object_class->dispose = jm_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = jm_window_close_request;
  object_class->get_property = jm_window_get_property;
  object_class->set_property = jm_window_set_property;

  properties [PROP_LAYER] =
    g_param_spec_string ("layer", NULL, NULL,
                         "current",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, JM_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, layer_switcher);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, differences_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, differences_popover);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, differences_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, jm_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, jm_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, jm_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s", jm_window_new_action);
  gtk_widget_class_install_action (widget_class, "doc.undo", NULL, jm_window_undo_action);
  gtk_widget_class_install_action (widget_class, "doc.redo", NULL, jm_window_undo_action);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, jm_window_save_action);
  gtk_widget_class_install_action (widget_class, "doc.save-as", NULL, jm_window_save_action);
  gtk_widget_class_install_action (widget_class, "doc.delete", NULL, jm_window_delete_action);
  gtk_widget_class_install_action (widget_class, "doc.copy", NULL, jm_window_copy_action);
  gtk_widget_class_install_action (widget_class, "doc.add-persona", NULL, jm_window_add_persona_action);
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
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, jm_window_toggle_inspector_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, jm_window_show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "doc.start-future", NULL, jm_window_start_future_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", NULL, jm_window_discard_recovered_action);
  gtk_widget_class_install_action (widget_class, "doc.copy-to-future", NULL, jm_window_copy_to_future_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, jm_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.exported", "s", jm_window_exported_action);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "doc.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "doc.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, jm_window_print_action);
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

  g_type_ensure (JM_TYPE_MAP_CANVAS);
  g_type_ensure (JM_TYPE_PALETTE);
  g_type_ensure (JM_TYPE_INSPECTOR);
  g_type_ensure (JM_TYPE_OUTLINE);
}

static void
jm_window_init (JmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, jm_window_create_primary_menu, self, NULL);
  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (on_canvas_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->differences_popover, "show", G_CALLBACK (on_differences_show_cb), self);
  g_signal_connect_object (self->outline, "object-activated", G_CALLBACK (on_outline_object_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "entry-activated", G_CALLBACK (on_palette_entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_set_activate_on_single_click (self->differences_list, TRUE);
  g_signal_connect_swapped (self->differences_list, "row-activated", G_CALLBACK (on_difference_activated_cb), self);

  {
    GtkDropTarget *files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_swapped (files, "drop", G_CALLBACK (on_files_dropped_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (files));
  }
  self->settings = jm_window_create_settings ();
  jm_window_restore_size (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent-maps", FALSE);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-files",
                             G_CALLBACK (jm_window_update_recent_menu), self, G_CONNECT_SWAPPED);
  jm_window_update_recent_menu (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

JmWindow *
jm_window_new (JmApplication *application)
{
  g_return_val_if_fail (JM_IS_APPLICATION (application), NULL);

  return g_object_new (JM_TYPE_WINDOW,
                       "application", application,
                       "drafts", jm_application_get_draft_store (application),
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
  g_autofree char *name = NULL;

  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The last map asked for is the one shown. */
  jm_map_session_load (self->session, file, jm_map_canvas_get_layer_mode (self->canvas));

  name = g_file_get_basename (file);
  adw_status_page_set_description (self->opening_page, name);
  jm_window_show_opening_page (self);
  jm_window_update_actions (self);
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

  return self->session != NULL ? jm_map_session_get_document (self->session) : NULL;
}

GFile *
jm_window_get_file (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->session != NULL ? jm_map_session_get_file (self->session) : NULL;
}

/**
 * jm_window_get_stack:
 *
 * Returns: (transfer none) (nullable): the history of the map shown
 */
JmCommandStack *
jm_window_get_stack (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->session != NULL ? jm_map_session_get_stack (self->session) : NULL;
}

/**
 * jm_window_get_canvas:
 *
 * Returns: (transfer none): the canvas
 */
JmMapCanvas *
jm_window_get_canvas (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->canvas;
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
 * jm_window_restore_draft:
 * @document: the recovered map
 * @file: (nullable): the file it belongs to
 * @draft_id: the draft it came from, which further changes update
 *
 * Shows a map recovered after a crash as unsaved, and offers to discard
 * the recovered changes.
 */
void
jm_window_restore_draft (JmWindow   *self,
                         JmDocument *document,
                         GFile      *file,
                         const char *draft_id)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  jm_window_stop_opening (self);
  jm_map_session_restore_draft (self->session, document, file, draft_id);
  jm_window_show_document (self, NULL);
  jm_window_offer_discard_recovered (self);
}

/**
 * jm_window_get_inspector:
 *
 * Returns: (transfer none): the inspector
 */
JmInspector *
jm_window_get_inspector (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->inspector;
}

/**
 * jm_window_get_outline:
 *
 * Returns: (transfer none): the outline of the map's items
 */
JmOutline *
jm_window_get_outline (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->outline;
}
