/*
** scan_csv.c — the CSV rows policytk.scan writes to spec.out: a growing buffer written out every
** OUT_FLUSH bytes (and before Lua is called, so that rows stay in order), and the RFC 4180
** fields policytk.data.tabular writes. The pass (scan_pass.c) puts the code, name and region fields;
** the rest of a row (the tail) comes made from the plan.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "policytk.h"
#include "scan.h"

void scan_out_flush(pass *p, FILE *out) {
  if (out == NULL) return;
  if (p->nout && fwrite(p->out, 1, p->nout, out) != p->nout) luaL_error(p->L, "scan: cannot write the output");
  p->nout = 0;
}

void scan_out_put(pass *p, const char *s, size_t n) {
  if (p->nout + n > p->capout) {
    size_t cap = p->capout ? p->capout : OUT_FLUSH * 2;
    while (cap < p->nout + n) cap *= 2;
    char *o = realloc(p->out, cap);
    if (!o) luaL_error(p->L, "scan: out of memory");
    p->out = o;
    p->capout = cap;
  }
  memcpy(p->out + p->nout, s, n);
  p->nout += n;
}

/* An RFC 4180 field, as policytk.data.tabular writes it. */
static const unsigned char csv_special[256] = { ['"'] = 1, [','] = 1, ['\r'] = 1, ['\n'] = 1 };

void scan_out_field(pass *p, const scan_value *v) {
  if (v->t != SV_STR) return;
  const unsigned char *s = (const unsigned char *)v->s;
  size_t i = 0;
  while (i < v->n && !csv_special[s[i]]) i++;
  if (i == v->n) {
    scan_out_put(p, v->s, v->n);
    return;
  }
  scan_out_put(p, "\"", 1);
  size_t start = 0;
  for (size_t i = 0; i < v->n; i++) {
    if (v->s[i] == '"') {
      scan_out_put(p, v->s + start, i + 1 - start);   /* up to and with the quote, */
      scan_out_put(p, "\"", 1);                        /* which is doubled */
      start = i + 1;
    }
  }
  scan_out_put(p, v->s + start, v->n - start);
  scan_out_put(p, "\"", 1);
}
