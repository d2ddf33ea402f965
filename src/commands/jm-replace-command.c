/* jm-replace-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-replace-command.h"

#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "model/jm-document-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-object-store-private.h"

/* A merged map replaces the open one in one step, which undo takes back:
 * applying swaps the content (every store, the map's own properties, its
 * comments, conflicts and extensions) of the document with that of the
 * replacement, and reverting swaps it back. The objects themselves move,
 * so views see stores change and properties notify as for any edit. */

struct _JmReplaceCommand
{
  JmCommand   parent_instance;

  JmDocument *replacement;
};

G_DEFINE_FINAL_TYPE (JmReplaceCommand, jm_replace_command, JM_TYPE_COMMAND)

static GPtrArray *
jm_replace_command_take_all (JmObjectStore *store)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    g_ptr_array_add (objects, g_object_ref (jm_object_store_get_object (store, i)));

  return objects;
}

static void
jm_replace_command_swap_stores (JmObjectStore *a,
                                JmObjectStore *b)
{
  g_autoptr(GPtrArray) from_a = jm_replace_command_take_all (a);
  g_autoptr(GPtrArray) from_b = jm_replace_command_take_all (b);

  _jm_object_store_splice (a, 0, from_a->len, (JmObject **) from_b->pdata, from_b->len);
  _jm_object_store_splice (b, 0, from_b->len, (JmObject **) from_a->pdata, from_a->len);
}

static void
jm_replace_command_swap_foreign (JmForeignData *a,
                                 JmForeignData *b)
{
  JmForeignData swapped = *a;

  *a = *b;
  *b = swapped;
}

static void
jm_replace_command_swap (JmReplaceCommand *self,
                         JmDocument       *document)
{
  JmDocument *other = self->replacement;
  g_autofree GParamSpec **pspecs = NULL;
  JmFormatVersion version;
  guint n_pspecs;

  jm_replace_command_swap_stores (document->personas, other->personas);
  jm_replace_command_swap_stores (document->stages, other->stages);
  jm_replace_command_swap_stores (document->lanes, other->lanes);
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *mine = document->layers[state];
      JmLayer *theirs = other->layers[state];

      jm_replace_command_swap_stores (jm_layer_get_items (mine), jm_layer_get_items (theirs));
      jm_replace_command_swap_stores (jm_layer_get_points (mine), jm_layer_get_points (theirs));
      jm_replace_command_swap_stores (jm_layer_get_links (mine), jm_layer_get_links (theirs));
      jm_replace_command_swap_foreign (_jm_layer_get_foreign (mine), _jm_layer_get_foreign (theirs));
    }
  jm_replace_command_swap_stores (jm_comments_get (document), jm_comments_get (other));
  jm_replace_command_swap_stores (jm_conflicts_get (document), jm_conflicts_get (other));
  jm_replace_command_swap_foreign (&document->foreign, &other->foreign);

  version = document->version;
  document->version = other->version;
  other->version = version;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (document), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) mine = G_VALUE_INIT;
      g_auto(GValue) theirs = G_VALUE_INIT;

      if (!_jm_model_is_editable_property (pspecs[i]))
        continue;

      g_value_init (&mine, pspecs[i]->value_type);
      g_value_init (&theirs, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (document), pspecs[i]->name, &mine);
      g_object_get_property (G_OBJECT (other), pspecs[i]->name, &theirs);
      _jm_document_set_property (document, G_OBJECT (document), pspecs[i]->name, &theirs);
      _jm_model_set_property (G_OBJECT (other), pspecs[i]->name, &mine);
    }
}

static gboolean
jm_replace_command_apply (JmCommand   *command,
                          JmDocument  *document,
                          GError     **error)
{
  jm_replace_command_swap (JM_REPLACE_COMMAND (command), document);
  return TRUE;
}

static void
jm_replace_command_revert (JmCommand  *command,
                           JmDocument *document)
{
  jm_replace_command_swap (JM_REPLACE_COMMAND (command), document);
}

static void
jm_replace_command_finalize (GObject *object)
{
  JmReplaceCommand *self = JM_REPLACE_COMMAND (object);

  g_clear_object (&self->replacement);

  G_OBJECT_CLASS (jm_replace_command_parent_class)->finalize (object);
}

static void
jm_replace_command_class_init (JmReplaceCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmCommandClass *command_class = JM_COMMAND_CLASS (klass);

  object_class->finalize = jm_replace_command_finalize;
  command_class->apply = jm_replace_command_apply;
  command_class->revert = jm_replace_command_revert;
}

static void
jm_replace_command_init (JmReplaceCommand *self)
{
}

/**
 * jm_replace_command_new:
 * @replacement: a map that no view shows, whose content takes the place
 *   of the document's (and which holds the document's meanwhile)
 * @label: what undo calls the step
 *
 * Returns: (transfer full): the command
 */
JmCommand *
jm_replace_command_new (JmDocument *replacement,
                        const char *label)
{
  JmReplaceCommand *self;

  g_return_val_if_fail (JM_IS_DOCUMENT (replacement), NULL);

  self = g_object_new (JM_TYPE_REPLACE_COMMAND, NULL);
  self->replacement = g_object_ref (replacement);
  jm_command_set_label (JM_COMMAND (self), label);

  return JM_COMMAND (self);
}
