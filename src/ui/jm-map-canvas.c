/* jm-map-canvas.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas-private.h"

#include "render/jm-theme.h"
#include <glib/gi18n-lib.h>

/* The canvas draws with the core renderer, only the part in view, and
 * scrolls through GtkScrollable so it lives in a GtkScrolledWindow. Zoom
 * maps layout units to widget pixels; the layout never depends on it.
 *
 * Input becomes edits (commands/jm-edit.h) pushed on the stack: a drag is
 * previewed on the canvas and becomes one edit when it ends. Selection is
 * view state and never saved or undone.
 *
 * This file builds and wires the widget: its type, properties and signal,
 * the document and layout it shows, and drawing the map with the items'
 * render nodes. It calls into the parts; none of them calls into it.
 * jm-map-canvas-private.h says where the rest lives. */

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

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (JmMapCanvas, jm_map_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Helpers {{{ */

static JmThemeKind
jm_map_canvas_theme (JmMapCanvas *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

/* }}} */

/* The cursor goes to what was selected otherwise (a click, the outline, a
 * new item), so that the keys go on from there. */
static void
jm_map_canvas_cursor_follow (JmMapCanvas *self,
                             JmObject    *one)
{
  if (JM_IS_ITEM (one) || JM_IS_EMOTION_POINT (one))
    {
      if (one != self->cursor_object)
        _jm_map_canvas_set_cursor (self, NULL, NULL, one, FALSE);
    }
  else if (JM_IS_STAGE (one) && (self->cursor_object != NULL || self->cursor_lane != NULL ||
                                 self->cursor_stage != JM_STAGE (one)))
    _jm_map_canvas_set_cursor (self, JM_STAGE (one), NULL, NULL, FALSE);
  else if (JM_IS_LANE (one) && (self->cursor_object != NULL || self->cursor_stage != NULL ||
                                self->cursor_lane != JM_LANE (one)))
    _jm_map_canvas_set_cursor (self, NULL, JM_LANE (one), NULL, FALSE);
}

/* Whatever changed the selection (a click, an edit that removed a
 * selected object, the window), the canvas shows it and says so. */
static void
on_selection_items_changed_cb (JmMapCanvas *self,
                               guint        position,
                               guint        removed,
                               guint        added,
                               GListModel  *selection)
{
  guint n = g_list_model_get_n_items (selection);
  JmObject *one = n == 1 ? jm_selection_peek (self->selection, 0) : NULL;

  /* The keys put the cursor where they want it themselves. */
  if (!self->keys_select)
    jm_map_canvas_cursor_follow (self, one);
  if (_jm_map_canvas_check_cursor (self))
    _jm_map_canvas_update_accessible (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

static void
on_adjustment_value_changed_cb (JmMapCanvas   *self,
                                GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* An item that changed is drawn again; anything else (a stage's width, a
 * lane, the state shown) may change every item's look. */
static void
on_document_object_changed_cb (JmMapCanvas *self,
                               GObject     *object,
                               GParamSpec  *pspec,
                               JmDocument  *document)
{
  if (JM_IS_ITEM (object) && self->layer_mode != JM_LAYER_MODE_BOTH)
    g_hash_table_remove (self->item_nodes, object);
  else
    g_hash_table_remove_all (self->item_nodes);
}

static void
on_document_changed_cb (JmMapCanvas *self)
{
  /* The layout redoes only what changed when it is next read. */
  jm_layout_update (self->layout);
  _jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* The text edited in place may have moved, or gone. */
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_style_dark_changed_cb (JmMapCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

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

  _jm_map_canvas_update_adjustments (self);
}

static void
jm_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  JmMapCanvas *self = JM_MAP_CANVAS (widget);

  _jm_map_canvas_update_adjustments (self);
  if (self->fitted)
    jm_map_canvas_zoom_to_fit (self);
  _jm_map_canvas_allocate_editor (self);
}

static GskRenderNode *
jm_map_canvas_item_node (JmMapCanvas *self,
                         JmItem      *item,
                         const JmRect *rect,
                         JmThemeKind  theme)
{
  const double reach = JM_RENDER_ITEM_REACH;
  JmRenderOptions options = { theme, TRUE, NULL, JM_RENDER_ITEMS };
  GskRenderNode *node;
  cairo_t *cr;

  options.review_marks = self->review_marks;

  /* In the item's own coordinates, so a move of the item keeps its node. */
  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (-reach * self->zoom, -reach * self->zoom,
                                                  (rect->width + 2 * reach) * self->zoom,
                                                  (rect->height + 2 * reach) * self->zoom));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -rect->x, -rect->y);
  jm_renderer_draw_item (cr, self->layout, item, &options);
  cairo_destroy (cr);

  return node;
}

/* The items in view, each from its cached node, made when missing. */
static void
jm_map_canvas_snapshot_items (JmMapCanvas   *self,
                              GtkSnapshot   *snapshot,
                              const JmRect  *visible,
                              JmThemeKind    theme)
{
  const double reach = JM_RENDER_ITEM_REACH;
  JmRect region = { visible->x - reach, visible->y - reach, visible->width + 2 * reach, visible->height + 2 * reach };
  g_autoptr(GPtrArray) items = jm_layout_query_items (self->layout, &region);

  if (self->nodes_zoom != self->zoom || self->nodes_theme != theme ||
      g_hash_table_size (self->item_nodes) > 4 * items->len + 2000)
    {
      g_hash_table_remove_all (self->item_nodes);
      self->nodes_zoom = self->zoom;
      self->nodes_theme = theme;
    }

  /* Ghosts of removed items, in the compared view, come from the query
   * too, and are drawn like the others. */
  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = items->pdata[i];
      GskRenderNode *node = g_hash_table_lookup (self->item_nodes, item);
      JmRect rect;

      if (!jm_layout_get_item_rect (self->layout, item, &rect))
        continue;

      if (node == NULL)
        {
          node = jm_map_canvas_item_node (self, item, &rect, theme);
          /* Keyed by a reference: a freed item's address may come back. */
          g_hash_table_insert (self->item_nodes, g_object_ref (item), node);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((rect.x - visible->x) * self->zoom,
                                                              (rect.y - visible->y) * self->zoom));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }
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
    _jm_map_canvas_scroll_x (self) / self->zoom,
    _jm_map_canvas_scroll_y (self) / self->zoom,
    width / self->zoom,
    height / self->zoom,
  };
  options = (JmRenderOptions) { jm_map_canvas_theme (self), FALSE, &visible };
  options.review_marks = self->review_marks;

  /* Under the items: background, headers, grid. */
  options.parts = JM_RENDER_BASE;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  jm_renderer_draw (cr, self->layout, &options);
  cairo_destroy (cr);

  jm_map_canvas_snapshot_items (self, snapshot, &visible, options.theme);

  /* Over them: the curve, the links, and what the canvas itself shows. */
  options.parts = JM_RENDER_OVERLAY;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  jm_renderer_draw (cr, self->layout, &options);
  _jm_map_canvas_draw_overlays (self, cr, &options);
  cairo_destroy (cr);

  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
jm_map_canvas_dispose (GObject *object)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  jm_map_canvas_set_adjustment (self, &self->hadjustment, NULL);
  jm_map_canvas_set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->dragged);
  /* Stopped first: a closing window keeps no half-typed text, and the
   * focus the editor loses while it goes must not write to the map. */
  if (self->editor != NULL)
    jm_inplace_editor_stop (JM_INPLACE_EDITOR (self->editor));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->selection, on_selection_items_changed_cb, self);
      jm_selection_set_history (self->selection, NULL);
    }
  g_clear_object (&self->selection);
  _jm_map_canvas_clear_cursor (self);
  g_clear_pointer (&self->item_nodes, g_hash_table_unref);
  g_clear_pointer (&self->highlights, g_ptr_array_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->stack);
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
  /* A group whose name follows the keyboard cursor (see
   * _jm_map_canvas_update_accessible ()). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * JmMapCanvas::selection-changed:
   *
   * Emitted when items, emotion points, a stage or a lane are selected or
   * unselected: when the canvas's #JmSelection changes.
   */
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jm_map_canvas_init (JmMapCanvas *self)
{
  self->zoom = 1.0;
  self->review_marks = TRUE;
  self->selection = jm_selection_new ();
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_selection_items_changed_cb), self);
  self->item_nodes = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) gsk_render_node_unref);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"), -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _jm_map_canvas_init_gestures (self);
  _jm_map_canvas_init_keyboard (self);
  _jm_map_canvas_init_drops (self);

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

/* Shows @document, with @layout when one was made for it beforehand. */
static void
jm_map_canvas_show (JmMapCanvas *self,
                    JmDocument  *document,
                    JmLayout    *layout)
{
  /* What was typed into another map is not this one's, nor is its fit. */
  _jm_map_canvas_stop_edit (self, FALSE);
  self->fitted = FALSE;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->layout);
  /* Quietly, as it always was: the window shows another map's details. */
  g_signal_handlers_block_by_func (self->selection, on_selection_items_changed_cb, self);
  jm_selection_clear (self->selection);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_items_changed_cb, self);
  _jm_map_canvas_clear_cursor (self);
  g_hash_table_remove_all (self->item_nodes);

  if (document != NULL)
    {
      if (layout != NULL)
        {
          self->layout = g_object_ref (layout);
          jm_layout_set_mode (self->layout, self->layer_mode);
        }
      else
        self->layout = jm_layout_new (document, self->layer_mode);
      g_signal_connect_object (document, "object-changed", G_CALLBACK (on_document_object_changed_cb), self,
                               G_CONNECT_SWAPPED);
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

  _jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

void
jm_map_canvas_set_document (JmMapCanvas *self,
                            JmDocument  *document)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (!document || JM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  jm_map_canvas_show (self, document, NULL);
}

/**
 * jm_map_canvas_set_layout:
 * @layout: a layout made beforehand, see jm_layout_new_in_worker ()
 *
 * Shows the document of @layout, drawn with @layout, which from now on
 * follows the canvas's layer mode.
 */
void
jm_map_canvas_set_layout (JmMapCanvas *self,
                          JmLayout    *layout)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (JM_IS_LAYOUT (layout));

  if (self->layout == layout)
    return;

  jm_map_canvas_show (self, jm_layout_get_document (layout), layout);
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

  /* What was typed in place is kept before its object leaves the view. */
  _jm_map_canvas_commit_edit (self, FALSE);
  self->layer_mode = mode;
  g_hash_table_remove_all (self->item_nodes);
  if (self->layout != NULL)
    jm_layout_set_mode (self->layout, mode);

  _jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYER_MODE]);
}

/**
 * jm_map_canvas_get_stack:
 *
 * Returns: (transfer none) (nullable): the history edits are pushed on
 */
JmCommandStack *
jm_map_canvas_get_stack (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->stack;
}

void
jm_map_canvas_set_stack (JmMapCanvas    *self,
                         JmCommandStack *stack)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  g_set_object (&self->stack, stack);
  jm_selection_set_history (self->selection, stack);
}

/**
 * jm_map_canvas_get_selection:
 *
 * Returns: (transfer none): what is selected on the canvas; the window
 *   and the inspector read and change it there
 */
JmSelection *
jm_map_canvas_get_selection (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->selection;
}

/**
 * jm_map_canvas_peek_item_node:
 *
 * Returns: (transfer none) (nullable): the render node kept for @item, if
 *   it was drawn since it last changed; for tests
 */
GskRenderNode *
jm_map_canvas_peek_item_node (JmMapCanvas *self,
                              JmItem      *item)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return g_hash_table_lookup (self->item_nodes, item);
}

/**
 * jm_map_canvas_update_review_marks:
 * @show: whether to mark open comments and merge conflicts
 *
 * Comments and conflict records live beside the objects, not in their
 * properties, so their changes reach no item's node: the window calls
 * this when they changed, and the cards are drawn again.
 */
void
jm_map_canvas_update_review_marks (JmMapCanvas *self,
                                   gboolean     show)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  self->review_marks = show;
  g_hash_table_remove_all (self->item_nodes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
