/* steady-time-row.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_TIME_ROW (steady_time_row_get_type ())

G_DECLARE_FINAL_TYPE (SteadyTimeRow, steady_time_row, STEADY, TIME_ROW, AdwActionRow)

GtkWidget *steady_time_row_new  (GSettings     *settings,
                                 const char    *key,
                                 const char    *title,
                                 const char    *hour_label,
                                 const char    *minute_label);
void       steady_time_row_set  (SteadyTimeRow *self,
                                 guint          hour,
                                 guint          minute);

G_END_DECLS
