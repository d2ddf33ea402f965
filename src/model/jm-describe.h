/* jm-describe.h: the full spoken name of any object of a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

char *jm_describe_object (JmDocument   *document,
                          JmLayerState  state,
                          JmObject     *object);

G_END_DECLS
