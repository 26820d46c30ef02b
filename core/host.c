/*
** host.c — the Lua host: opens the libraries and the module registry, sets the search
** paths to the tool's scripts/ and plugins/, and runs one command-line verb.
**
** A verb is the Lua file ROOT/scripts/cli/VERB.lua; it returns a verb table that
** policytk.cli runs (argument parsing, --help, exit codes). An unknown verb is handed to
** policytk.cli.unknown, which suggests the nearest one.
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* malloc'd concatenation of up to three strings */
static char *concat3(const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
  char *s = malloc(la + lb + lc + 1);
  if (s == NULL) return NULL;
  memcpy(s, a, la);
  memcpy(s + la, b, lb);
  memcpy(s + la + lb, c, lc + 1);
  return s;
}

/* ROOT when ROOT/scripts/cli is a folder, else NULL; `base` is freed. */
static char *root_if_valid(char *base) {
  if (base == NULL) return NULL;
  char *cli = concat3(base, "/scripts/cli", "");
  int ok = cli != NULL && is_dir(cli);
  free(cli);
  if (!ok) {
    free(base);
    return NULL;
  }
  char *real = realpath(base, NULL);
  free(base);
  return real;
}

/* The folder of the executable (a new string), or NULL. */
static char *exe_dir(const char *exe_path) {
  if (exe_path == NULL) return NULL;
  const char *slash = strrchr(exe_path, '/');
  if (slash == NULL) return NULL;
  size_t n = (size_t)(slash - exe_path);
  char *dir = malloc(n + 1);
  if (dir == NULL) return NULL;
  memcpy(dir, exe_path, n);
  dir[n] = '\0';
  return dir;
}

char *ptk_find_root(const char *exe_path) {
  const char *home = getenv("POLICYTK_HOME");
  if (home != NULL && *home) return root_if_valid(concat3(home, "", ""));
  char *dir = exe_dir(exe_path);
  if (dir == NULL) return NULL;
  char *root = root_if_valid(concat3(dir, "/..", ""));           /* build tree */
  if (root == NULL) root = root_if_valid(concat3(dir, "/../..", ""));  /* build/asan */
  if (root == NULL) root = root_if_valid(concat3(dir, "/../share/policytk", ""));
  free(dir);
  return root;
}

int ptk_traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* package.path = ROOT/scripts/?.lua;ROOT/scripts/?/init.lua;ROOT/plugins/?.lua;<default> */
static void set_paths(lua_State *L, const char *root) {
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "path");
  lua_pushfstring(L, "%s/scripts/?.lua;%s/scripts/?/init.lua;%s/plugins/?.lua;%s",
                  root, root, root, lua_tostring(L, -1));
  lua_setfield(L, -3, "path");
  lua_pop(L, 1);
  /* cpath: Debian's liblua5.4 default already lists /usr/lib/<triplet>/lua/5.4/?.so */
  lua_pop(L, 1);
}

static int init_protected(lua_State *L) {
  const char *root = lua_touserdata(L, 1);
  luaL_openlibs(L);
  ptk_register_modules(L);
  set_paths(L, root);
  luaL_requiref(L, "policytk.core", luaopen_policytk_core, 0);
  lua_pushstring(L, root);
  lua_setfield(L, -2, "root");
  return 0;
}

char *ptk_find_libdir(const char *exe_path) {
  const char *env = getenv("POLICYTK_LIBDIR");
  if (env != NULL && *env) return realpath(env, NULL);
  char *dir = exe_dir(exe_path);
  if (dir == NULL) return NULL;
  static const char *const tries[] = { "/lib", "/../lib/policytk" };   /* build tree, installed */
  char *found = NULL;
  for (size_t i = 0; i < sizeof tries / sizeof *tries && found == NULL; i++) {
    char *cand = concat3(dir, tries[i], "/policytk");
    if (cand != NULL && is_dir(cand)) {
      cand[strlen(cand) - strlen("/policytk")] = '\0';
      found = realpath(cand, NULL);
    }
    free(cand);
  }
  free(dir);
  return found;
}

static int add_cpath_protected(lua_State *L) {
  const char *dir = lua_touserdata(L, 1);
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "cpath");
  lua_pushfstring(L, "%s/?.so;%s", dir, lua_tostring(L, -1));
  lua_setfield(L, -3, "cpath");
  lua_pop(L, 2);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "policytk.core");
  lua_call(L, 1, 1);
  lua_pushstring(L, dir);
  lua_setfield(L, -2, "libdir");
  return 0;
}

int ptk_host_add_libdir(lua_State *L, const char *libdir) {
  lua_pushcfunction(L, add_cpath_protected);
  lua_pushlightuserdata(L, (void *)libdir);
  return lua_pcall(L, 1, 0, 0) == LUA_OK ? 0 : -1;
}

int ptk_host_init(lua_State *L, const char *root) {
  lua_pushcfunction(L, init_protected);
  lua_pushlightuserdata(L, (void *)root);
  return lua_pcall(L, 1, 0, 0) == LUA_OK ? 0 : -1;
}

/* policytk.cli.FN(...) where the verb table or nil and the arguments are on the stack */
static int run_protected(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = lua_touserdata(L, 2);
  const char *path = lua_tostring(L, 3);     /* nil: unknown verb */
  lua_settop(L, 3);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "policytk.cli");
  lua_call(L, 1, 1);
  lua_getfield(L, -1, path ? "run" : "unknown");
  lua_pushstring(L, argv[0]);
  if (path) {
    if (luaL_loadfilex(L, path, "t") != LUA_OK) return lua_error(L);
    lua_call(L, 0, 1);                       /* the verb table */
  } else {
    lua_pushnil(L);
  }
  lua_createtable(L, argc - 1, 0);
  for (int i = 1; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i);
  }
  lua_call(L, 3, 1);
  return 1;
}

int ptk_run_verb(lua_State *L, const char *root, int argc, char **argv) {
  char *path = NULL;
  if (ptk_valid_verb(argv[0])) {
    path = concat3(root, "/scripts/cli/", argv[0]);
    char *file = path ? concat3(path, ".lua", "") : NULL;
    free(path);
    path = file;
    if (path != NULL && !is_file(path)) {
      free(path);
      path = NULL;
    }
  }
  lua_pushcfunction(L, ptk_traceback);
  int handler = lua_gettop(L);
  lua_pushcfunction(L, run_protected);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  if (path) lua_pushstring(L, path); else lua_pushnil(L);
  free(path);
  int rc;
  if (lua_pcall(L, 3, 1, handler) != LUA_OK) {
    fprintf(stderr, "policytk: %s\n", lua_tostring(L, -1));
    rc = PTK_EXIT_FAIL;
  } else {
    int ok = 0;
    lua_Integer v = lua_tointegerx(L, -1, &ok);
    rc = ok ? (int)v : PTK_EXIT_OK;
  }
  lua_settop(L, handler - 1);
  return rc;
}
