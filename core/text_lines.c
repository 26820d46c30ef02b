/*
** text_lines.c — text.lines(s): the non-empty lines of a text and their line numbers, for
** readers that go through a long text line by line (policytk.extract.pdf_table reads a flattened
** task table one cell fragment per line). Splitting 200 000 lines in Lua took a third of
** what reading the table costs.
*/
#include <string.h>

#include "text.h"

void ptk_text_lines(lua_State *L, const char *s, size_t n) {
  size_t count = 0;
  for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))) != NULL; p++) count++;
  if (count > (size_t)0x7FFFFFFF) luaL_error(L, "text.lines: too many lines (%zu)", count);
  lua_createtable(L, (int)count + 1, 0);
  lua_createtable(L, (int)count + 1, 0);
  lua_Integer k = 0, line = 0;
  size_t pos = 0;
  while (pos <= n) {
    const char *nl = pos < n ? memchr(s + pos, '\n', n - pos) : NULL;
    size_t e = nl ? (size_t)(nl - s) : n;
    line++;
    if (e > pos) {
      k++;
      lua_pushlstring(L, s + pos, e - pos);
      lua_rawseti(L, -3, k);
      lua_pushinteger(L, line);
      lua_rawseti(L, -2, k);
    }
    pos = e + 1;
  }
}
