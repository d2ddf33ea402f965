/* test-translations.c: the core speaks the user's language
 *
 * Against the catalogue built in the build tree (JM_LOCALE_DIR), with
 * LANGUAGE=de set by the program itself: the core's messages and undo
 * labels, plurals too, come out in German. The core looks its strings up
 * in its own domain (gi18n-lib.h): this program, like the tests and any
 * other user of the library, never calls textdomain ().
 *
 * gettext ignores LANGUAGE while the messages' locale is the C locale, and
 * since glibc 2.41 (Debian 13; the Flatpak runtimes are newer still) it
 * counts C.UTF-8, the test environment's LC_ALL, as the C locale too,
 * where glibc 2.36 (Debian 12) did not. So the program sets LC_MESSAGES to
 * a real UTF-8 locale: an installed one, or else one it compiles with
 * localedef into a folder of its own (LOCPATH); without either it skips,
 * saying why, rather than test what no user would see.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "format/jm-format-error.h"
#include "format/jm-xml-reader.h"
#include "insights/jm-insights.h"
#include "model/jm-document.h"
#include "model/jm-enum-types.h"
#include "model/jm-kinds.h"
#include "model/jm-layer.h"

#include "jm-test-maps.h"

/* Why the tests skip, or NULL when a locale was found. */
static const char *skip_reason;

/* Removes @path and everything in it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

/* Sets LC_MESSAGES to a locale other than C, for LANGUAGE to count.
 * Returns the folder it compiled a locale into (LOCPATH), to remove at
 * the end, or NULL; sets skip_reason when there is no such locale. */
static char *
use_real_messages_locale (void)
{
  static const char *const installed[] = { "en_US.UTF-8", "en_GB.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  const char *argv[] = { "localedef", "--no-archive", "-c", "-i", "en_US", "-f", "UTF-8", NULL, NULL };
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (installed); i++)
    {
      if (setlocale (LC_MESSAGES, installed[i]) != NULL)
        return NULL;
    }

  folder = g_dir_make_tmp ("jm-test-locale-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_build_filename (folder, "en_US.UTF-8", NULL);
  argv[G_N_ELEMENTS (argv) - 2] = target;
  /* localedef exits 1 for warnings about the locale's sources that -c
   * overrides: whether setlocale () takes the result is what counts. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, &error))
    g_test_message ("localedef: %s", error->message);

  g_setenv ("LOCPATH", folder, TRUE);
  if (setlocale (LC_MESSAGES, "en_US.UTF-8") == NULL)
    {
      skip_reason = "no locale but C and C.UTF-8 is installed, and localedef could not make en_US.UTF-8 "
                    "(it needs the locale sources, Debian's locales package): gettext ignores LANGUAGE "
                    "in the C locales";
      g_unsetenv ("LOCPATH");
    }

  return g_steal_pointer (&folder);
}

static void
test_reader_message_in_german (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = NULL;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  document = jm_xml_reader_read_bytes (empty, "leer.jmap", &error);
  g_assert_null (document);
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Die Datei ist leer."));
}

static void
test_undo_label_plural_in_german (void)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmCommandStack) stack = NULL;
  JmObjectStore *items;
  g_autoptr(GPtrArray) copied = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  document = jm_test_load_example ("hotel-guest-stay.jmap");
  stack = jm_command_stack_new (document);
  items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  g_ptr_array_add (copied, jm_object_store_get_object (items, 0));
  pasted = jm_edit_paste_items (stack, JM_LAYER_STATE_CURRENT, copied, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_command_stack_get_undo_label (stack), ==, "Element einfügen");

  g_ptr_array_add (copied, jm_object_store_get_object (items, 1));
  g_clear_pointer (&pasted, g_ptr_array_unref);
  pasted = jm_edit_paste_items (stack, JM_LAYER_STATE_CURRENT, copied, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jm_command_stack_get_undo_label (stack), ==, "Elemente einfügen");
}

/* The kinds table's labels and the captions the renderer draws on cards,
 * the latter with their message context. */
static void
test_kinds_in_german (void)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  g_assert_cmpstr (jm_kind_get_caption (jm_kinds_lookup (JM_TYPE_CHANNEL, JM_CHANNEL_STORE)), ==, "LADEN");
  g_assert_cmpstr (jm_kind_get_caption (jm_kinds_lookup (JM_TYPE_ITEM_KIND, JM_ITEM_KIND_OPPORTUNITY)), ==,
                   "CHANCE");
  g_assert_cmpstr (jm_kind_get_label (jm_kinds_lookup (JM_TYPE_LANE_KIND, JM_LANE_KIND_EMOTIONS)), ==,
                   "Emotionskurve");
}

/* journeymap insights speaks German too: headings, plurals, checks, and
 * the kinds' labels. */
static void
test_insights_in_german (void)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmInsights) insights = NULL;
  g_autofree char *text = NULL;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  document = jm_test_load_example ("hotel-guest-stay.jmap");
  insights = jm_insights_compute (document, JM_LAYER_STATE_CURRENT);
  text = jm_insights_format_text (insights);

  g_assert_true (g_str_has_prefix (text, "Hotel guest experience: a weekend city break — Ist-Zustand\n"));
  g_assert_nonnull (strstr (text, "\nArrival: 2 Pain Points · 1 Chance · 2 Touchpoints\n"
                                  "  María and Jonas: Mittel -1 (niedrigster -3, höchster 1), 50 % über null, "
                                  "2 Punkte\n"));
  g_assert_nonnull (strstr (text, "\nTiefpunkte\n  María and Jonas: -3.5 in „Departure“ („Let down“)\n"));
  g_assert_nonnull (strstr (text, "\nTouchpoints je Kanal\n"));
  g_assert_nonnull (strstr (text, "  Pre-arrival, Zero Moment of Truth: „Books directly"));
  g_assert_nonnull (strstr (text, "\nPrüfungen\n  Pain Point „No way to ask for a quiet room“ in „Pre-arrival“ "
                                  "ist mit keiner Chance verknüpft.\n"));
  g_assert_nonnull (strstr (text, "\nSoll-Zustand gegenüber dem Ist-Zustand\n"
                                  "  Pre-arrival, María and Jonas: Mittel 1.5 → 2.25 (+0.75)\n"));
  g_assert_nonnull (strstr (text, "\n6 Pain Points entfernt\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_folder = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before the first lookup: gettext caches what it found. The other
   * categories keep the environment's C.UTF-8. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  locale_folder = use_real_messages_locale ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JM_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/translations/reader-message", test_reader_message_in_german);
  g_test_add_func ("/translations/undo-label-plural", test_undo_label_plural_in_german);
  g_test_add_func ("/translations/kinds", test_kinds_in_german);
  g_test_add_func ("/translations/insights", test_insights_in_german);

  status = g_test_run ();
  if (locale_folder != NULL)
    remove_tree (locale_folder);

  return status;
}
