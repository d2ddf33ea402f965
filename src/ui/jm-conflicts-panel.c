/* jm-conflicts-panel.c: the merge conflicts recorded in the map, to settle
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merge keeps our value of a property both copies changed and records
 * theirs on the object (model/jm-conflict.c). This panel lists those
 * records, each with the object, the property, mine and theirs, and
 * settles one with "Keep Mine" or "Take Theirs", each one undoable step
 * (jm_edit_resolve_conflict ()). It shows itself while there are any and
 * hides when the last is settled. The rows are made again after each
 * change of the map: a map holds few conflicts.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-conflicts-panel.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit-comments.h"
#include "merge/jm-diff.h"
#include "jm-accessibility.h"
#include "jm-alert.h"

typedef struct
{
  GObject    *owner;
  int         state;
  JmConflict *conflict;
} Entry;

struct _JmConflictsPanel
{
  GtkBox          parent_instance;

  JmCommandStack *stack;
  GPtrArray      *entries;   /* of Entry, in the rows' order */

  /* Template children */
  GtkLabel       *summary_label;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (JmConflictsPanel, jm_conflicts_panel, GTK_TYPE_BOX)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->owner);
  g_object_unref (entry->conflict);
  g_free (entry);
}

static void
collect_conflicts_cb (GObject  *owner,
                      int       state,
                      gpointer  user_data)
{
  GPtrArray *entries = user_data;
  JmObjectStore *conflicts = jm_conflicts_peek (owner);

  for (guint i = 0; conflicts != NULL && i < jm_object_store_get_n_objects (conflicts); i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->owner = g_object_ref (owner);
      entry->state = state;
      entry->conflict = g_object_ref (jm_object_store_get_object (conflicts, i));
      g_ptr_array_add (entries, entry);
    }
}

/* A value as the row shows it: a removal in words, no value as "none". */
static const char *
shown_value (const char *value)
{
  if (value == NULL || *value == '\0')
    return C_("conflict value", "none");
  if (g_str_equal (value, JM_CONFLICT_VALUE_REMOVED))
    return C_("conflict value", "removed");
  if (g_str_equal (value, JM_CONFLICT_VALUE_CHANGED))
    return C_("conflict value", "changed");
  return value;
}

static GtkWidget *
value_label (const char *side,
             const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s %s", side, shown_value (value));
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static GtkWidget *
jm_conflicts_panel_make_row (JmConflictsPanel *self,
                             const Entry      *entry,
                             guint             index)
{
  JmDocument *document = jm_command_stack_get_document (self->stack);
  const char *property = jm_conflict_get_property_name (entry->conflict);
  g_autofree char *object = jm_diff_describe_object (document, entry->owner, entry->state);
  g_autofree char *heading = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button;

  if (g_str_equal (property, JM_CONFLICT_REMOVED))
    /* Translators: a conflict where one copy removed the object */
    heading = g_strdup_printf (_("%s: removed in one copy, changed in the other"), object);
  else
    /* Translators: an object and the property both copies changed */
    heading = g_strdup_printf (_("%s: %s"), object, property);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), value_label (_("Mine:"), jm_conflict_get_ours (entry->conflict)));
  gtk_box_append (GTK_BOX (box), value_label (_("Theirs:"), jm_conflict_get_theirs (entry->conflict)));

  button = gtk_button_new_with_mnemonic (_("_Keep Mine"));
  jm_accessibility_name_after_mnemonic (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflicts.keep-mine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Take Theirs"));
  jm_accessibility_name_after_mnemonic (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflicts.take-theirs");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_widget_set_margin_top (buttons, 4);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/**
 * jm_conflicts_panel_refresh:
 *
 * Lists the map's conflicts again; shows the panel while there are any.
 */
void
jm_conflicts_panel_refresh (JmConflictsPanel *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;

  g_return_if_fail (JM_IS_CONFLICTS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->entries, 0);

  if (self->stack != NULL && jm_command_stack_get_document (self->stack) != NULL)
    jm_diff_foreach_owner (jm_command_stack_get_document (self->stack), collect_conflicts_cb, self->entries);

  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list_box, jm_conflicts_panel_make_row (self, self->entries->pdata[i], i));

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict of a merge to settle",
                                          "%u conflicts of a merge to settle", self->entries->len),
                             self->entries->len);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self), self->entries->len > 0);
}

/**
 * jm_conflicts_panel_resolve:
 * @index: the conflict's row
 * @take_theirs: %TRUE for "Take Theirs", %FALSE for "Keep Mine"
 *
 * Settles a conflict as one undoable step.
 *
 * Returns: %TRUE on success
 */
gboolean
jm_conflicts_panel_resolve (JmConflictsPanel  *self,
                            guint              index,
                            gboolean           take_theirs,
                            GError           **error)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_CONFLICTS_PANEL (self), FALSE);

  if (self->stack == NULL || index >= self->entries->len)
    {
      g_set_error_literal (error, JM_COMMAND_ERROR, JM_COMMAND_ERROR_NOT_FOUND,
                           _("That conflict is not there."));
      return FALSE;
    }

  entry = self->entries->pdata[index];
  return jm_edit_resolve_conflict (self->stack, entry->owner, entry->conflict, take_theirs, error);
}

static void
jm_conflicts_panel_resolve_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  JmConflictsPanel *self = JM_CONFLICTS_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (!jm_conflicts_panel_resolve (self, g_variant_get_uint32 (parameter),
                                   g_str_equal (action_name, "conflicts.take-theirs"), &error))
    jm_alert_show_refusal (widget, error);
}

static void
on_row_activated_cb (JmConflictsPanel *self,
                     GtkListBoxRow    *row,
                     GtkListBox       *list_box)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->entries->len)
    g_signal_emit (self, signals [OBJECT_ACTIVATED], 0, ((Entry *) self->entries->pdata[index])->owner);
}

static void
jm_conflicts_panel_dispose (GObject *object)
{
  JmConflictsPanel *self = JM_CONFLICTS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_CONFLICTS_PANEL);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_conflicts_panel_parent_class)->dispose (object);
}

static void
jm_conflicts_panel_class_init (JmConflictsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_conflicts_panel_dispose;

  /**
   * JmConflictsPanel::object-activated:
   * @object: the object the conflict chosen is on (or the document)
   */
  signals [OBJECT_ACTIVATED] =
    g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "conflicts.keep-mine", "u", jm_conflicts_panel_resolve_action);
  gtk_widget_class_install_action (widget_class, "conflicts.take-theirs", "u", jm_conflicts_panel_resolve_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-conflicts-panel.ui");
  gtk_widget_class_set_css_name (widget_class, "jm-conflicts-panel");
  gtk_widget_class_bind_template_child (widget_class, JmConflictsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JmConflictsPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
jm_conflicts_panel_init (JmConflictsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (entry_free);
}

/**
 * jm_conflicts_panel_set_stack:
 * @stack: (nullable): the history of the open map, whose conflicts are
 *   listed and settled
 */
void
jm_conflicts_panel_set_stack (JmConflictsPanel *self,
                              JmCommandStack   *stack)
{
  g_return_if_fail (JM_IS_CONFLICTS_PANEL (self));
  g_return_if_fail (stack == NULL || JM_IS_COMMAND_STACK (stack));

  g_set_object (&self->stack, stack);
  jm_conflicts_panel_refresh (self);
}

guint
jm_conflicts_panel_get_n_conflicts (JmConflictsPanel *self)
{
  g_return_val_if_fail (JM_IS_CONFLICTS_PANEL (self), 0);

  return self->entries->len;
}
