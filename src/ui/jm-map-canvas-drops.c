/* jm-map-canvas-drops.c: drops on the canvas: palette entries and files
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas-private.h"

#include <math.h>

#include "commands/jm-edit.h"
#include "interop/jm-interop.h"
#include "io/jm-document-io.h"
#include "io/jm-image-file.h"
#include "jm-palette.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"
#include <glib/gi18n-lib.h>

/* Adds what a palette entry stands for at the place @hit. */
static gboolean
jm_map_canvas_drop_palette (JmMapCanvas  *self,
                            const char   *payload,
                            const JmHit  *hit,
                            double        map_x,
                            double        map_y,
                            GError      **error)
{
  JmLayerState state = _jm_map_canvas_state (self);
  g_auto(GStrv) parts = g_strsplit (payload, ":", 3);
  JmObject *added = NULL;

  if (g_str_equal (parts[0], "moment-of-truth"))
    {
      if (hit->kind != JM_HIT_ITEM)
        {
          g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("Drop a Moment of Truth on an item."));
          return FALSE;
        }
      if (!jm_edit_set_moment (self->stack, JM_ITEM (hit->object), JM_MOMENT_KIND_FIRST, NULL, NULL, error))
        return FALSE;
      added = hit->object;
    }
  else if (g_str_equal (parts[0], "emotion-point"))
    {
      JmPersona *persona = jm_document_get_primary_persona (self->document);
      JmRect cell;
      double score;

      if (hit->stage == NULL || hit->lane == NULL || !jm_layout_score_at (self->layout, map_y, &score) ||
          !jm_layout_get_cell_rect (self->layout, hit->stage, hit->lane, &cell))
        {
          g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("Drop an emotion point on the emotional curve."));
          return FALSE;
        }
      added = (JmObject *) jm_edit_add_emotion_point (self->stack, state,
                                                      persona ? jm_object_get_id (JM_OBJECT (persona)) : NULL,
                                                      jm_object_get_id (JM_OBJECT (hit->stage)),
                                                      CLAMP ((map_x - cell.x - JM_CELL_PADDING) /
                                                             (cell.width - 2 * JM_CELL_PADDING), 0, 1),
                                                      round (score * 2) / 2, NULL, error);
    }
  else if (g_str_equal (parts[0], "item") && parts[1] != NULL)
    {
      const JmKind *kind = jm_kinds_lookup_nick (JM_TYPE_ITEM_KIND, parts[1]);
      const JmKind *channel = parts[2] != NULL ? jm_kinds_lookup_nick (JM_TYPE_CHANNEL, parts[2]) : NULL;
      JmItem *item;

      if (hit->stage == NULL || hit->lane == NULL || kind == NULL)
        {
          g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("Drop items into a cell of the map."));
          return FALSE;
        }

      jm_command_stack_begin_group (self->stack, _("Add Item"));
      item = jm_edit_add_item (self->stack, state, kind->value, jm_object_get_id (JM_OBJECT (hit->stage)),
                               jm_object_get_id (JM_OBJECT (hit->lane)), hit->index_in_cell,
                               kind->value == JM_ITEM_KIND_TOUCHPOINT ? _("New touchpoint") : _("New item"), error);
      if (item != NULL && channel != NULL && !jm_edit_set_enum (self->stack, item, "channel", channel->value, error))
        item = NULL;
      if (item == NULL)
        {
          jm_command_stack_cancel_group (self->stack);
          return FALSE;
        }
      jm_command_stack_end_group (self->stack);
      added = JM_OBJECT (item);
    }
  else
    {
      g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID, _("Unknown palette entry."));
      return FALSE;
    }

  if (added != NULL)
    jm_map_canvas_select (self, added, FALSE);
  return added != NULL;
}

/* A picture dropped on a persona card becomes the persona's photo, as
 * "Choose Photo…" in the inspector makes it: one step, and a file that is
 * no picture, or one too large to decode, refused with the reason. */
static gboolean
jm_map_canvas_drop_photo (JmMapCanvas  *self,
                          GFile        *file,
                          JmPersona    *persona,
                          GError      **error)
{
  g_autoptr(GBytes) photo = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GBytes *old_photo = jm_persona_get_photo (persona);
  const char *type;
  gboolean ok;

  photo = jm_image_file_load_photo (file, &type, error);
  if (photo == NULL ||
      !jm_document_io_check_room (self->document, g_bytes_get_size (photo),
                                  old_photo != NULL ? g_bytes_get_size (old_photo) : 0, error))
    return FALSE;

  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, photo);
  jm_command_stack_begin_group (self->stack, _("Change Photo"));
  ok = jm_edit_set (self->stack, persona, "photo", &value, 0, error) &&
       jm_edit_set_string (self->stack, persona, "photo-type", type, 0, error);
  if (!ok)
    {
      jm_command_stack_cancel_group (self->stack);
      return FALSE;
    }

  jm_command_stack_end_group (self->stack);
  jm_map_canvas_select (self, JM_OBJECT (persona), FALSE);
  return TRUE;
}

/* A picture dropped from the file manager becomes an image item in the
 * cell under the pointer; a map dropped opens, and so do a Mermaid
 * diagram and a spreadsheet, each as a new map. */
static gboolean
jm_map_canvas_drop_file (JmMapCanvas  *self,
                         GFile        *file,
                         const JmHit  *hit,
                         GError      **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *type;
  JmItem *item;
  gboolean ok;

  if (name != NULL && (g_str_has_suffix (name, ".jmap") || jm_interop_reader_for_name (name) != NULL))
    {
      g_autofree char *uri = g_file_get_uri (file);
      return gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", uri);
    }

  if (hit->kind == JM_HIT_PERSONA && JM_IS_PERSONA (hit->object))
    return jm_map_canvas_drop_photo (self, file, JM_PERSONA (hit->object), error);

  if (hit->stage == NULL || hit->lane == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Drop images into a cell of the map."));
      return FALSE;
    }

  bytes = jm_image_file_load (file, &type, error);
  if (bytes == NULL || !jm_document_io_check_room (self->document, g_bytes_get_size (bytes), 0, error))
    return FALSE;

  jm_command_stack_begin_group (self->stack, _("Add Image"));
  item = jm_edit_add_item (self->stack, _jm_map_canvas_state (self), JM_ITEM_KIND_IMAGE,
                           jm_object_get_id (JM_OBJECT (hit->stage)), jm_object_get_id (JM_OBJECT (hit->lane)),
                           hit->index_in_cell, name, error);
  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, bytes);
  ok = item != NULL &&
       jm_edit_set (self->stack, item, "image", &value, 0, error) &&
       jm_edit_set_string (self->stack, item, "image-type", type, 0, error);
  if (!ok)
    {
      jm_command_stack_cancel_group (self->stack);
      return FALSE;
    }

  jm_command_stack_end_group (self->stack);
  jm_map_canvas_select (self, JM_OBJECT (item), FALSE);
  return TRUE;
}

static gboolean
on_files_dropped_cb (JmMapCanvas   *self,
                     const GValue  *value,
                     double         x,
                     double         y,
                     GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);
  gboolean any = FALSE;
  double map_x, map_y;
  JmHit hit;

  self->palette_over = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->layout == NULL || self->stack == NULL)
    return FALSE;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  jm_layout_hit_test (self->layout, map_x, map_y, &hit);
  for (const GSList *iter = files; iter != NULL; iter = iter->next)
    {
      g_autoptr(GError) error = NULL;

      if (jm_map_canvas_drop_file (self, iter->data, &hit, &error))
        any = TRUE;
      else if (error != NULL)
        _jm_map_canvas_report (self, error);

      /* A persona has one photo: the first picture dropped on its card. */
      if (hit.kind == JM_HIT_PERSONA)
        break;
    }

  return any;
}

static GdkDragAction
on_drop_motion_cb (JmMapCanvas   *self,
                   double         x,
                   double         y,
                   GtkDropTarget *target)
{
  double map_x, map_y;

  if (self->layout == NULL || self->stack == NULL)
    return 0;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  jm_layout_hit_test (self->layout, map_x, map_y, &self->palette_hit);
  self->palette_over = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return self->palette_hit.stage != NULL && self->palette_hit.lane != NULL ? GDK_ACTION_COPY : 0;
}

/* A palette entry has no place on a persona card: the card is outlined
 * only for a picture dragged over it. */
static GdkDragAction
on_palette_motion_cb (JmMapCanvas   *self,
                      double         x,
                      double         y,
                      GtkDropTarget *target)
{
  GdkDragAction action = on_drop_motion_cb (self, x, y, target);

  if (self->palette_hit.kind == JM_HIT_PERSONA)
    self->palette_hit.kind = JM_HIT_NONE;
  return action;
}

/* Files go into a cell, as palette entries do, or onto a persona card,
 * whose photo a picture becomes. */
static GdkDragAction
on_files_motion_cb (JmMapCanvas   *self,
                    double         x,
                    double         y,
                    GtkDropTarget *target)
{
  GdkDragAction action = on_drop_motion_cb (self, x, y, target);

  if (action == 0 && self->layout != NULL && self->stack != NULL && self->palette_hit.kind == JM_HIT_PERSONA)
    return GDK_ACTION_COPY;
  return action;
}

static void
on_drop_leave_cb (JmMapCanvas   *self,
                  GtkDropTarget *target)
{
  self->palette_over = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop_cb (JmMapCanvas   *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  const char *payload = g_value_get_string (value);
  g_autoptr(GError) error = NULL;
  double map_x, map_y;
  JmHit hit;

  self->palette_over = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->layout == NULL || self->stack == NULL || payload == NULL ||
      !g_str_has_prefix (payload, JM_PALETTE_PREFIX))
    return FALSE;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  jm_layout_hit_test (self->layout, map_x, map_y, &hit);
  if (!jm_map_canvas_drop_palette (self, payload + strlen (JM_PALETTE_PREFIX), &hit, map_x, map_y, &error))
    {
      _jm_map_canvas_report (self, error);
      return FALSE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

void
_jm_map_canvas_init_drops (JmMapCanvas *self)
{
  GtkDropTarget *drop;
  GtkDropTarget *files;

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "motion", G_CALLBACK (on_palette_motion_cb), self);
  g_signal_connect_swapped (drop, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (files, "motion", G_CALLBACK (on_files_motion_cb), self);
  g_signal_connect_swapped (files, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect_swapped (files, "drop", G_CALLBACK (on_files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (files));
}

/**
 * jm_map_canvas_drop_files:
 * @files: (element-type GFile): files, as from the file manager
 *
 * What a drop of files at (@map_x, @map_y) does, for tests and keyboard
 * use: pictures become image items (or, on a persona card, its photo),
 * maps open.
 *
 * Returns: %TRUE if anything was added or opened
 */
gboolean
jm_map_canvas_drop_files (JmMapCanvas *self,
                          GSList      *files,
                          double       map_x,
                          double       map_y)
{
  g_auto(GValue) value = G_VALUE_INIT;
  double x, y;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  x = map_x * self->zoom - _jm_map_canvas_scroll_x (self);
  y = map_y * self->zoom - _jm_map_canvas_scroll_y (self);
  return on_files_dropped_cb (self, &value, x, y, NULL);
}

/* Whether an item of @kind belongs in a lane of @lane_kind: touchpoints,
 * pain points, opportunities and pictures in their own lanes, cards in
 * the lanes of text, notes anywhere but on the curve. */
static gboolean
jm_map_canvas_lane_takes (JmLaneKind lane_kind,
                          JmItemKind kind)
{
  if (lane_kind == JM_LANE_KIND_EMOTIONS)
    return FALSE;

  switch (kind)
    {
    case JM_ITEM_KIND_TOUCHPOINT:
      return lane_kind == JM_LANE_KIND_TOUCHPOINTS;
    case JM_ITEM_KIND_PAIN_POINT:
      return lane_kind == JM_LANE_KIND_PAIN_POINTS;
    case JM_ITEM_KIND_OPPORTUNITY:
      return lane_kind == JM_LANE_KIND_OPPORTUNITIES;
    case JM_ITEM_KIND_IMAGE:
      return lane_kind == JM_LANE_KIND_IMAGES;
    case JM_ITEM_KIND_CARD:
      return lane_kind == JM_LANE_KIND_ACTIONS || lane_kind == JM_LANE_KIND_THOUGHTS ||
             lane_kind == JM_LANE_KIND_BACKSTAGE || lane_kind == JM_LANE_KIND_TEXT;
    case JM_ITEM_KIND_NOTE:
    default:
      return TRUE;
    }
}

/* Where an item of @kind may go when no lane is meant for it. */
static gboolean
jm_map_canvas_lane_may_take (JmLane     *lane,
                             JmItemKind  kind)
{
  JmLaneKind lane_kind = jm_lane_get_kind (lane);

  return lane_kind != JM_LANE_KIND_EMOTIONS && (kind != JM_ITEM_KIND_TOUCHPOINT || lane_kind != JM_LANE_KIND_ACTIONS);
}

/* The lane an item of @kind goes into, given the lane aimed at (or none):
 * that lane if it suits the kind, else the first that does; in a map
 * without such a lane, the lane aimed at, unless that is the curve (no
 * items there) or, for a touchpoint, the customer's actions, which it
 * would be taken for. */
static JmLane *
jm_map_canvas_lane_for_kind (JmMapCanvas *self,
                             JmLane      *aimed,
                             JmItemKind   kind)
{
  JmObjectStore *lanes = jm_document_get_lanes (self->document);

  if (aimed != NULL && jm_map_canvas_lane_takes (jm_lane_get_kind (aimed), kind))
    return aimed;

  for (guint i = 0; i < jm_object_store_get_n_objects (lanes); i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_map_canvas_lane_takes (jm_lane_get_kind (lane), kind))
        return lane;
    }

  if (aimed != NULL && jm_map_canvas_lane_may_take (aimed, kind))
    return aimed;
  for (guint i = 0; i < jm_object_store_get_n_objects (lanes); i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_map_canvas_lane_may_take (lane, kind))
        return lane;
    }

  return NULL;
}

/**
 * jm_map_canvas_add_from_palette:
 * @payload: a palette entry's payload (JM_PALETTE_PREFIX…)
 *
 * Adds what a palette entry stands for without a drag, for keyboard use:
 * into the selected stage or lane, else the keyboard cursor's cell, else
 * the selected item's cell, else the first stage; each kind in the lane
 * for it (a touchpoint in the Touchpoints lane of that stage, an emotion
 * point on the curve). A Moment of Truth goes on the item at the cursor or
 * selected. What is added is selected and the cursor goes to it.
 *
 * Returns: %TRUE if something was added
 */
gboolean
jm_map_canvas_add_from_palette (JmMapCanvas  *self,
                                const char   *payload,
                                GError      **error)
{
  g_auto(GStrv) parts = NULL;
  JmObjectStore *stages;
  JmHit hit = { JM_HIT_CELL };
  JmObject *selected = NULL;
  double x = 0, y = 0;
  JmRect cell;
  gboolean ok;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);
  g_return_val_if_fail (g_str_has_prefix (payload, JM_PALETTE_PREFIX), FALSE);

  if (self->document == NULL || self->stack == NULL)
    return FALSE;

  stages = jm_document_get_stages (self->document);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    selected = jm_selection_peek (self->selection, 0);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 1 && JM_IS_STAGE (selected))
    hit.stage = JM_STAGE (selected);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 1 && JM_IS_LANE (selected))
    {
      hit.lane = JM_LANE (selected);
      hit.stage = _jm_map_canvas_check_cursor (self) ? self->cursor_stage : NULL;
    }
  else if (_jm_map_canvas_check_cursor (self) && self->cursor_stage != NULL)
    {
      hit.stage = self->cursor_stage;
      hit.lane = self->cursor_lane;
      hit.object = self->cursor_object;
    }
  else if (JM_IS_ITEM (selected))
    {
      hit.object = selected;
      hit.stage = jm_document_lookup_stage (self->document, jm_item_get_stage_id (JM_ITEM (selected)));
      hit.lane = jm_document_lookup_lane (self->document, jm_item_get_lane_id (JM_ITEM (selected)));
    }
  else if (JM_IS_EMOTION_POINT (selected))
    hit.stage = jm_document_lookup_stage (self->document,
                                          jm_emotion_point_get_stage_id (JM_EMOTION_POINT (selected)));

  if (hit.stage == NULL)
    hit.stage = jm_object_store_get_object (stages, 0);
  if (JM_IS_ITEM (hit.object))
    hit.kind = JM_HIT_ITEM;
  else
    hit.object = NULL;
  hit.index_in_cell = G_MAXINT;

  parts = g_strsplit (payload + strlen (JM_PALETTE_PREFIX), ":", 3);
  if (g_str_equal (parts[0], "emotion-point"))
    hit.lane = _jm_map_canvas_lane_of_kind (self, JM_LANE_KIND_EMOTIONS);
  else if (g_str_equal (parts[0], "item") && parts[1] != NULL)
    {
      const JmKind *kind = jm_kinds_lookup_nick (JM_TYPE_ITEM_KIND, parts[1]);

      if (kind != NULL)
        hit.lane = jm_map_canvas_lane_for_kind (self, hit.lane, kind->value);
    }

  /* An emotion point goes to the middle of that stage, at a neutral score. */
  if (hit.stage != NULL && hit.lane != NULL && jm_layout_get_cell_rect (self->layout, hit.stage, hit.lane, &cell))
    x = cell.x + cell.width / 2;
  if (!jm_layout_score_to_y (self->layout, 0.0, &y))
    y = 0;

  ok = jm_map_canvas_drop_palette (self, payload + strlen (JM_PALETTE_PREFIX), &hit, x, y, error);
  if (ok)
    {
      JmRect rect;

      /* The selection brought the cursor along; the view follows it, and
       * the keys go on from the map. */
      if (_jm_map_canvas_cursor_rect (self, &rect))
        _jm_map_canvas_scroll_into_view (self, &rect);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  return ok;
}
