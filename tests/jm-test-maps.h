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
char       *jm_test_generate_map (const char *dir,
                                  guint       n_items,
                                  guint       seed);
JmDocument *jm_test_load_generated_map (guint n_items,
                                        guint seed);

/* The most a picture may hold (the reader refuses more). */
#define JM_TEST_PICTURE_SIZE (7 * 1024 * 1024)

void        jm_test_add_pictures (JmDocument *document,
                                  const char *stage_id,
                                  const char *lane_id,
                                  guint       n);

gboolean         jm_test_rects_overlap (const JmRect *a,
                                        const JmRect *b);
cairo_surface_t *jm_test_render (JmLayout    *layout,
                                 double       scale,
                                 JmThemeKind  theme,
                                 gboolean     transparent);

G_END_DECLS
