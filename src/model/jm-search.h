/* jm-search.h: which objects of a map match a text
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

char      *jm_search_fold_text (const char   *text);
GPtrArray *jm_search_find      (JmDocument   *document,
                                JmLayerState  state,
                                const char   *text);

G_END_DECLS
