/* bench-map-wait.c — times a program from its launch until its window is mapped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-map-wait [--settled] [TIMEOUT-SECONDS] -- COMMAND [ARG…]
 *
 * Listens on the X root window for MapNotify, starts COMMAND, and when a
 * window whose _NET_WM_PID is COMMAND's process is mapped, prints the time
 * since the launch in milliseconds, terminates COMMAND and exits 0.
 * With --settled it then samples the CPU time of COMMAND's threads
 * (/proc/PID/task/TID/schedstat) every 5 ms and prints, after the map, when
 * COMMAND settled: the start of the first 250 ms that used < 5 ms of CPU
 * ("MAP SETTLED" on one line, both in ms since the launch). Reading
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

#include <dirent.h>

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

/* CPU time of every live thread of @pid, in ns */
static double
process_cpu_ns (pid_t pid)
{
  char path[64];
  struct dirent *entry;
  double total = 0;
  DIR *dir;

  snprintf (path, sizeof path, "/proc/%ld/task", (long) pid);
  if ((dir = opendir (path)) == NULL)
    return -1;

  while ((entry = readdir (dir)) != NULL)
    {
      char stat_path[64 + sizeof entry->d_name + 16];
      double ns;
      FILE *file;

      if (entry->d_name[0] == '.')
        continue;
      snprintf (stat_path, sizeof stat_path, "%s/%s/schedstat", path, entry->d_name);
      if ((file = fopen (stat_path, "r")) == NULL)
        continue;
      if (fscanf (file, "%lf", &ns) == 1)
        total += ns;
      fclose (file);
    }
  closedir (dir);

  return total;
}

#define SETTLE_WINDOW_MS 250.0
#define SETTLE_CPU_MS    5.0
#define SAMPLE_MS        5
#define MAX_SAMPLES      4000   /* 20 s */

/* After the map: ms since @start when @child first spent < 5 ms of CPU in
 * 250 ms; -1 if it did not within the samples. */
static double
wait_settled (pid_t  child,
              double start)
{
  static double times[MAX_SAMPLES], cpu[MAX_SAMPLES];
  int n = 0, s = 0;

  while (n < MAX_SAMPLES)
    {
      times[n] = now_ms ();
      cpu[n] = process_cpu_ns (child) / 1e6;
      if (cpu[n] < 0)
        return -1;
      n++;

      /* the first sample 250 ms after a start decides that start */
      while (s < n && times[n - 1] - times[s] >= SETTLE_WINDOW_MS)
        {
          if (cpu[n - 1] - cpu[s] < SETTLE_CPU_MS)
            return times[s] - start;
          s++;
        }
      usleep (SAMPLE_MS * 1000);
    }

  return -1;
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
  int first = 1, fd, settled = 0;
  pid_t child;

  if (argc > first && strcmp (argv[first], "--settled") == 0)
    {
      settled = 1;
      first++;
    }
  if (argc > first && strcmp (argv[first], "--") != 0)
    timeout_ms = atof (argv[first++]) * 1000;
  if (first >= argc || strcmp (argv[first], "--") != 0 || first + 1 >= argc)
    {
      fprintf (stderr, "usage: bench-map-wait [--settled] [TIMEOUT-SECONDS] -- COMMAND [ARG…]\n");
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

              if (settled)
                printf ("%.1f %.1f\n", elapsed, wait_settled (child, start));
              else
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
