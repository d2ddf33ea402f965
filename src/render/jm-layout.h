/* jm-layout.h: where everything of a journey map goes
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"
#include "jm-theme.h"

G_BEGIN_DECLS

#define JM_TYPE_LAYOUT (jm_layout_get_type ())

G_DECLARE_FINAL_TYPE (JmLayout, jm_layout, JM, LAYOUT, GObject)

typedef struct
{
  double x, y, width, height;
} JmRect;

/**
 * JmLayerMode:
 * @JM_LAYER_MODE_CURRENT: the current state
 * @JM_LAYER_MODE_FUTURE: the future state
 * @JM_LAYER_MODE_BOTH: the future state over the current one: what the
 *   future removes is ghosted, what it adds or changes is marked
 */
typedef enum
{
  JM_LAYER_MODE_CURRENT,
  JM_LAYER_MODE_FUTURE,
  JM_LAYER_MODE_BOTH,
} JmLayerMode;

typedef enum
{
  JM_DIFF_NONE,
  JM_DIFF_ADDED,
  JM_DIFF_REMOVED,
  JM_DIFF_CHANGED,
} JmDiff;

typedef enum
{
  JM_HIT_NONE,
  JM_HIT_ITEM,
  JM_HIT_POINT,
  JM_HIT_LINK,
  JM_HIT_STAGE_HEADER,
  JM_HIT_STAGE_EDGE,
  JM_HIT_LANE_HEADER,
  JM_HIT_LANE_EDGE,
  JM_HIT_CELL,
  JM_HIT_PERSONA,
} JmHitKind;

/**
 * JmHit:
 * @kind: what is at the point
 * @object: (nullable): the item, emotion point, link, stage or lane hit
 * @stage: (nullable): the stage (column) under the point
 * @lane: (nullable): the lane (row) under the point
 * @index_in_cell: where an item dropped at the point would go in its cell
 */
typedef struct
{
  JmHitKind  kind;
  JmObject  *object;
  JmStage   *stage;
  JmLane    *lane;
  guint      index_in_cell;
} JmHit;

JmLayout    *jm_layout_new            (JmDocument   *document,
                                       JmLayerMode   mode);
JmLayout    *jm_layout_new_in_worker  (JmDocument   *document,
                                       JmLayerMode   mode);
JmDocument  *jm_layout_get_document   (JmLayout     *self);
JmLayerMode  jm_layout_get_mode       (JmLayout     *self);
JmLayerState jm_layout_get_shown_state (JmLayout    *self);
void         jm_layout_set_mode       (JmLayout     *self,
                                       JmLayerMode   mode);
void         jm_layout_update         (JmLayout     *self);
void         jm_layout_get_size       (JmLayout     *self,
                                       double       *width,
                                       double       *height);
gboolean     jm_layout_hit_test       (JmLayout     *self,
                                       double        x,
                                       double        y,
                                       JmHit        *hit);
GPtrArray   *jm_layout_query_items    (JmLayout     *self,
                                       const JmRect *rect);
gboolean     jm_layout_get_item_rect  (JmLayout     *self,
                                       JmItem       *item,
                                       JmRect       *rect);
gboolean     jm_layout_get_link_bounds (JmLayout    *self,
                                        JmLink      *link,
                                        JmRect      *rect);
gboolean     jm_layout_get_persona_rect (JmLayout   *self,
                                         JmPersona  *persona,
                                         JmRect     *rect);
gboolean     jm_layout_get_text_rect  (JmLayout     *self,
                                       gpointer      object,
                                       JmRect       *rect,
                                       JmFont       *font);
gboolean     jm_layout_get_persona_role_rect (JmLayout  *self,
                                              JmPersona *persona,
                                              JmRect    *rect);
GPtrArray   *jm_layout_dup_cell_items (JmLayout     *self,
                                       JmStage      *stage,
                                       JmLane       *lane);
gboolean     jm_layout_get_cell_rect  (JmLayout     *self,
                                       JmStage      *stage,
                                       JmLane       *lane,
                                       JmRect       *rect);
gboolean     jm_layout_get_point_position (JmLayout       *self,
                                           JmEmotionPoint *point,
                                           double         *x,
                                           double         *y);
gboolean     jm_layout_score_to_y     (JmLayout     *self,
                                       double        score,
                                       double       *y);
gboolean     jm_layout_score_at       (JmLayout     *self,
                                       double        y,
                                       double       *score);

G_END_DECLS
