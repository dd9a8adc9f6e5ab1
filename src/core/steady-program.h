/* steady-program.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Adult IOPs ask for at least nine hours a week. */
#define STEADY_PROGRAM_DEFAULT_WEEKLY_MINUTES (9 * 60)
#define STEADY_PROGRAM_MAX_WEEKS              520
#define STEADY_PROGRAM_MAX_PHASES             52

#define STEADY_TYPE_PROGRAM (steady_program_get_type ())

G_DECLARE_FINAL_TYPE (SteadyProgram, steady_program, STEADY, PROGRAM, GObject)

SteadyProgram *steady_program_new                   (void);
SteadyProgram *steady_program_copy                  (SteadyProgram  *self);

const GDate   *steady_program_get_start_date        (SteadyProgram  *self);
void           steady_program_set_start_date        (SteadyProgram  *self,
                                                     const GDate    *date);
guint          steady_program_get_weekly_minutes    (SteadyProgram  *self);
void           steady_program_set_weekly_minutes    (SteadyProgram  *self,
                                                     guint           minutes);

guint          steady_program_get_n_phases          (SteadyProgram  *self);
void           steady_program_get_phase             (SteadyProgram  *self,
                                                     guint           index,
                                                     guint          *first_week,
                                                     guint          *last_week,
                                                     guint          *weekly_minutes);
void           steady_program_add_phase             (SteadyProgram  *self,
                                                     guint           first_week,
                                                     guint           last_week,
                                                     guint           weekly_minutes);
void           steady_program_clear_phases          (SteadyProgram  *self);
gboolean       steady_program_validate              (SteadyProgram  *self,
                                                     GError        **error);

int            steady_program_get_week_number       (SteadyProgram  *self,
                                                     const GDate    *date);
guint          steady_program_get_required_minutes  (SteadyProgram  *self,
                                                     const GDate    *date);

G_END_DECLS
