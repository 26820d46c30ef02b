/* fuzz_charset.c: HTTP charset decoding (core/http_charset.c: the Content-Type header's charset,
** <meta>/<?xml?> sniffing, http_decode_body's choice among header, declaration and detection,
** policytk.text's decode) on arbitrary bytes: the first line is the Content-Type value (no
** newline: no header), the rest the body. Invariants: a textual response's body is valid UTF-8
** with a charset and a count of replaced bytes; a valid UTF-8 body read as utf-8 is itself;
** the found charsets are lowercase tokens; ptk_utf8_valid at every width, ptk_utf8_check and
** core.utf8_check agree. */
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "http.h"
#include "policytk.h"

#define FUZZ_CODE \
  "local s = ...\n" \
  "local core = require 'policytk.core'\n" \
  "local nl = s:find('\\n', 1, true)\n" \
  "local ctype, body = nil, s\n" \
  "if nl then ctype, body = s:sub(1, nl - 1):gsub('\\r$', ''), s:sub(nl + 1) end\n" \
  "local valid = fuzz_utf8(body)\n" \
  "if (core.utf8_check(body) == nil) ~= valid then error('invariant: core.utf8_check and ptk_utf8_valid disagree', 0) end\n" \
  "local hcs, mcs = fuzz_charsets(ctype, body)\n" \
  "for _, cs in ipairs{ hcs or '', mcs or '' } do\n" \
  "  if #cs > 63 or cs:find('[^%l%d%-_.:]') then error('invariant: charset token ' .. cs, 0) end\n" \
  "end\n" \
  "local r = fuzz_decode(ctype, body)\n" \
  "if r.body == nil then\n" \
  "  if ctype == nil or ctype:match('^[Tt][Ee][Xx][Tt]/') then error('invariant: a textual response without a body', 0) end\n" \
  "  return\n" \
  "end\n" \
  "if not fuzz_utf8(r.body) then error('invariant: the body is not valid UTF-8 (charset ' .. tostring(r.charset) .. ')', 0) end\n" \
  "if type(r.charset) ~= 'string' or math.type(r.replaced) ~= 'integer' or r.replaced < 0 then\n" \
  "  error('invariant: charset ' .. tostring(r.charset) .. ', replaced ' .. tostring(r.replaced), 0)\n" \
  "end\n" \
  "if r.charset == 'utf-8' and valid and (r.body ~= body or r.replaced ~= 0) then error('invariant: valid UTF-8 changed', 0) end\n" \
  "if r.charset == 'utf-8' and r.replaced == 0 and not valid then error('invariant: invalid UTF-8 with nothing replaced', 0) end\n"

/* fuzz_utf8(s) -> valid: ptk_utf8_valid at each width the CPU has, and ptk_utf8_check, agree */
static int l_utf8(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  int v = ptk_utf8_valid(s, n);
  if ((ptk_utf8_check(s, n) == n) != v) return luaL_error(L, "invariant: ptk_utf8_check and ptk_utf8_valid disagree");
  static const int widths[] = { 1, 16, 32 };
  for (int i = 0; i < 3; i++) {
    int w = ptk_utf8_valid_width(s, n, widths[i]);
    if (w >= 0 && w != v) return luaL_error(L, "invariant: ptk_utf8_valid width %d disagrees", widths[i]);
  }
  lua_pushboolean(L, v);
  return 1;
}

/* fuzz_charsets(ctype, body) -> header charset | nil, declared charset | nil */
static int l_charsets(lua_State *L) {
  const char *ctype = luaL_optstring(L, 1, NULL);
  size_t n;
  const char *s = luaL_checklstring(L, 2, &n);
  char h[64], m[64];
  int is_text;
  if (http_header_charset(ctype, h, sizeof h, &is_text)) lua_pushstring(L, h);
  else lua_pushnil(L);
  if (http_meta_charset(s, n, m, sizeof m)) lua_pushstring(L, m);
  else lua_pushnil(L);
  return 2;
}

/* fuzz_decode(ctype, body) -> the response table http_decode_body fills */
static int l_decode(lua_State *L) {
  size_t n;
  const char *raw = luaL_checklstring(L, 2, &n);
  lua_settop(L, 2);
  lua_createtable(L, 0, 4);
  lua_createtable(L, 0, 1);
  if (lua_isstring(L, 1)) {
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "content-type");
  }
  lua_setfield(L, 3, "headers");
  lua_pushvalue(L, 2);
  lua_setfield(L, 3, "raw");
  http_decode_body(L, 3, 2, "https://fuzz.example/", ptk_utf8_valid(raw, n));
  lua_settop(L, 3);
  return 1;
}

static void open_charset(lua_State *L) {
  luaL_requiref(L, "policytk.text", luaopen_policytk_text, 0);
  lua_pop(L, 1);
  lua_register(L, "fuzz_utf8", l_utf8);
  lua_register(L, "fuzz_charsets", l_charsets);
  lua_register(L, "fuzz_decode", l_decode);
}

#define FUZZ_OPEN(L) open_charset(L)
#include "fuzz_common.h"
