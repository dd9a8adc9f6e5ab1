/* test-i18n.c: Steady in Spanish leaves no English on its pages
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "steady-test-app.h"

/* What a Spanish page may show: the translations, with their %s and %A
 * holes open to anything. The page's own data (numbers, dates, names
 * the person typed) fills those holes; a fresh store has none besides. */
static GPtrArray *patterns;

static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  if (start == NULL || end == NULL || end <= start)
    return g_strdup ("");
  inner = g_strndup (start + 1, end - start - 1);

  return g_strcompress (inner);
}

static char *
strip (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  /* No mnemonics, no markup, no doubled spaces: what a label shows. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag && *p != '_')
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_pattern (const char *msgstr)
{
  g_autofree char *plain = strip (msgstr);
  g_autofree char *escaped = NULL;
  g_autofree char *open = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GRegex) directive = NULL;
  g_autoptr(GError) error = NULL;
  GRegex *pattern;

  if (plain[0] == '\0')
    return;

  escaped = g_regex_escape_string (plain, -1);
  /* printf's %s, %u, %1$s, %'d, %.1f and strftime's %A, %-d, %OB; the
   * escaping turned nothing of these into something else. */
  directive = g_regex_new ("%(?:[0-9]+\\\\\\$)?[-+ #0'O]*[0-9]*(?:\\\\\\.[0-9]+)?(?:ll|l|h|z|j|t|L)?[a-zA-Z%]",
                           0, 0, &error);
  g_assert_no_error (error);
  open = g_regex_replace_literal (directive, escaped, -1, 0, ".*", 0, &error);
  g_assert_no_error (error);
  full = g_strdup_printf ("^(?:%s)$", open);
  pattern = g_regex_new (full, G_REGEX_DOTALL, 0, NULL);
  if (pattern != NULL)
    g_ptr_array_add (patterns, pattern);
}

static void
load_patterns (const char *po_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) current = NULL;
  gboolean in_msgstr = FALSE;

  patterns = g_ptr_array_new_with_free_func ((GDestroyNotify)g_regex_unref);
  g_assert_true (g_file_get_contents (po_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgstr"))
        {
          g_autofree char *part = unquote (line);

          if (current != NULL && current->len > 0)
            add_pattern (current->str);
          if (current != NULL)
            g_string_free (g_steal_pointer (&current), TRUE);
          current = g_string_new (part);
          in_msgstr = TRUE;
        }
      else if (in_msgstr && line[0] == '"')
        {
          g_autofree char *part = unquote (line);

          g_string_append (current, part);
        }
      else
        {
          if (in_msgstr && current != NULL && current->len > 0)
            add_pattern (current->str);
          if (current != NULL)
            g_string_free (g_steal_pointer (&current), TRUE);
          in_msgstr = FALSE;
        }
    }
  if (current != NULL && current->len > 0)
    add_pattern (current->str);
  if (current != NULL)
    g_string_free (g_steal_pointer (&current), TRUE);

  g_assert_cmpuint (patterns->len, >, 1000);
}

/* Day and month names come from the locale, not from Steady: where no
 * Spanish locale is installed (C.UTF-8) they stay English, and are not
 * Steady's to translate. */
static GHashTable *locale_names;

static void
load_locale_names (void)
{
  static const char *formats[] = { "%a", "%A", "%b", "%B" };

  locale_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (setlocale (LC_TIME, NULL) != NULL && g_str_has_prefix (setlocale (LC_TIME, NULL), "es"))
    return;

  for (int day = 0; day < 7; day++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 1 + (f >= 2 ? day : 0), 5 + (f < 2 ? day : 0), 12, 0, 0);

        g_hash_table_add (locale_names, g_date_time_format (time, formats[f]));
      }
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (2026, month, 1, 12, 0, 0);

      g_hash_table_add (locale_names, g_date_time_format (time, "%B"));
      g_hash_table_add (locale_names, g_date_time_format (time, "%b"));
    }
}

static gboolean
translated (const char *text)
{
  g_autofree char *plain = strip (text);
  gboolean has_letter = FALSE;

  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    has_letter = has_letter || g_unichar_isalpha (g_utf8_get_char (p));
  if (!has_letter || g_hash_table_contains (locale_names, plain))
    return TRUE;

  for (guint i = 0; i < patterns->len; i++)
    {
      if (g_regex_match (g_ptr_array_index (patterns, i), plain, 0, NULL))
        return TRUE;
    }

  return FALSE;
}

/* A label's parts: lines, and the " · " a page puts between phrases. */
static void
check_text (const char *text,
            const char *where,
            GPtrArray  *english)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || text[0] == '\0' || translated (text))
    return;

  lines = g_regex_split_simple ("\\n| · ", text, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!translated (lines[i]))
        g_ptr_array_add (english, g_strdup_printf ("%s: “%s”", where, lines[i]));
    }
}

static void
check_widget (GtkWidget  *widget,
              const char *where,
              GPtrArray  *english)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_text (gtk_label_get_text (GTK_LABEL (widget)), where, english);
  else if (GTK_IS_EDITABLE (widget) && GTK_IS_ENTRY (widget))
    check_text (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), where, english);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child, where, english);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *places[] = { "today", "calendar", "journal", "lessons" };
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);

  /* The app really is in Spanish. */
  g_assert_cmpstr (_("Today"), ==, "Hoy");

  fixture->want_welcome = TRUE;
  start_app (fixture);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (!STEADY_IS_WINDOW (l->data))
        check_widget (l->data, "welcome", english);
    }

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", places[i]);
      drain ();
      check_widget (GTK_WIDGET (fixture->window), places[i], english);
    }

  for (guint i = 0; i < english->len; i++)
    g_printerr ("Not translated: %s\n", (char *)g_ptr_array_index (english, i));
  g_assert_cmpuint (english->len, ==, 0);
}

/* The catalogue from the build tree, where a test can reach it. */
static void
bind_build_catalogue (void)
{
  g_autofree char *mo = g_test_build_filename (G_TEST_BUILT, "..", "po", "es", "LC_MESSAGES",
                                               GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *dir = g_dir_make_tmp ("steady-test-locale-XXXXXX", NULL);
  g_autofree char *target_dir = g_build_filename (dir, "es", "LC_MESSAGES", NULL);
  g_autofree char *target = g_build_filename (target_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (target_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po = NULL;

  /* Spanish, as a person whose desktop is in Spanish runs it: in
   * es_US.UTF-8 where that locale is installed, else in C.UTF-8 (on every
   * Debian), where LANGUAGE still picks the catalogue. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LANG", setlocale (LC_ALL, "es_US.UTF-8") != NULL ? "es_US.UTF-8" : "C.UTF-8", TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");

  test_app_init (&argc, &argv);
  bind_build_catalogue ();
  load_locale_names ();
  po = g_test_build_filename (G_TEST_DIST, "..", "po", "es.po", NULL);
  load_patterns (po);

  ADD_APP_TEST ("/steady/i18n/spanish-pages", test_pages);

  return g_test_run ();
}
