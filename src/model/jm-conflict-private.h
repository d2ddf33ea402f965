/* jm-conflict-private.h: the fields, for the reader and the merge
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-conflict.h"

G_BEGIN_DECLS

struct _JmConflict
{
  JmObject parent_instance;

  char *property;
  char *ours;
  char *theirs;
};

G_END_DECLS
