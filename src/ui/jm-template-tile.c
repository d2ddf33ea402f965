/* jm-template-tile.c: one template in the gallery
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thumbnail drawn by the renderer, the name and the purpose; the
 * user's own templates also have a button to delete them, which asks
 * the gallery ("delete-requested"), since the gallery owns the list.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-template-tile.h"

#include <glib/gi18n-lib.h>

struct _JmTemplateTile
{
  GtkWidget   parent_instance;

  JmTemplate *template;

  /* Template children */
  GtkWidget  *box;
  GtkWidget  *picture;
  GtkWidget  *name_label;
  GtkWidget  *purpose_label;
  GtkWidget  *delete_button;
};

G_DEFINE_FINAL_TYPE (JmTemplateTile, jm_template_tile, GTK_TYPE_WIDGET)

enum
{
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_delete_clicked_cb (JmTemplateTile *self)
{
  if (self->template != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->template);
}

static void
jm_template_tile_dispose (GObject *object)
{
  JmTemplateTile *self = JM_TEMPLATE_TILE (object);

  g_clear_object (&self->template);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_TEMPLATE_TILE);

  G_OBJECT_CLASS (jm_template_tile_parent_class)->dispose (object);
}

static void
jm_template_tile_class_init (JmTemplateTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_template_tile_dispose;

  /**
   * JmTemplateTile::delete-requested:
   * @template: the user's template to delete
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, JM_TYPE_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-template-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, JmTemplateTile, box);
  gtk_widget_class_bind_template_child (widget_class, JmTemplateTile, picture);
  gtk_widget_class_bind_template_child (widget_class, JmTemplateTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, JmTemplateTile, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, JmTemplateTile, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-template-tile");
}

static void
jm_template_tile_init (JmTemplateTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jm_template_tile_new (void)
{
  return g_object_new (JM_TYPE_TEMPLATE_TILE, NULL);
}

/* Shows @template, with no thumbnail until the gallery has drawn it. */
void
jm_template_tile_set_template (JmTemplateTile *self,
                               JmTemplate     *template)
{
  g_autofree char *preview = NULL;

  g_return_if_fail (JM_IS_TEMPLATE_TILE (self));

  if (!g_set_object (&self->template, template))
    return;

  gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
  if (template == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (self->name_label), jm_template_get_name (template));
  gtk_label_set_label (GTK_LABEL (self->purpose_label), jm_template_get_purpose (template));
  gtk_widget_set_visible (self->delete_button, jm_template_is_user (template));
  /* The purpose may be cut after two lines. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), jm_template_get_purpose (template));

  /* The list item is what a screen reader lands on: it reads the name,
   * then the purpose; the thumbnail says only what it is. */
  preview = g_strdup_printf (_("Preview of “%s”"), jm_template_get_name (template));
  gtk_picture_set_alternative_text (GTK_PICTURE (self->picture), preview);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, jm_template_get_name (template),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, jm_template_get_purpose (template),
                                  -1);
}

JmTemplate *
jm_template_tile_get_template (JmTemplateTile *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE_TILE (self), NULL);

  return self->template;
}

void
jm_template_tile_set_thumbnail (JmTemplateTile *self,
                                GdkPaintable   *thumbnail)
{
  g_return_if_fail (JM_IS_TEMPLATE_TILE (self));

  gtk_picture_set_paintable (GTK_PICTURE (self->picture), thumbnail);
}
