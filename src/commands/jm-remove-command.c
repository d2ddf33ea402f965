/* jm-remove-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-remove-command.h"

#include <glib/gi18n-lib.h>

#include "model/jm-object-store-private.h"

struct _JmRemoveCommand
{
  JmCommand      parent_instance;

  JmObjectStore *store;
  JmObject      *object;
  guint          position;
};

G_DEFINE_FINAL_TYPE (JmRemoveCommand, jm_remove_command, JM_TYPE_COMMAND)

static gboolean
jm_remove_command_apply (JmCommand   *command,
                         JmDocument  *document,
                         GError     **error)
{
  JmRemoveCommand *self = JM_REMOVE_COMMAND (command);
  g_autoptr(JmObject) removed = NULL;

  if (!jm_object_store_find (self->store, self->object, &self->position))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the map."), jm_object_get_id (self->object));
      return FALSE;
    }

  removed = _jm_object_store_remove (self->store, self->position);
  return TRUE;
}

static void
jm_remove_command_revert (JmCommand  *command,
                          JmDocument *document)
{
  JmRemoveCommand *self = JM_REMOVE_COMMAND (command);

  _jm_object_store_insert (self->store, self->position, self->object);
}

static void
jm_remove_command_finalize (GObject *object)
{
  JmRemoveCommand *self = JM_REMOVE_COMMAND (object);

  g_clear_object (&self->store);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (jm_remove_command_parent_class)->finalize (object);
}

static void
jm_remove_command_class_init (JmRemoveCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmCommandClass *command_class = JM_COMMAND_CLASS (klass);

  object_class->finalize = jm_remove_command_finalize;
  command_class->apply = jm_remove_command_apply;
  command_class->revert = jm_remove_command_revert;
}

static void
jm_remove_command_init (JmRemoveCommand *self)
{
}

/**
 * jm_remove_command_new:
 * @store: a store of the document
 * @object: an object in @store
 *
 * Returns: (transfer full): the command
 */
JmCommand *
jm_remove_command_new (JmObjectStore *store,
                       JmObject      *object)
{
  JmRemoveCommand *self;

  g_return_val_if_fail (JM_IS_OBJECT_STORE (store), NULL);
  g_return_val_if_fail (JM_IS_OBJECT (object), NULL);

  self = g_object_new (JM_TYPE_REMOVE_COMMAND, NULL);
  self->store = g_object_ref (store);
  self->object = g_object_ref (object);
  jm_command_set_label (JM_COMMAND (self), _("Delete"));

  return JM_COMMAND (self);
}
