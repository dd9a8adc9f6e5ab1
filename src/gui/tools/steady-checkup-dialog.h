/* steady-checkup-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-checkup.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CHECKUP_DIALOG (steady_checkup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyCheckupDialog, steady_checkup_dialog, STEADY, CHECKUP_DIALOG, AdwWindow)

GtkWidget   *steady_checkup_dialog_new         (SteadyStore          *store);
void         steady_checkup_dialog_set_answer  (SteadyCheckupDialog  *self,
                                                SteadyCheckupItem     item,
                                                SteadyCheckupAnswer   answer);
const char  *steady_checkup_dialog_get_page    (SteadyCheckupDialog  *self);
GtkWidget   *steady_checkup_dialog_get_widget  (SteadyCheckupDialog  *self,
                                                const char           *name);

G_END_DECLS
