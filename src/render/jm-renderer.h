/* jm-renderer.h: one cairo renderer for the canvas, exports and printing
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "jm-layout.h"
#include "jm-theme.h"

G_BEGIN_DECLS

/**
 * JmRenderOptions:
 * @theme: the light or the dark palette
 * @transparent: leave the background transparent
 * @clip: (nullable): the region to draw, in layout units; %NULL draws all
 *
 * The caller sets up @cr to map layout units to the target (zoom, scroll,
 * device scale); the renderer draws in layout units.
 */
typedef struct
{
  JmThemeKind   theme;
  gboolean      transparent;
  const JmRect *clip;
} JmRenderOptions;

void jm_renderer_draw      (cairo_t               *cr,
                            JmLayout              *layout,
                            const JmRenderOptions *options);
void jm_renderer_draw_item (cairo_t               *cr,
                            JmLayout              *layout,
                            JmItem                *item,
                            const JmRenderOptions *options);

G_END_DECLS
