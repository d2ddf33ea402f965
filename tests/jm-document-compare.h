/* jm-document-compare.h: whether two documents hold the same map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, for the tests and the fuzz targets (which link only the
 * core): every value the file carries, extensions included, compared.
 */

#pragma once

#include "model/jm-document-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-object-store.h"

static inline gboolean
jm_test_stores_equal (JmObjectStore *a,
                      JmObjectStore *b)
{
  guint n_objects = jm_object_store_get_n_objects (a);

  if (n_objects != jm_object_store_get_n_objects (b))
    return FALSE;

  for (guint i = 0; i < n_objects; i++)
    {
      if (!jm_object_equal (jm_object_store_get_object (a, i), jm_object_store_get_object (b, i)))
        return FALSE;
    }

  return TRUE;
}

static inline gboolean
jm_test_dates_equal (GDateTime *a,
                     GDateTime *b)
{
  return a == b || (a != NULL && b != NULL && g_date_time_equal (a, b));
}

/* Returns NULL when @a and @b are the same map, else what differs. */
static inline const char *
jm_test_documents_differ (JmDocument *a,
                          JmDocument *b)
{
  if (g_strcmp0 (a->title, b->title) != 0)
    return "title";
  if (g_strcmp0 (a->description, b->description) != 0)
    return "description";
  if (g_strcmp0 (a->author, b->author) != 0)
    return "author";
  if (!jm_test_dates_equal (a->created, b->created))
    return "created";
  if (!jm_test_dates_equal (a->modified, b->modified))
    return "modified";
  if (a->rank != b->rank || a->max_length_days != b->max_length_days)
    return "rank or length";
  if (jm_document_get_format_minor (a) != jm_document_get_format_minor (b))
    return "format version";
  if (!_jm_foreign_data_equal (&a->foreign, &b->foreign))
    return "extensions of the map";
  if (!jm_test_stores_equal (a->personas, b->personas))
    return "personas";
  if (!jm_test_stores_equal (a->stages, b->stages))
    return "stages";
  if (!jm_test_stores_equal (a->lanes, b->lanes))
    return "lanes";

  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    {
      JmLayer *x = a->layers[i];
      JmLayer *y = b->layers[i];

      if (!_jm_foreign_data_equal (_jm_layer_get_foreign (x), _jm_layer_get_foreign (y)))
        return "extensions of a layer";
      if (!jm_test_stores_equal (jm_layer_get_items (x), jm_layer_get_items (y)))
        return "items";
      if (!jm_test_stores_equal (jm_layer_get_points (x), jm_layer_get_points (y)))
        return "emotion points";
      if (!jm_test_stores_equal (jm_layer_get_links (x), jm_layer_get_links (y)))
        return "links";
    }

  return NULL;
}
