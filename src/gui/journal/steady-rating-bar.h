/* steady-rating-bar.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_TYPE_RATING_BAR (steady_rating_bar_get_type ())

G_DECLARE_FINAL_TYPE (SteadyRatingBar, steady_rating_bar, STEADY, RATING_BAR, GtkWidget)

GtkWidget *steady_rating_bar_new       (int              min,
                                        int              max,
                                        const char      *name,
                                        const char      *low_word,
                                        const char      *high_word);
int        steady_rating_bar_get_value (SteadyRatingBar *self);
void       steady_rating_bar_set_value (SteadyRatingBar *self,
                                        int              value);

G_END_DECLS
