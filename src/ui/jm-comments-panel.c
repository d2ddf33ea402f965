/* jm-comments-panel.c: the review comments on the selection or the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comments on what is selected (one stage or item), or on the map
 * itself when nothing that takes comments is: each with its author, date
 * and text, to resolve, reopen or delete; a field at the bottom adds one.
 * With the map's own comments come the open ones of every stage and item,
 * each a row that selects what it is on.
 * Every change is one undoable step (commands/jm-edit-comments.c). The
 * model has no replies: an answer is a comment after the one it answers.
 *
 * The author is the "comment-author" setting, shown and edited in the
 * panel, or the user's real name while that is empty.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-comments-panel.h"

#include <glib/gi18n-lib.h>

#include "commands/jm-edit-comments.h"
#include "merge/jm-diff.h"
#include "jm-accessibility.h"
#include "jm-alert.h"
#include "jm-settings.h"

struct _JmCommentsPanel
{
  GtkBox          parent_instance;

  JmCommandStack *stack;
  JmSelection    *selection;
  GObject        *target;    /* what the comments are on */
  GPtrArray      *comments;  /* of JmComment, in the rows' order */
  GPtrArray      *elsewhere; /* the objects of the open_list's rows */
  GSettings      *settings;

  /* Template children */
  GtkLabel       *target_label;
  GtkStack       *stack_pages;
  GtkListBox     *list_box;
  GtkWidget      *open_box;
  GtkListBox     *open_list;
  GtkEditable    *comment_entry;
  GtkEditable    *author_entry;
};

G_DEFINE_FINAL_TYPE (JmCommentsPanel, jm_comments_panel, GTK_TYPE_BOX)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The state of @object's layer, for its description: -1 but for items. */
static int
state_of (JmDocument *document,
          GObject    *object)
{
  if (!JM_IS_ITEM (object))
    return -1;

  for (int state = 0; state < JM_N_LAYER_STATES; state++)
    {
      if (jm_object_store_find (jm_layer_get_items (jm_document_get_layer (document, state)),
                                JM_OBJECT (object), NULL))
        return state;
    }

  return -1;
}

/* One selected stage or item, else the map. */
static GObject *
jm_comments_panel_find_target (JmCommentsPanel *self)
{
  JmDocument *document = self->stack != NULL ? jm_command_stack_get_document (self->stack) : NULL;
  g_autoptr(GPtrArray) selected = NULL;

  if (document == NULL)
    return NULL;

  if (self->selection != NULL)
    {
      selected = jm_selection_dup_objects (self->selection);
      if (selected->len == 1 && jm_comments_can_have (selected->pdata[0]))
        return selected->pdata[0];
    }

  return G_OBJECT (document);
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (date);
  /* Translators: the date of a comment, see g_date_time_format () */
  return g_date_time_format (local, _("%e %b %Y, %H:%M"));
}

static GtkWidget *
jm_comments_panel_make_row (JmCommentsPanel *self,
                            JmComment       *comment,
                            guint            index)
{
  gboolean resolved = jm_comment_get_resolved (comment);
  g_autofree char *date = format_date (jm_comment_get_date (comment));
  const char *author = jm_comment_get_author (comment);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  label = gtk_label_new (author != NULL && *author != '\0' ? author : _("Someone"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);
  label = gtk_label_new (date);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (box), header);

  label = gtk_label_new (jm_comment_get_text (comment));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (resolved)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  if (resolved)
    {
      label = gtk_label_new (_("Resolved"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "success");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (buttons), label);
    }
  else
    gtk_box_append (GTK_BOX (buttons), g_object_new (GTK_TYPE_BOX, "hexpand", TRUE, NULL));

  button = gtk_button_new_with_mnemonic (resolved ? _("_Reopen") : _("_Resolve"));
  jm_accessibility_name_after_mnemonic (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), resolved ? "comments.reopen" : "comments.resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete Comment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Comment"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "comments.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

typedef struct
{
  JmCommentsPanel *self;
  JmDocument      *document;
} Elsewhere;

/* A row for each open comment on a stage or item, under the map's own. */
static void
add_open_comments_cb (GObject  *owner,
                      int       state,
                      gpointer  user_data)
{
  Elsewhere *elsewhere = user_data;
  JmObjectStore *store;
  g_autofree char *what = NULL;

  if (JM_IS_DOCUMENT (owner) || (store = jm_comments_peek (owner)) == NULL || jm_comments_count_open (owner) == 0)
    return;

  what = jm_diff_describe_object (elsewhere->document, owner, state);
  for (guint i = 0; i < jm_object_store_get_n_objects (store); i++)
    {
      JmComment *comment = jm_object_store_get_object (store, i);
      const char *author = jm_comment_get_author (comment);
      g_autofree char *byline = NULL;
      GtkWidget *box, *label;

      if (jm_comment_get_resolved (comment))
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      label = gtk_label_new (what);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (box), label);
      /* Translators: a comment's author, then its text */
      byline = g_strdup_printf (_("%s: %s"), author != NULL && *author != '\0' ? author : _("Someone"),
                                jm_comment_get_text (comment));
      label = gtk_label_new (byline);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);

      g_ptr_array_add (elsewhere->self->elsewhere, g_object_ref (owner));
      gtk_list_box_append (elsewhere->self->open_list, box);
    }
}

static void
on_open_row_activated_cb (JmCommentsPanel *self,
                          GtkListBoxRow   *row,
                          GtkListBox      *list_box)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->elsewhere->len)
    g_signal_emit (self, signals [OBJECT_ACTIVATED], 0, self->elsewhere->pdata[index]);
}

/**
 * jm_comments_panel_refresh:
 *
 * Lists the comments of the selection, or the map, again.
 */
void
jm_comments_panel_refresh (JmCommentsPanel *self)
{
  JmDocument *document = self->stack != NULL ? jm_command_stack_get_document (self->stack) : NULL;
  JmObjectStore *store;
  GtkWidget *child;

  g_return_if_fail (JM_IS_COMMENTS_PANEL (self));

  /* Hidden, it lists nothing: on a giant map, looking for the open
   * comments of every item after each keystroke costs milliseconds. It
   * lists again as it is shown. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      g_clear_object (&self->target);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->open_list))) != NULL)
    gtk_list_box_remove (self->open_list, child);
  g_ptr_array_set_size (self->comments, 0);
  g_ptr_array_set_size (self->elsewhere, 0);

  g_set_object (&self->target, jm_comments_panel_find_target (self));
  if (self->target == NULL)
    {
      gtk_label_set_label (self->target_label, NULL);
      gtk_stack_set_visible_child_name (self->stack_pages, "empty");
      gtk_widget_set_visible (self->open_box, FALSE);
      return;
    }

  {
    g_autofree char *what = jm_diff_describe_object (document, self->target, state_of (document, self->target));
    g_autofree char *on = NULL;

    if (JM_IS_DOCUMENT (self->target))
      on = g_strdup (_("On the map"));
    else
      /* Translators: what the comments listed are on, e.g. On Stage “Arrival” */
      on = g_strdup_printf (_("On %s"), what);
    gtk_label_set_label (self->target_label, on);
  }

  store = jm_comments_peek (self->target);
  for (guint i = 0; store != NULL && i < jm_object_store_get_n_objects (store); i++)
    {
      JmComment *comment = jm_object_store_get_object (store, i);

      g_ptr_array_add (self->comments, g_object_ref (comment));
      gtk_list_box_append (self->list_box, jm_comments_panel_make_row (self, comment, i));
    }

  gtk_stack_set_visible_child_name (self->stack_pages, self->comments->len > 0 ? "list" : "empty");

  /* With nothing selected, what is open everywhere, to go to. */
  if (JM_IS_DOCUMENT (self->target))
    {
      Elsewhere elsewhere = { self, document };

      jm_diff_foreach_owner (document, add_open_comments_cb, &elsewhere);
    }
  gtk_widget_set_visible (self->open_box, self->elsewhere->len > 0);
}

/**
 * jm_comments_panel_dup_author:
 *
 * Returns: (transfer full): the name new comments are signed with
 */
char *
jm_comments_panel_dup_author (JmCommentsPanel *self)
{
  g_autofree char *author = NULL;

  g_return_val_if_fail (JM_IS_COMMENTS_PANEL (self), NULL);

  author = g_strstrip (g_strdup (gtk_editable_get_text (self->author_entry)));
  if (*author != '\0')
    return g_steal_pointer (&author);

  return g_strdup (g_get_real_name ());
}

static void
jm_comments_panel_add_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  JmCommentsPanel *self = JM_COMMENTS_PANEL (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->comment_entry)));
  g_autofree char *author = jm_comments_panel_dup_author (self);
  g_autoptr(GError) error = NULL;

  if (self->stack == NULL || self->target == NULL || *text == '\0')
    return;

  if (jm_edit_add_comment (self->stack, self->target, author, text, &error) == NULL)
    {
      jm_alert_show_refusal (widget, error);
      return;
    }

  gtk_editable_set_text (self->comment_entry, "");
}

static void
jm_comments_panel_edit_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JmCommentsPanel *self = JM_COMMENTS_PANEL (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  JmComment *comment;
  gboolean ok;

  if (self->stack == NULL || index >= self->comments->len)
    return;

  /* Kept alive: the edit refreshes the rows, which drops it. */
  comment = g_object_ref (self->comments->pdata[index]);
  if (g_str_equal (action_name, "comments.delete"))
    ok = jm_edit_delete_comment (self->stack, self->target, comment, &error);
  else
    ok = jm_edit_resolve_comment (self->stack, comment, g_str_equal (action_name, "comments.resolve"), &error);
  g_object_unref (comment);

  if (!ok)
    jm_alert_show_refusal (widget, error);
}

static void
on_comment_entry_changed_cb (JmCommentsPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->comment_entry)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", *text != '\0');
}

static void
on_comment_entry_activate_cb (JmCommentsPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "comments.add", NULL);
}

static void
jm_comments_panel_dispose (GObject *object)
{
  JmCommentsPanel *self = JM_COMMENTS_PANEL (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_COMMENTS_PANEL);
  g_clear_object (&self->stack);
  g_clear_object (&self->selection);
  g_clear_object (&self->target);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->elsewhere, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_comments_panel_parent_class)->dispose (object);
}

static void
jm_comments_panel_class_init (JmCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_comments_panel_dispose;

  /**
   * JmCommentsPanel::object-activated:
   * @object: the stage or item an open comment chosen is on
   */
  signals [OBJECT_ACTIVATED] =
    g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "comments.add", NULL, jm_comments_panel_add_action);
  gtk_widget_class_install_action (widget_class, "comments.resolve", "u", jm_comments_panel_edit_action);
  gtk_widget_class_install_action (widget_class, "comments.reopen", "u", jm_comments_panel_edit_action);
  gtk_widget_class_install_action (widget_class, "comments.delete", "u", jm_comments_panel_edit_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-comments-panel.ui");
  gtk_widget_class_set_css_name (widget_class, "jm-comments-panel");
  gtk_widget_class_bind_template_child (widget_class, JmCommentsPanel, target_label);
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (JmCommentsPanel, stack_pages));
  gtk_widget_class_bind_template_child (widget_class, JmCommentsPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, JmCommentsPanel, open_box);
  gtk_widget_class_bind_template_child (widget_class, JmCommentsPanel, open_list);
  gtk_widget_class_bind_template_callback (widget_class, on_open_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, JmCommentsPanel, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, JmCommentsPanel, author_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_entry_activate_cb);
}

static void
jm_comments_panel_init (JmCommentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->elsewhere = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self, "notify::visible", G_CALLBACK (jm_comments_panel_refresh), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->author_entry), g_get_real_name ());

  /* Signed with the name set once, for every map and window. */
  self->settings = jm_settings_new ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "comment-author", self->author_entry, "text", G_SETTINGS_BIND_DEFAULT);
}

/**
 * jm_comments_panel_set_stack:
 * @stack: (nullable): the history of the open map
 */
void
jm_comments_panel_set_stack (JmCommentsPanel *self,
                             JmCommandStack  *stack)
{
  g_return_if_fail (JM_IS_COMMENTS_PANEL (self));
  g_return_if_fail (stack == NULL || JM_IS_COMMAND_STACK (stack));

  g_set_object (&self->stack, stack);
  jm_comments_panel_refresh (self);
}

/**
 * jm_comments_panel_set_selection:
 * @selection: the canvas's selection, which the panel follows
 */
void
jm_comments_panel_set_selection (JmCommentsPanel *self,
                                 JmSelection     *selection)
{
  g_return_if_fail (JM_IS_COMMENTS_PANEL (self));
  g_return_if_fail (JM_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (jm_comments_panel_refresh), self);
  jm_comments_panel_refresh (self);
}

/**
 * jm_comments_panel_get_target:
 *
 * Returns: (transfer none) (nullable): what the comments listed are on
 */
GObject *
jm_comments_panel_get_target (JmCommentsPanel *self)
{
  g_return_val_if_fail (JM_IS_COMMENTS_PANEL (self), NULL);

  return self->target;
}

/**
 * jm_comments_panel_get_entry:
 *
 * Returns: (transfer none): the field a new comment is written in
 */
GtkEditable *
jm_comments_panel_get_entry (JmCommentsPanel *self)
{
  g_return_val_if_fail (JM_IS_COMMENTS_PANEL (self), NULL);

  return self->comment_entry;
}
