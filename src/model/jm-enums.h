/* jm-enums.h: the enumerations of the journey map model
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks that glib-mkenums derives from these names ("pain-point",
 * "touchpoints", …) are the values written to .jmap files: renaming a
 * member changes the file format. */

typedef enum
{
  JM_LAYER_STATE_CURRENT,
  JM_LAYER_STATE_FUTURE,
} JmLayerState;

#define JM_N_LAYER_STATES 2

typedef enum
{
  JM_LANE_KIND_ACTIONS,
  JM_LANE_KIND_THOUGHTS,
  JM_LANE_KIND_TOUCHPOINTS,
  JM_LANE_KIND_EMOTIONS,
  JM_LANE_KIND_PAIN_POINTS,
  JM_LANE_KIND_OPPORTUNITIES,
  JM_LANE_KIND_BACKSTAGE,
  JM_LANE_KIND_TEXT,
  JM_LANE_KIND_IMAGES,
} JmLaneKind;

typedef enum
{
  JM_ITEM_KIND_CARD,
  JM_ITEM_KIND_TOUCHPOINT,
  JM_ITEM_KIND_PAIN_POINT,
  JM_ITEM_KIND_OPPORTUNITY,
  JM_ITEM_KIND_IMAGE,
  JM_ITEM_KIND_NOTE,
} JmItemKind;

typedef enum
{
  JM_CHANNEL_NONE,
  JM_CHANNEL_WEB,
  JM_CHANNEL_EMAIL,
  JM_CHANNEL_STORE,
  JM_CHANNEL_PHONE,
  JM_CHANNEL_APP,
  JM_CHANNEL_SOCIAL,
  JM_CHANNEL_CHAT,
  JM_CHANNEL_AD,
  JM_CHANNEL_EVENT,
  JM_CHANNEL_MAIL,
  JM_CHANNEL_OTHER,
} JmChannel;

typedef enum
{
  JM_MOMENT_KIND_NONE,
  JM_MOMENT_KIND_ZERO,
  JM_MOMENT_KIND_FIRST,
  JM_MOMENT_KIND_SECOND,
  JM_MOMENT_KIND_CUSTOM,
} JmMomentKind;

/* Bounds a document must respect; the reader refuses what lies outside. */
#define JM_STAGE_MIN_WIDTH      40.0
#define JM_STAGE_MAX_WIDTH    4000.0
#define JM_STAGE_DEFAULT_WIDTH 280.0
#define JM_LANE_MIN_HEIGHT      20.0
#define JM_LANE_MAX_HEIGHT    4000.0
#define JM_SCORE_MIN            -5.0
#define JM_SCORE_MAX             5.0
/* Opportunity scores (format 1.1): a customer and a business value, and
 * the effort; below the range (-1, 0) is "not scored". */
#define JM_VALUE_MIN             0.0
#define JM_VALUE_MAX           100.0
#define JM_VALUE_UNSET          -1.0
#define JM_EFFORT_MIN            1.0
#define JM_EFFORT_MAX            5.0
#define JM_EFFORT_UNSET          0.0
#define JM_RANK_MAX        1000000
#define JM_MAX_LENGTH_DAYS_MAX 36500
/* Text limits of the file format, kept by the editor too so that
 * everything saved can be opened again. */
#define JM_MAX_NAME_CHARS   1000
#define JM_MAX_TEXT_CHARS 100000
/* Review comments (format 1.1): in the whole map, and on one object. */
#define JM_MAX_COMMENTS            100000
#define JM_MAX_COMMENTS_PER_OBJECT   1000

const char *jm_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    jm_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);
double      jm_lane_kind_default_height (JmLaneKind kind);

G_END_DECLS
