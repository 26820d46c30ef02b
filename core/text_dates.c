/*
** text_dates.c — text.dates(s): every date expression of a Chinese policy text, the scanner
** behind policytk.extract.deadline.scan (docs/extract.md, "Deadlines"). It was Lua; in C it reads a
** 13 MB text in milliseconds instead of a third of a second. The rules are those of the
** Lua scanner it replaces, quirks included (tests/lua/extract/test_quantity.lua compares the two):
**   YYYY—YYYY年 (— – ～ ~ - 至 到 －, 年 optional on both sides)   range
**   YYYY年M月D日                                                   date
**   YYYY年M月 followed by the bytes E5 BA (底, or another of U+5E80..U+5EBF: the Lua
**   pattern "月底?" made only the last byte of 底 optional)           by the month's end
**   YYYY上半年 / YYYY下半年                                          by 06-30 / 12-31
**   YYYY年 (年底前 年末前 年底 年末 年前 年内 taken along)             by the year's end
**   N年内 / N年时间 (a digit or 一两二三四五十)                       within
**   每年 年均 / 每季度 / 每月                                          every
**   年底前 / 年底                                                      this_year
** Years outside 1949..2100 are not dates. Scanning goes character by character (by the
** lead byte, whatever follows it); after a record it resumes at its end, after a digit
** that starts nothing at the end of the digit run.
*/
#include <string.h>

#include "text.h"

#define U8_NIAN "\xe5\xb9\xb4"          /* 年 */

static int digit(const unsigned char *s, size_t n, size_t i) {
  return i < n && s[i] >= '0' && s[i] <= '9';
}

static int at(const unsigned char *s, size_t n, size_t i, const char *lit) {
  size_t k = strlen(lit);
  return i <= n && n - i >= k && memcmp(s + i, lit, k) == 0;
}

/* The 4-digit number at i, or -1. */
static int year4(const unsigned char *s, size_t n, size_t i) {
  if (!(digit(s, n, i) && digit(s, n, i + 1) && digit(s, n, i + 2) && digit(s, n, i + 3))) return -1;
  return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
}

/* "%d%d?" followed by the literal lit at i, as Lua matches it (two digits first, then one):
** the number, and *end after lit; -1 when it does not match. */
static int num12(const unsigned char *s, size_t n, size_t i, const char *lit, size_t *end) {
  size_t k = strlen(lit);
  if (!digit(s, n, i)) return -1;
  if (digit(s, n, i + 1) && at(s, n, i + 2, lit)) {
    *end = i + 2 + k;
    return (s[i] - '0') * 10 + (s[i + 1] - '0');
  }
  if (at(s, n, i + 1, lit)) {
    *end = i + 1 + k;
    return s[i] - '0';
  }
  return -1;
}

static int leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

static int month_days(int y, int m) {
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* A record under construction: the fields that are set. */
typedef struct rec {
  const char *kind;
  int year;               /* 0: none */
  char deadline[16], from[16], to[16], date[16];
  int years;              /* within */
  const char *every;
  size_t stop;            /* 0-based, exclusive */
} rec;

static void ymd(char out[16], int y, int m, int d) {
  /* y is 1949..2100, m 1..12, d 1..31: always 10 characters */
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
}

/* The within/every/this_year expressions (those without a four-digit year) at i. */
static int at_short(const unsigned char *s, size_t n, size_t i, rec *r) {
  if (digit(s, n, i)) {
    if (at(s, n, i + 1, U8_NIAN "\xe5\x86\x85") || at(s, n, i + 1, U8_NIAN "\xe6\x97\xb6\xe9\x97\xb4")) {
      r->kind = "within";                         /* N年内, N年时间 */
      r->years = s[i] - '0';
      r->stop = i + 7;
      return 1;
    }
    return 0;
  }
  if (i + 3 <= n && s[i] >= 0xE4 && s[i] <= 0xE9 && (s[i + 1] & 0xC0) == 0x80 &&
      (s[i + 2] & 0xC0) == 0x80 &&
      (at(s, n, i + 3, U8_NIAN "\xe5\x86\x85") || at(s, n, i + 3, U8_NIAN "\xe6\x97\xb6\xe9\x97\xb4"))) {
    static const struct { const char *ch; int years; } CN[] = {
      { "\xe4\xb8\x80", 1 }, { "\xe4\xb8\xa4", 2 }, { "\xe4\xba\x8c", 2 }, { "\xe4\xb8\x89", 3 },
      { "\xe5\x9b\x9b", 4 }, { "\xe4\xba\x94", 5 }, { "\xe5\x8d\x81", 10 },
    };                                            /* 一 两 二 三 四 五 十 */
    for (size_t k = 0; k < sizeof CN / sizeof CN[0]; k++) {
      if (memcmp(s + i, CN[k].ch, 3) == 0) {
        r->kind = "within";
        r->years = CN[k].years;
        r->stop = i + 12;
        return 1;
      }
    }
  }
  if (at(s, n, i, "\xe6\xaf\x8f" U8_NIAN) || at(s, n, i, U8_NIAN "\xe5\x9d\x87")) {
    r->kind = "every";                            /* 每年, 年均 */
    r->every = "year";
    r->stop = i + 6;
    return 1;
  }
  if (at(s, n, i, "\xe6\xaf\x8f\xe5\xad\xa3\xe5\xba\xa6")) {
    r->kind = "every";                            /* 每季度 */
    r->every = "quarter";
    r->stop = i + 9;
    return 1;
  }
  if (at(s, n, i, "\xe6\xaf\x8f\xe6\x9c\x88")) {
    r->kind = "every";                            /* 每月 */
    r->every = "month";
    r->stop = i + 6;
    return 1;
  }
  if (at(s, n, i, U8_NIAN "\xe5\xba\x95")) {     /* 年底, 年底前 */
    r->kind = "this_year";
    r->stop = i + (at(s, n, i + 6, "\xe5\x89\x8d") ? 9 : 6);
    return 1;
  }
  return 0;
}

/* The expression at i, if any. */
static int date_at(const unsigned char *s, size_t n, size_t i, rec *r) {
  static const char *const RANGE_SEP[] = { "\xe2\x80\x94", "\xe2\x80\x93", "\xef\xbd\x9e", "~", "-",
                                           "\xe8\x87\xb3", "\xe5\x88\xb0", "\xef\xbc\x8d" };
  int y1 = year4(s, n, i);
  if (y1 < 0) return at_short(s, n, i, r);
  /* ranges: 2018—2020年, 2018~2020, 2018年-2020年 */
  size_t j = i + 4;
  if (at(s, n, j, U8_NIAN)) j += 3;
  for (size_t k = 0; k < sizeof RANGE_SEP / sizeof RANGE_SEP[0]; k++) {
    size_t sl = strlen(RANGE_SEP[k]);
    if (!at(s, n, j, RANGE_SEP[k])) continue;
    int y2 = year4(s, n, j + sl);
    if (y2 >= 0) {
      size_t stop = j + sl + 4;
      if (at(s, n, stop, U8_NIAN)) stop += 3;
      if (y1 >= 1949 && y2 <= 2100 && y2 >= y1) {
        r->kind = "range";
        ymd(r->from, y1, 1, 1);
        ymd(r->to, y2, 12, 31);
        r->year = y2;
        memcpy(r->deadline, r->to, sizeof r->deadline);
        r->stop = stop;
        return 1;
      }
    }
    break;
  }
  int nian = at(s, n, i + 4, U8_NIAN);
  size_t e1, e2;
  int m = nian ? num12(s, n, i + 7, "\xe6\x9c\x88", &e1) : -1;           /* 月 */
  /* YYYY年M月D日 */
  int d = m >= 0 ? num12(s, n, e1, "\xe6\x97\xa5", &e2) : -1;            /* 日 */
  if (d >= 0) {
    if (y1 >= 1949 && y1 <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y1, m)) {
      r->kind = "date";
      ymd(r->date, y1, m, d);
      memcpy(r->deadline, r->date, sizeof r->deadline);
      r->year = y1;
      r->stop = e2;
      return 1;
    }
  }
  /* YYYY年M月 + E5 BA [95] */
  if (m >= 0 && at(s, n, e1, "\xe5\xba")) {
    if (y1 >= 1949 && y1 <= 2100 && m >= 1 && m <= 12) {
      r->kind = "by";
      r->year = y1;
      ymd(r->deadline, y1, m, month_days(y1, m));
      r->stop = e1 + 2 + (e1 + 2 < n && s[e1 + 2] == 0x95);
      return 1;
    }
  }
  /* YYYY上半年, YYYY下半年 */
  int upper = at(s, n, i + 4, "\xe4\xb8\x8a\xe5\x8d\x8a" U8_NIAN);
  if (upper || at(s, n, i + 4, "\xe4\xb8\x8b\xe5\x8d\x8a" U8_NIAN)) {
    if (y1 >= 1949 && y1 <= 2100) {
      r->kind = "by";
      r->year = y1;
      ymd(r->deadline, y1, upper ? 6 : 12, upper ? 30 : 31);
      r->stop = i + 13;
      return 1;
    }
  }
  /* YYYY年, with what follows 年 */
  if (nian && y1 >= 1949 && y1 <= 2100) {
    static const char *const SUFFIX[] = { U8_NIAN "\xe5\xba\x95\xe5\x89\x8d", U8_NIAN "\xe6\x9c\xab\xe5\x89\x8d",
                                          U8_NIAN "\xe5\xba\x95", U8_NIAN "\xe6\x9c\xab",
                                          U8_NIAN "\xe5\x89\x8d", U8_NIAN "\xe5\x86\x85" };
    r->kind = "by";                               /* 年底前 年末前 年底 年末 年前 年内 */
    r->year = y1;
    ymd(r->deadline, y1, 12, 31);
    r->stop = i + 7;
    for (size_t k = 0; k < sizeof SUFFIX / sizeof SUFFIX[0]; k++) {
      if (at(s, n, i + 4, SUFFIX[k])) {
        r->stop = i + 4 + strlen(SUFFIX[k]);
        break;
      }
    }
    return 1;
  }
  return at_short(s, n, i, r);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

/* 1 when the three bytes at i are x y z (每 = E6 AF 8F, 年 = E5 B9 B4). */
static int is3(const unsigned char *s, size_t n, size_t i, unsigned x, unsigned y, unsigned z) {
  return i + 3 <= n && s[i] == x && s[i + 1] == y && s[i + 2] == z;
}

void ptk_text_dates(lua_State *L, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  lua_Integer count = 0;
  size_t i = 0;
  lua_newtable(L);
  while (i < n) {
    unsigned b = s[i];
    rec r;
    /* only a digit, 每, 年 or the character before 年 can start an expression */
    int maybe = (b >= '0' && b <= '9') ||
                (b >= 0xE4 && (is3(s, n, i, 0xE6, 0xAF, 0x8F) || is3(s, n, i, 0xE5, 0xB9, 0xB4) ||
                               is3(s, n, i + 3, 0xE5, 0xB9, 0xB4)));
    if (maybe) memset(&r, 0, sizeof r);
    if (maybe && date_at(s, n, i, &r)) {
      lua_createtable(L, 0, 8);
      set_str(L, "kind", r.kind);
      if (r.year) set_int(L, "year", r.year);
      if (r.deadline[0]) set_str(L, "deadline", r.deadline);
      if (r.from[0]) set_str(L, "from", r.from);
      if (r.to[0]) set_str(L, "to", r.to);
      if (r.date[0]) set_str(L, "date", r.date);
      if (strcmp(r.kind, "within") == 0) set_int(L, "years", r.years);
      if (r.every) set_str(L, "every", r.every);
      set_int(L, "start", (lua_Integer)i + 1);
      set_int(L, "stop", (lua_Integer)r.stop + 1);
      /* 到 or 至 right before it (截至 ends in 至) */
      if (i >= 3 && (memcmp(s + i - 3, "\xe5\x88\xb0", 3) == 0 || memcmp(s + i - 3, "\xe8\x87\xb3", 3) == 0)) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "by");
      }
      lua_rawseti(L, -2, ++count);
      i = r.stop;
    } else if (b < 0x80) {
      i++;
      if (b >= '0' && b <= '9') while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    } else {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }
  }
}
