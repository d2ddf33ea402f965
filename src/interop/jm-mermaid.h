/* jm-mermaid.h: Mermaid `journey` diagrams in and out
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "commands/jm-command-stack.h"
#include "model/jm-document.h"

G_BEGIN_DECLS

gboolean    jm_mermaid_is_markdown  (const char      *filename);
gboolean    jm_mermaid_import_into  (JmCommandStack  *stack,
                                     GBytes          *bytes,
                                     const char      *filename,
                                     GPtrArray      **notes,
                                     GError         **error);
JmDocument *jm_mermaid_read         (GBytes          *bytes,
                                     const char      *filename,
                                     GPtrArray      **notes,
                                     GError         **error);
GBytes     *jm_mermaid_write        (JmDocument      *document,
                                     JmLayerState     state);

G_END_DECLS
