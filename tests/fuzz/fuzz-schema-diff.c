/* fuzz-schema-diff.c: the reader's verdict is the schema's
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `journeymap check` trusts the reader to check every rule of
 * data/jmap.rng. This target aborts when the reader's verdict on a file
 * (accepted with nothing forgiven, or not) differs from that of the schema
 * with the documented rules beyond it (tests/jm-schema-oracle.c), as
 * test-schema-diff does for a fixed set of variants.
 */

#include "fuzz-common.h"

#include "../jm-schema-oracle.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autofree char *oracle_reason = NULL;
  g_autofree char *check_reason = NULL;
  JmOracleVerdict oracle;
  gboolean check;

  oracle = jm_oracle_judge (input, &oracle_reason);
  if (oracle == JM_ORACLE_NO_VERDICT)
    return 0;

  check = jm_oracle_check_verdict (input, &check_reason);
  if ((oracle == JM_ORACLE_VALID) != check)
    {
      fprintf (stderr, "the schema and the documented rules say %s (%s), the reader says %s (%s)\n"
               "--- input ---\n%.*s\n",
               oracle == JM_ORACLE_VALID ? "valid" : "invalid", oracle_reason ? oracle_reason : "",
               check ? "valid" : "invalid", check_reason ? check_reason : "", (int) size,
               (const char *) data);
      abort ();
    }

  return 0;
}
