/* jm-insights-panel.c: a map's figures and what it still lacks, beside it
 *
 * The panel computes the insights of the state shown (core,
 * insights/jm-insights.c) and shows them as the core renderer's chart and
 * a list of the completeness checks; activating a check selects its
 * object. It follows edits, undo and redo through the history's
 * "changed", a little after the last one and only while it is shown, so
 * that a burst of edits (a drag, typing) costs one computation, and a
 * hidden panel none. The computation runs in slices of a couple of
 * milliseconds when the main loop is idle (JmInsightsJob), so that on a
 * giant map (a tenth of a second of work) an edit, a drag or a frame is
 * never held up behind it; a change meanwhile drops it and starts again.
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-insights-panel.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "render/jm-insights-chart.h"
#include "render/jm-priority-matrix.h"

/* After the last change, how long the panel waits to compute again. */
#define REFRESH_DELAY_MS 300
/* How long one slice of the computation may take: well within a frame. */
#define SLICE_US 2000
/* The most checks listed: a generated map of 100,000 items has 7,000,
 * and rows cost more to make than the checks to find. */
#define MAX_CHECK_ROWS 200

struct _JmInsightsPanel
{
  GtkWidget parent_instance;

  GtkWidget      *scrolled_window;
  GtkLabel       *summary_label;
  GtkDrawingArea *chart;
  GtkDrawingArea *matrix;
  GtkListBox     *checks_list;
  GtkWidget      *matrix_button;

  JmDocument     *document;
  JmCommandStack *stack;
  JmLayerState    state;
  JmSelection    *selection;
  JmInsights     *insights;
  guint           refresh_id;
  JmInsightsJob  *job;      /* the computation under way, if any */
  guint           job_id;
  gboolean        dirty;    /* the map changed since the insights were computed */
  gboolean        show_matrix;
};

enum
{
  PROP_0,
  PROP_SHOW_MATRIX,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (JmInsightsPanel, jm_insights_panel, GTK_TYPE_WIDGET)

static gboolean
scale_is_zero (GtkWidget *area)
{
  return gtk_widget_get_width (area) <= 0 || gtk_widget_get_height (area) <= 0;
}

static JmThemeKind
jm_insights_panel_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  JmInsightsPanel *self = user_data;

  if (self->insights != NULL)
    jm_insights_chart_draw (cr, self->insights, width, jm_insights_panel_theme ());
}

/* The matrix, scaled to the area and centred in it. */
static void
matrix_transform (GtkWidget *area,
                  double    *scale,
                  double    *dx,
                  double    *dy)
{
  double width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);

  *scale = MIN (width / JM_MATRIX_WIDTH, height / JM_MATRIX_HEIGHT);
  *dx = (width - JM_MATRIX_WIDTH * *scale) / 2;
  *dy = (height - JM_MATRIX_HEIGHT * *scale) / 2;
}

static void
draw_matrix_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  JmInsightsPanel *self = user_data;
  double scale, dx, dy;

  if (self->document == NULL || scale_is_zero (GTK_WIDGET (area)))
    return;

  matrix_transform (GTK_WIDGET (area), &scale, &dx, &dy);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  jm_priority_matrix_draw (cr, self->document, self->state, jm_insights_panel_theme ());
}

/* A click on a dot selects its opportunity. */
static void
on_matrix_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      JmInsightsPanel *self)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double scale, dx, dy;
  JmItem *item;

  if (self->document == NULL || self->selection == NULL || scale_is_zero (area))
    return;

  matrix_transform (area, &scale, &dx, &dy);
  item = jm_priority_matrix_hit (self->document, self->state, (x - dx) / scale, (y - dy) / scale);
  if (item != NULL)
    jm_selection_select (self->selection, JM_OBJECT (item));
}

static GtkWidget *
check_row_new (const char *text,
               gboolean    activatable)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);

  return row;
}

static void
jm_insights_panel_fill (JmInsightsPanel *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))) != NULL)
    gtk_list_box_remove (self->checks_list, child);

  if (self->insights == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      gtk_drawing_area_set_content_height (self->chart, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self->chart));
      return;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u thing to look at",
                                          "%s: %u things to look at", self->insights->checks->len),
                             self->state == JM_LAYER_STATE_FUTURE ? _("Future state") : _("Current state"),
                             self->insights->checks->len);
  gtk_label_set_text (self->summary_label, summary);
  gtk_drawing_area_set_content_height (self->chart, (int) ceil (jm_insights_chart_get_height (self->insights)));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->matrix));

  if (self->insights->checks->len == 0)
    gtk_list_box_append (self->checks_list, check_row_new (_("Nothing is missing."), FALSE));
  for (guint i = 0; i < MIN (self->insights->checks->len, MAX_CHECK_ROWS); i++)
    {
      JmInsightCheck *check = g_ptr_array_index (self->insights->checks, i);

      gtk_list_box_append (self->checks_list, check_row_new (check->message, TRUE));
    }
  if (self->insights->checks->len > MAX_CHECK_ROWS)
    {
      guint more = self->insights->checks->len - MAX_CHECK_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more check.",
                                                            "And %u more checks.", more), more);

      gtk_list_box_append (self->checks_list, check_row_new (text, FALSE));
    }
}

/* The map changed under the computation: it would read what is gone. */
static void
jm_insights_panel_drop_job (JmInsightsPanel *self)
{
  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->job, jm_insights_job_free);
}

static gboolean
job_step_cb (gpointer user_data)
{
  JmInsightsPanel *self = user_data;

  if (!jm_insights_job_step (self->job, SLICE_US))
    return G_SOURCE_CONTINUE;

  self->job_id = 0;
  g_clear_pointer (&self->insights, jm_insights_free);
  self->insights = jm_insights_job_finish (self->job);
  g_clear_pointer (&self->job, jm_insights_job_free);
  jm_insights_panel_fill (self);
  return G_SOURCE_REMOVE;
}

/* Starts computing the insights of the map as it is; what the panel
 * shows stays until they are done. */
static void
jm_insights_panel_refresh (JmInsightsPanel *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  jm_insights_panel_drop_job (self);
  self->dirty = FALSE;
  if (self->document == NULL)
    {
      g_clear_pointer (&self->insights, jm_insights_free);
      jm_insights_panel_fill (self);
      return;
    }

  self->job = jm_insights_job_new (self->document, self->state);
  self->job_id = g_idle_add (job_step_cb, self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  JmInsightsPanel *self = user_data;

  self->refresh_id = 0;
  jm_insights_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

/* After a change: computed again a little after the last change when
 * shown, else when next shown. */
static void
jm_insights_panel_schedule (JmInsightsPanel *self)
{
  self->dirty = TRUE;
  jm_insights_panel_drop_job (self);
  /* the delay starts again with each change: a drag is computed once,
   * after it */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
on_stack_changed_cb (JmInsightsPanel *self)
{
  jm_insights_panel_schedule (self);
}

static void
on_check_activated_cb (JmInsightsPanel *self,
                       GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);
  JmInsightCheck *check;
  gpointer object = NULL;

  if (self->insights == NULL || self->document == NULL || self->selection == NULL || index < 0 ||
      (guint) index >= self->insights->checks->len)
    return;

  check = g_ptr_array_index (self->insights->checks, index);
  switch (check->kind)
    {
    case JM_INSIGHT_CHECK_STAGE_WITHOUT_EMOTION:
    case JM_INSIGHT_CHECK_STAGE_WITHOUT_TOUCHPOINTS:
      object = jm_document_lookup_stage (self->document, check->object_id);
      break;
    case JM_INSIGHT_CHECK_UNANSWERED_PAIN_POINT:
    case JM_INSIGHT_CHECK_MOMENT_WITHOUT_RATIONALE:
      object = jm_layer_lookup_item (jm_document_get_layer (self->document, self->state), check->object_id);
      break;
    case JM_INSIGHT_CHECK_PERSONA_WITHOUT_GOALS:
      object = jm_document_lookup_persona (self->document, check->object_id);
      break;
    default:
      break;
    }

  /* The map may have changed since: a check whose object is gone waits
   * for the panel's next computation. */
  if (object != NULL)
    jm_selection_select (self->selection, JM_OBJECT (object));
}

static void
jm_insights_panel_map (GtkWidget *widget)
{
  JmInsightsPanel *self = JM_INSIGHTS_PANEL (widget);

  GTK_WIDGET_CLASS (jm_insights_panel_parent_class)->map (widget);

  if (self->dirty)
    jm_insights_panel_refresh (self);
}

static void
jm_insights_panel_disconnect (JmInsightsPanel *self)
{
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
}

static void
jm_insights_panel_dispose (GObject *object)
{
  JmInsightsPanel *self = JM_INSIGHTS_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  jm_insights_panel_drop_job (self);
  jm_insights_panel_disconnect (self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->insights, jm_insights_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSIGHTS_PANEL);

  G_OBJECT_CLASS (jm_insights_panel_parent_class)->dispose (object);
}

static void
jm_insights_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JmInsightsPanel *self = JM_INSIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_MATRIX:
      g_value_set_boolean (value, self->show_matrix);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_insights_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JmInsightsPanel *self = JM_INSIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_MATRIX:
      if (self->show_matrix != g_value_get_boolean (value))
        {
          self->show_matrix = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_insights_panel_class_init (JmInsightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_insights_panel_dispose;
  object_class->get_property = jm_insights_panel_get_property;
  object_class->set_property = jm_insights_panel_set_property;

  /**
   * JmInsightsPanel:show-matrix:
   *
   * Whether the panel's "Full-Size Matrix" button is down: the window
   * shows its matrix view (JmMatrixView) in the place of the map while it
   * is, and the view's Escape sets it back.
   */
  properties [PROP_SHOW_MATRIX] =
    g_param_spec_boolean ("show-matrix", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = jm_insights_panel_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-insights-panel");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-insights-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInsightsPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JmInsightsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JmInsightsPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, JmInsightsPanel, matrix);
  gtk_widget_class_bind_template_child (widget_class, JmInsightsPanel, checks_list);
  gtk_widget_class_bind_template_child (widget_class, JmInsightsPanel, matrix_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_activated_cb);
}

static void
jm_insights_panel_init (JmInsightsPanel *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->matrix, draw_matrix_cb, self, NULL);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_matrix_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->matrix), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->matrix, G_CONNECT_SWAPPED);
}

/**
 * jm_insights_panel_set_document:
 * @document: (nullable): the map shown
 * @stack: (nullable): its history, whose changes the panel follows
 * @state: the state shown
 */
void
jm_insights_panel_set_document (JmInsightsPanel *self,
                                JmDocument      *document,
                                JmCommandStack  *stack,
                                JmLayerState     state)
{
  g_return_if_fail (JM_IS_INSIGHTS_PANEL (self));
  g_return_if_fail (document == NULL || JM_IS_DOCUMENT (document));
  g_return_if_fail (stack == NULL || JM_IS_COMMAND_STACK (stack));

  jm_insights_panel_drop_job (self);
  if (document != self->document || stack != self->stack)
    {
      jm_insights_panel_disconnect (self);
      self->document = document != NULL ? g_object_ref (document) : NULL;
      self->stack = stack != NULL ? g_object_ref (stack) : NULL;
      if (stack != NULL)
        g_signal_connect_object (stack, "changed", G_CALLBACK (on_stack_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->state = state;

  /* Another map or state: at once when shown, not after a delay. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jm_insights_panel_refresh (self);
}

void
jm_insights_panel_set_selection (JmInsightsPanel *self,
                                 JmSelection     *selection)
{
  g_return_if_fail (JM_IS_INSIGHTS_PANEL (self));
  g_return_if_fail (selection == NULL || JM_IS_SELECTION (selection));

  g_set_object (&self->selection, selection);
}

/**
 * jm_insights_panel_get_insights:
 *
 * Returns: (transfer none) (nullable): what the panel shows
 */
JmInsights *
jm_insights_panel_get_insights (JmInsightsPanel *self)
{
  g_return_val_if_fail (JM_IS_INSIGHTS_PANEL (self), NULL);

  return self->insights;
}

/**
 * jm_insights_panel_is_pending:
 *
 * Returns: whether the map changed since the panel last computed, or
 *   the panel is still computing
 */
gboolean
jm_insights_panel_is_pending (JmInsightsPanel *self)
{
  g_return_val_if_fail (JM_IS_INSIGHTS_PANEL (self), FALSE);

  return self->dirty || self->job != NULL;
}
