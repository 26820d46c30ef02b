/*
** test_core.c — cmocka tests of the host: the counting allocator and its limit, the
** instruction and memory budgets of ptk_limited_pcall (including code that catches the
** stop), the module registry, the host's search paths, and the pure helpers.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"

static lua_State *new_host(void) {
  lua_State *L = ptk_newstate();
  assert_non_null(L);
  const char *root = getenv("POLICYTK_HOME");
  assert_non_null(root);
  assert_int_equal(ptk_host_init(L, root), 0);
  return L;
}

/* Compile `code` and run it under limits; returns the status and leaves the error/result. */
static int run_limited(lua_State *L, const char *code, long long instr, size_t mem) {
  assert_int_equal(luaL_loadstring(L, code), LUA_OK);
  ptk_limits lim = { instr, mem };
  return ptk_limited_pcall(L, 0, &lim, "test", NULL);
}

static void test_allocator_counts_and_limits(void **state) {
  (void)state;
  lua_State *L = ptk_newstate();
  assert_non_null(L);
  ptk_alloc *a = ptk_alloc_of(L);
  assert_non_null(a);
  size_t before = a->used;
  lua_newuserdatauv(L, 100000, 0);
  assert_true(a->used >= before + 100000);
  assert_true(a->peak >= a->used);
  lua_pop(L, 1);
  lua_gc(L, LUA_GCCOLLECT);
  assert_true(a->used < before + 100000);
  /* a limit below what is asked makes the allocation fail and trips the flag */
  a->limit = a->used + 1000;
  void *p = ptk_alloc_fn(a, NULL, 0, 5000);
  assert_null(p);
  assert_true(a->tripped);
  a->limit = 0;
  a->tripped = 0;
  ptk_closestate(L);
}

static void test_instruction_limit_stops_loop(void **state) {
  (void)state;
  lua_State *L = new_host();
  int st = run_limited(L, "while true do end", 100000, 0);
  assert_int_equal(st, LUA_ERRRUN);
  assert_string_equal(lua_tostring(L, -1), "test: instruction limit of 100000 exceeded");
  lua_pop(L, 1);
  ptk_closestate(L);
}

static void test_instruction_limit_survives_pcall(void **state) {
  (void)state;
  lua_State *L = new_host();
  int st = run_limited(L, "local n = 0 while true do pcall(function() while true do end end) n = n + 1 end",
                       200000, 0);
  assert_int_equal(st, LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "instruction limit"));
  lua_pop(L, 1);
  /* the hook is gone afterwards: ordinary code runs freely */
  assert_int_equal(luaL_dostring(L, "local s = 0 for i = 1, 1000000 do s = s + i end return s"), LUA_OK);
  assert_int_equal(lua_tointeger(L, -1), 500000500000LL);
  lua_pop(L, 1);
  ptk_closestate(L);
}

static void test_memory_limit_stops_bomb(void **state) {
  (void)state;
  lua_State *L = new_host();
  int st = run_limited(L, "local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep('x', 1000) .. i end",
                       0, 4u * 1024 * 1024);
  assert_int_equal(st, LUA_ERRRUN);
  assert_string_equal(lua_tostring(L, -1), "test: memory limit of 4194304 bytes exceeded");
  lua_pop(L, 1);
  ptk_alloc *a = ptk_alloc_of(L);
  assert_int_equal(a->limit, 0);
  assert_false(a->tripped);
  ptk_closestate(L);
}

static void test_memory_limit_caught_by_pcall(void **state) {
  (void)state;
  lua_State *L = new_host();
  /* the plugin catches the memory error and returns normally: still a stop */
  int st = run_limited(L, "return pcall(string.rep, 'x', 64 * 1024 * 1024)", 0, 1024 * 1024);
  assert_int_equal(st, LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "memory limit"));
  lua_pop(L, 1);
  ptk_closestate(L);
}

static void test_limited_call_returns_results(void **state) {
  (void)state;
  lua_State *L = new_host();
  int top = lua_gettop(L);
  int st = run_limited(L, "return 1, 'two', 3", 1000000, 1024 * 1024);
  assert_int_equal(st, LUA_OK);
  assert_int_equal(lua_gettop(L) - top, 3);
  assert_string_equal(lua_tostring(L, -2), "two");
  lua_settop(L, top);
  /* an ordinary error passes through unchanged */
  st = run_limited(L, "error('plain', 0)", 1000000, 0);
  assert_int_equal(st, LUA_ERRRUN);
  assert_string_equal(lua_tostring(L, -1), "plain");
  lua_settop(L, top);
  ptk_closestate(L);
}

static void test_stopped_and_nested_budgets(void **state) {
  (void)state;
  lua_State *L = new_host();
  int stop = -1;
  /* an error that only reads like a stop is not one */
  assert_int_equal(luaL_loadstring(L, "error('test: memory limit of 5 bytes exceeded', 0)"), LUA_OK);
  ptk_limits lim = { 1000000, 0 };
  assert_int_equal(ptk_limited_pcall(L, 0, &lim, "test", &stop), LUA_ERRRUN);
  assert_int_equal(stop, 0);
  lua_pop(L, 1);
  /* an unlimited call inside a limited one runs out of the outer budget, and names what
     was left of it (not 0) */
  assert_int_equal(luaL_dostring(L, "function spin() while true do end end"), LUA_OK);
  assert_int_equal(luaL_loadstring(L,
    "local ok, e, stopped = require('policytk.core').limited_call({ label = 'inner' }, spin)\n"
    "return e, stopped"), LUA_OK);
  ptk_limits outer = { 100000, 0 };
  ptk_limited_pcall(L, 0, &outer, "outer", &stop);
  assert_string_equal(lua_tostring(L, -1), "instructions");
  const char *msg = lua_tostring(L, -2);
  assert_non_null(msg);
  assert_int_equal(strncmp(msg, "inner: instruction limit of ", 28), 0);
  long long left = strtoll(msg + 28, NULL, 10);
  assert_true(left > 90000 && left <= 100000);
  lua_pop(L, 2);
  ptk_closestate(L);
}

static void test_registry_modules_require(void **state) {
  (void)state;
  lua_State *L = new_host();
  for (const ptk_module *m = ptk_modules; m->name != NULL; m++) {
    lua_getglobal(L, "require");
    lua_pushstring(L, m->name);
    assert_int_equal(lua_pcall(L, 1, 1, 0), LUA_OK);
    assert_true(lua_istable(L, -1));
    lua_pop(L, 1);
  }
  assert_int_equal(luaL_dostring(L, "return require('policytk.core').root"), LUA_OK);
  assert_string_equal(lua_tostring(L, -1), getenv("POLICYTK_HOME"));
  lua_pop(L, 1);
  /* scripts/ is on package.path, Debian's C modules on cpath */
  assert_int_equal(luaL_dostring(L, "return require('policytk.schema').is_iso_date('2024-02-29')"), LUA_OK);
  assert_true(lua_toboolean(L, -1));
  lua_pop(L, 1);
  assert_int_equal(luaL_dostring(L, "return require('cjson').encode({1,2})"), LUA_OK);
  assert_string_equal(lua_tostring(L, -1), "[1,2]");
  lua_pop(L, 1);
  ptk_closestate(L);
}

static void test_iso_dates(void **state) {
  (void)state;
  assert_true(ptk_is_iso_date("2025-12-31", 10));
  assert_true(ptk_is_iso_date("2024-02-29", 10));
  assert_false(ptk_is_iso_date("2023-02-29", 10));
  assert_false(ptk_is_iso_date("1900-02-29", 10));
  assert_true(ptk_is_iso_date("2000-02-29", 10));
  assert_false(ptk_is_iso_date("2025-13-01", 10));
  assert_false(ptk_is_iso_date("2025-00-10", 10));
  assert_false(ptk_is_iso_date("2025-1-1", 8));
  assert_false(ptk_is_iso_date("2025/12/31", 10));
  assert_false(ptk_is_iso_date("2025-12-3x", 10));
  assert_false(ptk_is_iso_date(NULL, 0));
}

static void test_display_width(void **state) {
  (void)state;
  assert_int_equal(ptk_display_width("abc", 3), 3);
  assert_int_equal(ptk_display_width("温州市", strlen("温州市")), 6);
  assert_int_equal(ptk_display_width("（一）", strlen("（一）")), 6);
  assert_int_equal(ptk_display_width("\xff" "a", 2), 2);   /* an invalid byte counts 1 */
  assert_int_equal(ptk_display_width("", 0), 0);
}

static void test_utf8_check(void **state) {
  (void)state;
  const char *good = "温州 ok";
  assert_int_equal(ptk_utf8_check(good, strlen(good)), strlen(good));
  assert_int_equal(ptk_utf8_check("ab\xc3(", 4), 2);         /* bad continuation */
  assert_int_equal(ptk_utf8_check("\xe4\xb8", 2), 0);         /* truncated */
  assert_int_equal(ptk_utf8_check("\xc0\x80", 2), 0);         /* overlong */
  assert_int_equal(ptk_utf8_check("x\xed\xa0\x80", 4), 1);    /* surrogate */
}

static void test_valid_verb(void **state) {
  (void)state;
  assert_true(ptk_valid_verb("plugins"));
  assert_true(ptk_valid_verb("firms-import"));
  assert_false(ptk_valid_verb("../etc"));
  assert_false(ptk_valid_verb("Plugins"));
  assert_false(ptk_valid_verb(""));
  assert_false(ptk_valid_verb("-x"));
}

static void test_find_root(void **state) {
  (void)state;
  const char *home = getenv("POLICYTK_HOME");
  char *root = ptk_find_root("/nonexistent/bin/policytk");
  assert_non_null(root);                  /* POLICYTK_HOME wins */
  assert_string_equal(root, home);
  free(root);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_allocator_counts_and_limits),
    cmocka_unit_test(test_instruction_limit_stops_loop),
    cmocka_unit_test(test_instruction_limit_survives_pcall),
    cmocka_unit_test(test_memory_limit_stops_bomb),
    cmocka_unit_test(test_memory_limit_caught_by_pcall),
    cmocka_unit_test(test_limited_call_returns_results),
    cmocka_unit_test(test_stopped_and_nested_budgets),
    cmocka_unit_test(test_registry_modules_require),
    cmocka_unit_test(test_iso_dates),
    cmocka_unit_test(test_display_width),
    cmocka_unit_test(test_utf8_check),
    cmocka_unit_test(test_valid_verb),
    cmocka_unit_test(test_find_root),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
