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
 * @out_marks: (out): bit `d - 1` of each field is set for day `d`
 *
 * Fills in which days of a month to mark.
 */
typedef struct
{
  guint32 sessions;    /* a session that is not cancelled */
  guint32 attended;    /* all of the day's marked sessions attended */
  guint32 missed;      /* a session marked missed */
} SteadyMonthMarks;

typedef void (*SteadyMonthMarkFunc) (int               year,
                                     int               month,
                                     SteadyMonthMarks *out_marks,
                                     gpointer          user_data);

/**
 * SteadyMonthMark:
 * @STEADY_MONTH_MARK_NONE: no sessions
 * @STEADY_MONTH_MARK_SESSIONS: sessions, none attended or missed yet
 * @STEADY_MONTH_MARK_ATTENDED: sessions, attended
 * @STEADY_MONTH_MARK_MISSED: a session missed
 *
 * What the mark under a day says.
 */
typedef enum
{
  STEADY_MONTH_MARK_NONE,
  STEADY_MONTH_MARK_SESSIONS,
  STEADY_MONTH_MARK_ATTENDED,
  STEADY_MONTH_MARK_MISSED,
} SteadyMonthMark;

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
SteadyMonthMark steady_month_view_get_mark (SteadyMonthView     *self,
                                            const GDate         *date);
void       steady_month_view_focus_day     (SteadyMonthView     *self);

G_END_DECLS
