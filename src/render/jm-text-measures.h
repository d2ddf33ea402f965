/* jm-text-measures.h: heights of laid-out text, kept by what decides them
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "jm-theme.h"

G_BEGIN_DECLS

typedef struct _JmTextMeasures JmTextMeasures;

JmTextMeasures *jm_text_measures_new      (guint           capacity);
void            jm_text_measures_free     (JmTextMeasures *self);
gboolean        jm_text_measures_lookup   (JmTextMeasures *self,
                                           JmFont          font,
                                           const char     *text,
                                           double          width,
                                           int             max_lines,
                                           double         *height);
void            jm_text_measures_insert   (JmTextMeasures *self,
                                           JmFont          font,
                                           const char     *text,
                                           double          width,
                                           int             max_lines,
                                           double          height);
double          jm_text_measures_measure  (JmTextMeasures *self,
                                           PangoContext   *context,
                                           JmFont          font,
                                           const char     *text,
                                           double          width,
                                           int             max_lines);
guint           jm_text_measures_get_size (JmTextMeasures *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmTextMeasures, jm_text_measures_free)

G_END_DECLS
