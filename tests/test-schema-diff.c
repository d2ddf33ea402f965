/* test-schema-diff.c: `journeymap check` and the schema agree
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * check no longer runs the RELAX NG schema: the reader checks every rule
 * it states. This differential test holds the reader's verdict against the
 * schema's (with the documented rules beyond it, jm-schema-oracle.c) on
 * the example maps, the test maps (valid, invalid, forgiven) and variants
 * of the valid ones made by a deterministic mutator: random ones, and each
 * known value in each attribute and text of the small ones.
 */

#define G_LOG_DOMAIN "jm-test"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "jm-schema-oracle.h"

/* Variants of each valid map: a few seconds in all, minutes under
 * valgrind. JM_SCHEMA_DIFF_VARIANTS looks further (90,000 variants, 15,000
 * of each map, found no disagreement when this was written). */
#define N_VARIANTS 300

static GPtrArray *
corpus_files (const char *const *folders)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *folder = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_str_has_suffix (name, ".jmap"))
            g_ptr_array_add (names, g_build_filename (folder, name, NULL));
        }
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, j)));
    }

  return files;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Whether the two agree on @bytes; says how they differ when not. */
static gboolean
agree (GBytes     *bytes,
       const char *what)
{
  g_autofree char *oracle_reason = NULL;
  g_autofree char *check_reason = NULL;
  JmOracleVerdict oracle;
  gboolean check;

  oracle = jm_oracle_judge (bytes, &oracle_reason);
  check = jm_oracle_check_verdict (bytes, &check_reason);
  if (oracle == JM_ORACLE_NO_VERDICT || (oracle == JM_ORACLE_VALID) == check)
    return TRUE;

  g_test_message ("%s: the schema and the documented rules say %s (%s), check says %s (%s)\n%.*s",
                  what, oracle == JM_ORACLE_VALID ? "valid" : "invalid",
                  oracle_reason != NULL ? oracle_reason : "",
                  check ? "valid" : "invalid", check_reason != NULL ? check_reason : "",
                  (int) MIN (g_bytes_get_size (bytes), 6000),
                  (const char *) g_bytes_get_data (bytes, NULL));
  return FALSE;
}

static void
test_corpus (void)
{
  static const char *const folders[] = {
    "data/examples", "data/templates", "tests/data/valid", "tests/data/schema-diff",
    "tests/data/invalid", "tests/data/forgiven", NULL
  };
  g_autoptr(GPtrArray) files = corpus_files (folders);
  guint n_disagree = 0, n_valid = 0;

  g_assert_cmpuint (files->len, >, 40);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);

      if (!agree (bytes, path))
        n_disagree++;
      if (jm_oracle_check_verdict (bytes, NULL))
        n_valid++;
    }

  g_assert_cmpuint (n_disagree, ==, 0);
  /* The examples, the template and the valid test maps. */
  g_assert_cmpuint (n_valid, >=, 8);
}

/* The binaries themselves, as a user runs them: `journeymap check` fails
 * on every file `xmllint --relaxng data/jmap.rng` refuses, and passes the
 * examples that it accepts. */
static void
test_binaries (void)
{
  static const char *const folders[] = {
    "data/examples", "tests/data/valid", "tests/data/invalid", "tests/data/forgiven", NULL
  };
  g_autoptr(GPtrArray) files = corpus_files (folders);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "jmap.rng", NULL);
  guint n_compared = 0;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      const char *check_argv[] = { g_getenv ("JM_BINARY"), "check", path, NULL };
      const char *xmllint_argv[] = { xmllint, "--noout", "--nonet", "--relaxng", schema, path, NULL };
      g_autoptr(GBytes) bytes = read_file (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *oracle_reason = NULL;
      int check_status, xmllint_status;
      JmOracleVerdict oracle;

      oracle = jm_oracle_judge (bytes, &oracle_reason);
      if (oracle == JM_ORACLE_NO_VERDICT)
        continue;

      g_spawn_sync (NULL, (char **) check_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &check_status, &error);
      g_assert_no_error (error);
      g_spawn_sync (NULL, (char **) xmllint_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &xmllint_status, &error);
      g_assert_no_error (error);

      g_test_message ("%s: check %d, xmllint --relaxng %d, oracle %s", path, check_status,
                      xmllint_status, oracle_reason != NULL ? oracle_reason : "valid");
      /* xmllint's refusal is the schema's: check refuses too. */
      if (!g_spawn_check_wait_status (xmllint_status, NULL))
        g_assert_false (g_spawn_check_wait_status (check_status, NULL));
      /* The oracle is xmllint's verdict and the documented rules. */
      g_assert_cmpint (g_spawn_check_wait_status (check_status, NULL), ==, oracle == JM_ORACLE_VALID);
      n_compared++;
    }

  g_assert_cmpuint (n_compared, >, 40);
}

static void
test_variants (void)
{
  static const char *const folders[] = {
    "data/examples", "tests/data/valid", "tests/data/schema-diff", NULL
  };
  g_autoptr(GPtrArray) files = corpus_files (folders);
  guint n_disagree = 0, n_valid = 0, n_invalid = 0;
  /* JM_SCHEMA_DIFF_VARIANTS=N and _SEED=S look further, by hand. */
  guint n_variants = g_getenv ("JM_SCHEMA_DIFF_VARIANTS") != NULL ?
                     (guint) atoi (g_getenv ("JM_SCHEMA_DIFF_VARIANTS")) :
                     g_getenv ("JM_TEST_SAMPLE") != NULL ? N_VARIANTS / 10 : N_VARIANTS;
  guint seed = g_getenv ("JM_SCHEMA_DIFF_SEED") != NULL ?
               (guint) atoi (g_getenv ("JM_SCHEMA_DIFF_SEED")) : 21;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);
      g_autoptr(GPtrArray) variants = jm_oracle_mutate (bytes, seed + i, n_variants);

      for (guint j = 0; j < variants->len; j++)
        {
          GBytes *variant = g_ptr_array_index (variants, j);
          g_autofree char *what = g_strdup_printf ("%s, variant %u", path, j);
          JmOracleVerdict oracle = jm_oracle_judge (variant, NULL);

          if (!agree (variant, what) && ++n_disagree >= 12)
            break;
          n_valid += oracle == JM_ORACLE_VALID;
          n_invalid += oracle == JM_ORACLE_INVALID;
        }
    }

  g_test_message ("variants: %u valid, %u invalid", n_valid, n_invalid);
  g_assert_cmpuint (n_disagree, ==, 0);
  /* The mutator makes both kinds, or it tests nothing. */
  g_assert_cmpuint (n_valid, >, n_variants / 3);
  g_assert_cmpuint (n_invalid, >, n_variants * 5 / 3);
}

/* Each value the mutator knows, in each attribute and text of the maps:
 * the numbers, dates, booleans, lists, ids and colours at and beyond
 * their edges, where a random variant would seldom put them. */
static void
test_values (void)
{
  /* A small map, for speed, with each of the format's elements and
   * attributes. */
  static const char *const folders[] = { "tests/data/schema-diff", NULL };
  g_autoptr(GPtrArray) files = corpus_files (folders);
  guint n_disagree = 0, n_valid = 0, n_variants = 0;

  for (guint i = 0; i < files->len && n_disagree < 12; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);
      g_autoptr(GPtrArray) variants = jm_oracle_value_variants (bytes);
      /* Under valgrind (JM_TEST_SAMPLE), one variant in fifteen. */
      guint step = g_getenv ("JM_TEST_SAMPLE") != NULL ? 15 : 1;

      for (guint j = 0; j < variants->len; j += step)
        {
          GBytes *variant = g_ptr_array_index (variants, j);
          g_autofree char *what = g_strdup_printf ("%s, value variant %u", path, j);

          if (!agree (variant, what) && ++n_disagree >= 12)
            break;
          n_valid += jm_oracle_judge (variant, NULL) == JM_ORACLE_VALID;
          n_variants++;
        }
    }

  g_test_message ("value variants: %u, %u of them valid", n_variants, n_valid);
  g_assert_cmpuint (n_disagree, ==, 0);
  g_assert_cmpuint (n_variants, >, g_getenv ("JM_TEST_SAMPLE") != NULL ? 300 : 5000);
  g_assert_cmpuint (n_valid, >, n_variants / 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema-diff/corpus", test_corpus);
  g_test_add_func ("/schema-diff/binaries", test_binaries);
  g_test_add_func ("/schema-diff/variants", test_variants);
  g_test_add_func ("/schema-diff/values", test_values);

  return g_test_run ();
}
