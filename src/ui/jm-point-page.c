/* jm-point-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-point-page.h"

struct _JmPointPage
{
  JmInspectorPage parent_instance;

  GtkWidget *label_row;
  GtkWidget *score_spin;
  GtkWidget *position_spin;
  GtkWidget *persona_row;
};

G_DEFINE_FINAL_TYPE (JmPointPage, jm_point_page, JM_TYPE_INSPECTOR_PAGE)

/* The personas to choose from are the stack's document's. */
static void
jm_point_page_update (JmInspectorPage *page)
{
  JmPointPage *self = JM_POINT_PAGE (page);

  gtk_widget_set_visible (self->persona_row, jm_inspector_page_get_stack (page) != NULL);
}

static void
jm_point_page_class_init (JmPointPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  JM_INSPECTOR_PAGE_CLASS (klass)->update = jm_point_page_update;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-point-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPointPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, JmPointPage, score_spin);
  gtk_widget_class_bind_template_child (widget_class, JmPointPage, position_spin);
  gtk_widget_class_bind_template_child (widget_class, JmPointPage, persona_row);
}

static void
jm_point_page_init (JmPointPage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (page, self->label_row, "label");
  jm_inspector_page_bind_number (page, self->score_spin, "score", JM_SCORE_MIN, JM_SCORE_MAX, 0.5);
  jm_inspector_page_bind_number (page, self->position_spin, "position", 0.0, 1.0, 0.05);
  jm_inspector_page_bind_persona (page, self->persona_row, "persona-id");
}
