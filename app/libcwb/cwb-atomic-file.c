/* cwb-atomic-file.c — replacing a file only with complete, synced content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cwb-atomic-file.h"

/*
 * Every writer of a user's file goes through here, so that a full disk, a
 * folder that cannot be written or a crash halfway never leaves a file
 * shorter than it was: the new content goes to a temporary file in the same
 * folder (so that rename() is atomic), is synced to the disk, and only then
 * is renamed over the destination; the folder is synced last, so that the
 * rename itself survives a power cut. On any failure the temporary file is
 * removed and the destination is left byte for byte as it was.
 *
 * The temporary file is a hidden name beside the destination,
 * ".NAME.XXXXXX", created with O_EXCL (never an existing file, never a
 * link followed) and O_CLOEXEC. It is created with mode 0666 so that the
 * user's umask applies as for any new file; when the destination exists,
 * its mode is kept.
 */

/* room for ".", ".XXXXXX" and what some libraries append (libzip writes
 * "TEMP.XXXXXX" itself) within NAME_MAX */
#define MAX_BASE_LENGTH 200

/**
 * CwbAtomicFile:
 *
 * A file being replaced through a temporary file beside it, for libraries
 * that write to a path of their own (a cairo PDF surface, libzip,
 * libxlsxwriter, a `FILE *`): cwb_atomic_file_begin() creates the
 * temporary file, the library writes to cwb_atomic_file_get_temp_path(),
 * then cwb_atomic_file_commit() syncs it and renames it over the
 * destination, or cwb_atomic_file_abort() (or cwb_atomic_file_fail()) removes
 * it. Dropping the last reference to one that was not committed aborts
 * it, so a `g_autoptr` is enough to clean up on every early return.
 */
struct _CwbAtomicFile
{
  gatomicrefcount ref_count;
  char   *path;       /* owned: the destination */
  char   *temp_path;  /* owned: NULL once committed or aborted */
  mode_t  mode;       /* the temporary file's mode as created: 0666 & ~umask */
};

G_DEFINE_BOXED_TYPE (CwbAtomicFile, cwb_atomic_file, cwb_atomic_file_ref, cwb_atomic_file_unref)

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* TRANSLATORS: a file name, then why it cannot be written */
               _("“%s” cannot be written: %s"), name, g_strerror (saved_errno));
}

/* Creates the temporary file beside @path and returns its name; *@fd is
 * open on it for writing, *@mode its mode. */
static char *
create_temp (const char  *path,
             int         *fd,
             mode_t      *mode,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = NULL;
  g_autofree char *temp = NULL;
  struct stat st;

  if (strlen (base) > MAX_BASE_LENGTH)
    base[MAX_BASE_LENGTH] = '\0';
  template = g_strdup_printf (".%s.XXXXXX", base);
  temp = g_build_filename (dir, template, NULL);

  /* O_CREAT | O_EXCL are added by g_mkstemp_full() */
  if ((*fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666)) < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }

  if (fstat (*fd, &st) != 0)
    {
      int saved_errno = errno;

      close (*fd);
      g_unlink (temp);
      set_errno_error (error, path, saved_errno);
      return NULL;
    }
  *mode = st.st_mode & 07777;

  return g_steal_pointer (&temp);
}

/* Returns 0 or the errno of the write that failed. */
static int
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }
      if (written == 0)
        return ENOSPC;   /* a regular file never takes nothing but when full */

      data += written;
      length -= (gsize) written;
    }

  return 0;
}

static int
sync_fd (int fd)
{
  while (fsync (fd) != 0)
    if (errno != EINTR)
      return errno;

  return 0;
}

/* Syncs the folder of @path so that a rename in it is on the disk. A file
 * system that cannot sync a folder (EINVAL) has nothing more to do. */
static int
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd, saved_errno;

  if ((fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) < 0)
    return errno;

  saved_errno = sync_fd (fd);
  close (fd);

  return saved_errno == EINVAL ? 0 : saved_errno;
}

/* Gives @fd, open on @temp, the mode the file at @path should have, syncs
 * and closes it, and renames @temp over @path; @fd is closed and @temp
 * removed whatever happens. Returns 0 or the errno that failed. */
static int
finish (int         fd,
        const char *temp,
        const char *path,
        mode_t      mode)
{
  struct stat st;
  int saved_errno = 0;

  /* an existing file keeps its mode (g_stat() follows a link to it) */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 07777;

  if (fchmod (fd, mode) != 0)
    saved_errno = errno;
  else
    saved_errno = sync_fd (fd);

  /* Linux closes the descriptor even when close() fails with EINTR; an
   * error of the write-back shows here or in fsync() above */
  if (close (fd) != 0 && errno != EINTR && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno == 0 && g_rename (temp, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temp);
      return saved_errno;
    }

  return sync_folder (path);
}

/**
 * cwb_atomic_file_write:
 * @path: the file to create or replace
 * @data: (array length=length) (element-type guint8): the new content
 * @length: the length of @data in bytes
 * @error: return location for a #GError
 *
 * Writes @data to @path atomically: to a temporary file in the same folder
 * (created with `O_EXCL`), written whole, synced and closed, given the mode
 * of the file it replaces (a new file gets `0666` less the umask), then
 * renamed over @path, and the folder synced. On any failure the temporary
 * file is removed and an existing @path is left byte for byte as it was.
 *
 * This is the one way libcwb, the application and its plugins write a
 * user's file; for a library that writes to a path itself, see
 * cwb_atomic_file_begin().
 *
 * Returns: %TRUE if @path holds @data; else %FALSE with @error set in the
 *   %G_FILE_ERROR domain (the code from `errno`, such as
 *   %G_FILE_ERROR_NOSPC), its translated message naming the file and the
 *   reason, fit to show
 */
gboolean
cwb_atomic_file_write (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *temp = NULL;
  mode_t mode = 0;
  int fd = -1;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((temp = create_temp (path, &fd, &mode, error)) == NULL)
    return FALSE;

  if ((saved_errno = write_all (fd, data, length)) != 0)
    {
      close (fd);
      g_unlink (temp);
    }
  else
    saved_errno = finish (fd, temp, path, mode);

  if (saved_errno != 0)
    {
      set_errno_error (error, path, saved_errno);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_atomic_file_begin:
 * @path: the file to create or replace
 * @error: return location for a #GError
 *
 * Creates an empty temporary file beside @path (in the same folder, with
 * `O_EXCL`) for a library that writes to a path of its own. Let the library
 * write to cwb_atomic_file_get_temp_path() (it may truncate or replace that
 * file), check what the library says, then call cwb_atomic_file_commit(),
 * or cwb_atomic_file_fail() with the library's reason.
 *
 * Returns: (transfer full) (nullable): the file being replaced, to be
 *   released with cwb_atomic_file_unref(); %NULL with @error set (as for
 *   cwb_atomic_file_write()) if no temporary file can be created there
 */
CwbAtomicFile *
cwb_atomic_file_begin (const char  *path,
                       GError     **error)
{
  CwbAtomicFile *self;
  g_autofree char *temp = NULL;
  mode_t mode = 0;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((temp = create_temp (path, &fd, &mode, error)) == NULL)
    return NULL;
  close (fd);

  self = g_new0 (CwbAtomicFile, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->temp_path = g_steal_pointer (&temp);
  self->mode = mode;

  return self;
}

/**
 * cwb_atomic_file_get_path:
 * @self: a #CwbAtomicFile
 *
 * Returns: (type filename): the file that is replaced on commit
 */
const char *
cwb_atomic_file_get_path (CwbAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * cwb_atomic_file_get_temp_path:
 * @self: a #CwbAtomicFile
 *
 * Returns: (type filename) (nullable): the temporary file to write to;
 *   %NULL once @self was committed or aborted
 */
const char *
cwb_atomic_file_get_temp_path (CwbAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

/**
 * cwb_atomic_file_commit:
 * @self: a #CwbAtomicFile that is neither committed nor aborted
 * @error: return location for a #GError
 *
 * Checks that the temporary file is still a regular file, syncs it to the
 * disk, gives it the mode of the file it replaces (a new file keeps `0666`
 * less the umask), renames it over the destination and syncs the folder.
 * On failure the temporary file is removed and the destination is left as
 * it was. Either way @self is done: only cwb_atomic_file_unref() remains.
 *
 * Returns: %TRUE if the destination holds what the library wrote; else
 *   %FALSE with @error set as by cwb_atomic_file_write()
 */
gboolean
cwb_atomic_file_commit (CwbAtomicFile  *self,
                        GError        **error)
{
  g_autofree char *temp = NULL;
  struct stat st;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->temp_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp = g_steal_pointer (&self->temp_path);

  /* the library may have replaced the file (libzip renames its own over
   * it): open what is there now, never through a link */
  if ((fd = g_open (temp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0)) < 0)
    saved_errno = errno;
  else if (fstat (fd, &st) != 0)
    saved_errno = errno;
  else if (!S_ISREG (st.st_mode))
    saved_errno = EINVAL;

  if (saved_errno != 0)
    {
      if (fd >= 0)
        close (fd);
      g_unlink (temp);
    }
  else
    saved_errno = finish (fd, temp, self->path, self->mode);

  if (saved_errno != 0)
    {
      set_errno_error (error, self->path, saved_errno);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_atomic_file_abort:
 * @self: a #CwbAtomicFile
 *
 * Removes the temporary file, leaving the destination as it was. Does
 * nothing once @self was committed or aborted.
 */
void
cwb_atomic_file_abort (CwbAtomicFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->temp_path != NULL)
    {
      g_unlink (self->temp_path);
      g_clear_pointer (&self->temp_path, g_free);
    }
}

/* TRUE when the file system of @path has no block or no inode left for an
 * ordinary user. */
static gboolean
is_full (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs st;

  return statvfs (dir, &st) == 0 && (st.f_bavail == 0 || (st.f_files > 0 && st.f_favail == 0));
}

/**
 * cwb_atomic_file_fail:
 * @self: a #CwbAtomicFile
 * @reason: (nullable): why the library could not write the file, such as
 *   cairo_status_to_string() or lxw_strerror(); %NULL for none
 * @error: return location for a #GError
 *
 * Aborts @self (see cwb_atomic_file_abort()) and sets @error to say that
 * the destination cannot be written, and why. Libraries tell a full disk
 * only as a write error: when the folder's file system has no space left,
 * the reason given is that (%G_FILE_ERROR_NOSPC, in the user's language)
 * rather than @reason; else the code is %G_FILE_ERROR_FAILED.
 *
 * Returns: %FALSE, so that a writer can `return cwb_atomic_file_fail (…);`
 */
gboolean
cwb_atomic_file_fail (CwbAtomicFile  *self,
                      const char     *reason,
                      GError        **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* before the temporary file is removed: it holds the space it took */
  if (is_full (self->path))
    {
      set_errno_error (error, self->path, ENOSPC);
      cwb_atomic_file_abort (self);
      return FALSE;
    }

  cwb_atomic_file_abort (self);
  name = g_filename_display_name (self->path);
  if (reason != NULL)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("“%s” cannot be written: %s"), name, reason);
  else
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("“%s” cannot be written."), name);

  return FALSE;
}

/**
 * cwb_atomic_file_ref:
 * @self: a #CwbAtomicFile
 *
 * Returns: (transfer full): @self, with one more reference
 */
CwbAtomicFile *
cwb_atomic_file_ref (CwbAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * cwb_atomic_file_unref:
 * @self: (transfer full): a #CwbAtomicFile
 *
 * Drops a reference to @self; the last one aborts @self unless it was
 * committed, and frees it.
 */
void
cwb_atomic_file_unref (CwbAtomicFile *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  cwb_atomic_file_abort (self);
  g_free (self->path);
  g_free (self);
}
