/* steady-calendar-async.c: the calendar's writes, on the store's worker
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include "steady-calendar.h"
#include "steady-calendar-private.h"

/* Every _async call copies what it is given on the caller's thread, so
 * the caller may go on editing its objects; the sync function then runs
 * on the worker, behind every earlier write. */

typedef enum
{
  OP_ADD,
  OP_UPDATE,
  OP_DELETE,
  OP_SPLIT,
  OP_MODIFY,
  OP_RESET,
  OP_CANCEL,
  OP_ATTENDANCE,
  OP_REFLECTION,
  OP_PROGRAM,
} Op;

typedef struct
{
  Op                   op;
  gint64               series_id;
  char                *recurrence_id;
  SteadySessionSeries *series;
  SteadyProgram       *program;
  GDateTime           *now;
  char                *note;
  char                *homework;
  SteadyAttendance     attendance;
  gboolean             cancelled;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->recurrence_id, g_free);
  g_clear_object (&data->series);
  g_clear_object (&data->program);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_clear_pointer (&data->note, g_free);
  g_clear_pointer (&data->homework, g_free);
  g_free (data);
}

static WriteData *
write_data_new (Op                   op,
                gint64               series_id,
                const char          *recurrence_id,
                SteadySessionSeries *series)
{
  WriteData *data = g_new0 (WriteData, 1);

  data->op = op;
  data->series_id = series_id;
  data->recurrence_id = g_strdup (recurrence_id);
  if (series != NULL)
    data->series = steady_session_series_copy (series);

  return data;
}

static gboolean
write_work (SteadyStore  *store,
            gpointer      user_data,
            gpointer     *result,
            GError      **error)
{
  WriteData *data = user_data;
  gint64 id = 0;
  gboolean ok = FALSE;

  switch (data->op)
    {
    case OP_ADD:
      ok = steady_calendar_add_series (store, data->series, &id, error);
      break;

    case OP_UPDATE:
      ok = steady_calendar_update_series (store, data->series, error);
      break;

    case OP_DELETE:
      ok = steady_calendar_delete_series (store, data->series_id, error);
      break;

    case OP_SPLIT:
      ok = steady_calendar_split_series (store, data->series_id, data->recurrence_id,
                                         data->series, &id, error);
      break;

    case OP_MODIFY:
      ok = steady_calendar_modify_occurrence (store, data->series_id, data->recurrence_id,
                                              data->series, error);
      break;

    case OP_RESET:
      ok = steady_calendar_reset_occurrence (store, data->series_id, data->recurrence_id, error);
      break;

    case OP_CANCEL:
      ok = steady_calendar_set_cancelled (store, data->series_id, data->recurrence_id,
                                          data->cancelled, error);
      break;

    case OP_ATTENDANCE:
      ok = steady_calendar_set_attendance (store, data->series_id, data->recurrence_id,
                                           data->attendance, data->now, error);
      break;

    case OP_REFLECTION:
      ok = steady_calendar_set_reflection (store, data->series_id, data->recurrence_id,
                                           data->note, data->homework, error);
      break;

    case OP_PROGRAM:
      ok = steady_calendar_save_program (store, data->program, error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    *result = g_memdup2 (&id, sizeof id);

  return ok;
}

static void
run_write (SteadyStore         *store,
           WriteData           *data,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  steady_store_run_async (store, write_work, data, (GDestroyNotify)write_data_free, g_free,
                          cancellable, callback, user_data);
}

static gboolean
write_finish (SteadyStore   *store,
              GAsyncResult  *result,
              gint64        *out_id,
              GError       **error)
{
  g_autofree gint64 *id = steady_store_run_finish (store, result, error);

  if (id == NULL)
    return FALSE;

  if (out_id != NULL)
    *out_id = *id;

  return TRUE;
}

/**
 * steady_calendar_add_series_async:
 * @store: a #SteadyStore
 * @series: the series to add; copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * Runs steady_calendar_add_series() on the store's worker.
 */
void
steady_calendar_add_series_async (SteadyStore         *store,
                                  SteadySessionSeries *series,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_SESSION_SERIES (series));

  run_write (store, write_data_new (OP_ADD, 0, NULL, series), cancellable, callback, user_data);
}

/**
 * steady_calendar_add_series_finish:
 * @store: a #SteadyStore
 * @result: the #GAsyncResult
 * @out_id: (out) (optional): the new series' id
 * @error: a location for an error
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_add_series_finish (SteadyStore   *store,
                                   GAsyncResult  *result,
                                   gint64        *out_id,
                                   GError       **error)
{
  return write_finish (store, result, out_id, error);
}

void
steady_calendar_update_series_async (SteadyStore         *store,
                                     SteadySessionSeries *series,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_SESSION_SERIES (series));

  run_write (store, write_data_new (OP_UPDATE, 0, NULL, series), cancellable, callback, user_data);
}

void
steady_calendar_delete_series_async (SteadyStore         *store,
                                     gint64               series_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));

  run_write (store, write_data_new (OP_DELETE, series_id, NULL, NULL), cancellable, callback, user_data);
}

void
steady_calendar_split_series_async (SteadyStore         *store,
                                    gint64               series_id,
                                    const char          *recurrence_id,
                                    SteadySessionSeries *following,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (recurrence_id != NULL);
  g_return_if_fail (STEADY_IS_SESSION_SERIES (following));

  run_write (store, write_data_new (OP_SPLIT, series_id, recurrence_id, following),
             cancellable, callback, user_data);
}

gboolean
steady_calendar_split_series_finish (SteadyStore   *store,
                                     GAsyncResult  *result,
                                     gint64        *out_new_id,
                                     GError       **error)
{
  return write_finish (store, result, out_new_id, error);
}

void
steady_calendar_modify_occurrence_async (SteadyStore         *store,
                                         gint64               series_id,
                                         const char          *recurrence_id,
                                         SteadySessionSeries *fields,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (recurrence_id != NULL);
  g_return_if_fail (STEADY_IS_SESSION_SERIES (fields));

  run_write (store, write_data_new (OP_MODIFY, series_id, recurrence_id, fields),
             cancellable, callback, user_data);
}

void
steady_calendar_reset_occurrence_async (SteadyStore         *store,
                                        gint64               series_id,
                                        const char          *recurrence_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (recurrence_id != NULL);

  run_write (store, write_data_new (OP_RESET, series_id, recurrence_id, NULL),
             cancellable, callback, user_data);
}

void
steady_calendar_set_cancelled_async (SteadyStore         *store,
                                     gint64               series_id,
                                     const char          *recurrence_id,
                                     gboolean             cancelled,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  WriteData *data;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (recurrence_id != NULL);

  data = write_data_new (OP_CANCEL, series_id, recurrence_id, NULL);
  data->cancelled = cancelled;
  run_write (store, data, cancellable, callback, user_data);
}

/**
 * steady_calendar_set_attendance_async:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @attendance: the mark
 * @now: (nullable): the current time, or %NULL for the clock's at this call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 */
void
steady_calendar_set_attendance_async (SteadyStore         *store,
                                      gint64               series_id,
                                      const char          *recurrence_id,
                                      SteadyAttendance     attendance,
                                      GDateTime           *now,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  WriteData *data;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (recurrence_id != NULL);

  data = write_data_new (OP_ATTENDANCE, series_id, recurrence_id, NULL);
  data->attendance = attendance;
  data->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  run_write (store, data, cancellable, callback, user_data);
}

void
steady_calendar_set_reflection_async (SteadyStore         *store,
                                      gint64               series_id,
                                      const char          *recurrence_id,
                                      const char          *note,
                                      const char          *homework,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  WriteData *data;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (recurrence_id != NULL);

  data = write_data_new (OP_REFLECTION, series_id, recurrence_id, NULL);
  data->note = g_strdup (note);
  data->homework = g_strdup (homework);
  run_write (store, data, cancellable, callback, user_data);
}

void
steady_calendar_save_program_async (SteadyStore         *store,
                                    SteadyProgram       *program,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  WriteData *data;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_PROGRAM (program));

  data = write_data_new (OP_PROGRAM, 0, NULL, NULL);
  data->program = steady_program_copy (program);
  run_write (store, data, cancellable, callback, user_data);
}

/* The _finish() of every write that gives back nothing but success. */
#define DEFINE_WRITE_FINISH(name)                                         \
  gboolean                                                                \
  steady_calendar_##name##_finish (SteadyStore   *store,                  \
                                   GAsyncResult  *result,                 \
                                   GError       **error)                  \
  {                                                                       \
    return write_finish (store, result, NULL, error);                     \
  }

DEFINE_WRITE_FINISH (update_series)
DEFINE_WRITE_FINISH (delete_series)
DEFINE_WRITE_FINISH (modify_occurrence)
DEFINE_WRITE_FINISH (reset_occurrence)
DEFINE_WRITE_FINISH (set_cancelled)
DEFINE_WRITE_FINISH (set_attendance)
DEFINE_WRITE_FINISH (set_reflection)
DEFINE_WRITE_FINISH (save_program)
