/* steady-halt-dialog.c: am I hungry, angry, lonely or tired?
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-halt-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-dialog-util.h"
#include "steady-halt-dialog.h"
#include "steady-journal.h"
#include "steady-tools.h"

/* The journal skill for doing this check. */
#define HALT_SKILL "halt-check"

struct _SteadyHaltDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkListBox      *halt_list;

  /* Built in code */
  GtkSwitch       *switches[4];
  GtkListBox      *people_list;

  /* Owned */
  SteadyStore     *store;

  guint            saving : 1;
};

G_DEFINE_FINAL_TYPE (SteadyHaltDialog, steady_halt_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One concrete thing to do for each, in Steady's own words. The keys are
 * the journal's HALT triggers. */
static const struct {
  const char *key;
  const char *question;
  const char *suggestion;
} halt[] = {
  { "hungry",
    N_("When did I last eat something?"),
    N_("Eat something now, even something small: a piece of fruit, toast, a handful of nuts, a glass of milk.") },
  { "angry",
    N_("Is something frustrating or hurting me?"),
    N_("Cool down before deciding anything: walk around the block, or breathe out slowly for a minute.") },
  { "lonely",
    N_("Have I really talked with anyone today?"),
    N_("Call or text someone you trust. A few minutes of talking counts.") },
  { "tired",
    N_("Am I running on empty?"),
    N_("Rest: lie down for twenty minutes, or make tonight an early night.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (halt) == 4);

static gboolean
any_chosen (SteadyHaltDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (halt); i++)
    {
      if (gtk_switch_get_active (self->switches[i]))
        return TRUE;
    }

  return FALSE;
}

static void
update_actions (SteadyHaltDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "halt.save", any_chosen (self) && !self->saving);
}

static void
switch_changed_cb (SteadyHaltDialog *self)
{
  update_actions (self);
}

static void
store_changed_cb (SteadyHaltDialog *self,
                  const char       *what)
{
  /* Someone added in Help Now shows up here at once. */
  if (self->people_list != NULL &&
      (g_strcmp0 (what, "help") == 0 || g_strcmp0 (what, "all") == 0))
    steady_tools_fill_contacts (self->people_list, self->store, "halt.copy");
}

static GtkWidget *
suggestion_row (SteadyHaltDialog *self,
                guint             i)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* A light bulb (GTK's own emoji-category icon, there in every theme):
   * an idea, not a link. */
  GtkWidget *icon = gtk_image_new_from_icon_name ("emoji-objects-symbolic");
  GtkWidget *label = gtk_label_new (_(halt[i].suggestion));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (icon, "accent");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What might help"),
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);

  /* Lonely: the people to call, with their numbers, right here. */
  if (g_str_equal (halt[i].key, "lonely"))
    {
      GtkWidget *people = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (people), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (people, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (people),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("My people"),
                                      -1);
      steady_tools_fill_contacts (GTK_LIST_BOX (people), self->store, "halt.copy");
      gtk_box_append (GTK_BOX (box), people);
      self->people_list = GTK_LIST_BOX (people);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
build_rows (SteadyHaltDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (halt); i++)
    {
      const char *title = steady_journal_trigger_get_label (halt[i].key);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *suggestion = suggestion_row (self, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(halt[i].question));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(halt[i].question),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (switch_changed_cb), self);

      /* The suggestion shows under its letter once it is switched on. */
      g_object_bind_property (toggle, "active", suggestion, "visible", G_BINDING_SYNC_CREATE);

      gtk_list_box_append (self->halt_list, row);
      gtk_list_box_append (self->halt_list, suggestion);
      self->switches[i] = GTK_SWITCH (toggle);
    }
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyHaltDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_tools_save_checkin_finish (object, result, "a HALT check", &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->saving = FALSE;
      update_actions (self);
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        steady_dialog_show_error (self->error_revealer, self->error_label,
                                  /* Translators: %s says why */
                                  _("Your HALT check was not saved: %s Your choices are still here; you can try again."),
                                  error->message);
      return;
    }

  self->saving = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyHaltDialog *self = STEADY_HALT_DIALOG (widget);
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_auto(GStrv) chosen = NULL;

  if (self->saving || !any_chosen (self))
    return;

  chosen = steady_halt_dialog_dup_chosen (self);
  entry = steady_journal_entry_new ();
  steady_journal_entry_set_triggers (entry, (const char * const *)chosen);
  /* Doing the check is the skill; how much it helped is for later. */
  steady_journal_entry_set_skill (entry, HALT_SKILL, STEADY_JOURNAL_UNSET);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  self->saving = TRUE;
  update_actions (self);

  steady_tools_save_checkin (self->store, entry, save_done_cb, self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyHaltDialog *self = STEADY_HALT_DIALOG (widget);

  steady_tools_copy_number (widget, self->toast_overlay, parameter);
}

static void
steady_halt_dialog_constructed (GObject *object)
{
  SteadyHaltDialog *self = (SteadyHaltDialog *)object;

  G_OBJECT_CLASS (steady_halt_dialog_parent_class)->constructed (object);

  build_rows (self);
  update_actions (self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
steady_halt_dialog_finalize (GObject *object)
{
  SteadyHaltDialog *self = (SteadyHaltDialog *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_halt_dialog_parent_class)->finalize (object);
}

static void
steady_halt_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadyHaltDialog *self = STEADY_HALT_DIALOG (object);

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
steady_halt_dialog_class_init (SteadyHaltDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_halt_dialog_constructed;
  object_class->finalize = steady_halt_dialog_finalize;
  object_class->set_property = steady_halt_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyHaltDialog::saved:
   *
   * Emitted once the check-in is on disk, just before the window closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/tools/steady-halt-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyHaltDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyHaltDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyHaltDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHaltDialog, halt_list);

  steady_dialog_class_install_save (widget_class, "halt.save", save_action, FALSE);
  gtk_widget_class_install_action (widget_class, "halt.copy", "s", copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_halt_dialog_init (SteadyHaltDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steady_halt_dialog_new:
 * @store: where the check-in is saved
 *
 * Four switches, hungry, angry, lonely and tired, each with one concrete
 * suggestion (lonely lists the person's people with their numbers).
 * Save adds a check-in with the chosen ones as triggers and the skill
 * "halt-check". Show it with steady_dialog_present().
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_halt_dialog_new (SteadyStore *store)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return g_object_new (STEADY_TYPE_HALT_DIALOG,
                       "store", store,
                       NULL);
}

/**
 * steady_halt_dialog_dup_chosen:
 *
 * Returns: (transfer full): the keys switched on ("hungry", "angry",
 *   "lonely", "tired"), in that order
 */
GStrv
steady_halt_dialog_dup_chosen (SteadyHaltDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (STEADY_IS_HALT_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (halt); i++)
    {
      if (gtk_switch_get_active (self->switches[i]))
        g_strv_builder_add (builder, halt[i].key);
    }

  return g_strv_builder_end (builder);
}

/* For tests: a switch by its key, "people", or "error". */

GtkWidget *
steady_halt_dialog_get_widget (SteadyHaltDialog *self,
                               const char       *name)
{
  g_return_val_if_fail (STEADY_IS_HALT_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (halt); i++)
    {
      if (g_str_equal (name, halt[i].key))
        return GTK_WIDGET (self->switches[i]);
    }

  if (g_str_equal (name, "people"))
    return GTK_WIDGET (self->people_list);
  if (g_str_equal (name, "error"))
    return GTK_WIDGET (self->error_revealer);

  return NULL;
}
