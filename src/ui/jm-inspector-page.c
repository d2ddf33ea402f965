/* jm-inspector-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-inspector-page.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit.h"
#include "model/jm-kinds.h"

/* A page shows the properties of one object as rows its template
 * declares; the subclass binds each row to a property once, in its
 * init. Every change a row makes is written through the class's write
 * (jm_edit_set() unless a page needs more), one undo step; typing in one
 * row is one step (a merge key per row and focus). The rows follow the
 * model: after an undo, or any change, they show the values restored,
 * with their own handlers blocked while they are filled. Which rows show
 * is the page's update: rows are never made or destroyed after init. */

typedef enum
{
  FIELD_TEXT,      /* a GtkEditable (AdwEntryRow), a string property */
  FIELD_LONG_TEXT, /* GtkTextView, a string property */
  FIELD_CHOICE,    /* AdwComboRow over the kinds of an enum */
  FIELD_NUMBER,    /* GtkSpinButton, a double or int property */
  FIELD_SWITCH,    /* GtkSwitch, a boolean property */
  FIELD_COLOR,     /* a colour button, a "#rrggbb" property, unset for the theme's colour */
  FIELD_PERSONA,   /* AdwComboRow over the map's personas, a persona id property */
} FieldKind;

typedef struct
{
  JmInspectorPage *page;
  FieldKind        kind;
  const char      *property;
  GtkWidget       *widget;
  GtkWidget       *reset;     /* FIELD_COLOR: back to the theme's colour */
  GArray          *values;    /* FIELD_CHOICE: the enum value of each position */
  guint            merge_key;
  gpointer         instance;  /* what emits the change signal */
  gulong           handler;
} Field;

typedef struct
{
  JmCommandStack *stack;
  GObject        *object;
  GPtrArray      *fields;     /* Field */
  char           *refusal;
  guint           sync_id;
} JmInspectorPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JmInspectorPage, jm_inspector_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REFUSAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shared by every page, so that no two rows ever merge their steps. */
static guint next_merge_key;

static void jm_inspector_page_sync (JmInspectorPage *self);

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->values, g_array_unref);
  g_free (field);
}

/* Colours {{{ */

/* A colour button: GtkColorDialogButton from GTK 4.10, which deprecates
 * GtkColorButton; GtkColorButton on GTK 4.8, which lacks the other. Made
 * here, not in the templates, as the type depends on the version. */
GtkWidget *
jm_inspector_color_button_new (void)
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

/**
 * jm_inspector_color_button_set_name:
 * @name: what the colour is of: its row's title
 *
 * Names the button for assistive technologies. What they reach is the
 * plain button inside it (in GtkColorButton and GtkColorDialogButton
 * alike), which would be unnamed.
 */
void
jm_inspector_color_button_set_name (GtkWidget  *button,
                                    const char *name)
{
  GtkWidget *inner = gtk_widget_get_first_child (button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (GTK_IS_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * jm_inspector_color_button_dup_color:
 *
 * Returns: (transfer full): the colour a button shows, as "#rrggbb"
 */
char *
jm_inspector_color_button_dup_color (GtkWidget *button)
{
  GdkRGBA rgba;

#if GTK_CHECK_VERSION (4, 10, 0)
  rgba = *gtk_color_dialog_button_get_rgba (GTK_COLOR_DIALOG_BUTTON (button));
#else
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
#endif
  return g_strdup_printf ("#%02x%02x%02x", (guint) (CLAMP (rgba.red, 0.0, 1.0) * 255 + 0.5),
                          (guint) (CLAMP (rgba.green, 0.0, 1.0) * 255 + 0.5),
                          (guint) (CLAMP (rgba.blue, 0.0, 1.0) * 255 + 0.5));
}

/**
 * jm_inspector_color_button_set_color:
 * @color: (nullable): "#rrggbb", or %NULL for the grey of no colour
 */
void
jm_inspector_color_button_set_color (GtkWidget  *button,
                                     const char *color)
{
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 1.0 };

  if (color != NULL)
    gdk_rgba_parse (&rgba, color);
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_color_dialog_button_set_rgba (GTK_COLOR_DIALOG_BUTTON (button), &rgba);
#else
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
#endif
}

static char *
field_get_color (Field *field)
{
  return jm_inspector_color_button_dup_color (field->widget);
}

static void
field_set_color (Field      *field,
                 const char *color)
{
  jm_inspector_color_button_set_color (field->widget, color);
  gtk_widget_set_sensitive (field->reset, color != NULL);
}

/* }}} */

/* Long texts {{{ */

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
fit_wrap (GtkTextView *view,
          const char  *text)
{
  gboolean unbroken = text != NULL && text_has_long_unbroken_run (text);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);

  g_assert (GTK_IS_SCROLLED_WINDOW (scrolled));

  gtk_text_view_set_wrap_mode (view, unbroken ? GTK_WRAP_NONE : GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  unbroken ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER, GTK_POLICY_NEVER);
}

/* }}} */

static char *
field_get_text (Field *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (field->kind != FIELD_LONG_TEXT)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The persona choices list "No persona" first, then the map's personas. */
static const char *
persona_id_at (JmInspectorPage *self,
               guint            position)
{
  JmDocument *document = jm_inspector_page_get_document (self);
  JmObjectStore *personas;

  /* Without a stack, there is no map to list the personas of. */
  if (document == NULL)
    return NULL;

  personas = jm_document_get_personas (document);
  if (position == 0 || position > jm_object_store_get_n_objects (personas))
    return NULL;

  return jm_object_get_id (jm_object_store_get_object (personas, position - 1));
}

static guint
persona_position (JmInspectorPage *self,
                  const char      *id)
{
  JmDocument *document = jm_inspector_page_get_document (self);
  JmObjectStore *personas;
  JmObject *persona;
  guint position;

  if (document == NULL || id == NULL)
    return 0;

  personas = jm_document_get_personas (document);
  persona = jm_object_store_lookup (personas, id);
  if (persona == NULL || !jm_object_store_find (personas, persona, &position))
    return 0;

  return position + 1;
}

static void
set_refusal (JmInspectorPage *self,
             const char      *refusal)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  if (g_strcmp0 (priv->refusal, refusal) == 0)
    return;

  g_free (priv->refusal);
  priv->refusal = g_strdup (refusal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSAL]);
}

static gboolean
sync_later_cb (gpointer data)
{
  JmInspectorPage *self = data;
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  priv->sync_id = 0;
  jm_inspector_page_sync (self);
  return G_SOURCE_REMOVE;
}

/* Reads what a row shows into @value, of the property's type: %FALSE
 * for a choice row that shows none. */
static gboolean
field_get_value (Field  *field,
                 GValue *value)
{
  switch (field->kind)
    {
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
      {
        g_autofree char *text = field_get_text (field);
        g_value_set_string (value, *text != '\0' ? text : NULL);
      }
      break;

    case FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (selected >= field->values->len)
          return FALSE;
        g_value_set_enum (value, g_array_index (field->values, int, selected));
      }
      break;

    case FIELD_NUMBER:
      {
        double number = gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->widget));

        if (G_VALUE_HOLDS_INT (value))
          g_value_set_int (value, (int) number);
        else
          g_value_set_double (value, number);
      }
      break;

    case FIELD_SWITCH:
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (field->widget)));
      break;

    case FIELD_COLOR:
      g_value_take_string (value, field_get_color (field));
      break;

    case FIELD_PERSONA:
      g_value_set_string (value, persona_id_at (field->page,
                                                adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget))));
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean
jm_inspector_page_write (JmInspectorPage  *self,
                         const char       *property,
                         const GValue     *value,
                         guint             merge_key,
                         GError          **error)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  return jm_edit_set (priv->stack, priv->object, property, value, merge_key, error);
}

static void
field_write (Field        *field,
             const GValue *value)
{
  JmInspectorPage *self = field->page;
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);
  gboolean typing = field->kind == FIELD_TEXT || field->kind == FIELD_LONG_TEXT || field->kind == FIELD_NUMBER;
  g_autoptr(GError) error = NULL;

  if (priv->stack == NULL || priv->object == NULL)
    return;

  if (!JM_INSPECTOR_PAGE_GET_CLASS (self)->write (self, field->property, value, typing ? field->merge_key : 0, &error))
    {
      jm_inspector_page_refuse (self, error);
      /* A choice set back to the model's value from its own change
       * handler would change again within the widget's signal: it is
       * set back after. Typing stays, to be mended. */
      if (!typing && priv->sync_id == 0)
        priv->sync_id = g_idle_add (sync_later_cb, self);
      return;
    }

  set_refusal (self, NULL);
}

static void
on_field_changed_cb (Field *field)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (field->page);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (priv->object == NULL)
    return;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (priv->object), field->property);
  g_value_init (&value, pspec->value_type);
  if (field_get_value (field, &value))
    field_write (field, &value);
}

static void
on_color_reset_cb (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  field_write (field, &value);
}

/* Typing after focus returns is a new undo step. */
static void
on_field_focus_enter_cb (Field *field)
{
  field->merge_key = ++next_merge_key;
}

static void
field_sync (Field   *field,
            GObject *object)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field->property);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, field->property, &value);

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
            fit_wrap (GTK_TEXT_VIEW (field->widget), text);
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), text ? text : "", -1);
          }
      }
      break;

    case FIELD_CHOICE:
      {
        guint position = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; i < field->values->len; i++)
          if (g_array_index (field->values, int, i) == g_value_get_enum (&value))
            position = i;
        if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
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
                                  persona_position (field->page, g_value_get_string (&value)));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
jm_inspector_page_sync (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  if (priv->object == NULL)
    return;

  for (guint i = 0; i < priv->fields->len; i++)
    {
      Field *field = priv->fields->pdata[i];

      g_signal_handler_block (field->instance, field->handler);
      field_sync (field, priv->object);
      g_signal_handler_unblock (field->instance, field->handler);
    }

  if (JM_INSPECTOR_PAGE_GET_CLASS (self)->update != NULL)
    JM_INSPECTOR_PAGE_GET_CLASS (self)->update (self);
}

/* The persona choices are listed when an object is shown, not on every
 * change: a list replaced from the row's own handler is what broke the
 * kind row once. */
static void
fill_personas (JmInspectorPage *self,
               Field           *field)
{
  JmObjectStore *personas = jm_document_get_personas (jm_inspector_page_get_document (self));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("No persona"));
  for (guint i = 0; i < jm_object_store_get_n_objects (personas); i++)
    {
      const char *name = jm_persona_get_name (jm_object_store_get_object (personas, i));
      gtk_string_list_append (model, name != NULL && *name != '\0' ? name : _("Unnamed persona"));
    }

  g_signal_handler_block (field->instance, field->handler);
  adw_combo_row_set_model (ADW_COMBO_ROW (field->widget), G_LIST_MODEL (model));
  g_signal_handler_unblock (field->instance, field->handler);
}

static void
on_object_notify_cb (JmInspectorPage *self)
{
  jm_inspector_page_sync (self);
}

/* Fields {{{ */

static Field *
add_field (JmInspectorPage *self,
           FieldKind        kind,
           const char      *property,
           GtkWidget       *widget,
           gpointer         instance,
           const char      *signal)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);
  Field *field = g_new0 (Field, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  field->page = self;
  field->kind = kind;
  field->property = g_intern_string (property);
  field->widget = widget;
  field->instance = instance;
  field->merge_key = ++next_merge_key;
  field->handler = g_signal_connect_swapped (instance, signal, G_CALLBACK (on_field_changed_cb), field);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_field_focus_enter_cb), field);
  gtk_widget_add_controller (widget, focus);
  g_ptr_array_add (priv->fields, field);

  return field;
}

void
jm_inspector_page_bind_text (JmInspectorPage *self,
                             GtkWidget       *editable,
                             const char      *property)
{
  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  add_field (self, FIELD_TEXT, property, editable, editable, "changed");
}

/* Ctrl+Tab still types a tab, for the rare text that needs one. */
static gboolean
on_long_text_key_pressed_cb (GtkEventControllerKey *controller,
                             guint                  keyval,
                             guint                  keycode,
                             GdkModifierType        state,
                             GtkTextView           *view)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != GDK_CONTROL_MASK)
    return FALSE;

  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (view), "\t", 1,
                                                gtk_text_view_get_editable (view));
  return TRUE;
}

void
jm_inspector_page_bind_long_text (JmInspectorPage *self,
                                  GtkWidget       *text_view,
                                  const char      *property)
{
  GtkEventController *keys;

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  add_field (self, FIELD_LONG_TEXT, property, text_view,
             gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "changed");

  /* Tab and Shift+Tab move focus on, as in any other row: a keyboard
   * user would otherwise be kept in the field (and a description rarely
   * needs a tab character). */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_long_text_key_pressed_cb), text_view);
  gtk_widget_add_controller (text_view, keys);
}

/**
 * jm_inspector_page_bind_choice:
 * @enum_type: the property's enum type, listed in the kinds table
 * @first_value: the first value offered (a touchpoint's channel is never "none")
 */
void
jm_inspector_page_bind_choice (JmInspectorPage *self,
                               GtkWidget       *combo_row,
                               const char      *property,
                               GType            enum_type,
                               int              first_value)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const JmKind *kinds;
  guint n_kinds;
  Field *field;

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  field = add_field (self, FIELD_CHOICE, property, combo_row, combo_row, "notify::selected");
  field->values = g_array_new (FALSE, FALSE, sizeof (int));
  kinds = jm_kinds_get (enum_type, &n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      if (kinds[i].value < first_value)
        continue;
      g_array_append_val (field->values, kinds[i].value);
      gtk_string_list_append (model, jm_kind_get_label (&kinds[i]));
    }

  g_signal_handler_block (field->instance, field->handler);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo_row), G_LIST_MODEL (model));
  g_signal_handler_unblock (field->instance, field->handler);
}

/* The limits are the format's, set here from its constants. */
void
jm_inspector_page_bind_number (JmInspectorPage *self,
                               GtkWidget       *spin_button,
                               const char      *property,
                               double           min,
                               double           max,
                               double           step)
{
  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin_button));

  /* A new adjustment, as gtk_spin_button_new_with_range() makes: the
   * button is as wide as its largest value needs. */
  gtk_spin_button_configure (GTK_SPIN_BUTTON (spin_button), gtk_adjustment_new (min, min, max, step, step * 10, 0),
                             step, step < 1 ? (step < 0.1 ? 2 : 1) : 0);
  add_field (self, FIELD_NUMBER, property, spin_button, spin_button, "value-changed");
}

void
jm_inspector_page_bind_switch (JmInspectorPage *self,
                               GtkWidget       *toggle,
                               const char      *property)
{
  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (GTK_IS_SWITCH (toggle));

  add_field (self, FIELD_SWITCH, property, toggle, toggle, "notify::active");
}

/* Puts a colour button and its reset button at the end of @action_row. */
void
jm_inspector_page_bind_color (JmInspectorPage *self,
                              GtkWidget       *action_row,
                              const char      *property)
{
  GtkWidget *button = jm_inspector_color_button_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  Field *field;

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (ADW_IS_ACTION_ROW (action_row));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  jm_inspector_color_button_set_name (button, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (action_row)));
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Use the Theme’s Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use the Theme’s Colour"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), reset);

  field = add_field (self, FIELD_COLOR, property, button, button, "notify::rgba");
  field->reset = reset;
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (on_color_reset_cb), field);
}

void
jm_inspector_page_bind_persona (JmInspectorPage *self,
                                GtkWidget       *combo_row,
                                const char      *property)
{
  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  add_field (self, FIELD_PERSONA, property, combo_row, combo_row, "notify::selected");
}

/* }}} */

static void
jm_inspector_page_dispose (GObject *object)
{
  JmInspectorPage *self = JM_INSPECTOR_PAGE (object);
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);
  GtkWidget *child;

  if (priv->object != NULL)
    g_signal_handlers_disconnect_by_data (priv->object, self);
  g_clear_handle_id (&priv->sync_id, g_source_remove);
  g_clear_object (&priv->object);
  g_clear_object (&priv->stack);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (jm_inspector_page_parent_class)->dispose (object);
}

static void
jm_inspector_page_finalize (GObject *object)
{
  JmInspectorPage *self = JM_INSPECTOR_PAGE (object);
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_clear_pointer (&priv->fields, g_ptr_array_unref);
  g_free (priv->refusal);

  G_OBJECT_CLASS (jm_inspector_page_parent_class)->finalize (object);
}

static void
jm_inspector_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JmInspectorPage *self = JM_INSPECTOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_REFUSAL:
      g_value_set_string (value, jm_inspector_page_get_refusal (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_inspector_page_class_init (JmInspectorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_page_dispose;
  object_class->finalize = jm_inspector_page_finalize;
  object_class->get_property = jm_inspector_page_get_property;

  klass->write = jm_inspector_page_write;

  /**
   * JmInspectorPage:refusal:
   *
   * Why the last edit was refused, until one goes through or another
   * object is shown.
   */
  properties[PROP_REFUSAL] =
    g_param_spec_string ("refusal", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jm_inspector_page_init (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  priv->fields = g_ptr_array_new_with_free_func (field_free);
}

/**
 * jm_inspector_page_set_object:
 * @stack: (nullable): the stack edits go on
 * @object: (nullable): the object shown
 *
 * Shows @object, or nothing. Typing starts a new step.
 */
void
jm_inspector_page_set_object (JmInspectorPage *self,
                              JmCommandStack  *stack,
                              GObject         *object)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));

  g_set_object (&priv->stack, stack);
  if (priv->object != object)
    {
      if (priv->object != NULL)
        g_signal_handlers_disconnect_by_data (priv->object, self);
      g_set_object (&priv->object, object);
      if (object != NULL)
        g_signal_connect_object (object, "notify", G_CALLBACK (on_object_notify_cb), self, G_CONNECT_SWAPPED);
    }
  g_clear_handle_id (&priv->sync_id, g_source_remove);
  set_refusal (self, NULL);

  if (object == NULL)
    return;

  for (guint i = 0; i < priv->fields->len; i++)
    {
      Field *field = priv->fields->pdata[i];

      field->merge_key = ++next_merge_key;
      if (field->kind == FIELD_PERSONA && stack != NULL)
        fill_personas (self, field);
    }
  jm_inspector_page_sync (self);
}

GObject *
jm_inspector_page_get_object (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);

  return priv->object;
}

JmCommandStack *
jm_inspector_page_get_stack (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);

  return priv->stack;
}

/**
 * jm_inspector_page_get_document:
 *
 * Returns: (nullable) (transfer none): the document of the stack
 */
JmDocument *
jm_inspector_page_get_document (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);

  return priv->stack != NULL ? jm_command_stack_get_document (priv->stack) : NULL;
}

const char *
jm_inspector_page_get_refusal (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);

  return priv->refusal;
}

/**
 * jm_inspector_page_refuse:
 *
 * Says why an edit of the page was refused, where the page is shown.
 */
void
jm_inspector_page_refuse (JmInspectorPage *self,
                          const GError    *error)
{
  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (error != NULL);

  gtk_widget_error_bell (GTK_WIDGET (self));
  g_debug ("Edit refused: %s", error->message);
  set_refusal (self, error->message);
}

/**
 * jm_inspector_page_get_field:
 * @property: a property a row is bound to
 *
 * For tests: the widget that shows @property.
 *
 * Returns: (nullable) (transfer none): the entry, text view, combo row,
 *   spin button, switch or colour button
 */
GtkWidget *
jm_inspector_page_get_field (JmInspectorPage *self,
                             const char      *property)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      Field *field = priv->fields->pdata[i];

      if (g_str_equal (field->property, property))
        return field->widget;
    }

  return NULL;
}
