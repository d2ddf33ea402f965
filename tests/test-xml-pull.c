/* test-xml-pull.c: the pull cursor the reader is built on
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "format/jm-xml-pull.h"

static JmXmlPull *
pull_new (const char *xml)
{
  JmXmlPull *pull = jm_xml_pull_new (xml, strlen (xml));

  g_assert_nonnull (pull);
  return pull;
}

static void
assert_next (JmXmlPull      *pull,
             JmXmlPullEvent  type,
             const char     *name_or_text)
{
  g_assert_cmpint (jm_xml_pull_next (pull), ==, type);

  if (type == JM_XML_PULL_START || type == JM_XML_PULL_END)
    g_assert_cmpstr (jm_xml_pull_get_local_name (pull), ==, name_or_text);
  else if (name_or_text != NULL)
    g_assert_cmpstr (jm_xml_pull_get_text (pull, NULL), ==, name_or_text);
}

/* Every kind of event in order; an empty element is a START and an END;
 * references are resolved in text and attributes; adjacent CDATA sections
 * come as one, as libxml2's tree has them. */
static void
test_pull_events (void)
{
  g_autoptr(JmXmlPull) pull = pull_new (
    "<a xmlns='urn:a' xmlns:p='urn:p' p:k='1&amp;2&#38;3' k='&lt;v&gt;'>"
    "<b/>t&amp;u&#33;<!--c--><?pi d?><![CDATA[x]]><![CDATA[y]]></a>");
  const JmXmlPullAttribute *attributes;
  const JmXmlPullNamespace *namespaces;
  guint n_attributes, n_namespaces;

  assert_next (pull, JM_XML_PULL_START, "a");
  g_assert_cmpstr (jm_xml_pull_get_uri (pull), ==, "urn:a");
  g_assert_null (jm_xml_pull_get_prefix (pull));

  namespaces = jm_xml_pull_get_namespaces (pull, &n_namespaces);
  g_assert_cmpuint (n_namespaces, ==, 2);
  g_assert_null (namespaces[0].prefix);
  g_assert_cmpstr (namespaces[1].prefix, ==, "p");
  g_assert_cmpstr (namespaces[1].uri, ==, "urn:p");

  attributes = jm_xml_pull_get_attributes (pull, &n_attributes);
  g_assert_cmpuint (n_attributes, ==, 2);
  g_assert_cmpstr (attributes[0].prefix, ==, "p");
  g_assert_cmpstr (attributes[0].uri, ==, "urn:p");
  g_assert_cmpstr (attributes[0].value, ==, "1&2&3");
  g_assert_null (attributes[1].uri);
  g_assert_cmpstr (attributes[1].value, ==, "<v>");

  assert_next (pull, JM_XML_PULL_START, "b");
  assert_next (pull, JM_XML_PULL_END, "b");
  assert_next (pull, JM_XML_PULL_TEXT, "t&u!");
  assert_next (pull, JM_XML_PULL_COMMENT, "c");
  assert_next (pull, JM_XML_PULL_PI, "d");
  g_assert_cmpstr (jm_xml_pull_get_local_name (pull), ==, "pi");
  assert_next (pull, JM_XML_PULL_CDATA, "xy");
  assert_next (pull, JM_XML_PULL_END, "a");
  assert_next (pull, JM_XML_PULL_EOF, NULL);
  assert_next (pull, JM_XML_PULL_EOF, NULL);
}

/* An END has the line of its START, text the line where it ends. */
static void
test_pull_lines (void)
{
  g_autoptr(JmXmlPull) pull = pull_new ("<a\n>\n<b>\nx\n</b>\n\n</a>");

  assert_next (pull, JM_XML_PULL_START, "a");
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 2);
  assert_next (pull, JM_XML_PULL_TEXT, "\n");
  assert_next (pull, JM_XML_PULL_START, "b");
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 3);
  assert_next (pull, JM_XML_PULL_TEXT, "\nx\n");
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 5);
  assert_next (pull, JM_XML_PULL_END, "b");
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 3);
  assert_next (pull, JM_XML_PULL_TEXT, "\n\n");
  assert_next (pull, JM_XML_PULL_END, "a");
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 2);
}

/* The events before an error come first; the error then stays. */
static void
test_pull_error_stays (void)
{
  g_autoptr(JmXmlPull) pull = pull_new ("<a>\n<b>\n</a>");
  const JmXmlPullError *error;

  assert_next (pull, JM_XML_PULL_START, "a");
  assert_next (pull, JM_XML_PULL_TEXT, "\n");
  assert_next (pull, JM_XML_PULL_START, "b");
  assert_next (pull, JM_XML_PULL_TEXT, "\n");
  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_ERROR);

  error = jm_xml_pull_get_error (pull);
  g_assert_nonnull (error);
  g_assert_cmpint (error->code, ==, XML_ERR_TAG_NAME_MISMATCH);
  g_assert_cmpint (error->line, ==, 3);
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 3);
  g_assert_nonnull (strstr (error->message, "mismatch"));

  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_ERROR);
}

/* A start tag cut off is no element. */
static void
test_pull_unclosed_start_tag (void)
{
  g_autoptr(JmXmlPull) pull = pull_new ("<a><b k='v'");

  assert_next (pull, JM_XML_PULL_START, "a");
  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_ERROR);
}

/* The parser stops at the DOCTYPE, before the internal subset: the entity
 * is never declared, let alone used. */
static void
test_pull_doctype_stops (void)
{
  g_autoptr(JmXmlPull) pull = pull_new ("<!DOCTYPE a [\n<!ENTITY e 'x'>\n]>\n<a>&e;</a>");

  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_DOCTYPE);
  g_assert_cmpint (jm_xml_pull_get_line (pull), ==, 1);
  g_assert_null (jm_xml_pull_get_error (pull));
  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_DOCTYPE);
}

/* The outer XML of an element declares the namespaces it and its content
 * use, and only those; reading goes on after its END. */
static void
test_pull_outer_xml (void)
{
  g_autoptr(JmXmlPull) pull = pull_new (
    "<r xmlns:x='urn:x' xmlns:y='urn:y' xmlns:z='urn:z'>"
    "<x:a xml:lang='en'> <y:b z:c='1'/></x:a><d/></r>");
  g_autofree char *xml = NULL;

  assert_next (pull, JM_XML_PULL_START, "r");
  assert_next (pull, JM_XML_PULL_START, "a");
  xml = jm_xml_pull_read_outer_xml (pull);
  g_assert_cmpstr (xml, ==,
                   "<x:a xmlns:x=\"urn:x\" xmlns:y=\"urn:y\" xmlns:z=\"urn:z\" xml:lang=\"en\"> "
                   "<y:b z:c=\"1\"/></x:a>");
  assert_next (pull, JM_XML_PULL_START, "d");
}

/* Kept XML means the same wherever it is written: an element in no
 * namespace says so (written into a map, whose default namespace is
 * Journeymap's, it moved there), and a URI with "&" is escaped once
 * (libxml2 hands it over as "&#38;", which was escaped again). */
static void
test_pull_outer_xml_keeps_namespaces (void)
{
  g_autoptr(JmXmlPull) pull = pull_new (
    "<r xmlns:x='urn:x?a=1&amp;b=2'><a k='1'><b/></a><x:c/><d xmlns='urn:d'><e/></d></r>");
  const JmXmlPullNamespace *namespaces;
  g_autofree char *a = NULL, *c = NULL, *d = NULL;
  guint n_namespaces;

  assert_next (pull, JM_XML_PULL_START, "r");
  namespaces = jm_xml_pull_get_namespaces (pull, &n_namespaces);
  g_assert_cmpuint (n_namespaces, ==, 1);
  g_assert_cmpstr (namespaces[0].uri, ==, "urn:x?a=1&b=2");
  g_assert_cmpstr (jm_xml_pull_lookup_namespace (pull, "x"), ==, "urn:x?a=1&b=2");
  g_assert_null (jm_xml_pull_lookup_namespace (pull, NULL));

  assert_next (pull, JM_XML_PULL_START, "a");
  a = jm_xml_pull_read_outer_xml (pull);
  g_assert_cmpstr (a, ==, "<a xmlns=\"\" k=\"1\"><b/></a>");

  assert_next (pull, JM_XML_PULL_START, "c");
  c = jm_xml_pull_read_outer_xml (pull);
  g_assert_cmpstr (c, ==, "<x:c xmlns:x=\"urn:x?a=1&amp;b=2\"/>");

  assert_next (pull, JM_XML_PULL_START, "d");
  d = jm_xml_pull_read_outer_xml (pull);
  g_assert_cmpstr (d, ==, "<d xmlns=\"urn:d\"><e/></d>");
}

/* Only a declaration of another encoding than UTF-8 is one. */
static void
test_pull_declares_utf8 (void)
{
  static const struct { const char *xml; gboolean utf8; } cases[] = {
    { "<r/>", TRUE },
    { "<?xml version='1.0'?><r/>", TRUE },
    { "<?xml version='1.0' encoding='UTF-8'?><r/>", TRUE },
    { "<?xml version=\"1.0\" encoding=\"utf8\"?><r/>", TRUE },
    { "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?><r/>", TRUE },
    { "<?xml version='1.0' encoding='ISO-8859-1'?><r/>", FALSE },
    { "<?xml version='1.0' encoding = \"US-ASCII\"?><r/>", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (jm_xml_pull_declares_utf8 (cases[i].xml, strlen (cases[i].xml)), ==, cases[i].utf8);
}

/* Skipping to the end tells whether the rest is well-formed. */
static void
test_pull_skip_to_end (void)
{
  g_autoptr(JmXmlPull) good = pull_new ("<a><b/><c>t</c></a>");
  g_autoptr(JmXmlPull) bad = pull_new ("<a><b/><c>t</d></a>");

  assert_next (good, JM_XML_PULL_START, "a");
  g_assert_cmpint (jm_xml_pull_skip_to_end (good), ==, JM_XML_PULL_EOF);
  g_assert_cmpint (jm_xml_pull_next (good), ==, JM_XML_PULL_EOF);

  assert_next (bad, JM_XML_PULL_START, "a");
  g_assert_cmpint (jm_xml_pull_skip_to_end (bad), ==, JM_XML_PULL_ERROR);
  g_assert_cmpint (jm_xml_pull_get_error (bad)->code, ==, XML_ERR_TAG_NAME_MISMATCH);
}

static char *
nested (guint depth)
{
  GString *xml = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "<a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "</a>");
  return g_string_free (xml, FALSE);
}

/* Whether libxml2's own parser, as xmllint and the RELAX NG check use
 * it, takes @xml. */
static gboolean
libxml2_accepts (const char *xml)
{
  xmlDocPtr doc = xmlReadMemory (xml, strlen (xml), "nested.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  gboolean accepted = doc != NULL;

  xmlFreeDoc (doc);
  return accepted;
}

/* The push parser of libxml2 2.9 has no nesting limit of its own; the
 * cursor keeps the one libxml2's other parsers keep, to the level, so
 * that a file the app opens is one `journeymap check` takes. */
static void
test_pull_depth_limit (void)
{
  g_autofree char *deepest = nested (JM_XML_PULL_MAX_DEPTH + 1);
  g_autofree char *too_deep = nested (JM_XML_PULL_MAX_DEPTH + 2);
  g_autoptr(JmXmlPull) fine = pull_new (deepest);
  g_autoptr(JmXmlPull) refused = pull_new (too_deep);
  const JmXmlPullError *error;
  JmXmlPullEvent type;
  guint starts = 0;

  g_assert_true (libxml2_accepts (deepest));
  g_assert_false (libxml2_accepts (too_deep));

  while ((type = jm_xml_pull_next (fine)) != JM_XML_PULL_EOF)
    {
      g_assert_cmpint (type, !=, JM_XML_PULL_ERROR);
      starts += type == JM_XML_PULL_START;
    }
  g_assert_cmpuint (starts, ==, JM_XML_PULL_MAX_DEPTH + 1);

  starts = 0;
  while ((type = jm_xml_pull_next (refused)) == JM_XML_PULL_START)
    starts++;
  g_assert_cmpint (type, ==, JM_XML_PULL_ERROR);
  g_assert_cmpuint (starts, ==, JM_XML_PULL_MAX_DEPTH + 1);
  error = jm_xml_pull_get_error (refused);
  g_assert_cmpint (error->code, ==, XML_ERR_INTERNAL_ERROR);
  g_assert_nonnull (strstr (error->message, "depth"));
}

/* Skipping before the first event still parses the whole document. */
static void
test_pull_skip_before_first_event (void)
{
  g_autoptr(JmXmlPull) fine = pull_new ("<a><b/></a>");
  g_autoptr(JmXmlPull) bad = pull_new ("<a><b></a>");
  g_autoptr(JmXmlPull) doctype = pull_new ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>");

  g_assert_cmpint (jm_xml_pull_skip_to_end (fine), ==, JM_XML_PULL_EOF);
  g_assert_cmpint (jm_xml_pull_next (fine), ==, JM_XML_PULL_EOF);
  g_assert_cmpint (jm_xml_pull_skip_to_end (bad), ==, JM_XML_PULL_ERROR);
  g_assert_cmpint (jm_xml_pull_get_error (bad)->code, ==, XML_ERR_TAG_NAME_MISMATCH);
  g_assert_cmpint (jm_xml_pull_next (bad), ==, JM_XML_PULL_ERROR);
  g_assert_cmpint (jm_xml_pull_skip_to_end (doctype), ==, JM_XML_PULL_DOCTYPE);
}

/* A fuzzer's find: libxml2 reports this encoding error from inside
 * xmlCreatePushParserCtxt (), before the cursor had its parser. */
static void
test_pull_encoding_error_at_creation (void)
{
  static const char ucs4ish[] = { 0, 0, '<', 0, '*', ' ' };
  g_autoptr(JmXmlPull) pull = jm_xml_pull_new (ucs4ish, sizeof ucs4ish);
  const JmXmlPullError *error;

  g_assert_nonnull (pull);
  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_ERROR);
  error = jm_xml_pull_get_error (pull);
  g_assert_cmpint (error->code, !=, 0);
  g_assert_cmpint (error->line, ==, 1);
}

/* No element has had attributes yet: there is no array to point into. */
static void
test_pull_no_attributes_yet (void)
{
  g_autoptr(JmXmlPull) pull = pull_new ("<a><b/></a>");
  guint n_attributes = 1;

  assert_next (pull, JM_XML_PULL_START, "a");
  jm_xml_pull_get_attributes (pull, &n_attributes);
  g_assert_cmpuint (n_attributes, ==, 0);
  assert_next (pull, JM_XML_PULL_START, "b");
  assert_next (pull, JM_XML_PULL_END, "b");
  assert_next (pull, JM_XML_PULL_END, "a");
  g_assert_cmpint (jm_xml_pull_next (pull), ==, JM_XML_PULL_EOF);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/pull/events", test_pull_events);
  g_test_add_func ("/format/pull/lines", test_pull_lines);
  g_test_add_func ("/format/pull/error-stays", test_pull_error_stays);
  g_test_add_func ("/format/pull/unclosed-start-tag", test_pull_unclosed_start_tag);
  g_test_add_func ("/format/pull/doctype-stops", test_pull_doctype_stops);
  g_test_add_func ("/format/pull/outer-xml", test_pull_outer_xml);
  g_test_add_func ("/format/pull/outer-xml-keeps-namespaces", test_pull_outer_xml_keeps_namespaces);
  g_test_add_func ("/format/pull/declares-utf8", test_pull_declares_utf8);
  g_test_add_func ("/format/pull/skip-to-end", test_pull_skip_to_end);
  g_test_add_func ("/format/pull/depth-limit", test_pull_depth_limit);
  g_test_add_func ("/format/pull/skip-before-first-event", test_pull_skip_before_first_event);
  g_test_add_func ("/format/pull/encoding-error-at-creation", test_pull_encoding_error_at_creation);
  g_test_add_func ("/format/pull/no-attributes-yet", test_pull_no_attributes_yet);

  return g_test_run ();
}
