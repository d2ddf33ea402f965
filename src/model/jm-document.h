/* jm-document.h: a journey map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jm-emotion-point.h"
#include "jm-enums.h"
#include "jm-item.h"
#include "jm-lane.h"
#include "jm-layer.h"
#include "jm-link.h"
#include "jm-object-store.h"
#include "jm-persona.h"
#include "jm-stage.h"

G_BEGIN_DECLS

#define JM_TYPE_DOCUMENT (jm_document_get_type ())

G_DECLARE_FINAL_TYPE (JmDocument, jm_document, JM, DOCUMENT, GObject)

JmDocument    *jm_document_new                 (void);
const char    *jm_document_get_title           (JmDocument   *self);
const char    *jm_document_get_display_title   (JmDocument   *self);
const char    *jm_document_get_description     (JmDocument   *self);
const char    *jm_document_get_author          (JmDocument   *self);
GDateTime     *jm_document_get_created         (JmDocument   *self);
GDateTime     *jm_document_get_modified        (JmDocument   *self);
int            jm_document_get_rank            (JmDocument   *self);
int            jm_document_get_max_length_days (JmDocument   *self);
JmObjectStore *jm_document_get_personas        (JmDocument   *self);
JmObjectStore *jm_document_get_stages          (JmDocument   *self);
JmObjectStore *jm_document_get_lanes           (JmDocument   *self);
JmLayer       *jm_document_get_layer           (JmDocument   *self,
                                                JmLayerState  state);
JmStage       *jm_document_lookup_stage        (JmDocument   *self,
                                                const char   *id);
JmLane        *jm_document_lookup_lane         (JmDocument   *self,
                                                const char   *id);
JmPersona     *jm_document_lookup_persona      (JmDocument   *self,
                                                const char   *id);
JmPersona     *jm_document_get_primary_persona (JmDocument   *self);
int            jm_document_get_stage_index     (JmDocument   *self,
                                                const char   *stage_id);
int            jm_document_get_format_minor    (JmDocument   *self);

G_END_DECLS
