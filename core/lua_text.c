/*
** lua_text.c — the policytk.text Lua module: the text primitives the fetcher and the
** city plugins need to read Chinese policy documents and match quotes against them.
**   text.decode(s, charset) -> utf8, replaced     (utf-8 gb18030 gbk gb2312 big5)
**   text.detect(s)          -> "utf-8" | "gb18030" | nil
**   text.t2s(s)             -> simplified         (OpenCC t2s.json)
**   text.is_traditional(s)  -> boolean
**   text.strip_pinyin(s)    -> s', removed
**   text.repair_mojibake(s) -> s', repaired, unrepairable, inferred
**   text.normalize(s [, opts]) -> normalized, report
**   text.dates(s)           -> the date expressions in s (policytk.extract.deadline.scan)
**   text.lines(s)           -> non-empty lines, their line numbers
** docs/text.md is the reference. The work is done in the text_*.c files (text.h).
*/
#include <lauxlib.h>

#include "policytk.h"
#include "text.h"

/* decode(s, charset) -> utf8, replaced */
static int text_decode(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *charset = luaL_checkstring(L, 2);
  size_t bad = ptk_text_decode(L, s, n, charset);
  lua_pushinteger(L, (lua_Integer)bad);
  return 2;
}

/* detect(s) -> "utf-8" | "gb18030" | nil */
static int text_detect(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *cs = ptk_text_detect(s, n);
  if (cs) lua_pushstring(L, cs); else lua_pushnil(L);
  return 1;
}

/* t2s(s) -> simplified */
static int text_t2s(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ptk_text_t2s(L, s, n);
  return 1;
}

/* is_traditional(s) -> boolean: t2s changes more than 5% of its ideographs */
static int text_is_traditional(lua_State *L) {
  size_t n, han, changed;
  const char *s = luaL_checklstring(L, 1, &n);
  if (!ptk_text_t2s_maybe(L, s, n)) {
    lua_pushboolean(L, 0);
    return 1;
  }
  ptk_text_t2s_lines(L, s, n, &han, &changed);      /* the table path, as normalize decides */
  lua_pushboolean(L, ptk_text_traditional_verdict(han, changed));
  return 1;
}

/* strip_pinyin(s) -> s', removed */
static int text_strip_pinyin(lua_State *L) {
  luaL_checkstring(L, 1);
  lua_settop(L, 1);
  size_t removed = ptk_text_strip_pinyin(L, 1);
  lua_pushinteger(L, (lua_Integer)removed);
  return 2;
}

/* repair_mojibake(s) -> s', repaired, unrepairable, inferred */
static int text_repair_mojibake(lua_State *L) {
  luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_newtable(L);                  /* 2: unrepairable */
  lua_newtable(L);                  /* 3: inferred */
  size_t repaired = ptk_text_repair(L, 1, 2, 3);
  lua_pushinteger(L, (lua_Integer)repaired);
  lua_rotate(L, 2, 2);              /* s, s', repaired, unrepairable, inferred */
  return 4;
}

/* normalize(s [, opts]) -> normalized, report */
static int text_normalize(lua_State *L) {
  luaL_checkstring(L, 1);
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
  int opts = lua_istable(L, 2) ? 2 : 0;
  lua_settop(L, 2);
  ptk_text_normalize(L, 1, opts);
  return 2;
}

/* dates(s) -> list of date expressions (policytk.extract.deadline.scan) */
static int text_dates(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ptk_text_dates(L, s, n);
  return 1;
}

/* lines(s) -> non-empty lines, their line numbers */
static int text_lines(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ptk_text_lines(L, s, n);
  return 2;
}

static const luaL_Reg text_funcs[] = {
  { "decode", text_decode },
  { "detect", text_detect },
  { "t2s", text_t2s },
  { "is_traditional", text_is_traditional },
  { "strip_pinyin", text_strip_pinyin },
  { "repair_mojibake", text_repair_mojibake },
  { "normalize", text_normalize },
  { "dates", text_dates },
  { "lines", text_lines },
  { NULL, NULL },
};

/* The module table. UTF-8 checking and display width are policytk.core's (core.utf8_check,
** core.width), not this module's. */
int luaopen_policytk_text(lua_State *L) {
  luaL_newlib(L, text_funcs);
  return 1;
}
