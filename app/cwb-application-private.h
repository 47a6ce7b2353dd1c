/* cwb-application-private.h — what the tests look at in the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-application.h"

G_BEGIN_DECLS

/* (transfer none) (nullable): the dialog that says which plugins were
 * turned off because the last run died in them, while it is shown */
GtkWindow *_cwb_application_get_crash_dialog (CwbApplication *self);

G_END_DECLS
