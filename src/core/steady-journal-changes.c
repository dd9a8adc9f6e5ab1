/* steady-journal-changes.c: what each journal write moved in history
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include "steady-journal-private.h"

/* A history model shows years of entries a page at a time, and a list
 * view keeps its scroll position only when told exactly which rows
 * changed. Each journal write records the history keys it touched (the
 * old and new (at, id) of an entry); a model reads the records pushed
 * since it last looked and reports one items-changed over the span they
 * cover, instead of "everything changed".
 *
 * A record is pushed inside the write's transaction, so any commit a
 * reader can see already has its record; it is marked done when the
 * write returns. The records live on the store, shared by every model. */

#define MAX_RECORDS 256

typedef struct
{
  guint64          seq;
  gboolean         done;
  guint            n_keys;
  SteadyJournalKey keys[2];
} Record;

typedef struct
{
  GMutex  mutex;
  guint64 last_seq;
  GArray *records;   /* Record, oldest first */
} Changes;

static GMutex create_lock;

static void
changes_free (gpointer data)
{
  Changes *changes = data;

  g_mutex_clear (&changes->mutex);
  g_array_unref (changes->records);
  g_free (changes);
}

static Changes *
get_changes (SteadyStore *store)
{
  static GQuark quark;
  Changes *changes;

  g_mutex_lock (&create_lock);

  if (quark == 0)
    quark = g_quark_from_static_string ("steady-journal-changes");

  changes = g_object_get_qdata (G_OBJECT (store), quark);
  if (changes == NULL)
    {
      changes = g_new0 (Changes, 1);
      g_mutex_init (&changes->mutex);
      changes->records = g_array_new (FALSE, FALSE, sizeof (Record));
      g_object_set_qdata_full (G_OBJECT (store), quark, changes, changes_free);
    }

  g_mutex_unlock (&create_lock);

  return changes;
}

/* Lowest seq not done, minus one; the last seq when all are done. */
static guint64
done_locked (Changes *changes)
{
  for (guint i = 0; i < changes->records->len; i++)
    {
      const Record *record = &g_array_index (changes->records, Record, i);

      if (!record->done)
        return record->seq - 1;
    }

  return changes->last_seq;
}

guint64
steady_journal_changes_push (SteadyStore            *store,
                             const SteadyJournalKey *before,
                             const SteadyJournalKey *after)
{
  Changes *changes = get_changes (store);
  Record record = { 0, };

  if (before != NULL)
    record.keys[record.n_keys++] = *before;
  if (after != NULL)
    record.keys[record.n_keys++] = *after;

  g_mutex_lock (&changes->mutex);

  record.seq = ++changes->last_seq;
  g_array_append_val (changes->records, record);

  /* Only finished records go; a model that still needed one notices the
   * gap and reloads everything. */
  while (changes->records->len > MAX_RECORDS &&
         g_array_index (changes->records, Record, 0).done)
    g_array_remove_index (changes->records, 0);

  g_mutex_unlock (&changes->mutex);

  return record.seq;
}

void
steady_journal_changes_done (SteadyStore *store,
                             guint64      seq)
{
  Changes *changes = get_changes (store);

  g_mutex_lock (&changes->mutex);

  for (guint i = 0; i < changes->records->len; i++)
    {
      Record *record = &g_array_index (changes->records, Record, i);

      if (record->seq == seq)
        {
          record->done = TRUE;
          break;
        }
    }

  g_mutex_unlock (&changes->mutex);
}

/* Every change up to the returned seq has finished, so a snapshot taken
 * after this call sees all of them that committed. */
guint64
steady_journal_changes_get_done (SteadyStore *store)
{
  Changes *changes = get_changes (store);
  guint64 done;

  g_mutex_lock (&changes->mutex);
  done = done_locked (changes);
  g_mutex_unlock (&changes->mutex);

  return done;
}

/* Appends to @keys the keys of every record after @after_seq, finished
 * or not (a superset is harmless). Returns FALSE when some of those
 * records were already dropped. */
gboolean
steady_journal_changes_collect (SteadyStore *store,
                                guint64      after_seq,
                                GArray      *keys)
{
  Changes *changes = get_changes (store);
  gboolean complete;

  g_mutex_lock (&changes->mutex);

  complete = after_seq >= changes->last_seq ||
             (changes->records->len > 0 &&
              g_array_index (changes->records, Record, 0).seq <= after_seq + 1);

  for (guint i = 0; complete && i < changes->records->len; i++)
    {
      const Record *record = &g_array_index (changes->records, Record, i);

      if (record->seq > after_seq)
        g_array_append_vals (keys, record->keys, record->n_keys);
    }

  g_mutex_unlock (&changes->mutex);

  return complete;
}
