/* jm-assistant.c: the seven steps of the journey mapping method, on a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the guided assistant knows, without a window: whether each step of
 * the method is done, read from the map's content alone (so a saved map
 * reopened shows its progress with nothing more in the file), and each
 * step's edits, every one of them an undoable step through the command
 * stack. The assistant works on the current state of the map: the method
 * maps the journey as it is before it designs the future one.
 */

#define G_LOG_DOMAIN "jm-session"

#include "config.h"

#include "jm-assistant.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "commands/jm-edit.h"
#include "insights/jm-insights.h"
#include "model/jm-kinds.h"
#include "jm-enum-types.h"

#define ASSISTANT_STATE JM_LAYER_STATE_CURRENT

static const char *const step_titles[JM_ASSISTANT_N_STEPS] = {
  N_("Objectives and Scope"),
  N_("Personas"),
  N_("Stages"),
  N_("Touchpoints"),
  N_("Moments of Truth"),
  N_("Emotional Curve"),
  N_("Review"),
};

static const char *const lifecycle_stages[] = {
  N_("Awareness"), N_("Consideration"), N_("Acquisition"), N_("Retention"), N_("Advocacy"), NULL
};
static const char *const decision_stages[] = {
  N_("Awareness"), N_("Consideration"), N_("Decision"), NULL
};
static const char *const hotel_stages[] = {
  N_("Pre-arrival"), N_("Arrival"), N_("Stay"), N_("Departure"), N_("Post-stay"), NULL
};
static const char *const purchase_stages[] = {
  N_("Discover"), N_("Choose"), N_("Buy"), N_("Receive"), N_("Use"), N_("Get Help"), NULL
};

static const JmStageModel stage_models[] = {
  { "lifecycle", N_("Customer lifecycle (5 stages)"), lifecycle_stages },
  { "awareness-consideration-decision", N_("Awareness, consideration, decision (3 stages)"), decision_stages },
  { "hotel-stay", N_("Hotel stay (5 stages)"), hotel_stages },
  { "purchase", N_("Purchase and use (6 stages)"), purchase_stages },
};

void
jm_assistant_check_free (JmAssistantCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->object_id);
  g_free (check->message);
  g_free (check);
}

const char *
jm_assistant_step_get_title (JmAssistantStep step)
{
  g_return_val_if_fail (step < JM_ASSISTANT_N_STEPS, NULL);

  return _(step_titles[step]);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* A name to show in a sentence, also for what has none. */
static const char *
or_untitled (const char *name)
{
  return has_text (name) ? name : _("Untitled");
}

static JmObjectStore *
assistant_items (JmDocument *document)
{
  return jm_layer_get_items (jm_document_get_layer (document, ASSISTANT_STATE));
}

static guint
count_touchpoints (JmDocument *document,
                   JmStage    *stage)
{
  JmObjectStore *items = assistant_items (document);
  const char *stage_id = jm_object_get_id (JM_OBJECT (stage));
  guint n = 0;

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT &&
          g_strcmp0 (jm_item_get_stage_id (item), stage_id) == 0)
        n++;
    }

  return n;
}

static gboolean
every_stage_has_touchpoints (JmDocument *document)
{
  JmObjectStore *stages = jm_document_get_stages (document);

  if (jm_object_store_get_n_objects (stages) == 0)
    return FALSE;

  for (guint i = 0; i < jm_object_store_get_n_objects (stages); i++)
    if (count_touchpoints (document, jm_object_store_get_object (stages, i)) == 0)
      return FALSE;

  return TRUE;
}

static gboolean
has_moment (JmDocument *document)
{
  JmObjectStore *items = assistant_items (document);

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    if (jm_item_get_moment (jm_object_store_get_object (items, i)) != JM_MOMENT_KIND_NONE)
      return TRUE;

  return FALSE;
}

static gboolean
every_curve_is_complete (JmDocument *document)
{
  JmObjectStore *personas = jm_document_get_personas (document);
  JmObjectStore *stages = jm_document_get_stages (document);

  if (jm_object_store_get_n_objects (personas) == 0 || jm_object_store_get_n_objects (stages) == 0)
    return FALSE;

  for (guint p = 0; p < jm_object_store_get_n_objects (personas); p++)
    for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
      if (jm_assistant_find_point (document, jm_object_store_get_object (personas, p),
                                   jm_object_store_get_object (stages, s)) == NULL)
        return FALSE;

  return TRUE;
}

/**
 * jm_assistant_step_is_done:
 *
 * Whether the map's content shows @step done: objectives when the map has a
 * title and a description; personas when it has one; stages when it has
 * stages, all named; touchpoints when every stage has one; Moments of Truth
 * when one is marked; the curve when every persona has a point in every
 * stage; the review when it finds nothing missing.
 */
gboolean
jm_assistant_step_is_done (JmDocument      *document,
                           JmAssistantStep  step)
{
  JmObjectStore *stages;
  g_autoptr(GPtrArray) checks = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);

  switch (step)
    {
    case JM_ASSISTANT_STEP_OBJECTIVES:
      return has_text (jm_document_get_title (document)) && has_text (jm_document_get_description (document));

    case JM_ASSISTANT_STEP_PERSONAS:
      return jm_object_store_get_n_objects (jm_document_get_personas (document)) > 0;

    case JM_ASSISTANT_STEP_STAGES:
      stages = jm_document_get_stages (document);
      if (jm_object_store_get_n_objects (stages) == 0)
        return FALSE;
      for (guint i = 0; i < jm_object_store_get_n_objects (stages); i++)
        if (!has_text (jm_stage_get_name (jm_object_store_get_object (stages, i))))
          return FALSE;
      return TRUE;

    case JM_ASSISTANT_STEP_TOUCHPOINTS:
      return every_stage_has_touchpoints (document);

    case JM_ASSISTANT_STEP_MOMENTS:
      return has_moment (document);

    case JM_ASSISTANT_STEP_EMOTIONS:
      return every_curve_is_complete (document);

    case JM_ASSISTANT_STEP_REVIEW:
      checks = jm_assistant_check (document);
      return checks->len == 0;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The step a resumed assistant opens at: the first not done, or the review. */
int
jm_assistant_first_step_to_do (JmDocument *document)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), 0);

  for (int step = 0; step < JM_ASSISTANT_STEP_REVIEW; step++)
    if (!jm_assistant_step_is_done (document, step))
      return step;

  return JM_ASSISTANT_STEP_REVIEW;
}

/* Stages {{{ */

const JmStageModel *
jm_assistant_get_stage_models (guint *n_models)
{
  if (n_models != NULL)
    *n_models = G_N_ELEMENTS (stage_models);

  return stage_models;
}

const char *
jm_assistant_stage_model_get_name (const JmStageModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);

  return _(model->name);
}

/**
 * jm_assistant_stage_is_empty:
 *
 * Whether @stage holds nothing in either state: no item and no point of
 * any curve. Only such a stage may the assistant remove.
 */
gboolean
jm_assistant_stage_is_empty (JmDocument *document,
                             JmStage    *stage)
{
  const char *stage_id;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (JM_IS_STAGE (stage), FALSE);

  stage_id = jm_object_get_id (JM_OBJECT (stage));
  for (guint s = 0; s < JM_N_LAYER_STATES; s++)
    {
      JmLayer *layer = jm_document_get_layer (document, s);
      JmObjectStore *items = jm_layer_get_items (layer);
      JmObjectStore *points = jm_layer_get_points (layer);

      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        if (g_strcmp0 (jm_item_get_stage_id (jm_object_store_get_object (items, i)), stage_id) == 0)
          return FALSE;
      for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
        if (g_strcmp0 (jm_emotion_point_get_stage_id (jm_object_store_get_object (points, i)), stage_id) == 0)
          return FALSE;
    }

  return TRUE;
}

/**
 * jm_assistant_remove_stage:
 *
 * Removes @stage if it is empty, and refuses otherwise: the assistant never
 * throws away what the designer put in a stage.
 */
gboolean
jm_assistant_remove_stage (JmCommandStack  *stack,
                           JmStage         *stage,
                           GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_STAGE (stage), FALSE);

  if (!jm_assistant_stage_is_empty (jm_command_stack_get_document (stack), stage))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("“%s” holds items or points of a curve: delete them first, or delete the stage from the map."),
                   or_untitled (jm_stage_get_name (stage)));
      return FALSE;
    }

  return jm_edit_delete_stage (stack, stage, error);
}

/**
 * jm_assistant_apply_stage_names:
 * @names: (array zero-terminated=1): the stages wanted, in order
 *
 * Renames the map's stages, in order, to @names, adds the stages missing
 * and removes the stages left over that are empty, as one undo step. A
 * stage left over that holds something stays, after the named ones.
 */
gboolean
jm_assistant_apply_stage_names (JmCommandStack     *stack,
                                const char *const  *names,
                                GError            **error)
{
  JmDocument *document;
  JmObjectStore *stages;
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_names;
  guint n_stages;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (names != NULL && names[0] != NULL, FALSE);

  document = jm_command_stack_get_document (stack);
  stages = jm_document_get_stages (document);
  n_names = g_strv_length ((char **) names);
  n_stages = jm_object_store_get_n_objects (stages);

  jm_command_stack_begin_group (stack, _("Apply Stage Model"));

  for (guint i = 0; ok && i < n_names; i++)
    {
      if (i < n_stages)
        {
          JmStage *stage = jm_object_store_get_object (stages, i);

          if (g_strcmp0 (jm_stage_get_name (stage), names[i]) != 0)
            ok = jm_edit_set_string (stack, stage, "name", names[i], 0, error);
        }
      else
        ok = jm_edit_add_stage (stack, i, names[i], error) != NULL;
    }

  /* Collected first: removing changes the places of the others. */
  for (guint i = n_names; i < n_stages; i++)
    g_ptr_array_add (extra, g_object_ref (jm_object_store_get_object (stages, i)));
  for (guint i = 0; ok && i < extra->len; i++)
    if (jm_assistant_stage_is_empty (document, extra->pdata[i]))
      ok = jm_edit_delete_stage (stack, extra->pdata[i], error);

  if (ok)
    jm_command_stack_end_group (stack);
  else
    jm_command_stack_cancel_group (stack);

  return ok;
}

gboolean
jm_assistant_apply_stage_model (JmCommandStack      *stack,
                                const JmStageModel  *model,
                                GError             **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (model != NULL, FALSE);

  for (guint i = 0; model->stages[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) _(model->stages[i]));
  g_ptr_array_add (names, NULL);

  return jm_assistant_apply_stage_names (stack, (const char *const *) names->pdata, error);
}

/* }}} */

/* Personas {{{ */

/**
 * jm_assistant_add_persona:
 *
 * Adds a persona with what the designer knows of them, as one undo step.
 *
 * Personas from the library (library/jm-persona-library.c) come in
 * through its own copy, which keeps their photo and description too.
 */
JmPersona *
jm_assistant_add_persona (JmCommandStack  *stack,
                          const char      *name,
                          const char      *role,
                          const char      *goals,
                          const char      *motivations,
                          const char      *frustrations,
                          GError         **error)
{
  const struct { const char *property; const char *text; } fields[] = {
    { "role", role }, { "goals", goals }, { "motivations", motivations }, { "frustrations", frustrations },
  };
  JmPersona *persona;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  if (!has_text (name))
    {
      g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID, _("A persona needs a name."));
      return NULL;
    }

  jm_command_stack_begin_group (stack, _("Add Persona"));
  persona = jm_edit_add_persona (stack, name, error);
  ok = persona != NULL;
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    if (has_text (fields[i].text))
      ok = jm_edit_set_string (stack, persona, fields[i].property, fields[i].text, 0, error);

  if (!ok)
    {
      jm_command_stack_cancel_group (stack);
      return NULL;
    }

  jm_command_stack_end_group (stack);
  return persona;
}

/* }}} */

/* Touchpoints {{{ */

/* The lane touchpoints go in: the map's first touchpoints lane. */
JmLane *
jm_assistant_get_touchpoint_lane (JmDocument *document)
{
  JmObjectStore *lanes;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  lanes = jm_document_get_lanes (document);
  for (guint i = 0; i < jm_object_store_get_n_objects (lanes); i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_lane_get_kind (lane) == JM_LANE_KIND_TOUCHPOINTS)
        return lane;
    }

  return NULL;
}

/* The touchpoints of @channel in @stage's cell of the touchpoints lane. */
static GPtrArray *
find_channel_touchpoints (JmDocument *document,
                          JmStage    *stage,
                          JmChannel   channel)
{
  JmLane *lane = jm_assistant_get_touchpoint_lane (document);
  JmObjectStore *items = assistant_items (document);
  const char *stage_id = jm_object_get_id (JM_OBJECT (stage));
  GPtrArray *found = g_ptr_array_new ();

  if (lane == NULL)
    return found;

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT &&
          jm_item_get_channel (item) == channel &&
          g_strcmp0 (jm_item_get_stage_id (item), stage_id) == 0 &&
          g_strcmp0 (jm_item_get_lane_id (item), jm_object_get_id (JM_OBJECT (lane))) == 0)
        g_ptr_array_add (found, item);
    }

  return found;
}

gboolean
jm_assistant_stage_has_channel (JmDocument *document,
                                JmStage    *stage,
                                JmChannel   channel)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (JM_IS_STAGE (stage), FALSE);

  found = find_channel_touchpoints (document, stage, channel);
  return found->len > 0;
}

/**
 * jm_assistant_set_channel:
 * @on: whether the stage has a touchpoint of @channel
 *
 * Switched on, adds a touchpoint of @channel, named after it, at the end of
 * @stage's cell of the touchpoints lane (adding the lane to a map that has
 * none); switched off, removes the touchpoints of @channel from that cell.
 * One undo step either way; nothing when the stage already is so.
 */
gboolean
jm_assistant_set_channel (JmCommandStack  *stack,
                          JmStage         *stage,
                          JmChannel        channel,
                          gboolean         on,
                          GError         **error)
{
  JmDocument *document;
  JmLane *lane;
  JmItem *item;
  g_autoptr(GPtrArray) found = NULL;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (channel != JM_CHANNEL_NONE, FALSE);

  document = jm_command_stack_get_document (stack);
  found = find_channel_touchpoints (document, stage, channel);
  if (!on)
    return found->len == 0 || jm_edit_delete_items (stack, ASSISTANT_STATE, found, error);
  if (found->len > 0)
    return TRUE;

  jm_command_stack_begin_group (stack, _("Add Touchpoint"));
  lane = jm_assistant_get_touchpoint_lane (document);
  if (lane == NULL)
    lane = jm_edit_add_lane (stack, jm_object_store_get_n_objects (jm_document_get_lanes (document)),
                             JM_LANE_KIND_TOUCHPOINTS, _("Touchpoints"), error);
  item = lane == NULL ? NULL : jm_edit_add_item (stack, ASSISTANT_STATE, JM_ITEM_KIND_TOUCHPOINT,
                                                 jm_object_get_id (JM_OBJECT (stage)),
                                                 jm_object_get_id (JM_OBJECT (lane)), -1,
                                                 jm_kind_get_label (jm_kinds_lookup (JM_TYPE_CHANNEL, channel)),
                                                 error);
  ok = item != NULL && jm_edit_set_enum (stack, item, "channel", channel, error);
  if (!ok)
    {
      jm_command_stack_cancel_group (stack);
      return FALSE;
    }

  jm_command_stack_end_group (stack);
  return TRUE;
}

/* }}} */

/* Moments of Truth {{{ */

/**
 * jm_assistant_list_moment_candidates:
 *
 * Returns: (transfer container): the items a Moment of Truth can be: the
 * touchpoints and cards of the current state, stage by stage
 */
GPtrArray *
jm_assistant_list_moment_candidates (JmDocument *document)
{
  JmObjectStore *stages;
  JmObjectStore *items;
  GPtrArray *candidates = g_ptr_array_new ();

  g_return_val_if_fail (JM_IS_DOCUMENT (document), candidates);

  stages = jm_document_get_stages (document);
  items = assistant_items (document);
  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    {
      const char *stage_id = jm_object_get_id (jm_object_store_get_object (stages, s));

      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        {
          JmItem *item = jm_object_store_get_object (items, i);
          JmItemKind kind = jm_item_get_kind (item);

          if ((kind == JM_ITEM_KIND_TOUCHPOINT || kind == JM_ITEM_KIND_CARD) &&
              g_strcmp0 (jm_item_get_stage_id (item), stage_id) == 0)
            g_ptr_array_add (candidates, item);
        }
    }

  return candidates;
}

/* }}} */

/* Emotional curve {{{ */

/* @persona's point in @stage (its first, if it has several), or %NULL. */
JmEmotionPoint *
jm_assistant_find_point (JmDocument *document,
                         JmPersona  *persona,
                         JmStage    *stage)
{
  JmObjectStore *points;
  const char *persona_id;
  const char *stage_id;
  JmEmotionPoint *found = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (JM_IS_PERSONA (persona), NULL);
  g_return_val_if_fail (JM_IS_STAGE (stage), NULL);

  points = jm_layer_get_points (jm_document_get_layer (document, ASSISTANT_STATE));
  persona_id = jm_object_get_id (JM_OBJECT (persona));
  stage_id = jm_object_get_id (JM_OBJECT (stage));
  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (g_strcmp0 (jm_emotion_point_get_persona_id (point), persona_id) == 0 &&
          g_strcmp0 (jm_emotion_point_get_stage_id (point), stage_id) == 0 &&
          (found == NULL || jm_emotion_point_get_position (point) < jm_emotion_point_get_position (found)))
        found = point;
    }

  return found;
}

/**
 * jm_assistant_set_score:
 * @score: from -5 to +5
 *
 * Gives @persona's curve @score in @stage: moves its point there, or adds
 * one in the middle of the stage. One undo step; nothing if the score is
 * already so.
 */
gboolean
jm_assistant_set_score (JmCommandStack  *stack,
                        JmPersona       *persona,
                        JmStage         *stage,
                        int              score,
                        GError         **error)
{
  JmEmotionPoint *point;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);

  point = jm_assistant_find_point (jm_command_stack_get_document (stack), persona, stage);
  if (point != NULL)
    {
      if (jm_emotion_point_get_score (point) == score)
        return TRUE;
      return jm_edit_move_emotion_point (stack, point, jm_emotion_point_get_stage_id (point),
                                         jm_emotion_point_get_position (point), score, error);
    }

  return jm_edit_add_emotion_point (stack, ASSISTANT_STATE, jm_object_get_id (JM_OBJECT (persona)),
                                    jm_object_get_id (JM_OBJECT (stage)), 0.5, score, NULL, error) != NULL;
}

/* }}} */

/* Review {{{ */

static JmAssistantCheckKind
assistant_check_kind (JmInsightCheckKind kind)
{
  switch (kind)
    {
    case JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION:
      return JM_ASSISTANT_CHECK_STAGE_WITHOUT_EMOTION;
    case JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT:
      return JM_ASSISTANT_CHECK_PAIN_POINT_UNANSWERED;
    case JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE:
      return JM_ASSISTANT_CHECK_MOMENT_WITHOUT_RATIONALE;
    case JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS:
      return JM_ASSISTANT_CHECK_PERSONA_WITHOUT_GOALS;
    case JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS:
    default:
      return JM_ASSISTANT_CHECK_STAGE_WITHOUT_TOUCHPOINTS;
    }
}

/**
 * jm_assistant_check:
 *
 * What the map still lacks by the method, in the current state: the
 * insights' completeness checks (a stage without an emotion point of a
 * persona or without touchpoints, a persona without goals, a Moment of
 * Truth without a rationale, a pain point no opportunity answers by a
 * link).
 *
 * Returns: (transfer full) (element-type JmAssistantCheck): the problems found
 */
GPtrArray *
jm_assistant_check (JmDocument *document)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_assistant_check_free);
  g_autoptr(JmInsights) insights = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), checks);

  /* The facilitator's checks are the insights' (insights/), one list for
   * the review and the Insights panel. */
  insights = jm_insights_compute (document, ASSISTANT_STATE);
  for (guint i = 0; i < insights->checks->len; i++)
    {
      const JmInsightCheck *found = g_ptr_array_index (insights->checks, i);
      JmAssistantCheck *check = g_new0 (JmAssistantCheck, 1);

      check->kind = assistant_check_kind (found->kind);
      check->object_id = g_strdup (found->object_id);
      check->message = g_strdup (found->message);
      g_ptr_array_add (checks, check);
    }

  return checks;
}

/* }}} */
