/* jm-renderer.h: one cairo renderer for the canvas, exports and printing
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

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
 * @text_func: (nullable): told of each text drawn (see #JmRenderTextFunc)
 * @text_data: for @text_func
 * @review_marks: mark what has open review comments (a badge with their
 *   count) and merge conflicts (an outline and a warning badge) on items
 *   and stages: for the window, where the team reviews the map; exports
 *   and printing leave it %FALSE, so they show the map alone
 * @text_drawn_by_callback: with @text_func, Pango draws no text: each
 *   text is handed to @text_func alone, which draws it in a way of its own
 *   (an SVG export writes it as <text>, where cairo would write glyph
 *   outlines)
 * @icon_func: (nullable): with @icons_drawn_by_callback, told of each
 *   pictogram instead of drawing it (see #JmRenderIconFunc)
 * @icon_data: for @icon_func
 * @icons_drawn_by_callback: with @icon_func, no pictogram is drawn: each is
 *   handed to @icon_func alone (an SVG export writes it as a <use> of one
 *   <symbol> per pictogram, where cairo would write its paths each time)
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

/**
 * JmRenderTextFunc:
 * @cr: the cairo context the text was just drawn on, its transformation
 *   still the text's
 * @layout: the text, laid out as drawn (font, lines, ellipsis)
 * @x: @y: where its top left corner was drawn, in @cr's user space
 *
 * Told of every text the renderer draws, after drawing it, or instead of
 * drawing it (JmRenderOptions.text_drawn_by_callback). @cr's source is
 * then the text's colour, its alpha that of a ghosted item included.
 */
typedef void (*JmRenderTextFunc) (cairo_t     *cr,
                                  PangoLayout *layout,
                                  double       x,
                                  double       y,
                                  gpointer     user_data);

/**
 * JmRenderIconFunc:
 * @cr: the cairo context the pictogram would be drawn on, its
 *   transformation the pictogram's
 * @name: the pictogram's name, such as "channel-email" (one that exists)
 * @x: @y: its top left corner, in @cr's user space
 * @size: the side of its square, in @cr's user units
 * @color: its colour, the alpha of a ghosted item included
 *
 * Told of each pictogram instead of drawing it
 * (JmRenderOptions.icons_drawn_by_callback).
 */
typedef void (*JmRenderIconFunc) (cairo_t       *cr,
                                  const char    *name,
                                  double         x,
                                  double         y,
                                  double         size,
                                  const JmColor *color,
                                  gpointer       user_data);

typedef struct
{
  JmThemeKind       theme;
  gboolean          transparent;
  const JmRect     *clip;
  JmRenderParts     parts;
  gboolean          own_images;
  JmRenderTextFunc  text_func;
  gpointer          text_data;
  gboolean          review_marks;
  gboolean          text_drawn_by_callback;
  JmRenderIconFunc  icon_func;
  gpointer          icon_data;
  gboolean          icons_drawn_by_callback;
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
