/* jm-bench-core.c: one core operation on one map, timed inside the process
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jm-bench-core OPERATION MAP.jmap [OUTPUT]
 *
 *   load        file → document, as the window opens a map
 *   layout      load, then lay out the whole map as the canvas does first
 *   save        load, then save (atomically, as the window does) to OUTPUT
 *   relayout    load and lay out, then the median of 31 edits of a card's
 *               title, each with the layout brought up to date (what the
 *               canvas does after an edit, without drawing)
 *
 * Prints the milliseconds the operation took (the load is not counted in
 * the others) and exits without tearing down, like a process that is done.
 * Peak memory is read by the runner from the process's resource usage.
 */

#include <stdio.h>
#include <stdlib.h>

#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "io/jm-document-io.h"
#include "render/jm-layout.h"
#include "commands/jm-edit.h"

static JmDocument *
load_or_die (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  JmDocument *document = jm_document_io_load (file, NULL, NULL, &error);

  if (document == NULL)
    {
      g_printerr ("jm-bench-core: %s\n", error->message);
      exit (1);
    }
  return document;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
die_on_error (GError *error)
{
  if (error == NULL)
    return;
  g_printerr ("jm-bench-core: %s\n", error->message);
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  const char *operation;
  const char *output;
  JmDocument *document;
  gint64 start;

  if (argc < 3)
    {
      g_printerr ("usage: jm-bench-core load|layout|relayout|save|check-with-schema MAP.jmap [OUTPUT]\n");
      return 2;
    }
  operation = argv[1];
  output = argc > 3 ? argv[3] : NULL;

  /* What `journeymap check` did before the reader took over the schema's
   * rules: read the file, then validate it with libxml2's RELAX NG. */
  if (g_str_equal (operation, "check-with-schema"))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(JmDocument) checked = NULL;
      g_autoptr(GError) error = NULL;
      char *contents = NULL;
      gsize length;

      start = g_get_monotonic_time ();
      g_file_get_contents (argv[2], &contents, &length, &error);
      die_on_error (error);
      bytes = g_bytes_new_take (contents, length);
      checked = jm_xml_reader_read_bytes_full (bytes, argv[2], &notes, &error);
      die_on_error (error);
      problems = jm_schema_validate_bytes (bytes, argv[2], &error);
      die_on_error (error);
      printf ("%.2f\n", (g_get_monotonic_time () - start) / 1000.0);
      fflush (stdout);
      _exit (problems->len == 0 && notes->len == 0 ? 0 : 1);
    }

  start = g_get_monotonic_time ();
  document = load_or_die (argv[2]);

  if (g_str_equal (operation, "load"))
    ;
  else if (g_str_equal (operation, "layout"))
    {
      start = g_get_monotonic_time ();
      jm_layout_update (jm_layout_new (document, JM_LAYER_MODE_BOTH));
    }
  else if (g_str_equal (operation, "relayout"))
    {
      JmLayout *layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
      JmCommandStack *stack = jm_command_stack_new (document);
      JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
      double times[31];

      jm_layout_update (layout);
      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          /* cards all over the map, each edited once */
          JmItem *item = jm_object_store_get_object (items, i * 7919 % jm_object_store_get_n_objects (items));
          g_autofree char *title = g_strdup_printf ("Edited %u, a little longer than before", i);

          start = g_get_monotonic_time ();
          if (!jm_edit_set_string (stack, item, "title", title, 0, NULL))
            {
              g_printerr ("jm-bench-core: the edit was refused\n");
              return 1;
            }
          jm_layout_update (layout);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
      printf ("%.3f\n", times[G_N_ELEMENTS (times) / 2]);
      fflush (stdout);
      _exit (0);
    }
  else if (g_str_equal (operation, "save") && output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      jm_document_io_save (document, file, NULL, NULL, NULL, &error);
      die_on_error (error);
    }
  else
    {
      g_printerr ("jm-bench-core: unknown operation or missing output: %s\n", operation);
      return 2;
    }

  printf ("%.2f\n", (g_get_monotonic_time () - start) / 1000.0);
  fflush (stdout);
  _exit (0);
}
