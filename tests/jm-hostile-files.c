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
#include <png.h>
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

/* Pictures that look valid {{{ */

static void
png_append_cb (png_structp png,
               png_bytep   data,
               size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
png_flush_cb (png_structp png)
{
}

/* A black PNG of @width × @height, one bit a pixel (but for @mark, the
 * first eight pixels, so that pictures differ): a few kilobytes for a
 * giant image. */
static GByteArray *
black_png (guint  width,
           guint  height,
           guint8 mark)
{
  GByteArray *out = g_byte_array_new ();
  g_autofree guchar *row = g_malloc0 ((width + 7) / 8);
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);

  g_assert_nonnull (info);
  g_assert_cmpint (setjmp (png_jmpbuf (png)), ==, 0);
  png_set_write_fn (png, out, png_append_cb, png_flush_cb);
  png_set_IHDR (png, info, width, height, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 9);
  png_write_info (png, info);
  row[0] = mark;
  png_write_row (png, row);
  row[0] = 0;
  for (guint y = 1; y < height; y++)
    png_write_row (png, row);
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return out;
}

#define PICTURE_MAP_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">\n" \
  "<title>Pictures</title>\n<stages>" \
  "<stage id=\"s1\"><name>One</name></stage><stage id=\"s2\"><name>Two</name></stage>" \
  "<stage id=\"s3\"><name>Three</name></stage><stage id=\"s4\"><name>Four</name></stage></stages>\n" \
  "<lanes><lane id=\"l\" kind=\"images\"><name>Pictures</name></lane></lanes>\n" \
  "<layer state=\"current\"><items>\n"
#define PICTURE_MAP_TAIL "</items></layer>\n</journey-map>\n"

static void
append_picture_item (GString    *xml,
                     guint       index,
                     const char *media_type,
                     const void *picture,
                     gsize       size)
{
  g_autofree char *base64 = g_base64_encode (picture, size);

  g_string_append_printf (xml, "<item id=\"i%u\" kind=\"image\" stage=\"s%u\" lane=\"l\"><title>Picture</title>"
                          "<image media-type=\"%s\">%s</image></item>\n",
                          index, 1 + index % 4, media_type, base64);
}

/* A map of one image item, @picture of @media_type, its <image> on
 * line 7. */
static char *
picture_map (const char *media_type,
             const void *picture,
             gsize       size)
{
  GString *xml = g_string_new (PICTURE_MAP_HEAD);

  append_picture_item (xml, 0, media_type, picture, size);
  g_string_append (xml, PICTURE_MAP_TAIL);
  return g_string_free (xml, FALSE);
}

/* An SVG picture with a PNG of @side × @side pixels inside, as a data: URL. */
static char *
svg_with_png (guint  side,
              guint8 mark)
{
  g_autoptr(GByteArray) png = black_png (side, side, mark);
  g_autofree char *base64 = g_base64_encode (png->data, png->len);

  return g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                          "width=\"100\" height=\"100\">\n<image width=\"100\" height=\"100\" "
                          "xlink:href=\"data:image/png;base64,%s\"/></svg>\n", base64);
}

/* Forty image items, each a different PNG of 4096 × 4096 pixels, or an
 * SVG picture with one inside when @svg. */
static char *
forty_big_pictures_map (gboolean svg)
{
  GString *xml = g_string_new (PICTURE_MAP_HEAD);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GByteArray) png = NULL;
      g_autofree char *picture = NULL;

      if (svg)
        {
          picture = svg_with_png (4096, i);
          append_picture_item (xml, i, "image/svg+xml", picture, strlen (picture));
          continue;
        }
      png = black_png (4096, 4096, i);
      append_picture_item (xml, i, "image/png", png->data, png->len);
    }
  g_string_append (xml, PICTURE_MAP_TAIL);
  return g_string_free (xml, FALSE);
}

/* One internal entity of 2,000 characters, used 40,000 times: 80 MB of
 * text once expanded (quadratic, not a billion laughs). */
static char *
svg_with_entities (void)
{
  GString *svg = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY a \"");

  for (int i = 0; i < 2000; i++)
    g_string_append_c (svg, 'a');
  g_string_append (svg, "\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                        "<text x=\"0\" y=\"50\">");
  for (int i = 0; i < 40000; i++)
    g_string_append (svg, "&a;");
  g_string_append (svg, "</text></svg>\n");
  return g_string_free (svg, FALSE);
}

/**
 * jm_hostile_pictures_create:
 * @dir: an empty temporary folder
 *
 * Maps that look valid whose pictures would cost minutes and gigabytes
 * if nothing bounded them: each is refused (@expected is then a phrase
 * of the refusal, which names line 7, the first picture's) or must open,
 * check and export quickly in little memory (@expected is %NULL).
 *
 * Returns: (transfer full) (element-type JmHostileFile): the files made
 */
GArray *
jm_hostile_pictures_create (const char *dir)
{
  GArray *files = g_array_new (FALSE, FALSE, sizeof (JmHostileFile));
  g_autofree char *entities = svg_with_entities ();
  g_autofree char *giant = svg_with_png (20000, 0);
  g_autofree char *map = NULL;

  g_array_set_clear_func (files, jm_hostile_file_clear);

  map = picture_map ("image/svg+xml", entities, strlen (entities));
  add_file (files, dir, "svg-entities.jmap", "DOCTYPE", map, -1);
  g_clear_pointer (&map, g_free);

  map = picture_map ("image/svg+xml", giant, strlen (giant));
  add_file (files, dir, "svg-giant-png.jmap", "20000 × 20000", map, -1);
  g_clear_pointer (&map, g_free);

  map = forty_big_pictures_map (FALSE);
  add_file (files, dir, "forty-big-pngs.jmap", NULL, map, -1);
  g_clear_pointer (&map, g_free);

  map = forty_big_pictures_map (TRUE);
  add_file (files, dir, "forty-svgs-with-big-pngs.jmap", NULL, map, -1);

  return files;
}

/* }}} */

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
 * @marks: how many combining acute accents follow each letter "a"
 * @letters: how many such letters the body of the map's one card holds
 *
 * A map whose body is @letters grapheme clusters of @marks + 1
 * characters: valid with up to JM_FORMAT_MAX_MARKS_IN_A_ROW marks, refused
 * with more. (30 marks on 3,225 letters keep it within the limit of a long
 * text.)
 *
 * Returns: (transfer full): the map's XML
 */
char *
jm_hostile_marks_map (guint marks,
                      guint letters)
{
  GString *xml = g_string_new (MAP_HEAD "<stages><stage id=\"s\"><name>Stage</name></stage></stages>\n"
                               "<lanes><lane id=\"l\" kind=\"actions\"><name>Lane</name></lane></lanes>\n"
                               "<layer state=\"current\"><items><item id=\"marks\" kind=\"card\" stage=\"s\" lane=\"l\">"
                               "<title>Marks</title>\n<body>");

  for (guint letter = 0; letter < letters; letter++)
    {
      g_string_append_c (xml, 'a');
      for (guint i = 0; i < marks; i++)
        g_string_append (xml, "\xcc\x81");
    }
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
