/* jm-map-canvas.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas.h"

#include <adwaita.h>
#include <math.h>

#include "render/jm-renderer.h"

/* The canvas draws with the core renderer, only the part in view, and
 * scrolls through GtkScrollable so it lives in a GtkScrolledWindow. Zoom
 * maps layout units to widget pixels; the layout never depends on it. */
struct _JmMapCanvas
{
  GtkWidget      parent_instance;

  JmDocument    *document;
  JmLayout      *layout;
  JmLayerMode    layer_mode;
  double         zoom;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_LAYER_MODE,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (JmMapCanvas, jm_map_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Helpers {{{ */

static void
jm_map_canvas_get_content_size (JmMapCanvas *self,
                                double      *width,
                                double      *height)
{
  *width = *height = 0;
  if (self->layout != NULL)
    jm_layout_get_size (self->layout, width, height);

  *width *= self->zoom;
  *height *= self->zoom;
}

static void
jm_map_canvas_configure_adjustment (GtkAdjustment *adjustment,
                                    double         content,
                                    double         viewport)
{
  double value;

  if (adjustment == NULL)
    return;

  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - viewport));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, viewport),
                            viewport * 0.1, viewport * 0.9, viewport);
}

static void
jm_map_canvas_update_adjustments (JmMapCanvas *self)
{
  double width, height;

  jm_map_canvas_get_content_size (self, &width, &height);
  jm_map_canvas_configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  jm_map_canvas_configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static double
jm_map_canvas_scroll_x (JmMapCanvas *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
jm_map_canvas_scroll_y (JmMapCanvas *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static JmThemeKind
jm_map_canvas_theme (JmMapCanvas *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

/* }}} */

/* Callbacks {{{ */

static void
on_adjustment_value_changed_cb (JmMapCanvas   *self,
                                GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_changed_cb (JmMapCanvas *self)
{
  /* The layout redoes only what changed when it is next read. */
  jm_layout_update (self->layout);
  jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_style_dark_changed_cb (JmMapCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll_cb (JmMapCanvas              *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;
  GdkEvent *event;

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;

  /* Ctrl+scroll zooms around the pointer, as in every GNOME viewer. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  jm_map_canvas_zoom_at (self, self->zoom * pow (1.1, -dy), x, y);

  return TRUE;
}

static void
on_zoom_scale_changed_cb (JmMapCanvas    *self,
                          double          scale,
                          GtkGestureZoom *gesture)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  jm_map_canvas_zoom_at (self, self->zoom * scale, x, y);
  gtk_gesture_zoom_get_scale_delta (gesture);
}

/* }}} */

static void
jm_map_canvas_set_adjustment (JmMapCanvas    *self,
                              GtkAdjustment **slot,
                              GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed",
                             G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  jm_map_canvas_update_adjustments (self);
}

static void
jm_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  jm_map_canvas_update_adjustments (JM_MAP_CANVAS (widget));
}

static void
jm_map_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JmMapCanvas *self = JM_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  JmRect visible;
  JmRenderOptions options;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  visible = (JmRect) {
    jm_map_canvas_scroll_x (self) / self->zoom,
    jm_map_canvas_scroll_y (self) / self->zoom,
    width / self->zoom,
    height / self->zoom,
  };
  options = (JmRenderOptions) { jm_map_canvas_theme (self), FALSE, &visible };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  jm_renderer_draw (cr, self->layout, &options);
  cairo_destroy (cr);
}

static void
jm_map_canvas_dispose (GObject *object)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  jm_map_canvas_set_adjustment (self, &self->hadjustment, NULL);
  jm_map_canvas_set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jm_map_canvas_parent_class)->dispose (object);
}

static void
jm_map_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_LAYER_MODE:
      g_value_set_int (value, self->layer_mode);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_map_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      jm_map_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      jm_map_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_LAYER_MODE:
      jm_map_canvas_set_layer_mode (self, g_value_get_int (value));
      break;

    case PROP_HADJUSTMENT:
      jm_map_canvas_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      jm_map_canvas_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_map_canvas_class_init (JmMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_map_canvas_dispose;
  object_class->get_property = jm_map_canvas_get_property;
  object_class->set_property = jm_map_canvas_set_property;

  widget_class->snapshot = jm_map_canvas_snapshot;
  widget_class->size_allocate = jm_map_canvas_size_allocate;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         JM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         JM_MAP_CANVAS_MIN_ZOOM, JM_MAP_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAYER_MODE] =
    g_param_spec_int ("layer-mode", NULL, NULL,
                      JM_LAYER_MODE_CURRENT, JM_LAYER_MODE_BOTH, JM_LAYER_MODE_CURRENT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "jm-map-canvas");
}

static void
jm_map_canvas_init (JmMapCanvas *self)
{
  GtkEventController *scroll;
  GtkGesture *zoom;

  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
jm_map_canvas_new (void)
{
  return g_object_new (JM_TYPE_MAP_CANVAS, NULL);
}

JmDocument *
jm_map_canvas_get_document (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->document;
}

static void
jm_map_canvas_watch_store (JmMapCanvas   *self,
                           JmObjectStore *store)
{
  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
jm_map_canvas_set_document (JmMapCanvas *self,
                            JmDocument  *document)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (!document || JM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->layout);

  if (document != NULL)
    {
      self->layout = jm_layout_new (document, self->layer_mode);
      g_signal_connect_object (document, "object-changed", G_CALLBACK (on_document_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      jm_map_canvas_watch_store (self, jm_document_get_stages (document));
      jm_map_canvas_watch_store (self, jm_document_get_lanes (document));
      jm_map_canvas_watch_store (self, jm_document_get_personas (document));
      for (guint i = 0; i < JM_N_LAYER_STATES; i++)
        {
          JmLayer *layer = jm_document_get_layer (document, i);

          jm_map_canvas_watch_store (self, jm_layer_get_items (layer));
          jm_map_canvas_watch_store (self, jm_layer_get_points (layer));
          jm_map_canvas_watch_store (self, jm_layer_get_links (layer));
        }
    }

  jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/**
 * jm_map_canvas_get_layout:
 *
 * Returns: (transfer none) (nullable): the geometry of the map shown
 */
JmLayout *
jm_map_canvas_get_layout (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->layout;
}

double
jm_map_canvas_get_zoom (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), 1.0);

  return self->zoom;
}

void
jm_map_canvas_set_zoom (JmMapCanvas *self,
                        double       zoom)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  jm_map_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * jm_map_canvas_zoom_at:
 * @widget_x: the point that stays in place, in widget coordinates
 *
 * Zooms keeping the map point under (@widget_x, @widget_y) where it is.
 */
void
jm_map_canvas_zoom_at (JmMapCanvas *self,
                       double       zoom,
                       double       widget_x,
                       double       widget_y)
{
  double map_x, map_y;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  zoom = CLAMP (zoom, JM_MAP_CANVAS_MIN_ZOOM, JM_MAP_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  jm_map_canvas_widget_to_map (self, widget_x, widget_y, &map_x, &map_y);
  self->zoom = zoom;
  jm_map_canvas_update_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, map_x * zoom - widget_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, map_y * zoom - widget_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

void
jm_map_canvas_zoom_to_fit (JmMapCanvas *self)
{
  double width, height, zoom;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->layout == NULL)
    return;

  jm_layout_get_size (self->layout, &width, &height);
  if (width <= 0 || height <= 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  zoom = MIN (gtk_widget_get_width (GTK_WIDGET (self)) / width,
              gtk_widget_get_height (GTK_WIDGET (self)) / height);
  jm_map_canvas_set_zoom (self, zoom);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

JmLayerMode
jm_map_canvas_get_layer_mode (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), JM_LAYER_MODE_CURRENT);

  return self->layer_mode;
}

void
jm_map_canvas_set_layer_mode (JmMapCanvas *self,
                              JmLayerMode  mode)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->layer_mode == mode)
    return;

  self->layer_mode = mode;
  if (self->layout != NULL)
    jm_layout_set_mode (self->layout, mode);

  jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYER_MODE]);
}

void
jm_map_canvas_widget_to_map (JmMapCanvas *self,
                             double       widget_x,
                             double       widget_y,
                             double      *map_x,
                             double      *map_y)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  *map_x = (widget_x + jm_map_canvas_scroll_x (self)) / self->zoom;
  *map_y = (widget_y + jm_map_canvas_scroll_y (self)) / self->zoom;
}
