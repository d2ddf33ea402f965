/* jm-xml-names.h: the names of the .jmap format, in one place
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

G_BEGIN_DECLS

#define JM_XML_NAMESPACE "https://journeymap.github.io/ns/jmap/1"

/* The version this code writes; it reads any 1.x. */
#define JM_FORMAT_MAJOR 1
#define JM_FORMAT_MINOR 1

/* Limits that keep any input within bounded time and memory. */
#define JM_FORMAT_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define JM_FORMAT_MAX_NAME_CHARS  JM_MAX_NAME_CHARS
#define JM_FORMAT_MAX_TEXT_CHARS  JM_MAX_TEXT_CHARS
/* libxml2 refuses text nodes over 10,000,000 bytes (we never set
 * XML_PARSE_HUGE): 7 MiB of image is 9.8 MB of base64. */
#define JM_FORMAT_MAX_IMAGE_BYTES (7 * 1024 * 1024)
#define JM_FORMAT_MAX_ITEMS       1000000
#define JM_FORMAT_MAX_ID_CHARS    64
#define JM_FORMAT_MAX_COMMENTS    JM_MAX_COMMENTS
#define JM_FORMAT_MAX_COMMENTS_PER_OBJECT JM_MAX_COMMENTS_PER_OBJECT
#define JM_FORMAT_MAX_MARKS_IN_A_ROW 30  /* combining marks on one letter: UAX #15 stream-safe */

#define JM_XML_ROOT             "journey-map"
#define JM_XML_FORMAT_VERSION   "format-version"

#define JM_XML_TITLE            "title"
#define JM_XML_DESCRIPTION      "description"
#define JM_XML_AUTHOR           "author"
#define JM_XML_CREATED          "created"
#define JM_XML_MODIFIED         "modified"
#define JM_XML_RANK             "rank"
#define JM_XML_MAX_LENGTH_DAYS  "max-length-days"

#define JM_XML_PERSONAS         "personas"
#define JM_XML_PERSONA          "persona"
#define JM_XML_NAME             "name"
#define JM_XML_ROLE             "role"
#define JM_XML_GOALS            "goals"
#define JM_XML_MOTIVATIONS      "motivations"
#define JM_XML_FRUSTRATIONS     "frustrations"
#define JM_XML_PHOTO            "photo"
#define JM_XML_PRIMARY          "primary"
#define JM_XML_MEDIA_TYPE       "media-type"

#define JM_XML_STAGES           "stages"
#define JM_XML_STAGE            "stage"
#define JM_XML_DURATION         "duration"
#define JM_XML_COLOR            "color"
#define JM_XML_WIDTH            "width"

#define JM_XML_LANES            "lanes"
#define JM_XML_LANE             "lane"
#define JM_XML_KIND             "kind"
#define JM_XML_HEIGHT           "height"

#define JM_XML_LAYER            "layer"
#define JM_XML_STATE            "state"
#define JM_XML_ITEMS            "items"
#define JM_XML_ITEM             "item"
#define JM_XML_CHANNEL          "channel"
#define JM_XML_BODY             "body"
#define JM_XML_IMAGE            "image"
#define JM_XML_MOMENT           "moment-of-truth"
#define JM_XML_LABEL            "label"
#define JM_XML_RATIONALE        "rationale"

#define JM_XML_EMOTIONS         "emotions"
#define JM_XML_CURVE            "curve"
#define JM_XML_PERSONA_REF      "persona"
#define JM_XML_POINT            "point"
#define JM_XML_POSITION         "position"
#define JM_XML_SCORE            "score"

#define JM_XML_LINKS            "links"
#define JM_XML_LINK             "link"
#define JM_XML_FROM             "from"
#define JM_XML_TO               "to"

#define JM_XML_ID               "id"

/* Format 1.1 */
#define JM_XML_COMMENTS         "comments"
#define JM_XML_COMMENT          "comment"
#define JM_XML_DATE             "date"
#define JM_XML_RESOLVED         "resolved"
#define JM_XML_CONFLICTS        "conflicts"
#define JM_XML_CONFLICT         "conflict"
#define JM_XML_PROPERTY         "property"
#define JM_XML_OURS             "ours"
#define JM_XML_THEIRS           "theirs"
#define JM_XML_OPPORTUNITY_SCORE "opportunity-score"
#define JM_XML_CUSTOMER_VALUE   "customer-value"
#define JM_XML_BUSINESS_VALUE   "business-value"
#define JM_XML_EFFORT           "effort"
#define JM_XML_PRESENTER_NOTE   "presenter-note"

G_END_DECLS
