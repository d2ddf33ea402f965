/* test-layout.c: geometry, hit-testing and incremental updates
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "format/jm-xml-reader.h"
#include "model/jm-document-private.h"
#include "model/jm-object-store-private.h"
#include "render/jm-layout.h"
#include "render/jm-layout-private.h"
#include "render/jm-theme.h"

#include "jm-test-maps.h"

typedef struct
{
  JmDocument *document;
  JmLayout   *layout;
} Fixture;

static JmDocument *
load_layout_map (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "layout.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  JmDocument *document;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = jm_xml_reader_read_bytes (bytes, "layout.jmap", &error);
  g_assert_no_error (error);

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = load_layout_map ();
  fixture->layout = jm_layout_new (fixture->document, JM_LAYER_MODE_CURRENT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->document);
}

static JmItem *
item (Fixture    *fixture,
      const char *id)
{
  JmItem *found = jm_layer_lookup_item (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT), id);

  g_assert_nonnull (found);
  return found;
}

static JmRect
item_rect (Fixture    *fixture,
           const char *id)
{
  JmRect rect;

  g_assert_true (jm_layout_get_item_rect (fixture->layout, item (fixture, id), &rect));
  return rect;
}

static gboolean
rect_contains (const JmRect *outer,
               const JmRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
test_columns_follow_stages (Fixture       *fixture,
                            gconstpointer  data)
{
  JmObjectStore *stages = jm_document_get_stages (fixture->document);
  JmObjectStore *lanes = jm_document_get_lanes (fixture->document);
  JmLane *lane = jm_object_store_get_object (lanes, 0);
  double previous_right = 0;

  for (guint i = 0; i < jm_object_store_get_n_objects (stages); i++)
    {
      JmStage *stage = jm_object_store_get_object (stages, i);
      JmRect cell;

      g_assert_true (jm_layout_get_cell_rect (fixture->layout, stage, lane, &cell));
      g_assert_cmpfloat (cell.width, ==, jm_stage_get_width (stage));
      if (i > 0)
        g_assert_cmpfloat (cell.x, ==, previous_right);
      previous_right = cell.x + cell.width;
    }
}

/* Items are stacked in order, do not overlap, and the cell grows to hold
 * them. */
static void
test_items_stack_inside_cells (Fixture       *fixture,
                               gconstpointer  data)
{
  JmStage *decision = jm_document_lookup_stage (fixture->document, "s-decide");
  JmLane *pains = jm_document_lookup_lane (fixture->document, "l-pain");
  JmRect cell, note = item_rect (fixture, "i7"), opportunity = item_rect (fixture, "i8");

  g_assert_true (jm_layout_get_cell_rect (fixture->layout, decision, pains, &cell));
  g_assert_true (rect_contains (&cell, &note));
  g_assert_true (rect_contains (&cell, &opportunity));
  g_assert_false (jm_test_rects_overlap (&note, &opportunity));
  g_assert_cmpfloat (note.y, <, opportunity.y);
}

static void
set_string (JmDocument *document,
            gpointer    object,
            const char *property,
            const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  _jm_document_set_property (document, object, property, &value);
}

/* A long body wraps: the item grows, its cell and row grow, and the rows
 * below move down by as much. */
static void
test_long_text_grows_row (Fixture       *fixture,
                          gconstpointer  data)
{
  JmRect before = item_rect (fixture, "i1");
  JmRect below_before = item_rect (fixture, "i2");
  JmRect after, below_after;
  double width, height_before, height_after;

  jm_layout_get_size (fixture->layout, &width, &height_before);
  set_string (fixture->document, item (fixture, "i1"), "body",
              "A friend shares a discount code on Instagram. She mentions the delivery was on "
              "time, the strawberries were fresh, and that the app remembers the usual basket, "
              "which makes the weekly shop take five minutes instead of an hour in the store on "
              "a Saturday morning with two children in tow.");
  jm_layout_update (fixture->layout);

  after = item_rect (fixture, "i1");
  below_after = item_rect (fixture, "i2");
  jm_layout_get_size (fixture->layout, &width, &height_after);

  g_assert_cmpfloat (after.height, >, before.height + 40);
  g_assert_cmpfloat (after.width, ==, before.width);
  g_assert_cmpfloat (below_after.y, >, below_before.y);
  g_assert_cmpfloat (height_after - height_before, ==, below_after.y - below_before.y);
}

/* After any change, the incremental layout equals a fresh one. */
static void
test_incremental_equals_fresh (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(JmLayout) fresh = NULL;
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT));
  double w1, h1, w2, h2;

  set_string (fixture->document, item (fixture, "i3"), "title", "A much longer title for the landing page that wraps");
  set_string (fixture->document, item (fixture, "i4"), "body", "Line\nline\nline\nline");
  jm_layout_update (fixture->layout);

  fresh = jm_layout_new (fixture->document, JM_LAYER_MODE_CURRENT);
  jm_layout_get_size (fixture->layout, &w1, &h1);
  jm_layout_get_size (fresh, &w2, &h2);
  g_assert_cmpfloat (w1, ==, w2);
  g_assert_cmpfloat (h1, ==, h2);

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *it = jm_object_store_get_object (items, i);
      JmRect a, b;

      g_assert_true (jm_layout_get_item_rect (fixture->layout, it, &a));
      g_assert_true (jm_layout_get_item_rect (fresh, it, &b));
      g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
    }
}

/* Moving an item to another cell through the model moves it in the layout. */
static void
test_structural_change_relayouts (Fixture       *fixture,
                                  gconstpointer  data)
{
  JmStage *awareness = jm_document_lookup_stage (fixture->document, "s-aware");
  JmLane *pains = jm_document_lookup_lane (fixture->document, "l-pain");
  JmRect cell, moved;

  set_string (fixture->document, item (fixture, "i8"), "stage-id", "s-aware");
  jm_layout_update (fixture->layout);

  g_assert_true (jm_layout_get_cell_rect (fixture->layout, awareness, pains, &cell));
  moved = item_rect (fixture, "i8");
  g_assert_true (rect_contains (&cell, &moved));
}

static void
test_hit_test (Fixture       *fixture,
               gconstpointer  data)
{
  JmRect card = item_rect (fixture, "i3");
  JmStage *consider = jm_document_lookup_stage (fixture->document, "s-consider");
  JmLane *actions = jm_document_lookup_lane (fixture->document, "l-act");
  JmRect empty_cell, lane_header;
  JmHit hit;
  double px, py;

  g_assert_true (jm_layout_hit_test (fixture->layout, card.x + card.width / 2, card.y + card.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_ITEM);
  g_assert_true (hit.object == JM_OBJECT (item (fixture, "i3")));
  g_assert_true (hit.stage == consider);

  /* The Consideration × Actions cell is empty: a drop goes first. */
  g_assert_true (jm_layout_get_cell_rect (fixture->layout, consider, actions, &empty_cell));
  g_assert_true (jm_layout_hit_test (fixture->layout, empty_cell.x + 30, empty_cell.y + 30, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_CELL);
  g_assert_true (hit.stage == consider);
  g_assert_true (hit.lane == actions);
  g_assert_cmpuint (hit.index_in_cell, ==, 0);

  /* Below the note in the Decision × Pain points cell, a drop goes second. */
  {
    JmRect note = item_rect (fixture, "i7");
    g_assert_true (jm_layout_hit_test (fixture->layout, note.x + 10, note.y + note.height + 3, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_CELL);
    g_assert_cmpuint (hit.index_in_cell, ==, 1);
  }

  /* Headers and their edges. */
  g_assert_true (jm_layout_hit_test (fixture->layout, empty_cell.x + 40, empty_cell.y - 20, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_STAGE_HEADER);
  g_assert_true (hit.object == JM_OBJECT (consider));
  g_assert_true (jm_layout_hit_test (fixture->layout, empty_cell.x + empty_cell.width - 1, empty_cell.y - 20, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_STAGE_EDGE);

  lane_header = empty_cell;
  g_assert_true (jm_layout_hit_test (fixture->layout, 60, lane_header.y + 20, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_LANE_HEADER);
  g_assert_true (hit.object == JM_OBJECT (actions));

  /* An emotion point. */
  {
    JmEmotionPoint *point = jm_object_store_lookup (
      jm_layer_get_points (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT)), "e3");
    g_assert_true (jm_layout_get_point_position (fixture->layout, point, &px, &py));
    g_assert_true (jm_layout_hit_test (fixture->layout, px + 2, py - 2, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_POINT);
    g_assert_true (hit.object == JM_OBJECT (point));
  }

  /* A link, on the middle of its longest run. */
  {
    const JmLinkBox *link = &g_array_index (fixture->layout->links, JmLinkBox, 2);
    guint longest = 0;
    double mx, my;

    for (guint s = 1; s + 1 < link->n_points; s++)
      if (fabs (link->xs[s + 1] - link->xs[s]) + fabs (link->ys[s + 1] - link->ys[s]) >
          fabs (link->xs[longest + 1] - link->xs[longest]) + fabs (link->ys[longest + 1] - link->ys[longest]))
        longest = s;
    mx = (link->xs[longest] + link->xs[longest + 1]) / 2 + (link->xs[longest] == link->xs[longest + 1] ? 2 : 0);
    my = (link->ys[longest] + link->ys[longest + 1]) / 2 + (link->ys[longest] == link->ys[longest + 1] ? 2 : 0);

    g_assert_true (jm_layout_hit_test (fixture->layout, mx, my, &hit));
    g_assert_cmpint (hit.kind, ==, JM_HIT_LINK);
    g_assert_true (hit.object == JM_OBJECT (link->link));
  }

  /* Outside the map. */
  g_assert_false (jm_layout_hit_test (fixture->layout, -10, -10, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_NONE);
}

/* Scores map to heights and back. */
static void
test_score_at (Fixture       *fixture,
               gconstpointer  data)
{
  JmEmotionPoint *point = jm_object_store_lookup (
    jm_layer_get_points (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT)), "e2");
  double x, y, score;

  g_assert_true (jm_layout_get_point_position (fixture->layout, point, &x, &y));
  g_assert_true (jm_layout_score_at (fixture->layout, y, &score));
  g_assert_cmpfloat_with_epsilon (score, jm_emotion_point_get_score (point), 1e-9);
  g_assert_true (jm_layout_score_at (fixture->layout, -1000, &score));
  g_assert_cmpfloat (score, ==, JM_SCORE_MAX);
}

static void
test_query_items (Fixture       *fixture,
                  gconstpointer  data)
{
  JmRect note = item_rect (fixture, "i7");
  JmRect opportunity = item_rect (fixture, "i8");
  JmRect region = { note.x + 5, note.y + 5, 10, opportunity.y - note.y };
  JmRect everything = { -1e6, -1e6, 2e6, 2e6 };
  g_autoptr(GPtrArray) found = jm_layout_query_items (fixture->layout, &region);
  g_autoptr(GPtrArray) all = jm_layout_query_items (fixture->layout, &everything);

  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (g_ptr_array_find (found, item (fixture, "i7"), NULL));
  g_assert_true (g_ptr_array_find (found, item (fixture, "i8"), NULL));
  g_assert_cmpuint (all->len, ==, 8);
}

static gboolean
segment_crosses_rect (double        x1,
                      double        y1,
                      double        x2,
                      double        y2,
                      const JmRect *rect)
{
  /* Links are made of horizontal and vertical segments. */
  double left = MIN (x1, x2), right = MAX (x1, x2);
  double top = MIN (y1, y2), bottom = MAX (y1, y2);

  return left < rect->x + rect->width - 1 && right > rect->x + 1 &&
         top < rect->y + rect->height - 1 && bottom > rect->y + 1;
}

/* The distance from a route's end to the edge of @rect it lies on, 0 when
 * it lies on one. */
static gboolean
point_on_edge (double        x,
               double        y,
               const JmRect *rect)
{
  gboolean on_side = (x == rect->x || x == rect->x + rect->width) &&
                     y >= rect->y && y <= rect->y + rect->height;
  gboolean on_top_or_bottom = (y == rect->y || y == rect->y + rect->height) &&
                              x >= rect->x && x <= rect->x + rect->width;

  return on_side || on_top_or_bottom;
}

/* Every link's route runs along the axes from an edge of its source to an
 * edge of its target, crosses no card (its own two included), runs on no
 * stage or lane grid line, and each of its turns is long enough to see. */
static void
assert_routes_keep_the_rules (JmLayout   *layout,
                              JmDocument *document)
{
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (layer);

  g_assert_cmpuint (layout->links->len, ==, jm_object_store_get_n_objects (jm_layer_get_links (layer)));
  for (guint l = 0; l < layout->links->len; l++)
    {
      const JmLinkBox *link = &g_array_index (layout->links, JmLinkBox, l);
      const char *id = jm_object_get_id (JM_OBJECT (link->link));
      JmRect from, to;
      guint n = link->n_points;

      g_assert_true (jm_layout_get_item_rect (layout, jm_layer_lookup_item (layer, jm_link_get_from_id (link->link)),
                                              &from));
      g_assert_true (jm_layout_get_item_rect (layout, jm_layer_lookup_item (layer, jm_link_get_to_id (link->link)),
                                              &to));
      g_assert_cmpuint (n, >=, 2);
      for (guint s = 0; s < n; s++)
        g_test_message ("link %s: %g,%g", id, link->xs[s], link->ys[s]);
      g_test_message ("from %g,%g %gx%g to %g,%g %gx%g", from.x, from.y, from.width, from.height,
                      to.x, to.y, to.width, to.height);
      if (!point_on_edge (link->xs[0], link->ys[0], &from) || !point_on_edge (link->xs[n - 1], link->ys[n - 1], &to))
        g_error ("link %s does not run from edge to edge", id);

      for (guint s = 0; s + 1 < n; s++)
        {
          double x1 = link->xs[s], y1 = link->ys[s], x2 = link->xs[s + 1], y2 = link->ys[s + 1];
          double length = fabs (x2 - x1) + fabs (y2 - y1);

          if (x1 != x2 && y1 != y2)
            g_error ("link %s: segment %u is not along an axis", id, s);
          if (n > 2 && length < JM_LINK_MIN_SEGMENT)
            g_error ("link %s: segment %u is %.1f long, a stub", id, s, length);

          /* Grid lines: the left edge of each stage and the right edge of
           * the last; the top of each lane and the bottom of the last. */
          for (guint i = 0; i <= layout->stages->len && x1 == x2; i++)
            {
              const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, MIN (i, layout->stages->len - 1));
              double line = i < layout->stages->len ? stage->x : stage->x + stage->width;

              if (fabs (x1 - line) < 3)
                g_error ("link %s: segment %u runs on the line of stage %u", id, s, i);
            }
          for (guint i = 0; i <= layout->lanes->len && y1 == y2; i++)
            {
              const JmLaneBox *lane = &g_array_index (layout->lanes, JmLaneBox, MIN (i, layout->lanes->len - 1));
              double line = i < layout->lanes->len ? lane->y : lane->y + lane->height;

              if (fabs (y1 - line) < 3)
                g_error ("link %s: segment %u runs on the line of lane %u", id, s, i);
            }

          for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
            {
              JmItem *card = jm_object_store_get_object (items, i);
              JmRect rect;

              g_assert_true (jm_layout_get_item_rect (layout, card, &rect));
              if (segment_crosses_rect (x1, y1, x2, y2, &rect))
                g_error ("link %s crosses item %s", id, jm_object_get_id (JM_OBJECT (card)));
            }
        }
    }
}

static void
test_links_avoid_cards (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpuint (fixture->layout->links->len, ==, 3);
  assert_routes_keep_the_rules (fixture->layout, fixture->document);
}

static JmDocument *
load_valid_map (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);

  return jm_test_load_map (path);
}

static const JmLinkBox *
link_box (JmLayout   *layout,
          const char *id)
{
  for (guint i = 0; i < layout->links->len; i++)
    {
      const JmLinkBox *box = &g_array_index (layout->links, JmLinkBox, i);

      if (g_str_equal (jm_object_get_id (JM_OBJECT (box->link)), id))
        return box;
    }

  g_error ("no route for link %s", id);
  return NULL;
}

static JmRect
rect_of (JmLayout   *layout,
         JmDocument *document,
         const char *id)
{
  JmItem *card = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), id);
  JmRect rect;

  g_assert_nonnull (card);
  g_assert_true (jm_layout_get_item_rect (layout, card, &rect));
  return rect;
}

/* link-routes.jmap has a link of each kind: between stacked cards, to a
 * card two below, down into the next lane, between neighbours side by
 * side and to a lower one, across a stage with a card in the way, far
 * along a lane, back to an earlier stage and up in one stage. */
static void
test_link_routes (void)
{
  g_autoptr(JmDocument) document = load_valid_map ("link-routes.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  const JmLinkBox *box;
  JmRect a1, a2, a3, t1, b1, p2, t3;

  jm_layout_update (layout);
  assert_routes_keep_the_rules (layout, document);

  a1 = rect_of (layout, document, "a1");
  a2 = rect_of (layout, document, "a2");
  a3 = rect_of (layout, document, "a3");
  t1 = rect_of (layout, document, "t1");
  b1 = rect_of (layout, document, "b1");
  p2 = rect_of (layout, document, "p2");
  t3 = rect_of (layout, document, "t3");

  /* Stacked: from the bottom centre straight down to the top centre. */
  box = link_box (layout, "k-stacked");
  g_assert_cmpuint (box->n_points, ==, 2);
  g_assert_cmpfloat (box->xs[0], ==, a1.x + a1.width / 2);
  g_assert_cmpfloat (box->xs[1], ==, a2.x + a2.width / 2);
  g_assert_cmpfloat (box->ys[0], ==, a1.y + a1.height);
  g_assert_cmpfloat (box->ys[1], ==, a2.y);

  /* Down into the next lane, nothing in between: straight down too. */
  box = link_box (layout, "k-down-lane");
  g_assert_cmpuint (box->n_points, ==, 2);
  g_assert_cmpfloat (box->xs[0], ==, a3.x + a3.width / 2);
  g_assert_cmpfloat (box->ys[0], ==, a3.y + a3.height);
  g_assert_cmpfloat (box->ys[1], ==, t1.y);

  /* Up within a stage: straight up. */
  box = link_box (layout, "k-up");
  g_assert_cmpuint (box->n_points, ==, 2);
  g_assert_cmpfloat (box->ys[0], ==, p2.y);
  g_assert_cmpfloat (box->ys[1], ==, t3.y + t3.height);

  /* A card in between: around it, not through it (the rules above), in
   * the gutter beside the stage. */
  box = link_box (layout, "k-skip");
  g_assert_cmpuint (box->n_points, >, 2);
  g_assert_cmpfloat (box->ys[box->n_points - 1], >, a2.y + a2.height);

  /* Neighbours side by side: straight across, as long as the gap. */
  box = link_box (layout, "k-beside");
  g_assert_cmpuint (box->n_points, ==, 2);
  g_assert_cmpfloat (box->xs[0], ==, a1.x + a1.width);
  g_assert_cmpfloat (box->xs[1], ==, b1.x);
  g_assert_cmpfloat (box->ys[0], ==, box->ys[1]);

  /* Neighbours not side by side (b1 is level with a1, not a2): a
   * dog-leg, each of its turns a full 16 (the rules above), never the
   * old 8 px stub. */
  box = link_box (layout, "k-neighbour");
  g_assert_cmpuint (box->n_points, >, 2);
  g_assert_cmpfloat (box->xs[0], ==, a2.x + a2.width);
}

/* The gap between two cards of a cell, from their rects. */
static double
gap_between (JmLayout   *layout,
             JmDocument *document,
             const char *upper,
             const char *lower)
{
  JmRect above = rect_of (layout, document, upper);
  JmRect below = rect_of (layout, document, lower);

  return below.y - (above.y + above.height);
}

/* A link between two cards stacked in one cell runs straight down their
 * gap, which is wide enough for a shaft above the arrow head, whichever
 * way the link points; cards no link joins keep the narrow gap. */
static void
test_link_stacked_gap (void)
{
  g_autoptr(JmDocument) document = load_valid_map ("link-routes.jmap");
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GError) error = NULL;
  JmObjectStore *links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  const JmLinkBox *box;
  JmLink *up;

  jm_layout_update (layout);

  /* a1 → a2 (k-stacked): the wide gap, and a shaft of at least
   * JM_LINK_MIN_SEGMENT besides the 8 px arrow head. */
  g_assert_cmpfloat (gap_between (layout, document, "a1", "a2"), ==, JM_LINKED_ITEM_GAP);
  box = link_box (layout, "k-stacked");
  g_assert_cmpuint (box->n_points, ==, 2);
  g_assert_cmpfloat (box->xs[0], ==, box->xs[1]);
  g_assert_cmpfloat (box->ys[1] - box->ys[0], >=, JM_LINK_MIN_SEGMENT + 8.0);

  /* a2 and a3 are linked by nothing (k-skip goes from a1 to a3, around
   * a2): the narrow gap. So are b1 and b2, and t-cards alone in cells. */
  g_assert_cmpfloat (gap_between (layout, document, "a2", "a3"), ==, JM_ITEM_GAP);
  g_assert_cmpfloat (gap_between (layout, document, "b1", "b2"), ==, JM_ITEM_GAP);

  /* Upwards, a3 → a2, opens the gap as well; removing it closes it. */
  up = jm_edit_add_link (stack, JM_LAYER_STATE_CURRENT, "a3", "a2", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (up);
  g_assert_false (layout->needs_rebuild);
  jm_layout_update (layout);
  g_assert_cmpfloat (gap_between (layout, document, "a2", "a3"), ==, JM_LINKED_ITEM_GAP);
  box = link_box (layout, jm_object_get_id (JM_OBJECT (up)));
  g_assert_cmpuint (box->n_points, ==, 2);
  g_assert_cmpfloat (box->ys[0] - box->ys[1], >=, JM_LINK_MIN_SEGMENT + 8.0);

  jm_edit_delete_object (stack, links, JM_OBJECT (up), &error);
  g_assert_no_error (error);
  jm_layout_update (layout);
  g_assert_cmpfloat (gap_between (layout, document, "a2", "a3"), ==, JM_ITEM_GAP);
}

/* A map without links between stacked cards lays out as it always has:
 * every gap JM_ITEM_GAP. */
static void
test_unlinked_stacked_gap (Fixture       *fixture,
                           gconstpointer  data)
{
  JmLayout *layout = fixture->layout;
  guint gaps = 0;

  /* layout.jmap's links join cards of different cells only. */
  g_assert_cmpuint (g_hash_table_size (layout->linked_pairs), ==, 0);
  for (guint c = 0; c < layout->stages->len * layout->lanes->len; c++)
    {
      GArray *cell = layout->cells[c];

      for (guint i = 0; i + 1 < cell->len; i++)
        {
          const JmItemBox *above = &g_array_index (layout->items, JmItemBox, g_array_index (cell, guint, i));
          const JmItemBox *below = &g_array_index (layout->items, JmItemBox, g_array_index (cell, guint, i + 1));

          g_assert_cmpfloat (below->rel_y - (above->rel_y + above->height), ==, JM_ITEM_GAP);
          gaps++;
        }
    }
  g_assert_cmpuint (gaps, >, 0);
}

/* Routes keep the rules however the cards stand: the example maps. */
static void
test_link_routes_of_examples (void)
{
  static const char *names[] = { "grocery-first-order", "hotel-guest-stay", "saas-onboarding" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".jmap", NULL);
      g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", file, NULL);
      g_autoptr(JmDocument) document = jm_test_load_map (path);
      g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);

      jm_layout_update (layout);
      assert_routes_keep_the_rules (layout, document);
    }
}

/* In the compared view the future's additions, changes and removals are
 * marked, and what it removed is still shown. */
static void
test_compare_marks_differences (Fixture       *fixture,
                                gconstpointer  data)
{
  JmLayer *current = jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (fixture->document, JM_LAYER_STATE_FUTURE);
  g_autoptr(JmObject) kept = jm_object_clone (JM_OBJECT (item (fixture, "i1")));
  g_autoptr(JmObject) changed = jm_object_clone (JM_OBJECT (item (fixture, "i2")));
  g_autoptr(JmItem) added = jm_item_new ("new-item");
  g_autoptr(JmLayout) both = NULL;

  set_string (fixture->document, changed, "title", "Instagram story instead");
  set_string (fixture->document, added, "stage-id", "s-aware");
  set_string (fixture->document, added, "lane-id", "l-act");
  _jm_object_store_append (jm_layer_get_items (future), kept);
  _jm_object_store_append (jm_layer_get_items (future), changed);
  _jm_object_store_append (jm_layer_get_items (future), JM_OBJECT (added));

  both = jm_layout_new (fixture->document, JM_LAYER_MODE_BOTH);
  g_assert_cmpuint (both->items->len, ==, jm_object_store_get_n_objects (jm_layer_get_items (current)) + 1);
  for (guint i = 0; i < both->items->len; i++)
    {
      const JmItemBox *box = &g_array_index (both->items, JmItemBox, i);
      const char *id = jm_object_get_id (JM_OBJECT (box->item));

      if (g_str_equal (id, "i1"))
        g_assert_cmpint (box->diff, ==, JM_DIFF_NONE);
      else if (g_str_equal (id, "i2"))
        g_assert_cmpint (box->diff, ==, JM_DIFF_CHANGED);
      else if (g_str_equal (id, "new-item"))
        g_assert_cmpint (box->diff, ==, JM_DIFF_ADDED);
      else
        g_assert_cmpint (box->diff, ==, JM_DIFF_REMOVED);
    }
}

/* A point lies at its place along its stage: e3 and e4 share the Decision
 * stage at 0.4 and 0.9 of the width between its paddings. */
static void
test_points_follow_their_position (Fixture       *fixture,
                                   gconstpointer  data)
{
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT));
  JmStage *decision = jm_document_lookup_stage (fixture->document, "s-decide");
  JmLane *actions = jm_document_lookup_lane (fixture->document, "l-act");
  const char *ids[] = { "e3", "e4" };
  JmRect cell;

  g_assert_true (jm_layout_get_cell_rect (fixture->layout, decision, actions, &cell));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JmEmotionPoint *point = jm_object_store_lookup (points, ids[i]);
      double x, y;

      g_assert_nonnull (point);
      g_assert_true (jm_layout_get_point_position (fixture->layout, point, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, cell.x + JM_CELL_PADDING +
                                      jm_emotion_point_get_position (point) * (cell.width - 2 * JM_CELL_PADDING),
                                      1e-9);
    }
}

/* A drop on the upper half of a card goes before it, on its lower half
 * after it: the hit says where. */
static void
test_drop_index_halves (Fixture       *fixture,
                        gconstpointer  data)
{
  JmRect note = item_rect (fixture, "i7"), opportunity = item_rect (fixture, "i8");
  JmHit hit;

  g_assert_true (jm_layout_hit_test (fixture->layout, note.x + 10, note.y + note.height * 0.25, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_ITEM);
  g_assert_cmpuint (hit.index_in_cell, ==, 0);
  g_assert_true (jm_layout_hit_test (fixture->layout, note.x + 10, note.y + note.height * 0.75, &hit));
  g_assert_cmpint (hit.kind, ==, JM_HIT_ITEM);
  g_assert_true (hit.object == JM_OBJECT (item (fixture, "i7")));
  g_assert_cmpuint (hit.index_in_cell, ==, 1);
  g_assert_true (jm_layout_hit_test (fixture->layout, opportunity.x + 10,
                                     opportunity.y + opportunity.height * 0.75, &hit));
  g_assert_cmpuint (hit.index_in_cell, ==, 2);
}

static const JmStageBox *
stage_box (JmLayout   *layout,
           const char *id)
{
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const JmStageBox *box = &g_array_index (layout->stages, JmStageBox, i);

      if (g_str_equal (jm_object_get_id (JM_OBJECT (box->stage)), id))
        return box;
    }

  g_assert_not_reached ();
}

/* The Decision stage's Moment of Truth (i5) is taken out of the future
 * state: comparing, the stage has none left to show, though the removed
 * card is still drawn as a ghost. */
static void
test_removed_moment_not_counted (Fixture       *fixture,
                                 gconstpointer  data)
{
  JmLayer *future = jm_document_get_layer (fixture->document, JM_LAYER_STATE_FUTURE);
  g_autoptr(JmObject) kept = jm_object_clone (JM_OBJECT (item (fixture, "i1")));
  g_autoptr(JmLayout) both = NULL;

  g_assert_cmpuint (stage_box (fixture->layout, "s-decide")->n_moments, ==, 1);

  _jm_object_store_append (jm_layer_get_items (future), kept);
  both = jm_layout_new (fixture->document, JM_LAYER_MODE_BOTH);
  g_assert_cmpuint (stage_box (both, "s-decide")->n_moments, ==, 0);
  g_assert_null (stage_box (both, "s-decide")->first_moment);
}

static void
assert_cells_match_layer (JmLayout     *layout,
                          JmDocument   *document,
                          JmLayerState  state)
{
  JmObjectStore *stages = jm_document_get_stages (document);
  JmObjectStore *lanes = jm_document_get_lanes (document);
  guint n_compared = 0;

  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
      {
        JmStage *stage = jm_object_store_get_object (stages, s);
        JmLane *lane = jm_object_store_get_object (lanes, l);
        g_autoptr(GPtrArray) expected = jm_layer_dup_cell_items (jm_document_get_layer (document, state),
                                                                 jm_object_get_id (JM_OBJECT (stage)),
                                                                 jm_object_get_id (JM_OBJECT (lane)));
        g_autoptr(GPtrArray) items = jm_layout_dup_cell_items (layout, stage, lane);

        g_assert_cmpuint (items->len, ==, expected->len);
        for (guint i = 0; i < items->len; i++)
          g_assert_true (items->pdata[i] == expected->pdata[i]);
        n_compared += items->len;
      }

  g_assert_cmpuint (n_compared, >, 20);
}

/* Large maps measure their cards' text in several threads, each with its
 * own font map: every card must come out exactly as measured alone. */
static void
test_parallel_measures_match (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmLayout) alone = jm_layout_new (document, JM_LAYER_MODE_BOTH);
  g_autoptr(JmLayout) shared = jm_layout_new (document, JM_LAYER_MODE_BOTH);
  JmLayer *future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);
  double width, height, shared_width, shared_height;

  _jm_layout_set_parallel_threshold (alone, G_MAXUINT);
  _jm_layout_set_parallel_threshold (shared, 1);
  jm_layout_get_size (alone, &width, &height);
  jm_layout_get_size (shared, &shared_width, &shared_height);
  g_assert_cmpfloat (width, ==, shared_width);
  g_assert_cmpfloat (height, ==, shared_height);

  g_assert_cmpuint (shared->items->len, ==, alone->items->len);
  g_assert_cmpuint (alone->items->len, >=, jm_object_store_get_n_objects (jm_layer_get_items (future)));
  for (guint i = 0; i < alone->items->len; i++)
    {
      const JmItemBox *a = &g_array_index (alone->items, JmItemBox, i);
      const JmItemBox *b = &g_array_index (shared->items, JmItemBox, i);

      g_assert_true (a->item == b->item);
      g_assert_cmpfloat (a->title_height, >, 0);
      g_assert_cmpfloat (a->title_height, ==, b->title_height);
      g_assert_cmpfloat (a->body_height, ==, b->body_height);
      g_assert_cmpfloat (a->rel_y, ==, b->rel_y);
    }
}

/* A map whose cards repeat a few texts in columns of four widths, so that
 * the same text wraps differently from one column to the next. */
static JmDocument *
repeated_texts_map (guint n_items)
{
  static const char *const titles[] = {
    "Short",
    "A title long enough to wrap onto a second line in a narrow column",
    "Ein Titel, der in schmalen Spalten auf drei oder vier Zeilen umbricht, in breiten nicht",
  };
  static const char *const bodies[] = {
    NULL,
    "A body of a few words.",
    "A body long enough to take several lines in the narrowest column and fewer in the widest one.",
  };
  static const char *const widths[] = { "120", "200", "280", "400" };
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\""
                                         " format-version=\"1.0\"><title>Repeated texts</title><stages>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
    g_string_append_printf (xml, "<stage id=\"s%u\" width=\"%s\"><name>Stage %u</name></stage>",
                            s, widths[s], s);
  g_string_append (xml, "</stages><lanes><lane id=\"l0\" kind=\"actions\"><name>Actions</name></lane>"
                   "<lane id=\"l1\" kind=\"thoughts\"><name>Thoughts</name></lane></lanes>"
                   "<layer state=\"current\"><items>");
  for (guint i = 0; i < n_items; i++)
    {
      g_string_append_printf (xml, "<item id=\"i%u\" kind=\"%s\" stage=\"s%u\" lane=\"l%u\"><title>%s</title>",
                              i, i % 2 ? "note" : "card", i % (guint) G_N_ELEMENTS (widths), (i / 4) % 2,
                              titles[(i / 8) % G_N_ELEMENTS (titles)]);
      if (bodies[(i / 3) % G_N_ELEMENTS (bodies)] != NULL)
        g_string_append_printf (xml, "<body>%s</body>", bodies[(i / 3) % G_N_ELEMENTS (bodies)]);
      g_string_append (xml, "</item>");
    }
  g_string_append (xml, "</items></layer></journey-map>\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  document = jm_xml_reader_read_bytes (bytes, "repeated.jmap", &error);
  g_assert_no_error (error);

  return document;
}

/* Every card's text measured as if alone, with a context of its own and no
 * cache: what the measures kept by text must give. */
static guint
assert_measures_match_pango (JmLayout *layout)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *pango = jm_theme_create_pango_context_for_font_map (font_map);
  double one_line = G_MAXDOUBLE;
  guint n_wrapped = 0;

  jm_layout_update (layout);
  g_assert_cmpuint (layout->items->len, >, 0);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const JmItemBox *box = &g_array_index (layout->items, JmItemBox, i);
      const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, box->stage_index);
      double width = MAX (stage->width - 2 * JM_CELL_PADDING, 10.0) - 2 * JM_ITEM_PADDING - JM_ITEM_ACCENT;
      double title = jm_theme_measure_text (pango, JM_FONT_ITEM_TITLE, jm_item_get_title (box->item), width, 4);
      double body = jm_theme_measure_text (pango, JM_FONT_ITEM_BODY, jm_item_get_body (box->item), width,
                                           JM_BODY_MAX_LINES);

      g_assert_cmpfloat (box->title_height, ==, title);
      g_assert_cmpfloat (box->body_height, ==, body);
      one_line = MIN (one_line, title);
    }
  g_object_unref (pango);
  g_assert_cmpuint (jm_text_measures_get_size (layout->texts), <=, JM_LAYOUT_TEXT_MEASURES);

  for (guint i = 0; i < layout->items->len; i++)
    n_wrapped += g_array_index (layout->items, JmItemBox, i).title_height > 1.5 * one_line;
  return n_wrapped;
}

/* Texts are measured once by (font, text, width, lines) and kept for every
 * card and pass that shows them: the heights must be Pango's own, on one
 * thread and on several, for the examples, a generated map and a map that
 * repeats its texts in columns of different widths. */
static void
test_text_measures_match_pango (void)
{
  const char *examples[] = { "saas-onboarding.jmap", "grocery-first-order.jmap", "hotel-guest-stay.jmap" };
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_wrapped;

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    g_ptr_array_add (documents, jm_test_load_example (examples[i]));
  g_ptr_array_add (documents, jm_test_load_generated_map (3000, 5));
  g_ptr_array_add (documents, repeated_texts_map (2400));

  for (guint d = 0; d < documents->len; d++)
    for (guint threshold = 0; threshold < 2; threshold++)
      {
        g_autoptr(JmLayout) layout = jm_layout_new (documents->pdata[d], JM_LAYER_MODE_BOTH);

        _jm_layout_set_parallel_threshold (layout, threshold == 0 ? G_MAXUINT : 1);
        n_wrapped = assert_measures_match_pango (layout);
        /* Some titles wrap, so the widths matter. */
        if (d == documents->len - 1)
          g_assert_cmpuint (n_wrapped, >, 100);
      }
}

/* A text changed back and forth, or moved to a column of another width,
 * takes the height kept for its text and width, not another's. */
static void
test_text_measures_follow_edits (void)
{
  g_autoptr(JmDocument) document = repeated_texts_map (64);
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  g_autoptr(GError) error = NULL;

  assert_measures_match_pango (layout);
  for (guint i = 0; i < 8; i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      g_assert_true (jm_edit_set_string (stack, item, "title",
                                         "Another title, long enough to wrap in the narrow columns", 0, &error));
      g_assert_no_error (error);
    }
  assert_measures_match_pango (layout);
  while (jm_command_stack_get_can_undo (stack))
    g_assert_true (jm_command_stack_undo (stack));
  assert_measures_match_pango (layout);
}

/* The kept measures stay within their capacity, whatever number of texts
 * is measured, and keep those asked for recently. */
static void
test_text_measures_bounded (void)
{
  g_autoptr(JmTextMeasures) measures = jm_text_measures_new (100);
  double height;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *text = g_strdup_printf ("text %u", i);

      jm_text_measures_insert (measures, JM_FONT_ITEM_TITLE, text, 200.0, 4, i);
      /* One text in use all along. */
      g_assert_true (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 0", 200.0, 4, &height));
      g_assert_cmpfloat (height, ==, 0.0);
      g_assert_cmpuint (jm_text_measures_get_size (measures), <=, 100);
    }

  g_assert_cmpuint (jm_text_measures_get_size (measures), >=, 50);
  g_assert_false (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 1", 200.0, 4, &height));
  g_assert_true (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 999", 200.0, 4, &height));
  g_assert_cmpfloat (height, ==, 999.0);

  /* Each part of the key counts. */
  g_assert_false (jm_text_measures_lookup (measures, JM_FONT_ITEM_BODY, "text 999", 200.0, 4, &height));
  g_assert_false (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 999", 200.5, 4, &height));
  g_assert_false (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 999", 200.0, 3, &height));
  g_assert_false (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 99", 200.0, 4, &height));

  /* A new measure of a kept text replaces it. */
  jm_text_measures_insert (measures, JM_FONT_ITEM_TITLE, "text 0", 200.0, 4, 7.0);
  g_assert_true (jm_text_measures_lookup (measures, JM_FONT_ITEM_TITLE, "text 0", 200.0, 4, &height));
  g_assert_cmpfloat (height, ==, 7.0);
}

typedef struct
{
  JmDocument *document;
  JmLayout   *layout;
} WorkerLayout;

static gpointer
lay_out_in_worker (gpointer data)
{
  WorkerLayout *work = data;

  work->document = jm_test_load_example ("saas-onboarding.jmap");
  work->layout = jm_layout_new_in_worker (work->document, JM_LAYER_MODE_BOTH);
  return NULL;
}

/* Two maps laid out one after the other in one thread, as a pool thread
 * does, and that thread's own font map. */
static gpointer
lay_out_two_in_one_thread (gpointer data)
{
  WorkerLayout *work = data;

  lay_out_in_worker (&work[0]);
  lay_out_in_worker (&work[1]);
  return g_object_ref (pango_cairo_font_map_get_default ());
}

/* A layout handed over to the main thread may be drawn there while the
 * thread that made it lays out the next map: they share no font map, and
 * neither uses that thread's own. */
static void
test_worker_layouts_share_no_font_map (void)
{
  WorkerLayout work[2] = { { 0 } };
  g_autoptr(PangoFontMap) thread_default = g_thread_join (g_thread_new ("lay-out", lay_out_two_in_one_thread, work));
  PangoFontMap *first = pango_context_get_font_map (work[0].layout->pango);
  PangoFontMap *second = pango_context_get_font_map (work[1].layout->pango);

  g_assert_true (first != second);
  g_assert_true (first != thread_default);
  g_assert_true (second != thread_default);
  g_assert_true (first != pango_cairo_font_map_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    {
      g_clear_object (&work[i].layout);
      g_clear_object (&work[i].document);
    }
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                           (gsize) stride * height), ==, 0);
}

static void
assert_same_layout (JmLayout *a,
                    JmLayout *b)
{
  double width, height, b_width, b_height;

  jm_layout_get_size (a, &width, &height);
  jm_layout_get_size (b, &b_width, &b_height);
  g_assert_cmpfloat (width, ==, b_width);
  g_assert_cmpfloat (height, ==, b_height);
  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    {
      const JmItemBox *box = &g_array_index (a->items, JmItemBox, i);
      const JmItemBox *other = &g_array_index (b->items, JmItemBox, i);

      g_assert_cmpstr (jm_object_get_id (JM_OBJECT (box->item)), ==, jm_object_get_id (JM_OBJECT (other->item)));
      g_assert_cmpfloat (box->title_height, ==, other->title_height);
      g_assert_cmpfloat (box->body_height, ==, other->body_height);
      g_assert_cmpfloat (box->rel_y, ==, other->rel_y);
    }
}

static void
widen_first_stage (JmDocument *document)
{
  JmStage *first = jm_object_store_get_object (jm_document_get_stages (document), 0);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, jm_stage_get_width (first) + 300);
  g_assert_true (_jm_document_set_property (document, G_OBJECT (first), "width", &value));
}

/* The window lays a map out in a worker while it opens: laid out there,
 * two at a time while this thread draws, the map has the geometry and
 * the pixels it has here, and once handed over its layout follows the
 * edits made in this thread. */
static void
test_worker_layout_hands_over (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmLayout) here = jm_layout_new (document, JM_LAYER_MODE_BOTH);
  cairo_surface_t *drawn_here;
  WorkerLayout work[2] = { { 0 } };
  GThread *threads[2];

  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    threads[i] = g_thread_new ("lay-out", lay_out_in_worker, &work[i]);
  drawn_here = jm_test_render (here, 1.0 / 3, JM_THEME_LIGHT, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    {
      cairo_surface_t *drawn = jm_test_render (work[i].layout, 1.0 / 3, JM_THEME_LIGHT, FALSE);

      g_assert_true (jm_layout_get_document (work[i].layout) == work[i].document);
      g_assert_cmpint (jm_layout_get_mode (work[i].layout), ==, JM_LAYER_MODE_BOTH);
      assert_same_layout (here, work[i].layout);
      assert_same_pixels (drawn_here, drawn);
      cairo_surface_destroy (drawn);
    }
  cairo_surface_destroy (drawn_here);

  widen_first_stage (document);
  widen_first_stage (work[0].document);
  jm_layout_update (here);
  jm_layout_update (work[0].layout);
  assert_same_layout (here, work[0].layout);
  drawn_here = jm_test_render (here, 1.0 / 3, JM_THEME_LIGHT, FALSE);
  {
    cairo_surface_t *drawn = jm_test_render (work[0].layout, 1.0 / 3, JM_THEME_LIGHT, FALSE);

    assert_same_pixels (drawn_here, drawn);
    cairo_surface_destroy (drawn);
  }
  cairo_surface_destroy (drawn_here);

  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    {
      g_clear_object (&work[i].layout);
      g_clear_object (&work[i].document);
    }
}

/* The canvas asks the layout, not the layer, for a cell's items while a
 * card is dragged: same items, same order, without ghosts of the compared
 * view, at the cost of the cell and not of the map. */
static void
test_cell_items_follow_layer (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmLayout) layout = NULL;

  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  assert_cells_match_layer (layout, document, JM_LAYER_STATE_CURRENT);
  jm_layout_set_mode (layout, JM_LAYER_MODE_BOTH);
  assert_cells_match_layer (layout, document, JM_LAYER_STATE_FUTURE);
}

/* One letter with 99,999 combining marks, pasted into a body (a file
 * holding it is refused): its cluster is laid out capped (HarfBuzz is
 * quadratic in a cluster's length), in well under a second, while the
 * model keeps every mark. */
static void
test_long_cluster_capped (void)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GString) body = g_string_new ("a");
  g_autoptr(GString) xml_head = g_string_new (NULL);
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmCommandStack) stack = NULL;
  g_autofree char *shown = NULL;
  JmItem *item = NULL;
  gint64 start;
  double seconds;

  for (int i = 0; i < 99999; i++)
    g_string_append (body, "\xcc\x81");

  shown = jm_theme_text_to_lay_out (body->str, 200, 12);
  g_assert_nonnull (shown);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, JM_TEXT_MAX_CLUSTER_CHARS);
  g_assert_true (strncmp (shown, body->str, strlen (shown)) == 0);
  g_clear_pointer (&shown, g_free);

  /* Two clusters: each keeps its first characters. */
  g_string_append (body, "b");
  for (int i = 0; i < 40; i++)
    g_string_append (body, "\xcc\x81");
  shown = jm_theme_text_to_lay_out (body->str, -1, 0);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, 2 * JM_TEXT_MAX_CLUSTER_CHARS);
  g_clear_pointer (&shown, g_free);

  /* Text past what the lines can show ends with an ellipsis; short or
   * Latin text is handed over as it is. */
  shown = jm_theme_text_to_lay_out ("abcdefghij", 2, 2);
  g_assert_cmpstr (shown, ==, "abcdef…");
  g_clear_pointer (&shown, g_free);
  g_assert_null (jm_theme_text_to_lay_out ("Plain text, line\r\nby line", 200, 12));
  g_assert_null (jm_theme_text_to_lay_out ("Zo\xc3\xab et Cl\xc3\xa9mence e\xcc\x81", 200, 12));

  g_string_truncate (body, 1 + 99999 * 2);
  g_string_prepend (xml_head, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
                    "<title>Marks</title><stages><stage id=\"s\"><name>S</name></stage></stages>"
                    "<lanes><lane id=\"l\" kind=\"actions\"><name>L</name></lane></lanes>"
                    "<layer state=\"current\"><items><item id=\"i\" kind=\"card\" stage=\"s\" lane=\"l\">"
                    "<title>x</title><body>");
  g_string_append (xml_head, "b</body></item></items></layer></journey-map>\n");
  xml = g_string_free_to_bytes (g_steal_pointer (&xml_head));
  document = jm_xml_reader_read_bytes (xml, "marks.jmap", &error);
  g_assert_no_error (error);
  item = jm_object_store_lookup (jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT)),
                                 "i");
  g_assert_nonnull (item);
  stack = jm_command_stack_new (document);
  g_assert_true (jm_edit_set_string (stack, item, "body", body->str, 0, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  jm_layout_update (layout);
  {
    cairo_surface_t *drawn = jm_test_render (layout, 1.0 / 3, JM_THEME_LIGHT, FALSE);

    cairo_surface_destroy (drawn);
  }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("laid out and drawn in %.3f s", seconds);
  /* 0.04 s here; uncapped, each of the two layouts (measured, drawn) took
   * a minute. The bound leaves room for valgrind and the sanitizers. */
  g_assert_cmpfloat (seconds, <, 10.0);
  g_assert_cmpstr (jm_item_get_body (item), ==, body->str);
}

/* Two layouts place the same: every row, card, point, link and count. */
static void
assert_same_placement (JmLayout *a,
                       JmLayout *b)
{
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
  g_assert_cmpuint (a->lanes->len, ==, b->lanes->len);
  for (guint i = 0; i < a->lanes->len; i++)
    {
      const JmLaneBox *la = &g_array_index (a->lanes, JmLaneBox, i), *lb = &g_array_index (b->lanes, JmLaneBox, i);

      g_assert_cmpfloat (la->y, ==, lb->y);
      g_assert_cmpfloat (la->height, ==, lb->height);
      g_assert_cmpfloat (la->items_top, ==, lb->items_top);
    }
  g_assert_cmpuint (a->stages->len, ==, b->stages->len);
  for (guint i = 0; i < a->stages->len; i++)
    {
      const JmStageBox *sa = &g_array_index (a->stages, JmStageBox, i);
      const JmStageBox *sb = &g_array_index (b->stages, JmStageBox, i);

      g_assert_cmpuint (sa->n_moments, ==, sb->n_moments);
      g_assert_true (sa->first_moment == sb->first_moment);
    }
  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    {
      const JmItemBox *ia = &g_array_index (a->items, JmItemBox, i), *ib = &g_array_index (b->items, JmItemBox, i);
      JmRect ra = _jm_layout_item_rect (a, ia), rb = _jm_layout_item_rect (b, ib);

      g_assert_true (ia->item == ib->item);
      g_assert_cmpfloat (ia->rel_y, ==, ib->rel_y);
      g_assert_cmpfloat (ia->height, ==, ib->height);
      g_assert_cmpmem (&ra, sizeof ra, &rb, sizeof rb);
    }
  g_assert_cmpuint (a->points->len, ==, b->points->len);
  for (guint i = 0; i < a->points->len; i++)
    {
      const JmPointBox *pa = &g_array_index (a->points, JmPointBox, i);
      const JmPointBox *pb = &g_array_index (b->points, JmPointBox, i);

      g_assert_true (pa->point == pb->point);
      g_assert_cmpfloat (pa->x, ==, pb->x);
      g_assert_cmpfloat (pa->y, ==, pb->y);
    }
  g_assert_cmpuint (a->links->len, ==, b->links->len);
  for (guint i = 0; i < a->links->len; i++)
    {
      const JmLinkBox *ka = &g_array_index (a->links, JmLinkBox, i), *kb = &g_array_index (b->links, JmLinkBox, i);

      g_assert_true (ka->link == kb->link);
      g_assert_cmpuint (ka->n_points, ==, kb->n_points);
      g_assert_cmpmem (ka->xs, sizeof ka->xs[0] * ka->n_points, kb->xs, sizeof kb->xs[0] * kb->n_points);
      g_assert_cmpmem (ka->ys, sizeof ka->ys[0] * ka->n_points, kb->ys, sizeof kb->ys[0] * kb->n_points);
    }
}

static void
set_moment (JmDocument   *document,
            JmItem       *item,
            JmMomentKind  kind)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "moment");
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, kind);
  _jm_document_set_property (document, G_OBJECT (item), "moment", &value);
}

/* Adds a link between two neighbours of a random cell with two cards or
 * more, either way, or, when @move_end, sets one end of an existing link
 * to one of them (which may link two neighbours, or unlink two). */
static void
edit_link_between_stacked (JmLayout       *layout,
                           JmCommandStack *stack,
                           JmObjectStore  *links,
                           gboolean        move_end)
{
  g_autoptr(GError) error = NULL;
  guint n_cells = layout->stages->len * layout->lanes->len;
  guint start = g_test_rand_int_range (0, n_cells);
  GArray *cell = NULL;
  guint i;
  JmItem *upper, *lower;

  for (guint c = 0; c < n_cells && cell == NULL; c++)
    if (layout->cells[(start + c) % n_cells]->len >= 2)
      cell = layout->cells[(start + c) % n_cells];
  g_assert_nonnull (cell);

  i = g_test_rand_int_range (0, cell->len - 1);
  upper = g_array_index (layout->items, JmItemBox, g_array_index (cell, guint, i)).item;
  lower = g_array_index (layout->items, JmItemBox, g_array_index (cell, guint, i + 1)).item;
  if (g_test_rand_bit ())
    {
      JmItem *swap = upper;

      upper = lower;
      lower = swap;
    }

  if (move_end && jm_object_store_get_n_objects (links) > 0)
    {
      JmLink *link = jm_object_store_get_object (links, g_test_rand_int_range (0, jm_object_store_get_n_objects (links)));
      const char *id = jm_object_get_id (JM_OBJECT (lower));
      gboolean to = g_test_rand_bit ();

      /* a link to itself is refused, and changes nothing */
      if (g_strcmp0 (to ? jm_link_get_from_id (link) : jm_link_get_to_id (link), id) != 0)
        {
          jm_edit_set_string (stack, link, to ? "to-id" : "from-id", id, 0, &error);
          g_assert_no_error (error);
        }
      return;
    }

  jm_edit_add_link (stack, JM_LAYER_STATE_CURRENT, jm_object_get_id (JM_OBJECT (upper)),
                    jm_object_get_id (JM_OBJECT (lower)), NULL, &error);
  g_assert_no_error (error);
}

/* An edit of cards that stay in their cells places again only the cells
 * it touched, and so does an edit of links, which opens or closes the gap
 * between two stacked cards: after each round of random edits of titles,
 * bodies, Moments of Truth and links between stacked cards, the layout
 * placed so is the one a full placement of the map makes. */
static void
test_incremental_placement_random_edits (gconstpointer data)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmLayout) layout = NULL;
  static const char *words[] = { "Pay", "the", "delivery", "fee", "before", "seeing", "slots", "again",
                                 "a much longer sentence that wraps over several lines of the card" };
  g_autoptr(JmCommandStack) stack = NULL;
  JmObjectStore *items;
  JmObjectStore *links;
  guint n_items;

  if (data != NULL)
    document = jm_test_load_example (data);
  else
    document = load_layout_map ();
  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  stack = jm_command_stack_new (document);
  items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  links = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  n_items = jm_object_store_get_n_objects (items);
  g_assert_cmpuint (n_items, >, 0);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(JmLayout) full = NULL;
      guint n_edits = g_test_rand_int_range (1, 4);

      for (guint e = 0; e < n_edits; e++)
        {
          JmItem *it = jm_object_store_get_object (items, g_test_rand_int_range (0, n_items));
          g_autoptr(GString) text = g_string_new (NULL);
          guint n_words = g_test_rand_int_range (0, 30);

          for (guint w = 0; w < n_words; w++)
            g_string_append_printf (text, "%s%s", w > 0 ? " " : "",
                                    words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          switch (g_test_rand_int_range (0, 6))
            {
            case 3:
            case 4:
              /* link two cards that stand one above the other, or move
               * one end of a link onto one of them */
              edit_link_between_stacked (layout, stack, links, g_test_rand_bit ());
              break;
            case 5:
              if (jm_object_store_get_n_objects (links) > 0)
                {
                  g_autoptr(GError) error = NULL;
                  JmObject *link = jm_object_store_get_object (links, g_test_rand_int_range (0, jm_object_store_get_n_objects (links)));

                  jm_edit_delete_object (stack, links, link, &error);
                  g_assert_no_error (error);
                }
              break;
            case 0:
              set_string (document, it, "title", text->str);
              break;
            case 1:
              set_string (document, it, "body", text->str);
              break;
            default:
              set_moment (document, it, g_test_rand_bit () ? JM_MOMENT_KIND_NONE : JM_MOMENT_KIND_FIRST);
              break;
            }
        }
      /* only cards and links changed: nothing built again */
      g_assert_false (layout->needs_rebuild);
      jm_layout_update (layout);
      full = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
      assert_same_placement (layout, full);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/layout/grid/columns-follow-stages", test_columns_follow_stages);
  ADD ("/layout/cells/items-stack-inside", test_items_stack_inside_cells);
  ADD ("/layout/cells/long-text-grows-row", test_long_text_grows_row);
  ADD ("/layout/update/incremental-equals-fresh", test_incremental_equals_fresh);
  ADD ("/layout/update/structural-change", test_structural_change_relayouts);
  ADD ("/layout/hit-test/kinds", test_hit_test);
  ADD ("/layout/curve/score-at", test_score_at);
  ADD ("/layout/curve/points-follow-their-position", test_points_follow_their_position);
  ADD ("/layout/hit-test/drop-index-halves", test_drop_index_halves);
  ADD ("/layout/layers/removed-moment-not-counted", test_removed_moment_not_counted);
  ADD ("/layout/query/items-in-region", test_query_items);
  ADD ("/layout/links/avoid-cards", test_links_avoid_cards);
  ADD ("/layout/links/unlinked-stacked-gap", test_unlinked_stacked_gap);
  ADD ("/layout/layers/compare-marks-differences", test_compare_marks_differences);
#undef ADD
  g_test_add_func ("/layout/cells/items-follow-layer", test_cell_items_follow_layer);
  g_test_add_func ("/layout/measure/parallel-matches", test_parallel_measures_match);
  g_test_add_func ("/layout/measure/texts-match-pango", test_text_measures_match_pango);
  g_test_add_func ("/layout/measure/texts-follow-edits", test_text_measures_follow_edits);
  g_test_add_func ("/layout/measure/texts-bounded", test_text_measures_bounded);
  g_test_add_func ("/layout/worker/hands-over", test_worker_layout_hands_over);
  g_test_add_func ("/layout/worker/no-shared-font-map", test_worker_layouts_share_no_font_map);
  g_test_add_func ("/layout/text/long-cluster-capped", test_long_cluster_capped);
  g_test_add_data_func ("/layout/update/incremental-random-edits", NULL,
                        test_incremental_placement_random_edits);
  g_test_add_data_func ("/layout/update/incremental-random-edits-grocery", "grocery-first-order.jmap",
                        test_incremental_placement_random_edits);
  g_test_add_func ("/layout/links/routes", test_link_routes);
  g_test_add_func ("/layout/links/stacked-gap", test_link_stacked_gap);
  g_test_add_func ("/layout/links/routes-of-examples", test_link_routes_of_examples);

  return g_test_run ();
}
