/* jm-template-gallery.h: New, from a template
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/jm-template.h"

G_BEGIN_DECLS

#define JM_TYPE_TEMPLATE_GALLERY (jm_template_gallery_get_type ())

G_DECLARE_FINAL_TYPE (JmTemplateGallery, jm_template_gallery, JM, TEMPLATE_GALLERY, AdwWindow)

JmTemplateGallery *jm_template_gallery_new            (GtkWindow         *parent,
                                                       GFile             *user_folder);
GListModel        *jm_template_gallery_get_shown      (JmTemplateGallery *self);
void               jm_template_gallery_set_search     (JmTemplateGallery *self,
                                                       const char        *search);
void               jm_template_gallery_choose         (JmTemplateGallery *self,
                                                       guint              position);
gboolean           jm_template_gallery_is_drawing     (JmTemplateGallery *self);

G_END_DECLS
