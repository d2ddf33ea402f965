/* jm-item-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-item-page.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "commands/jm-edit.h"
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

  /* Link to…: a searchable list of the other items of the layer, made
   * here rather than in the template, as it is filled when opened. */
  GtkWidget *link_button;
  GtkWidget *link_search;
  GtkWidget *link_list;
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

/* Link to… {{{ */

/* The state whose items @item is among. */
static gboolean
find_item_state (JmDocument   *document,
                 JmItem       *item,
                 JmLayerState *state)
{
  static const JmLayerState states[] = { JM_LAYER_STATE_CURRENT, JM_LAYER_STATE_FUTURE };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (jm_object_store_find (jm_layer_get_items (jm_document_get_layer (document, states[i])), JM_OBJECT (item), NULL))
        {
          *state = states[i];
          return TRUE;
        }
    }

  return FALSE;
}

/* "Title, stage × lane": the item named in full, as a list read aloud
 * needs it (several cards may share a title). */
static char *
dup_item_full_name (JmDocument *document,
                    JmItem     *item)
{
  JmStage *stage = jm_document_lookup_stage (document, jm_item_get_stage_id (item));
  JmLane *lane = jm_document_lookup_lane (document, jm_item_get_lane_id (item));
  const char *title = jm_item_get_title (item);

  /* Translators: an item in a list: its title, its stage × its lane */
  return g_strdup_printf (_("%s, %s × %s"),
                          title != NULL && *title != '\0' ? title : _("Untitled"),
                          stage != NULL && jm_stage_get_name (stage) != NULL ? jm_stage_get_name (stage) : "",
                          lane != NULL && jm_lane_get_name (lane) != NULL ? jm_lane_get_name (lane) : "");
}

static gboolean
link_row_matches (GtkListBoxRow *row,
                  gpointer       user_data)
{
  JmItemPage *self = JM_ITEM_PAGE (user_data);
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->link_search)), -1);
  const char *name = g_object_get_data (G_OBJECT (row), "jm-casefolded-name");

  return *query == '\0' || (name != NULL && strstr (name, query) != NULL);
}

/* The other items of the item's state, in the order of the map. */
static void
fill_link_list (JmItemPage *self)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);
  JmDocument *document = jm_inspector_page_get_document (page);
  GObject *object = jm_inspector_page_get_object (page);
  GtkWidget *child;
  JmObjectStore *items;
  JmLayerState state;

  while ((child = gtk_widget_get_first_child (self->link_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->link_list), child);
  gtk_editable_set_text (GTK_EDITABLE (self->link_search), "");

  if (document == NULL || !JM_IS_ITEM (object) || !find_item_state (document, JM_ITEM (object), &state))
    return;

  items = jm_layer_get_items (jm_document_get_layer (document, state));
  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);
      g_autofree char *name = NULL;
      GtkWidget *row, *label;

      if ((GObject *) item == object)
        continue;

      name = dup_item_full_name (document, item);
      label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Wrapped, not cut: the stage and lane tell same titles apart. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_tooltip_text (row, name);
      g_object_set_data_full (G_OBJECT (row), "jm-item-id", g_strdup (jm_object_get_id (JM_OBJECT (item))), g_free);
      g_object_set_data_full (G_OBJECT (row), "jm-casefolded-name", g_utf8_casefold (name, -1), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->link_list), row);
    }
}

static void
on_link_popover_show_cb (JmItemPage *self)
{
  fill_link_list (self);
  gtk_widget_grab_focus (self->link_search);
}

/* A link from the item shown to @row's, one undo step. */
static void
on_link_row_activated_cb (JmItemPage    *self,
                          GtkListBoxRow *row)
{
  JmInspectorPage *page = JM_INSPECTOR_PAGE (self);
  JmDocument *document = jm_inspector_page_get_document (page);
  GObject *object = jm_inspector_page_get_object (page);
  const char *target = g_object_get_data (G_OBJECT (row), "jm-item-id");
  g_autoptr(GError) error = NULL;
  JmLayerState state;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->link_button));
  if (document == NULL || target == NULL || !JM_IS_ITEM (object) ||
      !find_item_state (document, JM_ITEM (object), &state))
    return;

  if (jm_edit_add_link (jm_inspector_page_get_stack (page), state, jm_object_get_id (JM_OBJECT (object)), target,
                        NULL, &error) == NULL)
    jm_inspector_page_refuse (page, error);
}

static GtkListBoxRow *
first_shown_link_row (JmItemPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->link_list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && link_row_matches (GTK_LIST_BOX_ROW (child), self))
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

/* Enter in the search links to the first item found. */
static void
on_link_search_activate_cb (JmItemPage *self)
{
  GtkListBoxRow *row = first_shown_link_row (self);

  if (row != NULL)
    on_link_row_activated_cb (self, row);
  else
    gtk_widget_error_bell (self->link_search);
}

/* Down from the search goes into the list, as in a file chooser. */
static gboolean
on_link_search_key_pressed_cb (JmItemPage *self,
                               guint       keyval,
                               guint       keycode,
                               GdkModifierType state)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  row = first_shown_link_row (self);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return row != NULL;
}

static void
jm_item_page_add_link_row (JmItemPage *self)
{
  GtkWidget *preferences = gtk_widget_get_first_child (GTK_WIDGET (self));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No other items"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_assert (ADW_IS_PREFERENCES_PAGE (preferences));

  self->link_search = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the items to link to"), -1);
  g_signal_connect_swapped (self->link_search, "activate", G_CALLBACK (on_link_search_activate_cb), self);
  /* Ahead of the text inside the entry, whatever it does with Down. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_link_search_key_pressed_cb), self);
  gtk_widget_add_controller (self->link_search, keys);

  self->link_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->link_list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->link_list), TRUE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->link_list), link_row_matches, self, NULL);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->link_list), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Items to link to"), -1);
  g_signal_connect_swapped (self->link_search, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter),
                            self->link_list);
  g_signal_connect_swapped (self->link_list, "row-activated", G_CALLBACK (on_link_row_activated_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_widget_set_size_request (scrolled, 360, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->link_list);
  gtk_box_append (GTK_BOX (box), self->link_search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_link_popover_show_cb), self);

  self->link_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->link_button), _("Link to…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->link_button), popover);
  gtk_widget_set_valign (self->link_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->link_button, _("Link this item to another one, chosen from a list"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Links"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->link_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->link_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (preferences), ADW_PREFERENCES_GROUP (group));
}

/* }}} */

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
  jm_item_page_add_link_row (self);
}
