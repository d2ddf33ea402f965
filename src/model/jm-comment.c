/* jm-comment.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-model"

#include "config.h"

#include "jm-comment.h"
#include "jm-comment-private.h"

#include "jm-document.h"
#include "jm-layer.h"
#include "jm-object-store-private.h"

/* Comments are review notes about the map, not part of it: they live in
 * a store attached to the object they are about (the document, a stage or
 * an item) rather than in its properties, so that comparing the two
 * states, cloning an item to the future state and the compare view ignore
 * them, and an object without comments costs nothing. */

G_DEFINE_FINAL_TYPE (JmComment, jm_comment, JM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_TEXT,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
jm_comment_finalize (GObject *object)
{
  JmComment *self = JM_COMMENT (object);

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (jm_comment_parent_class)->finalize (object);
}

static void
jm_comment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JmComment *self = JM_COMMENT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_comment_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JmComment *self = JM_COMMENT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      g_free (self->author);
      self->author = g_value_dup_string (value);
      break;

    case PROP_DATE:
      g_clear_pointer (&self->date, g_date_time_unref);
      self->date = g_value_dup_boxed (value);
      break;

    case PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;

    case PROP_RESOLVED:
      self->resolved = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_comment_class_init (JmCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JmObjectClass *jm_object_class = JM_OBJECT_CLASS (klass);

  object_class->finalize = jm_comment_finalize;
  object_class->get_property = jm_comment_get_property;
  object_class->set_property = jm_comment_set_property;

  jm_object_class->id_prefix = "comment";

  /**
   * JmComment:author:
   *
   * Who wrote the comment, by name.
   */
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmComment:date:
   *
   * When the comment was written, in UTC.
   */
  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmComment:text:
   *
   * What the comment says; line breaks are kept.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * JmComment:resolved:
   *
   * Whether the point the comment makes has been dealt with.
   */
  properties [PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_comment_init (JmComment *self)
{
}

/**
 * jm_comment_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a comment without text
 */
JmComment *
jm_comment_new (const char *id)
{
  return g_object_new (JM_TYPE_COMMENT, "id", id, NULL);
}

const char *
jm_comment_get_author (JmComment *self)
{
  g_return_val_if_fail (JM_IS_COMMENT (self), NULL);

  return self->author;
}

GDateTime *
jm_comment_get_date (JmComment *self)
{
  g_return_val_if_fail (JM_IS_COMMENT (self), NULL);

  return self->date;
}

const char *
jm_comment_get_text (JmComment *self)
{
  g_return_val_if_fail (JM_IS_COMMENT (self), NULL);

  return self->text;
}

gboolean
jm_comment_get_resolved (JmComment *self)
{
  g_return_val_if_fail (JM_IS_COMMENT (self), FALSE);

  return self->resolved;
}

static GQuark
jm_comments_quark (void)
{
  return g_quark_from_static_string ("jm-comments");
}

/**
 * jm_comments_can_have:
 * @owner: the document or one of its objects
 *
 * Returns: whether @owner may carry comments: the map, its stages and
 *   its items
 */
gboolean
jm_comments_can_have (gpointer owner)
{
  return JM_IS_DOCUMENT (owner) || JM_IS_STAGE (owner) || JM_IS_ITEM (owner);
}

/**
 * jm_comments_get:
 * @owner: the document, a stage or an item
 *
 * Returns: (transfer none): the comments on @owner, oldest first, a store
 *   of #JmComment made when first asked for
 */
JmObjectStore *
jm_comments_get (gpointer owner)
{
  JmObjectStore *store;

  g_return_val_if_fail (jm_comments_can_have (owner), NULL);

  store = g_object_get_qdata (owner, jm_comments_quark ());
  if (store == NULL)
    {
      store = _jm_object_store_new (JM_TYPE_COMMENT);
      g_object_set_qdata_full (owner, jm_comments_quark (), store, g_object_unref);
    }

  return store;
}

/**
 * jm_comments_peek:
 * @owner: the document or one of its objects
 *
 * Returns: (transfer none) (nullable): the comments on @owner, or %NULL
 *   when it never had any
 */
JmObjectStore *
jm_comments_peek (gpointer owner)
{
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  return g_object_get_qdata (owner, jm_comments_quark ());
}

/**
 * jm_comments_count_open:
 * @owner: the document or one of its objects
 *
 * Returns: how many comments on @owner are not resolved, for a badge
 */
guint
jm_comments_count_open (gpointer owner)
{
  JmObjectStore *store = jm_comments_peek (owner);
  guint n_open = 0;

  for (guint i = 0; store != NULL && i < jm_object_store_get_n_objects (store); i++)
    {
      JmComment *comment = jm_object_store_get_object (store, i);

      if (!comment->resolved)
        n_open++;
    }

  return n_open;
}

/**
 * jm_comments_remove_all:
 * @document: a map, usually a copy made for an export
 *
 * Takes every comment off the map, its stages and the items of both
 * states, as a copy sent out without the team's review notes needs. Not
 * an edit: nothing is told and nothing can be undone, so it is never
 * done to the map a window shows.
 */
void
jm_comments_remove_all (JmDocument *document)
{
  JmObjectStore *stages;

  g_return_if_fail (JM_IS_DOCUMENT (document));

  g_object_set_qdata (G_OBJECT (document), jm_comments_quark (), NULL);

  stages = jm_document_get_stages (document);
  for (guint i = 0; i < jm_object_store_get_n_objects (stages); i++)
    g_object_set_qdata (jm_object_store_get_object (stages, i), jm_comments_quark (), NULL);

  for (guint state = 0; state < JM_N_LAYER_STATES; state++)
    {
      JmLayer *layer = jm_document_get_layer (document, state);
      JmObjectStore *items = layer != NULL ? jm_layer_get_items (layer) : NULL;

      for (guint i = 0; items != NULL && i < jm_object_store_get_n_objects (items); i++)
        g_object_set_qdata (jm_object_store_get_object (items, i), jm_comments_quark (), NULL);
    }
}
