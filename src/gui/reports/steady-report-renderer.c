/* steady-report-renderer.c: the summary for the next session, on paper
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "steady-report-renderer-private.h"

/* The ways out for a laid-out report (steady-report-layout.c): a page
 * drawn on any cairo context, a PDF file, and GTK's print dialog. */

typedef struct
{
  SteadyReport       *report;
  SteadyReportLayout *layout;
} PrintData;

typedef struct
{
  GOutputStream *out;
  GError        *error;
} PdfSink;

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->layout, steady_report_layout_free);
  g_clear_pointer (&data->report, steady_report_free);
  g_free (data);
}

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL ||
      !g_output_stream_write_all (sink->out, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  g_clear_pointer (&data->layout, steady_report_layout_free);
  data->layout = steady_report_layout_new (data->report,
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int)data->layout->pages->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  g_assert (data->layout != NULL);

  if (page_nr >= 0 && (guint)page_nr < data->layout->pages->len)
    steady_report_layout_draw_page (data->layout, gtk_print_context_get_cairo_context (context), (guint)page_nr);
}

/**
 * steady_report_get_default_page_size:
 * @width: (out): the width in points
 * @height: (out): the height in points
 *
 * The paper of the person's locale (LC_PAPER): US Letter (612 × 792
 * points) in the United States, Canada and the other Letter countries,
 * A4 (595 × 842) elsewhere, as GTK's print dialog chooses.
 */
void
steady_report_get_default_page_size (double *width,
                                     double *height)
{
  GtkPaperSize *paper = gtk_paper_size_new (NULL);

  g_return_if_fail (width != NULL && height != NULL);

  *width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  *height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper);
}

/**
 * steady_report_count_pages:
 * @report: a #SteadyReport
 * @page_width: the page's width in points
 * @page_height: its height in points
 *
 * Returns: how many pages @report takes at that size, at least 1
 */
int
steady_report_count_pages (SteadyReport *report,
                           double        page_width,
                           double        page_height)
{
  g_autoptr(SteadyReportLayout) layout = NULL;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  layout = steady_report_layout_new (report, page_width, page_height);

  return (int)layout->pages->len;
}

/**
 * steady_report_render:
 * @report: a #SteadyReport
 * @cr: where to draw, in points, the page's top left corner at 0, 0
 * @page_width: the page's width in points
 * @page_height: its height in points
 * @page: which page, from 0
 *
 * Draws one page of the summary: the title and the days it covers, the
 * mood and craving chart with its legend, the check-ins table, triggers
 * and feelings, the skills used and how they helped, the sessions and
 * program hours, and the notes only when the report was loaded with
 * them; on every page the footer and the page number. Lays the report
 * out again on each call: steady_report_write_pdf() and
 * steady_report_print_operation_new() lay it out once.
 *
 * Returns: %FALSE if there is no such page
 */
gboolean
steady_report_render (SteadyReport *report,
                      cairo_t      *cr,
                      double        page_width,
                      double        page_height,
                      int           page)
{
  g_autoptr(SteadyReportLayout) layout = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (page_width > 0 && page_height > 0, FALSE);

  layout = steady_report_layout_new (report, page_width, page_height);
  if (page < 0 || (guint)page >= layout->pages->len)
    return FALSE;

  steady_report_layout_draw_page (layout, cr, (guint)page);

  return TRUE;
}

/**
 * steady_report_write_pdf_with_size:
 * @report: a #SteadyReport
 * @path: where to save the PDF; a file there is replaced at once, when
 *   the new one is complete
 * @page_width: the page's width in points
 * @page_height: its height in points
 * @error: a location for an error
 *
 * Saves the summary as a PDF, readable only by the person (0600). Uses
 * no display and no main loop: safe to call in a thread of its own with
 * a report nobody changes meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_report_write_pdf_with_size (SteadyReport  *report,
                                   const char    *path,
                                   double         page_width,
                                   double         page_height,
                                   GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(SteadyReportLayout) layout = NULL;
  g_autoptr(GError) local_error = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (page_width > 0 && page_height > 0, FALSE);

  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE,
                        G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, &local_error);
  if (out == NULL)
    goto failed;

  layout = steady_report_layout_new (report, page_width, page_height);

  sink.out = G_OUTPUT_STREAM (out);
  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &sink, page_width, page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Summary for My Next Session"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Steady " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < layout->pages->len; i++)
    {
      steady_report_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      local_error = g_steal_pointer (&sink.error);
    }
  else if (status != CAIRO_STATUS_SUCCESS)
    {
      local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
    }
  else
    {
      if (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
        return TRUE;
    }

failed:
  /* Closing with a cancelled cancellable drops the new file and leaves
   * any old one as it was. */
  if (out != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (out)))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
    }

  g_debug ("Writing %s: %s", path, local_error->message);
  g_set_error (error, STEADY_STORE_ERROR,
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                 ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED,
               _("Steady could not save the summary: %s"), local_error->message);

  return FALSE;
}

/**
 * steady_report_write_pdf:
 * @report: a #SteadyReport
 * @path: where to save the PDF
 * @error: a location for an error
 *
 * steady_report_write_pdf_with_size() on the paper of the person's
 * locale: see steady_report_get_default_page_size().
 *
 * Returns: %TRUE on success
 */
gboolean
steady_report_write_pdf (SteadyReport  *report,
                         const char    *path,
                         GError       **error)
{
  double width, height;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  steady_report_get_default_page_size (&width, &height);

  return steady_report_write_pdf_with_size (report, path, width, height, error);
}

/**
 * steady_report_print_operation_new:
 * @report: (transfer full): a #SteadyReport; the operation frees it
 *
 * A print operation that lays the summary out for the paper the person
 * picks (in points, on the whole sheet) and draws each page with
 * steady_report_render()'s drawing. Run it with
 * gtk_print_operation_run(); "Print to File" in the dialog makes a PDF
 * too.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
steady_report_print_operation_new (SteadyReport *report)
{
  GtkPrintOperation *operation;
  PrintData *data;

  g_return_val_if_fail (report != NULL, NULL);

  data = g_new0 (PrintData, 1);
  data->report = report;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Summary for My Next Session"));
  g_object_set_data_full (G_OBJECT (operation), "steady-report-print-data",
                          data, (GDestroyNotify)print_data_free);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);

  return operation;
}
