/* jm-comments-panel.h: the review comments on the selection or the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "commands/jm-command-stack.h"
#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_COMMENTS_PANEL (jm_comments_panel_get_type ())

G_DECLARE_FINAL_TYPE (JmCommentsPanel, jm_comments_panel, JM, COMMENTS_PANEL, GtkBox)

void         jm_comments_panel_set_stack     (JmCommentsPanel *self,
                                              JmCommandStack  *stack);
void         jm_comments_panel_set_selection (JmCommentsPanel *self,
                                              JmSelection     *selection);
void         jm_comments_panel_refresh       (JmCommentsPanel *self);
GObject     *jm_comments_panel_get_target    (JmCommentsPanel *self);
char        *jm_comments_panel_dup_author    (JmCommentsPanel *self);
GtkEditable *jm_comments_panel_get_entry     (JmCommentsPanel *self);

G_END_DECLS
