/* steady-help-dialog.c: Help now: crisis lines, the person's people and safety plan
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-help-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-help.h"
#include "steady-help-dialog.h"
#include "steady-help-dialog-private.h"
#include "steady-tools.h"


G_DEFINE_FINAL_TYPE (SteadyHelpDialog, steady_help_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (SteadyHelpDialog *self);

static gboolean
editing (SteadyHelpDialog *self)
{
  return gtk_toggle_button_get_active (self->edit_button);
}

void
steady_help_dialog_toast (SteadyHelpDialog *self,
                          const char       *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *a11y_label,
             const char *action_name,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, a11y_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

/* A row with a number the person can select, copy, and read at a glance. */
static GtkWidget *
number_row (const char *title,
            const char *subtitle,
            const char *number)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (number != NULL && *number != '\0')
    {
      g_autofree char *copy_label = NULL;
      GtkWidget *label = gtk_label_new (number);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "title-3");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

      /* Translators: %s is a name, e.g. "Copy the number of Sam" */
      copy_label = g_strdup_printf (_("Copy the number of %s"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("edit-copy-symbolic", copy_label, "help.copy",
                                              g_variant_new_string (number)));
    }

  return row;
}

static void
build_lines (SteadyHelpDialog *self)
{
  g_autoptr(GPtrArray) lines = steady_crisis_lines_list (self->store, self->territory);

  clear_container (GTK_WIDGET (self->lines_list));

  for (guint i = 0; i < lines->len; i++)
    {
      SteadyCrisisLine *line = g_ptr_array_index (lines, i);
      GtkWidget *row = number_row (steady_crisis_line_get_name (line),
                                   steady_crisis_line_get_description (line),
                                   steady_crisis_line_get_number (line));

      if (editing (self) && !steady_crisis_line_get_builtin (line))
        {
          g_autofree char *label = g_strdup_printf (_("Remove %s"), steady_crisis_line_get_name (line));

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button ("user-trash-symbolic", label, "help.remove-line",
                                                  g_variant_new_int64 (steady_crisis_line_get_id (line))));
        }

      gtk_list_box_append (self->lines_list, row);
    }

  if (editing (self))
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *add = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Show the US Crisis Lines"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Turn off if they do not reach you where you live"));
      gtk_switch_set_active (GTK_SWITCH (toggle), steady_crisis_lines_get_show_builtin (self->store));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "help.show-builtin");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      gtk_list_box_append (self->lines_list, row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add a Crisis Line…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "help.add-line");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_append (self->lines_list, add);
    }
}

static void
build_people (SteadyHelpDialog *self)
{
  g_autoptr(GPtrArray) contacts = steady_contacts_list (self->store);

  clear_container (GTK_WIDGET (self->people_list));

  for (guint i = 0; i < contacts->len; i++)
    {
      SteadyContact *contact = g_ptr_array_index (contacts, i);
      const char *name = steady_contact_get_name (contact);
      GtkWidget *row = number_row (name, steady_contact_get_role (contact),
                                   steady_contact_get_phone (contact));

      if (editing (self))
        {
          g_autofree char *edit_label = g_strdup_printf (_("Change %s"), name);
          g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
          gint64 id = steady_contact_get_id (contact);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button ("document-edit-symbolic", edit_label, "help.edit-contact",
                                                  g_variant_new_int64 (id)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button ("user-trash-symbolic", remove_label, "help.remove-contact",
                                                  g_variant_new_int64 (id)));
        }

      gtk_list_box_append (self->people_list, row);
    }

  if (editing (self) || contacts->len == 0)
    {
      GtkWidget *add = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add Someone…"));
      if (contacts->len == 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (add),
                                     _("Keep the numbers of people you trust one click away"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "help.add-contact");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_append (self->people_list, add);
    }
}

static void
build_plan_view (SteadyHelpDialog *self)
{
  GtkWidget *list = gtk_list_box_new ();
  gboolean empty = TRUE;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("My safety plan"),
                                  -1);

  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    {
      g_auto(GStrv) items = steady_safety_plan_get_section (self->store, s);
      GtkWidget *expander;

      if (items[0] == NULL)
        continue;

      empty = FALSE;
      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), steady_safety_section_get_title (s));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), steady_safety_section_get_hint (s));
      /* In a hard moment nothing should be one more click away. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

      for (guint i = 0; items[i] != NULL; i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), items[i]);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      gtk_list_box_append (GTK_LIST_BOX (list), expander);
    }

  if (empty)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Make My Safety Plan…"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Seven short lists: your warning signs, what helps, who to call, and your reasons"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "help.edit");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (self->plan_box, list);
}

static void
build_plan_editor (SteadyHelpDialog *self)
{
  GtkWidget *note = gtk_label_new (_("One item a line. Changes are saved when you press Done."));

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (self->plan_box, note);

  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    {
      g_auto(GStrv) items = steady_safety_plan_get_section (self->store, s);
      g_autofree char *text = g_strjoinv ("\n", items);
      GtkWidget *title = gtk_label_new (steady_safety_section_get_title (s));
      GtkWidget *hint = gtk_label_new (steady_safety_section_get_hint (s));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "caption");
      gtk_widget_add_css_class (hint, "dim-label");

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_set_size_request (view, -1, 72);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, steady_safety_section_get_title (s),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, steady_safety_section_get_hint (s),
                                      -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);

      gtk_box_append (self->plan_box, title);
      gtk_box_append (self->plan_box, hint);
      gtk_box_append (self->plan_box, frame);

      self->section_views[s] = GTK_TEXT_VIEW (view);
    }
}

static void
rebuild (SteadyHelpDialog *self)
{
  gboolean have_store = self->store != NULL;

  build_lines (self);

  gtk_widget_set_visible (self->people_group, have_store);
  gtk_widget_set_visible (self->plan_group, have_store);
  gtk_widget_set_visible (self->unavailable_label, !have_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), have_store);

  memset (self->section_views, 0, sizeof self->section_views);
  clear_container (GTK_WIDGET (self->plan_box));

  if (!have_store)
    return;

  build_people (self);

  if (editing (self))
    build_plan_editor (self);
  else
    build_plan_view (self);
}

/* Writes go to the store's worker; the dialog shows the result. */

typedef struct
{
  GStrv items[STEADY_SAFETY_N_SECTIONS];
} PlanWrite;

static void
plan_write_free (PlanWrite *write)
{
  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    g_strfreev (write->items[s]);
  g_free (write);
}

static gboolean
plan_write_work (SteadyStore  *store,
                 gpointer      data,
                 gpointer     *result,
                 GError      **error)
{
  PlanWrite *write = data;

  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    {
      if (write->items[s] != NULL &&
          !steady_safety_plan_set_section (store, s, (const char * const *)write->items[s], error))
        return FALSE;
    }

  return TRUE;
}

void
steady_help_dialog_write_done_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(SteadyHelpDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  steady_store_run_finish (STEADY_STORE (object), result, &error);
  if (error != NULL)
    {
      g_message ("Help now: %s", error->message);
      steady_help_dialog_toast (self, error->message);
    }
}

static char **
view_lines (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strsplit (text, "\n", -1);
}

/* Queues the edited plan; only sections whose text changed are written. */
static void
save_plan (SteadyHelpDialog *self)
{
  PlanWrite *write;
  gboolean changed = FALSE;

  if (self->store == NULL || self->section_views[0] == NULL)
    return;

  write = g_new0 (PlanWrite, 1);
  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    {
      g_auto(GStrv) before = steady_safety_plan_get_section (self->store, s);
      g_auto(GStrv) after = view_lines (self->section_views[s]);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) cleaned = NULL;

      for (guint i = 0; after[i] != NULL; i++)
        {
          g_autofree char *item = g_strstrip (g_strdup (after[i]));

          if (*item != '\0')
            g_strv_builder_add (kept, item);
        }
      cleaned = g_strv_builder_end (kept);

      if (!g_strv_equal ((const char * const *)before, (const char * const *)cleaned))
        {
          write->items[s] = g_steal_pointer (&cleaned);
          changed = TRUE;
        }
    }

  if (!changed)
    {
      plan_write_free (write);
      return;
    }

  steady_store_run_async (self->store, plan_write_work, write, (GDestroyNotify)plan_write_free, NULL,
                          NULL, steady_help_dialog_write_done_cb, g_object_ref (self));
}

static void
edit_toggled_cb (SteadyHelpDialog *self)
{
  if (!editing (self))
    save_plan (self);

  gtk_button_set_label (GTK_BUTTON (self->edit_button), editing (self) ? _("_Done") : _("_Edit"));
  rebuild (self);
}

static void
store_changed_cb (SteadyHelpDialog *self,
                  const char       *what)
{
  /* Rebuilding while editing would throw away what is being typed. */
  if ((g_strcmp0 (what, "help") == 0 || g_strcmp0 (what, "all") == 0) && !editing (self))
    rebuild (self);
  else if (editing (self))
    {
      build_lines (self);
      build_people (self);
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);

  steady_tools_copy_number (widget, self->toast_overlay, parameter);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (widget);

  gtk_toggle_button_set_active (self->edit_button, TRUE);
}

static gboolean
steady_help_dialog_close_request (GtkWindow *window)
{
  /* Closing while editing keeps the edits, as Done would. */
  save_plan (STEADY_HELP_DIALOG (window));

  return GTK_WINDOW_CLASS (steady_help_dialog_parent_class)->close_request (window);
}

static void
steady_help_dialog_constructed (GObject *object)
{
  SteadyHelpDialog *self = (SteadyHelpDialog *)object;

  G_OBJECT_CLASS (steady_help_dialog_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                             self, G_CONNECT_SWAPPED);

  rebuild (self);
}

static void
steady_help_dialog_finalize (GObject *object)
{
  SteadyHelpDialog *self = (SteadyHelpDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->territory, g_free);

  G_OBJECT_CLASS (steady_help_dialog_parent_class)->finalize (object);
}

static void
steady_help_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_help_dialog_class_init (SteadyHelpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steady_help_dialog_constructed;
  object_class->finalize = steady_help_dialog_finalize;
  object_class->set_property = steady_help_dialog_set_property;

  window_class->close_request = steady_help_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/steady-help-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, lines_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, plan_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, plan_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, unavailable_label);
  gtk_widget_class_bind_template_callback (widget_class, edit_toggled_cb);

  gtk_widget_class_install_action (widget_class, "help.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "help.edit", NULL, edit_action);
  steady_help_dialog_install_contact_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_help_dialog_init (SteadyHelpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->territory = steady_locale_territory ();
}

/**
 * steady_help_dialog_new:
 * @store: (nullable): the store, or %NULL when the data cannot be opened
 *   (the crisis lines show all the same)
 *
 * Returns: (transfer floating): the Help now window
 */
GtkWidget *
steady_help_dialog_new (SteadyStore *store)
{
  return g_object_new (STEADY_TYPE_HELP_DIALOG,
                       "store", store,
                       NULL);
}

/**
 * steady_help_dialog_set_editing:
 *
 * Turns the edit mode on or off, as the Edit button does.
 */
void
steady_help_dialog_set_editing (SteadyHelpDialog *self,
                                gboolean          editing_)
{
  g_return_if_fail (STEADY_IS_HELP_DIALOG (self));

  gtk_toggle_button_set_active (self->edit_button, editing_);
}

/**
 * steady_help_dialog_get_section_view:
 *
 * Returns: (transfer none) (nullable): the text view of @section while
 *   editing
 */
GtkTextView *
steady_help_dialog_get_section_view (SteadyHelpDialog    *self,
                                     SteadySafetySection  section)
{
  g_return_val_if_fail (STEADY_IS_HELP_DIALOG (self), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  return self->section_views[section];
}
