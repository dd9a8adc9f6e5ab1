/* fuzz-ics.c: libFuzzer target for the iCalendar importer
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-private.h"
#include "steady-ics.h"
#include "fuzz-common.h"

/* Series whose sessions are listed after an import: enough to reach the
 * reading code, few enough to keep each input quick. */
#define MAX_LISTED 4

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const guint8  *data,
                            size_t         size);

static SteadyStore *store;

static gboolean
clear_calendar_txn (SteadyStore  *self,
                    sqlite3      *db,
                    gpointer      data,
                    GError      **error)
{
  return steady_store_exec (db,
                            "DELETE FROM calendar_attendance;"
                            "DELETE FROM calendar_exception;"
                            "DELETE FROM calendar_series;"
                            "DELETE FROM calendar_timezone;",
                            error);
}

static void
check_preview (SteadyIcsPreview *preview)
{
  guint n_items = steady_ics_preview_get_n_items (preview);

  g_assert_cmpuint (steady_ics_preview_count (preview, STEADY_ICS_ITEM_NEW) +
                    steady_ics_preview_count (preview, STEADY_ICS_ITEM_DUPLICATE) +
                    steady_ics_preview_count (preview, STEADY_ICS_ITEM_SKIPPED), ==, n_items);

  /* Everything the import dialog shows. */
  for (guint i = 0; i < n_items; i++)
    {
      SteadySessionSeries *series = steady_ics_preview_get_series (preview, i);
      const char *message = steady_ics_preview_get_message (preview, i);

      g_assert_true (g_utf8_validate (steady_session_series_get_title (series), -1, NULL));
      g_assert_true (g_utf8_validate (steady_session_series_get_uid (series), -1, NULL));
      g_assert_true (message == NULL || g_utf8_validate (message, -1, NULL));
      steady_ics_preview_get_n_changes (preview, i);
    }
}

/* Reads back what was imported the way the calendar page does. */
static void
list_imported (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);

  all = steady_calendar_list_series (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < MIN (g_list_model_get_n_items (all), MAX_LISTED); i++)
    {
      g_autoptr(SteadySessionSeries) series = g_list_model_get_item (all, i);
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      g_autoptr(GListModel) sessions = NULL;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      SteadyWeekHours hours;
      guint32 days = 0;
      gint64 wall = 0;

      g_assert_true (steady_wall_parse (steady_session_series_get_start_local (series), &wall));

      /* No zone is a day away from UTC: the window holds the first session. */
      from = g_date_time_new_from_unix_utc (wall - 2 * 86400);
      to = g_date_time_new_from_unix_utc (wall + 28 * 86400);
      sessions = steady_calendar_list_occurrences (store, from, to, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (sessions), >, 0);

      g_assert_true (steady_calendar_get_month_days (store, g_date_time_get_year (to),
                                                     g_date_time_get_month (to), utc, &days, &error));
      g_assert_no_error (error);
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, g_date_time_get_day_of_month (to), g_date_time_get_month (to),
                        g_date_time_get_year (to));
        g_assert_true (steady_calendar_get_week_hours (store, &date, utc, &hours, &error));
        g_assert_no_error (error);
      }
    }

  upcoming = steady_calendar_list_upcoming (store, now, 10, &error);
  g_assert_no_error (error);
}

/* What was imported is exported, and the export reads back. */
static void
export_and_reparse (guint n_added)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyIcsPreview) again = NULL;
  g_autofree char *text = NULL;

  text = steady_ics_export (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  again = steady_ics_parse (store, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steady_ics_preview_count (again, STEADY_ICS_ITEM_NEW), ==, 0);
  g_assert_cmpuint (steady_ics_preview_count (again, STEADY_ICS_ITEM_DUPLICATE), >=, n_added);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Floating times are read in the person's zone: one with daylight
   * saving reaches more of the code. */
  g_setenv ("TZ", "America/New_York", TRUE);
  /* The import checks what it stores: a warning while reading it back
   * or exporting it is a bug, as is a critical anywhere. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  store = fuzz_open_store ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyIcsPreview) preview = NULL;
  guint n_new, n_added = 0;

  preview = steady_ics_parse (store, (const char *)data, size, &error);
  if (preview == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  check_preview (preview);
  n_new = steady_ics_preview_count (preview, STEADY_ICS_ITEM_NEW);

  /* What the preview promised is what the import adds. */
  g_assert_true (steady_ics_import (store, preview, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, n_new);

  if (n_added > 0)
    {
      list_imported ();
      export_and_reparse (n_added);
    }

  /* Each input starts from an empty calendar. */
  g_assert_true (steady_store_write (store, clear_calendar_txn, NULL, &error));
  g_assert_no_error (error);
  fuzz_flush_main_context ();

  return 0;
}
