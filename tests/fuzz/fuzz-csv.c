/* fuzz-csv.c: libFuzzer target for the CSV writer and reader
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steady-csv.h"

/* The exports write CSV with steady_csv_append_row(); steady_csv_parse()
 * is its mirror, for the tests and for anyone who reads an export back.
 * Two properties: any text the reader accepts is written back as the
 * same records, and any records written are read back as they were. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static GString *
write_rows (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *fields = g_ptr_array_index (rows, i);

      steady_csv_append_row (out, fields, g_strv_length ((GStrv)fields));
    }

  return out;
}

static void
assert_same_rows (GPtrArray *expected,
                  GPtrArray *got)
{
  g_assert_cmpuint (got->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_strv_equal (g_ptr_array_index (got, i), g_ptr_array_index (expected, i)));
}

/* Whatever the reader accepts, the writer gives back as the same records. */
static void
read_write_read (const char *text,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = steady_csv_parse (text, length, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GString) written = NULL;

  if (rows == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);

  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), >, 0);

  written = write_rows (rows);
  again = steady_csv_parse (written->str, written->len, &error);
  g_assert_no_error (error);
  assert_same_rows (rows, again);
}

/* Records made of the input (NUL ends a field, \x01 a record; the
 * fields made valid UTF-8) are read back as they were written. */
static void
write_read (const char *data,
            gsize       size)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GString) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *start = data;

  for (const char *p = data; size > 0 && p <= data + size; p++)
    {
      if (p < data + size && *p != '\0' && *p != '\x01')
        continue;

      g_ptr_array_add (row, g_utf8_make_valid (start, p - start));
      start = p + 1;

      if (p == data + size || *p == '\x01')
        {
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }

  written = write_rows (rows);
  g_assert_true (g_utf8_validate (written->str, written->len, NULL));
  again = steady_csv_parse (written->str, written->len, &error);
  g_assert_no_error (error);
  assert_same_rows (rows, again);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  read_write_read ((const char *)data, size);
  write_read ((const char *)data, size);

  return 0;
}
