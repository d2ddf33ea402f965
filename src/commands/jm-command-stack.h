/* jm-command-stack.h: the undo history of a journey map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command.h"

G_BEGIN_DECLS

#define JM_TYPE_COMMAND_STACK (jm_command_stack_get_type ())

G_DECLARE_FINAL_TYPE (JmCommandStack, jm_command_stack, JM, COMMAND_STACK, GObject)

JmCommandStack *jm_command_stack_new            (JmDocument      *document);
JmDocument     *jm_command_stack_get_document   (JmCommandStack  *self);
gboolean        jm_command_stack_push           (JmCommandStack  *self,
                                                 JmCommand       *command,
                                                 GError         **error);
gboolean        jm_command_stack_undo           (JmCommandStack  *self);
gboolean        jm_command_stack_redo           (JmCommandStack  *self);
void            jm_command_stack_begin_group    (JmCommandStack  *self,
                                                 const char      *label);
void            jm_command_stack_end_group      (JmCommandStack  *self);
void            jm_command_stack_cancel_group   (JmCommandStack  *self);
gboolean        jm_command_stack_get_can_undo   (JmCommandStack  *self);
gboolean        jm_command_stack_get_can_redo   (JmCommandStack  *self);
gboolean        jm_command_stack_get_modified   (JmCommandStack  *self);
guint           jm_command_stack_get_position   (JmCommandStack  *self);
void            jm_command_stack_mark_clean     (JmCommandStack  *self);
void            jm_command_stack_mark_clean_at  (JmCommandStack  *self,
                                                 guint            position);
const char     *jm_command_stack_get_undo_label (JmCommandStack  *self);
const char     *jm_command_stack_get_redo_label (JmCommandStack  *self);

G_END_DECLS
