/* jm-map-canvas.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-map-canvas.h"

#include <adwaita.h>
#include <math.h>

#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "io/jm-image-file.h"
#include "jm-palette.h"
#include "model/jm-enum-types.h"
#include "render/jm-renderer.h"
#include "render/jm-theme.h"
#include <glib/gi18n-lib.h>

/* The canvas draws with the core renderer, only the part in view, and
 * scrolls through GtkScrollable so it lives in a GtkScrolledWindow. Zoom
 * maps layout units to widget pixels; the layout never depends on it.
 *
 * Input becomes edits (commands/jm-edit.h) pushed on the stack: a drag is
 * previewed on the canvas and becomes one edit when it ends. Selection is
 * view state and never saved or undone. */

/* Movement, in widget pixels, before a press becomes a drag. */
#define JM_DRAG_THRESHOLD 4.0

struct _JmMapCanvas
{
  GtkWidget       parent_instance;

  JmDocument     *document;
  JmCommandStack *stack;
  JmLayout       *layout;
  JmLayerMode     layer_mode;
  double          zoom;

  GPtrArray      *selection;      /* JmObject */

  /* One render node per item drawn, made at the current zoom and theme and
   * placed by translation, so a frame re-draws only items that changed
   * (see shared/TESTING.md: drawing every item each frame is too slow). */
  GHashTable     *item_nodes;     /* JmItem → GskRenderNode */
  double          nodes_zoom;
  JmThemeKind     nodes_theme;

  /* The drag in progress: what, from where (map units), how far. */
  JmObject       *dragged;
  double          drag_x;
  double          drag_y;
  double          drag_dx;
  double          drag_dy;
  gboolean        drag_moved;
  JmHitKind       drag_kind;   /* item, point, or a header or its edge */
  gboolean        rubber_band; /* dragging a selection rectangle */
  gboolean        linking;     /* dragging a link from the selected item's handle */
  double          pan_x;       /* scroll position when a pan began */
  double          pan_y;
  gboolean        space_held;  /* Space+drag pans, as in drawing apps */
  gboolean        panning;
  JmHit           drop;

  /* The title being edited in place, if any: an entry over the card. */
  GtkWidget      *title_entry;
  JmItem         *title_item;

  /* A drop from the palette in progress: the place under the pointer. */
  gboolean        palette_over;
  JmHit           palette_hit;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_LAYER_MODE,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (JmMapCanvas, jm_map_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Helpers {{{ */

static void
jm_map_canvas_get_content_size (JmMapCanvas *self,
                                double      *width,
                                double      *height)
{
  *width = *height = 0;
  if (self->layout != NULL)
    jm_layout_get_size (self->layout, width, height);

  *width *= self->zoom;
  *height *= self->zoom;
}

static void
jm_map_canvas_configure_adjustment (GtkAdjustment *adjustment,
                                    double         content,
                                    double         viewport)
{
  double value;

  if (adjustment == NULL)
    return;

  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - viewport));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, viewport),
                            viewport * 0.1, viewport * 0.9, viewport);
}

static void
jm_map_canvas_update_adjustments (JmMapCanvas *self)
{
  double width, height;

  jm_map_canvas_get_content_size (self, &width, &height);
  jm_map_canvas_configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  jm_map_canvas_configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static double
jm_map_canvas_scroll_x (JmMapCanvas *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
jm_map_canvas_scroll_y (JmMapCanvas *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static JmThemeKind
jm_map_canvas_theme (JmMapCanvas *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

/* }}} */

static void
jm_map_canvas_set_accent (cairo_t *cr,
                          double   alpha)
{
  GdkRGBA accent;

  /* libadwaita's blue accent, which 1.2 does not expose to C. */
  gdk_rgba_parse (&accent, "#3584e4");
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, alpha);
}

static gboolean
jm_map_canvas_object_rect (JmMapCanvas *self,
                           JmObject    *object,
                           JmRect      *rect)
{
  double x, y;

  if (JM_IS_ITEM (object))
    return jm_layout_get_item_rect (self->layout, JM_ITEM (object), rect);

  if (JM_IS_PERSONA (object))
    return jm_layout_get_persona_rect (self->layout, JM_PERSONA (object), rect);

  if (JM_IS_LINK (object))
    return jm_layout_get_link_bounds (self->layout, JM_LINK (object), rect);

  if ((JM_IS_STAGE (object) || JM_IS_LANE (object)) && self->document != NULL)
    {
      JmObjectStore *lanes = jm_document_get_lanes (self->document);
      JmObjectStore *stages = jm_document_get_stages (self->document);
      JmRect first, last;

      if (JM_IS_STAGE (object) && jm_object_store_get_n_objects (lanes) > 0 &&
          jm_layout_get_cell_rect (self->layout, JM_STAGE (object), jm_object_store_get_object (lanes, 0), &first) &&
          jm_layout_get_cell_rect (self->layout, JM_STAGE (object),
                                   jm_object_store_get_object (lanes, jm_object_store_get_n_objects (lanes) - 1), &last))
        {
          *rect = (JmRect) { first.x, first.y, first.width, last.y + last.height - first.y };
          return TRUE;
        }
      if (JM_IS_LANE (object) && jm_object_store_get_n_objects (stages) > 0 &&
          jm_layout_get_cell_rect (self->layout, jm_object_store_get_object (stages, 0), JM_LANE (object), &first) &&
          jm_layout_get_cell_rect (self->layout,
                                   jm_object_store_get_object (stages, jm_object_store_get_n_objects (stages) - 1),
                                   JM_LANE (object), &last))
        {
          *rect = (JmRect) { first.x, first.y, last.x + last.width - first.x, first.height };
          return TRUE;
        }
      return FALSE;
    }

  if (JM_IS_EMOTION_POINT (object) &&
      jm_layout_get_point_position (self->layout, JM_EMOTION_POINT (object), &x, &y))
    {
      *rect = (JmRect) { x - 9, y - 9, 18, 18 };
      return TRUE;
    }

  return FALSE;
}

static void
jm_map_canvas_draw_selection (JmMapCanvas *self,
                              cairo_t     *cr)
{
  for (guint i = 0; i < self->selection->len; i++)
    {
      JmRect rect;

      if (!jm_map_canvas_object_rect (self, self->selection->pdata[i], &rect))
        continue;

      cairo_rectangle (cr, rect.x - 3, rect.y - 3, rect.width + 6, rect.height + 6);
      jm_map_canvas_set_accent (cr, 1.0);
      cairo_set_line_width (cr, 2.0 / self->zoom);
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
    y = rect.y - JM_ITEM_GAP / 2;
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

static void jm_map_canvas_highlight_cell (JmMapCanvas *self,
                                          cairo_t     *cr,
                                          JmStage     *stage,
                                          JmLane      *lane);

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

  jm_map_canvas_highlight_cell (self, cr, self->palette_hit.stage, self->palette_hit.lane);
}

static void
jm_map_canvas_draw_point_drag (JmMapCanvas *self,
                               cairo_t     *cr)
{
  double x, y;

  if (!jm_layout_get_point_position (self->layout, JM_EMOTION_POINT (self->dragged), &x, &y))
    return;

  cairo_arc (cr, x + self->drag_dx, y + self->drag_dy, 8, 0, 2 * G_PI);
  jm_map_canvas_set_accent (cr, 0.9);
  cairo_fill (cr);
}

static JmLayerState
jm_map_canvas_state (JmMapCanvas *self)
{
  return jm_layout_get_shown_state (self->layout);
}

static void
jm_map_canvas_report (JmMapCanvas *self,
                      GError      *error)
{
  /* The window shows edit errors; the canvas only says them. */
  gtk_widget_error_bell (GTK_WIDGET (self));
  g_debug ("Edit refused: %s", error->message);
}

static gboolean
jm_map_canvas_is_selected (JmMapCanvas *self,
                           JmObject    *object)
{
  return g_ptr_array_find (self->selection, object, NULL);
}

/* Where a dragged item lands: the cell under the pointer, and its place
 * among the other items of that cell. */
static void
jm_map_canvas_update_drop (JmMapCanvas *self)
{
  JmRect rect;
  JmHit hit;

  self->drop = (JmHit) { JM_HIT_NONE };
  if (!jm_layout_get_item_rect (self->layout, JM_ITEM (self->dragged), &rect))
    return;

  /* The drop point is the top of the dragged card, where the eye is. */
  if (!jm_layout_hit_test (self->layout, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy, &hit) ||
      hit.stage == NULL || hit.lane == NULL || (hit.kind != JM_HIT_ITEM && hit.kind != JM_HIT_CELL))
    return;

  self->drop = hit;
}

static void
jm_map_canvas_finish_item_drag (JmMapCanvas *self)
{
  JmItem *item = JM_ITEM (self->dragged);
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GError) error = NULL;
  const char *stage_id, *lane_id;
  guint index = self->drop.index_in_cell;
  guint old_index;

  if (self->drop.stage == NULL || self->drop.lane == NULL || self->stack == NULL)
    return;

  stage_id = jm_object_get_id (JM_OBJECT (self->drop.stage));
  lane_id = jm_object_get_id (JM_OBJECT (self->drop.lane));

  /* In its own cell, the item does not count among those before it. */
  cell = jm_layer_dup_cell_items (jm_document_get_layer (self->document, jm_map_canvas_state (self)),
                                  stage_id, lane_id);
  if (g_ptr_array_find (cell, item, &old_index))
    {
      if (old_index < index)
        index--;
      if (old_index == index)
        return;
    }

  if (!jm_edit_move_item (self->stack, jm_map_canvas_state (self), item, stage_id, lane_id, index, &error))
    jm_map_canvas_report (self, error);
}

static void
jm_map_canvas_finish_point_drag (JmMapCanvas *self)
{
  JmEmotionPoint *point = JM_EMOTION_POINT (self->dragged);
  g_autoptr(GError) error = NULL;
  double x, y, score;
  JmRect cell;
  JmHit hit;

  if (self->stack == NULL || !jm_layout_get_point_position (self->layout, point, &x, &y))
    return;

  x += self->drag_dx;
  y += self->drag_dy;
  if (!jm_layout_score_at (self->layout, y, &score))
    return;

  /* Along the stages: the stage under the pointer, or the nearest end. */
  jm_layout_hit_test (self->layout, x, y, &hit);
  if (hit.stage == NULL)
    hit.stage = jm_document_lookup_stage (self->document, jm_emotion_point_get_stage_id (point));
  if (hit.lane == NULL || !jm_layout_get_cell_rect (self->layout, hit.stage, hit.lane, &cell))
    {
      JmLane *any = jm_object_store_get_object (jm_document_get_lanes (self->document), 0);
      if (any == NULL || !jm_layout_get_cell_rect (self->layout, hit.stage, any, &cell))
        return;
    }

  /* Scores snap to halves, as designers rate feelings on a coarse scale. */
  score = round (score * 2) / 2;
  if (!jm_edit_move_emotion_point (self->stack, point, jm_object_get_id (JM_OBJECT (hit.stage)),
                                   CLAMP ((x - cell.x - JM_CELL_PADDING) / (cell.width - 2 * JM_CELL_PADDING), 0, 1),
                                   score, &error))
    jm_map_canvas_report (self, error);
}

/* Adds what a palette entry stands for at the place @hit. */
static gboolean
jm_map_canvas_drop_palette (JmMapCanvas  *self,
                            const char   *payload,
                            const JmHit  *hit,
                            double        map_x,
                            double        map_y,
                            GError      **error)
{
  JmLayerState state = jm_map_canvas_state (self);
  g_auto(GStrv) parts = g_strsplit (payload, ":", 3);
  JmObject *added = NULL;

  if (g_str_equal (parts[0], "moment-of-truth"))
    {
      if (hit->kind != JM_HIT_ITEM)
        {
          g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("Drop a Moment of Truth on an item."));
          return FALSE;
        }
      if (!jm_edit_set_moment (self->stack, JM_ITEM (hit->object), JM_MOMENT_KIND_FIRST, NULL, NULL, error))
        return FALSE;
      added = hit->object;
    }
  else if (g_str_equal (parts[0], "emotion-point"))
    {
      JmPersona *persona = jm_document_get_primary_persona (self->document);
      JmRect cell;
      double score;

      if (hit->stage == NULL || hit->lane == NULL || !jm_layout_score_at (self->layout, map_y, &score) ||
          !jm_layout_get_cell_rect (self->layout, hit->stage, hit->lane, &cell))
        {
          g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("Drop an emotion point on the emotional curve."));
          return FALSE;
        }
      added = (JmObject *) jm_edit_add_emotion_point (self->stack, state,
                                                      persona ? jm_object_get_id (JM_OBJECT (persona)) : NULL,
                                                      jm_object_get_id (JM_OBJECT (hit->stage)),
                                                      CLAMP ((map_x - cell.x - JM_CELL_PADDING) /
                                                             (cell.width - 2 * JM_CELL_PADDING), 0, 1),
                                                      round (score * 2) / 2, NULL, error);
    }
  else if (g_str_equal (parts[0], "item") && parts[1] != NULL)
    {
      int kind = JM_ITEM_KIND_CARD, channel = JM_CHANNEL_WEB;
      JmItem *item;

      if (hit->stage == NULL || hit->lane == NULL || !jm_enum_from_nick (JM_TYPE_ITEM_KIND, parts[1], &kind))
        {
          g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID,
                               _("Drop items into a cell of the map."));
          return FALSE;
        }

      jm_command_stack_begin_group (self->stack, _("Add Item"));
      item = jm_edit_add_item (self->stack, state, kind, jm_object_get_id (JM_OBJECT (hit->stage)),
                               jm_object_get_id (JM_OBJECT (hit->lane)), hit->index_in_cell,
                               kind == JM_ITEM_KIND_TOUCHPOINT ? _("New touchpoint") : _("New item"), error);
      if (item != NULL && parts[2] != NULL && jm_enum_from_nick (JM_TYPE_CHANNEL, parts[2], &channel) &&
          !jm_edit_set_enum (self->stack, item, "channel", channel, error))
        item = NULL;
      if (item == NULL)
        {
          jm_command_stack_cancel_group (self->stack);
          return FALSE;
        }
      jm_command_stack_end_group (self->stack);
      added = JM_OBJECT (item);
    }
  else
    {
      g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_INVALID, _("Unknown palette entry."));
      return FALSE;
    }

  if (added != NULL)
    jm_map_canvas_select (self, added, FALSE);
  return added != NULL;
}

static void
jm_map_canvas_stop_title_edit (JmMapCanvas *self)
{
  if (self->title_item == NULL)
    return;

  g_clear_object (&self->title_item);
  gtk_widget_set_visible (self->title_entry, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_title_entry_activate_cb (JmMapCanvas *self,
                            GtkEntry    *entry)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->title_item != NULL && self->stack != NULL &&
      g_strcmp0 (text, jm_item_get_title (self->title_item)) != 0 &&
      !jm_edit_set_string (self->stack, self->title_item, "title", *text ? text : NULL, 0, &error))
    jm_map_canvas_report (self, error);

  jm_map_canvas_stop_title_edit (self);
}

static gboolean
on_title_entry_key_pressed_cb (JmMapCanvas           *self,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  jm_map_canvas_stop_title_edit (self);
  return TRUE;
}

/* Double-click edits a card's title where it is, in an entry laid over
 * the card; Enter keeps the change, Escape or a click elsewhere drops it. */
static void
jm_map_canvas_edit_title (JmMapCanvas *self,
                          JmItem      *item)
{
  if (self->title_entry == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      self->title_entry = gtk_entry_new ();
      gtk_entry_set_max_length (GTK_ENTRY (self->title_entry), JM_MAX_NAME_CHARS);
      gtk_widget_set_parent (self->title_entry, GTK_WIDGET (self));
      g_signal_connect_swapped (self->title_entry, "activate", G_CALLBACK (on_title_entry_activate_cb), self);
      g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_title_entry_key_pressed_cb), self);
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      gtk_widget_add_controller (self->title_entry, keys);
    }

  g_set_object (&self->title_item, item);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), jm_item_get_title (item) ? jm_item_get_title (item) : "");
  gtk_widget_set_visible (self->title_entry, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->title_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

static void
jm_map_canvas_allocate_title_entry (JmMapCanvas *self)
{
  GtkRequisition natural;
  JmRect rect;

  if (self->title_entry == NULL || !gtk_widget_get_visible (self->title_entry))
    return;

  if (self->title_item == NULL || !jm_layout_get_item_rect (self->layout, self->title_item, &rect))
    {
      gtk_widget_set_visible (self->title_entry, FALSE);
      return;
    }

  gtk_widget_get_preferred_size (self->title_entry, NULL, &natural);
  gtk_widget_size_allocate (self->title_entry,
                            &(GtkAllocation) {
                              (int) (rect.x * self->zoom - jm_map_canvas_scroll_x (self)),
                              (int) (rect.y * self->zoom - jm_map_canvas_scroll_y (self)),
                              MAX ((int) (rect.width * self->zoom), natural.width),
                              natural.height,
                            }, -1);
}

#define JM_LINK_HANDLE_RADIUS 7.0

/* The handle a link is drawn from: a dot on the right edge of the one
 * selected item. */
static gboolean
jm_map_canvas_link_handle (JmMapCanvas *self,
                           double      *x,
                           double      *y)
{
  JmRect rect;

  if (self->selection->len != 1 || !JM_IS_ITEM (self->selection->pdata[0]) ||
      !jm_layout_get_item_rect (self->layout, self->selection->pdata[0], &rect))
    return FALSE;

  *x = rect.x + rect.width;
  *y = rect.y + rect.height / 2;
  return TRUE;
}

static void
jm_map_canvas_draw_link_handle (JmMapCanvas *self,
                                cairo_t     *cr)
{
  double x, y;

  if (!jm_map_canvas_link_handle (self, &x, &y))
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

static void
jm_map_canvas_finish_link (JmMapCanvas *self)
{
  g_autoptr(GError) error = NULL;
  JmItem *from = self->selection->pdata[0];
  JmHit hit;

  if (self->stack == NULL ||
      !jm_layout_hit_test (self->layout, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy, &hit) ||
      hit.kind != JM_HIT_ITEM || hit.object == JM_OBJECT (from))
    return;

  if (jm_edit_add_link (self->stack, jm_map_canvas_state (self), jm_object_get_id (JM_OBJECT (from)),
                        jm_object_get_id (hit.object), NULL, &error) == NULL)
    jm_map_canvas_report (self, error);
}

/* The rectangle being dragged out, in map units. */
static JmRect
jm_map_canvas_rubber_rect (JmMapCanvas *self)
{
  return (JmRect) {
    MIN (self->drag_x, self->drag_x + self->drag_dx),
    MIN (self->drag_y, self->drag_y + self->drag_dy),
    fabs (self->drag_dx),
    fabs (self->drag_dy),
  };
}

static void
jm_map_canvas_finish_rubber_band (JmMapCanvas *self)
{
  JmRect rect = jm_map_canvas_rubber_rect (self);
  g_autoptr(GPtrArray) found = jm_layout_query_items (self->layout, &rect);

  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; i < found->len; i++)
    {
      JmRect item;

      /* Items wholly inside, as in drawing apps; ghosts are not editable. */
      if (jm_layout_get_item_rect (self->layout, found->pdata[i], &item) &&
          item.x >= rect.x && item.y >= rect.y &&
          item.x + item.width <= rect.x + rect.width && item.y + item.height <= rect.y + rect.height &&
          jm_object_store_find (jm_layer_get_items (jm_document_get_layer (self->document, jm_map_canvas_state (self))),
                                found->pdata[i], NULL))
        g_ptr_array_add (self->selection, g_object_ref (found->pdata[i]));
    }

  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

/* Where a dragged stage or lane would go: the index of the column or
 * row under the pointer. */
static guint
jm_map_canvas_reorder_target (JmMapCanvas *self)
{
  gboolean stage = self->drag_kind == JM_HIT_STAGE_HEADER;
  JmObjectStore *store = stage ? jm_document_get_stages (self->document) : jm_document_get_lanes (self->document);
  double x = self->drag_x + self->drag_dx, y = self->drag_y + self->drag_dy;
  guint n = jm_object_store_get_n_objects (store);

  for (guint i = 0; i < n; i++)
    {
      JmObject *other = jm_object_store_get_object (store, i);
      JmObject *first_other = jm_object_store_get_object (stage ? jm_document_get_lanes (self->document)
                                                                : jm_document_get_stages (self->document), 0);
      JmRect cell;

      if (first_other == NULL)
        return 0;
      if (!jm_layout_get_cell_rect (self->layout, stage ? JM_STAGE (other) : JM_STAGE (first_other),
                                    stage ? JM_LANE (first_other) : JM_LANE (other), &cell))
        continue;
      if ((stage && x < cell.x + cell.width) || (!stage && y < cell.y + cell.height))
        return i;
    }

  return n > 0 ? n - 1 : 0;
}

static void
jm_map_canvas_finish_reorder (JmMapCanvas *self)
{
  g_autoptr(GError) error = NULL;
  JmObjectStore *store = self->drag_kind == JM_HIT_STAGE_HEADER ? jm_document_get_stages (self->document)
                                                                 : jm_document_get_lanes (self->document);
  guint target = jm_map_canvas_reorder_target (self);
  guint current;
  gboolean ok;

  if (self->stack == NULL || !jm_object_store_find (store, self->dragged, &current) || current == target)
    return;

  if (JM_IS_STAGE (self->dragged))
    ok = jm_edit_move_stage (self->stack, JM_STAGE (self->dragged), target, &error);
  else
    ok = jm_edit_move_lane (self->stack, JM_LANE (self->dragged), target, &error);

  if (!ok)
    jm_map_canvas_report (self, error);
}

static double
jm_map_canvas_resized_size (JmMapCanvas *self)
{
  if (JM_IS_STAGE (self->dragged))
    return CLAMP (jm_stage_get_width (JM_STAGE (self->dragged)) + self->drag_dx,
                  JM_STAGE_MIN_WIDTH, JM_STAGE_MAX_WIDTH);

  {
    JmObject *stage = jm_object_store_get_object (jm_document_get_stages (self->document), 0);
    JmRect cell;
    double height = 0;

    if (stage != NULL && jm_layout_get_cell_rect (self->layout, JM_STAGE (stage), JM_LANE (self->dragged), &cell))
      height = cell.height;
    return CLAMP (height + self->drag_dy, JM_LANE_MIN_HEIGHT, JM_LANE_MAX_HEIGHT);
  }
}

static void
jm_map_canvas_finish_resize (JmMapCanvas *self)
{
  g_autoptr(GError) error = NULL;

  if (self->stack == NULL)
    return;

  if (!jm_edit_set_double (self->stack, self->dragged, JM_IS_STAGE (self->dragged) ? "width" : "height",
                           round (jm_map_canvas_resized_size (self)), 0, &error))
    jm_map_canvas_report (self, error);
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
      cairo_move_to (cr, cell.x + jm_map_canvas_resized_size (self), cell.y - 80);
      cairo_line_to (cr, cell.x + jm_map_canvas_resized_size (self), height - 32);
    }
  else if (self->drag_kind == JM_HIT_LANE_EDGE &&
           jm_layout_get_cell_rect (self->layout, JM_STAGE (first_stage), JM_LANE (self->dragged), &cell))
    {
      cairo_move_to (cr, 32, cell.y + jm_map_canvas_resized_size (self));
      cairo_line_to (cr, width - 32, cell.y + jm_map_canvas_resized_size (self));
    }
  else
    {
      guint target = jm_map_canvas_reorder_target (self);
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

static int
jm_map_canvas_neighbour (JmObjectStore *store,
                         const char    *id,
                         int            delta)
{
  JmObject *object = jm_object_store_lookup (store, id);
  guint position;
  int target;

  if (object == NULL || !jm_object_store_find (store, object, &position))
    return -1;

  target = (int) position + delta;
  return target >= 0 && target < (int) jm_object_store_get_n_objects (store) ? target : -1;
}

/* Alt+Left/Right moves a selected stage one place, Alt+Up/Down a selected
 * lane: the keyboard way to reorder what a header drag reorders. */
static gboolean
jm_map_canvas_move_header (JmMapCanvas *self,
                           JmObject    *header,
                           int          step)
{
  JmObjectStore *store = JM_IS_STAGE (header) ? jm_document_get_stages (self->document)
                                              : jm_document_get_lanes (self->document);
  g_autoptr(GError) error = NULL;
  guint position;
  gboolean ok;

  if (step == 0 || !jm_object_store_find (store, header, &position))
    return FALSE;
  if ((step < 0 && position == 0) ||
      (step > 0 && position + 1 >= jm_object_store_get_n_objects (store)))
    return TRUE;

  ok = JM_IS_STAGE (header) ? jm_edit_move_stage (self->stack, JM_STAGE (header), position + step, &error)
                            : jm_edit_move_lane (self->stack, JM_LANE (header), position + step, &error);
  if (!ok)
    jm_map_canvas_report (self, error);

  return TRUE;
}

/* Alt+Up/Down lifts or lowers a selected emotion point by one score. */
static gboolean
jm_map_canvas_nudge_point (JmMapCanvas    *self,
                           JmEmotionPoint *point,
                           int             dy)
{
  g_autoptr(GError) error = NULL;

  if (dy == 0)
    return FALSE;

  if (!jm_edit_nudge_score (self->stack, point, -dy, &error))
    jm_map_canvas_report (self, error);

  return TRUE;
}

/* Alt+arrows move the selected items to the next cell, for keyboard use:
 * one step for all of them. */
static gboolean
jm_map_canvas_move_selection (JmMapCanvas *self,
                              int          dx,
                              int          dy)
{
  JmObjectStore *stages, *lanes;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE, moved = FALSE;

  if (self->stack == NULL || self->document == NULL)
    return FALSE;

  if (self->selection->len == 1 && JM_IS_STAGE (self->selection->pdata[0]))
    return jm_map_canvas_move_header (self, self->selection->pdata[0], dx);
  if (self->selection->len == 1 && JM_IS_LANE (self->selection->pdata[0]))
    return jm_map_canvas_move_header (self, self->selection->pdata[0], dy);
  if (self->selection->len == 1 && JM_IS_EMOTION_POINT (self->selection->pdata[0]))
    return jm_map_canvas_nudge_point (self, self->selection->pdata[0], dy);

  stages = jm_document_get_stages (self->document);
  lanes = jm_document_get_lanes (self->document);

  jm_command_stack_begin_group (self->stack, _("Move Item"));
  for (guint i = 0; ok && i < self->selection->len; i++)
    {
      JmItem *item = self->selection->pdata[i];
      int stage, lane;

      if (!JM_IS_ITEM (item))
        continue;

      stage = jm_map_canvas_neighbour (stages, jm_item_get_stage_id (item), dx);
      lane = jm_map_canvas_neighbour (lanes, jm_item_get_lane_id (item), dy);
      if (stage < 0 || lane < 0)
        continue;

      ok = jm_edit_move_item (self->stack, jm_map_canvas_state (self), item,
                              jm_object_get_id (jm_object_store_get_object (stages, stage)),
                              jm_object_get_id (jm_object_store_get_object (lanes, lane)), -1, &error);
      moved = TRUE;
    }

  if (ok)
    jm_command_stack_end_group (self->stack);
  else
    {
      jm_command_stack_cancel_group (self->stack);
      jm_map_canvas_report (self, error);
    }

  return moved;
}

/* A picture dropped from the file manager becomes an image item in the
 * cell under the pointer; a map dropped opens. */
static gboolean
jm_map_canvas_drop_file (JmMapCanvas  *self,
                         GFile        *file,
                         const JmHit  *hit,
                         GError      **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *type;
  JmItem *item;
  gboolean ok;

  if (name != NULL && g_str_has_suffix (name, ".jmap"))
    {
      g_autofree char *uri = g_file_get_uri (file);
      return gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", uri);
    }

  if (hit->stage == NULL || hit->lane == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Drop images into a cell of the map."));
      return FALSE;
    }

  bytes = jm_image_file_load (file, &type, error);
  if (bytes == NULL || !jm_document_io_check_room (self->document, g_bytes_get_size (bytes), 0, error))
    return FALSE;

  jm_command_stack_begin_group (self->stack, _("Add Image"));
  item = jm_edit_add_item (self->stack, jm_map_canvas_state (self), JM_ITEM_KIND_IMAGE,
                           jm_object_get_id (JM_OBJECT (hit->stage)), jm_object_get_id (JM_OBJECT (hit->lane)),
                           hit->index_in_cell, name, error);
  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, bytes);
  ok = item != NULL &&
       jm_edit_set (self->stack, item, "image", &value, 0, error) &&
       jm_edit_set_string (self->stack, item, "image-type", type, 0, error);
  if (!ok)
    {
      jm_command_stack_cancel_group (self->stack);
      return FALSE;
    }

  jm_command_stack_end_group (self->stack);
  jm_map_canvas_select (self, JM_OBJECT (item), FALSE);
  return TRUE;
}

/* Callbacks {{{ */

static gboolean
on_files_dropped_cb (JmMapCanvas   *self,
                     const GValue  *value,
                     double         x,
                     double         y,
                     GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);
  gboolean any = FALSE;
  double map_x, map_y;
  JmHit hit;

  self->palette_over = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->layout == NULL || self->stack == NULL)
    return FALSE;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  jm_layout_hit_test (self->layout, map_x, map_y, &hit);
  for (const GSList *iter = files; iter != NULL; iter = iter->next)
    {
      g_autoptr(GError) error = NULL;

      if (jm_map_canvas_drop_file (self, iter->data, &hit, &error))
        any = TRUE;
      else if (error != NULL)
        jm_map_canvas_report (self, error);
    }

  return any;
}

static void
on_click_pressed_cb (JmMapCanvas     *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  double map_x, map_y;
  JmHit hit;

  if (n_press != 2 || self->layout == NULL || self->stack == NULL)
    return;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  if (jm_layout_hit_test (self->layout, map_x, map_y, &hit) && hit.kind == JM_HIT_ITEM)
    jm_map_canvas_edit_title (self, JM_ITEM (hit.object));
}

static GdkDragAction
on_drop_motion_cb (JmMapCanvas   *self,
                   double         x,
                   double         y,
                   GtkDropTarget *target)
{
  double map_x, map_y;

  if (self->layout == NULL || self->stack == NULL)
    return 0;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  jm_layout_hit_test (self->layout, map_x, map_y, &self->palette_hit);
  self->palette_over = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return self->palette_hit.stage != NULL && self->palette_hit.lane != NULL ? GDK_ACTION_COPY : 0;
}

static void
on_drop_leave_cb (JmMapCanvas   *self,
                  GtkDropTarget *target)
{
  self->palette_over = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop_cb (JmMapCanvas   *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  const char *payload = g_value_get_string (value);
  g_autoptr(GError) error = NULL;
  double map_x, map_y;
  JmHit hit;

  self->palette_over = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->layout == NULL || self->stack == NULL || payload == NULL ||
      !g_str_has_prefix (payload, JM_PALETTE_PREFIX))
    return FALSE;

  jm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  jm_layout_hit_test (self->layout, map_x, map_y, &hit);
  if (!jm_map_canvas_drop_palette (self, payload + strlen (JM_PALETTE_PREFIX), &hit, map_x, map_y, &error))
    {
      jm_map_canvas_report (self, error);
      return FALSE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

static void
on_drag_begin_cb (JmMapCanvas    *self,
                  double          start_x,
                  double          start_y,
                  GtkGestureDrag *gesture)
{
  JmHit hit;

  if (self->layout == NULL)
    return;

  jm_map_canvas_widget_to_map (self, start_x, start_y, &self->drag_x, &self->drag_y);
  self->drag_dx = self->drag_dy = 0;
  self->drag_moved = FALSE;
  g_clear_object (&self->dragged);

  self->rubber_band = FALSE;
  self->linking = FALSE;
  self->panning = self->space_held;
  if (self->panning)
    {
      self->pan_x = jm_map_canvas_scroll_x (self);
      self->pan_y = jm_map_canvas_scroll_y (self);
      return;
    }

  {
    double hx, hy;

    if (jm_map_canvas_link_handle (self, &hx, &hy) &&
        hypot (hx - self->drag_x, hy - self->drag_y) <= JM_LINK_HANDLE_RADIUS / self->zoom * MAX (self->zoom, 1.0) + 2)
      {
        self->linking = TRUE;
        return;
      }
  }

  jm_layout_hit_test (self->layout, self->drag_x, self->drag_y, &hit);

  /* A press elsewhere ends an edit in place (the double-click that starts
   * one presses on its card). */
  if (self->title_item == NULL || hit.object != JM_OBJECT (self->title_item))
    {
      jm_map_canvas_stop_title_edit (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  if (hit.kind == JM_HIT_NONE)
    {
      jm_map_canvas_clear_selection (self);
      self->rubber_band = TRUE;
      return;
    }

  /* A persona card or a link selects it, for the inspector. */
  if (hit.kind == JM_HIT_PERSONA || hit.kind == JM_HIT_LINK)
    {
      jm_map_canvas_select (self, hit.object, FALSE);
      return;
    }

  /* A header selects its stage or lane, for the inspector, and dragging
   * it reorders; dragging its edge resizes. */
  if (hit.kind == JM_HIT_STAGE_HEADER || hit.kind == JM_HIT_LANE_HEADER ||
      hit.kind == JM_HIT_STAGE_EDGE || hit.kind == JM_HIT_LANE_EDGE)
    {
      if (hit.kind == JM_HIT_STAGE_HEADER || hit.kind == JM_HIT_LANE_HEADER)
        jm_map_canvas_select (self, hit.object, FALSE);
      self->dragged = g_object_ref (hit.object);
      self->drag_kind = hit.kind;
      return;
    }

  if (hit.kind != JM_HIT_ITEM && hit.kind != JM_HIT_POINT)
    {
      /* An empty place: a press clears the selection, a drag selects the
       * items in the rectangle it draws. */
      jm_map_canvas_clear_selection (self);
      self->rubber_band = TRUE;
      return;
    }

  if (!jm_map_canvas_is_selected (self, hit.object))
    {
      GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
      jm_map_canvas_select (self, hit.object, (state & GDK_SHIFT_MASK) != 0);
    }
  self->dragged = g_object_ref (hit.object);
  self->drag_kind = hit.kind;
}

static void
on_drag_update_cb (JmMapCanvas    *self,
                   double          offset_x,
                   double          offset_y,
                   GtkGestureDrag *gesture)
{
  if (self->panning)
    {
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->pan_x - offset_x);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->pan_y - offset_y);
      return;
    }

  if (self->dragged == NULL && !self->rubber_band && !self->linking)
    return;

  if (!self->drag_moved && hypot (offset_x, offset_y) < JM_DRAG_THRESHOLD)
    return;

  self->drag_moved = TRUE;
  self->drag_dx = offset_x / self->zoom;
  self->drag_dy = offset_y / self->zoom;
  if (self->drag_kind == JM_HIT_ITEM)
    jm_map_canvas_update_drop (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (JmMapCanvas    *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  g_autoptr(JmObject) dragged = g_steal_pointer (&self->dragged);

  if (self->panning)
    {
      self->panning = FALSE;
      return;
    }

  if ((self->rubber_band || self->linking) && self->drag_moved)
    {
      self->drag_dx = offset_x / self->zoom;
      self->drag_dy = offset_y / self->zoom;
      if (self->rubber_band)
        jm_map_canvas_finish_rubber_band (self);
      else
        jm_map_canvas_finish_link (self);
    }
  if (self->rubber_band || self->linking)
    {
      self->rubber_band = self->linking = FALSE;
      self->drag_moved = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (dragged == NULL || !self->drag_moved)
    return;

  self->dragged = dragged;
  self->drag_dx = offset_x / self->zoom;
  self->drag_dy = offset_y / self->zoom;
  switch (self->drag_kind)
    {
    case JM_HIT_ITEM:
      jm_map_canvas_update_drop (self);
      jm_map_canvas_finish_item_drag (self);
      break;
    case JM_HIT_POINT:
      jm_map_canvas_finish_point_drag (self);
      break;
    case JM_HIT_STAGE_HEADER:
    case JM_HIT_LANE_HEADER:
      jm_map_canvas_finish_reorder (self);
      break;
    case JM_HIT_STAGE_EDGE:
    case JM_HIT_LANE_EDGE:
      jm_map_canvas_finish_resize (self);
      break;
    case JM_HIT_NONE:
    case JM_HIT_LINK:
    case JM_HIT_CELL:
    default:
      break;
    }

  self->dragged = NULL;
  self->drop = (JmHit) { JM_HIT_NONE };
  self->drag_moved = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_key_released_cb (JmMapCanvas           *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space)
    self->space_held = FALSE;
}

static void
on_pan_begin_cb (JmMapCanvas    *self,
                 double          x,
                 double          y,
                 GtkGestureDrag *gesture)
{
  self->pan_x = jm_map_canvas_scroll_x (self);
  self->pan_y = jm_map_canvas_scroll_y (self);
}

/* The middle button drags the map around. */
static void
on_pan_update_cb (JmMapCanvas    *self,
                  double          offset_x,
                  double          offset_y,
                  GtkGestureDrag *gesture)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->pan_x - offset_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->pan_y - offset_y);
}

static gboolean
on_key_pressed_cb (JmMapCanvas           *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  g_autoptr(GError) error = NULL;

  if (keyval == GDK_KEY_space)
    {
      self->space_held = TRUE;
      return TRUE;
    }

  if ((state & GDK_ALT_MASK) != 0 &&
      (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right || keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    return jm_map_canvas_move_selection (self, keyval == GDK_KEY_Left ? -1 : keyval == GDK_KEY_Right ? 1 : 0,
                                         keyval == GDK_KEY_Up ? -1 : keyval == GDK_KEY_Down ? 1 : 0);

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_BackSpace)
    return FALSE;

  if (self->selection->len == 0)
    return FALSE;

  if (!jm_map_canvas_delete_selection (self, &error))
    jm_map_canvas_report (self, error);

  return TRUE;
}

static void
on_adjustment_value_changed_cb (JmMapCanvas   *self,
                                GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->title_entry != NULL && gtk_widget_get_visible (self->title_entry))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* An item that changed is drawn again; anything else (a stage's width, a
 * lane, the state shown) may change every item's look. */
static void
on_document_object_changed_cb (JmMapCanvas *self,
                               GObject     *object,
                               GParamSpec  *pspec,
                               JmDocument  *document)
{
  if (JM_IS_ITEM (object) && self->layer_mode != JM_LAYER_MODE_BOTH)
    g_hash_table_remove (self->item_nodes, object);
  else
    g_hash_table_remove_all (self->item_nodes);
}

static void
on_document_changed_cb (JmMapCanvas *self)
{
  /* The layout redoes only what changed when it is next read. */
  jm_layout_update (self->layout);
  jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_style_dark_changed_cb (JmMapCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll_cb (JmMapCanvas              *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;
  GdkEvent *event;

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;

  /* Ctrl+scroll zooms around the pointer, as in every GNOME viewer. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  jm_map_canvas_zoom_at (self, self->zoom * pow (1.1, -dy), x, y);

  return TRUE;
}

static void
on_zoom_scale_changed_cb (JmMapCanvas    *self,
                          double          scale,
                          GtkGestureZoom *gesture)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  jm_map_canvas_zoom_at (self, self->zoom * scale, x, y);
  gtk_gesture_zoom_get_scale_delta (gesture);
}

/* }}} */

static void
jm_map_canvas_set_adjustment (JmMapCanvas    *self,
                              GtkAdjustment **slot,
                              GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed",
                             G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  jm_map_canvas_update_adjustments (self);
}

static void
jm_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  JmMapCanvas *self = JM_MAP_CANVAS (widget);

  jm_map_canvas_update_adjustments (self);
  jm_map_canvas_allocate_title_entry (self);
}

static GskRenderNode *
jm_map_canvas_item_node (JmMapCanvas *self,
                         JmItem      *item,
                         const JmRect *rect,
                         JmThemeKind  theme)
{
  const double reach = JM_RENDER_ITEM_REACH;
  JmRenderOptions options = { theme, TRUE, NULL, JM_RENDER_ITEMS };
  GskRenderNode *node;
  cairo_t *cr;

  /* In the item's own coordinates, so a move of the item keeps its node. */
  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (-reach * self->zoom, -reach * self->zoom,
                                                  (rect->width + 2 * reach) * self->zoom,
                                                  (rect->height + 2 * reach) * self->zoom));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -rect->x, -rect->y);
  jm_renderer_draw_item (cr, self->layout, item, &options);
  cairo_destroy (cr);

  return node;
}

/* The items in view, each from its cached node, made when missing. */
static void
jm_map_canvas_snapshot_items (JmMapCanvas   *self,
                              GtkSnapshot   *snapshot,
                              const JmRect  *visible,
                              JmThemeKind    theme)
{
  const double reach = JM_RENDER_ITEM_REACH;
  JmRect region = { visible->x - reach, visible->y - reach, visible->width + 2 * reach, visible->height + 2 * reach };
  g_autoptr(GPtrArray) items = jm_layout_query_items (self->layout, &region);

  if (self->nodes_zoom != self->zoom || self->nodes_theme != theme ||
      g_hash_table_size (self->item_nodes) > 4 * items->len + 2000)
    {
      g_hash_table_remove_all (self->item_nodes);
      self->nodes_zoom = self->zoom;
      self->nodes_theme = theme;
    }

  /* Ghosts of removed items, in the compared view, come from the query
   * too, and are drawn like the others. */
  for (guint i = 0; i < items->len; i++)
    {
      JmItem *item = items->pdata[i];
      GskRenderNode *node = g_hash_table_lookup (self->item_nodes, item);
      JmRect rect;

      if (!jm_layout_get_item_rect (self->layout, item, &rect))
        continue;

      if (node == NULL)
        {
          node = jm_map_canvas_item_node (self, item, &rect, theme);
          /* Keyed by a reference: a freed item's address may come back. */
          g_hash_table_insert (self->item_nodes, g_object_ref (item), node);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((rect.x - visible->x) * self->zoom,
                                                              (rect.y - visible->y) * self->zoom));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }
}

static void
jm_map_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JmMapCanvas *self = JM_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  JmRect visible;
  JmRenderOptions options;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  visible = (JmRect) {
    jm_map_canvas_scroll_x (self) / self->zoom,
    jm_map_canvas_scroll_y (self) / self->zoom,
    width / self->zoom,
    height / self->zoom,
  };
  options = (JmRenderOptions) { jm_map_canvas_theme (self), FALSE, &visible };

  /* Under the items: background, headers, grid. */
  options.parts = JM_RENDER_BASE;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  jm_renderer_draw (cr, self->layout, &options);
  cairo_destroy (cr);

  jm_map_canvas_snapshot_items (self, snapshot, &visible, options.theme);

  /* Over them: the curve, the links, and what the canvas itself shows. */
  options.parts = JM_RENDER_OVERLAY;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  jm_renderer_draw (cr, self->layout, &options);
  jm_map_canvas_draw_selection (self, cr);
  jm_map_canvas_draw_link_handle (self, cr);
  if (self->rubber_band && self->drag_moved)
    {
      JmRect band = jm_map_canvas_rubber_rect (self);

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
    jm_map_canvas_draw_item_drag (self, cr, &options);
  else if (self->dragged != NULL && self->drag_moved && self->drag_kind == JM_HIT_POINT)
    jm_map_canvas_draw_point_drag (self, cr);
  else if (self->dragged != NULL && self->drag_moved)
    jm_map_canvas_draw_header_drag (self, cr);
  cairo_destroy (cr);

  if (self->title_entry != NULL && gtk_widget_get_visible (self->title_entry))
    gtk_widget_snapshot_child (widget, self->title_entry, snapshot);
}

static void
jm_map_canvas_dispose (GObject *object)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  jm_map_canvas_set_adjustment (self, &self->hadjustment, NULL);
  jm_map_canvas_set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->dragged);
  g_clear_object (&self->title_item);
  g_clear_pointer (&self->title_entry, gtk_widget_unparent);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->item_nodes, g_hash_table_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jm_map_canvas_parent_class)->dispose (object);
}

static void
jm_map_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_LAYER_MODE:
      g_value_set_int (value, self->layer_mode);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_map_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JmMapCanvas *self = JM_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      jm_map_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      jm_map_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_LAYER_MODE:
      jm_map_canvas_set_layer_mode (self, g_value_get_int (value));
      break;

    case PROP_HADJUSTMENT:
      jm_map_canvas_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      jm_map_canvas_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_map_canvas_class_init (JmMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_map_canvas_dispose;
  object_class->get_property = jm_map_canvas_get_property;
  object_class->set_property = jm_map_canvas_set_property;

  widget_class->snapshot = jm_map_canvas_snapshot;
  widget_class->size_allocate = jm_map_canvas_size_allocate;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         JM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         JM_MAP_CANVAS_MIN_ZOOM, JM_MAP_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAYER_MODE] =
    g_param_spec_int ("layer-mode", NULL, NULL,
                      JM_LAYER_MODE_CURRENT, JM_LAYER_MODE_BOTH, JM_LAYER_MODE_CURRENT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "jm-map-canvas");

  /**
   * JmMapCanvas::selection-changed:
   *
   * Emitted when items, emotion points, a stage or a lane are selected or
   * unselected.
   */
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jm_map_canvas_init (JmMapCanvas *self)
{
  GtkEventController *scroll;
  GtkEventController *key;
  GtkGesture *zoom;
  GtkGesture *drag;
  GtkDropTarget *drop;
  GtkDropTarget *files;
  GtkGesture *click;
  GtkGesture *pan;

  self->zoom = 1.0;
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_nodes = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) gsk_render_node_unref);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (pan, "drag-begin", G_CALLBACK (on_pan_begin_cb), self);
  g_signal_connect_swapped (pan, "drag-update", G_CALLBACK (on_pan_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect_swapped (drop, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (files, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect_swapped (files, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect_swapped (files, "drop", G_CALLBACK (on_files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (files));

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect_swapped (key, "key-released", G_CALLBACK (on_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
jm_map_canvas_new (void)
{
  return g_object_new (JM_TYPE_MAP_CANVAS, NULL);
}

JmDocument *
jm_map_canvas_get_document (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->document;
}

static void
jm_map_canvas_watch_store (JmMapCanvas   *self,
                           JmObjectStore *store)
{
  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* Shows @document, with @layout when one was made for it beforehand. */
static void
jm_map_canvas_show (JmMapCanvas *self,
                    JmDocument  *document,
                    JmLayout    *layout)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->layout);
  g_ptr_array_set_size (self->selection, 0);
  g_hash_table_remove_all (self->item_nodes);

  if (document != NULL)
    {
      if (layout != NULL)
        {
          self->layout = g_object_ref (layout);
          jm_layout_set_mode (self->layout, self->layer_mode);
        }
      else
        self->layout = jm_layout_new (document, self->layer_mode);
      g_signal_connect_object (document, "object-changed", G_CALLBACK (on_document_object_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "object-changed", G_CALLBACK (on_document_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      jm_map_canvas_watch_store (self, jm_document_get_stages (document));
      jm_map_canvas_watch_store (self, jm_document_get_lanes (document));
      jm_map_canvas_watch_store (self, jm_document_get_personas (document));
      for (guint i = 0; i < JM_N_LAYER_STATES; i++)
        {
          JmLayer *layer = jm_document_get_layer (document, i);

          jm_map_canvas_watch_store (self, jm_layer_get_items (layer));
          jm_map_canvas_watch_store (self, jm_layer_get_points (layer));
          jm_map_canvas_watch_store (self, jm_layer_get_links (layer));
        }
    }

  jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

void
jm_map_canvas_set_document (JmMapCanvas *self,
                            JmDocument  *document)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (!document || JM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  jm_map_canvas_show (self, document, NULL);
}

/**
 * jm_map_canvas_set_layout:
 * @layout: a layout made beforehand, see jm_layout_new_in_worker ()
 *
 * Shows the document of @layout, drawn with @layout, which from now on
 * follows the canvas's layer mode.
 */
void
jm_map_canvas_set_layout (JmMapCanvas *self,
                          JmLayout    *layout)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (JM_IS_LAYOUT (layout));

  if (self->layout == layout)
    return;

  jm_map_canvas_show (self, jm_layout_get_document (layout), layout);
}

/**
 * jm_map_canvas_get_layout:
 *
 * Returns: (transfer none) (nullable): the geometry of the map shown
 */
JmLayout *
jm_map_canvas_get_layout (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->layout;
}

double
jm_map_canvas_get_zoom (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), 1.0);

  return self->zoom;
}

void
jm_map_canvas_set_zoom (JmMapCanvas *self,
                        double       zoom)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  jm_map_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * jm_map_canvas_zoom_at:
 * @widget_x: the point that stays in place, in widget coordinates
 *
 * Zooms keeping the map point under (@widget_x, @widget_y) where it is.
 */
void
jm_map_canvas_zoom_at (JmMapCanvas *self,
                       double       zoom,
                       double       widget_x,
                       double       widget_y)
{
  double map_x, map_y;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  zoom = CLAMP (zoom, JM_MAP_CANVAS_MIN_ZOOM, JM_MAP_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  jm_map_canvas_widget_to_map (self, widget_x, widget_y, &map_x, &map_y);
  self->zoom = zoom;
  jm_map_canvas_update_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, map_x * zoom - widget_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, map_y * zoom - widget_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

void
jm_map_canvas_zoom_to_fit (JmMapCanvas *self)
{
  double width, height, zoom;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->layout == NULL)
    return;

  jm_layout_get_size (self->layout, &width, &height);
  if (width <= 0 || height <= 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  zoom = MIN (gtk_widget_get_width (GTK_WIDGET (self)) / width,
              gtk_widget_get_height (GTK_WIDGET (self)) / height);
  jm_map_canvas_set_zoom (self, zoom);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

JmLayerMode
jm_map_canvas_get_layer_mode (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), JM_LAYER_MODE_CURRENT);

  return self->layer_mode;
}

void
jm_map_canvas_set_layer_mode (JmMapCanvas *self,
                              JmLayerMode  mode)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->layer_mode == mode)
    return;

  self->layer_mode = mode;
  g_hash_table_remove_all (self->item_nodes);
  if (self->layout != NULL)
    jm_layout_set_mode (self->layout, mode);

  jm_map_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYER_MODE]);
}

void
jm_map_canvas_widget_to_map (JmMapCanvas *self,
                             double       widget_x,
                             double       widget_y,
                             double      *map_x,
                             double      *map_y)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  *map_x = (widget_x + jm_map_canvas_scroll_x (self)) / self->zoom;
  *map_y = (widget_y + jm_map_canvas_scroll_y (self)) / self->zoom;
}

/**
 * jm_map_canvas_get_stack:
 *
 * Returns: (transfer none) (nullable): the history edits are pushed on
 */
JmCommandStack *
jm_map_canvas_get_stack (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->stack;
}

void
jm_map_canvas_set_stack (JmMapCanvas    *self,
                         JmCommandStack *stack)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  g_set_object (&self->stack, stack);
}

/**
 * jm_map_canvas_get_selection:
 *
 * Returns: (transfer none) (element-type JmObject): the selected items
 *   and emotion points
 */
GPtrArray *
jm_map_canvas_get_selection (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->selection;
}

/**
 * jm_map_canvas_select:
 * @extend: add to the selection (Shift+click) instead of replacing it
 */
void
jm_map_canvas_select (JmMapCanvas *self,
                      JmObject    *object,
                      gboolean     extend)
{
  guint index;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));
  g_return_if_fail (JM_IS_OBJECT (object));

  if (!extend)
    g_ptr_array_set_size (self->selection, 0);

  if (g_ptr_array_find (self->selection, object, &index))
    g_ptr_array_remove_index (self->selection, index);
  else
    g_ptr_array_add (self->selection, g_object_ref (object));

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

void
jm_map_canvas_clear_selection (JmMapCanvas *self)
{
  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->selection->len == 0)
    return;

  g_ptr_array_set_size (self->selection, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

/**
 * jm_map_canvas_delete_selection:
 *
 * Deletes the selected items (with their links) and emotion points, as
 * one step.
 */
gboolean
jm_map_canvas_delete_selection (JmMapCanvas  *self,
                                GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JmLayerState state;
  JmLayer *layer;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);

  if (self->stack == NULL || self->selection->len == 0)
    return TRUE;

  state = jm_map_canvas_state (self);
  layer = jm_document_get_layer (self->document, state);
  /* Items first, then points, then stages and lanes, which take their
   * remaining items and points with them. */
  for (guint i = 0; i < self->selection->len; i++)
    {
      if (JM_IS_ITEM (self->selection->pdata[i]))
        g_ptr_array_add (items, self->selection->pdata[i]);
    }

  jm_command_stack_begin_group (self->stack, _("Delete"));
  ok = jm_edit_delete_items (self->stack, state, items, error);
  for (guint i = 0; ok && i < self->selection->len; i++)
    {
      JmObject *object = self->selection->pdata[i];

      if (JM_IS_EMOTION_POINT (object))
        ok = jm_edit_delete_object (self->stack, jm_layer_get_points (layer), object, error);
      else if (JM_IS_LINK (object) && jm_object_store_find (jm_layer_get_links (layer), object, NULL))
        ok = jm_edit_delete_object (self->stack, jm_layer_get_links (layer), object, error);
    }
  for (guint i = 0; ok && i < self->selection->len; i++)
    {
      JmObject *object = self->selection->pdata[i];

      if (JM_IS_STAGE (object))
        ok = jm_edit_delete_stage (self->stack, JM_STAGE (object), error);
      else if (JM_IS_PERSONA (object))
        ok = jm_edit_delete_persona (self->stack, JM_PERSONA (object), error);
      else if (JM_IS_LANE (object))
        ok = jm_edit_delete_lane (self->stack, JM_LANE (object), error);
    }

  if (ok)
    jm_command_stack_end_group (self->stack);
  else
    jm_command_stack_cancel_group (self->stack);

  if (ok)
    jm_map_canvas_clear_selection (self);
  return ok;
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

  if (self->layout == NULL || !jm_map_canvas_object_rect (self, object, &rect))
    return FALSE;

  *widget_x = (rect.x + rect.width / 2) * self->zoom - jm_map_canvas_scroll_x (self);
  *widget_y = (rect.y + rect.height / 2) * self->zoom - jm_map_canvas_scroll_y (self);
  return TRUE;
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

  jm_map_canvas_edit_title (self, item);
}

/**
 * jm_map_canvas_get_title_entry:
 *
 * Returns: (transfer none) (nullable): the in-place title editor, for tests
 */
GtkWidget *
jm_map_canvas_get_title_entry (JmMapCanvas *self)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return self->title_entry;
}

/**
 * jm_map_canvas_scroll_to_object:
 *
 * Scrolls so that @object is in view, a third from the top left.
 */
void
jm_map_canvas_scroll_to_object (JmMapCanvas *self,
                                JmObject    *object)
{
  JmRect rect;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  if (self->layout == NULL || !jm_map_canvas_object_rect (self, object, &rect))
    return;

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, rect.x * self->zoom - gtk_widget_get_width (GTK_WIDGET (self)) / 3.0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, rect.y * self->zoom - gtk_widget_get_height (GTK_WIDGET (self)) / 3.0);
}

/**
 * jm_map_canvas_zoom_to_selection:
 *
 * Zooms so that the selected items and points fill the view.
 */
void
jm_map_canvas_zoom_to_selection (JmMapCanvas *self)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  double width, height, zoom;
  const double margin = 24;

  g_return_if_fail (JM_IS_MAP_CANVAS (self));

  for (guint i = 0; self->layout != NULL && i < self->selection->len; i++)
    {
      JmRect rect;

      if (!jm_map_canvas_object_rect (self, self->selection->pdata[i], &rect))
        continue;
      left = MIN (left, rect.x);
      top = MIN (top, rect.y);
      right = MAX (right, rect.x + rect.width);
      bottom = MAX (bottom, rect.y + rect.height);
    }

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (right < left || width <= 0 || height <= 0)
    return;

  zoom = MIN ((width - 2 * margin) / (right - left), (height - 2 * margin) / (bottom - top));
  jm_map_canvas_set_zoom (self, MIN (zoom, 2.0));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, left * self->zoom - margin);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, top * self->zoom - margin);
}

/**
 * jm_map_canvas_drop_files:
 * @files: (element-type GFile): files, as from the file manager
 *
 * What a drop of files at (@map_x, @map_y) does, for tests and keyboard
 * use: pictures become image items, maps open.
 *
 * Returns: %TRUE if anything was added or opened
 */
gboolean
jm_map_canvas_drop_files (JmMapCanvas *self,
                          GSList      *files,
                          double       map_x,
                          double       map_y)
{
  g_auto(GValue) value = G_VALUE_INIT;
  double x, y;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  x = map_x * self->zoom - jm_map_canvas_scroll_x (self);
  y = map_y * self->zoom - jm_map_canvas_scroll_y (self);
  return on_files_dropped_cb (self, &value, x, y, NULL);
}

/**
 * jm_map_canvas_add_from_palette:
 * @payload: a palette entry's payload (JM_PALETTE_PREFIX…)
 *
 * Adds what a palette entry stands for without a drag: at the end of the
 * cell of the selected item (or on it, for a Moment of Truth), else in the
 * first cell.
 *
 * Returns: %TRUE if something was added
 */
gboolean
jm_map_canvas_add_from_palette (JmMapCanvas  *self,
                                const char   *payload,
                                GError      **error)
{
  JmObjectStore *stages, *lanes;
  JmHit hit = { JM_HIT_CELL };
  double x = 0, y = 0;
  JmRect cell;

  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), FALSE);
  g_return_val_if_fail (g_str_has_prefix (payload, JM_PALETTE_PREFIX), FALSE);

  if (self->document == NULL || self->stack == NULL)
    return FALSE;

  stages = jm_document_get_stages (self->document);
  lanes = jm_document_get_lanes (self->document);
  if (self->selection->len > 0 && JM_IS_ITEM (self->selection->pdata[0]))
    {
      JmItem *item = self->selection->pdata[0];

      hit.kind = JM_HIT_ITEM;
      hit.object = JM_OBJECT (item);
      hit.stage = jm_document_lookup_stage (self->document, jm_item_get_stage_id (item));
      hit.lane = jm_document_lookup_lane (self->document, jm_item_get_lane_id (item));
    }
  else
    {
      hit.stage = jm_object_store_get_object (stages, 0);
      hit.lane = jm_object_store_get_object (lanes, 0);
    }
  hit.index_in_cell = G_MAXINT;

  /* An emotion point goes to the middle of that stage, at a neutral score. */
  if (hit.stage != NULL && hit.lane != NULL && jm_layout_get_cell_rect (self->layout, hit.stage, hit.lane, &cell))
    x = cell.x + cell.width / 2;
  if (!jm_layout_score_to_y (self->layout, 0.0, &y))
    y = 0;

  return jm_map_canvas_drop_palette (self, payload + strlen (JM_PALETTE_PREFIX), &hit, x, y, error);
}

/**
 * jm_map_canvas_peek_item_node:
 *
 * Returns: (transfer none) (nullable): the render node kept for @item, if
 *   it was drawn since it last changed; for tests
 */
GskRenderNode *
jm_map_canvas_peek_item_node (JmMapCanvas *self,
                              JmItem      *item)
{
  g_return_val_if_fail (JM_IS_MAP_CANVAS (self), NULL);

  return g_hash_table_lookup (self->item_nodes, item);
}
