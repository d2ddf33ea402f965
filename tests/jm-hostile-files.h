/* jm-hostile-files.h: files nobody should be able to hurt Journeymap with
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;      /* what the file is, for test messages */
  char       *path;
  const char *expected;  /* a phrase the refusal must contain, or NULL */
} JmHostileFile;

GArray *jm_hostile_files_create    (const char *dir);
GArray *jm_hostile_pictures_create (const char *dir);
void    jm_hostile_files_remove (GArray     *files,
                                 const char *dir);
char   *jm_hostile_wide_map     (guint       stages);
char   *jm_hostile_marks_map    (guint       marks,
                                 guint       letters);
char   *jm_hostile_big_map      (guint       stages,
                                 guint       cards);

G_END_DECLS
