/* jm-recent-maps.c: the maps opened and saved lately, one list for the app
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns one and hands it to every window it makes: a map
 * opened in one window is offered by the Open Recent menu of all of them,
 * which share this menu. The list itself is kept in the settings, so it
 * outlives the app and follows another instance's changes.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-recent-maps.h"

#include <glib/gi18n-lib.h>

#define MAX_RECENT_FILES 10

struct _JmRecentMaps
{
  GObject    parent_instance;

  GSettings *settings;   /* nullable: a build run without its schema */
  GMenu     *menu;
};

G_DEFINE_FINAL_TYPE (JmRecentMaps, jm_recent_maps, G_TYPE_OBJECT)

/* Fills the menu from the settings. */
static void
jm_recent_maps_update_menu (JmRecentMaps *self)
{
  g_auto(GStrv) uris = NULL;

  g_menu_remove_all (self->menu);
  if (self->settings != NULL)
    uris = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *basename = g_path_get_basename (name);
      g_autoptr(GString) label = g_string_new (basename);
      g_autoptr(GMenuItem) item = NULL;

      /* Menu labels take "_" as a mnemonic mark: keep the file's own. */
      g_string_replace (label, "_", "__", 0);
      item = g_menu_item_new (label->str, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-uri", g_variant_new_string (uris[i]));
      g_menu_append_item (self->menu, item);
    }

  /* The window never enables win.no-recent-maps: the entry is greyed. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->menu)) == 0)
    g_menu_append (self->menu, _("No Recent Maps"), "win.no-recent-maps");
}

/* Puts @uri first among the recent maps, once. */
static void
jm_recent_maps_remember_uri (JmRecentMaps *self,
                             const char   *uri)
{
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  uris = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; uris[i] != NULL && kept < MAX_RECENT_FILES; i++)
    {
      if (g_str_equal (uris[i], uri))
        continue;
      g_strv_builder_add (builder, uris[i]);
      kept++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

static void
jm_recent_maps_dispose (GObject *object)
{
  JmRecentMaps *self = JM_RECENT_MAPS (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (jm_recent_maps_parent_class)->dispose (object);
}

static void
jm_recent_maps_class_init (JmRecentMapsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jm_recent_maps_dispose;
}

static void
jm_recent_maps_init (JmRecentMaps *self)
{
  self->menu = g_menu_new ();
}

/**
 * jm_recent_maps_new:
 * @settings: (nullable): the app's settings, which keep the list
 */
JmRecentMaps *
jm_recent_maps_new (GSettings *settings)
{
  JmRecentMaps *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JM_TYPE_RECENT_MAPS, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::recent-files",
                               G_CALLBACK (jm_recent_maps_update_menu), self, G_CONNECT_SWAPPED);
    }
  jm_recent_maps_update_menu (self);

  return self;
}

/**
 * jm_recent_maps_get_menu:
 *
 * Returns: (transfer none): the Open Recent menu, shared by every window
 */
GMenuModel *
jm_recent_maps_get_menu (JmRecentMaps *self)
{
  g_return_val_if_fail (JM_IS_RECENT_MAPS (self), NULL);

  return G_MENU_MODEL (self->menu);
}

/**
 * jm_recent_maps_add:
 * @title: (nullable): the map's title, for the desktop's recent files
 *
 * Maps opened and saved are offered again by the Open Recent menu, the
 * file chooser and the desktop's recent files.
 */
void
jm_recent_maps_add (JmRecentMaps *self,
                    GFile        *file,
                    const char   *title)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (JM_IS_RECENT_MAPS (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  jm_recent_maps_remember_uri (self, uri);
  data.display_name = (char *) title;
  data.mime_type = (char *) "application/x-journeymap+xml";
  data.app_name = (char *) "Journeymap";
  data.app_exec = (char *) "journeymap %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
