/* jm-selection.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-selection.h"

#include "model/jm-document.h"

/* What is selected on a map, as a list model, so that the canvas, the
 * window and the inspector read one selection and hear of each change.
 * The primary object is the one the inspector shows: the selected object
 * when it is the only one, none when there are several or none (the
 * inspector then shows the map).
 *
 * Selection is view state, never saved nor undone, but it never holds an
 * object the map no longer has: after each step of the history (an edit,
 * an undo, a redo) objects removed from the document drop out. Not on each
 * change of a store, because a store moves an object by taking it out and
 * putting it back, and a moved object stays selected.
 *
 * No GTK here: the selection is plain GIO, usable and tested without a
 * display. */

struct _JmSelection
{
  GObject         parent_instance;

  GPtrArray      *objects;        /* JmObject */
  JmCommandStack *history;
};

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_PRIMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gpointer
copy_object (gconstpointer object,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) object);
}

static GType
jm_selection_get_item_type (GListModel *model)
{
  return JM_TYPE_OBJECT;
}

static guint
jm_selection_get_n_items (GListModel *model)
{
  return JM_SELECTION (model)->objects->len;
}

static gpointer
jm_selection_get_item (GListModel *model,
                       guint       position)
{
  JmSelection *self = JM_SELECTION (model);

  if (position >= self->objects->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->objects, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jm_selection_get_item_type;
  iface->get_n_items = jm_selection_get_n_items;
  iface->get_item = jm_selection_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (JmSelection, jm_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Tells of a change at @position, and of the primary object if it changed. */
static void
jm_selection_changed (JmSelection *self,
                      JmObject    *old_primary,
                      guint        position,
                      guint        removed,
                      guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (jm_selection_get_primary (self) != old_primary)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRIMARY]);
}

static gboolean
jm_selection_layers_have (JmDocument *document,
                          JmObject   *object)
{
  const char *id = jm_object_get_id (object);

  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    {
      JmLayer *layer = jm_document_get_layer (document, i);
      JmObjectStore *store;

      if (JM_IS_ITEM (object))
        store = jm_layer_get_items (layer);
      else if (JM_IS_EMOTION_POINT (object))
        store = jm_layer_get_points (layer);
      else
        store = jm_layer_get_links (layer);

      if (jm_object_store_lookup (store, id) == (gpointer) object)
        return TRUE;
    }

  return FALSE;
}

/* Whether @document still has @object, by its id, which a store looks
 * up in its index (a map may hold 100,000 items). */
static gboolean
jm_selection_document_has (JmDocument *document,
                           JmObject   *object)
{
  const char *id = jm_object_get_id (object);

  if (JM_IS_STAGE (object))
    return jm_document_lookup_stage (document, id) == JM_STAGE (object);
  if (JM_IS_LANE (object))
    return jm_document_lookup_lane (document, id) == JM_LANE (object);
  if (JM_IS_PERSONA (object))
    return jm_document_lookup_persona (document, id) == JM_PERSONA (object);
  if (JM_IS_ITEM (object) || JM_IS_EMOTION_POINT (object) || JM_IS_LINK (object))
    return jm_selection_layers_have (document, object);

  return TRUE;
}

static void
on_history_changed_cb (JmSelection    *self,
                       JmCommandStack *history)
{
  JmDocument *document = jm_command_stack_get_document (history);

  /* From the end, so that each position told is the one the list had. */
  for (guint i = self->objects->len; i > 0; i--)
    {
      JmObject *old_primary = jm_selection_get_primary (self);

      if (jm_selection_document_has (document, g_ptr_array_index (self->objects, i - 1)))
        continue;

      g_ptr_array_remove_index (self->objects, i - 1);
      jm_selection_changed (self, old_primary, i - 1, 1, 0);
    }
}

static void
jm_selection_dispose (GObject *object)
{
  JmSelection *self = JM_SELECTION (object);

  jm_selection_set_history (self, NULL);

  G_OBJECT_CLASS (jm_selection_parent_class)->dispose (object);
}

static void
jm_selection_finalize (GObject *object)
{
  JmSelection *self = JM_SELECTION (object);

  g_clear_pointer (&self->objects, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_selection_parent_class)->finalize (object);
}

static void
jm_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JmSelection *self = JM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_PRIMARY:
      g_value_set_object (value, jm_selection_get_primary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JmSelection *self = JM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      jm_selection_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_selection_class_init (JmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_selection_dispose;
  object_class->finalize = jm_selection_finalize;
  object_class->get_property = jm_selection_get_property;
  object_class->set_property = jm_selection_set_property;

  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JM_TYPE_COMMAND_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRIMARY] =
    g_param_spec_object ("primary", NULL, NULL,
                         JM_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_selection_init (JmSelection *self)
{
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
}

JmSelection *
jm_selection_new (void)
{
  return g_object_new (JM_TYPE_SELECTION, NULL);
}

/**
 * jm_selection_get_history:
 *
 * Returns: (transfer none) (nullable): the history whose steps the
 *   selection follows
 */
JmCommandStack *
jm_selection_get_history (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);

  return self->history;
}

/**
 * jm_selection_set_history:
 * @history: (nullable): the history of the document the objects are in
 *
 * After each step of @history, objects its document no longer has leave
 * the selection.
 */
void
jm_selection_set_history (JmSelection    *self,
                          JmCommandStack *history)
{
  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (!history || JM_IS_COMMAND_STACK (history));

  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed_cb, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (on_history_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
}

/**
 * jm_selection_peek:
 *
 * Returns: (transfer none) (type JmObject) (nullable): the object at
 *   @position, without the reference g_list_model_get_item() gives
 */
gpointer
jm_selection_peek (JmSelection *self,
                   guint        position)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);

  if (position >= self->objects->len)
    return NULL;

  return g_ptr_array_index (self->objects, position);
}

/**
 * jm_selection_dup_objects:
 *
 * Returns: (transfer container) (element-type JmObject): the selected
 *   objects, in the order they were selected: a copy, to go through while
 *   edits change the selection
 */
GPtrArray *
jm_selection_dup_objects (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);

  return g_ptr_array_copy (self->objects, copy_object, NULL);
}

/**
 * jm_selection_get_primary:
 *
 * Returns: (transfer none) (nullable): the one object selected, or %NULL
 *   when none or several are
 */
JmObject *
jm_selection_get_primary (JmSelection *self)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), NULL);

  return self->objects->len == 1 ? g_ptr_array_index (self->objects, 0) : NULL;
}

gboolean
jm_selection_contains (JmSelection *self,
                       JmObject    *object)
{
  g_return_val_if_fail (JM_IS_SELECTION (self), FALSE);

  return g_ptr_array_find (self->objects, object, NULL);
}

/**
 * jm_selection_select:
 *
 * Selects @object alone, as a click does.
 */
void
jm_selection_select (JmSelection *self,
                     JmObject    *object)
{
  JmObject *old_primary;
  guint removed;

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (JM_IS_OBJECT (object));

  old_primary = jm_selection_get_primary (self);
  if (old_primary == object)
    return;

  g_object_ref (object);
  removed = self->objects->len;
  g_ptr_array_set_size (self->objects, 0);
  g_ptr_array_add (self->objects, object);
  jm_selection_changed (self, old_primary, 0, removed, 1);
}

/**
 * jm_selection_toggle:
 *
 * Adds @object to the selection, or takes it out if it was in, as
 * Shift+click does.
 */
void
jm_selection_toggle (JmSelection *self,
                     JmObject    *object)
{
  JmObject *old_primary;
  guint position;

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (JM_IS_OBJECT (object));

  old_primary = jm_selection_get_primary (self);
  if (g_ptr_array_find (self->objects, object, &position))
    {
      g_ptr_array_remove_index (self->objects, position);
      jm_selection_changed (self, old_primary, position, 1, 0);
      return;
    }

  g_ptr_array_add (self->objects, g_object_ref (object));
  jm_selection_changed (self, old_primary, self->objects->len - 1, 0, 1);
}

/**
 * jm_selection_set_objects:
 * @objects: (element-type JmObject): what to select, each once
 *
 * Selects @objects instead of what was selected, as one change.
 */
void
jm_selection_set_objects (JmSelection *self,
                          GPtrArray   *objects)
{
  g_autoptr(GPtrArray) old = NULL;
  JmObject *old_primary;
  gboolean same;

  g_return_if_fail (JM_IS_SELECTION (self));
  g_return_if_fail (objects != NULL);

  same = objects->len == self->objects->len;
  for (guint i = 0; same && i < objects->len; i++)
    same = g_ptr_array_index (objects, i) == g_ptr_array_index (self->objects, i);
  if (same)
    return;

  old_primary = jm_selection_get_primary (self);
  /* The old objects live until the change is told, as the old primary may
   * be among them. */
  old = g_steal_pointer (&self->objects);
  self->objects = g_ptr_array_copy (objects, copy_object, NULL);
  g_ptr_array_set_free_func (self->objects, g_object_unref);
  jm_selection_changed (self, old_primary, 0, old->len, self->objects->len);
}

void
jm_selection_clear (JmSelection *self)
{
  JmObject *old_primary;
  guint removed;

  g_return_if_fail (JM_IS_SELECTION (self));

  if (self->objects->len == 0)
    return;

  old_primary = jm_selection_get_primary (self);
  removed = self->objects->len;
  g_ptr_array_set_size (self->objects, 0);
  jm_selection_changed (self, old_primary, 0, removed, 0);
}
