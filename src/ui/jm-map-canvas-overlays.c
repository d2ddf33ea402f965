/* jm-map-canvas-overlays.c: what the canvas draws over the map, and the
 * editor in place of the texts on the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "commands/jm-edit.h"

static void
jm_map_canvas_set_accent (cairo_t *cr,
                          double   alpha)
{
  GdkRGBA accent;

  /* libadwaita's blue accent, which 1.2 does not expose to C. */
  gdk_rgba_parse (&accent, "#3584e4");
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, alpha);
}

static void
jm_map_canvas_draw_selection (JmMapCanvas *self,
                              cairo_t     *cr)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      JmObject *object = jm_selection_peek (self->selection, i);
      JmRect rect;

      if (!_jm_map_canvas_object_rect (self, object, &rect))
        continue;

      cairo_save (cr);
      /* The outline leaves a card's Moment-of-Truth star whole. */
      if (JM_IS_ITEM (object) && jm_item_get_moment (JM_ITEM (object)) != JM_MOMENT_KIND_NONE)
        {
          cairo_rectangle (cr, rect.x - 10, rect.y - 10, rect.width + 20, rect.height + 20);
          cairo_arc (cr, rect.x + rect.width - JM_MOMENT_BADGE_INSET, rect.y + JM_MOMENT_BADGE_INSET,
                     JM_MOMENT_BADGE_RADIUS + 1, 0, 2 * G_PI);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_clip (cr);
        }
      cairo_rectangle (cr, rect.x - 3, rect.y - 3, rect.width + 6, rect.height + 6);
      jm_map_canvas_set_accent (cr, 1.0);
      cairo_set_line_width (cr, 2.0 / self->zoom);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* While a rubber band is dragged, what it would select on release: a tint
 * over each card it touches, so a band that grazes a card shows it. */
static void
jm_map_canvas_draw_band_targets (JmMapCanvas *self,
                                 cairo_t     *cr)
{
  g_autoptr(GPtrArray) touched = _jm_map_canvas_dup_band_items (self);

  for (guint i = 0; i < touched->len; i++)
    {
      JmRect rect;

      if (!_jm_map_canvas_object_rect (self, touched->pdata[i], &rect))
        continue;

      cairo_rectangle (cr, rect.x - 3, rect.y - 3, rect.width + 6, rect.height + 6);
      jm_map_canvas_set_accent (cr, 0.25);
      cairo_fill_preserve (cr);
      jm_map_canvas_set_accent (cr, 0.8);
      cairo_set_line_width (cr, 2.0 / self->zoom);
      cairo_stroke (cr);
    }
}

/* The matches of a search: a wide, soft outline around each, so that the
 * selection's thin one still shows on the match selected. */
static void
jm_map_canvas_draw_highlights (JmMapCanvas *self,
                               cairo_t     *cr)
{
  for (guint i = 0; self->highlights != NULL && i < self->highlights->len; i++)
    {
      JmRect rect;

      if (!_jm_map_canvas_object_rect (self, g_ptr_array_index (self->highlights, i), &rect))
        continue;

      cairo_rectangle (cr, rect.x - 6, rect.y - 6, rect.width + 12, rect.height + 12);
      jm_map_canvas_set_accent (cr, 0.5);
      cairo_set_line_width (cr, 4.0 / self->zoom);
      cairo_stroke (cr);
    }
}

/* The line where a dragged card would land among the cards of a cell. */
static void
jm_map_canvas_draw_insertion_mark (JmMapCanvas *self,
                                   cairo_t     *cr)
{
  g_autoptr(GPtrArray) cell_items = NULL;
  JmRect cell, rect;
  double y;
  guint index = self->drop.index_in_cell;

  if (self->drop.stage == NULL || self->drop.lane == NULL ||
      !jm_layout_get_cell_rect (self->layout, self->drop.stage, self->drop.lane, &cell))
    return;

  cell_items = jm_layout_dup_cell_items (self->layout, self->drop.stage, self->drop.lane);
  if (index < cell_items->len && jm_layout_get_item_rect (self->layout, cell_items->pdata[index], &rect))
    {
      JmRect above;

      /* Midway between the cards, whose gap is wider where a link joins
       * them. */
      if (index > 0 && jm_layout_get_item_rect (self->layout, cell_items->pdata[index - 1], &above))
        y = (above.y + above.height + rect.y) / 2;
      else
        y = rect.y - JM_ITEM_GAP / 2;
    }
  else if (cell_items->len > 0 && jm_layout_get_item_rect (self->layout, cell_items->pdata[cell_items->len - 1], &rect))
    y = rect.y + rect.height + JM_ITEM_GAP / 2;
  else
    y = cell.y + JM_CELL_PADDING / 2;

  cairo_move_to (cr, cell.x + JM_CELL_PADDING / 2, y);
  cairo_line_to (cr, cell.x + cell.width - JM_CELL_PADDING / 2, y);
  jm_map_canvas_set_accent (cr, 1.0);
  cairo_set_line_width (cr, 3.0 / self->zoom);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
jm_map_canvas_highlight_cell (JmMapCanvas *self,
                              cairo_t     *cr,
                              JmStage     *stage,
                              JmLane      *lane)
{
  JmRect cell;

  if (stage == NULL || lane == NULL || !jm_layout_get_cell_rect (self->layout, stage, lane, &cell))
    return;

  cairo_rectangle (cr, cell.x + 1, cell.y + 1, cell.width - 2, cell.height - 2);
  jm_map_canvas_set_accent (cr, 0.10);
  cairo_fill_preserve (cr);
  jm_map_canvas_set_accent (cr, 0.8);
  cairo_set_line_width (cr, 2.0 / self->zoom);
  cairo_stroke (cr);
}

/* While an item is dragged: the cell it would land in, the place in that
 * cell, and the item itself under the pointer. */
static void
jm_map_canvas_draw_item_drag (JmMapCanvas           *self,
                              cairo_t               *cr,
                              const JmRenderOptions *options)
{
  JmRect rect;

  jm_map_canvas_highlight_cell (self, cr, self->drop.stage, self->drop.lane);
  jm_map_canvas_draw_insertion_mark (self, cr);

  if (!jm_layout_get_item_rect (self->layout, JM_ITEM (self->dragged), &rect))
    return;

  cairo_save (cr);
  cairo_translate (cr, self->drag_dx, self->drag_dy);
  cairo_push_group (cr);
  jm_renderer_draw_item (cr, self->layout, JM_ITEM (self->dragged), options);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.85);
  cairo_restore (cr);
}

static void
jm_map_canvas_draw_palette_target (JmMapCanvas *self,
                                   cairo_t     *cr)
{
  JmRect rect;

  if (self->palette_hit.kind == JM_HIT_ITEM &&
      jm_layout_get_item_rect (self->layout, JM_ITEM (self->palette_hit.object), &rect))
    {
      cairo_rectangle (cr, rect.x - 3, rect.y - 3, rect.width + 6, rect.height + 6);
      jm_map_canvas_set_accent (cr, 0.8);
      cairo_set_line_width (cr, 2.0 / self->zoom);
      cairo_stroke (cr);
    }

  /* A picture over a persona card would be its photo. */
  if (self->palette_hit.kind == JM_HIT_PERSONA &&
      jm_layout_get_persona_rect (self->layout, JM_PERSONA (self->palette_hit.object), &rect))
    {
      cairo_rectangle (cr, rect.x - 3, rect.y - 3, rect.width + 6, rect.height + 6);
      jm_map_canvas_set_accent (cr, 0.8);
      cairo_set_line_width (cr, 2.0 / self->zoom);
      cairo_stroke (cr);
    }

  jm_map_canvas_highlight_cell (self, cr, self->palette_hit.stage, self->palette_hit.lane);
}

/* A word for how a score feels, beside its number while a point is
 * dragged, so that the scale reads without its legend. */
static const char *
jm_map_canvas_mood (double score)
{
  if (score >= 3)
    return _("Delighted");
  if (score >= 1)
    return _("Happy");
  if (score > -1)
    return _("Neutral");
  if (score > -3)
    return _("Unhappy");
  return _("Frustrated");
}

/* A dragged emotion point: where it would land, and the score it would
 * get there in a label beside it, at the same size on screen at any
 * zoom. Drawn on the canvas only: exports do not show a drag. */
static void
jm_map_canvas_draw_point_drag (JmMapCanvas *self,
                               cairo_t     *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  PangoFontDescription *font;
  PangoRectangle extent;
  double x, y, score, px, py, width, height;
  const double pad = 6 / self->zoom;

  if (!jm_layout_get_point_position (self->layout, JM_EMOTION_POINT (self->dragged), &x, &y))
    return;

  x += self->drag_dx;
  y += self->drag_dy;
  cairo_arc (cr, x, y, 8, 0, 2 * G_PI);
  jm_map_canvas_set_accent (cr, 0.9);
  cairo_fill (cr);

  if (!_jm_map_canvas_drag_score (self, &score))
    return;

  number = score == 0 ? g_strdup ("0") : g_strdup_printf ("%+.1f", score);
  /* Translators: an emotion score and its mood, as in "+2.5  Happy" */
  text = g_strdup_printf (C_("score and mood", "%s  %s"), number, jm_map_canvas_mood (score));
  layout = pango_cairo_create_layout (cr);
  font = jm_theme_dup_font (JM_FONT_SUBHEADING);
  pango_font_description_set_absolute_size (font, 12.0 / self->zoom * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extent);

  width = extent.width + 2 * pad;
  height = extent.height + pad;
  px = x + 14 / self->zoom;
  py = y - height / 2;
  cairo_new_sub_path (cr);
  cairo_arc (cr, px + height / 2, py + height / 2, height / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, px + width - height / 2, py + height / 2, height / 2, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  jm_map_canvas_set_accent (cr, 1.0);
  cairo_fill (cr);

  cairo_move_to (cr, px + pad, py + pad / 2 - extent.y);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
}

/* The text an object shows that the editor in place edits. */
static const char *
jm_map_canvas_text_property (gpointer object)
{
  if (JM_IS_DOCUMENT (object) || JM_IS_ITEM (object))
    return "title";
  if (JM_IS_STAGE (object) || JM_IS_LANE (object) || JM_IS_PERSONA (object))
    return "name";
  if (JM_IS_EMOTION_POINT (object))
    return "label";

  return NULL;
}

static int
compare_point_x (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  double ax = 0, ay, bx = 0, by;

  jm_layout_get_point_position (user_data, *(JmEmotionPoint **) a, &ax, &ay);
  jm_layout_get_point_position (user_data, *(JmEmotionPoint **) b, &bx, &by);
  return ax < bx ? -1 : ax > bx;
}

/* The objects Tab steps through from @object, in the order a reader
 * meets them: stages, lanes and personas in theirs; items of the state
 * shown stage by stage, top to bottom; the points of one persona's curve
 * from left to right. */
static GPtrArray *
jm_map_canvas_dup_siblings (JmMapCanvas *self,
                            gpointer     object)
{
  GPtrArray *siblings = g_ptr_array_new_with_free_func (g_object_unref);
  JmObjectStore *store = NULL;

  if (JM_IS_STAGE (object))
    store = jm_document_get_stages (self->document);
  else if (JM_IS_LANE (object))
    store = jm_document_get_lanes (self->document);
  else if (JM_IS_PERSONA (object))
    store = jm_document_get_personas (self->document);

  if (store != NULL)
    {
      for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
        g_ptr_array_add (siblings, g_object_ref (jm_object_store_get_object (store, i)));
    }
  else if (JM_IS_ITEM (object))
    {
      JmObjectStore *stages = jm_document_get_stages (self->document);
      JmObjectStore *lanes = jm_document_get_lanes (self->document);

      for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
        for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
          {
            g_autoptr(GPtrArray) cell = jm_layout_dup_cell_items (self->layout,
                                                                  jm_object_store_get_object (stages, s),
                                                                  jm_object_store_get_object (lanes, l));

            for (guint i = 0; i < cell->len; i++)
              g_ptr_array_add (siblings, g_object_ref (cell->pdata[i]));
          }
    }
  else if (JM_IS_EMOTION_POINT (object))
    {
      JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (self->document,
                                                                          _jm_map_canvas_state (self)));
      const char *persona = jm_emotion_point_get_persona_id (object);

      for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
        {
          JmEmotionPoint *point = jm_object_store_get_object (points, i);
          double x, y;

          if (g_strcmp0 (jm_emotion_point_get_persona_id (point), persona) == 0 &&
              jm_layout_get_point_position (self->layout, point, &x, &y))
            g_ptr_array_add (siblings, g_object_ref (point));
        }
      g_ptr_array_sort_with_data (siblings, compare_point_x, self->layout);
    }

  return siblings;
}

static gpointer
jm_map_canvas_next_editable (JmMapCanvas *self,
                             gpointer     object,
                             int          step)
{
  g_autoptr(GPtrArray) siblings = jm_map_canvas_dup_siblings (self, object);
  guint index;

  if (!g_ptr_array_find (siblings, object, &index) ||
      (step < 0 && index == 0) || (step > 0 && index + 1 >= siblings->len))
    return NULL;

  return siblings->pdata[index + step];
}

static JmInplaceEditor *
jm_map_canvas_editor (JmMapCanvas *self)
{
  return self->editor != NULL ? JM_INPLACE_EDITOR (self->editor) : NULL;
}

/* Where @property of @object is drawn: a persona card shows two texts
 * the editor edits, the name and, under it, the role. */
static gboolean
jm_map_canvas_editor_rect (JmMapCanvas *self,
                           gpointer     object,
                           const char  *property,
                           JmRect      *rect,
                           JmFont      *font)
{
  if (JM_IS_PERSONA (object) && g_strcmp0 (property, "role") == 0)
    {
      if (font != NULL)
        *font = JM_FONT_SUBHEADING;
      return jm_layout_get_persona_role_rect (self->layout, object, rect);
    }

  return jm_layout_get_text_rect (self->layout, object, rect, font);
}

/* Closes the editor in place without keeping its text. */
void
_jm_map_canvas_stop_edit (JmMapCanvas *self,
                          gboolean     focus_canvas)
{
  if (self->editor == NULL || jm_inplace_editor_get_object (jm_map_canvas_editor (self)) == NULL)
    return;

  jm_inplace_editor_stop (jm_map_canvas_editor (self));
  if (focus_canvas)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Keeps the text of the editor in place, one step, and closes it; a text
 * the map refuses is reported. */
gboolean
_jm_map_canvas_commit_edit (JmMapCanvas *self,
                            gboolean     focus_canvas)
{
  JmInplaceEditor *editor = jm_map_canvas_editor (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  GObject *object;
  const char *property, *text;
  gboolean ok = TRUE;

  if (editor == NULL || (object = jm_inplace_editor_get_object (editor)) == NULL)
    return TRUE;

  property = jm_inplace_editor_get_property_name (editor);
  text = jm_inplace_editor_get_text (editor);
  g_object_get (object, property, &old, NULL);

  /* An empty text is no text, as the inspector writes it. */
  if (self->stack != NULL && g_strcmp0 (*text != '\0' ? text : NULL, old) != 0 &&
      !jm_edit_set_string (self->stack, object, property, *text != '\0' ? text : NULL, 0, &error))
    {
      _jm_map_canvas_report (self, error);
      ok = FALSE;
    }

  _jm_map_canvas_stop_edit (self, focus_canvas);
  return ok;
}

static void
on_editor_ended_cb (JmMapCanvas     *self,
                    int              how,
                    JmInplaceEditor *editor)
{
  g_autoptr(GObject) object = g_object_ref (jm_inplace_editor_get_object (editor));
  g_autofree char *property = g_strdup (jm_inplace_editor_get_property_name (editor));
  gpointer next = NULL;

  if (how == JM_INPLACE_EDITOR_CANCEL)
    {
      _jm_map_canvas_stop_edit (self, TRUE);
      return;
    }

  /* The focus went elsewhere in the window: keep the text, and leave the
   * focus where the user put it. */
  if (how == JM_INPLACE_EDITOR_FOCUS_LOST)
    {
      _jm_map_canvas_commit_edit (self, FALSE);
      return;
    }

  if (!_jm_map_canvas_commit_edit (self, TRUE) || how == JM_INPLACE_EDITOR_COMMIT)
    return;

  /* On a persona card Tab goes from the name to the role, then on to the
   * next persona's name; Shift+Tab back the same way. */
  if (JM_IS_PERSONA (object))
    {
      gboolean on_role = g_strcmp0 (property, "role") == 0;

      if (how == JM_INPLACE_EDITOR_NEXT && !on_role)
        {
          _jm_map_canvas_edit_property_in_place (self, object, "role");
          return;
        }
      if (how == JM_INPLACE_EDITOR_PREVIOUS && on_role)
        {
          _jm_map_canvas_edit_property_in_place (self, object, "name");
          return;
        }
    }

  next = jm_map_canvas_next_editable (self, object, how == JM_INPLACE_EDITOR_NEXT ? 1 : -1);
  if (next == NULL)
    return;

  jm_selection_select (self->selection, next);
  _jm_map_canvas_edit_property_in_place (self, next,
                                         JM_IS_PERSONA (next) && how == JM_INPLACE_EDITOR_PREVIOUS ? "role" : NULL);
}

/* Double-click, F2 or Enter edits the text of an object where it is, in
 * an editor laid over it: Enter keeps the change, Escape drops it, Tab
 * and Shift+Tab keep it and move to the next or previous object of the
 * same kind, a click elsewhere keeps it. */
gboolean
_jm_map_canvas_edit_in_place (JmMapCanvas *self,
                              gpointer     object)
{
  return _jm_map_canvas_edit_property_in_place (self, object, NULL);
}

/* The same for one text of @object: @property %NULL is the text a
 * double-click edits first (a persona's name), "role" a persona's role. */
gboolean
_jm_map_canvas_edit_property_in_place (JmMapCanvas *self,
                                       gpointer     object,
                                       const char  *property)
{
  JmRect rect;

  if (property == NULL)
    property = jm_map_canvas_text_property (object);
  else if (!(JM_IS_PERSONA (object) && g_str_equal (property, "role")) &&
           g_strcmp0 (property, jm_map_canvas_text_property (object)) != 0)
    return FALSE;

  if (property == NULL || self->layout == NULL ||
      !jm_map_canvas_editor_rect (self, object, property, &rect, NULL))
    return FALSE;

  if (self->editor == NULL)
    {
      self->editor = jm_inplace_editor_new ();
      gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
      g_signal_connect_swapped (self->editor, "ended", G_CALLBACK (on_editor_ended_cb), self);
    }

  /* What was being typed elsewhere is kept first. */
  if (jm_inplace_editor_get_object (jm_map_canvas_editor (self)) != object ||
      g_strcmp0 (jm_inplace_editor_get_property_name (jm_map_canvas_editor (self)), property) != 0)
    _jm_map_canvas_commit_edit (self, FALSE);

  /* Scrolled into view first when out of it, as Tab may lead off screen. */
  if (rect.x * self->zoom < _jm_map_canvas_scroll_x (self) ||
      rect.y * self->zoom < _jm_map_canvas_scroll_y (self) ||
      (rect.x + MIN (rect.width, 200)) * self->zoom > _jm_map_canvas_scroll_x (self) + gtk_widget_get_width (GTK_WIDGET (self)) ||
      (rect.y + MIN (rect.height, 40)) * self->zoom > _jm_map_canvas_scroll_y (self) + gtk_widget_get_height (GTK_WIDGET (self)))
    jm_map_canvas_scroll_to_object (self, object);

  jm_inplace_editor_start (jm_map_canvas_editor (self), object, property);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* Over the text it replaces, in that text's font at the zoom shown, so
 * that it follows zoom and scrolling and hides the text beneath. */
void
_jm_map_canvas_allocate_editor (JmMapCanvas *self)
{
  JmInplaceEditor *editor = jm_map_canvas_editor (self);
  GtkRequisition natural;
  JmFont font;
  JmRect rect;
  gpointer object;
  int height;

  if (editor == NULL || !gtk_widget_get_visible (self->editor))
    return;

  object = jm_inplace_editor_get_object (editor);
  if (object == NULL || self->layout == NULL ||
      !jm_map_canvas_editor_rect (self, object, jm_inplace_editor_get_property_name (editor), &rect, &font))
    {
      /* Gone from the map (undone, deleted, another state shown). */
      jm_inplace_editor_stop (editor);
      return;
    }

  jm_inplace_editor_set_font (editor, jm_theme_peek_font (font), self->zoom);
  gtk_widget_get_preferred_size (self->editor, NULL, &natural);
  height = MAX ((int) ceil (rect.height * self->zoom), natural.height);
  /* An entry taller than the text it covers is centred on it, so that it
   * hides as little as it can of the lines above and below (a persona's
   * role under the name). */
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) {
                              (int) floor (rect.x * self->zoom - _jm_map_canvas_scroll_x (self)),
                              (int) floor (rect.y * self->zoom - _jm_map_canvas_scroll_y (self) -
                                           (height - rect.height * self->zoom) / 2),
                              MAX ((int) ceil (rect.width * self->zoom), natural.width),
                              height,
                            }, -1);
}

static void
jm_map_canvas_draw_link_handle (JmMapCanvas *self,
                                cairo_t     *cr)
{
  double x, y;

  if (!_jm_map_canvas_link_handle (self, &x, &y))
    return;

  cairo_arc (cr, x, y, JM_LINK_HANDLE_RADIUS / self->zoom * MAX (self->zoom, 1.0), 0, 2 * G_PI);
  jm_map_canvas_set_accent (cr, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2.0 / self->zoom);
  cairo_stroke (cr);

  if (self->linking && self->drag_moved)
    {
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy);
      jm_map_canvas_set_accent (cr, 0.9);
      cairo_set_line_width (cr, 2.0 / self->zoom);
      cairo_stroke (cr);
    }
}

/* The place a dragged header would take, or the edge being moved. */
static void
jm_map_canvas_draw_header_drag (JmMapCanvas *self,
                                cairo_t     *cr)
{
  JmObject *first_stage = jm_object_store_get_object (jm_document_get_stages (self->document), 0);
  JmObject *first_lane = jm_object_store_get_object (jm_document_get_lanes (self->document), 0);
  double width, height;
  JmRect cell;

  if (first_stage == NULL || first_lane == NULL)
    return;

  jm_layout_get_size (self->layout, &width, &height);
  jm_map_canvas_set_accent (cr, 0.9);
  cairo_set_line_width (cr, 3.0 / self->zoom);

  if (self->drag_kind == JM_HIT_STAGE_EDGE &&
      jm_layout_get_cell_rect (self->layout, JM_STAGE (self->dragged), JM_LANE (first_lane), &cell))
    {
      cairo_move_to (cr, cell.x + _jm_map_canvas_resized_size (self), cell.y - 80);
      cairo_line_to (cr, cell.x + _jm_map_canvas_resized_size (self), height - 32);
    }
  else if (self->drag_kind == JM_HIT_LANE_EDGE &&
           jm_layout_get_cell_rect (self->layout, JM_STAGE (first_stage), JM_LANE (self->dragged), &cell))
    {
      cairo_move_to (cr, 32, cell.y + _jm_map_canvas_resized_size (self));
      cairo_line_to (cr, width - 32, cell.y + _jm_map_canvas_resized_size (self));
    }
  else
    {
      guint target = _jm_map_canvas_reorder_target (self);
      JmObjectStore *stages = jm_document_get_stages (self->document);
      JmObjectStore *lanes = jm_document_get_lanes (self->document);

      if (self->drag_kind == JM_HIT_STAGE_HEADER &&
          jm_layout_get_cell_rect (self->layout, jm_object_store_get_object (stages, target), JM_LANE (first_lane), &cell))
        {
          cairo_rectangle (cr, cell.x + 1, cell.y - 80, cell.width - 2, height - cell.y + 80 - 32);
        }
      else if (jm_layout_get_cell_rect (self->layout, JM_STAGE (first_stage), jm_object_store_get_object (lanes, target), &cell))
        {
          cairo_rectangle (cr, 32, cell.y + 1, width - 64, cell.height - 2);
        }
    }

  cairo_stroke (cr);
}

/* What the canvas shows over the map: the selection, the link handle, the
 * rubber band, the target of a palette drop and the preview of a drag. */
/* The keyboard cursor, while the canvas has the keyboard's focus: a ring
 * 2 px wide on screen in Adwaita's focus colour (the accent at half
 * strength), as GTK draws focus on widgets; 1 px outside the selection's
 * outline (3 map units out, 2 px wide), so that both show. */
static void
jm_map_canvas_draw_focus_ring (JmMapCanvas *self,
                               cairo_t     *cr)
{
  double width = 2.0 / self->zoom;
  double out = 3 + 2 * width;
  JmRect rect;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)) ||
      !(self->keyboard_used || gtk_widget_has_visible_focus (GTK_WIDGET (self))) ||
      !_jm_map_canvas_cursor_rect (self, &rect))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, rect.x - out, rect.y - out, rect.width + 2 * out, rect.height + 2 * out);
  jm_map_canvas_set_accent (cr, 0.5);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_jm_map_canvas_draw_overlays (JmMapCanvas           *self,
                              cairo_t               *cr,
                              const JmRenderOptions *options)
{
  jm_map_canvas_draw_highlights (self, cr);
  jm_map_canvas_draw_selection (self, cr);
  jm_map_canvas_draw_link_handle (self, cr);
  jm_map_canvas_draw_focus_ring (self, cr);
  if (self->rubber_band && self->drag_moved)
    {
      JmRect band = _jm_map_canvas_rubber_rect (self);

      jm_map_canvas_draw_band_targets (self, cr);
      cairo_rectangle (cr, band.x, band.y, band.width, band.height);
      jm_map_canvas_set_accent (cr, 0.12);
      cairo_fill_preserve (cr);
      jm_map_canvas_set_accent (cr, 0.8);
      cairo_set_line_width (cr, 1.0 / self->zoom);
      cairo_stroke (cr);
    }
  if (self->palette_over)
    jm_map_canvas_draw_palette_target (self, cr);
  if (self->dragged != NULL && self->drag_moved && self->drag_kind == JM_HIT_ITEM)
    jm_map_canvas_draw_item_drag (self, cr, options);
  else if (self->dragged != NULL && self->drag_moved && self->drag_kind == JM_HIT_POINT)
    jm_map_canvas_draw_point_drag (self, cr);
  else if (self->dragged != NULL && self->drag_moved)
    jm_map_canvas_draw_header_drag (self, cr);
}

/**
 * jm_map_canvas_get_object_center:
 *
 * Where an item or emotion point is, in widget coordinates: for tests and
 * for keyboard moves.
 */
gboolean
jm_map_canvas_get_object_center (JmMapCanvas *self,
                                 JmObject    *object,
                                 double      *widget_x,
                                 double      *widget_y)
{
  JmRect rect;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);

  if (self->layout == NULL || !_jm_map_canvas_object_rect (self, object, &rect))
    return FALSE;

  *widget_x = (rect.x + rect.width / 2) * self->zoom - _jm_map_canvas_scroll_x (self);
  *widget_y = (rect.y + rect.height / 2) * self->zoom - _jm_map_canvas_scroll_y (self);
  return TRUE;
}

/**
 * jm_map_canvas_set_highlights:
 * @objects: (nullable) (element-type JmObject): what to outline, such as
 *   the matches of a search, or %NULL for nothing
 *
 * Outlines @objects over the map, in the accent colour, until other
 * highlights are set. The canvas keeps a reference to @objects.
 */
void
jm_map_canvas_set_highlights (JmMapCanvas *self,
                              GPtrArray   *objects)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (objects == self->highlights)
    return;

  g_clear_pointer (&self->highlights, g_ptr_array_unref);
  if (objects != NULL && objects->len > 0)
    self->highlights = g_ptr_array_ref (objects);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jm_map_canvas_get_highlights:
 *
 * Returns: (transfer none) (nullable) (element-type JmObject): what is
 *   outlined, or %NULL for nothing
 */
GPtrArray *
jm_map_canvas_get_highlights (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->highlights;
}

/**
 * jm_map_canvas_get_drag_score:
 * @score: (out): the score the point dragged would get where it is
 *
 * For tests: the score shown beside an emotion point being dragged.
 *
 * Returns: %TRUE while an emotion point is being dragged
 */
gboolean
jm_map_canvas_get_drag_score (JmMapCanvas *self,
                              double      *score)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  return self->layout != NULL && _jm_map_canvas_drag_score (self, score);
}

/**
 * jm_map_canvas_edit_in_place:
 * @object: a stage, lane, persona, item or emotion point, or the document
 *
 * Opens the editor in place of @object's name, title or label, as a
 * double-click does.
 *
 * Returns: %FALSE when @object has no text the canvas edits, or is not
 *   shown
 */
gboolean
jm_map_canvas_edit_in_place (JmMapCanvas *self,
                             gpointer     object)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  return _jm_map_canvas_edit_in_place (self, object);
}

/**
 * jm_map_canvas_edit_item_title:
 *
 * Opens the in-place editor of an item's title, as a double-click does.
 */
void
jm_map_canvas_edit_item_title (JmMapCanvas *self,
                               JmItem      *item)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (JM_IS_ITEM (item));

  _jm_map_canvas_edit_in_place (self, item);
}

/**
 * jm_map_canvas_get_inplace_editor:
 *
 * Returns: (transfer none) (nullable): the editor in place, once made
 */
JmInplaceEditor *
jm_map_canvas_get_inplace_editor (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return jm_map_canvas_editor (self);
}

/**
 * jm_map_canvas_get_title_entry:
 *
 * Returns: (transfer none) (nullable): the entry of the editor in place,
 *   for tests
 */
GtkWidget *
jm_map_canvas_get_title_entry (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->editor != NULL ? jm_inplace_editor_get_entry (jm_map_canvas_editor (self)) : NULL;
}
