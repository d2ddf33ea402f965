/* jm-priority-matrix.h: opportunities by value and effort, in quadrants
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "model/jm-document.h"
#include "render/jm-theme.h"

G_BEGIN_DECLS

/* The matrix's size in layout units, whatever the map. */
#define JM_MATRIX_WIDTH  800.0
#define JM_MATRIX_HEIGHT 600.0

typedef enum
{
  JM_QUADRANT_QUICK_WINS,  /* value at least 50, effort at most 3 */
  JM_QUADRANT_BIG_BETS,    /* value at least 50, effort above 3 */
  JM_QUADRANT_MAYBES,      /* value below 50, effort at most 3 */
  JM_QUADRANT_TIME_SINKS,  /* value below 50, effort above 3 */
} JmQuadrant;

gboolean    jm_priority_matrix_place         (JmItem        *item,
                                              double        *x,
                                              double        *y);
JmQuadrant  jm_priority_matrix_quadrant      (JmItem        *item);
const char *jm_priority_matrix_quadrant_name (JmQuadrant     quadrant);
JmItem     *jm_priority_matrix_hit           (JmDocument    *document,
                                              JmLayerState   state,
                                              double         x,
                                              double         y);
void        jm_priority_matrix_draw          (cairo_t       *cr,
                                              JmDocument    *document,
                                              JmLayerState   state,
                                              JmThemeKind    theme);

G_END_DECLS
