/* fuzz-lesson.c: libFuzzer target for the lesson and skills parsers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-lesson-parser.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyLesson) lesson = NULL;
  g_autoptr(GPtrArray) skills = NULL;

  lesson = steady_lesson_parse ((const char *)data, size, "fuzz.lesson.xml", NULL, &error);
  if (lesson != NULL)
    {
      /* Walk everything a page would show. */
      g_assert_nonnull (steady_lesson_get_title (lesson));
      for (guint i = 0; i < steady_lesson_get_n_blocks (lesson); i++)
        g_assert_true (g_utf8_validate (steady_lesson_get_block (lesson, i)->text, -1, NULL));
      for (guint i = 0; i < steady_lesson_get_n_prompts (lesson); i++)
        g_assert_nonnull (steady_lesson_find_prompt (lesson, steady_lesson_get_prompt (lesson, i)->id));
      steady_lesson_count_words (lesson);
      steady_lesson_matches (lesson, "craving");
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.lesson.xml"));
    }
  g_clear_error (&error);

  skills = steady_skills_parse ((const char *)data, size, "skills.xml", NULL, &error);
  g_assert_true ((skills == NULL) == (error != NULL));

  return 0;
}
