/* steady-trends-chart-buckets.c: the days of the chart, grouped and
 * put in words
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-trends-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-stats.h"
#include "steady-trends-chart-private.h"

/* Narrower than this, a day gives way to a week. */
#define MIN_DAY_WIDTH 3.0

static GDateTime *
date_time_new (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                12, 0, 0);
}

/**
 * steady_trends_chart_format_date:
 * @date: a day
 * @with_year: whether to give the year too
 *
 * Returns: (transfer full): @date in a short local form, such as "May 14"
 */
char *
steady_trends_chart_format_date (const GDate *date,
                                 gboolean     with_year)
{
  g_autoptr(GDateTime) date_time = date_time_new (date);

  if (date_time == NULL)
    return g_strdup ("");

  if (with_year)
    /* Translators: a date under the trends chart, in strftime() format;
     * "%b %-d, %Y" gives "May 14, 2025". Reorder it as your language
     * writes short dates. */
    return g_date_time_format (date_time, _("%b %-d, %Y"));

  /* Translators: a date under the trends chart, in strftime() format;
   * "%b %-d" gives "May 14". Reorder it as your language writes short
   * dates. */
  return g_date_time_format (date_time, _("%b %-d"));
}

/**
 * steady_trends_chart_get_bucket_size:
 * @n_days: the days to draw
 * @width: the width they have, in pixels
 *
 * Day by day while each day gets a few pixels; on a year, week by week,
 * so that the chart shows a trend rather than a comb.
 *
 * Returns: how many days each bucket holds: 1 or 7
 */
guint
steady_trends_chart_get_bucket_size (guint  n_days,
                                     double width)
{
  return width / n_days >= MIN_DAY_WIDTH ? 1 : 7;
}

/**
 * steady_trends_chart_make_buckets:
 * @days: (element-type SteadyJournalDay): the days, oldest first
 * @size: days a bucket
 *
 * Buckets end on the last day, so that the newest week is a whole one;
 * the oldest may be short. A bucket's mood is the mean of its days'
 * moods, each day counting once as in the summary; its craving is the
 * strongest.
 *
 * Returns: (transfer full) (element-type SteadyTrendsChartBucket): the
 *   buckets, oldest first
 */
GArray *
steady_trends_chart_make_buckets (GArray *days,
                                  guint   size)
{
  guint n_buckets = (days->len + size - 1) / size;
  guint missing = n_buckets * size - days->len;
  GArray *buckets = g_array_sized_new (FALSE, TRUE, sizeof (SteadyTrendsChartBucket), n_buckets);

  for (guint b = 0; b < n_buckets; b++)
    {
      SteadyTrendsChartBucket bucket = { .n_entries = 0, .mood = -1, .craving_peak = -1 };
      guint start = b == 0 ? 0 : b * size - missing;
      guint end = (b + 1) * size - missing;
      guint n_mood_days = 0;
      double sum = 0;

      for (guint i = start; i < end; i++)
        {
          const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);

          if (day->n_entries == 0)
            continue;

          bucket.n_entries += day->n_entries;
          bucket.craving_peak = MAX (bucket.craving_peak, day->craving_peak);
          if (day->mood >= 0)
            {
              sum += day->mood;
              n_mood_days++;
            }
        }

      bucket.first = g_array_index (days, SteadyJournalDay, start).date;
      bucket.last = g_array_index (days, SteadyJournalDay, end - 1).date;
      if (n_mood_days > 0)
        bucket.mood = sum / n_mood_days;
      g_array_append_val (buckets, bucket);
    }

  return buckets;
}

/**
 * steady_trends_chart_describe_bucket:
 * @bucket: a day or a week
 *
 * Returns: (transfer full): what a tooltip says of @bucket
 */
char *
steady_trends_chart_describe_bucket (const SteadyTrendsChartBucket *bucket)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_date_compare (&bucket->first, &bucket->last) == 0)
    {
      g_autoptr(GDateTime) date_time = date_time_new (&bucket->first);

      if (date_time != NULL)
        {
          /* Translators: the day in a chart tooltip, in strftime() format;
           * "%A, %B %-d" gives "Tuesday, May 14". */
          g_autofree char *date = g_date_time_format (date_time, _("%A, %B %-d"));

          g_string_append (text, date);
        }
    }
  else
    {
      gboolean with_year = g_date_get_year (&bucket->first) != g_date_get_year (&bucket->last);
      g_autofree char *first = steady_trends_chart_format_date (&bucket->first, with_year);
      g_autofree char *last = steady_trends_chart_format_date (&bucket->last, with_year);

      /* Translators: a week in a chart tooltip, from one date to another */
      g_string_append_printf (text, _("%s – %s"), first, last);
    }

  g_string_append_c (text, '\n');

  if (bucket->n_entries == 0)
    {
      g_string_append (text, _("No check-ins"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (bucket->mood >= 0)
    /* Translators: the average mood of a day or a week, such as 6.5 */
    g_string_append_printf (text, _("Average mood: %.1f out of 10"), bucket->mood);
  else
    g_string_append (text, _("Mood: not logged"));

  g_string_append_c (text, '\n');
  if (bucket->craving_peak >= 0)
    g_string_append_printf (text, _("Peak craving: %d out of 10"), bucket->craving_peak);
  else
    g_string_append (text, _("Peak craving: not logged"));

  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u check-in", "%u check-ins", bucket->n_entries),
                          bucket->n_entries);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
