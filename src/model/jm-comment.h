/* jm-comment.h: a review comment on the map, a stage or an item
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-object.h"
#include "jm-document.h"
#include "jm-object-store.h"

G_BEGIN_DECLS

#define JM_TYPE_COMMENT (jm_comment_get_type ())

G_DECLARE_FINAL_TYPE (JmComment, jm_comment, JM, COMMENT, JmObject)

JmComment     *jm_comment_new          (const char *id);
const char    *jm_comment_get_author   (JmComment  *self);
GDateTime     *jm_comment_get_date     (JmComment  *self);
const char    *jm_comment_get_text     (JmComment  *self);
gboolean       jm_comment_get_resolved (JmComment  *self);

JmObjectStore *jm_comments_get         (gpointer    owner);
JmObjectStore *jm_comments_peek        (gpointer    owner);
gboolean       jm_comments_can_have    (gpointer    owner);
guint          jm_comments_count_open  (gpointer    owner);
void           jm_comments_remove_all  (JmDocument *document);

G_END_DECLS
