/* test-recovery.c: unsaved work survives a crash
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands/jm-edit.h"
#include "ui/jm-application.h"
#include "ui/jm-window.h"

#include "jm-ui-test-utils.h"

static char *map_path;

static gboolean
document_loaded (gpointer data)
{
  return jm_window_get_document (data) != NULL;
}

/* The map as it was saved is back in the window. */
static gboolean
saved_map_shown (gpointer data)
{
  JmCommandStack *stack = jm_window_get_stack (data);

  return stack != NULL && !jm_command_stack_get_modified (stack);
}

static gboolean
has_draft (gpointer data)
{
  g_autoptr(GPtrArray) drafts = jm_draft_store_list (data);

  return drafts->len > 0;
}

/* The child: open the map, change it, wait for the recovery copy, and
 * die the hard way, as a crash or a power cut would end the app. */
static int
crash_after_edit (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  JmApplication *application;
  JmWindow *window;
  JmItem *item;

  gtk_init ();
  adw_init ();
  g_settings_set_uint (settings, "auto-save-delay", 1);

  application = jm_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);
  window = jm_application_create_window (application);
  gtk_window_present (GTK_WINDOW (window));
  jm_window_open_file (window, file);
  jm_ui_test_wait_until (document_loaded, window);

  item = jm_edit_add_item (jm_window_get_stack (window), JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_PAIN_POINT,
                           "stage-arrival", "lane-pain-points", 0, "Lift out of order", NULL);
  g_assert_nonnull (item);
  jm_ui_test_wait_until (has_draft, jm_application_get_draft_store (application));

  kill (getpid (), SIGKILL);
  return 1;
}

static void
test_crash_then_restore (void)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmApplication) application = NULL;
  g_autofree char *contents = NULL;
  const char *argv[] = { g_getenv ("JM_TEST_SELF"), "--crash-after-edit", map_path, NULL };
  GListModel *toplevels;
  JmWindow *restored = NULL;
  int status;
  gsize length;

  g_file_get_contents (map_path, &contents, &length, &error);
  g_assert_no_error (error);
  before = g_bytes_new_take (g_steal_pointer (&contents), length);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* The user's file is as it was: drafts never go beside it. */
  g_file_get_contents (map_path, &contents, &length, &error);
  g_assert_no_error (error);
  after = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (before, after));

  /* The next start offers the changes back. */
  application = jm_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_cmpuint (jm_application_restore_drafts (application), ==, 1);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_WINDOW (toplevel) && jm_window_get_document (JM_WINDOW (toplevel)) != NULL)
        restored = JM_WINDOW (toplevel);
    }
  g_assert_nonnull (restored);
  g_assert_true (jm_command_stack_get_modified (jm_window_get_stack (restored)));
  g_assert_nonnull (jm_window_get_file (restored));
  g_assert_cmpstr (g_file_peek_path (jm_window_get_file (restored)), ==, map_path);
  {
    JmDocument *document = jm_window_get_document (restored);
    g_autoptr(GPtrArray) cell = jm_layer_dup_cell_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                                         "stage-arrival", "lane-pain-points");
    g_assert_cmpstr (jm_item_get_title (cell->pdata[0]), ==, "Lift out of order");
  }

  /* Discarding when the saved map cannot be read keeps the recovered
   * changes and their copy (they were deleted before the read). */
  {
    g_autofree char *away = g_strconcat (map_path, ".away", NULL);
    JmDocument *document = jm_window_get_document (restored);
    JmAlert *dialog;

    g_assert_cmpint (g_rename (map_path, away), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restored), "win.discard-recovered", NULL));
    jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
    dialog = jm_ui_test_find_message_dialog ();
    g_assert_nonnull (strstr (jm_alert_get_body (dialog), "hotel"));
    jm_alert_close (dialog);
    g_assert_true (jm_window_get_document (restored) == document);
    g_assert_true (jm_command_stack_get_modified (jm_window_get_stack (restored)));
    g_assert_true (has_draft (jm_application_get_draft_store (application)));
    g_assert_cmpint (g_rename (away, map_path), ==, 0);
  }

  /* Discarding goes back to the saved map and, once it is read, forgets
   * the draft. Meanwhile the map takes no edit that the read would undo. */
  {
    JmDocument *document = jm_window_get_document (restored);
    JmLayer *current = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
    guint n_items = jm_object_store_get_n_objects (jm_layer_get_items (current));
    guint n_stages = jm_object_store_get_n_objects (jm_document_get_stages (document));

    jm_map_canvas_select (jm_window_get_canvas (restored),
                          jm_object_store_get_object (jm_layer_get_items (current), 0), FALSE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restored), "doc.duplicate", NULL));
    g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_items (current)), ==, n_items + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restored), "win.discard-recovered", NULL));
    gtk_widget_activate_action (GTK_WIDGET (restored), "doc.duplicate", NULL);
    gtk_widget_activate_action (GTK_WIDGET (restored), "doc.add-stage", NULL);
    g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_items (current)), ==, n_items + 1);
    g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (document)), ==, n_stages);
    g_assert_true (jm_window_get_document (restored) == document);
  }
  jm_ui_test_wait_until (saved_map_shown, restored);
  g_assert_false (has_draft (jm_application_get_draft_store (application)));
  {
    JmDocument *document = jm_window_get_document (restored);
    g_autoptr(GPtrArray) cell = jm_layer_dup_cell_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT),
                                                         "stage-arrival", "lane-pain-points");

    g_assert_true (cell->len == 0 || g_strcmp0 (jm_item_get_title (cell->pdata[0]), "Lift out of order") != 0);
  }
  gtk_window_destroy (GTK_WINDOW (restored));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *example = NULL;
  g_autofree char *contents = NULL;
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--crash-after-edit"))
    return crash_after_edit (argv[2]);

  /* Drafts go to the user's data folder: a fresh one, for this test and
   * the child it starts. */
  data_home = g_dir_make_tmp ("jm-recovery-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("JM_TEST_SELF", argv[0], TRUE);

  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  example = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", "hotel-guest-stay.jmap", NULL);
  map_path = g_build_filename (data_home, "hotel.jmap", NULL);
  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (map_path, contents, -1, NULL));

  g_test_add_func ("/ui/recovery/crash-then-restore", test_crash_then_restore);
  status = g_test_run ();

  g_unlink (map_path);
  g_free (map_path);
  return status;
}
