/* jm-benchmark-hooks.c: what the benchmarks ask of the app, in one place
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmarks (tests/bench) steer the app through environment
 * variables; whatever they ask for is done here, so that the window's
 * code has one call where a benchmark may end it, and nothing else.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-benchmark-hooks.h"

#include <unistd.h>

static void
on_frame_painted_cb (GdkFrameClock *clock,
                     GtkWidget     *window)
{
  gdk_display_sync (gtk_widget_get_display (window));
  _exit (0);
}

/**
 * jm_benchmark_hooks_map_shown:
 * @window: the window that now shows a map it read
 * @canvas: the widget that draws the map
 *
 * The startup benchmark measures from launch to the first frame that
 * shows the map: with JOURNEYMAP_QUIT_AFTER_FIRST_FRAME set, the app ends
 * as soon as the display has that frame, without the teardown that a
 * startup figure should not count (the GTK baseline does the same).
 */
void
jm_benchmark_hooks_map_shown (GtkWidget *window,
                              GtkWidget *canvas)
{
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (GTK_IS_WIDGET (canvas));

  if (g_getenv ("JOURNEYMAP_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;

  clock = gtk_widget_get_frame_clock (window);
  if (clock == NULL)
    return;

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_frame_painted_cb), window, 0);
  gtk_widget_queue_draw (canvas);
}
