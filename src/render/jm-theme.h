/* jm-theme.h: the colours, fonts and measures of a drawn journey map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "model/jm-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} JmColor;

typedef enum
{
  JM_THEME_LIGHT,
  JM_THEME_DARK,
} JmThemeKind;

typedef enum
{
  JM_FONT_MAP_TITLE,
  JM_FONT_MAP_DESCRIPTION,
  JM_FONT_HEADING,
  JM_FONT_SUBHEADING,
  JM_FONT_ITEM_TITLE,
  JM_FONT_ITEM_BODY,
  JM_FONT_CAPTION,
  JM_N_FONTS
} JmFont;

/* Measures in layout units: one unit is one pixel at zoom 1. */
#define JM_MAP_MARGIN            32.0
#define JM_HEADER_GAP            24.0
#define JM_PERSONA_WIDTH        300.0
#define JM_LANE_HEADER_WIDTH    200.0
#define JM_STAGE_HEADER_MIN      76.0
#define JM_STAGE_BAND             6.0
#define JM_CELL_PADDING          12.0
#define JM_ITEM_GAP               8.0
/* Between two cards of a cell joined by a link: the link runs straight
 * down the gap, and in JM_ITEM_GAP its 8 px arrow head would fill it all;
 * this leaves a 16 px shaft (JM_LINK_MIN_SEGMENT) above the head. */
#define JM_LINKED_ITEM_GAP       24.0
#define JM_ITEM_PADDING          10.0
#define JM_ITEM_ICON_SIZE        16.0
#define JM_ITEM_RADIUS            6.0
#define JM_ITEM_ACCENT            4.0
#define JM_ITEM_MIN_HEIGHT       40.0
#define JM_IMAGE_HEIGHT         120.0
#define JM_CURVE_BAND_HEIGHT    200.0
#define JM_POINT_RADIUS           6.0
#define JM_LINK_CLEARANCE         6.0
#define JM_CAPTION_HEIGHT        16.0
#define JM_TEXT_GAP               4.0
#define JM_BODY_MAX_LINES        12
/* The most characters of one grapheme cluster that are laid out. */
#define JM_TEXT_MAX_CLUSTER_CHARS 32

typedef struct
{
  JmThemeKind kind;

  JmColor background;
  JmColor paper;          /* the map area */
  JmColor grid;
  JmColor text;
  JmColor text_dim;
  JmColor header_background;
  JmColor lane_header_background;
  JmColor card;
  JmColor card_border;
  JmColor shadow;
  JmColor pain;
  JmColor pain_card;
  JmColor opportunity;
  JmColor opportunity_card;
  JmColor note_card;
  JmColor touchpoint_accent;
  JmColor moment;
  JmColor positive;
  JmColor negative;
  JmColor neutral_line;
  JmColor link;
  JmColor added;
  JmColor removed;
  JmColor changed;
} JmTheme;

const JmTheme        *jm_theme_get                 (JmThemeKind  kind);
JmColor               jm_theme_stage_color         (const JmTheme *theme,
                                                    const char    *color,
                                                    guint          index);
JmColor               jm_theme_persona_color       (guint          index);
JmColor               jm_theme_score_color         (const JmTheme *theme,
                                                    double         score);
gboolean              jm_color_parse               (const char    *text,
                                                    JmColor       *color);
JmColor               jm_color_mix                 (JmColor        a,
                                                    JmColor        b,
                                                    double         amount);
PangoFontDescription *jm_theme_dup_font            (JmFont         font);
const PangoFontDescription *jm_theme_peek_font     (JmFont         font);
PangoContext         *jm_theme_create_pango_context (void);
PangoContext         *jm_theme_create_pango_context_for_font_map (PangoFontMap *font_map);
char                 *jm_theme_text_to_lay_out     (const char    *text,
                                                    double         width,
                                                    int            max_lines);
PangoLayout          *jm_theme_create_text_layout  (PangoContext  *context,
                                                    JmFont         font,
                                                    const char    *text,
                                                    double         width,
                                                    int            max_lines);
double                jm_theme_measure_text        (PangoContext  *context,
                                                    JmFont         font,
                                                    const char    *text,
                                                    double         width,
                                                    int            max_lines);

G_END_DECLS
