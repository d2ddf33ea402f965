/* jm-print.h: printing a map through the print dialog
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "export/jm-print-layout.h"
#include "model/jm-document.h"
#include "render/jm-layout.h"

G_BEGIN_DECLS

void     jm_print_show_dialog (GtkWindow   *parent,
                               JmDocument  *document,
                               JmLayerMode  layer,
                               JmLayout    *shown);
gboolean jm_print_to_pdf      (GtkWindow   *parent,
                               JmDocument  *document,
                               JmLayerMode  layer,
                               JmPrintMode  mode,
                               guint        pages_across,
                               const char  *path,
                               GError     **error);

GtkWidget *jm_print_new_layout_tab (JmPrintMode   mode,
                                    guint         pages_across,
                                    GtkWidget   **poster_check,
                                    GtkWidget   **across_spin);

GtkPrintSettings *jm_print_settings_to_remember (GtkPrintSettings *print_settings);
GtkPageSetup     *jm_print_default_page_setup   (GtkPrintSettings *remembered,
                                                 double            map_width,
                                                 double            map_height);

G_END_DECLS
