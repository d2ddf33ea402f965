/* jm-differences-popover.h: what the future state adds, changes and removes
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_DIFFERENCES_POPOVER (jm_differences_popover_get_type ())

G_DECLARE_FINAL_TYPE (JmDifferencesPopover, jm_differences_popover, JM, DIFFERENCES_POPOVER, GtkPopover)

void        jm_differences_popover_set_document (JmDifferencesPopover *self,
                                                 JmDocument           *document);
GListModel *jm_differences_popover_get_model    (JmDifferencesPopover *self);

G_END_DECLS
