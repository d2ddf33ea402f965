/* jm-window-view.c: what the window shows of its session's map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Opening page while a map is read, then the map in the canvas,
 * outline and inspector; the title, and which actions apply to what is
 * shown. The parts above (jm-window-files.c, jm-window-actions.c,
 * jm-window.c) show maps through it; it calls only jm-window-state.c
 * below it (see jm-window-private.h).
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/jm-search.h"

#include "jm-alert.h"
#include "jm-benchmark-hooks.h"
#include "jm-window-private.h"

/* The actions that need a map are enabled only while one is shown. */
void
_jm_window_update_actions (JmWindow *self)
{
  /* Not while the map is being replaced by the one read. */
  gboolean has_map = jm_window_get_document (self) != NULL && !jm_map_session_get_loading (self->session);

  g_assert (JM_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.import-csv", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-persona-from-library", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save-persona-to-library", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-selection", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.layer", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save-as", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.undo",
                                 has_map && jm_command_stack_get_can_undo (jm_window_get_stack (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.redo",
                                 has_map && jm_command_stack_get_can_redo (jm_window_get_stack (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.delete", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.cut", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.copy", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.paste", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.duplicate", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.select-all", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.select-none", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.link", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-persona", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-stage", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.add-lane", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.start-future", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.copy-to-future", has_map);
  gtk_widget_set_visible (self->layer_switcher, has_map);
  /* Those that act on the selection need one they fit. */
  _jm_window_update_selection_actions (self);
}

/**
 * _jm_window_update_selection_actions:
 *
 * Enables the actions on the selection when it has what they act on:
 * Delete anything, copies items, Ctrl+L exactly two items, a move cards
 * or a lone stage, lane or emotion point that moves that way. Disabled,
 * their keys fall through and their menu entries are greyed.
 */
void
_jm_window_update_selection_actions (JmWindow *self)
{
  gboolean has_map = jm_window_get_document (self) != NULL && !jm_map_session_get_loading (self->session);
  JmSelection *selection = jm_map_canvas_get_selection (self->canvas);
  guint n = has_map ? g_list_model_get_n_items (G_LIST_MODEL (selection)) : 0;
  JmObject *only = n == 1 ? jm_selection_peek (selection, 0) : NULL;
  guint n_items = 0;

  for (guint i = 0; i < n; i++)
    {
      if (JM_IS_ITEM (jm_selection_peek (selection, i)))
        n_items++;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.delete", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.cut", n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.copy", n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.duplicate", n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.link", n_items == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.move-selection-left", n_items > 0 || JM_IS_STAGE (only));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.move-selection-right", n_items > 0 || JM_IS_STAGE (only));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.move-selection-up",
                                 n_items > 0 || JM_IS_LANE (only) || JM_IS_EMOTION_POINT (only));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.move-selection-down",
                                 n_items > 0 || JM_IS_LANE (only) || JM_IS_EMOTION_POINT (only));
}

static void
jm_window_update_title (JmWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *shown = NULL;
  GFile *file = jm_map_session_get_file (self->session);
  const char *title;

  g_assert (JM_IS_WINDOW (self));

  if (jm_window_get_document (self) == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Journeymap"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Journeymap"));
      return;
    }

  basename = file != NULL ? g_file_get_basename (file) : g_strdup (_("Not saved yet"));
  title = jm_map_session_get_title (self->session);

  /* A dot before the title says there are unsaved changes. */
  if (jm_map_session_get_modified (self->session))
    shown = g_strdup_printf ("• %s", title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

/* The Opening page is no longer waited on. */
void
_jm_window_stop_opening (JmWindow *self)
{
  if (self->opening_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->opening_page), self->opening_tick_id);
  self->opening_tick_id = 0;
}

/* A frame is being drawn with the Opening page in it. */
static gboolean
on_opening_page_tick_cb (GtkWidget     *page,
                         GdkFrameClock *clock,
                         gpointer       user_data)
{
  JmWindow *self = user_data;

  self->opening_page_drawn = TRUE;
  self->opening_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
jm_window_show_opening_page (JmWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "opening");
  self->opening_page_drawn = FALSE;
  if (self->opening_tick_id == 0)
    self->opening_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->opening_page),
                                                          on_opening_page_tick_cb, self, NULL);
}

/* Shows the page @name. From an Opening page that was never drawn (the
 * map was read before the window's next frame, as at startup), without
 * the crossfade: it would fade the map in from a page nobody saw, and the
 * first frame would show that page rather than the map. */
static void
jm_window_show_page (JmWindow   *self,
                     const char *name)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->main_stack);

  if (visible == GTK_WIDGET (self->opening_page) && !self->opening_page_drawn)
    gtk_stack_set_visible_child_full (self->main_stack, name, GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (self->main_stack, name);
}

/* @layout, if not %NULL, was made for the document beforehand. */
static void
jm_window_show_document (JmWindow *self,
                         JmLayout *layout)
{
  g_assert (JM_IS_WINDOW (self));

  jm_map_canvas_set_stack (self->canvas, jm_window_get_stack (self));
  if (layout != NULL)
    jm_map_canvas_set_layout (self->canvas, layout);
  else
    jm_map_canvas_set_document (self->canvas, jm_window_get_document (self));
  jm_inspector_set_stack (self->inspector, jm_window_get_stack (self));
  jm_inspector_set_object (self->inspector, G_OBJECT (jm_window_get_document (self)));
  jm_assistant_panel_set_stack (self->assistant, jm_window_get_stack (self));
  jm_differences_popover_set_document (self->differences_popover, jm_window_get_document (self));
  jm_outline_set_document (self->outline, jm_window_get_document (self),
                           _jm_window_get_shown_state (self));
  jm_insights_panel_set_document (self->insights_panel, jm_window_get_document (self),
                                  jm_window_get_stack (self), _jm_window_get_shown_state (self));
  jm_matrix_view_set_document (self->matrix_view, jm_window_get_document (self),
                               jm_window_get_stack (self), _jm_window_get_shown_state (self));
  jm_window_show_page (self, "map");
  _jm_window_update_actions (self);
  /* The matches were another map's. */
  _jm_window_stop_finding (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* Shows @document, with a new, clean history. */
void
_jm_window_set_document (JmWindow   *self,
                        JmDocument *document)
{
  g_assert (JM_IS_WINDOW (self));

  /* A map being read into the window would replace this one. */
  _jm_window_stop_opening (self);
  jm_map_session_set_document (self->session, document, NULL, NULL);
  jm_window_show_document (self, NULL);
}

/* A toast that says the window shows recovered changes, with a button to
 * go back to the saved map instead. */
static void
jm_window_offer_discard_recovered (JmWindow *self)
{
  g_autofree char *name = _jm_window_dup_map_name (self);
  g_autofree char *message = g_strdup_printf (_("Unsaved changes to “%s” were recovered"), name);
  AdwToast *toast = jm_alert_new_toast (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, C_("recovered changes", "_Discard"));
  adw_toast_set_action_name (toast, "win.discard-recovered");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The most lines an import's warnings show; a file of thousands of
 * misread lines would make a dialog taller than any screen. */
#define MAX_NOTES_SHOWN 20

static void
unref_notes (gpointer  data,
             GClosure *closure)
{
  g_ptr_array_unref (data);
}

static void
on_import_notes_details_cb (AdwToast  *toast,
                            GPtrArray *notes)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "jm-window");
  JmAlert *alert;

  for (guint i = 0; i < notes->len && i < MAX_NOTES_SHOWN; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", (const char *) notes->pdata[i]);
  if (notes->len > MAX_NOTES_SHOWN)
    {
      guint more = notes->len - MAX_NOTES_SHOWN;

      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "…and %u more line", "…and %u more lines", more),
                              more);
    }

  alert = jm_alert_new (_("Read Differently from the Original"), body->str);
  jm_alert_add_response (alert, "close", _("_Close"));
  jm_alert_set_close_response (alert, "close");
  jm_alert_present (alert, window);
}

/**
 * _jm_window_show_import_notes:
 * @notes: (element-type utf8): FILE:LINE: lines an import read differently
 *   from the tool that wrote the file
 *
 * Says that the import went through with warnings, in a toast whose
 * Details button lists them: what Mermaid would have shown differently
 * must not pass unnoticed, but is no error either.
 */
void
_jm_window_show_import_notes (JmWindow  *self,
                              GPtrArray *notes)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (notes == NULL || notes->len == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported with %u warning",
                                          "Imported with %u warnings", notes->len), notes->len);
  toast = jm_alert_new_toast (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  /* The toast may outlive the window's map: it keeps its own lines. */
  g_object_set_data (G_OBJECT (toast), "jm-window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_import_notes_details_cb),
                         g_ptr_array_ref (notes), unref_notes, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A map was read into the session, or could not be. */
static void
on_session_loaded_cb (JmWindow     *self,
                      JmLayout     *layout,
                      const GError *error,
                      JmMapSession *session)
{
  _jm_window_stop_opening (self);
  if (layout == NULL)
    {
      /* Back to what the window showed, recovered changes included. */
      jm_window_show_page (self, jm_window_get_document (self) != NULL ? "map" : "empty");
      _jm_window_update_actions (self);
      if (jm_map_session_get_draft_id (session) != NULL)
        jm_window_offer_discard_recovered (self);
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Open the Map"), error);
      return;
    }

  jm_window_show_document (self, layout);
  _jm_window_add_recent (self);
  _jm_window_show_import_notes (self, jm_map_session_get_import_notes (session));
  jm_benchmark_hooks_map_shown (GTK_WIDGET (self), GTK_WIDGET (self->canvas));
}

static void jm_window_show_match_count (JmWindow *self);

/* After an edit, an undo or a redo, the search runs again: a renamed card
 * may match now, or no longer. The match selected stays on its object
 * while that still matches, and nothing is selected or scrolled to, so
 * the edit goes on undisturbed. */
static void
jm_window_refresh_matches (JmWindow *self)
{
  JmDocument *document = jm_window_get_document (self);
  const char *text = gtk_editable_get_text (self->search_entry);
  g_autoptr(JmObject) current = NULL;
  guint index;
  int old_match = self->match;

  if (document == NULL || text[0] == '\0' || !gtk_search_bar_get_search_mode (self->search_bar))
    return;

  if (self->matches != NULL && self->match >= 0 && (guint) self->match < self->matches->len)
    current = g_object_ref (g_ptr_array_index (self->matches, self->match));

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = jm_search_find (document, _jm_window_get_shown_state (self), text);
  if (current != NULL && g_ptr_array_find (self->matches, current, &index))
    self->match = (int) index;
  else
    self->match = self->matches->len > 0 ? CLAMP (old_match, 0, (int) self->matches->len - 1) : -1;

  jm_map_canvas_set_highlights (self->canvas, self->matches);
  jm_window_show_match_count (self);
}

static void
on_session_changed_cb (JmWindow     *self,
                       JmMapSession *session)
{
  jm_window_update_title (self);
  _jm_window_update_actions (self);
  jm_window_refresh_matches (self);
}

/* Follows the session from the window's construction: its title, its
 * actions and the map once it is read. */
void
_jm_window_init_view (JmWindow *self)
{
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "loaded", G_CALLBACK (on_session_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  /* Save As gives the map another file, and the title its name. */
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (jm_window_update_title), self,
                           G_CONNECT_SWAPPED);

  _jm_window_update_actions (self);
  jm_window_update_title (self);
}

/**
 * jm_window_open_file:
 *
 * Starts loading @file; the map shows when it is read, or an error dialog
 * names the file and the problem.
 */
void
jm_window_open_file (JmWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The last map asked for is the one shown. */
  jm_map_session_load (self->session, file, jm_map_canvas_get_layer_mode (self->canvas));

  name = g_file_get_basename (file);
  adw_status_page_set_description (self->opening_page, name);
  jm_window_show_opening_page (self);
  _jm_window_update_actions (self);
}

/**
 * jm_window_restore_draft:
 * @document: the recovered map
 * @file: (nullable): the file it belongs to
 * @draft_id: the draft it came from, which further changes update
 *
 * Shows a map recovered after a crash as unsaved, and offers to discard
 * the recovered changes.
 */
void
jm_window_restore_draft (JmWindow   *self,
                         JmDocument *document,
                         GFile      *file,
                         const char *draft_id)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  _jm_window_stop_opening (self);
  jm_map_session_restore_draft (self->session, document, file, draft_id);
  jm_window_show_document (self, NULL);
  jm_window_offer_discard_recovered (self);
}

/* "2 of 5": which match is selected, of how many; nothing while nothing is
 * looked for. */
static void
jm_window_show_match_count (JmWindow *self)
{
  g_autofree char *count = NULL;
  guint n_matches = self->matches != NULL ? self->matches->len : 0;

  if (gtk_editable_get_text (self->search_entry)[0] != '\0')
    /* Translators: the search's match selected, of how many, as in "2 of 5" */
    count = g_strdup_printf (_("%u of %u"), (guint) (self->match + 1), n_matches);
  gtk_label_set_text (self->search_matches, count != NULL ? count : "");
}

/* Selects the match at self->match and scrolls to it. */
static void
jm_window_show_match (JmWindow *self)
{
  JmObject *object;

  jm_window_show_match_count (self);
  if (self->matches == NULL || self->match < 0 || (guint) self->match >= self->matches->len)
    return;

  object = g_ptr_array_index (self->matches, self->match);
  jm_map_canvas_select (self->canvas, object, FALSE);
  jm_map_canvas_scroll_to_object (self->canvas, object);
}

/**
 * _jm_window_find:
 *
 * Finds what the search entry holds in the map shown, outlines every match
 * and, as GNOME's editors do while the text is typed, selects the first.
 */
void
_jm_window_find (JmWindow *self)
{
  JmDocument *document = jm_window_get_document (self);
  const char *text = gtk_editable_get_text (self->search_entry);

  g_assert (JM_IS_WINDOW (self));

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->match = -1;
  if (document != NULL && text[0] != '\0')
    {
      self->matches = jm_search_find (document, _jm_window_get_shown_state (self), text);
      self->match = self->matches->len > 0 ? 0 : -1;
    }

  jm_map_canvas_set_highlights (self->canvas, self->matches);
  jm_window_show_match (self);
}

/**
 * _jm_window_find_step:
 * @step: 1 for the next match, -1 for the previous one
 *
 * Selects the next or previous match, around from the last to the first.
 */
void
_jm_window_find_step (JmWindow *self,
                      int       step)
{
  int n_matches;

  g_assert (JM_IS_WINDOW (self));

  if (self->matches == NULL || self->matches->len == 0)
    return;

  n_matches = (int) self->matches->len;
  self->match = ((self->match + step) % n_matches + n_matches) % n_matches;
  jm_window_show_match (self);
}

/**
 * _jm_window_stop_finding:
 *
 * Forgets the matches and their outlines, and closes the search bar.
 */
void
_jm_window_stop_finding (JmWindow *self)
{
  g_assert (JM_IS_WINDOW (self));

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->match = -1;
  jm_map_canvas_set_highlights (self->canvas, NULL);
  gtk_label_set_text (self->search_matches, "");
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}
