/* jm-window-review.c: comparing, merging and reviewing the map with a team
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's side of maps shared as files (src/merge): Compare with
 * File… lists the differences from another copy in a panel and outlines
 * the objects they are about; Merge Changes… merges another copy into the
 * open map, with their common ancestor, as one undoable step; the
 * conflicts panel settles what the merge could not decide, and the
 * comments panel holds the review comments on the selection. Both other
 * copies are read in a worker thread. This part sits between the actions
 * (jm-window-actions.c), which call it, and the file dialogs
 * (jm-window-files.c), which it calls (see jm-window-private.h).
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "io/jm-document-io.h"
#include "merge/jm-diff.h"
#include "merge/jm-merge.h"
#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "jm-alert.h"
#include "jm-window-private.h"

/* What the canvas marks of the review: a sum over the objects with open
 * comments or conflicts, which changes when any of their counts does. */
static void
add_marks_cb (GObject  *owner,
              int       state,
              gpointer  user_data)
{
  guint64 *signature = user_data;
  JmObjectStore *conflicts = jm_conflicts_peek (owner);
  guint64 n_conflicts = conflicts != NULL ? jm_object_store_get_n_objects (conflicts) : 0;
  guint64 n_open = jm_comments_peek (owner) != NULL ? jm_comments_count_open (owner) : 0;

  if (n_conflicts > 0 || n_open > 0)
    *signature += (guint64) (guintptr) owner * (1 + n_open * 65599 + n_conflicts * 31);
}

/**
 * _jm_window_mark_compared:
 *
 * Outlines the compared objects, as the search's matches are (the two
 * share the canvas's highlights: a search closed gives them back).
 */
void
_jm_window_mark_compared (JmWindow *self)
{
  g_autoptr(GPtrArray) objects = NULL;

  if (!jm_compare_panel_is_comparing (self->compare_panel))
    return;

  objects = jm_compare_panel_dup_objects (self->compare_panel);
  jm_map_canvas_set_highlights (self->canvas, objects);
}

static void
jm_window_update_review_sidebar (JmWindow *self)
{
  gtk_widget_set_visible (self->review_sidebar,
                          gtk_widget_get_visible (GTK_WIDGET (self->compare_panel)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->conflicts_panel)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->comments_panel)));
}

/* An edit, undo or redo, or another map: the panels follow, and the
 * canvas draws the cards again whose comments or conflicts changed. */
static void
on_review_session_changed_cb (JmWindow *self)
{
  JmDocument *document = jm_window_get_document (self);
  JmCommandStack *stack = jm_window_get_stack (self);
  guint64 signature = 0;

  if (document != self->compared_document)
    _jm_window_stop_comparing (self);

  jm_conflicts_panel_set_stack (self->conflicts_panel, stack);
  jm_comments_panel_set_stack (self->comments_panel, stack);
  if (jm_compare_panel_is_comparing (self->compare_panel))
    {
      jm_compare_panel_refresh (self->compare_panel);
      _jm_window_mark_compared (self);
    }

  if (document != NULL)
    jm_diff_foreach_owner (document, add_marks_cb, &signature);
  if (signature != self->review_signature)
    {
      self->review_signature = signature;
      jm_map_canvas_update_review_marks (self->canvas, TRUE);
    }

  gtk_widget_set_visible (self->comments_button, document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with-file", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.merge-changes", document != NULL);
}

/* A row of a panel shows its object on the map, selected. */
static void
on_review_object_activated_cb (JmWindow *self,
                               GObject  *object)
{
  if (object == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   jm_alert_new_toast (_("Only the file has this: it is not in this map")));
      return;
    }

  if (!JM_IS_OBJECT (object) || JM_IS_DOCUMENT (object))
    {
      jm_map_canvas_clear_selection (self->canvas);
      return;
    }

  jm_map_canvas_select (self->canvas, JM_OBJECT (object), FALSE);
  jm_map_canvas_scroll_to_object (self->canvas, JM_OBJECT (object));
}

/**
 * _jm_window_init_review:
 *
 * Wires the review panels to the session and the selection.
 */
void
_jm_window_init_review (JmWindow *self)
{
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_review_session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_panel, "object-activated", G_CALLBACK (on_review_object_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conflicts_panel, "object-activated",
                           G_CALLBACK (on_review_object_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comments_panel, "object-activated",
                           G_CALLBACK (on_review_object_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_panel, "notify::visible", G_CALLBACK (jm_window_update_review_sidebar),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conflicts_panel, "notify::visible",
                           G_CALLBACK (jm_window_update_review_sidebar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comments_panel, "notify::visible",
                           G_CALLBACK (jm_window_update_review_sidebar), self, G_CONNECT_SWAPPED);
  jm_comments_panel_set_selection (self->comments_panel, jm_map_canvas_get_selection (self->canvas));
  on_review_session_changed_cb (self);
}

/* Reading other copies {{{ */

typedef struct
{
  GFile      *theirs;
  GFile      *base;      /* NULL when comparing */
  JmDocument *theirs_document;
  JmDocument *base_document;
  JmDocument *document;  /* the open map, when the task began */
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_clear_object (&job->theirs);
  g_clear_object (&job->base);
  g_clear_object (&job->theirs_document);
  g_clear_object (&job->base_document);
  g_clear_object (&job->document);
  g_free (job);
}

static void
read_job_run (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;

  job->theirs_document = jm_document_io_load (job->theirs, NULL, cancellable, &error);
  if (job->theirs_document != NULL && job->base != NULL)
    job->base_document = jm_document_io_load (job->base, NULL, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
jm_window_read_copies (JmWindow            *self,
                       GFile               *theirs,
                       GFile               *base,
                       GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, NULL);
  ReadJob *job = g_new0 (ReadJob, 1);

  job->theirs = g_object_ref (theirs);
  job->base = base != NULL ? g_object_ref (base) : NULL;
  job->document = g_object_ref (jm_window_get_document (self));
  g_task_set_task_data (task, job, read_job_free);
  g_task_set_source_tag (task, jm_window_read_copies);
  g_task_run_in_thread (task, read_job_run);
}

/* The copies read, or %NULL when reading failed (said) or the window has
 * another map by now (the result is of no use). */
static ReadJob *
jm_window_read_copies_finish (JmWindow     *self,
                              GAsyncResult *result,
                              const char   *failure)
{
  g_autoptr(GError) error = NULL;
  ReadJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jm_alert_show_error (GTK_WIDGET (self), failure, error);
      return NULL;
    }

  if (job->document != jm_window_get_document (self))
    return NULL;

  return job;
}

/* }}} */

/* Comparing {{{ */

static void
jm_window_compare_read_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  JmWindow *self = JM_WINDOW (object);
  ReadJob *job = jm_window_read_copies_finish (self, result, _("Could Not Compare with the File"));
  g_autofree char *name = NULL;

  if (job == NULL)
    return;

  name = g_file_get_basename (job->theirs);
  g_set_object (&self->compared_document, job->document);
  jm_compare_panel_compare (self->compare_panel, job->document, job->theirs_document, name);
  _jm_window_mark_compared (self);
}

/**
 * jm_window_compare_with_file:
 * @file: another copy of the map
 *
 * Reads @file in a worker, then lists how the open map differs from it
 * and outlines what the differences are about.
 */
void
jm_window_compare_with_file (JmWindow *self,
                             GFile    *file)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (jm_window_get_document (self) == NULL)
    return;

  jm_window_read_copies (self, file, NULL, jm_window_compare_read_cb);
}

/**
 * _jm_window_stop_comparing:
 *
 * Hides the comparison and its outlines.
 */
void
_jm_window_stop_comparing (JmWindow *self)
{
  if (!jm_compare_panel_is_comparing (self->compare_panel))
    return;

  jm_compare_panel_stop (self->compare_panel);
  g_clear_object (&self->compared_document);
  jm_map_canvas_set_highlights (self->canvas, NULL);
}

static void
jm_window_compare_response_cb (GtkNativeDialog *dialog,
                               int              response,
                               gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) file = _jm_window_dup_chosen_file (dialog, response);

  if (file != NULL)
    jm_window_compare_with_file (self, file);
}

void
_jm_window_compare_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _jm_window_choose_map (JM_WINDOW (widget), _("Compare with File"), _("C_ompare"),
                         G_CALLBACK (jm_window_compare_response_cb));
}

/* }}} */

/* Merging {{{ */

static void
jm_window_merge_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  JmWindow *self = JM_WINDOW (object);
  ReadJob *job = jm_window_read_copies_finish (self, result, _("Could Not Merge the Changes"));
  g_autoptr(JmMergeResult) merged = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *came_in = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (job == NULL || jm_window_get_stack (self) == NULL)
    return;

  merged = jm_merge_into (jm_window_get_stack (self), job->base_document, job->theirs_document, &error);
  if (merged == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Merge the Changes"), error);
      return;
    }

  /* What their copy changed since the ancestor is what came in. */
  changes = jm_diff_documents (job->base_document, job->theirs_document);
  came_in = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change merged", "%u changes merged", changes->len),
                             changes->len);
  if (merged->conflicts->len == 0)
    conflicts = g_strdup (_("no conflicts"));
  else
    conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict to settle",
                                              "%u conflicts to settle", merged->conflicts->len),
                                 merged->conflicts->len);
  /* Translators: how many changes came in, then how many conflicts */
  message = g_strdup_printf (_("%s, %s"), came_in, conflicts);

  toast = jm_alert_new_toast (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * jm_window_merge_file:
 * @theirs: another copy of the map
 * @base: (nullable): the version both started from; %NULL for the map's
 *   file as last saved
 *
 * Reads both in a worker, then merges @theirs into the open map as one
 * undoable step, with a toast that counts the changes and conflicts.
 */
void
jm_window_merge_file (JmWindow *self,
                      GFile    *theirs,
                      GFile    *base)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (theirs));
  g_return_if_fail (base == NULL || G_IS_FILE (base));

  if (base == NULL)
    base = jm_window_get_file (self);
  if (jm_window_get_document (self) == NULL || base == NULL)
    return;

  jm_window_read_copies (self, theirs, base, jm_window_merge_read_cb);
}

static void
jm_window_ancestor_response_cb (GtkNativeDialog *dialog,
                                int              response,
                                gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) base = _jm_window_dup_chosen_file (dialog, response);

  if (base != NULL && self->merge_theirs != NULL)
    jm_window_merge_file (self, self->merge_theirs, base);
  g_clear_object (&self->merge_theirs);
}

static void
jm_window_choose_ancestor (JmWindow *self)
{
  _jm_window_choose_map (self, _("Choose the Version Both Copies Started From"), _("_Merge"),
                         G_CALLBACK (jm_window_ancestor_response_cb));
}

static void
jm_window_ancestor_question_cb (JmAlert    *alert,
                                const char *response,
                                JmWindow   *self)
{
  if (g_str_equal (response, "saved") && self->merge_theirs != NULL)
    {
      jm_window_merge_file (self, self->merge_theirs, NULL);
      g_clear_object (&self->merge_theirs);
    }
  else if (g_str_equal (response, "choose"))
    jm_window_choose_ancestor (self);
  else
    g_clear_object (&self->merge_theirs);
}

/* A merge needs the version both copies started from: the map as last
 * saved, when their copy was made from it, or a file. */
static void
jm_window_merge_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  JmWindow *self = user_data;
  g_autoptr(GFile) theirs = _jm_window_dup_chosen_file (dialog, response);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  JmAlert *alert;

  if (theirs == NULL)
    return;

  g_set_object (&self->merge_theirs, theirs);
  if (jm_window_get_file (self) == NULL)
    {
      jm_window_choose_ancestor (self);
      return;
    }

  name = g_file_get_basename (theirs);
  heading = g_strdup_printf (_("Merge Changes from “%s”"), name);
  alert = jm_alert_new (heading, _("Both copies are compared with the version they started from: this map "
                                   "as last saved, or another file, such as the copy you sent."));
  jm_alert_add_response (alert, "cancel", _("_Cancel"));
  jm_alert_add_response (alert, "choose", _("_Choose File…"));
  jm_alert_add_response (alert, "saved", _("_Use Last Saved"));
  jm_alert_set_response_appearance (alert, "saved", ADW_RESPONSE_SUGGESTED);
  jm_alert_set_default_response (alert, "saved");
  jm_alert_set_close_response (alert, "cancel");
  g_signal_connect (alert, "response", G_CALLBACK (jm_window_ancestor_question_cb), self);
  jm_alert_present (alert, GTK_WIDGET (self));
}

void
_jm_window_merge_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _jm_window_choose_map (JM_WINDOW (widget), _("Merge Changes from File"), _("_Open"),
                         G_CALLBACK (jm_window_merge_response_cb));
}

/* }}} */
