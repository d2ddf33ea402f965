/* jm-text-measures.c: heights of laid-out text, kept by what decides them
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measuring a text with Pango (shaping it, breaking it into lines) is most
 * of the cost of a layout, and maps repeat their texts: the same title on
 * the cards of many stages, a body pasted from one card to the next. The
 * height of a text depends only on its font, the width it wraps at, the
 * lines it may take and the text itself, so it is kept under those four
 * and measured once for all the cards and layout passes that ask again.
 *
 * The memory is bounded: entries live in two generations of at most half
 * the capacity each. New entries go into the young one; when it is full
 * the old one is dropped and the young one becomes old. An entry found in
 * the old generation moves back to the young one, so what is in use stays
 * and what has not been asked for over a generation goes.
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-text-measures.h"

#include <string.h>

typedef struct
{
  guint       hash;
  JmFont      font;
  int         max_lines;
  double      width;
  double      height;
  const char *text;        /* in the same allocation, after the entry */
} Entry;

struct _JmTextMeasures
{
  GHashTable *young;       /* Entry set, owns its entries */
  GHashTable *old;
  guint       generation_size;
};

static guint
entry_hash (gconstpointer data)
{
  return ((const Entry *) data)->hash;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  return ea->hash == eb->hash && ea->font == eb->font && ea->max_lines == eb->max_lines &&
         ea->width == eb->width && strcmp (ea->text, eb->text) == 0;
}

static guint
compute_hash (JmFont      font,
              const char *text,
              double      width,
              int         max_lines)
{
  guint hash = g_str_hash (text);
  guint64 width_bits;

  memcpy (&width_bits, &width, sizeof width_bits);
  hash = hash * 31 + (guint) font;
  hash = hash * 31 + (guint) max_lines;
  hash = hash * 31 + (guint) (width_bits ^ (width_bits >> 32));

  return hash;
}

static GHashTable *
generation_new (void)
{
  return g_hash_table_new_full (entry_hash, entry_equal, g_free, NULL);
}

/**
 * jm_text_measures_new:
 * @capacity: the most entries kept (at least 2)
 *
 * Returns: (transfer full): an empty cache
 */
JmTextMeasures *
jm_text_measures_new (guint capacity)
{
  JmTextMeasures *self = g_new0 (JmTextMeasures, 1);

  self->young = generation_new ();
  self->old = generation_new ();
  self->generation_size = MAX (capacity / 2, 1);

  return self;
}

void
jm_text_measures_free (JmTextMeasures *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->young);
  g_hash_table_unref (self->old);
  g_free (self);
}

static void
jm_text_measures_add_young (JmTextMeasures *self,
                            Entry          *entry)
{
  if (g_hash_table_size (self->young) >= self->generation_size)
    {
      g_hash_table_unref (self->old);
      self->old = self->young;
      self->young = generation_new ();
    }

  g_hash_table_add (self->young, entry);
}

/**
 * jm_text_measures_lookup:
 * @height: (out): the height kept for the text
 *
 * Returns: %TRUE when the text was measured with this font, width and
 *   number of lines
 */
gboolean
jm_text_measures_lookup (JmTextMeasures *self,
                         JmFont          font,
                         const char     *text,
                         double          width,
                         int             max_lines,
                         double         *height)
{
  Entry key = { 0, font, max_lines, width, 0.0, text != NULL ? text : "" };
  Entry *found;

  g_return_val_if_fail (self != NULL, FALSE);

  key.hash = compute_hash (font, key.text, width, max_lines);
  found = g_hash_table_lookup (self->young, &key);
  if (found == NULL)
    {
      found = g_hash_table_lookup (self->old, &key);
      if (found == NULL)
        return FALSE;

      g_hash_table_steal (self->old, found);
      jm_text_measures_add_young (self, found);
    }

  *height = found->height;
  return TRUE;
}

void
jm_text_measures_insert (JmTextMeasures *self,
                         JmFont          font,
                         const char     *text,
                         double          width,
                         int             max_lines,
                         double          height)
{
  Entry key = { 0, font, max_lines, width, height, text != NULL ? text : "" };
  gsize length = strlen (key.text);
  Entry *entry;

  g_return_if_fail (self != NULL);

  key.hash = compute_hash (font, key.text, width, max_lines);
  /* Replacing an entry of either generation keeps one per text. */
  g_hash_table_remove (self->young, &key);
  g_hash_table_remove (self->old, &key);

  entry = g_malloc (sizeof (Entry) + length + 1);
  *entry = key;
  memcpy ((char *) (entry + 1), key.text, length + 1);
  entry->text = (const char *) (entry + 1);
  jm_text_measures_add_young (self, entry);
}

/**
 * jm_text_measures_measure:
 *
 * The height of @text as jm_theme_measure_text() gives it, measured only
 * when it is not kept yet.
 */
double
jm_text_measures_measure (JmTextMeasures *self,
                          PangoContext   *context,
                          JmFont          font,
                          const char     *text,
                          double          width,
                          int             max_lines)
{
  double height;

  g_return_val_if_fail (self != NULL, 0.0);

  if (text == NULL || *text == '\0')
    return 0.0;

  if (jm_text_measures_lookup (self, font, text, width, max_lines, &height))
    return height;

  height = jm_theme_measure_text (context, font, text, width, max_lines);
  jm_text_measures_insert (self, font, text, width, max_lines, height);

  return height;
}

/* The number of texts kept, never more than the capacity. */
guint
jm_text_measures_get_size (JmTextMeasures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->young) + g_hash_table_size (self->old);
}
