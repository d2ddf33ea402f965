/* jm-kinds.c: one table of the kinds a map's objects can have
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jm-enum-types.h"
#include "jm-kinds.h"

/* Rows are in the order the editor lists them, which is not always the
 * order of the enumeration (an image comes last among item kinds). */

static const JmKind item_kinds[] = {
  { JM_ITEM_KIND_CARD, "card", N_("Card"), "item-card", NULL },
  { JM_ITEM_KIND_TOUCHPOINT, "touchpoint", N_("Touchpoint"), "channel-web", NULL },
  { JM_ITEM_KIND_PAIN_POINT, "pain-point", N_("Pain Point"), "item-pain-point", NC_("card caption", "PAIN POINT") },
  { JM_ITEM_KIND_OPPORTUNITY, "opportunity", N_("Opportunity"), "item-opportunity",
    NC_("card caption", "OPPORTUNITY") },
  { JM_ITEM_KIND_NOTE, "note", N_("Note"), "item-note", NULL },
  { JM_ITEM_KIND_IMAGE, "image", N_("Image"), "item-image", NULL },
};

/* A touchpoint's caption and icon come from its channel. */
static const JmKind channels[] = {
  { JM_CHANNEL_NONE, "none", N_("None"), "channel-other", NC_("card caption", "OTHER") },
  { JM_CHANNEL_WEB, "web", N_("Web"), "channel-web", NC_("card caption", "WEB") },
  { JM_CHANNEL_EMAIL, "email", N_("Email"), "channel-email", NC_("card caption", "EMAIL") },
  { JM_CHANNEL_STORE, "store", N_("Store"), "channel-store", NC_("card caption", "STORE") },
  { JM_CHANNEL_PHONE, "phone", N_("Phone"), "channel-phone", NC_("card caption", "PHONE") },
  { JM_CHANNEL_APP, "app", N_("App"), "channel-app", NC_("card caption", "APP") },
  { JM_CHANNEL_SOCIAL, "social", N_("Social"), "channel-social", NC_("card caption", "SOCIAL") },
  { JM_CHANNEL_CHAT, "chat", N_("Chat"), "channel-chat", NC_("card caption", "CHAT") },
  { JM_CHANNEL_AD, "ad", N_("Advertising"), "channel-ad", NC_("card caption", "ADVERTISING") },
  { JM_CHANNEL_EVENT, "event", N_("Event"), "channel-event", NC_("card caption", "EVENT") },
  { JM_CHANNEL_MAIL, "mail", N_("Mail"), "channel-mail", NC_("card caption", "MAIL") },
  { JM_CHANNEL_OTHER, "other", N_("Other"), "channel-other", NC_("card caption", "OTHER") },
};

static const JmKind lane_kinds[] = {
  { JM_LANE_KIND_ACTIONS, "actions", N_("Actions"), "lane-actions", NULL },
  { JM_LANE_KIND_THOUGHTS, "thoughts", N_("Thoughts"), "lane-thoughts", NULL },
  { JM_LANE_KIND_TOUCHPOINTS, "touchpoints", N_("Touchpoints"), "lane-touchpoints", NULL },
  { JM_LANE_KIND_EMOTIONS, "emotions", N_("Emotional Curve"), "lane-emotions", NULL },
  { JM_LANE_KIND_PAIN_POINTS, "pain-points", N_("Pain Points"), "lane-pain-points", NULL },
  { JM_LANE_KIND_OPPORTUNITIES, "opportunities", N_("Opportunities"), "lane-opportunities", NULL },
  { JM_LANE_KIND_BACKSTAGE, "backstage", N_("Backstage"), "lane-backstage", NULL },
  { JM_LANE_KIND_TEXT, "text", N_("Text"), "lane-text", NULL },
  { JM_LANE_KIND_IMAGES, "images", N_("Images"), "lane-images", NULL },
};

static const JmKind moment_kinds[] = {
  { JM_MOMENT_KIND_NONE, "none", N_("None"), "moment-of-truth", NULL },
  { JM_MOMENT_KIND_ZERO, "zero", N_("Zero Moment of Truth"), "moment-of-truth", NULL },
  { JM_MOMENT_KIND_FIRST, "first", N_("First Moment of Truth"), "moment-of-truth", NULL },
  { JM_MOMENT_KIND_SECOND, "second", N_("Second Moment of Truth"), "moment-of-truth", NULL },
  { JM_MOMENT_KIND_CUSTOM, "custom", N_("Custom"), "moment-of-truth", NULL },
};

/**
 * jm_kinds_get:
 * @enum_type: JM_TYPE_ITEM_KIND, JM_TYPE_CHANNEL, JM_TYPE_LANE_KIND or JM_TYPE_MOMENT_KIND
 * @n_kinds: (out): the number of rows
 *
 * Returns: (transfer none): the rows of @enum_type in the editor's order, or %NULL for another type
 */
const JmKind *
jm_kinds_get (GType  enum_type,
              guint *n_kinds)
{
  g_return_val_if_fail (n_kinds != NULL, NULL);

  if (enum_type == JM_TYPE_ITEM_KIND)
    return (*n_kinds = G_N_ELEMENTS (item_kinds), item_kinds);
  if (enum_type == JM_TYPE_CHANNEL)
    return (*n_kinds = G_N_ELEMENTS (channels), channels);
  if (enum_type == JM_TYPE_LANE_KIND)
    return (*n_kinds = G_N_ELEMENTS (lane_kinds), lane_kinds);
  if (enum_type == JM_TYPE_MOMENT_KIND)
    return (*n_kinds = G_N_ELEMENTS (moment_kinds), moment_kinds);

  *n_kinds = 0;
  return NULL;
}

/**
 * jm_kinds_lookup:
 *
 * Returns: (transfer none) (nullable): the row of @value, %NULL if @value is not one of @enum_type's
 */
const JmKind *
jm_kinds_lookup (GType enum_type,
                 int   value)
{
  guint n_kinds;
  const JmKind *kinds = jm_kinds_get (enum_type, &n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (kinds[i].value == value)
      return &kinds[i];

  return NULL;
}

const JmKind *
jm_kinds_lookup_nick (GType       enum_type,
                      const char *nick)
{
  guint n_kinds;
  const JmKind *kinds = jm_kinds_get (enum_type, &n_kinds);

  g_return_val_if_fail (nick != NULL, NULL);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (kinds[i].nick, nick))
      return &kinds[i];

  return NULL;
}

const char *
jm_kind_get_label (const JmKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return _(kind->label);
}

/* Captions carry a message context (NC_ above), so they go through g_dpgettext2(). */
const char *
jm_kind_get_caption (const JmKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  if (kind->caption == NULL)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, "card caption", kind->caption);
}

/**
 * jm_kind_dup_icon_name:
 *
 * Returns: (transfer full): the icon's name in GTK's icon theme, as the UI's resources register it
 */
char *
jm_kind_dup_icon_name (const JmKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_strdup_printf ("jm-%s-symbolic", kind->icon);
}
