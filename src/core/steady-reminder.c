/* steady-reminder.c: one reminder, ready to be shown
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include "steady-reminder-private.h"

/**
 * SteadyReminder:
 *
 * One reminder as the planner decided it: what it is about, when it fell
 * due, what it says and where it leads.
 *
 * Its key names what it reminds of, stably, so that the fired table can
 * tell whether it was shown already:
 *
 * - `session:<series id>:<recurrence id>:<lead minutes>:<start, Unix s>`
 *   (a moved session has a new start, so it is reminded of again)
 * - `checkin:<YYYY-MM-DD>` (the local day)
 * - `reflect:<series id>:<recurrence id>`
 * - `practise:<lesson id>:<YYYY-MM-DD>`
 * - `nudge:<YYYY-MM-DD>`
 * - `away:<Unix s>` for a summary; it also covers the keys it sums up
 *
 * A reminder can cover other keys (a summary covers those it sums up, a
 * session reminder those of the longer lead times it makes redundant):
 * marking it fired or snoozing it marks them all.
 *
 * It carries its wording twice: discreet (the default; no diagnosis,
 * substance or program words, no session titles or places, as it may show
 * on a lock screen) and full. steady_reminder_get_title() and
 * steady_reminder_get_body() give the one chosen by
 * steady_reminder_set_discreet().
 *
 * Once handed to the notifier (another thread reads it), treat it as
 * immutable.
 */
struct _SteadyReminder
{
  GObject             parent_instance;

  /* Owned */
  char               *key;
  GDateTime          *due;
  char               *discreet_title;
  char               *discreet_body;
  char               *full_title;
  char               *full_body;
  char               *action_name;
  GVariant           *action_target;
  GPtrArray          *covered;

  SteadyReminderKind  kind;
  guint               n_items;
  gboolean            discreet;
};

G_DEFINE_FINAL_TYPE (SteadyReminder, steady_reminder, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadyReminderKind, steady_reminder_kind,
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_SESSION, "session"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_CHECKIN, "checkin"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_REFLECTION, "reflection"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_PRACTICE, "practice"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_NUDGE, "nudge"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_AWAY_SUMMARY, "away-summary"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_CHECKUP, "checkup"),
                    G_DEFINE_ENUM_VALUE (STEADY_REMINDER_KIND_PROMPT, "prompt"))

typedef struct
{
  GStrv    keys;
  gint64   now;
  gint64   until;
  gboolean claimed;
} FiredWrite;

static void
fired_write_free (FiredWrite *write)
{
  g_strfreev (write->keys);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiredWrite, fired_write_free)

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

/* The instance whose write changes a row claims the reminder: a second
 * instance (or this one, again) finds the row there and does nothing. */
static gboolean
mark_fired_txn (SteadyStore  *store,
                sqlite3      *db,
                gpointer      data,
                GError      **error)
{
  FiredWrite *write = data;
  sqlite3_stmt *stmt;

  write->claimed = FALSE;

  for (guint i = 0; write->keys[i] != NULL; i++)
    {
      stmt = steady_store_prepare (store, db,
                                   "INSERT OR IGNORE INTO reminders_fired (key, fired_utc) "
                                   "VALUES (?1, ?2)",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, write->keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, write->now);
      if (!step_done (db, stmt, "mark reminder fired", error))
        return FALSE;

      if (sqlite3_changes (db) > 0)
        {
          write->claimed = TRUE;
          continue;
        }

      /* A snoozed reminder whose time came fires once more. */
      stmt = steady_store_prepare (store, db,
                                   "UPDATE reminders_fired SET fired_utc = ?2, snoozed_until_utc = NULL "
                                   "WHERE key = ?1 AND snoozed_until_utc IS NOT NULL "
                                   "AND snoozed_until_utc <= ?2",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, write->keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, write->now);
      if (!step_done (db, stmt, "mark snoozed reminder fired", error))
        return FALSE;

      if (sqlite3_changes (db) > 0)
        write->claimed = TRUE;
    }

  stmt = steady_store_prepare (store, db,
                               "DELETE FROM reminders_fired WHERE fired_utc < ?1 "
                               "AND (snoozed_until_utc IS NULL OR snoozed_until_utc < ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, write->now - STEADY_REMINDER_KEEP_FIRED_SECONDS);

  return step_done (db, stmt, "prune fired reminders", error);
}

static gboolean
snooze_txn (SteadyStore  *store,
            sqlite3      *db,
            gpointer      data,
            GError      **error)
{
  FiredWrite *write = data;

  for (guint i = 0; write->keys[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;

      /* A summary is rebuilt from what it covers when they come back. */
      if (g_str_has_prefix (write->keys[i], "away:"))
        continue;

      stmt = steady_store_prepare (store, db,
                                   "INSERT INTO reminders_fired (key, fired_utc, snoozed_until_utc) "
                                   "VALUES (?1, ?2, ?3) "
                                   "ON CONFLICT (key) DO UPDATE SET snoozed_until_utc = excluded.snoozed_until_utc",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, write->keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, write->now);
      sqlite3_bind_int64 (stmt, 3, write->until);
      if (!step_done (db, stmt, "snooze reminder", error))
        return FALSE;
    }

  return TRUE;
}

static FiredWrite *
fired_write_new (SteadyReminder *reminder,
                 GDateTime      *now,
                 guint           minutes)
{
  FiredWrite *write = g_new0 (FiredWrite, 1);

  write->keys = steady_reminder_dup_keys (reminder);
  write->now = now != NULL ? g_date_time_to_unix (now) : g_get_real_time () / G_USEC_PER_SEC;
  write->until = write->now + (gint64)minutes * 60;

  return write;
}

static gboolean
mark_fired_work (SteadyStore  *store,
                 gpointer      data,
                 gpointer     *result,
                 GError      **error)
{
  FiredWrite *write = data;
  gboolean *claimed;

  if (!steady_store_write (store, mark_fired_txn, write, error))
    return FALSE;

  claimed = g_new (gboolean, 1);
  *claimed = write->claimed;
  *result = claimed;

  return TRUE;
}

static gboolean
snooze_work (SteadyStore  *store,
             gpointer      data,
             gpointer     *result,
             GError      **error)
{
  if (!steady_store_write (store, snooze_txn, data, error))
    return FALSE;

  *result = GINT_TO_POINTER (TRUE);

  return TRUE;
}

static void
steady_reminder_finalize (GObject *object)
{
  SteadyReminder *self = (SteadyReminder *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->discreet_title, g_free);
  g_clear_pointer (&self->discreet_body, g_free);
  g_clear_pointer (&self->full_title, g_free);
  g_clear_pointer (&self->full_body, g_free);
  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->action_target, g_variant_unref);
  g_clear_pointer (&self->covered, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_reminder_parent_class)->finalize (object);
}

static void
steady_reminder_class_init (SteadyReminderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_reminder_finalize;
}

static void
steady_reminder_init (SteadyReminder *self)
{
  self->discreet = TRUE;
  self->n_items = 1;
  self->covered = g_ptr_array_new_with_free_func (g_free);
}

/**
 * steady_reminder_new:
 * @kind: what it reminds of
 * @key: its stable key (see #SteadyReminder)
 * @due: when it fell due
 *
 * Returns: (transfer full): a discreet reminder with no wording yet
 */
SteadyReminder *
steady_reminder_new (SteadyReminderKind  kind,
                     const char         *key,
                     GDateTime          *due)
{
  SteadyReminder *self;

  g_return_val_if_fail (kind <= STEADY_REMINDER_KIND_PROMPT, NULL);
  g_return_val_if_fail (key != NULL && *key != '\0', NULL);
  g_return_val_if_fail (due != NULL, NULL);

  self = g_object_new (STEADY_TYPE_REMINDER, NULL);
  self->kind = kind;
  self->key = g_strdup (key);
  self->due = g_date_time_to_utc (due);

  return self;
}

SteadyReminderKind
steady_reminder_get_kind (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), STEADY_REMINDER_KIND_SESSION);

  return self->kind;
}

const char *
steady_reminder_get_key (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->key;
}

/**
 * steady_reminder_get_due:
 * @self: a #SteadyReminder
 *
 * Returns: (transfer none): when it fell due, in UTC
 */
GDateTime *
steady_reminder_get_due (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->due;
}

/**
 * steady_reminder_set_wording:
 * @self: a #SteadyReminder
 * @discreet_title: the title for a lock screen: no diagnosis, substance,
 *   program, session title or place
 * @discreet_body: (nullable): the body in the same spirit
 * @full_title: (nullable): the full title, or %NULL for @discreet_title
 * @full_body: (nullable): the full body, or %NULL for @discreet_body
 */
void
steady_reminder_set_wording (SteadyReminder *self,
                             const char     *discreet_title,
                             const char     *discreet_body,
                             const char     *full_title,
                             const char     *full_body)
{
  g_return_if_fail (STEADY_IS_REMINDER (self));
  g_return_if_fail (discreet_title != NULL && *discreet_title != '\0');

  g_free (self->discreet_title);
  g_free (self->discreet_body);
  g_free (self->full_title);
  g_free (self->full_body);

  self->discreet_title = g_strdup (discreet_title);
  self->discreet_body = g_strdup (discreet_body);
  self->full_title = g_strdup (full_title != NULL ? full_title : discreet_title);
  self->full_body = g_strdup (full_body != NULL ? full_body : discreet_body);
}

gboolean
steady_reminder_get_discreet (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), TRUE);

  return self->discreet;
}

void
steady_reminder_set_discreet (SteadyReminder *self,
                              gboolean        discreet)
{
  g_return_if_fail (STEADY_IS_REMINDER (self));

  self->discreet = !!discreet;
}

/**
 * steady_reminder_get_title:
 * @self: a #SteadyReminder
 *
 * Returns: (transfer none): the title in the chosen wording
 */
const char *
steady_reminder_get_title (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->discreet ? self->discreet_title : self->full_title;
}

/**
 * steady_reminder_get_body:
 * @self: a #SteadyReminder
 *
 * Returns: (transfer none) (nullable): the body in the chosen wording
 */
const char *
steady_reminder_get_body (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->discreet ? self->discreet_body : self->full_body;
}

const char *
steady_reminder_get_discreet_title (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->discreet_title;
}

const char *
steady_reminder_get_discreet_body (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->discreet_body;
}

const char *
steady_reminder_get_full_title (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->full_title;
}

const char *
steady_reminder_get_full_body (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->full_body;
}

/**
 * steady_reminder_set_action:
 * @self: a #SteadyReminder
 * @action_name: a detailed-less action name such as "app.open-session"
 * @target: (nullable): its target; a floating reference is sunk
 *
 * Where "Open" leads.
 */
void
steady_reminder_set_action (SteadyReminder *self,
                            const char     *action_name,
                            GVariant       *target)
{
  g_return_if_fail (STEADY_IS_REMINDER (self));
  g_return_if_fail (action_name != NULL);

  g_free (self->action_name);
  self->action_name = g_strdup (action_name);

  g_clear_pointer (&self->action_target, g_variant_unref);
  if (target != NULL)
    self->action_target = g_variant_ref_sink (target);
}

const char *
steady_reminder_get_action_name (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->action_name;
}

/**
 * steady_reminder_get_action_target:
 * @self: a #SteadyReminder
 *
 * Returns: (transfer none) (nullable): the target of the action
 */
GVariant *
steady_reminder_get_action_target (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  return self->action_target;
}

/**
 * steady_reminder_add_covered_key:
 * @self: a #SteadyReminder
 * @key: another reminder's key, marked fired with this one
 */
void
steady_reminder_add_covered_key (SteadyReminder *self,
                                 const char     *key)
{
  g_return_if_fail (STEADY_IS_REMINDER (self));
  g_return_if_fail (key != NULL && *key != '\0');

  if (g_strcmp0 (key, self->key) == 0 ||
      g_ptr_array_find_with_equal_func (self->covered, key, g_str_equal, NULL))
    return;

  g_ptr_array_add (self->covered, g_strdup (key));
}

/**
 * steady_reminder_dup_keys:
 * @self: a #SteadyReminder
 *
 * Returns: (transfer full): its own key first, then the keys it covers
 */
GStrv
steady_reminder_dup_keys (SteadyReminder *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (STEADY_IS_REMINDER (self), NULL);

  g_strv_builder_add (builder, self->key);
  for (guint i = 0; i < self->covered->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->covered, i));

  return g_strv_builder_end (builder);
}

/**
 * steady_reminder_get_n_items:
 * @self: a #SteadyReminder
 *
 * Returns: how many reminders a summary stands for; 1 for the others
 */
guint
steady_reminder_get_n_items (SteadyReminder *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER (self), 0);

  return self->n_items;
}

void
steady_reminder_set_n_items (SteadyReminder *self,
                             guint           n_items)
{
  g_return_if_fail (STEADY_IS_REMINDER (self));

  self->n_items = n_items;
}

/**
 * steady_reminder_mark_fired:
 * @store: a #SteadyStore
 * @reminder: the reminder about to be shown
 * @now: (nullable): the current time, or %NULL for the clock's
 * @out_claimed: (out) (optional): %TRUE when this call recorded it;
 *   %FALSE when it was recorded already (by another instance, say), in
 *   which case it must not be shown
 * @error: a location for an error
 *
 * Records @reminder and every key it covers in the fired table, in one
 * transaction, so that it is never due again. A snoozed reminder whose
 * time came is recorded again. Call it before showing the reminder: a
 * crash in between loses one reminder instead of showing it twice.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_reminder_mark_fired (SteadyStore     *store,
                            SteadyReminder  *reminder,
                            GDateTime       *now,
                            gboolean        *out_claimed,
                            GError         **error)
{
  g_autoptr(FiredWrite) write = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  write = fired_write_new (reminder, now, 0);
  if (!steady_store_write (store, mark_fired_txn, write, error))
    return FALSE;

  if (out_claimed != NULL)
    *out_claimed = write->claimed;

  return TRUE;
}

/**
 * steady_reminder_mark_fired_async:
 * @store: a #SteadyStore
 * @reminder: the reminder about to be shown
 * @now: (nullable): the current time, or %NULL for the clock's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * steady_reminder_mark_fired() on the store's worker.
 */
void
steady_reminder_mark_fired_async (SteadyStore         *store,
                                  SteadyReminder      *reminder,
                                  GDateTime           *now,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_REMINDER (reminder));

  steady_store_run_async (store, mark_fired_work,
                          fired_write_new (reminder, now, 0),
                          (GDestroyNotify)fired_write_free, g_free,
                          cancellable, callback, user_data);
}

gboolean
steady_reminder_mark_fired_finish (SteadyStore   *store,
                                   GAsyncResult  *result,
                                   gboolean      *out_claimed,
                                   GError       **error)
{
  g_autofree gboolean *claimed = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  claimed = steady_store_run_finish (store, result, error);
  if (claimed == NULL)
    return FALSE;

  if (out_claimed != NULL)
    *out_claimed = *claimed;

  return TRUE;
}

/**
 * steady_reminder_snooze:
 * @store: a #SteadyStore
 * @reminder: a reminder that was shown
 * @minutes: how long, from @now
 * @now: (nullable): the current time, or %NULL for the clock's
 * @error: a location for an error
 *
 * Makes @reminder (and what it covers) due again after @minutes; the
 * planner then returns it once more, rebuilt from the store as it then
 * stands (a session cancelled meanwhile is not reminded of).
 *
 * Returns: %TRUE on success
 */
gboolean
steady_reminder_snooze (SteadyStore     *store,
                        SteadyReminder  *reminder,
                        guint            minutes,
                        GDateTime       *now,
                        GError         **error)
{
  g_autoptr(FiredWrite) write = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (minutes > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  write = fired_write_new (reminder, now, minutes);

  return steady_store_write (store, snooze_txn, write, error);
}

void
steady_reminder_snooze_async (SteadyStore         *store,
                              SteadyReminder      *reminder,
                              guint                minutes,
                              GDateTime           *now,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_REMINDER (reminder));
  g_return_if_fail (minutes > 0);

  steady_store_run_async (store, snooze_work,
                          fired_write_new (reminder, now, minutes),
                          (GDestroyNotify)fired_write_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
steady_reminder_snooze_finish (SteadyStore   *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  return steady_store_run_finish (store, result, error) != NULL;
}

/**
 * steady_reminder_is_fired:
 * @store: a #SteadyStore
 * @key: a reminder's key
 *
 * Returns: %TRUE if @key was recorded as fired (snoozed or not)
 */
gboolean
steady_reminder_is_fired (SteadyStore *store,
                          const char  *key)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return steady_reminder_lookup_fired (store, key, NULL) != STEADY_REMINDER_FIRED_NO;
}

SteadyReminderFired
steady_reminder_lookup_fired (SteadyStore *store,
                              const char  *key,
                              gint64      *out_snoozed_until)
{
  SteadyReminderFired fired = STEADY_REMINDER_FIRED_NO;
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT snoozed_until_utc FROM reminders_fired WHERE key = ?1",
                               NULL);
  if (stmt == NULL)
    return STEADY_REMINDER_FIRED_NO;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          fired = STEADY_REMINDER_FIRED_YES;
        }
      else
        {
          fired = STEADY_REMINDER_FIRED_SNOOZED;
          if (out_snoozed_until != NULL)
            *out_snoozed_until = sqlite3_column_int64 (stmt, 0);
        }
    }
  sqlite3_reset (stmt);

  return fired;
}

gboolean
steady_reminder_any_fired (SteadyStore *store,
                           const char  *pattern)
{
  gboolean found = FALSE;
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT 1 FROM reminders_fired WHERE key GLOB ?1 LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

gboolean
steady_reminder_list_snoozed (SteadyStore  *store,
                              GPtrArray    *out_keys,
                              GArray       *out_until,
                              GError      **error)
{
  sqlite3 *db = steady_store_get_reader (store);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT key, snoozed_until_utc FROM reminders_fired "
                               "WHERE snoozed_until_utc IS NOT NULL ORDER BY snoozed_until_utc, key",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 until = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (out_keys, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_array_append_val (out_until, until);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "list snoozed reminders", error);

  return TRUE;
}
