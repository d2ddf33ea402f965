/* jm-map-canvas.h: the widget that shows a journey map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "commands/jm-command-stack.h"
#include "jm-inplace-editor.h"
#include "jm-selection.h"
#include "model/jm-document.h"
#include "render/jm-layout.h"

G_BEGIN_DECLS

#define JM_TYPE_MAP_CANVAS (jm_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (JmMapCanvas, jm_map_canvas, JM, MAP_CANVAS, GtkWidget)

#define JM_MAP_CANVAS_MIN_ZOOM 0.1
#define JM_MAP_CANVAS_MAX_ZOOM 4.0

GtkWidget   *jm_map_canvas_new            (void);
JmDocument  *jm_map_canvas_get_document   (JmMapCanvas *self);
void         jm_map_canvas_set_document   (JmMapCanvas *self,
                                           JmDocument  *document);
void         jm_map_canvas_set_layout     (JmMapCanvas *self,
                                           JmLayout    *layout);
JmCommandStack *jm_map_canvas_get_stack   (JmMapCanvas *self);
void         jm_map_canvas_set_stack      (JmMapCanvas *self,
                                           JmCommandStack *stack);
JmSelection *jm_map_canvas_get_selection (JmMapCanvas *self);
void         jm_map_canvas_select         (JmMapCanvas *self,
                                           JmObject    *object,
                                           gboolean     extend);
void         jm_map_canvas_clear_selection (JmMapCanvas *self);
void         jm_map_canvas_select_all     (JmMapCanvas *self);
gboolean     jm_map_canvas_delete_selection (JmMapCanvas *self,
                                             GError    **error);
gboolean     jm_map_canvas_move_selection (JmMapCanvas *self,
                                           int          dx,
                                           int          dy);
void         jm_map_canvas_scroll_to_object (JmMapCanvas *self,
                                             JmObject    *object);
void         jm_map_canvas_set_highlights (JmMapCanvas *self,
                                           GPtrArray   *objects);
GPtrArray   *jm_map_canvas_get_highlights (JmMapCanvas *self);
void         jm_map_canvas_update_review_marks (JmMapCanvas *self,
                                                gboolean     show);
void         jm_map_canvas_edit_item_title (JmMapCanvas *self,
                                            JmItem      *item);
GtkWidget   *jm_map_canvas_get_title_entry (JmMapCanvas *self);
gboolean     jm_map_canvas_edit_in_place  (JmMapCanvas *self,
                                           gpointer     object);
JmInplaceEditor *jm_map_canvas_get_inplace_editor (JmMapCanvas *self);
gboolean     jm_map_canvas_get_drag_score (JmMapCanvas *self,
                                           double      *score);
gboolean     jm_map_canvas_get_object_center (JmMapCanvas *self,
                                              JmObject    *object,
                                              double      *widget_x,
                                              double      *widget_y);
JmLayout    *jm_map_canvas_get_layout     (JmMapCanvas *self);
double       jm_map_canvas_get_zoom       (JmMapCanvas *self);
void         jm_map_canvas_set_zoom       (JmMapCanvas *self,
                                           double       zoom);
void         jm_map_canvas_zoom_at        (JmMapCanvas *self,
                                           double       zoom,
                                           double       widget_x,
                                           double       widget_y);
void         jm_map_canvas_zoom_to_fit    (JmMapCanvas *self);
void         jm_map_canvas_zoom_to_selection (JmMapCanvas *self);
GskRenderNode *jm_map_canvas_peek_item_node (JmMapCanvas *self,
                                             JmItem      *item);
gboolean     jm_map_canvas_add_from_palette (JmMapCanvas  *self,
                                             const char   *payload,
                                             GError      **error);
gboolean     jm_map_canvas_drop_files     (JmMapCanvas *self,
                                           GSList      *files,
                                           double       map_x,
                                           double       map_y);
JmLayerMode  jm_map_canvas_get_layer_mode (JmMapCanvas *self);
void         jm_map_canvas_set_layer_mode (JmMapCanvas *self,
                                           JmLayerMode  mode);
void         jm_map_canvas_widget_to_map  (JmMapCanvas *self,
                                           double       widget_x,
                                           double       widget_y,
                                           double      *map_x,
                                           double      *map_y);
JmObject    *jm_map_canvas_get_cursor     (JmMapCanvas *self,
                                           JmStage    **stage,
                                           JmLane     **lane);
const char  *jm_map_canvas_get_cursor_label (JmMapCanvas *self);

G_END_DECLS
