/* jm-draft-store.h: recovery copies of unsaved maps
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_TYPE_DRAFT_STORE (jm_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (JmDraftStore, jm_draft_store, JM, DRAFT_STORE, GObject)

/**
 * JmDraft:
 * @id: the draft's id, one per window
 * @uri: (nullable): the file the map belongs to, if it was ever saved
 * @title: the map's title, to name the draft in the window
 * @modified: when the draft was written, in seconds since the epoch
 * @document: (nullable): the map the draft holds, read by
 *   jm_draft_store_load_restorable (); %NULL otherwise
 */
typedef struct
{
  char       *id;
  char       *uri;
  char       *title;
  gint64      modified;
  JmDocument *document;
} JmDraft;

void          jm_draft_free          (JmDraft       *draft);

JmDraftStore *jm_draft_store_new     (const char    *directory);
const char   *jm_draft_store_get_directory (JmDraftStore *self);
gboolean      jm_draft_store_save    (JmDraftStore  *self,
                                      const char    *id,
                                      JmDocument    *document,
                                      GFile         *file,
                                      GError       **error);
void          jm_draft_store_save_async (JmDraftStore *self,
                                         const char   *id,
                                         JmDocument   *document,
                                         GFile        *file);
void          jm_draft_store_flush   (JmDraftStore  *self);
void          jm_draft_store_remove  (JmDraftStore  *self,
                                      const char    *id);
GPtrArray    *jm_draft_store_list    (JmDraftStore  *self);
JmDocument   *jm_draft_store_load    (JmDraftStore  *self,
                                      const char    *id,
                                      GError       **error);
GPtrArray    *jm_draft_store_load_restorable (JmDraftStore *self);
char         *jm_draft_store_new_id  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmDraft, jm_draft_free)

G_END_DECLS
