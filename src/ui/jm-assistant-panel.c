/* jm-assistant-panel.c: the guided assistant beside the map
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A side panel that walks the seven steps of the method on the open map:
 * a list of the steps with a mark on those done, a page per step, Back and
 * Next. Every control edits the map at once, through the command stack,
 * so the canvas shows each change as it is made and Ctrl+Z takes it back.
 * What a step does and whether it is done is the core's
 * (session/jm-assistant.c): the panel shows and calls, nothing more, and
 * keeps nothing of its own, so that it can be closed and opened again on
 * any map, saved or not, and show that map's progress.
 *
 * Pages are filled again from the map after every change that did not
 * come from one of the panel's text fields (typing must keep its field);
 * the control that had the focus gets it back through its key, which the
 * UI tests also use to find controls.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-assistant-panel.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "commands/jm-edit.h"
#include "model/jm-kinds.h"
#include "jm-accessibility.h"
#include "jm-alert.h"

#define KEY_DATA "jm-assistant-key"
/* The width of the panel's texts, in characters. */
#define PANEL_CHARS 34
#define CHIPS_PER_ROW 6

struct _JmAssistantPanel
{
  GtkWidget parent_instance;

  JmCommandStack *stack;
  JmDocument     *document;
  gulong          changed_id;
  JmAssistantStep step;
  /* Widgets being filled from the map: their signals write nothing. */
  gboolean        filling;
  /* One of the panel's text fields is writing: its page stays as it is. */
  gboolean        writing;
  /* The map changed while the panel was hidden: it catches up when shown,
   * so that a closed panel costs an edit nothing. */
  gboolean        stale;
  /* A new map: the panel opens at its first step not done. */
  gboolean        resume;

  GtkWidget      *step_rows[JM_ASSISTANT_N_STEPS];
  GtkWidget      *step_marks[JM_ASSISTANT_N_STEPS];
  GtkWidget      *pages[JM_ASSISTANT_N_STEPS];
  /* The part of each page that follows the map's objects. */
  GtkWidget      *dynamic[JM_ASSISTANT_N_STEPS];

  GtkWidget      *title_entry;
  GtkTextBuffer  *description_buffer;
  GtkWidget      *rank_spin;
  GtkWidget      *days_spin;
  GtkWidget      *persona_entries[5];
  GtkWidget      *model_dropdown;
  GtkWidget      *new_stage_entry;

  /* Template children */
  GtkWidget      *box;
  GtkWidget      *steps_list;
  GtkWidget      *step_stack;
  GtkWidget      *back_button;
  GtkWidget      *next_button;
  GtkWidget      *progress_label;
};

G_DEFINE_FINAL_TYPE (JmAssistantPanel, jm_assistant_panel, GTK_TYPE_WIDGET)

enum {
  SELECT_OBJECT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Typing in one field is one undo step per field and object, as in the
 * inspector; these keys are the panel's own. */
#define MERGE_KEY_BASE 0x4a410000u

static guint
merge_key_for (const char *key)
{
  return MERGE_KEY_BASE + (g_str_hash (key) & 0xffffu);
}

/* Helpers {{{ */

static void
set_key (GtkWidget  *widget,
         const char *key)
{
  g_object_set_data_full (G_OBJECT (widget), KEY_DATA, g_strdup (key), g_free);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
find_key (GtkWidget  *root,
          const char *key)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (root), KEY_DATA), key) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_key (child, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
new_page (const char *intro)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (intro);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A wrapped label asks for its whole text on one line otherwise, and
   * the panel would take the map's room. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), PANEL_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (page), label);
  return page;
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), PANEL_CHARS);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* A labelled field: the label names the control for screen readers. */
static GtkWidget *
add_field (GtkWidget  *box,
           const char *label_text,
           GtkWidget  *control,
           const char *key)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  set_key (control, key);
  return control;
}

static void
refuse (JmAssistantPanel *self,
        const GError     *error)
{
  if (error != NULL)
    jm_alert_show_refusal (GTK_WIDGET (self), error);
}

static JmStage *
stage_at (JmAssistantPanel *self,
          guint             i)
{
  return jm_object_store_get_object (jm_document_get_stages (self->document), i);
}

static guint
n_stages (JmAssistantPanel *self)
{
  return jm_object_store_get_n_objects (jm_document_get_stages (self->document));
}

/* }}} */

/* Objectives {{{ */

static void
write_text (JmAssistantPanel *self,
            gpointer          object,
            const char       *property,
            const char       *text,
            const char       *key)
{
  g_autoptr(GError) error = NULL;

  if (self->filling || self->stack == NULL)
    return;

  self->writing = TRUE;
  if (!jm_edit_set_string (self->stack, object, property, text, merge_key_for (key), &error))
    refuse (self, error);
  self->writing = FALSE;
}

static void
on_title_changed_cb (JmAssistantPanel *self)
{
  write_text (self, self->document, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), "title");
}

static void
on_description_changed_cb (JmAssistantPanel *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (self->description_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->description_buffer, &start, &end, FALSE);
  write_text (self, self->document, "description", text, "description");
}

static void
on_number_changed_cb (GtkSpinButton    *spin,
                      JmAssistantPanel *self)
{
  const char *property = g_object_get_data (G_OBJECT (spin), "jm-property");
  g_autoptr(GError) error = NULL;

  if (self->filling || self->stack == NULL)
    return;

  self->writing = TRUE;
  if (!jm_edit_set_int (self->stack, self->document, property, gtk_spin_button_get_value_as_int (spin),
                        merge_key_for (property), &error))
    refuse (self, error);
  self->writing = FALSE;
}

static GtkWidget *
new_spin (JmAssistantPanel *self,
          int               max,
          const char       *property)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  g_object_set_data (G_OBJECT (spin), "jm-property", (gpointer) property);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_number_changed_cb), self);
  return spin;
}

static void
build_objectives (JmAssistantPanel *self)
{
  GtkWidget *page = new_page (_("What the map is for: its title, what it should find out, "
                                "how it ranks among the team's journeys and how long the journey lasts."));
  GtkWidget *view;
  GtkWidget *frame;

  self->title_entry = add_field (page, _("_Title"), gtk_entry_new (), "title");
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (on_title_changed_cb), self);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_widget_add_css_class (view, "jm-assistant-text");
  self->description_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_swapped (self->description_buffer, "changed", G_CALLBACK (on_description_changed_cb), self);
  add_field (page, _("_Objectives and scope"), view, "description");
  frame = gtk_frame_new (NULL);
  g_object_ref (view);
  gtk_box_remove (GTK_BOX (page), view);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  g_object_unref (view);
  gtk_box_append (GTK_BOX (page), frame);

  self->rank_spin = add_field (page, _("_Rank among the team’s journeys"), new_spin (self, JM_RANK_MAX, "rank"), "rank");
  self->days_spin = add_field (page, _("_Longest duration in days"),
                               new_spin (self, JM_MAX_LENGTH_DAYS_MAX, "max-length-days"), "days");
  self->pages[JM_ASSISTANT_STEP_OBJECTIVES] = page;
}

static void
fill_objectives (JmAssistantPanel *self)
{
  const char *title = jm_document_get_title (self->document);
  const char *description = jm_document_get_description (self->document);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  /* Only what differs, so that the cursor stays where it is. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title ? title : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
  gtk_text_buffer_get_bounds (self->description_buffer, &start, &end);
  shown = gtk_text_buffer_get_text (self->description_buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, description ? description : "") != 0)
    gtk_text_buffer_set_text (self->description_buffer, description ? description : "", -1);
  if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->rank_spin)) != jm_document_get_rank (self->document))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->rank_spin), jm_document_get_rank (self->document));
  if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->days_spin)) !=
      jm_document_get_max_length_days (self->document))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->days_spin), jm_document_get_max_length_days (self->document));
}

/* }}} */

/* Personas {{{ */

static void
on_add_persona_clicked_cb (JmAssistantPanel *self)
{
  const char *texts[5];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    texts[i] = gtk_editable_get_text (GTK_EDITABLE (self->persona_entries[i]));

  if (jm_assistant_add_persona (self->stack, texts[0], texts[1], texts[2], texts[3], texts[4], &error) == NULL)
    {
      refuse (self, error);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    gtk_editable_set_text (GTK_EDITABLE (self->persona_entries[i]), "");
  gtk_widget_grab_focus (self->persona_entries[0]);
}

static void
build_personas (JmAssistantPanel *self)
{
  GtkWidget *page = new_page (_("Who takes the journey: one persona for each kind of customer, "
                                "with what they want, what drives them and what gets in their way."));
  const char *labels[] = { _("_Name"), _("R_ole"), _("_Goals"), _("_Motivations"), _("_Frustrations") };
  const char *keys[] = { "persona-name", "persona-role", "persona-goals", "persona-motivations",
                         "persona-frustrations" };
  GtkWidget *button;

  self->dynamic[JM_ASSISTANT_STEP_PERSONAS] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (page), self->dynamic[JM_ASSISTANT_STEP_PERSONAS]);

  /* Personas kept between maps come in through the window's library
   * dialog, which copies one into the map as one undo step. */
  button = gtk_button_new_with_mnemonic (_("Add from _Library…"));
  jm_accessibility_name_after_mnemonic (button);
  set_key (button, "persona-library");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.add-persona-from-library");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (page), button);

  gtk_box_append (GTK_BOX (page), new_heading (_("New Persona")));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      self->persona_entries[i] = add_field (page, labels[i], gtk_entry_new (), keys[i]);
      g_signal_connect_swapped (self->persona_entries[i], "activate", G_CALLBACK (on_add_persona_clicked_cb), self);
    }

  button = gtk_button_new_with_mnemonic (_("_Add Persona"));
  jm_accessibility_name_after_mnemonic (button);
  set_key (button, "persona-add");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_persona_clicked_cb), self);
  gtk_box_append (GTK_BOX (page), button);
  self->pages[JM_ASSISTANT_STEP_PERSONAS] = page;
}

static void
fill_personas (JmAssistantPanel *self,
               GtkWidget        *box)
{
  JmObjectStore *personas = jm_document_get_personas (self->document);
  guint n = jm_object_store_get_n_objects (personas);

  gtk_box_append (GTK_BOX (box), new_heading (n == 0 ? _("No persona yet") : _("Personas of the Map")));
  for (guint i = 0; i < n; i++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, i);
      const char *role = jm_persona_get_role (persona);
      g_autofree char *text = role != NULL && *role != '\0'
        ? g_strdup_printf ("%s — %s", jm_persona_get_name (persona), role)
        : g_strdup (jm_persona_get_name (persona));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), PANEL_CHARS);
      gtk_box_append (GTK_BOX (box), label);
    }
}

/* }}} */

/* Stages {{{ */

static void
on_apply_model_clicked_cb (JmAssistantPanel *self)
{
  guint n_models;
  const JmStageModel *models = jm_assistant_get_stage_models (&n_models);
  guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->model_dropdown));
  g_autoptr(GError) error = NULL;

  if (chosen >= n_models)
    return;
  if (!jm_assistant_apply_stage_model (self->stack, &models[chosen], &error))
    refuse (self, error);
}

static void
on_add_stage_cb (JmAssistantPanel *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_stage_entry));
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;
  if (jm_edit_add_stage (self->stack, n_stages (self), name, &error) == NULL)
    {
      refuse (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_stage_entry), "");
}

static void
build_stages (JmAssistantPanel *self)
{
  GtkWidget *page = new_page (_("The phases of the journey, in order: start from a stage model, "
                                "or name your own. Only empty stages are removed."));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_models;
  const JmStageModel *models = jm_assistant_get_stage_models (&n_models);
  GtkWidget *row;
  GtkWidget *button;

  for (guint i = 0; i < n_models; i++)
    gtk_string_list_append (names, jm_assistant_stage_model_get_name (&models[i]));
  self->model_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  add_field (page, _("Stage _model"), self->model_dropdown, "stage-model");
  button = gtk_button_new_with_mnemonic (_("A_pply Model"));
  jm_accessibility_name_after_mnemonic (button);
  gtk_widget_set_tooltip_text (button, _("Rename the stages after the model, add the missing ones "
                                         "and remove the empty ones left over (one undo step)"));
  set_key (button, "stage-model-apply");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_apply_model_clicked_cb), self);
  gtk_box_append (GTK_BOX (page), button);

  gtk_box_append (GTK_BOX (page), new_heading (_("Stages of the Map")));
  self->dynamic[JM_ASSISTANT_STEP_STAGES] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (page), self->dynamic[JM_ASSISTANT_STEP_STAGES]);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->new_stage_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->new_stage_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->new_stage_entry), _("New stage"));
  set_label (self->new_stage_entry, _("Name of a new stage"));
  set_key (self->new_stage_entry, "new-stage-name");
  g_signal_connect_swapped (self->new_stage_entry, "activate", G_CALLBACK (on_add_stage_cb), self);
  button = gtk_button_new_with_mnemonic (_("Add _Stage"));
  jm_accessibility_name_after_mnemonic (button);
  set_key (button, "new-stage-add");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_stage_cb), self);
  gtk_box_append (GTK_BOX (row), self->new_stage_entry);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (page), row);
  self->pages[JM_ASSISTANT_STEP_STAGES] = page;
}

static void
on_stage_name_changed_cb (GtkEditable      *entry,
                          JmAssistantPanel *self)
{
  JmStage *stage = g_object_get_data (G_OBJECT (entry), "jm-object");

  write_text (self, stage, "name", gtk_editable_get_text (entry), g_object_get_data (G_OBJECT (entry), KEY_DATA));
}

static void
on_stage_button_clicked_cb (GtkButton        *button,
                            JmAssistantPanel *self)
{
  JmStage *stage = g_object_get_data (G_OBJECT (button), "jm-object");
  int move = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jm-move"));
  int index = jm_document_get_stage_index (self->document, jm_object_get_id (JM_OBJECT (stage)));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (move == 0)
    ok = jm_assistant_remove_stage (self->stack, stage, &error);
  else
    ok = jm_edit_move_stage (self->stack, stage, index + move, &error);
  if (!ok)
    refuse (self, error);
}

static GtkWidget *
new_stage_button (JmAssistantPanel *self,
                  JmStage          *stage,
                  const char       *icon,
                  const char       *label,
                  const char       *key,
                  int               move)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  set_label (button, label);
  set_key (button, key);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "jm-object", g_object_ref (stage), g_object_unref);
  g_object_set_data (G_OBJECT (button), "jm-move", GINT_TO_POINTER (move));
  g_signal_connect (button, "clicked", G_CALLBACK (on_stage_button_clicked_cb), self);
  return button;
}

static void
fill_stages (JmAssistantPanel *self,
             GtkWidget        *box)
{
  guint n = n_stages (self);

  for (guint i = 0; i < n; i++)
    {
      JmStage *stage = stage_at (self, i);
      const char *name = jm_stage_get_name (stage);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *key = g_strdup_printf ("stage-name-%u", i);
      g_autofree char *up_key = g_strdup_printf ("stage-up-%u", i);
      g_autofree char *down_key = g_strdup_printf ("stage-down-%u", i);
      g_autofree char *remove_key = g_strdup_printf ("stage-remove-%u", i);
      g_autofree char *label = g_strdup_printf (_("Name of stage %u"), i + 1);
      g_autofree char *up = g_strdup_printf (_("Move “%s” Earlier"), name ? name : "");
      g_autofree char *down = g_strdup_printf (_("Move “%s” Later"), name ? name : "");
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), name ? name : "");
      GtkWidget *button;

      gtk_editable_set_text (GTK_EDITABLE (entry), name ? name : "");
      gtk_widget_set_hexpand (entry, TRUE);
      set_label (entry, label);
      set_key (entry, key);
      g_object_set_data_full (G_OBJECT (entry), "jm-object", g_object_ref (stage), g_object_unref);
      g_signal_connect (entry, "changed", G_CALLBACK (on_stage_name_changed_cb), self);
      gtk_box_append (GTK_BOX (row), entry);

      button = new_stage_button (self, stage, "go-up-symbolic", up, up_key, -1);
      gtk_widget_set_sensitive (button, i > 0);
      gtk_box_append (GTK_BOX (row), button);
      button = new_stage_button (self, stage, "go-down-symbolic", down, down_key, 1);
      gtk_widget_set_sensitive (button, i + 1 < n);
      gtk_box_append (GTK_BOX (row), button);
      button = new_stage_button (self, stage, "user-trash-symbolic", remove, remove_key, 0);
      /* The assistant removes only what holds nothing. */
      gtk_widget_set_sensitive (button, n > 1 && jm_assistant_stage_is_empty (self->document, stage));
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (box), row);
    }
}

/* }}} */

/* Touchpoints {{{ */

static void
on_channel_toggled_cb (GtkToggleButton  *button,
                       JmAssistantPanel *self)
{
  JmStage *stage = g_object_get_data (G_OBJECT (button), "jm-object");
  JmChannel channel = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jm-channel"));
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!jm_assistant_set_channel (self->stack, stage, channel, gtk_toggle_button_get_active (button), &error))
    refuse (self, error);
}

static void
fill_touchpoints (JmAssistantPanel *self,
                  GtkWidget        *box)
{
  guint n_channels;
  const JmKind *channels = jm_kinds_get (JM_TYPE_CHANNEL, &n_channels);

  for (guint s = 0; s < n_stages (self); s++)
    {
      JmStage *stage = stage_at (self, s);
      const char *name = jm_stage_get_name (stage);
      /* A grid, not a flow box: Tab goes from chip to chip, in order. */
      GtkWidget *grid = gtk_grid_new ();
      guint placed = 0;

      gtk_box_append (GTK_BOX (box), new_heading (name ? name : ""));
      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, name ? name : "", -1);
      for (guint c = 0; c < n_channels; c++)
        {
          GtkWidget *chip;
          g_autofree char *icon = NULL;
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;

          if (channels[c].value == JM_CHANNEL_NONE)
            continue;

          icon = jm_kind_dup_icon_name (&channels[c]);
          key = g_strdup_printf ("channel-%u-%s", s, channels[c].nick);
          /* TRANSLATORS: a channel in a stage, as in "Email in Awareness" */
          label = g_strdup_printf (_("%s in %s"), jm_kind_get_label (&channels[c]), name ? name : "");
          chip = gtk_toggle_button_new ();
          gtk_button_set_icon_name (GTK_BUTTON (chip), icon);
          gtk_widget_set_tooltip_text (chip, jm_kind_get_label (&channels[c]));
          set_label (chip, label);
          set_key (chip, key);
          gtk_widget_add_css_class (chip, "jm-channel-chip");
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip),
                                        jm_assistant_stage_has_channel (self->document, stage, channels[c].value));
          g_object_set_data_full (G_OBJECT (chip), "jm-object", g_object_ref (stage), g_object_unref);
          g_object_set_data (G_OBJECT (chip), "jm-channel", GINT_TO_POINTER (channels[c].value));
          g_signal_connect (chip, "toggled", G_CALLBACK (on_channel_toggled_cb), self);
          gtk_grid_attach (GTK_GRID (grid), chip, placed % CHIPS_PER_ROW, placed / CHIPS_PER_ROW, 1, 1);
          placed++;
        }
      gtk_box_append (GTK_BOX (box), grid);
    }
}

/* }}} */

/* Moments of Truth {{{ */

static void
on_moment_kind_cb (GtkDropDown      *dropdown,
                   GParamSpec       *pspec,
                   JmAssistantPanel *self)
{
  JmItem *item = g_object_get_data (G_OBJECT (dropdown), "jm-object");
  guint kind = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->filling || kind == GTK_INVALID_LIST_POSITION || kind == (guint) jm_item_get_moment (item))
    return;
  if (!jm_edit_set_moment (self->stack, item, kind, NULL, jm_item_get_moment_rationale (item), &error))
    refuse (self, error);
}

static void
on_rationale_changed_cb (GtkEditable      *entry,
                         JmAssistantPanel *self)
{
  JmItem *item = g_object_get_data (G_OBJECT (entry), "jm-object");

  write_text (self, item, "moment-rationale", gtk_editable_get_text (entry),
              g_object_get_data (G_OBJECT (entry), KEY_DATA));
}

static void
fill_moments (JmAssistantPanel *self,
              GtkWidget        *box)
{
  g_autoptr(GPtrArray) candidates = jm_assistant_list_moment_candidates (self->document);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (int kind = JM_MOMENT_KIND_NONE; kind <= JM_MOMENT_KIND_SECOND; kind++)
    gtk_string_list_append (kinds, jm_kind_get_label (jm_kinds_lookup (JM_TYPE_MOMENT_KIND, kind)));

  if (candidates->len == 0)
    gtk_box_append (GTK_BOX (box), new_heading (_("Add touchpoints first: a Moment of Truth is one of them.")));

  for (guint i = 0; i < candidates->len; i++)
    {
      JmItem *item = candidates->pdata[i];
      JmStage *stage = jm_document_lookup_stage (self->document, jm_item_get_stage_id (item));
      const char *id = jm_object_get_id (JM_OBJECT (item));
      JmMomentKind moment = jm_item_get_moment (item);
      g_autofree char *heading = g_strdup_printf ("%s · %s", jm_item_get_title (item) ? jm_item_get_title (item) : "",
                                                  stage != NULL ? jm_stage_get_name (stage) : "");
      g_autofree char *kind_key = g_strdup_printf ("moment-kind-%s", id);
      g_autofree char *rationale_key = g_strdup_printf ("moment-rationale-%s", id);
      g_autofree char *kind_label = g_strdup_printf (_("Moment of Truth: %s"), heading);
      g_autofree char *rationale_label = g_strdup_printf (_("Why %s is decisive"), heading);
      const char *rationale = jm_item_get_moment_rationale (item);
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
      GtkWidget *entry = gtk_entry_new ();

      gtk_box_append (GTK_BOX (box), new_heading (heading));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  moment <= JM_MOMENT_KIND_SECOND ? (guint) moment : GTK_INVALID_LIST_POSITION);
      set_label (dropdown, kind_label);
      set_key (dropdown, kind_key);
      g_object_set_data_full (G_OBJECT (dropdown), "jm-object", g_object_ref (item), g_object_unref);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_moment_kind_cb), self);
      gtk_box_append (GTK_BOX (box), dropdown);

      gtk_editable_set_text (GTK_EDITABLE (entry), rationale ? rationale : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why it is decisive"));
      gtk_widget_set_sensitive (entry, moment != JM_MOMENT_KIND_NONE);
      set_label (entry, rationale_label);
      set_key (entry, rationale_key);
      g_object_set_data_full (G_OBJECT (entry), "jm-object", g_object_ref (item), g_object_unref);
      g_signal_connect (entry, "changed", G_CALLBACK (on_rationale_changed_cb), self);
      gtk_box_append (GTK_BOX (box), entry);
    }
}

/* }}} */

/* Emotional curve {{{ */

static void
on_score_changed_cb (GtkRange         *range,
                     JmAssistantPanel *self)
{
  JmPersona *persona = g_object_get_data (G_OBJECT (range), "jm-persona");
  JmStage *stage = g_object_get_data (G_OBJECT (range), "jm-object");
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!jm_assistant_set_score (self->stack, persona, stage, (int) lround (gtk_range_get_value (range)), &error))
    refuse (self, error);
}

static void
fill_emotions (JmAssistantPanel *self,
               GtkWidget        *box)
{
  JmObjectStore *personas = jm_document_get_personas (self->document);

  if (jm_object_store_get_n_objects (personas) == 0)
    gtk_box_append (GTK_BOX (box), new_heading (_("Add a persona first: each persona has a curve of their own.")));

  for (guint p = 0; p < jm_object_store_get_n_objects (personas); p++)
    {
      JmPersona *persona = jm_object_store_get_object (personas, p);

      gtk_box_append (GTK_BOX (box), new_heading (jm_persona_get_name (persona)));
      for (guint s = 0; s < n_stages (self); s++)
        {
          JmStage *stage = stage_at (self, s);
          JmEmotionPoint *point = jm_assistant_find_point (self->document, persona, stage);
          const char *name = jm_stage_get_name (stage) ? jm_stage_get_name (stage) : "";
          g_autofree char *key = g_strdup_printf ("score-%u-%u", p, s);
          /* TRANSLATORS: how a persona feels in a stage, as in "Maya in Awareness" */
          g_autofree char *label = g_strdup_printf (_("How %s feels in %s, from −5 to +5"),
                                                    jm_persona_get_name (persona), name);
          g_autofree char *caption = point != NULL ? g_strdup (name)
                                                   : g_strdup_printf (_("%s (no point yet)"), name);
          GtkWidget *caption_label = gtk_label_new (caption);
          GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, JM_SCORE_MIN, JM_SCORE_MAX, 1);

          gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
          gtk_box_append (GTK_BOX (box), caption_label);
          gtk_scale_set_digits (GTK_SCALE (scale), 0);
          gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
          gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
          for (int mark = (int) JM_SCORE_MIN; mark <= (int) JM_SCORE_MAX; mark++)
            gtk_scale_add_mark (GTK_SCALE (scale), mark, GTK_POS_BOTTOM, NULL);
          gtk_range_set_round_digits (GTK_RANGE (scale), 0);
          gtk_range_set_increments (GTK_RANGE (scale), 1, 1);
          gtk_range_set_value (GTK_RANGE (scale), point != NULL ? jm_emotion_point_get_score (point) : 0);
          set_label (scale, label);
          set_key (scale, key);
          g_object_set_data_full (G_OBJECT (scale), "jm-persona", g_object_ref (persona), g_object_unref);
          g_object_set_data_full (G_OBJECT (scale), "jm-object", g_object_ref (stage), g_object_unref);
          g_signal_connect (scale, "value-changed", G_CALLBACK (on_score_changed_cb), self);
          gtk_box_append (GTK_BOX (box), scale);
        }
    }
}

/* }}} */

/* Review {{{ */

static void
on_check_clicked_cb (GtkButton        *button,
                     JmAssistantPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "jm-object-id");
  JmLayer *layer = jm_document_get_layer (self->document, JM_LAYER_STATE_CURRENT);
  gpointer object = jm_document_lookup_stage (self->document, id);

  if (object == NULL)
    object = jm_document_lookup_persona (self->document, id);
  if (object == NULL)
    object = jm_layer_lookup_item (layer, id);
  if (object != NULL)
    g_signal_emit (self, signals[SELECT_OBJECT], 0, object);
}

static void
fill_review (JmAssistantPanel *self,
             GtkWidget        *box)
{
  /* The insights' completeness checks, through the assistant. */
  g_autoptr(GPtrArray) checks = jm_assistant_check (self->document);

  gtk_box_append (GTK_BOX (box), new_heading (checks->len == 0 ? _("Nothing is missing: the map is complete.")
                                                               : _("Still missing (click to select)")));
  for (guint i = 0; i < checks->len; i++)
    {
      JmAssistantCheck *check = checks->pdata[i];
      GtkWidget *button = gtk_button_new_with_label (check->message);
      g_autofree char *key = g_strdup_printf ("check-%u", i);

      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANEL_CHARS);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Select it in the map"));
      set_key (button, key);
      g_object_set_data_full (G_OBJECT (button), "jm-object-id", g_strdup (check->object_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_check_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
}

/* }}} */

/* Filling and steps {{{ */

static void
update_marks (JmAssistantPanel *self)
{
  guint done = 0;
  g_autofree char *progress = NULL;

  for (guint step = 0; step < JM_ASSISTANT_N_STEPS; step++)
    {
      gboolean is_done = self->document != NULL && jm_assistant_step_is_done (self->document, step);
      g_autofree char *label = g_strdup_printf (is_done ? _("Step %u, %s, done") : _("Step %u, %s, to do"),
                                                step + 1, jm_assistant_step_get_title (step));

      gtk_widget_set_opacity (self->step_marks[step], is_done ? 1.0 : 0.0);
      set_label (self->step_rows[step], label);
      done += is_done;
    }

  progress = g_strdup_printf (_("%u of %u done"), done, JM_ASSISTANT_N_STEPS);
  gtk_label_set_label (GTK_LABEL (self->progress_label), progress);
}

/* Fills the shown step's page from the map, the focus kept on the control
 * that had it (found again by its key). */
static void
fill_page (JmAssistantPanel *self)
{
  GtkWidget *box = self->dynamic[self->step];
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_key = NULL;

  if (self->document == NULL)
    return;

  self->filling = TRUE;
  if (self->step == JM_ASSISTANT_STEP_OBJECTIVES)
    fill_objectives (self);

  if (box != NULL)
    {
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        {
          if (g_object_get_data (G_OBJECT (w), KEY_DATA) != NULL)
            {
              if (gtk_widget_is_ancestor (w, box))
                focus_key = g_strdup (g_object_get_data (G_OBJECT (w), KEY_DATA));
              break;
            }
        }

      clear_box (box);
      switch (self->step)
        {
        case JM_ASSISTANT_STEP_PERSONAS: fill_personas (self, box); break;
        case JM_ASSISTANT_STEP_STAGES: fill_stages (self, box); break;
        case JM_ASSISTANT_STEP_TOUCHPOINTS: fill_touchpoints (self, box); break;
        case JM_ASSISTANT_STEP_MOMENTS: fill_moments (self, box); break;
        case JM_ASSISTANT_STEP_EMOTIONS: fill_emotions (self, box); break;
        case JM_ASSISTANT_STEP_REVIEW: fill_review (self, box); break;
        case JM_ASSISTANT_STEP_OBJECTIVES:
        default:
          break;
        }

      if (focus_key != NULL)
        {
          GtkWidget *again = find_key (box, focus_key);

          if (again != NULL)
            gtk_widget_grab_focus (again);
        }
    }
  self->filling = FALSE;
}

static void
on_stack_changed_cb (JmAssistantPanel *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  update_marks (self);
  /* What the user types stays as typed. */
  if (!self->writing)
    fill_page (self);
}

static void
catch_up (JmAssistantPanel *self)
{
  self->stale = FALSE;
  if (self->document == NULL)
    return;

  update_marks (self);
  if (self->resume)
    jm_assistant_panel_show_step (self, jm_assistant_first_step_to_do (self->document));
  else
    fill_page (self);
}

static GtkWidget *
new_dynamic_page (JmAssistantPanel *self,
                  JmAssistantStep   step,
                  const char       *intro)
{
  GtkWidget *page = new_page (intro);

  self->dynamic[step] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (page), self->dynamic[step]);
  self->pages[step] = page;
  return page;
}

static void
build_steps (JmAssistantPanel *self)
{
  build_objectives (self);
  build_personas (self);
  build_stages (self);
  new_dynamic_page (self, JM_ASSISTANT_STEP_TOUCHPOINTS,
                    _("Where the customer meets the service in each stage: switch a channel on to add "
                      "a touchpoint of it, off to remove it."));
  new_dynamic_page (self, JM_ASSISTANT_STEP_MOMENTS,
                    _("The touchpoints that decide the journey: mark them as Moments of Truth and say why."));
  new_dynamic_page (self, JM_ASSISTANT_STEP_EMOTIONS,
                    _("How each persona feels in each stage, from −5 (very bad) to +5 (very good)."));
  new_dynamic_page (self, JM_ASSISTANT_STEP_REVIEW,
                    _("What the map still lacks. Select an entry to find it in the map."));

  for (guint step = 0; step < JM_ASSISTANT_N_STEPS; step++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = g_strdup_printf ("%u. %s", step + 1, jm_assistant_step_get_title (step));
      GtkWidget *label = gtk_label_new (text);
      g_autofree char *key = g_strdup_printf ("step-%u", step);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      self->step_marks[step] = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), self->step_marks[step]);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      set_key (row, key);
      self->step_rows[step] = row;
      gtk_list_box_append (GTK_LIST_BOX (self->steps_list), row);
      gtk_widget_set_visible (self->pages[step], FALSE);
      gtk_box_append (GTK_BOX (self->step_stack), self->pages[step]);
    }
}

static void
on_step_activated_cb (JmAssistantPanel *self,
                      GtkListBoxRow    *row)
{
  jm_assistant_panel_show_step (self, gtk_list_box_row_get_index (row));
}

static void
on_back_clicked_cb (JmAssistantPanel *self)
{
  if (self->step > 0)
    jm_assistant_panel_show_step (self, self->step - 1);
}

static void
on_next_clicked_cb (JmAssistantPanel *self)
{
  if (self->step + 1 < JM_ASSISTANT_N_STEPS)
    jm_assistant_panel_show_step (self, self->step + 1);
}

/* }}} */

static void
jm_assistant_panel_map (GtkWidget *widget)
{
  JmAssistantPanel *self = JM_ASSISTANT_PANEL (widget);

  GTK_WIDGET_CLASS (jm_assistant_panel_parent_class)->map (widget);

  if (self->stale)
    catch_up (self);
}

static void
jm_assistant_panel_dispose (GObject *object)
{
  JmAssistantPanel *self = JM_ASSISTANT_PANEL (object);

  if (self->stack != NULL)
    g_clear_signal_handler (&self->changed_id, self->stack);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_ASSISTANT_PANEL);

  G_OBJECT_CLASS (jm_assistant_panel_parent_class)->dispose (object);
}

static void
jm_assistant_panel_class_init (JmAssistantPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_assistant_panel_dispose;
  widget_class->map = jm_assistant_panel_map;

  /**
   * JmAssistantPanel::select-object:
   * @object: the stage, persona or item a check of the review names
   */
  signals [SELECT_OBJECT] =
    g_signal_new ("select-object",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-assistant-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, JmAssistantPanel, box);
  gtk_widget_class_bind_template_child (widget_class, JmAssistantPanel, steps_list);
  gtk_widget_class_bind_template_child (widget_class, JmAssistantPanel, step_stack);
  gtk_widget_class_bind_template_child (widget_class, JmAssistantPanel, back_button);
  gtk_widget_class_bind_template_child (widget_class, JmAssistantPanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, JmAssistantPanel, progress_label);
  gtk_widget_class_bind_template_child_full (widget_class, "close_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-assistant-panel");
}

static void
jm_assistant_panel_init (JmAssistantPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_steps (self);
  jm_assistant_panel_show_step (self, JM_ASSISTANT_STEP_OBJECTIVES);
}

/**
 * jm_assistant_panel_set_stack:
 *
 * Shows the steps of @stack's map, at the first step not done (when the
 * panel is next shown, if it is hidden).
 */
void
jm_assistant_panel_set_stack (JmAssistantPanel *self,
                              JmCommandStack   *stack)
{
  g_return_if_fail (JM_IS_ASSISTANT_PANEL (self));
  g_return_if_fail (stack == NULL || JM_IS_COMMAND_STACK (stack));

  if (self->stack == stack)
    return;

  if (self->stack != NULL)
    g_clear_signal_handler (&self->changed_id, self->stack);
  g_set_object (&self->stack, stack);
  g_clear_object (&self->document);
  if (stack == NULL)
    return;

  self->document = g_object_ref (jm_command_stack_get_document (stack));
  self->changed_id = g_signal_connect_swapped (stack, "changed", G_CALLBACK (on_stack_changed_cb), self);
  self->resume = TRUE;
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
}

JmCommandStack *
jm_assistant_panel_get_stack (JmAssistantPanel *self)
{
  g_return_val_if_fail (JM_IS_ASSISTANT_PANEL (self), NULL);

  return self->stack;
}

void
jm_assistant_panel_show_step (JmAssistantPanel *self,
                              JmAssistantStep   step)
{
  g_return_if_fail (JM_IS_ASSISTANT_PANEL (self));
  g_return_if_fail (step < JM_ASSISTANT_N_STEPS);

  self->resume = FALSE;
  /* One page shown at a time; hidden ones take no room. */
  gtk_widget_set_visible (self->pages[self->step], FALSE);
  self->step = step;
  gtk_widget_set_visible (self->pages[step], TRUE);
  gtk_list_box_select_row (GTK_LIST_BOX (self->steps_list), GTK_LIST_BOX_ROW (self->step_rows[step]));
  gtk_widget_set_sensitive (self->back_button, step > 0);
  gtk_widget_set_sensitive (self->next_button, step + 1 < JM_ASSISTANT_N_STEPS);
  fill_page (self);
}

JmAssistantStep
jm_assistant_panel_get_step (JmAssistantPanel *self)
{
  g_return_val_if_fail (JM_IS_ASSISTANT_PANEL (self), 0);

  return self->step;
}

GtkWidget *
jm_assistant_panel_get_step_row (JmAssistantPanel *self,
                                 JmAssistantStep   step)
{
  g_return_val_if_fail (JM_IS_ASSISTANT_PANEL (self), NULL);
  g_return_val_if_fail (step < JM_ASSISTANT_N_STEPS, NULL);

  return self->step_rows[step];
}

/* Whether the step's row shows it done. */
gboolean
jm_assistant_panel_get_step_marked (JmAssistantPanel *self,
                                    JmAssistantStep   step)
{
  g_return_val_if_fail (JM_IS_ASSISTANT_PANEL (self), FALSE);
  g_return_val_if_fail (step < JM_ASSISTANT_N_STEPS, FALSE);

  return gtk_widget_get_opacity (self->step_marks[step]) > 0.5;
}

/**
 * jm_assistant_panel_find:
 * @key: a control's key, as "title", "channel-0-email" or "score-0-2"
 *
 * Returns: (transfer none) (nullable): the control of the shown page with
 * that key, or a step's row ("step-N")
 */
GtkWidget *
jm_assistant_panel_find (JmAssistantPanel *self,
                         const char       *key)
{
  g_return_val_if_fail (JM_IS_ASSISTANT_PANEL (self), NULL);

  return find_key (self->box, key);
}
