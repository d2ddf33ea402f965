/* jm-link.c: an arrow from one item to another
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-link.h"
#include "jm-link-private.h"

G_DEFINE_FINAL_TYPE (JmLink, jm_link, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM_ID,
  PROP_TO_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_link_finalize (GObject *object)
{
  JmLink *self = JM_LINK (object);

  g_clear_pointer (&self->from_id, g_free);
  g_clear_pointer (&self->to_id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (jm_link_parent_class)->finalize (object);
}

static void
jm_link_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JmLink *self = JM_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM_ID:
      g_value_set_string (value, self->from_id);
      break;

    case PROP_TO_ID:
      g_value_set_string (value, self->to_id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_link_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JmLink *self = JM_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM_ID:
      g_free (self->from_id);
      self->from_id = g_value_dup_string (value);
      break;

    case PROP_TO_ID:
      g_free (self->to_id);
      self->to_id = g_value_dup_string (value);
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
jm_link_class_init (JmLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_link_finalize;
  object_class->get_property = jm_link_get_property;
  object_class->set_property = jm_link_set_property;

  jm_object_class->id_prefix = "link";

  /**
   * JmLink:from-id:
   *
   * The id of the item the link starts at.
   */
  properties [PROP_FROM_ID] =
    g_param_spec_string ("from-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmLink:to-id:
   *
   * The id of the item the link points to.
   */
  properties [PROP_TO_ID] =
    g_param_spec_string ("to-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmLink:label:
   *
   * The text on the arrow.
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_link_init (JmLink *self)
{
}

/**
 * jm_link_new:
 * @id: (nullable): the stable id, or %NULL to generate one
 *
 * Returns: (transfer full): a new #JmLink
 */
JmLink *
jm_link_new (const char *id)
{
  return g_object_new (JM_TYPE_LINK, "id", id, NULL);
}

const char *
jm_link_get_from_id (JmLink *self)
{
  g_return_val_if_fail (JM_IS_LINK (self), NULL);

  return self->from_id;
}

const char *
jm_link_get_to_id (JmLink *self)
{
  g_return_val_if_fail (JM_IS_LINK (self), NULL);

  return self->to_id;
}

const char *
jm_link_get_label (JmLink *self)
{
  g_return_val_if_fail (JM_IS_LINK (self), NULL);

  return self->label;
}
