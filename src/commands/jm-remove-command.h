/* jm-remove-command.h: take an object out of a store
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_REMOVE_COMMAND (jm_remove_command_get_type ())

G_DECLARE_FINAL_TYPE (JmRemoveCommand, jm_remove_command, JM, REMOVE_COMMAND, JmCommand)

JmCommand *jm_remove_command_new (JmObjectStore *store,
                                  JmObject      *object);

G_END_DECLS
