/* jm-lane-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-lane-page.h"

#include "model/jm-enum-types.h"

struct _JmLanePage
{
  JmInspectorPage parent_instance;

  GtkWidget *name_row;
  GtkWidget *kind_row;
};

G_DEFINE_FINAL_TYPE (JmLanePage, jm_lane_page, JM_TYPE_INSPECTOR_PAGE)

static void
jm_lane_page_class_init (JmLanePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-lane-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmLanePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmLanePage, kind_row);
}

static void
jm_lane_page_init (JmLanePage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (page, self->name_row, "name");
  jm_inspector_page_bind_choice (page, self->kind_row, "kind", JM_TYPE_LANE_KIND, 0);
}
