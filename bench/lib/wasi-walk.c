// A floor for the benchmark, not part of claude-reindex: the walk of stat-walk.c (a readdir of projects/
// and of each project directory, and an lstat of each `*.jsonl`) in WebAssembly, through Node's WASI
// (node:wasi, experimental in Node 20): the one way below Node's own lstat calls that needs no compiler
// where claude-reindex is installed, as the line walk's WebAssembly needs none. bench/lib/stat-walk.mjs
// compiles it with clang and lld when the machine has them. No libc: the WASI calls are imported by hand.
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define WASI(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))
WASI("fd_readdir") u32 fd_readdir(u32 fd, u8 *buffer, u32 length, u64 cookie, u32 *used);
WASI("path_open")
u32 path_open(u32 fd, u32 lookup, const u8 *path, u32 length, u32 open_flags, u64 rights, u64 inherited, u32 flags,
              u32 *opened);
WASI("path_filestat_get") u32 path_filestat_get(u32 fd, u32 lookup, const u8 *path, u32 length, u8 *stat);
WASI("fd_close") u32 fd_close(u32 fd);

enum { DIRENT_SIZE = 24, FILETYPE_DIRECTORY = 3, OPEN_DIRECTORY = 2 };
// path_open, fd_readdir, path_filestat_get: what a project directory's descriptor is used for.
static const u64 DIR_RIGHTS = (1ULL << 13) | (1ULL << 14) | (1ULL << 18);

static u8 projects[1 << 20];
static u8 files[1 << 20];
static u8 stat[64];

static int is_transcript(const u8 *name, u32 length) {
  static const char suffix[] = ".jsonl";
  if (length <= 6) return 0;
  for (u32 i = 0; i < 6; i++)
    if (name[length - 6 + i] != (u8)suffix[i]) return 0;
  return 1;
}

static int is_dot_or_dotdot(const u8 *name, u32 length) {
  return name[0] == '.' && (length == 1 || (length == 2 && name[1] == '.'));
}

static u64 cookie_of(const u8 *entry) {
  u64 cookie = 0;
  for (int i = 7; i >= 0; i--) cookie = (cookie << 8) | entry[i];
  return cookie;
}

static u32 name_length_of(const u8 *entry) {
  return entry[16] | (entry[17] << 8) | (entry[18] << 16) | ((u32)entry[19] << 24);
}

// How many transcripts of the directory `fd` were statted.
static u32 stat_transcripts(u32 fd) {
  u32 count = 0;
  for (u64 cookie = 0;;) {
    u32 used;
    if (fd_readdir(fd, files, sizeof files, cookie, &used) != 0) return count;
    u32 at = 0;
    while (at + DIRENT_SIZE <= used) {
      u32 length = name_length_of(files + at);
      if (at + DIRENT_SIZE + length > used) break; // cut off: read again from this entry
      const u8 *name = files + at + DIRENT_SIZE;
      if (is_transcript(name, length) && path_filestat_get(fd, 0, name, length, stat) == 0) count++;
      cookie = cookie_of(files + at);
      at += DIRENT_SIZE + length;
    }
    if (used < sizeof files) return count;
  }
}

// walk(): how many transcripts under the first preopened directory (fd 3) were statted, or -1.
__attribute__((export_name("walk"))) int walk(void) {
  int count = 0;
  for (u64 cookie = 0;;) {
    u32 used;
    if (fd_readdir(3, projects, sizeof projects, cookie, &used) != 0) return -1;
    u32 at = 0;
    while (at + DIRENT_SIZE <= used) {
      u32 length = name_length_of(projects + at);
      if (at + DIRENT_SIZE + length > used) break;
      const u8 *name = projects + at + DIRENT_SIZE;
      u32 dir;
      if (projects[at + 20] == FILETYPE_DIRECTORY && !is_dot_or_dotdot(name, length) &&
          path_open(3, 0, name, length, OPEN_DIRECTORY, DIR_RIGHTS, DIR_RIGHTS, 0, &dir) == 0) {
        count += stat_transcripts(dir);
        fd_close(dir);
      }
      cookie = cookie_of(projects + at);
      at += DIRENT_SIZE + length;
    }
    if (used < sizeof projects) return count;
  }
}
