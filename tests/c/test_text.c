/*
** test_text.c — cmocka tests of policytk.text: the UTF-8 helpers and pinyin matcher of
** text.h, and every Lua function of the module on small cases and bad inputs (empty
** strings, invalid UTF-8 in the middle, a 1 MB line with no break, brackets ten deep,
** binary data), including errors raised under a memory budget (nothing may leak: run it
** under AddressSanitizer).
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

#define MB (1024 * 1024)

/* The damaged lines of wenzhou_sme_friendly_city_2023.txt, byte for byte (they hold
** private-use characters). */
static const char LINE9[] = " \x3f\xe3\x80\x82\xe3\x84\x92\xe5\x94\xac\xe2\x94\xb2\xe9\xbb\xa7w"
                            "\xe8\xb3\xaa(zh\xc3\xac)\xe9\x87\x8f\xe6\x8f\x90";
static const char LINE11[] = " \x3f\xe3\x80\x82\xc7\x98\xee\x91\xaa\xe2\x94\x97\xe7\x9b\x8d\xef\xb8"
                             "\xbc@\xe8\x91\x97\xe5\xa2\x9e\xe5\xbc\xb7\xe3\x80\x82";
static const char LINE15[] = " \x3f\xe3\x80\x82\xe3\x84\x8b\xe6\xa8\xa1\xe2\x94\x93\xee\xa1\x88\xe5"
                             "\x8d\xa0\xee\x87\xa8\xe8\x93\x9b\x3fy\xc5\x8du)\xe5\x8c\x96";
static const char LINE17[] = " \x3f\xe3\x80\x82\xe3\x84\x8e\xe6\xbe\xb9\xee\x9f\xb6\x3fqu\xc3\xa1n)"
                             "\xe7\x9b\x8a";
static const char LINE49[] = "\xe5\x8a\xa0\xe5\x85\xa5\x3fy\xc3\xban)f(xi\xc3\xa9)\xe4\xbd\x9c";
static const char LINE101[] = " \x3f\xe3\x80\x82\xe3\x84\x88\xee\x90\x8c\xe2\x95\x85_\xe5\xb1\x95"
                              "\xe7\x99\xbc(f\xc4\x81)";

/* ------------------------------------------------------------------ harness */

static lua_State *new_text(void) {
  lua_State *L = ptk_test_state();
  /* a loadable module: linked into this test, opened as the host would on require */
  ptk_test_open(L, "policytk.text", luaopen_policytk_text, "text");
  return L;
}

/* Call text.fn with the nargs values on the stack; returns the pcall status. */
static int call(lua_State *L, const char *fn, int nargs, int nres) {
  lua_getglobal(L, "text");
  lua_getfield(L, -1, fn);
  lua_remove(L, -2);
  lua_insert(L, -(nargs + 1));
  return lua_pcall(L, nargs, nres, 0);
}

/* Call text.fn(s) with the n bytes at s. */
static int call_s(lua_State *L, const char *fn, const char *s, size_t n, int nres) {
  lua_pushlstring(L, s, n);
  return call(L, fn, 1, nres);
}

static void assert_str_at(lua_State *L, int idx, const char *expected) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  assert_non_null(s);
  assert_int_equal(n, strlen(expected));
  assert_memory_equal(s, expected, n);
}

/* Run Lua code that returns true, or false and a message. */
static void check_lua(lua_State *L, const char *code) {
  if (luaL_loadbuffer(L, code, strlen(code), "=check") != LUA_OK ||
      lua_pcall(L, 0, LUA_MULTRET, 0) != LUA_OK)
    fail_msg("%s", lua_tostring(L, -1));
  lua_settop(L, 2);                     /* ok [, message] */
  if (!lua_toboolean(L, -2)) fail_msg("%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : code);
  lua_settop(L, 0);
}

/* A malloc'd buffer of n bytes: a repeated, n bytes long. */
static char *repeat(const char *a, size_t n) {
  char *s = malloc(n + 1);
  assert_non_null(s);
  size_t la = strlen(a);
  for (size_t i = 0; i < n; i++) s[i] = a[i % la];
  s[n] = '\0';
  return s;
}

/* Deterministic binary noise. */
static char *noise(size_t n) {
  char *s = malloc(n);
  assert_non_null(s);
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    s[i] = (char)(x & 0xFF);
  }
  return s;
}

/* ------------------------------------------------------------------ text.h helpers */

static void test_u8_helpers(void **state) {
  (void)state;
  uint32_t cp;
  assert_int_equal(ptk_utf8_next("\xe4\xb8\xad", 3, &cp), 3);
  assert_int_equal(cp, 0x4E2D);
  assert_int_equal(ptk_utf8_next("\xe4\xb8", 2, &cp), 0);         /* truncated */
  assert_int_equal(ptk_utf8_next("\xc0\x80", 2, &cp), 0);         /* overlong */
  assert_int_equal(ptk_utf8_next("\xed\xa0\x80", 3, &cp), 0);     /* surrogate */
  assert_int_equal(ptk_utf8_next("", 0, &cp), 0);
  assert_int_equal(ptk_utf8_badlen("\xe4\xb8" "a", 3), 2);          /* a cut sequence is one */
  assert_int_equal(ptk_utf8_badlen("\xff\xfe", 2), 1);
  assert_int_equal(ptk_utf8_badlen("\xe0\x80\x80", 3), 1);          /* E0 needs A0..BF */
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

static void test_utf8_check(void **state) {
  (void)state;
  lua_State *L = new_text();
  assert_int_equal(call_s(L, "utf8_check", "", 0, 1), LUA_OK);
  assert_true(lua_isnil(L, -1));
  assert_int_equal(call_s(L, "utf8_check", "\xe4\xb8\xad\xe6\x96\x87", 6, 1), LUA_OK);
  assert_true(lua_isnil(L, -1));
  assert_int_equal(call_s(L, "utf8_check", "ab\xe4\xb8\xad\xff\xe6\x96\x87", 9, 1), LUA_OK);
  assert_int_equal(lua_tointeger(L, -1), 6);
  assert_int_equal(call_s(L, "utf8_check", "ab\xe4\xb8", 4, 1), LUA_OK);   /* cut at the end */
  assert_int_equal(lua_tointeger(L, -1), 3);
  lua_settop(L, 0);
  assert_int_equal(call(L, "utf8_check", 0, 1), LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "utf8_check'"));   /* policytk.core's function */
  ptk_closestate(L);
}

static void test_width(void **state) {
  (void)state;
  lua_State *L = new_text();
  ptk_test_run(L, "text.width = require('policytk.core').width");   /* width is policytk.core's */
  assert_int_equal(call_s(L, "width", "", 0, 1), LUA_OK);
  assert_int_equal(lua_tointeger(L, -1), 0);
  assert_int_equal(call_s(L, "width", "\xe4\xb8\xad\xe6\x96\x87" "ab", 8, 1), LUA_OK);
  assert_int_equal(lua_tointeger(L, -1), 6);
  assert_int_equal(call_s(L, "width", "a\xff" "b", 3, 1), LUA_OK);     /* a bad byte counts 1 */
  assert_int_equal(lua_tointeger(L, -1), 3);
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ decode, detect */

static void decode_case(lua_State *L, const char *s, size_t n, const char *cs,
                        const char *expected, int bad) {
  lua_pushlstring(L, s, n);
  lua_pushstring(L, cs);
  assert_int_equal(call(L, "decode", 2, 2), LUA_OK);
  assert_str_at(L, -2, expected);
  assert_int_equal(lua_tointeger(L, -1), bad);
  lua_settop(L, 0);
}

static void test_decode(void **state) {
  (void)state;
  lua_State *L = new_text();
  decode_case(L, "\xd6\xd0\xce\xc4", 4, "gbk", "\xe4\xb8\xad\xe6\x96\x87", 0);      /* 中文 */
  decode_case(L, "\xd6\xd0\xce\xc4", 4, "GB2312", "\xe4\xb8\xad\xe6\x96\x87", 0);
  decode_case(L, "\x84\xd5", 2, "GB18030", "\xe5\x8b\x99", 0);                      /* 務 */
  decode_case(L, "\xa4\xa4\xa4\xe5", 4, "big5", "\xe4\xb8\xad\xe6\x96\x87", 0);
  decode_case(L, "", 0, "gbk", "", 0);
  decode_case(L, "", 0, "utf-8", "", 0);
  /* invalid bytes in the middle and a cut sequence at the end: U+FFFD each, counted */
  decode_case(L, "\xd6\xd0\x80\xce\xc4\xd6", 6, "gb18030",
              "\xe4\xb8\xad\xef\xbf\xbd\xe6\x96\x87\xef\xbf\xbd", 2);
  decode_case(L, "ab\xff" "c\xe4\xb8", 6, "utf8", "ab\xef\xbf\xbd" "c\xef\xbf\xbd", 2);
  lua_pushlstring(L, "a\0b", 3);                                 /* NUL passes through */
  lua_pushliteral(L, "gbk");
  assert_int_equal(call(L, "decode", 2, 2), LUA_OK);
  assert_int_equal(lua_rawlen(L, -2), 3);
  assert_memory_equal(lua_tostring(L, -2), "a\0b", 3);
  lua_settop(L, 0);
  /* every byte value: the result is valid UTF-8 and the bad ones are counted */
  char all[256];
  for (int i = 0; i < 256; i++) all[i] = (char)i;
  const char *charsets[] = { "utf-8", "gb18030", "gbk", "gb2312", "big5" };
  for (size_t c = 0; c < sizeof charsets / sizeof charsets[0]; c++) {
    lua_pushlstring(L, all, sizeof all);
    lua_pushstring(L, charsets[c]);
    assert_int_equal(call(L, "decode", 2, 2), LUA_OK);
    size_t n;
    const char *r = lua_tolstring(L, -2, &n);
    assert_int_equal(ptk_utf8_check(r, n), n);
    assert_true(lua_tointeger(L, -1) > 0);
    lua_settop(L, 0);
  }
  /* an unknown charset is an error that names it */
  lua_pushliteral(L, "x");
  lua_pushliteral(L, "latin-9");
  assert_int_equal(call(L, "decode", 2, 2), LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "unsupported charset 'latin-9'"));
  lua_settop(L, 0);
  lua_pushliteral(L, "x");
  assert_int_equal(call(L, "decode", 1, 2), LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "bad argument #2 to 'policytk.text.decode'"));
  ptk_closestate(L);
}

static void test_detect(void **state) {
  (void)state;
  lua_State *L = new_text();
  assert_int_equal(call_s(L, "detect", "", 0, 1), LUA_OK);
  assert_str_at(L, -1, "utf-8");
  assert_int_equal(call_s(L, "detect", "\xe4\xb8\xad", 3, 1), LUA_OK);
  assert_str_at(L, -1, "utf-8");
  assert_int_equal(call_s(L, "detect", "\xd6\xd0\xce\xc4", 4, 1), LUA_OK);
  assert_str_at(L, -1, "gb18030");
  char *bin = noise(4096);
  assert_int_equal(call_s(L, "detect", bin, 4096, 1), LUA_OK);
  assert_true(lua_isnil(L, -1));
  free(bin);
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ t2s, is_traditional */

static void test_t2s(void **state) {
  (void)state;
  lua_State *L = new_text();
  const char *trad = "\xe7\x99\xbc\xe5\xb1\x95\xe5\x84\xaa\xe5\x8c\x96";     /* 發展優化 */
  assert_int_equal(call_s(L, "t2s", trad, strlen(trad), 1), LUA_OK);
  assert_str_at(L, -1, "\xe5\x8f\x91\xe5\xb1\x95\xe4\xbc\x98\xe5\x8c\x96");   /* 发展优化 */
  assert_int_equal(call_s(L, "t2s", "", 0, 1), LUA_OK);
  assert_str_at(L, -1, "");
  /* a NUL is kept and the text after it converted */
  assert_int_equal(call_s(L, "t2s", "a\0\xe7\x99\xbc", 5, 1), LUA_OK);
  size_t n;
  const char *r = lua_tolstring(L, -1, &n);
  assert_int_equal(n, 5);
  assert_memory_equal(r, "a\0\xe5\x8f\x91", 5);
  /* invalid UTF-8 is an error with its offset */
  assert_int_equal(call_s(L, "t2s", "ab\xff", 3, 1), LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "invalid UTF-8 at byte 3"));
  lua_settop(L, 0);
  /* a 1 MB line with no break */
  char *big = repeat("\xe7\x99\xbc\xe5\xb1\x95" "ab", MB);
  size_t cut = MB - MB % 8;
  assert_int_equal(call_s(L, "t2s", big, cut, 1), LUA_OK);
  r = lua_tolstring(L, -1, &n);
  assert_int_equal(n, cut);
  assert_memory_equal(r, "\xe5\x8f\x91\xe5\xb1\x95" "ab", 8);
  free(big);
  lua_settop(L, 0);
  /* is_traditional */
  assert_int_equal(call_s(L, "is_traditional", trad, strlen(trad), 1), LUA_OK);
  assert_true(lua_toboolean(L, -1));
  assert_int_equal(call_s(L, "is_traditional", "\xe5\x8f\x91\xe5\xb1\x95", 6, 1), LUA_OK);
  assert_false(lua_toboolean(L, -1));
  assert_int_equal(call_s(L, "is_traditional", "", 0, 1), LUA_OK);
  assert_false(lua_toboolean(L, -1));
  assert_int_equal(call_s(L, "is_traditional", "abc 123", 7, 1), LUA_OK);
  assert_false(lua_toboolean(L, -1));
  assert_int_equal(call_s(L, "is_traditional", "\xe7\x99\xbc\xff", 4, 1), LUA_ERRRUN);
  assert_int_equal(ptk_text_traditional_verdict(100, 5), 0);       /* the threshold: > 5% */
  assert_int_equal(ptk_text_traditional_verdict(100, 6), 1);
  assert_int_equal(ptk_text_traditional_verdict(0, 0), 0);
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ t2s shortcuts */

/* A seed text, malloc'd; fails the test plainly when the seeds are not there. */
static char *read_seed(const char *name, size_t *n) {
  const char *root = getenv("POLICYTK_HOME");
  const char *dir = getenv("POLICYTK_SEEDS");
  char path[4096];
  if (dir != NULL && *dir != '\0') snprintf(path, sizeof path, "%s/%s", dir, name);
  else snprintf(path, sizeof path, "%s/../shared/seeds/%s", root, name);
  FILE *f = fopen(path, "rb");
  if (f == NULL) fail_msg("seed text missing: %s", path);
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)len + 1);
  assert_non_null(s);
  assert_int_equal(fread(s, 1, (size_t)len, f), (size_t)len);
  fclose(f);
  *n = (size_t)len;
  return s;
}

/* ptk_text_t2s_lines gives exactly what ptk_text_t2s gives for s. */
static void assert_lines_same(lua_State *L, const char *s, size_t n) {
  size_t an, bn;
  ptk_text_t2s(L, s, n);
  ptk_text_t2s_lines(L, s, n, NULL, NULL);
  const char *a = lua_tolstring(L, -2, &an);
  const char *b = lua_tolstring(L, -1, &bn);
  assert_int_equal(an, bn);
  assert_memory_equal(a, b, an);
  lua_pop(L, 2);
}

/* The exact verdict of is_traditional, by converting the whole of s. */
static int exact_verdict(lua_State *L, const char *s, size_t n) {
  size_t tn, han, changed;
  ptk_text_t2s(L, s, n);
  const char *t = lua_tolstring(L, -1, &tn);
  ptk_text_t2s_changes(s, n, t, tn, &han, &changed);
  lua_pop(L, 1);
  return ptk_text_traditional_verdict(han, changed);
}

static void test_t2s_shortcuts(void **state) {
  (void)state;
  lua_State *L = new_text();
  static const char *const SEEDS[] = { "hangzhou_sme_growth_plan_2021_2023_draft.txt",
                                       "taizhou_sme_growth_plan_2018_2020.txt",
                                       "wenzhou_private_economy_tasks_2023.txt",
                                       "wenzhou_sme_friendly_city_2023.txt" };
  /* the seed texts: three simplified (no conversion needed), one traditional */
  for (size_t k = 0; k < 4; k++) {
    size_t n;
    char *raw = read_seed(SEEDS[k], &n);
    ptk_text_decode(L, raw, n, "utf-8");
    free(raw);
    size_t tn;
    const char *t = lua_tolstring(L, -1, &tn);
    int exact = exact_verdict(L, t, tn);
    assert_int_equal(exact, k == 3);
    assert_int_equal(ptk_text_t2s_maybe(L, t, tn), exact);
    assert_lines_same(L, t, tn);
    lua_pop(L, 1);
  }
  /* a line whose only changed character is one a phrase changes: 回覆 → 回复 */
  const char *mixed = "\xe5\x8f\x91\xe5\xb1\x95\n"                       /* 发展 */
                      "\xe8\xaf\xb7\xe5\x9b\x9e\xe8\xa6\x86\n"           /* 请回覆 */
                      "\xe7\x99\xbc\xe5\xb1\x95\n\n"                     /* 發展 */
                      "abc\0\xe5\x84\xaa\n";                             /* abc NUL 優 */
  size_t mn = strlen(mixed) + 1 + strlen(mixed + strlen(mixed) + 1);
  assert_lines_same(L, mixed, mn);
  ptk_text_t2s_lines(L, "\xe8\xaf\xb7\xe5\x9b\x9e\xe8\xa6\x86", 9, NULL, NULL);
  assert_str_at(L, -1, "\xe8\xaf\xb7\xe5\x9b\x9e\xe5\xa4\x8d");          /* 请回复 */
  lua_pop(L, 1);
  assert_lines_same(L, "", 0);
  /* at the threshold: k traditional ideographs among 100; maybe never says no wrongly */
  for (int k = 0; k <= 10; k++) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < 100; i++)
      luaL_addstring(&b, i < k ? "\xe7\x99\xbc" : "\xe5\xb1\x95");       /* 發 or 展 */
    luaL_pushresult(&b);
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    int exact = exact_verdict(L, s, n);
    assert_int_equal(exact, k > 5);
    if (exact) assert_int_equal(ptk_text_t2s_maybe(L, s, n), 1);
    if (k == 0) assert_int_equal(ptk_text_t2s_maybe(L, s, n), 0);
    lua_pop(L, 1);
  }
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ t2s table */

/* ptk_text_t2s_lines(s) as a Lua C function, for an error raised inside it. */
static int text_lines_call(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ptk_text_t2s_lines(L, s, n, NULL, NULL);
  return 1;
}

/* ptk_text_t2s_lines gives exactly the bytes of a full OpenCC conversion, and the counts
** ptk_text_t2s_changes gives for them. */
static void assert_table_same(lua_State *L, const char *s, size_t n) {
  size_t an, bn, han, changed, h2, c2;
  ptk_text_t2s(L, s, n);
  ptk_text_t2s_lines(L, s, n, &han, &changed);
  const char *a = lua_tolstring(L, -2, &an);
  const char *b = lua_tolstring(L, -1, &bn);
  if (an != bn || memcmp(a, b, an) != 0) {
    size_t k = 0;
    while (k < an && k < bn && a[k] == b[k]) k++;
    fail_msg("t2s table differs from OpenCC at byte %zu of %zu: %.40s | %.40s", k, n, a + k, b + k);
  }
  ptk_text_t2s_changes(s, n, a, an, &h2, &c2);
  assert_int_equal(han, h2);
  assert_int_equal(changed, c2);
  lua_pop(L, 2);
}

static void test_t2s_table(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* the OpenCC data installed here is the data text_phrases.c was made from */
  if (!ptk_text_t2s_table(L)) {
    char msg[2048] = "";
    for (int k = 0; k < PTK_T2S_FILES; k++) {
      char path[512], one[640];
      size_t size = 0;
      uint64_t fnv = 0;
      snprintf(path, sizeof path, "/usr/share/opencc/%s", ptk_t2s_files[k].name);
      int ok = ptk_file_fnv(path, &size, &fnv);
      snprintf(one, sizeof one, " %s: %s size %zu fnv 0x%016llx;", path, ok ? "" : "unreadable",
               size, (unsigned long long)fnv);
      strncat(msg, one, sizeof msg - strlen(msg) - 1);
    }
    fail_msg("the t2s phrase table is off: the OpenCC data differs from core/text_phrases.c:%s", msg);
  }
  /* every phrase key alone, between traditional characters, twice in a row, and cut short */
  const char *keys = ptk_t2s_phrase_keys;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (const char *k = keys; *k != '\0';) {
    const char *nl = strchr(k, '\n');
    size_t kl = (size_t)(nl - k);
    luaL_addlstring(&b, k, kl);
    luaL_addstring(&b, "\n\xe7\x99\xbc");                       /* 發 */
    luaL_addlstring(&b, k, kl);
    luaL_addlstring(&b, k, kl);
    luaL_addstring(&b, "\xe5\xb1\x95 ab\n");                    /* 展 */
    size_t cut = kl;
    while (cut > 0 && ((unsigned char)k[cut - 1] & 0xC0) == 0x80) cut--;
    if (cut > 0) cut--;
    while (cut > 0 && ((unsigned char)k[cut] & 0xC0) == 0x80) cut--;
    luaL_addlstring(&b, k, cut);                                /* without its last character */
    luaL_addchar(&b, '\n');
    k = nl + 1;
  }
  luaL_pushresult(&b);
  size_t n;
  const char *all = lua_tolstring(L, -1, &n);
  assert_table_same(L, all, n);
  lua_pop(L, 1);
  /* random text: pieces of phrase keys, traditional and simplified characters, a character
  ** t2s makes supplementary (䂎 → 𥎝), supplementary ideographs, ASCII, NUL, line breaks */
  static const char *const PIECES[] = {
    "\xe4\xb9\xbe", "\xe5\x9d\xa4", "\xe9\x9a\x86", "\xe8\x97\x89", "\xe8\xa6\x86", "\xe7\x9e\xad",
    "\xe7\x84\xb6", "\xe9\x8d\x8a", "\xe9\x8d\xbe", "\xe4\xb9\x88", "\xe9\xba\xbc", "\xe5\x9b\x9e",
    "\xe7\x99\xbc", "\xe5\xb1\x95", "\xe5\x84\xaa", "\xe5\x8c\x96", "\xe5\x8f\x91", "\xe4\xbc\x98",
    "\xe4\x82\x8e", "\xf0\xa0\x80\x80", "\xf0\xa5\x8e\x9d", "a", " ", "\n", "\n\n", "(", ")",
    "\xef\xbc\x88", "\xe3\x80\x82", "1", "\xe7\xbe\xa9", "\xe5\x8b\x99",
  };
  uint32_t x = 88172645u;
  for (int round = 0; round < 300; round++) {
    luaL_buffinit(L, &b);
    int len = 1 + (int)(x % 200);
    for (int i = 0; i < len; i++) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      luaL_addstring(&b, PIECES[x % (sizeof PIECES / sizeof PIECES[0])]);
      if (x % 97 == 0) luaL_addchar(&b, '\0');
    }
    luaL_pushresult(&b);
    const char *r = lua_tolstring(L, -1, &n);
    assert_table_same(L, r, n);
    lua_pop(L, 1);
  }
  /* the seed texts, one of them traditional */
  static const char *const SEEDS[] = { "hangzhou_sme_growth_plan_2021_2023_draft.txt",
                                       "taizhou_sme_growth_plan_2018_2020.txt",
                                       "wenzhou_private_economy_tasks_2023.txt",
                                       "wenzhou_sme_friendly_city_2023.txt" };
  for (size_t k = 0; k < 4; k++) {
    char *raw = read_seed(SEEDS[k], &n);
    ptk_text_decode(L, raw, n, "utf-8");
    free(raw);
    const char *t = lua_tolstring(L, -1, &n);
    assert_table_same(L, t, n);
    lua_pop(L, 1);
  }
  /* invalid UTF-8 is still the error of t2s */
  lua_pushcfunction(L, text_lines_call);
  lua_pushlstring(L, "\xe7\x99\xbc\xff", 4);
  assert_int_equal(lua_pcall(L, 1, 1, 0), LUA_ERRRUN);
  assert_non_null(strstr(lua_tostring(L, -1), "invalid UTF-8 at byte 4"));
  ptk_closestate(L);
}

/* Without the table (a config file that is not the one text_phrases.c knows), every line
** that may change goes to OpenCC: the same result. */
static void test_t2s_table_off(void **state) {
  (void)state;
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
  lua_State *L = new_text();
  assert_int_equal(ptk_text_t2s_table(L), 0);
  const char *mixed = "\xe5\x8f\x91\xe5\xb1\x95\n"                       /* 发展 */
                      "\xe8\xaf\xb7\xe5\x9b\x9e\xe8\xa6\x86\n"           /* 请回覆 */
                      "\xe4\xb9\xbe\xe5\x9d\xa4\xe7\x99\xbc\xe5\xb1\x95\n"  /* 乾坤發展 */
                      "\xe4\x82\x8e \xf0\xa0\x80\x80\n";                 /* 䂎 𠀀 */
  assert_table_same(L, mixed, strlen(mixed));
  size_t n;
  char *raw = read_seed("wenzhou_sme_friendly_city_2023.txt", &n);
  ptk_text_decode(L, raw, n, "utf-8");
  free(raw);
  const char *t = lua_tolstring(L, -1, &n);
  assert_table_same(L, t, n);
  ptk_closestate(L);
  unsetenv("POLICYTK_OPENCC_T2S");
  for (int k = 1; k < PTK_T2S_FILES; k++) {
    snprintf(path, sizeof path, "%s/%s", dir, ptk_t2s_files[k].name);
    unlink(path);
  }
  unlink(json);
  rmdir(dir);
}

/* ------------------------------------------------------------------ strip_pinyin */

static void strip_case(lua_State *L, const char *in, const char *out, int removed) {
  assert_int_equal(call_s(L, "strip_pinyin", in, strlen(in), 2), LUA_OK);
  assert_str_at(L, -2, out);
  assert_int_equal(lua_tointeger(L, -1), removed);
  lua_settop(L, 0);
}

static void test_strip_pinyin(void **state) {
  (void)state;
  lua_State *L = new_text();
  strip_case(L, "", "", 0);
  /* 區(qū) 發(fā)展 → 區發展 */
  strip_case(L, "\xe5\x8d\x80(q\xc5\xab)\xe7\x99\xbc(f\xc4\x81)\xe5\xb1\x95",
             "\xe5\x8d\x80\xe7\x99\xbc\xe5\xb1\x95", 2);
  /* full-width parentheses, and mixed */
  strip_case(L, "\xe7\x99\xbc\xef\xbc\x88" "f\xc4\x81\xef\xbc\x89\xe5\xb1\x95",
             "\xe7\x99\xbc\xe5\xb1\x95", 1);
  strip_case(L, "\xe7\x99\xbc(f\xc4\x81\xef\xbc\x89", "\xe7\x99\xbc", 1);
  /* ordinary brackets stay: (一) (责任单位：市经信局) (2023) (AI) (zhong) */
  const char *keep = "\xe4\xb8\x80(\xe4\xb8\x80)\xe4\xb8\x80(\xe8\xb4\xa3\xe4\xbb\xbb\xef\xbc\x9a"
                     "\xe5\xb8\x82)\xe5\xb9\xb4(2023)\xe7\x94\xa8(AI)\xe4\xb8\xad(zhong)";
  strip_case(L, keep, keep, 0);
  /* only right after an ideograph (or U+FFFD, a lost one) */
  strip_case(L, "a(f\xc4\x81) (f\xc4\x81)", "a(f\xc4\x81) (f\xc4\x81)", 0);
  strip_case(L, "\xef\xbf\xbd(y\xc5\x8du)", "\xef\xbf\xbd", 1);
  /* brackets ten deep around an ideograph: untouched */
  strip_case(L, "((((((((((\xe4\xb8\xad))))))))))", "((((((((((\xe4\xb8\xad))))))))))", 0);
  strip_case(L, "\xe4\xb8\xad((((((((((f\xc4\x81))))))))))",
             "\xe4\xb8\xad((((((((((f\xc4\x81))))))))))", 0);
  /* invalid UTF-8 in the middle is kept, and breaks the ideograph context */
  assert_int_equal(call_s(L, "strip_pinyin", "\xe7\x99\xbc\xff(f\xc4\x81)\xe7\x99\xbc(f\xc4\x81)", 17, 2),
                   LUA_OK);
  assert_str_at(L, -2, "\xe7\x99\xbc\xff(f\xc4\x81)\xe7\x99\xbc");
  lua_settop(L, 0);
  /* a 1 MB line */
  char *big = repeat("\xe7\x99\xbc(f\xc4\x81)", MB);
  size_t cut = MB - MB % 8;
  assert_int_equal(call_s(L, "strip_pinyin", big, cut, 2), LUA_OK);
  assert_int_equal(lua_tointeger(L, -1), (lua_Integer)(cut / 8));
  free(big);
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ repair_mojibake */

/* repair(s) must give `expected`; returns with s', n, unrepairable, inferred on the stack. */
static void repair_case(lua_State *L, const char *in, size_t n, const char *expected, int repaired) {
  assert_int_equal(call_s(L, "repair_mojibake", in, n, 4), LUA_OK);
  if (expected) assert_str_at(L, -4, expected);
  assert_int_equal(lua_tointeger(L, -3), repaired);
}

static void test_repair_shifted(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* line 9: （一）主體, the lost character before it is the indentation space */
  repair_case(L, LINE9, strlen(LINE9),
              " \xe3\x80\x80\xef\xbc\x88\xe4\xb8\x80\xef\xbc\x89\xe4\xb8\xbb\xe9\xab\x94\xe8\xb3\xaa"
              "(zh\xc3\xac)\xe9\x87\x8f\xe6\x8f\x90", 1);
  assert_int_equal(lua_rawlen(L, -2), 0);
  assert_int_equal(lua_rawlen(L, -1), 1);
  lua_rawgeti(L, -1, 1);
  lua_getfield(L, -1, "basis");
  assert_str_at(L, -1, "indentation");
  lua_settop(L, 0);
  /* line 11: （二）活力顯著增強 */
  repair_case(L, LINE11, strlen(LINE11),
              " \xe3\x80\x80\xef\xbc\x88\xe4\xba\x8c\xef\xbc\x89\xe6\xb4\xbb\xe5\x8a\x9b\xe9\xa1\xaf"
              "\xe8\x91\x97\xe5\xa2\x9e\xe5\xbc\xb7\xe3\x80\x82", 1);
  lua_settop(L, 0);
  /* line 101: （三）開展, the trail byte of 開 survived as '_' */
  repair_case(L, LINE101, strlen(LINE101),
              " \xe3\x80\x80\xef\xbc\x88\xe4\xb8\x89\xef\xbc\x89\xe9\x96\x8b\xe5\xb1\x95\xe7\x99\xbc(f\xc4\x81)",
              1);
  lua_settop(L, 0);
  /* line 15 alone: 優 lost (its trail byte went with the decoder's '?'), reported with its
  ** line; the "(" of its annotation is restored */
  repair_case(L, LINE15, strlen(LINE15),
              " \xe3\x80\x80\xef\xbc\x88\xe5\x9b\x9b\xef\xbc\x89\xe6\x9c\x8d\xe5\x8b\x99\xe9\x9b\x86"
              "\xe6\x88\x90\xef\xbf\xbd(y\xc5\x8du)\xe5\x8c\x96", 1);
  assert_int_equal(lua_rawlen(L, -2), 1);
  lua_rawgeti(L, -2, 1);
  lua_getfield(L, -1, "line");
  assert_int_equal(lua_tointeger(L, -1), 1);
  lua_getfield(L, -2, "reason");
  assert_str_at(L, -1, "lost character");
  lua_settop(L, 0);
  ptk_closestate(L);
}

static void test_repair_inference(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* line 17 after a line that has 權(quán): the lost 權 (lead byte 0x99 known) is put back */
  char buf[256];
  snprintf(buf, sizeof buf, "\xe6\xac\x8a(qu\xc3\xa1n)\n%s", LINE17);
  repair_case(L, buf, strlen(buf),
              "\xe6\xac\x8a(qu\xc3\xa1n)\n \xe3\x80\x80\xef\xbc\x88\xe4\xba\x94\xef\xbc\x89"
              "\xe6\xac\x8a(qu\xc3\xa1n)\xe7\x9b\x8a", 1);
  assert_int_equal(lua_rawlen(L, -2), 0);
  assert_int_equal(lua_rawlen(L, -1), 2);
  lua_rawgeti(L, -1, 2);
  lua_getfield(L, -1, "char");
  assert_str_at(L, -1, "\xe6\xac\x8a");
  lua_getfield(L, -2, "pinyin");
  assert_str_at(L, -1, "qu\xc3\xa1n");
  lua_getfield(L, -3, "line");
  assert_int_equal(lua_tointeger(L, -1), 2);
  lua_settop(L, 0);
  /* line 49: a spurious annotation between the two bytes of 協 (85 66) */
  snprintf(buf, sizeof buf, "\xe5\x8d\x94(xi\xc3\xa9)\n%s", LINE49);
  repair_case(L, buf, strlen(buf),
              "\xe5\x8d\x94(xi\xc3\xa9)\n\xe5\x8a\xa0\xe5\x85\xa5\xe5\x8d\x94(xi\xc3\xa9)\xe4\xbd\x9c", 0);
  assert_int_equal(lua_rawlen(L, -1), 1);
  lua_settop(L, 0);
  /* without the evidence it stays, reported */
  repair_case(L, LINE49, strlen(LINE49), LINE49, 0);
  assert_int_equal(lua_rawlen(L, -2), 1);
  ptk_closestate(L);
}

static void test_repair_utf8_as_gbk(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* （一）主体质量提升，发展 read as GBK: 锛堜竴锛変富浣撹川閲忔彁鍗囷紝鍙戝睍 */
  check_lua(L,
    "local src = '（一）主体质量提升，发展'\n"
    "local moj = text.decode(src, 'gbk')\n"
    "if moj == src then return false, 'no mojibake made' end\n"
    "local r, n, u = text.repair_mojibake(moj)\n"
    "return r == src and n == 1 and #u == 0, r .. ' ' .. n .. ' ' .. #u");
  /* bytes lost by the bad decoder: the characters they held are lost, and reported */
  check_lua(L,
    "local moj = text.decode('到2025年，新增中小微企业10万家。', 'gbk')\n"
    "local r, n, u = text.repair_mojibake(moj)\n"
    "return r:find('2025年，新\\u{FFFD}中小微企业10万', 1, true) ~= nil and #u >= 2, r");
  ptk_closestate(L);
}

static void test_repair_clean_and_bad_inputs(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* clean text: untouched, nothing reported (a lone '?', box drawing, a full-width marker) */
  const char *clean[] = {
    "",
    "\xe6\x98\xaf\xe5\x90\xa6\xe5\x8f\xaf\xe8\xa1\x8c?\xe6\x88\x91\xe4\xbb\xac",         /* 是否可行?我们 */
    "\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90\xe2\x94\x82\xe9\xa1\xb9\xe2\x94\x82",         /* ┌─┐│项│ */
    "\xef\xbc\x88\xe4\xb8\x80\xef\xbc\x89\xe4\xb8\xbb\xe4\xbd\x93 (2023)",               /* （一）主体 (2023) */
  };
  for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
    repair_case(L, clean[i], strlen(clean[i]), clean[i], 0);
    assert_int_equal(lua_rawlen(L, -2), 0);
    lua_settop(L, 0);
  }
  /* what cannot be repaired is kept and reported with its line */
  const char *bad = "ok\n\xe3\x84\x85\xe3\x84\x86\xe3\x84\x87\xe6\xb3\xa8";       /* ㄅㄆㄇ注 */
  repair_case(L, bad, strlen(bad), bad, 0);
  assert_int_equal(lua_rawlen(L, -2), 1);
  lua_rawgeti(L, -2, 1);
  lua_getfield(L, -1, "line");
  assert_int_equal(lua_tointeger(L, -1), 2);
  lua_settop(L, 0);
  /* invalid UTF-8 in the middle passes through */
  repair_case(L, "a\xff\xe4\xb8\xad", 5, "a\xff\xe4\xb8\xad", 0);
  lua_settop(L, 0);
  /* a 1 MB line with no break */
  char *big = repeat("\xe4\xb8\xad\xe6\x96\x87" "abc?", MB);
  size_t cut = MB - MB % 10;
  repair_case(L, big, cut, NULL, 0);
  size_t n;
  const char *r = lua_tolstring(L, -4, &n);
  assert_int_equal(n, cut);
  assert_memory_equal(r, big, cut);
  free(big);
  lua_settop(L, 0);
  /* binary data: no crash, the report is bounded */
  char *bin = noise(MB);
  assert_int_equal(call_s(L, "repair_mojibake", bin, MB, 4), LUA_OK);
  assert_true(lua_rawlen(L, -2) <= 1000);
  free(bin);
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ normalize */

static void test_normalize_unifies(void **state) {
  (void)state;
  lua_State *L = new_text();
  check_lua(L,
    "local function eq(a, b) if a ~= b then error(('%q ~= %q'):format(a, b), 2) end end\n"
    "local n = function(s, o) return (text.normalize(s, o)) end\n"
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
    "eq(n('后', {t2s = true}), '后')\n"
    "return true");
  check_lua(L,
    "local s, r = text.normalize('100\\n亿元 7.5 %\\n發(fā)展')\n"
    "return r.pinyin == 1 and r.t2s == true and r.joined_numbers == 3 and r.width == 0\n"
    "  and r.mojibake == 0 and r.charset == 'utf-8' and r.replaced == 0\n"
    "  and type(r.unrepairable) == 'table' and type(r.inferred) == 'table', s");
  /* other charsets: given, detected, or invalid bytes replaced and counted */
  check_lua(L,
    "local s, r = text.normalize('\\xd6\\xd0\\xce\\xc4')\n"
    "if s ~= '中文' or r.charset ~= 'gb18030' then return false, s end\n"
    "s, r = text.normalize('\\xa4\\xa4\\xa4\\xe5', {charset = 'big5'})\n"
    "if s ~= '中文' or r.charset ~= 'big5' then return false, s end\n"
    "s, r = text.normalize('a\\x80\\xff\\xfe b')\n"
    "return r.replaced > 0 and text.utf8_check(s) == nil, s");
  /* a quote written from the repaired text matches after both are normalized */
  check_lua(L,
    "local src = '  （一）主体质量提升。到2025年，新增中小微企业 10 万家；\\r\\n规上工业企业突破1万家'\n"
    "local quotes = { '(一)主体质量提升', '新增中小微企业10万家;', '到２０２５年，新增',\n"
    "                 '新增中小微企业10万家;规上' }\n"
    "local ns = text.normalize(src)\n"
    "for i = 1, 3 do\n"
    "  if not ns:find(text.normalize(quotes[i]), 1, true) then return false, quotes[i] end\n"
    "end\n"
    "return not ns:find(text.normalize(quotes[4]), 1, true), 'a line break is not joined'");
  ptk_closestate(L);
}

static void test_normalize_bad_inputs(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* option types are checked */
  check_lua(L, "local ok, e = pcall(text.normalize, 'a', {t2s = 'yes'})\n"
               "return not ok and e:find('opts.t2s must be a boolean', 1, true) ~= nil, e");
  check_lua(L, "local ok, e = pcall(text.normalize, 'a', 5)\n"
               "return not ok and e:find('bad argument #2', 1, true) ~= nil, e");
  check_lua(L, "local ok, e = pcall(text.normalize, 'a', {charset = 'ebcdic'})\n"
               "return not ok and e:find('unsupported charset', 1, true) ~= nil, e");
  /* invalid UTF-8 in the middle, brackets ten deep, a 1 MB line, binary data */
  check_lua(L, "local s, r = text.normalize('中\\xe4\\xb8文') return s == '中\\u{FFFD}文' and r.replaced == 1, s");
  check_lua(L, "local b = ('（'):rep(10) .. '中' .. ('）'):rep(10)\n"
               "return text.normalize(b) == ('('):rep(10) .. '中' .. (')'):rep(10)");
  check_lua(L, "local s = ('中文 abc '):rep(100000) local r = text.normalize(s)\n"
               "return #r > 0 and not r:find('\\n'), #r");
  char *bin = noise(MB);
  lua_pushlstring(L, bin, MB);
  lua_setglobal(L, "bin");
  free(bin);
  check_lua(L, "local s, r = text.normalize(bin)\n"
               "return text.utf8_check(s) == nil and r.replaced > 0 and #r.unrepairable <= 1000");
  ptk_closestate(L);
}

/* ------------------------------------------------------------------ errors do not leak */

static void test_errors_under_memory_budget(void **state) {
  (void)state;
  lua_State *L = new_text();
  /* each function on a large input under a budget too small to finish: the error is
  ** raised part way, and what was being built is reclaimed (ASan checks the C side) */
  check_lua(L,
    "local core = require 'policytk.core'\n"
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
    "  if ok or stopped ~= 'memory' then return false, 'call ' .. i .. ': ' .. tostring(err) end\n"
    "end\n"
    "collectgarbage()\n"
    "return text.t2s('發展') == '发展', 'works after'");
  ptk_closestate(L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_u8_helpers),
    cmocka_unit_test(test_pinyin_matcher),
    cmocka_unit_test(test_utf8_check),
    cmocka_unit_test(test_width),
    cmocka_unit_test(test_decode),
    cmocka_unit_test(test_detect),
    cmocka_unit_test(test_t2s),
    cmocka_unit_test(test_t2s_shortcuts),
    cmocka_unit_test(test_t2s_table),
    cmocka_unit_test(test_t2s_table_off),
    cmocka_unit_test(test_strip_pinyin),
    cmocka_unit_test(test_repair_shifted),
    cmocka_unit_test(test_repair_inference),
    cmocka_unit_test(test_repair_utf8_as_gbk),
    cmocka_unit_test(test_repair_clean_and_bad_inputs),
    cmocka_unit_test(test_normalize_unifies),
    cmocka_unit_test(test_normalize_bad_inputs),
    cmocka_unit_test(test_errors_under_memory_budget),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
