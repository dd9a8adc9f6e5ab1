/* steady-test-app.c: the whole app under test, one process a case
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steady-test-app.h"
#include "steady-welcome-dialog.h"

static gboolean
give_up_cb (gpointer data)
{
  g_error ("Timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

/* Not a timing assert: the guard only keeps a broken build from hanging CI. */
void
wait_for_named (Fixture    *fixture,
                Condition   condition,
                const char *name)
{
  guint guard = g_timeout_add_seconds (20, give_up_cb, (gpointer)name);

  while (!condition (fixture))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
}

static gboolean
window_mapped (Fixture *fixture)
{
  return fixture->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
}

gboolean
showing_error (Fixture *fixture)
{
  return steady_window_is_showing_error (fixture->window);
}

gboolean
showing_places (Fixture *fixture)
{
  return !steady_window_is_showing_error (fixture->window);
}

void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
start_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GList *windows;

  fixture->app = steady_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));

  fixture->window = NULL;
  for (windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); windows; windows = windows->next)
    {
      if (STEADY_IS_WINDOW (windows->data))
        fixture->window = windows->data;
    }
  g_assert_nonnull (fixture->window);

  wait_for (fixture, window_mapped);

  /* Most cases are about the app after its first start. */
  if (!fixture->want_welcome)
    {
      for (windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); windows; windows = windows->next)
        {
          if (STEADY_IS_WELCOME_DIALOG (windows->data))
            {
              gtk_window_destroy (windows->data);
              break;
            }
        }
      drain ();
    }
}

/* As the application's shutdown does it: windows first, then the store. */
void
stop_app (Fixture *fixture)
{
  SteadyStore *store = steady_application_get_store (fixture->app);

  while (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data);
  fixture->window = NULL;

  if (store != NULL)
    steady_store_close (store);
  drain ();
  g_clear_object (&fixture->app);
}

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->path = steady_store_default_path ();
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_build_filename (g_get_user_data_dir (), "steady", NULL);

  if (fixture->app != NULL)
    stop_app (fixture);
  g_free (fixture->path);

  /* The next test starts from a fresh install. */
  remove_tree (dir);
}

/* For the first half of a restart: the data stays for the second. */
void
fixture_keep_data (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->app != NULL)
    stop_app (fixture);
  g_free (fixture->path);
}

/* The first widget of @type inside @root, depth first. */
GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* What Tab reaches in @window, in order, as a person moving through it
 * with the keyboard alone: each focused widget once, until focus comes
 * round again. */
GPtrArray *
tab_walk (GtkWindow *window)
{
  GPtrArray *walk = g_ptr_array_new ();

  for (guint i = 0; i < 500; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (window);
      if (focus == NULL)
        continue;
      if (g_ptr_array_find (walk, focus, NULL))
        break;
      g_ptr_array_add (walk, focus);
    }

  return walk;
}

/* The widget reached by Tab that activates @action_name, itself or as
 * the button inside it. */
GtkWidget *
find_focusable_with_action (GPtrArray  *walk,
                            const char *action_name)
{
  for (guint i = 0; i < walk->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (walk, i);

      for (; w != NULL; w = gtk_widget_get_parent (w))
        {
          if (GTK_IS_ACTIONABLE (w) &&
              g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action_name) == 0)
            return g_ptr_array_index (walk, i);
          if (GTK_IS_WINDOW (w))
            break;
        }
    }

  return NULL;
}

void
run_in_subprocess (gconstpointer data)
{
  g_test_trap_subprocess (data, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/**
 * test_app_init:
 *
 * Points the person's folders at a private temporary home (or at
 * $STEADY_TEST_HOME, for the two halves of a restart), then starts GLib's
 * test framework and GTK.
 */
void
test_app_init (int    *argc,
               char ***argv)
{
  g_autofree char *home = g_strdup (g_getenv ("STEADY_TEST_HOME"));
  const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it also hides the system's MIME
   * database, which the SVG icon loader needs. The person's own dirs are
   * still replaced, so no test touches real data. */
  if (home == NULL)
    home = g_dir_make_tmp ("steady-test-window-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}
