/* steady-checkup.h: the weekly self-check, its scoring, storage and
 * the between-session prompts
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-checkup-result.h"
#include "steady-store.h"

G_BEGIN_DECLS

/**
 * SteadyCheckupBand:
 * @STEADY_CHECKUP_BAND_INCOMPLETE: not every item is answered
 * @STEADY_CHECKUP_BAND_LIGHTER: total 0 to 7: a lighter week
 * @STEADY_CHECKUP_BAND_HEAVIER: total 8 to 15: some weeks are heavier
 * @STEADY_CHECKUP_BAND_HARD: total 16 to 24, or any answer above 0 to
 *   the self-harm item: a hard week, to bring to the care team
 *
 * A gentle word for the week, never a diagnosis. The thresholds are
 * Steady's own (a third and two thirds of the way up the 0–24 range) and
 * are not taken from any clinical instrument.
 */
typedef enum
{
  STEADY_CHECKUP_BAND_INCOMPLETE,
  STEADY_CHECKUP_BAND_LIGHTER,
  STEADY_CHECKUP_BAND_HEAVIER,
  STEADY_CHECKUP_BAND_HARD,
} SteadyCheckupBand;

/* The lowest totals of the heavier and the hard bands. */
#define STEADY_CHECKUP_HEAVIER_FROM 8
#define STEADY_CHECKUP_HARD_FROM 16

/* Between-session prompts: at most this many a day, never within this
 * many minutes of a session. */
#define STEADY_CHECKUP_MAX_PROMPTS_PER_DAY 2
#define STEADY_CHECKUP_PROMPT_GAP_MINUTES 30

/* The questionnaire */
const char          *steady_checkup_get_title            (void);
const char          *steady_checkup_get_disclaimer       (void);
const char          *steady_checkup_get_question         (void);
const char          *steady_checkup_item_get_id          (SteadyCheckupItem            item);
const char          *steady_checkup_item_get_text        (SteadyCheckupItem            item);
gboolean             steady_checkup_item_is_reversed     (SteadyCheckupItem            item);
const char          *steady_checkup_answer_get_label     (SteadyCheckupAnswer          answer);

/* Scoring */
void                 steady_checkup_answers_init         (SteadyCheckupAnswers        *answers);
gboolean             steady_checkup_answers_is_complete  (const SteadyCheckupAnswers  *answers);
int                  steady_checkup_get_item_score       (const SteadyCheckupAnswers  *answers,
                                                          SteadyCheckupItem            item);
int                  steady_checkup_get_total            (const SteadyCheckupAnswers  *answers);
SteadyCheckupBand    steady_checkup_get_band             (const SteadyCheckupAnswers  *answers);
gboolean             steady_checkup_needs_safety_routing (const SteadyCheckupAnswers  *answers);
const char          *steady_checkup_band_get_title       (SteadyCheckupBand            band);
const char          *steady_checkup_band_get_description (SteadyCheckupBand            band);

/* Storage */
gboolean             steady_checkup_save                 (SteadyStore                 *store,
                                                          SteadyCheckupResult         *result,
                                                          GError                     **error);
void                 steady_checkup_save_async           (SteadyStore                 *store,
                                                          SteadyCheckupResult         *result,
                                                          GCancellable                *cancellable,
                                                          GAsyncReadyCallback          callback,
                                                          gpointer                     user_data);
gboolean             steady_checkup_save_finish          (SteadyStore                 *store,
                                                          GAsyncResult                *result,
                                                          GError                     **error);
GListModel          *steady_checkup_list                 (SteadyStore                 *store,
                                                          guint                        limit,
                                                          GError                     **error);

/* Between-session prompts (steady-checkup-prompts.c) */
GPtrArray           *steady_checkup_plan_prompts         (SteadyStore                 *store,
                                                          GDateTime                   *now,
                                                          GTimeZone                   *zone,
                                                          GError                     **error);

G_END_DECLS
