/* test-model.c: the model's own contracts
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jm-enum-types.h"
#include "model/jm-item.h"
#include "model/jm-kinds.h"
#include "model/jm-object-store-private.h"

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

/* Appending many objects at once takes the reference each holds, keeps
 * them in order behind what was there, and says so with one
 * items-changed. */
static void
test_store_append_take (void)
{
  g_autoptr(JmObjectStore) store = _jm_object_store_new (JM_TYPE_ITEM);
  g_autoptr(JmItem) first = jm_item_new ("first");
  JmObject *taken[] = {
    JM_OBJECT (jm_item_new ("a")), JM_OBJECT (jm_item_new ("b")), JM_OBJECT (jm_item_new ("c"))
  };
  JmObject *watched = taken[2];
  ItemsChanged changed = { 0 };

  _jm_object_store_append (store, JM_OBJECT (first));
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);

  _jm_object_store_append_take (store, taken, G_N_ELEMENTS (taken));

  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 3);
  g_assert_cmpuint (jm_object_store_get_n_objects (store), ==, 4);
  g_assert_true (jm_object_store_get_object (store, 3) == taken[2]);
  g_assert_true (jm_object_store_lookup (store, "b") == taken[1]);

  /* The store held the only reference. */
  g_clear_object (&store);
  g_assert_null (watched);
}

/* Every value of the four kind enumerations has exactly one row, and the
 * row's nick is the one the file format writes. */
static void
test_kinds_cover_enums (void)
{
  GType types[] = { JM_TYPE_ITEM_KIND, JM_TYPE_CHANNEL, JM_TYPE_LANE_KIND, JM_TYPE_MOMENT_KIND };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (types[t]);
      guint n_kinds;
      const JmKind *kinds = jm_kinds_get (types[t], &n_kinds);

      g_assert_nonnull (kinds);
      g_assert_cmpuint (n_kinds, ==, enum_class->n_values);
      for (guint i = 0; i < enum_class->n_values; i++)
        {
          const GEnumValue *value = &enum_class->values[i];
          const JmKind *kind = jm_kinds_lookup (types[t], value->value);

          g_assert_nonnull (kind);
          g_assert_cmpstr (kind->nick, ==, value->value_nick);
          g_assert_true (jm_kinds_lookup_nick (types[t], value->value_nick) == kind);
          g_assert_cmpstr (jm_kind_get_label (kind), !=, "");
        }
    }

  g_assert_null (jm_kinds_lookup (JM_TYPE_CHANNEL, 99));
  g_assert_null (jm_kinds_lookup_nick (JM_TYPE_LANE_KIND, "card"));
}

static void
test_kinds_captions_and_icons (void)
{
  g_autofree char *icon = NULL;
  const JmKind *web = jm_kinds_lookup (JM_TYPE_CHANNEL, JM_CHANNEL_WEB);

  g_assert_cmpstr (jm_kind_get_caption (web), ==, "WEB");
  g_assert_null (jm_kind_get_caption (jm_kinds_lookup (JM_TYPE_ITEM_KIND, JM_ITEM_KIND_NOTE)));
  g_assert_cmpstr (jm_kind_get_caption (jm_kinds_lookup (JM_TYPE_ITEM_KIND, JM_ITEM_KIND_PAIN_POINT)), ==,
                   "PAIN POINT");
  icon = jm_kind_dup_icon_name (web);
  g_assert_cmpstr (icon, ==, "jm-channel-web-symbolic");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/store/append-take", test_store_append_take);
  g_test_add_func ("/model/kinds/cover-enums", test_kinds_cover_enums);
  g_test_add_func ("/model/kinds/captions-and-icons", test_kinds_captions_and_icons);

  return g_test_run ();
}
