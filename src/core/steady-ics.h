/* steady-ics.h: iCalendar import and export of the session calendar
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-ics-preview.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* Larger files are refused before they are parsed. */
#define STEADY_ICS_MAX_BYTES  (16 * 1024 * 1024)
#define STEADY_ICS_MAX_LINES  200000
#define STEADY_ICS_MAX_EVENTS 20000

SteadyIcsPreview *steady_ics_parse         (SteadyStore          *store,
                                            const char           *data,
                                            gsize                 length,
                                            GError              **error);
gboolean          steady_ics_import        (SteadyStore          *store,
                                            SteadyIcsPreview     *preview,
                                            guint                *out_n_added,
                                            GError              **error);
char             *steady_ics_export        (SteadyStore          *store,
                                            GDateTime            *from,
                                            GDateTime            *to,
                                            GError              **error);

void              steady_ics_parse_async   (SteadyStore          *store,
                                            GBytes               *data,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
SteadyIcsPreview *steady_ics_parse_finish  (SteadyStore          *store,
                                            GAsyncResult         *result,
                                            GError              **error);
void              steady_ics_import_async  (SteadyStore          *store,
                                            SteadyIcsPreview     *preview,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean          steady_ics_import_finish (SteadyStore          *store,
                                            GAsyncResult         *result,
                                            guint                *out_n_added,
                                            GError              **error);
void              steady_ics_export_async  (SteadyStore          *store,
                                            GDateTime            *from,
                                            GDateTime            *to,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char             *steady_ics_export_finish (SteadyStore          *store,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
