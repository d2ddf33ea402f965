/* test-templates.c: the templates a new map starts from
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export/jm-export.h"
#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-item.h"
#include "model/jm-object-private.h"
#include "model/jm-persona.h"
#include "session/jm-template.h"

/* A built-in template's map as check reads it: no problem noted. */
static JmDocument *
read_builtin_checked (const char *id)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  bytes = jm_template_lookup (id, &error);
  g_assert_no_error (error);
  document = jm_xml_reader_read_bytes_full (bytes, id, &notes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    g_test_message ("%s", (const char *) notes->pdata[i]);
  g_assert_cmpuint (notes->len, ==, 0);
  return document;
}

/* What a designer recognises as a real map: personas with goals,
 * touchpoints of several channels, a curve for each persona and a
 * Moment of Truth. */
static void
assert_complete_map (JmDocument *document)
{
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  JmObjectStore *items = jm_layer_get_items (layer);
  guint n_personas = jm_object_store_get_n_objects (jm_document_get_personas (document));
  guint channels = 0, n_moments = 0;

  g_assert_cmpuint (n_personas, >=, 1);
  for (guint i = 0; i < n_personas; i++)
    {
      JmPersona *persona = JM_PERSONA (jm_object_store_get_object (jm_document_get_personas (document), i));

      g_assert_nonnull (jm_persona_get_goals (persona));
    }

  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = JM_ITEM (jm_object_store_get_object (items, i));

      if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT)
        channels |= 1u << jm_item_get_channel (item);
      if (jm_item_get_moment (item) != JM_MOMENT_KIND_NONE)
        n_moments++;
    }

  g_assert_cmpuint (__builtin_popcount (channels), >=, 3);
  g_assert_cmpuint (n_moments, >=, 1);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_layer_get_points (layer)), >=,
                    jm_object_store_get_n_objects (jm_document_get_stages (document)));
}

/* Every template is a map check accepts; all but the blank one are
 * complete maps; each exports to PNG, SVG and PDF. */
static void
test_builtin_templates (void)
{
  g_autoptr(GListModel) templates = jm_template_list_builtin ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JmExportOptions options;

  jm_export_options_init (&options);
  g_assert_cmpuint (g_list_model_get_n_items (templates), >=, 9);

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(JmTemplate) template = g_list_model_get_item (templates, i);
      const char *id = jm_template_get_id (template);
      g_autoptr(JmDocument) document = read_builtin_checked (id);
      g_autoptr(JmDocument) read = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", id);
      g_assert_false (jm_template_is_user (template));
      g_assert_null (jm_template_get_file (template));
      g_assert_true (g_hash_table_add (names, (gpointer) jm_template_get_name (template)));
      g_assert_cmpuint (strlen (jm_template_get_purpose (template)), >, 20);

      read = jm_template_read (template, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (jm_document_get_title (read), ==, jm_document_get_title (document));

      if (i == 0)
        g_assert_cmpstr (id, ==, "blank");
      else
        assert_complete_map (document);

      for (JmExportFormat format = JM_EXPORT_FORMAT_PNG; format <= JM_EXPORT_FORMAT_PDF; format++)
        {
          g_autoptr(GBytes) exported = jm_export_to_bytes (document, format, &options, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (g_bytes_get_size (exported), >, 1000);
        }
    }
}

/* The thumbnail is the map drawn small: not one colour, and the same
 * size whatever the map's. */
static void
test_thumbnail (void)
{
  g_autoptr(GListModel) templates = jm_template_list_builtin ();
  g_autoptr(JmTemplate) template = g_list_model_get_item (templates, 3);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = jm_template_draw_thumbnail (template, 240, 160, JM_THEME_LIGHT, &error);
  const guint32 *pixels;
  int stride;
  guint n_differ = 0;

  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 240);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 160);

  cairo_surface_flush (surface);
  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < 160; y++)
    for (int x = 0; x < 240; x++)
      n_differ += pixels[y * stride + x] != pixels[stride * 2 + 120];
  /* Cards, headers and text: a good part of the picture is drawn. */
  g_assert_cmpuint (n_differ, >, 240 * 160 / 10);
  cairo_surface_destroy (surface);
}

static void
test_search (void)
{
  g_autoptr(GListModel) templates = jm_template_list_builtin ();
  guint n_bank = 0, n_all = 0, n_none = 0;

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(JmTemplate) template = g_list_model_get_item (templates, i);

      n_bank += jm_template_matches (template, "BANK");
      n_all += jm_template_matches (template, "");
      n_none += jm_template_matches (template, "zzzz");
    }

  g_assert_cmpuint (n_bank, ==, 1);
  g_assert_cmpuint (n_all, ==, g_list_model_get_n_items (templates));
  g_assert_cmpuint (n_none, ==, 0);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("jm-templates-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_no_errno (g_unlink (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

/* A map saved as a template is listed by the name given, described by
 * the first sentence of its description, and reads as a copy; the open
 * map keeps its title. */
static void
test_user_save_and_list (void)
{
  g_autofree char *path = make_folder ();
  g_autofree char *nested = g_build_filename (path, "journeymap-templates", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (nested);
  g_autoptr(JmDocument) document = read_builtin_checked ("grocery-first-order");
  g_autofree char *title = g_strdup (jm_document_get_title (document));
  g_autoptr(JmTemplate) first = NULL;
  g_autoptr(JmTemplate) second = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(JmTemplate) listed_first = NULL;
  g_autoptr(JmDocument) read = NULL;
  g_autoptr(GError) error = NULL;

  first = jm_template_save_user (document, "Ünser Onboarding", folder, &error);
  g_assert_no_error (error);
  second = jm_template_save_user (document, "Ünser Onboarding", folder, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (jm_document_get_title (document), ==, title);
  g_assert_false (g_file_equal (jm_template_get_file (first), jm_template_get_file (second)));
  g_assert_true (g_str_has_suffix (g_file_peek_path (jm_template_get_file (first)), "/unser-onboarding.jmap"));
  g_assert_cmpstr (jm_template_get_purpose (first), ==,
                   "How a busy parent discovers FreshCart, places a first online grocery order, receives "
                   "it, and decides whether to come back and recommend us.");

  listed = jm_template_list_user (folder);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  listed_first = g_list_model_get_item (listed, 0);
  g_assert_true (jm_template_is_user (listed_first));
  g_assert_cmpstr (jm_template_get_name (listed_first), ==, "Ünser Onboarding");
  g_assert_true (jm_template_matches (listed_first, "unser"));

  read = jm_template_read (listed_first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_document_get_title (read), ==, "Ünser Onboarding");
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_stages (read)), ==, 5);

  g_assert_true (jm_template_delete (first, &error));
  g_assert_no_error (error);
  g_assert_true (jm_template_delete (second, &error));
  g_assert_no_error (error);
  g_clear_object (&listed);
  listed = jm_template_list_user (folder);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);

  remove_folder (nested);
  remove_folder (path);
}

/* What is not a template is left out without a warning: another kind of
 * file, a broken map, a file too large to be one, a folder. A missing
 * folder has no templates. */
static void
test_user_skips (void)
{
  g_autofree char *path = make_folder ();
  g_autofree char *notes = g_build_filename (path, "notes.txt", NULL);
  g_autofree char *broken = g_build_filename (path, "broken.jmap", NULL);
  g_autofree char *large = g_build_filename (path, "large.jmap", NULL);
  g_autofree char *folder_jmap = g_build_filename (path, "folder.jmap", NULL);
  g_autofree char *good = g_build_filename (path, "good.jmap", NULL);
  g_autofree char *missing_path = g_build_filename (path, "missing", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GBytes) blank = jm_template_lookup ("blank", NULL);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(JmTemplate) only = NULL;
  g_autoptr(GError) error = NULL;
  FILE *f;

  g_file_set_contents (notes, "not a map", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (broken, "<journey-map", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (good, g_bytes_get_data (blank, NULL), (gssize) g_bytes_get_size (blank), &error);
  g_assert_no_error (error);
  /* A valid map, made too large by white space after it. */
  f = fopen (large, "w");
  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (g_bytes_get_data (blank, NULL), 1, g_bytes_get_size (blank), f), ==,
                    g_bytes_get_size (blank));
  for (gsize written = g_bytes_get_size (blank); written <= JM_TEMPLATE_MAX_USER_BYTES; written++)
    fputc (' ', f);
  fclose (f);
  g_assert_no_errno (g_mkdir (folder_jmap, 0700));

  listed = jm_template_list_user (folder);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  only = g_list_model_get_item (listed, 0);
  g_assert_cmpstr (jm_template_get_name (only), ==, "Untitled Journey");
  g_assert_cmpstr (jm_template_get_purpose (only), ==, "");

  none = jm_template_list_user (missing);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  g_assert_no_errno (g_rmdir (folder_jmap));
  remove_folder (path);
}

static void
set_description (JmDocument *document,
                 const char *description)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, description);
  g_assert_true (_jm_model_set_property (G_OBJECT (document), "description", &value));
  g_value_unset (&value);
}

/* A purpose is one sentence, or one line, and bounded. */
static void
test_user_purpose (void)
{
  g_autofree char *path = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(JmDocument) document = read_builtin_checked ("blank");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(JmTemplate) line = NULL;
  g_autoptr(JmTemplate) bounded = NULL;
  g_autoptr(GError) error = NULL;

  set_description (document, "First line 3.5 kg\nsecond line.");
  line = jm_template_save_user (document, "Line", folder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_template_get_purpose (line), ==, "First line 3.5 kg");

  for (guint i = 0; i < 100; i++)
    g_string_append (long_text, "wörd ");
  set_description (document, long_text->str);
  bounded = jm_template_save_user (document, "Bounded", folder, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (jm_template_get_purpose (bounded), -1), ==,
                   JM_TEMPLATE_MAX_PURPOSE_CHARS + 1);
  g_assert_true (g_str_has_suffix (jm_template_get_purpose (bounded), "…"));

  remove_folder (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/builtin/valid-complete-exported", test_builtin_templates);
  g_test_add_func ("/templates/builtin/thumbnail", test_thumbnail);
  g_test_add_func ("/templates/builtin/search", test_search);
  g_test_add_func ("/templates/user/save-and-list", test_user_save_and_list);
  g_test_add_func ("/templates/user/skips", test_user_skips);
  g_test_add_func ("/templates/user/purpose", test_user_purpose);

  return g_test_run ();
}
