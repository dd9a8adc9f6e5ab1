/* steady-journal-history.c: every check-in, newest first, loaded lazily
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include "steady-journal-history.h"
#include "steady-journal-private.h"

/**
 * SteadyJournalHistory:
 *
 * A #GListModel of #SteadyJournalEntry, newest first (by time, then id),
 * for years of check-ins. Only the count is read up front; entries are
 * read a page at a time when asked for, by keyset from a neighbouring
 * page (or from a key found by an index-only seek when jumping), and a
 * few recently used pages are kept.
 *
 * On #SteadyStore::changed "journal" it emits one items-changed over
 * exactly the rows that moved (see steady-journal-changes.c), so a list
 * view keeps its place; on "all" (a restored backup), over everything.
 *
 * Rows of one local day are adjacent; steady_journal_history_starts_day()
 * says where a day header goes.
 */
struct _SteadyJournalHistory
{
  GObject      parent_instance;

  /* Owned */
  SteadyStore *store;
  GHashTable  *pages;       /* page number → Page */

  guint        page_size;
  guint        n_items;
  guint64      seen_seq;
  guint64      clock;
};

typedef struct
{
  GPtrArray        *items;    /* SteadyJournalEntry */
  guint             n_real;   /* the rest are placeholders */
  SteadyJournalKey  first;
  SteadyJournalKey  last;
  guint64           used;
} Page;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SteadyJournalHistory, steady_journal_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAGE_SIZE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enough for a tall window and some scrolling back and forth. */
#define MAX_PAGES 16

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static gboolean
count_rows (SteadyJournalHistory    *self,
            const char              *sql,
            const SteadyJournalKey  *key,
            guint                   *out,
            GError                 **error)
{
  sqlite3 *db = steady_store_get_reader (self->store);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (self->store, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (key != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, key->at);
      sqlite3_bind_int64 (stmt, 2, key->id);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    return steady_store_set_error (db, rc, "count history", error);

  return TRUE;
}

static gboolean
count_all (SteadyJournalHistory  *self,
           guint                 *out,
           GError               **error)
{
  return count_rows (self, "SELECT count(*) FROM journal_entries", NULL, out, error);
}

static int
compare_keys (const SteadyJournalKey *a,
              const SteadyJournalKey *b)
{
  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;

  return 0;
}

/* Reads up to @limit rows from @stmt, already bound but for the limit in
 * @limit_column. */
static gboolean
read_rows (SteadyJournalHistory  *self,
           sqlite3_stmt          *stmt,
           int                    limit_column,
           guint                  limit,
           GPtrArray             *items,
           GError               **error)
{
  sqlite3 *db = steady_store_get_reader (self->store);
  int rc;

  sqlite3_bind_int64 (stmt, limit_column, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyJournalEntry *entry = steady_journal_entry_from_row (self->store, db, stmt, error);

      if (entry == NULL)
        {
          rc = SQLITE_ERROR;
          break;
        }
      g_ptr_array_add (items, entry);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc == SQLITE_ERROR && error != NULL && *error != NULL)
    return FALSE;
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "read history", error);

  return TRUE;
}

static gboolean
seek_key (SteadyJournalHistory  *self,
          guint                  position,
          SteadyJournalKey      *key,
          gboolean              *found,
          GError               **error)
{
  sqlite3 *db = steady_store_get_reader (self->store);
  sqlite3_stmt *stmt;
  int rc;

  /* Walks only the index on (at, id), never the rows. */
  stmt = steady_store_prepare (self->store, db,
                               "SELECT at, id FROM journal_entries "
                               "ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, position);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      key->at = sqlite3_column_int64 (stmt, 0);
      key->id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "seek history", error);

  return TRUE;
}

static gboolean
load_rows (SteadyJournalHistory  *self,
           guint                  number,
           guint                  want,
           GPtrArray             *items,
           GError               **error)
{
  sqlite3 *db = steady_store_get_reader (self->store);
  Page *previous = number > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number - 1)) : NULL;
  Page *next = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number + 1));
  sqlite3_stmt *stmt;
  SteadyJournalKey key;
  gboolean found;

  if (number == 0)
    {
      stmt = steady_store_prepare (self->store, db,
                                   "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries "
                                   "ORDER BY at DESC, id DESC LIMIT ?1",
                                   error);
      return stmt != NULL && read_rows (self, stmt, 1, want, items, error);
    }

  if (previous != NULL && previous->n_real == self->page_size)
    {
      /* Scrolling down: the rows after the previous page's last. */
      stmt = steady_store_prepare (self->store, db,
                                   "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries "
                                   "WHERE (at, id) < (?1, ?2) "
                                   "ORDER BY at DESC, id DESC LIMIT ?3",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, previous->last.at);
      sqlite3_bind_int64 (stmt, 2, previous->last.id);
      return read_rows (self, stmt, 3, want, items, error);
    }

  if (next != NULL && next->n_real > 0 && want == self->page_size)
    {
      /* Scrolling up: the rows before the next page's first, read
       * backwards and turned round. */
      stmt = steady_store_prepare (self->store, db,
                                   "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries "
                                   "WHERE (at, id) > (?1, ?2) "
                                   "ORDER BY at ASC, id ASC LIMIT ?3",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, next->first.at);
      sqlite3_bind_int64 (stmt, 2, next->first.id);
      if (!read_rows (self, stmt, 3, want, items, error))
        return FALSE;

      for (guint i = 0, j = items->len; i + 1 < j; i++, j--)
        {
          gpointer tmp = items->pdata[i];

          items->pdata[i] = items->pdata[j - 1];
          items->pdata[j - 1] = tmp;
        }

      return TRUE;
    }

  /* Jumping: find the page's first key, then read from it. */
  if (!seek_key (self, number * self->page_size, &key, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  stmt = steady_store_prepare (self->store, db,
                               "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries "
                               "WHERE (at, id) <= (?1, ?2) "
                               "ORDER BY at DESC, id DESC LIMIT ?3",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, key.at);
  sqlite3_bind_int64 (stmt, 2, key.id);

  return read_rows (self, stmt, 3, want, items, error);
}

static void
key_of (SteadyJournalEntry *entry,
        SteadyJournalKey   *key)
{
  key->at = g_date_time_to_unix (steady_journal_entry_get_at (entry));
  key->id = steady_journal_entry_get_id (entry);
}

static void
evict_pages (SteadyJournalHistory *self,
             guint                 keep)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer number, value;
      gpointer oldest = NULL;
      guint64 oldest_used = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &number, &value))
        {
          Page *page = value;

          if (GPOINTER_TO_UINT (number) != keep && page->used < oldest_used)
            {
              oldest = number;
              oldest_used = page->used;
            }
        }

      g_hash_table_remove (self->pages, oldest);
    }
}

static Page *
ensure_page (SteadyJournalHistory *self,
             guint                 number)
{
  g_autoptr(GError) error = NULL;
  Page *page;
  guint start = number * self->page_size;
  guint want;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page != NULL)
    {
      page->used = ++self->clock;
      return page;
    }

  g_assert (start < self->n_items);
  want = MIN (self->page_size, self->n_items - start);

  page = g_new0 (Page, 1);
  page->items = g_ptr_array_new_full (want, g_object_unref);
  page->used = ++self->clock;

  if (!load_rows (self, number, want, page->items, &error))
    {
      g_warning ("Could not read check-ins %u to %u: %s", start, start + want, error->message);
      g_ptr_array_set_size (page->items, 0);
    }

  page->n_real = page->items->len;
  if (page->n_real > 0)
    {
      key_of (g_ptr_array_index (page->items, 0), &page->first);
      key_of (g_ptr_array_index (page->items, page->n_real - 1), &page->last);
    }

  /* Rows can go between a commit and the "changed" signal that tells
   * us: stand-ins keep every position valid until then. */
  while (page->items->len < want)
    g_ptr_array_add (page->items, steady_journal_entry_new ());

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
  evict_pages (self, number);

  return page;
}

static void
reload (SteadyJournalHistory *self,
        gboolean              everything)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (SteadyJournalKey));
  g_autoptr(GError) error = NULL;
  sqlite3 *db = steady_store_get_reader (self->store);
  guint64 done = steady_journal_changes_get_done (self->store);
  guint old_n = self->n_items;
  guint new_n = old_n;
  guint above = 0;
  guint below = 0;
  gboolean began;

  /* One snapshot for all counts. */
  began = steady_store_exec (db, "BEGIN", &error);
  if (!began || !count_all (self, &new_n, &error))
    goto out;

  if (!everything)
    {
      SteadyJournalKey newest, oldest;

      /* After the snapshot: every commit it sees has its record. */
      if (!steady_journal_changes_collect (self->store, self->seen_seq, keys))
        everything = TRUE;
      else if (keys->len == 0)
        everything = new_n != old_n;

      if (everything || keys->len == 0)
        goto out;

      newest = oldest = g_array_index (keys, SteadyJournalKey, 0);
      for (guint i = 1; i < keys->len; i++)
        {
          const SteadyJournalKey *key = &g_array_index (keys, SteadyJournalKey, i);

          if (compare_keys (key, &newest) > 0)
            newest = *key;
          if (compare_keys (key, &oldest) < 0)
            oldest = *key;
        }

      /* Rows newer than every change, and rows older than every change,
       * are the same rows in the same places before and after. */
      if (!count_rows (self,
                       "SELECT count(*) FROM journal_entries WHERE (at, id) > (?1, ?2)",
                       &newest, &above, &error) ||
          !count_rows (self,
                       "SELECT count(*) FROM journal_entries WHERE (at, id) < (?1, ?2)",
                       &oldest, &below, &error))
        goto out;

      /* Only if some change had no record: start over. */
      if (above + below > MIN (old_n, new_n))
        everything = TRUE;
    }

out:
  if (began)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (error != NULL)
    {
      g_warning ("Could not reload the journal history: %s", error->message);
      everything = TRUE;
    }

  self->seen_seq = done;

  if (!everything && keys->len == 0)
    return;

  g_hash_table_remove_all (self->pages);
  self->n_items = new_n;

  if (everything && (old_n > 0 || new_n > 0))
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  else if (!everything && (old_n - above - below > 0 || new_n - above - below > 0))
    g_list_model_items_changed (G_LIST_MODEL (self), above,
                                old_n - above - below,
                                new_n - above - below);

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
store_changed_cb (SteadyJournalHistory *self,
                  const char           *what,
                  SteadyStore          *store)
{
  reload (self, g_strcmp0 (what, "journal") != 0);
}

static GType
steady_journal_history_get_item_type (GListModel *model)
{
  return STEADY_TYPE_JOURNAL_ENTRY;
}

static guint
steady_journal_history_get_n_items (GListModel *model)
{
  return STEADY_JOURNAL_HISTORY (model)->n_items;
}

static gpointer
steady_journal_history_get_item (GListModel *model,
                                 guint       position)
{
  SteadyJournalHistory *self = STEADY_JOURNAL_HISTORY (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = ensure_page (self, position / self->page_size);

  return g_object_ref (g_ptr_array_index (page->items, position % self->page_size));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = steady_journal_history_get_item_type;
  iface->get_n_items = steady_journal_history_get_n_items;
  iface->get_item = steady_journal_history_get_item;
}

static void
steady_journal_history_constructed (GObject *object)
{
  SteadyJournalHistory *self = (SteadyJournalHistory *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (steady_journal_history_parent_class)->constructed (object);

  g_assert (STEADY_IS_STORE (self->store));

  self->seen_seq = steady_journal_changes_get_done (self->store);
  if (!count_all (self, &self->n_items, &error))
    g_warning ("Could not count check-ins: %s", error->message);

  g_signal_connect_object (self->store, "changed::journal",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::all",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
steady_journal_history_dispose (GObject *object)
{
  SteadyJournalHistory *self = (SteadyJournalHistory *)object;

  if (self->pages != NULL)
    g_hash_table_remove_all (self->pages);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_journal_history_parent_class)->dispose (object);
}

static void
steady_journal_history_finalize (GObject *object)
{
  SteadyJournalHistory *self = (SteadyJournalHistory *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (steady_journal_history_parent_class)->finalize (object);
}

static void
steady_journal_history_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SteadyJournalHistory *self = STEADY_JOURNAL_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, STEADY_TYPE_JOURNAL_ENTRY);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_history_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SteadyJournalHistory *self = STEADY_JOURNAL_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_history_class_init (SteadyJournalHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = steady_journal_history_constructed;
  object_class->dispose = steady_journal_history_dispose;
  object_class->finalize = steady_journal_history_finalize;
  object_class->get_property = steady_journal_history_get_property;
  object_class->set_property = steady_journal_history_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEADY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalHistory:page-size:
   *
   * How many entries are read at a time.
   */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, 10000, STEADY_JOURNAL_HISTORY_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_journal_history_init (SteadyJournalHistory *self)
{
  self->page_size = STEADY_JOURNAL_HISTORY_PAGE_SIZE;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)page_free);
}

/**
 * steady_journal_history_new:
 * @store: a #SteadyStore
 *
 * Returns: (transfer full): the history of @store's check-ins
 */
SteadyJournalHistory *
steady_journal_history_new (SteadyStore *store)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return g_object_new (STEADY_TYPE_JOURNAL_HISTORY,
                       "store", store,
                       NULL);
}

/**
 * steady_journal_history_get_store:
 * @self: a #SteadyJournalHistory
 *
 * Returns: (transfer none): the store
 */
SteadyStore *
steady_journal_history_get_store (SteadyJournalHistory *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_HISTORY (self), NULL);

  return self->store;
}

guint
steady_journal_history_get_page_size (SteadyJournalHistory *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_HISTORY (self), 0);

  return self->page_size;
}

/**
 * steady_journal_history_starts_day:
 * @self: a #SteadyJournalHistory
 * @position: a position
 *
 * Returns: %TRUE if the entry at @position is the newest of its local
 *   day, where a list shows the day's header
 */
gboolean
steady_journal_history_starts_day (SteadyJournalHistory *self,
                                   guint                 position)
{
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) previous = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_HISTORY (self), FALSE);

  if (position >= self->n_items)
    return FALSE;
  if (position == 0)
    return TRUE;

  entry = g_list_model_get_item (G_LIST_MODEL (self), position);
  previous = g_list_model_get_item (G_LIST_MODEL (self), position - 1);

  return g_strcmp0 (steady_journal_entry_get_local_date (entry),
                    steady_journal_entry_get_local_date (previous)) != 0;
}
