/* steady-export-private.h: shared by the export's files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-export.h"
#include "steady-store-private.h"

G_BEGIN_DECLS

/* What an export works on; owned, so it can travel to the worker. */
typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GDateTime     *now;
  GFile         *dest;
} SteadyExportData;

SteadyExportData *steady_export_data_new           (GOutputStream     *out,
                                                    GDateTime         *now,
                                                    GFile             *dest,
                                                    GCancellable      *cancellable);
void              steady_export_data_free          (SteadyExportData  *data);
gboolean          steady_export_propagate_io_error (GError           **error,
                                                    GError            *local_error,
                                                    const char        *what);
gboolean          steady_export_run_finish         (SteadyStore       *store,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
