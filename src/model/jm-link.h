/* jm-link.h: an arrow from one item to another
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-enums.h"
#include "jm-enum-types.h"
#include "jm-object.h"

G_BEGIN_DECLS

#define JM_TYPE_LINK (jm_link_get_type ())

G_DECLARE_FINAL_TYPE (JmLink, jm_link, JM, LINK, JmObject)

JmLink     *jm_link_new         (const char *id);
const char *jm_link_get_from_id (JmLink *self);
const char *jm_link_get_to_id   (JmLink *self);
const char *jm_link_get_label   (JmLink *self);

G_END_DECLS
