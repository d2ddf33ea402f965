/* jm-edit.h: the edits a designer makes, each one undoable step
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command-stack.h"

G_BEGIN_DECLS

gboolean        jm_edit_set                       (JmCommandStack  *stack,
                                                   gpointer         object,
                                                   const char      *property,
                                                   const GValue    *value,
                                                   guint            merge_key,
                                                   GError         **error);
gboolean        jm_edit_set_string                (JmCommandStack  *stack,
                                                   gpointer         object,
                                                   const char      *property,
                                                   const char      *text,
                                                   guint            merge_key,
                                                   GError         **error);
gboolean        jm_edit_set_double                (JmCommandStack  *stack,
                                                   gpointer         object,
                                                   const char      *property,
                                                   double           number,
                                                   guint            merge_key,
                                                   GError         **error);
gboolean        jm_edit_set_int                   (JmCommandStack  *stack,
                                                   gpointer         object,
                                                   const char      *property,
                                                   int              number,
                                                   guint            merge_key,
                                                   GError         **error);
gboolean        jm_edit_set_enum                  (JmCommandStack  *stack,
                                                   gpointer         object,
                                                   const char      *property,
                                                   int              value,
                                                   GError         **error);
gboolean        jm_edit_set_boolean               (JmCommandStack  *stack,
                                                   gpointer         object,
                                                   const char      *property,
                                                   gboolean         value,
                                                   GError         **error);

JmStage        *jm_edit_add_stage                 (JmCommandStack  *stack,
                                                   guint            position,
                                                   const char      *name,
                                                   GError         **error);
JmLane         *jm_edit_add_lane                  (JmCommandStack  *stack,
                                                   guint            position,
                                                   JmLaneKind       kind,
                                                   const char      *name,
                                                   GError         **error);
JmPersona      *jm_edit_add_persona               (JmCommandStack  *stack,
                                                   const char      *name,
                                                   GError         **error);
gboolean        jm_edit_move_stage                (JmCommandStack  *stack,
                                                   JmStage         *stage,
                                                   guint            position,
                                                   GError         **error);
gboolean        jm_edit_move_lane                 (JmCommandStack  *stack,
                                                   JmLane          *lane,
                                                   guint            position,
                                                   GError         **error);
gboolean        jm_edit_delete_stage              (JmCommandStack  *stack,
                                                   JmStage         *stage,
                                                   GError         **error);
gboolean        jm_edit_delete_lane               (JmCommandStack  *stack,
                                                   JmLane          *lane,
                                                   GError         **error);
gboolean        jm_edit_delete_persona            (JmCommandStack  *stack,
                                                   JmPersona       *persona,
                                                   GError         **error);

JmItem         *jm_edit_add_item                  (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   JmItemKind       kind,
                                                   const char      *stage_id,
                                                   const char      *lane_id,
                                                   int              index_in_cell,
                                                   const char      *title,
                                                   GError         **error);
gboolean        jm_edit_move_item                 (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   JmItem          *item,
                                                   const char      *stage_id,
                                                   const char      *lane_id,
                                                   int              index_in_cell,
                                                   GError         **error);
gboolean        jm_edit_move_item_full            (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   JmItem          *item,
                                                   const char      *stage_id,
                                                   const char      *lane_id,
                                                   int              index_in_cell,
                                                   guint            merge_key,
                                                   GError         **error);
gboolean        jm_edit_set_item_kind             (JmCommandStack  *stack,
                                                   JmItem          *item,
                                                   JmItemKind       kind,
                                                   GError         **error);
GPtrArray      *jm_edit_paste_items               (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   GPtrArray       *items,
                                                   const char      *stage_id,
                                                   const char      *lane_id,
                                                   GError         **error);
gboolean        jm_edit_delete_items              (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   GPtrArray       *items,
                                                   GError         **error);
gboolean        jm_edit_set_moment                (JmCommandStack  *stack,
                                                   JmItem          *item,
                                                   JmMomentKind     kind,
                                                   const char      *label,
                                                   const char      *rationale,
                                                   GError         **error);

JmEmotionPoint *jm_edit_add_emotion_point         (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   const char      *persona_id,
                                                   const char      *stage_id,
                                                   double           position,
                                                   double           score,
                                                   const char      *label,
                                                   GError         **error);
gboolean        jm_edit_move_emotion_point        (JmCommandStack  *stack,
                                                   JmEmotionPoint  *point,
                                                   const char      *stage_id,
                                                   double           position,
                                                   double           score,
                                                   GError         **error);
gboolean        jm_edit_move_emotion_point_full   (JmCommandStack  *stack,
                                                   JmEmotionPoint  *point,
                                                   const char      *stage_id,
                                                   double           position,
                                                   double           score,
                                                   guint            merge_key,
                                                   GError         **error);
gboolean        jm_edit_nudge_score               (JmCommandStack  *stack,
                                                   JmEmotionPoint  *point,
                                                   int              steps,
                                                   GError         **error);
JmLink         *jm_edit_add_link                  (JmCommandStack  *stack,
                                                   JmLayerState     state,
                                                   const char      *from_id,
                                                   const char      *to_id,
                                                   const char      *label,
                                                   GError         **error);
gboolean        jm_edit_delete_object             (JmCommandStack  *stack,
                                                   JmObjectStore   *store,
                                                   JmObject        *object,
                                                   GError         **error);
gboolean        jm_edit_delete_objects            (JmCommandStack  *stack,
                                                   GPtrArray       *objects,
                                                   GError         **error);

gboolean        jm_edit_start_future_from_current (JmCommandStack  *stack,
                                                   GError         **error);
gboolean        jm_edit_copy_to_future            (JmCommandStack  *stack,
                                                   GPtrArray       *items,
                                                   GError         **error);

G_END_DECLS
