/* jm-cli-insights.c: journeymap insights, a map's figures and checks
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-cli"

#include "config.h"

#include "jm-cli-insights.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "format/jm-xml-reader.h"
#include "insights/jm-insights.h"
#include "io/jm-document-io.h"

/**
 * jm_cli_insights:
 *
 * journeymap insights MAP [--layer current|future] [--format text|json|csv]:
 * prints the map's figures per stage and persona and its completeness
 * checks. Exits with 0 when it printed them, 1 when the map cannot be
 * read, 2 on a usage error, as export does.
 */
int
jm_cli_insights (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmInsights) insights = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  JmLayerState state = JM_LAYER_STATE_CURRENT;
  GOptionEntry entries[] = {
    { "layer", 0, 0, G_OPTION_ARG_STRING, &layer, N_("The state whose figures to compute (default: current)"),
      "current|future" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("How to print them (default: text)"), "text|json|csv" },
    { NULL }
  };

  context = g_option_context_new (_("MAP.jmap — figures and completeness checks of a map"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints, per stage and persona, the mean, lowest and highest emotion "
                                  "score and the share of points above zero; the pain points, "
                                  "opportunities and touchpoints per stage; the lowest moments, the "
                                  "touchpoints per channel, the Moments of Truth; what the map still "
                                  "lacks; and how the future state changes the current one."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("journeymap insights: %s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      g_printerr (_("journeymap insights: usage: journeymap insights MAP.jmap [--layer current|future] "
                    "[--format text|json|csv]\n"));
      return 2;
    }

  if (layer != NULL && g_str_equal (layer, "future"))
    state = JM_LAYER_STATE_FUTURE;
  else if (layer != NULL && !g_str_equal (layer, "current"))
    {
      g_printerr (_("journeymap insights: --layer must be one of current, future, not “%s”\n"), layer);
      return 2;
    }

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "csv"))
    {
      g_printerr (_("journeymap insights: --format must be one of text, json, csv, not “%s”\n"), format);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  bytes = jm_document_io_read (file, argv[1], NULL, NULL, &error);
  if (bytes != NULL)
    document = jm_xml_reader_read_bytes (bytes, argv[1], &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  insights = jm_insights_compute (document, state);
  if (format != NULL && g_str_equal (format, "json"))
    out = jm_insights_format_json (insights);
  else if (format != NULL && g_str_equal (format, "csv"))
    out = jm_insights_format_csv (insights);
  else
    out = jm_insights_format_text (insights);

  /* fwrite, not g_print: the CSV's line ends and any text stay as they are */
  fwrite (out, 1, strlen (out), stdout);
  return 0;
}
