/* jm-presentation.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-presentation.h"

#include <glib/gi18n-lib.h>

#include "render/jm-slide.h"

/* Presenting is a window of its own, full screen, above the map's window,
 * as GNOME's image viewer shows a slideshow and presentation programs
 * show slides: the map's window stays as it was (zoom, scroll, selection,
 * inspector), and leaving is closing this one. Each slide is drawn by the
 * core (jm_slide_draw ()), the same drawing as the handout's. */

struct _JmPresentation
{
  AdwWindow       parent_instance;

  JmDocument     *document;
  JmLayout       *current;     /* laid out when first shown */
  JmLayout       *future;
  JmLayerMode     mode;
  guint           stage;
  char           *position_text;

  GtkDrawingArea *slide;
  GtkLabel       *position_label;
};

G_DEFINE_FINAL_TYPE (JmPresentation, jm_presentation, ADW_TYPE_WINDOW)

/* The keys of presentation programs. They are caught before the window's
 * own bindings, which move the focus with the arrows and activate with
 * Space. */
static const struct {
  guint           key;
  GdkModifierType modifiers;
  const char     *action;
} keys[] = {
  { GDK_KEY_Right, 0, "presentation.next" },
  { GDK_KEY_KP_Right, 0, "presentation.next" },
  { GDK_KEY_Down, 0, "presentation.next" },
  { GDK_KEY_space, 0, "presentation.next" },
  { GDK_KEY_Page_Down, 0, "presentation.next" },
  { GDK_KEY_KP_Page_Down, 0, "presentation.next" },
  { GDK_KEY_Left, 0, "presentation.previous" },
  { GDK_KEY_KP_Left, 0, "presentation.previous" },
  { GDK_KEY_Up, 0, "presentation.previous" },
  { GDK_KEY_space, GDK_SHIFT_MASK, "presentation.previous" },
  { GDK_KEY_BackSpace, 0, "presentation.previous" },
  { GDK_KEY_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_Home, 0, "presentation.first" },
  { GDK_KEY_KP_Home, 0, "presentation.first" },
  { GDK_KEY_End, 0, "presentation.last" },
  { GDK_KEY_KP_End, 0, "presentation.last" },
  { GDK_KEY_f, 0, "presentation.toggle-state" },
  { GDK_KEY_F, GDK_SHIFT_MASK, "presentation.toggle-state" },
  { GDK_KEY_Escape, 0, "presentation.leave" },
};
static JmThemeKind
jm_presentation_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

static JmLayout *
jm_presentation_layout (JmPresentation *self)
{
  JmLayout **layout = self->mode == JM_LAYER_MODE_CURRENT ? &self->current : &self->future;

  /* The future's layout serves the future alone and the two compared. */
  if (*layout == NULL)
    *layout = jm_layout_new (self->document, self->mode);
  else if (jm_layout_get_mode (*layout) != self->mode)
    jm_layout_set_mode (*layout, self->mode);

  return *layout;
}

static guint
jm_presentation_n_stages (JmPresentation *self)
{
  return jm_object_store_get_n_objects (jm_document_get_stages (self->document));
}

static void
jm_presentation_update (JmPresentation *self)
{
  guint n = jm_presentation_n_stages (self);
  const char *state;

  if (self->mode == JM_LAYER_MODE_BOTH)
    state = _("Future state compared with the current one");
  else if (self->mode == JM_LAYER_MODE_FUTURE)
    state = _("Future state");
  else
    state = _("Current state");

  g_free (self->position_text);
  if (n == 0)
    {
      self->position_text = g_strdup (_("This map has no stages to present"));
    }
  else
    {
      JmStage *stage = jm_object_store_get_object (jm_document_get_stages (self->document), self->stage);

      /* TRANSLATORS: the stage shown, of how many, its name and the state */
      self->position_text = g_strdup_printf (_("%u / %u · %s · %s"), self->stage + 1, n,
                                             jm_stage_get_name (stage) != NULL ? jm_stage_get_name (stage) : "",
                                             state);
    }

  gtk_label_set_text (self->position_label, self->position_text);
  /* The slide has the focus; a screen reader reads its name as it
   * changes, and an image is named by what it shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->position_text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->slide));
}

static void
jm_presentation_draw_cb (GtkDrawingArea *area,
                         cairo_t        *cr,
                         int             width,
                         int             height,
                         gpointer        user_data)
{
  JmPresentation *self = user_data;

  if (jm_presentation_n_stages (self) == 0)
    {
      const JmTheme *theme = jm_theme_get (jm_presentation_theme ());

      cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
      cairo_paint (cr);
      return;
    }

  jm_slide_draw (cr, jm_presentation_layout (self), self->stage, width, height, jm_presentation_theme ());
}

static void
on_style_manager_dark_changed_cb (JmPresentation *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->slide));
}

static void
jm_presentation_move_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  JmPresentation *self = JM_PRESENTATION (widget);
  guint n = jm_presentation_n_stages (self);
  guint stage = self->stage;

  if (n == 0)
    return;

  if (g_str_equal (action_name, "presentation.next"))
    stage = MIN (stage + 1, n - 1);
  else if (g_str_equal (action_name, "presentation.previous"))
    stage = stage > 0 ? stage - 1 : 0;
  else if (g_str_equal (action_name, "presentation.first"))
    stage = 0;
  else
    stage = n - 1;

  if (stage == self->stage)
    return;

  self->stage = stage;
  jm_presentation_update (self);
}

/* Current and future state of the same stage; a map compared shows the
 * current state next. */
static void
jm_presentation_toggle_state_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JmPresentation *self = JM_PRESENTATION (widget);

  self->mode = self->mode == JM_LAYER_MODE_CURRENT ? JM_LAYER_MODE_FUTURE : JM_LAYER_MODE_CURRENT;
  jm_presentation_update (self);
}

static void
jm_presentation_leave_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  gtk_window_destroy (GTK_WINDOW (widget));
  if (parent != NULL)
    gtk_window_present (parent);
}

static void
jm_presentation_dispose (GObject *object)
{
  JmPresentation *self = JM_PRESENTATION (object);

  g_clear_object (&self->current);
  g_clear_object (&self->future);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_PRESENTATION);

  G_OBJECT_CLASS (jm_presentation_parent_class)->dispose (object);
}

static void
jm_presentation_finalize (GObject *object)
{
  JmPresentation *self = JM_PRESENTATION (object);

  g_clear_pointer (&self->position_text, g_free);

  G_OBJECT_CLASS (jm_presentation_parent_class)->finalize (object);
}

static void
jm_presentation_class_init (JmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);


  object_class->dispose = jm_presentation_dispose;
  object_class->finalize = jm_presentation_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPresentation, slide);
  gtk_widget_class_bind_template_child (widget_class, JmPresentation, position_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, jm_presentation_move_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, jm_presentation_move_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, jm_presentation_move_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, jm_presentation_move_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-state", NULL,
                                   jm_presentation_toggle_state_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, jm_presentation_leave_action);
}

static void
jm_presentation_init (JmPresentation *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_drawing_area_set_draw_func (self->slide, jm_presentation_draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * jm_presentation_new:
 * @parent: the map's window, which the presentation covers
 * @mode: the state to show first
 * @stage_index: the stage to show first
 *
 * Returns: (transfer none): a presentation of @document, full screen,
 *   shown; it is destroyed when the presenter leaves it
 */
JmPresentation *
jm_presentation_new (GtkWindow   *parent,
                     JmDocument  *document,
                     JmLayerMode  mode,
                     guint        stage_index)
{
  JmPresentation *self;
  GdkSurface *surface;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  self = g_object_new (JM_TYPE_PRESENTATION, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->document = g_object_ref (document);
  self->mode = mode;
  self->stage = MIN (stage_index, MAX (jm_presentation_n_stages (self), 1) - 1);

  /* The monitor's size, too: without a window manager (or with one that
   * refuses full screen) the window still covers the screen. */
  surface = gtk_native_get_surface (GTK_NATIVE (parent));
  if (surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)),
                                                                surface);
      GdkRectangle geometry;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
        }
    }

  jm_presentation_update (self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->slide));

  return self;
}

guint
jm_presentation_get_stage_index (JmPresentation *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION (self), 0);

  return self->stage;
}

JmLayerMode
jm_presentation_get_mode (JmPresentation *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION (self), JM_LAYER_MODE_CURRENT);

  return self->mode;
}

/**
 * jm_presentation_get_layout:
 *
 * Returns: (transfer none): the layout the slides are drawn from
 */
JmLayout *
jm_presentation_get_layout (JmPresentation *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION (self), NULL);

  return jm_presentation_layout (self);
}

/**
 * jm_presentation_get_position_text:
 *
 * Returns: what the presentation says of the slide shown: its stage's
 *   number and name, and the state
 */
const char *
jm_presentation_get_position_text (JmPresentation *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION (self), NULL);

  return self->position_text;
}
