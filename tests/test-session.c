/* test-session.c: one open map without a window
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window used to hold itself (the file, its etag, the history,
 * the recovery copy, loading) is a JmMapSession: load, edit, autosave,
 * save, recovery after a crash, a file changed on disk and a cancelled
 * load, all without a display.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "commands/jm-edit.h"
#include "io/jm-document-io.h"
#include "io/jm-draft-store.h"
#include "session/jm-map-loader.h"
#include "session/jm-map-session.h"

typedef struct
{
  char         *dir;
  char         *path;     /* a copy of an example map in dir */
  GFile        *file;
  JmDraftStore *drafts;
  JmMapSession *session;
  guint         loaded;   /* "loaded" signals seen */
  GError       *error;    /* of the last one */
  gboolean      done;     /* a save finished */
  gboolean      saved;
} Fixture;

static void
on_loaded_cb (JmMapSession *session,
              JmLayout     *layout,
              const GError *error,
              Fixture      *fixture)
{
  fixture->loaded++;
  g_clear_error (&fixture->error);
  if (error != NULL)
    fixture->error = g_error_copy (error);
  else
    g_assert_true (jm_layout_get_document (layout) == jm_map_session_get_document (session));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                               "hotel-guest-stay.jmap", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("jm-session-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "hotel.jmap", NULL);
  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);

  drafts_dir = g_build_filename (fixture->dir, "drafts", NULL);
  fixture->drafts = jm_draft_store_new (drafts_dir);
  fixture->session = jm_map_session_new (fixture->drafts);
  g_signal_connect (fixture->session, "loaded", G_CALLBACK (on_loaded_cb), fixture);
}

/* Empties and removes a folder (one level of subfolders). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  /* The store writes what it still has queued as it ends. */
  g_clear_object (&fixture->drafts);
  remove_tree (fixture->dir);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_error (&fixture->error);
}

static void
wait_for_loads (Fixture *fixture,
                guint    loads)
{
  while (fixture->loaded < loads)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop for @msec, for what should not happen meanwhile. */
static void
spin (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
load (Fixture *fixture)
{
  guint before = fixture->loaded;

  jm_map_session_load (fixture->session, fixture->file, JM_LAYER_MODE_CURRENT);
  g_assert_true (jm_map_session_get_loading (fixture->session));
  wait_for_loads (fixture, before + 1);
  g_assert_no_error (fixture->error);
  g_assert_false (jm_map_session_get_loading (fixture->session));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_clear_error (&fixture->error);
  fixture->saved = jm_map_session_save_finish (JM_MAP_SESSION (object), result, &fixture->error);
  fixture->done = TRUE;
}

static gboolean
save (Fixture  *fixture,
      gboolean  overwrite)
{
  fixture->done = FALSE;
  jm_map_session_save_async (fixture->session, overwrite, NULL, save_cb, fixture);
  while (!fixture->done)
    g_main_context_iteration (NULL, TRUE);
  return fixture->saved;
}

static guint
count_drafts (Fixture *fixture)
{
  g_autoptr(GPtrArray) drafts = NULL;

  jm_draft_store_flush (fixture->drafts);
  drafts = jm_draft_store_list (fixture->drafts);
  return drafts->len;
}

/* One edit: a stage at the end, which the saved map then has. */
static void
add_stage (Fixture    *fixture,
           const char *name)
{
  JmDocument *document = jm_map_session_get_document (fixture->session);
  g_autoptr(GError) error = NULL;

  jm_edit_add_stage (jm_map_session_get_stack (fixture->session),
                     jm_object_store_get_n_objects (jm_document_get_stages (document)), name, &error);
  g_assert_no_error (error);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  JmMapSession *session = fixture->session;

  g_assert_null (jm_map_session_get_document (session));
  g_assert_null (jm_map_session_get_title (session));

  load (fixture);
  g_assert_cmpuint (fixture->loaded, ==, 1);
  g_assert_nonnull (jm_map_session_get_document (session));
  g_assert_nonnull (jm_map_session_get_stack (session));
  g_assert_true (g_file_equal (jm_map_session_get_file (session), fixture->file));
  g_assert_cmpstr (jm_map_session_get_title (session), ==,
                   jm_document_get_title (jm_map_session_get_document (session)));
  g_assert_false (jm_map_session_get_modified (session));
  g_assert_false (jm_map_session_changed_on_disk (session, NULL, NULL));
}

/* A file that cannot be read leaves the session as it was, and says why. */
static void
test_load_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "Lost map.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);

  load (fixture);
  jm_map_session_load (fixture->session, file, JM_LAYER_MODE_CURRENT);
  wait_for_loads (fixture, 2);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (jm_map_session_get_loading (fixture->session));
  g_assert_true (g_file_equal (jm_map_session_get_file (fixture->session), fixture->file));
}

/* An edit makes the map modified, and a recovery copy follows after the
 * delay; undoing back to the saved state deletes it. */
static void
test_edit_writes_draft (Fixture       *fixture,
                        gconstpointer  data)
{
  JmMapSession *session = fixture->session;

  jm_map_session_set_autosave_delay (session, 0);
  load (fixture);
  g_assert_cmpuint (count_drafts (fixture), ==, 0);

  add_stage (fixture, "Checkout");
  g_assert_true (jm_map_session_get_modified (session));
  while (jm_map_session_get_draft_id (session) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_drafts (fixture), ==, 1);

  jm_command_stack_undo (jm_map_session_get_stack (session));
  g_assert_false (jm_map_session_get_modified (session));
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
}

/* No copy before the delay has passed since the last change. */
static void
test_draft_waits_for_delay (Fixture       *fixture,
                            gconstpointer  data)
{
  jm_map_session_set_autosave_delay (fixture->session, 60);
  load (fixture);
  add_stage (fixture, "Checkout");
  spin (1500);
  g_assert_null (jm_map_session_get_draft_id (fixture->session));
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  JmMapSession *session = fixture->session;
  g_autoptr(JmDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  JmObjectStore *stages;

  jm_map_session_set_autosave_delay (session, 0);
  load (fixture);
  add_stage (fixture, "Checkout");
  while (jm_map_session_get_draft_id (session) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (save (fixture, FALSE));
  g_assert_no_error (fixture->error);
  g_assert_false (jm_map_session_get_modified (session));
  g_assert_false (jm_map_session_changed_on_disk (session, NULL, NULL));
  /* Saved: the recovery copy has nothing left to recover. */
  g_assert_cmpuint (count_drafts (fixture), ==, 0);

  reread = jm_document_io_load (fixture->file, NULL, NULL, &error);
  g_assert_no_error (error);
  stages = jm_document_get_stages (reread);
  g_assert_cmpstr (jm_stage_get_name (JM_STAGE (jm_object_store_get_object (stages,
                   jm_object_store_get_n_objects (stages) - 1))), ==, "Checkout");
}

/* Save As: a new file, saved whatever is there, and the title follows it
 * when the map has none of its own. */
static void
test_save_as (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "copy.jmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  JmMapSession *session = fixture->session;
  g_autoptr(GError) error = NULL;

  load (fixture);
  jm_edit_set_string (jm_map_session_get_stack (session), jm_map_session_get_document (session),
                      "title", "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_map_session_get_title (session), ==, "hotel.jmap");

  jm_map_session_set_file (session, file);
  g_assert_cmpstr (jm_map_session_get_title (session), ==, "copy.jmap");
  g_assert_true (save (fixture, FALSE));
  g_assert_no_error (fixture->error);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
  g_assert_false (jm_map_session_get_modified (session));
}

/* After a crash: a draft is restored into a new session as unsaved
 * changes to its file; saving it ends the draft. */
static void
test_crash_recovery (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JmMapSession) restored = jm_map_session_new (fixture->drafts);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *id = NULL;
  JmDraft *draft;

  /* A session edits the map and its copy is written; then the app dies
   * (the session goes without saving, and keeps its copy). */
  jm_map_session_set_autosave_delay (fixture->session, 0);
  load (fixture);
  add_stage (fixture, "Checkout");
  while (jm_map_session_get_draft_id (fixture->session) == NULL)
    g_main_context_iteration (NULL, TRUE);
  id = g_strdup (jm_map_session_get_draft_id (fixture->session));
  g_clear_object (&fixture->session);

  drafts = jm_draft_store_load_restorable (fixture->drafts);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = drafts->pdata[0];
  g_assert_cmpstr (draft->id, ==, id);
  file = g_file_new_for_uri (draft->uri);

  jm_map_session_restore_draft (restored, draft->document, file, draft->id);
  g_assert_true (jm_map_session_get_modified (restored));
  g_assert_cmpstr (jm_map_session_get_draft_id (restored), ==, id);
  g_assert_true (g_file_equal (jm_map_session_get_file (restored), fixture->file));
  g_assert_cmpuint (count_drafts (fixture), ==, 1);

  fixture->session = g_object_ref (restored);
  /* Not read from the file: no etag to compare, the save goes ahead. */
  g_assert_true (save (fixture, FALSE));
  g_assert_no_error (fixture->error);
  g_assert_false (jm_map_session_get_modified (restored));
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
}

/* Discarding recovered changes deletes the copy for good. */
static void
test_discard_draft (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_document_io_load (fixture->file, NULL, NULL, &error);
  g_autofree char *id = jm_draft_store_new_id ();

  g_assert_no_error (error);
  g_assert_true (jm_draft_store_save (fixture->drafts, id, document, fixture->file, &error));
  g_assert_no_error (error);

  jm_map_session_restore_draft (fixture->session, document, fixture->file, id);
  g_assert_cmpuint (count_drafts (fixture), ==, 1);
  jm_map_session_discard_draft (fixture->session);
  g_assert_null (jm_map_session_get_draft_id (fixture->session));
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
}

/* Another program writes the file: the session tells, a save is refused
 * until the designer chooses to overwrite. */
static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  JmMapSession *session = fixture->session;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { 1000000000, 1000000000 };
  gsize length;

  load (fixture);
  g_assert_false (jm_map_session_changed_on_disk (session, NULL, &error));
  g_assert_no_error (error);

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utime (fixture->path, &times), ==, 0);
  g_assert_true (jm_map_session_changed_on_disk (session, NULL, &error));
  g_assert_no_error (error);

  add_stage (fixture, "Checkout");
  g_assert_false (save (fixture, FALSE));
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_true (jm_map_session_get_modified (session));

  g_assert_true (save (fixture, TRUE));
  g_assert_no_error (fixture->error);
  g_assert_false (jm_map_session_changed_on_disk (session, NULL, &error));
  g_assert_no_error (error);

  /* Gone from disk counts as changed. */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_true (jm_map_session_changed_on_disk (session, NULL, &error));
  g_assert_no_error (error);
}

/* A load stopped, or replaced by another, ends without a word and
 * changes nothing; the last map asked for is the one shown. */
static void
test_cancelled_load (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                             "saas-onboarding.jmap", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  JmMapSession *session = fixture->session;

  jm_map_session_load (session, fixture->file, JM_LAYER_MODE_CURRENT);
  jm_map_session_cancel_load (session);
  g_assert_false (jm_map_session_get_loading (session));
  spin (500);
  g_assert_cmpuint (fixture->loaded, ==, 0);
  g_assert_null (jm_map_session_get_document (session));

  jm_map_session_load (session, fixture->file, JM_LAYER_MODE_CURRENT);
  jm_map_session_load (session, other_file, JM_LAYER_MODE_CURRENT);
  wait_for_loads (fixture, 1);
  spin (500);
  g_assert_cmpuint (fixture->loaded, ==, 1);
  g_assert_no_error (fixture->error);
  g_assert_true (g_file_equal (jm_map_session_get_file (session), other_file));

  /* A session dropped while it reads goes at once; the read's end finds
   * nobody. */
  jm_map_session_load (session, fixture->file, JM_LAYER_MODE_CURRENT);
  g_clear_object (&fixture->session);
  spin (500);
  g_assert_cmpuint (fixture->loaded, ==, 1);
}

/* Prefetching {{{ */

typedef struct
{
  JmLayout *layout;
  char     *etag;
  GError   *error;
  gboolean  done;
} LoaderResult;

static void
on_loader_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoaderResult *loaded = user_data;

  loaded->layout = jm_map_loader_load_finish (result, &loaded->etag, &loaded->error);
  loaded->done = TRUE;
}

/* Loads @file as the window does; the caller frees what it gets. */
static LoaderResult
loader_load (GFile       *file,
             JmLayerMode  mode)
{
  LoaderResult loaded = { NULL };

  jm_map_loader_load_async (file, mode, NULL, on_loader_done_cb, &loaded);
  while (!loaded.done)
    g_main_context_iteration (NULL, TRUE);

  return loaded;
}

static void
loader_result_clear (LoaderResult *loaded)
{
  g_clear_object (&loaded->layout);
  g_clear_pointer (&loaded->etag, g_free);
  g_clear_error (&loaded->error);
}

/* Gives the map at @path another title on disk. */
static void
retitle_file (const char *path,
              const char *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (contents, "<title>", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strdup_printf ("%s<title>%s</title>%s", parts[0], title, strstr (parts[1], "</title>") + 8);
  g_file_set_contents (path, changed, -1, &error);
  g_assert_no_error (error);
}

/* The window's load takes what the prefetch read, once: the file as it
 * was then, with the etag of that read; a later load reads it again. */
static void
test_prefetch_claimed (Fixture       *fixture,
                       gconstpointer  data)
{
  LoaderResult first, second;
  g_autofree char *title = NULL;

  jm_map_loader_prefetch (fixture->file, JM_LAYER_MODE_CURRENT);
  _jm_map_loader_wait_prefetches ();
  retitle_file (fixture->path, "Changed after the prefetch");

  first = loader_load (fixture->file, JM_LAYER_MODE_CURRENT);
  g_assert_no_error (first.error);
  g_assert_nonnull (first.layout);
  g_assert_nonnull (first.etag);
  title = g_strdup (jm_document_get_title (jm_layout_get_document (first.layout)));
  g_assert_cmpstr (title, !=, "Changed after the prefetch");
  g_assert_cmpuint (strlen (title), >, 0);

  second = loader_load (fixture->file, JM_LAYER_MODE_CURRENT);
  g_assert_no_error (second.error);
  g_assert_cmpstr (jm_document_get_title (jm_layout_get_document (second.layout)), ==,
                   "Changed after the prefetch");
  g_assert_cmpstr (second.etag, !=, first.etag);

  loader_result_clear (&first);
  loader_result_clear (&second);
}

/* A prefetch guesses the layer shown; a window that shows another gets a
 * layout of its own layer, the same as one made for it. */
static void
test_prefetch_other_mode (Fixture       *fixture,
                          gconstpointer  data)
{
  LoaderResult loaded;
  g_autoptr(JmLayout) fresh = NULL;
  JmObjectStore *items;
  double width, height, fresh_width, fresh_height;

  jm_map_loader_prefetch (fixture->file, JM_LAYER_MODE_CURRENT);
  loaded = loader_load (fixture->file, JM_LAYER_MODE_FUTURE);
  g_assert_no_error (loaded.error);
  g_assert_cmpint (jm_layout_get_mode (loaded.layout), ==, JM_LAYER_MODE_FUTURE);

  fresh = jm_layout_new (jm_layout_get_document (loaded.layout), JM_LAYER_MODE_FUTURE);
  jm_layout_get_size (loaded.layout, &width, &height);
  jm_layout_get_size (fresh, &fresh_width, &fresh_height);
  g_assert_cmpfloat (width, ==, fresh_width);
  g_assert_cmpfloat (height, ==, fresh_height);
  items = jm_layer_get_items (jm_document_get_layer (jm_layout_get_document (loaded.layout),
                                                     JM_LAYER_STATE_FUTURE));
  g_assert_cmpuint (jm_object_store_get_n_objects (items), >, 0);
  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmRect rect, fresh_rect;

      g_assert_true (jm_layout_get_item_rect (loaded.layout, jm_object_store_get_object (items, i), &rect));
      g_assert_true (jm_layout_get_item_rect (fresh, jm_object_store_get_object (items, i), &fresh_rect));
      g_assert_cmpmem (&rect, sizeof rect, &fresh_rect, sizeof fresh_rect);
    }

  loader_result_clear (&loaded);
}

/* A prefetch that fails hands its error to the load, as a read would. */
static void
test_prefetch_fails (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.jmap", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (path);
  LoaderResult loaded;

  jm_map_loader_prefetch (missing, JM_LAYER_MODE_CURRENT);
  loaded = loader_load (missing, JM_LAYER_MODE_CURRENT);
  g_assert_error (loaded.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (loaded.layout);
  loader_result_clear (&loaded);
}

/* Prefetches are per file, and those dropped are read again. */
static void
test_prefetch_dropped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.jmap", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  LoaderResult loaded;

  g_assert_true (g_file_copy (fixture->file, other, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  retitle_file (other_path, "Another map");
  jm_map_loader_prefetch (fixture->file, JM_LAYER_MODE_CURRENT);
  _jm_map_loader_wait_prefetches ();
  retitle_file (fixture->path, "Changed after the prefetch");

  /* Another file's load leaves the prefetch alone. */
  loaded = loader_load (other, JM_LAYER_MODE_CURRENT);
  g_assert_no_error (loaded.error);
  g_assert_cmpstr (jm_document_get_title (jm_layout_get_document (loaded.layout)), ==, "Another map");
  loader_result_clear (&loaded);

  jm_map_loader_drop_prefetches ();
  loaded = loader_load (fixture->file, JM_LAYER_MODE_CURRENT);
  g_assert_no_error (loaded.error);
  g_assert_cmpstr (jm_document_get_title (jm_layout_get_document (loaded.layout)), ==,
                   "Changed after the prefetch");
  loader_result_clear (&loaded);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/session/load", test_load);
  ADD ("/session/load-fails", test_load_fails);
  ADD ("/session/edit-writes-draft", test_edit_writes_draft);
  ADD ("/session/draft-waits-for-delay", test_draft_waits_for_delay);
  ADD ("/session/save", test_save);
  ADD ("/session/save-as", test_save_as);
  ADD ("/session/crash-recovery", test_crash_recovery);
  ADD ("/session/discard-draft", test_discard_draft);
  ADD ("/session/changed-on-disk", test_changed_on_disk);
  ADD ("/session/cancelled-load", test_cancelled_load);
  ADD ("/session/prefetch/claimed", test_prefetch_claimed);
  ADD ("/session/prefetch/other-mode", test_prefetch_other_mode);
  ADD ("/session/prefetch/fails", test_prefetch_fails);
  ADD ("/session/prefetch/dropped", test_prefetch_dropped);
#undef ADD

  return g_test_run ();
}
