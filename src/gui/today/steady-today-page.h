/* steady-today-page.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_TODAY_PAGE (steady_today_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyTodayPage, steady_today_page, STEADY, TODAY_PAGE, AdwBin)

void        steady_today_page_set_store (SteadyTodayPage *self,
                                         SteadyStore     *store);
void        steady_today_page_reload    (SteadyTodayPage *self);
const char *steady_today_page_get_text  (SteadyTodayPage *self,
                                         const char      *part);

G_END_DECLS
