/* steady-calendar-page-private.h: shared by the page's source files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-calendar-page.h"
#include "steady-month-view.h"

G_BEGIN_DECLS

struct _SteadyCalendarPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwClamp        *toolbar_clamp;
  AdwClamp        *content_clamp;
  GtkBox          *layout_box;
  GtkWidget       *month_column;
  GtkWidget       *agenda_column;
  SteadyMonthView *month_view;
  GtkLabel        *week_title_label;
  GtkLabel        *hours_label;
  GtkProgressBar  *hours_bar;
  GtkLabel        *week_detail_label;
  GtkLabel        *rate_label;
  GtkLabel        *day_label;
  GtkListBox      *agenda_list;
  GtkListBox      *upcoming_list;

  /* Owned */
  SteadyStore     *store;
  GListModel      *agenda;
  GListModel      *upcoming;
  GCancellable    *cancellable;     /* file reads and writes, import */
  GtkNativeDialog *chooser;
  GDateTime       *loaded_at;
  GDate            loaded_today;
  guint            tick_id;

  guint            wide : 1;
};

GtkWindow *steady_calendar_page_get_window    (SteadyCalendarPage *self);
void       steady_calendar_page_toast         (SteadyCalendarPage *self,
                                               AdwToast           *toast);
void       steady_calendar_page_show_problem  (SteadyCalendarPage *self,
                                               const char         *heading,
                                               const char         *body);

/* steady-calendar-page-marks.c */
void       steady_calendar_page_mark_days     (int                 year,
                                               int                 month,
                                               SteadyMonthMarks   *marks,
                                               gpointer            user_data);

/* steady-calendar-page-summary.c */
void       steady_calendar_page_load_summary  (SteadyCalendarPage *self);

/* steady-calendar-page-ics.c */
void       steady_calendar_page_import_action (GtkWidget          *widget,
                                               const char         *action_name,
                                               GVariant           *parameter);
void       steady_calendar_page_export_action (GtkWidget          *widget,
                                               const char         *action_name,
                                               GVariant           *parameter);

G_END_DECLS
