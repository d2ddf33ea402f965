/* jm-export-private.h: for tests of the exports
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-export.h"

G_BEGIN_DECLS

GBytes *jm_export_png_in_bands (JmLayout               *layout,
                                const JmExportOptions  *options,
                                int                     band_rows,
                                GError                **error);

G_END_DECLS
