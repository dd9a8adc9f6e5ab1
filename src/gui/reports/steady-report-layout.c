/* steady-report-layout.c: the report, laid out on pages and drawn
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-report"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-entry.h"
#include "steady-report-renderer-private.h"

/* The report is laid out once per page size as a list of blocks (a line
 * of text, a paragraph, the chart, a table row), which are then placed
 * on pages: a heading stays with what follows it, a table row is never
 * cut and a table's header comes back at the top of each page it runs
 * onto, and a long paragraph (a long note) breaks between its lines.
 * Drawing a page draws only what was placed on it, line by line, so
 * that a copy of the text (pdftotext, a screen reader) sees each line
 * once.
 *
 * All text goes through Pango with hinting off and a resolution of 72
 * dots per inch, so a point is a unit everywhere and the same report
 * breaks into the same pages on a PDF surface and on a printer's. The
 * person's own words are set as plain text, never as markup. */

#define FONT_FAMILY   "Cantarell, DejaVu Sans, Sans"
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.0
#define FOOTER_OFFSET 14.0

const SteadyReportColor steady_report_text_color = { 0.14, 0.12, 0.19 };
const SteadyReportColor steady_report_secondary_color = { 0.37, 0.36, 0.39 };
const SteadyReportColor steady_report_rule_color = { 0.80, 0.79, 0.78 };
const SteadyReportColor steady_report_mood_color = { 0.11, 0.44, 0.85 };
const SteadyReportColor steady_report_craving_color = { 1.00, 0.80, 0.55 };
const SteadyReportColor steady_report_craving_edge_color = { 0.78, 0.45, 0.10 };

static const SteadyReportColor shade_color = { 0.965, 0.961, 0.957 };

/* The part of a block shown on a page, from @from to @to within it,
 * with its top at @y. */
typedef struct
{
  SteadyReportBlock *block;
  double             y;
  double             from;
  double             to;
} Placed;

static void
block_free (SteadyReportBlock *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->breaks, g_array_unref);
  for (guint i = 0; i < STEADY_REPORT_MAX_COLUMNS; i++)
    g_clear_object (&block->cells[i]);
  g_free (block);
}

void
steady_report_layout_free (SteadyReportLayout *self)
{
  g_clear_object (&self->context);
  g_clear_pointer (&self->range, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}

static double
to_points (int pango_units)
{
  return (double)pango_units / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return to_points (height);
}

/* Text measured the same whatever it is drawn on: see the top. */
static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  pango_context_set_base_dir (context,
                              gtk_get_locale_direction () == GTK_TEXT_DIR_RTL
                                ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (options);

  return context;
}

/* The person's clock, where GNOME's setting can be read; else 24 hours. */
static gboolean
use_twelve_hour_clock (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *format = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return FALSE;

  settings = g_settings_new_full (schema, NULL, NULL);
  format = g_settings_get_string (settings, "clock-format");

  return g_strcmp0 (format, "12h") == 0;
}

GDateTime *
steady_report_date_to_date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static char *
format_long_date (const GDate *date)
{
  g_autoptr(GDateTime) date_time = steady_report_date_to_date_time (date);

  /* Translators: a date in the summary's title, in strftime() format;
   * "%B %-d, %Y" gives "March 2, 2026". */
  return g_date_time_format (date_time, _("%B %-d, %Y"));
}

char *
steady_report_format_day (GDateTime *date_time)
{
  /* Translators: a day in the summary's tables, in strftime() format;
   * "%a, %b %-d" gives "Tue, Mar 3". */
  return g_date_time_format (date_time, _("%a, %b %-d"));
}

char *
steady_report_format_time (SteadyReportLayout *self,
                           GDateTime          *date_time)
{
  g_autofree char *text = NULL;

  if (!self->twelve_hour)
    /* Translators: a time of day on the 24-hour clock, in strftime() format */
    return g_date_time_format (date_time, _("%H:%M"));

  /* Translators: a time of day on the 12-hour clock, in strftime() format */
  text = g_date_time_format (date_time, _("%l:%M %p"));

  return g_strdup (g_strstrip (text));
}

static char *
format_range (const GDate *from,
              const GDate *to)
{
  g_autofree char *first = format_long_date (from);
  g_autofree char *last = format_long_date (to);

  if (g_date_compare (from, to) == 0)
    return g_steal_pointer (&first);

  /* Translators: the days the summary covers, first – last */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
steady_report_format_rating (int value)
{
  if (value == STEADY_JOURNAL_UNSET)
    /* Translators: in a table, for a value the person did not give */
    return g_strdup (C_("rating", "–"));

  return g_strdup_printf ("%d", value);
}

char *
steady_report_format_hours (gint64 seconds)
{
  return g_strdup_printf ("%.1f", seconds / 3600.0);
}

void
steady_report_set_color (cairo_t                 *cr,
                         const SteadyReportColor *color,
                         double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/**
 * steady_report_create_layout:
 * @context: the context of the report
 * @font: which of the report's fonts
 * @text: plain text (never markup)
 * @width: where to wrap, or -1 not to
 *
 * Returns: (transfer full): a layout of @text
 */
PangoLayout *
steady_report_create_layout (PangoContext     *context,
                             SteadyReportFont  font,
                             const char       *text,
                             double            width)
{
  static const struct
  {
    double      size;
    PangoWeight weight;
  } fonts[] = {
    [STEADY_REPORT_FONT_TITLE] = { 20.0, PANGO_WEIGHT_BOLD },
    [STEADY_REPORT_FONT_SUBTITLE] = { 11.0, PANGO_WEIGHT_NORMAL },
    [STEADY_REPORT_FONT_HEADING] = { 13.0, PANGO_WEIGHT_BOLD },
    [STEADY_REPORT_FONT_BODY] = { 10.0, PANGO_WEIGHT_NORMAL },
    [STEADY_REPORT_FONT_BODY_BOLD] = { 10.0, PANGO_WEIGHT_BOLD },
    [STEADY_REPORT_FONT_TABLE] = { 9.0, PANGO_WEIGHT_NORMAL },
    [STEADY_REPORT_FONT_TABLE_BOLD] = { 9.0, PANGO_WEIGHT_BOLD },
    [STEADY_REPORT_FONT_SMALL] = { 8.0, PANGO_WEIGHT_NORMAL },
  };
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (FONT_FAMILY);

  g_assert (font < G_N_ELEMENTS (fonts));

  pango_font_description_set_size (description, (int)(fonts[font].size * PANGO_SCALE));
  pango_font_description_set_weight (description, fonts[font].weight);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

SteadyReportBlock *
steady_report_layout_add_block (SteadyReportLayout    *self,
                                SteadyReportBlockKind  kind)
{
  SteadyReportBlock *block = g_new0 (SteadyReportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);

  return block;
}

SteadyReportBlock *
steady_report_layout_add_text (SteadyReportLayout *self,
                               SteadyReportFont    font,
                               const char         *text,
                               double              space_before)
{
  SteadyReportBlock *block = steady_report_layout_add_block (self, STEADY_REPORT_BLOCK_TEXT);
  PangoLayoutIter *iter;

  block->layout = steady_report_create_layout (self->context, font, text, self->content_width);
  block->color = &steady_report_text_color;
  block->space_before = space_before;

  block->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      int top, bottom;
      double line_top;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line_top = to_points (top);
      g_array_append_val (block->breaks, line_top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = layout_height (block->layout);
  g_array_append_val (block->breaks, block->height);

  return block;
}

void
steady_report_layout_add_heading (SteadyReportLayout *self,
                                  const char         *text)
{
  SteadyReportBlock *block;

  block = steady_report_layout_add_text (self, STEADY_REPORT_FONT_HEADING, text, STEADY_REPORT_SECTION_GAP);

  block->keep_with_next = TRUE;
}

SteadyReportBlock *
steady_report_layout_add_intro (SteadyReportLayout *self,
                                const char         *text)
{
  SteadyReportBlock *block = steady_report_layout_add_text (self, STEADY_REPORT_FONT_SMALL, text, 4.0);

  block->color = &steady_report_secondary_color;
  block->keep_with_next = TRUE;

  return block;
}

SteadyReportBlock *
steady_report_layout_add_paragraph (SteadyReportLayout *self,
                                    const char         *text)
{
  return steady_report_layout_add_text (self, STEADY_REPORT_FONT_BODY, text,
                                        STEADY_REPORT_PARAGRAPH_GAP);
}

/* @fractions: each column's share of @share of the content width */
SteadyReportTable *
steady_report_layout_add_table (SteadyReportLayout *self,
                                guint               n_columns,
                                const double       *fractions,
                                double              share)
{
  SteadyReportTable *table = g_new0 (SteadyReportTable, 1);

  g_assert (n_columns <= STEADY_REPORT_MAX_COLUMNS);

  table->n_columns = n_columns;
  table->gap_column = -1;
  table->width = self->content_width * share;
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = table->width * fractions[i];
  g_ptr_array_add (self->tables, table);

  return table;
}

void
steady_report_layout_add_row (SteadyReportLayout  *self,
                              SteadyReportTable   *table,
                              const char * const  *cells,
                              gboolean             header)
{
  SteadyReportBlock *block = steady_report_layout_add_block (self, STEADY_REPORT_BLOCK_ROW);
  double height = 0;

  block->table = table;
  block->header = header;
  block->shaded = !header && table->n_rows % 2 == 1;
  block->space_before = header ? STEADY_REPORT_PARAGRAPH_GAP : 0;
  /* Never a header alone at the foot of a page */
  block->keep_with_next = header;

  for (guint i = 0; i < table->n_columns; i++)
    {
      SteadyReportFont font = header ? STEADY_REPORT_FONT_TABLE_BOLD : STEADY_REPORT_FONT_TABLE;

      block->cells[i] = steady_report_create_layout (self->context, font, cells[i],
                                                     table->widths[i] - 2 * CELL_PAD_X);
      /* A cell keeps the table's direction whatever script it holds,
       * so an Arabic trigger sits in the column like the others. */
      pango_layout_set_auto_dir (block->cells[i], FALSE);
      height = MAX (height, layout_height (block->cells[i]));
    }
  block->height = height + 2 * CELL_PAD_Y;

  if (header)
    table->header = block;
  else
    table->n_rows++;
}

/* How much of @block must fit for it to start on a page: a paragraph's
 * first line, or all of anything else. */
static double
first_part_height (SteadyReportBlock *block)
{
  if (block->kind == STEADY_REPORT_BLOCK_TEXT && block->breaks->len > 2)
    return g_array_index (block->breaks, double, 1);

  return block->height;
}

/* What block @index keeps with it: the blocks after it while each keeps
 * with the next, and the start of the first that does not. */
static double
following_height (SteadyReportLayout *self,
                  guint               index)
{
  double total = 0;

  for (guint i = index + 1; i < self->blocks->len; i++)
    {
      SteadyReportBlock *block = g_ptr_array_index (self->blocks, i);

      if (!block->keep_with_next)
        return total + block->space_before + first_part_height (block);

      total += block->space_before + block->height;
    }

  return total;
}

/* The last line boundary of @block after @from that is at most @avail
 * further, or @from when not even one line fits. */
static double
split_point (SteadyReportBlock *block,
             double             from,
             double             avail)
{
  double end = from;

  for (guint i = 0; i < block->breaks->len; i++)
    {
      double point = g_array_index (block->breaks, double, i);

      if (point <= from)
        continue;
      if (point - from > avail)
        break;
      end = point;
    }

  return end;
}

static GArray *
new_page (SteadyReportLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);

  return page;
}

static void
place (GArray            *page,
       SteadyReportBlock *block,
       double             y,
       double             from,
       double             to)
{
  Placed placed = { block, y, from, to };

  g_array_append_val (page, placed);
}

static void
paginate (SteadyReportLayout *self)
{
  double top = STEADY_REPORT_MARGIN;
  GArray *page = new_page (self);
  double y = top;
  /* Nothing on the page yet but a repeated table header */
  gboolean fresh = TRUE;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      SteadyReportBlock *block = g_ptr_array_index (self->blocks, i);
      double from = 0;

      while (from < block->height)
        {
          double space = from == 0 && !fresh ? block->space_before : 0;
          double avail = self->bottom - y - space;
          double need = block->height - from;
          double keep = block->keep_with_next ? following_height (self, i) : 0;
          double end = from;

          if (need + keep <= avail || (fresh && block->kind != STEADY_REPORT_BLOCK_TEXT))
            {
              /* All of the rest fits with what it keeps with, or nothing
               * would fit better on any page: a row taller than a page
               * is drawn cut, never left out. */
              place (page, block, y + space, from, block->height);
              y += space + need;
              fresh = FALSE;
              break;
            }

          /* As many lines of a paragraph as there is room for */
          if (block->kind == STEADY_REPORT_BLOCK_TEXT && (!block->keep_with_next || fresh))
            end = split_point (block, from, avail);

          if (end > from)
            {
              place (page, block, y + space, from, end);
              if (end >= block->height)
                {
                  y += space + end - from;
                  fresh = FALSE;
                  break;
                }
              from = end;
            }
          else if (fresh)
            {
              /* Not one line fits on an empty page: shown cut */
              place (page, block, y, from, block->height);
              y += need;
              fresh = FALSE;
              break;
            }

          page = new_page (self);
          y = top;
          fresh = TRUE;

          if (block->kind == STEADY_REPORT_BLOCK_ROW && !block->header && block->table->header != NULL)
            {
              place (page, block->table->header, y, 0, block->table->header->height);
              y += block->table->header->height;
            }
        }
    }
}

SteadyReportLayout *
steady_report_layout_new (SteadyReport *report,
                          double        page_width,
                          double        page_height)
{
  g_autoptr(SteadyReportLayout) self = g_new0 (SteadyReportLayout, 1);

  self->report = report;
  self->context = create_context ();
  self->width = page_width;
  self->height = page_height;
  self->content_width = MAX (page_width - 2 * STEADY_REPORT_MARGIN, 72.0);
  self->bottom = MAX (page_height - STEADY_REPORT_MARGIN, STEADY_REPORT_MARGIN + 72.0);
  self->twelve_hour = use_twelve_hour_clock ();
  self->range = format_range (&report->from, &report->to);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  self->tables = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  steady_report_layout_add_content (self);
  paginate (self);

  return g_steal_pointer (&self);
}

/* Only the lines that start within the part placed here */
static void
draw_text (SteadyReportLayout *self,
           cairo_t            *cr,
           const Placed       *placed)
{
  SteadyReportBlock *block = placed->block;
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double x = STEADY_REPORT_MARGIN + block->indent;

  steady_report_set_color (cr, block->color, 1.0);

  do
    {
      PangoRectangle logical;
      int top, bottom;
      double line_top;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line_top = to_points (top);
      if (line_top < placed->from - 0.01)
        continue;
      if (line_top >= placed->to - 0.01)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr,
                     x + to_points (logical.x),
                     placed->y - placed->from + to_points (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Shading and the header's rule run under the cells: across the whole
 * row, or on both sides of a gap column. */
static void
draw_row_background (cairo_t      *cr,
                     const Placed *placed)
{
  SteadyReportBlock *block = placed->block;
  SteadyReportTable *table = block->table;
  double x = STEADY_REPORT_MARGIN;
  double start = x;

  for (guint i = 0; i <= table->n_columns; i++)
    {
      if (i == table->n_columns || (int)i == table->gap_column)
        {
          if (x > start && block->shaded)
            {
              steady_report_set_color (cr, &shade_color, 1.0);
              cairo_rectangle (cr, start, placed->y, x - start, block->height);
              cairo_fill (cr);
            }
          if (x > start && block->header)
            {
              steady_report_set_color (cr, &steady_report_rule_color, 1.0);
              cairo_set_line_width (cr, 0.8);
              cairo_move_to (cr, start, placed->y + block->height - 0.4);
              cairo_line_to (cr, x, placed->y + block->height - 0.4);
              cairo_stroke (cr);
            }
          if (i < table->n_columns)
            start = x + table->widths[i];
        }

      if (i < table->n_columns)
        x += table->widths[i];
    }
}

static void
draw_row (SteadyReportLayout *self,
          cairo_t            *cr,
          const Placed       *placed)
{
  SteadyReportBlock *block = placed->block;
  SteadyReportTable *table = block->table;
  double x = STEADY_REPORT_MARGIN;

  draw_row_background (cr, placed);

  steady_report_set_color (cr,
                           block->header ? &steady_report_secondary_color : &steady_report_text_color,
                           1.0);

  for (guint i = 0; i < table->n_columns; i++)
    {
      cairo_move_to (cr, x + CELL_PAD_X, placed->y + CELL_PAD_Y);
      pango_cairo_show_layout (cr, block->cells[i]);
      x += table->widths[i];
    }
}

static void
draw_page_frame (SteadyReportLayout *self,
                 cairo_t            *cr,
                 guint               index)
{
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) number = NULL;
  double footer_y = self->bottom + FOOTER_OFFSET;
  double number_width;
  int width;

  /* Translators: at the foot of each page of the summary */
  page_text = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  number = steady_report_create_layout (self->context, STEADY_REPORT_FONT_SMALL, page_text, -1);
  pango_layout_get_size (number, &width, NULL);
  number_width = to_points (width);

  footer = steady_report_create_layout (self->context, STEADY_REPORT_FONT_SMALL,
                                        _("Made with Steady. Private: share it only with your care team if you choose."),
                                        self->content_width - number_width - 12);

  steady_report_set_color (cr, &steady_report_rule_color, 1.0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, STEADY_REPORT_MARGIN, footer_y - 5);
  cairo_line_to (cr, STEADY_REPORT_MARGIN + self->content_width, footer_y - 5);
  cairo_stroke (cr);

  steady_report_set_color (cr, &steady_report_secondary_color, 1.0);
  cairo_move_to (cr, STEADY_REPORT_MARGIN, footer_y);
  pango_cairo_show_layout (cr, footer);
  cairo_move_to (cr, STEADY_REPORT_MARGIN + self->content_width - number_width, footer_y);
  pango_cairo_show_layout (cr, number);

  /* After the first page, say what the page belongs to. */
  if (index > 0)
    {
      /* Translators: at the top of the summary's later pages: the title, then the days */
      g_autofree char *text = g_strdup_printf (_("Summary for My Next Session · %s"), self->range);
      g_autoptr(PangoLayout) header = steady_report_create_layout (self->context, STEADY_REPORT_FONT_SMALL,
                                                                   text, self->content_width);

      cairo_move_to (cr, STEADY_REPORT_MARGIN, STEADY_REPORT_MARGIN - 24);
      pango_cairo_show_layout (cr, header);
    }
}

void
steady_report_layout_draw_page (SteadyReportLayout *self,
                                cairo_t            *cr,
                                guint               index)
{
  GArray *page;

  g_assert (index < self->pages->len);

  page = g_ptr_array_index (self->pages, index);

  cairo_save (cr);

  for (guint i = 0; i < page->len; i++)
    {
      const Placed *placed = &g_array_index (page, Placed, i);

      switch (placed->block->kind)
        {
        case STEADY_REPORT_BLOCK_TEXT:
          draw_text (self, cr, placed);
          break;

        case STEADY_REPORT_BLOCK_ROW:
          draw_row (self, cr, placed);
          break;

        case STEADY_REPORT_BLOCK_CHART:
          steady_report_chart_draw (self->report, self->context, cr,
                                    STEADY_REPORT_MARGIN, placed->y, self->content_width);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  draw_page_frame (self, cr, index);

  cairo_restore (cr);
}
