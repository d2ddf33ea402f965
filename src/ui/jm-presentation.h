/* jm-presentation.h: a map presented stage by stage, full screen
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/jm-document.h"
#include "render/jm-layout.h"

G_BEGIN_DECLS

#define JM_TYPE_PRESENTATION (jm_presentation_get_type ())

G_DECLARE_FINAL_TYPE (JmPresentation, jm_presentation, JM, PRESENTATION, AdwWindow)

JmPresentation *jm_presentation_new             (GtkWindow      *parent,
                                                 JmDocument     *document,
                                                 JmLayerMode     mode,
                                                 guint          stage_index);
guint           jm_presentation_get_stage_index (JmPresentation *self);
JmLayerMode     jm_presentation_get_mode        (JmPresentation *self);
JmLayout       *jm_presentation_get_layout      (JmPresentation *self);
const char     *jm_presentation_get_position_text (JmPresentation *self);

G_END_DECLS
