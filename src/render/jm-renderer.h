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
 * @parts: what to draw
 * @own_images: decode the map's pictures for this drawing alone, rather
 *   than keep them in the cache the canvas draws from: for exports, which
 *   draw a map once, often a copy of it read in a worker thread
 * @review_marks: mark what has open review comments (a badge with their
 *   count) and merge conflicts (an outline and a warning badge) on items
 *   and stages: for the window, where the team reviews the map; exports
 *   and printing leave it %FALSE, so they show the map alone
 *
 * The caller sets up @cr to map layout units to the target (zoom, scroll,
 * device scale); the renderer draws in layout units.
 */
/**
 * JmRenderParts:
 * @JM_RENDER_ALL: everything (0, the default)
 * @JM_RENDER_BASE: background, header, stage and lane headers, grid
 * @JM_RENDER_ITEMS: the items
 * @JM_RENDER_OVERLAY: the emotional curve and the links, over the items
 *
 * Views that keep a rendering per item draw the parts apart.
 */
typedef enum
{
  JM_RENDER_ALL = 0,
  JM_RENDER_BASE = 1 << 0,
  JM_RENDER_ITEMS = 1 << 1,
  JM_RENDER_OVERLAY = 1 << 2,
} JmRenderParts;

typedef struct
{
  JmThemeKind    theme;
  gboolean       transparent;
  const JmRect  *clip;
  JmRenderParts  parts;
  gboolean       own_images;
  gboolean       review_marks;
} JmRenderOptions;

/* How far the drawing of an item reaches beyond its box (shadow, badges). */
#define JM_RENDER_ITEM_REACH 12.0

void jm_renderer_draw      (cairo_t               *cr,
                            JmLayout              *layout,
                            const JmRenderOptions *options);
void jm_renderer_draw_item (cairo_t               *cr,
                            JmLayout              *layout,
                            JmItem                *item,
                            const JmRenderOptions *options);

G_END_DECLS
