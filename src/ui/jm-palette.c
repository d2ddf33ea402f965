/* jm-palette.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-palette.h"

#include <glib/gi18n-lib.h>

/* A column of entries, each a drag source whose payload is a string the
 * canvas understands (JM_PALETTE_PREFIX…). Entries are plain widgets
 * with a tooltip and an accessible label, so the palette reads well. */
struct _JmPalette
{
  GtkWidget  parent_instance;

  GtkWidget *scrolled;
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmPalette, jm_palette, GTK_TYPE_WIDGET)

typedef struct
{
  const char *payload;
  const char *icon;
  const char *label;
} Entry;

static const Entry card_entries[] = {
  { "item:card", "jm-item-card-symbolic", N_("Card") },
  { "item:pain-point", "jm-item-pain-point-symbolic", N_("Pain Point") },
  { "item:opportunity", "jm-item-opportunity-symbolic", N_("Opportunity") },
  { "item:note", "jm-item-note-symbolic", N_("Note") },
  { "item:image", "jm-item-image-symbolic", N_("Image") },
  { "moment-of-truth", "jm-moment-of-truth-symbolic", N_("Moment of Truth") },
  { "emotion-point", "jm-lane-emotions-symbolic", N_("Emotion Point") },
};

static const Entry touchpoint_entries[] = {
  { "item:touchpoint:web", "jm-channel-web-symbolic", N_("Web") },
  { "item:touchpoint:email", "jm-channel-email-symbolic", N_("Email") },
  { "item:touchpoint:store", "jm-channel-store-symbolic", N_("Store") },
  { "item:touchpoint:phone", "jm-channel-phone-symbolic", N_("Phone") },
  { "item:touchpoint:app", "jm-channel-app-symbolic", N_("App") },
  { "item:touchpoint:social", "jm-channel-social-symbolic", N_("Social") },
  { "item:touchpoint:chat", "jm-channel-chat-symbolic", N_("Chat") },
  { "item:touchpoint:ad", "jm-channel-ad-symbolic", N_("Advertising") },
  { "item:touchpoint:event", "jm-channel-event-symbolic", N_("Event") },
  { "item:touchpoint:mail", "jm-channel-mail-symbolic", N_("Mail") },
  { "item:touchpoint:other", "jm-channel-other-symbolic", N_("Other") },
};

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    const Entry   *entry)
{
  g_autofree char *payload = g_strconcat (JM_PALETTE_PREFIX, entry->payload, NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static void
on_entry_clicked_cb (GtkButton *button,
                     JmPalette *self)
{
  const Entry *entry = g_object_get_data (G_OBJECT (button), "jm-palette-entry");
  g_autofree char *payload = g_strconcat (JM_PALETTE_PREFIX, entry->payload, NULL);

  g_signal_emit (self, signals [ENTRY_ACTIVATED], 0, payload);
}

/* Each entry is a button too: clicked or activated from the keyboard, it
 * adds its kind at the selection, so nothing needs a pointer. */
static GtkWidget *
jm_palette_create_row (JmPalette   *self,
                       const Entry *entry)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (entry->icon);
  GtkWidget *label = gtk_label_new (_(entry->label));
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (row, "palette-entry");
  gtk_widget_set_name (row, entry->payload);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), (gpointer) entry);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_button_set_child (GTK_BUTTON (button), row);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Drag onto the map, or click to add at the selection"));
  g_object_set_data (G_OBJECT (button), "jm-palette-entry", (gpointer) entry);
  g_signal_connect (button, "clicked", G_CALLBACK (on_entry_clicked_cb), self);

  return button;
}

static void
jm_palette_add_section (JmPalette   *self,
                        GtkBox      *box,
                        const char  *title,
                        const Entry *entries,
                        guint        n_entries)
{
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "palette-heading");
  gtk_box_append (box, heading);

  for (guint i = 0; i < n_entries; i++)
    gtk_box_append (box, jm_palette_create_row (self, &entries[i]));
}

static void
jm_palette_dispose (GObject *object)
{
  JmPalette *self = JM_PALETTE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (jm_palette_parent_class)->dispose (object);
}

static void
jm_palette_class_init (JmPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_palette_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * JmPalette::entry-activated:
   * @payload: what the entry stands for, as in a drag
   */
  signals [ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
jm_palette_init (JmPalette *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  jm_palette_add_section (self, GTK_BOX (box), _("Items"), card_entries, G_N_ELEMENTS (card_entries));
  jm_palette_add_section (self, GTK_BOX (box), _("Touchpoints"), touchpoint_entries,
                          G_N_ELEMENTS (touchpoint_entries));

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Palette"),
                                  -1);
}

GtkWidget *
jm_palette_new (void)
{
  return g_object_new (JM_TYPE_PALETTE, NULL);
}
