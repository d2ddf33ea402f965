/* jm-compare-panel.h: how the open map differs from another copy of it
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_COMPARE_PANEL (jm_compare_panel_get_type ())

G_DECLARE_FINAL_TYPE (JmComparePanel, jm_compare_panel, JM, COMPARE_PANEL, GtkBox)

void        jm_compare_panel_compare        (JmComparePanel *self,
                                             JmDocument     *document,
                                             JmDocument     *other,
                                             const char     *other_name);
void        jm_compare_panel_stop           (JmComparePanel *self);
gboolean    jm_compare_panel_is_comparing   (JmComparePanel *self);
void        jm_compare_panel_refresh        (JmComparePanel *self);
GListModel *jm_compare_panel_get_model      (JmComparePanel *self);
GPtrArray  *jm_compare_panel_dup_objects    (JmComparePanel *self);

G_END_DECLS
