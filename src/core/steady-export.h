/* steady-export.h: the person's data in their own hands
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-store.h"

G_BEGIN_DECLS

/* The columns of the check-ins CSV, in order. */
typedef enum
{
  STEADY_EXPORT_CHECKIN_AT,
  STEADY_EXPORT_CHECKIN_MOOD,
  STEADY_EXPORT_CHECKIN_CRAVING,
  STEADY_EXPORT_CHECKIN_EMOTIONS,
  STEADY_EXPORT_CHECKIN_TRIGGERS,
  STEADY_EXPORT_CHECKIN_SKILLS,
  STEADY_EXPORT_CHECKIN_SLEEP,
  STEADY_EXPORT_CHECKIN_SUBSTANCE_USE,
  STEADY_EXPORT_CHECKIN_LAPSE_WHAT,
  STEADY_EXPORT_CHECKIN_LAPSE_NOTE,
  STEADY_EXPORT_CHECKIN_NOTES,
  STEADY_EXPORT_CHECKIN_N_COLUMNS,
} SteadyExportCheckinColumn;

/* The columns of the attendance CSV, in order. */
typedef enum
{
  STEADY_EXPORT_SESSION_START,
  STEADY_EXPORT_SESSION_MINUTES,
  STEADY_EXPORT_SESSION_KIND,
  STEADY_EXPORT_SESSION_TITLE,
  STEADY_EXPORT_SESSION_STATUS,
  STEADY_EXPORT_SESSION_NOTE,
  STEADY_EXPORT_SESSION_HOMEWORK,
  STEADY_EXPORT_SESSION_N_COLUMNS,
} SteadyExportSessionColumn;

/* Between the labels of a list in one CSV field */
#define STEADY_EXPORT_LIST_SEPARATOR "; "

gboolean steady_export_checkins_csv          (SteadyStore          *store,
                                              GOutputStream        *out,
                                              GCancellable         *cancellable,
                                              GError              **error);
void     steady_export_checkins_csv_async    (SteadyStore          *store,
                                              GOutputStream        *out,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean steady_export_checkins_csv_finish   (SteadyStore          *store,
                                              GAsyncResult         *result,
                                              GError              **error);

gboolean steady_export_attendance_csv        (SteadyStore          *store,
                                              GOutputStream        *out,
                                              GDateTime            *now,
                                              GCancellable         *cancellable,
                                              GError              **error);
void     steady_export_attendance_csv_async  (SteadyStore          *store,
                                              GOutputStream        *out,
                                              GDateTime            *now,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean steady_export_attendance_csv_finish (SteadyStore          *store,
                                              GAsyncResult         *result,
                                              GError              **error);

gboolean steady_export_full                  (SteadyStore          *store,
                                              GFile                *dest,
                                              GCancellable         *cancellable,
                                              GError              **error);
void     steady_export_full_async            (SteadyStore          *store,
                                              GFile                *dest,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean steady_export_full_finish           (SteadyStore          *store,
                                              GAsyncResult         *result,
                                              GError              **error);

gboolean steady_export_check_full            (GFile                *file,
                                              GError              **error);

gboolean steady_export_delete_all            (const char           *db_path,
                                              GError              **error);

G_END_DECLS
