/* jm-link-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-link-page.h"

struct _JmLinkPage
{
  JmInspectorPage parent_instance;

  GtkWidget *label_row;
};

G_DEFINE_FINAL_TYPE (JmLinkPage, jm_link_page, JM_TYPE_INSPECTOR_PAGE)

static void
jm_link_page_class_init (JmLinkPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-link-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmLinkPage, label_row);
}

static void
jm_link_page_init (JmLinkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (JM_INSPECTOR_PAGE (self), self->label_row, "label");
}
