/* jm-insights-format.c: insights as text, JSON and CSV
 *
 * The text is for people, in their language; JSON and CSV are for other
 * programs: their keys and values never change with the language, and
 * their numbers always have a decimal point. docs/insights.md documents
 * both shapes.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-insights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-insights.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"

/* The version of the JSON shape; raised when a key changes meaning or
 * goes (keys may be added without it). */
#define JM_INSIGHTS_JSON_VERSION 1

/* Scores and shares are rounded to four decimals in JSON and CSV. */
static void
append_ascii_number (GString *out,
                     double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (value * 10000.0) / 10000.0;

  /* no "-0" */
  if (rounded == 0.0)
    rounded = 0.0;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", rounded));
  /* 1.5000 → 1.5, 2.0000 → 2 */
  while (out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
  if (out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
}

/* A score for people: at most two decimals, in the locale's way. */
static char *
dup_local_number (double value)
{
  char *text = g_strdup_printf ("%.2f", round (value * 100.0) / 100.0 + 0.0);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  /* the locale's decimal separator, whatever it is */
  if (len > 0 && !g_ascii_isdigit (text[len - 1]))
    text[--len] = '\0';
  if (g_str_equal (text, "-0"))
    {
      g_free (text);
      text = g_strdup ("0");
    }

  return text;
}

static const char *
stage_name_of (JmInsights *insights,
               const char *stage_id)
{
  const JmInsightStage *stage = jm_insights_lookup_stage (insights, stage_id);

  return stage != NULL ? stage->name : stage_id;
}

static const char *
persona_name_of (JmInsights *insights,
                 const char *persona_id)
{
  for (guint i = 0; i < insights->personas->len; i++)
    {
      JmInsightPersona *persona = g_ptr_array_index (insights->personas, i);

      if (g_strcmp0 (persona->persona_id, persona_id) == 0)
        return persona->name;
    }

  return persona_id;
}

static const char *
moment_kind_label (const JmInsightMoment *moment)
{
  if (moment->label != NULL)
    return moment->label;

  return jm_kind_get_label (jm_kinds_lookup (JM_TYPE_MOMENT_KIND, moment->kind));
}

/* Text {{{ */

static void
append_curve_text (GString              *out,
                   const char           *persona,
                   const JmInsightCurve *curve)
{
  g_autofree char *mean = NULL;
  g_autofree char *lowest = NULL;
  g_autofree char *highest = NULL;
  g_autofree char *share = NULL;

  if (curve->n_points == 0)
    {
      /* TRANSLATORS: a persona with no emotion points in a stage */
      g_string_append_printf (out, _("  %s: no emotion points\n"), persona);
      return;
    }

  mean = dup_local_number (curve->mean);
  lowest = dup_local_number (curve->lowest);
  highest = dup_local_number (curve->highest);
  share = dup_local_number (100.0 * curve->share_positive);
  g_string_append_printf (out,
                          /* TRANSLATORS: a persona's emotion in a stage: the mean, lowest and
                           * highest score, then the share of the points scored above zero
                           * as a percentage, then the number of points */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "  %s: mean %s (lowest %s, highest %s), %s%% above zero, %u point\n",
                                       "  %s: mean %s (lowest %s, highest %s), %s%% above zero, %u points\n",
                                       curve->n_points),
                          persona, mean, lowest, highest, share, curve->n_points);
}

/**
 * jm_insights_format_text:
 * @insights: insights
 *
 * Returns: (transfer full): the insights for people, in their language
 */
char *
jm_insights_format_text (JmInsights *insights)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (insights != NULL, NULL);

  g_string_append_printf (out, "%s — %s\n", insights->title,
                          insights->state == JM_LAYER_STATE_FUTURE ? _("future state")
                                                                   : _("current state"));

  for (guint s = 0; s < insights->stages->len; s++)
    {
      JmInsightStage *stage = g_ptr_array_index (insights->stages, s);
      g_autofree char *pains = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pain point",
                                                             "%u pain points", stage->n_pain_points),
                                                stage->n_pain_points);
      g_autofree char *opportunities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u opportunity",
                                                                     "%u opportunities",
                                                                     stage->n_opportunities),
                                                        stage->n_opportunities);
      g_autofree char *touchpoints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint",
                                                                   "%u touchpoints", stage->n_touchpoints),
                                                      stage->n_touchpoints);

      g_string_append_printf (out, "\n%s: %s · %s · %s\n", stage->name, pains, opportunities, touchpoints);
      for (guint p = 0; p < insights->personas->len; p++)
        append_curve_text (out, ((JmInsightPersona *) g_ptr_array_index (insights->personas, p))->name,
                           &stage->curves[p]);
    }

  if (insights->personas->len > 0)
    g_string_append_printf (out, "\n%s\n", _("Lowest moments"));
  for (guint p = 0; p < insights->personas->len; p++)
    {
      JmInsightPersona *persona = g_ptr_array_index (insights->personas, p);
      g_autofree char *score = NULL;

      if (persona->low_point_id == NULL)
        {
          g_string_append_printf (out, _("  %s: no emotion points\n"), persona->name);
          continue;
        }

      score = dup_local_number (persona->low_score);
      if (persona->low_label != NULL)
        /* TRANSLATORS: a persona, the lowest score of the journey, its stage and its label */
        g_string_append_printf (out, _("  %s: %s in “%s” (“%s”)\n"), persona->name, score,
                                stage_name_of (insights, persona->low_stage_id), persona->low_label);
      else
        g_string_append_printf (out, _("  %s: %s in “%s”\n"), persona->name, score,
                                stage_name_of (insights, persona->low_stage_id));
    }

  g_string_append_printf (out, "\n%s\n", _("Touchpoints by channel"));
  if (insights->channels->len == 0)
    g_string_append_printf (out, "  %s\n", _("No touchpoints."));
  for (guint c = 0; c < insights->channels->len; c++)
    {
      JmInsightChannel *channel = &g_array_index (insights->channels, JmInsightChannel, c);

      g_string_append_printf (out, "  %s: %u\n",
                              jm_kind_get_label (jm_kinds_lookup (JM_TYPE_CHANNEL, channel->channel)),
                              channel->n_touchpoints);
    }

  g_string_append_printf (out, "\n%s\n", _("Moments of Truth"));
  if (insights->moments->len == 0)
    g_string_append_printf (out, "  %s\n", _("No Moments of Truth."));
  for (guint m = 0; m < insights->moments->len; m++)
    {
      JmInsightMoment *moment = g_ptr_array_index (insights->moments, m);

      /* TRANSLATORS: a Moment of Truth: its stage, its kind, the item's title, its rationale */
      g_string_append_printf (out, _("  %s, %s: “%s”: %s\n"), stage_name_of (insights, moment->stage_id),
                              moment_kind_label (moment), moment->title,
                              moment->rationale != NULL ? moment->rationale : _("no rationale"));
    }

  g_string_append_printf (out, "\n%s\n", _("Opportunities by priority"));
  if (insights->opportunities->len == 0)
    g_string_append_printf (out, "  %s\n", _("No opportunities."));
  for (guint i = 0; i < insights->opportunities->len; i++)
    {
      JmInsightOpportunity *opportunity = g_ptr_array_index (insights->opportunities, i);
      const char *stage = stage_name_of (insights, opportunity->stage_id);
      g_autofree char *priority = NULL;
      g_autofree char *customer = NULL;
      g_autofree char *business = NULL;
      g_autofree char *effort = NULL;

      if (opportunity->priority < 0)
        {
          /* TRANSLATORS: an opportunity without all three scores, and its stage */
          g_string_append_printf (out, _("  not prioritised: “%s” in “%s”\n"), opportunity->title, stage);
          continue;
        }

      priority = dup_local_number (opportunity->priority);
      customer = dup_local_number (opportunity->customer_value);
      business = dup_local_number (opportunity->business_value);
      effort = dup_local_number (opportunity->effort);
      /* TRANSLATORS: an opportunity's priority, title, stage, and its three scores */
      g_string_append_printf (out, _("  %s: “%s” in “%s” (customer value %s, business value %s, effort %s)\n"),
                              priority, opportunity->title, stage, customer, business, effort);
    }

  g_string_append_printf (out, "\n%s\n", _("Checks"));
  if (insights->checks->len == 0)
    g_string_append_printf (out, "  %s\n", _("Nothing is missing."));
  for (guint i = 0; i < insights->checks->len; i++)
    g_string_append_printf (out, "  %s\n", ((JmInsightCheck *) g_ptr_array_index (insights->checks, i))->message);

  if (!insights->compared)
    return g_string_free (out, FALSE);

  g_string_append_printf (out, "\n%s\n", _("Future state against the current state"));
  for (guint i = 0; i < insights->changes->len; i++)
    {
      JmInsightChange *change = g_ptr_array_index (insights->changes, i);
      const char *stage = stage_name_of (insights, change->stage_id);
      const char *persona = persona_name_of (insights, change->persona_id);
      g_autofree char *before = dup_local_number (change->current_mean);
      g_autofree char *after = dup_local_number (change->future_mean);
      g_autofree char *delta = NULL;

      if (!change->has_current && !change->has_future)
        continue;
      if (!change->has_current)
        {
          /* TRANSLATORS: stage, persona: only the future state has points there */
          g_string_append_printf (out, _("  %s, %s: mean %s, no points in the current state\n"), stage,
                                  persona, after);
          continue;
        }
      if (!change->has_future)
        {
          g_string_append_printf (out, _("  %s, %s: mean %s, no points in the future state\n"), stage,
                                  persona, before);
          continue;
        }

      delta = dup_local_number (change->future_mean - change->current_mean);
      /* TRANSLATORS: stage, persona: the mean score now, in the future state, and the change */
      g_string_append_printf (out, _("  %s, %s: mean %s → %s (%s%s)\n"), stage, persona, before, after,
                              change->future_mean - change->current_mean > 0.005 ? "+" : "", delta);
    }

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u pain point removed\n",
                                            "%u pain points removed\n", insights->removed->len),
                          insights->removed->len);
  for (guint i = 0; i < insights->removed->len; i++)
    {
      JmInsightRemoved *removed = g_ptr_array_index (insights->removed, i);

      /* TRANSLATORS: a pain point's title and its stage */
      g_string_append_printf (out, _("  “%s” in “%s”\n"), removed->title,
                              stage_name_of (insights, removed->stage_id));
    }

  return g_string_free (out, FALSE);
}

/* }}} */

/* JSON {{{ */

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_key (GString    *out,
                 const char *indent,
                 const char *key)
{
  g_string_append_printf (out, "%s\"%s\": ", indent, key);
}

static void
append_json_number_or_null (GString  *out,
                            gboolean  known,
                            double    value)
{
  if (known)
    append_ascii_number (out, value);
  else
    g_string_append (out, "null");
}

static void
append_json_curve (GString              *out,
                   const char           *persona_id,
                   const JmInsightCurve *curve)
{
  gboolean known = curve->n_points > 0;

  g_string_append (out, "{ \"persona\": ");
  append_json_string (out, persona_id);
  g_string_append_printf (out, ", \"points\": %u, \"mean\": ", curve->n_points);
  append_json_number_or_null (out, known, curve->mean);
  g_string_append (out, ", \"lowest\": ");
  append_json_number_or_null (out, known, curve->lowest);
  g_string_append (out, ", \"highest\": ");
  append_json_number_or_null (out, known, curve->highest);
  g_string_append (out, ", \"share_above_zero\": ");
  append_json_number_or_null (out, known, curve->share_positive);
  g_string_append (out, " }");
}

/**
 * jm_insights_format_json:
 * @insights: insights
 *
 * Returns: (transfer full): the insights as JSON (docs/insights.md)
 */
char *
jm_insights_format_json (JmInsights *insights)
{
  GString *out = g_string_new ("{\n");

  g_return_val_if_fail (insights != NULL, NULL);

  g_string_append_printf (out, "  \"version\": %d,\n", JM_INSIGHTS_JSON_VERSION);
  append_json_key (out, "  ", "title");
  append_json_string (out, insights->title);
  g_string_append_printf (out, ",\n  \"layer\": \"%s\",\n",
                          insights->state == JM_LAYER_STATE_FUTURE ? "future" : "current");

  g_string_append (out, "  \"personas\": [");
  for (guint p = 0; p < insights->personas->len; p++)
    {
      JmInsightPersona *persona = g_ptr_array_index (insights->personas, p);

      g_string_append (out, p > 0 ? ",\n    { \"id\": " : "\n    { \"id\": ");
      append_json_string (out, persona->persona_id);
      g_string_append (out, ", \"name\": ");
      append_json_string (out, persona->name);
      g_string_append (out, ", \"lowest_moment\": ");
      if (persona->low_point_id == NULL)
        g_string_append (out, "null");
      else
        {
          g_string_append (out, "{ \"point\": ");
          append_json_string (out, persona->low_point_id);
          g_string_append (out, ", \"stage\": ");
          append_json_string (out, persona->low_stage_id);
          g_string_append (out, ", \"score\": ");
          append_ascii_number (out, persona->low_score);
          g_string_append (out, ", \"label\": ");
          append_json_string (out, persona->low_label);
          g_string_append (out, " }");
        }
      g_string_append (out, " }");
    }
  g_string_append (out, insights->personas->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"stages\": [");
  for (guint s = 0; s < insights->stages->len; s++)
    {
      JmInsightStage *stage = g_ptr_array_index (insights->stages, s);

      g_string_append (out, s > 0 ? ",\n    {\n" : "\n    {\n");
      append_json_key (out, "      ", "id");
      append_json_string (out, stage->stage_id);
      g_string_append (out, ",\n");
      append_json_key (out, "      ", "name");
      append_json_string (out, stage->name);
      g_string_append_printf (out, ",\n      \"pain_points\": %u,\n      \"opportunities\": %u,\n"
                                   "      \"touchpoints\": %u,\n      \"emotions\": [",
                              stage->n_pain_points, stage->n_opportunities, stage->n_touchpoints);
      for (guint p = 0; p < insights->personas->len; p++)
        {
          g_string_append (out, p > 0 ? ",\n        " : "\n        ");
          append_json_curve (out, ((JmInsightPersona *) g_ptr_array_index (insights->personas, p))->persona_id,
                             &stage->curves[p]);
        }
      g_string_append (out, insights->personas->len > 0 ? "\n      ]\n    }" : "]\n    }");
    }
  g_string_append (out, insights->stages->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"touchpoints_by_channel\": [");
  for (guint c = 0; c < insights->channels->len; c++)
    {
      JmInsightChannel *channel = &g_array_index (insights->channels, JmInsightChannel, c);

      g_string_append_printf (out, "%s{ \"channel\": \"%s\", \"touchpoints\": %u }", c > 0 ? ",\n    " : "\n    ",
                              jm_enum_to_nick (JM_TYPE_CHANNEL, channel->channel), channel->n_touchpoints);
    }
  g_string_append (out, insights->channels->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"moments_of_truth\": [");
  for (guint m = 0; m < insights->moments->len; m++)
    {
      JmInsightMoment *moment = g_ptr_array_index (insights->moments, m);

      g_string_append (out, m > 0 ? ",\n    { \"item\": " : "\n    { \"item\": ");
      append_json_string (out, moment->item_id);
      g_string_append (out, ", \"title\": ");
      append_json_string (out, moment->title);
      g_string_append (out, ", \"stage\": ");
      append_json_string (out, moment->stage_id);
      g_string_append_printf (out, ", \"kind\": \"%s\", \"label\": ",
                              jm_enum_to_nick (JM_TYPE_MOMENT_KIND, moment->kind));
      append_json_string (out, moment->label);
      g_string_append (out, ", \"rationale\": ");
      append_json_string (out, moment->rationale);
      g_string_append (out, " }");
    }
  g_string_append (out, insights->moments->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"opportunities\": [");
  for (guint i = 0; i < insights->opportunities->len; i++)
    {
      JmInsightOpportunity *opportunity = g_ptr_array_index (insights->opportunities, i);

      g_string_append (out, i > 0 ? ",\n    { \"item\": " : "\n    { \"item\": ");
      append_json_string (out, opportunity->item_id);
      g_string_append (out, ", \"title\": ");
      append_json_string (out, opportunity->title);
      g_string_append (out, ", \"stage\": ");
      append_json_string (out, opportunity->stage_id);
      g_string_append (out, ", \"customer_value\": ");
      append_json_number_or_null (out, opportunity->customer_value >= 0, opportunity->customer_value);
      g_string_append (out, ", \"business_value\": ");
      append_json_number_or_null (out, opportunity->business_value >= 0, opportunity->business_value);
      g_string_append (out, ", \"effort\": ");
      append_json_number_or_null (out, opportunity->effort >= 0, opportunity->effort);
      g_string_append (out, ", \"priority\": ");
      append_json_number_or_null (out, opportunity->priority >= 0, opportunity->priority);
      g_string_append (out, " }");
    }
  g_string_append (out, insights->opportunities->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"checks\": [");
  for (guint i = 0; i < insights->checks->len; i++)
    {
      JmInsightCheck *check = g_ptr_array_index (insights->checks, i);

      g_string_append_printf (out, "%s{ \"check\": \"%s\", \"object\": ", i > 0 ? ",\n    " : "\n    ",
                              jm_insight_check_kind_to_nick (check->kind));
      append_json_string (out, check->object_id);
      g_string_append (out, ", \"stage\": ");
      append_json_string (out, check->stage_id);
      g_string_append (out, ", \"persona\": ");
      append_json_string (out, check->persona_id);
      g_string_append (out, ", \"message\": ");
      append_json_string (out, check->message);
      g_string_append (out, " }");
    }
  g_string_append (out, insights->checks->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"comparison\": ");
  if (!insights->compared)
    {
      g_string_append (out, "null\n}\n");
      return g_string_free (out, FALSE);
    }

  g_string_append (out, "{\n    \"stages\": [");
  for (guint i = 0; i < insights->changes->len; i++)
    {
      JmInsightChange *change = g_ptr_array_index (insights->changes, i);
      gboolean both = change->has_current && change->has_future;

      g_string_append (out, i > 0 ? ",\n      { \"stage\": " : "\n      { \"stage\": ");
      append_json_string (out, change->stage_id);
      g_string_append (out, ", \"persona\": ");
      append_json_string (out, change->persona_id);
      g_string_append (out, ", \"current_mean\": ");
      append_json_number_or_null (out, change->has_current, change->current_mean);
      g_string_append (out, ", \"future_mean\": ");
      append_json_number_or_null (out, change->has_future, change->future_mean);
      g_string_append (out, ", \"change\": ");
      append_json_number_or_null (out, both, change->future_mean - change->current_mean);
      g_string_append (out, " }");
    }
  g_string_append (out, insights->changes->len > 0 ? "\n    ],\n" : "],\n");

  g_string_append (out, "    \"pain_points_removed\": [");
  for (guint i = 0; i < insights->removed->len; i++)
    {
      JmInsightRemoved *removed = g_ptr_array_index (insights->removed, i);

      g_string_append (out, i > 0 ? ",\n      { \"item\": " : "\n      { \"item\": ");
      append_json_string (out, removed->item_id);
      g_string_append (out, ", \"title\": ");
      append_json_string (out, removed->title);
      g_string_append (out, ", \"stage\": ");
      append_json_string (out, removed->stage_id);
      g_string_append (out, " }");
    }
  g_string_append (out, insights->removed->len > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");

  return g_string_free (out, FALSE);
}

/* }}} */

/* CSV {{{ */

/* A text cell: quoted when it must be (RFC 4180), and guarded by an
 * apostrophe when a spreadsheet would take it for a formula, as the CSV
 * export does. */
static void
append_csv_text (GString    *out,
                 const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;
  const char *start = text;

  while (*start == '\'')
    start++;

  if (quote)
    g_string_append_c (out, '"');
  if (*start != '\0' && strchr ("=+-@\t\r", *start) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/**
 * jm_insights_format_csv:
 * @insights: insights
 *
 * One row per stage and persona (one per stage in a map without
 * personas), with the stage's counts on each row.
 *
 * Returns: (transfer full): the figures per stage as CSV (docs/insights.md)
 */
char *
jm_insights_format_csv (JmInsights *insights)
{
  GString *out = g_string_new ("stage,stage_name,persona,persona_name,points,mean,lowest,highest,"
                               "share_above_zero,pain_points,opportunities,touchpoints\r\n");

  g_return_val_if_fail (insights != NULL, NULL);

  for (guint s = 0; s < insights->stages->len; s++)
    {
      JmInsightStage *stage = g_ptr_array_index (insights->stages, s);
      guint n_rows = MAX (insights->personas->len, 1);

      for (guint p = 0; p < n_rows; p++)
        {
          JmInsightPersona *persona = p < insights->personas->len ? g_ptr_array_index (insights->personas, p)
                                                                  : NULL;
          const JmInsightCurve *curve = &stage->curves[p];

          append_csv_text (out, stage->stage_id);
          g_string_append_c (out, ',');
          append_csv_text (out, stage->name);
          g_string_append_c (out, ',');
          append_csv_text (out, persona != NULL ? persona->persona_id : "");
          g_string_append_c (out, ',');
          append_csv_text (out, persona != NULL ? persona->name : "");
          g_string_append_printf (out, ",%u,", curve->n_points);
          if (curve->n_points > 0)
            {
              append_ascii_number (out, curve->mean);
              g_string_append_c (out, ',');
              append_ascii_number (out, curve->lowest);
              g_string_append_c (out, ',');
              append_ascii_number (out, curve->highest);
              g_string_append_c (out, ',');
              append_ascii_number (out, curve->share_positive);
            }
          else
            g_string_append (out, ",,,");
          g_string_append_printf (out, ",%u,%u,%u\r\n", stage->n_pain_points, stage->n_opportunities,
                                  stage->n_touchpoints);
        }
    }

  return g_string_free (out, FALSE);
}

/* }}} */
