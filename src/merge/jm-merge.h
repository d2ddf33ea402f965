/* jm-merge.h: three-way merge of two copies of a map with their ancestor
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "commands/jm-command-stack.h"
#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_MERGE_ERROR (jm_merge_error_quark ())

typedef enum
{
  JM_MERGE_ERROR_NOT_RELATED,
  JM_MERGE_ERROR_NEWER_VERSION,
} JmMergeError;

/**
 * JmMergeConflict:
 * @type: the type of the object in conflict (%JM_TYPE_DOCUMENT for the
 *   map's own properties, %JM_TYPE_COMMENT for a comment)
 * @state: the #JmLayerState of an item, point or link, else -1
 * @id: (nullable): the object's id, %NULL for the map
 * @property: the property, or %JM_CONFLICT_REMOVED
 * @ours: (nullable): the value kept
 * @theirs: (nullable): the value not taken
 * @sentence: "OBJECT: property: ours → …, theirs → …"
 *
 * A conflict the merge recorded. Except for comments (whose other text is
 * kept as a comment of its own), the map holds it as a #JmConflict on the
 * object, which jm_edit_resolve_conflict () settles.
 */
typedef struct
{
  GType  type;
  int    state;
  char  *id;
  char  *property;
  char  *ours;
  char  *theirs;
  char  *sentence;
} JmMergeConflict;

/**
 * JmMergeResult:
 * @document: the merged map
 * @conflicts: (element-type JmMergeConflict): what could not be decided
 * @renamed: their ids that both copies added for different objects, each
 *   to the new id the merge gave their object
 */
typedef struct
{
  JmDocument *document;
  GPtrArray  *conflicts;
  GHashTable *renamed;
} JmMergeResult;

GQuark         jm_merge_error_quark   (void);
JmMergeResult *jm_merge_documents     (JmDocument     *base,
                                       JmDocument     *ours,
                                       JmDocument     *theirs,
                                       GError        **error);
void           jm_merge_result_free   (JmMergeResult  *result);
JmMergeResult *jm_merge_into          (JmCommandStack *stack,
                                       JmDocument     *base,
                                       JmDocument     *theirs,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmMergeResult, jm_merge_result_free)

G_END_DECLS
