/* jm-test-maps.h: maps for the tests, read (or the test fails) and drawn
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "model/jm-document.h"
#include "render/jm-layout.h"
#include "render/jm-renderer.h"

G_BEGIN_DECLS

JmDocument *jm_test_load_map     (const char *path);
JmDocument *jm_test_load_example (const char *name);

gboolean         jm_test_rects_overlap (const JmRect *a,
                                        const JmRect *b);
cairo_surface_t *jm_test_render (JmLayout    *layout,
                                 double       scale,
                                 JmThemeKind  theme,
                                 gboolean     transparent);

G_END_DECLS
