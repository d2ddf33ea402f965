/* jm-edit-comments.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-commands"

#include "config.h"

#include "jm-edit-comments.h"

#include <glib/gi18n-lib.h>

#include "jm-edit.h"
#include "jm-insert-command.h"
#include "jm-remove-command.h"
#include "jm-set-property-command.h"
#include "model/jm-comment-private.h"

/* Comments are edited like everything else: one undoable step each, and
 * only what the file format can hold (a text of at most 100,000
 * characters, an author of at most 1,000, at most 1,000 comments on one
 * object and 100,000 in the map). */

static gboolean
jm_edit_comments_fail (GError     **error,
                       int          code,
                       const char  *message)
{
  g_set_error_literal (error, JM_COMMAND_ERROR, code, message);
  return FALSE;
}

/* Whether @owner is the document of @stack, or a stage or an item in it. */
static gboolean
jm_edit_comments_owner_in_map (JmCommandStack *stack,
                               gpointer        owner)
{
  JmDocument *document = jm_command_stack_get_document (stack);
  const char *id;

  if (owner == (gpointer) document)
    return TRUE;
  if (!JM_IS_OBJECT (owner))
    return FALSE;

  id = jm_object_get_id (owner);
  if (JM_IS_STAGE (owner))
    return jm_document_lookup_stage (document, id) == owner;
  if (JM_IS_ITEM (owner))
    {
      for (guint i = 0; i < JM_N_LAYER_STATES; i++)
        {
          if (jm_layer_lookup_item (jm_document_get_layer (document, i), id) == owner)
            return TRUE;
        }
    }

  return FALSE;
}

static guint
jm_edit_comments_count (JmDocument *document)
{
  guint n_comments = 0;
  JmObjectStore *stages = jm_document_get_stages (document);

  if (jm_comments_peek (document) != NULL)
    n_comments += jm_object_store_get_n_objects (jm_comments_peek (document));
  for (guint i = 0; i < jm_object_store_get_n_objects (stages); i++)
    {
      JmObjectStore *comments = jm_comments_peek (jm_object_store_get_object (stages, i));

      n_comments += comments != NULL ? jm_object_store_get_n_objects (comments) : 0;
    }
  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, state));

      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        {
          JmObjectStore *comments = jm_comments_peek (jm_object_store_get_object (items, i));

          n_comments += comments != NULL ? jm_object_store_get_n_objects (comments) : 0;
        }
    }

  return n_comments;
}

static gboolean
jm_edit_comments_check_text (const char  *text,
                             glong        max_chars,
                             GError     **error)
{
  if (text == NULL || g_utf8_strlen (text, -1) <= max_chars)
    return TRUE;

  g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
               _("That text is longer than the %ld characters it may have."), max_chars);
  return FALSE;
}

/**
 * jm_edit_add_comment:
 * @owner: the document, one of its stages or one of its items
 * @author: (nullable): who writes it, usually the user's real name
 * @text: what it says
 *
 * Adds a comment, dated now, after the comments @owner has.
 *
 * Returns: (transfer none) (nullable): the new comment
 */
JmComment *
jm_edit_add_comment (JmCommandStack  *stack,
                     gpointer         owner,
                     const char      *author,
                     const char      *text,
                     GError         **error)
{
  g_autoptr(JmComment) comment = NULL;
  g_autoptr(JmCommand) command = NULL;
  g_autoptr(GDateTime) now = NULL;
  JmObjectStore *comments;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  if (!jm_comments_can_have (owner))
    {
      jm_edit_comments_fail (error, JM_COMMAND_ERROR_INVALID,
                             _("Only the map, its stages and its items take comments."));
      return NULL;
    }
  if (!jm_edit_comments_owner_in_map (stack, owner))
    {
      jm_edit_comments_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That is not in the map."));
      return NULL;
    }
  if (!jm_edit_comments_check_text (author, JM_MAX_NAME_CHARS, error) ||
      !jm_edit_comments_check_text (text, JM_MAX_TEXT_CHARS, error))
    return NULL;

  comments = jm_comments_get (owner);
  if (jm_object_store_get_n_objects (comments) >= JM_MAX_COMMENTS_PER_OBJECT ||
      jm_edit_comments_count (jm_command_stack_get_document (stack)) >= JM_MAX_COMMENTS)
    {
      g_set_error (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                   _("There are as many comments as a map may hold (%d on one object, %d in all)."),
                   JM_MAX_COMMENTS_PER_OBJECT, JM_MAX_COMMENTS);
      return NULL;
    }

  /* Whole seconds: the file shows them, and nobody reads microseconds. */
  now = g_date_time_new_now_utc ();
  comment = jm_comment_new (NULL);
  comment->author = g_strdup (author);
  comment->text = g_strdup (text);
  comment->date = g_date_time_add (now, -(g_date_time_get_microsecond (now)));

  command = jm_insert_command_new (comments, jm_object_store_get_n_objects (comments),
                                   JM_OBJECT (comment));
  jm_command_set_label (command, _("Add Comment"));
  if (!jm_command_stack_push (stack, command, error))
    return NULL;

  return comment;
}

/**
 * jm_edit_set_comment_text:
 * @merge_key: non-zero to fold a burst of typing into one step
 *
 * Returns: %TRUE on success
 */
gboolean
jm_edit_set_comment_text (JmCommandStack  *stack,
                          JmComment       *comment,
                          const char      *text,
                          guint            merge_key,
                          GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_COMMENT (comment), FALSE);

  return jm_edit_set_string (stack, comment, "text", text, merge_key, error);
}

/**
 * jm_edit_resolve_comment:
 * @resolved: %TRUE to resolve, %FALSE to reopen
 *
 * Returns: %TRUE on success
 */
gboolean
jm_edit_resolve_comment (JmCommandStack  *stack,
                         JmComment       *comment,
                         gboolean         resolved,
                         GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(JmCommand) command = NULL;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (JM_IS_COMMENT (comment), FALSE);

  if (comment->resolved == !!resolved)
    return TRUE;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, resolved);
  command = jm_set_property_command_new (G_OBJECT (comment), "resolved", &value);
  jm_command_set_label (command, resolved ? _("Resolve Comment") : _("Reopen Comment"));

  return jm_command_stack_push (stack, command, error);
}

/**
 * jm_edit_delete_comment:
 * @owner: what @comment is on
 *
 * Returns: %TRUE on success
 */
gboolean
jm_edit_delete_comment (JmCommandStack  *stack,
                        gpointer         owner,
                        JmComment       *comment,
                        GError         **error)
{
  JmObjectStore *comments;
  g_autoptr(JmCommand) command = NULL;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (JM_IS_COMMENT (comment), FALSE);

  comments = jm_comments_peek (owner);
  if (comments == NULL || !jm_object_store_find (comments, JM_OBJECT (comment), NULL))
    return jm_edit_comments_fail (error, JM_COMMAND_ERROR_NOT_FOUND,
                                  _("That comment is not there."));

  command = jm_remove_command_new (comments, JM_OBJECT (comment));
  jm_command_set_label (command, _("Delete Comment"));

  return jm_command_stack_push (stack, command, error);
}

/* The store of @document that holds @object, with its state. */
static JmObjectStore *
jm_edit_comments_store_of (JmDocument *document,
                           GObject    *object)
{
  JmObjectStore *stores[] = { jm_document_get_personas (document), jm_document_get_stages (document),
                              jm_document_get_lanes (document) };

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      if (jm_object_store_find (stores[i], JM_OBJECT (object), NULL))
        return stores[i];
    }

  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_document_get_layer (document, state);
      JmObjectStore *layer_stores[] = { jm_layer_get_items (layer), jm_layer_get_points (layer),
                                        jm_layer_get_links (layer) };

      for (guint i = 0; i < G_N_ELEMENTS (layer_stores); i++)
        {
          if (jm_object_store_find (layer_stores[i], JM_OBJECT (object), NULL))
            return layer_stores[i];
        }
    }

  return NULL;
}

/**
 * jm_edit_resolve_conflict:
 * @owner: the document or the object @conflict is recorded on
 * @conflict: a conflict a merge recorded
 * @take_theirs: %TRUE for "Take Theirs", %FALSE for "Keep Mine"
 *
 * Settles a conflict in one step: "Keep Mine" drops the record (and
 * removes the object when ours had removed it); "Take Theirs" sets their
 * value, through the same checks as any edit, and drops the record (or
 * removes the object when they had removed it).
 *
 * Returns: %TRUE on success
 */
gboolean
jm_edit_resolve_conflict (JmCommandStack  *stack,
                          gpointer         owner,
                          JmConflict      *conflict,
                          gboolean         take_theirs,
                          GError         **error)
{
  JmDocument *document;
  JmObjectStore *records;
  const char *property, *chosen;
  g_autoptr(JmCommand) drop = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (JM_IS_CONFLICT (conflict), FALSE);

  document = jm_command_stack_get_document (stack);
  records = jm_conflicts_peek (owner);
  if (records == NULL || !jm_object_store_find (records, JM_OBJECT (conflict), NULL))
    return jm_edit_comments_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That conflict is not there."));

  property = jm_conflict_get_property_name (conflict);
  chosen = take_theirs ? jm_conflict_get_theirs (conflict) : jm_conflict_get_ours (conflict);

  jm_command_stack_begin_group (stack, take_theirs ? _("Take Theirs") : _("Keep Mine"));
  if (g_str_equal (property, JM_CONFLICT_REMOVED) && g_strcmp0 (chosen, JM_CONFLICT_VALUE_REMOVED) == 0)
    {
      JmObjectStore *store = owner != (gpointer) document ? jm_edit_comments_store_of (document, owner) : NULL;
      g_autoptr(GPtrArray) objects = g_ptr_array_new ();

      if (store == NULL)
        ok = jm_edit_comments_fail (error, JM_COMMAND_ERROR_NOT_FOUND, _("That is not in the map."));
      else
        {
          g_ptr_array_add (objects, owner);
          ok = jm_edit_delete_objects (stack, objects, error);
        }
    }
  else
    {
      if (take_theirs && !g_str_equal (property, JM_CONFLICT_REMOVED))
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), property);
          g_auto(GValue) value = G_VALUE_INIT;

          if (pspec == NULL || !jm_value_from_string (pspec->value_type, chosen, &value))
            ok = jm_edit_comments_fail (error, JM_COMMAND_ERROR_INVALID,
                                        _("Their value cannot be taken: it is not one this property has."));
          else
            ok = jm_edit_set (stack, owner, property, &value, 0, error);
        }

      if (ok)
        {
          drop = jm_remove_command_new (records, JM_OBJECT (conflict));
          ok = jm_command_stack_push (stack, drop, error);
        }
    }

  if (ok)
    jm_command_stack_end_group (stack);
  else
    jm_command_stack_cancel_group (stack);

  return ok;
}
