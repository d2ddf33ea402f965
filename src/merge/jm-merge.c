/* jm-merge.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-merge"

#include "config.h"

#include "jm-merge.h"

#include <glib/gi18n-lib.h>

#include "jm-diff.h"
#include "commands/jm-replace-command.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "model/jm-document-private.h"
#include "model/jm-emotion-point-private.h"
#include "model/jm-item-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-link-private.h"
#include "model/jm-object-store-private.h"
#include "model/jm-persona-private.h"

/* A three-way merge by id and property. The result starts as a copy of
 * ours; then every store is merged with its base and theirs:
 *
 * - an object both kept gets, property by property, the value that
 *   changed from the base, or ours when both changed it differently, with
 *   theirs recorded on the object as a JmConflict;
 * - one that one side removed and the other left alone is removed; one
 *   that the other side changed is kept (merging never loses an object
 *   either side has) with a conflict "removed";
 * - their additions go after their predecessor in their order; an id
 *   both added for different objects gets a new id on their side;
 * - their moves are made where ours did not move the same object.
 *
 * At the end every reference is made to resolve again (an item kept in a
 * stage the other side removed brings the stage back, with a conflict),
 * so that the result always opens. Comments merge the same way, except
 * that a comment both sides edited differently keeps ours and their text
 * becomes a comment of its own. */

G_DEFINE_QUARK (jm-merge-error-quark, jm_merge_error)

#define N_STORES 9 /* personas, stages, lanes; items, points, links of each state */

typedef struct
{
  GObject *owner;
  int      state;
  char    *property;
  char    *ours;
  char    *theirs;
  GType    type;
} Recorded;

typedef struct
{
  JmDocument *base;
  JmDocument *ours;
  JmDocument *theirs;
  JmDocument *result;
  GHashTable *renamed;  /* their id → new id */
  GHashTable *taken;    /* every id of the three maps and the new ones */
  GPtrArray  *recorded; /* Recorded */
} Merge;

static void
recorded_free (gpointer data)
{
  Recorded *recorded = data;

  g_clear_object (&recorded->owner);
  g_free (recorded->property);
  g_free (recorded->ours);
  g_free (recorded->theirs);
  g_free (recorded);
}

static void
jm_merge_conflict_free (gpointer data)
{
  JmMergeConflict *conflict = data;

  g_free (conflict->id);
  g_free (conflict->property);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict->sentence);
  g_free (conflict);
}

void
jm_merge_result_free (JmMergeResult *result)
{
  if (result == NULL)
    return;

  g_clear_object (&result->document);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_clear_pointer (&result->renamed, g_hash_table_unref);
  g_free (result);
}

/* Stores {{{ */

static JmObjectStore *
store_of (JmDocument *document,
          guint       k)
{
  JmLayer *layer;

  if (k == 0)
    return document->personas;
  if (k == 1)
    return document->stages;
  if (k == 2)
    return document->lanes;

  layer = document->layers[(k - 3) / 3];
  switch ((k - 3) % 3)
    {
    case 0:
      return jm_layer_get_items (layer);
    case 1:
      return jm_layer_get_points (layer);
    default:
      return jm_layer_get_links (layer);
    }
}

static int
state_of (guint k)
{
  return k < 3 ? -1 : (int) (k - 3) / 3;
}

/* Order means something for personas, stages, lanes and items. */
static gboolean
is_ordered (guint k)
{
  return k < 3 || (k - 3) % 3 == 0;
}

static guint
store_length (JmObjectStore *store)
{
  return store != NULL ? jm_object_store_get_n_objects (store) : 0;
}

static gpointer
store_lookup (JmObjectStore *store,
              const char    *id)
{
  return store != NULL && id != NULL ? jm_object_store_lookup (store, id) : NULL;
}

/* The map, its stages and the items of both states: what comments are on. */
static GPtrArray *
comment_owners (JmDocument *document)
{
  GPtrArray *owners = g_ptr_array_new ();

  g_ptr_array_add (owners, document);
  for (guint i = 0; i < store_length (document->stages); i++)
    g_ptr_array_add (owners, jm_object_store_get_object (document->stages, i));
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmObjectStore *items = jm_layer_get_items (document->layers[state]);

      for (guint i = 0; i < store_length (items); i++)
        g_ptr_array_add (owners, jm_object_store_get_object (items, i));
    }

  return owners;
}

static void
add_ids (GHashTable *ids,
         JmDocument *document)
{
  g_autoptr(GPtrArray) owners = comment_owners (document);

  for (guint k = 0; k < N_STORES; k++)
    {
      JmObjectStore *store = store_of (document, k);

      for (guint i = 0; i < store_length (store); i++)
        g_hash_table_add (ids, g_strdup (jm_object_get_id (jm_object_store_get_object (store, i))));
    }

  for (guint i = 0; i < owners->len; i++)
    {
      JmObjectStore *comments = jm_comments_peek (owners->pdata[i]);

      for (guint j = 0; j < store_length (comments); j++)
        g_hash_table_add (ids, g_strdup (jm_object_get_id (jm_object_store_get_object (comments, j))));
    }
}

static JmComment *
find_comment (JmDocument *document,
              const char *id)
{
  g_autoptr(GPtrArray) owners = comment_owners (document);

  for (guint i = 0; i < owners->len; i++)
    {
      JmComment *comment = store_lookup (jm_comments_peek (owners->pdata[i]), id);

      if (comment != NULL)
        return comment;
    }

  return NULL;
}

/* }}} */

/* Values {{{ */

static const char *
mapped (Merge      *m,
        const char *id)
{
  const char *renamed = id != NULL ? g_hash_table_lookup (m->renamed, id) : NULL;

  return renamed != NULL ? renamed : id;
}

/* A reference taken from their side names their object by its new id. */
static void
remap_value (Merge        *m,
             GParamSpec   *pspec,
             GValue       *value)
{
  if (G_VALUE_HOLDS_STRING (value) && g_str_has_suffix (pspec->name, "-id"))
    g_value_set_string (value, mapped (m, g_value_get_string (value)));
}

static gboolean
comments_equal (GObject *a,
                GObject *b)
{
  JmObjectStore *x = jm_comments_peek (a);
  JmObjectStore *y = jm_comments_peek (b);

  if (store_length (x) != store_length (y))
    return FALSE;

  for (guint i = 0; i < store_length (x); i++)
    {
      if (!jm_object_equal (jm_object_store_get_object (x, i), jm_object_store_get_object (y, i)))
        return FALSE;
    }

  return TRUE;
}

/* Whether one side did anything to an object of the base. */
static gboolean
changed (JmObject *base,
         JmObject *side)
{
  return !jm_object_equal (base, side) || !comments_equal (G_OBJECT (base), G_OBJECT (side));
}

static char *
new_id (Merge    *m,
        JmObject *object)
{
  for (;;)
    {
      char *id = jm_object_new_id (JM_OBJECT_GET_CLASS (object)->id_prefix);

      if (!g_hash_table_contains (m->taken, id))
        {
          g_hash_table_add (m->taken, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

/* A copy of @object with @id, its references renamed as theirs are, its
 * comments and conflict records with it. */
static JmObject *
clone_as (Merge      *m,
          JmObject   *object,
          const char *id)
{
  g_autofree GParamSpec **pspecs = NULL;
  JmObject *copy = g_object_new (G_OBJECT_TYPE (object), "id", id, NULL);
  JmObjectStore *comments = jm_comments_peek (object);
  JmObjectStore *conflicts = jm_conflicts_peek (object);
  guint n_pspecs;

  pspecs = _jm_model_list_editable_properties (G_OBJECT (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (object), pspecs[i]->name, &value);
      remap_value (m, pspecs[i], &value);
      _jm_model_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }
  _jm_foreign_data_copy (_jm_object_get_foreign (copy), _jm_object_get_foreign (object));

  for (guint i = 0; i < store_length (comments); i++)
    {
      JmObject *comment = jm_object_store_get_object (comments, i);
      g_autoptr(JmObject) comment_copy = clone_as (m, comment, mapped (m, jm_object_get_id (comment)));

      _jm_object_store_append (jm_comments_get (copy), comment_copy);
    }
  for (guint i = 0; i < store_length (conflicts); i++)
    {
      JmConflict *conflict = jm_object_store_get_object (conflicts, i);
      g_autoptr(JmConflict) record = jm_conflict_new (jm_conflict_get_property_name (conflict),
                                                      jm_conflict_get_ours (conflict),
                                                      jm_conflict_get_theirs (conflict));

      _jm_object_store_append (jm_conflicts_get (copy), JM_OBJECT (record));
    }

  return copy;
}

static void
record_conflict (Merge      *m,
                 GObject    *owner,
                 int         state,
                 const char *property,
                 const char *ours,
                 const char *theirs,
                 gboolean    in_file)
{
  Recorded *recorded = g_new0 (Recorded, 1);

  if (in_file)
    {
      JmObjectStore *store = jm_conflicts_get (owner);
      JmConflict *existing = jm_conflicts_lookup (owner, property);
      g_autoptr(JmConflict) conflict = jm_conflict_new (property, ours, theirs);
      guint position;

      if (existing != NULL && jm_object_store_find (store, JM_OBJECT (existing), &position))
        g_object_unref (_jm_object_store_remove (store, position));
      _jm_object_store_append (store, JM_OBJECT (conflict));
    }

  recorded->owner = g_object_ref (owner);
  recorded->state = state;
  recorded->property = g_strdup (property);
  recorded->ours = g_strdup (ours);
  recorded->theirs = g_strdup (theirs);
  recorded->type = G_OBJECT_TYPE (owner);
  g_ptr_array_add (m->recorded, recorded);
}

/* }}} */

/* Merging {{{ */

static void merge_store (Merge         *m,
                         JmObjectStore *result,
                         JmObjectStore *base,
                         JmObjectStore *ours,
                         JmObjectStore *theirs,
                         JmObjectStore *counterparts,
                         int            state,
                         gboolean       ordered,
                         GObject       *comments_of);

/* Puts @object after the nearest object before it in @source that the
 * result has, or first. */
static void
insert_after_predecessor (Merge         *m,
                          JmObjectStore *result,
                          JmObjectStore *source,
                          guint          source_position,
                          JmObject      *object,
                          gboolean       ordered)
{
  if (!ordered)
    {
      _jm_object_store_append (result, object);
      return;
    }

  for (guint i = source_position; i > 0; i--)
    {
      JmObject *previous = jm_object_store_get_object (source, i - 1);
      JmObject *found = store_lookup (result, mapped (m, jm_object_get_id (previous)));
      guint position;

      if (found != NULL && jm_object_store_find (result, found, &position))
        {
          _jm_object_store_insert (result, position + 1, object);
          return;
        }
    }

  _jm_object_store_insert (result, 0, object);
}

static void
merge_conflict_records (GObject *result,
                        GObject *base,
                        GObject *theirs)
{
  JmObjectStore *records = jm_conflicts_peek (theirs);

  /* Theirs' new records join ours; one ours settled stays settled. */
  for (guint i = 0; i < store_length (records); i++)
    {
      JmConflict *conflict = jm_object_store_get_object (records, i);
      const char *property = jm_conflict_get_property_name (conflict);
      g_autoptr(JmConflict) copy = NULL;

      if (jm_conflicts_lookup (result, property) != NULL ||
          (base != NULL && jm_conflicts_lookup (base, property) != NULL))
        continue;

      copy = jm_conflict_new (property, jm_conflict_get_ours (conflict), jm_conflict_get_theirs (conflict));
      _jm_object_store_append (jm_conflicts_get (result), JM_OBJECT (copy));
    }
}

static void
merge_comments (Merge   *m,
                GObject *result,
                GObject *base,
                GObject *ours,
                GObject *theirs,
                int      state)
{
  JmObjectStore *their_comments = jm_comments_peek (theirs);

  if (!jm_comments_can_have (result) || (store_length (their_comments) == 0 &&
                                          (base == NULL || store_length (jm_comments_peek (base)) == 0)))
    return;

  merge_store (m, jm_comments_get (result), base != NULL ? jm_comments_peek (base) : NULL,
               jm_comments_peek (ours), their_comments, NULL, state, FALSE, result);
}

/* @comments_of: the owner of @result when it is a comment */
static JmForeignData *
foreign_of (GObject *object)
{
  return JM_IS_DOCUMENT (object) ? &JM_DOCUMENT (object)->foreign : _jm_object_get_foreign (JM_OBJECT (object));
}

/* @result, @base, @ours, @theirs: the document or objects of one id */
static void
merge_object (Merge   *m,
              GObject *result,
              GObject *base,
              GObject *ours,
              GObject *theirs,
              int      state,
              GObject *comments_of)
{
  g_autofree GParamSpec **pspecs = NULL;
  gboolean comment_conflict = FALSE;
  guint n_pspecs;

  pspecs = _jm_model_list_editable_properties (result, &n_pspecs);

  for (guint i = 0; base != NULL && i < n_pspecs; i++)
    {
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) o = G_VALUE_INIT;
      g_auto(GValue) t = G_VALUE_INIT;
      g_autofree char *ours_text = NULL;
      g_autofree char *theirs_text = NULL;
      const char *name = pspecs[i]->name;

      g_value_init (&b, pspecs[i]->value_type);
      g_value_init (&o, pspecs[i]->value_type);
      g_value_init (&t, pspecs[i]->value_type);
      g_object_get_property (base, name, &b);
      g_object_get_property (ours, name, &o);
      g_object_get_property (theirs, name, &t);
      remap_value (m, pspecs[i], &t);

      if (jm_diff_values_equal (pspecs[i], &o, &t) || jm_diff_values_equal (pspecs[i], &t, &b))
        continue;
      if (jm_diff_values_equal (pspecs[i], &o, &b))
        {
          _jm_model_set_property (result, name, &t);
          continue;
        }

      if (comments_of != NULL)
        {
          comment_conflict = TRUE;
          continue;
        }
      ours_text = jm_value_to_string (&o);
      theirs_text = jm_value_to_string (&t);
      record_conflict (m, result, state, name, ours_text, theirs_text, TRUE);
    }

  if (comment_conflict)
    {
      /* Their text is kept beside ours, as a comment of its own. */
      g_autofree char *id = new_id (m, JM_OBJECT (theirs));
      g_autoptr(JmObject) copy = clone_as (m, JM_OBJECT (theirs), id);

      _jm_object_store_append (jm_comments_get (comments_of), copy);
      record_conflict (m, comments_of, state, "comment", jm_comment_get_text (JM_COMMENT (ours)),
                       jm_comment_get_text (JM_COMMENT (theirs)), FALSE);
    }

  if (base != NULL)
    {
      JmForeignData *b = foreign_of (base);
      JmForeignData *o = foreign_of (ours);
      JmForeignData *t = foreign_of (theirs);

      if (_jm_foreign_data_equal (o, b) && !_jm_foreign_data_equal (t, b))
        _jm_foreign_data_copy (foreign_of (result), t);
    }

  if (comments_of == NULL)
    {
      merge_comments (m, result, base, ours, theirs, state);
      merge_conflict_records (result, base, theirs);
    }
}

static const char *
presence (JmObject *base,
          JmObject *side)
{
  if (side == NULL)
    return JM_CONFLICT_VALUE_REMOVED;
  if (base != NULL && !changed (base, side))
    return "kept";

  return JM_CONFLICT_VALUE_CHANGED;
}

/* @counterparts: for a store of the future state, the base's store of
 * the current state, where an object both sides copied to the future
 * state came from */
static void
merge_store (Merge         *m,
             JmObjectStore *result,
             JmObjectStore *base,
             JmObjectStore *ours,
             JmObjectStore *theirs,
             JmObjectStore *counterparts,
             int            state,
             gboolean       ordered,
             GObject       *comments_of)
{
  /* What the base had. */
  for (guint i = 0; i < store_length (base); i++)
    {
      JmObject *b = jm_object_store_get_object (base, i);
      const char *id = jm_object_get_id (b);
      JmObject *o = store_lookup (ours, id);
      JmObject *t = store_lookup (theirs, id);
      JmObject *r = store_lookup (result, id);
      guint position;

      if (o != NULL && t != NULL)
        {
          if (r != NULL)
            merge_object (m, G_OBJECT (r), G_OBJECT (b), G_OBJECT (o), G_OBJECT (t), state, comments_of);
        }
      else if (o != NULL && r != NULL)
        {
          if (!changed (b, o))
            {
              if (jm_object_store_find (result, r, &position))
                g_object_unref (_jm_object_store_remove (result, position));
            }
          else if (comments_of == NULL)
            record_conflict (m, G_OBJECT (r), state, JM_CONFLICT_REMOVED, JM_CONFLICT_VALUE_CHANGED,
                             JM_CONFLICT_VALUE_REMOVED, TRUE);
        }
      else if (t != NULL && changed (b, t) && jm_object_store_find (theirs, t, &position))
        {
          g_autoptr(JmObject) copy = clone_as (m, t, id);

          insert_after_predecessor (m, result, theirs, position, copy, ordered);
          if (comments_of == NULL)
            record_conflict (m, G_OBJECT (copy), state, JM_CONFLICT_REMOVED, JM_CONFLICT_VALUE_REMOVED,
                             JM_CONFLICT_VALUE_CHANGED, TRUE);
        }
    }

  /* What they added. */
  for (guint i = 0; i < store_length (theirs); i++)
    {
      JmObject *t = jm_object_store_get_object (theirs, i);
      const char *id = mapped (m, jm_object_get_id (t));
      JmObject *r;

      if (store_lookup (base, jm_object_get_id (t)) != NULL)
        continue;

      r = store_lookup (result, id);
      if (r != NULL)
        {
          JmObject *o = store_lookup (ours, id);
          JmObject *origin = store_lookup (counterparts, id);

          /* The same addition on both sides: one object, merged from the
           * current state's counterpart when both copied that one. */
          if (o != NULL)
            merge_object (m, G_OBJECT (r), origin != NULL ? G_OBJECT (origin) : NULL, G_OBJECT (o),
                          G_OBJECT (t), state, comments_of);
        }
      else
        {
          g_autoptr(JmObject) copy = clone_as (m, t, id);

          insert_after_predecessor (m, result, theirs, i, copy, ordered);
        }
    }

  /* Where they moved what ours left in place. */
  if (ordered && base != NULL && ours != NULL && theirs != NULL)
    {
      g_autoptr(GHashTable) moved_theirs = jm_diff_find_moved (base, theirs);
      g_autoptr(GHashTable) moved_ours = jm_diff_find_moved (base, ours);

      for (guint i = 0; i < store_length (theirs); i++)
        {
          JmObject *t = jm_object_store_get_object (theirs, i);
          const char *id = jm_object_get_id (t);
          g_autoptr(JmObject) r = NULL;
          guint position;

          if (!g_hash_table_contains (moved_theirs, id) || g_hash_table_contains (moved_ours, id))
            continue;

          r = store_lookup (result, id);
          if (r == NULL || !jm_object_store_find (result, r, &position))
            {
              r = NULL;
              continue;
            }

          g_object_ref (r);
          g_object_unref (_jm_object_store_remove (result, position));
          insert_after_predecessor (m, result, theirs, i, r, TRUE);
        }
    }
}

/* }}} */

/* Making the result whole {{{ */

/* Brings back the object @id of store @k that the result refers to but
 * lost, from ours, theirs or the base, with a conflict "removed". */
static gboolean
restore (Merge      *m,
         guint       k,
         const char *id)
{
  JmDocument *sources[] = { m->ours, m->theirs, m->base };
  JmObject *base_object = store_lookup (store_of (m->base, k), id);

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      JmObjectStore *source = store_of (sources[s], k);
      JmObject *object = store_lookup (source, id);
      g_autoptr(JmObject) copy = NULL;
      g_autofree char *ours_word = NULL;
      guint position;

      /* A renamed object of theirs is under its old id there. */
      if (object == NULL && sources[s] == m->theirs)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, m->renamed);
          while (object == NULL && g_hash_table_iter_next (&iter, &key, &value))
            if (g_str_equal (value, id))
              object = store_lookup (source, key);
        }

      if (object == NULL || !jm_object_store_find (source, object, &position))
        continue;

      copy = clone_as (m, object, id);
      insert_after_predecessor (m, store_of (m->result, k), source, position, copy, is_ordered (k));
      record_conflict (m, G_OBJECT (copy), state_of (k), JM_CONFLICT_REMOVED,
                       presence (base_object, store_lookup (store_of (m->ours, k), id)),
                       presence (base_object, store_lookup (store_of (m->theirs, k), mapped (m, id))),
                       TRUE);
      return TRUE;
    }

  return FALSE;
}

/* A reference of the result that names nothing: the object comes back.
 * Returns whether anything changed. */
static gboolean
mend_references (Merge *m)
{
  JmDocument *result = m->result;
  gboolean mended = FALSE;

  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmObjectStore *items = jm_layer_get_items (result->layers[state]);
      JmObjectStore *points = jm_layer_get_points (result->layers[state]);
      JmObjectStore *links = jm_layer_get_links (result->layers[state]);

      for (guint i = 0; i < store_length (items); i++)
        {
          JmItem *item = jm_object_store_get_object (items, i);

          if (jm_document_lookup_stage (result, item->stage_id) == NULL)
            mended |= restore (m, 1, item->stage_id);
          if (jm_document_lookup_lane (result, item->lane_id) == NULL)
            mended |= restore (m, 2, item->lane_id);
        }

      for (guint i = 0; i < store_length (points); i++)
        {
          JmEmotionPoint *point = jm_object_store_get_object (points, i);

          if (jm_document_lookup_stage (result, point->stage_id) == NULL)
            mended |= restore (m, 1, point->stage_id);
          if (point->persona_id != NULL && jm_document_lookup_persona (result, point->persona_id) == NULL)
            mended |= restore (m, 0, point->persona_id);
        }

      for (guint i = store_length (links); i > 0; i--)
        {
          JmLink *link = jm_object_store_get_object (links, i - 1);
          guint k = 3 + state * 3;
          gboolean whole = TRUE, missing = FALSE;

          if (store_lookup (items, link->from_id) == NULL)
            {
              missing = TRUE;
              whole = restore (m, k, link->from_id);
            }
          if (whole && store_lookup (items, link->to_id) == NULL)
            {
              missing = TRUE;
              whole = restore (m, k, link->to_id);
            }

          /* No side has the item any more: the link cannot stay. */
          if (!whole)
            g_object_unref (_jm_object_store_remove (links, i - 1));
          mended |= missing;
        }
    }

  return mended;
}

/* Each side may have made another persona the primary one: ours stays. */
static void
mend_primary (Merge *m)
{
  JmObjectStore *personas = m->result->personas;
  JmPersona *primary = NULL;

  for (guint i = 0; i < store_length (personas); i++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, i);
      JmPersona *in_ours = store_lookup (m->ours->personas, jm_object_get_id (JM_OBJECT (persona)));

      if (persona->primary && in_ours != NULL && in_ours->primary)
        primary = persona;
    }

  for (guint i = 0; primary != NULL && i < store_length (personas); i++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (persona == primary || !persona->primary)
        continue;

      g_value_init (&value, G_TYPE_BOOLEAN);
      _jm_model_set_property (G_OBJECT (persona), "primary", &value);
      record_conflict (m, G_OBJECT (persona), -1, "primary", "false", "true", TRUE);
    }
}

/* }}} */

/* Checks {{{ */

/* Lanes and personas often keep the ids of the template a map began
 * from ("lane-actions"), in maps that have nothing else in common: only
 * stages and the objects of the states tell that one map comes from
 * another. A base without them is compared on everything. */
static gboolean
is_telling (JmDocument *document,
            guint       k)
{
  return k == 1 || k >= 3 || (store_length (document->stages) == 0 &&
                              store_length (jm_layer_get_items (document->layers[0])) == 0 &&
                              store_length (jm_layer_get_items (document->layers[1])) == 0);
}

static gboolean
shares_objects (JmDocument *base,
                JmDocument *other)
{
  for (guint k = 0; k < N_STORES; k++)
    {
      JmObjectStore *store = store_of (base, k);

      if (!is_telling (base, k))
        continue;

      for (guint i = 0; i < store_length (store); i++)
        {
          if (store_lookup (store_of (other, k), jm_object_get_id (jm_object_store_get_object (store, i))) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_empty (JmDocument *document)
{
  for (guint k = 0; k < N_STORES; k++)
    {
      if (store_length (store_of (document, k)) > 0)
        return FALSE;
    }

  return TRUE;
}

/* Whether @id, added by both, names the same object on both sides. */
static gboolean
same_addition (Merge      *m,
               const char *id)
{
  JmComment *our_comment = find_comment (m->ours, id);
  JmComment *their_comment = find_comment (m->theirs, id);

  if ((our_comment == NULL) != (their_comment == NULL) ||
      (our_comment != NULL && !jm_object_equal (JM_OBJECT (our_comment), JM_OBJECT (their_comment))))
    return FALSE;

  for (guint k = 0; k < N_STORES; k++)
    {
      JmObject *o = store_lookup (store_of (m->ours, k), id);
      JmObject *t = store_lookup (store_of (m->theirs, k), id);

      if ((o == NULL) != (t == NULL) || (o != NULL && !jm_object_equal (o, t)))
        return FALSE;
    }

  return TRUE;
}

/* Their new ids that ours uses too, for something else, get new ids. */
static void
find_renames (Merge *m)
{
  g_autoptr(GHashTable) base_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) our_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) their_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  add_ids (base_ids, m->base);
  add_ids (our_ids, m->ours);
  add_ids (their_ids, m->theirs);
  add_ids (m->taken, m->base);
  add_ids (m->taken, m->ours);
  add_ids (m->taken, m->theirs);

  g_hash_table_iter_init (&iter, their_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *id = key;
      JmObject *object = NULL;

      if (g_hash_table_contains (base_ids, id) || !g_hash_table_contains (our_ids, id) || same_addition (m, id))
        continue;

      for (guint k = 0; object == NULL && k < N_STORES; k++)
        object = store_lookup (store_of (m->theirs, k), id);
      if (object == NULL)
        object = JM_OBJECT (find_comment (m->theirs, id));

      g_hash_table_insert (m->renamed, g_strdup (id), new_id (m, object));
    }
}

/* }}} */

static JmDocument *
copy_document (JmDocument  *document,
               GError     **error)
{
  g_autoptr(GBytes) bytes = jm_xml_writer_write_bytes (document);

  return jm_xml_reader_read_bytes (bytes, "merge", error);
}

static GPtrArray *
list_conflicts (Merge *m)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (jm_merge_conflict_free);

  for (guint i = 0; i < m->recorded->len; i++)
    {
      Recorded *recorded = m->recorded->pdata[i];
      JmMergeConflict *conflict = g_new0 (JmMergeConflict, 1);
      g_autofree char *what = jm_diff_describe_object (m->result, recorded->owner, recorded->state);
      g_autofree char *ours = jm_diff_quote (recorded->ours);
      g_autofree char *theirs = jm_diff_quote (recorded->theirs);

      conflict->type = recorded->type;
      conflict->state = recorded->state;
      conflict->id = g_strdup (JM_IS_OBJECT (recorded->owner) ?
                               jm_object_get_id (JM_OBJECT (recorded->owner)) : NULL);
      conflict->property = g_strdup (recorded->property);
      conflict->ours = g_strdup (recorded->ours);
      conflict->theirs = g_strdup (recorded->theirs);
      /* Translators: an object, a property, our value, their value */
      conflict->sentence = g_strdup_printf (_("%s: %s: ours → %s, theirs → %s"), what, recorded->property,
                                            ours, theirs);
      g_ptr_array_add (conflicts, conflict);
    }

  return conflicts;
}

/**
 * jm_merge_documents:
 * @base: the copy @ours and @theirs both started from
 * @ours: our copy: the result keeps its values where both changed one
 * @theirs: their copy
 * @error: return location for a #JM_MERGE_ERROR or #JM_FORMAT_ERROR
 *
 * Merges the changes of @theirs since @base into @ours, per object and per
 * property, by id, in both states. Conflicts are recorded on the objects
 * of the result (see #JmConflict) and listed. Refuses maps of a format
 * newer than this version knows (what it adds could not be merged) and a
 * @base that shares nothing with a side (it cannot be their ancestor).
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
JmMergeResult *
jm_merge_documents (JmDocument  *base,
                    JmDocument  *ours,
                    JmDocument  *theirs,
                    GError     **error)
{
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  JmDocument *documents[] = { base, ours, theirs };
  const char *names[] = { N_("The base"), N_("Ours"), N_("Theirs") };
  Merge m = { base, ours, theirs, NULL, NULL, NULL, NULL };
  guint rounds = 0;

  g_return_val_if_fail (JM_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (theirs), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      if (jm_document_get_format_minor (documents[i]) > JM_FORMAT_MINOR)
        {
          g_set_error (error, JM_MERGE_ERROR, JM_MERGE_ERROR_NEWER_VERSION,
                       _("%s is a map of format 1.%d, newer than this version knows (1.%d): what it "
                         "adds could not be merged. Merge with a newer Journeymap."),
                       _(names[i]), jm_document_get_format_minor (documents[i]), JM_FORMAT_MINOR);
          return NULL;
        }
    }

  for (guint i = 1; i < G_N_ELEMENTS (documents); i++)
    {
      if (!is_empty (base) && !is_empty (documents[i]) && !shares_objects (base, documents[i]))
        {
          g_set_error (error, JM_MERGE_ERROR, JM_MERGE_ERROR_NOT_RELATED,
                       _("The base shares no stage, item, emotion point or link with %s: it is not "
                         "the copy both started from."),
                       i == 1 ? _("ours") : _("theirs"));
          return NULL;
        }
    }

  result = g_new0 (JmMergeResult, 1);
  result->document = copy_document (ours, error);
  if (result->document == NULL)
    return NULL;

  result->renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  recorded = g_ptr_array_new_with_free_func (recorded_free);
  m.result = result->document;
  m.renamed = result->renamed;
  m.taken = taken;
  m.recorded = recorded;

  find_renames (&m);
  merge_object (&m, G_OBJECT (m.result), G_OBJECT (base), G_OBJECT (ours), G_OBJECT (theirs), -1, NULL);
  for (guint k = 0; k < N_STORES; k++)
    merge_store (&m, store_of (m.result, k), store_of (base, k), store_of (ours, k), store_of (theirs, k),
                 state_of (k) == JM_LAYER_STATE_FUTURE ? store_of (base, k - 3) : NULL,
                 state_of (k), is_ordered (k), NULL);

  /* Each round brings back what the last one needs (an item, then its
   * stage); a map has finitely many objects. */
  while (mend_references (&m) && rounds++ < 1000000)
    ;
  mend_primary (&m);

  result->conflicts = list_conflicts (&m);
  return g_steal_pointer (&result);
}

/**
 * jm_merge_into:
 * @stack: the undo history of the open map, which is ours
 * @base: the copy both started from (a colleague's ancestor, or the map
 *   as last saved)
 * @theirs: the other copy
 * @error: return location for a #JM_MERGE_ERROR or #JM_FORMAT_ERROR
 *
 * Merges @theirs into the open map as one step, "Merge Changes", which
 * undo takes back whole. The objects of the map are replaced by the
 * merged ones (a view drops its selection).
 *
 * Returns: (transfer full): the result, whose document is now the open
 *   map, or %NULL with @error set and the map unchanged
 */
JmMergeResult *
jm_merge_into (JmCommandStack  *stack,
               JmDocument      *base,
               JmDocument      *theirs,
               GError         **error)
{
  JmDocument *document;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(JmCommand) command = NULL;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  document = jm_command_stack_get_document (stack);
  result = jm_merge_documents (base, document, theirs, error);
  if (result == NULL)
    return NULL;

  command = jm_replace_command_new (result->document, _("Merge Changes"));
  if (!jm_command_stack_push (stack, command, error))
    return NULL;

  g_set_object (&result->document, document);
  return g_steal_pointer (&result);
}
