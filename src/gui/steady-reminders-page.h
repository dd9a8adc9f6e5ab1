/* steady-reminders-page.h: the Reminders page of Preferences
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_REMINDERS_PAGE (steady_reminders_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyRemindersPage, steady_reminders_page, STEADY, REMINDERS_PAGE, AdwPreferencesPage)

SteadyRemindersPage *steady_reminders_page_new          (GSettings           *settings);
GSettings           *steady_reminders_page_get_settings (SteadyRemindersPage *self);

G_END_DECLS
