/* jm-search.c: which objects of a map match a text
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include <string.h>

#include "jm-search.h"

#include "model/jm-kinds.h"

/**
 * jm_search_fold_text:
 * @text: (nullable): any UTF-8 text
 *
 * Folds @text so that comparing two folded texts ignores case and accents:
 * decomposed (so "é" is "e" and a combining accent), the accents dropped,
 * then case-folded.
 *
 * Returns: (transfer full): the folded text, "" for %NULL
 */
char *
jm_search_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *bare;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  folded = g_utf8_casefold (bare->str, bare->len);
  g_string_free (bare, TRUE);

  /* Case folding can compose again ("ß" stays, but some letters fold to
   * precomposed ones): normalize once more so both sides agree. */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
any_matches (const char         *needle,
             const char * const *texts,
             guint               n_texts)
{
  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *folded = NULL;

      if (texts[i] == NULL || texts[i][0] == '\0')
        continue;

      folded = jm_search_fold_text (texts[i]);
      if (strstr (folded, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
stage_matches (JmStage    *stage,
               const char *needle)
{
  const char *texts[] = {
    jm_stage_get_name (stage),
    jm_stage_get_description (stage),
    jm_stage_get_duration (stage),
  };

  return any_matches (needle, texts, G_N_ELEMENTS (texts));
}

static gboolean
lane_matches (JmLane     *lane,
              const char *needle)
{
  const char *texts[] = { jm_lane_get_name (lane) };

  return any_matches (needle, texts, G_N_ELEMENTS (texts));
}

static gboolean
item_matches (JmItem     *item,
              const char *needle)
{
  const JmKind *channel = NULL;
  const char *texts[] = {
    jm_item_get_title (item),
    jm_item_get_body (item),
    jm_item_get_moment_label (item),
    jm_item_get_moment_rationale (item),
    NULL,
    NULL,
  };

  /* A touchpoint's channel is written on its card ("EMAIL"), so it is
   * searched too, by its name as shown and in English. */
  if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT && jm_item_get_channel (item) != JM_CHANNEL_NONE)
    channel = jm_kinds_lookup (JM_TYPE_CHANNEL, jm_item_get_channel (item));
  if (channel != NULL)
    {
      texts[4] = jm_kind_get_label (channel);
      texts[5] = channel->label;
    }

  return any_matches (needle, texts, G_N_ELEMENTS (texts));
}

static gboolean
persona_matches (JmPersona  *persona,
                 const char *needle)
{
  const char *texts[] = {
    jm_persona_get_name (persona),
    jm_persona_get_role (persona),
    jm_persona_get_description (persona),
    jm_persona_get_goals (persona),
    jm_persona_get_motivations (persona),
    jm_persona_get_frustrations (persona),
  };

  return any_matches (needle, texts, G_N_ELEMENTS (texts));
}

typedef struct
{
  guint   stage;
  guint   lane;
  guint   order;
  JmItem *item;
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a;
  const Found *fb = b;

  if (fa->stage != fb->stage)
    return fa->stage < fb->stage ? -1 : 1;
  if (fa->lane != fb->lane)
    return fa->lane < fb->lane ? -1 : 1;
  return fa->order < fb->order ? -1 : fa->order > fb->order;
}

static GHashTable *
index_ids (JmObjectStore *store)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    {
      JmObject *object = jm_object_store_get_object (store, i);

      g_hash_table_insert (positions, (gpointer) jm_object_get_id (object), GUINT_TO_POINTER (i + 1));
    }

  return positions;
}

/* The layer's items that match, sorted by stage, lane and their order in
 * the cell. One pass over the items and a sort, rather than a pass per
 * cell: a map may hold 100,000 items. Items outside every cell are not
 * drawn, so they are not found either. */
static GArray *
find_items (JmDocument *document,
            JmLayer    *layer,
            const char *needle)
{
  g_autoptr(GHashTable) stage_positions = index_ids (jm_document_get_stages (document));
  g_autoptr(GHashTable) lane_positions = index_ids (jm_document_get_lanes (document));
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Found));
  JmObjectStore *items = jm_layer_get_items (layer);

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);
      guint stage = GPOINTER_TO_UINT (g_hash_table_lookup (stage_positions, jm_item_get_stage_id (item)));
      guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_positions, jm_item_get_lane_id (item)));
      Found one = { stage - 1, lane - 1, i, item };

      if (stage == 0 || lane == 0 || !item_matches (item, needle))
        continue;

      g_array_append_val (found, one);
    }

  g_array_sort (found, compare_found);
  return found;
}

/**
 * jm_search_find:
 * @document: the map
 * @state: the layer whose items are searched
 * @text: what to look for, ignoring case and accents
 *
 * Finds the objects of @document with @text in any of their texts, in the
 * order the outline lists them: stage by stage (the stage, then its items
 * lane by lane, in cell order), then the lanes, then the personas. An
 * empty or blank @text matches nothing.
 *
 * Returns: (transfer full) (element-type JmObject): the matches, each
 *   with a reference of its own
 */
GPtrArray *
jm_search_find (JmDocument   *document,
                JmLayerState  state,
                const char   *text)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) items = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;
  JmObjectStore *stages;
  JmObjectStore *lanes;
  JmObjectStore *personas;
  JmLayer *layer;
  guint next_item = 0;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    return g_steal_pointer (&matches);

  needle = jm_search_fold_text (stripped);
  stages = jm_document_get_stages (document);
  lanes = jm_document_get_lanes (document);
  personas = jm_document_get_personas (document);
  layer = jm_document_get_layer (document, state);
  items = layer != NULL ? find_items (document, layer, needle)
                        : g_array_new (FALSE, FALSE, sizeof (Found));

  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    {
      JmStage *stage = jm_object_store_get_object (stages, s);

      if (stage_matches (stage, needle))
        g_ptr_array_add (matches, g_object_ref (stage));

      for (; next_item < items->len && g_array_index (items, Found, next_item).stage == s; next_item++)
        g_ptr_array_add (matches, g_object_ref (g_array_index (items, Found, next_item).item));
    }

  for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, l);

      if (lane_matches (lane, needle))
        g_ptr_array_add (matches, g_object_ref (lane));
    }

  for (guint p = 0; p < jm_object_store_get_n_objects (personas); p++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, p);

      if (persona_matches (persona, needle))
        g_ptr_array_add (matches, g_object_ref (persona));
    }

  return g_steal_pointer (&matches);
}
