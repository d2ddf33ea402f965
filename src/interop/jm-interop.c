/* jm-interop.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-interop"

#include "config.h"

#include "jm-interop.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit.h"
#include "commands/jm-insert-command.h"
#include "commands/jm-set-property-command.h"
#include "format/jm-xml-names.h"
#include "interop/jm-csv.h"
#include "interop/jm-mermaid.h"
#include "format/jm-xml-writer.h"
#include "model/jm-kinds.h"

G_DEFINE_QUARK (jm-interop-error-quark, jm_interop_error)

/**
 * jm_interop_reader_for_name:
 * @name: a file's name or path
 *
 * The window and `journeymap import` tell files by their name, as a file
 * chooser's filters do: a Mermaid diagram or a spreadsheet has no magic
 * number to sniff.
 *
 * Returns: (nullable): the reader of files so named, or %NULL when
 *   Journeymap does not import them
 */
JmInteropReadFunc
jm_interop_reader_for_name (const char *name)
{
  static const struct {
    const char        *suffix;
    JmInteropReadFunc  read;
  } readers[] = {
    { ".mmd", jm_mermaid_read },
    { ".mermaid", jm_mermaid_read },
    { ".md", jm_mermaid_read },
    { ".markdown", jm_mermaid_read },
    { ".csv", jm_csv_read },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      if (g_str_has_suffix (lower, readers[i].suffix))
        return readers[i].read;
    }

  return NULL;
}

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
 * jm_interop_id_is_free:
 *
 * Returns: whether no object of @document has @id: ids are unique in a
 *   map across every kind of object
 */
gboolean
jm_interop_id_is_free (JmDocument *document,
                       const char *id)
{
  if (jm_document_lookup_stage (document, id) != NULL ||
      jm_document_lookup_lane (document, id) != NULL ||
      jm_document_lookup_persona (document, id) != NULL)
    return FALSE;

  for (guint s = 0; s < JM_N_LAYER_STATES; s++)
    {
      JmLayer *layer = jm_document_get_layer (document, s);

      if (jm_layer_lookup_item (layer, id) != NULL ||
          jm_object_store_lookup (jm_layer_get_points (layer), id) != NULL ||
          jm_object_store_lookup (jm_layer_get_links (layer), id) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* A new id nothing in @document has. Ids have 32 random bits, enough for
 * one edit at a time; an import of many thousand items would meet one
 * already taken, and the map refuses a duplicate. */
static char *
new_free_id (JmDocument *document,
             const char *prefix)
{
  char *id = jm_object_new_id (prefix);

  while (!jm_interop_id_is_free (document, id))
    {
      g_free (id);
      id = jm_object_new_id (prefix);
    }
  return id;
}

/**
 * jm_interop_new_item:
 *
 * Returns: (transfer full): a new item, not in @document yet, with an id
 *   @document does not have
 */
JmItem *
jm_interop_new_item (JmDocument *document)
{
  g_autofree char *id = new_free_id (document, "item");

  return jm_item_new (id);
}

static gboolean
push_value (JmCommandStack  *stack,
            gpointer         object,
            const char      *property,
            const GValue    *value,
            GError         **error)
{
  g_autoptr(JmCommand) command = jm_set_property_command_new (object, property, value);

  return jm_command_stack_push (stack, command, error);
}

/**
 * jm_interop_push_string:
 *
 * Sets a property of an object being built by a command, when @text is
 * not empty.
 */
gboolean
jm_interop_push_string (JmCommandStack  *stack,
                        gpointer         object,
                        const char      *property,
                        const char      *text,
                        GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (text == NULL || *text == '\0')
    return TRUE;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return push_value (stack, object, property, &value, error);
}

gboolean
jm_interop_push_enum (JmCommandStack  *stack,
                      gpointer         object,
                      const char      *property,
                      GType            type,
                      int              number,
                      GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, number);
  return push_value (stack, object, property, &value, error);
}

static gboolean
push_double (JmCommandStack  *stack,
             gpointer         object,
             const char      *property,
             double           number,
             GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return push_value (stack, object, property, &value, error);
}

/**
 * jm_interop_append:
 *
 * Puts a built object at the end of @store by a command: an import keeps
 * the order of its file.
 */
gboolean
jm_interop_append (JmCommandStack  *stack,
                   JmObjectStore   *store,
                   JmObject        *object,
                   GError         **error)
{
  g_autoptr(JmCommand) insert = jm_insert_command_new (store, jm_object_store_get_n_objects (store), object);

  return jm_command_stack_push (stack, insert, error);
}

/**
 * jm_interop_add_point:
 * @persona_id: (nullable): the persona whose curve it is on
 * @label: (nullable): the feeling
 *
 * Adds an emotion point at the end of the state's points, with an id the
 * map does not have. The caller has checked its stage, position and score.
 */
gboolean
jm_interop_add_point (JmCommandStack  *stack,
                      JmLayerState     state,
                      const char      *persona_id,
                      const char      *stage_id,
                      double           position,
                      double           score,
                      const char      *label,
                      GError         **error)
{
  JmDocument *document = jm_command_stack_get_document (stack);
  g_autofree char *id = new_free_id (document, "point");
  g_autoptr(JmEmotionPoint) point = jm_emotion_point_new (id);

  return jm_interop_push_string (stack, point, "persona-id", persona_id, error) &&
         jm_interop_push_string (stack, point, "stage-id", stage_id, error) &&
         push_double (stack, point, "position", position, error) &&
         push_double (stack, point, "score", score, error) &&
         jm_interop_push_string (stack, point, "label", label, error) &&
         jm_interop_append (stack, jm_layer_get_points (jm_document_get_layer (document, state)),
                            JM_OBJECT (point), error);
}

/**
 * jm_interop_check_fits:
 * @filename: the imported file, for the message
 *
 * Whether @document, with what an import added, can still be saved: a
 * map never grows past what a map file may hold. Serializes the map to
 * know, once per import.
 *
 * Returns: %TRUE if it fits; else %FALSE with %JM_INTEROP_ERROR_TOO_LARGE
 */
gboolean
jm_interop_check_fits (JmDocument  *document,
                       const char  *filename,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = jm_xml_writer_write_bytes (document);
  g_autofree char *total = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *message = NULL;

  if (g_bytes_get_size (bytes) <= JM_FORMAT_MAX_FILE_SIZE)
    return TRUE;

  total = g_format_size (g_bytes_get_size (bytes));
  limit = g_format_size (JM_FORMAT_MAX_FILE_SIZE);
  message = g_strdup_printf (_("The map would grow to %s, and a map file holds at most %s."), total, limit);
  g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE, "%s: %s", filename, message);
  return FALSE;
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
