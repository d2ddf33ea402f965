/* jm-command.h: an undoable change of a journey map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"

G_BEGIN_DECLS

#define JM_COMMAND_ERROR (jm_command_error_quark ())

typedef enum
{
  JM_COMMAND_ERROR_NOT_FOUND,
  JM_COMMAND_ERROR_INVALID,
} JmCommandError;

#define JM_TYPE_COMMAND (jm_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (JmCommand, jm_command, JM, COMMAND, GObject)

/**
 * JmCommandClass:
 * @apply: makes the change, all or nothing: it checks first and changes
 *   nothing when it fails
 * @revert: undoes what apply did; it cannot fail
 * @merge: folds @next into @self (a drag, a burst of typing) and returns
 *   %TRUE, or returns %FALSE to keep them apart
 */
struct _JmCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (JmCommand   *self,
                      JmDocument  *document,
                      GError     **error);
  void     (*revert) (JmCommand   *self,
                      JmDocument  *document);
  gboolean (*merge)  (JmCommand   *self,
                      JmCommand   *next);

  gpointer padding[8];
};

GQuark      jm_command_error_quark    (void);
const char *jm_command_get_label      (JmCommand   *self);
void        jm_command_set_label      (JmCommand   *self,
                                       const char  *label);
guint       jm_command_get_merge_key  (JmCommand   *self);
void        jm_command_set_merge_key  (JmCommand   *self,
                                       guint        merge_key);
gboolean    jm_command_apply          (JmCommand   *self,
                                       JmDocument  *document,
                                       GError     **error);
void        jm_command_revert         (JmCommand   *self,
                                       JmDocument  *document);
gboolean    jm_command_merge          (JmCommand   *self,
                                       JmCommand   *next);

G_END_DECLS
