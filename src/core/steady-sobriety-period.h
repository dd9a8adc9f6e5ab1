/* steady-sobriety-period.h: one attempt at staying sober
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEADY_TYPE_SOBRIETY_PERIOD (steady_sobriety_period_get_type ())

G_DECLARE_FINAL_TYPE (SteadySobrietyPeriod, steady_sobriety_period, STEADY, SOBRIETY_PERIOD, GObject)

const GDate *steady_sobriety_period_get_start  (SteadySobrietyPeriod *self);
const GDate *steady_sobriety_period_get_end    (SteadySobrietyPeriod *self);
gboolean     steady_sobriety_period_is_current (SteadySobrietyPeriod *self);
guint        steady_sobriety_period_get_days   (SteadySobrietyPeriod *self);

G_END_DECLS
