/* jm-accessibility.h: what assistive technologies are told of what is not shown
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void jm_accessibility_hide_unshown_pages (GtkStack    *stack);
void jm_accessibility_hide_when_closed   (GtkRevealer *revealer);
void jm_accessibility_init_template      (GtkWidget   *root);
void jm_accessibility_name_after_mnemonic (GtkWidget  *button);
void jm_accessibility_name_toasts        (GtkWidget   *overlay);
void jm_accessibility_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
