/* steady-ics-reader.c: iCalendar text into libical components
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <string.h>

#include "steady-calendar-private.h"

/* libical's icalparser_parse_string() hands its parser 80 bytes at a
 * time and looks for the end of the line again for each 80: time in the
 * square of a line's length, a minute and more for one line of a few
 * megabytes. This reader finds each line's end once and otherwise does
 * what libical's does: a line ends at LF or, once no LF is left, at a
 * lone CR, which is passed on as an LF. */
typedef struct
{
  const char *pos;
  const char *end;
  /* The last byte of the line at pos, once found */
  const char *stop;
  gboolean    stop_is_cr;
  gboolean    no_lf_left;
} Reader;

static char *
read_chunk (char   *out,
            size_t  size,
            void   *data)
{
  Reader *reader = data;
  gsize n;

  if (reader->pos >= reader->end || size < 2)
    return NULL;

  if (reader->stop == NULL || reader->pos > reader->stop)
    {
      gsize left = reader->end - reader->pos;
      const char *lf = reader->no_lf_left ? NULL : memchr (reader->pos, '\n', left);
      const char *cr = lf == NULL ? memchr (reader->pos, '\r', left) : NULL;

      reader->no_lf_left = lf == NULL;
      reader->stop_is_cr = cr != NULL;
      reader->stop = lf != NULL ? lf : cr != NULL ? cr : reader->end - 1;
    }

  n = MIN ((gsize)(reader->stop - reader->pos) + 1, size - 1);
  memcpy (out, reader->pos, n);
  out[n] = '\0';

  if (reader->stop_is_cr && reader->pos + n - 1 == reader->stop)
    out[n - 1] = '\n';

  reader->pos += n;

  return out;
}

/**
 * steady_ics_reader_parse:
 * @text: (array length=length): iCalendar text, without NUL bytes
 * @length: its length in bytes
 *
 * icalparser_parse_string() in time linear in @length.
 *
 * Returns: (transfer full) (nullable): the component libical made of
 *   @text; free with icalcomponent_free()
 */
icalcomponent *
steady_ics_reader_parse (const char *text,
                         gsize       length)
{
  Reader reader = { text, text + length, NULL, FALSE, FALSE };
  icalerrorstate state = icalerror_get_error_state (ICAL_MALFORMEDDATA_ERROR);
  icalparser *parser;
  icalcomponent *root;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  parser = icalparser_new ();
  icalparser_set_gen_data (parser, &reader);

  icalerror_set_error_state (ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
  root = icalparser_parse (parser, read_chunk);
  icalerror_set_error_state (ICAL_MALFORMEDDATA_ERROR, state);

  icalparser_free (parser);

  return root;
}
