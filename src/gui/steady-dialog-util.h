/* steady-dialog-util.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steady_dialog_present (GtkWindow *dialog,
                            GtkWindow *parent);

G_END_DECLS
