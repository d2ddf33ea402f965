/* jm-group-command.h: several commands that undo as one step
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_GROUP_COMMAND (jm_group_command_get_type ())

G_DECLARE_FINAL_TYPE (JmGroupCommand, jm_group_command, JM, GROUP_COMMAND, JmCommand)

JmCommand *jm_group_command_new            (const char     *label);
void       jm_group_command_add            (JmGroupCommand *self,
                                            JmCommand      *child);
void       jm_group_command_add_applied    (JmGroupCommand *self,
                                            JmCommand      *child);
guint      jm_group_command_get_n_children (JmGroupCommand *self);

G_END_DECLS
