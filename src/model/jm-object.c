/* jm-object.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-object.h"
#include "jm-object-private.h"

typedef struct
{
  char          *id;
  JmForeignData  foreign;
} JmObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JmObject, jm_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_foreign_attribute_free (gpointer data)
{
  JmForeignAttribute *attribute = data;

  g_free (attribute->name);
  g_free (attribute->value);
  g_free (attribute);
}

void
_jm_foreign_data_clear (JmForeignData *data)
{
  g_clear_pointer (&data->attributes, g_ptr_array_unref);
  g_clear_pointer (&data->elements, g_ptr_array_unref);
}

void
_jm_foreign_data_add_attribute (JmForeignData *data,
                                const char    *name,
                                const char    *value)
{
  JmForeignAttribute *attribute;

  if (data->attributes == NULL)
    data->attributes = g_ptr_array_new_with_free_func (jm_foreign_attribute_free);

  attribute = g_new0 (JmForeignAttribute, 1);
  attribute->name = g_strdup (name);
  attribute->value = g_strdup (value);
  g_ptr_array_add (data->attributes, attribute);
}

void
_jm_foreign_data_add_element (JmForeignData *data,
                              const char    *xml)
{
  if (data->elements == NULL)
    data->elements = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (data->elements, g_strdup (xml));
}

void
_jm_foreign_data_copy (JmForeignData       *dest,
                       const JmForeignData *src)
{
  _jm_foreign_data_clear (dest);

  for (guint i = 0; src->attributes != NULL && i < src->attributes->len; i++)
    {
      const JmForeignAttribute *attribute = g_ptr_array_index (src->attributes, i);
      _jm_foreign_data_add_attribute (dest, attribute->name, attribute->value);
    }

  for (guint i = 0; src->elements != NULL && i < src->elements->len; i++)
    _jm_foreign_data_add_element (dest, g_ptr_array_index (src->elements, i));
}

static guint
jm_ptr_array_length (GPtrArray *array)
{
  return array != NULL ? array->len : 0;
}

gboolean
_jm_foreign_data_equal (const JmForeignData *a,
                        const JmForeignData *b)
{
  if (jm_ptr_array_length (a->attributes) != jm_ptr_array_length (b->attributes) ||
      jm_ptr_array_length (a->elements) != jm_ptr_array_length (b->elements))
    return FALSE;

  for (guint i = 0; i < jm_ptr_array_length (a->attributes); i++)
    {
      const JmForeignAttribute *x = g_ptr_array_index (a->attributes, i);
      const JmForeignAttribute *y = g_ptr_array_index (b->attributes, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
    }

  for (guint i = 0; i < jm_ptr_array_length (a->elements); i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a->elements, i), g_ptr_array_index (b->elements, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
jm_object_finalize (GObject *object)
{
  JmObject *self = JM_OBJECT (object);
  JmObjectPrivate *priv = jm_object_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  _jm_foreign_data_clear (&priv->foreign);

  G_OBJECT_CLASS (jm_object_parent_class)->finalize (object);
}

static void
jm_object_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JmObject *self = JM_OBJECT (object);
  JmObjectPrivate *priv = jm_object_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_object_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JmObject *self = JM_OBJECT (object);
  JmObjectPrivate *priv = jm_object_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_object_constructed (GObject *object)
{
  JmObject *self = JM_OBJECT (object);
  JmObjectPrivate *priv = jm_object_get_instance_private (self);

  G_OBJECT_CLASS (jm_object_parent_class)->constructed (object);

  if (priv->id == NULL)
    priv->id = jm_object_new_id (JM_OBJECT_GET_CLASS (self)->id_prefix);
}

static void
jm_object_class_init (JmObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jm_object_constructed;
  object_class->finalize = jm_object_finalize;
  object_class->get_property = jm_object_get_property;
  object_class->set_property = jm_object_set_property;

  klass->id_prefix = "object";

  /**
   * JmObject:id:
   *
   * The stable id that references in the document use. Generated when
   * none is given; it never changes.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_object_init (JmObject *self)
{
}

/**
 * jm_object_get_id:
 * @self: a #JmObject
 *
 * Returns: the stable id of @self
 */
const char *
jm_object_get_id (JmObject *self)
{
  JmObjectPrivate *priv = jm_object_get_instance_private (self);

  g_return_val_if_fail (JM_IS_OBJECT (self), NULL);

  return priv->id;
}

/**
 * jm_object_new_id:
 * @prefix: a word that says what the id is for, such as "item"
 *
 * Returns: (transfer full): a new id that is unique and a valid XML name
 */
char *
jm_object_new_id (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (prefix != NULL, NULL);

  /* Eight hex digits keep ids readable in diffs; 2^32 is plenty for one map
   * and the document refuses a duplicate anyway. */
  uuid[8] = '\0';
  return g_strconcat (prefix, "-", uuid, NULL);
}

JmForeignData *
_jm_object_get_foreign (JmObject *self)
{
  JmObjectPrivate *priv = jm_object_get_instance_private (self);

  g_return_val_if_fail (JM_IS_OBJECT (self), NULL);

  return &priv->foreign;
}

/* The editable properties are the readable, non-construct-only ones that a
 * subclass declares; the id is not among them. */
gboolean
_jm_model_is_editable_property (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READABLE) != 0 &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         pspec->owner_type != JM_TYPE_OBJECT;
}

/**
 * _jm_model_set_property:
 * @object: a model object
 * @property: the name of an editable property
 * @value: the new value
 *
 * Model properties are read-only to the world, so that every change goes
 * through a command and can be undone; commands change them with this,
 * which calls the owning class's set_property directly and notifies only
 * when the value really changed.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
_jm_model_set_property (GObject      *object,
                        const char   *property,
                        const GValue *value)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  GObjectClass *owner_class;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);
  g_return_val_if_fail (_jm_model_is_editable_property (pspec), FALSE);

  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    g_return_val_if_reached (FALSE);
  g_param_value_validate (pspec, &new_value);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, property, &old_value);
  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return FALSE;

  owner_class = g_type_class_peek (pspec->owner_type);
  owner_class->set_property (object, pspec->param_id, &new_value, pspec);
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

/**
 * _jm_model_list_editable_properties:
 * @object: a model object or the document
 * @n_editable: (out): how many
 *
 * Returns: (transfer container): the properties that commands change, %NULL-terminated
 */
GParamSpec **
_jm_model_list_editable_properties (GObject *object,
                                    guint   *n_editable)
{
  g_autofree GParamSpec **pspecs = NULL;
  GParamSpec **editable;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  editable = g_new0 (GParamSpec *, n_pspecs + 1);
  *n_editable = 0;
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (_jm_model_is_editable_property (pspecs[i]))
        editable[(*n_editable)++] = pspecs[i];
    }

  return editable;
}

/* Boxed values are the same by content: pictures byte for byte, dates as
 * instants. */
static gboolean
boxed_equal (const GValue *a,
             const GValue *b,
             GEqualFunc    equal)
{
  gconstpointer x = g_value_get_boxed (a), y = g_value_get_boxed (b);

  return x == y || (x != NULL && y != NULL && equal (x, y));
}

/**
 * _jm_model_values_equal:
 * @pspec: an editable property
 * @a: a value of it
 * @b: another
 *
 * Returns: whether @a and @b are the same value of @pspec
 */
gboolean
_jm_model_values_equal (GParamSpec   *pspec,
                        const GValue *a,
                        const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_BYTES))
    return boxed_equal (a, b, (GEqualFunc) g_bytes_equal);
  if (G_VALUE_HOLDS (a, G_TYPE_DATE_TIME))
    return boxed_equal (a, b, (GEqualFunc) g_date_time_equal);

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * jm_object_clone:
 * @self: a #JmObject
 *
 * Makes a copy with the same id and the same values, which is how the
 * future state starts as a copy of the current one.
 *
 * Returns: (transfer full): the copy
 */
JmObject *
jm_object_clone (JmObject *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  JmObject *copy;
  guint n_pspecs;

  g_return_val_if_fail (JM_IS_OBJECT (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), "id", jm_object_get_id (self), NULL);
  pspecs = _jm_model_list_editable_properties (G_OBJECT (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &value);
      _jm_model_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  _jm_foreign_data_copy (_jm_object_get_foreign (copy), _jm_object_get_foreign (self));

  return copy;
}

/**
 * jm_object_equal:
 * @a: a #JmObject
 * @b: a #JmObject
 *
 * Returns: %TRUE if @a and @b are of one type and have the same id and the
 * same values in every property
 */
gboolean
jm_object_equal (JmObject *a,
                 JmObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (JM_IS_OBJECT (a), FALSE);
  g_return_val_if_fail (JM_IS_OBJECT (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      g_strcmp0 (jm_object_get_id (a), jm_object_get_id (b)) != 0)
    return FALSE;

  pspecs = _jm_model_list_editable_properties (G_OBJECT (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      g_value_init (&value_a, pspecs[i]->value_type);
      g_value_init (&value_b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &value_a);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &value_b);

      if (!_jm_model_values_equal (pspecs[i], &value_a, &value_b))
        return FALSE;
    }

  return _jm_foreign_data_equal (_jm_object_get_foreign (a), _jm_object_get_foreign (b));
}
