/* jm-image-file.c: reading a picture for a map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-io"

#include "config.h"

#include "jm-image-file.h"

#include <glib/gi18n-lib.h>

#include "format/jm-picture-check.h"
#include "format/jm-xml-names.h"

/**
 * jm_image_file_type_for_name:
 * @name: a file name
 *
 * Returns: (nullable): the media type a map keeps a picture of that name
 *   as, from its extension, or %NULL when maps cannot hold it
 */
const char *
jm_image_file_type_for_name (const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".png"))
    return "image/png";
  if (g_str_has_suffix (lower, ".svg"))
    return "image/svg+xml";
  if (g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg"))
    return "image/jpeg";

  return NULL;
}

/**
 * jm_image_file_load:
 * @type: (out): the media type of the picture
 *
 * Reads a PNG, JPEG or SVG picture for an image item or a persona photo,
 * refusing other files and pictures larger than a map may hold, with an
 * error that names the file.
 *
 * Returns: (transfer full): the picture's bytes, or %NULL
 */
GBytes *
jm_image_file_load (GFile       *file,
                    const char **type,
                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) svg_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  name = g_file_get_basename (file);
  *type = name != NULL ? jm_image_file_type_for_name (name) : NULL;
  if (*type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PNG, JPEG or SVG image."), name ? name : "?");
      return NULL;
    }

  /* Checked before reading: a huge file is refused without loading it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > JM_FORMAT_MAX_IMAGE_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("“%s” is larger than the 7 MB an image may have."), name);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  /* What a map would refuse to open is refused before it is added. */
  if (g_str_equal (*type, "image/svg+xml") &&
      !jm_picture_check_svg (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &svg_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s”: %s", name, svg_error->message);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * jm_image_file_load_photo:
 * @type: (out): the media type of the picture
 *
 * Reads a persona's photo as jm_image_file_load() reads a picture, and
 * also refuses a PNG or JPEG whose header is not that format's or claims
 * a side over %JM_PICTURE_MAX_SIDE pixels: a photo is shown on every
 * persona card and in every export, where such a picture would only ever
 * be a placeholder, so the user is told at once rather than later.
 *
 * Returns: (transfer full): the picture's bytes, or %NULL
 */
GBytes *
jm_image_file_load_photo (GFile       *file,
                          const char **type,
                          GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JmPictureFormat format, wanted;
  guint width, height;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  bytes = jm_image_file_load (file, type, error);
  if (bytes == NULL || g_str_equal (*type, "image/svg+xml"))
    return g_steal_pointer (&bytes);

  name = g_file_get_basename (file);
  wanted = g_str_equal (*type, "image/png") ? JM_PICTURE_FORMAT_PNG : JM_PICTURE_FORMAT_JPEG;
  format = jm_picture_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &width, &height);
  if (format != wanted || width == 0 || height == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   wanted == JM_PICTURE_FORMAT_PNG ? _("“%s” is not a valid PNG image.")
                                                   : _("“%s” is not a valid JPEG image."), name);
      return NULL;
    }
  if (width > JM_PICTURE_MAX_SIDE || height > JM_PICTURE_MAX_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is %u × %u pixels; a photo may have at most %u pixels a side."),
                   name, width, height, (guint) JM_PICTURE_MAX_SIDE);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}
