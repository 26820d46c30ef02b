/*
** modules.c — the registry of C modules built into policytk.
**
** Each entry becomes package.preload[name], so `require "policytk.db"` opens it on first
** use and start-up stays light. A later module adds one line here and its own file.
*/
#include <lauxlib.h>

#include "policytk.h"

const ptk_module ptk_modules[] = {
  { "policytk.core", luaopen_policytk_core },
  { "policytk.fs", luaopen_policytk_fs },
  { "policytk.term", luaopen_policytk_term },
  { "policytk.csv_reader", luaopen_policytk_csv },
  { NULL, NULL },
};

void ptk_register_modules(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  for (const ptk_module *m = ptk_modules; m->name != NULL; m++) {
    lua_pushcfunction(L, m->open);
    lua_setfield(L, -2, m->name);
  }
  lua_pop(L, 1);
}
