/* jm-schema-oracle.h: the verdict of the schema and the documented rules,
 * to hold the reader's own checks against
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JM_ORACLE_VALID,
  JM_ORACLE_INVALID,
  /* A newer minor version: the 1.0 schema is no judge of it. */
  JM_ORACLE_NO_VERDICT,
} JmOracleVerdict;

JmOracleVerdict jm_oracle_judge        (GBytes      *bytes,
                                        char       **reason);
gboolean        jm_oracle_check_verdict (GBytes     *bytes,
                                         char      **reason);
GPtrArray      *jm_oracle_mutate       (GBytes      *valid,
                                        guint32      seed,
                                        guint        n_variants);
GPtrArray      *jm_oracle_value_variants (GBytes     *valid);

G_END_DECLS
