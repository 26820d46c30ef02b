/*
** test_core.c — cmocka tests of the host: the counting allocator and its limit, the
** instruction and memory budgets of ptk_limited_pcall (including code that catches the
** stop), the module registry, the host's search paths, and the pure helpers.
**
** Its other half: tests/lua/host/test_host.lua (the host, verbs and limited_call from Lua).
** These tests call the pure C functions (the allocator, ptk_limited_pcall, the UTF-8 check
** against the decoder) directly.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"
#include "harness.h"

static lua_State *new_host(void) { return ptk_test_state(); }

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

/* The wall-clock budget stops a loop, and an inner call inherits the outer deadline. */
static void test_time_limit_stops_loop(void **state) {
  (void)state;
  lua_State *L = new_host();
  assert_int_equal(luaL_loadstring(L, "while true do end"), LUA_OK);
  ptk_limits lim = { 0, 0 };
  int stop = 0;
  assert_int_equal(ptk_limited_pcall_timed(L, 0, &lim, 0.2, "timed", &stop), LUA_ERRRUN);
  assert_int_equal(stop, 't');
  assert_string_equal(lua_tostring(L, -1), "timed: time limit of 0.2 seconds exceeded");
  lua_pop(L, 1);
  assert_int_equal(luaL_loadstring(L,
    "local ok, e, stopped = require('policytk.core').limited_call({ seconds = 100 }, function() while true do end end)\n"
    "return stopped"), LUA_OK);
  assert_int_equal(ptk_limited_pcall_timed(L, 0, &lim, 0.2, "outer", &stop), LUA_ERRRUN);
  assert_int_equal(stop, 't');
  lua_pop(L, 1);
  ptk_closestate(L);
}

/* A backtracking pattern through the budgeted matcher is one C call, stopped by its steps;
** outside a limited call the matcher charges nothing and matches as lstrlib does. */
static void test_pattern_steps_are_charged(void **state) {
  (void)state;
  lua_State *L = new_host();
  lua_getglobal(L, "string");
  ptk_bound_patterns(L, -1);
  lua_pop(L, 1);
  assert_int_equal(luaL_dostring(L, "return ('a'):rep(30):find(('a-'):rep(3) .. 'b')"), LUA_OK);
  assert_true(lua_isnil(L, -1));
  lua_pop(L, 1);
  int stop = 0;
  assert_int_equal(luaL_loadstring(L, "return string.find(('a'):rep(60), ('a-'):rep(12) .. 'b')"), LUA_OK);
  ptk_limits lim = { 1000000, 0 };
  assert_int_equal(ptk_limited_pcall_timed(L, 0, &lim, 0, "pat", &stop), LUA_ERRRUN);
  assert_int_equal(stop, 'i');
  assert_string_equal(lua_tostring(L, -1), "pat: instruction limit of 1000000 exceeded");
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
  /* an unlimited call inside a limited one runs out of the outer budget; the outer call,
     its budget spent, stops at its next instruction (the inner's results are never seen) */
  assert_int_equal(luaL_dostring(L, "function spin() while true do end end"), LUA_OK);
  assert_int_equal(luaL_loadstring(L,
    "local ok, e, stopped = require('policytk.core').limited_call({ label = 'inner' }, spin)\n"
    "SEEN = true\n"
    "return e, stopped"), LUA_OK);
  ptk_limits outer = { 100000, 0 };
  assert_int_equal(ptk_limited_pcall(L, 0, &outer, "outer", &stop), LUA_ERRRUN);
  assert_int_equal(stop, 'i');
  assert_string_equal(lua_tostring(L, -1), "outer: instruction limit of 100000 exceeded");
  lua_pop(L, 1);
  assert_int_equal(lua_getglobal(L, "SEEN"), LUA_TNIL);
  lua_pop(L, 1);
  /* an inner budget smaller than what is left names its own limit */
  assert_int_equal(luaL_loadstring(L,
    "local ok, e, stopped = require('policytk.core').limited_call({ label = 'inner', instructions = 5000 }, spin)\n"
    "return e, stopped"), LUA_OK);
  assert_int_equal(ptk_limited_pcall(L, 0, &outer, "outer", &stop), LUA_OK);
  assert_string_equal(lua_tostring(L, -2), "inner: instruction limit of 5000 exceeded");
  assert_string_equal(lua_tostring(L, -1), "instructions");
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
  assert_int_equal(luaL_dostring(L, "return require('policytk.plugins.schema').is_iso_date('2024-02-29')"), LUA_OK);
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
  assert_int_equal(ptk_utf8_width("abc", 3), 3);
  assert_int_equal(ptk_utf8_width("温州市", strlen("温州市")), 6);
  assert_int_equal(ptk_utf8_width("（一）", strlen("（一）")), 6);
  assert_int_equal(ptk_utf8_width("\xff" "a", 2), 2);   /* an invalid byte counts 1 */
  assert_int_equal(ptk_utf8_width("", 0), 0);
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

/* The decoder's answer (ptk_utf8_next over the whole buffer): the reference for the checks. */
static int decoder_ok(const char *s, size_t n) {
  uint32_t cp;
  for (size_t i = 0; i < n;) {
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len == 0) return 0;
    i += len;
  }
  return 1;
}

/* Assert that ptk_utf8_valid, each version of the check this CPU runs (a byte at a time,
** SSSE3's 16 bytes a block, AVX2's 32) and ptk_utf8_check answer `want` for the n bytes at s. */
static void agree(const char *s, size_t n, int want) {
  assert_int_equal(ptk_utf8_valid(s, n), want);
  for (int width = 1; width <= 32; width *= 2) {
    int got = ptk_utf8_valid_width(s, n, width);
    if (got >= 0) assert_int_equal(got, want);
  }
  assert_int_equal(ptk_utf8_check(s, n) == n, want);
}

/* ptk_utf8_valid accepts exactly what the core's decoder (ptk_utf8_next) accepts: every
** sequence of up to three bytes, four-byte sequences around the U+10FFFF and overlong edges,
** each alone and after ASCII runs that the eight-byte fast path skips. */
static void test_utf8_valid(void **s) {
  (void)s;
  unsigned char buf[32];
  const size_t pre[] = { 0, 1, 9, 17 };
  for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
    memset(buf, 'a', pre[k]);
    unsigned char *t = buf + pre[k];
    for (unsigned a = 0; a < 256; a++) {
      t[0] = (unsigned char)a;
      agree((char *)buf, pre[k] + 1, decoder_ok((char *)buf, pre[k] + 1));
      for (unsigned b = 0; b < 256; b++) {
        t[1] = (unsigned char)b;
        size_t n = pre[k] + 2;
        agree((char *)buf, n, decoder_ok((char *)buf, n));
        if (a < 0xE0 || k > 1) continue;      /* three bytes: all leads of 3 and 4, two prefixes */
        for (unsigned c = 0; c < 256; c += (a >= 0xF0 ? 1 : 3)) {
          t[2] = (unsigned char)c;
          n = pre[k] + 3;
          agree((char *)buf, n, decoder_ok((char *)buf, n));
          if (a < 0xF0 || (c & 0xC0) != 0x80) continue;
          const unsigned last[] = { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF };
          for (size_t d = 0; d < sizeof last / sizeof last[0]; d++) {
            t[3] = (unsigned char)last[d];
            n = pre[k] + 4;
            agree((char *)buf, n, decoder_ok((char *)buf, n));
          }
        }
      }
    }
  }
  const char *ok = "<p>　　为支持小微企业，现就有关事项通知如下。</p>\xF0\x9F\x98\x80 end";
  agree(ok, strlen(ok), 1);
  agree("", 0, 1);
  agree("abcdefgh\xE4\xB8", 10, 0);          /* cut in the middle */
  agree("abcdefghijklmnop\xFF", 17, 0);
  agree("\xED\xA0\x80", 3, 0);                /* a surrogate */
  agree("\xC0\xAF", 2, 0);                    /* overlong */
}

/* The vector checks (16 and 32 bytes a block) agree with the core's decoder where a sequence
** straddles a block boundary (16, 32, 48 or 64), after ASCII blocks and after non-ASCII ones,
** cut short or whole; and on mutated Chinese text of many lengths. */
static void test_utf8_valid_blocks(void **s) {
  (void)s;
  static const char *seqs[] = { "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\xE0\x80\x80",
                                "\xF4\x90\x80\x80", "\x80", "\xC3", "\xE4\xB8", "\xF0\x9F\x98" };
  unsigned char buf[128];
  for (size_t q = 0; q < sizeof seqs / sizeof seqs[0]; q++) {
    size_t m = strlen(seqs[q]);
    for (int fill = 0; fill < 2; fill++)          /* ASCII before, or 中 (3 bytes) repeated */
      for (size_t at = 0; at + m <= 72; at++)
        for (size_t after = 0; after < 20; after += 3) {
          size_t n = 0;
          while (n < at) {
            if (fill && at - n >= 3) { memcpy(buf + n, "\xE4\xB8\xAD", 3); n += 3; }
            else buf[n++] = 'a';
          }
          memcpy(buf + n, seqs[q], m);
          n += m;
          memset(buf + n, 'z', after);
          n += after;
          agree((char *)buf, n, decoder_ok((char *)buf, n));
        }
  }
  const char *zh = "<p>为支持小微企业，现就有关事项通知如下。一、到2025年，新增市场主体1.2万户。</p>";
  size_t zn = strlen(zh);
  unsigned seed = 7;
  for (int it = 0; it < 20000; it++) {
    size_t n = (size_t)it % (zn + 1);
    memcpy(buf, zh, n);
    seed = seed * 1103515245u + 12345u;
    if (n > 0 && (seed >> 16) % 3 != 0) buf[(seed >> 8) % n] = (unsigned char)(seed >> 20);
    agree((char *)buf, n, decoder_ok((char *)buf, n));
  }
}

/* ptk_find_root(exe) returns the real path of the root found from exe, or asserts NULL. */
static void assert_root(const char *exe, const char *want) {
  char *root = ptk_find_root(exe);
  if (want == NULL) {
    assert_null(root);
    return;
  }
  assert_non_null(root);
  assert_string_equal(root, want);
  free(root);
}

/* Make the folders `dirs` (in order) under prefix. */
static void make_dirs(const char *prefix, const char *const *dirs, size_t n) {
  char path[4096];
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s%s", prefix, dirs[i]);
    assert_int_equal(mkdir(path, 0755), 0);
  }
}

/* Remove them again (deepest first) and prefix itself. */
static void remove_dirs(const char *prefix, const char *const *dirs, size_t n) {
  char path[4096];
  for (size_t i = n; i-- > 0;) {
    snprintf(path, sizeof path, "%s%s", prefix, dirs[i]);
    rmdir(path);
  }
  rmdir(prefix);
}

static void test_find_root(void **state) {
  (void)state;
  char *home = strdup(getenv("POLICYTK_HOME"));
  char *real_home = realpath(home, NULL);
  assert_root("/nonexistent/bin/policytk", real_home);      /* POLICYTK_HOME wins */
  unsetenv("POLICYTK_HOME");
  assert_root("/nonexistent/bin/policytk", NULL);
  assert_root("policytk", NULL);                             /* no folder at all */
  char exe[4096], path[4096];
  /* a source tree: ROOT/build/policytk, and make asan's ROOT/build/asan/policytk */
  char tree[] = "/tmp/ptk-tree-XXXXXX";
  assert_non_null(mkdtemp(tree));
  const char *const tdirs[] = { "/scripts", "/scripts/cli", "/build", "/build/asan" };
  make_dirs(tree, tdirs, 4);
  char *want = realpath(tree, NULL);
  snprintf(exe, sizeof exe, "%s/build/policytk", tree);
  assert_root(exe, want);
  snprintf(exe, sizeof exe, "%s/build/asan/policytk", tree);
  assert_root(exe, want);
  free(want);
  remove_dirs(tree, tdirs, 4);
  /* an installed tree: PREFIX/bin/policytk and PREFIX/share/policytk/scripts/cli */
  char prefix[] = "/tmp/ptk-root-XXXXXX";
  assert_non_null(mkdtemp(prefix));
  const char *const idirs[] = { "/bin", "/share", "/share/policytk", "/share/policytk/scripts",
                                "/share/policytk/scripts/cli" };
  make_dirs(prefix, idirs, 5);
  snprintf(exe, sizeof exe, "%s/bin/policytk", prefix);
  snprintf(path, sizeof path, "%s/share/policytk", prefix);
  want = realpath(path, NULL);
  assert_root(exe, want);
  free(want);
  remove_dirs(prefix, idirs, 5);
  setenv("POLICYTK_HOME", home, 1);
  free(real_home);
  free(home);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_allocator_counts_and_limits),
    cmocka_unit_test(test_instruction_limit_stops_loop),
    cmocka_unit_test(test_instruction_limit_survives_pcall),
    cmocka_unit_test(test_time_limit_stops_loop),
    cmocka_unit_test(test_pattern_steps_are_charged),
    cmocka_unit_test(test_memory_limit_stops_bomb),
    cmocka_unit_test(test_memory_limit_caught_by_pcall),
    cmocka_unit_test(test_limited_call_returns_results),
    cmocka_unit_test(test_stopped_and_nested_budgets),
    cmocka_unit_test(test_registry_modules_require),
    cmocka_unit_test(test_iso_dates),
    cmocka_unit_test(test_display_width),
    cmocka_unit_test(test_utf8_check),
    cmocka_unit_test(test_valid_verb),
    cmocka_unit_test(test_utf8_valid),
    cmocka_unit_test(test_utf8_valid_blocks),
    cmocka_unit_test(test_find_root),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
