/* jm-emotion-point.c: a point of the emotional curve
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-emotion-point.h"
#include "jm-emotion-point-private.h"

G_DEFINE_FINAL_TYPE (JmEmotionPoint, jm_emotion_point, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSONA_ID,
  PROP_STAGE_ID,
  PROP_POSITION,
  PROP_SCORE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_emotion_point_finalize (GObject *object)
{
  JmEmotionPoint *self = JM_EMOTION_POINT (object);

  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (jm_emotion_point_parent_class)->finalize (object);
}

static void
jm_emotion_point_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JmEmotionPoint *self = JM_EMOTION_POINT (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_POSITION:
      g_value_set_double (value, self->position);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_emotion_point_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JmEmotionPoint *self = JM_EMOTION_POINT (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      g_free (self->persona_id);
      self->persona_id = g_value_dup_string (value);
      break;

    case PROP_STAGE_ID:
      g_free (self->stage_id);
      self->stage_id = g_value_dup_string (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_double (value);
      break;

    case PROP_SCORE:
      self->score = g_value_get_double (value);
      break;

    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_emotion_point_class_init (JmEmotionPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_emotion_point_finalize;
  object_class->get_property = jm_emotion_point_get_property;
  object_class->set_property = jm_emotion_point_set_property;

  jm_object_class->id_prefix = "point";

  /**
   * JmEmotionPoint:persona-id:
   *
   * The id of the persona whose curve this point is on, or %NULL when the map has no persona.
   */
  properties [PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmEmotionPoint:stage-id:
   *
   * The id of the stage the point is in.
   */
  properties [PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmEmotionPoint:position:
   *
   * Where in the stage the point lies, from 0 (start) to 1 (end).
   */
  properties [PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL,
                         0.0, 1.0, 0.5,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmEmotionPoint:score:
   *
   * How the persona feels, from -5 (awful) to +5 (delighted).
   */
  properties [PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL,
                         JM_SCORE_MIN, JM_SCORE_MAX, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmEmotionPoint:label:
   *
   * A word or two for the feeling.
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_emotion_point_init (JmEmotionPoint *self)
{
  self->position = 0.5;
}

/**
 * jm_emotion_point_new:
 * @id: (nullable): the stable id, or %NULL to generate one
 *
 * Returns: (transfer full): a new #JmEmotionPoint
 */
JmEmotionPoint *
jm_emotion_point_new (const char *id)
{
  return g_object_new (JM_TYPE_EMOTION_POINT, "id", id, NULL);
}

const char *
jm_emotion_point_get_persona_id (JmEmotionPoint *self)
{
  g_return_val_if_fail (JM_IS_EMOTION_POINT (self), NULL);

  return self->persona_id;
}

const char *
jm_emotion_point_get_stage_id (JmEmotionPoint *self)
{
  g_return_val_if_fail (JM_IS_EMOTION_POINT (self), NULL);

  return self->stage_id;
}

double
jm_emotion_point_get_position (JmEmotionPoint *self)
{
  g_return_val_if_fail (JM_IS_EMOTION_POINT (self), 0.0);

  return self->position;
}

double
jm_emotion_point_get_score (JmEmotionPoint *self)
{
  g_return_val_if_fail (JM_IS_EMOTION_POINT (self), 0.0);

  return self->score;
}

const char *
jm_emotion_point_get_label (JmEmotionPoint *self)
{
  g_return_val_if_fail (JM_IS_EMOTION_POINT (self), NULL);

  return self->label;
}
