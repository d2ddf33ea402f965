/* jm-inplace-editor.c: an entry laid over a text on the map to edit it
 * where it is
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-inplace-editor.h"

#include <glib/gi18n-lib.h>

#include "model/jm-enums.h"

/* One editor for every text the canvas edits in place: a stage's, lane's or
 * persona's name, an item's title, an emotion point's label, the map's
 * title. It knows the object and the property it shows, and says how the
 * edit ended ("ended"); the canvas, which knows the command stack and the
 * map, writes the text and picks the next object. Keeping the editor
 * ignorant of both lets one widget serve every kind. */

struct _JmInplaceEditor
{
  GtkWidget  parent_instance;

  GtkWidget *entry;
  GObject   *object;     /* what is edited, or NULL when idle */
  char      *property;
  double     font_zoom;
  PangoFontDescription *font;
};

enum {
  ENDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmInplaceEditor, jm_inplace_editor, GTK_TYPE_WIDGET)

static void
jm_inplace_editor_end (JmInplaceEditor    *self,
                       JmInplaceEditorEnd  how)
{
  /* Ending may move the focus, which ends nothing a second time. */
  if (self->object == NULL)
    return;

  g_signal_emit (self, signals [ENDED], 0, (int) how);
}

static void
on_entry_activate_cb (JmInplaceEditor *self,
                      GtkEntry        *entry)
{
  jm_inplace_editor_end (self, JM_INPLACE_EDITOR_COMMIT);
}

static gboolean
on_entry_key_pressed_cb (JmInplaceEditor       *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      jm_inplace_editor_end (self, JM_INPLACE_EDITOR_CANCEL);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      jm_inplace_editor_end (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
                                   ? JM_INPLACE_EDITOR_PREVIOUS : JM_INPLACE_EDITOR_NEXT);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A click elsewhere, or a move to another part of the window, keeps what
 * was typed, as renaming a file in Files does. A window closing takes the
 * focus too, once unmapped: what was half typed then is not written to
 * a map being closed. */
static void
on_focus_leave_cb (JmInplaceEditor         *self,
                   GtkEventControllerFocus *controller)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jm_inplace_editor_end (self, JM_INPLACE_EDITOR_FOCUS_LOST);
}

static void
jm_inplace_editor_dispose (GObject *object)
{
  JmInplaceEditor *self = JM_INPLACE_EDITOR (object);

  g_clear_object (&self->object);
  g_clear_pointer (&self->entry, gtk_widget_unparent);

  G_OBJECT_CLASS (jm_inplace_editor_parent_class)->dispose (object);
}

static void
jm_inplace_editor_finalize (GObject *object)
{
  JmInplaceEditor *self = JM_INPLACE_EDITOR (object);

  g_clear_pointer (&self->property, g_free);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (jm_inplace_editor_parent_class)->finalize (object);
}

static void
jm_inplace_editor_class_init (JmInplaceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inplace_editor_dispose;
  object_class->finalize = jm_inplace_editor_finalize;

  /**
   * JmInplaceEditor::ended:
   * @how: a #JmInplaceEditorEnd
   *
   * The user ended the edit: Enter, Escape, Tab, Shift+Tab, or the focus
   * went elsewhere. The editor stays on its object until stopped.
   */
  signals [ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-inplace-editor");
}

static void
jm_inplace_editor_init (JmInplaceEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->entry = gtk_entry_new ();
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), JM_MAX_NAME_CHARS);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text on the map"), -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);

  /* Before the entry: Tab would move the focus, Escape is the canvas's. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, focus);

  self->font_zoom = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
jm_inplace_editor_new (void)
{
  return g_object_new (JM_TYPE_INPLACE_EDITOR, NULL);
}

/**
 * jm_inplace_editor_start:
 * @object: what to edit
 * @property: the string property of @object shown and edited
 *
 * Shows the editor with the text of @property, all of it selected, and
 * gives it the focus. The caller places it.
 */
void
jm_inplace_editor_start (JmInplaceEditor *self,
                         gpointer         object,
                         const char      *property)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JM_IS_INPLACE_EDITOR (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  g_object_get (object, property, &text, NULL);

  /* Set before the object, so that the focus the old object's entry loses
   * ends nothing. */
  g_clear_object (&self->object);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  self->object = g_object_ref (object);
  g_free (self->property);
  self->property = g_strdup (property);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/**
 * jm_inplace_editor_stop:
 *
 * Hides the editor and forgets its object, keeping nothing: the caller has
 * written what it keeps.
 */
void
jm_inplace_editor_stop (JmInplaceEditor *self)
{
  g_return_if_fail (JM_IS_INPLACE_EDITOR (self));

  g_clear_object (&self->object);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * jm_inplace_editor_get_object:
 *
 * Returns: (transfer none) (nullable): what is being edited
 */
gpointer
jm_inplace_editor_get_object (JmInplaceEditor *self)
{
  g_return_val_if_fail (JM_IS_INPLACE_EDITOR (self), NULL);

  return self->object;
}

const char *
jm_inplace_editor_get_property_name (JmInplaceEditor *self)
{
  g_return_val_if_fail (JM_IS_INPLACE_EDITOR (self), NULL);

  return self->object != NULL ? self->property : NULL;
}

const char *
jm_inplace_editor_get_text (JmInplaceEditor *self)
{
  g_return_val_if_fail (JM_IS_INPLACE_EDITOR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/**
 * jm_inplace_editor_get_entry:
 *
 * Returns: (transfer none): the entry typed into
 */
GtkWidget *
jm_inplace_editor_get_entry (JmInplaceEditor *self)
{
  g_return_val_if_fail (JM_IS_INPLACE_EDITOR (self), NULL);

  return self->entry;
}

/**
 * jm_inplace_editor_set_font:
 * @font: the font the text is drawn in on the map
 * @zoom: the zoom it is drawn at
 *
 * Types in the text's own font at the size it is shown, so that the
 * editor follows the zoom as the text it covers does.
 */
void
jm_inplace_editor_set_font (JmInplaceEditor            *self,
                            const PangoFontDescription *font,
                            double                      zoom)
{
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoFontDescription *scaled;

  g_return_if_fail (JM_IS_INPLACE_EDITOR (self));
  g_return_if_fail (font != NULL);

  if (self->font != NULL && zoom == self->font_zoom && pango_font_description_equal (font, self->font))
    return;

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  self->font_zoom = zoom;

  scaled = pango_font_description_copy (font);
  if (pango_font_description_get_set_fields (font) & PANGO_FONT_MASK_SIZE)
    pango_font_description_set_absolute_size (scaled, MAX (pango_font_description_get_size (font) * zoom,
                                                           6.0 * PANGO_SCALE));
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_font_desc_new (scaled));
  pango_font_description_free (scaled);
  gtk_entry_set_attributes (GTK_ENTRY (self->entry), attributes);
}
