/* jm-edit.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-edit.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-group-command.h"
#include "jm-insert-command.h"
#include "jm-move-command.h"
#include "jm-remove-command.h"
#include "jm-set-property-command.h"
#include "model/jm-enum-types.h"
#include "model/jm-object-private.h"

/* The edits the window offers, built from the commands: each checks its
 * input first, then pushes one step (a group when it needs several
 * commands), so that a failed edit changes nothing and a done one undoes
 * in one go. What an edit accepts, the file format can hold: a saved map
 * always opens again. */

/* Helpers {{{ */

static gboolean
jm_edit_push (JmCommandStack  *stack,
              JmCommand       *command,
              GError         **error)
{
  g_autoptr(JmCommand) owned = command;

  return jm_command_stack_push (stack, owned, error);
}

static gboolean
jm_edit_fail (GError     **error,
              int          code,
              const char  *message)
{
  g_set_error_literal (error, JM_COMMAND_ERROR, code, message);
  return FALSE;
}

/* What "Undo …" says for a change of @property. */
static const char *
jm_edit_label_for (const char *property)
{
  if (g_str_equal (property, "title") || g_str_equal (property, "name"))
    return _("Rename");
  if (g_str_equal (property, "width") || g_str_equal (property, "height"))
    return _("Resize");
  if (g_str_equal (property, "color"))
    return _("Change Colour");

  return _("Change");
}

static JmCommand *
jm_edit_set_command_new (gpointer      object,
                         const char   *property,
                         const GValue *value,
                         guint         merge_key)
{
  JmCommand *command = jm_set_property_command_new (object, property, value);

  jm_command_set_merge_key (command, merge_key);
  jm_command_set_label (command, jm_edit_label_for (property));

  return command;
}

static JmCommand *
jm_edit_set_string_command_new (gpointer    object,
                                const char *property,
                                const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return jm_edit_set_command_new (object, property, &value, 0);
}

static JmCommand *
jm_edit_set_double_command_new (gpointer    object,
                                const char *property,
                                double      number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return jm_edit_set_command_new (object, property, &value, 0);
}

/* Pushes a change the edit itself has checked (or that builds an object
 * not yet in the map), without the checks of jm_edit_set(). */
static gboolean
jm_edit_push_set_string (JmCommandStack  *stack,
                         gpointer         object,
                         const char      *property,
                         const char      *text,
                         GError         **error)
{
  return jm_edit_push (stack, jm_edit_set_string_command_new (object, property, text), error);
}

static gboolean
jm_edit_push_set_double (JmCommandStack  *stack,
                         gpointer         object,
                         const char      *property,
                         double           number,
                         GError         **error)
{
  return jm_edit_push (stack, jm_edit_set_double_command_new (object, property, number), error);
}

static gboolean
jm_edit_push_set_enum (JmCommandStack  *stack,
                       gpointer         object,
                       const char      *property,
                       int              number,
                       GError         **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec));

  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, number);
  return jm_edit_push (stack, jm_edit_set_command_new (object, property, &value, 0), error);
}

static void
jm_edit_group_add (JmCommand *group,
                   JmCommand *child)
{
  g_autoptr(JmCommand) owned = child;

  jm_group_command_add (JM_GROUP_COMMAND (group), owned);
}

/* Ends a group begun for an edit: recorded as one step when @ok, reverted
 * otherwise. */
static gboolean
jm_edit_finish_group (JmCommandStack *stack,
                      gboolean        ok)
{
  if (ok)
    jm_command_stack_end_group (stack);
  else
    jm_command_stack_cancel_group (stack);

  return ok;
}

static JmDocument *
jm_edit_document (JmCommandStack *stack)
{
  return jm_command_stack_get_document (stack);
}

static JmLayer *
jm_edit_layer (JmCommandStack *stack,
               JmLayerState    state)
{
  return jm_document_get_layer (jm_edit_document (stack), state);
}

/* The store of the document that holds @object, or %NULL. */
static JmObjectStore *
jm_edit_find_store (JmDocument *document,
                    JmObject   *object)
{
  JmObjectStore *stores[3 + 3 * JM_N_LAYER_STATES];
  guint n_stores = 0;

  stores[n_stores++] = jm_document_get_personas (document);
  stores[n_stores++] = jm_document_get_stages (document);
  stores[n_stores++] = jm_document_get_lanes (document);
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_document_get_layer (document, state);

      stores[n_stores++] = jm_layer_get_items (layer);
      stores[n_stores++] = jm_layer_get_points (layer);
      stores[n_stores++] = jm_layer_get_links (layer);
    }

  for (guint i = 0; i < n_stores; i++)
    {
      if (jm_object_store_get_item_type (stores[i]) == G_OBJECT_TYPE (object) &&
          jm_object_store_find (stores[i], object, NULL))
        return stores[i];
    }

  return NULL;
}

/* The layer whose links hold @link, or %NULL for a link not in the map. */
static JmLayer *
jm_edit_layer_of_link (JmDocument *document,
                       JmLink     *link)
{
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_document_get_layer (document, state);

      if (jm_object_store_find (jm_layer_get_links (layer), JM_OBJECT (link), NULL))
        return layer;
    }

  return NULL;
}

static gboolean
jm_edit_check_cell (JmCommandStack  *stack,
                    const char      *stage_id,
                    const char      *lane_id,
                    GError         **error)
{
  JmDocument *document = jm_edit_document (stack);

  if (jm_document_lookup_stage (document, stage_id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That stage is not in the map."));
  if (jm_document_lookup_lane (document, lane_id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That lane is not in the map."));

  return TRUE;
}

/* Where in the layer's items an item goes to be at @index_in_cell of its
 * cell, counting the items without @moving (the item being moved). */
static guint
jm_edit_store_position (JmObjectStore *items,
                        const char    *stage_id,
                        const char    *lane_id,
                        int            index_in_cell,
                        JmItem        *moving)
{
  guint n_items = jm_object_store_get_n_objects (items);
  guint position = 0, in_cell = 0;
  gboolean seen_cell = FALSE;
  guint after_last = 0;

  for (guint i = 0; i < n_items; i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);

      if (item == moving)
        continue;

      if (g_strcmp0 (jm_item_get_stage_id (item), stage_id) == 0 &&
          g_strcmp0 (jm_item_get_lane_id (item), lane_id) == 0)
        {
          if (index_in_cell >= 0 && in_cell == (guint) index_in_cell)
            return position;
          in_cell++;
          seen_cell = TRUE;
          after_last = position + 1;
        }
      position++;
    }

  /* At the end of the cell: after its last item, or at the end of all. */
  return seen_cell ? after_last : position;
}

/* The place of a curve in the file: -1 for the points of no persona, then
 * the place of their persona. */
static int
jm_edit_curve_rank (JmDocument *document,
                    const char *persona_id)
{
  JmObjectStore *personas = jm_document_get_personas (document);
  JmObject *persona = jm_object_store_lookup (personas, persona_id);
  guint position;

  if (persona_id == NULL)
    return -1;
  if (persona == NULL || !jm_object_store_find (personas, persona, &position))
    return G_MAXINT;

  return position;
}

/* Where a point of @persona_id's curve goes among @points: after the last
 * point of that curve. The file keeps the points curve by curve (first
 * those of no persona, then persona by persona), so the map keeps them in
 * that order too, and a saved map opens again exactly as it was. */
static guint
jm_edit_point_position (JmDocument     *document,
                        JmObjectStore  *points,
                        const char     *persona_id,
                        JmEmotionPoint *moving)
{
  int rank = jm_edit_curve_rank (document, persona_id);
  guint position = 0, after = 0;

  for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (point == moving)
        continue;

      position++;
      if (jm_edit_curve_rank (document, jm_emotion_point_get_persona_id (point)) <= rank)
        after = position;
    }

  return after;
}

static gboolean jm_edit_copy_values (JmCommandStack  *stack,
                                     JmObject        *source,
                                     JmObject        *target,
                                     GError         **error);

/* }}} */

/* Checks {{{ */

/* Names and titles are short texts in the file format; bodies long ones. */
static glong
jm_edit_max_chars (const char *property)
{
  static const char *short_texts[] = {
    "title", "name", "role", "duration", "label", "moment-label", "author", NULL
  };

  return g_strv_contains (short_texts, property) ? JM_MAX_NAME_CHARS : JM_MAX_TEXT_CHARS;
}

static gboolean
jm_edit_check_text (const char  *property,
                    const char  *text,
                    GError     **error)
{
  if (text == NULL || g_utf8_strlen (text, -1) <= jm_edit_max_chars (property))
    return TRUE;

  g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
               _("That text is longer than the %ld characters it may have."),
               jm_edit_max_chars (property));
  return FALSE;
}

static gboolean
jm_edit_check_color (const char  *text,
                     GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (strlen (text) != 7 || text[0] != '#')
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID,
                         _("Colours are written #rrggbb, as in #3584e4."));

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID,
                             _("Colours are written #rrggbb, as in #3584e4."));
    }

  return TRUE;
}

static gboolean
jm_edit_check_image_type (const char  *type,
                          GError     **error)
{
  static const char *supported[] = { "image/png", "image/jpeg", "image/svg+xml", NULL };

  if (type == NULL || g_strv_contains (supported, type))
    return TRUE;

  return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID,
                       _("Only PNG, JPEG and SVG images are supported."));
}

/* An id that @object would refer to must name something in the map. */
static gboolean
jm_edit_check_reference (JmCommandStack  *stack,
                         GObject         *object,
                         const char      *property,
                         const char      *id,
                         GError         **error)
{
  JmDocument *document = jm_edit_document (stack);
  gboolean is_stage_ref = g_str_equal (property, "stage-id");

  if ((JM_IS_ITEM (object) || JM_IS_EMOTION_POINT (object)) && is_stage_ref &&
      jm_document_lookup_stage (document, id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That stage is not in the map."));
  if (JM_IS_ITEM (object) && g_str_equal (property, "lane-id") &&
      jm_document_lookup_lane (document, id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That lane is not in the map."));
  if (JM_IS_EMOTION_POINT (object) && g_str_equal (property, "persona-id") && id != NULL &&
      jm_document_lookup_persona (document, id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That persona is not in the map."));

  return TRUE;
}

/* A link joins two different items of its own state. */
static gboolean
jm_edit_check_link_end (JmCommandStack  *stack,
                        JmLink          *link,
                        const char      *property,
                        const char      *id,
                        GError         **error)
{
  JmLayer *layer = jm_edit_layer_of_link (jm_edit_document (stack), link);
  const char *other;

  if (!g_str_equal (property, "from-id") && !g_str_equal (property, "to-id"))
    return TRUE;

  if (layer != NULL && jm_layer_lookup_item (layer, id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                         _("A link joins two items of the same state."));

  other = g_str_equal (property, "from-id") ? jm_link_get_to_id (link) : jm_link_get_from_id (link);
  if (g_strcmp0 (other, id) == 0)
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("An item cannot link to itself."));

  return TRUE;
}

static gboolean
jm_edit_check_string (JmCommandStack  *stack,
                      GObject         *object,
                      const char      *property,
                      const char      *text,
                      GError         **error)
{
  if (!jm_edit_check_text (property, text, error))
    return FALSE;
  if (g_str_equal (property, "color"))
    return jm_edit_check_color (text, error);
  if (g_str_equal (property, "image-type") || g_str_equal (property, "photo-type"))
    return jm_edit_check_image_type (text, error);
  if (JM_IS_LINK (object))
    return jm_edit_check_link_end (stack, JM_LINK (object), property, text, error);

  return jm_edit_check_reference (stack, object, property, text, error);
}

/* Only touchpoints have a channel, and they always have one. */
static gboolean
jm_edit_check_channel (JmItem        *item,
                       const GValue  *value,
                       GError       **error)
{
  g_auto(GValue) channel = G_VALUE_INIT;
  gboolean is_touchpoint = jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT;

  g_value_init (&channel, G_TYPE_INT);
  if (!g_value_transform (value, &channel))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("That is not a channel."));

  if (is_touchpoint && g_value_get_int (&channel) == JM_CHANNEL_NONE)
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("A touchpoint needs a channel."));
  if (!is_touchpoint && g_value_get_int (&channel) != JM_CHANNEL_NONE)
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("Only touchpoints have a channel."));

  return TRUE;
}

/* Opportunity scores (format 1.1): only opportunities have them, each
 * unset or within the file's range (the property's range includes the
 * value that means unset). */
static gboolean
jm_edit_check_score (JmItem        *item,
                     const char    *property,
                     const GValue  *value,
                     GError       **error)
{
  g_auto(GValue) number = G_VALUE_INIT;
  gboolean effort = g_str_equal (property, "effort");
  double unset = effort ? JM_EFFORT_UNSET : JM_VALUE_UNSET;
  double min = effort ? JM_EFFORT_MIN : JM_VALUE_MIN;
  double max = effort ? JM_EFFORT_MAX : JM_VALUE_MAX;
  double score;

  g_value_init (&number, G_TYPE_DOUBLE);
  if (!g_value_transform (value, &number) || !isfinite (g_value_get_double (&number)))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("That is not a number."));

  score = g_value_get_double (&number);
  if (score == unset)
    return TRUE;
  if (jm_item_get_kind (item) != JM_ITEM_KIND_OPPORTUNITY)
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("Only opportunities are scored."));
  if (score < min || score > max)
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("A score goes from %g to %g."), min, max);
      return FALSE;
    }

  return TRUE;
}

/* The checks of a change the designer asks for, beyond the type and the
 * range that the command itself checks. */
static gboolean
jm_edit_check_value (JmCommandStack  *stack,
                     GObject         *object,
                     const char      *property,
                     const GValue    *value,
                     GError         **error)
{
  if (G_VALUE_HOLDS_STRING (value))
    return jm_edit_check_string (stack, object, property, g_value_get_string (value), error);
  if (JM_IS_ITEM (object) && g_str_equal (property, "channel"))
    return jm_edit_check_channel (JM_ITEM (object), value, error);
  if (JM_IS_ITEM (object) && (g_str_equal (property, "customer-value") ||
                              g_str_equal (property, "business-value") || g_str_equal (property, "effort")))
    return jm_edit_check_score (JM_ITEM (object), property, value, error);

  return TRUE;
}

/* }}} */

/* Properties {{{ */

/* Whether @object's @property already holds @value: such a "change" is
 * no edit and no undo step (widgets report one choice more than once). A
 * value of another type that does not convert is left to the checks. */
static gboolean
jm_edit_is_unchanged (GObject      *object,
                      const char   *property,
                      const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) wanted = G_VALUE_INIT;

  if (pspec == NULL || (pspec->flags & G_PARAM_READABLE) == 0)
    return FALSE;

  g_value_init (&current, pspec->value_type);
  g_value_init (&wanted, pspec->value_type);
  if (!g_value_transform (value, &wanted))
    return FALSE;

  g_object_get_property (object, property, &current);
  return g_param_values_cmp (pspec, &current, &wanted) == 0;
}

static gboolean
jm_edit_set_kind_value (JmCommandStack  *stack,
                        JmItem          *item,
                        const GValue    *value,
                        GError         **error)
{
  g_auto(GValue) kind = G_VALUE_INIT;

  g_value_init (&kind, G_TYPE_INT);
  if (!g_value_transform (value, &kind))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("That is not a kind of item."));

  return jm_edit_set_item_kind (stack, item, g_value_get_int (&kind), error);
}

/* One persona at most is the primary one: making one primary makes the
 * others not, in the same step. */
static gboolean
jm_edit_set_primary_value (JmCommandStack  *stack,
                           JmPersona       *persona,
                           const GValue    *value,
                           GError         **error)
{
  JmObjectStore *personas = jm_document_get_personas (jm_edit_document (stack));
  guint n_personas = jm_object_store_get_n_objects (personas);
  g_auto(GValue) primary = G_VALUE_INIT;
  g_auto(GValue) secondary = G_VALUE_INIT;
  gboolean ok = TRUE;

  g_value_init (&primary, G_TYPE_BOOLEAN);
  g_value_init (&secondary, G_TYPE_BOOLEAN);
  if (!g_value_transform (value, &primary))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("A persona is primary or not."));

  jm_command_stack_begin_group (stack, _("Change Primary Persona"));
  for (guint i = 0; ok && g_value_get_boolean (&primary) && i < n_personas; i++)
    {
      JmPersona *other = jm_object_store_get_object (personas, i);

      if (other != persona && jm_persona_get_primary (other))
        ok = jm_edit_push (stack, jm_edit_set_command_new (other, "primary", &secondary, 0), error);
    }
  ok = ok && jm_edit_push (stack, jm_edit_set_command_new (persona, "primary", &primary, 0), error);
  return jm_edit_finish_group (stack, ok);
}

/* Moves a point to the curve of another persona, and to that curve's place
 * among the points, see jm_edit_point_position(). */
static gboolean
jm_edit_set_curve (JmCommandStack  *stack,
                   JmEmotionPoint  *point,
                   const char      *persona_id,
                   GError         **error)
{
  JmDocument *document = jm_edit_document (stack);
  JmObjectStore *points = jm_edit_find_store (document, JM_OBJECT (point));
  g_autoptr(JmCommand) group = NULL;

  if (!jm_edit_check_reference (stack, G_OBJECT (point), "persona-id", persona_id, error))
    return FALSE;
  if (points == NULL)
    return jm_edit_push (stack, jm_edit_set_string_command_new (point, "persona-id", persona_id),
                         error);

  group = jm_group_command_new (_("Change Persona"));
  jm_edit_group_add (group, jm_edit_set_string_command_new (point, "persona-id", persona_id));
  jm_edit_group_add (group, jm_move_command_new (points, JM_OBJECT (point),
                                                 jm_edit_point_position (document, points,
                                                                         persona_id, point)));
  return jm_command_stack_push (stack, group, error);
}

/**
 * jm_edit_set:
 * @object: the document or one of its objects
 * @merge_key: non-zero to fold a burst of edits of this property (typing,
 *   dragging a slider) into one step
 *
 * Changes one property, after checking that the map stays valid: texts fit
 * the file format, colours are #rrggbb, ids name things in the map, only
 * touchpoints have a channel. Changing the kind of an item goes through
 * jm_edit_set_item_kind(); making a persona primary makes the others not.
 *
 * Returns: %TRUE on success
 */
gboolean
jm_edit_set (JmCommandStack  *stack,
             gpointer         object,
             const char      *property,
             const GValue    *value,
             guint            merge_key,
             GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if (jm_edit_is_unchanged (object, property, value))
    return TRUE;

  if (JM_IS_ITEM (object) && g_str_equal (property, "kind"))
    return jm_edit_set_kind_value (stack, object, value, error);
  if (JM_IS_PERSONA (object) && g_str_equal (property, "primary"))
    return jm_edit_set_primary_value (stack, object, value, error);
  if (JM_IS_EMOTION_POINT (object) && g_str_equal (property, "persona-id") &&
      G_VALUE_HOLDS_STRING (value))
    return jm_edit_set_curve (stack, object, g_value_get_string (value), error);

  if (!jm_edit_check_value (stack, object, property, value, error))
    return FALSE;

  return jm_edit_push (stack, jm_edit_set_command_new (object, property, value, merge_key), error);
}

gboolean
jm_edit_set_string (JmCommandStack  *stack,
                    gpointer         object,
                    const char      *property,
                    const char      *text,
                    guint            merge_key,
                    GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return jm_edit_set (stack, object, property, &value, merge_key, error);
}

gboolean
jm_edit_set_double (JmCommandStack  *stack,
                    gpointer         object,
                    const char      *property,
                    double           number,
                    guint            merge_key,
                    GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!isfinite (number))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("That is not a number."));

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return jm_edit_set (stack, object, property, &value, merge_key, error);
}

gboolean
jm_edit_set_int (JmCommandStack  *stack,
                 gpointer         object,
                 const char      *property,
                 int              number,
                 guint            merge_key,
                 GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  return jm_edit_set (stack, object, property, &value, merge_key, error);
}

gboolean
jm_edit_set_enum (JmCommandStack  *stack,
                  gpointer         object,
                  const char      *property,
                  int              value,
                  GError         **error)
{
  GParamSpec *pspec;
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("That cannot be changed."));

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  return jm_edit_set (stack, object, property, &gvalue, 0, error);
}

gboolean
jm_edit_set_boolean (JmCommandStack  *stack,
                     gpointer         object,
                     const char      *property,
                     gboolean         value,
                     GError         **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);
  return jm_edit_set (stack, object, property, &gvalue, 0, error);
}

/* }}} */

/* Stages, lanes, personas {{{ */

/**
 * jm_edit_add_stage:
 * @position: where, from 0 to the number of stages
 *
 * Returns: (transfer none) (nullable): the new stage
 */
JmStage *
jm_edit_add_stage (JmCommandStack  *stack,
                   guint            position,
                   const char      *name,
                   GError         **error)
{
  g_autoptr(JmStage) stage = jm_stage_new (NULL);
  JmObjectStore *stages;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  if (!jm_edit_check_text ("name", name, error))
    return NULL;

  stages = jm_document_get_stages (jm_edit_document (stack));
  jm_command_stack_begin_group (stack, _("Add Stage"));
  ok = jm_edit_push (stack, jm_insert_command_new (stages, position, JM_OBJECT (stage)), error) &&
       jm_edit_push_set_string (stack, stage, "name", name, error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return stage;
}

/**
 * jm_edit_add_lane:
 * @position: where, from 0 to the number of lanes
 *
 * Returns: (transfer none) (nullable): the new lane
 */
JmLane *
jm_edit_add_lane (JmCommandStack  *stack,
                  guint            position,
                  JmLaneKind       kind,
                  const char      *name,
                  GError         **error)
{
  g_autoptr(JmLane) lane = jm_lane_new (NULL);
  JmObjectStore *lanes;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  if (!jm_edit_check_text ("name", name, error))
    return NULL;

  lanes = jm_document_get_lanes (jm_edit_document (stack));
  jm_command_stack_begin_group (stack, _("Add Lane"));
  ok = jm_edit_push (stack, jm_insert_command_new (lanes, position, JM_OBJECT (lane)), error) &&
       jm_edit_push_set_string (stack, lane, "name", name, error) &&
       jm_edit_push_set_enum (stack, lane, "kind", kind, error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return lane;
}

/**
 * jm_edit_add_persona:
 *
 * Returns: (transfer none) (nullable): the new persona, at the end
 */
JmPersona *
jm_edit_add_persona (JmCommandStack  *stack,
                     const char      *name,
                     GError         **error)
{
  g_autoptr(JmPersona) persona = jm_persona_new (NULL);
  JmObjectStore *personas;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  if (!jm_edit_check_text ("name", name, error))
    return NULL;

  personas = jm_document_get_personas (jm_edit_document (stack));
  jm_command_stack_begin_group (stack, _("Add Persona"));
  ok = jm_edit_push (stack,
                     jm_insert_command_new (personas, jm_object_store_get_n_objects (personas),
                                            JM_OBJECT (persona)),
                     error) &&
       jm_edit_push_set_string (stack, persona, "name", name, error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return persona;
}

/**
 * jm_edit_move_stage:
 * @position: the place the stage will have, from 0
 */
gboolean
jm_edit_move_stage (JmCommandStack  *stack,
                    JmStage         *stage,
                    guint            position,
                    GError         **error)
{
  JmCommand *command;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_STAGE (stage), FALSE);

  command = jm_move_command_new (jm_document_get_stages (jm_edit_document (stack)),
                                 JM_OBJECT (stage), position);
  jm_command_set_label (command, _("Move Stage"));
  return jm_edit_push (stack, command, error);
}

/**
 * jm_edit_move_lane:
 * @position: the place the lane will have, from 0
 */
gboolean
jm_edit_move_lane (JmCommandStack  *stack,
                   JmLane          *lane,
                   guint            position,
                   GError         **error)
{
  JmCommand *command;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_LANE (lane), FALSE);

  command = jm_move_command_new (jm_document_get_lanes (jm_edit_document (stack)), JM_OBJECT (lane),
                                 position);
  jm_command_set_label (command, _("Move Lane"));
  return jm_edit_push (stack, command, error);
}

typedef gboolean (*ObjectPredicate) (JmObject *object, const char *id);

static gboolean
item_in_stage (JmObject   *object,
               const char *id)
{
  return g_strcmp0 (jm_item_get_stage_id (JM_ITEM (object)), id) == 0;
}

static gboolean
item_in_lane (JmObject   *object,
              const char *id)
{
  return g_strcmp0 (jm_item_get_lane_id (JM_ITEM (object)), id) == 0;
}

static gboolean
point_in_stage (JmObject   *object,
                const char *id)
{
  return g_strcmp0 (jm_emotion_point_get_stage_id (JM_EMOTION_POINT (object)), id) == 0;
}

static gboolean
point_of_persona (JmObject   *object,
                  const char *id)
{
  return g_strcmp0 (jm_emotion_point_get_persona_id (JM_EMOTION_POINT (object)), id) == 0;
}

static GPtrArray *
collect (JmObjectStore   *store,
         ObjectPredicate  predicate,
         const char      *id)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    {
      JmObject *object = jm_object_store_get_object (store, i);

      if (predicate (object, id))
        g_ptr_array_add (found, object);
    }

  return found;
}

static gboolean
jm_edit_remove_all (JmCommandStack  *stack,
                    JmObjectStore   *store,
                    GPtrArray       *objects,
                    GError         **error)
{
  for (guint i = 0; i < objects->len; i++)
    {
      if (!jm_edit_push (stack, jm_remove_command_new (store, objects->pdata[i]), error))
        return FALSE;
    }

  return TRUE;
}

/* Removes the links of @layer that touch any of @items. */
static gboolean
jm_edit_remove_links_of (JmCommandStack  *stack,
                         JmLayer         *layer,
                         GPtrArray       *items,
                         GError         **error)
{
  JmObjectStore *links = jm_layer_get_links (layer);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (ids, (gpointer) jm_object_get_id (items->pdata[i]));

  for (guint i = 0; i < jm_object_store_get_n_objects (links); i++)
    {
      JmLink *link = jm_object_store_get_object (links, i);

      if (g_hash_table_contains (ids, jm_link_get_from_id (link)) ||
          g_hash_table_contains (ids, jm_link_get_to_id (link)))
        g_ptr_array_add (doomed, link);
    }

  return jm_edit_remove_all (stack, links, doomed, error);
}

/* Removes from both layers the items matching, with their links, and the
 * points matching. */
static gboolean
jm_edit_remove_contents (JmCommandStack  *stack,
                         ObjectPredicate  item_predicate,
                         ObjectPredicate  point_predicate,
                         const char      *id,
                         GError         **error)
{
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_edit_layer (stack, state);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) points = NULL;

      if (item_predicate != NULL)
        {
          items = collect (jm_layer_get_items (layer), item_predicate, id);
          if (!jm_edit_remove_links_of (stack, layer, items, error) ||
              !jm_edit_remove_all (stack, jm_layer_get_items (layer), items, error))
            return FALSE;
        }

      if (point_predicate != NULL)
        {
          points = collect (jm_layer_get_points (layer), point_predicate, id);
          if (!jm_edit_remove_all (stack, jm_layer_get_points (layer), points, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Deletes @object from @store after what depends on it, in one step. */
static gboolean
jm_edit_delete_with_contents (JmCommandStack  *stack,
                              const char      *label,
                              JmObjectStore   *store,
                              JmObject        *object,
                              ObjectPredicate  item_predicate,
                              ObjectPredicate  point_predicate,
                              GError         **error)
{
  gboolean ok;

  if (!jm_object_store_find (store, object, NULL))
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That is no longer in the map."));

  jm_command_stack_begin_group (stack, label);
  ok = jm_edit_remove_contents (stack, item_predicate, point_predicate, jm_object_get_id (object),
                                error) &&
       jm_edit_push (stack, jm_remove_command_new (store, object), error);
  return jm_edit_finish_group (stack, ok);
}

/**
 * jm_edit_delete_stage:
 *
 * Deletes the stage with its items in both states, their links and the
 * emotion points in it: one step.
 */
gboolean
jm_edit_delete_stage (JmCommandStack  *stack,
                      JmStage         *stage,
                      GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_STAGE (stage), FALSE);

  return jm_edit_delete_with_contents (stack, _("Delete Stage"),
                                       jm_document_get_stages (jm_edit_document (stack)),
                                       JM_OBJECT (stage), item_in_stage, point_in_stage, error);
}

/**
 * jm_edit_delete_lane:
 *
 * Deletes the lane with its items in both states and their links.
 */
gboolean
jm_edit_delete_lane (JmCommandStack  *stack,
                     JmLane          *lane,
                     GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_LANE (lane), FALSE);

  return jm_edit_delete_with_contents (stack, _("Delete Lane"),
                                       jm_document_get_lanes (jm_edit_document (stack)),
                                       JM_OBJECT (lane), item_in_lane, NULL, error);
}

/**
 * jm_edit_delete_persona:
 *
 * Deletes the persona and its emotional curves.
 */
gboolean
jm_edit_delete_persona (JmCommandStack  *stack,
                        JmPersona       *persona,
                        GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_PERSONA (persona), FALSE);

  return jm_edit_delete_with_contents (stack, _("Delete Persona"),
                                       jm_document_get_personas (jm_edit_document (stack)),
                                       JM_OBJECT (persona), NULL, point_of_persona, error);
}

/* }}} */

/* Items {{{ */

/**
 * jm_edit_add_item:
 * @index_in_cell: where in the cell, or -1 for the end
 *
 * A touchpoint starts on the web channel.
 *
 * Returns: (transfer none) (nullable): the new item
 */
JmItem *
jm_edit_add_item (JmCommandStack  *stack,
                  JmLayerState     state,
                  JmItemKind       kind,
                  const char      *stage_id,
                  const char      *lane_id,
                  int              index_in_cell,
                  const char      *title,
                  GError         **error)
{
  g_autoptr(JmItem) item = jm_item_new (NULL);
  JmObjectStore *items;
  guint position;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  if (!jm_edit_check_cell (stack, stage_id, lane_id, error) ||
      !jm_edit_check_text ("title", title, error))
    return NULL;

  items = jm_layer_get_items (jm_edit_layer (stack, state));
  position = jm_edit_store_position (items, stage_id, lane_id, index_in_cell, NULL);

  jm_command_stack_begin_group (stack, _("Add Item"));
  ok = jm_edit_push_set_enum (stack, item, "kind", kind, error) &&
       jm_edit_push_set_string (stack, item, "stage-id", stage_id, error) &&
       jm_edit_push_set_string (stack, item, "lane-id", lane_id, error) &&
       jm_edit_push_set_string (stack, item, "title", title, error) &&
       (kind != JM_ITEM_KIND_TOUCHPOINT ||
        jm_edit_push_set_enum (stack, item, "channel", JM_CHANNEL_WEB, error)) &&
       jm_edit_push (stack, jm_insert_command_new (items, position, JM_OBJECT (item)), error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return item;
}

/**
 * jm_edit_move_item:
 * @index_in_cell: where in the target cell, or -1 for the end
 *
 * Moves an item to a cell, or to another place in its cell, in one step.
 * See jm_edit_move_item_full() to fold a drag into one step.
 */
gboolean
jm_edit_move_item (JmCommandStack  *stack,
                   JmLayerState     state,
                   JmItem          *item,
                   const char      *stage_id,
                   const char      *lane_id,
                   int              index_in_cell,
                   GError         **error)
{
  return jm_edit_move_item_full (stack, state, item, stage_id, lane_id, index_in_cell, 0, error);
}

/**
 * jm_edit_move_item_full:
 * @state: the state whose items hold @item
 * @index_in_cell: where in the target cell, or -1 for the end; the order
 *   in a cell is the order of the items in the layer
 * @merge_key: non-zero for the moves of one drag, which undo as one step
 *
 * Changes the stage, the lane and the place of an item in one step.
 */
gboolean
jm_edit_move_item_full (JmCommandStack  *stack,
                        JmLayerState     state,
                        JmItem          *item,
                        const char      *stage_id,
                        const char      *lane_id,
                        int              index_in_cell,
                        guint            merge_key,
                        GError         **error)
{
  g_autoptr(JmCommand) group = NULL;
  JmObjectStore *items;
  guint position;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_ITEM (item), FALSE);

  items = jm_layer_get_items (jm_edit_layer (stack, state));
  if (!jm_object_store_find (items, JM_OBJECT (item), NULL))
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                         _("That item is not in this state of the map."));
  if (!jm_edit_check_cell (stack, stage_id, lane_id, error))
    return FALSE;

  position = jm_edit_store_position (items, stage_id, lane_id, index_in_cell, item);

  group = jm_group_command_new (_("Move Item"));
  jm_command_set_merge_key (group, merge_key);
  jm_edit_group_add (group, jm_edit_set_string_command_new (item, "stage-id", stage_id));
  jm_edit_group_add (group, jm_edit_set_string_command_new (item, "lane-id", lane_id));
  jm_edit_group_add (group, jm_move_command_new (items, JM_OBJECT (item), position));
  return jm_command_stack_push (stack, group, error);
}

/* Adds a copy of @source with a new id at the end of its own cell, or of
 * the one given if the map lacks its own. */
static JmItem *
jm_edit_paste_one (JmCommandStack  *stack,
                   JmLayerState     state,
                   JmItem          *source,
                   const char      *stage_id,
                   const char      *lane_id,
                   GError         **error)
{
  g_autoptr(JmItem) copy = jm_item_new (NULL);
  JmDocument *document;
  JmObjectStore *store;
  const char *target_stage, *target_lane;
  gboolean ok;

  g_assert (JM_IS_ITEM (source));

  document = jm_edit_document (stack);
  store = jm_layer_get_items (jm_edit_layer (stack, state));
  target_stage = jm_item_get_stage_id (source);
  target_lane = jm_item_get_lane_id (source);
  if (jm_document_lookup_stage (document, target_stage) == NULL ||
      jm_document_lookup_lane (document, target_lane) == NULL)
    {
      target_stage = stage_id;
      target_lane = lane_id;
    }
  if (!jm_edit_check_cell (stack, target_stage, target_lane, error))
    return NULL;

  jm_command_stack_begin_group (stack, g_dngettext (GETTEXT_PACKAGE, "Paste Item", "Paste Items", 1));
  ok = jm_edit_copy_values (stack, JM_OBJECT (source), JM_OBJECT (copy), error) &&
       jm_edit_push_set_string (stack, copy, "stage-id", target_stage, error) &&
       jm_edit_push_set_string (stack, copy, "lane-id", target_lane, error) &&
       jm_edit_push (stack,
                     jm_insert_command_new (store,
                                            jm_edit_store_position (store, target_stage,
                                                                    target_lane, -1, NULL),
                                            JM_OBJECT (copy)),
                     error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return copy;
}

/**
 * jm_edit_paste_items:
 * @items: (element-type JmItem): items, from this map or another one
 * @stage_id: (nullable): the stage for items whose own is not in this map
 * @lane_id: (nullable): the lane for items whose own is not in this map
 *
 * Adds copies of @items, with new ids, each at the end of its cell (its
 * own, or the one given): paste and duplicate, in one step.
 *
 * Returns: (transfer container) (element-type JmItem): the new items, or
 *   %NULL with @error set
 */
GPtrArray *
jm_edit_paste_items (JmCommandStack  *stack,
                     JmLayerState     state,
                     GPtrArray       *items,
                     const char      *stage_id,
                     const char      *lane_id,
                     GError         **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  jm_command_stack_begin_group (stack, g_dngettext (GETTEXT_PACKAGE, "Paste Item", "Paste Items",
                                                    items->len));
  for (guint i = 0; ok && i < items->len; i++)
    {
      JmItem *copy = jm_edit_paste_one (stack, state, items->pdata[i], stage_id, lane_id, error);

      ok = copy != NULL;
      if (ok)
        g_ptr_array_add (added, g_object_ref (copy));
    }

  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return g_steal_pointer (&added);
}

/**
 * jm_edit_set_item_kind:
 *
 * Changes what an item is; a touchpoint gets a channel (the web) and
 * anything else loses it, and anything but an opportunity loses its
 * scores, in the same step.
 */
gboolean
jm_edit_set_item_kind (JmCommandStack  *stack,
                       JmItem          *item,
                       JmItemKind       kind,
                       GError         **error)
{
  JmChannel channel = JM_CHANNEL_NONE;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_ITEM (item), FALSE);

  if (kind == JM_ITEM_KIND_TOUCHPOINT)
    channel = jm_item_get_channel (item);
  if (kind == JM_ITEM_KIND_TOUCHPOINT && channel == JM_CHANNEL_NONE)
    channel = JM_CHANNEL_WEB;

  jm_command_stack_begin_group (stack, _("Change Kind"));
  ok = jm_edit_push_set_enum (stack, item, "kind", kind, error) &&
       jm_edit_push_set_enum (stack, item, "channel", channel, error);
  if (ok && kind != JM_ITEM_KIND_OPPORTUNITY && jm_item_has_scores (item))
    ok = jm_edit_push_set_double (stack, item, "customer-value", JM_VALUE_UNSET, error) &&
         jm_edit_push_set_double (stack, item, "business-value", JM_VALUE_UNSET, error) &&
         jm_edit_push_set_double (stack, item, "effort", JM_EFFORT_UNSET, error);
  return jm_edit_finish_group (stack, ok);
}

/* Each of @items once, or %NULL with @error set if one is not in @store. */
static GPtrArray *
jm_edit_distinct_members (JmObjectStore  *store,
                          GPtrArray      *objects,
                          GError        **error)
{
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();

  for (guint i = 0; i < objects->len; i++)
    {
      if (!JM_IS_OBJECT (objects->pdata[i]) ||
          !jm_object_store_find (store, objects->pdata[i], NULL))
        {
          jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                        _("That item is not in this state of the map."));
          return NULL;
        }
      if (!g_ptr_array_find (distinct, objects->pdata[i], NULL))
        g_ptr_array_add (distinct, objects->pdata[i]);
    }

  return g_steal_pointer (&distinct);
}

/**
 * jm_edit_delete_items:
 * @items: (element-type JmItem): items of the layer
 *
 * Deletes the items and the links that touch them, in one step.
 */
gboolean
jm_edit_delete_items (JmCommandStack  *stack,
                      JmLayerState     state,
                      GPtrArray       *items,
                      GError         **error)
{
  g_autoptr(GPtrArray) doomed = NULL;
  JmLayer *layer;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (items->len == 0)
    return TRUE;

  layer = jm_edit_layer (stack, state);
  if (!(doomed = jm_edit_distinct_members (jm_layer_get_items (layer), items, error)))
    return FALSE;

  jm_command_stack_begin_group (stack, g_dngettext (GETTEXT_PACKAGE, "Delete Item", "Delete Items",
                                                    doomed->len));
  ok = jm_edit_remove_links_of (stack, layer, doomed, error) &&
       jm_edit_remove_all (stack, jm_layer_get_items (layer), doomed, error);
  return jm_edit_finish_group (stack, ok);
}

/**
 * jm_edit_set_moment:
 * @kind: %JM_MOMENT_KIND_NONE to unmark the item
 * @label: (nullable): the name of a custom moment
 * @rationale: (nullable): why this is a Moment of Truth
 *
 * Marks an item as a Moment of Truth, in one step.
 */
gboolean
jm_edit_set_moment (JmCommandStack  *stack,
                    JmItem          *item,
                    JmMomentKind     kind,
                    const char      *label,
                    const char      *rationale,
                    GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_ITEM (item), FALSE);

  if (kind == JM_MOMENT_KIND_CUSTOM && (label == NULL || *label == '\0'))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID,
                         _("A custom Moment of Truth needs a name."));
  if (!jm_edit_check_text ("moment-label", label, error) ||
      !jm_edit_check_text ("moment-rationale", rationale, error))
    return FALSE;

  jm_command_stack_begin_group (stack, kind == JM_MOMENT_KIND_NONE ? _("Unmark Moment of Truth")
                                                                    : _("Mark Moment of Truth"));
  ok = jm_edit_push_set_enum (stack, item, "moment", kind, error) &&
       jm_edit_push_set_string (stack, item, "moment-label",
                                kind == JM_MOMENT_KIND_CUSTOM ? label : NULL, error) &&
       jm_edit_push_set_string (stack, item, "moment-rationale",
                                kind != JM_MOMENT_KIND_NONE ? rationale : NULL, error);
  return jm_edit_finish_group (stack, ok);
}

/* }}} */

/* Emotional curve and links {{{ */

static gboolean
jm_edit_check_point (JmCommandStack  *stack,
                     const char      *stage_id,
                     double           position,
                     double           score,
                     GError         **error)
{
  if (jm_document_lookup_stage (jm_edit_document (stack), stage_id) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That stage is not in the map."));
  if (!(position >= 0.0 && position <= 1.0))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID,
                         _("A point lies between the start and the end of its stage."));
  if (!(score >= JM_SCORE_MIN && score <= JM_SCORE_MAX))
    return jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("Scores go from −5 to +5."));

  return TRUE;
}

/**
 * jm_edit_add_emotion_point:
 * @persona_id: (nullable): whose curve; %NULL when the map has no persona
 * @position: where in the stage, from 0 (its start) to 1 (its end)
 * @score: from -5 to +5
 *
 * Returns: (transfer none) (nullable): the new point
 */
JmEmotionPoint *
jm_edit_add_emotion_point (JmCommandStack  *stack,
                           JmLayerState     state,
                           const char      *persona_id,
                           const char      *stage_id,
                           double           position,
                           double           score,
                           const char      *label,
                           GError         **error)
{
  g_autoptr(JmEmotionPoint) point = jm_emotion_point_new (NULL);
  JmObjectStore *points;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  if (!jm_edit_check_point (stack, stage_id, position, score, error) ||
      !jm_edit_check_text ("label", label, error))
    return NULL;
  if (persona_id != NULL &&
      jm_document_lookup_persona (jm_edit_document (stack), persona_id) == NULL)
    {
      jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That persona is not in the map."));
      return NULL;
    }

  points = jm_layer_get_points (jm_edit_layer (stack, state));
  jm_command_stack_begin_group (stack, _("Add Emotion Point"));
  ok = jm_edit_push_set_string (stack, point, "persona-id", persona_id, error) &&
       jm_edit_push_set_string (stack, point, "stage-id", stage_id, error) &&
       jm_edit_push_set_double (stack, point, "position", position, error) &&
       jm_edit_push_set_double (stack, point, "score", score, error) &&
       jm_edit_push_set_string (stack, point, "label", label, error) &&
       jm_edit_push (stack,
                     jm_insert_command_new (points,
                                            jm_edit_point_position (jm_edit_document (stack),
                                                                    points, persona_id, NULL),
                                            JM_OBJECT (point)),
                     error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return point;
}

/**
 * jm_edit_move_emotion_point:
 *
 * Moves a point along the stages and up or down the scores in one step.
 * See jm_edit_move_emotion_point_full() to fold a drag into one step.
 */
gboolean
jm_edit_move_emotion_point (JmCommandStack  *stack,
                            JmEmotionPoint  *point,
                            const char      *stage_id,
                            double           position,
                            double           score,
                            GError         **error)
{
  return jm_edit_move_emotion_point_full (stack, point, stage_id, position, score, 0, error);
}

/**
 * jm_edit_move_emotion_point_full:
 * @merge_key: non-zero for the moves of one drag, which undo as one step
 *
 * Moves a point along the stages and up or down the scores in one step.
 */
gboolean
jm_edit_move_emotion_point_full (JmCommandStack  *stack,
                                 JmEmotionPoint  *point,
                                 const char      *stage_id,
                                 double           position,
                                 double           score,
                                 guint            merge_key,
                                 GError         **error)
{
  g_autoptr(JmCommand) group = NULL;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_EMOTION_POINT (point), FALSE);

  if (jm_edit_find_store (jm_edit_document (stack), JM_OBJECT (point)) == NULL)
    return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                         _("That point is no longer in the map."));
  if (!jm_edit_check_point (stack, stage_id, position, score, error))
    return FALSE;

  group = jm_group_command_new (_("Move Emotion Point"));
  jm_command_set_merge_key (group, merge_key);
  jm_edit_group_add (group, jm_edit_set_string_command_new (point, "stage-id", stage_id));
  jm_edit_group_add (group, jm_edit_set_double_command_new (point, "position", position));
  jm_edit_group_add (group, jm_edit_set_double_command_new (point, "score", score));
  return jm_command_stack_push (stack, group, error);
}

/**
 * jm_edit_nudge_score:
 * @steps: how many scores up (positive) or down (negative)
 *
 * Lifts or lowers a point by whole scores, as Alt+Up/Down do, stopping at
 * the ends of the scale: a point already at +5 or -5 stays there, and no
 * step is recorded for a nudge that changes nothing.
 *
 * Returns: %TRUE when the point is where the nudge takes it
 */
gboolean
jm_edit_nudge_score (JmCommandStack  *stack,
                     JmEmotionPoint  *point,
                     int              steps,
                     GError         **error)
{
  double score;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_EMOTION_POINT (point), FALSE);

  score = CLAMP (jm_emotion_point_get_score (point) + steps, JM_SCORE_MIN, JM_SCORE_MAX);

  /* jm_edit_set_double () records nothing when the score stays. */
  return jm_edit_set_double (stack, point, "score", score, 0, error);
}

/**
 * jm_edit_add_link:
 *
 * Returns: (transfer none) (nullable): the new link between two items of
 *   one state
 */
JmLink *
jm_edit_add_link (JmCommandStack  *stack,
                  JmLayerState     state,
                  const char      *from_id,
                  const char      *to_id,
                  const char      *label,
                  GError         **error)
{
  g_autoptr(JmLink) link = jm_link_new (NULL);
  JmLayer *layer;
  JmObjectStore *links;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);

  layer = jm_edit_layer (stack, state);
  if (jm_layer_lookup_item (layer, from_id) == NULL || jm_layer_lookup_item (layer, to_id) == NULL)
    {
      jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                    _("A link joins two items of the same state."));
      return NULL;
    }
  if (g_strcmp0 (from_id, to_id) == 0)
    {
      jm_edit_fail (error, JM_COMMAND_ERROR_INVALID, _("An item cannot link to itself."));
      return NULL;
    }
  if (!jm_edit_check_text ("label", label, error))
    return NULL;

  links = jm_layer_get_links (layer);
  jm_command_stack_begin_group (stack, _("Add Link"));
  ok = jm_edit_push_set_string (stack, link, "from-id", from_id, error) &&
       jm_edit_push_set_string (stack, link, "to-id", to_id, error) &&
       jm_edit_push_set_string (stack, link, "label", label, error) &&
       jm_edit_push (stack, jm_insert_command_new (links, jm_object_store_get_n_objects (links),
                                                   JM_OBJECT (link)), error);
  if (!jm_edit_finish_group (stack, ok))
    return NULL;

  return link;
}

/**
 * jm_edit_delete_object:
 *
 * Deletes an emotion point or a link (items, stages, lanes and personas
 * have edits that also delete what depends on them).
 */
gboolean
jm_edit_delete_object (JmCommandStack  *stack,
                       JmObjectStore   *store,
                       JmObject        *object,
                       GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_OBJECT_STORE (store), FALSE);
  g_return_val_if_fail (JM_IS_EMOTION_POINT (object) || JM_IS_LINK (object), FALSE);

  return jm_edit_push (stack, jm_remove_command_new (store, object), error);
}

/* Deletes one object of any kind with what depends on it; what an earlier
 * deletion of the same gesture took along is skipped. */
static gboolean
jm_edit_delete_any (JmCommandStack  *stack,
                    JmObject        *object,
                    GError         **error)
{
  JmDocument *document = jm_edit_document (stack);
  JmObjectStore *store = jm_edit_find_store (document, object);
  g_autoptr(GPtrArray) single = NULL;

  if (store == NULL)
    return TRUE;

  if (JM_IS_STAGE (object))
    return jm_edit_delete_stage (stack, JM_STAGE (object), error);
  if (JM_IS_LANE (object))
    return jm_edit_delete_lane (stack, JM_LANE (object), error);
  if (JM_IS_PERSONA (object))
    return jm_edit_delete_persona (stack, JM_PERSONA (object), error);
  if (!JM_IS_ITEM (object))
    return jm_edit_push (stack, jm_remove_command_new (store, object), error);

  single = g_ptr_array_new ();
  g_ptr_array_add (single, object);
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      if (jm_layer_get_items (jm_document_get_layer (document, state)) == store)
        return jm_edit_delete_items (stack, state, single, error);
    }

  g_assert_not_reached ();
  return FALSE;
}

/**
 * jm_edit_delete_objects:
 * @objects: (element-type JmObject): things of the map, of any kind
 *
 * Deletes a selection in one step: items with their links, points, links,
 * and stages, lanes and personas with what they hold.
 */
gboolean
jm_edit_delete_objects (JmCommandStack  *stack,
                        GPtrArray       *objects,
                        GError         **error)
{
  JmDocument *document;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (objects != NULL, FALSE);

  document = jm_edit_document (stack);
  for (guint i = 0; i < objects->len; i++)
    {
      if (!JM_IS_OBJECT (objects->pdata[i]) ||
          jm_edit_find_store (document, objects->pdata[i]) == NULL)
        return jm_edit_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                             _("Something to delete is no longer in the map."));
    }

  /* One object keeps the label of its own kind of deletion. */
  if (objects->len == 1)
    return jm_edit_delete_any (stack, objects->pdata[0], error);

  jm_command_stack_begin_group (stack, _("Delete"));
  for (guint i = 0; ok && i < objects->len; i++)
    ok = jm_edit_delete_any (stack, objects->pdata[i], error);
  return jm_edit_finish_group (stack, ok);
}

/* }}} */

/* The future state {{{ */

static gboolean
jm_edit_clear_store (JmCommandStack  *stack,
                     JmObjectStore   *store,
                     GError         **error)
{
  /* From the end, so that each removal leaves the others in place. */
  for (guint n = jm_object_store_get_n_objects (store); n > 0; n--)
    {
      JmObject *last = jm_object_store_get_object (store, n - 1);

      if (!jm_edit_push (stack, jm_remove_command_new (store, last), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
jm_edit_clone_store (JmCommandStack  *stack,
                     JmObjectStore   *from,
                     JmObjectStore   *to,
                     GError         **error)
{
  for (guint i = 0; i < jm_object_store_get_n_objects (from); i++)
    {
      g_autoptr(JmObject) copy = jm_object_clone (jm_object_store_get_object (from, i));

      if (!jm_edit_push (stack, jm_insert_command_new (to, i, copy), error))
        return FALSE;
    }

  return TRUE;
}

/* Links first: nothing is left pointing at a removed item. */
static gboolean
jm_edit_clear_layer (JmCommandStack  *stack,
                     JmLayer         *layer,
                     GError         **error)
{
  return jm_edit_clear_store (stack, jm_layer_get_links (layer), error) &&
         jm_edit_clear_store (stack, jm_layer_get_points (layer), error) &&
         jm_edit_clear_store (stack, jm_layer_get_items (layer), error);
}

static gboolean
jm_edit_clone_layer (JmCommandStack  *stack,
                     JmLayer         *from,
                     JmLayer         *to,
                     GError         **error)
{
  return jm_edit_clone_store (stack, jm_layer_get_items (from), jm_layer_get_items (to), error) &&
         jm_edit_clone_store (stack, jm_layer_get_points (from), jm_layer_get_points (to), error) &&
         jm_edit_clone_store (stack, jm_layer_get_links (from), jm_layer_get_links (to), error);
}

/**
 * jm_edit_start_future_from_current:
 *
 * Replaces the future state by a copy of the current one, with the same
 * ids, so the two can be compared item by item. One step.
 */
gboolean
jm_edit_start_future_from_current (JmCommandStack  *stack,
                                   GError         **error)
{
  JmLayer *current, *future;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);

  current = jm_edit_layer (stack, JM_LAYER_STATE_CURRENT);
  future = jm_edit_layer (stack, JM_LAYER_STATE_FUTURE);

  jm_command_stack_begin_group (stack, _("Start Future State"));
  ok = jm_edit_clear_layer (stack, future, error) &&
       jm_edit_clone_layer (stack, current, future, error);
  return jm_edit_finish_group (stack, ok);
}

/* Gives @target the values of @source, property by property. */
static gboolean
jm_edit_copy_values (JmCommandStack  *stack,
                     JmObject        *source,
                     JmObject        *target,
                     GError         **error)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!_jm_model_is_editable_property (pspecs[i]))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (source), pspecs[i]->name, &value);
      if (!jm_edit_push (stack, jm_edit_set_command_new (target, pspecs[i]->name, &value, 0),
                         error))
        return FALSE;
    }

  return TRUE;
}

/* Copies one current item to the future state, or its values to the
 * future item of the same id. */
static gboolean
jm_edit_copy_item_to_future (JmCommandStack  *stack,
                             JmItem          *item,
                             GError         **error)
{
  JmObjectStore *future = jm_layer_get_items (jm_edit_layer (stack, JM_LAYER_STATE_FUTURE));
  JmObject *existing = jm_object_store_lookup (future, jm_object_get_id (JM_OBJECT (item)));
  g_autoptr(JmObject) copy = NULL;
  guint position;

  if (existing != NULL)
    return jm_edit_copy_values (stack, JM_OBJECT (item), existing, error);

  copy = jm_object_clone (JM_OBJECT (item));
  position = jm_edit_store_position (future, jm_item_get_stage_id (item),
                                     jm_item_get_lane_id (item), -1, NULL);
  return jm_edit_push (stack, jm_insert_command_new (future, position, copy), error);
}

/**
 * jm_edit_copy_to_future:
 * @items: (element-type JmItem): items of the current state
 *
 * Copies items to the future state, keeping their ids; an item already
 * there takes the current values. One step.
 */
gboolean
jm_edit_copy_to_future (JmCommandStack  *stack,
                        GPtrArray       *items,
                        GError         **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  JmObjectStore *current;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  current = jm_layer_get_items (jm_edit_layer (stack, JM_LAYER_STATE_CURRENT));
  if (!(sources = jm_edit_distinct_members (current, items, error)))
    return FALSE;

  jm_command_stack_begin_group (stack, _("Copy to Future State"));
  for (guint i = 0; ok && i < sources->len; i++)
    ok = jm_edit_copy_item_to_future (stack, sources->pdata[i], error);
  return jm_edit_finish_group (stack, ok);
}

/* }}} */
