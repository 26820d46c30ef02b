/*
** scan_plan.c — reading the spec of scan.run (a Lua table, made by policytk.benefits.match.run_scan from
** scripts/policytk/benefits/match_plan.lua) into the C plan of the pass: slot counts, size-class groups,
** benefits with their options and compiled conditions, the region filter and the prepared SQL
** statements. Every error names the field at fault ("scan: spec.years_sql …").
**
** The spec fields policytk.scan reads, all of them (the file that reads each in brackets):
**   db                 path of the SQLite database, opened read-only            [lua_scan.c]
**   out | on_row       a file for the CSV rows, or on_row(code, name, region, benefit, option,
**                      amount) called per row (exactly one of the two)   [lua_scan.c, scan_pass.c]
**   progress           optional progress(firms), every 65,536 firms     [lua_scan.c, scan_pass.c]
**   year               the year matched (an integer)
**   extra_slots, awards_slots   how many slot values the extra / awards column gives
**   groups             list of { ceiling =, medium =, small = }, each { X =, Y =, Z = } (numbers,
**                      any may be nil): the size-class thresholds of an industry group
**   benefits           list of benefits: { lua =, by_text = "extra" | "awards" | nil,
**                      options = { { amount =, yuan =, tail =, conds = } … } (when neither lua nor
**                      by_text), conds = { condition … } }
**     a condition      { op = "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "present" | "absent" |
**                      "one_of" | "prefix" | "not_prefix" | "size" | "any" | "all" | "integer",
**                      a = operand, b = operand (eq … ge), list = { constant … } (one_of, prefix,
**                      not_prefix), sizes = { 0 … 3 … } (size), subs = { condition … } (any, all) }
**     an operand       { src = "const", value = } | { src = "col" | "slot", index = } |
**                      { src = "revenue" | "assets", year = }
**   regions_sql, city  optional: the region codes a firm must be in (city bound as ?1)
**   firms_sql          the firms, NCOLS columns (scan.h), in credit-code order
**   binds              the values bound to ?1, ?2 … of firms_sql and years_sql
**   years              { from =, to = }: the years years_sql is run for (1 … 64)
**   years_sql          credit_code, revenue, assets of the year bound as ?4, in credit-code order
**   firm_years_sql     code, year, revenue, assets of the firm bound as ?1 (for on_firm)
**   slot_values        slot_values(name, text) -> the slot values of a JSON text  [scan_memo.c]
**   judge_text         judge_text(i, text) -> nil | false | amount, tail, yuan     [scan_memo.c]
**   group_of           group_of(industry) -> index into groups or nil              [scan_memo.c]
**   on_firm            on_firm(columns…, years, candidates): a firm for Lua        [scan_pass.c]
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <sqlite3.h>

#include "policytk.h"
#include "scan.h"

void scan_free_vals(scan_value *v, int n) {
  if (!v) return;
  for (int i = 0; i < n; i++) {
    if (v[i].t == SV_STR) free((void *)v[i].s);
  }
  free(v);
}

/* Free what condition c owns (constants, lists, sub-conditions); not c itself. */
static void free_cond(scan_cond *c) {
  if (c->a.src == SO_CONST && c->a.value.t == SV_STR) free((void *)c->a.value.s);
  if (c->b.src == SO_CONST && c->b.value.t == SV_STR) free((void *)c->b.value.s);
  scan_free_vals(c->list, c->nlist);
  for (int i = 0; i < c->nsubs; i++) free_cond(&c->subs[i]);
  free(c->subs);
}

/* Free the plan of p: its benefits (conditions, options), groups and slot values. */
void scan_plan_free(pass *p) {
  for (int i = 0; i < p->nb; i++) {
    for (int j = 0; j < p->b[i].nconds; j++) free_cond(&p->b[i].conds[j]);
    free(p->b[i].conds);
    for (int k = 0; k < p->b[i].nopts; k++) {
      option *o = &p->b[i].opts[k];
      for (int j = 0; j < o->nconds; j++) free_cond(&o->conds[j]);
      free(o->conds);
      free(o->tail);
    }
    free(p->b[i].opts);
  }
  free(p->b);
  p->b = NULL;
  p->nb = 0;
  free(p->groups);
  p->groups = NULL;
  free(p->slot_vals);
  p->slot_vals = NULL;
}

/* ---------------------------------------------------------------- reading the plan */

/* The Lua value at the top (popped) as an owned constant. */
scan_value scan_const_value(lua_State *L, const char *what) {
  scan_value v = { SV_NIL, 0, 0, NULL, 0 };
  switch (lua_type(L, -1)) {
  case LUA_TNIL: break;
  case LUA_TBOOLEAN: v.t = SV_BOOL; v.i = lua_toboolean(L, -1); break;
  case LUA_TNUMBER:
    if (lua_isinteger(L, -1)) { v.t = SV_INT; v.i = lua_tointeger(L, -1); }
    else { v.t = SV_FLT; v.f = lua_tonumber(L, -1); }
    break;
  case LUA_TSTRING: {
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    v.t = SV_STR;
    v.s = scan_xstrdup(L, s, n);
    v.n = n;
    break;
  }
  default:
    luaL_error(L, "scan: %s: a constant must be nil, a boolean, a number or a string; got %s", what,
               luaL_typename(L, -1));
  }
  lua_pop(L, 1);
  return v;
}

/* t[k] as an integer; raises "scan: WHAT.K must be an integer". */
static int int_field(lua_State *L, int t, const char *k, const char *what) {
  lua_getfield(L, t, k);
  int ok;
  lua_Integer v = lua_tointegerx(L, -1, &ok);
  if (!ok) luaL_error(L, "scan: %s.%s must be an integer", what, k);
  lua_pop(L, 1);
  return (int)v;
}

/* t[k] as a string (its bytes stay on the stack: pop it when done). */
static const char *str_field(lua_State *L, int t, const char *k, const char *what, size_t *n) {
  lua_getfield(L, t, k);
  if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "scan: %s.%s must be a string", what, k);
  return lua_tolstring(L, -1, n);
}

/* Push t[k], which must be a table. */
static void table_field(lua_State *L, int t, const char *k, const char *what) {
  lua_getfield(L, t, k);
  if (!lua_istable(L, -1)) luaL_error(L, "scan: %s.%s must be a table", what, k);
}

/* The index of t[k] in names (a NULL-terminated list). */
static int option_field(lua_State *L, int t, const char *k, const char *const names[], const char *what) {
  lua_getfield(L, t, k);
  const char *v = lua_tostring(L, -1);
  for (int i = 0; v && names[i]; i++) {
    if (strcmp(names[i], v) == 0) { lua_pop(L, 1); return i; }
  }
  return luaL_error(L, "scan: %s.%s: unknown value '%s'", what, k, v ? v : luaL_typename(L, -1));
}

/* The operand table at index t into *o; raises naming `what` when it is not one. */
static void read_operand(lua_State *L, int t, scan_operand *o, const char *what) {
  static const char *const srcs[] = { "const", "col", "revenue", "assets", "slot", NULL };
  if (!lua_istable(L, t)) luaL_error(L, "scan: %s must be an operand table", what);
  o->src = (scan_source)option_field(L, t, "src", srcs, what);
  if (o->src == SO_CONST) {
    lua_getfield(L, t, "value");
    o->value = scan_const_value(L, what);
  } else if (o->src == SO_COL || o->src == SO_SLOT) {
    o->index = int_field(L, t, "index", what);
  } else {
    o->year = int_field(L, t, "year", what);
  }
}

/* The condition table at index t into *c (zeroed by the caller), sub-conditions too. What it
** allocated is reachable from *c when it raises, so free_cond frees a half-read condition. */
static void read_cond(pass *p, lua_State *L, int t, scan_cond *c) {
  static const char *const ops[] = { "eq", "ne", "lt", "le", "gt", "ge", "present", "absent", "one_of",
                                     "prefix", "not_prefix", "size", "any", "all", "integer", NULL };
  luaL_checkstack(L, 6, "scan: conditions nested too deep");
  t = lua_absindex(L, t);
  if (!lua_istable(L, t)) luaL_error(L, "scan: a condition must be a table");
  c->op = (scan_op)option_field(L, t, "op", ops, "condition");
  if (c->op == SC_SIZE) {
    table_field(L, t, "sizes", "condition");
    for (lua_Integer i = 1, n = luaL_len(L, -1); i <= n; i++) {
      lua_geti(L, -1, i);
      lua_Integer k = lua_tointeger(L, -1);
      if (k < 0 || k > 3) luaL_error(L, "scan: a size class is 0 … 3");
      c->sizes |= 1u << k;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return;
  }
  if (c->op == SC_ANY || c->op == SC_ALL) {
    table_field(L, t, "subs", "condition");
    int n = (int)luaL_len(L, -1);
    c->subs = scan_xcalloc(L, (size_t)n, sizeof *c->subs);
    for (int i = 1; i <= n; i++) {
      lua_geti(L, -1, i);
      c->nsubs = i;                   /* counted first: freed whole if it raises half-read */
      read_cond(p, L, -1, &c->subs[i - 1]);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return;
  }
  lua_getfield(L, t, "a");
  read_operand(L, lua_gettop(L), &c->a, "condition.a");
  lua_pop(L, 1);
  if (c->op <= SC_GE) {
    lua_getfield(L, t, "b");
    read_operand(L, lua_gettop(L), &c->b, "condition.b");
    lua_pop(L, 1);
  }
  if (c->op == SC_ONE_OF || c->op == SC_PREFIX || c->op == SC_NOT_PREFIX) {
    table_field(L, t, "list", "condition");
    int n = (int)luaL_len(L, -1);
    c->list = scan_xcalloc(L, (size_t)n, sizeof *c->list);
    for (int i = 1; i <= n; i++) {
      lua_geti(L, -1, i);
      c->list[i - 1] = scan_const_value(L, "condition.list");
      c->nlist = i;
    }
    lua_pop(L, 1);
  }
  if ((c->a.src == SO_COL && (c->a.index < 0 || c->a.index >= NCOLS))
      || (c->b.src == SO_COL && (c->b.index < 0 || c->b.index >= NCOLS))) {
    luaL_error(L, "scan: a column index is 0 … %d", NCOLS - 1);
  }
  if ((c->a.src == SO_SLOT && (c->a.index < 0 || c->a.index >= p->nextra + p->nawards))
      || (c->b.src == SO_SLOT && (c->b.index < 0 || c->b.index >= p->nextra + p->nawards))) {
    luaL_error(L, "scan: a slot index is out of range");
  }
}

/* group[k] (the group table at the top) into *b: its X, Y and Z, each a number or nil. */
static void read_bounds(lua_State *L, const char *k, scan_bounds *b) {
  static const char *const names[3] = { "X", "Y", "Z" };
  table_field(L, lua_gettop(L), k, "group");
  for (int i = 0; i < 3; i++) {
    lua_getfield(L, -1, names[i]);
    if (!lua_isnil(L, -1)) {
      b->has[i] = 1;
      if (!lua_isnumber(L, -1)) luaL_error(L, "scan: group.%s.%s must be a number", k, names[i]);
      b->v[i] = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* t.conds (t at index t) into a new array. */
static void read_conds(pass *p, lua_State *L, int t, scan_cond **out, int *n) {
  table_field(L, t, "conds", "benefit");
  int nc = (int)luaL_len(L, -1);
  *out = scan_xcalloc(L, (size_t)nc, sizeof **out);
  for (int j = 1; j <= nc; j++) {
    lua_geti(L, -1, j);
    *n = j;                           /* counted first: freed whole if it raises half-read */
    read_cond(p, L, -1, &(*out)[j - 1]);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* What operand o reads: 0 (a constant), MEMO_EXTRA / MEMO_AWARDS (a slot) or READS_FIRM. */
static unsigned operand_reads(const pass *p, const scan_operand *o) {
  if (o->src == SO_CONST) return 0;
  if (o->src == SO_SLOT) return o->index < p->nextra ? MEMO_EXTRA : MEMO_AWARDS;
  return READS_FIRM;
}

unsigned scan_cond_reads(const pass *p, const scan_cond *c) {
  if (c->op == SC_SIZE) return READS_FIRM;
  unsigned r = 0;
  if (c->op == SC_ANY || c->op == SC_ALL) {
    for (int i = 0; i < c->nsubs; i++) r |= scan_cond_reads(p, &c->subs[i]);
    return r;
  }
  r = operand_reads(p, &c->a);
  if (c->op <= SC_GE) r |= operand_reads(p, &c->b);
  return r;
}

/* Put first the conditions that read one JSON column only: they give the same answer for
** every firm with the same text, so they are tested once per distinct text (slot_entry).
** Conditions have no side effects and never raise, so the order does not change the answer. */
static void memo_first(pass *p, benefit *b) {
  int k = 0;
  for (int j = 0; j < b->nconds; j++) {
    unsigned r = scan_cond_reads(p, &b->conds[j]);
    if (r == MEMO_EXTRA || r == MEMO_AWARDS) {
      scan_cond c = b->conds[j];
      memmove(&b->conds[k + 1], &b->conds[k], (size_t)(j - k) * sizeof c);
      b->conds[k++] = c;
      p->memo |= (int)r;
    }
  }
  b->nmemo = k;
}

/* The plan: spec.extra_slots, awards_slots, groups and benefits into p. Every array is
** counted as it fills, so that scan_plan_free frees a plan read halfway. */
static void read_plan(pass *p, lua_State *L, int spec) {
  p->nextra = int_field(L, spec, "extra_slots", "spec");
  p->nawards = int_field(L, spec, "awards_slots", "spec");
  if (p->nextra < 0 || p->nawards < 0 || p->nextra + p->nawards > 4096) luaL_error(L, "scan: bad slot counts");
  scan_memo_init(p);
  p->slot_vals = scan_xcalloc(L, (size_t)(p->nextra + p->nawards), sizeof *p->slot_vals);
  table_field(L, spec, "groups", "spec");
  int ng = (int)luaL_len(L, -1);
  p->groups = scan_xcalloc(L, (size_t)ng, sizeof *p->groups);
  p->ngroups = ng;
  for (int i = 1; i <= ng; i++) {
    if (lua_geti(L, -1, i) != LUA_TTABLE) luaL_error(L, "scan: spec.groups[%d] must be a table", i);
    read_bounds(L, "ceiling", &p->groups[i - 1].ceiling);
    read_bounds(L, "medium", &p->groups[i - 1].medium);
    read_bounds(L, "small", &p->groups[i - 1].small);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  table_field(L, spec, "benefits", "spec");
  int nb = (int)luaL_len(L, -1);
  p->b = scan_xcalloc(L, (size_t)nb, sizeof *p->b);
  for (int i = 1; i <= nb; i++) {
    benefit *b = &p->b[i - 1];
    p->nb = i;
    if (lua_geti(L, -1, i) != LUA_TTABLE) luaL_error(L, "scan: spec.benefits[%d] must be a table", i);
    int bt = lua_gettop(L);
    lua_getfield(L, bt, "lua");
    b->lua = lua_toboolean(L, -1);
    lua_pop(L, 1);
    static const char *const sources[] = { "extra", "awards", NULL };
    b->by_text = -1;
    if (lua_getfield(L, bt, "by_text") != LUA_TNIL) b->by_text = option_field(L, bt, "by_text", sources, "benefit");
    lua_pop(L, 1);
    if (b->by_text >= 0) b->lua = 0;
    if (!b->lua && b->by_text < 0) {
      table_field(L, bt, "options", "benefit");
      int no = (int)luaL_len(L, -1);
      b->opts = scan_xcalloc(L, (size_t)no, sizeof *b->opts);
      for (int k = 1; k <= no; k++) {
        option *o = &b->opts[k - 1];
        b->nopts = k;
        if (lua_geti(L, -1, k) != LUA_TTABLE) luaL_error(L, "scan: benefits[%d].options[%d] must be a table", i, k);
        int ot = lua_gettop(L);
        lua_getfield(L, ot, "amount");
        int ok;
        o->amount = lua_tointegerx(L, -1, &ok);
        if (!ok) luaL_error(L, "scan: benefits[%d].options[%d].amount must be an integer", i, k);
        lua_pop(L, 1);
        lua_getfield(L, ot, "yuan");
        o->yuan = lua_toboolean(L, -1);
        lua_pop(L, 1);
        size_t n;
        const char *s = str_field(L, ot, "tail", "option", &n);
        o->tail = scan_xstrdup(L, s, n);
        o->ntail = n;
        lua_pop(L, 1);
        read_conds(p, L, ot, &o->conds, &o->nconds);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
    read_conds(p, L, bt, &b->conds, &b->nconds);
    memo_first(p, b);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* ---------------------------------------------------------------- the statements */

/* spec[field] prepared on p->db with spec.binds bound to its parameters. */
static sqlite3_stmt *prepare(lua_State *L, pass *p, int spec, const char *field) {
  const char *sql = str_field(L, spec, field, "spec", NULL);
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK) {
    luaL_error(L, "scan: %s: %s", field, sqlite3_errmsg(p->db));
  }
  lua_pop(L, 1);
  lua_getfield(L, spec, "binds");
  for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
    lua_geti(L, -1, i);
    int rc = SQLITE_OK;
    if (lua_type(L, -1) == LUA_TSTRING) {
      size_t n;
      const char *s = lua_tolstring(L, -1, &n);
      rc = sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
    } else if (lua_isinteger(L, -1)) {
      rc = sqlite3_bind_int64(st, i, lua_tointeger(L, -1));
    } else if (!lua_isnil(L, -1)) {
      sqlite3_finalize(st);
      luaL_error(L, "scan: binds[%d] must be a string, an integer or nil", i);
    }
    if (rc != SQLITE_OK) { sqlite3_finalize(st); luaL_error(L, "scan: cannot bind %s", field); }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return st;
}

/* spec.regions_sql (optional, with spec.city bound as ?1): the region codes a firm must be in.
** Testing them here costs less than an IN list in firms_sql, which SQLite probes per row. */
static void read_regions(lua_State *L, pass *p, int spec) {
  lua_getfield(L, spec, "regions_sql");
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return; }
  if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "scan: spec.regions_sql must be a string");
  size_t n;
  const char *city = str_field(L, spec, "city", "spec", &n);      /* before the statement exists */
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(p->db, lua_tostring(L, -2), -1, &st, NULL) != SQLITE_OK) {
    luaL_error(L, "scan: regions_sql: %s", sqlite3_errmsg(p->db));
  }
  int rc = sqlite3_bind_text(st, 1, city, (int)n, SQLITE_TRANSIENT);
  lua_pop(L, 2);
  p->city_regions.keep_all = 1;
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    scan_value v = scan_column_value(st, 0);
    if (v.t != SV_STR || scan_cache_find(&p->city_regions, v.s, v.n)) { rc = SQLITE_OK; continue; }
    if (!scan_cache_put(&p->city_regions, v.s, v.n, NULL)) {
      sqlite3_finalize(st);
      luaL_error(L, "scan: out of memory");
    }
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE) {
    lua_pushstring(L, sqlite3_errmsg(p->db));
    sqlite3_finalize(st);
    luaL_error(L, "scan: regions_sql: %s", lua_tostring(L, -1));
  }
  sqlite3_finalize(st);
  p->by_region = 1;
}

/* What scan.run reads of the spec, once p->db is open, in the order it always has: a spec
** wrong in two places is reported for the same one. */
void scan_read_spec(pass *p, lua_State *L, int spec) {
  p->year = int_field(L, spec, "year", "spec");
  read_plan(p, L, spec);
  read_regions(L, p, spec);
  p->firms = prepare(L, p, spec, "firms_sql");
  table_field(L, spec, "years", "spec");
  int64_t from = int_field(L, -1, "from", "spec.years"), to = int_field(L, -1, "to", "spec.years");
  lua_pop(L, 1);
  if (from > to || to - from >= 64) luaL_error(L, "scan: spec.years must be 1 … 64 years, from <= to");
  int ny_st = (int)(to - from + 1);
  p->first_year = from;
  p->years = scan_xcalloc(L, (size_t)ny_st, sizeof *p->years);
  p->year_row = scan_xcalloc(L, (size_t)ny_st, 1);
  for (int i = 0; i < ny_st; i++) {
    p->years[i] = prepare(L, p, spec, "years_sql");
    p->nyear_st = i + 1;
    if (sqlite3_bind_parameter_count(p->years[i]) < 4 || sqlite3_column_count(p->years[i]) != 3
        || sqlite3_bind_int64(p->years[i], 4, from + i) != SQLITE_OK) {
      luaL_error(L, "scan: years_sql must give credit_code, revenue, assets of the year ?4");
    }
  }
  const char *fy = str_field(L, spec, "firm_years_sql", "spec", NULL);
  if (sqlite3_prepare_v2(p->db, fy, -1, &p->firm_years, NULL) != SQLITE_OK) {
    luaL_error(L, "scan: firm_years_sql: %s", sqlite3_errmsg(p->db));
  }
  lua_pop(L, 1);
  if (sqlite3_column_count(p->firms) != NCOLS || sqlite3_column_count(p->firm_years) != 4
      || sqlite3_bind_parameter_count(p->firm_years) != 1) {
    luaL_error(L, "scan: firms_sql must give %d columns, firm_years_sql 4 (of ?1)", NCOLS);
  }
}
