/* jm-slide.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-slide.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jm-layout-private.h"
#include "jm-renderer.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"

/* A slide is the map itself, drawn by the renderer through a transform
 * and a clip, with a few things drawn over it: the stage's column large,
 * its neighbours beside it dimmed, the whole journey's curve as a strip
 * above with the stage marked, and a panel beside that says what the
 * stage is and calls out its Moments of Truth. Nothing is laid out anew,
 * so a slide shows exactly what the map does.
 *
 * The column is as large as the slide's height allows, up to most of the
 * width left of the panel: a map's column is tall and narrow (six lanes
 * are about three times as tall as a stage is wide), and a column cut off
 * at the bottom would hide lanes from the room. */

/* Shares of the slide's height. */
#define SLIDE_MARGIN       0.025
#define SLIDE_HEADING      0.055
#define SLIDE_STRIP        0.15
/* The share of the slide's width of the panel beside the column, which
 * tells what the stage is and calls out its Moments of Truth. */
#define SLIDE_PANEL        0.27
/* The share of the width left of the panel that the column fills, unless
 * it would be taller than the slide. */
#define SLIDE_COLUMN_WIDTH 0.6
/* How dark a scrim dims a neighbour: a spotlight on the stage, in either
 * theme (washing neighbours out towards a light background would make
 * them brighter than the stage). */
#define SLIDE_DIM          0.5
#define SLIDE_STRIP_DIM    0.3

/* A run of the map's rows drawn one under the other in the column: the
 * stage headers and the lanes, without the emotions lane, which the strip
 * shows for the whole journey. */
typedef struct
{
  double from;   /* layout y */
  double to;
  double at;     /* slide y of @from */
} Segment;

typedef struct
{
  JmLayout        *layout;
  const JmStageBox *stage;
  guint            index;
  double           width;
  double           height;
  JmSlideGeometry  geometry;
  Segment          segments[2];
  guint            n_segments;
  double           strip_scale;
  double           strip_x;      /* slide x of the layout's grid_x on the strip */
  Segment          strip_rows[1];
  double           callout_box;  /* the height of each call-out */
  double           callout_gap;
  gboolean         own_images;   /* see JmRenderOptions */
} Slide;

static double
column_bottom (JmLayout *layout)
{
  const JmLaneBox *last;

  if (layout->lanes->len == 0)
    return layout->rows_y;

  last = &g_array_index (layout->lanes, JmLaneBox, layout->lanes->len - 1);
  return last->y + last->height;
}

static double
stages_right (JmLayout *layout)
{
  const JmStageBox *last = &g_array_index (layout->stages, JmStageBox, layout->stages->len - 1);

  return last->x + last->width;
}

static double
segments_height (const Slide *slide)
{
  double total = 0;

  for (guint i = 0; i < slide->n_segments; i++)
    total += slide->segments[i].to - slide->segments[i].from;

  return total;
}

static gboolean
slide_init (Slide    *slide,
            JmLayout *layout,
            guint     stage_index,
            double    width,
            double    height)
{
  JmSlideGeometry *g = &slide->geometry;
  double margin, top, scale, used, band_top, band_bottom, band_width, y;
  g_autoptr(GPtrArray) moments = NULL;
  const char *note;
  gboolean has_note;

  memset (slide, 0, sizeof *slide);
  jm_layout_update (layout);
  if (stage_index >= layout->stages->len || !(width > 0) || !(height > 0))
    return FALSE;

  slide->layout = layout;
  slide->index = stage_index;
  slide->stage = &g_array_index (layout->stages, JmStageBox, stage_index);
  slide->width = width;
  slide->height = height;

  margin = round (SLIDE_MARGIN * MIN (width, height));
  g->heading = (JmRect) { margin, margin, width - 2 * margin, round (SLIDE_HEADING * height) };
  top = g->heading.y + g->heading.height + margin / 2;
  g->strip = (JmRect) { margin, top, width - 2 * margin, round (SLIDE_STRIP * height) };
  top = g->strip.y + g->strip.height + margin;

  /* The panel on the right: what the stage is, then its Moments of Truth,
   * one under the other. */
  g->panel = (JmRect) { round (width - margin - SLIDE_PANEL * width), top, round (SLIDE_PANEL * width),
                        MAX (height - margin - top, 1) };
  moments = jm_slide_dup_moments (layout, stage_index);
  g->n_callouts = MIN (moments->len, JM_SLIDE_MAX_CALLOUTS);
  note = jm_stage_get_presenter_note (slide->stage->stage);
  has_note = note != NULL && *note != '\0';
  if (g->n_callouts > 0)
    {
      /* A note takes the panel's last quarter. */
      double room = g->panel.height * (has_note ? 0.45 : 0.7), gap = margin / 2;
      double box = MIN ((room - gap * (g->n_callouts - 1)) / g->n_callouts, 0.16 * height);

      g->callouts = (JmRect) { g->panel.x, g->panel.y + g->panel.height * 0.3, g->panel.width,
                               box * g->n_callouts + gap * (g->n_callouts - 1) };
      slide->callout_box = box;
      slide->callout_gap = gap;
    }
  else
    {
      g->callouts = (JmRect) { g->panel.x, g->panel.y + g->panel.height * 0.3, g->panel.width, 0 };
    }
  if (has_note)
    {
      double note_top = g->callouts.y + g->callouts.height + (g->n_callouts > 0 ? margin / 2 : 0);

      g->note = (JmRect) { g->panel.x, note_top, g->panel.width, MAX (g->panel.y + g->panel.height - note_top, 0) };
    }
  else
    {
      g->note = (JmRect) { g->panel.x, g->panel.y + g->panel.height, g->panel.width, 0 };
    }
  g->column_area = (JmRect) { 0, top, MAX (g->panel.x - margin, 1), MAX (height - margin - top, 1) };

  /* The column's rows, without the emotions lane. */
  if (layout->curve_lane >= 0)
    {
      const JmLaneBox *curve = &g_array_index (layout->lanes, JmLaneBox, layout->curve_lane);

      if (curve->y > layout->grid_y)
        slide->segments[slide->n_segments++] = (Segment) { layout->grid_y, curve->y, 0 };
      if (column_bottom (layout) > curve->y + curve->height)
        slide->segments[slide->n_segments++] = (Segment) { curve->y + curve->height, column_bottom (layout), 0 };
      band_top = curve->y;
      band_bottom = curve->y + curve->height;
    }
  else
    {
      slide->segments[slide->n_segments++] = (Segment) { layout->grid_y, column_bottom (layout), 0 };
      band_top = layout->grid_y;
      band_bottom = layout->grid_y + layout->stage_header_height;
    }

  scale = MIN (SLIDE_COLUMN_WIDTH * g->column_area.width / MAX (slide->stage->width, 1),
               g->column_area.height / MAX (segments_height (slide), 1));
  g->scale = scale;

  y = g->column_area.y;
  for (guint i = 0; i < slide->n_segments; i++)
    {
      slide->segments[i].at = y;
      y += (slide->segments[i].to - slide->segments[i].from) * scale;
    }
  used = MIN (y, g->column_area.y + g->column_area.height) - g->column_area.y;
  g->column = (JmRect) { round (g->column_area.width / 2 - slide->stage->width * scale / 2), g->column_area.y,
                         slide->stage->width * scale, used };

  /* The strip: the whole journey, scaled to fit it both ways. */
  band_width = stages_right (layout) - layout->grid_x;
  slide->strip_scale = MIN (g->strip.width / MAX (band_width, 1), g->strip.height / MAX (band_bottom - band_top, 1));
  slide->strip_x = g->strip.x + (g->strip.width - band_width * slide->strip_scale) / 2;
  slide->strip_rows[0] = (Segment) { band_top, band_bottom,
                                     g->strip.y +
                                       (g->strip.height - (band_bottom - band_top) * slide->strip_scale) / 2 };
  g->marker = (JmRect) { slide->strip_x + (slide->stage->x - layout->grid_x) * slide->strip_scale,
                         slide->strip_rows[0].at, slide->stage->width * slide->strip_scale,
                         (band_bottom - band_top) * slide->strip_scale };
  g->marker_tip_x = g->marker.x + g->marker.width / 2;
  g->marker_tip_y = g->marker.y + g->marker.height + margin / 4;
  return TRUE;
}

/* Slide x of a layout x in the column. */
static double
column_x (const Slide *slide,
          double       x)
{
  return slide->geometry.column.x + (x - slide->stage->x) * slide->geometry.scale;
}

/* Slide y of a layout y in the column, or NAN when that row is not shown. */
static double
column_y (const Slide *slide,
          double       y)
{
  for (guint i = 0; i < slide->n_segments; i++)
    if (y >= slide->segments[i].from && y <= slide->segments[i].to)
      return slide->segments[i].at + (y - slide->segments[i].from) * slide->geometry.scale;

  return NAN;
}

static void
set_color (cairo_t       *cr,
           const JmColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @text at @x, @y in @font enlarged @size times; returns its height. */
static double
draw_text (cairo_t       *cr,
           JmLayout      *layout,
           JmFont         font,
           double         size,
           const char    *text,
           double         x,
           double         y,
           double         width,
           int            max_lines,
           const JmColor *color)
{
  g_autoptr(PangoLayout) pango = NULL;
  PangoRectangle logical;

  if (text == NULL || *text == '\0' || width <= 0)
    return 0;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  pango_cairo_update_context (cr, layout->pango);
  pango = jm_theme_create_text_layout (layout->pango, font, text, width / size, max_lines);
  pango_layout_get_extents (pango, NULL, &logical);
  set_color (cr, color, 1.0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, pango);
  cairo_new_path (cr);
  cairo_restore (cr);

  return (double) logical.height / PANGO_SCALE * size;
}

static void
draw_rows (cairo_t        *cr,
           const Slide    *slide,
           const Segment  *segment,
           double          scale,
           double          origin_x,   /* slide x of layout x 0 */
           const JmRect   *window,     /* slide rectangle to fill */
           JmThemeKind     theme)
{
  JmRect clip;
  JmRenderOptions options = { theme, FALSE, &clip, JM_RENDER_ALL, slide->own_images };
  double rows = (segment->to - segment->from) * scale;
  double visible = MIN (rows, window->y + window->height - segment->at);

  if (visible <= 0)
    return;

  clip = (JmRect) { (window->x - origin_x) / scale, segment->from, window->width / scale, visible / scale };

  cairo_save (cr);
  cairo_rectangle (cr, window->x, segment->at, window->width, visible);
  cairo_clip (cr);
  cairo_translate (cr, origin_x, segment->at - segment->from * scale);
  cairo_scale (cr, scale, scale);
  jm_renderer_draw (cr, slide->layout, &options);
  cairo_restore (cr);
}

static void
draw_heading (cairo_t       *cr,
              const Slide   *slide,
              const JmTheme *theme)
{
  const JmSlideGeometry *g = &slide->geometry;
  double size = g->heading.height / 22.0;
  JmLayerState state = jm_layout_get_shown_state (slide->layout);
  const char *state_label;
  g_autofree char *heading = NULL;
  JmColor color = jm_theme_stage_color (theme, jm_stage_get_color (slide->stage->stage), slide->index);

  heading = g_strdup_printf (_("Stage %u of %u: %s"), slide->index + 1, slide->layout->stages->len,
                             jm_stage_get_name (slide->stage->stage) != NULL ?
                               jm_stage_get_name (slide->stage->stage) : "");
  if (jm_layout_get_mode (slide->layout) == JM_LAYER_MODE_BOTH)
    state_label = _("Future state compared with the current one");
  else if (state == JM_LAYER_STATE_FUTURE)
    state_label = _("Future state");
  else
    state_label = _("Current state");

  set_color (cr, &color, 1.0);
  cairo_rectangle (cr, g->heading.x, g->heading.y, 0.25 * g->heading.height, g->heading.height);
  cairo_fill (cr);
  draw_text (cr, slide->layout, JM_FONT_HEADING, size, heading, g->heading.x + 0.6 * g->heading.height,
             g->heading.y, g->heading.width * 0.65, 1, &theme->text);
  draw_text (cr, slide->layout, JM_FONT_SUBHEADING, size * 0.9, state_label, g->heading.x + g->heading.width * 0.7,
             g->heading.y + 0.3 * g->heading.height, g->heading.width * 0.3, 1, &theme->text_dim);
}

static void
draw_strip (cairo_t       *cr,
            const Slide   *slide,
            const JmTheme *theme,
            JmThemeKind    theme_kind)
{
  const JmSlideGeometry *g = &slide->geometry;
  JmLayout *layout = slide->layout;
  JmColor color = jm_theme_stage_color (theme, jm_stage_get_color (slide->stage->stage), slide->index);
  double origin_x = slide->strip_x - layout->grid_x * slide->strip_scale;
  JmRect window = { slide->strip_x, g->strip.y, (stages_right (layout) - layout->grid_x) * slide->strip_scale,
                    g->strip.height };
  double tip = g->marker.height * 0.12 + 4;

  draw_rows (cr, slide, &slide->strip_rows[0], slide->strip_scale, origin_x, &window, theme_kind);

  /* The other stages dimmed a little, the current one outlined. */
  cairo_set_source_rgba (cr, 0, 0, 0, SLIDE_STRIP_DIM);
  cairo_rectangle (cr, window.x, g->marker.y, g->marker.x - window.x, g->marker.height);
  cairo_rectangle (cr, g->marker.x + g->marker.width, g->marker.y,
                   window.x + window.width - g->marker.x - g->marker.width, g->marker.height);
  cairo_fill (cr);

  set_color (cr, &color, 1.0);
  cairo_set_line_width (cr, 3);
  cairo_rectangle (cr, g->marker.x + 1.5, g->marker.y + 1.5, g->marker.width - 3, g->marker.height - 3);
  cairo_stroke (cr);

  /* A tip under the strip points up at the stage. */
  cairo_move_to (cr, g->marker_tip_x, g->marker.y + g->marker.height);
  cairo_line_to (cr, g->marker_tip_x + tip, g->marker.y + g->marker.height + tip * 1.4);
  cairo_line_to (cr, g->marker_tip_x - tip, g->marker.y + g->marker.height + tip * 1.4);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_column (cairo_t       *cr,
             const Slide   *slide,
             const JmTheme *theme,
             JmThemeKind    theme_kind)
{
  const JmSlideGeometry *g = &slide->geometry;
  double origin_x = column_x (slide, 0);
  JmColor color = jm_theme_stage_color (theme, jm_stage_get_color (slide->stage->stage), slide->index);

  for (guint i = 0; i < slide->n_segments; i++)
    {
      draw_rows (cr, slide, &slide->segments[i], g->scale, origin_x, &g->column_area, theme_kind);

      /* Where the emotions lane was taken out. */
      if (i > 0)
        {
          set_color (cr, &theme->text_dim, 0.5);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, g->column_area.x, round (slide->segments[i].at) + 1);
          cairo_line_to (cr, g->column_area.x + g->column_area.width, round (slide->segments[i].at) + 1);
          cairo_stroke (cr);
        }
    }

  /* The neighbours, dimmed. */
  cairo_set_source_rgba (cr, 0, 0, 0, SLIDE_DIM);
  cairo_rectangle (cr, g->column_area.x, g->column.y, g->column.x - g->column_area.x, g->column.height);
  cairo_rectangle (cr, g->column.x + g->column.width, g->column.y,
                   g->column_area.x + g->column_area.width - g->column.x - g->column.width, g->column.height);
  cairo_fill (cr);

  set_color (cr, &color, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, g->column.x - 1, g->column.y);
  cairo_line_to (cr, g->column.x - 1, g->column.y + g->column.height);
  cairo_move_to (cr, g->column.x + g->column.width + 1, g->column.y);
  cairo_line_to (cr, g->column.x + g->column.width + 1, g->column.y + g->column.height);
  cairo_stroke (cr);
}

static void
draw_number (cairo_t       *cr,
             JmLayout      *layout,
             guint          number,
             double         x,
             double         y,
             double         radius,
             const JmTheme *theme)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) pango = NULL;
  PangoRectangle logical;
  double size = radius / 7.0;

  set_color (cr, &theme->moment, 1.0);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  pango_cairo_update_context (cr, layout->pango);
  pango = jm_theme_create_text_layout (layout->pango, JM_FONT_CAPTION, text, -1, 1);
  pango_layout_set_width (pango, -1);
  pango_layout_get_extents (pango, NULL, &logical);
  cairo_move_to (cr, -(double) logical.width / PANGO_SCALE / 2, -(double) logical.height / PANGO_SCALE / 2);
  set_color (cr, &theme->paper, 1.0);
  pango_cairo_show_layout (cr, pango);
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
draw_callouts (cairo_t       *cr,
               const Slide   *slide,
               const JmTheme *theme)
{
  const JmSlideGeometry *g = &slide->geometry;
  g_autoptr(GPtrArray) moments = jm_slide_dup_moments (slide->layout, slide->index);
  double y, size = MAX (g->panel.width / 300.0, 0.5), badge = 11 * size;

  /* Rings around the moments in the column, numbered. */
  for (guint i = 0; i < moments->len; i++)
    {
      JmRect rect;
      double rx, ry;

      if (!jm_layout_get_item_rect (slide->layout, g_ptr_array_index (moments, i), &rect))
        continue;
      rx = column_x (slide, rect.x);
      ry = column_y (slide, rect.y);
      if (isnan (ry) || ry > g->column_area.y + g->column_area.height)
        continue;

      set_color (cr, &theme->moment, 1.0);
      cairo_set_line_width (cr, 3);
      cairo_rectangle (cr, rx - 4, ry - 4, rect.width * g->scale + 8, rect.height * g->scale + 8);
      cairo_stroke (cr);
      if (i < g->n_callouts)
        draw_number (cr, slide->layout, i + 1, rx - 4, ry - 4, badge, theme);
    }

  /* The panel: what the stage is, how long it takes. */
  size = MAX (g->panel.width / 300.0, 0.5);
  y = g->panel.y;
  y += draw_text (cr, slide->layout, JM_FONT_ITEM_BODY, size * 1.1, jm_stage_get_description (slide->stage->stage),
                  g->panel.x, y, g->panel.width, MAX ((int) (g->panel.height * 0.22 / (16 * size * 1.1)), 1),
                  &theme->text);
  if (jm_stage_get_duration (slide->stage->stage) != NULL)
    {
      g_autofree char *duration = g_strdup_printf (_("Duration: %s"), jm_stage_get_duration (slide->stage->stage));

      draw_text (cr, slide->layout, JM_FONT_SUBHEADING, size * 1.1, duration, g->panel.x, y + 4 * size,
                 g->panel.width, 1, &theme->text_dim);
    }

  if (g->note.height > 0)
    {
      double note_y = g->note.y;

      note_y += draw_text (cr, slide->layout, JM_FONT_CAPTION, size * 1.2, _("Presenter’s note"), g->note.x,
                           note_y, g->note.width, 1, &theme->text_dim);
      note_y += 2 * size;
      draw_text (cr, slide->layout, JM_FONT_ITEM_BODY, size * 1.1, jm_stage_get_presenter_note (slide->stage->stage),
                 g->note.x, note_y, g->note.width,
                 MAX ((int) ((g->note.y + g->note.height - note_y) / (16 * size * 1.1)), 1), &theme->text);
    }

  if (g->n_callouts == 0)
    return;

  for (guint i = 0; i < g->n_callouts; i++)
    {
      JmItem *item = g_ptr_array_index (moments, i);
      g_autofree char *kind = jm_slide_dup_moment_kind_label (item);
      double x = g->callouts.x, top = g->callouts.y + i * (slide->callout_box + slide->callout_gap);
      double bottom = top + slide->callout_box;
      double pad = 8 * size, text_x = x + pad + 2 * badge + pad / 2;
      double text_width = g->callouts.width - 2 * pad - 2 * badge - pad / 2;

      set_color (cr, &theme->card, 1.0);
      cairo_rectangle (cr, x + 1, top + 1, g->callouts.width - 2, slide->callout_box - 2);
      cairo_fill_preserve (cr);
      set_color (cr, &theme->moment, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      draw_number (cr, slide->layout, i + 1, x + pad + badge, top + pad + badge, badge, theme);
      y = top + pad;
      y += draw_text (cr, slide->layout, JM_FONT_CAPTION, size * 1.2, kind, text_x, y, text_width, 1, &theme->moment);
      y += 2 * size;
      y += draw_text (cr, slide->layout, JM_FONT_ITEM_TITLE, size * 1.1, jm_item_get_title (item), text_x, y,
                      text_width, 2, &theme->text);
      y += 2 * size;
      if (bottom - pad - y > 14 * size)
        draw_text (cr, slide->layout, JM_FONT_ITEM_BODY, size, jm_item_get_moment_rationale (item), text_x, y,
                   text_width, MAX ((int) ((bottom - pad - y) / (15 * size)), 1), &theme->text_dim);
    }
}

/**
 * jm_slide_count:
 *
 * Returns: how many slides a map makes: one per stage
 */
guint
jm_slide_count (JmLayout *layout)
{
  g_return_val_if_fail (JM_IS_LAYOUT (layout), 0);

  jm_layout_update (layout);
  return layout->stages->len;
}

/**
 * jm_slide_get_geometry:
 * @stage_index: the stage the slide shows, from 0
 * @width: the slide's width, in its units
 * @height: its height
 *
 * Returns: %FALSE when there is no such stage or the size is empty
 */
gboolean
jm_slide_get_geometry (JmLayout        *layout,
                       guint            stage_index,
                       double           width,
                       double           height,
                       JmSlideGeometry *geometry)
{
  Slide slide;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (!slide_init (&slide, layout, stage_index, width, height))
    return FALSE;

  *geometry = slide.geometry;
  return TRUE;
}

static void
jm_slide_draw_full (cairo_t     *cr,
                    JmLayout    *layout,
                    guint        stage_index,
                    double       width,
                    double       height,
                    JmThemeKind  theme_kind,
                    gboolean     own_images)
{
  const JmTheme *theme = jm_theme_get (theme_kind);
  Slide slide;

  if (!slide_init (&slide, layout, stage_index, width, height))
    return;
  slide.own_images = own_images;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, &theme->background, 1.0);
  cairo_paint (cr);

  draw_heading (cr, &slide, theme);
  draw_strip (cr, &slide, theme, theme_kind);
  draw_column (cr, &slide, theme, theme_kind);
  draw_callouts (cr, &slide, theme);
  cairo_restore (cr);
}

/**
 * jm_slide_draw:
 * @cr: a cairo context whose units are the slide's: the caller scales it
 *   to the target
 *
 * Draws the slide of the stage at @stage_index, filling @width × @height
 * with the theme's background first. Draws nothing when there is no such
 * stage. Pictures are decoded into the cache the canvas draws from.
 */
void
jm_slide_draw (cairo_t     *cr,
               JmLayout    *layout,
               guint        stage_index,
               double       width,
               double       height,
               JmThemeKind  theme_kind)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (JM_IS_LAYOUT (layout));

  jm_slide_draw_full (cr, layout, stage_index, width, height, theme_kind, FALSE);
}

/**
 * jm_slide_draw_for_export:
 *
 * As jm_slide_draw (), with the map's pictures decoded for this drawing
 * alone: for exports, which draw a copy of the map once, in a worker.
 */
void
jm_slide_draw_for_export (cairo_t     *cr,
                          JmLayout    *layout,
                          guint        stage_index,
                          double       width,
                          double       height,
                          JmThemeKind  theme_kind)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (JM_IS_LAYOUT (layout));

  jm_slide_draw_full (cr, layout, stage_index, width, height, theme_kind, TRUE);
}

static int
compare_item_boxes (gconstpointer a,
                    gconstpointer b)
{
  const JmItemBox *x = *(const JmItemBox * const *) a;
  const JmItemBox *y = *(const JmItemBox * const *) b;

  if (x->lane_index != y->lane_index)
    return x->lane_index < y->lane_index ? -1 : 1;
  return x->rel_y < y->rel_y ? -1 : x->rel_y > y->rel_y;
}

/**
 * jm_slide_dup_moments:
 *
 * Returns: (transfer container) (element-type JmItem): the Moments of
 *   Truth of the stage at @stage_index as the layout shows them, lane by
 *   lane, top to bottom; what a future state removes is left out
 */
GPtrArray *
jm_slide_dup_moments (JmLayout *layout,
                      guint     stage_index)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GPtrArray *moments = g_ptr_array_new ();

  g_return_val_if_fail (JM_IS_LAYOUT (layout), moments);

  jm_layout_update (layout);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const JmItemBox *box = &g_array_index (layout->items, JmItemBox, i);

      if (box->stage_index == stage_index && box->diff != JM_DIFF_REMOVED &&
          jm_item_get_moment (box->item) != JM_MOMENT_KIND_NONE)
        g_ptr_array_add (boxes, (gpointer) box);
    }

  g_ptr_array_sort (boxes, compare_item_boxes);
  for (guint i = 0; i < boxes->len; i++)
    g_ptr_array_add (moments, ((const JmItemBox *) g_ptr_array_index (boxes, i))->item);

  return moments;
}

/**
 * jm_slide_dup_moment_kind_label:
 *
 * Returns: (transfer full) (nullable): what kind of Moment of Truth @item
 *   is, as a reader is told ("First Moment of Truth", or the map's own
 *   name for a custom one); %NULL when it is none
 */
char *
jm_slide_dup_moment_kind_label (JmItem *item)
{
  JmMomentKind kind;

  g_return_val_if_fail (JM_IS_ITEM (item), NULL);

  kind = jm_item_get_moment (item);
  if (kind == JM_MOMENT_KIND_NONE)
    return NULL;
  if (kind == JM_MOMENT_KIND_CUSTOM && jm_item_get_moment_label (item) != NULL)
    return g_strdup (jm_item_get_moment_label (item));

  return g_strdup (jm_kind_get_label (jm_kinds_lookup (JM_TYPE_MOMENT_KIND, kind)));
}

/**
 * jm_slide_dup_stage_note:
 *
 * The presenter's note of @stage, for the presenter and the handout.
 *
 * Returns: (transfer full) (nullable): the note, %NULL when the stage
 *   has none
 */
char *
jm_slide_dup_stage_note (JmDocument *document,
                         JmStage    *stage)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (JM_IS_STAGE (stage), NULL);

  if (jm_stage_get_presenter_note (stage) == NULL || *jm_stage_get_presenter_note (stage) == '\0')
    return NULL;

  return g_strdup (jm_stage_get_presenter_note (stage));
}
