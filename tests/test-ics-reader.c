/* test-ics-reader.c: iCalendar text into libical components
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steady-calendar-private.h"

static char *
serialize (icalcomponent *comp)
{
  char *text;
  char *copy;

  if (comp == NULL)
    return NULL;

  text = icalcomponent_as_ical_string_r (comp);
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  icalcomponent_free (comp);

  return copy;
}

/* The reader makes of any text what libical's own string parser makes. */
static void
test_like_libical (void)
{
  g_autoptr(GString) long_line = g_string_new ("BEGIN:VEVENT\r\nSUMMARY:");
  const char *texts[] = {
    "BEGIN:VEVENT\r\nUID:crlf\r\nSUMMARY:Group\r\nEND:VEVENT\r\n",
    "BEGIN:VEVENT\nUID:lf\nSUMMARY:Group\nEND:VEVENT\n",
    /* Lone CRs, as Kerio Connect writes them */
    "BEGIN:VEVENT\rUID:cr\rSUMMARY:Group\rEND:VEVENT\r",
    /* CR inside a line that an LF ends later */
    "BEGIN:VEVENT\nUID:mixed\rSUMMARY:Group\nEND:VEVENT\n",
    /* Folded lines, and no line end at the end */
    "BEGIN:VEVENT\r\nUID:fol\r\n ded\r\nDESCRIPTION:one\r\n\ttwo\r\nEND:VEVENT",
    "BEGIN:VEVENT\nUID:tail\nEND:VEVENT\n\n\n",
    "BEGIN:VEVENT",
    "",
    "\n",
    "\r",
  };

  /* Longer than the 80 bytes libical asks for at a time, and folded
   * where a chunk ends. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (long_line, "%u,", i);
  g_string_append (long_line, "\r\n ");
  g_string_append_len (long_line, long_line->str, 79);
  g_string_append (long_line, "\r\nEND:VEVENT\r\n");

  for (guint i = 0; i <= G_N_ELEMENTS (texts); i++)
    {
      const char *text = i < G_N_ELEMENTS (texts) ? texts[i] : long_line->str;
      g_autofree char *expected = serialize (icalparser_parse_string (text));
      g_autofree char *got = serialize (steady_ics_reader_parse (text, strlen (text)));

      g_test_message ("Case %u", i);
      g_assert_cmpstr (got, ==, expected);
    }

  /* Only the bytes it is given */
  {
    g_autofree char *got = serialize (steady_ics_reader_parse ("BEGIN:VEVENT\nUID:a\nEND:VEVENT\nX-AFTER:1\n", 29));
    g_autofree char *expected = serialize (icalparser_parse_string ("BEGIN:VEVENT\nUID:a\nEND:VEVENT\n"));

    g_assert_cmpstr (got, ==, expected);
  }
}

/* libical's parser takes time in the square of a line's length: minutes
 * for this one. */
static void
test_long_line (void)
{
  const gsize length = 15 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (length + 64);
  icalcomponent *comp;

  g_string_append (text, "BEGIN:VEVENT\r\nSUMMARY:");
  g_string_set_size (text, text->len + length);
  memset (text->str + text->len - length, 'A', length);
  g_string_append (text, "\r\nEND:VEVENT\r\n");

  comp = steady_ics_reader_parse (text->str, text->len);
  g_assert_nonnull (comp);
  g_assert_cmpuint (strlen (icalcomponent_get_summary (comp)), ==, length);
  icalcomponent_free (comp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/ics-reader/like-libical", test_like_libical);
  g_test_add_func ("/steady/ics-reader/long-line", test_long_line);

  return g_test_run ();
}
