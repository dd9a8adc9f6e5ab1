/* steady-lesson-reader.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-lesson.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_LESSON_READER (steady_lesson_reader_get_type ())

G_DECLARE_FINAL_TYPE (SteadyLessonReader, steady_lesson_reader, STEADY, LESSON_READER, AdwBin)

void          steady_lesson_reader_set_store   (SteadyLessonReader *self,
                                                SteadyStore        *store);
void          steady_lesson_reader_set_lesson  (SteadyLessonReader *self,
                                                SteadyLesson       *lesson);
SteadyLesson *steady_lesson_reader_get_lesson  (SteadyLessonReader *self);
void          steady_lesson_reader_flush       (SteadyLessonReader *self);
GtkTextView  *steady_lesson_reader_get_answer_view (SteadyLessonReader *self,
                                                    const char         *prompt_id);

GtkToggleButton *steady_lesson_reader_get_done_button (SteadyLessonReader *self);

G_END_DECLS
