/* steady-report-renderer-private.h: shared by the report renderer's files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "steady-report-renderer.h"

G_BEGIN_DECLS

/* Everything is measured in points (1/72 inch), the PDF's own unit; a
 * print operation is asked for points too. */
#define STEADY_REPORT_MARGIN        54.0
#define STEADY_REPORT_CHART_HEIGHT  150.0
#define STEADY_REPORT_SECTION_GAP   20.0
#define STEADY_REPORT_PARAGRAPH_GAP 6.0
#define STEADY_REPORT_MAX_COLUMNS   6

typedef struct
{
  double red;
  double green;
  double blue;
} SteadyReportColor;

extern const SteadyReportColor steady_report_text_color;
extern const SteadyReportColor steady_report_secondary_color;
extern const SteadyReportColor steady_report_rule_color;
extern const SteadyReportColor steady_report_mood_color;
extern const SteadyReportColor steady_report_craving_color;
extern const SteadyReportColor steady_report_craving_edge_color;

typedef enum
{
  STEADY_REPORT_FONT_TITLE,
  STEADY_REPORT_FONT_SUBTITLE,
  STEADY_REPORT_FONT_HEADING,
  STEADY_REPORT_FONT_BODY,
  STEADY_REPORT_FONT_BODY_BOLD,
  STEADY_REPORT_FONT_TABLE,
  STEADY_REPORT_FONT_TABLE_BOLD,
  STEADY_REPORT_FONT_SMALL,
} SteadyReportFont;

typedef enum
{
  STEADY_REPORT_BLOCK_TEXT,
  STEADY_REPORT_BLOCK_CHART,
  STEADY_REPORT_BLOCK_ROW,
} SteadyReportBlockKind;

typedef struct _SteadyReportTable SteadyReportTable;

/* One piece of the report, as the pages get it: a line or paragraph of
 * text, the chart, or a table row. */
typedef struct
{
  SteadyReportBlockKind    kind;
  double                   height;
  double                   space_before;
  /* Starts a page rather than end one without what follows it */
  gboolean                 keep_with_next;

  /* STEADY_REPORT_BLOCK_TEXT */
  PangoLayout             *layout;
  const SteadyReportColor *color;
  double                   indent;
  GArray                  *breaks;   /* double: each line's top, then the bottom */

  /* STEADY_REPORT_BLOCK_ROW */
  SteadyReportTable       *table;
  PangoLayout             *cells[STEADY_REPORT_MAX_COLUMNS];
  gboolean                 header;
  gboolean                 shaded;
} SteadyReportBlock;

struct _SteadyReportTable
{
  guint              n_columns;
  double             widths[STEADY_REPORT_MAX_COLUMNS];
  double             width;
  guint              n_rows;
  SteadyReportBlock *header;
  /* An empty column between two lists side by side, or -1 */
  int                gap_column;
};

/* The report laid out for one page size */
typedef struct
{
  SteadyReport *report;
  PangoContext *context;
  double        width;
  double        height;
  double        content_width;
  double        bottom;
  gboolean      twelve_hour;
  char         *range;
  GPtrArray    *blocks;
  GPtrArray    *tables;
  GPtrArray    *pages;
} SteadyReportLayout;

/* steady-report-layout.c */
SteadyReportLayout *steady_report_layout_new           (SteadyReport        *report,
                                                        double               page_width,
                                                        double               page_height);
void                steady_report_layout_free          (SteadyReportLayout  *self);
void                steady_report_layout_draw_page     (SteadyReportLayout  *self,
                                                        cairo_t             *cr,
                                                        guint                index);
SteadyReportBlock  *steady_report_layout_add_block     (SteadyReportLayout  *self,
                                                        SteadyReportBlockKind kind);
SteadyReportBlock  *steady_report_layout_add_text      (SteadyReportLayout  *self,
                                                        SteadyReportFont     font,
                                                        const char          *text,
                                                        double               space_before);
void                steady_report_layout_add_heading   (SteadyReportLayout  *self,
                                                        const char          *text);
SteadyReportBlock  *steady_report_layout_add_intro     (SteadyReportLayout  *self,
                                                        const char          *text);
SteadyReportBlock  *steady_report_layout_add_paragraph (SteadyReportLayout  *self,
                                                        const char          *text);
SteadyReportTable  *steady_report_layout_add_table     (SteadyReportLayout  *self,
                                                        guint                n_columns,
                                                        const double        *fractions,
                                                        double               share);
void                steady_report_layout_add_row       (SteadyReportLayout  *self,
                                                        SteadyReportTable   *table,
                                                        const char * const  *cells,
                                                        gboolean             header);

void                steady_report_set_color            (cairo_t                 *cr,
                                                        const SteadyReportColor *color,
                                                        double                   alpha);
PangoLayout        *steady_report_create_layout        (PangoContext        *context,
                                                        SteadyReportFont     font,
                                                        const char          *text,
                                                        double               width);
GDateTime          *steady_report_date_to_date_time    (const GDate         *date);
char               *steady_report_format_day           (GDateTime           *date_time);
char               *steady_report_format_time          (SteadyReportLayout  *self,
                                                        GDateTime           *date_time);
char               *steady_report_format_rating        (int                  value);
char               *steady_report_format_hours         (gint64               seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReportLayout, steady_report_layout_free)

/* steady-report-content.c */
void                steady_report_layout_add_content   (SteadyReportLayout  *self);

/* steady-report-chart.c */
double              steady_report_chart_get_height     (PangoContext        *context,
                                                        double               width);
void                steady_report_chart_draw           (SteadyReport        *report,
                                                        PangoContext        *context,
                                                        cairo_t             *cr,
                                                        double               x,
                                                        double               y,
                                                        double               width);

G_END_DECLS
