/*
** scan_memo.c — what policytk.scan learns once and keeps while the pass runs: for each distinct
** text of a JSON column (extra, awards) its slot values (spec.slot_values), the verdicts of the
** conditions that read only those slots, and the judgements of the by_text rules
** (spec.judge_text); for each distinct industry code its group (spec.group_of); for the current
** firm its slot values and its size class. The caches are scan_cache.c's; a firm with the same
** text as the firm before is served without a lookup.
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "policytk.h"
#include "scan.h"

/* ------------------------------------------------------------------------ slot blocks */

/* A block (scan.h, judgement): n slot values, then nb judgements, then nb verdict bytes. */
static judgement *block_judgements(const scan_value *vals, int n) { return (judgement *)(vals + n); }

static unsigned char *block_verdicts(const scan_value *vals, int n, int nb) {
  return (unsigned char *)(block_judgements(vals, n) + nb);
}

/* Free a block of n values and nb judgements (NULL: nothing). */
static void free_block(scan_value *vals, int n, int nb) {
  if (!vals) return;
  judgement *j = block_judgements(vals, n);
  for (int i = 0; i < nb; i++) free(j[i].tail);
  scan_free_vals(vals, n);
}

/* free_val of the extra and awards caches (ud: the pass). */
static void free_extra_block(void *val, void *ud) {
  const pass *p = ud;
  free_block(val, p->nextra, p->nb);
}

static void free_awards_block(void *val, void *ud) {
  const pass *p = ud;
  free_block(val, p->nawards, p->nb);
}

/* (scan.h) */
void scan_memo_init(pass *p) {
  p->extras.free_val = free_extra_block;
  p->awards.free_val = free_awards_block;
  p->extras.ud = p->awards.ud = p;
}

/* (scan.h) */
void scan_memo_free(pass *p) {
  scan_cache_clear(&p->industries);
  scan_cache_clear(&p->extras);
  scan_cache_clear(&p->awards);
  free_block(p->nil_slots[0], p->nextra, p->nb);
  free_block(p->nil_slots[1], p->nawards, p->nb);
  p->nil_slots[0] = p->nil_slots[1] = NULL;
}

/* ---------------------------------------------------------------------- per firm */

/* scan_firm.load of the pass's firm. */
static const scan_value *load_col(scan_firm *f, int i) { return scan_firm_col(f->ud, i); }

/* A new row of the firms statement: nothing of it is read yet. */
void scan_begin_firm(pass *p) {
  p->loaded = 0;
  p->slots_ready = p->size_ready = 0;
  p->block[0] = p->block[1] = NULL;
}

/* For the verdicts of one JSON column's values: a firm whose other column is NULL and that
** has nothing else (the conditions tested read only the given column's slots). */
static const scan_value *memo_slot_vals(scan_firm *f) { return f->ud; }
static const scan_value *memo_no_col(scan_firm *f, int i) {
  static const scan_value nil = { SV_NIL, 0, 0, NULL, 0 };
  (void)f; (void)i;
  return &nil;
}
static int memo_no_size(scan_firm *f) { (void)f; return -1; }

/* vals: the n slot values of column `source` (0 extra, 1 awards), followed in the same block by
** one verdict per benefit: its conditions on that column hold for these values. */
static void fill_verdicts(pass *p, int source, scan_value *vals, int n) {
  unsigned char *verdict = block_verdicts(vals, n, p->nb);
  scan_value *all = p->slot_vals;               /* reused: firm_slots refills it per firm */
  for (int i = 0; i < p->nextra + p->nawards; i++) all[i] = (scan_value){ SV_NIL, 0, 0, NULL, 0 };
  memcpy(all + (source == 0 ? 0 : p->nextra), vals, (size_t)n * sizeof *vals);
  unsigned none = 0;
  scan_firm f = { p->cols, &none, memo_no_col, NULL, 0, 0, memo_slot_vals, memo_no_size, all };
  unsigned want = source == 0 ? MEMO_EXTRA : MEMO_AWARDS;
  for (int i = 0; i < p->nb; i++) {
    benefit *b = &p->b[i];
    int ok = 1;
    for (int j = 0; ok && j < b->nmemo; j++) {
      if (scan_cond_reads(p, &b->conds[j]) == want) ok = scan_test(&b->conds[j], &f);
    }
    verdict[i] = (unsigned char)ok;
  }
  p->slots_ready = 0;
}

/* A block of n slot values and p->nb verdicts. */
static scan_value *new_slot_block(pass *p, int n) {
  scan_value *vals = calloc(1, (size_t)n * sizeof *vals + (size_t)p->nb * (sizeof(judgement) + 1));
  if (!vals) luaL_error(p->L, "scan: out of memory");
  return vals;
}

/* The slot values (and verdicts after them) of the text of one JSON column, source 0 (extra)
** or 1 (awards): spec.slot_values(name, text) asked once per distinct text. */
static const scan_value *text_slots(pass *p, int source, const scan_value *text, const char **key) {
  static const char *const names[2] = { "extra", "awards" };
  scan_cache *c = source == 0 ? &p->extras : &p->awards;
  int n = source == 0 ? p->nextra : p->nawards;
  if (text->t != SV_STR) {
    if (p->nil_slots[source] == NULL) {
      scan_value *vals = new_slot_block(p, n);         /* every value nil */
      p->nil_slots[source] = vals;
      fill_verdicts(p, source, vals, n);
    }
    *key = NULL;
    return p->nil_slots[source];
  }
  scan_entry *e = scan_cache_find(c, text->s, text->n);
  if (e) {
    *key = e->key;
    return e->val;
  }
  lua_State *L = p->L;
  scan_value *vals = NULL;
  if (n > 0) {                        /* else only the verdicts and judgements of the text */
    lua_getfield(L, p->spec, "slot_values");
    lua_pushstring(L, names[source]);
    lua_pushlstring(L, text->s, text->n);
    lua_call(L, 2, 1);
    if (!lua_istable(L, -1)) luaL_error(L, "scan: slot_values must return a table");
  }
  vals = new_slot_block(p, n);
  for (int i = 1; i <= n; i++) {
    lua_geti(L, -1, i);
    if (lua_istable(L, -1)) {
      lua_pop(L, 1);
      vals[i - 1].t = SV_OTHER;
      continue;
    }
    if (lua_type(L, -1) == LUA_TSTRING) {
      size_t len;
      const char *s = lua_tolstring(L, -1, &len);
      char *d = malloc(len + 1);
      if (!d) { scan_free_vals(vals, i - 1); luaL_error(L, "scan: out of memory"); }
      memcpy(d, s, len);
      d[len] = '\0';
      vals[i - 1].t = SV_STR;
      vals[i - 1].s = d;
      vals[i - 1].n = len;
      lua_pop(L, 1);
    } else if (lua_type(L, -1) == LUA_TNIL || lua_type(L, -1) == LUA_TBOOLEAN || lua_type(L, -1) == LUA_TNUMBER) {
      vals[i - 1] = scan_const_value(L, "slot value");
    } else {
      lua_pop(L, 1);
      vals[i - 1].t = SV_OTHER;
    }
  }
  if (n > 0) lua_pop(L, 1);
  fill_verdicts(p, source, vals, n);
  scan_entry *added = scan_cache_put(c, text->s, text->n, vals);
  if (added == NULL) {
    free_block(vals, n, p->nb);
    luaL_error(L, "scan: out of memory");
  }
  *key = added->key;
  return vals;
}

/* The slot block of the current firm's extra (source 0) or awards (1) column. Most firms carry
** the same text as the firm before: one comparison then, instead of a lookup. The cache is
** only cleared inside text_slots, which sets last_* again at once. */
static const scan_value *firm_block(pass *p, int source) {
  if (p->block[source]) return p->block[source];
  const scan_value *text = scan_firm_col(p, source == 0 ? C_EXTRA : C_AWARDS);
  if (text->t == SV_STR && p->last_key[source] && p->last_n[source] == text->n
      && memcmp(p->last_key[source], text->s, text->n) == 0) {
    return p->block[source] = p->last_block[source];
  }
  const char *key;
  const scan_value *b = text_slots(p, source, text, &key);
  p->last_key[source] = key;
  p->last_n[source] = key ? text->n : 0;
  p->last_block[source] = b;
  return p->block[source] = b;
}

/* The verdicts of the current firm's extra (source 0) or awards (1) column. */
const unsigned char *scan_firm_verdicts(pass *p, int source) {
  return block_verdicts(firm_block(p, source), source == 0 ? p->nextra : p->nawards, p->nb);
}

/* How benefit i (by_text) judges the current firm's text: spec.judge_text(i, text) asked once
** per distinct text → nil (pays nothing), false (the firm goes to Lua, which names the error),
** or amount, tail, yuan. A NULL column goes to Lua as well. */
const judgement *scan_text_judgement(pass *p, int i) {
  int source = p->b[i].by_text, n = source == 0 ? p->nextra : p->nawards;
  const scan_value *block = firm_block(p, source);
  judgement *j = &block_judgements(block, n)[i];
  if (j->state != J_UNKNOWN) return j;
  const scan_value *text = scan_firm_col(p, source == 0 ? C_EXTRA : C_AWARDS);
  if (text->t != SV_STR) {
    j->state = J_LUA;
    return j;
  }
  lua_State *L = p->L;
  luaL_checkstack(L, 4, "scan: stack");
  lua_getfield(L, p->spec, "judge_text");
  lua_pushinteger(L, i + 1);
  lua_pushlstring(L, text->s, text->n);
  lua_call(L, 2, 3);
  if (lua_isnil(L, -3)) {
    j->state = J_NONE;
  } else if (lua_isboolean(L, -3) && !lua_toboolean(L, -3)) {
    j->state = J_LUA;
  } else {
    if (!lua_isnumber(L, -3) || lua_type(L, -2) != LUA_TSTRING) {
      luaL_error(L, "scan: judge_text must return nil, false, or an amount and a tail");
    }
    size_t nt;
    const char *tail = lua_tolstring(L, -2, &nt);
    char *copy = scan_xstrdup(L, tail, nt);
    j->value = lua_tonumber(L, -3);
    j->is_int = lua_isinteger(L, -3);
    j->amount = j->is_int ? lua_tointeger(L, -3) : 0;
    j->yuan = lua_toboolean(L, -1);
    j->tail = copy;
    j->ntail = nt;
    j->state = J_PAY;
  }
  lua_pop(L, 3);
  return j;
}

/* scan_firm.slots of the pass's firm: its extra then awards slot values, copied once per firm. */
static const scan_value *firm_slots(scan_firm *f) {
  pass *p = f->ud;
  if (!p->slots_ready) {
    const scan_value *e = firm_block(p, 0), *a = firm_block(p, 1);
    memcpy(p->slot_vals, e, (size_t)p->nextra * sizeof *e);
    memcpy(p->slot_vals + p->nextra, a, (size_t)p->nawards * sizeof *a);
    p->slots_ready = 1;
  }
  return p->slot_vals;
}

/* The group of an industry code (spec.group_of, once per distinct code): index or -1. */
static int industry_group(pass *p, const scan_value *ind) {
  if (ind->t != SV_STR) return -1;
  scan_entry *e = scan_cache_find(&p->industries, ind->s, ind->n);
  if (e) return (int)(intptr_t)e->val - 1;
  lua_State *L = p->L;
  lua_getfield(L, p->spec, "group_of");
  lua_pushlstring(L, ind->s, ind->n);
  lua_call(L, 1, 1);
  int ok;
  lua_Integer g = lua_tointegerx(L, -1, &ok);
  lua_pop(L, 1);
  int idx = ok && g >= 1 && g <= p->ngroups ? (int)g - 1 : -1;
  if (!scan_cache_put(&p->industries, ind->s, ind->n, (void *)(intptr_t)(idx + 1))) luaL_error(L, "scan: out of memory");
  return idx;
}

/* *d = v when v is a number; returns 1, else 0. */
static int as_double(const scan_value *v, double *d) {
  if (v->t == SV_INT) { *d = (double)v->i; return 1; }
  if (v->t == SV_FLT) { *d = v->f; return 1; }
  return 0;
}

/* policytk.benefits.sme.classify: the year's revenue and assets, or the year before's. */
static int firm_size(scan_firm *f) {
  pass *p = f->ud;
  if (p->size_ready) return p->size_class;
  p->size_ready = 1;
  p->size_class = -1;
  int g = industry_group(p, scan_firm_col(p, C_INDUSTRY));
  if (g < 0) return -1;
  double x, y, z;
  int hx = as_double(scan_firm_col(p, C_EMPLOYEES), &x);
  const scan_value *yv = scan_year_value(f, 0, f->year), *zv = scan_year_value(f, 1, f->year);
  if (yv->t == SV_NIL) yv = scan_year_value(f, 0, f->year - 1);
  if (zv->t == SV_NIL) zv = scan_year_value(f, 1, f->year - 1);
  int hy = as_double(yv, &y), hz = as_double(zv, &z);
  y /= 10000;
  z /= 10000;
  p->size_class = scan_classify(&p->groups[g], hx ? &x : NULL, hy ? &y : NULL, hz ? &z : NULL);
  return p->size_class;
}

/* (scan.h) */
scan_firm scan_memo_firm(pass *p) {
  scan_firm f = { p->cols, &p->loaded, load_col, NULL, 0, p->year, firm_slots, firm_size, p };
  return f;
}
