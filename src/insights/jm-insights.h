/* jm-insights.h: what a map says, in figures, and what it still lacks
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"

G_BEGIN_DECLS

/* The completeness checks, in the order they are listed. Their nicks
 * (jm_insight_check_kind_to_nick()) are the "check" values of the JSON
 * output: renaming one changes a documented format (docs/insights.md). */
typedef enum
{
  JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION,
  JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT,
  JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE,
  JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS,
  JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS,
} JmInsightCheckKind;

/* One persona's emotion points in one stage. */
typedef struct
{
  guint  n_points;
  double mean;           /* the figures are 0 when n_points is 0 */
  double lowest;
  double highest;
  double share_positive; /* of the points, the share scored above zero: 0–1 */
} JmInsightCurve;

typedef struct
{
  char           *stage_id;
  char           *name;
  guint           n_pain_points;
  guint           n_opportunities;
  guint           n_touchpoints;
  JmInsightCurve *curves;  /* one per persona, in the map's order of personas */
} JmInsightStage;

typedef struct
{
  char *persona_id;
  char *name;
  /* The persona's lowest point of the journey (the first in stage and
   * position order of those with the lowest score), or NULL. */
  char   *low_point_id;
  char   *low_stage_id;
  double  low_score;
  char   *low_label;
} JmInsightPersona;

typedef struct
{
  JmChannel channel;
  guint     n_touchpoints;
} JmInsightChannel;

typedef struct
{
  char         *item_id;
  char         *title;
  char         *stage_id;
  JmMomentKind  kind;
  char         *label;     /* a custom kind's name, or NULL */
  char         *rationale; /* NULL when there is none */
} JmInsightMoment;

typedef struct
{
  JmInsightCheckKind  kind;
  char               *object_id;  /* what to select: stage, item or persona */
  char               *stage_id;   /* the stage concerned, or NULL */
  char               *persona_id; /* the persona concerned, or NULL */
  char               *message;    /* in the user's language */
} JmInsightCheck;

/* Future against current, per stage and persona. */
typedef struct
{
  char     *stage_id;
  char     *persona_id;
  gboolean  has_current;
  gboolean  has_future;
  double    current_mean;
  double    future_mean;
} JmInsightChange;

typedef struct
{
  char *item_id;
  char *title;
  char *stage_id;
} JmInsightRemoved;

/* An opportunity with its scores (format 1.1); -1 for what is not scored. */
typedef struct
{
  char   *item_id;
  char   *title;
  char   *stage_id;
  double  customer_value;
  double  business_value;
  double  effort;
  double  priority;
} JmInsightOpportunity;

typedef struct
{
  JmLayerState state;
  char        *title;
  GPtrArray   *personas;  /* JmInsightPersona, in the map's order */
  GPtrArray   *stages;    /* JmInsightStage, in the map's order */
  GArray      *channels;  /* JmInsightChannel with touchpoints, in channel order */
  GPtrArray   *moments;   /* JmInsightMoment, in map order */
  GPtrArray   *checks;    /* JmInsightCheck, by kind, then in map order */
  GPtrArray   *opportunities; /* JmInsightOpportunity, highest priority first, the
                               * unprioritised after them in map order */
  /* Set when the map has a future state: its change from the current one. */
  gboolean     compared;
  GPtrArray   *changes;   /* JmInsightChange, per stage then persona */
  GPtrArray   *removed;   /* JmInsightRemoved: current pain points the future lacks */
} JmInsights;

JmInsights *jm_insights_compute                (JmDocument         *document,
                                                JmLayerState        state);
void        jm_insights_free                   (JmInsights         *insights);
const char *jm_insight_check_kind_to_nick      (JmInsightCheckKind  kind);
const JmInsightStage *jm_insights_lookup_stage (JmInsights         *insights,
                                                const char         *stage_id);

typedef struct _JmInsightsJob JmInsightsJob;

JmInsightsJob *jm_insights_job_new             (JmDocument         *document,
                                                JmLayerState        state);
gboolean    jm_insights_job_step               (JmInsightsJob      *job,
                                                gint64              budget_us);
JmInsights *jm_insights_job_finish             (JmInsightsJob      *job);
void        jm_insights_job_free               (JmInsightsJob      *job);

char       *jm_insights_format_text            (JmInsights         *insights);
char       *jm_insights_format_json            (JmInsights         *insights);
char       *jm_insights_format_csv             (JmInsights         *insights);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmInsights, jm_insights_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmInsightsJob, jm_insights_job_free)

G_END_DECLS
