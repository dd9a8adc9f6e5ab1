/* steady-calendar-page.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-month-view.h"
#include "steady-occurrence.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CALENDAR_PAGE (steady_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyCalendarPage, steady_calendar_page, STEADY, CALENDAR_PAGE, AdwBin)

void             steady_calendar_page_set_store      (SteadyCalendarPage *self,
                                                      SteadyStore        *store);
void             steady_calendar_page_focus_search   (SteadyCalendarPage *self);
void             steady_calendar_page_import_file    (SteadyCalendarPage *self,
                                                      GFile              *file);
void             steady_calendar_page_export_file    (SteadyCalendarPage *self,
                                                      GFile              *file);
void             steady_calendar_page_select_date    (SteadyCalendarPage *self,
                                                      const GDate        *date);
GtkWidget       *steady_calendar_page_open_editor    (SteadyCalendarPage *self,
                                                      SteadyOccurrence   *occurrence);
GtkWidget       *steady_calendar_page_open_session   (SteadyCalendarPage *self,
                                                      SteadyOccurrence   *occurrence);

/* What the page shows, for tests */
SteadyMonthView *steady_calendar_page_get_month_view (SteadyCalendarPage *self);
GListModel      *steady_calendar_page_get_agenda     (SteadyCalendarPage *self);
GListModel      *steady_calendar_page_get_upcoming   (SteadyCalendarPage *self);
const char      *steady_calendar_page_get_hours_text (SteadyCalendarPage *self);
const char      *steady_calendar_page_get_rate_text  (SteadyCalendarPage *self);

G_END_DECLS
