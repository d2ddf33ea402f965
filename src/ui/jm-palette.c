/* jm-palette.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-palette.h"

#include <glib/gi18n-lib.h>

#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"

/* A column of entries (jm-palette.ui): the kinds of item and the channels
 * of touchpoints, made from the kinds table so that a new kind shows here
 * by itself, and the two tools that are not kinds, Moment of Truth and
 * Emotion Point, listed in the template. */
struct _JmPalette
{
  GtkWidget  parent_instance;

  GtkWidget *scrolled;
  GtkWidget *items;
  GtkWidget *touchpoints;
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmPalette, jm_palette, GTK_TYPE_WIDGET)

static void
on_entry_clicked_cb (GtkButton *button,
                     JmPalette *self)
{
  g_autofree char *payload = g_strconcat (JM_PALETTE_PREFIX,
                                          jm_palette_entry_get_payload (JM_PALETTE_ENTRY (button)), NULL);

  g_signal_emit (self, signals [ENTRY_ACTIVATED], 0, payload);
}

/* Touchpoints get a section of their own, one entry per channel; a
 * touchpoint without a channel is not something to add. */
static void
jm_palette_add_kinds (JmPalette *self,
                      GtkBox    *box,
                      GType      enum_type,
                      int        skipped)
{
  guint n_kinds;
  const JmKind *kinds = jm_kinds_get (enum_type, &n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      GtkWidget *entry;

      if (kinds[i].value == skipped)
        continue;

      entry = jm_palette_entry_new_for_kind (enum_type, &kinds[i]);
      g_signal_connect (entry, "clicked", G_CALLBACK (on_entry_clicked_cb), self);
      gtk_box_append (box, entry);
    }
}

static void
jm_palette_dispose (GObject *object)
{
  JmPalette *self = JM_PALETTE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_PALETTE);

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

  g_type_ensure (JM_TYPE_PALETTE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPalette, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JmPalette, items);
  gtk_widget_class_bind_template_child (widget_class, JmPalette, touchpoints);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_clicked_cb);
}

static void
jm_palette_init (JmPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  jm_palette_add_kinds (self, GTK_BOX (self->items), JM_TYPE_ITEM_KIND, JM_ITEM_KIND_TOUCHPOINT);
  jm_palette_add_kinds (self, GTK_BOX (self->touchpoints), JM_TYPE_CHANNEL, JM_CHANNEL_NONE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Palette"),
                                  -1);
}

GtkWidget *
jm_palette_new (void)
{
  return g_object_new (JM_TYPE_PALETTE, NULL);
}

static void
jm_palette_collect (GtkWidget *widget,
                    GPtrArray *entries)
{
  if (JM_IS_PALETTE_ENTRY (widget))
    {
      g_ptr_array_add (entries, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jm_palette_collect (child, entries);
}

/**
 * jm_palette_list_entries:
 *
 * For tests: the entries, top to bottom.
 *
 * Returns: (transfer container) (element-type JmPaletteEntry): the entries
 */
GPtrArray *
jm_palette_list_entries (JmPalette *self)
{
  GPtrArray *entries = g_ptr_array_new ();

  g_return_val_if_fail (JM_IS_PALETTE (self), entries);

  jm_palette_collect (GTK_WIDGET (self), entries);
  return entries;
}

/**
 * jm_palette_get_entry:
 * @payload: what the entry stands for, without JM_PALETTE_PREFIX
 *
 * For tests: the entry that stands for @payload.
 *
 * Returns: (transfer none) (nullable): the entry, %NULL if none stands for @payload
 */
JmPaletteEntry *
jm_palette_get_entry (JmPalette  *self,
                      const char *payload)
{
  g_autoptr(GPtrArray) entries = jm_palette_list_entries (self);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (jm_palette_entry_get_payload (entries->pdata[i]), payload) == 0)
      return entries->pdata[i];

  return NULL;
}
