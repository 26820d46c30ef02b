/*
** lua_readline.c — the policytk.readline Lua module: line editing with libedit, for
** `policytk repl`. A loadable module, so that commands which never read a line do not load
** libedit at start-up.
**   readline.readline(prompt)   a line (without newline), or nil at end of input
**   readline.add_history(line)
** libedit decodes what it reads by the C library's LC_CTYPE; a program that never calls
** setlocale is in the "C" locale, where libedit silently drops every byte above 127 (each
** Chinese character). Opening the module sets LC_CTYPE from the environment, and to C.UTF-8
** when that is not UTF-8: policytk reads and writes UTF-8 whatever the terminal's locale.
** Only LC_CTYPE: numbers (LC_NUMERIC) stay as Lua expects them.
*/
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <editline/readline.h>
#include <lauxlib.h>

#include "policytk.h"

/* The line libedit returns is malloc'd; it sits in a box whose __gc frees it, so an
** error while copying it into Lua cannot leak it. */
static int line_gc(lua_State *L) {
  char **box = luaL_checkudata(L, 1, "policytk.readline.line");
  free(*box);
  *box = NULL;
  return 0;
}

static int rl_readline(lua_State *L) {
  const char *prompt = luaL_optstring(L, 1, "> ");
  char **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  if (luaL_newmetatable(L, "policytk.readline.line")) {
    lua_pushcfunction(L, line_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  *box = readline(prompt);
  if (*box == NULL) {
    lua_pushnil(L);
    return 1;
  }
  lua_pushstring(L, *box);
  free(*box);
  *box = NULL;
  return 1;
}

static int rl_add_history(lua_State *L) {
  const char *line = luaL_checkstring(L, 1);
  if (*line) add_history(line);
  return 0;
}

static const luaL_Reg readline_funcs[] = {
  { "readline", rl_readline },
  { "add_history", rl_add_history },
  { NULL, NULL },
};

/* LC_CTYPE from the environment when it is UTF-8, else C.UTF-8 (else as it was). */
static void utf8_ctype(void) {
  if (setlocale(LC_CTYPE, "") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return;
  if (setlocale(LC_CTYPE, "C.UTF-8")) return;
  setlocale(LC_CTYPE, "C");
}

int luaopen_policytk_readline(lua_State *L) {
  utf8_ctype();
  luaL_newlib(L, readline_funcs);
  return 1;
}
