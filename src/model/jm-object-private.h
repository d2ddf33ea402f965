/* jm-object-private.h: what the format, the commands and the model share
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-object.h"

G_BEGIN_DECLS

/* An attribute the reader did not know, kept verbatim (qualified name as
 * written) and written back after the known ones. */
typedef struct
{
  char *name;
  char *value;
} JmForeignAttribute;

/* Unknown attributes and child elements, in document order. Child elements
 * are kept as serialized XML and written back after the known children. */
typedef struct
{
  GPtrArray *attributes; /* JmForeignAttribute */
  GPtrArray *elements;   /* char * */
} JmForeignData;

void           _jm_foreign_data_clear            (JmForeignData *data);
void           _jm_foreign_data_copy             (JmForeignData       *dest,
                                                  const JmForeignData *src);
gboolean       _jm_foreign_data_equal            (const JmForeignData *a,
                                                  const JmForeignData *b);
void           _jm_foreign_data_add_attribute    (JmForeignData *data,
                                                  const char    *name,
                                                  const char    *value);
void           _jm_foreign_data_add_element      (JmForeignData *data,
                                                  const char    *xml);

JmForeignData *_jm_object_get_foreign            (JmObject      *self);

gboolean       _jm_model_set_property            (GObject       *object,
                                                  const char    *property,
                                                  const GValue  *value);
gboolean       _jm_model_is_editable_property    (GParamSpec    *pspec);
GParamSpec   **_jm_model_list_editable_properties (GObject      *object,
                                                  guint         *n_editable);
gboolean       _jm_model_values_equal            (GParamSpec    *pspec,
                                                  const GValue  *a,
                                                  const GValue  *b);

G_END_DECLS
