/* jm-link-route.c: links routed orthogonally around the cards
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "jm-layout-private.h"
#include "jm-theme.h"

/* A route is a few candidate polylines, each scored by how it breaks the
 * rules a reader notices (crossing a card, running on a grid line, a jog
 * too short to see, passing over a header) and then by its length and
 * corners; the cheapest wins. Candidates run in the paddings of the cells
 * (the gutters), offset from the grid lines, so the rules hold wherever
 * such a route exists, and a map whose cards leave no room still gets
 * the least bad one. */

#define PENALTY_CARD   10000.0
#define PENALTY_LINE    2000.0
#define PENALTY_SHORT   1000.0
#define PENALTY_HEADER   300.0
#define PENALTY_SHARED   200.0
#define CORNER_COST       30.0

/* Routes are kept apart from the routes laid before them: from all of
 * them on a map of a few dozen links, from the latest this many on a
 * giant one, where links join nearby cards and the check must stay
 * cheap. */
#define SHARED_WINDOW 64

typedef struct
{
  double xs[JM_LINK_MAX_POINTS];
  double ys[JM_LINK_MAX_POINTS];
  guint  n;
} Route;

typedef struct
{
  JmLayout *layout;
  JmRect    from;
  JmRect    to;
  guint     from_stage;
  guint     to_stage;
  guint     from_lane;
  guint     to_lane;
  double    offset;    /* from the card edge into the gutter */
  double    port;      /* from the middle of a card's side, where routes leave and enter */
  Route     best;
  double    best_cost;
} Router;

static double
grid_right (JmLayout *layout)
{
  const JmStageBox *last;

  if (layout->stages->len == 0)
    return layout->grid_x;

  last = &g_array_index (layout->stages, JmStageBox, layout->stages->len - 1);
  return last->x + last->width;
}

static double
grid_bottom (JmLayout *layout)
{
  const JmLaneBox *last;

  if (layout->lanes->len == 0)
    return layout->rows_y;

  last = &g_array_index (layout->lanes, JmLaneBox, layout->lanes->len - 1);
  return last->y + last->height;
}

/* The first stage whose right edge is past @x. */
static guint
first_stage_after (JmLayout *layout,
                   double    x)
{
  guint low = 0, high = layout->stages->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, mid);

      if (stage->x + stage->width <= x)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* The x of the vertical grid line left of stage @index (or right of the
 * last stage). */
static double
stage_line (JmLayout *layout,
            guint     index)
{
  if (index >= layout->stages->len)
    return grid_right (layout);

  return g_array_index (layout->stages, JmStageBox, index).x;
}

/**
 * _jm_link_route_on_grid_line:
 *
 * Returns: %TRUE when the segment runs along a stage or lane grid line,
 * within 2 units of it (a line is drawn 1 unit wide).
 */
gboolean
_jm_link_route_on_grid_line (JmLayout *layout,
                             double    x1,
                             double    y1,
                             double    x2,
                             double    y2)
{
  const double near = 2.0;

  if (x1 == x2 && y1 != y2)
    {
      guint s = first_stage_after (layout, x1 - near);

      if (fabs (x1 - stage_line (layout, s)) < near ||
          (s + 1 <= layout->stages->len && fabs (x1 - stage_line (layout, s + 1)) < near))
        return TRUE;
      return FALSE;
    }

  if (y1 == y2 && x1 != x2)
    {
      if (fabs (y1 - grid_bottom (layout)) < near)
        return TRUE;
      for (guint i = 0; i < layout->lanes->len; i++)
        if (fabs (y1 - g_array_index (layout->lanes, JmLaneBox, i).y) < near)
          return TRUE;
    }

  return FALSE;
}

static gboolean
crosses_rect (double        x1,
              double        y1,
              double        x2,
              double        y2,
              const JmRect *rect)
{
  /* Segments run along the axes: their box is the segment. Touching an
   * edge (where a route leaves or enters its card) is not crossing. */
  double left = MIN (x1, x2), right = MAX (x1, x2);
  double top = MIN (y1, y2), bottom = MAX (y1, y2);

  return left < rect->x + rect->width - 0.5 && right > rect->x + 0.5 &&
         top < rect->y + rect->height - 0.5 && bottom > rect->y + 0.5;
}

/* The badges that stand out of a card's corners: a Moment of Truth's at
 * the top right, a compared state's mark at the top left (as the
 * renderer draws them, with their rings). */
static gboolean
crosses_badges (const JmItemBox *box,
                const JmRect    *card,
                double           x1,
                double           y1,
                double           x2,
                double           y2)
{
  if (jm_item_get_moment (box->item) != JM_MOMENT_KIND_NONE)
    {
      JmRect badge = { card->x + card->width - 4 - 11, card->y + 4 - 11, 22, 22 };

      if (crosses_rect (x1, y1, x2, y2, &badge))
        return TRUE;
    }

  if (box->diff != JM_DIFF_NONE)
    {
      JmRect badge = { card->x + 4 - 10, card->y + 4 - 10, 20, 20 };

      if (crosses_rect (x1, y1, x2, y2, &badge))
        return TRUE;
    }

  return FALSE;
}

/**
 * _jm_link_route_count_crossed:
 *
 * Returns: how many cards the segment crosses, its ends' cards included
 * (a route touches them only at their edges).
 */
guint
_jm_link_route_count_crossed (JmLayout *layout,
                              double    x1,
                              double    y1,
                              double    x2,
                              double    y2)
{
  double left = MIN (x1, x2), right = MAX (x1, x2);
  double top = MIN (y1, y2), bottom = MAX (y1, y2);
  guint crossed = 0;

  for (guint s = first_stage_after (layout, left); s < layout->stages->len; s++)
    {
      const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, s);

      if (stage->x >= right)
        break;

      for (guint l = 0; l < layout->lanes->len; l++)
        {
          const JmLaneBox *lane = &g_array_index (layout->lanes, JmLaneBox, l);
          GArray *cell = layout->cells[s * layout->lanes->len + l];
          double origin = lane->y + lane->items_top + JM_CELL_PADDING;
          guint low = 0, high = cell->len;

          if (lane->y + lane->height <= top || lane->y >= bottom)
            continue;

          /* Cells are stacked top to bottom: skip those above. */
          while (low < high)
            {
              guint mid = (low + high) / 2;
              const JmItemBox *box = &g_array_index (layout->items, JmItemBox,
                                                     g_array_index (cell, guint, mid));

              if (origin + box->rel_y + box->height <= top)
                low = mid + 1;
              else
                high = mid;
            }

          for (guint i = low; i < cell->len; i++)
            {
              const JmItemBox *box = &g_array_index (layout->items, JmItemBox, g_array_index (cell, guint, i));
              JmRect rect = _jm_layout_item_rect (layout, box);

              if (rect.y >= bottom)
                break;
              if (crosses_rect (x1, y1, x2, y2, &rect))
                crossed++;
              else if (crosses_badges (box, &rect, x1, y1, x2, y2))
                crossed++;
            }
        }
    }

  return crossed;
}

/* How much of the segment runs on a segment of a route laid before,
 * within 3 units beside it: a reader could not tell the two apart. */
static double
shared_length (JmLayout *layout,
               double    x1,
               double    y1,
               double    x2,
               double    y2)
{
  guint first = layout->links->len > SHARED_WINDOW ? layout->links->len - SHARED_WINDOW : 0;
  gboolean vertical = x1 == x2;
  double lo = vertical ? MIN (y1, y2) : MIN (x1, x2), hi = vertical ? MAX (y1, y2) : MAX (x1, x2);
  double shared = 0;

  for (guint l = first; l < layout->links->len; l++)
    {
      const JmLinkBox *other = &g_array_index (layout->links, JmLinkBox, l);

      for (guint i = 0; i + 1 < other->n_points; i++)
        {
          double ox1 = other->xs[i], oy1 = other->ys[i], ox2 = other->xs[i + 1], oy2 = other->ys[i + 1];
          double olo, ohi;

          if (vertical ? (ox1 != ox2 || fabs (ox1 - x1) >= 3) : (oy1 != oy2 || fabs (oy1 - y1) >= 3))
            continue;
          olo = vertical ? MIN (oy1, oy2) : MIN (ox1, ox2);
          ohi = vertical ? MAX (oy1, oy2) : MAX (ox1, ox2);
          if (MIN (hi, ohi) > MAX (lo, olo))
            shared += MIN (hi, ohi) - MAX (lo, olo);
        }
    }

  return shared;
}

static double
route_cost (Router      *router,
            const Route *route)
{
  JmLayout *layout = router->layout;
  double cost = CORNER_COST * (route->n - 2);
  gboolean over_header = FALSE;

  for (guint i = 0; i + 1 < route->n; i++)
    {
      double x1 = route->xs[i], y1 = route->ys[i], x2 = route->xs[i + 1], y2 = route->ys[i + 1];
      double length = fabs (x2 - x1) + fabs (y2 - y1);

      cost += length;
      /* A straight route may be as short as the gap it spans; a jog in
       * a longer one must be long enough to read as a turn. */
      if (route->n > 2 && length < JM_LINK_MIN_SEGMENT)
        cost += PENALTY_SHORT;
      if (_jm_link_route_on_grid_line (layout, x1, y1, x2, y2))
        cost += PENALTY_LINE;
      /* The channels beyond the grid's outer lines reach a padding's
       * width into the headers; deeper, a route would cross their text. */
      if (!over_header && (MIN (x1, x2) < layout->grid_x - JM_CELL_PADDING ||
                           MIN (y1, y2) < layout->rows_y - JM_CELL_PADDING))
        {
          over_header = TRUE;
          cost += PENALTY_HEADER;
        }
      if (cost >= router->best_cost)
        return cost;
      cost += PENALTY_CARD * _jm_link_route_count_crossed (layout, x1, y1, x2, y2);
      if (cost >= router->best_cost)
        return cost;
      {
        double shared = shared_length (layout, x1, y1, x2, y2);

        if (shared > 0)
          cost += PENALTY_SHARED + shared;
      }
      if (cost >= router->best_cost)
        return cost;
    }

  return cost;
}

/* Adds a candidate of @n corners, given as x, y pairs. */
static void
try_route (Router *router,
           guint   n,
           ...)
{
  Route route = { { 0 }, { 0 }, 0 };
  va_list args;
  double cost;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      double x = va_arg (args, double);
      double y = va_arg (args, double);

      /* A corner that turns nowhere is no corner. */
      if (route.n > 0 && x == route.xs[route.n - 1] && y == route.ys[route.n - 1])
        continue;
      if (route.n > 1 &&
          ((x == route.xs[route.n - 1] && x == route.xs[route.n - 2]) ||
           (y == route.ys[route.n - 1] && y == route.ys[route.n - 2])))
        route.n--;
      route.xs[route.n] = x;
      route.ys[route.n] = y;
      route.n++;
    }
  va_end (args);

  if (route.n < 2)
    return;

  cost = route_cost (router, &route);
  if (cost < router->best_cost)
    {
      router->best = route;
      router->best_cost = cost;
    }
}

/* Straight down (or up) between cards of one stage, straight across
 * between cards side by side. */
static void
try_straight (Router *r)
{
  const JmRect *a = &r->from, *b = &r->to;
  double acx = a->x + a->width / 2;
  double top = MAX (a->y, b->y) + JM_ITEM_RADIUS + 2;
  double bottom = MIN (a->y + a->height, b->y + b->height) - JM_ITEM_RADIUS - 2;
  double ya = a->y + a->height / 2, yb = b->y + b->height / 2;
  double y;

  if (r->from_stage == r->to_stage)
    {
      if (b->y >= a->y + a->height)
        try_route (r, 2, acx, a->y + a->height, acx, b->y);
      else if (b->y + b->height <= a->y)
        try_route (r, 2, acx, a->y, acx, b->y + b->height);
      return;
    }

  if (top > bottom)
    return;
  y = ya >= top && ya <= bottom ? ya : yb >= top && yb <= bottom ? yb : round ((top + bottom) / 2);
  if (r->to_stage > r->from_stage)
    try_route (r, 2, a->x + a->width, y, b->x, y);
  else
    try_route (r, 2, a->x, y, b->x + b->width, y);
}

/* One corner: out of a side and into the top or bottom, or out of the
 * top or bottom and into a side. */
static void
try_elbows (Router *r)
{
  const JmRect *a = &r->from, *b = &r->to;
  double acx = a->x + a->width / 2, bcx = b->x + b->width / 2;
  double ya = a->y + a->height / 2 + r->port, yb = b->y + b->height / 2 + r->port;
  gboolean right = r->to_stage > r->from_stage;
  double a_side = right ? a->x + a->width : a->x;
  double b_side = right ? b->x : b->x + b->width;

  if (r->from_stage == r->to_stage)
    return;

  try_route (r, 3, a_side, ya, bcx, ya, bcx, yb < ya ? b->y + b->height : b->y);
  try_route (r, 3, acx, yb < ya ? a->y : a->y + a->height, acx, yb, b_side, yb);
}

/* Two corners, through the gutter beside a grid line between the cards
 * (or beside the stage, for cards of one stage a card apart). */
static void
try_vertical_gutters (Router *r)
{
  const JmRect *a = &r->from, *b = &r->to;
  double ya = a->y + a->height / 2 + r->port, yb = b->y + b->height / 2 + r->port;
  guint lo = MIN (r->from_stage, r->to_stage), hi = MAX (r->from_stage, r->to_stage);
  gboolean right = r->to_stage >= r->from_stage;

  if (lo == hi)
    {
      double x_right = stage_line (r->layout, lo + 1) + r->offset;
      double x_left = stage_line (r->layout, lo) - r->offset;

      try_route (r, 4, a->x + a->width, ya, x_right, ya, x_right, yb, b->x + b->width, yb);
      try_route (r, 4, a->x, ya, x_left, ya, x_left, yb, b->x, yb);
      return;
    }

  /* The lines next to either card are enough: further ones only make the
   * route longer. */
  for (guint k = lo + 1; k <= hi; k++)
    {
      double line = stage_line (r->layout, k);

      if (k > lo + 2 && k + 2 < hi + 1)
        continue;
      for (int side = -1; side <= 1; side += 2)
        {
          double x = line + side * r->offset;

          if (right)
            try_route (r, 4, a->x + a->width, ya, x, ya, x, yb, b->x, yb);
          else
            try_route (r, 4, a->x, ya, x, ya, x, yb, b->x + b->width, yb);
        }
    }
}

/* The horizontal channels of a lane: its top padding, over its cards,
 * and its bottom padding. */
static void
lane_channels (Router *r,
               guint   lane,
               double *top,
               double *bottom)
{
  const JmLaneBox *row = &g_array_index (r->layout->lanes, JmLaneBox, lane);

  *top = row->y + row->items_top + JM_CELL_PADDING - r->offset;
  *bottom = row->y + row->height - r->offset;
}

/* Four corners: out into the gutter beside the card, along a lane's
 * channel, down the gutter beside the target. Loops back to an earlier
 * stage and any map the simpler routes cannot cross take these. */
static void
try_channels (Router *r)
{
  const JmRect *a = &r->from, *b = &r->to;
  double ya = a->y + a->height / 2 + r->port, yb = b->y + b->height / 2 + r->port;
  guint lo = MIN (r->from_lane, r->to_lane), hi = MAX (r->from_lane, r->to_lane);
  double gap = JM_CELL_PADDING + r->offset;

  for (guint lane = lo > 0 ? lo - 1 : 0; lane <= hi + 1 && lane < r->layout->lanes->len; lane++)
    {
      double channels[2];

      lane_channels (r, lane, &channels[0], &channels[1]);
      for (guint c = 0; c < G_N_ELEMENTS (channels); c++)
        {
          double y = channels[c];

          /* Out of the right side into the left one, the way a map reads;
           * then the shorter ways of a link that goes back. */
          try_route (r, 6, a->x + a->width, ya, a->x + a->width + gap, ya,
                     a->x + a->width + gap, y, b->x - gap, y, b->x - gap, yb, b->x, yb);
          if (r->to_stage <= r->from_stage)
            {
              try_route (r, 6, a->x, ya, a->x - gap, ya, a->x - gap, y,
                         b->x + b->width + gap, y, b->x + b->width + gap, yb, b->x + b->width, yb);
              try_route (r, 6, a->x + a->width, ya, a->x + a->width + gap, ya, a->x + a->width + gap, y,
                         b->x + b->width + gap, y, b->x + b->width + gap, yb, b->x + b->width, yb);
              try_route (r, 6, a->x, ya, a->x - gap, ya, a->x - gap, y, b->x - gap, y, b->x - gap, yb, b->x, yb);
            }
        }
    }
}

/* The channels just beyond a lane's top and bottom grid lines, outside
 * the lane: a route that turns there into the top or bottom centre of a
 * card first or last in its cell has room for a turn of full length,
 * which the paddings inside the lane have not. */
static void
outer_channels (Router *r,
                guint   lane,
                double *above,
                double *below)
{
  const JmLaneBox *row = &g_array_index (r->layout->lanes, JmLaneBox, lane);

  *above = row->y - r->offset;
  *below = row->y + row->height + r->offset;
}

/* Into the target's top or bottom centre, or out of the source's, from
 * the channel beyond the lane's line: how neighbours that do not stand
 * side by side meet with turns long enough to see. */
static void
try_ends_through_lane_lines (Router *r)
{
  const JmRect *a = &r->from, *b = &r->to;
  double acx = a->x + a->width / 2, bcx = b->x + b->width / 2;
  double ya = a->y + a->height / 2 + r->port, yb = b->y + b->height / 2 + r->port;
  double gap = JM_CELL_PADDING + r->offset;
  double a_above, a_below, b_above, b_below;
  double a_exits[2] = { a->x + a->width + gap, a->x - gap };
  double b_entries[2] = { b->x - gap, b->x + b->width + gap };

  outer_channels (r, r->from_lane, &a_above, &a_below);
  outer_channels (r, r->to_lane, &b_above, &b_below);

  for (guint side = 0; side < 2; side++)
    {
      double xa = a_exits[side], xb = b_entries[side];
      double a_side = side == 0 ? a->x + a->width : a->x;
      double b_side = side == 0 ? b->x : b->x + b->width;

      try_route (r, 5, a_side, ya, xa, ya, xa, b_above, bcx, b_above, bcx, b->y);
      try_route (r, 5, a_side, ya, xa, ya, xa, b_below, bcx, b_below, bcx, b->y + b->height);
      try_route (r, 5, acx, a->y, acx, a_above, xb, a_above, xb, yb, b_side, yb);
      try_route (r, 5, acx, a->y + a->height, acx, a_below, xb, a_below, xb, yb, b_side, yb);
    }

  /* Out of one's top or bottom into the other's, through a channel
   * beyond the lines between them. */
  try_route (r, 4, acx, a->y + a->height, acx, a_below, bcx, a_below, bcx, b->y);
  try_route (r, 4, acx, a->y + a->height, acx, b_above, bcx, b_above, bcx, b->y);
  try_route (r, 4, acx, a->y, acx, a_above, bcx, a_above, bcx, b->y + b->height);
  try_route (r, 4, acx, a->y, acx, b_below, bcx, b_below, bcx, b->y + b->height);
}

/**
 * _jm_link_route:
 * @layout: the layout, its cards placed
 * @box: the link's box, whose points are set
 * @from: the source card's box
 * @to: the target card's box
 * @index: the link's place among the links, to keep parallel ones apart
 *
 * Routes a link orthogonally from its source card to its target: straight
 * down between stacked cards, straight across between cards side by side
 * and otherwise through the gutters beside the grid lines, never on one,
 * around the other cards, each turn at least %JM_LINK_MIN_SEGMENT long.
 */
void
_jm_link_route (JmLayout        *layout,
                JmLinkBox       *box,
                const JmItemBox *from,
                const JmItemBox *to,
                guint            index)
{
  Router router = { 0 };

  router.layout = layout;
  router.from = _jm_layout_item_rect (layout, from);
  router.to = _jm_layout_item_rect (layout, to);
  router.from_stage = from->stage_index;
  router.to_stage = to->stage_index;
  router.from_lane = from->lane_index;
  router.to_lane = to->lane_index;
  router.offset = 4.0 + (index % 3) * 2.0;
  /* Links leaving or entering one side of a card leave and enter it at
   * three heights, so that they part at once. */
  router.port = ((int) (index % 3) - 1) * 6.0;
  router.best_cost = G_MAXDOUBLE;

  try_straight (&router);
  try_elbows (&router);
  try_vertical_gutters (&router);
  try_ends_through_lane_lines (&router);
  try_channels (&router);

  box->n_points = router.best.n;
  memcpy (box->xs, router.best.xs, sizeof box->xs);
  memcpy (box->ys, router.best.ys, sizeof box->ys);
}
