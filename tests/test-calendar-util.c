/* test-calendar-util.c: the calendar widgets' reading of stored rules
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-calendar-util.h"

static void
test_parse_weekly (void)
{
  SteadyWeeklyRule rule;

  g_assert_true (steady_calendar_util_parse_weekly ("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260321T035959Z",
                                                    "America/New_York", "2026-03-02T18:00:00", &rule));
  g_assert_cmpint (rule.days, ==, STEADY_WEEKDAY_MONDAY | STEADY_WEEKDAY_WEDNESDAY | STEADY_WEEKDAY_FRIDAY);
  g_assert_cmpint (rule.end, ==, STEADY_REPEAT_END_UNTIL);
  /* 23:59:59 in New York on the 20th, a Friday */
  g_assert_cmpint (g_date_get_day (&rule.until), ==, 20);

  g_assert_true (steady_calendar_util_parse_weekly ("RRULE:FREQ=WEEKLY;COUNT=4", "UTC", "2026-03-03T17:00:00", &rule));
  g_assert_cmpint (rule.days, ==, STEADY_WEEKDAY_TUESDAY);
  g_assert_cmpint (rule.end, ==, STEADY_REPEAT_END_COUNT);
  g_assert_cmpuint (rule.count, ==, 4);

  g_assert_false (steady_calendar_util_parse_weekly ("FREQ=MONTHLY;BYDAY=1MO", "UTC", "2026-03-02T18:00:00", &rule));
  g_assert_false (steady_calendar_util_parse_weekly ("FREQ=WEEKLY;BYDAY=1MO", "UTC", "2026-03-02T18:00:00", &rule));
}

/* Found by fuzz-full-import: a restored file's rule may say anything.
 * The first moment of year 1 in UTC falls in year 0 in New York, which
 * GDateTime and GDate do not hold: criticals, and a garbage date. */
static void
test_restored_rules (void)
{
  const char *rules[] = {
    "FREQ=WEEKLY;UNTIL=00010101T000000Z",
    "FREQ=WEEKLY;UNTIL=00010101T010000Z",
    "FREQ=WEEKLY;UNTIL=2026",
    "FREQ=WEEKLY;UNTIL=20261399",
    "FREQ=WEEKLY;BYDAY=MO,,FR",
    "FREQ=WEEKLY;COUNT=0",
    "FREQ",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *described = steady_calendar_util_describe_rule (rules[i], "America/New_York",
                                                                       "2026-03-02T18:00:00");

      g_test_message ("Rule %u: %s", i, rules[i]);
      g_assert_cmpstr (described, ==, "Repeats by a custom rule");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/calendar-util/parse-weekly", test_parse_weekly);
  g_test_add_func ("/steady/calendar-util/restored-rules", test_restored_rules);

  return g_test_run ();
}
