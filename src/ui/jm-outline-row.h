/* jm-outline-row.h: what a row of the outline shows of a stage, item or lane
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_OUTLINE_ROW (jm_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (JmOutlineRow, jm_outline_row, JM, OUTLINE_ROW, GObject)

JmOutlineRow *jm_outline_row_new         (JmDocument   *document,
                                          JmObject     *object);
JmObject     *jm_outline_row_get_object  (JmOutlineRow *self);
const char   *jm_outline_row_get_text    (JmOutlineRow *self);
gboolean      jm_outline_row_get_heading (JmOutlineRow *self);

G_END_DECLS
