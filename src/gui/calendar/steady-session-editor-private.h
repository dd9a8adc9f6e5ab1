/* steady-session-editor-private.h: shared by the editor's source files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-calendar-util.h"
#include "steady-session-editor.h"

G_BEGIN_DECLS

/* The order of the "Repeats" choices; the last only for a rule the
 * editor cannot show (from an import). */
enum {
  REPEAT_NONE,
  REPEAT_WEEKLY,
  REPEAT_CUSTOM,
};

struct _SteadySessionEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwComboRow         *kind_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *location_row;
  AdwEntryRow         *facilitator_row;
  AdwActionRow        *date_row;
  GtkCalendar         *date_calendar;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  GtkSpinButton       *duration_spin;
  AdwActionRow        *zone_row;
  GtkWidget           *local_zone_button;
  AdwComboRow         *repeat_row;
  GtkStringList       *repeat_model;
  GtkWidget           *days_group;
  GtkBox              *days_box;
  GtkWidget           *ends_group;
  AdwComboRow         *ends_row;
  AdwActionRow        *until_row;
  GtkCalendar         *until_calendar;
  GtkWidget           *count_row;
  GtkSpinButton       *count_spin;
  GtkTextView         *notes_view;

  /* Built in code */
  GtkWidget           *day_buttons[7];   /* by weekday, 0 for Monday */

  /* Owned */
  SteadyStore         *store;
  SteadyOccurrence    *occurrence;       /* NULL for a new session */
  SteadySessionSeries *original;         /* what the widgets were filled from */
  char                *original_rrule;
  guint                original_repeat;
  SteadyWeeklyRule     original_rule;
  char                *rule_start;       /* the series' start, for its rule */
  char                *tzid;
  GDate                initial_day;
  GDate                date;
  GDate                until;
  SteadySessionSeries *pending;          /* waiting for "which sessions?" */
  char                *pending_rrule;
  gboolean             unrepeat_after_split;
  gboolean             title_is_auto;
  gboolean             syncing;
  gboolean             saving;
};

SteadySessionSeries *steady_session_editor_read_fields       (SteadySessionEditor *self);
gboolean             steady_session_editor_repeat_is_changed (SteadySessionEditor *self);
gboolean             steady_session_editor_has_changes       (SteadySessionEditor *self);
char                *steady_session_editor_check_repeat      (SteadySessionEditor  *self,
                                                              char                **out_rrule);
void                 steady_session_editor_show_error        (SteadySessionEditor *self,
                                                              const char          *message);
void                 steady_session_editor_saved             (SteadySessionEditor *self);

/* steady-session-editor-save.c */
gboolean             steady_session_editor_maybe_discard     (SteadySessionEditor *self);
void                 steady_session_editor_save_action       (GtkWidget           *widget,
                                                              const char          *action_name,
                                                              GVariant            *parameter);

G_END_DECLS
