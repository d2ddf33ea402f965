/* jm-map-session.h: one open map, its file, history and recovery copy
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "commands/jm-command-stack.h"
#include "io/jm-draft-store.h"
#include "model/jm-document.h"
#include "render/jm-layout.h"

G_BEGIN_DECLS

#define JM_TYPE_MAP_SESSION (jm_map_session_get_type ())

G_DECLARE_FINAL_TYPE (JmMapSession, jm_map_session, JM, MAP_SESSION, GObject)

JmMapSession   *jm_map_session_new                (JmDraftStore        *drafts);
JmDraftStore   *jm_map_session_get_drafts         (JmMapSession        *self);
JmDocument     *jm_map_session_get_document       (JmMapSession        *self);
GFile          *jm_map_session_get_file           (JmMapSession        *self);
JmCommandStack *jm_map_session_get_stack          (JmMapSession        *self);
const char     *jm_map_session_get_title          (JmMapSession        *self);
gboolean        jm_map_session_get_modified       (JmMapSession        *self);
GPtrArray      *jm_map_session_get_import_notes   (JmMapSession        *self);
gboolean        jm_map_session_get_loading        (JmMapSession        *self);
const char     *jm_map_session_get_draft_id       (JmMapSession        *self);
guint           jm_map_session_get_autosave_delay (JmMapSession        *self);
void            jm_map_session_set_autosave_delay (JmMapSession        *self,
                                                   guint                seconds);
void            jm_map_session_set_document       (JmMapSession        *self,
                                                   JmDocument          *document,
                                                   GFile               *file,
                                                   const char          *etag);
void            jm_map_session_restore_draft      (JmMapSession        *self,
                                                   JmDocument          *document,
                                                   GFile               *file,
                                                   const char          *draft_id);
void            jm_map_session_forget_draft       (JmMapSession        *self);
void            jm_map_session_discard_draft      (JmMapSession        *self);
void            jm_map_session_load               (JmMapSession        *self,
                                                   GFile               *file,
                                                   JmLayerMode          mode);
gboolean        jm_map_session_revert             (JmMapSession        *self,
                                                   JmLayerMode          mode);
void            jm_map_session_cancel_load        (JmMapSession        *self);
gboolean        jm_map_session_changed_on_disk    (JmMapSession        *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void            jm_map_session_set_file           (JmMapSession        *self,
                                                   GFile               *file);
void            jm_map_session_save_async         (JmMapSession        *self,
                                                   gboolean             overwrite,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        jm_map_session_save_finish        (JmMapSession        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
