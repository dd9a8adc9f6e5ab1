/* test-journal-ui.c: the journal as a person uses it, under Xvfb
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <time.h>

#include "steady-checkin-dialog.h"
#include "steady-chip-group.h"
#include "steady-journal.h"
#include "steady-journal-match.h"
#include "steady-rating-bar.h"
#include "steady-sobriety.h"
#include "steady-test-app.h"
#include "steady-today-page.h"

static SteadyCheckinDialog *
find_editor (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (STEADY_IS_CHECKIN_DIALOG (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
editor_closed (Fixture *fixture)
{
  return find_editor (fixture) == NULL;
}

static guint expected_count;

static gboolean
history_has_expected (Fixture *fixture)
{
  GListModel *history = steady_journal_page_get_history (steady_window_get_journal_page (fixture->window));

  return g_list_model_get_n_items (history) == expected_count;
}

static gboolean
results_ready (Fixture *fixture)
{
  SteadyJournalPage *page = steady_window_get_journal_page (fixture->window);
  GListModel *results = steady_journal_page_get_results (page);

  return results != NULL && g_list_model_get_n_items (results) == expected_count &&
         g_strcmp0 (steady_journal_page_get_visible_list (page),
                    expected_count > 0 ? "results" : "no-results") == 0;
}

static SteadyJournalEntry *
newest (Fixture *fixture)
{
  GListModel *history = steady_journal_page_get_history (steady_window_get_journal_page (fixture->window));

  return g_list_model_get_item (history, 0);
}

static void
fill_editor (SteadyCheckinDialog *editor)
{
  GtkWidget *skill = steady_checkin_dialog_get_widget (editor, "skill:slow-breathing");

  steady_rating_bar_set_value (STEADY_RATING_BAR (steady_checkin_dialog_get_widget (editor, "mood")), 4);
  steady_rating_bar_set_value (STEADY_RATING_BAR (steady_checkin_dialog_get_widget (editor, "craving")), 8);
  steady_chip_group_select (STEADY_CHIP_GROUP (steady_checkin_dialog_get_widget (editor, "emotions")), "anxious", TRUE);
  steady_chip_group_select (STEADY_CHIP_GROUP (steady_checkin_dialog_get_widget (editor, "halt")), "tired", TRUE);
  g_assert_nonnull (skill);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (skill), "check"), TRUE);
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (skill), "spin"), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (steady_checkin_dialog_get_widget (editor, "notes"))),
                            "Walked past the old bar after group. Called Sam instead. 🌙", -1);
}

static void
test_create_edit_delete_search (Fixture       *fixture,
                                gconstpointer  data)
{
  SteadyJournalPage *page;
  SteadyCheckinDialog *editor;
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) edited = NULL;
  gint64 id;

  start_app (fixture);
  page = steady_window_get_journal_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journal"));
  drain ();
  g_assert_cmpstr (steady_journal_page_get_visible_list (page), ==, "empty");

  /* Ctrl+N's action opens the editor; fill it in through its widgets. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-checkin", NULL));
  drain ();
  editor = find_editor (fixture);
  g_assert_nonnull (editor);
  fill_editor (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "checkin.save", NULL));
  wait_for (fixture, editor_closed);

  expected_count = 1;
  wait_for (fixture, history_has_expected);
  g_assert_cmpstr (steady_journal_page_get_visible_list (page), ==, "history");
  entry = newest (fixture);
  id = steady_journal_entry_get_id (entry);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (steady_journal_entry_get_mood (entry), ==, 4);
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, 8);
  g_assert_true (g_strv_contains (steady_journal_entry_get_emotions (entry), "anxious"));
  g_assert_true (g_strv_contains (steady_journal_entry_get_triggers (entry), "tired"));
  g_assert_cmpint (steady_journal_entry_get_skill_helped (entry, "slow-breathing"), ==, 6);

  /* Edit: same id, new note. */
  editor = STEADY_CHECKIN_DIALOG (steady_journal_page_open_editor (page, entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (steady_checkin_dialog_get_widget (editor, "notes"))),
                            "Rode the craving out with slow breathing.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "checkin.save", NULL));
  wait_for (fixture, editor_closed);
  drain ();
  edited = steady_journal_get (steady_application_get_store (fixture->app), id, NULL);
  g_assert_nonnull (edited);
  g_assert_cmpstr (steady_journal_entry_get_notes (edited), ==, "Rode the craving out with slow breathing.");
  g_assert_cmpint (steady_journal_count (steady_application_get_store (fixture->app)), ==, 1);

  /* Search finds the new words, not the old ones. */
  gtk_editable_set_text (steady_journal_page_get_search_entry (page), "breathing");
  expected_count = 1;
  wait_for (fixture, results_ready);
  gtk_editable_set_text (steady_journal_page_get_search_entry (page), "old bar");
  expected_count = 0;
  wait_for (fixture, results_ready);
  gtk_editable_set_text (steady_journal_page_get_search_entry (page), "");
  drain ();

  /* Delete, then Undo brings it back under its id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.delete", "x", id));
  expected_count = 0;
  wait_for (fixture, history_has_expected);
  g_assert_cmpstr (steady_journal_page_get_visible_list (page), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.undo-delete", "x", id));
  expected_count = 1;
  wait_for (fixture, history_has_expected);
  g_clear_object (&entry);
  entry = newest (fixture);
  g_assert_cmpint (steady_journal_entry_get_id (entry), ==, id);
  g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, "Rode the craving out with slow breathing.");
}

static void
test_failed_save_keeps_text (Fixture       *fixture,
                             gconstpointer  data)
{
  SteadyCheckinDialog *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  start_app (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-checkin", NULL));
  drain ();
  editor = find_editor (fixture);
  fill_editor (editor);

  /* The disk is full: no file of this process may grow. The editor
   * stays open with every word. */
  {
    struct rlimit limit = { 1, 1 };

    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "checkin.save", NULL));
  while (!gtk_revealer_get_reveal_child (GTK_REVEALER (steady_checkin_dialog_get_widget (editor, "error"))))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (find_editor (fixture) == editor);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (steady_checkin_dialog_get_widget (editor, "notes")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Walked past the old bar after group. Called Sam instead. 🌙");
  g_assert_cmpint (steady_rating_bar_get_value (STEADY_RATING_BAR (steady_checkin_dialog_get_widget (editor, "mood"))), ==, 4);

  /* The window can still be closed without a crash. */
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
today_checked_in (Fixture *fixture)
{
  return g_strcmp0 (steady_today_page_get_text (steady_window_get_today_page (fixture->window), "checkin"),
                    "You Checked In Today") == 0;
}

static void
test_today_live_update (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SteadyTodayPage *today;
  SteadyCheckinDialog *editor;
  SteadyStore *store;
  GDate start;

  /* A fixture: a sober-days date ten days ago. */
  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_date_clear (&start, 1);
  g_date_set_time_t (&start, time (NULL));
  g_date_subtract_days (&start, 10);
  g_assert_true (steady_sobriety_set_start (store, &start, &error));
  steady_store_close (store);
  g_object_unref (store);

  start_app (fixture);
  today = steady_window_get_today_page (fixture->window);
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "today");
  g_assert_cmpstr (steady_today_page_get_text (today, "checkin"), ==, "How Are You Doing Today?");
  g_assert_cmpstr (steady_today_page_get_text (today, "sober"), ==, "10 sober days");
  g_assert_cmpstr (steady_today_page_get_text (today, "session"), ==, "No Sessions Planned");
  g_assert_cmpstr (steady_today_page_get_text (today, "hours"), ==, "0 of 9 hours this week");
  g_assert_cmpstr (steady_today_page_get_text (today, "lesson"), ==, "Knowing your triggers");

  /* A check-in from Today's own button updates it without a restart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "win.new-checkin", NULL));
  drain ();
  editor = find_editor (fixture);
  fill_editor (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "checkin.save", NULL));
  wait_for (fixture, today_checked_in);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* A check-in made in another time zone (before travelling, or before the
 * clock's zone was changed) is listed with the time and day it had where
 * it was made: the day it is grouped under. */
static void
test_other_zone (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) far = g_time_zone_new_offset (9 * 3600 + 1800);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = g_date_time_add_minutes (now, -30);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (at, far);
  g_autoptr(GDateTime) here = g_date_time_to_local (at);
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *time_there = g_date_time_format (there, "%H:%M");
  g_autofree char *time_here = g_date_time_format (here, "%H:%M");
  SteadyJournalPage *page;

  start_app (fixture);
  steady_journal_entry_set_at (entry, there);
  steady_journal_entry_set_mood (entry, 6);

  /* Saved while the clock is in a zone 9½ hours ahead of UTC */
  {
    g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
    g_autoptr(SteadyJournalEntry) saved = NULL;

    g_setenv ("TZ", "<+0930>-09:30", TRUE);
    tzset ();
    g_assert_true (steady_journal_save (steady_application_get_store (fixture->app), entry, &error));
    g_assert_no_error (error);
    if (old_tz != NULL)
      g_setenv ("TZ", old_tz, TRUE);
    else
      g_unsetenv ("TZ");
    tzset ();

    saved = steady_journal_get (steady_application_get_store (fixture->app),
                                steady_journal_entry_get_id (entry), &error);
    g_assert_no_error (error);
    g_assert_cmpint (steady_journal_entry_get_utc_offset (saved), ==, 9 * 3600 + 1800);
  }

  page = steady_window_get_journal_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journal"));
  expected_count = 1;
  wait_for (fixture, history_has_expected);
  drain ();

  g_assert_nonnull (find_label (GTK_WIDGET (page), time_there));
  if (g_strcmp0 (time_here, time_there) != 0)
    g_assert_null (find_label (GTK_WIDGET (page), time_here));
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  ADD_APP_TEST ("/steady/journal-ui/create-edit-delete-search", test_create_edit_delete_search);
  ADD_APP_TEST ("/steady/journal-ui/failed-save-keeps-text", test_failed_save_keeps_text);
  ADD_APP_TEST ("/steady/journal-ui/today-live-update", test_today_live_update);
  ADD_APP_TEST ("/steady/journal-ui/other-zone", test_other_zone);

  return g_test_run ();
}
