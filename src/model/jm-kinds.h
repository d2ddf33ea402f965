/* jm-kinds.h: one table of the kinds a map's objects can have
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "model/jm-enums.h"

G_BEGIN_DECLS

/* One row for each value of JmItemKind, JmChannel, JmLaneKind and
 * JmMomentKind: everything the palette, the inspector, the outline, the
 * renderer and the command line show of a kind. Kept here, once, so that a
 * new channel is added in one place. */
typedef struct
{
  int         value;    /* the enum value */
  const char *nick;     /* the value in .jmap files, as glib-mkenums derives it */
  const char *label;    /* untranslated; show it through jm_kind_get_label() */
  const char *icon;     /* pictogram: icons/pictograms/ICON.svg, "jm-ICON-symbolic" in GTK */
  const char *caption;  /* untranslated caption on the card, or NULL for none */
} JmKind;

const JmKind *jm_kinds_get        (GType         enum_type,
                                   guint        *n_kinds);
const JmKind *jm_kinds_lookup     (GType         enum_type,
                                   int           value);
const JmKind *jm_kinds_lookup_nick (GType        enum_type,
                                   const char   *nick);
const char   *jm_kind_get_label   (const JmKind *kind);
const char   *jm_kind_get_caption (const JmKind *kind);
char         *jm_kind_dup_icon_name (const JmKind *kind);

G_END_DECLS
