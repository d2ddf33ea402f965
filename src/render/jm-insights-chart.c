/* jm-insights-chart.c: a map's mean emotion per stage and persona, as bars
 *
 * One block per stage, top to bottom, so that the chart fits a narrow
 * panel: the stage's name, one bar per persona from the zero line (left
 * for a mean below zero, right above it, the scale's ends at -5 and 5),
 * the mean beside it, then the stage's counts as numbers. Drawn with the
 * map's theme and fonts, so the window and any export agree.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jm-insights-chart.h"

#define CHART_PADDING   8.0
#define NAME_HEIGHT    20.0
#define BAR_HEIGHT     12.0
#define BAR_GAP         4.0
#define COUNTS_HEIGHT  18.0
#define STAGE_GAP      10.0
#define VALUE_WIDTH    40.0
#define LEGEND_HEIGHT  18.0
#define SWATCH_SIZE    10.0

static guint
n_bars (JmInsights *insights)
{
  return MAX (insights->personas->len, 1);
}

static double
stage_height (JmInsights *insights)
{
  return NAME_HEIGHT + n_bars (insights) * (BAR_HEIGHT + BAR_GAP) + COUNTS_HEIGHT + STAGE_GAP;
}

/**
 * jm_insights_chart_get_height:
 * @insights: insights
 *
 * Returns: the height the chart needs, whatever its width
 */
double
jm_insights_chart_get_height (JmInsights *insights)
{
  g_return_val_if_fail (insights != NULL, 0);

  return 2 * CHART_PADDING + insights->personas->len * LEGEND_HEIGHT +
         (insights->personas->len > 0 ? STAGE_GAP : 0) + insights->stages->len * stage_height (insights);
}

/* A mean with at most two decimals, without trailing zeros. */
static char *
dup_mean (double mean)
{
  char *text = g_strdup_printf ("%.2f", round (mean * 100) / 100 + 0.0);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len > 0 && !g_ascii_isdigit (text[len - 1]))
    text[--len] = '\0';

  return text;
}

static void
set_color (cairo_t *cr,
           JmColor  color)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

static void
show_text (cairo_t      *cr,
           PangoLayout  *layout,
           const char   *text,
           double        x,
           double        y,
           double        width,
           PangoAlignment alignment)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * jm_insights_chart_draw:
 * @cr: where to draw, at the chart's top left
 * @insights: the figures
 * @width: the chart's width
 * @theme: light or dark
 *
 * Draws the mean emotion of each stage and persona as bars, with the
 * stage's pain points, opportunities and touchpoints as numbers.
 */
void
jm_insights_chart_draw (cairo_t     *cr,
                        JmInsights  *insights,
                        double       width,
                        JmThemeKind  theme_kind)
{
  const JmTheme *theme = jm_theme_get (theme_kind);
  g_autoptr(PangoLayout) name_layout = NULL;
  g_autoptr(PangoLayout) caption_layout = NULL;
  double bar_width, zero_x, y = CHART_PADDING;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (insights != NULL);

  name_layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (name_layout, jm_theme_peek_font (JM_FONT_SUBHEADING));
  pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
  caption_layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (caption_layout, jm_theme_peek_font (JM_FONT_CAPTION));
  pango_layout_set_ellipsize (caption_layout, PANGO_ELLIPSIZE_END);

  /* the bars' room: all but the padding and the mean's label */
  bar_width = MAX (width - 2 * CHART_PADDING - VALUE_WIDTH, 20);
  zero_x = CHART_PADDING + bar_width / 2;

  cairo_save (cr);

  /* which colour is which persona */
  for (guint p = 0; p < insights->personas->len; p++)
    {
      JmInsightPersona *persona = g_ptr_array_index (insights->personas, p);

      set_color (cr, jm_theme_persona_color (p));
      cairo_rectangle (cr, CHART_PADDING, y + (LEGEND_HEIGHT - SWATCH_SIZE) / 2 - 1, SWATCH_SIZE, SWATCH_SIZE);
      cairo_fill (cr);
      set_color (cr, theme->text);
      show_text (cr, caption_layout, persona->name, CHART_PADDING + SWATCH_SIZE + 6, y,
                 width - 2 * CHART_PADDING - SWATCH_SIZE - 6, PANGO_ALIGN_LEFT);
      y += LEGEND_HEIGHT;
    }
  if (insights->personas->len > 0)
    y += STAGE_GAP;

  for (guint s = 0; s < insights->stages->len; s++)
    {
      JmInsightStage *stage = g_ptr_array_index (insights->stages, s);
      g_autofree char *counts = NULL;
      double bars_top;

      set_color (cr, theme->text);
      show_text (cr, name_layout, stage->name, CHART_PADDING, y, width - 2 * CHART_PADDING, PANGO_ALIGN_LEFT);
      y += NAME_HEIGHT;
      bars_top = y;

      for (guint p = 0; p < n_bars (insights); p++)
        {
          const JmInsightCurve *curve = p < insights->personas->len ? &stage->curves[p] : NULL;
          g_autofree char *value = NULL;
          double length;

          /* the track of the whole scale, faint */
          set_color (cr, theme->grid);
          cairo_rectangle (cr, CHART_PADDING, y, bar_width, BAR_HEIGHT);
          cairo_fill (cr);

          if (curve != NULL && curve->n_points > 0)
            {
              length = curve->mean / JM_SCORE_MAX * (bar_width / 2);
              set_color (cr, jm_theme_persona_color (p));
              cairo_rectangle (cr, length < 0 ? zero_x + length : zero_x, y, fabs (length), BAR_HEIGHT);
              cairo_fill (cr);
              value = dup_mean (curve->mean);
            }
          else
            value = g_strdup ("–");

          set_color (cr, theme->text_dim);
          show_text (cr, caption_layout, value, CHART_PADDING + bar_width + 4, y - 2, VALUE_WIDTH - 4,
                     PANGO_ALIGN_RIGHT);
          y += BAR_HEIGHT + BAR_GAP;
        }

      /* the zero line across the stage's bars */
      set_color (cr, theme->neutral_line);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (zero_x) + 0.5, bars_top - 2);
      cairo_line_to (cr, round (zero_x) + 0.5, y - BAR_GAP + 2);
      cairo_stroke (cr);

      /* TRANSLATORS: a stage's counts under its bars in the insights chart */
      counts = g_strdup_printf (_("Pain points: %u · Opportunities: %u · Touchpoints: %u"), stage->n_pain_points,
                                stage->n_opportunities, stage->n_touchpoints);
      set_color (cr, theme->text_dim);
      show_text (cr, caption_layout, counts, CHART_PADDING, y, width - 2 * CHART_PADDING, PANGO_ALIGN_LEFT);
      y += COUNTS_HEIGHT + STAGE_GAP;
    }
  cairo_restore (cr);
}
