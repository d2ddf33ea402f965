/* jm-handout.h: a map as a handout: a cover, then a page per stage
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jm-export.h"

G_BEGIN_DECLS

/* A4 landscape, in PostScript points. */
#define JM_HANDOUT_PAGE_WIDTH  841.89
#define JM_HANDOUT_PAGE_HEIGHT 595.28

GBytes *jm_handout_write (JmLayout               *layout,
                          const JmExportOptions  *options,
                          GError                **error);

G_END_DECLS
