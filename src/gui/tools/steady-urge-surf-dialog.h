/* steady-urge-surf-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

/**
 * SteadyUrgeSurfClockFunc:
 * @user_data: what was given with the function
 *
 * The dialog's clock, for tests that move time on without waiting.
 *
 * Returns: monotonic time in microseconds, as g_get_monotonic_time()
 */
typedef gint64 (*SteadyUrgeSurfClockFunc) (gpointer user_data);

#define STEADY_TYPE_URGE_SURF_DIALOG (steady_urge_surf_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyUrgeSurfDialog, steady_urge_surf_dialog, STEADY, URGE_SURF_DIALOG, AdwWindow)

GtkWidget  *steady_urge_surf_dialog_new        (SteadyStore             *store);
void        steady_urge_surf_dialog_set_clock  (SteadyUrgeSurfDialog    *self,
                                                SteadyUrgeSurfClockFunc  clock,
                                                gpointer                 user_data);
void        steady_urge_surf_dialog_tick       (SteadyUrgeSurfDialog    *self);
const char *steady_urge_surf_dialog_get_page   (SteadyUrgeSurfDialog    *self);
GtkWidget  *steady_urge_surf_dialog_get_widget (SteadyUrgeSurfDialog    *self,
                                                const char              *name);

G_END_DECLS
