/* jm-cli-import.c: `journeymap import IN.mmd|.md|.csv -o OUT.jmap`
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-cli"

#include "config.h"

#include "jm-cli-import.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "export/jm-export.h"
#include "interop/jm-interop.h"
#include "io/jm-document-io.h"

int
jm_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *output_path = NULL;
  JmInteropReadFunc read;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("The journey map to write (.jmap)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("IN.mmd|IN.md|IN.csv -o OUT.jmap — make a journey map of a "
                                    "Mermaid journey or a spreadsheet"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Prints what Mermaid would read differently as "
                                           "FILE:LINE: message; writes nothing when the file is "
                                           "refused."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("journeymap import: %s\n", error->message);
      return 2;
    }

  if (argc != 2 || output_path == NULL || !g_str_has_suffix (output_path, ".jmap"))
    {
      g_printerr (_("journeymap import: usage: journeymap import IN.mmd|IN.md|IN.csv -o OUT.jmap\n"));
      return 2;
    }

  read = jm_interop_reader_for_name (argv[1]);
  if (read == NULL)
    {
      g_printerr (_("journeymap import: “%s” is not a file Journeymap imports; use a name ending "
                    "in .mmd, .md or .csv\n"), argv[1]);
      return 2;
    }

  in_file = g_file_new_for_commandline_arg (argv[1]);
  bytes = jm_document_io_read (in_file, argv[1], NULL, NULL, &error);
  if (bytes != NULL)
    document = read (bytes, argv[1], &notes, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < notes->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (notes, i));

  out_file = g_file_new_for_commandline_arg (output_path);
  if (!jm_export_to_file (document, out_file, JM_EXPORT_FORMAT_JMAP, NULL, &error))
    {
      g_printerr ("%s: %s\n", output_path, error->message);
      return 1;
    }

  return 0;
}
