/* jm-items-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-items-page.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"

/* Several items selected: the page shows what they share (their kind,
 * their channel when all are touchpoints, their colour), a value they do
 * not share as "Mixed", and writes a change to all of them in one command
 * group, one undo step, all or nothing. It follows the history, not each
 * item: after any step (an undo among them) it reads the items again. */

struct _JmItemsPage
{
  JmInspectorPage parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget *kind_row;
  GtkWidget *channel_row;
  GtkWidget *color_row;
  GtkWidget *color_button;
  GtkWidget *color_reset;

  GArray    *kinds;      /* the JmItemKind of each row of kind_row, MIXED_ROW for "Mixed" */
  GArray    *channels;   /* the JmChannel of each row of channel_row, MIXED_ROW for "Mixed" */
  gulong     kind_handler;
  gulong     channel_handler;
  gulong     color_handler;

  JmCommandStack *stack;
  GPtrArray      *items; /* of JmItem */
  guint           sync_id;
};

G_DEFINE_FINAL_TYPE (JmItemsPage, jm_items_page, JM_TYPE_INSPECTOR_PAGE)

static GtkStringList *
jm_items_page_kind_model (GType   enum_type,
                          int     first_value,
                          GArray *values)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  const JmKind *kinds;
  guint n_kinds;

  kinds = jm_kinds_get (enum_type, &n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      if (kinds[i].value < first_value)
        continue;
      g_array_append_val (values, kinds[i].value);
      gtk_string_list_append (model, jm_kind_get_label (&kinds[i]));
    }

  return model;
}

/* The value of the "Mixed" entry. */
#define MIXED_ROW (-1)

/* A value the items do not share is selected as a "Mixed" entry first in
 * the list, there only while it is: libadwaita 1.7's combo rows select
 * their first entry when asked to select none. */
static void
set_mixed_entry (GtkWidget *row,
                 GArray    *values,
                 gboolean   mixed)
{
  GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
  gboolean shown = values->len > 0 && g_array_index (values, int, 0) == MIXED_ROW;
  int mixed_row = MIXED_ROW;

  if (mixed && !shown)
    {
      const char *label[] = { _("Mixed"), NULL };

      g_array_prepend_val (values, mixed_row);
      gtk_string_list_splice (model, 0, 0, label);
    }
  else if (!mixed && shown)
    {
      g_array_remove_index (values, 0);
      gtk_string_list_remove (model, 0);
    }
}

static guint
position_of (GArray *values,
             int     value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, int, i) == value)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* A row's value shared by every item, or "Mixed" below its title. */
static void
show_mixed (GtkWidget *row,
            gboolean   mixed)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mixed ? _("Mixed") : NULL);
}

static void
jm_items_page_sync (JmItemsPage *self)
{
  gboolean same_kind = TRUE, same_channel = TRUE, same_color = TRUE, all_touchpoints = TRUE, any_color = FALSE;
  JmItem *first;
  g_autofree char *title = NULL;

  if (self->items == NULL || self->items->len == 0)
    return;

  first = self->items->pdata[0];
  for (guint i = 0; i < self->items->len; i++)
    {
      JmItem *item = self->items->pdata[i];

      same_kind &= jm_item_get_kind (item) == jm_item_get_kind (first);
      same_channel &= jm_item_get_channel (item) == jm_item_get_channel (first);
      same_color &= g_strcmp0 (jm_item_get_color (item), jm_item_get_color (first)) == 0;
      all_touchpoints &= jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT;
      any_color |= jm_item_get_color (item) != NULL;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Item", "%u Items", self->items->len),
                           self->items->len);
  adw_preferences_group_set_title (self->group, title);

  g_signal_handler_block (self->kind_row, self->kind_handler);
  g_signal_handler_block (self->channel_row, self->channel_handler);
  g_signal_handler_block (self->color_button, self->color_handler);

  set_mixed_entry (self->kind_row, self->kinds, !same_kind);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row),
                              position_of (self->kinds, same_kind ? (int) jm_item_get_kind (first) : MIXED_ROW));
  show_mixed (self->kind_row, !same_kind);

  /* A channel only when every item is a touchpoint, as for one item. */
  gtk_widget_set_visible (self->channel_row, all_touchpoints);
  set_mixed_entry (self->channel_row, self->channels, !same_channel);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->channel_row),
                              position_of (self->channels,
                                           same_channel ? (int) jm_item_get_channel (first) : MIXED_ROW));
  show_mixed (self->channel_row, !same_channel);

  jm_inspector_color_button_set_color (self->color_button, same_color ? jm_item_get_color (first) : NULL);
  show_mixed (self->color_row, !same_color);
  gtk_widget_set_sensitive (self->color_reset, any_color);

  g_signal_handler_unblock (self->kind_row, self->kind_handler);
  g_signal_handler_unblock (self->channel_row, self->channel_handler);
  g_signal_handler_unblock (self->color_button, self->color_handler);
}

static gboolean
sync_later_cb (gpointer data)
{
  JmItemsPage *self = data;

  self->sync_id = 0;
  jm_items_page_sync (self);
  return G_SOURCE_REMOVE;
}

/* @value for @property of every item, as one step; none changes if one
 * is refused, and the page says why. */
static void
jm_items_page_write (JmItemsPage  *self,
                     const char   *property,
                     const GValue *value,
                     const char   *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean ok = TRUE;

  if (self->stack == NULL || self->items == NULL)
    return;

  /* The step changes the items' kinds; the page reads them again after. */
  items = g_ptr_array_ref (self->items);
  jm_command_stack_begin_group (self->stack, label);
  for (guint i = 0; ok && i < items->len; i++)
    ok = jm_edit_set (self->stack, items->pdata[i], property, value, 0, &error);

  if (ok)
    {
      jm_command_stack_end_group (self->stack);
      return;
    }

  jm_command_stack_cancel_group (self->stack);
  jm_inspector_page_refuse (JM_INSPECTOR_PAGE (self), error);
  /* The row is set back after its own change signal. */
  if (self->sync_id == 0)
    self->sync_id = g_idle_add (sync_later_cb, self);
}

static void
on_kind_selected_cb (JmItemsPage *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (selected >= self->kinds->len || g_array_index (self->kinds, int, selected) == MIXED_ROW)
    return;

  g_value_init (&value, JM_TYPE_ITEM_KIND);
  g_value_set_enum (&value, g_array_index (self->kinds, int, selected));
  jm_items_page_write (self, "kind", &value, _("Change Kind"));
}

static void
on_channel_selected_cb (JmItemsPage *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->channel_row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (selected >= self->channels->len || g_array_index (self->channels, int, selected) == MIXED_ROW)
    return;

  g_value_init (&value, JM_TYPE_CHANNEL);
  g_value_set_enum (&value, g_array_index (self->channels, int, selected));
  jm_items_page_write (self, "channel", &value, _("Change Channel"));
}

static void
on_color_notify_cb (JmItemsPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, jm_inspector_color_button_dup_color (self->color_button));
  jm_items_page_write (self, "color", &value, _("Change Colour"));
}

static void
on_color_reset_cb (JmItemsPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  jm_items_page_write (self, "color", &value, _("Change Colour"));
}

static void
on_stack_changed_cb (JmItemsPage *self)
{
  jm_items_page_sync (self);
}

static void
jm_items_page_dispose (GObject *object)
{
  JmItemsPage *self = JM_ITEMS_PAGE (object);

  jm_items_page_set_items (self, NULL, NULL);
  g_clear_handle_id (&self->sync_id, g_source_remove);

  G_OBJECT_CLASS (jm_items_page_parent_class)->dispose (object);
}

static void
jm_items_page_finalize (GObject *object)
{
  JmItemsPage *self = JM_ITEMS_PAGE (object);

  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->channels, g_array_unref);

  G_OBJECT_CLASS (jm_items_page_parent_class)->finalize (object);
}

static void
jm_items_page_class_init (JmItemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_items_page_dispose;
  object_class->finalize = jm_items_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-items-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmItemsPage, group);
  gtk_widget_class_bind_template_child (widget_class, JmItemsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemsPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, JmItemsPage, color_row);
}

static void
jm_items_page_init (JmItemsPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) channels = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = g_array_new (FALSE, FALSE, sizeof (int));
  self->channels = g_array_new (FALSE, FALSE, sizeof (int));
  kinds = jm_items_page_kind_model (JM_TYPE_ITEM_KIND, 0, self->kinds);
  /* A touchpoint is on some channel: "none" is only a card's. */
  channels = jm_items_page_kind_model (JM_TYPE_CHANNEL, JM_CHANNEL_WEB, self->channels);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->channel_row), G_LIST_MODEL (channels));

  self->color_button = jm_inspector_color_button_new ();
  gtk_widget_set_valign (self->color_button, GTK_ALIGN_CENTER);
  jm_inspector_color_button_set_name (self->color_button,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->color_row)));
  self->color_reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (self->color_reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->color_reset, "flat");
  gtk_widget_set_tooltip_text (self->color_reset, _("Use the Theme’s Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use the Theme’s Colour"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->color_row), self->color_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->color_row), self->color_reset);

  self->kind_handler = g_signal_connect_swapped (self->kind_row, "notify::selected",
                                                 G_CALLBACK (on_kind_selected_cb), self);
  self->channel_handler = g_signal_connect_swapped (self->channel_row, "notify::selected",
                                                    G_CALLBACK (on_channel_selected_cb), self);
  self->color_handler = g_signal_connect_swapped (self->color_button, "notify::rgba",
                                                  G_CALLBACK (on_color_notify_cb), self);
  g_signal_connect_swapped (self->color_reset, "clicked", G_CALLBACK (on_color_reset_cb), self);
}

/**
 * jm_items_page_set_items:
 * @stack: (nullable): the history the edits go on
 * @items: (nullable) (element-type JmItem): the items selected, or %NULL
 *   for none (the page lets go of them)
 *
 * Shows what @items share. The page keeps a reference to @items.
 */
void
jm_items_page_set_items (JmItemsPage    *self,
                         JmCommandStack *stack,
                         GPtrArray      *items)
{
  g_return_if_fail (JM_IS_ITEMS_PAGE (self));

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, on_stack_changed_cb, self);
  g_set_object (&self->stack, stack);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  jm_inspector_page_set_object (JM_INSPECTOR_PAGE (self), stack, NULL);

  if (items == NULL || stack == NULL)
    return;

  self->items = g_ptr_array_ref (items);
  g_signal_connect_object (stack, "changed", G_CALLBACK (on_stack_changed_cb), self, G_CONNECT_SWAPPED);
  jm_items_page_sync (self);
}

/**
 * jm_items_page_get_items:
 *
 * Returns: (transfer none) (nullable) (element-type JmItem): the items shown
 */
GPtrArray *
jm_items_page_get_items (JmItemsPage *self)
{
  g_return_val_if_fail (JM_IS_ITEMS_PAGE (self), NULL);

  return self->items;
}
