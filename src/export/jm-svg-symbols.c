/* jm-svg-symbols.c: the pictograms of SVG exports, as <symbol> and <use>
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's SVG surface writes each pictogram it draws as paths of its own:
 * a map with forty e-mail touchpoints holds the e-mail envelope forty
 * times, and an editor cannot swap or restyle the envelope once.
 *
 * So for SVG exports the renderer draws no pictogram itself
 * (JmRenderOptions.icons_drawn_by_callback): it hands each one's name,
 * square and colour to jm_svg_symbols_add_icon(). Each pictogram used
 * becomes one <symbol id="jm-icon-NAME"> in a <defs>, its shapes painted
 * in currentColor, and each place it is drawn a <use> of it with the
 * colour as its color property. The group goes above cairo's drawing and
 * below the text layer: a pictogram drawn under a link or the emotional
 * curve now lies over it.
 *
 * The symbols are the pictograms' own SVG files, compiled into the core,
 * but they are copied through a list of allowed elements and attributes
 * all the same: only shapes, no scripts, no styles, no references to
 * anything, in the file or out of it.
 */

#define G_LOG_DOMAIN "jm-export"

#include "config.h"

#include "jm-svg-symbols.h"

#include <math.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "render/jm-icon-cache.h"
#include "jm-svg-text.h"

#define JM_SVG_NAMESPACE "http://www.w3.org/2000/svg"

struct _JmSvgSymbols
{
  GString    *uses;
  guint       n_uses;
  GPtrArray  *names;   /* the pictograms used, in the order first drawn */
  GHashTable *symbols; /* name → its <symbol> element, or "" when unusable */
};

JmSvgSymbols *
jm_svg_symbols_new (void)
{
  JmSvgSymbols *self = g_new0 (JmSvgSymbols, 1);

  self->uses = g_string_new (NULL);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->symbols = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
jm_svg_symbols_free (JmSvgSymbols *self)
{
  if (self == NULL)
    return;

  g_string_free (self->uses, TRUE);
  g_ptr_array_unref (self->names);
  g_hash_table_unref (self->symbols);
  g_free (self);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* Whether @name can stand in an id and a fragment reference as it is. */
static gboolean
is_plain_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_allowed_element (const xmlNode *node)
{
  static const char *const allowed[] = {
    "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon",
  };

  if (node->type != XML_ELEMENT_NODE || node->ns == NULL ||
      g_strcmp0 ((const char *) node->ns->href, JM_SVG_NAMESPACE) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      if (strcmp ((const char *) node->name, allowed[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Geometry and stroke attributes: none of them can refer to anything. */
static gboolean
is_allowed_attribute (const xmlAttr *attr)
{
  static const char *const allowed[] = {
    "d", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "x1", "y1", "x2", "y2",
    "points", "transform", "fill-rule", "clip-rule", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "opacity", "fill-opacity", "stroke-opacity",
  };

  /* xlink:href, xml:base and the like live in namespaces. */
  if (attr->ns != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      if (strcmp ((const char *) attr->name, allowed[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  jm_svg_text_append_escaped (out, value, -1);
  g_string_append_c (out, '"');
}

/* Copies @node's allowed children into @out. Paint is "none" or the
 * colour of the <use>: pictograms are single-colour, and a paint could
 * otherwise be a url() to a gradient or a file. */
static void
append_children (GString       *out,
                 const xmlNode *node,
                 int            depth)
{
  /* The pictograms nest two levels; this is plenty and stops runaways. */
  if (depth > 16)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!is_allowed_element (child))
        continue;

      g_string_append_printf (out, "<%s", (const char *) child->name);
      for (const xmlAttr *attr = child->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((const xmlNode *) attr);

          if (value == NULL)
            continue;
          if (attr->ns == NULL &&
              (strcmp ((const char *) attr->name, "fill") == 0 ||
               strcmp ((const char *) attr->name, "stroke") == 0))
            append_attribute (out, (const char *) attr->name,
                              strcmp (g_strstrip (value), "none") == 0 ? "none" : "currentColor");
          else if (is_allowed_attribute (attr))
            append_attribute (out, (const char *) attr->name, value);
        }
      if (child->children == NULL)
        {
          g_string_append (out, "/>");
          continue;
        }
      g_string_append_c (out, '>');
      append_children (out, child, depth + 1);
      g_string_append_printf (out, "</%s>", (const char *) child->name);
    }
}

/* The viewBox of the pictogram's <svg>, as four finite numbers, or FALSE. */
static gboolean
parse_view_box (const char *text,
                double      box[4])
{
  const char *p = text;

  for (int i = 0; i < 4; i++)
    {
      char *end = NULL;

      while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n')
        p++;
      box[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (box[i]))
        return FALSE;
      p = end;
    }
  while (*p == ' ' || *p == '\t' || *p == '\n')
    p++;
  return *p == '\0' && box[2] > 0 && box[3] > 0;
}

/**
 * jm_svg_symbols_sanitize:
 * @name: the pictogram's name
 * @source: its SVG file
 *
 * Returns: (transfer full) (nullable): a <symbol id="jm-icon-@name"> of
 *   @source's shapes alone, painted in currentColor; %NULL when @source is
 *   no SVG with a viewBox or @name no plain name
 */
char *
jm_svg_symbols_sanitize (const char *name,
                         GBytes     *source)
{
  g_autoptr(GString) out = NULL;
  xmlDoc *doc;
  xmlNode *root;
  const char *data;
  gsize size;
  double box[4];
  g_autofree char *view_box = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (!is_plain_name (name))
    return NULL;

  data = g_bytes_get_data (source, &size);
  if (size == 0 || size > G_MAXINT)
    return NULL;
  /* No network, no entities expanded, no DTD loaded. */
  doc = xmlReadMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || strcmp ((const char *) root->name, "svg") != 0 ||
      g_strcmp0 ((const char *) root->ns->href, JM_SVG_NAMESPACE) != 0)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  view_box = (char *) xmlGetNoNsProp (root, (const xmlChar *) "viewBox");
  if (view_box == NULL || !parse_view_box (view_box, box))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  out = g_string_new ("<symbol id=\"jm-icon-");
  g_string_append (out, name);
  g_string_append (out, "\" viewBox=\"");
  for (int i = 0; i < 4; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, box[i]);
    }
  g_string_append (out, "\" fill=\"currentColor\">");
  append_children (out, root, 0);
  g_string_append (out, "</symbol>\n");

  xmlFreeDoc (doc);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The <symbol> of @name, made the first time it is drawn; NULL when it
 * cannot be had. */
static const char *
lookup_symbol (JmSvgSymbols *self,
               const char   *name)
{
  const char *symbol = g_hash_table_lookup (self->symbols, name);
  g_autoptr(GBytes) source = NULL;
  char *made = NULL;

  if (symbol != NULL)
    return *symbol != '\0' ? symbol : NULL;

  source = jm_icon_get_source (name);
  if (source != NULL)
    made = jm_svg_symbols_sanitize (name, source);
  if (made == NULL)
    {
      g_warning ("Pictogram “%s” cannot be written as an SVG symbol", name);
      g_hash_table_insert (self->symbols, g_strdup (name), g_strdup (""));
      return NULL;
    }
  g_hash_table_insert (self->symbols, g_strdup (name), made);
  g_ptr_array_add (self->names, g_strdup (name));
  return made;
}

/**
 * jm_svg_symbols_add_icon: (skip)
 * @self: the #JmSvgSymbols, as JmRenderOptions.icon_data
 *
 * A #JmRenderIconFunc: keeps the pictogram @name, to be drawn in the
 * square at (@x, @y) of side @size on @cr in @color, as a <use> in @cr's
 * device space, which on cairo's SVG surface is the SVG's own.
 */
void
jm_svg_symbols_add_icon (cairo_t       *cr,
                         const char    *name,
                         double         x,
                         double         y,
                         double         size,
                         const JmColor *color,
                         gpointer       data)
{
  JmSvgSymbols *self = data;
  double size_dy = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && color != NULL);

  /* The renderer draws in layout units; the SVG's units may differ by a
   * scale (no rotation: a map is drawn upright). */
  cairo_user_to_device (cr, &x, &y);
  cairo_user_to_device_distance (cr, &size, &size_dy);
  size = hypot (size, size_dy);
  if (!isfinite (x) || !isfinite (y) || !(size > 0) || !isfinite (size))
    return;
  if (lookup_symbol (self, name) == NULL)
    return;

  g_string_append_printf (self->uses, "<use href=\"#jm-icon-%s\" xlink:href=\"#jm-icon-%s\" x=\"", name, name);
  append_number (self->uses, x);
  g_string_append (self->uses, "\" y=\"");
  append_number (self->uses, y);
  g_string_append (self->uses, "\" width=\"");
  append_number (self->uses, size);
  g_string_append (self->uses, "\" height=\"");
  append_number (self->uses, size);
  g_string_append_printf (self->uses, "\" color=\"#%02x%02x%02x\"",
                          (guint) lround (CLAMP (color->red, 0, 1) * 255),
                          (guint) lround (CLAMP (color->green, 0, 1) * 255),
                          (guint) lround (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    {
      g_string_append (self->uses, " opacity=\"");
      append_number (self->uses, CLAMP (color->alpha, 0, 1));
      g_string_append_c (self->uses, '"');
    }
  g_string_append (self->uses, "/>\n");
  self->n_uses++;
}

/**
 * jm_svg_symbols_get_n_uses:
 *
 * Returns: how many pictograms were drawn
 */
guint
jm_svg_symbols_get_n_uses (JmSvgSymbols *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_uses;
}

/**
 * jm_svg_symbols_insert:
 * @svg: an SVG document as cairo writes it
 *
 * Returns: (transfer full): @svg with the pictograms as its last group,
 *   above the drawing; @svg itself when it has no end tag to put it before
 */
GBytes *
jm_svg_symbols_insert (JmSvgSymbols *self,
                       GBytes       *svg)
{
  static const char end_tag[] = "</svg>";
  g_autoptr(GString) group = NULL;
  g_autoptr(GByteArray) out = NULL;
  const char *data;
  gsize size, at;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (svg != NULL, NULL);

  data = g_bytes_get_data (svg, &size);
  if (self->n_uses == 0 || size < sizeof end_tag - 1)
    return g_bytes_ref (svg);

  /* The last end tag: cairo writes nothing after it but a line break. */
  for (at = size - (sizeof end_tag - 1); ; at--)
    {
      if (memcmp (data + at, end_tag, sizeof end_tag - 1) == 0)
        break;
      if (at == 0)
        return g_bytes_ref (svg);
    }

  /* cairo declares the xlink namespace on its <svg>; the group declares
   * it again so that it stands on its own. */
  group = g_string_new ("<g id=\"pictograms\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" stroke=\"none\">\n"
                        "<defs>\n");
  for (guint i = 0; i < self->names->len; i++)
    g_string_append (group, g_hash_table_lookup (self->symbols, g_ptr_array_index (self->names, i)));
  g_string_append (group, "</defs>\n");
  g_string_append_len (group, self->uses->str, self->uses->len);
  g_string_append (group, "</g>\n");

  out = g_byte_array_sized_new (size + group->len);
  g_byte_array_append (out, (const guint8 *) data, at);
  g_byte_array_append (out, (const guint8 *) group->str, group->len);
  g_byte_array_append (out, (const guint8 *) data + at, size - at);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
