/* bench-map-wait.c — times a program from its launch until its window is mapped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-map-wait [TIMEOUT-SECONDS] -- COMMAND [ARG…]
 *
 * Listens on the X root window for MapNotify, starts COMMAND, and when a
 * window whose _NET_WM_PID is COMMAND's process is mapped, prints the time
 * since the launch in milliseconds, terminates COMMAND and exits 0. Reading
 * the X event directly avoids the 0.5 s polling of `xdotool search --sync`.
 * COMMAND's standard output is discarded: ours carries the figure alone.
 * Exits 1 if COMMAND ends or the timeout passes before a window is mapped.
 */
#define G_LOG_DOMAIN "bench-map-wait"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
window_pid (Display *display,
            Window   window,
            Atom     net_wm_pid)
{
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  long pid = -1;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &after, &data) == Success &&
      data != NULL && n_items == 1 && format == 32)
    pid = (long) *(unsigned long *) data;
  if (data != NULL)
    XFree (data);

  return pid;
}

static void
stop_child (pid_t child)
{
  int status;

  kill (child, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (child, &status, WNOHANG) == child)
        return;
      usleep (10000);
    }
  kill (child, SIGKILL);
  waitpid (child, &status, 0);
}

int
main (int    argc,
      char **argv)
{
  Display *display;
  Atom net_wm_pid;
  double timeout_ms = 30000, start;
  int first = 1, fd;
  pid_t child;

  if (argc > 1 && strcmp (argv[1], "--") != 0)
    timeout_ms = atof (argv[first++]) * 1000;
  if (first >= argc || strcmp (argv[first], "--") != 0 || first + 1 >= argc)
    {
      fprintf (stderr, "usage: bench-map-wait [TIMEOUT-SECONDS] -- COMMAND [ARG…]\n");
      return 64;
    }
  first++;

  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "bench-map-wait: cannot open the display\n");
      return 1;
    }
  net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);
  fd = ConnectionNumber (display);

  start = now_ms ();
  if ((child = fork ()) == 0)
    {
      /* our stdout carries the figure alone */
      int null_fd = open ("/dev/null", O_WRONLY);

      if (null_fd >= 0)
        dup2 (null_fd, STDOUT_FILENO);
      close (fd);
      execvp (argv[first], argv + first);
      fprintf (stderr, "bench-map-wait: %s: %s\n", argv[first], strerror (errno));
      _exit (127);
    }

  for (;;)
    {
      double left = timeout_ms - (now_ms () - start);
      struct timeval tv;
      fd_set fds;
      int status;

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify &&
              window_pid (display, event.xmap.window, net_wm_pid) == (long) child)
            {
              double elapsed = now_ms () - start;

              printf ("%.1f\n", elapsed);
              fflush (stdout);
              stop_child (child);
              XCloseDisplay (display);
              return 0;
            }
        }

      if (waitpid (child, &status, WNOHANG) == child)
        {
          fprintf (stderr, "bench-map-wait: %s ended before mapping a window\n", argv[first]);
          return 1;
        }
      if (left <= 0)
        {
          fprintf (stderr, "bench-map-wait: no window after %.0f ms\n", timeout_ms);
          stop_child (child);
          return 1;
        }

      FD_ZERO (&fds);
      FD_SET (fd, &fds);
      tv.tv_sec = 0;
      tv.tv_usec = 20000;  /* wake to notice a child that died */
      select (fd + 1, &fds, NULL, NULL, &tv);
    }
}
