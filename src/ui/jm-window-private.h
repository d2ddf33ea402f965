/* jm-window-private.h: what the parts of the window share
 *
 * The window is one class in five files, as gnome-text-editor splits its
 * EditorWindow: jm-window.c builds and wires it, jm-window-actions.c holds
 * its actions, jm-window-files.c the file dialogs and the questions around
 * opening, saving and closing, jm-window-view.c what it shows of its map
 * (pages, title, which actions apply), jm-window-state.c what it holds.
 * They share the struct and the functions below, named with a leading
 * underscore.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "session/jm-map-session.h"
#include "jm-comments-panel.h"
#include "jm-compare-panel.h"
#include "jm-conflicts-panel.h"
#include "jm-assistant-panel.h"
#include "jm-differences-popover.h"
#include "jm-palette.h"
#include "jm-insights-panel.h"
#include "jm-matrix-view.h"
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
  GtkRevealer          *assistant_revealer;
  JmAssistantPanel     *assistant;
  JmInsightsPanel      *insights_panel;
  GtkRevealer          *insights_revealer;
  GtkWidget            *layer_switcher;
  GtkWidget            *differences_button;
  JmDifferencesPopover *differences_popover;
  GtkSearchBar         *search_bar;
  GtkEditable          *search_entry;
  GtkLabel             *search_matches;

  /* Maps shared as files (jm-window-review.c) */
  GtkWidget            *review_sidebar;
  GtkWidget            *comments_button;
  JmComparePanel       *compare_panel;
  JmConflictsPanel     *conflicts_panel;
  JmCommentsPanel      *comments_panel;
  JmDocument           *compared_document; /* the open map when compared */
  GFile                *merge_theirs;      /* while the ancestor is asked */
  guint64               review_signature;  /* of the marks drawn */

  /* The search's matches, in map order, and the one selected (-1: none). */
  GPtrArray       *matches;
  int              match;

  JmLayerMode      layer_mode;
  GSettings       *settings;
  GMenu           *recent_menu;
  GtkMenuButton   *primary_menu_button;
  GMenuModel      *primary_menu;

  /* The priority matrix, shown in the place of the map */
  JmMatrixView    *matrix_view;
};

/* The parts call one way only, down this list, never up it (so no two
 * parts call each other, directly or around a ring):
 *
 *   jm-window.c          builds and wires; calls every part below
 *   jm-window-actions.c  the actions; calls review, files, view and state
 *   jm-window-review.c   compare, merge, conflicts and comments; calls
 *                        files, view and state
 *   jm-window-files.c    file dialogs and questions; calls view and state
 *   jm-window-view.c     what is shown, the title, which actions apply;
 *                        calls state
 *   jm-window-state.c    what the window holds; calls no other part
 *
 * A part that needs one above it has the function moved down instead. */

/* jm-window-state.c (also jm_window_get_document, _get_file, _get_stack) */
char     *_jm_window_dup_map_name        (JmWindow        *self);
gboolean  _jm_window_is_taken            (JmWindow        *self);
JmLayerState _jm_window_get_shown_state  (JmWindow        *self);
void      _jm_window_add_recent          (JmWindow        *self);
JmWindow *_jm_window_new_sibling         (JmWindow        *self);

/* jm-window-view.c (also jm_window_open_file, _restore_draft) */
void      _jm_window_init_view           (JmWindow        *self);
void      _jm_window_update_actions      (JmWindow        *self);
void      _jm_window_update_selection_actions (JmWindow   *self);
void      _jm_window_set_document        (JmWindow        *self,
                                          JmDocument      *document);
void      _jm_window_stop_opening        (JmWindow        *self);
void      _jm_window_show_import_notes   (JmWindow        *self,
                                          GPtrArray       *notes);

void      _jm_window_find                (JmWindow        *self);
void      _jm_window_find_step           (JmWindow        *self,
                                          int              step);
void      _jm_window_stop_finding        (JmWindow        *self);

/* jm-window-review.c (also jm_window_compare_with_file, _merge_file) */
void      _jm_window_init_review         (JmWindow        *self);
void      _jm_window_stop_comparing      (JmWindow        *self);
void      _jm_window_mark_compared       (JmWindow        *self);
void      _jm_window_compare_action      (GtkWidget       *widget,
                                          const char      *action_name,
                                          GVariant        *parameter);
void      _jm_window_merge_action        (GtkWidget       *widget,
                                          const char      *action_name,
                                          GVariant        *parameter);

/* jm-window-files.c */
void      _jm_window_choose_map          (JmWindow        *self,
                                          const char      *title,
                                          const char      *accept_label,
                                          GCallback        response_cb);
GFile    *_jm_window_dup_chosen_file     (GtkNativeDialog *dialog,
                                          int              response);
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
void      _jm_window_import_personas_action (GtkWidget    *widget,
                                             const char   *action_name,
                                             GVariant     *parameter);
void      _jm_window_import_csv_action   (GtkWidget       *widget,
                                          const char      *action_name,
                                          GVariant        *parameter);

/* jm-window-actions.c */
void      _jm_window_class_actions_init  (GtkWidgetClass  *widget_class);

G_END_DECLS
