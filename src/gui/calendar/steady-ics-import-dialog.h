/* steady-ics-import-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-ics-preview.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_ICS_IMPORT_DIALOG (steady_ics_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyIcsImportDialog, steady_ics_import_dialog, STEADY, ICS_IMPORT_DIALOG, AdwWindow)

GtkWidget        *steady_ics_import_dialog_new         (SteadyStore           *store,
                                                        SteadyIcsPreview      *preview,
                                                        const char            *file_name);
SteadyIcsPreview *steady_ics_import_dialog_get_preview (SteadyIcsImportDialog *self);
const char       *steady_ics_import_dialog_get_summary (SteadyIcsImportDialog *self);

G_END_DECLS
