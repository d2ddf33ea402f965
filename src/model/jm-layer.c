/* jm-layer.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-layer.h"
#include "jm-layer-private.h"
#include "jm-object-store-private.h"

/* Items, emotion points and links live in a layer. Items of one cell are
 * ordered by their position in the items store, so moving an item inside
 * its cell is a move in that store. */
struct _JmLayer
{
  GObject        parent_instance;

  JmLayerState   state;
  JmObjectStore *items;
  JmObjectStore *points;
  JmObjectStore *links;
  JmForeignData  foreign;
};

G_DEFINE_FINAL_TYPE (JmLayer, jm_layer, G_TYPE_OBJECT)

static void
jm_layer_finalize (GObject *object)
{
  JmLayer *self = JM_LAYER (object);

  g_clear_object (&self->items);
  g_clear_object (&self->points);
  g_clear_object (&self->links);
  _jm_foreign_data_clear (&self->foreign);

  G_OBJECT_CLASS (jm_layer_parent_class)->finalize (object);
}

static void
jm_layer_class_init (JmLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_layer_finalize;
}

static void
jm_layer_init (JmLayer *self)
{
  self->items = _jm_object_store_new (JM_TYPE_ITEM);
  self->points = _jm_object_store_new (JM_TYPE_EMOTION_POINT);
  self->links = _jm_object_store_new (JM_TYPE_LINK);
}

JmLayer *
_jm_layer_new (JmLayerState state)
{
  JmLayer *self = g_object_new (JM_TYPE_LAYER, NULL);

  self->state = state;

  return self;
}

JmForeignData *
_jm_layer_get_foreign (JmLayer *self)
{
  g_return_val_if_fail (JM_IS_LAYER (self), NULL);

  return &self->foreign;
}

JmLayerState
jm_layer_get_state (JmLayer *self)
{
  g_return_val_if_fail (JM_IS_LAYER (self), 0);

  return self->state;
}

/**
 * jm_layer_get_items:
 *
 * Returns: (transfer none): the items of the layer, a store of #JmItem
 */
JmObjectStore *
jm_layer_get_items (JmLayer *self)
{
  g_return_val_if_fail (JM_IS_LAYER (self), NULL);

  return self->items;
}

/**
 * jm_layer_get_points:
 *
 * Returns: (transfer none): the points of the emotional curves of all
 *   personas, a store of #JmEmotionPoint
 */
JmObjectStore *
jm_layer_get_points (JmLayer *self)
{
  g_return_val_if_fail (JM_IS_LAYER (self), NULL);

  return self->points;
}

/**
 * jm_layer_get_links:
 *
 * Returns: (transfer none): the links between items, a store of #JmLink
 */
JmObjectStore *
jm_layer_get_links (JmLayer *self)
{
  g_return_val_if_fail (JM_IS_LAYER (self), NULL);

  return self->links;
}

/**
 * jm_layer_lookup_item:
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
JmItem *
jm_layer_lookup_item (JmLayer    *self,
                      const char *id)
{
  g_return_val_if_fail (JM_IS_LAYER (self), NULL);

  return jm_object_store_lookup (self->items, id);
}

gboolean
jm_layer_is_empty (JmLayer *self)
{
  g_return_val_if_fail (JM_IS_LAYER (self), TRUE);

  return jm_object_store_get_n_objects (self->items) == 0 &&
         jm_object_store_get_n_objects (self->points) == 0 &&
         jm_object_store_get_n_objects (self->links) == 0;
}

/**
 * jm_layer_dup_cell_items:
 * @stage_id: the id of a stage
 * @lane_id: the id of a lane
 *
 * Returns: (transfer container) (element-type JmItem): the items of one
 *   cell, in their order
 */
GPtrArray *
jm_layer_dup_cell_items (JmLayer    *self,
                         const char *stage_id,
                         const char *lane_id)
{
  GPtrArray *cell_items;
  guint n_items;

  g_return_val_if_fail (JM_IS_LAYER (self), NULL);

  cell_items = g_ptr_array_new_with_free_func (g_object_unref);
  n_items = jm_object_store_get_n_objects (self->items);
  for (guint i = 0; i < n_items; i++)
    {
      JmItem *item = jm_object_store_get_object (self->items, i);

      if (g_strcmp0 (jm_item_get_stage_id (item), stage_id) == 0 &&
          g_strcmp0 (jm_item_get_lane_id (item), lane_id) == 0)
        g_ptr_array_add (cell_items, g_object_ref (item));
    }

  return cell_items;
}
