/* test-persona-card.c: the persona card edited where it is drawn (name,
 * role, photo), and what leaves the window: print defaults, PDF paper and
 * the exported toast's Open button
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/jm-document.h"
#include "render/jm-theme.h"
#include "ui/jm-application.h"
#include "ui/jm-export-dialog.h"
#include "ui/jm-inplace-editor.h"
#include "ui/jm-map-canvas.h"
#include "ui/jm-print.h"
#include "ui/jm-window.h"

#include "jm-map-fixture.h"
#include "jm-test-maps.h"
#include "jm-ui-test-utils.h"

static GtkAdjustment *
hadjustment (JmMapCanvas *canvas)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
}

static GtkAdjustment *
vadjustment (JmMapCanvas *canvas)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
}

/* Scrolls @rect (map units) into view, and says where on the canvas and
 * on screen a point a little inside it is. */
static void
rect_on_screen (JmMapFixture     *fixture,
                const JmRect     *rect,
                graphene_point_t *on_canvas,
                int              *x,
                int              *y)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  double zoom = jm_map_canvas_get_zoom (canvas);

  gtk_adjustment_set_value (hadjustment (canvas), rect->x * zoom - 200);
  gtk_adjustment_set_value (vadjustment (canvas), rect->y * zoom - 120);
  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));

  graphene_point_init (on_canvas,
                       (rect->x + MIN (rect->width / 2, 30)) * zoom - gtk_adjustment_get_value (hadjustment (canvas)),
                       (rect->y + rect->height / 2) * zoom - gtk_adjustment_get_value (vadjustment (canvas)));
  jm_ui_test_point_on_screen (GTK_WIDGET (canvas), on_canvas, x, y);
}

/* The editor covers @rect (map units) at the zoom shown, in @font at
 * that zoom. */
static void
assert_editor_covers (JmMapFixture *fixture,
                      const JmRect *rect,
                      JmFont        font)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmInplaceEditor *editor = jm_map_canvas_get_inplace_editor (canvas);
  GtkWidget *entry = jm_inplace_editor_get_entry (editor);
  double zoom = jm_map_canvas_get_zoom (canvas);
  PangoFontDescription *shown = pango_font_description_new ();
  PangoAttrIterator *iterator;
  graphene_rect_t bounds;
  double left, top;

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (editor), GTK_WIDGET (canvas), &bounds));
  left = rect->x * zoom - gtk_adjustment_get_value (hadjustment (canvas));
  top = rect->y * zoom - gtk_adjustment_get_value (vadjustment (canvas));
  g_assert_cmpfloat (bounds.origin.x, <=, left + 1);
  g_assert_cmpfloat (bounds.origin.y, <=, top + 1);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=, left + rect->width * zoom - 1);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >=, top + rect->height * zoom - 1);

  g_assert_nonnull (gtk_entry_get_attributes (GTK_ENTRY (entry)));
  iterator = pango_attr_list_get_iterator (gtk_entry_get_attributes (GTK_ENTRY (entry)));
  pango_attr_iterator_get_font (iterator, shown, NULL, NULL);
  pango_attr_iterator_destroy (iterator);
  g_assert_cmpfloat_with_epsilon (pango_font_description_get_size (shown) / (double) PANGO_SCALE,
                                  pango_font_description_get_size (jm_theme_peek_font (font)) / (double) PANGO_SCALE * zoom,
                                  0.01);
  pango_font_description_free (shown);
}

static void
save_window_screenshot (JmMapFixture *fixture,
                        const char   *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;

  jm_ui_test_wait_for_frame (GTK_WIDGET (fixture->window));
  texture = jm_ui_test_render_widget (GTK_WIDGET (fixture->window));
  png = jm_ui_test_save_screenshot (texture, name);
}

static JmPersona *
tom_of (JmMapFixture *fixture)
{
  JmDocument *document = jm_window_get_document (fixture->window);

  return JM_PERSONA (jm_object_store_lookup (jm_document_get_personas (document), "persona-tom"));
}

/* At 64 %: double-click the persona's name, type, Tab on to the role (in
 * the role's place and font), type, Enter: two steps, undone one at a
 * time. */
static void
test_name_then_role (JmMapFixture  *fixture,
                     gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmPersona *tom = tom_of (fixture);
  g_autofree char *name = g_strdup (jm_persona_get_name (tom));
  g_autofree char *role = g_strdup (jm_persona_get_role (tom));
  graphene_point_t point;
  JmRect rect;
  int x, y;

  g_assert_nonnull (role);
  jm_map_canvas_set_zoom (canvas, 0.64);
  g_assert_true (jm_layout_get_text_rect (jm_map_canvas_get_layout (canvas), tom, &rect, NULL));
  rect_on_screen (fixture, &rect, &point, &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, tom, "name");
  g_assert_cmpstr (jm_inplace_editor_get_text (jm_map_canvas_get_inplace_editor (canvas)), ==, name);

  jm_map_fixture_type_into_editor (fixture, "Tom L.");
  jm_ui_test_xdotool ("key", "Tab", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, "Tom L.");
  jm_map_fixture_wait_for_editor_on (fixture, tom, "role");
  g_assert_cmpstr (jm_inplace_editor_get_text (jm_map_canvas_get_inplace_editor (canvas)), ==, role);
  g_assert_true (jm_layout_get_persona_role_rect (jm_map_canvas_get_layout (canvas), tom, &rect));
  assert_editor_covers (fixture, &rect, JM_FONT_SUBHEADING);

  jm_map_fixture_type_into_editor (fixture, "Weekly shopper");
  save_window_screenshot (fixture, "persona-card-role-64.png");
  jm_ui_test_xdotool ("key", "Return", NULL);
  jm_map_fixture_wait_for_position (stack, 2);
  g_assert_cmpstr (jm_persona_get_role (tom), ==, "Weekly shopper");
  g_assert_cmpstr (jm_persona_get_name (tom), ==, "Tom L.");
  jm_map_fixture_wait_for_editor_closed (fixture);

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_persona_get_role (tom), ==, role);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, "Tom L.");
  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, name);
}

/* A double-click on the role edits the role; Shift+Tab goes back to the
 * name, keeping the role typed; Escape there keeps nothing more. */
static void
test_role_by_double_click (JmMapFixture  *fixture,
                           gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmPersona *tom = tom_of (fixture);
  g_autofree char *name = g_strdup (jm_persona_get_name (tom));
  graphene_point_t point;
  JmRect rect;
  int x, y;

  jm_map_canvas_set_zoom (canvas, 0.64);
  g_assert_true (jm_layout_get_persona_role_rect (jm_map_canvas_get_layout (canvas), tom, &rect));
  rect_on_screen (fixture, &rect, &point, &x, &y);
  jm_ui_test_click (x, y, 2);
  jm_map_fixture_wait_for_editor_on (fixture, tom, "role");

  jm_map_fixture_type_into_editor (fixture, "Night owl");
  jm_ui_test_xdotool ("key", "shift+Tab", NULL);
  jm_map_fixture_wait_for_position (stack, 1);
  g_assert_cmpstr (jm_persona_get_role (tom), ==, "Night owl");
  jm_map_fixture_wait_for_editor_on (fixture, tom, "name");

  jm_map_fixture_type_into_editor (fixture, "Never kept");
  jm_ui_test_xdotool ("key", "Escape", NULL);
  jm_map_fixture_wait_for_editor_closed (fixture);
  g_assert_cmpstr (jm_persona_get_name (tom), ==, name);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
}

static char *
write_png (JmMapFixture *fixture,
           const char   *name,
           int           size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  char *path = g_build_filename (fixture->dir, name, NULL);

  /* A red photo with a blue square, easy to find on the card. */
  cairo_set_source_rgb (cr, 0.85, 0.1, 0.1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.2, 0.9);
  cairo_rectangle (cr, size / 4.0, size / 4.0, size / 2.0, size / 2.0);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
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

static gboolean
has_photo (gpointer data)
{
  return jm_persona_get_photo (data) != NULL;
}

/* A PNG dragged with the pointer from a window of the test (as from the
 * file manager: a GdkFileList) onto the persona card is its photo, as one
 * step, drawn on the card; undo takes it away. */
static void
test_drop_photo (JmMapFixture  *fixture,
                 gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmPersona *tom = tom_of (fixture);
  g_autofree char *path = write_png (fixture, "tom.png", 96);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *source_window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *label = gtk_label_new ("tom.png");
  GtkDragSource *source = gtk_drag_source_new ();
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  graphene_point_t from, to, photo;
  double zoom;
  JmRect card;
  int x, y;

  g_assert_null (jm_persona_get_photo (tom));
  jm_map_canvas_set_zoom (canvas, 0.64);
  zoom = jm_map_canvas_get_zoom (canvas);
  g_assert_true (jm_layout_get_persona_rect (jm_map_canvas_get_layout (canvas), tom, &card));
  rect_on_screen (fixture, &card, &to, &x, &y);
  /* The middle of the photo's circle, 40 units wide at the card's top left. */
  graphene_point_init (&photo,
                       (card.x + 14 + 20) * zoom - gtk_adjustment_get_value (hadjustment (canvas)),
                       (card.y + 14 + 20) * zoom - gtk_adjustment_get_value (vadjustment (canvas)));
  before = jm_ui_test_render_widget (GTK_WIDGET (canvas));

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare_file_drag_cb), file);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  gtk_window_set_child (source_window, label);
  gtk_window_set_default_size (source_window, 160, 60);
  gtk_window_present (source_window);
  jm_ui_test_wait_until_mapped (label);
  jm_ui_test_wait_for_frame (label);

  /* The window's own drop target (maps dropped anywhere open) sees each
   * motion last, so the drag is aimed at the window, at the card's place
   * in it; the canvas's target takes the drop. */
  graphene_point_init (&from, 20, 20);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (fixture->window), &to, &to));
  jm_ui_test_drag_and_drop (label, &from, GTK_WIDGET (fixture->window), &to);
  jm_map_fixture_wait_for_position (stack, 1);
  jm_ui_test_wait_until (has_photo, tom);
  gtk_window_destroy (source_window);

  g_assert_cmpstr (jm_persona_get_photo_type (tom), ==, "image/png");
  g_assert_true (jm_selection_get_primary (jm_map_canvas_get_selection (canvas)) == JM_OBJECT (tom));

  /* Drawn on the card: the photo's blue square where the initials were. */
  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  after = jm_ui_test_render_widget (GTK_WIDGET (canvas));
  g_free (jm_ui_test_save_screenshot (after, "persona-card-photo.png"));
  {
    guint32 pixel = jm_ui_test_texture_pixel (after, (int) photo.x, (int) photo.y);
    guint red = (pixel >> 16) & 0xff, blue = pixel & 0xff;

    g_test_message ("photo pixel %08x", pixel);
    g_assert_cmpuint (blue, >, 150);
    g_assert_cmpuint (red, <, 100);
    g_assert_cmpuint (jm_ui_test_texture_pixel (before, (int) photo.x, (int) photo.y), !=, pixel);
  }

  jm_ui_test_xdotool ("key", "ctrl+z", NULL);
  jm_map_fixture_wait_for_position (stack, 0);
  g_assert_null (jm_persona_get_photo (tom));
  g_unlink (path);
}

/* A JPEG photo (the most common kind) dropped on a card is kept as
 * image/jpeg, in one step. */
static void
test_drop_jpeg (JmMapFixture  *fixture,
                gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmPersona *tom = tom_of (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "tom.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 90);
  g_autoptr(GError) error = NULL;
  GSList *files;
  JmRect card;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL));
  g_assert_no_error (error);
  g_assert_true (jm_layout_get_persona_rect (jm_map_canvas_get_layout (canvas), tom, &card));

  files = g_slist_append (NULL, g_file_new_for_path (path));
  g_assert_true (jm_map_canvas_drop_files (canvas, files, card.x + card.width / 2, card.y + card.height / 2));
  g_slist_free_full (files, g_object_unref);
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 1);
  g_assert_nonnull (jm_persona_get_photo (tom));
  g_assert_cmpstr (jm_persona_get_photo_type (tom), ==, "image/jpeg");
  g_unlink (path);
}

/* The canvas's drop target for @type (files, or palette entries). */
static GtkDropTarget *
canvas_drop_target (JmMapCanvas *canvas,
                    GType        type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), type))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

/* A pixel of the canvas drawn just outside @card's top left edge, where
 * the drop outline goes. */
static guint32
pixel_beside_card (JmMapCanvas  *canvas,
                   const JmRect *card)
{
  g_autoptr(GdkTexture) texture = NULL;
  double zoom = jm_map_canvas_get_zoom (canvas);

  jm_ui_test_wait_for_frame (GTK_WIDGET (canvas));
  texture = jm_ui_test_render_widget (GTK_WIDGET (canvas));
  return jm_ui_test_texture_pixel (texture,
                                   (int) ((card->x + card->width / 2) * zoom - gtk_adjustment_get_value (hadjustment (canvas))),
                                   (int) ((card->y - 3) * zoom - gtk_adjustment_get_value (vadjustment (canvas))));
}

/* A file dragged over a persona card is accepted there (the drop target
 * says Copy) and the card is outlined; a palette entry over the card is
 * not, nor is it outlined. */
static void
test_file_drag_over_card (JmMapFixture  *fixture,
                          gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  GtkDropTarget *files = canvas_drop_target (canvas, GDK_TYPE_FILE_LIST);
  GtkDropTarget *palette = canvas_drop_target (canvas, G_TYPE_STRING);
  JmPersona *tom = tom_of (fixture);
  graphene_point_t point;
  GdkDragAction action = 0;
  guint32 plain, outlined;
  JmRect card;
  int x, y;

  jm_map_canvas_set_zoom (canvas, 1.0);
  g_assert_true (jm_layout_get_persona_rect (jm_map_canvas_get_layout (canvas), tom, &card));
  rect_on_screen (fixture, &card, &point, &x, &y);
  plain = pixel_beside_card (canvas, &card);

  g_signal_emit_by_name (palette, "motion", point.x, point.y, &action);
  g_assert_cmpint (action, ==, 0);
  g_assert_cmpuint (pixel_beside_card (canvas, &card), ==, plain);
  g_signal_emit_by_name (palette, "leave");

  g_signal_emit_by_name (files, "motion", point.x, point.y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  outlined = pixel_beside_card (canvas, &card);
  g_test_message ("beside the card: %08x, outlined %08x", plain, outlined);
  g_assert_cmpuint (outlined, !=, plain);
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (canvas));

    g_free (jm_ui_test_save_screenshot (texture, "persona-card-drag-over.png"));
  }

  g_signal_emit_by_name (files, "leave");
  g_assert_cmpuint (pixel_beside_card (canvas, &card), ==, plain);
}

/* A PNG whose header claims 5000 × 1 pixels, or a text file, dropped on
 * the persona card (driven through the canvas's drop of a GdkFileList,
 * as the drop target hands it over) is refused with a toast that says
 * why; the map is not changed. */
static void
test_drop_hostile_photo (JmMapFixture  *fixture,
                         gconstpointer  data)
{
  JmMapCanvas *canvas = jm_window_get_canvas (fixture->window);
  JmCommandStack *stack = jm_window_get_stack (fixture->window);
  JmPersona *tom = tom_of (fixture);
  /* A 1 × 1 PNG with its IHDR width set to 5000. */
  static const char huge_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAE4gAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree guchar *bytes = NULL;
  g_autofree char *message = NULL;
  GSList *files;
  JmRect card;
  gsize size;

  bytes = g_base64_decode (huge_base64, &size);
  g_assert_true (g_file_set_contents (huge, (const char *) bytes, size, NULL));
  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_true (jm_layout_get_persona_rect (jm_map_canvas_get_layout (canvas), tom, &card));

  files = g_slist_append (NULL, g_file_new_for_path (huge));
  g_assert_false (jm_map_canvas_drop_files (canvas, files, card.x + card.width / 2, card.y + card.height / 2));
  g_slist_free_full (files, g_object_unref);
  jm_ui_test_iterate ();
  message = g_strdup_printf ("“huge.png” is 5000 × 1 pixels; a photo may have at most %u pixels a side.", 4096);
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (fixture->window), message));

  files = g_slist_append (NULL, g_file_new_for_path (text));
  g_assert_false (jm_map_canvas_drop_files (canvas, files, card.x + card.width / 2, card.y + card.height / 2));
  g_slist_free_full (files, g_object_unref);
  /* Shown once the first toast has had its time. */
  jm_ui_test_wait_for_label (GTK_WIDGET (fixture->window), "“notes.txt” is not a PNG, JPEG or SVG image.");

  g_assert_null (jm_persona_get_photo (tom));
  g_assert_cmpuint (jm_command_stack_get_position (stack), ==, 0);
  g_unlink (huge);
  g_unlink (text);
}

/* Prints @document to @pdf as the print dialog would, with nothing
 * remembered of an earlier print, and reads its page size. */
/* The size of the first page of @pdf as pdfinfo reads it, in points;
 * %FALSE without pdfinfo. */
static gboolean
pdf_page_size (const char *pdf,
               double     *width,
               double     *height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return FALSE;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Page size:"));
  g_assert_cmpint (sscanf (strstr (out, "Page size:"), "Page size: %lf x %lf", width, height), ==, 2);
  g_test_message ("%s: page %g × %g pt", pdf, *width, *height);
  return TRUE;
}

static gboolean
printed_page_size (JmMapFixture *fixture,
                   JmDocument   *document,
                   const char   *pdf,
                   double       *width,
                   double       *height)
{
  g_autoptr(GError) error = NULL;
  gboolean read;

  g_assert_true (jm_print_to_pdf (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT,
                                  JM_PRINT_MODE_FIT_PAGE, 1, pdf, &error));
  g_assert_no_error (error);
  read = pdf_page_size (pdf, width, height);
  g_unlink (pdf);
  return read;
}

/* The print dialog starts on the last print's paper, turned as the map
 * is: landscape for a wide map, portrait for a tall one; a print to PDF
 * of the (wide) example map, with no print remembered, is landscape. */
static void
test_print_defaults (JmMapFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GtkPrintSettings) remembered = gtk_print_settings_new ();
  g_autoptr(GtkPaperSize) a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);
  g_autoptr(GtkPageSetup) wide = NULL;
  g_autoptr(GtkPageSetup) tall = NULL;
  g_autoptr(GtkPageSetup) fresh = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "print.pdf", NULL);
  g_autoptr(JmDocument) hotel = jm_test_load_example ("hotel-guest-stay.jmap");
  double map_width, map_height, width = 0, height = 0;

  gtk_print_settings_set_paper_size (remembered, a3);
  gtk_print_settings_set_orientation (remembered, GTK_PAGE_ORIENTATION_PORTRAIT);
  wide = jm_print_default_page_setup (remembered, 3000, 1200);
  g_assert_cmpint (gtk_page_setup_get_orientation (wide), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_true (gtk_paper_size_is_equal (gtk_page_setup_get_paper_size (wide), a3));
  tall = jm_print_default_page_setup (remembered, 400, 2000);
  g_assert_cmpint (gtk_page_setup_get_orientation (tall), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  fresh = jm_print_default_page_setup (NULL, 3000, 1200);
  g_assert_cmpint (gtk_page_setup_get_orientation (fresh), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  /* The hotel stay is wider than tall; the grocery map of the window a
   * little taller than wide. */
  {
    g_autoptr(JmLayout) layout = jm_layout_new (hotel, JM_LAYER_MODE_CURRENT);

    jm_layout_get_size (layout, &map_width, &map_height);
    g_assert_cmpfloat (map_width, >, map_height);
  }
  if (!printed_page_size (fixture, hotel, pdf, &width, &height))
    {
      g_test_skip ("poppler's pdfinfo is not installed (poppler-utils)");
      return;
    }
  g_assert_cmpfloat (width, >, height);

  jm_layout_get_size (jm_map_canvas_get_layout (jm_window_get_canvas (fixture->window)), &map_width, &map_height);
  g_assert_cmpfloat (map_width, <, map_height);
  g_assert_true (printed_page_size (fixture, jm_window_get_document (fixture->window), pdf, &width, &height));
  g_assert_cmpfloat (width, <, height);
}

/* Whether @widget is inside a toast (libadwaita's AdwToastWidget, a
 * private type): the window's header bar has an Open button too. */
static gboolean
in_toast (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
      return TRUE;

  return FALSE;
}

/* The button shown in a toast under @root that reads @label. */
static GtkWidget *
find_toast_button (GtkWidget  *root,
                   const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_mapped (root) && in_toast (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
open_button_shown (gpointer data)
{
  return find_toast_button (data, "_Open") != NULL;
}

static void
on_launch_cb (GFile    *file,
              gpointer  user_data)
{
  GFile **launched = user_data;

  g_set_object (launched, file);
}

static gboolean
was_launched (gpointer data)
{
  return *(GFile **) data != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The export dialog offers paper and orientation for a PDF alone; an
 * export on A4 portrait writes that page, and the toast that says so has
 * an Open button that opens the file (here: the launch hook, instead of
 * another program). */
static void
test_export_paper_and_open (JmMapFixture  *fixture,
                            gconstpointer  data)
{
  JmDocument *document = jm_window_get_document (fixture->window);
  JmExportDialog *dialog = jm_export_dialog_new (GTK_WINDOW (fixture->window), document, JM_LAYER_MODE_CURRENT);
  g_autofree char *pdf = g_build_filename (fixture->dir, "handed-out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) launched = NULL;
  GtkWidget *paper_row, *orientation_row, *format_row, *button;
  JmExportOptions options;
  JmExportFormat format;
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  jm_ui_test_wait_until_mapped (GTK_WIDGET (dialog));
  format_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG, "format_row"));
  paper_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG, "paper_row"));
  orientation_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_EXPORT_DIALOG,
                                                               "orientation_row"));

  /* PNG first: no paper to choose. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), jm_map_fixture_combo_row_position (format_row, "PNG image"));
  g_assert_false (gtk_widget_get_visible (paper_row));
  g_assert_false (gtk_widget_get_visible (orientation_row));

  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), jm_map_fixture_combo_row_position (format_row, "PDF document"));
  g_assert_true (gtk_widget_get_visible (paper_row));
  /* The map's own size by default, which has no orientation. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (paper_row)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (orientation_row));
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (options.paper, ==, JM_EXPORT_PAPER_MAP);

  adw_combo_row_set_selected (ADW_COMBO_ROW (paper_row), jm_map_fixture_combo_row_position (paper_row, "A4"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (orientation_row),
                              jm_map_fixture_combo_row_position (orientation_row, "Portrait"));
  g_assert_true (gtk_widget_get_sensitive (orientation_row));
  jm_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, JM_EXPORT_FORMAT_PDF);
  g_assert_cmpint (options.paper, ==, JM_EXPORT_PAPER_A4);
  g_assert_cmpint (options.orientation, ==, JM_EXPORT_ORIENTATION_PORTRAIT);
  jm_ui_test_wait_for_frame (GTK_WIDGET (dialog));
  {
    g_autoptr(GdkTexture) texture = jm_ui_test_render_widget (GTK_WIDGET (dialog));

    g_free (jm_ui_test_save_screenshot (texture, "export-dialog-paper.png"));
  }

  jm_export_dialog_set_launch_hook (on_launch_cb, &launched);
  jm_export_dialog_start_export (dialog, file);
  jm_ui_test_wait_until (dialog_gone, &weak);
  jm_ui_test_wait_until (open_button_shown, fixture->window);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (jm_ui_test_find_label (GTK_WIDGET (fixture->window), "Exported “handed-out.pdf”"));
  {
    double width, height;

    /* Written on A4 portrait, as chosen. */
    if (pdf_page_size (pdf, &width, &height))
      {
        g_assert_cmpfloat_with_epsilon (width, 595.3, 1);
        g_assert_cmpfloat_with_epsilon (height, 841.9, 1);
      }
  }

  button = find_toast_button (GTK_WIDGET (fixture->window), "_Open");
  g_assert_nonnull (button);
  g_assert_null (launched);
  /* A button activated is clicked after its press is shown. */
  gtk_widget_activate (button);
  jm_ui_test_wait_until (was_launched, &launched);
  g_assert_true (g_file_equal (launched, file));

  /* The window's action, as the button activates it. */
  g_clear_object (&launched);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-exported", "s", pdf));
  g_assert_nonnull (launched);
  g_assert_true (g_file_equal (launched, file));

  jm_export_dialog_set_launch_hook (NULL, NULL);
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  if (!jm_ui_test_init (&argc, &argv))
    return g_test_run ();

  jm_map_fixture_add ("/ui/persona-card/name-then-role", test_name_then_role);
  jm_map_fixture_add ("/ui/persona-card/role-by-double-click", test_role_by_double_click);
  jm_map_fixture_add ("/ui/persona-card/drop-photo", test_drop_photo);
  jm_map_fixture_add ("/ui/persona-card/drop-hostile-photo", test_drop_hostile_photo);
  jm_map_fixture_add ("/ui/persona-card/file-drag-over-card", test_file_drag_over_card);
  jm_map_fixture_add ("/ui/persona-card/drop-jpeg", test_drop_jpeg);
  jm_map_fixture_add ("/ui/output/print-defaults", test_print_defaults);
  jm_map_fixture_add ("/ui/output/export-paper-and-open", test_export_paper_and_open);

  return jm_map_fixture_run ();
}
