/* jm-template.h: a map a new map starts from, built in or the user's own
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "model/jm-document.h"
#include "render/jm-theme.h"

G_BEGIN_DECLS

/* The user's templates the gallery lists at most, and the size of a file
 * it reads as one: a folder of templates is the user's own, but a copy
 * of a giant map saved there must not make New slow. */
#define JM_TEMPLATE_MAX_USER 200
#define JM_TEMPLATE_MAX_USER_BYTES (8 * 1024 * 1024)

/* A template's purpose is the first sentence of its description, cut to
 * this many characters. */
#define JM_TEMPLATE_MAX_PURPOSE_CHARS 160

#define JM_TYPE_TEMPLATE (jm_template_get_type ())

G_DECLARE_FINAL_TYPE (JmTemplate, jm_template, JM, TEMPLATE, GObject)

GListModel      *jm_template_list_builtin   (void);
GListModel      *jm_template_list_user      (GFile        *folder);
GFile           *jm_template_get_user_folder (void);

const char      *jm_template_get_id         (JmTemplate   *self);
const char      *jm_template_get_name       (JmTemplate   *self);
const char      *jm_template_get_purpose    (JmTemplate   *self);
GFile           *jm_template_get_file       (JmTemplate   *self);
gboolean         jm_template_is_user        (JmTemplate   *self);
gboolean         jm_template_matches        (JmTemplate   *self,
                                             const char   *search);

JmDocument      *jm_template_read           (JmTemplate   *self,
                                             GError      **error);
cairo_surface_t *jm_template_draw_thumbnail (JmTemplate   *self,
                                             int           width,
                                             int           height,
                                             JmThemeKind   theme,
                                             GError      **error);

JmTemplate      *jm_template_save_user      (JmDocument   *document,
                                             const char   *name,
                                             GFile        *folder,
                                             GError      **error);
gboolean         jm_template_delete         (JmTemplate   *self,
                                             GError      **error);

G_END_DECLS
