/* jm-document-io.h: loading and saving .jmap files
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

GBytes     *jm_document_io_read         (GFile                *file,
                                         const char           *name,
                                         char                **etag,
                                         GCancellable         *cancellable,
                                         GError              **error);
JmDocument *jm_document_io_load         (GFile                *file,
                                         char                **etag,
                                         GCancellable         *cancellable,
                                         GError              **error);
gboolean    jm_document_io_save_bytes   (GBytes               *bytes,
                                         GFile                *file,
                                         const char           *expected_etag,
                                         char                **new_etag,
                                         GCancellable         *cancellable,
                                         GError              **error);
gboolean    jm_document_io_check_size   (gsize                 size,
                                         GError              **error);
gboolean    jm_document_io_check_room   (JmDocument           *document,
                                         gsize                 adding,
                                         gsize                 removing,
                                         GError              **error);
gboolean    jm_document_io_save         (JmDocument           *document,
                                         GFile                *file,
                                         const char           *expected_etag,
                                         char                **new_etag,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        jm_document_io_save_async   (JmDocument           *document,
                                         GFile                *file,
                                         const char           *expected_etag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    jm_document_io_save_finish  (GAsyncResult         *result,
                                         char                **new_etag,
                                         GError              **error);

G_END_DECLS
