/* steady-lesson-parser.c: reads the lesson format of data/lessons/FORMAT.md
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-lesson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-lesson-parser.h"

#define MIN_PROMPTS 3
#define MAX_PROMPTS 6
#define MAX_MINUTES 60

typedef enum
{
  PHASE_HEAD,      /* title, summary, teaches */
  PHASE_SECTIONS,
  PHASE_PROMPTS,
} Phase;

typedef enum
{
  TEXT_NONE,
  TEXT_TITLE,
  TEXT_SUMMARY,
  TEXT_HEADING,
  TEXT_PARAGRAPH,
  TEXT_ITEM,
  TEXT_PROMPT,
  TEXT_SKILL_NAME,
  TEXT_SKILL_DESCRIPTION,
} TextKind;

typedef struct
{
  const char    *filename;
  const char    *domain;
  GString       *text;
  TextKind       text_kind;

  /* Lessons */
  SteadyLesson  *lesson;
  Phase          phase;
  char          *prompt_id;
  guint          section_blocks;
  gboolean       in_section;
  gboolean       in_list;
  guint          list_items;
  gboolean       seen_root;

  /* Skills */
  GPtrArray     *skills;
  SteadySkillInfo *skill;
} ParseState;

G_DEFINE_QUARK (steady-lesson-error-quark, steady_lesson_error)

void
steady_skill_info_free (SteadySkillInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->name);
  g_free (info->description);
  g_free (info);
}

/* Collapses runs of white space into one space and trims the ends, as
 * xgettext does for ITS text, so that msgids match. */
char *
steady_lesson_collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '-')
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

G_GNUC_PRINTF (3, 4)
static void
set_error (GMarkupParseContext  *context,
           GError              **error,
           const char           *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* The place in the file is added once parsing stops. */
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID, message);
}

static gboolean
check_parent (GMarkupParseContext  *context,
              const char           *element,
              const char           *parent,
              GError              **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *actual = stack != NULL && stack->next != NULL ? stack->next->data : NULL;

  if (g_strcmp0 (actual, parent) != 0)
    {
      set_error (context, error, _("<%s> must be inside <%s>"), element, parent);
      return FALSE;
    }

  return TRUE;
}

static void
begin_text (ParseState *state,
            TextKind    kind)
{
  g_string_truncate (state->text, 0);
  state->text_kind = kind;
}

static char *
end_text (ParseState           *state,
          GMarkupParseContext  *context,
          const char           *element,
          GError              **error)
{
  g_autofree char *collapsed = steady_lesson_collapse_space (state->text->str);

  state->text_kind = TEXT_NONE;

  if (*collapsed == '\0')
    {
      set_error (context, error, _("<%s> is empty"), element);
      return NULL;
    }

  /* Translations are looked up by the text as written in English. */
  if (state->domain != NULL)
    return g_strdup (g_dgettext (state->domain, collapsed));

  return g_steal_pointer (&collapsed);
}

static void
lesson_start_element (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  ParseState *state = user_data;

  if (state->text_kind != TEXT_NONE)
    {
      set_error (context, error, _("<%s> is not allowed inside text"), element);
      return;
    }

  if (g_str_equal (element, "lesson"))
    {
      const char *id = NULL, *category = NULL, *minutes = NULL;
      SteadyLessonCategory cat;
      guint64 n = 0;

      if (state->seen_root)
        {
          set_error (context, error, _("only one <lesson> is allowed"));
          return;
        }
      state->seen_root = TRUE;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "category", &category,
                                        G_MARKUP_COLLECT_STRING, "minutes", &minutes,
                                        G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;

      if (!valid_id (id))
        set_error (context, error, _("lesson id “%s” must be lowercase letters, digits and “-”"), id);
      else if (!steady_lesson_category_from_string (category, &cat))
        set_error (context, error, _("unknown category “%s” (use “coping” or “life”)"), category);
      else if (!g_ascii_string_to_unsigned (minutes, 10, 1, MAX_MINUTES, &n, NULL))
        set_error (context, error, _("minutes “%s” must be a whole number from 1 to %d"), minutes, MAX_MINUTES);
      else
        state->lesson = steady_lesson_new (id, cat, (guint)n);
      return;
    }

  if (state->lesson == NULL)
    {
      set_error (context, error, _("the document must start with <lesson>"));
      return;
    }

  if (g_str_equal (element, "title") || g_str_equal (element, "summary"))
    {
      gboolean is_title = g_str_equal (element, "title");
      const char *existing = is_title ? steady_lesson_get_title (state->lesson)
                                      : steady_lesson_get_summary (state->lesson);

      if (!check_parent (context, element, "lesson", error) ||
          !g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (state->phase != PHASE_HEAD)
        set_error (context, error, _("<%s> must come before the first <section>"), element);
      else if (existing != NULL)
        set_error (context, error, _("only one <%s> is allowed"), element);
      else
        begin_text (state, is_title ? TEXT_TITLE : TEXT_SUMMARY);
    }
  else if (g_str_equal (element, "teaches"))
    {
      const char *skill = NULL;

      if (!check_parent (context, element, "lesson", error) ||
          !g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "skill", &skill,
                                        G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (state->phase != PHASE_HEAD)
        set_error (context, error, _("<teaches> must come before the first <section>"));
      else if (!valid_id (skill))
        set_error (context, error, _("skill id “%s” must be lowercase letters, digits and “-”"), skill);
      else
        steady_lesson_add_skill (state->lesson, skill);
    }
  else if (g_str_equal (element, "section"))
    {
      if (!check_parent (context, element, "lesson", error) ||
          !g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (state->phase == PHASE_PROMPTS)
        set_error (context, error, _("<section> must come before the prompts"));
      else if (steady_lesson_get_title (state->lesson) == NULL || steady_lesson_get_summary (state->lesson) == NULL)
        set_error (context, error, _("<title> and <summary> must come before the first <section>"));
      else
        {
          state->phase = PHASE_SECTIONS;
          state->in_section = TRUE;
          state->section_blocks = 0;
        }
    }
  else if (g_str_equal (element, "heading"))
    {
      if (!check_parent (context, element, "section", error) ||
          !g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (state->section_blocks > 0)
        set_error (context, error, _("a <section> has one <heading>, and it comes first"));
      else
        begin_text (state, TEXT_HEADING);
    }
  else if (g_str_equal (element, "p") || g_str_equal (element, "list"))
    {
      if (!check_parent (context, element, "section", error) ||
          !g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (state->section_blocks == 0)
        set_error (context, error, _("a <section> must start with its <heading>"));
      else if (g_str_equal (element, "p"))
        begin_text (state, TEXT_PARAGRAPH);
      else
        {
          state->in_list = TRUE;
          state->list_items = 0;
        }
    }
  else if (g_str_equal (element, "item"))
    {
      if (!check_parent (context, element, "list", error) ||
          !g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      begin_text (state, TEXT_ITEM);
    }
  else if (g_str_equal (element, "prompt"))
    {
      const char *id = NULL;

      if (!check_parent (context, element, "lesson", error) ||
          !g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (state->phase != PHASE_SECTIONS && state->phase != PHASE_PROMPTS)
        set_error (context, error, _("prompts come after the sections"));
      else if (!valid_id (id))
        set_error (context, error, _("prompt id “%s” must be lowercase letters, digits and “-”"), id);
      else if (steady_lesson_find_prompt (state->lesson, id) != NULL)
        set_error (context, error, _("prompt id “%s” is used twice"), id);
      else
        {
          state->phase = PHASE_PROMPTS;
          g_free (state->prompt_id);
          state->prompt_id = g_strdup (id);
          begin_text (state, TEXT_PROMPT);
        }
    }
  else
    {
      set_error (context, error, _("unknown element <%s>"), element);
    }
}

static void
lesson_end_element (GMarkupParseContext  *context,
                    const char           *element,
                    gpointer              user_data,
                    GError              **error)
{
  ParseState *state = user_data;
  g_autofree char *text = NULL;

  if (state->lesson == NULL)
    return;

  if (g_str_equal (element, "title") || g_str_equal (element, "summary") ||
      g_str_equal (element, "heading") || g_str_equal (element, "p") ||
      g_str_equal (element, "item") || g_str_equal (element, "prompt"))
    {
      TextKind kind = state->text_kind;

      if (!(text = end_text (state, context, element, error)))
        return;

      switch (kind)
        {
        case TEXT_TITLE:
          steady_lesson_set_title (state->lesson, text);
          break;
        case TEXT_SUMMARY:
          steady_lesson_set_summary (state->lesson, text);
          break;
        case TEXT_HEADING:
          steady_lesson_add_block (state->lesson, STEADY_LESSON_BLOCK_HEADING, text);
          state->section_blocks++;
          break;
        case TEXT_PARAGRAPH:
          steady_lesson_add_block (state->lesson, STEADY_LESSON_BLOCK_PARAGRAPH, text);
          state->section_blocks++;
          break;
        case TEXT_ITEM:
          steady_lesson_add_block (state->lesson, STEADY_LESSON_BLOCK_ITEM, text);
          state->list_items++;
          break;
        case TEXT_PROMPT:
          steady_lesson_add_prompt (state->lesson, state->prompt_id, text);
          break;
        case TEXT_NONE:
        case TEXT_SKILL_NAME:
        case TEXT_SKILL_DESCRIPTION:
        default:
          g_assert_not_reached ();
        }
    }
  else if (g_str_equal (element, "list"))
    {
      state->in_list = FALSE;
      if (state->list_items == 0)
        set_error (context, error, _("<list> has no <item>"));
      else
        state->section_blocks++;
    }
  else if (g_str_equal (element, "section"))
    {
      state->in_section = FALSE;
      if (state->section_blocks < 2)
        set_error (context, error, _("a <section> needs a <heading> and some text"));
    }
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  ParseState *state = user_data;

  if (state->text_kind != TEXT_NONE)
    {
      g_string_append_len (state->text, text, len);
      return;
    }

  /* Outside text elements only white space may stand. */
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          set_error (context, error, _("text is only allowed inside <title>, <summary>, <heading>, <p>, <item> and <prompt>"));
          return;
        }
    }
}

static const GMarkupParser lesson_parser = {
  lesson_start_element,
  lesson_end_element,
  collect_text,
  NULL,
  NULL,
};

static gboolean
check_complete (SteadyLesson  *lesson,
                GError       **error)
{
  guint n_prompts = steady_lesson_get_n_prompts (lesson);

  if (steady_lesson_get_n_blocks (lesson) == 0)
    {
      g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                   _("the lesson has no <section>"));
      return FALSE;
    }

  if (n_prompts < MIN_PROMPTS || n_prompts > MAX_PROMPTS)
    {
      g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                   _("a lesson has %d to %d prompts, this one has %u"),
                   MIN_PROMPTS, MAX_PROMPTS, n_prompts);
      return FALSE;
    }

  if (steady_lesson_get_category (lesson) == STEADY_LESSON_CATEGORY_COPING &&
      steady_lesson_get_skills (lesson)[0] == NULL)
    {
      g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                   _("a coping lesson must teach at least one skill"));
      return FALSE;
    }

  return TRUE;
}

static void
prefix_with_position (GError              **error,
                      GMarkupParseContext  *context,
                      const char           *filename)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;

  if (error == NULL || *error == NULL)
    return;

  g_markup_parse_context_get_position (context, &line, &column);

  /* GMarkup's own syntax errors already say where; the rest get the
   * place, and every error comes in our domain. */
  if ((*error)->domain == G_MARKUP_ERROR && g_str_has_prefix ((*error)->message, "Error on line"))
    message = g_strdup_printf ("%s: %s", filename, (*error)->message);
  else
    message = g_strdup_printf ("%s:%d:%d: %s", filename, line, column, (*error)->message);

  g_clear_error (error);
  g_set_error_literal (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID, message);
}

/**
 * steady_lesson_parse:
 * @data: the file's contents
 * @length: its length, or -1 when NUL-terminated
 * @filename: names the file in errors
 * @domain: (nullable): the gettext domain to translate text with
 * @error: a location for an error naming the file, line and problem
 *
 * Returns: (transfer full) (nullable): the lesson
 */
SteadyLesson *
steady_lesson_parse (const char  *data,
                     gssize       length,
                     const char  *filename,
                     const char  *domain,
                     GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { 0 };
  SteadyLesson *lesson = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                   _("%s: the file is not valid UTF-8"), filename);
      return NULL;
    }

  state.filename = filename;
  state.domain = domain;
  state.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&lesson_parser, G_MARKUP_DEFAULT_FLAGS, &state, NULL);

  ok = g_markup_parse_context_parse (context, data, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  if (ok && state.lesson == NULL)
    {
      g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                   _("the document has no <lesson>"));
      ok = FALSE;
    }

  if (ok)
    ok = check_complete (state.lesson, error);

  if (ok)
    lesson = g_steal_pointer (&state.lesson);
  else
    prefix_with_position (error, context, filename);

  g_clear_object (&state.lesson);
  g_clear_pointer (&state.prompt_id, g_free);
  g_string_free (state.text, TRUE);

  return lesson;
}

static void
skills_start_element (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  ParseState *state = user_data;

  if (state->text_kind != TEXT_NONE)
    {
      set_error (context, error, _("<%s> is not allowed inside text"), element);
      return;
    }

  if (g_str_equal (element, "skills"))
    {
      if (state->seen_root)
        set_error (context, error, _("only one <skills> is allowed"));
      state->seen_root = TRUE;
    }
  else if (g_str_equal (element, "skill"))
    {
      const char *id = NULL;

      if (!check_parent (context, element, "skills", error) ||
          !g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_INVALID, NULL, NULL))
        return;
      if (!valid_id (id))
        {
          set_error (context, error, _("skill id “%s” must be lowercase letters, digits and “-”"), id);
          return;
        }
      for (guint i = 0; i < state->skills->len; i++)
        {
          if (g_str_equal (((SteadySkillInfo *)g_ptr_array_index (state->skills, i))->id, id))
            {
              set_error (context, error, _("skill id “%s” is used twice"), id);
              return;
            }
        }
      state->skill = g_new0 (SteadySkillInfo, 1);
      state->skill->id = g_strdup (id);
      g_ptr_array_add (state->skills, state->skill);
    }
  else if (g_str_equal (element, "name") || g_str_equal (element, "description"))
    {
      if (!check_parent (context, element, "skill", error))
        return;
      begin_text (state, g_str_equal (element, "name") ? TEXT_SKILL_NAME : TEXT_SKILL_DESCRIPTION);
    }
  else
    {
      set_error (context, error, _("unknown element <%s>"), element);
    }
}

static void
skills_end_element (GMarkupParseContext  *context,
                    const char           *element,
                    gpointer              user_data,
                    GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element, "name") || g_str_equal (element, "description"))
    {
      gboolean is_name = state->text_kind == TEXT_SKILL_NAME;
      char *text = end_text (state, context, element, error);

      if (text == NULL)
        return;
      if (is_name)
        {
          g_free (state->skill->name);
          state->skill->name = text;
        }
      else
        {
          g_free (state->skill->description);
          state->skill->description = text;
        }
    }
  else if (g_str_equal (element, "skill"))
    {
      if (state->skill->name == NULL)
        set_error (context, error, _("skill “%s” has no <name>"), state->skill->id);
      state->skill = NULL;
    }
}

static const GMarkupParser skills_parser = {
  skills_start_element,
  skills_end_element,
  collect_text,
  NULL,
  NULL,
};

/**
 * steady_skills_parse:
 * @data: the contents of skills.xml
 * @length: its length, or -1 when NUL-terminated
 * @filename: names the file in errors
 * @domain: (nullable): the gettext domain to translate text with
 * @error: a location for an error
 *
 * Returns: (transfer full) (element-type SteadySkillInfo) (nullable): the
 *   skills, in the file's order
 */
GPtrArray *
steady_skills_parse (const char  *data,
                     gssize       length,
                     const char  *filename,
                     const char  *domain,
                     GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_skill_info_free);
  ParseState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                   _("%s: the file is not valid UTF-8"), filename);
      return NULL;
    }

  state.filename = filename;
  state.domain = domain;
  state.text = g_string_new (NULL);
  state.skills = skills;

  context = g_markup_parse_context_new (&skills_parser, G_MARKUP_DEFAULT_FLAGS, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  if (!ok)
    prefix_with_position (error, context, filename);

  g_string_free (state.text, TRUE);

  return ok ? g_steal_pointer (&skills) : NULL;
}
