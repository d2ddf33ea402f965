/* jm-map-canvas-keyboard.c: the keyboard cursor of the canvas: arrows walk
 * the cells, the items in them and the headers, as in a file manager
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas-private.h"

/* What the cursor may stand on in the cell @stage × @lane: its items in
 * their order, or in the curve lane the emotion points of the stage, left
 * to right. Items of the other state, ghosted, cannot be edited and are
 * left out. */
static GPtrArray *
jm_map_canvas_dup_stops (JmMapCanvas *self,
                         JmStage     *stage,
                         JmLane      *lane)
{
  JmLayer *layer = jm_document_get_layer (self->document, _jm_map_canvas_state (self));
  g_autoptr(GPtrArray) stops = NULL;
  JmObjectStore *points;

  if (stage == NULL || lane == NULL)
    return g_ptr_array_new ();

  if (jm_lane_get_kind (lane) != JM_LANE_KIND_EMOTIONS)
    return jm_layer_dup_cell_items (layer, jm_object_get_id (JM_OBJECT (stage)), jm_object_get_id (JM_OBJECT (lane)));

  stops = g_ptr_array_new ();
  points = jm_layer_get_points (layer);
  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (g_strcmp0 (jm_emotion_point_get_stage_id (point), jm_object_get_id (JM_OBJECT (stage))) == 0)
        {
          guint at = stops->len;

          /* Sorted as they are inserted: a stage has a few points. */
          while (at > 0 && jm_emotion_point_get_position (stops->pdata[at - 1]) > jm_emotion_point_get_position (point))
            at--;
          g_ptr_array_insert (stops, at, point);
        }
    }

  return g_steal_pointer (&stops);
}

static int
jm_map_canvas_position_in (JmObjectStore *store,
                           gpointer       object)
{
  guint position;

  if (object == NULL || !jm_object_store_find (store, object, &position))
    return -1;

  return (int) position;
}

/* The cursor where it would be after the key: @first or @last stop of the
 * cell @stage × @lane, or the cell itself when it is empty. */
static void
jm_map_canvas_cursor_into (JmMapCanvas *self,
                           JmStage     *stage,
                           JmLane      *lane,
                           int          index,
                           JmStage    **out_stage,
                           JmLane     **out_lane,
                           JmObject   **out_object)
{
  g_autoptr(GPtrArray) stops = jm_map_canvas_dup_stops (self, stage, lane);

  *out_stage = stage;
  *out_lane = lane;
  if (stops->len == 0)
    *out_object = NULL;
  else
    *out_object = stops->pdata[CLAMP (index, 0, (int) stops->len - 1)];
}

/* Moves the cursor for an arrow, Home or End. Returns FALSE for keys it
 * does not take, and at the edge of the map (so that the key still does
 * what GTK does with it, such as leaving the canvas). */
static gboolean
jm_map_canvas_step_cursor (JmMapCanvas *self,
                           guint        keyval,
                           JmStage    **stage,
                           JmLane     **lane,
                           JmObject   **object)
{
  JmObjectStore *stages = jm_document_get_stages (self->document);
  JmObjectStore *lanes = jm_document_get_lanes (self->document);
  int n_stages = jm_object_store_get_n_objects (stages);
  int n_lanes = jm_object_store_get_n_objects (lanes);
  int s = jm_map_canvas_position_in (stages, self->cursor_stage);
  int l = jm_map_canvas_position_in (lanes, self->cursor_lane);
  g_autoptr(GPtrArray) stops = jm_map_canvas_dup_stops (self, self->cursor_stage, self->cursor_lane);
  guint here = 0;
  int index;

  if (self->cursor_object != NULL)
    g_ptr_array_find (stops, self->cursor_object, &here);
  index = (int) here;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int step = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;
        int to = s + step;

        /* Left of the first stage are the lanes' headers; the corner
         * above them is not a place. */
        if (to >= n_stages || to < -1 || (to == -1 && l < 0) || (s < 0 && step < 0))
          return FALSE;
        if (l < 0)
          {
            *stage = jm_object_store_get_object (stages, to);
            *lane = NULL;
            *object = NULL;
            return TRUE;
          }
        if (to < 0)
          {
            *stage = NULL;
            *lane = jm_object_store_get_object (lanes, l);
            *object = NULL;
            return TRUE;
          }
        /* Along a row, the place in the cell is kept, as far as it goes. */
        jm_map_canvas_cursor_into (self, jm_object_store_get_object (stages, to),
                                   jm_object_store_get_object (lanes, l), index, stage, lane, object);
        return TRUE;
      }

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (s >= 0 && l >= 0 && self->cursor_object != NULL && index > 0)
        {
          *stage = self->cursor_stage;
          *lane = self->cursor_lane;
          *object = stops->pdata[index - 1];
          return TRUE;
        }
      if (l > 0)
        {
          if (s < 0)
            {
              *stage = NULL;
              *lane = jm_object_store_get_object (lanes, l - 1);
              *object = NULL;
              return TRUE;
            }
          jm_map_canvas_cursor_into (self, self->cursor_stage, jm_object_store_get_object (lanes, l - 1),
                                     G_MAXINT, stage, lane, object);
          return TRUE;
        }
      /* Above the first lane: the stage's header. */
      if (l == 0 && s >= 0)
        {
          *stage = self->cursor_stage;
          *lane = NULL;
          *object = NULL;
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (s >= 0 && l >= 0 && self->cursor_object != NULL && index + 1 < (int) stops->len)
        {
          *stage = self->cursor_stage;
          *lane = self->cursor_lane;
          *object = stops->pdata[index + 1];
          return TRUE;
        }
      if (l + 1 >= n_lanes)
        return FALSE;
      if (s < 0)
        {
          *stage = NULL;
          *lane = jm_object_store_get_object (lanes, l + 1);
          *object = NULL;
          return TRUE;
        }
      jm_map_canvas_cursor_into (self, self->cursor_stage, jm_object_store_get_object (lanes, l + 1),
                                 0, stage, lane, object);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (s < 0 || l < 0 || stops->len == 0)
        return FALSE;
      *stage = self->cursor_stage;
      *lane = self->cursor_lane;
      *object = keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home ? stops->pdata[0]
                                                                     : stops->pdata[stops->len - 1];
      return TRUE;

    default:
      return FALSE;
    }
}

/* What selecting the cursor's place selects: its item or point, or the
 * stage or lane of a header; an empty cell, nothing. */
static JmObject *
jm_map_canvas_cursor_target (JmMapCanvas *self)
{
  if (self->cursor_object != NULL)
    return self->cursor_object;
  if (self->cursor_stage != NULL && self->cursor_lane == NULL)
    return JM_OBJECT (self->cursor_stage);
  if (self->cursor_lane != NULL && self->cursor_stage == NULL)
    return JM_OBJECT (self->cursor_lane);
  return NULL;
}

static void
jm_map_canvas_show_focus (JmMapCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->keyboard_used = TRUE;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where the cursor starts: on what is selected, else the first cell. */
static void
jm_map_canvas_ensure_cursor (JmMapCanvas *self)
{
  JmObject *selected;

  if (_jm_map_canvas_check_cursor (self))
    return;

  selected = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0
             ? jm_selection_peek (self->selection, 0) : NULL;
  if (JM_IS_ITEM (selected) || JM_IS_EMOTION_POINT (selected))
    _jm_map_canvas_set_cursor (self, NULL, NULL, selected, FALSE);
  else if (JM_IS_STAGE (selected))
    _jm_map_canvas_set_cursor (self, JM_STAGE (selected), NULL, NULL, FALSE);
  else if (JM_IS_LANE (selected))
    _jm_map_canvas_set_cursor (self, NULL, JM_LANE (selected), NULL, FALSE);
  else
    {
      JmStage *stage = jm_object_store_get_object (jm_document_get_stages (self->document), 0);
      JmLane *lane = jm_object_store_get_object (jm_document_get_lanes (self->document), 0);
      JmStage *first_stage;
      JmLane *first_lane;
      JmObject *first;

      jm_map_canvas_cursor_into (self, stage, lane, 0, &first_stage, &first_lane, &first);
      _jm_map_canvas_set_cursor (self, first_stage, first_lane, first, FALSE);
    }
}

/**
 * _jm_map_canvas_cursor_key:
 *
 * Arrows, Home and End move the cursor and select what it lands on;
 * with Shift they add it to the selection, with Ctrl they select nothing.
 * (Alt+arrows move the selection; gestures takes those first.)
 *
 * Returns: whether the key was used
 */
gboolean
_jm_map_canvas_cursor_key (JmMapCanvas     *self,
                           guint            keyval,
                           GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  JmStage *stage = NULL;
  JmLane *lane = NULL;
  JmObject *object = NULL;
  JmObject *target;

  if (self->document == NULL || self->layout == NULL)
    return FALSE;
  if ((mods & ~(GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return FALSE;
  if (keyval != GDK_KEY_Left && keyval != GDK_KEY_Right && keyval != GDK_KEY_Up && keyval != GDK_KEY_Down &&
      keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_KP_Right && keyval != GDK_KEY_KP_Up &&
      keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_Home && keyval != GDK_KEY_End &&
      keyval != GDK_KEY_KP_Home && keyval != GDK_KEY_KP_End)
    return FALSE;

  /* The keys the canvas takes never reach the window, which would show
   * the focus as GTK does when a key moves it. */
  jm_map_canvas_show_focus (self);

  /* The first key shows where the cursor is before it moves it. */
  if (!self->cursor_set)
    {
      jm_map_canvas_ensure_cursor (self);
      if (!self->cursor_set)
        return FALSE;
      _jm_map_canvas_set_cursor (self, self->cursor_stage, self->cursor_lane, self->cursor_object, TRUE);
      if ((mods & GDK_CONTROL_MASK) == 0 && (target = jm_map_canvas_cursor_target (self)) != NULL &&
          !jm_selection_contains (self->selection, target))
        jm_map_canvas_select (self, target, (mods & GDK_SHIFT_MASK) != 0);
      return TRUE;
    }

  _jm_map_canvas_check_cursor (self);
  if (!jm_map_canvas_step_cursor (self, keyval, &stage, &lane, &object))
    {
      /* At the edge the cursor stays, and so does the focus. */
      return TRUE;
    }

  _jm_map_canvas_set_cursor (self, stage, lane, object, TRUE);
  target = jm_map_canvas_cursor_target (self);
  if ((mods & GDK_CONTROL_MASK) != 0)
    return TRUE;

  self->keys_select = TRUE;
  if ((mods & GDK_SHIFT_MASK) != 0)
    {
      if (target != NULL && !jm_selection_contains (self->selection, target))
        jm_map_canvas_select (self, target, TRUE);
    }
  else if (target != NULL)
    jm_map_canvas_select (self, target, FALSE);
  else
    jm_map_canvas_clear_selection (self);
  self->keys_select = FALSE;

  return TRUE;
}

/* Space, pressed and released without a pan, adds what the cursor is on
 * to the selection or takes it out, as Ctrl+Space in a file manager. */
void
_jm_map_canvas_toggle_at_cursor (JmMapCanvas *self)
{
  JmObject *target;

  if (self->document == NULL)
    return;

  jm_map_canvas_show_focus (self);
  jm_map_canvas_ensure_cursor (self);
  target = jm_map_canvas_cursor_target (self);
  if (target == NULL)
    return;

  /* Taking an item out may leave one selected: the cursor stays. */
  self->keys_select = TRUE;
  jm_selection_toggle (self->selection, target);
  self->keys_select = FALSE;
}

static void
on_focus_enter_cb (JmMapCanvas             *self,
                   GtkEventControllerFocus *controller)
{
  if (self->document == NULL || self->layout == NULL)
    return;

  /* The ring shows where the keys will act from the moment the canvas has
   * the focus from the keyboard (Tab), and the screen reader says it. */
  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    self->keyboard_used = TRUE;
  jm_map_canvas_ensure_cursor (self);
  if (_jm_map_canvas_check_cursor (self))
    _jm_map_canvas_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave_cb (JmMapCanvas             *self,
                   GtkEventControllerFocus *controller)
{
  self->keyboard_used = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_jm_map_canvas_init_keyboard (JmMapCanvas *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
