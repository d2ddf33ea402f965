/* jm-move-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-move-command.h"

#include <glib/gi18n-lib.h>

#include "model/jm-object-store-private.h"

struct _JmMoveCommand
{
  JmCommand      parent_instance;

  JmObjectStore *store;
  JmObject      *object;
  guint          from;
  guint          to;
};

G_DEFINE_FINAL_TYPE (JmMoveCommand, jm_move_command, JM_TYPE_COMMAND)

static gboolean
jm_move_command_apply (JmCommand   *command,
                       JmDocument  *document,
                       GError     **error)
{
  JmMoveCommand *self = JM_MOVE_COMMAND (command);

  if (!jm_object_store_find (self->store, self->object, &self->from))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the map."), jm_object_get_id (self->object));
      return FALSE;
    }

  if (self->to >= jm_object_store_get_n_objects (self->store))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("There is no position %u to move to."), self->to);
      return FALSE;
    }

  _jm_object_store_move (self->store, self->from, self->to);
  return TRUE;
}

static void
jm_move_command_revert (JmCommand  *command,
                        JmDocument *document)
{
  JmMoveCommand *self = JM_MOVE_COMMAND (command);

  _jm_object_store_move (self->store, self->to, self->from);
}

/* A drag across several positions is one step, from the first place to
 * the last. */
static gboolean
jm_move_command_merge (JmCommand *command,
                       JmCommand *next_command)
{
  JmMoveCommand *self = JM_MOVE_COMMAND (command);
  JmMoveCommand *next = JM_MOVE_COMMAND (next_command);

  if (self->store != next->store || self->object != next->object)
    return FALSE;

  self->to = next->to;
  return TRUE;
}

static void
jm_move_command_finalize (GObject *object)
{
  JmMoveCommand *self = JM_MOVE_COMMAND (object);

  g_clear_object (&self->store);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (jm_move_command_parent_class)->finalize (object);
}

static void
jm_move_command_class_init (JmMoveCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmCommandClass *command_class = JM_COMMAND_CLASS (klass);

  object_class->finalize = jm_move_command_finalize;
  command_class->apply = jm_move_command_apply;
  command_class->revert = jm_move_command_revert;
  command_class->merge = jm_move_command_merge;
}

static void
jm_move_command_init (JmMoveCommand *self)
{
}

/**
 * jm_move_command_new:
 * @position: the position @object will have after the move
 *
 * Returns: (transfer full): the command
 */
JmCommand *
jm_move_command_new (JmObjectStore *store,
                     JmObject      *object,
                     guint          position)
{
  JmMoveCommand *self;

  g_return_val_if_fail (JM_IS_OBJECT_STORE (store), NULL);
  g_return_val_if_fail (JM_IS_OBJECT (object), NULL);

  self = g_object_new (JM_TYPE_MOVE_COMMAND, NULL);
  self->store = g_object_ref (store);
  self->object = g_object_ref (object);
  self->to = position;
  jm_command_set_label (JM_COMMAND (self), _("Move"));

  return JM_COMMAND (self);
}
