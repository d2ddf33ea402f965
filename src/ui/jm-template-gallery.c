/* jm-template-gallery.c: New, from a template
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in templates, then the user's own, as a grid of thumbnails
 * with a search; choosing one emits "template-chosen" and closes the
 * gallery, the window makes the map. Thumbnails are drawn by the core's
 * renderer in worker threads, one per template, the first time a tile
 * shows it, and kept while the gallery is open: the grid shows at once
 * and fills in.
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-template-gallery.h"

#include <glib/gi18n-lib.h>

#include "jm-accessibility.h"
#include "jm-alert.h"
#include "jm-template-tile.h"

/* A thumbnail's size in the grid, in logical pixels. */
#define THUMBNAIL_WIDTH 240
#define THUMBNAIL_HEIGHT 150

struct _JmTemplateGallery
{
  AdwWindow           parent_instance;

  GFile              *user_folder;
  GListStore         *templates;
  GtkFilterListModel *shown;
  GtkCustomFilter    *filter;
  char               *search;

  GHashTable         *thumbnails;  /* JmTemplate → GdkTexture */
  GHashTable         *drawing;     /* JmTemplate being drawn */
  GHashTable         *tiles;       /* JmTemplate → JmTemplateTile showing it */
  GCancellable       *cancellable;

  /* Template children */
  GtkWidget          *search_entry;
  GtkWidget          *stack;
  GtkWidget          *grid_view;
};

G_DEFINE_FINAL_TYPE (JmTemplateGallery, jm_template_gallery, ADW_TYPE_WINDOW)

enum
{
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Thumbnails {{{ */

typedef struct
{
  int         width;
  int         height;
  JmThemeKind theme;
} ThumbnailRequest;

static void
draw_thumbnail_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  JmTemplate *template = g_task_get_task_data (task);
  const ThumbnailRequest *request = g_object_get_data (G_OBJECT (task), "request");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = jm_template_draw_thumbnail (template, request->width, request->height, request->theme, &error);
  if (surface == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  /* Cairo's ARGB32 is GDK's default memory format. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height, GDK_MEMORY_DEFAULT,
                                 bytes, (gsize) stride);
}

static void
thumbnail_drawn_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  JmTemplate *template = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);
  JmTemplateGallery *self;
  g_autoptr(GdkTexture) texture = NULL;
  JmTemplateTile *tile;

  if (surface == NULL)
    {
      /* Closed meanwhile: the gallery is gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail for %s: %s", jm_template_get_id (template), error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
    }

  self = JM_TEMPLATE_GALLERY (source);
  g_hash_table_remove (self->drawing, template);
  if (surface == NULL)
    return;

  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->thumbnails, g_object_ref (template), g_object_ref (texture));

  tile = g_hash_table_lookup (self->tiles, template);
  if (tile != NULL)
    jm_template_tile_set_thumbnail (tile, GDK_PAINTABLE (texture));
}

static void
request_thumbnail (JmTemplateGallery *self,
                   JmTemplate        *template)
{
  g_autoptr(GTask) task = NULL;
  ThumbnailRequest *request;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (g_hash_table_contains (self->thumbnails, template) || g_hash_table_contains (self->drawing, template))
    return;

  request = g_new0 (ThumbnailRequest, 1);
  request->width = THUMBNAIL_WIDTH * scale;
  request->height = THUMBNAIL_HEIGHT * scale;
  request->theme = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;

  task = g_task_new (self, self->cancellable, thumbnail_drawn_cb, NULL);
  g_task_set_source_tag (task, request_thumbnail);
  g_task_set_task_data (task, g_object_ref (template), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "request", request, g_free);
  /* Cancelled, the result is the cancellation, not a thumbnail. */
  g_task_set_return_on_cancel (task, TRUE);
  g_hash_table_add (self->drawing, g_object_ref (template));
  g_task_run_in_thread (task, draw_thumbnail_thread);
}

/* }}} */

/* The grid {{{ */

static void
delete_response_cb (JmAlert    *alert,
                    const char *response,
                    gpointer    user_data)
{
  JmTemplateGallery *self = JM_TEMPLATE_GALLERY (user_data);
  JmTemplate *template = g_object_get_data (G_OBJECT (alert), "template");
  g_autoptr(GError) error = NULL;
  guint position;

  if (!g_str_equal (response, "delete"))
    return;

  if (!jm_template_delete (template, &error))
    {
      jm_alert_show_error (GTK_WIDGET (self), _("Could Not Delete the Template"), error);
      return;
    }

  if (g_list_store_find (self->templates, template, &position))
    g_list_store_remove (self->templates, position);
}

static void
on_delete_requested_cb (JmTemplateTile    *tile,
                        JmTemplate        *template,
                        JmTemplateGallery *self)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), jm_template_get_name (template));
  JmAlert *alert = jm_alert_new (heading, _("The template is deleted for good. Maps made from it stay as they are."));

  jm_alert_add_response (alert, "cancel", _("_Cancel"));
  jm_alert_add_response (alert, "delete", _("_Delete"));
  jm_alert_set_response_appearance (alert, "delete", ADW_RESPONSE_DESTRUCTIVE);
  jm_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "template", g_object_ref (template), g_object_unref);
  g_signal_connect_object (alert, "response", G_CALLBACK (delete_response_cb), self, 0);
  jm_alert_present (alert, GTK_WIDGET (self));
}

static void
setup_tile_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               JmTemplateGallery        *self)
{
  GtkWidget *tile = jm_template_tile_new ();

  g_signal_connect_object (tile, "delete-requested", G_CALLBACK (on_delete_requested_cb), self, 0);
  gtk_list_item_set_child (list_item, tile);
}

static void
bind_tile_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              JmTemplateGallery        *self)
{
  JmTemplateTile *tile = JM_TEMPLATE_TILE (gtk_list_item_get_child (list_item));
  JmTemplate *template = gtk_list_item_get_item (list_item);
  GdkTexture *thumbnail = g_hash_table_lookup (self->thumbnails, template);

  jm_template_tile_set_template (tile, template);
  g_hash_table_insert (self->tiles, g_object_ref (template), tile);
  if (thumbnail != NULL)
    jm_template_tile_set_thumbnail (tile, GDK_PAINTABLE (thumbnail));
  else
    request_thumbnail (self, template);
}

static void
unbind_tile_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JmTemplateGallery        *self)
{
  JmTemplateTile *tile = JM_TEMPLATE_TILE (gtk_list_item_get_child (list_item));
  JmTemplate *template = jm_template_tile_get_template (tile);

  if (template != NULL && g_hash_table_lookup (self->tiles, template) == tile)
    g_hash_table_remove (self->tiles, template);
  jm_template_tile_set_template (tile, NULL);
}

static gboolean
template_shown (gpointer item,
                gpointer user_data)
{
  JmTemplateGallery *self = user_data;

  return jm_template_matches (JM_TEMPLATE (item), self->search);
}

static void
apply_search (JmTemplateGallery *self,
              const char        *search)
{
  g_free (self->search);
  self->search = g_strdup (search);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0 ? "templates"
                                                                                               : "empty");
}

static void
on_search_changed_cb (JmTemplateGallery *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search takes the first template found. */
static void
on_search_activate_cb (JmTemplateGallery *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    jm_template_gallery_choose (self, 0);
}

/* Escape in a search that has text clears it; in an empty one, closes. */
static void
on_stop_search_cb (JmTemplateGallery *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_grid_view_activate_cb (JmTemplateGallery *self,
                          guint              position)
{
  jm_template_gallery_choose (self, position);
}

/* }}} */

static void
jm_template_gallery_dispose (GObject *object)
{
  JmTemplateGallery *self = JM_TEMPLATE_GALLERY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The tiles let go of their templates while the tables are there. */
  if (self->grid_view != NULL)
    gtk_grid_view_set_model (GTK_GRID_VIEW (self->grid_view), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_TEMPLATE_GALLERY);

  G_OBJECT_CLASS (jm_template_gallery_parent_class)->dispose (object);
}

/* The tables live as long as the gallery: GTK 4.18 unbinds the grid's
 * tiles after the gallery's dispose. */
static void
jm_template_gallery_finalize (GObject *object)
{
  JmTemplateGallery *self = JM_TEMPLATE_GALLERY (object);

  g_clear_object (&self->shown);
  g_clear_object (&self->templates);
  g_clear_object (&self->user_folder);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->drawing, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_free (self->search);

  G_OBJECT_CLASS (jm_template_gallery_parent_class)->finalize (object);
}

static void
jm_template_gallery_class_init (JmTemplateGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_template_gallery_dispose;
  object_class->finalize = jm_template_gallery_finalize;

  /**
   * JmTemplateGallery::template-chosen:
   * @template: the template the new map starts from
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, JM_TYPE_TEMPLATE);

  g_type_ensure (JM_TYPE_TEMPLATE_TILE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymap/Journeymap/ui/jm-template-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, JmTemplateGallery, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JmTemplateGallery, stack);
  gtk_widget_class_bind_template_child (widget_class, JmTemplateGallery, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_view_activate_cb);
}

static void
jm_template_gallery_init (JmTemplateGallery *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  jm_accessibility_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->thumbnails = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_object_unref);
  self->drawing = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->tiles = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->templates = g_list_store_new (JM_TYPE_TEMPLATE);
  self->filter = gtk_custom_filter_new (template_shown, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->templates)),
                                           GTK_FILTER (self->filter));

  /* The grid may unbind its tiles after the gallery is gone (GTK 4.18
   * does): the handlers go with the gallery. */
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_tile_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_tile_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_tile_cb), self, 0);
  gtk_grid_view_set_factory (GTK_GRID_VIEW (self->grid_view), factory);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown))));
  gtk_grid_view_set_model (GTK_GRID_VIEW (self->grid_view), selection);

  /* Typing anywhere searches; arrows move in the grid. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), self->grid_view);
}

static void
append_all (GListStore *store,
            GListModel *templates)
{
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(GObject) template = g_list_model_get_item (templates, i);

      g_list_store_append (store, template);
    }
}

/**
 * jm_template_gallery_new:
 * @parent: the window New was chosen in
 * @user_folder: where the user's own templates are
 *
 * Returns: (transfer none): the gallery, owned by the window list
 */
JmTemplateGallery *
jm_template_gallery_new (GtkWindow *parent,
                         GFile     *user_folder)
{
  JmTemplateGallery *self;
  g_autoptr(GListModel) builtin = jm_template_list_builtin ();
  g_autoptr(GListModel) user = NULL;

  g_return_val_if_fail (G_IS_FILE (user_folder), NULL);

  self = g_object_new (JM_TYPE_TEMPLATE_GALLERY, "transient-for", parent, NULL);
  self->user_folder = g_object_ref (user_folder);
  user = jm_template_list_user (user_folder);
  append_all (self->templates, builtin);
  append_all (self->templates, user);
  apply_search (self, NULL);

  return self;
}

/**
 * jm_template_gallery_get_shown:
 *
 * Returns: (transfer none): the templates the search lets through
 */
GListModel *
jm_template_gallery_get_shown (JmTemplateGallery *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE_GALLERY (self), NULL);

  return G_LIST_MODEL (self->shown);
}

/* As typing @search in the search entry, without its delay. */
void
jm_template_gallery_set_search (JmTemplateGallery *self,
                                const char        *search)
{
  g_return_if_fail (JM_IS_TEMPLATE_GALLERY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
  apply_search (self, search);
}

/* Makes the map from the template shown at @position, and closes. */
void
jm_template_gallery_choose (JmTemplateGallery *self,
                            guint              position)
{
  g_autoptr(JmTemplate) template = NULL;

  g_return_if_fail (JM_IS_TEMPLATE_GALLERY (self));

  template = g_list_model_get_item (G_LIST_MODEL (self->shown), position);
  g_return_if_fail (template != NULL);

  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, template);
  gtk_window_close (GTK_WINDOW (self));
}

/* Whether thumbnails are still being drawn (for tests). */
gboolean
jm_template_gallery_is_drawing (JmTemplateGallery *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE_GALLERY (self), FALSE);

  return g_hash_table_size (self->drawing) > 0;
}
