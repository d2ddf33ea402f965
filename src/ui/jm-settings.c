/* jm-settings.c: the app's settings, where the schema is installed
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-settings.h"

/**
 * jm_settings_new:
 *
 * A build run without GSETTINGS_SCHEMA_DIR has no schema: the app then
 * runs without settings (no remembered size, zoom or recent maps) rather
 * than abort, as g_settings_new () would.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL without
 *   their schema
 */
GSettings *
jm_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}
