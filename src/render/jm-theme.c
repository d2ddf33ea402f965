/* jm-theme.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-theme.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }
#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

/* Colours from the GNOME palette, so maps sit well beside the app. */
static const JmTheme light_theme = {
  .kind = JM_THEME_LIGHT,
  .background = RGB (0xff, 0xff, 0xff),
  .paper = RGB (0xfa, 0xfa, 0xfb),
  .grid = RGB (0xe3, 0xe3, 0xe8),
  .text = RGB (0x24, 0x1f, 0x31),
  .text_dim = RGB (0x6e, 0x6a, 0x79),
  .header_background = RGB (0xff, 0xff, 0xff),
  .lane_header_background = RGB (0xf2, 0xf2, 0xf5),
  .card = RGB (0xff, 0xff, 0xff),
  .card_border = RGB (0xd8, 0xd8, 0xde),
  .shadow = RGBA (0x24, 0x1f, 0x31, 0.08),
  .pain = RGB (0xc0, 0x1c, 0x28),
  .pain_card = RGB (0xfd, 0xec, 0xed),
  .opportunity = RGB (0x26, 0xa2, 0x69),
  .opportunity_card = RGB (0xe8, 0xf7, 0xee),
  .note_card = RGB (0xfe, 0xf6, 0xc9),
  .touchpoint_accent = RGB (0x1c, 0x71, 0xd8),
  .moment = RGB (0xe5, 0xa5, 0x0a),
  .positive = RGB (0x2e, 0xc2, 0x7e),
  .negative = RGB (0xe0, 0x1b, 0x24),
  .neutral_line = RGB (0xc0, 0xbf, 0xbc),
  .link = RGB (0x5e, 0x5c, 0x64),
  .added = RGB (0x26, 0xa2, 0x69),
  .removed = RGB (0xc0, 0x1c, 0x28),
  .changed = RGB (0x1c, 0x71, 0xd8),
};

static const JmTheme dark_theme = {
  .kind = JM_THEME_DARK,
  .background = RGB (0x1e, 0x1e, 0x20),
  .paper = RGB (0x24, 0x24, 0x27),
  .grid = RGB (0x3a, 0x3a, 0x3f),
  .text = RGB (0xf6, 0xf5, 0xf4),
  .text_dim = RGB (0xa8, 0xa6, 0xb0),
  .header_background = RGB (0x1e, 0x1e, 0x20),
  .lane_header_background = RGB (0x2c, 0x2c, 0x31),
  .card = RGB (0x33, 0x33, 0x38),
  .card_border = RGB (0x46, 0x46, 0x4d),
  .shadow = RGBA (0x00, 0x00, 0x00, 0.25),
  .pain = RGB (0xff, 0x7b, 0x63),
  .pain_card = RGB (0x4a, 0x2a, 0x2d),
  .opportunity = RGB (0x57, 0xe3, 0x89),
  .opportunity_card = RGB (0x24, 0x42, 0x33),
  .note_card = RGB (0x4d, 0x45, 0x26),
  .touchpoint_accent = RGB (0x78, 0xae, 0xed),
  .moment = RGB (0xf8, 0xe4, 0x5c),
  .positive = RGB (0x57, 0xe3, 0x89),
  .negative = RGB (0xff, 0x7b, 0x63),
  .neutral_line = RGB (0x5e, 0x5c, 0x64),
  .link = RGB (0xc0, 0xbf, 0xbc),
  .added = RGB (0x57, 0xe3, 0x89),
  .removed = RGB (0xff, 0x7b, 0x63),
  .changed = RGB (0x78, 0xae, 0xed),
};

static const JmColor stage_palette[] = {
  RGB (0x35, 0x84, 0xe4), /* blue */
  RGB (0x91, 0x41, 0xac), /* purple */
  RGB (0xe6, 0x61, 0x00), /* orange */
  RGB (0x26, 0xa2, 0x69), /* green */
  RGB (0xc6, 0x46, 0x00), /* brown-orange */
  RGB (0x1c, 0x71, 0xd8), /* dark blue */
  RGB (0xc0, 0x1c, 0x28), /* red */
  RGB (0x98, 0x6a, 0x44), /* brown */
};

static const JmColor persona_palette[] = {
  RGB (0x1c, 0x71, 0xd8),
  RGB (0x91, 0x41, 0xac),
  RGB (0xe6, 0x61, 0x00),
  RGB (0x26, 0xa2, 0x69),
};

const JmTheme *
jm_theme_get (JmThemeKind kind)
{
  return kind == JM_THEME_DARK ? &dark_theme : &light_theme;
}

gboolean
jm_color_parse (const char *text,
                JmColor    *color)
{
  guint64 value;

  if (text == NULL || strlen (text) != 7 || text[0] != '#' ||
      !g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &value, NULL))
    return FALSE;

  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1.0;
  return TRUE;
}

JmColor
jm_color_mix (JmColor a,
              JmColor b,
              double  amount)
{
  JmColor mixed = {
    a.red + (b.red - a.red) * amount,
    a.green + (b.green - a.green) * amount,
    a.blue + (b.blue - a.blue) * amount,
    a.alpha + (b.alpha - a.alpha) * amount,
  };

  return mixed;
}

JmColor
jm_theme_stage_color (const JmTheme *theme,
                      const char    *color,
                      guint          index)
{
  JmColor parsed;

  if (jm_color_parse (color, &parsed))
    return parsed;

  return stage_palette[index % G_N_ELEMENTS (stage_palette)];
}

JmColor
jm_theme_persona_color (guint index)
{
  return persona_palette[index % G_N_ELEMENTS (persona_palette)];
}

/* Red through amber to green, as designers read an emotional curve. */
JmColor
jm_theme_score_color (const JmTheme *theme,
                      double         score)
{
  static const JmColor amber = RGB (0xf5, 0xc2, 0x11);
  double t = CLAMP ((score - JM_SCORE_MIN) / (JM_SCORE_MAX - JM_SCORE_MIN), 0.0, 1.0);

  if (t < 0.5)
    return jm_color_mix (theme->negative, amber, t * 2.0);

  return jm_color_mix (amber, theme->positive, (t - 0.5) * 2.0);
}

static PangoFontDescription *
jm_theme_new_font (JmFont font)
{
  static const struct {
    double      size;
    PangoWeight weight;
  } fonts[JM_N_FONTS] = {
    [JM_FONT_MAP_TITLE] = { 26.0, PANGO_WEIGHT_BOLD },
    [JM_FONT_MAP_DESCRIPTION] = { 13.0, PANGO_WEIGHT_NORMAL },
    [JM_FONT_HEADING] = { 15.0, PANGO_WEIGHT_BOLD },
    [JM_FONT_SUBHEADING] = { 11.0, PANGO_WEIGHT_NORMAL },
    [JM_FONT_ITEM_TITLE] = { 12.5, PANGO_WEIGHT_SEMIBOLD },
    [JM_FONT_ITEM_BODY] = { 11.0, PANGO_WEIGHT_NORMAL },
    [JM_FONT_CAPTION] = { 9.5, PANGO_WEIGHT_BOLD },
  };
  PangoFontDescription *description = pango_font_description_from_string ("Cantarell, Inter, sans-serif");

  pango_font_description_set_absolute_size (description, fonts[font].size * PANGO_SCALE);
  pango_font_description_set_weight (description, fonts[font].weight);

  return description;
}

/* Parsed once: every card and label of every frame asks for one. */
const PangoFontDescription *
jm_theme_peek_font (JmFont font)
{
  static PangoFontDescription *descriptions[JM_N_FONTS];

  g_return_val_if_fail (font < JM_N_FONTS, NULL);

  if (g_once_init_enter (&descriptions[font]))
    g_once_init_leave (&descriptions[font], jm_theme_new_font (font));

  return descriptions[font];
}

PangoFontDescription *
jm_theme_dup_font (JmFont font)
{
  return pango_font_description_copy (jm_theme_peek_font (font));
}

/* Text is laid out without hinting of metrics, so it takes the same room
 * at every zoom and in every export: the layout never depends on the
 * scale it is drawn at. */
PangoContext *
jm_theme_create_pango_context (void)
{
  return jm_theme_create_pango_context_for_font_map (pango_cairo_font_map_get_default ());
}

/* As jm_theme_create_pango_context (), with the fonts of @font_map (a
 * PangoCairo one). */
PangoContext *
jm_theme_create_pango_context_for_font_map (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

/* Below U+0300 no character joins the one before it into a grapheme
 * cluster (but LF after CR): text made of these needs no capping. */
static gboolean
text_has_only_short_clusters (const char *text)
{
  for (const guchar *c = (const guchar *) text; *c != '\0'; c++)
    {
      /* U+0300 and above take a lead byte of 0xcc or more in UTF-8. */
      if (*c >= 0xcc)
        return FALSE;
    }
  return TRUE;
}

/**
 * jm_theme_text_to_lay_out:
 * @text: text of the model
 * @width: the width it wraps at, in units; -1 for no wrapping
 * @max_lines: the most lines shown, or 0 for all of them
 *
 * HarfBuzz shapes a grapheme cluster in time quadratic in its length: one
 * letter with 99,999 combining marks (a valid body) took a minute to lay
 * out, and Pango shapes a paragraph again when it wraps and ellipsizes
 * it. So Pango gets at most %JM_TEXT_MAX_CLUSTER_CHARS characters of each
 * cluster (Unicode's stream-safe format allows 30 marks in a row; no
 * script needs more, and more cannot be seen stacked on one letter), and
 * of text that is wrapped to @max_lines, no more clusters than those lines
 * can show (one a unit of width, more than any font draws), then "…".
 * The model's text stays as it is: this is only what is drawn.
 *
 * Returns: (transfer full) (nullable): the text to lay out, or %NULL when
 *   it is @text itself
 */
char *
jm_theme_text_to_lay_out (const char *text,
                          double      width,
                          int         max_lines)
{
  g_autofree PangoLogAttr *attrs = NULL;
  GString *shown;
  glong length, clusters = 0, max_clusters = G_MAXLONG, in_cluster = 0;
  const char *c;

  g_return_val_if_fail (text != NULL, NULL);

  if (max_lines > 0 && width > 0)
    max_clusters = (glong) max_lines * ((glong) ceil (width) + 1);

  length = g_utf8_strlen (text, -1);
  if (length <= max_clusters && text_has_only_short_clusters (text))
    return NULL;

  /* Pango's own cluster boundaries, found in linear time. */
  attrs = g_new (PangoLogAttr, length + 1);
  pango_get_log_attrs (text, -1, -1, pango_language_from_string ("en"), attrs, length + 1);

  shown = g_string_sized_new (MIN ((gsize) length, 4096));
  c = text;
  for (glong i = 0; i < length; i++, c = g_utf8_next_char (c))
    {
      if (attrs[i].is_cursor_position)
        {
          if (clusters == max_clusters)
            {
              g_string_append (shown, "…");
              break;
            }
          clusters++;
          in_cluster = 0;
        }
      if (++in_cluster <= JM_TEXT_MAX_CLUSTER_CHARS)
        g_string_append_len (shown, c, g_utf8_next_char (c) - c);
    }

  if (strcmp (shown->str, text) == 0)
    {
      g_string_free (shown, TRUE);
      return NULL;
    }
  return g_string_free (shown, FALSE);
}

PangoLayout *
jm_theme_create_text_layout (PangoContext *context,
                             JmFont        font,
                             const char   *text,
                             double        width,
                             int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autofree char *shown = text != NULL ? jm_theme_text_to_lay_out (text, width, max_lines) : NULL;

  pango_layout_set_font_description (layout, jm_theme_peek_font (font));
  pango_layout_set_text (layout, shown != NULL ? shown : text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

double
jm_theme_measure_text (PangoContext *context,
                       JmFont        font,
                       const char   *text,
                       double        width,
                       int           max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0.0;

  layout = jm_theme_create_text_layout (context, font, text, width, max_lines);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}
