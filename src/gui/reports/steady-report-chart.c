/* steady-report-chart.c: the report's mood and craving chart
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-report"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-stats.h"
#include "steady-report-renderer-private.h"

/* As in the app's trends chart: one scale, 0 at the bottom and 10 at the
 * top; mood is a line with points, craving a bar, so the two differ in
 * shape and not only in colour (a report is often printed in grey). A
 * day without a check-in is a gap in the line and no bar, never a 0. */

#define SCALE_MAX      10.0
#define AXIS_WIDTH     20.0
#define LABEL_GAP      4.0
#define LEGEND_GAP     10.0
#define LEGEND_SPACING 4.0
#define SAMPLE_WIDTH   22.0
#define SAMPLE_GAP     6.0
#define MAX_BAR_WIDTH  14.0
#define ZERO_BAR       1.0
#define POINT_RADIUS   2.8

typedef struct
{
  PangoLayout *mood;
  PangoLayout *craving;
  PangoLayout *gaps;
} Legend;

static void
legend_clear (Legend *legend)
{
  g_clear_object (&legend->mood);
  g_clear_object (&legend->craving);
  g_clear_object (&legend->gaps);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Legend, legend_clear)

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double)height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);

  return (double)width / PANGO_SCALE;
}

static void
make_legend (PangoContext *context,
             double        width,
             Legend       *legend)
{
  double text_width = width - SAMPLE_WIDTH - SAMPLE_GAP;

  legend->mood = steady_report_create_layout (context, STEADY_REPORT_FONT_SMALL,
                                              _("Line with dots: mood, the average of the day, from 1 (very low) to 10 (very good)"),
                                              text_width);
  legend->craving = steady_report_create_layout (context, STEADY_REPORT_FONT_SMALL,
                                                 _("Bars: craving, the strongest of the day, from 0 (none) to 10 (very strong)"),
                                                 text_width);
  legend->gaps = steady_report_create_layout (context, STEADY_REPORT_FONT_SMALL,
                                              _("Days without a check-in are left blank."),
                                              width);
}

static double
labels_height (PangoContext *context)
{
  g_autoptr(PangoLayout) sample = steady_report_create_layout (context, STEADY_REPORT_FONT_SMALL, "0", -1);

  return layout_height (sample);
}

/**
 * steady_report_chart_get_height:
 * @context: the context text is measured in
 * @width: the width the chart gets
 *
 * Returns: the height the chart and its legend take
 */
double
steady_report_chart_get_height (PangoContext *context,
                                double        width)
{
  g_auto(Legend) legend = { NULL, };

  make_legend (context, width, &legend);

  return STEADY_REPORT_CHART_HEIGHT + LABEL_GAP + labels_height (context) + LEGEND_GAP +
         layout_height (legend.mood) + LEGEND_SPACING +
         layout_height (legend.craving) + LEGEND_SPACING +
         layout_height (legend.gaps);
}

static double
value_to_y (double value,
            double top,
            double bottom)
{
  return bottom - (bottom - top) * CLAMP (value, 0, SCALE_MAX) / SCALE_MAX;
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Which days get a date under them: every day when there is room,
 * Mondays over a few weeks, the first of each month over longer. */
static gboolean
is_labelled (const GDate *date,
             guint        n_days)
{
  if (n_days <= 10)
    return TRUE;

  if (n_days <= 75)
    return g_date_get_weekday (date) == G_DATE_MONDAY;

  return g_date_get_day (date) == 1;
}

static char *
format_short_date (const GDate *date)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                          g_date_get_day (date), 12, 0, 0);

  /* Translators: a date under the report's mood chart, in strftime()
   * format; "%b %-d" gives "May 14". Reorder it as your language writes
   * short dates. */
  return g_date_time_format (date_time, _("%b %-d"));
}

/* The scale's lines at 0, 5 and 10; only the axis when there is nothing
 * to read against them. */
static void
draw_grid (PangoContext *context,
           cairo_t      *cr,
           double        x0,
           double        x1,
           double        top,
           double        bottom,
           gboolean      with_scale)
{
  static const int lines[] = { 0, 5, 10 };

  cairo_set_line_width (cr, 0.5);

  for (guint i = 0; i < (with_scale ? G_N_ELEMENTS (lines) : 1); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", lines[i]);
      g_autoptr(PangoLayout) label = steady_report_create_layout (context, STEADY_REPORT_FONT_SMALL, text, -1);
      /* On a whole point, so the thin line stays crisp on screen */
      double y = (gint64)(value_to_y (lines[i], top, bottom) + 0.5) + 0.25;

      steady_report_set_color (cr, &steady_report_rule_color, 1.0);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);

      steady_report_set_color (cr, &steady_report_secondary_color, 1.0);
      show_layout_at (cr, label, x0 - LABEL_GAP - layout_width (label), y - layout_height (label) / 2);
    }
}

static void
draw_bars (GArray  *days,
           cairo_t *cr,
           double   x0,
           double   slot,
           double   top,
           double   bottom)
{
  double bar_width = MIN (slot * 0.6, MAX_BAR_WIDTH);

  for (guint i = 0; i < days->len; i++)
    {
      const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);
      double center = x0 + slot * (i + 0.5);
      double y;

      if (day->craving_peak < 0)
        continue;

      /* A craving of 0 is a thin line on the axis: logged, and none. */
      y = MIN (value_to_y (day->craving_peak, top, bottom), bottom - ZERO_BAR);
      cairo_rectangle (cr, center - bar_width / 2, y, bar_width, bottom - y);
      steady_report_set_color (cr, &steady_report_craving_color, 1.0);
      cairo_fill_preserve (cr);
      steady_report_set_color (cr, &steady_report_craving_edge_color, 1.0);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
    }
}

static void
draw_point (cairo_t *cr,
            double   x,
            double   y)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
  steady_report_set_color (cr, &steady_report_mood_color, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 0.7);
  cairo_stroke (cr);
}

static void
draw_mood (GArray  *days,
           cairo_t *cr,
           double   x0,
           double   slot,
           double   top,
           double   bottom)
{
  gboolean drawing = FALSE;

  /* The line, broken where a day has no mood */
  cairo_set_line_width (cr, 1.6);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  steady_report_set_color (cr, &steady_report_mood_color, 1.0);

  for (guint i = 0; i < days->len; i++)
    {
      const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);
      double x = x0 + slot * (i + 0.5);

      if (day->mood < 0)
        {
          drawing = FALSE;
          continue;
        }

      if (drawing)
        cairo_line_to (cr, x, value_to_y (day->mood, top, bottom));
      else
        cairo_move_to (cr, x, value_to_y (day->mood, top, bottom));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < days->len; i++)
    {
      const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);

      if (day->mood >= 0)
        draw_point (cr, x0 + slot * (i + 0.5), value_to_y (day->mood, top, bottom));
    }
}

static void
draw_dates (GArray       *days,
            PangoContext *context,
            cairo_t      *cr,
            double        x0,
            double        x1,
            double        slot,
            double        y)
{
  double last_end = -G_MAXDOUBLE;

  steady_report_set_color (cr, &steady_report_secondary_color, 1.0);

  for (guint i = 0; i < days->len; i++)
    {
      const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      double width, x;

      if (!is_labelled (&day->date, days->len))
        continue;

      text = format_short_date (&day->date);
      label = steady_report_create_layout (context, STEADY_REPORT_FONT_SMALL, text, -1);
      width = layout_width (label);
      x = CLAMP (x0 + slot * (i + 0.5) - width / 2, x0, x1 - width);

      /* Never two labels on top of each other */
      if (x < last_end + 4)
        continue;

      show_layout_at (cr, label, x, y);
      last_end = x + width;
    }
}

static gboolean
has_values (GArray *days)
{
  for (guint i = 0; i < days->len; i++)
    {
      const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);

      if (day->mood >= 0 || day->craving_peak >= 0)
        return TRUE;
    }

  return FALSE;
}

static double
draw_legend (PangoContext *context,
             cairo_t      *cr,
             double        x,
             double        y,
             double        width)
{
  g_auto(Legend) legend = { NULL, };
  double text_x = x + SAMPLE_WIDTH + SAMPLE_GAP;
  double mid;

  make_legend (context, width, &legend);

  /* Mood: a short line with its dot */
  mid = y + layout_height (legend.mood) / 2;
  cairo_set_line_width (cr, 1.6);
  steady_report_set_color (cr, &steady_report_mood_color, 1.0);
  cairo_move_to (cr, x, mid);
  cairo_line_to (cr, x + SAMPLE_WIDTH, mid);
  cairo_stroke (cr);
  draw_point (cr, x + SAMPLE_WIDTH / 2, mid);
  steady_report_set_color (cr, &steady_report_text_color, 1.0);
  show_layout_at (cr, legend.mood, text_x, y);
  y += layout_height (legend.mood) + LEGEND_SPACING;

  /* Craving: a short bar */
  cairo_rectangle (cr, x + SAMPLE_WIDTH / 2 - 4, y + 1, 8, layout_height (legend.craving) - 2);
  steady_report_set_color (cr, &steady_report_craving_color, 1.0);
  cairo_fill_preserve (cr);
  steady_report_set_color (cr, &steady_report_craving_edge_color, 1.0);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  steady_report_set_color (cr, &steady_report_text_color, 1.0);
  show_layout_at (cr, legend.craving, text_x, y);
  y += layout_height (legend.craving) + LEGEND_SPACING;

  steady_report_set_color (cr, &steady_report_secondary_color, 1.0);
  show_layout_at (cr, legend.gaps, x, y);

  return y + layout_height (legend.gaps);
}

/**
 * steady_report_chart_draw:
 * @report: the report
 * @context: the context text is laid out in
 * @cr: where to draw
 * @x: the chart's left edge
 * @y: its top
 * @width: its width
 *
 * Draws the daily mood and craving of @report, the dates under them,
 * and the legend in words, in steady_report_chart_get_height().
 */
void
steady_report_chart_draw (SteadyReport *report,
                          PangoContext *context,
                          cairo_t      *cr,
                          double        x,
                          double        y,
                          double        width)
{
  GArray *days = report->days;
  double x0 = x + AXIS_WIDTH;
  double x1 = x + width;
  double top = y + 4;
  double bottom = y + STEADY_REPORT_CHART_HEIGHT;
  double slot = (x1 - x0) / MAX (days->len, 1);

  cairo_save (cr);

  draw_grid (context, cr, x0, x1, top, bottom, has_values (days));

  if (has_values (days))
    {
      draw_bars (days, cr, x0, slot, top, bottom);
      draw_mood (days, cr, x0, slot, top, bottom);
    }
  else
    {
      g_autoptr(PangoLayout) empty = steady_report_create_layout (context, STEADY_REPORT_FONT_BODY,
                                                                  _("No check-ins to show in these days."), -1);

      steady_report_set_color (cr, &steady_report_secondary_color, 1.0);
      show_layout_at (cr, empty,
                      (x0 + x1 - layout_width (empty)) / 2,
                      (top + bottom - layout_height (empty)) / 2);
    }

  draw_dates (days, context, cr, x0, x1, slot, bottom + LABEL_GAP);
  draw_legend (context, cr, x, bottom + LABEL_GAP + labels_height (context) + LEGEND_GAP, width);

  cairo_restore (cr);
}
