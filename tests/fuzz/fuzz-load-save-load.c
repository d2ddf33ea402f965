/* fuzz-load-save-load.c: whatever loads saves and loads again, the same
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map that the reader accepts must be written by the writer into a file
 * that the reader accepts again and that the writer writes out byte for
 * byte the same (the writer is canonical): a designer who opens and saves
 * a file from anyone can always open it again, unchanged.
 */

#include "fuzz-common.h"

static JmDocument *
read_or_abort (GBytes     *bytes,
               const char *what)
{
  g_autoptr(GError) error = NULL;
  JmDocument *document = jm_xml_reader_read_bytes (bytes, what, &error);

  if (document == NULL)
    {
      fprintf (stderr, "%s\n--- saved file ---\n%.*s\n", error->message,
               (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
      abort ();
    }
  return document;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(JmDocument) first = jm_xml_reader_read_bytes (input, "fuzz.jmap", NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(JmDocument) second = NULL;

  if (first == NULL)
    return 0;

  saved = jm_xml_writer_write_bytes (first);
  second = read_or_abort (saved, "saved.jmap");
  saved_again = jm_xml_writer_write_bytes (second);
  if (!g_bytes_equal (saved, saved_again))
    {
      fprintf (stderr, "--- saved ---\n%.*s\n--- saved again ---\n%.*s\n",
               (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL),
               (int) g_bytes_get_size (saved_again), (const char *) g_bytes_get_data (saved_again, NULL));
      abort ();
    }

  return 0;
}
