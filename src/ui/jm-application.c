/* jm-application.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-ui"

#include "config.h"

#include "jm-application.h"

#include <glib/gi18n-lib.h>

#include "session/jm-map-loader.h"

#include "jm-settings.h"


struct _JmApplication
{
  AdwApplication  parent_instance;

  JmDraftStore   *drafts;
  GSettings      *settings;     /* nullable: a build run without its schema */
  JmRecentMaps   *recent_maps;
};

G_DEFINE_FINAL_TYPE (JmApplication, jm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry jm_application_options[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static JmWindow *
jm_application_get_active_jm_window (JmApplication *self)
{
  GtkWindow *window;

  g_assert (JM_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (JM_IS_WINDOW (window))
    return JM_WINDOW (window);

  return NULL;
}

static void
jm_application_new_window_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  JmApplication *self = user_data;

  g_assert (JM_IS_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (jm_application_create_window (self)));
}

static void
jm_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  JmApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  g_assert (JM_IS_APPLICATION (self));

  /* Closing each window lets it ask about unsaved changes first. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (GTK_WINDOW (iter->data));
}

static void
jm_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  JmApplication *self = user_data;
  static const char *developers[] = { "The Journeymap authors", NULL };
  GtkWidget *about;

  g_assert (JM_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", jm_application_get_active_jm_window (self),
                        "application-name", _("Journeymap"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Journeymap authors"),
                        "developers", developers,
                        "comments", _("Map the journeys of your customers"),
                        "website", "https://github.com/journeymap/journeymap",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry jm_application_actions[] = {
  { "new-window", jm_application_new_window_action },
  { "quit", jm_application_quit_action },
  { "about", jm_application_about_action },
};

static int
jm_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("journeymap %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}

/* The layer a new window shows, as it restores it from the settings. */
static JmLayerMode
jm_application_get_layer_mode (JmApplication *self)
{
  g_autofree char *layer = NULL;

  if (self->settings == NULL)
    return JM_LAYER_MODE_CURRENT;

  layer = g_settings_get_string (self->settings, "layer");
  if (g_strcmp0 (layer, "future") == 0)
    return JM_LAYER_MODE_FUTURE;
  if (g_strcmp0 (layer, "both") == 0)
    return JM_LAYER_MODE_BOTH;
  return JM_LAYER_MODE_CURRENT;
}

/* GApplication parses the command line, then initialises GTK and
 * libadwaita (their start costs a tenth of a second and more) before it
 * opens the files named: those are read and laid out meanwhile. The
 * window's load of each takes what its prefetch made. */
static gboolean
jm_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  JmApplication *self = JM_APPLICATION (application);
  gboolean options_done = FALSE;

  for (guint i = 1; (*arguments)[i] != NULL; i++)
    {
      const char *argument = (*arguments)[i];
      g_autoptr(GFile) file = NULL;

      if (!options_done && g_str_equal (argument, "--"))
        {
          options_done = TRUE;
          continue;
        }
      /* The app's options take no values: anything else names a file. */
      if (!options_done && argument[0] == '-')
        continue;

      file = g_file_new_for_commandline_arg (argument);
      jm_map_loader_prefetch (file, jm_application_get_layer_mode (self));
    }

  return G_APPLICATION_CLASS (jm_application_parent_class)->local_command_line (application, arguments,
                                                                               exit_status);
}

static void
jm_application_startup (GApplication *application)
{
  JmApplication *self = JM_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };

  G_APPLICATION_CLASS (jm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   jm_application_actions,
                                   G_N_ELEMENTS (jm_application_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
}

static void
jm_application_activate (GApplication *application)
{
  JmApplication *self = JM_APPLICATION (application);
  JmWindow *window;

  window = jm_application_get_active_jm_window (self);
  if (window == NULL && jm_application_restore_drafts (self) > 0)
    return;

  if (window == NULL)
    window = jm_application_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  jm_map_loader_drop_prefetches ();
}

/* Recovery copies still being written are finished before the app
 * ends: the last changes made must survive it. */
static void
jm_application_shutdown (GApplication *application)
{
  JmApplication *self = JM_APPLICATION (application);

  jm_draft_store_flush (self->drafts);

  G_APPLICATION_CLASS (jm_application_parent_class)->shutdown (application);
}

static void
jm_application_dispose (GObject *object)
{
  JmApplication *self = JM_APPLICATION (object);

  g_clear_object (&self->drafts);
  g_clear_object (&self->recent_maps);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jm_application_parent_class)->dispose (object);
}

static void
jm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  JmApplication *self = JM_APPLICATION (application);

  /* One window per map, as a designer compares maps side by side. */
  for (int i = 0; i < n_files; i++)
    {
      JmWindow *window = jm_application_create_window (self);

      jm_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
  /* Each window claimed its file's prefetch; the rest were for another
   * instance, which opens them itself. */
  jm_map_loader_drop_prefetches ();
}

static void
jm_application_class_init (JmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jm_application_dispose;

  app_class->local_command_line = jm_application_local_command_line;
  app_class->handle_local_options = jm_application_handle_local_options;
  app_class->startup = jm_application_startup;
  app_class->activate = jm_application_activate;
  app_class->shutdown = jm_application_shutdown;
  app_class->open = jm_application_open;
}

static void
jm_application_init (JmApplication *self)
{
  self->drafts = jm_draft_store_new (NULL);
  self->settings = jm_settings_new ();
  self->recent_maps = jm_recent_maps_new (self->settings);

  g_application_add_main_option_entries (G_APPLICATION (self), jm_application_options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Build customer journey maps.\n\n"
                                              "Commands that need no display:\n"
                                              "  journeymap check FILE…\n"
                                              "  journeymap export MAP.jmap -o OUTPUT"));
}

JmApplication *
jm_application_new (void)
{
  return g_object_new (JM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/journeymap/Journeymap",
                       NULL);
}

/**
 * jm_application_get_draft_store:
 *
 * Returns: (transfer none): where the recovery copies of unsaved maps go
 */
JmDraftStore *
jm_application_get_draft_store (JmApplication *self)
{
  g_return_val_if_fail (JM_IS_APPLICATION (self), NULL);

  return self->drafts;
}

static gboolean
jm_application_restores_drafts (JmApplication *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "restore-drafts");
}

/**
 * jm_application_restore_drafts:
 *
 * Opens a window for every map whose changes were not saved when the app
 * last stopped (a crash, a power cut), as an unsaved map, and offers to
 * discard it.
 *
 * Returns: the number of maps restored
 */
guint
jm_application_restore_drafts (JmApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  guint restored = 0;

  g_return_val_if_fail (JM_IS_APPLICATION (self), 0);

  if (!jm_application_restores_drafts (self))
    return 0;

  drafts = jm_draft_store_load_restorable (self->drafts);
  for (guint i = 0; i < drafts->len; i++)
    {
      JmDraft *draft = drafts->pdata[i];
      g_autoptr(GFile) file = NULL;
      JmWindow *window;

      if (draft->uri != NULL)
        file = g_file_new_for_uri (draft->uri);
      window = jm_application_create_window (self);
      jm_window_restore_draft (window, draft->document, file, draft->id);
      gtk_window_present (GTK_WINDOW (window));
      restored++;
    }

  return restored;
}

/**
 * jm_application_get_recent_maps:
 *
 * Returns: (transfer none): the maps opened and saved lately, one list
 *   for every window
 */
JmRecentMaps *
jm_application_get_recent_maps (JmApplication *self)
{
  g_return_val_if_fail (JM_IS_APPLICATION (self), NULL);

  return self->recent_maps;
}

/**
 * jm_application_create_window:
 *
 * Returns: (transfer none): a new window, with no map yet, which shares
 *   the app's recovery copies and recent maps
 */
JmWindow *
jm_application_create_window (JmApplication *self)
{
  g_return_val_if_fail (JM_IS_APPLICATION (self), NULL);

  return jm_window_new (GTK_APPLICATION (self), self->drafts, self->recent_maps);
}
