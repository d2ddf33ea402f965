/* jm-format-error.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-format"

#include "config.h"

#include "jm-format-error.h"

G_DEFINE_QUARK (jm-format-error-quark, jm_format_error)
