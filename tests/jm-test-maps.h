/* jm-test-maps.h: maps for the tests, read or the test fails
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/jm-document.h"

G_BEGIN_DECLS

JmDocument *jm_test_load_map     (const char *path);
JmDocument *jm_test_load_example (const char *name);

G_END_DECLS
