/* jm-inspector-page.h: one page of the inspector, its rows bound to a
 * model object's properties
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "commands/jm-command-stack.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_PAGE (jm_inspector_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (JmInspectorPage, jm_inspector_page, JM, INSPECTOR_PAGE, GtkWidget)

struct _JmInspectorPageClass
{
  GtkWidgetClass parent_class;

  /* After the rows show the model's values: which rows the object's
   * values call for (a channel only for a touchpoint). */
  void     (*update) (JmInspectorPage *self);
  /* Every write of a row goes through here; the default is jm_edit_set(). */
  gboolean (*write)  (JmInspectorPage  *self,
                      const char       *property,
                      const GValue     *value,
                      guint             merge_key,
                      GError          **error);
};

void            jm_inspector_page_set_object      (JmInspectorPage *self,
                                                   JmCommandStack  *stack,
                                                   GObject         *object);
GObject        *jm_inspector_page_get_object      (JmInspectorPage *self);
JmCommandStack *jm_inspector_page_get_stack       (JmInspectorPage *self);
JmDocument     *jm_inspector_page_get_document    (JmInspectorPage *self);
const char     *jm_inspector_page_get_refusal     (JmInspectorPage *self);
void            jm_inspector_page_refuse          (JmInspectorPage *self,
                                                   const GError    *error);
GtkWidget      *jm_inspector_page_get_field       (JmInspectorPage *self,
                                                   const char      *property);

void            jm_inspector_page_bind_text       (JmInspectorPage *self,
                                                   GtkWidget       *editable,
                                                   const char      *property);
void            jm_inspector_page_bind_long_text  (JmInspectorPage *self,
                                                   GtkWidget       *text_view,
                                                   const char      *property);
void            jm_inspector_page_bind_choice     (JmInspectorPage *self,
                                                   GtkWidget       *combo_row,
                                                   const char      *property,
                                                   GType            enum_type,
                                                   int              first_value);
void            jm_inspector_page_bind_number     (JmInspectorPage *self,
                                                   GtkWidget       *spin_button,
                                                   const char      *property,
                                                   double           min,
                                                   double           max,
                                                   double           step);
void            jm_inspector_page_bind_switch     (JmInspectorPage *self,
                                                   GtkWidget       *toggle,
                                                   const char      *property);
void            jm_inspector_page_bind_color      (JmInspectorPage *self,
                                                   GtkWidget       *action_row,
                                                   const char      *property);
void            jm_inspector_page_bind_persona    (JmInspectorPage *self,
                                                   GtkWidget       *combo_row,
                                                   const char      *property);

GtkWidget      *jm_inspector_color_button_new       (void);
void            jm_inspector_color_button_set_name  (GtkWidget       *button,
                                                     const char      *name);
char           *jm_inspector_color_button_dup_color (GtkWidget       *button);
void            jm_inspector_color_button_set_color (GtkWidget       *button,
                                                     const char      *color);

G_END_DECLS
