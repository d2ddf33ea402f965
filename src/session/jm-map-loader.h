/* jm-map-loader.h: reading a map and laying it out, off the main thread
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "render/jm-layout.h"

G_BEGIN_DECLS

void      jm_map_loader_load_async   (GFile                *file,
                                      JmLayerMode           mode,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
JmLayout *jm_map_loader_load_finish  (GAsyncResult         *result,
                                      char                **etag,
                                      GError              **error);
GFile    *jm_map_loader_get_file     (GAsyncResult         *result);
gboolean  jm_map_loader_get_imported (GAsyncResult         *result,
                                      GPtrArray           **notes);
void      jm_map_loader_prefetch     (GFile                *file,
                                      JmLayerMode           mode);
void      jm_map_loader_drop_prefetches (void);

void      _jm_map_loader_wait_prefetches (void);

G_END_DECLS
