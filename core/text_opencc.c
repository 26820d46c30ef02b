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
    size_t la = ptk_utf8_next(s + i, n - i, &a);
    if (la == 0) { i++; continue; }
    size_t lc = j < tn ? ptk_utf8_next(t + j, tn - j, &c) : 0;
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
