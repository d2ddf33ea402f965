/* jm-link-page.h: the inspector's page for a link between two cards
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-inspector-page.h"

G_BEGIN_DECLS

#define JM_TYPE_LINK_PAGE (jm_link_page_get_type ())

G_DECLARE_FINAL_TYPE (JmLinkPage, jm_link_page, JM, LINK_PAGE, JmInspectorPage)

G_END_DECLS
