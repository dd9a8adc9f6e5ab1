/* steady-checkup-private.h: shared by the self-check's core files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-checkup.h"

G_BEGIN_DECLS

/* The wording and order of the items: stored with each result, so that a
 * later edition of the questions can tell old results apart. */
#define STEADY_CHECKUP_FORM 1

void steady_checkup_result_set_stored (SteadyCheckupResult *self,
                                       gint64               id,
                                       GDateTime           *at,
                                       const char          *local_date,
                                       int                  total);

G_END_DECLS
