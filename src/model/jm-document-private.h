/* jm-document-private.h: for the reader, the writer and the commands
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-document.h"
#include "jm-object-private.h"

G_BEGIN_DECLS

/* The format version a document was read with: a newer minor version is
 * written back as it came, with the elements this version does not know. */
typedef struct
{
  int major;
  int minor;
} JmFormatVersion;

struct _JmDocument
{
  GObject          parent_instance;

  char            *title;
  char            *description;
  char            *author;
  GDateTime       *created;
  GDateTime       *modified;
  int              rank;
  int              max_length_days;

  JmObjectStore   *personas;
  JmObjectStore   *stages;
  JmObjectStore   *lanes;
  JmLayer         *layers[JM_N_LAYER_STATES];

  JmFormatVersion  version;
  JmForeignData    foreign;
};

gboolean _jm_document_set_property (JmDocument   *self,
                                    GObject      *object,
                                    const char   *property,
                                    const GValue *value);

G_END_DECLS
