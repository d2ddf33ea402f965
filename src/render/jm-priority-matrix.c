/* jm-priority-matrix.c: opportunities by value and effort, in quadrants
 *
 * Each opportunity with a value (the mean of its customer and business
 * value) and an effort is a dot: value up, effort to the right, the plot
 * cut at value 50 and effort 3 into "Quick wins" (top left), "Big bets"
 * (top right), "Maybes" (bottom left) and "Time sinks" (bottom right).
 * Drawn with the map's theme and fonts, for the window and the exports.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jm-priority-matrix.h"

/* The plot inside the matrix. */
#define PLOT_LEFT    80.0
#define PLOT_RIGHT  (JM_MATRIX_WIDTH - 40.0)
#define PLOT_TOP     70.0
#define PLOT_BOTTOM (JM_MATRIX_HEIGHT - 60.0)
#define DOT_RADIUS    7.0
#define LABEL_WIDTH 150.0

#define VALUE_SPLIT  50.0
#define EFFORT_SPLIT  3.0

static double
item_value (JmItem *item)
{
  return (jm_item_get_customer_value (item) + jm_item_get_business_value (item)) / 2.0;
}

static gboolean
item_is_placed (JmItem *item)
{
  return jm_item_get_kind (item) == JM_ITEM_KIND_OPPORTUNITY && jm_item_get_priority (item) >= 0;
}

/**
 * jm_priority_matrix_place:
 * @item: an opportunity
 * @x: (out): where its dot is, in the matrix's units
 * @y: (out):
 *
 * Returns: whether @item has a dot: an opportunity with all three scores
 */
gboolean
jm_priority_matrix_place (JmItem *item,
                          double *x,
                          double *y)
{
  g_return_val_if_fail (JM_IS_ITEM (item), FALSE);

  if (!item_is_placed (item))
    return FALSE;

  *x = PLOT_LEFT + (jm_item_get_effort (item) - JM_EFFORT_MIN) / (JM_EFFORT_MAX - JM_EFFORT_MIN) *
                   (PLOT_RIGHT - PLOT_LEFT);
  *y = PLOT_BOTTOM - item_value (item) / JM_VALUE_MAX * (PLOT_BOTTOM - PLOT_TOP);
  return TRUE;
}

/**
 * jm_priority_matrix_hit:
 * @x: a point in the matrix's units
 * @y:
 *
 * Returns: (transfer none) (nullable): the opportunity whose dot is at
 *   (@x, @y), the one drawn last (on top) where dots overlap
 */
JmItem *
jm_priority_matrix_hit (JmDocument   *document,
                        JmLayerState  state,
                        double        x,
                        double        y)
{
  JmObjectStore *items;
  JmItem *found = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  items = jm_layer_get_items (jm_document_get_layer (document, state));
  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);
      double dot_x, dot_y;

      /* a little beyond the dot, for a finger or a small scale */
      if (jm_priority_matrix_place (item, &dot_x, &dot_y) &&
          hypot (x - dot_x, y - dot_y) <= DOT_RADIUS + 3)
        found = item;
    }

  return found;
}

/**
 * jm_priority_matrix_quadrant:
 * @item: an opportunity with all three scores
 *
 * Returns: its quadrant
 */
JmQuadrant
jm_priority_matrix_quadrant (JmItem *item)
{
  gboolean valuable, easy;

  g_return_val_if_fail (JM_IS_ITEM (item), JM_QUADRANT_MAYBES);

  valuable = item_value (item) >= VALUE_SPLIT;
  easy = jm_item_get_effort (item) <= EFFORT_SPLIT;
  if (valuable)
    return easy ? JM_QUADRANT_QUICK_WINS : JM_QUADRANT_BIG_BETS;

  return easy ? JM_QUADRANT_MAYBES : JM_QUADRANT_TIME_SINKS;
}

/**
 * jm_priority_matrix_quadrant_name:
 *
 * Returns: the quadrant's name, in the user's language
 */
const char *
jm_priority_matrix_quadrant_name (JmQuadrant quadrant)
{
  switch (quadrant)
    {
    case JM_QUADRANT_QUICK_WINS:
      return _("Quick wins");
    case JM_QUADRANT_BIG_BETS:
      return _("Big bets");
    case JM_QUADRANT_MAYBES:
      return _("Maybes");
    case JM_QUADRANT_TIME_SINKS:
      return _("Time sinks");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_color (cairo_t *cr,
           JmColor  color)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

static void
show_text (cairo_t        *cr,
           PangoLayout    *layout,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
layout_new (cairo_t *cr,
            JmFont   font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, jm_theme_peek_font (font));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/**
 * jm_priority_matrix_draw:
 * @cr: where to draw, JM_MATRIX_WIDTH × JM_MATRIX_HEIGHT units from its origin
 * @document: the map
 * @state: whose opportunities
 * @theme: light or dark
 */
void
jm_priority_matrix_draw (cairo_t      *cr,
                         JmDocument   *document,
                         JmLayerState  state,
                         JmThemeKind   theme_kind)
{
  const JmTheme *theme = jm_theme_get (theme_kind);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, state));
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  g_autofree char *title_text = NULL;
  double split_x = PLOT_LEFT + (EFFORT_SPLIT - JM_EFFORT_MIN) / (JM_EFFORT_MAX - JM_EFFORT_MIN) *
                               (PLOT_RIGHT - PLOT_LEFT);
  double split_y = PLOT_BOTTOM - VALUE_SPLIT / JM_VALUE_MAX * (PLOT_BOTTOM - PLOT_TOP);
  struct
  {
    JmQuadrant quadrant;
    double     x, y, width, height;
    JmColor    tint;
  } quadrants[] = {
    { JM_QUADRANT_QUICK_WINS, PLOT_LEFT, PLOT_TOP, split_x - PLOT_LEFT, split_y - PLOT_TOP, theme->positive },
    { JM_QUADRANT_BIG_BETS, split_x, PLOT_TOP, PLOT_RIGHT - split_x, split_y - PLOT_TOP, theme->moment },
    { JM_QUADRANT_MAYBES, PLOT_LEFT, split_y, split_x - PLOT_LEFT, PLOT_BOTTOM - split_y, theme->neutral_line },
    { JM_QUADRANT_TIME_SINKS, split_x, split_y, PLOT_RIGHT - split_x, PLOT_BOTTOM - split_y, theme->negative },
  };
  guint n_items;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (JM_IS_DOCUMENT (document));

  n_items = jm_object_store_get_n_objects (items);
  title = layout_new (cr, JM_FONT_HEADING);
  heading = layout_new (cr, JM_FONT_SUBHEADING);
  caption = layout_new (cr, JM_FONT_CAPTION);

  cairo_save (cr);
  set_color (cr, theme->paper);
  cairo_rectangle (cr, 0, 0, JM_MATRIX_WIDTH, JM_MATRIX_HEIGHT);
  cairo_fill (cr);

  /* TRANSLATORS: the priority matrix's title, after the map's */
  title_text = g_strdup_printf (_("%s: opportunities by value and effort"), jm_document_get_display_title (document));
  set_color (cr, theme->text);
  show_text (cr, title, title_text, PLOT_LEFT, 20, PLOT_RIGHT - PLOT_LEFT, PANGO_ALIGN_LEFT);

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      JmColor tint = quadrants[i].tint;
      gboolean right = quadrants[i].x > PLOT_LEFT;
      gboolean bottom = quadrants[i].y > PLOT_TOP;

      tint.alpha = 0.12;
      set_color (cr, tint);
      cairo_rectangle (cr, quadrants[i].x, quadrants[i].y, quadrants[i].width, quadrants[i].height);
      cairo_fill (cr);
      set_color (cr, theme->text_dim);
      show_text (cr, heading, jm_priority_matrix_quadrant_name (quadrants[i].quadrant),
                 quadrants[i].x + 10, bottom ? quadrants[i].y + quadrants[i].height - 30 : quadrants[i].y + 8,
                 quadrants[i].width - 20, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }

  /* the axes and the splits */
  set_color (cr, theme->neutral_line);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, PLOT_LEFT + 0.5, PLOT_TOP + 0.5, PLOT_RIGHT - PLOT_LEFT - 1, PLOT_BOTTOM - PLOT_TOP - 1);
  cairo_move_to (cr, round (split_x) + 0.5, PLOT_TOP);
  cairo_line_to (cr, round (split_x) + 0.5, PLOT_BOTTOM);
  cairo_move_to (cr, PLOT_LEFT, round (split_y) + 0.5);
  cairo_line_to (cr, PLOT_RIGHT, round (split_y) + 0.5);
  cairo_stroke (cr);

  set_color (cr, theme->text_dim);
  show_text (cr, caption, _("Effort →"), PLOT_LEFT, PLOT_BOTTOM + 24, PLOT_RIGHT - PLOT_LEFT, PANGO_ALIGN_CENTER);
  show_text (cr, caption, "1", PLOT_LEFT - 20, PLOT_BOTTOM + 6, 40, PANGO_ALIGN_CENTER);
  show_text (cr, caption, "5", PLOT_RIGHT - 20, PLOT_BOTTOM + 6, 40, PANGO_ALIGN_CENTER);
  show_text (cr, caption, "100", PLOT_LEFT - 50, PLOT_TOP - 8, 44, PANGO_ALIGN_RIGHT);
  show_text (cr, caption, "0", PLOT_LEFT - 50, PLOT_BOTTOM - 8, 44, PANGO_ALIGN_RIGHT);
  cairo_save (cr);
  cairo_translate (cr, 20, (PLOT_TOP + PLOT_BOTTOM) / 2 + 100);
  cairo_rotate (cr, -G_PI / 2);
  show_text (cr, caption, _("Value →"), 0, 0, 200, PANGO_ALIGN_CENTER);
  cairo_restore (cr);

  /* the dots, each with its title */
  for (guint i = 0; i < n_items; i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);
      double x, y;

      if (!jm_priority_matrix_place (item, &x, &y))
        continue;

      set_color (cr, theme->opportunity);
      /* not joined to where the last label ended */
      cairo_new_path (cr);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      set_color (cr, theme->paper);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      set_color (cr, theme->text);
      if (x + DOT_RADIUS + 4 + LABEL_WIDTH <= JM_MATRIX_WIDTH)
        show_text (cr, caption, jm_item_get_title (item) != NULL ? jm_item_get_title (item) : "",
                   x + DOT_RADIUS + 4, y - 8, LABEL_WIDTH, PANGO_ALIGN_LEFT);
      else
        show_text (cr, caption, jm_item_get_title (item) != NULL ? jm_item_get_title (item) : "",
                   x - DOT_RADIUS - 4 - LABEL_WIDTH, y - 8, LABEL_WIDTH, PANGO_ALIGN_RIGHT);
    }

  cairo_restore (cr);
}
