/*
** scan_pass.c — the pass of policytk.scan over the firm register: the firms statement walked in
** credit-code order with one statement per year merged beside it, firms outside the city's
** regions passed over, each benefit's conditions tested (scan_cond.c, with what scan_memo.c
** keeps), and for each firm either its rows made here (CSV through scan_csv.c, or
** spec.on_row) and counted in the totals, or the whole firm handed to spec.on_firm when a
** candidate benefit needs its Lua rule.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <sqlite3.h>

#include "policytk.h"
#include "scan.h"

/* ------------------------------------------------------------ rows and totals */

/* Add amount to the total of region r (a string). */
static void add_region(pass *p, const scan_value *r, int64_t amount) {
  for (int i = 0; i < p->nregions; i++) {
    if (strlen(p->regions[i].code) == r->n && memcmp(p->regions[i].code, r->s, r->n) == 0) {
      p->regions[i].total += amount;
      return;
    }
  }
  region_sum *n = realloc(p->regions, (size_t)(p->nregions + 1) * sizeof *n);
  if (!n) luaL_error(p->L, "scan: out of memory");
  p->regions = n;
  p->regions[p->nregions].code = scan_xstrdup(p->L, r->s, r->n);
  p->regions[p->nregions].total = amount;
  p->nregions++;
}

static void push_year_value(lua_State *L, const scan_value *v);

/* Push a column value for Lua: a string, or nil for anything else. */
static void push_value(lua_State *L, const scan_value *v) {
  if (v->t == SV_STR) lua_pushlstring(L, v->s, v->n);
  else lua_pushnil(L);
}

/* spec.on_row(code, name, region, benefit, option, amount): a row paid by benefit (1-based)
** through its option (1-based), or (option 0) by the judgement j of its rule on the firm's
** text, for the formats that Lua writes. */
static void call_on_row(pass *p, int benefit, int option, const judgement *j) {
  lua_State *L = p->L;
  luaL_checkstack(L, 7, "scan: stack");
  lua_getfield(L, p->spec, "on_row");
  push_value(L, scan_firm_col(p, C_CODE));
  push_value(L, scan_firm_col(p, C_NAME));
  push_value(L, scan_firm_col(p, C_REGION));
  lua_pushinteger(L, benefit + 1);
  lua_pushinteger(L, option + 1);
  if (j == NULL) lua_pushnil(L);
  else if (j->is_int) lua_pushinteger(L, j->amount);
  else lua_pushnumber(L, j->value);
  lua_call(L, 6, 0);
}

/* Hand the firm to spec.on_firm(code, name, kind, region, industry, founded, employees,
** above_scale_since, high_tech_until, tech_sme, specialized, awards, extra, years, candidates)
** with the raw column values (NULL as nil), every year of the firm (the pass reads only the
** years the conditions need) as { year, revenue, assets, year, … } (false for NULL), and the
** benefits whose conditions hold, as a list of their 1-based indices: the others cannot pay. */
static void call_on_firm(pass *p, FILE *out) {
  lua_State *L = p->L;
  scan_out_flush(p, out);
  luaL_checkstack(L, NCOLS + 5, "scan: stack");
  lua_getfield(L, p->spec, "on_firm");
  for (int i = 0; i < NCOLS; i++) {
    scan_value v = scan_column_value(p->firms, i);
    switch (v.t) {
    case SV_INT: lua_pushinteger(L, v.i); break;
    case SV_FLT: lua_pushnumber(L, v.f); break;
    case SV_STR: lua_pushlstring(L, v.s, v.n); break;
    default: lua_pushnil(L); break;
    }
  }
  lua_newtable(L);
  const scan_value *code = scan_firm_col(p, C_CODE);
  sqlite3_reset(p->firm_years);
  if (sqlite3_bind_text(p->firm_years, 1, code->s, (int)code->n, SQLITE_TRANSIENT) != SQLITE_OK) {
    luaL_error(L, "scan: cannot bind firm_years_sql");
  }
  for (int i = 0; scan_step(p, p->firm_years, "the years of a firm"); i++) {
    lua_pushinteger(L, sqlite3_column_int64(p->firm_years, 1));
    lua_rawseti(L, -2, i * 3 + 1);
    for (int k = 0; k < 2; k++) {
      scan_value v = scan_column_value(p->firm_years, 2 + k);
      push_year_value(L, &v);
      lua_rawseti(L, -2, i * 3 + 2 + k);
    }
  }
  lua_newtable(L);
  for (int i = 0, n = 0; i < p->nb; i++) {
    if (p->cand[i]) {
      lua_pushinteger(L, i + 1);
      lua_rawseti(L, -2, ++n);
    }
  }
  lua_call(L, NCOLS + 2, 0);
}

/* Push a revenue or assets value: a number, or false for NULL (and anything else). */
static void push_year_value(lua_State *L, const scan_value *v) {
  if (v->t == SV_INT) lua_pushinteger(L, v->i);
  else if (v->t == SV_FLT) lua_pushnumber(L, v->f);
  else lua_pushboolean(L, 0);                      /* a hole would end the sequence */
}

/* ------------------------------------------------------------ the firms and their years */

int scan_step(pass *p, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return 1;
  if (rc != SQLITE_DONE) luaL_error(p->L, "scan: reading %s: %s", what, sqlite3_errmsg(p->db));
  return 0;
}

/* memcmp order of two credit codes (strings), as SQLite orders them. */
static int code_cmp(const scan_value *a, const scan_value *b) {
  size_t n = a->n < b->n ? a->n : b->n;
  int c = memcmp(a->s, b->s, n);
  return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* Advance year statement k to the firm `code` (both in credit-code order); a row of the firm
** is added to years_buf at ny. Returns the new count. */
static int take_year(pass *p, int k, const scan_value *code, int ny) {
  sqlite3_stmt *st = p->years[k];
  while (p->year_row[k]) {
    scan_value yc = scan_column_value(st, 0);
    int c = yc.t == SV_STR ? code_cmp(&yc, code) : -1;
    if (c > 0) break;
    if (c == 0) {
      if (ny == p->years_cap) {
        int cap = p->years_cap ? p->years_cap * 2 : 16;
        scan_year *y = realloc(p->years_buf, (size_t)cap * sizeof *y);
        if (!y) luaL_error(p->L, "scan: out of memory");
        p->years_buf = y;
        p->years_cap = cap;
      }
      scan_year *y = &p->years_buf[ny++];
      y->year = p->first_year + k;               /* the statement's ?4 */
      y->revenue = scan_column_value(st, 1);
      y->assets = scan_column_value(st, 2);
      if (y->revenue.t == SV_STR) y->revenue.t = SV_OTHER;   /* not kept past the step */
      if (y->assets.t == SV_STR) y->assets.t = SV_OTHER;
    }
    p->year_row[k] = (char)scan_step(p, st, "firm years");
  }
  return ny;
}

int64_t scan_pass_firms(pass *p, FILE *out, int has_progress) {
  lua_State *L = p->L;
  for (int i = 0; i < p->nyear_st; i++) p->year_row[i] = (char)scan_step(p, p->years[i], "firm years");
  int64_t nfirms = 0;
  scan_firm f = scan_memo_firm(p);
  char *cand = p->cand = scan_xcalloc(L, (size_t)p->nb, 1);
  while (scan_step(p, p->firms, "firms")) {
    scan_begin_firm(p);
    const scan_value *code = scan_firm_col(p, C_CODE);
    if (code->t != SV_STR) luaL_error(L, "scan: a firm without a credit code");
    if (p->by_region) {
      const scan_value *r = scan_firm_col(p, C_REGION);
      if (r->t != SV_STR || scan_cache_find(&p->city_regions, r->s, r->n) == NULL) continue;
    }
    int ny = 0;
    for (int k = 0; k < p->nyear_st; k++) ny = take_year(p, k, code, ny);
    f.years = p->years_buf;
    f.nyears = ny;
    nfirms++;
    int need_lua = 0, any = 0;
    const unsigned char *vx = p->memo & MEMO_EXTRA ? scan_firm_verdicts(p, 0) : NULL;
    const unsigned char *va = p->memo & MEMO_AWARDS ? scan_firm_verdicts(p, 1) : NULL;
    for (int i = 0; i < p->nb; i++) {
      benefit *b = &p->b[i];
      int ok = (vx == NULL || vx[i]) && (va == NULL || va[i]);
      for (int j = b->nmemo; ok && j < b->nconds; j++) ok = scan_test(&b->conds[j], &f);
      cand[i] = (char)ok;
      if (ok) {
        any = 1;
        if (b->lua || (b->by_text >= 0 && scan_text_judgement(p, i)->state == J_LUA)) need_lua = 1;
      }
    }
    if (need_lua) {
      call_on_firm(p, out);
    } else if (any) {
      for (int i = 0; i < p->nb; i++) {
        if (!cand[i]) continue;
        benefit *b = &p->b[i];
        const option *o = NULL;
        const judgement *jd = NULL;
        const char *tail;
        size_t ntail;
        int64_t amount;
        int yuan;
        if (b->by_text >= 0) {
          jd = scan_text_judgement(p, i);
          if (jd->state != J_PAY) continue;
          tail = jd->tail, ntail = jd->ntail, amount = jd->amount, yuan = jd->yuan;
        } else {
          for (int k = 0; k < b->nopts && o == NULL; k++) {
            int ok = 1;
            for (int j = 0; ok && j < b->opts[k].nconds; j++) ok = scan_test(&b->opts[k].conds[j], &f);
            if (ok) o = &b->opts[k];
          }
          if (o == NULL) continue;
          tail = o->tail, ntail = o->ntail, amount = o->amount, yuan = o->yuan;
        }
        if (out) {
          scan_out_field(p, code);
          scan_out_put(p, ",", 1);
          scan_out_field(p, scan_firm_col(p, C_NAME));
          scan_out_put(p, ",", 1);
          scan_out_field(p, scan_firm_col(p, C_REGION));
          scan_out_put(p, tail, ntail);
        } else {
          call_on_row(p, i, o ? (int)(o - b->opts) : -1, jd);
        }
        b->firms++;
        if (yuan) {
          b->total += amount;
          const scan_value *region = scan_firm_col(p, C_REGION);
          if (region->t == SV_STR) add_region(p, region, amount);
        }
      }
      if (p->nout >= OUT_FLUSH) scan_out_flush(p, out);
    }
    if (has_progress && (nfirms & 0xFFFF) == 0) {
      scan_out_flush(p, out);
      lua_getfield(L, p->spec, "progress");
      lua_pushinteger(L, nfirms);
      lua_call(L, 1, 0);
    }
  }
  scan_out_flush(p, out);
  return nfirms;
}
