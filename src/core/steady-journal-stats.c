/* steady-journal-stats.c: trends over the check-ins
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "steady-journal-private.h"
#include "steady-journal-stats.h"

/* All statistics group by the local day each check-in was filed under
 * (its local_date), never by UTC day, so a check-in at 23:59 counts for
 * the day the person lived it, on DST days too. They run on the reader
 * and use the index on local_date; a year of days is a few hundred rows. */

#define MAX_DAYS (366 * 100)

static void
date_range (const GDate *from,
            const GDate *to,
            char         from_text[11],
            char         to_text[11])
{
  if (from != NULL)
    steady_journal_format_date (from, from_text);
  else
    g_strlcpy (from_text, "0000-00-00", 11);

  if (to != NULL)
    steady_journal_format_date (to, to_text);
  else
    g_strlcpy (to_text, "9999-99-99", 11);
}

static void
fold_days (const SteadyJournalDay *days,
           guint                   n_days,
           guint                  *n_entries,
           guint                  *n_mood_days,
           double                 *mood,
           int                    *craving_peak)
{
  double sum = 0;

  *n_entries = 0;
  *n_mood_days = 0;
  *craving_peak = -1;

  for (guint i = 0; i < n_days; i++)
    {
      *n_entries += days[i].n_entries;
      *craving_peak = MAX (*craving_peak, days[i].craving_peak);
      if (days[i].mood >= 0)
        {
          sum += days[i].mood;
          (*n_mood_days)++;
        }
    }

  *mood = *n_mood_days > 0 ? sum / *n_mood_days : -1;
}

static GArray *
daily (SteadyStore  *store,
       sqlite3      *db,
       const GDate  *last_day,
       guint         n_days,
       GError      **error)
{
  g_autoptr(GArray) days = NULL;
  sqlite3_stmt *stmt;
  GDate first, last;
  char first_text[11], last_text[11];
  int rc;

  steady_journal_get_today (last_day, &last);
  first = last;
  g_date_subtract_days (&first, n_days - 1);

  days = g_array_sized_new (FALSE, TRUE, sizeof (SteadyJournalDay), n_days);
  for (guint i = 0; i < n_days; i++)
    {
      SteadyJournalDay day = { .n_entries = 0, .mood = -1, .craving_peak = -1 };

      day.date = first;
      g_date_add_days (&day.date, i);
      g_array_append_val (days, day);
    }

  steady_journal_format_date (&first, first_text);
  steady_journal_format_date (&last, last_text);

  stmt = steady_store_prepare (store, db,
                               "SELECT local_date, count(*), avg(mood), max(craving) "
                               "FROM journal_entries WHERE local_date BETWEEN ?1 AND ?2 "
                               "GROUP BY local_date",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyJournalDay *day;
      GDate date;
      gint64 index;

      if (!steady_journal_parse_date ((const char *)sqlite3_column_text (stmt, 0), &date))
        continue;

      index = g_date_days_between (&first, &date);
      if (index < 0 || index >= n_days)
        continue;

      day = &g_array_index (days, SteadyJournalDay, index);
      day->n_entries = (guint)sqlite3_column_int (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        day->mood = sqlite3_column_double (stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        day->craving_peak = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "daily statistics", error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

static void
summarize (const SteadyJournalDay *all,
           guint                   n_days,
           SteadyJournalSummary   *summary)
{
  summary->n_days = n_days;
  fold_days (all, n_days,
             &summary->previous_n_entries, &summary->previous_n_mood_days,
             &summary->previous_mood, &summary->previous_craving_peak);
  fold_days (all + n_days, n_days,
             &summary->n_entries, &summary->n_mood_days,
             &summary->mood, &summary->craving_peak);
}

static GPtrArray *
top_triggers (SteadyStore  *store,
              sqlite3      *db,
              const GDate  *from,
              const GDate  *to,
              guint         limit,
              GError      **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  char from_text[11], to_text[11];
  sqlite3_stmt *stmt;
  int rc;

  date_range (from, to, from_text, to_text);

  stmt = steady_store_prepare (store, db,
                               "SELECT t.name, count(*) AS n FROM journal_entry_triggers AS t "
                               "JOIN journal_entries AS e ON e.id = t.entry_id "
                               "WHERE e.local_date BETWEEN ?1 AND ?2 "
                               "GROUP BY t.name ORDER BY n DESC, t.name LIMIT ?3",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_journal_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyJournalCount *count = g_new0 (SteadyJournalCount, 1);

      count->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      count->label = g_strdup (steady_journal_trigger_get_label (count->name));
      count->count = (guint)sqlite3_column_int (stmt, 1);
      g_ptr_array_add (counts, count);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "trigger statistics", error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

static GPtrArray *
helpful_skills (SteadyStore  *store,
                sqlite3      *db,
                const GDate  *from,
                const GDate  *to,
                int           min_craving,
                guint         limit,
                GError      **error)
{
  g_autoptr(GPtrArray) stats = NULL;
  char from_text[11], to_text[11];
  sqlite3_stmt *stmt;
  int rc;

  date_range (from, to, from_text, to_text);

  stmt = steady_store_prepare (store, db,
                               "SELECT s.skill_id, k.name, count(*) AS n, count(s.helped), "
                               "       avg(s.helped) AS helped "
                               "FROM journal_entry_skills AS s "
                               "JOIN journal_entries AS e ON e.id = s.entry_id "
                               "JOIN skills AS k ON k.id = s.skill_id "
                               "WHERE e.craving >= ?3 AND e.local_date BETWEEN ?1 AND ?2 "
                               "GROUP BY s.skill_id "
                               "ORDER BY helped IS NULL, helped DESC, n DESC, k.name LIMIT ?4",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, min_craving);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64)limit : -1);

  stats = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_journal_skill_stat_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyJournalSkillStat *stat = g_new0 (SteadyJournalSkillStat, 1);

      stat->skill_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      stat->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      stat->n_used = (guint)sqlite3_column_int (stmt, 2);
      stat->n_rated = (guint)sqlite3_column_int (stmt, 3);
      stat->helped = sqlite3_column_type (stmt, 4) != SQLITE_NULL ? sqlite3_column_double (stmt, 4) : -1;
      g_ptr_array_add (stats, stat);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "skill statistics", error);
      return NULL;
    }

  return g_steal_pointer (&stats);
}

typedef struct
{
  GDate last_day;
  guint n_days;
  guint limit;
} TrendsQuery;

static gboolean
trends_work (SteadyStore  *store,
             gpointer      data,
             gpointer     *result,
             GError      **error)
{
  TrendsQuery *query = data;
  g_autoptr(SteadyJournalTrends) trends = g_new0 (SteadyJournalTrends, 1);
  g_autoptr(GArray) both = NULL;
  GMutex *lock = steady_store_get_write_lock (store);
  GDate first;
  sqlite3 *db;

  first = query->last_day;
  g_date_subtract_days (&first, query->n_days - 1);

  /* The reader belongs to the main thread; the worker reads through the
   * writer, between writes. */
  g_mutex_lock (lock);

  db = steady_store_get_writer_locked (store);
  if (db == NULL)
    g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                         _("Steady’s data file is closed."));
  else if ((both = daily (store, db, &query->last_day, 2 * query->n_days, error)) != NULL &&
           (trends->top_triggers = top_triggers (store, db, &first, &query->last_day,
                                                 query->limit, error)) != NULL)
    trends->helpful_skills = helpful_skills (store, db, &first, &query->last_day,
                                             STEADY_JOURNAL_HIGH_CRAVING, query->limit, error);

  g_mutex_unlock (lock);

  if (trends->helpful_skills == NULL)
    return FALSE;

  summarize ((const SteadyJournalDay *)(gpointer)both->data, query->n_days, &trends->summary);
  trends->days = g_array_sized_new (FALSE, FALSE, sizeof (SteadyJournalDay), query->n_days);
  g_array_append_vals (trends->days,
                       &g_array_index (both, SteadyJournalDay, query->n_days),
                       query->n_days);

  *result = g_steal_pointer (&trends);

  return TRUE;
}

void
steady_journal_count_free (SteadyJournalCount *count)
{
  if (count == NULL)
    return;

  g_free (count->name);
  g_free (count->label);
  g_free (count);
}

void
steady_journal_skill_stat_free (SteadyJournalSkillStat *stat)
{
  if (stat == NULL)
    return;

  g_free (stat->skill_id);
  g_free (stat->name);
  g_free (stat);
}

void
steady_journal_trends_free (SteadyJournalTrends *trends)
{
  if (trends == NULL)
    return;

  g_clear_pointer (&trends->days, g_array_unref);
  g_clear_pointer (&trends->top_triggers, g_ptr_array_unref);
  g_clear_pointer (&trends->helpful_skills, g_ptr_array_unref);
  g_free (trends);
}

/**
 * steady_journal_stats_daily:
 * @store: a #SteadyStore
 * @last_day: (nullable): the last local day, or %NULL for today
 * @n_days: how many days (7, 30, 90, 365…)
 * @error: a location for an error
 *
 * The average mood and the peak craving of each local day, for a chart.
 * Days without check-ins are included, with -1 for the values.
 *
 * Returns: (transfer full) (element-type SteadyJournalDay): @n_days days,
 *   oldest first, or %NULL on error
 */
GArray *
steady_journal_stats_daily (SteadyStore  *store,
                            const GDate  *last_day,
                            guint         n_days,
                            GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (last_day == NULL || g_date_valid (last_day), NULL);
  g_return_val_if_fail (n_days > 0 && n_days <= MAX_DAYS, NULL);

  return daily (store, steady_store_get_reader (store), last_day, n_days, error);
}

/**
 * steady_journal_stats_summary:
 * @store: a #SteadyStore
 * @last_day: (nullable): the last local day, or %NULL for today
 * @n_days: the length of the period
 * @summary: (out caller-allocates): the summary
 * @error: a location for an error
 *
 * Sums up the last @n_days against the @n_days before them. See also
 * steady_journal_summary_describe().
 *
 * Returns: %TRUE on success
 */
gboolean
steady_journal_stats_summary (SteadyStore           *store,
                              const GDate           *last_day,
                              guint                  n_days,
                              SteadyJournalSummary  *summary,
                              GError               **error)
{
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (last_day == NULL || g_date_valid (last_day), FALSE);
  g_return_val_if_fail (n_days > 0 && n_days <= MAX_DAYS / 2, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  days = daily (store, steady_store_get_reader (store), last_day, 2 * n_days, error);
  if (days == NULL)
    return FALSE;

  summarize ((const SteadyJournalDay *)(gpointer)days->data, n_days, summary);

  return TRUE;
}

/**
 * steady_journal_summary_describe:
 * @summary: a summary
 *
 * Puts the mood trend into one plain sentence, for a screen reader and
 * for anyone who would rather read than look at a chart.
 *
 * Returns: (transfer full): the sentence
 */
char *
steady_journal_summary_describe (const SteadyJournalSummary *summary)
{
  guint n = summary->n_days;
  double difference;

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->n_mood_days == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No mood was logged in the last %u day.",
                                         "No mood was logged in the last %u days.",
                                         n),
                            n);

  if (summary->previous_n_mood_days == 0)
    /* Translators: the mood is a number from 1 to 10, such as 6.5. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Your average mood in the last %u day was %.1f out of 10.",
                                         "Your average mood in the last %u days was %.1f out of 10.",
                                         n),
                            n, summary->mood);

  difference = summary->mood - summary->previous_mood;

  if (fabs (difference) < 0.05)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Your average mood in the last %u day was %.1f out of 10, about the same as in the %u day before.",
                                         "Your average mood in the last %u days was %.1f out of 10, about the same as in the %u days before.",
                                         n),
                            n, summary->mood, n);

  if (difference > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Your average mood in the last %u day was %.1f out of 10, up from %.1f in the %u day before.",
                                         "Your average mood in the last %u days was %.1f out of 10, up from %.1f in the %u days before.",
                                         n),
                            n, summary->mood, summary->previous_mood, n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Your average mood in the last %u day was %.1f out of 10, down from %.1f in the %u day before.",
                                       "Your average mood in the last %u days was %.1f out of 10, down from %.1f in the %u days before.",
                                       n),
                          n, summary->mood, summary->previous_mood, n);
}

/**
 * steady_journal_stats_top_triggers:
 * @store: a #SteadyStore
 * @from: (nullable): the first local day, or %NULL for the beginning
 * @to: (nullable): the last local day, or %NULL for the end
 * @limit: at most this many; 0 for all
 * @error: a location for an error
 *
 * The triggers named most often, HALT included.
 *
 * Returns: (transfer full) (element-type SteadyJournalCount): most
 *   frequent first, ties by name; %NULL on error
 */
GPtrArray *
steady_journal_stats_top_triggers (SteadyStore  *store,
                                   const GDate  *from,
                                   const GDate  *to,
                                   guint         limit,
                                   GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);

  return top_triggers (store, steady_store_get_reader (store), from, to, limit, error);
}

/**
 * steady_journal_stats_helpful_skills:
 * @store: a #SteadyStore
 * @from: (nullable): the first local day, or %NULL for the beginning
 * @to: (nullable): the last local day, or %NULL for the end
 * @min_craving: only check-ins with at least this craving, usually
 *   %STEADY_JOURNAL_HIGH_CRAVING
 * @limit: at most this many; 0 for all
 * @error: a location for an error
 *
 * Which skills helped most when cravings were strong: for each skill used
 * in such check-ins, how often, and how much it helped on average.
 *
 * Returns: (transfer full) (element-type SteadyJournalSkillStat): the
 *   most helpful first (rated before unrated, then by use); %NULL on error
 */
GPtrArray *
steady_journal_stats_helpful_skills (SteadyStore  *store,
                                     const GDate  *from,
                                     const GDate  *to,
                                     int           min_craving,
                                     guint         limit,
                                     GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);

  return helpful_skills (store, steady_store_get_reader (store), from, to, min_craving, limit, error);
}

/**
 * steady_journal_stats_load_async:
 * @store: a #SteadyStore
 * @last_day: (nullable): the last local day, or %NULL for today
 * @n_days: the period (7, 30, 90, 365…)
 * @limit: at most this many triggers and skills; 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread
 * @user_data: for @callback
 *
 * Everything a trends page shows for the last @n_days, computed on the
 * store's worker: the days, the summary against the period before, the
 * most frequent triggers, and the skills that helped most when craving
 * was %STEADY_JOURNAL_HIGH_CRAVING or more.
 */
void
steady_journal_stats_load_async (SteadyStore         *store,
                                 const GDate         *last_day,
                                 guint                n_days,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  TrendsQuery *query;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (last_day == NULL || g_date_valid (last_day));
  g_return_if_fail (n_days > 0 && n_days <= MAX_DAYS / 2);

  query = g_new0 (TrendsQuery, 1);
  steady_journal_get_today (last_day, &query->last_day);
  query->n_days = n_days;
  query->limit = limit;

  steady_store_run_async (store, trends_work, query, g_free,
                          (GDestroyNotify)steady_journal_trends_free,
                          cancellable, callback, user_data);
}

/**
 * steady_journal_stats_load_finish:
 * @store: a #SteadyStore
 * @result: the result
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): the trends; free with
 *   steady_journal_trends_free()
 */
SteadyJournalTrends *
steady_journal_stats_load_finish (SteadyStore   *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return steady_store_run_finish (store, result, error);
}
