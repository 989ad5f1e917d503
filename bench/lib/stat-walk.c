// A floor for the benchmark, not part of claude-reindex: what any check of every transcript must do
// (a readdir of projects/ and of each project directory, and an lstat of each `*.jsonl`), done in C
// from inside Node, where no JavaScript runs per file. bench/lib/stat-walk.mjs compiles it, as a
// Node-API addon, with the machine's C compiler when there is one; claude-reindex itself ships no
// native code (its install needs no compiler).
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <node_api.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dot_or_dotdot(const char *name) {
  return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

static int is_transcript(const char *name) {
  size_t length = strlen(name);
  return length > 6 && strcmp(name + length - 6, ".jsonl") == 0;
}

// walk(projectsDir): how many transcripts were statted, or -1 when projectsDir cannot be read.
static napi_value walk(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &argc, &arg, NULL, NULL);
  char root[4096];
  size_t root_length;
  napi_get_value_string_utf8(env, arg, root, sizeof root, &root_length);
  double count = -1;
  int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *projects = root_fd < 0 ? NULL : fdopendir(root_fd);
  if (projects != NULL) {
    count = 0;
    struct dirent *project;
    while ((project = readdir(projects)) != NULL) {
      if (is_dot_or_dotdot(project->d_name)) continue;
      int dir_fd = openat(root_fd, project->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      DIR *dir = dir_fd < 0 ? NULL : fdopendir(dir_fd);
      if (dir == NULL) continue;
      struct dirent *file;
      struct stat st;
      while ((file = readdir(dir)) != NULL)
        if (is_transcript(file->d_name) && fstatat(dir_fd, file->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) count++;
      closedir(dir);
    }
    closedir(projects);
  }
  napi_value result;
  napi_create_double(env, count, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "walk", NAPI_AUTO_LENGTH, walk, NULL, &fn);
  napi_set_named_property(env, exports, "walk", fn);
  return exports;
}
