/* jm-palette-entry.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-palette-entry.h"

#include "model/jm-enum-types.h"

/* A button with a pictogram and a label. Dragged, it carries its payload
 * (JM_PALETTE_PREFIX…, which the canvas understands); clicked or activated
 * from the keyboard, the palette adds its kind at the selection, so that
 * nothing needs a pointer. */
struct _JmPaletteEntry
{
  GtkButton  parent_instance;

  char      *payload;   /* without JM_PALETTE_PREFIX */
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *label;
};

enum {
  PROP_0,
  PROP_PAYLOAD,
  PROP_TEXT,
  PROP_PICTOGRAM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (JmPaletteEntry, jm_palette_entry, GTK_TYPE_BUTTON)

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource  *source,
                    double          x,
                    double          y,
                    JmPaletteEntry *self)
{
  g_autofree char *payload = g_strconcat (JM_PALETTE_PREFIX, self->payload, NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin_cb (GtkDragSource  *source,
                  GdkDrag        *drag,
                  JmPaletteEntry *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->row);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static void
jm_palette_entry_finalize (GObject *object)
{
  JmPaletteEntry *self = JM_PALETTE_ENTRY (object);

  g_free (self->payload);

  G_OBJECT_CLASS (jm_palette_entry_parent_class)->finalize (object);
}

static void
jm_palette_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JmPaletteEntry *self = JM_PALETTE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PAYLOAD:
      g_value_set_string (value, self->payload);
      break;
    case PROP_TEXT:
      g_value_set_string (value, jm_palette_entry_get_text (self));
      break;
    case PROP_PICTOGRAM:
      g_value_set_string (value, jm_palette_entry_get_pictogram (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_palette_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JmPaletteEntry *self = JM_PALETTE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PAYLOAD:
      g_free (self->payload);
      self->payload = g_value_dup_string (value);
      break;
    case PROP_TEXT:
      gtk_label_set_label (GTK_LABEL (self->label), g_value_get_string (value));
      /* The text is in a child label: a button has no name of its own. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    case PROP_PICTOGRAM:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_palette_entry_class_init (JmPaletteEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jm_palette_entry_finalize;
  object_class->get_property = jm_palette_entry_get_property;
  object_class->set_property = jm_palette_entry_set_property;

  /* Not GtkButton's "label" and "icon-name", which would replace the row. */
  properties [PROP_PAYLOAD] =
    g_param_spec_string ("payload", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [PROP_PICTOGRAM] =
    g_param_spec_string ("pictogram", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-palette-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPaletteEntry, row);
  gtk_widget_class_bind_template_child (widget_class, JmPaletteEntry, icon);
  gtk_widget_class_bind_template_child (widget_class, JmPaletteEntry, label);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_begin_cb);
}

static void
jm_palette_entry_init (JmPaletteEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jm_palette_entry_new_for_kind:
 * @enum_type: JM_TYPE_ITEM_KIND, or JM_TYPE_CHANNEL for a touchpoint on @kind
 * @kind: a row of the kinds table
 *
 * Returns: (transfer floating): an entry that adds an item of @kind, or a
 *   touchpoint on the channel @kind
 */
GtkWidget *
jm_palette_entry_new_for_kind (GType         enum_type,
                               const JmKind *kind)
{
  g_autofree char *payload = NULL;
  g_autofree char *icon_name = NULL;

  g_return_val_if_fail (enum_type == JM_TYPE_ITEM_KIND || enum_type == JM_TYPE_CHANNEL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (enum_type == JM_TYPE_CHANNEL)
    payload = g_strconcat ("item:touchpoint:", kind->nick, NULL);
  else
    payload = g_strconcat ("item:", kind->nick, NULL);
  icon_name = jm_kind_dup_icon_name (kind);

  return g_object_new (JM_TYPE_PALETTE_ENTRY,
                       "payload", payload,
                       "text", jm_kind_get_label (kind),
                       "pictogram", icon_name,
                       NULL);
}

/**
 * jm_palette_entry_get_payload:
 *
 * Returns: what the entry stands for, without JM_PALETTE_PREFIX: "item:KIND",
 *   "item:touchpoint:CHANNEL", "moment-of-truth" or "emotion-point"
 */
const char *
jm_palette_entry_get_payload (JmPaletteEntry *self)
{
  g_return_val_if_fail (JM_IS_PALETTE_ENTRY (self), NULL);

  return self->payload;
}

const char *
jm_palette_entry_get_text (JmPaletteEntry *self)
{
  g_return_val_if_fail (JM_IS_PALETTE_ENTRY (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

const char *
jm_palette_entry_get_pictogram (JmPaletteEntry *self)
{
  g_return_val_if_fail (JM_IS_PALETTE_ENTRY (self), NULL);

  return gtk_image_get_icon_name (GTK_IMAGE (self->icon));
}
