/* jm-cli-diff.c: journeymap diff, also as git's diff driver and textconv
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-cli"

#include "config.h"

#include "jm-cli-teamwork.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "io/jm-document-io.h"
#include "merge/jm-diff.h"

/* Git runs an external diff driver with seven arguments: the path, then
 * the old file, its hash and mode, then the new file, its hash and mode.
 * An added or deleted file is /dev/null on its side. */
#define GIT_DRIVER_ARGS 7

/* Reads a map for diff, as `check` reads it: the same messages. Git's
 * /dev/null (a file added or deleted) is an empty map. */
static JmDocument *
jm_cli_diff_read (const char  *path,
                  gboolean     allow_empty,
                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JmDocument *document;

  if (allow_empty && g_str_equal (path, "/dev/null"))
    return jm_document_new ();

  file = g_file_new_for_commandline_arg (path);
  bytes = jm_document_io_read (file, path, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  document = jm_xml_reader_read_bytes (bytes, path, error);
  if (document != NULL && jm_document_get_format_minor (document) > JM_FORMAT_MINOR)
    g_printerr (_("%s: format 1.%d is newer than this version knows (1.%d); what it adds is not "
                  "compared.\n"),
                path, jm_document_get_format_minor (document), JM_FORMAT_MINOR);

  return document;
}

static int
jm_cli_diff_textconv (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_cli_diff_read (path, TRUE, &error);
  g_autofree char *outline = NULL;

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  outline = jm_diff_outline (document);
  g_print ("%s", outline);
  return 0;
}

/**
 * jm_cli_diff:
 *
 * journeymap diff [--stat] OLD NEW: the changes from OLD to NEW in words;
 * exits with 0 when the maps are the same, 1 when they differ, 2 on
 * error, as diff does. With the seven arguments of a git diff driver it
 * prints the changes under a header and exits with 0 (git stops at any
 * other status); with --textconv FILE it prints FILE's outline.
 */
int
jm_cli_diff (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) old_document = NULL;
  g_autoptr(JmDocument) new_document = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean stat = FALSE, textconv = FALSE, git = FALSE;
  const char *old_path, *new_path;
  GOptionEntry entries[] = {
    { "stat", 0, 0, G_OPTION_ARG_NONE, &stat, N_("Count the changes by kind instead of listing them"),
      NULL },
    { "textconv", 0, 0, G_OPTION_ARG_NONE, &textconv,
      N_("Print one map as an outline, one line per object (for git’s textconv)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("OLD.jmap NEW.jmap — what changed between two copies of a map"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Lists the stages, lanes, personas, items, emotion points, links, "
                                  "comments and map properties added, removed, moved or changed, "
                                  "in both states. Exits with 0 when the maps are the same, 1 when "
                                  "they differ, 2 on trouble."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("journeymap diff: %s\n", error->message);
      return 2;
    }

  if (textconv && argc == 2)
    return jm_cli_diff_textconv (argv[1]);

  git = argc == GIT_DRIVER_ARGS + 1;
  if (textconv || (argc != 3 && !git))
    {
      g_printerr (_("journeymap diff: usage: journeymap diff [--stat] OLD.jmap NEW.jmap, or "
                    "journeymap diff --textconv MAP.jmap\n"));
      return 2;
    }

  old_path = git ? argv[2] : argv[1];
  new_path = git ? argv[5] : argv[2];
  old_document = jm_cli_diff_read (old_path, git, &error);
  if (old_document != NULL)
    new_document = jm_cli_diff_read (new_path, git, &error);
  if (new_document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  changes = jm_diff_documents (old_document, new_document);
  if (git)
    g_print ("journeymap diff a/%s b/%s\n", argv[1], argv[1]);

  if (stat)
    {
      g_autofree char *counts = jm_diff_format_stat (changes);

      g_print ("%s", counts);
    }
  else
    {
      for (guint i = 0; i < changes->len; i++)
        g_print ("%s\n", ((JmChange *) g_ptr_array_index (changes, i))->sentence);
    }

  if (git)
    return 0;

  return changes->len == 0 ? 0 : 1;
}
