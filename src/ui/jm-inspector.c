/* jm-inspector.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-inspector.h"

#include <glib/gi18n-lib.h>

#include "jm-accessibility.h"
#include "jm-item-page.h"
#include "jm-items-page.h"
#include "jm-lane-page.h"
#include "jm-link-page.h"
#include "jm-map-page.h"
#include "jm-persona-page.h"
#include "jm-point-page.h"
#include "jm-stage-page.h"

/* The inspector shows the properties of one object (the map, a stage, a
 * lane, a persona, an item, an emotion point or a link) on a page of its
 * own, made once: selecting switches to the object's page and fills it.
 * Why an edit was refused shows above the page.
 *
 * The map's page is in the template, as the map is what a window shows
 * first; each other page is made the first time an object of its kind
 * is: all of them at startup took 10–15 ms more (measured) of a start
 * that has no time to spare. */

struct _JmInspector
{
  GtkWidget        parent_instance;

  JmCommandStack  *stack;
  JmSelection     *selection;
  GObject         *object;

  GtkLabel        *refusal_label;
  GtkStack        *pages;
  GtkWidget       *empty_page;
  JmInspectorPage *map_page;
  /* Owned by the stack, made when first needed. */
  JmInspectorPage *item_page;
  JmInspectorPage *stage_page;
  JmInspectorPage *lane_page;
  JmInspectorPage *persona_page;
  JmInspectorPage *point_page;
  JmInspectorPage *link_page;
  JmInspectorPage *items_page;    /* several items at once */
};

G_DEFINE_FINAL_TYPE (JmInspector, jm_inspector, GTK_TYPE_WIDGET)

static void on_page_refusal_cb (JmInspector     *self,
                                GParamSpec      *pspec,
                                JmInspectorPage *page);

/* The page in @slot, made and added to the stack the first time. */
static JmInspectorPage *
jm_inspector_ensure_page (JmInspector      *self,
                          JmInspectorPage **slot,
                          GType             type,
                          const char       *name)
{
  if (*slot != NULL)
    return *slot;

  *slot = g_object_new (type, NULL);
  /* Made after the window: the window's pass did not see it. */
  jm_accessibility_init_template (GTK_WIDGET (*slot));
  gtk_stack_add_named (self->pages, GTK_WIDGET (*slot), name);
  g_signal_connect_object (*slot, "notify::refusal", G_CALLBACK (on_page_refusal_cb), self, G_CONNECT_SWAPPED);
  return *slot;
}

/* The page that shows @object, or %NULL for the empty one. */
static JmInspectorPage *
jm_inspector_page_for (JmInspector *self,
                       GObject     *object)
{
  if (JM_IS_ITEM (object))
    return jm_inspector_ensure_page (self, &self->item_page, JM_TYPE_ITEM_PAGE, "item");
  if (JM_IS_EMOTION_POINT (object))
    return jm_inspector_ensure_page (self, &self->point_page, JM_TYPE_POINT_PAGE, "point");
  if (JM_IS_STAGE (object))
    return jm_inspector_ensure_page (self, &self->stage_page, JM_TYPE_STAGE_PAGE, "stage");
  if (JM_IS_LANE (object))
    return jm_inspector_ensure_page (self, &self->lane_page, JM_TYPE_LANE_PAGE, "lane");
  if (JM_IS_PERSONA (object))
    return jm_inspector_ensure_page (self, &self->persona_page, JM_TYPE_PERSONA_PAGE, "persona");
  if (JM_IS_LINK (object))
    return jm_inspector_ensure_page (self, &self->link_page, JM_TYPE_LINK_PAGE, "link");
  if (JM_IS_DOCUMENT (object))
    return self->map_page;
  return NULL;
}

static void
on_page_refusal_cb (JmInspector     *self,
                    GParamSpec      *pspec,
                    JmInspectorPage *page)
{
  const char *refusal = jm_inspector_page_get_refusal (page);

  if (page != jm_inspector_get_page (self))
    return;

  if (refusal != NULL)
    gtk_label_set_text (self->refusal_label, refusal);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), refusal != NULL);
}

static void
jm_inspector_dispose (GObject *object)
{
  JmInspector *self = JM_INSPECTOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR);
  self->item_page = self->stage_page = self->lane_page = NULL;
  self->persona_page = self->point_page = self->link_page = self->items_page = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->object);
  g_clear_object (&self->stack);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (jm_inspector_parent_class)->dispose (object);
}

static void
jm_inspector_class_init (JmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspector, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, JmInspector, pages);
  gtk_widget_class_bind_template_child (widget_class, JmInspector, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JmInspector, map_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-inspector");
}

static void
jm_inspector_init (JmInspector *self)
{
  g_type_ensure (JM_TYPE_MAP_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->map_page, "notify::refusal", G_CALLBACK (on_page_refusal_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"), -1);
}

GtkWidget *
jm_inspector_new (void)
{
  return g_object_new (JM_TYPE_INSPECTOR, NULL);
}

void
jm_inspector_set_stack (JmInspector    *self,
                        JmCommandStack *stack)
{
  g_return_if_fail (JM_IS_INSPECTOR (self));

  g_set_object (&self->stack, stack);
}

/* The items selected when two or more are and nothing else is; else
 * %NULL. */
static GPtrArray *
jm_inspector_dup_selected_items (JmInspector *self)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n < 2)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JmObject *object = jm_selection_peek (self->selection, i);

      if (!JM_IS_ITEM (object))
        return NULL;
      g_ptr_array_add (items, g_object_ref (object));
    }

  return g_steal_pointer (&items);
}

/* Several items: the page of what they share, edited for all at once. */
static void
jm_inspector_show_items (JmInspector *self,
                         GPtrArray   *items)
{
  JmInspectorPage *old_page = jm_inspector_get_page (self);
  JmInspectorPage *page = jm_inspector_ensure_page (self, &self->items_page, JM_TYPE_ITEMS_PAGE, "items");

  if (old_page != NULL && old_page != page)
    jm_inspector_page_set_object (old_page, NULL, NULL);
  g_clear_object (&self->object);
  jm_items_page_set_items (JM_ITEMS_PAGE (page), self->stack, items);
  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (page));
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), FALSE);
}

/* The items selected when several are; else the selected object when one
 * is, else the map. */
static void
on_selection_primary_notify_cb (JmInspector *self)
{
  JmObject *primary = jm_selection_get_primary (self->selection);
  JmDocument *document = self->stack != NULL ? jm_command_stack_get_document (self->stack) : NULL;
  g_autoptr(GPtrArray) items = jm_inspector_dup_selected_items (self);

  if (items != NULL && self->stack != NULL)
    {
      jm_inspector_show_items (self, items);
      return;
    }

  jm_inspector_set_object (self, primary != NULL ? G_OBJECT (primary) : G_OBJECT (document));
}

/**
 * jm_inspector_set_selection:
 * @selection: the canvas's selection, which the inspector follows
 *
 * The inspector shows the selected object while one object is selected,
 * what the items share while several items (and nothing else) are, and
 * the map otherwise.
 */
void
jm_inspector_set_selection (JmInspector *self,
                            JmSelection *selection)
{
  g_return_if_fail (JM_IS_INSPECTOR (self));
  g_return_if_fail (selection == NULL || JM_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_primary_notify_cb, self);
  if (!g_set_object (&self->selection, selection) || selection == NULL)
    return;

  g_signal_connect_object (selection, "notify::primary", G_CALLBACK (on_selection_primary_notify_cb), self,
                           G_CONNECT_SWAPPED);
  /* A second item selected keeps the primary one, but not the page. */
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_selection_primary_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * jm_inspector_set_object:
 * @object: (nullable): the document or one of its objects
 */
void
jm_inspector_set_object (JmInspector *self,
                         GObject     *object)
{
  JmInspectorPage *old_page;
  JmInspectorPage *page;

  g_return_if_fail (JM_IS_INSPECTOR (self));

  old_page = jm_inspector_get_page (self);
  if (self->object == object && (object != NULL || old_page != self->items_page))
    return;

  /* The page left lets go of its object, so that it follows it no more. */
  page = jm_inspector_page_for (self, object);
  if (old_page != NULL && old_page == self->items_page)
    jm_items_page_set_items (JM_ITEMS_PAGE (old_page), NULL, NULL);
  else if (old_page != NULL && old_page != page)
    jm_inspector_page_set_object (old_page, NULL, NULL);

  g_set_object (&self->object, object);
  if (page != NULL)
    {
      jm_inspector_page_set_object (page, self->stack, object);
      gtk_stack_set_visible_child (self->pages, GTK_WIDGET (page));
    }
  else
    gtk_stack_set_visible_child (self->pages, self->empty_page);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), FALSE);
}

GObject *
jm_inspector_get_object (JmInspector *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), NULL);

  return self->object;
}

/**
 * jm_inspector_set_photo_file:
 * @file: a PNG or SVG picture
 *
 * Makes @file the photo of the persona shown, as the Choose button does.
 *
 * Returns: %TRUE if the photo was set
 */
gboolean
jm_inspector_set_photo_file (JmInspector  *self,
                             GFile        *file,
                             GError      **error)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (JM_IS_PERSONA (self->object), FALSE);

  return jm_persona_page_set_photo_file (JM_PERSONA_PAGE (jm_inspector_page_for (self, self->object)), file, error);
}

/**
 * jm_inspector_get_page:
 *
 * Returns: (nullable) (transfer none): the page shown, or %NULL when
 *   nothing is
 */
JmInspectorPage *
jm_inspector_get_page (JmInspector *self)
{
  GtkWidget *page;

  g_return_val_if_fail (JM_IS_INSPECTOR (self), NULL);

  page = gtk_stack_get_visible_child (self->pages);
  return JM_IS_INSPECTOR_PAGE (page) ? JM_INSPECTOR_PAGE (page) : NULL;
}

/**
 * jm_inspector_get_field:
 * @property: a property of the object shown
 *
 * For tests: the widget of the page shown that edits @property.
 *
 * Returns: (nullable) (transfer none): the widget
 */
GtkWidget *
jm_inspector_get_field (JmInspector *self,
                        const char  *property)
{
  JmInspectorPage *page;

  g_return_val_if_fail (JM_IS_INSPECTOR (self), NULL);

  page = jm_inspector_get_page (self);
  return page != NULL ? jm_inspector_page_get_field (page, property) : NULL;
}
