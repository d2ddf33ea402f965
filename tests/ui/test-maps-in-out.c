/* test-maps-in-out.c: Mermaid diagrams and spreadsheets in the window
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "interop/jm-csv.h"
#include "library/jm-persona-library.h"
#include "ui/jm-export-dialog.h"
#include "ui/jm-persona-library-dialog.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

/* A task past Mermaid's scores (9) is kept with a warning on its line. */
static const char mermaid_journey[] =
  "journey\n"
  "  title Weekend trip\n"
  "  section Plan\n"
  "    Search hotels: 5: Ana, Ben\n"
  "    Compare prices: 9: Ana\n"
  "  section Travel\n"
  "    Train: 3: Ana\n";

static gboolean
document_is_not (gpointer data)
{
  gpointer *pair = data;

  return jm_window_get_document (pair[0]) != NULL && jm_window_get_document (pair[0]) != pair[1];
}

static guint
count_items (JmDocument *document)
{
  return jm_object_store_get_n_objects (jm_layer_get_items (jm_document_get_layer (document,
                                                                                   JM_LAYER_STATE_CURRENT)));
}

static char *
write_file (JmMapFixture *fixture,
            const char   *name,
            const char   *contents,
            gssize        length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* Open of a Mermaid diagram makes a new map that is not saved anywhere:
 * no file, unsaved (Save asks for a name, closing asks first), named
 * by the diagram's title; what Mermaid shows differently is kept, and
 * said in a toast whose lines start FILE:LINE:. */
static void
test_open_mermaid (JmMapFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "trip.mmd", mermaid_journey, -1);
  g_autofree char *expected_line = g_strdup_printf ("%s:5:", path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer wait[2] = { fixture->window, jm_window_get_document (fixture->window) };
  JmDocument *document;
  JmMapSession *session;
  GPtrArray *notes;

  jm_window_open_file (fixture->window, file);
  jm_ui_test_wait_until (document_is_not, wait);
  jm_ui_test_wait_until_map_shown (fixture->window);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));

  document = jm_window_get_document (fixture->window);
  session = jm_window_get_session (fixture->window);
  g_assert_cmpstr (jm_document_get_title (document), ==, "Weekend trip");
  g_assert_null (jm_window_get_file (fixture->window));
  g_assert_true (jm_map_session_get_modified (session));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (document)), ==, 2);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_personas (document)), ==, 2);
  g_assert_cmpuint (count_items (document), ==, 3);

  notes = jm_map_session_get_import_notes (session);
  g_assert_nonnull (notes);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_true (g_str_has_prefix (notes->pdata[0], expected_line));
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (fixture->window), "Imported with 1 warning"));

  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "open-mermaid.png");

    g_assert_nonnull (png);
  }
  jm_map_session_forget_draft (session);
  g_unlink (path);
}

/* A diagram without a title is named after its file; a Markdown file
 * opens through its ```mermaid block. */
static void
test_open_markdown_named_by_file (JmMapFixture  *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "Checkout notes.md",
                                      "# Notes\n\n```mermaid\njourney\n  section Pay\n    Card: 2: Eve\n```\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer wait[2] = { fixture->window, jm_window_get_document (fixture->window) };
  JmMapSession *session = jm_window_get_session (fixture->window);

  jm_window_open_file (fixture->window, file);
  jm_ui_test_wait_until (document_is_not, wait);
  jm_ui_test_wait_until_map_shown (fixture->window);

  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (fixture->window)), ==, "Checkout notes");
  g_assert_cmpstr (jm_map_session_get_title (session), ==, "Checkout notes");
  g_assert_null (jm_window_get_file (fixture->window));
  g_assert_cmpuint (jm_map_session_get_import_notes (session)->len, ==, 0);
  g_assert_cmpuint (count_items (jm_window_get_document (fixture->window)), ==, 1);
  jm_map_session_forget_draft (session);
  g_unlink (path);
}

static JmWindow *
other_window_with_map (JmWindow *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (g_application_get_default ())); l != NULL;
       l = l->next)
    {
      if (JM_IS_WINDOW (l->data) && l->data != window && jm_window_get_document (l->data) != NULL)
        return l->data;
    }
  return NULL;
}

static gboolean
other_window_shows_map (gpointer data)
{
  return other_window_with_map (data) != NULL;
}

static GdkContentProvider *
on_prepare_file_drag_cb (GtkDragSource *source,
                         double         x,
                         double         y,
                         GFile         *file)
{
  GSList files = { file, NULL };

  return gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, &files);
}

/* A spreadsheet dropped on a window that shows a map opens as a new map
 * in a window of its own, as a dropped .jmap does; the drag is a real
 * one, with the pointer, from a little window of the test's. */
static void
test_drop_csv (JmMapFixture  *fixture,
               gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  g_autoptr(GBytes) csv = jm_csv_write (document, FALSE);
  g_autofree char *path = write_file (fixture, "research.csv", g_bytes_get_data (csv, NULL),
                                      (gssize) g_bytes_get_size (csv));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *source_window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *label = gtk_label_new ("research.csv");
  GtkDragSource *source = gtk_drag_source_new ();
  graphene_point_t from, to;
  JmWindow *opened;

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare_file_drag_cb), file);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  gtk_window_set_child (source_window, label);
  gtk_window_set_default_size (source_window, 160, 60);
  gtk_window_present (source_window);
  jm_ui_test_wait_until_mapped (label);
  jm_ui_test_wait_for_frame (label);

  graphene_point_init (&from, 20, 20);
  graphene_point_init (&to, gtk_widget_get_width (GTK_WIDGET (fixture->window)) / 2.0,
                       gtk_widget_get_height (GTK_WIDGET (fixture->window)) / 2.0);
  jm_ui_test_drag_and_drop (label, &from, GTK_WIDGET (fixture->window), &to);
  jm_ui_test_wait_until (other_window_shows_map, fixture->window);

  opened = other_window_with_map (fixture->window);
  jm_ui_test_wait_until_map_shown (opened);
  g_assert_true (jm_window_get_document (fixture->window) == document);
  g_assert_null (jm_window_get_file (opened));
  g_assert_true (jm_map_session_get_modified (jm_window_get_session (opened)));
  g_assert_cmpstr (jm_document_get_title (jm_window_get_document (opened)), ==, "research");
  g_assert_cmpuint (count_items (jm_window_get_document (opened)), ==, count_items (document));

  gtk_window_destroy (source_window);
  jm_map_session_forget_draft (jm_window_get_session (opened));
  gtk_window_destroy (GTK_WINDOW (opened));
  g_unlink (path);
}

/* File → Import Spreadsheet adds the rows to the open map as one undo
 * step; a file with a bad row is refused with its line, and the map is
 * left as it was. */
static void
test_import_csv_and_undo (JmMapFixture  *fixture,
                          gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  g_autofree char *good = write_file (fixture, "more.csv",
                                      "stage,lane,kind,title\r\n"
                                      "Arrive,Doing,card,Ring the bell\r\n"
                                      "Arrive,Doing,card,Wait\r\n"
                                      "Brand new stage,Doing,card,Leave\r\n", -1);
  g_autofree char *bad = write_file (fixture, "bad.csv",
                                     "stage,lane,kind,title\r\n"
                                     "Arrive,Doing,card,Fine\r\n"
                                     "Arrive,Doing,unicorn,Not a kind\r\n", -1);
  g_autofree char *bad_line = g_strdup_printf ("%s:3:", bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  guint items = count_items (document);
  guint stages = jm_object_store_get_n_objects (jm_document_get_stages (document));
  guint position = jm_command_stack_get_position (stack);
  JmAlert *alert;

  jm_window_import_csv (fixture->window, good_file);
  jm_map_fixture_wait_for_position (stack, position + 1);
  g_assert_true (jm_window_get_document (fixture->window) == document);
  g_assert_cmpuint (count_items (document), ==, items + 3);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (document)), >, stages);
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (fixture->window), "Imported “more.csv”"));
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "import-csv.png");

    g_assert_nonnull (png);
  }

  /* One step back undoes all of it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position);
  g_assert_cmpuint (count_items (document), ==, items);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (document)), ==, stages);

  jm_window_import_csv (fixture->window, bad_file);
  jm_ui_test_wait_until (jm_ui_test_message_dialog_shown, NULL);
  alert = jm_ui_test_find_message_dialog ();
  g_assert_cmpstr (jm_alert_get_heading (alert), ==, "Could Not Import “bad.csv”");
  g_assert_true (g_str_has_prefix (jm_alert_get_body (alert), bad_line));
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position);
  g_assert_cmpuint (count_items (document), ==, items);
  jm_alert_close (alert);
  g_unlink (good);
  g_unlink (bad);
}

static GtkWidget *
template_child (JmExportDialog *dialog,
                const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static gboolean
weak_pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The export dialog offers Mermaid and CSV beside the drawings; the look
 * (background, colours) does not apply to them, and the file written is
 * the core's, the same as `journeymap export -o x.mmd`. */
static void
test_export_dialog_mermaid (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);
  GtkWidget *format_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG,
                                                                     "format_row"));
  GtkWidget *look = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG,
                                                               "look_group"));
  g_autofree char *path = g_build_filename (fixture->dir, "map.mmd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  JmExportOptions options;
  JmExportFormat format;

  gtk_window_present (GTK_WINDOW (dialog));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));

  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row),
                              jm_map_fixture_combo_row_position (format_row, "Spreadsheet (CSV)"));
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_CSV);
  /* A byte order mark is offered for CSV alone, off unless asked for. */
  g_assert_true (gtk_widget_get_visible (template_child (dialog, "bom_row")));
  g_assert_false (options.bom);
  gtk_switch_set_active (GTK_SWITCH (template_child (dialog, "bom_switch")), TRUE);
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_true (options.bom);

  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row),
                              jm_map_fixture_combo_row_position (format_row, "Mermaid journey diagram"));
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_MERMAID);
  g_assert_false (gtk_widget_get_sensitive (look));
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "bom_row")));
  g_assert_false (options.bom);
  jm_ui_test_wait_for_frame (GTK_WIDGET (dialog));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (dialog));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "export-dialog-mermaid.png");

    g_assert_nonnull (png);
  }

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jm_export_dialog_start_export (dialog, file);
  jm_ui_test_wait_until (weak_pointer_cleared, &dialog);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "journey\n"));
  g_assert_nonnull (strstr (contents, "section "));
  g_unlink (path);
}

static void
empty_library (void)
{
  g_autofree char *dir = jm_persona_library_default_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static JmPersonaLibraryDialog *
find_library_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JM_IS_PERSONA_LIBRARY_DIALOG (toplevel))
        return JM_PERSONA_LIBRARY_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
library_read (gpointer data)
{
  JmPersonaLibraryDialog *dialog = find_library_dialog ();

  return dialog != NULL && !jm_persona_library_dialog_get_loading (dialog);
}

static gboolean
library_dialog_gone (gpointer data)
{
  return find_library_dialog () == NULL;
}

/* Save to Library on a persona's page keeps it in the user's library;
 * Add Persona from Library lists the library with photos, names and
 * roles, searches it, and adds a copy to the map as one undo step. */
static void
test_persona_library (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmObjectStore *personas = jm_document_get_personas (document);
  JmInspector *inspector = jm_window_get_inspector (fixture->window);
  g_autofree char *dir = jm_persona_library_default_dir ();
  g_autoptr(GPtrArray) entries = NULL;
  guint n_personas = jm_object_store_get_n_objects (personas);
  guint position = jm_command_stack_get_position (stack);
  JmPersonaLibraryDialog *dialog;
  JmPersona *added;

  empty_library ();
  for (guint i = 0; i < 2; i++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, i);

      jm_map_canvas_select (jm_window_get_canvas (fixture->window), JM_OBJECT (persona), FALSE);
      g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (persona));
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.save-persona-to-library", NULL);
    }
  /* The map is as it was: the library holds copies. */
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position);
  entries = jm_persona_library_list (dir, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "persona-saved-to-library.png");

    g_assert_nonnull (png);
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.add-persona-from-library", NULL);
  jm_ui_test_wait_until (library_read, NULL);
  dialog = find_library_dialog ();
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));
  jm_ui_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_cmpuint (jm_persona_library_dialog_get_n_shown (dialog), ==, 2);
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (dialog));
    g_autofree char *png = jm_ui_test_save_screenshot (texture, "persona-library-dialog.png");

    g_assert_nonnull (png);
  }
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (dialog), "Tom Lindqvist"));

  /* Found by role, whatever the case. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      JM_TYPE_PERSONA_LIBRARY_DIALOG,
                                                                      "search_entry")), "RETIRED");
  g_assert_cmpuint (jm_persona_library_dialog_get_n_shown (dialog), ==, 1);
  g_assert_true (jm_persona_library_dialog_add (dialog, 0));
  jm_ui_test_wait_until (library_dialog_gone, NULL);

  g_assert_cmpuint (jm_object_store_get_n_objects (personas), ==, n_personas + 1);
  added = jm_object_store_get_object (personas, n_personas);
  g_assert_cmpstr (jm_persona_get_name (added), ==, "Tom Lindqvist");
  g_assert_cmpstr (jm_command_stack_get_undo_label (stack), ==, "Add Persona from Library");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position + 1);
  g_assert_true (jm_inspector_get_object (inspector) == G_OBJECT (added));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.undo", NULL);
  g_assert_cmpuint (jm_object_store_get_n_objects (personas), ==, n_personas);
  empty_library ();
}

/* Import Personas from Map keeps every persona of a map file in the
 * library, read in a worker; the map shown does not change. */
static void
test_import_personas (JmMapFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                               "saas-onboarding.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autofree char *dir = jm_persona_library_default_dir ();
  g_autoptr(GPtrArray) entries = NULL;
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  guint position = jm_command_stack_get_position (stack);

  empty_library ();
  jm_window_import_personas (fixture->window, file);
  jm_ui_test_wait_for_label (GTK_WIDGET (fixture->window), "2 personas saved to the library");

  entries = jm_persona_library_list (dir, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (jm_persona_get_name (jm_persona_library_get_persona (entries->pdata[0])), ==, "Marco Rossi");
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, position);
  empty_library ();
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/maps-in-out/open-mermaid", test_open_mermaid);
  jm_map_fixture_add ("/ui/maps-in-out/open-markdown", test_open_markdown_named_by_file);
  jm_map_fixture_add ("/ui/maps-in-out/drop-csv", test_drop_csv);
  jm_map_fixture_add ("/ui/maps-in-out/import-csv-undo", test_import_csv_and_undo);
  jm_map_fixture_add ("/ui/maps-in-out/export-dialog-mermaid", test_export_dialog_mermaid);
  jm_map_fixture_add ("/ui/maps-in-out/persona-library", test_persona_library);
  jm_map_fixture_add ("/ui/maps-in-out/import-personas", test_import_personas);

  return jm_map_fixture_run ();
}
