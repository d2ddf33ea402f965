/* jm-insert-command.h: put an object into a store
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_INSERT_COMMAND (jm_insert_command_get_type ())

G_DECLARE_FINAL_TYPE (JmInsertCommand, jm_insert_command, JM, INSERT_COMMAND, JmCommand)

JmCommand *jm_insert_command_new (JmObjectStore *store,
                                  guint          position,
                                  JmObject      *object);

G_END_DECLS
