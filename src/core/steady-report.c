/* steady-report.c: what the summary for the next session says
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-journal-private.h"
#include "steady-report.h"

/* The report is read on the store's reader, on the main thread, like the
 * Today page: a month is a few dozen check-ins and a handful of weeks.
 * All of it is read inside one savepoint, so the chart, the table and
 * the counts agree even if a write lands meanwhile.
 *
 * Privacy is decided here, not in the renderer: without include_notes
 * no free text the person wrote (notes, the lapse's details, a session's
 * note or homework) is even copied into the report. */

typedef struct
{
  char   *name;
  guint   n_used;
  guint   n_rated;
  double  sum;
} SkillTally;

static void
skill_use_free (SteadyReportSkillUse *use)
{
  g_free (use->name);
  g_free (use);
}

static void
checkin_free (SteadyReportCheckin *checkin)
{
  g_clear_pointer (&checkin->at, g_date_time_unref);
  g_clear_pointer (&checkin->emotions, g_strfreev);
  g_clear_pointer (&checkin->triggers, g_strfreev);
  g_clear_pointer (&checkin->skills, g_ptr_array_unref);
  g_free (checkin->notes);
  g_free (checkin->lapse_what);
  g_free (checkin->lapse_note);
  g_free (checkin);
}

static void
session_free (SteadyReportSession *session)
{
  g_clear_pointer (&session->start, g_date_time_unref);
  g_free (session->title);
  g_free (session->note);
  g_free (session->homework);
  g_free (session);
}

static void
skill_tally_free (SkillTally *tally)
{
  g_free (tally->name);
  g_free (tally);
}

static GStrv
dup_labels (const char * const  *names,
            const char        *(*get_label) (const char *name))
{
  GStrv labels = g_new0 (char *, g_strv_length ((GStrv)names) + 1);

  for (guint i = 0; names[i] != NULL; i++)
    labels[i] = g_strdup (get_label (names[i]));

  return labels;
}

static const char *
lookup_skill_name (SteadyStore *store,
                   GHashTable  *names,
                   const char  *skill_id)
{
  const char *name = g_hash_table_lookup (names, skill_id);

  if (name == NULL)
    {
      char *found = steady_journal_dup_skill_name (store, skill_id);

      name = found != NULL ? found : g_strdup (skill_id);
      g_hash_table_insert (names, g_strdup (skill_id), (char *)name);
    }

  return name;
}

static SteadyReportCheckin *
checkin_new (SteadyStore        *store,
             SteadyJournalEntry *entry,
             GHashTable         *skill_names,
             gboolean            include_notes)
{
  SteadyReportCheckin *checkin = g_new0 (SteadyReportCheckin, 1);
  const char * const *skills = steady_journal_entry_get_skills (entry);

  checkin->at = g_date_time_ref (steady_journal_entry_get_at (entry));
  checkin->mood = steady_journal_entry_get_mood (entry);
  checkin->craving = steady_journal_entry_get_craving (entry);
  checkin->sleep_hours = steady_journal_entry_get_sleep_hours (entry);
  checkin->emotions = dup_labels (steady_journal_entry_get_emotions (entry),
                                  steady_journal_emotion_get_label);
  checkin->triggers = dup_labels (steady_journal_entry_get_triggers (entry),
                                  steady_journal_trigger_get_label);
  checkin->lapse = steady_journal_entry_get_substance_use (entry) == STEADY_SUBSTANCE_USE_LAPSE;

  checkin->skills = g_ptr_array_new_with_free_func ((GDestroyNotify)skill_use_free);
  for (guint i = 0; skills[i] != NULL; i++)
    {
      SteadyReportSkillUse *use = g_new0 (SteadyReportSkillUse, 1);

      use->name = g_strdup (lookup_skill_name (store, skill_names, skills[i]));
      use->helped = steady_journal_entry_get_skill_helped (entry, skills[i]);
      g_ptr_array_add (checkin->skills, use);
    }

  if (include_notes)
    {
      checkin->notes = g_strdup (steady_journal_entry_get_notes (entry));
      checkin->lapse_what = g_strdup (steady_journal_entry_get_lapse_what (entry));
      checkin->lapse_note = g_strdup (steady_journal_entry_get_lapse_note (entry));
    }

  return checkin;
}

static gboolean
load_checkins (SteadyStore   *store,
               sqlite3       *db,
               SteadyReport  *report,
               GError       **error)
{
  g_autoptr(GHashTable) skill_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  char from_text[11], to_text[11];
  sqlite3_stmt *stmt;
  int rc;

  steady_journal_format_date (&report->from, from_text);
  steady_journal_format_date (&report->to, to_text);

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries "
                               "WHERE local_date BETWEEN ?1 AND ?2 ORDER BY at, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_from_row (store, db, stmt, error);

      if (entry == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      g_ptr_array_add (report->checkins,
                       checkin_new (store, entry, skill_names, report->include_notes));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "report check-ins", error);

  return TRUE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const SteadyJournalCount *ca = *(const SteadyJournalCount * const *)a;
  const SteadyJournalCount *cb = *(const SteadyJournalCount * const *)b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;

  return g_utf8_collate (ca->label, cb->label);
}

/* Counts labels across the check-ins; @field picks emotions or
 * triggers. Both are shown by label, so two keys with one label (a
 * built-in and the same word typed by hand) count as one. */
static GPtrArray *
count_labels (GPtrArray *checkins,
              gboolean   triggers)
{
  g_autoptr(GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_journal_count_free);

  for (guint i = 0; i < checkins->len; i++)
    {
      SteadyReportCheckin *checkin = g_ptr_array_index (checkins, i);
      GStrv labels = triggers ? checkin->triggers : checkin->emotions;

      for (guint j = 0; labels[j] != NULL; j++)
        {
          SteadyJournalCount *count = g_hash_table_lookup (by_label, labels[j]);

          if (count == NULL)
            {
              count = g_new0 (SteadyJournalCount, 1);
              count->name = g_strdup (labels[j]);
              count->label = g_strdup (labels[j]);
              g_ptr_array_add (counts, count);
              g_hash_table_insert (by_label, count->label, count);
            }
          count->count++;
        }
    }

  g_ptr_array_sort (counts, compare_counts);

  return counts;
}

static int
compare_skills (gconstpointer a,
                gconstpointer b)
{
  const SteadyJournalSkillStat *sa = *(const SteadyJournalSkillStat * const *)a;
  const SteadyJournalSkillStat *sb = *(const SteadyJournalSkillStat * const *)b;

  if ((sa->helped < 0) != (sb->helped < 0))
    return sa->helped < 0 ? 1 : -1;
  if (sa->helped != sb->helped)
    return sa->helped > sb->helped ? -1 : 1;
  if (sa->n_used != sb->n_used)
    return sa->n_used > sb->n_used ? -1 : 1;

  return g_utf8_collate (sa->name, sb->name);
}

static GPtrArray *
tally_skills (GPtrArray *checkins)
{
  g_autoptr(GHashTable) tallies = NULL;
  GPtrArray *stats = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_journal_skill_stat_free);
  GHashTableIter iter;
  SkillTally *tally;

  tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)skill_tally_free);

  for (guint i = 0; i < checkins->len; i++)
    {
      SteadyReportCheckin *checkin = g_ptr_array_index (checkins, i);

      for (guint j = 0; j < checkin->skills->len; j++)
        {
          SteadyReportSkillUse *use = g_ptr_array_index (checkin->skills, j);

          tally = g_hash_table_lookup (tallies, use->name);
          if (tally == NULL)
            {
              tally = g_new0 (SkillTally, 1);
              tally->name = g_strdup (use->name);
              g_hash_table_insert (tallies, tally->name, tally);
            }

          tally->n_used++;
          if (use->helped != STEADY_JOURNAL_UNSET)
            {
              tally->n_rated++;
              tally->sum += use->helped;
            }
        }
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&tally))
    {
      SteadyJournalSkillStat *stat = g_new0 (SteadyJournalSkillStat, 1);

      stat->name = g_strdup (tally->name);
      stat->n_used = tally->n_used;
      stat->n_rated = tally->n_rated;
      stat->helped = tally->n_rated > 0 ? tally->sum / tally->n_rated : -1;
      g_ptr_array_add (stats, stat);
    }

  g_ptr_array_sort (stats, compare_skills);

  return stats;
}

static GDateTime *
local_midnight (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

static gboolean
load_sessions (SteadyStore   *store,
               SteadyReport  *report,
               GError       **error)
{
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GDateTime) from = local_midnight (&report->from);
  g_autoptr(GDateTime) to = NULL;
  GDate after = report->to;
  guint n;

  g_date_add_days (&after, 1);
  to = local_midnight (&after);

  occurrences = steady_calendar_list_occurrences (store, from, to, error);
  if (occurrences == NULL)
    return FALSE;

  n = g_list_model_get_n_items (occurrences);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (occurrences, i);
      SteadyReportSession *session;

      /* Listed because it overlaps the range; counted where it starts. */
      if (steady_occurrence_get_start_unix (occurrence) < g_date_time_to_unix (from))
        continue;

      session = g_new0 (SteadyReportSession, 1);
      session->start = g_date_time_to_local (steady_occurrence_get_start (occurrence));
      session->duration = steady_occurrence_get_duration (occurrence);
      session->kind = steady_occurrence_get_kind (occurrence);
      session->title = g_strdup (steady_occurrence_get_title (occurrence));
      session->attendance = steady_occurrence_get_attendance (occurrence);
      session->cancelled = steady_occurrence_get_cancelled (occurrence);
      if (report->include_notes)
        {
          session->note = g_strdup (steady_occurrence_get_note (occurrence));
          session->homework = g_strdup (steady_occurrence_get_homework (occurrence));
        }
      g_ptr_array_add (report->sessions, session);

      switch (session->attendance)
        {
        case STEADY_ATTENDANCE_ATTENDED:
          report->attendance.n_attended++;
          report->attended_seconds += session->duration;
          break;

        case STEADY_ATTENDANCE_MISSED:
          report->attendance.n_missed++;
          break;

        case STEADY_ATTENDANCE_EXCUSED:
          report->attendance.n_excused++;
          break;

        case STEADY_ATTENDANCE_UNMARKED:
        default:
          break;
        }
    }

  if (report->attendance.n_attended + report->attendance.n_missed > 0)
    report->attendance.rate = (double)report->attendance.n_attended /
                              (report->attendance.n_attended + report->attendance.n_missed);

  return TRUE;
}

static gboolean
load_weeks (SteadyStore   *store,
            SteadyReport  *report,
            GError       **error)
{
  GDate monday = report->from;

  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);

  while (g_date_compare (&monday, &report->to) <= 0)
    {
      SteadyWeekHours hours;

      if (!steady_calendar_get_week_hours (store, &monday, NULL, &hours, error))
        return FALSE;

      g_array_append_val (report->weeks, hours);
      g_date_add_days (&monday, 7);
    }

  return TRUE;
}

static void
summarize (SteadyReport *report)
{
  double sum = 0;
  guint n_mood_days = 0;

  report->craving_peak = -1;

  for (guint i = 0; i < report->days->len; i++)
    {
      const SteadyJournalDay *day = &g_array_index (report->days, SteadyJournalDay, i);

      if (day->n_entries > 0)
        report->n_days_checked_in++;
      if (day->mood >= 0)
        {
          sum += day->mood;
          n_mood_days++;
        }
      report->craving_peak = MAX (report->craving_peak, day->craving_peak);
    }

  report->mood = n_mood_days > 0 ? sum / n_mood_days : -1;

  for (guint i = 0; i < report->checkins->len; i++)
    {
      SteadyReportCheckin *checkin = g_ptr_array_index (report->checkins, i);

      if (checkin->lapse)
        report->n_lapses++;
    }
}

static SteadyReport *
report_new (const GDate *from,
            const GDate *to,
            gboolean     include_notes)
{
  SteadyReport *report = g_new0 (SteadyReport, 1);

  report->from = *from;
  report->to = *to;
  report->include_notes = include_notes;
  report->mood = -1;
  report->craving_peak = -1;
  report->attendance.rate = -1;
  report->checkins = g_ptr_array_new_with_free_func ((GDestroyNotify)checkin_free);
  report->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)session_free);
  report->weeks = g_array_new (FALSE, TRUE, sizeof (SteadyWeekHours));

  return report;
}

/**
 * steady_report_load:
 * @store: a #SteadyStore
 * @from: the first local day
 * @to: the last local day, at most %STEADY_REPORT_MAX_DAYS after @from
 * @include_notes: whether to copy the person's own words (check-in
 *   notes, what a lapse was and its note, session notes and homework)
 *   into the report; %FALSE leaves them out entirely
 * @out_report: (out) (transfer full): the report
 * @error: a location for an error
 *
 * Reads what the summary for the next session shows: the daily mood and
 * peak craving, the check-ins, the triggers and emotions named most, the
 * skills used and how much they helped, the sessions with attendance,
 * and the program hours of each week. Reads on the store's reader: call
 * on the main thread.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_report_load (SteadyStore   *store,
                    const GDate   *from,
                    const GDate   *to,
                    gboolean       include_notes,
                    SteadyReport **out_report,
                    GError       **error)
{
  g_autoptr(SteadyReport) report = NULL;
  sqlite3 *db;
  guint n_days;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  if (g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The summary’s first day is after its last day."));
      return FALSE;
    }

  n_days = (guint)g_date_days_between (from, to) + 1;
  if (n_days > STEADY_REPORT_MAX_DAYS)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A summary can cover at most %d day.",
                                "A summary can cover at most %d days.",
                                STEADY_REPORT_MAX_DAYS),
                   STEADY_REPORT_MAX_DAYS);
      return FALSE;
    }

  report = report_new (from, to, include_notes);

  db = steady_store_get_reader (store);
  if (!steady_store_exec (db, "SAVEPOINT steady_report_read", error))
    return FALSE;

  ok = (report->days = steady_journal_stats_daily (store, to, n_days, error)) != NULL &&
       load_checkins (store, db, report, error) &&
       load_sessions (store, report, error) &&
       load_weeks (store, report, error);

  sqlite3_exec (db, "RELEASE steady_report_read", NULL, NULL, NULL);

  if (!ok)
    return FALSE;

  report->top_triggers = count_labels (report->checkins, TRUE);
  report->top_emotions = count_labels (report->checkins, FALSE);
  report->skills = tally_skills (report->checkins);
  summarize (report);

  *out_report = g_steal_pointer (&report);

  return TRUE;
}

/**
 * steady_report_free:
 * @report: (nullable): a #SteadyReport
 */
void
steady_report_free (SteadyReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->days, g_array_unref);
  g_clear_pointer (&report->checkins, g_ptr_array_unref);
  g_clear_pointer (&report->top_triggers, g_ptr_array_unref);
  g_clear_pointer (&report->top_emotions, g_ptr_array_unref);
  g_clear_pointer (&report->skills, g_ptr_array_unref);
  g_clear_pointer (&report->sessions, g_ptr_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  g_free (report);
}
