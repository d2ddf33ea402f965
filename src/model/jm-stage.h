/* jm-stage.h: a stage of the journey, drawn as a column
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-enums.h"
#include "jm-enum-types.h"
#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_STAGE (jm_stage_get_type ())

G_DECLARE_FINAL_TYPE (JmStage, jm_stage, JM, STAGE, JmObject)

JmStage    *jm_stage_new             (const char *id);
const char *jm_stage_get_name        (JmStage *self);
const char *jm_stage_get_description (JmStage *self);
const char *jm_stage_get_duration    (JmStage *self);
const char *jm_stage_get_presenter_note (JmStage *self);
const char *jm_stage_get_color       (JmStage *self);
double      jm_stage_get_width       (JmStage *self);

G_END_DECLS
