/* jm-item.c: an item in a cell of the map: card, touchpoint, pain point, …
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-item.h"
#include "jm-item-private.h"

G_DEFINE_FINAL_TYPE (JmItem, jm_item, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STAGE_ID,
  PROP_LANE_ID,
  PROP_CHANNEL,
  PROP_COLOR,
  PROP_TITLE,
  PROP_BODY,
  PROP_IMAGE,
  PROP_IMAGE_TYPE,
  PROP_MOMENT,
  PROP_MOMENT_LABEL,
  PROP_MOMENT_RATIONALE,
  PROP_CUSTOMER_VALUE,
  PROP_BUSINESS_VALUE,
  PROP_EFFORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_item_finalize (GObject *object)
{
  JmItem *self = JM_ITEM (object);

  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->lane_id, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->image_type, g_free);
  g_clear_pointer (&self->moment_label, g_free);
  g_clear_pointer (&self->moment_rationale, g_free);

  G_OBJECT_CLASS (jm_item_parent_class)->finalize (object);
}

static void
jm_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JmItem *self = JM_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_LANE_ID:
      g_value_set_string (value, self->lane_id);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_IMAGE:
      g_value_set_boxed (value, self->image);
      break;

    case PROP_IMAGE_TYPE:
      g_value_set_string (value, self->image_type);
      break;

    case PROP_MOMENT:
      g_value_set_enum (value, self->moment);
      break;

    case PROP_MOMENT_LABEL:
      g_value_set_string (value, self->moment_label);
      break;

    case PROP_MOMENT_RATIONALE:
      g_value_set_string (value, self->moment_rationale);
      break;

    case PROP_CUSTOMER_VALUE:
      g_value_set_double (value, self->customer_value);
      break;

    case PROP_BUSINESS_VALUE:
      g_value_set_double (value, self->business_value);
      break;

    case PROP_EFFORT:
      g_value_set_double (value, self->effort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JmItem *self = JM_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_STAGE_ID:
      g_free (self->stage_id);
      self->stage_id = g_value_dup_string (value);
      break;

    case PROP_LANE_ID:
      g_free (self->lane_id);
      self->lane_id = g_value_dup_string (value);
      break;

    case PROP_CHANNEL:
      self->channel = g_value_get_enum (value);
      break;

    case PROP_COLOR:
      g_free (self->color);
      self->color = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;

    case PROP_BODY:
      g_free (self->body);
      self->body = g_value_dup_string (value);
      break;

    case PROP_IMAGE:
      g_clear_pointer (&self->image, g_bytes_unref);
      self->image = g_value_dup_boxed (value);
      break;

    case PROP_IMAGE_TYPE:
      g_free (self->image_type);
      self->image_type = g_value_dup_string (value);
      break;

    case PROP_MOMENT:
      self->moment = g_value_get_enum (value);
      break;

    case PROP_MOMENT_LABEL:
      g_free (self->moment_label);
      self->moment_label = g_value_dup_string (value);
      break;

    case PROP_MOMENT_RATIONALE:
      g_free (self->moment_rationale);
      self->moment_rationale = g_value_dup_string (value);
      break;

    case PROP_CUSTOMER_VALUE:
      self->customer_value = g_value_get_double (value);
      break;

    case PROP_BUSINESS_VALUE:
      self->business_value = g_value_get_double (value);
      break;

    case PROP_EFFORT:
      self->effort = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_item_class_init (JmItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_item_finalize;
  object_class->get_property = jm_item_get_property;
  object_class->set_property = jm_item_set_property;

  jm_object_class->id_prefix = "item";

  /**
   * JmItem:kind:
   *
   * What the item is.
   */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JM_TYPE_ITEM_KIND, JM_ITEM_KIND_CARD,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:stage-id:
   *
   * The id of the stage (column) the item is in.
   */
  properties [PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:lane-id:
   *
   * The id of the lane (row) the item is in.
   */
  properties [PROP_LANE_ID] =
    g_param_spec_string ("lane-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:channel:
   *
   * The channel of a touchpoint; %JM_CHANNEL_NONE for other kinds.
   */
  properties [PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       JM_TYPE_CHANNEL, JM_CHANNEL_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:color:
   *
   * The colour of the item as "#rrggbb", or %NULL for the default of its kind.
   */
  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:title:
   *
   * The title, shown in bold.
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:body:
   *
   * The text under the title.
   */
  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:image:
   *
   * The encoded image data of an image item, or %NULL.
   */
  properties [PROP_IMAGE] =
    g_param_spec_boxed ("image", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:image-type:
   *
   * The media type of #JmItem:image, such as "image/png".
   */
  properties [PROP_IMAGE_TYPE] =
    g_param_spec_string ("image-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:moment:
   *
   * Whether the item is a Moment of Truth, and which.
   */
  properties [PROP_MOMENT] =
    g_param_spec_enum ("moment", NULL, NULL,
                       JM_TYPE_MOMENT_KIND, JM_MOMENT_KIND_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:moment-label:
   *
   * The label of a custom Moment of Truth.
   */
  properties [PROP_MOMENT_LABEL] =
    g_param_spec_string ("moment-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:moment-rationale:
   *
   * Why this is a Moment of Truth.
   */
  properties [PROP_MOMENT_RATIONALE] =
    g_param_spec_string ("moment-rationale", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:customer-value:
   *
   * What an opportunity is worth to customers, from 0 to 100, or
   * %JM_VALUE_UNSET when not scored (format 1.1).
   */
  properties [PROP_CUSTOMER_VALUE] =
    g_param_spec_double ("customer-value", NULL, NULL,
                         JM_VALUE_UNSET, JM_VALUE_MAX, JM_VALUE_UNSET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:business-value:
   *
   * What an opportunity is worth to the business, from 0 to 100, or
   * %JM_VALUE_UNSET when not scored (format 1.1).
   */
  properties [PROP_BUSINESS_VALUE] =
    g_param_spec_double ("business-value", NULL, NULL,
                         JM_VALUE_UNSET, JM_VALUE_MAX, JM_VALUE_UNSET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmItem:effort:
   *
   * The effort an opportunity takes, from 1 to 5, or %JM_EFFORT_UNSET
   * when not scored (format 1.1).
   */
  properties [PROP_EFFORT] =
    g_param_spec_double ("effort", NULL, NULL,
                         JM_EFFORT_UNSET, JM_EFFORT_MAX, JM_EFFORT_UNSET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_item_init (JmItem *self)
{
  self->kind = JM_ITEM_KIND_CARD;
  self->channel = JM_CHANNEL_NONE;
  self->moment = JM_MOMENT_KIND_NONE;
  self->customer_value = JM_VALUE_UNSET;
  self->business_value = JM_VALUE_UNSET;
  self->effort = JM_EFFORT_UNSET;
}

/**
 * jm_item_new:
 * @id: (nullable): the stable id, or %NULL to generate one
 *
 * Returns: (transfer full): a new #JmItem
 */
JmItem *
jm_item_new (const char *id)
{
  return g_object_new (JM_TYPE_ITEM, "id", id, NULL);
}

JmItemKind
jm_item_get_kind (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), 0);

  return self->kind;
}

const char *
jm_item_get_stage_id (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->stage_id;
}

const char *
jm_item_get_lane_id (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->lane_id;
}

JmChannel
jm_item_get_channel (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), 0);

  return self->channel;
}

const char *
jm_item_get_color (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->color;
}

const char *
jm_item_get_title (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->title;
}

const char *
jm_item_get_body (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->body;
}

GBytes *
jm_item_get_image (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->image;
}

const char *
jm_item_get_image_type (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->image_type;
}

JmMomentKind
jm_item_get_moment (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), 0);

  return self->moment;
}

const char *
jm_item_get_moment_label (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->moment_label;
}

const char *
jm_item_get_moment_rationale (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), NULL);

  return self->moment_rationale;
}

double
jm_item_get_customer_value (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), JM_VALUE_UNSET);

  return self->customer_value;
}

double
jm_item_get_business_value (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), JM_VALUE_UNSET);

  return self->business_value;
}

double
jm_item_get_effort (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), JM_EFFORT_UNSET);

  return self->effort;
}

/**
 * jm_item_has_scores:
 *
 * Returns: whether any of the item's opportunity scores is set
 */
gboolean
jm_item_has_scores (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), FALSE);

  return self->customer_value >= JM_VALUE_MIN || self->business_value >= JM_VALUE_MIN ||
         self->effort >= JM_EFFORT_MIN;
}

/**
 * jm_item_get_priority:
 *
 * An opportunity's priority: the mean of its customer and business value
 * divided by its effort, from 0 (no value) to 100 (all the value for the
 * least effort). Value for effort, so that a quick win comes before a big
 * bet of the same value.
 *
 * Returns: the priority, or -1 unless all three scores are set
 */
double
jm_item_get_priority (JmItem *self)
{
  g_return_val_if_fail (JM_IS_ITEM (self), -1);

  if (self->customer_value < JM_VALUE_MIN || self->business_value < JM_VALUE_MIN ||
      self->effort < JM_EFFORT_MIN)
    return -1;

  return (self->customer_value + self->business_value) / 2.0 / self->effort;
}
