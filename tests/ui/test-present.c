/* test-present.c: F5 presents the map stage by stage; keys move; Escape leaves
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "render/jm-slide.h"
#include "ui/jm-map-canvas.h"
#include "ui/jm-presentation.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-ui-test-utils.h"

/* The presentation window, if one is open. */
static JmPresentation *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JM_IS_PRESENTATION (window))
        return JM_PRESENTATION (window);
    }

  return NULL;
}

static gboolean
presentation_shown (gpointer data)
{
  JmPresentation *presentation = find_presentation ();

  return presentation != NULL && gtk_widget_get_mapped (GTK_WIDGET (presentation));
}

static gboolean
presentation_gone (gpointer data)
{
  return find_presentation () == NULL;
}

/* With no window manager on the test's display, nobody gives a new window
 * the keyboard: xdotool does, as GNOME Shell would. */
static void
focus_presentation (void)
{
  jm_ui_test_xdotool ("search", "--sync", "--onlyvisible", "--name", "^Presentation$", "windowfocus", "--sync",
                      NULL);
}

typedef struct
{
  JmPresentation *presentation;
  guint           stage;
  JmLayerMode     mode;
} Shown;

static gboolean
slide_is (gpointer data)
{
  Shown *wanted = data;

  return jm_presentation_get_stage_index (wanted->presentation) == wanted->stage &&
         jm_presentation_get_mode (wanted->presentation) == wanted->mode;
}

/* Presses @key and checks the stage and state shown after it. */
static void
press (JmPresentation *presentation,
       const char     *key,
       guint           stage,
       JmLayerMode     mode)
{
  Shown wanted = { presentation, stage, mode };
  g_autofree char *prefix = g_strdup_printf ("%u / 5 · ", stage + 1);

  jm_ui_test_xdotool ("key", key, NULL);
  jm_ui_test_wait_until (slide_is, &wanted);
  g_assert_cmpuint (jm_presentation_get_stage_index (presentation), ==, stage);
  g_assert_true (g_str_has_prefix (jm_presentation_get_position_text (presentation), prefix));
}

/* Saves a screenshot of the slide and checks what it shows: the current
 * stage's mark under the strip, in the stage's colour. */
static void
check_screenshot (JmPresentation *presentation,
                  JmMapFixture   *fixture,
                  const char     *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (presentation), JM_TYPE_PRESENTATION,
                                                                  "slide"));
  g_autoptr(JmLayout) layout = jm_layout_new (jm_window_get_document (fixture->window), JM_LAYER_MODE_CURRENT);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  guint stage = jm_presentation_get_stage_index (presentation);
  JmSlideGeometry here, other;
  guint32 tip, elsewhere;

  jm_ui_test_wait_for_frame (widget);
  texture = jm_ui_test_render_widget (widget);
  path = jm_ui_test_save_screenshot (texture, name);
  g_test_message ("screenshot: %s", path);

  g_assert_true (jm_slide_get_geometry (layout, stage, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget), &here));
  g_assert_true (jm_slide_get_geometry (layout, stage == 0 ? 1 : 0, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget), &other));
  tip = jm_ui_test_texture_pixel (texture, (int) here.marker_tip_x, (int) here.marker_tip_y);
  elsewhere = jm_ui_test_texture_pixel (texture, (int) other.marker_tip_x, (int) other.marker_tip_y);
  /* The mark is drawn where this stage is, and not where another is. */
  g_assert_cmpuint (tip & 0xffffff, !=, elsewhere & 0xffffff);
}

static void
test_present_walks_the_stages (JmMapFixture  *fixture,
                               gconstpointer  data)
{
  JmMapCanvas *canvas = JM_MAP_CANVAS (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW,
                                                                     "canvas"));
  JmPresentation *presentation;
  double zoom_before;

  zoom_before = jm_map_canvas_get_zoom (canvas);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (fixture->window)));

  jm_ui_test_xdotool ("key", "F5", NULL);
  jm_ui_test_wait_until (presentation_shown, NULL);
  presentation = find_presentation ();
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  focus_presentation ();

  /* It covers the screen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), >=,
                   gtk_widget_get_width (GTK_WIDGET (fixture->window)));
  g_assert_cmpuint (jm_presentation_get_stage_index (presentation), ==, 0);
  g_assert_true (g_str_has_prefix (jm_presentation_get_position_text (presentation), "1 / 5 · Awareness"));
  check_screenshot (presentation, fixture, "present-first.png");

  press (presentation, "Right", 1, JM_LAYER_MODE_CURRENT);
  press (presentation, "space", 2, JM_LAYER_MODE_CURRENT);
  check_screenshot (presentation, fixture, "present-middle.png");
  press (presentation, "Page_Down", 3, JM_LAYER_MODE_CURRENT);
  press (presentation, "End", 4, JM_LAYER_MODE_CURRENT);
  check_screenshot (presentation, fixture, "present-last.png");
  /* Past the last slide there is none. */
  press (presentation, "Right", 4, JM_LAYER_MODE_CURRENT);
  press (presentation, "Left", 3, JM_LAYER_MODE_CURRENT);
  press (presentation, "shift+space", 2, JM_LAYER_MODE_CURRENT);
  press (presentation, "Page_Up", 1, JM_LAYER_MODE_CURRENT);
  press (presentation, "Home", 0, JM_LAYER_MODE_CURRENT);
  press (presentation, "Left", 0, JM_LAYER_MODE_CURRENT);

  /* F: the future state of the same stage, and back. */
  press (presentation, "Page_Down", 1, JM_LAYER_MODE_CURRENT);
  press (presentation, "f", 1, JM_LAYER_MODE_FUTURE);
  g_assert_nonnull (strstr (jm_presentation_get_position_text (presentation), "Future state"));
  press (presentation, "f", 1, JM_LAYER_MODE_CURRENT);

  /* Escape: back to the map, as it was. */
  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_ui_test_wait_until (presentation_gone, NULL);
  g_assert_null (presentation);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  g_assert_cmpfloat (jm_map_canvas_get_zoom (canvas), ==, zoom_before);
}

/* The menu's entry is the same action, enabled with a map. */
static void
test_present_action_enabled (JmMapFixture  *fixture,
                             gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  jm_ui_test_wait_until (presentation_shown, NULL);
  focus_presentation ();
  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_ui_test_wait_until (presentation_gone, NULL);
}

/* A map shown compared presents the comparison first; F goes to the
 * current state, then to the future state alone. */
static void
test_present_from_comparison (JmMapFixture  *fixture,
                              gconstpointer  data)
{
  JmPresentation *presentation;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layer", "s", "both");
  jm_ui_test_xdotool ("key", "F5", NULL);
  jm_ui_test_wait_until (presentation_shown, NULL);
  presentation = find_presentation ();
  focus_presentation ();
  g_assert_cmpint (jm_layout_get_mode (jm_presentation_get_layout (presentation)), ==, JM_LAYER_MODE_BOTH);

  press (presentation, "f", 0, JM_LAYER_MODE_CURRENT);
  g_assert_cmpint (jm_layout_get_mode (jm_presentation_get_layout (presentation)), ==, JM_LAYER_MODE_CURRENT);
  press (presentation, "f", 0, JM_LAYER_MODE_FUTURE);
  g_assert_cmpint (jm_layout_get_mode (jm_presentation_get_layout (presentation)), ==, JM_LAYER_MODE_FUTURE);

  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_ui_test_wait_until (presentation_gone, NULL);
}

/* With a card selected, the presentation starts at the card's stage. */
static void
test_present_from_selection (JmMapFixture  *fixture,
                             gconstpointer  data)
{
  JmMapCanvas *canvas = JM_MAP_CANVAS (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), JM_TYPE_WINDOW,
                                                                     "canvas"));
  JmDocument *document = jm_window_get_document (fixture->window);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (layer);
  JmItem *item = NULL;
  JmPresentation *presentation;
  int stage;

  /* A card of the fourth stage. */
  for (guint i = 0; i < jm_object_store_get_n_objects (items) && item == NULL; i++)
    if (jm_document_get_stage_index (document, jm_item_get_stage_id (jm_object_store_get_object (items, i))) == 3)
      item = jm_object_store_get_object (items, i);
  g_assert_nonnull (item);
  stage = jm_document_get_stage_index (document, jm_item_get_stage_id (item));

  jm_map_canvas_select (canvas, JM_OBJECT (item), FALSE);
  jm_ui_test_xdotool ("key", "F5", NULL);
  jm_ui_test_wait_until (presentation_shown, NULL);
  presentation = find_presentation ();
  focus_presentation ();
  g_assert_cmpuint (jm_presentation_get_stage_index (presentation), ==, (guint) stage);
  press (presentation, "Right", stage + 1, JM_LAYER_MODE_CURRENT);

  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_ui_test_wait_until (presentation_gone, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/present/walks-the-stages", test_present_walks_the_stages);
  jm_map_fixture_add ("/ui/present/menu-action", test_present_action_enabled);
  jm_map_fixture_add ("/ui/present/from-comparison", test_present_from_comparison);
  jm_map_fixture_add ("/ui/present/from-selection", test_present_from_selection);

  return jm_map_fixture_run ();
}
