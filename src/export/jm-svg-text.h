/* jm-svg-text.h: a text layer for SVG exports, as OCR adds one to a PDF
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _JmSvgText JmSvgText;

JmSvgText *jm_svg_text_new        (void);
void       jm_svg_text_free       (JmSvgText    *self);
void       jm_svg_text_add_layout (cairo_t      *cr,
                                   PangoLayout  *layout,
                                   double        x,
                                   double        y,
                                   gpointer      self);
guint      jm_svg_text_get_n_lines (JmSvgText   *self);
GBytes    *jm_svg_text_insert     (JmSvgText    *self,
                                   GBytes       *svg);
void       jm_svg_text_append_escaped (GString    *out,
                                       const char *text,
                                       gssize      length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmSvgText, jm_svg_text_free)

G_END_DECLS
