/* jm-icon-cache.h: the pictograms of channels, lanes and markers
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "jm-theme.h"

G_BEGIN_DECLS

gboolean jm_icon_draw      (cairo_t       *cr,
                            const char    *name,
                            double         x,
                            double         y,
                            double         size,
                            const JmColor *color);
gboolean jm_icon_exists    (const char    *name);
GBytes  *jm_icon_get_source (const char   *name);

G_END_DECLS
