/* jm-enums.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-enums.h"

#include <glib-object.h>

/* The class of an enumeration, referenced once and kept, as classes of
 * static types live as long as the process anyway. Referencing it for
 * every value read or written cost two atomic operations each time: 2 %
 * of the time loading a large map took. */
static GEnumClass *
jm_enum_get_class (GType enum_type)
{
  GEnumClass *klass = g_type_class_peek_static (enum_type);

  if (klass == NULL)
    klass = g_type_class_ref (enum_type);

  return klass;
}

const char *
jm_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumValue *enum_value = g_enum_get_value (jm_enum_get_class (enum_type), value);

  g_return_val_if_fail (enum_value != NULL, NULL);

  return enum_value->value_nick;
}

gboolean
jm_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  enum_value = g_enum_get_value_by_nick (jm_enum_get_class (enum_type), nick);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

double
jm_lane_kind_default_height (JmLaneKind kind)
{
  switch (kind)
    {
    case JM_LANE_KIND_EMOTIONS:
      return 220.0;
    case JM_LANE_KIND_IMAGES:
      return 180.0;
    case JM_LANE_KIND_TEXT:
    case JM_LANE_KIND_THOUGHTS:
      return 120.0;
    case JM_LANE_KIND_ACTIONS:
    case JM_LANE_KIND_TOUCHPOINTS:
    case JM_LANE_KIND_PAIN_POINTS:
    case JM_LANE_KIND_OPPORTUNITIES:
    case JM_LANE_KIND_BACKSTAGE:
    default:
      return 140.0;
    }
}
