/* steady-reminders-switch.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_REMINDERS_SWITCH (steady_reminders_switch_get_type ())

G_DECLARE_FINAL_TYPE (SteadyRemindersSwitch, steady_reminders_switch, STEADY, REMINDERS_SWITCH, AdwActionRow)

GtkWidget *steady_reminders_switch_new        (GSettings             *settings);
GtkSwitch *steady_reminders_switch_get_switch (SteadyRemindersSwitch *self);

G_END_DECLS
