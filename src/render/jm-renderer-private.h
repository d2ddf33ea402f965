/* jm-renderer-private.h: what the tests may look into
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint jm_renderer_count_cached_images      (void);
gsize jm_renderer_count_cached_image_bytes (void);

G_END_DECLS
