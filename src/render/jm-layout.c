/* jm-layout.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-layout.h"
#include "jm-layout-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jm-text-measures.h"
#include "jm-theme.h"

/* The layout turns the model into geometry once, and keeps it: the canvas,
 * the exports and hit-testing all read it. Items are stacked in their cells
 * with positions relative to the cell, so when one item grows only its cell
 * is restacked and the rows below just move; nothing is proportional to the
 * size of the map but a full rebuild after a structural change. */

typedef struct
{
  guint  key;
  double title_height;
  double body_height;
} MeasureEntry;

G_DEFINE_FINAL_TYPE (JmLayout, jm_layout, G_TYPE_OBJECT)

/* Helpers {{{ */

static guint
jm_layout_n_cells (JmLayout *self)
{
  return self->stages->len * self->lanes->len;
}

static GArray *
jm_layout_cell (JmLayout *self,
                guint     stage_index,
                guint     lane_index)
{
  return self->cells[stage_index * self->lanes->len + lane_index];
}

static void
jm_layout_free_cells (JmLayout *self)
{
  if (self->cells == NULL)
    return;

  for (guint i = 0; self->cells[i] != NULL; i++)
    g_array_unref (self->cells[i]);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->cell_heights, g_free);
}

JmLayer *
_jm_layout_get_primary_layer (JmLayout *self)
{
  JmLayer *future = jm_document_get_layer (self->document, JM_LAYER_STATE_FUTURE);

  if (self->mode == JM_LAYER_MODE_CURRENT ||
      (self->mode == JM_LAYER_MODE_BOTH && jm_layer_is_empty (future)))
    return jm_document_get_layer (self->document, JM_LAYER_STATE_CURRENT);

  return future;
}

/* The other layer is shown ghosted only when both are, and the future
 * state has been started. */
static JmLayer *
jm_layout_get_ghost_layer (JmLayout *self)
{
  JmLayer *primary = _jm_layout_get_primary_layer (self);

  if (self->mode != JM_LAYER_MODE_BOTH || jm_layer_get_state (primary) != JM_LAYER_STATE_FUTURE)
    return NULL;

  return jm_document_get_layer (self->document, JM_LAYER_STATE_CURRENT);
}

static double
jm_layout_lane_min_height (JmLane *lane)
{
  double height = jm_lane_get_height (lane);

  if (height <= 0.0)
    height = jm_lane_kind_default_height (jm_lane_get_kind (lane));

  return height;
}

static gboolean
jm_item_has_caption (JmItem *item)
{
  switch (jm_item_get_kind (item))
    {
    case JM_ITEM_KIND_TOUCHPOINT:
    case JM_ITEM_KIND_PAIN_POINT:
    case JM_ITEM_KIND_OPPORTUNITY:
      return TRUE;
    case JM_ITEM_KIND_CARD:
    case JM_ITEM_KIND_IMAGE:
    case JM_ITEM_KIND_NOTE:
    default:
      return FALSE;
    }
}

static double
jm_layout_item_width (JmLayout *self,
                      guint     stage_index)
{
  const JmStageBox *stage = &g_array_index (self->stages, JmStageBox, stage_index);

  return MAX (stage->width - 2 * JM_CELL_PADDING, 10.0);
}

static guint
jm_layout_measure_key (JmItem *item,
                       double  width)
{
  guint key = g_str_hash (jm_item_get_title (item) ? jm_item_get_title (item) : "");

  key = key * 31 + g_str_hash (jm_item_get_body (item) ? jm_item_get_body (item) : "");
  key = key * 31 + jm_item_get_kind (item);
  key = key * 31 + (guint) (width * 16);
  key = key * 31 + (jm_item_get_image (item) != NULL);

  return key;
}

/* The width the text of an item in this column wraps at. */
static double
jm_layout_text_width (JmLayout *self,
                      guint     stage_index)
{
  return jm_layout_item_width (self, stage_index) - 2 * JM_ITEM_PADDING - JM_ITEM_ACCENT;
}

#define JM_TITLE_MAX_LINES 4

static void
measure_entry_fill (JmLayout     *self,
                    MeasureEntry *entry,
                    JmItem       *item,
                    double        width)
{
  entry->title_height = jm_text_measures_measure (self->texts, self->pango, JM_FONT_ITEM_TITLE,
                                                  jm_item_get_title (item), width, JM_TITLE_MAX_LINES);
  entry->body_height = jm_text_measures_measure (self->texts, self->pango, JM_FONT_ITEM_BODY,
                                                 jm_item_get_body (item), width, JM_BODY_MAX_LINES);
}

/* Measuring text is the costly part of a layout: results are kept per
 * item and reused while its text and width stay the same. */
static void
jm_layout_measure_item (JmLayout  *self,
                        JmItemBox *box)
{
  double width = jm_layout_text_width (self, box->stage_index);
  guint key = jm_layout_measure_key (box->item, width);
  MeasureEntry *entry = g_hash_table_lookup (self->measures, box->item);
  double height;

  if (entry == NULL || entry->key != key)
    {
      if (entry == NULL)
        {
          entry = g_new0 (MeasureEntry, 1);
          g_hash_table_insert (self->measures, box->item, entry);
        }
      entry->key = key;
      measure_entry_fill (self, entry, box->item, width);
    }

  box->measure_key = key;
  box->title_height = entry->title_height;
  box->body_height = entry->body_height;

  height = 2 * JM_ITEM_PADDING + box->title_height;
  if (jm_item_has_caption (box->item))
    height += JM_CAPTION_HEIGHT + JM_TEXT_GAP;
  if (box->body_height > 0)
    height += JM_TEXT_GAP + box->body_height;
  if (jm_item_get_kind (box->item) == JM_ITEM_KIND_IMAGE)
    height += JM_IMAGE_HEIGHT + JM_TEXT_GAP;

  box->height = MAX (height, JM_ITEM_MIN_HEIGHT);
}

/* }}} */

/* Building {{{ */

static double
jm_layout_measure_persona (JmLayout  *self,
                           JmPersona *persona)
{
  double text_width = JM_PERSONA_WIDTH - 2 * JM_ITEM_PADDING - 48.0;
  double height = JM_ITEM_PADDING;

  height += jm_theme_measure_text (self->pango, JM_FONT_HEADING, jm_persona_get_name (persona), text_width, 1);
  height += jm_theme_measure_text (self->pango, JM_FONT_SUBHEADING, jm_persona_get_role (persona), text_width, 1);
  height += JM_TEXT_GAP;
  height += jm_theme_measure_text (self->pango, JM_FONT_ITEM_BODY, jm_persona_get_goals (persona),
                                   JM_PERSONA_WIDTH - 2 * JM_ITEM_PADDING, 3);
  height += JM_TEXT_GAP;
  height += jm_theme_measure_text (self->pango, JM_FONT_ITEM_BODY, jm_persona_get_frustrations (persona),
                                   JM_PERSONA_WIDTH - 2 * JM_ITEM_PADDING, 3);
  height += JM_ITEM_PADDING + 2 * JM_CAPTION_HEIGHT;

  return MAX (height, 64.0);
}

static void
jm_layout_build_header (JmLayout *self)
{
  JmObjectStore *personas = jm_document_get_personas (self->document);
  double text_width = MAX (self->width - 2 * JM_MAP_MARGIN, 400.0);
  double y = JM_MAP_MARGIN;
  double x = JM_MAP_MARGIN;
  double row_height = 0.0;

  self->title_height = jm_theme_measure_text (self->pango, JM_FONT_MAP_TITLE,
                                              jm_document_get_title (self->document),
                                              text_width, 2);
  self->description_height = jm_theme_measure_text (self->pango, JM_FONT_MAP_DESCRIPTION,
                                                    jm_document_get_description (self->document),
                                                    MIN (text_width, 900.0), 4);
  self->meta_height = JM_CAPTION_HEIGHT;
  self->title_rect = (JmRect) { JM_MAP_MARGIN, y, text_width,
                                self->title_height + JM_TEXT_GAP + self->description_height +
                                JM_TEXT_GAP + self->meta_height };
  y += self->title_rect.height + JM_HEADER_GAP;

  g_array_set_size (self->personas, 0);
  for (guint i = 0; i < jm_object_store_get_n_objects (personas); i++)
    {
      JmPersonaBox box = { jm_object_store_get_object (personas, i) };
      double height = jm_layout_measure_persona (self, box.persona);

      if (x + JM_PERSONA_WIDTH > self->width - JM_MAP_MARGIN && x > JM_MAP_MARGIN)
        {
          x = JM_MAP_MARGIN;
          y += row_height + 12.0;
          row_height = 0.0;
        }
      box.rect = (JmRect) { x, y, JM_PERSONA_WIDTH, height };
      g_array_append_val (self->personas, box);
      x += JM_PERSONA_WIDTH + 12.0;
      row_height = MAX (row_height, height);
    }
  if (self->personas->len > 0)
    y += row_height + JM_HEADER_GAP;

  self->grid_y = y;
}

static void
jm_layout_build_columns (JmLayout *self)
{
  JmObjectStore *stages = jm_document_get_stages (self->document);
  guint n_stages = jm_object_store_get_n_objects (stages);
  double x = JM_MAP_MARGIN + JM_LANE_HEADER_WIDTH;
  double header_height = JM_STAGE_HEADER_MIN;

  self->grid_x = x;
  g_array_set_size (self->stages, 0);
  for (guint i = 0; i < n_stages; i++)
    {
      JmStageBox box = { jm_object_store_get_object (stages, i) };
      double text_width;

      box.x = x;
      box.width = jm_stage_get_width (box.stage);
      text_width = box.width - 2 * JM_CELL_PADDING;
      /* Band, number line, name, description, and the duration line. */
      header_height = MAX (header_height,
                           JM_STAGE_BAND + 2 * JM_CELL_PADDING + 2 * JM_CAPTION_HEIGHT + JM_TEXT_GAP +
                           jm_theme_measure_text (self->pango, JM_FONT_HEADING,
                                                  jm_stage_get_name (box.stage), text_width, 2) +
                           jm_theme_measure_text (self->pango, JM_FONT_SUBHEADING,
                                                  jm_stage_get_description (box.stage), text_width, 3));
      g_array_append_val (self->stages, box);
      x += box.width;
    }

  self->stage_header_height = header_height;
  self->width = x + JM_MAP_MARGIN;
}

static void
jm_layout_add_item (JmLayout *self,
                    JmItem   *item,
                    JmDiff    diff)
{
  int stage_index = jm_document_get_stage_index (self->document, jm_item_get_stage_id (item));
  JmLane *lane = jm_document_lookup_lane (self->document, jm_item_get_lane_id (item));
  guint lane_index;
  JmItemBox box = { item };

  if (stage_index < 0 || lane == NULL ||
      !jm_object_store_find (jm_document_get_lanes (self->document), JM_OBJECT (lane), &lane_index))
    return;

  box.stage_index = stage_index;
  box.lane_index = lane_index;
  box.diff = diff;
  jm_layout_measure_item (self, &box);

  g_array_append_val (self->items, box);
  g_hash_table_insert (self->item_boxes, item, GUINT_TO_POINTER (self->items->len));
  g_array_append_val (jm_layout_cell (self, stage_index, lane_index), (guint) { self->items->len - 1 });
}

static JmDiff
jm_layout_diff_of (JmLayout *self,
                   JmItem   *item,
                   JmLayer  *ghost_layer)
{
  JmItem *counterpart;

  if (ghost_layer == NULL)
    return JM_DIFF_NONE;

  counterpart = jm_layer_lookup_item (ghost_layer, jm_object_get_id (JM_OBJECT (item)));
  if (counterpart == NULL)
    return JM_DIFF_ADDED;

  return jm_object_equal (JM_OBJECT (item), JM_OBJECT (counterpart)) ? JM_DIFF_NONE : JM_DIFF_CHANGED;
}

/* Parallel measuring {{{ */

/* One text to measure: each distinct text of a pass is measured once, by
 * one of the threads, however many cards show it. */
typedef struct
{
  JmFont      font;
  int         max_lines;
  double      width;
  const char *text;
  double      height;
} TextJob;

typedef struct
{
  JmItem       *item;
  double        width;
  MeasureEntry  entry;
  int           title_job;   /* index in the jobs, or -1: entry has it */
  int           body_job;
} PendingMeasure;

typedef struct
{
  TextJob *jobs;
  guint    n;
} MeasureChunk;

static guint
text_job_hash (gconstpointer data)
{
  const TextJob *job = data;

  return g_str_hash (job->text) * 31 + (guint) job->font + (guint) (job->width * 16);
}

static gboolean
text_job_equal (gconstpointer a,
                gconstpointer b)
{
  const TextJob *ja = a, *jb = b;

  return ja->font == jb->font && ja->max_lines == jb->max_lines && ja->width == jb->width &&
         g_str_equal (ja->text, jb->text);
}

static void
measure_chunk (PangoContext       *pango,
               const MeasureChunk *chunk)
{
  for (guint i = 0; i < chunk->n; i++)
    chunk->jobs[i].height = jm_theme_measure_text (pango, chunk->jobs[i].font, chunk->jobs[i].text,
                                                   chunk->jobs[i].width, chunk->jobs[i].max_lines);
}

/* A worker measures with a context of its own thread's font map: PangoCairo
 * gives each thread its own, so nothing is shared with the main thread. */
static gpointer
measure_chunk_thread (gpointer data)
{
  PangoContext *pango = jm_theme_create_pango_context ();

  measure_chunk (pango, data);
  g_object_unref (pango);
  return NULL;
}

/* Items in @items whose text has no valid measure yet. */
static GArray *
jm_layout_collect_pending (JmLayout  *self,
                           GPtrArray *items)
{
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (PendingMeasure));

  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = items->pdata[i];
      int stage_index = jm_document_get_stage_index (self->document, jm_item_get_stage_id (item));
      PendingMeasure measure = { item };
      MeasureEntry *entry;

      if (stage_index < 0)
        continue;

      measure.width = jm_layout_text_width (self, stage_index);
      measure.entry.key = jm_layout_measure_key (item, measure.width);
      entry = g_hash_table_lookup (self->measures, item);
      if (entry == NULL || entry->key != measure.entry.key)
        g_array_append_val (pending, measure);
    }

  return pending;
}

/* The height of one text of a pending card: known already (@height set,
 * -1 returned), or the index of the job that measures it, added to @jobs
 * unless another card of the pass has the same text. */
static int
jm_layout_text_job (JmLayout   *self,
                    GArray     *jobs,
                    GHashTable *job_indexes,
                    JmFont      font,
                    const char *text,
                    double      width,
                    int         max_lines,
                    double     *height)
{
  TextJob job = { font, max_lines, width, text, 0.0 };
  gpointer index;

  *height = 0.0;
  if (text == NULL || *text == '\0' ||
      jm_text_measures_lookup (self->texts, font, text, width, max_lines, height))
    return -1;

  if (g_hash_table_lookup_extended (job_indexes, &job, NULL, &index))
    return GPOINTER_TO_INT (index);

  g_array_append_val (jobs, job);
  /* Keys point into @jobs, so it is sized for every text beforehand. */
  g_hash_table_insert (job_indexes, &g_array_index (jobs, TextJob, jobs->len - 1),
                       GINT_TO_POINTER ((int) jobs->len - 1));
  return (int) jobs->len - 1;
}

/* Opening a large map measures every card's text: each distinct text is
 * measured once, the work shared out among the processors, and each card's
 * measure lands in the cache that adding the items then reads. Small
 * batches stay on the main thread, where starting threads would cost more
 * than it saves. */
static void
jm_layout_premeasure (JmLayout  *self,
                      GPtrArray *items)
{
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GArray) jobs = NULL;
  g_autoptr(GHashTable) job_indexes = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_chunks = CLAMP (g_get_num_processors (), 1, 8);
  MeasureChunk chunks[8];
  guint per_chunk;

  if (items->len < self->parallel_threshold || n_chunks < 2)
    return;

  pending = jm_layout_collect_pending (self, items);
  if (pending->len < self->parallel_threshold)
    return;

  jobs = g_array_sized_new (FALSE, FALSE, sizeof (TextJob), 2 * pending->len);
  job_indexes = g_hash_table_new (text_job_hash, text_job_equal);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingMeasure *measure = &g_array_index (pending, PendingMeasure, i);

      measure->title_job = jm_layout_text_job (self, jobs, job_indexes, JM_FONT_ITEM_TITLE,
                                               jm_item_get_title (measure->item), measure->width,
                                               JM_TITLE_MAX_LINES, &measure->entry.title_height);
      measure->body_job = jm_layout_text_job (self, jobs, job_indexes, JM_FONT_ITEM_BODY,
                                              jm_item_get_body (measure->item), measure->width,
                                              JM_BODY_MAX_LINES, &measure->entry.body_height);
    }

  per_chunk = (jobs->len + n_chunks - 1) / n_chunks;
  for (guint c = 0; c < n_chunks && jobs->len > 0; c++)
    {
      guint start = MIN (c * per_chunk, jobs->len);

      chunks[c].jobs = &g_array_index (jobs, TextJob, start);
      chunks[c].n = MIN (per_chunk, jobs->len - start);
      if (c > 0 && chunks[c].n > 0)
        g_ptr_array_add (threads, g_thread_new ("jm-measure", measure_chunk_thread, &chunks[c]));
    }

  if (jobs->len > 0)
    measure_chunk (self->pango, &chunks[0]);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);

  for (guint j = 0; j < jobs->len; j++)
    {
      const TextJob *job = &g_array_index (jobs, TextJob, j);

      jm_text_measures_insert (self->texts, job->font, job->text, job->width, job->max_lines, job->height);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingMeasure *measure = &g_array_index (pending, PendingMeasure, i);

      if (measure->title_job >= 0)
        measure->entry.title_height = g_array_index (jobs, TextJob, measure->title_job).height;
      if (measure->body_job >= 0)
        measure->entry.body_height = g_array_index (jobs, TextJob, measure->body_job).height;
      g_hash_table_insert (self->measures, measure->item, g_memdup2 (&measure->entry, sizeof (MeasureEntry)));
    }
}

/* }}} */

/* The items the layout shows: those of the primary layer, then the ghosts
 * of what the future state removes. */
static GPtrArray *
jm_layout_shown_items (JmLayout *self,
                       JmLayer  *primary,
                       JmLayer  *ghost)
{
  JmObjectStore *items = jm_layer_get_items (primary);
  GPtrArray *shown = g_ptr_array_sized_new (jm_object_store_get_n_objects (items));

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    g_ptr_array_add (shown, jm_object_store_get_object (items, i));

  if (ghost != NULL)
    {
      JmObjectStore *ghost_items = jm_layer_get_items (ghost);

      for (guint i = 0; i < jm_object_store_get_n_objects (ghost_items); i++)
        {
          JmItem *item = jm_object_store_get_object (ghost_items, i);

          if (jm_layer_lookup_item (primary, jm_object_get_id (JM_OBJECT (item))) == NULL)
            g_ptr_array_add (shown, item);
        }
    }

  return shown;
}

static void
jm_layout_build_items (JmLayout *self)
{
  JmLayer *primary = _jm_layout_get_primary_layer (self);
  JmLayer *ghost = jm_layout_get_ghost_layer (self);
  g_autoptr(GPtrArray) shown = jm_layout_shown_items (self, primary, ghost);
  guint n_primary = jm_object_store_get_n_objects (jm_layer_get_items (primary));
  guint n_cells;

  jm_layout_free_cells (self);
  n_cells = jm_layout_n_cells (self);
  self->cells = g_new0 (GArray *, n_cells + 1);
  self->cell_heights = g_new0 (double, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    self->cells[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->item_boxes);

  jm_layout_premeasure (self, shown);

  /* What the future removes stays in view, ghosted, after the rest. */
  for (guint i = 0; i < shown->len; i++)
    {
      JmItem *item = shown->pdata[i];

      jm_layout_add_item (self, item, i < n_primary ? jm_layout_diff_of (self, item, ghost) : JM_DIFF_REMOVED);
    }
}

/* Linked pairs {{{ */

static void
jm_item_pair_init (JmItemPair *pair,
                   JmItem     *a,
                   JmItem     *b)
{
  /* One key for both directions of a link. */
  pair->first = (guintptr) a < (guintptr) b ? a : b;
  pair->second = (guintptr) a < (guintptr) b ? b : a;
}

static guint
jm_item_pair_hash (gconstpointer data)
{
  const JmItemPair *pair = data;

  return g_direct_hash (pair->first) * 31 + g_direct_hash (pair->second);
}

static gboolean
jm_item_pair_equal (gconstpointer a,
                    gconstpointer b)
{
  const JmItemPair *pa = a, *pb = b;

  return pa->first == pb->first && pa->second == pb->second;
}

static GHashTable *
jm_item_pair_set_new (void)
{
  return g_hash_table_new_full (jm_item_pair_hash, jm_item_pair_equal, g_free, NULL);
}

/* The pairs of cards in one cell that a link of the shown state joins, in
 * one pass over the links: stacking then asks the set about each card and
 * the one below it, rather than looking through the links for each card. */
static GHashTable *
jm_layout_collect_linked_pairs (JmLayout *self)
{
  JmLayer *layer = _jm_layout_get_primary_layer (self);
  JmObjectStore *links = jm_layer_get_links (layer);
  GHashTable *pairs = jm_item_pair_set_new ();

  for (guint i = 0; i < jm_object_store_get_n_objects (links); i++)
    {
      JmLink *link = jm_object_store_get_object (links, i);
      JmItem *from = jm_layer_lookup_item (layer, jm_link_get_from_id (link));
      JmItem *to = jm_layer_lookup_item (layer, jm_link_get_to_id (link));
      guint from_index, to_index;
      const JmItemBox *a, *b;
      JmItemPair *pair;

      if (from == NULL || to == NULL || from == to)
        continue;
      from_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, from));
      to_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, to));
      if (from_index == 0 || to_index == 0)
        continue;

      /* Only cards of one cell can stand next to each other. */
      a = &g_array_index (self->items, JmItemBox, from_index - 1);
      b = &g_array_index (self->items, JmItemBox, to_index - 1);
      if (a->stage_index != b->stage_index || a->lane_index != b->lane_index)
        continue;

      pair = g_new (JmItemPair, 1);
      jm_item_pair_init (pair, from, to);
      g_hash_table_add (pairs, pair);
    }

  return pairs;
}

/* The gap between two cards that stand one above the other in a cell. */
static double
jm_layout_item_gap (JmLayout *self,
                    JmItem   *above,
                    JmItem   *below)
{
  JmItemPair pair;

  if (g_hash_table_size (self->linked_pairs) == 0)
    return JM_ITEM_GAP;

  jm_item_pair_init (&pair, above, below);
  return g_hash_table_contains (self->linked_pairs, &pair) ? JM_LINKED_ITEM_GAP : JM_ITEM_GAP;
}

static void
jm_layout_mark_cell_of (JmLayout *self,
                        JmItem   *item)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, item));
  const JmItemBox *box;

  if (index == 0)
    {
      self->needs_rebuild = TRUE;
      return;
    }

  box = &g_array_index (self->items, JmItemBox, index - 1);
  g_hash_table_add (self->dirty_cells,
                    GUINT_TO_POINTER (box->stage_index * self->lanes->len + box->lane_index + 1));
}

/* Links were added, removed or changed: the cells of the pairs that gained
 * or lost a link are stacked again, as their gaps change. Finding them is
 * one pass over the links, as routing them is. */
static void
jm_layout_update_linked_pairs (JmLayout *self)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->linked_pairs);
  GHashTableIter iter;
  JmItemPair *pair;

  self->linked_pairs = jm_layout_collect_linked_pairs (self);

  g_hash_table_iter_init (&iter, self->linked_pairs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &pair, NULL))
    if (!g_hash_table_contains (old, pair))
      jm_layout_mark_cell_of (self, pair->first);

  /* A pair that lost its link: its cards are still laid out (removing a
   * card rebuilds everything), so their boxes say where they are. */
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, (gpointer *) &pair, NULL))
    if (!g_hash_table_contains (self->linked_pairs, pair))
      jm_layout_mark_cell_of (self, pair->first);
}

/* }}} */

static double
jm_layout_stack_cell (JmLayout *self,
                      GArray   *cell)
{
  const JmItemBox *above = NULL;
  double y = 0.0;

  for (guint i = 0; i < cell->len; i++)
    {
      JmItemBox *box = &g_array_index (self->items, JmItemBox, g_array_index (cell, guint, i));

      if (above != NULL)
        y += above->height + jm_layout_item_gap (self, above->item, box->item);
      box->rel_y = y;
      above = box;
    }

  return above != NULL ? y + above->height : 0.0;
}

/* A row's height from the heights of its cells, as they were stacked
 * last. */
static void
jm_layout_size_row (JmLayout *self,
                    guint     lane_index)
{
  JmLaneBox *row = &g_array_index (self->lanes, JmLaneBox, lane_index);
  double band = (int) lane_index == self->curve_lane ? JM_CURVE_BAND_HEIGHT : 0.0;
  double content = 0.0;

  for (guint s = 0; s < self->stages->len; s++)
    content = MAX (content, self->cell_heights[s * self->lanes->len + lane_index]);

  row->height = MAX (jm_layout_lane_min_height (row->lane),
                     band + content + (content > 0 ? 2 * JM_CELL_PADDING : 0.0));
  row->items_top = band;
}

static void
jm_layout_update_row (JmLayout *self,
                      guint     lane_index)
{
  for (guint s = 0; s < self->stages->len; s++)
    self->cell_heights[s * self->lanes->len + lane_index] =
      jm_layout_stack_cell (self, jm_layout_cell (self, s, lane_index));

  jm_layout_size_row (self, lane_index);
}

static void
jm_layout_place_rows (JmLayout *self)
{
  double y = self->grid_y + self->stage_header_height;

  self->rows_y = y;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      JmLaneBox *row = &g_array_index (self->lanes, JmLaneBox, i);

      row->y = y;
      y += row->height;
    }

  self->height = y + JM_MAP_MARGIN;
}

static void
jm_layout_build_rows (JmLayout *self)
{
  JmObjectStore *lanes = jm_document_get_lanes (self->document);

  self->curve_lane = -1;
  g_array_set_size (self->lanes, 0);
  for (guint i = 0; i < jm_object_store_get_n_objects (lanes); i++)
    {
      JmLaneBox row = { jm_object_store_get_object (lanes, i) };

      if (self->curve_lane < 0 && jm_lane_get_kind (row.lane) == JM_LANE_KIND_EMOTIONS)
        self->curve_lane = (int) i;
      g_array_append_val (self->lanes, row);
    }
}

void
_jm_layout_curve_band (JmLayout *self,
                       double   *top,
                       double   *bottom)
{
  const JmLaneBox *row;

  if (self->curve_lane < 0)
    {
      *top = *bottom = 0.0;
      return;
    }

  row = &g_array_index (self->lanes, JmLaneBox, self->curve_lane);
  *top = row->y + 28.0;
  *bottom = row->y + JM_CURVE_BAND_HEIGHT - 28.0;
}

double
_jm_layout_score_to_y (JmLayout *self,
                       double    score)
{
  double top, bottom;

  _jm_layout_curve_band (self, &top, &bottom);

  return bottom - (score - JM_SCORE_MIN) / (JM_SCORE_MAX - JM_SCORE_MIN) * (bottom - top);
}

static int
jm_point_box_compare (gconstpointer a,
                      gconstpointer b)
{
  const JmPointBox *pa = a, *pb = b;

  if (pa->ghost != pb->ghost)
    return pa->ghost ? -1 : 1;
  if (pa->persona_index != pb->persona_index)
    return pa->persona_index < pb->persona_index ? -1 : 1;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

static void
jm_layout_add_points (JmLayout *self,
                      JmLayer  *layer,
                      gboolean  ghost)
{
  JmObjectStore *points = jm_layer_get_points (layer);
  JmObjectStore *personas = jm_document_get_personas (self->document);

  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmPointBox box = { jm_object_store_get_object (points, i) };
      int stage_index = jm_document_get_stage_index (self->document, jm_emotion_point_get_stage_id (box.point));
      JmPersona *persona = jm_document_lookup_persona (self->document, jm_emotion_point_get_persona_id (box.point));
      const JmStageBox *stage;

      if (stage_index < 0)
        continue;

      stage = &g_array_index (self->stages, JmStageBox, stage_index);
      box.x = stage->x + JM_CELL_PADDING +
              jm_emotion_point_get_position (box.point) * (stage->width - 2 * JM_CELL_PADDING);
      box.y = _jm_layout_score_to_y (self, jm_emotion_point_get_score (box.point));
      box.ghost = ghost;
      box.persona_index = 0;
      if (persona != NULL)
        jm_object_store_find (personas, JM_OBJECT (persona), &box.persona_index);
      g_array_append_val (self->points, box);
    }
}

static void
jm_layout_build_points (JmLayout *self)
{
  JmLayer *ghost = jm_layout_get_ghost_layer (self);

  g_array_set_size (self->points, 0);
  if (self->curve_lane < 0)
    return;

  jm_layout_add_points (self, _jm_layout_get_primary_layer (self), FALSE);
  if (ghost != NULL)
    jm_layout_add_points (self, ghost, TRUE);

  g_array_sort (self->points, jm_point_box_compare);
}

/* The route itself is in jm-link-route.c. */
static gboolean
jm_layout_route_link (JmLayout  *self,
                      JmLinkBox *box,
                      JmLayer   *layer,
                      guint      index)
{
  JmItem *from = jm_layer_lookup_item (layer, jm_link_get_from_id (box->link));
  JmItem *to = jm_layer_lookup_item (layer, jm_link_get_to_id (box->link));
  guint from_index, to_index;

  if (from == NULL || to == NULL || from == to)
    return FALSE;

  from_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, from));
  to_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, to));
  if (from_index == 0 || to_index == 0)
    return FALSE;

  _jm_link_route (self, box, &g_array_index (self->items, JmItemBox, from_index - 1),
                  &g_array_index (self->items, JmItemBox, to_index - 1), index);

  return box->n_points >= 2;
}

static void
jm_layout_add_links (JmLayout *self,
                     JmLayer  *layer,
                     gboolean  ghost)
{
  JmObjectStore *links = jm_layer_get_links (layer);

  for (guint i = 0; i < jm_object_store_get_n_objects (links); i++)
    {
      JmLinkBox box = { jm_object_store_get_object (links, i) };

      box.ghost = ghost;
      if (jm_layout_route_link (self, &box, layer, self->links->len))
        g_array_append_val (self->links, box);
    }
}

static void
jm_layout_build_links (JmLayout *self)
{
  JmLayer *ghost = jm_layout_get_ghost_layer (self);

  g_array_set_size (self->links, 0);
  jm_layout_add_links (self, _jm_layout_get_primary_layer (self), FALSE);
  /* Ghosted links would only clutter the view of what changes. */
  (void) ghost;
}

static void
jm_layout_count_moments (JmLayout *self)
{
  for (guint s = 0; s < self->stages->len; s++)
    {
      JmStageBox *stage = &g_array_index (self->stages, JmStageBox, s);

      stage->n_moments = 0;
      stage->first_moment = NULL;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const JmItemBox *box = &g_array_index (self->items, JmItemBox, i);
      JmStageBox *stage = &g_array_index (self->stages, JmStageBox, box->stage_index);

      if (box->diff == JM_DIFF_REMOVED || jm_item_get_moment (box->item) == JM_MOMENT_KIND_NONE)
        continue;
      if (stage->n_moments++ == 0)
        stage->first_moment = box->item;
    }
}

static void
jm_layout_place_everything (JmLayout *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    jm_layout_update_row (self, i);
  jm_layout_place_rows (self);
  jm_layout_build_points (self);
  jm_layout_build_links (self);
  jm_layout_count_moments (self);
  g_hash_table_remove_all (self->dirty_cells);
}

/* The Moments of Truth of one stage, as jm_layout_count_moments() counts
 * them: the first is the first in the order of the items. */
static void
jm_layout_count_stage_moments (JmLayout *self,
                               guint     stage_index)
{
  JmStageBox *stage = &g_array_index (self->stages, JmStageBox, stage_index);
  guint first = G_MAXUINT;

  stage->n_moments = 0;
  stage->first_moment = NULL;
  for (guint l = 0; l < self->lanes->len; l++)
    {
      GArray *cell = jm_layout_cell (self, stage_index, l);

      for (guint i = 0; i < cell->len; i++)
        {
          guint index = g_array_index (cell, guint, i);
          const JmItemBox *box = &g_array_index (self->items, JmItemBox, index);

          if (jm_item_get_moment (box->item) == JM_MOMENT_KIND_NONE || box->diff == JM_DIFF_REMOVED)
            continue;
          stage->n_moments++;
          first = MIN (first, index);
        }
    }
  if (first != G_MAXUINT)
    stage->first_moment = g_array_index (self->items, JmItemBox, first).item;
}

/* After edits of items that stayed in their cells: only those cells are
 * stacked again and only their rows sized again, with the same result as
 * jm_layout_place_everything() (test-layout compares the two after random
 * edits). A giant map has a hundred thousand cards in thousands of cells;
 * an edit touches one. */
static void
jm_layout_place_dirty_cells (JmLayout *self)
{
  g_autofree gboolean *rows = g_new0 (gboolean, self->lanes->len);
  g_autofree gboolean *stages = g_new0 (gboolean, self->stages->len);
  double curve_y = self->curve_lane >= 0 ? g_array_index (self->lanes, JmLaneBox, self->curve_lane).y : 0.0;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->dirty_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint cell = GPOINTER_TO_UINT (key) - 1;
      guint stage_index = cell / self->lanes->len, lane_index = cell % self->lanes->len;

      self->cell_heights[cell] = jm_layout_stack_cell (self, self->cells[cell]);
      rows[lane_index] = TRUE;
      stages[stage_index] = TRUE;
    }
  g_hash_table_remove_all (self->dirty_cells);

  for (guint l = 0; l < self->lanes->len; l++)
    if (rows[l])
      jm_layout_size_row (self, l);
  jm_layout_place_rows (self);
  /* the points hang on the curve's row alone */
  if (self->curve_lane >= 0 && g_array_index (self->lanes, JmLaneBox, self->curve_lane).y != curve_y)
    jm_layout_build_points (self);
  /* links join cards anywhere: routed again, as after any placement */
  jm_layout_build_links (self);
  for (guint s = 0; s < self->stages->len; s++)
    if (stages[s])
      jm_layout_count_stage_moments (self, s);
}

static void
jm_layout_rebuild (JmLayout *self)
{
  GHashTable *old_measures = self->measures;

  /* Keep the measures of the items that are still there. */
  self->measures = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  jm_layout_build_columns (self);
  jm_layout_build_header (self);
  jm_layout_build_rows (self);
  g_hash_table_steal_all (self->measures);
  g_hash_table_unref (self->measures);
  self->measures = old_measures;
  jm_layout_build_items (self);
  g_hash_table_unref (self->linked_pairs);
  self->linked_pairs = jm_layout_collect_linked_pairs (self);
  jm_layout_place_everything (self);

  self->needs_rebuild = FALSE;
  self->links_dirty = FALSE;
  self->needs_geometry = FALSE;
  g_hash_table_remove_all (self->dirty_items);
}

/* An item changed: measure it again and restack the cells it left and
 * entered; only the rows of those cells change height. */
static void
jm_layout_update_item (JmLayout *self,
                       JmItem   *item)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, item));
  int stage_index = jm_document_get_stage_index (self->document, jm_item_get_stage_id (item));
  JmLane *lane = jm_document_lookup_lane (self->document, jm_item_get_lane_id (item));
  JmItemBox *box;
  guint lane_index;

  if (index == 0 || stage_index < 0 || lane == NULL ||
      !jm_object_store_find (jm_document_get_lanes (self->document), JM_OBJECT (lane), &lane_index))
    {
      self->needs_rebuild = TRUE;
      return;
    }

  box = &g_array_index (self->items, JmItemBox, index - 1);
  if (box->stage_index != (guint) stage_index || box->lane_index != lane_index)
    {
      /* Moving between cells changes the order of cells: rebuild them. */
      self->needs_rebuild = TRUE;
      return;
    }

  jm_layout_measure_item (self, box);
  g_hash_table_add (self->dirty_cells, GUINT_TO_POINTER (stage_index * self->lanes->len + lane_index + 1));
}

/* }}} */

/* Callbacks {{{ */

static void
on_document_object_changed_cb (JmLayout   *self,
                               GObject    *object,
                               GParamSpec *pspec,
                               JmDocument *document)
{
  if (JM_IS_ITEM (object))
    g_hash_table_add (self->dirty_items, object);
  else if (JM_IS_LINK (object))
    self->links_dirty = TRUE;
  else
    self->needs_rebuild = TRUE;
}

static void
on_store_items_changed_cb (JmLayout   *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *store)
{
  self->needs_rebuild = TRUE;
}

/* A link moves no card out of its cell: only the gaps it opens or closes
 * change, and the routes. */
static void
on_links_changed_cb (JmLayout   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *store)
{
  self->links_dirty = TRUE;
}

static void
jm_layout_watch_store (JmLayout      *self,
                       JmObjectStore *store)
{
  g_signal_connect_object (store, "items-changed",
                           G_CALLBACK (on_store_items_changed_cb), self, G_CONNECT_SWAPPED);
}

/* }}} */

static void
jm_layout_finalize (GObject *object)
{
  JmLayout *self = JM_LAYOUT (object);

  jm_layout_free_cells (self);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->personas, g_array_unref);
  g_clear_pointer (&self->item_boxes, g_hash_table_unref);
  g_clear_pointer (&self->measures, g_hash_table_unref);
  g_clear_pointer (&self->texts, jm_text_measures_free);
  g_clear_pointer (&self->dirty_items, g_hash_table_unref);
  g_clear_pointer (&self->dirty_cells, g_hash_table_unref);
  g_clear_pointer (&self->linked_pairs, g_hash_table_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jm_layout_parent_class)->finalize (object);
}

static void
jm_layout_class_init (JmLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_layout_finalize;
}

static void
jm_layout_init (JmLayout *self)
{
  self->stages = g_array_new (FALSE, TRUE, sizeof (JmStageBox));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (JmLaneBox));
  self->items = g_array_new (FALSE, TRUE, sizeof (JmItemBox));
  self->points = g_array_new (FALSE, TRUE, sizeof (JmPointBox));
  self->links = g_array_new (FALSE, TRUE, sizeof (JmLinkBox));
  self->personas = g_array_new (FALSE, TRUE, sizeof (JmPersonaBox));
  self->item_boxes = g_hash_table_new (NULL, NULL);
  self->measures = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->texts = jm_text_measures_new (JM_LAYOUT_TEXT_MEASURES);
  self->dirty_items = g_hash_table_new (NULL, NULL);
  self->dirty_cells = g_hash_table_new (NULL, NULL);
  self->linked_pairs = jm_item_pair_set_new ();
  self->parallel_threshold = 2000;
  self->curve_lane = -1;
  self->needs_rebuild = TRUE;
}

/* Takes @pango, the context the layout measures its text with. */
static JmLayout *
jm_layout_new_with_pango (JmDocument   *document,
                          JmLayerMode   mode,
                          PangoContext *pango)
{
  JmLayout *self = g_object_new (JM_TYPE_LAYOUT, NULL);

  self->pango = pango;
  self->document = g_object_ref (document);
  self->mode = mode;

  g_signal_connect_object (document, "object-changed",
                           G_CALLBACK (on_document_object_changed_cb), self, G_CONNECT_SWAPPED);
  jm_layout_watch_store (self, jm_document_get_personas (document));
  jm_layout_watch_store (self, jm_document_get_stages (document));
  jm_layout_watch_store (self, jm_document_get_lanes (document));
  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    {
      JmLayer *layer = jm_document_get_layer (document, i);

      jm_layout_watch_store (self, jm_layer_get_items (layer));
      jm_layout_watch_store (self, jm_layer_get_points (layer));
      g_signal_connect_object (jm_layer_get_links (layer), "items-changed",
                               G_CALLBACK (on_links_changed_cb), self, G_CONNECT_SWAPPED);
    }

  jm_layout_update (self);

  return self;
}

/**
 * jm_layout_new:
 * @document: the map to lay out
 * @mode: which state to show
 *
 * The layout follows the changes of @document; call jm_layout_update()
 * before reading it, and it redoes only what changed.
 *
 * Returns: (transfer full): a new #JmLayout, already up to date
 */
JmLayout *
jm_layout_new (JmDocument  *document,
               JmLayerMode  mode)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  return jm_layout_new_with_pango (document, mode, jm_theme_create_pango_context ());
}

/**
 * jm_layout_new_in_worker:
 *
 * As jm_layout_new (), for a worker thread that hands the layout, and
 * @document with it, to another thread: the window lays a map out while
 * it opens, so that its first frame waits for no text measuring.
 *
 * PangoCairo gives each thread a font map of its own, and a worker of a
 * pool may lay out the next map in the same thread while the first is
 * drawn; this layout measures and draws its text with a font map that
 * belongs to it alone, which the thread it is handed to may then use.
 *
 * Returns: (transfer full): a new #JmLayout, already up to date
 */
JmLayout *
jm_layout_new_in_worker (JmDocument  *document,
                         JmLayerMode  mode)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  return jm_layout_new_with_pango (document, mode, jm_theme_create_pango_context_for_font_map (font_map));
}

JmDocument *
jm_layout_get_document (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), NULL);

  return self->document;
}

JmLayerMode
jm_layout_get_mode (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), JM_LAYER_MODE_CURRENT);

  return self->mode;
}

/**
 * jm_layout_get_shown_state:
 *
 * Returns: the state whose items are drawn in full, and edited: the
 *   current one, or the future one when it is shown or compared
 */
JmLayerState
jm_layout_get_shown_state (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), JM_LAYER_STATE_CURRENT);

  return jm_layer_get_state (_jm_layout_get_primary_layer (self));
}

void
jm_layout_set_mode (JmLayout    *self,
                    JmLayerMode  mode)
{
  g_return_if_fail (JM_IS_LAYOUT (self));

  if (self->mode == mode)
    return;

  self->mode = mode;
  self->needs_rebuild = TRUE;
  jm_layout_update (self);
}

/**
 * jm_layout_update:
 *
 * Brings the geometry up to date with the document.
 */
void
jm_layout_update (JmLayout *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (JM_IS_LAYOUT (self));

  if (!self->needs_rebuild && (g_hash_table_size (self->dirty_items) > 0 || self->links_dirty))
    {
      g_hash_table_iter_init (&iter, self->dirty_items);
      while (!self->needs_rebuild && g_hash_table_iter_next (&iter, &item, NULL))
        jm_layout_update_item (self, item);

      /* In the compared view a changed item may change its mark. */
      if (self->mode == JM_LAYER_MODE_BOTH && g_hash_table_size (self->dirty_items) > 0)
        self->needs_rebuild = TRUE;
      g_hash_table_remove_all (self->dirty_items);

      if (!self->needs_rebuild && self->links_dirty)
        jm_layout_update_linked_pairs (self);
      self->links_dirty = FALSE;

      if (!self->needs_rebuild)
        jm_layout_place_dirty_cells (self);
    }

  if (self->needs_rebuild)
    jm_layout_rebuild (self);
}

void
jm_layout_get_size (JmLayout *self,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (JM_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

JmRect
_jm_layout_item_rect (JmLayout        *self,
                      const JmItemBox *box)
{
  const JmStageBox *stage = &g_array_index (self->stages, JmStageBox, box->stage_index);
  const JmLaneBox *row = &g_array_index (self->lanes, JmLaneBox, box->lane_index);

  return (JmRect) {
    stage->x + JM_CELL_PADDING,
    row->y + row->items_top + JM_CELL_PADDING + box->rel_y,
    stage->width - 2 * JM_CELL_PADDING,
    box->height,
  };
}

gboolean
jm_layout_get_item_rect (JmLayout *self,
                         JmItem   *item,
                         JmRect   *rect)
{
  guint index;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_boxes, item));
  if (index == 0)
    return FALSE;

  *rect = _jm_layout_item_rect (self, &g_array_index (self->items, JmItemBox, index - 1));
  return TRUE;
}

/**
 * jm_layout_get_link_bounds:
 *
 * Returns: %TRUE with the box around the route of @link
 */
gboolean
jm_layout_get_link_bounds (JmLayout *self,
                           JmLink   *link,
                           JmRect   *rect)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  jm_layout_update (self);
  for (guint i = 0; i < self->links->len; i++)
    {
      const JmLinkBox *box = &g_array_index (self->links, JmLinkBox, i);
      double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

      if (box->link != link)
        continue;

      for (guint p = 0; p < box->n_points; p++)
        {
          left = MIN (left, box->xs[p]);
          right = MAX (right, box->xs[p]);
          top = MIN (top, box->ys[p]);
          bottom = MAX (bottom, box->ys[p]);
        }
      *rect = (JmRect) { left, top, right - left, bottom - top };
      return TRUE;
    }

  return FALSE;
}

gboolean
jm_layout_get_persona_rect (JmLayout  *self,
                            JmPersona *persona,
                            JmRect    *rect)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  for (guint i = 0; i < self->personas->len; i++)
    {
      const JmPersonaBox *box = &g_array_index (self->personas, JmPersonaBox, i);

      if (box->persona == persona)
        {
          *rect = box->rect;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * jm_layout_get_text_rect:
 * @object: a stage, lane, persona, item or emotion point, or the document
 * @rect: (out caller-allocates): where its name, title or label is drawn
 * @font: (out) (optional): the font it is drawn in
 *
 * Where the text an editor in place would replace is: a stage's, lane's or
 * persona's name, an item's title (its whole card, whose other texts move
 * with the title), an emotion point's label or the map's title. An empty
 * text still has room for one line.
 *
 * Returns: %TRUE when @object is laid out
 */
gboolean
jm_layout_get_text_rect (JmLayout *self,
                         gpointer  object,
                         JmRect   *rect,
                         JmFont   *font)
{
  JmFont shown = JM_FONT_HEADING;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  jm_layout_update (self);

  if (JM_IS_DOCUMENT (object))
    {
      if (object != (gpointer) self->document)
        return FALSE;
      shown = JM_FONT_MAP_TITLE;
      *rect = (JmRect) { self->title_rect.x, self->title_rect.y, self->title_rect.width,
                         MAX (self->title_height, 34.0) };
    }
  else if (JM_IS_STAGE (object))
    {
      guint index;
      const JmStageBox *stage;

      if (!jm_object_store_find (jm_document_get_stages (self->document), object, &index) ||
          index >= self->stages->len)
        return FALSE;
      stage = &g_array_index (self->stages, JmStageBox, index);
      *rect = (JmRect) { stage->x + JM_CELL_PADDING,
                         self->grid_y + JM_STAGE_BAND + JM_CELL_PADDING + JM_CAPTION_HEIGHT,
                         stage->width - 2 * JM_CELL_PADDING,
                         MAX (jm_theme_measure_text (self->pango, JM_FONT_HEADING, jm_stage_get_name (object),
                                                     stage->width - 2 * JM_CELL_PADDING, 2), 20.0) };
    }
  else if (JM_IS_LANE (object))
    {
      guint index;
      const JmLaneBox *lane;
      double width = JM_LANE_HEADER_WIDTH - 2 * JM_CELL_PADDING - 26;

      if (!jm_object_store_find (jm_document_get_lanes (self->document), object, &index) ||
          index >= self->lanes->len)
        return FALSE;
      lane = &g_array_index (self->lanes, JmLaneBox, index);
      *rect = (JmRect) { JM_MAP_MARGIN + JM_CELL_PADDING + 26, lane->y + JM_CELL_PADDING, width,
                         MAX (jm_theme_measure_text (self->pango, JM_FONT_HEADING, jm_lane_get_name (object),
                                                     width, 3), 20.0) };
    }
  else if (JM_IS_PERSONA (object))
    {
      JmRect card;

      if (!jm_layout_get_persona_rect (self, object, &card))
        return FALSE;
      *rect = (JmRect) { card.x + JM_ITEM_PADDING + 48, card.y + JM_ITEM_PADDING,
                         card.width - 2 * JM_ITEM_PADDING - 48, 20.0 };
    }
  else if (JM_IS_ITEM (object))
    {
      JmRect card;

      if (!jm_layout_get_item_rect (self, object, &card))
        return FALSE;
      shown = JM_FONT_ITEM_TITLE;
      *rect = (JmRect) { card.x + JM_ITEM_ACCENT, card.y, card.width - JM_ITEM_ACCENT, card.height };
    }
  else if (JM_IS_EMOTION_POINT (object))
    {
      double x, y;

      if (!jm_layout_get_point_position (self, object, &x, &y))
        return FALSE;
      /* Where the renderer puts a label first: above a good feeling,
       * below a bad one. */
      shown = JM_FONT_SUBHEADING;
      *rect = (JmRect) { x - 70, jm_emotion_point_get_score (object) >= 0 ? y - JM_POINT_RADIUS - 18
                                                                          : y + JM_POINT_RADIUS + 3,
                         140, 16 };
    }
  else
    return FALSE;

  if (font != NULL)
    *font = shown;
  return TRUE;
}

/**
 * jm_layout_get_persona_role_rect:
 * @rect: (out caller-allocates): where the persona's role is drawn
 *
 * Where a persona card's role line is, under the name, for the editor in
 * place: the renderer draws it right below the name's measured height.
 * An empty role still has room for one line.
 *
 * Returns: %TRUE when @persona is laid out
 */
gboolean
jm_layout_get_persona_role_rect (JmLayout  *self,
                                 JmPersona *persona,
                                 JmRect    *rect)
{
  JmRect card;
  double text_width, name_height;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  jm_layout_update (self);
  if (!JM_IS_PERSONA (persona) || !jm_layout_get_persona_rect (self, persona, &card))
    return FALSE;

  text_width = card.width - 2 * JM_ITEM_PADDING - 48;
  name_height = jm_theme_measure_text (self->pango, JM_FONT_HEADING, jm_persona_get_name (persona), text_width, 1);
  *rect = (JmRect) { card.x + JM_ITEM_PADDING + 48, card.y + JM_ITEM_PADDING + name_height, text_width,
                     MAX (jm_theme_measure_text (self->pango, JM_FONT_SUBHEADING, jm_persona_get_role (persona),
                                                 text_width, 1), 16.0) };
  return TRUE;
}

gboolean
jm_layout_get_cell_rect (JmLayout *self,
                         JmStage  *stage,
                         JmLane   *lane,
                         JmRect   *rect)
{
  guint stage_index, lane_index;
  const JmStageBox *column;
  const JmLaneBox *row;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (!jm_object_store_find (jm_document_get_stages (self->document), JM_OBJECT (stage), &stage_index) ||
      !jm_object_store_find (jm_document_get_lanes (self->document), JM_OBJECT (lane), &lane_index) ||
      stage_index >= self->stages->len || lane_index >= self->lanes->len)
    return FALSE;

  column = &g_array_index (self->stages, JmStageBox, stage_index);
  row = &g_array_index (self->lanes, JmLaneBox, lane_index);
  *rect = (JmRect) { column->x, row->y, column->width, row->height };
  return TRUE;
}

/**
 * jm_layout_dup_cell_items:
 *
 * The items of the shown state in one cell, top to bottom, from the
 * layout's index: the cost is the cell's, not the map's.
 *
 * Returns: (transfer container) (element-type JmItem): the items
 */
GPtrArray *
jm_layout_dup_cell_items (JmLayout *self,
                          JmStage  *stage,
                          JmLane   *lane)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint stage_index, lane_index;
  GArray *cell;

  g_return_val_if_fail (JM_IS_LAYOUT (self), items);

  jm_layout_update (self);
  if (!jm_object_store_find (jm_document_get_stages (self->document), JM_OBJECT (stage), &stage_index) ||
      !jm_object_store_find (jm_document_get_lanes (self->document), JM_OBJECT (lane), &lane_index) ||
      stage_index >= self->stages->len || lane_index >= self->lanes->len)
    return items;

  cell = jm_layout_cell (self, stage_index, lane_index);
  for (guint i = 0; i < cell->len; i++)
    {
      const JmItemBox *box = &g_array_index (self->items, JmItemBox, g_array_index (cell, guint, i));

      /* Ghosts of removed items are not items of the shown state. */
      if (box->diff != JM_DIFF_REMOVED)
        g_ptr_array_add (items, g_object_ref (box->item));
    }

  return items;
}

gboolean
jm_layout_get_point_position (JmLayout       *self,
                              JmEmotionPoint *point,
                              double         *x,
                              double         *y)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  for (guint i = 0; i < self->points->len; i++)
    {
      const JmPointBox *box = &g_array_index (self->points, JmPointBox, i);

      if (box->point == point)
        {
          *x = box->x;
          *y = box->y;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * jm_layout_score_to_y:
 * @y: (out): where a point with @score lies, in layout units
 *
 * Returns: %FALSE when the map has no emotions lane
 */
gboolean
jm_layout_score_to_y (JmLayout *self,
                      double    score,
                      double   *y)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (self->curve_lane < 0)
    return FALSE;

  *y = _jm_layout_score_to_y (self, score);
  return TRUE;
}

/**
 * jm_layout_score_at:
 * @y: a vertical position in layout units
 * @score: (out): the score an emotion point at @y would have
 *
 * Returns: %FALSE when the map has no emotions lane
 */
gboolean
jm_layout_score_at (JmLayout *self,
                    double    y,
                    double   *score)
{
  double top, bottom;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (self->curve_lane < 0)
    return FALSE;

  _jm_layout_curve_band (self, &top, &bottom);
  *score = CLAMP (JM_SCORE_MIN + (bottom - y) / (bottom - top) * (JM_SCORE_MAX - JM_SCORE_MIN),
                  JM_SCORE_MIN, JM_SCORE_MAX);
  return TRUE;
}

/* Hit-testing {{{ */

/* Columns and rows are sorted, so finding the one under a point is a
 * binary search; so is finding an item in the stacked items of a cell. */
static int
jm_layout_find_column (JmLayout *self,
                       double    x)
{
  guint low = 0, high = self->stages->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      const JmStageBox *stage = &g_array_index (self->stages, JmStageBox, mid);

      if (x < stage->x)
        high = mid;
      else if (x >= stage->x + stage->width)
        low = mid + 1;
      else
        return (int) mid;
    }

  return -1;
}

static int
jm_layout_find_row (JmLayout *self,
                    double    y)
{
  guint low = 0, high = self->lanes->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      const JmLaneBox *row = &g_array_index (self->lanes, JmLaneBox, mid);

      if (y < row->y)
        high = mid;
      else if (y >= row->y + row->height)
        low = mid + 1;
      else
        return (int) mid;
    }

  return -1;
}

/* The first item of @cell whose bottom is at or below @y. */
static guint
jm_layout_cell_lower_bound (JmLayout *self,
                            GArray   *cell,
                            double    rel_y)
{
  guint low = 0, high = cell->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      const JmItemBox *box = &g_array_index (self->items, JmItemBox, g_array_index (cell, guint, mid));

      if (box->rel_y + box->height < rel_y)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static guint
jm_layout_drop_index (JmLayout *self,
                      GArray   *cell,
                      double    rel_y)
{
  guint index = 0;

  for (guint i = jm_layout_cell_lower_bound (self, cell, 0.0); i < cell->len; i++)
    {
      const JmItemBox *box = &g_array_index (self->items, JmItemBox, g_array_index (cell, guint, i));

      if (box->diff == JM_DIFF_REMOVED || box->rel_y + box->height / 2 > rel_y)
        break;
      index++;
    }

  return index;
}

static gboolean
jm_layout_hit_point (JmLayout *self,
                     double    x,
                     double    y,
                     JmHit    *hit)
{
  for (guint i = self->points->len; i > 0; i--)
    {
      const JmPointBox *box = &g_array_index (self->points, JmPointBox, i - 1);
      double dx = box->x - x, dy = box->y - y;

      if (!box->ghost && dx * dx + dy * dy <= (JM_POINT_RADIUS + 3) * (JM_POINT_RADIUS + 3))
        {
          hit->kind = JM_HIT_POINT;
          hit->object = JM_OBJECT (box->point);
          return TRUE;
        }
    }

  return FALSE;
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - x1) * dx + (py - y1) * dy) / length2, 0.0, 1.0) : 0.0;
  double cx = x1 + t * dx - px, cy = y1 + t * dy - py;

  return sqrt (cx * cx + cy * cy);
}

/* Links are few beside items: a scan of their segments is cheap. */
static gboolean
jm_layout_hit_link (JmLayout *self,
                    double    x,
                    double    y,
                    JmHit    *hit)
{
  const double tolerance = 4.0;

  for (guint i = self->links->len; i > 0; i--)
    {
      const JmLinkBox *box = &g_array_index (self->links, JmLinkBox, i - 1);

      if (box->ghost)
        continue;

      for (guint s = 0; s + 1 < box->n_points; s++)
        {
          if (distance_to_segment (x, y, box->xs[s], box->ys[s], box->xs[s + 1], box->ys[s + 1]) <= tolerance)
            {
              hit->kind = JM_HIT_LINK;
              hit->object = JM_OBJECT (box->link);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
jm_layout_hit_headers (JmLayout *self,
                       double    x,
                       double    y,
                       int       column,
                       int       row,
                       JmHit    *hit)
{
  const double edge = 4.0;

  if (column >= 0 && y >= self->grid_y && y < self->rows_y)
    {
      const JmStageBox *stage = &g_array_index (self->stages, JmStageBox, column);

      hit->kind = x >= stage->x + stage->width - edge ? JM_HIT_STAGE_EDGE : JM_HIT_STAGE_HEADER;
      hit->object = JM_OBJECT (stage->stage);
      return TRUE;
    }

  if (row >= 0 && x >= JM_MAP_MARGIN && x < self->grid_x)
    {
      const JmLaneBox *lane = &g_array_index (self->lanes, JmLaneBox, row);

      hit->kind = y >= lane->y + lane->height - edge ? JM_HIT_LANE_EDGE : JM_HIT_LANE_HEADER;
      hit->object = JM_OBJECT (lane->lane);
      return TRUE;
    }

  return FALSE;
}

/**
 * jm_layout_hit_test:
 * @x: horizontal position in layout units
 * @y: vertical position in layout units
 * @hit: (out caller-allocates): what is there
 *
 * Finds what is at a point in O(log n) of the items: an emotion point, a
 * stage or lane header or its edge, a link, an item, or an empty cell.
 *
 * Returns: %TRUE if anything is there
 */
gboolean
jm_layout_hit_test (JmLayout *self,
                    double    x,
                    double    y,
                    JmHit    *hit)
{
  int column, row;
  const JmLaneBox *lane;
  GArray *cell;
  double rel_y;
  guint first;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  jm_layout_update (self);
  *hit = (JmHit) { JM_HIT_NONE };

  column = jm_layout_find_column (self, x);
  row = jm_layout_find_row (self, y);
  if (column >= 0)
    hit->stage = g_array_index (self->stages, JmStageBox, column).stage;
  if (row >= 0)
    hit->lane = g_array_index (self->lanes, JmLaneBox, row).lane;

  if (jm_layout_hit_point (self, x, y, hit))
    return TRUE;

  for (guint i = 0; i < self->personas->len; i++)
    {
      const JmPersonaBox *box = &g_array_index (self->personas, JmPersonaBox, i);

      if (x >= box->rect.x && x < box->rect.x + box->rect.width &&
          y >= box->rect.y && y < box->rect.y + box->rect.height)
        {
          hit->kind = JM_HIT_PERSONA;
          hit->object = JM_OBJECT (box->persona);
          return TRUE;
        }
    }

  if (jm_layout_hit_headers (self, x, y, column, row, hit))
    return TRUE;

  if (jm_layout_hit_link (self, x, y, hit))
    return TRUE;

  if (column < 0 || row < 0)
    {
      hit->stage = NULL;
      hit->lane = NULL;
      return FALSE;
    }

  lane = &g_array_index (self->lanes, JmLaneBox, row);
  cell = jm_layout_cell (self, column, row);
  rel_y = y - (lane->y + lane->items_top + JM_CELL_PADDING);
  hit->kind = JM_HIT_CELL;
  hit->index_in_cell = jm_layout_drop_index (self, cell, rel_y);

  first = jm_layout_cell_lower_bound (self, cell, rel_y);
  if (first < cell->len)
    {
      const JmItemBox *box = &g_array_index (self->items, JmItemBox, g_array_index (cell, guint, first));
      JmRect rect = _jm_layout_item_rect (self, box);

      /* Ghosts of removed items are shown, not picked. */
      if (box->diff != JM_DIFF_REMOVED &&
          y >= rect.y && y < rect.y + rect.height && x >= rect.x && x < rect.x + rect.width)
        {
          hit->kind = JM_HIT_ITEM;
          hit->object = JM_OBJECT (box->item);
        }
    }

  return TRUE;
}

/**
 * jm_layout_query_items:
 * @rect: a region in layout units
 *
 * Returns: (transfer container) (element-type JmItem): the items whose
 *   boxes meet @rect, found without looking at the others
 */
GPtrArray *
jm_layout_query_items (JmLayout     *self,
                       const JmRect *rect)
{
  GPtrArray *found;

  g_return_val_if_fail (JM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  jm_layout_update (self);
  found = g_ptr_array_new ();

  for (guint s = 0; s < self->stages->len; s++)
    {
      const JmStageBox *stage = &g_array_index (self->stages, JmStageBox, s);

      if (stage->x + stage->width < rect->x || stage->x > rect->x + rect->width)
        continue;

      for (guint l = 0; l < self->lanes->len; l++)
        {
          const JmLaneBox *lane = &g_array_index (self->lanes, JmLaneBox, l);
          GArray *cell = jm_layout_cell (self, s, l);
          double origin = lane->y + lane->items_top + JM_CELL_PADDING;

          if (lane->y + lane->height < rect->y || lane->y > rect->y + rect->height)
            continue;

          for (guint i = jm_layout_cell_lower_bound (self, cell, rect->y - origin); i < cell->len; i++)
            {
              const JmItemBox *box = &g_array_index (self->items, JmItemBox, g_array_index (cell, guint, i));
              JmRect item = _jm_layout_item_rect (self, box);

              if (item.y > rect->y + rect->height)
                break;
              if (item.x <= rect->x + rect->width && item.x + item.width >= rect->x)
                g_ptr_array_add (found, box->item);
            }
        }
    }

  return found;
}

/* }}} */

/* For tests: measure in parallel from @n_items cards on (G_MAXUINT: never). */
void
_jm_layout_set_parallel_threshold (JmLayout *self,
                                   guint     n_items)
{
  g_return_if_fail (JM_IS_LAYOUT (self));

  self->parallel_threshold = n_items;
  self->needs_rebuild = TRUE;
}
