/* jm-csv.h: maps as spreadsheets (CSV, RFC 4180) and back
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "commands/jm-command-stack.h"
#include "model/jm-document.h"

G_BEGIN_DECLS

gboolean    jm_csv_import_into (JmCommandStack  *stack,
                                GBytes          *bytes,
                                const char      *filename,
                                GPtrArray      **notes,
                                GError         **error);
JmDocument *jm_csv_read        (GBytes          *bytes,
                                const char      *filename,
                                GPtrArray      **notes,
                                GError         **error);
GBytes     *jm_csv_write       (JmDocument      *document,
                                gboolean         bom);

G_END_DECLS
