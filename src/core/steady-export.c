/* steady-export.c: the check-ins and attendance as CSV
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-calendar-private.h"
#include "steady-csv.h"
#include "steady-export-private.h"
#include "steady-journal-private.h"

/* The person's data in their own hands: three ways out and one way to
 * leave nothing behind.
 *
 * - CSV of the check-ins and of attendance (this file), for a
 *   spreadsheet: RFC 4180 (CRLF, quotes doubled), UTF-8 without a
 *   byte-order mark, ISO 8601 times with their UTC offset, and the labels
 *   the person sees. Both read inside one transaction on the writer, so
 *   a file is a consistent snapshot and the functions work from any
 *   thread; the GUI uses the _async variants, which run on the store's
 *   worker.
 * - A full export, a Steady database, and deleting everything: see
 *   steady-export-full.c.
 */

/* Rows are written in chunks of about this size. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  gint64            start_utc;
  int               utc_offset;
  gint64            duration;
  SteadySessionKind kind;
  char             *title;
  SteadyAttendance  status;
  gboolean          cancelled;
  char             *note;
  char             *homework;
} SessionRow;

static void
session_row_free (SessionRow *row)
{
  g_free (row->title);
  g_free (row->note);
  g_free (row->homework);
  g_free (row);
}

static gboolean
flush_rows (GString        *buffer,
            GOutputStream  *out,
            GCancellable   *cancellable,
            GError        **error)
{
  GError *local_error = NULL;

  if (buffer->len > 0 &&
      !g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, &local_error))
    return steady_export_propagate_io_error (error, local_error, "write CSV");

  g_string_truncate (buffer, 0);

  return TRUE;
}

static char *
format_time (GDateTime *at)
{
  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");
}

static char *
format_int (int value)
{
  return value == STEADY_JOURNAL_UNSET ? NULL : g_strdup_printf ("%d", value);
}

static char *
join_labels (const char * const  *names,
             const char        *(*get_label) (const char *name))
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (joined, STEADY_EXPORT_LIST_SEPARATOR);
      g_string_append (joined, get_label (names[i]));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static const char *
substance_use_label (SteadySubstanceUse use)
{
  switch (use)
    {
    case STEADY_SUBSTANCE_USE_NONE:
      return C_("substance use", "None");
    case STEADY_SUBSTANCE_USE_LAPSE:
      return C_("substance use", "Lapse");
    case STEADY_SUBSTANCE_USE_NOT_SAID:
    default:
      return C_("substance use", "Not said");
    }
}

static const char *
attendance_label (SteadyAttendance attendance,
                  gboolean         cancelled)
{
  switch (attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return C_("attendance", "Attended");
    case STEADY_ATTENDANCE_MISSED:
      return C_("attendance", "Missed");
    case STEADY_ATTENDANCE_EXCUSED:
      return C_("attendance", "Excused");
    case STEADY_ATTENDANCE_UNMARKED:
    default:
      return cancelled ? C_("attendance", "Cancelled") : C_("attendance", "Not marked");
    }
}

static GHashTable *
load_skill_names (SteadyStore  *store,
                  sqlite3      *db,
                  GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, "SELECT id, name FROM skills", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names,
                         g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "skill names", error);
      return NULL;
    }

  return g_steal_pointer (&names);
}

/* "Urge surfing (8)": the skill and how much it helped, 0–10. */
static char *
join_skills (SteadyJournalEntry *entry,
             GHashTable         *skill_names)
{
  const char * const *skills = steady_journal_entry_get_skills (entry);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; skills[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (skill_names, skills[i]);
      int helped = steady_journal_entry_get_skill_helped (entry, skills[i]);

      if (i > 0)
        g_string_append (joined, STEADY_EXPORT_LIST_SEPARATOR);
      g_string_append (joined, name != NULL ? name : skills[i]);
      if (helped != STEADY_JOURNAL_UNSET)
        g_string_append_printf (joined, " (%d)", helped);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
append_checkin_header (GString *out)
{
  const char *fields[STEADY_EXPORT_CHECKIN_N_COLUMNS] = {
    /* Translators: column headings of the check-ins CSV export */
    [STEADY_EXPORT_CHECKIN_AT] = C_("csv column", "Date and time"),
    [STEADY_EXPORT_CHECKIN_MOOD] = C_("csv column", "Mood (1–10)"),
    [STEADY_EXPORT_CHECKIN_CRAVING] = C_("csv column", "Craving (0–10)"),
    [STEADY_EXPORT_CHECKIN_EMOTIONS] = C_("csv column", "Emotions"),
    [STEADY_EXPORT_CHECKIN_TRIGGERS] = C_("csv column", "Triggers"),
    /* Translators: the number after each skill says how much it helped */
    [STEADY_EXPORT_CHECKIN_SKILLS] = C_("csv column", "Skills used (how much they helped, 0–10)"),
    [STEADY_EXPORT_CHECKIN_SLEEP] = C_("csv column", "Hours slept"),
    [STEADY_EXPORT_CHECKIN_SUBSTANCE_USE] = C_("csv column", "Substance use"),
    [STEADY_EXPORT_CHECKIN_LAPSE_WHAT] = C_("csv column", "Lapse: what"),
    [STEADY_EXPORT_CHECKIN_LAPSE_NOTE] = C_("csv column", "Lapse: note"),
    [STEADY_EXPORT_CHECKIN_NOTES] = C_("csv column", "Notes"),
  };

  steady_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

static void
append_checkin_row (GString            *out,
                    SteadyJournalEntry *entry,
                    GHashTable         *skill_names)
{
  g_autofree char *at = format_time (steady_journal_entry_get_at (entry));
  g_autofree char *mood = format_int (steady_journal_entry_get_mood (entry));
  g_autofree char *craving = format_int (steady_journal_entry_get_craving (entry));
  g_autofree char *emotions = join_labels (steady_journal_entry_get_emotions (entry),
                                           steady_journal_emotion_get_label);
  g_autofree char *triggers = join_labels (steady_journal_entry_get_triggers (entry),
                                           steady_journal_trigger_get_label);
  g_autofree char *skills = join_skills (entry, skill_names);
  double sleep = steady_journal_entry_get_sleep_hours (entry);
  char sleep_text[G_ASCII_DTOSTR_BUF_SIZE] = "";
  const char *fields[STEADY_EXPORT_CHECKIN_N_COLUMNS];

  /* The shortest text that reads back as the same number, with a dot
   * whatever the locale: spreadsheets are told the format on import. */
  if (sleep != STEADY_JOURNAL_UNSET_HOURS)
    g_ascii_dtostr (sleep_text, sizeof sleep_text, sleep);

  fields[STEADY_EXPORT_CHECKIN_AT] = at;
  fields[STEADY_EXPORT_CHECKIN_MOOD] = mood;
  fields[STEADY_EXPORT_CHECKIN_CRAVING] = craving;
  fields[STEADY_EXPORT_CHECKIN_EMOTIONS] = emotions;
  fields[STEADY_EXPORT_CHECKIN_TRIGGERS] = triggers;
  fields[STEADY_EXPORT_CHECKIN_SKILLS] = skills;
  fields[STEADY_EXPORT_CHECKIN_SLEEP] = sleep_text;
  fields[STEADY_EXPORT_CHECKIN_SUBSTANCE_USE] = substance_use_label (steady_journal_entry_get_substance_use (entry));
  fields[STEADY_EXPORT_CHECKIN_LAPSE_WHAT] = steady_journal_entry_get_lapse_what (entry);
  fields[STEADY_EXPORT_CHECKIN_LAPSE_NOTE] = steady_journal_entry_get_lapse_note (entry);
  fields[STEADY_EXPORT_CHECKIN_NOTES] = steady_journal_entry_get_notes (entry);

  steady_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

static gboolean
checkins_txn (SteadyStore  *store,
              sqlite3      *db,
              gpointer      user_data,
              GError      **error)
{
  SteadyExportData *data = user_data;
  g_autoptr(GHashTable) skill_names = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (CHUNK_SIZE + 4096);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_OK;

  skill_names = load_skill_names (store, db, error);
  if (skill_names == NULL)
    return FALSE;

  append_checkin_header (buffer);

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries "
                               "ORDER BY at, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_from_row (store, db, stmt, error);

      if (entry == NULL ||
          g_cancellable_set_error_if_cancelled (data->cancellable, error))
        {
          ok = FALSE;
          break;
        }

      append_checkin_row (buffer, entry, skill_names);
      if (buffer->len >= CHUNK_SIZE)
        ok = flush_rows (buffer, data->out, data->cancellable, error);
    }
  sqlite3_reset (stmt);

  if (!ok)
    return FALSE;

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "export check-ins", error);

  return flush_rows (buffer, data->out, data->cancellable, error);
}

static int
compare_session_rows (gconstpointer a,
                      gconstpointer b)
{
  const SessionRow *ra = *(const SessionRow * const *)a;
  const SessionRow *rb = *(const SessionRow * const *)b;

  if (ra->start_utc != rb->start_utc)
    return ra->start_utc < rb->start_utc ? -1 : 1;

  return g_strcmp0 (ra->title, rb->title);
}

/* When the session starts, as an instant and as the offset of its own
 * zone then. A zone that cannot be found any more (an imported one whose
 * definition was lost) reads as UTC rather than dropping the row. */
static void
resolve_start (SteadyStore *store,
               sqlite3     *db,
               const char  *tzid,
               const char  *recurrence_id,
               gboolean     moved,
               gint64       moved_utc,
               SessionRow  *row)
{
  g_autoptr(SteadyZone) zone = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 wall = 0;

  steady_wall_parse (recurrence_id, &wall);

  zone = steady_zone_lookup (store, db, tzid, &local_error);
  if (zone == NULL)
    {
      g_debug ("Zone %s: %s", tzid, local_error->message);
      row->start_utc = moved ? moved_utc : wall;
      row->utc_offset = 0;
      return;
    }

  if (moved)
    {
      row->start_utc = moved_utc;
      wall = steady_zone_to_wall (zone, moved_utc);
    }
  else
    {
      row->start_utc = steady_zone_to_utc (zone, wall);
    }

  row->utc_offset = (int)CLAMP (wall - row->start_utc, -86400, 86400);
}

static GPtrArray *
load_session_rows (SteadyStore  *store,
                   sqlite3      *db,
                   gint64        now,
                   GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)session_row_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Every record the person made, also for a session whose series has
   * changed since: what they wrote is theirs. */
  stmt = steady_store_prepare (store, db,
                               "SELECT a.recurrence_id, a.status, a.note, a.homework, "
                               "       s.tzid, s.kind, s.title, s.duration, "
                               "       x.cancelled, x.start_utc, x.kind, x.title, x.duration "
                               "FROM calendar_attendance AS a "
                               "JOIN calendar_series AS s ON s.id = a.series_id "
                               "LEFT JOIN calendar_exception AS x "
                               "  ON x.series_id = a.series_id AND x.recurrence_id = a.recurrence_id "
                               "WHERE a.status <> 0 OR a.note <> '' OR a.homework <> ''",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SessionRow *row = g_new0 (SessionRow, 1);
      gboolean moved = sqlite3_column_type (stmt, 9) != SQLITE_NULL;

      resolve_start (store, db,
                     (const char *)sqlite3_column_text (stmt, 4),
                     (const char *)sqlite3_column_text (stmt, 0),
                     moved, sqlite3_column_int64 (stmt, 9), row);

      if (row->start_utc > now)
        {
          session_row_free (row);
          continue;
        }

      row->status = (SteadyAttendance)CLAMP (sqlite3_column_int (stmt, 1), 0, STEADY_ATTENDANCE_LAST);
      row->note = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      row->homework = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      row->kind = (SteadySessionKind)CLAMP (sqlite3_column_type (stmt, 10) != SQLITE_NULL
                                            ? sqlite3_column_int (stmt, 10)
                                            : sqlite3_column_int (stmt, 5),
                                            0, STEADY_SESSION_KIND_LAST);
      row->title = g_strdup ((const char *)(sqlite3_column_type (stmt, 11) != SQLITE_NULL
                                            ? sqlite3_column_text (stmt, 11)
                                            : sqlite3_column_text (stmt, 6)));
      row->duration = sqlite3_column_type (stmt, 12) != SQLITE_NULL
                      ? sqlite3_column_int64 (stmt, 12)
                      : sqlite3_column_int64 (stmt, 7);
      row->cancelled = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "export attendance", error);
      return NULL;
    }

  g_ptr_array_sort (rows, compare_session_rows);

  return g_steal_pointer (&rows);
}

static void
append_session_header (GString *out)
{
  const char *fields[STEADY_EXPORT_SESSION_N_COLUMNS] = {
    /* Translators: column headings of the attendance CSV export */
    [STEADY_EXPORT_SESSION_START] = C_("csv column", "Date and time"),
    [STEADY_EXPORT_SESSION_MINUTES] = C_("csv column", "Minutes"),
    [STEADY_EXPORT_SESSION_KIND] = C_("csv column", "Kind"),
    [STEADY_EXPORT_SESSION_TITLE] = C_("csv column", "Session"),
    [STEADY_EXPORT_SESSION_STATUS] = C_("csv column", "Attendance"),
    [STEADY_EXPORT_SESSION_NOTE] = C_("csv column", "Note"),
    [STEADY_EXPORT_SESSION_HOMEWORK] = C_("csv column", "Homework"),
  };

  steady_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

static void
append_session_row (GString          *out,
                    const SessionRow *row)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (row->start_utc);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (row->utc_offset);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *minutes = g_strdup_printf ("%" G_GINT64_FORMAT, row->duration / 60);
  const char *fields[STEADY_EXPORT_SESSION_N_COLUMNS];

  if (utc != NULL)
    start = g_date_time_to_timezone (utc, zone);
  if (start != NULL)
    start_text = format_time (start);

  fields[STEADY_EXPORT_SESSION_START] = start_text;
  fields[STEADY_EXPORT_SESSION_MINUTES] = minutes;
  fields[STEADY_EXPORT_SESSION_KIND] = steady_session_kind_get_label (row->kind);
  fields[STEADY_EXPORT_SESSION_TITLE] = row->title;
  fields[STEADY_EXPORT_SESSION_STATUS] = attendance_label (row->status, row->cancelled);
  fields[STEADY_EXPORT_SESSION_NOTE] = row->note;
  fields[STEADY_EXPORT_SESSION_HOMEWORK] = row->homework;

  steady_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

static gboolean
attendance_txn (SteadyStore  *store,
                sqlite3      *db,
                gpointer      user_data,
                GError      **error)
{
  SteadyExportData *data = user_data;
  g_autoptr(GString) buffer = g_string_sized_new (CHUNK_SIZE + 4096);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 now = data->now != NULL ? g_date_time_to_unix (data->now) : g_get_real_time () / G_USEC_PER_SEC;

  rows = load_session_rows (store, db, now, error);
  if (rows == NULL)
    return FALSE;

  append_session_header (buffer);
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
        return FALSE;

      append_session_row (buffer, g_ptr_array_index (rows, i));
      if (buffer->len >= CHUNK_SIZE &&
          !flush_rows (buffer, data->out, data->cancellable, error))
        return FALSE;
    }

  return flush_rows (buffer, data->out, data->cancellable, error);
}

/* Runs @func in one read transaction on the writer, under the write
 * lock: a consistent snapshot from any thread. A deferred BEGIN, not
 * steady_store_write()'s IMMEDIATE one, so that another process (the
 * reminder service) can still write while a long export streams. */
static gboolean
read_snapshot (SteadyStore         *store,
               SteadyStoreTxnFunc   func,
               gpointer             data,
               GError             **error)
{
  GMutex *lock = steady_store_get_write_lock (store);
  gboolean ok = FALSE;
  sqlite3 *db;

  g_mutex_lock (lock);

  db = steady_store_get_writer_locked (store);
  if (db == NULL)
    g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                         _("Steady’s data file is closed."));
  else if (steady_store_exec (db, "BEGIN DEFERRED", error))
    {
      ok = func (store, db, data, error);
      /* Nothing was written: ending it either way only drops the snapshot. */
      sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    }

  g_mutex_unlock (lock);

  return ok;
}

static gboolean
checkins_work (SteadyStore  *store,
               gpointer      data,
               gpointer     *result,
               GError      **error)
{
  return read_snapshot (store, checkins_txn, data, error);
}

static gboolean
attendance_work (SteadyStore  *store,
                 gpointer      data,
                 gpointer     *result,
                 GError      **error)
{
  return read_snapshot (store, attendance_txn, data, error);
}

/* Shared with steady-export-full.c */

void
steady_export_data_free (SteadyExportData *data)
{
  g_clear_object (&data->out);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_clear_object (&data->dest);
  g_free (data);
}

SteadyExportData *
steady_export_data_new (GOutputStream *out,
                        GDateTime     *now,
                        GFile         *dest,
                        GCancellable  *cancellable)
{
  SteadyExportData *data = g_new0 (SteadyExportData, 1);

  data->out = out != NULL ? g_object_ref (out) : NULL;
  data->now = now != NULL ? g_date_time_ref (now) : NULL;
  data->dest = dest != NULL ? g_object_ref (dest) : NULL;
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  return data;
}

/* Errors of the stream say what went wrong in GIO's words; the person
 * gets ours, and a cancelled export stays recognisably cancelled. */
gboolean
steady_export_propagate_io_error (GError     **error,
                                  GError      *local_error,
                                  const char  *what)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_debug ("%s: %s", what, local_error->message);
  g_set_error (error, STEADY_STORE_ERROR,
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                 ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED,
               _("Steady could not write the export: %s"), local_error->message);
  g_error_free (local_error);

  return FALSE;
}

gboolean
steady_export_run_finish (SteadyStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  GError *local_error = NULL;

  steady_store_run_finish (store, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * steady_export_checkins_csv:
 * @store: a #SteadyStore
 * @out: where the CSV goes; it is not closed
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for an error
 *
 * Writes every check-in, oldest first, as CSV: a header row, then one
 * row per check-in with its local date and time and the offset it was
 * written at (ISO 8601), mood, craving, emotions and triggers (labels
 * joined by "; "), skills with how much each helped ("Urge surfing
 * (8)"), hours slept, substance use, the lapse's what and note, and the
 * notes. See steady-csv.h for the quoting.
 *
 * Rows are streamed in chunks, inside one read transaction on the
 * store's writer: callable from any thread, and it holds back this
 * store's writes (not another process') until it is done. The GUI uses
 * steady_export_checkins_csv_async().
 *
 * Returns: %TRUE on success
 */
gboolean
steady_export_checkins_csv (SteadyStore    *store,
                            GOutputStream  *out,
                            GCancellable   *cancellable,
                            GError        **error)
{
  SteadyExportData data = { out, cancellable, NULL, NULL };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return read_snapshot (store, checkins_txn, &data, error);
}

/**
 * steady_export_checkins_csv_async:
 * @store: a #SteadyStore
 * @out: where the CSV goes; not touched by this thread until @callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when done
 * @user_data: for @callback
 *
 * steady_export_checkins_csv() on the store's worker.
 */
void
steady_export_checkins_csv_async (SteadyStore         *store,
                                  GOutputStream       *out,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (G_IS_OUTPUT_STREAM (out));

  steady_store_run_async (store, checkins_work,
                          steady_export_data_new (out, NULL, NULL, cancellable),
                          (GDestroyNotify)steady_export_data_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
steady_export_checkins_csv_finish (SteadyStore   *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return steady_export_run_finish (store, result, error);
}

/**
 * steady_export_attendance_csv:
 * @store: a #SteadyStore
 * @out: where the CSV goes; it is not closed
 * @now: (nullable): sessions that start after this are left out; %NULL
 *   for the clock's time
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for an error
 *
 * Writes one row for each session that has started and that the person
 * marked (attended, missed, excused) or wrote a note or homework for,
 * oldest first: its start in its own zone (ISO 8601 with the offset),
 * length in minutes, kind, title, attendance ("Cancelled" for a
 * cancelled session that was not marked), note and homework. Threads:
 * as steady_export_checkins_csv().
 *
 * Returns: %TRUE on success
 */
gboolean
steady_export_attendance_csv (SteadyStore    *store,
                              GOutputStream  *out,
                              GDateTime      *now,
                              GCancellable   *cancellable,
                              GError        **error)
{
  SteadyExportData data = { out, cancellable, now, NULL };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return read_snapshot (store, attendance_txn, &data, error);
}

/**
 * steady_export_attendance_csv_async:
 * @store: a #SteadyStore
 * @out: where the CSV goes; not touched by this thread until @callback
 * @now: (nullable): as for steady_export_attendance_csv()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when done
 * @user_data: for @callback
 */
void
steady_export_attendance_csv_async (SteadyStore         *store,
                                    GOutputStream       *out,
                                    GDateTime           *now,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (G_IS_OUTPUT_STREAM (out));

  steady_store_run_async (store, attendance_work,
                          steady_export_data_new (out, now, NULL, cancellable),
                          (GDestroyNotify)steady_export_data_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
steady_export_attendance_csv_finish (SteadyStore   *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return steady_export_run_finish (store, result, error);
}
