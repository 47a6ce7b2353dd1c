/* test-safe-write.c — writing a user's file never leaves it shorter than it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* unshare() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <cwb.h>

#include "cwb-agreement-document.h"
#include "cwb-agreement-matrix.h"
#include "cwb-agreement.h"
#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"

/*
 * Every writer is driven the same way: the destination exists with known
 * content and mode 0640, then the write fails halfway, either because the
 * disk is full (a 256 KiB tmpfs filled up, as root) or because the file
 * may not grow past RLIMIT_FSIZE (for anyone). The writer must fail with a
 * message naming the file, leave the old file byte for byte, and leave no
 * temporary file behind.
 */

#define OLD_MODE 0640
#define SIZE_LIMIT 2048

typedef enum {
  BREAK_DISK_FULL,
  BREAK_SIZE_LIMIT,
} Break;

typedef struct
{
  char              *tmpdir;      /* owned */
  char              *dir;         /* owned: where the destination is; a tmpfs when mounted */
  gboolean           mounted;
  CwbRuleSet        *rules;       /* owned */
  CwbContext        *context;     /* owned: no store, a fixed clock */
  CwbConsortium     *consortium;  /* owned: deep-sea, imported into the store */
  char              *db_path;     /* owned */
  CwbStore          *store;       /* owned */
  CwbExpertRegistry *experts; /* owned by the store */
} Fixture;

typedef gboolean (*WriteFunc) (Fixture     *f,
                               const char  *path,
                               GError     **error);

typedef struct
{
  const char *file_name;
  WriteFunc   write;
  Break       how;
} Writer;

static char *
old_content (void)
{
  GString *text = g_string_new (NULL);

  while (text->len < 512)
    g_string_append (text, "这是旧文件的内容，不能被截断。old content that must stay.\n");

  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);

  f->tmpdir = g_dir_make_tmp ("cwb-test-safe-write-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->tmpdir, "out", NULL);
  g_assert_no_errno (g_mkdir (f->dir, 0755));
  f->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  f->context = cwb_context_new (f->rules, NULL, NULL, NULL);
  cwb_context_set_now (f->context, now);
  f->consortium = cwb_test_load_example ("deep-sea.consortium.json");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->experts = NULL;
  if (f->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_finalize_object (g_steal_pointer (&f->consortium));
  g_assert_finalize_object (g_steal_pointer (&f->context));
  g_clear_object (&f->rules);
  if (f->mounted)
    g_assert_no_errno (umount2 (f->dir, MNT_DETACH));
  cwb_test_remove_tree (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db_path, g_free);
}

/* A database with the consortium and a few dozen experts. */
static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->db_path = g_build_filename (f->tmpdir, "workbench.db", NULL);
  f->store = cwb_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (f->store, f->consortium, FALSE, &error));
  g_assert_no_error (error);
  f->experts = cwb_expert_registry_get_for_store (f->store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CwbExpert) expert = cwb_expert_new ();
      g_autofree char *name = g_strdup_printf ("专家%u", i + 1);
      const char * const fields[] = { "深海科技", "海洋装备", NULL };

      cwb_expert_set_name (expert, name);
      cwb_expert_set_title (expert, "研究员");
      cwb_expert_set_level (expert, CWB_EXPERT_LEVEL_SENIOR);
      cwb_expert_set_fields (expert, fields);
      cwb_expert_set_affiliation_name (expert, "三亚深海科学与工程研究所");
      cwb_expert_set_resume (expert, "长期从事深海装备与海洋工程研究，主持多项国家重点研发计划项目。");
      g_assert_true (cwb_expert_registry_add (f->experts, expert, &error));
      g_assert_no_error (error);
    }
}

/* Mounts a 256 KiB tmpfs on f->dir; FALSE (and the test skipped) when not
 * root or the mount fails. */
static gboolean
mount_small_disk (Fixture *f)
{
  if (geteuid () != 0)
    {
      g_test_skip ("Filling a disk needs root to mount a tmpfs");
      return FALSE;
    }
  if (mount ("tmpfs", f->dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k,mode=0755") != 0)
    {
      g_autofree char *message = g_strdup_printf ("Filling a disk needs root to mount a tmpfs: %s",
                                                  g_strerror (errno));
      g_test_skip (message);
      return FALSE;
    }
  f->mounted = TRUE;

  return TRUE;
}

/* Writes to f->dir/filler until the disk is full. */
static void
fill_disk (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "filler", NULL);
  char block[4096];
  struct statvfs st;
  int fd;

  memset (block, 'x', sizeof block);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  for (gsize size = sizeof block; size > 0; size /= 2)
    for (;;)
      {
        gssize written = write (fd, block, size);

        if (written < 0 && errno == EINTR)
          continue;
        if (written < 0)
          {
            g_assert_cmpint (errno, ==, ENOSPC);
            break;
          }
      }
  g_assert_no_errno (close (fd));

  g_assert_no_errno (statvfs (f->dir, &st));
  g_assert_cmpuint (st.f_bavail, ==, 0);
}

static char *
make_old_file (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = old_content ();
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, OLD_MODE));

  return path;
}

/* @path holds the old content with its mode, and f->dir holds nothing but
 * it (and the filler): no temporary file was left */
static void
assert_untouched (Fixture    *f,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = old_content ();
  g_autofree char *content = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize length = 0;
  struct stat st;

  g_file_get_contents (path, &content, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (content, length, expected, strlen (expected));
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, OLD_MODE);

  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strcmp (name, base) != 0 && strcmp (name, "filler") != 0)
      g_error ("“%s” was left in %s", name, f->dir);
}

static char *
expected_message (const char *path,
                  int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  return g_strdup_printf ("“%s” cannot be written: %s", name, g_strerror (saved_errno));
}

static void
limit_file_size (void)
{
  struct rlimit limit;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &limit));
  limit.rlim_cur = SIZE_LIMIT;
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
  /* a write past the limit fails with EFBIG instead of killing us */
  signal (SIGXFSZ, SIG_IGN);
}

static void
unlimit_file_size (void)
{
  struct rlimit limit;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &limit));
  limit.rlim_cur = limit.rlim_max;
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
  signal (SIGXFSZ, SIG_DFL);
}

/* ── the writers ─────────────────────────────────────────────────────── */

static gboolean
write_helper (Fixture     *f,
              const char  *path,
              GError     **error)
{
  g_autofree char *data = g_strnfill (64 * 1024, 'n');

  return cwb_atomic_file_write (path, data, strlen (data), error);
}

static gboolean
write_consortium (Fixture     *f,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cwb_consortium_file_save (f->consortium, file, NULL, error);
}

static CwbAgreement *
new_agreement (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CwbAgreement *agreement = cwb_agreement_new_for_consortium (f->consortium, &error);

  g_assert_no_error (error);
  return agreement;
}

static gboolean
write_pdf (Fixture     *f,
           const char  *path,
           GError     **error)
{
  g_autoptr(CwbAgreement) agreement = new_agreement (f);

  return cwb_agreement_document_write_pdf (agreement, f->consortium, f->context, path, error);
}

static gboolean
write_docx (Fixture     *f,
            const char  *path,
            GError     **error)
{
  g_autoptr(CwbAgreement) agreement = new_agreement (f);

  return cwb_agreement_document_write_docx (agreement, f->consortium, f->context, path, error);
}

static gboolean
write_matrix (Fixture     *f,
              const char  *path,
              GError     **error)
{
  g_autoptr(CwbAgreement) agreement = new_agreement (f);

  return cwb_agreement_matrix_write_xlsx (agreement, f->consortium, path, error);
}

static gboolean
write_experts (Fixture     *f,
               const char  *path,
               GError     **error)
{
  return cwb_expert_registry_export (f->experts, path, NULL, NULL, error);
}

static gboolean
write_reviewers (Fixture     *f,
                 const char  *path,
                 GError     **error)
{
  return cwb_expert_registry_export_reviewers (f->experts, cwb_consortium_get_id (f->consortium),
                                               path, error);
}

/* ── a failing write leaves the old file ─────────────────────────────── */

static void
test_writer_fails (Fixture       *f,
                   gconstpointer  data)
{
  const Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean written;

  open_store (f);
  if (writer->how == BREAK_DISK_FULL && !mount_small_disk (f))
    return;

  path = make_old_file (f, writer->file_name);
  if (writer->how == BREAK_DISK_FULL)
    {
      fill_disk (f);
      written = writer->write (f, path, &error);
    }
  else
    {
      limit_file_size ();
      written = writer->write (f, path, &error);
      unlimit_file_size ();
    }

  g_assert_false (written);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_untouched (f, path);
  if (writer->how == BREAK_DISK_FULL)
    {
      g_autofree char *message = expected_message (path, ENOSPC);

      /* a library's write error is told as what it is: the disk is full */
      if (writer->write == write_consortium)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      else
        g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
      g_assert_cmpstr (error->message, ==, message);
    }
  else if (writer->write == write_helper || writer->write == write_consortium)
    {
      g_autofree char *message = expected_message (path, EFBIG);

      if (writer->write == write_consortium)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      else
        g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, message);
    }
  else
    {
      g_autofree char *name = g_filename_display_name (path);
      g_autofree char *prefix = g_strdup_printf ("“%s” cannot be written", name);

      g_assert_true (error->domain == G_FILE_ERROR);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
}

/* ── the real command line, on a full disk ───────────────────────────── */

static void
test_cli_export (Fixture       *f,
                 gconstpointer  data)
{
  const Writer *writer = data;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *binary = g_getenv ("CWB_BINARY");

  g_assert_nonnull (binary);
  open_store (f);
  g_clear_object (&f->store);   /* the command opens it */
  f->experts = NULL;
  if (!mount_small_disk (f))
    return;

  path = make_old_file (f, writer->file_name);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", ":4242", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  fill_disk (f);

  process = g_subprocess_launcher_spawn (launcher, &error, binary, "export", "--db", f->db_path,
                                         cwb_consortium_get_name (f->consortium), "-o", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, err);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 73);
  assert_untouched (f, path);
  expected = expected_message (path, ENOSPC);
  g_assert_cmpstr (g_strchomp (err), ==, expected);
  g_assert_cmpstr (out, ==, "");
}

/* ── the helper by itself ────────────────────────────────────────────── */

static void
assert_file (const char *path,
             const char *content,
             guint       mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  struct stat st;

  g_file_get_contents (path, &read, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, content);
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpuint (st.st_mode & 07777, ==, mode);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* a new file gets 0666 less the umask, a replaced one keeps its mode */
static void
test_create_and_replace (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "a.txt", NULL);
  mode_t old_umask = umask (022);

  g_assert_true (cwb_atomic_file_write (path, "first", 5, &error));
  g_assert_no_error (error);
  assert_file (path, "first", 0644);

  g_assert_no_errno (g_chmod (path, 0600));
  g_assert_true (cwb_atomic_file_write (path, "second", 6, &error));
  g_assert_no_error (error);
  assert_file (path, "second", 0600);

  g_assert_true (cwb_atomic_file_write (path, "", 0, &error));
  g_assert_no_error (error);
  assert_file (path, "", 0600);
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  umask (old_umask);
}

/* the name is a folder, or the folder is missing: nothing changes */
static void
test_cannot_rename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "a folder", NULL);
  g_autofree char *inside = g_build_filename (folder, "kept.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", "a.txt", NULL);
  g_autofree char *message = NULL;

  g_assert_no_errno (g_mkdir (folder, 0755));
  g_file_set_contents (inside, "kept", -1, &error);
  g_assert_no_error (error);

  g_assert_false (cwb_atomic_file_write (folder, "new", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  message = expected_message (folder, EISDIR);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *kept = NULL;

    g_file_get_contents (inside, &kept, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kept, ==, "kept");
  }
  /* the folder and nothing else */
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  g_assert_false (cwb_atomic_file_write (missing, "new", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
}

/* a folder that may not be written: only for an ordinary user */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_old_file (f, "old.txt");
  g_autofree char *message = expected_message (path, EACCES);

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to any folder");
      return;
    }

  g_assert_no_errno (g_chmod (f->dir, 0555));
  g_assert_false (cwb_atomic_file_write (path, "new", 3, &error));
  g_assert_no_errno (g_chmod (f->dir, 0755));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_cmpstr (error->message, ==, message);
  assert_untouched (f, path);
}

/* begin → the library writes the temporary path → commit, or abort */
static void
test_begin_commit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_old_file (f, "old.txt");
  g_autofree char *temp = NULL;

  /* committed: the new content with the old mode */
  {
    g_autoptr(CwbAtomicFile) file = cwb_atomic_file_begin (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cwb_atomic_file_get_path (file), ==, path);
    temp = g_strdup (cwb_atomic_file_get_temp_path (file));
    g_assert_true (g_str_has_prefix (temp, f->dir));
    g_assert_true (g_file_test (temp, G_FILE_TEST_IS_REGULAR));
    /* a library may replace the temporary file with its own */
    g_assert_no_errno (g_unlink (temp));
    g_file_set_contents (temp, "new", -1, &error);
    g_assert_no_error (error);
    g_assert_true (cwb_atomic_file_commit (file, &error));
    g_assert_no_error (error);
    g_assert_null (cwb_atomic_file_get_temp_path (file));
  }
  assert_file (path, "new", OLD_MODE);
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  /* aborted, or dropped: the temporary file goes, the file stays */
  {
    g_autoptr(CwbAtomicFile) aborted = cwb_atomic_file_begin (path, &error);
    g_autoptr(CwbAtomicFile) dropped = cwb_atomic_file_begin (path, &error);

    g_assert_no_error (error);
    g_file_set_contents (cwb_atomic_file_get_temp_path (aborted), "partial", -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_files (f->dir), ==, 3);
    cwb_atomic_file_abort (aborted);
    g_assert_null (cwb_atomic_file_get_temp_path (aborted));
    g_assert_cmpuint (count_files (f->dir), ==, 2);
  }
  assert_file (path, "new", OLD_MODE);
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  /* the library failed: the reason is in the message */
  {
    g_autoptr(CwbAtomicFile) file = cwb_atomic_file_begin (path, &error);
    g_autofree char *name = g_filename_display_name (path);
    g_autofree char *message = g_strdup_printf ("“%s” cannot be written: the library failed", name);

    g_assert_no_error (error);
    g_assert_false (cwb_atomic_file_fail (file, "the library failed", &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
    g_assert_cmpstr (error->message, ==, message);
    g_clear_error (&error);
  }
  assert_file (path, "new", OLD_MODE);
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  /* the temporary file vanished, or is no longer a file: nothing is renamed */
  {
    g_autoptr(CwbAtomicFile) file = cwb_atomic_file_begin (path, &error);

    g_assert_no_error (error);
    g_assert_no_errno (g_unlink (cwb_atomic_file_get_temp_path (file)));
    g_assert_false (cwb_atomic_file_commit (file, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error (&error);
  }
  {
    g_autoptr(CwbAtomicFile) file = cwb_atomic_file_begin (path, &error);

    g_assert_no_error (error);
    g_assert_no_errno (g_unlink (cwb_atomic_file_get_temp_path (file)));
    g_assert_no_errno (g_mkdir (cwb_atomic_file_get_temp_path (file), 0755));
    g_assert_false (cwb_atomic_file_commit (file, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    g_clear_error (&error);
    /* what is not a file is left to its owner */
    g_assert_cmpuint (count_files (f->dir), ==, 2);
  }
  assert_file (path, "new", OLD_MODE);
}

/* a writer that succeeds replaces the old file whole and keeps its mode */
static void
test_writer_keeps_mode (Fixture       *f,
                        gconstpointer  data)
{
  const Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = old_content ();
  g_autofree char *content = NULL;
  gsize length = 0;
  struct stat st;

  open_store (f);
  path = make_old_file (f, writer->file_name);
  g_assert_true (writer->write (f, path, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &content, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_true (length != strlen (expected) || memcmp (content, expected, length) != 0);
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, OLD_MODE);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static const struct {
  const char *name;
  const char *file_name;
  WriteFunc   write;
} writers[] = {
  { "helper", "out.bin", write_helper },
  { "consortium", "out.consortium.json", write_consortium },
  { "agreement-pdf", "agreement.pdf", write_pdf },
  { "agreement-docx", "agreement.docx", write_docx },
  { "signature-matrix", "signatures.xlsx", write_matrix },
  { "experts-csv", "experts.csv", write_experts },
  { "experts-xlsx", "experts.xlsx", write_experts },
  { "reviewers", "reviewers.xlsx", write_reviewers },
};

int
main (int    argc,
      char **argv)
{
  static Writer cases[G_N_ELEMENTS (writers)][2];
  /* (RLIMIT_FSIZE would stop the command's database before its output) */
  static const Writer cli = { "out.json", NULL, BREAK_DISK_FULL };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* as root, the tmpfs mounts stay in a mount namespace of our own: they
   * go with the process even if a test crashes */
  if (geteuid () == 0 && unshare (CLONE_NEWNS) == 0)
    mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/safe-write/helper/create-and-replace", NULL, test_create_and_replace);
  ADD ("/safe-write/helper/cannot-rename", NULL, test_cannot_rename);
  ADD ("/safe-write/helper/read-only-folder", NULL, test_read_only_folder);
  ADD ("/safe-write/helper/begin-commit", NULL, test_begin_commit);
  ADD ("/safe-write/cli-export/disk-full", &cli, test_cli_export);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *full = g_strdup_printf ("/safe-write/%s/disk-full", writers[i].name);
      g_autofree char *limit = g_strdup_printf ("/safe-write/%s/size-limit", writers[i].name);
      g_autofree char *mode = g_strdup_printf ("/safe-write/%s/keeps-mode", writers[i].name);

      cases[i][0] = (Writer) { writers[i].file_name, writers[i].write, BREAK_DISK_FULL };
      cases[i][1] = (Writer) { writers[i].file_name, writers[i].write, BREAK_SIZE_LIMIT };
      ADD (full, &cases[i][0], test_writer_fails);
      ADD (limit, &cases[i][1], test_writer_fails);
      ADD (mode, &cases[i][0], test_writer_keeps_mode);
    }
#undef ADD

  return g_test_run ();
}
