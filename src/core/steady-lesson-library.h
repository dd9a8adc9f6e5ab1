/* steady-lesson-library.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-lesson.h"
#include "steady-lesson-parser.h"

G_BEGIN_DECLS

#define STEADY_TYPE_LESSON_LIBRARY (steady_lesson_library_get_type ())

G_DECLARE_FINAL_TYPE (SteadyLessonLibrary, steady_lesson_library, STEADY, LESSON_LIBRARY, GObject)

SteadyLessonLibrary   *steady_lesson_library_get_default      (void);
SteadyLessonLibrary   *steady_lesson_library_new_from_resource (GResource           *resource,
                                                               const char          *path,
                                                               const char          *domain);
SteadyLessonLibrary   *steady_lesson_library_new_from_directory (const char         *directory,
                                                                const char         *domain);
GPtrArray             *steady_lesson_library_get_errors       (SteadyLessonLibrary *self);
SteadyLesson          *steady_lesson_library_lookup           (SteadyLessonLibrary *self,
                                                               const char          *lesson_id);
GPtrArray             *steady_lesson_library_get_skills       (SteadyLessonLibrary *self);
const SteadySkillInfo *steady_lesson_library_lookup_skill     (SteadyLessonLibrary *self,
                                                               const char          *skill_id);
SteadyLesson          *steady_lesson_library_find_teacher     (SteadyLessonLibrary *self,
                                                               const char          *skill_id);

G_END_DECLS
