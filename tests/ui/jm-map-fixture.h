/* jm-map-fixture.h: a window with an example map open, for the UI tests
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/jm-application.h"
#include "ui/jm-window.h"

G_BEGIN_DECLS

/* A copy of the grocery example in a folder of its own, open in a window
 * that is mapped and shows the map. The application is the default one,
 * which the test program makes and registers before the tests run. */
typedef struct
{
  char     *dir;
  char     *path;
  JmWindow *window;
} JmMapFixture;

typedef void (*JmMapFixtureFunc) (JmMapFixture  *fixture,
                                  gconstpointer  data);

void jm_map_fixture_add (const char       *path,
                         JmMapFixtureFunc  func);
int  jm_map_fixture_run (void);

void       jm_map_fixture_set_up              (JmMapFixture   *fixture,
                                               gconstpointer   data);
void       jm_map_fixture_tear_down           (JmMapFixture   *fixture,
                                               gconstpointer   data);
JmItem    *jm_map_fixture_item                (JmMapFixture   *fixture,
                                               const char     *id);
void       jm_map_fixture_object_on_screen    (JmMapFixture   *fixture,
                                               JmObject       *object,
                                               int            *x,
                                               int            *y);
void       jm_map_fixture_scroll_to           (JmMapFixture   *fixture,
                                               JmObject       *object);
void       jm_map_fixture_scroll_to_cell      (JmMapFixture   *fixture,
                                               const char     *stage_id,
                                               const char     *lane_id);
void       jm_map_fixture_cell_on_screen      (JmMapFixture   *fixture,
                                               const char     *stage_id,
                                               const char     *lane_id,
                                               int            *x,
                                               int            *y);
void       jm_map_fixture_drag_from_palette   (JmMapFixture   *fixture,
                                               GtkWidget      *entry,
                                               const char     *stage_id,
                                               const char     *lane_id);
gboolean   jm_map_fixture_position_is         (gpointer        data);
void       jm_map_fixture_wait_for_position   (JmCommandStack *stack,
                                               guint           position);
void       jm_map_fixture_click_to_select     (JmMapFixture   *fixture,
                                               JmObject       *object,
                                               int             x,
                                               int             y);
gboolean   jm_map_fixture_is_clean            (gpointer        data);
GtkWidget *jm_map_fixture_palette_entry       (JmMapFixture   *fixture,
                                               const char     *payload);
guint      jm_map_fixture_combo_row_position  (GtkWidget      *row,
                                               const char     *label);
guint      jm_map_fixture_count_cell          (JmMapFixture   *fixture,
                                               const char     *stage_id,
                                               const char     *lane_id,
                                               JmItemKind      kind);
void       jm_map_fixture_map_point_on_screen (JmMapFixture   *fixture,
                                               double          map_x,
                                               double          map_y,
                                               int            *x,
                                               int            *y);

void       jm_map_fixture_wait_for_editor_on     (JmMapFixture   *fixture,
                                               gpointer        object,
                                               const char     *property);
void       jm_map_fixture_wait_for_editor_closed (JmMapFixture   *fixture);
gboolean   jm_map_fixture_editor_is_closed       (JmMapFixture   *fixture);
void       jm_map_fixture_type_into_editor       (JmMapFixture   *fixture,
                                               const char     *text);

G_END_DECLS
