/*
** harness.h — what the cmocka tests in tests/c share: a host lua_State made from
** $POLICYTK_HOME (make test-c sets it), a C module opened as require would open it, running a
** Lua snippet (a Lua error fails the test and shows the snippet), and a fixture: a state with
** a temporary folder (global DIR) and the Lua helpers path(name), eq(a, b [, what]) (equal
** and of the same math.type) and fails(fn, text) (raises an error containing text).
** Include it after cmocka.h.
*/
#ifndef PTK_TEST_HARNESS_H
#define PTK_TEST_HARNESS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"

/* A new host state: standard libraries, module registry, package paths of the root. */
static inline lua_State *ptk_test_state(void) {
  lua_State *L = ptk_newstate();
  assert_non_null(L);
  const char *root = getenv("POLICYTK_HOME");
  if (root == NULL || *root == '\0') fail_msg("POLICYTK_HOME is not set (make test-c sets it)");
  if (ptk_host_init(L, root) != 0) fail_msg("ptk_host_init: %s", lua_tostring(L, -1));
  return L;
}

/* Open a module linked into the test as require would, and name it `global` (or not). */
static inline void ptk_test_open(lua_State *L, const char *name, lua_CFunction open, const char *global) {
  luaL_requiref(L, name, open, 0);
  if (global != NULL) lua_setglobal(L, global);
  else lua_pop(L, 1);
}

/* Run a Lua snippet; a Lua error fails the test with the snippet. */
static inline void ptk_test_run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) {
    const char *err = lua_tostring(L, -1);
    fail_msg("Lua error: %s\n--- in:\n%s", err ? err : "(not a string)", code);
  }
  lua_settop(L, 0);
}

#define PTK_TEST_LUA_HELPERS \
  "function path(name) return DIR .. '/' .. name end\n" \
  "function eq(a, b, what)\n" \
  "  if a ~= b or math.type(a) ~= math.type(b) then\n" \
  "    error(string.format('%s: expected %s (%s), got %s (%s)', what or 'value', tostring(b),\n" \
  "      math.type(b) or type(b), tostring(a), math.type(a) or type(a)), 2)\n" \
  "  end\n" \
  "end\n" \
  "function fails(fn, text)\n" \
  "  local ok, err = pcall(fn)\n" \
  "  if ok then error('expected an error containing: ' .. text, 2) end\n" \
  "  if not tostring(err):find(text, 1, true) then\n" \
  "    error('expected an error containing: ' .. text .. '\\n     got: ' .. tostring(err), 2)\n" \
  "  end\n" \
  "  return err\n" \
  "end\n"

typedef struct ptk_fixture {
  lua_State *L;
  char dir[64];
} ptk_fixture;

/* A fixture: a host state, a fresh folder /tmp/policytk-test-NAME-XXXXXX as DIR, and the
** helpers. The caller opens its module, then runs PTK_TEST_LUA_HELPERS (ptk_fixture_ready). */
static inline ptk_fixture *ptk_fixture_new(const char *name) {
  ptk_fixture *f = calloc(1, sizeof *f);
  assert_non_null(f);
  snprintf(f->dir, sizeof f->dir, "/tmp/policytk-test-%s-XXXXXX", name);
  assert_non_null(mkdtemp(f->dir));
  f->L = ptk_test_state();
  lua_pushstring(f->L, f->dir);
  lua_setglobal(f->L, "DIR");
  return f;
}

/* Run the Lua helpers (after the test has opened its module and globals). */
static inline void ptk_fixture_ready(ptk_fixture *f, const char *more_lua) {
  ptk_test_run(f->L, PTK_TEST_LUA_HELPERS);
  if (more_lua != NULL) ptk_test_run(f->L, more_lua);
}

/* Close the state (and whatever a test left open) and remove the folder. */
static inline void ptk_fixture_free(ptk_fixture *f) {
  ptk_closestate(f->L);
  DIR *d = opendir(f->dir);
  if (d != NULL) {
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      size_t n = strlen(f->dir) + strlen(e->d_name) + 2;
      char *p = malloc(n);
      assert_non_null(p);
      snprintf(p, n, "%s/%s", f->dir, e->d_name);
      unlink(p);
      free(p);
    }
    closedir(d);
  }
  rmdir(f->dir);
  free(f);
}

/* The state of the fixture a cmocka test gets in `state`. */
#define L_ (((ptk_fixture *)*state)->L)

#endif
