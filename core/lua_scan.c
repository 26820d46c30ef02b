/*
** lua_scan.c — policytk.scan: the bulk pass of `policytk match` over the firm register.
**
**   scan.run(spec) -> { firms = n, by_benefit = { [i] = { firms =, amount = } },
**                       by_region = { [code] = yuan } }
**
** The rows go to the file spec.out as CSV, or one by one to spec.on_row.
**
** One read-only SQLite connection walks the firms (spec.firms_sql) in credit-code order, and
** beside them one statement per year the plan reads (spec.years_sql with the year bound as
** ?4, spec.years = { from, to }), each in credit-code order too, merged by code. A firm whose
** region is not one of spec.regions_sql's (the city's, with spec.city as ?1) is passed over.
** For each firm the benefits' compiled `when` conditions (scan.h; planned from the plugin by
** scripts/policytk/benefits/match_plan.lua, and put into a spec by policytk.benefits.match.run_scan) are tested
** in C. A firm whose candidate benefits are all settled by `when` alone has its rows made here
** and counted in the totals; a firm with a candidate that needs its Lua rule is handed whole
** to spec.on_firm(columns…, years, candidates), which judges it and emits its rows. Lua is
** also asked, once per distinct text, for the industry group (spec.group_of) and for the
** values that conditions read in the JSON columns (spec.slot_values); the conditions that read
** nothing else are tested once per distinct text too. Everything the pass owns lives in one
** to-be-closed userdata, freed when scan.run returns or raises (a callback's error leaks nothing
** and leaves no connection open).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>
#include <sqlite3.h>

#include "policytk.h"
#include "scan.h"

#define NCOLS 13
enum { C_CODE, C_NAME, C_KIND, C_REGION, C_INDUSTRY, C_FOUNDED, C_EMPLOYEES, C_ABOVE, C_HT,
       C_TECH, C_SPEC, C_AWARDS, C_EXTRA };
#define OUT_FLUSH 65536

/* ------------------------------------------------------------------------ slot blocks */

static void free_vals(scan_value *v, int n) {
  if (!v) return;
  for (int i = 0; i < n; i++) {
    if (v[i].t == SV_STR) free((void *)v[i].s);
  }
  free(v);
}

/* A text's slot values and what was found of it, in one allocation: nvals values, then one
** judgement per benefit (text-judged ones only), then one verdict byte per benefit. */
typedef struct judgement {
  signed char state;           /* J_UNKNOWN, J_NONE (pays nothing), J_PAY, J_LUA (firm to Lua) */
  int yuan;
  int64_t amount;              /* counted in the totals (0 unless an integer) */
  lua_Number value;            /* as the rule returned it */
  int is_int;
  char *tail;                  /* the CSV row after the region column */
  size_t ntail;
} judgement;
enum { J_UNKNOWN, J_NONE, J_PAY, J_LUA };

static judgement *block_judgements(const scan_value *vals, int n) { return (judgement *)(vals + n); }

static unsigned char *block_verdicts(const scan_value *vals, int n, int nb) {
  return (unsigned char *)(block_judgements(vals, n) + nb);
}

static void free_block(scan_value *vals, int n, int nb) {
  if (!vals) return;
  judgement *j = block_judgements(vals, n);
  for (int i = 0; i < nb; i++) free(j[i].tail);
  free_vals(vals, n);
}

/* free_val of the extra and awards caches (ud: the pass). */
static void free_extra_block(void *val, void *ud);
static void free_awards_block(void *val, void *ud);

/* ------------------------------------------------------------------------ pass state */

/* One amount of a benefit settled by its conditions: the first option whose own conditions
** hold pays. */
typedef struct option {
  scan_cond *conds;
  int nconds;
  char *tail;                  /* the CSV row after the region column, "\r\n" included */
  size_t ntail;
  int64_t amount;
  int yuan;                    /* counted in the money totals */
} option;

typedef struct benefit {
  scan_cond *conds;            /* those of one JSON column first (their verdicts are kept per
                                  distinct text), then those of the firm */
  int nconds;
  int nmemo;                   /* conds[0 … nmemo - 1] read one JSON column only */
  int lua;                     /* needs its Lua rule when its conditions hold */
  int by_text;                 /* -1; or 0 (extra), 1 (awards): its rule reads only that column and
                                  is judged once per distinct text (spec.judge_text) */
  option *opts;
  int nopts;
  int64_t firms, total;
} benefit;

typedef struct region_sum {
  char *code;
  int64_t total;
} region_sum;

typedef struct pass {
  sqlite3 *db;
  sqlite3_stmt *firms;
  sqlite3_stmt **years;        /* one statement per year read, each in credit-code order */
  char *year_row;              /* per statement: it holds a row */
  int nyear_st;
  sqlite3_stmt *firm_years;    /* every year of one firm, for spec.on_firm */
  benefit *b;
  int nb;
  scan_group *groups;
  int ngroups;
  int nextra, nawards;         /* slot counts by source */
  scan_cache industries, extras, awards;
  scan_cache city_regions;          /* spec.regions_sql's codes: a firm elsewhere is passed over */
  int by_region;
  scan_year *years_buf;
  int years_cap;
  char *cand;                  /* per benefit: its conditions hold for the current firm */
  char *out;
  size_t nout, capout;
  region_sum *regions;
  int nregions;
  /* per firm */
  scan_value cols[NCOLS];
  unsigned loaded;             /* bit i: cols[i] read for the current firm */
  scan_value *slot_vals;       /* nextra + nawards values of the current firm */
  int slots_ready, size_class, size_ready;
  int memo;                    /* MEMO_EXTRA | MEMO_AWARDS: a benefit has a condition of that column */
  scan_value *nil_slots[2];    /* the values and verdicts of a NULL extra / awards column */
  const scan_value *block[2];  /* the current firm's slot values and verdicts, NULL until asked */
  const char *last_key[2];     /* the text of the firm before (a cache key), and its block */
  size_t last_n[2];
  const scan_value *last_block[2];
  int64_t first_year;          /* years[k] reads year first_year + k */
  lua_State *L;
  int spec;                    /* stack index of the spec table */
} pass;

static void free_extra_block(void *val, void *ud) {
  const pass *p = ud;
  free_block(val, p->nextra, p->nb);
}

static void free_awards_block(void *val, void *ud) {
  const pass *p = ud;
  free_block(val, p->nawards, p->nb);
}

static void free_cond(scan_cond *c) {
  if (c->a.src == SO_CONST && c->a.value.t == SV_STR) free((void *)c->a.value.s);
  if (c->b.src == SO_CONST && c->b.value.t == SV_STR) free((void *)c->b.value.s);
  free_vals(c->list, c->nlist);
  for (int i = 0; i < c->nsubs; i++) free_cond(&c->subs[i]);
  free(c->subs);
}

static int pass_gc(lua_State *L) {
  pass *p = luaL_checkudata(L, 1, "policytk.scan.pass");
  /* the slot blocks first: freeing them needs p->nb */
  scan_cache_clear(&p->industries);
  scan_cache_clear(&p->city_regions);
  scan_cache_clear(&p->extras);
  scan_cache_clear(&p->awards);
  free_block(p->nil_slots[0], p->nextra, p->nb);
  free_block(p->nil_slots[1], p->nawards, p->nb);
  p->nil_slots[0] = p->nil_slots[1] = NULL;
  if (p->firms) sqlite3_finalize(p->firms);
  for (int i = 0; i < p->nyear_st; i++) sqlite3_finalize(p->years[i]);
  free(p->years);
  free(p->year_row);
  p->years = NULL;
  p->year_row = NULL;
  p->nyear_st = 0;
  if (p->firm_years) sqlite3_finalize(p->firm_years);
  p->firm_years = NULL;
  if (p->db) sqlite3_close(p->db);
  p->firms = NULL;
  p->db = NULL;
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
  free(p->years_buf);
  p->years_buf = NULL;
  free(p->out);
  p->out = NULL;
  for (int i = 0; i < p->nregions; i++) free(p->regions[i].code);
  free(p->regions);
  p->regions = NULL;
  p->nregions = 0;
  free(p->slot_vals);
  p->slot_vals = NULL;
  free(p->cand);
  p->cand = NULL;
  return 0;
}

static void *xcalloc(lua_State *L, size_t n, size_t size) {
  void *v = calloc(n ? n : 1, size);
  if (!v) luaL_error(L, "scan: out of memory");
  return v;
}

static char *xstrdup(lua_State *L, const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) luaL_error(L, "scan: out of memory");
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* ---------------------------------------------------------------- reading the plan */

/* The Lua value at the top (popped) as an owned constant. */
static scan_value const_value(lua_State *L, const char *what) {
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
    v.s = xstrdup(L, s, n);
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

static void read_operand(lua_State *L, int t, scan_operand *o, const char *what) {
  static const char *const srcs[] = { "const", "col", "revenue", "assets", "slot", NULL };
  if (!lua_istable(L, t)) luaL_error(L, "scan: %s must be an operand table", what);
  o->src = (scan_source)option_field(L, t, "src", srcs, what);
  if (o->src == SO_CONST) {
    lua_getfield(L, t, "value");
    o->value = const_value(L, what);
  } else if (o->src == SO_COL || o->src == SO_SLOT) {
    o->index = int_field(L, t, "index", what);
  } else {
    o->year = int_field(L, t, "year", what);
  }
}

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
    c->subs = xcalloc(L, (size_t)n, sizeof *c->subs);
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
    c->list = xcalloc(L, (size_t)n, sizeof *c->list);
    for (int i = 1; i <= n; i++) {
      lua_geti(L, -1, i);
      c->list[i - 1] = const_value(L, "condition.list");
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
  *out = xcalloc(L, (size_t)nc, sizeof **out);
  for (int j = 1; j <= nc; j++) {
    lua_geti(L, -1, j);
    *n = j;                           /* counted first: freed whole if it raises half-read */
    read_cond(p, L, -1, &(*out)[j - 1]);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* What a condition reads: MEMO_EXTRA, MEMO_AWARDS (the slots of that JSON column), FIRM (any
** other part of the firm), or none (constants only). */
enum { MEMO_EXTRA = 1, MEMO_AWARDS = 2, READS_FIRM = 4 };

static unsigned operand_reads(const pass *p, const scan_operand *o) {
  if (o->src == SO_CONST) return 0;
  if (o->src == SO_SLOT) return o->index < p->nextra ? MEMO_EXTRA : MEMO_AWARDS;
  return READS_FIRM;
}

static unsigned cond_reads(const pass *p, const scan_cond *c) {
  if (c->op == SC_SIZE) return READS_FIRM;
  unsigned r = 0;
  if (c->op == SC_ANY || c->op == SC_ALL) {
    for (int i = 0; i < c->nsubs; i++) r |= cond_reads(p, &c->subs[i]);
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
    unsigned r = cond_reads(p, &b->conds[j]);
    if (r == MEMO_EXTRA || r == MEMO_AWARDS) {
      scan_cond c = b->conds[j];
      memmove(&b->conds[k + 1], &b->conds[k], (size_t)(j - k) * sizeof c);
      b->conds[k++] = c;
      p->memo |= (int)r;
    }
  }
  b->nmemo = k;
}

static void read_plan(pass *p, lua_State *L, int spec) {
  p->nextra = int_field(L, spec, "extra_slots", "spec");
  p->nawards = int_field(L, spec, "awards_slots", "spec");
  if (p->nextra < 0 || p->nawards < 0 || p->nextra + p->nawards > 4096) luaL_error(L, "scan: bad slot counts");
  p->extras.free_val = free_extra_block;
  p->awards.free_val = free_awards_block;
  p->extras.ud = p->awards.ud = p;
  p->slot_vals = xcalloc(L, (size_t)(p->nextra + p->nawards), sizeof *p->slot_vals);
  table_field(L, spec, "groups", "spec");
  int ng = (int)luaL_len(L, -1);
  p->groups = xcalloc(L, (size_t)ng, sizeof *p->groups);
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
  p->b = xcalloc(L, (size_t)nb, sizeof *p->b);
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
      b->opts = xcalloc(L, (size_t)no, sizeof *b->opts);
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
        o->tail = xstrdup(L, s, n);
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

/* ---------------------------------------------------------------------- per firm */

/* Column i of the statement's row. The value is read through sqlite3_column_value, one call
** into the statement instead of three: the pass's connection is opened NOMUTEX (multi-thread
** mode), where SQLite makes no distinction between protected and unprotected values. */
static scan_value column_value(sqlite3_stmt *st, int i) {
  scan_value v = { SV_NIL, 0, 0, NULL, 0 };
  sqlite3_value *sv = sqlite3_column_value(st, i);
  int type = sqlite3_value_type(sv);
  switch (type) {
  case SQLITE_INTEGER: v.t = SV_INT; v.i = sqlite3_value_int64(sv); break;
  case SQLITE_FLOAT: v.t = SV_FLT; v.f = sqlite3_value_double(sv); break;
  case SQLITE_TEXT:
  case SQLITE_BLOB:                            /* as policytk.db: a string either way */
    v.t = SV_STR;
    v.s = type == SQLITE_TEXT ? (const char *)sqlite3_value_text(sv) : (const char *)sqlite3_value_blob(sv);
    v.n = (size_t)sqlite3_value_bytes(sv);
    if (v.s == NULL) v.s = "";
    break;
  default: break;
  }
  return v;
}

/* Column i of the current firm as the record has it: the defaults of policytk.benefits.firms (industry
** "", employees 0, tech_sme a boolean), read from the row on first use. */
static const scan_value *firm_col(pass *p, int i) {
  if (p->loaded & (1u << i)) return &p->cols[i];
  scan_value v = column_value(p->firms, i);
  if (i == C_INDUSTRY && v.t == SV_NIL) { v.t = SV_STR; v.s = ""; v.n = 0; }
  if (i == C_EMPLOYEES && v.t == SV_NIL) { v.t = SV_INT; v.i = 0; }
  if (i == C_TECH) {
    int one = (v.t == SV_INT && v.i == 1) || (v.t == SV_FLT && v.f == 1.0);
    v.t = SV_BOOL;
    v.i = one;
  }
  p->cols[i] = v;
  p->loaded |= 1u << i;
  return &p->cols[i];
}

static const scan_value *load_col(scan_firm *f, int i) { return firm_col(f->ud, i); }

/* A new row of the firms statement: nothing of it is read yet. */
static void begin_firm(pass *p) {
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
      if (cond_reads(p, &b->conds[j]) == want) ok = scan_test(&b->conds[j], &f);
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
      if (!d) { free_vals(vals, i - 1); luaL_error(L, "scan: out of memory"); }
      memcpy(d, s, len);
      d[len] = '\0';
      vals[i - 1].t = SV_STR;
      vals[i - 1].s = d;
      vals[i - 1].n = len;
      lua_pop(L, 1);
    } else if (lua_type(L, -1) == LUA_TNIL || lua_type(L, -1) == LUA_TBOOLEAN || lua_type(L, -1) == LUA_TNUMBER) {
      vals[i - 1] = const_value(L, "slot value");
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
  const scan_value *text = firm_col(p, source == 0 ? C_EXTRA : C_AWARDS);
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
static const unsigned char *firm_verdicts(pass *p, int source) {
  return block_verdicts(firm_block(p, source), source == 0 ? p->nextra : p->nawards, p->nb);
}

/* How benefit i (by_text) judges the current firm's text: spec.judge_text(i, text) asked once
** per distinct text → nil (pays nothing), false (the firm goes to Lua, which names the error),
** or amount, tail, yuan. A NULL column goes to Lua as well. */
static const judgement *text_judgement(pass *p, int i) {
  int source = p->b[i].by_text, n = source == 0 ? p->nextra : p->nawards;
  const scan_value *block = firm_block(p, source);
  judgement *j = &block_judgements(block, n)[i];
  if (j->state != J_UNKNOWN) return j;
  const scan_value *text = firm_col(p, source == 0 ? C_EXTRA : C_AWARDS);
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
    char *copy = xstrdup(L, tail, nt);
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
  int g = industry_group(p, firm_col(p, C_INDUSTRY));
  if (g < 0) return -1;
  double x, y, z;
  int hx = as_double(firm_col(p, C_EMPLOYEES), &x);
  const scan_value *yv = scan_year_value(f, 0, f->year), *zv = scan_year_value(f, 1, f->year);
  if (yv->t == SV_NIL) yv = scan_year_value(f, 0, f->year - 1);
  if (zv->t == SV_NIL) zv = scan_year_value(f, 1, f->year - 1);
  int hy = as_double(yv, &y), hz = as_double(zv, &z);
  y /= 10000;
  z /= 10000;
  p->size_class = scan_classify(&p->groups[g], hx ? &x : NULL, hy ? &y : NULL, hz ? &z : NULL);
  return p->size_class;
}

/* ---------------------------------------------------------------------- output */

static void out_flush(pass *p, FILE *out) {
  if (out == NULL) return;
  if (p->nout && fwrite(p->out, 1, p->nout, out) != p->nout) luaL_error(p->L, "scan: cannot write the output");
  p->nout = 0;
}

static void out_put(pass *p, const char *s, size_t n) {
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

static void out_field(pass *p, const scan_value *v) {
  if (v->t != SV_STR) return;
  const unsigned char *s = (const unsigned char *)v->s;
  size_t i = 0;
  while (i < v->n && !csv_special[s[i]]) i++;
  if (i == v->n) {
    out_put(p, v->s, v->n);
    return;
  }
  out_put(p, "\"", 1);
  size_t start = 0;
  for (size_t i = 0; i < v->n; i++) {
    if (v->s[i] == '"') {
      out_put(p, v->s + start, i + 1 - start);   /* up to and with the quote, */
      out_put(p, "\"", 1);                        /* which is doubled */
      start = i + 1;
    }
  }
  out_put(p, v->s + start, v->n - start);
  out_put(p, "\"", 1);
}

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
  p->regions[p->nregions].code = xstrdup(p->L, r->s, r->n);
  p->regions[p->nregions].total = amount;
  p->nregions++;
}

static int step(pass *p, sqlite3_stmt *st, const char *what);
static void push_year_value(lua_State *L, const scan_value *v);

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
  push_value(L, firm_col(p, C_CODE));
  push_value(L, firm_col(p, C_NAME));
  push_value(L, firm_col(p, C_REGION));
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
  out_flush(p, out);
  luaL_checkstack(L, NCOLS + 5, "scan: stack");
  lua_getfield(L, p->spec, "on_firm");
  for (int i = 0; i < NCOLS; i++) {
    scan_value v = column_value(p->firms, i);
    switch (v.t) {
    case SV_INT: lua_pushinteger(L, v.i); break;
    case SV_FLT: lua_pushnumber(L, v.f); break;
    case SV_STR: lua_pushlstring(L, v.s, v.n); break;
    default: lua_pushnil(L); break;
    }
  }
  lua_newtable(L);
  const scan_value *code = firm_col(p, C_CODE);
  sqlite3_reset(p->firm_years);
  if (sqlite3_bind_text(p->firm_years, 1, code->s, (int)code->n, SQLITE_TRANSIENT) != SQLITE_OK) {
    luaL_error(L, "scan: cannot bind firm_years_sql");
  }
  for (int i = 0; step(p, p->firm_years, "the years of a firm"); i++) {
    lua_pushinteger(L, sqlite3_column_int64(p->firm_years, 1));
    lua_rawseti(L, -2, i * 3 + 1);
    for (int k = 0; k < 2; k++) {
      scan_value v = column_value(p->firm_years, 2 + k);
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

static void push_year_value(lua_State *L, const scan_value *v) {
  if (v->t == SV_INT) lua_pushinteger(L, v->i);
  else if (v->t == SV_FLT) lua_pushnumber(L, v->f);
  else lua_pushboolean(L, 0);                      /* a hole would end the sequence */
}

/* ---------------------------------------------------------------------- the pass */

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

static int step(pass *p, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return 1;
  if (rc != SQLITE_DONE) luaL_error(p->L, "scan: reading %s: %s", what, sqlite3_errmsg(p->db));
  return 0;
}

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
    scan_value yc = column_value(st, 0);
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
      y->revenue = column_value(st, 1);
      y->assets = column_value(st, 2);
      if (y->revenue.t == SV_STR) y->revenue.t = SV_OTHER;   /* not kept past the step */
      if (y->assets.t == SV_STR) y->assets.t = SV_OTHER;
    }
    p->year_row[k] = (char)step(p, st, "firm years");
  }
  return ny;
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
    scan_value v = column_value(st, 0);
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

static int scan_run(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  pass *p = lua_newuserdatauv(L, sizeof *p, 0);
  memset(p, 0, sizeof *p);
  luaL_setmetatable(L, "policytk.scan.pass");
  lua_toclose(L, 2);                           /* freed (connection too) on return or on error */
  p->L = L;
  p->spec = 1;
  FILE *out = NULL;                            /* NULL: rows go to spec.on_row */
  lua_getfield(L, 1, "on_row");
  int to_lua = !lua_isnil(L, -1);
  lua_getfield(L, 1, "out");
  if (to_lua == !lua_isnil(L, -1)) luaL_error(L, "scan: give spec.out (a file) or spec.on_row (a function)");
  if (!to_lua) {
    luaL_Stream *stream = luaL_testudata(L, -1, LUA_FILEHANDLE);
    if (stream == NULL) luaL_error(L, "scan: spec.out must be a file");
    if (stream->closef == NULL) luaL_error(L, "scan: spec.out is a closed file");
    out = stream->f;
  }
  lua_pop(L, 2);
  const char *path = str_field(L, 1, "db", "spec", NULL);
  if (sqlite3_open_v2(path, &p->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    luaL_error(L, "scan: cannot open %s: %s", path, p->db ? sqlite3_errmsg(p->db) : "out of memory");
  }
  lua_pop(L, 1);
  /* no memory map: reading pages into SQLite's small cache measured faster over the whole file
  ** (a map costs a fault and TLB misses on every page touched) and keeps the memory at a few MB */
  sqlite3_exec(p->db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
  int64_t year = int_field(L, 1, "year", "spec");
  read_plan(p, L, 1);
  lua_getfield(L, 1, "progress");
  int has_progress = !lua_isnil(L, -1);
  lua_pop(L, 1);
  read_regions(L, p, 1);
  p->firms = prepare(L, p, 1, "firms_sql");
  table_field(L, 1, "years", "spec");
  int64_t from = int_field(L, -1, "from", "spec.years"), to = int_field(L, -1, "to", "spec.years");
  lua_pop(L, 1);
  if (from > to || to - from >= 64) luaL_error(L, "scan: spec.years must be 1 … 64 years, from <= to");
  int ny_st = (int)(to - from + 1);
  p->first_year = from;
  p->years = xcalloc(L, (size_t)ny_st, sizeof *p->years);
  p->year_row = xcalloc(L, (size_t)ny_st, 1);
  for (int i = 0; i < ny_st; i++) {
    p->years[i] = prepare(L, p, 1, "years_sql");
    p->nyear_st = i + 1;
    if (sqlite3_bind_parameter_count(p->years[i]) < 4 || sqlite3_column_count(p->years[i]) != 3
        || sqlite3_bind_int64(p->years[i], 4, from + i) != SQLITE_OK) {
      luaL_error(L, "scan: years_sql must give credit_code, revenue, assets of the year ?4");
    }
  }
  const char *fy = str_field(L, 1, "firm_years_sql", "spec", NULL);
  if (sqlite3_prepare_v2(p->db, fy, -1, &p->firm_years, NULL) != SQLITE_OK) {
    luaL_error(L, "scan: firm_years_sql: %s", sqlite3_errmsg(p->db));
  }
  lua_pop(L, 1);
  if (sqlite3_column_count(p->firms) != NCOLS || sqlite3_column_count(p->firm_years) != 4
      || sqlite3_bind_parameter_count(p->firm_years) != 1) {
    luaL_error(L, "scan: firms_sql must give %d columns, firm_years_sql 4 (of ?1)", NCOLS);
  }

  for (int i = 0; i < p->nyear_st; i++) p->year_row[i] = (char)step(p, p->years[i], "firm years");
  int64_t nfirms = 0;
  scan_firm f = { p->cols, &p->loaded, load_col, NULL, 0, year, firm_slots, firm_size, p };
  char *cand = p->cand = xcalloc(L, (size_t)p->nb, 1);
  while (step(p, p->firms, "firms")) {
    begin_firm(p);
    const scan_value *code = firm_col(p, C_CODE);
    if (code->t != SV_STR) luaL_error(L, "scan: a firm without a credit code");
    if (p->by_region) {
      const scan_value *r = firm_col(p, C_REGION);
      if (r->t != SV_STR || scan_cache_find(&p->city_regions, r->s, r->n) == NULL) continue;
    }
    int ny = 0;
    for (int k = 0; k < p->nyear_st; k++) ny = take_year(p, k, code, ny);
    f.years = p->years_buf;
    f.nyears = ny;
    nfirms++;
    int need_lua = 0, any = 0;
    const unsigned char *vx = p->memo & MEMO_EXTRA ? firm_verdicts(p, 0) : NULL;
    const unsigned char *va = p->memo & MEMO_AWARDS ? firm_verdicts(p, 1) : NULL;
    for (int i = 0; i < p->nb; i++) {
      benefit *b = &p->b[i];
      int ok = (vx == NULL || vx[i]) && (va == NULL || va[i]);
      for (int j = b->nmemo; ok && j < b->nconds; j++) ok = scan_test(&b->conds[j], &f);
      cand[i] = (char)ok;
      if (ok) {
        any = 1;
        if (b->lua || (b->by_text >= 0 && text_judgement(p, i)->state == J_LUA)) need_lua = 1;
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
          jd = text_judgement(p, i);
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
          out_field(p, code);
          out_put(p, ",", 1);
          out_field(p, firm_col(p, C_NAME));
          out_put(p, ",", 1);
          out_field(p, firm_col(p, C_REGION));
          out_put(p, tail, ntail);
        } else {
          call_on_row(p, i, o ? (int)(o - b->opts) : -1, jd);
        }
        b->firms++;
        if (yuan) {
          b->total += amount;
          const scan_value *region = firm_col(p, C_REGION);
          if (region->t == SV_STR) add_region(p, region, amount);
        }
      }
      if (p->nout >= OUT_FLUSH) out_flush(p, out);
    }
    if (has_progress && (nfirms & 0xFFFF) == 0) {
      out_flush(p, out);
      lua_getfield(L, 1, "progress");
      lua_pushinteger(L, nfirms);
      lua_call(L, 1, 0);
    }
  }
  out_flush(p, out);

  lua_createtable(L, 0, 3);
  lua_pushinteger(L, nfirms);
  lua_setfield(L, -2, "firms");
  lua_createtable(L, p->nb, 0);
  for (int i = 0; i < p->nb; i++) {
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, p->b[i].firms);
    lua_setfield(L, -2, "firms");
    lua_pushinteger(L, p->b[i].total);
    lua_setfield(L, -2, "amount");
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "by_benefit");
  lua_createtable(L, 0, p->nregions);
  for (int i = 0; i < p->nregions; i++) {
    lua_pushinteger(L, p->regions[i].total);
    lua_setfield(L, -2, p->regions[i].code);
  }
  lua_setfield(L, -2, "by_region");
  return 1;
}

static const luaL_Reg scan_funcs[] = { { "run", scan_run }, { NULL, NULL } };
static const luaL_Reg pass_meta[] = { { "__gc", pass_gc }, { "__close", pass_gc }, { NULL, NULL } };

int luaopen_policytk_scan(lua_State *L) {
  luaL_newmetatable(L, "policytk.scan.pass");
  luaL_setfuncs(L, pass_meta, 0);
  lua_pop(L, 1);
  luaL_newlib(L, scan_funcs);
  return 1;
}
