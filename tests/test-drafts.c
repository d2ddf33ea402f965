/* test-drafts.c: recovery copies of unsaved maps
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "io/jm-draft-store.h"
#include "model/jm-document-private.h"

typedef struct
{
  char         *dir;
  JmDraftStore *store;
  JmDocument   *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                               "hotel-guest-stay.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jm-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store makes it. */
  fixture->store = jm_draft_store_new (fixture->dir);
  fixture->document = jm_document_io_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GDir *dir;
  const char *name;

  /* The store writes what it still has queued as it ends. */
  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (fixture->dir);

  g_clear_pointer (&fixture->dir, g_free);
  g_clear_object (&fixture->document);
}

static void
test_save_list_load_remove (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *id = jm_draft_store_new_id ();
  g_autoptr(GFile) original = g_file_new_for_path ("/home/designer/maps/hotel.jmap");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(JmDocument) loaded = NULL;
  g_autoptr(GBytes) expected = jm_xml_writer_write_bytes (fixture->document);
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GError) error = NULL;
  JmDraft *draft;

  g_assert_true (jm_draft_store_save (fixture->store, id, fixture->document, original, &error));
  g_assert_no_error (error);

  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = drafts->pdata[0];
  g_assert_cmpstr (draft->id, ==, id);
  g_assert_cmpstr (draft->uri, ==, "file:///home/designer/maps/hotel.jmap");
  g_assert_cmpstr (draft->title, ==, jm_document_get_title (fixture->document));
  g_assert_cmpint (draft->modified, >, 0);

  loaded = jm_draft_store_load (fixture->store, id, &error);
  g_assert_no_error (error);
  actual = jm_xml_writer_write_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, actual));

  /* Saving again updates the one draft. */
  g_assert_true (jm_draft_store_save (fixture->store, id, fixture->document, NULL, &error));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_null (((JmDraft *) drafts->pdata[0])->uri);

  jm_draft_store_remove (fixture->store, id);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_several_drafts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *a = jm_draft_store_new_id ();
  g_autofree char *b = jm_draft_store_new_id ();
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_true (jm_draft_store_save (fixture->store, a, fixture->document, NULL, NULL));
  g_assert_true (jm_draft_store_save (fixture->store, b, fixture->document, NULL, NULL));
  jm_draft_store_remove (fixture->store, a);

  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((JmDraft *) drafts->pdata[0])->id, ==, b);
}

/* A draft file gone missing, or a damaged index beside a draft that is
 * still there, is no reason to fail: there is then simply nothing to
 * recover, and the next copy is written and listed as usual. */
static void
test_damaged_index (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = jm_draft_store_new_id ();
  g_autofree char *index = g_build_filename (fixture->dir, "drafts.gvariant", NULL);
  g_autofree char *draft_path = g_strdup_printf ("%s/%s.jmap", fixture->dir, id);
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_true (jm_draft_store_save (fixture->store, id, fixture->document, NULL, NULL));
  g_unlink (draft_path);
  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* The draft is there again; only the index is damaged. */
  g_assert_true (jm_draft_store_save (fixture->store, id, fixture->document, NULL, NULL));
  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (index, "not a gvariant at all", -1, NULL));
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));
  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  g_assert_true (jm_draft_store_save (fixture->store, id, fixture->document, NULL, NULL));
  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((JmDraft *) drafts->pdata[0])->id, ==, id);
}

/* Writes the index by hand: (id, uri, title, modified) for each entry. */
static void
write_index (Fixture            *fixture,
             const char * const *ids)
{
  g_autofree char *index = g_build_filename (fixture->dir, "drafts.gvariant", NULL);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder list, dict;

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a(sssx)"));
  for (guint i = 0; ids[i] != NULL; i++)
    g_variant_builder_add (&list, "(sssx)", ids[i], "", ids[i], (gint64) 1000 + i);
  g_variant_builder_init (&dict, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&dict, "{sv}", "version", g_variant_new_uint32 (1));
  g_variant_builder_add (&dict, "{sv}", "drafts", g_variant_builder_end (&list));
  variant = g_variant_ref_sink (g_variant_builder_end (&dict));

  g_file_set_contents (index, g_variant_get_data (variant), g_variant_get_size (variant), &error);
  g_assert_no_error (error);
}

/* An index entry that is not a draft's (an id that could name any file)
 * is skipped, and the entries after it are still read. */
static void
test_bad_index_entry_before_good (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *good = jm_draft_store_new_id ();
  g_autofree char *also_good = jm_draft_store_new_id ();
  const char *ids[] = { "../../escape", good, "", also_good, NULL };
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_true (jm_draft_store_save (fixture->store, good, fixture->document, NULL, NULL));
  g_assert_true (jm_draft_store_save (fixture->store, also_good, fixture->document, NULL, NULL));
  write_index (fixture, ids);

  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpstr (((JmDraft *) drafts->pdata[0])->id, ==, good);
  g_assert_cmpstr (((JmDraft *) drafts->pdata[1])->id, ==, also_good);
}

/* After a crash, a damaged draft is left out and every other one is
 * still restored, whichever comes first. */
static void
test_restore_skips_corrupt_draft (Fixture       *fixture,
                                  gconstpointer  data)
{
  for (int corrupt_first = 0; corrupt_first < 2; corrupt_first++)
    {
      g_autofree char *first = jm_draft_store_new_id ();
      g_autofree char *second = jm_draft_store_new_id ();
      const char *corrupt = corrupt_first ? first : second;
      const char *good = corrupt_first ? second : first;
      g_autofree char *corrupt_path = g_strdup_printf ("%s/%s.jmap", fixture->dir, corrupt);
      g_autoptr(GPtrArray) drafts = NULL;
      g_autoptr(GBytes) expected = jm_xml_writer_write_bytes (fixture->document);
      g_autoptr(GBytes) actual = NULL;
      JmDraft *draft;

      g_assert_true (jm_draft_store_save (fixture->store, first, fixture->document, NULL, NULL));
      g_assert_true (jm_draft_store_save (fixture->store, second, fixture->document, NULL, NULL));
      /* Cut off half-way, as a disk that lost its last blocks leaves it. */
      g_assert_true (g_file_set_contents (corrupt_path, "<?xml version=\"1.0\"?>\n<journey-map xmlns=", -1, NULL));

      drafts = jm_draft_store_load_restorable (fixture->store);
      g_assert_cmpuint (drafts->len, ==, 1);
      draft = drafts->pdata[0];
      g_assert_cmpstr (draft->id, ==, good);
      g_assert_nonnull (draft->document);
      actual = jm_xml_writer_write_bytes (draft->document);
      g_assert_true (g_bytes_equal (expected, actual));

      /* The damaged copy stays listed: it is not the store's to delete. */
      jm_draft_store_remove (fixture->store, good);
      jm_draft_store_remove (fixture->store, corrupt);
    }
}

static void
set_title (JmDocument *document,
           const char *title)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  _jm_document_set_property (document, G_OBJECT (document), "title", &value);
}

/* A copy queued in the window's autosave is of the map as it was then,
 * whatever changes after: it is serialized before the call returns, and
 * only written later. */
static void
test_save_async_copies_the_map_as_it_was (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *id = jm_draft_store_new_id ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(JmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;

  set_title (fixture->document, "As it was");
  jm_draft_store_save_async (fixture->store, id, fixture->document, NULL);
  set_title (fixture->document, "Changed since");
  jm_draft_store_flush (fixture->store);

  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((JmDraft *) drafts->pdata[0])->title, ==, "As it was");
  loaded = jm_draft_store_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_document_get_title (loaded), ==, "As it was");
}

/* Removing a draft (after a save, say) while copies of it are still
 * queued: they must not bring it back once written. */
static void
test_remove_after_queued_copies (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *id = jm_draft_store_new_id ();
  g_autofree char *draft_path = g_strdup_printf ("%s/%s.jmap", fixture->dir, id);
  g_autoptr(GPtrArray) drafts = NULL;

  for (int i = 0; i < 8; i++)
    jm_draft_store_save_async (fixture->store, id, fixture->document, NULL);
  jm_draft_store_remove (fixture->store, id);

  drafts = jm_draft_store_list (fixture->store);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
}

/* The app ending right after a change still leaves its copy behind. */
static void
test_queued_copies_outlive_the_store (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *id = jm_draft_store_new_id ();
  g_autoptr(JmDraftStore) store = NULL;
  g_autoptr(JmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;

  set_title (fixture->document, "Last change");
  jm_draft_store_save_async (fixture->store, id, fixture->document, NULL);
  g_clear_object (&fixture->store);

  store = jm_draft_store_new (fixture->dir);
  loaded = jm_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_document_get_title (loaded), ==, "Last change");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/drafts/save-list-load-remove", test_save_list_load_remove);
  ADD ("/drafts/several", test_several_drafts);
  ADD ("/drafts/damaged-index", test_damaged_index);
  ADD ("/drafts/bad-index-entry-before-good", test_bad_index_entry_before_good);
  ADD ("/drafts/restore-skips-corrupt-draft", test_restore_skips_corrupt_draft);
  ADD ("/drafts/save-async-copies-the-map-as-it-was", test_save_async_copies_the_map_as_it_was);
  ADD ("/drafts/remove-after-queued-copies", test_remove_after_queued_copies);
  ADD ("/drafts/queued-copies-outlive-the-store", test_queued_copies_outlive_the_store);
#undef ADD

  return g_test_run ();
}
