/* jm-map-canvas-view.c: the view state the canvas's parts share:
 * scrolling and zoom, map coordinates, the state shown, the selection,
 * where objects and the drag in progress are, and refusals reported
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas-private.h"

#include <math.h>

#include "jm-alert.h"
#include "model/jm-describe.h"
#include <glib/gi18n-lib.h>

/* The bottom layer of the canvas: every other part calls into this file
 * and it calls into none of them, so the parts never call each other in a
 * loop. It reads and changes only the instance struct and the widget. */

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

void
_jm_map_canvas_update_adjustments (JmMapCanvas *self)
{
  double width, height;

  jm_map_canvas_get_content_size (self, &width, &height);
  jm_map_canvas_configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  jm_map_canvas_configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

double
_jm_map_canvas_scroll_x (JmMapCanvas *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

double
_jm_map_canvas_scroll_y (JmMapCanvas *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

void
jm_map_canvas_widget_to_map (JmMapCanvas *self,
                             double       widget_x,
                             double       widget_y,
                             double      *map_x,
                             double      *map_y)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  *map_x = (widget_x + _jm_map_canvas_scroll_x (self)) / self->zoom;
  *map_y = (widget_y + _jm_map_canvas_scroll_y (self)) / self->zoom;
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

  /* Any zoom but a fit's own ends the fit. */
  self->fitted = FALSE;
  zoom = CLAMP (zoom, JM_MAP_CANVAS_MIN_ZOOM, JM_MAP_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  jm_map_canvas_widget_to_map (self, widget_x, widget_y, &map_x, &map_y);
  self->zoom = zoom;
  _jm_map_canvas_update_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, map_x * zoom - widget_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, map_y * zoom - widget_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* An editor in place follows the text it covers to its new size. */
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "zoom");
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

  /* The room measured may still change: a side panel opened just before
   * is sliding in. The canvas fits again at each new size. */
  self->fitted = TRUE;
}

JmLayerState
_jm_map_canvas_state (JmMapCanvas *self)
{
  return jm_layout_get_shown_state (self->layout);
}

/* An edit made on the canvas was refused: a toast says why. */
void
_jm_map_canvas_report (JmMapCanvas *self,
                       GError      *error)
{
  jm_alert_show_refusal (GTK_WIDGET (self), error);
}

/**
 * jm_map_canvas_select:
 * @extend: add to the selection (Shift+click) instead of replacing it
 */
void
jm_map_canvas_select (JmMapCanvas *self,
                      JmObject    *object,
                      gboolean     extend)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (JM_IS_OBJECT (object));

  if (extend)
    jm_selection_toggle (self->selection, object);
  else
    jm_selection_select (self->selection, object);
}

void
jm_map_canvas_clear_selection (JmMapCanvas *self)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  jm_selection_clear (self->selection);
}

/**
 * jm_map_canvas_select_all:
 *
 * Selects every item of the state shown (Ctrl+A); the ghosts of the other
 * state, which cannot be edited, stay out.
 */
void
jm_map_canvas_select_all (JmMapCanvas *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JmObjectStore *store;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->document == NULL)
    return;

  store = jm_layer_get_items (jm_document_get_layer (self->document, _jm_map_canvas_state (self)));
  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    g_ptr_array_add (items, jm_object_store_get_object (store, i));

  jm_selection_set_objects (self->selection, items);
}

gboolean
_jm_map_canvas_object_rect (JmMapCanvas *self,
                            JmObject    *object,
                            JmRect      *rect)
{
  double x, y;

  if (JM_IS_ITEM (object))
    return jm_layout_get_item_rect (self->layout, JM_ITEM (object), rect);

  if (JM_IS_PERSONA (object))
    return jm_layout_get_persona_rect (self->layout, JM_PERSONA (object), rect);

  if (JM_IS_LINK (object))
    return jm_layout_get_link_bounds (self->layout, JM_LINK (object), rect);

  if ((JM_IS_STAGE (object) || JM_IS_LANE (object)) && self->document != NULL)
    {
      JmObjectStore *lanes = jm_document_get_lanes (self->document);
      JmObjectStore *stages = jm_document_get_stages (self->document);
      JmRect first, last;

      if (JM_IS_STAGE (object) && jm_object_store_get_n_objects (lanes) > 0 &&
          jm_layout_get_cell_rect (self->layout, JM_STAGE (object), jm_object_store_get_object (lanes, 0), &first) &&
          jm_layout_get_cell_rect (self->layout, JM_STAGE (object),
                                   jm_object_store_get_object (lanes, jm_object_store_get_n_objects (lanes) - 1), &last))
        {
          *rect = (JmRect) { first.x, first.y, first.width, last.y + last.height - first.y };
          return TRUE;
        }
      if (JM_IS_LANE (object) && jm_object_store_get_n_objects (stages) > 0 &&
          jm_layout_get_cell_rect (self->layout, jm_object_store_get_object (stages, 0), JM_LANE (object), &first) &&
          jm_layout_get_cell_rect (self->layout,
                                   jm_object_store_get_object (stages, jm_object_store_get_n_objects (stages) - 1),
                                   JM_LANE (object), &last))
        {
          *rect = (JmRect) { first.x, first.y, last.x + last.width - first.x, first.height };
          return TRUE;
        }
      return FALSE;
    }

  if (JM_IS_EMOTION_POINT (object) &&
      jm_layout_get_point_position (self->layout, JM_EMOTION_POINT (object), &x, &y))
    {
      *rect = (JmRect) { x - 9, y - 9, 18, 18 };
      return TRUE;
    }

  return FALSE;
}

/**
 * jm_map_canvas_scroll_to_object:
 *
 * Scrolls so that @object is in view, a third from the top left.
 */
void
jm_map_canvas_scroll_to_object (JmMapCanvas *self,
                                JmObject    *object)
{
  JmRect rect;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->layout == NULL || !_jm_map_canvas_object_rect (self, object, &rect))
    return;

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, rect.x * self->zoom - gtk_widget_get_width (GTK_WIDGET (self)) / 3.0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, rect.y * self->zoom - gtk_widget_get_height (GTK_WIDGET (self)) / 3.0);
}

/**
 * jm_map_canvas_zoom_to_selection:
 *
 * Zooms so that the selected items and points fill the view.
 */
void
jm_map_canvas_zoom_to_selection (JmMapCanvas *self)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  double width, height, zoom;
  const double margin = 24;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  for (guint i = 0; self->layout != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      JmRect rect;

      if (!_jm_map_canvas_object_rect (self, jm_selection_peek (self->selection, i), &rect))
        continue;
      left = MIN (left, rect.x);
      top = MIN (top, rect.y);
      right = MAX (right, rect.x + rect.width);
      bottom = MAX (bottom, rect.y + rect.height);
    }

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (right < left || width <= 0 || height <= 0)
    return;

  zoom = MIN ((width - 2 * margin) / (right - left), (height - 2 * margin) / (bottom - top));
  jm_map_canvas_set_zoom (self, MIN (zoom, 2.0));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, left * self->zoom - margin);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, top * self->zoom - margin);
}

/* The handle a link is drawn from: a dot on the right edge of the one
 * selected item. */
gboolean
_jm_map_canvas_link_handle (JmMapCanvas *self,
                            double      *x,
                            double      *y)
{
  JmRect rect;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) != 1 || !JM_IS_ITEM (jm_selection_peek (self->selection, 0)) ||
      !jm_layout_get_item_rect (self->layout, jm_selection_peek (self->selection, 0), &rect))
    return FALSE;

  *x = rect.x + rect.width;
  *y = rect.y + rect.height / 2;

  /* Below a Moment-of-Truth star, which sits on the same edge, so that
   * neither covers the other at any zoom. */
  if (jm_item_get_moment (jm_selection_peek (self->selection, 0)) != JM_MOMENT_KIND_NONE)
    *y = MAX (*y, rect.y + JM_MOMENT_BADGE_INSET + JM_MOMENT_BADGE_RADIUS + 2 +
                  JM_LINK_HANDLE_RADIUS / self->zoom * MAX (self->zoom, 1.0));
  return TRUE;
}

/* The emotion point of the state shown nearest to (@x, @y), in map units,
 * within a target of JM_POINT_TARGET_PIXELS on screen: the dot drawn is
 * 12 units wide, a few pixels when zoomed out, too small to grab. */
JmEmotionPoint *
_jm_map_canvas_point_at (JmMapCanvas *self,
                         double       x,
                         double       y)
{
  double reach = MAX (JM_POINT_TARGET_PIXELS / 2 / self->zoom, JM_POINT_RADIUS + 3);
  double nearest = reach * reach;
  JmEmotionPoint *found = NULL;
  JmObjectStore *points;
  double top, bottom;

  if (self->layout == NULL || self->document == NULL)
    return NULL;

  /* Points lie in the curve's band: a press elsewhere, the most of them,
   * looks at none of them. */
  if (!jm_layout_score_to_y (self->layout, JM_SCORE_MAX, &top) ||
      !jm_layout_score_to_y (self->layout, JM_SCORE_MIN, &bottom) ||
      y < top - reach || y > bottom + reach)
    return NULL;

  points = jm_layer_get_points (jm_document_get_layer (self->document, _jm_map_canvas_state (self)));
  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      double px, py, distance;

      if (!jm_layout_get_point_position (self->layout, point, &px, &py))
        continue;
      distance = (px - x) * (px - x) + (py - y) * (py - y);
      if (distance <= nearest)
        {
          nearest = distance;
          found = point;
        }
    }

  return found;
}

/* The emotion point of the state shown whose feeling is written at (@x,
 * @y): a double-click on the word edits it, as one on the dot does. */
JmEmotionPoint *
_jm_map_canvas_point_label_at (JmMapCanvas *self,
                               double       x,
                               double       y)
{
  JmObjectStore *points;
  double top, bottom;

  if (self->layout == NULL || self->document == NULL)
    return NULL;

  /* Labels lie within a line of the curve's band. */
  if (!jm_layout_score_to_y (self->layout, JM_SCORE_MAX, &top) ||
      !jm_layout_score_to_y (self->layout, JM_SCORE_MIN, &bottom) ||
      y < top - 40 || y > bottom + 40)
    return NULL;

  points = jm_layer_get_points (jm_document_get_layer (self->document, _jm_map_canvas_state (self)));
  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      const char *label = jm_emotion_point_get_label (point);
      JmRect rect;

      if (label != NULL && *label != '\0' && jm_layout_get_text_rect (self->layout, point, &rect, NULL) &&
          x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        return point;
    }

  return NULL;
}

/* The score an emotion point being dragged would get, snapped to halves
 * as the drop snaps it: %FALSE when no point is being dragged. */
gboolean
_jm_map_canvas_drag_score (JmMapCanvas *self,
                           double      *score)
{
  double x, y;

  if (self->dragged == NULL || !self->drag_moved || self->drag_kind != JM_HIT_POINT ||
      !jm_layout_get_point_position (self->layout, JM_EMOTION_POINT (self->dragged), &x, &y) ||
      !jm_layout_score_at (self->layout, y + self->drag_dy, score))
    return FALSE;

  *score = CLAMP (round (*score * 2) / 2, JM_SCORE_MIN, JM_SCORE_MAX);
  return TRUE;
}

/* The rectangle being dragged out, in map units. */
JmRect
_jm_map_canvas_rubber_rect (JmMapCanvas *self)
{
  return (JmRect) {
    MIN (self->drag_x, self->drag_x + self->drag_dx),
    MIN (self->drag_y, self->drag_y + self->drag_dy),
    fabs (self->drag_dx),
    fabs (self->drag_dy),
  };
}

/* The items of the state shown that the rubber band touches, even in
 * part: what it selects on release and highlights meanwhile. A card need
 * not lie wholly inside, as on a crowded map a band that must enclose
 * whole cards catches their neighbours too. Ghosts of the other state are
 * not editable, so they are left out. */
GPtrArray *
_jm_map_canvas_dup_band_items (JmMapCanvas *self)
{
  JmRect band = _jm_map_canvas_rubber_rect (self);
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *touched = g_ptr_array_new_with_free_func (g_object_unref);
  JmObjectStore *items;

  if (self->layout == NULL || self->document == NULL)
    return touched;

  items = jm_layer_get_items (jm_document_get_layer (self->document, _jm_map_canvas_state (self)));
  found = jm_layout_query_items (self->layout, &band);
  for (guint i = 0; i < found->len; i++)
    {
      JmRect item;

      if (jm_layout_get_item_rect (self->layout, found->pdata[i], &item) &&
          item.x <= band.x + band.width && band.x <= item.x + item.width &&
          item.y <= band.y + band.height && band.y <= item.y + item.height &&
          jm_object_store_find (items, found->pdata[i], NULL))
        g_ptr_array_add (touched, g_object_ref (found->pdata[i]));
    }

  return touched;
}

/* Where a dragged stage or lane would go: the index of the column or
 * row under the pointer. */
guint
_jm_map_canvas_reorder_target (JmMapCanvas *self)
{
  gboolean stage = self->drag_kind == JM_HIT_STAGE_HEADER;
  JmObjectStore *store = stage ? jm_document_get_stages (self->document) : jm_document_get_lanes (self->document);
  double x = self->drag_x + self->drag_dx, y = self->drag_y + self->drag_dy;
  guint n = jm_object_store_get_n_objects (store);

  for (guint i = 0; i < n; i++)
    {
      JmObject *other = jm_object_store_get_object (store, i);
      JmObject *first_other = jm_object_store_get_object (stage ? jm_document_get_lanes (self->document)
                                                                : jm_document_get_stages (self->document), 0);
      JmRect cell;

      if (first_other == NULL)
        return 0;
      if (!jm_layout_get_cell_rect (self->layout, stage ? JM_STAGE (other) : JM_STAGE (first_other),
                                    stage ? JM_LANE (first_other) : JM_LANE (other), &cell))
        continue;
      if ((stage && x < cell.x + cell.width) || (!stage && y < cell.y + cell.height))
        return i;
    }

  return n > 0 ? n - 1 : 0;
}

double
_jm_map_canvas_resized_size (JmMapCanvas *self)
{
  if (JM_IS_STAGE (self->dragged))
    return CLAMP (jm_stage_get_width (JM_STAGE (self->dragged)) + self->drag_dx,
                  JM_STAGE_MIN_WIDTH, JM_STAGE_MAX_WIDTH);

  {
    JmObject *stage = jm_object_store_get_object (jm_document_get_stages (self->document), 0);
    JmRect cell;
    double height = 0;

    if (stage != NULL && jm_layout_get_cell_rect (self->layout, JM_STAGE (stage), JM_LANE (self->dragged), &cell))
      height = cell.height;
    return CLAMP (height + self->drag_dy, JM_LANE_MIN_HEIGHT, JM_LANE_MAX_HEIGHT);
  }
}

/* The keyboard cursor */

/* The lane of @kind, the first of them, or NULL. */
JmLane *
_jm_map_canvas_lane_of_kind (JmMapCanvas *self,
                             JmLaneKind   kind)
{
  JmObjectStore *lanes = jm_document_get_lanes (self->document);

  for (guint i = 0; i < jm_object_store_get_n_objects (lanes); i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_lane_get_kind (lane) == kind)
        return lane;
    }

  return NULL;
}

/* Whether @object is still on the map, in the state shown: by id, as the
 * ring asks at every frame and a store's find walks its whole list. */
static gboolean
jm_map_canvas_shows_object (JmMapCanvas *self,
                            JmObject    *object)
{
  JmLayer *layer = jm_document_get_layer (self->document, _jm_map_canvas_state (self));
  const char *id = jm_object_get_id (object);

  if (JM_IS_ITEM (object))
    return jm_object_store_lookup (jm_layer_get_items (layer), id) == (gpointer) object;
  if (JM_IS_EMOTION_POINT (object))
    return jm_object_store_lookup (jm_layer_get_points (layer), id) == (gpointer) object;
  return FALSE;
}

/* What a screen reader says of the cursor's place: the full name of its
 * item, point, stage or lane (jm_describe_object ()), or of its cell. */
static char *
jm_map_canvas_describe_cursor (JmMapCanvas *self)
{
  JmLayerState state = _jm_map_canvas_state (self);

  if (self->cursor_object != NULL)
    return jm_describe_object (self->document, state, self->cursor_object);
  if (self->cursor_stage != NULL && self->cursor_lane == NULL)
    return jm_describe_object (self->document, state, JM_OBJECT (self->cursor_stage));
  if (self->cursor_lane != NULL && self->cursor_stage == NULL)
    return jm_describe_object (self->document, state, JM_OBJECT (self->cursor_lane));
  if (self->cursor_stage != NULL && self->cursor_lane != NULL)
    /* TRANSLATORS: a cell of the map with nothing in it: its stage and lane */
    return g_strdup_printf (_("Empty cell, %s × %s"), jm_stage_get_name (self->cursor_stage),
                            jm_lane_get_name (self->cursor_lane));

  return g_strdup (_("Journey map"));
}

#if GTK_CHECK_VERSION (4, 14, 0)
/* GTK's test backend (GTK_A11Y=test, as the accessibility tests run)
 * has nothing to announce with, and GTK 4.18 calls it all the same: a
 * crash in test-keyboard and test-outline on Debian 13. */
static gboolean
can_announce (JmMapCanvas *self)
{
  g_autoptr(GtkATContext) context = gtk_accessible_get_at_context (GTK_ACCESSIBLE (self));

  return context != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (context), "GtkTestATContext") != 0;
}
#endif

/* The canvas's accessible name says where the cursor is, and its
 * description whether that is selected, so that a screen reader follows
 * the cursor as it follows the focus in a list. */
void
_jm_map_canvas_update_accessible (JmMapCanvas *self)
{
  g_autofree char *label = jm_map_canvas_describe_cursor (self);
  gpointer object = self->cursor_object;
  gboolean moved = g_strcmp0 (label, self->cursor_label) != 0;

  if (object == NULL && self->cursor_stage != NULL && self->cursor_lane == NULL)
    object = self->cursor_stage;
  else if (object == NULL && self->cursor_lane != NULL && self->cursor_stage == NULL)
    object = self->cursor_lane;

  g_free (self->cursor_label);
  self->cursor_label = g_steal_pointer (&label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->cursor_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  object != NULL && jm_selection_contains (self->selection, object)
                                    ? _("Selected") : _("Not selected"),
                                  -1);
#if GTK_CHECK_VERSION (4, 14, 0)
  if (moved && gtk_widget_has_focus (GTK_WIDGET (self)) && can_announce (self))
    gtk_accessible_announce (GTK_ACCESSIBLE (self), self->cursor_label,
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#else
  (void) moved;
#endif
}

/* Reads the cell of the cursor's item or point again (it may have moved)
 * and lets go of what left the map. Returns whether there is a cursor. */
gboolean
_jm_map_canvas_check_cursor (JmMapCanvas *self)
{
  JmObjectStore *stages, *lanes;

  if (!self->cursor_set || self->document == NULL || self->layout == NULL)
    return FALSE;

  stages = jm_document_get_stages (self->document);
  lanes = jm_document_get_lanes (self->document);
  if (self->cursor_object != NULL && !jm_map_canvas_shows_object (self, self->cursor_object))
    g_clear_object (&self->cursor_object);

  if (JM_IS_ITEM (self->cursor_object))
    {
      g_set_object (&self->cursor_stage, jm_document_lookup_stage (self->document,
                                                                  jm_item_get_stage_id (JM_ITEM (self->cursor_object))));
      g_set_object (&self->cursor_lane, jm_document_lookup_lane (self->document,
                                                                jm_item_get_lane_id (JM_ITEM (self->cursor_object))));
    }
  else if (JM_IS_EMOTION_POINT (self->cursor_object))
    {
      JmLane *curve = _jm_map_canvas_lane_of_kind (self, JM_LANE_KIND_EMOTIONS);

      g_set_object (&self->cursor_stage,
                    jm_document_lookup_stage (self->document,
                                              jm_emotion_point_get_stage_id (JM_EMOTION_POINT (self->cursor_object))));
      if (curve != NULL)
        g_set_object (&self->cursor_lane, curve);
    }

  if (self->cursor_stage != NULL && !jm_object_store_find (stages, JM_OBJECT (self->cursor_stage), NULL))
    g_clear_object (&self->cursor_stage);
  if (self->cursor_lane != NULL && !jm_object_store_find (lanes, JM_OBJECT (self->cursor_lane), NULL))
    g_clear_object (&self->cursor_lane);

  /* Nothing left to stand on: the first cell, or no cursor at all. */
  if (self->cursor_stage == NULL && self->cursor_lane == NULL)
    {
      g_clear_object (&self->cursor_object);
      g_set_object (&self->cursor_stage, jm_object_store_get_object (stages, 0));
      g_set_object (&self->cursor_lane, jm_object_store_get_object (lanes, 0));
      if (self->cursor_stage == NULL && self->cursor_lane == NULL)
        {
          self->cursor_set = FALSE;
          return FALSE;
        }
    }

  return TRUE;
}

/* Puts the keyboard cursor on @object (an item or emotion point), or on
 * the cell @stage × @lane, or on the header of @stage (no @lane) or
 * @lane (no @stage); @scroll brings it into view. */
void
_jm_map_canvas_set_cursor (JmMapCanvas *self,
                           JmStage     *stage,
                           JmLane      *lane,
                           JmObject    *object,
                           gboolean     scroll)
{
  JmRect rect;

  self->cursor_set = TRUE;
  g_set_object (&self->cursor_stage, stage);
  g_set_object (&self->cursor_lane, lane);
  g_set_object (&self->cursor_object, object);
  if (!_jm_map_canvas_check_cursor (self))
    {
      _jm_map_canvas_clear_cursor (self);
      return;
    }

  _jm_map_canvas_update_accessible (self);
  if (scroll && _jm_map_canvas_cursor_rect (self, &rect))
    _jm_map_canvas_scroll_into_view (self, &rect);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_jm_map_canvas_clear_cursor (JmMapCanvas *self)
{
  self->cursor_set = FALSE;
  g_clear_object (&self->cursor_stage);
  g_clear_object (&self->cursor_lane);
  g_clear_object (&self->cursor_object);
  g_clear_pointer (&self->cursor_label, g_free);
}

/* Where the cursor is, in map units. */
gboolean
_jm_map_canvas_cursor_rect (JmMapCanvas *self,
                            JmRect      *rect)
{
  JmFont font;

  if (!_jm_map_canvas_check_cursor (self))
    return FALSE;

  if (self->cursor_object != NULL)
    return _jm_map_canvas_object_rect (self, self->cursor_object, rect);

  if (self->cursor_stage != NULL && self->cursor_lane != NULL)
    return jm_layout_get_cell_rect (self->layout, self->cursor_stage, self->cursor_lane, rect);

  /* A header: around its name, where F2 edits it. */
  if (!jm_layout_get_text_rect (self->layout, self->cursor_stage != NULL ? (gpointer) self->cursor_stage
                                                                         : (gpointer) self->cursor_lane,
                                rect, &font))
    return FALSE;

  /* With the stage's number above its name, the lane's pictogram before. */
  rect->x -= self->cursor_stage != NULL ? 4 : 30;
  rect->y -= self->cursor_stage != NULL ? 20 : 4;
  rect->width += self->cursor_stage != NULL ? 8 : 34;
  rect->height += self->cursor_stage != NULL ? 24 : 8;
  return TRUE;
}

/* Scrolls as little as brings @rect (map units) into view, with a margin,
 * as a list scrolls to follow its focus. */
void
_jm_map_canvas_scroll_into_view (JmMapCanvas  *self,
                                 const JmRect *rect)
{
  const double margin = 24;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double left = rect->x * self->zoom - margin;
  double top = rect->y * self->zoom - margin;
  double right = (rect->x + rect->width) * self->zoom + margin;
  double bottom = (rect->y + rect->height) * self->zoom + margin;
  double x = _jm_map_canvas_scroll_x (self);
  double y = _jm_map_canvas_scroll_y (self);

  if (width <= 0 || height <= 0)
    return;

  /* The far edge first, so that the near one wins when it does not fit. */
  if (right > x + width)
    x = right - width;
  if (left < x)
    x = left;
  if (bottom > y + height)
    y = bottom - height;
  if (top < y)
    y = top;

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, y);
}

/**
 * jm_map_canvas_get_cursor:
 * @stage: (out) (optional) (transfer none): the cursor's stage, or %NULL
 *   on a lane's header
 * @lane: (out) (optional) (transfer none): the cursor's lane, or %NULL on
 *   a stage's header
 *
 * Where the keyboard cursor is; for tests.
 *
 * Returns: (transfer none) (nullable): the item or emotion point the
 *   cursor is on, or %NULL on a cell, a header or without a cursor
 */
JmObject *
jm_map_canvas_get_cursor (JmMapCanvas  *self,
                          JmStage     **stage,
                          JmLane      **lane)
{
  gboolean set;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  set = _jm_map_canvas_check_cursor (self);
  if (stage != NULL)
    *stage = set ? self->cursor_stage : NULL;
  if (lane != NULL)
    *lane = set ? self->cursor_lane : NULL;
  return set ? self->cursor_object : NULL;
}

/**
 * jm_map_canvas_get_cursor_label:
 *
 * What the canvas's accessible label says of the cursor's place (GTK 4.8
 * has no getter for accessible properties); for tests.
 *
 * Returns: (nullable): the label, or %NULL before the cursor was shown
 */
const char *
jm_map_canvas_get_cursor_label (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->cursor_label;
}
