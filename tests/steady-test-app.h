/* steady-test-app.h: the whole app under test, one process a case
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-application.h"
#include "steady-store.h"
#include "steady-window.h"

G_BEGIN_DECLS

typedef struct
{
  SteadyApplication *app;
  SteadyWindow      *window;
  char              *path;
  gpointer           reader;
  gboolean           want_welcome;   /* else a first start's welcome is closed */
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);


void     wait_for_named    (Fixture        *fixture,
                            Condition       condition,
                            const char     *name);
#define wait_for(fixture, condition) wait_for_named ((fixture), (condition), #condition)
void     drain             (void);
void     start_app         (Fixture        *fixture);
void     stop_app          (Fixture        *fixture);
void     fixture_setup     (Fixture        *fixture,
                            gconstpointer   data);
void     fixture_teardown  (Fixture        *fixture,
                            gconstpointer   data);
void     fixture_keep_data (Fixture        *fixture,
                            gconstpointer   data);
void     run_in_subprocess (gconstpointer   data);
gboolean showing_error     (Fixture        *fixture);
gboolean showing_places    (Fixture        *fixture);
GtkWidget *find_descendant (GtkWidget      *root,
                            GType           type);
GPtrArray *tab_walk        (GtkWindow      *window);
GtkWidget *find_focusable_with_action (GPtrArray  *walk,
                                       const char *action_name);
void     test_app_init     (int            *argc,
                            char         ***argv);

/* Each case runs in a process of its own: a GtkApplication cannot be
 * registered twice on one bus connection, and every case is a fresh
 * start of the app, as a person would see it. */
#define ADD_APP_TEST(path, func) \
  G_STMT_START { \
    if (g_test_subprocess ()) \
      g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown); \
    else \
      g_test_add_data_func (path, path, run_in_subprocess); \
  } G_STMT_END

G_END_DECLS
