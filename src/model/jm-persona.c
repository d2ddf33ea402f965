/* jm-persona.c: a persona whose journey the map follows
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-persona.h"
#include "jm-persona-private.h"

G_DEFINE_FINAL_TYPE (JmPersona, jm_persona, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_DESCRIPTION,
  PROP_GOALS,
  PROP_MOTIVATIONS,
  PROP_FRUSTRATIONS,
  PROP_PHOTO,
  PROP_PHOTO_TYPE,
  PROP_PRIMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_persona_finalize (GObject *object)
{
  JmPersona *self = JM_PERSONA (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->goals, g_free);
  g_clear_pointer (&self->motivations, g_free);
  g_clear_pointer (&self->frustrations, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->photo_type, g_free);

  G_OBJECT_CLASS (jm_persona_parent_class)->finalize (object);
}

static void
jm_persona_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JmPersona *self = JM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_GOALS:
      g_value_set_string (value, self->goals);
      break;

    case PROP_MOTIVATIONS:
      g_value_set_string (value, self->motivations);
      break;

    case PROP_FRUSTRATIONS:
      g_value_set_string (value, self->frustrations);
      break;

    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;

    case PROP_PHOTO_TYPE:
      g_value_set_string (value, self->photo_type);
      break;

    case PROP_PRIMARY:
      g_value_set_boolean (value, self->primary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_persona_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JmPersona *self = JM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      g_free (self->role);
      self->role = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      break;

    case PROP_GOALS:
      g_free (self->goals);
      self->goals = g_value_dup_string (value);
      break;

    case PROP_MOTIVATIONS:
      g_free (self->motivations);
      self->motivations = g_value_dup_string (value);
      break;

    case PROP_FRUSTRATIONS:
      g_free (self->frustrations);
      self->frustrations = g_value_dup_string (value);
      break;

    case PROP_PHOTO:
      g_clear_pointer (&self->photo, g_bytes_unref);
      self->photo = g_value_dup_boxed (value);
      break;

    case PROP_PHOTO_TYPE:
      g_free (self->photo_type);
      self->photo_type = g_value_dup_string (value);
      break;

    case PROP_PRIMARY:
      self->primary = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_persona_class_init (JmPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_persona_finalize;
  object_class->get_property = jm_persona_get_property;
  object_class->set_property = jm_persona_set_property;

  jm_object_class->id_prefix = "persona";

  /**
   * JmPersona:name:
   *
   * The persona's name.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:role:
   *
   * What the persona does, such as "Working parent".
   */
  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:description:
   *
   * Who the persona is, in a few sentences.
   */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:goals:
   *
   * What the persona wants to achieve.
   */
  properties [PROP_GOALS] =
    g_param_spec_string ("goals", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:motivations:
   *
   * Why the persona acts.
   */
  properties [PROP_MOTIVATIONS] =
    g_param_spec_string ("motivations", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:frustrations:
   *
   * What gets in the persona's way.
   */
  properties [PROP_FRUSTRATIONS] =
    g_param_spec_string ("frustrations", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:photo:
   *
   * The encoded image data of the persona's photo, or %NULL.
   */
  properties [PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:photo-type:
   *
   * The media type of #JmPersona:photo, such as "image/png".
   */
  properties [PROP_PHOTO_TYPE] =
    g_param_spec_string ("photo-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmPersona:primary:
   *
   * Whether this is the map's primary persona.
   */
  properties [PROP_PRIMARY] =
    g_param_spec_boolean ("primary", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_persona_init (JmPersona *self)
{
}

/**
 * jm_persona_new:
 * @id: (nullable): the stable id, or %NULL to generate one
 *
 * Returns: (transfer full): a new #JmPersona
 */
JmPersona *
jm_persona_new (const char *id)
{
  return g_object_new (JM_TYPE_PERSONA, "id", id, NULL);
}

const char *
jm_persona_get_name (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->name;
}

const char *
jm_persona_get_role (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->role;
}

const char *
jm_persona_get_description (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->description;
}

const char *
jm_persona_get_goals (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->goals;
}

const char *
jm_persona_get_motivations (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->motivations;
}

const char *
jm_persona_get_frustrations (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->frustrations;
}

GBytes *
jm_persona_get_photo (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->photo;
}

const char *
jm_persona_get_photo_type (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), NULL);

  return self->photo_type;
}

gboolean
jm_persona_get_primary (JmPersona *self)
{
  g_return_val_if_fail (JM_IS_PERSONA (self), FALSE);

  return self->primary;
}
