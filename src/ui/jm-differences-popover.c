/* jm-differences-popover.c: what the future state adds, changes and removes
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is made from the map each time it is shown: comparing the two
 * states is cheap next to keeping a list up to date through every edit.
 * Its rows come from a row template (jm-difference-row.ui) bound to
 * JmDifferenceItems.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-differences-popover.h"

#include "model/jm-compare.h"
#include "jm-difference-item.h"

struct _JmDifferencesPopover
{
  GtkPopover   parent_instance;

  JmDocument  *document;
  GListStore  *differences;

  /* Template children */
  GtkStack    *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (JmDifferencesPopover, jm_differences_popover, GTK_TYPE_POPOVER)

enum {
  DIFFERENCE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
jm_differences_popover_fill (JmDifferencesPopover *self)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->document != NULL)
    {
      differences = jm_document_compare_items (self->document);
      for (guint i = 0; i < differences->len; i++)
        g_ptr_array_add (items, jm_difference_item_new (self->document, differences->pdata[i]));
    }

  g_list_store_splice (self->differences, 0, g_list_model_get_n_items (G_LIST_MODEL (self->differences)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "same");
}

static void
jm_differences_popover_show (GtkWidget *widget)
{
  jm_differences_popover_fill (JM_DIFFERENCES_POPOVER (widget));

  GTK_WIDGET_CLASS (jm_differences_popover_parent_class)->show (widget);
}

static void
on_list_view_activate_cb (JmDifferencesPopover *self,
                          guint                 position,
                          GtkListView          *list_view)
{
  g_autoptr(JmDifferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->differences), position);

  if (item == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [DIFFERENCE_ACTIVATED], 0,
                 jm_difference_item_get_future (item), jm_difference_item_get_current (item));
}

static void
jm_differences_popover_dispose (GObject *object)
{
  JmDifferencesPopover *self = JM_DIFFERENCES_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_DIFFERENCES_POPOVER);
  g_clear_object (&self->document);
  g_clear_object (&self->differences);

  G_OBJECT_CLASS (jm_differences_popover_parent_class)->dispose (object);
}

static void
jm_differences_popover_class_init (JmDifferencesPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_differences_popover_dispose;
  widget_class->show = jm_differences_popover_show;

  /**
   * JmDifferencesPopover::difference-activated:
   * @future: (nullable): the item in the future state, none if removed
   * @current: (nullable): the item in the current state, none if added
   *
   * A difference was chosen; the popover has closed.
   */
  signals [DIFFERENCE_ACTIVATED] =
    g_signal_new ("difference-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, JM_TYPE_ITEM, JM_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-differences-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, JmDifferencesPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, JmDifferencesPopover, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  g_type_ensure (JM_TYPE_DIFFERENCE_ITEM);
}

static void
jm_differences_popover_init (JmDifferencesPopover *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->differences = g_list_store_new (JM_TYPE_DIFFERENCE_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->differences)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * jm_differences_popover_set_document:
 * @document: (nullable): the map whose states are compared
 */
void
jm_differences_popover_set_document (JmDifferencesPopover *self,
                                     JmDocument           *document)
{
  g_return_if_fail (JM_IS_DIFFERENCES_POPOVER (self));
  g_return_if_fail (document == NULL || JM_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
}

/**
 * jm_differences_popover_get_model:
 *
 * Returns: (transfer none): the differences listed, as #JmDifferenceItems
 */
GListModel *
jm_differences_popover_get_model (JmDifferencesPopover *self)
{
  g_return_val_if_fail (JM_IS_DIFFERENCES_POPOVER (self), NULL);

  return G_LIST_MODEL (self->differences);
}
