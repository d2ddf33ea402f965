/* jm-template.c: a map a new map starts from, built in or the user's own
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in templates are compiled into the core with the schema
 * (jm_template_lookup ()); their names and purposes are translated here.
 * The user's own are .jmap files in a folder of the user data folder,
 * named by their title and described by the first sentence of their
 * description, so that a map saved there, or copied there by hand, is a
 * template as it is.
 */

#define G_LOG_DOMAIN "jm-session"

#include "config.h"

#include "jm-template.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "format/jm-schema.h"
#include "format/jm-xml-reader.h"
#include "format/jm-xml-writer.h"
#include "io/jm-document-io.h"
#include "model/jm-object-private.h"
#include "model/jm-search.h"
#include "render/jm-layout.h"
#include "render/jm-renderer.h"

struct _JmTemplate
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *purpose;
  GFile   *file;     /* the user's templates only */
  char    *folded;   /* name and purpose, for search */
};

G_DEFINE_FINAL_TYPE (JmTemplate, jm_template, G_TYPE_OBJECT)

/* In the order the gallery shows them: blank first, then from the
 * general to the particular. */
static const struct
{
  const char *id;
  const char *name;
  const char *purpose;
} builtin_templates[] = {
  { "blank", N_("Blank Map"),
    N_("Five stages from awareness to advocacy and the usual lanes, ready to fill.") },
  { "customer-lifecycle", N_("Customer Lifecycle"),
    N_("A member’s whole relationship with a subscription, from awareness to advocacy.") },
  { "awareness-consideration-decision", N_("Awareness, Consideration, Decision"),
    N_("The three stages of a considered purchase: a family buys its first electric car.") },
  { "grocery-first-order", N_("E-Commerce First Order"),
    N_("An online grocery’s first order, from a referral to the reorder that makes it a habit.") },
  { "hotel-guest-stay", N_("Hotel Guest’s Stay"),
    N_("Pre-arrival, arrival, stay, departure and post-stay of a couple’s city break.") },
  { "bank-account-opening", N_("Opening a Bank Account"),
    N_("From choosing a bank to the first salary, with the identity check where applicants give up.") },
  { "saas-onboarding", N_("B2B SaaS Onboarding"),
    N_("Sign-up to renewal of a team tool, for the admin who buys it and the team who uses it.") },
  { "patient-clinic-visit", N_("Patient’s Clinic Visit"),
    N_("Booking, waiting, consultation, tests and follow-up of an outpatient visit.") },
  { "public-service-application", N_("Applying for a Public Service"),
    N_("Parents apply for parental benefit: finding out, preparing, applying, waiting, the decision.") },
};

static void
jm_template_finalize (GObject *object)
{
  JmTemplate *self = JM_TEMPLATE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->purpose);
  g_clear_object (&self->file);
  g_free (self->folded);

  G_OBJECT_CLASS (jm_template_parent_class)->finalize (object);
}

static void
jm_template_class_init (JmTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jm_template_finalize;
}

static void
jm_template_init (JmTemplate *self)
{
}

static JmTemplate *
jm_template_new (const char *id,
                 const char *name,
                 const char *purpose,
                 GFile      *file)
{
  JmTemplate *self = g_object_new (JM_TYPE_TEMPLATE, NULL);
  g_autofree char *both = g_strconcat (name, "\n", purpose, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->purpose = g_strdup (purpose);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->folded = jm_search_fold_text (both);
  return self;
}

/**
 * jm_template_list_builtin:
 *
 * Returns: (transfer full): the templates that come with Journeymap, the
 *   blank map first
 */
GListModel *
jm_template_list_builtin (void)
{
  GListStore *store = g_list_store_new (JM_TYPE_TEMPLATE);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_templates); i++)
    {
      g_autoptr(JmTemplate) template = jm_template_new (builtin_templates[i].id,
                                                        _(builtin_templates[i].name),
                                                        _(builtin_templates[i].purpose), NULL);

      g_list_store_append (store, template);
    }

  return G_LIST_MODEL (store);
}

/**
 * jm_template_get_user_folder:
 *
 * Returns: (transfer full): where the user's own templates are kept
 */
GFile *
jm_template_get_user_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "journeymap", "templates", NULL);

  return g_file_new_for_path (path);
}

/* The first sentence of @description, or the first line, bounded. */
static char *
purpose_from_description (const char *description)
{
  GString *purpose = g_string_new (NULL);
  glong n_chars = 0;

  for (const char *p = description != NULL ? description : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && (p[1] == ' ' || p[1] == '\0')))
        {
          if (c != '\n')
            g_string_append_c (purpose, (char) c);
          break;
        }
      if (n_chars++ == JM_TEMPLATE_MAX_PURPOSE_CHARS)
        {
          g_string_append (purpose, "…");
          break;
        }
      g_string_append_unichar (purpose, c);
    }

  return g_string_free (purpose, FALSE);
}

static gint
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return g_utf8_collate (JM_TEMPLATE ((gpointer) a)->name, JM_TEMPLATE ((gpointer) b)->name);
}

/* A user template, or NULL (with a debug message) for a file that is
 * not one: too large, or not a map. */
static JmTemplate *
read_user_template (GFile     *folder,
                    GFileInfo *info)
{
  const char *basename = g_file_info_get_name (info);
  g_autoptr(GFile) file = g_file_get_child (folder, basename);
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *id = NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || !g_str_has_suffix (basename, ".jmap"))
    return NULL;
  if (g_file_info_get_size (info) > JM_TEMPLATE_MAX_USER_BYTES)
    {
      g_debug ("Template %s skipped: larger than %d bytes", basename, JM_TEMPLATE_MAX_USER_BYTES);
      return NULL;
    }

  document = jm_document_io_load (file, NULL, NULL, &error);
  if (document == NULL)
    {
      g_debug ("Template %s skipped: %s", basename, error->message);
      return NULL;
    }

  purpose = purpose_from_description (jm_document_get_description (document));
  id = g_strconcat ("user:", basename, NULL);
  return jm_template_new (id, jm_document_get_display_title (document), purpose, file);
}

/**
 * jm_template_list_user:
 * @folder: where the user's templates are (jm_template_get_user_folder ())
 *
 * Reads the .jmap files of @folder, at most JM_TEMPLATE_MAX_USER of them;
 * files that are no maps, or too large, are left out. A missing folder
 * has no templates.
 *
 * Returns: (transfer full): the templates, sorted by name
 */
GListModel *
jm_template_list_user (GFile *folder)
{
  GListStore *store = g_list_store_new (JM_TYPE_TEMPLATE);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  guint n_seen = 0;

  g_return_val_if_fail (G_IS_FILE (folder), G_LIST_MODEL (store));

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("No user templates: %s", error->message);
      return G_LIST_MODEL (store);
    }

  /* Bounded by files looked at, not by templates found: a folder of
   * thousands of other files must not make New slow either. */
  while (n_seen < JM_TEMPLATE_MAX_USER * 4 &&
         g_list_model_get_n_items (G_LIST_MODEL (store)) < JM_TEMPLATE_MAX_USER)
    {
      GFileInfo *info = NULL;
      g_autoptr(JmTemplate) template = NULL;

      if (!g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) || info == NULL)
        break;

      n_seen++;
      template = read_user_template (folder, info);
      if (template != NULL)
        g_list_store_append (store, template);
    }

  g_list_store_sort (store, compare_by_name, NULL);
  return G_LIST_MODEL (store);
}

const char *
jm_template_get_id (JmTemplate *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE (self), NULL);

  return self->id;
}

const char *
jm_template_get_name (JmTemplate *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE (self), NULL);

  return self->name;
}

const char *
jm_template_get_purpose (JmTemplate *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE (self), NULL);

  return self->purpose;
}

/**
 * jm_template_get_file:
 * @self: a #JmTemplate
 *
 * Returns: (transfer none) (nullable): the file of a user's template,
 *   %NULL for a built-in one
 */
GFile *
jm_template_get_file (JmTemplate *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE (self), NULL);

  return self->file;
}

gboolean
jm_template_is_user (JmTemplate *self)
{
  g_return_val_if_fail (JM_IS_TEMPLATE (self), FALSE);

  return self->file != NULL;
}

/**
 * jm_template_matches:
 * @self: a #JmTemplate
 * @search: (nullable): what the user typed
 *
 * Returns: whether @search, ignoring case and accents, is in the name or
 *   the purpose; an empty search matches every template
 */
gboolean
jm_template_matches (JmTemplate *self,
                     const char *search)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (JM_IS_TEMPLATE (self), FALSE);

  if (search == NULL || *search == '\0')
    return TRUE;

  folded = jm_search_fold_text (search);
  return strstr (self->folded, folded) != NULL;
}

/**
 * jm_template_read:
 * @self: a #JmTemplate
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new map with the template's content, or
 *   %NULL with @error set
 */
JmDocument *
jm_template_read (JmTemplate  *self,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JM_IS_TEMPLATE (self), NULL);

  if (self->file != NULL)
    return jm_document_io_load (self->file, NULL, NULL, error);

  bytes = jm_template_lookup (self->id, error);
  if (bytes == NULL)
    return NULL;

  return jm_xml_reader_read_bytes (bytes, self->id, error);
}

/**
 * jm_template_draw_thumbnail:
 * @self: a #JmTemplate
 * @width: the thumbnail's width in pixels
 * @height: its height
 * @theme: light or dark
 * @error: return location for a #GError
 *
 * Draws the template's map with the renderer that draws the canvas,
 * scaled to @width; what is below @height is left out.
 *
 * Returns: (transfer full): an image surface, or %NULL with @error set
 */
cairo_surface_t *
jm_template_draw_thumbnail (JmTemplate   *self,
                            int           width,
                            int           height,
                            JmThemeKind   theme,
                            GError      **error)
{
  g_autoptr(JmDocument) document = NULL;
  g_autoptr(JmLayout) layout = NULL;
  JmRenderOptions options = { theme, FALSE, NULL, JM_RENDER_ALL, TRUE };
  cairo_surface_t *surface;
  cairo_t *cr;
  double map_width, map_height, scale;

  g_return_val_if_fail (JM_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  document = jm_template_read (self, error);
  if (document == NULL)
    return NULL;

  layout = jm_layout_new (document, JM_LAYER_MODE_CURRENT);
  jm_layout_get_size (layout, &map_width, &map_height);
  /* As wide as the thumbnail, cut at its bottom: the title, personas and
   * stages are what tells one template from another. */
  scale = width / MAX (map_width, 1.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, map_width, map_height);
  cairo_clip (cr);
  jm_renderer_draw (cr, layout, &options);
  cairo_destroy (cr);

  return surface;
}

/* A file name made of @name's letters and digits, one not taken yet. */
static GFile *
new_template_file (GFile      *folder,
                   const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) stem = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && stem->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "template");

  for (guint n = 1;; n++)
    {
      g_autofree char *basename = n == 1 ? g_strconcat (stem->str, ".jmap", NULL)
                                         : g_strdup_printf ("%s-%u.jmap", stem->str, n);
      g_autoptr(GFile) file = g_file_get_child (folder, basename);

      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&file);
    }
}

/**
 * jm_template_save_user:
 * @document: the map to keep as a template
 * @name: the template's name, which becomes the copy's title
 * @folder: where the user's templates are
 * @error: return location for a #GError
 *
 * Saves a copy of @document, titled @name, in @folder (made when
 * missing), atomically, under a new file name.
 *
 * Returns: (transfer full): the new template, or %NULL with @error set
 */
JmTemplate *
jm_template_save_user (JmDocument  *document,
                       const char  *name,
                       GFile       *folder,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JmDocument) copy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) mkdir_error = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *id = NULL;
  g_autofree char *basename = NULL;
  GValue title = G_VALUE_INIT;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  /* A copy, so that the open map keeps its title and is not changed. */
  bytes = jm_xml_writer_write_bytes (document);
  copy = jm_xml_reader_read_bytes (bytes, name, error);
  if (copy == NULL)
    return NULL;
  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, name);
  _jm_model_set_property (G_OBJECT (copy), "title", &title);
  g_value_unset (&title);

  if (!g_file_make_directory_with_parents (folder, NULL, &mkdir_error) &&
      !g_error_matches (mkdir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&mkdir_error));
      return NULL;
    }

  file = new_template_file (folder, name);
  if (!jm_document_io_save (copy, file, NULL, NULL, NULL, error))
    return NULL;

  basename = g_file_get_basename (file);
  id = g_strconcat ("user:", basename, NULL);
  purpose = purpose_from_description (jm_document_get_description (copy));
  return jm_template_new (id, jm_document_get_display_title (copy), purpose, file);
}

/**
 * jm_template_delete:
 * @self: a user's template
 * @error: return location for a #GError
 *
 * Deletes the template's file; the gallery asks first.
 *
 * Returns: whether it is gone
 */
gboolean
jm_template_delete (JmTemplate  *self,
                    GError     **error)
{
  g_return_val_if_fail (JM_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  return g_file_delete (self->file, NULL, error);
}
