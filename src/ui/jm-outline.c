/* jm-outline.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-outline.h"

#include "jm-outline-row.h"

/* The map as a tree the keyboard walks and a screen reader reads: each
 * stage, its lanes (the stage's cells) and their items, in map order; then
 * the lanes, the personas, each persona's emotional curve with its points,
 * the links and the Moments of Truth. A GtkListView over a
 * GtkTreeListModel, so that a map of 100,000 items costs only the rows in
 * view and the branches opened: the roots (stages and groups) are made
 * with the map, a branch's rows when it is first opened (or revealed for
 * the selection), and a branch is kept up to date only once made.
 *
 * Updates are incremental: a stage, lane, persona or link added or removed
 * splices its row in or out; items and points, which move between cells
 * and curves by property changes, are sorted into the branches made again
 * once per burst of changes (one pass over the layer), and only the rows
 * that differ are replaced, so open branches stay open. A changed object's
 * rows are given their text again.
 *
 * The outline's selection is the map's (a JmSelection): selecting rows
 * selects their objects, and what is selected on the map is selected here,
 * its branch opened. The whole list is one Tab stop; arrows move in it,
 * Left and Right close and open a branch, Enter emits ::object-activated. */
struct _JmOutline
{
  GtkWidget          parent_instance;

  JmDocument        *document;
  JmLayerState       state;
  JmSelection       *selection;

  GListStore        *roots;     /* JmOutlineRow: the stages, then the groups */
  JmOutlineRow      *groups[JM_OUTLINE_N_GROUPS];
  GtkTreeListModel  *tree;
  GtkMultiSelection *rows_selection;
  /* Each JmObject that has rows → a GPtrArray of them (unowned): the rows
   * to give new text when it changes. */
  GHashTable        *registry;

  GtkWidget         *scrolled;
  GtkWidget         *view;

  guint              resync_id;
  gboolean           items_dirty;
  gboolean           points_dirty;
  gboolean           syncing;
  gboolean           keep_closed;  /* finding rows opens no branch */
};

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmOutline, jm_outline, GTK_TYPE_WIDGET)

static void sync_selection (JmOutline *self,
                            gboolean   open);

/* Registry */

static void
register_row (JmOutline    *self,
              JmOutlineRow *row)
{
  JmObject *object = jm_outline_row_get_object (row);
  GPtrArray *rows;

  jm_outline_row_update (row, self->document, self->state);
  if (object == NULL)
    return;

  rows = g_hash_table_lookup (self->registry, object);
  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->registry, object, rows);
    }
  g_ptr_array_add (rows, row);
}

/* Forgets @row and the rows under it. */
static void
unregister_row (JmOutline    *self,
                JmOutlineRow *row)
{
  JmObject *object = jm_outline_row_get_object (row);
  GListStore *children = jm_outline_row_get_children (row);
  GPtrArray *rows;

  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (children)); i++)
    {
      g_autoptr(JmOutlineRow) child = g_list_model_get_item (G_LIST_MODEL (children), i);

      unregister_row (self, child);
    }

  if (object == NULL)
    return;

  rows = g_hash_table_lookup (self->registry, object);
  if (rows == NULL)
    return;
  g_ptr_array_remove_fast (rows, row);
  if (rows->len == 0)
    g_hash_table_remove (self->registry, object);
}

/* g_list_store_splice() that keeps the registry: the rows taken out are
 * forgotten, @added (full rows) registered and given their text. */
static void
splice_rows (JmOutline  *self,
             GListStore *store,
             guint       position,
             guint       n_removed,
             GPtrArray  *added)
{
  for (guint i = 0; i < n_removed; i++)
    {
      g_autoptr(JmOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (store), position + i);

      unregister_row (self, row);
    }
  for (guint i = 0; added != NULL && i < added->len; i++)
    register_row (self, added->pdata[i]);

  g_list_store_splice (store, position, n_removed, added != NULL ? added->pdata : NULL,
                       added != NULL ? added->len : 0);
}

/* Makes @store list a row of @kind for each of @objects, in order, keeping
 * the rows at the start and the end that already do, so that only what
 * changed is replaced (and open branches there stay open). */
static void
sync_rows (JmOutline        *self,
           GListStore       *store,
           GPtrArray        *objects,
           JmOutlineRowKind  kind)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < objects->len)
    {
      g_autoptr(JmOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (store), prefix);

      if (jm_outline_row_get_object (row) != objects->pdata[prefix])
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < objects->len - prefix)
    {
      g_autoptr(JmOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - suffix);

      if (jm_outline_row_get_object (row) != objects->pdata[objects->len - 1 - suffix])
        break;
      suffix++;
    }
  if (prefix + suffix == n_old && prefix + suffix == objects->len)
    return;

  for (guint i = prefix; i < objects->len - suffix; i++)
    g_ptr_array_add (added, jm_outline_row_new (kind, objects->pdata[i]));
  splice_rows (self, store, prefix, n_old - prefix - suffix, added);
}

static JmOutlineRow *
lookup_row (JmOutline        *self,
            JmObject         *object,
            JmOutlineRowKind  kind)
{
  GPtrArray *rows = g_hash_table_lookup (self->registry, object);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (jm_outline_row_get_kind (rows->pdata[i]) == kind)
      return rows->pdata[i];

  return NULL;
}

/* Which rows a branch lists */

static JmLayer *
shown_layer (JmOutline *self)
{
  return jm_document_get_layer (self->document, self->state);
}

/* A stage's cells, one per lane. */
static void
fill_stage (JmOutline    *self,
            JmOutlineRow *stage_row)
{
  JmObjectStore *lanes = jm_document_get_lanes (self->document);
  JmStage *stage = JM_STAGE (jm_outline_row_get_object (stage_row));
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = jm_outline_row_ensure_children (stage_row);

  for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
    g_ptr_array_add (cells, jm_outline_row_new_cell (stage, jm_object_store_get_object (lanes, l)));
  splice_rows (self, store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), cells);
}

/* The cells to sort items into, by stage id, then lane id: two lookups
 * of the ids the model holds, so that a pass over 100,000 items makes no
 * string, and an item in a stage with no cell made costs one lookup. */
static GHashTable *
cells_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
}

static void
add_cell (GHashTable   *cells,
          JmOutlineRow *cell)
{
  const char *stage_id = jm_object_get_id (JM_OBJECT (jm_outline_row_get_stage (cell)));
  GHashTable *lanes = g_hash_table_lookup (cells, stage_id);

  if (lanes == NULL)
    {
      lanes = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (cells, (gpointer) stage_id, lanes);
    }
  g_hash_table_insert (lanes, (gpointer) jm_object_get_id (jm_outline_row_get_object (cell)), cell);
}

static JmOutlineRow *
lookup_cell (GHashTable *cells,
             const char *stage_id,
             const char *lane_id)
{
  GHashTable *lanes = stage_id != NULL ? g_hash_table_lookup (cells, stage_id) : NULL;

  return lanes != NULL && lane_id != NULL ? g_hash_table_lookup (lanes, lane_id) : NULL;
}

/* Sorts the items of the layer into @cells (see cells_new()),
 * whose stores are made to list them, in one pass; and into @moments_store
 * if not NULL, the Moments of Truth. Returns the cells that had rows made
 * and changed between none and some. */
static GPtrArray *
sort_items (JmOutline  *self,
            GHashTable *cells,
            GListStore *moments_store)
{
  g_autoptr(GHashTable) contents = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) moments = moments_store != NULL ? g_ptr_array_new () : NULL;
  GPtrArray *flipped = g_ptr_array_new ();
  JmObjectStore *items = jm_layer_get_items (shown_layer (self));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GHashTableIter lanes;
      gpointer cell;

      g_hash_table_iter_init (&lanes, value);
      while (g_hash_table_iter_next (&lanes, NULL, &cell))
        g_hash_table_insert (contents, cell, g_ptr_array_new ());
    }

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (moments != NULL && jm_item_get_moment (item) != JM_MOMENT_KIND_NONE)
        g_ptr_array_add (moments, item);
      if (g_hash_table_size (cells) > 0)
        {
          JmOutlineRow *cell = lookup_cell (cells, jm_item_get_stage_id (item), jm_item_get_lane_id (item));

          if (cell != NULL)
            g_ptr_array_add (g_hash_table_lookup (contents, cell), item);
        }
    }

  g_hash_table_iter_init (&iter, contents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JmOutlineRow *cell = key;
      gboolean made = jm_outline_row_get_children (cell) != NULL;
      GListStore *store = jm_outline_row_ensure_children (cell);
      gboolean was_empty = g_list_model_get_n_items (G_LIST_MODEL (store)) == 0;

      sync_rows (self, store, value, JM_OUTLINE_ROW_ITEM);
      if (made && was_empty != (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0))
        g_ptr_array_add (flipped, cell);
    }
  if (moments != NULL)
    sync_rows (self, moments_store, moments, JM_OUTLINE_ROW_ITEM);

  return flipped;
}

/* The branches that list items, made again in one pass over the layer:
 * the cells made and the Moments of Truth if made. Cells whose rows
 * change between none and some are put back into their stage, for the
 * tree to ask again whether they open. */
static void
resync_items (JmOutline *self)
{
  g_autoptr(GHashTable) cells = cells_new ();
  g_autoptr(GPtrArray) flipped = NULL;
  guint n_stages = jm_object_store_get_n_objects (jm_document_get_stages (self->document));

  self->items_dirty = FALSE;

  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(JmOutlineRow) stage_row = g_list_model_get_item (G_LIST_MODEL (self->roots), s);
      GListStore *stage_cells = jm_outline_row_get_children (stage_row);

      for (guint l = 0; stage_cells != NULL && l < g_list_model_get_n_items (G_LIST_MODEL (stage_cells)); l++)
        {
          g_autoptr(JmOutlineRow) cell = g_list_model_get_item (G_LIST_MODEL (stage_cells), l);

          if (jm_outline_row_get_children (cell) != NULL)
            add_cell (cells, cell);
        }
    }

  if (g_hash_table_size (cells) == 0 && jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_MOMENTS]) == NULL)
    return;
  flipped = sort_items (self, cells, jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_MOMENTS]));

  for (guint i = 0; i < flipped->len; i++)
    {
      JmOutlineRow *cell = flipped->pdata[i];
      JmOutlineRow *stage_row = lookup_row (self, JM_OBJECT (jm_outline_row_get_stage (cell)), JM_OUTLINE_ROW_STAGE);
      GListStore *store = stage_row != NULL ? jm_outline_row_get_children (stage_row) : NULL;
      guint position;

      if (store != NULL && g_list_store_find (store, cell, &position))
        {
          g_autoptr(JmOutlineRow) keep = g_object_ref (cell);

          g_list_store_splice (store, position, 1, (gpointer *) &cell, 1);
        }
    }
}

/* A persona's points, in the order the curve runs: by stage, then by
 * their place in it. */
static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  JmDocument *document = user_data;
  JmEmotionPoint *p = *(JmEmotionPoint **) a;
  JmEmotionPoint *q = *(JmEmotionPoint **) b;
  int sp = jm_document_get_stage_index (document, jm_emotion_point_get_stage_id (p));
  int sq = jm_document_get_stage_index (document, jm_emotion_point_get_stage_id (q));

  if (sp != sq)
    return sp < sq ? -1 : 1;
  if (jm_emotion_point_get_position (p) != jm_emotion_point_get_position (q))
    return jm_emotion_point_get_position (p) < jm_emotion_point_get_position (q) ? -1 : 1;
  return 0;
}

static void
fill_curve (JmOutline    *self,
            JmOutlineRow *curve)
{
  JmObjectStore *points = jm_layer_get_points (shown_layer (self));
  const char *persona_id = jm_object_get_id (jm_outline_row_get_object (curve));
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (g_strcmp0 (jm_emotion_point_get_persona_id (point), persona_id) == 0)
        g_ptr_array_add (wanted, point);
    }
  g_ptr_array_sort_with_data (wanted, compare_points, self->document);
  sync_rows (self, jm_outline_row_ensure_children (curve), wanted, JM_OUTLINE_ROW_POINT);
}

/* The curves made list their points again; a curve that changes between
 * none and some is put back, to open or not. */
static void
resync_points (JmOutline *self)
{
  GListStore *curves = jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_CURVES]);

  self->points_dirty = FALSE;
  for (guint i = 0; curves != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (curves)); i++)
    {
      g_autoptr(JmOutlineRow) curve = g_list_model_get_item (G_LIST_MODEL (curves), i);
      GListStore *store = jm_outline_row_get_children (curve);
      gboolean was_empty;

      if (store == NULL)
        continue;
      was_empty = g_list_model_get_n_items (G_LIST_MODEL (store)) == 0;
      fill_curve (self, curve);
      if (was_empty != (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0))
        {
          JmOutlineRow *row = curve;

          g_list_store_splice (curves, i, 1, (gpointer *) &row, 1);
        }
    }
}

static GPtrArray *
store_objects (JmObjectStore *store)
{
  GPtrArray *objects = g_ptr_array_new ();

  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    g_ptr_array_add (objects, jm_object_store_get_object (store, i));

  return objects;
}

/* A group's rows: the lanes, the personas, a curve per persona, the links,
 * the Moments of Truth. */
static void
fill_group (JmOutline    *self,
            JmOutlineRow *group)
{
  g_autoptr(GPtrArray) objects = NULL;
  GListStore *store = jm_outline_row_ensure_children (group);

  switch (jm_outline_row_get_group (group))
    {
    case JM_OUTLINE_GROUP_LANES:
      objects = store_objects (jm_document_get_lanes (self->document));
      sync_rows (self, store, objects, JM_OUTLINE_ROW_LANE);
      break;
    case JM_OUTLINE_GROUP_PERSONAS:
      objects = store_objects (jm_document_get_personas (self->document));
      sync_rows (self, store, objects, JM_OUTLINE_ROW_PERSONA);
      break;
    case JM_OUTLINE_GROUP_CURVES:
      objects = store_objects (jm_document_get_personas (self->document));
      sync_rows (self, store, objects, JM_OUTLINE_ROW_CURVE);
      break;
    case JM_OUTLINE_GROUP_LINKS:
      objects = store_objects (jm_layer_get_links (shown_layer (self)));
      sync_rows (self, store, objects, JM_OUTLINE_ROW_LINK);
      break;
    case JM_OUTLINE_GROUP_MOMENTS:
    default:
      {
        g_autoptr(GHashTable) no_cells = cells_new ();
        g_autoptr(GPtrArray) flipped = sort_items (self, no_cells, store);
      }
      break;
    }
}

static gboolean
jm_outline_resync_cb (gpointer user_data)
{
  JmOutline *self = user_data;

  self->resync_id = 0;
  if (self->items_dirty)
    resync_items (self);
  if (self->points_dirty)
    resync_points (self);
  /* Rows replaced lost their selection; branches closed since stay so. */
  sync_selection (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a paste, an undo of a group): one pass each. */
static void
queue_resync (JmOutline *self)
{
  if (self->resync_id == 0)
    self->resync_id = g_idle_add (jm_outline_resync_cb, self);
}

/* What is pending is done now, before the tree is read. */
static void
flush_resync (JmOutline *self)
{
  if (self->resync_id == 0)
    return;

  g_clear_handle_id (&self->resync_id, g_source_remove);
  if (self->items_dirty)
    resync_items (self);
  if (self->points_dirty)
    resync_points (self);
}

/* The tree asks for a row's children when it shows the row (to know
 * whether it opens) and when it is opened: they are made the first time,
 * and a branch with none does not open. */
static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  JmOutline *self = user_data;
  JmOutlineRow *row = item;
  GListStore *store = jm_outline_row_get_children (row);

  if (self->document == NULL)
    return NULL;

  if (store == NULL)
    {
      switch (jm_outline_row_get_kind (row))
        {
        case JM_OUTLINE_ROW_STAGE:
          fill_stage (self, row);
          break;
        case JM_OUTLINE_ROW_CELL:
          {
            /* The stage's other cells are about to be shown too: one
             * pass for all that have no rows yet. Nothing made before is
             * touched while the list asks. */
            JmOutlineRow *stage_row = lookup_row (self, JM_OBJECT (jm_outline_row_get_stage (row)),
                                                  JM_OUTLINE_ROW_STAGE);
            GListStore *siblings = stage_row != NULL ? jm_outline_row_get_children (stage_row) : NULL;
            g_autoptr(GHashTable) cells = cells_new ();
            g_autoptr(GPtrArray) flipped = NULL;

            add_cell (cells, row);
            for (guint i = 0; siblings != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (siblings)); i++)
              {
                g_autoptr(JmOutlineRow) cell = g_list_model_get_item (G_LIST_MODEL (siblings), i);

                if (jm_outline_row_get_children (cell) == NULL)
                  add_cell (cells, cell);
              }
            flipped = sort_items (self, cells, NULL);
          }
          break;
        case JM_OUTLINE_ROW_GROUP:
          fill_group (self, row);
          break;
        case JM_OUTLINE_ROW_CURVE:
          fill_curve (self, row);
          break;
        default:
          return NULL;
        }
      store = jm_outline_row_get_children (row);
    }

  if (store == NULL || g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return NULL;

  return g_object_ref (G_LIST_MODEL (store));
}

/* Following the map */

/* Every row made is given its text again: the names of stages, lanes
 * and personas are in the names of what they hold. */
static void
update_all_rows (JmOutline *self)
{
  GHashTableIter iter;
  gpointer rows;

  g_hash_table_iter_init (&iter, self->registry);
  while (g_hash_table_iter_next (&iter, NULL, &rows))
    for (guint i = 0; i < ((GPtrArray *) rows)->len; i++)
      jm_outline_row_update (((GPtrArray *) rows)->pdata[i], self->document, self->state);
}

static void
update_rows_of (JmOutline *self,
                gpointer   object)
{
  GPtrArray *rows = g_hash_table_lookup (self->registry, object);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    jm_outline_row_update (rows->pdata[i], self->document, self->state);
}

static void
update_link_rows (JmOutline *self)
{
  GListStore *links = jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_LINKS]);

  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (links)); i++)
    {
      g_autoptr(JmOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (links), i);

      jm_outline_row_update (row, self->document, self->state);
    }
}

static void
on_object_changed_cb (JmOutline  *self,
                      GObject    *object,
                      GParamSpec *pspec,
                      JmDocument *document)
{
  const char *property = pspec != NULL ? pspec->name : "";

  if (JM_IS_STAGE (object) || JM_IS_LANE (object) || JM_IS_PERSONA (object))
    {
      update_all_rows (self);
      return;
    }

  update_rows_of (self, object);
  if (JM_IS_ITEM (object))
    {
      if (g_str_equal (property, "title"))
        update_link_rows (self);
      if (g_str_equal (property, "stage-id") || g_str_equal (property, "lane-id") ||
          g_str_equal (property, "moment"))
        {
          self->items_dirty = TRUE;
          queue_resync (self);
        }
    }
  else if (JM_IS_EMOTION_POINT (object))
    {
      if (g_str_equal (property, "persona-id") || g_str_equal (property, "stage-id") ||
          g_str_equal (property, "position"))
        {
          self->points_dirty = TRUE;
          queue_resync (self);
        }
    }
}

/* A stage added, removed or moved: its row in (or out), and every stage's
 * place ("Stage 2 of 5") said again. */
static void
on_stages_changed_cb (JmOutline     *self,
                      guint          position,
                      guint          removed,
                      guint          added,
                      JmObjectStore *stages)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (rows, jm_outline_row_new (JM_OUTLINE_ROW_STAGE,
                                               jm_object_store_get_object (stages, position + i)));
  splice_rows (self, self->roots, position, removed, rows);
  update_all_rows (self);
  /* Points are in stage order. */
  self->points_dirty = TRUE;
  queue_resync (self);
}

/* A lane added, removed or moved: a cell in (or out) of each stage made,
 * and the lanes' group. */
static void
on_lanes_changed_cb (JmOutline     *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     JmObjectStore *lanes)
{
  guint n_stages = jm_object_store_get_n_objects (jm_document_get_stages (self->document));

  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(JmOutlineRow) stage_row = g_list_model_get_item (G_LIST_MODEL (self->roots), s);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);
      GListStore *store = jm_outline_row_get_children (stage_row);

      if (store == NULL)
        continue;
      for (guint i = 0; i < added; i++)
        g_ptr_array_add (cells, jm_outline_row_new_cell (JM_STAGE (jm_outline_row_get_object (stage_row)),
                                                         jm_object_store_get_object (lanes, position + i)));
      splice_rows (self, store, position, removed, cells);
    }
  if (jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_LANES]) != NULL)
    fill_group (self, self->groups[JM_OUTLINE_GROUP_LANES]);
  /* A lane moved back has its items again. */
  self->items_dirty = TRUE;
  queue_resync (self);
}

static void
on_personas_changed_cb (JmOutline *self)
{
  if (jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_PERSONAS]) != NULL)
    fill_group (self, self->groups[JM_OUTLINE_GROUP_PERSONAS]);
  if (jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_CURVES]) != NULL)
    fill_group (self, self->groups[JM_OUTLINE_GROUP_CURVES]);
}

static void
on_items_changed_cb (JmOutline *self)
{
  self->items_dirty = TRUE;
  queue_resync (self);
}

static void
on_points_changed_cb (JmOutline *self)
{
  self->points_dirty = TRUE;
  queue_resync (self);
}

static void
on_links_changed_cb (JmOutline *self)
{
  if (jm_outline_row_get_children (self->groups[JM_OUTLINE_GROUP_LINKS]) != NULL)
    fill_group (self, self->groups[JM_OUTLINE_GROUP_LINKS]);
}

/* Finding an object's row */

/* Opens @row, unless branches are to stay as they are; says whether it
 * is open. */
static gboolean
open_row (JmOutline      *self,
          GtkTreeListRow *row)
{
  if (!self->keep_closed)
    gtk_tree_list_row_set_expanded (row, TRUE);

  return gtk_tree_list_row_get_expanded (row);
}

/* The row at @index among @parent's children (NULL for the roots), its
 * parent opened. */
static GtkTreeListRow *
open_child (JmOutline      *self,
            GtkTreeListRow *parent,
            guint           index)
{
  if (parent == NULL)
    return gtk_tree_list_model_get_child_row (self->tree, index);

  if (!open_row (self, parent))
    return NULL;
  return gtk_tree_list_row_get_child_row (parent, index);
}

static gboolean
find_in_children (JmOutlineRow *row,
                  JmObject     *object,
                  guint        *index)
{
  GListStore *store = jm_outline_row_get_children (row);

  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(JmOutlineRow) child = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (jm_outline_row_get_object (child) == object)
        return (*index = i, TRUE);
    }

  return FALSE;
}

/* @object's row in a group, the group opened: or NULL. */
static GtkTreeListRow *
reveal_in_group (JmOutline      *self,
                 JmOutlineGroup  group,
                 JmObject       *object)
{
  guint n_stages = jm_object_store_get_n_objects (jm_document_get_stages (self->document));
  g_autoptr(GtkTreeListRow) group_row = open_child (self, NULL, n_stages + group);
  guint index;

  if (group_row == NULL || !open_row (self, group_row))
    return NULL;
  if (!find_in_children (self->groups[group], object, &index))
    return NULL;

  return open_child (self, group_row, index);
}

/* The row that stands for @object in the tree, its branch opened: a
 * stage's, or an item's in its cell, a lane's, a persona's or a link's in
 * its group, a point's in its curve. */
static GtkTreeListRow *
reveal (JmOutline *self,
        JmObject  *object)
{
  JmDocument *document = self->document;

  if (JM_IS_STAGE (object))
    {
      int s = jm_document_get_stage_index (document, jm_object_get_id (object));

      return s >= 0 ? open_child (self, NULL, s) : NULL;
    }
  if (JM_IS_ITEM (object))
    {
      int s = jm_document_get_stage_index (document, jm_item_get_stage_id (JM_ITEM (object)));
      JmLane *lane = jm_document_lookup_lane (document, jm_item_get_lane_id (JM_ITEM (object)));
      g_autoptr(GtkTreeListRow) stage_row = NULL;
      g_autoptr(GtkTreeListRow) cell_row = NULL;
      g_autoptr(JmOutlineRow) cell = NULL;
      guint l, index;

      if (s < 0 || lane == NULL || !jm_object_store_find (jm_document_get_lanes (document), JM_OBJECT (lane), &l))
        return NULL;
      stage_row = open_child (self, NULL, s);
      if (stage_row == NULL || !open_row (self, stage_row))
        return NULL;
      cell_row = open_child (self, stage_row, l);
      if (cell_row == NULL || !open_row (self, cell_row))
        return NULL;
      cell = gtk_tree_list_row_get_item (cell_row);
      if (!find_in_children (cell, object, &index))
        return NULL;
      return open_child (self, cell_row, index);
    }
  if (JM_IS_LANE (object))
    return reveal_in_group (self, JM_OUTLINE_GROUP_LANES, object);
  if (JM_IS_PERSONA (object))
    return reveal_in_group (self, JM_OUTLINE_GROUP_PERSONAS, object);
  if (JM_IS_LINK (object))
    return reveal_in_group (self, JM_OUTLINE_GROUP_LINKS, object);
  if (JM_IS_EMOTION_POINT (object))
    {
      JmPersona *persona = jm_document_lookup_persona (document,
                                                       jm_emotion_point_get_persona_id (JM_EMOTION_POINT (object)));
      g_autoptr(GtkTreeListRow) curve_row = NULL;
      JmOutlineRow *curve;
      guint index;

      if (persona == NULL)
        return NULL;
      curve_row = reveal_in_group (self, JM_OUTLINE_GROUP_CURVES, JM_OBJECT (persona));
      if (curve_row == NULL)
        return NULL;
      curve = lookup_row (self, JM_OBJECT (persona), JM_OUTLINE_ROW_CURVE);
      if (curve == NULL)
        return NULL;
      /* The curve's points are made when it opens. */
      if (!open_row (self, curve_row) || !find_in_children (curve, object, &index))
        return NULL;
      return open_child (self, curve_row, index);
    }

  return NULL;
}

/* One selection */

/* The map's selection, shown here: each selected object's row selected;
 * with @open, its branch opened and the first one scrolled to, else only
 * the rows in open branches. */
static void
sync_selection (JmOutline *self,
                gboolean   open)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n_selected, first = G_MAXUINT;

  if (self->syncing || self->document == NULL || self->selection == NULL)
    return;

  flush_resync (self);
  n_selected = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  self->syncing = TRUE;
  self->keep_closed = !open;
  for (guint i = 0; i < n_selected; i++)
    {
      g_autoptr(GtkTreeListRow) row = reveal (self, jm_selection_peek (self->selection, i));

      if (row != NULL)
        {
          gtk_bitset_add (selected, gtk_tree_list_row_get_position (row));
          first = MIN (first, gtk_tree_list_row_get_position (row));
        }
    }
  /* Opening branches moved rows: positions are read again. */
  if (n_selected > 1)
    {
      gtk_bitset_remove_all (selected);
      first = G_MAXUINT;
      for (guint i = 0; i < n_selected; i++)
        {
          g_autoptr(GtkTreeListRow) row = reveal (self, jm_selection_peek (self->selection, i));

          if (row != NULL)
            {
              gtk_bitset_add (selected, gtk_tree_list_row_get_position (row));
              first = MIN (first, gtk_tree_list_row_get_position (row));
            }
        }
    }
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->tree)));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->rows_selection), selected, mask);
  self->syncing = FALSE;
  self->keep_closed = FALSE;

  if (open && first != G_MAXUINT && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      gtk_widget_activate_action (self->view, "list.scroll-to-item", "u", first);
      /* Scrolling to a row may give it focus, which stays where it was:
       * the canvas's keyboard user goes on there. */
      if (focus != NULL && root != NULL && gtk_root_get_focus (root) != focus)
        gtk_widget_grab_focus (focus);
    }
}

static void
jm_outline_sync_from_selection (JmOutline *self)
{
  sync_selection (self, TRUE);
}

/* Rows selected in the list: their objects, selected on the map. A
 * cell, a group or a curve selects nothing. */
static void
on_rows_selection_changed_cb (JmOutline      *self,
                              guint           position,
                              guint           n_items,
                              GtkSelectionModel *model)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  GtkBitsetIter iter;
  guint index;

  if (self->syncing || self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (model);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &index); more;
       more = gtk_bitset_iter_next (&iter, &index))
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, index);
      g_autoptr(JmOutlineRow) outline_row = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
      JmObject *object = outline_row != NULL ? jm_outline_row_get_selectable (outline_row) : NULL;

      if (object != NULL && !g_ptr_array_find (objects, object, NULL))
        g_ptr_array_add (objects, object);
    }

  self->syncing = TRUE;
  jm_selection_set_objects (self->selection, objects);
  self->syncing = FALSE;
}

static void
on_selection_changed_cb (JmOutline *self)
{
  jm_outline_sync_from_selection (self);
}

/* Rows */

static void
update_row_widget (GtkListItem  *list_item,
                   JmOutlineRow *row)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  const char *name = jm_outline_row_get_name (row);

  gtk_label_set_label (GTK_LABEL (label), jm_outline_row_get_text (row));
  gtk_widget_set_tooltip_text (label, name);
  if (jm_outline_row_get_heading (row))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");

  /* The row is what has focus, so it carries the full name. */
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_item_set_accessible_label (list_item, name);
#else
  if (gtk_widget_get_parent (expander) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (expander)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
#endif
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* GTK 4.18 relates the expander to its label as its name as well, and
   * that relation would win over the full name with the short text. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
on_row_notify_cb (JmOutlineRow *row,
                  GParamSpec   *pspec,
                  GtkListItem  *list_item)
{
  update_row_widget (list_item, row);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_end (label, 6);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(JmOutlineRow) row = gtk_tree_list_row_get_item (tree_row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), tree_row);
  update_row_widget (list_item, row);
  g_signal_connect_object (row, "notify", G_CALLBACK (on_row_notify_cb), list_item, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(JmOutlineRow) row = tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_notify_cb, list_item);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_activate_cb (JmOutline   *self,
                guint        position,
                GtkListView *view)
{
  g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, position);
  g_autoptr(JmOutlineRow) row = tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;
  JmObject *object = row != NULL ? jm_outline_row_get_selectable (row) : NULL;

  if (object != NULL)
    g_signal_emit (self, signals [OBJECT_ACTIVATED], 0, object);
  else if (tree_row != NULL && gtk_tree_list_row_is_expandable (tree_row))
    gtk_tree_list_row_set_expanded (tree_row, !gtk_tree_list_row_get_expanded (tree_row));
}

/* Keyboard */

/* The list's row that has focus, as the tree's row, or NULL. */
static GtkTreeListRow *
focused_row (JmOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  while (focus != NULL && gtk_widget_get_parent (focus) != self->view)
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL)
    return NULL;

  child = gtk_widget_get_first_child (focus);
  if (!GTK_IS_TREE_EXPANDER (child))
    return NULL;

  return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (child));
}

/* Moves focus and the selection to the row at @position. */
static void
move_to (JmOutline *self,
         guint      position)
{
  gtk_widget_activate_action (self->view, "list.scroll-to-item", "u", position);
  gtk_widget_activate_action (self->view, "list.select-item", "(ubb)", position, FALSE, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (self->view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *row = GTK_IS_TREE_EXPANDER (expander) ?
        gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;

      if (row != NULL && gtk_tree_list_row_get_position (row) == position)
        {
          gtk_widget_grab_focus (child);
          return;
        }
    }
}

/* Right opens a branch, or goes into an open one; Left closes it, or
 * goes up to the branch a row is in. */
static gboolean
on_key_pressed_cb (JmOutline             *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GtkTreeListRow *row;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean open;

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    open = !rtl;
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    open = rtl;
  else
    return GDK_EVENT_PROPAGATE;

  row = focused_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  if (open)
    {
      if (!gtk_tree_list_row_is_expandable (row))
        return GDK_EVENT_STOP;
      if (!gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
      else
        move_to (self, gtk_tree_list_row_get_position (row) + 1);
      return GDK_EVENT_STOP;
    }

  if (gtk_tree_list_row_get_expanded (row))
    {
      gtk_tree_list_row_set_expanded (row, FALSE);
    }
  else
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent != NULL)
        move_to (self, gtk_tree_list_row_get_position (parent));
    }
  return GDK_EVENT_STOP;
}

/* One Tab stop: Tab from outside lands on the list's current row, Tab
 * from inside leaves it; arrows move within. */
static gboolean
jm_outline_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  JmOutline *self = JM_OUTLINE (widget);

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (jm_outline_parent_class)->focus (widget, direction);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  if (!gtk_widget_is_sensitive (widget) || g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0)
    return FALSE;

  return gtk_widget_grab_focus (self->view);
}

static gboolean
jm_outline_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (JM_OUTLINE (widget)->view);
}

/* The object */

static void
jm_outline_clear (JmOutline *self)
{
  g_clear_handle_id (&self->resync_id, g_source_remove);
  self->items_dirty = FALSE;
  self->points_dirty = FALSE;
  self->syncing = TRUE;
  g_list_store_remove_all (self->roots);
  self->syncing = FALSE;
  g_hash_table_remove_all (self->registry);
  for (guint i = 0; i < JM_OUTLINE_N_GROUPS; i++)
    g_clear_object (&self->groups[i]);
}

static void
jm_outline_dispose (GObject *object)
{
  JmOutline *self = JM_OUTLINE (object);

  g_clear_handle_id (&self->resync_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_OUTLINE);
  if (self->roots != NULL)
    jm_outline_clear (self);
  g_clear_object (&self->document);
  g_clear_object (&self->rows_selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->registry, g_hash_table_unref);

  G_OBJECT_CLASS (jm_outline_parent_class)->dispose (object);
}

static void
jm_outline_class_init (JmOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_outline_dispose;
  widget_class->focus = jm_outline_focus;
  widget_class->grab_focus = jm_outline_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-outline");

  /**
   * JmOutline::object-activated:
   * @object: the object whose row was activated
   */
  signals [OBJECT_ACTIVATED] =
    g_signal_new ("object-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JM_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, JmOutline, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JmOutline, view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
jm_outline_init (JmOutline *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->registry = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->roots = g_list_store_new (JM_TYPE_OUTLINE_ROW);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)), FALSE, FALSE,
                                        create_children_cb, self, NULL);
  self->rows_selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  g_signal_connect_object (self->rows_selection, "selection-changed", G_CALLBACK (on_rows_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->view), GTK_SELECTION_MODEL (self->rows_selection));
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->view), factory);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->view, keys);
}

GtkWidget *
jm_outline_new (void)
{
  return g_object_new (JM_TYPE_OUTLINE, NULL);
}

/* The roots: a row per stage, then the groups, each made when opened. */
static void
jm_outline_build (JmOutline *self)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  JmObjectStore *stages = jm_document_get_stages (self->document);

  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    g_ptr_array_add (roots, jm_outline_row_new (JM_OUTLINE_ROW_STAGE, jm_object_store_get_object (stages, s)));
  for (guint g = 0; g < JM_OUTLINE_N_GROUPS; g++)
    {
      self->groups[g] = jm_outline_row_new_group (g);
      g_ptr_array_add (roots, g_object_ref (self->groups[g]));
    }
  self->syncing = TRUE;
  splice_rows (self, self->roots, 0, 0, roots);
  self->syncing = FALSE;
}

/**
 * jm_outline_set_document:
 * @state: the state whose items, points and links are listed
 *
 * Lists @document's stages and groups at once, whether the outline is
 * shown or not; their rows are made as they are opened.
 */
void
jm_outline_set_document (JmOutline    *self,
                         JmDocument   *document,
                         JmLayerState  state)
{
  g_return_if_fail (JM_IS_OUTLINE (self));

  if (self->document == document && self->state == state)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (jm_document_get_stages (self->document), self);
      g_signal_handlers_disconnect_by_data (jm_document_get_lanes (self->document), self);
      g_signal_handlers_disconnect_by_data (jm_document_get_personas (self->document), self);
      for (guint i = 0; i < JM_N_LAYER_STATES; i++)
        {
          JmLayer *layer = jm_document_get_layer (self->document, i);

          g_signal_handlers_disconnect_by_data (jm_layer_get_items (layer), self);
          g_signal_handlers_disconnect_by_data (jm_layer_get_points (layer), self);
          g_signal_handlers_disconnect_by_data (jm_layer_get_links (layer), self);
        }
    }
  jm_outline_clear (self);
  g_set_object (&self->document, document);
  self->state = state;
  if (document == NULL)
    return;

  g_signal_connect_object (document, "object-changed", G_CALLBACK (on_object_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jm_document_get_stages (document), "items-changed", G_CALLBACK (on_stages_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jm_document_get_lanes (document), "items-changed", G_CALLBACK (on_lanes_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jm_document_get_personas (document), "items-changed",
                           G_CALLBACK (on_personas_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jm_layer_get_items (shown_layer (self)), "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jm_layer_get_points (shown_layer (self)), "items-changed",
                           G_CALLBACK (on_points_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jm_layer_get_links (shown_layer (self)), "items-changed",
                           G_CALLBACK (on_links_changed_cb), self, G_CONNECT_SWAPPED);

  jm_outline_build (self);
  jm_outline_sync_from_selection (self);
}

/**
 * jm_outline_set_selection:
 * @selection: the map's selection, which the outline shows and changes
 */
void
jm_outline_set_selection (JmOutline   *self,
                          JmSelection *selection)
{
  g_return_if_fail (JM_IS_OUTLINE (self));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_selection_changed_cb), self,
                             G_CONNECT_SWAPPED);
  jm_outline_sync_from_selection (self);
}

/**
 * jm_outline_get_model:
 *
 * Returns: (transfer none): the tree the list shows, whose items are
 *   #GtkTreeListRow of #JmOutlineRow
 */
GListModel *
jm_outline_get_model (JmOutline *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE (self), NULL);

  flush_resync (self);
  return G_LIST_MODEL (self->tree);
}

/**
 * jm_outline_reveal:
 * @object: a stage, item, lane, persona, point or link of the map
 *
 * Opens the branch that holds @object's row.
 *
 * Returns: the row's position in jm_outline_get_model(), or -1 if it has none
 */
int
jm_outline_reveal (JmOutline *self,
                   JmObject  *object)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_val_if_fail (JM_IS_OUTLINE (self), -1);
  g_return_val_if_fail (JM_IS_OBJECT (object), -1);

  if (self->document == NULL)
    return -1;

  flush_resync (self);
  row = reveal (self, object);
  return row != NULL ? (int) gtk_tree_list_row_get_position (row) : -1;
}
