/* jm-outline-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-outline-row.h"

#include <glib/gi18n-lib.h>

#include "model/jm-describe.h"

/* One node of the outline's tree (a GtkTreeListModel's item): a stage, a
 * cell (a lane within a stage), an item, a group heading, a lane, a
 * persona, a persona's curve, an emotion point or a link. Its visible text
 * is short ("Reads reviews"), since its place in the tree says the rest;
 * its name is the full one a screen reader reads (jm_describe_object()),
 * since a screen reader reads one row at a time. Both are made when the
 * row is made, which is when its parent is first expanded, and again when
 * the outline says the map changed (jm_outline_row_update()). The rows
 * under it are the outline's business: it fills the store and keeps it up
 * to date. */
struct _JmOutlineRow
{
  GObject           parent_instance;

  JmOutlineRowKind  kind;
  JmOutlineGroup    group;
  JmObject         *object;   /* for a cell, its lane */
  JmStage          *stage;    /* for a cell */
  GListStore       *children; /* JmOutlineRow, made on demand */
  char             *text;
  char             *name;
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_NAME,
  PROP_HEADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (JmOutlineRow, jm_outline_row, G_TYPE_OBJECT)

static const char *
name_or_untitled (const char *name)
{
  return name != NULL && *name != '\0' ? name : _("Untitled");
}

static const char *
group_title (JmOutlineGroup group)
{
  switch (group)
    {
    case JM_OUTLINE_GROUP_LANES:
      return _("Lanes");
    case JM_OUTLINE_GROUP_PERSONAS:
      return _("Personas");
    case JM_OUTLINE_GROUP_CURVES:
      return _("Emotional curves");
    case JM_OUTLINE_GROUP_LINKS:
      return _("Links");
    case JM_OUTLINE_GROUP_MOMENTS:
    default:
      return _("Moments of Truth");
    }
}

static const char *
item_title (JmDocument   *document,
            JmLayerState  state,
            const char   *item_id)
{
  JmItem *item = item_id != NULL ? jm_layer_lookup_item (jm_document_get_layer (document, state), item_id) : NULL;

  return item != NULL ? name_or_untitled (jm_item_get_title (item)) : "?";
}

/* What the row shows: its place in the tree says the rest. */
static char *
make_text (JmOutlineRow *self,
           JmDocument   *document,
           JmLayerState  state)
{
  switch (self->kind)
    {
    case JM_OUTLINE_ROW_STAGE:
      return g_strdup (name_or_untitled (jm_stage_get_name (JM_STAGE (self->object))));
    case JM_OUTLINE_ROW_CELL:
    case JM_OUTLINE_ROW_LANE:
      return g_strdup (name_or_untitled (jm_lane_get_name (JM_LANE (self->object))));
    case JM_OUTLINE_ROW_ITEM:
      return g_strdup (name_or_untitled (jm_item_get_title (JM_ITEM (self->object))));
    case JM_OUTLINE_ROW_GROUP:
      return g_strdup (group_title (self->group));
    case JM_OUTLINE_ROW_PERSONA:
    case JM_OUTLINE_ROW_CURVE:
      return g_strdup (name_or_untitled (jm_persona_get_name (JM_PERSONA (self->object))));
    case JM_OUTLINE_ROW_POINT:
      {
        JmEmotionPoint *point = JM_EMOTION_POINT (self->object);
        double score = jm_emotion_point_get_score (point);
        const char *feeling = jm_emotion_point_get_label (point);
        g_autofree char *score_text = score == 0.0 ? g_strdup ("0") : g_strdup_printf ("%+g", score);

        if (feeling == NULL || *feeling == '\0')
          return g_steal_pointer (&score_text);
        /* Translators: an emotion point in the outline: its score and feeling, as in "+3 Delighted". */
        return g_strdup_printf (_("%s %s"), score_text, feeling);
      }
    case JM_OUTLINE_ROW_LINK:
    default:
      {
        JmLink *link = JM_LINK (self->object);
        const char *label = jm_link_get_label (link);

        if (label == NULL || *label == '\0')
          /* Translators: a link in the outline, from one item to another. */
          return g_strdup_printf (_("%s → %s"), item_title (document, state, jm_link_get_from_id (link)),
                                  item_title (document, state, jm_link_get_to_id (link)));
        /* Translators: a link in the outline, from one item to another, and its label. */
        return g_strdup_printf (_("%s → %s: %s"), item_title (document, state, jm_link_get_from_id (link)),
                                item_title (document, state, jm_link_get_to_id (link)), label);
      }
    }
}

/* What a screen reader reads: the whole name, as on the canvas. */
static char *
make_name (JmOutlineRow *self,
           JmDocument   *document,
           JmLayerState  state)
{
  switch (self->kind)
    {
    case JM_OUTLINE_ROW_CELL:
      {
        g_autofree char *lane = jm_describe_object (document, state, self->object);

        /* Translators: a lane within a stage in the outline, as in "Lane: Pain points, in Consideration". */
        return g_strdup_printf (_("%s, in %s"), lane, name_or_untitled (jm_stage_get_name (self->stage)));
      }
    case JM_OUTLINE_ROW_GROUP:
      return g_strdup (group_title (self->group));
    case JM_OUTLINE_ROW_CURVE:
      /* Translators: a persona's emotional curve in the outline. */
      return g_strdup_printf (_("Emotional curve of %s"),
                              name_or_untitled (jm_persona_get_name (JM_PERSONA (self->object))));
    default:
      return jm_describe_object (document, state, self->object);
    }
}

static void
jm_outline_row_finalize (GObject *object)
{
  JmOutlineRow *self = JM_OUTLINE_ROW (object);

  g_clear_object (&self->object);
  g_clear_object (&self->stage);
  g_clear_object (&self->children);
  g_free (self->text);
  g_free (self->name);

  G_OBJECT_CLASS (jm_outline_row_parent_class)->finalize (object);
}

static void
jm_outline_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JmOutlineRow *self = JM_OUTLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HEADING:
      g_value_set_boolean (value, jm_outline_row_get_heading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_outline_row_class_init (JmOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_outline_row_finalize;
  object_class->get_property = jm_outline_row_get_property;

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_HEADING] =
    g_param_spec_boolean ("heading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_outline_row_init (JmOutlineRow *self)
{
}

/**
 * jm_outline_row_new:
 * @kind: any kind but a cell or a group
 * @object: what the row stands for: the stage, item, lane, persona (of a
 *   persona or a curve), point or link
 *
 * Returns: (transfer full): the row, without text until updated
 */
JmOutlineRow *
jm_outline_row_new (JmOutlineRowKind  kind,
                    JmObject         *object)
{
  JmOutlineRow *self;

  g_return_val_if_fail (JM_IS_OBJECT (object), NULL);
  g_return_val_if_fail (kind != JM_OUTLINE_ROW_CELL && kind != JM_OUTLINE_ROW_GROUP, NULL);

  self = g_object_new (JM_TYPE_OUTLINE_ROW, NULL);
  self->kind = kind;
  self->object = g_object_ref (object);

  return self;
}

JmOutlineRow *
jm_outline_row_new_cell (JmStage *stage,
                         JmLane  *lane)
{
  JmOutlineRow *self;

  g_return_val_if_fail (JM_IS_STAGE (stage), NULL);
  g_return_val_if_fail (JM_IS_LANE (lane), NULL);

  self = g_object_new (JM_TYPE_OUTLINE_ROW, NULL);
  self->kind = JM_OUTLINE_ROW_CELL;
  self->object = g_object_ref (JM_OBJECT (lane));
  self->stage = g_object_ref (stage);

  return self;
}

JmOutlineRow *
jm_outline_row_new_group (JmOutlineGroup group)
{
  JmOutlineRow *self = g_object_new (JM_TYPE_OUTLINE_ROW, NULL);

  self->kind = JM_OUTLINE_ROW_GROUP;
  self->group = group;
  self->text = g_strdup (group_title (group));
  self->name = g_strdup (self->text);

  return self;
}

JmOutlineRowKind
jm_outline_row_get_kind (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), 0);

  return self->kind;
}

JmOutlineGroup
jm_outline_row_get_group (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), 0);

  return self->group;
}

/**
 * jm_outline_row_get_object:
 *
 * Returns: (transfer none) (nullable): what the row stands for; a cell's
 *   lane, a curve's persona; %NULL for a group
 */
JmObject *
jm_outline_row_get_object (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->object;
}

/**
 * jm_outline_row_get_stage:
 *
 * Returns: (transfer none) (nullable): a cell's stage
 */
JmStage *
jm_outline_row_get_stage (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->stage;
}

/**
 * jm_outline_row_get_selectable:
 *
 * A cell is not an object of the map, and a curve is its persona's: a
 * row that stands for neither selects nothing on the map.
 *
 * Returns: (transfer none) (nullable): what selecting the row selects on
 *   the map
 */
JmObject *
jm_outline_row_get_selectable (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  switch (self->kind)
    {
    case JM_OUTLINE_ROW_CELL:
    case JM_OUTLINE_ROW_GROUP:
    case JM_OUTLINE_ROW_CURVE:
      return NULL;
    default:
      return self->object;
    }
}

const char *
jm_outline_row_get_text (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->text;
}

/**
 * jm_outline_row_get_name:
 *
 * Returns: the full name a screen reader reads for the row
 */
const char *
jm_outline_row_get_name (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->name;
}

/* Stages and groups stand out. */
gboolean
jm_outline_row_get_heading (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), FALSE);

  return self->kind == JM_OUTLINE_ROW_STAGE || self->kind == JM_OUTLINE_ROW_GROUP;
}

/**
 * jm_outline_row_get_children:
 *
 * Returns: (transfer none) (nullable): the rows under this one, if made
 */
GListStore *
jm_outline_row_get_children (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->children;
}

/**
 * jm_outline_row_ensure_children:
 *
 * Returns: (transfer none): the rows under this one, an empty store when
 *   first asked
 */
GListStore *
jm_outline_row_ensure_children (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  if (self->children == NULL)
    self->children = g_list_store_new (JM_TYPE_OUTLINE_ROW);

  return self->children;
}

/* Replaces *@field by @value, and says whether it changed. */
static gboolean
take_string (char **field,
             char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;
  return TRUE;
}

/**
 * jm_outline_row_update:
 *
 * Makes the row's text and name again from @document, and notifies the
 * ones that changed.
 */
void
jm_outline_row_update (JmOutlineRow *self,
                       JmDocument   *document,
                       JmLayerState  state)
{
  g_return_if_fail (JM_IS_OUTLINE_ROW (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  if (self->kind == JM_OUTLINE_ROW_GROUP)
    return;

  if (take_string (&self->text, make_text (self, document, state)))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
  if (take_string (&self->name, make_name (self, document, state)))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}
