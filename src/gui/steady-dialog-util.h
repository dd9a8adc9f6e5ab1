/* steady-dialog-util.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       steady_dialog_present      (GtkWindow   *dialog,
                                       GtkWindow   *parent);
GtkWidget *steady_dialog_new_discard  (GtkWindow   *parent,
                                       const char  *heading,
                                       const char  *body,
                                       const char  *keep_label);
void       steady_drop_down_set_label (GtkDropDown *drop_down,
                                       const char  *label);

G_END_DECLS
