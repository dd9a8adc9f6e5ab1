/* steady-sobriety.h: sober days, and the history of attempts
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-sobriety-period.h"
#include "steady-store.h"

G_BEGIN_DECLS

/**
 * SteadySobrietySummary:
 * @active: whether a count is running
 * @start: the current attempt's first day, when @active
 * @current_days: whole days since @start (0 on the first day)
 * @total_days: sober days over every attempt, the current one included
 * @n_periods: attempts, the current one included
 */
typedef struct
{
  gboolean active;
  GDate    start;
  guint    current_days;
  guint    total_days;
  guint    n_periods;
} SteadySobrietySummary;

gboolean    steady_sobriety_get_summary    (SteadyStore            *store,
                                            const GDate            *today,
                                            SteadySobrietySummary  *summary,
                                            GError                **error);
GListModel *steady_sobriety_list_periods   (SteadyStore            *store,
                                            const GDate            *today,
                                            GError                **error);

gboolean    steady_sobriety_set_start      (SteadyStore            *store,
                                            const GDate            *start,
                                            GError                **error);
void        steady_sobriety_set_start_async (SteadyStore           *store,
                                            const GDate            *start,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
gboolean    steady_sobriety_set_start_finish (SteadyStore          *store,
                                            GAsyncResult           *result,
                                            GError                **error);

gboolean    steady_sobriety_restart        (SteadyStore            *store,
                                            const GDate            *lapse_day,
                                            const GDate            *new_start,
                                            GError                **error);
void        steady_sobriety_restart_async  (SteadyStore            *store,
                                            const GDate            *lapse_day,
                                            const GDate            *new_start,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
gboolean    steady_sobriety_restart_finish (SteadyStore            *store,
                                            GAsyncResult           *result,
                                            GError                **error);

G_END_DECLS
