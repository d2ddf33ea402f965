/* jm-hostile-files.c: files nobody should be able to hurt Journeymap with
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made at test time in a temporary folder (the big ones are sparse or
 * generated), so nothing large is committed. Shared by the command-line
 * test (core) and the window test (ui).
 */

#include "config.h"

#include "jm-hostile-files.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#define MAP_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                 "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\"" \
                 " xmlns:x=\"https://example.org/x\">\n<title>Hostile</title>\n"
#define MAP_TAIL "</journey-map>\n"

static void
add_file (GArray     *files,
          const char *dir,
          const char *name,
          const char *expected,
          const char *contents,
          gssize      length)
{
  JmHostileFile file = { name, g_build_filename (dir, name, NULL), expected };
  g_autoptr(GError) error = NULL;

  if (contents != NULL)
    {
      g_file_set_contents (file.path, contents, length, &error);
      g_assert_no_error (error);
    }
  g_array_append_val (files, file);
}

static char *
billion_laughs (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE journey-map [\n"
                               "  <!ENTITY lol \"lol\">\n");

  /* Each entity is ten of the one before: lol9 is a billion "lol"s. */
  for (int i = 1; i <= 9; i++)
    {
      g_autofree char *previous = i > 1 ? g_strdup_printf ("lol%d", i - 1) : g_strdup ("lol");

      g_string_append_printf (xml, "  <!ENTITY lol%d \"", i);
      for (int n = 0; n < 10; n++)
        g_string_append_printf (xml, "&%s;", previous);
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" "
                        "format-version=\"1.0\"><title>&lol9;</title></journey-map>\n");
  return g_string_free (xml, FALSE);
}

static char *
deep_nesting (guint depth)
{
  GString *xml = g_string_new (MAP_HEAD);

  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "<x:a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "</x:a>");
  g_string_append (xml, MAP_TAIL);
  return g_string_free (xml, FALSE);
}

static char *
huge_attribute (gsize size)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" "
                               "format-version=\"1.0\" xmlns:x=\"https://example.org/x\" x:big=\"");

  g_string_set_size (xml, xml->len + size);
  memset (xml->str + xml->len - size, 'A', size);
  g_string_append (xml, "\">\n<title>Hostile</title>\n" MAP_TAIL);
  return g_string_free (xml, FALSE);
}

static void
add_sparse_file (GArray     *files,
                 const char *dir,
                 gint64      size)
{
  JmHostileFile file = { "500 MB file", g_build_filename (dir, "huge.jmap", NULL), "larger than" };
  int fd = g_open (file.path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, MAP_HEAD, strlen (MAP_HEAD)), ==, (gssize) strlen (MAP_HEAD));
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_close (fd, NULL);
  g_array_append_val (files, file);
}

static void
jm_hostile_file_clear (gpointer data)
{
  JmHostileFile *file = data;

  g_free (file->path);
}

/**
 * jm_hostile_files_create:
 * @dir: an empty temporary folder
 *
 * Returns: (transfer full) (element-type JmHostileFile): the files made
 */
GArray *
jm_hostile_files_create (const char *dir)
{
  GArray *files = g_array_new (FALSE, FALSE, sizeof (JmHostileFile));
  g_autofree char *laughs = billion_laughs ();
  g_autofree char *deep = deep_nesting (200000);
  g_autofree char *big_attribute = huge_attribute (30 * 1024 * 1024);
  g_autofree char *random = g_malloc (1024 * 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *folder = g_build_filename (dir, "folder.jmap", NULL);

  g_array_set_clear_func (files, jm_hostile_file_clear);

  add_file (files, dir, "entity-bomb.jmap", "DOCTYPE", laughs, -1);
  add_file (files, dir, "external-entity.jmap", "DOCTYPE",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE journey-map [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">"
            "<title>&secret;</title></journey-map>\n", -1);
  add_file (files, dir, "deep-nesting.jmap", "256 levels deep", deep, -1);
  add_file (files, dir, "huge-attribute.jmap", "too large to read", big_attribute, -1);
  add_sparse_file (files, dir, 500 * (gint64) 1024 * 1024);

  for (gsize i = 0; i < 1024 * 1024; i++)
    random[i] = (char) g_rand_int_range (rand, 0, 256);
  add_file (files, dir, "random-bytes.jmap", "not a journey map", random, 1024 * 1024);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  add_file (files, dir, "folder.jmap", "folder", NULL, 0);
  add_file (files, dir, "missing.jmap", "No such file", NULL, 0);

  /* Root reads every file whatever its mode: only other users can test an
   * unreadable one. */
  if (geteuid () != 0)
    {
      add_file (files, dir, "unreadable.jmap", "Permission denied", MAP_HEAD MAP_TAIL, -1);
      g_assert_cmpint (g_chmod (g_array_index (files, JmHostileFile, files->len - 1).path, 0), ==, 0);
    }

  return files;
}

/* Deletes the files, their folder and the list. */
void
jm_hostile_files_remove (GArray     *files,
                         const char *dir)
{
  for (guint i = 0; i < files->len; i++)
    {
      const JmHostileFile *file = &g_array_index (files, JmHostileFile, i);

      if (g_file_test (file->path, G_FILE_TEST_IS_DIR))
        g_rmdir (file->path);
      else
        g_unlink (file->path);
    }
  g_array_unref (files);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/**
 * jm_hostile_wide_map:
 * @stages: how many stages, each of the widest a stage may be (4,000
 *   units); 2,098 make a map 8.4 million units wide, past what cairo's
 *   fixed point reaches
 *
 * A valid map, with a card in its last stage.
 *
 * Returns: (transfer full): the map's XML
 */
char *
jm_hostile_wide_map (guint stages)
{
  GString *xml = g_string_new (MAP_HEAD "<stages>");

  for (guint i = 0; i < stages; i++)
    g_string_append_printf (xml, "<stage id=\"s%u\" width=\"4000\"><name>Stage %u</name></stage>", i, i);
  g_string_append_printf (xml, "</stages>\n<lanes><lane id=\"l\" kind=\"actions\"><name>Lane</name></lane></lanes>\n"
                          "<layer state=\"current\"><items><item id=\"far\" kind=\"card\" stage=\"s%u\" lane=\"l\">"
                          "<title>Far away</title></item></items></layer>\n" MAP_TAIL, stages - 1);
  return g_string_free (xml, FALSE);
}

/**
 * jm_hostile_marks_map:
 * @marks: how many combining acute accents follow the letter "a" in the
 *   body of the map's one card (99,999 keep it within the limit of a long
 *   text)
 *
 * A valid map whose body is one grapheme cluster of @marks + 1 characters.
 *
 * Returns: (transfer full): the map's XML
 */
char *
jm_hostile_marks_map (guint marks)
{
  GString *xml = g_string_new (MAP_HEAD "<stages><stage id=\"s\"><name>Stage</name></stage></stages>\n"
                               "<lanes><lane id=\"l\" kind=\"actions\"><name>Lane</name></lane></lanes>\n"
                               "<layer state=\"current\"><items><item id=\"marks\" kind=\"card\" stage=\"s\" lane=\"l\">"
                               "<title>Marks</title><body>a");

  for (guint i = 0; i < marks; i++)
    g_string_append (xml, "\xcc\x81");
  g_string_append (xml, "</body></item></items></layer>\n" MAP_TAIL);
  return g_string_free (xml, FALSE);
}

/**
 * jm_hostile_big_map:
 * @stages: how many stages, of the default width
 * @cards: how many cards in the one lane of each stage
 *
 * A valid map that makes a large image at a high scale.
 *
 * Returns: (transfer full): the map's XML
 */
char *
jm_hostile_big_map (guint stages,
                    guint cards)
{
  GString *xml = g_string_new (MAP_HEAD "<stages>");

  for (guint i = 0; i < stages; i++)
    g_string_append_printf (xml, "<stage id=\"s%u\"><name>Stage %u</name></stage>", i, i);
  g_string_append (xml, "</stages>\n<lanes><lane id=\"l\" kind=\"actions\"><name>Lane</name></lane></lanes>\n"
                        "<layer state=\"current\"><items>\n");
  for (guint i = 0; i < stages; i++)
    for (guint n = 0; n < cards; n++)
      g_string_append_printf (xml, "<item id=\"c%u-%u\" kind=\"card\" stage=\"s%u\" lane=\"l\">"
                              "<title>Card %u of stage %u</title></item>\n", i, n, i, n, i);
  g_string_append (xml, "</items></layer>\n" MAP_TAIL);
  return g_string_free (xml, FALSE);
}
