/* test-persona-library.c: personas kept across maps
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "library/jm-persona-library.h"

#include "jm-test-maps.h"

typedef struct
{
  char       *dir;
  JmDocument *map;
  JmCommandStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A library of the test's own, under a temporary data folder. */
  fixture->dir = g_dir_make_tmp ("jm-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->map = jm_test_load_example ("grocery-first-order.jmap");
  fixture->stack = jm_command_stack_new (fixture->map);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->map);
}

static JmPersona *
map_persona (JmDocument *map,
             guint       index)
{
  JmObjectStore *personas = jm_document_get_personas (map);

  g_assert_cmpuint (jm_object_store_get_n_objects (personas), >, index);
  return jm_object_store_get_object (personas, index);
}

/* A persona saved to the library is listed with what it carries, photo
 * included, in a file of its own that the map reader reads; added to
 * another map it is a copy with that map's id, in one undo step. */
static void
test_save_list_add (Fixture       *fixture,
                    gconstpointer  data)
{
  JmPersona *anna = map_persona (fixture->map, 0);
  g_autoptr(JmDocument) other = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmCommandStack) other_stack = jm_command_stack_new (other);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JmPersona *listed, *added;
  guint n_personas = jm_object_store_get_n_objects (jm_document_get_personas (other));
  guint position = jm_command_stack_get_position (other_stack);

  path = jm_persona_library_save (fixture->dir, anna, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, fixture->dir));
  g_assert_true (g_str_has_suffix (path, "anna-berg.jmap"));

  entries = jm_persona_library_list (fixture->dir, &problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 1);
  listed = jm_persona_library_get_persona (entries->pdata[0]);
  g_assert_cmpstr (jm_persona_library_get_path (entries->pdata[0]), ==, path);
  g_assert_cmpstr (jm_persona_get_name (listed), ==, jm_persona_get_name (anna));
  g_assert_cmpstr (jm_persona_get_role (listed), ==, jm_persona_get_role (anna));
  g_assert_cmpstr (jm_persona_get_goals (listed), ==, jm_persona_get_goals (anna));
  g_assert_cmpstr (jm_persona_get_frustrations (listed), ==, jm_persona_get_frustrations (anna));
  g_assert_false (jm_persona_get_primary (listed));
  if (jm_persona_get_photo (anna) != NULL)
    g_assert_true (g_bytes_equal (jm_persona_get_photo (listed), jm_persona_get_photo (anna)));

  added = jm_persona_library_add_to_map (other_stack, entries->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_personas (other)), ==, n_personas + 1);
  g_assert_true (map_persona (other, n_personas) == added);
  g_assert_true (added != listed);
  g_assert_cmpstr (jm_persona_get_name (added), ==, jm_persona_get_name (anna));
  g_assert_cmpstr (jm_persona_get_role (added), ==, jm_persona_get_role (anna));
  g_assert_cmpstr (jm_command_stack_get_undo_label (other_stack), ==, "Add Persona from Library");

  /* One step back, and it is gone. */
  g_assert_cmpuint (jm_command_stack_get_position (other_stack), ==, position + 1);
  g_assert_true (jm_command_stack_undo (other_stack));
  g_assert_cmpuint (jm_object_store_get_n_objects (jm_document_get_personas (other)), ==, n_personas);

  /* The same persona added twice gets two ids. */
  added = jm_persona_library_add_to_map (other_stack, entries->pdata[0], &error);
  g_assert_nonnull (added);
  g_assert_nonnull (jm_persona_library_add_to_map (other_stack, entries->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jm_object_get_id (JM_OBJECT (added)), !=,
                   jm_object_get_id (JM_OBJECT (map_persona (other, n_personas + 1))));
}

/* Saving a persona of the same name again replaces its entry; the maps
 * that took it keep theirs as it was. Another name is another file, even
 * when their file names would be the same. */
static void
test_update_never_changes_maps (Fixture       *fixture,
                                gconstpointer  data)
{
  JmPersona *anna = map_persona (fixture->map, 0);
  g_autoptr(JmDocument) other = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmCommandStack) other_stack = jm_command_stack_new (other);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *role = g_strdup (jm_persona_get_role (anna));
  JmPersona *copy, *twin;

  first = jm_persona_library_save (fixture->dir, anna, &error);
  g_assert_no_error (error);
  entries = jm_persona_library_list (fixture->dir, NULL, NULL);
  copy = jm_persona_library_add_to_map (other_stack, entries->pdata[0], &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (jm_edit_set_string (fixture->stack, anna, "role", "Head of household, 39", 0, &error));
  again = jm_persona_library_save (fixture->dir, anna, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, first);

  entries = jm_persona_library_list (fixture->dir, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (jm_persona_get_role (jm_persona_library_get_persona (entries->pdata[0])), ==,
                   "Head of household, 39");
  g_assert_cmpstr (jm_persona_get_role (copy), ==, role);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* "Anna Berg!" makes the same file name: a file of its own. */
  twin = jm_edit_add_persona (fixture->stack, "Anna Berg!", &error);
  g_assert_nonnull (twin);
  g_clear_pointer (&again, g_free);
  again = jm_persona_library_save (fixture->dir, twin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, !=, first);
  entries = jm_persona_library_list (fixture->dir, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
}

/* A file of the library that is no map, or a map without a persona, is
 * left out with its reason; the others are still listed, by name. */
static void
test_broken_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.jmap", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.jmap", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.jmap", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) nobody = jm_document_new ();
  g_autofree char *tom = jm_persona_library_save (fixture->dir, map_persona (fixture->map, 1), &error);
  g_autofree char *anna = jm_persona_library_save (fixture->dir, map_persona (fixture->map, 0), &error);

  g_assert_no_error (error);
  g_assert_nonnull (tom);
  g_assert_nonnull (anna);
  g_assert_true (g_file_set_contents (broken, "<journey-map", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not a persona", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (empty);

    g_assert_true (jm_document_io_save (nobody, file, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  entries = jm_persona_library_list (fixture->dir, &problems, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (jm_persona_get_name (jm_persona_library_get_persona (entries->pdata[0])), ==, "Anna Berg");
  g_assert_cmpstr (jm_persona_get_name (jm_persona_library_get_persona (entries->pdata[1])), ==, "Tom Lindqvist");
  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);

  g_rmdir (folder);
}

/* The search finds a persona by name or role, ignoring case and accents;
 * an empty search finds all. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JmPersona *zoe = jm_edit_add_persona (fixture->stack, "Zoë Ærø", &error);
  g_autofree char *path = NULL;

  g_assert_true (jm_edit_set_string (fixture->stack, zoe, "role", "Café owner", 0, &error));
  path = jm_persona_library_save (fixture->dir, zoe, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  entries = jm_persona_library_list (fixture->dir, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 1);

  g_assert_true (jm_persona_library_matches (entries->pdata[0], ""));
  g_assert_true (jm_persona_library_matches (entries->pdata[0], "zoe"));
  g_assert_true (jm_persona_library_matches (entries->pdata[0], "CAFE"));
  g_assert_false (jm_persona_library_matches (entries->pdata[0], "teacher"));
}

/* Import Personas from Map keeps every persona of a map; importing the
 * map again replaces them rather than adding twins. */
static void
test_import_map (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JmDocument) hotel = jm_test_load_example ("hotel-guest-stay.jmap");
  guint n_map = jm_object_store_get_n_objects (jm_document_get_personas (fixture->map));
  guint n_hotel = jm_object_store_get_n_objects (jm_document_get_personas (hotel));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (jm_persona_library_import_map (fixture->dir, fixture->map, &error), ==, n_map);
  g_assert_no_error (error);
  g_assert_cmpuint (jm_persona_library_import_map (fixture->dir, hotel, &error), ==, n_hotel);
  g_assert_cmpuint (jm_persona_library_import_map (fixture->dir, fixture->map, &error), ==, n_map);
  g_assert_no_error (error);

  entries = jm_persona_library_list (fixture->dir, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, n_map + n_hotel);
}

/* The library is the user's data folder's (the Flatpak's own when
 * sandboxed), and a library that does not exist yet is empty. */
static void
test_default_dir (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = jm_persona_library_default_dir ();
  g_autofree char *missing = g_build_filename (fixture->dir, "not yet", NULL);
  g_autoptr(GPtrArray) entries = jm_persona_library_list (missing, NULL, NULL);

  g_assert_true (g_str_has_prefix (dir, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (dir, G_DIR_SEPARATOR_S "journeymap" G_DIR_SEPARATOR_S "personas"));
  g_assert_cmpuint (entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/persona-library/save-list-add", Fixture, NULL, fixture_set_up, test_save_list_add,
              fixture_tear_down);
  g_test_add ("/persona-library/update", Fixture, NULL, fixture_set_up, test_update_never_changes_maps,
              fixture_tear_down);
  g_test_add ("/persona-library/broken-files", Fixture, NULL, fixture_set_up, test_broken_files,
              fixture_tear_down);
  g_test_add ("/persona-library/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/persona-library/import-map", Fixture, NULL, fixture_set_up, test_import_map, fixture_tear_down);
  g_test_add ("/persona-library/default-dir", Fixture, NULL, fixture_set_up, test_default_dir,
              fixture_tear_down);

  return g_test_run ();
}
