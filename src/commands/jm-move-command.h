/* jm-move-command.h: move an object to another position in its store
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_MOVE_COMMAND (jm_move_command_get_type ())

G_DECLARE_FINAL_TYPE (JmMoveCommand, jm_move_command, JM, MOVE_COMMAND, JmCommand)

JmCommand *jm_move_command_new (JmObjectStore *store,
                                JmObject      *object,
                                guint          position);

G_END_DECLS
