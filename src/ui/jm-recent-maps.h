/* jm-recent-maps.h: the maps opened and saved lately, one list for the app
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JM_TYPE_RECENT_MAPS (jm_recent_maps_get_type ())

G_DECLARE_FINAL_TYPE (JmRecentMaps, jm_recent_maps, JM, RECENT_MAPS, GObject)

JmRecentMaps *jm_recent_maps_new      (GSettings    *settings);
GMenuModel   *jm_recent_maps_get_menu (JmRecentMaps *self);
void          jm_recent_maps_add      (JmRecentMaps *self,
                                       GFile        *file,
                                       const char   *title);

G_END_DECLS
