/*
** lua_fs.c — the policytk.fs Lua module: the few file-system calls Lua lacks.
**   fs.list(dir)      -> sorted array of entry names (no . and ..) | nil, err
**   fs.stat(path)     -> { type = "file"|"dir"|"other", size =, mtime = } | nil, err
**   fs.realpath(path) -> absolute path | nil, err
**   fs.mkdirs(path)   -> true | nil, err   (mkdir -p, mode 0755)
**   fs.remove(path)   -> true | nil, err
**   fs.rename(a, b)   -> true | nil, err   (atomic within a file system)
*/
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "policytk.h"

static int fail(lua_State *L, const char *what, const char *path) {
  int e = errno;
  lua_pushnil(L);
  lua_pushfstring(L, "%s: %s: %s", what, path, strerror(e));
  return 2;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An open directory boxed in a userdata, so an error while listing still closes it. */
static int dir_gc(lua_State *L) {
  DIR **box = luaL_checkudata(L, 1, "policytk.fs.dir");
  if (*box != NULL) {
    closedir(*box);
    *box = NULL;
  }
  return 0;
}

static int fs_list(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DIR **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  if (luaL_newmetatable(L, "policytk.fs.dir")) {
    lua_pushcfunction(L, dir_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, dir_gc);
    lua_setfield(L, -2, "__close");
  }
  lua_setmetatable(L, -2);
  *box = opendir(path);
  if (*box == NULL) return fail(L, "cannot list", path);
  lua_newtable(L);
  lua_Integer n = 0;
  struct dirent *e;
  while ((e = readdir(*box)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -2, ++n);
  }
  closedir(*box);
  *box = NULL;
  /* sort the names: pointers into the strings the table keeps alive */
  const char **names = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *names, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, -2, i);
    names[i - 1] = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  qsort(names, (size_t)n, sizeof *names, cmp_names);
  lua_newtable(L);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_pushstring(L, names[i - 1]);
    lua_rawseti(L, -2, i);
  }
  return 1;
}

static int fs_stat(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  struct stat st;
  if (stat(path, &st) != 0) return fail(L, "cannot stat", path);
  lua_createtable(L, 0, 3);
  lua_pushstring(L, S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir" : "other");
  lua_setfield(L, -2, "type");
  lua_pushinteger(L, (lua_Integer)st.st_size);
  lua_setfield(L, -2, "size");
  lua_pushinteger(L, (lua_Integer)st.st_mtime);
  lua_setfield(L, -2, "mtime");
  return 1;
}

static int fs_realpath(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  char *r = realpath(path, NULL);
  if (r == NULL) return fail(L, "cannot resolve", path);
  lua_pushstring(L, r);
  free(r);
  return 1;
}

static int fs_mkdirs(lua_State *L) {
  size_t n;
  const char *path = luaL_checklstring(L, 1, &n);
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, n + 1);
  memcpy(p, path, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (p[i] == '/' || p[i] == '\0') {
      char c = p[i];
      p[i] = '\0';
      if (mkdir(p, 0755) != 0 && errno != EEXIST) return fail(L, "cannot create directory", p);
      p[i] = c;
    }
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int fs_remove(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  if (remove(path) != 0) return fail(L, "cannot remove", path);
  lua_pushboolean(L, 1);
  return 1;
}

static int fs_rename(lua_State *L) {
  const char *from = luaL_checkstring(L, 1);
  const char *to = luaL_checkstring(L, 2);
  if (rename(from, to) != 0) return fail(L, "cannot rename", from);
  lua_pushboolean(L, 1);
  return 1;
}

static const luaL_Reg fs_funcs[] = {
  { "list", fs_list },       { "stat", fs_stat },     { "realpath", fs_realpath },
  { "mkdirs", fs_mkdirs },   { "remove", fs_remove }, { "rename", fs_rename },
  { NULL, NULL },
};

int luaopen_policytk_fs(lua_State *L) {
  luaL_newlib(L, fs_funcs);
  return 1;
}
