/* steady-tools.c: shared by the "in the moment" tools
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-tools"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-dialog-util.h"
#include "steady-help.h"
#include "steady-help-dialog.h"
#include "steady-journal.h"
#include "steady-tools.h"

/**
 * steady_tools_route_to_help:
 * @any_widget_in_app: (nullable): a widget in one of Steady's windows
 *
 * Opens Help Now, now: through the application's "app.help-now" action
 * when there is one, so it looks and behaves as from the header bar;
 * else (a window outside the application) the help dialog itself, which
 * shows the crisis lines without needing the store. It never fails to
 * show something, and nothing can turn it off.
 */
void
steady_tools_route_to_help (GtkWidget *any_widget_in_app)
{
  GtkRoot *root = any_widget_in_app != NULL ? gtk_widget_get_root (any_widget_in_app) : NULL;
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GApplication *app = NULL;
  GtkWidget *dialog;

  if (window != NULL && gtk_window_get_application (window) != NULL)
    app = G_APPLICATION (gtk_window_get_application (window));
  else if (GTK_IS_APPLICATION (g_application_get_default ()))
    app = g_application_get_default ();

  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "help-now"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
      return;
    }

  g_message ("No app.help-now here: opening the help dialog directly");
  dialog = steady_help_dialog_new (NULL);
  steady_dialog_present (GTK_WINDOW (dialog), window);
}

static GtkWidget *
contact_row (SteadyContact *contact,
             const char    *copy_action)
{
  const char *name = steady_contact_get_name (contact);
  const char *phone = steady_contact_get_phone (contact);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (*steady_contact_get_role (contact) != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), steady_contact_get_role (contact));

  if (*phone != '\0')
    {
      g_autofree char *copy_label = NULL;
      GtkWidget *number = gtk_label_new (phone);
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      /* The number itself, big enough to read and dial from. */
      gtk_label_set_selectable (GTK_LABEL (number), TRUE);
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (number, "title-4");
      gtk_widget_add_css_class (number, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);

      /* Translators: %s is a person's name */
      copy_label = g_strdup_printf (_("Copy the number of %s"), name);
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, copy_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), copy_action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", phone);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }

  return row;
}

/**
 * steady_tools_fill_contacts:
 * @list: a list box to fill; what it held is removed
 * @store: (nullable): where the person's contacts are
 * @copy_action: a detailed action taking the number ("s") to copy
 *
 * The person's support contacts with their numbers, or, when there are
 * none, a row that opens Help Now where they can be added.
 */
void
steady_tools_fill_contacts (GtkListBox  *list,
                            SteadyStore *store,
                            const char  *copy_action)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (copy_action != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  contacts = store != NULL ? steady_contacts_list (store) : g_ptr_array_new ();
  for (guint i = 0; i < contacts->len; i++)
    gtk_list_box_append (list, contact_row (g_ptr_array_index (contacts, i), copy_action));

  if (contacts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No One Saved Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the people you trust in Help Now, and their numbers will be here"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.help-now");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (list, row);
    }
}

/**
 * steady_tools_copy_number:
 * @widget: the tool's window, whose clipboard is used
 * @overlay: where to say so
 * @parameter: the number, a string
 *
 * The tools' "copy" action: a phone number to the clipboard.
 */
void
steady_tools_copy_number (GtkWidget       *widget,
                          AdwToastOverlay *overlay,
                          GVariant        *parameter)
{
  const char *number = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), number);

  /* Translators: %s is a phone number */
  title = g_strdup_printf (_("Copied %s"), number);
  adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
}

/**
 * steady_tools_save_checkin:
 * @store: the store
 * @entry: what the tool logged: the skill used, and what it found
 * @callback: called with @owner as its user data
 * @owner: (transfer none): the tool's window, kept alive (one reference
 *   that @callback owns) until the save is done
 *
 * Logs the use of a skill as a check-in in the journal. No cancellable:
 * once asked, a save finishes even if the window goes.
 */
void
steady_tools_save_checkin (SteadyStore         *store,
                           SteadyJournalEntry  *entry,
                           GAsyncReadyCallback  callback,
                           gpointer             owner)
{
  steady_journal_save_async (store, entry, NULL, callback, g_object_ref (owner));
}

/**
 * steady_tools_save_checkin_finish:
 * @what: for the log, e.g. "a HALT check"
 *
 * Returns: %TRUE once the check-in is on disk; a failure other than a
 *   cancellation is logged
 */
gboolean
steady_tools_save_checkin_finish (GObject       *store,
                                  GAsyncResult  *result,
                                  const char    *what,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (steady_journal_save_finish (STEADY_STORE (store), result, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Saving %s failed: %s", what, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}
