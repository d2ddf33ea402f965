/* jm-alert.h: a question or a message over a window, on every libadwaita,
 * and the one way errors reach the user
 *
 * AdwAlertDialog (libadwaita 1.5) where the build has it, AdwMessageDialog
 * (deprecated since) on older ones such as Debian 12's 1.2. Not only a
 * deprecation: libadwaita 1.7's AdwMessageDialog over a wide window
 * measures its labels for 100 pixels however wide their words are
 * ("Trying to measure GtkLabel … for width of 100, but it needs at least
 * 251"), which the tests' fatal warnings turn into a crash; AdwAlertDialog
 * asks for what its labels need.
 *
 * Both emit "response" (self, const char *response, user_data), and close
 * themselves after it.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#if ADW_CHECK_VERSION (1, 5, 0)
# define JM_ALERT_USES_ALERT_DIALOG 1
typedef AdwAlertDialog JmAlert;
# define JM_ALERT(o)   ADW_ALERT_DIALOG (o)
# define JM_IS_ALERT(o) ADW_IS_ALERT_DIALOG (o)
#else
# define JM_ALERT_USES_ALERT_DIALOG 0
typedef AdwMessageDialog JmAlert;
# define JM_ALERT(o)   ADW_MESSAGE_DIALOG (o)
# define JM_IS_ALERT(o) ADW_IS_MESSAGE_DIALOG (o)
#endif

JmAlert    *jm_alert_new                     (const char            *heading,
                                              const char            *body);
void        jm_alert_add_response            (JmAlert               *alert,
                                              const char            *id,
                                              const char            *label);
void        jm_alert_set_response_appearance (JmAlert               *alert,
                                              const char            *id,
                                              AdwResponseAppearance  appearance);
void        jm_alert_set_default_response    (JmAlert               *alert,
                                              const char            *id);
void        jm_alert_set_close_response      (JmAlert               *alert,
                                              const char            *id);
void        jm_alert_set_extra_child         (JmAlert               *alert,
                                              GtkWidget             *child);
const char *jm_alert_get_heading             (JmAlert               *alert);
const char *jm_alert_get_body                (JmAlert               *alert);
void        jm_alert_present                 (JmAlert               *alert,
                                              GtkWidget             *parent);
void        jm_alert_respond                 (JmAlert               *alert,
                                              const char            *id);
void        jm_alert_close                   (JmAlert               *alert);
JmAlert    *jm_alert_show_error              (GtkWidget             *parent,
                                              const char            *heading,
                                              const GError          *error);
void        jm_alert_show_refusal            (GtkWidget             *widget,
                                              const GError          *error);
AdwToast   *jm_alert_new_toast               (const char            *message);

G_END_DECLS
