/* jm-face.h: the mood of an emotion score and its face on the curve
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "jm-theme.h"

G_BEGIN_DECLS

typedef enum
{
  JM_MOOD_VERY_UNHAPPY,
  JM_MOOD_UNHAPPY,
  JM_MOOD_NEUTRAL,
  JM_MOOD_HAPPY,
  JM_MOOD_DELIGHTED,
  JM_N_MOODS
} JmMood;

/* A face on the curve: large enough to read its mood at zoom 1. */
#define JM_FACE_RADIUS 10.0

JmMood jm_mood_for_score (double         score);
void   jm_face_draw      (cairo_t       *cr,
                          double         cx,
                          double         cy,
                          double         radius,
                          JmMood         mood,
                          const JmColor *fill,
                          const JmColor *ink,
                          const JmColor *rim);

G_END_DECLS
