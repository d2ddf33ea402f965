/* jm-compare-panel.c: how the open map differs from another copy of it
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Compare with File…": the changes between a copy read from a file (a
 * colleague's, an older one exported from git) and the open map, in the
 * sentences of `journeymap diff FILE MAP`, so that an "added" object is
 * one this map has and the file lacks, and can be shown. The list is made
 * again after each edit of the map: diffing is cheap next to keeping it up
 * to date change by change.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-compare-panel.h"

#include <glib/gi18n-lib.h>

#include "merge/jm-diff.h"

struct _JmComparePanel
{
  GtkBox          parent_instance;

  JmDocument     *document;
  JmDocument     *other;
  GPtrArray      *changes;    /* of JmChange, the rows' */
  GtkStringList  *sentences;

  /* Template children */
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (JmComparePanel, jm_compare_panel, GTK_TYPE_BOX)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_list_view_activate_cb (JmComparePanel *self,
                          guint           position,
                          GtkListView    *list_view)
{
  GObject *object;

  if (self->changes == NULL || position >= self->changes->len)
    return;

  object = jm_diff_find_object (self->document, self->changes->pdata[position]);
  g_signal_emit (self, signals [OBJECT_ACTIVATED], 0, object);
}

static void
jm_compare_panel_dispose (GObject *object)
{
  JmComparePanel *self = JM_COMPARE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_COMPARE_PANEL);
  g_clear_object (&self->document);
  g_clear_object (&self->other);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->sentences);

  G_OBJECT_CLASS (jm_compare_panel_parent_class)->dispose (object);
}

static void
jm_compare_panel_class_init (JmComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_compare_panel_dispose;

  /**
   * JmComparePanel::object-activated:
   * @object: (nullable): what the change chosen is about in the open map,
   *   %NULL when only the file has it
   */
  signals [OBJECT_ACTIVATED] =
    g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-compare-panel.ui");
  gtk_widget_class_set_css_name (widget_class, "jm-compare-panel");
  gtk_widget_class_bind_template_child (widget_class, JmComparePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, JmComparePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JmComparePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, JmComparePanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
jm_compare_panel_init (JmComparePanel *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sentences = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sentences)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * jm_compare_panel_refresh:
 *
 * Lists the differences again, after the open map changed.
 */
void
jm_compare_panel_refresh (JmComparePanel *self)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();
  g_autofree char *summary = NULL;

  g_return_if_fail (JM_IS_COMPARE_PANEL (self));

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  if (self->document != NULL && self->other != NULL)
    self->changes = jm_diff_documents (self->other, self->document);
  else
    self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_change_free);

  for (guint i = 0; i < self->changes->len; i++)
    g_ptr_array_add (sentences, ((JmChange *) self->changes->pdata[i])->sentence);
  g_ptr_array_add (sentences, NULL);

  gtk_string_list_splice (self->sentences, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sentences)),
                          (const char * const *) sentences->pdata);
  gtk_stack_set_visible_child_name (self->stack, self->changes->len > 0 ? "list" : "same");

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u difference: what this map has that the file has not",
                                          "%u differences: what this map has that the file has not",
                                          self->changes->len),
                             self->changes->len);
  gtk_label_set_label (self->summary_label, summary);
}

/**
 * jm_compare_panel_compare:
 * @document: the open map
 * @other: the copy read from a file
 * @other_name: the file's name, for the title
 *
 * Shows the panel with the differences from @other to @document.
 */
void
jm_compare_panel_compare (JmComparePanel *self,
                          JmDocument     *document,
                          JmDocument     *other,
                          const char     *other_name)
{
  g_autofree char *title = NULL;

  g_return_if_fail (JM_IS_COMPARE_PANEL (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));
  g_return_if_fail (JM_IS_DOCUMENT (other));

  g_set_object (&self->document, document);
  g_set_object (&self->other, other);

  /* Translators: the panel's title; %s is a file name */
  title = g_strdup_printf (_("Compared with “%s”"), other_name);
  gtk_label_set_label (self->title_label, title);
  jm_compare_panel_refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/**
 * jm_compare_panel_stop:
 *
 * Forgets the other copy and hides the panel.
 */
void
jm_compare_panel_stop (JmComparePanel *self)
{
  g_return_if_fail (JM_IS_COMPARE_PANEL (self));

  g_clear_object (&self->document);
  g_clear_object (&self->other);
  jm_compare_panel_refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
jm_compare_panel_is_comparing (JmComparePanel *self)
{
  g_return_val_if_fail (JM_IS_COMPARE_PANEL (self), FALSE);

  return self->other != NULL;
}

/**
 * jm_compare_panel_get_model:
 *
 * Returns: (transfer none): the sentences listed, as #GtkStringObjects
 */
GListModel *
jm_compare_panel_get_model (JmComparePanel *self)
{
  g_return_val_if_fail (JM_IS_COMPARE_PANEL (self), NULL);

  return G_LIST_MODEL (self->sentences);
}

/**
 * jm_compare_panel_dup_objects:
 *
 * Returns: (transfer full) (element-type JmObject): the objects of the
 *   open map that the differences are about, each once, to mark them
 */
GPtrArray *
jm_compare_panel_dup_objects (JmComparePanel *self)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (JM_IS_COMPARE_PANEL (self), objects);

  for (guint i = 0; self->changes != NULL && self->document != NULL && i < self->changes->len; i++)
    {
      GObject *object = jm_diff_find_object (self->document, self->changes->pdata[i]);

      /* The map's own properties have no place on the canvas to mark. */
      if (!JM_IS_OBJECT (object) || g_ptr_array_find (objects, object, NULL))
        continue;
      g_ptr_array_add (objects, g_object_ref (object));
    }

  return objects;
}
