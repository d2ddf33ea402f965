/* test-hostile.c: files from anyone never hurt the command line
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each hostile file (entity bomb, external entity, 200,000-deep nesting, a
 * 30 MB attribute, a 500 MB file, random bytes, a folder, a missing file)
 * is refused by `journeymap check` and `journeymap export` with exit
 * status 1 and a message that names the file, quickly, and nothing of
 * another file is read or written.
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "format/jm-format-error.h"
#include "format/jm-picture-check.h"
#include "format/jm-xml-names.h"
#include "format/jm-xml-reader.h"
#include "io/jm-image-file.h"

#include "jm-hostile-files.h"

/* Generous against a loaded CI machine and sanitizers: a refusal takes a
 * few milliseconds here; reading a 500 MB file or expanding a bomb would
 * take far longer. */
#define MAX_SECONDS 3.0

typedef struct
{
  char  *err;
  int    status;
  double seconds;
} Run;

static void
run_journeymap (Run         *run,
                const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_ptr_array_add (argv, (char *) g_getenv ("JM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &run->err, &run->status, &error);
  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
}

static void
assert_refused (const JmHostileFile *file,
                const Run           *run)
{
  g_test_message ("%s: %.3f s: %s", file->name, run->seconds, run->err);
  g_assert_true (WIFEXITED (run->status));
  g_assert_cmpint (WEXITSTATUS (run->status), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, file->path) || strstr (run->err, file->path) != NULL);
  g_assert_nonnull (strstr (run->err, file->expected));
  /* Nothing of a local file the map pointed at was read into the message. */
  g_assert_null (strstr (run->err, "root:"));
  g_assert_cmpfloat (run->seconds, <, MAX_SECONDS);
}

static void
test_hostile_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-hostile-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "out.png", NULL);
  GArray *files = jm_hostile_files_create (dir);

  for (guint i = 0; i < files->len; i++)
    {
      const JmHostileFile *file = &g_array_index (files, JmHostileFile, i);
      const char *check[] = { "check", file->path, NULL };
      const char *export[] = { "export", file->path, "-o", output, NULL };
      Run run = { 0 };

      run_journeymap (&run, check);
      assert_refused (file, &run);
      g_clear_pointer (&run.err, g_free);

      run_journeymap (&run, export);
      assert_refused (file, &run);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      g_clear_pointer (&run.err, g_free);
    }

  jm_hostile_files_remove (files, dir);
}

/* The most memory a run of journeymap may take on a map that looks
 * valid: the target. */
#define MAX_CHILD_KIB (500 * 1024)

/* A map that is accepted may take longer than a refusal. Its forty big
 * pictures took 8–20 s and 2.7 GB to export before they were decoded at
 * the size they are drawn, and take 0.4–1.5 s and 40–150 MB since (2 s is
 * the target, measured in the README). Memory is what tells the two
 * apart here: under AddressSanitizer, with a second CI run beside it, an
 * export took 11 s. The time bound only catches a freeze. */
#define MAX_EXPORT_SECONDS 60.0

static long
children_max_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* Maps whose pictures look valid: an SVG picture with one entity used
 * 40,000 times, one with a 20000 × 20000 PNG inside, forty 4096 × 4096
 * PNG pictures of 2 KB, forty SVG pictures with one of those inside each.
 * Each is refused by `check` and every export with the line of the
 * picture, or checks and exports to PNG, SVG and PDF in little time and
 * memory. */
static void
test_hostile_pictures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-pictures-XXXXXX", NULL);
  GArray *files = jm_hostile_pictures_create (dir);
  const char *extensions[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < files->len; i++)
    {
      const JmHostileFile *file = &g_array_index (files, JmHostileFile, i);
      g_autofree char *line = g_strdup_printf ("%s:7: ", file->path);
      const char *check[] = { "check", file->path, NULL };
      Run run = { 0 };

      run_journeymap (&run, check);
      g_test_message ("check %s: %.3f s, %ld KiB: %s", file->name, run.seconds, children_max_kib (), run.err);
      if (file->expected != NULL)
        {
          assert_refused (file, &run);
          g_assert_nonnull (strstr (run.err, line));
        }
      else
        {
          g_assert_true (WIFEXITED (run.status));
          g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
          g_assert_cmpfloat (run.seconds, <, MAX_SECONDS);
        }
      g_clear_pointer (&run.err, g_free);

      for (guint k = 0; k < G_N_ELEMENTS (extensions); k++)
        {
          g_autofree char *output = g_strdup_printf ("%s/out.%s", dir, extensions[k]);
          const char *export[] = { "export", file->path, "-o", output, NULL };

          run_journeymap (&run, export);
          g_test_message ("export %s to %s: %.3f s, %ld KiB: %s", file->name, extensions[k], run.seconds,
                          children_max_kib (), run.err);
          if (file->expected != NULL)
            {
              assert_refused (file, &run);
              g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
            }
          else
            {
              g_assert_true (WIFEXITED (run.status));
              g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
              g_assert_cmpfloat (run.seconds, <, MAX_EXPORT_SECONDS);
              g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
              g_unlink (output);
            }
          g_clear_pointer (&run.err, g_free);
          g_assert_cmpint (children_max_kib (), <, MAX_CHILD_KIB);
        }
    }

  jm_hostile_files_remove (files, dir);
}

#define SVG_HEAD "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " \
                 "width=\"8\" height=\"8\">"
/* A PNG of 1 × 1 pixel, and the same claiming 5000 × 1 (its IHDR CRC is
 * wrong, which only a decoder would notice). */
#define PNG_1X1 "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="
#define PNG_5000X1 "iVBORw0KGgoAAAANSUhEUgAAE4gAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="

/* Everything in an SVG picture that librsvg would expand, decode at any
 * size or load as a document of its own is refused, with the line in the
 * picture; what it leaves alone (references to files and URLs, which it
 * does not follow with no base file) is not. */
static void
test_svg_pictures_checked (void)
{
  static const struct { const char *svg; const char *refusal; } cases[] = {
    { SVG_HEAD "<rect width=\"8\" height=\"8\"/></svg>", NULL },
    { SVG_HEAD "<image xlink:href=\"data:image/png;base64," PNG_1X1 "\"/></svg>", NULL },
    { SVG_HEAD "<image href=\" data:image/png;base64," PNG_1X1 "\"/></svg>", NULL },
    { SVG_HEAD "<image xlink:href=\"file:///etc/passwd\"/><image href=\"https://example.org/a.png\"/>"
      "<use href=\"other.svg#a\"/></svg>", NULL },
    { SVG_HEAD "<rect style=\"fill: url(#g)\"/></svg>", NULL },
    /* A DOCTYPE that only names a DTD (Illustrator writes it): nothing
     * loads the DTD, so it declares nothing. */
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" SVG_HEAD "<rect width=\"8\" height=\"8\"/></svg>",
      NULL },
    { "<!DOCTYPE svg SYSTEM 'a[b>.dtd'>\n" SVG_HEAD "</svg>", NULL },
    { "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"svg11.dtd\" [ ]>\n" SVG_HEAD "</svg>",
      "DOCTYPE (line 1 of" },
    { "<!DOCTYPE svg [\n<!ENTITY a \"aaaa\">]>\n" SVG_HEAD "\n<!DOCTYPE svg>\n</svg>", "DOCTYPE (line 1 of" },
    { "<!DOCTYPE svg>\n" SVG_HEAD "\n<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n</svg>", "(line 3 of" },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n" SVG_HEAD "<text>&a;</text></svg>",
      "DOCTYPE (line 2 of" },
    { SVG_HEAD "\n<image href=\"data:image/png;base64," PNG_5000X1 "\"/></svg>", "5000 × 1 pixels (line 2 of" },
    { SVG_HEAD "\n\n<image xlink:href=\"data:image/svg+xml;base64,PHN2Zy8+\"/></svg>",
      "not a PNG or JPEG image (line 3 of" },
    { SVG_HEAD "<feImage xlink:href=\"data:,hello\"/></svg>", "not a PNG or JPEG" },
    { SVG_HEAD "<rect style=\"fill:url( 'data:image/svg+xml,%3Csvg/%3E#a')\"/></svg>", "from a style" },
    { SVG_HEAD "<rect fill=\"URL(data:image/svg+xml,x#a)\"/></svg>", "from a style" },
    { SVG_HEAD "<style>@import url(data:text/css,rect{fill:red});</style></svg>", "from a style" },
    { SVG_HEAD "<style><![CDATA[rect { filter: url(\"data:image/svg+xml,x#f\") }]]></style></svg>",
      "from a style" },
    { "<?xml-stylesheet type=\"text/css\" href=\"data:text/css,rect{}\"?>\n" SVG_HEAD "</svg>", "from a style" },
    { SVG_HEAD "<rect></svg>", "cannot be read (line 1 of" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *base64 = g_base64_encode ((const guchar *) cases[i].svg, strlen (cases[i].svg));
      g_autofree char *xml = g_strdup_printf (
        "<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" format-version=\"1.0\">\n"
        "<title>SVG</title>\n<personas><persona id=\"p\"><name>Ann</name>\n"
        "<photo media-type=\"image/svg+xml\">%s</photo></persona></personas>\n</journey-map>\n", base64);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(JmDocument) document = NULL;
      guint64 pixels = 0;
      gboolean ok;

      g_test_message ("%s", cases[i].svg);
      ok = jm_picture_check_svg (cases[i].svg, strlen (cases[i].svg), &pixels, &error);
      document = jm_xml_reader_read_bytes (bytes, "svg.jmap", error == NULL ? &error : NULL);
      if (cases[i].refusal == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_nonnull (document);
          continue;
        }

      g_assert_false (ok);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].refusal));
      g_clear_error (&error);
      g_assert_null (document);
      document = jm_xml_reader_read_bytes (bytes, "svg.jmap", &error);
      g_assert_null (document);
      g_assert_error (error, JM_FORMAT_ERROR, error->code);
      g_assert_true (g_str_has_prefix (error->message, "svg.jmap:4: "));
      g_assert_nonnull (strstr (error->message, cases[i].refusal));
    }
}

/* The embedded images of an SVG picture count together: three pictures
 * of one 4096 × 4096 image each are read, one picture of two is refused
 * at its line; a picture is refused when it is added to a map as it
 * would be when the map is read. */
static void
test_svg_pictures_share_a_bound (void)
{
  g_autofree char *png = NULL;
  g_autofree char *one = NULL;
  g_autofree char *one_base64 = NULL;
  g_autofree char *two = NULL;
  g_autofree char *two_base64 = NULL;
  g_autoptr(GString) xml = g_string_new ("<journey-map xmlns=\"https://journeymap.github.io/ns/jmap/1\" "
                                         "format-version=\"1.0\">\n<title>SVG</title>\n<personas>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) document = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-svg-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "picture.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) loaded = NULL;
  const char *type;
  guchar header[33];

  /* A 4096 × 4096 PNG header is all the check reads. */
  memcpy (header, "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x10\0\0\0\x10\0\x01\0\0\0\0\0\0\0\0", 33);
  png = g_base64_encode (header, sizeof header);
  one = g_strdup_printf (SVG_HEAD "<image href=\"data:image/png;base64,%s\"/></svg>", png);
  one_base64 = g_base64_encode ((const guchar *) one, strlen (one));
  two = g_strdup_printf (SVG_HEAD "<image href=\"data:image/png;base64,%s\"/>\n"
                         "<image href=\"data:image/png;base64,%s\"/></svg>", png, png);
  two_base64 = g_base64_encode ((const guchar *) two, strlen (two));
  for (int i = 0; i < 3; i++)
    g_string_append_printf (xml, "<persona id=\"p%d\"><name>P</name><photo media-type=\"image/svg+xml\">%s</photo>"
                            "</persona>\n", i, one_base64);
  g_string_append_printf (xml, "<persona id=\"p3\"><name>P</name><photo media-type=\"image/svg+xml\">%s</photo>"
                          "</persona>\n", two_base64);
  g_string_append (xml, "</personas>\n</journey-map>\n");
  bytes = g_bytes_new (xml->str, xml->len);
  document = jm_xml_reader_read_bytes (bytes, "four.jmap", &error);
  g_assert_null (document);
  g_assert_error (error, JM_FORMAT_ERROR, JM_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "four.jmap:7: "));
  g_assert_nonnull (strstr (error->message, "(line 2 of the picture)"));
  g_clear_error (&error);

  g_file_set_contents (path, "<!DOCTYPE svg [<!ENTITY a \"b\">]>" SVG_HEAD "</svg>", -1, &error);
  g_assert_no_error (error);
  loaded = jm_image_file_load (file, &type, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "picture.svg"));
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Issue #22 asks for 2 s, and each run here takes 0.05-2.5 s on a loaded
 * machine. Before, the combining marks took over 100 s. A debug build under
 * AddressSanitizer (which unwinds the stack at every malloc) is ten to
 * fifteen times slower, and took 33 s on a machine running other builds
 * beside it: its bound is wider, still short of what the bug took there. */
#if defined(__SANITIZE_ADDRESS__)
# define MAX_VALID_SECONDS 120.0
#else
# define MAX_VALID_SECONDS 30.0
#endif

static void
run_timed (Run         *run,
           const char **args,
           int          expected_status)
{
  g_clear_pointer (&run->err, g_free);
  run_journeymap (run, args);
  g_test_message ("%s %s: %.3f s: %s", args[0], args[1], run->seconds, run->err);
  g_assert_true (WIFEXITED (run->status));
  g_assert_cmpint (WEXITSTATUS (run->status), ==, expected_status);
  g_assert_cmpfloat (run->seconds, <, MAX_VALID_SECONDS);
}

/* A letter with 99,999 combining marks is refused, at its line, by check
 * and by every export, at once: laid out, it took minutes, and shown whole
 * in the window's inspector a minute and a half. The most marks a letter
 * may carry, on as many letters as a body holds, check, export and save
 * quickly, every mark kept. */
static void
test_long_cluster (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "marks.jmap", NULL);
  g_autofree char *refused = jm_hostile_marks_map (99999, 1);
  g_autofree char *heaviest = jm_hostile_marks_map (JM_FORMAT_MAX_MARKS_IN_A_ROW, 3225);
  g_autofree char *prefix = g_strdup_printf ("%s:7: ", path);  /* the body's line */
  g_autofree char *saved = NULL;
  const char *formats[] = { "png", "svg", "pdf", "jmap" };
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, refused, -1, NULL));
  run_timed (&run, (const char *[]) { "check", path, NULL }, 1);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "combining marks"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *output = g_strdup_printf ("%s/out.%s", dir, formats[i]);

      run_timed (&run, (const char *[]) { "export", path, "-o", output, NULL }, 1);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }

  g_assert_true (g_file_set_contents (path, heaviest, -1, NULL));
  run_timed (&run, (const char *[]) { "check", path, NULL }, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *output = g_strdup_printf ("%s/out.%s", dir, formats[i]);

      run_timed (&run, (const char *[]) { "export", path, "-o", output, NULL }, 0);
      if (i == G_N_ELEMENTS (formats) - 1)
        g_assert_true (g_file_get_contents (output, &saved, NULL, NULL));
      g_unlink (output);
    }
  /* The body as it was written, every mark of it. */
  *strstr (heaviest, "</body>") = '\0';
  g_assert_nonnull (strstr (saved, strstr (heaviest, "<body>")));

  g_clear_pointer (&run.err, g_free);
  g_unlink (path);
  g_rmdir (dir);
}

/* A map 8.4 million units wide is valid, but past what cairo's fixed
 * point reaches: SVG and PDF exports say so instead of aborting, and the
 * PNG export does not send the user to them. One that fits is exported. */
static void
test_wide_map (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "wide.jmap", NULL);
  g_autofree char *fits = g_build_filename (dir, "fits.jmap", NULL);
  g_autofree char *xml = jm_hostile_wide_map (2098);
  g_autofree char *fitting_xml = jm_hostile_wide_map (1999);
  const char *formats[] = { "svg", "pdf", "png" };
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_assert_true (g_file_set_contents (fits, fitting_xml, -1, NULL));
  run_timed (&run, (const char *[]) { "check", path, NULL }, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *output = g_strdup_printf ("%s/out.%s", dir, formats[i]);

      run_timed (&run, (const char *[]) { "export", path, "-o", output, NULL }, 1);
      g_assert_nonnull (strstr (run.err, output));
      g_assert_nonnull (strstr (run.err, "8392264"));
      g_assert_null (strstr (run.err, "SVG or PDF."));
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

      /* Just within the limit: drawn (1,999 stage headers; not timed, as
       * it takes 10 s under AddressSanitizer). */
      if (i == 0)
        {
          g_clear_pointer (&run.err, g_free);
          run_journeymap (&run, (const char *[]) { "export", fits, "-o", output, NULL });
          g_assert_true (WIFEXITED (run.status));
          g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
          g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
          g_unlink (output);
        }
    }

  g_clear_pointer (&run.err, g_free);
  g_unlink (path);
  g_unlink (fits);
  g_rmdir (dir);
}

/* A PNG export at scale 8 of a map 1,944 × 1,204 units (150 million
 * pixels) took 600 MB drawn at once; drawn in bands its memory stays
 * bounded whatever the scale. */
#define MAX_BANDED_EXPORT_KB (250 * 1024)

static void
test_png_export_in_bands (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.jmap", NULL);
  g_autofree char *output = g_build_filename (dir, "big.png", NULL);
  g_autofree char *xml = jm_hostile_big_map (6, 20);
  struct rusage usage;
  Run run = { 0 };

  /* In a process of its own: the peak that getrusage () reports for the
   * children is that of every child the process waited for, and the
   * picture tests' exports take more than this one may (274 MB under
   * AddressSanitizer for forty SVG pictures). */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_rmdir (dir);
      return;
    }

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_clear_pointer (&run.err, g_free);
  run_journeymap (&run, (const char *[]) { "export", path, "-o", output, "--scale", "8", NULL });
  g_test_message ("export --scale 8: %.3f s: %s", run.seconds, run.err);
  g_assert_true (WIFEXITED (run.status));
  g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  /* The largest child this test program waited for. */
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_test_message ("largest child: %ld KB", usage.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <, MAX_BANDED_EXPORT_KB);

  g_clear_pointer (&run.err, g_free);
  g_unlink (output);
  g_unlink (path);
  g_rmdir (dir);
}

/* A persona's photo: a PNG claiming a side over the decoding bound, or a
 * file whose bytes are not the format its name says, is refused with its
 * name and the reason; a real small PNG and an SVG are kept. */
static void
test_hostile_photos (void)
{
  static const struct { const char *name; const char *base64; const char *refusal; } cases[] = {
    { "small.png", PNG_1X1, NULL },
    { "huge.png", PNG_5000X1, "5000 × 1" },
    { "fake.png", "R0lGODlhAQABAAAAACw=", "not a valid PNG" },
    { "fake.jpg", PNG_1X1, "not a valid JPEG" },
  };
  g_autofree char *dir = g_dir_make_tmp ("jm-photo-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree guchar *data = NULL;
      const char *type = NULL;
      gsize size;

      data = g_base64_decode (cases[i].base64, &size);
      g_file_set_contents (path, (const char *) data, size, &error);
      g_assert_no_error (error);
      loaded = jm_image_file_load_photo (file, &type, &error);
      if (cases[i].refusal == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (loaded);
          g_assert_cmpstr (type, ==, "image/png");
        }
      else
        {
          g_assert_null (loaded);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, cases[i].name));
          g_assert_nonnull (strstr (error->message, cases[i].refusal));
        }
      g_unlink (path);
    }

  {
    g_autofree char *path = g_build_filename (dir, "face.svg", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GBytes) loaded = NULL;
    g_autoptr(GError) error = NULL;
    const char *type = NULL;

    g_file_set_contents (path, SVG_HEAD "<rect width=\"8\" height=\"8\"/></svg>", -1, &error);
    g_assert_no_error (error);
    loaded = jm_image_file_load_photo (file, &type, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
    g_assert_cmpstr (type, ==, "image/svg+xml");

    /* An SVG is held to the bounds of a map's SVG pictures: one that
     * embeds a PNG claiming 5000 pixels a side is refused. */
    g_clear_pointer (&loaded, g_bytes_unref);
    g_file_set_contents (path, SVG_HEAD "<image href=\"data:image/png;base64," PNG_5000X1 "\"/></svg>", -1, &error);
    g_assert_no_error (error);
    loaded = jm_image_file_load_photo (file, &type, &error);
    g_assert_null (loaded);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "face.svg"));
    g_assert_nonnull (strstr (error->message, "5000 × 1"));
    g_unlink (path);
  }

  g_rmdir (dir);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First: the memory of every run so far is measured. */
  g_test_add_func ("/hostile/pictures", test_hostile_pictures);
  g_test_add_func ("/hostile/photos", test_hostile_photos);
  g_test_add_func ("/hostile/command-line-refuses", test_hostile_files);
  g_test_add_func ("/hostile/valid/long-cluster", test_long_cluster);
  g_test_add_func ("/hostile/valid/wide-map", test_wide_map);
  g_test_add_func ("/hostile/valid/png-export-in-bands", test_png_export_in_bands);
  g_test_add_func ("/hostile/svg-pictures/checked", test_svg_pictures_checked);
  g_test_add_func ("/hostile/svg-pictures/share-a-bound", test_svg_pictures_share_a_bound);

  return g_test_run ();
}
