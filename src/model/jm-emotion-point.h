/* jm-emotion-point.h: a point of the emotional curve
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-enums.h"
#include "jm-enum-types.h"
#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_EMOTION_POINT (jm_emotion_point_get_type ())

G_DECLARE_FINAL_TYPE (JmEmotionPoint, jm_emotion_point, JM, EMOTION_POINT, JmObject)

JmEmotionPoint *jm_emotion_point_new            (const char *id);
const char     *jm_emotion_point_get_persona_id (JmEmotionPoint *self);
const char     *jm_emotion_point_get_stage_id   (JmEmotionPoint *self);
double          jm_emotion_point_get_position   (JmEmotionPoint *self);
double          jm_emotion_point_get_score      (JmEmotionPoint *self);
const char     *jm_emotion_point_get_label      (JmEmotionPoint *self);

G_END_DECLS
