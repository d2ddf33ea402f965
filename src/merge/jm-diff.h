/* jm-diff.h: what changed between two copies of a map, in words
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"

G_BEGIN_DECLS

typedef enum
{
  JM_CHANGE_ADDED,
  JM_CHANGE_REMOVED,
  JM_CHANGE_MOVED,
  JM_CHANGE_CHANGED,
} JmChangeKind;

#define JM_N_CHANGE_KINDS 4

/**
 * JmChange:
 * @kind: what happened
 * @type: the type of the object: %JM_TYPE_STAGE …, %JM_TYPE_COMMENT,
 *   %JM_TYPE_CONFLICT, or %JM_TYPE_DOCUMENT for the map itself
 * @state: the #JmLayerState of an item, emotion point or link (or of the
 *   item a comment or conflict is on), else -1
 * @id: (nullable): the id of the object, %NULL for the map
 * @property: (nullable): the property that changed, for
 *   %JM_CHANGE_CHANGED
 * @old_value: (nullable): its old value, as the file writes it
 * @new_value: (nullable): its new value, as the file writes it
 * @sentence: the change in words, with the object's name and place
 */
typedef struct
{
  JmChangeKind  kind;
  GType         type;
  int           state;
  char         *id;
  char         *property;
  char         *old_value;
  char         *new_value;
  char         *sentence;
} JmChange;

void       jm_change_free          (JmChange   *change);
GPtrArray *jm_diff_documents       (JmDocument *old_document,
                                    JmDocument *new_document);
char      *jm_diff_format_stat     (GPtrArray  *changes);
char      *jm_diff_describe_object (JmDocument *document,
                                    GObject    *object,
                                    int         state);
char      *jm_diff_outline         (JmDocument *document);
char      *jm_diff_quote           (const char *text);
gboolean   jm_diff_values_equal    (GParamSpec   *pspec,
                                    const GValue *a,
                                    const GValue *b);
GHashTable *jm_diff_find_moved     (JmObjectStore *old_store,
                                    JmObjectStore *new_store);

/**
 * JmDiffOwnerFunc:
 * @owner: the document or one of its objects
 * @state: the #JmLayerState of an item, point or link, else -1
 *
 * Called for each object that may carry comments or conflict records.
 */
typedef void (*JmDiffOwnerFunc) (GObject  *owner,
                                 int       state,
                                 gpointer  user_data);

void       jm_diff_foreach_owner   (JmDocument      *document,
                                    JmDiffOwnerFunc  func,
                                    gpointer         user_data);
GObject   *jm_diff_find_object     (JmDocument      *document,
                                    const JmChange  *change);

G_END_DECLS
