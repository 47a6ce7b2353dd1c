/* broken.c — a test plugin that cannot load: it exports no peas_register_types()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "broken-plugin"

#include "config.h"

#include <gmodule.h>

/* Something to export, so the module itself opens fine and libpeas fails
 * only when it looks for its entry point. */
G_MODULE_EXPORT int broken_plugin_answer (void);

G_MODULE_EXPORT int
broken_plugin_answer (void)
{
  return 42;
}
