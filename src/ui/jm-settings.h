/* jm-settings.h: the app's settings, where the schema is installed
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *jm_settings_new (void);

G_END_DECLS
