/* jm-cli.c: the headless sub-commands of the journeymap binary
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-cli"

#include "config.h"

#include "jm-cli.h"
#include "jm-cli-teamwork.h"
#include "jm-cli-import.h"
#include "jm-cli-insights.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <stdio.h>

#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "export/jm-export.h"
#include "io/jm-document-io.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} JmCliCommand;

static int jm_cli_check  (int argc, char **argv);
static int jm_cli_export (int argc, char **argv);

static const JmCliCommand commands[] = {
  { "check", jm_cli_check },
  { "export", jm_cli_export },
  { "diff", jm_cli_diff },
  { "merge", jm_cli_merge },
  { "import", jm_cli_import },
  { "insights", jm_cli_insights },
  { NULL, NULL },
};

/* Reads a file for the command line as the window reads it (the same
 * checks, the same messages), naming it by the path as typed. */
static GBytes *
jm_cli_read_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return jm_document_io_read (file, path, NULL, NULL, error);
}

/* One file of `check`: what it prints, kept until the files before it
 * are printed, so that each file's lines stay together and in order. */
typedef struct
{
  const char *path;
  GString    *out;
  GString    *err;
  gboolean    valid;
  gboolean    done;
} JmCliCheck;

/* The reader checks every rule of the schema (data/jmap.rng stays its
 * oracle in the tests) and those beyond it: no second pass over the file
 * with libxml2's RELAX NG, which took 40 times as long as reading it. */
static gboolean
jm_cli_check_file (const char *path,
                   GString    *out,
                   GString    *err)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = jm_cli_read_file (path, &error);
  if (bytes != NULL)
    document = jm_xml_reader_read_bytes_full (bytes, path, &notes, &error);
  if (document == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return FALSE;
    }

  /* What the reader took although the schema does not, at its line. */
  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (err, "%s\n", (const char *) g_ptr_array_index (notes, i));

  /* A newer minor version may use what this version does not know; the
   * reader has checked and kept it. */
  if (jm_document_get_format_minor (document) > JM_FORMAT_MINOR && notes->len == 0)
    g_string_append_printf (out, _("%s: format 1.%d is newer than this version knows (1.%d); checked "
                                   "without the schema, and what is new will be kept on save.\n"),
                            path, jm_document_get_format_minor (document), JM_FORMAT_MINOR);

  return notes->len == 0;
}

typedef struct
{
  JmCliCheck *checks;
  guint       n_checks;
  guint       next;     /* atomic: the next file to take */
  GMutex      mutex;
  GCond       cond;
} JmCliCheckRun;

static gpointer
jm_cli_check_worker (gpointer data)
{
  JmCliCheckRun *run = data;
  guint i;

  while ((i = (guint) g_atomic_int_add ((int *) &run->next, 1)) < run->n_checks)
    {
      JmCliCheck *check = &run->checks[i];
      gboolean valid = jm_cli_check_file (check->path, check->out, check->err);

      g_mutex_lock (&run->mutex);
      check->valid = valid;
      check->done = TRUE;
      g_cond_broadcast (&run->cond);
      g_mutex_unlock (&run->mutex);
    }

  return NULL;
}

/* Checks @paths on every core (a repository of maps: `check *.jmap`),
 * printing each file's lines as soon as the files before it are done. */
static gboolean
jm_cli_check_files (char **paths,
                    guint  n_paths)
{
  JmCliCheckRun run = { NULL, n_paths, 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads = MIN (n_paths, (guint) MAX (1, g_get_num_processors ()));
  gboolean all_valid = TRUE;

  run.checks = g_new0 (JmCliCheck, n_paths);
  for (guint i = 0; i < n_paths; i++)
    {
      run.checks[i].path = paths[i];
      run.checks[i].out = g_string_new (NULL);
      run.checks[i].err = g_string_new (NULL);
    }
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);
  /* libxml2 2.9 sets up its globals on first use; not from two threads. */
  xmlInitParser ();

  /* This thread prints; the others check (one file needs no thread). */
  for (guint i = 0; n_paths > 1 && i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("check", jm_cli_check_worker, &run));
  if (n_paths == 1)
    jm_cli_check_worker (&run);

  for (guint i = 0; i < n_paths; i++)
    {
      JmCliCheck *check = &run.checks[i];

      g_mutex_lock (&run.mutex);
      while (!check->done)
        g_cond_wait (&run.cond, &run.mutex);
      g_mutex_unlock (&run.mutex);

      /* Through GLib's print functions, as before: they convert to the
       * console's character set. */
      if (check->out->len > 0)
        g_print ("%s", check->out->str);
      if (check->err->len > 0)
        g_printerr ("%s", check->err->str);
      all_valid = all_valid && check->valid;
      g_string_free (check->out, TRUE);
      g_string_free (check->err, TRUE);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);
  g_free (run.checks);
  return all_valid;
}

static int
jm_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("FILE… — check that journey maps are valid"));
  g_option_context_set_summary (context,
                                _("Prints each problem as FILE:LINE: message. "
                                  "Exits with 0 only when every file is valid."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("journeymap check: %s\n", error->message);
      return 2;
    }

  if (argc < 2)
    {
      g_printerr (_("journeymap check: name at least one file to check\n"));
      return 2;
    }

  return jm_cli_check_files (argv + 1, (guint) argc - 1) ? 0 : 1;
}

static gboolean
jm_cli_parse_choice (const char  *option,
                     const char  *value,
                     const char **choices,
                     int         *out,
                     GError     **error)
{
  g_autofree char *list = NULL;

  if (value == NULL)
    return TRUE;

  for (int i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (value, choices[i]))
        {
          *out = i;
          return TRUE;
        }
    }

  list = g_strjoinv (", ", (char **) choices);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--%s must be one of %s, not “%s”"), option, list, value);
  return FALSE;
}

static gboolean
jm_cli_export_options (const char       *layer,
                       const char       *background,
                       const char       *theme,
                       const char       *scale,
                       JmExportOptions  *options,
                       GError          **error)
{
  static const char *layers[] = { "current", "future", "both", NULL };
  static const char *backgrounds[] = { "white", "transparent", NULL };
  static const char *themes[] = { "light", "dark", NULL };
  int mode = JM_LAYER_MODE_CURRENT, transparent = 0, dark = 0;

  jm_export_options_init (options);

  if (!jm_cli_parse_choice ("layer", layer, layers, &mode, error) ||
      !jm_cli_parse_choice ("background", background, backgrounds, &transparent, error) ||
      !jm_cli_parse_choice ("theme", theme, themes, &dark, error))
    return FALSE;

  if (scale != NULL)
    {
      char *end = NULL;

      options->scale = g_ascii_strtod (scale, &end);
      if (end == scale || *end != '\0' || !(options->scale > 0) || options->scale > JM_EXPORT_MAX_SCALE)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--scale must be a number above 0 and at most %g, not “%s”"),
                       JM_EXPORT_MAX_SCALE, scale);
          return FALSE;
        }
    }

  options->mode = mode;
  options->transparent = transparent == 1;
  options->theme = dark == 1 ? JM_THEME_DARK : JM_THEME_LIGHT;
  return TRUE;
}

static int
jm_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *background = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *view = NULL;
  gboolean bom = FALSE;
  gboolean handout = FALSE;
  gboolean comments = FALSE;
  gboolean no_comments = FALSE;
  g_autofree char *paper = NULL;
  g_autofree char *orientation = NULL;
  int view_index = JM_EXPORT_VIEW_MAP;
  static const char *views[] = { "map", "matrix", NULL };
  JmExportOptions options;
  JmExportFormat format;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Where to write the export; its extension (.png, .svg, .pdf, .jmap, .mmd, .csv) sets "
         "the format"),
      N_("FILE") },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &layer,
      N_("Which state to draw: current, future, or both compared"), N_("LAYER") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale,
      N_("Pixels per map unit for PNG (default 1; 2 for HiDPI)"), N_("N") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &background,
      N_("white (default) or transparent"), N_("BACKGROUND") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("light (default) or dark"), N_("THEME") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Start a CSV export with a byte order mark, which spreadsheet programs need"), NULL },
    { "handout", 0, 0, G_OPTION_ARG_NONE, &handout,
      N_("Write a handout to a .pdf: a cover with the map and its personas, then a page per stage"),
      NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("What a PNG, SVG or PDF shows: map (default), or matrix, the opportunities by value and "
         "effort"), N_("VIEW") },
    { "comments", 0, 0, G_OPTION_ARG_NONE, &comments,
      N_("Show the count of open comments and merge conflicts on cards (PNG, SVG, PDF); a handout "
         "also lists each stage's open comments"), NULL },
    { "no-comments", 0, 0, G_OPTION_ARG_NONE, &no_comments,
      N_("Write a .jmap copy without the review comments"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("The page of a PDF: map (its own size, the default), a4, a3 or letter, the map fitted on it"),
      N_("PAPER") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation,
      N_("How that paper is turned: landscape (default) or portrait"), N_("ORIENTATION") },
    { NULL }
  };

  context = g_option_context_new (_("MAP.jmap -o OUTPUT — export a journey map"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Exports to PNG, SVG or PDF with the renderer of the "
                                           "window, or writes a normalised .jmap copy."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("journeymap export: %s\n", error->message);
      return 2;
    }

  if (argc != 2 || output_path == NULL)
    {
      g_printerr (_("journeymap export: usage: journeymap export MAP.jmap -o OUTPUT "
                    "[--layer current|future|both] [--scale N] [--background white|transparent] "
                    "[--theme light|dark] [--handout] [--comments | --no-comments] "
                    "[--paper map|a4|a3|letter] [--orientation portrait|landscape]\n"));
      return 2;
    }

  if (!jm_export_format_for_path (output_path, &format, &error) ||
      !jm_cli_export_options (layer, background, theme, scale, &options, &error) ||
      !jm_cli_parse_choice ("view", view, views, &view_index, &error))
    {
      g_printerr ("journeymap export: %s\n", error->message);
      return 2;
    }
  options.bom = bom;
  if (handout)
    {
      if (format != JM_EXPORT_FORMAT_PDF)
        {
          g_printerr (_("journeymap export: a handout is a PDF: name a file ending in .pdf\n"));
          return 2;
        }
      format = JM_EXPORT_FORMAT_HANDOUT;
    }
  options.view = view_index;
  if (options.view == JM_EXPORT_VIEW_MATRIX && format != JM_EXPORT_FORMAT_PNG && format != JM_EXPORT_FORMAT_SVG &&
      format != JM_EXPORT_FORMAT_PDF)
    {
      g_printerr (_("journeymap export: the priority matrix is a picture: export it to PNG, SVG or PDF\n"));
      return 2;
    }

  /* Each flag is for the formats it changes: a flag that would change
   * nothing is refused rather than ignored. */
  if (comments && format != JM_EXPORT_FORMAT_PNG && format != JM_EXPORT_FORMAT_SVG &&
      format != JM_EXPORT_FORMAT_PDF && format != JM_EXPORT_FORMAT_HANDOUT)
    {
      g_printerr (_("journeymap export: --comments draws comments on a picture: export to PNG, SVG or PDF\n"));
      return 2;
    }
  if (no_comments && format != JM_EXPORT_FORMAT_JMAP)
    {
      g_printerr (_("journeymap export: --no-comments leaves comments out of a .jmap copy: name a file "
                    "ending in .jmap\n"));
      return 2;
    }
  options.comments = comments;
  options.leave_out_comments = no_comments;

  /* The same paper as the export dialog's, for a PDF of the map alone. */
  if (paper != NULL && !jm_export_paper_from_string (paper, &options.paper))
    {
      g_printerr (_("journeymap export: --paper must be map, a4, a3 or letter, not “%s”\n"), paper);
      return 2;
    }
  if (orientation != NULL && !jm_export_orientation_from_string (orientation, &options.orientation))
    {
      g_printerr (_("journeymap export: --orientation must be portrait or landscape, not “%s”\n"), orientation);
      return 2;
    }
  if ((paper != NULL || orientation != NULL) &&
      (format != JM_EXPORT_FORMAT_PDF || options.view != JM_EXPORT_VIEW_MAP))
    {
      g_printerr (_("journeymap export: --paper and --orientation set the page of a PDF of the map: "
                    "name a file ending in .pdf\n"));
      return 2;
    }
  if (orientation != NULL && options.paper == JM_EXPORT_PAPER_MAP)
    {
      g_printerr (_("journeymap export: --orientation turns a sheet of paper: choose one with --paper\n"));
      return 2;
    }

  bytes = jm_cli_read_file (argv[1], &error);
  if (bytes != NULL)
    document = jm_xml_reader_read_bytes (bytes, argv[1], &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  out_file = g_file_new_for_commandline_arg (output_path);
  if (!jm_export_to_file (document, out_file, format, &options, &error))
    {
      g_printerr ("%s: %s\n", output_path, error->message);
      return 1;
    }

  return 0;
}

static const JmCliCommand *
jm_cli_find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

gboolean
jm_cli_is_command (const char *name)
{
  return jm_cli_find_command (name) != NULL;
}

int
jm_cli_run (int    argc,
            char **argv)
{
  const JmCliCommand *command;

  g_return_val_if_fail (argc > 1, 2);

  command = jm_cli_find_command (argv[1]);
  g_return_val_if_fail (command != NULL, 2);

  return command->run (argc - 1, argv + 1);
}
