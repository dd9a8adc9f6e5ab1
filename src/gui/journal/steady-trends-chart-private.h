/* steady-trends-chart-private.h: shared by the trends chart's files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-trends-chart.h"

G_BEGIN_DECLS

/* A day, or a week on a long period, as drawn: the same fields as a
 * SteadyJournalDay, over a span of days. */
typedef struct
{
  GDate  first;
  GDate  last;
  guint  n_entries;
  double mood;
  int    craving_peak;
} SteadyTrendsChartBucket;

/* steady-trends-chart-buckets.c */
char   *steady_trends_chart_format_date     (const GDate                   *date,
                                             gboolean                       with_year);
guint   steady_trends_chart_get_bucket_size (guint                          n_days,
                                             double                         width);
GArray *steady_trends_chart_make_buckets    (GArray                        *days,
                                             guint                          size);
char   *steady_trends_chart_describe_bucket (const SteadyTrendsChartBucket *bucket);

G_END_DECLS
