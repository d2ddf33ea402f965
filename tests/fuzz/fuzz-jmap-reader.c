/* fuzz-jmap-reader.c: the .jmap reader on any bytes
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the input, the reader returns a document or an error that
 * names the file: never a crash, a hang or a leak (ASan, UBSan).
 */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_xml_reader_read_bytes (bytes, "fuzz.jmap", &error);

  g_assert ((document == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_str_has_prefix (error->message, "fuzz.jmap"));

  return 0;
}
