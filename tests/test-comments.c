/* test-comments.c: format 1.1 (review comments, conflict records) and
 * the edits of comments
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit-comments.h"
#include "commands/jm-edit.h"
#include "export/jm-export.h"
#include "format/jm-format-error.h"
#include "format/jm-schema.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-comment-private.h"
#include "model/jm-conflict-private.h"
#include "model/jm-document-private.h"
#include "model/jm-object-store-private.h"
#include "merge/jm-diff.h"
#include "render/jm-renderer.h"

#include "jm-document-compare.h"
#include "jm-test-maps.h"

#define HEAD(version) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"" version "\">\n"

static JmDocument *
read_text (const char *xml,
           gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, length);
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  document = jm_xml_reader_read_bytes (bytes, "t.jmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Reads @xml as "t.jmap", which must fail with @code at @line. */
static void
read_fails (const char *xml,
            gsize       length,
            int         code,
            int         line)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, length);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("t.jmap:%d: ", line);

  document = jm_xml_reader_read_bytes (bytes, "t.jmap", &error);
  g_assert_null (document);
  g_assert_error (error, JM_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static JmComment *
make_comment (const char *id,
              const char *author,
              const char *text,
              gboolean    resolved)
{
  JmComment *comment = jm_comment_new (id);

  comment->author = g_strdup (author);
  comment->text = g_strdup (text);
  comment->date = g_date_time_new_utc (2026, 3, 4, 15, 30, 0);
  comment->resolved = resolved;

  return comment;
}

static void
add_comment (gpointer    owner,
             const char *id,
             const char *text,
             gboolean    resolved)
{
  g_autoptr(JmComment) comment = make_comment (id, "Ana Souza", text, resolved);

  _jm_object_store_append (jm_comments_get (owner), JM_OBJECT (comment));
}

static void
add_conflict (gpointer    owner,
              const char *property,
              const char *ours,
              const char *theirs)
{
  g_autoptr(JmConflict) conflict = jm_conflict_new (property, ours, theirs);

  _jm_object_store_append (jm_conflicts_get (owner), JM_OBJECT (conflict));
}

static GBytes *
write_document (JmDocument *document)
{
  return jm_xml_writer_write_bytes (document);
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Whether @a and @b hold the same comments and conflicts on @owner_a and
 * @owner_b, in the same order. */
static void
assert_annotations_equal (gpointer owner_a,
                          gpointer owner_b)
{
  JmObjectStore *a = jm_comments_can_have (owner_a) ? jm_comments_get (owner_a) : NULL;
  JmObjectStore *b = jm_comments_can_have (owner_b) ? jm_comments_get (owner_b) : NULL;

  if (a != NULL)
    {
      g_assert_cmpuint (jm_object_store_get_n_objects (a), ==, jm_object_store_get_n_objects (b));
      for (guint i = 0; i < jm_object_store_get_n_objects (a); i++)
        g_assert_true (jm_object_equal (jm_object_store_get_object (a, i),
                                        jm_object_store_get_object (b, i)));
    }

  a = jm_conflicts_get (owner_a);
  b = jm_conflicts_get (owner_b);
  g_assert_cmpuint (jm_object_store_get_n_objects (a), ==, jm_object_store_get_n_objects (b));
  for (guint i = 0; i < jm_object_store_get_n_objects (a); i++)
    {
      JmConflict *x = jm_object_store_get_object (a, i);
      JmConflict *y = jm_object_store_get_object (b, i);

      g_assert_cmpstr (x->property, ==, y->property);
      g_assert_cmpstr (x->ours, ==, y->ours);
      g_assert_cmpstr (x->theirs, ==, y->theirs);
    }
}

/* Format {{{ */

static void
test_round_trip (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);
  JmItem *item = jm_object_store_get_object (jm_layer_get_items (current), 0);
  JmItem *counterpart = jm_layer_lookup_item (future, jm_object_get_id (JM_OBJECT (item)));
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (document), 1);
  JmLane *lane = jm_object_store_get_object (jm_document_get_lanes (document), 0);
  JmPersona *persona = jm_object_store_get_object (jm_document_get_personas (document), 0);
  JmEmotionPoint *point = jm_object_store_get_object (jm_layer_get_points (current), 0);
  JmLink *link = jm_object_store_get_object (jm_layer_get_links (current), 0);

  g_assert_nonnull (counterpart);
  add_comment (document, "comment-map", "Check the sources with research.", FALSE);
  add_comment (stage, "comment-stage", "Too long a stage?\nSplit it.", TRUE);
  add_comment (item, "comment-item-1", "Tabs\tand <markup> & \"quotes\"", FALSE);
  add_comment (item, "comment-item-2", "", FALSE);
  add_comment (counterpart, "comment-future", "Is this realistic?", FALSE);
  add_conflict (document, "title", "Ours", "Theirs");
  add_conflict (item, "body", "Line one\nline two", NULL);
  add_conflict (item, JM_CONFLICT_REMOVED, JM_CONFLICT_VALUE_CHANGED, JM_CONFLICT_VALUE_REMOVED);
  add_conflict (lane, "name", "A", "B");
  add_conflict (persona, "role", "", "Manager");
  add_conflict (point, "score", "2", "-1.5");
  add_conflict (link, "label", NULL, "next");

  written = write_document (document);
  text = bytes_to_string (written);
  g_assert_nonnull (strstr (text, "format-version=\"1.1\""));
  g_assert_nonnull (strstr (text, "<comment id=\"comment-stage\" author=\"Ana Souza\" "
                                  "date=\"2026-03-04T15:30:00Z\" resolved=\"true\">Too long a stage?\n"
                                  "Split it.</comment>"));

  problems = jm_schema_validate_bytes (written, "written.jmap", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  again = jm_xml_reader_read_bytes (written, "written.jmap", &error);
  g_assert_no_error (error);
  g_assert_cmpint (jm_document_get_format_minor (again), ==, 1);
  /* Read again, it is a 1.1 map; otherwise the same. */
  document->version.minor = 1;
  g_assert_null (jm_test_documents_differ (document, again));

  {
    JmLayer *again_current = jm_document_get_layer (again, JM_LAYER_STATE_CURRENT);
    JmLayer *again_future = jm_document_get_layer (again, JM_LAYER_STATE_FUTURE);
    const char *item_id = jm_object_get_id (JM_OBJECT (item));

    assert_annotations_equal (document, again);
    assert_annotations_equal (stage, jm_document_lookup_stage (again, jm_object_get_id (JM_OBJECT (stage))));
    assert_annotations_equal (item, jm_layer_lookup_item (again_current, item_id));
    assert_annotations_equal (counterpart, jm_layer_lookup_item (again_future, item_id));
    assert_annotations_equal (lane, jm_document_lookup_lane (again, jm_object_get_id (JM_OBJECT (lane))));
    assert_annotations_equal (persona, jm_document_lookup_persona (again, jm_object_get_id (JM_OBJECT (persona))));
    assert_annotations_equal (point, jm_object_store_get_object (jm_layer_get_points (again_current), 0));
    assert_annotations_equal (link, jm_object_store_get_object (jm_layer_get_links (again_current), 0));
  }

  rewritten = write_document (again);
  g_assert_true (g_bytes_equal (written, rewritten));
}

/* A map without 1.1 content stays a 1.0 file, byte for byte. */
static void
test_plain_map_stays_1_0 (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "hotel-guest-stay.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  document = read_text (contents, length);
  written = write_document (document);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), contents, length);
  g_assert_nonnull (strstr (contents, "format-version=\"1.0\""));
}

static void
test_refused_in_1_0 (void)
{
  const char *xml =
    HEAD ("1.0")
    "  <title>T</title>\n"
    "  <stages/>\n"
    "  <lanes/>\n"
    "  <comments>\n"
    "    <comment id=\"c1\" date=\"2026-01-01T00:00:00Z\">Hello</comment>\n"
    "  </comments>\n"
    "</journey-map>\n";

  read_fails (xml, strlen (xml), JM_FORMAT_ERROR_INVALID, 6);
}

static void
test_comment_needs_date (void)
{
  const char *xml =
    HEAD ("1.1")
    "  <title>T</title>\n"
    "  <stages/>\n"
    "  <lanes/>\n"
    "  <comments>\n"
    "    <comment id=\"c1\">Hello</comment>\n"
    "  </comments>\n"
    "</journey-map>\n";

  read_fails (xml, strlen (xml), JM_FORMAT_ERROR_INVALID, 7);
}

static void
test_comment_ids_unique (void)
{
  const char *xml =
    HEAD ("1.1")
    "  <title>T</title>\n"
    "  <stages>\n"
    "    <stage id=\"s\">\n"
    "      <name>S</name>\n"
    "      <comments>\n"
    "        <comment id=\"s\" date=\"2026-01-01T00:00:00Z\">Hello</comment>\n"
    "      </comments>\n"
    "    </stage>\n"
    "  </stages>\n"
    "  <lanes/>\n"
    "</journey-map>\n";

  read_fails (xml, strlen (xml), JM_FORMAT_ERROR_DUPLICATE_ID, 8);
}

static void
test_comments_not_on_lanes (void)
{
  const char *xml =
    HEAD ("1.1")
    "  <title>T</title>\n"
    "  <stages/>\n"
    "  <lanes>\n"
    "    <lane id=\"l\" kind=\"actions\">\n"
    "      <name>L</name>\n"
    "      <comments>\n"
    "        <comment id=\"c\" date=\"2026-01-01T00:00:00Z\">Hello</comment>\n"
    "      </comments>\n"
    "    </lane>\n"
    "  </lanes>\n"
    "</journey-map>\n";

  read_fails (xml, strlen (xml), JM_FORMAT_ERROR_INVALID, 8);
}

static void
test_conflict_property_checked (void)
{
  const char *unknown =
    HEAD ("1.1")
    "  <title>T</title>\n"
    "  <stages/>\n"
    "  <lanes/>\n"
    "  <conflicts>\n"
    "    <conflict property=\"id\"/>\n"
    "  </conflicts>\n"
    "</journey-map>\n";
  const char *twice =
    HEAD ("1.1")
    "  <title>T</title>\n"
    "  <stages/>\n"
    "  <lanes/>\n"
    "  <conflicts>\n"
    "    <conflict property=\"title\"/>\n"
    "    <conflict property=\"title\"><ours>a</ours></conflict>\n"
    "  </conflicts>\n"
    "</journey-map>\n";

  read_fails (unknown, strlen (unknown), JM_FORMAT_ERROR_INVALID, 7);
  read_fails (twice, strlen (twice), JM_FORMAT_ERROR_INVALID, 8);
}

/* A map with @n_stages stages with @per_stage comments each. */
static GString *
map_with_comments (guint n_stages,
                   guint per_stage)
{
  GString *xml = g_string_new (HEAD ("1.1") "  <title>T</title>\n  <stages>\n");

  for (guint s = 0; s < n_stages; s++)
    {
      g_string_append_printf (xml, "    <stage id=\"s%u\">\n      <name>S</name>\n      <comments>\n", s);
      for (guint c = 0; c < per_stage; c++)
        g_string_append_printf (xml, "        <comment id=\"c%u-%u\" date=\"2026-01-01T00:00:00Z\">x</comment>\n",
                                s, c);
      g_string_append (xml, "      </comments>\n    </stage>\n");
    }
  g_string_append (xml, "  </stages>\n  <lanes/>\n</journey-map>\n");

  return xml;
}

static void
test_hostile_comments_on_one_object (void)
{
  g_autoptr(GString) at_limit = map_with_comments (1, JM_MAX_COMMENTS_PER_OBJECT);
  g_autoptr(GString) over = map_with_comments (1, JM_MAX_COMMENTS_PER_OBJECT + 1);
  g_autoptr(JmDocument) document = read_text (at_limit->str, at_limit->len);

  /* Lines: 2 of head, 1 of title, 1 of <stages>, 3 of the stage's start. */
  read_fails (over->str, over->len, JM_FORMAT_ERROR_TOO_LARGE, 7 + JM_MAX_COMMENTS_PER_OBJECT + 1);
}

static void
test_hostile_comments_in_map (void)
{
  guint per_stage = JM_MAX_COMMENTS_PER_OBJECT;
  guint n_stages = JM_MAX_COMMENTS / per_stage + 1;
  g_autoptr(GString) over = map_with_comments (n_stages, per_stage);
  /* The first comment past the limit: the first of the last stage. */
  int line = 4 + (int) (n_stages - 1) * (int) (per_stage + 5) + 3 + 1;

  read_fails (over->str, over->len, JM_FORMAT_ERROR_TOO_LARGE, line);
}

static void
test_hostile_long_texts (void)
{
  g_autoptr(GString) text = g_string_new (HEAD ("1.1") "  <title>T</title>\n  <stages/>\n  <lanes/>\n"
                                          "  <comments>\n    <comment id=\"c\" date=\"2026-01-01T00:00:00Z\">");
  g_autoptr(GString) author = g_string_new (HEAD ("1.1") "  <title>T</title>\n  <stages/>\n  <lanes/>\n"
                                            "  <comments>\n    <comment id=\"c\" date=\"2026-01-01T00:00:00Z\" author=\"");
  g_autoptr(GString) conflict = g_string_new (HEAD ("1.1") "  <title>T</title>\n  <stages/>\n  <lanes/>\n"
                                              "  <conflicts>\n    <conflict property=\"title\">\n      <theirs>");

  for (guint i = 0; i < JM_MAX_TEXT_CHARS + 1; i++)
    {
      g_string_append (text, "é");
      g_string_append_c (conflict, 'x');
    }
  for (guint i = 0; i < JM_MAX_NAME_CHARS + 1; i++)
    g_string_append_c (author, 'a');
  g_string_append (text, "</comment>\n  </comments>\n</journey-map>\n");
  g_string_append (author, "\"/>\n  </comments>\n</journey-map>\n");
  g_string_append (conflict, "</theirs>\n    </conflict>\n  </conflicts>\n</journey-map>\n");

  read_fails (text->str, text->len, JM_FORMAT_ERROR_TOO_LARGE, 7);
  read_fails (author->str, author->len, JM_FORMAT_ERROR_TOO_LARGE, 7);
  read_fails (conflict->str, conflict->len, JM_FORMAT_ERROR_TOO_LARGE, 8);
}

/* }}} */

/* Commands {{{ */

typedef struct
{
  JmDocument     *document;
  JmCommandStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = jm_test_load_example ("grocery-first-order.jmap");
  fixture->stack = jm_command_stack_new (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->document);
}

static GBytes *
snapshot (Fixture *fixture)
{
  return jm_xml_writer_write_bytes (fixture->document);
}

static void
test_commands_add_undo_redo (Fixture       *fixture,
                             gconstpointer  data)
{
  JmLayer *current = jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT);
  JmItem *item = jm_object_store_get_object (jm_layer_get_items (current), 2);
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (fixture->document), 0);
  g_autoptr(GBytes) before = snapshot (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;
  JmComment *comment;

  comment = jm_edit_add_comment (fixture->stack, item, "Ana Souza", "Why here?", &error);
  g_assert_no_error (error);
  g_assert_nonnull (comment);
  g_assert_nonnull (jm_comment_get_date (comment));
  g_assert_cmpint (g_date_time_get_microsecond (jm_comment_get_date (comment)), ==, 0);
  g_assert_cmpuint (jm_comments_count_open (item), ==, 1);
  g_assert_nonnull (jm_edit_add_comment (fixture->stack, stage, "Bo", "Stage?", &error));
  g_assert_nonnull (jm_edit_add_comment (fixture->stack, fixture->document, "Bo", "Map?", &error));
  g_assert_no_error (error);

  after = snapshot (fixture);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                  "format-version=\"1.1\""));

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (jm_comments_count_open (item), ==, 0);
  {
    g_autoptr(GBytes) undone = snapshot (fixture);
    g_assert_true (g_bytes_equal (before, undone));
  }

  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  redone = snapshot (fixture);
  g_assert_true (g_bytes_equal (after, redone));
}

static void
test_commands_edit_resolve_delete (Fixture       *fixture,
                                   gconstpointer  data)
{
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (fixture->document), 1);
  g_autoptr(GError) error = NULL;
  JmComment *comment;

  comment = jm_edit_add_comment (fixture->stack, stage, "Ana", "First", &error);
  g_assert_no_error (error);

  g_assert_true (jm_edit_set_comment_text (fixture->stack, comment, "Second", 0, &error));
  g_assert_cmpstr (jm_comment_get_text (comment), ==, "Second");
  g_assert_true (jm_edit_resolve_comment (fixture->stack, comment, TRUE, &error));
  g_assert_true (jm_comment_get_resolved (comment));
  g_assert_cmpuint (jm_comments_count_open (stage), ==, 0);
  g_assert_cmpstr (jm_command_stack_get_undo_label (fixture->stack), ==, "Resolve Comment");

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_false (jm_comment_get_resolved (comment));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpstr (jm_comment_get_text (comment), ==, "First");
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_true (jm_command_stack_redo (fixture->stack));
  g_assert_true (jm_edit_resolve_comment (fixture->stack, comment, FALSE, &error));
  g_assert_cmpuint (jm_comments_count_open (stage), ==, 1);

  g_assert_true (jm_edit_delete_comment (fixture->stack, stage, comment, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (stage)), ==, 0);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (stage)), ==, 1);
  g_assert_true (jm_object_store_get_object (jm_comments_get (stage), 0) == (gpointer) comment);
}

static void
test_commands_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  JmLane *lane = jm_object_store_get_object (jm_document_get_lanes (fixture->document), 0);
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (fixture->document), 0);
  g_autoptr(JmStage) elsewhere = jm_stage_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GBytes) before = snapshot (fixture);
  g_autoptr(GBytes) after = NULL;
  GError *error = NULL;
  JmComment *comment;

  for (guint i = 0; i < JM_MAX_TEXT_CHARS + 1; i++)
    g_string_append_c (long_text, 'x');

  g_assert_null (jm_edit_add_comment (fixture->stack, lane, "Ana", "Lane?", &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (jm_edit_add_comment (fixture->stack, elsewhere, "Ana", "Where?", &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (jm_edit_add_comment (fixture->stack, stage, "Ana", long_text->str, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);

  after = snapshot (fixture);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (jm_command_stack_get_can_undo (fixture->stack));

  comment = jm_edit_add_comment (fixture->stack, stage, "Ana", "Fine", &error);
  g_assert_no_error (error);
  g_assert_false (jm_edit_set_comment_text (fixture->stack, comment, long_text->str, 0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (jm_comment_get_text (comment), ==, "Fine");

  /* The limit of one object, as the reader's. */
  for (guint i = 1; i < JM_MAX_COMMENTS_PER_OBJECT; i++)
    {
      g_autoptr(JmComment) more = make_comment (NULL, "Bo", "more", FALSE);

      _jm_object_store_append (jm_comments_get (stage), JM_OBJECT (more));
    }
  g_assert_null (jm_edit_add_comment (fixture->stack, stage, "Ana", "One too many", &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
}

/* }}} */

/* Review marks and finding objects {{{ */

/* @document laid out and drawn whole, with the window's review marks or
 * without them, as exports draw. */
static cairo_surface_t *
render_review (JmDocument *document,
               gboolean    review_marks)
{
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_ALL };
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  options.review_marks = review_marks;
  jm_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* How many pixels of @a and @b differ inside @rect (all of them when
 * %NULL). */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   const JmRect    *rect)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int x0 = 0, y0 = 0, x1 = width, y1 = height;
  guint count = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));

  if (rect != NULL)
    {
      x0 = MAX (0, (int) rect->x);
      y0 = MAX (0, (int) rect->y);
      x1 = MIN (width, (int) (rect->x + rect->width));
      y1 = MIN (height, (int) (rect->y + rect->height));
    }

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (((const guint32 *) (const void *) (pa + y * stride))[x] !=
          ((const guint32 *) (const void *) (pb + y * stride))[x])
        count++;

  return count;
}

/* The window marks open comments and conflicts; exports (which set
 * review_marks only with the comments option, off by default) and maps
 * without either look as they always did. */
static void
test_review_marks_window_only (void)
{
  g_autoptr(JmDocument) plain = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmDocument) annotated = jm_test_load_example ("grocery-first-order.jmap");
  JmItem *item = jm_layer_lookup_item (jm_document_get_layer (annotated, JM_LAYER_STATE_CURRENT),
                                       "item-sees-referral");
  JmStage *stage = jm_document_lookup_stage (annotated, "stage-awareness");
  g_autoptr(JmLayout) layout = jm_layout_new (annotated, JM_LAYER_MODE_CURRENT);
  cairo_surface_t *plain_export, *plain_window, *export, *window;
  g_autoptr(GBytes) plain_png = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  JmExportOptions export_options;
  JmRect rect, corner;

  add_comment (item, "comment-1", "Which friend?", FALSE);
  add_comment (item, "comment-2", "Done.", TRUE);
  add_conflict (stage, "name", "Awareness", "Discovery");

  plain_export = render_review (plain, FALSE);
  plain_window = render_review (plain, TRUE);
  export = render_review (annotated, FALSE);
  window = render_review (annotated, TRUE);

  /* Nothing to mark, nothing drawn: the goldens hold. */
  g_assert_cmpuint (count_differences (plain_export, plain_window, NULL), ==, 0);
  /* Drawn without the marks, as exports are, comments and conflicts
   * leave no trace. */
  g_assert_cmpuint (count_differences (plain_export, export, NULL), ==, 0);
  /* In the window: the count bubble at the card's lower right corner, and
   * the stage's outline. */
  g_assert_true (jm_layout_get_item_rect (layout, item, &rect));
  corner = (JmRect) { rect.x + rect.width - 24, rect.y + rect.height - 14, 30, 22 };
  g_assert_cmpuint (count_differences (export, window, &corner), >, 40);
  g_assert_cmpuint (count_differences (export, window, NULL), >, count_differences (export, window, &corner));

  /* The PNG export of the annotated map is the plain one's, byte for byte. */
  jm_export_options_init (&export_options);
  plain_png = jm_export_to_bytes (plain, JM_EXPORT_FORMAT_PNG, &export_options, &error);
  g_assert_no_error (error);
  png = jm_export_to_bytes (annotated, JM_EXPORT_FORMAT_PNG, &export_options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain_png, png));

  cairo_surface_destroy (plain_export);
  cairo_surface_destroy (plain_window);
  cairo_surface_destroy (export);
  cairo_surface_destroy (window);
}

/* Reads a PNG export back into an image. */
typedef struct
{
  const guchar *data;
  gsize         left;
} PngSource;

static cairo_status_t
png_source_read (void          *closure,
                 unsigned char *data,
                 unsigned int   length)
{
  PngSource *source = closure;

  if (length > source->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, source->data, length);
  source->data += length;
  source->left -= length;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
png_to_surface (GBytes *png)
{
  PngSource source = { g_bytes_get_data (png, NULL), g_bytes_get_size (png) };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (png_source_read, &source);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* Compared as ARGB32 whatever cairo made of it. */
  if (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    {
      cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                          cairo_image_surface_get_width (surface),
                                                          cairo_image_surface_get_height (surface));
      cairo_t *cr = cairo_create (argb);

      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      surface = argb;
    }
  cairo_surface_flush (surface);

  return surface;
}

static GBytes *
export_png (JmDocument *document,
            gboolean    comments)
{
  g_autoptr(GError) error = NULL;
  JmExportOptions options;
  GBytes *png;

  jm_export_options_init (&options);
  options.comments = comments;
  png = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);

  return png;
}

/* The export option shows the window's marks: a PNG with it differs from
 * one without exactly at the card's badge, is the plain map's without
 * it, and a map without comments is the same either way. */
static void
test_export_option_png (void)
{
  g_autoptr(JmDocument) plain = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmDocument) annotated = jm_test_load_example ("grocery-first-order.jmap");
  JmItem *item = jm_layer_lookup_item (jm_document_get_layer (annotated, JM_LAYER_STATE_CURRENT),
                                       "item-sees-referral");
  g_autoptr(JmLayout) layout = jm_layout_new (annotated, JM_LAYER_MODE_CURRENT);
  g_autoptr(GBytes) plain_off = NULL;
  g_autoptr(GBytes) plain_on = NULL;
  g_autoptr(GBytes) off = NULL;
  g_autoptr(GBytes) on = NULL;
  cairo_surface_t *off_image, *on_image;
  JmRect rect, reach, corner;

  add_comment (item, "comment-1", "Which friend?", FALSE);
  add_comment (item, "comment-2", "Done.", TRUE);

  plain_off = export_png (plain, FALSE);
  plain_on = export_png (plain, TRUE);
  off = export_png (annotated, FALSE);
  on = export_png (annotated, TRUE);

  g_assert_true (g_bytes_equal (plain_off, off));
  g_assert_true (g_bytes_equal (plain_off, plain_on));
  g_assert_false (g_bytes_equal (off, on));

  off_image = png_to_surface (off);
  on_image = png_to_surface (on);
  g_assert_true (jm_layout_get_item_rect (layout, item, &rect));
  corner = (JmRect) { rect.x + rect.width - 24, rect.y + rect.height - 14, 30, 22 };
  reach = (JmRect) { rect.x - JM_RENDER_ITEM_REACH, rect.y - JM_RENDER_ITEM_REACH,
                     rect.width + 2 * JM_RENDER_ITEM_REACH, rect.height + 2 * JM_RENDER_ITEM_REACH };
  /* The badge is drawn, and nothing beyond the card's reach changes. */
  g_assert_cmpuint (count_differences (off_image, on_image, &corner), >, 40);
  g_assert_cmpuint (count_differences (off_image, on_image, NULL), ==,
                    count_differences (off_image, on_image, &reach));

  cairo_surface_destroy (off_image);
  cairo_surface_destroy (on_image);
}

/* SVG and PDF are drawn by the same path with the option: the marks are
 * in them only with it. */
static void
test_export_option_vector (void)
{
  static const JmExportFormat formats[] = { JM_EXPORT_FORMAT_SVG, JM_EXPORT_FORMAT_PDF };
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  JmStage *stage = jm_document_lookup_stage (document, "stage-awareness");

  add_comment (stage, "comment-1", "Is this the first stage?", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) off = NULL;
      g_autoptr(GBytes) on = NULL;
      g_autoptr(GError) error = NULL;
      JmExportOptions options;

      jm_export_options_init (&options);
      g_assert_false (options.comments);
      off = jm_export_to_bytes (document, formats[i], &options, &error);
      g_assert_no_error (error);
      options.comments = TRUE;
      on = jm_export_to_bytes (document, formats[i], &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (on), >, g_bytes_get_size (off));
    }
}

/* A .jmap export keeps comments unless told to leave them out; then the
 * copy has none, checks valid, and the map itself keeps its own. */
static void
test_export_option_jmap (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  JmItem *item = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                       "item-sees-referral");
  JmStage *stage = jm_document_lookup_stage (document, "stage-awareness");
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) left_out = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_text = NULL;
  g_autofree char *left_out_text = NULL;
  JmExportOptions options;

  add_comment (document, "comment-map", "Who owns this map?", FALSE);
  add_comment (stage, "comment-stage", "Too long a stage?", TRUE);
  add_comment (item, "comment-item", "Which friend?", FALSE);
  add_conflict (item, "title", "Sees a referral", "Gets a referral");

  jm_export_options_init (&options);
  kept = jm_export_to_bytes (document, JM_EXPORT_FORMAT_JMAP, &options, &error);
  g_assert_no_error (error);
  kept_text = bytes_to_string (kept);
  g_assert_nonnull (strstr (kept_text, "<comment id=\"comment-item\""));

  options.leave_out_comments = TRUE;
  left_out = jm_export_to_bytes (document, JM_EXPORT_FORMAT_JMAP, &options, &error);
  g_assert_no_error (error);
  left_out_text = bytes_to_string (left_out);
  g_assert_null (strstr (left_out_text, "<comment"));
  g_assert_null (strstr (left_out_text, "Which friend?"));
  /* Only the comments: a conflict is the map's own business. */
  g_assert_nonnull (strstr (left_out_text, "Gets a referral"));

  problems = jm_schema_validate_bytes (left_out, "left-out.jmap", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
  again = jm_xml_reader_read_bytes (left_out, "left-out.jmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  /* The open map is untouched. */
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (document)), ==, 1);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (stage)), ==, 1);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (item)), ==, 1);
}

/* The same through the worker thread the window exports in. */
static void
export_async_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_export_to_file_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_export_option_jmap_async (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autofree char *dir = g_dir_make_tmp ("jm-comments-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  JmExportOptions options;
  gboolean done = FALSE;

  add_comment (document, "comment-map", "Who owns this map?", FALSE);
  jm_export_options_init (&options);
  options.leave_out_comments = TRUE;
  jm_export_to_file_async (document, file, JM_EXPORT_FORMAT_JMAP, &options, NULL, export_async_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, "<comment"));
  g_assert_nonnull (strstr (text, "<journey-map"));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (document)), ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

/* Each change of a diff leads back to its object: the item changed, the
 * stage a comment is on, the item a conflict is on, the map for its own
 * properties, and nothing for what the copy does not have. */
static void
test_find_object (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JmDocument) old = jm_test_load_example ("grocery-first-order.jmap");
  JmLayer *layer = jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT);
  JmItem *item = jm_layer_lookup_item (layer, "item-sees-referral");
  JmItem *gone = jm_layer_lookup_item (layer, "item-notices-van");
  JmStage *stage = jm_document_lookup_stage (fixture->document, "stage-awareness");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint found = 0;

  g_assert_true (jm_edit_set_string (fixture->stack, item, "title", "Another title", 0, &error));
  g_assert_true (jm_edit_set_string (fixture->stack, fixture->document, "title", "Another map", 0, &error));
  g_assert_nonnull (jm_edit_add_comment (fixture->stack, stage, "Ana", "Split it?", &error));
  g_ptr_array_add (objects, gone);
  g_assert_true (jm_edit_delete_objects (fixture->stack, objects, &error));
  g_assert_no_error (error);
  add_conflict (jm_layer_lookup_item (layer, "thought-worth-a-try"), "title", "A", "B");

  changes = jm_diff_documents (old, fixture->document);
  for (guint i = 0; i < changes->len; i++)
    {
      JmChange *change = changes->pdata[i];
      GObject *object = jm_diff_find_object (fixture->document, change);
      GObject *expected;

      if (change->type == JM_TYPE_ITEM && g_strcmp0 (change->id, "item-sees-referral") == 0)
        expected = G_OBJECT (item);
      else if (change->type == JM_TYPE_DOCUMENT)
        expected = G_OBJECT (fixture->document);
      else if (change->type == JM_TYPE_COMMENT)
        expected = G_OBJECT (stage);
      else if (change->type == JM_TYPE_CONFLICT)
        expected = G_OBJECT (jm_layer_lookup_item (layer, "thought-worth-a-try"));
      else if (change->kind == JM_CHANGE_REMOVED && g_strcmp0 (change->id, "item-notices-van") == 0)
        {
          /* Only the old copy has it. */
          expected = NULL;
          g_assert_true (jm_diff_find_object (old, change) ==
                         G_OBJECT (jm_layer_lookup_item (jm_document_get_layer (old, JM_LAYER_STATE_CURRENT),
                                                         "item-notices-van")));
        }
      else
        continue;

      g_assert_true (object == expected);
      found++;
    }

  g_assert_cmpuint (found, ==, 5);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comments/format/round-trip", test_round_trip);
  g_test_add_func ("/comments/format/plain-map-stays-1.0", test_plain_map_stays_1_0);
  g_test_add_func ("/comments/format/refused-in-1.0", test_refused_in_1_0);
  g_test_add_func ("/comments/format/comment-needs-date", test_comment_needs_date);
  g_test_add_func ("/comments/format/comment-ids-unique", test_comment_ids_unique);
  g_test_add_func ("/comments/format/not-on-lanes", test_comments_not_on_lanes);
  g_test_add_func ("/comments/format/conflict-property-checked", test_conflict_property_checked);
  g_test_add_func ("/comments/hostile/comments-on-one-object", test_hostile_comments_on_one_object);
  g_test_add_func ("/comments/hostile/comments-in-map", test_hostile_comments_in_map);
  g_test_add_func ("/comments/hostile/long-texts", test_hostile_long_texts);
  g_test_add ("/comments/commands/add-undo-redo", Fixture, NULL,
              fixture_set_up, test_commands_add_undo_redo, fixture_tear_down);
  g_test_add ("/comments/commands/edit-resolve-delete", Fixture, NULL,
              fixture_set_up, test_commands_edit_resolve_delete, fixture_tear_down);
  g_test_add ("/comments/commands/refused", Fixture, NULL,
              fixture_set_up, test_commands_refused, fixture_tear_down);

  g_test_add_func ("/comments/render/review-marks-window-only", test_review_marks_window_only);
  g_test_add_func ("/comments/export/png", test_export_option_png);
  g_test_add_func ("/comments/export/svg-pdf", test_export_option_vector);
  g_test_add_func ("/comments/export/jmap-without-comments", test_export_option_jmap);
  g_test_add_func ("/comments/export/jmap-without-comments-async", test_export_option_jmap_async);
  g_test_add ("/comments/diff/find-object", Fixture, NULL, fixture_set_up, test_find_object, fixture_tear_down);

  return g_test_run ();
}
