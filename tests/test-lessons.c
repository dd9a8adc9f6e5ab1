/* test-lessons.c: the lesson format, the shipped library, progress and answers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-lesson-library.h"
#include "steady-journal.h"
#include "steady-lessons.h"
#include "steady-store-private.h"

static char *
lessons_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", NULL);
}

static GPtrArray *
shipped_files (void)
{
  g_autofree char *dir_path = lessons_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".lesson.xml"))
        g_ptr_array_add (files, g_strdup (name));
    }

  return files;
}

static void
test_shipped_lessons (void)
{
  g_autofree char *dir = lessons_dir ();
  g_autoptr(SteadyLessonLibrary) library = steady_lesson_library_new_from_directory (dir, NULL);
  g_autoptr(GPtrArray) files = shipped_files ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_coping = 0, n_life = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < steady_lesson_library_get_errors (library)->len; i++)
    g_printerr ("%s\n", (char *)g_ptr_array_index (steady_lesson_library_get_errors (library), i));
  g_assert_cmpuint (steady_lesson_library_get_errors (library)->len, ==, 0);

  /* Every file is listed in lessons.list, and at least 18 ship. */
  g_assert_cmpuint (n, ==, files->len);
  g_assert_cmpuint (n, >=, 18);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyLesson) lesson = g_list_model_get_item (G_LIST_MODEL (library), i);
      const char *id = steady_lesson_get_id (lesson);
      guint words = steady_lesson_count_words (lesson);
      guint prompts = steady_lesson_get_n_prompts (lesson);
      const char * const *skills = steady_lesson_get_skills (lesson);

      g_test_message ("%s: %u words, %u prompts", id, words, prompts);

      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer)id);

      g_assert_nonnull (steady_lesson_get_title (lesson));
      g_assert_nonnull (steady_lesson_get_summary (lesson));
      g_assert_cmpuint (words, >=, 600);
      g_assert_cmpuint (words, <=, 1500);
      g_assert_cmpuint (prompts, >=, 3);
      g_assert_cmpuint (prompts, <=, 6);
      g_assert_cmpuint (steady_lesson_get_minutes (lesson), >=, 1);

      if (steady_lesson_get_category (lesson) == STEADY_LESSON_CATEGORY_COPING)
        {
          n_coping++;
          g_assert_nonnull (skills[0]);
        }
      else
        {
          n_life++;
        }

      for (guint j = 0; skills[j] != NULL; j++)
        g_assert_nonnull (steady_lesson_library_lookup_skill (library, skills[j]));
    }

  g_assert_cmpuint (n_coping, >=, 9);
  g_assert_cmpuint (n_life, >=, 9);
}

static void
test_default_library (void)
{
  SteadyLessonLibrary *library = steady_lesson_library_get_default ();
  g_autoptr(GPtrArray) files = shipped_files ();

  /* The same lessons come out of the compiled-in resource. */
  g_assert_cmpuint (steady_lesson_library_get_errors (library)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, files->len);
  g_assert_true (steady_lesson_library_get_default () == library);
}

static void
test_skills_linked (void)
{
  g_autofree char *dir = lessons_dir ();
  g_autoptr(SteadyLessonLibrary) library = steady_lesson_library_new_from_directory (dir, NULL);
  GPtrArray *skills = steady_lesson_library_get_skills (library);
  SteadyLesson *lesson;

  g_assert_cmpuint (skills->len, >=, 10);

  /* Every skill the journal offers has a lesson that teaches it, and that
   * lesson names the skill back. */
  for (guint i = 0; i < skills->len; i++)
    {
      const SteadySkillInfo *skill = g_ptr_array_index (skills, i);

      g_assert_nonnull (skill->name);
      lesson = steady_lesson_library_find_teacher (library, skill->id);
      g_assert_nonnull (lesson);
      g_assert_true (steady_lesson_teaches (lesson, skill->id));
    }

  lesson = steady_lesson_library_lookup (library, "riding-out-cravings");
  g_assert_nonnull (lesson);
  g_assert_true (steady_lesson_teaches (lesson, "urge-surfing"));
  g_assert_true (steady_lesson_library_find_teacher (library, "urge-surfing") == lesson);
  g_assert_null (steady_lesson_library_find_teacher (library, "no-such-skill"));
}

/* Reads the msgids of a .pot, undoing its line folding and escapes. */
static GHashTable *
read_msgids (const char *pot)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (pot, "\n", -1);
  g_autoptr(GString) current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgid \""))
        {
          current = g_string_new (NULL);
          line += strlen ("msgid ");
        }
      else if (current == NULL || line[0] != '"')
        {
          if (current != NULL && current->len > 0)
            g_hash_table_add (ids, g_strdup (current->str));
          if (current != NULL)
            g_string_free (g_steal_pointer (&current), TRUE);
          continue;
        }

      {
        g_autofree char *quoted = g_strndup (line + 1, strlen (line) - 2);
        g_autofree char *unescaped = g_strcompress (quoted);

        g_string_append (current, unescaped);
      }
    }

  return ids;
}

static void
test_its_extraction (void)
{
  g_autofree char *dir = lessons_dir ();
  g_autoptr(SteadyLessonLibrary) library = steady_lesson_library_new_from_directory (dir, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = shipped_files ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) msgids = NULL;
  g_autofree char *pot = NULL;
  g_autofree char *pot_path = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("steady-its-XXXXXX", &error);
  g_auto(GStrv) envp = g_get_environ ();
  int status = 0;

  g_assert_no_error (error);
  pot_path = g_build_filename (tmp, "lessons.pot", NULL);

  g_ptr_array_add (argv, g_strdup ("xgettext"));
  g_ptr_array_add (argv, g_strdup ("--from-code=UTF-8"));
  g_ptr_array_add (argv, g_strconcat ("--output=", pot_path, NULL));
  g_ptr_array_add (argv, g_build_filename (dir, "skills.xml", NULL));
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_build_filename (dir, g_ptr_array_index (files, i), NULL));
  g_ptr_array_add (argv, NULL);

  /* The same rules meson's steady-pot target uses. */
  envp = g_environ_setenv (envp, "GETTEXTDATADIRS", dir, TRUE);
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (pot_path, &pot, NULL, NULL));
  msgids = read_msgids (pot);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(SteadyLesson) lesson = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_assert_true (g_hash_table_contains (msgids, steady_lesson_get_title (lesson)));
      g_assert_true (g_hash_table_contains (msgids, steady_lesson_get_summary (lesson)));
      for (guint j = 0; j < steady_lesson_get_n_blocks (lesson); j++)
        {
          const char *text = steady_lesson_get_block (lesson, j)->text;

          if (!g_hash_table_contains (msgids, text))
            g_error ("Not in the .pot as parsed: “%s”", text);
        }
      for (guint j = 0; j < steady_lesson_get_n_prompts (lesson); j++)
        g_assert_true (g_hash_table_contains (msgids, steady_lesson_get_prompt (lesson, j)->text));
      g_assert_false (g_hash_table_contains (msgids, steady_lesson_get_id (lesson)));
    }

  for (guint i = 0; i < steady_lesson_library_get_skills (library)->len; i++)
    {
      const SteadySkillInfo *skill = g_ptr_array_index (steady_lesson_library_get_skills (library), i);

      g_assert_true (g_hash_table_contains (msgids, skill->name));
      g_assert_false (g_hash_table_contains (msgids, skill->id));
    }

  g_unlink (pot_path);
  g_rmdir (tmp);
}

#define HEAD "<?xml version=\"1.0\"?>\n<lesson id=\"x\" category=\"life\" minutes=\"5\">\n"
#define TS "<title>T</title><summary>S</summary>\n"
#define SECTION "<section><heading>H</heading><p>P</p></section>\n"
#define PROMPTS "<prompt id=\"a\">A</prompt><prompt id=\"b\">B</prompt><prompt id=\"c\">C</prompt>\n"

static void
test_parse_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyLesson) lesson = NULL;
  const char *xml = HEAD "<title>  A   title\n  across lines </title><summary>S</summary>\n"
                    "<teaches skill=\"grounding\"/>\n"
                    "<section><heading>H</heading><p>One &amp; two</p>"
                    "<list><item>i1</item><item>i2</item></list><p>after</p></section>\n"
                    PROMPTS "</lesson>\n";

  lesson = steady_lesson_parse (xml, -1, "ok.lesson.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_lesson_get_id (lesson), ==, "x");
  g_assert_cmpint (steady_lesson_get_category (lesson), ==, STEADY_LESSON_CATEGORY_LIFE);
  g_assert_cmpuint (steady_lesson_get_minutes (lesson), ==, 5);
  g_assert_cmpstr (steady_lesson_get_title (lesson), ==, "A title across lines");
  g_assert_true (steady_lesson_teaches (lesson, "grounding"));
  g_assert_cmpuint (steady_lesson_get_n_blocks (lesson), ==, 5);
  g_assert_cmpint (steady_lesson_get_block (lesson, 0)->kind, ==, STEADY_LESSON_BLOCK_HEADING);
  g_assert_cmpstr (steady_lesson_get_block (lesson, 1)->text, ==, "One & two");
  g_assert_cmpint (steady_lesson_get_block (lesson, 2)->kind, ==, STEADY_LESSON_BLOCK_ITEM);
  g_assert_cmpint (steady_lesson_get_block (lesson, 4)->kind, ==, STEADY_LESSON_BLOCK_PARAGRAPH);
  g_assert_cmpuint (steady_lesson_get_n_prompts (lesson), ==, 3);
  g_assert_cmpstr (steady_lesson_find_prompt (lesson, "b")->text, ==, "B");
  g_assert_true (steady_lesson_matches (lesson, "one & two"));
  g_assert_false (steady_lesson_matches (lesson, "nowhere"));
}

typedef struct
{
  const char *xml;
  const char *expected;   /* a part of the message */
  int         line;       /* 0: any */
} BadCase;

static void
test_parse_errors (void)
{
  static const BadCase cases[] = {
    { "", "empty", 0 },
    { "not xml at all", "bad.lesson.xml", 1 },
    { HEAD TS SECTION PROMPTS, "bad.lesson.xml", 0 },   /* unclosed */
    { "<?xml version=\"1.0\"?>\n<lessen/>", "must start with <lesson>", 2 },
    { HEAD TS SECTION "<prompt id=\"a\">A</prompt></lesson>", "prompts", 0 },
    { HEAD TS SECTION PROMPTS "<prompt id=\"d\">D</prompt><prompt id=\"e\">E</prompt><prompt id=\"f\">F</prompt><prompt id=\"g\">G</prompt></lesson>", "this one has 7", 0 },
    { HEAD TS SECTION "<prompt id=\"a\">A</prompt><prompt id=\"a\">B</prompt></lesson>", "used twice", 0 },
    { HEAD "<summary>S</summary>\n" SECTION PROMPTS "</lesson>", "<title> and <summary>", 4 },
    { HEAD TS "<section>\n<heading>H</heading>\n<p>P <b>bold</b></p></section>" PROMPTS "</lesson>", "<b> is not allowed inside text", 6 },
    { HEAD TS "<section><p>P</p></section>" PROMPTS "</lesson>", "must start with its <heading>", 0 },
    { HEAD TS "<section><heading>H</heading><list></list></section>" PROMPTS "</lesson>", "<list> has no <item>", 0 },
    { HEAD TS "<section><heading>H</heading><p>   </p></section>" PROMPTS "</lesson>", "<p> is empty", 0 },
    { HEAD TS "<section><heading>H</heading></section>" PROMPTS "</lesson>", "needs a <heading> and some text", 0 },
    { HEAD TS "stray text" SECTION PROMPTS "</lesson>", "text is only allowed", 0 },
    { "<?xml version=\"1.0\"?>\n<lesson id=\"Bad Id\" category=\"life\" minutes=\"5\">", "lowercase", 2 },
    { "<?xml version=\"1.0\"?>\n<lesson id=\"x\" category=\"fun\" minutes=\"5\">", "unknown category", 2 },
    { "<?xml version=\"1.0\"?>\n<lesson id=\"x\" category=\"life\" minutes=\"0\">", "minutes", 2 },
    { "<?xml version=\"1.0\"?>\n<lesson id=\"x\" category=\"life\">", "minutes", 2 },
    { "<?xml version=\"1.0\"?>\n<lesson id=\"x\" category=\"coping\" minutes=\"5\">" TS SECTION PROMPTS "</lesson>", "at least one skill", 0 },
    { HEAD TS SECTION "<teaches skill=\"grounding\"/>" PROMPTS "</lesson>", "<teaches> must come before", 0 },
    { HEAD TS SECTION PROMPTS SECTION "</lesson>", "<section> must come before the prompts", 0 },
    { HEAD TS "<title>Again</title>" SECTION PROMPTS "</lesson>", "only one <title>", 0 },
    { HEAD TS "<item>I</item>" SECTION PROMPTS "</lesson>", "<item> must be inside <list>", 0 },
    { HEAD "<title>\xff\xfe</title>", "not valid UTF-8", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyLesson) lesson = NULL;

      lesson = steady_lesson_parse (cases[i].xml, -1, "bad.lesson.xml", NULL, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (lesson);
      g_assert_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "bad.lesson.xml"));
      g_assert_nonnull (strstr (error->message, cases[i].expected));

      if (cases[i].line > 0)
        {
          g_autofree char *ours = g_strdup_printf ("bad.lesson.xml:%d:", cases[i].line);
          g_autofree char *glib = g_strdup_printf ("line %d", cases[i].line);

          g_assert_true (g_str_has_prefix (error->message, ours) || strstr (error->message, glib) != NULL);
        }
    }
}

static void
test_bad_lesson_left_out (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("steady-lessons-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SteadyLessonLibrary) library = NULL;
  const char *good = HEAD TS SECTION PROMPTS "</lesson>";
  const char *files[][2] = {
    { "lessons.list", "# order\nx\nbroken\nunknown-skill\nmissing\nrenamed\n" },
    { "skills.xml", "<skills><skill id=\"grounding\"><name>G</name></skill></skills>" },
    { "broken.lesson.xml", "<lesson id=\"broken\"" },
    { "unknown-skill.lesson.xml", "<?xml version=\"1.0\"?><lesson id=\"unknown-skill\" category=\"coping\" minutes=\"3\">"
                                  "<title>T</title><summary>S</summary><teaches skill=\"juggling\"/>"
                                  SECTION PROMPTS "</lesson>" },
    { "renamed.lesson.xml", good },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_clear_pointer (&path, g_free);
      path = g_build_filename (tmp, files[i][0], NULL);
      g_assert_true (g_file_set_contents (path, files[i][1], -1, NULL));
    }
  g_clear_pointer (&path, g_free);
  path = g_build_filename (tmp, "x.lesson.xml", NULL);
  g_assert_true (g_file_set_contents (path, good, -1, NULL));

  library = steady_lesson_library_new_from_directory (tmp, NULL);

  /* The good lesson loads; each bad one is left out with a reason. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_nonnull (steady_lesson_library_lookup (library, "x"));
  g_assert_cmpuint (steady_lesson_library_get_errors (library)->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (steady_lesson_library_get_errors (library), 0), "broken.lesson.xml"));
  g_assert_nonnull (strstr (g_ptr_array_index (steady_lesson_library_get_errors (library), 1), "juggling"));
  g_assert_nonnull (strstr (g_ptr_array_index (steady_lesson_library_get_errors (library), 3), "not the file"));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_clear_pointer (&path, g_free);
      path = g_build_filename (tmp, files[i][0], NULL);
      g_unlink (path);
    }
  g_clear_pointer (&path, g_free);
  path = g_build_filename (tmp, "x.lesson.xml", NULL);
  g_unlink (path);
  g_rmdir (tmp);
}

static SteadyStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_store_default_path ();
  SteadyStore *store = steady_store_open (path, &error);

  g_assert_no_error (error);

  return store;
}

static void
close_store (SteadyStore *store)
{
  steady_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);
}

static void
test_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  SteadyStore *store = open_store ();
  const char *mixed = "Je me sens mieux 😊 — שלום עולם\nline two\ttabbed";
  char *answer;

  g_assert_cmpint (steady_lessons_get_state (store, "the-halt-check"), ==, STEADY_LESSON_STATE_NOT_STARTED);
  g_assert_null (steady_lessons_get_answer (store, "the-halt-check", "hungry"));

  g_assert_true (steady_lessons_save_answer (store, "the-halt-check", "hungry", mixed, 1000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steady_lessons_get_state (store, "the-halt-check"), ==, STEADY_LESSON_STATE_IN_PROGRESS);
  answer = steady_lessons_get_answer (store, "the-halt-check", "hungry");
  g_assert_cmpstr (answer, ==, mixed);
  g_free (answer);

  /* Updated in place, and any length is kept exactly. */
  big = g_strnfill (256 * 1024, 'x');
  big[1000] = '\n';
  g_assert_true (steady_lessons_save_answer (store, "the-halt-check", "hungry", big, 1001, &error));
  answer = steady_lessons_get_answer (store, "the-halt-check", "hungry");
  g_assert_cmpstr (answer, ==, big);
  g_free (answer);

  /* Invalid text is refused and the old answer stays. */
  g_assert_false (steady_lessons_save_answer (store, "the-halt-check", "hungry", "bad \xc3\x28", 1002, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  answer = steady_lessons_get_answer (store, "the-halt-check", "hungry");
  g_assert_cmpstr (answer, ==, big);
  g_free (answer);

  /* Emptying an answer removes it. */
  g_assert_true (steady_lessons_save_answer (store, "the-halt-check", "hungry", "", 1003, &error));
  g_assert_null (steady_lessons_get_answer (store, "the-halt-check", "hungry"));

  close_store (store);

  /* Answers survive a restart. */
  store = open_store ();
  g_assert_true (steady_lessons_save_answer (store, "mindfulness-basics", "when", "mornings", 2000, &error));
  close_store (store);
  store = open_store ();
  answer = steady_lessons_get_answer (store, "mindfulness-basics", "when");
  g_assert_cmpstr (answer, ==, "mornings");
  g_free (answer);
  close_store (store);
}

static void
test_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) later = NULL;
  SteadyLessonsSummary summary;
  SteadyStore *store = open_store ();

  steady_lessons_get_summary (store, &summary);
  g_assert_cmpuint (summary.n_done, ==, 0);
  g_assert_cmpuint (summary.n_answers, ==, 0);
  g_assert_cmpint (summary.last_activity, ==, 0);

  g_assert_true (steady_lessons_save_answer (store, "a", "p1", "one", 100, &error));
  g_assert_true (steady_lessons_save_answer (store, "a", "p2", "two", 110, &error));
  g_assert_true (steady_lessons_save_answer (store, "b", "p1", "three", 120, &error));
  g_assert_true (steady_lessons_set_done (store, "b", TRUE, 130, &error));
  g_assert_true (steady_lessons_set_done (store, "c", TRUE, 140, &error));
  g_assert_no_error (error);

  g_assert_cmpint (steady_lessons_get_state (store, "a"), ==, STEADY_LESSON_STATE_IN_PROGRESS);
  g_assert_cmpint (steady_lessons_get_state (store, "b"), ==, STEADY_LESSON_STATE_DONE);
  g_assert_cmpint (steady_lessons_get_state (store, "c"), ==, STEADY_LESSON_STATE_DONE);
  g_assert_cmpint (steady_lessons_get_done_time (store, "b"), ==, 130);

  steady_lessons_get_summary (store, &summary);
  g_assert_cmpuint (summary.n_done, ==, 2);
  g_assert_cmpuint (summary.n_in_progress, ==, 1);
  g_assert_cmpuint (summary.n_answers, ==, 3);
  g_assert_cmpint (summary.last_activity, ==, 140);

  /* Not done any more: back in progress, the answers kept. */
  g_assert_true (steady_lessons_set_done (store, "b", FALSE, 150, &error));
  g_assert_cmpint (steady_lessons_get_state (store, "b"), ==, STEADY_LESSON_STATE_IN_PROGRESS);
  g_assert_cmpint (steady_lessons_get_done_time (store, "b"), ==, 0);

  g_assert_true (steady_lessons_set_practise_later (store, "c", TRUE, 160, &error));
  g_assert_true (steady_lessons_set_practise_later (store, "a", TRUE, 170, &error));
  g_assert_true (steady_lessons_get_practise_later (store, "c"));
  later = steady_lessons_list_practise_later (store);
  g_assert_cmpuint (g_strv_length (later), ==, 2);
  g_assert_cmpstr (later[0], ==, "c");
  g_assert_cmpstr (later[1], ==, "a");

  g_assert_true (steady_lessons_set_practise_later (store, "c", FALSE, 180, &error));
  g_assert_false (steady_lessons_get_practise_later (store, "c"));

  close_store (store);
}

typedef struct
{
  guint pending;
  guint changed;
} AsyncState;

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_lessons_write_finish (STEADY_STORE (object), result, &error));
  g_assert_no_error (error);
  state->pending--;
}

static void
changed_cb (SteadyStore *store,
            const char  *what,
            AsyncState  *state)
{
  state->changed++;
}

static void
test_async_writes (void)
{
  SteadyStore *store = open_store ();
  AsyncState state = { 0, 0 };
  g_autofree char *answer = NULL;

  g_signal_connect (store, "changed::lessons", G_CALLBACK (changed_cb), &state);

  /* Queued in order: the last typed text wins. */
  state.pending = 4;
  steady_lessons_save_answer_async (store, "l", "p", "draft", NULL, write_done_cb, &state);
  steady_lessons_save_answer_async (store, "l", "p", "draft two", NULL, write_done_cb, &state);
  steady_lessons_save_answer_async (store, "l", "p", "final", NULL, write_done_cb, &state);
  steady_lessons_set_done_async (store, "l", TRUE, NULL, write_done_cb, &state);

  while (state.pending > 0 || state.changed < 4)
    g_main_context_iteration (NULL, TRUE);

  answer = steady_lessons_get_answer (store, "l", "p");
  g_assert_cmpstr (answer, ==, "final");
  g_assert_cmpint (steady_lessons_get_state (store, "l"), ==, STEADY_LESSON_STATE_DONE);

  g_signal_handlers_disconnect_by_data (store, &state);
  close_store (store);
}

static void
test_skills_synced_to_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lessons_dir ();
  g_autoptr(SteadyLessonLibrary) library = steady_lesson_library_new_from_directory (dir, NULL);
  GPtrArray *skills = steady_lesson_library_get_skills (library);
  g_autoptr(GListModel) offered = NULL;
  g_autoptr(GPtrArray) fewer = NULL;
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  SteadyStore *store = open_store ();

  g_assert_true (steady_lessons_skills_need_sync (store, skills));
  g_assert_true (steady_lessons_sync_skills (store, skills, &error));
  g_assert_no_error (error);
  g_assert_false (steady_lessons_skills_need_sync (store, skills));

  /* The journal offers every skill the lessons teach, in their order. */
  offered = steady_journal_list_choices (store, STEADY_JOURNAL_CHOICE_SKILL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, skills->len);
  for (guint i = 0; i < skills->len; i++)
    {
      g_autoptr(SteadyJournalChoice) choice = g_list_model_get_item (offered, i);

      g_assert_cmpstr (steady_journal_choice_get_key (choice), ==,
                       ((SteadySkillInfo *)g_ptr_array_index (skills, i))->id);
    }
  g_clear_object (&offered);

  /* A skill used in a check-in and later dropped from the lessons stays
   * on that check-in, but is no longer offered. */
  steady_journal_entry_set_skill (entry, ((SteadySkillInfo *)g_ptr_array_index (skills, 0))->id, 8);
  g_assert_true (steady_journal_save (store, entry, &error));
  fewer = g_ptr_array_new ();
  for (guint i = 1; i < skills->len; i++)
    g_ptr_array_add (fewer, g_ptr_array_index (skills, i));
  g_assert_true (steady_lessons_skills_need_sync (store, fewer));
  g_assert_true (steady_lessons_sync_skills (store, fewer, &error));
  g_assert_no_error (error);
  offered = steady_journal_list_choices (store, STEADY_JOURNAL_CHOICE_SKILL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, fewer->len);
  {
    g_autoptr(SteadyJournalEntry) again = steady_journal_get (store, steady_journal_entry_get_id (entry), &error);

    g_assert_cmpint (steady_journal_entry_get_skill_helped (again, ((SteadySkillInfo *)g_ptr_array_index (skills, 0))->id), ==, 8);
  }

  close_store (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/lessons/shipped", test_shipped_lessons);
  g_test_add_func ("/steady/lessons/default-library", test_default_library);
  g_test_add_func ("/steady/lessons/skills-linked", test_skills_linked);
  g_test_add_func ("/steady/lessons/its-extraction", test_its_extraction);
  g_test_add_func ("/steady/lessons/parse-minimal", test_parse_minimal);
  g_test_add_func ("/steady/lessons/parse-errors", test_parse_errors);
  g_test_add_func ("/steady/lessons/bad-lesson-left-out", test_bad_lesson_left_out);
  g_test_add_func ("/steady/lessons/answers", test_answers);
  g_test_add_func ("/steady/lessons/progress", test_progress);
  g_test_add_func ("/steady/lessons/async-writes", test_async_writes);
  g_test_add_func ("/steady/lessons/skills-synced-to-journal", test_skills_synced_to_journal);

  return g_test_run ();
}
