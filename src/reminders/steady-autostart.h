/* steady-autostart.h: starting Steady at login, in the background
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  steady_autostart_is_sandboxed  (void);
char     *steady_autostart_get_path      (const char           *app_id);
gboolean  steady_autostart_write_file    (const char           *app_id,
                                          GError              **error);
gboolean  steady_autostart_remove_file   (const char           *app_id,
                                          GError              **error);

void      steady_autostart_request_async  (const char           *app_id,
                                           gboolean              enabled,
                                           const char           *parent_window,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
void      steady_autostart_request_portal_async (gboolean         enabled,
                                                 const char      *parent_window,
                                                 GCancellable    *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer         user_data);
gboolean  steady_autostart_request_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
