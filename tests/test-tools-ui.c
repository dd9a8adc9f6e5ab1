/* test-tools-ui.c: urge surfing, the HALT check and the weekly
 * self-check as a person uses them, under Xvfb
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-checkup-dialog.h"
#include "steady-dialog-util.h"
#include "steady-halt-dialog.h"
#include "steady-help.h"
#include "steady-help-dialog.h"
#include "steady-journal.h"
#include "steady-journal-match.h"
#include "steady-rating-bar.h"
#include "steady-test-app.h"
#include "steady-urge-surf-dialog.h"

/* The surf's clock: moved on by hand, never waited for. */
static gint64 fake_now_us;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now_us;
}

/* Borrowed: the dialog under test. Its type outlives it. */
static GtkWidget *current_dialog;
static GType current_type;

static SteadyStore *
store_of (Fixture *fixture)
{
  return steady_application_get_store (fixture->app);
}

static guint
count_windows (Fixture *fixture,
               GType    type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        n++;
    }

  return n;
}

static gboolean
dialog_closed (Fixture *fixture)
{
  return count_windows (fixture, current_type) == 0;
}

static gboolean
help_shown (Fixture *fixture)
{
  return count_windows (fixture, STEADY_TYPE_HELP_DIALOG) > 0;
}

static gboolean
surf_done (Fixture *fixture)
{
  return g_strcmp0 (steady_urge_surf_dialog_get_page (STEADY_URGE_SURF_DIALOG (current_dialog)), "done") == 0;
}

static gboolean
one_checkin (Fixture *fixture)
{
  return steady_journal_count (store_of (fixture)) == 1;
}

static guint expected_results;

static gboolean
results_saved (Fixture *fixture)
{
  g_autoptr(GListModel) results = steady_checkup_list (store_of (fixture), 0, NULL);

  return results != NULL && g_list_model_get_n_items (results) == expected_results;
}

static SteadyJournalEntry *
only_checkin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = steady_journal_search (store_of (fixture), NULL, NULL, NULL,
                                                     STEADY_JOURNAL_FILTER_NONE, 0, &error);
  g_autoptr(SteadyJournalMatch) match = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  match = g_list_model_get_item (all, 0);

  return g_object_ref (steady_journal_match_get_entry (match));
}

static void
add_contact (Fixture    *fixture,
             const char *name,
             const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyContact) contact = steady_contact_new ();

  steady_contact_set_name (contact, name);
  steady_contact_set_role (contact, "Sponsor");
  steady_contact_set_phone (contact, phone);
  g_assert_true (steady_contacts_save (store_of (fixture), contact, &error));
  g_assert_no_error (error);
}

static gboolean
list_has_title (GtkWidget  *list,
                const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static SteadyUrgeSurfDialog *
open_surf (Fixture *fixture)
{
  GtkWidget *dialog = steady_urge_surf_dialog_new (store_of (fixture));

  fake_now_us = 1000 * G_USEC_PER_SEC;
  steady_urge_surf_dialog_set_clock (STEADY_URGE_SURF_DIALOG (dialog), fake_clock, NULL);
  steady_dialog_present (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  current_dialog = dialog;
  current_type = G_OBJECT_TYPE (dialog);
  drain ();

  return STEADY_URGE_SURF_DIALOG (dialog);
}

static void
advance_to (SteadyUrgeSurfDialog *dialog,
            guint                 seconds)
{
  fake_now_us = (1000 + seconds) * G_USEC_PER_SEC;
  steady_urge_surf_dialog_tick (dialog);
  drain ();
}

static void
rate (SteadyUrgeSurfDialog *dialog,
      const char           *which,
      int                   value)
{
  steady_rating_bar_set_value (STEADY_RATING_BAR (steady_urge_surf_dialog_get_widget (dialog, which)), value);
}

static gboolean
revealed (SteadyUrgeSurfDialog *dialog,
          const char           *which)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (steady_urge_surf_dialog_get_widget (dialog, which)));
}

static void
test_urge_surf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SteadyJournalEntry) entry = NULL;
  SteadyUrgeSurfDialog *dialog;
  const char *first_line;

  start_app (fixture);
  add_contact (fixture, "Sam", "+1 555 0100");
  dialog = open_surf (fixture);
  g_assert_cmpstr (steady_urge_surf_dialog_get_page (dialog), ==, "start");

  /* No start without a rating. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.start", NULL);
  drain ();
  g_assert_cmpstr (steady_urge_surf_dialog_get_page (dialog), ==, "start");
  rate (dialog, "before", 7);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (steady_urge_surf_dialog_get_widget (dialog, "5")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.start", NULL));
  drain ();
  g_assert_cmpstr (steady_urge_surf_dialog_get_page (dialog), ==, "surf");
  first_line = gtk_label_get_label (GTK_LABEL (steady_urge_surf_dialog_get_widget (dialog, "guide")));
  g_assert_cmpstr (first_line, !=, "");
  g_assert_false (revealed (dialog, "support"));

  /* The guide moves on; no question before two minutes. */
  advance_to (dialog, 60);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (steady_urge_surf_dialog_get_widget (dialog, "guide"))), !=, first_line);
  g_assert_false (revealed (dialog, "check-revealer"));

  /* Two minutes: "Is it still there?" 5, lower than 7: no alarm. */
  advance_to (dialog, 120);
  g_assert_true (revealed (dialog, "check-revealer"));
  rate (dialog, "check", 5);
  g_assert_false (revealed (dialog, "support"));

  /* Four minutes: a fresh question; 6 is higher than 5, so Help Now and
   * the person's people are offered right there. */
  advance_to (dialog, 240);
  g_assert_cmpint (steady_rating_bar_get_value (STEADY_RATING_BAR (steady_urge_surf_dialog_get_widget (dialog, "check"))), ==, -1);
  rate (dialog, "check", 6);
  g_assert_true (revealed (dialog, "support"));
  g_assert_true (list_has_title (steady_urge_surf_dialog_get_widget (dialog, "people"), "Sam"));

  /* Five minutes: the end. 2 now, and save. */
  advance_to (dialog, 300);
  g_assert_cmpstr (steady_urge_surf_dialog_get_page (dialog), ==, "after");
  rate (dialog, "after", 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.save", NULL));
  wait_for (fixture, surf_done);

  /* Craving: the peak, 7. Helped: (7 − 2) / 7 × 10 = 7.14 → 7. */
  entry = only_checkin (fixture);
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, 7);
  g_assert_cmpint (steady_journal_entry_get_skill_helped (entry, "urge-surfing"), ==, 7);
  g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, "Urge surf: 7 → 2 in 5 minutes");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (steady_urge_surf_dialog_get_widget (dialog, "done"))), ==,
                   "7 → 2. Urge surfing helped 7 out of 10.");

  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (fixture, dialog_closed);
}

static void
test_urge_surf_stop_early (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SteadyJournalEntry) entry = NULL;
  SteadyUrgeSurfDialog *dialog;

  start_app (fixture);
  dialog = open_surf (fixture);

  /* A strong urge: people in reach from the start (none saved yet: the
   * way to add them is). */
  rate (dialog, "before", 8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.start", NULL));
  drain ();
  g_assert_true (revealed (dialog, "support"));
  g_assert_true (list_has_title (steady_urge_surf_dialog_get_widget (dialog, "people"), "No One Saved Yet"));

  /* A change of mind on one question counts once. */
  advance_to (dialog, 130);
  rate (dialog, "check", 3);
  rate (dialog, "check", 4);

  /* Stop after 3 minutes 20 seconds: what was rated is kept and saved. */
  advance_to (dialog, 200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.stop", NULL));
  wait_for (fixture, surf_done);

  /* Craving 8; the last rating, 4, is the end: (8 − 4) / 8 × 10 = 5. */
  entry = only_checkin (fixture);
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, 8);
  g_assert_cmpint (steady_journal_entry_get_skill_helped (entry, "urge-surfing"), ==, 5);
  g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, "Urge surf: 8 → 4 in 3 minutes");
}

static void
test_urge_surf_close_keeps (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SteadyJournalEntry) entry = NULL;
  SteadyUrgeSurfDialog *dialog;

  start_app (fixture);
  dialog = open_surf (fixture);
  rate (dialog, "before", 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.start", NULL));
  advance_to (dialog, 50);

  /* Escape does not end a surf by accident... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "surf.close", NULL));
  drain ();
  g_assert_cmpstr (steady_urge_surf_dialog_get_page (dialog), ==, "surf");

  /* ...but closing the window saves what was rated, then closes. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (fixture, dialog_closed);
  wait_for (fixture, one_checkin);

  entry = only_checkin (fixture);
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, 6);
  g_assert_true (steady_journal_entry_has_skill (entry, "urge-surfing"));
  g_assert_cmpint (steady_journal_entry_get_skill_helped (entry, "urge-surfing"), ==, STEADY_JOURNAL_UNSET);
  g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, "Urge surf: started at 6, stopped after 1 minute");
}

static void
test_halt (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_auto(GStrv) chosen = NULL;
  const char *expected[] = { "hungry", "lonely", NULL };
  SteadyHaltDialog *dialog;

  start_app (fixture);
  add_contact (fixture, "Ana", "(555) 010-2000");
  dialog = STEADY_HALT_DIALOG (steady_halt_dialog_new (store_of (fixture)));
  current_dialog = GTK_WIDGET (dialog);
  current_type = G_OBJECT_TYPE (dialog);
  steady_dialog_present (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  drain ();

  /* Nothing chosen, nothing to save. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "halt.save", NULL);
  drain ();
  g_assert_cmpuint (count_windows (fixture, STEADY_TYPE_HALT_DIALOG), ==, 1);
  g_assert_cmpuint (steady_journal_count (store_of (fixture)), ==, 0);

  gtk_switch_set_active (GTK_SWITCH (steady_halt_dialog_get_widget (dialog, "lonely")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (steady_halt_dialog_get_widget (dialog, "hungry")), TRUE);
  drain ();

  /* Lonely: the person's people, with their numbers, right there. */
  g_assert_true (gtk_widget_is_visible (steady_halt_dialog_get_widget (dialog, "people")));
  g_assert_true (list_has_title (steady_halt_dialog_get_widget (dialog, "people"), "Ana"));
  /* Tired is off: its suggestion stays hidden. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (
    gtk_widget_get_ancestor (steady_halt_dialog_get_widget (dialog, "tired"), GTK_TYPE_LIST_BOX_ROW))));

  /* Someone added in Help Now meanwhile shows up at once. */
  add_contact (fixture, "Jo", "555 0199");
  drain ();
  g_assert_true (list_has_title (steady_halt_dialog_get_widget (dialog, "people"), "Jo"));

  chosen = steady_halt_dialog_dup_chosen (dialog);
  g_assert_cmpstrv (chosen, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "halt.save", NULL));
  wait_for (fixture, dialog_closed);

  entry = only_checkin (fixture);
  g_assert_cmpstrv (steady_journal_entry_get_triggers (entry), expected);
  g_assert_true (steady_journal_entry_has_skill (entry, "halt-check"));
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, STEADY_JOURNAL_UNSET);
}

static SteadyCheckupDialog *
open_checkup (Fixture *fixture)
{
  GtkWidget *dialog = steady_checkup_dialog_new (store_of (fixture));

  current_dialog = dialog;
  current_type = G_OBJECT_TYPE (dialog);
  steady_dialog_present (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  drain ();

  return STEADY_CHECKUP_DIALOG (dialog);
}

static void
answer_all (SteadyCheckupDialog *dialog,
            const int            answers[STEADY_CHECKUP_N_ITEMS])
{
  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    steady_checkup_dialog_set_answer (dialog, i, answers[i]);
}

static void
test_checkup_routes_to_help (Fixture       *fixture,
                             gconstpointer  data)
{
  static const int answers[] = { 2, 1, 3, 0, 2, 3, 1, 1 };
  SteadyCheckupDialog *dialog;

  start_app (fixture);
  dialog = open_checkup (fixture);
  g_assert_cmpuint (count_windows (fixture, STEADY_TYPE_HELP_DIALOG), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkup.finish", NULL);
  drain ();
  g_assert_cmpstr (steady_checkup_dialog_get_page (dialog), ==, "questions");

  /* The self-harm item first, above 0: Help Now opens at once, before
   * anything else is answered, and the dialog says help is here. */
  steady_checkup_dialog_set_answer (dialog, STEADY_CHECKUP_ITEM_SELF_HARM, STEADY_CHECKUP_SEVERAL_DAYS);
  wait_for (fixture, help_shown);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (steady_checkup_dialog_get_widget (dialog, "safety"))));

  /* Changing 1 to 2 does not pile up a second one. */
  steady_checkup_dialog_set_answer (dialog, STEADY_CHECKUP_ITEM_SELF_HARM, STEADY_CHECKUP_MORE_THAN_HALF);
  drain ();
  g_assert_cmpuint (count_windows (fixture, STEADY_TYPE_HELP_DIALOG), ==, 1);

  /* The rest, then the result: a hard week whatever the total, saved. */
  answer_all (dialog, answers);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkup.finish", NULL));
  drain ();
  g_assert_cmpstr (steady_checkup_dialog_get_page (dialog), ==, "result");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (steady_checkup_dialog_get_widget (dialog, "band"))), ==,
                   "A hard week: bring this to your care team");
  /* 2 + 1 + 3 + 0 + 2 + 3 + (3 − 1) + 1 = 14 */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (steady_checkup_dialog_get_widget (dialog, "total"))), ==,
                   "Total: 14 of 24");
  expected_results = 1;
  wait_for (fixture, results_saved);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (steady_checkup_dialog_get_widget (dialog, "safety"))));
}

static void
test_checkup_trend (Fixture       *fixture,
                    gconstpointer  data)
{
  static const int light[] = { 0, 0, 1, 0, 1, 1, 3, 0 };
  static const int heavier[] = { 2, 1, 2, 1, 2, 2, 1, 0 };
  SteadyCheckupDialog *dialog;
  GtkWidget *trend;
  guint rows = 0;

  start_app (fixture);

  /* A week ago, and now: two rows in the trend, and no Help Now. */
  dialog = open_checkup (fixture);
  answer_all (dialog, light);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkup.finish", NULL));
  expected_results = 1;
  wait_for (fixture, results_saved);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (steady_checkup_dialog_get_widget (dialog, "band"))), ==,
                   "A lighter week");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (fixture, dialog_closed);

  dialog = open_checkup (fixture);
  answer_all (dialog, heavier);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkup.finish", NULL));
  expected_results = 2;
  wait_for (fixture, results_saved);
  drain ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (steady_checkup_dialog_get_widget (dialog, "band"))), ==,
                   "Some weeks are heavier");

  trend = steady_checkup_dialog_get_widget (dialog, "trend");
  for (GtkWidget *row = gtk_widget_get_first_child (trend); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 2);
  g_assert_cmpuint (count_windows (fixture, STEADY_TYPE_HELP_DIALOG), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (steady_checkup_dialog_get_widget (dialog, "safety"))));
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  ADD_APP_TEST ("/steady/tools-ui/urge-surf", test_urge_surf);
  ADD_APP_TEST ("/steady/tools-ui/urge-surf-stop-early", test_urge_surf_stop_early);
  ADD_APP_TEST ("/steady/tools-ui/urge-surf-close-keeps", test_urge_surf_close_keeps);
  ADD_APP_TEST ("/steady/tools-ui/halt", test_halt);
  ADD_APP_TEST ("/steady/tools-ui/checkup-routes-to-help", test_checkup_routes_to_help);
  ADD_APP_TEST ("/steady/tools-ui/checkup-trend", test_checkup_trend);

  return g_test_run ();
}
