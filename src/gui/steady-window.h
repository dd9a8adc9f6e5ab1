/* steady-window.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-application.h"
#include "steady-calendar-page.h"
#include "steady-journal-page.h"
#include "steady-lessons-page.h"
#include "steady-today-page.h"

G_BEGIN_DECLS

#define STEADY_TYPE_WINDOW (steady_window_get_type ())

G_DECLARE_FINAL_TYPE (SteadyWindow, steady_window, STEADY, WINDOW, AdwApplicationWindow)

SteadyWindow *steady_window_new              (SteadyApplication *application);
const char   *steady_window_get_visible_page (SteadyWindow      *self);
gboolean      steady_window_is_showing_error (SteadyWindow      *self);
void          steady_window_add_toast        (SteadyWindow      *self,
                                              const char        *title);

SteadyLessonsPage  *steady_window_get_lessons_page  (SteadyWindow *self);
SteadyJournalPage  *steady_window_get_journal_page  (SteadyWindow *self);
SteadyCalendarPage *steady_window_get_calendar_page (SteadyWindow *self);
SteadyTodayPage    *steady_window_get_today_page    (SteadyWindow *self);

G_END_DECLS
