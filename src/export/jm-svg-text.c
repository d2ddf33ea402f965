/* jm-svg-text.c: the text of SVG exports, written as SVG <text>
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's SVG surface writes text as glyph outlines: exact in every
 * viewer, but an editor such as Inkscape or Figma cannot restyle or edit
 * it, a browser cannot find a card's title, and nothing can be copied out
 * of it.
 *
 * So for SVG exports the renderer draws no text itself
 * (JmRenderOptions.text_drawn_by_callback): it hands each text, laid out
 * by the one layout with Pango's line breaks and ellipsis, to
 * jm_svg_text_add_layout(), with the cairo transformation and the colour
 * it would have been drawn with. Each line becomes a visible <text> at
 * its baseline, in its font family, size, weight, style and colour,
 * stretched (textLength) to the width Pango gave the line, so that a
 * viewer with other fonts still keeps it inside its card. The lines go in
 * one group above cairo's drawing. The painter clips no text (ellipsis
 * and the layout's widths keep it inside its box), so the group needs no
 * clip of its own.
 */

#define G_LOG_DOMAIN "jm-export"

#include "config.h"

#include "jm-svg-text.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

struct _JmSvgText
{
  GString    *elements;
  guint       n_lines;
  GHashTable *space_widths; /* "font|character" → its width, in a double */
};

JmSvgText *
jm_svg_text_new (void)
{
  JmSvgText *self = g_new0 (JmSvgText, 1);

  self->elements = g_string_new (NULL);
  self->space_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
jm_svg_text_free (JmSvgText *self)
{
  if (self == NULL)
    return;

  g_string_free (self->elements, TRUE);
  g_hash_table_unref (self->space_widths);
  g_free (self);
}

/* Whether XML 1.0 allows @c in a document at all, even as a reference. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * jm_svg_text_append_escaped:
 * @length: bytes of @text, or -1 up to its end
 *
 * Appends @text as XML character data or an attribute value: markup
 * characters escaped, line breaks and tabs as spaces (one <text> is one
 * line), and what XML cannot hold (other control characters, bytes that
 * are no UTF-8) left out, where g_markup_escape_text() would write
 * references that no XML parser accepts.
 */
void
jm_svg_text_append_escaped (GString    *out,
                            const char *text,
                            gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  const char *p = text;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\t': case '\n': case '\r': g_string_append_c (out, ' '); break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* The size of @desc's font in @layout's user units. */
static double
font_size_in_units (PangoLayout                *layout,
                    const PangoFontDescription *desc)
{
  double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  double resolution;

  if (pango_font_description_get_size_is_absolute (desc))
    return size;

  /* Points, at the context's resolution (96 dpi unless set). */
  resolution = pango_cairo_context_get_resolution (pango_layout_get_context (layout));
  if (resolution <= 0)
    resolution = 96.0;
  return size * resolution / 72.0;
}

/* Whether the line has text worth keeping: not only blanks. */
static gboolean
has_visible_text (const char *text,
                  int         length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char_validated (p, text + length - p)))
        return TRUE;
    }
  return FALSE;
}

/* The run Pango put in place of what it ellipsized in @line, or NULL. */
static PangoItem *
find_ellipsis (PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run != NULL && (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0)
        return run->item;
    }
  return NULL;
}

/* The text of @line as drawn, escaped: an ellipsized line's hidden part
 * is the ellipsis Pango shows in its place. */
static void
append_line_text (GString         *out,
                  const char      *text,
                  PangoLayoutLine *line)
{
  PangoItem *ellipsis = find_ellipsis (line);
  int line_end = line->start_index + line->length;

  if (ellipsis == NULL || ellipsis->offset < line->start_index ||
      ellipsis->offset + ellipsis->length > line_end)
    {
      jm_svg_text_append_escaped (out, text + line->start_index, line->length);
      return;
    }

  jm_svg_text_append_escaped (out, text + line->start_index, ellipsis->offset - line->start_index);
  g_string_append (out, "\xe2\x80\xa6"); /* … */
  jm_svg_text_append_escaped (out, text + ellipsis->offset + ellipsis->length,
                              line_end - (ellipsis->offset + ellipsis->length));
}

/* Pango draws the blank at which a line wraps with no width, so that the
 * line's width is that of what can be seen; the <text> keeps the blank
 * (searching a wrapped text finds it whole), so its textLength must count
 * the blank's own width, or a viewer that honours textLength squeezes the
 * line. Returns the width (in @layout's units) that Pango did not give the
 * line's last character, 0 when it drew it as usual. */
static double
zeroed_final_space (JmSvgText                  *self,
                    PangoLayout                *layout,
                    const PangoFontDescription *desc,
                    PangoLayoutLine            *line)
{
  const char *text = pango_layout_get_text (layout);
  const char *line_end = text + line->start_index + line->length;
  const char *last;
  int last_index;
  gunichar c;
  g_autofree char *font = NULL;
  g_autofree char *key = NULL;
  double *width;

  if (line->length <= 0)
    return 0;
  last = g_utf8_find_prev_char (text + line->start_index, line_end);
  if (last == NULL)
    return 0;
  c = g_utf8_get_char_validated (last, line_end - last);
  if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isspace (c))
    return 0;

  last_index = last - text;
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run == NULL || last_index < run->item->offset || last_index >= run->item->offset + run->item->length)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          if (run->item->offset + run->glyphs->log_clusters[i] == last_index &&
              run->glyphs->glyphs[i].geometry.width != 0)
            return 0;
        }
    }

  font = pango_font_description_to_string (desc);
  key = g_strdup_printf ("%s|%.*s", font, (int) (line_end - last), last);
  width = g_hash_table_lookup (self->space_widths, key);
  if (width == NULL)
    {
      g_autoptr(PangoLayout) blank = pango_layout_new (pango_layout_get_context (layout));
      PangoRectangle logical;

      pango_layout_set_font_description (blank, desc);
      pango_layout_set_text (blank, last, line_end - last);
      pango_layout_get_extents (blank, NULL, &logical);
      width = g_new (double, 1);
      *width = MAX (0.0, (double) logical.width / PANGO_SCALE);
      g_hash_table_insert (self->space_widths, g_steal_pointer (&key), width);
    }
  return *width;
}

/* The colour the renderer set for the text, as fill and fill-opacity. */
static void
append_fill (GString *out,
             cairo_t *cr)
{
  double red = 0, green = 0, blue = 0, alpha = 1;

  /* The renderer draws text in plain colours; anything else is black. */
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha) != CAIRO_STATUS_SUCCESS)
    red = green = blue = 0, alpha = 1;

  g_string_append_printf (out, "\" fill=\"#%02x%02x%02x",
                          (guint) lround (CLAMP (red, 0, 1) * 255),
                          (guint) lround (CLAMP (green, 0, 1) * 255),
                          (guint) lround (CLAMP (blue, 0, 1) * 255));
  if (alpha < 1)
    {
      g_string_append (out, "\" fill-opacity=\"");
      append_number (out, CLAMP (alpha, 0, 1));
    }
}

/**
 * jm_svg_text_add_layout: (skip)
 * @self: the #JmSvgText, as JmRenderOptions.text_data
 *
 * A #JmRenderTextFunc: keeps each line of @layout, drawn at (@x, @y) on
 * @cr in @cr's source colour, as a <text> element in @cr's device space,
 * which on cairo's SVG surface is the SVG's own.
 */
void
jm_svg_text_add_layout (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y,
                        gpointer     data)
{
  JmSvgText *self = data;
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  g_autoptr(PangoFontDescription) fallback = NULL;
  PangoLayoutIter *iter;
  double size, size_dx, size_dy;

  g_return_if_fail (self != NULL);

  if (desc == NULL)
    {
      PangoContext *context = pango_layout_get_context (layout);

      fallback = pango_font_description_copy (pango_context_get_font_description (context));
      desc = fallback;
    }

  /* The renderer draws in layout units; the SVG's units may differ by a
   * scale (no rotation: a map is drawn upright). */
  size = font_size_in_units (layout, desc);
  size_dx = 0;
  size_dy = size;
  cairo_user_to_device_distance (cr, &size_dx, &size_dy);
  size = hypot (size_dx, size_dy);
  if (!(size > 0) || !isfinite (size))
    return;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_x, line_y, width, width_dy, blank;
      gboolean rtl;
      const char *family;
      PangoStyle style;

      if (line->length <= 0 || !has_visible_text (text + line->start_index, line->length))
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_x = x + (double) logical.x / PANGO_SCALE;
      line_y = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      width = (double) logical.width / PANGO_SCALE;
      width_dy = 0;
      rtl = line->resolved_dir == PANGO_DIRECTION_RTL;
      /* In a right-to-left line the blank is on the left: the line then
       * starts that much further left. */
      blank = zeroed_final_space (self, layout, desc, line);
      width += blank;
      if (rtl)
        line_x -= blank;
      if (rtl)
        line_x += width;
      cairo_user_to_device (cr, &line_x, &line_y);
      cairo_user_to_device_distance (cr, &width, &width_dy);
      width = hypot (width, width_dy);
      if (!isfinite (line_x) || !isfinite (line_y) || !(width > 0) || !isfinite (width))
        continue;

      g_string_append (self->elements, "<text x=\"");
      append_number (self->elements, line_x);
      g_string_append (self->elements, "\" y=\"");
      append_number (self->elements, line_y);
      append_fill (self->elements, cr);
      g_string_append (self->elements, "\" font-size=\"");
      append_number (self->elements, size);
      family = pango_font_description_get_family (desc);
      if (family != NULL)
        {
          g_string_append (self->elements, "\" font-family=\"");
          jm_svg_text_append_escaped (self->elements, family, -1);
        }
      g_string_append_printf (self->elements, "\" font-weight=\"%d",
                              (int) pango_font_description_get_weight (desc));
      style = pango_font_description_get_style (desc);
      if (style != PANGO_STYLE_NORMAL)
        g_string_append (self->elements,
                         style == PANGO_STYLE_ITALIC ? "\" font-style=\"italic" : "\" font-style=\"oblique");
      if (rtl)
        g_string_append (self->elements, "\" direction=\"rtl\" unicode-bidi=\"embed");
      g_string_append (self->elements, "\" textLength=\"");
      append_number (self->elements, width);
      g_string_append (self->elements, "\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">");
      append_line_text (self->elements, text, line);
      g_string_append (self->elements, "</text>\n");
      self->n_lines++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * jm_svg_text_get_n_lines:
 *
 * Returns: how many lines of text the layer holds
 */
guint
jm_svg_text_get_n_lines (JmSvgText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_lines;
}

/**
 * jm_svg_text_insert:
 * @svg: an SVG document as cairo writes it
 *
 * Returns: (transfer full): @svg with the text as its last group, above
 *   the drawing; @svg itself when it has no end tag to put it before
 */
GBytes *
jm_svg_text_insert (JmSvgText *self,
                    GBytes    *svg)
{
  static const char end_tag[] = "</svg>";
  static const char group[] =
    "<g id=\"text\" stroke=\"none\" xml:space=\"preserve\" style=\"white-space:pre\">\n";
  g_autoptr(GByteArray) out = NULL;
  const char *data;
  gsize size, at;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (svg != NULL, NULL);

  data = g_bytes_get_data (svg, &size);
  if (self->n_lines == 0 || size < sizeof end_tag - 1)
    return g_bytes_ref (svg);

  /* The last end tag: cairo writes nothing after it but a line break. */
  for (at = size - (sizeof end_tag - 1); ; at--)
    {
      if (memcmp (data + at, end_tag, sizeof end_tag - 1) == 0)
        break;
      if (at == 0)
        return g_bytes_ref (svg);
    }

  out = g_byte_array_sized_new (size + strlen (group) + self->elements->len + 8);
  g_byte_array_append (out, (const guint8 *) data, at);
  g_byte_array_append (out, (const guint8 *) group, strlen (group));
  g_byte_array_append (out, (const guint8 *) self->elements->str, self->elements->len);
  g_byte_array_append (out, (const guint8 *) "</g>\n", 5);
  g_byte_array_append (out, (const guint8 *) data + at, size - at);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
