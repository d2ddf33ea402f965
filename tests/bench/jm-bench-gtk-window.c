/* jm-bench-gtk-window.c: the startup of a minimal GTK 4 window
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of the startup benchmark: an application that opens one
 * empty window of the size of Journeymap's and ends as soon as the display
 * has its first frame, as `JOURNEYMAP_QUIT_AFTER_FIRST_FRAME=1 journeymap MAP`
 * does.
 *
 * With --libadwaita, the same as a libadwaita application with a header
 * bar, the least a GNOME app shows: what libadwaita alone adds to a
 * startup, printed beside the target's baseline so that the figure can be
 * read.
 */

#include <adwaita.h>
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
present (GtkWidget      *window,
         GtkApplication *application)
{
  gtk_window_set_title (GTK_WINDOW (window), "Minimal window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_activate_cb (GtkApplication *application)
{
  present (gtk_application_window_new (application), application);
}

static void
on_activate_adw_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  present (window, application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--libadwaita"))
    {
      application = GTK_APPLICATION (adw_application_new ("io.github.journeymap.BenchMinimalAdwWindow",
                                                          G_APPLICATION_NON_UNIQUE));
      g_signal_connect (application, "activate", G_CALLBACK (on_activate_adw_cb), NULL);
    }
  else
    {
      application = gtk_application_new ("io.github.journeymap.BenchMinimalWindow", G_APPLICATION_NON_UNIQUE);
      g_signal_connect (application, "activate", G_CALLBACK (on_activate_cb), NULL);
    }

  return g_application_run (G_APPLICATION (application), 1, argv);
}
