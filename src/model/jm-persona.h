/* jm-persona.h: a persona whose journey the map follows
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-enums.h"
#include "jm-enum-types.h"
#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_PERSONA (jm_persona_get_type ())

G_DECLARE_FINAL_TYPE (JmPersona, jm_persona, JM, PERSONA, JmObject)

JmPersona  *jm_persona_new              (const char *id);
const char *jm_persona_get_name         (JmPersona *self);
const char *jm_persona_get_role         (JmPersona *self);
const char *jm_persona_get_description  (JmPersona *self);
const char *jm_persona_get_goals        (JmPersona *self);
const char *jm_persona_get_motivations  (JmPersona *self);
const char *jm_persona_get_frustrations (JmPersona *self);
GBytes     *jm_persona_get_photo        (JmPersona *self);
const char *jm_persona_get_photo_type   (JmPersona *self);
gboolean    jm_persona_get_primary      (JmPersona *self);

G_END_DECLS
