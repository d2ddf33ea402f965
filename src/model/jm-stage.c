/* jm-stage.c: a stage of the journey, drawn as a column
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-stage.h"
#include "jm-stage-private.h"

G_DEFINE_FINAL_TYPE (JmStage, jm_stage, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_DURATION,
  PROP_COLOR,
  PROP_WIDTH,
  PROP_PRESENTER_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_stage_finalize (GObject *object)
{
  JmStage *self = JM_STAGE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->duration, g_free);
  g_clear_pointer (&self->presenter_note, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (jm_stage_parent_class)->finalize (object);
}

static void
jm_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  JmStage *self = JM_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DURATION:
      g_value_set_string (value, self->duration);
      break;

    case PROP_PRESENTER_NOTE:
      g_value_set_string (value, self->presenter_note);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_stage_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  JmStage *self = JM_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      break;

    case PROP_DURATION:
      g_free (self->duration);
      self->duration = g_value_dup_string (value);
      break;

    case PROP_PRESENTER_NOTE:
      g_free (self->presenter_note);
      self->presenter_note = g_value_dup_string (value);
      break;

    case PROP_COLOR:
      g_free (self->color);
      self->color = g_value_dup_string (value);
      break;

    case PROP_WIDTH:
      self->width = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_stage_class_init (JmStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_stage_finalize;
  object_class->get_property = jm_stage_get_property;
  object_class->set_property = jm_stage_set_property;

  jm_object_class->id_prefix = "stage";

  /**
   * JmStage:name:
   *
   * The name shown in the column header, such as "Awareness".
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmStage:description:
   *
   * What happens in this stage, in a sentence or two.
   */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmStage:duration:
   *
   * How long the stage lasts, as free text such as "1–2 weeks".
   */
  properties [PROP_DURATION] =
    g_param_spec_string ("duration", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmStage:color:
   *
   * The colour of the stage as "#rrggbb", or %NULL for the default.
   */
  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmStage:width:
   *
   * The width of the column in layout units.
   */
  properties [PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL,
                         JM_STAGE_MIN_WIDTH, JM_STAGE_MAX_WIDTH, JM_STAGE_DEFAULT_WIDTH,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmStage:presenter-note:
   *
   * What to say when presenting the stage (format 1.1).
   */
  properties [PROP_PRESENTER_NOTE] =
    g_param_spec_string ("presenter-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_stage_init (JmStage *self)
{
  self->width = JM_STAGE_DEFAULT_WIDTH;
}

/**
 * jm_stage_new:
 * @id: (nullable): the stable id, or %NULL to generate one
 *
 * Returns: (transfer full): a new #JmStage
 */
JmStage *
jm_stage_new (const char *id)
{
  return g_object_new (JM_TYPE_STAGE, "id", id, NULL);
}

const char *
jm_stage_get_name (JmStage *self)
{
  g_return_val_if_fail (JM_IS_STAGE (self), NULL);

  return self->name;
}

const char *
jm_stage_get_description (JmStage *self)
{
  g_return_val_if_fail (JM_IS_STAGE (self), NULL);

  return self->description;
}

const char *
jm_stage_get_duration (JmStage *self)
{
  g_return_val_if_fail (JM_IS_STAGE (self), NULL);

  return self->duration;
}

const char *
jm_stage_get_color (JmStage *self)
{
  g_return_val_if_fail (JM_IS_STAGE (self), NULL);

  return self->color;
}

double
jm_stage_get_width (JmStage *self)
{
  g_return_val_if_fail (JM_IS_STAGE (self), 0.0);

  return self->width;
}

/**
 * jm_stage_get_presenter_note:
 *
 * Returns: (nullable): what to say when presenting the stage
 */
const char *
jm_stage_get_presenter_note (JmStage *self)
{
  g_return_val_if_fail (JM_IS_STAGE (self), NULL);

  return self->presenter_note;
}
