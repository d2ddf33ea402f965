/* jm-persona-library.c: personas kept across maps, one file each
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team draws the same personas in map after map. The library keeps each
 * one as a file of its own in the user's data folder (the Flatpak's own
 * folder when sandboxed): a map holding that persona alone, written and
 * read by the map's own writer and reader, so a library file is checked,
 * bounded and kept compatible like any map, and opens in the app itself.
 *
 * A persona added to a map from the library is a copy with an id of that
 * map: changing the library's persona later never changes a map behind
 * the designer's back; saving it to the library again replaces the entry
 * of the same name.
 */

#define G_LOG_DOMAIN "jm-library"

#include "config.h"

#include "jm-persona-library.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "commands/jm-edit.h"
#include "format/jm-xml-writer.h"
#include "interop/jm-interop.h"
#include "io/jm-atomic-file.h"
#include "io/jm-document-io.h"
#include "model/jm-search.h"

/* The file an entry was read from, kept on the entry's document. */
#define PATH_KEY "jm-persona-library-path"

/* What a library persona carries to a map: not "primary", which is the
 * map's choice among its own personas. */
static const char *copied_properties[] = {
  "name", "role", "description", "goals", "motivations", "frustrations", "photo", "photo-type",
};

/**
 * jm_persona_library_default_dir:
 *
 * Returns: (transfer full): the user's library,
 *   $XDG_DATA_HOME/journeymap/personas
 */
char *
jm_persona_library_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "journeymap", "personas", NULL);
}

static JmPersona *
entry_persona (JmDocument *entry)
{
  JmObjectStore *personas = jm_document_get_personas (entry);

  return jm_object_store_get_n_objects (personas) > 0 ? jm_object_store_get_object (personas, 0) : NULL;
}

/**
 * jm_persona_library_get_persona:
 * @entry: an entry of jm_persona_library_list()
 *
 * Returns: (transfer none): the persona the entry keeps
 */
JmPersona *
jm_persona_library_get_persona (JmDocument *entry)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (entry), NULL);

  return entry_persona (entry);
}

/**
 * jm_persona_library_get_path:
 *
 * Returns: (nullable): the file @entry was read from
 */
const char *
jm_persona_library_get_path (JmDocument *entry)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (entry), NULL);

  return g_object_get_data (G_OBJECT (entry), PATH_KEY);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  JmPersona *pa = entry_persona (*(JmDocument **) a);
  JmPersona *pb = entry_persona (*(JmDocument **) b);
  g_autofree char *ka = g_utf8_collate_key (jm_persona_get_name (pa) ?: "", -1);
  g_autofree char *kb = g_utf8_collate_key (jm_persona_get_name (pb) ?: "", -1);
  int order = strcmp (ka, kb);

  return order != 0 ? order : g_strcmp0 (jm_persona_library_get_path (*(JmDocument **) a),
                                         jm_persona_library_get_path (*(JmDocument **) b));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * jm_persona_library_list:
 * @dir: the library's folder; it need not exist
 * @problems: (out) (optional) (transfer full) (element-type utf8): the
 *   files left out and why, one line each
 *
 * Reads every persona of the library, by name, at most
 * %JM_PERSONA_LIBRARY_MAX_ENTRIES. A file that is no map, or holds no
 * persona, is left out and said in @problems, not an error: one broken
 * file must not hide the others.
 *
 * Returns: (transfer full) (element-type JmDocument): the entries, each a
 *   map of one persona (jm_persona_library_get_persona())
 */
GPtrArray *
jm_persona_library_list (const char    *dir,
                         GPtrArray    **problems,
                         GCancellable  *cancellable)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);

  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_suffix (name, ".jmap") && name[0] != '.')
        g_ptr_array_add (found, g_build_filename (dir, name, NULL));
    }
  /* The same entries whatever order the folder gives them in. */
  g_ptr_array_sort (found, compare_paths);

  for (guint i = 0; i < found->len && entries->len < JM_PERSONA_LIBRARY_MAX_ENTRIES; i++)
    {
      const char *path = found->pdata[i];
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) document = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      /* Bounded like any map: folders, pipes and giant files are refused
       * before a byte is read. */
      document = jm_document_io_load (file, NULL, cancellable, &error);
      if (document == NULL || entry_persona (document) == NULL)
        {
          g_autofree char *display = g_filename_display_basename (path);

          if (problems != NULL)
            g_ptr_array_add (*problems, error != NULL ? g_strdup (error->message)
                                                      : g_strdup_printf (_("%s: holds no persona"), display));
          continue;
        }

      g_object_set_data_full (G_OBJECT (document), PATH_KEY, g_strdup (path), g_free);
      g_ptr_array_add (entries, g_steal_pointer (&document));
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* Copies what a persona carries from @from onto @to, through commands. */
static gboolean
copy_persona (JmCommandStack  *stack,
              JmPersona       *from,
              JmPersona       *to,
              GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (copied_properties); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), copied_properties[i]);

      g_assert (pspec != NULL);
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (from), copied_properties[i], &value);
      /* Unset stays unset: the new persona has nothing yet. */
      if ((G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) == NULL) ||
          (G_VALUE_HOLDS_BOXED (&value) && g_value_get_boxed (&value) == NULL))
        continue;
      if (!jm_edit_set (stack, to, copied_properties[i], &value, 0, error))
        return FALSE;
    }

  return TRUE;
}

/* An id @document does not use yet, from @base. */
static char *
free_id (JmDocument *document,
         const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; !jm_interop_id_is_free (document, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

/* Adds a copy of @from at the end of the map's personas, as one step. */
static JmPersona *
add_copy (JmCommandStack  *stack,
          JmPersona       *from,
          const char      *label,
          GError         **error)
{
  JmDocument *document = jm_command_stack_get_document (stack);
  g_autofree char *id = free_id (document, "persona");
  g_autoptr(JmPersona) persona = jm_persona_new (id);

  jm_command_stack_begin_group (stack, label);
  if (!jm_interop_append (stack, jm_document_get_personas (document), JM_OBJECT (persona), error) ||
      !copy_persona (stack, from, persona, error))
    {
      jm_command_stack_cancel_group (stack);
      return NULL;
    }
  jm_command_stack_end_group (stack);

  return persona;
}

/* A file name from the persona's name: letters and digits, lowercase,
 * dashes between; what cannot be in one becomes "persona". */
static char *
file_stem (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", NULL);
  GString *stem = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0' && stem->len < 48; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (stem, g_ascii_tolower (*c));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_append (stem, "persona");

  return g_string_free (stem, FALSE);
}

/* Where @persona goes: the file of the library's persona of the same
 * name, which it replaces, or a new file. */
static char *
target_path (const char *dir,
             JmPersona  *persona)
{
  g_autoptr(GPtrArray) entries = jm_persona_library_list (dir, NULL, NULL);
  g_autofree char *stem = file_stem (jm_persona_get_name (persona));
  char *path;

  for (guint i = 0; i < entries->len; i++)
    {
      JmPersona *kept = entry_persona (entries->pdata[i]);

      if (g_strcmp0 (jm_persona_get_name (kept), jm_persona_get_name (persona)) == 0)
        return g_strdup (jm_persona_library_get_path (entries->pdata[i]));
    }

  path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s.jmap", dir, stem);
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s-%u.jmap", dir, stem, n);
    }
  return path;
}

/**
 * jm_persona_library_save:
 * @dir: the library's folder, made if missing
 * @persona: a persona of a map
 *
 * Keeps a copy of @persona in the library, replacing the library's
 * persona of the same name, if any. Maps that took that persona before
 * keep theirs as it was.
 *
 * Returns: (transfer full) (nullable): the file written, or %NULL with
 *   @error set
 */
char *
jm_persona_library_save (const char  *dir,
                         JmPersona   *persona,
                         GError     **error)
{
  g_autoptr(JmDocument) document = jm_document_new ();
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (JM_IS_PERSONA (persona), NULL);

  if (add_copy (stack, persona, _("Save Persona to Library"), error) == NULL)
    return NULL;

  bytes = jm_xml_writer_write_bytes (document);
  if (!jm_document_io_check_size (g_bytes_get_size (bytes), error))
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the persona library “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  path = target_path (dir, persona);
  display = g_filename_display_name (path);
  if (!jm_atomic_file_replace (path, display, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error))
    return NULL;

  return g_steal_pointer (&path);
}

/**
 * jm_persona_library_import_map:
 * @dir: the library's folder, made if missing
 * @map: a map, usually read from a file for this alone
 *
 * Keeps a copy of every persona of @map in the library, as
 * jm_persona_library_save() keeps one.
 *
 * Returns: how many were saved; on an error, those before it stay saved
 *   and @error is set
 */
guint
jm_persona_library_import_map (const char  *dir,
                               JmDocument  *map,
                               GError     **error)
{
  JmObjectStore *personas;
  guint saved = 0;

  g_return_val_if_fail (dir != NULL, 0);
  g_return_val_if_fail (JM_IS_DOCUMENT (map), 0);

  personas = jm_document_get_personas (map);
  for (guint i = 0; i < jm_object_store_get_n_objects (personas); i++)
    {
      g_autofree char *path = jm_persona_library_save (dir, jm_object_store_get_object (personas, i), error);

      if (path == NULL)
        break;
      saved++;
    }

  return saved;
}

/**
 * jm_persona_library_remove:
 * @entry: an entry of jm_persona_library_list()
 *
 * Deletes the entry's file; maps that took the persona keep theirs.
 */
gboolean
jm_persona_library_remove (JmDocument  *entry,
                           GError     **error)
{
  const char *path;

  g_return_val_if_fail (JM_IS_DOCUMENT (entry), FALSE);

  path = jm_persona_library_get_path (entry);
  if (path == NULL || g_unlink (path) == 0)
    return TRUE;

  {
    int saved_errno = errno;
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not remove “%s”: %s"), display, g_strerror (saved_errno));
  }
  return FALSE;
}

/**
 * jm_persona_library_matches:
 * @search: what the designer typed
 *
 * Whether the entry's name or role holds @search, ignoring case and
 * accents as the map's search does; an empty search matches all.
 */
gboolean
jm_persona_library_matches (JmDocument *entry,
                            const char *search)
{
  JmPersona *persona;
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (entry), FALSE);

  if (search == NULL || *search == '\0')
    return TRUE;

  persona = entry_persona (entry);
  needle = jm_search_fold_text (search);
  name = jm_search_fold_text (jm_persona_get_name (persona) ?: "");
  role = jm_search_fold_text (jm_persona_get_role (persona) ?: "");

  return strstr (name, needle) != NULL || strstr (role, needle) != NULL;
}

/**
 * jm_persona_library_add_to_map:
 * @stack: the open map's history
 * @entry: an entry of jm_persona_library_list()
 *
 * Adds a copy of the entry's persona to the map, with an id of the map's,
 * as one undo step ("Add Persona from Library").
 *
 * Returns: (transfer none) (nullable): the persona added, or %NULL with
 *   @error set and the map unchanged
 */
JmPersona *
jm_persona_library_add_to_map (JmCommandStack  *stack,
                               JmDocument      *entry,
                               GError         **error)
{
  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (entry), NULL);

  return add_copy (stack, entry_persona (entry), _("Add Persona from Library"), error);
}
