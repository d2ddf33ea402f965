/* jm-cli-merge.c: journeymap merge, also as git's merge driver
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-cli"

#include "config.h"

#include "jm-cli-teamwork.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "merge/jm-merge.h"

/* Git hands a merge driver an empty file as the base when both branches
 * added the file: that base is an empty map. */
static JmDocument *
jm_cli_merge_read (const char  *path,
                   gboolean     is_base,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = jm_document_io_read (file, path, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;
  if (is_base && g_bytes_get_size (bytes) == 0)
    return jm_document_new ();

  return jm_xml_reader_read_bytes (bytes, path, error);
}

/**
 * jm_cli_merge:
 *
 * journeymap merge BASE OURS THEIRS -o OUT: merges the changes of THEIRS
 * since BASE into OURS and writes OUT, which always opens; prints each
 * conflict and exits with 1 when there are some, 0 when none, 2 on
 * trouble, having written nothing.
 */
int
jm_cli_merge (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) base = NULL;
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmMergeResult) result = NULL;
  g_autoptr(JmDocument) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *output_path = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Where to write the merged map (may be OURS, as git’s merge driver does)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("BASE.jmap OURS.jmap THEIRS.jmap -o OUT.jmap — three-way merge of a map"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Merges the changes of THEIRS since BASE, their common ancestor, into "
                                  "OURS, per object and per property. A property both changed differently, "
                                  "or an object one removed and the other changed, keeps ours and records "
                                  "theirs on the object as a conflict. Exits with 0 without conflicts, 1 "
                                  "with conflicts (each listed), 2 on trouble, writing nothing."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("journeymap merge: %s\n", error->message);
      return 2;
    }

  if (argc != 4 || output_path == NULL)
    {
      g_printerr (_("journeymap merge: usage: journeymap merge BASE.jmap OURS.jmap THEIRS.jmap -o OUT.jmap\n"));
      return 2;
    }

  base = jm_cli_merge_read (argv[1], TRUE, &error);
  if (base != NULL)
    ours = jm_cli_merge_read (argv[2], FALSE, &error);
  if (ours != NULL)
    theirs = jm_cli_merge_read (argv[3], FALSE, &error);
  if (theirs == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  result = jm_merge_documents (base, ours, theirs, &error);
  if (result == NULL)
    {
      g_printerr ("journeymap merge: %s\n", error->message);
      return 2;
    }

  /* The result must open again before it replaces anything. */
  bytes = jm_xml_writer_write_bytes (result->document);
  check = jm_xml_reader_read_bytes (bytes, output_path, &error);
  if (check == NULL)
    {
      g_printerr (_("journeymap merge: the merged map would not open again, so nothing was written: %s\n"),
                  error->message);
      return 2;
    }

  out_file = g_file_new_for_commandline_arg (output_path);
  if (!jm_document_io_save_bytes (bytes, out_file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", output_path, error->message);
      return 2;
    }

  g_hash_table_iter_init (&iter, result->renamed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_print (_("Both copies added “%s” for different things: theirs is now “%s”.\n"),
             (const char *) key, (const char *) value);

  for (guint i = 0; i < result->conflicts->len; i++)
    g_print ("%s\n", ((JmMergeConflict *) g_ptr_array_index (result->conflicts, i))->sentence);

  return result->conflicts->len > 0 ? 1 : 0;
}
