/* jm-window-state.c: what the window holds, as every part of it asks
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lowest part of the window (see jm-window-private.h): its map, file
 * and history, the state edits go to, whether it is taken, its name in
 * messages, the recent maps, and a new window beside it. It calls no other
 * part of the window, so every part may call it.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-window-private.h"

/**
 * jm_window_get_document:
 *
 * Returns: (transfer none) (nullable): the map shown, if any
 */
JmDocument *
jm_window_get_document (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->session != NULL ? jm_map_session_get_document (self->session) : NULL;
}

GFile *
jm_window_get_file (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->session != NULL ? jm_map_session_get_file (self->session) : NULL;
}

/**
 * jm_window_get_stack:
 *
 * Returns: (transfer none) (nullable): the history of the map shown
 */
JmCommandStack *
jm_window_get_stack (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->session != NULL ? jm_map_session_get_stack (self->session) : NULL;
}

/**
 * jm_window_get_session:
 *
 * Returns: (transfer none): the open map: its file, history and how it
 *   was read
 */
JmMapSession *
jm_window_get_session (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);

  return self->session;
}

/* The map's name in messages: its title, or else its file's name. */
char *
_jm_window_dup_map_name (JmWindow *self)
{
  JmDocument *document = jm_window_get_document (self);
  GFile *file = jm_window_get_file (self);
  const char *title = jm_document_get_title (document);

  if ((title == NULL || *title == '\0') && file != NULL)
    return g_file_get_basename (file);
  return g_strdup (jm_document_get_display_title (document));
}

/* The state shown, where edits go: the future one when both are shown. */
JmLayerState
_jm_window_get_shown_state (JmWindow *self)
{
  return jm_layout_get_shown_state (jm_map_canvas_get_layout (self->canvas));
}

/* A window is taken when it shows a map or is opening one: a map made or
 * opened then goes to a new window, and what it shows is never replaced
 * (with unsaved changes, they and their recovery copy would go). */
gboolean
_jm_window_is_taken (JmWindow *self)
{
  return jm_window_get_document (self) != NULL || jm_map_session_get_loading (self->session);
}

/* Maps opened and saved are offered again by the Open Recent menu of
 * every window, the file chooser and the desktop's recent files. */
void
_jm_window_add_recent (JmWindow *self)
{
  GFile *file = jm_window_get_file (self);

  if (file == NULL || self->recent_maps == NULL)
    return;

  jm_recent_maps_add (self->recent_maps, file, jm_document_get_title (jm_window_get_document (self)));
}

/* A new window beside this one, sharing what the application gave it.
 * Made as jm_window_new() makes a window, without calling up into the
 * part that builds it. */
JmWindow *
_jm_window_new_sibling (JmWindow *self)
{
  return g_object_new (JM_TYPE_WINDOW,
                       "application", gtk_window_get_application (GTK_WINDOW (self)),
                       "drafts", self->drafts,
                       "recent-maps", self->recent_maps,
                       NULL);
}
