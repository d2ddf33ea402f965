/* jm-layout-private.h: the computed geometry, for the renderer
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "jm-layout.h"
#include "jm-text-measures.h"

G_BEGIN_DECLS

/* The distinct texts a layout keeps measures of: a few MB at most. */
#define JM_LAYOUT_TEXT_MEASURES 32768

typedef struct
{
  JmStage *stage;
  double   x;
  double   width;
  guint    n_moments;
  JmItem  *first_moment;
} JmStageBox;

typedef struct
{
  JmLane *lane;
  double  y;
  double  height;
  double  items_top;   /* where the items of the row start, below a curve band */
} JmLaneBox;

typedef struct
{
  JmItem *item;
  guint   stage_index;
  guint   lane_index;
  double  rel_y;       /* from the top of the items of the cell */
  double  height;
  double  title_height;
  double  body_height;
  JmDiff  diff;
  guint   measure_key;
} JmItemBox;

/* Two cards of one cell, whichever comes first: a link between them in
 * either direction makes their gap JM_LINKED_ITEM_GAP. */
typedef struct
{
  JmItem *first;
  JmItem *second;
} JmItemPair;

typedef struct
{
  JmEmotionPoint *point;
  double          x;
  double          y;
  guint           persona_index;
  gboolean        ghost;
} JmPointBox;

#define JM_LINK_MAX_POINTS 6

typedef struct
{
  JmLink  *link;
  double   xs[JM_LINK_MAX_POINTS];
  double   ys[JM_LINK_MAX_POINTS];
  guint    n_points;
  gboolean ghost;
} JmLinkBox;

typedef struct
{
  JmPersona *persona;
  JmRect     rect;
} JmPersonaBox;

struct _JmLayout
{
  GObject       parent_instance;

  JmDocument   *document;
  JmLayerMode   mode;
  PangoContext *pango;

  double        width;
  double        height;

  /* The header: title, description and personas. */
  JmRect        title_rect;
  double        title_height;
  double        description_height;
  double        meta_height;
  GArray       *personas;        /* JmPersonaBox */

  double        grid_x;          /* left of the first stage */
  double        grid_y;          /* top of the stage headers */
  double        stage_header_height;
  double        rows_y;          /* top of the first lane */

  GArray       *stages;          /* JmStageBox */
  GArray       *lanes;           /* JmLaneBox */
  GArray       *items;           /* JmItemBox */
  GArray      **cells;           /* per stage × lane: guint indexes into items, top to bottom */
  GHashTable   *item_boxes;      /* JmItem → index + 1 */
  GArray       *points;          /* JmPointBox, sorted by persona then x */
  GArray       *links;           /* JmLinkBox */
  int           curve_lane;      /* the emotions lane, or -1 */

  GHashTable   *measures;        /* JmItem → MeasureEntry */
  JmTextMeasures *texts;         /* heights by (font, text, width, lines), for all passes */
  GHashTable   *dirty_items;     /* JmItem set */
  gboolean      needs_rebuild;
  gboolean      needs_geometry;
  guint         parallel_threshold; /* cards to measure before threads help */

  /* Incremental placement: what an edit of items touched. */
  double       *cell_heights;    /* per cell: the height of its stacked items */
  GHashTable   *dirty_cells;     /* cell indexes + 1 whose items were measured again */
  GHashTable   *linked_pairs;    /* JmItemPair set: cards of one cell a shown link joins */
  gboolean      links_dirty;     /* a link was added, removed or changed */
};

JmLayer *_jm_layout_get_primary_layer (JmLayout         *self);
JmRect   _jm_layout_item_rect         (JmLayout         *self,
                                       const JmItemBox  *box);
double   _jm_layout_score_to_y        (JmLayout         *self,
                                       double            score);
void     _jm_layout_curve_band        (JmLayout         *self,
                                       double           *top,
                                       double           *bottom);

void     _jm_layout_set_parallel_threshold (JmLayout *self,
                                            guint     n_items);

/* Links' routes (jm-link-route.c). A turn of a route is at least this
 * long, so that it reads as a turn. */
#define JM_LINK_MIN_SEGMENT 16.0

void     _jm_link_route               (JmLayout         *layout,
                                       JmLinkBox        *box,
                                       const JmItemBox  *from,
                                       const JmItemBox  *to,
                                       guint             index);
gboolean _jm_link_route_on_grid_line  (JmLayout         *layout,
                                       double            x1,
                                       double            y1,
                                       double            x2,
                                       double            y2);
guint    _jm_link_route_count_crossed (JmLayout         *layout,
                                       double            x1,
                                       double            y1,
                                       double            x2,
                                       double            y2);

G_END_DECLS
