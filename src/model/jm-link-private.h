/* jm-link-private.h: the fields, for the reader and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-link.h"

G_BEGIN_DECLS

/* The reader fills new, unattached objects field by field, without
 * notifications; everything else changes them through commands. */
struct _JmLink
{
  JmObject parent_instance;

  char *from_id;
  char *to_id;
  char *label;
};

G_END_DECLS
