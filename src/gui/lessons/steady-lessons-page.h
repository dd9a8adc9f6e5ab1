/* steady-lessons-page.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_LESSONS_PAGE (steady_lessons_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyLessonsPage, steady_lessons_page, STEADY, LESSONS_PAGE, AdwBin)

void        steady_lessons_page_set_store    (SteadyLessonsPage *self,
                                              SteadyStore       *store);
gboolean    steady_lessons_page_open_lesson  (SteadyLessonsPage *self,
                                              const char        *lesson_id);
void        steady_lessons_page_show_list    (SteadyLessonsPage *self);
GtkWidget  *steady_lessons_page_get_reader   (SteadyLessonsPage *self);
const char *steady_lessons_page_get_view     (SteadyLessonsPage *self);
void        steady_lessons_page_focus_search (SteadyLessonsPage *self);

G_END_DECLS
