/*
** xlsx_style.c — which cell styles of a workbook show dates, for policytk.xlsx's reader:
** the cellXfs of xl/styles.xml (read once per reader through xlsx_part) each mapped to
** "is a date format" from its numFmtId — a built-in date id, or a custom numFmt whose code has
** date tokens — and the conversion of an Excel 1900-system serial to "YYYY-MM-DD".
*/
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "xlsx.h"

/* ------------------------------------------------------------------ dates */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (long)yoe + era * 400 + (*m <= 2);
}

int xlsx_push_date(lua_State *L, double v) {
  if (!(v >= 1 && v < 2958466)) return -1;
  long serial = (long)floor(v);
  if (serial == 60) return -2;
  long base = serial < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
  long y;
  unsigned m, d;
  civil_from_days(base + serial, &y, &m, &d);
  lua_pushfstring(L, "%d-%s%d-%s%d", (int)y, m < 10 ? "0" : "", (int)m, d < 10 ? "0" : "", (int)d);
  return 0;
}

/* ------------------------------------------------------------------ number formats */

int xlsx_builtin_is_date(long id) {
  /* dates of every locale; the time-only ids (18–21, 32–35, 45–47, 55, 56) are not */
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
         (id >= 50 && id <= 54) || id == 57 || id == 58;
}

int xlsx_format_is_date(const char *f) {
  int date = 0, pending_m = 0;
  char prev = 0;                        /* the last of y, m, d, h, s seen */
  for (size_t i = 0; f[i] != '\0'; i++) {
    char c = f[i];
    if (c == '"') {                     /* quoted literal text */
      while (f[i + 1] != '\0' && f[i + 1] != '"') i++;
      if (f[i + 1] == '"') i++;
      continue;
    }
    if (c == '[') {                     /* [Red], [$-804], [h] (elapsed time) */
      while (f[i + 1] != '\0' && f[i + 1] != ']') i++;
      if (f[i + 1] == ']') i++;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {   /* an escaped, spacing or fill character */
      if (f[i + 1] != '\0') i++;
      continue;
    }
    if (strncasecmp(f + i, "AM/PM", 5) == 0) {
      i += 4;
      continue;
    }
    if (strncasecmp(f + i, "A/P", 3) == 0) {
      i += 2;
      continue;
    }
    char lc = (char)tolower((unsigned char)c);
    if (lc == 'm') {
      while (f[i + 1] == 'm' || f[i + 1] == 'M') i++;
      if (pending_m) date = 1;          /* two runs in a row: the first was a month */
      pending_m = prev != 'h';          /* after h it is minutes; else wait for an s */
      prev = 'm';
    } else if (lc == 's') {
      pending_m = 0;                    /* m before s: minutes */
      prev = 's';
    } else if (lc == 'y' || lc == 'd') {
      if (pending_m) date = 1;
      pending_m = 0;
      date = 1;
      prev = lc;
    } else if (lc == 'h') {
      if (pending_m) date = 1;
      pending_m = 0;
      prev = 'h';
    }
  }
  return date || pending_m;
}

/* ------------------------------------------------------------------ styles.xml */

/* A non-negative decimal attribute value, or -1 (digits only; capped, never overflows). */
static long attr_number(const char *v) {
  if (v == NULL || *v == '\0') return -1;
  long n = 0;
  for (; *v != '\0'; v++) {
    if (*v < '0' || *v > '9') return -1;
    if (n < 100000000) n = n * 10 + (*v - '0');
  }
  return n;
}

int xlsx_styles_read(lua_State *L, xlsx_part *p, zip_t *za, const char *path, const char *part,
                     xlsx_styles *st) {
  int rc = xlsx_part_open(p, za, part);
  if (rc == -1) return 0;
  if (rc == -2) return xlsx_part_raise(L, p, path, part);
  lua_newtable(L);                      /* custom numFmtId → is date */
  int custom = lua_gettop(L);
  int in_numfmts = 0, in_cellxfs = 0, xf_depth = -1;
  while ((rc = xlsx_part_read(p)) == 1) {
    xmlTextReaderPtr xr = p->xr;
    int type = xmlTextReaderNodeType(xr);
    const char *name = xlsx_node_name(xr);
    if (type == XML_READER_TYPE_END_ELEMENT) {
      if (strcmp(name, "numFmts") == 0) in_numfmts = 0;
      else if (strcmp(name, "cellXfs") == 0) in_cellxfs = 0;
      continue;
    }
    if (type != XML_READER_TYPE_ELEMENT) continue;
    int empty = xmlTextReaderIsEmptyElement(xr);
    if (strcmp(name, "numFmts") == 0) {
      in_numfmts = !empty;
    } else if (strcmp(name, "cellXfs") == 0) {
      in_cellxfs = !empty;
      xf_depth = xmlTextReaderDepth(xr) + 1;
    } else if (in_numfmts && strcmp(name, "numFmt") == 0) {
      xmlChar *id = xmlTextReaderGetAttribute(xr, (const xmlChar *)"numFmtId");
      xmlChar *code = xmlTextReaderGetAttribute(xr, (const xmlChar *)"formatCode");
      long n = attr_number((const char *)id);
      if (n >= 0 && code != NULL) {
        lua_pushboolean(L, xlsx_format_is_date((const char *)code));
        lua_rawseti(L, custom, n);
      }
      xmlFree(id);
      xmlFree(code);
    } else if (in_cellxfs && strcmp(name, "xf") == 0 && xmlTextReaderDepth(xr) == xf_depth) {
      xmlChar *id = xmlTextReaderGetAttribute(xr, (const xmlChar *)"numFmtId");
      long n = attr_number((const char *)id);
      xmlFree(id);
      int is_date = 0;
      if (n >= 0) {
        int t = lua_rawgeti(L, custom, n);
        is_date = t == LUA_TNIL ? xlsx_builtin_is_date(n) : lua_toboolean(L, -1);
        lua_pop(L, 1);
      }
      if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        unsigned char *d = realloc(st->is_date, cap);
        if (d == NULL) {
          xlsx_part_close(p);
          return luaL_error(L, "%s: %s: out of memory", path, part);
        }
        st->is_date = d;
        st->cap = cap;
      }
      st->is_date[st->n++] = (unsigned char)is_date;
    }
  }
  if (rc < 0) return xlsx_part_raise(L, p, path, part);
  xlsx_part_close(p);
  lua_pop(L, 1);
  return 0;
}

void xlsx_styles_free(xlsx_styles *st) {
  free(st->is_date);
  memset(st, 0, sizeof *st);
}
