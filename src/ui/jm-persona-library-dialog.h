/* jm-persona-library-dialog.h: add a persona of the library to the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "commands/jm-command-stack.h"

G_BEGIN_DECLS

#define JM_TYPE_PERSONA_LIBRARY_DIALOG (jm_persona_library_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JmPersonaLibraryDialog, jm_persona_library_dialog, JM, PERSONA_LIBRARY_DIALOG, AdwWindow)

JmPersonaLibraryDialog *jm_persona_library_dialog_new          (GtkWindow              *parent,
                                                                JmCommandStack         *stack,
                                                                const char             *dir);
gboolean                jm_persona_library_dialog_get_loading  (JmPersonaLibraryDialog *self);
guint                   jm_persona_library_dialog_get_n_shown  (JmPersonaLibraryDialog *self);
gboolean                jm_persona_library_dialog_add          (JmPersonaLibraryDialog *self,
                                                                guint                   shown_index);

G_END_DECLS
