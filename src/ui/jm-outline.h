/* jm-outline.h: the map as a tree, for the keyboard and screen readers
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/jm-document.h"
#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_OUTLINE (jm_outline_get_type ())

G_DECLARE_FINAL_TYPE (JmOutline, jm_outline, JM, OUTLINE, GtkWidget)

GtkWidget  *jm_outline_new          (void);
void        jm_outline_set_document (JmOutline    *self,
                                     JmDocument   *document,
                                     JmLayerState  state);
void        jm_outline_set_selection (JmOutline   *self,
                                      JmSelection *selection);
GListModel *jm_outline_get_model    (JmOutline    *self);
int         jm_outline_reveal       (JmOutline    *self,
                                     JmObject     *object);

G_END_DECLS
