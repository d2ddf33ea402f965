/* test-describe.c: the full spoken name of each kind of map object
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "format/jm-xml-reader.h"
#include "model/jm-describe.h"

/* Everything a name is made of, and the parts that may be missing: a
 * persona without a role, a point without a feeling, a link without a
 * label, an item without a title; the Future state has an item of the
 * same id with another title, so a link's ends must come from the state
 * asked for. */
static const char describe_map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">\n"
  "  <title>Describe</title>\n"
  "  <personas>\n"
  "    <persona id=\"persona-maya\"><name>Maya</name><role>first-time buyer</role></persona>\n"
  "    <persona id=\"persona-tom\"><name>Tom</name></persona>\n"
  "  </personas>\n"
  "  <stages>\n"
  "    <stage id=\"stage-1\"><name>Awareness</name></stage>\n"
  "    <stage id=\"stage-2\"><name>Consideration</name></stage>\n"
  "    <stage id=\"stage-3\"><name>Purchase</name></stage>\n"
  "    <stage id=\"stage-4\"><name>Delivery</name></stage>\n"
  "    <stage id=\"stage-5\"><name>Advocacy</name></stage>\n"
  "  </stages>\n"
  "  <lanes>\n"
  "    <lane id=\"lane-actions\" kind=\"actions\"><name>Customer actions</name></lane>\n"
  "    <lane id=\"lane-touch\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n"
  "    <lane id=\"lane-pain\" kind=\"pain-points\"><name>Pain points</name></lane>\n"
  "    <lane id=\"lane-emotions\" kind=\"emotions\"><name>Feelings</name></lane>\n"
  "  </lanes>\n"
  "  <layer state=\"current\">\n"
  "    <items>\n"
  "      <item id=\"item-ad\" kind=\"touchpoint\" stage=\"stage-1\" lane=\"lane-touch\" channel=\"social\">"
  "<title>Sees an ad</title></item>\n"
  "      <item id=\"item-reviews\" kind=\"card\" stage=\"stage-2\" lane=\"lane-actions\">"
  "<title>Reads reviews about freshness</title><moment-of-truth kind=\"first\"/></item>\n"
  "      <item id=\"item-trust\" kind=\"pain-point\" stage=\"stage-3\" lane=\"lane-pain\">"
  "<title>Fee unclear</title><moment-of-truth kind=\"custom\" label=\"Moment of trust\"/></item>\n"
  "      <item id=\"item-blank\" kind=\"note\" stage=\"stage-4\" lane=\"lane-actions\"/>\n"
  "    </items>\n"
  "    <emotions>\n"
  "      <curve persona=\"persona-maya\">\n"
  "        <point id=\"point-1\" stage=\"stage-2\" position=\"0.5\" score=\"3\" label=\"Delighted\"/>\n"
  "        <point id=\"point-2\" stage=\"stage-3\" position=\"0.5\" score=\"-1.5\"/>\n"
  "        <point id=\"point-3\" stage=\"stage-4\" position=\"0.5\" score=\"0\" label=\"Calm\"/>\n"
  "      </curve>\n"
  "    </emotions>\n"
  "    <links>\n"
  "      <link id=\"link-1\" from=\"item-ad\" to=\"item-reviews\" label=\"leads to\"/>\n"
  "      <link id=\"link-2\" from=\"item-reviews\" to=\"item-blank\"/>\n"
  "    </links>\n"
  "  </layer>\n"
  "  <layer state=\"future\">\n"
  "    <items>\n"
  "      <item id=\"item-ad\" kind=\"card\" stage=\"stage-1\" lane=\"lane-actions\"><title>Hears from a friend</title></item>\n"
  "      <item id=\"item-reviews\" kind=\"card\" stage=\"stage-2\" lane=\"lane-actions\"><title>Reads reviews</title></item>\n"
  "    </items>\n"
  "    <links>\n"
  "      <link id=\"link-1\" from=\"item-ad\" to=\"item-reviews\"/>\n"
  "    </links>\n"
  "  </layer>\n"
  "</journey-map>\n";

static JmDocument *
load_describe_map (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (describe_map, sizeof describe_map - 1);
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  document = jm_xml_reader_read_bytes (bytes, "describe.jmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static JmObject *
find_in (JmObjectStore *store,
         const char    *id)
{
  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    {
      JmObject *object = jm_object_store_get_object (store, i);

      if (g_str_equal (jm_object_get_id (object), id))
        return object;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
assert_name (JmDocument   *document,
             JmLayerState  state,
             JmObject     *object,
             const char   *expected)
{
  g_autofree char *name = jm_describe_object (document, state, object);

  g_assert_cmpstr (name, ==, expected);
}

/* An item: its kind (a touchpoint with its channel), its title, its
 * Moment of Truth with the kind, and its cell, stage × lane. */
static void
test_describe_items (void)
{
  g_autoptr(JmDocument) document = load_describe_map ();
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (current);

  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (items, "item-reviews"),
               "Card: Reads reviews about freshness, Moment of Truth (first), Consideration × Customer actions");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (items, "item-ad"),
               "Touchpoint (Social): Sees an ad, Awareness × Touchpoints");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (items, "item-trust"),
               "Pain Point: Fee unclear, Moment of Truth (Moment of trust), Purchase × Pain points");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (items, "item-blank"),
               "Note: Untitled, Delivery × Customer actions");
}

/* A stage says where it is among the stages; a lane and a persona their
 * name (and role). */
static void
test_describe_structure (void)
{
  g_autoptr(JmDocument) document = load_describe_map ();

  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (jm_document_get_stages (document), "stage-2"),
               "Stage 2 of 5: Consideration");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (jm_document_get_stages (document), "stage-5"),
               "Stage 5 of 5: Advocacy");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (jm_document_get_lanes (document), "lane-pain"),
               "Lane: Pain points");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (jm_document_get_personas (document), "persona-maya"),
               "Persona: Maya, first-time buyer");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (jm_document_get_personas (document), "persona-tom"),
               "Persona: Tom");
}

/* A point: its score with its sign, its feeling, its stage and whose
 * curve it is on. */
static void
test_describe_points (void)
{
  g_autoptr(JmDocument) document = load_describe_map ();
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));

  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (points, "point-1"),
               "Emotion point: +3, Delighted, Consideration, persona Maya");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (points, "point-2"),
               "Emotion point: -1.5, Purchase, persona Maya");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (points, "point-3"),
               "Emotion point: 0, Calm, Delivery, persona Maya");
}

/* A link: its ends by title, in the state it is on, and its label. */
static void
test_describe_links (void)
{
  g_autoptr(JmDocument) document = load_describe_map ();
  JmObjectStore *current = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  JmObjectStore *future = jm_layer_get_links (jm_document_get_layer (document, JM_LAYER_STATE_FUTURE));

  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (current, "link-1"),
               "Link: from Sees an ad to Reads reviews about freshness, label leads to");
  assert_name (document, JM_LAYER_STATE_CURRENT, find_in (current, "link-2"),
               "Link: from Reads reviews about freshness to Untitled");
  assert_name (document, JM_LAYER_STATE_FUTURE, find_in (future, "link-1"),
               "Link: from Hears from a friend to Reads reviews");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/describe/items", test_describe_items);
  g_test_add_func ("/describe/structure", test_describe_structure);
  g_test_add_func ("/describe/points", test_describe_points);
  g_test_add_func ("/describe/links", test_describe_links);

  return g_test_run ();
}
