/* jm-ui-test-utils.h: helpers shared by the UI tests
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/jm-alert.h"
#include "ui/jm-window.h"

G_BEGIN_DECLS

typedef gboolean (*JmUiTestCondition) (gpointer data);

gboolean    jm_ui_test_init               (int         *argc,
                                           char      ***argv);
void        jm_ui_test_iterate            (void);
void        jm_ui_test_wait_until         (JmUiTestCondition condition,
                                           gpointer          data);
void        jm_ui_test_wait_until_mapped  (GtkWidget   *widget);
void        jm_ui_test_wait_until_map_shown (JmWindow  *window);
void        jm_ui_test_wait_for_frame     (GtkWidget   *widget);
GdkTexture *jm_ui_test_render_widget      (GtkWidget   *widget);
guint       jm_ui_test_count_colors       (GdkTexture  *texture);
guint32     jm_ui_test_texture_pixel      (GdkTexture  *texture,
                                           int          x,
                                           int          y);
guint       jm_ui_test_count_dark_pixels  (GdkTexture  *texture,
                                           int          x,
                                           int          y,
                                           int          width,
                                           int          height,
                                           int          luminance);
guint32     jm_ui_test_pixel_at_widget    (GdkTexture  *texture,
                                           GtkWidget   *root,
                                           GtkWidget   *widget);
char       *jm_ui_test_save_screenshot    (GdkTexture  *texture,
                                           const char  *name);
JmAlert    *jm_ui_test_find_message_dialog (void);
GtkWidget  *jm_ui_test_find_label         (GtkWidget   *root,
                                           const char  *text);
void        jm_ui_test_wait_for_label     (GtkWidget   *root,
                                           const char  *text);
gboolean    jm_ui_test_message_dialog_shown (gpointer    data);
void        jm_ui_test_xdotool            (const char  *first,
                                           ...) G_GNUC_NULL_TERMINATED;
void        jm_ui_test_point_on_screen    (GtkWidget              *widget,
                                           const graphene_point_t *point,
                                           int                    *x,
                                           int                    *y);
void        jm_ui_test_drag               (int          from_x,
                                           int          from_y,
                                           int          to_x,
                                           int          to_y);
void        jm_ui_test_click              (int          x,
                                           int          y,
                                           int          n_clicks);
guint       jm_ui_test_count_drag_gesture_ends    (void);
void        jm_ui_test_wait_for_drag_gesture_ends (guint at_least);
void        jm_ui_test_drag_and_drop      (GtkWidget              *source,
                                           const graphene_point_t *from,
                                           GtkWidget              *target,
                                           const graphene_point_t *to);

G_END_DECLS
