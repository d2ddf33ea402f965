/* jm-schema-oracle.c: the verdict of the schema and the documented rules,
 * to hold the reader's own checks against
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `journeymap check` no longer runs the RELAX NG schema: the streaming
 * reader checks every rule the schema states. The schema stays the
 * authority, and this file is how the tests ask it: a file is valid when
 * libxml2's RELAX NG validation of data/jmap.rng accepts it (what
 * `xmllint --relaxng data/jmap.rng` does) and it keeps the rules that
 * docs/jmap-format.md lists beyond the schema, checked here again on a
 * tree, independently of the reader. The mutator makes variants of valid
 * maps, deterministically, for the differential test and as fuzz seeds.
 */

#define G_LOG_DOMAIN "jm-test"

#include "config.h"

#include "jm-schema-oracle.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <string.h>

#include "format/jm-picture-check.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "model/jm-document.h"

#define FOREIGN_NS "https://example.org/x"

typedef struct
{
  GHashTable *ids;          /* id → IdUse */
  GHashTable *stages;       /* set of stage ids */
  GHashTable *lanes;
  GHashTable *personas;
  GHashTable *items[2];     /* item ids of each layer */
  GPtrArray  *links;        /* xmlNode, with their layer in links_layer */
  GArray     *links_layer;
  GPtrArray  *curves;       /* persona references to check */
  guint       n_items;
  guint       n_primary;
  gboolean    minor_0;      /* the file says 1.0: what 1.1 added is refused */
  char       *reason;
} Oracle;

typedef struct
{
  char  kind[16];
  guint layers;             /* bit 0: outside layers; bits 1, 2: current, future */
} IdUse;

/* Keeps the parser's first error. libxml2 still builds a tree after some
 * (a namespace name that is not a URI), which the reader refuses as it
 * refuses every error the parser reports. */
static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  char **first = user_data;

  if (*first == NULL && error->level >= XML_ERR_ERROR)
    *first = g_strdup_printf ("line %d: %s", error->line, error->message != NULL ? error->message : "");
}

/* Keeps the schema's first complaint, to say why. */
static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  char **first = user_data;

  if (*first == NULL && error->level >= XML_ERR_ERROR)
    *first = g_strdup_printf ("line %d: %s", error->line, error->message != NULL ? error->message : "");
}

static xmlRelaxNGPtr
oracle_schema (void)
{
  static xmlRelaxNGPtr schema = NULL;

  if (schema == NULL)
    {
      xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (JM_TEST_SCHEMA_PATH);

      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (schema);
    }

  return schema;
}

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL && strcmp ((const char *) node->ns->href, JM_XML_NAMESPACE) == 0;
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return strcmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode           *node,
         const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (name_is (node, names[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

static gboolean
oracle_fail (Oracle     *o,
             xmlNode    *node,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
oracle_fail (Oracle     *o,
             xmlNode    *node,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (o->reason == NULL)
    o->reason = g_strdup_printf ("line %ld: %s", node != NULL ? xmlGetLineNo (node) : 0L, message);
  return FALSE;
}

static gboolean
has_long_run_of_marks (const char *text)
{
  guint run = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_ismark (g_utf8_get_char (p)))
        run = 0;
      else if (++run > JM_FORMAT_MAX_MARKS_IN_A_ROW)
        return TRUE;
    }

  return FALSE;
}

static gboolean
oracle_claim (Oracle     *o,
              xmlNode    *node,
              const char *kind,
              int         layer)
{
  g_autofree char *id = get_attr (node, "id");
  guint bit = 1u << (layer + 1);
  IdUse *use;

  /* A missing id is the schema's to refuse. */
  if (id == NULL)
    return TRUE;

  use = g_hash_table_lookup (o->ids, id);
  if (use == NULL)
    {
      use = g_new0 (IdUse, 1);
      g_strlcpy (use->kind, kind, sizeof use->kind);
      use->layers = bit;
      g_hash_table_insert (o->ids, g_steal_pointer (&id), use);
      return TRUE;
    }

  /* Counterparts: the same kind, once in each layer. */
  if (layer >= 0 && strcmp (use->kind, kind) == 0 && (use->layers & (bit | 1u)) == 0)
    {
      use->layers |= bit;
      return TRUE;
    }

  return oracle_fail (o, node, "the id “%s” is used twice", id);
}

/* Where Journeymap 0.1 refuses extensions (docs/jmap-format.md, "Journeymap
 * 0.1 and this specification"): on the lists, curves, Moments of Truth
 * and text-valued elements. */
static gboolean
oracle_no_extensions (Oracle  *o,
                      xmlNode *node)
{
  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      if (attribute->ns != NULL)
        return oracle_fail (o, node, "an extension attribute on <%s>", node->name);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && !is_ours (child))
        return oracle_fail (o, node, "an extension element in <%s>", node->name);
    }

  return TRUE;
}

/* Whether @value has an "e" or "E" not followed by a digit (after a
 * sign): an exponent without digits. */
static gboolean
has_exponent_without_digits (const char *value)
{
  const char *e = strpbrk (value, "eE");

  if (e == NULL)
    return FALSE;
  e++;
  if (*e == '+' || *e == '-')
    e++;
  return !g_ascii_isdigit (*e);
}

static gboolean
oracle_walk (Oracle  *o,
             xmlNode *node,
             int      layer)
{
  static const char *const no_extensions[] = {
    "personas", "stages", "lanes", "items", "emotions", "links", "curve", "moment-of-truth",
    "title", "description", "author", "created", "modified", "rank", "max-length-days", "name",
    "role", "goals", "motivations", "frustrations", "photo", "duration", "body", "image",
    "rationale", "presenter-note", NULL
  };
  static const char *const texts[] = {
    "title", "description", "author", "name", "role", "goals", "motivations", "frustrations",
    "duration", "body", "rationale", "presenter-note", NULL
  };
  static const char *const values_elements[] = {
    "title", "description", "author", "created", "modified", "rank", "max-length-days", "name",
    "role", "goals", "motivations", "frustrations", "photo", "duration", "body", "image",
    "rationale", "presenter-note", NULL
  };
  static const char *const enums[] = { "kind", "channel", "state", "media-type", "primary", NULL };
  static const char *const doubles[] = { "width", "height", "position", "score", "effort", NULL };

  if (name_in (node, no_extensions) && !oracle_no_extensions (o, node))
    return FALSE;

  /* Journeymap 0.1 takes the values of a list exactly as the format
   * names them, without the white space the schema's tokens allow. */
  for (guint i = 0; enums[i] != NULL; i++)
    {
      g_autofree char *value = get_attr (node, enums[i]);

      if (value != NULL && value[0] != '\0' &&
          (g_ascii_isspace (value[0]) || g_ascii_isspace (value[strlen (value) - 1])))
        return oracle_fail (o, node, "white space around “%s”", value);
    }

  /* docs/jmap-format.md, Values: a number's exponent has digits, as
   * XML Schema's double says; libxml2 2.9 lets "1e" and "0e+" pass. */
  for (guint i = 0; doubles[i] != NULL; i++)
    {
      g_autofree char *value = get_attr (node, doubles[i]);

      if (value != NULL && has_exponent_without_digits (value))
        return oracle_fail (o, node, "the number “%s” has an exponent without digits", value);
    }

  /* Journeymap 0.1 refuses CDATA between the format's elements, even
   * a blank section, which the schema takes as white space. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_CDATA_SECTION_NODE && !name_in (node, values_elements))
        return oracle_fail (o, node, "a CDATA section in <%s>", node->name);
    }

  if (name_in (node, texts))
    {
      g_autofree char *text = get_text (node);

      if (has_long_run_of_marks (text))
        return oracle_fail (o, node, "more than %d combining marks on a letter",
                            JM_FORMAT_MAX_MARKS_IN_A_ROW);
    }

  /* docs/jmap-format.md, Versions: in a 1.0 file, the elements 1.1 added
   * are errors (the schema, of 1.1, has them everywhere they belong). */
  if (o->minor_0 && (name_is (node, "comments") || name_is (node, "conflicts") ||
                     name_is (node, "opportunity-score") || name_is (node, "presenter-note")))
    return oracle_fail (o, node, "<%s>, of format 1.1, in a 1.0 file", node->name);

  if (name_is (node, "created") || name_is (node, "modified"))
    {
      g_autofree char *text = get_text (node);
      const char *p = text;
      guint64 year = 0;
      guint n = 0;

      while (g_ascii_isspace (*p))
        p++;
      for (; g_ascii_isdigit (*p); p++, n++)
        year = year * 10 + (guint64) (*p - '0');
      if (*p == '-' && (n == 0 || year == 0 || year > 9999))
        return oracle_fail (o, node, "a date outside the years 1 to 9999");
      /* Journeymap 0.1 does not take 24:00:00, the end of a day. */
      if (strstr (text, "T24:") != NULL)
        return oracle_fail (o, node, "a time of 24:00");
    }

  if ((name_is (node, "photo") || name_is (node, "image")))
    {
      g_autofree char *type = get_attr (node, "media-type");
      g_autofree char *base64 = get_text (node);

      /* libxml2 2.9 skips characters outside base64 ("@@@@" passes as
       * empty); XML Schema, and the reader, take only white space
       * between its letters (docs/jmap-format.md: content that is not
       * base64). */
      if (base64[strspn (base64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n")] != '\0')
        return oracle_fail (o, node, "<%s> is not base64", node->name);

      if (g_strcmp0 (type, "image/svg+xml") == 0)
        {
          g_autofree char *text = get_text (node);
          g_autofree guchar *svg = NULL;
          g_autoptr(GError) error = NULL;
          gsize size;

          svg = g_base64_decode (text, &size);
          if (!jm_picture_check_svg ((const char *) svg, size, NULL, &error))
            return oracle_fail (o, node, "the SVG picture: %s", error->message);
        }
    }

  if (name_is (node, "persona"))
    {
      g_autofree char *id = get_attr (node, "id");
      g_autofree char *primary = get_attr (node, "primary");

      if (!oracle_claim (o, node, "persona", -1))
        return FALSE;
      if (id != NULL)
        g_hash_table_add (o->personas, g_steal_pointer (&id));
      if (primary != NULL && (strcmp (g_strstrip (primary), "true") == 0 || strcmp (primary, "1") == 0) &&
          ++o->n_primary > 1)
        return oracle_fail (o, node, "a second primary persona");
    }
  else if (name_is (node, "stage") || name_is (node, "lane"))
    {
      g_autofree char *id = get_attr (node, "id");

      if (!oracle_claim (o, node, (const char *) node->name, -1))
        return FALSE;
      if (id != NULL)
        g_hash_table_add (name_is (node, "stage") ? o->stages : o->lanes, g_steal_pointer (&id));
    }
  else if (name_is (node, "layer"))
    {
      g_autofree char *state = get_attr (node, "state");

      layer = g_strcmp0 (state, "future") == 0 ? 1 : 0;
    }
  else if (name_is (node, "item") && layer >= 0)
    {
      g_autofree char *id = get_attr (node, "id");

      if (!oracle_claim (o, node, "item", layer))
        return FALSE;
      if (id != NULL)
        g_hash_table_add (o->items[layer], g_steal_pointer (&id));
      if (++o->n_items > JM_FORMAT_MAX_ITEMS)
        return oracle_fail (o, node, "too many items");
    }
  else if (name_is (node, "point") && layer >= 0)
    {
      if (!oracle_claim (o, node, "point", layer))
        return FALSE;
    }
  else if (name_is (node, "link") && layer >= 0)
    {
      if (!oracle_claim (o, node, "link", layer))
        return FALSE;
      g_ptr_array_add (o->links, node);
      g_array_append_val (o->links_layer, layer);
    }
  else if (name_is (node, "emotions") && layer >= 0)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (xmlNode *curve = node->children; curve != NULL; curve = curve->next)
        {
          char *persona;

          if (curve->type != XML_ELEMENT_NODE || !is_ours (curve) || !name_is (curve, "curve"))
            continue;
          persona = get_attr (curve, "persona");
          if (persona != NULL)
            g_ptr_array_add (o->curves, g_strdup (persona));
          if (!g_hash_table_add (seen, persona != NULL ? persona : g_strdup ("")))
            return oracle_fail (o, curve, "a second curve of one persona in a layer");
        }
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && is_ours (child) && !oracle_walk (o, child, layer))
        return FALSE;
    }

  return TRUE;
}

static gboolean
oracle_references (Oracle  *o,
                   xmlNode *node,
                   int      layer)
{
  if (name_is (node, "layer"))
    {
      g_autofree char *state = get_attr (node, "state");

      layer = g_strcmp0 (state, "future") == 0 ? 1 : 0;
    }

  if (name_is (node, "item") || name_is (node, "point"))
    {
      g_autofree char *stage = get_attr (node, "stage");
      g_autofree char *lane = get_attr (node, "lane");

      if (stage != NULL && !g_hash_table_contains (o->stages, stage))
        return oracle_fail (o, node, "no stage “%s”", stage);
      if (name_is (node, "item") && lane != NULL && !g_hash_table_contains (o->lanes, lane))
        return oracle_fail (o, node, "no lane “%s”", lane);
    }

  if (name_is (node, "curve"))
    {
      g_autofree char *persona = get_attr (node, "persona");

      if (persona != NULL && !g_hash_table_contains (o->personas, persona))
        return oracle_fail (o, node, "no persona “%s”", persona);
    }

  if (name_is (node, "link") && layer >= 0)
    {
      g_autofree char *from = get_attr (node, "from");
      g_autofree char *to = get_attr (node, "to");

      if (from != NULL && !g_hash_table_contains (o->items[layer], from))
        return oracle_fail (o, node, "no item “%s” in the layer", from);
      if (to != NULL && !g_hash_table_contains (o->items[layer], to))
        return oracle_fail (o, node, "no item “%s” in the layer", to);
      if (from != NULL && to != NULL && strcmp (from, to) == 0)
        return oracle_fail (o, node, "a link from an item to itself");
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && is_ours (child) && !oracle_references (o, child, layer))
        return FALSE;
    }

  return TRUE;
}

/**
 * jm_oracle_judge:
 * @bytes: a file
 * @reason: (out) (optional): why it is invalid
 *
 * The verdict of `xmllint --relaxng data/jmap.rng` together with the rules
 * docs/jmap-format.md lists beyond the schema (and the places where it says
 * Journeymap 0.1 is stricter), checked on a tree.
 */
JmOracleVerdict
jm_oracle_judge (GBytes  *bytes,
                 char   **reason)
{
  const char *data;
  gsize size;
  xmlDocPtr doc;
  xmlNode *root;
  xmlRelaxNGValidCtxtPtr context;
  g_autofree char *version = NULL;
  Oracle o = { 0 };
  int status;
  JmOracleVerdict verdict = JM_ORACLE_VALID;

  data = g_bytes_get_data (bytes, &size);

#define REFUSE(...) \
  G_STMT_START { \
    if (reason != NULL) \
      *reason = g_strdup_printf (__VA_ARGS__); \
    g_free (o.reason); \
    return JM_ORACLE_INVALID; \
  } G_STMT_END

  if (size > JM_FORMAT_MAX_FILE_SIZE)
    REFUSE ("larger than a map may be");
  /* UTF-16 and UTF-32 have NUL bytes, which UTF-8 XML never has. */
  if (size == 0 || memchr (data, '\0', size) != NULL)
    REFUSE ("empty, or not UTF-8");

  xmlSetStructuredErrorFunc (&o.reason, parse_error_cb);
  doc = xmlReadMemory (data, (int) size, "oracle.jmap", NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc == NULL)
    REFUSE ("not well-formed XML");
  if (o.reason != NULL)
    {
      xmlFreeDoc (doc);
      REFUSE ("an error of the XML parser: %s", g_strstrip (o.reason));
    }

  root = xmlDocGetRootElement (doc);
  if (doc->intSubset != NULL)
    {
      xmlFreeDoc (doc);
      REFUSE ("a DOCTYPE");
    }
  if (doc->encoding != NULL && g_ascii_strcasecmp ((const char *) doc->encoding, "UTF-8") != 0)
    {
      xmlFreeDoc (doc);
      REFUSE ("declares another encoding than UTF-8");
    }

  /* A newer minor version may hold what the 1.0 schema does not know. */
  version = root != NULL ? get_attr (root, "format-version") : NULL;
  if (root != NULL && is_ours (root) && name_is (root, "journey-map") && version != NULL &&
      g_str_has_prefix (version, "1.") && g_ascii_isdigit (version[2]) && version[2] != '0' &&
      strspn (version + 2, "0123456789") == strlen (version + 2))
    {
      xmlFreeDoc (doc);
      return JM_ORACLE_NO_VERDICT;
    }

  context = xmlRelaxNGNewValidCtxt (oracle_schema ());
  xmlRelaxNGSetValidStructuredErrors (context, schema_error_cb, &o.reason);
  status = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  if (status != 0)
    {
      xmlFreeDoc (doc);
      REFUSE ("the schema refuses it: %s", o.reason != NULL ? g_strstrip (o.reason) : "");
    }

  o.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.personas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.items[0] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.items[1] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.links = g_ptr_array_new ();
  o.links_layer = g_array_new (FALSE, FALSE, sizeof (int));
  o.curves = g_ptr_array_new_with_free_func (g_free);

  o.minor_0 = g_strcmp0 (version, "1.0") == 0;
  if (!oracle_walk (&o, root, -1) || !oracle_references (&o, root, -1))
    verdict = JM_ORACLE_INVALID;

  if (reason != NULL)
    *reason = g_steal_pointer (&o.reason);
  g_free (o.reason);
  g_hash_table_unref (o.ids);
  g_hash_table_unref (o.stages);
  g_hash_table_unref (o.lanes);
  g_hash_table_unref (o.personas);
  g_hash_table_unref (o.items[0]);
  g_hash_table_unref (o.items[1]);
  g_ptr_array_unref (o.links);
  g_array_unref (o.links_layer);
  g_ptr_array_unref (o.curves);
  xmlFreeDoc (doc);

#undef REFUSE

  return verdict;
}

/**
 * jm_oracle_check_verdict:
 * @bytes: a file
 * @reason: (out) (optional): the first problem when invalid
 *
 * The verdict of `journeymap check` on @bytes, in process: the reader
 * accepts the file and forgave nothing.
 *
 * Returns: whether the file is valid
 */
gboolean
jm_oracle_check_verdict (GBytes  *bytes,
                         char   **reason)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  document = jm_xml_reader_read_bytes_full (bytes, "check.jmap", &notes, &error);
  if (document == NULL)
    {
      if (reason != NULL)
        *reason = g_strdup (error->message);
      return FALSE;
    }

  if (notes->len > 0)
    {
      if (reason != NULL)
        *reason = g_strdup (g_ptr_array_index (notes, 0));
      return FALSE;
    }

  return TRUE;
}

/* Mutations {{{ */

static const char *const element_names[] = {
  "journey-map", "title", "description", "author", "created", "modified", "rank", "max-length-days",
  "personas", "persona", "name", "role", "goals", "motivations", "frustrations", "photo", "stages",
  "stage", "duration", "lanes", "lane", "layer", "items", "item", "body", "image", "moment-of-truth",
  "rationale", "emotions", "curve", "point", "links", "link", "opportunity-score", "presenter-note", "unknown", NULL
};

static const char *const attribute_names[] = {
  "format-version", "id", "primary", "color", "width", "kind", "height", "state", "stage", "lane",
  "channel", "label", "persona", "position", "score", "from", "to", "media-type", "customer-value",
  "business-value", "effort", "unknown", NULL
};

static const char *const values[] = {
  "", " ", "0", "1", "-1", "1.0", "1.01", "2.0", "01", "007", "+5", "-0", " 3 ", "1e1", "1E-1",
  ".5", "5.", "-.5", "NaN", "INF", "-INF", "0x10", "1,5", "5.0000001", "-5", "-5.1", "40", "39.9",
  "4000", "4000.5", "20", "1000000", "1000001", "36500", "36501", "true", "false", " true",
  "TRUE", "#12ab9F", "#12345", "#12345g", "#1234567", "current", "future", " current",
  "touchpoint", "card", "pain-point", "opportunity", "note", "image", "custom", "zero", "first",
  "second", "none", "web", "other", " web", "actions", "emotions", "images", "text", "image/png",
  "image/svg+xml", "image/gif", "a", "_", "9a", "a b", "a.b-c_d", "é", "stage-a", "lane-a",
  "2026-03-02T09:00:00Z", "2026-03-02T09:00:00", "2026-03-02T09:00:00+01:00", "0000-01-01T00:00:00Z",
  "10000-01-01T00:00:00Z", "2026-02-30T09:00:00Z", " 2026-03-02T09:00:00Z ", "QUJD", "QUJ=",
  "QQ==", "QR==", "Q", "QUJD QUJD", "@@@@", "\t", "x\ny", "2026-03-02T09:00:00.5Z",
  "2026-03-02T09:00Z", "-2026-03-02T09:00:00Z", "2026-3-2T09:00:00Z", "9999-12-31T24:00:00Z",
  "2026-03-02T24:00:00Z", "2026-03-02t09:00:00z", "0.0", "00", "1.", "+0", "5e0", "-5e0", "5e-324",
  "1e400", "-1e400", "infinity", "+INF", "0.5 ", "\n1\n", "image/jpeg", "image/PNG",
  "LONG-NAME", "LONG-NAME-PLUS", "LONG-WIDE", "LONG-ID", "LONG-ID-PLUS", "1e", "0e+", "0e ", "1.5E-",
  NULL
};

/* Values at the limits of lengths, in bytes and in characters, are named
 * in the list and made here. */
static char *
expand_value (const char *value)
{
  if (strcmp (value, "LONG-NAME") == 0)
    return g_strnfill (1000, 'n');
  if (strcmp (value, "LONG-NAME-PLUS") == 0)
    return g_strnfill (1001, 'n');
  if (strcmp (value, "LONG-WIDE") == 0)
    {
      GString *wide = g_string_new (NULL);

      for (guint i = 0; i < 1000; i++)
        g_string_append (wide, "é");
      return g_string_free (wide, FALSE);
    }
  if (strcmp (value, "LONG-ID") == 0)
    return g_strnfill (64, 'i');
  if (strcmp (value, "LONG-ID-PLUS") == 0)
    return g_strnfill (65, 'i');

  return g_strdup (value);
}

static void
collect_nodes (xmlNode   *node,
               GPtrArray *elements)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_ptr_array_add (elements, node);
      collect_nodes (node->children, elements);
    }
}

static const char *
pick (GRand             *rand,
      const char *const *list)
{
  guint n = g_strv_length ((char **) list);

  return list[g_rand_int_range (rand, 0, (gint32) n)];
}

/* Something else the map uses (an id, a number, a word) or a made-up value. */
static char *
pick_value (GRand     *rand,
            GPtrArray *elements)
{
  xmlNode *other;

  if (g_rand_int_range (rand, 0, 3) > 0)
    return expand_value (pick (rand, values));

  other = g_ptr_array_index (elements, g_rand_int_range (rand, 0, (gint32) elements->len));
  for (xmlAttr *attribute = other->properties; attribute != NULL; attribute = attribute->next)
    {
      if (g_rand_boolean (rand) || attribute->next == NULL)
        return get_attr (other, (const char *) attribute->name);
    }

  return g_strdup ("");
}

static void
mutate_once (xmlDocPtr  doc,
             GRand     *rand)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  xmlNode *node, *copy, *parent;
  xmlNsPtr foreign;
  g_autofree char *value = NULL;
  guint n_attributes = 0;
  xmlAttr *attribute;

  collect_nodes (xmlDocGetRootElement (doc), elements);
  node = g_ptr_array_index (elements, g_rand_int_range (rand, 0, (gint32) elements->len));
  parent = node->parent;
  for (attribute = node->properties; attribute != NULL; attribute = attribute->next)
    n_attributes++;
  attribute = node->properties;
  if (n_attributes > 0)
    for (guint i = g_rand_int_range (rand, 0, (gint32) n_attributes); i > 0; i--)
      attribute = attribute->next;

  switch (g_rand_int_range (rand, 0, 14))
    {
    case 0: /* drop an element */
      if (parent != NULL && parent->type == XML_ELEMENT_NODE)
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
      break;

    case 1: /* duplicate an element */
      copy = xmlCopyNode (node, 1);
      if (parent != NULL && parent->type == XML_ELEMENT_NODE)
        xmlAddNextSibling (node, copy);
      else
        xmlFreeNode (copy);
      break;

    case 2: /* rename an element */
      xmlNodeSetName (node, (const xmlChar *) pick (rand, element_names));
      break;

    case 3: /* move an element before its previous sibling element */
      for (copy = node->prev; copy != NULL && copy->type != XML_ELEMENT_NODE; copy = copy->prev)
        ;
      if (copy != NULL)
        {
          xmlUnlinkNode (node);
          xmlAddPrevSibling (copy, node);
        }
      break;

    case 4: /* drop an attribute */
      if (attribute != NULL)
        xmlRemoveProp (attribute);
      break;

    case 5: /* rename an attribute */
      if (attribute != NULL && !xmlHasProp (node, (const xmlChar *) pick (rand, attribute_names)))
        xmlNodeSetName ((xmlNode *) attribute, (const xmlChar *) pick (rand, attribute_names));
      break;

    case 6: /* a bad value */
      value = pick_value (rand, elements);
      if (attribute != NULL)
        xmlSetNsProp (node, attribute->ns, attribute->name, (const xmlChar *) value);
      break;

    case 7: /* an attribute added */
      value = pick_value (rand, elements);
      xmlSetProp (node, (const xmlChar *) pick (rand, attribute_names), (const xmlChar *) value);
      break;

    case 8: /* other text */
      value = pick_value (rand, elements);
      if (node->children == NULL || node->children->type == XML_TEXT_NODE)
        xmlNodeSetContent (node, (const xmlChar *) value);
      else
        xmlAddChild (node, xmlNewText ((const xmlChar *) (g_rand_boolean (rand) ? "x" : "\n  ")));
      break;

    case 9: /* an extension element */
      foreign = xmlSearchNsByHref (doc, node, (const xmlChar *) FOREIGN_NS);
      if (foreign == NULL)
        foreign = xmlNewNs (node, (const xmlChar *) FOREIGN_NS, (const xmlChar *) "x");
      copy = xmlNewNode (foreign, (const xmlChar *) "ext");
      xmlSetNsProp (copy, foreign, (const xmlChar *) "a", (const xmlChar *) "1");
      if (node->children != NULL && g_rand_boolean (rand))
        xmlAddPrevSibling (node->children, copy);
      else
        xmlAddChild (node, copy);
      break;

    case 10: /* an extension attribute */
      foreign = xmlSearchNsByHref (doc, node, (const xmlChar *) FOREIGN_NS);
      if (foreign == NULL)
        foreign = xmlNewNs (node, (const xmlChar *) FOREIGN_NS, (const xmlChar *) "x");
      xmlSetNsProp (node, foreign, (const xmlChar *) "owner", (const xmlChar *) "marketing");
      break;

    case 11: /* an element of the format's namespace named with a prefix, or of none */
      if (g_rand_boolean (rand))
        xmlSetNs (node, NULL);
      else
        xmlSetNs (node, xmlNewNs (node, (const xmlChar *) JM_XML_NAMESPACE, (const xmlChar *) "j"));
      break;

    case 12: /* a CDATA section, blank or not */
      copy = xmlNewCDataBlock (doc, (const xmlChar *) (g_rand_boolean (rand) ? " " : "x"), 1);
      if (node->children != NULL && g_rand_boolean (rand))
        xmlAddPrevSibling (node->children, copy);
      else
        xmlAddChild (node, copy);
      break;

    default: /* a comment or a processing instruction */
      copy = g_rand_boolean (rand) ? xmlNewComment ((const xmlChar *) " note ") :
             xmlNewPI ((const xmlChar *) "pi", (const xmlChar *) "data");
      if (node->children != NULL)
        xmlAddPrevSibling (node->children, copy);
      else
        xmlAddChild (node, copy);
      break;
    }
}

/**
 * jm_oracle_mutate:
 * @valid: a valid map
 * @seed: the same seed makes the same variants
 * @n_variants: how many
 *
 * Variants of @valid, each with one to three mutations: elements dropped,
 * duplicated, renamed or moved, attributes dropped, renamed or added, bad
 * values and text, extensions, comments.
 *
 * Returns: (transfer full) (element-type GBytes): the variants
 */
GPtrArray *
jm_oracle_mutate (GBytes  *valid,
                  guint32  seed,
                  guint    n_variants)
{
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char *data;
  gsize size;

  data = g_bytes_get_data (valid, &size);
  for (guint i = 0; i < n_variants; i++)
    {
      xmlDocPtr doc = xmlReadMemory (data, (int) size, "variant.jmap", NULL, XML_PARSE_NONET);
      guint n_mutations = (guint) g_rand_int_range (rand, 1, 4);
      xmlChar *out = NULL;
      int out_size = 0;

      g_assert_nonnull (doc);
      for (guint m = 0; m < n_mutations; m++)
        mutate_once (doc, rand);
      xmlDocDumpMemoryEnc (doc, &out, &out_size, "UTF-8");
      g_ptr_array_add (variants, g_bytes_new (out, (gsize) out_size));
      xmlFree (out);
      xmlFreeDoc (doc);
    }

  return g_steal_pointer (&variants);
}

/* The value of one attribute or text of @doc, found again in a fresh copy
 * by the place of its element in document order. */
static void
add_value_variant (GPtrArray   *variants,
                   const char  *data,
                   gsize        size,
                   guint        element_index,
                   const char  *attribute,
                   const char  *value)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "variant.jmap", NULL, XML_PARSE_NONET);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  xmlNode *node;
  xmlChar *out = NULL;
  int out_size = 0;

  collect_nodes (xmlDocGetRootElement (doc), elements);
  node = g_ptr_array_index (elements, element_index);
  if (attribute != NULL)
    xmlSetProp (node, (const xmlChar *) attribute, (const xmlChar *) value);
  else
    xmlNodeSetContent (node, (const xmlChar *) value);

  xmlDocDumpMemoryEnc (doc, &out, &out_size, "UTF-8");
  g_ptr_array_add (variants, g_bytes_new (out, (gsize) out_size));
  xmlFree (out);
  xmlFreeDoc (doc);
}

/**
 * jm_oracle_value_variants:
 * @valid: a valid map
 *
 * Variants of @valid with one value changed: each attribute and each text
 * of the first element of each name, given each value the mutator knows
 * (numbers at and beyond their ranges, other spellings of booleans and
 * dates, lists' values with white space, ids, colours, base64 …).
 *
 * Returns: (transfer full) (element-type GBytes): the variants
 */
GPtrArray *
jm_oracle_value_variants (GBytes *valid)
{
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *data;
  gsize size;
  xmlDocPtr doc;

  data = g_bytes_get_data (valid, &size);
  doc = xmlReadMemory (data, (int) size, "variant.jmap", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  collect_nodes (xmlDocGetRootElement (doc), elements);

  for (guint i = 0; i < elements->len; i++)
    {
      xmlNode *node = g_ptr_array_index (elements, i);
      gboolean text_only = TRUE;

      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        {
          g_autofree char *key = g_strdup_printf ("%s@%s", node->name, attribute->name);

          if (attribute->ns != NULL || !g_hash_table_add (seen, g_steal_pointer (&key)))
            continue;
          for (guint v = 0; values[v] != NULL; v++)
            {
              g_autofree char *value = expand_value (values[v]);

              add_value_variant (variants, data, size, i, (const char *) attribute->name, value);
            }
        }

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        text_only = text_only && child->type == XML_TEXT_NODE;
      if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE && text_only &&
          g_hash_table_add (seen, g_strdup ((const char *) node->name)))
        {
          for (guint v = 0; values[v] != NULL; v++)
            {
              g_autofree char *value = expand_value (values[v]);

              add_value_variant (variants, data, size, i, NULL, value);
            }
        }
    }

  xmlFreeDoc (doc);
  return g_steal_pointer (&variants);
}

/* }}} */
