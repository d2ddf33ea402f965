/* jm-comment-private.h: the fields, for the reader and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-comment.h"

G_BEGIN_DECLS

struct _JmComment
{
  JmObject parent_instance;

  char      *author;
  GDateTime *date;
  char      *text;
  gboolean   resolved;
};

G_END_DECLS
