/* test-opportunity-scores.c: opportunities' customer value, business
 * value and effort (format 1.1), and their priority
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "export/jm-export.h"
#include "merge/jm-diff.h"
#include "render/jm-priority-matrix.h"
#include "model/jm-document.h"

#include "jm-test-maps.h"

#define EPSILON 1e-9

static char *
valid_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static JmDocument *
read_document (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  JmDocument *document = jm_xml_reader_read_bytes (bytes, "scores.jmap", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  g_autofree char *copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (copy, text) != NULL;
}

static void
test_scores_read (void)
{
  g_autofree char *path = valid_path ("opportunity-scores.jmap");
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmItem *quick = jm_layer_lookup_item (layer, "opp-a");
  JmItem *half = jm_layer_lookup_item (layer, "opp-b");

  g_assert_cmpint (jm_document_get_format_minor (document), ==, 1);
  g_assert_cmpfloat_with_epsilon (jm_item_get_customer_value (quick), 80, EPSILON);
  g_assert_cmpfloat_with_epsilon (jm_item_get_business_value (quick), 60, EPSILON);
  g_assert_cmpfloat_with_epsilon (jm_item_get_effort (quick), 2, EPSILON);
  g_assert_true (jm_item_has_scores (quick));
  /* (80 + 60) / 2, for an effort of 2 */
  g_assert_cmpfloat_with_epsilon (jm_item_get_priority (quick), 35, EPSILON);

  /* only the effort: scored, but no priority */
  g_assert_cmpfloat (jm_item_get_customer_value (half), ==, JM_VALUE_UNSET);
  g_assert_cmpfloat (jm_item_get_business_value (half), ==, JM_VALUE_UNSET);
  g_assert_cmpfloat_with_epsilon (jm_item_get_effort (half), 4.5, EPSILON);
  g_assert_true (jm_item_has_scores (half));
  g_assert_cmpfloat (jm_item_get_priority (half), ==, -1);
}

/* Read and written again, byte for byte. */
static void
test_scores_round_trip (void)
{
  g_autofree char *path = valid_path ("opportunity-scores.jmap");
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(JmDocument) document = read_document (bytes);
  g_autoptr(GBytes) written = jm_xml_writer_write_bytes (document);

  g_assert_true (g_bytes_equal (bytes, written));
}

/* A map without scores stays 1.0; the first score makes it 1.1, and
 * undoing it makes it 1.0 again, byte for byte. */
static void
test_scores_version (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "hotel-guest-stay.jmap", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(JmDocument) document = read_document (bytes);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmItem *opportunity = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                              "opp-mobile-checkin");
  g_autoptr(GBytes) written = jm_xml_writer_write_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) again = NULL;

  g_assert_true (g_bytes_equal (bytes, written));
  g_assert_true (bytes_contain (written, "format-version=\"1.0\""));

  g_assert_true (jm_edit_set_double (stack, opportunity, "customer-value", 90, 0, &error));
  g_assert_no_error (error);
  g_assert_true (jm_edit_set_double (stack, opportunity, "effort", 3, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&written, g_bytes_unref);
  written = jm_xml_writer_write_bytes (document);
  g_assert_true (bytes_contain (written, "format-version=\"1.1\""));
  g_assert_true (bytes_contain (written, "<opportunity-score customer-value=\"90\" effort=\"3\"/>\n"));

  /* what was written reads back with the same scores */
  again = read_document (written);
  opportunity = jm_layer_lookup_item (jm_document_get_layer (again, JM_LAYER_STATE_CURRENT),
                                      "opp-mobile-checkin");
  g_assert_cmpfloat (jm_item_get_customer_value (opportunity), ==, 90);
  g_assert_cmpfloat (jm_item_get_business_value (opportunity), ==, JM_VALUE_UNSET);
  g_assert_cmpfloat (jm_item_get_effort (opportunity), ==, 3);

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_true (jm_command_stack_undo (stack));
  g_clear_pointer (&written, g_bytes_unref);
  written = jm_xml_writer_write_bytes (document);
  g_assert_true (g_bytes_equal (bytes, written));
}

/* Only opportunities are scored, within the file's ranges. */
static void
test_scores_edit_checks (void)
{
  g_autofree char *path = valid_path ("opportunity-scores.jmap");
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmItem *quick = jm_layer_lookup_item (layer, "opp-a");
  JmItem *card = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (jm_edit_set_double (stack, quick, "customer-value", 100.5, 0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jm_edit_set_double (stack, quick, "business-value", -0.5, 0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jm_edit_set_double (stack, quick, "effort", 0.5, 0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpfloat (jm_item_get_effort (quick), ==, 2);

  /* the ends of the ranges, and unset */
  g_assert_true (jm_edit_set_double (stack, quick, "customer-value", 100, 0, &error));
  g_assert_true (jm_edit_set_double (stack, quick, "business-value", 0, 0, &error));
  g_assert_true (jm_edit_set_double (stack, quick, "effort", 5, 0, &error));
  g_assert_true (jm_edit_set_double (stack, quick, "effort", JM_EFFORT_UNSET, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (jm_item_get_priority (quick), ==, -1);

  card = jm_edit_add_item (stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD, "s-a", "l-a", -1, "A card", &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_false (jm_edit_set_double (stack, card, "customer-value", 50, 0, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_assert_false (jm_item_has_scores (card));
}

/* An opportunity that becomes something else loses its scores in the
 * same step, so the file stays valid; undo brings them back. */
static void
test_scores_kind_change (void)
{
  g_autofree char *path = valid_path ("opportunity-scores.jmap");
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmItem *quick = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "opp-a");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(JmDocument) again = NULL;

  g_assert_true (jm_edit_set_item_kind (stack, quick, JM_ITEM_KIND_PAIN_POINT, &error));
  g_assert_no_error (error);
  g_assert_false (jm_item_has_scores (quick));
  written = jm_xml_writer_write_bytes (document);
  again = read_document (written);
  g_assert_nonnull (again);

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_cmpint (jm_item_get_kind (quick), ==, JM_ITEM_KIND_OPPORTUNITY);
  g_assert_cmpfloat (jm_item_get_customer_value (quick), ==, 80);
  g_assert_cmpfloat (jm_item_get_business_value (quick), ==, 60);
  g_assert_cmpfloat (jm_item_get_effort (quick), ==, 2);
}

/* Copied (the clipboard's small map) and started in the future state,
 * an opportunity keeps its scores. */
static void
test_scores_copied (void)
{
  g_autofree char *path = valid_path ("opportunity-scores.jmap");
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmItem *quick = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT), "opp-a");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GBytes) clip = NULL;
  g_autoptr(JmDocument) pasted = NULL;
  g_autoptr(GError) error = NULL;
  JmItem *copy;

  g_ptr_array_add (items, quick);
  clip = jm_xml_writer_write_items (document, items);
  pasted = read_document (clip);
  copy = jm_layer_lookup_item (jm_document_get_layer (pasted, JM_LAYER_STATE_CURRENT), "opp-a");
  g_assert_nonnull (copy);
  g_assert_cmpfloat (jm_item_get_priority (copy), ==, 35);

  g_assert_true (jm_edit_start_future_from_current (stack, &error));
  g_assert_no_error (error);
  copy = jm_layer_lookup_item (jm_document_get_layer (document, JM_LAYER_STATE_FUTURE), "opp-a");
  g_assert_nonnull (copy);
  g_assert_cmpfloat (jm_item_get_customer_value (copy), ==, 80);
  g_assert_cmpfloat (jm_item_get_effort (copy), ==, 2);
}

/* journeymap diff says what a score became, and "none" for no score. */
static void
test_scores_diff (void)
{
  g_autofree char *path = valid_path ("opportunity-scores.jmap");
  g_autoptr(JmDocument) before = jm_test_load_map (path);
  g_autoptr(JmDocument) after = jm_test_load_map (path);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (after);
  JmItem *quick = jm_layer_lookup_item (jm_document_get_layer (after, JM_LAYER_STATE_CURRENT), "opp-a");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_double (stack, quick, "customer-value", 85, 0, &error));
  g_assert_true (jm_edit_set_double (stack, quick, "effort", JM_EFFORT_UNSET, 0, &error));
  g_assert_no_error (error);
  changes = jm_diff_documents (before, after);

  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((JmChange *) g_ptr_array_index (changes, 0))->sentence, ==,
                   "Current state: item “Quick win” in “A” / “Opportunities”: customer-value: 80 → 85.");
  g_assert_cmpstr (((JmChange *) g_ptr_array_index (changes, 1))->sentence, ==,
                   "Current state: item “Quick win” in “A” / “Opportunities”: effort: 2 → none.");
}

typedef struct
{
  const guchar *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

/* The priority matrix: each scored opportunity in its quadrant, drawn
 * where the scores put it, exported to PNG, SVG and PDF but nothing else. */
static void
test_scores_matrix (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "insights", "matrix.jmap", NULL);
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  static const struct
  {
    const char *id;
    JmQuadrant  quadrant;
  } expected[] = {
    { "opp-a", JM_QUADRANT_QUICK_WINS },  /* value 70, effort 2 */
    { "opp-b", JM_QUADRANT_BIG_BETS },    /* value 90, effort 5 */
    { "opp-c", JM_QUADRANT_MAYBES },      /* value 25, effort 1 */
    { "opp-d", JM_QUADRANT_TIME_SINKS },  /* value 15, effort 4 */
  };
  JmExportOptions options;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  PngReader reader;
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JmItem *item = jm_layer_lookup_item (layer, expected[i].id);

      g_assert_true (jm_priority_matrix_place (item, &x, &y));
      g_assert_cmpint (jm_priority_matrix_quadrant (item), ==, expected[i].quadrant);
    }
  g_assert_cmpstr (jm_priority_matrix_quadrant_name (JM_QUADRANT_QUICK_WINS), ==, "Quick wins");
  g_assert_cmpstr (jm_priority_matrix_quadrant_name (JM_QUADRANT_TIME_SINKS), ==, "Time sinks");
  /* no effort, no dot */
  g_assert_false (jm_priority_matrix_place (jm_layer_lookup_item (layer, "opp-e"), &x, &y));

  /* the quick win: effort 2 of 1-5, value 70 of 0-100, on the plot
   * from (80, 70) to (760, 540) */
  g_assert_true (jm_priority_matrix_place (jm_layer_lookup_item (layer, "opp-a"), &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 80 + 680 * 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 540 - 470 * 0.7, 1e-9);

  jm_export_options_init (&options);
  options.view = JM_EXPORT_VIEW_MATRIX;
  png = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, &options, &error);
  g_assert_no_error (error);
  reader = (PngReader) { g_bytes_get_data (png, NULL), g_bytes_get_size (png) };
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, JM_MATRIX_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, JM_MATRIX_HEIGHT);
  /* the quick win's dot is drawn, in the opportunities' colour, unlike
   * the empty plot beside it; the four quadrants are tinted apart */
  g_assert_cmpuint (pixel_at (surface, (int) x, (int) y), !=, pixel_at (surface, (int) x + 30, (int) y + 30));
  g_assert_cmpuint (pixel_at (surface, 150, 150), !=, pixel_at (surface, 600, 150));
  g_assert_cmpuint (pixel_at (surface, 150, 450), !=, pixel_at (surface, 600, 450));
  g_assert_cmpuint (pixel_at (surface, 150, 150), !=, pixel_at (surface, 150, 450));
  cairo_surface_destroy (surface);

  pdf = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PDF, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_get_size (pdf) > 4 && memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4) == 0);
  svg = jm_export_to_bytes (document, JM_EXPORT_FORMAT_SVG, &options, &error);
  g_assert_no_error (error);
  g_assert_true (bytes_contain (svg, "viewBox=\"0 0 800 600\""));

  g_assert_null (jm_export_to_bytes (document, JM_EXPORT_FORMAT_CSV, &options, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_INVALID_OPTION);
}

/* Presenter's notes (format 1.1): read and written byte for byte; the
 * first makes a 1.0 map 1.1, and its undo 1.0 again. */
static void
test_presenter_notes (void)
{
  g_autofree char *path = valid_path ("presenter-notes.jmap");
  g_autofree char *hotel_path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                                  "hotel-guest-stay.jmap", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GBytes) hotel_bytes = read_bytes (hotel_path);
  g_autoptr(JmDocument) document = read_document (bytes);
  g_autoptr(JmDocument) hotel = read_document (hotel_bytes);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (hotel);
  g_autoptr(GBytes) written = jm_xml_writer_write_bytes (document);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (jm_stage_get_presenter_note (jm_document_lookup_stage (document, "s-a")), ==,
                   "Start with the queue: everyone has stood in it.\nThen the numbers.");
  g_assert_null (jm_stage_get_presenter_note (jm_document_lookup_stage (document, "s-b")));
  g_assert_true (g_bytes_equal (bytes, written));

  g_assert_true (jm_edit_set_string (stack, jm_document_lookup_stage (hotel, "stage-arrival"), "presenter-note",
                                     "Ask who has queued at a desk this year.", 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&written, g_bytes_unref);
  written = jm_xml_writer_write_bytes (hotel);
  g_assert_true (bytes_contain (written, "format-version=\"1.1\""));
  g_assert_true (bytes_contain (written, "      <duration>1 hour</duration>\n"
                                         "      <presenter-note>Ask who has queued at a desk this year."
                                         "</presenter-note>\n"));
  g_assert_true (jm_command_stack_undo (stack));
  g_clear_pointer (&written, g_bytes_unref);
  written = jm_xml_writer_write_bytes (hotel);
  g_assert_true (g_bytes_equal (hotel_bytes, written));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opportunity-scores/read", test_scores_read);
  g_test_add_func ("/opportunity-scores/round-trip", test_scores_round_trip);
  g_test_add_func ("/opportunity-scores/version", test_scores_version);
  g_test_add_func ("/opportunity-scores/edit-checks", test_scores_edit_checks);
  g_test_add_func ("/opportunity-scores/kind-change", test_scores_kind_change);
  g_test_add_func ("/opportunity-scores/copied", test_scores_copied);
  g_test_add_func ("/opportunity-scores/diff", test_scores_diff);
  g_test_add_func ("/opportunity-scores/matrix", test_scores_matrix);
  g_test_add_func ("/presenter-notes/round-trip", test_presenter_notes);

  return g_test_run ();
}
