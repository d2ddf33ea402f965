/* jm-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-command.h"

typedef struct
{
  char  *label;
  guint  merge_key;
} JmCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JmCommand, jm_command, G_TYPE_OBJECT)

G_DEFINE_QUARK (jm-command-error-quark, jm_command_error)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_MERGE_KEY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
jm_command_real_merge (JmCommand *self,
                       JmCommand *next)
{
  return FALSE;
}

static void
jm_command_finalize (GObject *object)
{
  JmCommandPrivate *priv = jm_command_get_instance_private (JM_COMMAND (object));

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (jm_command_parent_class)->finalize (object);
}

static void
jm_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JmCommand *self = JM_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, jm_command_get_label (self));
      break;

    case PROP_MERGE_KEY:
      g_value_set_uint (value, jm_command_get_merge_key (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JmCommand *self = JM_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      jm_command_set_label (self, g_value_get_string (value));
      break;

    case PROP_MERGE_KEY:
      jm_command_set_merge_key (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_command_class_init (JmCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_command_finalize;
  object_class->get_property = jm_command_get_property;
  object_class->set_property = jm_command_set_property;
  klass->merge = jm_command_real_merge;

  /**
   * JmCommand:label:
   *
   * What the command does, translated, for "Undo …" menu items.
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JmCommand:merge-key:
   *
   * Non-zero for the commands of one gesture (a drag, a burst of typing),
   * which the history folds into one step.
   */
  properties [PROP_MERGE_KEY] =
    g_param_spec_uint ("merge-key", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_command_init (JmCommand *self)
{
}

/**
 * jm_command_get_label:
 *
 * Returns: what the command does, for "Undo …" menu items
 */
const char *
jm_command_get_label (JmCommand *self)
{
  JmCommandPrivate *priv = jm_command_get_instance_private (self);

  g_return_val_if_fail (JM_IS_COMMAND (self), NULL);

  return priv->label;
}

void
jm_command_set_label (JmCommand  *self,
                      const char *label)
{
  JmCommandPrivate *priv = jm_command_get_instance_private (self);

  g_return_if_fail (JM_IS_COMMAND (self));

  if (g_strcmp0 (priv->label, label) == 0)
    return;

  g_free (priv->label);
  priv->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

/**
 * jm_command_get_merge_key:
 *
 * Returns: the key that groups the commands of one gesture (a drag, a
 *   burst of typing) into one undo step, or 0 for none
 */
guint
jm_command_get_merge_key (JmCommand *self)
{
  JmCommandPrivate *priv = jm_command_get_instance_private (self);

  g_return_val_if_fail (JM_IS_COMMAND (self), 0);

  return priv->merge_key;
}

void
jm_command_set_merge_key (JmCommand *self,
                          guint      merge_key)
{
  JmCommandPrivate *priv = jm_command_get_instance_private (self);

  g_return_if_fail (JM_IS_COMMAND (self));

  if (priv->merge_key == merge_key)
    return;

  priv->merge_key = merge_key;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MERGE_KEY]);
}

gboolean
jm_command_apply (JmCommand   *self,
                  JmDocument  *document,
                  GError     **error)
{
  g_return_val_if_fail (JM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return JM_COMMAND_GET_CLASS (self)->apply (self, document, error);
}

void
jm_command_revert (JmCommand  *self,
                   JmDocument *document)
{
  g_return_if_fail (JM_IS_COMMAND (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  JM_COMMAND_GET_CLASS (self)->revert (self, document);
}

/**
 * jm_command_merge:
 * @self: the command on top of the history
 * @next: the command just applied
 *
 * Commands merge only when both carry the same non-zero merge key.
 *
 * Returns: %TRUE if @next was folded into @self
 */
gboolean
jm_command_merge (JmCommand *self,
                  JmCommand *next)
{
  g_return_val_if_fail (JM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (JM_IS_COMMAND (next), FALSE);

  if (jm_command_get_merge_key (self) == 0 ||
      jm_command_get_merge_key (self) != jm_command_get_merge_key (next) ||
      G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next))
    return FALSE;

  return JM_COMMAND_GET_CLASS (self)->merge (self, next);
}
