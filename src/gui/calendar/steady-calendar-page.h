/* steady-calendar-page.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CALENDAR_PAGE (steady_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyCalendarPage, steady_calendar_page, STEADY, CALENDAR_PAGE, AdwBin)

void steady_calendar_page_set_store    (SteadyCalendarPage *self,
                                   SteadyStore   *store);
void steady_calendar_page_focus_search (SteadyCalendarPage *self);

G_END_DECLS
