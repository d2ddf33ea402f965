/* jm-inplace-editor.h: an entry laid over a text on the map to edit it
 * where it is
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * JmInplaceEditorEnd:
 * @JM_INPLACE_EDITOR_COMMIT: keep the text (Enter)
 * @JM_INPLACE_EDITOR_CANCEL: drop it (Escape)
 * @JM_INPLACE_EDITOR_NEXT: keep it and edit the next object (Tab)
 * @JM_INPLACE_EDITOR_PREVIOUS: keep it and edit the previous one (Shift+Tab)
 * @JM_INPLACE_EDITOR_FOCUS_LOST: keep it; the focus went elsewhere (a click
 *   on another part of the window) and stays there
 */
typedef enum
{
  JM_INPLACE_EDITOR_COMMIT,
  JM_INPLACE_EDITOR_CANCEL,
  JM_INPLACE_EDITOR_NEXT,
  JM_INPLACE_EDITOR_PREVIOUS,
  JM_INPLACE_EDITOR_FOCUS_LOST,
} JmInplaceEditorEnd;

#define JM_TYPE_INPLACE_EDITOR (jm_inplace_editor_get_type ())

G_DECLARE_FINAL_TYPE (JmInplaceEditor, jm_inplace_editor, JM, INPLACE_EDITOR, GtkWidget)

GtkWidget   *jm_inplace_editor_new               (void);
void         jm_inplace_editor_start             (JmInplaceEditor            *self,
                                                  gpointer                    object,
                                                  const char                 *property);
void         jm_inplace_editor_stop              (JmInplaceEditor            *self);
gpointer     jm_inplace_editor_get_object        (JmInplaceEditor            *self);
const char  *jm_inplace_editor_get_property_name (JmInplaceEditor            *self);
const char  *jm_inplace_editor_get_text          (JmInplaceEditor            *self);
GtkWidget   *jm_inplace_editor_get_entry         (JmInplaceEditor            *self);
void         jm_inplace_editor_set_font          (JmInplaceEditor            *self,
                                                  const PangoFontDescription *font,
                                                  double                      zoom);

G_END_DECLS
