/* jm-persona-page.h: the inspector's page for a persona
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_PERSONA_PAGE (jm_persona_page_get_type ())

G_DECLARE_FINAL_TYPE (JmPersonaPage, jm_persona_page, JM, PERSONA_PAGE, JmInspectorPage)

gboolean jm_persona_page_set_photo_file (JmPersonaPage  *self,
                                         GFile          *file,
                                         GError        **error);

G_END_DECLS
