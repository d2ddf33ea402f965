/* jm-lane.c: a lane of the journey, drawn as a row
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-lane.h"
#include "jm-lane-private.h"

G_DEFINE_FINAL_TYPE (JmLane, jm_lane, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_lane_finalize (GObject *object)
{
  JmLane *self = JM_LANE (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (jm_lane_parent_class)->finalize (object);
}

static void
jm_lane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JmLane *self = JM_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_lane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JmLane *self = JM_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_HEIGHT:
      self->height = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_lane_class_init (JmLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_lane_finalize;
  object_class->get_property = jm_lane_get_property;
  object_class->set_property = jm_lane_set_property;

  jm_object_class->id_prefix = "lane";

  /**
   * JmLane:kind:
   *
   * What the lane shows: actions, thoughts, touchpoints, the emotional curve, …
   */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JM_TYPE_LANE_KIND, JM_LANE_KIND_ACTIONS,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmLane:name:
   *
   * The name shown in the row header, such as "Customer actions".
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmLane:height:
   *
   * The height of the row in layout units; 0 means the default for the kind.
   */
  properties [PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL,
                         0.0, JM_LANE_MAX_HEIGHT, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_lane_init (JmLane *self)
{
  self->kind = JM_LANE_KIND_ACTIONS;
}

/**
 * jm_lane_new:
 * @id: (nullable): the stable id, or %NULL to generate one
 *
 * Returns: (transfer full): a new #JmLane
 */
JmLane *
jm_lane_new (const char *id)
{
  return g_object_new (JM_TYPE_LANE, "id", id, NULL);
}

JmLaneKind
jm_lane_get_kind (JmLane *self)
{
  g_return_val_if_fail (JM_IS_LANE (self), 0);

  return self->kind;
}

const char *
jm_lane_get_name (JmLane *self)
{
  g_return_val_if_fail (JM_IS_LANE (self), NULL);

  return self->name;
}

double
jm_lane_get_height (JmLane *self)
{
  g_return_val_if_fail (JM_IS_LANE (self), 0.0);

  return self->height;
}
