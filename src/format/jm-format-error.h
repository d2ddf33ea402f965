/* jm-format-error.h: what can be wrong with a .jmap file
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JM_FORMAT_ERROR (jm_format_error_quark ())

/**
 * JmFormatError:
 * @JM_FORMAT_ERROR_EMPTY: the file is empty
 * @JM_FORMAT_ERROR_MALFORMED: not well-formed XML (not XML, truncated, …)
 * @JM_FORMAT_ERROR_ENCODING: not valid UTF-8, or characters XML forbids
 * @JM_FORMAT_ERROR_DOCTYPE: a DOCTYPE, which could hide entity bombs or
 *   read local files, and which a .jmap never needs
 * @JM_FORMAT_ERROR_WRONG_ROOT: XML, but not a journey map
 * @JM_FORMAT_ERROR_UNSUPPORTED_VERSION: a newer major version of the format
 * @JM_FORMAT_ERROR_INVALID: an element or attribute is missing, unknown or
 *   has a value the format does not allow
 * @JM_FORMAT_ERROR_NUMBER: a number that is not finite or out of range
 * @JM_FORMAT_ERROR_DUPLICATE_ID: two objects with the same id
 * @JM_FORMAT_ERROR_DANGLING_REFERENCE: a reference to an id that does not exist
 * @JM_FORMAT_ERROR_TOO_LARGE: the file or a value in it is larger than allowed
 */
typedef enum
{
  JM_FORMAT_ERROR_EMPTY,
  JM_FORMAT_ERROR_MALFORMED,
  JM_FORMAT_ERROR_ENCODING,
  JM_FORMAT_ERROR_DOCTYPE,
  JM_FORMAT_ERROR_WRONG_ROOT,
  JM_FORMAT_ERROR_UNSUPPORTED_VERSION,
  JM_FORMAT_ERROR_INVALID,
  JM_FORMAT_ERROR_NUMBER,
  JM_FORMAT_ERROR_DUPLICATE_ID,
  JM_FORMAT_ERROR_DANGLING_REFERENCE,
  JM_FORMAT_ERROR_TOO_LARGE,
} JmFormatError;

GQuark jm_format_error_quark (void);

G_END_DECLS
