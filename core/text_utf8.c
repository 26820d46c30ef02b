/*
** text_utf8.c — UTF-8 stepping and the character classes the text stages share:
** ideographs, wide characters, the letters of pinyin syllables.
*/
#include <string.h>

#include "policytk.h"
#include "text.h"

size_t ptk_u8_badlen(const char *s, size_t n) {
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

size_t ptk_u8_encode(uint32_t cp, char out[4]) {
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

void ptk_u8_add(luaL_Buffer *b, uint32_t cp) {
  char tmp[4];
  size_t len = ptk_u8_encode(cp, tmp);
  luaL_addlstring(b, tmp, len);
}

int ptk_is_pinyin_letter(uint32_t c, int *toned) {
  /* the tone-marked vowels, in the order a e i o u ü, tones 1..4 */
  static const uint16_t marked[] = {
    0x0101, 0x00E1, 0x01CE, 0x00E0, 0x0113, 0x00E9, 0x011B, 0x00E8,
    0x012B, 0x00ED, 0x01D0, 0x00EC, 0x014D, 0x00F3, 0x01D2, 0x00F2,
    0x016B, 0x00FA, 0x01D4, 0x00F9, 0x01D6, 0x01D8, 0x01DA, 0x01DC,
  };
  *toned = 0;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0x00FC) return 1;
  for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++) {
    if (marked[i] == c) {
      *toned = 1;
      return 1;
    }
  }
  return 0;
}

size_t ptk_pinyin_body(const char *s, size_t n, size_t *syl_len) {
  size_t i = 0;
  int letters = 0, toned_any = 0;
  uint32_t cp;
  for (;;) {
    size_t len = ptk_u8_next(s + i, n - i, &cp);
    if (len == 0) return 0;
    int toned;
    if (ptk_is_pinyin_letter(cp, &toned)) {
      if (++letters > 7) return 0;
      toned_any |= toned;
      i += len;
      continue;
    }
    if ((cp == ')' || cp == 0xFF09) && letters >= 1 && toned_any) {
      *syl_len = i;
      return i + len;
    }
    return 0;
  }
}

size_t ptk_pinyin_group(const char *s, size_t n, size_t *syl_off, size_t *syl_len) {
  uint32_t cp;
  size_t len = ptk_u8_next(s, n, &cp);
  if (len == 0 || (cp != '(' && cp != 0xFF08)) return 0;
  size_t body = ptk_pinyin_body(s + len, n - len, syl_len);
  if (body == 0) return 0;
  *syl_off = len;
  return len + body;
}
