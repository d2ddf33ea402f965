/* jm-item-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-item-page.h"

#include <glib/gi18n-lib.h>

#include "io/jm-document-io.h"
#include "model/jm-enum-types.h"
#include "jm-alert.h"

struct _JmItemPage
{
  JmInspectorPage parent_instance;

  GtkWidget *title_row;
  GtkWidget *body_view;
  GtkWidget *kind_row;
  GtkWidget *channel_row;
  GtkWidget *color_row;
  GtkWidget *moment_row;
  GtkWidget *moment_label_row;
  GtkWidget *rationale_box;
  GtkWidget *rationale_view;
  GtkWidget *scores_group;
  GtkWidget *customer_value_spin;
  GtkWidget *business_value_spin;
  GtkWidget *effort_spin;
  GtkWidget *priority_label;
};

G_DEFINE_FINAL_TYPE (JmItemPage, jm_item_page, JM_TYPE_INSPECTOR_PAGE)

/* Some values call for rows of their own: a touchpoint has a channel, a
 * custom moment a name, any moment its reason. They are shown or hidden,
 * never made again: the change may come from one of them, still in its
 * signal (the combo row of the kind was once destroyed from its own
 * handler). */
static void
jm_item_page_update (JmInspectorPage *page)
{
  JmItemPage *self = JM_ITEM_PAGE (page);
  JmItem *item = JM_ITEM (jm_inspector_page_get_object (page));
  JmMomentKind moment = jm_item_get_moment (item);

  gtk_widget_set_visible (self->channel_row, jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT);
  gtk_widget_set_visible (self->moment_label_row, moment == JM_MOMENT_KIND_CUSTOM);
  gtk_widget_set_visible (self->rationale_box, moment != JM_MOMENT_KIND_NONE);

  gtk_widget_set_visible (self->scores_group, jm_item_get_kind (item) == JM_ITEM_KIND_OPPORTUNITY);
  if (jm_item_get_priority (item) >= 0)
    {
      g_autofree char *priority = g_strdup_printf ("%.0f", jm_item_get_priority (item));

      gtk_label_set_text (GTK_LABEL (self->priority_label), priority);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->priority_label), _("Not scored"));
}

/* A score below its range is no score: shown as a dash, not as -1 or 0. */
static gboolean
score_spin_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  double least = GPOINTER_TO_INT (user_data);

  if (gtk_spin_button_get_value (spin) >= least)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (spin), "–");
  return TRUE;
}

/* An item keeps its picture whatever its kind, but only an image's is
 * written: made an image again, the picture counts against the file's
 * limit again. Not a refusal of a moment's typing: it needs its reason,
 * in a question too. */
static gboolean
jm_item_page_write (JmInspectorPage  *page,
                    const char       *property,
                    const GValue     *value,
                    guint             merge_key,
                    GError          **error)
{
  JmItem *item = JM_ITEM (jm_inspector_page_get_object (page));
  GBytes *picture = jm_item_get_image (item);

  if (g_str_equal (property, "kind") && g_value_get_enum (value) == JM_ITEM_KIND_IMAGE &&
      jm_item_get_kind (item) != JM_ITEM_KIND_IMAGE && picture != NULL &&
      !jm_document_io_check_room (jm_inspector_page_get_document (page), g_bytes_get_size (picture), 0, error))
    {
      jm_alert_show_error (GTK_WIDGET (page), _("Could Not Change the Kind"), *error);
      return FALSE;
    }

  return JM_INSPECTOR_PAGE_CLASS (jm_item_page_parent_class)->write (page, property, value, merge_key, error);
}

static void
jm_item_page_class_init (JmItemPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  page_class->update = jm_item_page_update;
  page_class->write = jm_item_page_write;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-item-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, color_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, moment_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, moment_label_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, rationale_box);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, scores_group);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, customer_value_spin);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, business_value_spin);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, effort_spin);
  gtk_widget_class_bind_template_child (widget_class, JmItemPage, priority_label);
}

static void
jm_item_page_init (JmItemPage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  jm_inspector_page_bind_text (page, self->title_row, "title");
  jm_inspector_page_bind_long_text (page, self->body_view, "body");
  jm_inspector_page_bind_choice (page, self->kind_row, "kind", JM_TYPE_ITEM_KIND, 0);
  /* A touchpoint is on some channel: "none" is only a card's. */
  jm_inspector_page_bind_choice (page, self->channel_row, "channel", JM_TYPE_CHANNEL, JM_CHANNEL_WEB);
  jm_inspector_page_bind_color (page, self->color_row, "color");
  jm_inspector_page_bind_choice (page, self->moment_row, "moment", JM_TYPE_MOMENT_KIND, 0);
  jm_inspector_page_bind_text (page, self->moment_label_row, "moment-label");
  jm_inspector_page_bind_long_text (page, self->rationale_view, "moment-rationale");
  /* From the value that means "not scored", one step below the range. */
  jm_inspector_page_bind_number (page, self->customer_value_spin, "customer-value", JM_VALUE_UNSET,
                                 JM_VALUE_MAX, 1);
  jm_inspector_page_bind_number (page, self->business_value_spin, "business-value", JM_VALUE_UNSET,
                                 JM_VALUE_MAX, 1);
  jm_inspector_page_bind_number (page, self->effort_spin, "effort", JM_EFFORT_UNSET, JM_EFFORT_MAX, 1);
  g_signal_connect (self->customer_value_spin, "output", G_CALLBACK (score_spin_output_cb),
                    GINT_TO_POINTER ((int) JM_VALUE_MIN));
  g_signal_connect (self->business_value_spin, "output", G_CALLBACK (score_spin_output_cb),
                    GINT_TO_POINTER ((int) JM_VALUE_MIN));
  g_signal_connect (self->effort_spin, "output", G_CALLBACK (score_spin_output_cb),
                    GINT_TO_POINTER ((int) JM_EFFORT_MIN));
}
