/* test-merge.c: journeymap merge, the three-way merge of maps
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "commands/jm-edit-comments.h"
#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "merge/jm-diff.h"
#include "merge/jm-merge.h"
#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "model/jm-document-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-object-store-private.h"

#include "jm-test-maps.h"
#include "jm-test-run.h"

#define N_RUNS 100

static GBytes *
write_map (JmDocument *document)
{
  return jm_xml_writer_write_bytes (document);
}

static JmDocument *
copy_map (JmDocument *document)
{
  g_autoptr(GBytes) bytes = write_map (document);
  g_autoptr(GError) error = NULL;
  JmDocument *copy = jm_xml_reader_read_bytes (bytes, "copy.jmap", &error);

  g_assert_no_error (error);
  return copy;
}

static void
assert_same_map (JmDocument *a,
                 JmDocument *b)
{
  g_autoptr(GBytes) x = write_map (a);
  g_autoptr(GBytes) y = write_map (b);

  if (!g_bytes_equal (x, y))
    {
      g_autoptr(GPtrArray) changes = jm_diff_documents (a, b);

      for (guint i = 0; i < changes->len; i++)
        g_test_message ("differs: %s", ((JmChange *) changes->pdata[i])->sentence);
    }
  g_assert_true (g_bytes_equal (x, y));
}

/* The result opens, and the schema finds nothing wrong with it. */
static void
assert_passes_check (JmDocument *document)
{
  g_autoptr(GBytes) bytes = write_map (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) again = jm_xml_reader_read_bytes (bytes, "merged.jmap", &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (again);
  problems = jm_schema_validate_bytes (bytes, "merged.jmap", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Random maps and edits {{{ */

static gpointer
pick (GRand         *rand,
      JmObjectStore *store)
{
  guint n = jm_object_store_get_n_objects (store);

  return n > 0 ? jm_object_store_get_object (store, g_rand_int_range (rand, 0, (int) n)) : NULL;
}

static char *
random_text (GRand      *rand,
             const char *what)
{
  return g_strdup_printf ("%s %u", what, g_rand_int_range (rand, 0, 1000));
}

/* One random edit through the commands, as a designer makes them. */
static void
random_edit (GRand          *rand,
             JmCommandStack *stack)
{
  JmDocument *document = jm_command_stack_get_document (stack);
  JmLayerState state = g_rand_int_range (rand, 0, JM_N_LAYER_STATES);
  JmLayer *layer = jm_document_get_layer (document, state);
  JmObjectStore *items = jm_layer_get_items (layer);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *lanes = jm_document_get_lanes (document);
  JmItem *item = pick (rand, items);
  JmItem *other = pick (rand, items);
  JmStage *stage = pick (rand, stages);
  JmLane *lane = pick (rand, lanes);
  JmEmotionPoint *point = pick (rand, jm_layer_get_points (layer));
  JmLink *link = pick (rand, jm_layer_get_links (layer));
  g_autofree char *text = random_text (rand, "Text");
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();

  /* An edit the map refuses (a link that exists) changes nothing. */
  switch (g_rand_int_range (rand, 0, 16))
    {
    case 0:
      if (item != NULL)
        jm_edit_set_string (stack, item, "title", text, 0, NULL);
      break;
    case 1:
      if (item != NULL)
        jm_edit_set_string (stack, item, "body", text, 0, NULL);
      break;
    case 2:
      if (item != NULL && stage != NULL && lane != NULL)
        jm_edit_move_item (stack, state, item, jm_object_get_id (JM_OBJECT (stage)),
                           jm_object_get_id (JM_OBJECT (lane)), -1, NULL);
      break;
    case 3:
      if (stage != NULL && lane != NULL)
        jm_edit_add_item (stack, state, JM_ITEM_KIND_NOTE, jm_object_get_id (JM_OBJECT (stage)),
                          jm_object_get_id (JM_OBJECT (lane)), 0, text, NULL);
      break;
    case 4:
      if (item != NULL)
        {
          g_ptr_array_add (selection, item);
          jm_edit_delete_items (stack, state, selection, NULL);
        }
      break;
    case 5:
      if (stage != NULL)
        jm_edit_set_string (stack, stage, "name", text, 0, NULL);
      break;
    case 6:
      jm_edit_add_stage (stack, g_rand_int_range (rand, 0, (int) jm_object_store_get_n_objects (stages) + 1),
                         text, NULL);
      break;
    case 7:
      if (stage != NULL && jm_object_store_get_n_objects (stages) > 2)
        jm_edit_delete_stage (stack, stage, NULL);
      break;
    case 8:
      if (stage != NULL)
        jm_edit_move_stage (stack, stage, g_rand_int_range (rand, 0, (int) jm_object_store_get_n_objects (stages)),
                            NULL);
      break;
    case 9:
      if (lane != NULL)
        jm_edit_set_string (stack, lane, "name", text, 0, NULL);
      break;
    case 10:
      if (point != NULL)
        jm_edit_move_emotion_point (stack, point, jm_emotion_point_get_stage_id (point),
                                    jm_emotion_point_get_position (point),
                                    g_rand_int_range (rand, -5, 6), NULL);
      break;
    case 11:
      if (item != NULL && other != NULL && item != other)
        jm_edit_add_link (stack, state, jm_object_get_id (JM_OBJECT (item)), jm_object_get_id (JM_OBJECT (other)),
                          text, NULL);
      break;
    case 12:
      if (link != NULL)
        jm_edit_delete_object (stack, jm_layer_get_links (layer), JM_OBJECT (link), NULL);
      break;
    case 13:
      jm_edit_add_comment (stack, item != NULL ? (gpointer) item : (gpointer) document, "Ana", text, NULL);
      break;
    case 14:
      jm_edit_set_string (stack, document, "title", text, 0, NULL);
      break;
    default:
      if (stage != NULL && jm_object_store_get_n_objects (jm_comments_get (stage)) > 0)
        jm_edit_resolve_comment (stack, pick (rand, jm_comments_get (stage)), TRUE, NULL);
      else if (stage != NULL)
        jm_edit_add_comment (stack, stage, "Bo", text, NULL);
      break;
    }
}

static JmDocument *
edited_copy (JmDocument *base,
             GRand      *rand,
             guint       n_edits)
{
  JmDocument *copy = copy_map (base);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (copy);

  for (guint i = 0; i < n_edits; i++)
    random_edit (rand, stack);

  return copy;
}

/* }}} */

/* Properties {{{ */

static JmObjectStore *
store_for (JmDocument *document,
           GType       type,
           int         state)
{
  if (type == JM_TYPE_PERSONA)
    return jm_document_get_personas (document);
  if (type == JM_TYPE_STAGE)
    return jm_document_get_stages (document);
  if (type == JM_TYPE_LANE)
    return jm_document_get_lanes (document);
  if (state < 0)
    return NULL;
  if (type == JM_TYPE_ITEM)
    return jm_layer_get_items (jm_document_get_layer (document, state));
  if (type == JM_TYPE_EMOTION_POINT)
    return jm_layer_get_points (jm_document_get_layer (document, state));
  if (type == JM_TYPE_LINK)
    return jm_layer_get_links (jm_document_get_layer (document, state));

  return NULL;
}

static GObject *
find_object (JmDocument *document,
             GType       type,
             int         state,
             const char *id)
{
  JmObjectStore *store;

  if (type == JM_TYPE_DOCUMENT)
    return G_OBJECT (document);
  store = store_for (document, type, state);

  return store != NULL && id != NULL ? jm_object_store_lookup (store, id) : NULL;
}

static const char *
renamed (JmMergeResult *result,
         const char    *id)
{
  const char *other = id != NULL ? g_hash_table_lookup (result->renamed, id) : NULL;

  return other != NULL ? other : id;
}

/* Every change one side made since the base is in the result, unless it
 * is recorded as a conflict there. */
static void
assert_changes_kept (JmDocument    *base,
                     JmDocument    *side,
                     JmMergeResult *result,
                     gboolean       is_theirs)
{
  g_autoptr(GPtrArray) changes = jm_diff_documents (base, side);
  JmDocument *merged = result->document;

  for (guint i = 0; i < changes->len; i++)
    {
      JmChange *change = changes->pdata[i];
      const char *id = is_theirs ? renamed (result, change->id) : change->id;
      GObject *object = find_object (merged, change->type, change->state, id);

      if (change->type == JM_TYPE_COMMENT || change->type == JM_TYPE_CONFLICT)
        continue;

      switch (change->kind)
        {
        case JM_CHANGE_ADDED:
          if (object == NULL)
            g_test_message ("lost: %s", change->sentence);
          g_assert_nonnull (object);
          break;

        case JM_CHANGE_REMOVED:
          /* Gone, or kept with the conflict that says why. */
          if (object != NULL && jm_conflicts_lookup (object, JM_CONFLICT_REMOVED) == NULL)
            g_test_message ("not removed: %s", change->sentence);
          g_assert_true (object == NULL || jm_conflicts_lookup (object, JM_CONFLICT_REMOVED) != NULL);
          break;

        case JM_CHANGE_CHANGED:
          if (object != NULL && !g_str_equal (change->property, "extensions") &&
              jm_conflicts_lookup (object, change->property) == NULL)
            {
              GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), change->property);
              g_auto(GValue) value = G_VALUE_INIT;
              g_autofree char *text = NULL;
              const char *expected = change->new_value;

              g_value_init (&value, pspec->value_type);
              g_object_get_property (object, change->property, &value);
              text = jm_value_to_string (&value);
              if (is_theirs && g_str_has_suffix (change->property, "-id"))
                expected = renamed (result, expected);
              if (g_strcmp0 (text != NULL && *text != '\0' ? text : NULL,
                             expected != NULL && *expected != '\0' ? expected : NULL) != 0)
                g_test_message ("not kept: %s (have %s)", change->sentence, text);
              g_assert_cmpstr (text != NULL && *text != '\0' ? text : NULL, ==,
                               expected != NULL && *expected != '\0' ? expected : NULL);
            }
          break;

        case JM_CHANGE_MOVED:
          /* A move to another cell changes the stage, the lane or both:
           * each is a property of its own, which the other side may have
           * changed too. */
          if (object != NULL && g_strcmp0 (change->property, "cell") == 0)
            {
              g_auto(GStrv) before = g_strsplit (change->old_value, " ", 2);
              g_auto(GStrv) after = g_strsplit (change->new_value, " ", 2);
              const char *have[] = { jm_item_get_stage_id (JM_ITEM (object)), jm_item_get_lane_id (JM_ITEM (object)) };
              const char *properties[] = { "stage-id", "lane-id" };

              for (guint p = 0; p < 2; p++)
                {
                  const char *expected = is_theirs ? renamed (result, after[p]) : after[p];

                  if (g_str_equal (before[p], after[p]) || jm_conflicts_lookup (object, properties[p]) != NULL)
                    continue;
                  if (g_strcmp0 (have[p], expected) != 0)
                    g_test_message ("not kept: %s (%s)", change->sentence, change->id);
                  g_assert_cmpstr (have[p], ==, expected);
                }
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Nothing either side has is lost: what is not in the result is what
 * the other side removed and this side left as it was. */
static void
assert_nothing_lost (JmDocument    *base,
                     JmDocument    *side,
                     JmDocument    *other,
                     JmMergeResult *result,
                     gboolean       is_theirs)
{
  GType types[] = { JM_TYPE_PERSONA, JM_TYPE_STAGE, JM_TYPE_LANE, JM_TYPE_ITEM, JM_TYPE_EMOTION_POINT, JM_TYPE_LINK };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (int state = -1; state < JM_N_LAYER_STATES; state++)
      {
        JmObjectStore *store = store_for (side, types[t], state);

        if (store == NULL || ((types[t] == JM_TYPE_PERSONA || types[t] == JM_TYPE_STAGE ||
                               types[t] == JM_TYPE_LANE) && state >= 0))
          continue;

        for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
          {
            JmObject *object = jm_object_store_get_object (store, i);
            const char *id = jm_object_get_id (object);
            GObject *found = find_object (result->document, types[t], state,
                                          is_theirs ? renamed (result, id) : id);
            GObject *in_base = find_object (base, types[t], state, id);

            if (found != NULL)
              continue;

            if (in_base == NULL || find_object (other, types[t], state, id) != NULL ||
                !jm_object_equal (JM_OBJECT (in_base), object))
              g_test_message ("lost: %s", id);
            g_assert_nonnull (in_base);
            g_assert_null (find_object (other, types[t], state, id));
            g_assert_true (jm_object_equal (JM_OBJECT (in_base), object));
          }
      }
}

/* merge (B, O, T) and merge (B, T, O) hold the same objects, with the
 * same values wherever neither recorded a conflict. */
static void
assert_symmetric (JmMergeResult *forth,
                  JmMergeResult *back)
{
  GType types[] = { JM_TYPE_PERSONA, JM_TYPE_STAGE, JM_TYPE_LANE, JM_TYPE_ITEM, JM_TYPE_EMOTION_POINT, JM_TYPE_LINK };

  g_assert_cmpuint (g_hash_table_size (forth->renamed), ==, 0);
  g_assert_cmpuint (g_hash_table_size (back->renamed), ==, 0);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (int state = -1; state < JM_N_LAYER_STATES; state++)
      {
        JmObjectStore *a = store_for (forth->document, types[t], state);
        JmObjectStore *b = store_for (back->document, types[t], state);

        if (a == NULL || ((types[t] == JM_TYPE_PERSONA || types[t] == JM_TYPE_STAGE ||
                           types[t] == JM_TYPE_LANE) && state >= 0))
          continue;

        g_assert_cmpuint (jm_object_store_get_n_objects (a), ==, jm_object_store_get_n_objects (b));
        for (guint i = 0; i < jm_object_store_get_n_objects (a); i++)
          {
            JmObject *x = jm_object_store_get_object (a, i);
            JmObject *y = jm_object_store_lookup (b, jm_object_get_id (x));
            g_autofree GParamSpec **pspecs = NULL;
            guint n_pspecs;

            g_assert_nonnull (y);
            pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (x), &n_pspecs);
            for (guint p = 0; p < n_pspecs; p++)
              {
                g_auto(GValue) vx = G_VALUE_INIT;
                g_auto(GValue) vy = G_VALUE_INIT;
                g_autofree char *sx = NULL;
                g_autofree char *sy = NULL;

                if (!(pspecs[p]->flags & G_PARAM_READABLE) || (pspecs[p]->flags & G_PARAM_CONSTRUCT_ONLY) ||
                    jm_conflicts_lookup (x, pspecs[p]->name) != NULL || jm_conflicts_lookup (y, pspecs[p]->name) != NULL)
                  continue;
                g_value_init (&vx, pspecs[p]->value_type);
                g_value_init (&vy, pspecs[p]->value_type);
                g_object_get_property (G_OBJECT (x), pspecs[p]->name, &vx);
                g_object_get_property (G_OBJECT (y), pspecs[p]->name, &vy);
                sx = jm_value_to_string (&vx);
                sy = jm_value_to_string (&vy);
                g_assert_cmpstr (sx, ==, sy);
              }
          }
      }
}

static void
test_random_edits (void)
{
  for (guint run = g_getenv ("JM_DEBUG_RUN") ? atoi (g_getenv ("JM_DEBUG_RUN")) : 0; run < N_RUNS; run++)
    {
      guint seed = 1000 + run;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(JmDocument) base = jm_test_load_generated_map (g_rand_int_range (rand, 8, 60), seed);
      g_autoptr(JmDocument) ours = edited_copy (base, rand, g_rand_int_range (rand, 1, 12));
      g_autoptr(JmDocument) theirs = edited_copy (base, rand, g_rand_int_range (rand, 1, 12));
      g_autoptr(JmMergeResult) forth = NULL;
      g_autoptr(JmMergeResult) back = NULL;
      g_autoptr(JmMergeResult) same = NULL;
      g_autoptr(JmMergeResult) only_ours = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("seed %u", seed);

      forth = jm_merge_documents (base, ours, theirs, &error);
      g_assert_no_error (error);
      back = jm_merge_documents (base, theirs, ours, &error);
      g_assert_no_error (error);

      assert_passes_check (forth->document);
      assert_passes_check (back->document);
      assert_changes_kept (base, ours, forth, FALSE);
      assert_changes_kept (base, theirs, forth, TRUE);
      assert_changes_kept (base, theirs, back, FALSE);
      assert_changes_kept (base, ours, back, TRUE);
      assert_nothing_lost (base, ours, theirs, forth, FALSE);
      assert_nothing_lost (base, theirs, ours, forth, TRUE);
      assert_symmetric (forth, back);

      /* merge (B, A, B) = A, and the same change on both sides is one. */
      only_ours = jm_merge_documents (base, ours, base, &error);
      g_assert_no_error (error);
      assert_same_map (only_ours->document, ours);
      g_assert_cmpuint (only_ours->conflicts->len, ==, 0);
      same = jm_merge_documents (base, ours, ours, &error);
      g_assert_no_error (error);
      assert_same_map (same->document, ours);
      g_assert_cmpuint (same->conflicts->len, ==, 0);
    }
}

/* }}} */

/* Conflicts {{{ */

typedef struct
{
  JmDocument     *base;
  JmDocument     *ours;
  JmDocument     *theirs;
  JmCommandStack *our_stack;
  JmCommandStack *their_stack;
} Copies;

static void
copies_set_up (Copies *c)
{
  c->base = jm_test_load_example ("hotel-guest-stay.jmap");
  c->ours = copy_map (c->base);
  c->theirs = copy_map (c->base);
  c->our_stack = jm_command_stack_new (c->ours);
  c->their_stack = jm_command_stack_new (c->theirs);
}

static void
copies_tear_down (Copies *c)
{
  g_clear_object (&c->our_stack);
  g_clear_object (&c->their_stack);
  g_clear_object (&c->base);
  g_clear_object (&c->ours);
  g_clear_object (&c->theirs);
}

static gpointer
nth (JmObjectStore *store,
     guint          n)
{
  return jm_object_store_get_object (store, n);
}

static JmObjectStore *
current_items (JmDocument *document)
{
  return jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
}

static void
test_property_conflict (void)
{
  Copies c;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmStage *stage;
  JmConflict *conflict;
  JmMergeConflict *listed;
  g_autoptr(JmCommandStack) stack = NULL;

  copies_set_up (&c);
  g_assert_true (jm_edit_set_string (c.our_stack, nth (jm_document_get_stages (c.ours), 0), "name", "Mine", 0, NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, nth (jm_document_get_stages (c.theirs), 0), "name", "Yours", 0, NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, nth (jm_document_get_stages (c.theirs), 0), "duration", "A week",
                                     0, NULL));

  result = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  stage = nth (jm_document_get_stages (result->document), 0);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "Mine");
  g_assert_cmpstr (jm_stage_get_duration (stage), ==, "A week");
  conflict = jm_conflicts_lookup (stage, "name");
  g_assert_nonnull (conflict);
  g_assert_cmpstr (jm_conflict_get_ours (conflict), ==, "Mine");
  g_assert_cmpstr (jm_conflict_get_theirs (conflict), ==, "Yours");
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  listed = result->conflicts->pdata[0];
  g_assert_cmpstr (listed->sentence, ==, "Stage “Mine”: name: ours → “Mine”, theirs → “Yours”");
  g_assert_cmpstr (listed->id, ==, jm_object_get_id (JM_OBJECT (stage)));
  assert_passes_check (result->document);

  /* Take Theirs, in one step that undoes. */
  stack = jm_command_stack_new (result->document);
  g_assert_true (jm_edit_resolve_conflict (stack, stage, conflict, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "Yours");
  g_assert_null (jm_conflicts_lookup (stage, "name"));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "Mine");
  conflict = jm_conflicts_lookup (stage, "name");
  g_assert_nonnull (conflict);
  g_assert_true (jm_edit_resolve_conflict (stack, stage, conflict, FALSE, &error));
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "Mine");
  g_assert_null (jm_conflicts_lookup (stage, "name"));

  copies_tear_down (&c);
}

/* One side removed what the other changed: it stays, with the conflict. */
static void
test_removed_and_changed (void)
{
  Copies c;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(JmMergeResult) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  g_autoptr(JmCommandStack) stack = NULL;
  JmItem *item;
  const char *id;
  JmItem *kept;
  JmConflict *conflict;

  copies_set_up (&c);
  item = nth (current_items (c.ours), 0);
  id = jm_object_get_id (JM_OBJECT (item));
  g_ptr_array_add (selection, item);
  g_assert_true (jm_edit_delete_items (c.our_stack, JM_LAYER_STATE_CURRENT, selection, NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, jm_object_store_lookup (current_items (c.theirs), id),
                                     "title", "Still here", 0, NULL));

  result = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  kept = jm_object_store_lookup (current_items (result->document), id);
  g_assert_nonnull (kept);
  g_assert_cmpstr (jm_item_get_title (kept), ==, "Still here");
  conflict = jm_conflicts_lookup (kept, JM_CONFLICT_REMOVED);
  g_assert_nonnull (conflict);
  g_assert_cmpstr (jm_conflict_get_ours (conflict), ==, JM_CONFLICT_VALUE_REMOVED);
  g_assert_cmpstr (jm_conflict_get_theirs (conflict), ==, JM_CONFLICT_VALUE_CHANGED);
  assert_passes_check (result->document);

  /* Keep Mine: ours removed it. */
  stack = jm_command_stack_new (result->document);
  g_assert_true (jm_edit_resolve_conflict (stack, kept, conflict, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (jm_object_store_lookup (current_items (result->document), id));
  g_assert_true (jm_command_stack_undo (stack));
  g_assert_nonnull (jm_object_store_lookup (current_items (result->document), id));

  back = jm_merge_documents (c.base, c.theirs, c.ours, &error);
  g_assert_no_error (error);
  kept = jm_object_store_lookup (current_items (back->document), id);
  g_assert_nonnull (kept);
  conflict = jm_conflicts_lookup (kept, JM_CONFLICT_REMOVED);
  g_assert_cmpstr (jm_conflict_get_ours (conflict), ==, JM_CONFLICT_VALUE_CHANGED);
  g_assert_cmpstr (jm_conflict_get_theirs (conflict), ==, JM_CONFLICT_VALUE_REMOVED);

  copies_tear_down (&c);
}

/* Their new item in a stage ours removed brings the stage back. */
static void
test_removed_stage_with_new_item (void)
{
  Copies c;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmStage *stage;
  JmItem *added;
  const char *stage_id;
  g_autofree char *added_id = NULL;

  copies_set_up (&c);
  stage = nth (jm_document_get_stages (c.ours), 2);
  stage_id = jm_object_get_id (JM_OBJECT (stage));
  added = jm_edit_add_item (c.their_stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_NOTE, stage_id,
                            jm_object_get_id (nth (jm_document_get_lanes (c.theirs), 0)), 0, "New", NULL);
  g_assert_nonnull (added);
  added_id = g_strdup (jm_object_get_id (JM_OBJECT (added)));
  g_assert_true (jm_edit_delete_stage (c.our_stack, stage, NULL));

  result = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jm_object_store_lookup (current_items (result->document), added_id));
  g_assert_nonnull (jm_document_lookup_stage (result->document, stage_id));
  g_assert_nonnull (jm_conflicts_lookup (jm_document_lookup_stage (result->document, stage_id), JM_CONFLICT_REMOVED));
  assert_passes_check (result->document);

  copies_tear_down (&c);
}

/* Both added an item with the same id, not the same item: theirs gets a
 * new id, and a link of theirs to it follows. */
static void
test_colliding_ids_renamed (void)
{
  Copies c;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmItem *first;
  JmItem *ours_item, *theirs_item;
  JmLink *link;
  const char *new_id;

  copies_set_up (&c);
  first = nth (current_items (c.ours), 0);
  for (guint side = 0; side < 2; side++)
    {
      JmDocument *document = side == 0 ? c.ours : c.theirs;
      g_autoptr(JmItem) item = jm_item_new ("item-same");
      g_auto(GValue) title = G_VALUE_INIT;
      g_auto(GValue) stage = G_VALUE_INIT;
      g_auto(GValue) lane = G_VALUE_INIT;

      g_value_init (&title, G_TYPE_STRING);
      g_value_init (&stage, G_TYPE_STRING);
      g_value_init (&lane, G_TYPE_STRING);
      g_value_set_string (&title, side == 0 ? "Ours" : "Theirs");
      g_value_set_string (&stage, jm_item_get_stage_id (first));
      g_value_set_string (&lane, jm_item_get_lane_id (first));
      _jm_model_set_property (G_OBJECT (item), "title", &title);
      _jm_model_set_property (G_OBJECT (item), "stage-id", &stage);
      _jm_model_set_property (G_OBJECT (item), "lane-id", &lane);
      _jm_object_store_append (current_items (document), JM_OBJECT (item));
    }
  g_assert_nonnull (jm_edit_add_link (c.their_stack, JM_LAYER_STATE_CURRENT, jm_object_get_id (JM_OBJECT (first)),
                                      "item-same", "to theirs", NULL));

  result = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  new_id = g_hash_table_lookup (result->renamed, "item-same");
  g_assert_nonnull (new_id);
  g_assert_cmpstr (new_id, !=, "item-same");
  ours_item = jm_object_store_lookup (current_items (result->document), "item-same");
  theirs_item = jm_object_store_lookup (current_items (result->document), new_id);
  g_assert_cmpstr (jm_item_get_title (ours_item), ==, "Ours");
  g_assert_cmpstr (jm_item_get_title (theirs_item), ==, "Theirs");
  link = NULL;
  for (guint i = 0; i < jm_object_store_get_n_objects (jm_layer_get_links (jm_document_get_layer (result->document, 0))); i++)
    {
      JmLink *candidate = nth (jm_layer_get_links (jm_document_get_layer (result->document, 0)), i);

      if (g_strcmp0 (jm_link_get_label (candidate), "to theirs") == 0)
        link = candidate;
    }
  g_assert_nonnull (link);
  g_assert_cmpstr (jm_link_get_to_id (link), ==, new_id);
  assert_passes_check (result->document);

  copies_tear_down (&c);
}

/* Their move of a stage is made; ours renamed another meanwhile. */
static void
test_their_move (void)
{
  Copies c;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmObjectStore *stages;
  g_autofree char *moved_id = NULL;
  guint n_stages;

  copies_set_up (&c);
  stages = jm_document_get_stages (c.theirs);
  n_stages = jm_object_store_get_n_objects (stages);
  g_assert_cmpuint (n_stages, >=, 4);
  moved_id = g_strdup (jm_object_get_id (nth (stages, 0)));
  g_assert_true (jm_edit_move_stage (c.their_stack, nth (stages, 0), n_stages - 2, NULL));
  g_assert_true (jm_edit_set_string (c.our_stack, nth (jm_document_get_stages (c.ours), 1), "name", "Renamed", 0,
                                     NULL));

  result = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  stages = jm_document_get_stages (result->document);
  g_assert_cmpstr (jm_object_get_id (nth (stages, n_stages - 2)), ==, moved_id);
  g_assert_cmpstr (jm_stage_get_name (nth (stages, 0)), ==, "Renamed");
  g_assert_cmpuint (result->conflicts->len, ==, 0);

  copies_tear_down (&c);
}

/* Each side made another persona primary: ours stays primary, theirs
 * is recorded. */
static void
test_two_primaries (void)
{
  g_autoptr(JmDocument) base = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmDocument) ours = copy_map (base);
  g_autoptr(JmDocument) theirs = copy_map (base);
  g_autoptr(JmCommandStack) our_stack = jm_command_stack_new (ours);
  g_autoptr(JmCommandStack) their_stack = jm_command_stack_new (theirs);
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmObjectStore *personas = jm_document_get_personas (ours);
  JmPersona *added;
  JmPersona *second = nth (personas, 1);
  guint n_primary = 0;

  g_assert_false (jm_persona_get_primary (second));
  g_assert_true (jm_edit_set_boolean (our_stack, second, "primary", TRUE, NULL));
  added = jm_edit_add_persona (their_stack, "Newcomer", NULL);
  g_assert_nonnull (added);
  g_assert_true (jm_edit_set_boolean (their_stack, added, "primary", TRUE, NULL));

  result = jm_merge_documents (base, ours, theirs, &error);
  g_assert_no_error (error);
  personas = jm_document_get_personas (result->document);
  for (guint i = 0; i < jm_object_store_get_n_objects (personas); i++)
    n_primary += jm_persona_get_primary (nth (personas, i));
  g_assert_cmpuint (n_primary, ==, 1);
  g_assert_true (jm_persona_get_primary (jm_document_lookup_persona (result->document,
                                                                     jm_object_get_id (JM_OBJECT (second)))));
  g_assert_nonnull (jm_conflicts_lookup (jm_document_lookup_persona (result->document,
                                                                     jm_object_get_id (JM_OBJECT (added))),
                                         "primary"));
  assert_passes_check (result->document);
}

/* Both started the future state from the same current one, then edited
 * it: one future state, with the edits of both, and a conflict where
 * they edited the same item differently; no id is renamed. */
static void
test_both_started_future (void)
{
  g_autoptr(JmDocument) base = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmDocument) ours = copy_map (base);
  g_autoptr(JmDocument) theirs = copy_map (base);
  g_autoptr(JmCommandStack) our_stack = jm_command_stack_new (ours);
  g_autoptr(JmCommandStack) their_stack = jm_command_stack_new (theirs);
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmObjectStore *our_future, *their_future, *merged_future;
  JmItem *item;

  g_assert_true (jm_layer_is_empty (jm_document_get_layer (base, JM_LAYER_STATE_FUTURE)));
  g_assert_true (jm_edit_start_future_from_current (our_stack, NULL));
  g_assert_true (jm_edit_start_future_from_current (their_stack, NULL));
  our_future = jm_layer_get_items (jm_document_get_layer (ours, JM_LAYER_STATE_FUTURE));
  their_future = jm_layer_get_items (jm_document_get_layer (theirs, JM_LAYER_STATE_FUTURE));
  g_assert_true (jm_edit_set_string (our_stack, nth (our_future, 0), "title", "Ours", 0, NULL));
  g_assert_true (jm_edit_set_string (their_stack, nth (their_future, 0), "title", "Theirs", 0, NULL));
  g_assert_true (jm_edit_set_string (their_stack, nth (their_future, 1), "body", "Only theirs", 0, NULL));

  result = jm_merge_documents (base, ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (result->renamed), ==, 0);
  merged_future = jm_layer_get_items (jm_document_get_layer (result->document, JM_LAYER_STATE_FUTURE));
  g_assert_cmpuint (jm_object_store_get_n_objects (merged_future), ==, jm_object_store_get_n_objects (our_future));
  item = jm_object_store_lookup (merged_future, jm_object_get_id (nth (our_future, 0)));
  g_assert_cmpstr (jm_item_get_title (item), ==, "Ours");
  g_assert_cmpstr (jm_conflict_get_theirs (jm_conflicts_lookup (item, "title")), ==, "Theirs");
  item = jm_object_store_lookup (merged_future, jm_object_get_id (nth (their_future, 1)));
  g_assert_cmpstr (jm_item_get_body (item), ==, "Only theirs");
  g_assert_null (jm_conflicts_lookup (item, "body"));
  assert_passes_check (result->document);
}

/* Merging into the open map is one step, and undo takes it back whole. */
static void
test_merge_into_one_step (void)
{
  Copies c;
  g_autoptr(JmMergeResult) expected = NULL;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GBytes) wanted = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  copies_set_up (&c);
  g_assert_true (jm_edit_set_string (c.our_stack, nth (jm_document_get_stages (c.ours), 0), "name", "Mine", 0, NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, nth (jm_document_get_stages (c.theirs), 0), "name", "Yours", 0,
                                     NULL));
  g_assert_nonnull (jm_edit_add_item (c.their_stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_NOTE,
                                      jm_object_get_id (nth (jm_document_get_stages (c.theirs), 1)),
                                      jm_object_get_id (nth (jm_document_get_lanes (c.theirs), 0)), 0, "Theirs",
                                      NULL));
  g_assert_nonnull (jm_edit_add_comment (c.their_stack, c.theirs, "Bo", "On the map", NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, c.theirs, "description", "Their description", 0, NULL));
  g_assert_true (jm_edit_set_string (c.our_stack, c.ours, "title", "Our title", 0, NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, c.theirs, "title", "Their title", 0, NULL));

  expected = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  wanted = write_map (expected->document);
  before = write_map (c.ours);

  result = jm_merge_into (c.our_stack, c.base, c.theirs, &error);
  g_assert_no_error (error);
  g_assert_true (result->document == c.ours);
  g_assert_cmpuint (result->conflicts->len, ==, 2);
  g_assert_nonnull (jm_conflicts_lookup (c.ours, "title"));
  g_assert_cmpstr (jm_command_stack_get_undo_label (c.our_stack), ==, "Merge Changes");
  merged = write_map (c.ours);
  g_assert_true (g_bytes_equal (merged, wanted));

  g_assert_true (jm_command_stack_undo (c.our_stack));
  undone = write_map (c.ours);
  g_assert_true (g_bytes_equal (undone, before));
  g_assert_cmpstr (jm_stage_get_name (nth (jm_document_get_stages (c.ours), 0)), ==, "Mine");

  g_assert_true (jm_command_stack_redo (c.our_stack));
  redone = write_map (c.ours);
  g_assert_true (g_bytes_equal (redone, wanted));

  copies_tear_down (&c);
}

/* Comments merge: both sides' new comments, and a text both edited
 * differently keeps ours with theirs beside it. */
static void
test_comments_merge (void)
{
  Copies c;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JmStage *stage;
  JmComment *comment;
  g_autofree char *comment_id = NULL;
  JmObjectStore *comments;

  copies_set_up (&c);
  comment = jm_edit_add_comment (c.our_stack, nth (jm_document_get_stages (c.ours), 0), "Ana", "Original", NULL);
  comment_id = g_strdup (jm_object_get_id (JM_OBJECT (comment)));
  g_clear_object (&c.base);
  c.base = copy_map (c.ours);
  g_clear_object (&c.theirs);
  g_clear_object (&c.their_stack);
  c.theirs = copy_map (c.ours);
  c.their_stack = jm_command_stack_new (c.theirs);

  g_assert_true (jm_edit_set_comment_text (c.our_stack, comment, "Ours", 0, NULL));
  g_assert_true (jm_edit_set_comment_text (c.their_stack,
                                           nth (jm_comments_get (nth (jm_document_get_stages (c.theirs), 0)), 0),
                                           "Theirs", 0, NULL));
  g_assert_nonnull (jm_edit_add_comment (c.their_stack, c.theirs, "Bo", "On the map", NULL));

  result = jm_merge_documents (c.base, c.ours, c.theirs, &error);
  g_assert_no_error (error);
  stage = nth (jm_document_get_stages (result->document), 0);
  comments = jm_comments_get (stage);
  g_assert_cmpuint (jm_object_store_get_n_objects (comments), ==, 2);
  g_assert_cmpstr (jm_comment_get_text (jm_object_store_lookup (comments, comment_id)), ==, "Ours");
  g_assert_cmpstr (jm_comment_get_text (nth (comments, 1)), ==, "Theirs");
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (result->document)), ==, 1);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  assert_passes_check (result->document);

  copies_tear_down (&c);
}

/* }}} */
/* The command line {{{ */

static void
write_map_to (JmDocument *document,
              const char *path)
{
  g_autoptr(GBytes) bytes = write_map (document);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
test_cli (void)
{
  Copies c;
  g_autofree char *folder = g_dir_make_tmp ("jm-merge-cli-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (folder, "base.jmap", NULL);
  g_autofree char *ours = g_build_filename (folder, "ours.jmap", NULL);
  g_autofree char *theirs = g_build_filename (folder, "theirs.jmap", NULL);
  g_autofree char *out = g_build_filename (folder, "out.jmap", NULL);
  g_autofree char *not_a_map = g_build_filename (folder, "notes.jmap", NULL);
  g_autofree char *other = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                             "saas-onboarding.jmap", NULL);
  g_autofree char *newer = g_test_build_filename (G_TEST_DIST, "data", "valid", "newer-minor.jmap", NULL);
  g_autofree char *contents = NULL;
  g_auto(JmTestRun) run = { NULL };

  copies_set_up (&c);
  g_assert_true (jm_edit_set_string (c.our_stack, nth (jm_document_get_stages (c.ours), 0), "name", "Mine", 0, NULL));
  g_assert_true (jm_edit_set_string (c.their_stack, nth (jm_document_get_lanes (c.theirs), 0), "name", "Theirs", 0,
                                     NULL));
  write_map_to (c.base, base);
  write_map_to (c.ours, ours);
  write_map_to (c.theirs, theirs);
  g_assert_true (g_file_set_contents (not_a_map, "{ \"not\": \"a map\" }\n", -1, NULL));

  /* No conflict: both changes, exit 0. */
  jm_test_run_journeymap (&run, "merge", base, ours, theirs, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  jm_test_run_journeymap (&run, "check", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  jm_test_run_journeymap (&run, "diff", ours, out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "“Theirs”"));
  g_remove (out);

  /* A conflict: exit 1, listed, recorded, and the output passes check. */
  g_assert_true (jm_edit_set_string (c.their_stack, nth (jm_document_get_stages (c.theirs), 0), "name", "Yours", 0,
                                     NULL));
  write_map_to (c.theirs, theirs);
  jm_test_run_journeymap (&run, "merge", base, ours, theirs, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "Stage “Mine”: name: ours → “Mine”, theirs → “Yours”\n");
  jm_test_run_journeymap (&run, "check", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<conflict property=\"name\">"));
  g_remove (out);

  /* Hostile: a clear message, and nothing written. */
  jm_test_run_journeymap (&run, "merge", base, ours, not_a_map, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, not_a_map));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  jm_test_run_journeymap (&run, "merge", other, ours, theirs, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "shares no stage, item, emotion point or link"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  jm_test_run_journeymap (&run, "merge", base, ours, newer, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "format 1.7, newer than this version knows"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Writing over ours, as git does, changes nothing on failure. */
  jm_test_run_journeymap (&run, "merge", base, ours, not_a_map, "-o", ours, NULL);
  g_assert_cmpint (run.status, ==, 2);
  {
    g_autoptr(JmDocument) still = jm_test_load_map (ours);

    assert_same_map (still, c.ours);
  }

  jm_test_run_journeymap (&run, "merge", base, ours, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "usage"));

  g_remove (base);
  g_remove (ours);
  g_remove (theirs);
  g_remove (not_a_map);
  g_rmdir (folder);
  copies_tear_down (&c);
}

/* Two branches change the same example map; git merges it with the
 * driver that README gives, or reports the conflict. */
static void
test_git (void)
{
  g_autofree char *folder = g_dir_make_tmp ("jm-merge-git-XXXXXX", NULL);
  g_autofree char *map = g_build_filename (folder, "journey.jmap", NULL);
  g_autofree char *attributes = g_build_filename (folder, ".gitattributes", NULL);
  g_autofree char *driver = g_strdup_printf ("%s merge %%O %%A %%B -o %%A", g_getenv ("JM_BINARY"));
  g_autofree char *git_path = g_find_program_in_path ("git");
  g_autofree char *output = NULL;
  g_auto(JmTestRun) run = { NULL };
  g_autoptr(JmDocument) base = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) conflicted = NULL;
  JmStage *stage;

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }

  g_assert_cmpint (jm_test_run_git (&run, folder, "init", "-q", "-b", "main", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "config", "merge.jmap.name", "Journeymap three-way merge", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "config", "merge.jmap.driver", driver, NULL), ==, 0);
  g_assert_true (g_file_set_contents (attributes, "*.jmap diff=jmap merge=jmap\n", -1, NULL));
  write_map_to (base, map);
  g_assert_cmpint (jm_test_run_git (&run, folder, "add", ".", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-m", "Map", NULL), ==, 0);

  /* Branch a renames a stage; main renames a lane. */
  g_assert_cmpint (jm_test_run_git (&run, folder, "checkout", "-q", "-b", "a", NULL), ==, 0);
  {
    g_autoptr(JmDocument) copy = copy_map (base);
    g_autoptr(JmCommandStack) stack = jm_command_stack_new (copy);

    g_assert_true (jm_edit_set_string (stack, nth (jm_document_get_stages (copy), 0), "name", "From a", 0, NULL));
    write_map_to (copy, map);
  }
  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-a", "-m", "a", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "checkout", "-q", "main", NULL), ==, 0);
  {
    g_autoptr(JmDocument) copy = copy_map (base);
    g_autoptr(JmCommandStack) stack = jm_command_stack_new (copy);

    g_assert_true (jm_edit_set_string (stack, nth (jm_document_get_lanes (copy), 0), "name", "From main", 0, NULL));
    write_map_to (copy, map);
  }
  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-a", "-m", "main", NULL), ==, 0);

  g_assert_cmpint (jm_test_run_git (&run, folder, "merge", "-q", "--no-edit", "a", NULL), ==, 0);
  merged = jm_test_load_map (map);
  g_assert_cmpstr (jm_stage_get_name (nth (jm_document_get_stages (merged), 0)), ==, "From a");
  g_assert_cmpstr (jm_lane_get_name (nth (jm_document_get_lanes (merged), 0)), ==, "From main");

  /* Both rename the same stage: git reports the conflict, and the map
   * holds it, and opens. */
  g_assert_cmpint (jm_test_run_git (&run, folder, "checkout", "-q", "-b", "b", NULL), ==, 0);
  {
    g_autoptr(JmCommandStack) stack = jm_command_stack_new (merged);

    stage = nth (jm_document_get_stages (merged), 1);
    g_assert_true (jm_edit_set_string (stack, stage, "name", "From b", 0, NULL));
    write_map_to (merged, map);
  }
  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-a", "-m", "b", NULL), ==, 0);
  g_assert_cmpint (jm_test_run_git (&run, folder, "checkout", "-q", "main", NULL), ==, 0);
  {
    g_autoptr(JmDocument) copy = jm_test_load_map (map);
    g_autoptr(JmCommandStack) stack = jm_command_stack_new (copy);

    g_assert_true (jm_edit_set_string (stack, nth (jm_document_get_stages (copy), 1), "name", "From main too", 0,
                                       NULL));
    write_map_to (copy, map);
  }
  g_assert_cmpint (jm_test_run_git (&run, folder, "commit", "-q", "-a", "-m", "main again", NULL), ==, 0);

  g_assert_cmpint (jm_test_run_git (&run, folder, "merge", "--no-edit", "b", NULL), !=, 0);
  output = g_strconcat (run.out, run.err, NULL);
  g_assert_nonnull (strstr (output, "CONFLICT"));
  conflicted = jm_test_load_map (map);
  stage = nth (jm_document_get_stages (conflicted), 1);
  g_assert_cmpstr (jm_stage_get_name (stage), ==, "From main too");
  g_assert_nonnull (jm_conflicts_lookup (stage, "name"));
  g_assert_cmpstr (jm_conflict_get_theirs (jm_conflicts_lookup (stage, "name")), ==, "From b");
  assert_passes_check (conflicted);

  {
    g_autofree char *rm = g_find_program_in_path ("rm");
    const char *argv[] = { rm, "-rf", folder, NULL };

    jm_test_run_argv (&run, NULL, argv);
  }
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/random-edits", test_random_edits);
  g_test_add_func ("/merge/conflict/property", test_property_conflict);
  g_test_add_func ("/merge/conflict/removed-and-changed", test_removed_and_changed);
  g_test_add_func ("/merge/conflict/removed-stage-with-new-item", test_removed_stage_with_new_item);
  g_test_add_func ("/merge/colliding-ids-renamed", test_colliding_ids_renamed);
  g_test_add_func ("/merge/their-move", test_their_move);
  g_test_add_func ("/merge/two-primaries", test_two_primaries);
  g_test_add_func ("/merge/into-one-step", test_merge_into_one_step);
  g_test_add_func ("/merge/both-started-future", test_both_started_future);
  g_test_add_func ("/merge/comments", test_comments_merge);
  g_test_add_func ("/merge/cli", test_cli);
  g_test_add_func ("/merge/git", test_git);

  return g_test_run ();
}
