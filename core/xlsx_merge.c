/*
** xlsx_merge.c — merged cells for policytk.xlsx's reader. A sheet lists its merged ranges
** (<mergeCells><mergeCell ref="A3:A8"/>) after <sheetData>, so before a sheet is streamed a
** first pass (libxml2's SAX push parser, no tree, no text) collects the ranges and the extent of
** the cells that hold values; the row iterator then fills the cells of a range (every cell,
** or those of its first column) from its top-left value as the rows go by
** (xlsx_merges_apply), and yields the rows a range covers.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <lauxlib.h>

#include "xlsx.h"

enum { M_PENDING, M_OPEN, M_VALUE, M_NONE, M_DONE };

#define SCAN_BLOCK 65536

typedef struct scan_state {
  xlsx_merges *m;
  xmlParserCtxtPtr ctx;
  int in_sheetdata, in_mergecells, in_c;
  long row;
  int col;
  char *msg;             /* the first error (malloc'd), or NULL */
} scan_state;

/* A malloc'd printf. NULL when out of memory. */
static char *msg_printf(const char *fmt, const char *arg, int len) {
  int n = snprintf(NULL, 0, fmt, len, arg);
  char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (s != NULL) snprintf(s, (size_t)n + 1, fmt, len, arg);
  return s;
}

static void scan_fail(scan_state *st, char *msg) {
  if (st->msg == NULL) st->msg = msg != NULL ? msg : msg_printf("%.*sout of memory", "", 0);
  else free(msg);
  xmlStopParser(st->ctx);
}

/* The value [v, end) of attribute `name` among SAX2's attributes (5 pointers each), or NULL. */
static const char *sax_attr(const xmlChar **attrs, int n, const char *name, size_t *len) {
  for (int i = 0; i < n; i++) {
    const xmlChar **a = attrs + 5 * i;
    if (strcmp((const char *)a[0], name) == 0) {
      *len = (size_t)(a[4] - a[3]);
      return (const char *)a[3];
    }
  }
  return NULL;
}

static void add_range(scan_state *st, const char *v, size_t len) {
  xlsx_merges *m = st->m;
  const char *colon = memchr(v, ':', len);
  xlsx_range g;
  long r1 = 0, r2 = 0;
  int c1 = 0, c2 = 0;
  if (colon == NULL || xlsx_parse_ref_n(v, (size_t)(colon - v), &c1, &r1) != 0 ||
      xlsx_parse_ref_n(colon + 1, len - (size_t)(colon - v) - 1, &c2, &r2) != 0 ||
      c1 == 0 || c2 == 0 || r1 == 0 || r2 == 0) {
    scan_fail(st, msg_printf("bad merged range '%.*s'", v, len > 40 ? 40 : (int)len));
    return;
  }
  if (m->n >= XLSX_MAX_MERGES) {
    scan_fail(st, msg_printf("more than 100000 merged ranges%.*s", "", 0));
    return;
  }
  g.r1 = r1 < r2 ? r1 : r2;
  g.r2 = r1 < r2 ? r2 : r1;
  g.c1 = c1 < c2 ? c1 : c2;
  g.c2 = c1 < c2 ? c2 : c1;
  if (m->n == m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    xlsx_range *r = realloc(m->r, cap * sizeof *r);
    if (r == NULL) {
      scan_fail(st, NULL);
      return;
    }
    m->r = r;
    m->cap = cap;
  }
  m->r[m->n++] = g;
}

static void scan_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                       const xmlChar *uri, int nb_ns, const xmlChar **ns, int nb_attrs,
                       int nb_defaulted, const xmlChar **attrs) {
  (void)prefix, (void)uri, (void)nb_ns, (void)ns, (void)nb_defaulted;
  scan_state *st = ctx;
  const char *name = (const char *)localname;
  size_t len;
  const char *v;
  if (st->in_sheetdata) {
    if (strcmp(name, "row") == 0) {
      int c;
      long r;
      v = sax_attr(attrs, nb_attrs, "r", &len);
      st->row = v != NULL && xlsx_parse_ref_n(v, len, &c, &r) == 0 && c == 0 && r > 0 ? r
                                                                                      : st->row + 1;
      st->col = 0;
    } else if (strcmp(name, "c") == 0) {
      int c;
      long r;
      v = sax_attr(attrs, nb_attrs, "r", &len);
      st->col = v != NULL && xlsx_parse_ref_n(v, len, &c, &r) == 0 && c > 0 ? c : st->col + 1;
      st->in_c = 1;
    } else if (st->in_c && (strcmp(name, "v") == 0 || strcmp(name, "is") == 0)) {
      if (st->row > st->m->max_row) st->m->max_row = st->row;
      if (st->col > st->m->max_col) st->m->max_col = st->col;
    }
  } else if (st->in_mergecells) {
    if (strcmp(name, "mergeCell") == 0 && (v = sax_attr(attrs, nb_attrs, "ref", &len)) != NULL)
      add_range(st, v, len);
  } else if (strcmp(name, "sheetData") == 0) {
    st->in_sheetdata = 1;
  } else if (strcmp(name, "mergeCells") == 0) {
    st->in_mergecells = 1;
  }
}

static void scan_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
  (void)prefix, (void)uri;
  scan_state *st = ctx;
  const char *name = (const char *)localname;
  if (strcmp(name, "c") == 0) st->in_c = 0;
  else if (strcmp(name, "sheetData") == 0) st->in_sheetdata = 0;
  else if (strcmp(name, "mergeCells") == 0) {
    st->in_mergecells = 0;
    xmlStopParser(st->ctx);            /* what follows is of no interest */
  }
}

/* Errors of the first pass are left to the stream, which reports them where it meets them. */
static void scan_silent(void *ctx, xmlErrorPtr e) {
  (void)ctx, (void)e;
}

static int range_cmp(const void *a, const void *b) {
  const xlsx_range *x = a, *y = b;
  if (x->r1 != y->r1) return x->r1 < y->r1 ? -1 : 1;
  return (x->c1 > y->c1) - (x->c1 < y->c1);
}

int xlsx_merges_scan(xlsx_merges *m, zip_t *za, const char *part, char **msg) {
  memset(m, 0, sizeof *m);
  *msg = NULL;
  zip_int64_t idx = zip_name_locate(za, part, ZIP_FL_NOCASE);
  if (idx < 0) return 0;
  zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
  if (zf == NULL) return 0;                  /* the stream reports it */
  char *buf = malloc(SCAN_BLOCK);
  xmlSAXHandler h;
  memset(&h, 0, sizeof h);
  h.initialized = XML_SAX2_MAGIC;
  h.startElementNs = scan_start;
  h.endElementNs = scan_end;
  h.serror = scan_silent;
  scan_state st;
  memset(&st, 0, sizeof st);
  st.m = m;
  st.ctx = buf != NULL ? xmlCreatePushParserCtxt(&h, &st, NULL, 0, part) : NULL;
  if (st.ctx == NULL) {
    free(buf);
    zip_fclose(zf);
    *msg = msg_printf("%.*sout of memory", "", 0);
    return -1;
  }
  xmlCtxtUseOptions(st.ctx, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  for (;;) {
    zip_int64_t n = zip_fread(zf, buf, SCAN_BLOCK);
    if (n < 0) break;
    if (xmlParseChunk(st.ctx, buf, (int)n, n == 0) != 0 || n == 0) break;
    if (st.ctx->disableSAX || st.msg != NULL) break;
  }
  xmlFreeParserCtxt(st.ctx);
  free(buf);
  zip_fclose(zf);
  if (st.msg != NULL) {
    xlsx_merges_free(m);
    *msg = st.msg;
    return -1;
  }
  /* only the cells up to the last row and column holding a value of their own are filled */
  size_t w = 0;
  for (size_t i = 0; i < m->n; i++) {
    xlsx_range g = m->r[i];
    if (g.r2 > m->max_row) g.r2 = m->max_row;
    if (g.c2 > m->max_col) g.c2 = m->max_col;
    if (g.r1 > g.r2 || g.c1 > g.c2 || (g.r1 == g.r2 && g.c1 == g.c2)) continue;
    m->r[w++] = g;
  }
  m->n = w;
  if (m->n == 0) {
    xlsx_merges_free(m);
    return 0;
  }
  qsort(m->r, m->n, sizeof *m->r, range_cmp);
  m->state = calloc(m->n, 1);
  m->active = malloc(m->n * sizeof *m->active);
  if (m->state == NULL || m->active == NULL) {
    xlsx_merges_free(m);
    *msg = msg_printf("%.*sout of memory", "", 0);
    return -1;
  }
  return 0;
}

void xlsx_merges_free(xlsx_merges *m) {
  free(m->r);
  free(m->state);
  free(m->active);
  memset(m, 0, sizeof *m);
}

long xlsx_merges_next_fill(const xlsx_merges *m) {
  for (size_t k = 0; k < m->nactive; k++) {
    size_t i = m->active[k];
    if (m->state[i] == M_VALUE && m->r[i].r2 > m->filled_to) return m->filled_to + 1;
  }
  return 0;
}

int xlsx_merges_apply(lua_State *L, xlsx_merges *m, long row, int cells, int values,
                      lua_Integer *n, const char **err) {
  if (m->n == 0) return 0;
  if (row > m->filled_to) {
    while (m->next < m->n && m->r[m->next].r1 <= row) {
      m->state[m->next] = M_OPEN;
      m->active[m->nactive++] = m->next++;
    }
    for (size_t k = 0; k < m->nactive;) {
      size_t i = m->active[k];
      const xlsx_range *g = &m->r[i];
      if (m->state[i] == M_OPEN) {          /* the top-left cell: in this row, or never seen */
        m->state[i] = M_NONE;
        if (g->r1 == row && lua_rawgeti(L, cells, g->c1) != LUA_TNIL) {
          lua_rawseti(L, values, (lua_Integer)i + 1);
          m->state[i] = M_VALUE;
        } else if (g->r1 == row) {
          lua_pop(L, 1);
        }
      }
      if (g->r2 < row) {                    /* past its last row */
        if (m->state[i] == M_VALUE) {
          lua_pushnil(L);
          lua_rawseti(L, values, (lua_Integer)i + 1);
        }
        m->state[i] = M_DONE;
        m->active[k] = m->active[--m->nactive];
        continue;
      }
      k++;
    }
    m->filled_to = row;
  }
  long width = 0;
  for (size_t k = 0; k < m->nactive; k++) {
    size_t i = m->active[k];
    const xlsx_range *g = &m->r[i];
    if (m->state[i] != M_VALUE || row < g->r1 || row > g->r2) continue;
    int last = m->all ? g->c2 : g->c1;
    long w = last - g->c1 + 1;
    width += w;
    m->fills += w;
    if (width > XLSX_MAX_COLS) {
      *err = "overlapping merged ranges";
      return -1;
    }
    if (m->fills > XLSX_MAX_MERGE_FILLS) {
      *err = "merged ranges fill more than 50000000 cells";
      return -1;
    }
    lua_rawgeti(L, values, (lua_Integer)i + 1);
    for (int c = g->c1; c <= last; c++) {
      lua_pushvalue(L, -1);
      lua_rawseti(L, cells, c);
    }
    lua_pop(L, 1);
    if (last > *n) *n = last;
  }
  return 0;
}
