/* jm-renderer.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-renderer.h"
#include "jm-renderer-private.h"

#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jm-face.h"
#include "jm-icon-cache.h"
#include "jm-layout-private.h"
#include "format/jm-picture-check.h"
#include "model/jm-enum-types.h"
#include "model/jm-comment.h"
#include "model/jm-conflict.h"
#include "model/jm-kinds.h"
#include "jm-picture.h"

/* Everything a map shows is drawn here, in layout units, so the canvas,
 * PNG, SVG and PDF exports and printing look the same. Text is laid out
 * with the layout's Pango context, so it wraps where the layout measured. */

typedef struct _ImageTable ImageTable;

typedef struct
{
  cairo_t         *cr;
  JmLayout        *layout;
  const JmTheme   *theme;
  const JmRect    *clip;
  double           alpha;  /* below 1 while drawing ghosted items */
  ImageTable      *images; /* decoded pictures of this drawing alone, or NULL */
  JmRenderTextFunc text_func;  /* told of each text drawn, or NULL */
  gpointer         text_data;
  gboolean         review_marks;
  gboolean         text_by_func; /* text_func draws the text, not Pango */
  JmRenderIconFunc icon_func;    /* draws the pictograms, or NULL */
  gpointer         icon_data;
} Painter;

/* Primitives {{{ */

/* Ghosted items are drawn with translucent colours rather than through a
 * group painted with alpha: cairo 1.16's SVG and PDF backends leak the
 * group's surface, and plain colours make smaller files anyway. */
static void
set_color (const Painter *p,
           const JmColor *color)
{
  cairo_set_source_rgba (p->cr, color->red, color->green, color->blue, color->alpha * p->alpha);
}

static void
set_color_alpha (const Painter *p,
                 const JmColor *color,
                 double         alpha)
{
  cairo_set_source_rgba (p->cr, color->red, color->green, color->blue, color->alpha * alpha * p->alpha);
}

static JmColor
faded (const Painter *p,
       const JmColor *color)
{
  JmColor result = *color;

  result.alpha *= p->alpha;
  return result;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static gboolean
rect_visible (const Painter *p,
              double         x,
              double         y,
              double         width,
              double         height)
{
  if (p->clip == NULL)
    return TRUE;

  return x <= p->clip->x + p->clip->width && x + width >= p->clip->x &&
         y <= p->clip->y + p->clip->height && y + height >= p->clip->y;
}

/* cairo keeps device coordinates in 24.8 fixed point, which ends at
 * ±8,388,608: a line or band across a map millions of units wide, drawn
 * in a view far from where it starts (the canvas draws with the view's
 * offset), wrapped around and vanished. Where only the clip is drawn,
 * what spans the map is cut to the clip and this margin first. */
#define VIEW_MARGIN 64.0

/* Links are cut further out, where no label or arrow of one reaches into
 * view, and still well within the fixed point at any zoom. */
#define LINK_MARGIN 100000.0

static void
clamp_to_view (double *from,
               double *to,
               double  view_from,
               double  view_length)
{
  *from = MAX (*from, view_from - VIEW_MARGIN);
  *to = MIN (*to, view_from + view_length + VIEW_MARGIN);
}

/* A rectangle path, cut to the clip. */
static void
view_rectangle (const Painter *p,
                double         x,
                double         y,
                double         width,
                double         height)
{
  double right = x + width, bottom = y + height;

  if (p->clip != NULL)
    {
      clamp_to_view (&x, &right, p->clip->x, p->clip->width);
      clamp_to_view (&y, &bottom, p->clip->y, p->clip->height);
      if (right <= x || bottom <= y)
        return;
    }
  cairo_rectangle (p->cr, x, y, right - x, bottom - y);
}

/* A line along one axis, at @at across it, from @from to @to along it, cut
 * to the clip; a dashed one is cut by whole @period s of its dashes, so
 * that they stay where they were. */
static void
view_axis_line (const Painter *p,
                gboolean       horizontal,
                double         at,
                double         from,
                double         to,
                double         period)
{
  if (p->clip != NULL)
    {
      double across = horizontal ? p->clip->y : p->clip->x;
      double across_size = horizontal ? p->clip->height : p->clip->width;
      double start = from;

      if (at < across - VIEW_MARGIN || at > across + across_size + VIEW_MARGIN)
        return;
      clamp_to_view (&from, &to, horizontal ? p->clip->x : p->clip->y,
                     horizontal ? p->clip->width : p->clip->height);
      if (from > start && period > 0)
        from = start + floor ((from - start) / period) * period;
      if (to <= from)
        return;
    }
  cairo_move_to (p->cr, horizontal ? from : at, horizontal ? at : from);
  cairo_line_to (p->cr, horizontal ? to : at, horizontal ? at : to);
}

static void
view_hline (const Painter *p,
            double         x0,
            double         x1,
            double         y,
            double         period)
{
  view_axis_line (p, TRUE, y, x0, x1, period);
}

static void
view_vline (const Painter *p,
            double         x,
            double         y0,
            double         y1)
{
  view_axis_line (p, FALSE, x, y0, y1, 0);
}

/* Every text is drawn here: by Pango, or, where the caller writes text
 * of its own (an SVG export's <text>), by the caller alone, with the
 * text's colour as @cr's source. */
static void
show_layout_at (const Painter *p,
                PangoLayout   *layout,
                double         x,
                double         y,
                const JmColor *color)
{
  cairo_move_to (p->cr, x, y);
  set_color (p, color);
  if (p->text_by_func && p->text_func != NULL)
    {
      cairo_new_path (p->cr);
      p->text_func (p->cr, layout, x, y, p->text_data);
      return;
    }
  pango_cairo_show_layout (p->cr, layout);
  /* Showing text leaves a current point, which the next path would join. */
  cairo_new_path (p->cr);
  if (p->text_func != NULL)
    p->text_func (p->cr, layout, x, y, p->text_data);
}

/* Draws the pictogram @name, or hands it to the icon callback, which
 * draws it in a way of its own (an SVG export's <use>). */
static void
draw_icon (const Painter *p,
           const char    *name,
           double         x,
           double         y,
           double         size,
           const JmColor *color)
{
  if (p->icon_func == NULL)
    {
      jm_icon_draw (p->cr, name, x, y, size, color);
      return;
    }
  /* What jm_icon_draw() would skip, the callback is not told of either. */
  if (name != NULL && jm_icon_exists (name))
    p->icon_func (p->cr, name, x, y, size, color, p->icon_data);
}

/* Draws text at (x, y) wrapped to @width; returns its height. */
static double
draw_text (const Painter *p,
           JmFont         font,
           const char    *text,
           double         x,
           double         y,
           double         width,
           int            max_lines,
           const JmColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0.0;

  layout = jm_theme_create_text_layout (p->layout->pango, font, text, width, max_lines);
  pango_layout_get_extents (layout, NULL, &logical);

  show_layout_at (p, layout, x, y, color);

  return (double) logical.height / PANGO_SCALE;
}

static double
text_width (const Painter *p,
            JmFont         font,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = jm_theme_create_text_layout (p->layout->pango, font, text, -1, 0);
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* A one-line label, laid out once both to measure it and to show it. */
static PangoLayout *
label_layout (const Painter *p,
              JmFont         font,
              const char    *text,
              double        *width)
{
  PangoLayout *layout = jm_theme_create_text_layout (p->layout->pango, font, text, -1, 0);
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;

  return layout;
}


static void
draw_pill_label (const Painter *p,
                 const char    *text,
                 double         cx,
                 double         cy,
                 const JmColor *fill,
                 const JmColor *color)
{
  double text_extent;
  g_autoptr(PangoLayout) layout = label_layout (p, JM_FONT_CAPTION, text, &text_extent);
  double width = text_extent + 10;
  double height = 16;

  rounded_rectangle (p->cr, cx - width / 2, cy - height / 2, width, height, height / 2);
  set_color (p, fill);
  cairo_fill (p->cr);
  show_layout_at (p, layout, cx - width / 2 + 5, cy - height / 2 + 2, color);
}

/* A round badge with a pictogram, as for Moments of Truth. */
static void
draw_badge (const Painter *p,
            const char    *icon,
            double         cx,
            double         cy,
            double         radius,
            const JmColor *fill)
{
  JmColor white = { 1, 1, 1, 1 };

  cairo_arc (p->cr, cx, cy, radius + 1.5, 0, 2 * G_PI);
  set_color (p, &p->theme->paper);
  cairo_fill (p->cr);
  cairo_arc (p->cr, cx, cy, radius, 0, 2 * G_PI);
  set_color (p, fill);
  cairo_fill (p->cr);
  white = faded (p, &white);
  draw_icon (p, icon, cx - radius * 0.62, cy - radius * 0.62, radius * 1.24, &white);
}

/* }}} */

/* Review marks {{{ */

static guint
count_conflicts (gpointer owner)
{
  JmObjectStore *conflicts = jm_conflicts_peek (owner);

  return conflicts != NULL ? jm_object_store_get_n_objects (conflicts) : 0;
}

/* What a review has left on an object, in the window only: a dashed
 * outline around @r and a warning badge at its bottom left while it has
 * merge conflicts, and the count of its open comments in a bubble at its
 * bottom right. Nothing at all for an object without either, so a map
 * without comments or conflicts looks as it always did. */
static void
draw_review_marks (const Painter *p,
                   gpointer       owner,
                   const JmRect  *r)
{
  guint conflicts, comments;
  const double dashes[] = { 4, 3 };

  if (!p->review_marks)
    return;

  conflicts = count_conflicts (owner);
  comments = jm_comments_count_open (owner);

  if (conflicts > 0)
    {
      rounded_rectangle (p->cr, r->x - 3, r->y - 3, r->width + 6, r->height + 6, JM_ITEM_RADIUS + 3);
      cairo_set_line_width (p->cr, 2);
      cairo_set_dash (p->cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_color (p, &p->theme->removed);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      draw_badge (p, "merge-conflict", r->x + 4, r->y + r->height - 4, 8, &p->theme->removed);
    }

  if (comments > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", comments);
      double text_extent;
      g_autoptr(PangoLayout) layout = label_layout (p, JM_FONT_CAPTION, count, &text_extent);
      double width = MAX (text_extent + 10, 18), height = 16;
      double x = r->x + r->width - width + 4, y = r->y + r->height - height + 6;
      JmColor white = { 1, 1, 1, 1 };

      /* A speech bubble: a pill with a tail on its lower left. */
      rounded_rectangle (p->cr, x - 1.5, y - 1.5, width + 3, height + 3, height / 2 + 1.5);
      set_color (p, &p->theme->paper);
      cairo_fill (p->cr);
      rounded_rectangle (p->cr, x, y, width, height, height / 2);
      cairo_move_to (p->cr, x + 4, y + height - 3);
      cairo_line_to (p->cr, x + 1, y + height + 3);
      cairo_line_to (p->cr, x + 9, y + height - 1);
      cairo_close_path (p->cr);
      set_color (p, &p->theme->link);
      cairo_fill (p->cr);
      show_layout_at (p, layout, x + (width - text_extent) / 2, y + 2, &white);
    }
}

/* }}} */

/* Pictures {{{ */

/* Decoded images, by the GBytes that hold them: a map's images are drawn
 * every frame, decoded once, at about the size they are drawn (see
 * jm-picture.c), and the cache holds at most JM_IMAGE_CACHE_BYTES of them.
 * Guarded, as more than one thread may draw. Exports decode into a table
 * of their own instead (see @own_images), bounded alike: one that draws a
 * copy of the map read back from its file has new GBytes for every
 * picture, which would fill this cache with entries nobody asks for
 * again and push out the canvas's. */
#define JM_IMAGE_CACHE_BYTES (64 * 1024 * 1024)

/* Targets that are not pixels (PDF, SVG, printing, GTK's recordings for
 * the window, replayed at the screen's scale) get pictures this many
 * times finer than one pixel a unit. */
#define JM_IMAGE_VECTOR_RESOLUTION 2.0

struct _ImageTable
{
  GHashTable *surfaces; /* GBytes → cairo_surface_t */
  gsize       bytes;
};

static GMutex image_mutex;
static ImageTable *image_cache;

static ImageTable *
image_table_new (void)
{
  ImageTable *table = g_new0 (ImageTable, 1);

  table->surfaces = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref,
                                           (GDestroyNotify) cairo_surface_destroy);
  return table;
}

static void
image_table_free (ImageTable *table)
{
  g_hash_table_unref (table->surfaces);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageTable, image_table_free)

static gsize
surface_bytes (cairo_surface_t *surface)
{
  return (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
}

/* How many device pixels one user unit covers. */
static double
device_scale (cairo_t *cr)
{
  double dx = 1.0, dy = 0.0;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    dx = JM_IMAGE_VECTOR_RESOLUTION;
  cairo_user_to_device_distance (cr, &dx, &dy);
  return sqrt (dx * dx + dy * dy);
}

/* Puts @surface in the table in place of what @image had there, emptying
 * the table first when it would hold more than JM_IMAGE_CACHE_BYTES. */
static void
image_table_insert (ImageTable      *images,
                    GBytes          *image,
                    cairo_surface_t *surface)
{
  cairo_surface_t *old = g_hash_table_lookup (images->surfaces, image);

  if (old != NULL)
    {
      images->bytes -= surface_bytes (old);
      g_hash_table_remove (images->surfaces, image);
    }

  if (images->bytes + surface_bytes (surface) > JM_IMAGE_CACHE_BYTES)
    {
      g_hash_table_remove_all (images->surfaces);
      images->bytes = 0;
    }
  images->bytes += surface_bytes (surface);
  g_hash_table_insert (images->surfaces, g_bytes_ref (image), surface);
}

/* The picture decoded at least at @scale of its size (1 at most). Scales
 * are rounded up to quarter powers of two, so that zooming decodes again
 * only now and then. */
static cairo_surface_t *
lookup_picture (ImageTable *images,
                GBytes     *image,
                const char *type,
                double      scale)
{
  cairo_surface_t *surface;
  guint full_width, full_height, width, height;

  if (!jm_picture_get_size (image, type, &full_width, &full_height))
    return NULL;

  scale = scale > 0 ? MIN (1.0, exp2 (ceil (4 * log2 (scale)) / 4)) : 1.0;
  width = MAX (1, (guint) ceil (full_width * scale));
  height = MAX (1, (guint) ceil (full_height * scale));

  surface = g_hash_table_lookup (images->surfaces, image);
  if (surface != NULL && (guint) cairo_image_surface_get_width (surface) >= width &&
      (guint) cairo_image_surface_get_height (surface) >= height)
    return surface;

  surface = jm_picture_decode (image, type, width, height);
  if (surface != NULL)
    image_table_insert (images, image, surface);
  return surface;
}

static void
paint_png (const Painter   *p,
           cairo_surface_t *surface,
           double           x,
           double           y,
           double           width,
           double           height,
           double           radius,
           gboolean         cover)
{
  double image_width = cairo_image_surface_get_width (surface);
  double image_height = cairo_image_surface_get_height (surface);
  double scale = cover ? MAX (width / image_width, height / image_height)
                       : MIN (width / image_width, height / image_height);

  cairo_save (p->cr);
  rounded_rectangle (p->cr, x, y, width, height, radius);
  cairo_clip (p->cr);
  cairo_translate (p->cr, x + (width - image_width * scale) / 2, y + (height - image_height * scale) / 2);
  cairo_scale (p->cr, scale, scale);
  cairo_set_source_surface (p->cr, surface, 0, 0);
  cairo_paint_with_alpha (p->cr, p->alpha);
  cairo_restore (p->cr);
}

/* How many pictures the shared cache holds decoded. */
guint
jm_renderer_count_cached_images (void)
{
  guint count;

  g_mutex_lock (&image_mutex);
  count = image_cache != NULL ? g_hash_table_size (image_cache->surfaces) : 0;
  g_mutex_unlock (&image_mutex);

  return count;
}

/* How many bytes the pictures the shared cache holds take. */
gsize
jm_renderer_count_cached_image_bytes (void)
{
  gsize bytes;

  g_mutex_lock (&image_mutex);
  bytes = image_cache != NULL ? image_cache->bytes : 0;
  g_mutex_unlock (&image_mutex);

  return bytes;
}

/* The table of decoded pictures to draw from: the painter's own, or the
 * shared cache, locked until release_images(), as another thread may empty
 * it meanwhile. */
static ImageTable *
acquire_images (const Painter *p)
{
  if (p->images != NULL)
    return p->images;

  g_mutex_lock (&image_mutex);
  if (image_cache == NULL)
    image_cache = image_table_new ();
  return image_cache;
}

static void
release_images (const Painter *p)
{
  if (p->images == NULL)
    g_mutex_unlock (&image_mutex);
}

/* Draws a PNG or JPEG @image in the box, clipped to its corners of
 * @radius: whole (letterboxed), or covering the box when @cover, as a
 * photo in a round avatar. */
static gboolean
draw_raster (const Painter *p,
             GBytes        *image,
             const char    *type,
             double         x,
             double         y,
             double         width,
             double         height,
             double         radius,
             gboolean       cover)
{
  cairo_surface_t *surface;
  guint full_width, full_height;
  double scale;

  if (!jm_picture_get_size (image, type, &full_width, &full_height))
    return FALSE;
  scale = cover ? MAX (width / full_width, height / full_height) : MIN (width / full_width, height / full_height);
  scale *= device_scale (p->cr);

  /* Drawn while the table is held: its surfaces are not ours. */
  surface = lookup_picture (acquire_images (p), image, type, scale);
  if (surface != NULL)
    paint_png (p, surface, x, y, width, height, radius, cover);
  release_images (p);

  return surface != NULL;
}

/* An SVG picture with raster images in it, drawn into an image of the
 * box's size in pixels, kept in @images: librsvg decodes the images it
 * embeds whole (up to JM_PICTURE_MAX_SVG_RASTER_PIXELS a picture), and
 * PDF and SVG surfaces, as the window's recordings, would keep every
 * decoded image until the end. */
static cairo_surface_t *
lookup_svg_raster (ImageTable *images,
                   GBytes     *image,
                   guint       width,
                   guint       height)
{
  cairo_surface_t *surface = g_hash_table_lookup (images->surfaces, image);
  RsvgRectangle viewport = { 0, 0, width, height };
  RsvgHandle *handle;
  GBytes *svg;
  cairo_t *cr;

  if (surface != NULL && (guint) cairo_image_surface_get_width (surface) >= width &&
      (guint) cairo_image_surface_get_height (surface) >= height)
    return surface;

  /* No base file: librsvg then loads no external resource. */
  svg = jm_picture_shrink_svg (image, MAX (width, height));
  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL);
  g_bytes_unref (svg);
  if (handle == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  rsvg_handle_render_document (handle, cr, &viewport, NULL);
  cairo_destroy (cr);
  g_object_unref (handle);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  image_table_insert (images, image, surface);
  return surface;
}

static void
paint_svg_raster (const Painter   *p,
                  cairo_surface_t *surface,
                  double           x,
                  double           y,
                  double           width,
                  double           height,
                  double           radius)
{
  cairo_save (p->cr);
  rounded_rectangle (p->cr, x, y, width, height, radius);
  cairo_clip (p->cr);
  cairo_translate (p->cr, x, y);
  cairo_scale (p->cr, width / cairo_image_surface_get_width (surface),
               height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (p->cr, surface, 0, 0);
  cairo_paint_with_alpha (p->cr, p->alpha);
  cairo_restore (p->cr);
}

static gboolean
draw_svg_raster (const Painter *p,
                 GBytes        *image,
                 double         x,
                 double         y,
                 double         width,
                 double         height,
                 double         radius)
{
  double scale = device_scale (p->cr);
  guint pixel_width = CLAMP ((guint) ceil (width * scale), 1, JM_PICTURE_MAX_SIDE);
  guint pixel_height = CLAMP ((guint) ceil (height * scale), 1, JM_PICTURE_MAX_SIDE);
  cairo_surface_t *surface;

  surface = lookup_svg_raster (acquire_images (p), image, pixel_width, pixel_height);
  if (surface != NULL)
    paint_svg_raster (p, surface, x, y, width, height, radius);
  release_images (p);

  return surface != NULL;
}

/* A PNG, JPEG or SVG picture in the box, see draw_raster(); FALSE when @image is
 * of another type or cannot be read, for the caller's placeholder. */
static gboolean
draw_picture (const Painter *p,
              GBytes        *image,
              const char    *type,
              double         x,
              double         y,
              double         width,
              double         height,
              double         radius,
              gboolean       cover)
{
  RsvgHandle *handle;
  RsvgRectangle viewport = { x, y, width, height };
  guint64 raster_pixels;

  if (image == NULL)
    return FALSE;
  if (g_strcmp0 (type, "image/png") == 0 || g_strcmp0 (type, "image/jpeg") == 0)
    return draw_raster (p, image, type, x, y, width, height, radius, cover);
  if (g_strcmp0 (type, "image/svg+xml") != 0)
    return FALSE;
  /* Checked again, as a picture may reach the model without the reader
   * (a property set in code): reading it is cheap beside drawing it. */
  if (!jm_picture_check_svg (g_bytes_get_data (image, NULL), g_bytes_get_size (image), &raster_pixels, NULL))
    return FALSE;
  if (raster_pixels > 0)
    return draw_svg_raster (p, image, x, y, width, height, radius);

  /* No base file: librsvg then loads no external resource. */
  handle = rsvg_handle_new_from_data (g_bytes_get_data (image, NULL), g_bytes_get_size (image), NULL);
  if (handle == NULL)
    return FALSE;

  cairo_save (p->cr);
  rounded_rectangle (p->cr, x, y, width, height, radius);
  cairo_clip (p->cr);
  rsvg_handle_render_document (handle, p->cr, &viewport, NULL);
  cairo_restore (p->cr);
  g_object_unref (handle);
  return TRUE;
}

/* }}} */

/* Header {{{ */

static const char *
layer_mode_label (JmLayout *layout)
{
  JmLayer *primary = _jm_layout_get_primary_layer (layout);

  if (layout->mode == JM_LAYER_MODE_BOTH && jm_layer_get_state (primary) == JM_LAYER_STATE_FUTURE)
    return _("Future state compared with the current state");
  if (jm_layer_get_state (primary) == JM_LAYER_STATE_FUTURE)
    return _("Future state");

  return _("Current state");
}

static char *
build_meta_line (JmLayout *layout)
{
  JmDocument *document = layout->document;
  g_autoptr(GString) meta = g_string_new (layer_mode_label (layout));

  if (jm_document_get_author (document) != NULL)
    /* Translators: separates parts of the line under a map's title. */
    g_string_append_printf (meta, _("  ·  %s"), jm_document_get_author (document));
  if (jm_document_get_rank (document) > 0)
    g_string_append_printf (meta, _("  ·  Priority %d"), jm_document_get_rank (document));
  if (jm_document_get_max_length_days (document) > 0)
    g_string_append_printf (meta,
                            g_dngettext (GETTEXT_PACKAGE, "  ·  Up to %d day", "  ·  Up to %d days",
                                         jm_document_get_max_length_days (document)),
                            jm_document_get_max_length_days (document));

  return g_string_free (g_steal_pointer (&meta), FALSE);
}

static void
draw_diff_legend (const Painter *p,
                  double         x,
                  double         y)
{
  const struct {
    const char    *icon;
    const char    *label;
    const JmColor *color;
  } entries[] = {
    { "diff-added", _("Added"), &p->theme->added },
    { "diff-changed", _("Changed"), &p->theme->changed },
    { "diff-removed", _("Removed"), &p->theme->removed },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      draw_icon (p, entries[i].icon, x, y, 14, entries[i].color);
      x += 18;
      draw_text (p, JM_FONT_SUBHEADING, entries[i].label, x, y - 1, 120, 1, &p->theme->text_dim);
      x += text_width (p, JM_FONT_SUBHEADING, entries[i].label) + 16;
    }
}

/* The first letters of the first and the last word: "María and Jonas"
 * gives "MJ". */
static char *
initials_of (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_auto(GStrv) words = g_strsplit (trimmed, " ", -1);
  guint n_words = g_strv_length (words);

  if (n_words == 0 || words[0][0] == '\0')
    return g_strdup ("?");

  g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (words[0])));
  if (n_words > 1 && words[n_words - 1][0] != '\0')
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (words[n_words - 1])));

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

static void
draw_persona (const Painter      *p,
              const JmPersonaBox *box,
              guint               index)
{
  const JmRect *r = &box->rect;
  JmColor color = jm_theme_persona_color (index);
  g_autofree char *initials = initials_of (jm_persona_get_name (box->persona));
  double tx = r->x + JM_ITEM_PADDING + 48;
  double text_w = r->width - 2 * JM_ITEM_PADDING - 48;
  double y = r->y + JM_ITEM_PADDING;
  double full_w = r->width - 2 * JM_ITEM_PADDING;
  JmColor white = { 1, 1, 1, 1 };

  rounded_rectangle (p->cr, r->x, r->y, r->width, r->height, 10);
  set_color (p, &p->theme->card);
  cairo_fill_preserve (p->cr);
  set_color (p, &p->theme->card_border);
  cairo_set_line_width (p->cr, 1);
  cairo_stroke (p->cr);

  /* The persona's photo, or their initials on their curve's colour. */
  if (!draw_picture (p, jm_persona_get_photo (box->persona), jm_persona_get_photo_type (box->persona),
                     r->x + JM_ITEM_PADDING, y, 40, 40, 20, TRUE))
    {
      cairo_arc (p->cr, r->x + JM_ITEM_PADDING + 20, y + 20, 20, 0, 2 * G_PI);
      set_color (p, &color);
      cairo_fill (p->cr);
      draw_text (p, JM_FONT_HEADING, initials, r->x + JM_ITEM_PADDING + 6, y + 10, 28, 1, &white);
    }

  y += draw_text (p, JM_FONT_HEADING, jm_persona_get_name (box->persona), tx, y, text_w, 1, &p->theme->text);
  y += draw_text (p, JM_FONT_SUBHEADING, jm_persona_get_role (box->persona), tx, y, text_w, 1, &p->theme->text_dim);
  if (jm_persona_get_primary (box->persona))
    draw_pill_label (p, _("PRIMARY"), r->x + r->width - 36, r->y + 16, &color, &white);

  y = MAX (y, r->y + JM_ITEM_PADDING + 44) + JM_TEXT_GAP;
  y += draw_text (p, JM_FONT_CAPTION, _("GOALS"), r->x + JM_ITEM_PADDING, y, full_w, 1, &color);
  y += draw_text (p, JM_FONT_ITEM_BODY, jm_persona_get_goals (box->persona),
                  r->x + JM_ITEM_PADDING, y, full_w, 3, &p->theme->text) + JM_TEXT_GAP;
  y += draw_text (p, JM_FONT_CAPTION, _("FRUSTRATIONS"), r->x + JM_ITEM_PADDING, y, full_w, 1, &color);
  draw_text (p, JM_FONT_ITEM_BODY, jm_persona_get_frustrations (box->persona),
             r->x + JM_ITEM_PADDING, y, full_w, 3, &p->theme->text);
}

static void
draw_header (const Painter *p)
{
  JmLayout *layout = p->layout;
  const JmRect *r = &layout->title_rect;
  g_autofree char *meta = build_meta_line (layout);
  double y = r->y;

  if (!rect_visible (p, 0, 0, layout->width, layout->grid_y))
    return;

  y += draw_text (p, JM_FONT_MAP_TITLE, jm_document_get_title (layout->document),
                  r->x, y, r->width, 2, &p->theme->text) + JM_TEXT_GAP;
  y += draw_text (p, JM_FONT_MAP_DESCRIPTION, jm_document_get_description (layout->document),
                  r->x, y, MIN (r->width, 900.0), 4, &p->theme->text_dim);
  y += JM_TEXT_GAP;
  draw_text (p, JM_FONT_SUBHEADING, meta, r->x, y, r->width, 1, &p->theme->text_dim);

  if (jm_layout_get_mode (layout) == JM_LAYER_MODE_BOTH &&
      jm_layer_get_state (_jm_layout_get_primary_layer (layout)) == JM_LAYER_STATE_FUTURE)
    draw_diff_legend (p, r->x + text_width (p, JM_FONT_SUBHEADING, meta) + 24, y + 1);

  for (guint i = 0; i < layout->personas->len; i++)
    draw_persona (p, &g_array_index (layout->personas, JmPersonaBox, i), i);
}

/* }}} */

/* Grid {{{ */

/* A lane of a kind this version does not know (a newer file's) shows the
 * plain text lane's icon. */
static const char *
lane_icon_name (JmLaneKind kind)
{
  const JmKind *row = jm_kinds_lookup (JM_TYPE_LANE_KIND, kind);

  return row != NULL ? row->icon : "lane-text";
}

static void
draw_stage_header (const Painter    *p,
                   const JmStageBox *stage,
                   guint             index)
{
  JmLayout *layout = p->layout;
  JmColor color = jm_theme_stage_color (p->theme, jm_stage_get_color (stage->stage), index);
  JmColor tint = jm_color_mix (p->theme->paper, color, p->theme->kind == JM_THEME_DARK ? 0.18 : 0.08);
  double x = stage->x + JM_CELL_PADDING;
  double y = layout->grid_y;
  double width = stage->width - 2 * JM_CELL_PADDING;
  double h = layout->stage_header_height;
  g_autofree char *number = g_strdup_printf ("%02u", index + 1);

  cairo_rectangle (p->cr, stage->x, y, stage->width, h);
  set_color (p, &tint);
  cairo_fill (p->cr);
  cairo_rectangle (p->cr, stage->x, y, stage->width, JM_STAGE_BAND);
  set_color (p, &color);
  cairo_fill (p->cr);

  y += JM_STAGE_BAND + JM_CELL_PADDING;
  draw_text (p, JM_FONT_CAPTION, number, x, y, width, 1, &color);
  if (stage->n_moments > 0)
    {
      draw_icon (p, "moment-of-truth", x + width - 14, y - 1, 14, &p->theme->moment);
      draw_text (p, JM_FONT_CAPTION, _("MOMENT OF TRUTH"),
                 x + width - 18 - text_width (p, JM_FONT_CAPTION, _("MOMENT OF TRUTH")),
                 y, width, 1, &p->theme->moment);
    }
  y += JM_CAPTION_HEIGHT;
  y += draw_text (p, JM_FONT_HEADING, jm_stage_get_name (stage->stage), x, y, width, 2, &p->theme->text);
  y += draw_text (p, JM_FONT_SUBHEADING, jm_stage_get_description (stage->stage), x, y, width, 3,
                  &p->theme->text_dim);
  if (jm_stage_get_duration (stage->stage) != NULL)
    draw_text (p, JM_FONT_CAPTION, jm_stage_get_duration (stage->stage),
               x, layout->grid_y + h - JM_CELL_PADDING - 12, width, 1, &color);

  {
    JmRect r = { stage->x + 4, layout->grid_y + 4, stage->width - 8, h - 8 };

    draw_review_marks (p, stage->stage, &r);
  }
}

static void
draw_lane_header (const Painter   *p,
                  const JmLaneBox *lane)
{
  JmLayout *layout = p->layout;
  double x = JM_MAP_MARGIN;
  double width = JM_LANE_HEADER_WIDTH;
  JmLaneKind kind = jm_lane_get_kind (lane->lane);

  view_rectangle (p, x, lane->y, width, lane->height);
  set_color (p, &p->theme->lane_header_background);
  cairo_fill (p->cr);

  draw_icon (p, lane_icon_name (kind), x + JM_CELL_PADDING, lane->y + JM_CELL_PADDING + 1, 18,
                &p->theme->text_dim);
  draw_text (p, JM_FONT_HEADING, jm_lane_get_name (lane->lane), x + JM_CELL_PADDING + 26,
             lane->y + JM_CELL_PADDING, width - 2 * JM_CELL_PADDING - 26, 3, &p->theme->text);

  if (kind == JM_LANE_KIND_EMOTIONS && (int) (lane - (JmLaneBox *) (void *) layout->lanes->data) == layout->curve_lane)
    {
      JmObjectStore *personas = jm_document_get_personas (layout->document);
      double legend_y = lane->y + JM_CELL_PADDING + 28;

      const char *labels[] = { "+5", "0", "−5" };
      const double scores[] = { JM_SCORE_MAX, 0, JM_SCORE_MIN };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          double ly = _jm_layout_score_to_y (layout, scores[i]);
          double lw = text_width (p, JM_FONT_CAPTION, labels[i]);

          draw_text (p, JM_FONT_CAPTION, labels[i], x + width - JM_CELL_PADDING - lw, ly - 7, 40, 1,
                     &p->theme->text_dim);
        }

      /* Which curve is whose, when there are several: each persona's
       * band with its line, as on the curve. */
      for (guint i = 0; jm_object_store_get_n_objects (personas) > 1 &&
                        i < jm_object_store_get_n_objects (personas) && i < 6; i++)
        {
          JmPersona *persona = jm_object_store_get_object (personas, i);
          JmColor color = jm_theme_persona_color (i);

          rounded_rectangle (p->cr, x + JM_CELL_PADDING, legend_y + 2, 16, 11, 5.5);
          set_color_alpha (p, &color, p->theme->kind == JM_THEME_DARK ? 0.3 : 0.22);
          cairo_fill (p->cr);
          cairo_rectangle (p->cr, x + JM_CELL_PADDING, legend_y + 6, 16, 3);
          set_color (p, &color);
          cairo_fill (p->cr);
          draw_text (p, JM_FONT_SUBHEADING, jm_persona_get_name (persona), x + JM_CELL_PADDING + 20,
                     legend_y, width - 2 * JM_CELL_PADDING - 50, 1, &p->theme->text_dim);
          legend_y += 18;
        }
    }
}

static void
draw_grid (const Painter *p)
{
  JmLayout *layout = p->layout;
  double right = layout->grid_x;
  double bottom = layout->rows_y;

  for (guint i = 0; i < layout->stages->len; i++)
    right += g_array_index (layout->stages, JmStageBox, i).width;
  for (guint i = 0; i < layout->lanes->len; i++)
    bottom += g_array_index (layout->lanes, JmLaneBox, i).height;

  /* Columns with a Moment of Truth are tinted across every lane. */
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, i);

      if (stage->n_moments == 0)
        continue;
      view_rectangle (p, stage->x, layout->rows_y, stage->width, bottom - layout->rows_y);
      set_color_alpha (p, &p->theme->moment, 0.06);
      cairo_fill (p->cr);
      view_rectangle (p, stage->x, layout->grid_y, stage->width, 2);
      set_color (p, &p->theme->moment);
      cairo_fill (p->cr);
    }

  cairo_set_line_width (p->cr, 1);
  set_color (p, &p->theme->grid);
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const JmLaneBox *lane = &g_array_index (layout->lanes, JmLaneBox, i);

      view_hline (p, JM_MAP_MARGIN, right, round (lane->y) + 0.5, 0);
    }
  view_hline (p, JM_MAP_MARGIN, right, round (bottom) - 0.5, 0);

  for (guint i = 0; i <= layout->stages->len; i++)
    {
      double x = i < layout->stages->len ? g_array_index (layout->stages, JmStageBox, i).x : right;

      view_vline (p, round (x) + 0.5, layout->grid_y, bottom);
    }
  cairo_stroke (p->cr);
}

/* }}} */

/* Items {{{ */

/* A touchpoint shows its channel's icon and caption; a channel this
 * version does not know shows Other's. */
static const JmKind *
channel_kind (JmChannel channel)
{
  const JmKind *row = jm_kinds_lookup (JM_TYPE_CHANNEL, channel);

  return row != NULL ? row : jm_kinds_lookup (JM_TYPE_CHANNEL, JM_CHANNEL_OTHER);
}

typedef struct
{
  JmColor     fill;
  JmColor     accent;
  const char *icon;
  const char *caption;
} ItemStyle;

static ItemStyle
item_style (const Painter *p,
            JmItem        *item)
{
  const JmTheme *t = p->theme;
  ItemStyle style = { t->card, t->card_border, NULL, NULL };
  const JmKind *kind = jm_kinds_lookup (JM_TYPE_ITEM_KIND, jm_item_get_kind (item));
  JmColor custom;

  if (jm_item_get_kind (item) == JM_ITEM_KIND_TOUCHPOINT)
    kind = channel_kind (jm_item_get_channel (item));

  /* Only kinds with a caption wear their pictogram: a plain card, a note
   * and an image show none. */
  style.caption = kind != NULL ? jm_kind_get_caption (kind) : NULL;
  if (style.caption != NULL)
    style.icon = kind->icon;

  switch (jm_item_get_kind (item))
    {
    case JM_ITEM_KIND_TOUCHPOINT:
      style.accent = t->touchpoint_accent;
      break;
    case JM_ITEM_KIND_PAIN_POINT:
      style.fill = t->pain_card;
      style.accent = t->pain;
      break;
    case JM_ITEM_KIND_OPPORTUNITY:
      style.fill = t->opportunity_card;
      style.accent = t->opportunity;
      break;
    case JM_ITEM_KIND_NOTE:
      style.fill = t->note_card;
      style.accent = jm_color_mix (t->note_card, t->text, 0.25);
      break;
    case JM_ITEM_KIND_CARD:
    case JM_ITEM_KIND_IMAGE:
    default:
      break;
    }

  if (jm_color_parse (jm_item_get_color (item), &custom))
    {
      style.accent = custom;
      if (jm_item_get_kind (item) == JM_ITEM_KIND_CARD || jm_item_get_kind (item) == JM_ITEM_KIND_NOTE)
        style.fill = jm_color_mix (t->card, custom, t->kind == JM_THEME_DARK ? 0.25 : 0.14);
    }

  return style;
}

static void
draw_item_image (const Painter *p,
                 JmItem        *item,
                 double         x,
                 double         y,
                 double         width,
                 double         height)
{
  JmColor frame = jm_color_mix (p->theme->card, p->theme->text, 0.06);

  rounded_rectangle (p->cr, x, y, width, height, 4);
  set_color (p, &frame);
  cairo_fill (p->cr);

  if (draw_picture (p, jm_item_get_image (item), jm_item_get_image_type (item), x, y, width, height, 4, FALSE))
    return;

  frame = faded (p, &p->theme->text_dim);
  draw_icon (p, jm_kinds_lookup (JM_TYPE_ITEM_KIND, JM_ITEM_KIND_IMAGE)->icon,
                x + width / 2 - 16, y + height / 2 - 16, 32, &frame);
}

static void
draw_item_box (const Painter   *p,
               const JmItemBox *box)
{
  cairo_t *cr = p->cr;
  JmRect r = _jm_layout_item_rect (p->layout, box);
  JmItem *item = box->item;
  ItemStyle style = item_style (p, item);
  const JmKind *moment = jm_item_get_moment (item) != JM_MOMENT_KIND_NONE ?
                         jm_kinds_lookup (JM_TYPE_MOMENT_KIND, jm_item_get_moment (item)) : NULL;
  double x = r.x + JM_ITEM_PADDING + JM_ITEM_ACCENT;
  double width = r.width - 2 * JM_ITEM_PADDING - JM_ITEM_ACCENT;
  double y = r.y + JM_ITEM_PADDING;

  Painter ghost = *p;

  /* What the future removes is drawn faint; its badge is not. */
  if (box->diff == JM_DIFF_REMOVED)
    {
      ghost.alpha = 0.38;
      p = &ghost;
    }

  rounded_rectangle (cr, r.x, r.y + 1.5, r.width, r.height, JM_ITEM_RADIUS);
  set_color (p, &p->theme->shadow);
  cairo_fill (cr);

  rounded_rectangle (cr, r.x, r.y, r.width, r.height, JM_ITEM_RADIUS);
  set_color (p, &style.fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, moment != NULL ? 2.0 : 1.0);
  set_color (p, moment != NULL ? &p->theme->moment : &p->theme->card_border);
  cairo_stroke (cr);

  /* The accent bar on the left tells the kind at a glance. */
  cairo_save (cr);
  rounded_rectangle (cr, r.x, r.y, r.width, r.height, JM_ITEM_RADIUS);
  cairo_clip (cr);
  cairo_rectangle (cr, r.x, r.y, JM_ITEM_ACCENT, r.height);
  set_color (p, &style.accent);
  cairo_fill (cr);
  cairo_restore (cr);

  if (style.caption != NULL)
    {
      if (style.icon != NULL)
        {
          JmColor accent = faded (p, &style.accent);
          draw_icon (p, style.icon, x, y, 14, &accent);
        }
      draw_text (p, JM_FONT_CAPTION, style.caption, x + 19, y + 1, width - 19, 1, &style.accent);
      y += 16.0 + JM_TEXT_GAP;
    }

  y += draw_text (p, JM_FONT_ITEM_TITLE, jm_item_get_title (item), x, y, width, 4, &p->theme->text);
  if (box->body_height > 0)
    {
      y += JM_TEXT_GAP;
      y += draw_text (p, JM_FONT_ITEM_BODY, jm_item_get_body (item), x, y, width, JM_BODY_MAX_LINES,
                      &p->theme->text_dim);
    }
  if (jm_item_get_kind (item) == JM_ITEM_KIND_IMAGE)
    draw_item_image (p, item, x, y + JM_TEXT_GAP, width, JM_IMAGE_HEIGHT);

  if (jm_item_get_kind (item) == JM_ITEM_KIND_NOTE)
    {
      /* A folded corner. */
      cairo_move_to (cr, r.x + r.width - 14, r.y + r.height);
      cairo_line_to (cr, r.x + r.width, r.y + r.height - 14);
      cairo_line_to (cr, r.x + r.width - 14, r.y + r.height - 14);
      cairo_close_path (cr);
      set_color (p, &style.accent);
      cairo_fill (cr);
    }

  if (moment != NULL)
    draw_badge (p, moment->icon, r.x + r.width - 4, r.y + 4, 9, &p->theme->moment);

  p = &ghost;
  ghost.alpha = 1.0;
  if (box->diff == JM_DIFF_REMOVED)
    draw_badge (p, "diff-removed", r.x + 4, r.y + 4, 8, &p->theme->removed);
  else if (box->diff == JM_DIFF_ADDED)
    draw_badge (p, "diff-added", r.x + 4, r.y + 4, 8, &p->theme->added);
  else if (box->diff == JM_DIFF_CHANGED)
    draw_badge (p, "diff-changed", r.x + 4, r.y + 4, 8, &p->theme->changed);

  /* Not on the ghosts of removed items: their comments are the future's. */
  if (box->diff != JM_DIFF_REMOVED)
    draw_review_marks (p, item, &r);
}

static void
draw_items (const Painter *p)
{
  JmLayout *layout = p->layout;

  if (p->clip != NULL)
    {
      /* Shadows and badges reach a little beyond an item's box. */
      const double reach = JM_RENDER_ITEM_REACH;
      JmRect region = { p->clip->x - reach, p->clip->y - reach,
                        p->clip->width + 2 * reach, p->clip->height + 2 * reach };
      g_autoptr(GPtrArray) visible = jm_layout_query_items (layout, &region);

      for (guint i = 0; i < visible->len; i++)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (layout->item_boxes, visible->pdata[i]));
          draw_item_box (p, &g_array_index (layout->items, JmItemBox, index - 1));
        }
      return;
    }

  for (guint i = 0; i < layout->items->len; i++)
    draw_item_box (p, &g_array_index (layout->items, JmItemBox, i));
}

/* }}} */

/* Emotional curve {{{ */

/* A monotone cubic (Fritsch–Carlson) through the points: smooth, and it
 * never swings past the scores the designer set. */
static void
curve_path (cairo_t          *cr,
            const JmPointBox *points,
            guint             n)
{
  g_autofree double *slopes = g_new0 (double, n);
  g_autofree double *tangents = g_new0 (double, n);

  cairo_move_to (cr, points[0].x, points[0].y);
  if (n == 1)
    return;

  for (guint i = 0; i + 1 < n; i++)
    {
      double dx = points[i + 1].x - points[i].x;
      slopes[i] = dx != 0 ? (points[i + 1].y - points[i].y) / dx : 0;
    }
  tangents[0] = slopes[0];
  tangents[n - 1] = slopes[n - 2];
  for (guint i = 1; i + 1 < n; i++)
    tangents[i] = slopes[i - 1] * slopes[i] <= 0 ? 0 : (slopes[i - 1] + slopes[i]) / 2;
  for (guint i = 0; i + 1 < n; i++)
    {
      if (slopes[i] == 0)
        {
          tangents[i] = tangents[i + 1] = 0;
          continue;
        }
      {
        double a = tangents[i] / slopes[i], b = tangents[i + 1] / slopes[i];
        double s = a * a + b * b;

        if (s > 9)
          {
            double t = 3 / sqrt (s);
            tangents[i] = t * a * slopes[i];
            tangents[i + 1] = t * b * slopes[i];
          }
      }
    }

  for (guint i = 0; i + 1 < n; i++)
    {
      double dx = (points[i + 1].x - points[i].x) / 3;

      cairo_curve_to (cr,
                      points[i].x + dx, points[i].y + tangents[i] * dx,
                      points[i + 1].x - dx, points[i + 1].y - tangents[i + 1] * dx,
                      points[i + 1].x, points[i + 1].y);
    }
}

static void
draw_curve_fill (const Painter    *p,
                 const JmPointBox *points,
                 guint             n,
                 double            zero_y)
{
  cairo_t *cr = p->cr;
  double top, bottom;

  _jm_layout_curve_band (p->layout, &top, &bottom);

  curve_path (cr, points, n);
  cairo_line_to (cr, points[n - 1].x, zero_y);
  cairo_line_to (cr, points[0].x, zero_y);
  cairo_close_path (cr);
  {
    cairo_path_t *area = cairo_copy_path (cr);

    cairo_new_path (cr);
    cairo_save (cr);
    view_rectangle (p, 0, top - 20, p->layout->width, zero_y - top + 20);
    cairo_clip (cr);
    cairo_append_path (cr, area);
    set_color_alpha (p, &p->theme->positive, 0.16);
    cairo_fill (cr);
    cairo_restore (cr);

    cairo_save (cr);
    view_rectangle (p, 0, zero_y, p->layout->width, bottom - zero_y + 20);
    cairo_clip (cr);
    cairo_append_path (cr, area);
    set_color_alpha (p, &p->theme->negative, 0.16);
    cairo_fill (cr);
    cairo_restore (cr);
    cairo_path_destroy (area);
  }
}

/* What the feeling labels keep clear of: the labels already placed, the
 * faces and the curves (as the flat segments cairo makes of them). */
typedef struct
{
  GArray *labels;   /* JmRect */
  GArray *faces;    /* JmRect */
  GArray *curves;   /* double[4]: x1, y1, x2, y2 */
} CurveObstacles;

static gboolean
rects_overlap (const JmRect *a,
               const JmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static guint
count_overlaps (const JmRect *rect,
                GArray       *rects)
{
  guint count = 0;

  for (guint i = 0; i < rects->len; i++)
    count += rects_overlap (rect, &g_array_index (rects, JmRect, i));

  return count;
}

/* How many of the curves' flat segments pass through @rect: the segments
 * are short, so a segment with an end or its middle inside counts. */
static guint
count_curve_crossings (const JmRect *rect,
                       GArray       *curves)
{
  guint count = 0;

  for (guint i = 0; i < curves->len; i += 4)
    {
      const double *s = &g_array_index (curves, double, i);
      double xs[3] = { s[0], s[2], (s[0] + s[2]) / 2 }, ys[3] = { s[1], s[3], (s[1] + s[3]) / 2 };

      for (guint k = 0; k < G_N_ELEMENTS (xs); k++)
        {
          if (xs[k] >= rect->x && xs[k] <= rect->x + rect->width &&
              ys[k] >= rect->y && ys[k] <= rect->y + rect->height)
            {
              count++;
              break;
            }
        }
    }

  return count;
}

/* Keeps the flat segments of the path just made in @curves. */
static void
collect_curve (cairo_t *cr,
               GArray  *curves)
{
  cairo_path_t *path = cairo_copy_path_flat (cr);
  double last_x = 0, last_y = 0;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *data = &path->data[i];

      if (data->header.type == CAIRO_PATH_MOVE_TO)
        {
          last_x = data[1].point.x;
          last_y = data[1].point.y;
        }
      else if (data->header.type == CAIRO_PATH_LINE_TO)
        {
          double segment[4] = { last_x, last_y, data[1].point.x, data[1].point.y };

          g_array_append_vals (curves, segment, 4);
          last_x = data[1].point.x;
          last_y = data[1].point.y;
        }
    }
  cairo_path_destroy (path);
}

/* A point's feeling goes next to its face: above a face that feels good
 * and below one that does not, else beside it, else on the other side;
 * the first place clear of the other labels, the faces and the curves,
 * or the one that covers least. */
static void
draw_point_label (const Painter        *p,
                  const JmPointBox     *box,
                  const CurveObstacles *obstacles)
{
  const char *label = jm_emotion_point_get_label (box->point);
  const double height = 16, gap = 3;
  g_autoptr(PangoLayout) layout = NULL;
  JmRect places[4];
  double width, best = G_MAXDOUBLE;
  guint chosen = 0;
  gboolean good = jm_emotion_point_get_score (box->point) >= 0;

  /* Labels reach at most 70 beyond the face to either side; those out of
   * view are not measured. */
  if (label == NULL || *label == '\0' ||
      !rect_visible (p, box->x - 160, box->y - 40, 320, 80))
    return;

  layout = label_layout (p, JM_FONT_SUBHEADING, label, &width);
  if (width > 140)
    {
      /* Too long: cut with an ellipsis at the widest a label may be. */
      width = 140;
      pango_layout_set_width (layout, (int) ((width + 1) * PANGO_SCALE));
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  {
    JmRect above = { box->x - width / 2, box->y - JM_FACE_RADIUS - gap - height, width, height };
    JmRect below = { box->x - width / 2, box->y + JM_FACE_RADIUS + gap, width, height };
    JmRect right = { box->x + JM_FACE_RADIUS + 2 * gap, box->y - height / 2, width, height };
    JmRect left = { box->x - JM_FACE_RADIUS - 2 * gap - width, box->y - height / 2, width, height };

    places[0] = good ? above : below;
    places[1] = right;
    places[2] = left;
    places[3] = good ? below : above;
  }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      /* Other labels matter most, then faces, then the curves; among
       * places alike the earlier one wins. */
      double cost = 100.0 * count_overlaps (&places[i], obstacles->labels) +
                    50.0 * count_overlaps (&places[i], obstacles->faces) +
                    10.0 * count_curve_crossings (&places[i], obstacles->curves) + i;

      if (cost < best)
        {
          best = cost;
          chosen = i;
        }
      if (cost < 10.0)
        break;
    }

  g_array_append_val (obstacles->labels, places[chosen]);
  show_layout_at (p, layout, places[chosen].x, places[chosen].y, &p->theme->text);
}

static guint
primary_persona_index (JmLayout *layout)
{
  JmPersona *primary = jm_document_get_primary_persona (layout->document);
  guint index = 0;

  if (primary != NULL)
    jm_object_store_find (jm_document_get_personas (layout->document), JM_OBJECT (primary), &index);

  return index;
}

/* The colour band under a persona's curve: wide enough to follow one
 * curve where it crosses another, faint enough to see through. */
#define PERSONA_BAND_WIDTH 14.0

static void
draw_curve_run (const Painter    *p,
                const JmPointBox *points,
                guint             n,
                double            zero_y,
                CurveObstacles   *obstacles)
{
  cairo_t *cr = p->cr;
  gboolean ghost = points[0].ghost;
  JmColor color = jm_theme_persona_color (points[0].persona_index);

  /* Only the primary persona's curve is filled; the others stay lines so
   * that several curves remain readable. */
  if (!ghost && points[0].persona_index == primary_persona_index (p->layout))
    draw_curve_fill (p, points, n, zero_y);

  curve_path (cr, points, n);
  if (!ghost)
    {
      collect_curve (cr, obstacles->curves);
      cairo_set_line_width (cr, PERSONA_BAND_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_color_alpha (p, &color, p->theme->kind == JM_THEME_DARK ? 0.3 : 0.22);
      cairo_stroke_preserve (cr);
    }
  cairo_set_line_width (cr, ghost ? 2.0 : 3.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (ghost)
    {
      const double dashes[] = { 6, 4 };
      cairo_set_dash (cr, dashes, 2, 0);
    }
  set_color_alpha (p, &color, ghost ? 0.45 : 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The points of a run: faces, or dots for the ghosts. */
static void
draw_run_faces (const Painter    *p,
                const JmPointBox *points,
                guint             n,
                CurveObstacles   *obstacles)
{
  cairo_t *cr = p->cr;
  gboolean ghost = points[0].ghost;
  JmColor ink = { 0.12, 0.12, 0.14, 0.9 };

  for (guint i = 0; i < n; i++)
    {
      JmColor score = jm_theme_score_color (p->theme, jm_emotion_point_get_score (points[i].point));

      /* The current state under the future one keeps plain dots: its
       * faces would crowd those that count. */
      if (ghost)
        {
          cairo_arc (cr, points[i].x, points[i].y, JM_POINT_RADIUS, 0, 2 * G_PI);
          set_color_alpha (p, &score, 0.45);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 2);
          set_color (p, &p->theme->paper);
          cairo_stroke (cr);
          continue;
        }

      {
        JmColor fill = faded (p, &score);
        JmColor face_ink = faded (p, &ink);
        JmColor rim = faded (p, &p->theme->paper);
        JmRect rect = { points[i].x - JM_FACE_RADIUS, points[i].y - JM_FACE_RADIUS,
                        2 * JM_FACE_RADIUS, 2 * JM_FACE_RADIUS };

        jm_face_draw (cr, points[i].x, points[i].y, JM_FACE_RADIUS,
                      jm_mood_for_score (jm_emotion_point_get_score (points[i].point)), &fill, &face_ink, &rim);
        g_array_append_val (obstacles->faces, rect);
      }
    }
}

/* Narrows a run of points, in order along the map, to those in view and
 * four beyond on each side: the curve through them is the same in view
 * (each point's tangent depends on its neighbours), its ends and their
 * fill edges lie out of view, and a giant map's frame does not pay for
 * its whole curve. A ghost curve is dashed from its start, so it is drawn
 * whole: cut, its dashes would shift. */
static void
visible_run (const Painter    *p,
             const JmPointBox *points,
             guint            *first,
             guint            *end)
{
  const guint margin = 4;
  guint lo = *first, hi = *end;

  if (p->clip == NULL || points[lo].ghost)
    return;

  while (lo < hi && points[lo].x < p->clip->x)
    lo++;
  while (hi > lo && points[hi - 1].x > p->clip->x + p->clip->width)
    hi--;

  *first = lo >= *first + margin ? lo - margin : *first;
  *end = hi + margin <= *end ? hi + margin : *end;
}

/* What a pass over the curves draws: the curves are drawn in layers so
 * that each layer keeps clear of everything below it. */
typedef enum {
  CURVE_LAYER_LINES,
  CURVE_LAYER_FACES,
  CURVE_LAYER_FEELINGS,
} CurveLayer;

/* Draws @layer of every curve. Points are sorted by ghost, persona and
 * position: one run per curve. */
static void
draw_curve_runs (const Painter  *p,
                 CurveLayer      layer,
                 double          zero_y,
                 CurveObstacles *obstacles)
{
  const JmPointBox *points = (const JmPointBox *) (void *) p->layout->points->data;
  guint n_points = p->layout->points->len;
  guint start = 0;

  for (guint i = 1; i <= n_points; i++)
    {
      guint first = start, end = i;

      if (i < n_points && points[i].ghost == points[start].ghost &&
          points[i].persona_index == points[start].persona_index)
        continue;

      visible_run (p, points, &first, &end);
      switch (layer)
        {
        case CURVE_LAYER_LINES:
          draw_curve_run (p, points + first, end - first, zero_y, obstacles);
          break;
        case CURVE_LAYER_FACES:
          draw_run_faces (p, points + first, end - first, obstacles);
          break;
        case CURVE_LAYER_FEELINGS:
          for (guint k = first; k < end && !points[k].ghost; k++)
            draw_point_label (p, &points[k], obstacles);
          break;
        default:
          g_assert_not_reached ();
        }
      start = i;
    }
}

static void
draw_curve (const Painter *p)
{
  JmLayout *layout = p->layout;
  double top, bottom, zero_y, right;
  const double dashes[] = { 2, 4 };
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (JmRect));
  g_autoptr(GArray) faces = g_array_new (FALSE, FALSE, sizeof (JmRect));
  g_autoptr(GArray) curves = g_array_new (FALSE, FALSE, sizeof (double));
  CurveObstacles obstacles = { labels, faces, curves };

  if (layout->curve_lane < 0)
    return;

  _jm_layout_curve_band (layout, &top, &bottom);
  zero_y = _jm_layout_score_to_y (layout, 0.0);
  right = layout->width - JM_MAP_MARGIN;

  cairo_set_line_width (p->cr, 1);
  cairo_set_dash (p->cr, dashes, 2, 0);
  set_color (p, &p->theme->neutral_line);
  view_hline (p, layout->grid_x, right, round (zero_y) + 0.5, dashes[0] + dashes[1]);
  cairo_stroke (p->cr);
  cairo_set_dash (p->cr, NULL, 0, 0);

  /* The faces go over every curve, each persona's over the others'
   * lines, and the feelings on top, once every curve and face is there
   * to keep clear of. */
  draw_curve_runs (p, CURVE_LAYER_LINES, zero_y, &obstacles);
  draw_curve_runs (p, CURVE_LAYER_FACES, zero_y, &obstacles);
  draw_curve_runs (p, CURVE_LAYER_FEELINGS, zero_y, &obstacles);
}

/* }}} */

/* Links {{{ */

/* How much of the cards and headers a label's pill at @cx, @cy would
 * cover. */
static double
link_label_covers_card (const Painter *p,
                        double         cx,
                        double         cy,
                        double         width,
                        double         height)
{
  JmRect pill = { cx - width / 2, cy - height / 2, width, height };
  g_autoptr(GPtrArray) cards = jm_layout_query_items (p->layout, &pill);
  /* The stage headers' texts reach down to where the grid starts, the
   * lanes' to where it starts on the left. */
  double covered = MAX (0.0, MIN (pill.y + pill.height, p->layout->rows_y) - pill.y) * pill.width +
                   MAX (0.0, MIN (pill.x + pill.width, p->layout->grid_x) - pill.x) * pill.height;

  for (guint i = 0; i < cards->len; i++)
    {
      JmRect card;

      if (jm_layout_get_item_rect (p->layout, cards->pdata[i], &card))
        covered += MAX (0.0, MIN (pill.x + pill.width, card.x + card.width) - MAX (pill.x, card.x)) *
                   MAX (0.0, MIN (pill.y + pill.height, card.y + card.height) - MAX (pill.y, card.y));
    }

  return covered;
}

/* A link's label sits on its route, clear of the cards: on the middle of
 * the longest segment where that is clear, else of the next longest, else
 * a quarter along one, else beside the route; a route with no clear place
 * near (one that runs only in a gutter) gets the place that covers the
 * least of the cards. */
static void
link_label_position (const Painter   *p,
                     const JmLinkBox *box,
                     const char      *label,
                     double          *x,
                     double          *y)
{
  const double fractions[] = { 0.5, 0.25, 0.75 };
  guint order[JM_LINK_MAX_POINTS] = { 0 };
  guint n_segments = box->n_points - 1;
  double width = text_width (p, JM_FONT_CAPTION, label) + 10, height = 16;
  double least;

  for (guint i = 0; i < n_segments; i++)
    order[i] = i;
  /* By length, longest first: a handful, sorted by insertion. */
  for (guint i = 1; i < n_segments; i++)
    for (guint j = i; j > 0; j--)
      {
        guint a = order[j - 1], b = order[j];
        double la = fabs (box->xs[a + 1] - box->xs[a]) + fabs (box->ys[a + 1] - box->ys[a]);
        double lb = fabs (box->xs[b + 1] - box->xs[b]) + fabs (box->ys[b + 1] - box->ys[b]);

        if (lb <= la)
          break;
        order[j - 1] = b;
        order[j] = a;
      }

  *x = (box->xs[order[0]] + box->xs[order[0] + 1]) / 2;
  *y = (box->ys[order[0]] + box->ys[order[0] + 1]) / 2;
  least = link_label_covers_card (p, *x, *y, width, height);
  for (guint f = 0; f < G_N_ELEMENTS (fractions) && least > 0; f++)
    for (guint i = 0; i < n_segments; i++)
      {
        guint s = order[i];
        double cx = box->xs[s] + (box->xs[s + 1] - box->xs[s]) * fractions[f];
        double cy = box->ys[s] + (box->ys[s + 1] - box->ys[s]) * fractions[f];
        double covered = link_label_covers_card (p, cx, cy, width, height);

        if (covered < least)
          {
            *x = cx;
            *y = cy;
            least = covered;
          }
        if (least == 0)
          return;
      }

  /* A route too short for its label (between neighbours, between
   * stacked cards): the label moves off it, across the middle of its
   * longest segment, to the nearest place clear of the cards, as a
   * caption beside the route. */
  for (double shift = 4; shift <= 120 && least > 0; shift += 4)
    for (int side = -1; side <= 1; side += 2)
      {
        guint s = order[0];
        gboolean across = box->ys[s] == box->ys[s + 1];
        double cx = (box->xs[s] + box->xs[s + 1]) / 2 + (across ? 0 : side * shift);
        double cy = (box->ys[s] + box->ys[s + 1]) / 2 + (across ? side * shift : 0);

        /* Off the route only where it is clear: a label that covers a
         * card anyway stays on its route. */
        if (link_label_covers_card (p, cx, cy, width, height) == 0)
          {
            *x = cx;
            *y = cy;
            return;
          }
      }
}

static void
draw_link (const Painter   *p,
           const JmLinkBox *box)
{
  cairo_t *cr = p->cr;
  const double radius = 6;
  guint n = box->n_points;
  double end_x = box->xs[n - 1], end_y = box->ys[n - 1];
  const char *label = jm_link_get_label (box->link);
  double xs[G_N_ELEMENTS (box->xs)] = { 0 }, ys[G_N_ELEMENTS (box->ys)] = { 0 };
  double ux, uy;

  /* A route across a map millions of units wide would reach cairo's
   * fixed point (see VIEW_MARGIN): its corners are moved in to this far
   * from the clip first. Its segments run along the axes, so what of
   * them is in view stays where it was. */
  for (guint i = 0; i < n; i++)
    {
      xs[i] = box->xs[i];
      ys[i] = box->ys[i];
      if (p->clip != NULL)
        {
          xs[i] = CLAMP (xs[i], p->clip->x - LINK_MARGIN, p->clip->x + p->clip->width + LINK_MARGIN);
          ys[i] = CLAMP (ys[i], p->clip->y - LINK_MARGIN, p->clip->y + p->clip->height + LINK_MARGIN);
        }
    }

  cairo_move_to (cr, xs[0], ys[0]);
  for (guint i = 1; i + 1 < n; i++)
    {
      double dx1 = xs[i] - xs[i - 1], dy1 = ys[i] - ys[i - 1];
      double dx2 = xs[i + 1] - xs[i], dy2 = ys[i + 1] - ys[i];
      double l1 = MAX (fabs (dx1) + fabs (dy1), 0.001), l2 = MAX (fabs (dx2) + fabs (dy2), 0.001);
      double r = MIN (radius, MIN (l1, l2) / 2);

      cairo_line_to (cr, xs[i] - dx1 / l1 * r, ys[i] - dy1 / l1 * r);
      cairo_curve_to (cr, xs[i], ys[i], xs[i], ys[i], xs[i] + dx2 / l2 * r, ys[i] + dy2 / l2 * r);
    }
  /* The line stops inside the arrow head, which points the way the last
   * segment runs. */
  {
    double dx = box->xs[n - 1] - box->xs[n - 2], dy = box->ys[n - 1] - box->ys[n - 2];
    double length = MAX (fabs (dx) + fabs (dy), 0.001);

    ux = dx / length;
    uy = dy / length;
  }
  cairo_line_to (cr, xs[n - 1] - ux * 6, ys[n - 1] - uy * 6);

  cairo_set_line_width (cr, 1.5);
  set_color_alpha (p, &p->theme->link, box->ghost ? 0.4 : 0.9);
  cairo_stroke (cr);

  if (rect_visible (p, end_x - LINK_MARGIN, end_y - LINK_MARGIN, 2 * LINK_MARGIN, 2 * LINK_MARGIN))
    {
      cairo_move_to (cr, end_x, end_y);
      cairo_line_to (cr, end_x - ux * 8 - uy * 4.5, end_y - uy * 8 + ux * 4.5);
      cairo_line_to (cr, end_x - ux * 8 + uy * 4.5, end_y - uy * 8 - ux * 4.5);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  if (label != NULL && *label != '\0')
    {
      double mx, my;
      JmColor fill = p->theme->paper;

      link_label_position (p, box, label, &mx, &my);
      if (rect_visible (p, mx - LINK_MARGIN, my - LINK_MARGIN, 2 * LINK_MARGIN, 2 * LINK_MARGIN))
        draw_pill_label (p, label, mx, my, &fill, &p->theme->link);
    }
}

/* A link's route with its label and arrow head around it. */
static gboolean
link_visible (const Painter   *p,
              const JmLinkBox *box)
{
  const double reach = 80;
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < box->n_points; i++)
    {
      left = MIN (left, box->xs[i]);
      right = MAX (right, box->xs[i]);
      top = MIN (top, box->ys[i]);
      bottom = MAX (bottom, box->ys[i]);
    }

  return rect_visible (p, left - reach, top - reach, right - left + 2 * reach, bottom - top + 2 * reach);
}

/* Only the links in view: measuring the labels of the others would make a
 * frame cost grow with the map. */
static void
draw_links (const Painter *p)
{
  for (guint i = 0; i < p->layout->links->len; i++)
    {
      const JmLinkBox *box = &g_array_index (p->layout->links, JmLinkBox, i);

      if (link_visible (p, box))
        draw_link (p, box);
    }
}

/* }}} */

/**
 * jm_renderer_draw:
 * @cr: the cairo context, mapping layout units to the target
 * @layout: an up-to-date layout
 * @options: how to draw
 *
 * Draws the map, or the part of it in @options->clip.
 */
static void jm_renderer_draw_base (const Painter         *p,
                                   const JmRenderOptions *options);

void
jm_renderer_draw (cairo_t               *cr,
                  JmLayout              *layout,
                  const JmRenderOptions *options)
{
  Painter p = { cr, layout, jm_theme_get (options->theme), options->clip, 1.0, NULL,
                options->text_func, options->text_data, options->review_marks };
  g_autoptr(ImageTable) own_images = options->own_images ? image_table_new () : NULL;
  JmRenderParts parts;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (JM_IS_LAYOUT (layout));

  p.images = own_images;
  p.text_by_func = options->text_drawn_by_callback;
  if (options->icons_drawn_by_callback)
    {
      p.icon_func = options->icon_func;
      p.icon_data = options->icon_data;
    }

  jm_layout_update (layout);
  pango_cairo_update_context (cr, layout->pango);

  parts = options->parts != JM_RENDER_ALL ? options->parts : (JM_RENDER_BASE | JM_RENDER_ITEMS | JM_RENDER_OVERLAY);

  cairo_save (cr);

  if ((parts & JM_RENDER_BASE) != 0)
    jm_renderer_draw_base (&p, options);
  if ((parts & JM_RENDER_ITEMS) != 0)
    draw_items (&p);
  if ((parts & JM_RENDER_OVERLAY) != 0)
    {
      draw_curve (&p);
      draw_links (&p);
    }

  cairo_restore (cr);
}

static void
jm_renderer_draw_base (const Painter         *p,
                       const JmRenderOptions *options)
{
  cairo_t *cr = p->cr;
  JmLayout *layout = p->layout;

  if (!options->transparent)
    {
      set_color (p, &p->theme->background);
      cairo_paint (cr);
    }

  draw_header (p);

  for (guint i = 0; i < layout->stages->len; i++)
    {
      const JmStageBox *stage = &g_array_index (layout->stages, JmStageBox, i);

      if (rect_visible (p, stage->x, layout->grid_y, stage->width, layout->stage_header_height))
        draw_stage_header (p, stage, i);
    }

  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const JmLaneBox *lane = &g_array_index (layout->lanes, JmLaneBox, i);

      if (rect_visible (p, JM_MAP_MARGIN, lane->y, JM_LANE_HEADER_WIDTH, lane->height))
        draw_lane_header (p, lane);
    }

  draw_grid (p);
}

/**
 * jm_renderer_draw_item:
 *
 * Draws one item where the layout placed it, for views that keep a
 * rendering per item.
 */
void
jm_renderer_draw_item (cairo_t               *cr,
                       JmLayout              *layout,
                       JmItem                *item,
                       const JmRenderOptions *options)
{
  Painter p = { cr, layout, jm_theme_get (options->theme), NULL, 1.0, NULL,
                options->text_func, options->text_data, options->review_marks };
  guint index;

  g_return_if_fail (JM_IS_LAYOUT (layout));

  index = GPOINTER_TO_UINT (g_hash_table_lookup (layout->item_boxes, item));
  if (index == 0)
    return;

  p.text_by_func = options->text_drawn_by_callback;
  if (options->icons_drawn_by_callback)
    {
      p.icon_func = options->icon_func;
      p.icon_data = options->icon_data;
    }
  pango_cairo_update_context (cr, layout->pango);
  draw_item_box (&p, &g_array_index (layout->items, JmItemBox, index - 1));
}
