/* jm-replace-command.h: put another map's content in place of the document's
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_REPLACE_COMMAND (jm_replace_command_get_type ())

G_DECLARE_FINAL_TYPE (JmReplaceCommand, jm_replace_command, JM, REPLACE_COMMAND, JmCommand)

JmCommand *jm_replace_command_new (JmDocument *replacement,
                                   const char *label);

G_END_DECLS
