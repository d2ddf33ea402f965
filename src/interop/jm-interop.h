/* jm-interop.h: what the Mermaid and CSV readers share
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "commands/jm-command-stack.h"
#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_INTEROP_ERROR (jm_interop_error_quark ())

/**
 * JmInteropError:
 * @JM_INTEROP_ERROR_SYNTAX: the file is not what its reader reads (a
 *   line Mermaid refuses, broken CSV quoting, a row of the wrong width)
 * @JM_INTEROP_ERROR_INVALID: a value the map cannot hold (an unknown
 *   kind, a score out of range, a text too long)
 * @JM_INTEROP_ERROR_TOO_LARGE: more than a map may hold
 *
 * Every message starts with FILE:LINE: where the problem is.
 */
typedef enum
{
  JM_INTEROP_ERROR_SYNTAX,
  JM_INTEROP_ERROR_INVALID,
  JM_INTEROP_ERROR_TOO_LARGE,
} JmInteropError;

/**
 * JmInteropReadFunc:
 *
 * Reads a whole file of another tool as a new map; @notes gets what it
 * read differently from that tool, as FILE:LINE: lines.
 */
typedef JmDocument *(*JmInteropReadFunc) (GBytes      *bytes,
                                          const char  *filename,
                                          GPtrArray  **notes,
                                          GError     **error);

GQuark      jm_interop_error_quark         (void);
JmInteropReadFunc jm_interop_reader_for_name (const char *name);
JmLane     *jm_interop_ensure_lane         (JmCommandStack  *stack,
                                            JmLaneKind       kind,
                                            GError         **error);
GHashTable *jm_interop_index_by_name       (JmObjectStore   *store);
gboolean    jm_interop_id_is_free          (JmDocument      *document,
                                            const char      *id);
JmItem     *jm_interop_new_item            (JmDocument      *document);
gboolean    jm_interop_push_string         (JmCommandStack  *stack,
                                            gpointer         object,
                                            const char      *property,
                                            const char      *text,
                                            GError         **error);
gboolean    jm_interop_push_enum           (JmCommandStack  *stack,
                                            gpointer         object,
                                            const char      *property,
                                            GType            type,
                                            int              value,
                                            GError         **error);
gboolean    jm_interop_append              (JmCommandStack  *stack,
                                            JmObjectStore   *store,
                                            JmObject        *object,
                                            GError         **error);
gboolean    jm_interop_add_point           (JmCommandStack  *stack,
                                            JmLayerState     state,
                                            const char      *persona_id,
                                            const char      *stage_id,
                                            double           position,
                                            double           score,
                                            const char      *label,
                                            GError         **error);
gboolean    jm_interop_check_fits          (JmDocument      *document,
                                            const char      *filename,
                                            GError         **error);
JmDocument *jm_interop_new_document        (GBytes          *bytes,
                                            const char      *filename,
                                            GPtrArray      **notes,
                                            gboolean       (*import_into) (JmCommandStack  *stack,
                                                                           GBytes          *bytes,
                                                                           const char      *filename,
                                                                           GPtrArray      **notes,
                                                                           GError         **error),
                                            GError         **error);

G_END_DECLS
