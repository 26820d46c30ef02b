/*
** lua_term.c — the policytk.term Lua module: terminal facts and line editing.
**   term.isatty(stream)     stream: "stdin" | "stdout" | "stderr"
**   term.columns()          width of the terminal on stderr/stdout, or nil
**   term.readline(prompt)   a line (without newline) read with libedit, or nil at EOF
**   term.add_history(line)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <editline/readline.h>
#include <lauxlib.h>

#include "policytk.h"

static int stream_fd(lua_State *L, int arg) {
  static const char *const names[] = { "stdin", "stdout", "stderr", NULL };
  return luaL_checkoption(L, arg, NULL, names);
}

static int term_isatty(lua_State *L) {
  lua_pushboolean(L, isatty(stream_fd(L, 1)));
  return 1;
}

static int term_columns(lua_State *L) {
  struct winsize ws;
  for (int fd = 2; fd >= 1; fd--) {
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
      lua_pushinteger(L, ws.ws_col);
      return 1;
    }
  }
  lua_pushnil(L);
  return 1;
}

/* The line libedit returns is malloc'd; it sits in a box whose __gc frees it, so an
** error while copying it into Lua cannot leak it. */
static int line_gc(lua_State *L) {
  char **box = luaL_checkudata(L, 1, "policytk.term.line");
  free(*box);
  *box = NULL;
  return 0;
}

static int term_readline(lua_State *L) {
  const char *prompt = luaL_optstring(L, 1, "> ");
  char **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  if (luaL_newmetatable(L, "policytk.term.line")) {
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

static int term_add_history(lua_State *L) {
  const char *line = luaL_checkstring(L, 1);
  if (*line) add_history(line);
  return 0;
}

static const luaL_Reg term_funcs[] = {
  { "isatty", term_isatty },     { "columns", term_columns },
  { "readline", term_readline }, { "add_history", term_add_history },
  { NULL, NULL },
};

int luaopen_policytk_term(lua_State *L) {
  luaL_newlib(L, term_funcs);
  return 1;
}
