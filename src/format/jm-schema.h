/* jm-schema.h: validation against the RELAX NG schema of the format
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *jm_schema_validate_bytes (GBytes      *bytes,
                                     const char  *display_name,
                                     GError     **error);

GBytes    *jm_template_lookup       (const char  *name,
                                     GError     **error);

G_END_DECLS
