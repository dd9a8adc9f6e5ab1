/* steady-lessons.h: what the person did with the lessons
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-store.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_LESSON_STATE_NOT_STARTED,
  STEADY_LESSON_STATE_IN_PROGRESS,
  STEADY_LESSON_STATE_DONE,
} SteadyLessonState;

typedef struct
{
  guint  n_done;
  guint  n_in_progress;
  guint  n_answers;
  gint64 last_activity;   /* Unix seconds, 0 when nothing yet */
} SteadyLessonsSummary;

SteadyLessonState  steady_lessons_get_state            (SteadyStore           *store,
                                                        const char            *lesson_id);
gint64             steady_lessons_get_done_time        (SteadyStore           *store,
                                                        const char            *lesson_id);
gboolean           steady_lessons_get_practise_later   (SteadyStore           *store,
                                                        const char            *lesson_id);
char              *steady_lessons_get_answer           (SteadyStore           *store,
                                                        const char            *lesson_id,
                                                        const char            *prompt_id);
GStrv              steady_lessons_list_practise_later  (SteadyStore           *store);
void               steady_lessons_get_summary          (SteadyStore           *store,
                                                        SteadyLessonsSummary  *summary);

gboolean           steady_lessons_save_answer          (SteadyStore           *store,
                                                        const char            *lesson_id,
                                                        const char            *prompt_id,
                                                        const char            *answer,
                                                        gint64                 now,
                                                        GError               **error);
gboolean           steady_lessons_set_done             (SteadyStore           *store,
                                                        const char            *lesson_id,
                                                        gboolean               done,
                                                        gint64                 now,
                                                        GError               **error);
gboolean           steady_lessons_set_practise_later   (SteadyStore           *store,
                                                        const char            *lesson_id,
                                                        gboolean               later,
                                                        gint64                 now,
                                                        GError               **error);

void               steady_lessons_save_answer_async    (SteadyStore           *store,
                                                        const char            *lesson_id,
                                                        const char            *prompt_id,
                                                        const char            *answer,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
void               steady_lessons_set_done_async       (SteadyStore           *store,
                                                        const char            *lesson_id,
                                                        gboolean               done,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
void               steady_lessons_set_practise_later_async (SteadyStore       *store,
                                                        const char            *lesson_id,
                                                        gboolean               later,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
gboolean           steady_lessons_skills_need_sync     (SteadyStore           *store,
                                                        GPtrArray             *skills);
gboolean           steady_lessons_sync_skills          (SteadyStore           *store,
                                                        GPtrArray             *skills,
                                                        GError               **error);

gboolean           steady_lessons_write_finish         (SteadyStore           *store,
                                                        GAsyncResult          *result,
                                                        GError               **error);

G_END_DECLS
