/* steady-calendar-private.h: what the calendar's own files share
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libical/ical.h>

#include "steady-occurrence.h"
#include "steady-session-series.h"
#include "steady-store-private.h"

G_BEGIN_DECLS

/* Limits that keep hostile or broken input bounded in time and memory. */
#define STEADY_CALENDAR_MAX_DURATION  (24 * 60 * 60)
#define STEADY_CALENDAR_MAX_COUNT     5000
#define STEADY_CALENDAR_MAX_INTERVAL  1000
/* Steps of the recurrence iterator per expansion of one series: more than
 * a century of daily sessions. */
#define STEADY_CALENDAR_MAX_STEPS     100000
#define STEADY_CALENDAR_MAX_LINE      1024
#define STEADY_CALENDAR_MAX_TEXT      65536
#define STEADY_CALENDAR_MAX_TZID      255
#define STEADY_CALENDAR_MIN_YEAR      1900
#define STEADY_CALENDAR_MAX_YEAR      2199

/* A wall-clock time is a local date and time counted in seconds since
 * 1970-01-01 00:00:00 of the same calendar, as if no zone had offsets or
 * daylight saving: "2026-03-08T02:30:00" is one number whether or not
 * that moment exists in New York. A zone turns it into an instant. */
gint64         steady_wall_from_fields        (int                   year,
                                               int                   month,
                                               int                   day,
                                               int                   hour,
                                               int                   minute,
                                               int                   second);
void           steady_wall_to_fields          (gint64                wall,
                                               int                  *year,
                                               int                  *month,
                                               int                  *day,
                                               int                  *hour,
                                               int                  *minute,
                                               int                  *second);
gboolean       steady_wall_parse              (const char           *text,
                                               gint64               *out_wall);
char          *steady_wall_format             (gint64                wall);
gboolean       steady_wall_is_supported       (gint64                wall);
struct icaltimetype steady_wall_to_icaltime   (gint64                wall);
gint64         steady_wall_from_icaltime      (struct icaltimetype   tt);
struct icaltimetype steady_utc_to_icaltime    (gint64                utc);

typedef struct _SteadyZone SteadyZone;

gboolean       steady_calendar_tzid_is_sane   (const char           *tzid);
char          *steady_calendar_dup_local_tzid (void);
SteadyZone    *steady_zone_get                (const char           *tzid);
SteadyZone    *steady_zone_new_from_vtimezone (const char           *tzid,
                                               const char           *vtimezone,
                                               GError              **error);
SteadyZone    *steady_zone_lookup             (SteadyStore          *store,
                                               sqlite3              *db,
                                               const char           *tzid,
                                               GError              **error);
SteadyZone    *steady_zone_ref                (SteadyZone           *zone);
void           steady_zone_unref              (SteadyZone           *zone);
const char    *steady_zone_get_tzid           (SteadyZone           *zone);
const char    *steady_zone_get_vtimezone      (SteadyZone           *zone);
gboolean       steady_zone_is_utc             (SteadyZone           *zone);
gint64         steady_zone_to_utc             (SteadyZone           *zone,
                                               gint64                wall);
gint64         steady_zone_to_wall            (SteadyZone           *zone,
                                               gint64                utc);
icalcomponent *steady_zone_dup_vtimezone      (SteadyZone           *zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyZone, steady_zone_unref)

typedef struct _SteadyRecurIter SteadyRecurIter;

char          *steady_rrule_normalize         (const char           *rrule,
                                               SteadyZone           *zone,
                                               gint64                start_wall,
                                               gboolean             *out_repeats,
                                               GError              **error);
SteadyRecurIter *steady_recur_iter_new        (const char           *rrule,
                                               SteadyZone           *zone,
                                               gint64                start_wall,
                                               gint64                from_wall,
                                               guint                 max_steps);
gboolean       steady_recur_iter_next         (SteadyRecurIter      *self,
                                               gint64               *out_wall);
guint          steady_recur_iter_get_steps    (SteadyRecurIter      *self);
gboolean       steady_recur_iter_is_capped    (SteadyRecurIter      *self);
void           steady_recur_iter_free         (SteadyRecurIter      *self);
guint          steady_rrule_changes_per_year  (const struct icalrecurrencetype *rule,
                                               int                              start_day);
gboolean       steady_recur_has_instance      (const char           *rrule,
                                               SteadyZone           *zone,
                                               gint64                start_wall,
                                               gint64                wall,
                                               guint                *inout_budget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyRecurIter, steady_recur_iter_free)

/* A series checked and made ready for storage. */
typedef struct
{
  SteadyZone *zone;
  char       *rrule;
  gint64      start_wall;
  gint64      first_utc;
  gint64      last_end_utc;
  gboolean    endless;
} SteadySeriesTimes;

void           steady_series_times_clear      (SteadySeriesTimes    *times);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SteadySeriesTimes, steady_series_times_clear)

gboolean       steady_calendar_check_text     (const char           *what,
                                               const char           *text,
                                               gsize                 max_bytes,
                                               gboolean              required,
                                               GError              **error);
gboolean       steady_calendar_check_series   (SteadySessionSeries  *series,
                                               SteadyZone           *zone,
                                               SteadySeriesTimes    *out,
                                               GError              **error);

/* One occurrence that differs from its series, keyed by its original
 * start (RECURRENCE-ID) as local wall-clock text in the series' zone. */
typedef struct
{
  char     *recurrence_id;
  gboolean  cancelled;
  gboolean  moved;
  gint64    start_utc;
  gboolean  has_duration;
  gint64    duration;
  int       kind;
  char     *title;
  char     *location;
  char     *facilitator;
  char     *notes;
} SteadyExceptionData;

SteadyExceptionData *steady_exception_data_new      (const char                *recurrence_id);
SteadyExceptionData *steady_exception_data_copy     (const SteadyExceptionData *data);
void                 steady_exception_data_free     (SteadyExceptionData       *data);
gboolean             steady_exception_data_is_empty (const SteadyExceptionData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyExceptionData, steady_exception_data_free)

icalcomponent *steady_ics_reader_parse        (const char           *text,
                                               gsize                 length);

/* Storage helpers shared with steady-ics.c; @db is the connection that
 * steady_store_write() hands its function. */
gboolean       steady_calendar_read_locked        (SteadyStore          *store,
                                                   SteadyStoreTxnFunc    func,
                                                   gpointer              data,
                                                   GError              **error);
gboolean       steady_calendar_uid_exists         (SteadyStore          *store,
                                                   sqlite3              *db,
                                                   const char           *uid,
                                                   gboolean             *out_exists,
                                                   GError              **error);
gboolean       steady_calendar_insert_series      (SteadyStore          *store,
                                                   sqlite3              *db,
                                                   SteadySessionSeries  *series,
                                                   gint64               *out_id,
                                                   GError              **error);
gboolean       steady_calendar_insert_exception   (SteadyStore          *store,
                                                   sqlite3              *db,
                                                   gint64                series_id,
                                                   const SteadyExceptionData *data,
                                                   GError              **error);
gboolean       steady_calendar_insert_timezone    (SteadyStore          *store,
                                                   sqlite3              *db,
                                                   const char           *tzid,
                                                   const char           *vtimezone,
                                                   GError              **error);
GPtrArray     *steady_calendar_load_series_all    (SteadyStore          *store,
                                                   sqlite3              *db,
                                                   GError              **error);
GPtrArray     *steady_calendar_load_exceptions    (SteadyStore          *store,
                                                   sqlite3              *db,
                                                   gint64                series_id,
                                                   GError              **error);

/* Shared by the calendar's own files (steady-calendar*.c). */

#define STEADY_CALENDAR_SERIES_COLUMNS \
  "id, uid, kind, title, location, facilitator, notes, tzid, start_local, duration, rrule"

#define STEADY_CALENDAR_EXCEPTION_COLUMNS \
  "recurrence_id, cancelled, start_utc, duration, kind, title, location, facilitator, notes"

static inline const char *
steady_calendar_column_text (sqlite3_stmt *stmt,
                             int           col)
{
  return (const char *)sqlite3_column_text (stmt, col);
}

static inline gint64
steady_calendar_now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static inline void
steady_calendar_bind_text_or_null (sqlite3_stmt *stmt,
                                   int           col,
                                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

/* A series read from the table, with its zone resolved. */
typedef struct
{
  SteadySessionSeries *series;
  SteadyZone          *zone;
  gint64               start_wall;
} SteadyLoadedSeries;

void                 steady_loaded_series_free         (SteadyLoadedSeries   *loaded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyLoadedSeries, steady_loaded_series_free)

SteadyLoadedSeries  *steady_calendar_load_series       (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        gint64                series_id,
                                                        GError              **error);
GPtrArray           *steady_calendar_load_series_where (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        const char           *sql,
                                                        gint64                a,
                                                        gint64                b,
                                                        GError              **error);
gboolean             steady_calendar_check_instance    (SteadyLoadedSeries   *loaded,
                                                        const char           *recurrence_id,
                                                        gint64               *out_wall,
                                                        GError              **error);
SteadyZone          *steady_calendar_lookup_zone       (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        SteadySessionSeries  *series,
                                                        GError              **error);
gboolean             steady_calendar_write_series_row  (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        gint64                series_id,
                                                        SteadySessionSeries  *series,
                                                        const char           *uid,
                                                        SteadySeriesTimes    *times,
                                                        GError              **error);
SteadyExceptionData *steady_calendar_exception_from_row (sqlite3_stmt        *stmt,
                                                         int                  first);
gboolean             steady_calendar_get_exception     (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        gint64                series_id,
                                                        const char           *recurrence_id,
                                                        SteadyExceptionData **out,
                                                        GError              **error);
gboolean             steady_calendar_run_keyed         (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        const char           *sql,
                                                        gint64                series_id,
                                                        const char           *key,
                                                        const char           *what,
                                                        GError              **error);
gboolean             steady_calendar_delete_exception  (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        gint64                series_id,
                                                        const char           *recurrence_id,
                                                        GError              **error);

gboolean             steady_calendar_commit            (SteadyStore          *store,
                                                        SteadyStoreTxnFunc    func,
                                                        gpointer              data,
                                                        GError              **error);

/* Reads of the calendar (steady-calendar-read.c). */
gboolean             steady_calendar_begin_read        (sqlite3              *db,
                                                        GError              **error);
void                 steady_calendar_end_read          (sqlite3              *db);
gboolean             steady_calendar_collect_range     (SteadyStore          *store,
                                                        sqlite3              *db,
                                                        gint64                from,
                                                        gint64                to,
                                                        GPtrArray            *out,
                                                        GError              **error);
gint64               steady_calendar_local_midnight    (GTimeZone            *zone,
                                                        int                   year,
                                                        int                   month,
                                                        int                   day);

/* Internal constructors and setters of the value types. */
void              steady_session_series_set_id      (SteadySessionSeries       *self,
                                                     gint64                     id);
SteadyOccurrence *steady_occurrence_new             (SteadySessionSeries       *series,
                                                     const char                *recurrence_id,
                                                     const char                *start_local,
                                                     gint64                     start_utc);
void              steady_occurrence_apply_exception (SteadyOccurrence          *self,
                                                     const SteadyExceptionData *data,
                                                     const char                *start_local);
void              steady_occurrence_set_reflection  (SteadyOccurrence          *self,
                                                     SteadyAttendance           attendance,
                                                     const char                *note,
                                                     const char                *homework);

G_END_DECLS
