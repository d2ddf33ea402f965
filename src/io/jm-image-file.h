/* jm-image-file.h: reading a picture for a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const char *jm_image_file_type_for_name (const char  *name);
GBytes     *jm_image_file_load          (GFile       *file,
                                         const char **type,
                                         GError     **error);
GBytes     *jm_image_file_load_photo    (GFile       *file,
                                         const char **type,
                                         GError     **error);

G_END_DECLS
