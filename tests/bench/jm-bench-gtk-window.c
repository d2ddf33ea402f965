/* jm-bench-gtk-window.c: the startup of a minimal GTK 4 window
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of the startup benchmark: an application that opens one
 * empty window of the size of Journeymap's and ends as soon as the display
 * has its first frame, as `JOURNEYMAP_QUIT_AFTER_FIRST_FRAME=1 journeymap MAP`
 * does.
 */

#include <gtk/gtk.h>
#include <unistd.h>

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GtkApplication *application)
{
  gdk_display_sync (gdk_display_get_default ());
  _exit (0);
}

static void
on_map_cb (GtkWidget      *window,
           GtkApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), application);
}

static void
on_activate_cb (GtkApplication *application)
{
  GtkWidget *window = gtk_application_window_new (application);

  gtk_window_set_title (GTK_WINDOW (window), "Minimal GTK window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application =
    gtk_application_new ("io.github.journeymap.BenchMinimalWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
