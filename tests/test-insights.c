/* test-insights.c: a map's figures and completeness checks, headless
 *
 * The expected figures are worked out by hand from the maps' scores: the
 * small map of tests/data/insights/small.jmap (its scores are repeated
 * beside each figure), and the three examples (each stage's scores per
 * persona, as the files give them, beside their mean).
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "commands/jm-edit.h"
#include "insights/jm-insights.h"
#include "model/jm-document.h"

#include "jm-test-maps.h"
#include "jm-test-run.h"

#define EPSILON 1e-9

static JmDocument *
load_insights_map (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "insights", name, NULL);

  return jm_test_load_map (path);
}

static const JmInsightCurve *
curve_of (JmInsights *insights,
          guint       stage,
          guint       persona)
{
  JmInsightStage *entry;

  g_assert_cmpuint (stage, <, insights->stages->len);
  g_assert_cmpuint (persona, <, insights->personas->len);
  entry = g_ptr_array_index (insights->stages, stage);

  return &entry->curves[persona];
}

static void
assert_curve (JmInsights *insights,
              guint       stage,
              guint       persona,
              guint       n_points,
              double      mean,
              double      lowest,
              double      highest,
              double      share)
{
  const JmInsightCurve *curve = curve_of (insights, stage, persona);

  g_assert_cmpuint (curve->n_points, ==, n_points);
  if (n_points == 0)
    return;

  g_assert_cmpfloat_with_epsilon (curve->mean, mean, EPSILON);
  g_assert_cmpfloat_with_epsilon (curve->lowest, lowest, EPSILON);
  g_assert_cmpfloat_with_epsilon (curve->highest, highest, EPSILON);
  g_assert_cmpfloat_with_epsilon (curve->share_positive, share, EPSILON);
}

static void
assert_counts (JmInsights *insights,
               guint       stage,
               guint       n_pain_points,
               guint       n_opportunities,
               guint       n_touchpoints)
{
  JmInsightStage *entry = g_ptr_array_index (insights->stages, stage);

  g_assert_cmpuint (entry->n_pain_points, ==, n_pain_points);
  g_assert_cmpuint (entry->n_opportunities, ==, n_opportunities);
  g_assert_cmpuint (entry->n_touchpoints, ==, n_touchpoints);
}

static guint
count_checks (JmInsights         *insights,
              JmInsightCheckKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < insights->checks->len; i++)
    {
      JmInsightCheck *check = g_ptr_array_index (insights->checks, i);

      n += check->kind == kind;
    }

  return n;
}

static JmInsightCheck *
find_check (JmInsights         *insights,
            JmInsightCheckKind  kind,
            const char         *object_id)
{
  for (guint i = 0; i < insights->checks->len; i++)
    {
      JmInsightCheck *check = g_ptr_array_index (insights->checks, i);

      if (check->kind == kind && g_strcmp0 (check->object_id, object_id) == 0)
        return check;
    }

  return NULL;
}

static void
test_insights_small_figures (void)
{
  g_autoptr(JmDocument) document = load_insights_map ("small.jmap");
  g_autoptr(JmInsights) insights = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  JmInsightPersona *ana, *ben;
  JmInsightChannel *channel;
  JmInsightMoment *moment;

  g_assert_cmpstr (insights->title, ==, "Small shop");
  g_assert_cmpuint (insights->stages->len, ==, 3);
  g_assert_cmpuint (insights->personas->len, ==, 2);

  /* Ana: Discover 2, -1; Buy -3; Use 4 */
  assert_curve (insights, 0, 0, 2, 0.5, -1, 2, 0.5);
  assert_curve (insights, 1, 0, 1, -3, -3, -3, 0);
  assert_curve (insights, 2, 0, 1, 4, 4, 4, 1);
  /* Ben: Discover 1, -2; Buy -2; Use none */
  assert_curve (insights, 0, 1, 2, -0.5, -2, 1, 0.5);
  assert_curve (insights, 1, 1, 1, -2, -2, -2, 0);
  assert_curve (insights, 2, 1, 0, 0, 0, 0, 0);

  /* pain points, opportunities, touchpoints */
  assert_counts (insights, 0, 0, 0, 2);
  assert_counts (insights, 1, 1, 1, 1);
  assert_counts (insights, 2, 1, 0, 0);

  /* Ana's lowest is -3 in Buy; Ben's -2 twice, the first along the
   * journey (Discover at 0.9) before the later stage (Buy at 0.5) */
  ana = g_ptr_array_index (insights->personas, 0);
  ben = g_ptr_array_index (insights->personas, 1);
  g_assert_cmpstr (ana->persona_id, ==, "p-ana");
  g_assert_cmpstr (ana->low_point_id, ==, "a3");
  g_assert_cmpstr (ana->low_stage_id, ==, "s-buy");
  g_assert_cmpfloat_with_epsilon (ana->low_score, -3, EPSILON);
  g_assert_cmpstr (ana->low_label, ==, "Waiting");
  g_assert_cmpstr (ben->low_point_id, ==, "b2");
  g_assert_cmpstr (ben->low_stage_id, ==, "s-discover");
  g_assert_cmpstr (ben->low_label, ==, "Lost");

  /* web: the site and the cart; email: the newsletter */
  g_assert_cmpuint (insights->channels->len, ==, 2);
  channel = &g_array_index (insights->channels, JmInsightChannel, 0);
  g_assert_cmpint (channel->channel, ==, JM_CHANNEL_WEB);
  g_assert_cmpuint (channel->n_touchpoints, ==, 2);
  channel = &g_array_index (insights->channels, JmInsightChannel, 1);
  g_assert_cmpint (channel->channel, ==, JM_CHANNEL_EMAIL);
  g_assert_cmpuint (channel->n_touchpoints, ==, 1);

  g_assert_cmpuint (insights->moments->len, ==, 2);
  moment = g_ptr_array_index (insights->moments, 0);
  g_assert_cmpstr (moment->item_id, ==, "c-reviews");
  g_assert_cmpstr (moment->stage_id, ==, "s-discover");
  g_assert_cmpint (moment->kind, ==, JM_MOMENT_KIND_ZERO);
  g_assert_cmpstr (moment->rationale, ==, "Reviews decide.");
  moment = g_ptr_array_index (insights->moments, 1);
  g_assert_cmpstr (moment->item_id, ==, "c-unbox");
  g_assert_cmpstr (moment->stage_id, ==, "s-use");
  g_assert_cmpint (moment->kind, ==, JM_MOMENT_KIND_FIRST);
  g_assert_null (moment->rationale);
}

/* The small map fails each check once; the complete map fails none. */
static void
test_insights_checks (void)
{
  g_autoptr(JmDocument) small = load_insights_map ("small.jmap");
  g_autoptr(JmDocument) complete = load_insights_map ("complete.jmap");
  g_autoptr(JmInsights) insights = jm_insights_compute (small, JM_LAYER_STATE_CURRENT);
  g_autoptr(JmInsights) none = jm_insights_compute (complete, JM_LAYER_STATE_CURRENT);
  JmInsightCheck *check;

  g_assert_cmpuint (insights->checks->len, ==, 5);

  /* Ben has no point in Use */
  check = g_ptr_array_index (insights->checks, 0);
  g_assert_cmpint (check->kind, ==, JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION);
  g_assert_cmpstr (check->object_id, ==, "s-use");
  g_assert_cmpstr (check->stage_id, ==, "s-use");
  g_assert_cmpstr (check->persona_id, ==, "p-ben");
  g_assert_cmpstr (check->message, ==, "Stage “Use” has no emotion point of Ben.");

  /* "Slow checkout" is answered (a link from an opportunity to it);
   * "Confusing setup" is linked, but to a card, not an opportunity */
  check = g_ptr_array_index (insights->checks, 1);
  g_assert_cmpint (check->kind, ==, JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT);
  g_assert_cmpstr (check->object_id, ==, "pain-setup");
  g_assert_cmpstr (check->message, ==, "Pain point “Confusing setup” in “Use” has no opportunity linked to it.");

  check = g_ptr_array_index (insights->checks, 2);
  g_assert_cmpint (check->kind, ==, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE);
  g_assert_cmpstr (check->object_id, ==, "c-unbox");
  g_assert_cmpstr (check->message, ==, "Moment of Truth “Unboxes” in “Use” has no rationale.");

  check = g_ptr_array_index (insights->checks, 3);
  g_assert_cmpint (check->kind, ==, JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS);
  g_assert_cmpstr (check->object_id, ==, "p-ben");
  g_assert_cmpstr (check->message, ==, "Persona Ben has no goals.");

  check = g_ptr_array_index (insights->checks, 4);
  g_assert_cmpint (check->kind, ==, JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS);
  g_assert_cmpstr (check->object_id, ==, "s-use");
  g_assert_cmpstr (check->message, ==, "Stage “Use” has no touchpoints.");

  /* The complete map: a point in every stage (a score of 0 counts), its
   * pain point linked to an opportunity (from the pain point), its custom
   * Moment of Truth with a rationale, its persona with goals, a
   * touchpoint in every stage. */
  g_assert_cmpuint (none->checks->len, ==, 0);
}

/* Each check, undone by the smallest edit of the small map. */
static void
test_insights_checks_cleared (void)
{
  g_autoptr(JmDocument) document = load_insights_map ("small.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmItem *unbox = jm_layer_lookup_item (layer, "c-unbox");
  JmPersona *ben = jm_document_lookup_persona (document, "p-ben");
  g_autoptr(JmInsights) before = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  g_autoptr(JmInsights) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (find_check (before, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE, "c-unbox"));
  g_assert_nonnull (find_check (before, JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS, "p-ben"));

  /* a rationale or goals of blanks are none */
  g_assert_true (jm_edit_set_string (stack, unbox, "moment-rationale", "  \n", 0, &error));
  g_assert_no_error (error);
  g_assert_true (jm_edit_set_string (stack, ben, "goals", " ", 0, &error));
  g_assert_no_error (error);
  after = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  g_assert_nonnull (find_check (after, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE, "c-unbox"));
  g_assert_nonnull (find_check (after, JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS, "p-ben"));
  g_clear_pointer (&after, jm_insights_free);

  g_assert_true (jm_edit_set_string (stack, unbox, "moment-rationale", "It works at once.", 0, &error));
  g_assert_true (jm_edit_set_string (stack, ben, "goals", "Save time.", 0, &error));
  /* the card "Confusing setup" points at becomes an opportunity */
  g_assert_true (jm_edit_set_item_kind (stack, jm_layer_lookup_item (layer, "c-reviews"),
                                        JM_ITEM_KIND_OPPORTUNITY, &error));
  /* the cart moves to Use: Buy lacks touchpoints instead */
  g_assert_true (jm_edit_move_item (stack, JM_LAYER_STATE_CURRENT, jm_layer_lookup_item (layer, "t-cart"),
                                    "s-use", "l-touch", -1, &error));
  /* Ben's point of Buy moves to Use: Buy lacks his point instead */
  g_assert_true (jm_edit_move_emotion_point (stack, jm_object_store_lookup (jm_layer_get_points (layer), "b3"),
                                             "s-use", 0.5, -2, &error));
  g_assert_no_error (error);
  after = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);

  g_assert_cmpuint (count_checks (after, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE), ==, 0);
  g_assert_cmpuint (count_checks (after, JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS), ==, 0);
  g_assert_cmpuint (count_checks (after, JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT), ==, 0);
  g_assert_cmpuint (count_checks (after, JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS), ==, 1);
  g_assert_nonnull (find_check (after, JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS, "s-buy"));
  g_assert_cmpuint (count_checks (after, JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION), ==, 1);
  g_assert_nonnull (find_check (after, JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION, "s-buy"));
}

/* Future against current: the change of each mean, the pain points gone. */
static void
test_insights_comparison (void)
{
  g_autoptr(JmDocument) document = load_insights_map ("small.jmap");
  g_autoptr(JmDocument) complete = load_insights_map ("complete.jmap");
  g_autoptr(JmInsights) insights = jm_insights_compute (document, JM_LAYER_STATE_FUTURE);
  g_autoptr(JmInsights) alone = jm_insights_compute (complete, JM_LAYER_STATE_CURRENT);
  JmInsightChange *change;
  JmInsightRemoved *removed;

  /* the future state's own figures: Ana 3 | 1 | none; Ben none | 0 | none */
  g_assert_cmpint (insights->state, ==, JM_LAYER_STATE_FUTURE);
  assert_curve (insights, 0, 0, 1, 3, 3, 3, 1);
  assert_curve (insights, 1, 0, 1, 1, 1, 1, 1);
  assert_curve (insights, 2, 0, 0, 0, 0, 0, 0);
  assert_curve (insights, 0, 1, 0, 0, 0, 0, 0);
  assert_curve (insights, 1, 1, 1, 0, 0, 0, 0);
  assert_counts (insights, 0, 0, 0, 1);
  assert_counts (insights, 2, 1, 0, 0);

  g_assert_true (insights->compared);
  /* stage-major: Discover Ana, Ben; Buy Ana, Ben; Use Ana, Ben */
  g_assert_cmpuint (insights->changes->len, ==, 6);
  change = g_ptr_array_index (insights->changes, 0);
  g_assert_cmpstr (change->stage_id, ==, "s-discover");
  g_assert_cmpstr (change->persona_id, ==, "p-ana");
  g_assert_true (change->has_current && change->has_future);
  g_assert_cmpfloat_with_epsilon (change->current_mean, 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (change->future_mean, 3, EPSILON);
  change = g_ptr_array_index (insights->changes, 1);
  g_assert_true (change->has_current);
  g_assert_false (change->has_future);
  change = g_ptr_array_index (insights->changes, 2);
  g_assert_cmpfloat_with_epsilon (change->current_mean, -3, EPSILON);
  g_assert_cmpfloat_with_epsilon (change->future_mean, 1, EPSILON);
  change = g_ptr_array_index (insights->changes, 3);
  g_assert_cmpstr (change->persona_id, ==, "p-ben");
  g_assert_cmpfloat_with_epsilon (change->current_mean, -2, EPSILON);
  g_assert_cmpfloat_with_epsilon (change->future_mean, 0, EPSILON);
  g_assert_true (change->has_future);
  change = g_ptr_array_index (insights->changes, 5);
  g_assert_false (change->has_current || change->has_future);

  /* "Slow checkout" is gone; "Confusing setup" stays */
  g_assert_cmpuint (insights->removed->len, ==, 1);
  removed = g_ptr_array_index (insights->removed, 0);
  g_assert_cmpstr (removed->item_id, ==, "pain-slow");
  g_assert_cmpstr (removed->title, ==, "Slow checkout");
  g_assert_cmpstr (removed->stage_id, ==, "s-buy");

  /* a map without a future state is compared with nothing */
  g_assert_false (alone->compared);
  g_assert_cmpuint (alone->changes->len, ==, 0);
  g_assert_cmpuint (alone->removed->len, ==, 0);
}

/* Each example's mean per stage and persona, from the scores in the file
 * (NAN: no point), and its counts per stage. */
typedef struct
{
  const char *file;
  JmLayerState state;
  guint        n_personas;
  double       means[2][5];
  guint        counts[5][3]; /* pain points, opportunities, touchpoints */
  guint        n_unanswered;
  guint        n_without_emotion;
  guint        n_moments;
  guint        n_removed;
} ExampleFigures;

static const ExampleFigures examples[] = {
  { "grocery-first-order.jmap", JM_LAYER_STATE_CURRENT, 2,
    /* Anna: 2 | 1, -1.5 | -3.5, 1 | 3, -1 | 4;  Tom: 0 | -2 | -4 | 4.5 | 2.5 */
    { { 2, -0.25, -1.25, 1, 4 }, { 0, -2, -4, 4.5, 2.5 } },
    { { 0, 1, 2 }, { 1, 1, 2 }, { 2, 2, 2 }, { 1, 1, 2 }, { 1, 1, 2 } },
    5, 0, 4, 0 },
  { "hotel-guest-stay.jmap", JM_LAYER_STATE_CURRENT, 1,
    /* María and Jonas: 2, 1 | -3, 1 | 4, -2 | -3.5 | 1.5 */
    { { 1.5, -1, 1, -3.5, 1.5 } },
    { { 1, 1, 3 }, { 2, 1, 2 }, { 1, 1, 2 }, { 2, 1, 1 }, { 0, 1, 2 } },
    6, 0, 4, 6 },
  { "hotel-guest-stay.jmap", JM_LAYER_STATE_FUTURE, 1,
    /* 2, 2.5 | 3 | 4, 3 | 2 | 3.5 */
    { { 2.25, 3, 3.5, 2, 3.5 } },
    { { 0, 0, 3 }, { 0, 0, 3 }, { 0, 0, 3 }, { 0, 0, 1 }, { 0, 1, 2 } },
    0, 0, 4, 6 },
  { "saas-onboarding.jmap", JM_LAYER_STATE_CURRENT, 2,
    /* Priya: 2, -1 | -4, -2.5 | 4 | -1.5 | 1;  Marco: none | none | -2 | -3.5, 0 | 1.5 */
    { { 0.5, -3.25, 4, -1.5, 1 }, { NAN, NAN, -2, -1.75, 1.5 } },
    { { 1, 1, 3 }, { 2, 1, 3 }, { 1, 1, 1 }, { 2, 1, 2 }, { 1, 1, 2 } },
    7, 2, 3, 7 },
  { "saas-onboarding.jmap", JM_LAYER_STATE_FUTURE, 2,
    /* Priya: 3, 2.5 | 0.5, 2 | 4.5 | 2.5 | 4;  Marco: none | none | -1 | 1.5, 3 | 3.5 */
    { { 2.75, 1.25, 4.5, 2.5, 4 }, { NAN, NAN, -1, 2.25, 3.5 } },
    { { 0, 0, 3 }, { 0, 0, 4 }, { 0, 0, 2 }, { 0, 1, 3 }, { 0, 0, 3 } },
    0, 2, 3, 7 },
};

static void
test_insights_examples (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      const ExampleFigures *expected = &examples[e];
      g_autoptr(JmDocument) document = jm_test_load_example (expected->file);
      g_autoptr(JmInsights) insights = jm_insights_compute (document, expected->state);

      g_test_message ("%s, %s state", expected->file,
                      expected->state == JM_LAYER_STATE_CURRENT ? "current" : "future");
      g_assert_cmpuint (insights->stages->len, ==, 5);
      g_assert_cmpuint (insights->personas->len, ==, expected->n_personas);
      for (guint s = 0; s < 5; s++)
        {
          for (guint p = 0; p < expected->n_personas; p++)
            {
              const JmInsightCurve *curve = curve_of (insights, s, p);

              if (isnan (expected->means[p][s]))
                g_assert_cmpuint (curve->n_points, ==, 0);
              else
                {
                  g_assert_cmpuint (curve->n_points, >, 0);
                  g_assert_cmpfloat_with_epsilon (curve->mean, expected->means[p][s], EPSILON);
                }
            }
          assert_counts (insights, s, expected->counts[s][0], expected->counts[s][1], expected->counts[s][2]);
        }

      /* no example links a pain point to an opportunity */
      g_assert_cmpuint (count_checks (insights, JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT), ==,
                        expected->n_unanswered);
      g_assert_cmpuint (count_checks (insights, JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION), ==,
                        expected->n_without_emotion);
      g_assert_cmpuint (count_checks (insights, JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE), ==, 0);
      g_assert_cmpuint (count_checks (insights, JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS), ==, 0);
      g_assert_cmpuint (count_checks (insights, JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS), ==, 0);
      g_assert_cmpuint (insights->moments->len, ==, expected->n_moments);
      g_assert_cmpuint (insights->removed->len, ==, expected->n_removed);
    }
}

/* The hotel's lowest moment and its comparison, by hand. */
static void
test_insights_example_hotel (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmInsights) insights = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  static const double future_minus_current[] = { 2.25 - 1.5, 3 - -1, 3.5 - 1, 2 - -3.5, 3.5 - 1.5 };
  JmInsightPersona *couple = g_ptr_array_index (insights->personas, 0);

  g_assert_cmpstr (couple->low_point_id, ==, "point-7");
  g_assert_cmpstr (couple->low_stage_id, ==, "stage-departure");
  g_assert_cmpfloat_with_epsilon (couple->low_score, -3.5, EPSILON);
  g_assert_cmpstr (couple->low_label, ==, "Let down");

  /* Arrival: 1 of -3 and 1 above zero; Stay: 1 of 4 and -2 */
  assert_curve (insights, 1, 0, 2, -1, -3, 1, 0.5);
  assert_curve (insights, 2, 0, 2, 1, -2, 4, 0.5);

  g_assert_true (insights->compared);
  g_assert_cmpuint (insights->changes->len, ==, 5);
  for (guint s = 0; s < 5; s++)
    {
      JmInsightChange *change = g_ptr_array_index (insights->changes, s);

      g_assert_cmpfloat_with_epsilon (change->future_mean - change->current_mean, future_minus_current[s],
                                      EPSILON);
    }
}

static JmInsights *
compute_small (JmLayerState state)
{
  g_autoptr(JmDocument) document = load_insights_map ("small.jmap");

  return jm_insights_compute (document, state);
}

static void
test_insights_text (void)
{
  g_autoptr(JmInsights) insights = compute_small (JM_LAYER_STATE_CURRENT);
  g_autofree char *text = jm_insights_format_text (insights);

  g_assert_true (g_str_has_prefix (text, "Small shop — current state\n"));
  g_assert_nonnull (strstr (text, "\nDiscover: 0 pain points · 0 opportunities · 2 touchpoints\n"
                                  "  Ana: mean 0.5 (lowest -1, highest 2), 50% above zero, 2 points\n"
                                  "  Ben: mean -0.5 (lowest -2, highest 1), 50% above zero, 2 points\n"));
  g_assert_nonnull (strstr (text, "\nBuy: 1 pain point · 1 opportunity · 1 touchpoint\n"
                                  "  Ana: mean -3 (lowest -3, highest -3), 0% above zero, 1 point\n"));
  g_assert_nonnull (strstr (text, "  Ben: no emotion points\n"));
  g_assert_nonnull (strstr (text, "\nLowest moments\n  Ana: -3 in “Buy” (“Waiting”)\n"
                                  "  Ben: -2 in “Discover” (“Lost”)\n"));
  g_assert_nonnull (strstr (text, "\nTouchpoints by channel\n  Web: 2\n  Email: 1\n"));
  g_assert_nonnull (strstr (text, "\nMoments of Truth\n  Discover, Zero Moment of Truth: “Reads reviews”: "
                                  "Reviews decide.\n  Use, First Moment of Truth: “Unboxes”: no rationale\n"));
  g_assert_nonnull (strstr (text, "\nOpportunities by priority\n  not prioritised: “One-click checkout” in “Buy”\n"));
  g_assert_nonnull (strstr (text, "\nChecks\n  Stage “Use” has no emotion point of Ben.\n"));
  g_assert_nonnull (strstr (text, "\nFuture state against the current state\n"
                                  "  Discover, Ana: mean 0.5 → 3 (+2.5)\n"
                                  "  Discover, Ben: mean -0.5, no points in the future state\n"
                                  "  Buy, Ana: mean -3 → 1 (+4)\n"
                                  "  Buy, Ben: mean -2 → 0 (+2)\n"
                                  "  Use, Ana: mean 4, no points in the future state\n"
                                  "1 pain point removed\n"
                                  "  “Slow checkout” in “Buy”\n"));
}

static void
test_insights_csv (void)
{
  g_autoptr(JmInsights) insights = compute_small (JM_LAYER_STATE_CURRENT);
  g_autofree char *csv = jm_insights_format_csv (insights);

  g_assert_cmpstr (csv, ==,
                   "stage,stage_name,persona,persona_name,points,mean,lowest,highest,share_above_zero,"
                   "pain_points,opportunities,touchpoints\r\n"
                   "s-discover,Discover,p-ana,Ana,2,0.5,-1,2,0.5,0,0,2\r\n"
                   "s-discover,Discover,p-ben,Ben,2,-0.5,-2,1,0.5,0,0,2\r\n"
                   "s-buy,Buy,p-ana,Ana,1,-3,-3,-3,0,1,1,1\r\n"
                   "s-buy,Buy,p-ben,Ben,1,-2,-2,-2,0,1,1,1\r\n"
                   "s-use,Use,p-ana,Ana,1,4,4,4,1,1,0,0\r\n"
                   "s-use,Use,p-ben,Ben,0,,,,,1,0,0\r\n");
}

/* Texts are quoted and guarded as in the CSV export. */
static void
test_insights_csv_quoting (void)
{
  g_autoptr(JmDocument) document = load_insights_map ("complete.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  g_autoptr(JmInsights) insights = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_string (stack, jm_document_lookup_stage (document, "s-discover"), "name",
                                     "=Look, \"free\"", 0, &error));
  g_assert_true (jm_edit_set_string (stack, jm_document_lookup_persona (document, "p-ana"), "name", "@Ana", 0,
                                     &error));
  /* the point of Discover moves to Buy, scored 1: Buy has -0.5 and 1 */
  g_assert_true (jm_edit_move_emotion_point (stack, jm_object_store_lookup (jm_layer_get_points (layer), "a1"),
                                             "s-buy", 0.2, 1, &error));
  g_assert_no_error (error);
  insights = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  csv = jm_insights_format_csv (insights);

  g_assert_nonnull (strstr (csv, "\r\ns-discover,\"'=Look, \"\"free\"\"\",p-ana,'@Ana,0,,,,,0,0,1\r\n"));
  g_assert_nonnull (strstr (csv, "\r\ns-buy,Buy,p-ana,'@Ana,2,0.25,-0.5,1,0.5,1,1,1\r\n"));
}

static void
test_insights_json_strings (void)
{
  g_autoptr(JmDocument) document = load_insights_map ("complete.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(JmInsights) insights = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_edit_set_string (stack, jm_document_lookup_stage (document, "s-discover"), "name",
                                     "Say \"hi\"\\\n\tnow\x01", 0, &error));
  g_assert_no_error (error);
  insights = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  json = jm_insights_format_json (insights);

  g_assert_nonnull (strstr (json, "\"name\": \"Say \\\"hi\\\"\\\\\\n\\tnow\\u0001\""));
  g_assert_nonnull (strstr (json, "\"comparison\": null\n}\n"));
  g_assert_nonnull (strstr (json, "{ \"persona\": \"p-ana\", \"points\": 1, \"mean\": -0.5, \"lowest\": -0.5, "
                                  "\"highest\": -0.5, \"share_above_zero\": 0 }"));
}

/* Opportunities by priority, the unprioritised after them in map order. */
static void
test_insights_opportunities (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "opportunity-scores.jmap", NULL);
  g_autoptr(JmDocument) document = jm_test_load_map (path);
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  g_autoptr(JmInsights) insights = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  JmInsightOpportunity *first, *second, *third;
  JmItem *added;

  /* a third, scored higher than the quick win (90 for 1 against 70 for 2),
   * and the second's effort alone */
  added = jm_edit_add_item (stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_OPPORTUNITY, "s-a", "l-a", -1, "Big win",
                            &error);
  g_assert_no_error (error);
  g_assert_true (jm_edit_set_double (stack, added, "customer-value", 100, 0, &error));
  g_assert_true (jm_edit_set_double (stack, added, "business-value", 80, 0, &error));
  g_assert_true (jm_edit_set_double (stack, added, "effort", 1, 0, &error));
  g_assert_no_error (error);
  insights = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);

  g_assert_cmpuint (insights->opportunities->len, ==, 3);
  first = g_ptr_array_index (insights->opportunities, 0);
  second = g_ptr_array_index (insights->opportunities, 1);
  third = g_ptr_array_index (insights->opportunities, 2);
  g_assert_true (first->item_id != NULL && jm_layer_lookup_item (layer, first->item_id) == added);
  g_assert_cmpfloat_with_epsilon (first->priority, 90, EPSILON);
  g_assert_cmpstr (second->item_id, ==, "opp-a");
  g_assert_cmpfloat_with_epsilon (second->priority, 35, EPSILON);
  g_assert_cmpfloat_with_epsilon (second->customer_value, 80, EPSILON);
  g_assert_cmpstr (third->item_id, ==, "opp-b");
  g_assert_cmpfloat (third->priority, ==, -1);
  g_assert_cmpfloat (third->customer_value, ==, -1);
  g_assert_cmpfloat_with_epsilon (third->effort, 4.5, EPSILON);

  text = jm_insights_format_text (insights);
  g_assert_nonnull (strstr (text, "\nOpportunities by priority\n"
                                  "  90: “Big win” in “A” (customer value 100, business value 80, effort 1)\n"
                                  "  35: “Quick win” in “A” (customer value 80, business value 60, effort 2)\n"
                                  "  not prioritised: “opp-b” in “A”\n"));
  json = jm_insights_format_json (insights);
  g_assert_nonnull (strstr (json, "{ \"item\": \"opp-b\", \"title\": \"opp-b\", \"stage\": \"s-a\", "
                                  "\"customer_value\": null, \"business_value\": null, \"effort\": 4.5, "
                                  "\"priority\": null }"));
}

/* The command line: every format, and its refusals. The JSON's shape is
 * checked against docs/insights.md by tests/check-insights-json.py. */
static void
test_insights_cli (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "insights", "small.jmap", NULL);
  g_autoptr(JmInsights) insights = compute_small (JM_LAYER_STATE_FUTURE);
  g_autofree char *json = jm_insights_format_json (insights);
  g_autofree char *csv = NULL;
  g_auto(JmTestRun) run = { 0 };

  jm_test_run_journeymap (&run, "insights", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Small shop — current state\n"));

  jm_test_run_journeymap (&run, "insights", "--layer", "future", "--format", "json", path,
               NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, json);

  g_clear_pointer (&insights, jm_insights_free);
  insights = compute_small (JM_LAYER_STATE_CURRENT);
  csv = jm_insights_format_csv (insights);
  jm_test_run_journeymap (&run, "insights", path, "--format=csv", "--layer=current", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, csv);

  jm_test_run_journeymap (&run, "insights", path, "--format", "xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "“xml”"));

  jm_test_run_journeymap (&run, "insights", path, "--layer", "both", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“both”"));

  jm_test_run_journeymap (&run, "insights", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "usage"));

  jm_test_run_journeymap (&run, "insights", "no-such-map.jmap", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no-such-map.jmap"));
}

/* journeymap export --view matrix: a picture of one page, nothing else. */
static void
test_insights_cli_matrix (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "insights", "matrix.jmap", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jm-matrix-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "matrix.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_auto(JmTestRun) run = { 0 };

  jm_test_run_journeymap (&run, "export", path, "-o", png, "--view", "matrix", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  jm_test_run_journeymap (&run, "export", path, "-o", pdf, "--view=matrix", "--layer", "current", NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, pdf, NULL };

      jm_test_run_argv (&run, NULL, argv);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Pages:           1\n"));
    }

  jm_test_run_journeymap (&run, "export", path, "-o", csv, "--view", "matrix", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  jm_test_run_journeymap (&run, "export", path, "-o", png, "--view", "quadrants", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“quadrants”"));

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* The insights computed a slice at a time, each as short as can be (one
 * chunk of items), are those computed in one go, in every figure and
 * check and in their order (the JSON output holds them all). */
static void
assert_sliced_equals_whole (JmDocument   *document,
                            JmLayerState  state,
                            guint         min_slices)
{
  g_autoptr(JmInsights) whole = jm_insights_compute (document, state);
  g_autoptr(JmInsightsJob) job = jm_insights_job_new (document, state);
  g_autoptr(JmInsights) sliced = NULL;
  g_autofree char *whole_json = NULL;
  g_autofree char *sliced_json = NULL;
  guint n_slices = 1;

  while (!jm_insights_job_step (job, 0))
    n_slices++;
  sliced = jm_insights_job_finish (job);
  g_assert_nonnull (sliced);
  g_assert_cmpuint (n_slices, >=, min_slices);

  whole_json = jm_insights_format_json (whole);
  sliced_json = jm_insights_format_json (sliced);
  /* the first difference, not two whole maps' worth of JSON */
  if (g_strcmp0 (sliced_json, whole_json) != 0)
    {
      gsize at = 0;

      while (sliced_json[at] != '\0' && sliced_json[at] == whole_json[at])
        at++;
      at = at > 100 ? at - 100 : 0;
      g_assert_cmpstr (g_strndup (sliced_json + at, 300), ==, g_strndup (whole_json + at, 300));
    }
}

static void
test_insights_sliced (void)
{
  const char *names[] = { "saas-onboarding.jmap", "grocery-first-order.jmap", "hotel-guest-stay.jmap" };
  g_autoptr(JmDocument) generated = jm_test_load_generated_map (12000, 7);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JmDocument) document = jm_test_load_example (names[i]);

      assert_sliced_equals_whole (document, JM_LAYER_STATE_CURRENT, 1);
      assert_sliced_equals_whole (document, JM_LAYER_STATE_FUTURE, 1);
    }

  /* thousands of cards: each step over them goes in many slices */
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_items (jm_document_get_layer (
                      generated, JM_LAYER_STATE_CURRENT))), >=, 5000);
  g_assert_false (jm_layer_is_empty (jm_document_get_layer (generated, JM_LAYER_STATE_FUTURE)));
  assert_sliced_equals_whole (generated, JM_LAYER_STATE_CURRENT, 5 * 5000 / 256);
  assert_sliced_equals_whole (generated, JM_LAYER_STATE_FUTURE, 5 * 5000 / 256);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insights/small/figures", test_insights_small_figures);
  g_test_add_func ("/insights/small/checks", test_insights_checks);
  g_test_add_func ("/insights/small/checks-cleared", test_insights_checks_cleared);
  g_test_add_func ("/insights/small/comparison", test_insights_comparison);
  g_test_add_func ("/insights/examples/means-and-counts", test_insights_examples);
  g_test_add_func ("/insights/examples/hotel", test_insights_example_hotel);
  g_test_add_func ("/insights/format/text", test_insights_text);
  g_test_add_func ("/insights/format/csv", test_insights_csv);
  g_test_add_func ("/insights/format/csv-quoting", test_insights_csv_quoting);
  g_test_add_func ("/insights/format/json-strings", test_insights_json_strings);
  g_test_add_func ("/insights/opportunities", test_insights_opportunities);
  g_test_add_func ("/insights/cli", test_insights_cli);
  g_test_add_func ("/insights/cli-matrix", test_insights_cli_matrix);
  g_test_add_func ("/insights/sliced-equals-whole", test_insights_sliced);

  return g_test_run ();
}
