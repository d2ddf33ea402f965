/* jm-compare.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-compare.h"

void
jm_difference_free (JmDifference *difference)
{
  if (difference == NULL)
    return;

  g_clear_object (&difference->current);
  g_clear_object (&difference->future);
  g_free (difference);
}

static void
add_difference (GPtrArray        *differences,
                JmDifferenceKind  kind,
                JmItem           *current,
                JmItem           *future)
{
  JmDifference *difference = g_new0 (JmDifference, 1);

  difference->kind = kind;
  difference->current = current != NULL ? g_object_ref (current) : NULL;
  difference->future = future != NULL ? g_object_ref (future) : NULL;
  g_ptr_array_add (differences, difference);
}

/**
 * jm_document_compare_items:
 *
 * Items that keep their id are the same item in both states: one only in
 * the future state is added, one only in the current state removed, one
 * in both with other values changed.
 *
 * Returns: (transfer full) (element-type JmDifference): the differences,
 *   in the order of the future state, then the removals; empty while the
 *   future state has not been started
 */
GPtrArray *
jm_document_compare_items (JmDocument *document)
{
  JmLayer *current, *future;
  JmObjectStore *future_items, *current_items;
  GPtrArray *differences;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  differences = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_difference_free);
  current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);
  if (jm_layer_is_empty (future))
    return differences;

  future_items = jm_layer_get_items (future);
  current_items = jm_layer_get_items (current);

  for (guint i = 0; i < jm_object_store_get_n_objects (future_items); i++)
    {
      JmItem *item = jm_object_store_get_object (future_items, i);
      JmItem *before = jm_layer_lookup_item (current, jm_object_get_id (JM_OBJECT (item)));

      if (before == NULL)
        add_difference (differences, JM_DIFFERENCE_ADDED, NULL, item);
      else if (!jm_object_equal (JM_OBJECT (before), JM_OBJECT (item)))
        add_difference (differences, JM_DIFFERENCE_CHANGED, before, item);
    }

  for (guint i = 0; i < jm_object_store_get_n_objects (current_items); i++)
    {
      JmItem *item = jm_object_store_get_object (current_items, i);

      if (jm_layer_lookup_item (future, jm_object_get_id (JM_OBJECT (item))) == NULL)
        add_difference (differences, JM_DIFFERENCE_REMOVED, item, NULL);
    }

  return differences;
}
