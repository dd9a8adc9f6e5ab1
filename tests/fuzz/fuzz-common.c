/* fuzz-common.c: what the fuzz targets share
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "steady-export.h"
#include "fuzz-common.h"

static SteadyStore *store;

static void
close_store (void)
{
  g_autofree char *path = g_strdup (steady_store_get_path (store));

  steady_store_close (store);
  g_clear_object (&store);
  steady_export_delete_all (path, NULL);
}

/**
 * fuzz_open_store:
 *
 * Opens a new, empty store in a folder of its own, closed and deleted
 * when the process exits normally (a crash leaves it behind). The folder
 * is in memory when the system has a tmpfs at /dev/shm: the store syncs
 * every commit, and on a disk each input would wait for that.
 *
 * Returns: (transfer none): the store
 */
SteadyStore *
fuzz_open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = NULL;
  g_autofree char *path = NULL;
  char *dir;

  g_assert (store == NULL);

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    template = g_strdup ("/dev/shm/steady-fuzz-XXXXXX");
  else
    template = g_build_filename (g_get_tmp_dir (), "steady-fuzz-XXXXXX", NULL);

  dir = g_mkdtemp (template);
  if (dir == NULL)
    g_error ("Cannot make a folder for the fuzzer: %s", g_strerror (errno));

  path = g_build_filename (dir, "steady.db", NULL);
  store = steady_store_open (path, &error);
  if (store == NULL)
    g_error ("Cannot open a store in %s: %s", dir, error->message);

  atexit (close_store);

  return store;
}

/**
 * fuzz_flush_main_context:
 *
 * Runs what the store queued for the main thread (its ::changed
 * emissions), as the app's main loop would between inputs.
 */
void
fuzz_flush_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
