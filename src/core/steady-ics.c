/* steady-ics.c: iCalendar import: the file checked, parsed, previewed and imported
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-private.h"
#include "steady-ics.h"
#include "steady-ics-private.h"

/* VCALENDAR > VEVENT > VALARM is three deep; libical frees recursively. */
#define MAX_DEPTH       16

/* Checks the text before libical sees it: libical's memory grows with
 * the number of lines, not bytes, so both are bounded. */
static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  const char *end = data + length;
  const char *first = NULL, *last = NULL;
  gsize first_len = 0, last_len = 0;
  guint n_lines = 0, n_events = 0;
  int depth = 0, max_depth = 0;

  if (length == 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file is empty."));
      return FALSE;
    }

  if (length > STEADY_ICS_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (STEADY_ICS_MAX_BYTES);

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The file is too large to import (%s; at most %s)."), size, limit);
      return FALSE;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("This is not an iCalendar file: it holds binary data."));
      return FALSE;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file is not UTF-8 text, as iCalendar files must be."));
      return FALSE;
    }

  for (const char *p = data; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      gsize len = line_end - p;

      while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;

      if (len > 0 && p[0] != ' ' && p[0] != '\t')
        {
          n_lines++;
          if (first == NULL)
            {
              first = p;
              first_len = len;
            }
          last = p;
          last_len = len;

          if (len == 12 && g_ascii_strncasecmp (p, "BEGIN:VEVENT", 12) == 0)
            n_events++;

          if (len > 6 && g_ascii_strncasecmp (p, "BEGIN:", 6) == 0)
            {
              depth++;
              max_depth = MAX (max_depth, depth);
            }
          else if (len > 4 && g_ascii_strncasecmp (p, "END:", 4) == 0)
            depth--;
        }

      p = line_end + 1;
    }

  if (first == NULL || first_len != 15 || g_ascii_strncasecmp (first, "BEGIN:VCALENDAR", 15) != 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("This is not an iCalendar file: it does not start with BEGIN:VCALENDAR."));
      return FALSE;
    }

  if (last_len != 13 || g_ascii_strncasecmp (last, "END:VCALENDAR", 13) != 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file is incomplete: it does not end with END:VCALENDAR."));
      return FALSE;
    }

  if (max_depth > MAX_DEPTH)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file nests its parts too deeply to be a calendar."));
      return FALSE;
    }

  if (n_lines > STEADY_ICS_MAX_LINES)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The file has too many lines to import (more than %d)."), STEADY_ICS_MAX_LINES);
      return FALSE;
    }

  if (n_events > STEADY_ICS_MAX_EVENTS)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The file has %u events; Steady imports at most %d at once."),
                   n_events, STEADY_ICS_MAX_EVENTS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
mark_duplicates_txn (SteadyStore  *store,
                     sqlite3      *db,
                     gpointer      data,
                     GError      **error)
{
  SteadyIcsPreview *preview = data;

  for (guint i = 0; i < steady_ics_preview_get_n_items (preview); i++)
    {
      SteadyIcsItem *item = steady_ics_preview_get_item (preview, i);
      const char *orphan_of = item->orphan_of;
      gboolean exists = FALSE;

      if (item->status != STEADY_ICS_ITEM_NEW)
        continue;

      if (!steady_calendar_uid_exists (store, db, steady_session_series_get_uid (item->series), &exists, error))
        return FALSE;

      /* A change to a session of a series already imported. */
      if (!exists && orphan_of != NULL &&
          !steady_calendar_uid_exists (store, db, orphan_of, &exists, error))
        return FALSE;

      if (exists)
        item->status = STEADY_ICS_ITEM_DUPLICATE;
    }

  return TRUE;
}

/**
 * steady_ics_parse:
 * @store: a #SteadyStore
 * @data: (array length=length): the file's bytes
 * @length: how many
 * @error: a location for an error
 *
 * Reads an iCalendar file into a preview of what importing it would add;
 * stores nothing. Events whose UID is in the calendar already are marked
 * as duplicates. Anything wrong with the file (too large, not iCalendar,
 * cut short, an event without start, an unreadable rule, a time zone
 * neither known nor defined in the file…) gives a
 * %STEADY_STORE_ERROR_INVALID error that says which event and which
 * property. The work is bounded in time and memory whatever the input.
 *
 * Slow for large files: use steady_ics_parse_async() from the GUI.
 *
 * Returns: (transfer full) (nullable): the preview
 */
SteadyIcsPreview *
steady_ics_parse (SteadyStore  *store,
                  const char   *data,
                  gsize         length,
                  GError      **error)
{
  g_autoptr(SteadyIcsPreview) preview = NULL;
  icalcomponent *root;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* A UTF-8 byte order mark, as some Windows programs write. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!prescan (data, length, error))
    return NULL;

  root = steady_ics_reader_parse (data, length);
  icalerror_clear_errno ();

  if (root == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file could not be read as iCalendar data."));
      return NULL;
    }

  preview = steady_ics_parse_calendars (root, error);
  icalcomponent_free (root);

  if (preview == NULL ||
      !steady_calendar_read_locked (store, mark_duplicates_txn, preview, error))
    return NULL;

  return g_steal_pointer (&preview);
}

typedef struct
{
  SteadyIcsPreview *preview;
  guint             n_added;
} ImportArgs;

static gboolean
import_txn (SteadyStore  *store,
            sqlite3      *db,
            gpointer      data,
            GError      **error)
{
  ImportArgs *args = data;
  GHashTable *zones = steady_ics_preview_get_zones (args->preview);

  args->n_added = 0;

  for (guint i = 0; i < steady_ics_preview_get_n_items (args->preview); i++)
    {
      SteadyIcsItem *item = steady_ics_preview_get_item (args->preview, i);
      const char *tzid = steady_session_series_get_tzid (item->series);
      const char *vtimezone;
      gboolean exists = FALSE;
      gint64 id = 0;

      if (item->status != STEADY_ICS_ITEM_NEW)
        continue;

      /* Checked again: another import may have come in between. */
      if (!steady_calendar_uid_exists (store, db, steady_session_series_get_uid (item->series), &exists, error))
        return FALSE;
      if (exists)
        continue;

      vtimezone = g_hash_table_lookup (zones, tzid);
      if (vtimezone != NULL &&
          !steady_calendar_insert_timezone (store, db, tzid, vtimezone, error))
        return FALSE;

      if (!steady_calendar_insert_series (store, db, item->series, &id, error))
        return FALSE;

      for (guint j = 0; j < item->exceptions->len; j++)
        {
          if (!steady_calendar_insert_exception (store, db, id, g_ptr_array_index (item->exceptions, j), error))
            return FALSE;
        }

      args->n_added++;
    }

  return TRUE;
}

/**
 * steady_ics_import:
 * @store: a #SteadyStore
 * @preview: what steady_ics_parse() made of a file
 * @out_n_added: (out) (optional): how many series were added
 * @error: a location for an error
 *
 * Adds the new series of @preview, with their sessions' changes, in one
 * transaction: on any error nothing is added. Series whose UID is in the
 * calendar by now are skipped, so importing a file twice adds it once.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_ics_import (SteadyStore       *store,
                   SteadyIcsPreview  *preview,
                   guint             *out_n_added,
                   GError           **error)
{
  ImportArgs args = { preview, 0 };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (preview), FALSE);

  if (!steady_store_write (store, import_txn, &args, error))
    {
      g_prefix_error (error, "%s", _("Nothing was imported: "));
      return FALSE;
    }

  if (out_n_added != NULL)
    *out_n_added = args.n_added;

  if (args.n_added > 0)
    steady_store_emit_changed (store, "calendar");

  return TRUE;
}

/* Async */

static gboolean
parse_work (SteadyStore  *store,
            gpointer      data,
            gpointer     *result,
            GError      **error)
{
  GBytes *bytes = data;
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);

  *result = steady_ics_parse (store, text ? text : "", length, error);

  return *result != NULL;
}

/**
 * steady_ics_parse_async:
 * @store: a #SteadyStore
 * @data: the file's bytes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * Runs steady_ics_parse() on the store's worker.
 */
void
steady_ics_parse_async (SteadyStore         *store,
                        GBytes              *data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (data != NULL);

  steady_store_run_async (store, parse_work, g_bytes_ref (data), (GDestroyNotify)g_bytes_unref,
                          g_object_unref, cancellable, callback, user_data);
}

/**
 * steady_ics_parse_finish:
 *
 * Returns: (transfer full) (nullable): the preview
 */
SteadyIcsPreview *
steady_ics_parse_finish (SteadyStore   *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  return steady_store_run_finish (store, result, error);
}

static gboolean
import_work (SteadyStore  *store,
             gpointer      data,
             gpointer     *result,
             GError      **error)
{
  guint n_added = 0;

  if (!steady_ics_import (store, data, &n_added, error))
    return FALSE;

  *result = g_memdup2 (&n_added, sizeof n_added);

  return TRUE;
}

void
steady_ics_import_async (SteadyStore         *store,
                         SteadyIcsPreview    *preview,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_ICS_PREVIEW (preview));

  steady_store_run_async (store, import_work, g_object_ref (preview), g_object_unref,
                          g_free, cancellable, callback, user_data);
}

gboolean
steady_ics_import_finish (SteadyStore   *store,
                          GAsyncResult  *result,
                          guint         *out_n_added,
                          GError       **error)
{
  g_autofree guint *n_added = steady_store_run_finish (store, result, error);

  if (n_added == NULL)
    return FALSE;

  if (out_n_added != NULL)
    *out_n_added = *n_added;

  return TRUE;
}
