/* steady-lesson.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_LESSON_CATEGORY_COPING,
  STEADY_LESSON_CATEGORY_LIFE,
} SteadyLessonCategory;

typedef enum
{
  STEADY_LESSON_BLOCK_HEADING,
  STEADY_LESSON_BLOCK_PARAGRAPH,
  STEADY_LESSON_BLOCK_ITEM,
} SteadyLessonBlockKind;

/* A lesson's body is a flat run of blocks: a heading starts a section,
 * consecutive items form one bulleted list. */
typedef struct
{
  SteadyLessonBlockKind  kind;
  char                  *text;
} SteadyLessonBlock;

typedef struct
{
  char *id;
  char *text;
} SteadyLessonPrompt;

#define STEADY_TYPE_LESSON (steady_lesson_get_type ())

G_DECLARE_FINAL_TYPE (SteadyLesson, steady_lesson, STEADY, LESSON, GObject)

SteadyLesson              *steady_lesson_new            (const char               *id,
                                                         SteadyLessonCategory      category,
                                                         guint                     minutes);
const char                *steady_lesson_get_id         (SteadyLesson             *self);
SteadyLessonCategory       steady_lesson_get_category   (SteadyLesson             *self);
guint                      steady_lesson_get_minutes    (SteadyLesson             *self);
const char                *steady_lesson_get_title      (SteadyLesson             *self);
void                       steady_lesson_set_title      (SteadyLesson             *self,
                                                         const char               *title);
const char                *steady_lesson_get_summary    (SteadyLesson             *self);
void                       steady_lesson_set_summary    (SteadyLesson             *self,
                                                         const char               *summary);
const char * const        *steady_lesson_get_skills     (SteadyLesson             *self);
void                       steady_lesson_add_skill      (SteadyLesson             *self,
                                                         const char               *skill_id);
gboolean                   steady_lesson_teaches        (SteadyLesson             *self,
                                                         const char               *skill_id);
guint                      steady_lesson_get_n_blocks   (SteadyLesson             *self);
const SteadyLessonBlock   *steady_lesson_get_block      (SteadyLesson             *self,
                                                         guint                     index);
void                       steady_lesson_add_block      (SteadyLesson             *self,
                                                         SteadyLessonBlockKind     kind,
                                                         const char               *text);
guint                      steady_lesson_get_n_prompts  (SteadyLesson             *self);
const SteadyLessonPrompt  *steady_lesson_get_prompt     (SteadyLesson             *self,
                                                         guint                     index);
const SteadyLessonPrompt  *steady_lesson_find_prompt    (SteadyLesson             *self,
                                                         const char               *prompt_id);
void                       steady_lesson_add_prompt     (SteadyLesson             *self,
                                                         const char               *id,
                                                         const char               *text);
guint                      steady_lesson_count_words    (SteadyLesson             *self);
gboolean                   steady_lesson_matches        (SteadyLesson             *self,
                                                         const char               *folded_needle);

const char                *steady_lesson_category_to_string   (SteadyLessonCategory  category);
gboolean                   steady_lesson_category_from_string (const char           *str,
                                                               SteadyLessonCategory *category);

G_END_DECLS
