/* test-interop.c: Mermaid journeys and spreadsheets, in and out
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "commands/jm-edit.h"
#include "interop/jm-csv.h"
#include "interop/jm-interop.h"
#include "interop/jm-mermaid.h"
#include "jm-test-maps.h"

/* Helpers {{{ */

static char *
mermaid_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "mermaid", name, NULL);
}

static GBytes *
read_test_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
bytes_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static JmLane *
first_actions_lane (JmDocument *document)
{
  JmObjectStore *lanes = jm_document_get_lanes (document);

  for (guint i = 0; i < jm_object_store_get_n_objects (lanes); i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_lane_get_kind (lane) == JM_LANE_KIND_ACTIONS)
        return lane;
    }
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* What a journey says, read from the map without the Mermaid writer:
 * "[stage] card=score(actor,actor) …", the score the mean of the points
 * in the card's place (made 1..5 again), "-" for none. */
static char *
summarize (JmDocument *document)
{
  GString *out = g_string_new (NULL);
  JmObjectStore *stages = jm_document_get_stages (document);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *points = jm_layer_get_points (layer);
  JmLane *actions = first_actions_lane (document);

  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    {
      JmStage *stage = jm_object_store_get_object (stages, s);
      const char *stage_id = jm_object_get_id (JM_OBJECT (stage));
      g_autoptr(GPtrArray) cards = NULL;

      g_string_append_printf (out, "%s[%s]", out->len > 0 ? " " : "",
                              jm_stage_get_name (stage) != NULL ? jm_stage_get_name (stage) : "");
      if (actions == NULL)
        continue;
      cards = jm_layer_dup_cell_items (layer, stage_id, jm_object_get_id (JM_OBJECT (actions)));
      for (guint c = 0; c < cards->len; c++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          double sum = 0;
          guint n = 0;

          for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
            {
              JmEmotionPoint *point = jm_object_store_get_object (points, i);
              const char *persona_id = jm_emotion_point_get_persona_id (point);

              if (g_strcmp0 (jm_emotion_point_get_stage_id (point), stage_id) != 0 ||
                  fabs (jm_emotion_point_get_position (point) - (c + 0.5) / cards->len) > 1e-9)
                continue;
              sum += jm_emotion_point_get_score (point);
              n++;
              if (persona_id != NULL)
                g_ptr_array_add (names, (gpointer) jm_persona_get_name (
                                          jm_document_lookup_persona (document, persona_id)));
            }
          g_string_append_printf (out, " %s=", jm_item_get_title (g_ptr_array_index (cards, c)) ?: "");
          if (n == 0)
            {
              g_string_append (out, "-");
              continue;
            }
          g_string_append_printf (out, "%g(", 3 + sum / n / 2.5);
          g_ptr_array_sort (names, compare_names);
          for (guint i = 0; i < names->len; i++)
            g_string_append_printf (out, "%s%s", i > 0 ? "," : "", (char *) g_ptr_array_index (names, i));
          g_string_append (out, ")");
        }
    }

  return g_string_free (out, FALSE);
}

static guint
n_objects (JmObjectStore *store)
{
  return jm_object_store_get_n_objects (store);
}

/* Everything an import could add to, counted. */
static char *
count_all (JmDocument *document)
{
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);

  return g_strdup_printf ("%u stages, %u lanes, %u personas, %u+%u items, %u+%u points, %u+%u links, "
                          "title %s",
                          n_objects (jm_document_get_stages (document)),
                          n_objects (jm_document_get_lanes (document)),
                          n_objects (jm_document_get_personas (document)),
                          n_objects (jm_layer_get_items (current)), n_objects (jm_layer_get_items (future)),
                          n_objects (jm_layer_get_points (current)), n_objects (jm_layer_get_points (future)),
                          n_objects (jm_layer_get_links (current)), n_objects (jm_layer_get_links (future)),
                          jm_document_get_title (document));
}

/* }}} */

/* Mermaid: the diagrams of Mermaid's docs, demos and tests {{{ */

typedef struct
{
  const char *file;
  const char *title;
  const char *description;
  const char *summary;
  guint       n_notes;
  guint       note_line;   /* of the first note */
} Diagram;

static const Diagram diagrams[] = {
  /* docs/syntax/userJourney.md and the examples package */
  { "docs-working-day.mmd", "My working day", NULL,
    "[Go to work] Make tea=5(Me) Go upstairs=3(Me) Do work=1(Cat,Me) "
    "[Go home] Go downstairs=5(Me) Sit down=5(Me)", 0, 0 },
  { "docs-user-journey.md", "My working day", NULL,
    "[Go to work] Make tea=5(Me) Go upstairs=3(Me) Do work=1(Cat,Me) "
    "[Go home] Go downstairs=5(Me) Sit down=5(Me)", 0, 0 },
  { "docs-two-blocks.md", "First", NULL, "[One] Begin=4(Ann)", 1, 20 },
  /* demos/journey.html: front matter, accTitle, accDescr with a colon */
  { "demo-front-matter.mmd", "My working day",
    "2 main sections: work and home, each with just a few tasks",
    "[Go to work] Make tea=5(Me) Go upstairs=3(Me) Do work=1(Cat,Me) "
    "[Go home] Go downstairs=5(Me) Sit down=3(Me)", 0, 0 },
  /* the parser's tests */
  { "parser-title.mmd", "Adding journey diagram functionality to mermaid", NULL, "", 0, 0 },
  { "parser-acc-descr.mmd", "Adding journey diagram functionality to mermaid",
    "A user journey for family shopping", "[Order from website]", 0, 0 },
  { "parser-acc-descr-block.mmd", "Adding journey diagram functionality to mermaid",
    "A user journey for\nfamily shopping", "[Order from website]", 0, 0 },
  { "parser-acc-title.mmd", NULL, NULL, "[Order from website]", 0, 0 },
  { "parser-section.mmd", "Adding journey diagram functionality to mermaid", NULL,
    "[Order from website]", 0, 0 },
  { "parser-multiline-section.mmd", "Adding gantt diagram functionality to mermaid", NULL,
    "[Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5]", 0, 0 },
  { "parser-tasks.mmd", "Adding journey diagram functionality to mermaid", NULL,
    "[Documentation] A task=5(Alice,Bob,Charlie) B task=3(Bob,Charlie) C task=5() "
    "D task=5(Alice,Charlie) E task=5() [Another section] P task=5() Q task=5() R task=5()", 0, 0 },
  /* journeyDb's test, written as a diagram: "#" cuts "Child#1" */
  { "db-family-shopping.mmd", NULL, "A user journey for family shopping",
    "[Journey to the shops] Get car keys=5(Dad) Go to car=3(Child,Dad,Mum) Drive to supermarket=4(Dad) "
    "[Do shopping] Go shopping=5(Mum)", 1, 6 },
  /* the rendering tests */
  { "render-simple.mmd", "Adding journey diagram functionality to mermaid", NULL,
    "[Order from website]", 0, 0 },
  { "render-e-commerce.mmd", "E-Commerce", NULL,
    "[Order from website] Add to cart=5(Me) [Checkout from website] Add payment details=5(Me)", 0, 0 },
  { "render-web-hook.mmd", "Web hook life cycle", NULL,
    "[Darkoob] Make preBuilt=5(Darkoob user) register slug=5(Darkoob userf deliberately increasing "
    "the size of this label to check if distance between legend and diagram is  maintained) "
    "Map slug to a Prebuilt Job=5(Darkoob user) [External Service] set Darkoob slug as hook for an "
    "Event=5(admin Exjjjnjjjj qwerty) listen to the events=5(External Service) call darkoob "
    "endpoint=5(External Service) [Darkoob] check for inputs=5(DarkoobAPI) run the prebuilt "
    "job=5(DarkoobAPI)", 0, 0 },
  { "render-onboarding.mmd", "User Journey Example", NULL,
    "[Onboarding] Sign Up=5() Browse Features=3() Use Core Functionality=4() "
    "[Engagement] Browse Features=3() Use Core Functionality=4()", 0, 0 },
  { "render-long-word.mmd", "Long Word Test", NULL,
    "[Test] VeryLongWord=5(Supercalifragilisticexpialidocious)", 0, 0 },
  { "render-title-styling.mmd", "User Journey Example", NULL,
    "[Onboarding] Sign Up=5(John,Shahir) Complete Profile=4(John) [Engagement] Browse Features=3(John) "
    "Use Core Functionality=4(John) [Retention] Revisit Application=5(John) Invite Friends=3(John) "
    "size=-", 1, 19 },
  { "platform-go-shopping.mmd", "Go shopping", NULL,
    "[Get to the shops] Get car keys=5(Dad) Get into car=5(Child 1,Child 2,Dad,Mum) Really drive to "
    "supermarket=3(Dad) [Do shopping] Do actual shop=3(Mum) Get in the way=2(Child 1,Child 2,Dad) "
    "Pay=2(Dad) [Go home] Lose keys=3(Dad) Get cross=1(Child 1,Dad) Find keys=4(Mum) Get into "
    "car=4(Child 1,Child 2,Dad,Mum) Drive home=3(Dad)", 0, 0 },
  /* %% comments, a directive over two lines, # cutting the title */
  { "comments-directives.mmd", "Commented", NULL,
    "[First] Tasks before=4(Ann %% not a comment for Mermaid)", 1, 6 },
};

static void
test_mermaid_diagram (gconstpointer data)
{
  const Diagram *diagram = data;
  g_autofree char *path = mermaid_path (diagram->file);
  g_autoptr(GBytes) bytes = read_test_file (path);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *line_prefix = NULL;

  document = jm_mermaid_read (bytes, diagram->file, &notes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  g_assert_cmpstr (jm_document_get_title (document), ==, diagram->title);
  g_assert_cmpstr (jm_document_get_description (document), ==, diagram->description);
  summary = summarize (document);
  g_assert_cmpstr (summary, ==, diagram->summary);

  g_assert_cmpuint (notes->len, ==, diagram->n_notes);
  if (diagram->n_notes > 0)
    {
      line_prefix = g_strdup_printf ("%s:%u: ", diagram->file, diagram->note_line);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (notes, 0), line_prefix));
    }
}

/* Mermaid lists actors sorted; they become personas in that order, each
 * once, with a curve of its own. */
static void
test_mermaid_personas (void)
{
  g_autofree char *path = mermaid_path ("platform-go-shopping.mmd");
  g_autoptr(GBytes) bytes = read_test_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_mermaid_read (bytes, "shopping.mmd", NULL, &error);
  JmObjectStore *personas;
  const char *expected[] = { "Child 1", "Child 2", "Dad", "Mum" };
  JmObjectStore *lanes;
  gboolean has_emotions = FALSE;

  g_assert_no_error (error);
  personas = jm_document_get_personas (document);
  g_assert_cmpuint (n_objects (personas), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (jm_persona_get_name (jm_object_store_get_object (personas, i)), ==, expected[i]);

  /* 1..5 is −5..+5: "Get cross: 1: Dad, Child 1" is two points at −5. */
  g_assert_cmpuint (n_objects (jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT))),
                    ==, 1 + 4 + 1 + 1 + 3 + 1 + 1 + 2 + 1 + 4 + 1);

  lanes = jm_document_get_lanes (document);
  for (guint i = 0; i < n_objects (lanes); i++)
    has_emotions |= jm_lane_get_kind (jm_object_store_get_object (lanes, i)) == JM_LANE_KIND_EMOTIONS;
  g_assert_true (has_emotions);
}

/* import → export → import keeps stages, tasks, actors and scores, and the
 * second export is the first. */
static void
test_mermaid_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagrams); i++)
    {
      g_autofree char *path = mermaid_path (diagrams[i].file);
      g_autoptr(GBytes) bytes = read_test_file (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) first = NULL;
      g_autoptr(JmDocument) second = NULL;
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(GBytes) exported_again = NULL;
      g_autofree char *first_summary = NULL;
      g_autofree char *second_summary = NULL;
      g_autoptr(GPtrArray) notes = NULL;

      /* A score Mermaid cannot read is no point; exported, the card has
       * to say something, and says neutral. */
      if (strstr (diagrams[i].summary, "=-") != NULL)
        continue;

      first = jm_mermaid_read (bytes, diagrams[i].file, NULL, &error);
      g_assert_no_error (error);
      exported = jm_mermaid_write (first, JM_LAYER_STATE_CURRENT);
      second = jm_mermaid_read (exported, "exported.mmd", &notes, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (notes->len, ==, 0);

      first_summary = summarize (first);
      second_summary = summarize (second);
      g_assert_cmpstr (second_summary, ==, first_summary);
      g_assert_cmpstr (jm_document_get_title (second), ==, jm_document_get_title (first));
      g_assert_cmpstr (jm_document_get_description (second), ==, jm_document_get_description (first));
      g_assert_cmpuint (n_objects (jm_document_get_personas (second)), ==,
                        n_objects (jm_document_get_personas (first)));

      exported_again = jm_mermaid_write (second, JM_LAYER_STATE_CURRENT);
      g_assert_true (g_bytes_equal (exported_again, exported));
    }
}

/* Names that Mermaid would read as syntax come back as they were, or with
 * a look-alike where Mermaid has no way to hold the character. */
static void
test_mermaid_export_guards_syntax (void)
{
  g_autoptr(JmDocument) document = jm_document_new ();
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  const char *titles[] = { "title of the card", "section two", "journey", "accTitle: x", "%% not", "" };
  JmStage *stage;
  JmLane *lane;
  JmPersona *persona;

  stage = jm_edit_add_stage (stack, 0, "Journey; with: #signs", &error);
  lane = jm_edit_add_lane (stack, 0, JM_LANE_KIND_ACTIONS, "Actions", &error);
  persona = jm_edit_add_persona (stack, "Smith, Jane", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      jm_edit_add_item (stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                        jm_object_get_id (JM_OBJECT (stage)), jm_object_get_id (JM_OBJECT (lane)), -1,
                        *titles[i] != '\0' ? titles[i] : NULL, &error);
      jm_edit_add_emotion_point (stack, JM_LAYER_STATE_CURRENT, jm_object_get_id (JM_OBJECT (persona)),
                                 jm_object_get_id (JM_OBJECT (stage)), (i + 0.5) / G_N_ELEMENTS (titles),
                                 2.5, NULL, &error);
      g_assert_no_error (error);
    }

  exported = jm_mermaid_write (document, JM_LAYER_STATE_CURRENT);
  text = bytes_text (exported);
  g_test_message ("%s", text);
  again = jm_mermaid_read (exported, "guarded.mmd", NULL, &error);
  g_assert_no_error (error);
  summary = summarize (again);
  g_assert_cmpstr (summary, ==,
                   "[Journey⁏ with∶ ♯signs] title of the card=4(Smith‚ Jane) section two=4(Smith‚ Jane) "
                   "journey=4(Smith‚ Jane) accTitle∶ x=4(Smith‚ Jane) %% not=4(Smith‚ Jane) "
                   "=4(Smith‚ Jane)");
}

/* Where Mermaid misreads, the import keeps what Mermaid would show and
 * says so, as FILE:LINE: message. */
typedef struct
{
  const char *text;
  const char *summary;
  const char *notes;     /* each FILE:LINE: start, joined by | */
} Misread;

static const Misread misreads[] = {
  /* a colon in the name: the rest of the name is the score, the score the actor */
  { "journey\nsection S\nGo to: the shop: 5: Me\n", "[S] Go to=-",
    "in.mmd:3: a colon too many|in.mmd:3: the score “the shop” is not a number" },
  { "journey\nsection S\nTea: good: Me\nCoffee: 4: Me\n", "[S] Tea=- Coffee=4(Me)",
    "in.mmd:3: the score “good” is not a number" },
  { "journey\nsection S\nTea: 7: Me\nCoffee: 0: Me\nWater: -3: Me\n",
    "[S] Tea=5(Me) Coffee=1(Me) Water=1(Me)",
    "in.mmd:3: the score 7 is outside 1 to 5|in.mmd:4: the score 0 is outside 1 to 5|"
    "in.mmd:5: the score -3 is outside 1 to 5" },
  { "journey\nsection S\nGo: 3: Dad, Child#1, Mum\n", "[S] Go=3(Child,Dad)",
    "in.mmd:3: “#” starts a comment in Mermaid" },
  /* JavaScript's Number(): fractions, hexadecimal, blanks */
  { "journey\nsection S\nA: 4.5: Me\nB: 0x2: Me\nC:  3 : Me\n", "[S] A=4.5(Me) B=2(Me) C=3(Me)", "" },
  /* tasks before any section: a first stage without a name */
  { "journey\nBefore: 2: Me\nsection S\nAfter: 4: Me\n", "[] Before=2(Me) [S] After=4(Me)", "" },
};

static void
test_mermaid_misread (gconstpointer data)
{
  const Misread *misread = data;
  g_autoptr(GBytes) bytes = text_bytes (misread->text);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_mermaid_read (bytes, "in.mmd", &notes, &error);
  g_auto(GStrv) expected = g_strsplit (misread->notes, "|", -1);
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  summary = summarize (document);
  g_assert_cmpstr (summary, ==, misread->summary);

  g_assert_cmpuint (notes->len, ==, *misread->notes != '\0' ? g_strv_length (expected) : 0);
  for (guint i = 0; i < notes->len; i++)
    {
      g_test_message ("%s", (char *) g_ptr_array_index (notes, i));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (notes, i), expected[i]));
    }
}

/* What Mermaid refuses is refused, at its line, and changes nothing. */
typedef struct
{
  const char *text;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "journey\nsection S\nMake tea 5 Me\n",
    "in.mmd:3: “Make tea 5 Me” has no colon; Mermaid reads it as a task and needs “task: score: actors”" },
  { "journey\nsection S\nMake tea: 5; Me\n", "in.mmd:3: Mermaid refuses “;” in a journey diagram" },
  { "journey\ntitle Day; one\n", "in.mmd:2: Mermaid refuses “;” in a journey diagram" },
  { "flowchart LR\n  A --> B\n", "in.mmd:1: a journey diagram starts with “journey”, not “flowchart LR”" },
  { "\n\n", "in.mmd:3: no journey diagram: it starts with “journey”" },
  { "journey\nsection S\nTea:\n",
    "in.mmd:3: the task “Tea” has nothing after its colon; Mermaid needs “task: score: actors”" },
  { "journey\nsection S: 5\n", "in.mmd:2: a colon without a task name before it" },
  { "journey\njourney\n", "in.mmd:2: “journey” again; Mermaid allows it only at the start" },
  /* lines counted through front matter and a directive over two lines */
  { "---\ntitle: T\n---\n%%{init: {\n 'theme': 'dark'}}%%\njourney\n%% note\nbad line\n",
    "in.mmd:8: “bad line” has no colon; Mermaid reads it as a task and needs “task: score: actors”" },
};

static void
test_mermaid_refusal (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GBytes) bytes = text_bytes (refusal->text);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = count_all (document);
  g_autofree char *after = NULL;

  g_assert_false (jm_mermaid_import_into (stack, bytes, "in.mmd", &notes, &error));
  g_assert_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, refusal->message);
  g_assert_null (notes);

  after = count_all (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jm_command_stack_get_can_undo (stack));
}

/* Into an open map: one undo step, which takes it all away again; the
 * map keeps its title. */
static void
test_mermaid_import_into_one_step (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autofree char *path = mermaid_path ("docs-working-day.mmd");
  g_autoptr(GBytes) bytes = read_test_file (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = count_all (document);
  g_autofree char *title = g_strdup (jm_document_get_title (document));
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  guint stages = n_objects (jm_document_get_stages (document));

  g_assert_true (jm_mermaid_import_into (stack, bytes, "day.mmd", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_objects (jm_document_get_stages (document)), ==, stages + 2);
  g_assert_cmpstr (jm_document_get_title (document), ==, title);
  after = count_all (document);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_false (jm_command_stack_get_can_undo (stack));
  undone = count_all (document);
  g_assert_cmpstr (undone, ==, before);
}

/* }}} */

/* CSV {{{ */

static void
test_csv_round_trip_examples (void)
{
  const char *examples[] = { "grocery-first-order.jmap", "hotel-guest-stay.jmap", "saas-onboarding.jmap" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(JmDocument) document = jm_test_load_example (examples[i]);
      g_autoptr(JmDocument) again = NULL;
      g_autoptr(GBytes) csv = jm_csv_write (document, FALSE);
      g_autoptr(GBytes) csv_again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = bytes_text (csv);
      g_autofree char *text_again = NULL;

      again = jm_csv_read (csv, examples[i], NULL, &error);
      g_assert_no_error (error);
      csv_again = jm_csv_write (again, FALSE);
      text_again = bytes_text (csv_again);
      g_assert_cmpstr (text_again, ==, text);

      /* Every item, point and link made it, in both states. */
      for (guint s = 0; s < JM_N_LAYER_STATES; s++)
        {
          JmLayer *layer = jm_document_get_layer (document, s);
          JmLayer *layer_again = jm_document_get_layer (again, s);

          g_assert_cmpuint (n_objects (jm_layer_get_items (layer_again)), ==, n_objects (jm_layer_get_items (layer)));
          g_assert_cmpuint (n_objects (jm_layer_get_points (layer_again)), ==, n_objects (jm_layer_get_points (layer)));
          g_assert_cmpuint (n_objects (jm_layer_get_links (layer_again)), ==, n_objects (jm_layer_get_links (layer)));
        }
      g_assert_true (g_str_has_prefix (text, "layer,id,stage,lane,kind,channel,title,description,moment,"
                                             "moment_label,moment_rationale,links,persona,position,score,"
                                             "feeling\r\n"));
    }
}

#define HEADER "layer,id,stage,lane,kind,channel,title,description,moment,moment_label,moment_rationale," \
               "links,persona,position,score,feeling\n"

typedef struct
{
  const char *text;
  const char *message;
} BadCsv;

static const BadCsv bad_csvs[] = {
  /* malformed quoting */
  { HEADER "current,,S,L,card,,\"Never closed,,,,,,,,,\n",
    "in.csv:2: title: the quote that opens this cell is never closed" },
  { HEADER "current,,S,L,card,,A \"quoted\" word,,,,,,,,,\n",
    "in.csv:2: title: a quote inside a cell that does not start with one" },
  { HEADER "current,,S,L,card,,\"Closed\" then more,,,,,,,,,\n",
    "in.csv:2: title: text after the quote that closes the cell; a quote inside a quoted cell is "
    "written twice" },
  /* the line a row starts at, past a cell of several lines */
  { HEADER "current,,S,L,card,,\"Two\nlines\",,,,,,,,,\ncurrent,,S,L,card,,\"Open,,,,,,,,,\n",
    "in.csv:4: title: the quote that opens this cell is never closed" },
  /* wrong column count */
  { HEADER "current,,S,L,card,,Title\n", "in.csv:2: this row has 7 cells, the header has 16" },
  { HEADER "current,,S,L,card,,Title,,,,,,,,,,extra\n", "in.csv:2: this row has 17 cells, the header has 16" },
  /* unknown kind, layer, channel, column */
  { HEADER "current,,S,L,sticker,,Title,,,,,,,,,\n",
    "in.csv:2: kind: “sticker” is not a kind Journeymap knows: card, touchpoint, pain-point, "
    "opportunity, note, image, emotion-point" },
  { HEADER "past,,S,L,card,,Title,,,,,,,,,\n", "in.csv:2: layer: “past” is neither current nor future" },
  { HEADER "current,,S,L,touchpoint,,Title,,,,,,,,,\n",
    "in.csv:2: channel: touchpoints have a channel, other items none" },
  { "layer,kind,stage,colour\ncurrent,card,S,red\n",
    "in.csv:1: colour: not a column Journeymap knows (see docs/csv-format.md)" },
  { "layer,stage\ncurrent,S\n", "in.csv:1: kind: the header lacks this column" },
  /* points */
  { HEADER "current,,S,,emotion-point,,,,,,,,Ann,0.5,6,\n",
    "in.csv:2: score: “6” is not a number from -5 to 5" },
  { HEADER "current,,S,,emotion-point,,,,,,,,Ann,half,1,\n",
    "in.csv:2: position: “half” is not a number from 0 to 1" },
  /* ids and links */
  { HEADER "current,a,S,L,card,,A,,,,,b,,,,\n", "in.csv:2: links: no row of this layer has the id “b”" },
  { HEADER "current,a,S,L,card,,A,,,,,,,,,\ncurrent,a,S,L,card,,B,,,,,,,,,\n",
    "in.csv:3: id: “a” is the id of another row of this layer already" },
  /* a bad row after good ones: nothing of them is added */
  { HEADER "current,,S,L,card,,Good,,,,,,,,,\ncurrent,,S,L,card,,Good too,,,,,,,,,\n"
    "current,,S,L,card,,Bad,,custom,,,,,,,\n",
    "in.csv:4: moment_label: a custom Moment of Truth has a label, other items none" },
};

static void
test_csv_refusal (gconstpointer data)
{
  const BadCsv *bad = data;
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GBytes) bytes = text_bytes (bad->text);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = count_all (document);
  g_autofree char *after = NULL;

  g_assert_false (jm_csv_import_into (stack, bytes, "in.csv", NULL, &error));
  g_assert_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, bad->message);

  after = count_all (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jm_command_stack_get_can_undo (stack));
}

/* Text a spreadsheet would run as a formula is written with an
 * apostrophe before it, which the import takes away again. */
static void
test_csv_formula_injection (void)
{
  g_autoptr(JmDocument) document = jm_document_new ();
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) csv_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  const char *titles[] = { "=cmd|' /C calc'!A0", "+1", "-minus", "@SUM(A1)", "\tTab", "\rReturn",
                           "'=already quoted", "''=twice", "'plain apostrophe", "= x, \"quoted\"" };
  JmStage *stage;
  JmLane *lane;
  JmPersona *persona;
  JmLayer *layer;

  stage = jm_edit_add_stage (stack, 0, "=Stage", &error);
  lane = jm_edit_add_lane (stack, 0, JM_LANE_KIND_ACTIONS, "@Lane", &error);
  persona = jm_edit_add_persona (stack, "-Persona", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      JmItem *item = jm_edit_add_item (stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                                       jm_object_get_id (JM_OBJECT (stage)),
                                       jm_object_get_id (JM_OBJECT (lane)), -1, titles[i], &error);

      g_assert_no_error (error);
      jm_edit_set_string (stack, item, "body", titles[i], 0, &error);
      g_assert_no_error (error);
    }
  jm_edit_add_emotion_point (stack, JM_LAYER_STATE_CURRENT, jm_object_get_id (JM_OBJECT (persona)),
                             jm_object_get_id (JM_OBJECT (stage)), 0.5, -2.5, "+feeling", &error);
  g_assert_no_error (error);

  csv = jm_csv_write (document, FALSE);
  text = bytes_text (csv);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\r\ncurrent,item-"));
  g_assert_nonnull (strstr (text, ",'=Stage,'@Lane,card,,'=cmd|' /C calc'!A0,'=cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (text, ",'+1,'+1,"));
  g_assert_nonnull (strstr (text, ",\"'\rReturn\",\"'\rReturn\","));
  g_assert_nonnull (strstr (text, ",''=already quoted,"));
  g_assert_nonnull (strstr (text, ",'plain apostrophe,"));
  g_assert_nonnull (strstr (text, ",\"'= x, \"\"quoted\"\"\","));
  g_assert_nonnull (strstr (text, ",'-Persona,0.5,-2.5,'+feeling\r\n"));

  again = jm_csv_read (csv, "formulas.csv", NULL, &error);
  g_assert_no_error (error);
  layer = jm_document_get_layer (again, JM_LAYER_STATE_CURRENT);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      JmItem *item = jm_object_store_get_object (jm_layer_get_items (layer), i);

      g_assert_cmpstr (jm_item_get_title (item), ==, titles[i]);
      g_assert_cmpstr (jm_item_get_body (item), ==, titles[i]);
    }
  g_assert_cmpstr (jm_stage_get_name (jm_object_store_get_object (jm_document_get_stages (again), 0)),
                   ==, "=Stage");
  csv_again = jm_csv_write (again, FALSE);
  text_again = bytes_text (csv_again);
  g_assert_cmpstr (text_again, ==, text);
}

/* A byte order mark is offered for spreadsheet programs and accepted. */
static void
test_csv_bom (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(GBytes) with_bom = jm_csv_write (document, TRUE);
  g_autoptr(GBytes) without = jm_csv_write (document, FALSE);
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GBytes) again_csv = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (with_bom, &size);

  g_assert_cmpuint (size, ==, g_bytes_get_size (without) + 3);
  g_assert_cmpmem (data, 3, "\xef\xbb\xbf", 3);

  again = jm_csv_read (with_bom, "bom.csv", NULL, &error);
  g_assert_no_error (error);
  again_csv = jm_csv_write (again, FALSE);
  g_assert_true (g_bytes_equal (again_csv, without));
}

/* Into an open map: unknown stages, lanes and personas are made, known
 * ones found by name; all of it one undo step. */
static void
test_csv_import_into_one_step (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = count_all (document);
  g_autofree char *undone = NULL;
  JmStage *first_stage = jm_object_store_get_object (jm_document_get_stages (document), 0);
  g_autofree char *csv = g_strdup_printf (HEADER
                                          "current,,%s,Brand new lane,pain-point,,Known stage,,,,,,,,,\r\n"
                                          "current,x1,New stage,Brand new lane,touchpoint,phone,Call,,,,,,,,,\r\n"
                                          "future,x1,New stage,Brand new lane,touchpoint,phone,Call back,,,,,,,,,\r\n"
                                          "current,,New stage,,emotion-point,,,,,,,,Newcomer,0.25,-1.5,Lost\r\n",
                                          jm_stage_get_name (first_stage));
  g_autoptr(GBytes) bytes = text_bytes (csv);
  guint stages = n_objects (jm_document_get_stages (document));
  guint lanes = n_objects (jm_document_get_lanes (document));
  guint personas = n_objects (jm_document_get_personas (document));
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmLayer *future = jm_document_get_layer (document, JM_LAYER_STATE_FUTURE);
  JmItem *call, *call_back;
  JmLane *new_lane;

  g_assert_true (jm_csv_import_into (stack, bytes, "add.csv", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_objects (jm_document_get_stages (document)), ==, stages + 1);
  g_assert_cmpuint (n_objects (jm_document_get_lanes (document)), ==, lanes + 1);
  g_assert_cmpuint (n_objects (jm_document_get_personas (document)), ==, personas + 1);

  new_lane = jm_object_store_get_object (jm_document_get_lanes (document), lanes);
  g_assert_cmpstr (jm_lane_get_name (new_lane), ==, "Brand new lane");
  g_assert_cmpint (jm_lane_get_kind (new_lane), ==, JM_LANE_KIND_PAIN_POINTS);

  /* x1 in both states: counterparts, one id. */
  call = jm_layer_lookup_item (current, "x1");
  call_back = jm_layer_lookup_item (future, "x1");
  g_assert_nonnull (call);
  g_assert_nonnull (call_back);
  g_assert_cmpstr (jm_item_get_title (call_back), ==, "Call back");
  g_assert_cmpint (jm_item_get_channel (call), ==, JM_CHANNEL_PHONE);

  g_assert_true (jm_command_stack_undo (stack));
  g_assert_false (jm_command_stack_get_can_undo (stack));
  undone = count_all (document);
  g_assert_cmpstr (undone, ==, before);
}

/* An id the map has already is replaced, and the links follow it. */
static void
test_csv_ids_taken (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GBytes) csv = jm_csv_write (document, FALSE);
  g_autoptr(GError) error = NULL;
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  guint items = n_objects (jm_layer_get_items (current));
  guint links = n_objects (jm_layer_get_links (current));

  g_assert_cmpuint (links, >, 0);
  g_assert_true (jm_csv_import_into (stack, csv, "again.csv", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_objects (jm_layer_get_items (current)), ==, 2 * items);
  g_assert_cmpuint (n_objects (jm_layer_get_links (current)), ==, 2 * links);

  for (guint i = links; i < 2 * links; i++)
    {
      JmLink *link = jm_object_store_get_object (jm_layer_get_links (current), i);
      JmItem *from = jm_layer_lookup_item (current, jm_link_get_from_id (link));
      guint position = 0;

      /* The new links join the new items. */
      g_assert_nonnull (from);
      g_assert_true (jm_object_store_find (jm_layer_get_items (current), JM_OBJECT (from), &position));
      g_assert_cmpuint (position, >=, items);
    }
}

/* Ids are unique across every kind of object: an item may not take a
 * stage's or a persona's. */
static void
test_csv_id_of_another_kind (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (document), 0);
  JmPersona *persona = jm_object_store_get_object (jm_document_get_personas (document), 0);
  g_autofree char *csv = g_strdup_printf (HEADER
                                          "current,%s,New,New lane,card,,Stage's id,,,,,%s,,,,\n"
                                          "current,%s,New,New lane,card,,Persona's id,,,,,,,,,\n",
                                          jm_object_get_id (JM_OBJECT (stage)),
                                          jm_object_get_id (JM_OBJECT (persona)),
                                          jm_object_get_id (JM_OBJECT (persona)));
  g_autoptr(GBytes) bytes = text_bytes (csv);
  g_autoptr(GError) error = NULL;
  JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (current);
  JmObjectStore *links = jm_layer_get_links (current);
  guint n = n_objects (items);
  JmItem *first, *second;
  JmLink *link;

  g_assert_true (jm_csv_import_into (stack, bytes, "ids.csv", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_objects (items), ==, n + 2);
  first = jm_object_store_get_object (items, n);
  second = jm_object_store_get_object (items, n + 1);
  g_assert_cmpstr (jm_object_get_id (JM_OBJECT (first)), !=, jm_object_get_id (JM_OBJECT (stage)));
  g_assert_cmpstr (jm_object_get_id (JM_OBJECT (second)), !=, jm_object_get_id (JM_OBJECT (persona)));

  /* The link follows its target to the id it was given. */
  link = jm_object_store_get_object (links, n_objects (links) - 1);
  g_assert_cmpstr (jm_link_get_from_id (link), ==, jm_object_get_id (JM_OBJECT (first)));
  g_assert_cmpstr (jm_link_get_to_id (link), ==, jm_object_get_id (JM_OBJECT (second)));
}

/* An import that would make the map larger than a map file may be is
 * refused with nothing changed, though each row is fine. */
static void
test_csv_map_would_not_fit (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *description = g_strnfill (JM_MAX_TEXT_CHARS, 'd');
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (document), 0);
  JmLane *lane = jm_object_store_get_object (jm_document_get_lanes (document), 0);

  /* six pictures: about 59 MB of the 67 MB a map file holds */
  jm_test_add_pictures (document, jm_object_get_id (JM_OBJECT (stage)), jm_object_get_id (JM_OBJECT (lane)), 6);
  stack = jm_command_stack_new (document);
  before = count_all (document);

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "current,,Stage,Lane,note,,Long,%s,,,,,,,,\n", description);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  g_assert_false (jm_csv_import_into (stack, bytes, "long.csv", NULL, &error));
  g_assert_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "long.csv: The map would grow to "));
  after = count_all (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jm_command_stack_get_can_undo (stack));
}

/* Under AddressSanitizer, whose every allocation records a full stack,
 * imports are a hundred times slower: fewer rows keep the test in its
 * time (the quadratic undo it guards against shows in the plain build). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDO_ROWS 6000
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDO_ROWS 6000
#endif
#endif
#ifndef UNDO_ROWS
#define UNDO_ROWS 60000
#endif

/* Undoing a large import takes about as long as the import did, not
 * the square of its rows: each of its inserts is taken back where it was
 * made. */
static void
test_csv_undo_large_import (void)
{
  g_autoptr(JmDocument) document = jm_document_new ();
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  clock_t start;
  double import_time, undo_time;

  for (guint i = 0; i < UNDO_ROWS; i++)
    g_string_append_printf (text, "current,,Stage %u,Lane,card,,Card %u,,,,,,,,,\n", i % 10, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  /* Processor time, not wall time: what other programs on the machine
   * take meanwhile does not count. */
  start = clock ();
  g_assert_true (jm_csv_import_into (stack, bytes, "many.csv", NULL, &error));
  g_assert_no_error (error);
  import_time = (double) (clock () - start) / CLOCKS_PER_SEC;
  g_assert_cmpuint (n_objects (jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT))),
                    ==, UNDO_ROWS);

  start = clock ();
  g_assert_true (jm_command_stack_undo (stack));
  undo_time = (double) (clock () - start) / CLOCKS_PER_SEC;
  g_test_message ("%d rows imported in %.2f s, undone in %.2f s", UNDO_ROWS, import_time, undo_time);
  g_assert_cmpuint (n_objects (jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT))),
                    ==, 0);
  g_assert_cmpfloat (undo_time, <, 2 * import_time + 0.5);
}

/* A 50 MB file is read within the bounds of a map: a bad row at its end
 * stops the import before anything is built, a cell longer than any text
 * is refused where it passes the limit, and more than a map may be is
 * refused unread. */
static void
test_csv_large (void)
{
  g_autoptr(JmDocument) document = jm_document_new ();
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *row = "current,,Stage,Lane,card,,A card of a large sheet,\"With a description, quoted\","
                    ",,,,,,,\r\n";
  guint rows = 0;

  while (text->len < 50 * 1000 * 1000)
    {
      g_string_append (text, row);
      rows++;
    }
  g_string_append (text, "current,,Stage,Lane,card,,Last,,,,,,,,\r\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  g_timer_start (timer);
  g_assert_false (jm_csv_import_into (stack, bytes, "large.csv", NULL, &error));
  g_test_message ("50 MB refused at its last row in %.2f s", g_timer_elapsed (timer, NULL));
  message = g_strdup_printf ("large.csv:%u: this row has 15 cells, the header has 16", rows + 2);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (n_objects (jm_document_get_stages (document)), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* one cell of 50 MB */
  text = g_string_new (HEADER "current,,Stage,Lane,card,,\"");
  while (text->len < 50 * 1000 * 1000)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (text, "\",,,,,,,,,\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_assert_false (jm_csv_import_into (stack, bytes, "cell.csv", NULL, &error));
  g_assert_cmpstr (error->message, ==, "cell.csv:2: title: longer than any text of a map may be");
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* rows that no map could hold, though the sheet is smaller than a map:
   * refused before anything is built */
  text = g_string_new (HEADER);
  while (text->len < 60 * 1000 * 1000)
    g_string_append (text, "current,,Stage,Lane,card,,Thirty characters of a title.,,,,,,,,,\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_timer_start (timer);
  g_assert_false (jm_csv_import_into (stack, bytes, "rows.csv", NULL, &error));
  g_test_message ("60 MB of short rows refused in %.2f s: %s", g_timer_elapsed (timer, NULL), error->message);
  g_assert_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "rows.csv:871545: the map would grow past the 67.1\xc2\xa0MB a map file may hold");
  g_assert_cmpuint (n_objects (jm_document_get_stages (document)), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* past what a map may be */
  {
    gsize size = 64 * 1024 * 1024 + 1;
    char *data = g_malloc (size);

    memset (data, 'x', size);
    bytes = g_bytes_new_take (data, size);
  }
  g_assert_false (jm_csv_import_into (stack, bytes, "huge.csv", NULL, &error));
  g_assert_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE);
  g_assert_false (jm_command_stack_get_can_undo (stack));
}

/* Bytes from anyone: random text made of what the two formats use is
 * read or refused, never more. */
static void
test_random_text (void)
{
  static const char alphabet[] = "journeysectiontitleaccTitleaccDescr{}:;,#%%\"'=+-@\r\n\t 0123456789"
                                 "currentfuturecardemotion-point\xc3\xa9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(JmDocument) document = jm_document_new ();
      g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
      g_autoptr(GString) text = g_string_new (round % 2 == 0 ? "journey\n" : HEADER);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      guint length = g_rand_int_range (rand, 0, 2000);
      gboolean ok;

      for (guint i = 0; i < length; i++)
        g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));

      if (round % 2 == 0)
        ok = jm_mermaid_import_into (stack, bytes, "random.mmd", NULL, &error);
      else
        ok = jm_csv_import_into (stack, bytes, "random.csv", NULL, &error);
      g_assert_true (ok == (error == NULL));
      if (!ok)
        g_assert_false (jm_command_stack_get_can_undo (stack));
    }
}

/* }}} */

/* The command line {{{ */

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_journeymap (Run        *run,
                const char *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "G_DEBUG", "fatal-criticals", TRUE);
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("JM_BINARY"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

static void
test_cli_import_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-interop-XXXXXX", NULL);
  g_autofree char *day = mermaid_path ("docs-working-day.mmd");
  g_autofree char *styled = mermaid_path ("render-title-styling.mmd");
  g_autofree char *map = g_build_filename (dir, "day.jmap", NULL);
  g_autofree char *mmd = g_build_filename (dir, "day.mmd", NULL);
  g_autofree char *csv = g_build_filename (dir, "day.csv", NULL);
  g_autofree char *map_again = g_build_filename (dir, "again.jmap", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  run_journeymap (&run, "import", day, "-o", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  run_journeymap (&run, "check", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_journeymap (&run, "export", map, "-o", mmd, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_file_get_contents (mmd, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==,
                   "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n"
                   "      Go upstairs: 3: Me\n      Do work: 1: Cat, Me\n    section Go home\n"
                   "      Go downstairs: 5: Me\n      Sit down: 5: Me\n");
  g_clear_pointer (&written, g_free);

  run_journeymap (&run, "export", map, "-o", csv, "--bom", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_file_get_contents (csv, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (written, "\xef\xbb\xbflayer,id,stage,"));
  run_journeymap (&run, "import", csv, "-o", map_again, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* what Mermaid misreads: imported, with the line on stderr */
  run_journeymap (&run, "import", styled, "-o", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("%s:19: the score “2rem” is not a number", styled);
  g_assert_true (g_str_has_prefix (run.err, expected));
  run_clear (&run);

  g_remove (map);
  g_remove (mmd);
  g_remove (csv);
  g_remove (map_again);
  g_rmdir (dir);
}

static void
test_cli_import_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-interop-XXXXXX", NULL);
  g_autofree char *bad_mmd = g_build_filename (dir, "bad.mmd", NULL);
  g_autofree char *bad_csv = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *map = g_build_filename (dir, "out.jmap", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_file_set_contents (bad_mmd, "journey\n  section S\n    Make tea; 5: Me\n", -1, &error);
  g_assert_no_error (error);
  run_journeymap (&run, "import", bad_mmd, "-o", map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:3: Mermaid refuses “;” in a journey diagram\n", bad_mmd);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
  run_clear (&run);
  g_clear_pointer (&expected, g_free);

  g_file_set_contents (bad_csv, HEADER "current,,S,L,card,,\"Open,,,,,,,,,\n", -1, &error);
  g_assert_no_error (error);
  run_journeymap (&run, "import", bad_csv, "-o", map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:2: title: the quote that opens this cell is never closed\n", bad_csv);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_journeymap (&run, "import", bad_csv, "-o", "out.png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* a folder, a missing file: read as the window reads them, refused */
  g_clear_pointer (&expected, g_free);
  expected = g_build_filename (dir, "folder.csv", NULL);
  g_assert_cmpint (g_mkdir (expected, 0700), ==, 0);
  run_journeymap (&run, "import", expected, "-o", map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
  run_clear (&run);
  g_rmdir (expected);
  run_journeymap (&run, "import", expected, "-o", map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
  run_clear (&run);

  g_remove (bad_mmd);
  g_remove (bad_csv);
  g_rmdir (dir);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (diagrams); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interop/mermaid/diagram/%s", diagrams[i].file);

      g_test_add_data_func (path, &diagrams[i], test_mermaid_diagram);
    }
  g_test_add_func ("/interop/mermaid/personas", test_mermaid_personas);
  g_test_add_func ("/interop/mermaid/round-trip", test_mermaid_round_trip);
  g_test_add_func ("/interop/mermaid/export-guards-syntax", test_mermaid_export_guards_syntax);
  for (guint i = 0; i < G_N_ELEMENTS (misreads); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interop/mermaid/misread/%u", i);

      g_test_add_data_func (path, &misreads[i], test_mermaid_misread);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interop/mermaid/refusal/%u", i);

      g_test_add_data_func (path, &refusals[i], test_mermaid_refusal);
    }
  g_test_add_func ("/interop/mermaid/import-into-one-step", test_mermaid_import_into_one_step);

  g_test_add_func ("/interop/csv/round-trip-examples", test_csv_round_trip_examples);
  for (guint i = 0; i < G_N_ELEMENTS (bad_csvs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interop/csv/refusal/%u", i);

      g_test_add_data_func (path, &bad_csvs[i], test_csv_refusal);
    }
  g_test_add_func ("/interop/csv/formula-injection", test_csv_formula_injection);
  g_test_add_func ("/interop/csv/bom", test_csv_bom);
  g_test_add_func ("/interop/csv/import-into-one-step", test_csv_import_into_one_step);
  g_test_add_func ("/interop/csv/ids-taken", test_csv_ids_taken);
  g_test_add_func ("/interop/csv/id-of-another-kind", test_csv_id_of_another_kind);
  g_test_add_func ("/interop/csv/large", test_csv_large);
  g_test_add_func ("/interop/csv/map-would-not-fit", test_csv_map_would_not_fit);
  g_test_add_func ("/interop/csv/undo-large-import", test_csv_undo_large_import);

  g_test_add_func ("/interop/random-text", test_random_text);
  g_test_add_func ("/interop/cli/import-export", test_cli_import_export);
  g_test_add_func ("/interop/cli/import-refused", test_cli_import_refused);

  return g_test_run ();
}
