/* main.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journeymap"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cli/jm-cli.h"
#include "ui/jm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JmApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib makes the C locale its number parsers use on their first call; a
   * thread that waits for another there comes back with errno set, which
   * g_ascii_string_to_unsigned () and the like take for a failure (issue
   * #21). Made here, before any worker, it is made once and alone. */
  (void) g_ascii_strtoull ("0", NULL, 10);

  /* Headless commands (check, export) must work without a display, so they
   * are dispatched before GTK is ever initialised. */
  if (argc > 1 && jm_cli_is_command (argv[1]))
    return jm_cli_run (argc, argv);

  app = jm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
