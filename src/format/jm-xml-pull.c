/* jm-xml-pull.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-format"

#include "config.h"

#include "jm-xml-pull.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* libxml2's push parser calls our SAX2 callbacks, which append events to a
 * queue; jm_xml_pull_next () hands them out one by one and parses the next
 * chunk of input when the queue is empty. No tree is built, so a large map
 * costs about what parsing it costs, in memory bounded by the chunk size
 * (plus the largest text node).
 *
 * The parser is set up as xmlReaderForMemory () sets up its own, so it
 * accepts and refuses the same documents with the same errors: UTF-8 is
 * forced (see pull_needs_converter ()), no network, no DTD is ever loaded,
 * entities are not substituted (there are none but the predefined ones,
 * as a DOCTYPE stops the parser before its internal subset), and the
 * first error ends the events. */

/* Large enough that libxml2's per-chunk work is lost in the parsing; small
 * enough that the queue stays in the cache. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  JmXmlPullEvent  type;
  int             line;
  const xmlChar  *local_name; /* START, END; the target of a PI */
  const xmlChar  *prefix;
  const xmlChar  *uri;
  guint           first_attribute;
  guint           n_attributes;
  guint           first_namespace;
  guint           n_namespaces;
  gsize           text_offset; /* TEXT, CDATA, COMMENT, PI: in the arena */
  gsize           text_length;
  gboolean        has_text;    /* FALSE for a PI without data */
} Event;

/* A growable array. GArray costs a function call and a memcpy () for each
 * element appended, which shows at a million events. */
typedef struct
{
  gpointer data;
  guint    len;
  guint    allocated;
} Vec;

#define vec_index(vec, type, i) (((type *) (vec)->data)[(i)])

static inline gpointer
vec_push (Vec   *vec,
          gsize  element_size)
{
  if (G_UNLIKELY (vec->len == vec->allocated))
    {
      vec->allocated = MAX (64, 2 * vec->allocated);
      vec->data = g_realloc_n (vec->data, vec->allocated, element_size);
    }

  return (char *) vec->data + element_size * vec->len++;
}

/* Text and attribute values of the queued events, each NUL-terminated. */
typedef struct
{
  char  *str;
  gsize  len;
  gsize  allocated;
} Arena;

/* Returns where @length more bytes can be written. */
static inline char *
arena_reserve (Arena *arena,
               gsize  length)
{
  if (G_UNLIKELY (arena->len + length > arena->allocated))
    {
      arena->allocated = MAX (arena->len + length, 2 * arena->allocated);
      arena->str = g_realloc (arena->str, arena->allocated);
    }

  return arena->str + arena->len;
}

/* An element the consumer is inside: where its declarations start in
 * the scope, and its line, which its END reports too. */
typedef struct
{
  guint n_scope;
  int   line;
} OpenElement;

struct _JmXmlPull
{
  xmlParserCtxtPtr  ctxt;
  const char       *data;
  gsize             size;
  gsize             offset;     /* of the next byte to push */
  gboolean          done;       /* nothing more to parse */
  gboolean          stopped;    /* an error or a DOCTYPE ends the events */
  gboolean          ended;      /* the consumer has reached EOF */
  gboolean          declared_encoding;
  guint             parse_depth; /* elements open in the parser */

  /* The queue, filled by the callbacks and emptied by jm_xml_pull_next. */
  Vec               events;     /* Event */
  guint             position;   /* of the next event to hand out */
  Vec               attributes; /* JmXmlPullAttribute, value as an arena offset */
  Vec               namespaces; /* JmXmlPullNamespace */
  Arena             arena;

  /* What the consumer has reached. */
  Event             current;
  Vec               scope;      /* JmXmlPullNamespace, innermost last */
  Vec               open;       /* OpenElement */

  JmXmlPullError    error;
  GStringChunk     *uris;       /* namespace URIs with "&#38;" decoded */
};

static const JmXmlPullNamespace *pull_lookup_prefix (JmXmlPull  *self,
                                                    const char *prefix);

/* SAX2 callbacks {{{ */

/* libxml2 reports a wrong encoding from inside xmlCreatePushParserCtxt (),
 * before the cursor has its context. */
static int
pull_parser_line (JmXmlPull *self)
{
  if (self->ctxt == NULL || self->ctxt->input == NULL)
    return 1;

  return self->ctxt->input->line;
}

static Event *
pull_push_event (JmXmlPull      *self,
                 JmXmlPullEvent  type)
{
  Event *event = vec_push (&self->events, sizeof (Event));

  *event = (Event) { type, pull_parser_line (self) };
  return event;
}

static Event *
pull_last_event (JmXmlPull *self)
{
  if (self->events.len == 0)
    return NULL;

  return &vec_index (&self->events, Event, self->events.len - 1);
}

static void
pull_arena_add (JmXmlPull  *self,
                const char *text,
                gsize       length)
{
  char *end = arena_reserve (&self->arena, length + 1);

  memcpy (end, text, length);
  end[length] = '\0';
  self->arena.len += length + 1;
}

/* Appends text to the last event when it is of the same kind, as libxml2's
 * tree builder merges adjacent text into one node. */
static void
pull_add_text (JmXmlPull      *self,
               JmXmlPullEvent  type,
               const xmlChar  *text,
               int             length)
{
  Event *event = pull_last_event (self);

  if (self->stopped)
    return;

  if (event != NULL && event->type == type)
    {
      self->arena.len--; /* its NUL */
      pull_arena_add (self, (const char *) text, length);
      event->text_length += length;
      return;
    }

  event = pull_push_event (self, type);
  event->text_offset = self->arena.len;
  event->text_length = length;
  event->has_text = TRUE;
  pull_arena_add (self, (const char *) text, length);
}

static void
pull_characters_cb (void          *user_data,
                    const xmlChar *text,
                    int            length)
{
  pull_add_text (user_data, JM_XML_PULL_TEXT, text, length);
}

static void
pull_cdata_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  pull_add_text (user_data, JM_XML_PULL_CDATA, text, length);
}

static void
pull_comment_cb (void          *user_data,
                 const xmlChar *text)
{
  JmXmlPull *self = user_data;
  Event *event;

  if (self->stopped)
    return;

  event = pull_push_event (self, JM_XML_PULL_COMMENT);
  event->text_offset = self->arena.len;
  event->text_length = strlen ((const char *) text);
  event->has_text = TRUE;
  pull_arena_add (self, (const char *) text, event->text_length);
}

static void
pull_processing_instruction_cb (void          *user_data,
                                const xmlChar *target,
                                const xmlChar *data)
{
  JmXmlPull *self = user_data;
  Event *event;

  if (self->stopped)
    return;

  event = pull_push_event (self, JM_XML_PULL_PI);
  event->local_name = target;
  if (data == NULL)
    return;

  event->text_offset = self->arena.len;
  event->text_length = strlen ((const char *) data);
  event->has_text = TRUE;
  pull_arena_add (self, (const char *) data, event->text_length);
}

/* Without entity substitution libxml2 hands attribute values over with a
 * literal "&" written as "&#38;" (its tree builder parses them again);
 * no other reference can remain, as no entity but the predefined ones
 * exists without a DTD. */
static void
pull_arena_add_value (JmXmlPull     *self,
                      const xmlChar *value,
                      const xmlChar *end)
{
  const char *p = (const char *) value;
  const char *stop = (const char *) end;
  const char *amp;
  char *out = arena_reserve (&self->arena, stop - p + 1); /* decoding only shortens */
  char *start = out;

  while ((amp = memchr (p, '&', stop - p)) != NULL)
    {
      memcpy (out, p, amp - p);
      out += amp - p;
      *out++ = '&';
      p = stop - amp >= 5 && memcmp (amp, "&#38;", 5) == 0 ? amp + 5 : amp + 1;
    }

  memcpy (out, p, stop - p);
  out += stop - p;
  *out++ = '\0';
  self->arena.len += out - start;
}

/* Namespace URIs come with a literal "&" as "&#38;" too (libxml2 compares
 * them in that form, so each URI has one). Declarations are written
 * back from the decoded form: written as they come, each "&" would be
 * escaped once more, and the URI change on every save. */
static const char *
pull_decode_uri (JmXmlPull     *self,
                 const xmlChar *uri)
{
  const char *text = (const char *) uri;
  g_autoptr(GString) decoded = NULL;
  const char *amp;

  if (text == NULL || strchr (text, '&') == NULL)
    return text;

  if (self->uris == NULL)
    self->uris = g_string_chunk_new (256);

  decoded = g_string_new (NULL);
  while ((amp = strchr (text, '&')) != NULL)
    {
      g_string_append_len (decoded, text, amp - text);
      g_string_append_c (decoded, '&');
      text = strncmp (amp, "&#38;", 5) == 0 ? amp + 5 : amp + 1;
    }
  g_string_append (decoded, text);

  return g_string_chunk_insert_const (self->uris, decoded->str);
}

/* libxml2 2.9's push parser, unlike its pull parser, has no limit on
 * nesting: without one, a file of 200,000 nested elements costs seconds
 * and deep recursion wherever it is walked. This is the limit libxml2's
 * other parsers keep, with the message they give: they refuse an element
 * when more than JM_XML_PULL_MAX_DEPTH are already open around it, so a
 * document may nest one level deeper than the number says. */
static void
pull_stop_too_deep (JmXmlPull *self)
{
  Event *event;

  self->error.code = XML_ERR_INTERNAL_ERROR;
  self->error.line = pull_parser_line (self);
  self->error.message = g_strdup_printf ("Excessive depth in document: %u", JM_XML_PULL_MAX_DEPTH);
  event = pull_push_event (self, JM_XML_PULL_ERROR);
  event->line = self->error.line;
  self->stopped = TRUE;
  xmlStopParser (self->ctxt);
}

static void
pull_start_element_cb (void           *user_data,
                       const xmlChar  *local_name,
                       const xmlChar  *prefix,
                       const xmlChar  *uri,
                       int             n_namespaces,
                       const xmlChar **namespaces,
                       int             n_attributes,
                       int             n_defaulted,
                       const xmlChar **attributes)
{
  JmXmlPull *self = user_data;
  Event *event;

  if (self->stopped)
    return;

  if (self->parse_depth > JM_XML_PULL_MAX_DEPTH)
    {
      pull_stop_too_deep (self);
      return;
    }
  self->parse_depth++;

  event = pull_push_event (self, JM_XML_PULL_START);
  event->local_name = local_name;
  event->prefix = prefix;
  event->uri = uri;
  event->first_namespace = self->namespaces.len;
  event->n_namespaces = n_namespaces;
  event->first_attribute = self->attributes.len;
  event->n_attributes = n_attributes;

  for (int i = 0; i < n_namespaces; i++)
    {
      JmXmlPullNamespace *ns = vec_push (&self->namespaces, sizeof (JmXmlPullNamespace));

      *ns = (JmXmlPullNamespace) {
        (const char *) namespaces[2 * i], pull_decode_uri (self, namespaces[2 * i + 1])
      };
    }

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      JmXmlPullAttribute *attribute = vec_push (&self->attributes, sizeof (JmXmlPullAttribute));

      *attribute = (JmXmlPullAttribute) {
        (const char *) a[0], (const char *) a[1], (const char *) a[2],
        GSIZE_TO_POINTER (self->arena.len)
      };
      pull_arena_add_value (self, a[3], a[4]);
    }
}

static void
pull_end_element_cb (void          *user_data,
                     const xmlChar *local_name,
                     const xmlChar *prefix,
                     const xmlChar *uri)
{
  JmXmlPull *self = user_data;
  Event *event;

  if (self->stopped)
    return;

  self->parse_depth--;
  event = pull_push_event (self, JM_XML_PULL_END);
  event->local_name = local_name;
  event->prefix = prefix;
  event->uri = uri;
}

/* Stops before the internal subset is parsed: its entity declarations never
 * reach the parser, let alone get expanded. */
static void
pull_internal_subset_cb (void          *user_data,
                         const xmlChar *name,
                         const xmlChar *external_id,
                         const xmlChar *system_id)
{
  JmXmlPull *self = user_data;

  if (self->stopped)
    return;

  pull_push_event (self, JM_XML_PULL_DOCTYPE);
  self->stopped = TRUE;
  xmlStopParser (self->ctxt);
}

/* libxml2's tree builder takes the document's encoding from here, and its
 * serializer writes non-ASCII attribute text as character references when
 * there is none; jm_xml_pull_read_outer_xml () does the same. */
static void
pull_start_document_cb (void *user_data)
{
  JmXmlPull *self = user_data;

  self->declared_encoding = self->ctxt->encoding != NULL;
}

/* Keeps the first error. The parser is not stopped from here (it may still
 * use its input buffer); feeding it ends instead. */
static void
pull_error_cb (void        *user_data,
               xmlErrorPtr  error)
{
  JmXmlPull *self = user_data;
  Event *event;

  if (error->level < XML_ERR_ERROR || self->stopped)
    return;

  self->error.code = error->code;
  self->error.line = error->line;
  self->error.message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  /* libxml2 reports a start tag before it finds that the tag is not
   * closed: the element was never there. */
  event = pull_last_event (self);
  if (error->code == XML_ERR_GT_REQUIRED && event != NULL && event->type == JM_XML_PULL_START &&
      self->position < self->events.len)
    self->events.len--;

  event = pull_push_event (self, JM_XML_PULL_ERROR);
  event->line = error->line;
  self->stopped = TRUE;
}

/* }}} */

/* Reads the encoding an XML declaration at the start of @data names, if
 * any: returns FALSE when there is no declaration or it names none, and
 * TRUE with @name set otherwise, or when it cannot tell. */
static gboolean
declared_encoding (const char  *data,
                   gsize        size,
                   const char **name,
                   gsize       *name_length)
{
  const char *p, *end;
  char quote;

  *name = NULL;
  *name_length = 0;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, size -= 3;
  if (size < 6 || memcmp (data, "<?xml", 5) != 0 || !g_ascii_isspace (data[5]))
    return FALSE;

  end = g_strstr_len (data, MIN (size, 1024), "?>");
  if (end == NULL)
    return TRUE;
  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return FALSE;

  for (p += strlen ("encoding"); p < end && g_ascii_isspace (*p); p++)
    ;
  if (p == end || *p++ != '=')
    return TRUE;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || (*p != '"' && *p != '\''))
    return TRUE;

  quote = *p++;
  *name = p;
  while (p < end && *p != quote)
    p++;
  *name_length = p - *name;
  return TRUE;
}

/* Whether the parser needs the UTF-8 converter that xmlReaderForMemory
 * (…, "UTF-8", …) installs. The converter copies every byte, 3 % of
 * loading a large map, and changes nothing for a UTF-8 document without
 * a declaration or with one that names UTF-8 (libxml2 reads UTF-8 itself
 * and checks it just the same); with another encoding declared or
 * guessed, the document is read as it always was. */
static gboolean
pull_needs_converter (JmXmlPull *self)
{
  const char *name;
  gsize length;

  if (self->ctxt->input == NULL || self->ctxt->input->buf == NULL ||
      self->ctxt->input->buf->encoder != NULL)
    return TRUE;

  if (!declared_encoding (self->data, self->size, &name, &length))
    return FALSE;

  return !((length == 5 && g_ascii_strncasecmp (name, "UTF-8", 5) == 0) ||
           (length == 4 && g_ascii_strncasecmp (name, "UTF8", 4) == 0));
}

/**
 * jm_xml_pull_declares_utf8:
 * @data: the start of an XML document
 * @size: its size in bytes
 *
 * Returns: %FALSE when the XML declaration names an encoding other than
 *   UTF-8, %TRUE when it names UTF-8 or none, or there is none
 */
gboolean
jm_xml_pull_declares_utf8 (const char *data,
                           gsize       size)
{
  const char *name;
  gsize length;

  if (!declared_encoding (data, size, &name, &length) || name == NULL)
    return TRUE;

  return (length == 5 && g_ascii_strncasecmp (name, "UTF-8", 5) == 0) ||
         (length == 4 && g_ascii_strncasecmp (name, "UTF8", 4) == 0);
}

/**
 * jm_xml_pull_new:
 * @data: an XML document, which must outlive the cursor
 * @size: its size in bytes
 *
 * Returns: (transfer full) (nullable): a cursor before the first event, or
 *   %NULL if libxml2 could not make a parser
 */
JmXmlPull *
jm_xml_pull_new (const char *data,
                 gsize       size)
{
  xmlSAXHandler sax = { 0 };
  xmlCharEncodingHandlerPtr utf8;
  JmXmlPull *self;
  gsize first = MIN (size, 4);

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (size <= G_MAXINT, NULL);

  sax.initialized = XML_SAX2_MAGIC;
  sax.startDocument = pull_start_document_cb;
  sax.startElementNs = pull_start_element_cb;
  sax.endElementNs = pull_end_element_cb;
  sax.characters = pull_characters_cb;
  sax.ignorableWhitespace = pull_characters_cb;
  sax.cdataBlock = pull_cdata_cb;
  sax.comment = pull_comment_cb;
  sax.processingInstruction = pull_processing_instruction_cb;
  sax.internalSubset = pull_internal_subset_cb;
  sax.serror = pull_error_cb;

  self = g_new0 (JmXmlPull, 1);
  self->current.type = JM_XML_PULL_EOF;
  self->data = data;
  self->size = size;

  /* As xmlReaderForMemory () does: the first four bytes, for libxml2 to
   * guess an encoding from, then UTF-8 whatever it guessed (unless
   * libxml2's own reading of UTF-8 gives the same). */
  self->ctxt = xmlCreatePushParserCtxt (&sax, self, data, (int) first, NULL);
  if (self->ctxt == NULL)
    {
      jm_xml_pull_free (self);
      return NULL;
    }
  self->offset = first;
  xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (pull_needs_converter (self))
    {
      utf8 = xmlFindCharEncodingHandler ("UTF-8");
      if (utf8 != NULL)
        xmlSwitchToEncoding (self->ctxt, utf8);
    }

  return self;
}

void
jm_xml_pull_free (JmXmlPull *self)
{
  if (self == NULL)
    return;

  xmlFreeParserCtxt (self->ctxt);
  g_free (self->events.data);
  g_free (self->attributes.data);
  g_free (self->namespaces.data);
  g_free (self->arena.str);
  g_free (self->scope.data);
  g_free (self->open.data);
  g_free (self->error.message);
  g_clear_pointer (&self->uris, g_string_chunk_free);
  g_free (self);
}

/* Events {{{ */

/* Some failures (a converter that cannot decode the input) stop the
 * parser without a structured error, only a message on stderr and a
 * return value: they end the events like any other error. */
static void
pull_error_without_report (JmXmlPull *self,
                           int        code)
{
  Event *event;

  self->error.code = code < 0 || code == XML_ERR_INVALID_ENCODING ? XML_ERR_INVALID_ENCODING : code;
  self->error.line = pull_parser_line (self);
  self->error.message = g_strdup ("");
  event = pull_push_event (self, JM_XML_PULL_ERROR);
  event->line = self->error.line;
  self->stopped = TRUE;
}

static void
pull_parse_chunk (JmXmlPull *self)
{
  gsize length = MIN (self->size - self->offset, CHUNK_SIZE);
  gboolean last = self->offset + length == self->size;
  int ret;

  ret = xmlParseChunk (self->ctxt, self->data + self->offset, (int) length, last);
  if (ret != XML_ERR_OK && !self->stopped)
    pull_error_without_report (self, ret);

  self->offset += length;
  self->done = last || self->stopped;
}

static void
pull_clear_queue (JmXmlPull *self)
{
  self->events.len = 0;
  self->attributes.len = 0;
  self->namespaces.len = 0;
  self->arena.len = 0;
  self->position = 0;
}

static gboolean
is_text_event (const Event *event)
{
  return event->type == JM_XML_PULL_TEXT || event->type == JM_XML_PULL_CDATA;
}

/* The next event, parsing more when the queue runs out. Text is handed out
 * only once what follows it is known, so that it comes whole. */
static Event *
pull_take_event (JmXmlPull *self)
{
  Event *event;

  if (self->position == self->events.len)
    pull_clear_queue (self);

  while (self->position == self->events.len && !self->done)
    pull_parse_chunk (self);

  if (self->position == self->events.len)
    return NULL;

  event = &vec_index (&self->events, Event, self->position);
  while (is_text_event (event) && self->position + 1 == self->events.len && !self->done)
    {
      pull_parse_chunk (self);
      event = &vec_index (&self->events, Event, self->position);
    }

  self->position++;
  return event;
}

static void
pull_enter_element (JmXmlPull *self)
{
  OpenElement *open = vec_push (&self->open, sizeof (OpenElement));
  JmXmlPullAttribute *attributes;

  *open = (OpenElement) { self->scope.len, self->current.line };
  for (guint i = 0; i < self->current.n_namespaces; i++)
    {
      JmXmlPullNamespace *ns = vec_push (&self->scope, sizeof (JmXmlPullNamespace));

      *ns = vec_index (&self->namespaces, JmXmlPullNamespace, self->current.first_namespace + i);
    }

  /* Values were kept as offsets while the arena could still grow. */
  if (self->current.n_attributes == 0)
    return;
  attributes = &vec_index (&self->attributes, JmXmlPullAttribute, self->current.first_attribute);
  for (guint i = 0; i < self->current.n_attributes; i++)
    attributes[i].value = self->arena.str + GPOINTER_TO_SIZE (attributes[i].value);
}

static void
pull_leave_element (JmXmlPull *self)
{
  OpenElement *open;

  g_return_if_fail (self->open.len > 0);

  open = &vec_index (&self->open, OpenElement, --self->open.len);
  self->current.line = open->line;
  self->scope.len = open->n_scope;
}

/**
 * jm_xml_pull_next:
 *
 * Moves to the next event. What the accessors return for the previous one
 * is no longer valid.
 *
 * Returns: the type of the event
 */
JmXmlPullEvent
jm_xml_pull_next (JmXmlPull *self)
{
  Event *event;

  g_return_val_if_fail (self != NULL, JM_XML_PULL_ERROR);

  if (self->current.type == JM_XML_PULL_ERROR)
    return JM_XML_PULL_ERROR;
  if (self->current.type == JM_XML_PULL_DOCTYPE)
    return JM_XML_PULL_DOCTYPE;

  event = pull_take_event (self);
  if (event == NULL)
    {
      self->current = (Event) { JM_XML_PULL_EOF, pull_parser_line (self) };
      self->ended = TRUE;
      return JM_XML_PULL_EOF;
    }

  self->current = *event;
  if (event->type == JM_XML_PULL_START)
    pull_enter_element (self);
  else if (event->type == JM_XML_PULL_END)
    pull_leave_element (self);

  return event->type;
}

/**
 * jm_xml_pull_skip_to_end:
 *
 * Parses the rest of the document without handing out its events, to
 * learn whether it is well-formed.
 *
 * Returns: %JM_XML_PULL_EOF, or %JM_XML_PULL_ERROR or %JM_XML_PULL_DOCTYPE
 *   as the current event
 */
JmXmlPullEvent
jm_xml_pull_skip_to_end (JmXmlPull *self)
{
  Event *last;

  g_return_val_if_fail (self != NULL, JM_XML_PULL_ERROR);

  /* Before the first event the current one reads EOF too. */
  if (self->current.type > JM_XML_PULL_EOF || self->ended)
    return self->current.type;

  while (!self->done)
    {
      pull_clear_queue (self);
      pull_parse_chunk (self);
    }

  /* Nothing is queued after the event that stopped the parser. */
  last = pull_last_event (self);
  if (self->stopped && last != NULL)
    self->current = *last;
  else
    {
      self->current = (Event) { JM_XML_PULL_EOF, pull_parser_line (self) };
      self->ended = TRUE;
    }
  pull_clear_queue (self);

  return self->current.type;
}

/* The current event, as jm_xml_pull_next () last returned it */
JmXmlPullEvent
jm_xml_pull_get_event (JmXmlPull *self)
{
  g_return_val_if_fail (self != NULL, JM_XML_PULL_ERROR);

  return self->current.type;
}

/**
 * jm_xml_pull_get_line:
 *
 * Returns: the line of the current event: for an END, the line of its
 *   START; for an error, the line libxml2 gave
 */
int
jm_xml_pull_get_line (JmXmlPull *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->current.line;
}

/**
 * jm_xml_pull_get_error:
 *
 * Returns: (nullable): the problem libxml2 reported, once the current
 *   event is %JM_XML_PULL_ERROR
 */
const JmXmlPullError *
jm_xml_pull_get_error (JmXmlPull *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->current.type != JM_XML_PULL_ERROR)
    return NULL;

  return &self->error;
}

/* The local name of an element, or the target of a processing instruction */
const char *
jm_xml_pull_get_local_name (JmXmlPull *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) self->current.local_name;
}

const char *
jm_xml_pull_get_prefix (JmXmlPull *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) self->current.prefix;
}

/* The namespace of an element, NULL when it is in none */
const char *
jm_xml_pull_get_uri (JmXmlPull *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) self->current.uri;
}

/**
 * jm_xml_pull_get_attributes:
 *
 * Returns: the attributes of the current START in document order,
 *   declarations of namespaces not among them
 */
const JmXmlPullAttribute *
jm_xml_pull_get_attributes (JmXmlPull *self,
                            guint     *n_attributes)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->current.type != JM_XML_PULL_START || self->current.n_attributes == 0)
    {
      *n_attributes = 0;
      return NULL;
    }

  *n_attributes = self->current.n_attributes;
  return &vec_index (&self->attributes, JmXmlPullAttribute, self->current.first_attribute);
}

/**
 * jm_xml_pull_lookup_namespace:
 * @prefix: (nullable): a prefix, or %NULL for the default namespace
 *
 * Returns: (nullable): the URI @prefix stands for where the cursor is (on
 *   a START, with the element's own declarations), or %NULL
 */
const char *
jm_xml_pull_lookup_namespace (JmXmlPull  *self,
                              const char *prefix)
{
  const JmXmlPullNamespace *ns;

  g_return_val_if_fail (self != NULL, NULL);

  ns = pull_lookup_prefix (self, prefix);
  return ns != NULL ? ns->uri : NULL;
}

/**
 * jm_xml_pull_get_namespaces:
 *
 * Returns: the namespace declarations of the current START, in document order
 */
const JmXmlPullNamespace *
jm_xml_pull_get_namespaces (JmXmlPull *self,
                            guint     *n_namespaces)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->current.type != JM_XML_PULL_START || self->current.n_namespaces == 0)
    {
      *n_namespaces = 0;
      return NULL;
    }

  *n_namespaces = self->current.n_namespaces;
  return &vec_index (&self->namespaces, JmXmlPullNamespace, self->current.first_namespace);
}

/**
 * jm_xml_pull_get_text:
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (nullable): the NUL-terminated text of a TEXT, CDATA or COMMENT,
 *   or the data of a PI (%NULL when it has none)
 */
const char *
jm_xml_pull_get_text (JmXmlPull *self,
                      gsize     *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (length != NULL)
    *length = self->current.has_text ? self->current.text_length : 0;
  if (!self->current.has_text)
    return NULL;

  return self->arena.str + self->current.text_offset;
}

/* }}} */

/* Outer XML {{{ */

/* What xmlDocCopyNode () and xmlNodeDump () make of a subtree: the element
 * keeps the namespace declarations it has and gets those of its ancestors
 * that it or its descendants use, after its own; text and attributes are
 * escaped the same way. Two differences keep the copy's meaning wherever
 * it is written: an element in no namespace gets xmlns="" (see
 * outer_use_no_namespace ()), and a URI is escaped as a value. */
typedef struct
{
  JmXmlPull *pull;
  GString   *out;
  GArray    *scope;     /* JmXmlPullNamespace declared in the copy */
  GArray    *depths;    /* guint: where each open element's declarations start */
  GArray    *added;     /* JmXmlPullNamespace taken from the ancestors */
  gsize      insert_at; /* where the added declarations go in the root's tag */
  gboolean   tag_open;  /* the last start tag still lacks its ">" or "/>" */
} Outer;

static gboolean
namespaces_have_prefix (GArray     *namespaces,
                        const char *prefix)
{
  for (guint i = 0; i < namespaces->len; i++)
    {
      if (g_strcmp0 (g_array_index (namespaces, JmXmlPullNamespace, i).prefix, prefix) == 0)
        return TRUE;
    }

  return FALSE;
}

static const JmXmlPullNamespace *
pull_lookup_prefix (JmXmlPull  *self,
                    const char *prefix)
{
  for (guint i = self->scope.len; i > 0; i--)
    {
      const JmXmlPullNamespace *ns = &vec_index (&self->scope, JmXmlPullNamespace, i - 1);

      if (g_strcmp0 (ns->prefix, prefix) == 0)
        return ns;
    }

  return NULL;
}

/* A name of the copy uses @prefix: declare it on the root unless the copy
 * already does. The xml prefix is never declared. */
static void
outer_use_prefix (Outer      *outer,
                  const char *prefix)
{
  const JmXmlPullNamespace *ns;

  /* Declarations added to the root are in scope everywhere in the copy. */
  if (g_strcmp0 (prefix, "xml") == 0 || namespaces_have_prefix (outer->scope, prefix) ||
      namespaces_have_prefix (outer->added, prefix))
    return;

  ns = pull_lookup_prefix (outer->pull, prefix);
  if (ns != NULL)
    g_array_append_val (outer->added, *ns);
}

/* An element in no namespace keeps to none wherever the copy goes (into
 * a file whose default namespace is Journeymap's, for one): unless the
 * copy declares a default namespace, it gets xmlns="". libxml2's
 * serializer leaves that out. */
static void
outer_use_no_namespace (Outer *outer)
{
  JmXmlPullNamespace none = { NULL, "" };

  if (namespaces_have_prefix (outer->scope, NULL) || namespaces_have_prefix (outer->added, NULL))
    return;

  g_array_append_val (outer->added, none);
}

static void
append_qname (GString    *out,
              const char *prefix,
              const char *local_name)
{
  if (prefix != NULL)
    {
      g_string_append (out, prefix);
      g_string_append_c (out, ':');
    }
  g_string_append (out, local_name);
}

/* URIs are kept decoded (see pull_decode_uri ()), so they are escaped
 * here as any attribute value; libxml2's serializer writes them as they
 * came, "&#38;" and all. */
static void
append_quoted_uri (GString    *out,
                   const char *uri)
{
  g_string_append_c (out, '"');
  for (const char *p = uri; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_namespace (GString                  *out,
                  const JmXmlPullNamespace *ns)
{
  if (g_strcmp0 (ns->prefix, "xml") == 0)
    return;

  g_string_append (out, ns->prefix != NULL ? " xmlns:" : " xmlns");
  if (ns->prefix != NULL)
    g_string_append (out, ns->prefix);
  g_string_append_c (out, '=');
  append_quoted_uri (out, ns->uri);
}

/* The length of the UTF-8 sequence at @p as xmlBufAttrSerializeTxtContent ()
 * reads it, with its code point; 1 for a byte it writes as itself. */
static int
utf8_sequence (const guchar *p,
               gunichar     *c)
{
  if (p[0] < 0xC0 || p[1] == 0)
    return 1;
  if (p[0] < 0xE0)
    {
      *c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }
  if (p[0] < 0xF0 && p[2] != 0)
    {
      *c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      return 3;
    }
  if (p[0] < 0xF8 && p[2] != 0 && p[3] != 0)
    {
      *c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      return 4;
    }
  return 1;
}

/* As xmlBufAttrSerializeTxtContent (). */
static void
append_attribute_value (GString    *out,
                        const char *value,
                        gboolean    escape_non_ascii)
{
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      gunichar c = *p;
      int length;

      switch (*p)
        {
        case '\n': g_string_append (out, "&#10;"); continue;
        case '\r': g_string_append (out, "&#13;"); continue;
        case '\t': g_string_append (out, "&#9;"); continue;
        case '"': g_string_append (out, "&quot;"); continue;
        case '<': g_string_append (out, "&lt;"); continue;
        case '>': g_string_append (out, "&gt;"); continue;
        case '&': g_string_append (out, "&amp;"); continue;
        default: break;
        }

      if (*p < 0x80 || !escape_non_ascii)
        {
          g_string_append_c (out, *p);
          continue;
        }

      length = utf8_sequence (p, &c);
      g_string_append_printf (out, "&#x%X;", length == 1 ? *p : c);
      p += length - 1;
    }
}

/* As xmlEscapeContent (). */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
append_cdata (GString    *out,
              const char *text)
{
  const char *start = text;
  const char *end;

  if (*text == '\0')
    {
      g_string_append (out, "<![CDATA[]]>");
      return;
    }

  /* A "]]>" inside is split over two sections. */
  while ((end = strstr (start, "]]>")) != NULL)
    {
      g_string_append (out, "<![CDATA[");
      g_string_append_len (out, start, end + 2 - start);
      g_string_append (out, "]]>");
      start = end + 2;
    }

  if (*start != '\0')
    g_string_append_printf (out, "<![CDATA[%s]]>", start);
}

static void
outer_close_tag (Outer *outer)
{
  if (!outer->tag_open)
    return;

  g_string_append_c (outer->out, '>');
  outer->tag_open = FALSE;
}

static void
outer_start (Outer *outer)
{
  JmXmlPull *pull = outer->pull;
  const JmXmlPullNamespace *namespaces;
  const JmXmlPullAttribute *attributes;
  guint n_namespaces, n_attributes;
  guint n_scope = outer->scope->len;

  outer_close_tag (outer);
  namespaces = jm_xml_pull_get_namespaces (pull, &n_namespaces);
  attributes = jm_xml_pull_get_attributes (pull, &n_attributes);

  g_string_append_c (outer->out, '<');
  append_qname (outer->out, jm_xml_pull_get_prefix (pull), jm_xml_pull_get_local_name (pull));
  for (guint i = 0; i < n_namespaces; i++)
    append_namespace (outer->out, &namespaces[i]);
  if (outer->depths->len == 0)
    outer->insert_at = outer->out->len;

  g_array_append_val (outer->depths, n_scope);
  g_array_append_vals (outer->scope, namespaces, n_namespaces);

  if (jm_xml_pull_get_uri (pull) != NULL)
    outer_use_prefix (outer, jm_xml_pull_get_prefix (pull));
  else
    outer_use_no_namespace (outer);

  for (guint i = 0; i < n_attributes; i++)
    {
      if (attributes[i].uri != NULL)
        outer_use_prefix (outer, attributes[i].prefix);
      g_string_append_c (outer->out, ' ');
      append_qname (outer->out, attributes[i].prefix, attributes[i].local_name);
      g_string_append (outer->out, "=\"");
      append_attribute_value (outer->out, attributes[i].value, !pull->declared_encoding);
      g_string_append_c (outer->out, '"');
    }

  outer->tag_open = TRUE;
}

static void
outer_end (Outer *outer)
{
  JmXmlPull *pull = outer->pull;
  guint n_scope = g_array_index (outer->depths, guint, outer->depths->len - 1);

  g_array_set_size (outer->scope, n_scope);
  g_array_set_size (outer->depths, outer->depths->len - 1);

  if (outer->tag_open)
    {
      g_string_append (outer->out, "/>");
      outer->tag_open = FALSE;
      return;
    }

  g_string_append (outer->out, "</");
  append_qname (outer->out, jm_xml_pull_get_prefix (pull), jm_xml_pull_get_local_name (pull));
  g_string_append_c (outer->out, '>');
}

static void
outer_other (Outer          *outer,
             JmXmlPullEvent  type)
{
  const char *text = jm_xml_pull_get_text (outer->pull, NULL);

  outer_close_tag (outer);
  switch ((int) type)
    {
    case JM_XML_PULL_TEXT:
      append_text (outer->out, text);
      break;

    case JM_XML_PULL_CDATA:
      append_cdata (outer->out, text);
      break;

    case JM_XML_PULL_COMMENT:
      g_string_append_printf (outer->out, "<!--%s-->", text);
      break;

    case JM_XML_PULL_PI:
      g_string_append_printf (outer->out, "<?%s%s%s?>", jm_xml_pull_get_local_name (outer->pull),
                              text != NULL ? " " : "", text != NULL ? text : "");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
outer_insert_added (Outer *outer)
{
  g_autoptr(GString) declarations = g_string_new (NULL);

  for (guint i = 0; i < outer->added->len; i++)
    append_namespace (declarations, &g_array_index (outer->added, JmXmlPullNamespace, i));

  g_string_insert_len (outer->out, outer->insert_at, declarations->str, declarations->len);
}

/**
 * jm_xml_pull_read_outer_xml:
 *
 * Reads the element whose START is the current event, to its END, as XML
 * that reads back the same on its own: what xmlTextReaderReadOuterXml ()
 * gives.
 *
 * Returns: (transfer full) (nullable): the XML, or %NULL when the document
 *   ended in an error or a DOCTYPE first (the current event then says so)
 */
char *
jm_xml_pull_read_outer_xml (JmXmlPull *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) scope = g_array_new (FALSE, FALSE, sizeof (JmXmlPullNamespace));
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (JmXmlPullNamespace));
  Outer outer = { self, out, scope, depths, added, 0, FALSE };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->current.type == JM_XML_PULL_START, NULL);

  outer_start (&outer);
  while (depths->len > 0)
    {
      JmXmlPullEvent type = jm_xml_pull_next (self);

      if (type == JM_XML_PULL_START)
        outer_start (&outer);
      else if (type == JM_XML_PULL_END)
        outer_end (&outer);
      else if (type == JM_XML_PULL_ERROR || type == JM_XML_PULL_DOCTYPE || type == JM_XML_PULL_EOF)
        return NULL;
      else
        outer_other (&outer, type);
    }

  outer_insert_added (&outer);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* }}} */
