/* steady-lesson-parser.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-lesson.h"

G_BEGIN_DECLS

#define STEADY_LESSON_ERROR (steady_lesson_error_quark ())

typedef enum
{
  STEADY_LESSON_ERROR_INVALID,
} SteadyLessonError;

/* One entry of data/lessons/skills.xml */
typedef struct
{
  char *id;
  char *name;
  char *description;
} SteadySkillInfo;

GQuark        steady_lesson_error_quark     (void);

SteadyLesson *steady_lesson_parse           (const char       *data,
                                             gssize            length,
                                             const char       *filename,
                                             const char       *domain,
                                             GError          **error);
GPtrArray    *steady_skills_parse           (const char       *data,
                                             gssize            length,
                                             const char       *filename,
                                             const char       *domain,
                                             GError          **error);
void          steady_skill_info_free        (SteadySkillInfo  *info);
char         *steady_lesson_collapse_space  (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySkillInfo, steady_skill_info_free)

G_END_DECLS
