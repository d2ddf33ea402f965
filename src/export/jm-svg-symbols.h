/* jm-svg-symbols.h: the pictograms of SVG exports, as <symbol> and <use>
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "render/jm-theme.h"

G_BEGIN_DECLS

typedef struct _JmSvgSymbols JmSvgSymbols;

JmSvgSymbols *jm_svg_symbols_new       (void);
void          jm_svg_symbols_free      (JmSvgSymbols  *self);
void          jm_svg_symbols_add_icon  (cairo_t       *cr,
                                        const char    *name,
                                        double         x,
                                        double         y,
                                        double         size,
                                        const JmColor *color,
                                        gpointer       self);
guint         jm_svg_symbols_get_n_uses (JmSvgSymbols *self);
GBytes       *jm_svg_symbols_insert    (JmSvgSymbols  *self,
                                        GBytes        *svg);
char         *jm_svg_symbols_sanitize  (const char    *name,
                                        GBytes        *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmSvgSymbols, jm_svg_symbols_free)

G_END_DECLS
