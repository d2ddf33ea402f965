/* jm-clipboard.h: items of a map on the clipboard, between windows and apps
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_CLIPBOARD_MIME "application/x-journeymap+xml"

void       jm_clipboard_copy_items         (GdkClipboard         *clipboard,
                                            JmDocument           *document,
                                            GPtrArray            *items);
void       jm_clipboard_read_items_async   (GdkClipboard         *clipboard,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JmDocument *jm_clipboard_read_items_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
