/*
** text_pinyin.c — removal of the pinyin that some web pages insert after polyphonic
** characters (區(qū), 發(fā)展): a parenthesised syllable of 1..7 pinyin letters with at
** least one tone mark, in half- or full-width parentheses, right after an ideograph.
** Ordinary brackets — (一), (责任单位：…), (2023), (AI) — never match.
*/
#include "text.h"

size_t ptk_text_strip_pinyin(lua_State *L, int idx) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  ptk_lazy z;
  size_t removed = 0, i = 0, copied = 0;
  uint32_t prev = 0;
  ptk_lazy_init(&z, L, n);
  while (i < n) {
    uint32_t cp;
    size_t len = ptk_u8_next(s + i, n - i, &cp);
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
