/* fuzz-round-trip.c: whatever loads saves and loads again to the same map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-load-save-load checks that the saved file opens and saves byte for
 * byte the same; this one checks that it holds what the file held: the
 * map read from the saved file equals the map read from the input, value
 * by value, extensions included (a namespace lost on save moves an
 * extension, and the second save is then stable but wrong).
 */

#include "fuzz-common.h"

#include "../jm-document-compare.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(JmDocument) first = jm_xml_reader_read_bytes (input, "fuzz.jmap", NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JmDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *differs;

  if (first == NULL)
    return 0;

  saved = jm_xml_writer_write_bytes (first);
  second = jm_xml_reader_read_bytes (saved, "saved.jmap", &error);
  differs = second == NULL ? error->message : jm_test_documents_differ (first, second);
  if (differs != NULL)
    {
      fprintf (stderr, "the saved map differs (%s)\n--- input ---\n%.*s\n--- saved ---\n%.*s\n", differs,
               (int) size, (const char *) data,
               (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL));
      abort ();
    }

  return 0;
}
