/* jm-document.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-document.h"
#include "jm-document-private.h"
#include "jm-layer-private.h"
#include "jm-object-store-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (JmDocument, jm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_RANK,
  PROP_MAX_LENGTH_DAYS,
  N_PROPS
};

enum {
  OBJECT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
jm_document_finalize (GObject *object)
{
  JmDocument *self = JM_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->personas);
  g_clear_object (&self->stages);
  g_clear_object (&self->lanes);
  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    g_clear_object (&self->layers[i]);
  _jm_foreign_data_clear (&self->foreign);

  G_OBJECT_CLASS (jm_document_parent_class)->finalize (object);
}

static void
jm_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JmDocument *self = JM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_RANK:
      g_value_set_int (value, self->rank);
      break;

    case PROP_MAX_LENGTH_DAYS:
      g_value_set_int (value, self->max_length_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JmDocument *self = JM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      break;

    case PROP_AUTHOR:
      g_free (self->author);
      self->author = g_value_dup_string (value);
      break;

    case PROP_CREATED:
      g_clear_pointer (&self->created, g_date_time_unref);
      self->created = g_value_dup_boxed (value);
      break;

    case PROP_MODIFIED:
      g_clear_pointer (&self->modified, g_date_time_unref);
      self->modified = g_value_dup_boxed (value);
      break;

    case PROP_RANK:
      self->rank = g_value_get_int (value);
      break;

    case PROP_MAX_LENGTH_DAYS:
      self->max_length_days = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_document_class_init (JmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_document_finalize;
  object_class->get_property = jm_document_get_property;
  object_class->set_property = jm_document_set_property;

  /**
   * JmDocument:title:
   *
   * The name of the journey, such as "Online grocery: first order".
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmDocument:description:
   *
   * What the journey covers and why it was mapped.
   */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmDocument:author:
   *
   * Who made the map.
   */
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmDocument:created:
   *
   * When the map was created, in UTC, or %NULL if unknown.
   */
  properties [PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmDocument:modified:
   *
   * When the map was last changed and saved, in UTC, or %NULL if unknown.
   */
  properties [PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmDocument:rank:
   *
   * The priority of this journey among the team's journeys, 1 being the
   * most important; 0 when not ranked.
   */
  properties [PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL,
                      0, JM_RANK_MAX, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmDocument:max-length-days:
   *
   * The longest the whole journey takes, in days; 0 when not set.
   */
  properties [PROP_MAX_LENGTH_DAYS] =
    g_param_spec_int ("max-length-days", NULL, NULL,
                      0, JM_MAX_LENGTH_DAYS_MAX, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JmDocument::object-changed:
   * @self: the document
   * @object: the document itself or one of its objects
   * @pspec: the property that changed
   *
   * Emitted after a command changed a property of an object of the
   * document, so that a view redraws just that object. Insertions,
   * removals and moves come as #GListModel::items-changed of the stores.
   */
  signals [OBJECT_CHANGED] =
    g_signal_new ("object-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_PARAM);
}

static void
jm_document_init (JmDocument *self)
{
  self->personas = _jm_object_store_new (JM_TYPE_PERSONA);
  self->stages = _jm_object_store_new (JM_TYPE_STAGE);
  self->lanes = _jm_object_store_new (JM_TYPE_LANE);
  for (guint i = 0; i < JM_N_LAYER_STATES; i++)
    self->layers[i] = _jm_layer_new (i);
  self->version.major = 1;
  self->version.minor = 0;
}

/**
 * jm_document_new:
 *
 * Returns: (transfer full): a new, empty journey map
 */
JmDocument *
jm_document_new (void)
{
  return g_object_new (JM_TYPE_DOCUMENT, NULL);
}

/**
 * _jm_document_set_property:
 * @object: @self or an object that belongs to it
 *
 * Changes a property and tells the views, see #JmDocument::object-changed.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
_jm_document_set_property (JmDocument   *self,
                           GObject      *object,
                           const char   *property,
                           const GValue *value)
{
  GParamSpec *pspec;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), FALSE);

  if (!_jm_model_set_property (object, property, value))
    return FALSE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_signal_emit (self, signals [OBJECT_CHANGED], 0, object, pspec);

  return TRUE;
}

const char *
jm_document_get_title (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * jm_document_get_display_title:
 *
 * Returns: the title, or a name for a map without one, for file names,
 *   print jobs and messages
 */
const char *
jm_document_get_display_title (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->title != NULL && *self->title != '\0' ? self->title : _("Journey Map");
}

const char *
jm_document_get_description (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->description;
}

const char *
jm_document_get_author (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->author;
}

GDateTime *
jm_document_get_created (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->created;
}

GDateTime *
jm_document_get_modified (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->modified;
}

int
jm_document_get_rank (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), 0);

  return self->rank;
}

int
jm_document_get_max_length_days (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), 0);

  return self->max_length_days;
}

/**
 * jm_document_get_personas:
 *
 * Returns: (transfer none): the personas, a store of #JmPersona
 */
JmObjectStore *
jm_document_get_personas (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->personas;
}

/**
 * jm_document_get_stages:
 *
 * Returns: (transfer none): the stages from left to right, a store of #JmStage
 */
JmObjectStore *
jm_document_get_stages (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->stages;
}

/**
 * jm_document_get_lanes:
 *
 * Returns: (transfer none): the lanes from top to bottom, a store of #JmLane
 */
JmObjectStore *
jm_document_get_lanes (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return self->lanes;
}

/**
 * jm_document_get_layer:
 *
 * Returns: (transfer none): the current or the future state
 */
JmLayer *
jm_document_get_layer (JmDocument   *self,
                       JmLayerState  state)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (state < JM_N_LAYER_STATES, NULL);

  return self->layers[state];
}

JmStage *
jm_document_lookup_stage (JmDocument *self,
                          const char *id)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return jm_object_store_lookup (self->stages, id);
}

JmLane *
jm_document_lookup_lane (JmDocument *self,
                         const char *id)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return jm_object_store_lookup (self->lanes, id);
}

JmPersona *
jm_document_lookup_persona (JmDocument *self,
                            const char *id)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  return jm_object_store_lookup (self->personas, id);
}

/**
 * jm_document_get_primary_persona:
 *
 * Returns: (transfer none) (nullable): the persona marked primary, else the
 *   first persona, else %NULL
 */
JmPersona *
jm_document_get_primary_persona (JmDocument *self)
{
  guint n_personas;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  n_personas = jm_object_store_get_n_objects (self->personas);
  for (guint i = 0; i < n_personas; i++)
    {
      JmPersona *persona = jm_object_store_get_object (self->personas, i);

      if (jm_persona_get_primary (persona))
        return persona;
    }

  return jm_object_store_get_object (self->personas, 0);
}

/**
 * jm_document_get_stage_index:
 *
 * Returns: the position of the stage with @stage_id, or -1
 */
int
jm_document_get_stage_index (JmDocument *self,
                             const char *stage_id)
{
  JmStage *stage;
  guint position;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), -1);

  stage = jm_document_lookup_stage (self, stage_id);
  if (stage == NULL || !jm_object_store_find (self->stages, JM_OBJECT (stage), &position))
    return -1;

  return (int) position;
}

/**
 * jm_document_get_format_minor:
 *
 * Returns: the minor version of the .jmap format the document was read
 *   with; above the one this code writes when the file came from a newer
 *   Journeymap
 */
int
jm_document_get_format_minor (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), 0);

  return self->version.minor;
}
