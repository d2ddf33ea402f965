/* jm-compare.h: what the future state adds, changes and removes
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

typedef enum
{
  JM_DIFFERENCE_ADDED,
  JM_DIFFERENCE_CHANGED,
  JM_DIFFERENCE_REMOVED,
} JmDifferenceKind;

/**
 * JmDifference:
 * @kind: what happened to the item
 * @current: (nullable): the item in the current state
 * @future: (nullable): the item in the future state
 */
typedef struct
{
  JmDifferenceKind  kind;
  JmItem           *current;
  JmItem           *future;
} JmDifference;

void       jm_difference_free       (JmDifference *difference);
GPtrArray *jm_document_compare_items (JmDocument  *document);

G_END_DECLS
