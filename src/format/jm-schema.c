/* jm-schema.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-format"

#include "config.h"

#include "jm-schema.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "jm-format-error.h"
#include "format/jm-format-resources.h"

/* data/jmap.rng is the authority on the format; it is compiled into the
 * core library so that `journeymap check` needs no installed data. */
#define JM_SCHEMA_RESOURCE "/io/github/journeymap/Journeymap/format/jmap.rng"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

typedef struct
{
  const char *name;
  GPtrArray  *problems;
} Validation;

static void
jm_schema_validation_error_cb (void        *user_data,
                               xmlErrorPtr  xml_error)
{
  Validation *validation = user_data;
  g_autofree char *message = g_strstrip (g_strdup (xml_error->message ? xml_error->message : ""));

  if (xml_error->level < XML_ERR_ERROR)
    return;

  g_ptr_array_add (validation->problems,
                   g_strdup_printf ("%s:%d: %s", validation->name, xml_error->line, message));
}

static void
jm_schema_ignore_error_cb (void        *user_data,
                           xmlErrorPtr  xml_error)
{
}

static xmlRelaxNGPtr
jm_schema_load (GError **error)
{
  g_autoptr(GBytes) schema_bytes = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) parser = NULL;
  const char *data;
  gsize size;

  /* Looked up in the resource itself: that also makes the linker keep the
   * resource when the core is linked as a static library. */
  schema_bytes = g_resource_lookup_data (jm_format_get_resource (), JM_SCHEMA_RESOURCE,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (schema_bytes == NULL)
    return NULL;

  data = g_bytes_get_data (schema_bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  return xmlRelaxNGParse (parser);
}

/**
 * jm_schema_validate_bytes:
 * @bytes: a .jmap document that the reader accepted
 * @display_name: the file name for the messages
 *
 * Returns: (transfer full) (element-type utf8): every place where @bytes
 *   breaks the schema, as "FILE:LINE: message" (empty when valid), or
 *   %NULL with @error set when the check itself could not run
 */
GPtrArray *
jm_schema_validate_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(xmlRelaxNG) schema = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) context = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Validation validation = { display_name, problems };
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  schema = jm_schema_load (error);
  if (schema == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_INVALID,
                             _("The schema of the format could not be loaded."));
      return NULL;
    }

  /* The reader refused any DOCTYPE already; these options stay safe
   * regardless: no network, no DTD loading, no entity substitution. */
  data = g_bytes_get_data (bytes, &size);
  xmlSetStructuredErrorFunc (NULL, jm_schema_ignore_error_cb);
  doc = xmlReadMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc == NULL)
    {
      g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_MALFORMED,
                   _("%s: The file could not be read as XML."), display_name);
      return NULL;
    }

  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, jm_schema_validation_error_cb, &validation);
  xmlRelaxNGValidateDoc (context, doc);

  return g_steal_pointer (&problems);
}

/**
 * jm_template_lookup:
 * @name: "blank", or the name of an example map such as "hotel-guest-stay"
 *
 * The templates a new map starts from are compiled into the core with the
 * schema.
 *
 * Returns: (transfer full): the template's .jmap content, or %NULL with
 *   @error set
 */
GBytes *
jm_template_lookup (const char  *name,
                    GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = g_strdup_printf ("/io/github/journeymap/Journeymap/templates/%s.jmap", name);
  return g_resource_lookup_data (jm_format_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
