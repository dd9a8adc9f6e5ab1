/* steady-dialog-util.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steady_dialog_present      (GtkWindow   *dialog,
                                 GtkWindow   *parent);
void steady_drop_down_set_label (GtkDropDown *drop_down,
                                 const char  *label);

G_END_DECLS
