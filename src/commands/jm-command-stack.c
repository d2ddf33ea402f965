/* jm-command-stack.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-command-stack.h"

#include "jm-group-command.h"

/* Commands [0, position) are done; [position, len) can be redone. The
 * document is "modified" when the position is not the clean position,
 * which a save sets. The stack holds the document, not the other way
 * round, so the model knows nothing about commands. */
struct _JmCommandStack
{
  GObject     parent_instance;

  JmDocument *document;
  GPtrArray  *commands;
  guint       position;
  int         clean_position;   /* -1 once the saved state cannot be reached */
  GPtrArray  *open_groups;      /* JmGroupCommand, innermost last */
  gboolean    merge_barrier;    /* the top may not absorb the next command */

  /* Last notified values, so notifications fire only on change. */
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    modified;
};

G_DEFINE_FINAL_TYPE (JmCommandStack, jm_command_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
jm_command_stack_update (JmCommandStack *self)
{
  gboolean can_undo = jm_command_stack_get_can_undo (self);
  gboolean can_redo = jm_command_stack_get_can_redo (self);
  gboolean modified = jm_command_stack_get_modified (self);

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
    }

  g_signal_emit (self, signals [CHANGED], 0);
}

/* Records an applied command at the top: drops what could be redone (and
 * the clean point with it, if it lay there), or folds the command into
 * the top one when both belong to one gesture. */
static void
jm_command_stack_record (JmCommandStack *self,
                         JmCommand      *command)
{
  JmCommand *top;

  if (self->clean_position > (int) self->position)
    self->clean_position = -1;
  g_ptr_array_set_size (self->commands, self->position);

  top = self->position > 0 ? g_ptr_array_index (self->commands, self->position - 1) : NULL;
  if (top != NULL && !self->merge_barrier && self->clean_position != (int) self->position &&
      jm_command_merge (top, command))
    return;

  g_ptr_array_add (self->commands, g_object_ref (command));
  self->position++;
  self->merge_barrier = FALSE;
}

static void
jm_command_stack_dispose (GObject *object)
{
  JmCommandStack *self = JM_COMMAND_STACK (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_pointer (&self->open_groups, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jm_command_stack_parent_class)->dispose (object);
}

static void
jm_command_stack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JmCommandStack *self = JM_COMMAND_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jm_command_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, jm_command_stack_get_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, jm_command_stack_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_command_stack_class_init (JmCommandStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_command_stack_dispose;
  object_class->get_property = jm_command_stack_get_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JmCommandStack::changed:
   *
   * Emitted after every push, undo, redo and change of the clean point.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jm_command_stack_init (JmCommandStack *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
  self->open_groups = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * jm_command_stack_new:
 * @document: the document the commands change
 *
 * Returns: (transfer full): an empty history, clean
 */
JmCommandStack *
jm_command_stack_new (JmDocument *document)
{
  JmCommandStack *self;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  self = g_object_new (JM_TYPE_COMMAND_STACK, NULL);
  self->document = g_object_ref (document);

  return self;
}

/**
 * jm_command_stack_get_document:
 *
 * Returns: (transfer none): the document
 */
JmDocument *
jm_command_stack_get_document (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), NULL);

  return self->document;
}

/**
 * jm_command_stack_push:
 * @command: a command not yet applied
 *
 * Applies @command and records it. A command that fails is never
 * recorded and leaves the document as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
jm_command_stack_push (JmCommandStack  *self,
                       JmCommand       *command,
                       GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (JM_IS_COMMAND (command), FALSE);

  if (!jm_command_apply (command, self->document, error))
    return FALSE;

  if (self->open_groups->len > 0)
    {
      jm_group_command_add_applied (g_ptr_array_index (self->open_groups, self->open_groups->len - 1),
                                    command);
      return TRUE;
    }

  jm_command_stack_record (self, command);
  jm_command_stack_update (self);
  return TRUE;
}

gboolean
jm_command_stack_undo (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  self->position--;
  jm_command_revert (g_ptr_array_index (self->commands, self->position), self->document);
  self->merge_barrier = TRUE;
  jm_command_stack_update (self);

  return TRUE;
}

gboolean
jm_command_stack_redo (JmCommandStack *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->position >= self->commands->len)
    return FALSE;

  /* Redo replays what undo reverted on the same state, so it succeeds;
   * should it not, the redo tail is meaningless and goes. */
  if (!jm_command_apply (g_ptr_array_index (self->commands, self->position), self->document, &error))
    {
      g_debug ("Dropping the redo history: %s", error->message);
      if (self->clean_position > (int) self->position)
        self->clean_position = -1;
      g_ptr_array_set_size (self->commands, self->position);
      jm_command_stack_update (self);
      return FALSE;
    }

  self->position++;
  self->merge_barrier = TRUE;
  jm_command_stack_update (self);

  return TRUE;
}

/**
 * jm_command_stack_begin_group:
 * @label: what the whole group does, for "Undo …"
 *
 * Until the matching jm_command_stack_end_group(), pushed commands are
 * applied at once and recorded as one step. Groups nest.
 */
void
jm_command_stack_begin_group (JmCommandStack *self,
                              const char     *label)
{
  g_return_if_fail (JM_IS_COMMAND_STACK (self));

  g_ptr_array_add (self->open_groups, jm_group_command_new (label));
}

void
jm_command_stack_end_group (JmCommandStack *self)
{
  g_autoptr(JmCommand) group = NULL;

  g_return_if_fail (JM_IS_COMMAND_STACK (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_object_ref (g_ptr_array_index (self->open_groups, self->open_groups->len - 1));
  g_ptr_array_remove_index (self->open_groups, self->open_groups->len - 1);

  /* An empty group changed nothing and is no step. */
  if (jm_group_command_get_n_children (JM_GROUP_COMMAND (group)) == 0)
    return;

  if (self->open_groups->len > 0)
    {
      jm_group_command_add_applied (g_ptr_array_index (self->open_groups, self->open_groups->len - 1), group);
      return;
    }

  jm_command_stack_record (self, group);
  jm_command_stack_update (self);
}

/**
 * jm_command_stack_cancel_group:
 *
 * Reverts what was pushed since the matching begin and records nothing:
 * how an edit made of several commands stays all or nothing when one of
 * them fails.
 */
void
jm_command_stack_cancel_group (JmCommandStack *self)
{
  g_autoptr(JmCommand) group = NULL;

  g_return_if_fail (JM_IS_COMMAND_STACK (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_object_ref (g_ptr_array_index (self->open_groups, self->open_groups->len - 1));
  g_ptr_array_remove_index (self->open_groups, self->open_groups->len - 1);
  jm_command_revert (group, self->document);
}

gboolean
jm_command_stack_get_can_undo (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), FALSE);

  return self->position > 0;
}

gboolean
jm_command_stack_get_can_redo (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), FALSE);

  return self->position < self->commands->len;
}

gboolean
jm_command_stack_get_modified (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), FALSE);

  return self->clean_position != (int) self->position;
}

/**
 * jm_command_stack_get_position:
 *
 * Returns: how many steps are done; a save remembers it, see
 *   jm_command_stack_mark_clean_at()
 */
guint
jm_command_stack_get_position (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), 0);

  return self->position;
}

void
jm_command_stack_mark_clean (JmCommandStack *self)
{
  g_return_if_fail (JM_IS_COMMAND_STACK (self));

  jm_command_stack_mark_clean_at (self, self->position);
}

/**
 * jm_command_stack_mark_clean_at:
 * @position: the position the saved snapshot was taken at
 *
 * A save serializes the document, then writes it in the background; when
 * it is done, the state it wrote is the clean one, even if the designer
 * went on editing meanwhile.
 */
void
jm_command_stack_mark_clean_at (JmCommandStack *self,
                                guint           position)
{
  g_return_if_fail (JM_IS_COMMAND_STACK (self));

  self->clean_position = position <= self->commands->len ? (int) position : -1;
  self->merge_barrier = TRUE;
  jm_command_stack_update (self);
}

const char *
jm_command_stack_get_undo_label (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), NULL);

  if (self->position == 0)
    return NULL;

  return jm_command_get_label (g_ptr_array_index (self->commands, self->position - 1));
}

const char *
jm_command_stack_get_redo_label (JmCommandStack *self)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (self), NULL);

  if (self->position >= self->commands->len)
    return NULL;

  return jm_command_get_label (g_ptr_array_index (self->commands, self->position));
}
