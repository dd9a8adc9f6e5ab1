/* steady-month-view.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_TYPE_MONTH_VIEW (steady_month_view_get_type ())

G_DECLARE_FINAL_TYPE (SteadyMonthView, steady_month_view, STEADY, MONTH_VIEW, GtkWidget)

/**
 * SteadyMonthMarkFunc:
 * @year: the year
 * @month: the month, 1 to 12
 * @user_data: what was given with the function
 *
 * Returns: bit `d - 1` set for each day `d` of the month to mark
 */
typedef guint32 (*SteadyMonthMarkFunc) (int      year,
                                        int      month,
                                        gpointer user_data);

GtkWidget *steady_month_view_new           (void);
void       steady_month_view_get_date      (SteadyMonthView     *self,
                                            GDate               *out_date);
void       steady_month_view_set_date      (SteadyMonthView     *self,
                                            const GDate         *date);
void       steady_month_view_set_mark_func (SteadyMonthView     *self,
                                            SteadyMonthMarkFunc  func,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);
void       steady_month_view_refresh       (SteadyMonthView     *self);
gboolean   steady_month_view_is_marked     (SteadyMonthView     *self,
                                            const GDate         *date);
void       steady_month_view_focus_day     (SteadyMonthView     *self);

G_END_DECLS
