/* jm-lane.h: a lane of the journey, drawn as a row
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-enums.h"
#include "jm-enum-types.h"
#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_LANE (jm_lane_get_type ())

G_DECLARE_FINAL_TYPE (JmLane, jm_lane, JM, LANE, JmObject)

JmLane     *jm_lane_new        (const char *id);
JmLaneKind  jm_lane_get_kind   (JmLane *self);
const char *jm_lane_get_name   (JmLane *self);
double      jm_lane_get_height (JmLane *self);

G_END_DECLS
