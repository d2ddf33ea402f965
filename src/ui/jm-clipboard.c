/* jm-clipboard.c: items of a map on the clipboard, between windows and apps
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clipboard carries a small map with the items and their cells, and
 * their titles as text for other apps. Pasting reads that map back, from
 * this window, another, or another instance of the app.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-clipboard.h"

#include <glib/gi18n-lib.h>

#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "model/jm-item.h"

/**
 * jm_clipboard_copy_items:
 * @document: the map the items are in
 * @items: (element-type JmItem): what to copy
 *
 * Puts @items on @clipboard, as a map for Journeymap and as their titles,
 * one a line, for other apps.
 */
void
jm_clipboard_copy_items (GdkClipboard *clipboard,
                         JmDocument   *document,
                         GPtrArray    *items)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GdkContentProvider) union_provider = NULL;
  GdkContentProvider *providers[2];

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));
  g_return_if_fail (JM_IS_DOCUMENT (document));
  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (text, "%s\n", jm_item_get_title (items->pdata[i]) ?: "");

  bytes = jm_xml_writer_write_items (document, items);
  providers[0] = gdk_content_provider_new_for_bytes (JM_CLIPBOARD_MIME, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text->str);
  union_provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (clipboard, union_provider);
}

static void
jm_clipboard_spliced_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) clip = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing readable there: nothing to paste, and nothing to say. */
  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
  clip = jm_xml_reader_read_bytes (bytes, _("clipboard"), &error);
  if (clip == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&clip), g_object_unref);
}

/* The clipboard's stream is fed by the main loop (also when this app owns
 * the clipboard): it is read asynchronously. */
static void
jm_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  GCancellable *cancellable;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, NULL);
  if (stream == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* Apart from the call: arguments are evaluated in no set order. */
  cancellable = g_task_get_cancellable (task);
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable, jm_clipboard_spliced_cb,
                                g_steal_pointer (&task));
}

/**
 * jm_clipboard_read_items_async:
 *
 * Reads the items on @clipboard, put there by any window of any instance
 * of the app.
 */
void
jm_clipboard_read_items_async (GdkClipboard        *clipboard,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  static const char *mime_types[] = { JM_CLIPBOARD_MIME, NULL };
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jm_clipboard_read_items_async);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, cancellable,
                            jm_clipboard_read_cb, g_steal_pointer (&task));
}

/**
 * jm_clipboard_read_items_finish:
 *
 * Returns: (transfer full) (nullable): a map whose current state holds the
 *   items read; %NULL with @error set when the clipboard held a broken
 *   map, and %NULL without an error when it held none
 */
JmDocument *
jm_clipboard_read_items_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
