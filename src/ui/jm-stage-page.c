/* jm-stage-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-stage-page.h"

struct _JmStagePage
{
  JmInspectorPage parent_instance;

  GtkWidget *name_row;
  GtkWidget *description_view;
  GtkWidget *presenter_note_view;
  GtkWidget *duration_row;
  GtkWidget *width_spin;
  GtkWidget *color_row;
};

G_DEFINE_FINAL_TYPE (JmStagePage, jm_stage_page, JM_TYPE_INSPECTOR_PAGE)

static void
jm_stage_page_class_init (JmStagePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-stage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmStagePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmStagePage, description_view);
  gtk_widget_class_bind_template_child (widget_class, JmStagePage, presenter_note_view);
  gtk_widget_class_bind_template_child (widget_class, JmStagePage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, JmStagePage, width_spin);
  gtk_widget_class_bind_template_child (widget_class, JmStagePage, color_row);
}

static void
jm_stage_page_init (JmStagePage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (page, self->name_row, "name");
  jm_inspector_page_bind_long_text (page, self->description_view, "description");
  jm_inspector_page_bind_long_text (page, self->presenter_note_view, "presenter-note");
  jm_inspector_page_bind_text (page, self->duration_row, "duration");
  jm_inspector_page_bind_number (page, self->width_spin, "width", JM_STAGE_MIN_WIDTH, JM_STAGE_MAX_WIDTH, 10);
  jm_inspector_page_bind_color (page, self->color_row, "color");
}
