/* jm-emotion-point-private.h: the fields, for the reader and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-emotion-point.h"

G_BEGIN_DECLS

/* The reader fills new, unattached objects field by field, without
 * notifications; everything else changes them through commands. */
struct _JmEmotionPoint
{
  JmObject parent_instance;

  char *persona_id;
  char *stage_id;
  double position;
  double score;
  char *label;
};

G_END_DECLS
