/* steady-trends-chart.c: daily mood and peak craving, drawn
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-trends-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-journal-stats.h"
#include "steady-trends-chart-private.h"

/* Both values share one vertical scale, 0 at the bottom and 10 at the
 * top: mood runs from 1, craving from 0. Mood is a line with points,
 * craving a bar, so the two differ in shape and not only in colour. */
#define SCALE_MAX        10.0
#define MIN_HEIGHT       200
#define NATURAL_HEIGHT   260
#define MIN_WIDTH        240
#define NATURAL_WIDTH    480
#define LABEL_GAP        8
#define LEGEND_GAP       12
#define LEGEND_SPACING   18
#define SAMPLE_GAP       6
#define LINE_SAMPLE      18
#define RIGHT_PAD        6
#define ZERO_BAR         2.0
#define MAX_BAR_WIDTH    28.0

typedef struct
{
  GdkRGBA fg;
  GdkRGBA text;
  GdkRGBA grid;
  GdkRGBA baseline;
  GdkRGBA mood;
  GdkRGBA craving;
  GdkRGBA ring;
  double  line_width;
} Palette;

struct _SteadyTrendsChart
{
  GtkWidget        parent_instance;

  /* Owned */
  GArray          *days;
  char            *summary_text;

  /* What the last frame drew where, for tooltips */
  GArray          *buckets;
  graphene_rect_t  plot;
};

G_DEFINE_FINAL_TYPE (SteadyTrendsChart, steady_trends_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SteadyTrendsChartBucket *
get_bucket (GArray *buckets,
            guint   i)
{
  g_assert (i < buckets->len);

  return &g_array_index (buckets, SteadyTrendsChartBucket, i);
}

static gboolean
has_mood (const SteadyTrendsChartBucket *bucket)
{
  return bucket->n_entries > 0 && bucket->mood >= 0;
}

static gboolean
has_craving (const SteadyTrendsChartBucket *bucket)
{
  return bucket->n_entries > 0 && bucket->craving_peak >= 0;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;

  return result;
}

/* Colours come from the theme, so the chart follows light, dark and
 * high contrast like the text around it. */
static void
get_palette (SteadyTrendsChart *self,
             Palette           *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  gtk_style_context_get_color (context, &palette->fg);

  if (!gtk_style_context_lookup_color (context, "accent_color", &palette->mood))
    palette->mood = palette->fg;

  /* The points get a thin ring of the card's colour, so that they stay
   * apart from the bars behind them. */
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &palette->ring))
    palette->ring = (GdkRGBA) { 0, 0, 0, 0 };

  palette->text = with_alpha (&palette->fg, high_contrast ? 1.0 : 0.8);
  palette->grid = with_alpha (&palette->fg, high_contrast ? 0.4 : 0.12);
  palette->baseline = with_alpha (&palette->fg, high_contrast ? 0.8 : 0.35);
  palette->craving = with_alpha (&palette->fg, high_contrast ? 0.55 : 0.3);
  palette->line_width = high_contrast ? 3.0 : 2.0;
}

static PangoLayout *
create_layout (SteadyTrendsChart *self,
               const char        *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* Pixel snapping without libm, which the GUI library does not link. */
static double
snap_floor (double value)
{
  double truncated = (double)(gint64)value;

  return truncated > value ? truncated - 1 : truncated;
}

static double
snap_ceil (double value)
{
  return -snap_floor (-value);
}

static double
snap_round (double value)
{
  return snap_floor (value + 0.5);
}

static double
value_to_y (const graphene_rect_t *plot,
            double                 value)
{
  return plot->origin.y + plot->size.height * (1.0 - value / SCALE_MAX);
}

static double
day_to_x (const graphene_rect_t *plot,
          guint                  n_days,
          guint                  i)
{
  return plot->origin.x + plot->size.width * (i + 0.5) / n_days;
}

static void
append_hline (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         width)
{
  /* On the pixel grid, so that a 1px line stays sharp. */
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (snap_floor (x), snap_floor (y), snap_ceil (width), 1));
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               const GdkRGBA *color,
               double         x,
               double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (snap_round (x), snap_round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
rounded_top_rect (cairo_t *cr,
                  double   x,
                  double   y,
                  double   width,
                  double   height)
{
  double r = MIN (MIN (width / 2, height), 3.0);

  if (r < 1.0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_move_to (cr, x, y + height);
  cairo_line_to (cr, x, y + r);
  cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
  cairo_line_to (cr, x + width - r, y);
  cairo_arc (cr, x + width - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
  cairo_line_to (cr, x + width, y + height);
  cairo_close_path (cr);
}

static void
draw_point (cairo_t       *cr,
            const Palette *palette,
            double         x,
            double         y,
            double         radius)
{
  if (palette->ring.alpha > 0)
    {
      gdk_cairo_set_source_rgba (cr, &palette->ring);
      cairo_arc (cr, x, y, radius + 1.25, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  gdk_cairo_set_source_rgba (cr, &palette->mood);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_bars (GArray                *buckets,
           cairo_t               *cr,
           const Palette         *palette,
           const graphene_rect_t *plot)
{
  guint n = buckets->len;
  double slot = plot->size.width / n;
  double bar_width = slot >= 4 ? MIN (slot * 0.6, MAX_BAR_WIDTH) : MAX (slot - 1.0, 1.0);
  double bottom = plot->origin.y + plot->size.height;

  gdk_cairo_set_source_rgba (cr, &palette->craving);

  for (guint i = 0; i < n; i++)
    {
      const SteadyTrendsChartBucket *bucket = get_bucket (buckets, i);
      double x, height;

      if (!has_craving (bucket))
        continue;

      x = day_to_x (plot, n, i) - bar_width / 2;
      /* A craving of 0 is a stub on the baseline, unlike a day without one. */
      height = MAX (plot->size.height * CLAMP (bucket->craving_peak, 0, SCALE_MAX) / SCALE_MAX, ZERO_BAR);
      rounded_top_rect (cr, x, bottom - height, bar_width, height);
    }

  cairo_fill (cr);
}

static void
draw_mood (GArray                *buckets,
           cairo_t               *cr,
           const Palette         *palette,
           const graphene_rect_t *plot)
{
  guint n = buckets->len;
  double slot = plot->size.width / n;
  gboolean all_points = slot >= 6;
  double radius = all_points ? MIN (slot * 0.3, 3.5) : 2.0;
  gboolean drawing = FALSE;

  /* The line breaks where no mood was logged: a gap, never a zero. */
  cairo_set_line_width (cr, palette->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &palette->mood);

  for (guint i = 0; i < n; i++)
    {
      const SteadyTrendsChartBucket *bucket = get_bucket (buckets, i);
      double x = day_to_x (plot, n, i);

      if (!has_mood (bucket))
        {
          drawing = FALSE;
          continue;
        }

      if (drawing)
        cairo_line_to (cr, x, value_to_y (plot, CLAMP (bucket->mood, 0, SCALE_MAX)));
      else
        cairo_move_to (cr, x, value_to_y (plot, CLAMP (bucket->mood, 0, SCALE_MAX)));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  /* Points on every day while there is room; else only where a day
   * stands alone and would not show as a line. */
  for (guint i = 0; i < n; i++)
    {
      const SteadyTrendsChartBucket *bucket = get_bucket (buckets, i);
      gboolean alone;

      if (!has_mood (bucket))
        continue;

      alone = (i == 0 || !has_mood (get_bucket (buckets, i - 1))) &&
              (i + 1 == n || !has_mood (get_bucket (buckets, i + 1)));
      if (all_points || alone)
        draw_point (cr, palette, day_to_x (plot, n, i),
                    value_to_y (plot, CLAMP (bucket->mood, 0, SCALE_MAX)), radius);
    }
}

/* The legend: a sample of each shape and its name, on one line, or more
 * when the chart is narrow; and whether a point is a day or a week.
 * Returns its height. */
static int
draw_legend (SteadyTrendsChart *self,
             GtkSnapshot       *snapshot,
             const Palette     *palette,
             int                width,
             gboolean           by_week)
{
  g_autoptr(PangoLayout) mood = create_layout (self, _("Mood"));
  g_autoptr(PangoLayout) craving = create_layout (self, _("Peak craving"));
  int mood_width, craving_width, text_height, craving_height;
  int row_height, mood_item, craving_item;
  double x = 0, y = 0, cy;
  cairo_t *cr;

  pango_layout_get_pixel_size (mood, &mood_width, &text_height);
  pango_layout_get_pixel_size (craving, &craving_width, &craving_height);
  row_height = MAX (MAX (text_height, craving_height), 12);

  mood_item = LINE_SAMPLE + SAMPLE_GAP + mood_width;
  craving_item = 8 + SAMPLE_GAP + craving_width;

  /* Mood: a short line with a point. */
  cy = y + row_height / 2.0;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, LINE_SAMPLE, row_height));
  cairo_set_line_width (cr, palette->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &palette->mood);
  cairo_move_to (cr, x + 2, cy);
  cairo_line_to (cr, x + LINE_SAMPLE - 2, cy);
  cairo_stroke (cr);
  draw_point (cr, palette, x + LINE_SAMPLE / 2.0, cy, 3.5);
  cairo_destroy (cr);
  append_layout (snapshot, mood, &palette->fg, x + LINE_SAMPLE + SAMPLE_GAP, y + (row_height - text_height) / 2.0);

  if (mood_item + LEGEND_SPACING + craving_item <= width)
    x += mood_item + LEGEND_SPACING;
  else
    y += row_height + 4;

  /* Peak craving: a bar. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, 8, row_height));
  gdk_cairo_set_source_rgba (cr, &palette->craving);
  rounded_top_rect (cr, x, y + row_height / 2.0 - 6, 8, 12);
  cairo_fill (cr);
  cairo_destroy (cr);
  append_layout (snapshot, craving, &palette->fg, x + 8 + SAMPLE_GAP, y + (row_height - craving_height) / 2.0);

  if (by_week)
    {
      /* Translators: beside the chart's legend when a year is shown
       * as weekly averages and peaks */
      g_autoptr(PangoLayout) note = create_layout (self, _("By week"));
      int note_width, note_height;

      pango_layout_get_pixel_size (note, &note_width, &note_height);
      if (x + craving_item + LEGEND_SPACING + note_width > width)
        y += row_height + 4;
      append_layout (snapshot, note, &palette->text, width - note_width,
                     y + (row_height - note_height) / 2.0);
    }

  return (int)(y + row_height);
}

static void
style_changed_cb (SteadyTrendsChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
steady_trends_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
steady_trends_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SteadyTrendsChart *self = STEADY_TRENDS_CHART (widget);
  static const int ticks[] = { 1, 5, 10 };
  PangoLayout *tick_layouts[G_N_ELEMENTS (ticks)];
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int tick_width = 0, tick_height = 0;
  int legend_height, date_height = 0;
  graphene_rect_t plot;
  Palette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  get_palette (self, &palette);

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", ticks[i]);
      int w, h;

      tick_layouts[i] = create_layout (self, text);
      pango_layout_get_pixel_size (tick_layouts[i], &w, &h);
      tick_width = MAX (tick_width, w);
      tick_height = MAX (tick_height, h);
    }

  {
    g_autoptr(PangoLayout) probe = create_layout (self, "0");

    pango_layout_get_pixel_size (probe, NULL, &date_height);
  }

  plot.origin.x = tick_width + LABEL_GAP;
  plot.size.width = MAX (width - RIGHT_PAD - plot.origin.x, 1);

  g_clear_pointer (&self->buckets, g_array_unref);
  if (self->days != NULL && self->days->len > 0)
    self->buckets = steady_trends_chart_make_buckets (self->days,
                                                      steady_trends_chart_get_bucket_size (self->days->len,
                                                                                           plot.size.width));

  legend_height = draw_legend (self, snapshot, &palette, width,
                               self->buckets != NULL && self->buckets->len < self->days->len);

  plot.origin.y = legend_height + LEGEND_GAP + tick_height / 2.0;
  plot.size.height = MAX (height - date_height - LABEL_GAP - plot.origin.y, 1);
  self->plot = plot;

  /* The grid and the scale */
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      double y = value_to_y (&plot, ticks[i]);
      int w, h;

      append_hline (snapshot, &palette.grid, plot.origin.x, y, plot.size.width);
      pango_layout_get_pixel_size (tick_layouts[i], &w, &h);
      append_layout (snapshot, tick_layouts[i], &palette.text,
                     plot.origin.x - LABEL_GAP - w, y - h / 2.0);
      g_object_unref (tick_layouts[i]);
    }
  append_hline (snapshot, &palette.baseline, plot.origin.x,
                plot.origin.y + plot.size.height, plot.size.width);

  if (self->buckets == NULL)
    return;

  /* The first and the last day under the ends of the time axis, which
   * runs left to right in every language, as the bars do. */
  {
    const GDate *first = &g_array_index (self->days, SteadyJournalDay, 0).date;
    const GDate *last = &g_array_index (self->days, SteadyJournalDay, self->days->len - 1).date;
    gboolean with_year = g_date_get_year (first) != g_date_get_year (last);
    g_autofree char *first_text = steady_trends_chart_format_date (first, with_year);
    g_autofree char *last_text = steady_trends_chart_format_date (last, with_year);
    g_autoptr(PangoLayout) first_layout = create_layout (self, first_text);
    g_autoptr(PangoLayout) last_layout = create_layout (self, last_text);
    double y = plot.origin.y + plot.size.height + LABEL_GAP / 2.0;
    int first_width, last_width;

    pango_layout_get_pixel_size (first_layout, &first_width, NULL);
    pango_layout_get_pixel_size (last_layout, &last_width, NULL);

    append_layout (snapshot, last_layout, &palette.text,
                   plot.origin.x + plot.size.width - last_width, y);
    if (plot.origin.x + first_width + LEGEND_SPACING < plot.origin.x + plot.size.width - last_width)
      append_layout (snapshot, first_layout, &palette.text, plot.origin.x, y);
  }

  /* The values, with room above the top line for the points */
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (plot.origin.x - RIGHT_PAD,
                                                       plot.origin.y - RIGHT_PAD,
                                                       plot.size.width + 2 * RIGHT_PAD,
                                                       plot.size.height + 2 * RIGHT_PAD));
  draw_bars (self->buckets, cr, &palette, &plot);
  draw_mood (self->buckets, cr, &palette, &plot);
  cairo_destroy (cr);
}

static gboolean
steady_trends_chart_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_tooltip,
                                   GtkTooltip *tooltip)
{
  SteadyTrendsChart *self = STEADY_TRENDS_CHART (widget);
  g_autofree char *text = NULL;
  double position;
  guint n, i;

  if (keyboard_tooltip || self->buckets == NULL || self->buckets->len == 0 ||
      x < self->plot.origin.x || x >= self->plot.origin.x + self->plot.size.width)
    return FALSE;

  n = self->buckets->len;
  position = (x - self->plot.origin.x) / self->plot.size.width * n;
  i = MIN ((guint)position, n - 1);

  text = steady_trends_chart_describe_bucket (get_bucket (self->buckets, i));
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              (int)snap_floor (self->plot.origin.x + self->plot.size.width * i / n),
                              (int)self->plot.origin.y,
                              MAX ((int)snap_ceil (self->plot.size.width / n), 1),
                              (int)self->plot.size.height,
                            });

  return TRUE;
}

static void
steady_trends_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (steady_trends_chart_parent_class)->css_changed (widget, change);

  /* Named colours such as accent_color change with the style sheet
   * without touching this widget's own style. */
  gtk_widget_queue_draw (widget);
}

static void
steady_trends_chart_finalize (GObject *object)
{
  SteadyTrendsChart *self = (SteadyTrendsChart *)object;

  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->buckets, g_array_unref);
  g_clear_pointer (&self->summary_text, g_free);

  G_OBJECT_CLASS (steady_trends_chart_parent_class)->finalize (object);
}

static void
steady_trends_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SteadyTrendsChart *self = STEADY_TRENDS_CHART (object);

  switch (prop_id)
    {
    case PROP_SUMMARY_TEXT:
      g_value_set_string (value, self->summary_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_trends_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SteadyTrendsChart *self = STEADY_TRENDS_CHART (object);

  switch (prop_id)
    {
    case PROP_SUMMARY_TEXT:
      steady_trends_chart_set_summary_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_trends_chart_class_init (SteadyTrendsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = steady_trends_chart_finalize;
  object_class->get_property = steady_trends_chart_get_property;
  object_class->set_property = steady_trends_chart_set_property;

  widget_class->measure = steady_trends_chart_measure;
  widget_class->snapshot = steady_trends_chart_snapshot;
  widget_class->query_tooltip = steady_trends_chart_query_tooltip;
  widget_class->css_changed = steady_trends_chart_css_changed;

  /**
   * SteadyTrendsChart:summary-text:
   *
   * The chart in words: its accessible description.
   */
  properties[PROP_SUMMARY_TEXT] =
    g_param_spec_string ("summary-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
steady_trends_chart_init (SteadyTrendsChart *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of daily mood and peak craving"),
                                  -1);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * steady_trends_chart_new:
 *
 * Returns: (transfer floating): a new, empty chart
 */
GtkWidget *
steady_trends_chart_new (void)
{
  return g_object_new (STEADY_TYPE_TRENDS_CHART, NULL);
}

/**
 * steady_trends_chart_set_days:
 * @self: a #SteadyTrendsChart
 * @days: (nullable) (element-type SteadyJournalDay) (transfer none): the
 *   days to draw, oldest first, as steady_journal_stats_load_async()
 *   gives them; days without check-ins show as gaps
 *
 * The chart keeps a reference to @days; do not change it afterwards.
 */
void
steady_trends_chart_set_days (SteadyTrendsChart *self,
                              GArray            *days)
{
  g_return_if_fail (STEADY_IS_TRENDS_CHART (self));
  g_return_if_fail (days == NULL || g_array_get_element_size (days) == sizeof (SteadyJournalDay));

  if (self->days == days)
    return;

  if (days != NULL)
    g_array_ref (days);
  g_clear_pointer (&self->days, g_array_unref);
  self->days = days;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * steady_trends_chart_get_days:
 * @self: a #SteadyTrendsChart
 *
 * Returns: (transfer none) (nullable) (element-type SteadyJournalDay): the
 *   days drawn
 */
GArray *
steady_trends_chart_get_days (SteadyTrendsChart *self)
{
  g_return_val_if_fail (STEADY_IS_TRENDS_CHART (self), NULL);

  return self->days;
}

/**
 * steady_trends_chart_set_summary_text:
 * @self: a #SteadyTrendsChart
 * @text: (nullable): what the chart shows, in a sentence or two, such as
 *   steady_journal_summary_describe() gives
 *
 * Sets the accessible description, so that a screen reader says what
 * the chart shows.
 */
void
steady_trends_chart_set_summary_text (SteadyTrendsChart *self,
                                      const char        *text)
{
  g_return_if_fail (STEADY_IS_TRENDS_CHART (self));

  if (g_strcmp0 (self->summary_text, text) == 0)
    return;

  g_free (self->summary_text);
  self->summary_text = g_strdup (text);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_TEXT]);
}

/**
 * steady_trends_chart_get_summary_text:
 * @self: a #SteadyTrendsChart
 *
 * Returns: (nullable): the accessible description
 */
const char *
steady_trends_chart_get_summary_text (SteadyTrendsChart *self)
{
  g_return_val_if_fail (STEADY_IS_TRENDS_CHART (self), NULL);

  return self->summary_text;
}
