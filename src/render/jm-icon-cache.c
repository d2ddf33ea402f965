/* jm-icon-cache.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-icon-cache.h"

#include <gio/gio.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "render/jm-render-resources.h"

/* Pictograms are single-colour SVG files (icons/pictograms/, drawn in
 * #241f31) compiled into the core. Image surfaces, where the canvas and PNG
 * export draw thousands of them, get them from a cache of rasters, one per
 * pixel size, used as masks in any colour. Vector surfaces (SVG, PDF) get
 * them as paths, from a copy of the SVG in the wanted colour: no masks, no
 * images, and nothing that cairo's vector backends handle poorly. */

#define JM_ICON_RESOURCE_PATH "/io/github/journeymap/Journeymap/pictograms/"

static GMutex cache_mutex;
static GHashTable *handles; /* name → RsvgHandle, or NULL when missing */
static GHashTable *rasters; /* "name@pixels" → cairo_surface_t (A8) */
static GHashTable *colored; /* "name#rrggbbaa" → RsvgHandle, or NULL when missing */

#define JM_ICON_INK "#241f31"

static RsvgHandle *
jm_icon_lookup_handle (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RsvgHandle *handle = NULL;
  gpointer cached;

  if (handles == NULL)
    {
      handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      rasters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) cairo_surface_destroy);
      colored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }

  if (g_hash_table_lookup_extended (handles, name, NULL, &cached))
    return cached;

  path = g_strconcat (JM_ICON_RESOURCE_PATH, name, ".svg", NULL);
  bytes = g_resource_lookup_data (jm_render_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);

  /* Missing icons are remembered too (the hash table frees NULL fine). */
  g_hash_table_insert (handles, g_strdup (name), handle);
  return handle;
}

static RsvgHandle *
jm_icon_lookup_colored_handle (const char    *name,
                               const JmColor *color)
{
  g_autofree char *path = g_strconcat (JM_ICON_RESOURCE_PATH, name, ".svg", NULL);
  g_autofree char *ink = g_strdup_printf ("#%02x%02x%02x", (int) (color->red * 255 + 0.5),
                                          (int) (color->green * 255 + 0.5), (int) (color->blue * 255 + 0.5));
  g_autofree char *key = g_strdup_printf ("%s%s@%.3f", name, ink, color->alpha);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) svg = NULL;
  RsvgHandle *handle = NULL;
  gpointer cached;

  if (g_hash_table_lookup_extended (colored, key, NULL, &cached))
    return cached;

  bytes = g_resource_lookup_data (jm_render_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    {
      svg = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_string_replace (svg, JM_ICON_INK, ink, 0);
      if (color->alpha < 1.0)
        {
          g_autofree char *opacity = g_strdup_printf ("<svg opacity=\"%.3f\" ", color->alpha);
          g_string_replace (svg, "<svg ", opacity, 1);
        }
      handle = rsvg_handle_new_from_data ((const guint8 *) svg->str, svg->len, NULL);
    }

  g_hash_table_insert (colored, g_steal_pointer (&key), handle);
  return handle;
}

static void
jm_icon_render_handle (cairo_t    *cr,
                       RsvgHandle *handle,
                       double      size)
{
  RsvgRectangle viewport = { 0, 0, size, size };

  rsvg_handle_render_document (handle, cr, &viewport, NULL);
}

static cairo_surface_t *
jm_icon_lookup_raster (const char *name,
                       RsvgHandle *handle,
                       int         pixels)
{
  g_autofree char *key = g_strdup_printf ("%s@%d", name, pixels);
  cairo_surface_t *surface = g_hash_table_lookup (rasters, key);
  cairo_t *cr;

  if (surface != NULL)
    return surface;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cr = cairo_create (surface);
  jm_icon_render_handle (cr, handle, pixels);
  cairo_destroy (cr);

  g_hash_table_insert (rasters, g_steal_pointer (&key), surface);
  return surface;
}

/* How many device pixels one user unit covers. */
static double
jm_icon_device_scale (cairo_t *cr)
{
  double dx = 1.0, dy = 0.0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return sqrt (dx * dx + dy * dy);
}

gboolean
jm_icon_exists (const char *name)
{
  gboolean exists;

  g_mutex_lock (&cache_mutex);
  exists = jm_icon_lookup_handle (name) != NULL;
  g_mutex_unlock (&cache_mutex);

  return exists;
}

/**
 * jm_icon_draw:
 * @name: the icon's name, such as "channel-email"
 * @size: the size of the square icon in user units
 * @color: the colour to paint it in
 *
 * Returns: %FALSE when there is no such icon
 */
gboolean
jm_icon_draw (cairo_t       *cr,
              const char    *name,
              double         x,
              double         y,
              double         size,
              const JmColor *color)
{
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  RsvgHandle *handle;

  g_mutex_lock (&cache_mutex);
  handle = jm_icon_lookup_handle (name);
  if (handle == NULL)
    {
      g_mutex_unlock (&cache_mutex);
      return FALSE;
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);

  if (target == CAIRO_SURFACE_TYPE_IMAGE)
    {
      double scale = jm_icon_device_scale (cr);
      int pixels = MAX (1, (int) ceil (size * scale));
      cairo_surface_t *raster = jm_icon_lookup_raster (name, handle, pixels);

      cairo_scale (cr, size / pixels, size / pixels);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
      cairo_mask_surface (cr, raster, 0, 0);
    }
  else
    {
      RsvgHandle *colored_handle = jm_icon_lookup_colored_handle (name, color);

      if (colored_handle != NULL)
        jm_icon_render_handle (cr, colored_handle, size);
    }

  cairo_restore (cr);
  g_mutex_unlock (&cache_mutex);

  return TRUE;
}

/**
 * jm_icon_get_source:
 * @name: the icon's name, such as "channel-email"
 *
 * Returns: (transfer full) (nullable): the icon's SVG file, drawn in
 *   #241f31, or %NULL when there is no such icon
 */
GBytes *
jm_icon_get_source (const char *name)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = g_strconcat (JM_ICON_RESOURCE_PATH, name, ".svg", NULL);
  return g_resource_lookup_data (jm_render_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}
