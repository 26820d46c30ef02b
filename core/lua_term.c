/*
** lua_term.c — the policytk.term Lua module: terminal facts and line editing.
**   term.isatty(stream)     stream: "stdin" | "stdout" | "stderr"
**   term.columns()          width of the terminal on stderr/stdout, or nil
**   term.echo(on)           turn the echo of typed characters on stdin's terminal on or off
**                           (a password prompt); returns whether it was on, or nil and a message
**                           when stdin is not a terminal
** Line editing is policytk.readline (a loadable module over libedit).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

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

static int term_echo(lua_State *L) {
  luaL_checktype(L, 1, LUA_TBOOLEAN);
  int on = lua_toboolean(L, 1);
  struct termios t;
  if (tcgetattr(STDIN_FILENO, &t) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "stdin is not a terminal (%s)", strerror(errno));
    return 2;
  }
  int was = (t.c_lflag & ECHO) != 0;
  if (on) t.c_lflag |= ECHO;
  else t.c_lflag &= ~(tcflag_t)ECHO;
  if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "cannot set the terminal's echo (%s)", strerror(errno));
    return 2;
  }
  lua_pushboolean(L, was);
  return 1;
}

static const luaL_Reg term_funcs[] = {
  { "isatty", term_isatty },     { "columns", term_columns },
  { "echo", term_echo },
  { NULL, NULL },
};

int luaopen_policytk_term(lua_State *L) {
  luaL_newlib(L, term_funcs);
  return 1;
}
