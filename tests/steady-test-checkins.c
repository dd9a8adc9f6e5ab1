/* steady-test-checkins.c: helpers for tests of the store: check-ins whose
 * every field follows from a serial number, and the files' bytes
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"
#include "steady-test-checkins.h"

#define NOTES_PREFIX "Check-in #"

/* 2024-01-01T00:00:00Z */
#define BASE_TIME G_GINT64_CONSTANT (1704067200)

static char *
notes_for (guint64 serial)
{
  static const char phrase[] = "Went to group, then a long walk — café, rain, “one day at a time” ✓. ";
  GString *notes = g_string_new (NULL);
  /* From a line to a few pages: the file grows and rows overflow. */
  gsize len = 40 + (serial * 397) % 3000;

  g_string_append_printf (notes, NOTES_PREFIX "%" G_GUINT64_FORMAT "\n", serial);
  while (notes->len < len)
    g_string_append (notes, phrase);

  return g_string_free (notes, FALSE);
}

/**
 * steady_test_checkin_new:
 * @serial: any number; two serials give two different check-ins
 *
 * Returns: (transfer full): a new (unsaved) check-in with every field set
 *   from @serial
 */
SteadyJournalEntry *
steady_test_checkin_new (guint64 serial)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (BASE_TIME + (gint64)(serial % 100000000) * 61);
  g_autofree char *notes = notes_for (serial);
  g_autofree char *own_emotion = g_strdup_printf ("Feeling %" G_GUINT64_FORMAT, serial % 7);
  const char *emotions[] = { "hopeful", own_emotion, NULL };
  const char *triggers[] = { "stress", NULL };
  SteadyJournalEntry *entry = steady_journal_entry_new ();
  SteadySubstanceUse use = (SteadySubstanceUse)(serial % 3);

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, 1 + serial % 10);
  steady_journal_entry_set_craving (entry, serial % 11);
  steady_journal_entry_set_sleep_hours (entry, (serial % 49) / 2.0);
  steady_journal_entry_set_substance_use (entry, use);
  if (use == STEADY_SUBSTANCE_USE_LAPSE)
    {
      g_autofree char *what = g_strdup_printf ("Lapse %" G_GUINT64_FORMAT, serial);

      steady_journal_entry_set_lapse_what (entry, what);
      steady_journal_entry_set_lapse_note (entry, "Told my counsellor the next morning.");
    }
  steady_journal_entry_set_notes (entry, notes);
  steady_journal_entry_set_emotions (entry, emotions);
  steady_journal_entry_set_triggers (entry, serial % 2 ? triggers : NULL);
  steady_journal_entry_set_skill (entry, "urge-surfing", serial % 11);
  if (serial % 4 == 0)
    steady_journal_entry_set_skill (entry, "reach-out", STEADY_JOURNAL_UNSET);

  return entry;
}

/* The serial a stored check-in was made from, read back from its notes. */
guint64
steady_test_checkin_serial (SteadyJournalEntry *entry)
{
  const char *notes = steady_journal_entry_get_notes (entry);

  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, NOTES_PREFIX));

  return g_ascii_strtoull (notes + strlen (NOTES_PREFIX), NULL, 10);
}

/* Every field of @entry is what steady_test_checkin_new (@serial) had. */
void
steady_test_checkin_assert (SteadyJournalEntry *entry,
                            guint64             serial)
{
  g_autoptr(SteadyJournalEntry) expected = steady_test_checkin_new (serial);
  const char * const *skills = steady_journal_entry_get_skills (entry);
  const char * const *expected_skills = steady_journal_entry_get_skills (expected);

  g_assert_cmpint (steady_journal_entry_get_id (entry), >, 0);
  g_assert_cmpint (g_date_time_to_unix (steady_journal_entry_get_at (entry)), ==,
                   g_date_time_to_unix (steady_journal_entry_get_at (expected)));
  g_assert_cmpint (steady_journal_entry_get_mood (entry), ==, steady_journal_entry_get_mood (expected));
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, steady_journal_entry_get_craving (expected));
  g_assert_cmpfloat (steady_journal_entry_get_sleep_hours (entry), ==, steady_journal_entry_get_sleep_hours (expected));
  g_assert_cmpint (steady_journal_entry_get_substance_use (entry), ==, steady_journal_entry_get_substance_use (expected));
  g_assert_cmpstr (steady_journal_entry_get_lapse_what (entry), ==, steady_journal_entry_get_lapse_what (expected));
  g_assert_cmpstr (steady_journal_entry_get_lapse_note (entry), ==, steady_journal_entry_get_lapse_note (expected));
  g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, steady_journal_entry_get_notes (expected));
  g_assert_true (g_strv_equal (steady_journal_entry_get_emotions (entry), steady_journal_entry_get_emotions (expected)));
  g_assert_true (g_strv_equal (steady_journal_entry_get_triggers (entry), steady_journal_entry_get_triggers (expected)));
  g_assert_true (g_strv_equal (skills, expected_skills));
  for (guint i = 0; skills[i] != NULL; i++)
    g_assert_cmpint (steady_journal_entry_get_skill_helped (entry, skills[i]), ==,
                     steady_journal_entry_get_skill_helped (expected, skills[i]));
}

/* SQLite's own full check, on a connection of its own, before Steady
 * touches the file. */
void
steady_test_assert_integrity (const char *path)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len ? "\n" : "", sqlite3_column_text (stmt, 0));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpstr (result->str, ==, "ok");
}

/**
 * steady_test_assert_checkins:
 * @store: an open store
 * @saved: (element-type gint64 guint64): id to serial of check-ins a
 *   writer reported saved
 * @after_id: rows with a larger id are checked too
 *
 * Checks that every check-in in @saved is there with every field, and
 * that every row after @after_id is a whole check-in too (one that
 * committed but was not reported yet): never half of one.
 *
 * Returns: how many check-ins there are
 */
guint
steady_test_assert_checkins (SteadyStore *store,
                             GHashTable  *saved,
                             gint64       after_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyJournalEntry) entry = steady_journal_get (store, *(gint64 *)key, &error);

      g_assert_no_error (error);
      steady_test_checkin_assert (entry, *(guint64 *)value);
    }

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT id FROM journal_entries WHERE id > ?1", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, after_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyJournalEntry) entry = steady_journal_get (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      steady_test_checkin_assert (entry, steady_test_checkin_serial (entry));
    }

  return steady_journal_count (store);
}

/* Every reported check-in, and every row, whole. */
guint
steady_test_assert_all_checkins (SteadyStore *store,
                                 GHashTable  *saved)
{
  guint n = steady_test_assert_checkins (store, saved, 0);

  g_assert_cmpuint (n, >=, g_hash_table_size (saved));

  return n;
}

GBytes *
steady_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

void
steady_test_assert_same_bytes (GBytes     *before,
                               const char *path)
{
  g_autoptr(GBytes) after = steady_test_read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (before), ==, g_bytes_get_size (after));
  g_assert_true (g_bytes_equal (before, after));
}

/* Closes @store and checks that it is gone, once finished tasks have
 * given back their references. */
void
steady_test_close_store (SteadyStore *store)
{
  steady_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);
}

/* Opening a damaged file is cheap and may succeed; the check that the
 * window runs right after must then say damaged. Either way the file is
 * left byte for byte as it was. */
void
steady_test_assert_damaged (const char *path)
{
  g_autoptr(GBytes) before = steady_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  SteadyStore *store;

  store = steady_store_open (path, &error);
  if (store != NULL)
    {
      g_assert_false (steady_store_check (store, &error));
      steady_test_close_store (store);
    }
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
  steady_test_assert_same_bytes (before, path);
}
