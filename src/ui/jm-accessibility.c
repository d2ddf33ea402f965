/* jm-accessibility.c: what assistive technologies are told of what is not shown
 *
 * GTK 4.8 leaves a widget in the accessibility tree as long as it is
 * visible, whether or not it is mapped: the pages a stack does not show
 * and the child of a closed revealer are read out by a screen reader
 * (the empty state behind the map, "Opening Map…", the inspector's pages
 * of other kinds of objects). These mark them hidden for as long as they
 * are not shown.
 *
 * It also keeps GTK 4.8 from reading the name of a button with a
 * mnemonic twice, and names the buttons GTK and libadwaita make
 * themselves (a toast's, an alert's, a search bar's close button).
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-accessibility"

#include "config.h"

#include "jm-accessibility.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

/* Hides every child of @parent but @shown from assistive technologies,
 * as a stack or a squeezer shows only one. */
static void
hide_children_but (GtkWidget *parent,
                   GtkWidget *shown)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (parent); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != shown, -1);
}

static void
update_stack_pages (GtkStack *stack)
{
  hide_children_but (GTK_WIDGET (stack), gtk_stack_get_visible_child (stack));
}

static void
on_pages_changed_cb (GtkStack *stack,
                     guint     position,
                     guint     removed,
                     guint     added)
{
  update_stack_pages (stack);
}

/* A squeezer shows one of its children, the widest that fits, as a
 * stack shows one page (an alert's row of buttons, or its column). */
static void
update_squeezer_children (AdwSqueezer *squeezer)
{
  hide_children_but (GTK_WIDGET (squeezer), adw_squeezer_get_visible_child (squeezer));
}

/**
 * jm_accessibility_hide_unshown_pages:
 *
 * Keeps every page of @stack but the one shown hidden from assistive
 * technologies, also pages added later (a stack shows a page it is given
 * when it has none, and says so).
 */
void
jm_accessibility_hide_unshown_pages (GtkStack *stack)
{
  GtkSelectionModel *pages;

  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_stack_pages), NULL);
  /* The stack keeps its list of pages only while someone holds it. */
  pages = gtk_stack_get_pages (stack);
  g_signal_connect_object (pages, "items-changed", G_CALLBACK (on_pages_changed_cb), stack,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_object_set_data_full (G_OBJECT (stack), "jm-accessibility-pages", pages, g_object_unref);
  update_stack_pages (stack);
}

static void
update_revealer (GtkRevealer *revealer)
{
  gboolean closed = !gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer);
  GtkWidget *child = gtk_revealer_get_child (revealer);

  /* The child too: GTK 4.18 shows a search bar's own revealer to
   * assistive technologies again, closed or not. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (revealer), GTK_ACCESSIBLE_STATE_HIDDEN, closed, -1);
  if (child != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, closed, -1);
}

/**
 * jm_accessibility_hide_when_closed:
 *
 * Keeps @revealer hidden from assistive technologies while it is closed:
 * from when it has closed to when it begins to open.
 */
void
jm_accessibility_hide_when_closed (GtkRevealer *revealer)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (update_revealer), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (update_revealer), NULL);
  update_revealer (revealer);
}

/* GTK 4.8 names a button with a mnemonic after its label as written
 * ("_Open") and then after the label it made for it, which it relates to
 * the button as the label of its mnemonic: "_Open Open". A name set
 * explicitly replaces the first; this drops the second. */
static void
drop_mnemonic_relation (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* libadwaita 1.2 leaves the buttons it makes as GTK 4.8 names them: a
 * toast's or an alert's response as "_Undo Undo", a toast's close button
 * by its icon. @icon_button_name names the buttons that show only an
 * icon. */
static void
name_buttons (GtkWidget  *widget,
              const char *icon_button_name)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *content = gtk_button_get_child (GTK_BUTTON (widget));

      if (gtk_button_get_use_underline (GTK_BUTTON (widget)) && GTK_IS_LABEL (content))
        jm_accessibility_name_after_mnemonic (widget);
      else if (GTK_IS_IMAGE (content) && icon_button_name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        icon_button_name, -1);
      return;
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_buttons (child, icon_button_name);
}

/**
 * jm_accessibility_name_mnemonic_buttons:
 *
 * Names every button with a mnemonic under @root, which libadwaita made
 * (an alert's responses), after its label as shown.
 */
void
jm_accessibility_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_buttons (root, NULL);
}

/* A toast overlay makes a widget for each toast it shows, as its child. */
static void
on_toast_overlay_children_changed_cb (GListModel *children,
                                      guint       position,
                                      guint       removed,
                                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      name_buttons (child, _("Dismiss"));
    }
}

/**
 * jm_accessibility_name_toasts:
 *
 * Names the buttons of every toast @overlay shows from now on.
 */
void
jm_accessibility_name_toasts (GtkWidget *overlay)
{
  GListModel *children;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  /* A toast overlay has only a few children: watching them costs little. */
  children = gtk_widget_observe_children (overlay);
  g_signal_connect (children, "items-changed", G_CALLBACK (on_toast_overlay_children_changed_cb), NULL);
  g_object_set_data_full (G_OBJECT (overlay), "jm-accessibility-children", children, g_object_unref);
}

/* GTK 4.8 leaves the close button a search bar makes named by its icon.
 * It is the one button of the bar outside the bar's child. */
static void
name_search_bar_close_button (GtkWidget *widget,
                              GtkWidget *content)
{
  GtkWidget *child;

  if (widget == content)
    return;
  if (GTK_IS_BUTTON (widget))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Close the Find Bar"), -1);
      return;
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_search_bar_close_button (child, content);
}

/* A menu button is named on itself, but what is focused and pressed is
 * the toggle button inside it. GTK 4.8 relates that button to the menu
 * button as its label; GTK 4.18 does not, and leaves it unnamed. */
static void
label_menu_button_toggle (GtkMenuButton *menu_button)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (menu_button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      menu_button, NULL, -1);
}

/**
 * jm_accessibility_init_template:
 *
 * For every stack, squeezer and revealer under @root, @root too, does
 * the above;
 * for every button with a mnemonic, drops the relation that would read
 * its name twice; for every toast overlay, names its toasts' buttons;
 * for every search bar, its close button; for every menu button, the
 * toggle button inside it.
 * For a template, once it is built: the names themselves are in its .ui
 * file.
 */
void
jm_accessibility_init_template (GtkWidget *root)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_STACK (root))
    jm_accessibility_hide_unshown_pages (GTK_STACK (root));
  else if (GTK_IS_REVEALER (root))
    jm_accessibility_hide_when_closed (GTK_REVEALER (root));
  else if (GTK_IS_BUTTON (root))
    drop_mnemonic_relation (GTK_BUTTON (root));
  else if (GTK_IS_MENU_BUTTON (root))
    label_menu_button_toggle (GTK_MENU_BUTTON (root));
  else if (ADW_IS_TOAST_OVERLAY (root))
    jm_accessibility_name_toasts (root);
  else if (ADW_IS_SQUEEZER (root))
    {
      g_signal_connect (root, "notify::visible-child", G_CALLBACK (update_squeezer_children), NULL);
      update_squeezer_children (ADW_SQUEEZER (root));
    }
  else if (GTK_IS_SEARCH_BAR (root) && gtk_search_bar_get_show_close_button (GTK_SEARCH_BAR (root)))
    name_search_bar_close_button (root, gtk_search_bar_get_child (GTK_SEARCH_BAR (root)));

  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    jm_accessibility_init_template (child);
}

/**
 * jm_accessibility_name_after_mnemonic:
 *
 * Names @button, a button or a check button made in code with a mnemonic,
 * after its label as shown: "Keep Mine" for "_Keep Mine".
 */
void
jm_accessibility_name_after_mnemonic (GtkWidget *button)
{
  GtkWidget *label = NULL;
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BUTTON (button) || GTK_IS_CHECK_BUTTON (button));

  if (GTK_IS_BUTTON (button))
    label = gtk_button_get_child (GTK_BUTTON (button));
  else
    for (child = gtk_widget_get_first_child (button); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LABEL (child))
        label = child;
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  if (GTK_IS_BUTTON (button))
    drop_mnemonic_relation (GTK_BUTTON (button));
  else
    /* A check button is labelled by the label of its mnemonic as well. */
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
