/* jm-insert-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-insert-command.h"

#include <glib/gi18n-lib.h>

#include "model/jm-object-store-private.h"

struct _JmInsertCommand
{
  JmCommand      parent_instance;

  JmObjectStore *store;
  JmObject      *object;
  guint          position;
};

G_DEFINE_FINAL_TYPE (JmInsertCommand, jm_insert_command, JM_TYPE_COMMAND)

static gboolean
jm_insert_command_apply (JmCommand   *command,
                         JmDocument  *document,
                         GError     **error)
{
  JmInsertCommand *self = JM_INSERT_COMMAND (command);

  if (self->position > jm_object_store_get_n_objects (self->store))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("There is no position %u to insert at."), self->position);
      return FALSE;
    }

  if (jm_object_store_lookup (self->store, jm_object_get_id (self->object)) != NULL)
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("The map already has something with the id “%s”."),
                   jm_object_get_id (self->object));
      return FALSE;
    }

  _jm_object_store_insert (self->store, self->position, self->object);
  return TRUE;
}

static void
jm_insert_command_revert (JmCommand  *command,
                          JmDocument *document)
{
  JmInsertCommand *self = JM_INSERT_COMMAND (command);
  g_autoptr(JmObject) removed = NULL;
  guint position = self->position;

  /* Reverted in the reverse order of their applying, inserts find their
   * object where they put it: looking there first keeps undoing a large
   * import linear instead of searching the whole store each time. */
  if (position < jm_object_store_get_n_objects (self->store) &&
      jm_object_store_get_object (self->store, position) == (gpointer) self->object)
    removed = _jm_object_store_remove (self->store, position);
  else if (jm_object_store_find (self->store, self->object, &position))
    removed = _jm_object_store_remove (self->store, position);
}

static void
jm_insert_command_finalize (GObject *object)
{
  JmInsertCommand *self = JM_INSERT_COMMAND (object);

  g_clear_object (&self->store);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (jm_insert_command_parent_class)->finalize (object);
}

static void
jm_insert_command_class_init (JmInsertCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmCommandClass *command_class = JM_COMMAND_CLASS (klass);

  object_class->finalize = jm_insert_command_finalize;
  command_class->apply = jm_insert_command_apply;
  command_class->revert = jm_insert_command_revert;
}

static void
jm_insert_command_init (JmInsertCommand *self)
{
}

/**
 * jm_insert_command_new:
 * @store: a store of the document
 * @position: where to insert, from 0 to the number of objects
 * @object: a new object of the store's type
 *
 * Returns: (transfer full): the command
 */
JmCommand *
jm_insert_command_new (JmObjectStore *store,
                       guint          position,
                       JmObject      *object)
{
  JmInsertCommand *self;

  g_return_val_if_fail (JM_IS_OBJECT_STORE (store), NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, jm_object_store_get_item_type (store)), NULL);

  self = g_object_new (JM_TYPE_INSERT_COMMAND, NULL);
  self->store = g_object_ref (store);
  self->object = g_object_ref (object);
  self->position = position;
  jm_command_set_label (JM_COMMAND (self), _("Add"));

  return JM_COMMAND (self);
}
