/* steady-user-guide.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steady_user_guide_show (GtkWindow *parent);

G_END_DECLS
