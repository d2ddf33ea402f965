/* jm-xml-writer.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-format"

#include "config.h"

#include "jm-xml-writer.h"

#include <string.h>

#include "jm-xml-names.h"
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

/* The output is canonical: a fixed order of elements and attributes, two
 * spaces of indentation, nothing that changes when the map did not, so
 * .jmap files diff well and an unchanged map saves byte for byte the same.
 * Building the text directly is several times faster than going through
 * libxml2's tree or writer for large maps. */

typedef struct
{
  GString  *out;
  int       depth;
  gboolean  wrote_primary;
  gboolean  wrote_1_1;  /* content that format 1.1 added */
  gsize     minor_at;   /* where the root's "1.0" has its "0"; 0 for another version */
} Writer;

static void
writer_indent (Writer *writer)
{
  static const char spaces[] = "                                ";
  gsize width = 2 * writer->depth;

  for (; width > sizeof spaces - 1; width -= sizeof spaces - 1)
    g_string_append_len (writer->out, spaces, sizeof spaces - 1);
  g_string_append_len (writer->out, spaces, width);
}

/* XML 1.0 cannot carry most control characters, not even escaped; they
 * become U+FFFD rather than making the file unreadable. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

/* What an ASCII character is written as, or %NULL when as itself. */
static const char *
escape_ascii (char     c,
              gboolean in_attribute)
{
  switch (c)
    {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '\r': return "&#13;";
    /* Attribute values are normalised by readers unless escaped. */
    case '"': return in_attribute ? "&quot;" : NULL;
    case '\n': return in_attribute ? "&#10;" : NULL;
    case '\t': return in_attribute ? "&#9;" : NULL;
    default: return c < 0x20 ? REPLACEMENT_CHARACTER : NULL;
    }
}

/* Text is copied in runs of what needs no escaping, rather than character
 * by character: the text of cards is most of a large map's file. */
static void
writer_escape (Writer     *writer,
               const char *text,
               gboolean    in_attribute)
{
  const char *end = text + strlen (text);
  const char *run = text;
  const char *p = text;

  while (p < end)
    {
      const char *escaped;
      gsize length = 1;

      if ((guchar) *p < 0x80)
        {
          escaped = escape_ascii (*p, in_attribute);
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          /* A broken sequence is replaced byte by byte. */
          if (c == (gunichar) -1 || c == (gunichar) -2)
            escaped = REPLACEMENT_CHARACTER;
          else
            {
              length = g_utf8_next_char (p) - p;
              escaped = is_xml_char (c) ? NULL : REPLACEMENT_CHARACTER;
            }
        }

      if (escaped != NULL)
        {
          g_string_append_len (writer->out, run, p - run);
          g_string_append (writer->out, escaped);
          run = p + length;
        }
      p += length;
    }

  g_string_append_len (writer->out, run, p - run);
}

static void
writer_attribute (Writer     *writer,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return;

  g_string_append_c (writer->out, ' ');
  g_string_append (writer->out, name);
  g_string_append (writer->out, "=\"");
  writer_escape (writer, value, TRUE);
  g_string_append_c (writer->out, '"');
}

/* The shortest text that reads back as the same double. */
static void
writer_double_attribute (Writer     *writer,
                         const char *name,
                         double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);

  writer_attribute (writer, name, buffer);
}

static void
writer_enum_attribute (Writer     *writer,
                       const char *name,
                       GType       enum_type,
                       int         value)
{
  writer_attribute (writer, name, jm_enum_to_nick (enum_type, value));
}

static void
writer_foreign_attributes (Writer              *writer,
                           const JmForeignData *foreign)
{
  for (guint i = 0; foreign->attributes != NULL && i < foreign->attributes->len; i++)
    {
      const JmForeignAttribute *attribute = g_ptr_array_index (foreign->attributes, i);
      writer_attribute (writer, attribute->name, attribute->value);
    }
}

static void
writer_foreign_elements (Writer              *writer,
                         const JmForeignData *foreign)
{
  for (guint i = 0; foreign->elements != NULL && i < foreign->elements->len; i++)
    {
      writer_indent (writer);
      g_string_append (writer->out, g_ptr_array_index (foreign->elements, i));
      g_string_append_c (writer->out, '\n');
    }
}

static gboolean
foreign_has_elements (const JmForeignData *foreign)
{
  return foreign->elements != NULL && foreign->elements->len > 0;
}

/* <name attrs> opened; the caller adds attributes, then one of the two
 * below closes the start tag. */
static void
writer_start (Writer     *writer,
              const char *name)
{
  writer_indent (writer);
  g_string_append_c (writer->out, '<');
  g_string_append (writer->out, name);
}

static void
writer_start_children (Writer *writer)
{
  g_string_append (writer->out, ">\n");
  writer->depth++;
}

static void
writer_end_empty (Writer *writer)
{
  g_string_append (writer->out, "/>\n");
}

static void
writer_end (Writer     *writer,
            const char *name)
{
  writer->depth--;
  writer_indent (writer);
  g_string_append (writer->out, "</");
  g_string_append (writer->out, name);
  g_string_append (writer->out, ">\n");
}

static void
writer_text_element (Writer     *writer,
                     const char *name,
                     const char *text,
                     gboolean    required)
{
  if ((text == NULL || *text == '\0') && !required)
    return;

  writer_start (writer, name);
  if (text == NULL || *text == '\0')
    {
      writer_end_empty (writer);
      return;
    }

  g_string_append_c (writer->out, '>');
  writer_escape (writer, text, FALSE);
  g_string_append (writer->out, "</");
  g_string_append (writer->out, name);
  g_string_append (writer->out, ">\n");
}

static void
writer_int_element (Writer     *writer,
                    const char *name,
                    int         value)
{
  g_autofree char *text = NULL;

  if (value == 0)
    return;

  text = g_strdup_printf ("%d", value);
  writer_text_element (writer, name, text, FALSE);
}

static void
writer_date_element (Writer     *writer,
                     const char *name,
                     GDateTime  *date)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  utc = g_date_time_to_utc (date);
  text = g_date_time_format_iso8601 (utc);
  writer_text_element (writer, name, text, FALSE);
}

static void
writer_binary_element (Writer     *writer,
                       const char *name,
                       GBytes     *data,
                       const char *media_type)
{
  g_autofree char *base64 = NULL;
  gsize size;
  const guchar *bytes;

  if (data == NULL)
    return;

  bytes = g_bytes_get_data (data, &size);
  base64 = g_base64_encode (bytes, size);

  writer_start (writer, name);
  writer_attribute (writer, JM_XML_MEDIA_TYPE, media_type);
  g_string_append_c (writer->out, '>');
  g_string_append (writer->out, base64);
  g_string_append (writer->out, "</");
  g_string_append (writer->out, name);
  g_string_append (writer->out, ">\n");
}

typedef void (*WriteObjectFunc) (Writer *writer, gpointer object);

static void
write_store (Writer         *writer,
             const char     *name,
             JmObjectStore  *store,
             WriteObjectFunc write_object,
             gboolean        required)
{
  guint n_objects = jm_object_store_get_n_objects (store);

  if (n_objects == 0)
    {
      if (required)
        {
          writer_start (writer, name);
          writer_end_empty (writer);
        }
      return;
    }

  writer_start (writer, name);
  writer_start_children (writer);
  for (guint i = 0; i < n_objects; i++)
    write_object (writer, jm_object_store_get_object (store, i));
  writer_end (writer, name);
}

/* Format 1.1: the review comments on @owner and the conflicts a merge
 * recorded on it, after its own children. */
static gboolean
has_annotations (gpointer owner)
{
  JmObjectStore *comments = jm_comments_peek (owner);
  JmObjectStore *conflicts = jm_conflicts_peek (owner);

  return (comments != NULL && jm_object_store_get_n_objects (comments) > 0) ||
         (conflicts != NULL && jm_object_store_get_n_objects (conflicts) > 0);
}

static void
write_comment (Writer    *writer,
               JmComment *comment)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *date = NULL;

  if (comment->date != NULL)
    utc = g_date_time_to_utc (comment->date);
  /* A comment always has a date, or the file would not open again. */
  date = utc != NULL ? g_date_time_format_iso8601 (utc) : g_strdup ("1970-01-01T00:00:00Z");

  writer_start (writer, JM_XML_COMMENT);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (comment)));
  writer_attribute (writer, JM_XML_AUTHOR, comment->author);
  writer_attribute (writer, JM_XML_DATE, date);
  if (comment->resolved)
    writer_attribute (writer, JM_XML_RESOLVED, "true");
  writer_foreign_attributes (writer, _jm_object_get_foreign (JM_OBJECT (comment)));
  if (comment->text == NULL || *comment->text == '\0')
    {
      writer_end_empty (writer);
      return;
    }

  g_string_append_c (writer->out, '>');
  writer_escape (writer, comment->text, FALSE);
  g_string_append (writer->out, "</" JM_XML_COMMENT ">\n");
}

static void
write_conflict (Writer     *writer,
                JmConflict *conflict)
{
  JmForeignData *foreign = _jm_object_get_foreign (JM_OBJECT (conflict));

  writer_start (writer, JM_XML_CONFLICT);
  writer_attribute (writer, JM_XML_PROPERTY, conflict->property);
  writer_foreign_attributes (writer, foreign);
  if ((conflict->ours == NULL || *conflict->ours == '\0') &&
      (conflict->theirs == NULL || *conflict->theirs == '\0') && !foreign_has_elements (foreign))
    {
      writer_end_empty (writer);
      return;
    }

  writer_start_children (writer);
  writer_text_element (writer, JM_XML_OURS, conflict->ours, FALSE);
  writer_text_element (writer, JM_XML_THEIRS, conflict->theirs, FALSE);
  writer_foreign_elements (writer, foreign);
  writer_end (writer, JM_XML_CONFLICT);
}

static void
write_annotations (Writer   *writer,
                   gpointer  owner)
{
  JmObjectStore *comments = jm_comments_peek (owner);
  JmObjectStore *conflicts = jm_conflicts_peek (owner);

  if (!has_annotations (owner))
    return;

  writer->wrote_1_1 = TRUE;
  if (comments != NULL && jm_comments_can_have (owner))
    write_store (writer, JM_XML_COMMENTS, comments, (WriteObjectFunc) write_comment, FALSE);
  if (conflicts != NULL)
    write_store (writer, JM_XML_CONFLICTS, conflicts, (WriteObjectFunc) write_conflict, FALSE);
}

static void
write_persona (Writer    *writer,
               JmPersona *persona)
{
  JmForeignData *foreign = _jm_object_get_foreign (JM_OBJECT (persona));

  writer_start (writer, JM_XML_PERSONA);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (persona)));
  /* One primary persona at most, or the file would not open again. */
  if (persona->primary && !writer->wrote_primary)
    {
      writer_attribute (writer, JM_XML_PRIMARY, "true");
      writer->wrote_primary = TRUE;
    }
  writer_foreign_attributes (writer, foreign);
  writer_start_children (writer);

  writer_text_element (writer, JM_XML_NAME, persona->name, TRUE);
  writer_text_element (writer, JM_XML_ROLE, persona->role, FALSE);
  writer_text_element (writer, JM_XML_DESCRIPTION, persona->description, FALSE);
  writer_text_element (writer, JM_XML_GOALS, persona->goals, FALSE);
  writer_text_element (writer, JM_XML_MOTIVATIONS, persona->motivations, FALSE);
  writer_text_element (writer, JM_XML_FRUSTRATIONS, persona->frustrations, FALSE);
  writer_binary_element (writer, JM_XML_PHOTO, persona->photo, persona->photo_type);
  write_annotations (writer, persona);
  writer_foreign_elements (writer, foreign);

  writer_end (writer, JM_XML_PERSONA);
}

static void
write_stage (Writer  *writer,
             JmStage *stage)
{
  JmForeignData *foreign = _jm_object_get_foreign (JM_OBJECT (stage));

  writer_start (writer, JM_XML_STAGE);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (stage)));
  writer_attribute (writer, JM_XML_COLOR, stage->color);
  if (stage->width != JM_STAGE_DEFAULT_WIDTH)
    writer_double_attribute (writer, JM_XML_WIDTH, stage->width);
  writer_foreign_attributes (writer, foreign);
  writer_start_children (writer);

  writer_text_element (writer, JM_XML_NAME, stage->name, TRUE);
  writer_text_element (writer, JM_XML_DESCRIPTION, stage->description, FALSE);
  writer_text_element (writer, JM_XML_DURATION, stage->duration, FALSE);
  if (stage->presenter_note != NULL && *stage->presenter_note != '\0')
    {
      writer->wrote_1_1 = TRUE;
      writer_text_element (writer, JM_XML_PRESENTER_NOTE, stage->presenter_note, FALSE);
    }
  write_annotations (writer, stage);
  writer_foreign_elements (writer, foreign);

  writer_end (writer, JM_XML_STAGE);
}

static void
write_lane (Writer *writer,
            JmLane *lane)
{
  JmForeignData *foreign = _jm_object_get_foreign (JM_OBJECT (lane));

  writer_start (writer, JM_XML_LANE);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (lane)));
  writer_enum_attribute (writer, JM_XML_KIND, JM_TYPE_LANE_KIND, lane->kind);
  if (lane->height != 0.0)
    writer_double_attribute (writer, JM_XML_HEIGHT, lane->height);
  writer_foreign_attributes (writer, foreign);
  writer_start_children (writer);

  writer_text_element (writer, JM_XML_NAME, lane->name, TRUE);
  write_annotations (writer, lane);
  writer_foreign_elements (writer, foreign);

  writer_end (writer, JM_XML_LANE);
}

static void
write_moment (Writer *writer,
              JmItem *item)
{
  if (item->moment == JM_MOMENT_KIND_NONE)
    return;

  writer_start (writer, JM_XML_MOMENT);
  writer_enum_attribute (writer, JM_XML_KIND, JM_TYPE_MOMENT_KIND, item->moment);
  if (item->moment == JM_MOMENT_KIND_CUSTOM)
    writer_attribute (writer, JM_XML_LABEL, item->moment_label ? item->moment_label : "");

  if (item->moment_rationale == NULL || *item->moment_rationale == '\0')
    {
      writer_end_empty (writer);
      return;
    }

  writer_start_children (writer);
  writer_text_element (writer, JM_XML_RATIONALE, item->moment_rationale, FALSE);
  writer_end (writer, JM_XML_MOMENT);
}

/* Format 1.1: only an opportunity's scores are written, whatever the
 * model holds, so that the file stays readable. */
static gboolean
item_has_scores (JmItem *item)
{
  return item->kind == JM_ITEM_KIND_OPPORTUNITY && jm_item_has_scores (item);
}

static void
write_opportunity_score (Writer *writer,
                         JmItem *item)
{
  if (!item_has_scores (item))
    return;

  writer->wrote_1_1 = TRUE;
  writer_start (writer, JM_XML_OPPORTUNITY_SCORE);
  if (item->customer_value >= JM_VALUE_MIN)
    writer_double_attribute (writer, JM_XML_CUSTOMER_VALUE, item->customer_value);
  if (item->business_value >= JM_VALUE_MIN)
    writer_double_attribute (writer, JM_XML_BUSINESS_VALUE, item->business_value);
  if (item->effort >= JM_EFFORT_MIN)
    writer_double_attribute (writer, JM_XML_EFFORT, item->effort);
  writer_end_empty (writer);
}

static gboolean
item_has_children (JmItem              *item,
                   const JmForeignData *foreign)
{
  return (item->title != NULL && *item->title != '\0') ||
         (item->body != NULL && *item->body != '\0') ||
         (item->kind == JM_ITEM_KIND_IMAGE && item->image != NULL) ||
         item->moment != JM_MOMENT_KIND_NONE ||
         item_has_scores (item) ||
         has_annotations (item) ||
         foreign_has_elements (foreign);
}

static void
write_item (Writer *writer,
            JmItem *item)
{
  JmForeignData *foreign = _jm_object_get_foreign (JM_OBJECT (item));

  writer_start (writer, JM_XML_ITEM);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (item)));
  writer_enum_attribute (writer, JM_XML_KIND, JM_TYPE_ITEM_KIND, item->kind);
  writer_attribute (writer, JM_XML_STAGE, item->stage_id);
  writer_attribute (writer, JM_XML_LANE, item->lane_id);
  /* Whatever the model holds, the file stays readable: a touchpoint
   * always has a channel, nothing else has one. */
  if (item->kind == JM_ITEM_KIND_TOUCHPOINT)
    writer_enum_attribute (writer, JM_XML_CHANNEL, JM_TYPE_CHANNEL,
                           item->channel != JM_CHANNEL_NONE ? item->channel : JM_CHANNEL_OTHER);
  writer_attribute (writer, JM_XML_COLOR, item->color);
  writer_foreign_attributes (writer, foreign);

  if (!item_has_children (item, foreign))
    {
      writer_end_empty (writer);
      return;
    }

  writer_start_children (writer);
  writer_text_element (writer, JM_XML_TITLE, item->title, FALSE);
  writer_text_element (writer, JM_XML_BODY, item->body, FALSE);
  if (item->kind == JM_ITEM_KIND_IMAGE)
    writer_binary_element (writer, JM_XML_IMAGE, item->image, item->image_type);
  write_moment (writer, item);
  write_opportunity_score (writer, item);
  write_annotations (writer, item);
  writer_foreign_elements (writer, foreign);
  writer_end (writer, JM_XML_ITEM);
}

/* Ends an element that has only attributes of its own: empty, unless it
 * carries elements a newer version or another application added. */
static void
writer_finish_leaf (Writer     *writer,
                    const char *name,
                    JmObject   *object)
{
  const JmForeignData *foreign = _jm_object_get_foreign (object);

  writer_foreign_attributes (writer, foreign);

  if (!foreign_has_elements (foreign) && !has_annotations (object))
    {
      writer_end_empty (writer);
      return;
    }

  writer_start_children (writer);
  write_annotations (writer, object);
  writer_foreign_elements (writer, foreign);
  writer_end (writer, name);
}

static void
write_point (Writer         *writer,
             JmEmotionPoint *point)
{
  writer_start (writer, JM_XML_POINT);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (point)));
  writer_attribute (writer, JM_XML_STAGE, point->stage_id);
  writer_double_attribute (writer, JM_XML_POSITION, point->position);
  writer_double_attribute (writer, JM_XML_SCORE, point->score);
  writer_attribute (writer, JM_XML_LABEL, point->label);
  writer_finish_leaf (writer, JM_XML_POINT, JM_OBJECT (point));
}

static void
write_link (Writer *writer,
            JmLink *link)
{
  writer_start (writer, JM_XML_LINK);
  writer_attribute (writer, JM_XML_ID, jm_object_get_id (JM_OBJECT (link)));
  writer_attribute (writer, JM_XML_FROM, link->from_id);
  writer_attribute (writer, JM_XML_TO, link->to_id);
  writer_attribute (writer, JM_XML_LABEL, link->label);
  writer_finish_leaf (writer, JM_XML_LINK, JM_OBJECT (link));
}

/* One <curve> per persona, in the order in which the points name them
 * (a file read keeps its order of curves, so what is read again equals
 * what was read), and for the points of no persona. Points keep their
 * relative order inside each curve; points of a persona the map does not
 * have are left out, or the file would not open again. */
static void
write_curve (Writer        *writer,
             JmObjectStore *points,
             const char    *persona_id)
{
  guint n_points = jm_object_store_get_n_objects (points);

  writer_start (writer, JM_XML_CURVE);
  writer_attribute (writer, JM_XML_PERSONA_REF, persona_id);
  writer_start_children (writer);
  for (guint i = 0; i < n_points; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (g_strcmp0 (point->persona_id, persona_id) == 0)
        write_point (writer, point);
    }
  writer_end (writer, JM_XML_CURVE);
}

static void
write_emotions (Writer     *writer,
                JmDocument *document,
                JmLayer    *layer)
{
  JmObjectStore *points = jm_layer_get_points (layer);
  guint n_points = jm_object_store_get_n_objects (points);
  g_autoptr(GHashTable) written = NULL;
  gboolean started = FALSE;

  written = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_points; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      const char *key = point->persona_id != NULL ? point->persona_id : "";

      if (g_hash_table_contains (written, key))
        continue;
      g_hash_table_add (written, (gpointer) key);

      if (point->persona_id != NULL && jm_document_lookup_persona (document, point->persona_id) == NULL)
        continue;

      if (!started)
        {
          writer_start (writer, JM_XML_EMOTIONS);
          writer_start_children (writer);
          started = TRUE;
        }
      write_curve (writer, points, point->persona_id);
    }

  if (started)
    writer_end (writer, JM_XML_EMOTIONS);
}

static void
write_layer (Writer     *writer,
             JmDocument *document,
             JmLayer    *layer)
{
  JmForeignData *foreign = _jm_layer_get_foreign (layer);

  if (jm_layer_is_empty (layer) && !foreign_has_elements (foreign) && foreign->attributes == NULL)
    return;

  writer_start (writer, JM_XML_LAYER);
  writer_enum_attribute (writer, JM_XML_STATE, JM_TYPE_LAYER_STATE, jm_layer_get_state (layer));
  writer_foreign_attributes (writer, foreign);
  writer_start_children (writer);

  write_store (writer, JM_XML_ITEMS, jm_layer_get_items (layer), (WriteObjectFunc) write_item, FALSE);
  write_emotions (writer, document, layer);
  write_store (writer, JM_XML_LINKS, jm_layer_get_links (layer), (WriteObjectFunc) write_link, FALSE);
  writer_foreign_elements (writer, foreign);

  writer_end (writer, JM_XML_LAYER);
}

static void
write_document (Writer     *writer,
                JmDocument *document)
{
  g_autofree char *version = NULL;

  /* A newer minor version is written back as read, since the elements of
   * that version that we kept are written back too. A map that uses
   * nothing 1.1 added is written as 1.0, which every reader reads and the
   * 1.0 schema validates; write_version_for_content () raises it to 1.1
   * once the content is written. */
  version = g_strdup_printf ("%d.%d", JM_FORMAT_MAJOR, document->version.minor);

  g_string_append (writer->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  writer_start (writer, JM_XML_ROOT);
  writer_attribute (writer, "xmlns", JM_XML_NAMESPACE);
  writer_attribute (writer, JM_XML_FORMAT_VERSION, version);
  /* The attribute ends in 0" when the version is 1.0. */
  if (document->version.minor == 0)
    writer->minor_at = writer->out->len - 2;
  writer_foreign_attributes (writer, &document->foreign);
  writer_start_children (writer);

  writer_text_element (writer, JM_XML_TITLE, document->title, TRUE);
  writer_text_element (writer, JM_XML_DESCRIPTION, document->description, FALSE);
  writer_text_element (writer, JM_XML_AUTHOR, document->author, FALSE);
  writer_date_element (writer, JM_XML_CREATED, document->created);
  writer_date_element (writer, JM_XML_MODIFIED, document->modified);
  writer_int_element (writer, JM_XML_RANK, document->rank);
  writer_int_element (writer, JM_XML_MAX_LENGTH_DAYS, document->max_length_days);

  write_store (writer, JM_XML_PERSONAS, document->personas, (WriteObjectFunc) write_persona, FALSE);
  write_store (writer, JM_XML_STAGES, document->stages, (WriteObjectFunc) write_stage, TRUE);
  write_store (writer, JM_XML_LANES, document->lanes, (WriteObjectFunc) write_lane, TRUE);
  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    write_layer (writer, document, document->layers[i]);
  write_annotations (writer, document);
  writer_foreign_elements (writer, &document->foreign);

  writer_end (writer, JM_XML_ROOT);
}

/* The version is written first, what needs 1.1 is known last: "1.0"
 * becomes "1.1" in place, one character, without a second pass over a
 * map of 100,000 items. */
static void
write_version_for_content (Writer *writer)
{
  /* At the root's attribute, not wherever the text says
   * format-version="1.0": a note may (fuzz-round-trip found one). */
  if (!writer->wrote_1_1 || writer->minor_at == 0)
    return;

  g_assert (writer->out->str[writer->minor_at] == '0');
  writer->out->str[writer->minor_at] = '1';
}

/**
 * jm_xml_writer_write_bytes:
 * @document: a #JmDocument
 *
 * Serializes @document as canonical .jmap XML. Writing cannot fail: text
 * that XML cannot carry is replaced by U+FFFD.
 *
 * Returns: (transfer full): the UTF-8 XML
 */
GBytes *
jm_xml_writer_write_bytes (JmDocument *document)
{
  Writer writer = { 0 };

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  writer.out = g_string_sized_new (16 * 1024);
  write_document (&writer, document);
  write_version_for_content (&writer);

  return g_string_free_to_bytes (writer.out);
}

static void
copy_once (JmObjectStore *from,
           JmObjectStore *to,
           const char    *id)
{
  JmObject *object = jm_object_store_lookup (from, id);
  g_autoptr(JmObject) copy = NULL;

  if (object == NULL || jm_object_store_lookup (to, id) != NULL)
    return;

  copy = jm_object_clone (object);
  _jm_object_store_append (to, copy);
}

/**
 * jm_xml_writer_write_items:
 * @document: the map the items are in
 * @items: (element-type JmItem): some of its items
 *
 * Writes a small map that holds @items and the stages and lanes of their
 * cells: what the clipboard carries between windows and apps.
 *
 * Returns: (transfer full): the UTF-8 XML
 */
GBytes *
jm_xml_writer_write_items (JmDocument *document,
                           GPtrArray  *items)
{
  g_autoptr(JmDocument) clip = jm_document_new ();
  JmLayer *layer;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  clip->title = g_strdup (document->title);
  layer = jm_document_get_layer (clip, JM_LAYER_STATE_CURRENT);
  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = items->pdata[i];
      g_autoptr(JmObject) copy = NULL;

      if (jm_object_store_lookup (jm_layer_get_items (layer), jm_object_get_id (JM_OBJECT (item))) != NULL)
        continue;

      copy_once (document->stages, clip->stages, jm_item_get_stage_id (item));
      copy_once (document->lanes, clip->lanes, jm_item_get_lane_id (item));
      copy = jm_object_clone (JM_OBJECT (item));
      _jm_object_store_append (jm_layer_get_items (layer), copy);
    }

  return jm_xml_writer_write_bytes (clip);
}
