/*
** text_pinyin.c — removal of the pinyin that some web pages insert after polyphonic
** characters (區(qū), 發(fā)展): a parenthesised syllable of 1..7 pinyin letters with at
** least one tone mark, in half- or full-width parentheses, right after an ideograph.
** Ordinary brackets — (一), (责任单位：…), (2023), (AI) — never match. The letters and
** groups of pinyin are also what text_mojibake.c reads as evidence.
*/
#include "text.h"

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
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
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
  size_t len = ptk_utf8_next(s, n, &cp);
  if (len == 0 || (cp != '(' && cp != 0xFF08)) return 0;
  size_t body = ptk_pinyin_body(s + len, n - len, syl_len);
  if (body == 0) return 0;
  *syl_off = len;
  return len + body;
}

size_t ptk_text_strip_pinyin(lua_State *L, int idx) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  ptk_lazy z;
  size_t removed = 0, i = 0, copied = 0;
  uint32_t prev = 0;
  ptk_lazy_init(&z, L, n);
  while (i < n) {
    uint32_t cp;
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len == 0) {           /* an invalid byte is kept as it is */
      prev = 0;
      i++;
      continue;
    }
    if ((cp == '(' || cp == 0xFF08) && (ptk_is_han(prev) || prev == PTK_REPLACEMENT)) {
      size_t off, syl;
      size_t group = ptk_pinyin_group(s + i, n - i, &off, &syl);
      if (group > 0) {
        ptk_lazy_add(&z, s + copied, i - copied);
        i += group;
        copied = i;
        removed++;
        continue;             /* prev stays the ideograph the pinyin annotated */
      }
    }
    prev = cp;
    i += len;
  }
  ptk_lazy_push(&z, idx, s, copied, n);
  return removed;
}
