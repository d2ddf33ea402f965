/* jm-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "commands/jm-command-stack.h"
#include "jm-inspector.h"
#include "jm-map-canvas.h"
#include "jm-outline.h"
#include "jm-recent-maps.h"
#include "io/jm-draft-store.h"
#include "model/jm-document.h"
#include "session/jm-map-session.h"

G_BEGIN_DECLS

#define JM_TYPE_WINDOW (jm_window_get_type ())

G_DECLARE_FINAL_TYPE (JmWindow, jm_window, JM, WINDOW, AdwApplicationWindow)

JmWindow   *jm_window_new          (GtkApplication *application,
                                    JmDraftStore   *drafts,
                                    JmRecentMaps   *recent_maps);
void        jm_window_open_file    (JmWindow      *self,
                                    GFile         *file);
void        jm_window_import_csv   (JmWindow      *self,
                                    GFile         *file);
void        jm_window_import_personas (JmWindow   *self,
                                       GFile      *file);
GFile      *jm_window_get_file     (JmWindow      *self);
JmDocument *jm_window_get_document (JmWindow      *self);
JmCommandStack *jm_window_get_stack (JmWindow     *self);
JmMapSession *jm_window_get_session (JmWindow     *self);
JmMapCanvas *jm_window_get_canvas  (JmWindow      *self);
JmInspector *jm_window_get_inspector (JmWindow    *self);
JmOutline   *jm_window_get_outline   (JmWindow    *self);
void        jm_window_compare_with_file (JmWindow *self,
                                         GFile    *file);
void        jm_window_merge_file   (JmWindow      *self,
                                    GFile         *theirs,
                                    GFile         *base);
GtkWidget  *jm_window_get_review_panel (JmWindow  *self,
                                        GType      type);
void        jm_window_restore_draft (JmWindow     *self,
                                     JmDocument   *document,
                                     GFile        *file,
                                     const char   *draft_id);

G_END_DECLS
