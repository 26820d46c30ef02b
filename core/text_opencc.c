/*
** text_opencc.c — traditional to simplified conversion for policytk.text through
** OpenCC's C API. The converter (config t2s.json) is opened once per lua_State, on first
** use, and kept in a registry userdata whose __gc closes it.
*/
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "policytk.h"
#include "text.h"

#ifndef PTK_OPENCC_T2S
#define PTK_OPENCC_T2S "/usr/share/opencc/t2s.json"
#endif

static const char *const CONVERTER_META = "policytk.text.opencc";        /* its metatable */
static const char *const CONVERTER_KEY = "policytk.text.opencc.instance"; /* the instance */
static const char *const RESULT_META = "policytk.text.opencc_result";

static int converter_gc(lua_State *L) {
  opencc_t *box = luaL_checkudata(L, 1, CONVERTER_META);
  if (*box != (opencc_t)-1) {
    opencc_close(*box);
    *box = (opencc_t)-1;
  }
  return 0;
}

/* The converter of L, opened on first use. $POLICYTK_OPENCC_T2S overrides the config. */
static opencc_t converter(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, CONVERTER_KEY) == LUA_TUSERDATA) {
    opencc_t cc = *(opencc_t *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    return cc;
  }
  lua_pop(L, 1);
  opencc_t *box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = (opencc_t)-1;
  if (luaL_newmetatable(L, CONVERTER_META)) {
    lua_pushcfunction(L, converter_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  const char *config = getenv("POLICYTK_OPENCC_T2S");
  if (config == NULL || *config == '\0') config = PTK_OPENCC_T2S;
  *box = opencc_open(config);
  if (*box == (opencc_t)-1) {
    const char *why = opencc_error();
    luaL_error(L, "text.t2s: cannot open the OpenCC config %s: %s", config, why ? why : "?");
  }
  lua_setfield(L, LUA_REGISTRYINDEX, CONVERTER_KEY);
  return *box;
}

/* A result of opencc_convert_utf8 in a box that frees it if copying it raises an error. */
static int result_gc(lua_State *L) {
  char **box = luaL_checkudata(L, 1, RESULT_META);
  if (*box != NULL) {
    opencc_convert_utf8_free(*box);
    *box = NULL;
  }
  return 0;
}

void ptk_text_t2s(lua_State *L, const char *s, size_t n) {
  size_t bad = ptk_utf8_check(s, n);
  if (bad != n)
    luaL_error(L, "text.t2s: invalid UTF-8 at byte %d (decode the text first)", (int)bad + 1);
  if (n == 0) {
    lua_pushliteral(L, "");
    return;
  }
  opencc_t cc = converter(L);
  char **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  if (luaL_newmetatable(L, RESULT_META)) {
    lua_pushcfunction(L, result_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  int boxidx = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  /* OpenCC stops at a NUL: convert the pieces between NULs and keep the NULs */
  size_t i = 0;
  while (i <= n) {
    const char *nul = memchr(s + i, '\0', n - i);
    size_t len = nul ? (size_t)(nul - (s + i)) : n - i;
    if (len > 0) {
      *box = opencc_convert_utf8(cc, s + i, len);
      if (*box == NULL) {
        const char *why = opencc_error();
        luaL_error(L, "text.t2s: OpenCC failed: %s", why ? why : "?");
      }
      luaL_addstring(&b, *box);
      opencc_convert_utf8_free(*box);
      *box = NULL;
    }
    if (nul == NULL) break;
    luaL_addchar(&b, '\0');
    i += len + 1;
  }
  luaL_pushresult(&b);
  lua_remove(L, boxidx);
}

void ptk_text_t2s_changes(const char *s, size_t n, const char *t, size_t tn, size_t *han,
                          size_t *changed) {
  size_t i = 0, j = 0;
  *han = *changed = 0;
  while (i < n) {
    uint32_t a, c = 0;
    size_t la = ptk_u8_next(s + i, n - i, &a);
    if (la == 0) { i++; continue; }
    size_t lc = j < tn ? ptk_u8_next(t + j, tn - j, &c) : 0;
    if (ptk_is_han(a)) {
      (*han)++;
      if (lc == 0 || c != a) (*changed)++;
    }
    i += la;
    j += lc ? lc : (j < tn ? 1 : 0);
  }
}

int ptk_text_traditional_verdict(size_t han, size_t changed) {
  return changed > 0 && (double)changed > PTK_TRADITIONAL_SHARE * (double)han;
}

/* ---------------------------------------------------------------- the cheap verdict */

/* What t2s does to each BMP ideograph alone, learnt from the converter as the text needs
** it: FATE_UNKNOWN until asked, then FATE_KEPT or FATE_CHANGED. One table per lua_State
** (a registry userdata of 64 KiB), so a long text asks about each character once. */
enum { FATE_UNKNOWN = 0, FATE_KEPT = 1, FATE_CHANGED = 2, FATE_ASKING = 3 };
static const char *const FATE_KEY = "policytk.text.opencc.fate";

typedef struct fate_table {
  unsigned char fate[0x10000];
  int unsafe;             /* a character converted to more or fewer than one: no shortcut */
} fate_table;

/* Characters that OpenCC 1.1.6's TSPhrases changes inside a phrase (憑藉 → 凭借) although
** t2s keeps them when they stand alone (藉 → 藉): always counted as possibly changed. */
static const uint32_t PHRASE_ONLY[] = { 0x4E48, 0x4FF1, 0x5F77, 0x6C88, 0x7274, 0x77AD,
                                        0x85C9, 0x8879, 0x8986 };

static fate_table *fates(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, FATE_KEY) == LUA_TUSERDATA) {
    fate_table *f = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return f;
  }
  lua_pop(L, 1);
  fate_table *f = lua_newuserdatauv(L, sizeof *f, 0);
  memset(f, 0, sizeof *f);
  for (size_t i = 0; i < sizeof PHRASE_ONLY / sizeof PHRASE_ONLY[0]; i++)
    f->fate[PHRASE_ONLY[i]] = FATE_CHANGED;
  lua_setfield(L, LUA_REGISTRYINDEX, FATE_KEY);
  return f;
}

/* Ask the converter about every ideograph of s whose fate is unknown: all of them in one
** call, one per line, so that no phrase can join two of them. */
static void learn_fates(lua_State *L, fate_table *f, const char *s, size_t n) {
  luaL_Buffer b;
  size_t asked = 0, i = 0;
  luaL_buffinit(L, &b);
  while (i < n) {
    uint32_t c;
    size_t len = ptk_u8_next(s + i, n - i, &c);
    if (len == 0) len = 1;
    else if (c < 0x10000 && ptk_is_han(c) && f->fate[c] == FATE_UNKNOWN) {
      f->fate[c] = FATE_ASKING;
      luaL_addlstring(&b, s + i, len);
      luaL_addchar(&b, '\n');
      asked++;
    }
    i += len;
  }
  luaL_pushresult(&b);
  if (asked == 0) {
    lua_pop(L, 1);
    return;
  }
  size_t qn, an;
  const char *q = lua_tolstring(L, -1, &qn);
  /* the fates stay FATE_ASKING if t2s raises: reset them first, so a retry asks again */
  for (size_t k = 0; k < qn;) {
    uint32_t c;
    size_t len = ptk_u8_next(q + k, qn - k, &c);
    if (c != '\n') f->fate[c] = FATE_UNKNOWN;
    k += len;
  }
  ptk_text_t2s(L, q, qn);
  const char *a = lua_tolstring(L, -1, &an);
  size_t qi = 0, ai = 0;
  while (qi < qn) {
    uint32_t c, d = 0;
    size_t ql = ptk_u8_next(q + qi, qn - qi, &c);
    const char *nl = ai < an ? memchr(a + ai, '\n', an - ai) : NULL;
    size_t line = nl ? (size_t)(nl - (a + ai)) : an - ai;
    size_t dl = line > 0 ? ptk_u8_next(a + ai, line, &d) : 0;
    if (nl == NULL || dl == 0 || dl != line) f->unsafe = 1;   /* not one character */
    f->fate[c] = (dl == line && d == c) ? FATE_KEPT : FATE_CHANGED;
    qi += ql + 1;
    ai += line + (nl != NULL);
  }
  lua_pop(L, 2);
}

int ptk_text_t2s_maybe(lua_State *L, const char *s, size_t n) {
  if (ptk_utf8_check(s, n) != n) return 1;       /* ptk_text_t2s raises the error */
  fate_table *f = fates(L);
  if (f->unsafe) return 1;
  learn_fates(L, f, s, n);
  if (f->unsafe) return 1;
  size_t han = 0, bound = 0, i = 0;
  while (i < n) {
    uint32_t c;
    size_t len = ptk_u8_next(s + i, n - i, &c);
    i += len;
    if (!ptk_is_han(c)) continue;
    han++;
    if (c >= 0x10000 || f->fate[c] != FATE_KEPT) bound++;
  }
  return ptk_text_traditional_verdict(han, bound);
}

/* 1 when line [a, b) of s holds a character t2s may change. */
static int line_may_change(const fate_table *f, const char *s, size_t a, size_t b) {
  while (a < b) {
    uint32_t c;
    size_t len = ptk_u8_next(s + a, b - a, &c);
    if (len == 0) return 1;
    a += len;
    if (c >= 0x80 && ptk_is_han(c) && (c >= 0x10000 || f->fate[c] != FATE_KEPT)) return 1;
  }
  return 0;
}

void ptk_text_t2s_lines(lua_State *L, const char *s, size_t n) {
  if (ptk_utf8_check(s, n) != n) {
    ptk_text_t2s(L, s, n);                      /* raises the error */
    return;
  }
  fate_table *f = fates(L);
  if (!f->unsafe) learn_fates(L, f, s, n);
  if (f->unsafe) {
    ptk_text_t2s(L, s, n);
    return;
  }
  luaL_Buffer b;
  luaL_buffinitsize(L, &b, n);
  size_t i = 0, from = 0;                       /* [from, i): lines to convert */
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) + 1 : n;   /* the line with its '\n' */
    if (!line_may_change(f, s, i, e)) {
      if (from < i) {
        ptk_text_t2s(L, s + from, i - from);
        luaL_addvalue(&b);
      }
      luaL_addlstring(&b, s + i, e - i);
      from = e;
    }
    i = e;
  }
  if (from < n) {
    ptk_text_t2s(L, s + from, n - from);
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
}
