/* steady-lessons.c: progress and practice answers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-lessons"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-lesson-parser.h"
#include "steady-lessons.h"
#include "steady-store-private.h"

typedef enum
{
  WRITE_ANSWER,
  WRITE_DONE,
  WRITE_PRACTISE_LATER,
} WriteKind;

typedef struct
{
  WriteKind  kind;
  char      *lesson_id;
  char      *prompt_id;
  char      *answer;
  gboolean   flag;
  gint64     now;
} Write;

static void
write_free (Write *write)
{
  g_free (write->lesson_id);
  g_free (write->prompt_id);
  g_free (write->answer);
  g_free (write);
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, what, error);

  return TRUE;
}

static gboolean
mark_started (SteadyStore  *store,
              sqlite3      *db,
              const char   *lesson_id,
              gint64        now,
              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO lesson_progress (lesson_id, started, updated) "
                               "VALUES (?1, ?2, ?2) "
                               "ON CONFLICT (lesson_id) DO UPDATE SET updated = excluded.updated",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);

  return step_done (db, stmt, "mark started", error);
}

/* Sets a lesson's time stamp column (?2) to the write's time, or clears
 * it when the write's flag is off. */
static gboolean
set_stamp (SteadyStore  *store,
           sqlite3      *db,
           Write        *write,
           const char   *sql,
           const char   *what,
           GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, write->lesson_id, -1, SQLITE_STATIC);
  if (write->flag)
    sqlite3_bind_int64 (stmt, 2, write->now);
  else
    sqlite3_bind_null (stmt, 2);

  return step_done (db, stmt, what, error);
}

static gboolean
write_txn (SteadyStore  *store,
           sqlite3      *db,
           gpointer      data,
           GError      **error)
{
  Write *write = data;
  sqlite3_stmt *stmt;

  if (!mark_started (store, db, write->lesson_id, write->now, error))
    return FALSE;

  switch (write->kind)
    {
    case WRITE_ANSWER:
      if (write->answer == NULL || *write->answer == '\0')
        {
          /* An emptied answer is gone, not kept as an empty row. */
          stmt = steady_store_prepare (store, db,
                                       "DELETE FROM lesson_answers WHERE lesson_id = ?1 AND prompt_id = ?2",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, write->lesson_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, write->prompt_id, -1, SQLITE_STATIC);
          return step_done (db, stmt, "delete answer", error);
        }

      stmt = steady_store_prepare (store, db,
                                   "INSERT INTO lesson_answers (lesson_id, prompt_id, answer, created, updated) "
                                   "VALUES (?1, ?2, ?3, ?4, ?4) "
                                   "ON CONFLICT (lesson_id, prompt_id) DO UPDATE "
                                   "SET answer = excluded.answer, updated = excluded.updated",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, write->lesson_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, write->prompt_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, write->answer, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, write->now);
      return step_done (db, stmt, "save answer", error);

    case WRITE_DONE:
      return set_stamp (store, db, write,
                        "UPDATE lesson_progress SET done = ?2 WHERE lesson_id = ?1",
                        "set done", error);

    case WRITE_PRACTISE_LATER:
      return set_stamp (store, db, write,
                        "UPDATE lesson_progress SET practise_later = ?2 WHERE lesson_id = ?1",
                        "set practise later", error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
run_write (SteadyStore  *store,
           Write        *write,
           GError      **error)
{
  if (write->answer != NULL && !g_utf8_validate (write->answer, -1, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The answer is not valid text, so it was not saved."));
      return FALSE;
    }

  if (!steady_store_write (store, write_txn, write, error))
    return FALSE;

  steady_store_emit_changed (store, "lessons");

  return TRUE;
}

static Write *
write_new (WriteKind   kind,
           const char *lesson_id,
           const char *prompt_id,
           const char *answer,
           gboolean    flag,
           gint64      now)
{
  Write *write = g_new0 (Write, 1);

  write->kind = kind;
  write->lesson_id = g_strdup (lesson_id);
  write->prompt_id = g_strdup (prompt_id);
  write->answer = g_strdup (answer);
  write->flag = flag;
  write->now = now;

  return write;
}

static gboolean
write_once (SteadyStore  *store,
            Write        *write,
            GError      **error)
{
  gboolean ok = run_write (store, write, error);

  write_free (write);

  return ok;
}

static gint64
query_int64 (SteadyStore *store,
             const char  *sql,
             const char  *lesson_id,
             const char  *prompt_id,
             gint64       fallback)
{
  sqlite3_stmt *stmt = steady_store_prepare (store, steady_store_get_reader (store), sql, NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;

  if (lesson_id != NULL)
    sqlite3_bind_text (stmt, 1, lesson_id, -1, SQLITE_STATIC);
  if (prompt_id != NULL)
    sqlite3_bind_text (stmt, 2, prompt_id, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

/**
 * steady_lessons_get_state:
 *
 * Returns: done once marked done; in progress once an answer was written
 *   (or the lesson asked to be practised later); else not started
 */
SteadyLessonState
steady_lessons_get_state (SteadyStore *store,
                          const char  *lesson_id)
{
  gint64 state;

  g_return_val_if_fail (STEADY_IS_STORE (store), STEADY_LESSON_STATE_NOT_STARTED);
  g_return_val_if_fail (lesson_id != NULL, STEADY_LESSON_STATE_NOT_STARTED);

  state = query_int64 (store,
                       "SELECT CASE WHEN done IS NOT NULL THEN 2 ELSE 1 END "
                       "FROM lesson_progress WHERE lesson_id = ?1",
                       lesson_id, NULL, STEADY_LESSON_STATE_NOT_STARTED);

  return (SteadyLessonState)state;
}

/**
 * steady_lessons_get_done_time:
 *
 * Returns: when the lesson was marked done (Unix seconds), or 0
 */
gint64
steady_lessons_get_done_time (SteadyStore *store,
                              const char  *lesson_id)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), 0);

  return query_int64 (store, "SELECT done FROM lesson_progress WHERE lesson_id = ?1",
                      lesson_id, NULL, 0);
}

gboolean
steady_lessons_get_practise_later (SteadyStore *store,
                                   const char  *lesson_id)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  return query_int64 (store,
                      "SELECT practise_later IS NOT NULL FROM lesson_progress WHERE lesson_id = ?1",
                      lesson_id, NULL, 0) != 0;
}

/**
 * steady_lessons_get_answer:
 *
 * Returns: (transfer full) (nullable): the answer exactly as written
 */
char *
steady_lessons_get_answer (SteadyStore *store,
                           const char  *lesson_id,
                           const char  *prompt_id)
{
  sqlite3_stmt *stmt;
  char *answer = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT answer FROM lesson_answers WHERE lesson_id = ?1 AND prompt_id = ?2",
                               NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prompt_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    answer = g_strndup ((const char *)sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);

  return answer;
}

/**
 * steady_lessons_list_practise_later:
 *
 * Returns: (transfer full): the ids of lessons marked "practise later",
 *   oldest request first
 */
GStrv
steady_lessons_list_practise_later (SteadyStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT lesson_id FROM lesson_progress "
                               "WHERE practise_later IS NOT NULL ORDER BY practise_later, lesson_id",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

void
steady_lessons_get_summary (SteadyStore          *store,
                            SteadyLessonsSummary *summary)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT "
                               " (SELECT count(*) FROM lesson_progress WHERE done IS NOT NULL),"
                               " (SELECT count(*) FROM lesson_progress WHERE done IS NULL),"
                               " (SELECT count(*) FROM lesson_answers),"
                               " max (coalesce ((SELECT max (updated) FROM lesson_progress), 0),"
                               "      coalesce ((SELECT max (updated) FROM lesson_answers), 0),"
                               "      coalesce ((SELECT max (done) FROM lesson_progress), 0))",
                               NULL);
  if (stmt == NULL)
    return;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      summary->n_done = sqlite3_column_int (stmt, 0);
      summary->n_in_progress = sqlite3_column_int (stmt, 1);
      summary->n_answers = sqlite3_column_int (stmt, 2);
      summary->last_activity = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
}

/**
 * steady_lessons_save_answer:
 * @store: a #SteadyStore
 * @lesson_id: the lesson
 * @prompt_id: the prompt within it
 * @answer: (nullable): the text, kept exactly; empty or %NULL removes it
 * @now: Unix seconds
 * @error: a location for an error
 *
 * Returns: %TRUE once the answer is on disk
 */
gboolean
steady_lessons_save_answer (SteadyStore  *store,
                            const char   *lesson_id,
                            const char   *prompt_id,
                            const char   *answer,
                            gint64        now,
                            GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (lesson_id != NULL && prompt_id != NULL, FALSE);

  return write_once (store, write_new (WRITE_ANSWER, lesson_id, prompt_id, answer, FALSE, now), error);
}

gboolean
steady_lessons_set_done (SteadyStore  *store,
                         const char   *lesson_id,
                         gboolean      done,
                         gint64        now,
                         GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (lesson_id != NULL, FALSE);

  return write_once (store, write_new (WRITE_DONE, lesson_id, NULL, NULL, done, now), error);
}

gboolean
steady_lessons_set_practise_later (SteadyStore  *store,
                                   const char   *lesson_id,
                                   gboolean      later,
                                   gint64        now,
                                   GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (lesson_id != NULL, FALSE);

  return write_once (store, write_new (WRITE_PRACTISE_LATER, lesson_id, NULL, NULL, later, now), error);
}

static gboolean
write_work (SteadyStore  *store,
            gpointer      data,
            gpointer     *result,
            GError      **error)
{
  Write *write = data;

  /* Stamped when it runs, so that queued writes keep their order. */
  write->now = g_get_real_time () / G_USEC_PER_SEC;

  return run_write (store, write, error);
}

static void
queue_write (SteadyStore         *store,
             Write               *write,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  steady_store_run_async (store, write_work, write, (GDestroyNotify)write_free, NULL,
                          cancellable, callback, user_data);
}

void
steady_lessons_save_answer_async (SteadyStore         *store,
                                  const char          *lesson_id,
                                  const char          *prompt_id,
                                  const char          *answer,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));

  queue_write (store, write_new (WRITE_ANSWER, lesson_id, prompt_id, answer, FALSE, 0),
               cancellable, callback, user_data);
}

void
steady_lessons_set_done_async (SteadyStore         *store,
                               const char          *lesson_id,
                               gboolean             done,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));

  queue_write (store, write_new (WRITE_DONE, lesson_id, NULL, NULL, done, 0),
               cancellable, callback, user_data);
}

void
steady_lessons_set_practise_later_async (SteadyStore         *store,
                                         const char          *lesson_id,
                                         gboolean             later,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));

  queue_write (store, write_new (WRITE_PRACTISE_LATER, lesson_id, NULL, NULL, later, 0),
               cancellable, callback, user_data);
}

gboolean
steady_lessons_write_finish (SteadyStore   *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  steady_store_run_finish (store, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * steady_lessons_skills_need_sync:
 * @store: a #SteadyStore
 * @skills: (element-type SteadySkillInfo): the skills the lessons teach
 *
 * A cheap read on the store's own thread (it uses the reader).
 *
 * Returns: whether the journal's skills differ from @skills
 */
gboolean
steady_lessons_skills_need_sync (SteadyStore *store,
                                 GPtrArray   *skills)
{
  sqlite3_stmt *stmt;
  guint n_offered = 0;
  gboolean same = TRUE;

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT id, name, description, position FROM skills WHERE offered = 1 "
                               "ORDER BY position, id",
                               NULL);
  if (stmt == NULL)
    return FALSE;

  g_return_val_if_fail (skills != NULL, FALSE);

  while (same && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const SteadySkillInfo *info;

      if (n_offered >= skills->len)
        {
          same = FALSE;
          break;
        }

      info = g_ptr_array_index (skills, n_offered);
      same = sqlite3_column_int (stmt, 3) == (int)n_offered &&
             g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), info->id) == 0 &&
             g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), info->name) == 0 &&
             g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), info->description ? info->description : "") == 0;
      n_offered++;
    }
  sqlite3_reset (stmt);

  return !(same && n_offered == skills->len);
}

static gboolean
sync_skills_txn (SteadyStore  *store,
                 sqlite3      *db,
                 gpointer      data,
                 GError      **error)
{
  GPtrArray *skills = data;
  sqlite3_stmt *stmt;

  /* Never deleted: past check-ins point at them. */
  stmt = steady_store_prepare (store, db, "UPDATE skills SET offered = 0", error);
  if (stmt == NULL || !step_done (db, stmt, "unoffer skills", error))
    return FALSE;

  for (guint i = 0; i < skills->len; i++)
    {
      const SteadySkillInfo *info = g_ptr_array_index (skills, i);

      stmt = steady_store_prepare (store, db,
                                   "INSERT INTO skills (id, name, description, position, offered) "
                                   "VALUES (?1, ?2, ?3, ?4, 1) "
                                   "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                   "description = excluded.description, position = excluded.position, offered = 1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, info->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, info->description ? info->description : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, i);
      if (!step_done (db, stmt, "offer skill", error))
        return FALSE;
    }

  return TRUE;
}

/**
 * steady_lessons_sync_skills:
 * @store: a #SteadyStore
 * @skills: (element-type SteadySkillInfo): the skills the lessons teach,
 *   in order (steady_lesson_library_get_skills())
 * @error: a location for an error
 *
 * Makes the journal offer exactly the skills the lessons teach, named as
 * the lessons name them, in one transaction. Check with
 * steady_lessons_skills_need_sync() first, so most starts write nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_lessons_sync_skills (SteadyStore  *store,
                            GPtrArray    *skills,
                            GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (skills != NULL, FALSE);

  if (skills->len == 0)
    return TRUE;

  if (!steady_store_write (store, sync_skills_txn, skills, error))
    return FALSE;

  steady_store_emit_changed (store, "journal");

  return TRUE;
}
