/*
** text_normalize.c — text.normalize: the one pipeline that both a source text and a
** quote taken from it go through before they are matched. The passes, in order:
**   decode      to UTF-8 (opts.charset, else UTF-8 when valid, else GB18030 when clean,
**               else UTF-8 with U+FFFD for each invalid sequence)
**   newlines    CR LF and lone CR become LF
**   mojibake    GBK mojibake repaired (text_mojibake.c)
**   pinyin      parenthesised pinyin after ideographs removed (text_pinyin.c)
**   t2s         traditional to simplified (when the text is traditional, or opts.t2s)
**   fold        full-width letters, digits, space, （）：；％ and ． between digits to
**               ASCII; NBSP and the other Unicode spaces to ' '; BOM and zero-width
**               characters removed
**   tidy        per line: no leading or trailing blanks, blanks next to a wide character
**               removed, other runs of blanks one space; a number joined to its unit
**               across blanks (7.5 % → 7.5%) or a line break (100\n亿元 → 100亿元); runs
**               of blank lines one blank line, none at the ends
** Kept as they are: commas (，,), 、, 。, quotes “”‘’"', 【】〔〕《》, ！？, line breaks
** other than the number joins.
*/
#include <string.h>

#include "policytk.h"
#include "text.h"

/* ---------------------------------------------------------------- newlines */

void ptk_text_newlines(lua_State *L, int idx) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  ptk_lazy z;
  size_t copied = 0;
  const char *cr;
  ptk_lazy_init(&z, L, n);
  while ((cr = memchr(s + copied, '\r', n - copied)) != NULL) {
    size_t i = (size_t)(cr - s);
    ptk_lazy_add(&z, s + copied, i - copied);
    luaL_addchar(&z.b, '\n');
    if (i + 1 < n && s[i + 1] == '\n') i++;
    copied = i + 1;
  }
  ptk_lazy_push(&z, idx, s, copied, n);
}

/* ---------------------------------------------------------------- fold */

static int is_fw_digit(uint32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

static int is_digit_cp(uint32_t c) { return (c >= '0' && c <= '9') || is_fw_digit(c); }

size_t ptk_text_fold(lua_State *L, int idx) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  ptk_lazy z;
  size_t width = 0, i = 0, copied = 0;   /* [copied, i) is kept as it is, added in one go */
  uint32_t last = 0;
  ptk_lazy_init(&z, L, n);
  while (i < n) {
    uint32_t c, next = 0;
    size_t len = ptk_utf8_next(s + i, n - i, &c);
    if (len == 0) {                 /* an invalid byte passes through */
      last = 0;
      i++;
      continue;
    }
    i += len;
    if (c < 0xA0) {                 /* nothing below NBSP is folded */
      last = c;
      continue;
    }
    uint32_t out = c;
    if (is_fw_digit(c) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
        c == 0xFF08 || c == 0xFF09 || c == 0xFF1A || c == 0xFF1B || c == 0xFF05) {
      out = c - 0xFEE0;
      width++;
    } else if (c == 0xFF0E) {
      if (is_digit_cp(last) && ptk_utf8_next(s + i, n - i, &next) > 0 && is_digit_cp(next)) {
        out = '.';
        width++;
      }
    } else if (c == 0x3000) {
      out = ' ';
      width++;
    } else if (c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F) {
      out = ' ';
    } else if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD) {
      ptk_lazy_add(&z, s + copied, i - len - copied);      /* zero-width: removed */
      copied = i;
      continue;
    }
    if (out != c) {
      ptk_lazy_add(&z, s + copied, i - len - copied);
      ptk_utf8_add(&z.b, out);
      copied = i;
    }
    last = out;
  }
  ptk_lazy_push(&z, idx, s, copied, n);
  return width;
}

/* ---------------------------------------------------------------- tidy */

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* What may follow a number on the next line and belong to it. */
static int is_unit(uint32_t c) {
  static const uint32_t units[] = {
    '%', 0x2030,                                                   /* % ‰ */
    0x4E07, 0x4EBF, 0x5343, 0x767E, 0x5143, 0x89D2,                /* 万 亿 千 百 元 角 */
    0x5E74, 0x6708, 0x65E5, 0x4E2A, 0x5BB6, 0x6237, 0x9879,        /* 年 月 日 个 家 户 项 */
    0x6B21, 0x500D, 0x4F59, 0x591A, 0x4EA9, 0x5428, 0x5E73,        /* 次 倍 余 多 亩 吨 平 */
    0x842C, 0x5104, 0x500B, 0x6236, 0x9805, 0x755D, 0x5678,        /* 萬 億 個 戶 項 畝 噸 */
  };
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    if (units[i] == c) return 1;
  return 0;
}

/* The first character of line [ls, le) after its blanks, or 0. */
static uint32_t first_char(const char *s, size_t ls, size_t le) {
  while (ls < le && is_blank(s[ls])) ls++;
  uint32_t c;
  return ls < le && ptk_utf8_next(s + ls, le - ls, &c) > 0 ? c : 0;
}

/* Append line [ls, le) (trimmed) to b with its inner blanks tidied; *last is the last
** character written. Returns the number joins made. */
static size_t tidy_line(luaL_Buffer *b, const char *s, size_t ls, size_t le, uint32_t *last) {
  size_t joins = 0, i = ls;
  uint32_t prev = 0;
  while (i < le) {
    if (is_blank(s[i])) {
      size_t j = i;
      while (j < le && is_blank(s[j])) j++;
      uint32_t next = 0;
      if (ptk_utf8_next(s + j, le - j, &next) == 0) next = 0;
      int wide = ptk_utf8_wide(prev) || ptk_utf8_wide(next);
      int number = is_digit(prev) || is_digit(next);
      if (wide || (is_digit(prev) && (next == '%' || next == 0x2030))) {
        if (number) joins++;
      } else {
        luaL_addchar(b, ' ');
      }
      i = j;
      continue;
    }
    /* a run of characters up to the next blank, added in one go */
    size_t from = i;
    while (i < le && !is_blank(s[i])) {
      uint32_t c;
      size_t len = ptk_utf8_next(s + i, le - i, &c);
      if (len == 0) { len = 1; c = 0; }   /* an invalid byte passes through */
      prev = c;
      i += len;
    }
    luaL_addlstring(b, s + from, i - from);
  }
  *last = prev;
  return joins;
}

size_t ptk_text_tidy(lua_State *L, const char *s, size_t n) {
  luaL_Buffer b;
  size_t joins = 0, i = 0;
  int any = 0, blank = 0, join_next = 0;
  luaL_buffinitsize(L, &b, n);
  while (i <= n) {
    const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
    size_t e = nl ? (size_t)(nl - s) : n;
    size_t ls = i, le = e;
    while (ls < le && is_blank(s[ls])) ls++;
    while (le > ls && is_blank(s[le - 1])) le--;
    if (ls == le) {                       /* a blank line */
      if (any) blank = 1;
      join_next = 0;
    } else {
      if (any && !join_next) luaL_addlstring(&b, blank ? "\n\n" : "\n", blank ? 2 : 1);
      uint32_t last;
      joins += tidy_line(&b, s, ls, le, &last);
      any = 1;
      blank = 0;
      /* a number at the end of the line, its unit at the start of the next */
      join_next = 0;
      if (nl != NULL && is_digit(last)) {
        const char *nl2 = memchr(s + e + 1, '\n', n - e - 1);
        size_t e2 = nl2 ? (size_t)(nl2 - s) : n;
        if (is_unit(first_char(s, e + 1, e2))) {
          join_next = 1;
          joins++;
        }
      }
    }
    if (nl == NULL) break;
    i = e + 1;
  }
  luaL_pushresult(&b);
  return joins;
}

/* ---------------------------------------------------------------- the pipeline */

static void set_int(lua_State *L, int t, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, t, k);
}

void ptk_text_normalize(lua_State *L, int idx, int opts) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  int t2s = -1;                           /* -1: when the text is traditional */
  const char *charset = NULL;
  if (opts != 0) {
    int type = lua_getfield(L, opts, "t2s");
    if (type == LUA_TBOOLEAN) t2s = lua_toboolean(L, -1);
    else if (type != LUA_TNIL) luaL_error(L, "text.normalize: opts.t2s must be a boolean, got %s",
                                          luaL_typename(L, -1));
    lua_pop(L, 1);
    type = lua_getfield(L, opts, "charset");
    if (type == LUA_TSTRING) charset = lua_tostring(L, -1);
    else if (type != LUA_TNIL) luaL_error(L, "text.normalize: opts.charset must be a string, got %s",
                                          luaL_typename(L, -1));
    lua_pop(L, 1);                        /* opts keeps the string alive */
  }
  lua_createtable(L, 0, 10);
  int report = lua_gettop(L);
  lua_newtable(L);
  int unrep = lua_gettop(L);
  lua_newtable(L);
  int inferred = lua_gettop(L);
  size_t len;
  const char *cur;

  /* decode: valid UTF-8 is taken as it is */
  size_t replaced = 0;
  if (charset == NULL && ptk_utf8_check(s, n) == n) {
    charset = "utf-8";
    lua_pushvalue(L, idx);
  } else {
    if (charset == NULL) charset = ptk_text_detect(s, n);
    if (charset == NULL) charset = "utf-8";
    replaced = ptk_text_decode(L, s, n, charset);
  }
  int at = lua_gettop(L);
  lua_pushstring(L, charset);
  lua_setfield(L, report, "charset");
  set_int(L, report, "replaced", (lua_Integer)replaced);

  /* newlines, mojibake, pinyin */
  ptk_text_newlines(L, at);
  lua_replace(L, at);
  size_t repaired = ptk_text_repair(L, at, unrep, inferred);
  lua_replace(L, at);
  set_int(L, report, "mojibake", (lua_Integer)repaired);
  size_t pinyin = ptk_text_strip_pinyin(L, at);
  lua_replace(L, at);
  set_int(L, report, "pinyin", (lua_Integer)pinyin);

  /* t2s */
  int converted = 0;
  if (t2s == -1) {                      /* a simplified text is not converted at all */
    cur = lua_tolstring(L, at, &len);
    if (!ptk_text_t2s_maybe(L, cur, len)) t2s = 0;
  }
  if (t2s != 0) {
    cur = lua_tolstring(L, at, &len);
    size_t han, changed;
    ptk_text_t2s_lines(L, cur, len, &han, &changed);
    converted = t2s == 1 || ptk_text_traditional_verdict(han, changed);
    if (converted) lua_replace(L, at); else lua_pop(L, 1);
  }
  lua_pushboolean(L, converted);
  lua_setfield(L, report, "t2s");

  /* fold, tidy */
  size_t width = ptk_text_fold(L, at);
  lua_replace(L, at);
  set_int(L, report, "width", (lua_Integer)width);
  cur = lua_tolstring(L, at, &len);
  size_t joins = ptk_text_tidy(L, cur, len);
  lua_replace(L, at);
  set_int(L, report, "joined_numbers", (lua_Integer)joins);

  lua_pushvalue(L, unrep);
  lua_setfield(L, report, "unrepairable");
  lua_pushvalue(L, inferred);
  lua_setfield(L, report, "inferred");
  /* leave: result, report */
  lua_pushvalue(L, at);
  lua_pushvalue(L, report);
  lua_replace(L, unrep);
  lua_replace(L, report);
  lua_settop(L, report + 1);
}
