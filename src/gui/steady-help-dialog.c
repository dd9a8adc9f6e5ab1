/* steady-help-dialog.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-help-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-help-dialog.h"

struct _SteadyHelpDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (SteadyHelpDialog, steady_help_dialog, ADW_TYPE_WINDOW)

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);
  const char *number = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), number);

  /* Translators: %s is a phone number */
  title = g_strdup_printf (_("Copied %s"), number);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
steady_help_dialog_class_init (SteadyHelpDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/steady-help-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, toast_overlay);

  gtk_widget_class_install_action (widget_class, "help.copy", "s", copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_help_dialog_init (SteadyHelpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steady_help_dialog_new (void)
{
  return g_object_new (STEADY_TYPE_HELP_DIALOG, NULL);
}
