/* jm-cli.c: the headless sub-commands of the journeymap binary
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-cli"

#include "config.h"

#include "jm-cli.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} JmCliCommand;

static const JmCliCommand commands[] = {
  { NULL, NULL },
};

static const JmCliCommand *
jm_cli_find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

gboolean
jm_cli_is_command (const char *name)
{
  return jm_cli_find_command (name) != NULL;
}

int
jm_cli_run (int    argc,
            char **argv)
{
  const JmCliCommand *command;

  g_return_val_if_fail (argc > 1, 2);

  command = jm_cli_find_command (argv[1]);
  g_return_val_if_fail (command != NULL, 2);

  return command->run (argc - 1, argv + 1);
}
