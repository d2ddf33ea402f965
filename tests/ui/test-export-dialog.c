/* test-export-dialog.c: exporting from the window
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/jm-comment-private.h"
#include "model/jm-object-store-private.h"
#include "ui/jm-export-dialog.h"
#include "ui/jm-application.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static gboolean
weak_pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWidget *
template_child (JmExportDialog *dialog,
                const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

/* The dialog's rows (jm-export-dialog.ui) give the options: the scale
 * reaches the format's limit and only matters to PNG; the state is the
 * one shown in the window; the switches give the background and colours. */
static void
test_export_dialog_options (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_BOTH);
  GtkSpinButton *scale = GTK_SPIN_BUTTON (template_child (dialog, "scale_spin"));
  GtkAdjustment *range = gtk_spin_button_get_adjustment (scale);
  JmExportOptions options;
  JmExportFormat format;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.mode, ==, JM_LAYER_MODE_BOTH);
  g_assert_cmpfloat (options.scale, ==, 2.0);
  g_assert_false (options.transparent);
  g_assert_cmpint (options.theme, ==, JM_THEME_LIGHT);
  g_assert_cmpfloat (gtk_adjustment_get_lower (range), ==, 0.25);
  g_assert_cmpfloat (gtk_adjustment_get_upper (range), ==, JM_EXPORT_MAX_SCALE);
  g_assert_true (gtk_widget_get_sensitive (template_child (dialog, "scale_row")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (dialog, "format_row")), JM_EXPORT_FORMAT_SVG);
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "scale_row")));
  gtk_spin_button_set_value (scale, JM_EXPORT_MAX_SCALE);
  gtk_switch_set_active (GTK_SWITCH (template_child (dialog, "transparent_switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (template_child (dialog, "dark_switch")), TRUE);
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_SVG);
  g_assert_cmpfloat (options.scale, ==, JM_EXPORT_MAX_SCALE);
  g_assert_true (options.transparent);
  g_assert_cmpint (options.theme, ==, JM_THEME_DARK);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);
}

/* The export dialog: options chosen, the core writes the file in a
 * worker while only Cancel can be used; then the dialog closes. A failed
 * export says why and leaves the dialog open. */
static void
test_export_dialog (JmMapFixture  *fixture,
                    gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);
  g_autofree char *path = g_build_filename (fixture->dir, "export.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no such folder", "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autofree char *contents = NULL;
  GtkWidget *export_button;
  JmExportOptions options;
  JmExportFormat format;
  JmAlert *alert;

  gtk_window_present (GTK_WINDOW (dialog));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (dialog));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "export-dialog.png");

    g_assert_nonnull (png);
  }

  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_PNG);
  g_assert_cmpfloat (options.scale, ==, 2.0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "current");
  g_object_set (template_child (dialog, "format_row"), "selected", JM_EXPORT_FORMAT_PDF, NULL);
  export_button = template_child (dialog, "export_button");

  jm_export_dialog_start_export (dialog, nowhere_file);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Export the Map");
  g_assert_true (gtk_widget_get_sensitive (export_button));
  jm_alert_close (alert);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jm_export_dialog_start_export (dialog, file);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  jm_ui_test_wait_until (weak_pointer_cleared, &dialog);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (path);
}

/* The handout is the format list's last row: a PDF of the cover and a
 * page per stage, exported like the others. */
static void
test_export_dialog_handout (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);
  g_autofree char *path = g_build_filename (fixture->dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *pages = g_strdup_printf ("\nPages:           %u\n", jm_object_store_get_n_objects (
                                              jm_document_get_stages (document)) + 1);
  JmExportOptions options;
  JmExportFormat format;

  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (dialog, "format_row")), 3);
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "scale_row")));
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_HANDOUT);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jm_export_dialog_start_export (dialog, file);
  jm_ui_test_wait_until (weak_pointer_cleared, &dialog);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The cover and one page per stage, as poppler counts them: cairo 1.18
   * compresses the page tree, where "/Count" was plain before. */
  {
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
    g_autofree char *info = NULL;
    const char *argv[] = { pdfinfo, path, NULL };
    int status = -1;

    if (pdfinfo == NULL)
      {
        g_test_skip ("poppler's pdfinfo is not installed (poppler-utils)");
      }
    else
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &info,
                                     NULL, &status, NULL));
        g_assert_cmpint (status, ==, 0);
        g_assert_nonnull (strstr (info, pages));
      }
  }
  g_unlink (path);
}

static void
select_format (JmExportDialog *dialog,
               const char     *label)
{
  GtkWidget *format_row = template_child (dialog, "format_row");

  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), jm_map_fixture_combo_row_position (format_row, label));
}

/* The Comments switch is for drawn formats, Leave out comments for a map
 * copy; each is off at first, greyed out for the other formats, and
 * reaches the options only where it applies. A map copy exported with it
 * has no comment, and the open map keeps its own. */
static void
test_export_dialog_comments (JmMapFixture  *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char     *label;
    JmExportFormat  format;
    gboolean        comments;
    gboolean        leave_out;
  } rows[] = {
    { "PNG image", JM_EXPORT_FORMAT_PNG, TRUE, FALSE },
    { "SVG drawing", JM_EXPORT_FORMAT_SVG, TRUE, FALSE },
    { "PDF document", JM_EXPORT_FORMAT_PDF, TRUE, FALSE },
    { "Handout (PDF)", JM_EXPORT_FORMAT_HANDOUT, TRUE, FALSE },
    { "Mermaid journey diagram", JM_EXPORT_FORMAT_MERMAID, FALSE, FALSE },
    { "Spreadsheet (CSV)", JM_EXPORT_FORMAT_CSV, FALSE, FALSE },
    { "Map copy (.jmap)", JM_EXPORT_FORMAT_JMAP, FALSE, TRUE },
  };
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmComment) comment = jm_comment_new ("comment-export");
  g_autofree char *path = g_build_filename (fixture->dir, "copy.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  GtkWidget *comments_row = template_child (dialog, "comments_row");
  GtkWidget *leave_out_row = template_child (dialog, "leave_out_comments_row");
  GtkSwitch *comments_switch = GTK_SWITCH (template_child (dialog, "comments_switch"));
  GtkSwitch *leave_out_switch = GTK_SWITCH (template_child (dialog, "leave_out_comments_switch"));
  JmExportOptions options;
  JmExportFormat format;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (comments_row)), ==, "Comments");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (comments_row)), ==,
                   "Show the count of open comments and merge conflicts on cards");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (leave_out_row)), ==, "Leave out comments");
  g_assert_false (gtk_switch_get_active (comments_switch));
  g_assert_false (gtk_switch_get_active (leave_out_switch));
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_false (options.comments);
  g_assert_false (options.leave_out_comments);

  gtk_window_present (GTK_WINDOW (dialog));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));
  gtk_switch_set_active (comments_switch, TRUE);
  gtk_switch_set_active (leave_out_switch, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      select_format (dialog, rows[i].label);
      jm_export_dialog_get_options (dialog, &format, &options);
      g_test_message ("%s", rows[i].label);
      g_assert_cmpint (format, ==, rows[i].format);
      g_assert_true (gtk_widget_get_sensitive (comments_row) == rows[i].comments);
      g_assert_true (gtk_widget_get_sensitive (leave_out_row) == rows[i].leave_out);
      g_assert_true (gtk_widget_get_sensitive (template_child (dialog, "layer_row")) ==
                     (rows[i].format != JM_EXPORT_FORMAT_JMAP));
      g_assert_true (options.comments == rows[i].comments);
      g_assert_true (options.leave_out_comments == rows[i].leave_out);
    }
  jm_ui_test_wait_for_frame (GTK_WIDGET (dialog));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (dialog));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "export-dialog-jmap.png");

    g_assert_nonnull (png);
  }

  /* The .jmap row is selected, its switch on. */
  comment->author = g_strdup ("Ana Souza");
  comment->text = g_strdup ("Not for the client's eyes");
  comment->date = g_date_time_new_utc (2026, 3, 4, 15, 30, 0);
  _jm_object_store_append (jm_comments_get (document), JM_OBJECT (comment));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jm_export_dialog_start_export (dialog, file);
  jm_ui_test_wait_until (weak_pointer_cleared, &dialog);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<journey-map"));
  g_assert_null (strstr (contents, "<comment"));
  g_assert_null (strstr (contents, "client's eyes"));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_comments_get (document)), ==, 1);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/export/dialog", test_export_dialog);
  jm_map_fixture_add ("/ui/export/dialog-options", test_export_dialog_options);
  jm_map_fixture_add ("/ui/export/dialog-handout", test_export_dialog_handout);
  jm_map_fixture_add ("/ui/export/dialog-comments", test_export_dialog_comments);

  return jm_map_fixture_run ();
}
