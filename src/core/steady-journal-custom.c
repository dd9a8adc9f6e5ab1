/* steady-journal-custom.c: the emotions, triggers and skills offered, the person's own included
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-journal-private.h"

typedef struct
{
  SteadyJournalChoiceKind  kind;
  char                    *label;
} CustomData;

static void
custom_data_free (CustomData *data)
{
  g_free (data->label);
  g_free (data);
}

/* An emotion or trigger: one short line of valid text. */
gboolean
steady_journal_check_label (const char  *label,
                            gboolean     trigger,
                            GError     **error)
{
  g_autofree char *stripped = NULL;
  glong n_chars;

  if (!g_utf8_validate (label, -1, NULL))
    return steady_journal_set_invalid (error,
                                       trigger ? _("A trigger is not valid text (UTF-8), so the check-in was not saved.")
                                               : _("An emotion is not valid text (UTF-8), so the check-in was not saved."));

  stripped = g_strstrip (g_strdup (label));
  if (stripped[0] == '\0')
    return steady_journal_set_invalid (error,
                                       trigger ? _("A trigger cannot be empty.")
                                               : _("An emotion cannot be empty."));

  n_chars = g_utf8_strlen (label, -1);
  if (n_chars > STEADY_JOURNAL_MAX_LABEL_CHARS)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   trigger
                   ? g_dngettext (GETTEXT_PACKAGE,
                                  "A trigger can be at most %d character long.",
                                  "A trigger can be at most %d characters long.",
                                  STEADY_JOURNAL_MAX_LABEL_CHARS)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "An emotion can be at most %d character long.",
                                  "An emotion can be at most %d characters long.",
                                  STEADY_JOURNAL_MAX_LABEL_CHARS),
                   STEADY_JOURNAL_MAX_LABEL_CHARS);
      return FALSE;
    }

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return steady_journal_set_invalid (error,
                                           trigger ? _("A trigger cannot contain line breaks or control characters.")
                                                   : _("An emotion cannot contain line breaks or control characters."));
    }

  return TRUE;
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
custom_exists (SteadyStore              *store,
               sqlite3                  *db,
               SteadyJournalChoiceKind   kind,
               const char               *label,
               gboolean                 *exists,
               GError                  **error)
{
  g_autofree char *folded = fold (label);
  gboolean emotion = kind == STEADY_JOURNAL_CHOICE_EMOTION;
  const SteadyJournalBuiltin *builtins;
  guint n_builtins;
  sqlite3_stmt *stmt;
  int rc;

  *exists = FALSE;

  builtins = steady_journal_choice_get_builtins (&n_builtins);
  for (guint i = 0; i < n_builtins && !*exists; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *english = NULL;
      g_autofree char *translated = NULL;

      if ((builtins[i].kind == STEADY_JOURNAL_CHOICE_EMOTION) != emotion)
        continue;

      key = fold (builtins[i].key);
      english = fold (builtins[i].label);
      translated = fold (g_dgettext (GETTEXT_PACKAGE, builtins[i].label));
      *exists = g_str_equal (folded, key) || g_str_equal (folded, english) || g_str_equal (folded, translated);
    }

  if (*exists)
    return TRUE;

  /* Triggers share one list of keys across people, places, things and
   * feelings, since a check-in stores only the words. */
  stmt = steady_store_prepare (store, db,
                               "SELECT label FROM journal_custom_choices WHERE (kind = 'emotion') = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, emotion);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && !*exists)
    {
      g_autofree char *other = fold ((const char *)sqlite3_column_text (stmt, 0));

      *exists = g_str_equal (folded, other);
    }
  steady_journal_reset_stmt (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "list custom choices", error);

  return TRUE;
}

static gboolean
add_custom_txn (SteadyStore  *store,
                sqlite3      *db,
                gpointer      user_data,
                GError      **error)
{
  CustomData *data = user_data;
  sqlite3_stmt *stmt;
  gboolean exists;

  if (!custom_exists (store, db, data->kind, data->label, &exists, error))
    return FALSE;

  if (exists)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("“%s” is already in the list."), data->label);
      return FALSE;
    }

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO journal_custom_choices (kind, label) VALUES (?1, ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, steady_journal_choice_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->label, -1, SQLITE_STATIC);

  return steady_journal_step_done (db, stmt, "add custom choice", error);
}

static gboolean
remove_custom_txn (SteadyStore  *store,
                   sqlite3      *db,
                   gpointer      user_data,
                   GError      **error)
{
  CustomData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db,
                               "DELETE FROM journal_custom_choices WHERE kind = ?1 AND label = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, steady_journal_choice_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->label, -1, SQLITE_STATIC);

  if (!steady_journal_step_done (db, stmt, "remove custom choice", error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not in the list."), data->label);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_custom_kind (SteadyJournalChoiceKind kind)
{
  return kind == STEADY_JOURNAL_CHOICE_EMOTION ||
         kind == STEADY_JOURNAL_CHOICE_PEOPLE ||
         kind == STEADY_JOURNAL_CHOICE_PLACES ||
         kind == STEADY_JOURNAL_CHOICE_THINGS ||
         kind == STEADY_JOURNAL_CHOICE_FEELINGS;
}

static gboolean
add_custom_op_run (SteadyStore  *store,
                   gpointer      data,
                   GError      **error)
{
  CustomData *custom = data;

  return steady_journal_add_custom (store, custom->kind, custom->label, error);
}

static gboolean
remove_custom_op_run (SteadyStore  *store,
                      gpointer      data,
                      GError      **error)
{
  CustomData *custom = data;

  return steady_journal_remove_custom (store, custom->kind, custom->label, error);
}

/**
 * steady_journal_list_choices:
 * @store: a #SteadyStore
 * @kind: what to list
 * @error: a location for an error
 *
 * The built-in choices of @kind, then the person's own in the order they
 * were added; for %STEADY_JOURNAL_CHOICE_SKILL the skills on offer.
 *
 * Returns: (transfer full) (nullable): a list of #SteadyJournalChoice
 */
GListModel *
steady_journal_list_choices (SteadyStore              *store,
                             SteadyJournalChoiceKind   kind,
                             GError                  **error)
{
  g_autoptr(GListStore) choices = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_CHOICE_SKILL, NULL);

  choices = g_list_store_new (STEADY_TYPE_JOURNAL_CHOICE);
  db = steady_store_get_reader (store);

  if (kind == STEADY_JOURNAL_CHOICE_SKILL)
    {
      stmt = steady_store_prepare (store, db,
                                   "SELECT id, name FROM skills WHERE offered = 1 ORDER BY position, name",
                                   error);
      if (stmt == NULL)
        return NULL;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(SteadyJournalChoice) choice = NULL;

          choice = steady_journal_choice_new (kind,
                                              (const char *)sqlite3_column_text (stmt, 0),
                                              (const char *)sqlite3_column_text (stmt, 1),
                                              FALSE);
          g_list_store_append (choices, choice);
        }
      steady_journal_reset_stmt (stmt);

      if (rc != SQLITE_DONE)
        {
          steady_store_set_error (db, rc, "list skills", error);
          return NULL;
        }

      return G_LIST_MODEL (g_steal_pointer (&choices));
    }

  {
    const SteadyJournalBuiltin *builtins;
    guint n_builtins;

    builtins = steady_journal_choice_get_builtins (&n_builtins);
    for (guint i = 0; i < n_builtins; i++)
      {
        g_autoptr(SteadyJournalChoice) choice = NULL;

        if (builtins[i].kind != kind)
          continue;

        choice = steady_journal_choice_new (kind, builtins[i].key,
                                            g_dgettext (GETTEXT_PACKAGE, builtins[i].label),
                                            FALSE);
        g_list_store_append (choices, choice);
      }
  }

  if (kind == STEADY_JOURNAL_CHOICE_HALT)
    return G_LIST_MODEL (g_steal_pointer (&choices));

  stmt = steady_store_prepare (store, db,
                               "SELECT label FROM journal_custom_choices WHERE kind = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, steady_journal_choice_kind_to_string (kind), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *)sqlite3_column_text (stmt, 0);
      g_autoptr(SteadyJournalChoice) choice = steady_journal_choice_new (kind, label, label, TRUE);

      g_list_store_append (choices, choice);
    }
  steady_journal_reset_stmt (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "list custom choices", error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&choices));
}

/**
 * steady_journal_dup_skill_name:
 * @store: a #SteadyStore
 * @skill_id: a skill id
 *
 * Returns: (transfer full) (nullable): the skill's name, or %NULL if
 *   there is no such skill
 */
char *
steady_journal_dup_skill_name (SteadyStore *store,
                               const char  *skill_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT name FROM skills WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = steady_journal_dup_column_text (stmt, 0);
  steady_journal_reset_stmt (stmt);

  return name;
}

static CustomData *
custom_data_new (SteadyJournalChoiceKind   kind,
                 const char               *label,
                 gboolean                  check,
                 GError                  **error)
{
  g_autofree char *stripped = NULL;
  CustomData *data;

  if (check)
    {
      if (!steady_journal_check_label (label, kind != STEADY_JOURNAL_CHOICE_EMOTION, error))
        return NULL;
      stripped = g_strstrip (g_strdup (label));
    }
  else
    {
      stripped = g_strdup (label);
    }

  data = g_new0 (CustomData, 1);
  data->kind = kind;
  data->label = g_steal_pointer (&stripped);

  return data;
}

/* Writes in one transaction and tells listeners the journal changed. */
static gboolean
write_custom (SteadyStore         *store,
              SteadyStoreTxnFunc   txn,
              CustomData          *data,
              GError             **error)
{
  if (!steady_store_write (store, txn, data, error))
    return FALSE;

  steady_store_emit_changed (store, "journal");

  return TRUE;
}

/* The label is checked by the sync function, on the worker. */
static void
run_custom_async (SteadyStore              *store,
                  SteadyJournalSyncFunc     func,
                  SteadyJournalChoiceKind   kind,
                  const char               *label,
                  gpointer                  source_tag,
                  GCancellable             *cancellable,
                  GAsyncReadyCallback       callback,
                  gpointer                  user_data)
{
  steady_journal_run_async (store, func, NULL,
                            custom_data_new (kind, label, FALSE, NULL),
                            (GDestroyNotify)custom_data_free,
                            source_tag, cancellable, callback, user_data);
}

/**
 * steady_journal_add_custom:
 * @store: a #SteadyStore
 * @kind: %STEADY_JOURNAL_CHOICE_EMOTION or a trigger kind other than
 *   %STEADY_JOURNAL_CHOICE_HALT
 * @label: the person's own words; spaces around them are dropped
 * @error: a location for an error
 *
 * Adds an emotion or trigger of the person's own to the lists offered.
 * One that is already offered (in any case) is refused with
 * %STEADY_STORE_ERROR_INVALID.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_journal_add_custom (SteadyStore              *store,
                           SteadyJournalChoiceKind   kind,
                           const char               *label,
                           GError                  **error)
{
  CustomData *data;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (check_custom_kind (kind), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  data = custom_data_new (kind, label, TRUE, error);
  if (data == NULL)
    return FALSE;

  ok = write_custom (store, add_custom_txn, data, error);
  custom_data_free (data);

  return ok;
}

void
steady_journal_add_custom_async (SteadyStore              *store,
                                 SteadyJournalChoiceKind   kind,
                                 const char               *label,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (check_custom_kind (kind));
  g_return_if_fail (label != NULL);

  run_custom_async (store, add_custom_op_run, kind, label,
                    steady_journal_add_custom_async, cancellable, callback, user_data);
}

gboolean
steady_journal_add_custom_finish (SteadyStore   *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return steady_journal_run_finish (store, result, steady_journal_add_custom_async, error);
}

/**
 * steady_journal_remove_custom:
 * @store: a #SteadyStore
 * @kind: the kind it was added as
 * @label: the label, as listed
 * @error: a location for an error
 *
 * Stops offering one of the person's own emotions or triggers. Check-ins
 * that used it keep it.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_journal_remove_custom (SteadyStore              *store,
                              SteadyJournalChoiceKind   kind,
                              const char               *label,
                              GError                  **error)
{
  CustomData data = { kind, (char *)label };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (check_custom_kind (kind), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return write_custom (store, remove_custom_txn, &data, error);
}

void
steady_journal_remove_custom_async (SteadyStore              *store,
                                    SteadyJournalChoiceKind   kind,
                                    const char               *label,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (check_custom_kind (kind));
  g_return_if_fail (label != NULL);

  run_custom_async (store, remove_custom_op_run, kind, label,
                    steady_journal_remove_custom_async, cancellable, callback, user_data);
}

gboolean
steady_journal_remove_custom_finish (SteadyStore   *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return steady_journal_run_finish (store, result, steady_journal_remove_custom_async, error);
}
