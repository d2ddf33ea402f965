/* jm-alert.h: a question or a message over a window, on every libadwaita
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

static inline JmAlert *
jm_alert_new (const char *heading,
              const char *body)
{
#if JM_ALERT_USES_ALERT_DIALOG
  return ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
#else
  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, heading, body));
#endif
}

static inline void
jm_alert_add_response (JmAlert    *alert,
                       const char *id,
                       const char *label)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_add_response (alert, id, label);
#else
  adw_message_dialog_add_response (alert, id, label);
#endif
}

static inline void
jm_alert_set_response_appearance (JmAlert           *alert,
                                  const char        *id,
                                  AdwResponseAppearance appearance)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_set_response_appearance (alert, id, appearance);
#else
  adw_message_dialog_set_response_appearance (alert, id, appearance);
#endif
}

static inline void
jm_alert_set_default_response (JmAlert    *alert,
                               const char *id)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_set_default_response (alert, id);
#else
  adw_message_dialog_set_default_response (alert, id);
#endif
}

static inline void
jm_alert_set_close_response (JmAlert    *alert,
                             const char *id)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_set_close_response (alert, id);
#else
  adw_message_dialog_set_close_response (alert, id);
#endif
}

static inline const char *
jm_alert_get_heading (JmAlert *alert)
{
#if JM_ALERT_USES_ALERT_DIALOG
  return adw_alert_dialog_get_heading (alert);
#else
  return adw_message_dialog_get_heading (alert);
#endif
}

static inline const char *
jm_alert_get_body (JmAlert *alert)
{
#if JM_ALERT_USES_ALERT_DIALOG
  return adw_alert_dialog_get_body (alert);
#else
  return adw_message_dialog_get_body (alert);
#endif
}

/* Shows @alert over @parent (any widget of a window, or NULL). */
static inline void
jm_alert_present (JmAlert   *alert,
                  GtkWidget *parent)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
    }
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/* Gives the response @id, as a click on its button would (for tests). */
static inline void
jm_alert_respond (JmAlert    *alert,
                  const char *id)
{
#if JM_ALERT_USES_ALERT_DIALOG
  g_object_ref (alert);
  g_signal_emit_by_name (alert, "response", id);
  adw_dialog_force_close (ADW_DIALOG (alert));
  g_object_unref (alert);
#else
  adw_message_dialog_response (alert, id);
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
}

/* Closes @alert without a response. */
static inline void
jm_alert_close (JmAlert *alert)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_dialog_force_close (ADW_DIALOG (alert));
#else
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
}

G_END_DECLS
