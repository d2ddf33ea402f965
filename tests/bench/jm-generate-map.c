/* jm-generate-map.c: realistic journey maps of any size, for benchmarks
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jm-generate-map --items N [--seed S] -o FILE.jmap
 *
 * The map looks like an organisation's end-to-end journey: stages grow with
 * the square root of the item count so that cells hold a few dozen cards,
 * every lane kind and item kind appears, each persona has an emotional curve
 * with a point per stage, cards carry Moments of Truth and links, and the
 * future state changes, removes and adds a share of the current items. The
 * text is written directly (not through the model) so that generating a
 * million items stays fast and does not depend on the code being measured.
 */

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>

#define JMAP_NAMESPACE "https://journeymap.github.io/ns/jmap/1"

typedef struct
{
  const char *id;
  const char *kind;
  const char *name;
  const char *item_kind;
} LaneSpec;

static const LaneSpec lanes[] = {
  { "lane-actions", "actions", "Customer actions", "card" },
  { "lane-thoughts", "thoughts", "Thoughts", "note" },
  { "lane-touchpoints", "touchpoints", "Touchpoints", "touchpoint" },
  { "lane-emotions", "emotions", "Emotional curve", NULL },
  { "lane-pain-points", "pain-points", "Pain points", "pain-point" },
  { "lane-opportunities", "opportunities", "Opportunities", "opportunity" },
  { "lane-backstage", "backstage", "Backstage", "card" },
  { "lane-images", "images", "Evidence", "image" },
};

static const char *channels[] = {
  "web", "email", "store", "phone", "app", "social", "chat", "ad", "event", "mail", "other",
};

static const char *stage_words[] = {
  "Discover", "Research", "Compare", "Sign up", "Set up", "Onboard", "First use", "Pay",
  "Deliver", "Support", "Renew", "Expand", "Recommend", "Return", "Upgrade", "Review",
};

static const char *subjects[] = {
  "Customer", "She", "He", "The team", "The buyer", "The manager", "The driver", "The guest",
};

static const char *verbs[] = {
  "searches for", "compares", "asks about", "waits for", "reads", "books", "cancels",
  "pays for", "complains about", "recommends", "returns", "tries", "shares", "forgets",
};

static const char *objects[] = {
  "the price list", "a delivery slot", "the help centre", "an invoice", "the mobile app",
  "a discount code", "the contract", "a replacement", "the onboarding e-mail", "the chat bot",
  "a store visit", "the loyalty card", "a review site", "the setup wizard", "a callback",
};

static const char *bodies[] = {
  "Takes longer than expected and nobody explains why.",
  "Works well on the phone, less so on the laptop at work.",
  "The second attempt succeeds after calling support.",
  "Mentions it to two colleagues the same afternoon.",
  "Gives up and tries again the next morning, from scratch.",
};

static const char *feelings[] = {
  "Hopeful", "Curious", "Confused", "Annoyed", "Relieved", "Proud", "Worried", "Delighted",
};

/* A 4×4 PNG, base64: image items hold real picture data. */
static const char tiny_png[] =
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVQI12P4z8DwHwkZ"
  "GBiQOCgyQAEAuhsH+dXr/hUAAAAASUVORK5CYII=";

typedef struct
{
  GRand *rand;
  FILE *out;
  guint n_items;
  guint n_stages;
  guint n_current;
  guint n_future_new;
} Generator;

static const char *
pick (Generator   *gen,
      const char **words,
      guint        n_words)
{
  return words[g_rand_int_range (gen->rand, 0, n_words)];
}

#define PICK(gen, array) pick ((gen), (array), G_N_ELEMENTS (array))

static void
write_header (Generator *gen)
{
  fprintf (gen->out,
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<journey-map xmlns=\"" JMAP_NAMESPACE "\" format-version=\"1.0\">\n"
           "  <title>Generated journey with %u items</title>\n"
           "  <description>An end-to-end customer journey across %u stages, generated for "
           "benchmarks.</description>\n"
           "  <author>jm-generate-map</author>\n"
           "  <created>2026-01-01T09:00:00Z</created>\n"
           "  <modified>2026-01-02T17:30:00Z</modified>\n",
           gen->n_items, gen->n_stages);

  fputs ("  <personas>\n"
         "    <persona id=\"persona-a\" primary=\"true\">\n"
         "      <name>Alex Morgan</name>\n"
         "      <role>Operations lead</role>\n"
         "      <goals>Get the service working for the whole team in a week.</goals>\n"
         "    </persona>\n"
         "    <persona id=\"persona-b\">\n"
         "      <name>Sam Okafor</name>\n"
         "      <role>Daily user</role>\n"
         "      <frustrations>Changes that arrive without warning.</frustrations>\n"
         "    </persona>\n"
         "  </personas>\n", gen->out);
}

static void
write_stages_and_lanes (Generator *gen)
{
  fputs ("  <stages>\n", gen->out);
  for (guint i = 0; i < gen->n_stages; i++)
    fprintf (gen->out,
             "    <stage id=\"stage-%u\">\n"
             "      <name>%s %u</name>\n"
             "    </stage>\n",
             i, PICK (gen, stage_words), i + 1);
  fputs ("  </stages>\n  <lanes>\n", gen->out);

  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    fprintf (gen->out,
             "    <lane id=\"%s\" kind=\"%s\">\n"
             "      <name>%s</name>\n"
             "    </lane>\n",
             lanes[i].id, lanes[i].kind, lanes[i].name);
  fputs ("  </lanes>\n", gen->out);
}

/* Item number i goes to a lane that holds items (not the emotional curve),
 * and to the stage that spreads all items evenly over the stages. */
static const LaneSpec *
lane_of_item (guint i)
{
  guint n_item_lanes = G_N_ELEMENTS (lanes) - 1;
  guint index = i % n_item_lanes;

  return &lanes[index >= 3 ? index + 1 : index];
}

static void
write_item (Generator  *gen,
            guint       i,
            const char *id_prefix,
            guint       n_in_layer,
            gboolean    changed)
{
  const LaneSpec *lane = lane_of_item (i);
  guint stage = (guint) ((guint64) i * gen->n_stages / MAX (n_in_layer, 1));
  gboolean is_image = g_str_equal (lane->item_kind, "image");
  /* Images are rare in real maps; most cells of that lane hold notes. */
  const char *kind = is_image && i % 50 != 0 ? "note" : lane->item_kind;

  fprintf (gen->out, "      <item id=\"%s%u\" kind=\"%s\" stage=\"stage-%u\" lane=\"%s\"",
           id_prefix, i, kind, stage, lane->id);
  if (g_str_equal (kind, "touchpoint"))
    fprintf (gen->out, " channel=\"%s\"", PICK (gen, channels));
  if (i % 23 == 0)
    fputs (" color=\"#9141ac\"", gen->out);
  fprintf (gen->out, ">\n        <title>%s %s %s%s</title>\n",
           PICK (gen, subjects), PICK (gen, verbs), PICK (gen, objects),
           changed ? ", now in one step" : "");
  if (i % 3 == 0)
    fprintf (gen->out, "        <body>%s</body>\n", PICK (gen, bodies));
  if (g_str_equal (kind, "image"))
    fprintf (gen->out, "        <image media-type=\"image/png\">%s</image>\n", tiny_png);
  if (i % 97 == 0)
    fprintf (gen->out, "        <moment-of-truth kind=\"%s\"/>\n",
             (const char *[]) { "zero", "first", "second" }[i % 3]);
  fputs ("      </item>\n", gen->out);
}

static void
write_curves (Generator *gen)
{
  const char *personas[] = { "persona-a", "persona-b" };

  fputs ("    <emotions>\n", gen->out);
  for (guint p = 0; p < G_N_ELEMENTS (personas); p++)
    {
      fprintf (gen->out, "      <curve persona=\"%s\">\n", personas[p]);
      for (guint s = 0; s < gen->n_stages; s++)
        fprintf (gen->out,
                 "        <point id=\"point-%u-%u\" stage=\"stage-%u\" position=\"0.5\" "
                 "score=\"%d\" label=\"%s\"/>\n",
                 p, s, s, g_rand_int_range (gen->rand, -5, 6), PICK (gen, feelings));
      fputs ("      </curve>\n", gen->out);
    }
  fputs ("    </emotions>\n", gen->out);
}

/* Links join cards of neighbouring cells: one for every fifty items. */
static void
write_links (Generator  *gen,
             const char *id_prefix,
             guint       n_in_layer,
             guint       first_kept)
{
  fputs ("    <links>\n", gen->out);
  for (guint i = first_kept; i + 7 < n_in_layer; i += 50)
    fprintf (gen->out,
             "      <link id=\"link-%u\" from=\"%s%u\" to=\"%s%u\" label=\"leads to\"/>\n",
             i, id_prefix, i, id_prefix, i + 7);
  fputs ("    </links>\n", gen->out);
}

static void
write_current_layer (Generator *gen)
{
  fputs ("  <layer state=\"current\">\n    <items>\n", gen->out);
  for (guint i = 0; i < gen->n_current; i++)
    write_item (gen, i, "item-", gen->n_current, FALSE);
  fputs ("    </items>\n", gen->out);
  write_curves (gen);
  write_links (gen, "item-", gen->n_current, 0);
  fputs ("  </layer>\n", gen->out);
}

/* The future state keeps most current items (same ids), changes one in
 * ten, drops one in twenty, and adds new ones, so a comparison has work. */
static void
write_future_layer (Generator *gen)
{
  fputs ("  <layer state=\"future\">\n    <items>\n", gen->out);
  for (guint i = 0; i < gen->n_current; i++)
    {
      if (i % 20 == 19)
        continue;
      write_item (gen, i, "item-", gen->n_current, i % 10 == 4);
    }
  for (guint i = 0; i < gen->n_future_new; i++)
    write_item (gen, i, "new-", gen->n_future_new, FALSE);
  fputs ("    </items>\n", gen->out);
  write_curves (gen);
  write_links (gen, "item-", gen->n_current, 0);
  fputs ("  </layer>\n", gen->out);
}

/* Items of the current layer that the future state keeps. */
static guint
kept_in_future (guint n_current)
{
  return n_current - (n_current + 1) / 20;
}

static void
generator_init (Generator *gen,
                guint      n_items,
                guint32    seed)
{
  /* Both layers together hold exactly n_items: the future keeps 95% of the
   * current items and adds new ones, about a tenth of the total. */
  gen->n_items = n_items;
  gen->n_current = 0;
  while (gen->n_current + 1 + kept_in_future (gen->n_current + 1) + n_items / 10 <= n_items)
    gen->n_current++;
  gen->n_future_new = n_items - gen->n_current - kept_in_future (gen->n_current);
  gen->n_stages = CLAMP ((guint) sqrt (n_items / 4.0), 5, 400);
  gen->rand = g_rand_new_with_seed (seed);
}

int
main (int   argc,
      char *argv[])
{
  int n_items = -1;
  int seed = 1;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "items", 'n', 0, G_OPTION_ARG_INT, &n_items, "Number of items in both layers", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the random choices (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The .jmap file to write", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a generated journey map");
  g_autoptr(GError) error = NULL;
  Generator gen = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("jm-generate-map: %s\n", error->message);
      return 2;
    }
  if (n_items < 0 || output == NULL)
    {
      g_printerr ("jm-generate-map: usage: jm-generate-map --items N [--seed S] -o FILE.jmap\n");
      return 2;
    }

  gen.out = fopen (output, "w");
  if (gen.out == NULL)
    {
      g_printerr ("jm-generate-map: %s: %s\n", output, g_strerror (errno));
      return 1;
    }
  generator_init (&gen, n_items, seed);
  write_header (&gen);
  write_stages_and_lanes (&gen);
  write_current_layer (&gen);
  write_future_layer (&gen);
  fputs ("</journey-map>\n", gen.out);
  g_rand_free (gen.rand);

  if (fclose (gen.out) != 0)
    {
      g_printerr ("jm-generate-map: %s: %s\n", output, g_strerror (errno));
      return 1;
    }
  return 0;
}
