/* jm-picture-check.c: bounds on the pictures a map may carry
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SVG picture is drawn by librsvg, which expands internal entities
 * (one used tens of thousands of times takes minutes and gigabytes) and
 * decodes the images it embeds at their full size, whatever it says in
 * its header. So an SVG picture is read once with our own pull reader
 * when the map is read, and refused with a reason when it has a DOCTYPE
 * with an internal subset (the only place entities are declared; one that
 * only names a DTD, which nothing loads, is accepted), embeds something other than a
 * PNG or JPEG image of at most JM_PICTURE_MAX_SIDE pixels a side (and as
 * many pixels in all), or could reach embedded data from a style. The
 * renderer draws a picture that embeds images into an image of the size
 * it is drawn at, so that no target keeps the decoded images. References to files and URLs
 * are left alone: librsvg, given no base file, follows none of them.
 */

#define G_LOG_DOMAIN "jm-format"

#include "config.h"

#include "jm-picture-check.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jm-format-error.h"
#include "jm-xml-pull.h"

#define XLINK_NS "http://www.w3.org/1999/xlink"

static guint
read_be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The frame header (SOFn) holds the size; markers before it are skipped
 * by their lengths. */
static gboolean
jpeg_size (const guint8 *data,
           gsize         size,
           guint        *width,
           guint        *height)
{
  gsize offset = 2;

  while (offset + 4 <= size)
    {
      guint marker;

      if (data[offset] != 0xff)
        return FALSE;
      marker = data[offset + 1];
      if (marker == 0xff)
        {
          offset++;
          continue;
        }
      /* Markers without a length: TEM, RSTn, SOI. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        {
          offset += 2;
          continue;
        }
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (offset + 9 > size)
            return FALSE;
          *height = read_be16 (data + offset + 5);
          *width = read_be16 (data + offset + 7);
          return TRUE;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;
      offset += 2 + read_be16 (data + offset + 2);
    }

  return FALSE;
}

/**
 * jm_picture_sniff:
 * @width: (out): the width the picture's header claims
 * @height: (out): the height it claims
 *
 * Tells a PNG or JPEG image by its first bytes and reads its size from
 * its header, without decoding anything.
 *
 * Returns: the format, or %JM_PICTURE_FORMAT_UNKNOWN for anything else
 *   and for a header too short to hold the size
 */
JmPictureFormat
jm_picture_sniff (const guint8 *data,
                  gsize         size,
                  guint        *width,
                  guint        *height)
{
  *width = *height = 0;

  /* The signature, then the IHDR chunk, which must come first. */
  if (size >= 24 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp (data + 12, "IHDR", 4) == 0)
    {
      *width = read_be32 (data + 16);
      *height = read_be32 (data + 20);
      return JM_PICTURE_FORMAT_PNG;
    }

  if (size >= 4 && data[0] == 0xff && data[1] == 0xd8 && jpeg_size (data, size, width, height))
    return JM_PICTURE_FORMAT_JPEG;

  return JM_PICTURE_FORMAT_UNKNOWN;
}

/* The bytes of a data: URL, base64 or percent-encoded. */
static GBytes *
data_url_decode (const char *url)
{
  const char *comma = strchr (url, ',');
  gsize size;
  guchar *decoded;

  if (comma == NULL)
    return NULL;

  if (comma - url >= 7 && g_ascii_strncasecmp (comma - 7, ";base64", 7) == 0)
    {
      decoded = g_base64_decode (comma + 1, &size);
      return g_bytes_new_take (decoded, size);
    }

  return g_uri_unescape_bytes (comma + 1, -1, NULL, NULL);
}

static gboolean
is_data_url (const char *value)
{
  while (g_ascii_isspace (*value))
    value++;
  return g_ascii_strncasecmp (value, "data:", 5) == 0;
}

/* Whether CSS (a style, a presentation attribute, a style sheet) has a
 * url() of embedded data: librsvg would load it as a document of its
 * own, which this check never sees. */
static gboolean
css_has_data_url (const char *text,
                  gsize       length)
{
  for (gsize i = 0; i + 4 <= length; i++)
    {
      gsize j;

      if (g_ascii_strncasecmp (text + i, "url(", 4) != 0)
        continue;
      for (j = i + 4; j < length && (g_ascii_isspace (text[j]) || text[j] == '"' || text[j] == '\''); j++)
        ;
      if (j + 5 <= length && g_ascii_strncasecmp (text + j, "data:", 5) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_embedded (const char  *url,
                int          line,
                guint64     *pixels,
                GError     **error)
{
  g_autoptr(GBytes) bytes = data_url_decode (url);
  guint width, height;
  JmPictureFormat format;

  format = bytes != NULL ? jm_picture_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             &width, &height)
                         : JM_PICTURE_FORMAT_UNKNOWN;
  if (format == JM_PICTURE_FORMAT_UNKNOWN)
    {
      g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_INVALID,
                   _("The SVG picture embeds data that is not a PNG or JPEG image (line %d of the picture)."),
                   line);
      return FALSE;
    }
  if (width == 0 || height == 0 || width > JM_PICTURE_MAX_SIDE || height > JM_PICTURE_MAX_SIDE)
    {
      g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE,
                   _("The SVG picture embeds an image of %u × %u pixels (line %d of the picture); "
                     "images may have at most %d pixels a side."),
                   width, height, line, JM_PICTURE_MAX_SIDE);
      return FALSE;
    }

  *pixels += (guint64) width * height;
  return TRUE;
}

static gboolean
check_start (JmXmlPull  *pull,
             guint64    *pixels,
             GError    **error)
{
  const JmXmlPullAttribute *attributes;
  guint n_attributes;
  int line = jm_xml_pull_get_line (pull);

  attributes = jm_xml_pull_get_attributes (pull, &n_attributes);
  for (guint i = 0; i < n_attributes; i++)
    {
      const JmXmlPullAttribute *attribute = &attributes[i];
      gboolean href = g_str_equal (attribute->local_name, "href") &&
                      (attribute->uri == NULL || g_str_equal (attribute->uri, XLINK_NS));

      if (href && is_data_url (attribute->value))
        {
          if (!check_embedded (attribute->value, line, pixels, error))
            return FALSE;
          continue;
        }
      if (css_has_data_url (attribute->value, strlen (attribute->value)))
        {
          g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_INVALID,
                       _("The SVG picture refers to embedded data from a style (line %d of the picture)."), line);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * jm_picture_check_svg:
 * @raster_pixels: (out) (optional): the pixels of the raster images the
 *   picture embeds
 *
 * Reads an SVG picture as described above, without drawing it.
 *
 * Returns: %TRUE when librsvg may draw it
 */
/* A copy of @data with its DOCTYPE blanked out, when it has one that
 * declares nothing: `<!DOCTYPE svg PUBLIC "…" "…svg11.dtd">`, as
 * Illustrator and older Inkscape write it. Such a DOCTYPE only names a DTD
 * that neither librsvg nor our reader loads, so it declares no entity; a
 * DOCTYPE with an internal subset ([…]) stays, and is refused. Spaces
 * replace it, newlines kept, so lines stay where they were. NULL when
 * there is nothing to blank. */
static char *
dup_without_plain_doctype (const char *data,
                           gsize       size)
{
  static const char keyword[] = "<!DOCTYPE";
  const char *start = NULL;
  char *copy;
  gsize end;

  for (gsize i = 0; i + sizeof keyword - 1 <= size; i++)
    if (memcmp (data + i, keyword, sizeof keyword - 1) == 0)
      {
        start = data + i;
        break;
      }
  if (start == NULL)
    return NULL;

  for (end = start - data + sizeof keyword - 1; end < size; end++)
    {
      char c = data[end];

      if (c == '"' || c == '\'')
        {
          const char *close = memchr (data + end + 1, c, size - end - 1);

          if (close == NULL)
            return NULL;
          end = close - data;
        }
      else if (c == '[' || c == '<')
        return NULL;
      else if (c == '>')
        break;
    }
  if (end >= size)
    return NULL;

  copy = g_memdup2 (data, size);
  for (gsize i = start - data; i <= end; i++)
    if (copy[i] != '\n')
      copy[i] = ' ';

  return copy;
}

gboolean
jm_picture_check_svg (const char  *data,
                      gsize        size,
                      guint64     *raster_pixels,
                      GError     **error)
{
  g_autoptr(JmXmlPull) pull = NULL;
  g_autofree char *without_doctype = NULL;
  JmXmlPullEvent event;
  guint64 pixels = 0;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  without_doctype = dup_without_plain_doctype (data, size);
  pull = jm_xml_pull_new (without_doctype != NULL ? without_doctype : data, size);
  while ((event = jm_xml_pull_next (pull)) != JM_XML_PULL_EOF)
    {
      const char *text;
      gsize length;

      switch (event)
        {
        case JM_XML_PULL_DOCTYPE:
          g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_DOCTYPE,
                       _("The SVG picture has a DOCTYPE (line %d of the picture); pictures may not declare "
                         "entities."), jm_xml_pull_get_line (pull));
          return FALSE;

        case JM_XML_PULL_ERROR:
          g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_MALFORMED,
                       _("The SVG picture cannot be read (line %d of the picture): %s"),
                       jm_xml_pull_get_error (pull)->line, jm_xml_pull_get_error (pull)->message);
          return FALSE;

        case JM_XML_PULL_START:
          if (!check_start (pull, &pixels, error))
            return FALSE;
          break;

        case JM_XML_PULL_TEXT:
        case JM_XML_PULL_CDATA:
        case JM_XML_PULL_PI:
          text = jm_xml_pull_get_text (pull, &length);
          if (text != NULL && css_has_data_url (text, length))
            {
              g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_INVALID,
                           _("The SVG picture refers to embedded data from a style (line %d of the picture)."),
                           jm_xml_pull_get_line (pull));
              return FALSE;
            }
          /* A style sheet named by a processing instruction. */
          if (event == JM_XML_PULL_PI && text != NULL && g_strstr_len (text, length, "data:") != NULL)
            {
              g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_INVALID,
                           _("The SVG picture refers to embedded data from a style (line %d of the picture)."),
                           jm_xml_pull_get_line (pull));
              return FALSE;
            }
          break;

        default:
          break;
        }

      if (pixels > JM_PICTURE_MAX_SVG_RASTER_PIXELS)
        {
          g_set_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE,
                       _("The SVG picture embeds images of more than %d × %d pixels together (line %d "
                         "of the picture)."), JM_PICTURE_MAX_SIDE, JM_PICTURE_MAX_SIDE,
                       jm_xml_pull_get_line (pull));
          return FALSE;
        }
    }

  if (raster_pixels != NULL)
    *raster_pixels = pixels;
  return TRUE;
}
