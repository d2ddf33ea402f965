/* jm-outline-row.h: one node of the outline's tree
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

typedef enum
{
  JM_OUTLINE_ROW_STAGE,    /* children: a cell per lane */
  JM_OUTLINE_ROW_CELL,     /* a lane within a stage; children: its items */
  JM_OUTLINE_ROW_ITEM,
  JM_OUTLINE_ROW_GROUP,    /* Lanes, Personas, Emotional curves, Links, Moments of Truth */
  JM_OUTLINE_ROW_LANE,
  JM_OUTLINE_ROW_PERSONA,
  JM_OUTLINE_ROW_CURVE,    /* a persona's curve; children: its points */
  JM_OUTLINE_ROW_POINT,
  JM_OUTLINE_ROW_LINK,
} JmOutlineRowKind;

typedef enum
{
  JM_OUTLINE_GROUP_LANES,
  JM_OUTLINE_GROUP_PERSONAS,
  JM_OUTLINE_GROUP_CURVES,
  JM_OUTLINE_GROUP_LINKS,
  JM_OUTLINE_GROUP_MOMENTS,
} JmOutlineGroup;

#define JM_OUTLINE_N_GROUPS 5

#define JM_TYPE_OUTLINE_ROW (jm_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (JmOutlineRow, jm_outline_row, JM, OUTLINE_ROW, GObject)

JmOutlineRow     *jm_outline_row_new          (JmOutlineRowKind  kind,
                                               JmObject         *object);
JmOutlineRow     *jm_outline_row_new_cell     (JmStage          *stage,
                                               JmLane           *lane);
JmOutlineRow     *jm_outline_row_new_group    (JmOutlineGroup    group);
JmOutlineRowKind  jm_outline_row_get_kind     (JmOutlineRow     *self);
JmOutlineGroup    jm_outline_row_get_group    (JmOutlineRow     *self);
JmObject         *jm_outline_row_get_object   (JmOutlineRow     *self);
JmStage          *jm_outline_row_get_stage    (JmOutlineRow     *self);
JmObject         *jm_outline_row_get_selectable (JmOutlineRow   *self);
const char       *jm_outline_row_get_text     (JmOutlineRow     *self);
const char       *jm_outline_row_get_name     (JmOutlineRow     *self);
gboolean          jm_outline_row_get_heading  (JmOutlineRow     *self);
GListStore       *jm_outline_row_get_children (JmOutlineRow     *self);
GListStore       *jm_outline_row_ensure_children (JmOutlineRow  *self);
void              jm_outline_row_update       (JmOutlineRow     *self,
                                               JmDocument       *document,
                                               JmLayerState      state);

G_END_DECLS
