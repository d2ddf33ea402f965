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
jm_command_class_init (JmCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_command_finalize;
  klass->merge = jm_command_real_merge;
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

  g_free (priv->label);
  priv->label = g_strdup (label);
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

  priv->merge_key = merge_key;
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
