/* test-sidebar.c: the palette beside the map (the outline: test-outline.c)
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "commands/jm-edit.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"
#include "ui/jm-application.h"
#include "ui/jm-palette.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static gboolean
selection_changed_from (gpointer data)
{
  gpointer *pair = data;
  JmSelection *selection = jm_map_canvas_get_selection (pair[0]);

  return g_list_model_get_n_items (G_LIST_MODEL (selection)) > 0 && jm_selection_peek (selection, 0) != pair[1];
}

/* Without a pointer: a palette entry activated adds its kind in the
 * selected item's stage, in the lane for that kind (an opportunity among
 * the opportunities, not the card's actions); an emotion point goes to
 * the curve. */
static void
test_palette_from_keyboard (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmDocument *document = jm_window_get_document (fixture->window);
  JmObjectStore *points = jm_layer_get_points (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  guint n_points = jm_object_store_get_n_objects (points);
  guint before = jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-opportunities", JM_ITEM_KIND_OPPORTUNITY);
  gpointer wait[2] = { canvas, jm_map_fixture_item (fixture, "item-checks-area") };
  GtkWidget *entry;

  jm_map_canvas_select (canvas, wait[1], FALSE);
  entry = jm_map_fixture_palette_entry (fixture, "item:opportunity");
  g_assert_true (GTK_IS_BUTTON (entry));
  /* A button activated from the keyboard clicks after a short animation. */
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);

  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-opportunities", JM_ITEM_KIND_OPPORTUNITY), ==, before + 1);
  g_assert_cmpuint (jm_map_fixture_count_cell (fixture, "stage-consideration", "lane-actions", JM_ITEM_KIND_OPPORTUNITY), ==, 0);
  g_assert_cmpint (jm_item_get_kind (jm_selection_peek (jm_map_canvas_get_selection (canvas), 0)), ==, JM_ITEM_KIND_OPPORTUNITY);

  wait[1] = jm_selection_peek (jm_map_canvas_get_selection (canvas), 0);
  entry = jm_map_fixture_palette_entry (fixture, "emotion-point");
  g_assert_true (gtk_widget_activate (entry));
  jm_ui_test_wait_until (selection_changed_from, wait);
  g_assert_cmpuint (jm_object_store_get_n_objects (points), ==, n_points + 1);
}

/* Checks that @entry adds @kind (of @enum_type) and shows the table's
 * label and pictogram. */
static void
assert_entry_is_kind (JmPaletteEntry *entry,
                      const char     *payload_prefix,
                      const JmKind   *kind)
{
  g_autofree char *payload = g_strconcat (payload_prefix, kind->nick, NULL);
  g_autofree char *icon_name = jm_kind_dup_icon_name (kind);

  g_assert_cmpstr (jm_palette_entry_get_payload (entry), ==, payload);
  g_assert_cmpstr (jm_palette_entry_get_text (entry), ==, jm_kind_get_label (kind));
  g_assert_cmpstr (jm_palette_entry_get_pictogram (entry), ==, icon_name);
}

/* The palette lists, from the kinds table and in its order, every kind of
 * item but touchpoints, then Moment of Truth and Emotion Point, then one
 * touchpoint per channel but None. */
static void
test_palette_entries_from_kinds (void)
{
  g_autoptr(GtkWidget) palette = g_object_ref_sink (jm_palette_new ());
  g_autoptr(GPtrArray) entries = jm_palette_list_entries (JM_PALETTE (palette));
  guint n_item_kinds, n_channels, e = 0;
  const JmKind *item_kinds = jm_kinds_get (JM_TYPE_ITEM_KIND, &n_item_kinds);
  const JmKind *channels = jm_kinds_get (JM_TYPE_CHANNEL, &n_channels);

  g_assert_cmpuint (entries->len, ==, (n_item_kinds - 1) + 2 + (n_channels - 1));

  for (guint i = 0; i < n_item_kinds; i++)
    if (item_kinds[i].value != JM_ITEM_KIND_TOUCHPOINT)
      assert_entry_is_kind (entries->pdata[e++], "item:", &item_kinds[i]);

  g_assert_cmpstr (jm_palette_entry_get_payload (entries->pdata[e]), ==, "moment-of-truth");
  g_assert_cmpstr (jm_palette_entry_get_pictogram (entries->pdata[e++]), ==, "jm-moment-of-truth-symbolic");
  g_assert_cmpstr (jm_palette_entry_get_payload (entries->pdata[e]), ==, "emotion-point");
  g_assert_cmpstr (jm_palette_entry_get_text (entries->pdata[e++]), ==, "Emotion Point");

  for (guint i = 0; i < n_channels; i++)
    if (channels[i].value != JM_CHANNEL_NONE)
      assert_entry_is_kind (entries->pdata[e++], "item:touchpoint:", &channels[i]);

  g_assert_cmpuint (e, ==, entries->len);
  g_assert_null (jm_palette_get_entry (JM_PALETTE (palette), "item:touchpoint:none"));
  g_assert_true (jm_palette_get_entry (JM_PALETTE (palette), "item:touchpoint:web") == entries->pdata[n_item_kinds + 1]);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/palette/entries-from-kinds", test_palette_entries_from_kinds);
  jm_map_fixture_add ("/ui/window/palette-from-keyboard", test_palette_from_keyboard);

  return jm_map_fixture_run ();
}
