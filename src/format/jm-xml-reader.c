/* jm-xml-reader.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-format"

#include "config.h"

#include "jm-xml-reader.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>
#include <math.h>

#include "jm-format-error.h"
#include "jm-picture-check.h"
#include "jm-xml-names.h"
#include "jm-xml-pull.h"
#include "model/jm-comment-private.h"
#include "model/jm-conflict-private.h"
#include "model/jm-document-private.h"
#include "model/jm-emotion-point-private.h"
#include "model/jm-enum-types.h"
#include "model/jm-item-private.h"
#include "model/jm-lane-private.h"
#include "model/jm-layer-private.h"
#include "model/jm-link-private.h"
#include "model/jm-object-store-private.h"
#include "model/jm-persona-private.h"
#include "model/jm-stage-private.h"

/* A streaming reader (libxml2's SAX2 parser behind the JmXmlPull cursor)
 * rather than a tree: no node is built per element, so a large map costs
 * about what parsing it costs. Files come from anyone, so: no network, no
 * DTD (any DOCTYPE is refused before content is read, which also rules out
 * entity expansion), bounded sizes, and every problem becomes a
 * JM_FORMAT_ERROR naming the file and the line. */

typedef struct
{
  GType type;
  guint scopes; /* bit 0: the document; bits 1, 2: the current, future layer */
} IdClaim;

typedef struct
{
  JmXmlPull        *pull;
  const char       *data;
  gsize             size;
  const char       *name;
  JmDocument       *document;
  GError           *error;
  gboolean          newer_minor;
  GHashTable       *ids;   /* id → position in claims + 1 */
  GArray           *claims; /* IdClaim */
  GStringChunk     *id_chunk; /* the keys of ids, freed at once */
  GArray           *logs;  /* StoreLog */
  guint             n_items;
  guint             n_comments;
  gpointer          scored_item;   /* the item whose <opportunity-score> was read last */
  JmForeignData    *layer_foreign; /* of the layer being read, or NULL */
  GHashTable       *curves; /* persona id ("" for none) → TRUE, in the layer being read */
  gboolean          seen_rank;
  gboolean          seen_stages;
  gboolean          seen_lanes;
  gboolean          seen_max_length_days;
  gboolean          read_future;
  guint             seen_layers; /* bit per JmLayerState */
  GPtrArray        *notes;  /* char *, or NULL when the caller wants none */
} Reader;

typedef struct
{
  const char *name;
  gboolean    required;
  char       *value;
} Attribute;

/* What the reader put in a store of the document. */
typedef struct
{
  JmObjectStore *store;
  GPtrArray     *pending; /* JmObject: read, not in the store yet */
  GArray        *lines;   /* int: the line of each object of the store */
} StoreLog;

/* Helpers {{{ */

static int
reader_line (Reader *r)
{
  return jm_xml_pull_get_line (r->pull);
}

G_GNUC_PRINTF (4, 5)
static gboolean
reader_fail_at (Reader     *r,
                int         code,
                int         line,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (&r->error, JM_FORMAT_ERROR, code, "%s:%d: %s", r->name, line, message);
  else
    g_set_error (&r->error, JM_FORMAT_ERROR, code, "%s: %s", r->name, message);

  return FALSE;
}

#define reader_fail(r, code, ...) reader_fail_at ((r), (code), reader_line (r), __VA_ARGS__)

/* Notes what the reader takes although the schema does not, and what a
 * save then normalises (order, a list given in two parts, a date not in
 * UTC): `journeymap check` reports it at its line, before the schema's
 * verdict, which names the line of the parent at best. */
G_GNUC_PRINTF (3, 4)
static void
reader_note (Reader     *r,
             int         line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* The first few say where to look. */
  if (r->notes == NULL || r->notes->len >= 20)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (r->notes, g_strdup_printf ("%s:%d: %s", r->name, line, message));
}

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/* White space as XML means it: what may stand between elements. */
static gboolean
is_xml_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
    }

  return TRUE;
}

static int
count_lines (const char *data,
             gsize       size)
{
  int lines = 1;

  for (gsize i = 0; i + 1 < size; i++)
    lines += data[i] == '\n';

  return lines;
}

static gboolean
reader_fail_from_libxml (Reader *r)
{
  const JmXmlPullError *xml = jm_xml_pull_get_error (r->pull);

  switch (xml->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      if (is_blank (r->data, r->size))
        return reader_fail_at (r, JM_FORMAT_ERROR_EMPTY, 0, _("The file is empty."));
      return reader_fail_at (r, JM_FORMAT_ERROR_MALFORMED, xml->line,
                             _("This is not a journey map: the file does not hold XML."));

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return reader_fail_at (r, JM_FORMAT_ERROR_ENCODING, xml->line,
                             _("The file holds bytes that are not valid UTF-8 text, or characters "
                               "XML does not allow."));

    case XML_ERR_NAME_TOO_LONG:
      return reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, xml->line,
                             _("The file holds a name too long to read."));

    /* libxml2's safety limits (nesting depth, size of one text or
     * attribute) end parsing with an internal error: say which. */
    case XML_ERR_INTERNAL_ERROR:
      if (xml->message != NULL && strstr (xml->message, "depth") != NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, xml->line,
                               _("The file nests elements more than 256 levels deep, which no "
                                 "journey map does."));
      return reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, xml->line,
                             _("The file holds a text or an attribute too large to read (%s)."),
                             xml->message ? xml->message : "");

    default:
      break;
    }

  if (xml->line >= count_lines (r->data, r->size))
    return reader_fail_at (r, JM_FORMAT_ERROR_MALFORMED, xml->line,
                           _("The file ends unexpectedly: it may have been cut off while it was "
                             "saved or sent (%s)."),
                           xml->message);

  return reader_fail_at (r, JM_FORMAT_ERROR_MALFORMED, xml->line,
                         _("The file is damaged or is not a journey map: %s."),
                         xml->message[0] != '\0' ? xml->message : _("unreadable XML"));
}

static gboolean
reader_fail_doctype (Reader *r,
                     int     line)
{
  return reader_fail_at (r, JM_FORMAT_ERROR_DOCTYPE, line,
                         _("The file has a DOCTYPE declaration, which journey maps never have "
                           "and which could be used to read other files or exhaust memory."));
}

/* A journey map is UTF-8. A file in UTF-16 or UTF-32 (with or without a
 * byte order mark) or EBCDIC is refused here, by its first bytes, rather
 * than left to libxml2: what libxml2 makes of it depends on the system
 * around it (with the same libxml2 2.9.14, UTF-32 gives an encoding error
 * on Debian 12 and "no XML" on Debian 13, whose iconv is newer), and the
 * look for a DOCTYPE below reads only ASCII-compatible bytes. A NUL byte
 * can start no UTF-8 XML document. */
static gboolean
reader_refuse_other_encoding (Reader *r)
{
  const guchar *p = (const guchar *) r->data;
  gsize n = MIN (r->size, 4);

  if (memchr (p, '\0', n) != NULL ||
      (n >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE))) ||
      (n >= 4 && memcmp (p, "\x4C\x6F\xA7\x94", 4) == 0))
    return reader_fail_at (r, JM_FORMAT_ERROR_ENCODING, 1,
                           _("The file holds bytes that are not valid UTF-8 text, or characters "
                             "XML does not allow."));

  return TRUE;
}

/* libxml2 reads a file that declares another encoding (ISO-8859-1, …),
 * but the schema check reads every map as UTF-8, as the format says: so
 * one verdict for the window and `journeymap check`, at the declaration. */
static gboolean
reader_refuse_declared_encoding (Reader *r)
{
  if (!jm_xml_pull_declares_utf8 (r->data, r->size))
    return reader_fail_at (r, JM_FORMAT_ERROR_ENCODING, 1,
                           _("The file declares an encoding other than UTF-8; journey maps are "
                             "UTF-8."));

  return TRUE;
}

/* Looks through the prolog (XML declaration, comments, processing
 * instructions) before libxml2 sees a byte: a DOCTYPE is refused before
 * its internal subset is parsed at all, so entity declarations never
 * reach the parser. */
static gboolean
reader_refuse_doctype (Reader *r)
{
  const char *p = r->data, *end = r->data + r->size;
  int line = 1;

  if (r->size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *close = NULL;
      gsize close_length;

      if (g_ascii_isspace (*p))
        {
          line += *p++ == '\n';
          continue;
        }

      if (end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0)
        return reader_fail_doctype (r, line);

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          close = g_strstr_len (p + 4, end - p - 4, "-->");
          close_length = 3;
        }
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          close = g_strstr_len (p + 2, end - p - 2, "?>");
          close_length = 2;
        }
      else
        return TRUE; /* the root element, or not XML: libxml2 will say */

      if (close == NULL)
        return TRUE;
      for (; p < close; p++)
        line += *p == '\n';
      /* Past the whole "-->" or "?>": stopping short of it would end the
       * look at the first comment. */
      p = close + close_length;
    }

  return TRUE;
}

/* Moves to the next event. On an error, or a DOCTYPE that the look at the
 * prolog missed, r->error is set. */
static JmXmlPullEvent
reader_read (Reader *r)
{
  JmXmlPullEvent type = jm_xml_pull_next (r->pull);

  if (type == JM_XML_PULL_ERROR)
    reader_fail_from_libxml (r);
  else if (type == JM_XML_PULL_DOCTYPE)
    reader_fail_doctype (r, reader_line (r));

  return type;
}

static gboolean
reader_is_our_namespace (Reader *r)
{
  const char *uri = jm_xml_pull_get_uri (r->pull);

  return uri != NULL && strcmp (uri, JM_XML_NAMESPACE) == 0;
}

/* Interned by the parser: valid as long as the reader. */
static const char *
reader_local_name (Reader *r)
{
  return jm_xml_pull_get_local_name (r->pull);
}

static char *
qualified_name (const char *prefix,
                const char *local_name)
{
  return prefix != NULL ? g_strconcat (prefix, ":", local_name, NULL) : g_strdup (local_name);
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || !(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
        return FALSE;
    }

  return strlen (id) <= JM_FORMAT_MAX_ID_CHARS;
}

/* }}} */

/* Appending {{{ */

static void
store_log_clear (gpointer data)
{
  StoreLog *log = data;

  g_clear_pointer (&log->pending, g_ptr_array_unref);
  g_clear_pointer (&log->lines, g_array_unref);
}

static StoreLog *
reader_find_log (Reader        *r,
                 JmObjectStore *store)
{
  for (guint i = r->logs->len; i > 0; i--)
    {
      StoreLog *log = &g_array_index (r->logs, StoreLog, i - 1);

      if (log->store == store)
        return log;
    }

  return NULL;
}

/* Takes @object, which goes to its store in one append per container
 * (see reader_flush ()): appending them one by one would emit
 * items-changed for each, and a store of 100,000 items costs more to
 * notify than to read. The line is kept for the checks after parsing. */
static void
reader_append (Reader        *r,
               JmObjectStore *store,
               JmObject      *object,
               int            line)
{
  StoreLog *log = reader_find_log (r, store);

  if (log == NULL)
    {
      StoreLog new_log = {
        store,
        g_ptr_array_new_with_free_func (g_object_unref),
        g_array_new (FALSE, FALSE, sizeof (int))
      };

      g_array_append_val (r->logs, new_log);
      log = &g_array_index (r->logs, StoreLog, r->logs->len - 1);
    }

  g_ptr_array_add (log->pending, object);
  g_array_append_val (log->lines, line);
}

static void
reader_flush (Reader *r)
{
  for (guint i = 0; i < r->logs->len; i++)
    {
      StoreLog *log = &g_array_index (r->logs, StoreLog, i);

      gsize n_objects;
      JmObject **objects = (JmObject **) g_ptr_array_steal (log->pending, &n_objects);

      _jm_object_store_append_take (log->store, objects, (guint) n_objects);
      g_free (objects);
    }
}

/* The line of the object at @position of @store, or 0 */
static int
reader_line_of (Reader        *r,
                JmObjectStore *store,
                guint          position)
{
  StoreLog *log = reader_find_log (r, store);

  if (log == NULL || position >= log->lines->len)
    return 0;

  return g_array_index (log->lines, int, position);
}

/* }}} */

/* Attributes {{{ */

static void
attributes_clear (Attribute *attributes)
{
  for (guint i = 0; attributes[i].name != NULL; i++)
    g_clear_pointer (&attributes[i].value, g_free);
}

static gboolean
reader_keep_foreign_attribute (Reader        *r,
                               const char    *element,
                               const char    *name,
                               const char    *value,
                               JmForeignData *foreign)
{
  if (foreign == NULL)
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("The attribute “%s” is not allowed on <%s>."), name, element);

  _jm_foreign_data_add_attribute (foreign, name, value);
  return TRUE;
}

/* A declaration is kept where foreign content may live; elsewhere nothing
 * can use it, and it is dropped. A default namespace is never kept: the
 * writer makes Journeymap's the default of every file, whatever prefix
 * the file used for it, and a foreign element that is in the default
 * namespace carries its declaration in its own XML. */
static void
reader_keep_namespaces (Reader        *r,
                        JmForeignData *foreign)
{
  const JmXmlPullNamespace *namespaces;
  guint n_namespaces;

  namespaces = jm_xml_pull_get_namespaces (r->pull, &n_namespaces);
  for (guint i = 0; foreign != NULL && i < n_namespaces; i++)
    {
      g_autofree char *name = NULL;

      if (namespaces[i].prefix == NULL)
        continue;

      name = namespaces[i].prefix != NULL ? g_strconcat ("xmlns:", namespaces[i].prefix, NULL) :
             g_strdup ("xmlns");
      _jm_foreign_data_add_attribute (foreign, name, namespaces[i].uri);
    }
}

static const char *
foreign_attribute_value (const JmForeignData *foreign,
                         const char          *name)
{
  for (guint i = 0; foreign != NULL && foreign->attributes != NULL && i < foreign->attributes->len; i++)
    {
      const JmForeignAttribute *attribute = g_ptr_array_index (foreign->attributes, i);

      if (strcmp (attribute->name, name) == 0)
        return attribute->value;
    }

  return NULL;
}

/* The prefix of a foreign attribute may be declared on an element whose
 * declarations are not kept (<items xmlns:x=…>): the element then
 * declares it itself, unless the elements the writer puts around it (the
 * root, the layer) already declare it the same. Declarations come before
 * the attributes, as they do when the saved file is read again. */
static void
reader_declare_prefixes (Reader        *r,
                         JmForeignData *foreign)
{
  const JmXmlPullAttribute *found;
  guint n_found;

  found = jm_xml_pull_get_attributes (r->pull, &n_found);
  for (guint i = 0; foreign != NULL && i < n_found; i++)
    {
      g_autofree char *name = NULL;
      const char *uri, *around;

      if (found[i].uri == NULL || found[i].prefix == NULL || strcmp (found[i].prefix, "xml") == 0)
        continue;

      name = g_strconcat ("xmlns:", found[i].prefix, NULL);
      uri = jm_xml_pull_lookup_namespace (r->pull, found[i].prefix);
      if (uri == NULL || foreign_attribute_value (foreign, name) != NULL)
        continue;

      around = r->layer_foreign != NULL ? foreign_attribute_value (r->layer_foreign, name) : NULL;
      if (around == NULL)
        around = foreign_attribute_value (&r->document->foreign, name);
      if (g_strcmp0 (around, uri) != 0)
        _jm_foreign_data_add_attribute (foreign, name, uri);
    }
}

static gboolean
reader_attribute (Reader                   *r,
                  int                       line,
                  const char               *element,
                  const JmXmlPullAttribute *attribute,
                  Attribute                *attributes,
                  JmForeignData            *foreign)
{
  if (attribute->uri != NULL)
    {
      g_autofree char *name = qualified_name (attribute->prefix, attribute->local_name);

      /* The format's attributes have no namespace; one in its namespace
       * is no extension, and no version of the format has it. */
      if (strcmp (attribute->uri, JM_XML_NAMESPACE) == 0)
        return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                               _("The attribute “%s” of <%s> is in the Journeymap namespace, where "
                                 "no attribute is: the format’s attributes have no prefix."),
                               name, element);

      return reader_keep_foreign_attribute (r, element, name, attribute->value, foreign);
    }

  for (guint i = 0; attributes[i].name != NULL; i++)
    {
      if (attributes[i].name[0] == attribute->local_name[0] &&
          strcmp (attributes[i].name, attribute->local_name) == 0)
        {
          g_free (attributes[i].value);
          attributes[i].value = g_strdup (attribute->value);
          return TRUE;
        }
    }

  if (r->newer_minor)
    return reader_keep_foreign_attribute (r, element, attribute->local_name, attribute->value, foreign);

  return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("The attribute “%s” is not allowed on <%s>."),
                         attribute->local_name, element);
}

/* Fills @attributes (terminated by a NULL name) from the current element.
 * Attributes of other namespaces are kept in @foreign, and so are unknown
 * ones of a newer minor version of the format. */
static gboolean
reader_attributes (Reader        *r,
                   const char    *element,
                   Attribute     *attributes,
                   JmForeignData *foreign)
{
  const JmXmlPullAttribute *found;
  guint n_found;
  int line = reader_line (r);

  reader_keep_namespaces (r, foreign);
  reader_declare_prefixes (r, foreign);

  found = jm_xml_pull_get_attributes (r->pull, &n_found);
  for (guint i = 0; i < n_found; i++)
    {
      if (!reader_attribute (r, line, element, &found[i], attributes, foreign))
        return FALSE;
    }

  for (guint i = 0; attributes[i].name != NULL; i++)
    {
      if (attributes[i].required && attributes[i].value == NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                               _("The <%s> element needs a “%s” attribute."),
                               element, attributes[i].name);
    }

  return TRUE;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *
skip_digits (const char *p,
             guint      *n)
{
  for (*n = 0; g_ascii_isdigit (*p); p++)
    (*n)++;

  return p;
}

/* A decimal number as XML Schema's double writes one (what the schema
 * checks), between white space: g_ascii_strtod () also reads hexadecimal
 * ("0x1p0"), which the schema refuses far from the attribute. Infinities
 * and NaN are refused as out of range after. */
static gboolean
is_decimal_double (const char *text)
{
  const char *p = text;
  guint n_integer, n_fraction = 0, n_exponent;

  while (is_xml_space (*p))
    p++;
  if (*p == '+' || *p == '-')
    p++;
  p = skip_digits (p, &n_integer);
  if (*p == '.')
    p = skip_digits (p + 1, &n_fraction);
  if (n_integer + n_fraction == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      p = skip_digits (p, &n_exponent);
      if (n_exponent == 0)
        return FALSE;
    }
  while (is_xml_space (*p))
    p++;

  return *p == '\0';
}

static gboolean
reader_parse_double (Reader     *r,
                     int         line,
                     const char *element,
                     const char *attribute,
                     const char *text,
                     double      min,
                     double      max,
                     double     *out)
{
  char *end = NULL;
  double value;

  value = g_ascii_strtod (text, &end);
  while (end != NULL && is_xml_space (*end))
    end++;
  /* ERANGE alone is no fault: a number too small to represent, such as
   * 5e-324 or 1e-400, is in the schema's range and reads as (nearly) 0;
   * one too large reads as infinite. */
  if (!is_decimal_double (text) || end == text || *end != '\0' || !isfinite (value))
    return reader_fail_at (r, JM_FORMAT_ERROR_NUMBER, line,
                           _("The %s “%s” of <%s> is not a usable number."),
                           attribute, text, element);

  if (value < min || value > max)
    return reader_fail_at (r, JM_FORMAT_ERROR_NUMBER, line,
                           _("The %s of <%s> is %s, outside the allowed range from %g to %g."),
                           attribute, element, text, min, max);

  *out = value;
  return TRUE;
}

/* @what is marked with N_(): translating it for every element read would
 * cost more than reading the element. */
static gboolean
reader_parse_enum (Reader     *r,
                   int         line,
                   const char *element,
                   const char *what,
                   GType       enum_type,
                   const char *text,
                   int        *out)
{
  if (!jm_enum_from_nick (enum_type, text, out))
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                           _("“%s” is not a known %s for <%s>."), text, _(what), element);

  return TRUE;
}

static gboolean
reader_parse_color (Reader     *r,
                    int         line,
                    const char *element,
                    const char *text)
{
  if (text == NULL)
    return TRUE;

  if (strlen (text) != 7 || text[0] != '#')
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                           _("The colour “%s” of <%s> is not of the form #rrggbb."), text, element);

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                               _("The colour “%s” of <%s> is not of the form #rrggbb."),
                               text, element);
    }

  return TRUE;
}

/* Claims @id for an object of @type in @scope (-1: the document, else a
 * layer). An item, point or link of the future state may reuse the id of
 * its counterpart in the current state: that is how the states compare. */
static gboolean
reader_claim_id (Reader     *r,
                 int         line,
                 const char *element,
                 const char *id,
                 GType       type,
                 int         scope)
{
  guint bit = 1u << (scope + 1);
  IdClaim *claim;
  guint position;

  if (!is_valid_id (id))
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                           _("“%s” is not a valid id for <%s>: ids start with a letter and hold "
                             "at most %d letters, digits, “-”, “_” or “.”."),
                           id, element, JM_FORMAT_MAX_ID_CHARS);

  /* Claims by the ten thousand: no allocation for each. */
  position = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, id));
  if (position == 0)
    {
      IdClaim new_claim = { type, bit };

      g_array_append_val (r->claims, new_claim);
      g_hash_table_insert (r->ids, g_string_chunk_insert (r->id_chunk, id),
                           GUINT_TO_POINTER (r->claims->len));
      return TRUE;
    }

  claim = &g_array_index (r->claims, IdClaim, position - 1);

  if (scope >= 0 && claim->type == type && (claim->scopes & (bit | 1u)) == 0)
    {
      claim->scopes |= bit;
      return TRUE;
    }

  return reader_fail_at (r, JM_FORMAT_ERROR_DUPLICATE_ID, line,
                         _("The id “%s” is used more than once."), id);
}

/* }}} */

/* Elements {{{ */

typedef gboolean (*ChildFunc) (Reader     *r,
                               const char *name,
                               gpointer    data);

/* Keeps an element this version does not know, as XML, and moves past it. */
/* Sets the error for an event that ends reading early. */
static gboolean
reader_fail_unfinished (Reader     *r,
                        const char *element)
{
  if (r->error != NULL)
    return FALSE;

  return reader_fail (r, JM_FORMAT_ERROR_MALFORMED, _("The file ends inside <%s>."), element);
}

static gboolean
reader_keep_foreign_element (Reader        *r,
                             JmForeignData *foreign,
                             const char    *parent)
{
  const char *name = reader_local_name (r);
  g_autofree char *xml = NULL;

  if (foreign == NULL || (reader_is_our_namespace (r) && !r->newer_minor))
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("The element <%s> is not allowed in <%s>."), name, parent);

  xml = jm_xml_pull_read_outer_xml (r->pull);
  if (xml == NULL)
    {
      JmXmlPullEvent type = jm_xml_pull_get_event (r->pull);

      if (type == JM_XML_PULL_ERROR)
        return reader_fail_from_libxml (r);
      if (type == JM_XML_PULL_DOCTYPE)
        return reader_fail_doctype (r, reader_line (r));
      return reader_fail_unfinished (r, name);
    }

  _jm_foreign_data_add_element (foreign, xml);
  return TRUE;
}

/* The order of the format's children of @parent that have one (the lists
 * hold their children in any order): the place of @name in it, or -1. */
static int
child_rank (const char *parent,
            const char *name)
{
  static const char *const root[] = {
    JM_XML_TITLE, JM_XML_DESCRIPTION, JM_XML_AUTHOR, JM_XML_CREATED, JM_XML_MODIFIED, JM_XML_RANK,
    JM_XML_MAX_LENGTH_DAYS, JM_XML_PERSONAS, JM_XML_STAGES, JM_XML_LANES, JM_XML_LAYER, JM_XML_COMMENTS,
    JM_XML_CONFLICTS, NULL
  };
  static const char *const persona[] = {
    JM_XML_NAME, JM_XML_ROLE, JM_XML_DESCRIPTION, JM_XML_GOALS, JM_XML_MOTIVATIONS,
    JM_XML_FRUSTRATIONS, JM_XML_PHOTO, JM_XML_CONFLICTS, NULL
  };
  static const char *const stage[] = {
    JM_XML_NAME, JM_XML_DESCRIPTION, JM_XML_DURATION, JM_XML_PRESENTER_NOTE, JM_XML_COMMENTS, JM_XML_CONFLICTS,
    NULL
  };
  static const char *const item[] = {
    JM_XML_TITLE, JM_XML_BODY, JM_XML_IMAGE, JM_XML_MOMENT, JM_XML_OPPORTUNITY_SCORE, JM_XML_COMMENTS,
    JM_XML_CONFLICTS, NULL
  };
  static const char *const layer[] = { JM_XML_ITEMS, JM_XML_EMOTIONS, JM_XML_LINKS, NULL };
  const char *const *order = NULL;

  if (strcmp (parent, JM_XML_ROOT) == 0)
    order = root;
  else if (strcmp (parent, JM_XML_PERSONA) == 0)
    order = persona;
  else if (strcmp (parent, JM_XML_STAGE) == 0)
    order = stage;
  else if (strcmp (parent, JM_XML_ITEM) == 0)
    order = item;
  else if (strcmp (parent, JM_XML_LAYER) == 0)
    order = layer;

  for (int i = 0; order != NULL && order[i] != NULL; i++)
    {
      if (strcmp (order[i], name) == 0)
        return i;
    }

  return -1;
}

static gboolean
is_list (const char *name)
{
  return strcmp (name, JM_XML_PERSONAS) == 0 || strcmp (name, JM_XML_STAGES) == 0 ||
         strcmp (name, JM_XML_LANES) == 0 || strcmp (name, JM_XML_ITEMS) == 0 ||
         strcmp (name, JM_XML_EMOTIONS) == 0 || strcmp (name, JM_XML_LINKS) == 0;
}

/* Reads the children of the current element, giving each child element of
 * our namespace to @func, which returns FALSE with an error, or with none
 * when it does not know the element (@func is NULL for an element without
 * children of its own). Text between elements is refused. */
static gboolean
reader_children (Reader        *r,
                 const char    *parent,
                 ChildFunc      func,
                 gpointer       data,
                 JmForeignData *foreign)
{
  const char *last_name = NULL; /* of the format's children read, the latest in its order */
  int last_rank = -1;

  for (;;)
    {
      JmXmlPullEvent type = reader_read (r);
      const char *name;
      int line, rank;

      if (type == JM_XML_PULL_END)
        return TRUE;

      if (type == JM_XML_PULL_EOF || r->error != NULL)
        return reader_fail_unfinished (r, parent);

      if ((type == JM_XML_PULL_TEXT && !is_xml_blank (jm_xml_pull_get_text (r->pull, NULL))) ||
          type == JM_XML_PULL_CDATA)
        return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                            _("Text is not allowed directly in <%s>."), parent);

      if (type != JM_XML_PULL_START)
        continue;

      /* Without @func the element holds no known children at all. */
      name = reader_local_name (r);
      line = reader_line (r);
      if (func != NULL && reader_is_our_namespace (r) && func (r, name, data))
        {
          rank = child_rank (parent, name);
          if (rank >= 0 && rank < last_rank)
            reader_note (r, line, _("<%s> comes after <%s> here; the format has it before, and a "
                                    "save puts it there."), name, last_name);
          else if (rank >= 0 && rank == last_rank && is_list (name))
            reader_note (r, line, _("There is a second <%s> here; the format has one, and a save "
                                    "joins them."), name);
          if (rank > last_rank)
            {
              last_rank = rank;
              last_name = name;
            }
          continue;
        }
      if (r->error != NULL)
        return FALSE;

      if (!reader_keep_foreign_element (r, foreign, parent))
        return FALSE;
    }
}

/* A text read in pieces. Most elements have one piece, which then costs
 * one exact allocation and one copy: a GString costs twice that. */
typedef struct
{
  char  *str;
  gsize  length;
  gsize  allocated;
} Text;

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->str, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Text, text_clear)

static void
text_append (Text       *text,
             const char *chunk,
             gsize       length)
{
  if (text->length + length + 1 > text->allocated)
    {
      text->allocated = MAX (text->length + length + 1, 2 * text->allocated);
      text->str = g_realloc (text->str, text->allocated);
    }

  memcpy (text->str + text->length, chunk, length);
  text->length += length;
  text->str[text->length] = '\0';
}

/* Reads the text content of the current element into @out. */
static gboolean
reader_text (Reader  *r,
             glong    max_chars,
             char   **out)
{
  g_auto(Text) text = { NULL, 0, 0 };
  const char *element = reader_local_name (r);

  for (;;)
    {
      JmXmlPullEvent type = reader_read (r);
      gsize chunk_length;
      const char *chunk;

      if (type == JM_XML_PULL_END)
        break;

      if (type == JM_XML_PULL_EOF || r->error != NULL)
        return reader_fail_unfinished (r, element);

      if (type == JM_XML_PULL_START)
        return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                            _("The element <%s> can only hold text."), element);

      if (type != JM_XML_PULL_TEXT && type != JM_XML_PULL_CDATA)
        continue;

      chunk = jm_xml_pull_get_text (r->pull, &chunk_length);
      text_append (&text, chunk, chunk_length);
      if (text.length > (gsize) max_chars * 4)
        break;
    }

  /* A character takes at least one byte: most texts need no counting. */
  if (text.length > (gsize) max_chars && g_utf8_strlen (text.str, text.length) > max_chars)
    return reader_fail (r, JM_FORMAT_ERROR_TOO_LARGE,
                        _("The text of <%s> is longer than %ld characters."), element, max_chars);

  g_free (*out);
  *out = text.str != NULL ? g_steal_pointer (&text.str) : g_strdup ("");
  return TRUE;
}

/* Whether @text has a letter with more than JM_FORMAT_MAX_MARKS_IN_A_ROW
 * combining marks on it. Text shaping takes time that grows with the
 * square of a grapheme cluster's length: one letter with 99,999 marks
 * froze the window's inspector, which shows a text whole, for a minute and
 * a half. No script stacks more than a handful: the bound is that of
 * Unicode's stream-safe text format (UAX #15), 30 marks in a row. */
static gboolean
text_has_long_run_of_marks (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* A lead byte below 0xCC starts a code point below U+0300, where no
       * combining mark is. */
      if ((guchar) *p < 0xcc || !g_unichar_ismark (g_utf8_get_char (p)))
        run = 0;
      else if (++run > JM_FORMAT_MAX_MARKS_IN_A_ROW)
        return TRUE;
    }

  return FALSE;
}

static gboolean
reader_text_element_no_attributes (Reader      *r,
                                   const char  *name,
                                   glong        max_chars,
                                   char       **out)
{
  Attribute attributes[] = { { NULL } };

  /* Given twice, one would silently replace the other. */
  if (*out != NULL)
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("There is a second <%s> here; there may be one."), name);

  if (!reader_attributes (r, name, attributes, NULL))
    return FALSE;

  if (!reader_text (r, max_chars, out))
    return FALSE;

  if (text_has_long_run_of_marks (*out))
    return reader_fail (r, JM_FORMAT_ERROR_TOO_LARGE,
                        _("The text of <%s> puts more than %d combining marks on one letter."), name,
                        JM_FORMAT_MAX_MARKS_IN_A_ROW);

  return TRUE;
}

static int
base64_value (char c)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const char *found = c != '\0' ? strchr (alphabet, c) : NULL;

  return found != NULL ? (int) (found - alphabet) : -1;
}

/* Base64 as XML Schema reads it (what the schema checks): white space
 * anywhere, groups of four, at most two "=" at the very end, and no bits
 * set that the padding drops. g_base64_decode () takes anything. */
static gboolean
is_base64 (const char *text)
{
  gsize n = 0, n_padding = 0;
  int last = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      int value;

      if (is_xml_space (*p))
        continue;

      if (*p == '=')
        {
          n_padding++;
          n++;
          continue;
        }

      value = base64_value (*p);
      if (value < 0 || n_padding > 0)
        return FALSE;
      last = value;
      n++;
    }

  if (n % 4 != 0 || n_padding > 2)
    return FALSE;

  return (n_padding == 0 || (n_padding == 1 && (last & 0x3) == 0) ||
          (n_padding == 2 && (last & 0xF) == 0));
}

static gboolean
reader_binary (Reader      *r,
               const char  *element,
               GBytes     **data,
               char       **media_type)
{
  Attribute attributes[] = {
    { JM_XML_MEDIA_TYPE, TRUE, NULL },
    { NULL }
  };
  g_autofree char *base64 = NULL;
  g_autoptr(GError) picture_error = NULL;
  const char *type;
  guchar *decoded;
  gsize size;
  int line = reader_line (r);
  gboolean ok;

  ok = reader_attributes (r, element, attributes, NULL) &&
       reader_text (r, JM_FORMAT_MAX_IMAGE_BYTES / 3 * 4 + 8, &base64);
  type = attributes[0].value;
  if (ok && g_strcmp0 (type, "image/png") != 0 && g_strcmp0 (type, "image/jpeg") != 0 &&
      g_strcmp0 (type, "image/svg+xml") != 0)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("The image type “%s” is not supported: use PNG, JPEG or SVG."), type);
  if (ok && !is_base64 (base64))
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("The content of <%s> is not valid base64."), element);
  if (ok && *data != NULL)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("There is a second <%s> here; there may be one."), element);

  if (ok)
    {
      decoded = g_base64_decode (base64, &size);
      /* Checked here, not when drawn: the file is refused with a line. */
      if (g_str_equal (type, "image/svg+xml") &&
          !jm_picture_check_svg ((const char *) decoded, size, NULL, &picture_error))
        {
          g_free (decoded);
          ok = reader_fail_at (r, picture_error->code, line, "%s", picture_error->message);
          attributes_clear (attributes);
          return ok;
        }
      g_clear_pointer (data, g_bytes_unref);
      *data = g_bytes_new_take (decoded, size);
      g_free (*media_type);
      *media_type = g_strdup (type);
    }

  attributes_clear (attributes);
  return ok;
}

static gboolean read_annotations (Reader     *r,
                                  const char *name,
                                  GObject    *owner);

/* An optional text given empty is no text: the writer leaves it out and
 * the model reads it so. Done once the element's children are read, so
 * that a second, empty or not, is still refused as a second. */
static void
empty_text_is_none (char **text)
{
  if (*text != NULL && **text == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
read_persona_child (Reader     *r,
                    const char *name,
                    gpointer    data)
{
  JmPersona *persona = data;

  if (g_str_equal (name, JM_XML_NAME))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &persona->name);
  if (g_str_equal (name, JM_XML_ROLE))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &persona->role);
  if (g_str_equal (name, JM_XML_DESCRIPTION))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &persona->description);
  if (g_str_equal (name, JM_XML_GOALS))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &persona->goals);
  if (g_str_equal (name, JM_XML_MOTIVATIONS))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &persona->motivations);
  if (g_str_equal (name, JM_XML_FRUSTRATIONS))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &persona->frustrations);
  if (g_str_equal (name, JM_XML_PHOTO))
    return reader_binary (r, name, &persona->photo, &persona->photo_type);

  return read_annotations (r, name, G_OBJECT (persona));
}

/* Hands the foreign attributes read before the object existed to it. */
static void
reader_give_foreign (JmObject      *object,
                     JmForeignData *foreign)
{
  JmForeignData *target = _jm_object_get_foreign (object);

  _jm_foreign_data_clear (target);
  *target = *foreign;
  *foreign = (JmForeignData) { NULL, NULL };
}

static gboolean
reader_parse_boolean (Reader     *r,
                      int         line,
                      const char *attribute,
                      const char *text,
                      gboolean   *out)
{
  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *out = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *out = FALSE;
  else
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                           _("“%s” must be “true” or “false”, not “%s”."), attribute, text);

  return TRUE;
}

/* Format 1.1: review comments and conflict records {{{ */

static gboolean reader_parse_date (Reader      *r,
                                   const char  *element,
                                   const char  *text,
                                   GDateTime  **out);

/* 1.1 added them: in a 1.0 file they are unknown elements of the format,
 * which that version refuses. */
static gboolean
reader_needs_1_1 (Reader     *r,
                  const char *name)
{
  if (r->document->version.minor >= 1)
    return TRUE;

  return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                      _("The element <%s> needs format version 1.1; this file says 1.%d."),
                      name, r->document->version.minor);
}

static gboolean
read_comment (Reader     *r,
              const char *name,
              gpointer    data)
{
  JmObjectStore *comments = data;
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_AUTHOR, FALSE, NULL },
    { JM_XML_DATE, TRUE, NULL },
    { JM_XML_RESOLVED, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmComment) comment = NULL;
  int line = reader_line (r);
  gboolean ok;

  if (!g_str_equal (name, JM_XML_COMMENT))
    return FALSE;

  if (++r->n_comments > JM_FORMAT_MAX_COMMENTS)
    return reader_fail (r, JM_FORMAT_ERROR_TOO_LARGE,
                        _("The map has more than %d comments."), JM_FORMAT_MAX_COMMENTS);
  if (jm_object_store_get_n_objects (comments) >= JM_FORMAT_MAX_COMMENTS_PER_OBJECT)
    return reader_fail (r, JM_FORMAT_ERROR_TOO_LARGE,
                        _("There are more than %d comments on one object here."),
                        JM_FORMAT_MAX_COMMENTS_PER_OBJECT);

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_COMMENT, -1);
  if (ok && g_utf8_strlen (attributes[1].value ? attributes[1].value : "", -1) > JM_FORMAT_MAX_NAME_CHARS)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, line, _("The author is too long."));
  if (ok)
    {
      comment = jm_comment_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (comment), &foreign);
      comment->author = g_steal_pointer (&attributes[1].value);
      ok = reader_parse_date (r, name, attributes[2].value, &comment->date) &&
           reader_parse_boolean (r, line, JM_XML_RESOLVED, attributes[3].value, &comment->resolved);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok || !reader_text (r, JM_FORMAT_MAX_TEXT_CHARS, &comment->text))
    return FALSE;

  if (text_has_long_run_of_marks (comment->text))
    return reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, line,
                           _("The text of <%s> puts more than %d combining marks on one letter."),
                           name, JM_FORMAT_MAX_MARKS_IN_A_ROW);

  /* Comments are few; they go to their store at once, in order. */
  _jm_object_store_append (comments, JM_OBJECT (comment));
  return TRUE;
}

typedef struct
{
  JmConflict *conflict;
  glong       max_chars;
} ConflictContext;

static gboolean
read_conflict_child (Reader     *r,
                     const char *name,
                     gpointer    data)
{
  ConflictContext *context = data;

  if (g_str_equal (name, JM_XML_OURS))
    return reader_text_element_no_attributes (r, name, context->max_chars, &context->conflict->ours);
  if (g_str_equal (name, JM_XML_THEIRS))
    return reader_text_element_no_attributes (r, name, context->max_chars, &context->conflict->theirs);

  return FALSE;
}

/* The property must be one the owner has, so that the conflict can be
 * settled by setting it; the values are bounded as the property is. */
static GParamSpec *
conflict_find_property (GObject    *owner,
                        const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), property);

  if (pspec == NULL || !_jm_model_is_editable_property (pspec))
    return NULL;

  return pspec;
}

static gboolean
read_conflict (Reader     *r,
               const char *name,
               gpointer    data)
{
  GObject *owner = data;
  JmObjectStore *conflicts = jm_conflicts_get (owner);
  Attribute attributes[] = {
    { JM_XML_PROPERTY, TRUE, NULL },
    { NULL }
  };
  g_autoptr(JmConflict) conflict = NULL;
  ConflictContext context = { NULL, JM_FORMAT_MAX_TEXT_CHARS };
  GParamSpec *pspec = NULL;
  const char *property;
  int line = reader_line (r);
  gboolean ok;

  if (!g_str_equal (name, JM_XML_CONFLICT))
    return FALSE;

  ok = reader_attributes (r, name, attributes, NULL);
  property = attributes[0].value;
  if (ok && !g_str_equal (property, JM_CONFLICT_REMOVED) &&
      (pspec = conflict_find_property (owner, property)) == NULL)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("“%s” is not a property a conflict can be about here."), property);
  if (ok && jm_conflicts_lookup (owner, property) != NULL)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("There is a second conflict about “%s” here; there may be one."), property);
  if (ok)
    {
      conflict = jm_conflict_new (property, NULL, NULL);
      if (pspec != NULL && pspec->value_type == G_TYPE_BYTES)
        context.max_chars = JM_FORMAT_MAX_IMAGE_BYTES / 3 * 4 + 8;
      context.conflict = conflict;
    }

  attributes_clear (attributes);
  if (!ok || !reader_children (r, name, read_conflict_child, &context,
                               _jm_object_get_foreign (JM_OBJECT (conflict))))
    return FALSE;

  empty_text_is_none (&conflict->ours);
  empty_text_is_none (&conflict->theirs);
  _jm_object_store_append (conflicts, JM_OBJECT (conflict));
  return TRUE;
}

/* <comments> and <conflicts> in @owner; FALSE without an error for any
 * other element. */
static gboolean
read_annotations (Reader     *r,
                  const char *name,
                  GObject    *owner)
{
  Attribute attributes[] = { { NULL } };

  if (g_str_equal (name, JM_XML_COMMENTS) && jm_comments_can_have (owner))
    return reader_needs_1_1 (r, name) &&
           reader_attributes (r, name, attributes, NULL) &&
           reader_children (r, name, read_comment, jm_comments_get (owner), NULL);
  if (g_str_equal (name, JM_XML_CONFLICTS))
    return reader_needs_1_1 (r, name) &&
           reader_attributes (r, name, attributes, NULL) &&
           reader_children (r, name, read_conflict, owner, NULL);

  return FALSE;
}

/* The children of an element that has none of its own but annotations. */
static gboolean
read_annotation_child (Reader     *r,
                       const char *name,
                       gpointer    data)
{
  return read_annotations (r, name, data);
}

/* }}} */

static gboolean
read_persona (Reader     *r,
              const char *name,
              gpointer    data)
{
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_PRIMARY, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmPersona) persona = NULL;
  int line = reader_line (r);
  gboolean ok;

  if (!g_str_equal (name, JM_XML_PERSONA))
    return FALSE;

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_PERSONA, -1);
  if (ok)
    {
      persona = jm_persona_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (persona), &foreign);
      ok = reader_parse_boolean (r, line, JM_XML_PRIMARY, attributes[1].value, &persona->primary);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok)
    return FALSE;

  if (!reader_children (r, name, read_persona_child, persona,
                        _jm_object_get_foreign (JM_OBJECT (persona))))
    return FALSE;

  if (persona->name == NULL)
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line, _("A persona needs a <name>."));

  empty_text_is_none (&persona->role);
  empty_text_is_none (&persona->description);
  empty_text_is_none (&persona->goals);
  empty_text_is_none (&persona->motivations);
  empty_text_is_none (&persona->frustrations);

  reader_append (r, r->document->personas, JM_OBJECT (g_steal_pointer (&persona)), line);
  return TRUE;
}

static gboolean
read_stage_child (Reader     *r,
                  const char *name,
                  gpointer    data)
{
  JmStage *stage = data;

  if (g_str_equal (name, JM_XML_NAME))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &stage->name);
  if (g_str_equal (name, JM_XML_DESCRIPTION))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &stage->description);
  if (g_str_equal (name, JM_XML_DURATION))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &stage->duration);
  /* format 1.1 */
  if (g_str_equal (name, JM_XML_PRESENTER_NOTE))
    return reader_needs_1_1 (r, name) &&
           reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &stage->presenter_note);

  return read_annotations (r, name, G_OBJECT (stage));
}

static gboolean
read_stage (Reader     *r,
            const char *name,
            gpointer    data)
{
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_COLOR, FALSE, NULL },
    { JM_XML_WIDTH, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmStage) stage = NULL;
  int line = reader_line (r);
  gboolean ok;

  if (!g_str_equal (name, JM_XML_STAGE))
    return FALSE;

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_STAGE, -1) &&
       reader_parse_color (r, line, name, attributes[1].value);
  if (ok)
    {
      stage = jm_stage_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (stage), &foreign);
      stage->color = g_steal_pointer (&attributes[1].value);
      if (attributes[2].value != NULL)
        ok = reader_parse_double (r, line, name, JM_XML_WIDTH, attributes[2].value,
                                  JM_STAGE_MIN_WIDTH, JM_STAGE_MAX_WIDTH, &stage->width);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok)
    return FALSE;

  if (!reader_children (r, name, read_stage_child, stage, _jm_object_get_foreign (JM_OBJECT (stage))))
    return FALSE;

  if (stage->name == NULL)
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line, _("A stage needs a <name>."));

  empty_text_is_none (&stage->description);
  empty_text_is_none (&stage->duration);
  empty_text_is_none (&stage->presenter_note);

  reader_append (r, r->document->stages, JM_OBJECT (g_steal_pointer (&stage)), line);
  return TRUE;
}

static gboolean
read_lane_child (Reader     *r,
                 const char *name,
                 gpointer    data)
{
  JmLane *lane = data;

  if (g_str_equal (name, JM_XML_NAME))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &lane->name);

  return read_annotations (r, name, G_OBJECT (lane));
}

static gboolean
read_lane (Reader     *r,
           const char *name,
           gpointer    data)
{
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_KIND, TRUE, NULL },
    { JM_XML_HEIGHT, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmLane) lane = NULL;
  int line = reader_line (r);
  int kind = 0;
  gboolean ok;

  if (!g_str_equal (name, JM_XML_LANE))
    return FALSE;

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_LANE, -1) &&
       reader_parse_enum (r, line, name, N_("lane kind"), JM_TYPE_LANE_KIND, attributes[1].value, &kind);
  if (ok)
    {
      lane = jm_lane_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (lane), &foreign);
      lane->kind = kind;
      if (attributes[2].value != NULL)
        ok = reader_parse_double (r, line, name, JM_XML_HEIGHT, attributes[2].value,
                                  JM_LANE_MIN_HEIGHT, JM_LANE_MAX_HEIGHT, &lane->height);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok)
    return FALSE;

  if (!reader_children (r, name, read_lane_child, lane, _jm_object_get_foreign (JM_OBJECT (lane))))
    return FALSE;

  if (lane->name == NULL)
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line, _("A lane needs a <name>."));

  reader_append (r, r->document->lanes, JM_OBJECT (g_steal_pointer (&lane)), line);
  return TRUE;
}

static gboolean
read_moment_child (Reader     *r,
                   const char *name,
                   gpointer    data)
{
  JmItem *item = data;

  if (g_str_equal (name, JM_XML_RATIONALE))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &item->moment_rationale);

  return FALSE;
}

static gboolean
read_moment (Reader *r,
             JmItem *item)
{
  Attribute attributes[] = {
    { JM_XML_KIND, TRUE, NULL },
    { JM_XML_LABEL, FALSE, NULL },
    { NULL }
  };
  int line = reader_line (r);
  int kind = 0;
  gboolean ok;

  /* Foreign attributes of the moment are kept on its item. */
  ok = reader_attributes (r, JM_XML_MOMENT, attributes, NULL) &&
       reader_parse_enum (r, line, JM_XML_MOMENT, N_("kind of Moment of Truth"),
                          JM_TYPE_MOMENT_KIND, attributes[0].value, &kind);
  if (ok && item->moment != JM_MOMENT_KIND_NONE)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("There is a second <%s> here; there may be one."), JM_XML_MOMENT);
  if (ok && kind == JM_MOMENT_KIND_NONE)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("“none” is not a kind of Moment of Truth: leave the element out."));
  if (ok && kind == JM_MOMENT_KIND_CUSTOM && attributes[1].value == NULL)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("A custom Moment of Truth needs a “label”."));
  if (ok && g_utf8_strlen (attributes[1].value ? attributes[1].value : "", -1) > JM_FORMAT_MAX_NAME_CHARS)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, line, _("The label is too long."));

  if (ok)
    {
      item->moment = kind;
      /* Only a custom moment has a label: the writer writes no other. */
      if (kind == JM_MOMENT_KIND_CUSTOM)
        item->moment_label = g_steal_pointer (&attributes[1].value);
      else if (attributes[1].value != NULL)
        reader_note (r, line, _("Only a custom Moment of Truth has a “label”; a save leaves this "
                                "one out."));
    }

  attributes_clear (attributes);
  if (!ok)
    return FALSE;

  return reader_children (r, JM_XML_MOMENT, read_moment_child, item, NULL);
}

/* Format 1.1: an opportunity's scores; an attribute left out is not
 * scored. No extensions: it is one line of three numbers. */
static gboolean
read_opportunity_score (Reader *r,
                        JmItem *item)
{
  Attribute attributes[] = {
    { JM_XML_CUSTOMER_VALUE, FALSE, NULL },
    { JM_XML_BUSINESS_VALUE, FALSE, NULL },
    { JM_XML_EFFORT, FALSE, NULL },
    { NULL }
  };
  double values[] = { JM_VALUE_UNSET, JM_VALUE_UNSET, JM_EFFORT_UNSET };
  int line = reader_line (r);
  gboolean ok;

  ok = reader_needs_1_1 (r, JM_XML_OPPORTUNITY_SCORE) &&
       reader_attributes (r, JM_XML_OPPORTUNITY_SCORE, attributes, NULL);
  if (ok && item->kind != JM_ITEM_KIND_OPPORTUNITY)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("Only opportunities have an <%s>."), JM_XML_OPPORTUNITY_SCORE);
  if (ok && r->scored_item == item)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("There is a second <%s> here; there may be one."), JM_XML_OPPORTUNITY_SCORE);
  for (guint i = 0; ok && i < G_N_ELEMENTS (values); i++)
    {
      if (attributes[i].value != NULL)
        ok = reader_parse_double (r, line, JM_XML_OPPORTUNITY_SCORE, attributes[i].name, attributes[i].value,
                                  i < 2 ? JM_VALUE_MIN : JM_EFFORT_MIN, i < 2 ? JM_VALUE_MAX : JM_EFFORT_MAX,
                                  &values[i]);
    }

  attributes_clear (attributes);
  if (!ok)
    return FALSE;

  item->customer_value = values[0];
  item->business_value = values[1];
  item->effort = values[2];
  /* the item read now; an empty element scores nothing, but is one */
  r->scored_item = item;

  return reader_children (r, JM_XML_OPPORTUNITY_SCORE, NULL, NULL, NULL);
}

static gboolean
read_item_child (Reader     *r,
                 const char *name,
                 gpointer    data)
{
  JmItem *item = data;

  if (g_str_equal (name, JM_XML_TITLE))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &item->title);
  if (g_str_equal (name, JM_XML_BODY))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &item->body);
  if (g_str_equal (name, JM_XML_MOMENT))
    return read_moment (r, item);
  if (g_str_equal (name, JM_XML_OPPORTUNITY_SCORE))
    return read_opportunity_score (r, item);
  if (g_str_equal (name, JM_XML_IMAGE))
    {
      if (item->kind != JM_ITEM_KIND_IMAGE)
        return reader_fail (r, JM_FORMAT_ERROR_INVALID, _("Only image items can hold an <image>."));
      return reader_binary (r, name, &item->image, &item->image_type);
    }

  return read_annotations (r, name, G_OBJECT (item));
}

static gboolean
read_item (Reader     *r,
           const char *name,
           gpointer    data)
{
  JmLayer *layer = data;
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_KIND, TRUE, NULL },
    { JM_XML_STAGE, TRUE, NULL },
    { JM_XML_LANE, TRUE, NULL },
    { JM_XML_CHANNEL, FALSE, NULL },
    { JM_XML_COLOR, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmItem) item = NULL;
  int line = reader_line (r);
  int kind = 0, channel = JM_CHANNEL_NONE;
  gboolean ok;

  if (!g_str_equal (name, JM_XML_ITEM))
    return FALSE;

  if (++r->n_items > JM_FORMAT_MAX_ITEMS)
    return reader_fail (r, JM_FORMAT_ERROR_TOO_LARGE,
                        _("The map has more than %d items."), JM_FORMAT_MAX_ITEMS);

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_ITEM, jm_layer_get_state (layer)) &&
       reader_parse_enum (r, line, name, N_("item kind"), JM_TYPE_ITEM_KIND, attributes[1].value, &kind) &&
       reader_parse_color (r, line, name, attributes[5].value);
  if (ok && attributes[4].value != NULL)
    ok = reader_parse_enum (r, line, name, N_("channel"), JM_TYPE_CHANNEL, attributes[4].value, &channel);
  if (ok && kind == JM_ITEM_KIND_TOUCHPOINT && channel == JM_CHANNEL_NONE)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line, _("A touchpoint needs a “channel”."));
  if (ok && kind != JM_ITEM_KIND_TOUCHPOINT && attributes[4].value != NULL)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line, _("Only touchpoints have a “channel”."));

  if (ok)
    {
      item = jm_item_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (item), &foreign);
      item->kind = kind;
      item->channel = channel;
      item->stage_id = g_steal_pointer (&attributes[2].value);
      item->lane_id = g_steal_pointer (&attributes[3].value);
      item->color = g_steal_pointer (&attributes[5].value);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok)
    return FALSE;

  if (!reader_children (r, name, read_item_child, item, _jm_object_get_foreign (JM_OBJECT (item))))
    return FALSE;

  empty_text_is_none (&item->title);
  empty_text_is_none (&item->body);
  empty_text_is_none (&item->moment_rationale);

  reader_append (r, jm_layer_get_items (layer), JM_OBJECT (g_steal_pointer (&item)), line);
  return TRUE;
}

typedef struct
{
  JmLayer *layer;
  char    *persona_id;
} CurveContext;

static gboolean
read_point (Reader     *r,
            const char *name,
            gpointer    data)
{
  CurveContext *curve = data;
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_STAGE, TRUE, NULL },
    { JM_XML_POSITION, TRUE, NULL },
    { JM_XML_SCORE, TRUE, NULL },
    { JM_XML_LABEL, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmEmotionPoint) point = NULL;
  int line = reader_line (r);
  double position = 0, score = 0;
  gboolean ok;

  if (!g_str_equal (name, JM_XML_POINT))
    return FALSE;

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_EMOTION_POINT,
                        jm_layer_get_state (curve->layer)) &&
       reader_parse_double (r, line, name, JM_XML_POSITION, attributes[2].value, 0.0, 1.0, &position) &&
       reader_parse_double (r, line, name, JM_XML_SCORE, attributes[3].value,
                            JM_SCORE_MIN, JM_SCORE_MAX, &score);
  if (ok && g_utf8_strlen (attributes[4].value ? attributes[4].value : "", -1) > JM_FORMAT_MAX_NAME_CHARS)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, line, _("The label is too long."));

  if (ok)
    {
      point = jm_emotion_point_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (point), &foreign);
      point->persona_id = g_strdup (curve->persona_id);
      point->stage_id = g_steal_pointer (&attributes[1].value);
      point->position = position;
      point->score = score;
      point->label = g_steal_pointer (&attributes[4].value);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok)
    return FALSE;

  if (!reader_children (r, name, read_annotation_child, point, _jm_object_get_foreign (JM_OBJECT (point))))
    return FALSE;

  reader_append (r, jm_layer_get_points (curve->layer), JM_OBJECT (g_steal_pointer (&point)), line);
  return TRUE;
}

static gboolean
read_curve (Reader     *r,
            const char *name,
            gpointer    data)
{
  Attribute attributes[] = {
    { JM_XML_PERSONA_REF, FALSE, NULL },
    { NULL }
  };
  CurveContext curve = { data, NULL };
  int line = reader_line (r);
  gboolean ok;

  if (!g_str_equal (name, JM_XML_CURVE))
    return FALSE;

  ok = reader_attributes (r, name, attributes, NULL);
  curve.persona_id = attributes[0].value;

  /* A persona has one curve in a layer: the writer would merge two. */
  if (ok && g_hash_table_contains (r->curves, curve.persona_id ? curve.persona_id : ""))
    ok = curve.persona_id != NULL ?
         reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("“%s” has a second <curve> in this layer; a persona has one."),
                         curve.persona_id) :
         reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                         _("There is a second <curve> of no persona in this layer; there may be one."));
  if (ok)
    g_hash_table_add (r->curves, g_strdup (curve.persona_id ? curve.persona_id : ""));
  ok = ok && reader_children (r, name, read_point, &curve, NULL);

  attributes_clear (attributes);
  return ok;
}

static gboolean
read_link (Reader     *r,
           const char *name,
           gpointer    data)
{
  JmLayer *layer = data;
  Attribute attributes[] = {
    { JM_XML_ID, TRUE, NULL },
    { JM_XML_FROM, TRUE, NULL },
    { JM_XML_TO, TRUE, NULL },
    { JM_XML_LABEL, FALSE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  g_autoptr(JmLink) link = NULL;
  int line = reader_line (r);
  gboolean ok;

  if (!g_str_equal (name, JM_XML_LINK))
    return FALSE;

  ok = reader_attributes (r, name, attributes, &foreign) &&
       reader_claim_id (r, line, name, attributes[0].value, JM_TYPE_LINK, jm_layer_get_state (layer));
  if (ok && g_utf8_strlen (attributes[3].value ? attributes[3].value : "", -1) > JM_FORMAT_MAX_NAME_CHARS)
    ok = reader_fail_at (r, JM_FORMAT_ERROR_TOO_LARGE, line, _("The label is too long."));

  if (ok)
    {
      link = jm_link_new (attributes[0].value);
      reader_give_foreign (JM_OBJECT (link), &foreign);
      link->from_id = g_steal_pointer (&attributes[1].value);
      link->to_id = g_steal_pointer (&attributes[2].value);
      link->label = g_steal_pointer (&attributes[3].value);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  if (!ok)
    return FALSE;

  if (!reader_children (r, name, read_annotation_child, link, _jm_object_get_foreign (JM_OBJECT (link))))
    return FALSE;

  reader_append (r, jm_layer_get_links (layer), JM_OBJECT (g_steal_pointer (&link)), line);
  return TRUE;
}

static gboolean
read_container (Reader     *r,
                const char *name,
                ChildFunc   func,
                gpointer    data)
{
  Attribute attributes[] = { { NULL } };

  if (!reader_attributes (r, name, attributes, NULL) ||
      !reader_children (r, name, func, data, NULL))
    return FALSE;

  /* Every object is read inside a container. */
  reader_flush (r);
  return TRUE;
}

static gboolean
read_layer_child (Reader     *r,
                  const char *name,
                  gpointer    data)
{
  if (g_str_equal (name, JM_XML_ITEMS))
    return read_container (r, name, read_item, data);
  if (g_str_equal (name, JM_XML_EMOTIONS))
    return read_container (r, name, read_curve, data);
  if (g_str_equal (name, JM_XML_LINKS))
    return read_container (r, name, read_link, data);

  return FALSE;
}

static gboolean
read_layer (Reader *r)
{
  Attribute attributes[] = {
    { JM_XML_STATE, TRUE, NULL },
    { NULL }
  };
  JmForeignData foreign = { NULL, NULL };
  int line = reader_line (r);
  JmLayer *layer = NULL;
  int state = 0;
  gboolean ok;

  ok = reader_attributes (r, JM_XML_LAYER, attributes, &foreign) &&
       reader_parse_enum (r, line, JM_XML_LAYER, N_("state"), JM_TYPE_LAYER_STATE,
                          attributes[0].value, &state);
  if (ok)
    {
      layer = jm_document_get_layer (r->document, state);
      if (state == JM_LAYER_STATE_CURRENT && r->read_future)
        reader_note (r, line, _("The current <layer> comes after the future one here; the format "
                                "has it before, and a save puts it there."));
      r->read_future = r->read_future || state == JM_LAYER_STATE_FUTURE;
      /* Also when the first was empty: the schema allows one of each. */
      if ((r->seen_layers & (1u << state)) != 0)
        ok = reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line,
                             _("The map has two <layer> elements for the %s state."),
                             attributes[0].value);
      r->seen_layers |= 1u << state;
    }

  if (ok)
    {
      JmForeignData *target = _jm_layer_get_foreign (layer);

      _jm_foreign_data_clear (target);
      *target = foreign;
      foreign = (JmForeignData) { NULL, NULL };
      r->layer_foreign = target;
      r->curves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ok = reader_children (r, JM_XML_LAYER, read_layer_child, layer, target);
      r->layer_foreign = NULL;
      g_clear_pointer (&r->curves, g_hash_table_unref);
    }

  attributes_clear (attributes);
  _jm_foreign_data_clear (&foreign);
  return ok;
}

/* A decimal whole number from 0 to @max, as g_ascii_string_to_signed
 * (text, 10, 0, max, …) reads one: an optional sign ("-0" is 0), then
 * digits and nothing else. Not with it: it takes any errno left after
 * g_ascii_strtoull () for a failure, and GLib's first g_ascii_strtoull ()
 * or g_ascii_strtod () in a process makes its C locale once (a GOnce), from
 * which a thread that waited for another comes back with errno EAGAIN. A
 * valid map checked beside another was then, rarely, refused. */
static gboolean
parse_whole_number (const char *text,
                    guint64     max,
                    guint64    *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 value = 0;

  g_return_val_if_fail (max <= G_MAXINT64, FALSE);

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (*p == '\0')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      /* Once past @max, it stays just past it: no overflow. */
      value = MIN (value * 10 + (guint64) (*p - '0'), max + 1);
    }

  if (value > max || (negative && value != 0))
    return FALSE;

  *out = value;
  return TRUE;
}

static gboolean
reader_parse_int (Reader     *r,
                  const char *element,
                  const char *text,
                  int         max,
                  int        *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 value;

  if (!parse_whole_number (stripped, (guint64) max, &value))
    return reader_fail (r, JM_FORMAT_ERROR_NUMBER,
                        _("The <%s> “%s” is not a whole number from 0 to %d."), element, text, max);

  *out = (int) value;
  return TRUE;
}

/* Reads @n digits at *@p into @value, and checks its range. */
static gboolean
read_digits (const char **p,
             guint        n,
             guint        min,
             guint        max,
             guint       *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++, (*p)++)
    {
      if (!g_ascii_isdigit (**p))
        return FALSE;
      *value = *value * 10 + (guint) (**p - '0');
    }

  return *value >= min && *value <= max;
}

/* A dateTime as XML Schema writes one (the schema's type), which GLib's
 * ISO 8601 reader is laxer than: it also takes 2026-03-02T09:00Z,
 * 20260302T090000Z, week dates and a comma before fractions. The day of
 * the month, and the years the format allows, GLib checks. */
static gboolean
is_xsd_date_time (const char *text)
{
  const char *p = text;
  guint value;

  if (!read_digits (&p, 4, 1, 9999, &value) || *p++ != '-' ||
      !read_digits (&p, 2, 1, 12, &value) || *p++ != '-' ||
      !read_digits (&p, 2, 1, 31, &value) || *p++ != 'T' ||
      !read_digits (&p, 2, 0, 23, &value) || *p++ != ':' ||
      !read_digits (&p, 2, 0, 59, &value) || *p++ != ':' ||
      !read_digits (&p, 2, 0, 59, &value))
    return FALSE;

  if (*p == '.')
    {
      if (!g_ascii_isdigit (p[1]))
        return FALSE;
      for (p++; g_ascii_isdigit (*p); p++)
        ;
    }

  if (*p == 'Z')
    return p[1] == '\0';
  if (*p == '+' || *p == '-')
    {
      p++;
      return read_digits (&p, 2, 0, 14, &value) && *p++ == ':' && read_digits (&p, 2, 0, 59, &value) &&
             *p == '\0';
    }

  return *p == '\0';
}

static gboolean
reader_parse_date (Reader      *r,
                   const char  *element,
                   const char  *text,
                   GDateTime  **out)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GDateTime) in_utc = NULL;
  GDateTime *date;

  if (*out != NULL)
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("There is a second <%s> here; there may be one."), element);

  date = g_date_time_new_from_iso8601 (stripped, utc);
  if (date == NULL)
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("The <%s> “%s” is not a date and time such as 2026-01-31T09:00:00Z."),
                        element, text);

  if (!g_str_has_suffix (stripped, "Z"))
    reader_note (r, reader_line (r), _("The <%s> “%s” is not in UTC (…Z); a save writes it in UTC."),
                 element, text);
  else if (!r->newer_minor && !is_xsd_date_time (stripped))
    reader_note (r, reader_line (r), _("The <%s> “%s” is not written as the format writes dates, "
                                       "such as 2026-01-31T09:00:00Z; a save writes it so."),
                 element, text);
  /* The schema's pattern (…Z) sees the text before its white space is
   * collapsed: after the Z, none may follow. */
  else if (!r->newer_minor && !g_str_has_suffix (text, "Z"))
    reader_note (r, reader_line (r), _("The <%s> “%s” has white space after the date; a save leaves "
                                       "it out."),
                 element, text);

  /* The writer writes dates in UTC, which GDateTime has from the year 1
   * to 9999 only: 0001-01-01T00:00:00+14:00 is in the year 0 there. */
  in_utc = g_date_time_to_utc (date);
  if (in_utc == NULL)
    {
      g_date_time_unref (date);
      return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                          _("The <%s> “%s” is outside the years 1 to 9999 in UTC."), element, text);
    }

  g_clear_pointer (out, g_date_time_unref);
  *out = date;
  return TRUE;
}

static gboolean
read_document_value (Reader     *r,
                     const char *name,
                     int         max,
                     gboolean   *seen,
                     int        *out)
{
  g_autofree char *text = NULL;

  if (*seen)
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("There is a second <%s> here; there may be one."), name);
  *seen = TRUE;

  return reader_text_element_no_attributes (r, name, 32, &text) &&
         reader_parse_int (r, name, text, max, out);
}

static gboolean
read_document_date (Reader      *r,
                    const char  *name,
                    GDateTime  **out)
{
  g_autofree char *text = NULL;

  return reader_text_element_no_attributes (r, name, 64, &text) &&
         reader_parse_date (r, name, text, out);
}

static gboolean
read_document_child (Reader     *r,
                     const char *name,
                     gpointer    data)
{
  JmDocument *document = r->document;

  if (g_str_equal (name, JM_XML_TITLE))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &document->title);
  if (g_str_equal (name, JM_XML_DESCRIPTION))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_TEXT_CHARS, &document->description);
  if (g_str_equal (name, JM_XML_AUTHOR))
    return reader_text_element_no_attributes (r, name, JM_FORMAT_MAX_NAME_CHARS, &document->author);
  if (g_str_equal (name, JM_XML_CREATED))
    return read_document_date (r, name, &document->created);
  if (g_str_equal (name, JM_XML_MODIFIED))
    return read_document_date (r, name, &document->modified);
  if (g_str_equal (name, JM_XML_RANK))
    return read_document_value (r, name, JM_RANK_MAX, &r->seen_rank, &document->rank);
  if (g_str_equal (name, JM_XML_MAX_LENGTH_DAYS))
    return read_document_value (r, name, JM_MAX_LENGTH_DAYS_MAX, &r->seen_max_length_days,
                                &document->max_length_days);
  if (g_str_equal (name, JM_XML_PERSONAS))
    return read_container (r, name, read_persona, NULL);
  if (g_str_equal (name, JM_XML_STAGES))
    {
      r->seen_stages = TRUE;
      return read_container (r, name, read_stage, NULL);
    }
  if (g_str_equal (name, JM_XML_LANES))
    {
      r->seen_lanes = TRUE;
      return read_container (r, name, read_lane, NULL);
    }
  if (g_str_equal (name, JM_XML_LAYER))
    return read_layer (r);

  return read_annotations (r, name, G_OBJECT (document));
}

/* Digits, without a sign or a leading zero */
static gboolean
is_plain_number (const char *text)
{
  if (text[0] == '\0' || (text[0] == '0' && text[1] != '\0'))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
reader_parse_version (Reader     *r,
                      const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint64 major, minor;

  /* Plain numbers only: "1.01" would be read as 1.1 and written so. Not
   * through errno, see parse_whole_number (). */
  parts = g_strsplit (text, ".", 3);
  if (g_strv_length (parts) != 2 || !is_plain_number (parts[0]) || !is_plain_number (parts[1]) ||
      !parse_whole_number (parts[0], 1000, &major) || !parse_whole_number (parts[1], 1000, &minor) ||
      major == 0)
    return reader_fail (r, JM_FORMAT_ERROR_INVALID,
                        _("“%s” is not a format version such as “1.0”."), text);

  if (major > JM_FORMAT_MAJOR)
    return reader_fail (r, JM_FORMAT_ERROR_UNSUPPORTED_VERSION,
                        _("This map was made with a newer Journeymap (format version %s); this "
                          "version reads format %d.x. Update Journeymap to open it."),
                        text, JM_FORMAT_MAJOR);

  r->document->version.major = (int) major;
  r->document->version.minor = (int) minor;
  r->newer_minor = minor > JM_FORMAT_MINOR;
  return TRUE;
}

/* The value of the attribute @name in no namespace, or NULL */
static const char *
reader_find_attribute (Reader     *r,
                       const char *name)
{
  const JmXmlPullAttribute *attributes;
  guint n_attributes;

  attributes = jm_xml_pull_get_attributes (r->pull, &n_attributes);
  for (guint i = 0; i < n_attributes; i++)
    {
      if (attributes[i].uri == NULL && strcmp (attributes[i].local_name, name) == 0)
        return attributes[i].value;
    }

  return NULL;
}

static gboolean
read_root (Reader *r)
{
  Attribute attributes[] = {
    { JM_XML_FORMAT_VERSION, TRUE, NULL },
    { NULL }
  };
  const char *name = reader_local_name (r);
  int line = reader_line (r);
  const char *version;
  gboolean ok;

  if (!g_str_equal (name, JM_XML_ROOT) || !reader_is_our_namespace (r))
    {
      g_autofree char *qname = qualified_name (jm_xml_pull_get_prefix (r->pull), name);

      return reader_fail (r, JM_FORMAT_ERROR_WRONG_ROOT,
                          _("This is an XML file, but not a journey map (it starts with <%s>, "
                            "not <journey-map> in the Journeymap namespace)."),
                          qname);
    }

  /* The version decides whether unknown attributes are an error, so it is
   * read before the others. */
  version = reader_find_attribute (r, JM_XML_FORMAT_VERSION);
  ok = version != NULL ? reader_parse_version (r, version) :
       reader_fail (r, JM_FORMAT_ERROR_INVALID, _("The <journey-map> element needs a “format-version”."));

  ok = ok && reader_attributes (r, JM_XML_ROOT, attributes, &r->document->foreign) &&
       reader_children (r, JM_XML_ROOT, read_document_child, NULL, &r->document->foreign);
  attributes_clear (attributes);

  if (ok && r->document->title == NULL)
    return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, line, _("The map needs a <title>."));

  empty_text_is_none (&r->document->description);
  empty_text_is_none (&r->document->author);

  /* Required even when empty (the schema says so), but a map without
   * them is still a map: read as one without stages or lanes, and saved
   * with them. A newer minor version is checked as it was before the
   * reader took over the schema's rules. */
  if (ok && !r->newer_minor && !r->seen_stages)
    reader_note (r, line, _("The map has no <%s> element; the format requires one, even an empty "
                            "one, and a save writes it."), JM_XML_STAGES);
  if (ok && !r->newer_minor && !r->seen_lanes)
    reader_note (r, line, _("The map has no <%s> element; the format requires one, even an empty "
                            "one, and a save writes it."), JM_XML_LANES);

  return ok;
}

/* }}} */

/* Checks after parsing {{{ */

static gboolean
check_items (Reader  *r,
             JmLayer *layer)
{
  JmObjectStore *items = jm_layer_get_items (layer);
  guint n_items = jm_object_store_get_n_objects (items);
  const char *stage_id = NULL, *lane_id = NULL; /* known to exist */

  /* The items of a cell usually come together: comparing with the last
   * stage and lane found saves most lookups. */
  for (guint i = 0; i < n_items; i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (g_strcmp0 (item->stage_id, stage_id) != 0 &&
          jm_document_lookup_stage (r->document, item->stage_id) == NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_DANGLING_REFERENCE, reader_line_of (r, items, i),
                               _("The item “%s” is in the stage “%s”, which does not exist."),
                               jm_object_get_id (JM_OBJECT (item)), item->stage_id);
      stage_id = item->stage_id;

      if (g_strcmp0 (item->lane_id, lane_id) != 0 &&
          jm_document_lookup_lane (r->document, item->lane_id) == NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_DANGLING_REFERENCE, reader_line_of (r, items, i),
                               _("The item “%s” is in the lane “%s”, which does not exist."),
                               jm_object_get_id (JM_OBJECT (item)), item->lane_id);
      lane_id = item->lane_id;
    }

  return TRUE;
}

static gboolean
check_points (Reader  *r,
              JmLayer *layer)
{
  JmObjectStore *points = jm_layer_get_points (layer);
  guint n_points = jm_object_store_get_n_objects (points);

  for (guint i = 0; i < n_points; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (jm_document_lookup_stage (r->document, point->stage_id) == NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_DANGLING_REFERENCE, reader_line_of (r, points, i),
                               _("The emotion point “%s” is in the stage “%s”, which does not exist."),
                               jm_object_get_id (JM_OBJECT (point)), point->stage_id);

      if (point->persona_id != NULL &&
          jm_document_lookup_persona (r->document, point->persona_id) == NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_DANGLING_REFERENCE, reader_line_of (r, points, i),
                               _("The emotional curve of “%s” belongs to no persona of this map."),
                               point->persona_id);
    }

  return TRUE;
}

static gboolean
check_links (Reader  *r,
             JmLayer *layer)
{
  JmObjectStore *links = jm_layer_get_links (layer);
  guint n_links = jm_object_store_get_n_objects (links);

  for (guint i = 0; i < n_links; i++)
    {
      JmLink *link = jm_object_store_get_object (links, i);
      const char *missing = NULL;

      if (jm_layer_lookup_item (layer, link->from_id) == NULL)
        missing = link->from_id;
      else if (jm_layer_lookup_item (layer, link->to_id) == NULL)
        missing = link->to_id;

      if (missing != NULL)
        return reader_fail_at (r, JM_FORMAT_ERROR_DANGLING_REFERENCE, reader_line_of (r, links, i),
                               _("The link “%s” connects the item “%s”, which is not in this state "
                                 "of the map."),
                               jm_object_get_id (JM_OBJECT (link)), missing);

      if (g_str_equal (link->from_id, link->to_id))
        return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, reader_line_of (r, links, i),
                               _("The link “%s” goes from an item to itself."),
                               jm_object_get_id (JM_OBJECT (link)));
    }

  return TRUE;
}

static gboolean
check_personas (Reader *r)
{
  JmObjectStore *personas = r->document->personas;
  guint n_personas = jm_object_store_get_n_objects (personas);
  guint n_primary = 0;

  for (guint i = 0; i < n_personas; i++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, i);

      if (persona->primary && ++n_primary > 1)
        return reader_fail_at (r, JM_FORMAT_ERROR_INVALID, reader_line_of (r, personas, i),
                               _("More than one persona is marked primary (“%s” too)."),
                               jm_object_get_id (JM_OBJECT (persona)));
    }

  return TRUE;
}

static gboolean
check_document (Reader *r)
{
  if (!check_personas (r))
    return FALSE;

  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    {
      JmLayer *layer = jm_document_get_layer (r->document, i);

      if (!check_items (r, layer) || !check_points (r, layer) || !check_links (r, layer))
        return FALSE;
    }

  return TRUE;
}

/* }}} */

/* A fault in the XML anywhere in the file says more than what became of
 * the elements before it (a damaged tag reads as a stray element, a file
 * cut off as missing content), so it replaces an error found in them.
 * That also makes the error independent of how far libxml2 parsed ahead. */
static gboolean
reader_prefer_xml_error (Reader *r)
{
  JmXmlPullEvent type = jm_xml_pull_get_event (r->pull);

  if (type == JM_XML_PULL_ERROR || type == JM_XML_PULL_DOCTYPE)
    return FALSE;

  type = jm_xml_pull_skip_to_end (r->pull);
  if (type == JM_XML_PULL_EOF)
    return FALSE;

  g_clear_error (&r->error);
  if (type == JM_XML_PULL_ERROR)
    return reader_fail_from_libxml (r);

  return reader_fail_doctype (r, reader_line (r));
}

static gboolean
reader_run (Reader *r)
{
  JmXmlPullEvent type;

  /* Skip the prologue (comments, processing instructions) to the root;
   * reader_read refuses a DOCTYPE on the way. */
  do
    type = reader_read (r);
  while (type != JM_XML_PULL_START && type != JM_XML_PULL_EOF && r->error == NULL);

  if (r->error != NULL)
    return FALSE;
  if (type == JM_XML_PULL_EOF)
    return reader_fail_at (r, JM_FORMAT_ERROR_EMPTY, 0, _("The file holds no journey map."));

  if (!read_root (r))
    return reader_prefer_xml_error (r);

  /* Read to the end, so trailing garbage is an error too. */
  while (reader_read (r) != JM_XML_PULL_EOF && r->error == NULL)
    ;
  if (r->error != NULL)
    return FALSE;

  return check_document (r);
}

/**
 * jm_xml_reader_read_bytes:
 * @bytes: the content of a .jmap file
 * @display_name: the name of the file, for error messages
 * @error: return location for a #JM_FORMAT_ERROR
 *
 * Reads a journey map. Any input gives either a document or an error that
 * names @display_name, the line and the problem; the reader never loads
 * anything from the network or the disk.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
JmDocument *
jm_xml_reader_read_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  return jm_xml_reader_read_bytes_full (bytes, display_name, NULL, error);
}

/**
 * jm_xml_reader_read_bytes_full:
 * @bytes: the content of a .jmap file
 * @display_name: the name of the file, for error messages
 * @notes: (out) (optional) (element-type utf8): what the reader took
 *   although the schema does not allow it (and a save normalises), as
 *   "FILE:LINE: message"; empty for a file the reader reads as written
 * @error: return location for a #JM_FORMAT_ERROR
 *
 * As jm_xml_reader_read_bytes (), telling also where the file departs
 * from the format in ways the reader forgives.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
JmDocument *
jm_xml_reader_read_bytes_full (GBytes      *bytes,
                               const char  *display_name,
                               GPtrArray  **notes,
                               GError     **error)
{
  g_autoptr(JmXmlPull) pull = NULL;
  g_autoptr(JmDocument) document = NULL;
  Reader r = { 0 };
  const char *data;
  gsize size;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (notes != NULL)
    *notes = NULL;

  r.name = display_name;
  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      reader_fail_at (&r, JM_FORMAT_ERROR_EMPTY, 0, _("The file is empty."));
      g_propagate_error (error, r.error);
      return NULL;
    }

  if (size > JM_FORMAT_MAX_FILE_SIZE)
    {
      g_autofree char *file_size = g_format_size (size);
      g_autofree char *max_size = g_format_size (JM_FORMAT_MAX_FILE_SIZE);

      reader_fail_at (&r, JM_FORMAT_ERROR_TOO_LARGE, 0,
                      _("The file is %s, larger than the %s a journey map may have."),
                      file_size, max_size);
      g_propagate_error (error, r.error);
      return NULL;
    }

  r.data = data;
  r.size = size;
  if (!reader_refuse_other_encoding (&r) || !reader_refuse_declared_encoding (&r) ||
      !reader_refuse_doctype (&r))
    {
      g_propagate_error (error, r.error);
      return NULL;
    }

  pull = jm_xml_pull_new (data, size);
  if (pull == NULL)
    {
      g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_MALFORMED,
                   _("%s: The file could not be read as XML."), display_name);
      return NULL;
    }

  document = jm_document_new ();
  if (notes != NULL)
    r.notes = g_ptr_array_new_with_free_func (g_free);
  r.pull = pull;
  r.document = document;
  r.ids = g_hash_table_new (g_str_hash, g_str_equal);
  r.claims = g_array_new (FALSE, FALSE, sizeof (IdClaim));
  r.id_chunk = g_string_chunk_new (64 * 1024);
  r.logs = g_array_new (FALSE, FALSE, sizeof (StoreLog));
  g_array_set_clear_func (r.logs, store_log_clear);

  ok = reader_run (&r);

  g_hash_table_unref (r.ids);
  g_array_unref (r.claims);
  g_string_chunk_free (r.id_chunk);
  g_array_unref (r.logs);

  if (!ok)
    {
      g_clear_pointer (&r.notes, g_ptr_array_unref);
      g_propagate_error (error, r.error);
      return NULL;
    }

  if (notes != NULL)
    *notes = r.notes;
  return g_steal_pointer (&document);
}
