/* jm-window.c: a window showing one map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This part builds the window from its template and shows its session's
 * map: the Opening page while it is read, the map, palette, outline and
 * inspector, the layer shown and the title. Its actions are in
 * jm-window-actions.c, its file dialogs and questions in
 * jm-window-files.c (see jm-window-private.h).
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-window.h"

#include <glib/gi18n-lib.h>

#include "jm-alert.h"
#include "jm-benchmark-hooks.h"
#include "jm-settings.h"
#include "jm-window-private.h"

G_DEFINE_FINAL_TYPE (JmWindow, jm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LAYER,
  PROP_DRAFTS,
  PROP_RECENT_MAPS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The "layer" property backs the stateful win.layer action, so the layer
 * buttons show which state is in view. */
static const char *layer_names[] = { "current", "future", "both" };

/* The map's name in messages: its title, or else its file's name. */
char *
_jm_window_dup_map_name (JmWindow *self)
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
on_session_changed_cb (JmWindow     *self,
                       JmMapSession *session)
{
  jm_window_update_title (self);
  _jm_window_update_actions (self);
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

/* The state shown, where edits go: the future one when both are shown. */
JmLayerState
_jm_window_get_shown_state (JmWindow *self)
{
  return jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas));
}

/* A window is taken when it shows a map or is opening one: a map made or
 * opened then goes to a new window, and what it shows is never replaced
 * (with unsaved changes, they and their recovery copy would go). */
gboolean
_jm_window_is_taken (JmWindow *self)
{
  return jm_window_get_document (self) != NULL || jm_map_session_get_loading (self->session);
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

      _jm_window_open_in_free_window (self, iter->data);
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

  if (jm_window_get_document (self) != NULL &&
      !jm_map_canvas_add_from_palette (self->canvas, payload, &error) && error != NULL)
    jm_alert_show_refusal (GTK_WIDGET (self->canvas), error);
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
  JmObject *primary = jm_selection_get_primary (jm_map_canvas_get_selection (canvas));
  GObject *document = G_OBJECT (jm_window_get_document (self));

  jm_inspector_set_object (self->inspector, primary != NULL ? G_OBJECT (primary) : document);
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
  jm_differences_popover_set_document (self->differences_popover, jm_window_get_document (self));
  jm_outline_set_document (self->outline, jm_window_get_document (self),
                           _jm_window_get_shown_state (self));
  jm_window_show_page (self, "map");
  _jm_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* Maps opened and saved are offered again by the Open Recent menu of
 * every window, the file chooser and the desktop's recent files. */
void
_jm_window_add_recent (JmWindow *self)
{
  GFile *file = jm_window_get_file (self);

  if (file == NULL || self->recent_maps == NULL)
    return;

  jm_recent_maps_add (self->recent_maps, file, jm_document_get_title (jm_window_get_document (self)));
}

/* Shows @document, with a new, clean history. */
void
_jm_window_set_document (JmWindow   *self,
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

/* A toast that says the window shows recovered changes, with a button to
 * go back to the saved map instead. */
static void
jm_window_offer_discard_recovered (JmWindow *self)
{
  g_autofree char *name = _jm_window_dup_map_name (self);
  g_autofree char *message = g_strdup_printf (_("Unsaved changes to “%s” were recovered"), name);
  AdwToast *toast = jm_alert_new_toast (message);

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
      _jm_window_update_actions (self);
      if (jm_map_session_get_draft_id (session) != NULL)
        jm_window_offer_discard_recovered (self);
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Open the Map"), error);
      return;
    }

  jm_window_show_document (self, layout);
  _jm_window_add_recent (self);
  jm_benchmark_hooks_map_shown (GTK_WIDGET (self), GTK_WIDGET (self->canvas));
}

/* A difference chosen in the list is selected on the map, and shown. */
static void
on_difference_activated_cb (JmWindow             *self,
                            JmItem               *future,
                            JmItem               *current,
                            JmDifferencesPopover *popover)
{
  if (future != NULL)
    jm_map_canvas_select (self->canvas, JM_OBJECT (future), FALSE);
  jm_map_canvas_scroll_to_object (self->canvas, JM_OBJECT (future != NULL ? future : current));
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
                                     _jm_window_get_shown_state (self));
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

    case PROP_RECENT_MAPS:
      g_value_set_object (value, self->recent_maps);
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

    case PROP_RECENT_MAPS:
      self->recent_maps = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_jm_window_save_size (JmWindow *self)
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

static gboolean
jm_window_close_request (GtkWindow *window)
{
  if (_jm_window_ask_before_close (JM_WINDOW (window)))
    return TRUE;

  return GTK_WINDOW_CLASS (jm_window_parent_class)->close_request (window);
}

/* The session is made once the draft store is known. */
static void
jm_window_constructed (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  G_OBJECT_CLASS (jm_window_parent_class)->constructed (object);

  self->session = jm_map_session_new (self->drafts);
  if (self->recent_maps != NULL)
    g_menu_append_section (self->recent_menu, NULL, jm_recent_maps_get_menu (self->recent_maps));
  if (self->settings != NULL)
    g_settings_bind (self->settings, "auto-save-delay", self->session, "autosave-delay", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "loaded", G_CALLBACK (on_session_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  /* Save As gives the map another file, and the title its name. */
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (jm_window_update_title), self,
                           G_CONNECT_SWAPPED);

  _jm_window_update_actions (self);
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
  g_clear_object (&self->recent_maps);
  g_clear_object (&self->settings);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  _jm_window_keep_file_chooser (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_WINDOW);

  G_OBJECT_CLASS (jm_window_parent_class)->dispose (object);
}

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
  properties [PROP_RECENT_MAPS] =
    g_param_spec_object ("recent-maps", NULL, NULL, JM_TYPE_RECENT_MAPS,
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

  gtk_widget_class_bind_template_callback (widget_class, on_difference_activated_cb);

  _jm_window_class_actions_init (widget_class);

  g_type_ensure (JM_TYPE_MAP_CANVAS);
  g_type_ensure (JM_TYPE_PALETTE);
  g_type_ensure (JM_TYPE_INSPECTOR);
  g_type_ensure (JM_TYPE_OUTLINE);
  g_type_ensure (JM_TYPE_DIFFERENCES_POPOVER);
}

static void
jm_window_init (JmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, jm_window_create_primary_menu, self, NULL);
  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (on_canvas_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "object-activated", G_CALLBACK (on_outline_object_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "entry-activated", G_CALLBACK (on_palette_entry_activated_cb),
                           self, G_CONNECT_SWAPPED);

  {
    GtkDropTarget *files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_swapped (files, "drop", G_CALLBACK (on_files_dropped_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (files));
  }
  /* The window's size, zoom and layer are remembered across runs. */
  self->settings = jm_settings_new ();
  jm_window_restore_size (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent-maps", FALSE);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * jm_window_new:
 * @drafts: (nullable): where the recovery copies of its map go
 * @recent_maps: (nullable): the app's recent maps, which its menu offers
 *
 * Made by the application, which hands each window what they share.
 */
JmWindow *
jm_window_new (GtkApplication *application,
               JmDraftStore   *drafts,
               JmRecentMaps   *recent_maps)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (drafts == NULL || JM_IS_DRAFT_STORE (drafts), NULL);
  g_return_val_if_fail (recent_maps == NULL || JM_IS_RECENT_MAPS (recent_maps), NULL);

  return g_object_new (JM_TYPE_WINDOW,
                       "application", application,
                       "drafts", drafts,
                       "recent-maps", recent_maps,
                       NULL);
}

/* A new window beside this one, sharing what the application gave it. */
JmWindow *
_jm_window_new_sibling (JmWindow *self)
{
  return jm_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->drafts, self->recent_maps);
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
  _jm_window_update_actions (self);
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