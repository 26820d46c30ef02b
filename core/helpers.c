/*
** helpers.c — small functions the host and its Lua modules share: ISO dates, terminal
** display width of UTF-8 (CJK counts double), UTF-8 validation, verb names, the FNV-1a hash,
** and the metatable of a userdata class.
*/
#include <stdint.h>
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

size_t ptk_utf8_next(const char *str, size_t n, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  if (n == 0) return 0;
  uint32_t c = s[0];
  size_t len;
  if (c < 0x80) { *cp = c; return 1; }
  else if (c >= 0xC2 && c <= 0xDF) { len = 2; c &= 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; c &= 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; c &= 0x07; }
  else return 0;
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF))) return 0;
  if (c >= 0xD800 && c <= 0xDFFF) return 0;
  *cp = c;
  return len;
}

size_t ptk_utf8_check(const char *s, size_t n) {
  if (n >= 16 && ptk_utf8_valid(s, n)) return n;   /* the common answer, found fast */
  size_t i = 0;
  uint32_t cp;
  while (i < n) {
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

int ptk_is_wide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

static int is_combining(uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

size_t ptk_display_width(const char *s, size_t n) {
  size_t i = 0, w = 0;
  uint32_t cp;
  while (i < n) {
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len == 0) { w++; i++; continue; }
    i += len;
    if (is_combining(cp)) continue;
    w += ptk_is_wide(cp) ? 2 : 1;
  }
  return w;
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

uint64_t ptk_fnv1a64(uint64_t h, const void *buf, size_t n) {
  const unsigned char *p = buf;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}
