/* jm-handout.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-export"

#include "config.h"

#include "jm-handout.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "model/jm-comment.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"
#include "render/jm-renderer.h"
#include "render/jm-slide.h"

/* A handout is what a workshop takes home: a cover with the map's title,
 * description, the whole map and its personas, then one page per stage
 * with the stage's slide (as presented), its items written out, its part
 * of the emotional curve and the presenter's note. Text is Pango's, so the
 * PDF's text can be selected, searched and read aloud. */

/* Pages are laid out in map units (CSS pixels), as the map is drawn. */
#define UNITS_PER_POINT (4.0 / 3.0)
#define PAGE_WIDTH      (JM_HANDOUT_PAGE_WIDTH * UNITS_PER_POINT)
#define PAGE_HEIGHT     (JM_HANDOUT_PAGE_HEIGHT * UNITS_PER_POINT)
#define PAGE_MARGIN     40.0
/* The slide is drawn at this size and scaled into its box. */
#define SLIDE_WIDTH     1280.0
#define SLIDE_HEIGHT    800.0

typedef struct
{
  cairo_t          *cr;
  PangoContext     *pango;
  JmLayout         *layout;
  JmDocument       *document;
  const JmTheme    *theme;
  JmThemeKind       theme_kind;
  gboolean          transparent;
  gboolean          comments;
} Handout;

static cairo_status_t
handout_write_cb (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_color (cairo_t       *cr,
           const JmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
text_layout (Handout    *h,
             JmFont      font,
             double      size,
             const char *text,
             double      width,
             int         max_lines)
{
  PangoLayout *pango = jm_theme_create_text_layout (h->pango, font, text, width / size, max_lines);

  return pango;
}

/* Draws @text at @x, @y in @font enlarged @size times; returns its height. */
static double
draw_text (Handout       *h,
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

  if (text == NULL || *text == '\0')
    return 0;

  cairo_save (h->cr);
  cairo_translate (h->cr, x, y);
  cairo_scale (h->cr, size, size);
  pango_cairo_update_context (h->cr, h->pango);
  pango = text_layout (h, font, size, text, width, max_lines);
  pango_layout_get_extents (pango, NULL, &logical);
  set_color (h->cr, color);
  cairo_move_to (h->cr, 0, 0);
  pango_cairo_show_layout (h->cr, pango);
  cairo_new_path (h->cr);
  cairo_restore (h->cr);

  return (double) logical.height / PANGO_SCALE * size;
}

static double
measure_text (Handout    *h,
              JmFont      font,
              double      size,
              const char *text,
              double      width,
              int         max_lines)
{
  g_autoptr(PangoLayout) pango = NULL;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;

  pango = text_layout (h, font, size, text, width, max_lines);
  pango_layout_get_extents (pango, NULL, &logical);
  return (double) logical.height / PANGO_SCALE * size;
}

static void
paint_page (Handout *h)
{
  if (h->transparent)
    return;

  set_color (h->cr, &h->theme->background);
  cairo_paint (h->cr);
}

/* Draws the part @part (layout units) of the map scaled into @box, kept
 * in proportion and centred. */
static void
draw_map_part (Handout      *h,
               const JmRect *part,
               const JmRect *box)
{
  JmRenderOptions options = { h->theme_kind, TRUE, part, JM_RENDER_ALL, TRUE };
  double scale;

  options.review_marks = h->comments;

  if (part->width <= 0 || part->height <= 0 || box->width <= 0 || box->height <= 0)
    return;

  scale = MIN (box->width / part->width, box->height / part->height);
  cairo_save (h->cr);
  cairo_translate (h->cr, box->x + (box->width - part->width * scale) / 2, box->y);
  cairo_rectangle (h->cr, 0, 0, part->width * scale, part->height * scale);
  cairo_clip (h->cr);
  cairo_scale (h->cr, scale, scale);
  cairo_translate (h->cr, -part->x, -part->y);
  jm_renderer_draw (h->cr, h->layout, &options);
  cairo_restore (h->cr);
}

static void
draw_cover (Handout *h)
{
  JmObjectStore *personas = jm_document_get_personas (h->document);
  guint n_personas = jm_object_store_get_n_objects (personas);
  double right = n_personas > 0 ? 300.0 : 0.0;
  double x = PAGE_MARGIN, y = PAGE_MARGIN, width = PAGE_WIDTH - 2 * PAGE_MARGIN;
  double map_width, map_height, px, py;
  JmRect part, box;

  y += draw_text (h, JM_FONT_MAP_TITLE, 1.0, jm_document_get_display_title (h->document), x, y, width, 2,
                  &h->theme->text);
  y += 8;
  y += draw_text (h, JM_FONT_MAP_DESCRIPTION, 1.0, jm_document_get_description (h->document), x, y, width, 4,
                  &h->theme->text_dim);
  y += 16;

  jm_layout_get_size (h->layout, &map_width, &map_height);
  part = (JmRect) { 0, 0, map_width, map_height };
  box = (JmRect) { x, y, width - (right > 0 ? right + 24 : 0), PAGE_HEIGHT - PAGE_MARGIN - y };
  draw_map_part (h, &part, &box);

  if (n_personas == 0)
    return;

  px = PAGE_WIDTH - PAGE_MARGIN - right;
  py = y;
  py += draw_text (h, JM_FONT_HEADING, 1.0, _("Personas"), px, py, right, 1, &h->theme->text) + 8;
  for (guint i = 0; i < n_personas && py < PAGE_HEIGHT - PAGE_MARGIN - 40; i++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, i);
      g_autofree char *goals = NULL;

      if (jm_persona_get_goals (persona) != NULL)
        goals = g_strdup_printf (_("Goals: %s"), jm_persona_get_goals (persona));

      py += draw_text (h, JM_FONT_ITEM_TITLE, 1.0, jm_persona_get_name (persona), px, py, right, 2, &h->theme->text);
      py += draw_text (h, JM_FONT_SUBHEADING, 1.0, jm_persona_get_role (persona), px, py, right, 2,
                       &h->theme->text_dim);
      py += draw_text (h, JM_FONT_ITEM_BODY, 1.0, goals, px, py + 2, right, 5, &h->theme->text) + 14;
    }
}

/* The blocks of text of a stage's page, in the order they are set. */
typedef struct
{
  JmFont   font;
  char    *text;
  double   gap_before;
} Block;

static void
block_clear (gpointer data)
{
  g_free (((Block *) data)->text);
}

static void
add_block (GArray     *blocks,
           JmFont      font,
           double      gap_before,
           char       *text)
{
  Block block = { font, text, gap_before };

  g_array_append_val (blocks, block);
}

static char *
item_line (JmItem *item)
{
  GString *line = g_string_new ("• ");
  g_autofree char *moment = jm_slide_dup_moment_kind_label (item);

  g_string_append (line, jm_item_get_title (item) != NULL ? jm_item_get_title (item) : "");
  if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT)
    g_string_append_printf (line, " (%s)",
                            jm_kind_get_label (jm_kinds_lookup (JM_TYPE_CHANNEL, jm_item_get_channel (item))));
  if (jm_item_get_body (item) != NULL)
    g_string_append_printf (line, ": %s", jm_item_get_body (item));
  if (moment != NULL)
    {
      g_string_append_printf (line, " — %s", moment);
      if (jm_item_get_moment_rationale (item) != NULL)
        g_string_append_printf (line, ": %s", jm_item_get_moment_rationale (item));
    }

  return g_string_free (line, FALSE);
}

/* Adds a line for each open comment on @owner, @about saying on what
 * (%NULL for the stage itself). */
static void
add_open_comments (GArray     *blocks,
                   gpointer    owner,
                   const char *about)
{
  JmObjectStore *comments = jm_comments_peek (owner);

  for (guint i = 0; comments != NULL && i < jm_object_store_get_n_objects (comments); i++)
    {
      JmComment *comment = jm_object_store_get_object (comments, i);
      const char *author = jm_comment_get_author (comment);
      GString *line;

      if (jm_comment_get_resolved (comment))
        continue;

      line = g_string_new ("• ");
      if (about != NULL)
        g_string_append_printf (line, "%s — ", about);
      if (author != NULL && *author != '\0')
        g_string_append_printf (line, "%s: ", author);
      g_string_append (line, jm_comment_get_text (comment) != NULL ? jm_comment_get_text (comment) : "");
      add_block (blocks, JM_FONT_ITEM_BODY, 3, g_string_free (line, FALSE));
    }
}

/* The open comments on @stage and on the items in its cells, under a
 * heading; nothing when there are none. */
static void
add_stage_comments (Handout *h,
                    GArray  *blocks,
                    JmStage *stage)
{
  JmObjectStore *lanes = jm_document_get_lanes (h->document);
  guint before = blocks->len;

  add_block (blocks, JM_FONT_HEADING, 10, g_strdup (_("Open comments")));
  add_open_comments (blocks, stage, NULL);
  for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
    {
      g_autoptr(GPtrArray) items = jm_layout_dup_cell_items (h->layout, stage, jm_object_store_get_object (lanes, l));

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          JmItem *item = g_ptr_array_index (items, i);

          add_open_comments (blocks, item, jm_item_get_title (item) != NULL ? jm_item_get_title (item) : "");
        }
    }

  /* The heading alone says nothing. */
  if (blocks->len == before + 1)
    g_array_set_size (blocks, before);
}

/* The stage's emotion points in the shown state, one line each. */
static char *
curve_lines (Handout *h,
             JmStage *stage)
{
  JmLayer *layer = jm_document_get_layer (h->document, jm_layout_get_shown_state (h->layout));
  JmObjectStore *points = layer != NULL ? jm_layer_get_points (layer) : NULL;
  GString *text = g_string_new (NULL);
  guint n = points != NULL ? jm_object_store_get_n_objects (points) : 0;

  for (guint i = 0; i < n; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);
      JmPersona *persona;

      if (g_strcmp0 (jm_emotion_point_get_stage_id (point), jm_object_get_id (JM_OBJECT (stage))) != 0)
        continue;

      persona = jm_document_lookup_persona (h->document, jm_emotion_point_get_persona_id (point));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %+g", persona != NULL ? jm_persona_get_name (persona) : "",
                              jm_emotion_point_get_score (point));
      if (jm_emotion_point_get_label (point) != NULL)
        g_string_append_printf (text, " — %s", jm_emotion_point_get_label (point));
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static void
draw_stage_page (Handout *h,
                 guint    index)
{
  JmStage *stage = jm_object_store_get_object (jm_document_get_stages (h->document), index);
  JmObjectStore *lanes = jm_document_get_lanes (h->document);
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree char *heading = NULL;
  g_autofree char *note = jm_slide_dup_stage_note (h->document, stage);
  g_autofree char *curve = NULL;
  double slide_width = (PAGE_WIDTH - 2 * PAGE_MARGIN) * 0.6, slide_height = slide_width * SLIDE_HEIGHT / SLIDE_WIDTH;
  double side_x = PAGE_MARGIN + slide_width + 24, side_width = PAGE_WIDTH - PAGE_MARGIN - side_x;
  double y = PAGE_MARGIN, top, column_width, x, bottom = PAGE_HEIGHT - PAGE_MARGIN, sy;
  guint column = 0, n_columns = 3, left_out = 0;

  g_array_set_clear_func (blocks, block_clear);

  heading = g_strdup_printf (_("Stage %u of %u: %s"), index + 1, jm_slide_count (h->layout),
                             jm_stage_get_name (stage) != NULL ? jm_stage_get_name (stage) : "");
  y += draw_text (h, JM_FONT_MAP_TITLE, 0.85, heading, PAGE_MARGIN, y, PAGE_WIDTH - 2 * PAGE_MARGIN, 1,
                  &h->theme->text) + 8;

  /* The slide, as presented. */
  cairo_save (h->cr);
  cairo_translate (h->cr, PAGE_MARGIN, y);
  cairo_rectangle (h->cr, 0, 0, slide_width, slide_height);
  cairo_clip (h->cr);
  cairo_scale (h->cr, slide_width / SLIDE_WIDTH, slide_height / SLIDE_HEIGHT);
  jm_slide_draw_for_export (h->cr, h->layout, index, SLIDE_WIDTH, SLIDE_HEIGHT, h->theme_kind);
  cairo_restore (h->cr);
  set_color (h->cr, &h->theme->grid);
  cairo_set_line_width (h->cr, 1);
  cairo_rectangle (h->cr, PAGE_MARGIN + 0.5, y + 0.5, slide_width - 1, slide_height - 1);
  cairo_stroke (h->cr);

  /* Beside it: what the stage is, and its part of the curve. */
  sy = y;
  sy += draw_text (h, JM_FONT_ITEM_BODY, 1.1, jm_stage_get_description (stage), side_x, sy, side_width, 6,
                   &h->theme->text);
  if (jm_stage_get_duration (stage) != NULL)
    {
      g_autofree char *duration = g_strdup_printf (_("Duration: %s"), jm_stage_get_duration (stage));

      sy += 4 + draw_text (h, JM_FONT_SUBHEADING, 1.0, duration, side_x, sy + 4, side_width, 1, &h->theme->text_dim);
    }
  curve = curve_lines (h, stage);
  if (curve != NULL)
    {
      sy += 14;
      sy += draw_text (h, JM_FONT_HEADING, 0.9, _("Emotional curve"), side_x, sy, side_width, 1, &h->theme->text) + 4;
      sy += draw_text (h, JM_FONT_ITEM_BODY, 1.0, curve, side_x, sy, side_width, 8, &h->theme->text);
    }

  /* Below: the items, lane by lane, then the note. */
  if (note != NULL)
    {
      add_block (blocks, JM_FONT_HEADING, 0, g_strdup (_("Presenter’s notes")));
      add_block (blocks, JM_FONT_ITEM_BODY, 2, g_strdup (note));
    }
  if (h->comments)
    add_stage_comments (h, blocks, stage);
  for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, l);
      g_autoptr(GPtrArray) items = jm_layout_dup_cell_items (h->layout, stage, lane);

      if (items == NULL || items->len == 0)
        continue;

      add_block (blocks, JM_FONT_HEADING, 10, g_strdup (jm_lane_get_name (lane)));
      for (guint i = 0; i < items->len; i++)
        add_block (blocks, JM_FONT_ITEM_BODY, 3, item_line (g_ptr_array_index (items, i)));
    }

  top = y + slide_height + 18;
  column_width = (PAGE_WIDTH - 2 * PAGE_MARGIN - (n_columns - 1) * 20) / n_columns;
  y = top;
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      double size = block->font == JM_FONT_HEADING ? 0.85 : 1.0;
      double height = measure_text (h, block->font, size, block->text, column_width, 6);
      double gap = y > top ? block->gap_before : 0;

      while (y + gap + height > bottom && column < n_columns)
        {
          column++;
          y = top;
          gap = 0;
        }
      if (column >= n_columns)
        {
          left_out = blocks->len - i;
          break;
        }

      x = PAGE_MARGIN + column * (column_width + 20);
      y += gap + draw_text (h, block->font, size, block->text, x, y + gap, column_width, 6,
                            &h->theme->text);
    }

  if (left_out > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more line is in the map.",
                                                            "%u more lines are in the map.", left_out),
                                               left_out);

      draw_text (h, JM_FONT_CAPTION, 1.0, more, PAGE_WIDTH - PAGE_MARGIN - column_width, bottom + 8,
                 column_width, 1, &h->theme->text_dim);
    }
}

/**
 * jm_handout_write:
 * @layout: the map, laid out in the state the handout shows
 *
 * Returns: (transfer full): a PDF of A4 landscape pages: a cover, then a
 *   page per stage; %NULL with @error set
 */
GBytes *
jm_handout_write (JmLayout               *layout,
                  const JmExportOptions  *options,
                  GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  PangoContext *pango;
  JmDocument *document;
  cairo_surface_t *surface;
  cairo_status_t status;
  Handout h;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  document = jm_layout_get_document (layout);
  jm_layout_update (layout);
  surface = cairo_pdf_surface_create_for_stream (handout_write_cb, out, JM_HANDOUT_PAGE_WIDTH,
                                                 JM_HANDOUT_PAGE_HEIGHT);
  if (jm_document_get_title (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, jm_document_get_title (document));
  if (jm_document_get_author (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, jm_document_get_author (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Journeymap " PACKAGE_VERSION);

  pango = jm_theme_create_pango_context ();
  h = (Handout) { cairo_create (surface), pango, layout, document, jm_theme_get (options->theme),
                  options->theme, options->transparent, options->comments };
  cairo_scale (h.cr, 1 / UNITS_PER_POINT, 1 / UNITS_PER_POINT);

  paint_page (&h);
  draw_cover (&h);
  for (guint i = 0; i < jm_slide_count (layout); i++)
    {
      cairo_show_page (h.cr);
      paint_page (&h);
      draw_stage_page (&h, i);
    }

  cairo_destroy (h.cr);
  g_object_unref (pango);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FAILED,
                   _("The handout could not be drawn: %s."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
