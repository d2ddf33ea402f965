/* jm-diff.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-merge"

#include "config.h"

#include "jm-diff.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "model/jm-document-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-object-private.h"

/* Two copies of a map are compared object by object, through ids, as the
 * compare view compares the two states: an id only in the new copy is an
 * addition, one only in the old a removal, one in both with other values
 * a change of each property that differs. Items that go to another cell,
 * and stages, lanes, personas and items that leave the order the others
 * keep, are moves. Each change carries a sentence that names the object
 * as the new copy has it (the old one for a removal), with its place. */

typedef struct
{
  JmDocument *old_document;
  JmDocument *new_document;
  GPtrArray  *changes;
} Diff;

#define SHORT_VALUE_CHARS 80

void
jm_change_free (JmChange *change)
{
  if (change == NULL)
    return;

  g_free (change->id);
  g_free (change->property);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->sentence);
  g_free (change);
}

/* Values and names {{{ */

/* A text as a sentence shows it: quoted, on one line, not too long. */
static char *
quote_text_max (const char *text,
                glong       max_chars)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  glong n_chars = 0;

  if (text == NULL || *text == '\0')
    return g_strdup (_("none"));

  for (const char *p = text; *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p), n_chars++)
    {
      if (*p == '\n')
        g_string_append (shown, "⏎");
      else if (*p == '\r' || *p == '\t')
        g_string_append_c (shown, ' ');
      else
        g_string_append_unichar (shown, g_utf8_get_char (p));
    }
  if (n_chars == max_chars && g_utf8_strlen (text, -1) > max_chars)
    g_string_append (shown, "…");

  /* Translators: a text quoted in a sentence */
  return g_strdup_printf (_("“%s”"), shown->str);
}

static char *
quote_text (const char *text)
{
  return quote_text_max (text, SHORT_VALUE_CHARS);
}

/**
 * jm_diff_quote:
 * @text: (nullable): a value
 *
 * Returns: (transfer full): @text as sentences show it: quoted, on one
 *   line, shortened; "none" for no text
 */
char *
jm_diff_quote (const char *text)
{
  return quote_text (text);
}

static const char *
name_or_untitled (const char *name)
{
  return name != NULL && *name != '\0' ? name : _("untitled");
}

static char *
stage_name (JmDocument *document,
            const char *id)
{
  JmStage *stage = id != NULL ? jm_document_lookup_stage (document, id) : NULL;

  return quote_text (stage != NULL ? name_or_untitled (jm_stage_get_name (stage)) : id);
}

static char *
lane_name (JmDocument *document,
           const char *id)
{
  JmLane *lane = id != NULL ? jm_document_lookup_lane (document, id) : NULL;

  return quote_text (lane != NULL ? name_or_untitled (jm_lane_get_name (lane)) : id);
}

static char *
item_name (JmDocument *document,
           int         state,
           const char *id)
{
  JmItem *item = NULL;

  if (id != NULL && state >= 0)
    item = jm_layer_lookup_item (jm_document_get_layer (document, state), id);

  return quote_text (item != NULL ? name_or_untitled (jm_item_get_title (item)) : id);
}

static char *
cell_name (JmDocument *document,
           const char *stage_id,
           const char *lane_id)
{
  g_autofree char *stage = stage_name (document, stage_id);
  g_autofree char *lane = lane_name (document, lane_id);

  /* Translators: a cell of the map: a stage and a lane */
  return g_strdup_printf (_("%s / %s"), stage, lane);
}

/* What a value of @pspec of an object in @document reads as: names for
 * references, quoted text, a word for a picture. */
static char *
display_value_full (JmDocument   *document,
                    int           state,
                    GParamSpec   *pspec,
                    const GValue *value,
                    gboolean      full)
{
  g_autofree char *text = NULL;

  /* An outline names references by id, so that renaming a stage changes
   * the stage's line, not the lines of all its items. */
  if (full && (g_str_has_suffix (pspec->name, "-id")))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : _("none"));

  if (g_str_equal (pspec->name, "stage-id"))
    return stage_name (document, g_value_get_string (value));
  if (g_str_equal (pspec->name, "lane-id"))
    return lane_name (document, g_value_get_string (value));
  if (g_str_equal (pspec->name, "from-id") || g_str_equal (pspec->name, "to-id"))
    return item_name (document, state, g_value_get_string (value));
  if (g_str_equal (pspec->name, "persona-id"))
    {
      const char *id = g_value_get_string (value);
      JmPersona *persona = id != NULL ? jm_document_lookup_persona (document, id) : NULL;

      return quote_text (persona != NULL ? jm_persona_get_name (persona) : id);
    }
  if (G_VALUE_HOLDS_STRING (value))
    return quote_text_max (g_value_get_string (value), full ? G_MAXLONG : SHORT_VALUE_CHARS);
  if (G_VALUE_HOLDS (value, G_TYPE_BYTES) && g_value_get_boxed (value) != NULL && full)
    {
      /* An outline names the picture by its content, so that a line diff
       * sees a new one. */
      g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, g_value_get_boxed (value));

      checksum[12] = '\0';
      /* Translators: a picture, named by the start of its checksum */
      return g_strdup_printf (_("a picture (%s)"), checksum);
    }
  if (G_VALUE_HOLDS (value, G_TYPE_BYTES))
    return g_strdup (g_value_get_boxed (value) != NULL ? _("a picture") : _("none"));

  /* An opportunity's score below its range is no score (format 1.1). */
  if (G_VALUE_HOLDS_DOUBLE (value) &&
      (g_str_equal (pspec->name, "effort") ? g_value_get_double (value) < JM_EFFORT_MIN
       : (g_str_equal (pspec->name, "customer-value") || g_str_equal (pspec->name, "business-value")) &&
         g_value_get_double (value) < JM_VALUE_MIN))
    return g_strdup (_("none"));

  text = jm_value_to_string (value);
  return g_strdup (text != NULL ? text : _("none"));
}

static char *
display_value (JmDocument   *document,
               int           state,
               GParamSpec   *pspec,
               const GValue *value)
{
  return display_value_full (document, state, pspec, value, FALSE);
}

/**
 * jm_diff_describe_object:
 * @document: the map @object is in
 * @object: @document or one of its objects, a comment or a conflict
 *   included
 * @state: the #JmLayerState of an item, point or link, else -1
 *
 * Returns: (transfer full): how a sentence names @object: its kind, its
 *   name and, for items, points and links, its state and place
 */
char *
jm_diff_describe_object (JmDocument *document,
                         GObject    *object,
                         int         state)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  if (JM_IS_DOCUMENT (object))
    return g_strdup (_("The map"));
  if (JM_IS_PERSONA (object))
    {
      name = quote_text (name_or_untitled (jm_persona_get_name (JM_PERSONA (object))));
      return g_strdup_printf (_("Persona %s"), name);
    }
  if (JM_IS_STAGE (object))
    {
      name = quote_text (name_or_untitled (jm_stage_get_name (JM_STAGE (object))));
      return g_strdup_printf (_("Stage %s"), name);
    }
  if (JM_IS_LANE (object))
    {
      name = quote_text (name_or_untitled (jm_lane_get_name (JM_LANE (object))));
      return g_strdup_printf (_("Lane %s"), name);
    }

  if (JM_IS_ITEM (object))
    {
      JmItem *item = JM_ITEM (object);
      g_autofree char *cell = cell_name (document, jm_item_get_stage_id (item), jm_item_get_lane_id (item));
      g_autofree char *title = quote_text (name_or_untitled (jm_item_get_title (item)));

      name = g_strdup_printf (_("item %s in %s"), title, cell);
    }
  else if (JM_IS_EMOTION_POINT (object))
    {
      JmEmotionPoint *point = JM_EMOTION_POINT (object);
      g_autofree char *stage = stage_name (document, jm_emotion_point_get_stage_id (point));
      g_autofree char *label = quote_text (name_or_untitled (jm_emotion_point_get_label (point)));

      name = g_strdup_printf (_("emotion point %s in %s"), label, stage);
    }
  else if (JM_IS_LINK (object))
    {
      JmLink *link = JM_LINK (object);
      g_autofree char *from = item_name (document, state, jm_link_get_from_id (link));
      g_autofree char *to = item_name (document, state, jm_link_get_to_id (link));

      name = g_strdup_printf (_("link from %s to %s"), from, to);
    }
  else
    return g_strdup (jm_object_get_id (JM_OBJECT (object)));

  if (state == JM_LAYER_STATE_FUTURE)
    return g_strdup_printf (_("Future state: %s"), name);
  return g_strdup_printf (_("Current state: %s"), name);
}

/* }}} */

/* Recording {{{ */

static void
diff_add (Diff        *d,
          JmChangeKind kind,
          GType        type,
          int          state,
          const char  *id,
          const char  *property,
          char        *old_value,
          char        *new_value,
          char        *sentence)
{
  JmChange *change = g_new0 (JmChange, 1);

  change->kind = kind;
  change->type = type;
  change->state = state;
  change->id = g_strdup (id);
  change->property = g_strdup (property);
  change->old_value = old_value;
  change->new_value = new_value;
  change->sentence = sentence;
  g_ptr_array_add (d->changes, change);
}

static const char *
object_id (GObject *object)
{
  return JM_IS_OBJECT (object) ? jm_object_get_id (JM_OBJECT (object)) : NULL;
}

/**
 * jm_diff_values_equal:
 * @pspec: an editable property of a model object or the document
 *
 * Whether two values of @pspec are no change, as the file sees it: an
 * empty text is no text, pictures and dates are compared by content.
 */
gboolean
jm_diff_values_equal (GParamSpec   *pspec,
                      const GValue *a,
                      const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *x = g_value_get_string (a);
      const char *y = g_value_get_string (b);

      return g_strcmp0 (x != NULL && *x != '\0' ? x : NULL, y != NULL && *y != '\0' ? y : NULL) == 0;
    }

  return _jm_model_values_equal (pspec, a, b);
}

/* The properties of an item's cell make one move, not two changes. */
static gboolean
is_cell_property (GObject    *object,
                  const char *property)
{
  return JM_IS_ITEM (object) && (g_str_equal (property, "stage-id") || g_str_equal (property, "lane-id"));
}

static void
diff_properties (Diff    *d,
                 GObject *old_object,
                 GObject *new_object,
                 int      state)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *what = NULL;
  guint n_pspecs;

  pspecs = _jm_model_list_editable_properties (new_object, &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      g_autofree char *old_shown = NULL;
      g_autofree char *new_shown = NULL;

      if (is_cell_property (new_object, pspecs[i]->name))
        continue;

      g_value_init (&old_value, pspecs[i]->value_type);
      g_value_init (&new_value, pspecs[i]->value_type);
      g_object_get_property (old_object, pspecs[i]->name, &old_value);
      g_object_get_property (new_object, pspecs[i]->name, &new_value);
      if (jm_diff_values_equal (pspecs[i], &old_value, &new_value))
        continue;

      if (what == NULL)
        what = jm_diff_describe_object (d->new_document, new_object, state);
      old_shown = display_value (d->old_document, state, pspecs[i], &old_value);
      new_shown = display_value (d->new_document, state, pspecs[i], &new_value);
      diff_add (d, JM_CHANGE_CHANGED, G_OBJECT_TYPE (new_object), state, object_id (new_object),
                pspecs[i]->name, jm_value_to_string (&old_value), jm_value_to_string (&new_value),
                /* Translators: an object, a property, its old value, its new value */
                g_strdup_printf (_("%s: %s: %s → %s."), what, pspecs[i]->name, old_shown, new_shown));
    }

  if (JM_IS_OBJECT (old_object) &&
      !_jm_foreign_data_equal (_jm_object_get_foreign (JM_OBJECT (old_object)),
                               _jm_object_get_foreign (JM_OBJECT (new_object))))
    {
      if (what == NULL)
        what = jm_diff_describe_object (d->new_document, new_object, state);
      diff_add (d, JM_CHANGE_CHANGED, G_OBJECT_TYPE (new_object), state, object_id (new_object),
                "extensions", NULL, NULL,
                g_strdup_printf (_("%s: the data of other applications changed."), what));
    }
}

/* }}} */

/* Comments and conflicts {{{ */

static char *
describe_comment (JmDocument *document,
                  JmComment  *comment,
                  GObject    *owner,
                  int         state)
{
  g_autofree char *on = jm_diff_describe_object (document, owner, state);
  const char *author = jm_comment_get_author (comment);

  return g_strdup_printf (_("Comment by %s on %s"),
                          author != NULL && *author != '\0' ? author : _("someone"), on);
}

static char *
describe_conflict (JmDocument *document,
                   JmConflict *conflict,
                   GObject    *owner,
                   int         state)
{
  g_autofree char *on = jm_diff_describe_object (document, owner, state);

  return g_strdup_printf (_("Conflict about “%s” on %s"), jm_conflict_get_property_name (conflict), on);
}

static guint
store_length (JmObjectStore *store)
{
  return store != NULL ? jm_object_store_get_n_objects (store) : 0;
}

static void
diff_comments (Diff    *d,
               GObject *old_owner,
               GObject *new_owner,
               int      state)
{
  JmObjectStore *old_comments = old_owner != NULL ? jm_comments_peek (old_owner) : NULL;
  JmObjectStore *new_comments = new_owner != NULL ? jm_comments_peek (new_owner) : NULL;

  for (guint i = 0; i < store_length (new_comments); i++)
    {
      JmComment *comment = jm_object_store_get_object (new_comments, i);
      const char *id = jm_object_get_id (JM_OBJECT (comment));
      JmComment *before = old_comments != NULL ? jm_object_store_lookup (old_comments, id) : NULL;
      g_autofree char *what = NULL;
      g_autofree char *text = NULL;

      if (before != NULL)
        {
          diff_properties (d, G_OBJECT (before), G_OBJECT (comment), state);
          continue;
        }

      what = describe_comment (d->new_document, comment, new_owner, state);
      text = quote_text (jm_comment_get_text (comment));
      diff_add (d, JM_CHANGE_ADDED, JM_TYPE_COMMENT, state, id, NULL, NULL, NULL,
                /* Translators: a comment and its text */
                g_strdup_printf (_("%s added: %s."), what, text));
    }

  for (guint i = 0; i < store_length (old_comments); i++)
    {
      JmComment *comment = jm_object_store_get_object (old_comments, i);
      const char *id = jm_object_get_id (JM_OBJECT (comment));
      g_autofree char *what = NULL;

      if (new_comments != NULL && jm_object_store_lookup (new_comments, id) != NULL)
        continue;

      what = describe_comment (d->old_document, comment, old_owner, state);
      diff_add (d, JM_CHANGE_REMOVED, JM_TYPE_COMMENT, state, id, NULL, NULL, NULL,
                g_strdup_printf (_("%s removed."), what));
    }
}

static void
diff_conflicts (Diff    *d,
                GObject *old_owner,
                GObject *new_owner,
                int      state)
{
  JmObjectStore *old_conflicts = old_owner != NULL ? jm_conflicts_peek (old_owner) : NULL;
  JmObjectStore *new_conflicts = new_owner != NULL ? jm_conflicts_peek (new_owner) : NULL;

  for (guint i = 0; i < store_length (new_conflicts); i++)
    {
      JmConflict *conflict = jm_object_store_get_object (new_conflicts, i);
      const char *property = jm_conflict_get_property_name (conflict);
      JmConflict *before = old_owner != NULL ? jm_conflicts_lookup (old_owner, property) : NULL;
      g_autofree char *what = NULL;

      if (before != NULL)
        {
          diff_properties (d, G_OBJECT (before), G_OBJECT (conflict), state);
          continue;
        }

      what = describe_conflict (d->new_document, conflict, new_owner, state);
      diff_add (d, JM_CHANGE_ADDED, JM_TYPE_CONFLICT, state, object_id (new_owner), property,
                NULL, NULL, g_strdup_printf (_("%s added."), what));
    }

  for (guint i = 0; i < store_length (old_conflicts); i++)
    {
      JmConflict *conflict = jm_object_store_get_object (old_conflicts, i);
      const char *property = jm_conflict_get_property_name (conflict);
      g_autofree char *what = NULL;

      if (new_owner != NULL && jm_conflicts_lookup (new_owner, property) != NULL)
        continue;

      what = describe_conflict (d->old_document, conflict, old_owner, state);
      diff_add (d, JM_CHANGE_REMOVED, JM_TYPE_CONFLICT, state, object_id (old_owner), property,
                NULL, NULL, g_strdup_printf (_("%s removed."), what));
    }
}

static void
diff_annotations (Diff    *d,
                  GObject *old_owner,
                  GObject *new_owner,
                  int      state)
{
  diff_comments (d, old_owner, new_owner, state);
  diff_conflicts (d, old_owner, new_owner, state);
}

/* }}} */

/* Stores {{{ */

/* The ids of the objects of both stores that left the order the others
 * keep: all but a longest increasing run of old positions, taken in the
 * new order (patience sorting, O(n log n), as maps have 100,000 items). */
/**
 * jm_diff_find_moved:
 * @old_store: a store of one copy
 * @new_store: the same store in another copy
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of the ids
 *   (borrowed from @new_store's objects) that left the order the others
 *   keep
 */
GHashTable *
jm_diff_find_moved (JmObjectStore *old_store,
                    JmObjectStore *new_store)
{
  guint n_new = jm_object_store_get_n_objects (new_store);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) new_index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *tails = NULL;
  g_autofree int *previous = NULL;
  g_autofree gboolean *kept = NULL;
  g_autoptr(GHashTable) old_positions = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  guint length = 0;

  /* Positions by id: finding each object in its store would make this
   * quadratic, minutes for a map of 100,000 items. */
  for (guint i = 0; i < jm_object_store_get_n_objects (old_store); i++)
    g_hash_table_insert (old_positions, (gpointer) jm_object_get_id (jm_object_store_get_object (old_store, i)),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n_new; i++)
    {
      JmObject *object = jm_object_store_get_object (new_store, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (old_positions, jm_object_get_id (object)));

      if (position > 0)
        {
          position--;
          g_array_append_val (positions, position);
          g_array_append_val (new_index, i);
        }
    }

  tails = g_new0 (guint, positions->len + 1);
  previous = g_new0 (int, positions->len + 1);
  kept = g_new0 (gboolean, positions->len + 1);
  for (guint i = 0; i < positions->len; i++)
    {
      guint value = g_array_index (positions, guint, i);
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (g_array_index (positions, guint, tails[middle]) < value)
            low = middle + 1;
          else
            high = middle;
        }
      previous[i] = low > 0 ? (int) tails[low - 1] : -1;
      tails[low] = i;
      if (low == length)
        length++;
    }

  for (int i = length > 0 ? (int) tails[length - 1] : -1; i >= 0; i = previous[i])
    kept[i] = TRUE;

  for (guint i = 0; i < positions->len; i++)
    {
      if (!kept[i])
        {
          JmObject *object = jm_object_store_get_object (new_store, g_array_index (new_index, guint, i));

          g_hash_table_add (moved, (gpointer) jm_object_get_id (object));
        }
    }

  return moved;
}

static void
diff_move (Diff       *d,
           JmObject   *before,
           JmObject   *object,
           guint       old_position,
           guint       new_position,
           gboolean    out_of_order,
           int         state)
{
  g_autofree char *what = NULL;

  if (JM_IS_ITEM (object))
    {
      JmItem *old_item = JM_ITEM (before);
      JmItem *new_item = JM_ITEM (object);
      gboolean other_cell = g_strcmp0 (jm_item_get_stage_id (old_item), jm_item_get_stage_id (new_item)) != 0 ||
                            g_strcmp0 (jm_item_get_lane_id (old_item), jm_item_get_lane_id (new_item)) != 0;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!other_cell && !out_of_order)
        return;

      what = jm_diff_describe_object (d->new_document, G_OBJECT (object), state);
      if (!other_cell)
        {
          diff_add (d, JM_CHANGE_MOVED, JM_TYPE_ITEM, state, jm_object_get_id (object), NULL, NULL, NULL,
                    g_strdup_printf (_("%s moved within its cell."), what));
          return;
        }

      from = cell_name (d->old_document, jm_item_get_stage_id (old_item), jm_item_get_lane_id (old_item));
      to = cell_name (d->new_document, jm_item_get_stage_id (new_item), jm_item_get_lane_id (new_item));
      diff_add (d, JM_CHANGE_MOVED, JM_TYPE_ITEM, state, jm_object_get_id (object), "cell",
                g_strdup_printf ("%s %s", jm_item_get_stage_id (old_item), jm_item_get_lane_id (old_item)),
                g_strdup_printf ("%s %s", jm_item_get_stage_id (new_item), jm_item_get_lane_id (new_item)),
                /* Translators: an item, its old cell, its new cell */
                g_strdup_printf (_("%s moved from %s to %s."), what, from, to));
      return;
    }

  if (!out_of_order)
    return;

  what = jm_diff_describe_object (d->new_document, G_OBJECT (object), state);
  diff_add (d, JM_CHANGE_MOVED, G_OBJECT_TYPE (object), state, jm_object_get_id (object), "position",
            g_strdup_printf ("%u", old_position + 1), g_strdup_printf ("%u", new_position + 1),
            g_strdup_printf (_("%s moved from place %u to %u."), what, old_position + 1, new_position + 1));
}

/* @ordered: whether the order of the store means something (stages,
 * lanes, personas, items in their cells) or not (points, links). */
static void
diff_store (Diff          *d,
            JmObjectStore *old_store,
            JmObjectStore *new_store,
            int            state,
            gboolean       ordered)
{
  g_autoptr(GHashTable) moved = ordered ? jm_diff_find_moved (old_store, new_store) : NULL;
  guint n_new = jm_object_store_get_n_objects (new_store);
  guint n_old = jm_object_store_get_n_objects (old_store);

  for (guint i = 0; i < n_new; i++)
    {
      JmObject *object = jm_object_store_get_object (new_store, i);
      const char *id = jm_object_get_id (object);
      JmObject *before = jm_object_store_lookup (old_store, id);
      guint old_position = 0;
      gboolean out_of_order;

      if (before == NULL)
        {
          g_autofree char *what = jm_diff_describe_object (d->new_document, G_OBJECT (object), state);

          diff_add (d, JM_CHANGE_ADDED, G_OBJECT_TYPE (object), state, id, NULL, NULL, NULL,
                    g_strdup_printf (_("%s added."), what));
          diff_annotations (d, NULL, G_OBJECT (object), state);
          continue;
        }

      out_of_order = moved != NULL && g_hash_table_contains (moved, id);
      if (out_of_order)
        jm_object_store_find (old_store, before, &old_position);
      diff_move (d, before, object, old_position, i, out_of_order, state);
      diff_properties (d, G_OBJECT (before), G_OBJECT (object), state);
      diff_annotations (d, G_OBJECT (before), G_OBJECT (object), state);
    }

  for (guint i = 0; i < n_old; i++)
    {
      JmObject *object = jm_object_store_get_object (old_store, i);
      g_autofree char *what = NULL;

      if (jm_object_store_lookup (new_store, jm_object_get_id (object)) != NULL)
        continue;

      what = jm_diff_describe_object (d->old_document, G_OBJECT (object), state);
      diff_add (d, JM_CHANGE_REMOVED, G_OBJECT_TYPE (object), state, jm_object_get_id (object),
                NULL, NULL, NULL, g_strdup_printf (_("%s removed."), what));
    }
}

/* }}} */

/**
 * jm_diff_documents:
 * @old_document: a map
 * @new_document: another copy of it
 *
 * Compares two copies of a map, both states, every kind of object, their
 * comments and conflict records, and the map's own properties.
 *
 * Returns: (transfer full) (element-type JmChange): the changes, in the
 *   order of the map: its properties, personas, stages, lanes, then the
 *   current and the future state; empty when the copies are the same
 */
GPtrArray *
jm_diff_documents (JmDocument *old_document,
                   JmDocument *new_document)
{
  Diff d = { old_document, new_document, NULL };

  g_return_val_if_fail (JM_IS_DOCUMENT (old_document), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (new_document), NULL);

  d.changes = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_change_free);

  diff_properties (&d, G_OBJECT (old_document), G_OBJECT (new_document), -1);
  if (!_jm_foreign_data_equal (&old_document->foreign, &new_document->foreign))
    diff_add (&d, JM_CHANGE_CHANGED, JM_TYPE_DOCUMENT, -1, NULL, "extensions", NULL, NULL,
              g_strdup_printf (_("%s: the data of other applications changed."), _("The map")));
  diff_annotations (&d, G_OBJECT (old_document), G_OBJECT (new_document), -1);
  diff_store (&d, old_document->personas, new_document->personas, -1, TRUE);
  diff_store (&d, old_document->stages, new_document->stages, -1, TRUE);
  diff_store (&d, old_document->lanes, new_document->lanes, -1, TRUE);

  for (int state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *old_layer = old_document->layers[state];
      JmLayer *new_layer = new_document->layers[state];

      diff_store (&d, jm_layer_get_items (old_layer), jm_layer_get_items (new_layer), state, TRUE);
      diff_store (&d, jm_layer_get_points (old_layer), jm_layer_get_points (new_layer), state, FALSE);
      diff_store (&d, jm_layer_get_links (old_layer), jm_layer_get_links (new_layer), state, FALSE);
    }

  return d.changes;
}

/**
 * jm_diff_format_stat:
 * @changes: (element-type JmChange): from jm_diff_documents ()
 *
 * Returns: (transfer full): the changes counted by kind of object and of
 *   change, one line per kind of object, then the total
 */
char *
jm_diff_format_stat (GPtrArray *changes)
{
  static const struct {
    const char *label;
    GType     (*get_type) (void);
  } kinds[] = {
    { N_("map"), jm_document_get_type },
    { N_("personas"), jm_persona_get_type },
    { N_("stages"), jm_stage_get_type },
    { N_("lanes"), jm_lane_get_type },
    { N_("items"), jm_item_get_type },
    { N_("emotion points"), jm_emotion_point_get_type },
    { N_("links"), jm_link_get_type },
    { N_("comments"), jm_comment_get_type },
    { N_("conflicts"), jm_conflict_get_type },
  };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (changes != NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint counts[JM_N_CHANGE_KINDS] = { 0 };
      guint total = 0;

      for (guint i = 0; i < changes->len; i++)
        {
          JmChange *change = g_ptr_array_index (changes, i);

          if (change->type == kinds[k].get_type ())
            {
              counts[change->kind]++;
              total++;
            }
        }
      if (total == 0)
        continue;

      g_string_append_printf (out, _(" %s: %u added, %u removed, %u moved, %u changed\n"),
                              _(kinds[k].label), counts[JM_CHANGE_ADDED], counts[JM_CHANGE_REMOVED],
                              counts[JM_CHANGE_MOVED], counts[JM_CHANGE_CHANGED]);
    }

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " %u change\n", " %u changes\n", changes->len),
                          changes->len);
  return g_string_free (out, FALSE);
}

/* Outline {{{ */

static void
outline_object (GString    *out,
                JmDocument *document,
                GObject    *object,
                int         state)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *what = NULL;
  JmObjectStore *comments = jm_comments_can_have (object) ? jm_comments_peek (object) : NULL;
  JmObjectStore *conflicts = jm_conflicts_peek (object);
  guint n_pspecs, n_shown = 0;

  /* Items, points and links by their state and id; their place and
   * names follow as values. */
  if (state == JM_LAYER_STATE_FUTURE)
    what = g_strdup_printf (_("Future state: %s"), jm_object_get_id (JM_OBJECT (object)));
  else if (state == JM_LAYER_STATE_CURRENT)
    what = g_strdup_printf (_("Current state: %s"), jm_object_get_id (JM_OBJECT (object)));
  else
    what = jm_diff_describe_object (document, object, state);

  g_string_append (out, what);
  pspecs = _jm_model_list_editable_properties (object, &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) unset = G_VALUE_INIT;
      g_autofree char *shown = NULL;

      g_value_init (&value, pspecs[i]->value_type);
      g_value_init (&unset, pspecs[i]->value_type);
      g_param_value_set_default (pspecs[i], &unset);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (jm_diff_values_equal (pspecs[i], &value, &unset))
        continue;

      shown = display_value_full (document, state, pspecs[i], &value, TRUE);
      g_string_append_printf (out, "%s %s %s", n_shown++ == 0 ? ":" : ";", pspecs[i]->name, shown);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < store_length (comments); i++)
    {
      JmComment *comment = jm_object_store_get_object (comments, i);
      g_autofree char *who = describe_comment (document, comment, object, state);
      g_autofree char *text = quote_text_max (jm_comment_get_text (comment), G_MAXLONG);
      g_autoptr(GDateTime) date = jm_comment_get_date (comment) != NULL ?
                                  g_date_time_to_utc (jm_comment_get_date (comment)) : NULL;
      g_autofree char *when = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

      g_string_append_printf (out, "  %s (%s%s): %s\n", who, when != NULL ? when : "",
                              jm_comment_get_resolved (comment) ? _(", resolved") : "", text);
    }
  for (guint i = 0; i < store_length (conflicts); i++)
    {
      JmConflict *conflict = jm_object_store_get_object (conflicts, i);
      g_autofree char *who = describe_conflict (document, conflict, object, state);
      g_autofree char *ours = quote_text_max (jm_conflict_get_ours (conflict), G_MAXLONG);
      g_autofree char *theirs = quote_text_max (jm_conflict_get_theirs (conflict), G_MAXLONG);

      g_string_append_printf (out, _("  %s: ours %s, theirs %s\n"), who, ours, theirs);
    }
}

static void
outline_store (GString       *out,
               JmDocument    *document,
               JmObjectStore *store,
               int            state)
{
  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    outline_object (out, document, jm_object_store_get_object (store, i), state);
}

/**
 * jm_diff_outline:
 * @document: a map
 *
 * One line per object, in the order of the map, naming it as
 * jm_diff_describe_object () does, with the values it has: what git's
 * textconv shows, so that a line diff of two outlines reads as the
 * objects that changed.
 *
 * Returns: (transfer full): the outline
 */
char *
jm_diff_outline (JmDocument *document)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  outline_object (out, document, G_OBJECT (document), -1);
  outline_store (out, document, document->personas, -1);
  outline_store (out, document, document->stages, -1);
  outline_store (out, document, document->lanes, -1);
  for (int state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = document->layers[state];

      outline_store (out, document, jm_layer_get_items (layer), state);
      outline_store (out, document, jm_layer_get_points (layer), state);
      outline_store (out, document, jm_layer_get_links (layer), state);
    }

  return g_string_free (out, FALSE);
}

/* }}} */

/* Finding objects again {{{ */

/**
 * jm_diff_foreach_owner:
 * @func: called with the document, then its personas, stages and lanes,
 *   then the items, emotion points and links of each state, in order
 *
 * Visits every object that may carry review comments or conflict
 * records, for the views that list them.
 */
void
jm_diff_foreach_owner (JmDocument      *document,
                       JmDiffOwnerFunc  func,
                       gpointer         user_data)
{
  JmObjectStore *stores[] = { jm_document_get_personas (document), jm_document_get_stages (document),
                              jm_document_get_lanes (document) };

  g_return_if_fail (JM_IS_DOCUMENT (document));
  g_return_if_fail (func != NULL);

  func (G_OBJECT (document), -1, user_data);
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      for (guint j = 0; j < jm_object_store_get_n_objects (stores[i]); j++)
        func (jm_object_store_get_object (stores[i], j), -1, user_data);
    }

  for (int state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_document_get_layer (document, state);
      JmObjectStore *layer_stores[] = { jm_layer_get_items (layer), jm_layer_get_points (layer),
                                        jm_layer_get_links (layer) };

      for (guint i = 0; i < G_N_ELEMENTS (layer_stores); i++)
        {
          for (guint j = 0; j < jm_object_store_get_n_objects (layer_stores[i]); j++)
            func (jm_object_store_get_object (layer_stores[i], j), state, user_data);
        }
    }
}

typedef struct
{
  const JmChange *change;
  GObject        *found;
} FindObject;

static void
find_object_cb (GObject  *owner,
                int       state,
                gpointer  user_data)
{
  FindObject *find = user_data;
  const JmChange *change = find->change;
  JmObjectStore *comments;

  if (find->found != NULL || state != change->state)
    return;

  /* A comment is found on what it is about; a conflict is named by the
   * object it is recorded on. */
  if (change->type == JM_TYPE_COMMENT)
    {
      comments = jm_comments_peek (owner);
      if (comments != NULL && jm_object_store_lookup (comments, change->id) != NULL)
        find->found = owner;
      return;
    }

  if (JM_IS_OBJECT (owner) && g_strcmp0 (jm_object_get_id (JM_OBJECT (owner)), change->id) == 0 &&
      (change->type == JM_TYPE_CONFLICT || G_OBJECT_TYPE (owner) == change->type))
    find->found = owner;
}

/**
 * jm_diff_find_object:
 * @document: one of the two copies compared
 * @change: a change between them
 *
 * The object of @document a change is about, to show it: the object
 * itself, the one a comment or conflict is on, or the document for the
 * map's own properties.
 *
 * Returns: (transfer none) (nullable): the object, or %NULL when @document
 *   does not have it (what the other copy alone has)
 */
GObject *
jm_diff_find_object (JmDocument     *document,
                     const JmChange *change)
{
  FindObject find = { change, NULL };

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (change != NULL, NULL);

  if (change->type == JM_TYPE_DOCUMENT || (change->type == JM_TYPE_CONFLICT && change->id == NULL))
    return G_OBJECT (document);
  if (change->id == NULL)
    return NULL;

  jm_diff_foreach_owner (document, find_object_cb, &find);
  return find.found;
}

/* }}} */
