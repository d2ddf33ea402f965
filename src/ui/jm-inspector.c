/* jm-inspector.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-inspector.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "io/jm-image-file.h"
#include "model/jm-enum-types.h"
#include "jm-alert.h"

/* The inspector shows the properties of one object (the map, a stage, a
 * lane, an item or an emotion point) as a form. Every change a field makes
 * is an edit on the stack; typing in one field is one undo step (a merge
 * key per field and focus). The form follows the model: after an undo,
 * fields show the restored values. */

typedef enum
{
  FIELD_TEXT,      /* AdwEntryRow, a string property */
  FIELD_LONG_TEXT, /* GtkTextView, a string property */
  FIELD_ENUM,      /* AdwComboRow over some of an enum's values */
  FIELD_NUMBER,    /* GtkSpinButton, a double or int property */
  FIELD_SWITCH,    /* GtkSwitch, a boolean property */
  FIELD_COLOR,     /* a colour button, a "#rrggbb" property, unset for the theme's colour */
  FIELD_PERSONA,   /* AdwComboRow over the map's personas, a persona id property */
} FieldKind;

typedef struct
{
  JmInspector *inspector;
  FieldKind    kind;
  const char  *property;
  GtkWidget   *widget;
  GtkWidget   *reset;     /* FIELD_COLOR: back to the theme's colour */
  GType        enum_type;
  const int   *enum_values;
  guint        n_enum_values;
  guint        merge_key;
  gulong       handler;
} Field;

struct _JmInspector
{
  GtkWidget       parent_instance;

  JmCommandStack *stack;
  GObject        *object;
  GtkWidget      *scrolled;
  GtkWidget      *page;
  GPtrArray      *fields;     /* Field */
  guint           next_merge_key;
  gboolean        syncing;
  guint           rebuild_id;
};

G_DEFINE_FINAL_TYPE (JmInspector, jm_inspector, GTK_TYPE_WIDGET)

static const int item_kinds[] = {
  JM_ITEM_KIND_CARD, JM_ITEM_KIND_TOUCHPOINT, JM_ITEM_KIND_PAIN_POINT,
  JM_ITEM_KIND_OPPORTUNITY, JM_ITEM_KIND_NOTE, JM_ITEM_KIND_IMAGE,
};
static const char *item_kind_labels[] = {
  N_("Card"), N_("Touchpoint"), N_("Pain point"), N_("Opportunity"), N_("Note"), N_("Image"), NULL
};
static const int channels[] = {
  JM_CHANNEL_WEB, JM_CHANNEL_EMAIL, JM_CHANNEL_STORE, JM_CHANNEL_PHONE, JM_CHANNEL_APP,
  JM_CHANNEL_SOCIAL, JM_CHANNEL_CHAT, JM_CHANNEL_AD, JM_CHANNEL_EVENT, JM_CHANNEL_MAIL, JM_CHANNEL_OTHER,
};
static const char *channel_labels[] = {
  N_("Web"), N_("Email"), N_("Store"), N_("Phone"), N_("App"), N_("Social"), N_("Chat"),
  N_("Advertising"), N_("Event"), N_("Mail"), N_("Other"), NULL
};
static const int moments[] = {
  JM_MOMENT_KIND_NONE, JM_MOMENT_KIND_ZERO, JM_MOMENT_KIND_FIRST, JM_MOMENT_KIND_SECOND, JM_MOMENT_KIND_CUSTOM,
};
static const char *moment_labels[] = {
  N_("None"), N_("Zero moment of truth"), N_("First moment of truth"), N_("Second moment of truth"),
  N_("Custom"), NULL
};
static const int lane_kinds[] = {
  JM_LANE_KIND_ACTIONS, JM_LANE_KIND_THOUGHTS, JM_LANE_KIND_TOUCHPOINTS, JM_LANE_KIND_EMOTIONS,
  JM_LANE_KIND_PAIN_POINTS, JM_LANE_KIND_OPPORTUNITIES, JM_LANE_KIND_BACKSTAGE, JM_LANE_KIND_TEXT,
  JM_LANE_KIND_IMAGES,
};
static const char *lane_kind_labels[] = {
  N_("Actions"), N_("Thoughts"), N_("Touchpoints"), N_("Emotional curve"), N_("Pain points"),
  N_("Opportunities"), N_("Backstage"), N_("Text"), N_("Images"), NULL
};

/* Fields {{{ */

static void
field_free (gpointer data)
{
  g_free (data);
}

static void
jm_inspector_report (JmInspector *self,
                     GError      *error)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  g_debug ("Edit refused: %s", error->message);
}

static char *
field_get_text (Field *field)
{
  if (field->kind == FIELD_LONG_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
}

static JmDocument *
jm_inspector_document (JmInspector *self)
{
  return jm_command_stack_get_document (self->stack);
}

/* The persona choices list "No persona" first, then the map's personas. */
static const char *
jm_inspector_persona_id_at (JmInspector *self,
                            guint        position)
{
  JmObjectStore *personas = jm_document_get_personas (jm_inspector_document (self));

  if (position == 0 || position > jm_object_store_get_n_objects (personas))
    return NULL;

  return jm_object_get_id (jm_object_store_get_object (personas, position - 1));
}

static guint
jm_inspector_persona_position (JmInspector *self,
                               const char  *id)
{
  JmObjectStore *personas = jm_document_get_personas (jm_inspector_document (self));
  JmObject *persona = id != NULL ? jm_object_store_lookup (personas, id) : NULL;
  guint position;

  if (persona == NULL || !jm_object_store_find (personas, persona, &position))
    return 0;

  return position + 1;
}

/* A colour button: GtkColorDialogButton from GTK 4.10, which deprecates
 * GtkColorButton; GtkColorButton on GTK 4.8, which lacks the other. */
static GtkWidget *
color_button_new (void)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkColorDialog *dialog = gtk_color_dialog_new ();

  gtk_color_dialog_set_with_alpha (dialog, FALSE);
  return gtk_color_dialog_button_new (dialog);
#else
  GtkWidget *button = gtk_color_button_new ();

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  return button;
#endif
}

static void
color_button_get_rgba (GtkWidget *button,
                       GdkRGBA   *rgba)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  *rgba = *gtk_color_dialog_button_get_rgba (GTK_COLOR_DIALOG_BUTTON (button));
#else
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), rgba);
#endif
}

static void
color_button_set_rgba (GtkWidget     *button,
                       const GdkRGBA *rgba)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_color_dialog_button_set_rgba (GTK_COLOR_DIALOG_BUTTON (button), rgba);
#else
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), rgba);
#endif
}

static char *
field_get_color (Field *field)
{
  GdkRGBA rgba;

  color_button_get_rgba (field->widget, &rgba);
  return g_strdup_printf ("#%02x%02x%02x", (guint) (CLAMP (rgba.red, 0.0, 1.0) * 255 + 0.5),
                          (guint) (CLAMP (rgba.green, 0.0, 1.0) * 255 + 0.5),
                          (guint) (CLAMP (rgba.blue, 0.0, 1.0) * 255 + 0.5));
}

static void
field_set_color (Field      *field,
                 const char *color)
{
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 1.0 };

  if (color != NULL)
    gdk_rgba_parse (&rgba, color);
  color_button_set_rgba (field->widget, &rgba);
  gtk_widget_set_sensitive (field->reset, color != NULL);
}

static void jm_inspector_sync        (JmInspector *self);
static void jm_inspector_show_error  (JmInspector *self,
                                      const char  *heading,
                                      GError      *error);

static gboolean
jm_inspector_sync_later_cb (gpointer data)
{
  JmInspector *self = data;

  if (self->fields != NULL)
    jm_inspector_sync (self);
  return G_SOURCE_REMOVE;
}

/* A field set back to the model's value from its own change handler
 * would change again within the widget's signal: it is set back after. */
static void
jm_inspector_sync_later (JmInspector *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, jm_inspector_sync_later_cb, g_object_ref (self), g_object_unref);
}

/* An item keeps its picture whatever its kind, but only an image's is
 * written: made an image again, the picture counts against the file's
 * limit again. */
static gboolean
jm_inspector_check_kind_room (JmInspector  *self,
                              JmItem       *item,
                              JmItemKind    kind,
                              GError      **error)
{
  GBytes *picture = jm_item_get_image (item);

  if (kind != JM_ITEM_KIND_IMAGE || jm_item_get_kind (item) == JM_ITEM_KIND_IMAGE || picture == NULL)
    return TRUE;

  return jm_document_io_check_room (jm_inspector_document (self), g_bytes_get_size (picture), 0, error);
}

static void
on_field_changed_cb (Field *field)
{
  JmInspector *self = field->inspector;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->syncing || self->stack == NULL || self->object == NULL)
    return;

  switch (field->kind)
    {
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
      {
        g_autofree char *text = field_get_text (field);
        ok = jm_edit_set_string (self->stack, self->object, field->property, *text ? text : NULL,
                                 field->merge_key, &error);
      }
      break;

    case FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (selected >= field->n_enum_values)
          break;
        if (JM_IS_ITEM (self->object) && g_str_equal (field->property, "kind"))
          {
            /* Not a refusal of a moment's typing: it needs its reason. */
            if (!jm_inspector_check_kind_room (self, JM_ITEM (self->object), field->enum_values[selected], &error))
              {
                jm_inspector_show_error (self, _("Could Not Change the Kind"), error);
                jm_inspector_sync_later (self);
                return;
              }
            ok = jm_edit_set_item_kind (self->stack, JM_ITEM (self->object), field->enum_values[selected], &error);
          }
        else
          ok = jm_edit_set_enum (self->stack, self->object, field->property,
                                 field->enum_values[selected], &error);
      }
      break;

    case FIELD_NUMBER:
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), field->property);
        double number = gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->widget));

        if (pspec->value_type == G_TYPE_INT)
          ok = jm_edit_set_int (self->stack, self->object, field->property, (int) number, field->merge_key, &error);
        else
          ok = jm_edit_set_double (self->stack, self->object, field->property, number, field->merge_key, &error);
      }
      break;

    case FIELD_SWITCH:
      ok = jm_edit_set_boolean (self->stack, self->object, field->property,
                                gtk_switch_get_active (GTK_SWITCH (field->widget)), &error);
      break;

    case FIELD_COLOR:
      {
        g_autofree char *color = field_get_color (field);
        ok = jm_edit_set_string (self->stack, self->object, field->property, color, 0, &error);
      }
      break;

    case FIELD_PERSONA:
      {
        const char *id = jm_inspector_persona_id_at (self, adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget)));
        ok = jm_edit_set_string (self->stack, self->object, field->property, id, 0, &error);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    jm_inspector_report (self, error);
}

static void
on_color_reset_cb (Field *field)
{
  JmInspector *self = field->inspector;
  g_autoptr(GError) error = NULL;

  if (self->stack == NULL || self->object == NULL)
    return;

  if (!jm_edit_set_string (self->stack, self->object, field->property, NULL, 0, &error))
    jm_inspector_report (self, error);
}

/* Typing after focus returns is a new undo step. */
static void
on_field_focus_enter_cb (Field *field)
{
  field->merge_key = ++field->inspector->next_merge_key;
}

/* Pango wraps a run of text that offers no break in time that grows
 * with the square of its length: a body of 100,000 letters without a
 * space froze the window for half a minute when its card was selected.
 * Such a text is shown unwrapped, scrolled sideways, and laid out once;
 * every other text wraps at words. */
#define JM_INSPECTOR_MAX_WRAPPED_RUN 2000

static gboolean
text_has_long_unbroken_run (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '/')
        run = 0;
      else if (++run > JM_INSPECTOR_MAX_WRAPPED_RUN)
        return TRUE;
    }

  return FALSE;
}

static void
jm_inspector_fit_wrap (GtkTextView *view,
                       const char  *text)
{
  gboolean unbroken = text != NULL && text_has_long_unbroken_run (text);
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (view));

  g_assert (GTK_IS_SCROLLED_WINDOW (scrolled));

  gtk_text_view_set_wrap_mode (view, unbroken ? GTK_WRAP_NONE : GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  unbroken ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER, GTK_POLICY_NEVER);
}

static void
jm_inspector_sync_field (JmInspector *self,
                         Field       *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), field->property);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (self->object, field->property, &value);

  switch (field->kind)
    {
    case FIELD_TEXT:
      {
        const char *text = g_value_get_string (&value);
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), text ? text : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (field->widget), text ? text : "");
      }
      break;

    case FIELD_LONG_TEXT:
      {
        g_autofree char *current = field_get_text (field);
        const char *text = g_value_get_string (&value);

        if (g_strcmp0 (current, text ? text : "") != 0)
          {
            jm_inspector_fit_wrap (GTK_TEXT_VIEW (field->widget), text);
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), text ? text : "", -1);
          }
      }
      break;

    case FIELD_ENUM:
      for (guint i = 0; i < field->n_enum_values; i++)
        {
          if (field->enum_values[i] == g_value_get_enum (&value))
            adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), i);
        }
      break;

    case FIELD_NUMBER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget),
                                 G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value) : g_value_get_double (&value));
      break;

    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget), g_value_get_boolean (&value));
      break;

    case FIELD_COLOR:
      field_set_color (field, g_value_get_string (&value));
      break;

    case FIELD_PERSONA:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                                  jm_inspector_persona_position (self, g_value_get_string (&value)));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
jm_inspector_sync (JmInspector *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    jm_inspector_sync_field (self, self->fields->pdata[i]);
  self->syncing = FALSE;
}

static Field *
jm_inspector_add_field (JmInspector *self,
                        FieldKind    kind,
                        const char  *property,
                        GtkWidget   *widget)
{
  Field *field = g_new0 (Field, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  field->inspector = self;
  field->kind = kind;
  field->property = property;
  field->widget = widget;
  field->merge_key = ++self->next_merge_key;
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_field_focus_enter_cb), field);
  gtk_widget_add_controller (widget, focus);
  g_ptr_array_add (self->fields, field);

  return field;
}

static AdwPreferencesGroup *
jm_inspector_group (JmInspector *self,
                    const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
jm_inspector_text (JmInspector         *self,
                   AdwPreferencesGroup *group,
                   const char          *title,
                   const char          *property)
{
  GtkWidget *row = adw_entry_row_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, property);
  adw_preferences_group_add (group, row);
  field = jm_inspector_add_field (self, FIELD_TEXT, property, row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_field_changed_cb), field);
}

static void
jm_inspector_long_text (JmInspector         *self,
                        AdwPreferencesGroup *group,
                        const char          *title,
                        const char          *property)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  Field *field;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_widget_set_name (view, property);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Grows with its text, as a frame would; scrolls sideways only for a
   * text shown unwrapped (jm_inspector_fit_wrap). */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_top (box, 12);
  adw_preferences_group_add (group, box);

  field = jm_inspector_add_field (self, FIELD_LONG_TEXT, property, view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (on_field_changed_cb), field);
}

static void
jm_inspector_choice (JmInspector         *self,
                     AdwPreferencesGroup *group,
                     const char          *title,
                     const char          *property,
                     const int           *values,
                     const char         **labels,
                     guint                n_values)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  Field *field;

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (model, _(labels[i]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_widget_set_name (row, property);
  adw_preferences_group_add (group, row);

  field = jm_inspector_add_field (self, FIELD_ENUM, property, row);
  field->enum_values = values;
  field->n_enum_values = n_values;
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_field_changed_cb), field);
}

static void
jm_inspector_number (JmInspector         *self,
                     AdwPreferencesGroup *group,
                     const char          *title,
                     const char          *property,
                     double               min,
                     double               max,
                     double               step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, property);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  field = jm_inspector_add_field (self, FIELD_NUMBER, property, spin);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_field_changed_cb), field);
}

static void
jm_inspector_switch (JmInspector         *self,
                     AdwPreferencesGroup *group,
                     const char          *title,
                     const char          *subtitle,
                     const char          *property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_name (toggle, property);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);

  field = jm_inspector_add_field (self, FIELD_SWITCH, property, toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_field_changed_cb), field);
}

static void
jm_inspector_color (JmInspector         *self,
                    AdwPreferencesGroup *group,
                    const char          *title,
                    const char          *property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  Field *field;

  button = color_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, property);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Use the Theme’s Colour"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  adw_preferences_group_add (group, row);

  field = jm_inspector_add_field (self, FIELD_COLOR, property, button);
  field->reset = reset;
  g_signal_connect_swapped (button, "notify::rgba", G_CALLBACK (on_field_changed_cb), field);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (on_color_reset_cb), field);
}

static void
jm_inspector_persona_choice (JmInspector         *self,
                             AdwPreferencesGroup *group,
                             const char          *title,
                             const char          *property)
{
  JmObjectStore *personas = jm_document_get_personas (jm_inspector_document (self));
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  Field *field;

  gtk_string_list_append (model, _("No persona"));
  for (guint i = 0; i < jm_object_store_get_n_objects (personas); i++)
    {
      const char *name = jm_persona_get_name (jm_object_store_get_object (personas, i));
      gtk_string_list_append (model, name != NULL && *name != '\0' ? name : _("Unnamed persona"));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_widget_set_name (row, property);
  adw_preferences_group_add (group, row);

  field = jm_inspector_add_field (self, FIELD_PERSONA, property, row);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_field_changed_cb), field);
}

/* }}} */

/* Forms {{{ */

static void
jm_inspector_build_item (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Item"));
  JmItem *item = JM_ITEM (self->object);

  jm_inspector_text (self, group, _("Title"), "title");
  jm_inspector_long_text (self, group, _("Text"), "body");
  jm_inspector_choice (self, group, _("Kind"), "kind", item_kinds, item_kind_labels, G_N_ELEMENTS (item_kinds));
  if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT)
    jm_inspector_choice (self, group, _("Channel"), "channel", channels, channel_labels, G_N_ELEMENTS (channels));
  jm_inspector_color (self, group, _("Colour"), "color");

  group = jm_inspector_group (self, _("Moment of Truth"));
  jm_inspector_choice (self, group, _("Moment"), "moment", moments, moment_labels, G_N_ELEMENTS (moments));
  if (jm_item_get_moment (item) == JM_MOMENT_KIND_CUSTOM)
    jm_inspector_text (self, group, _("Name"), "moment-label");
  if (jm_item_get_moment (item) != JM_MOMENT_KIND_NONE)
    jm_inspector_long_text (self, group, _("Why it is decisive"), "moment-rationale");
}

static void
jm_inspector_build_point (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Emotion Point"));

  jm_inspector_text (self, group, _("Feeling"), "label");
  jm_inspector_number (self, group, _("Score"), "score", JM_SCORE_MIN, JM_SCORE_MAX, 0.5);
  jm_inspector_number (self, group, _("Place in the stage"), "position", 0.0, 1.0, 0.05);
  if (self->stack != NULL)
    jm_inspector_persona_choice (self, group, _("Persona"), "persona-id");
}

static void
jm_inspector_build_stage (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Stage"));

  jm_inspector_text (self, group, _("Name"), "name");
  jm_inspector_long_text (self, group, _("Description"), "description");
  jm_inspector_text (self, group, _("Duration"), "duration");
  jm_inspector_number (self, group, _("Width"), "width", JM_STAGE_MIN_WIDTH, JM_STAGE_MAX_WIDTH, 10);
  jm_inspector_color (self, group, _("Colour"), "color");
}

static void
jm_inspector_build_lane (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Lane"));

  jm_inspector_text (self, group, _("Name"), "name");
  jm_inspector_choice (self, group, _("Kind"), "kind", lane_kinds, lane_kind_labels, G_N_ELEMENTS (lane_kinds));
}

/* Photos {{{ */

static void
jm_inspector_show_error (JmInspector *self,
                         const char  *heading,
                         GError      *error)
{
  JmAlert *alert = jm_alert_new (heading, error->message);

  jm_alert_add_response (alert, "close", _("_Close"));
  jm_alert_present (alert, GTK_WIDGET (self));
}

/* Sets or, with %NULL @photo, removes the persona's photo: one step. */
static gboolean
jm_inspector_set_photo (JmInspector  *self,
                        JmPersona    *persona,
                        GBytes       *photo,
                        const char   *type,
                        GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean ok;

  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, photo);
  jm_command_stack_begin_group (self->stack, photo != NULL ? _("Change Photo") : _("Remove Photo"));
  ok = jm_edit_set (self->stack, persona, "photo", &value, 0, error) &&
       jm_edit_set_string (self->stack, persona, "photo-type", type, 0, error);
  if (!ok)
    {
      jm_command_stack_cancel_group (self->stack);
      return FALSE;
    }

  jm_command_stack_end_group (self->stack);
  return TRUE;
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
  g_autoptr(GBytes) photo = NULL;
  GBytes *old_photo;
  const char *type;

  g_return_val_if_fail (JM_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (JM_IS_PERSONA (self->object), FALSE);

  photo = jm_image_file_load (file, &type, error);
  old_photo = jm_persona_get_photo (JM_PERSONA (self->object));
  if (photo == NULL ||
      !jm_document_io_check_room (jm_inspector_document (self), g_bytes_get_size (photo),
                                  old_photo != NULL ? g_bytes_get_size (old_photo) : 0, error))
    return FALSE;

  return jm_inspector_set_photo (self, JM_PERSONA (self->object), photo, type, error);
}

static void
on_photo_chosen_cb (GtkNativeDialog *dialog,
                    int              response,
                    JmInspector     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (file != NULL && JM_IS_PERSONA (self->object) && !jm_inspector_set_photo_file (self, file, &error))
    jm_inspector_show_error (self, _("Could Not Use the Photo"), error);

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_choose_photo_cb (JmInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  /* The renderer draws PNG and SVG pictures; GtkFileDialog needs 4.10. */
  gtk_file_filter_set_name (filter, _("PNG and SVG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_photo_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_remove_photo_cb (JmInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (!JM_IS_PERSONA (self->object) || jm_persona_get_photo (JM_PERSONA (self->object)) == NULL)
    return;

  if (!jm_inspector_set_photo (self, JM_PERSONA (self->object), NULL, NULL, &error))
    jm_inspector_report (self, error);
}

static void
jm_inspector_photo (JmInspector         *self,
                    AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Photo"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_name (choose, "choose-photo");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_name (remove, "remove-photo");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Photo"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (group, row);

  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_photo_cb), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_photo_cb), self);
}

/* }}} */

static void
jm_inspector_build_persona (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Persona"));

  jm_inspector_text (self, group, _("Name"), "name");
  jm_inspector_text (self, group, _("Role"), "role");
  jm_inspector_switch (self, group, _("Primary Persona"), _("The map is told from this persona’s view"),
                       "primary");
  jm_inspector_photo (self, group);
  jm_inspector_long_text (self, group, _("Description"), "description");
  jm_inspector_long_text (self, group, _("Goals"), "goals");
  jm_inspector_long_text (self, group, _("Motivations"), "motivations");
  jm_inspector_long_text (self, group, _("Frustrations"), "frustrations");
}

static void
jm_inspector_build_link (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Link"));

  jm_inspector_text (self, group, _("Label"), "label");
}

static void
jm_inspector_build_document (JmInspector *self)
{
  AdwPreferencesGroup *group = jm_inspector_group (self, _("Journey Map"));

  jm_inspector_text (self, group, _("Title"), "title");
  jm_inspector_long_text (self, group, _("Description"), "description");
  jm_inspector_text (self, group, _("Author"), "author");
  jm_inspector_number (self, group, _("Priority among the team's journeys"), "rank", 0, JM_RANK_MAX, 1);
  jm_inspector_number (self, group, _("Longest duration, in days"), "max-length-days", 0, JM_MAX_LENGTH_DAYS_MAX, 1);
}

static void
jm_inspector_rebuild (JmInspector *self)
{
  g_ptr_array_set_size (self->fields, 0);
  if (self->page != NULL)
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), NULL);
  self->page = adw_preferences_page_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->page);

  if (JM_IS_ITEM (self->object))
    jm_inspector_build_item (self);
  else if (JM_IS_EMOTION_POINT (self->object))
    jm_inspector_build_point (self);
  else if (JM_IS_STAGE (self->object))
    jm_inspector_build_stage (self);
  else if (JM_IS_LANE (self->object))
    jm_inspector_build_lane (self);
  else if (JM_IS_PERSONA (self->object))
    jm_inspector_build_persona (self);
  else if (JM_IS_LINK (self->object))
    jm_inspector_build_link (self);
  else if (JM_IS_DOCUMENT (self->object))
    jm_inspector_build_document (self);

  if (self->object != NULL)
    jm_inspector_sync (self);
}

/* }}} */

static gboolean
jm_inspector_rebuild_cb (gpointer data)
{
  JmInspector *self = data;

  self->rebuild_id = 0;
  jm_inspector_rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_object_notify_cb (JmInspector *self,
                     GParamSpec  *pspec,
                     GObject     *object)
{
  /* Some values change which fields exist (a touchpoint has a channel, a
   * custom moment a name). The fields are made again once the change is
   * done: it may come from one of them, still in its signal (the combo
   * row of the kind was destroyed from its own handler). */
  if (g_str_equal (pspec->name, "kind") || g_str_equal (pspec->name, "moment"))
    {
      if (!self->syncing && self->rebuild_id == 0)
        self->rebuild_id = g_idle_add (jm_inspector_rebuild_cb, self);
      return;
    }

  jm_inspector_sync (self);
}

static void
jm_inspector_dispose (GObject *object)
{
  JmInspector *self = JM_INSPECTOR (object);

  if (self->object != NULL)
    g_signal_handlers_disconnect_by_data (self->object, self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->object);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (jm_inspector_parent_class)->dispose (object);
}

static void
jm_inspector_class_init (JmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-inspector");
}

static void
jm_inspector_init (JmInspector *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
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

/**
 * jm_inspector_set_object:
 * @object: (nullable): the document or one of its objects
 */
void
jm_inspector_set_object (JmInspector *self,
                         GObject     *object)
{
  g_return_if_fail (JM_IS_INSPECTOR (self));

  if (self->object == object)
    return;

  if (self->object != NULL)
    g_signal_handlers_disconnect_by_data (self->object, self);
  g_set_object (&self->object, object);
  if (object != NULL)
    g_signal_connect_object (object, "notify", G_CALLBACK (on_object_notify_cb), self, G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  jm_inspector_rebuild (self);
}

GObject *
jm_inspector_get_object (JmInspector *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), NULL);

  return self->object;
}
