/* test-translations.c: the core speaks the user's language
 *
 * Against the catalogue built in the build tree (JM_LOCALE_DIR), with
 * LANGUAGE=de set by the program itself over the test environment's
 * LC_ALL=C.UTF-8 (gettext ignores LANGUAGE in the plain C locale, hence
 * the UTF-8 one): the core's messages and undo labels, plurals too, come
 * out in German. The
 * core looks its strings up in its own domain (gi18n-lib.h): this program,
 * like the tests and any other user of the library, never calls
 * textdomain ().
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "format/jm-format-error.h"
#include "format/jm-xml-reader.h"
#include "model/jm-document.h"
#include "model/jm-layer.h"

#include "jm-test-maps.h"

static void
test_reader_message_in_german (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = jm_xml_reader_read_bytes (empty, "leer.jmap", &error);

  g_assert_null (document);
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Die Datei ist leer."));
}

static void
test_undo_label_plural_in_german (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  g_autoptr(GPtrArray) copied = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;

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

int
main (int   argc,
      char *argv[])
{
  /* Before the first lookup: gettext caches what it found. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JM_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translations/reader-message", test_reader_message_in_german);
  g_test_add_func ("/translations/undo-label-plural", test_undo_label_plural_in_german);

  return g_test_run ();
}
