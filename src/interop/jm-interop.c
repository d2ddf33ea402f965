/* jm-interop.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-interop"

#include "config.h"

#include "jm-interop.h"

#include "commands/jm-edit.h"
#include "model/jm-kinds.h"

G_DEFINE_QUARK (jm-interop-error-quark, jm_interop_error)

/**
 * jm_interop_index_by_name:
 * @store: the stages, lanes or personas of a map
 *
 * Other tools know no ids: they name stages, lanes and personas by what a
 * person reads on the map. A name stands for the first object that has it.
 *
 * Returns: (transfer full) (element-type utf8 JmObject): each name (an
 *   object without one under "") to its first object, borrowed
 */
GHashTable *
jm_interop_index_by_name (JmObjectStore *store)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = jm_object_store_get_n_objects (store);

  for (guint i = 0; i < n; i++)
    {
      gpointer object = jm_object_store_get_object (store, i);
      char *name = NULL;

      g_object_get (object, "name", &name, NULL);
      if (name == NULL)
        name = g_strdup ("");
      if (g_hash_table_contains (index, name))
        g_free (name);
      else
        g_hash_table_insert (index, name, object);
    }

  return index;
}

/**
 * jm_interop_ensure_lane:
 *
 * Returns: (transfer none) (nullable): the first lane of @kind, added at
 *   the bottom with the kind's name when the map has none
 */
JmLane *
jm_interop_ensure_lane (JmCommandStack  *stack,
                        JmLaneKind       kind,
                        GError         **error)
{
  JmObjectStore *lanes = jm_document_get_lanes (jm_command_stack_get_document (stack));
  guint n = jm_object_store_get_n_objects (lanes);

  for (guint i = 0; i < n; i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_lane_get_kind (lane) == kind)
        return lane;
    }

  return jm_edit_add_lane (stack, n, kind,
                           jm_kind_get_label (jm_kinds_lookup (JM_TYPE_LANE_KIND, kind)), error);
}

/**
 * jm_interop_new_document:
 * @import_into: the reader, which adds what it reads to a stack's map
 *
 * Reads into an empty map through the same edits an import into an open
 * map makes, so that the two cannot differ.
 *
 * Returns: (transfer full) (nullable): the new map
 */
JmDocument *
jm_interop_new_document (GBytes      *bytes,
                         const char  *filename,
                         GPtrArray  **notes,
                         gboolean   (*import_into) (JmCommandStack  *stack,
                                                    GBytes          *bytes,
                                                    const char      *filename,
                                                    GPtrArray      **notes,
                                                    GError         **error),
                         GError     **error)
{
  g_autoptr(JmDocument) document = jm_document_new ();
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);

  if (!import_into (stack, bytes, filename, notes, error))
    return NULL;

  return g_steal_pointer (&document);
}
