/* jm-atomic-file.h: replacing a file so that a crash never breaks it
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean jm_atomic_file_replace (const char  *path,
                                 const char  *display_name,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);

void     jm_atomic_file_crash_point (const char *name);

G_END_DECLS
