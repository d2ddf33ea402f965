/* jm-conflicts-panel.h: the merge conflicts recorded in the map, to settle
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "commands/jm-command-stack.h"

G_BEGIN_DECLS

#define JM_TYPE_CONFLICTS_PANEL (jm_conflicts_panel_get_type ())

G_DECLARE_FINAL_TYPE (JmConflictsPanel, jm_conflicts_panel, JM, CONFLICTS_PANEL, GtkBox)

void     jm_conflicts_panel_set_stack       (JmConflictsPanel *self,
                                             JmCommandStack   *stack);
void     jm_conflicts_panel_refresh         (JmConflictsPanel *self);
guint    jm_conflicts_panel_get_n_conflicts (JmConflictsPanel *self);
gboolean jm_conflicts_panel_resolve         (JmConflictsPanel *self,
                                             guint             index,
                                             gboolean          take_theirs,
                                             GError          **error);

G_END_DECLS
