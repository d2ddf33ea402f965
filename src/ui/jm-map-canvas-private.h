/* jm-map-canvas-private.h: what the parts of the canvas share
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jm-inplace-editor.h"
#include "jm-map-canvas.h"
#include "render/jm-renderer.h"

G_BEGIN_DECLS

/* The canvas is one widget written in five files, as gnome-text-editor
 * writes its window, stacked so that calls between them run one way only,
 * downwards:
 *
 *   jm-map-canvas.c           type, properties, signal, the document and
 *                             layout shown, drawing the map and the items'
 *                             render nodes; builds the rest
 *   jm-map-canvas-gestures.c  pointer, pan, zoom and keys
 *   jm-map-canvas-keyboard.c  the keyboard cursor: arrows, Shift, Ctrl,
 *                             Space, Home and End (gestures hands them on)
 *   jm-map-canvas-drops.c     drops from the palette and from files
 *   jm-map-canvas-overlays.c  what the canvas draws over the map
 *                             (selection handles, insertion marks, drag
 *                             previews) and the editor in place
 *   jm-map-canvas-view.c      the view state all of them share: scrolling,
 *                             zoom, coordinates, the state shown, the
 *                             selection, where objects and the drag in
 *                             progress are, refusals reported
 *
 * Each file calls only files below it (gestures calls overlays; drops and
 * overlays call only the view), so no two call each other in a loop. A
 * function two parts need goes down into the view, never up. The instance
 * struct and the functions they share live here. */

/* Where the renderer puts a card's Moment-of-Truth star: its centre, from
 * the card's top right corner, and its radius with its ring. */
#define JM_MOMENT_BADGE_INSET  4.0
#define JM_MOMENT_BADGE_RADIUS 10.5

/* The target an emotion point can be grabbed by, in pixels on screen at
 * any zoom (GNOME's smallest touch target is 24 px). */
#define JM_POINT_TARGET_PIXELS 24.0

/* Movement, in widget pixels, before a press becomes a drag. */
#define JM_DRAG_THRESHOLD 4.0

/* The radius of the handle a link is drawn from: pixels on screen when
 * zoomed out, map units when zoomed in. */
#define JM_LINK_HANDLE_RADIUS 7.0

struct _JmMapCanvas
{
  GtkWidget       parent_instance;

  JmDocument     *document;
  JmCommandStack *stack;
  JmLayout       *layout;
  JmLayerMode     layer_mode;
  double          zoom;
  /* Zoomed to fit, and fitted again when the room changes (a side panel
   * sliding in or out, the window resized) until zoomed otherwise, as
   * image viewers keep "best fit". */
  gboolean        fitted;

  JmSelection    *selection;      /* shared with the window and inspector */

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
  gboolean        rubber_extend; /* Shift held: the band adds to the selection */
  gboolean        linking;     /* dragging a link from the selected item's handle */
  double          pan_x;       /* scroll position when a pan began */
  double          pan_y;
  gboolean        space_held;  /* Space+drag pans, as in drawing apps */
  gboolean        panning;
  JmHit           drop;

  /* The editor in place of a text on the map (JmInplaceEditor), made
   * when first needed; it knows what it edits. */
  GtkWidget      *editor;

  /* The matches of a search, outlined over the map. */
  GPtrArray      *highlights;     /* of JmObject, or NULL */
  gboolean        review_marks;   /* comment badges, conflict marks */

  /* A drop from the palette in progress: the place under the pointer. */
  gboolean        palette_over;
  JmHit           palette_hit;

  /* The keyboard cursor: a cell (stage × lane), an item or emotion point
   * in it, or a header (no lane: the stage's; no stage: the lane's). An
   * item or point carries its own cell, so the cursor follows it when it
   * moves; stage and lane are read from it (_jm_map_canvas_check_cursor). */
  gboolean        cursor_set;
  JmStage        *cursor_stage;
  JmLane         *cursor_lane;
  JmObject       *cursor_object;
  char           *cursor_label;   /* what the accessible label says */
  /* The keys moved the cursor since the last press of a pointer: the
   * focus ring shows (the window's focus-visible flag alone comes and goes
   * with events the canvas takes itself). */
  gboolean        keyboard_used;
  /* The keys are changing the selection: it does not move the cursor. */
  gboolean        keys_select;
  /* Space pressed and not yet used for a pan: its release toggles. */
  gboolean        space_toggle;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
};

/* jm-map-canvas-gestures.c */
void         _jm_map_canvas_init_gestures         (JmMapCanvas           *self);

/* jm-map-canvas-keyboard.c */
void         _jm_map_canvas_init_keyboard         (JmMapCanvas           *self);
gboolean     _jm_map_canvas_cursor_key            (JmMapCanvas           *self,
                                                   guint                  keyval,
                                                   GdkModifierType        state);
void         _jm_map_canvas_toggle_at_cursor      (JmMapCanvas           *self);

/* jm-map-canvas-drops.c */
void         _jm_map_canvas_init_drops            (JmMapCanvas           *self);

/* jm-map-canvas-overlays.c */
void         _jm_map_canvas_draw_overlays         (JmMapCanvas           *self,
                                                   cairo_t               *cr,
                                                   const JmRenderOptions *options);
gboolean     _jm_map_canvas_edit_in_place         (JmMapCanvas           *self,
                                                   gpointer               object);
gboolean     _jm_map_canvas_edit_property_in_place (JmMapCanvas          *self,
                                                    gpointer              object,
                                                    const char           *property);
void         _jm_map_canvas_stop_edit             (JmMapCanvas           *self,
                                                   gboolean               focus_canvas);
gboolean     _jm_map_canvas_commit_edit           (JmMapCanvas           *self,
                                                   gboolean               focus_canvas);
void         _jm_map_canvas_allocate_editor       (JmMapCanvas           *self);

/* jm-map-canvas-view.c */
void         _jm_map_canvas_update_adjustments    (JmMapCanvas           *self);
double       _jm_map_canvas_scroll_x              (JmMapCanvas           *self);
double       _jm_map_canvas_scroll_y              (JmMapCanvas           *self);
JmLayerState _jm_map_canvas_state                 (JmMapCanvas           *self);
void         _jm_map_canvas_report                (JmMapCanvas           *self,
                                                   GError                *error);
gboolean     _jm_map_canvas_object_rect           (JmMapCanvas           *self,
                                                   JmObject              *object,
                                                   JmRect                *rect);
gboolean     _jm_map_canvas_link_handle           (JmMapCanvas           *self,
                                                   double                *x,
                                                   double                *y);
JmRect       _jm_map_canvas_rubber_rect           (JmMapCanvas           *self);
JmEmotionPoint *_jm_map_canvas_point_at           (JmMapCanvas           *self,
                                                   double                 x,
                                                   double                 y);
JmEmotionPoint *_jm_map_canvas_point_label_at     (JmMapCanvas           *self,
                                                   double                 x,
                                                   double                 y);
gboolean     _jm_map_canvas_drag_score            (JmMapCanvas           *self,
                                                   double                *score);
GPtrArray   *_jm_map_canvas_dup_band_items        (JmMapCanvas           *self);
guint        _jm_map_canvas_reorder_target        (JmMapCanvas           *self);
double       _jm_map_canvas_resized_size          (JmMapCanvas           *self);
gboolean     _jm_map_canvas_check_cursor          (JmMapCanvas           *self);
void         _jm_map_canvas_set_cursor            (JmMapCanvas           *self,
                                                   JmStage               *stage,
                                                   JmLane                *lane,
                                                   JmObject              *object,
                                                   gboolean               scroll);
void         _jm_map_canvas_update_accessible     (JmMapCanvas           *self);
void         _jm_map_canvas_clear_cursor          (JmMapCanvas           *self);
gboolean     _jm_map_canvas_cursor_rect           (JmMapCanvas           *self,
                                                   JmRect                *rect);
void         _jm_map_canvas_scroll_into_view      (JmMapCanvas           *self,
                                                   const JmRect          *rect);
JmLane      *_jm_map_canvas_lane_of_kind          (JmMapCanvas           *self,
                                                   JmLaneKind             kind);

G_END_DECLS
