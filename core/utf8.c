/*
** utf8.c — the UTF-8 of the host and every module, in one place with one prefix (ptk_utf8_*,
** include/policytk.h): decoding a sequence (ptk_utf8_next, defined inline in the header and
** emitted here once), the offset of the first invalid sequence, the maximal ill-formed subpart
** that one U+FFFD replaces, encoding a code point, and the display width of text in a terminal.
** Whether a whole buffer is valid, 16 or 32 bytes at a time, is utf8_valid.c's.
*/
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>

#include "policytk.h"

/* The external definition of the inline decoder (C11 6.7.4): the symbol that loadable modules
** and code built without optimisation call. */
extern size_t ptk_utf8_next(const char *s, size_t n, uint32_t *cp);

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

size_t ptk_utf8_badlen(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned c = p[0];
  size_t len;
  unsigned lo = 0x80, hi = 0xBF;            /* the range of the second byte */
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else return 1;
  size_t i = 1;
  if (i < n && i < len && p[i] >= lo && p[i] <= hi) {
    i++;
    while (i < n && i < len && (p[i] & 0xC0) == 0x80) i++;
  }
  return i;
}

size_t ptk_utf8_encode(uint32_t cp, char out[4]) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

void ptk_utf8_add(luaL_Buffer *b, uint32_t cp) {
  char tmp[4];
  size_t len = ptk_utf8_encode(cp, tmp);
  luaL_addlstring(b, tmp, len);
}

int ptk_utf8_wide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

/* 1 for the code points a terminal draws over the character before (width 0). */
static int is_combining(uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

size_t ptk_utf8_width(const char *s, size_t n) {
  size_t i = 0, w = 0;
  uint32_t cp;
  while (i < n) {
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len == 0) { w++; i++; continue; }
    i += len;
    if (is_combining(cp)) continue;
    w += ptk_utf8_wide(cp) ? 2 : 1;
  }
  return w;
}
