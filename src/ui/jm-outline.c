/* jm-outline.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-outline.h"

#include "jm-outline-row.h"

/* The map as a list the keyboard walks and a screen reader reads: each
 * stage, followed by the items of the shown state in it, lane by lane, in
 * the order of their cell ("Sees an ad, Touchpoint, Touchpoints"); then
 * the lanes. Activating a row emits ::object-activated, and the window
 * selects the stage, item or lane on the map, where the inspector and
 * Alt+arrows reach it. A GtkListView (jm-outline.ui), so that large maps
 * cost only the rows in view: each row (jm-outline-row.ui) shows a
 * JmOutlineRow, made only when the row is shown. */
struct _JmOutline
{
  GtkWidget     parent_instance;

  JmDocument   *document;
  JmLayerState  state;
  GListStore   *rows;
  GtkWidget    *scrolled;
  GtkWidget    *view;
  guint         rebuild_id;
  gboolean      stale;   /* changed while hidden: rebuilt when shown or asked */
};

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmOutline, jm_outline, GTK_TYPE_WIDGET)

/* Rebuilds the list in stage, lane and cell order: one pass to bucket the
 * items by cell, one to read the buckets in order, each stage first. */
static void
jm_outline_rebuild (JmOutline *self)
{
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  JmObjectStore *items, *stages, *lanes;

  self->stale = FALSE;
  g_list_store_remove_all (self->rows);
  if (self->document == NULL)
    return;

  cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  items = jm_layer_get_items (jm_document_get_layer (self->document, self->state));
  for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
    {
      JmItem *item = jm_object_store_get_object (items, i);
      g_autofree char *key = g_strconcat (jm_item_get_stage_id (item), "\n", jm_item_get_lane_id (item), NULL);
      GPtrArray *cell = g_hash_table_lookup (cells, key);

      if (cell == NULL)
        {
          cell = g_ptr_array_new ();
          g_hash_table_insert (cells, g_steal_pointer (&key), cell);
        }
      g_ptr_array_add (cell, item);
    }

  ordered = g_ptr_array_new ();
  stages = jm_document_get_stages (self->document);
  lanes = jm_document_get_lanes (self->document);
  for (guint s = 0; s < jm_object_store_get_n_objects (stages); s++)
    {
      g_ptr_array_add (ordered, jm_object_store_get_object (stages, s));
      for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
        {
          g_autofree char *key = g_strconcat (jm_object_get_id (jm_object_store_get_object (stages, s)), "\n",
                                              jm_object_get_id (jm_object_store_get_object (lanes, l)), NULL);
          GPtrArray *cell = g_hash_table_lookup (cells, key);

          if (cell != NULL)
            g_ptr_array_extend (ordered, cell, NULL, NULL);
        }
    }
  for (guint l = 0; l < jm_object_store_get_n_objects (lanes); l++)
    g_ptr_array_add (ordered, jm_object_store_get_object (lanes, l));

  g_list_store_splice (self->rows, 0, 0, ordered->pdata, ordered->len);
}

static gboolean
jm_outline_rebuild_cb (gpointer user_data)
{
  JmOutline *self = user_data;

  self->rebuild_id = 0;
  jm_outline_rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a paste, an undo of a group): rebuild once.
 * While the outline is hidden (the palette shows instead), nothing is
 * rebuilt: each rebuild reads the whole map, which a giant map would pay on
 * every edit, and the list's rows would be measured at startup for a page
 * nobody sees. */
static void
jm_outline_queue_rebuild (JmOutline *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (jm_outline_rebuild_cb, self);
}

static void
jm_outline_map (GtkWidget *widget)
{
  JmOutline *self = JM_OUTLINE (widget);

  if (self->stale)
    jm_outline_rebuild (self);

  GTK_WIDGET_CLASS (jm_outline_parent_class)->map (widget);
}

/* What jm-outline-row.ui binds: items sit under their stage, stages and
 * lanes stand out. */
static int
row_indent (GtkListItem *list_item,
            gboolean     heading,
            gpointer     user_data)
{
  return heading ? 6 : 18;
}

static GStrv
row_css_classes (GtkListItem *list_item,
                 gboolean     heading,
                 gpointer     user_data)
{
  const char *classes[] = { heading ? "heading" : NULL, NULL };

  return g_strdupv ((char **) classes);
}

/* A row's text is made when the list first shows it. */
static gpointer
map_row_cb (gpointer item,
            gpointer user_data)
{
  g_autoptr(JmObject) object = item;
  JmOutline *self = user_data;

  return jm_outline_row_new (self->document, object);
}

static void
on_activate_cb (JmOutline   *self,
                guint        position,
                GtkListView *view)
{
  g_autoptr(JmObject) object = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (object != NULL)
    g_signal_emit (self, signals [OBJECT_ACTIVATED], 0, object);
}

static void
jm_outline_dispose (GObject *object)
{
  JmOutline *self = JM_OUTLINE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_OUTLINE);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (jm_outline_parent_class)->dispose (object);
}

static void
jm_outline_class_init (JmOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_outline_dispose;
  widget_class->map = jm_outline_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-outline");

  /**
   * JmOutline::object-activated:
   * @object: the stage, item or lane whose row was activated
   */
  signals [OBJECT_ACTIVATED] =
    g_signal_new ("object-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JM_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeymap/Journeymap/ui/jm-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, JmOutline, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JmOutline, view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
jm_outline_init (JmOutline *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkMapListModel *rows;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_type_ensure (JM_TYPE_OUTLINE_ROW);
  g_type_ensure (G_TYPE_STRV);
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "row_indent", G_CALLBACK (row_indent),
                                           "row_css_classes", G_CALLBACK (row_css_classes),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             "/io/github/journeymap/Journeymap/ui/jm-outline-row.ui");

  self->rows = g_list_store_new (JM_TYPE_OBJECT);
  rows = gtk_map_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), map_row_cb, self, NULL);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (rows)));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->view), selection);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->view), factory);
}

GtkWidget *
jm_outline_new (void)
{
  return g_object_new (JM_TYPE_OUTLINE, NULL);
}

static void
jm_outline_watch (JmOutline     *self,
                  JmObjectStore *store)
{
  g_signal_connect_object (store, "items-changed", G_CALLBACK (jm_outline_queue_rebuild), self, G_CONNECT_SWAPPED);
}

/**
 * jm_outline_set_document:
 * @state: the state whose items are listed
 */
void
jm_outline_set_document (JmOutline    *self,
                         JmDocument   *document,
                         JmLayerState  state)
{
  g_return_if_fail (JM_IS_OUTLINE (self));

  if (self->document != document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);
      g_set_object (&self->document, document);
      if (document != NULL)
        {
          g_signal_connect_object (document, "object-changed", G_CALLBACK (jm_outline_queue_rebuild),
                                   self, G_CONNECT_SWAPPED);
          jm_outline_watch (self, jm_document_get_stages (document));
          jm_outline_watch (self, jm_document_get_lanes (document));
          for (guint i = 0; i < JM_N_LAYER_STATES; i++)
            jm_outline_watch (self, jm_layer_get_items (jm_document_get_layer (document, i)));
        }
    }

  self->state = state;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      jm_outline_rebuild (self);
      return;
    }

  /* Nothing of the previous map stays alive in a hidden list. */
  g_list_store_remove_all (self->rows);
  self->stale = TRUE;
}

/**
 * jm_outline_get_model:
 *
 * Returns: (transfer none): the stages, items and lanes listed, in order
 */
GListModel *
jm_outline_get_model (JmOutline *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE (self), NULL);

  if (self->stale)
    jm_outline_rebuild (self);

  return G_LIST_MODEL (self->rows);
}
