/*
** scan_cond.c — testing a compiled `when` condition on one firm with the semantics of
** scripts/policytk/benefits/conditions.lua (Lua equality and order, unset and mixed types fail), and
** the national size class of policytk.benefits.sme, for policytk.scan.
*/
#include <string.h>

#include "scan.h"

static int is_num(const scan_value *v) { return v->t == SV_INT || v->t == SV_FLT; }

/* Lua's `==` on two non-nil values. */
static int lua_equal(const scan_value *a, const scan_value *b) {
  if (is_num(a) && is_num(b)) {
    if (a->t == SV_INT && b->t == SV_INT) return a->i == b->i;
    double x = a->t == SV_INT ? (double)a->i : a->f;
    double y = b->t == SV_INT ? (double)b->i : b->f;
    return x == y;
  }
  if (a->t != b->t) return 0;
  if (a->t == SV_STR) return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
  if (a->t == SV_BOOL) return a->i == b->i;
  return 0;                                  /* tables: never equal to a constant */
}

/* Lua's order of two numbers or two strings: <0, 0, >0; *ok = 0 for other pairs. */
static int lua_order(const scan_value *a, const scan_value *b, int *ok) {
  *ok = 1;
  if (is_num(a) && is_num(b)) {
    if (a->t == SV_INT && b->t == SV_INT) return (a->i > b->i) - (a->i < b->i);
    double x = a->t == SV_INT ? (double)a->i : a->f;
    double y = b->t == SV_INT ? (double)b->i : b->f;
    if (x != x || y != y) { *ok = 0; return 0; }        /* NaN: every order test is false */
    return (x > y) - (x < y);
  }
  if (a->t == SV_STR && b->t == SV_STR) {
    size_t n = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->s, b->s, n);
    if (c != 0) return c;
    return (a->n > b->n) - (a->n < b->n);
  }
  *ok = 0;
  return 0;
}

static const scan_value nil_value = { SV_NIL, 0, 0, NULL, 0 };

const scan_value *scan_year_value(const scan_firm *f, int which, int64_t year) {
  for (int i = 0; i < f->nyears; i++) {
    if (f->years[i].year == year) return which == 0 ? &f->years[i].revenue : &f->years[i].assets;
  }
  return &nil_value;
}

static const scan_value *operand(const scan_operand *o, scan_firm *f) {
  switch (o->src) {
  case SO_CONST: return &o->value;
  case SO_COL: return scan_col(f, o->index);
  case SO_REVENUE: return scan_year_value(f, 0, o->year);
  case SO_ASSETS: return scan_year_value(f, 1, o->year);
  case SO_SLOT: return &f->slots(f)[o->index];
  }
  return &nil_value;
}

static int has_prefix(const scan_value *v, const scan_value *p) {
  return p->t == SV_STR && v->n >= p->n && memcmp(v->s, p->s, p->n) == 0;
}

int scan_test(const scan_cond *c, scan_firm *f) {
  if (c->op == SC_SIZE) {
    int k = f->size(f);
    return k >= 0 && (c->sizes >> k) & 1u;
  }
  if (c->op == SC_ANY) {
    for (int i = 0; i < c->nsubs; i++) {
      if (scan_test(&c->subs[i], f)) return 1;
    }
    return 0;
  }
  if (c->op == SC_ALL) {
    for (int i = 0; i < c->nsubs; i++) {
      if (!scan_test(&c->subs[i], f)) return 0;
    }
    return 1;
  }
  const scan_value *a = operand(&c->a, f);
  switch (c->op) {
  case SC_INTEGER: return a->t == SV_INT;
  case SC_PRESENT: return a->t != SV_NIL;
  case SC_ABSENT: return a->t == SV_NIL;
  case SC_ONE_OF:
    if (a->t == SV_NIL) return 0;
    for (int i = 0; i < c->nlist; i++) {
      if (lua_equal(a, &c->list[i])) return 1;
    }
    return 0;
  case SC_PREFIX:
  case SC_NOT_PREFIX: {
    int negate = c->op == SC_NOT_PREFIX;
    if (a->t != SV_STR) return negate;
    for (int i = 0; i < c->nlist; i++) {
      if (has_prefix(a, &c->list[i])) return !negate;
    }
    return negate;
  }
  default: break;
  }
  const scan_value *b = operand(&c->b, f);
  if (a->t == SV_NIL || b->t == SV_NIL) return 0;
  if (c->op == SC_EQ) return lua_equal(a, b);
  if (c->op == SC_NE) return !lua_equal(a, b);
  int ok;
  int r = lua_order(a, b, &ok);
  if (!ok) return 0;
  switch (c->op) {
  case SC_LT: return r < 0;
  case SC_LE: return r <= 0;
  case SC_GT: return r > 0;
  case SC_GE: return r >= 0;
  default: return 0;
  }
}

/* Every bound of b is reached by the measures m (a missing measure does not reach). */
static int reaches(const scan_bounds *b, const double *const m[3]) {
  for (int k = 0; k < 3; k++) {
    if (b->has[k] && (m[k] == NULL || *m[k] < b->v[k])) return 0;
  }
  return 1;
}

int scan_classify(const scan_group *g, const double *x, const double *y, const double *z) {
  const double *const m[3] = { x, y, z };
  for (int k = 0; k < 3; k++) {
    if ((g->ceiling.has[k] || g->small.has[k]) && m[k] == NULL) return -1;
  }
  int sme = 0;
  for (int k = 0; k < 3; k++) {
    if (g->ceiling.has[k] && *m[k] < g->ceiling.v[k]) sme = 1;
  }
  if (!sme) return 0;
  if (reaches(&g->medium, m)) return 1;
  if (reaches(&g->small, m)) return 2;
  return 3;
}
