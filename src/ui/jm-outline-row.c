/* jm-outline-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-outline-row.h"

#include <glib/gi18n-lib.h>

#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"

/* The text of one row of the outline, made when the list first shows the
 * row (jm-outline-row.ui binds to it), so that a giant map costs only the
 * rows in view: "Stage: Awareness", "Sees an ad, Touchpoint, Touchpoints",
 * "Lane: Pain points". Stages and lanes are headings. */
struct _JmOutlineRow
{
  GObject   parent_instance;

  JmObject *object;
  char     *text;
};

enum {
  PROP_0,
  PROP_OBJECT,
  PROP_TEXT,
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

static char *
describe (JmDocument *document,
          JmObject   *object)
{
  const JmKind *kind;
  JmLane *lane;

  /* Translators: a stage in the outline, as in "Stage: Awareness". */
  if (JM_IS_STAGE (object))
    return g_strdup_printf (_("Stage: %s"), name_or_untitled (jm_stage_get_name (JM_STAGE (object))));
  /* Translators: a lane in the outline, as in "Lane: Pain points". */
  if (JM_IS_LANE (object))
    return g_strdup_printf (_("Lane: %s"), name_or_untitled (jm_lane_get_name (JM_LANE (object))));

  kind = jm_kinds_lookup (JM_TYPE_ITEM_KIND, jm_item_get_kind (JM_ITEM (object)));
  lane = jm_document_lookup_lane (document, jm_item_get_lane_id (JM_ITEM (object)));
  /* Translators: an item in the outline, under its stage: title, kind, lane. */
  return g_strdup_printf (_("%s, %s, %s"), name_or_untitled (jm_item_get_title (JM_ITEM (object))),
                          kind != NULL ? jm_kind_get_label (kind) : "",
                          lane ? name_or_untitled (jm_lane_get_name (lane)) : "");
}

static void
jm_outline_row_finalize (GObject *object)
{
  JmOutlineRow *self = JM_OUTLINE_ROW (object);

  g_clear_object (&self->object);
  g_free (self->text);

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
    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
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

  properties [PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL, JM_TYPE_OBJECT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
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
 * @object: a stage, an item or a lane of @document
 *
 * Returns: (transfer full): the row, its text as @document has it now
 */
JmOutlineRow *
jm_outline_row_new (JmDocument *document,
                    JmObject   *object)
{
  JmOutlineRow *self;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (JM_IS_STAGE (object) || JM_IS_LANE (object) || JM_IS_ITEM (object), NULL);

  self = g_object_new (JM_TYPE_OUTLINE_ROW, NULL);
  self->object = g_object_ref (object);
  self->text = describe (document, object);

  return self;
}

JmObject *
jm_outline_row_get_object (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->object;
}

const char *
jm_outline_row_get_text (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), NULL);

  return self->text;
}

/* Items sit under their stage; stages and lanes stand out. */
gboolean
jm_outline_row_get_heading (JmOutlineRow *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_ROW (self), FALSE);

  return !JM_IS_ITEM (self->object);
}
