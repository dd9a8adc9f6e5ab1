/* steady-dialog-util.c: how every Steady dialog is shown, and what
 * every editor does alike: save and close keys, a failed save, and
 * asking before input is dropped
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "steady-dialog-util.h"

typedef struct
{
  SteadyDialogDiscardFunc func;
  gpointer                user_data;
} DiscardClosure;

static void
unrealize_cb (GtkWindow *dialog)
{
  /* A dialog may outlive its window for a moment (a write still
   * finishing holds a reference); it must not keep pointing at a parent
   * that is gone by the time it is finalized. */
  gtk_window_set_transient_for (dialog, NULL);
}

/* Closes as the title bar's button does, through close-request, where
 * an editor asks before it drops what was entered. gtk_window_close()
 * would leave a window that was never shown open. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (widget, "close-request", &handled);
  if (!handled)
    gtk_window_destroy (GTK_WINDOW (widget));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *editor)
{
  DiscardClosure *closure = g_object_get_data (G_OBJECT (dialog), "steady-discard");

  if (g_strcmp0 (response, "discard") != 0)
    return;

  if (closure->func != NULL)
    closure->func (editor, closure->user_data);
  else
    gtk_window_destroy (editor);
}

/**
 * steady_dialog_present:
 * @dialog: a dialog window
 * @parent: (nullable): the window it belongs to
 *
 * Shows @dialog over @parent, in the same application, closed with it.
 */
void
steady_dialog_present (GtkWindow *dialog,
                       GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  if (parent != NULL)
    {
      gtk_window_set_transient_for (dialog, parent);
      gtk_window_set_destroy_with_parent (dialog, TRUE);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (dialog, gtk_window_get_application (parent));
    }

  g_signal_connect (dialog, "unrealize", G_CALLBACK (unrealize_cb), NULL);
  gtk_window_present (dialog);
}

/**
 * steady_dialog_new_discard:
 * @parent: the editor whose input would be dropped
 * @heading: the question
 * @body: what would be lost
 * @keep_label: the label of the safe answer, e.g. "_Keep Editing"
 *
 * An editor's "drop what you entered?" question: "keep" is the default
 * answer and the one Escape gives; "discard" looks destructive. The
 * caller connects to #AdwMessageDialog::response and presents it.
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_dialog_new_discard (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           const char *keep_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", keep_label,
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  return dialog;
}

/**
 * steady_dialog_ask_discard:
 * @editor: the editor whose input would be dropped
 * @heading: the question
 * @body: what would be lost
 * @keep_label: the label of the safe answer, e.g. "_Keep Editing"
 * @discard: (nullable): what to do when the person
 *   chooses to discard; %NULL closes @editor
 * @user_data: for @discard
 *
 * Asks steady_dialog_new_discard()'s question over @editor and shows it
 * with steady_dialog_present(). Nothing happens on "keep"; @discard is
 * not called once @editor is gone.
 */
void
steady_dialog_ask_discard (GtkWindow               *editor,
                           const char              *heading,
                           const char              *body,
                           const char              *keep_label,
                           SteadyDialogDiscardFunc  discard,
                           gpointer                 user_data)
{
  GtkWidget *dialog;
  DiscardClosure *closure;

  g_return_if_fail (GTK_IS_WINDOW (editor));

  dialog = steady_dialog_new_discard (editor, heading, body, keep_label);
  closure = g_new0 (DiscardClosure, 1);
  closure->func = discard;
  closure->user_data = user_data;
  g_object_set_data_full (G_OBJECT (dialog), "steady-discard", closure, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), editor, 0);
  steady_dialog_present (GTK_WINDOW (dialog), editor);
}

/**
 * steady_dialog_show_error:
 * @revealer: the editor's error bar
 * @label: the label in it
 * @format: a translated message with the reason as its `%s`; it says
 *   that what was entered is still there
 * @...: the reason, usually a #GError's message
 *
 * Says in the editor why a save failed. What the person entered stays
 * in the editor, so that they can try again.
 */
void
steady_dialog_show_error (GtkRevealer *revealer,
                          GtkLabel    *label,
                          const char  *format,
                          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_if_fail (GTK_IS_REVEALER (revealer));
  g_return_if_fail (GTK_IS_LABEL (label));

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  gtk_label_set_label (label, text);
  gtk_revealer_set_reveal_child (revealer, TRUE);
}

/**
 * steady_dialog_class_install_save:
 * @widget_class: an editor's class
 * @action_name: its save action, such as "checkin.save"
 * @activate: what saving does
 * @ctrl_enter: whether Ctrl+Enter saves too
 *
 * Installs the save action with Ctrl+S, the shortcut the shortcuts
 * window lists for saving in any editor.
 */
void
steady_dialog_class_install_save (GtkWidgetClass              *widget_class,
                                  const char                  *action_name,
                                  GtkWidgetActionActivateFunc  activate,
                                  gboolean                     ctrl_enter)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (action_name != NULL);
  g_return_if_fail (activate != NULL);

  gtk_widget_class_install_action (widget_class, action_name, NULL, activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, action_name, NULL);
  if (ctrl_enter)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, action_name, NULL);
}

/**
 * steady_dialog_class_install_close:
 * @widget_class: a dialog's class
 * @action_name: the action that closes it, such as "checkin.cancel"
 * @activate: (nullable): what closing does, or %NULL to close as the
 *   title bar's close button does: through #GtkWindow::close-request,
 *   where an editor asks before it drops what was entered
 *
 * Installs the close action, for the Cancel button, and binds Escape to
 * it.
 */
void
steady_dialog_class_install_close (GtkWidgetClass              *widget_class,
                                   const char                  *action_name,
                                   GtkWidgetActionActivateFunc  activate)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), GTK_TYPE_WINDOW));
  g_return_if_fail (action_name != NULL);

  gtk_widget_class_install_action (widget_class, action_name, NULL,
                                   activate != NULL ? activate : close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, action_name, NULL);
}

/**
 * steady_drop_down_set_label:
 * @drop_down: a drop-down
 * @label: what it chooses, for screen readers
 *
 * Names the drop-down and the button inside it that takes the keyboard
 * focus (GTK 4.8 leaves that button unnamed).
 */
void
steady_drop_down_set_label (GtkDropDown *drop_down,
                            const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
    }
}
