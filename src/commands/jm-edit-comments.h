/* jm-edit-comments.h: review comments and merge conflicts, as undoable edits
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-command-stack.h"
#include "model/jm-comment.h"
#include "model/jm-conflict.h"

G_BEGIN_DECLS

JmComment *jm_edit_add_comment      (JmCommandStack  *stack,
                                     gpointer         owner,
                                     const char      *author,
                                     const char      *text,
                                     GError         **error);
gboolean   jm_edit_set_comment_text (JmCommandStack  *stack,
                                     JmComment       *comment,
                                     const char      *text,
                                     guint            merge_key,
                                     GError         **error);
gboolean   jm_edit_resolve_comment  (JmCommandStack  *stack,
                                     JmComment       *comment,
                                     gboolean         resolved,
                                     GError         **error);
gboolean   jm_edit_delete_comment   (JmCommandStack  *stack,
                                     gpointer         owner,
                                     JmComment       *comment,
                                     GError         **error);
gboolean   jm_edit_resolve_conflict (JmCommandStack  *stack,
                                     gpointer         owner,
                                     JmConflict      *conflict,
                                     gboolean         take_theirs,
                                     GError         **error);

G_END_DECLS
