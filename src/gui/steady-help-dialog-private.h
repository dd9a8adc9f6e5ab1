/* steady-help-dialog-private.h: what the Help now dialog's files share
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-help.h"
#include "steady-help-dialog.h"

G_BEGIN_DECLS

struct _SteadyHelpDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkToggleButton *edit_button;
  GtkListBox      *lines_list;
  GtkWidget       *people_group;
  GtkListBox      *people_list;
  GtkWidget       *plan_group;
  GtkBox          *plan_box;
  GtkWidget       *unavailable_label;

  /* Owned */
  SteadyStore     *store;
  char            *territory;
  GtkTextView     *section_views[STEADY_SAFETY_N_SECTIONS];
};

void steady_help_dialog_toast                   (SteadyHelpDialog *self,
                                                 const char       *title);
void steady_help_dialog_write_done_cb           (GObject          *object,
                                                 GAsyncResult     *result,
                                                 gpointer          user_data);
void steady_help_dialog_install_contact_actions (GtkWidgetClass   *widget_class);

G_END_DECLS
