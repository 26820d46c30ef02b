/*
** main.c — the policytk command: find the tool's scripts, start the Lua host, run a verb.
**   policytk VERB [args]      policytk --version      policytk --help
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policytk.h"

static char *self_exe(const char *argv0) {
  char *p = realpath("/proc/self/exe", NULL);
  if (p == NULL && argv0 != NULL) p = realpath(argv0, NULL);
  return p;
}

int main(int argc, char **argv) {
  char *exe = self_exe(argc > 0 ? argv[0] : NULL);
  char *root = ptk_find_root(exe);
  if (root == NULL) {
    fprintf(stderr, "policytk: cannot find the tool's scripts/cli folder next to %s; "
                    "set POLICYTK_HOME to the folder that holds scripts/ and plugins/\n",
            exe ? exe : "the executable");
    free(exe);
    return PTK_EXIT_FAIL;
  }
  if (exe != NULL) setenv("POLICYTK_EXE", exe, 1);
  char *libdir = ptk_find_libdir(exe);
  free(exe);

  lua_State *L = ptk_newstate();
  if (L == NULL) {
    fprintf(stderr, "policytk: out of memory\n");
    free(root);
    free(libdir);
    return PTK_EXIT_FAIL;
  }
  if (ptk_host_init(L, root) != 0 || (libdir != NULL && ptk_host_add_libdir(L, libdir) != 0)) {
    fprintf(stderr, "policytk: cannot start Lua: %s\n", lua_tostring(L, -1));
    ptk_closestate(L);
    free(root);
    free(libdir);
    return PTK_EXIT_FAIL;
  }
  free(libdir);

  static char verb_help[] = "help", verb_version[] = "version";
  char *default_argv[] = { verb_help };
  char **args = argv + 1;
  int nargs = argc - 1;
  if (nargs < 1) {
    args = default_argv;
    nargs = 1;
  } else if (strcmp(args[0], "--version") == 0 || strcmp(args[0], "-V") == 0) {
    args[0] = verb_version;
  } else if (strcmp(args[0], "--help") == 0 || strcmp(args[0], "-h") == 0) {
    args[0] = verb_help;
  }
  int rc = ptk_run_verb(L, root, nargs, args);
  ptk_closestate(L);
  free(root);
  return rc;
}
