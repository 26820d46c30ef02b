/*
** helpers.c — small functions the host and its Lua modules share that have no file of their
** own: ISO dates, verb names and the metatable of a userdata class. (UTF-8 is utf8.c's, the
** FNV-1a hash hash.c's.)
*/
#include <string.h>

#include <lauxlib.h>

#include "policytk.h"

static int digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

static int num(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

int ptk_is_iso_date(const char *s, size_t n) {
  static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (s == NULL || n != 10 || s[4] != '-' || s[7] != '-') return 0;
  if (!digits(s, 4) || !digits(s + 5, 2) || !digits(s + 8, 2)) return 0;
  int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
  if (m < 1 || m > 12 || d < 1) return 0;
  int max = mdays[m - 1];
  if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) max = 29;
  return d <= max;
}

int ptk_valid_verb(const char *name) {
  size_t n = name ? strlen(name) : 0;
  if (n == 0 || n > 64 || name[0] < 'a' || name[0] > 'z') return 0;
  for (size_t i = 1; i < n; i++) {
    char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return 0;
  }
  return 1;
}

void ptk_new_class(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods) {
  if (luaL_newmetatable(L, name)) {
    luaL_setfuncs(L, meta, 0);
    if (methods != NULL) {
      lua_newtable(L);
      luaL_setfuncs(L, methods, 0);
      lua_setfield(L, -2, "__index");
    }
  }
  lua_pop(L, 1);
}
