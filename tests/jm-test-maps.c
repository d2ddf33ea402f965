/* jm-test-maps.c: maps for the tests, read or the test fails
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "format/jm-xml-reader.h"

#include "jm-test-maps.h"

/* Reads the map at @path, which must be valid. */
JmDocument *
jm_test_load_map (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = jm_xml_reader_read_bytes (bytes, name, &error);
  g_assert_no_error (error);

  return document;
}

/* Reads data/examples/@name from the source tree (JM_SOURCE_ROOT). */
JmDocument *
jm_test_load_example (const char *name)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);

  return jm_test_load_map (path);
}
