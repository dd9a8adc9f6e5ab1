/* steady-session-row.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-occurrence.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SESSION_ROW (steady_session_row_get_type ())

G_DECLARE_FINAL_TYPE (SteadySessionRow, steady_session_row, STEADY, SESSION_ROW, AdwActionRow)

GtkWidget        *steady_session_row_new            (SteadyOccurrence *occurrence,
                                                     gboolean          show_date);
SteadyOccurrence *steady_session_row_get_occurrence (SteadySessionRow *self);
gboolean          steady_session_row_matches        (SteadySessionRow *self,
                                                     gint64            series_id,
                                                     const char       *recurrence_id);
GtkWidget        *steady_session_row_get_attendance_button (SteadySessionRow *self);
void              steady_session_row_focus          (SteadySessionRow *self,
                                                     gboolean          attendance);

G_END_DECLS
