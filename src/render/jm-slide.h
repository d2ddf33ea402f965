/* jm-slide.h: one stage of a map as a slide, for presenting and handouts
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "jm-layout.h"
#include "jm-theme.h"

G_BEGIN_DECLS

/* The most Moments of Truth a slide calls out; the others are ringed in
 * the column but not written out. */
#define JM_SLIDE_MAX_CALLOUTS 4

/**
 * JmSlideGeometry:
 * @scale: layout units to slide units in the column
 * @heading: the line that names the stage
 * @strip: the emotional curve of the whole journey (or the stage headers
 *   of a map without a curve)
 * @marker: the current stage's span on @strip
 * @marker_tip: the tip of the mark under @strip, over the stage's middle
 * @column: the current stage's column, drawn large
 * @column_area: where the column and its dimmed neighbours are drawn
 * @panel: beside them, what the stage is and its Moments of Truth
 * @callouts: the Moments of Truth called out, in @panel; empty without any
 * @n_callouts: how many are written out in @callouts
 * @note: the presenter's note, in @panel under @callouts; empty without one
 *
 * Where the parts of a slide go, in the slide's units (0, 0 at its top
 * left corner).
 */
typedef struct
{
  double scale;
  JmRect heading;
  JmRect strip;
  JmRect marker;
  double marker_tip_x;
  double marker_tip_y;
  JmRect column;
  JmRect column_area;
  JmRect panel;
  JmRect callouts;
  guint  n_callouts;
  JmRect note;
} JmSlideGeometry;

guint     jm_slide_count             (JmLayout        *layout);
gboolean  jm_slide_get_geometry      (JmLayout        *layout,
                                      guint            stage_index,
                                      double           width,
                                      double           height,
                                      JmSlideGeometry *geometry);
void      jm_slide_draw              (cairo_t         *cr,
                                      JmLayout        *layout,
                                      guint            stage_index,
                                      double           width,
                                      double           height,
                                      JmThemeKind      theme);
void      jm_slide_draw_for_export   (cairo_t         *cr,
                                      JmLayout        *layout,
                                      guint            stage_index,
                                      double           width,
                                      double           height,
                                      JmThemeKind      theme);
GPtrArray *jm_slide_dup_moments      (JmLayout        *layout,
                                      guint            stage_index);
char      *jm_slide_dup_stage_note   (JmDocument      *document,
                                      JmStage         *stage);
char      *jm_slide_dup_moment_kind_label (JmItem     *item);

G_END_DECLS
