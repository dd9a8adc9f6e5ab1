/* steady-report-content.c: what the summary says, block by block
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-report"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-entry.h"
#include "steady-report-renderer-private.h"

/* In order: the title and the days covered, the few numbers that matter
 * most, the mood and craving chart, the check-ins, triggers and
 * feelings, skills and how they helped, sessions and program hours, and
 * the notes only when the report holds them (steady_report_load() reads
 * them only when asked). Every word is translatable; the person's own
 * words are set as plain text. */

/* Triggers and feelings shown, the most frequent */
#define MAX_LISTED 8

static void
add_title (SteadyReportLayout *self)
{
  SteadyReportBlock *subtitle;

  steady_report_layout_add_text (self, STEADY_REPORT_FONT_TITLE, _("Summary for My Next Session"), 0);
  subtitle = steady_report_layout_add_text (self, STEADY_REPORT_FONT_SUBTITLE, self->range, 2.0);
  subtitle->color = &steady_report_secondary_color;
}

/* The few numbers a counsellor looks at first, in sentences. */
static void
add_glance (SteadyReportLayout *self)
{
  SteadyReport *report = self->report;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_checkins = report->checkins->len;
  guint n_days = report->days->len;

  /* The chart and the table say so when there is nothing */
  if (n_checkins == 0)
    return;

  g_string_append_printf (text,
                          ngettext ("%u check-in, on %u of %u days.",
                                    "%u check-ins, on %u of %u days.",
                                    n_checkins),
                          n_checkins, report->n_days_checked_in, n_days);

  if (report->mood >= 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Average mood %.1f out of 10."), report->mood);
    }

  if (report->craving_peak >= 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Strongest craving %d out of 10."), report->craving_peak);
    }

  if (report->n_lapses > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("%u lapse logged.", "%u lapses logged.", report->n_lapses),
                              report->n_lapses);
    }

  steady_report_layout_add_paragraph (self, text->str);
}

static void
add_chart (SteadyReportLayout *self)
{
  SteadyReportBlock *block;

  steady_report_layout_add_heading (self, _("Mood and craving"));

  block = steady_report_layout_add_block (self, STEADY_REPORT_BLOCK_CHART);
  block->space_before = STEADY_REPORT_PARAGRAPH_GAP;
  block->height = steady_report_chart_get_height (self->context, self->content_width);
}

static char *
join_skills (GPtrArray *skills)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < skills->len; i++)
    {
      SteadyReportSkillUse *use = g_ptr_array_index (skills, i);

      if (i > 0)
        g_string_append_c (text, '\n');

      if (use->helped == STEADY_JOURNAL_UNSET)
        g_string_append (text, use->name);
      else
        /* Translators: a skill and how much it helped, from 0 to 10 */
        g_string_append_printf (text, _("%s (%d/10)"), use->name, use->helped);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_checkins (SteadyReportLayout *self)
{
  static const double fractions[] = { 0.17, 0.10, 0.08, 0.10, 0.26, 0.29 };
  const char *header[] = {
    /* Translators: column headings of the check-ins table in the summary */
    C_("report column", "Day"),
    C_("report column", "Time"),
    C_("report column", "Mood"),
    C_("report column", "Craving"),
    C_("report column", "Triggers"),
    C_("report column", "Skills (how much they helped)"),
  };
  GPtrArray *checkins = self->report->checkins;
  SteadyReportTable *table;

  steady_report_layout_add_heading (self, _("Check-ins"));

  if (checkins->len == 0)
    {
      steady_report_layout_add_paragraph (self, _("No check-ins in these days."));
      return;
    }

  steady_report_layout_add_intro (self,
                                  _("Mood from 1 (very low) to 10 (very good); craving from 0 (none) to 10 (very strong)."));

  table = steady_report_layout_add_table (self, G_N_ELEMENTS (fractions), fractions, 1.0);
  steady_report_layout_add_row (self, table, header, TRUE);

  for (guint i = 0; i < checkins->len; i++)
    {
      SteadyReportCheckin *checkin = g_ptr_array_index (checkins, i);
      g_autofree char *day = steady_report_format_day (checkin->at);
      g_autofree char *day_cell = NULL;
      g_autofree char *time = steady_report_format_time (self, checkin->at);
      g_autofree char *mood = steady_report_format_rating (checkin->mood);
      g_autofree char *craving = steady_report_format_rating (checkin->craving);
      g_autofree char *triggers = g_strjoinv (", ", checkin->triggers);
      g_autofree char *skills = join_skills (checkin->skills);
      const char *cells[G_N_ELEMENTS (fractions)];

      /* Logged without shame: said plainly, where the day is */
      day_cell = checkin->lapse ? g_strconcat (day, "\n", _("Lapse logged"), NULL) : g_strdup (day);

      cells[0] = day_cell;
      cells[1] = time;
      cells[2] = mood;
      cells[3] = craving;
      cells[4] = triggers;
      cells[5] = skills;
      steady_report_layout_add_row (self, table, cells, FALSE);
    }
}

static void
count_cells (GPtrArray   *counts,
             guint        i,
             const char **label,
             char       **number)
{
  SteadyJournalCount *count;

  if (i >= MIN (counts->len, MAX_LISTED))
    {
      *label = NULL;
      *number = NULL;
      return;
    }

  count = g_ptr_array_index (counts, i);
  *label = count->label;
  *number = g_strdup_printf ("%u", count->count);
}

/* Triggers and feelings side by side, each with its count */
static void
add_triggers (SteadyReportLayout *self)
{
  static const double fractions[] = { 0.34, 0.12, 0.08, 0.34, 0.12 };
  const char *header[] = {
    C_("report column", "Trigger"),
    C_("report column", "Check-ins"),
    NULL,
    C_("report column", "Feeling"),
    C_("report column", "Check-ins"),
  };
  SteadyReport *report = self->report;
  guint n_rows = MAX (MIN (report->top_triggers->len, MAX_LISTED),
                      MIN (report->top_emotions->len, MAX_LISTED));
  SteadyReportTable *table;

  steady_report_layout_add_heading (self, _("Triggers and feelings"));

  if (n_rows == 0)
    {
      steady_report_layout_add_paragraph (self, _("No triggers or feelings were noted in these days."));
      return;
    }

  steady_report_layout_add_intro (self, _("The ones noted most often, and in how many check-ins."));

  table = steady_report_layout_add_table (self, G_N_ELEMENTS (fractions), fractions, 1.0);
  table->gap_column = 2;
  steady_report_layout_add_row (self, table, header, TRUE);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *trigger_count = NULL;
      g_autofree char *feeling_count = NULL;
      const char *cells[G_N_ELEMENTS (fractions)] = { NULL, };

      count_cells (report->top_triggers, i, &cells[0], &trigger_count);
      count_cells (report->top_emotions, i, &cells[3], &feeling_count);
      cells[1] = trigger_count;
      cells[4] = feeling_count;
      steady_report_layout_add_row (self, table, cells, FALSE);
    }
}

static void
add_skills (SteadyReportLayout *self)
{
  static const double fractions[] = { 0.45, 0.2, 0.35 };
  const char *header[] = {
    C_("report column", "Skill"),
    C_("report column", "Times used"),
    C_("report column", "How much it helped"),
  };
  GPtrArray *skills = self->report->skills;
  SteadyReportTable *table;

  steady_report_layout_add_heading (self, _("Skills used and how they helped"));

  if (skills->len == 0)
    {
      steady_report_layout_add_paragraph (self, _("No skills were noted in these days."));
      return;
    }

  steady_report_layout_add_intro (self,
                                  _("The average of your own ratings, from 0 (not at all) to 10 (a lot)."));

  table = steady_report_layout_add_table (self, G_N_ELEMENTS (fractions), fractions, 1.0);
  steady_report_layout_add_row (self, table, header, TRUE);

  for (guint i = 0; i < skills->len; i++)
    {
      SteadyJournalSkillStat *stat = g_ptr_array_index (skills, i);
      g_autofree char *used = g_strdup_printf ("%u", stat->n_used);
      g_autofree char *helped = NULL;
      const char *cells[3];

      if (stat->helped < 0)
        helped = g_strdup (_("Not rated"));
      else
        helped = g_strdup_printf (ngettext ("%.1f out of 10 (%u rating)",
                                            "%.1f out of 10 (%u ratings)",
                                            stat->n_rated),
                                  stat->helped, stat->n_rated);

      cells[0] = stat->name;
      cells[1] = used;
      cells[2] = helped;
      steady_report_layout_add_row (self, table, cells, FALSE);
    }
}

static const char *
attendance_label (const SteadyReportSession *session)
{
  switch (session->attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return C_("attendance", "Attended");
    case STEADY_ATTENDANCE_MISSED:
      return C_("attendance", "Missed");
    case STEADY_ATTENDANCE_EXCUSED:
      return C_("attendance", "Excused");
    case STEADY_ATTENDANCE_UNMARKED:
    default:
      return session->cancelled ? C_("attendance", "Cancelled") : C_("attendance", "Not marked");
    }
}

static gboolean
is_partial_week (SteadyReport          *report,
                 const SteadyWeekHours *week)
{
  GDate sunday = week->monday;

  g_date_add_days (&sunday, 6);

  return g_date_compare (&week->monday, &report->from) < 0 || g_date_compare (&sunday, &report->to) > 0;
}

static void
add_week_table (SteadyReportLayout *self)
{
  static const double fractions[] = { 0.3, 0.22, 0.22, 0.26 };
  const char *header[] = {
    C_("report column", "Week of"),
    C_("report column", "Hours attended"),
    C_("report column", "Program asks"),
    C_("report column", "Sessions attended"),
  };
  GArray *weeks = self->report->weeks;
  SteadyReportTable *table = steady_report_layout_add_table (self, G_N_ELEMENTS (fractions), fractions, 1.0);

  steady_report_layout_add_row (self, table, header, TRUE);

  for (guint i = 0; i < weeks->len; i++)
    {
      const SteadyWeekHours *week = &g_array_index (weeks, SteadyWeekHours, i);
      g_autoptr(GDateTime) monday = NULL;
      g_autofree char *day = NULL;
      g_autofree char *attended = NULL;
      g_autofree char *required = NULL;
      g_autofree char *sessions = NULL;
      const char *cells[4];

      /* A week mostly outside the summary's days, with no session in
       * it, would only say "0 of 0". */
      if (is_partial_week (self->report, week) && week->n_sessions == 0 && week->n_cancelled == 0)
        continue;

      monday = steady_report_date_to_date_time (&week->monday);
      day = steady_report_format_day (monday);
      attended = steady_report_format_hours (week->attended_seconds);
      required = steady_report_format_hours ((gint64)week->required_minutes * 60);
      /* Translators: sessions attended of those scheduled in a week */
      sessions = g_strdup_printf (_("%u of %u"), week->n_attended, week->n_sessions);
      cells[0] = day;
      cells[1] = attended;
      cells[2] = required;
      cells[3] = sessions;

      steady_report_layout_add_row (self, table, cells, FALSE);
    }
}

static void
add_sessions (SteadyReportLayout *self)
{
  static const double fractions[] = { 0.2, 0.12, 0.48, 0.2 };
  const char *header[] = {
    C_("report column", "Day"),
    C_("report column", "Time"),
    C_("report column", "Session"),
    C_("report column", "Attendance"),
  };
  SteadyReport *report = self->report;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *hours = steady_report_format_hours (report->attended_seconds);
  SteadyReportTable *table;
  SteadyReportBlock *block;

  steady_report_layout_add_heading (self, _("Sessions and program hours"));

  if (report->sessions->len == 0)
    {
      steady_report_layout_add_paragraph (self, _("No sessions in these days."));
      return;
    }

  /* Translators: the sessions of the summary's days, counted, and the
   * hours spent in those attended */
  g_string_append_printf (summary, _("Attended: %u · Missed: %u · Excused: %u · Hours attended: %s"),
                          report->attendance.n_attended, report->attendance.n_missed,
                          report->attendance.n_excused, hours);
  block = steady_report_layout_add_paragraph (self, summary->str);
  block->keep_with_next = TRUE;

  /* Between two tables, a little more room than under a heading */
  block = steady_report_layout_add_intro (self, _("Each week, the hours attended against what the program asks."));
  block->space_before = STEADY_REPORT_PARAGRAPH_GAP;
  add_week_table (self);

  block = steady_report_layout_add_intro (self, _("Each session in these days."));
  block->space_before = STEADY_REPORT_SECTION_GAP / 2;
  table = steady_report_layout_add_table (self, G_N_ELEMENTS (fractions), fractions, 1.0);
  steady_report_layout_add_row (self, table, header, TRUE);

  for (guint i = 0; i < report->sessions->len; i++)
    {
      SteadyReportSession *session = g_ptr_array_index (report->sessions, i);
      g_autofree char *day = steady_report_format_day (session->start);
      g_autofree char *time = steady_report_format_time (self, session->start);
      /* Translators: a session's title and, in brackets, its kind */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), session->title,
                                                steady_session_kind_get_label (session->kind));
      const char *cells[] = { day, time, title, attendance_label (session) };

      steady_report_layout_add_row (self, table, cells, FALSE);
    }
}

static void
add_dated_heading (SteadyReportLayout *self,
                   GDateTime          *at,
                   const char         *what)
{
  g_autofree char *day = steady_report_format_day (at);
  g_autofree char *time = steady_report_format_time (self, at);
  g_autofree char *text = NULL;
  SteadyReportBlock *block;

  if (what != NULL)
    /* Translators: above a note in the summary: what, day, time */
    text = g_strdup_printf (_("%s · %s, %s"), what, day, time);
  else
    /* Translators: above a check-in's notes in the summary: day, time */
    text = g_strdup_printf (_("%s, %s"), day, time);

  block = steady_report_layout_add_text (self, STEADY_REPORT_FONT_BODY_BOLD, text,
                                         STEADY_REPORT_SECTION_GAP / 2);
  block->keep_with_next = TRUE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Only when the person chose to include them, and only then read. */
static void
add_notes (SteadyReportLayout *self)
{
  SteadyReport *report = self->report;
  gboolean any = FALSE;

  steady_report_layout_add_heading (self, _("Your notes"));
  steady_report_layout_add_intro (self, _("You chose to include your notes in this summary."));

  for (guint i = 0; i < report->checkins->len; i++)
    {
      SteadyReportCheckin *checkin = g_ptr_array_index (report->checkins, i);

      if (is_empty (checkin->notes) && is_empty (checkin->lapse_what) && is_empty (checkin->lapse_note))
        continue;

      add_dated_heading (self, checkin->at, NULL);
      if (!is_empty (checkin->notes))
        steady_report_layout_add_text (self, STEADY_REPORT_FONT_BODY, checkin->notes, 2.0);
      if (!is_empty (checkin->lapse_what))
        {
          g_autofree char *text = g_strdup_printf (_("Lapse, what: %s"), checkin->lapse_what);

          steady_report_layout_add_paragraph (self, text);
        }
      if (!is_empty (checkin->lapse_note))
        {
          g_autofree char *text = g_strdup_printf (_("Lapse, note: %s"), checkin->lapse_note);

          steady_report_layout_add_paragraph (self, text);
        }
      any = TRUE;
    }

  for (guint i = 0; i < report->sessions->len; i++)
    {
      SteadyReportSession *session = g_ptr_array_index (report->sessions, i);

      if (is_empty (session->note) && is_empty (session->homework))
        continue;

      add_dated_heading (self, session->start, session->title);
      if (!is_empty (session->note))
        {
          g_autofree char *text = g_strdup_printf (_("Note: %s"), session->note);

          steady_report_layout_add_text (self, STEADY_REPORT_FONT_BODY, text, 2.0);
        }
      if (!is_empty (session->homework))
        {
          g_autofree char *text = g_strdup_printf (_("Homework: %s"), session->homework);

          steady_report_layout_add_paragraph (self, text);
        }
      any = TRUE;
    }

  if (!any)
    steady_report_layout_add_paragraph (self, _("No notes in these days."));
}

/**
 * steady_report_layout_add_content:
 * @self: an empty layout
 *
 * Adds the summary's blocks, in order.
 */
void
steady_report_layout_add_content (SteadyReportLayout *self)
{
  add_title (self);
  add_glance (self);
  add_chart (self);
  add_checkins (self);
  add_triggers (self);
  add_skills (self);
  add_sessions (self);
  if (self->report->include_notes)
    add_notes (self);
}
