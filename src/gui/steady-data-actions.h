/* steady-data-actions.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_DATA_EXPORT_CHECKINS_CSV,
  STEADY_DATA_EXPORT_ATTENDANCE_CSV,
  STEADY_DATA_EXPORT_EVERYTHING,
  STEADY_DATA_EXPORT_SUMMARY_PDF,
} SteadyDataExport;

void steady_data_export             (GtkWindow        *parent,
                                     SteadyStore      *store,
                                     SteadyDataExport  kind);
void steady_data_summary_range      (SteadyStore      *store,
                                     GDate            *from,
                                     GDate            *to);
void steady_data_save_summary       (GtkWindow        *parent,
                                     SteadyStore      *store,
                                     const GDate      *from,
                                     const GDate      *to,
                                     gboolean          include_notes);
void steady_data_print_summary      (GtkWindow        *parent,
                                     SteadyStore      *store,
                                     const GDate      *from,
                                     const GDate      *to,
                                     gboolean          include_notes);
void steady_data_import_everything  (GtkWindow        *parent,
                                     SteadyStore      *store);
void steady_data_delete_everything  (GtkWindow        *main_window,
                                     SteadyStore      *store);

G_END_DECLS
