/* steady-welcome-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"
#include "steady-time-row.h"

G_BEGIN_DECLS

#define STEADY_WELCOME_DONE_KEY "welcome.done"
#define STEADY_WELCOME_PAGE_KEY "welcome.page"

#define STEADY_TYPE_WELCOME_DIALOG (steady_welcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyWelcomeDialog, steady_welcome_dialog, STEADY, WELCOME_DIALOG, AdwWindow)

GtkWidget  *steady_welcome_dialog_new             (SteadyStore         *store);
gboolean    steady_welcome_dialog_should_show     (SteadyStore         *store);
const char *steady_welcome_dialog_get_page        (SteadyWelcomeDialog *self);
GtkCalendar *steady_welcome_dialog_get_calendar   (SteadyWelcomeDialog *self);
SteadyTimeRow *steady_welcome_dialog_get_time_row (SteadyWelcomeDialog *self);

G_END_DECLS
