/* steady-help-dialog-contacts.c: the person's own contacts and crisis lines, edited
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-help"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-help.h"
#include "steady-help-dialog.h"
#include "steady-help-dialog-private.h"

/* Small editors for a contact or a crisis line */

typedef enum
{
  EDIT_CONTACT,
  EDIT_LINE,
} EditKind;

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static gboolean
save_contact_work (SteadyStore  *store,
                   gpointer      data,
                   gpointer     *result,
                   GError      **error)
{
  return steady_contacts_save (store, data, error);
}

static gboolean
save_line_work (SteadyStore  *store,
                gpointer      data,
                gpointer     *result,
                GError      **error)
{
  return steady_crisis_lines_save (store, data, error);
}

static void
editor_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SteadyHelpDialog *self)
{
  EditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  GObject *item = g_object_get_data (G_OBJECT (dialog), "item");
  const char *a = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "entry-0"));
  const char *b = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "entry-1"));
  const char *c = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "entry-2"));

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;

  if (kind == EDIT_CONTACT)
    {
      steady_contact_set_name (STEADY_CONTACT (item), a);
      steady_contact_set_role (STEADY_CONTACT (item), b);
      steady_contact_set_phone (STEADY_CONTACT (item), c);
      steady_store_run_async (self->store, save_contact_work, g_object_ref (item), g_object_unref, NULL,
                              NULL, steady_help_dialog_write_done_cb, g_object_ref (self));
    }
  else
    {
      steady_crisis_line_set_name (STEADY_CRISIS_LINE (item), a);
      steady_crisis_line_set_number (STEADY_CRISIS_LINE (item), b);
      steady_crisis_line_set_description (STEADY_CRISIS_LINE (item), c);
      steady_store_run_async (self->store, save_line_work, g_object_ref (item), g_object_unref, NULL,
                              NULL, steady_help_dialog_write_done_cb, g_object_ref (self));
    }
}

static void
name_changed_cb (GtkEditable      *name,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static AdwMessageDialog *
open_editor (SteadyHelpDialog *self,
             EditKind          kind,
             GObject          *item)
{
  const char *labels[2][3] = {
    { N_("Name"), N_("Who they are to you, e.g. sponsor"), N_("Phone") },
    { N_("Name"), N_("Number"), N_("When to call, hours, language") },
  };
  const char *values[3];
  gboolean is_new;
  GtkWidget *dialog;
  GtkWidget *list;

  if (kind == EDIT_CONTACT)
    {
      is_new = steady_contact_get_id (STEADY_CONTACT (item)) == 0;
      values[0] = steady_contact_get_name (STEADY_CONTACT (item));
      values[1] = steady_contact_get_role (STEADY_CONTACT (item));
      values[2] = steady_contact_get_phone (STEADY_CONTACT (item));
      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       is_new ? _("Add Someone") : _("Change Contact"), NULL);
    }
  else
    {
      is_new = steady_crisis_line_get_id (STEADY_CRISIS_LINE (item)) == 0;
      values[0] = steady_crisis_line_get_name (STEADY_CRISIS_LINE (item));
      values[1] = steady_crisis_line_get_number (STEADY_CRISIS_LINE (item));
      values[2] = steady_crisis_line_get_description (STEADY_CRISIS_LINE (item));
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Crisis Line"), NULL);
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("entry-%u", i);

      g_object_set_data (G_OBJECT (dialog), key, entry_row (list, _(labels[kind][i]), values[i]));
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", is_new ? _("_Add") : _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (g_object_get_data (G_OBJECT (dialog), "entry-0"), "changed",
                    G_CALLBACK (name_changed_cb), dialog);
  name_changed_cb (g_object_get_data (G_OBJECT (dialog), "entry-0"), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (editor_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

static SteadyContact *
find_contact (SteadyHelpDialog *self,
              gint64            id)
{
  g_autoptr(GPtrArray) contacts = steady_contacts_list (self->store);

  for (guint i = 0; i < contacts->len; i++)
    {
      if (steady_contact_get_id (g_ptr_array_index (contacts, i)) == id)
        return g_object_ref (g_ptr_array_index (contacts, i));
    }

  return NULL;
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(SteadyContact) contact = steady_contact_new ();

  open_editor (STEADY_HELP_DIALOG (widget), EDIT_CONTACT, G_OBJECT (contact));
}

static void
edit_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);
  g_autoptr(SteadyContact) contact = find_contact (self, g_variant_get_int64 (parameter));

  if (contact != NULL)
    open_editor (self, EDIT_CONTACT, G_OBJECT (contact));
}

static gboolean
remove_contact_work (SteadyStore  *store,
                     gpointer      data,
                     gpointer     *result,
                     GError      **error)
{
  return steady_contacts_delete (store, steady_contact_get_id (data), error);
}

static gboolean
restore_contact_work (SteadyStore  *store,
                      gpointer      data,
                      gpointer     *result,
                      GError      **error)
{
  /* Saved anew: the old row is gone, so it gets a new id. */
  steady_contact_set_id (data, 0);

  return steady_contacts_save (store, data, error);
}

static void
undo_remove_contact_cb (AdwToast         *toast,
                        SteadyHelpDialog *self)
{
  SteadyContact *contact = g_object_get_data (G_OBJECT (toast), "contact");

  if (self->store != NULL)
    steady_store_run_async (self->store, restore_contact_work, g_object_ref (contact), g_object_unref,
                            NULL, NULL, steady_help_dialog_write_done_cb, g_object_ref (self));
}

static void
remove_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);
  g_autoptr(SteadyContact) contact = find_contact (self, g_variant_get_int64 (parameter));
  g_autofree char *title = NULL;
  AdwToast *undo;

  if (contact == NULL)
    return;

  steady_store_run_async (self->store, remove_contact_work, g_object_ref (contact), g_object_unref, NULL,
                          NULL, steady_help_dialog_write_done_cb, g_object_ref (self));

  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("Removed %s"), steady_contact_get_name (contact));
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo), "contact", g_object_ref (contact), g_object_unref);
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_remove_contact_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(SteadyCrisisLine) line = steady_crisis_line_new ();

  open_editor (STEADY_HELP_DIALOG (widget), EDIT_LINE, G_OBJECT (line));
}

static gboolean
remove_line_work (SteadyStore  *store,
                  gpointer      data,
                  gpointer     *result,
                  GError      **error)
{
  return steady_crisis_lines_delete (store, *(gint64 *)data, error);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);

  steady_store_run_async (self->store, remove_line_work,
                          g_memdup2 (&(gint64) { g_variant_get_int64 (parameter) }, sizeof (gint64)),
                          g_free, NULL, NULL, steady_help_dialog_write_done_cb, g_object_ref (self));
}

static gboolean
show_builtin_work (SteadyStore  *store,
                   gpointer      data,
                   gpointer     *result,
                   GError      **error)
{
  return steady_crisis_lines_set_show_builtin (store, GPOINTER_TO_INT (data), error);
}

static void
show_builtin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);
  gboolean show = !steady_crisis_lines_get_show_builtin (self->store);

  steady_store_run_async (self->store, show_builtin_work, GINT_TO_POINTER (show), NULL, NULL,
                          NULL, steady_help_dialog_write_done_cb, g_object_ref (self));
}

void
steady_help_dialog_install_contact_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "help.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "help.edit-contact", "x", edit_contact_action);
  gtk_widget_class_install_action (widget_class, "help.remove-contact", "x", remove_contact_action);
  gtk_widget_class_install_action (widget_class, "help.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "help.remove-line", "x", remove_line_action);
  gtk_widget_class_install_action (widget_class, "help.show-builtin", NULL, show_builtin_action);
}
