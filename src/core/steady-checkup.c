/* steady-checkup.c: the weekly self-check, its scoring and storage
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-checkup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-checkup-private.h"
#include "steady-store-private.h"

/* Steady's own self-check, written for this project in plain words. It
 * is not a published questionnaire and does not claim to measure what
 * one does: it helps the person notice a week, and gives them something
 * concrete to talk over with their care team. Every item asks "over the
 * past week, how often", answered 0 ("Not at all") to 3 ("Nearly every
 * day").
 *
 * Scoring: each item counts its answer, 0 to 3, so that a higher total
 * always means a heavier week (0 to 24). The confidence item is asked the
 * good way round ("I felt sure I could stay on track"), because asking
 * people to rate their doubt reads as discouraging; it counts 3 minus the
 * answer, so feeling sure nearly every day adds 0 and never feeling sure
 * adds 3. The self-harm item counts like the others and, whatever the
 * total, any answer above 0 puts the week in the hard band and routes
 * the person to Help Now at once. */

static const struct {
  const char *id;
  const char *column;
  const char *text;
  gboolean    reversed;
} items[STEADY_CHECKUP_N_ITEMS] = {
  { "low-mood", "low_mood",
    N_("My mood was low, flat or heavy"), FALSE },
  { "little-interest", "little_interest",
    N_("Things I usually enjoy felt dull or not worth the effort"), FALSE },
  { "worry", "worry",
    N_("Worries kept going round in my head"), FALSE },
  { "restless", "restless",
    N_("I felt wound up and found it hard to settle"), FALSE },
  { "sleep", "sleep",
    N_("My sleep was off: too little, broken, or far too much"), FALSE },
  { "cravings", "cravings",
    N_("Cravings or urges to use were strong"), FALSE },
  { "confidence", "confidence",
    /* Translators: the one item asked the good way round */
    N_("I felt sure I could stay on track with my recovery"), TRUE },
  { "self-harm", "self_harm",
    /* Translators: say it plainly and gently; any answer but "Not at
     * all" opens Help Now */
    N_("I had thoughts of hurting myself, or of not wanting to be alive"), FALSE },
};

static const char * const answer_labels[STEADY_CHECKUP_N_ANSWERS] = {
  /* Translators: the answers: how often, over the past week */
  N_("Not at all"),
  N_("Several days"),
  N_("More than half the days"),
  N_("Nearly every day"),
};

#define RESULT_COLUMNS \
  "id, at, local_date, utc_offset, " \
  "low_mood, little_interest, worry, restless, sleep, cravings, confidence, self_harm, total"

G_STATIC_ASSERT (G_N_ELEMENTS (items) == STEADY_CHECKUP_N_ITEMS);

typedef struct
{
  SteadyCheckupAnswers  answers;
  GDateTime            *at;
} SaveRequest;

typedef struct
{
  gint64     id;
  GDateTime *at;
  char      *local_date;
  int        total;
} Stored;

typedef struct
{
  SaveRequest *request;   /* borrowed */
  Stored      *stored;    /* borrowed, filled in */
} SaveTxn;

static void
save_request_free (SaveRequest *request)
{
  g_clear_pointer (&request->at, g_date_time_unref);
  g_free (request);
}

static void
stored_free (Stored *stored)
{
  g_clear_pointer (&stored->at, g_date_time_unref);
  g_clear_pointer (&stored->local_date, g_free);
  g_free (stored);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stored, stored_free)

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID, message);

  return FALSE;
}

static GDateTime *
date_time_new (gint64 at,
               int    utc_offset)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (utc_offset);

  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, zone);
}

/* The questionnaire */

/**
 * steady_checkup_get_title:
 *
 * Returns: the self-check's name, for a window title
 */
const char *
steady_checkup_get_title (void)
{
  return _("Weekly Self-Check");
}

/**
 * steady_checkup_get_disclaimer:
 *
 * Returns: what the self-check is and is not, to show wherever it or its
 *   results are shown
 */
const char *
steady_checkup_get_disclaimer (void)
{
  return _("A self-check to talk about with your care team. It is not a diagnosis "
           "and not a standard clinical test: just a way to notice how your week went.");
}

/**
 * steady_checkup_get_question:
 *
 * Returns: the question every item answers
 */
const char *
steady_checkup_get_question (void)
{
  return _("Over the past week, how often was this true for you?");
}

const char *
steady_checkup_item_get_id (SteadyCheckupItem item)
{
  g_return_val_if_fail (item < STEADY_CHECKUP_N_ITEMS, NULL);

  return items[item].id;
}

const char *
steady_checkup_item_get_text (SteadyCheckupItem item)
{
  g_return_val_if_fail (item < STEADY_CHECKUP_N_ITEMS, NULL);

  return _(items[item].text);
}

/**
 * steady_checkup_item_is_reversed:
 *
 * Returns: %TRUE for the item asked the good way round, which counts 3
 *   minus its answer
 */
gboolean
steady_checkup_item_is_reversed (SteadyCheckupItem item)
{
  g_return_val_if_fail (item < STEADY_CHECKUP_N_ITEMS, FALSE);

  return items[item].reversed;
}

const char *
steady_checkup_answer_get_label (SteadyCheckupAnswer answer)
{
  g_return_val_if_fail (answer >= STEADY_CHECKUP_NOT_AT_ALL &&
                        answer <= STEADY_CHECKUP_NEARLY_EVERY_DAY, NULL);

  return _(answer_labels[answer]);
}

/* Scoring */

void
steady_checkup_answers_init (SteadyCheckupAnswers *answers)
{
  g_return_if_fail (answers != NULL);

  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    answers->answers[i] = STEADY_CHECKUP_UNANSWERED;
}

static gboolean
answer_is_valid (SteadyCheckupAnswer answer)
{
  return answer >= STEADY_CHECKUP_NOT_AT_ALL && answer <= STEADY_CHECKUP_NEARLY_EVERY_DAY;
}

gboolean
steady_checkup_answers_is_complete (const SteadyCheckupAnswers *answers)
{
  g_return_val_if_fail (answers != NULL, FALSE);

  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    {
      if (!answer_is_valid (answers->answers[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * steady_checkup_get_item_score:
 * @answers: the answers
 * @item: which item
 *
 * Returns: what @item adds to the total, 0 to 3 (higher is heavier), or
 *   -1 when it is not answered
 */
int
steady_checkup_get_item_score (const SteadyCheckupAnswers *answers,
                               SteadyCheckupItem           item)
{
  SteadyCheckupAnswer answer;

  g_return_val_if_fail (answers != NULL, -1);
  g_return_val_if_fail (item < STEADY_CHECKUP_N_ITEMS, -1);

  answer = answers->answers[item];
  if (!answer_is_valid (answer))
    return -1;

  return items[item].reversed ? STEADY_CHECKUP_NEARLY_EVERY_DAY - answer : (int)answer;
}

/**
 * steady_checkup_get_total:
 *
 * Returns: the sum of the item scores, 0 to %STEADY_CHECKUP_MAX_SCORE, or
 *   -1 while any item is unanswered
 */
int
steady_checkup_get_total (const SteadyCheckupAnswers *answers)
{
  int total = 0;

  g_return_val_if_fail (answers != NULL, -1);

  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    {
      int score = steady_checkup_get_item_score (answers, i);

      if (score < 0)
        return -1;
      total += score;
    }

  return total;
}

/**
 * steady_checkup_get_band:
 *
 * Returns: the gentle word for the week: see #SteadyCheckupBand for the
 *   thresholds
 */
SteadyCheckupBand
steady_checkup_get_band (const SteadyCheckupAnswers *answers)
{
  int total;

  g_return_val_if_fail (answers != NULL, STEADY_CHECKUP_BAND_INCOMPLETE);

  total = steady_checkup_get_total (answers);
  if (total < 0)
    return STEADY_CHECKUP_BAND_INCOMPLETE;

  if (total >= STEADY_CHECKUP_HARD_FROM || steady_checkup_needs_safety_routing (answers))
    return STEADY_CHECKUP_BAND_HARD;
  if (total >= STEADY_CHECKUP_HEAVIER_FROM)
    return STEADY_CHECKUP_BAND_HEAVIER;

  return STEADY_CHECKUP_BAND_LIGHTER;
}

/**
 * steady_checkup_needs_safety_routing:
 * @answers: the answers so far, complete or not
 *
 * Whether the person should be shown Help Now at once: any answer above
 * "Not at all" to the self-harm item. This never depends on the other
 * answers or on a setting.
 *
 * Returns: %TRUE to route to Help Now
 */
gboolean
steady_checkup_needs_safety_routing (const SteadyCheckupAnswers *answers)
{
  g_return_val_if_fail (answers != NULL, FALSE);

  return answers->answers[STEADY_CHECKUP_ITEM_SELF_HARM] > STEADY_CHECKUP_NOT_AT_ALL;
}

const char *
steady_checkup_band_get_title (SteadyCheckupBand band)
{
  switch (band)
    {
    case STEADY_CHECKUP_BAND_LIGHTER:
      return _("A lighter week");

    case STEADY_CHECKUP_BAND_HEAVIER:
      return _("Some weeks are heavier");

    case STEADY_CHECKUP_BAND_HARD:
      return _("A hard week: bring this to your care team");

    case STEADY_CHECKUP_BAND_INCOMPLETE:
    default:
      return _("Not finished yet");
    }
}

const char *
steady_checkup_band_get_description (SteadyCheckupBand band)
{
  switch (band)
    {
    case STEADY_CHECKUP_BAND_LIGHTER:
      return _("Fewer hard moments this week. Notice what helped, so you can lean on it again.");

    case STEADY_CHECKUP_BAND_HEAVIER:
      return _("This week carried some weight, and that is part of recovery. "
               "It may help to mention it at your next session.");

    case STEADY_CHECKUP_BAND_HARD:
      return _("This week has been hard. Please share this self-check with your counselor "
               "or care team soon. You don’t have to wait for things to get worse to ask for support.");

    case STEADY_CHECKUP_BAND_INCOMPLETE:
    default:
      return _("Answer every question to see how your week looks.");
    }
}

/* Storage */

static gboolean
validate (const SteadyCheckupAnswers  *answers,
          GDateTime                   *at,
          GError                     **error)
{
  g_autoptr(GDateTime) local = NULL;

  if (!steady_checkup_answers_is_complete (answers))
    return set_invalid (error, _("Every question needs an answer before the self-check can be saved."));

  local = g_date_time_to_local (at);
  if (local == NULL ||
      g_date_time_get_year (local) < 1900 ||
      g_date_time_get_year (local) > 9999)
    return set_invalid (error, _("The date must be between the years 1900 and 9999."));

  return TRUE;
}

static gboolean
save_txn (SteadyStore  *store,
          sqlite3      *db,
          gpointer      data,
          GError      **error)
{
  static const char sql[] =
    "INSERT INTO checkup_results (at, local_date, utc_offset, form, "
    "  low_mood, little_interest, worry, restless, sleep, cravings, confidence, self_harm, total) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
  SaveTxn *txn = data;
  SaveRequest *request = txn->request;
  Stored *stored = txn->stored;
  g_autoptr(GDateTime) local = g_date_time_to_local (request->at);
  g_autofree char *local_date = g_date_time_format (local, "%Y-%m-%d");
  gint64 at = g_date_time_to_unix (request->at);
  int utc_offset = (int)(g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
  int total = steady_checkup_get_total (&request->answers);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_text (stmt, 2, local_date, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, utc_offset);
  sqlite3_bind_int (stmt, 4, STEADY_CHECKUP_FORM);
  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    sqlite3_bind_int (stmt, 5 + i, request->answers.answers[i]);
  sqlite3_bind_int (stmt, 13, total);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "save self-check", error);

  stored->id = sqlite3_last_insert_rowid (db);
  stored->at = date_time_new (at, utc_offset);
  stored->local_date = g_steal_pointer (&local_date);
  stored->total = total;

  return TRUE;
}

/* Runs on any thread: the sync save, or the async one on the worker. */
static Stored *
save_request (SteadyStore  *store,
              SaveRequest  *request,
              GError      **error)
{
  g_autoptr(Stored) stored = g_new0 (Stored, 1);
  SaveTxn txn = { request, stored };

  if (!validate (&request->answers, request->at, error))
    return NULL;

  if (!steady_store_write (store, save_txn, &txn, error))
    return NULL;

  steady_store_emit_changed (store, "checkup");

  return g_steal_pointer (&stored);
}

static SaveRequest *
save_request_new (SteadyCheckupResult *result)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  steady_checkup_result_get_answers (result, &request->answers);
  request->at = g_date_time_ref (steady_checkup_result_get_at (result));

  return request;
}

static void
apply_stored (SteadyCheckupResult *result,
              Stored              *stored)
{
  steady_checkup_result_set_stored (result, stored->id, stored->at, stored->local_date, stored->total);
}

/**
 * steady_checkup_save:
 * @store: a #SteadyStore
 * @result: a new result; every item must be answered
 * @error: a location for an error
 *
 * Saves @result as a new row and gives it its id, whole-second time,
 * local date and total. Each save is a new row: a self-check is a record
 * of a moment, so it is never edited.
 *
 * Returns: %TRUE once it is on disk; %STEADY_STORE_ERROR_INVALID when
 *   an item is unanswered
 */
gboolean
steady_checkup_save (SteadyStore          *store,
                     SteadyCheckupResult  *result,
                     GError              **error)
{
  SaveRequest *request;
  Stored *stored;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_CHECKUP_RESULT (result), FALSE);

  request = save_request_new (result);
  stored = save_request (store, request, error);
  save_request_free (request);
  if (stored == NULL)
    return FALSE;

  apply_stored (result, stored);
  stored_free (stored);

  return TRUE;
}

static gboolean
save_work (SteadyStore  *store,
           gpointer      data,
           gpointer     *result,
           GError      **error)
{
  Stored *stored = save_request (store, data, error);

  if (stored == NULL)
    return FALSE;

  *result = stored;

  return TRUE;
}

static void
save_work_done_cb (GObject      *object,
                   GAsyncResult *run_result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Stored *stored;

  stored = steady_store_run_finish (STEADY_STORE (object), run_result, &error);
  if (stored == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The result object belongs to the main thread: it learns its id here. */
  apply_stored (g_task_get_task_data (task), stored);
  stored_free (stored);
  g_task_return_boolean (task, TRUE);
}

/**
 * steady_checkup_save_async:
 * @store: a #SteadyStore
 * @result: a new result; every item must be answered
 * @cancellable: (nullable): a #GCancellable; a save that has started
 *   finishes anyway
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * steady_checkup_save() on the store's worker. @result is given its id
 * on the main context, just before @callback.
 */
void
steady_checkup_save_async (SteadyStore         *store,
                           SteadyCheckupResult *result,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_CHECKUP_RESULT (result));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, steady_checkup_save_async);
  g_task_set_task_data (task, g_object_ref (result), g_object_unref);
  /* The result says what happened to the data, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  steady_store_run_async (store, save_work, save_request_new (result),
                          (GDestroyNotify)save_request_free, (GDestroyNotify)stored_free,
                          cancellable, save_work_done_cb, g_steal_pointer (&task));
}

gboolean
steady_checkup_save_finish (SteadyStore   *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steady_checkup_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static SteadyCheckupResult *
result_from_row (sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GDateTime) at = date_time_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 3));
  SteadyCheckupAnswers answers;
  SteadyCheckupResult *result;

  if (at == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                           _("A self-check has a time that cannot be read."));
      return NULL;
    }

  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    answers.answers[i] = sqlite3_column_int (stmt, 4 + i);

  result = steady_checkup_result_new (&answers, at);
  steady_checkup_result_set_stored (result,
                                    sqlite3_column_int64 (stmt, 0),
                                    at,
                                    (const char *)sqlite3_column_text (stmt, 2),
                                    sqlite3_column_int (stmt, 12));

  return result;
}

/**
 * steady_checkup_list:
 * @store: a #SteadyStore
 * @limit: at most this many, or 0 for all
 * @error: a location for an error
 *
 * A read on the store's reader connection, for the main thread: the
 * index on the time keeps it to the rows asked for.
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #SteadyCheckupResult, newest first
 */
GListModel *
steady_checkup_list (SteadyStore  *store,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GListStore) results = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  db = steady_store_get_reader (store);
  stmt = steady_store_prepare (store, db,
                               "SELECT " RESULT_COLUMNS " FROM checkup_results "
                               "ORDER BY at DESC, id DESC LIMIT ?1",
                               error);
  if (stmt == NULL)
    return NULL;

  results = g_list_store_new (STEADY_TYPE_CHECKUP_RESULT);
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64)limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SteadyCheckupResult) result = result_from_row (stmt, error);

      if (result == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_list_store_append (results, result);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "list self-checks", error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}
