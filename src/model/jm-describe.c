/* jm-describe.c: the full spoken name of any object of a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jm-describe.h"

#include "model/jm-kinds.h"

/* A screen reader reads one name for an object, and the outline, the
 * canvas and the inspector must all read the same one: what a sighted user
 * gets from the object's place on the map (its stage and lane, its flag,
 * the curve it sits on) is spelled out here, once. Parts that are unknown
 * (no role, no feeling, a dangling reference) are left out rather than
 * read as empty. */

static const char *
name_or_untitled (const char *name)
{
  return name != NULL && *name != '\0' ? name : _("Untitled");
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
stage_name (JmDocument *document,
            const char *stage_id)
{
  JmStage *stage = stage_id != NULL ? jm_document_lookup_stage (document, stage_id) : NULL;

  return stage != NULL ? name_or_untitled (jm_stage_get_name (stage)) : NULL;
}

static const char *
item_title (JmDocument   *document,
            JmLayerState  state,
            const char   *item_id)
{
  JmItem *item = item_id != NULL ? jm_layer_lookup_item (jm_document_get_layer (document, state), item_id) : NULL;

  /* Translators: the end of a link whose item is not on the map. */
  return item != NULL ? name_or_untitled (jm_item_get_title (item)) : _("a missing item");
}

/* "Moment of Truth (first)", or NULL for an item that is not one. */
static char *
describe_moment (JmItem *item)
{
  const char *label = jm_item_get_moment_label (item);

  switch (jm_item_get_moment (item))
    {
    case JM_MOMENT_KIND_NONE:
      return NULL;
    case JM_MOMENT_KIND_ZERO:
      return g_strdup (_("Moment of Truth (zero)"));
    case JM_MOMENT_KIND_FIRST:
      return g_strdup (_("Moment of Truth (first)"));
    case JM_MOMENT_KIND_SECOND:
      return g_strdup (_("Moment of Truth (second)"));
    case JM_MOMENT_KIND_CUSTOM:
    default:
      if (!has_text (label))
        return g_strdup (_("Moment of Truth (custom)"));
      /* Translators: a Moment of Truth the user named, as in "Moment of Truth (Moment of trust)". */
      return g_strdup_printf (_("Moment of Truth (%s)"), label);
    }
}

static char *
describe_item (JmDocument *document,
               JmItem     *item)
{
  const JmKind *kind = jm_kinds_lookup (JM_TYPE_ITEM_KIND, jm_item_get_kind (item));
  JmLane *lane = jm_document_lookup_lane (document, jm_item_get_lane_id (item));
  const char *stage = stage_name (document, jm_item_get_stage_id (item));
  g_autofree char *moment = describe_moment (item);
  g_autofree char *kind_name = NULL;
  GString *text;

  if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT && jm_item_get_channel (item) != JM_CHANNEL_NONE)
    {
      const JmKind *channel = jm_kinds_lookup (JM_TYPE_CHANNEL, jm_item_get_channel (item));

      /* Translators: a touchpoint and its channel, as in "Touchpoint (Email)". */
      kind_name = g_strdup_printf (_("%s (%s)"), jm_kind_get_label (kind),
                                   channel != NULL ? jm_kind_get_label (channel) : "");
    }
  else
    {
      kind_name = g_strdup (kind != NULL ? jm_kind_get_label (kind) : _("Item"));
    }

  text = g_string_new (NULL);
  /* Translators: an item's kind and title, as in "Card: Reads reviews". */
  g_string_append_printf (text, _("%s: %s"), kind_name, name_or_untitled (jm_item_get_title (item)));
  if (moment != NULL)
    g_string_append_printf (text, ", %s", moment);
  if (stage != NULL && lane != NULL)
    /* Translators: the cell of an item, stage × lane, as in ", Consideration × Customer actions". */
    g_string_append_printf (text, _(", %s × %s"), stage, name_or_untitled (jm_lane_get_name (lane)));

  return g_string_free (text, FALSE);
}

static char *
describe_point (JmDocument     *document,
                JmEmotionPoint *point)
{
  double score = jm_emotion_point_get_score (point);
  const char *feeling = jm_emotion_point_get_label (point);
  const char *stage = stage_name (document, jm_emotion_point_get_stage_id (point));
  JmPersona *persona = NULL;
  g_autofree char *score_text = NULL;
  GString *text;

  if (jm_emotion_point_get_persona_id (point) != NULL)
    persona = jm_document_lookup_persona (document, jm_emotion_point_get_persona_id (point));

  /* A good feeling is read with its sign, as the curve's scale shows it. */
  score_text = score == 0.0 ? g_strdup ("0") : g_strdup_printf ("%+g", score);

  text = g_string_new (NULL);
  /* Translators: an emotion point and its score, as in "Emotion point: +3". */
  g_string_append_printf (text, _("Emotion point: %s"), score_text);
  if (has_text (feeling))
    g_string_append_printf (text, ", %s", feeling);
  if (stage != NULL)
    g_string_append_printf (text, ", %s", stage);
  if (persona != NULL)
    /* Translators: whose curve an emotion point is on, as in ", persona Maya". */
    g_string_append_printf (text, _(", persona %s"), name_or_untitled (jm_persona_get_name (persona)));

  return g_string_free (text, FALSE);
}

static char *
describe_link (JmDocument   *document,
               JmLayerState  state,
               JmLink       *link)
{
  const char *label = jm_link_get_label (link);
  GString *text = g_string_new (NULL);

  /* Translators: a link between two items, by their titles. */
  g_string_append_printf (text, _("Link: from %s to %s"),
                          item_title (document, state, jm_link_get_from_id (link)),
                          item_title (document, state, jm_link_get_to_id (link)));
  if (has_text (label))
    /* Translators: the label of a link, as in ", label leads to". */
    g_string_append_printf (text, _(", label %s"), label);

  return g_string_free (text, FALSE);
}

static char *
describe_stage (JmDocument *document,
                JmStage    *stage)
{
  JmObjectStore *stages = jm_document_get_stages (document);
  int index = jm_document_get_stage_index (document, jm_object_get_id (JM_OBJECT (stage)));

  if (index < 0)
    /* Translators: a stage that is no longer on the map. */
    return g_strdup_printf (_("Stage: %s"), name_or_untitled (jm_stage_get_name (stage)));

  /* Translators: a stage and where it is, as in "Stage 2 of 5: Consideration". */
  return g_strdup_printf (_("Stage %d of %u: %s"), index + 1, jm_object_store_get_n_objects (stages),
                          name_or_untitled (jm_stage_get_name (stage)));
}

static char *
describe_persona (JmPersona *persona)
{
  const char *name = name_or_untitled (jm_persona_get_name (persona));
  const char *role = jm_persona_get_role (persona);

  if (!has_text (role))
    /* Translators: a persona, as in "Persona: Maya". */
    return g_strdup_printf (_("Persona: %s"), name);

  /* Translators: a persona and her role, as in "Persona: Maya, first-time buyer". */
  return g_strdup_printf (_("Persona: %s, %s"), name, role);
}

/**
 * jm_describe_object:
 * @document: the map @object is on
 * @state: the state whose items a link's ends are looked up in
 * @object: a stage, lane, persona, item, emotion point or link of @document
 *
 * The full name of @object, as a screen reader should read it, translated:
 * "Card: Reads reviews, Moment of Truth (first), Consideration × Customer
 * actions", "Stage 2 of 5: Consideration", "Lane: Pain points", "Persona:
 * Maya, first-time buyer", "Emotion point: +3, Delighted, Consideration,
 * persona Maya", "Link: from Sees an ad to Reads reviews, label leads to".
 *
 * Returns: (transfer full): the name
 */
char *
jm_describe_object (JmDocument   *document,
                    JmLayerState  state,
                    JmObject     *object)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (JM_IS_OBJECT (object), NULL);

  if (JM_IS_ITEM (object))
    return describe_item (document, JM_ITEM (object));
  if (JM_IS_STAGE (object))
    return describe_stage (document, JM_STAGE (object));
  if (JM_IS_LANE (object))
    /* Translators: a lane, as in "Lane: Pain points". */
    return g_strdup_printf (_("Lane: %s"), name_or_untitled (jm_lane_get_name (JM_LANE (object))));
  if (JM_IS_PERSONA (object))
    return describe_persona (JM_PERSONA (object));
  if (JM_IS_EMOTION_POINT (object))
    return describe_point (document, JM_EMOTION_POINT (object));
  if (JM_IS_LINK (object))
    return describe_link (document, state, JM_LINK (object));

  return g_strdup (jm_object_get_id (object));
}
