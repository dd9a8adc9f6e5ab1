/* steady-dialog-util.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * SteadyDialogDiscardFunc:
 * @editor: the editor
 * @user_data: what was given with the function
 *
 * What an editor does once the person chose to drop their input.
 */
typedef void (*SteadyDialogDiscardFunc) (GtkWindow *editor,
                                         gpointer   user_data);

void       steady_dialog_present             (GtkWindow                   *dialog,
                                              GtkWindow                   *parent);
GtkWidget *steady_dialog_new_discard         (GtkWindow                   *parent,
                                              const char                  *heading,
                                              const char                  *body,
                                              const char                  *keep_label);
void       steady_dialog_ask_discard         (GtkWindow                   *editor,
                                              const char                  *heading,
                                              const char                  *body,
                                              const char                  *keep_label,
                                              SteadyDialogDiscardFunc      discard,
                                              gpointer                     user_data);
void       steady_dialog_show_error          (GtkRevealer                 *revealer,
                                              GtkLabel                    *label,
                                              const char                  *format,
                                              ...) G_GNUC_PRINTF (3, 4);
void       steady_dialog_class_install_save  (GtkWidgetClass              *widget_class,
                                              const char                  *action_name,
                                              GtkWidgetActionActivateFunc  activate,
                                              gboolean                     ctrl_enter);
void       steady_dialog_class_install_close (GtkWidgetClass              *widget_class,
                                              const char                  *action_name,
                                              GtkWidgetActionActivateFunc  activate);
void       steady_drop_down_set_label        (GtkDropDown                 *drop_down,
                                              const char                  *label);

G_END_DECLS
