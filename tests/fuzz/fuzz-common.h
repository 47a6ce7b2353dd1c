/* fuzz-common.h — what every fuzz harness shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A harness defines LLVMFuzzerTestOneInput(); it is linked either with
 * libFuzzer (meson -Dfuzzing=true, clang) or with replay.c, which calls it
 * once for each file it is given (the "fuzz" suite of `make test`).
 */
#pragma once

#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* A fatal log message ends GLib's process with a breakpoint (SIGTRAP),
 * which libFuzzer does not catch: it would count a crash and save nothing.
 * Abort instead, so the input is written out as crash-…. */
static inline void
fuzz_log_handler (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        user_data)
{
  g_log_default_handler (log_domain, log_level, message, user_data);
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

static inline void
fuzz_sigtrap (int signum)
{
  abort ();
}

/* A g_critical() or g_warning() is a bug (a failed precondition inside
 * our code): make it abort, so the fuzzer reports it as a crash. */
static inline void
fuzz_init_glib (void)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
  g_log_set_default_handler (fuzz_log_handler, NULL);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  signal (SIGTRAP, fuzz_sigtrap);
}

/* Defines LLVMFuzzerInitialize(): the GLib set-up above, then @setup. */
#define FUZZ_INITIALIZE(setup)                                  \
  int                                                           \
  LLVMFuzzerInitialize (int    *argc,                           \
                        char ***argv)                           \
  {                                                             \
    fuzz_init_glib ();                                          \
    setup;                                                      \
    return 0;                                                   \
  }
