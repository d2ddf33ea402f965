/* jm-print.c: printing a map through the print dialog
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkPrintOperation around the core's print plan: each page is drawn by
 * the renderer of the canvas and the exports. The dialog has a tab of its
 * own to choose one page or a poster and how many pages across; the print
 * settings (printer, paper, orientation) are kept in GSettings, so the
 * next print starts where the last one ended.
 */

#include "config.h"

#include "jm-print.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "format/jm-format-error.h"
#include "jm-accessibility.h"
#include "jm-alert.h"

#define JM_SETTINGS_SCHEMA "io.github.journeymap.Journeymap"

typedef struct
{
  JmDocument  *document;  /* until its copy is laid out */
  JmLayerMode  layer;
  JmLayout    *layout;
  JmPrintPlan *plan;
  JmPrintMode  mode;
  guint        pages_across;
  GtkWidget   *poster_check;
  GtkWidget   *across_spin;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->layout);
  g_clear_pointer (&job->plan, jm_print_plan_free);
  g_free (job);
}

static void
on_snapshot_laid_out_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GtkPrintOperation) operation = user_data;
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "jm-print-job");
  g_autoptr(GError) error = NULL;

  job->layout = jm_print_snapshot_layout_finish (result, &error);
  /* No copy of a map grown past what a file holds: it prints as it is,
   * live. The writer's output otherwise always reads back (the format
   * tests see to it); should it not, the live map prints too. */
  if (job->layout == NULL)
    {
      if (!g_error_matches (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE))
        g_warning ("Printing the map without a copy of it: %s", error->message);
      job->layout = jm_layout_new (job->document, job->layer);
    }
  g_clear_object (&job->document);
}

/* Pages are counted once the copy of the map is laid out, which may still
 * be going on in the background when the dialog is closed: until then,
 * GTK asks again. */
static gboolean
on_paginate_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width, height;

  if (job->layout == NULL)
    return FALSE;

  jm_layout_get_size (job->layout, &width, &height);
  g_clear_pointer (&job->plan, jm_print_plan_free);
  job->plan = jm_print_plan_new (width, height,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context),
                                 job->mode, job->pages_across);
  gtk_print_operation_set_n_pages (operation, jm_print_plan_get_n_pages (job->plan));
  return TRUE;
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  jm_print_plan_draw_page (job->plan, page, gtk_print_context_get_cairo_context (context), job->layout);
}

static void
on_poster_toggled_cb (GtkCheckButton *poster,
                      GtkWidget      *across)
{
  gtk_widget_set_sensitive (across, gtk_check_button_get_active (poster));
}

/**
 * jm_print_new_layout_tab:
 * @mode: the print mode to start on
 * @pages_across: the poster's pages across to start on
 * @poster_check: (out): the poster choice, read when the dialog applies
 * @across_spin: (out): the pages across, read when the dialog applies
 *
 * The "Layout" tab of the print dialog: the map fitted on one page, or a
 * poster over several. Its controls are named for assistive technologies,
 * as the app's templates are: GTK 4.8 reads a check button made with a
 * mnemonic as "_Fit… Fit…".
 *
 * Returns: (transfer floating): the tab
 */
GtkWidget *
jm_print_new_layout_tab (JmPrintMode   mode,
                         guint         pages_across,
                         GtkWidget   **poster_check,
                         GtkWidget   **across_spin)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *fit = gtk_check_button_new_with_mnemonic (_("_Fit the map on one page"));
  GtkWidget *poster = gtk_check_button_new_with_mnemonic (_("_Poster over several pages, to trim and glue"));
  GtkWidget *across_label = gtk_label_new_with_mnemonic (_("Pages _across"));
  GtkWidget *across = gtk_spin_button_new_with_range (2, JM_PRINT_MAX_PAGES_ACROSS, 1);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (poster), GTK_CHECK_BUTTON (fit));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mode == JM_PRINT_MODE_POSTER ? poster : fit), TRUE);
  jm_accessibility_name_after_mnemonic (fit);
  jm_accessibility_name_after_mnemonic (poster);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (across), MAX (pages_across, 2));
  gtk_label_set_mnemonic_widget (GTK_LABEL (across_label), across);
  gtk_widget_set_halign (across_label, GTK_ALIGN_START);
  gtk_widget_set_margin_start (across_label, 24);
  on_poster_toggled_cb (GTK_CHECK_BUTTON (poster), across);
  g_signal_connect (poster, "toggled", G_CALLBACK (on_poster_toggled_cb), across);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set (grid, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_grid_attach (GTK_GRID (grid), fit, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), poster, 0, 1, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), across_label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), across, 1, 2, 1, 1);

  *poster_check = poster;
  *across_spin = across;
  return grid;
}

static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation,
                            PrintJob          *job)
{
  return G_OBJECT (jm_print_new_layout_tab (job->mode, job->pages_across, &job->poster_check, &job->across_spin));
}

static void
on_custom_widget_apply_cb (GtkPrintOperation *operation,
                           GtkWidget         *widget,
                           PrintJob          *job)
{
  job->mode = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->poster_check)) ? JM_PRINT_MODE_POSTER
                                                                                 : JM_PRINT_MODE_FIT_PAGE;
  job->pages_across = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (job->across_spin));
}

static GSettings *
print_gsettings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, JM_SETTINGS_SCHEMA, TRUE)
                                             : NULL;

  return schema != NULL ? g_settings_new (JM_SETTINGS_SCHEMA) : NULL;
}

/**
 * jm_print_default_page_setup:
 * @remembered: (nullable): the settings of the last print
 * @map_width: the width of the map to print, in layout units
 * @map_height: its height
 *
 * The page a print starts on: the paper of the last print (or GTK's), in
 * the orientation that suits this map (landscape for a map wider than it
 * is tall), whatever the last map printed was.
 *
 * Returns: (transfer full): the page setup
 */
GtkPageSetup *
jm_print_default_page_setup (GtkPrintSettings *remembered,
                             double            map_width,
                             double            map_height)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  GtkPaperSize *paper = remembered != NULL ? gtk_print_settings_get_paper_size (remembered) : NULL;

  if (paper != NULL)
    {
      gtk_page_setup_set_paper_size (page_setup, paper);
      gtk_paper_size_free (paper);
    }
  gtk_page_setup_set_orientation (page_setup, jm_print_map_is_landscape (map_width, map_height)
                                              ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  return page_setup;
}

/* The printer and paper of the last print, or GTK's, turned as the map
 * to print is. */
static void
restore_settings (GtkPrintOperation *operation,
                  double             map_width,
                  double             map_height)
{
  g_autoptr(GSettings) settings = print_gsettings ();
  g_autoptr(GVariant) saved = settings ? g_settings_get_value (settings, "print-settings") : NULL;
  g_autoptr(GtkPrintSettings) print_settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  if (saved != NULL && g_variant_n_children (saved) > 0)
    print_settings = gtk_print_settings_new_from_gvariant (saved);

  page_setup = jm_print_default_page_setup (print_settings, map_width, map_height);
  if (print_settings != NULL)
    {
      /* The dialog starts from the settings' orientation where they
       * have one. */
      gtk_print_settings_set_orientation (print_settings, gtk_page_setup_get_orientation (page_setup));
      gtk_print_operation_set_print_settings (operation, print_settings);
    }
  gtk_print_operation_set_default_page_setup (operation, page_setup);
}

/**
 * jm_print_settings_to_remember:
 *
 * What of a print's settings the next print starts from: the printer,
 * the paper and such, but not the choices made for this one print (its
 * pages, copies and their order), which would surprise on the next.
 *
 * Returns: (transfer full): a copy of @print_settings without them
 */
GtkPrintSettings *
jm_print_settings_to_remember (GtkPrintSettings *print_settings)
{
  static const char * const one_print_only[] = {
    GTK_PRINT_SETTINGS_PRINT_PAGES, GTK_PRINT_SETTINGS_PAGE_RANGES, GTK_PRINT_SETTINGS_PAGE_SET,
    GTK_PRINT_SETTINGS_N_COPIES, GTK_PRINT_SETTINGS_COLLATE, GTK_PRINT_SETTINGS_REVERSE,
  };
  GtkPrintSettings *kept = gtk_print_settings_copy (print_settings);

  for (gsize i = 0; i < G_N_ELEMENTS (one_print_only); i++)
    gtk_print_settings_unset (kept, one_print_only[i]);

  return kept;
}

static void
remember_settings (GtkPrintOperation *operation)
{
  g_autoptr(GSettings) settings = print_gsettings ();
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);
  g_autoptr(GtkPrintSettings) kept = NULL;

  if (settings == NULL || print_settings == NULL)
    return;

  kept = jm_print_settings_to_remember (print_settings);
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (kept));
}

/* @shown: the layout of @document in @layer the window shows, whose size
 * sets the orientation; %NULL lays the map out here to measure it. */
static GtkPrintOperation *
jm_print_operation_new (JmDocument  *document,
                        JmLayerMode  layer,
                        JmLayout    *shown,
                        JmPrintMode  mode,
                        guint        pages_across)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr(JmLayout) measured = NULL;
  double map_width, map_height;

  job->document = g_object_ref (document);
  job->layer = layer;
  job->mode = mode;
  job->pages_across = pages_across;
  g_object_set_data_full (G_OBJECT (operation), "jm-print-job", job, print_job_free);

  gtk_print_operation_set_job_name (operation, jm_document_get_display_title (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The print plan measures pages in points, whatever the printer's
   * resolution. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "paginate", G_CALLBACK (on_paginate_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  if (shown == NULL)
    shown = measured = jm_layout_new (document, layer);
  jm_layout_get_size (shown, &map_width, &map_height);
  restore_settings (operation, map_width, map_height);
  jm_print_snapshot_layout_async (document, layer, NULL, on_snapshot_laid_out_cb, g_object_ref (operation));

  return operation;
}

static void
free_weak_ref (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The window may have been closed while the pages were printing. */
static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GWeakRef                *parent_ref)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (parent_ref);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    remember_settings (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      /* GTK gives a reason; should it not, the heading says it all. */
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "");
      jm_alert_show_error (GTK_WIDGET (parent), _("Could Not Print the Map"), error);
    }
  g_object_unref (operation);
}

/**
 * jm_print_show_dialog:
 * @layer: the state or states to print, as the window shows them
 * @shown: (nullable): the layout of @document in @layer the window shows,
 *   whose size turns the page (measured again when %NULL)
 *
 * Opens the print dialog for @document, on one page fitted to it, turned
 * as the map is; printing goes on in the background and an error, if any,
 * is shown in a dialog.
 */
void
jm_print_show_dialog (GtkWindow   *parent,
                      JmDocument  *document,
                      JmLayerMode  layer,
                      JmLayout    *shown)
{
  GtkPrintOperation *operation = jm_print_operation_new (document, layer, shown, JM_PRINT_MODE_FIT_PAGE, 3);
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "jm-print-job");
  GWeakRef *parent_ref = g_new0 (GWeakRef, 1);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_custom_tab_label (operation, _("Map Layout"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply_cb), job);
  g_weak_ref_init (parent_ref, parent);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_done_cb), parent_ref, free_weak_ref, 0);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
}

/**
 * jm_print_to_pdf:
 *
 * Prints @document into a PDF file through the same print operation as
 * the dialog, without showing it.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
jm_print_to_pdf (GtkWindow   *parent,
                 JmDocument  *document,
                 JmLayerMode  layer,
                 JmPrintMode  mode,
                 guint        pages_across,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = jm_print_operation_new (document, layer, NULL, mode, pages_across);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
