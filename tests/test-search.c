/* test-search.c: which objects of a map match a text
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "format/jm-xml-reader.h"
#include "model/jm-search.h"

/* Two stages, two lanes; the items are listed out of map order on purpose
 * (the second stage's item first, the lower lane before the upper one),
 * so a search that followed the file's order would fail. */
static const char search_map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">\n"
  "  <title>Search</title>\n"
  "  <personas>\n"
  "    <persona id=\"persona-a\"><name>Zoë</name><role>Parent</role>"
  "<goals>A quick café breakfast</goals></persona>\n"
  "  </personas>\n"
  "  <stages>\n"
  "    <stage id=\"stage-1\"><name>Discover</name><description>Finds the CAFE</description></stage>\n"
  "    <stage id=\"stage-2\"><name>Order</name></stage>\n"
  "  </stages>\n"
  "  <lanes>\n"
  "    <lane id=\"lane-1\" kind=\"actions\"><name>Actions</name></lane>\n"
  "    <lane id=\"lane-2\" kind=\"thoughts\"><name>Café thoughts</name></lane>\n"
  "  </lanes>\n"
  "  <layer state=\"current\">\n"
  "    <items>\n"
  "      <item id=\"item-4\" kind=\"card\" stage=\"stage-2\" lane=\"lane-1\"><title>Pays</title>"
  "<body>At the café counter</body></item>\n"
  "      <item id=\"item-3\" kind=\"note\" stage=\"stage-1\" lane=\"lane-2\"><title>Cafés nearby?</title></item>\n"
  "      <item id=\"item-1\" kind=\"card\" stage=\"stage-1\" lane=\"lane-1\"><title>Walks by</title></item>\n"
  "      <item id=\"item-2\" kind=\"card\" stage=\"stage-1\" lane=\"lane-1\"><title>Smells cafe coffee</title></item>\n"
  "      <item id=\"item-6\" kind=\"touchpoint\" stage=\"stage-2\" lane=\"lane-2\" channel=\"email\">"
  "<title>Receipt</title></item>\n"
  "    </items>\n"
  "  </layer>\n"
  "  <layer state=\"future\">\n"
  "    <items>\n"
  "      <item id=\"item-5\" kind=\"card\" stage=\"stage-1\" lane=\"lane-1\"><title>Orders café ahead</title></item>\n"
  "    </items>\n"
  "  </layer>\n"
  "</journey-map>\n";

static JmDocument *
load_search_map (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (search_map, sizeof search_map - 1);
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  document = jm_xml_reader_read_bytes (bytes, "search.jmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The ids of the matches, joined by spaces. */
static char *
find_ids (JmDocument   *document,
          JmLayerState  state,
          const char   *text)
{
  g_autoptr(GPtrArray) matches = jm_search_find (document, state, text);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_nonnull (matches);
  for (guint i = 0; i < matches->len; i++)
    g_strv_builder_add (ids, jm_object_get_id (g_ptr_array_index (matches, i)));

  strv = g_strv_builder_end (ids);
  return g_strjoinv (" ", strv);
}

/* "cafe" finds "café", "CAFE" and "Cafés" alike, in every kind of object
 * and every text searched (description, body, name, goals), in map
 * order: the first stage, its items lane by lane, the second stage's
 * items, then lanes, then personas. */
static void
test_search_map_order (void)
{
  g_autoptr(JmDocument) document = load_search_map ();
  g_autofree char *ids = find_ids (document, JM_LAYER_STATE_CURRENT, "cafe");

  g_assert_cmpstr (ids, ==, "stage-1 item-2 item-3 item-4 lane-2 persona-a");
}

/* Case and accents are ignored on both sides: what is typed with accents
 * or capitals finds text without them. */
static void
test_search_folds_case_and_accents (void)
{
  g_autoptr(JmDocument) document = load_search_map ();
  g_autofree char *upper = find_ids (document, JM_LAYER_STATE_CURRENT, "CAFÉ");
  g_autofree char *zoe = find_ids (document, JM_LAYER_STATE_CURRENT, "zoe");
  g_autofree char *folded = jm_search_fold_text ("Ça Mañana ZOË");

  g_assert_cmpstr (upper, ==, "stage-1 item-2 item-3 item-4 lane-2 persona-a");
  g_assert_cmpstr (zoe, ==, "persona-a");
  g_assert_cmpstr (folded, ==, "ca manana zoe");
}

/* Only the layer asked for is searched; stages, lanes and personas belong
 * to both. */
static void
test_search_one_layer (void)
{
  g_autoptr(JmDocument) document = load_search_map ();
  g_autofree char *future = find_ids (document, JM_LAYER_STATE_FUTURE, "cafe");

  g_assert_cmpstr (future, ==, "stage-1 item-5 lane-2 persona-a");
}

/* Nothing typed, or only spaces, finds nothing rather than everything;
 * a text found nowhere finds nothing. */
static void
test_search_empty_text (void)
{
  g_autoptr(JmDocument) document = load_search_map ();
  g_autofree char *empty = find_ids (document, JM_LAYER_STATE_CURRENT, "");
  g_autofree char *blank = find_ids (document, JM_LAYER_STATE_CURRENT, "   ");
  g_autofree char *none = find_ids (document, JM_LAYER_STATE_CURRENT, "tea");
  g_autofree char *spaced = find_ids (document, JM_LAYER_STATE_CURRENT, " walks ");

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (spaced, ==, "item-1");
}

/* A touchpoint is found by its channel, as its card shows it ("EMAIL"),
 * in any case; a channel no touchpoint has finds nothing. */
static void
test_search_channel (void)
{
  g_autoptr(JmDocument) document = load_search_map ();
  g_autofree char *email = find_ids (document, JM_LAYER_STATE_CURRENT, "EMAIL");
  g_autofree char *advertising = find_ids (document, JM_LAYER_STATE_CURRENT, "advert");

  g_assert_cmpstr (email, ==, "item-6");
  g_assert_cmpstr (advertising, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/search/map-order", test_search_map_order);
  g_test_add_func ("/model/search/case-and-accents", test_search_folds_case_and_accents);
  g_test_add_func ("/model/search/one-layer", test_search_one_layer);
  g_test_add_func ("/model/search/empty-text", test_search_empty_text);
  g_test_add_func ("/model/search/channel", test_search_channel);

  return g_test_run ();
}
