/* jm-layer-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-layer.h"
#include "jm-object-private.h"

G_BEGIN_DECLS

JmLayer       *_jm_layer_new         (JmLayerState state);
JmForeignData *_jm_layer_get_foreign (JmLayer     *self);

G_END_DECLS
