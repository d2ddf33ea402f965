/* jm-print-layout.h: a map on paper, on one page or as a poster
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "render/jm-layout.h"

G_BEGIN_DECLS

/**
 * JmPrintMode:
 * @JM_PRINT_MODE_FIT_PAGE: the whole map on one page, as large as it fits
 * @JM_PRINT_MODE_POSTER: the map across several pages side by side, to be
 *   trimmed and glued along the overlap marks
 */
typedef enum
{
  JM_PRINT_MODE_FIT_PAGE,
  JM_PRINT_MODE_POSTER,
} JmPrintMode;

/* The strip two neighbouring poster pages share, in points (10 mm). */
#define JM_PRINT_OVERLAP 28.35

#define JM_PRINT_MAX_PAGES_ACROSS 20

/**
 * JmPrintTile:
 * @source: the part of the map on this page, in layout units
 * @row: the page's row in the poster, from 0
 * @column: the page's column, from 0
 */
typedef struct
{
  JmRect source;
  guint  row;
  guint  column;
} JmPrintTile;

/**
 * JmPrintPlan:
 * @scale: points per layout unit
 * @map_width: the map's size the plan was made for, in layout units
 * @rows: pages down
 * @columns: pages across
 * @overlap: the strip neighbouring pages share, in points (0 on one page)
 * @tiles: (element-type JmPrintTile): the pages, row by row
 */
typedef struct
{
  double  scale;
  double  map_width;
  double  map_height;
  guint   rows;
  guint   columns;
  double  overlap;
  double  page_width;
  double  page_height;
  GArray *tiles;
} JmPrintPlan;

JmPrintPlan *jm_print_plan_new        (double       map_width,
                                       double       map_height,
                                       double       page_width,
                                       double       page_height,
                                       JmPrintMode  mode,
                                       guint        pages_across);
void         jm_print_plan_free       (JmPrintPlan *plan);
gboolean     jm_print_map_is_landscape (double      map_width,
                                        double      map_height);
guint        jm_print_plan_get_n_pages (const JmPrintPlan *plan);
void         jm_print_plan_get_map_area (const JmPrintPlan *plan,
                                         guint              page,
                                         JmRect            *area);
gboolean     jm_print_plan_get_label_area (const JmPrintPlan *plan,
                                           guint              page,
                                           JmRect            *area);
void         jm_print_plan_draw_page  (const JmPrintPlan *plan,
                                       guint              page,
                                       cairo_t           *cr,
                                       JmLayout          *layout);

void         jm_print_snapshot_layout_async  (JmDocument          *document,
                                              JmLayerMode          layer,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
JmLayout    *jm_print_snapshot_layout_finish (GAsyncResult        *result,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmPrintPlan, jm_print_plan_free)

G_END_DECLS
