/* jm-xml-reader.h: .jmap XML to a journey map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"

G_BEGIN_DECLS

JmDocument *jm_xml_reader_read_bytes (GBytes      *bytes,
                                      const char  *display_name,
                                      GError     **error);
JmDocument *jm_xml_reader_read_bytes_full (GBytes      *bytes,
                                           const char  *display_name,
                                           GPtrArray  **notes,
                                           GError     **error);

G_END_DECLS
