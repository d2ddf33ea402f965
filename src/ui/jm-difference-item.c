/* jm-difference-item.c: one row of the differences list, as a list item
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JmDifference (a plain struct of the model) as the object a list view's
 * row template binds to: the item's title, what happened to it and in
 * which stage, and the icon of what happened.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-difference-item.h"

#include <glib/gi18n-lib.h>

#include "model/jm-stage.h"

struct _JmDifferenceItem
{
  GObject  parent_instance;

  JmItem  *current;
  JmItem  *future;
  char    *title;
  char    *caption;
  char    *icon_name;
};

G_DEFINE_FINAL_TYPE (JmDifferenceItem, jm_difference_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAPTION,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_difference_item_dispose (GObject *object)
{
  JmDifferenceItem *self = JM_DIFFERENCE_ITEM (object);

  g_clear_object (&self->current);
  g_clear_object (&self->future);

  G_OBJECT_CLASS (jm_difference_item_parent_class)->dispose (object);
}

static void
jm_difference_item_finalize (GObject *object)
{
  JmDifferenceItem *self = JM_DIFFERENCE_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (jm_difference_item_parent_class)->finalize (object);
}

static void
jm_difference_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JmDifferenceItem *self = JM_DIFFERENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_difference_item_class_init (JmDifferenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_difference_item_dispose;
  object_class->finalize = jm_difference_item_finalize;
  object_class->get_property = jm_difference_item_get_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_difference_item_init (JmDifferenceItem *self)
{
}

/**
 * jm_difference_item_new:
 * @document: the map compared, for the names of the stages
 */
JmDifferenceItem *
jm_difference_item_new (JmDocument         *document,
                        const JmDifference *difference)
{
  static const char *icons[] = { "jm-diff-added-symbolic", "jm-diff-changed-symbolic", "jm-diff-removed-symbolic" };
  static const char *kinds[] = { N_("Added"), N_("Changed"), N_("Removed") };
  JmDifferenceItem *self;
  JmItem *item;
  JmStage *stage;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (difference != NULL, NULL);

  self = g_object_new (JM_TYPE_DIFFERENCE_ITEM, NULL);
  g_set_object (&self->current, difference->current);
  g_set_object (&self->future, difference->future);

  item = difference->future != NULL ? difference->future : difference->current;
  stage = jm_document_lookup_stage (document, jm_item_get_stage_id (item));
  self->title = g_strdup (jm_item_get_title (item) ? jm_item_get_title (item) : _("Untitled"));
  self->caption = g_strdup_printf ("%s · %s", _(kinds[difference->kind]),
                                   stage != NULL ? jm_stage_get_name (stage) : "");
  self->icon_name = g_strdup (icons[difference->kind]);

  return self;
}

/**
 * jm_difference_item_get_current:
 *
 * Returns: (transfer none) (nullable): the item in the current state
 */
JmItem *
jm_difference_item_get_current (JmDifferenceItem *self)
{
  g_return_val_if_fail (JM_IS_DIFFERENCE_ITEM (self), NULL);

  return self->current;
}

/**
 * jm_difference_item_get_future:
 *
 * Returns: (transfer none) (nullable): the item in the future state
 */
JmItem *
jm_difference_item_get_future (JmDifferenceItem *self)
{
  g_return_val_if_fail (JM_IS_DIFFERENCE_ITEM (self), NULL);

  return self->future;
}
