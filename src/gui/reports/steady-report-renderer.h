/* steady-report-renderer.h: the summary for the next session, on paper
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "steady-report.h"

G_BEGIN_DECLS

void               steady_report_get_default_page_size   (double        *width,
                                                          double        *height);
int                steady_report_count_pages             (SteadyReport  *report,
                                                          double         page_width,
                                                          double         page_height);
gboolean           steady_report_render                  (SteadyReport  *report,
                                                          cairo_t       *cr,
                                                          double         page_width,
                                                          double         page_height,
                                                          int            page);
gboolean           steady_report_write_pdf               (SteadyReport  *report,
                                                          const char    *path,
                                                          GError       **error);
gboolean           steady_report_write_pdf_with_size     (SteadyReport  *report,
                                                          const char    *path,
                                                          double         page_width,
                                                          double         page_height,
                                                          GError       **error);
GtkPrintOperation *steady_report_print_operation_new     (SteadyReport  *report);

G_END_DECLS
