/* jm-assistant.h: the seven steps of the journey mapping method, on a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "commands/jm-command-stack.h"
#include "model/jm-document.h"

G_BEGIN_DECLS

typedef enum
{
  JM_ASSISTANT_STEP_OBJECTIVES,
  JM_ASSISTANT_STEP_PERSONAS,
  JM_ASSISTANT_STEP_STAGES,
  JM_ASSISTANT_STEP_TOUCHPOINTS,
  JM_ASSISTANT_STEP_MOMENTS,
  JM_ASSISTANT_STEP_EMOTIONS,
  JM_ASSISTANT_STEP_REVIEW,
} JmAssistantStep;

#define JM_ASSISTANT_N_STEPS 7

/* A set of stage names a map can start from. */
typedef struct
{
  const char        *id;
  const char        *name;     /* untranslated; see jm_assistant_stage_model_get_name() */
  const char *const *stages;   /* untranslated, %NULL-terminated */
} JmStageModel;

typedef enum
{
  JM_ASSISTANT_CHECK_STAGE_WITHOUT_EMOTION,
  JM_ASSISTANT_CHECK_PERSONA_WITHOUT_GOALS,
  JM_ASSISTANT_CHECK_MOMENT_WITHOUT_RATIONALE,
  JM_ASSISTANT_CHECK_STAGE_WITHOUT_TOUCHPOINTS,
  JM_ASSISTANT_CHECK_PAIN_POINT_UNANSWERED,
} JmAssistantCheckKind;

/* One thing the review finds missing, on one object of the map. */
typedef struct
{
  JmAssistantCheckKind  kind;
  char                 *object_id;   /* the stage, persona or item */
  char                 *message;     /* translated, names the object */
} JmAssistantCheck;

void                jm_assistant_check_free           (JmAssistantCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmAssistantCheck, jm_assistant_check_free)

const char         *jm_assistant_step_get_title       (JmAssistantStep   step);
gboolean            jm_assistant_step_is_done         (JmDocument       *document,
                                                       JmAssistantStep   step);
int                 jm_assistant_first_step_to_do     (JmDocument       *document);

const JmStageModel *jm_assistant_get_stage_models     (guint            *n_models);
const char         *jm_assistant_stage_model_get_name (const JmStageModel *model);
gboolean            jm_assistant_apply_stage_names    (JmCommandStack   *stack,
                                                       const char *const *names,
                                                       GError          **error);
gboolean            jm_assistant_apply_stage_model    (JmCommandStack   *stack,
                                                       const JmStageModel *model,
                                                       GError          **error);
gboolean            jm_assistant_stage_is_empty       (JmDocument       *document,
                                                       JmStage          *stage);
gboolean            jm_assistant_remove_stage         (JmCommandStack   *stack,
                                                       JmStage          *stage,
                                                       GError          **error);

JmPersona          *jm_assistant_add_persona          (JmCommandStack   *stack,
                                                       const char       *name,
                                                       const char       *role,
                                                       const char       *goals,
                                                       const char       *motivations,
                                                       const char       *frustrations,
                                                       GError          **error);

JmLane             *jm_assistant_get_touchpoint_lane  (JmDocument       *document);
gboolean            jm_assistant_stage_has_channel    (JmDocument       *document,
                                                       JmStage          *stage,
                                                       JmChannel         channel);
gboolean            jm_assistant_set_channel          (JmCommandStack   *stack,
                                                       JmStage          *stage,
                                                       JmChannel         channel,
                                                       gboolean          on,
                                                       GError          **error);

GPtrArray          *jm_assistant_list_moment_candidates (JmDocument     *document);

JmEmotionPoint     *jm_assistant_find_point           (JmDocument       *document,
                                                       JmPersona        *persona,
                                                       JmStage          *stage);
gboolean            jm_assistant_set_score            (JmCommandStack   *stack,
                                                       JmPersona        *persona,
                                                       JmStage          *stage,
                                                       int               score,
                                                       GError          **error);

GPtrArray          *jm_assistant_check                (JmDocument       *document);

G_END_DECLS
