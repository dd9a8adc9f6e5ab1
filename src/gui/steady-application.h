/* steady-application.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_APPLICATION (steady_application_get_type ())

G_DECLARE_FINAL_TYPE (SteadyApplication, steady_application, STEADY, APPLICATION, AdwApplication)

SteadyApplication *steady_application_new             (const char         *application_id,
                                                       GApplicationFlags   flags);
SteadyStore       *steady_application_get_store       (SteadyApplication  *self);
const GError      *steady_application_get_store_error (SteadyApplication  *self);
gboolean           steady_application_reopen_store    (SteadyApplication  *self);
gboolean           steady_application_get_reminders_running (SteadyApplication *self);

G_END_DECLS
