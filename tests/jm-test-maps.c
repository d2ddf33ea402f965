/* jm-test-maps.c: maps for the tests, read (or the test fails) and drawn
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "commands/jm-edit.h"
#include "format/jm-xml-reader.h"

#include "jm-test-maps.h"

/* Reads the map at @path, which must be valid. */
JmDocument *
jm_test_load_map (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = jm_xml_reader_read_bytes (bytes, name, &error);
  g_assert_no_error (error);

  return document;
}

/* Reads data/examples/@name from the source tree (JM_SOURCE_ROOT). */
JmDocument *
jm_test_load_example (const char *name)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples", name, NULL);

  return jm_test_load_map (path);
}

/* Whether @a and @b share some area (touching edges do not count). */
gboolean
jm_test_rects_overlap (const JmRect *a,
                       const JmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* @layout drawn whole at @scale, as the exports draw it. */
cairo_surface_t *
jm_test_render (JmLayout    *layout,
                double       scale,
                JmThemeKind  theme,
                gboolean     transparent)
{
  JmRenderOptions options = { theme, transparent, NULL, JM_RENDER_ALL };
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  jm_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/**
 * jm_test_add_pictures:
 *
 * Adds @n image items to a cell of @document, each with a picture of
 * %JM_TEST_PICTURE_SIZE bytes: seven of them are more than a map file
 * holds.
 */
/* Writes a map of @n_items items made by the benchmarks' generator, from
 * @seed, into @dir, and says where: the test fails if it cannot. */
char *
jm_test_generate_map (const char *dir,
                      guint       n_items,
                      guint       seed)
{
  g_autofree char *items = g_strdup_printf ("%u", n_items);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  char *path = g_build_filename (dir, "generated.jmap", NULL);
  const char *argv[] = { g_getenv ("JM_GENERATE_MAP"), "--items", items, "--seed", seed_text, "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return path;
}

/* A map of the benchmarks' generator, read as the window would open it;
 * its file is gone again. */
JmDocument *
jm_test_load_generated_map (guint n_items,
                            guint seed)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-generated-XXXXXX", NULL);
  g_autofree char *path = NULL;
  JmDocument *document;

  g_assert_nonnull (dir);
  path = jm_test_generate_map (dir, n_items, seed);
  document = jm_test_load_map (path);
  g_unlink (path);
  g_rmdir (dir);
  return document;
}

void
jm_test_add_pictures (JmDocument *document,
                      const char *stage_id,
                      const char *lane_id,
                      guint       n)
{
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GBytes) picture = g_bytes_new_take (g_malloc0 (JM_TEST_PICTURE_SIZE), JM_TEST_PICTURE_SIZE);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, picture);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      JmItem *item = jm_edit_add_item (stack, JM_LAYER_STATE_CURRENT, JM_ITEM_KIND_IMAGE, stage_id, lane_id, -1,
                                       "Picture", &error);

      g_assert_no_error (error);
      g_assert_true (jm_edit_set (stack, JM_OBJECT (item), "image", &value, 0, &error));
      g_assert_no_error (error);
    }
}
