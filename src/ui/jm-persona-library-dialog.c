/* jm-persona-library-dialog.c: add a persona of the library to the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library's personas, each with its photo (or initials), name and
 * role, read in a worker (photos can be large) and searched as the
 * designer types; activating one adds a copy of it to the map, as one
 * undo step, and closes the dialog.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-persona-library-dialog.h"

#include <glib/gi18n-lib.h>

#include "library/jm-persona-library.h"
#include "jm-accessibility.h"
#include "jm-alert.h"

struct _JmPersonaLibraryDialog
{
  AdwWindow       parent_instance;

  JmCommandStack *stack;
  char           *dir;
  GCancellable   *cancellable;
  GPtrArray      *entries;    /* JmDocument, one per row; NULL while read */

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkStack       *stack_pages;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (JmPersonaLibraryDialog, jm_persona_library_dialog, ADW_TYPE_WINDOW)

enum {
  PERSONA_ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The photo of @persona for its avatar, or %NULL for its initials. */
static GdkTexture *
persona_texture (JmPersona *persona)
{
  GBytes *photo = jm_persona_get_photo (persona);

  if (photo == NULL)
    return NULL;

  /* The reader checked the picture; a texture it cannot make is shown as
   * initials rather than refused. */
  return gdk_texture_new_from_bytes (photo, NULL);
}

static GtkWidget *
create_row (JmDocument *entry)
{
  JmPersona *persona = jm_persona_library_get_persona (entry);
  const char *name = jm_persona_get_name (persona);
  const char *role = jm_persona_get_role (persona);
  g_autoptr(GdkTexture) texture = persona_texture (persona);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (40, name, TRUE);

  if (texture != NULL)
    adw_avatar_set_custom_image (ADW_AVATAR (avatar), GDK_PAINTABLE (texture));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : _("Unnamed"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (role != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "jm-entry", entry);

  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  JmPersonaLibraryDialog *self = user_data;

  return jm_persona_library_matches (g_object_get_data (G_OBJECT (row), "jm-entry"),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The rows the search shows, in their order. */
static GPtrArray *
shown_rows (JmPersonaLibraryDialog *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
        g_ptr_array_add (rows, child);
    }
  return rows;
}

static void
jm_persona_library_dialog_show_page (JmPersonaLibraryDialog *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (self->entries == NULL)
    gtk_stack_set_visible_child_name (self->stack_pages, "loading");
  else if (self->entries->len == 0)
    gtk_stack_set_visible_child_name (self->stack_pages, "empty");
  else
    {
      rows = shown_rows (self);
      gtk_stack_set_visible_child_name (self->stack_pages, rows->len > 0 ? "list" : "no-match");
    }
}

static void
on_search_changed_cb (JmPersonaLibraryDialog *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
  jm_persona_library_dialog_show_page (self);
}

static void
jm_persona_library_dialog_add_entry (JmPersonaLibraryDialog *self,
                                     JmDocument             *entry)
{
  g_autoptr(GError) error = NULL;
  JmPersona *persona;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  persona = jm_persona_library_add_to_map (self->stack, entry, &error);
  if (persona == NULL)
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Add the Persona"), error);
      return;
    }

  g_signal_emit (self, signals [PERSONA_ADDED], 0, persona);
  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_window_present (parent);
}

static void
on_row_activated_cb (JmPersonaLibraryDialog *self,
                     GtkListBoxRow          *row)
{
  jm_persona_library_dialog_add_entry (self, g_object_get_data (G_OBJECT (row), "jm-entry"));
}

/* Enter in the search adds the first persona found. */
static void
on_search_activate_cb (JmPersonaLibraryDialog *self)
{
  jm_persona_library_dialog_add (self, 0);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *entries = jm_persona_library_list (task_data, &problems, cancellable);

  /* A file of the library that cannot be read is left out; the others
   * are what the designer came for. */
  for (guint i = 0; i < problems->len; i++)
    g_message ("persona library: %s", (const char *) problems->pdata[i]);
  g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  JmPersonaLibraryDialog *self;
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Closed meanwhile. */
  if (entries == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = JM_PERSONA_LIBRARY_DIALOG (user_data);
  self->entries = g_steal_pointer (&entries);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list_box, create_row (self->entries->pdata[i]));
  jm_persona_library_dialog_show_page (self);
}

static void
jm_persona_library_dialog_dispose (GObject *object)
{
  JmPersonaLibraryDialog *self = JM_PERSONA_LIBRARY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->dir, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_PERSONA_LIBRARY_DIALOG);

  G_OBJECT_CLASS (jm_persona_library_dialog_parent_class)->dispose (object);
}

static void
jm_persona_library_dialog_finalize (GObject *object)
{
  JmPersonaLibraryDialog *self = JM_PERSONA_LIBRARY_DIALOG (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_persona_library_dialog_parent_class)->finalize (object);
}

static void
jm_persona_library_dialog_class_init (JmPersonaLibraryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_persona_library_dialog_dispose;
  object_class->finalize = jm_persona_library_dialog_finalize;

  /**
   * JmPersonaLibraryDialog::persona-added:
   * @persona: the copy now in the map
   */
  signals [PERSONA_ADDED] =
    g_signal_new ("persona-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JM_TYPE_PERSONA);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-persona-library-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPersonaLibraryDialog, search_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (JmPersonaLibraryDialog, stack_pages));
  gtk_widget_class_bind_template_child (widget_class, JmPersonaLibraryDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
jm_persona_library_dialog_init (JmPersonaLibraryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jm_accessibility_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack_pages, "loading");
}

/**
 * jm_persona_library_dialog_new:
 * @stack: the history of the map the persona goes to
 * @dir: the library's folder (jm_persona_library_default_dir())
 *
 * Returns: (transfer none): the dialog, owned by the window list; the
 *   library is read in a worker meanwhile
 */
JmPersonaLibraryDialog *
jm_persona_library_dialog_new (GtkWindow      *parent,
                               JmCommandStack *stack,
                               const char     *dir)
{
  JmPersonaLibraryDialog *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (JM_TYPE_PERSONA_LIBRARY_DIALOG, "transient-for", parent, NULL);
  self->stack = g_object_ref (stack);
  self->dir = g_strdup (dir);

  /* The task does not keep the dialog: closing it cancels the read. */
  task = g_task_new (NULL, self->cancellable, list_cb, self);
  g_task_set_source_tag (task, jm_persona_library_dialog_new);
  g_task_set_task_data (task, g_strdup (dir), g_free);
  g_task_run_in_thread (task, list_thread);

  return self;
}

/**
 * jm_persona_library_dialog_get_loading:
 *
 * Returns: whether the library is still being read
 */
gboolean
jm_persona_library_dialog_get_loading (JmPersonaLibraryDialog *self)
{
  g_return_val_if_fail (JM_IS_PERSONA_LIBRARY_DIALOG (self), FALSE);

  return self->entries == NULL;
}

/**
 * jm_persona_library_dialog_get_n_shown:
 *
 * Returns: how many personas the search shows
 */
guint
jm_persona_library_dialog_get_n_shown (JmPersonaLibraryDialog *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (JM_IS_PERSONA_LIBRARY_DIALOG (self), 0);

  rows = shown_rows (self);
  return rows->len;
}

/**
 * jm_persona_library_dialog_add:
 * @shown_index: the place of a persona among those the search shows
 *
 * Adds that persona to the map, as activating its row does.
 *
 * Returns: %FALSE when the search shows no persona at that place
 */
gboolean
jm_persona_library_dialog_add (JmPersonaLibraryDialog *self,
                               guint                   shown_index)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (JM_IS_PERSONA_LIBRARY_DIALOG (self), FALSE);

  rows = shown_rows (self);
  if (shown_index >= rows->len)
    return FALSE;

  g_signal_emit_by_name (rows->pdata[shown_index], "activate");
  return TRUE;
}
