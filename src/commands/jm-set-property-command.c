/* jm-set-property-command.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-set-property-command.h"

#include <glib/gi18n-lib.h>

#include "model/jm-document-private.h"

struct _JmSetPropertyCommand
{
  JmCommand  parent_instance;

  GObject   *object;
  char      *property;
  GValue     old_value;
  GValue     new_value;
};

G_DEFINE_FINAL_TYPE (JmSetPropertyCommand, jm_set_property_command, JM_TYPE_COMMAND)

/* The name of a property as a designer knows it, for error messages. */
static const char *
jm_set_property_command_describe (const char *property)
{
  static const struct {
    const char *property;
    const char *name;
  } names[] = {
    { "width", N_("width") },
    { "height", N_("height") },
    { "score", N_("score") },
    { "position", N_("position") },
    { "rank", N_("rank") },
    { "max-length-days", N_("maximum length in days") },
    { "kind", N_("kind") },
    { "channel", N_("channel") },
    { "moment", N_("kind of Moment of Truth") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (names[i].property, property))
        return _(names[i].name);
    }

  return property;
}

/* Fills @converted (initialised to the property's type) with the new value,
 * or explains why the property cannot take it. Out-of-range values are
 * refused rather than clamped, so the designer learns the bounds. */
static gboolean
jm_set_property_command_convert (JmSetPropertyCommand  *self,
                                 GParamSpec            *pspec,
                                 GValue                *converted,
                                 GError               **error)
{
  g_auto(GValue) checked = G_VALUE_INIT;

  if (!g_value_transform (&self->new_value, converted))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("“%s” cannot take a value of that kind."), self->property);
      return FALSE;
    }

  g_value_init (&checked, pspec->value_type);
  g_value_copy (converted, &checked);
  if (!g_param_value_validate (pspec, &checked))
    return TRUE;

  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                 /* Translators: a property and its bounds: "The width goes from 40 to 4000." */
                 _("The %s goes from %g to %g."),
                 jm_set_property_command_describe (self->property),
                 G_PARAM_SPEC_DOUBLE (pspec)->minimum, G_PARAM_SPEC_DOUBLE (pspec)->maximum);
  else if (G_IS_PARAM_SPEC_INT (pspec))
    g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                 _("The %s goes from %d to %d."), jm_set_property_command_describe (self->property),
                 G_PARAM_SPEC_INT (pspec)->minimum, G_PARAM_SPEC_INT (pspec)->maximum);
  else
    g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                 _("That is not a possible %s."),
                 jm_set_property_command_describe (self->property));
  return FALSE;
}

static gboolean
jm_set_property_command_apply (JmCommand   *command,
                               JmDocument  *document,
                               GError     **error)
{
  JmSetPropertyCommand *self = JM_SET_PROPERTY_COMMAND (command);
  g_auto(GValue) converted = G_VALUE_INIT;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), self->property);
  if (pspec == NULL || !_jm_model_is_editable_property (pspec))
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("“%s” cannot be changed."), self->property);
      return FALSE;
    }

  g_value_init (&converted, pspec->value_type);
  if (!jm_set_property_command_convert (self, pspec, &converted, error))
    return FALSE;

  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (self->object, self->property, &self->old_value);

  _jm_document_set_property (document, self->object, self->property, &converted);
  return TRUE;
}

static void
jm_set_property_command_revert (JmCommand  *command,
                                JmDocument *document)
{
  JmSetPropertyCommand *self = JM_SET_PROPERTY_COMMAND (command);

  _jm_document_set_property (document, self->object, self->property, &self->old_value);
}

/* A drag or a burst of typing on one property is one step: keep the
 * oldest value and take the newest. */
static gboolean
jm_set_property_command_merge (JmCommand *command,
                               JmCommand *next_command)
{
  JmSetPropertyCommand *self = JM_SET_PROPERTY_COMMAND (command);
  JmSetPropertyCommand *next = JM_SET_PROPERTY_COMMAND (next_command);

  if (self->object != next->object || g_strcmp0 (self->property, next->property) != 0)
    return FALSE;

  g_value_unset (&self->new_value);
  g_value_init (&self->new_value, G_VALUE_TYPE (&next->new_value));
  g_value_copy (&next->new_value, &self->new_value);
  return TRUE;
}

static void
jm_set_property_command_finalize (GObject *object)
{
  JmSetPropertyCommand *self = JM_SET_PROPERTY_COMMAND (object);

  g_clear_object (&self->object);
  g_clear_pointer (&self->property, g_free);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  if (G_IS_VALUE (&self->new_value))
    g_value_unset (&self->new_value);

  G_OBJECT_CLASS (jm_set_property_command_parent_class)->finalize (object);
}

static void
jm_set_property_command_class_init (JmSetPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmCommandClass *command_class = JM_COMMAND_CLASS (klass);

  object_class->finalize = jm_set_property_command_finalize;
  command_class->apply = jm_set_property_command_apply;
  command_class->revert = jm_set_property_command_revert;
  command_class->merge = jm_set_property_command_merge;
}

static void
jm_set_property_command_init (JmSetPropertyCommand *self)
{
}

/**
 * jm_set_property_command_new:
 * @object: the document or an object of it
 * @property: the name of an editable property
 * @value: the new value
 *
 * Returns: (transfer full): the command
 */
JmCommand *
jm_set_property_command_new (GObject      *object,
                             const char   *property,
                             const GValue *value)
{
  JmSetPropertyCommand *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  self = g_object_new (JM_TYPE_SET_PROPERTY_COMMAND, NULL);
  self->object = g_object_ref (object);
  self->property = g_strdup (property);
  g_value_init (&self->new_value, G_VALUE_TYPE (value));
  g_value_copy (value, &self->new_value);
  jm_command_set_label (JM_COMMAND (self), _("Change"));

  return JM_COMMAND (self);
}
