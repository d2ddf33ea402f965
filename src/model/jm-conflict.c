/* jm-conflict.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-conflict.h"
#include "jm-conflict-private.h"

#include "jm-enums.h"
#include "jm-object-store-private.h"

/* A merge keeps our value of a property both copies changed and records
 * theirs here, on the object, so that the conflict survives a save and
 * can be settled later ("Keep Mine" drops the record, "Take Theirs" sets
 * the value and drops it). Values are kept as the text the file would
 * hold, so any property of any object can be recorded the same way. */

G_DEFINE_FINAL_TYPE (JmConflict, jm_conflict, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROPERTY,
  PROP_OURS,
  PROP_THEIRS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_conflict_finalize (GObject *object)
{
  JmConflict *self = JM_CONFLICT (object);

  g_clear_pointer (&self->property, g_free);
  g_clear_pointer (&self->ours, g_free);
  g_clear_pointer (&self->theirs, g_free);

  G_OBJECT_CLASS (jm_conflict_parent_class)->finalize (object);
}

static void
jm_conflict_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JmConflict *self = JM_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_PROPERTY:
      g_value_set_string (value, self->property);
      break;

    case PROP_OURS:
      g_value_set_string (value, self->ours);
      break;

    case PROP_THEIRS:
      g_value_set_string (value, self->theirs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_conflict_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JmConflict *self = JM_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_PROPERTY:
      g_free (self->property);
      self->property = g_value_dup_string (value);
      break;

    case PROP_OURS:
      g_free (self->ours);
      self->ours = g_value_dup_string (value);
      break;

    case PROP_THEIRS:
      g_free (self->theirs);
      self->theirs = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_conflict_class_init (JmConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_conflict_finalize;
  object_class->get_property = jm_conflict_get_property;
  object_class->set_property = jm_conflict_set_property;

  jm_object_class->id_prefix = "conflict";

  /**
   * JmConflict:property:
   *
   * The property of the object that the two copies changed differently
   * ("title", "stage-id" …), or %JM_CONFLICT_REMOVED.
   */
  properties [PROP_PROPERTY] =
    g_param_spec_string ("property", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmConflict:ours:
   *
   * Our value, the one the merge kept, as the file writes it; %NULL when
   * unset.
   */
  properties [PROP_OURS] =
    g_param_spec_string ("ours", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmConflict:theirs:
   *
   * Their value, the one the merge did not take; %NULL when unset.
   */
  properties [PROP_THEIRS] =
    g_param_spec_string ("theirs", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_conflict_init (JmConflict *self)
{
}

/**
 * jm_conflict_new:
 * @property: the property in conflict
 * @ours: (nullable): our value, as text; empty is the same as %NULL
 * @theirs: (nullable): their value, as text; empty is the same as %NULL
 *
 * Returns: (transfer full): the record
 */
JmConflict *
jm_conflict_new (const char *property,
                 const char *ours,
                 const char *theirs)
{
  JmConflict *self;

  g_return_val_if_fail (property != NULL, NULL);

  /* An empty value is no value, as an empty element is none in the file. */
  self = g_object_new (JM_TYPE_CONFLICT, NULL);
  self->property = g_strdup (property);
  self->ours = ours != NULL && *ours != '\0' ? g_strdup (ours) : NULL;
  self->theirs = theirs != NULL && *theirs != '\0' ? g_strdup (theirs) : NULL;

  return self;
}

const char *
jm_conflict_get_property_name (JmConflict *self)
{
  g_return_val_if_fail (JM_IS_CONFLICT (self), NULL);

  return self->property;
}

const char *
jm_conflict_get_ours (JmConflict *self)
{
  g_return_val_if_fail (JM_IS_CONFLICT (self), NULL);

  return self->ours;
}

const char *
jm_conflict_get_theirs (JmConflict *self)
{
  g_return_val_if_fail (JM_IS_CONFLICT (self), NULL);

  return self->theirs;
}

static GQuark
jm_conflicts_quark (void)
{
  return g_quark_from_static_string ("jm-conflicts");
}

/**
 * jm_conflicts_get:
 * @owner: the document or one of its objects
 *
 * Returns: (transfer none): the conflicts recorded on @owner, a store of
 *   #JmConflict made when first asked for
 */
JmObjectStore *
jm_conflicts_get (gpointer owner)
{
  JmObjectStore *store;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  store = g_object_get_qdata (owner, jm_conflicts_quark ());
  if (store == NULL)
    {
      store = _jm_object_store_new (JM_TYPE_CONFLICT);
      g_object_set_qdata_full (owner, jm_conflicts_quark (), store, g_object_unref);
    }

  return store;
}

/**
 * jm_conflicts_peek:
 *
 * Returns: (transfer none) (nullable): the conflicts on @owner, or %NULL
 *   when it never had any
 */
JmObjectStore *
jm_conflicts_peek (gpointer owner)
{
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  return g_object_get_qdata (owner, jm_conflicts_quark ());
}

/**
 * jm_conflicts_lookup:
 *
 * Returns: (transfer none) (nullable): the conflict recorded on @owner
 *   for @property
 */
JmConflict *
jm_conflicts_lookup (gpointer    owner,
                     const char *property)
{
  JmObjectStore *store = jm_conflicts_peek (owner);

  for (guint i = 0; store != NULL && i < jm_object_store_get_n_objects (store); i++)
    {
      JmConflict *conflict = jm_object_store_get_object (store, i);

      if (g_strcmp0 (conflict->property, property) == 0)
        return conflict;
    }

  return NULL;
}

/**
 * jm_value_to_string:
 * @value: the value of a model property
 *
 * Returns: (transfer full) (nullable): @value as the file writes it: a
 *   number in its shortest exact form, an enumeration by its nick, a date
 *   in ISO 8601 UTC, a picture in base64; %NULL for an unset value
 */
char *
jm_value_to_string (const GValue *value)
{
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  if (G_VALUE_HOLDS_STRING (value))
    return g_value_dup_string (value);
  if (G_VALUE_HOLDS_DOUBLE (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
    }
  if (G_VALUE_HOLDS_INT (value))
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_VALUE_HOLDS_ENUM (value))
    return g_strdup (jm_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));
  if (G_VALUE_HOLDS (value, G_TYPE_DATE_TIME))
    {
      GDateTime *date = g_value_get_boxed (value);
      g_autoptr(GDateTime) utc = date != NULL ? g_date_time_to_utc (date) : NULL;

      return utc != NULL ? g_date_time_format_iso8601 (utc) : NULL;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_BYTES))
    {
      GBytes *bytes = g_value_get_boxed (value);
      gsize size;
      const guchar *data;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &size);
      return g_base64_encode (data, size);
    }

  g_return_val_if_reached (NULL);
}

/**
 * jm_value_from_string:
 * @value_type: the type of the property
 * @text: (nullable): text from jm_value_to_string ()
 * @value: (out caller-allocates): an uninitialised #GValue
 *
 * Returns: %TRUE if @text is a value of @value_type; @value is then
 *   initialised
 */
gboolean
jm_value_from_string (GType       value_type,
                      const char *text,
                      GValue     *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  g_value_init (value, value_type);
  if (value_type == G_TYPE_STRING)
    {
      g_value_set_string (value, text);
      return TRUE;
    }

  if (text == NULL)
    return value_type == G_TYPE_DATE_TIME || value_type == G_TYPE_BYTES;

  if (value_type == G_TYPE_DOUBLE)
    {
      char *end = NULL;
      double number = g_ascii_strtod (text, &end);

      g_value_set_double (value, number);
      return end != text && *end == '\0';
    }
  if (value_type == G_TYPE_INT)
    {
      gint64 number;

      if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
        return FALSE;
      g_value_set_int (value, (int) number);
      return TRUE;
    }
  if (value_type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (value, g_str_equal (text, "true"));
      return g_str_equal (text, "true") || g_str_equal (text, "false");
    }
  if (G_TYPE_IS_ENUM (value_type))
    {
      int number;

      if (!jm_enum_from_nick (value_type, text, &number))
        return FALSE;
      g_value_set_enum (value, number);
      return TRUE;
    }
  if (value_type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (text, utc);

      g_value_set_boxed (value, date);
      return date != NULL;
    }
  if (value_type == G_TYPE_BYTES)
    {
      gsize size;
      guchar *data = g_base64_decode (text, &size);

      g_value_take_boxed (value, g_bytes_new_take (data, size));
      return TRUE;
    }

  return FALSE;
}
