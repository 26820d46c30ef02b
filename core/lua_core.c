/*
** lua_core.c — the policytk.core Lua module: version, budgets for plugin calls
** (limited_call), memory statistics and the pure helpers of helpers.c, utf8.c (width,
** utf8_check: the only export of each to Lua) and hash.c (fnv1a64).
*/

#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"

static lua_Integer opt_integer_field(lua_State *L, int t, const char *k, lua_Integer dflt) {
  lua_Integer v = dflt;
  int type = lua_getfield(L, t, k);
  if (type != LUA_TNIL) {
    int ok = 0;
    v = lua_tointegerx(L, -1, &ok);
    if (!ok || v < 0) luaL_error(L, "limited_call: option '%s' must be a non-negative integer", k);
  }
  lua_pop(L, 1);
  return v;
}

/* limited_call(opts, fn, ...) -> true, results... | false, message, stopped
** opts: { instructions = N, memory = BYTES, seconds = S, label = "plugin wenzhou: benefit x" };
** instructions and memory default to the defaults (0 = none), seconds to none.
** stopped is "instructions", "memory" or "time" when a budget stopped the call, else nil. */
static int core_limited_call(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  ptk_limits lim;
  lim.instructions = opt_integer_field(L, 1, "instructions", PTK_DEFAULT_INSTRUCTIONS);
  lim.memory = (size_t)opt_integer_field(L, 1, "memory", (lua_Integer)PTK_DEFAULT_MEMORY);
  double seconds = 0;
  if (lua_getfield(L, 1, "seconds") != LUA_TNIL) {
    int ok = 0;
    seconds = (double)lua_tonumberx(L, -1, &ok);
    if (!ok || !(seconds >= 0)) luaL_error(L, "limited_call: option 'seconds' must be a non-negative number");
  }
  lua_pop(L, 1);
  lua_getfield(L, 1, "label");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING) {
    return luaL_error(L, "limited_call: option 'label' must be a string");
  }
  const char *label = lua_isnil(L, -1) ? "call" : lua_tostring(L, -1);
  lua_pushstring(L, label);          /* keep a copy anchored below the call */
  lua_replace(L, 1);
  lua_pop(L, 1);
  int nargs = lua_gettop(L) - 2;
  int stop = 0;
  int status = ptk_limited_pcall_timed(L, nargs, &lim, seconds, lua_tostring(L, 1), &stop);
  if (status == LUA_OK) {
    lua_pushboolean(L, 1);
    lua_replace(L, 1);               /* true, results... */
    return lua_gettop(L);
  }
  const char *stopped = stop == 'i' ? "instructions" : stop == 'm' ? "memory" : stop == 't' ? "time" : NULL;
  lua_pushboolean(L, 0);
  lua_insert(L, -2);
  if (stopped) lua_pushstring(L, stopped); else lua_pushnil(L);
  return 3;
}

/* bound_patterns(t): t.find, t.match, t.gmatch, t.gsub := the budgeted matcher (strmatch.c) */
static int core_bound_patterns(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  ptk_bound_patterns(L, 1);
  return 0;
}

/* memory() -> used, peak, limit (bytes; limit 0 = none) */
static int core_memory(lua_State *L) {
  ptk_alloc *a = ptk_alloc_of(L);
  if (a == NULL) return luaL_error(L, "memory: the state does not use the policytk allocator");
  lua_pushinteger(L, (lua_Integer)a->used);
  lua_pushinteger(L, (lua_Integer)a->peak);
  lua_pushinteger(L, (lua_Integer)a->limit);
  return 3;
}

static int core_is_iso_date(lua_State *L) {
  size_t n = 0;
  const char *s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &n) : NULL;
  lua_pushboolean(L, s != NULL && ptk_is_iso_date(s, n));
  return 1;
}

/* width(s) -> display width of s in terminal columns (CJK counts 2) */
static int core_width(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_pushinteger(L, (lua_Integer)ptk_utf8_width(s, n));
  return 1;
}

/* utf8_check(s) -> nil when valid, else the 1-based byte position of the first bad byte */
static int core_utf8_check(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  size_t off = ptk_utf8_check(s, n);
  if (off == n) lua_pushnil(L); else lua_pushinteger(L, (lua_Integer)off + 1);
  return 1;
}

static int core_valid_verb(lua_State *L) {
  lua_pushboolean(L, ptk_valid_verb(luaL_checkstring(L, 1)));
  return 1;
}

/* fnv1a64(s) -> the FNV-1a 64 hash of s, as an integer */
static int core_fnv1a64(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_pushinteger(L, (lua_Integer)ptk_fnv1a64(PTK_FNV1A64_INIT, s, n));
  return 1;
}

static const luaL_Reg core_funcs[] = {
  { "fnv1a64", core_fnv1a64 },
  { "limited_call", core_limited_call },
  { "bound_patterns", core_bound_patterns },
  { "memory", core_memory },
  { "is_iso_date", core_is_iso_date },
  { "width", core_width },
  { "utf8_check", core_utf8_check },
  { "valid_verb", core_valid_verb },
  { NULL, NULL },
};

int luaopen_policytk_core(lua_State *L) {
  luaL_newlib(L, core_funcs);
  lua_pushliteral(L, POLICYTK_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushliteral(L, LUA_RELEASE);
  lua_setfield(L, -2, "lua_version");
  lua_pushinteger(L, PTK_DEFAULT_INSTRUCTIONS);
  lua_setfield(L, -2, "default_instructions");
  lua_pushinteger(L, (lua_Integer)PTK_DEFAULT_MEMORY);
  lua_setfield(L, -2, "default_memory");
  lua_pushnumber(L, PTK_DEFAULT_SECONDS);
  lua_setfield(L, -2, "default_seconds");
  lua_pushinteger(L, PTK_MAX_INSTRUCTIONS);
  lua_setfield(L, -2, "max_instructions");
  lua_pushinteger(L, (lua_Integer)PTK_MAX_MEMORY);
  lua_setfield(L, -2, "max_memory");
  lua_pushnumber(L, PTK_MAX_SECONDS);
  lua_setfield(L, -2, "max_seconds");
  return 1;
}
