/* jm-map-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-page.h"

struct _JmMapPage
{
  JmInspectorPage parent_instance;

  GtkWidget *title_row;
  GtkWidget *description_view;
  GtkWidget *author_row;
  GtkWidget *rank_spin;
  GtkWidget *max_length_spin;
};

G_DEFINE_FINAL_TYPE (JmMapPage, jm_map_page, JM_TYPE_INSPECTOR_PAGE)

static void
jm_map_page_class_init (JmMapPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmMapPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, JmMapPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, JmMapPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, JmMapPage, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, JmMapPage, max_length_spin);
}

static void
jm_map_page_init (JmMapPage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (page, self->title_row, "title");
  jm_inspector_page_bind_long_text (page, self->description_view, "description");
  jm_inspector_page_bind_text (page, self->author_row, "author");
  jm_inspector_page_bind_number (page, self->rank_spin, "rank", 0, JM_RANK_MAX, 1);
  jm_inspector_page_bind_number (page, self->max_length_spin, "max-length-days", 0, JM_MAX_LENGTH_DAYS_MAX, 1);
}
