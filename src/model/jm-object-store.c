/* jm-object-store.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-object-store.h"
#include "jm-object-store-private.h"

/* Like GListStore, plus an id index: references in a journey map are ids,
 * and resolving them must stay O(1) in a map of 100,000 items. Ids are
 * unique within one store. */
struct _JmObjectStore
{
  GObject     parent_instance;

  GType       item_type;
  GPtrArray  *objects;
  GHashTable *by_id; /* id (owned by the object) → JmObject */
};

static void jm_object_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JmObjectStore, jm_object_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jm_object_store_list_model_init))

static GType
jm_object_store_list_model_get_item_type (GListModel *model)
{
  return JM_OBJECT_STORE (model)->item_type;
}

static guint
jm_object_store_list_model_get_n_items (GListModel *model)
{
  return JM_OBJECT_STORE (model)->objects->len;
}

static gpointer
jm_object_store_list_model_get_item (GListModel *model,
                                     guint       position)
{
  JmObjectStore *self = JM_OBJECT_STORE (model);

  if (position >= self->objects->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->objects, position));
}

static void
jm_object_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jm_object_store_list_model_get_item_type;
  iface->get_n_items = jm_object_store_list_model_get_n_items;
  iface->get_item = jm_object_store_list_model_get_item;
}

static void
jm_object_store_finalize (GObject *object)
{
  JmObjectStore *self = JM_OBJECT_STORE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_object_store_parent_class)->finalize (object);
}

static void
jm_object_store_class_init (JmObjectStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_object_store_finalize;
}

static void
jm_object_store_init (JmObjectStore *self)
{
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

JmObjectStore *
_jm_object_store_new (GType item_type)
{
  JmObjectStore *self;

  g_return_val_if_fail (g_type_is_a (item_type, JM_TYPE_OBJECT), NULL);

  self = g_object_new (JM_TYPE_OBJECT_STORE, NULL);
  self->item_type = item_type;

  return self;
}

GType
jm_object_store_get_item_type (JmObjectStore *self)
{
  g_return_val_if_fail (JM_IS_OBJECT_STORE (self), G_TYPE_INVALID);

  return self->item_type;
}

guint
jm_object_store_get_n_objects (JmObjectStore *self)
{
  g_return_val_if_fail (JM_IS_OBJECT_STORE (self), 0);

  return self->objects->len;
}

/**
 * jm_object_store_get_object:
 *
 * Returns: (transfer none) (nullable): the object at @position
 */
gpointer
jm_object_store_get_object (JmObjectStore *self,
                            guint          position)
{
  g_return_val_if_fail (JM_IS_OBJECT_STORE (self), NULL);

  if (position >= self->objects->len)
    return NULL;

  return g_ptr_array_index (self->objects, position);
}

/**
 * jm_object_store_lookup:
 *
 * Returns: (transfer none) (nullable): the object with @id
 */
gpointer
jm_object_store_lookup (JmObjectStore *self,
                        const char    *id)
{
  g_return_val_if_fail (JM_IS_OBJECT_STORE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
jm_object_store_find (JmObjectStore *self,
                      JmObject      *object,
                      guint         *position)
{
  g_return_val_if_fail (JM_IS_OBJECT_STORE (self), FALSE);

  if (g_hash_table_lookup (self->by_id, jm_object_get_id (object)) != object)
    return FALSE;

  return g_ptr_array_find (self->objects, object, position);
}

void
_jm_object_store_splice (JmObjectStore *self,
                         guint          position,
                         guint          n_removals,
                         JmObject     **additions,
                         guint          n_additions)
{
  g_return_if_fail (JM_IS_OBJECT_STORE (self));
  g_return_if_fail (position + n_removals <= self->objects->len);

  for (guint i = 0; i < n_removals; i++)
    {
      JmObject *object = g_ptr_array_index (self->objects, position + i);
      g_hash_table_remove (self->by_id, jm_object_get_id (object));
    }
  g_ptr_array_remove_range (self->objects, position, n_removals);

  for (guint i = 0; i < n_additions; i++)
    {
      JmObject *object = additions[i];

      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, self->item_type));
      g_return_if_fail (!g_hash_table_contains (self->by_id, jm_object_get_id (object)));

      g_ptr_array_insert (self->objects, position + i, g_object_ref (object));
      g_hash_table_insert (self->by_id, (gpointer) jm_object_get_id (object), object);
    }

  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

/* Appends @objects, taking the reference each of them holds. For the
 * reader, which fills stores of 100,000 objects that belong to nobody
 * else yet: the checks and reference counting of a splice are a tenth of
 * reading an object. */
void
_jm_object_store_append_take (JmObjectStore  *self,
                              JmObject      **objects,
                              guint           n_objects)
{
  guint position;

  g_return_if_fail (JM_IS_OBJECT_STORE (self));

  position = self->objects->len;
  for (guint i = 0; i < n_objects; i++)
    {
      JmObject *object = objects[i];

      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, self->item_type));

      if (!g_hash_table_insert (self->by_id, (gpointer) jm_object_get_id (object), object))
        g_critical ("%s: the id “%s” is in the store twice", G_STRFUNC, jm_object_get_id (object));
      g_ptr_array_add (self->objects, object);
    }

  if (n_objects > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_objects);
}

void
_jm_object_store_insert (JmObjectStore *self,
                         guint          position,
                         JmObject      *object)
{
  _jm_object_store_splice (self, position, 0, &object, 1);
}

void
_jm_object_store_append (JmObjectStore *self,
                         JmObject      *object)
{
  g_return_if_fail (JM_IS_OBJECT_STORE (self));

  _jm_object_store_splice (self, self->objects->len, 0, &object, 1);
}

/* Returns: (transfer full): the removed object */
JmObject *
_jm_object_store_remove (JmObjectStore *self,
                         guint          position)
{
  JmObject *object;

  g_return_val_if_fail (JM_IS_OBJECT_STORE (self), NULL);
  g_return_val_if_fail (position < self->objects->len, NULL);

  object = g_object_ref (g_ptr_array_index (self->objects, position));
  _jm_object_store_splice (self, position, 1, NULL, 0);

  return object;
}

void
_jm_object_store_move (JmObjectStore *self,
                       guint          from,
                       guint          to)
{
  g_autoptr(JmObject) object = NULL;

  g_return_if_fail (JM_IS_OBJECT_STORE (self));
  g_return_if_fail (from < self->objects->len);
  g_return_if_fail (to < self->objects->len);

  if (from == to)
    return;

  object = _jm_object_store_remove (self, from);
  _jm_object_store_insert (self, to, object);
}
