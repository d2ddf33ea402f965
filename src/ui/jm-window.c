/* jm-window.c: a window showing one map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This part builds the window from its template and wires it: its
 * properties (the layer shown among them), its settings, the signals of
 * the palette, outline, canvas and differences, and the other parts'
 * init functions. It is the top of the window's parts: it calls them, and
 * none calls it (see jm-window-private.h).
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-window.h"

#include "interop/jm-interop.h"
#include "jm-accessibility.h"
#include "jm-alert.h"
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

/* .jmap files dropped on the window open: the first in this window if it
 * is free, the others each in a new window. Mermaid diagrams and
 * spreadsheets open the same way, each as a new map not saved yet. */
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

      if (name == NULL || (!g_str_has_suffix (name, ".jmap") && jm_interop_reader_for_name (name) == NULL))
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

/* Deleted from the inspector (Delete on one of its buttons, Ctrl+X), the
 * object leaves the selection and the inspector turns to the map's page,
 * where GtkStack would give focus to its first row, the map's title with
 * its text selected: the next key would overwrite it. Focus goes back to
 * the map instead, as when F9 hides the inspector. */
static void
on_selection_emptied_cb (JmWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (jm_map_canvas_get_selection (self->canvas))) == 0 &&
      focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->inspector)) &&
      gtk_widget_get_mapped (GTK_WIDGET (self->canvas)))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* A check of the assistant's review selects what it names, and shows it. */
static void
on_assistant_select_object_cb (JmWindow         *self,
                               GObject          *object,
                               JmAssistantPanel *assistant)
{
  jm_map_canvas_select (self->canvas, JM_OBJECT (object), FALSE);
  jm_map_canvas_scroll_to_object (self->canvas, JM_OBJECT (object));
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
    {
      gtk_menu_button_set_menu_model (button, self->primary_menu);
      /* Its submenus are pages of a stack: only the one shown is read. */
      jm_accessibility_init_template (GTK_WIDGET (gtk_menu_button_get_popover (button)));
    }
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
          if (self->insights_panel != NULL && jm_window_get_document (self) != NULL)
            jm_insights_panel_set_document (self->insights_panel, jm_window_get_document (self),
                                            jm_window_get_stack (self), _jm_window_get_shown_state (self));
          if (self->matrix_view != NULL && jm_window_get_document (self) != NULL)
            jm_matrix_view_set_document (self->matrix_view, jm_window_get_document (self),
                                         jm_window_get_stack (self), _jm_window_get_shown_state (self));
          if (self->differences_button != NULL)
            gtk_widget_set_visible (self->differences_button, i == JM_LAYER_MODE_BOTH);
          /* The matches were the other layer's items. */
          if (self->search_bar != NULL && gtk_search_bar_get_search_mode (self->search_bar))
            _jm_window_find (self);
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

/* Remembered for the next window when this one closes. */
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

static gboolean
jm_window_close_request (GtkWindow *window)
{
  if (_jm_window_ask_before_close (JM_WINDOW (window)))
    return TRUE;

  jm_window_save_size (JM_WINDOW (window));
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
  _jm_window_init_view (self);
  _jm_window_init_review (self);
}

static void
on_search_changed_cb (JmWindow *self)
{
  _jm_window_find (self);
}

static void
on_search_next_cb (JmWindow *self)
{
  _jm_window_find_step (self, 1);
}

static void
on_search_previous_cb (JmWindow *self)
{
  _jm_window_find_step (self, -1);
}

/* Enter steps to the next match and Shift+Enter to the previous one, as
 * in GNOME Text Editor; the entry's own Enter knows no Shift. */
static gboolean
on_search_key_pressed_cb (JmWindow        *self,
                          guint            keyval,
                          guint            keycode,
                          GdkModifierType  state)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  _jm_window_find_step (self, (state & GDK_SHIFT_MASK) != 0 ? -1 : 1);
  return TRUE;
}

/* The bar closed (Escape, its close button): the outlines go with it. */
static void
on_search_mode_changed_cb (JmWindow *self)
{
  /* Not while the template is taken apart. */
  if (self->canvas != NULL && !gtk_search_bar_get_search_mode (self->search_bar))
    {
      _jm_window_stop_finding (self);
      _jm_window_mark_compared (self);
    }
}

static void
jm_window_dispose (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _jm_window_stop_opening (self);
  g_clear_object (&self->session);
  g_clear_object (&self->drafts);
  g_clear_object (&self->recent_maps);
  g_clear_object (&self->settings);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  _jm_window_keep_file_chooser (self, NULL);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_object (&self->compared_document);
  g_clear_object (&self->merge_theirs);

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
  gtk_widget_class_bind_template_child (widget_class, JmWindow, assistant_revealer);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, assistant);
  /* Bound for the UI tests, which press it. */
  gtk_widget_class_bind_template_child_full (widget_class, "assistant_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_assistant_select_object_cb);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, insights_panel);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, insights_revealer);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, layer_switcher);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, differences_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, differences_popover);

  gtk_widget_class_bind_template_child (widget_class, JmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, search_matches);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, review_sidebar);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, comments_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, compare_panel);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, conflicts_panel);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, comments_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_difference_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed_cb);

  _jm_window_class_actions_init (widget_class);

  g_type_ensure (JM_TYPE_MAP_CANVAS);
  g_type_ensure (JM_TYPE_PALETTE);
  g_type_ensure (JM_TYPE_INSPECTOR);
  g_type_ensure (JM_TYPE_INSIGHTS_PANEL);
  g_type_ensure (JM_TYPE_OUTLINE);
  g_type_ensure (JM_TYPE_DIFFERENCES_POPOVER);
  g_type_ensure (JM_TYPE_COMPARE_PANEL);
  g_type_ensure (JM_TYPE_CONFLICTS_PANEL);
  g_type_ensure (JM_TYPE_COMMENTS_PANEL);
  g_type_ensure (JM_TYPE_ASSISTANT_PANEL);
  g_type_ensure (JM_TYPE_MATRIX_VIEW);
}

/* Back from the matrix (Escape, the panel's button): the keys go to the
 * map again, not to the window. */
static void
on_matrix_view_visible_cb (JmWindow *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->matrix_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* The matrix's button is on the Insights panel: hiding the panel takes
 * the matrix away too, rather than leave it with no button to go back. */
static void
on_insights_revealed_cb (JmWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->insights_revealer))
    g_object_set (self->insights_panel, "show-matrix", FALSE, NULL);
}

static void
jm_window_init (JmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Pages and panels not shown are not read out, and no name twice. */
  jm_accessibility_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->match = -1;
  /* Escape in the entry closes the bar. */
  gtk_search_bar_connect_entry (self->search_bar, self->search_entry);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, jm_window_create_primary_menu, self, NULL);
  /* The inspector edits what is selected, or the map itself. */
  jm_inspector_set_selection (self->inspector, jm_map_canvas_get_selection (self->canvas));
  /* A check activated in the insights selects its object. */
  jm_insights_panel_set_selection (self->insights_panel, jm_map_canvas_get_selection (self->canvas));
  /* Delete, Ctrl+L and the rest are enabled when the selection fits them. */
  g_signal_connect_object (jm_map_canvas_get_selection (self->canvas), "items-changed",
                           G_CALLBACK (_jm_window_update_selection_actions), self, G_CONNECT_SWAPPED);
  /* After the inspector's own handler, which turns its page. */
  g_signal_connect_object (jm_map_canvas_get_selection (self->canvas), "items-changed",
                           G_CALLBACK (on_selection_emptied_cb), self, G_CONNECT_SWAPPED);
  /* A click on a dot of the full-size matrix selects its opportunity. */
  jm_matrix_view_set_selection (self->matrix_view, jm_map_canvas_get_selection (self->canvas));
  g_signal_connect_object (self->matrix_view, "notify::visible", G_CALLBACK (on_matrix_view_visible_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->insights_revealer, "notify::reveal-child", G_CALLBACK (on_insights_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "object-activated", G_CALLBACK (on_outline_object_activated_cb),
                           self, G_CONNECT_SWAPPED);
  /* The outline's selection is the map's. */
  jm_outline_set_selection (self->outline, jm_map_canvas_get_selection (self->canvas));
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
/**
 * jm_window_get_review_panel:
 * @type: %JM_TYPE_COMPARE_PANEL, %JM_TYPE_CONFLICTS_PANEL or
 *   %JM_TYPE_COMMENTS_PANEL
 *
 * Returns: (transfer none): the panel of that type
 */
GtkWidget *
jm_window_get_review_panel (JmWindow *self,
                            GType     type)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  if (type == JM_TYPE_COMPARE_PANEL)
    return GTK_WIDGET (self->compare_panel);
  if (type == JM_TYPE_CONFLICTS_PANEL)
    return GTK_WIDGET (self->conflicts_panel);
  if (type == JM_TYPE_COMMENTS_PANEL)
    return GTK_WIDGET (self->comments_panel);

  g_return_val_if_reached (NULL);
}
