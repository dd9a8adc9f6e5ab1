/* steady-user-guide.c: opens the user guide in the Help app
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-user-guide"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-dialog-util.h"
#include "steady-user-guide.h"

/* No Help app (Yelp) here, or it failed: say so calmly, say where the
 * pages are, and that Help Now does not depend on it. */
static void
show_unavailable (GtkWindow *parent)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a folder, e.g. /usr/share/help/C/steady */
  body = g_strdup_printf (_("The guide opens in the Help app, which may not be installed on this computer. "
                            "Its pages are in this folder:\n%s\n\n"
                            "Help Now, with crisis lines and your safety plan, works as always."),
                          HELP_DIR);
  dialog = adw_message_dialog_new (NULL, _("The Guide Could Not Be Opened"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  steady_dialog_present (GTK_WINDOW (dialog), parent);
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  GtkWindow *parent = (GtkWindow *)object;
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    g_application_unmark_busy (app);

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  g_message ("Could not open %s: %s", HELP_URI, error->message);
  show_unavailable (parent);
}

/**
 * steady_user_guide_show:
 * @parent: (nullable): the window the guide is opened from
 *
 * Opens the user guide (help/, installed by gnome.yelp) in the Help app,
 * or explains where it is when it cannot be opened.
 */
void
steady_user_guide_show (GtkWindow *parent)
{
  GApplication *app = g_application_get_default ();

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  /* Busy until the Help app has been started (or could not be): it can
   * take a moment, and the window is held until then. */
  if (app != NULL)
    g_application_mark_busy (app);
  gtk_show_uri_full (parent, HELP_URI, GDK_CURRENT_TIME, NULL, show_uri_cb,
                     app != NULL ? g_object_ref (app) : NULL);
}
