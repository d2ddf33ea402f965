/* jm-matrix-view.c: the priority matrix, the size of the canvas
 *
 * The view the Insights panel's "Priority Matrix" button switches the map
 * to: the core's priority matrix (render/jm-priority-matrix.c) scaled to
 * fit the view, with the selected opportunities ringed. A click on a dot
 * selects its opportunity, so the inspector shows its scores; an edit of
 * the scores moves the dot at once, since the view draws the map as it is
 * after every change of the history. Hovering a dot shows its title.
 *
 * The keyboard walks the dots: Left and Right in the order of effort,
 * Up and Down in the order of value, each step selecting the dot it lands
 * on; Escape goes back to the map. The view's accessible label names the
 * focused dot, since the dots are drawn, not widgets.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-matrix-view.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "render/jm-priority-matrix.h"

/* Around the matrix, so that its edges do not touch the view's. */
#define MARGIN 24.0
/* The rings drawn around a dot, in the matrix's units. */
#define SELECTED_RADIUS 11.0
#define FOCUS_RADIUS    14.0

struct _JmMatrixView
{
  GtkWidget parent_instance;

  JmDocument     *document;
  JmCommandStack *stack;
  JmLayerState    state;
  JmSelection    *selection;
  /* By id, not by object: the item may be removed and come back through
   * undo as another object with the same id. */
  char           *focused_id;
};

G_DEFINE_FINAL_TYPE (JmMatrixView, jm_matrix_view, GTK_TYPE_WIDGET)

typedef struct
{
  JmItem *item;
  double  x, y;
  guint   index;
} Dot;

static JmThemeKind
jm_matrix_view_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

/* The matrix scaled to fit the view, centred in it. */
static gboolean
jm_matrix_view_transform (JmMatrixView *self,
                          double       *scale,
                          double       *dx,
                          double       *dy)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;

  if (width <= 0 || height <= 0)
    return FALSE;

  *scale = MIN (width / JM_MATRIX_WIDTH, height / JM_MATRIX_HEIGHT);
  *dx = MARGIN + (width - JM_MATRIX_WIDTH * *scale) / 2;
  *dy = MARGIN + (height - JM_MATRIX_HEIGHT * *scale) / 2;
  return TRUE;
}

static JmLayer *
jm_matrix_view_layer (JmMatrixView *self)
{
  return jm_document_get_layer (self->document, self->state);
}

JmItem *
jm_matrix_view_get_focused (JmMatrixView *self)
{
  JmItem *item;
  double x, y;

  g_return_val_if_fail (JM_IS_MATRIX_VIEW (self), NULL);

  if (self->document == NULL || self->focused_id == NULL)
    return NULL;

  /* gone, or no longer scored: no dot to focus */
  item = jm_layer_lookup_item (jm_matrix_view_layer (self), self->focused_id);
  if (item == NULL || !jm_priority_matrix_place (item, &x, &y))
    return NULL;

  return item;
}

/**
 * jm_matrix_view_dup_accessible_label:
 *
 * Returns: (transfer full): what the view's accessible label says: the
 *   view's name, and the focused dot's title, scores and quadrant
 */
char *
jm_matrix_view_dup_accessible_label (JmMatrixView *self)
{
  JmItem *item;
  const char *title;

  g_return_val_if_fail (JM_IS_MATRIX_VIEW (self), NULL);

  item = jm_matrix_view_get_focused (self);
  if (item == NULL)
    return g_strdup (_("Priority Matrix"));

  title = jm_item_get_title (item) != NULL && *jm_item_get_title (item) != '\0' ? jm_item_get_title (item)
                                                                                   : _("Untitled opportunity");
  /* TRANSLATORS: the priority matrix's accessible name while one of its
   * dots has the focus: the opportunity's title, its customer value and
   * business value (0–100), its effort (1–5) and its quadrant */
  return g_strdup_printf (_("Priority Matrix: %s, customer value %.0f, business value %.0f, effort %.0f, %s"),
                          title, jm_item_get_customer_value (item), jm_item_get_business_value (item),
                          jm_item_get_effort (item),
                          jm_priority_matrix_quadrant_name (jm_priority_matrix_quadrant (item)));
}

static void
jm_matrix_view_update_accessible (JmMatrixView *self)
{
  g_autofree char *label = jm_matrix_view_dup_accessible_label (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * jm_matrix_view_dot_position:
 * @item: an opportunity
 * @x: (out): where its dot's centre is, in the view's coordinates
 * @y: (out):
 *
 * Returns: whether @item has a dot and the view a size to show it in
 */
gboolean
jm_matrix_view_dot_position (JmMatrixView *self,
                             JmItem       *item,
                             double       *x,
                             double       *y)
{
  double scale, dx, dy, mx, my;

  g_return_val_if_fail (JM_IS_MATRIX_VIEW (self), FALSE);
  g_return_val_if_fail (JM_IS_ITEM (item), FALSE);

  if (!jm_matrix_view_transform (self, &scale, &dx, &dy) || !jm_priority_matrix_place (item, &mx, &my))
    return FALSE;

  *x = dx + mx * scale;
  *y = dy + my * scale;
  return TRUE;
}

static JmItem *
jm_matrix_view_hit (JmMatrixView *self,
                    double        x,
                    double        y)
{
  double scale, dx, dy;

  if (self->document == NULL || !jm_matrix_view_transform (self, &scale, &dx, &dy))
    return NULL;

  return jm_priority_matrix_hit (self->document, self->state, (x - dx) / scale, (y - dy) / scale);
}

static void
ring (cairo_t *cr,
      double   x,
      double   y,
      double   radius,
      double   width)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
jm_matrix_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  JmMatrixView *self = JM_MATRIX_VIEW (widget);
  JmThemeKind theme_kind = jm_matrix_view_theme ();
  const JmTheme *theme = jm_theme_get (theme_kind);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;
  JmItem *focused;
  double scale, dx, dy, x, y;

  if (self->document == NULL || !jm_matrix_view_transform (self, &scale, &dx, &dy))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgba (cr, theme->background.red, theme->background.green, theme->background.blue,
                         theme->background.alpha);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  jm_priority_matrix_draw (cr, self->document, self->state, theme_kind);

  /* the selected opportunities, ringed in the accent colour */
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  if (self->selection != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
      {
        JmObject *object = jm_selection_peek (self->selection, i);

        if (JM_IS_ITEM (object) && jm_priority_matrix_place (JM_ITEM (object), &x, &y))
          ring (cr, x, y, SELECTED_RADIUS, 3);
      }

  /* the focused dot, while the view has the focus */
  focused = jm_matrix_view_get_focused (self);
  if (focused != NULL && gtk_widget_has_focus (widget) &&
      jm_priority_matrix_place (focused, &x, &y))
    {
      cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue, 0.8);
      cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      ring (cr, x, y, FOCUS_RADIUS, 1.5);
    }
  cairo_restore (cr);
  cairo_destroy (cr);
}

static void
jm_matrix_view_set_focused (JmMatrixView *self,
                            JmItem       *item)
{
  const char *id = item != NULL ? jm_object_get_id (JM_OBJECT (item)) : NULL;

  if (g_strcmp0 (id, self->focused_id) != 0)
    {
      g_free (self->focused_id);
      self->focused_id = g_strdup (id);
    }
  jm_matrix_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
jm_matrix_view_select (JmMatrixView *self,
                       JmItem       *item)
{
  jm_matrix_view_set_focused (self, item);
  if (self->selection != NULL)
    jm_selection_select (self->selection, JM_OBJECT (item));
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               JmMatrixView    *self)
{
  JmItem *item = jm_matrix_view_hit (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (item != NULL)
    jm_matrix_view_select (self, item);
}

static gboolean
on_query_tooltip_cb (JmMatrixView *self,
                     int           x,
                     int           y,
                     gboolean      keyboard,
                     GtkTooltip   *tooltip)
{
  JmItem *item = keyboard ? jm_matrix_view_get_focused (self) : jm_matrix_view_hit (self, x, y);
  double scale, dx, dy, dot_x, dot_y, radius;

  if (item == NULL || !jm_matrix_view_transform (self, &scale, &dx, &dy) ||
      !jm_matrix_view_dot_position (self, item, &dot_x, &dot_y))
    return FALSE;

  gtk_tooltip_set_text (tooltip, jm_item_get_title (item) != NULL && *jm_item_get_title (item) != '\0'
                                   ? jm_item_get_title (item) : _("Untitled opportunity"));
  /* asked again when the pointer leaves the dot, for the next one */
  radius = ceil (FOCUS_RADIUS * scale);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) (dot_x - radius), (int) (dot_y - radius),
                                                       (int) (2 * radius), (int) (2 * radius) });
  return TRUE;
}

static int
compare_by_effort (gconstpointer a,
                   gconstpointer b)
{
  const Dot *da = a, *db = b;

  if (da->x != db->x)
    return da->x < db->x ? -1 : 1;
  if (da->y != db->y)
    return da->y < db->y ? -1 : 1;
  return da->index < db->index ? -1 : da->index > db->index;
}

static int
compare_by_value (gconstpointer a,
                  gconstpointer b)
{
  const Dot *da = a, *db = b;

  /* top first: the highest value */
  if (da->y != db->y)
    return da->y < db->y ? -1 : 1;
  if (da->x != db->x)
    return da->x < db->x ? -1 : 1;
  return da->index < db->index ? -1 : da->index > db->index;
}

/* The dots in the order one axis walks them. */
static GArray *
jm_matrix_view_dots (JmMatrixView *self,
                     GCompareFunc  order)
{
  JmObjectStore *items = jm_layer_get_items (jm_matrix_view_layer (self));
  GArray *dots = g_array_new (FALSE, FALSE, sizeof (Dot));

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      Dot dot = { jm_object_store_get_object (items, i), 0, 0, i };

      if (jm_priority_matrix_place (dot.item, &dot.x, &dot.y))
        g_array_append_val (dots, dot);
    }
  g_array_sort (dots, order);
  return dots;
}

/* Moves the focus @step dots along one axis's order, and selects it. */
static void
jm_matrix_view_step (JmMatrixView *self,
                     GCompareFunc  order,
                     int           step)
{
  g_autoptr(GArray) dots = NULL;
  JmItem *focused;
  int at = -1, next;

  if (self->document == NULL)
    return;

  dots = jm_matrix_view_dots (self, order);
  if (dots->len == 0)
    return;

  focused = jm_matrix_view_get_focused (self);
  for (guint i = 0; i < dots->len; i++)
    if (g_array_index (dots, Dot, i).item == focused)
      at = i;

  /* from no focused dot, to the first one either way */
  if (at < 0)
    next = 0;
  else
    next = CLAMP (at + step, 0, (int) dots->len - 1);
  jm_matrix_view_select (self, g_array_index (dots, Dot, next).item);
}

static gboolean
on_key_pressed_cb (JmMatrixView    *self,
                   guint            keyval,
                   guint            keycode,
                   GdkModifierType  state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      /* back to the map, which the window shows in the view's place */
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      jm_matrix_view_step (self, compare_by_effort, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      jm_matrix_view_step (self, compare_by_effort, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      jm_matrix_view_step (self, compare_by_value, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      jm_matrix_view_step (self, compare_by_value, 1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* The selection changed elsewhere (the canvas, the outline): a selected
 * opportunity becomes the focused dot, so that the arrows start there. */
static void
on_selection_changed_cb (JmMatrixView *self)
{
  JmObject *primary = jm_selection_get_primary (self->selection);
  double x, y;

  if (JM_IS_ITEM (primary) && jm_priority_matrix_place (JM_ITEM (primary), &x, &y))
    jm_matrix_view_set_focused (self, JM_ITEM (primary));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Any edit may move a dot, add or take one away, or rename one. */
static void
on_stack_changed_cb (JmMatrixView *self)
{
  jm_matrix_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
jm_matrix_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jm_matrix_view_parent_class)->map (widget);

  /* switched to: the keys go to the dots */
  gtk_widget_grab_focus (widget);
}

static void
jm_matrix_view_disconnect (JmMatrixView *self)
{
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
}

static void
jm_matrix_view_dispose (GObject *object)
{
  JmMatrixView *self = JM_MATRIX_VIEW (object);

  jm_matrix_view_disconnect (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->focused_id, g_free);

  G_OBJECT_CLASS (jm_matrix_view_parent_class)->dispose (object);
}

static void
jm_matrix_view_class_init (JmMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_matrix_view_dispose;
  widget_class->snapshot = jm_matrix_view_snapshot;
  widget_class->map = jm_matrix_view_map;

  gtk_widget_class_set_css_name (widget_class, "jm-matrix-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jm_matrix_view_init (JmMatrixView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  /* the focused dot's ring comes and goes with the focus */
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  jm_matrix_view_update_accessible (self);
}

/**
 * jm_matrix_view_set_document:
 * @document: (nullable): the map shown
 * @stack: (nullable): its history, whose changes the view follows
 * @state: whose opportunities
 */
void
jm_matrix_view_set_document (JmMatrixView   *self,
                             JmDocument     *document,
                             JmCommandStack *stack,
                             JmLayerState    state)
{
  g_return_if_fail (JM_IS_MATRIX_VIEW (self));
  g_return_if_fail (document == NULL || JM_IS_DOCUMENT (document));
  g_return_if_fail (stack == NULL || JM_IS_COMMAND_STACK (stack));

  if (document != self->document || stack != self->stack)
    {
      jm_matrix_view_disconnect (self);
      self->document = document != NULL ? g_object_ref (document) : NULL;
      self->stack = stack != NULL ? g_object_ref (stack) : NULL;
      if (stack != NULL)
        g_signal_connect_object (stack, "changed", G_CALLBACK (on_stack_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->state = state;
  jm_matrix_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jm_matrix_view_set_selection:
 * @selection: (nullable): the window's selection, which a click on a dot
 *   sets and whose opportunities are ringed
 */
void
jm_matrix_view_set_selection (JmMatrixView *self,
                              JmSelection  *selection)
{
  g_return_if_fail (JM_IS_MATRIX_VIEW (self));
  g_return_if_fail (selection == NULL || JM_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_selection_changed_cb), self,
                             G_CONNECT_SWAPPED);
}
