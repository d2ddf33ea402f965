/* jm-alert.c: a question or a message over a window, on every libadwaita
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-alert.h"

#include "jm-accessibility.h"

#include <glib/gi18n-lib.h>

JmAlert *
jm_alert_new (const char *heading,
              const char *body)
{
#if JM_ALERT_USES_ALERT_DIALOG
  return ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
#else
  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, heading, body));
#endif
}

void
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

void
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

void
jm_alert_set_default_response (JmAlert    *alert,
                               const char *id)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_set_default_response (alert, id);
#else
  adw_message_dialog_set_default_response (alert, id);
#endif
}

void
jm_alert_set_close_response (JmAlert    *alert,
                             const char *id)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_set_close_response (alert, id);
#else
  adw_message_dialog_set_close_response (alert, id);
#endif
}

const char *
jm_alert_get_heading (JmAlert *alert)
{
#if JM_ALERT_USES_ALERT_DIALOG
  return adw_alert_dialog_get_heading (alert);
#else
  return adw_message_dialog_get_heading (alert);
#endif
}

const char *
jm_alert_get_body (JmAlert *alert)
{
#if JM_ALERT_USES_ALERT_DIALOG
  return adw_alert_dialog_get_body (alert);
#else
  return adw_message_dialog_get_body (alert);
#endif
}

/* A widget under the body, such as an entry for a name. */
void
jm_alert_set_extra_child (JmAlert   *alert,
                          GtkWidget *child)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_alert_dialog_set_extra_child (alert, child);
#else
  adw_message_dialog_set_extra_child (alert, child);
#endif
}

/* Shows @alert over @parent (any widget of a window, or NULL). */
void
jm_alert_present (JmAlert   *alert,
                  GtkWidget *parent)
{
#if JM_ALERT_USES_ALERT_DIALOG
  /* Its responses are all added by now. */
  jm_accessibility_name_mnemonic_buttons (GTK_WIDGET (alert));
  jm_accessibility_init_template (GTK_WIDGET (alert));
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  /* Its responses are all added by now. */
  jm_accessibility_name_mnemonic_buttons (GTK_WIDGET (alert));
  jm_accessibility_init_template (GTK_WIDGET (alert));

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
    }
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/* Gives the response @id, as a click on its button would (for tests). */
void
jm_alert_respond (JmAlert    *alert,
                  const char *id)
{
#if JM_ALERT_USES_ALERT_DIALOG
  /* A dialog that closes emits its close response: made @id, the closing
   * gives the one response a click gives. Emitting "response" and then
   * closing gave a second one, the close response ("cancel"), which
   * undid what the first had started. */
  g_object_ref (alert);
  adw_alert_dialog_set_close_response (alert, id);
  adw_dialog_force_close (ADW_DIALOG (alert));
  g_object_unref (alert);
#else
  adw_message_dialog_response (alert, id);
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
}

/* Closes @alert without a response. */
void
jm_alert_close (JmAlert *alert)
{
#if JM_ALERT_USES_ALERT_DIALOG
  adw_dialog_force_close (ADW_DIALOG (alert));
#else
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
}

/**
 * jm_alert_show_error:
 * @parent: (nullable): any widget of the window the error is about
 * @heading: what could not be done, as a title ("Could Not Save …")
 * @error: why, in the words of whoever refused
 *
 * How every part of the window tells the user that something failed: an
 * alert with @heading over the message of @error, and a Close button.
 * Nothing is shown for a cancelled operation, which the user asked for.
 *
 * Returns: (transfer none) (nullable): the alert shown, or %NULL
 */
JmAlert *
jm_alert_show_error (GtkWidget    *parent,
                     const char   *heading,
                     const GError *error)
{
  JmAlert *alert;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  alert = jm_alert_new (heading, error->message);
  jm_alert_add_response (alert, "close", _("_Close"));
  jm_alert_present (alert, parent);

  return alert;
}

/**
 * jm_alert_new_toast:
 * @message: plain text, such as a file's name in a sentence
 *
 * A toast that shows @message as it is: a toast's title is Pango markup,
 * in which a name such as “R&D.png” would not parse and show nothing.
 *
 * Returns: (transfer full): the new toast
 */
AdwToast *
jm_alert_new_toast (const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  escaped = g_markup_escape_text (message, -1);
  return adw_toast_new (escaped);
}

/**
 * jm_alert_show_refusal:
 * @widget: the widget whose edit was refused
 * @error: why
 *
 * How a part of the window says that an edit made there directly (a drop,
 * a drag, a key) was refused: a toast with the reason over the window, as
 * the user is in the middle of working; an alert if no toast overlay holds
 * @widget. A cancelled edit says nothing.
 */
void
jm_alert_show_refusal (GtkWidget    *widget,
                       const GError *error)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_error_bell (widget);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      jm_alert_show_error (widget, _("Could Not Make the Change"), error);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), jm_alert_new_toast (error->message));
}
