/* test-assistant-steps.c: the guided assistant's steps, without a window
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "commands/jm-edit.h"
#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "session/jm-assistant.h"
#include "session/jm-template.h"

typedef struct
{
  JmDocument     *document;
  JmCommandStack *stack;
} Fixture;

static JmDocument *
read_blank (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  bytes = jm_template_lookup ("blank", &error);
  g_assert_no_error (error);
  document = jm_xml_reader_read_bytes (bytes, "blank", &error);
  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = read_blank ();
  fixture->stack = jm_command_stack_new (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->document);
}

static JmStage *
stage_at (JmDocument *document,
          guint       i)
{
  return jm_object_store_get_object (jm_document_get_stages (document), i);
}

static guint
n_stages (JmDocument *document)
{
  return jm_object_store_get_n_objects (jm_document_get_stages (document));
}

/* The map saved and read back: what the assistant knows must come from the
 * file's content alone. */
static JmDocument *
reopen (JmDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jm_xml_writer_write_bytes (document);
  JmDocument *copy;

  copy = jm_xml_reader_read_bytes (bytes, "reopened", &error);
  g_assert_no_error (error);
  return copy;
}

static void
test_objectives (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) copy = NULL;

  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_OBJECTIVES));
  g_assert_cmpint (jm_assistant_first_step_to_do (fixture->document), ==, JM_ASSISTANT_STEP_OBJECTIVES);

  jm_edit_set_string (fixture->stack, fixture->document, "title", "Renew a passport", 0, &error);
  g_assert_no_error (error);
  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_OBJECTIVES));
  jm_edit_set_string (fixture->stack, fixture->document, "description", "Find where renewals stall", 0, &error);
  g_assert_no_error (error);
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_OBJECTIVES));

  copy = reopen (fixture->document);
  g_assert_true (jm_assistant_step_is_done (copy, JM_ASSISTANT_STEP_OBJECTIVES));
  g_assert_cmpint (jm_assistant_first_step_to_do (copy), ==, JM_ASSISTANT_STEP_PERSONAS);
}

static void
test_personas (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JmPersona *persona;
  guint position = jm_command_stack_get_position (fixture->stack);

  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_PERSONAS));

  /* No name, no persona, and nothing on the history. */
  g_assert_null (jm_assistant_add_persona (fixture->stack, "", "Nurse", NULL, NULL, NULL, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position);

  persona = jm_assistant_add_persona (fixture->stack, "Maya", "Nurse", "Renew before a trip",
                                      "Travel for work", "Queues", &error);
  g_assert_no_error (error);
  g_assert_nonnull (persona);
  g_assert_cmpstr (jm_persona_get_role (persona), ==, "Nurse");
  g_assert_cmpstr (jm_persona_get_goals (persona), ==, "Renew before a trip");
  g_assert_cmpstr (jm_persona_get_motivations (persona), ==, "Travel for work");
  g_assert_cmpstr (jm_persona_get_frustrations (persona), ==, "Queues");
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_PERSONAS));
  /* One step: one undo takes the whole persona away. */
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 1);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_personas (fixture->document)), ==, 0);
  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_PERSONAS));
}

static void
test_stage_model (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const JmStageModel *models;
  const JmStageModel *decision = NULL;
  const JmStageModel *hotel = NULL;
  guint n_models;
  guint position;
  JmItem *item;

  models = jm_assistant_get_stage_models (&n_models);
  g_assert_cmpuint (n_models, >=, 3);
  for (guint i = 0; i < n_models; i++)
    {
      if (g_str_equal (models[i].id, "awareness-consideration-decision"))
        decision = &models[i];
      else if (g_str_equal (models[i].id, "hotel-stay"))
        hotel = &models[i];
    }
  g_assert_nonnull (decision);
  g_assert_nonnull (hotel);

  /* The blank map's fourth stage holds a card: it stays, the fifth goes. */
  item = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                           jm_object_get_id (JM_OBJECT (stage_at (fixture->document, 3))),
                           "lane-actions", -1, "Renew online", &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpuint (n_stages (fixture->document), ==, 5);

  position = jm_command_stack_get_position (fixture->stack);
  g_assert_true (jm_assistant_apply_stage_model (fixture->stack, decision, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 1);
  g_assert_cmpuint (n_stages (fixture->document), ==, 4);
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 0)), ==, "Awareness");
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 1)), ==, "Consideration");
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 2)), ==, "Decision");
  g_assert_cmpstr (jm_object_get_id (JM_OBJECT (stage_at (fixture->document, 3))), ==, jm_item_get_stage_id (item));
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_STAGES));

  /* Five stages over four: one added; all in one step. */
  g_assert_true (jm_assistant_apply_stage_model (fixture->stack, hotel, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stages (fixture->document), ==, 5);
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 3)), ==, "Departure");
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 4)), ==, "Post-stay");
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 2);

  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpuint (n_stages (fixture->document), ==, 5);
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 2)), ==, "Decision");
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 3)), ==, "Retention");
  g_assert_cmpstr (jm_stage_get_name (stage_at (fixture->document, 4)), ==, "Advocacy");
}

static void
test_stage_remove (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JmStage *first = stage_at (fixture->document, 0);
  JmStage *last = stage_at (fixture->document, 4);

  jm_edit_add_item (fixture->stack, JM_LAYER_STATE_FUTURE, JM_ITEM_KIND_CARD,
                    jm_object_get_id (JM_OBJECT (first)), "lane-actions", -1, "Later", &error);
  g_assert_no_error (error);
  g_assert_false (jm_assistant_stage_is_empty (fixture->document, first));
  g_assert_false (jm_assistant_remove_stage (fixture->stack, first, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_stages (fixture->document), ==, 5);

  g_assert_true (jm_assistant_stage_is_empty (fixture->document, last));
  g_assert_true (jm_assistant_remove_stage (fixture->stack, last, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stages (fixture->document), ==, 4);
}

static void
test_channels (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JmStage *stage = stage_at (fixture->document, 1);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT));
  JmLane *lane = jm_assistant_get_touchpoint_lane (fixture->document);
  guint position = jm_command_stack_get_position (fixture->stack);
  JmItem *item;

  g_assert_nonnull (lane);
  g_assert_false (jm_assistant_stage_has_channel (fixture->document, stage, JM_CHANNEL_EMAIL));
  g_assert_true (jm_assistant_set_channel (fixture->stack, stage, JM_CHANNEL_EMAIL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (jm_assistant_stage_has_channel (fixture->document, stage, JM_CHANNEL_EMAIL));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 1);
  g_assert_cmpuint (jm_object_store_get_n_objects (items), ==, 1);
  item = jm_object_store_get_object (items, 0);
  g_assert_cmpint (jm_item_get_kind (item), ==, JM_ITEM_KIND_TOUCHPOINT);
  g_assert_cmpint (jm_item_get_channel (item), ==, JM_CHANNEL_EMAIL);
  g_assert_cmpstr (jm_item_get_stage_id (item), ==, jm_object_get_id (JM_OBJECT (stage)));
  g_assert_cmpstr (jm_item_get_lane_id (item), ==, jm_object_get_id (JM_OBJECT (lane)));

  /* On again is no second touchpoint; another channel is. */
  g_assert_true (jm_assistant_set_channel (fixture->stack, stage, JM_CHANNEL_EMAIL, TRUE, &error));
  g_assert_cmpuint (jm_object_store_get_n_objects (items), ==, 1);
  g_assert_true (jm_assistant_set_channel (fixture->stack, stage, JM_CHANNEL_WEB, TRUE, &error));
  g_assert_cmpuint (jm_object_store_get_n_objects (items), ==, 2);
  /* Not in the other stages. */
  g_assert_false (jm_assistant_stage_has_channel (fixture->document, stage_at (fixture->document, 0),
                                                  JM_CHANNEL_EMAIL));

  g_assert_true (jm_assistant_set_channel (fixture->stack, stage, JM_CHANNEL_EMAIL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (jm_assistant_stage_has_channel (fixture->document, stage, JM_CHANNEL_EMAIL));
  g_assert_true (jm_assistant_stage_has_channel (fixture->document, stage, JM_CHANNEL_WEB));
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 3);

  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_TOUCHPOINTS));
  for (guint i = 0; i < n_stages (fixture->document); i++)
    g_assert_true (jm_assistant_set_channel (fixture->stack, stage_at (fixture->document, i),
                                             JM_CHANNEL_APP, TRUE, &error));
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_TOUCHPOINTS));
}

/* A map without a touchpoints lane gets one with its first touchpoint,
 * in the same undo step. */
static void
test_channels_add_lane (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JmLane *lane = jm_assistant_get_touchpoint_lane (fixture->document);
  guint n_lanes = jm_object_store_get_n_objects (jm_document_get_lanes (fixture->document));
  guint position;

  g_assert_true (jm_edit_delete_lane (fixture->stack, lane, &error));
  g_assert_null (jm_assistant_get_touchpoint_lane (fixture->document));
  position = jm_command_stack_get_position (fixture->stack);

  g_assert_true (jm_assistant_set_channel (fixture->stack, stage_at (fixture->document, 0),
                                           JM_CHANNEL_PHONE, TRUE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (jm_assistant_get_touchpoint_lane (fixture->document));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_lanes (fixture->document)), ==, n_lanes);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 1);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_null (jm_assistant_get_touchpoint_lane (fixture->document));
}

static void
test_moments (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  JmItem *note;
  JmItem *touchpoint;

  note = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_NOTE,
                           "stage-awareness", "lane-actions", -1, "Aside", &error);
  g_assert_no_error (error);
  g_assert_true (jm_assistant_set_channel (fixture->stack, stage_at (fixture->document, 2),
                                           JM_CHANNEL_STORE, TRUE, &error));
  g_assert_true (jm_assistant_set_channel (fixture->stack, stage_at (fixture->document, 0),
                                           JM_CHANNEL_AD, TRUE, &error));

  /* Touchpoints and cards, stage by stage; no notes. */
  candidates = jm_assistant_list_moment_candidates (fixture->document);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_true (g_ptr_array_find (candidates, note, NULL) == FALSE);
  g_assert_cmpint (jm_item_get_channel (candidates->pdata[0]), ==, JM_CHANNEL_AD);
  touchpoint = candidates->pdata[1];

  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_MOMENTS));
  g_assert_true (jm_edit_set_moment (fixture->stack, touchpoint, JM_MOMENT_KIND_FIRST, NULL, NULL, &error));
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_MOMENTS));

  checks = jm_assistant_check (fixture->document);
  for (guint i = 0; i < checks->len; i++)
    {
      JmAssistantCheck *check = checks->pdata[i];

      if (check->kind == JM_ASSISTANT_CHECK_MOMENT_WITHOUT_RATIONALE)
        {
          g_assert_cmpstr (check->object_id, ==, jm_object_get_id (JM_OBJECT (touchpoint)));
          g_clear_pointer (&checks, g_ptr_array_unref);
          break;
        }
    }
  g_assert_null (checks);
}

static void
test_scores (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) copy = NULL;
  JmPersona *maya;
  JmPersona *leo;
  JmEmotionPoint *point;
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (fixture->document, JM_LAYER_STATE_CURRENT));
  guint position;

  maya = jm_assistant_add_persona (fixture->stack, "Maya", NULL, "Renew", NULL, NULL, &error);
  leo = jm_assistant_add_persona (fixture->stack, "Leo", NULL, "Renew fast", NULL, NULL, &error);
  g_assert_no_error (error);
  position = jm_command_stack_get_position (fixture->stack);

  g_assert_true (jm_assistant_set_score (fixture->stack, maya, stage_at (fixture->document, 1), -3, &error));
  g_assert_no_error (error);
  point = jm_assistant_find_point (fixture->document, maya, stage_at (fixture->document, 1));
  g_assert_nonnull (point);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, -3);
  g_assert_null (jm_assistant_find_point (fixture->document, leo, stage_at (fixture->document, 1)));

  /* Moved, not added: one point per stage per persona. */
  g_assert_true (jm_assistant_set_score (fixture->stack, maya, stage_at (fixture->document, 1), 4, &error));
  g_assert_cmpuint (jm_object_store_get_n_objects (points), ==, 1);
  g_assert_true (jm_assistant_find_point (fixture->document, maya, stage_at (fixture->document, 1)) == point);
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, 4);
  g_assert_cmpuint (jm_command_stack_get_position (fixture->stack), ==, position + 2);
  g_assert_true (jm_command_stack_undo (fixture->stack));
  g_assert_cmpfloat (jm_emotion_point_get_score (point), ==, -3);

  g_assert_false (jm_assistant_set_score (fixture->stack, maya, stage_at (fixture->document, 1), 6, &error));
  g_assert_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_EMOTIONS));
  for (guint s = 0; s < n_stages (fixture->document); s++)
    {
      g_assert_true (jm_assistant_set_score (fixture->stack, maya, stage_at (fixture->document, s), 1, &error));
      if (s < 4)
        g_assert_true (jm_assistant_set_score (fixture->stack, leo, stage_at (fixture->document, s), -1, &error));
    }
  /* Leo has no point in the last stage yet. */
  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_EMOTIONS));
  g_assert_true (jm_assistant_set_score (fixture->stack, leo, stage_at (fixture->document, 4), 0, &error));
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_EMOTIONS));

  copy = reopen (fixture->document);
  g_assert_true (jm_assistant_step_is_done (copy, JM_ASSISTANT_STEP_EMOTIONS));
  g_assert_true (jm_assistant_step_is_done (copy, JM_ASSISTANT_STEP_PERSONAS));
}

static gboolean
has_check (GPtrArray            *checks,
           JmAssistantCheckKind  kind,
           const char           *object_id)
{
  for (guint i = 0; i < checks->len; i++)
    {
      JmAssistantCheck *check = checks->pdata[i];

      if (check->kind == kind && g_strcmp0 (check->object_id, object_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  JmPersona *persona;
  JmItem *pain;
  JmItem *opportunity;
  JmLink *link;
  const char *pain_id;

  /* Three stages, a persona without goals, a pain point. */
  jm_assistant_apply_stage_model (fixture->stack, &jm_assistant_get_stage_models (NULL)[1], &error);
  g_assert_no_error (error);
  persona = jm_assistant_add_persona (fixture->stack, "Maya", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  pain = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_PAIN_POINT,
                           "stage-consideration", "lane-pain-points", -1, "Forms", &error);
  g_assert_no_error (error);
  pain_id = jm_object_get_id (JM_OBJECT (pain));

  checks = jm_assistant_check (fixture->document);
  /* 3 stages × (touchpoint, point) + persona + pain point. */
  g_assert_cmpuint (checks->len, ==, 8);
  g_assert_true (has_check (checks, JM_ASSISTANT_CHECK_STAGE_WITHOUT_TOUCHPOINTS, "stage-decision"));
  g_assert_true (has_check (checks, JM_ASSISTANT_CHECK_STAGE_WITHOUT_EMOTION, "stage-awareness"));
  g_assert_true (has_check (checks, JM_ASSISTANT_CHECK_PERSONA_WITHOUT_GOALS,
                            jm_object_get_id (JM_OBJECT (persona))));
  g_assert_true (has_check (checks, JM_ASSISTANT_CHECK_PAIN_POINT_UNANSWERED, pain_id));
  g_assert_nonnull (g_strstr_len (((JmAssistantCheck *) checks->pdata[0])->message, -1, "Awareness"));
  g_assert_false (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_REVIEW));
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* Linked to a card, the pain point is still unanswered; to an opportunity, answered. */
  opportunity = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_CARD,
                                  "stage-consideration", "lane-actions", -1, "Fill in", &error);
  link = jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, pain_id,
                           jm_object_get_id (JM_OBJECT (opportunity)), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  checks = jm_assistant_check (fixture->document);
  g_assert_true (has_check (checks, JM_ASSISTANT_CHECK_PAIN_POINT_UNANSWERED, pain_id));
  g_clear_pointer (&checks, g_ptr_array_unref);

  opportunity = jm_edit_add_item (fixture->stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_OPPORTUNITY,
                                  "stage-consideration", "lane-opportunities", -1, "Prefill", &error);
  g_assert_no_error (error);
  /* Either way round. */
  jm_edit_add_link (fixture->stack, JM_LAYER_STATE_CURRENT, jm_object_get_id (JM_OBJECT (opportunity)),
                    pain_id, NULL, &error);
  g_assert_no_error (error);

  jm_edit_set_string (fixture->stack, persona, "goals", "Renew", 0, &error);
  for (guint s = 0; s < n_stages (fixture->document); s++)
    {
      jm_assistant_set_channel (fixture->stack, stage_at (fixture->document, s), JM_CHANNEL_WEB, TRUE, &error);
      g_assert_no_error (error);
      jm_assistant_set_score (fixture->stack, persona, stage_at (fixture->document, s), 2, &error);
      g_assert_no_error (error);
    }
  checks = jm_assistant_check (fixture->document);
  for (guint i = 0; i < checks->len; i++)
    g_test_message ("%s", ((JmAssistantCheck *) checks->pdata[i])->message);
  g_assert_cmpuint (checks->len, ==, 0);
  g_assert_true (jm_assistant_step_is_done (fixture->document, JM_ASSISTANT_STEP_REVIEW));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assistant/objectives", test_objectives);
  ADD ("/assistant/personas", test_personas);
  ADD ("/assistant/stages/model", test_stage_model);
  ADD ("/assistant/stages/remove-empty-only", test_stage_remove);
  ADD ("/assistant/touchpoints/channels", test_channels);
  ADD ("/assistant/touchpoints/add-lane", test_channels_add_lane);
  ADD ("/assistant/moments", test_moments);
  ADD ("/assistant/emotions/scores", test_scores);
  ADD ("/assistant/review", test_review);
#undef ADD

  return g_test_run ();
}
