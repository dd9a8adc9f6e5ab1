/* steady-store.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "steady-backup.h"
#include "steady-store-private.h"

struct _SteadyStore
{
  GObject                parent_instance;

  /* Owned */
  char                  *path;
  sqlite3               *writer;
  sqlite3               *reader;
  GHashTable            *writer_stmts;
  GHashTable            *reader_stmts;
  GThreadPool           *worker;
  GThread               *worker_thread;
  GMainContext          *main_context;
  const SteadyMigration *migrations;
  guint                  n_migrations;
  int                    schema_version;
  GError                *damage;

  /* Held for the whole of every write transaction, so that the sync API
   * can be used from the worker and, in tests, from the main thread. */
  GMutex                 write_lock;
  GMutex                 stmt_lock;
};

G_DEFINE_FINAL_TYPE (SteadyStore, steady_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (steady-store-error-quark, steady_store_error)

typedef struct
{
  SteadyStoreWorkFunc func;
  gpointer            data;
  GDestroyNotify      data_destroy;
  GDestroyNotify      result_destroy;
} WorkClosure;

static void
work_closure_free (WorkClosure *closure)
{
  if (closure->data_destroy != NULL)
    g_clear_pointer (&closure->data, closure->data_destroy);
  g_free (closure);
}

static int
latest_version (const SteadyMigration *migrations,
                guint                  n_migrations)
{
  return n_migrations > 0 ? migrations[n_migrations - 1].version : 0;
}

static void
clear_stmt_cache (GHashTable **table)
{
  g_clear_pointer (table, g_hash_table_unref);
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  g_autoptr(GTask) task = data;
  SteadyStore *self = g_task_get_source_object (task);
  WorkClosure *closure = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  g_atomic_pointer_set (&self->worker_thread, g_thread_self ());

  if (g_task_return_error_if_cancelled (task))
    return;

  if (closure->func (self, closure->data, &result, &error))
    g_task_return_pointer (task, result, closure->result_destroy);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
steady_store_finalize (GObject *object)
{
  SteadyStore *self = (SteadyStore *)object;

  steady_store_close (self);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_error (&self->damage);
  g_mutex_clear (&self->write_lock);
  g_mutex_clear (&self->stmt_lock);

  G_OBJECT_CLASS (steady_store_parent_class)->finalize (object);
}

static void
steady_store_class_init (SteadyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_store_finalize;

  /**
   * SteadyStore::changed:
   * @self: the store
   * @what: what changed, such as "journal" or "calendar"; also the detail
   *
   * Emitted on the thread that opened the store, after a write has been
   * committed, whichever thread made it. Models reload on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
steady_store_init (SteadyStore *self)
{
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->stmt_lock);
}

/**
 * steady_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/steady/steady.db`
 */
char *
steady_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "steady", "steady.db", NULL);
}

int
steady_store_get_latest_version (void)
{
  return latest_version (steady_store_migrations, steady_store_n_migrations);
}

/**
 * steady_store_open_with_migrations:
 * @path: the database file
 * @migrations: (array length=n_migrations): in ascending version order
 * @n_migrations: how many
 * @error: a location for an error
 *
 * Opens or creates the store. An existing file that is damaged, foreign
 * or newer than @migrations know is refused and left byte for byte as it
 * was. A migration that fails is rolled back and the store is not opened.
 *
 * The full quick_check is not run here when no migration is needed, so
 * the window can appear first: call steady_store_check_async() after.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
SteadyStore *
steady_store_open_with_migrations (const char             *path,
                                   const SteadyMigration  *migrations,
                                   guint                   n_migrations,
                                   GError                **error)
{
  g_autoptr(SteadyStore) self = NULL;
  g_autoptr(GError) damage = NULL;
  g_autofree char *dir = NULL;
  int latest = latest_version (migrations, n_migrations);
  int version = 0;
  gboolean existed;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!steady_store_ensure_private_dir (dir, error))
    return NULL;

  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* SQLite would quietly leave out the committed changes after a damaged
   * frame of the write-ahead log; keep the files as they are first (or
   * do not open them at all), and say so. */
  if (existed && steady_store_wal_is_damaged (path))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *kept = steady_store_keep_damaged (path, now, error);

      if (kept == NULL)
        return NULL;

      g_message ("The write-ahead log of %s is damaged; kept a copy as %s", path, kept);
      damage = g_error_new (STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                            _("The part of Steady’s data file that holds your most recent changes was damaged, so some of them could not be read back. Everything else is as it was. A copy of the damaged file was kept as “%s”."),
                            kept);
    }

  if (existed)
    {
      struct stat st;

      if (g_stat (path, &st) == 0 && st.st_size > 0 &&
          !steady_store_probe_file (path, latest, &version, error))
        return NULL;
    }

  if (!steady_store_ensure_private_file (path, error))
    return NULL;

  self = g_object_new (STEADY_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->main_context = g_main_context_ref_thread_default ();
  self->migrations = migrations;
  self->n_migrations = n_migrations;
  self->writer_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify)sqlite3_finalize);
  self->reader_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify)sqlite3_finalize);

  if (!steady_store_open_connection (path, &self->writer, error) ||
      !steady_store_configure_connection (self->writer, FALSE, error))
    return NULL;

  /* Migrating rewrites pages: never do that over a damaged file. */
  if (version > 0 && version < latest && !steady_store_run_check (self->writer, path, error))
    return NULL;

  if (!steady_store_set_wal_mode (self->writer, error) ||
      !steady_store_migrate (self->writer, migrations, n_migrations, &version, error))
    return NULL;

  self->schema_version = version;

  if (!steady_store_open_connection (path, &self->reader, error) ||
      !steady_store_configure_connection (self->reader, TRUE, error))
    return NULL;

  self->worker = g_thread_pool_new (worker_func, NULL, 1, FALSE, NULL);
  self->damage = g_steal_pointer (&damage);

  return g_steal_pointer (&self);
}

/**
 * steady_store_open:
 * @path: the database file, usually steady_store_default_path()
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): the store at the newest schema
 */
SteadyStore *
steady_store_open (const char  *path,
                   GError     **error)
{
  return steady_store_open_with_migrations (path,
                                            steady_store_migrations,
                                            steady_store_n_migrations,
                                            error);
}

const char *
steady_store_get_path (SteadyStore *self)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);

  return self->path;
}

int
steady_store_get_schema_version (SteadyStore *self)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * steady_store_get_damage:
 * @self: a #SteadyStore
 *
 * Damage that opening found and worked around: committed changes in a
 * damaged write-ahead log that could not be read back. The files were
 * kept as they were, beside the database, before anything changed.
 *
 * Returns: (transfer none) (nullable): a %STEADY_STORE_ERROR_CORRUPT
 *   error with words for the person, or %NULL when nothing was wrong
 */
const GError *
steady_store_get_damage (SteadyStore *self)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);

  return self->damage;
}

/**
 * steady_store_close:
 * @self: a #SteadyStore
 *
 * Waits for queued writes, checkpoints the write-ahead log so that it
 * holds no leftover text, and closes the file. Safe to call twice.
 */
void
steady_store_close (SteadyStore *self)
{
  g_return_if_fail (STEADY_IS_STORE (self));

  if (self->worker != NULL)
    {
      /* The last reference can be dropped on the worker itself (by a
       * finishing task); it must not wait for itself. */
      gboolean on_worker = g_atomic_pointer_get (&self->worker_thread) == (gpointer)g_thread_self ();

      g_thread_pool_free (g_steal_pointer (&self->worker), FALSE, !on_worker);
    }

  g_mutex_lock (&self->write_lock);
  clear_stmt_cache (&self->reader_stmts);
  clear_stmt_cache (&self->writer_stmts);
  g_clear_pointer (&self->reader, sqlite3_close);
  if (self->writer != NULL)
    sqlite3_exec (self->writer, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  g_clear_pointer (&self->writer, sqlite3_close);
  g_mutex_unlock (&self->write_lock);
}

sqlite3 *
steady_store_get_reader (SteadyStore *self)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);

  return self->reader;
}

/**
 * steady_store_prepare:
 * @self: a #SteadyStore
 * @db: the reader, or the writer handed to a #SteadyStoreTxnFunc
 * @sql: a string literal (it keys the statement cache)
 * @error: a location for an error
 *
 * Returns: (transfer none) (nullable): a cached statement, reset and with
 *   its bindings cleared
 */
sqlite3_stmt *
steady_store_prepare (SteadyStore  *self,
                      sqlite3      *db,
                      const char   *sql,
                      GError      **error)
{
  GHashTable *cache;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);
  g_return_val_if_fail (db == self->reader || db == self->writer, NULL);

  /* Late callbacks may still read after the store was closed. */
  if (db == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                           _("Steady’s data file is closed."));
      return NULL;
    }

  g_mutex_lock (&self->stmt_lock);

  cache = db == self->reader ? self->reader_stmts : self->writer_stmts;
  stmt = g_hash_table_lookup (cache, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          g_mutex_unlock (&self->stmt_lock);
          steady_store_set_error (db, rc, sql, error);
          sqlite3_finalize (stmt);
          return NULL;
        }

      g_hash_table_insert (cache, (gpointer)sql, stmt);
    }

  g_mutex_unlock (&self->stmt_lock);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

/**
 * steady_store_write:
 * @self: a #SteadyStore
 * @func: does the writes, on the connection it is given
 * @data: for @func
 * @error: a location for an error
 *
 * Runs @func in one `BEGIN IMMEDIATE` transaction and commits it; any
 * failure, in @func or in the commit, rolls everything back. When this
 * returns %TRUE the data is on disk (`synchronous=FULL`).
 *
 * Returns: %TRUE on success
 */
gboolean
steady_store_write (SteadyStore         *self,
                    SteadyStoreTxnFunc   func,
                    gpointer             data,
                    GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (self->writer != NULL, FALSE);

  g_mutex_lock (&self->write_lock);

  ok = steady_store_exec (self->writer, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = func (self, self->writer, data, error) &&
           steady_store_exec (self->writer, "COMMIT", error);

      if (!ok && !sqlite3_get_autocommit (self->writer))
        sqlite3_exec (self->writer, "ROLLBACK", NULL, NULL, NULL);
    }

  g_mutex_unlock (&self->write_lock);

  return ok;
}

/**
 * steady_store_check:
 * @self: a #SteadyStore
 * @error: a location for an error
 *
 * Runs SQLite's quick_check. Slow on a cold cache (hundreds of
 * milliseconds on years of data): use steady_store_check_async().
 *
 * Returns: %TRUE if the file is sound
 */
gboolean
steady_store_check (SteadyStore  *self,
                    GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (self), FALSE);

  g_mutex_lock (&self->write_lock);
  ok = steady_store_run_check (self->writer, self->path, error);
  g_mutex_unlock (&self->write_lock);

  return ok;
}

static gboolean
check_work (SteadyStore  *self,
            gpointer      data,
            gpointer     *result,
            GError      **error)
{
  return steady_store_check (self, error);
}

void
steady_store_check_async (SteadyStore         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  steady_store_run_async (self, check_work, NULL, NULL, NULL,
                          cancellable, callback, user_data);
}

gboolean
steady_store_check_finish (SteadyStore   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  steady_store_run_finish (self, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * steady_store_run_async:
 * @self: a #SteadyStore
 * @func: the work; it runs on the store's one worker thread
 * @data: for @func
 * @data_destroy: (nullable): frees @data when done
 * @result_destroy: (nullable): frees a result nobody collected
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * Queues @func behind every earlier call, so writes keep their order and
 * the GUI never waits on a commit.
 */
void
steady_store_run_async (SteadyStore         *self,
                        SteadyStoreWorkFunc  func,
                        gpointer             data,
                        GDestroyNotify       data_destroy,
                        GDestroyNotify       result_destroy,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WorkClosure *closure;

  g_return_if_fail (STEADY_IS_STORE (self));
  g_return_if_fail (func != NULL);

  closure = g_new0 (WorkClosure, 1);
  closure->func = func;
  closure->data = data;
  closure->data_destroy = data_destroy;
  closure->result_destroy = result_destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steady_store_run_async);
  g_task_set_task_data (task, closure, (GDestroyNotify)work_closure_free);

  if (self->worker == NULL)
    {
      g_task_return_new_error (task, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                               _("Steady’s data file is closed."));
      return;
    }

  g_thread_pool_push (self->worker, g_steal_pointer (&task), NULL);
}

/**
 * steady_store_run_finish:
 *
 * Returns: (transfer full) (nullable): what the work function returned;
 *   %NULL also when @error is set
 */
gpointer
steady_store_run_finish (SteadyStore   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
steady_store_get_state (SteadyStore *self,
                        const char  *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = steady_store_prepare (self, self->reader,
                               "SELECT value FROM app_state WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

typedef struct
{
  const char *key;
  const char *value;
} StatePair;

static gboolean
set_state_txn (SteadyStore  *self,
               sqlite3      *db,
               gpointer      data,
               GError      **error)
{
  StatePair *pair = data;
  sqlite3_stmt *stmt;
  int rc;

  if (pair->value == NULL)
    stmt = steady_store_prepare (self, db, "DELETE FROM app_state WHERE key = ?1", error);
  else
    stmt = steady_store_prepare (self, db,
                                 "INSERT INTO app_state (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pair->key, -1, SQLITE_STATIC);
  if (pair->value != NULL)
    sqlite3_bind_text (stmt, 2, pair->value, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "set state", error);

  return TRUE;
}

/**
 * steady_store_set_state:
 * @self: a #SteadyStore
 * @key: the key
 * @value: (nullable): the value, or %NULL to remove the key
 * @error: a location for an error
 *
 * Returns: %TRUE once the value is on disk
 */
gboolean
steady_store_set_state (SteadyStore  *self,
                        const char   *key,
                        const char   *value,
                        GError      **error)
{
  StatePair pair = { key, value };

  g_return_val_if_fail (STEADY_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  return steady_store_write (self, set_state_txn, &pair, error);
}

/* The helpers below serve steady-store-backup.c and
 * steady-store-restore.c. */

GMutex *
steady_store_get_write_lock (SteadyStore *self)
{
  return &self->write_lock;
}

sqlite3 *
steady_store_get_writer_locked (SteadyStore *self)
{
  return self->writer;
}

const SteadyMigration *
steady_store_get_migrations (SteadyStore *self,
                             guint       *n_migrations)
{
  *n_migrations = self->n_migrations;

  return self->migrations;
}

gboolean
steady_store_migrate_locked (SteadyStore  *self,
                             GError      **error)
{
  int version = 0;

  if (!steady_store_query_int (self->writer, "PRAGMA user_version", &version, error) ||
      !steady_store_migrate (self->writer, self->migrations, self->n_migrations, &version, error))
    return FALSE;

  self->schema_version = version;

  /* Statements prepared against the old schema are stale now. */
  g_mutex_lock (&self->stmt_lock);
  g_hash_table_remove_all (self->writer_stmts);
  g_hash_table_remove_all (self->reader_stmts);
  g_mutex_unlock (&self->stmt_lock);

  return TRUE;
}

typedef struct
{
  SteadyStore *store;
  char        *what;
} ChangedClosure;

static gboolean
emit_changed_cb (gpointer data)
{
  ChangedClosure *closure = data;

  g_signal_emit (closure->store, signals[CHANGED], g_quark_from_string (closure->what), closure->what);

  return G_SOURCE_REMOVE;
}

static void
changed_closure_free (gpointer data)
{
  ChangedClosure *closure = data;

  g_object_unref (closure->store);
  g_free (closure->what);
  g_free (closure);
}

/**
 * steady_store_emit_changed:
 * @self: a #SteadyStore
 * @what: a short name of what changed ("journal", "calendar", "lessons")
 *
 * Call after a write committed. Emits #SteadyStore::changed on the
 * store's own thread: at once when called there, else from its main
 * context.
 */
void
steady_store_emit_changed (SteadyStore *self,
                           const char  *what)
{
  ChangedClosure *closure;
  GSource *source;

  g_return_if_fail (STEADY_IS_STORE (self));
  g_return_if_fail (what != NULL);

  if (g_main_context_is_owner (self->main_context))
    {
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
      return;
    }

  closure = g_new0 (ChangedClosure, 1);
  closure->store = g_object_ref (self);
  closure->what = g_strdup (what);

  /* Always through a source: g_main_context_invoke() would run it right
   * here, on the worker, whenever the main thread is between iterations. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[steady] store changed");
  g_source_set_callback (source, emit_changed_cb, closure, changed_closure_free);
  g_source_attach (source, self->main_context);
  g_source_unref (source);
}
