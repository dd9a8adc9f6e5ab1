/* steady-preferences-window.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PREFERENCES_WINDOW (steady_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SteadyPreferencesWindow, steady_preferences_window, STEADY, PREFERENCES_WINDOW, AdwPreferencesWindow)

SteadyPreferencesWindow *steady_preferences_window_new                (SteadyStore             *store);
GtkCalendar             *steady_preferences_window_get_sober_calendar (SteadyPreferencesWindow *self);

G_END_DECLS
