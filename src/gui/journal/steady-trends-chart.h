/* steady-trends-chart.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_TYPE_TRENDS_CHART (steady_trends_chart_get_type ())

G_DECLARE_FINAL_TYPE (SteadyTrendsChart, steady_trends_chart, STEADY, TRENDS_CHART, GtkWidget)

GtkWidget  *steady_trends_chart_new              (void);
void        steady_trends_chart_set_days         (SteadyTrendsChart *self,
                                                  GArray            *days);
GArray     *steady_trends_chart_get_days         (SteadyTrendsChart *self);
void        steady_trends_chart_set_summary_text (SteadyTrendsChart *self,
                                                  const char        *text);
const char *steady_trends_chart_get_summary_text (SteadyTrendsChart *self);

G_END_DECLS
