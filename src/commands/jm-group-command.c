/* jm-group-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-group-command.h"

/* Pasting, deleting a stage with its items, starting the future state:
 * one gesture, many changes, one undo step. A group applies its children
 * in order and reverts them in reverse; if one fails, those before it are
 * reverted, so the group is all or nothing like any command. */
struct _JmGroupCommand
{
  JmCommand  parent_instance;

  GPtrArray *children;
};

G_DEFINE_FINAL_TYPE (JmGroupCommand, jm_group_command, JM_TYPE_COMMAND)

static gboolean
jm_group_command_apply (JmCommand   *command,
                        JmDocument  *document,
                        GError     **error)
{
  JmGroupCommand *self = JM_GROUP_COMMAND (command);

  for (guint i = 0; i < self->children->len; i++)
    {
      if (!jm_command_apply (g_ptr_array_index (self->children, i), document, error))
        {
          while (i-- > 0)
            jm_command_revert (g_ptr_array_index (self->children, i), document);
          return FALSE;
        }
    }

  return TRUE;
}

static void
jm_group_command_revert (JmCommand  *command,
                         JmDocument *document)
{
  JmGroupCommand *self = JM_GROUP_COMMAND (command);

  for (guint i = self->children->len; i > 0; i--)
    jm_command_revert (g_ptr_array_index (self->children, i - 1), document);
}

/* A drag made of composite steps (moving an item changes its stage, its
 * lane and its place) is one step: the children of @next are appended, so
 * revert undoes them all in the exact reverse order they were applied. */
static gboolean
jm_group_command_merge (JmCommand *command,
                        JmCommand *next_command)
{
  JmGroupCommand *self = JM_GROUP_COMMAND (command);
  JmGroupCommand *next = JM_GROUP_COMMAND (next_command);

  for (guint i = 0; i < next->children->len; i++)
    g_ptr_array_add (self->children, g_object_ref (g_ptr_array_index (next->children, i)));

  return TRUE;
}

static void
jm_group_command_finalize (GObject *object)
{
  JmGroupCommand *self = JM_GROUP_COMMAND (object);

  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_group_command_parent_class)->finalize (object);
}

static void
jm_group_command_class_init (JmGroupCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmCommandClass *command_class = JM_COMMAND_CLASS (klass);

  object_class->finalize = jm_group_command_finalize;
  command_class->apply = jm_group_command_apply;
  command_class->revert = jm_group_command_revert;
  command_class->merge = jm_group_command_merge;
}

static void
jm_group_command_init (JmGroupCommand *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * jm_group_command_new:
 * @label: what the group does as a whole
 *
 * Returns: (transfer full): an empty group
 */
JmCommand *
jm_group_command_new (const char *label)
{
  JmCommand *self = g_object_new (JM_TYPE_GROUP_COMMAND, NULL);

  jm_command_set_label (self, label);
  return self;
}

/**
 * jm_group_command_add:
 * @child: a command not yet applied
 *
 * Adds @child, to be applied when the group is.
 */
void
jm_group_command_add (JmGroupCommand *self,
                      JmCommand      *child)
{
  g_return_if_fail (JM_IS_GROUP_COMMAND (self));
  g_return_if_fail (JM_IS_COMMAND (child));

  g_ptr_array_add (self->children, g_object_ref (child));
}

/**
 * jm_group_command_add_applied:
 * @child: a command that was just applied
 *
 * Records a command that the stack applied while the group was open; the
 * group will revert and redo it with the others.
 */
void
jm_group_command_add_applied (JmGroupCommand *self,
                              JmCommand      *child)
{
  g_return_if_fail (JM_IS_GROUP_COMMAND (self));
  g_return_if_fail (JM_IS_COMMAND (child));

  /* A drag inside a group still folds into one child. */
  if (self->children->len > 0 &&
      jm_command_merge (g_ptr_array_index (self->children, self->children->len - 1), child))
    return;

  g_ptr_array_add (self->children, g_object_ref (child));
}

guint
jm_group_command_get_n_children (JmGroupCommand *self)
{
  g_return_val_if_fail (JM_IS_GROUP_COMMAND (self), 0);

  return self->children->len;
}
