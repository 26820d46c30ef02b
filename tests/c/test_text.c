/*
** test_text.c — cmocka tests of policytk.text (core/lua_text.c, core/text_*.c): every Lua
** function of the module on small cases and bad inputs (empty strings, invalid UTF-8 in the
** middle, a 1 MB line with no break, brackets ten deep, binary data), including errors raised
** under a memory budget (nothing may leak: run it under AddressSanitizer), and the t2s
** shortcuts and phrase table against a whole OpenCC conversion.
**
** Each test gets a fresh host lua_State (tests/c/harness.h) with the module as the global
** `text` and drives it with Lua snippets, using the harness's eq(a, b) and fails(fn, text).
** What text.h keeps from Lua (the t2s shortcuts and table, the verdict of is_traditional) is
** reached through the global table `C` of small C functions below. The pure C functions (the
** UTF-8 helpers, the pinyin matcher) are called directly.
**
** Its other half: tests/lua/extract/test_text.lua (the seed documents through text.normalize) and
** tests/lua/extract/test_dates.lua (text.dates against the Lua scanner it replaced).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"
#include "harness.h"
#include "text.h"

/* ------------------------------------------------------------------ C, for the snippets */

/* C.t2s(s) -> s converted by OpenCC as a whole (ptk_text_t2s) */
static int c_t2s(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ptk_text_t2s(L, s, n);
  return 1;
}

/* C.t2s_lines(s [, count]) -> ptk_text_t2s_lines(s) [, han, changed when count] */
static int c_t2s_lines(lua_State *L) {
  size_t n, han, changed;
  const char *s = luaL_checklstring(L, 1, &n);
  if (!lua_toboolean(L, 2)) {
    ptk_text_t2s_lines(L, s, n, NULL, NULL);
    return 1;
  }
  ptk_text_t2s_lines(L, s, n, &han, &changed);
  lua_pushinteger(L, (lua_Integer)han);
  lua_pushinteger(L, (lua_Integer)changed);
  return 3;
}

/* C.t2s_changes(s, t) -> han, changed (ptk_text_t2s_changes of s and its conversion t) */
static int c_t2s_changes(lua_State *L) {
  size_t n, tn, han, changed;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *t = luaL_checklstring(L, 2, &tn);
  ptk_text_t2s_changes(s, n, t, tn, &han, &changed);
  lua_pushinteger(L, (lua_Integer)han);
  lua_pushinteger(L, (lua_Integer)changed);
  return 2;
}

/* C.verdict(han, changed) -> ptk_text_traditional_verdict, as a boolean */
static int c_verdict(lua_State *L) {
  size_t han = (size_t)luaL_checkinteger(L, 1), changed = (size_t)luaL_checkinteger(L, 2);
  lua_pushboolean(L, ptk_text_traditional_verdict(han, changed));
  return 1;
}

/* C.t2s_maybe(s) -> ptk_text_t2s_maybe, as a boolean */
static int c_t2s_maybe(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_pushboolean(L, ptk_text_t2s_maybe(L, s, n));
  return 1;
}

/* C.t2s_table() -> ptk_text_t2s_table, as a boolean */
static int c_t2s_table(lua_State *L) {
  lua_pushboolean(L, ptk_text_t2s_table(L));
  return 1;
}

/* C.file_fnv(path) -> ok, size, fnv (ptk_file_fnv) */
static int c_file_fnv(lua_State *L) {
  size_t size = 0;
  uint64_t fnv = 0;
  int ok = ptk_file_fnv(luaL_checkstring(L, 1), &size, &fnv);
  lua_pushboolean(L, ok);
  lua_pushinteger(L, (lua_Integer)size);
  lua_pushinteger(L, (lua_Integer)fnv);
  return 3;
}

/* C.noise(n) -> n bytes of deterministic binary noise (xorshift32) */
static int c_noise(lua_State *L) {
  size_t n = (size_t)luaL_checkinteger(L, 1);
  luaL_Buffer b;
  char *s = luaL_buffinitsize(L, &b, n);
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    s[i] = (char)(x & 0xFF);
  }
  luaL_pushresultsize(&b, n);
  return 1;
}

static const luaL_Reg c_funcs[] = {
  { "t2s", c_t2s },
  { "t2s_lines", c_t2s_lines },
  { "t2s_changes", c_t2s_changes },
  { "verdict", c_verdict },
  { "t2s_maybe", c_t2s_maybe },
  { "t2s_table", c_t2s_table },
  { "file_fnv", c_file_fnv },
  { "noise", c_noise },
  { NULL, NULL },
};

/* The damaged lines of wenzhou_sme_friendly_city_2023.txt, byte for byte (they hold
** private-use characters), as the Lua globals LINE9 … LINE101. */
static const char *const LINES[][2] = {
  { "LINE9", " \x3f\xe3\x80\x82\xe3\x84\x92\xe5\x94\xac\xe2\x94\xb2\xe9\xbb\xa7w"
             "\xe8\xb3\xaa(zh\xc3\xac)\xe9\x87\x8f\xe6\x8f\x90" },
  { "LINE11", " \x3f\xe3\x80\x82\xc7\x98\xee\x91\xaa\xe2\x94\x97\xe7\x9b\x8d\xef\xb8"
              "\xbc@\xe8\x91\x97\xe5\xa2\x9e\xe5\xbc\xb7\xe3\x80\x82" },
  { "LINE15", " \x3f\xe3\x80\x82\xe3\x84\x8b\xe6\xa8\xa1\xe2\x94\x93\xee\xa1\x88\xe5"
              "\x8d\xa0\xee\x87\xa8\xe8\x93\x9b\x3fy\xc5\x8du)\xe5\x8c\x96" },
  { "LINE17", " \x3f\xe3\x80\x82\xe3\x84\x8e\xe6\xbe\xb9\xee\x9f\xb6\x3fqu\xc3\xa1n)"
              "\xe7\x9b\x8a" },
  { "LINE49", "\xe5\x8a\xa0\xe5\x85\xa5\x3fy\xc3\xban)f(xi\xc3\xa9)\xe4\xbd\x9c" },
  { "LINE101", " \x3f\xe3\x80\x82\xe3\x84\x88\xee\x90\x8c\xe2\x95\x85_\xe5\xb1\x95"
               "\xe7\x99\xbc(f\xc4\x81)" },
};

/* Lua helpers of these tests (after the harness's):
**   MB; rep(a, n): n bytes of a repeated; seed(name): a shared source text (plain failure
**   when missing: a test that reads one calls need_seeds() first); SEEDS: the four seed texts, the fourth traditional;
**   exact_verdict(s): is_traditional's verdict by converting the whole of s;
**   lines_same(s): C.t2s_lines(s) is exactly C.t2s(s);
**   table_same(s): the same, and the counts C.t2s_changes gives for them. */
static const char TEXT_LUA[] =
  "MB = 1024 * 1024\n"
  "function rep(a, n) return (a:rep(n // #a + 1)):sub(1, n) end\n"
  "function seed(name)\n"
  "  local dir = os.getenv('POLICYTK_SEEDS')\n"
  "  if dir == nil or dir == '' then dir = os.getenv('POLICYTK_HOME') .. '/../shared/seeds' end\n"
  "  local f = io.open(dir .. '/' .. name, 'rb')\n"
  "  if f == nil then error('seed text missing: ' .. dir .. '/' .. name, 2) end\n"
  "  local s = f:read('a')\n"
  "  f:close()\n"
  "  return s\n"
  "end\n"
  "SEEDS = { 'hangzhou_sme_growth_plan_2021_2023_draft.txt', 'taizhou_sme_growth_plan_2018_2020.txt',\n"
  "          'wenzhou_private_economy_tasks_2023.txt', 'wenzhou_sme_friendly_city_2023.txt' }\n"
  "function exact_verdict(s)\n"
  "  local t = C.t2s(s)\n"
  "  return C.verdict(C.t2s_changes(s, t))\n"
  "end\n"
  "function lines_same(s)\n"
  "  local a = C.t2s(s)\n"
  "  local b = C.t2s_lines(s)\n"
  "  eq(b, a, 't2s_lines')\n"
  "end\n"
  "function table_same(s)\n"
  "  local a = C.t2s(s)\n"
  "  local b, han, changed = C.t2s_lines(s, true)\n"
  "  if a ~= b then\n"
  "    local k = 1\n"
  "    while k <= #a and k <= #b and a:byte(k) == b:byte(k) do k = k + 1 end\n"
  "    error(('t2s table differs from OpenCC at byte %d of %d: %s | %s'):format(k - 1, #s,\n"
  "      a:sub(k, k + 39), b:sub(k, k + 39)), 2)\n"
  "  end\n"
  "  local h2, c2 = C.t2s_changes(s, a)\n"
  "  eq(han, h2, 'ideographs')\n"
  "  eq(changed, c2, 'changed')\n"
  "end\n";

/* A state with `text`, `C`, the LINE globals and the helpers. */
static ptk_fixture *text_fixture(void) {
  ptk_fixture *f = ptk_fixture_new("text");
  lua_State *L = f->L;
  /* a loadable module: linked into this test, opened as the host would on require */
  ptk_test_open(L, "policytk.text", luaopen_policytk_text, "text");
  luaL_newlib(L, c_funcs);
  lua_pushstring(L, ptk_t2s_phrase_keys);
  lua_setfield(L, -2, "phrase_keys");
  lua_createtable(L, PTK_T2S_FILES, 0);
  for (int k = 0; k < PTK_T2S_FILES; k++) {
    lua_pushstring(L, ptk_t2s_files[k].name);
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "t2s_files");
  lua_setglobal(L, "C");
  for (size_t i = 0; i < sizeof LINES / sizeof LINES[0]; i++) {
    lua_pushstring(L, LINES[i][1]);
    lua_setglobal(L, LINES[i][0]);
  }
  ptk_fixture_ready(f, TEXT_LUA);
  return f;
}

static int setup(void **state) {
  *state = text_fixture();
  return 0;
}

static int teardown(void **state) {
  ptk_fixture_free(*state);
  return 0;
}

static void run(lua_State *L, const char *code) { ptk_test_run(L, code); }

/* The four shared source texts (SEEDS above): a test that reads them is skipped when one is
** absent (a fresh clone has no ../shared/seeds), unless CI=true, where it runs and fails
** naming the missing text. main prints how many were skipped and how to run them. */
static const char *const SEED_FILES[] = {
  "hangzhou_sme_growth_plan_2021_2023_draft.txt", "taizhou_sme_growth_plan_2018_2020.txt",
  "wenzhou_private_economy_tasks_2023.txt", "wenzhou_sme_friendly_city_2023.txt",
};
static int seeds_skipped;

static void seeds_dir(char *dir, size_t size) {
  const char *env = getenv("POLICYTK_SEEDS");
  if (env != NULL && *env != '\0') snprintf(dir, size, "%s", env);
  else snprintf(dir, size, "%s/../shared/seeds", getenv("POLICYTK_HOME"));
}

static void need_seeds(void) {
  const char *ci = getenv("CI");
  if (ci != NULL && strcmp(ci, "true") == 0) return;
  char dir[2048], path[4096];
  seeds_dir(dir, sizeof dir);
  for (size_t k = 0; k < sizeof SEED_FILES / sizeof SEED_FILES[0]; k++) {
    snprintf(path, sizeof path, "%s/%s", dir, SEED_FILES[k]);
    if (access(path, R_OK) != 0) {
      seeds_skipped++;
      skip();
    }
  }
}

/* ------------------------------------------------------------------ pure C: UTF-8, pinyin */

static void test_u8_helpers(void **state) {
  (void)state;
  uint32_t cp;
  assert_int_equal(ptk_utf8_next("\xe4\xb8\xad", 3, &cp), 3);
  assert_int_equal(cp, 0x4E2D);
  assert_int_equal(ptk_utf8_next("\xe4\xb8", 2, &cp), 0);         /* truncated */
  assert_int_equal(ptk_utf8_next("\xc0\x80", 2, &cp), 0);         /* overlong */
  assert_int_equal(ptk_utf8_next("\xed\xa0\x80", 3, &cp), 0);     /* surrogate */
  assert_int_equal(ptk_utf8_next("", 0, &cp), 0);
  assert_int_equal(ptk_utf8_badlen("\xe4\xb8" "a", 3), 2);        /* a cut sequence is one */
  assert_int_equal(ptk_utf8_badlen("\xff\xfe", 2), 1);
  assert_int_equal(ptk_utf8_badlen("\xe0\x80\x80", 3), 1);        /* E0 needs A0..BF */
  char out[4];
  assert_int_equal(ptk_utf8_encode(0x20AC, out), 3);
  assert_memory_equal(out, "\xe2\x82\xac", 3);
  assert_int_equal(ptk_utf8_encode(0x20087, out), 4);
  assert_true(ptk_is_han(0x4E2D));
  assert_true(ptk_is_han(0x20087));
  assert_false(ptk_is_han(0x3002));
  assert_true(ptk_utf8_wide(0x4E2D));
  assert_false(ptk_utf8_wide('a'));
  int toned;
  assert_true(ptk_is_pinyin_letter(0x01D8, &toned) && toned);    /* ǘ */
  assert_true(ptk_is_pinyin_letter(0x00FC, &toned) && !toned);   /* ü */
  assert_false(ptk_is_pinyin_letter(0x4E00, &toned));
}

static void test_pinyin_matcher(void **state) {
  (void)state;
  size_t off, syl;
  assert_int_equal(ptk_pinyin_group("(q\xc5\xab)", 5, &off, &syl), 5);
  assert_int_equal(off, 1);
  assert_int_equal(syl, 3);
  assert_int_equal(ptk_pinyin_group("\xef\xbc\x88" "f\xc4\x81\xef\xbc\x89", 9, &off, &syl), 9);
  assert_int_equal(ptk_pinyin_group("(qu)", 4, &off, &syl), 0);              /* no tone */
  assert_int_equal(ptk_pinyin_group("(zhu\xc4\x81ngabc)", 13, &off, &syl), 0); /* 8 letters */
  assert_int_equal(ptk_pinyin_group("(2023)", 6, &off, &syl), 0);
  assert_int_equal(ptk_pinyin_group("()", 2, &off, &syl), 0);
  assert_int_equal(ptk_pinyin_group("(f\xc4\x81", 4, &off, &syl), 0);       /* unclosed */
  assert_int_equal(ptk_pinyin_body("qu\xc3\xa1n)", 6, &syl), 6);
}

/* ------------------------------------------------------------------ utf8_check, width */

/* Both are policytk.core's (core/utf8.c); policytk.text has neither. */
static void test_utf8_check(void **state) {
  run(L_, "eq(text.utf8_check, nil, 'the host has the one utf8_check')\n"
          "eq(require('policytk.core').utf8_check(''), nil)\n"
          "eq(require('policytk.core').utf8_check('\\xe4\\xb8\\xad\\xe6\\x96\\x87'), nil)\n"
          "eq(require('policytk.core').utf8_check('ab\\xe4\\xb8\\xad\\xff\\xe6\\x96\\x87'), 6)\n"
          "eq(require('policytk.core').utf8_check('ab\\xe4\\xb8'), 3, 'cut at the end')\n"
          "local ok, err = pcall(require('policytk.core').utf8_check)\n"
          "assert(not ok and err:find(\"bad argument #1 to 'policytk.\", 1, true)\n"
          "  and err:find(\"utf8_check'\", 1, true), err)\n");
}

static void test_width(void **state) {
  run(L_, "local core = require 'policytk.core'\n"
          "eq(text.width, nil, 'text.width (policytk.core.width is the one)')\n"
          "eq(core.width(''), 0)\n"
          "eq(core.width('\\xe4\\xb8\\xad\\xe6\\x96\\x87' .. 'ab'), 6)\n"
          "eq(core.width('a\\xffb'), 3, 'a bad byte counts 1')\n");
}

/* ------------------------------------------------------------------ decode, detect */

static void test_decode(void **state) {
  run(L_, "local function d(s, cs, want, bad)\n"
          "  local r, n = text.decode(s, cs)\n"
          "  eq(r, want, cs .. ' text')\n"
          "  eq(n, bad, cs .. ' replaced')\n"
          "end\n"
          "d('\\xd6\\xd0\\xce\\xc4', 'gbk', '\\xe4\\xb8\\xad\\xe6\\x96\\x87', 0)\n"      /* 中文 */
          "d('\\xd6\\xd0\\xce\\xc4', 'GB2312', '\\xe4\\xb8\\xad\\xe6\\x96\\x87', 0)\n"
          "d('\\x84\\xd5', 'GB18030', '\\xe5\\x8b\\x99', 0)\n"                          /* 務 */
          "d('\\xa4\\xa4\\xa4\\xe5', 'big5', '\\xe4\\xb8\\xad\\xe6\\x96\\x87', 0)\n"
          "d('', 'gbk', '', 0)\n"
          "d('', 'utf-8', '', 0)\n"
          /* invalid bytes in the middle and a cut sequence at the end: U+FFFD each, counted */
          "d('\\xd6\\xd0\\x80\\xce\\xc4\\xd6', 'gb18030',\n"
          "  '\\xe4\\xb8\\xad\\xef\\xbf\\xbd\\xe6\\x96\\x87\\xef\\xbf\\xbd', 2)\n"
          "d('ab\\xffc\\xe4\\xb8', 'utf8', 'ab\\xef\\xbf\\xbdc\\xef\\xbf\\xbd', 2)\n"
          "d('a\\0b', 'gbk', 'a\\0b', 0)\n"                                               /* NUL passes */
          /* every byte value: the result is valid UTF-8 and the bad ones are counted */
          "local all = {}\n"
          "for i = 0, 255 do all[#all + 1] = string.char(i) end\n"
          "all = table.concat(all)\n"
          "for _, cs in ipairs{ 'utf-8', 'gb18030', 'gbk', 'gb2312', 'big5' } do\n"
          "  local r, n = text.decode(all, cs)\n"
          "  eq(require('policytk.core').utf8_check(r), nil, cs .. ' gives UTF-8')\n"
          "  assert(n > 0, cs .. ': bad bytes counted')\n"
          "end\n"
          /* an unknown charset is an error that names it */
          "fails(function() text.decode('x', 'latin-9') end, \"unsupported charset 'latin-9'\")\n"
          "local ok, err = pcall(text.decode, 'x')\n"
          "assert(not ok and err:find(\"bad argument #2 to 'policytk.text.decode'\", 1, true), err)\n");
}

static void test_detect(void **state) {
  run(L_, "eq(text.detect(''), 'utf-8')\n"
          "eq(text.detect('\\xe4\\xb8\\xad'), 'utf-8')\n"
          "eq(text.detect('\\xd6\\xd0\\xce\\xc4'), 'gb18030')\n"
          "eq(text.detect(C.noise(4096)), nil, 'binary')\n");
}

/* ------------------------------------------------------------------ t2s, is_traditional */

static void test_t2s(void **state) {
  run(L_, "local trad = '\\xe7\\x99\\xbc\\xe5\\xb1\\x95\\xe5\\x84\\xaa\\xe5\\x8c\\x96'\n"    /* 發展優化 */
          "eq(text.t2s(trad), '\\xe5\\x8f\\x91\\xe5\\xb1\\x95\\xe4\\xbc\\x98\\xe5\\x8c\\x96')\n" /* 发展优化 */
          "eq(text.t2s(''), '')\n"
          /* a NUL is kept and the text after it converted */
          "eq(text.t2s('a\\0\\xe7\\x99\\xbc'), 'a\\0\\xe5\\x8f\\x91')\n"
          /* invalid UTF-8 is an error with its offset */
          "fails(function() text.t2s('ab\\xff') end, 'invalid UTF-8 at byte 3')\n"
          /* a 1 MB line with no break */
          "local cut = MB - MB % 8\n"
          "local r = text.t2s(rep('\\xe7\\x99\\xbc\\xe5\\xb1\\x95' .. 'ab', MB):sub(1, cut))\n"
          "eq(#r, cut)\n"
          "eq(r:sub(1, 8), '\\xe5\\x8f\\x91\\xe5\\xb1\\x95' .. 'ab')\n"
          /* is_traditional */
          "eq(text.is_traditional(trad), true)\n"
          "eq(text.is_traditional('\\xe5\\x8f\\x91\\xe5\\xb1\\x95'), false)\n"
          "eq(text.is_traditional(''), false)\n"
          "eq(text.is_traditional('abc 123'), false)\n"
          "assert(not pcall(text.is_traditional, '\\xe7\\x99\\xbc\\xff'), 'invalid UTF-8 raises')\n"
          "eq(C.verdict(100, 5), false, 'the threshold: > 5%')\n"
          "eq(C.verdict(100, 6), true)\n"
          "eq(C.verdict(0, 0), false)\n");
}

/* ------------------------------------------------------------------ t2s shortcuts */

/* the seed texts: three simplified (no conversion needed), one traditional */
static void test_t2s_shortcuts_seeds(void **state) {
  need_seeds();
  run(L_, "for k, name in ipairs(SEEDS) do\n"
          "  local t = text.decode(seed(name), 'utf-8')\n"
          "  local exact = exact_verdict(t)\n"
          "  eq(exact, k == 4, name)\n"
          "  eq(C.t2s_maybe(t), exact, name .. ': maybe')\n"
          "  lines_same(t)\n"
          "end\n");
}

static void test_t2s_shortcuts(void **state) {
  /* a line whose only changed character is one a phrase changes: 回覆 → 回复 */
  run(L_, "lines_same('\\xe5\\x8f\\x91\\xe5\\xb1\\x95\\n'\n"                        /* 发展 */
          "  .. '\\xe8\\xaf\\xb7\\xe5\\x9b\\x9e\\xe8\\xa6\\x86\\n'\n"                 /* 请回覆 */
          "  .. '\\xe7\\x99\\xbc\\xe5\\xb1\\x95\\n\\n'\n"                            /* 發展 */
          "  .. 'abc\\0\\xe5\\x84\\xaa\\n')\n"                                       /* abc NUL 優 */
          "eq(C.t2s_lines('\\xe8\\xaf\\xb7\\xe5\\x9b\\x9e\\xe8\\xa6\\x86'),\n"
          "   '\\xe8\\xaf\\xb7\\xe5\\x9b\\x9e\\xe5\\xa4\\x8d')\n"                     /* 请回复 */
          "lines_same('')\n");
  /* at the threshold: k traditional ideographs among 100; maybe never says no wrongly */
  run(L_, "for k = 0, 10 do\n"
          "  local s = ('\\xe7\\x99\\xbc'):rep(k) .. ('\\xe5\\xb1\\x95'):rep(100 - k)\n"  /* 發, 展 */
          "  local exact = exact_verdict(s)\n"
          "  eq(exact, k > 5, 'verdict of ' .. k)\n"
          "  if exact then eq(C.t2s_maybe(s), true, 'maybe of ' .. k) end\n"
          "  if k == 0 then eq(C.t2s_maybe(s), false, 'maybe of 0') end\n"
          "end\n");
}

/* ------------------------------------------------------------------ t2s table */

static void test_t2s_table(void **state) {
  /* the OpenCC data installed here is the data text_phrases.c was made from */
  run(L_, "if not C.t2s_table() then\n"
          "  local msg = {}\n"
          "  for _, name in ipairs(C.t2s_files) do\n"
          "    local path = '/usr/share/opencc/' .. name\n"
          "    local ok, size, fnv = C.file_fnv(path)\n"
          "    msg[#msg + 1] = (' %s: %s size %d fnv 0x%016x;'):format(path, ok and '' or 'unreadable', size, fnv)\n"
          "  end\n"
          "  error('the t2s phrase table is off: the OpenCC data differs from core/text_phrases.c:'\n"
          "    .. table.concat(msg))\n"
          "end\n");
  /* every phrase key alone, between traditional characters, twice in a row, and cut short */
  run(L_, "local parts = {}\n"
          "for k in C.phrase_keys:gmatch('([^\\n]*)\\n') do\n"
          "  local function cont(i) return (k:byte(i + 1) or 0) & 0xC0 == 0x80 end   -- 0-based\n"
          "  local cut = #k\n"
          "  while cut > 0 and cont(cut - 1) do cut = cut - 1 end\n"
          "  if cut > 0 then cut = cut - 1 end\n"
          "  while cut > 0 and cont(cut) do cut = cut - 1 end\n"
          "  parts[#parts + 1] = k .. '\\n\\xe7\\x99\\xbc' .. k .. k .. '\\xe5\\xb1\\x95 ab\\n'\n"  /* 發 … 展 */
          "    .. k:sub(1, cut) .. '\\n'                                           -- without its last character\n"
          "end\n"
          "table_same(table.concat(parts))\n");
  /* random text: pieces of phrase keys, traditional and simplified characters, a character
  ** t2s makes supplementary (䂎 → 𥎝), supplementary ideographs, ASCII, NUL, line breaks */
  run(L_, "local PIECES = {\n"
          "  '\\xe4\\xb9\\xbe', '\\xe5\\x9d\\xa4', '\\xe9\\x9a\\x86', '\\xe8\\x97\\x89', '\\xe8\\xa6\\x86',\n"
          "  '\\xe7\\x9e\\xad', '\\xe7\\x84\\xb6', '\\xe9\\x8d\\x8a', '\\xe9\\x8d\\xbe', '\\xe4\\xb9\\x88',\n"
          "  '\\xe9\\xba\\xbc', '\\xe5\\x9b\\x9e', '\\xe7\\x99\\xbc', '\\xe5\\xb1\\x95', '\\xe5\\x84\\xaa',\n"
          "  '\\xe5\\x8c\\x96', '\\xe5\\x8f\\x91', '\\xe4\\xbc\\x98', '\\xe4\\x82\\x8e', '\\xf0\\xa0\\x80\\x80',\n"
          "  '\\xf0\\xa5\\x8e\\x9d', 'a', ' ', '\\n', '\\n\\n', '(', ')', '\\xef\\xbc\\x88', '\\xe3\\x80\\x82', '1',\n"
          "  '\\xe7\\xbe\\xa9', '\\xe5\\x8b\\x99',\n"
          "}\n"
          "local x = 88172645   -- xorshift32\n"
          "for round = 1, 300 do\n"
          "  local b = {}\n"
          "  for i = 1, 1 + x % 200 do\n"
          "    x = x ~ (x << 13) & 0xFFFFFFFF\n"
          "    x = x ~ (x >> 17)\n"
          "    x = x ~ (x << 5) & 0xFFFFFFFF\n"
          "    b[#b + 1] = PIECES[x % #PIECES + 1]\n"
          "    if x % 97 == 0 then b[#b + 1] = '\\0' end\n"
          "  end\n"
          "  table_same(table.concat(b))\n"
          "end\n");
  /* invalid UTF-8 is still the error of t2s */
  run(L_, "fails(function() C.t2s_lines('\\xe7\\x99\\xbc\\xff') end, 'invalid UTF-8 at byte 4')\n");
}

/* the seed texts, one of them traditional */
static void test_t2s_table_seeds(void **state) {
  need_seeds();
  run(L_, "for _, name in ipairs(SEEDS) do table_same(text.decode(seed(name), 'utf-8')) end\n");
}

/* Without the table (a config file that is not the one text_phrases.c knows), every line
** that may change goes to OpenCC: the same result. */
static void t2s_table_off(const char *snippet) {
  char dir[] = "/tmp/policytk_t2s_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[600], json[600];
  /* the stock config with one more line break, beside links to the stock dictionaries */
  snprintf(json, sizeof json, "%s/t2s.json", dir);
  FILE *in = fopen("/usr/share/opencc/t2s.json", "rb"), *out = fopen(json, "wb");
  assert_non_null(in);
  assert_non_null(out);
  int c;
  while ((c = fgetc(in)) != EOF) fputc(c, out);
  fputc('\n', out);
  fclose(in);
  fclose(out);
  for (int k = 1; k < PTK_T2S_FILES; k++) {
    char target[600];
    snprintf(path, sizeof path, "%s/%s", dir, ptk_t2s_files[k].name);
    snprintf(target, sizeof target, "/usr/share/opencc/%s", ptk_t2s_files[k].name);
    assert_int_equal(symlink(target, path), 0);
  }
  setenv("POLICYTK_OPENCC_T2S", json, 1);
  ptk_fixture *f = text_fixture();               /* the converter is opened with the variable */
  run(f->L, "eq(C.t2s_table(), false, 'the table is off')\n");
  run(f->L, snippet);
  ptk_fixture_free(f);
  unsetenv("POLICYTK_OPENCC_T2S");
  for (int k = 1; k < PTK_T2S_FILES; k++) {
    snprintf(path, sizeof path, "%s/%s", dir, ptk_t2s_files[k].name);
    unlink(path);
  }
  unlink(json);
  rmdir(dir);
}

static void test_t2s_table_off(void **state) {
  (void)state;
  t2s_table_off("table_same('\\xe5\\x8f\\x91\\xe5\\xb1\\x95\\n'\n"                             /* 发展 */
                "  .. '\\xe8\\xaf\\xb7\\xe5\\x9b\\x9e\\xe8\\xa6\\x86\\n'\n"                      /* 请回覆 */
                "  .. '\\xe4\\xb9\\xbe\\xe5\\x9d\\xa4\\xe7\\x99\\xbc\\xe5\\xb1\\x95\\n'\n"         /* 乾坤發展 */
                "  .. '\\xe4\\x82\\x8e \\xf0\\xa0\\x80\\x80\\n')\n");                           /* 䂎 𠀀 */
}

static void test_t2s_table_off_seed(void **state) {
  (void)state;
  need_seeds();
  t2s_table_off("table_same(text.decode(seed('wenzhou_sme_friendly_city_2023.txt'), 'utf-8'))\n");
}

/* ------------------------------------------------------------------ strip_pinyin */

static void test_strip_pinyin(void **state) {
  run(L_, "local function strip(s, want, removed)\n"
          "  local r, n = text.strip_pinyin(s)\n"
          "  eq(r, want)\n"
          "  eq(n, removed, 'removed from ' .. s)\n"
          "end\n"
          "strip('', '', 0)\n"
          /* 區(qū) 發(fā)展 → 區發展 */
          "strip('\\xe5\\x8d\\x80(q\\xc5\\xab)\\xe7\\x99\\xbc(f\\xc4\\x81)\\xe5\\xb1\\x95',\n"
          "      '\\xe5\\x8d\\x80\\xe7\\x99\\xbc\\xe5\\xb1\\x95', 2)\n"
          /* full-width parentheses, and mixed */
          "strip('\\xe7\\x99\\xbc\\xef\\xbc\\x88f\\xc4\\x81\\xef\\xbc\\x89\\xe5\\xb1\\x95',\n"
          "      '\\xe7\\x99\\xbc\\xe5\\xb1\\x95', 1)\n"
          "strip('\\xe7\\x99\\xbc(f\\xc4\\x81\\xef\\xbc\\x89', '\\xe7\\x99\\xbc', 1)\n"
          /* ordinary brackets stay: (一) (责任单位：市经信局) (2023) (AI) (zhong) */
          "local keep = '\\xe4\\xb8\\x80(\\xe4\\xb8\\x80)\\xe4\\xb8\\x80(\\xe8\\xb4\\xa3\\xe4\\xbb\\xbb\\xef\\xbc\\x9a'\n"
          "  .. '\\xe5\\xb8\\x82)\\xe5\\xb9\\xb4(2023)\\xe7\\x94\\xa8(AI)\\xe4\\xb8\\xad(zhong)'\n"
          "strip(keep, keep, 0)\n"
          /* only right after an ideograph (or U+FFFD, a lost one) */
          "strip('a(f\\xc4\\x81) (f\\xc4\\x81)', 'a(f\\xc4\\x81) (f\\xc4\\x81)', 0)\n"
          "strip('\\xef\\xbf\\xbd(y\\xc5\\x8du)', '\\xef\\xbf\\xbd', 1)\n"
          /* brackets ten deep around an ideograph: untouched */
          "strip('((((((((((\\xe4\\xb8\\xad))))))))))', '((((((((((\\xe4\\xb8\\xad))))))))))', 0)\n"
          "strip('\\xe4\\xb8\\xad((((((((((f\\xc4\\x81))))))))))',\n"
          "      '\\xe4\\xb8\\xad((((((((((f\\xc4\\x81))))))))))', 0)\n"
          /* invalid UTF-8 in the middle is kept, and breaks the ideograph context */
          "eq((text.strip_pinyin('\\xe7\\x99\\xbc\\xff(f\\xc4\\x81)\\xe7\\x99\\xbc(f\\xc4\\x81)')),\n"
          "   '\\xe7\\x99\\xbc\\xff(f\\xc4\\x81)\\xe7\\x99\\xbc')\n"
          /* a 1 MB line */
          "local cut = MB - MB % 8\n"
          "local _, n = text.strip_pinyin(rep('\\xe7\\x99\\xbc(f\\xc4\\x81)', MB):sub(1, cut))\n"
          "eq(n, cut // 8, '1 MB')\n");
}

/* ------------------------------------------------------------------ repair_mojibake */

static void test_repair_shifted(void **state) {
  /* line 9: （一）主體, the lost character before it is the indentation space */
  run(L_, "local r, n, u, inf = text.repair_mojibake(LINE9)\n"
          "eq(r, ' \\xe3\\x80\\x80\\xef\\xbc\\x88\\xe4\\xb8\\x80\\xef\\xbc\\x89\\xe4\\xb8\\xbb\\xe9\\xab\\x94\\xe8\\xb3\\xaa'\n"
          "  .. '(zh\\xc3\\xac)\\xe9\\x87\\x8f\\xe6\\x8f\\x90')\n"
          "eq(n, 1)\n"
          "eq(#u, 0)\n"
          "eq(#inf, 1)\n"
          "eq(inf[1].basis, 'indentation')\n");
  /* line 11: （二）活力顯著增強 */
  run(L_, "local r, n = text.repair_mojibake(LINE11)\n"
          "eq(r, ' \\xe3\\x80\\x80\\xef\\xbc\\x88\\xe4\\xba\\x8c\\xef\\xbc\\x89\\xe6\\xb4\\xbb\\xe5\\x8a\\x9b\\xe9\\xa1\\xaf'\n"
          "  .. '\\xe8\\x91\\x97\\xe5\\xa2\\x9e\\xe5\\xbc\\xb7\\xe3\\x80\\x82')\n"
          "eq(n, 1)\n");
  /* line 101: （三）開展, the trail byte of 開 survived as '_' */
  run(L_, "local r, n = text.repair_mojibake(LINE101)\n"
          "eq(r, ' \\xe3\\x80\\x80\\xef\\xbc\\x88\\xe4\\xb8\\x89\\xef\\xbc\\x89\\xe9\\x96\\x8b\\xe5\\xb1\\x95\\xe7\\x99\\xbc(f\\xc4\\x81)')\n"
          "eq(n, 1)\n");
  /* line 15 alone: 優 lost (its trail byte went with the decoder's '?'), reported with its
  ** line; the "(" of its annotation is restored */
  run(L_, "local r, n, u = text.repair_mojibake(LINE15)\n"
          "eq(r, ' \\xe3\\x80\\x80\\xef\\xbc\\x88\\xe5\\x9b\\x9b\\xef\\xbc\\x89\\xe6\\x9c\\x8d\\xe5\\x8b\\x99\\xe9\\x9b\\x86'\n"
          "  .. '\\xe6\\x88\\x90\\xef\\xbf\\xbd(y\\xc5\\x8du)\\xe5\\x8c\\x96')\n"
          "eq(n, 1)\n"
          "eq(#u, 1)\n"
          "eq(u[1].line, 1)\n"
          "eq(u[1].reason, 'lost character')\n");
}

static void test_repair_inference(void **state) {
  /* line 17 after a line that has 權(quán): the lost 權 (lead byte 0x99 known) is put back */
  run(L_, "local r, n, u, inf = text.repair_mojibake('\\xe6\\xac\\x8a(qu\\xc3\\xa1n)\\n' .. LINE17)\n"
          "eq(r, '\\xe6\\xac\\x8a(qu\\xc3\\xa1n)\\n \\xe3\\x80\\x80\\xef\\xbc\\x88\\xe4\\xba\\x94\\xef\\xbc\\x89'\n"
          "  .. '\\xe6\\xac\\x8a(qu\\xc3\\xa1n)\\xe7\\x9b\\x8a')\n"
          "eq(n, 1)\n"
          "eq(#u, 0)\n"
          "eq(#inf, 2)\n"
          "eq(inf[2].char, '\\xe6\\xac\\x8a')\n"
          "eq(inf[2].pinyin, 'qu\\xc3\\xa1n')\n"
          "eq(inf[2].line, 2)\n");
  /* line 49: a spurious annotation between the two bytes of 協 (85 66) */
  run(L_, "local r, n, u, inf = text.repair_mojibake('\\xe5\\x8d\\x94(xi\\xc3\\xa9)\\n' .. LINE49)\n"
          "eq(r, '\\xe5\\x8d\\x94(xi\\xc3\\xa9)\\n\\xe5\\x8a\\xa0\\xe5\\x85\\xa5\\xe5\\x8d\\x94(xi\\xc3\\xa9)\\xe4\\xbd\\x9c')\n"
          "eq(n, 0)\n"
          "eq(#inf, 1)\n");
  /* without the evidence it stays, reported */
  run(L_, "local r, n, u = text.repair_mojibake(LINE49)\n"
          "eq(r, LINE49)\n"
          "eq(n, 0)\n"
          "eq(#u, 1)\n");
}

static void test_repair_utf8_as_gbk(void **state) {
  /* （一）主体质量提升，发展 read as GBK: 锛堜竴锛変富浣撹川閲忔彁鍗囷紝鍙戝睍 */
  run(L_, "local src = '（一）主体质量提升，发展'\n"
          "local moj = text.decode(src, 'gbk')\n"
          "assert(moj ~= src, 'no mojibake made')\n"
          "local r, n, u = text.repair_mojibake(moj)\n"
          "assert(r == src and n == 1 and #u == 0, r .. ' ' .. n .. ' ' .. #u)\n");
  /* bytes lost by the bad decoder: the characters they held are lost, and reported */
  run(L_, "local moj = text.decode('到2025年，新增中小微企业10万家。', 'gbk')\n"
          "local r, n, u = text.repair_mojibake(moj)\n"
          "assert(r:find('2025年，新\\u{FFFD}中小微企业10万', 1, true) ~= nil and #u >= 2, r)\n");
}

static void test_repair_clean_and_bad_inputs(void **state) {
  /* clean text: untouched, nothing reported (a lone '?', box drawing, a full-width marker) */
  run(L_, "for _, s in ipairs{\n"
          "  '',\n"
          "  '\\xe6\\x98\\xaf\\xe5\\x90\\xa6\\xe5\\x8f\\xaf\\xe8\\xa1\\x8c?\\xe6\\x88\\x91\\xe4\\xbb\\xac',\n"  /* 是否可行?我们 */
          "  '\\xe2\\x94\\x8c\\xe2\\x94\\x80\\xe2\\x94\\x90\\xe2\\x94\\x82\\xe9\\xa1\\xb9\\xe2\\x94\\x82',\n"  /* ┌─┐│项│ */
          "  '\\xef\\xbc\\x88\\xe4\\xb8\\x80\\xef\\xbc\\x89\\xe4\\xb8\\xbb\\xe4\\xbd\\x93 (2023)',\n"            /* （一）主体 (2023) */
          "} do\n"
          "  local r, n, u = text.repair_mojibake(s)\n"
          "  eq(r, s)\n"
          "  eq(n, 0)\n"
          "  eq(#u, 0)\n"
          "end\n");
  /* what cannot be repaired is kept and reported with its line */
  run(L_, "local bad = 'ok\\n\\xe3\\x84\\x85\\xe3\\x84\\x86\\xe3\\x84\\x87\\xe6\\xb3\\xa8'\n"      /* ㄅㄆㄇ注 */
          "local r, n, u = text.repair_mojibake(bad)\n"
          "eq(r, bad)\n"
          "eq(n, 0)\n"
          "eq(#u, 1)\n"
          "eq(u[1].line, 2)\n");
  /* invalid UTF-8 in the middle passes through; a 1 MB line with no break; binary data: no
  ** crash, the report is bounded */
  run(L_, "local r, n = text.repair_mojibake('a\\xff\\xe4\\xb8\\xad')\n"
          "eq(r, 'a\\xff\\xe4\\xb8\\xad')\n"
          "eq(n, 0)\n"
          "local big = rep('\\xe4\\xb8\\xad\\xe6\\x96\\x87' .. 'abc?', MB):sub(1, MB - MB % 10)\n"
          "r, n = text.repair_mojibake(big)\n"
          "eq(n, 0, '1 MB repaired')\n"
          "eq(#r, #big)\n"
          "assert(r == big, '1 MB line changed')\n"
          "local _, _, u = text.repair_mojibake(C.noise(MB))\n"
          "assert(#u <= 1000, #u)\n");
}

/* ------------------------------------------------------------------ normalize */

static void test_normalize_unifies(void **state) {
  run(L_, "local n = function(s, o) return (text.normalize(s, o)) end\n"
          "eq(n(''), '')\n"
          "eq(n('ＡＢＣ１２３'), 'ABC123')\n"                              /* width */
          "eq(n('（括号）：；'), '(括号):;')\n"                            /* brackets, colon, semicolon */
          "eq(n('【标题】〔2023〕'), '【标题】〔2023〕')\n"                /* kept */
          "eq(n('甲，乙、丙。'), '甲，乙、丙。')\n"                        /* commas, 、 and 。 kept */
          "eq(n('１．２万'), '1.2万')\n"                                     /* ． between digits */
          "eq(n('a\\r\\nb\\rc'), 'a\\nb\\nc')\n"                            /* CR LF, CR */
          "eq(n('  a  \\n\\n\\n\\nb   \\n\\n'), 'a\\n\\nb')\n"             /* blanks, blank lines */
          "eq(n('a   b'), 'a b')\n"
          "eq(n('中 文　字'), '中文字')\n"                                   /* blanks by wide chars */
          "eq(n('1.2 万家'), '1.2万家')\n"                                   /* numbers joined */
          "eq(n('7.5 %'), '7.5%')\n"
          "eq(n('2023年 1月 1日'), '2023年1月1日')\n"
          "eq(n('100\\n亿元'), '100亿元')\n"
          "eq(n('电话 88961234\\n张三'), '电话88961234\\n张三')\n"         /* not a unit: kept */
          "eq(n('\\u{FEFF}a\\u{200B}b\\u{00A0}c'), 'ab c')\n"              /* BOM, zero-width, NBSP */
          "eq(n('區(qū)發(fā)展'), '区发展')\n"                                 /* pinyin, t2s */
          "eq(n('發展', {t2s = false}), '發展')\n"
          "eq(n('后', {t2s = true}), '后')\n");
  run(L_, "local s, r = text.normalize('100\\n亿元 7.5 %\\n發(fā)展')\n"
          "assert(r.pinyin == 1 and r.t2s == true and r.joined_numbers == 3 and r.width == 0\n"
          "  and r.mojibake == 0 and r.charset == 'utf-8' and r.replaced == 0\n"
          "  and type(r.unrepairable) == 'table' and type(r.inferred) == 'table', s)\n");
  /* other charsets: given, detected, or invalid bytes replaced and counted */
  run(L_, "local s, r = text.normalize('\\xd6\\xd0\\xce\\xc4')\n"
          "assert(s == '中文' and r.charset == 'gb18030', s)\n"
          "s, r = text.normalize('\\xa4\\xa4\\xa4\\xe5', {charset = 'big5'})\n"
          "assert(s == '中文' and r.charset == 'big5', s)\n"
          "s, r = text.normalize('a\\x80\\xff\\xfe b')\n"
          "assert(r.replaced > 0 and require('policytk.core').utf8_check(s) == nil, s)\n");
  /* a quote written from the repaired text matches after both are normalized */
  run(L_, "local src = '  （一）主体质量提升。到2025年，新增中小微企业 10 万家；\\r\\n规上工业企业突破1万家'\n"
          "local quotes = { '(一)主体质量提升', '新增中小微企业10万家;', '到２０２５年，新增',\n"
          "                 '新增中小微企业10万家;规上' }\n"
          "local ns = text.normalize(src)\n"
          "for i = 1, 3 do\n"
          "  assert(ns:find(text.normalize(quotes[i]), 1, true), quotes[i])\n"
          "end\n"
          "assert(not ns:find(text.normalize(quotes[4]), 1, true), 'a line break is not joined')\n");
}

static void test_normalize_bad_inputs(void **state) {
  /* option types are checked */
  run(L_, "fails(function() text.normalize('a', {t2s = 'yes'}) end, 'opts.t2s must be a boolean')\n"
          "fails(function() text.normalize('a', 5) end, 'bad argument #2')\n"
          "fails(function() text.normalize('a', {charset = 'ebcdic'}) end, 'unsupported charset')\n");
  /* invalid UTF-8 in the middle, brackets ten deep, a 1 MB line, binary data */
  run(L_, "local s, r = text.normalize('中\\xe4\\xb8文')\n"
          "assert(s == '中\\u{FFFD}文' and r.replaced == 1, s)\n"
          "local b = ('（'):rep(10) .. '中' .. ('）'):rep(10)\n"
          "eq(text.normalize(b), ('('):rep(10) .. '中' .. (')'):rep(10))\n"
          "local long = text.normalize(('中文 abc '):rep(100000))\n"
          "assert(#long > 0 and not long:find('\\n'), #long)\n"
          "s, r = text.normalize(C.noise(MB))\n"
          "assert(require('policytk.core').utf8_check(s) == nil and r.replaced > 0 and #r.unrepairable <= 1000)\n");
}

/* ------------------------------------------------------------------ errors do not leak */

static void test_errors_under_memory_budget(void **state) {
  /* each function on a large input under a budget too small to finish: the error is
  ** raised part way, and what was being built is reclaimed (ASan checks the C side) */
  run(L_, "local core = require 'policytk.core'\n"
          "local big = ('發(fā)展 ?。ㄒ唬┲黧w 中文 ' ):rep(40000)\n"
          "local gbk = ('\\xd6\\xd0\\xce\\xc4'):rep(100000)\n"
          "local calls = {\n"
          "  function() return text.t2s(big) end,\n"
          "  function() return text.decode(gbk, 'gbk') end,\n"
          "  function() return text.strip_pinyin(big) end,\n"
          "  function() return text.repair_mojibake(big) end,\n"
          "  function() return text.normalize(big) end,\n"
          "}\n"
          "for i, f in ipairs(calls) do\n"
          "  local ok, err, stopped = core.limited_call({ memory = 200000 }, f)\n"
          "  assert(not ok and stopped == 'memory', 'call ' .. i .. ': ' .. tostring(err))\n"
          "end\n"
          "collectgarbage()\n"
          "eq(text.t2s('發展'), '发展', 'works after')\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_u8_helpers),
    cmocka_unit_test(test_pinyin_matcher),
    cmocka_unit_test_setup_teardown(test_utf8_check, setup, teardown),
    cmocka_unit_test_setup_teardown(test_width, setup, teardown),
    cmocka_unit_test_setup_teardown(test_decode, setup, teardown),
    cmocka_unit_test_setup_teardown(test_detect, setup, teardown),
    cmocka_unit_test_setup_teardown(test_t2s, setup, teardown),
    cmocka_unit_test_setup_teardown(test_t2s_shortcuts, setup, teardown),
    cmocka_unit_test_setup_teardown(test_t2s_shortcuts_seeds, setup, teardown),
    cmocka_unit_test_setup_teardown(test_t2s_table, setup, teardown),
    cmocka_unit_test_setup_teardown(test_t2s_table_seeds, setup, teardown),
    cmocka_unit_test(test_t2s_table_off),
    cmocka_unit_test(test_t2s_table_off_seed),
    cmocka_unit_test_setup_teardown(test_strip_pinyin, setup, teardown),
    cmocka_unit_test_setup_teardown(test_repair_shifted, setup, teardown),
    cmocka_unit_test_setup_teardown(test_repair_inference, setup, teardown),
    cmocka_unit_test_setup_teardown(test_repair_utf8_as_gbk, setup, teardown),
    cmocka_unit_test_setup_teardown(test_repair_clean_and_bad_inputs, setup, teardown),
    cmocka_unit_test_setup_teardown(test_normalize_unifies, setup, teardown),
    cmocka_unit_test_setup_teardown(test_normalize_bad_inputs, setup, teardown),
    cmocka_unit_test_setup_teardown(test_errors_under_memory_budget, setup, teardown),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  if (seeds_skipped > 0) {
    char dir[2048];
    seeds_dir(dir, sizeof dir);
    printf("跳过 %d 个测试：缺少源文本（%s）；要运行它们：POLICYTK_SEEDS=源文本所在文件夹 make test\n",
           seeds_skipped, dir);
  }
  return failed;
}
