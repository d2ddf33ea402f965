/* jm-insights.c: what a map says, in figures, and what it still lacks
 *
 * Everything here is computed from the model alone, in one pass over each
 * store. A window computes it a slice at a time (JmInsightsJob), between
 * the events of its main loop, so that on a giant map no edit or frame
 * waits behind the whole computation.
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

/* How many items a job handles between two looks at the clock. */
#define CHUNK 256

/* Puts a layer's items into map order a chunk at a time: each goes to its
 * stage's bucket, in the layer's order, and the buckets are joined at the
 * end (what a stable sort by stage gives, without one). */
typedef struct
{
  JmLayer  *layer;
  guint     next;
  GArray  **buckets;  /* per stage: PlacedItem */
} Placer;

static void
placer_start (Placer  *placer,
              Places  *places,
              JmLayer *layer)
{
  placer->layer = layer;
  placer->next = 0;
  placer->buckets = g_new0 (GArray *, places->n_stages + 1);
  for (guint s = 0; s < places->n_stages; s++)
    placer->buckets[s] = g_array_new (FALSE, FALSE, sizeof (PlacedItem));
}

static void
placer_clear (Placer *placer)
{
  if (placer->buckets == NULL)
    return;

  for (guint s = 0; placer->buckets[s] != NULL; s++)
    g_array_unref (placer->buckets[s]);
  g_clear_pointer (&placer->buckets, g_free);
}

/* Returns whether every item is placed; stops after @deadline. */
static gboolean
placer_step (Placer *placer,
             Places *places,
             gint64  deadline)
{
  JmObjectStore *items = jm_layer_get_items (placer->layer);
  guint n = jm_object_store_get_n_objects (items);

  while (placer->next < n)
    {
      guint end = MIN (placer->next + CHUNK, n);

      for (; placer->next < end; placer->next++)
        {
          JmItem *item = jm_object_store_get_object (items, placer->next);
          PlacedItem entry = { item, place_of (places->stage_index, jm_item_get_stage_id (item)), placer->next };

          if (entry.stage >= 0)
            g_array_append_val (placer->buckets[entry.stage], entry);
        }
      if (placer->next < n && g_get_monotonic_time () >= deadline)
        return FALSE;
    }

  return TRUE;
}

static GArray *
placer_finish (Placer *placer,
               Places *places)
{
  GArray *placed;
  guint n = 0;

  for (guint s = 0; s < places->n_stages; s++)
    n += placer->buckets[s]->len;
  placed = g_array_sized_new (FALSE, FALSE, sizeof (PlacedItem), n);
  for (guint s = 0; s < places->n_stages; s++)
    g_array_append_vals (placed, placer->buckets[s]->data, placer->buckets[s]->len);
  placer_clear (placer);

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

/* The job's steps, in order; the ones over items go a chunk at a time. */
typedef enum
{
  STEP_PLACE,
  STEP_PERSONAS,
  STEP_STAGES,
  STEP_ANSWERED,
  STEP_COUNT,
  STEP_CHANNELS,
  STEP_MOMENTS,
  STEP_PAIN_CHECKS,
  STEP_RATIONALE_CHECKS,
  STEP_LAST_CHECKS,
  STEP_OPPORTUNITIES,
  STEP_SORT,
  STEP_COMPARE,
  STEP_COMPARE_PLACE,
  STEP_REMOVED,
  STEP_DONE,
} Step;

/**
 * JmInsightsJob:
 *
 * The insights of a map computed a slice at a time, so that a window can
 * compute them between the events of its main loop without holding one up
 * for longer than a slice: jm_insights_job_step() until it returns %TRUE,
 * then jm_insights_job_finish(). The map must not change meanwhile (a
 * window drops the job at the first change and starts another).
 * jm_insights_compute() is the same job in one go.
 */
struct _JmInsightsJob
{
  JmDocument    *document;
  JmLayer       *layer;
  Places         places;
  JmInsights    *insights;
  Step           step;
  guint          cursor;    /* the next item of a step over items */
  Placer         placer;
  GArray        *items;     /* PlacedItem of the state, in map order */
  GArray        *current;   /* PlacedItem of the current state, for the comparison */
  GHashTable    *answered;  /* ids of pain points an opportunity answers */
  guint          channel_counts[JM_CHANNEL_OTHER + 1];
};

typedef void (*ItemFunc) (JmInsightsJob *job,
                          PlacedItem    *placed);

/* Runs @func on @items from the job's cursor on; returns whether it got
 * to the end before @deadline. */
static gboolean
run_items (JmInsightsJob *job,
           GArray        *items,
           ItemFunc       func,
           gint64         deadline)
{
  while (job->cursor < items->len)
    {
      guint end = MIN (job->cursor + CHUNK, items->len);

      for (; job->cursor < end; job->cursor++)
        func (job, &g_array_index (items, PlacedItem, job->cursor));
      if (job->cursor < items->len && g_get_monotonic_time () >= deadline)
        return FALSE;
    }

  return TRUE;
}

static void
start_stages (JmInsightsJob *job)
{
  Places *places = &job->places;
  JmObjectStore *stages = jm_document_get_stages (places->document);
  g_autofree JmInsightCurve *curves = g_new0 (JmInsightCurve, places->n_stages * places->n_personas);

  compute_curves (places, job->layer, curves);

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
      g_ptr_array_add (job->insights->stages, entry);
    }
}

static void
count_item (JmInsightsJob *job,
            PlacedItem    *placed)
{
  JmInsightStage *entry = g_ptr_array_index (job->insights->stages, placed->stage);
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
        job->channel_counts[channel]++;
      break;
    case JM_ITEM_KIND_CARD:
    case JM_ITEM_KIND_IMAGE:
    case JM_ITEM_KIND_NOTE:
    default:
      break;
    }
}

static void
add_channels (JmInsightsJob *job)
{
  for (guint c = 0; c <= JM_CHANNEL_OTHER; c++)
    {
      JmInsightChannel entry = { c, job->channel_counts[c] };

      if (job->channel_counts[c] > 0)
        g_array_append_val (job->insights->channels, entry);
    }
}

static void
moment_item (JmInsightsJob *job,
             PlacedItem    *placed)
{
  JmItem *item = placed->item;
  JmInsightMoment *moment;

  if (jm_item_get_moment (item) == JM_MOMENT_KIND_NONE)
    return;

  moment = g_new0 (JmInsightMoment, 1);
  moment->item_id = g_strdup (jm_object_get_id (JM_OBJECT (item)));
  moment->title = g_strdup (item_name (item));
  moment->stage_id = g_strdup (jm_item_get_stage_id (item));
  moment->kind = jm_item_get_moment (item);
  if (moment->kind == JM_MOMENT_KIND_CUSTOM && !text_is_blank (jm_item_get_moment_label (item)))
    moment->label = g_strdup (jm_item_get_moment_label (item));
  if (!text_is_blank (jm_item_get_moment_rationale (item)))
    moment->rationale = g_strdup (jm_item_get_moment_rationale (item));
  g_ptr_array_add (job->insights->moments, moment);
}

/* A stage with no emotion point: per persona, since each persona has a
 * curve of its own; a map without personas can have no points at all. */
static void
add_emotion_checks (JmInsightsJob *job)
{
  Places *places = &job->places;
  JmObjectStore *stages = jm_document_get_stages (places->document);
  JmObjectStore *personas = jm_document_get_personas (places->document);
  JmInsights *insights = job->insights;

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
}

static void
pain_check_item (JmInsightsJob *job,
                 PlacedItem    *placed)
{
  const char *id = jm_object_get_id (JM_OBJECT (placed->item));
  JmStage *stage;

  if (jm_item_get_kind (placed->item) != JM_ITEM_KIND_PAIN_POINT || g_hash_table_contains (job->answered, id))
    return;

  stage = jm_object_store_get_object (jm_document_get_stages (job->document), placed->stage);
  add_check (job->insights, JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT, id, jm_item_get_stage_id (placed->item),
             NULL,
             g_strdup_printf (_("Pain point “%s” in “%s” has no opportunity linked to it."),
                              item_name (placed->item), stage_name (stage)));
}

static void
rationale_check_item (JmInsightsJob *job,
                      PlacedItem    *placed)
{
  JmStage *stage;

  if (jm_item_get_moment (placed->item) == JM_MOMENT_KIND_NONE ||
      !text_is_blank (jm_item_get_moment_rationale (placed->item)))
    return;

  stage = jm_object_store_get_object (jm_document_get_stages (job->document), placed->stage);
  add_check (job->insights, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE,
             jm_object_get_id (JM_OBJECT (placed->item)), jm_item_get_stage_id (placed->item), NULL,
             g_strdup_printf (_("Moment of Truth “%s” in “%s” has no rationale."),
                              item_name (placed->item), stage_name (stage)));
}

static void
add_last_checks (JmInsightsJob *job)
{
  Places *places = &job->places;
  JmObjectStore *stages = jm_document_get_stages (places->document);
  JmObjectStore *personas = jm_document_get_personas (places->document);
  JmInsights *insights = job->insights;

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
opportunity_item (JmInsightsJob *job,
                  PlacedItem    *placed)
{
  JmItem *item = placed->item;
  JmInsightOpportunity *opportunity;

  if (jm_item_get_kind (item) != JM_ITEM_KIND_OPPORTUNITY)
    return;

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
  g_ptr_array_add (job->insights->opportunities, opportunity);
}

/* Returns whether there is a future state to compare with; if so, adds
 * the change of each stage's and persona's mean. */
static gboolean
start_comparison (JmInsightsJob *job)
{
  Places *places = &job->places;
  JmLayer *current = jm_document_get_layer (places->document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (places->document, JM_LAYER_STATE_FUTURE);
  JmObjectStore *stages = jm_document_get_stages (places->document);
  JmObjectStore *personas = jm_document_get_personas (places->document);
  g_autofree JmInsightCurve *before = NULL;
  g_autofree JmInsightCurve *after = NULL;

  if (jm_layer_is_empty (future))
    return FALSE;

  job->insights->compared = TRUE;
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
          g_ptr_array_add (job->insights->changes, change);
        }
    }

  return TRUE;
}

/* A pain point removed: the future state has no pain point of its id
 * (the future state starts as a copy of the current one, ids and all). */
static void
removed_item (JmInsightsJob *job,
              PlacedItem    *placed)
{
  JmItem *item = placed->item;
  const char *id = jm_object_get_id (JM_OBJECT (item));
  JmItem *later;
  JmInsightRemoved *removed;

  if (jm_item_get_kind (item) != JM_ITEM_KIND_PAIN_POINT)
    return;

  later = jm_layer_lookup_item (jm_document_get_layer (job->document, JM_LAYER_STATE_FUTURE), id);
  if (later != NULL && jm_item_get_kind (later) == JM_ITEM_KIND_PAIN_POINT)
    return;

  removed = g_new0 (JmInsightRemoved, 1);
  removed->item_id = g_strdup (id);
  removed->title = g_strdup (item_name (item));
  removed->stage_id = g_strdup (jm_item_get_stage_id (item));
  g_ptr_array_add (job->insights->removed, removed);
}

/**
 * jm_insights_job_new:
 * @document: a map, which must not change until the job is done
 * @state: the state whose figures and checks to compute
 *
 * Returns: (transfer full): a job that computes what jm_insights_compute()
 *   does, a slice at a time; free with jm_insights_job_free()
 */
JmInsightsJob *
jm_insights_job_new (JmDocument   *document,
                     JmLayerState  state)
{
  JmInsightsJob *job;
  JmInsights *insights;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (state == JM_LAYER_STATE_CURRENT || state == JM_LAYER_STATE_FUTURE, NULL);

  job = g_new0 (JmInsightsJob, 1);
  job->document = g_object_ref (document);
  job->layer = jm_document_get_layer (document, state);
  job->insights = insights = g_new0 (JmInsights, 1);
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

  places_init (&job->places, document);
  placer_start (&job->placer, &job->places, job->layer);
  job->step = STEP_PLACE;

  return job;
}

/**
 * jm_insights_job_step:
 * @budget_us: about how long the slice may take, in microseconds (a
 *   slice does at least one chunk of work); negative: until done
 *
 * Returns: whether the job is done
 */
gboolean
jm_insights_job_step (JmInsightsJob *job,
                      gint64         budget_us)
{
  gint64 deadline;

  g_return_val_if_fail (job != NULL, TRUE);

  deadline = budget_us < 0 ? G_MAXINT64 : g_get_monotonic_time () + budget_us;
  while (job->step != STEP_DONE)
    {
      switch (job->step)
        {
        case STEP_PLACE:
          if (!placer_step (&job->placer, &job->places, deadline))
            return FALSE;
          job->items = placer_finish (&job->placer, &job->places);
          break;
        case STEP_PERSONAS:
          compute_personas (job->insights, &job->places, job->layer);
          break;
        case STEP_STAGES:
          start_stages (job);
          break;
        case STEP_ANSWERED:
          job->answered = dup_answered_pain_points (job->layer);
          break;
        case STEP_COUNT:
          if (!run_items (job, job->items, count_item, deadline))
            return FALSE;
          break;
        case STEP_CHANNELS:
          add_channels (job);
          add_emotion_checks (job);
          break;
        case STEP_MOMENTS:
          if (!run_items (job, job->items, moment_item, deadline))
            return FALSE;
          break;
        case STEP_PAIN_CHECKS:
          if (!run_items (job, job->items, pain_check_item, deadline))
            return FALSE;
          break;
        case STEP_RATIONALE_CHECKS:
          if (!run_items (job, job->items, rationale_check_item, deadline))
            return FALSE;
          break;
        case STEP_LAST_CHECKS:
          add_last_checks (job);
          break;
        case STEP_OPPORTUNITIES:
          if (!run_items (job, job->items, opportunity_item, deadline))
            return FALSE;
          break;
        case STEP_SORT:
          /* g_ptr_array_sort () is stable (GLib sorts with a merge sort) */
          g_ptr_array_sort (job->insights->opportunities, compare_priority);
          break;
        case STEP_COMPARE:
          if (!start_comparison (job))
            {
              job->step = STEP_DONE;
              continue;
            }
          placer_start (&job->placer, &job->places,
                        jm_document_get_layer (job->document, JM_LAYER_STATE_CURRENT));
          break;
        case STEP_COMPARE_PLACE:
          if (!placer_step (&job->placer, &job->places, deadline))
            return FALSE;
          job->current = placer_finish (&job->placer, &job->places);
          break;
        case STEP_REMOVED:
          if (!run_items (job, job->current, removed_item, deadline))
            return FALSE;
          break;
        case STEP_DONE:
        default:
          g_assert_not_reached ();
        }

      job->step++;
      job->cursor = 0;
      if (job->step != STEP_DONE && g_get_monotonic_time () >= deadline)
        return FALSE;
    }

  return TRUE;
}

/**
 * jm_insights_job_finish:
 *
 * Returns: (transfer full): the insights of a job that is done; free with
 *   jm_insights_free()
 */
JmInsights *
jm_insights_job_finish (JmInsightsJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  g_return_val_if_fail (job->step == STEP_DONE, NULL);

  return g_steal_pointer (&job->insights);
}

/**
 * jm_insights_job_free:
 * @job: (transfer full) (nullable): a job, done or not
 */
void
jm_insights_job_free (JmInsightsJob *job)
{
  if (job == NULL)
    return;

  placer_clear (&job->placer);
  places_clear (&job->places);
  g_clear_pointer (&job->items, g_array_unref);
  g_clear_pointer (&job->current, g_array_unref);
  g_clear_pointer (&job->answered, g_hash_table_unref);
  g_clear_pointer (&job->insights, jm_insights_free);
  g_clear_object (&job->document);
  g_free (job);
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
  g_autoptr(JmInsightsJob) job = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (state == JM_LAYER_STATE_CURRENT || state == JM_LAYER_STATE_FUTURE, NULL);

  job = jm_insights_job_new (document, state);
  jm_insights_job_step (job, -1);

  return jm_insights_job_finish (job);
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
