/* jm-item-private.h: the fields, for the reader and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-item.h"

G_BEGIN_DECLS

/* The reader fills new, unattached objects field by field, without
 * notifications; everything else changes them through commands. */
struct _JmItem
{
  JmObject parent_instance;

  JmItemKind kind;
  char *stage_id;
  char *lane_id;
  JmChannel channel;
  char *color;
  char *title;
  char *body;
  GBytes *image;
  char *image_type;
  JmMomentKind moment;
  char *moment_label;
  char *moment_rationale;
  /* format 1.1, opportunities only; JM_VALUE_UNSET, JM_EFFORT_UNSET */
  double customer_value;
  double business_value;
  double effort;
};

G_END_DECLS
