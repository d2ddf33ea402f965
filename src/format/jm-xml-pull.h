/* jm-xml-pull.h: a pull cursor over libxml2's SAX2 push parser
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * JmXmlPullEvent:
 * @JM_XML_PULL_START: the start of an element (an empty element gives a
 *   START and then an END)
 * @JM_XML_PULL_END: the end of an element
 * @JM_XML_PULL_TEXT: character data, entities and character references
 *   resolved; adjacent runs come as one event, as libxml2's tree has one
 *   text node for them
 * @JM_XML_PULL_CDATA: a CDATA section (adjacent ones as one event)
 * @JM_XML_PULL_COMMENT: a comment
 * @JM_XML_PULL_PI: a processing instruction
 * @JM_XML_PULL_EOF: the end of the document; the events from here on end
 *   reading
 * @JM_XML_PULL_ERROR: libxml2 found the document not well-formed; see
 *   jm_xml_pull_get_error (). Every later call returns it again.
 * @JM_XML_PULL_DOCTYPE: a DOCTYPE declaration; the parser stopped before
 *   its internal subset. Every later call returns it again.
 */
typedef enum
{
  JM_XML_PULL_START,
  JM_XML_PULL_END,
  JM_XML_PULL_TEXT,
  JM_XML_PULL_CDATA,
  JM_XML_PULL_COMMENT,
  JM_XML_PULL_PI,
  JM_XML_PULL_EOF,
  JM_XML_PULL_ERROR,
  JM_XML_PULL_DOCTYPE,
} JmXmlPullEvent;

/* An attribute of the current START event. Names are interned by the
 * parser and live as long as the cursor; the value lives until the next
 * call to jm_xml_pull_next (). */
typedef struct
{
  const char *local_name;
  const char *prefix;    /* NULL without one */
  const char *uri;       /* NULL outside any namespace */
  const char *value;
} JmXmlPullAttribute;

/* A namespace declaration on the current START event: xmlns (prefix
 * NULL) or xmlns:prefix. The URI is decoded (libxml2 keeps "&" as "&#38;"). */
typedef struct
{
  const char *prefix;
  const char *uri;
} JmXmlPullNamespace;

/* The first problem libxml2 reported (level error or fatal). */
typedef struct
{
  int   code;    /* an xmlParserErrors value */
  int   line;
  char *message; /* libxml2's message, without the trailing newline */
} JmXmlPullError;

/* An element inside more than this many others ends the events with an
 * XML_ERR_INTERNAL_ERROR whose message speaks of depth: libxml2's own
 * limit, which lets a document nest JM_XML_PULL_MAX_DEPTH + 1 levels. */
#define JM_XML_PULL_MAX_DEPTH 256

typedef struct _JmXmlPull JmXmlPull;

JmXmlPull                *jm_xml_pull_new                (const char *data,
                                                          gsize       size);
gboolean                  jm_xml_pull_declares_utf8      (const char *data,
                                                          gsize       size);
void                      jm_xml_pull_free               (JmXmlPull  *self);

JmXmlPullEvent            jm_xml_pull_next               (JmXmlPull  *self);
JmXmlPullEvent            jm_xml_pull_get_event          (JmXmlPull  *self);
JmXmlPullEvent            jm_xml_pull_skip_to_end        (JmXmlPull  *self);
int                       jm_xml_pull_get_line           (JmXmlPull  *self);
const JmXmlPullError     *jm_xml_pull_get_error          (JmXmlPull  *self);

const char               *jm_xml_pull_get_local_name     (JmXmlPull  *self);
const char               *jm_xml_pull_get_prefix         (JmXmlPull  *self);
const char               *jm_xml_pull_get_uri            (JmXmlPull  *self);
const JmXmlPullAttribute *jm_xml_pull_get_attributes     (JmXmlPull  *self,
                                                          guint      *n_attributes);
const JmXmlPullNamespace *jm_xml_pull_get_namespaces     (JmXmlPull  *self,
                                                          guint      *n_namespaces);
const char               *jm_xml_pull_lookup_namespace   (JmXmlPull  *self,
                                                          const char *prefix);
const char               *jm_xml_pull_get_text           (JmXmlPull  *self,
                                                          gsize      *length);

char                     *jm_xml_pull_read_outer_xml     (JmXmlPull  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmXmlPull, jm_xml_pull_free)

G_END_DECLS
