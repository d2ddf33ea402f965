/* jm-inspector.h: the sidebar that edits what is selected
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "commands/jm-command-stack.h"
#include "jm-inspector-page.h"
#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR (jm_inspector_get_type ())

G_DECLARE_FINAL_TYPE (JmInspector, jm_inspector, JM, INSPECTOR, GtkWidget)

GtkWidget       *jm_inspector_new            (void);
void             jm_inspector_set_stack      (JmInspector    *self,
                                              JmCommandStack *stack);
void             jm_inspector_set_selection  (JmInspector    *self,
                                              JmSelection    *selection);
void             jm_inspector_set_object     (JmInspector    *self,
                                              GObject        *object);
GObject         *jm_inspector_get_object     (JmInspector    *self);
gboolean         jm_inspector_set_photo_file (JmInspector    *self,
                                              GFile          *file,
                                              GError        **error);
JmInspectorPage *jm_inspector_get_page       (JmInspector    *self);
GtkWidget       *jm_inspector_get_field      (JmInspector    *self,
                                              const char     *property);

G_END_DECLS
