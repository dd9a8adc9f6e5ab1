/* steady-journal-search.c: full-text search and filters
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "steady-journal-private.h"

/* How many words of context a snippet shows. */
#define SNIPPET_TOKENS 16

static gboolean
has_word_char (const char *token,
               gsize       len)
{
  for (const char *p = token; p < token + len; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static void
append_quoted (GString    *query,
               const char *token,
               gsize       len)
{
  g_string_append_c (query, '"');
  for (gsize i = 0; i < len; i++)
    {
      /* Inside an FTS5 string a double quote is written twice. */
      if (token[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, token[i]);
    }
  g_string_append_c (query, '"');
}

/**
 * steady_journal_build_match_query:
 * @text: what the person typed
 *
 * Turns typed words into an FTS5 query that cannot be read as FTS5
 * syntax: each whitespace-separated word becomes a quoted string (the
 * tokenizer then splits it as it split the text, so "don't" matches as
 * a phrase), all words must match, and the last one matches as a prefix
 * so that results follow typing. Words without a letter or digit are
 * dropped.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text
 *   has no words to search for
 */
char *
steady_journal_build_match_query (const char *text)
{
  g_autoptr(GString) query = NULL;
  const char *p;

  if (text == NULL)
    return NULL;

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  query = g_string_new (NULL);
  p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (p > start && has_word_char (start, p - start))
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          append_quoted (query, start, p - start);
        }
    }

  if (query->len == 0)
    return NULL;

  g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

typedef struct
{
  char                *text;
  GDate                from;
  GDate                to;
  SteadyJournalFilter  filter;
  guint                limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Snippets for @ids, in one pass of the index over the range of their
 * ids: running the query once per row would expand a short prefix such
 * as "c*" over the whole index every time. */
static GHashTable *
lookup_snippets (SteadyStore  *store,
                 sqlite3      *db,
                 const char   *match,
                 GArray       *ids,
                 GError      **error)
{
  g_autoptr(GHashTable) snippets = NULL;
  g_autoptr(GArray) sorted = NULL;
  sqlite3_stmt *stmt;
  int rc;

  snippets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (ids->len == 0)
    return g_steal_pointer (&snippets);

  sorted = g_array_copy (ids);
  g_array_sort (sorted, compare_ids);

  stmt = steady_store_prepare (store, db,
                               "SELECT rowid, snippet (journal_fts, -1, ?2, ?3, '…', ?4) "
                               "FROM journal_fts WHERE journal_fts MATCH ?1 AND rowid BETWEEN ?5 AND ?6",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, STEADY_JOURNAL_MATCH_START, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, STEADY_JOURNAL_MATCH_END, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, SNIPPET_TOKENS);
  sqlite3_bind_int64 (stmt, 5, g_array_index (sorted, gint64, 0));
  sqlite3_bind_int64 (stmt, 6, g_array_index (sorted, gint64, sorted->len - 1));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (bsearch (&id, sorted->data, sorted->len, sizeof (gint64), compare_ids) != NULL)
        g_hash_table_insert (snippets,
                             g_memdup2 (&id, sizeof id),
                             g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "snippets", error);
      return NULL;
    }

  return g_steal_pointer (&snippets);
}

/* What every search filters on, bound the same way in each plan (?2 from,
 * ?3 to, ?4 lapses only, ?5/?6 high craving only, ?7 limit), newest first. */
#define FILTERS_NEWEST_FIRST \
  "(?2 IS NULL OR e.local_date >= ?2) " \
  "AND (?3 IS NULL OR e.local_date <= ?3) " \
  "AND (?4 = 0 OR e.substance_use = 2) " \
  "AND (?5 = 0 OR e.craving >= ?6) " \
  "ORDER BY e.at DESC, e.id DESC LIMIT ?7"

/* How many check-ins hold @match: the full-text index alone answers. */
static gboolean
count_matches (SteadyStore  *store,
               sqlite3      *db,
               const char   *match,
               gint64       *n_matches,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *n_matches = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    return steady_store_set_error (db, rc, "count matches", error);

  return TRUE;
}

static GListModel *
search (SteadyStore          *store,
        sqlite3              *db,
        const char           *text,
        const GDate          *from,
        const GDate          *to,
        SteadyJournalFilter   filter,
        guint                 limit,
        GError              **error)
{
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) snippets = NULL;
  g_autofree char *match = NULL;
  char from_text[11];
  char to_text[11];
  sqlite3_stmt *stmt;
  int rc;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The search text is not valid text (UTF-8)."));
      return NULL;
    }

  match = steady_journal_build_match_query (text);

  /* "?2 IS NULL OR …" keeps the plan on the index on time, which stops
   * at the limit, rather than sorting every row of a long range. */
  if (match != NULL)
    {
      gint64 n_matches;

      if (!count_matches (store, db, match, &n_matches, error))
        return NULL;

      /* A word in few check-ins: read those rows and sort them. A word
       * in many: walk the index on time, newest first, and stop at the
       * limit; reading every matching row to sort them costs tens of
       * milliseconds for a common word over years of notes. */
      if (limit > 0 && n_matches > (gint64)limit)
        stmt = steady_store_prepare (store, db,
                                     "SELECT e.id FROM journal_entries AS e INDEXED BY journal_entries_at "
                                     "WHERE e.id IN (SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?1) "
                                     "AND " FILTERS_NEWEST_FIRST,
                                     error);
      else
        stmt = steady_store_prepare (store, db,
                                     "SELECT e.id FROM journal_fts "
                                     "JOIN journal_entries AS e ON e.id = journal_fts.rowid "
                                     "WHERE journal_fts MATCH ?1 AND " FILTERS_NEWEST_FIRST,
                                     error);
    }
  else
    stmt = steady_store_prepare (store, db,
                                 "SELECT e.id FROM journal_entries AS e "
                                 "WHERE " FILTERS_NEWEST_FIRST,
                                 error);
  if (stmt == NULL)
    return NULL;

  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (from != NULL)
    {
      steady_journal_format_date (from, from_text);
      sqlite3_bind_text (stmt, 2, from_text, -1, SQLITE_STATIC);
    }
  if (to != NULL)
    {
      steady_journal_format_date (to, to_text);
      sqlite3_bind_text (stmt, 3, to_text, -1, SQLITE_STATIC);
    }
  sqlite3_bind_int (stmt, 4, (filter & STEADY_JOURNAL_FILTER_LAPSE) != 0);
  sqlite3_bind_int (stmt, 5, (filter & STEADY_JOURNAL_FILTER_HIGH_CRAVING) != 0);
  sqlite3_bind_int (stmt, 6, STEADY_JOURNAL_HIGH_CRAVING);
  sqlite3_bind_int64 (stmt, 7, limit > 0 ? (gint64)limit : -1);

  /* Ids first: the entries and snippets come from other statements. */
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "search", error);
      return NULL;
    }

  if (match != NULL)
    {
      snippets = lookup_snippets (store, db, match, ids, error);
      if (snippets == NULL)
        return NULL;
    }

  results = g_list_store_new (STEADY_TYPE_JOURNAL_MATCH);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SteadyJournalEntry) entry = NULL;
      g_autoptr(SteadyJournalMatch) result = NULL;
      const char *snippet = NULL;

      entry = steady_journal_load (store, db, id, error);
      if (entry == NULL)
        return NULL;

      /* A match always has a snippet, if only an empty one. */
      if (snippets != NULL)
        {
          snippet = g_hash_table_lookup (snippets, &id);
          if (snippet == NULL)
            snippet = "";
        }

      result = steady_journal_match_new (entry, snippet);
      g_list_store_append (results, result);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}

static gboolean
search_work (SteadyStore  *store,
             gpointer      user_data,
             gpointer     *result,
             GError      **error)
{
  SearchData *data = user_data;
  GMutex *lock = steady_store_get_write_lock (store);
  GListModel *results;
  sqlite3 *db;

  /* The reader belongs to the main thread; the worker reads through the
   * writer, between writes. */
  g_mutex_lock (lock);
  db = steady_store_get_writer_locked (store);
  if (db != NULL)
    results = search (store, db, data->text,
                      g_date_valid (&data->from) ? &data->from : NULL,
                      g_date_valid (&data->to) ? &data->to : NULL,
                      data->filter, data->limit, error);
  else
    results = NULL;
  g_mutex_unlock (lock);

  if (db == NULL)
    g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                         _("Steady’s data file is closed."));

  *result = results;

  return results != NULL;
}

/**
 * steady_journal_search:
 * @store: a #SteadyStore
 * @text: (nullable): what the person typed; %NULL or no words for
 *   filters only
 * @from: (nullable): the first local day to include
 * @to: (nullable): the last local day to include
 * @filter: only lapses, only high cravings, or both
 * @limit: at most this many results, newest first; 0 for all
 * @error: a location for an error
 *
 * Searches notes, emotions, triggers, skills and lapse details as the
 * person types (see steady_journal_build_match_query(): typed text is
 * never read as query syntax). Case and accents do not matter. Each
 * result carries a snippet with the matched words marked; see
 * #SteadyJournalMatch.
 *
 * A one-letter prefix over years of check-ins takes tens of
 * milliseconds: as-you-type search belongs in
 * steady_journal_search_async().
 *
 * Returns: (transfer full) (nullable): a list of #SteadyJournalMatch,
 *   newest first
 */
GListModel *
steady_journal_search (SteadyStore          *store,
                       const char           *text,
                       const GDate          *from,
                       const GDate          *to,
                       SteadyJournalFilter   filter,
                       guint                 limit,
                       GError              **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);

  return search (store, steady_store_get_reader (store), text, from, to, filter, limit, error);
}

/**
 * steady_journal_search_async:
 * @store: a #SteadyStore
 * @text: (nullable): what the person typed
 * @from: (nullable): the first local day to include
 * @to: (nullable): the last local day to include
 * @filter: only lapses, only high cravings, or both
 * @limit: at most this many results; 0 for all
 * @cancellable: (nullable): cancel a search that typing made stale
 * @callback: called on this thread
 * @user_data: for @callback
 *
 * steady_journal_search() on the store's worker, in order with writes.
 */
void
steady_journal_search_async (SteadyStore          *store,
                             const char           *text,
                             const GDate          *from,
                             const GDate          *to,
                             SteadyJournalFilter   filter,
                             guint                 limit,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  SearchData *data;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (to == NULL || g_date_valid (to));

  data = g_new0 (SearchData, 1);
  data->text = g_strdup (text);
  if (from != NULL)
    data->from = *from;
  else
    g_date_clear (&data->from, 1);
  if (to != NULL)
    data->to = *to;
  else
    g_date_clear (&data->to, 1);
  data->filter = filter;
  data->limit = limit;

  steady_store_run_async (store, search_work, data, (GDestroyNotify)search_data_free,
                          g_object_unref, cancellable, callback, user_data);
}

/**
 * steady_journal_search_finish:
 * @store: a #SteadyStore
 * @result: the result
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): a list of #SteadyJournalMatch
 */
GListModel *
steady_journal_search_finish (SteadyStore   *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return steady_store_run_finish (store, result, error);
}
