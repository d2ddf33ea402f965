/* jm-insights.c: what a map says, in figures, and what it still lacks
 *
 * Everything here is computed from the model alone, in one pass over each
 * store, so that a window can compute it again after an edit of a large
 * map without a noticeable pause.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-insights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jm-insights.h"

/* Where stages and personas sit, by id, and the map's layers. */
typedef struct
{
  JmDocument *document;
  GHashTable *stage_index;   /* id → index + 1 */
  GHashTable *persona_index; /* id → index + 1 */
  guint       n_stages;
  guint       n_personas;
} Places;

static void
places_init (Places     *places,
             JmDocument *document)
{
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *personas = jm_document_get_personas (document);

  places->document = document;
  places->n_stages = jm_object_store_get_n_objects (stages);
  places->n_personas = jm_object_store_get_n_objects (personas);
  places->stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  places->persona_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < places->n_stages; i++)
    g_hash_table_insert (places->stage_index,
                         (gpointer) jm_object_get_id (jm_object_store_get_object (stages, i)),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < places->n_personas; i++)
    g_hash_table_insert (places->persona_index,
                         (gpointer) jm_object_get_id (jm_object_store_get_object (personas, i)),
                         GUINT_TO_POINTER (i + 1));
}

static void
places_clear (Places *places)
{
  g_clear_pointer (&places->stage_index, g_hash_table_unref);
  g_clear_pointer (&places->persona_index, g_hash_table_unref);
}

/* The index of a stage or persona, or -1 for an id the map lacks (the
 * reader refuses such references; an edit in progress might not). */
static int
place_of (GHashTable *index,
          const char *id)
{
  gpointer found;

  if (id == NULL)
    return -1;

  found = g_hash_table_lookup (index, id);
  return found == NULL ? -1 : (int) GPOINTER_TO_UINT (found) - 1;
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* An item's title for a message: its title, or its id when it has none. */
static const char *
item_name (JmItem *item)
{
  const char *title = jm_item_get_title (item);

  return text_is_blank (title) ? jm_object_get_id (JM_OBJECT (item)) : title;
}

static const char *
stage_name (JmStage *stage)
{
  const char *name = jm_stage_get_name (stage);

  return text_is_blank (name) ? jm_object_get_id (JM_OBJECT (stage)) : name;
}

static const char *
persona_name (JmPersona *persona)
{
  const char *name = jm_persona_get_name (persona);

  return text_is_blank (name) ? jm_object_get_id (JM_OBJECT (persona)) : name;
}

/* Fills @curves (n_stages × n_personas, stage-major) from @layer's points. */
static void
compute_curves (Places         *places,
                JmLayer        *layer,
                JmInsightCurve *curves)
{
  JmObjectStore *points = jm_layer_get_points (layer);
  guint n = jm_object_store_get_n_objects (points);
  g_autofree guint *n_positive = g_new0 (guint, places->n_stages * places->n_personas);

  for (guint i = 0; i < n; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      int s = place_of (places->stage_index, jm_emotion_point_get_stage_id (point));
      int p = place_of (places->persona_index, jm_emotion_point_get_persona_id (point));
      double score = jm_emotion_point_get_score (point);
      JmInsightCurve *curve;

      if (s < 0 || p < 0)
        continue;

      curve = &curves[s * places->n_personas + p];
      if (curve->n_points == 0)
        {
          curve->lowest = score;
          curve->highest = score;
        }
      curve->lowest = MIN (curve->lowest, score);
      curve->highest = MAX (curve->highest, score);
      /* the sum, until it is divided below */
      curve->mean += score;
      curve->n_points++;
      if (score > 0)
        n_positive[s * places->n_personas + p]++;
    }

  for (guint i = 0; i < places->n_stages * places->n_personas; i++)
    {
      if (curves[i].n_points == 0)
        continue;

      curves[i].mean /= curves[i].n_points;
      curves[i].share_positive = (double) n_positive[i] / curves[i].n_points;
    }
}

static void
insight_stage_free (gpointer data)
{
  JmInsightStage *stage = data;

  g_free (stage->stage_id);
  g_free (stage->name);
  g_free (stage->curves);
  g_free (stage);
}

static void
insight_persona_free (gpointer data)
{
  JmInsightPersona *persona = data;

  g_free (persona->persona_id);
  g_free (persona->name);
  g_free (persona->low_point_id);
  g_free (persona->low_stage_id);
  g_free (persona->low_label);
  g_free (persona);
}

static void
insight_moment_free (gpointer data)
{
  JmInsightMoment *moment = data;

  g_free (moment->item_id);
  g_free (moment->title);
  g_free (moment->stage_id);
  g_free (moment->label);
  g_free (moment->rationale);
  g_free (moment);
}

static void
insight_check_free (gpointer data)
{
  JmInsightCheck *check = data;

  g_free (check->object_id);
  g_free (check->stage_id);
  g_free (check->persona_id);
  g_free (check->message);
  g_free (check);
}

static void
insight_opportunity_free (gpointer data)
{
  JmInsightOpportunity *opportunity = data;

  g_free (opportunity->item_id);
  g_free (opportunity->title);
  g_free (opportunity->stage_id);
  g_free (opportunity);
}

static void
insight_change_free (gpointer data)
{
  JmInsightChange *change = data;

  g_free (change->stage_id);
  g_free (change->persona_id);
  g_free (change);
}

static void
insight_removed_free (gpointer data)
{
  JmInsightRemoved *removed = data;

  g_free (removed->item_id);
  g_free (removed->title);
  g_free (removed->stage_id);
  g_free (removed);
}

/**
 * jm_insights_free:
 * @insights: (transfer full) (nullable): insights
 */
void
jm_insights_free (JmInsights *insights)
{
  if (insights == NULL)
    return;

  g_free (insights->title);
  g_ptr_array_unref (insights->personas);
  g_ptr_array_unref (insights->stages);
  g_array_unref (insights->channels);
  g_ptr_array_unref (insights->moments);
  g_ptr_array_unref (insights->checks);
  g_ptr_array_unref (insights->opportunities);
  g_ptr_array_unref (insights->changes);
  g_ptr_array_unref (insights->removed);
  g_free (insights);
}

static JmInsightCheck *
add_check (JmInsights         *insights,
           JmInsightCheckKind  kind,
           const char         *object_id,
           const char         *stage_id,
           const char         *persona_id,
           char               *message)
{
  JmInsightCheck *check = g_new0 (JmInsightCheck, 1);

  check->kind = kind;
  check->object_id = g_strdup (object_id);
  check->stage_id = g_strdup (stage_id);
  check->persona_id = g_strdup (persona_id);
  check->message = message;
  g_ptr_array_add (insights->checks, check);

  return check;
}

/* Items sorted into map order: by stage, then as the layer holds them
 * (which is their order within each cell). */
typedef struct
{
  JmItem *item;
  int     stage;
  guint   index;
} PlacedItem;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const PlacedItem *x = a, *y = b;

  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;

  return x->index < y->index ? -1 : x->index > y->index;
}

static GArray *
dup_items_in_map_order (Places  *places,
                        JmLayer *layer)
{
  JmObjectStore *items = jm_layer_get_items (layer);
  guint n = jm_object_store_get_n_objects (items);
  GArray *placed = g_array_sized_new (FALSE, FALSE, sizeof (PlacedItem), n);

  for (guint i = 0; i < n; i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);
      PlacedItem entry = { item, place_of (places->stage_index, jm_item_get_stage_id (item)), i };

      if (entry.stage >= 0)
        g_array_append_val (placed, entry);
    }
  g_array_sort (placed, compare_placed);

  return placed;
}

/* The ids of @layer's pain points that a link ties to an opportunity, in
 * either direction: the opportunity answers the pain point. */
static GHashTable *
dup_answered_pain_points (JmLayer *layer)
{
  JmObjectStore *links = jm_layer_get_links (layer);
  guint n = jm_object_store_get_n_objects (links);
  GHashTable *answered = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      JmLink *link = jm_object_store_get_object (links, i);
      JmItem *from = jm_layer_lookup_item (layer, jm_link_get_from_id (link));
      JmItem *to = jm_layer_lookup_item (layer, jm_link_get_to_id (link));
      JmItemKind from_kind, to_kind;

      if (from == NULL || to == NULL)
        continue;

      from_kind = jm_item_get_kind (from);
      to_kind = jm_item_get_kind (to);
      if (from_kind == JM_ITEM_KIND_PAIN_POINT && to_kind == JM_ITEM_KIND_OPPORTUNITY)
        g_hash_table_add (answered, (gpointer) jm_object_get_id (JM_OBJECT (from)));
      else if (to_kind == JM_ITEM_KIND_PAIN_POINT && from_kind == JM_ITEM_KIND_OPPORTUNITY)
        g_hash_table_add (answered, (gpointer) jm_object_get_id (JM_OBJECT (to)));
    }

  return answered;
}

static void
compute_personas (JmInsights *insights,
                  Places     *places,
                  JmLayer    *layer)
{
  JmObjectStore *personas = jm_document_get_personas (places->document);
  JmObjectStore *points = jm_layer_get_points (layer);
  guint n = jm_object_store_get_n_objects (points);
  g_autofree JmEmotionPoint **lowest = g_new0 (JmEmotionPoint *, places->n_personas);

  for (guint i = 0; i < n; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      int s = place_of (places->stage_index, jm_emotion_point_get_stage_id (point));
      int p = place_of (places->persona_index, jm_emotion_point_get_persona_id (point));
      JmEmotionPoint *low;
      int low_stage;

      if (s < 0 || p < 0)
        continue;

      low = lowest[p];
      if (low == NULL)
        {
          lowest[p] = point;
          continue;
        }

      /* the lowest score; among equals, the first along the journey */
      low_stage = place_of (places->stage_index, jm_emotion_point_get_stage_id (low));
      if (jm_emotion_point_get_score (point) < jm_emotion_point_get_score (low) ||
          (jm_emotion_point_get_score (point) == jm_emotion_point_get_score (low) &&
           (s < low_stage ||
            (s == low_stage &&
             jm_emotion_point_get_position (point) < jm_emotion_point_get_position (low)))))
        lowest[p] = point;
    }

  for (guint p = 0; p < places->n_personas; p++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, p);
      JmInsightPersona *entry = g_new0 (JmInsightPersona, 1);

      entry->persona_id = g_strdup (jm_object_get_id (JM_OBJECT (persona)));
      entry->name = g_strdup (persona_name (persona));
      if (lowest[p] != NULL)
        {
          entry->low_point_id = g_strdup (jm_object_get_id (JM_OBJECT (lowest[p])));
          entry->low_stage_id = g_strdup (jm_emotion_point_get_stage_id (lowest[p]));
          entry->low_score = jm_emotion_point_get_score (lowest[p]);
          if (!text_is_blank (jm_emotion_point_get_label (lowest[p])))
            entry->low_label = g_strdup (jm_emotion_point_get_label (lowest[p]));
        }
      g_ptr_array_add (insights->personas, entry);
    }
}

static void
compute_stages (JmInsights *insights,
                Places     *places,
                JmLayer    *layer,
                GArray     *items)
{
  JmObjectStore *stages = jm_document_get_stages (places->document);
  g_autofree JmInsightCurve *curves = g_new0 (JmInsightCurve,
                                              places->n_stages * places->n_personas);
  guint channel_counts[JM_CHANNEL_OTHER + 1] = { 0 };

  compute_curves (places, layer, curves);

  for (guint s = 0; s < places->n_stages; s++)
    {
      JmStage *stage = jm_object_store_get_object (stages, s);
      JmInsightStage *entry = g_new0 (JmInsightStage, 1);

      entry->stage_id = g_strdup (jm_object_get_id (JM_OBJECT (stage)));
      entry->name = g_strdup (stage_name (stage));
      entry->curves = g_new0 (JmInsightCurve, MAX (places->n_personas, 1));
      if (places->n_personas > 0)
        memcpy (entry->curves, &curves[s * places->n_personas],
                places->n_personas * sizeof (JmInsightCurve));
      g_ptr_array_add (insights->stages, entry);
    }

  for (guint i = 0; i < items->len; i++)
    {
      PlacedItem *placed = &g_array_index (items, PlacedItem, i);
      JmInsightStage *entry = g_ptr_array_index (insights->stages, placed->stage);
      JmChannel channel;

      switch (jm_item_get_kind (placed->item))
        {
        case JM_ITEM_KIND_PAIN_POINT:
          entry->n_pain_points++;
          break;
        case JM_ITEM_KIND_OPPORTUNITY:
          entry->n_opportunities++;
          break;
        case JM_ITEM_KIND_TOUCHPOINT:
          entry->n_touchpoints++;
          channel = jm_item_get_channel (placed->item);
          if (channel <= JM_CHANNEL_OTHER)
            channel_counts[channel]++;
          break;
        case JM_ITEM_KIND_CARD:
        case JM_ITEM_KIND_IMAGE:
        case JM_ITEM_KIND_NOTE:
        default:
          break;
        }
    }

  for (guint c = 0; c <= JM_CHANNEL_OTHER; c++)
    {
      JmInsightChannel entry = { c, channel_counts[c] };

      if (channel_counts[c] > 0)
        g_array_append_val (insights->channels, entry);
    }
}

static void
compute_moments (JmInsights *insights,
                 GArray     *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = g_array_index (items, PlacedItem, i).item;
      JmInsightMoment *moment;

      if (jm_item_get_moment (item) == JM_MOMENT_KIND_NONE)
        continue;

      moment = g_new0 (JmInsightMoment, 1);
      moment->item_id = g_strdup (jm_object_get_id (JM_OBJECT (item)));
      moment->title = g_strdup (item_name (item));
      moment->stage_id = g_strdup (jm_item_get_stage_id (item));
      moment->kind = jm_item_get_moment (item);
      if (moment->kind == JM_MOMENT_KIND_CUSTOM && !text_is_blank (jm_item_get_moment_label (item)))
        moment->label = g_strdup (jm_item_get_moment_label (item));
      if (!text_is_blank (jm_item_get_moment_rationale (item)))
        moment->rationale = g_strdup (jm_item_get_moment_rationale (item));
      g_ptr_array_add (insights->moments, moment);
    }
}

/* Highest priority first; without one, after, in map order (which the
 * stable sort keeps). */
static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const JmInsightOpportunity *x = *(JmInsightOpportunity **) a;
  const JmInsightOpportunity *y = *(JmInsightOpportunity **) b;

  if (x->priority == y->priority)
    return 0;

  return x->priority > y->priority ? -1 : 1;
}

static void
compute_opportunities (JmInsights *insights,
                       GArray     *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = g_array_index (items, PlacedItem, i).item;
      JmInsightOpportunity *opportunity;

      if (jm_item_get_kind (item) != JM_ITEM_KIND_OPPORTUNITY)
        continue;

      opportunity = g_new0 (JmInsightOpportunity, 1);
      opportunity->item_id = g_strdup (jm_object_get_id (JM_OBJECT (item)));
      opportunity->title = g_strdup (item_name (item));
      opportunity->stage_id = g_strdup (jm_item_get_stage_id (item));
      opportunity->customer_value = jm_item_get_customer_value (item) >= JM_VALUE_MIN
                                    ? jm_item_get_customer_value (item) : -1;
      opportunity->business_value = jm_item_get_business_value (item) >= JM_VALUE_MIN
                                    ? jm_item_get_business_value (item) : -1;
      opportunity->effort = jm_item_get_effort (item) >= JM_EFFORT_MIN ? jm_item_get_effort (item) : -1;
      opportunity->priority = jm_item_get_priority (item);
      g_ptr_array_add (insights->opportunities, opportunity);
    }

  /* g_ptr_array_sort () is stable (GLib sorts with a merge sort) */
  g_ptr_array_sort (insights->opportunities, compare_priority);
}

static void
compute_checks (JmInsights *insights,
                Places     *places,
                JmLayer    *layer,
                GArray     *items)
{
  JmObjectStore *stages = jm_document_get_stages (places->document);
  JmObjectStore *personas = jm_document_get_personas (places->document);
  g_autoptr(GHashTable) answered = dup_answered_pain_points (layer);

  /* A stage with no emotion point: per persona, since each persona has a
   * curve of its own; a map without personas can have no points at all. */
  for (guint s = 0; s < places->n_stages; s++)
    {
      JmStage *stage = jm_object_store_get_object (stages, s);
      JmInsightStage *entry = g_ptr_array_index (insights->stages, s);
      const char *stage_id = jm_object_get_id (JM_OBJECT (stage));

      if (places->n_personas == 0)
        add_check (insights, JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION, stage_id, stage_id, NULL,
                   g_strdup_printf (_("Stage “%s” has no emotion point."), stage_name (stage)));

      for (guint p = 0; p < places->n_personas; p++)
        {
          JmPersona *persona = jm_object_store_get_object (personas, p);

          if (entry->curves[p].n_points > 0)
            continue;

          add_check (insights, JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION, stage_id, stage_id,
                     jm_object_get_id (JM_OBJECT (persona)),
                     g_strdup_printf (_("Stage “%s” has no emotion point of %s."),
                                      stage_name (stage), persona_name (persona)));
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      PlacedItem *placed = &g_array_index (items, PlacedItem, i);
      const char *id = jm_object_get_id (JM_OBJECT (placed->item));
      JmStage *stage = jm_object_store_get_object (stages, placed->stage);

      if (jm_item_get_kind (placed->item) != JM_ITEM_KIND_PAIN_POINT ||
          g_hash_table_contains (answered, id))
        continue;

      add_check (insights, JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT, id, jm_item_get_stage_id (placed->item),
                 NULL,
                 g_strdup_printf (_("Pain point “%s” in “%s” has no opportunity linked to it."),
                                  item_name (placed->item), stage_name (stage)));
    }

  for (guint i = 0; i < items->len; i++)
    {
      PlacedItem *placed = &g_array_index (items, PlacedItem, i);
      JmStage *stage = jm_object_store_get_object (stages, placed->stage);

      if (jm_item_get_moment (placed->item) == JM_MOMENT_KIND_NONE ||
          !text_is_blank (jm_item_get_moment_rationale (placed->item)))
        continue;

      add_check (insights, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE,
                 jm_object_get_id (JM_OBJECT (placed->item)), jm_item_get_stage_id (placed->item), NULL,
                 g_strdup_printf (_("Moment of Truth “%s” in “%s” has no rationale."),
                                  item_name (placed->item), stage_name (stage)));
    }

  for (guint p = 0; p < places->n_personas; p++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, p);
      const char *id = jm_object_get_id (JM_OBJECT (persona));

      if (!text_is_blank (jm_persona_get_goals (persona)))
        continue;

      add_check (insights, JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS, id, NULL, id,
                 g_strdup_printf (_("Persona %s has no goals."), persona_name (persona)));
    }

  for (guint s = 0; s < places->n_stages; s++)
    {
      JmStage *stage = jm_object_store_get_object (stages, s);
      JmInsightStage *entry = g_ptr_array_index (insights->stages, s);

      if (entry->n_touchpoints > 0)
        continue;

      add_check (insights, JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS, entry->stage_id, entry->stage_id,
                 NULL, g_strdup_printf (_("Stage “%s” has no touchpoints."), stage_name (stage)));
    }
}

static void
compute_comparison (JmInsights *insights,
                    Places     *places)
{
  JmLayer *current = jm_document_get_layer (places->document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (places->document, JM_LAYER_STATE_FUTURE);
  JmObjectStore *stages = jm_document_get_stages (places->document);
  JmObjectStore *personas = jm_document_get_personas (places->document);
  g_autofree JmInsightCurve *before = NULL;
  g_autofree JmInsightCurve *after = NULL;
  g_autoptr(GArray) items = NULL;

  if (jm_layer_is_empty (future))
    return;

  insights->compared = TRUE;
  before = g_new0 (JmInsightCurve, places->n_stages * places->n_personas);
  after = g_new0 (JmInsightCurve, places->n_stages * places->n_personas);
  compute_curves (places, current, before);
  compute_curves (places, future, after);

  for (guint s = 0; s < places->n_stages; s++)
    {
      for (guint p = 0; p < places->n_personas; p++)
        {
          JmInsightChange *change = g_new0 (JmInsightChange, 1);
          guint i = s * places->n_personas + p;

          change->stage_id = g_strdup (jm_object_get_id (jm_object_store_get_object (stages, s)));
          change->persona_id = g_strdup (jm_object_get_id (jm_object_store_get_object (personas, p)));
          change->has_current = before[i].n_points > 0;
          change->has_future = after[i].n_points > 0;
          change->current_mean = before[i].mean;
          change->future_mean = after[i].mean;
          g_ptr_array_add (insights->changes, change);
        }
    }

  /* A pain point removed: the future state has no pain point of its id
   * (the future state starts as a copy of the current one, ids and all). */
  items = dup_items_in_map_order (places, current);
  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = g_array_index (items, PlacedItem, i).item;
      const char *id = jm_object_get_id (JM_OBJECT (item));
      JmItem *later;
      JmInsightRemoved *removed;

      if (jm_item_get_kind (item) != JM_ITEM_KIND_PAIN_POINT)
        continue;

      later = jm_layer_lookup_item (future, id);
      if (later != NULL && jm_item_get_kind (later) == JM_ITEM_KIND_PAIN_POINT)
        continue;

      removed = g_new0 (JmInsightRemoved, 1);
      removed->item_id = g_strdup (id);
      removed->title = g_strdup (item_name (item));
      removed->stage_id = g_strdup (jm_item_get_stage_id (item));
      g_ptr_array_add (insights->removed, removed);
    }
}

/**
 * jm_insights_compute:
 * @document: a map
 * @state: the state whose figures and checks to compute
 *
 * Computes the figures of @state per stage and persona, the lowest moment
 * of each persona, the touchpoints per channel, the Moments of Truth, the
 * completeness checks, and, when the map has a future state, the change
 * from the current state to the future one (whatever @state is).
 *
 * Returns: (transfer full): the insights; free with jm_insights_free()
 */
JmInsights *
jm_insights_compute (JmDocument   *document,
                     JmLayerState  state)
{
  JmInsights *insights;
  JmLayer *layer;
  Places places = { 0 };
  g_autoptr(GArray) items = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (state == JM_LAYER_STATE_CURRENT || state == JM_LAYER_STATE_FUTURE, NULL);

  layer = jm_document_get_layer (document, state);
  insights = g_new0 (JmInsights, 1);
  insights->state = state;
  insights->title = g_strdup (jm_document_get_display_title (document));
  insights->personas = g_ptr_array_new_with_free_func (insight_persona_free);
  insights->stages = g_ptr_array_new_with_free_func (insight_stage_free);
  insights->channels = g_array_new (FALSE, FALSE, sizeof (JmInsightChannel));
  insights->moments = g_ptr_array_new_with_free_func (insight_moment_free);
  insights->checks = g_ptr_array_new_with_free_func (insight_check_free);
  insights->opportunities = g_ptr_array_new_with_free_func (insight_opportunity_free);
  insights->changes = g_ptr_array_new_with_free_func (insight_change_free);
  insights->removed = g_ptr_array_new_with_free_func (insight_removed_free);

  places_init (&places, document);
  items = dup_items_in_map_order (&places, layer);
  compute_personas (insights, &places, layer);
  compute_stages (insights, &places, layer, items);
  compute_moments (insights, items);
  compute_checks (insights, &places, layer, items);
  compute_opportunities (insights, items);
  compute_comparison (insights, &places);
  places_clear (&places);

  return insights;
}

/**
 * jm_insights_lookup_stage:
 * @insights: insights
 * @stage_id: a stage's id
 *
 * Returns: (nullable): the figures of the stage, or %NULL
 */
const JmInsightStage *
jm_insights_lookup_stage (JmInsights *insights,
                          const char *stage_id)
{
  g_return_val_if_fail (insights != NULL, NULL);

  for (guint i = 0; i < insights->stages->len; i++)
    {
      JmInsightStage *stage = g_ptr_array_index (insights->stages, i);

      if (g_strcmp0 (stage->stage_id, stage_id) == 0)
        return stage;
    }

  return NULL;
}

/**
 * jm_insight_check_kind_to_nick:
 * @kind: a check
 *
 * Returns: the check's name in the JSON output, as "stage-without-emotion"
 */
const char *
jm_insight_check_kind_to_nick (JmInsightCheckKind kind)
{
  switch (kind)
    {
    case JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION:
      return "stage-without-emotion";
    case JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT:
      return "unanswered-pain-point";
    case JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE:
      return "moment-without-rationale";
    case JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS:
      return "persona-without-goals";
    case JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS:
      return "stage-without-touchpoints";
    default:
      g_return_val_if_reached (NULL);
    }
}
