/* jm-xml-writer.h: a journey map to .jmap XML
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"

G_BEGIN_DECLS

GBytes *jm_xml_writer_write_bytes (JmDocument *document);
GBytes *jm_xml_writer_write_items (JmDocument *document,
                                   GPtrArray  *items);

G_END_DECLS
