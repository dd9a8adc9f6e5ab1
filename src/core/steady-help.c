/* steady-help.c: the person's safety plan, support contacts and crisis lines
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-help"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "steady-help.h"
#include "steady-store-private.h"

#define SHOW_BUILTIN_KEY "help.show-builtin-lines"

/* Long enough for any real entry, short enough that a paste of a whole
 * document is refused with a message instead of filling the plan. */
#define MAX_TEXT_BYTES (64 * 1024)

static const struct {
  const char *id;
  const char *title;
  const char *hint;
} sections[STEADY_SAFETY_N_SECTIONS] = {
  { "warning-signs", N_("My Warning Signs"),
    N_("Thoughts, feelings, moods or situations that tell me a crisis may be coming") },
  { "coping", N_("Things I Can Do on My Own"),
    N_("Ways to take my mind off things without contacting anyone") },
  { "distractions", N_("People and Places That Help Me Feel Better"),
    N_("Company and settings that distract me or lift my mood") },
  { "people", N_("People I Can Ask for Help"),
    N_("Friends or family I can tell that I am struggling") },
  { "professionals", N_("Professionals I Can Contact"),
    N_("My counselor, doctor, program or local crisis service") },
  { "environment", N_("Making My Surroundings Safer"),
    N_("What I can put away, give to someone, or keep out of reach") },
  { "reasons", N_("My Reasons for Living"),
    N_("The people, things and hopes that matter most to me") },
};

const char *
steady_safety_section_get_id (SteadySafetySection section)
{
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  return sections[section].id;
}

const char *
steady_safety_section_get_title (SteadySafetySection section)
{
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  return _(sections[section].title);
}

const char *
steady_safety_section_get_hint (SteadySafetySection section)
{
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  return _(sections[section].hint);
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The text is not valid, so it was not saved."));
      return FALSE;
    }

  if (strlen (text) > MAX_TEXT_BYTES)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The text is too long to save here. Try a shorter version."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, what, error);

  return TRUE;
}

/* Safety plan */

/**
 * steady_safety_plan_get_section:
 *
 * Returns: (transfer full): the items of @section, in the person's order
 */
GStrv
steady_safety_plan_get_section (SteadyStore         *store,
                                SteadySafetySection  section)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT text FROM safety_plan_items WHERE section = ?1 ORDER BY position, id",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sections[section].id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (builder);
}

typedef struct
{
  SteadySafetySection  section;
  const char * const  *items;
} SectionWrite;

static gboolean
set_section_txn (SteadyStore  *store,
                 sqlite3      *db,
                 gpointer      data,
                 GError      **error)
{
  SectionWrite *write = data;
  sqlite3_stmt *stmt;
  guint position = 0;

  stmt = steady_store_prepare (store, db, "DELETE FROM safety_plan_items WHERE section = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sections[write->section].id, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, "clear section", error))
    return FALSE;

  for (guint i = 0; write->items != NULL && write->items[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (write->items[i]));

      /* Blank lines between items are layout, not items. */
      if (*text == '\0')
        continue;

      stmt = steady_store_prepare (store, db,
                                   "INSERT INTO safety_plan_items (section, position, text) VALUES (?1, ?2, ?3)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sections[write->section].id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, position++);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmt, "add item", error))
        return FALSE;
    }

  return TRUE;
}

/**
 * steady_safety_plan_set_section:
 * @store: a #SteadyStore
 * @section: which section
 * @items: (nullable) (array zero-terminated=1): the items, in order; blank
 *   ones are dropped
 * @error: a location for an error
 *
 * Replaces the whole section in one transaction.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_safety_plan_set_section (SteadyStore          *store,
                                SteadySafetySection   section,
                                const char * const   *items,
                                GError              **error)
{
  SectionWrite write = { section, items };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, FALSE);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (!check_text (items[i], error))
        return FALSE;
    }

  if (!steady_store_write (store, set_section_txn, &write, error))
    return FALSE;

  steady_store_emit_changed (store, "help");

  return TRUE;
}

gboolean
steady_safety_plan_is_empty (SteadyStore *store)
{
  sqlite3_stmt *stmt;
  gboolean empty = TRUE;

  g_return_val_if_fail (STEADY_IS_STORE (store), TRUE);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT EXISTS (SELECT 1 FROM safety_plan_items)", NULL);
  if (stmt != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        empty = sqlite3_column_int (stmt, 0) == 0;
      sqlite3_reset (stmt);
    }

  return empty;
}

/* Contacts */

/**
 * steady_contacts_list:
 *
 * Returns: (transfer full) (element-type SteadyContact): every contact,
 *   by name
 */
GPtrArray *
steady_contacts_list (SteadyStore *store)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STEADY_IS_STORE (store), contacts);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT id, name, role, phone, notes FROM contacts ORDER BY name COLLATE NOCASE, id",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      SteadyContact *contact = steady_contact_new ();

      steady_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
      steady_contact_set_name (contact, (const char *)sqlite3_column_text (stmt, 1));
      steady_contact_set_role (contact, (const char *)sqlite3_column_text (stmt, 2));
      steady_contact_set_phone (contact, (const char *)sqlite3_column_text (stmt, 3));
      steady_contact_set_notes (contact, (const char *)sqlite3_column_text (stmt, 4));
      g_ptr_array_add (contacts, contact);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return contacts;
}

static gboolean
save_contact_txn (SteadyStore  *store,
                  sqlite3      *db,
                  gpointer      data,
                  GError      **error)
{
  SteadyContact *contact = data;
  gint64 id = steady_contact_get_id (contact);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = steady_store_prepare (store, db,
                                 "INSERT INTO contacts (name, role, phone, notes) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = steady_store_prepare (store, db,
                                 "UPDATE contacts SET name = ?1, role = ?2, phone = ?3, notes = ?4 WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, steady_contact_get_name (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, steady_contact_get_role (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, steady_contact_get_phone (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, steady_contact_get_notes (contact), -1, SQLITE_STATIC);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 5, id);

  if (!step_done (db, stmt, "save contact", error))
    return FALSE;

  if (id != 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                           _("This contact no longer exists."));
      return FALSE;
    }

  if (id == 0)
    steady_contact_set_id (contact, sqlite3_last_insert_rowid (db));

  return TRUE;
}

/**
 * steady_contacts_save:
 * @store: a #SteadyStore
 * @contact: a new contact (id 0, given its id here) or an existing one
 * @error: a location for an error
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_contacts_save (SteadyStore    *store,
                      SteadyContact  *contact,
                      GError        **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_CONTACT (contact), FALSE);

  name = g_strstrip (g_strdup (steady_contact_get_name (contact)));
  if (*name == '\0')
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("A contact needs a name."));
      return FALSE;
    }

  if (!check_text (steady_contact_get_name (contact), error) ||
      !check_text (steady_contact_get_role (contact), error) ||
      !check_text (steady_contact_get_phone (contact), error) ||
      !check_text (steady_contact_get_notes (contact), error))
    return FALSE;

  if (!steady_store_write (store, save_contact_txn, contact, error))
    return FALSE;

  steady_store_emit_changed (store, "help");

  return TRUE;
}

typedef struct
{
  const char *sql;
  gint64      id;
} DeleteRow;

static gboolean
delete_row_txn (SteadyStore  *store,
                sqlite3      *db,
                gpointer      data,
                GError      **error)
{
  DeleteRow *row = data;
  sqlite3_stmt *stmt = steady_store_prepare (store, db, row->sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);

  return step_done (db, stmt, "delete", error);
}

gboolean
steady_contacts_delete (SteadyStore  *store,
                        gint64        id,
                        GError      **error)
{
  DeleteRow row = { "DELETE FROM contacts WHERE id = ?1", id };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  if (!steady_store_write (store, delete_row_txn, &row, error))
    return FALSE;

  steady_store_emit_changed (store, "help");

  return TRUE;
}

/* Crisis lines */

/**
 * steady_locale_territory:
 *
 * Returns: (transfer full) (nullable): the country part of the person's
 *   language setting ("US" for en_US.UTF-8), or %NULL when it has none
 */
char *
steady_locale_territory (void)
{
  return steady_locale_parse_territory (setlocale (LC_MESSAGES, NULL));
}

/**
 * steady_locale_parse_territory:
 * @locale: (nullable): a locale name such as "es_US.UTF-8@euro"
 *
 * Returns: (transfer full) (nullable): its country part, or %NULL
 */
char *
steady_locale_parse_territory (const char *locale)
{
  const char *underscore;
  gsize len;

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return NULL;

  underscore++;
  len = strcspn (underscore, ".@");
  if (len == 0)
    return NULL;

  return g_strndup (underscore, len);
}

static SteadyCrisisLine *
builtin_line (const char *name,
              const char *number,
              const char *description)
{
  SteadyCrisisLine *line = steady_crisis_line_new ();

  steady_crisis_line_set_name (line, name);
  steady_crisis_line_set_number (line, number);
  steady_crisis_line_set_description (line, description);
  steady_crisis_line_set_builtin (line, TRUE);

  return line;
}

static SteadyCrisisLine *
local_emergency_line (void)
{
  return builtin_line (_("In immediate danger"), "", _("Call your local emergency number"));
}

/**
 * steady_crisis_lines_builtin:
 * @territory: (nullable): a country code such as "US"
 *
 * The lines Steady knows. They are checked for the United States (and
 * offered where no country is set); elsewhere Steady only knows to say
 * "call your local emergency number", and the person adds their own.
 *
 * Returns: (transfer full) (element-type SteadyCrisisLine): the lines
 */
GPtrArray *
steady_crisis_lines_builtin (const char *territory)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean us = territory == NULL || g_str_equal (territory, "US") || g_str_equal (territory, "PR");

  if (us)
    {
      g_ptr_array_add (lines, builtin_line (_("In immediate danger"), "911",
                                            _("Call 911, or your local emergency number")));
      g_ptr_array_add (lines, builtin_line (_("988 Suicide & Crisis Lifeline"), "988",
                                            _("Call or text, 24 hours a day, in English and Spanish")));
      g_ptr_array_add (lines, builtin_line (_("Crisis Text Line"), "741741",
                                            _("Text HOME to 741741")));
      g_ptr_array_add (lines, builtin_line (_("SAMHSA National Helpline"), "1-800-662-4357",
                                            _("Substance use and mental health; free, private, 24/7")));
    }
  else
    {
      g_ptr_array_add (lines, local_emergency_line ());
    }

  return lines;
}

/**
 * steady_crisis_lines_list:
 * @store: (nullable): a #SteadyStore, or %NULL when the data cannot be
 *   opened (the built-in lines are still shown)
 * @territory: (nullable): the country whose built-in lines to show
 *
 * Returns: (transfer full) (element-type SteadyCrisisLine): the built-in
 *   lines (unless the person hid them), then the person's own
 */
GPtrArray *
steady_crisis_lines_list (SteadyStore *store,
                          const char  *territory)
{
  GPtrArray *lines;
  sqlite3_stmt *stmt;

  if (store == NULL || steady_crisis_lines_get_show_builtin (store))
    {
      lines = steady_crisis_lines_builtin (territory);
    }
  else
    {
      /* Never an empty list: the emergency number always stands. */
      lines = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (lines, local_emergency_line ());
    }

  if (store == NULL)
    return lines;

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT id, name, number, description FROM crisis_lines ORDER BY id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      SteadyCrisisLine *line = steady_crisis_line_new ();

      steady_crisis_line_set_id (line, sqlite3_column_int64 (stmt, 0));
      steady_crisis_line_set_name (line, (const char *)sqlite3_column_text (stmt, 1));
      steady_crisis_line_set_number (line, (const char *)sqlite3_column_text (stmt, 2));
      steady_crisis_line_set_description (line, (const char *)sqlite3_column_text (stmt, 3));
      g_ptr_array_add (lines, line);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return lines;
}

static gboolean
save_line_txn (SteadyStore  *store,
               sqlite3      *db,
               gpointer      data,
               GError      **error)
{
  SteadyCrisisLine *line = data;
  gint64 id = steady_crisis_line_get_id (line);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = steady_store_prepare (store, db,
                                 "INSERT INTO crisis_lines (name, number, description) VALUES (?1, ?2, ?3)",
                                 error);
  else
    stmt = steady_store_prepare (store, db,
                                 "UPDATE crisis_lines SET name = ?1, number = ?2, description = ?3 WHERE id = ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, steady_crisis_line_get_name (line), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, steady_crisis_line_get_number (line), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, steady_crisis_line_get_description (line), -1, SQLITE_STATIC);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);

  if (!step_done (db, stmt, "save crisis line", error))
    return FALSE;

  if (id == 0)
    steady_crisis_line_set_id (line, sqlite3_last_insert_rowid (db));

  return TRUE;
}

gboolean
steady_crisis_lines_save (SteadyStore       *store,
                          SteadyCrisisLine  *line,
                          GError           **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_CRISIS_LINE (line), FALSE);
  g_return_val_if_fail (!steady_crisis_line_get_builtin (line), FALSE);

  name = g_strstrip (g_strdup (steady_crisis_line_get_name (line)));
  if (*name == '\0')
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("A crisis line needs a name."));
      return FALSE;
    }

  if (!check_text (steady_crisis_line_get_name (line), error) ||
      !check_text (steady_crisis_line_get_number (line), error) ||
      !check_text (steady_crisis_line_get_description (line), error))
    return FALSE;

  if (!steady_store_write (store, save_line_txn, line, error))
    return FALSE;

  steady_store_emit_changed (store, "help");

  return TRUE;
}

gboolean
steady_crisis_lines_delete (SteadyStore  *store,
                            gint64        id,
                            GError      **error)
{
  DeleteRow row = { "DELETE FROM crisis_lines WHERE id = ?1", id };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  if (!steady_store_write (store, delete_row_txn, &row, error))
    return FALSE;

  steady_store_emit_changed (store, "help");

  return TRUE;
}

gboolean
steady_crisis_lines_get_show_builtin (SteadyStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), TRUE);

  value = steady_store_get_state (store, SHOW_BUILTIN_KEY);

  return g_strcmp0 (value, "no") != 0;
}

/**
 * steady_crisis_lines_set_show_builtin:
 *
 * Hides the built-in lines for someone whose own lines serve them
 * better; their own lines and "call your local emergency number" stay.
 */
gboolean
steady_crisis_lines_set_show_builtin (SteadyStore  *store,
                                      gboolean      show,
                                      GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  if (!steady_store_set_state (store, SHOW_BUILTIN_KEY, show ? NULL : "no", error))
    return FALSE;

  steady_store_emit_changed (store, "help");

  return TRUE;
}
