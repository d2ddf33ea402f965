/* jm-persona-library.h: personas kept across maps, one file each
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "commands/jm-command-stack.h"
#include "model/jm-document.h"
#include "model/jm-persona.h"

G_BEGIN_DECLS

/* The most personas a library lists: more files than that are left out
 * of the list, which stays quick to read and to scroll. */
#define JM_PERSONA_LIBRARY_MAX_ENTRIES 2000

char      *jm_persona_library_default_dir (void);
GPtrArray *jm_persona_library_list        (const char     *dir,
                                           GPtrArray     **problems,
                                           GCancellable   *cancellable);
char      *jm_persona_library_save        (const char     *dir,
                                           JmPersona      *persona,
                                           GError        **error);
guint      jm_persona_library_import_map  (const char     *dir,
                                           JmDocument     *map,
                                           GError        **error);
gboolean   jm_persona_library_remove      (JmDocument     *entry,
                                           GError        **error);
JmPersona *jm_persona_library_get_persona (JmDocument     *entry);
const char *jm_persona_library_get_path   (JmDocument     *entry);
gboolean   jm_persona_library_matches     (JmDocument     *entry,
                                           const char     *search);
JmPersona *jm_persona_library_add_to_map  (JmCommandStack *stack,
                                           JmDocument     *entry,
                                           GError        **error);

G_END_DECLS
