/* jm-export-dialog.h: choose how to export a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "export/jm-export.h"

G_BEGIN_DECLS

#define JM_TYPE_EXPORT_DIALOG (jm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JmExportDialog, jm_export_dialog, JM, EXPORT_DIALOG, AdwWindow)

JmExportDialog *jm_export_dialog_new         (GtkWindow       *parent,
                                              JmDocument      *document,
                                              JmLayerMode      mode);
void            jm_export_dialog_get_options (JmExportDialog  *self,
                                              JmExportFormat  *format,
                                              JmExportOptions *options);
void            jm_export_dialog_start_export (JmExportDialog *self,
                                               GFile          *file);

typedef void (*JmExportLaunchHook) (GFile    *file,
                                    gpointer  user_data);

AdwToast       *jm_export_dialog_new_exported_toast (const char      *path);
void            jm_export_dialog_open_file          (GtkWindow       *parent,
                                                     GFile           *file);
void            jm_export_dialog_set_launch_hook    (JmExportLaunchHook hook,
                                                     gpointer         user_data);

G_END_DECLS
