/* jm-window-private.h: what the parts of the window share
 *
 * The window is one class in three files, as gnome-text-editor splits its
 * EditorWindow: jm-window.c builds it and shows the map (pages, layer,
 * title), jm-window-actions.c holds its actions and when they are
 * enabled, jm-window-files.c the file dialogs and the questions around
 * opening, saving and closing. They share the struct and the functions
 * below, named with a leading underscore.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "session/jm-map-session.h"
#include "jm-differences-popover.h"
#include "jm-palette.h"
#include "jm-recent-maps.h"
#include "jm-window.h"

G_BEGIN_DECLS

struct _JmWindow
{
  AdwApplicationWindow parent_instance;

  /* The map shown: its file, history, recovery copy and loading. */
  JmMapSession    *session;
  JmDraftStore    *drafts;        /* handed to the session when it is made */
  JmRecentMaps    *recent_maps;   /* the app's, shared by its windows */
  guint            opening_tick_id;
  gboolean         opening_page_drawn;
  GCancellable    *cancellable;
  gboolean         close_after_save;
  GtkWindow       *shortcuts_window;
  GtkNativeDialog *file_chooser;  /* the last Open or Save As dialog, kept */

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  AdwStatusPage        *opening_page;
  AdwToastOverlay      *toast_overlay;
  JmMapCanvas          *canvas;
  JmInspector          *inspector;
  JmOutline            *outline;
  JmPalette            *palette;
  GtkRevealer          *inspector_revealer;
  GtkWidget            *layer_switcher;
  GtkWidget            *differences_button;
  JmDifferencesPopover *differences_popover;

  JmLayerMode      layer_mode;
  GSettings       *settings;
  GMenu           *recent_menu;
  GtkMenuButton   *primary_menu_button;
  GMenuModel      *primary_menu;
};

/* jm-window.c */
char     *_jm_window_dup_map_name        (JmWindow        *self);
gboolean  _jm_window_is_taken            (JmWindow        *self);
JmLayerState _jm_window_get_shown_state  (JmWindow        *self);
void      _jm_window_set_document        (JmWindow        *self,
                                          JmDocument      *document);
void      _jm_window_add_recent          (JmWindow        *self);
void      _jm_window_save_size           (JmWindow        *self);
JmWindow *_jm_window_new_sibling         (JmWindow        *self);

/* jm-window-actions.c */
void      _jm_window_class_actions_init  (GtkWidgetClass  *widget_class);
void      _jm_window_update_actions      (JmWindow        *self);

/* jm-window-files.c */
void      _jm_window_open_in_free_window (JmWindow        *self,
                                          GFile           *file);
void      _jm_window_keep_file_chooser   (JmWindow        *self,
                                          GtkNativeDialog *dialog);
void      _jm_window_open_action         (GtkWidget       *widget,
                                          const char      *action_name,
                                          GVariant        *parameter);
void      _jm_window_save_action         (GtkWidget       *widget,
                                          const char      *action_name,
                                          GVariant        *parameter);
gboolean  _jm_window_ask_before_close    (JmWindow        *self);

G_END_DECLS
