/* jm-face.c: the mood of an emotion score and its face on the curve
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-render"

#include "config.h"

#include "jm-face.h"

#include <math.h>

/**
 * jm_mood_for_score:
 * @score: an emotion score, −5 to +5
 *
 * Scores are whole numbers in the method but may be set between: a score
 * takes the mood of the whole number nearest to it (halves away from
 * zero), so −3.5 is very unhappy and +1.5 happy.
 *
 * Returns: very unhappy at −4 and below, unhappy at −3 and −2, neutral
 * from −1 to +1, happy at +2 and +3, delighted at +4 and above
 */
JmMood
jm_mood_for_score (double score)
{
  double whole = round (score);

  if (whole <= -4)
    return JM_MOOD_VERY_UNHAPPY;
  if (whole <= -2)
    return JM_MOOD_UNHAPPY;
  if (whole <= 1)
    return JM_MOOD_NEUTRAL;
  if (whole <= 3)
    return JM_MOOD_HAPPY;
  return JM_MOOD_DELIGHTED;
}

static void
set_color (cairo_t       *cr,
           const JmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* A mouth from corner to corner through a middle @bend below the corners
 * (above, when negative): a smile bends down, a frown up. */
static void
mouth (cairo_t *cr,
       double   r,
       double   half_width,
       double   y,
       double   bend)
{
  cairo_move_to (cr, -half_width * r, y * r);
  cairo_curve_to (cr, -half_width * r / 2, (y + bend) * r, half_width * r / 2, (y + bend) * r,
                  half_width * r, y * r);
}

/**
 * jm_face_draw:
 * @cr: where to draw
 * @cx: the centre, in user units
 * @cy: the centre
 * @radius: the face's radius
 * @mood: which face
 * @fill: the face's colour (the score's)
 * @ink: the colour of its eyes and mouth
 * @rim: the ring around it, to part it from the curve (the paper's)
 *
 * Draws a pictogram face: a disc with eyes and a mouth that tell the mood
 * without colour, for readers who do not see the colours apart and for
 * prints in grey.
 */
void
jm_face_draw (cairo_t       *cr,
              double         cx,
              double         cy,
              double         radius,
              JmMood         mood,
              const JmColor *fill,
              const JmColor *ink,
              const JmColor *rim)
{
  double r = radius;
  double eye = MAX (r * 0.12, 0.9);

  cairo_save (cr);
  cairo_translate (cr, cx, cy);

  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  set_color (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (r * 0.2, 1.0));
  set_color (cr, rim);
  cairo_stroke (cr);

  set_color (cr, ink);
  cairo_set_line_width (cr, MAX (r * 0.13, 0.8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Eyes: dots, closed in a laugh when delighted, under brows raised in
   * the middle (distress, not anger) when very unhappy. */
  if (mood == JM_MOOD_DELIGHTED)
    {
      for (int side = -1; side <= 1; side += 2)
        {
          cairo_move_to (cr, side * 0.5 * r, -0.2 * r);
          cairo_line_to (cr, side * 0.35 * r, -0.38 * r);
          cairo_line_to (cr, side * 0.2 * r, -0.2 * r);
        }
      cairo_stroke (cr);
    }
  else
    {
      for (int side = -1; side <= 1; side += 2)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, side * 0.35 * r, -0.25 * r, eye, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
  if (mood == JM_MOOD_VERY_UNHAPPY)
    {
      for (int side = -1; side <= 1; side += 2)
        {
          cairo_move_to (cr, side * 0.55 * r, -0.45 * r);
          cairo_line_to (cr, side * 0.2 * r, -0.62 * r);
        }
      cairo_stroke (cr);
    }

  switch (mood)
    {
    case JM_MOOD_VERY_UNHAPPY:
      /* An open frown. */
      mouth (cr, r, 0.45, 0.65, -0.55);
      cairo_curve_to (cr, 0.22 * r, 0.37 * r, -0.22 * r, 0.37 * r, -0.45 * r, 0.65 * r);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
      break;
    case JM_MOOD_UNHAPPY:
      mouth (cr, r, 0.4, 0.5, -0.35);
      cairo_stroke (cr);
      break;
    case JM_MOOD_NEUTRAL:
      cairo_move_to (cr, -0.38 * r, 0.35 * r);
      cairo_line_to (cr, 0.38 * r, 0.35 * r);
      cairo_stroke (cr);
      break;
    case JM_MOOD_HAPPY:
      mouth (cr, r, 0.42, 0.2, 0.4);
      cairo_stroke (cr);
      break;
    case JM_MOOD_DELIGHTED:
    case JM_N_MOODS:
    default:
      /* A wide open smile. */
      mouth (cr, r, 0.52, 0.22, 0.65);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
      break;
    }

  cairo_restore (cr);
}
