/* steady-dialog-util.c: how every Steady dialog is shown
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "steady-dialog-util.h"

static void
unrealize_cb (GtkWindow *dialog)
{
  /* A dialog may outlive its window for a moment (a write still
   * finishing holds a reference); it must not keep pointing at a parent
   * that is gone by the time it is finalized. */
  gtk_window_set_transient_for (dialog, NULL);
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
