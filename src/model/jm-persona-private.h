/* jm-persona-private.h: the fields, for the reader and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-persona.h"

G_BEGIN_DECLS

/* The reader fills new, unattached objects field by field, without
 * notifications; everything else changes them through commands. */
struct _JmPersona
{
  JmObject parent_instance;

  char *name;
  char *role;
  char *description;
  char *goals;
  char *motivations;
  char *frustrations;
  GBytes *photo;
  char *photo_type;
  gboolean primary;
};

G_END_DECLS
