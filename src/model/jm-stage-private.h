/* jm-stage-private.h: the fields, for the reader and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-stage.h"

G_BEGIN_DECLS

/* The reader fills new, unattached objects field by field, without
 * notifications; everything else changes them through commands. */
struct _JmStage
{
  JmObject parent_instance;

  char *name;
  char *description;
  char *duration;
  char *presenter_note;  /* format 1.1 */
  char *color;
  double width;
};

G_END_DECLS
