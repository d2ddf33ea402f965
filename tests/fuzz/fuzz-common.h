/* fuzz-common.h: what every fuzz target needs
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
silence_libxml (void       *context,
                const char *message,
                ...)
{
}

/* libxml2 is not instrumented; its messages about bad input would only
 * flood the fuzzer's output. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xmlSetGenericErrorFunc (NULL, silence_libxml);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}
