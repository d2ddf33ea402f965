/* jm-export.h: journey maps to PNG, SVG, PDF and .jmap
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/jm-document.h"
#include "render/jm-layout.h"
#include "render/jm-theme.h"

G_BEGIN_DECLS

#define JM_EXPORT_ERROR (jm_export_error_quark ())

typedef enum
{
  JM_EXPORT_ERROR_UNKNOWN_FORMAT,
  JM_EXPORT_ERROR_INVALID_OPTION,
  JM_EXPORT_ERROR_TOO_LARGE,
  JM_EXPORT_ERROR_FAILED,
} JmExportError;

typedef enum
{
  JM_EXPORT_FORMAT_PNG,
  JM_EXPORT_FORMAT_SVG,
  JM_EXPORT_FORMAT_PDF,
  JM_EXPORT_FORMAT_JMAP,
  JM_EXPORT_FORMAT_MERMAID,
  JM_EXPORT_FORMAT_CSV,
  JM_EXPORT_FORMAT_HANDOUT,
} JmExportFormat;

/**
 * JmExportOptions:
 * @mode: which state of the map to draw
 * @scale: pixels per layout unit, for PNG (2 for a HiDPI-sharp image)
 * @transparent: leave the background transparent (PNG, SVG, PDF)
 * @theme: the light or the dark palette
 * @bom: start a CSV export with a byte order mark, for spreadsheet programs
 * @view: the map or the priority matrix
 * @comments: show the review: PNG, SVG and PDF draw the count of open
 *   comments and the merge conflicts on cards and stage headers (as the
 *   canvas does), the handout also lists each stage's open comments
 * @leave_out_comments: a .jmap export writes a copy without any comment
 * @paper: the page of a PDF export of the map: its own size, or a sheet
 *   with the map fitted in it
 * @orientation: that sheet's orientation (not for %JM_EXPORT_PAPER_MAP)
 */
/* What a PNG, SVG or PDF export draws. */
typedef enum
{
  JM_EXPORT_VIEW_MAP,
  JM_EXPORT_VIEW_MATRIX,  /* the opportunities' priority matrix (format 1.1 scores) */
} JmExportView;

/**
 * JmExportPaper:
 * @JM_EXPORT_PAPER_MAP: a PDF page of the map's own size
 * @JM_EXPORT_PAPER_A4: an ISO A4 sheet, the map fitted within its margins
 * @JM_EXPORT_PAPER_A3: an ISO A3 sheet, the same
 * @JM_EXPORT_PAPER_LETTER: a US Letter sheet, the same
 */
typedef enum
{
  JM_EXPORT_PAPER_MAP,
  JM_EXPORT_PAPER_A4,
  JM_EXPORT_PAPER_A3,
  JM_EXPORT_PAPER_LETTER,
} JmExportPaper;

typedef enum
{
  JM_EXPORT_ORIENTATION_LANDSCAPE,
  JM_EXPORT_ORIENTATION_PORTRAIT,
} JmExportOrientation;

/* The white margin around a map fitted on a sheet, in points (10 mm). */
#define JM_EXPORT_PAPER_MARGIN 28.35

typedef struct
{
  JmLayerMode  mode;
  double       scale;
  gboolean     transparent;
  JmThemeKind  theme;
  gboolean     bom;
  JmExportView view;
  gboolean     comments;
  gboolean     leave_out_comments;
  JmExportPaper       paper;        /* PDF only */
  JmExportOrientation orientation;  /* of a sheet of paper */
} JmExportOptions;

#define JM_EXPORT_MAX_SCALE 8.0
#define JM_EXPORT_MAX_PIXELS (400 * 1000 * 1000)
/* The widest and tallest map an SVG or PDF export draws, in units. */
#define JM_EXPORT_MAX_VECTOR_SIZE 8000000.0

GQuark      jm_export_error_quark        (void);
void        jm_export_options_init       (JmExportOptions        *options);
gboolean    jm_export_format_for_path    (const char             *path,
                                          JmExportFormat         *format,
                                          GError                **error);
GBytes     *jm_export_to_bytes           (JmDocument             *document,
                                          JmExportFormat          format,
                                          const JmExportOptions  *options,
                                          GError                **error);
gboolean    jm_export_to_file            (JmDocument             *document,
                                          GFile                  *file,
                                          JmExportFormat          format,
                                          const JmExportOptions  *options,
                                          GError                **error);
void        jm_export_to_file_async      (JmDocument             *document,
                                          GFile                  *file,
                                          JmExportFormat          format,
                                          const JmExportOptions  *options,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean    jm_export_to_file_finish     (GAsyncResult           *result,
                                          GError                **error);
gboolean    jm_export_paper_get_size     (JmExportPaper           paper,
                                          JmExportOrientation     orientation,
                                          double                 *width,
                                          double                 *height);
gboolean    jm_export_paper_from_string  (const char             *name,
                                          JmExportPaper          *paper);
gboolean    jm_export_orientation_from_string (const char        *name,
                                               JmExportOrientation *orientation);
JmLayout   *jm_export_lay_out_copy_in_worker (GBytes             *snapshot,
                                              JmLayerMode         mode,
                                              GError            **error);

G_END_DECLS
