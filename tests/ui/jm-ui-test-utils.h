/* jm-ui-test-utils.h: helpers shared by the UI tests
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/jm-alert.h"

G_BEGIN_DECLS

typedef gboolean (*JmUiTestCondition) (gpointer data);

gboolean    jm_ui_test_init               (int         *argc,
                                           char      ***argv);
void        jm_ui_test_iterate            (void);
void        jm_ui_test_wait_until         (JmUiTestCondition condition,
                                           gpointer          data);
void        jm_ui_test_wait_until_mapped  (GtkWidget   *widget);
void        jm_ui_test_wait_for_frame     (GtkWidget   *widget);
GdkTexture *jm_ui_test_render_widget      (GtkWidget   *widget);
guint       jm_ui_test_count_colors       (GdkTexture  *texture);
char       *jm_ui_test_save_screenshot    (GdkTexture  *texture,
                                           const char  *name);
JmAlert    *jm_ui_test_find_message_dialog (void);
gboolean    jm_ui_test_message_dialog_shown (gpointer    data);

G_END_DECLS
