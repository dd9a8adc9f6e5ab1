/* steady-lesson.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-lesson"

#include "config.h"

#include <string.h>

#include "steady-lesson.h"

struct _SteadyLesson
{
  GObject               parent_instance;

  /* Owned */
  char                 *id;
  char                 *title;
  char                 *summary;
  GPtrArray            *skills;
  GArray               *blocks;
  GArray               *prompts;
  char                 *folded_text;

  SteadyLessonCategory  category;
  guint                 minutes;
};

G_DEFINE_FINAL_TYPE (SteadyLesson, steady_lesson, G_TYPE_OBJECT)

static void
clear_block (gpointer data)
{
  SteadyLessonBlock *block = data;

  g_clear_pointer (&block->text, g_free);
}

static void
clear_prompt (gpointer data)
{
  SteadyLessonPrompt *prompt = data;

  g_clear_pointer (&prompt->id, g_free);
  g_clear_pointer (&prompt->text, g_free);
}

static void
invalidate_search_text (SteadyLesson *self)
{
  g_clear_pointer (&self->folded_text, g_free);
}

static void
steady_lesson_finalize (GObject *object)
{
  SteadyLesson *self = (SteadyLesson *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->prompts, g_array_unref);
  g_clear_pointer (&self->folded_text, g_free);

  G_OBJECT_CLASS (steady_lesson_parent_class)->finalize (object);
}

static void
steady_lesson_class_init (SteadyLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_lesson_finalize;
}

static void
steady_lesson_init (SteadyLesson *self)
{
  /* NULL-terminated so that it can be handed out as a strv. */
  self->skills = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (SteadyLessonBlock));
  g_array_set_clear_func (self->blocks, clear_block);
  self->prompts = g_array_new (FALSE, TRUE, sizeof (SteadyLessonPrompt));
  g_array_set_clear_func (self->prompts, clear_prompt);
}

SteadyLesson *
steady_lesson_new (const char           *id,
                   SteadyLessonCategory  category,
                   guint                 minutes)
{
  SteadyLesson *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (STEADY_TYPE_LESSON, NULL);
  self->id = g_strdup (id);
  self->category = category;
  self->minutes = minutes;

  return self;
}

const char *
steady_lesson_get_id (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);

  return self->id;
}

SteadyLessonCategory
steady_lesson_get_category (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), 0);

  return self->category;
}

guint
steady_lesson_get_minutes (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), 0);

  return self->minutes;
}

const char *
steady_lesson_get_title (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);

  return self->title;
}

void
steady_lesson_set_title (SteadyLesson *self,
                         const char   *title)
{
  g_return_if_fail (STEADY_IS_LESSON (self));

  g_free (self->title);
  self->title = g_strdup (title);
  invalidate_search_text (self);
}

const char *
steady_lesson_get_summary (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);

  return self->summary;
}

void
steady_lesson_set_summary (SteadyLesson *self,
                           const char   *summary)
{
  g_return_if_fail (STEADY_IS_LESSON (self));

  g_free (self->summary);
  self->summary = g_strdup (summary);
  invalidate_search_text (self);
}

/**
 * steady_lesson_get_skills:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   skills this lesson teaches
 */
const char * const *
steady_lesson_get_skills (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);

  return (const char * const *)self->skills->pdata;
}

void
steady_lesson_add_skill (SteadyLesson *self,
                         const char   *skill_id)
{
  g_return_if_fail (STEADY_IS_LESSON (self));
  g_return_if_fail (skill_id != NULL);

  if (!steady_lesson_teaches (self, skill_id))
    g_ptr_array_add (self->skills, g_strdup (skill_id));
}

gboolean
steady_lesson_teaches (SteadyLesson *self,
                       const char   *skill_id)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), FALSE);

  for (guint i = 0; i < self->skills->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->skills, i), skill_id) == 0)
        return TRUE;
    }

  return FALSE;
}

guint
steady_lesson_get_n_blocks (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), 0);

  return self->blocks->len;
}

const SteadyLessonBlock *
steady_lesson_get_block (SteadyLesson *self,
                         guint         index)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, SteadyLessonBlock, index);
}

void
steady_lesson_add_block (SteadyLesson          *self,
                         SteadyLessonBlockKind  kind,
                         const char            *text)
{
  SteadyLessonBlock block = { kind, g_strdup (text) };

  g_return_if_fail (STEADY_IS_LESSON (self));

  g_array_append_val (self->blocks, block);
  invalidate_search_text (self);
}

guint
steady_lesson_get_n_prompts (SteadyLesson *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), 0);

  return self->prompts->len;
}

const SteadyLessonPrompt *
steady_lesson_get_prompt (SteadyLesson *self,
                          guint         index)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);
  g_return_val_if_fail (index < self->prompts->len, NULL);

  return &g_array_index (self->prompts, SteadyLessonPrompt, index);
}

const SteadyLessonPrompt *
steady_lesson_find_prompt (SteadyLesson *self,
                           const char   *prompt_id)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), NULL);

  for (guint i = 0; i < self->prompts->len; i++)
    {
      const SteadyLessonPrompt *prompt = &g_array_index (self->prompts, SteadyLessonPrompt, i);

      if (g_strcmp0 (prompt->id, prompt_id) == 0)
        return prompt;
    }

  return NULL;
}

void
steady_lesson_add_prompt (SteadyLesson *self,
                          const char   *id,
                          const char   *text)
{
  SteadyLessonPrompt prompt = { g_strdup (id), g_strdup (text) };

  g_return_if_fail (STEADY_IS_LESSON (self));

  g_array_append_val (self->prompts, prompt);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/**
 * steady_lesson_count_words:
 *
 * Returns: the words in the body: headings, paragraphs and list items
 */
guint
steady_lesson_count_words (SteadyLesson *self)
{
  guint n = 0;

  g_return_val_if_fail (STEADY_IS_LESSON (self), 0);

  for (guint i = 0; i < self->blocks->len; i++)
    n += count_words (g_array_index (self->blocks, SteadyLessonBlock, i).text);

  return n;
}

/**
 * steady_lesson_matches:
 * @self: a #SteadyLesson
 * @folded_needle: text already passed through g_utf8_casefold() and
 *   g_utf8_normalize()
 *
 * Returns: whether the title, summary or body contain @folded_needle
 */
gboolean
steady_lesson_matches (SteadyLesson *self,
                       const char   *folded_needle)
{
  g_return_val_if_fail (STEADY_IS_LESSON (self), FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  if (self->folded_text == NULL)
    {
      g_autoptr(GString) all = g_string_new (NULL);
      g_autofree char *folded = NULL;

      g_string_append_printf (all, "%s\n%s\n", self->title ? self->title : "",
                              self->summary ? self->summary : "");
      for (guint i = 0; i < self->blocks->len; i++)
        g_string_append_printf (all, "%s\n", g_array_index (self->blocks, SteadyLessonBlock, i).text);

      folded = g_utf8_casefold (all->str, -1);
      self->folded_text = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
    }

  return strstr (self->folded_text, folded_needle) != NULL;
}

const char *
steady_lesson_category_to_string (SteadyLessonCategory category)
{
  switch (category)
    {
    case STEADY_LESSON_CATEGORY_COPING:
      return "coping";
    case STEADY_LESSON_CATEGORY_LIFE:
      return "life";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
steady_lesson_category_from_string (const char           *str,
                                    SteadyLessonCategory *category)
{
  if (g_strcmp0 (str, "coping") == 0)
    *category = STEADY_LESSON_CATEGORY_COPING;
  else if (g_strcmp0 (str, "life") == 0)
    *category = STEADY_LESSON_CATEGORY_LIFE;
  else
    return FALSE;

  return TRUE;
}
