/* steady-csv.c: comma-separated values as RFC 4180 writes them
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-csv.h"
#include "steady-store.h"

/* RFC 4180: records end in CRLF; a field that holds a comma, a double
 * quote, a CR or an LF is enclosed in double quotes, and a double quote
 * inside it is written twice. Everything else is written as it is, so
 * that any UTF-8 text (emoji, right-to-left scripts) survives unchanged.
 *
 * The parser is the writer's mirror, for the tests and for anyone who
 * wants to read an export back. It is strict about quotes and lenient
 * about line ends (CRLF, LF or a lone CR end a record). */

static gboolean
needs_quotes (const char *field)
{
  return strpbrk (field, ",\"\r\n") != NULL;
}

static void
set_parse_error (GError     **error,
                 guint        line,
                 const char  *message)
{
  g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
               /* Translators: %u is a line number, %s says what is wrong there */
               _("Line %u of the CSV file cannot be read: %s"), line, message);
}

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_ptr_array_add (row, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

static GStrv
end_row (GPtrArray *row)
{
  g_ptr_array_add (row, NULL);

  return (GStrv)g_ptr_array_steal (row, NULL);
}

/**
 * steady_csv_append_field:
 * @out: where the field goes
 * @field: (nullable): the field's text, valid UTF-8; %NULL is written
 *   as an empty field
 *
 * Appends one field, in quotes when RFC 4180 asks for them. The comma
 * between fields is the caller's: see steady_csv_append_row().
 */
void
steady_csv_append_field (GString    *out,
                         const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * steady_csv_append_row:
 * @out: where the record goes
 * @fields: (array length=n_fields) (nullable): the fields; %NULL
 *   elements are empty fields
 * @n_fields: how many fields
 *
 * Appends one record, ended by CRLF.
 */
void
steady_csv_append_row (GString             *out,
                       const char * const  *fields,
                       gsize                n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      steady_csv_append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}

/**
 * steady_csv_parse:
 * @text: the file's text, UTF-8
 * @length: its length in bytes, or -1 when nul-terminated
 * @error: a location for an error
 *
 * Reads records as steady_csv_append_row() writes them. A final line
 * end is optional; an empty text has no records.
 *
 * Returns: (transfer full) (element-type GStrv): the records, each a
 *   %NULL-terminated array of fields, or %NULL with @error set
 */
GPtrArray *
steady_csv_parse (const char  *text,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p, *end;
  guint line = 1;
  /* Where the next byte can go: a field's start, inside an unquoted
   * field, inside quotes, or just after a closing quote. */
  enum { START, PLAIN, QUOTED, AFTER_QUOTE } state = START;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The CSV file is not valid text (UTF-8)."));
      return NULL;
    }

  end = text + length;
  for (p = text; p < end; p++)
    {
      char c = *p;

      if (state == QUOTED)
        {
          if (c == '"')
            state = AFTER_QUOTE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (state == AFTER_QUOTE && c == '"')
        {
          /* A doubled quote inside a quoted field */
          g_string_append_c (field, '"');
          state = QUOTED;
          continue;
        }

      switch (c)
        {
        case ',':
          end_field (row, field);
          state = START;
          break;

        case '\r':
        case '\n':
          end_field (row, field);
          g_ptr_array_add (rows, end_row (row));
          state = START;
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          line++;
          break;

        case '"':
          if (state != START)
            {
              set_parse_error (error, line, _("a quote appears inside a field that does not start with one."));
              return NULL;
            }
          state = QUOTED;
          break;

        case '\0':
          set_parse_error (error, line, _("it contains a null byte."));
          return NULL;

        default:
          if (state == AFTER_QUOTE)
            {
              set_parse_error (error, line, _("text follows a closing quote."));
              return NULL;
            }
          g_string_append_c (field, c);
          state = PLAIN;
          break;
        }
    }

  if (state == QUOTED)
    {
      set_parse_error (error, line, _("a quoted field is never closed."));
      return NULL;
    }

  /* The last record, when the text does not end with a line end */
  if (row->len > 0 || field->len > 0 || state != START)
    {
      end_field (row, field);
      g_ptr_array_add (rows, end_row (row));
    }

  return g_steal_pointer (&rows);
}
