/*
** xlsx_part.c — one member of an .xlsx zip streamed through libxml2's xmlTextReader (never
** a whole DOM), with libxml2's errors collected instead of printed; plus the small text
** helpers of the format (_xHHHH_ escapes, cell references such as "B12").
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "xlsx.h"

static char *dup_string(const char *s) {
  size_t n = strlen(s);
  char *d = malloc(n + 1);
  if (d != NULL) memcpy(d, s, n + 1);
  return d;
}

/* libxml2's input callback: bytes from the zip member. Touches no Lua state. */
static int part_input(void *ctx, char *buf, int len) {
  xlsx_part *p = ctx;
  zip_int64_t n = zip_fread(p->zf, buf, (zip_uint64_t)len);
  if (n < 0) {
    if (p->zip_msg == NULL) p->zip_msg = dup_string(zip_file_strerror(p->zf));
    return -1;
  }
  return (int)n;
}

/* libxml2's error callback: keep the first error, drop warnings. Touches no Lua state. */
static void part_error(void *ctx, xmlErrorPtr e) {
  xlsx_part *p = ctx;
  if (e == NULL || e->level < XML_ERR_ERROR || p->err_msg != NULL) return;
  p->err_line = e->line;
  p->err_msg = dup_string(e->message != NULL ? e->message : "error");
  if (p->err_msg != NULL) {
    size_t n = strlen(p->err_msg);
    while (n > 0 && (p->err_msg[n - 1] == '\n' || p->err_msg[n - 1] == ' ')) p->err_msg[--n] = '\0';
  }
}

int xlsx_part_open(xlsx_part *p, zip_t *za, const char *name) {
  memset(p, 0, sizeof *p);
  zip_int64_t idx = zip_name_locate(za, name, ZIP_FL_NOCASE);
  if (idx < 0) return -1;
  p->zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
  if (p->zf == NULL) {
    p->zip_msg = dup_string(zip_strerror(za));
    return -2;
  }
  /* no entity substitution, no network, no DTD loading: a sheet is data, not a program */
  p->xr = xmlReaderForIO(part_input, NULL, p, name, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (p->xr == NULL) {
    zip_fclose(p->zf);
    p->zf = NULL;
    p->zip_msg = dup_string("out of memory");
    return -2;
  }
  xmlTextReaderSetStructuredErrorHandler(p->xr, part_error, p);
  return 0;
}

int xlsx_part_read(xlsx_part *p) {
  if (p->xr == NULL) return 0;
  return xmlTextReaderRead(p->xr);
}

void xlsx_part_close(xlsx_part *p) {
  if (p->xr != NULL) xmlFreeTextReader(p->xr);
  if (p->zf != NULL) zip_fclose(p->zf);
  p->xr = NULL;
  p->zf = NULL;
  free(p->err_msg);
  free(p->zip_msg);
  p->err_msg = NULL;
  p->zip_msg = NULL;
  p->err_line = 0;
}

int xlsx_part_raise(lua_State *L, xlsx_part *p, const char *file, const char *part) {
  if (p->zip_msg != NULL) {
    lua_pushfstring(L, "%s: %s: cannot read (zip: %s)", file, part, p->zip_msg);
  } else {
    lua_pushfstring(L, "%s: %s: malformed XML at line %d: %s", file, part, p->err_line,
                    p->err_msg != NULL ? p->err_msg : "unreadable");
  }
  xlsx_part_close(p);
  return lua_error(L);
}

const char *xlsx_node_name(xmlTextReaderPtr xr) {
  const xmlChar *n = xmlTextReaderConstLocalName(xr);
  return n != NULL ? (const char *)n : "";
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* UTF-8 of code point cp (< 0x10000) at out; returns the bytes written. */
static size_t put_utf8(char *out, unsigned cp) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  out[0] = (char)(0xE0 | (cp >> 12));
  out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[2] = (char)(0x80 | (cp & 0x3F));
  return 3;
}

size_t xlsx_unescape(char *s, size_t n) {
  if (memchr(s, '_', n) == NULL) return n;
  size_t r = 0, w = 0;
  while (r < n) {
    if (s[r] == '_' && r + 7 <= n && s[r + 1] == 'x' && s[r + 6] == '_') {
      int h0 = hex_value(s[r + 2]), h1 = hex_value(s[r + 3]);
      int h2 = hex_value(s[r + 4]), h3 = hex_value(s[r + 5]);
      if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
        unsigned cp = (unsigned)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
        if (cp < 0xD800 || cp > 0xDFFF) {   /* a lone surrogate stays as written */
          w += put_utf8(s + w, cp);           /* at most 3 bytes for 7 read */
          r += 7;
          continue;
        }
      }
    }
    s[w++] = s[r++];
  }
  return w;
}

int xlsx_parse_ref(const char *s, int *col, long *row) {
  return xlsx_parse_ref_n(s, strlen(s), col, row);
}

int xlsx_parse_ref_n(const char *s, size_t n, int *col, long *row) {
  long c = 0, rw = 0;
  const char *p = s, *end = s + n;
  while (p < end && *p == '$') p++;
  while (p < end && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) {
    c = c * 26 + ((*p | 0x20) - 'a' + 1);
    if (c > XLSX_MAX_COLS) return -1;
    p++;
  }
  while (p < end && *p == '$') p++;
  while (p < end && *p >= '0' && *p <= '9') {
    rw = rw * 10 + (*p - '0');
    if (rw > XLSX_MAX_ROWS) return -1;
    p++;
  }
  if (p != end) return -1;
  *col = (int)c;
  *row = rw;
  return 0;
}

void xlsx_col_name(int col, char out[4]) {
  char tmp[4];
  int n = 0;
  while (col > 0 && n < 3) {
    int d = (col - 1) % 26;
    tmp[n++] = (char)('A' + d);
    col = (col - 1) / 26;
  }
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}
