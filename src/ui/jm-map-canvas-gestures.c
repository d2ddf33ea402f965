/* jm-map-canvas-gestures.c: pointer, pan, zoom and keys on the canvas:
 * presses, drags and key presses become edits
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas-private.h"

#include <math.h>

#include "commands/jm-edit.h"
#include <glib/gi18n-lib.h>

/* Where a dragged item lands: the cell under the pointer, and its place
 * among the other items of that cell. */
static void
jm_map_canvas_update_drop (JmMapCanvas *self)
{
  JmRect rect;
  JmHit hit;

  self->drop = (JmHit) { JM_HIT_NONE };
  if (!jm_layout_get_item_rect (self->layout, JM_ITEM (self->dragged), &rect))
    return;

  /* The drop point is the top of the dragged card, where the eye is. */
  if (!jm_layout_hit_test (self->layout, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy, &hit) ||
      hit.stage == NULL || hit.lane == NULL || (hit.kind != JM_HIT_ITEM && hit.kind != JM_HIT_CELL))
    return;

  self->drop = hit;
}

/* The position @delta places from the stage or lane @id, or -1 past
 * either end (or when @id is not there). */
static int
jm_map_canvas_neighbour (JmObjectStore *store,
                         const char    *id,
                         int            delta)
{
  JmObject *object = jm_object_store_lookup (store, id);
  guint position;
  int target;

  if (object == NULL || !jm_object_store_find (store, object, &position))
    return -1;

  target = (int) position + delta;
  return target >= 0 && target < (int) jm_object_store_get_n_objects (store) ? target : -1;
}

static int
compare_store_position (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  guint pa = 0, pb = 0;

  jm_object_store_find (user_data, *(JmObject **) a, &pa);
  jm_object_store_find (user_data, *(JmObject **) b, &pb);
  return pa < pb ? -1 : pa > pb;
}

/* Dragging one card of several selected moves them all by as many stages
 * and lanes as it moved, as one step. Each lands at the end of its cell,
 * taken in the order of the map, so cards that shared a cell keep their
 * order. All or nothing: a card that would leave the map refuses the move,
 * as silently dropping it would break the arrangement. */
static gboolean
jm_map_canvas_move_items_by (JmMapCanvas *self,
                             GPtrArray   *items,
                             int          d_stage,
                             int          d_lane)
{
  JmObjectStore *stages = jm_document_get_stages (self->document);
  JmObjectStore *lanes = jm_document_get_lanes (self->document);
  JmLayerState state = _jm_map_canvas_state (self);
  JmObjectStore *store = jm_layer_get_items (jm_document_get_layer (self->document, state));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_ptr_array_sort_with_data (items, compare_store_position, store);
  for (guint i = 0; i < items->len; i++)
    {
      if (jm_map_canvas_neighbour (stages, jm_item_get_stage_id (items->pdata[i]), d_stage) < 0 ||
          jm_map_canvas_neighbour (lanes, jm_item_get_lane_id (items->pdata[i]), d_lane) < 0)
        {
          g_set_error_literal (&error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("The selected items do not fit there: one would move off the map."));
          _jm_map_canvas_report (self, error);
          return FALSE;
        }
    }

  jm_command_stack_begin_group (self->stack, _("Move Item"));
  for (guint i = 0; ok && i < items->len; i++)
    {
      JmItem *item = items->pdata[i];
      int stage = jm_map_canvas_neighbour (stages, jm_item_get_stage_id (item), d_stage);
      int lane = jm_map_canvas_neighbour (lanes, jm_item_get_lane_id (item), d_lane);

      ok = jm_edit_move_item (self->stack, state, item,
                              jm_object_get_id (jm_object_store_get_object (stages, stage)),
                              jm_object_get_id (jm_object_store_get_object (lanes, lane)), -1, &error);
    }

  if (ok)
    {
      JmRect rect;

      jm_command_stack_end_group (self->stack);
      /* The view follows the cards to their new cell. */
      if (_jm_map_canvas_object_rect (self, items->pdata[0], &rect))
        _jm_map_canvas_scroll_into_view (self, &rect);
    }
  else
    {
      jm_command_stack_cancel_group (self->stack);
      _jm_map_canvas_report (self, error);
    }

  return ok;
}

/* The selected items of the state shown, when the dragged one is among
 * them with others; NULL otherwise. */
static GPtrArray *
jm_map_canvas_dup_dragged_items (JmMapCanvas *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JmObjectStore *store = jm_layer_get_items (jm_document_get_layer (self->document, _jm_map_canvas_state (self)));

  if (!jm_selection_contains (self->selection, self->dragged))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      JmObject *object = jm_selection_peek (self->selection, i);

      if (JM_IS_ITEM (object) && jm_object_store_find (store, object, NULL))
        g_ptr_array_add (items, g_object_ref (object));
    }

  return items->len > 1 ? g_steal_pointer (&items) : NULL;
}

static void
jm_map_canvas_finish_item_drag (JmMapCanvas *self)
{
  JmItem *item = JM_ITEM (self->dragged);
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  const char *stage_id, *lane_id;
  guint index = self->drop.index_in_cell;
  guint old_index;

  if (self->drop.stage == NULL || self->drop.lane == NULL || self->stack == NULL)
    return;

  stage_id = jm_object_get_id (JM_OBJECT (self->drop.stage));
  lane_id = jm_object_get_id (JM_OBJECT (self->drop.lane));

  /* Into another cell, a card of a multi-selection takes the others along;
   * in its own cell it only changes its place among the cards there. */
  selected = jm_map_canvas_dup_dragged_items (self);
  if (selected != NULL &&
      (g_strcmp0 (stage_id, jm_item_get_stage_id (item)) != 0 || g_strcmp0 (lane_id, jm_item_get_lane_id (item)) != 0))
    {
      JmObjectStore *stages = jm_document_get_stages (self->document);
      JmObjectStore *lanes = jm_document_get_lanes (self->document);
      int from_stage = jm_map_canvas_neighbour (stages, jm_item_get_stage_id (item), 0);
      int from_lane = jm_map_canvas_neighbour (lanes, jm_item_get_lane_id (item), 0);
      int to_stage = jm_map_canvas_neighbour (stages, stage_id, 0);
      int to_lane = jm_map_canvas_neighbour (lanes, lane_id, 0);

      if (from_stage < 0 || from_lane < 0 || to_stage < 0 || to_lane < 0)
        return;

      jm_map_canvas_move_items_by (self, selected, to_stage - from_stage, to_lane - from_lane);
      return;
    }

  /* In its own cell, the item does not count among those before it. */
  cell = jm_layer_dup_cell_items (jm_document_get_layer (self->document, _jm_map_canvas_state (self)),
                                  stage_id, lane_id);
  if (g_ptr_array_find (cell, item, &old_index))
    {
      if (old_index < index)
        index--;
      if (old_index == index)
        return;
    }

  if (!jm_edit_move_item (self->stack, _jm_map_canvas_state (self), item, stage_id, lane_id, index, &error))
    _jm_map_canvas_report (self, error);
}

static void
jm_map_canvas_finish_point_drag (JmMapCanvas *self)
{
  JmEmotionPoint *point = JM_EMOTION_POINT (self->dragged);
  g_autoptr(GError) error = NULL;
  double x, y, score;
  JmRect cell;
  JmHit hit;

  if (self->stack == NULL || !jm_layout_get_point_position (self->layout, point, &x, &y))
    return;

  x += self->drag_dx;
  y += self->drag_dy;
  if (!jm_layout_score_at (self->layout, y, &score))
    return;

  /* Along the stages: the stage under the pointer, or the nearest end. */
  jm_layout_hit_test (self->layout, x, y, &hit);
  if (hit.stage == NULL)
    hit.stage = jm_document_lookup_stage (self->document, jm_emotion_point_get_stage_id (point));
  if (hit.lane == NULL || !jm_layout_get_cell_rect (self->layout, hit.stage, hit.lane, &cell))
    {
      JmLane *any = jm_object_store_get_object (jm_document_get_lanes (self->document), 0);
      if (any == NULL || !jm_layout_get_cell_rect (self->layout, hit.stage, any, &cell))
        return;
    }

  /* Scores snap to halves, as designers rate feelings on a coarse scale. */
  score = round (score * 2) / 2;
  if (!jm_edit_move_emotion_point (self->stack, point, jm_object_get_id (JM_OBJECT (hit.stage)),
                                   CLAMP ((x - cell.x - JM_CELL_PADDING) / (cell.width - 2 * JM_CELL_PADDING), 0, 1),
                                   score, &error))
    _jm_map_canvas_report (self, error);
}

static void
jm_map_canvas_finish_link (JmMapCanvas *self)
{
  g_autoptr(GError) error = NULL;
  JmItem *from = jm_selection_peek (self->selection, 0);
  JmHit hit;

  if (self->stack == NULL ||
      !jm_layout_hit_test (self->layout, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy, &hit) ||
      hit.kind != JM_HIT_ITEM || hit.object == JM_OBJECT (from))
    return;

  if (jm_edit_add_link (self->stack, _jm_map_canvas_state (self), jm_object_get_id (JM_OBJECT (from)),
                        jm_object_get_id (hit.object), NULL, &error) == NULL)
    _jm_map_canvas_report (self, error);
}

static void
jm_map_canvas_finish_rubber_band (JmMapCanvas *self)
{
  g_autoptr(GPtrArray) touched = _jm_map_canvas_dup_band_items (self);
  g_autoptr(GPtrArray) selected = NULL;

  if (!self->rubber_extend)
    {
      jm_selection_set_objects (self->selection, touched);
      return;
    }

  /* With Shift, what the band touches joins what was selected. */
  selected = jm_selection_dup_objects (self->selection);
  g_ptr_array_set_free_func (selected, g_object_unref);
  for (guint i = 0; i < touched->len; i++)
    {
      if (!g_ptr_array_find (selected, touched->pdata[i], NULL))
        g_ptr_array_add (selected, g_object_ref (touched->pdata[i]));
    }
  jm_selection_set_objects (self->selection, selected);
}

static void
jm_map_canvas_finish_reorder (JmMapCanvas *self)
{
  g_autoptr(GError) error = NULL;
  JmObjectStore *store = self->drag_kind == JM_HIT_STAGE_HEADER ? jm_document_get_stages (self->document)
                                                                 : jm_document_get_lanes (self->document);
  guint target = _jm_map_canvas_reorder_target (self);
  guint current;
  gboolean ok;

  if (self->stack == NULL || !jm_object_store_find (store, self->dragged, &current) || current == target)
    return;

  if (JM_IS_STAGE (self->dragged))
    ok = jm_edit_move_stage (self->stack, JM_STAGE (self->dragged), target, &error);
  else
    ok = jm_edit_move_lane (self->stack, JM_LANE (self->dragged), target, &error);

  if (!ok)
    _jm_map_canvas_report (self, error);
}

static void
jm_map_canvas_finish_resize (JmMapCanvas *self)
{
  g_autoptr(GError) error = NULL;

  if (self->stack == NULL)
    return;

  if (!jm_edit_set_double (self->stack, self->dragged, JM_IS_STAGE (self->dragged) ? "width" : "height",
                           round (_jm_map_canvas_resized_size (self)), 0, &error))
    _jm_map_canvas_report (self, error);
}

/* Alt+Left/Right moves a selected stage one place, Alt+Up/Down a selected
 * lane: the keyboard way to reorder what a header drag reorders. */
static gboolean
jm_map_canvas_move_header (JmMapCanvas *self,
                           JmObject    *header,
                           int          step)
{
  JmObjectStore *store = JM_IS_STAGE (header) ? jm_document_get_stages (self->document)
                                              : jm_document_get_lanes (self->document);
  g_autoptr(GError) error = NULL;
  guint position;
  gboolean ok;

  if (step == 0 || !jm_object_store_find (store, header, &position))
    return FALSE;
  if ((step < 0 && position == 0) ||
      (step > 0 && position + 1 >= jm_object_store_get_n_objects (store)))
    return TRUE;

  ok = JM_IS_STAGE (header) ? jm_edit_move_stage (self->stack, JM_STAGE (header), position + step, &error)
                            : jm_edit_move_lane (self->stack, JM_LANE (header), position + step, &error);
  if (!ok)
    _jm_map_canvas_report (self, error);

  return TRUE;
}

/* Alt+Up/Down lifts or lowers a selected emotion point by one score. */
static gboolean
jm_map_canvas_nudge_point (JmMapCanvas    *self,
                           JmEmotionPoint *point,
                           int             dy)
{
  g_autoptr(GError) error = NULL;

  if (dy == 0)
    return FALSE;

  if (!jm_edit_nudge_score (self->stack, point, -dy, &error))
    _jm_map_canvas_report (self, error);

  return TRUE;
}

/**
 * jm_map_canvas_move_selection:
 * @dx: -1, 0 or 1 stage
 * @dy: -1, 0 or 1 lane (or score, for an emotion point)
 *
 * Moves the selected items to the next cell, for keyboard use (the
 * window's doc.move-selection-* actions, Alt+arrows): one step for all
 * of them, all or nothing, as a drag moves them: a card at the edge
 * refuses the move with the reason rather than stay behind while the
 * others go. A stage or lane selected alone moves one place, an emotion
 * point one score.
 *
 * Returns: %FALSE if nothing selected moves that way
 */
gboolean
jm_map_canvas_move_selection (JmMapCanvas *self,
                              int          dx,
                              int          dy)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JmObjectStore *store;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);

  if (self->stack == NULL || self->document == NULL)
    return FALSE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 1 && JM_IS_STAGE (jm_selection_peek (self->selection, 0)))
    return jm_map_canvas_move_header (self, jm_selection_peek (self->selection, 0), dx);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 1 && JM_IS_LANE (jm_selection_peek (self->selection, 0)))
    return jm_map_canvas_move_header (self, jm_selection_peek (self->selection, 0), dy);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 1 && JM_IS_EMOTION_POINT (jm_selection_peek (self->selection, 0)))
    return jm_map_canvas_nudge_point (self, jm_selection_peek (self->selection, 0), dy);

  store = jm_layer_get_items (jm_document_get_layer (self->document, _jm_map_canvas_state (self)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      JmObject *object = jm_selection_peek (self->selection, i);

      if (JM_IS_ITEM (object) && jm_object_store_find (store, object, NULL))
        g_ptr_array_add (items, g_object_ref (object));
    }

  if (items->len == 0 || (dx == 0 && dy == 0))
    return FALSE;

  jm_map_canvas_move_items_by (self, items, dx, dy);
  return TRUE;
}

/* The object whose text a double-click at (@map_x, @map_y) edits: a card,
 * an emotion point (its dot or its feeling), a persona, a stage's or
 * lane's header, or the map's title. */
static gpointer
jm_map_canvas_editable_at (JmMapCanvas *self,
                           double       map_x,
                           double       map_y)
{
  JmEmotionPoint *point = _jm_map_canvas_point_at (self, map_x, map_y);
  JmRect title;
  JmHit hit;

  if (point != NULL)
    return point;

  jm_layout_hit_test (self->layout, map_x, map_y, &hit);
  if (hit.kind != JM_HIT_ITEM && (point = _jm_map_canvas_point_label_at (self, map_x, map_y)) != NULL)
    return point;

  switch (hit.kind)
    {
    case JM_HIT_ITEM:
    case JM_HIT_POINT:
    case JM_HIT_PERSONA:
    case JM_HIT_STAGE_HEADER:
    case JM_HIT_LANE_HEADER:
      return hit.object;
    case JM_HIT_NONE:
      if (jm_layout_get_text_rect (self->layout, self->document, &title, NULL) &&
          map_x >= title.x && map_x < title.x + title.width && map_y >= title.y && map_y < title.y + title.height)
        return self->document;
      return NULL;
    case JM_HIT_LINK:
    case JM_HIT_CELL:
    case JM_HIT_STAGE_EDGE:
    case JM_HIT_LANE_EDGE:
    default:
      return NULL;
    }
}

static void
on_click_pressed_cb (JmMapCanvas     *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  double map_x, map_y;
  gpointer object;

  if (n_press != 2 || self->layout == NULL || self->stack == NULL)
    return;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  object = jm_map_canvas_editable_at (self, map_x, map_y);
  if (object == NULL)
    return;

  /* A double-click on a persona's role edits the role, elsewhere on the
   * card the name. */
  if (JM_IS_PERSONA (object))
    {
      JmRect role;

      if (jm_layout_get_persona_role_rect (self->layout, object, &role) &&
          map_y >= role.y && map_y < role.y + role.height)
        {
          _jm_map_canvas_edit_property_in_place (self, object, "role");
          return;
        }
    }

  _jm_map_canvas_edit_in_place (self, object);
}

static void
on_drag_begin_cb (JmMapCanvas    *self,
                  double          start_x,
                  double          start_y,
                  GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  JmHit hit;

  if (self->layout == NULL)
    return;

  /* A pointer at work: the focus ring waits for the keys again. */
  self->keyboard_used = FALSE;
  jm_map_canvas_widget_to_map (self, start_x, start_y, &self->drag_x, &self->drag_y);
  self->drag_dx = self->drag_dy = 0;
  self->drag_moved = FALSE;
  g_clear_object (&self->dragged);

  self->rubber_band = FALSE;
  self->linking = FALSE;
  self->panning = self->space_held;
  if (self->panning)
    {
      /* Space was for the pan, not a toggle. */
      self->space_toggle = FALSE;
      self->pan_x = _jm_map_canvas_scroll_x (self);
      self->pan_y = _jm_map_canvas_scroll_y (self);
      return;
    }

  {
    double hx, hy;

    if (_jm_map_canvas_link_handle (self, &hx, &hy) &&
        hypot (hx - self->drag_x, hy - self->drag_y) <= JM_LINK_HANDLE_RADIUS / self->zoom * MAX (self->zoom, 1.0) + 2)
      {
        self->linking = TRUE;
        return;
      }
  }

  jm_layout_hit_test (self->layout, self->drag_x, self->drag_y, &hit);
  {
    JmEmotionPoint *point = _jm_map_canvas_point_at (self, self->drag_x, self->drag_y);

    if (point != NULL)
      {
        hit.kind = JM_HIT_POINT;
        hit.object = JM_OBJECT (point);
      }
  }

  /* A press elsewhere keeps what was typed in place and ends the edit
   * (the double-click that starts one presses on its object). */
  if (self->editor == NULL ||
      jm_map_canvas_editable_at (self, self->drag_x, self->drag_y) !=
      jm_inplace_editor_get_object (JM_INPLACE_EDITOR (self->editor)))
    {
      _jm_map_canvas_commit_edit (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  /* An empty place: a press clears the selection, a drag selects the
   * items the rectangle it draws touches; with Shift, both keep what was
   * selected. */
  self->rubber_extend = (state & GDK_SHIFT_MASK) != 0;
  if (hit.kind == JM_HIT_NONE)
    {
      if (!self->rubber_extend)
        jm_map_canvas_clear_selection (self);
      self->rubber_band = TRUE;
      return;
    }

  /* A persona card or a link selects it, for the inspector. */
  if (hit.kind == JM_HIT_PERSONA || hit.kind == JM_HIT_LINK)
    {
      jm_map_canvas_select (self, hit.object, FALSE);
      return;
    }

  /* A header selects its stage or lane, for the inspector, and dragging
   * it reorders; dragging its edge resizes. */
  if (hit.kind == JM_HIT_STAGE_HEADER || hit.kind == JM_HIT_LANE_HEADER ||
      hit.kind == JM_HIT_STAGE_EDGE || hit.kind == JM_HIT_LANE_EDGE)
    {
      if (hit.kind == JM_HIT_STAGE_HEADER || hit.kind == JM_HIT_LANE_HEADER)
        jm_map_canvas_select (self, hit.object, FALSE);
      self->dragged = g_object_ref (hit.object);
      self->drag_kind = hit.kind;
      return;
    }

  if (hit.kind != JM_HIT_ITEM && hit.kind != JM_HIT_POINT)
    {
      if (!self->rubber_extend)
        jm_map_canvas_clear_selection (self);
      self->rubber_band = TRUE;
      return;
    }

  if (!jm_selection_contains (self->selection, hit.object))
    jm_map_canvas_select (self, hit.object, (state & GDK_SHIFT_MASK) != 0);
  self->dragged = g_object_ref (hit.object);
  self->drag_kind = hit.kind;
}

static void
on_drag_update_cb (JmMapCanvas    *self,
                   double          offset_x,
                   double          offset_y,
                   GtkGestureDrag *gesture)
{
  if (self->panning)
    {
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->pan_x - offset_x);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->pan_y - offset_y);
      return;
    }

  if (self->dragged == NULL && !self->rubber_band && !self->linking)
    return;

  if (!self->drag_moved && hypot (offset_x, offset_y) < JM_DRAG_THRESHOLD)
    return;

  self->drag_moved = TRUE;
  self->drag_dx = offset_x / self->zoom;
  self->drag_dy = offset_y / self->zoom;
  if (self->drag_kind == JM_HIT_ITEM)
    jm_map_canvas_update_drop (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (JmMapCanvas    *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  g_autoptr(JmObject) dragged = g_steal_pointer (&self->dragged);

  if (self->panning)
    {
      self->panning = FALSE;
      return;
    }

  if ((self->rubber_band || self->linking) && self->drag_moved)
    {
      self->drag_dx = offset_x / self->zoom;
      self->drag_dy = offset_y / self->zoom;
      if (self->rubber_band)
        jm_map_canvas_finish_rubber_band (self);
      else
        jm_map_canvas_finish_link (self);
    }
  if (self->rubber_band || self->linking)
    {
      self->rubber_band = self->linking = FALSE;
      self->drag_moved = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (dragged == NULL || !self->drag_moved)
    return;

  self->dragged = dragged;
  self->drag_dx = offset_x / self->zoom;
  self->drag_dy = offset_y / self->zoom;
  switch (self->drag_kind)
    {
    case JM_HIT_ITEM:
      jm_map_canvas_update_drop (self);
      jm_map_canvas_finish_item_drag (self);
      break;
    case JM_HIT_POINT:
      jm_map_canvas_finish_point_drag (self);
      break;
    case JM_HIT_STAGE_HEADER:
    case JM_HIT_LANE_HEADER:
      jm_map_canvas_finish_reorder (self);
      break;
    case JM_HIT_STAGE_EDGE:
    case JM_HIT_LANE_EDGE:
      jm_map_canvas_finish_resize (self);
      break;
    case JM_HIT_NONE:
    case JM_HIT_LINK:
    case JM_HIT_CELL:
    default:
      break;
    }

  self->dragged = NULL;
  self->drop = (JmHit) { JM_HIT_NONE };
  self->drag_moved = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_key_released_cb (JmMapCanvas           *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_space)
    return;

  self->space_held = FALSE;
  if (self->space_toggle)
    {
      self->space_toggle = FALSE;
      _jm_map_canvas_toggle_at_cursor (self);
    }
}

static void
on_pan_begin_cb (JmMapCanvas    *self,
                 double          x,
                 double          y,
                 GtkGestureDrag *gesture)
{
  self->pan_x = _jm_map_canvas_scroll_x (self);
  self->pan_y = _jm_map_canvas_scroll_y (self);
}

/* The middle button drags the map around. */
static void
on_pan_update_cb (JmMapCanvas    *self,
                  double          offset_x,
                  double          offset_y,
                  GtkGestureDrag *gesture)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->pan_x - offset_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->pan_y - offset_y);
}

static gboolean
on_key_pressed_cb (JmMapCanvas           *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  /* Keys the editor in place leaves alone are still typing, not edits
   * of the map. */
  if (self->editor != NULL && gtk_widget_get_focus_child (GTK_WIDGET (self)) == self->editor)
    return FALSE;

  /* Space held pans with a drag; pressed and released alone, it toggles
   * what the cursor is on. The key repeats while held: the first press
   * counts. */
  if (keyval == GDK_KEY_space)
    {
      if (!self->space_held)
        self->space_toggle = (state & gtk_accelerator_get_default_mod_mask ()) == 0;
      self->space_held = TRUE;
      return TRUE;
    }

  /* Alt+arrows and Delete are the window's actions, which act on the
   * selection wherever focus is (jm-window-actions.c); here they only
   * come before the canvas's own arrows. */
  if ((state & GDK_ALT_MASK) != 0 &&
      (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right || keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    return gtk_widget_activate_action (GTK_WIDGET (self),
                                       keyval == GDK_KEY_Left ? "doc.move-selection-left"
                                       : keyval == GDK_KEY_Right ? "doc.move-selection-right"
                                       : keyval == GDK_KEY_Up ? "doc.move-selection-up" : "doc.move-selection-down",
                                       NULL);

  if (_jm_map_canvas_cursor_key (self, keyval, state))
    return TRUE;

  /* F2 or Enter edits the text of the one object selected in place, as
   * F2 renames in Files; F2 with nothing selected, the map's title. */
  if ((keyval == GDK_KEY_F2 || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0 && self->stack != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      if (n == 1)
        return _jm_map_canvas_edit_in_place (self, jm_selection_peek (self->selection, 0));
      if (n == 0 && keyval == GDK_KEY_F2 && self->document != NULL)
        return _jm_map_canvas_edit_in_place (self, self->document);
      return FALSE;
    }

  /* Escape lets go of the selection, as in file managers and drawing
   * apps; the editor in place takes its own Escape before this sees it. */
  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
        return FALSE;
      jm_map_canvas_clear_selection (self);
      return TRUE;
    }

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_BackSpace)
    return FALSE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "doc.delete", NULL);
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

/* The drop targets (jm-map-canvas-drops.c) take only drag-and-drop events,
 * so the order between them and these controllers does not matter. */
void
_jm_map_canvas_init_gestures (JmMapCanvas *self)
{
  GtkEventController *scroll;
  GtkEventController *key;
  GtkGesture *zoom;
  GtkGesture *drag;
  GtkGesture *click;
  GtkGesture *pan;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (pan, "drag-begin", G_CALLBACK (on_pan_begin_cb), self);
  g_signal_connect_swapped (pan, "drag-update", G_CALLBACK (on_pan_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect_swapped (key, "key-released", G_CALLBACK (on_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
}

/**
 * jm_map_canvas_delete_selection:
 *
 * Deletes the selected items (with their links) and emotion points, as
 * one step.
 */
gboolean
jm_map_canvas_delete_selection (JmMapCanvas  *self,
                                GError      **error)
{
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JmLayerState state;
  JmLayer *layer;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);

  if (self->stack == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return TRUE;

  /* A copy: once the step is done, what it deleted leaves the selection. */
  selected = jm_selection_dup_objects (self->selection);
  state = _jm_map_canvas_state (self);
  layer = jm_document_get_layer (self->document, state);
  /* Items first, then points, then stages and lanes, which take their
   * remaining items and points with them. */
  for (guint i = 0; i < selected->len; i++)
    {
      if (JM_IS_ITEM (selected->pdata[i]))
        g_ptr_array_add (items, selected->pdata[i]);
    }

  jm_command_stack_begin_group (self->stack, _("Delete"));
  ok = jm_edit_delete_items (self->stack, state, items, error);
  for (guint i = 0; ok && i < selected->len; i++)
    {
      JmObject *object = selected->pdata[i];

      if (JM_IS_EMOTION_POINT (object))
        ok = jm_edit_delete_object (self->stack, jm_layer_get_points (layer), object, error);
      else if (JM_IS_LINK (object) && jm_object_store_find (jm_layer_get_links (layer), object, NULL))
        ok = jm_edit_delete_object (self->stack, jm_layer_get_links (layer), object, error);
    }
  for (guint i = 0; ok && i < selected->len; i++)
    {
      JmObject *object = selected->pdata[i];

      if (JM_IS_STAGE (object))
        ok = jm_edit_delete_stage (self->stack, JM_STAGE (object), error);
      else if (JM_IS_PERSONA (object))
        ok = jm_edit_delete_persona (self->stack, JM_PERSONA (object), error);
      else if (JM_IS_LANE (object))
        ok = jm_edit_delete_lane (self->stack, JM_LANE (object), error);
    }

  if (ok)
    jm_command_stack_end_group (self->stack);
  else
    jm_command_stack_cancel_group (self->stack);

  if (ok)
    jm_map_canvas_clear_selection (self);
  return ok;
}