/* jm-assistant-panel.h: the guided assistant beside the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "commands/jm-command-stack.h"
#include "session/jm-assistant.h"

G_BEGIN_DECLS

#define JM_TYPE_ASSISTANT_PANEL (jm_assistant_panel_get_type ())
G_DECLARE_FINAL_TYPE (JmAssistantPanel, jm_assistant_panel, JM, ASSISTANT_PANEL, GtkWidget)

void            jm_assistant_panel_set_stack  (JmAssistantPanel *self,
                                               JmCommandStack   *stack);
JmCommandStack *jm_assistant_panel_get_stack  (JmAssistantPanel *self);
void            jm_assistant_panel_show_step  (JmAssistantPanel *self,
                                               JmAssistantStep   step);
JmAssistantStep jm_assistant_panel_get_step   (JmAssistantPanel *self);
GtkWidget      *jm_assistant_panel_get_step_row (JmAssistantPanel *self,
                                                 JmAssistantStep   step);
gboolean        jm_assistant_panel_get_step_marked (JmAssistantPanel *self,
                                                    JmAssistantStep   step);
GtkWidget      *jm_assistant_panel_find       (JmAssistantPanel *self,
                                               const char       *key);

G_END_DECLS
