/* jm-application.h
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JM_TYPE_APPLICATION (jm_application_get_type ())

G_DECLARE_FINAL_TYPE (JmApplication, jm_application, JM, APPLICATION, AdwApplication)

#include "io/jm-draft-store.h"
#include "jm-recent-maps.h"
#include "jm-window.h"

JmApplication *jm_application_new              (void);
JmDraftStore  *jm_application_get_draft_store  (JmApplication *self);
JmRecentMaps  *jm_application_get_recent_maps  (JmApplication *self);
JmWindow      *jm_application_create_window    (JmApplication *self);
guint          jm_application_restore_drafts   (JmApplication *self);

G_END_DECLS
