/* jm-matrix-view.h: the priority matrix, the size of the canvas
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "commands/jm-command-stack.h"
#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_MATRIX_VIEW (jm_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (JmMatrixView, jm_matrix_view, JM, MATRIX_VIEW, GtkWidget)

void      jm_matrix_view_set_document        (JmMatrixView   *self,
                                              JmDocument     *document,
                                              JmCommandStack *stack,
                                              JmLayerState    state);
void      jm_matrix_view_set_selection       (JmMatrixView   *self,
                                              JmSelection    *selection);
JmItem   *jm_matrix_view_get_focused         (JmMatrixView   *self);
gboolean  jm_matrix_view_dot_position        (JmMatrixView   *self,
                                              JmItem         *item,
                                              double         *x,
                                              double         *y);
char     *jm_matrix_view_dup_accessible_label (JmMatrixView  *self);

G_END_DECLS
