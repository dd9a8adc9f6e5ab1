/* steady-checkup-result.h: one weekly self-check and its answers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SteadyCheckupItem:
 * @STEADY_CHECKUP_ITEM_LOW_MOOD: mood was low or heavy
 * @STEADY_CHECKUP_ITEM_LITTLE_INTEREST: things usually enjoyed felt flat
 * @STEADY_CHECKUP_ITEM_WORRY: worries kept going round
 * @STEADY_CHECKUP_ITEM_RESTLESS: wound up, hard to settle
 * @STEADY_CHECKUP_ITEM_SLEEP: sleep did not go well
 * @STEADY_CHECKUP_ITEM_CRAVINGS: strong cravings or urges to use
 * @STEADY_CHECKUP_ITEM_CONFIDENCE: felt sure of staying on track; the one
 *   item asked the "good" way round, so it is scored in reverse
 * @STEADY_CHECKUP_ITEM_SELF_HARM: thoughts of hurting oneself or of not
 *   wanting to be alive; any answer above 0 routes to Help Now
 * @STEADY_CHECKUP_N_ITEMS: the number of items
 *
 * The items of Steady's own weekly self-check, in the order they are
 * asked. The values are stored in the database: never renumber them.
 */
typedef enum
{
  STEADY_CHECKUP_ITEM_LOW_MOOD,
  STEADY_CHECKUP_ITEM_LITTLE_INTEREST,
  STEADY_CHECKUP_ITEM_WORRY,
  STEADY_CHECKUP_ITEM_RESTLESS,
  STEADY_CHECKUP_ITEM_SLEEP,
  STEADY_CHECKUP_ITEM_CRAVINGS,
  STEADY_CHECKUP_ITEM_CONFIDENCE,
  STEADY_CHECKUP_ITEM_SELF_HARM,
  STEADY_CHECKUP_N_ITEMS,
} SteadyCheckupItem;

/**
 * SteadyCheckupAnswer:
 * @STEADY_CHECKUP_UNANSWERED: not answered yet
 * @STEADY_CHECKUP_NOT_AT_ALL: "Not at all" (0)
 * @STEADY_CHECKUP_SEVERAL_DAYS: "Several days" (1)
 * @STEADY_CHECKUP_MORE_THAN_HALF: "More than half the days" (2)
 * @STEADY_CHECKUP_NEARLY_EVERY_DAY: "Nearly every day" (3)
 *
 * How often, over the past week. These are the answers as given; see
 * steady_checkup_get_item_score() for how each counts.
 */
typedef enum
{
  STEADY_CHECKUP_UNANSWERED = -1,
  STEADY_CHECKUP_NOT_AT_ALL = 0,
  STEADY_CHECKUP_SEVERAL_DAYS = 1,
  STEADY_CHECKUP_MORE_THAN_HALF = 2,
  STEADY_CHECKUP_NEARLY_EVERY_DAY = 3,
} SteadyCheckupAnswer;

#define STEADY_CHECKUP_N_ANSWERS 4
#define STEADY_CHECKUP_MAX_SCORE (STEADY_CHECKUP_N_ITEMS * STEADY_CHECKUP_NEARLY_EVERY_DAY)

/**
 * SteadyCheckupAnswers:
 * @answers: one #SteadyCheckupAnswer a #SteadyCheckupItem
 *
 * A plain struct, so that scoring is easy to test and to copy around.
 */
typedef struct
{
  SteadyCheckupAnswer answers[STEADY_CHECKUP_N_ITEMS];
} SteadyCheckupAnswers;

#define STEADY_TYPE_CHECKUP_RESULT (steady_checkup_result_get_type ())

G_DECLARE_FINAL_TYPE (SteadyCheckupResult, steady_checkup_result, STEADY, CHECKUP_RESULT, GObject)

SteadyCheckupResult *steady_checkup_result_new            (const SteadyCheckupAnswers *answers,
                                                           GDateTime                  *at);
gint64               steady_checkup_result_get_id         (SteadyCheckupResult        *self);
GDateTime           *steady_checkup_result_get_at         (SteadyCheckupResult        *self);
const char          *steady_checkup_result_get_local_date (SteadyCheckupResult        *self);
void                 steady_checkup_result_get_answers    (SteadyCheckupResult        *self,
                                                           SteadyCheckupAnswers       *out_answers);
SteadyCheckupAnswer  steady_checkup_result_get_answer     (SteadyCheckupResult        *self,
                                                           SteadyCheckupItem           item);
int                  steady_checkup_result_get_total      (SteadyCheckupResult        *self);

G_END_DECLS
