/* test-model.c: the model's own contracts
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/jm-item.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/store/append-take", test_store_append_take);

  return g_test_run ();
}
