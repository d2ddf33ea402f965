/* test-svg-text.c: SVG exports carry their text as text
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "commands/jm-command-stack.h"
#include "commands/jm-edit.h"
#include "export/jm-export.h"
#include "export/jm-svg-symbols.h"
#include "export/jm-svg-text.h"
#include "model/jm-kinds.h"
#include "model/jm-item.h"
#include "render/jm-icon-cache.h"
#include "render/jm-theme.h"

#include "jm-test-maps.h"

#define SVG_NS "http://www.w3.org/2000/svg"

static GBytes *
export_svg (JmDocument  *document,
            JmLayerMode  mode)
{
  g_autoptr(GError) error = NULL;
  JmExportOptions options;
  GBytes *svg;

  jm_export_options_init (&options);
  options.mode = mode;
  svg = jm_export_to_bytes (document, JM_EXPORT_FORMAT_SVG, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (svg);
  return svg;
}

/* The SVG read as XML, as any other program reads it: no network, no
 * entities, and a document that does not parse fails the test. */
static xmlDoc *
parse_svg (GBytes *svg)
{
  xmlDoc *doc = xmlReadMemory (g_bytes_get_data (svg, NULL), (int) g_bytes_get_size (svg), "export.svg", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);

  g_assert_nonnull (doc);
  g_assert_null (doc->intSubset);
  return doc;
}

static void
collect_text_elements (xmlNode   *node,
                       GPtrArray *found)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST "text") && node->ns != NULL &&
          xmlStrEqual (node->ns->href, BAD_CAST SVG_NS))
        g_ptr_array_add (found, node);
      collect_text_elements (node->children, found);
    }
}

/* Every <text> of the SVG, in document order. */
static GPtrArray *
text_elements (xmlDoc *doc)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_text_elements (xmlDocGetRootElement (doc), found);
  return found;
}

/* The text of every <text>, one after the other: a text wrapped over
 * several lines is whole again, since each line keeps its break's space. */
static char *
all_text (xmlDoc *doc)
{
  g_autoptr(GPtrArray) elements = text_elements (doc);
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < elements->len; i++)
    {
      xmlChar *content = xmlNodeGetContent (elements->pdata[i]);

      g_string_append (all, (const char *) content);
      xmlFree (content);
    }
  return g_string_free (all, FALSE);
}

/* Every title of every card of the three examples is in their SVG as
 * text, in both states: what a browser's Find and grep look for. The
 * text is in the SVG namespace, with a font, size and weight, and the
 * layer is one group. */
static void
test_svg_text_examples (void)
{
  const char *examples[] = { "grocery-first-order.jmap", "hotel-guest-stay.jmap", "saas-onboarding.jmap" };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(JmDocument) document = jm_test_load_example (examples[e]);

      for (JmLayerState state = JM_LAYER_STATE_CURRENT; state <= JM_LAYER_STATE_FUTURE; state++)
        {
          JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, state));
          JmLayerMode mode = state == JM_LAYER_STATE_CURRENT ? JM_LAYER_MODE_CURRENT : JM_LAYER_MODE_FUTURE;
          g_autoptr(GBytes) svg = export_svg (document, mode);
          xmlDoc *doc = parse_svg (svg);
          g_autofree char *text = all_text (doc);
          g_autoptr(GPtrArray) elements = text_elements (doc);
          guint checked = 0;

          g_test_message ("%s, state %d: %u lines of text", examples[e], state, elements->len);
          g_assert_cmpuint (elements->len, >, 0);
          for (guint i = 0; i < elements->len; i++)
            {
              xmlNode *element = elements->pdata[i];
              xmlChar *family = xmlGetProp (element, BAD_CAST "font-family");
              xmlChar *size = xmlGetProp (element, BAD_CAST "font-size");
              xmlChar *weight = xmlGetProp (element, BAD_CAST "font-weight");
              xmlChar *group;

              g_assert_nonnull (family);
              g_assert_nonnull (size);
              g_assert_cmpfloat (g_ascii_strtod ((const char *) size, NULL), >, 4.0);
              g_assert_nonnull (weight);
              group = xmlGetProp (element->parent, BAD_CAST "id");
              g_assert_cmpstr ((const char *) group, ==, "text");
              xmlFree (group);
              xmlFree (family);
              xmlFree (size);
              xmlFree (weight);
            }

          for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
            {
              const char *title = jm_item_get_title (jm_object_store_get_object (items, i));

              if (title == NULL || *title == '\0')
                continue;
              if (strstr (text, title) == NULL)
                g_test_message ("not found: “%s”", title);
              g_assert_nonnull (strstr (text, title));
              checked++;
            }
          /* Not every example has a future state. */
          if (state == JM_LAYER_STATE_CURRENT)
            g_assert_cmpuint (checked, >, 0);
          xmlFreeDoc (doc);
        }
    }
}

static cairo_surface_t *
rasterize_svg (GBytes *svg,
               int     width,
               int     height)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  RsvgRectangle viewport = { 0, 0, width, height };
  cairo_t *cr;

  g_assert_no_error (error);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (handle);
  return surface;
}

/* Pixels whose channels differ by more than @threshold, as a share. */
static double
difference (cairo_surface_t *a,
            cairo_surface_t *b,
            int              threshold)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint64 differing = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *row_b = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 32; shift += 8)
          {
            if (ABS ((int) ((row_a[x] >> shift) & 0xff) - (int) ((row_b[x] >> shift) & 0xff)) > threshold)
              {
                differing++;
                break;
              }
          }
    }

  return (double) differing / ((double) width * height);
}

/* The SVG without its text layer: cairo's drawing alone. */
static GBytes *
strip_text_layer (GBytes *svg)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  g_autofree char *copy = g_strndup (data, size);
  char *start = strstr (copy, "<g id=\"text\"");
  char *end = start != NULL ? strstr (start, "</g>\n") : NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  memmove (start, end + strlen ("</g>\n"), strlen (end + strlen ("</g>\n")) + 1);
  return g_bytes_new (copy, strlen (copy));
}

/* The largest 8-connected cluster of pixels that differ by more than
 * @threshold in some channel, as test-render's golden images count them;
 * the count of all differing pixels goes to @n_differing. */
static guint
largest_cluster (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              threshold,
                 guint           *n_differing)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  g_autofree guint8 *mask = g_new0 (guint8, (gsize) width * height);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  guint largest = 0;

  *n_differing = 0;
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *row_b = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 32; shift += 8)
          {
            if (ABS ((int) ((row_a[x] >> shift) & 0xff) - (int) ((row_b[x] >> shift) & 0xff)) > threshold)
              {
                mask[(gsize) y * width + x] = 1;
                (*n_differing)++;
                break;
              }
          }
    }

  for (int start = 0; start < width * height; start++)
    {
      guint size = 0;

      if (mask[start] != 1)
        continue;
      mask[start] = 2;
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          int here = g_array_index (stack, int, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          size++;
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                int nx = here % width + dx, ny = here / width + dy, next;

                if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                  continue;
                next = ny * width + nx;
                if (mask[next] == 1)
                  {
                    mask[next] = 2;
                    g_array_append_val (stack, next);
                  }
              }
        }
      largest = MAX (largest, size);
    }
  return largest;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The map drawn by cairo's SVG surface as SVG exports were drawn before
 * their text was real: every text as glyph outlines. */
static GBytes *
export_svg_with_outlines (JmDocument *document)
{
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  GByteArray *out = g_byte_array_new ();
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_ALL, TRUE };
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  jm_layout_get_size (layout, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_to_array, out, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_nonnull (strstr ((const char *) out->data, "glyph"));
  return g_byte_array_free_to_bytes (out);
}

/* The text is visible, and librsvg (rsvg-convert's library), laying it
 * out with Pango, draws it as cairo's glyph outlines were drawn, within
 * the golden images' tolerance; and the SVG as the PNG export within what
 * test-render's /export/svg-like-png allows. Against the PNG itself the
 * golden images' measure cannot hold, with or without real text: the
 * SVG's last row of pixels, a fraction of a unit high, is translucent
 * where the PNG export fills it, and librsvg fills glyph outlines where
 * cairo rasterises glyphs, so the edges of every text differ (by the
 * same few thousand pixels for outlines as for <text>). */
static void
test_svg_text_renders_like_png (gconstpointer data)
{
  const char *name = data;
  g_autofree char *map_path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(JmDocument) document = jm_test_load_map (map_path);
  g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(GBytes) drawing = strip_text_layer (svg);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) outlines = export_svg_with_outlines (document);
  cairo_surface_t *from_png, *from_svg, *from_drawing, *from_outlines;
  guint cluster, differing;
  int fd;
  double share;

  png = jm_export_to_bytes (document, JM_EXPORT_FORMAT_PNG, NULL, &error);
  g_assert_no_error (error);
  fd = g_file_open_tmp ("jm-svg-text-XXXXXX.png", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  from_png = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (from_png), ==, CAIRO_STATUS_SUCCESS);

  /* The PNG export is at scale 2: the SVG is drawn at the same size. */
  from_svg = rasterize_svg (svg, cairo_image_surface_get_width (from_png),
                            cairo_image_surface_get_height (from_png));
  from_drawing = rasterize_svg (drawing, cairo_image_surface_get_width (from_png),
                                cairo_image_surface_get_height (from_png));
  from_outlines = rasterize_svg (outlines, cairo_image_surface_get_width (from_png),
                                 cairo_image_surface_get_height (from_png));

  /* Without its <text>, the SVG has no text at all: cairo drew none. */
  share = difference (from_svg, from_drawing, 48);
  g_test_message ("%.4f%% of pixels are the text's", share * 100);
  g_assert_cmpfloat (share, >, 0.002);

  /* The golden images' measure: each channel within 8, no cluster of
   * differing pixels over 50. */
  cluster = largest_cluster (from_outlines, from_svg, 8, &differing);
  g_test_message ("%u pixels differ from the SVG with glyph outlines by more than 8, the largest cluster %u",
                  differing, cluster);
  g_assert_cmpuint (cluster, <=, 50);

  share = difference (from_png, from_svg, 48);
  g_test_message ("%.4f%% of pixels differ from the PNG export by more than 48", share * 100);
  g_assert_cmpfloat (share, <, 0.01);

  cairo_surface_destroy (from_png);
  cairo_surface_destroy (from_svg);
  cairo_surface_destroy (from_drawing);
  cairo_surface_destroy (from_outlines);
}

static JmItem *
first_item (JmDocument *document)
{
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));

  g_assert_cmpuint (jm_object_store_get_n_objects (items), >=, 4);
  return jm_object_store_get_object (items, 0);
}

static xmlNode *
find_text_containing (xmlDoc     *doc,
                      const char *needle)
{
  g_autoptr(GPtrArray) elements = text_elements (doc);

  for (guint i = 0; i < elements->len; i++)
    {
      xmlChar *content = xmlNodeGetContent (elements->pdata[i]);
      gboolean found = strstr ((const char *) content, needle) != NULL;

      xmlFree (content);
      if (found)
        return elements->pdata[i];
    }
  return NULL;
}

/* Titles that are markup or right-to-left, and a card's text of 10,000
 * characters, make an SVG that still parses, with the text as it was
 * written: markup escaped, right-to-left lines marked so, the giant text
 * no longer than what its card shows. */
static void
test_svg_text_hostile (void)
{
  static const char markup[] = "a < b && c > \"d\" 'e' ]]> <!-- x --> <script>alert(1)</script>";
  static const char rtl[] = "שלום עולם";
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(JmCommandStack) stack = jm_command_stack_new (document);
  JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
  g_autoptr(GString) giant = g_string_new (NULL);
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  xmlNode *element;
  xmlChar *direction;
  xmlDoc *doc;

  for (int i = 0; i < 1000; i++)
    g_string_append (giant, "Giantword ");
  g_assert_cmpuint (g_utf8_strlen (giant->str, -1), ==, 10000);

  g_assert_true (jm_edit_set_string (stack, first_item (document), "title", markup, 0, &error));
  g_assert_true (jm_edit_set_string (stack, jm_object_store_get_object (items, 1), "title", rtl, 0, &error));
  g_assert_true (jm_edit_set_string (stack, jm_object_store_get_object (items, 3), "title", "Con\x01trol\x1bled",
                                     0, &error));
  /* A title holds at most 1,000 characters; a card's body more. */
  g_assert_true (jm_edit_set_string (stack, jm_object_store_get_object (items, 2), "body", giant->str, 0, &error));
  g_assert_no_error (error);
  g_assert_no_error (error);

  svg = export_svg (document, JM_LAYER_MODE_CURRENT);
  /* Nothing of the markup reaches the SVG as markup. */
  g_assert_null (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<script"));
  doc = parse_svg (svg);
  text = all_text (doc);

  g_assert_nonnull (strstr (text, markup));

  element = find_text_containing (doc, rtl);
  g_assert_nonnull (element);
  direction = xmlGetProp (element, BAD_CAST "direction");
  g_assert_cmpstr ((const char *) direction, ==, "rtl");
  xmlFree (direction);

  /* The giant text: its card shows a few lines, and so does the SVG,
   * the last one cut by Pango's ellipsis as drawn. */
  g_assert_nonnull (strstr (text, "Giantword Giantword"));
  g_assert_null (strstr (text, giant->str));
  g_assert_cmpuint (strlen (text), <, 20000);
  {
    g_autoptr(GPtrArray) elements = text_elements (doc);
    g_autofree char *last = NULL;

    for (guint i = 0; i < elements->len; i++)
      {
        xmlChar *content = xmlNodeGetContent (elements->pdata[i]);

        if (strstr ((const char *) content, "Giantword") != NULL)
          {
            g_free (last);
            last = g_strdup ((const char *) content);
          }
        xmlFree (content);
      }
    g_assert_nonnull (last);
    g_test_message ("the giant text's last line: “%s”", last);
    g_assert_true (g_str_has_suffix (last, "…"));
    /* A line of a card, not the rest of the text. */
    g_assert_cmpuint (g_utf8_strlen (last, -1), <, 80);
  }

  /* Control characters are left out; what is around them stays. */
  element = find_text_containing (doc, "Control");
  g_assert_nonnull (element);
  {
    xmlChar *content = xmlNodeGetContent (element);

    g_assert_cmpstr ((const char *) content, ==, "Controlled");
    xmlFree (content);
  }

  xmlFreeDoc (doc);
}

/* What XML cannot hold is left out rather than written as a reference no
 * parser takes (g_markup_escape_text writes &#x1;); line breaks are
 * spaces, since one element is one line. */
static void
test_svg_text_escaping (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  jm_svg_text_append_escaped (out, "\x01" "a\tb\nc<d>&\"'\xff" "e\xef\xbf\xbe" "f", -1);
  g_assert_cmpstr (out->str, ==, "a b c&lt;d&gt;&amp;&quot;&apos;ef");

  g_string_truncate (out, 0);
  jm_svg_text_append_escaped (out, "é€😀", strlen ("é€"));
  g_assert_cmpstr (out->str, ==, "é€");
}

static char *
color_to_hex (const JmColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) lround (color->red * 255), (guint) lround (color->green * 255),
                          (guint) lround (color->blue * 255));
}

/* The text is real: cairo drew no glyph outlines (no glyph symbols, none
 * used), and a card's title is a <text> that an editor can restyle, seen
 * in the colour, size and weight the renderer draws card titles in, its
 * spaces kept. */
static void
test_svg_text_visible (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_CURRENT);
  const char *data = g_bytes_get_data (svg, NULL);
  gsize size = g_bytes_get_size (svg);
  g_autofree char *text_color = color_to_hex (&jm_theme_get (JM_THEME_LIGHT)->text);
  const PangoFontDescription *title_font = jm_theme_peek_font (JM_FONT_ITEM_TITLE);
  g_autofree char *title_size = g_strdup_printf ("%.2f", (double) pango_font_description_get_size (title_font) / PANGO_SCALE);
  g_autofree char *title_weight = g_strdup_printf ("%d", (int) pango_font_description_get_weight (title_font));
  xmlDoc *doc;
  xmlNode *element;
  xmlChar *value;

  /* cairo 1.16 names its glyph symbols "glyph0-1", 1.18 "glyph-0-1". */
  g_assert_null (g_strstr_len (data, size, "glyph"));

  doc = parse_svg (svg);
  element = find_text_containing (doc, jm_item_get_title (first_item (document)));
  g_assert_nonnull (element);

  value = xmlGetProp (element, BAD_CAST "fill");
  g_assert_cmpstr ((const char *) value, ==, text_color);
  xmlFree (value);
  g_assert_null (xmlHasProp (element, BAD_CAST "fill-opacity"));
  value = xmlGetProp (element, BAD_CAST "font-size");
  g_assert_cmpstr ((const char *) value, ==, title_size);
  xmlFree (value);
  value = xmlGetProp (element, BAD_CAST "font-weight");
  g_assert_cmpstr ((const char *) value, ==, title_weight);
  xmlFree (value);
  g_assert_cmpint (xmlNodeGetSpacePreserve (element), ==, 1);
  g_assert_nonnull (xmlHasProp (element, BAD_CAST "textLength"));

  /* Nothing above it hides it. */
  for (xmlNode *node = element->parent; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      g_assert_null (xmlHasProp (node, BAD_CAST "fill-opacity"));
      g_assert_null (xmlHasProp (node, BAD_CAST "opacity"));
      g_assert_null (xmlHasProp (node, BAD_CAST "fill"));
    }
  xmlFreeDoc (doc);
}

/* Each line's textLength is the width its text takes in its font, as
 * Pango lays it out alone: a viewer with the same font draws it at its
 * own width, unsqueezed, also a line that wraps at a blank, which Pango
 * draws with no width and the <text> keeps. */
static void
test_svg_text_lengths (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("grocery-first-order.jmap");
  g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_CURRENT);
  PangoContext *context = jm_theme_create_pango_context ();
  xmlDoc *doc = parse_svg (svg);
  g_autoptr(GPtrArray) elements = text_elements (doc);
  guint checked = 0, wrapped_at_blank = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      xmlNode *element = elements->pdata[i];
      xmlChar *content = xmlNodeGetContent (element);
      xmlChar *family = xmlGetProp (element, BAD_CAST "font-family");
      xmlChar *size = xmlGetProp (element, BAD_CAST "font-size");
      xmlChar *weight = xmlGetProp (element, BAD_CAST "font-weight");
      xmlChar *length = xmlGetProp (element, BAD_CAST "textLength");
      g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoRectangle logical;

      /* An ellipsized line: its ellipsis is shaped apart from the text. */
      if (strstr ((const char *) content, "…") == NULL)
        {
          pango_font_description_set_family (desc, (const char *) family);
          pango_font_description_set_absolute_size (desc, g_ascii_strtod ((const char *) size, NULL) * PANGO_SCALE);
          pango_font_description_set_weight (desc, atoi ((const char *) weight));
          pango_layout_set_font_description (layout, desc);
          pango_layout_set_text (layout, (const char *) content, -1);
          pango_layout_get_extents (layout, NULL, &logical);
          if (fabs (g_ascii_strtod ((const char *) length, NULL) - (double) logical.width / PANGO_SCALE) >= 0.05)
            g_test_message ("“%s”: textLength %s, alone %.2f", content, length, (double) logical.width / PANGO_SCALE);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod ((const char *) length, NULL),
                                          (double) logical.width / PANGO_SCALE, 0.05);
          checked++;
          if (g_str_has_suffix ((const char *) content, " "))
            wrapped_at_blank++;
        }
      xmlFree (content);
      xmlFree (family);
      xmlFree (size);
      xmlFree (weight);
      xmlFree (length);
    }
  g_test_message ("%u lines checked, %u of them wrapped at a blank", checked, wrapped_at_blank);
  g_assert_cmpuint (wrapped_at_blank, >, 0);
  xmlFreeDoc (doc);
  g_object_unref (context);
}

static GPtrArray *elements_named (xmlDoc     *doc,
                                  const char *name);

/* Ghosted items (the removed ones of a comparison of both states) keep
 * their text's and pictograms' translucency: its alpha becomes
 * fill-opacity, and the <use>'s opacity. */
static void
test_svg_text_ghosted (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("saas-onboarding.jmap");
  g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_BOTH);
  xmlDoc *doc = parse_svg (svg);
  g_autoptr(GPtrArray) elements = text_elements (doc);
  g_autoptr(GPtrArray) uses = elements_named (doc, "use");
  guint translucent = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      xmlChar *opacity = xmlGetProp (elements->pdata[i], BAD_CAST "fill-opacity");

      if (opacity != NULL)
        {
          double value = g_ascii_strtod ((const char *) opacity, NULL);

          g_assert_cmpfloat (value, >, 0.0);
          g_assert_cmpfloat (value, <, 1.0);
          translucent++;
        }
      xmlFree (opacity);
    }
  g_test_message ("%u of %u lines are translucent", translucent, elements->len);
  g_assert_cmpuint (translucent, >, 0);
  g_assert_cmpuint (translucent, <, elements->len);

  /* So are their pictograms: the <use>'s opacity. */
  translucent = 0;
  for (guint i = 0; i < uses->len; i++)
    {
      xmlChar *opacity = xmlGetNoNsProp (uses->pdata[i], BAD_CAST "opacity");

      if (opacity != NULL)
        {
          double value = g_ascii_strtod ((const char *) opacity, NULL);

          g_assert_cmpfloat (value, >, 0.0);
          g_assert_cmpfloat (value, <, 1.0);
          translucent++;
        }
      xmlFree (opacity);
    }
  g_test_message ("%u of %u pictograms are translucent", translucent, uses->len);
  g_assert_cmpuint (translucent, >, 0);
  g_assert_cmpuint (translucent, <, uses->len);
  xmlFreeDoc (doc);
}

/* `journeymap export -o map.svg` writes the layer too: grep finds a card's
 * title in the file. */
static void
test_svg_text_cli (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                               "hotel-guest-stay.jmap", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jm-svg-text-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(JmDocument) document = jm_test_load_map (example);
  g_autofree char *contents = NULL;
  g_autofree char *needle = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("JM_BINARY"), "export", example, "-o", out, NULL };
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));

  needle = g_strdup_printf (">%s<", jm_item_get_title (first_item (document)));
  g_assert_nonnull (strstr (contents, needle));
  g_unlink (out);
  g_rmdir (dir);
}

/* Pictograms {{{ */

static void
collect_elements (xmlNode    *node,
                  const char *name,
                  GPtrArray  *found)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST name) && node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST SVG_NS))
        g_ptr_array_add (found, node);
      collect_elements (node->children, name, found);
    }
}

/* Every element @name of the SVG namespace in @doc, in document order. */
static GPtrArray *
elements_named (xmlDoc     *doc,
                const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_elements (xmlDocGetRootElement (doc), name, found);
  return found;
}

/* How many of @elements have @attribute (in no namespace, or in xlink's
 * when @xlink) equal to @value. */
static guint
count_with (GPtrArray  *elements,
            const char *attribute,
            gboolean    xlink,
            const char *value)
{
  guint n = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      xmlChar *got = xlink ? xmlGetNsProp (elements->pdata[i], BAD_CAST attribute,
                                           BAD_CAST "http://www.w3.org/1999/xlink")
                           : xmlGetNoNsProp (elements->pdata[i], BAD_CAST attribute);

      if (got != NULL && strcmp ((const char *) got, value) == 0)
        n++;
      xmlFree (got);
    }
  return n;
}

/* The name of the pictogram a touchpoint of @channel wears. */
static const char *
channel_icon (JmChannel channel)
{
  const JmKind *kind = jm_kinds_lookup (JM_TYPE_CHANNEL, channel);

  if (kind == NULL)
    kind = jm_kinds_lookup (JM_TYPE_CHANNEL, JM_CHANNEL_OTHER);
  g_assert_nonnull (kind);
  return kind->icon;
}

/* Each channel's pictogram is one <symbol> in the SVG, and one <use> of it
 * (href and xlink:href, with a colour and a square) for each touchpoint of
 * that channel: not paths drawn again and again. */
static void
test_svg_symbols_channels (void)
{
  const char *examples[] = { "grocery-first-order.jmap", "hotel-guest-stay.jmap", "saas-onboarding.jmap" };
  guint channels_seen = 0;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(JmDocument) document = jm_test_load_example (examples[e]);
      JmObjectStore *items = jm_layer_get_items (jm_document_get_layer (document, JM_LAYER_STATE_CURRENT));
      g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_CURRENT);
      g_autoptr(GHashTable) touchpoints = g_hash_table_new (g_str_hash, g_str_equal);
      xmlDoc *doc = parse_svg (svg);
      g_autoptr(GPtrArray) symbols = elements_named (doc, "symbol");
      g_autoptr(GPtrArray) uses = elements_named (doc, "use");
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        {
          JmItem *item = jm_object_store_get_object (items, i);
          const char *icon;

          if (jm_item_get_kind (item) != JM_ITEM_KIND_TOUCHPOINT)
            continue;
          icon = channel_icon (jm_item_get_channel (item));
          g_hash_table_insert (touchpoints, (gpointer) icon,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (touchpoints, icon)) + 1));
        }
      g_assert_cmpuint (g_hash_table_size (touchpoints), >, 0);

      g_hash_table_iter_init (&iter, touchpoints);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *id = g_strconcat ("jm-icon-", (const char *) key, NULL);
          g_autofree char *ref = g_strconcat ("#", id, NULL);

          g_test_message ("%s: %u touchpoints with %s", examples[e], GPOINTER_TO_UINT (value), (const char *) key);
          g_assert_cmpuint (count_with (symbols, "id", FALSE, id), ==, 1);
          g_assert_cmpuint (count_with (uses, "href", FALSE, ref), ==, GPOINTER_TO_UINT (value));
          g_assert_cmpuint (count_with (uses, "href", TRUE, ref), ==, GPOINTER_TO_UINT (value));
          channels_seen++;
        }

      /* Every <use> has its square and colour, and refers to a symbol of
       * the file; each symbol is used. */
      for (guint i = 0; i < uses->len; i++)
        {
          const char *attributes[] = { "x", "y", "width", "height", "color" };
          xmlChar *href = xmlGetNoNsProp (uses->pdata[i], BAD_CAST "href");

          g_assert_nonnull (href);
          g_assert_true (href[0] == '#');
          g_assert_cmpuint (count_with (symbols, "id", FALSE, (const char *) href + 1), ==, 1);
          xmlFree (href);
          for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
            {
              xmlChar *got = xmlGetNoNsProp (uses->pdata[i], BAD_CAST attributes[a]);

              g_assert_nonnull (got);
              xmlFree (got);
            }
        }
      for (guint i = 0; i < symbols->len; i++)
        {
          xmlChar *id = xmlGetNoNsProp (symbols->pdata[i], BAD_CAST "id");
          g_autofree char *ref = g_strconcat ("#", (const char *) id, NULL);

          g_assert_cmpuint (count_with (uses, "href", FALSE, ref), >, 0);
          xmlFree (id);
        }
      xmlFreeDoc (doc);
    }
  g_assert_cmpuint (channels_seen, >=, 3);
}

static const char *const allowed_shapes[] = {
  "symbol", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon",
};

/* @node and what it holds are shapes painted in currentColor or none, with
 * no reference to anything. */
static void
assert_only_shapes (xmlNode *node)
{
  gboolean allowed = FALSE;

  g_assert_true (node->type == XML_ELEMENT_NODE);
  for (guint i = 0; i < G_N_ELEMENTS (allowed_shapes); i++)
    allowed = allowed || xmlStrEqual (node->name, BAD_CAST allowed_shapes[i]);
  if (!allowed)
    g_test_message ("element <%s> in a symbol", (const char *) node->name);
  g_assert_true (allowed);

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);

      g_assert_null (attr->ns);
      g_assert_false (xmlStrEqual (attr->name, BAD_CAST "href"));
      g_assert_false (xmlStrEqual (attr->name, BAD_CAST "style"));
      g_assert_false (g_str_has_prefix ((const char *) attr->name, "on"));
      g_assert_null (strstr ((const char *) value, "url("));
      g_assert_null (strstr ((const char *) value, "script"));
      if (xmlStrEqual (attr->name, BAD_CAST "fill") || xmlStrEqual (attr->name, BAD_CAST "stroke"))
        g_assert_true (xmlStrEqual (value, BAD_CAST "currentColor") || xmlStrEqual (value, BAD_CAST "none"));
      xmlFree (value);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      /* Text (an inline script's, say) is no shape either. */
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          xmlChar *content = xmlNodeGetContent (child);

          g_assert_true (content == NULL || *g_strstrip ((char *) content) == '\0');
          xmlFree (content);
          continue;
        }
      assert_only_shapes (child);
    }
}

/* The symbols of an export hold shapes alone: no <script>, no style, no
 * href, in or out of the file. */
static void
test_svg_symbols_clean (void)
{
  g_autoptr(JmDocument) document = jm_test_load_example ("hotel-guest-stay.jmap");
  g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_BOTH);
  xmlDoc *doc = parse_svg (svg);
  g_autoptr(GPtrArray) symbols = elements_named (doc, "symbol");
  g_autoptr(GPtrArray) scripts = elements_named (doc, "script");

  g_assert_cmpuint (symbols->len, >, 3);
  g_assert_cmpuint (scripts->len, ==, 0);
  for (guint i = 0; i < symbols->len; i++)
    {
      xmlNode *symbol = symbols->pdata[i];
      xmlChar *fill = xmlGetNoNsProp (symbol, BAD_CAST "fill");
      xmlChar *view_box = xmlGetNoNsProp (symbol, BAD_CAST "viewBox");

      g_assert_cmpstr ((const char *) fill, ==, "currentColor");
      g_assert_nonnull (view_box);
      g_assert_nonnull (symbol->children);
      assert_only_shapes (symbol);
      xmlFree (fill);
      xmlFree (view_box);
    }
  xmlFreeDoc (doc);
}

/* A pictogram file with a script, styles, events, paints from elsewhere and
 * references to files and the network is copied as its shapes alone. */
static void
test_svg_symbols_hostile (void)
{
  static const char hostile[] =
    "<?xml version=\"1.0\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "viewBox=\"0 0 16 16\" onload=\"alert(1)\">\n"
    "<script>alert(2)</script>\n"
    "<style>path { fill: url(http://example.com/x.svg#p) }</style>\n"
    "<g fill=\"#241f31\" style=\"filter:url(#f)\" onclick=\"alert(3)\">\n"
    "<path d=\"M1 1h14v14H1z\" fill=\"url(https://example.com/paint.svg#g)\" xlink:href=\"file:///etc/passwd\"/>\n"
    "<circle cx=\"8\" cy=\"8\" r=\"3\" stroke=\"red\" href=\"http://example.com/\"/>\n"
    "<image href=\"https://example.com/tracker.png\" width=\"16\" height=\"16\"/>\n"
    "<use xlink:href=\"external.svg#icon\"/>\n"
    "<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">hi</p></foreignObject>\n"
    "<a href=\"javascript:alert(4)\"><rect width=\"2\" height=\"2\"/></a>\n"
    "<ellipse xmlns:evil=\"http://example.com/ns\" cx=\"4\" cy=\"4\" rx=\"1\" ry=\"1\" "
    "evil:d=\"url(http://example.com/a)\"/>\n"
    "</g>\n"
    "</svg>\n";
  g_autoptr(GBytes) source = g_bytes_new_static (hostile, sizeof hostile - 1);
  static const char html[] = "<html><svg viewBox=\"0 0 1 1\"/></html>";
  static const char bare[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
  g_autoptr(GBytes) wrong_root = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GBytes) no_view_box = g_bytes_new_static (bare, sizeof bare - 1);
  g_autofree char *symbol = jm_svg_symbols_sanitize ("channel-web", source);
  g_autofree char *wrapped = NULL;
  g_autofree char *bad_name = jm_svg_symbols_sanitize ("x\" onload=\"alert(5)", source);
  xmlDoc *doc;
  xmlNode *root;

  g_assert_nonnull (symbol);
  g_test_message ("%s", symbol);
  g_assert_null (strstr (symbol, "script"));
  g_assert_null (strstr (symbol, "alert"));
  g_assert_null (strstr (symbol, "href"));
  g_assert_null (strstr (symbol, "example.com"));
  g_assert_null (strstr (symbol, "url("));
  g_assert_null (strstr (symbol, "style"));
  g_assert_null (strstr (symbol, "<image"));
  g_assert_null (strstr (symbol, "<use"));
  g_assert_null (strstr (symbol, "<a"));
  g_assert_null (strstr (symbol, "foreignObject"));
  g_assert_nonnull (strstr (symbol, "<path d=\"M1 1h14v14H1z\" fill=\"currentColor\"/>"));
  g_assert_nonnull (strstr (symbol, "stroke=\"currentColor\""));

  wrapped = g_strconcat ("<svg xmlns=\"" SVG_NS "\">", symbol, "</svg>", NULL);
  doc = xmlReadMemory (wrapped, (int) strlen (wrapped), NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root->children);
  g_assert_cmpstr ((const char *) root->children->name, ==, "symbol");
  assert_only_shapes (root->children);
  xmlFreeDoc (doc);

  g_assert_null (bad_name);
  g_assert_null (jm_svg_symbols_sanitize ("channel-web", wrong_root));
  g_assert_null (jm_svg_symbols_sanitize ("channel-web", no_view_box));
}

typedef struct
{
  char    *name;
  double   x, y, size; /* in the SVG's units */
  JmColor  color;
} DrawnIcon;

static void
drawn_icon_clear (gpointer data)
{
  g_free (((DrawnIcon *) data)->name);
}

/* A JmRenderIconFunc that keeps each pictogram, in device space. */
static void
record_icon (cairo_t       *cr,
             const char    *name,
             double         x,
             double         y,
             double         size,
             const JmColor *color,
             gpointer       data)
{
  GArray *icons = data;
  DrawnIcon icon = { g_strdup (name), x, y, size, *color };
  double size_dy = 0;

  cairo_user_to_device (cr, &icon.x, &icon.y);
  cairo_user_to_device_distance (cr, &icon.size, &size_dy);
  g_array_append_val (icons, icon);
}

/* The map drawn as an SVG export is, its text as <text>, but with cairo
 * drawing every pictogram as paths: in its place among the rest of the
 * drawing, as before pictograms were symbols, or with @icons_last, all of
 * them after the rest, where the export's <use>s lie. Where they were
 * drawn goes to @icons. */
static GBytes *
export_svg_with_icon_paths (JmDocument *document,
                            gboolean    icons_last,
                            GArray     *icons)
{
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(JmSvgText) text = jm_svg_text_new ();
  g_autoptr(GBytes) drawn = NULL;
  GByteArray *out = g_byte_array_new ();
  JmRenderOptions options = { JM_THEME_LIGHT, FALSE, NULL, JM_RENDER_ALL, TRUE };
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  options.text_func = jm_svg_text_add_layout;
  options.text_data = text;
  options.text_drawn_by_callback = TRUE;
  options.icon_func = record_icon;
  options.icon_data = icons;
  options.icons_drawn_by_callback = icons_last;
  jm_layout_get_size (layout, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_to_array, out, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  jm_renderer_draw (cr, layout, &options);
  if (icons_last)
    {
      cairo_identity_matrix (cr);
      for (guint i = 0; i < icons->len; i++)
        {
          DrawnIcon *icon = &g_array_index (icons, DrawnIcon, i);

          g_assert_true (jm_icon_draw (cr, icon->name, icon->x, icon->y, icon->size, &icon->color));
        }
    }
  else
    {
      /* Not handed to the callback, so drawn in place: nothing recorded. */
      g_assert_cmpuint (icons->len, ==, 0);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  drawn = g_byte_array_free_to_bytes (out);
  g_assert_null (g_strstr_len (g_bytes_get_data (drawn, NULL), g_bytes_get_size (drawn), "<use href=\"#jm-icon"));
  return jm_svg_text_insert (text, drawn);
}

/* Whether the pixel (@px, @py) of a drawing at @scale lies in one of
 * @icons' squares, or a pixel beside it (antialiasing). */
static gboolean
in_an_icon (GArray *icons,
            double  scale,
            int     px,
            int     py)
{
  for (guint i = 0; i < icons->len; i++)
    {
      DrawnIcon *icon = &g_array_index (icons, DrawnIcon, i);

      if (px >= floor (icon->x * scale) - 1 && px <= ceil ((icon->x + icon->size) * scale) + 1 &&
          py >= floor (icon->y * scale) - 1 && py <= ceil ((icon->y + icon->size) * scale) + 1)
        return TRUE;
    }
  return FALSE;
}

/* The SVG without its pictograms' group (which the text's follows). */
static GBytes *
strip_pictograms (GBytes *svg)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  g_autofree char *copy = g_strndup (data, size);
  char *start = strstr (copy, "<g id=\"pictograms\"");
  char *end = start != NULL ? strstr (start, "<g id=\"text\"") : NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  memmove (start, end, strlen (end) + 1);
  return g_bytes_new (copy, strlen (copy));
}

/* librsvg draws each <use> as cairo drew the pictogram's paths: in its
 * place, size and colour, within the golden images' tolerance (each
 * channel within 8, no cluster of differing pixels over 50), against the
 * same SVG with the pictograms as paths drawn after the rest, where the
 * <use>s lie. Against the pictograms as paths drawn in their place, the
 * SVG differs only inside the pictograms' squares: where a link's label
 * or the curve crosses a pictogram, the pictogram is now on top. */
static void
test_svg_symbols_render_like_paths (gconstpointer data)
{
  const char *name = data;
  g_autoptr(JmDocument) document = jm_test_load_example (name);
  g_autoptr(GBytes) svg = export_svg (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(GArray) icons = g_array_new (FALSE, FALSE, sizeof (DrawnIcon));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (DrawnIcon));
  g_autoptr(GBytes) last = NULL;
  g_autoptr(GBytes) in_place = NULL;
  g_autoptr(JmLayout) layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  g_autoptr(GBytes) stripped = NULL;
  cairo_surface_t *from_svg, *from_last, *from_in_place, *from_stripped;
  double width, height;
  guint cluster, differing, inside = 0;
  int w, h;

  g_array_set_clear_func (icons, drawn_icon_clear);
  last = export_svg_with_icon_paths (document, TRUE, icons);
  in_place = export_svg_with_icon_paths (document, FALSE, none);
  stripped = strip_pictograms (svg);
  g_assert_cmpuint (icons->len, >, 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<use href=\"#jm-icon"));

  jm_layout_get_size (layout, &width, &height);
  /* At scale 2, as the PNG export. */
  w = (int) ceil (width * 2);
  h = (int) ceil (height * 2);
  from_svg = rasterize_svg (svg, w, h);
  from_last = rasterize_svg (last, w, h);
  from_in_place = rasterize_svg (in_place, w, h);

  /* The pictograms are the <use>s alone: cairo drew none of them. */
  from_stripped = rasterize_svg (stripped, w, h);
  differing = (guint) lround (difference (from_svg, from_stripped, 48) * w * h);
  g_test_message ("%s: %u pixels are the pictograms'", name, differing);
  g_assert_cmpuint (differing, >, icons->len * 30);

  cluster = largest_cluster (from_last, from_svg, 8, &differing);
  g_test_message ("%s: %u pictograms; %u pixels differ from them as paths drawn last by more than 8, "
                  "the largest cluster %u", name, icons->len, differing, cluster);
  g_assert_cmpuint (cluster, <=, 50);

  cluster = largest_cluster (from_in_place, from_svg, 8, &differing);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row_a = (const guint32 *) (cairo_image_surface_get_data (from_in_place) +
                                                y * cairo_image_surface_get_stride (from_in_place));
      const guint32 *row_b = (const guint32 *) (cairo_image_surface_get_data (from_svg) +
                                                y * cairo_image_surface_get_stride (from_svg));

      for (int x = 0; x < w; x++)
        for (int shift = 0; shift < 32; shift += 8)
          {
            if (ABS ((int) ((row_a[x] >> shift) & 0xff) - (int) ((row_b[x] >> shift) & 0xff)) > 8)
              {
                /* The SVG's last row is translucent in both: not a pictogram's. */
                if (y < h - 1)
                  {
                    if (!in_an_icon (icons, 2.0, x, y))
                      g_test_message ("pixel (%d, %d) differs outside every pictogram", x, y);
                    g_assert_true (in_an_icon (icons, 2.0, x, y));
                  }
                inside++;
                break;
              }
          }
    }
  g_test_message ("%s: %u pixels differ from the pictograms as paths in place by more than 8 (the largest "
                  "cluster %u), all inside pictograms", name, inside, cluster);

  cairo_surface_destroy (from_svg);
  cairo_surface_destroy (from_last);
  cairo_surface_destroy (from_in_place);
  cairo_surface_destroy (from_stripped);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/svg-text/examples", test_svg_text_examples);
  g_test_add_data_func ("/svg-text/renders-like-png", "layout.jmap", test_svg_text_renders_like_png);
  g_test_add_func ("/svg-text/visible", test_svg_text_visible);
  g_test_add_func ("/svg-text/lengths", test_svg_text_lengths);
  g_test_add_func ("/svg-text/ghosted", test_svg_text_ghosted);
  g_test_add_func ("/svg-text/hostile", test_svg_text_hostile);
  g_test_add_func ("/svg-text/escaping", test_svg_text_escaping);
  g_test_add_func ("/svg-text/cli", test_svg_text_cli);
  g_test_add_func ("/svg-symbols/channels", test_svg_symbols_channels);
  g_test_add_func ("/svg-symbols/clean", test_svg_symbols_clean);
  g_test_add_func ("/svg-symbols/hostile", test_svg_symbols_hostile);
  g_test_add_data_func ("/svg-symbols/renders-like-paths/grocery", "grocery-first-order.jmap",
                        test_svg_symbols_render_like_paths);
  g_test_add_data_func ("/svg-symbols/renders-like-paths/hotel", "hotel-guest-stay.jmap",
                        test_svg_symbols_render_like_paths);
  g_test_add_data_func ("/svg-symbols/renders-like-paths/saas", "saas-onboarding.jmap",
                        test_svg_symbols_render_like_paths);

  return g_test_run ();
}
