/* jm-set-property-command.h: change one property of one object
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_SET_PROPERTY_COMMAND (jm_set_property_command_get_type ())

G_DECLARE_FINAL_TYPE (JmSetPropertyCommand, jm_set_property_command, JM, SET_PROPERTY_COMMAND, JmCommand)

JmCommand *jm_set_property_command_new (GObject      *object,
                                        const char   *property,
                                        const GValue *value);

G_END_DECLS
