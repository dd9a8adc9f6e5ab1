/* test-help.c: safety plan, support contacts, crisis lines
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steady-help.h"
#include "steady-store-private.h"

static SteadyStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_store_default_path ();
  SteadyStore *store = steady_store_open (path, &error);

  g_assert_no_error (error);

  return store;
}

static void
close_store (SteadyStore *store)
{
  steady_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);
}

static void
test_safety_plan (void)
{
  g_autoptr(GError) error = NULL;
  const char *signs[] = { "  Not sleeping ", "", "Skipping group", "Saying “what’s the point” 😔", NULL };
  const char *reasons[] = { "My daughter", NULL };
  g_auto(GStrv) got = NULL;
  SteadyStore *store = open_store ();

  g_assert_true (steady_safety_plan_is_empty (store));
  got = steady_safety_plan_get_section (store, STEADY_SAFETY_WARNING_SIGNS);
  g_assert_cmpuint (g_strv_length (got), ==, 0);
  g_clear_pointer (&got, g_strfreev);

  g_assert_true (steady_safety_plan_set_section (store, STEADY_SAFETY_WARNING_SIGNS, signs, &error));
  g_assert_no_error (error);
  g_assert_true (steady_safety_plan_set_section (store, STEADY_SAFETY_REASONS, reasons, &error));
  g_assert_false (steady_safety_plan_is_empty (store));

  /* Order kept, blank items dropped, ends trimmed. */
  got = steady_safety_plan_get_section (store, STEADY_SAFETY_WARNING_SIGNS);
  g_assert_cmpuint (g_strv_length (got), ==, 3);
  g_assert_cmpstr (got[0], ==, "Not sleeping");
  g_assert_cmpstr (got[1], ==, "Skipping group");
  g_assert_cmpstr (got[2], ==, "Saying “what’s the point” 😔");
  g_clear_pointer (&got, g_strfreev);

  /* Replacing a section leaves the others alone. */
  g_assert_true (steady_safety_plan_set_section (store, STEADY_SAFETY_WARNING_SIGNS, NULL, &error));
  got = steady_safety_plan_get_section (store, STEADY_SAFETY_WARNING_SIGNS);
  g_assert_cmpuint (g_strv_length (got), ==, 0);
  g_clear_pointer (&got, g_strfreev);
  got = steady_safety_plan_get_section (store, STEADY_SAFETY_REASONS);
  g_assert_cmpstrv (got, reasons);
  g_clear_pointer (&got, g_strfreev);

  /* Invalid text is refused and nothing changes. */
  {
    const char *bad[] = { "fine", "\xff\xfe", NULL };

    g_assert_false (steady_safety_plan_set_section (store, STEADY_SAFETY_REASONS, bad, &error));
    g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
    g_clear_error (&error);
    got = steady_safety_plan_get_section (store, STEADY_SAFETY_REASONS);
    g_assert_cmpstrv (got, reasons);
  }

  for (guint i = 0; i < STEADY_SAFETY_N_SECTIONS; i++)
    {
      g_assert_nonnull (steady_safety_section_get_title (i));
      g_assert_nonnull (steady_safety_section_get_hint (i));
    }

  close_store (store);
}

static void
test_contacts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyContact) sponsor = steady_contact_new ();
  g_autoptr(SteadyContact) counselor = steady_contact_new ();
  g_autoptr(SteadyContact) nameless = steady_contact_new ();
  g_autoptr(GPtrArray) list = NULL;
  SteadyStore *store = open_store ();

  steady_contact_set_name (sponsor, "Sam");
  steady_contact_set_role (sponsor, "Sponsor");
  steady_contact_set_phone (sponsor, "+1 555 0100");
  steady_contact_set_name (counselor, "Ana García");
  steady_contact_set_role (counselor, "Counselor");
  steady_contact_set_phone (counselor, "(555) 010-2000");

  g_assert_true (steady_contacts_save (store, sponsor, &error));
  g_assert_true (steady_contacts_save (store, counselor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steady_contact_get_id (sponsor), >, 0);
  g_assert_cmpint (steady_contact_get_id (counselor), !=, steady_contact_get_id (sponsor));

  steady_contact_set_name (nameless, "   ");
  g_assert_false (steady_contacts_save (store, nameless, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = steady_contacts_list (store);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (steady_contact_get_name (g_ptr_array_index (list, 0)), ==, "Ana García");
  g_assert_cmpstr (steady_contact_get_phone (g_ptr_array_index (list, 0)), ==, "(555) 010-2000");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Update keeps the id. */
  steady_contact_set_phone (sponsor, "+1 555 0199");
  g_assert_true (steady_contacts_save (store, sponsor, &error));
  list = steady_contacts_list (store);
  g_assert_cmpint (steady_contact_get_id (g_ptr_array_index (list, 1)), ==, steady_contact_get_id (sponsor));
  g_assert_cmpstr (steady_contact_get_phone (g_ptr_array_index (list, 1)), ==, "+1 555 0199");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (steady_contacts_delete (store, steady_contact_get_id (counselor), &error));
  list = steady_contacts_list (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (steady_contact_get_name (g_ptr_array_index (list, 0)), ==, "Sam");

  /* Saving a contact that was deleted elsewhere says so. */
  g_assert_false (steady_contacts_save (store, counselor, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND);

  close_store (store);
}

static gboolean
has_number (GPtrArray  *lines,
            const char *number)
{
  for (guint i = 0; i < lines->len; i++)
    {
      if (g_str_equal (steady_crisis_line_get_number (g_ptr_array_index (lines, i)), number))
        return TRUE;
    }

  return FALSE;
}

static void
test_crisis_lines_per_locale (void)
{
  g_autoptr(GPtrArray) us = steady_crisis_lines_builtin ("US");
  g_autoptr(GPtrArray) unknown = steady_crisis_lines_builtin (NULL);
  g_autoptr(GPtrArray) uk = steady_crisis_lines_builtin ("GB");

  g_assert_true (has_number (us, "988"));
  g_assert_true (has_number (us, "911"));
  g_assert_true (has_number (us, "1-800-662-4357"));
  g_assert_true (has_number (unknown, "988"));

  /* Outside the US, no US number is offered as if it worked there. */
  g_assert_false (has_number (uk, "988"));
  g_assert_false (has_number (uk, "911"));
  g_assert_cmpuint (uk->len, ==, 1);
  g_assert_nonnull (strstr (steady_crisis_line_get_description (g_ptr_array_index (uk, 0)), "local emergency"));

  for (guint i = 0; i < us->len; i++)
    g_assert_true (steady_crisis_line_get_builtin (g_ptr_array_index (us, i)));
}

static void
test_crisis_lines_own (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyCrisisLine) samaritans = steady_crisis_line_new ();
  g_autoptr(GPtrArray) lines = NULL;
  SteadyStore *store = open_store ();

  steady_crisis_line_set_name (samaritans, "Samaritans");
  steady_crisis_line_set_number (samaritans, "116 123");
  steady_crisis_line_set_description (samaritans, "Any time, free");
  g_assert_true (steady_crisis_lines_save (store, samaritans, &error));
  g_assert_no_error (error);

  lines = steady_crisis_lines_list (store, "GB");
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_true (has_number (lines, "116 123"));
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* Hiding the built-in lines keeps the person's own and the emergency line. */
  lines = steady_crisis_lines_list (store, "US");
  g_assert_true (has_number (lines, "988"));
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_assert_true (steady_crisis_lines_set_show_builtin (store, FALSE, &error));
  g_assert_false (steady_crisis_lines_get_show_builtin (store));
  lines = steady_crisis_lines_list (store, "US");
  g_assert_false (has_number (lines, "988"));
  g_assert_true (has_number (lines, "116 123"));
  g_assert_cmpuint (lines->len, ==, 2);
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* Editable and removable. */
  steady_crisis_line_set_number (samaritans, "116123");
  g_assert_true (steady_crisis_lines_save (store, samaritans, &error));
  lines = steady_crisis_lines_list (store, "GB");
  g_assert_true (has_number (lines, "116123"));
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_assert_true (steady_crisis_lines_delete (store, steady_crisis_line_get_id (samaritans), &error));
  lines = steady_crisis_lines_list (store, "GB");
  g_assert_false (has_number (lines, "116123"));
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* Without a store (data cannot be opened) the lines still come. */
  lines = steady_crisis_lines_list (NULL, "US");
  g_assert_true (has_number (lines, "988"));

  close_store (store);
}

static void
test_locale_territory (void)
{
  static const struct { const char *locale; const char *territory; } cases[] = {
    { "en_US.UTF-8", "US" },
    { "es_US", "US" },
    { "de_DE.UTF-8@euro", "DE" },
    { "pt_BR@latin", "BR" },
    { "C.UTF-8", NULL },
    { "C", NULL },
    { "en", NULL },
    { "en_", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *territory = steady_locale_parse_territory (cases[i].locale);

      g_assert_cmpstr (territory, ==, cases[i].territory);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/help/safety-plan", test_safety_plan);
  g_test_add_func ("/steady/help/contacts", test_contacts);
  g_test_add_func ("/steady/help/crisis-lines-per-locale", test_crisis_lines_per_locale);
  g_test_add_func ("/steady/help/crisis-lines-own", test_crisis_lines_own);
  g_test_add_func ("/steady/help/locale-territory", test_locale_territory);

  return g_test_run ();
}
