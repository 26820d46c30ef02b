/*
** scan.h — the declarations the C files of policytk.scan share, the bulk pass of
** `policytk match`: a benefit's `when` conditions (scripts/policytk/benefits/conditions.lua) planned by
** scripts/policytk/benefits/match_plan.lua and tested here for each firm of the register, with Lua
** semantics, without making a Lua value. Not a public API; the files and their concerns:
**
**   lua_scan.c   the Lua binding: scan.run(spec), the pass userdata and its lifetime
**   scan_plan.c  reading the spec table (Lua -> C): the plan, the SQL statements; its header
**                lists every spec field the module reads
**   scan_memo.c  what is learnt once per distinct text: JSON slot values, verdicts, judgements
**                of by_text rules, industry groups; and the size class of the current firm
**   scan_csv.c   the CSV rows written to spec.out (buffered, RFC 4180 fields)
**   scan_pass.c  the pass: the firms merged with their years, rows paid, totals, the Lua calls
**   scan_cond.c  testing a compiled condition; the size class rule of policytk.benefits.sme
**   scan_cache.c the string-keyed cache of distinct texts
*/
#ifndef POLICYTK_SCAN_H
#define POLICYTK_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <lua.h>
#include <sqlite3.h>

/* A value as Lua would see it in the firm record. Strings are not owned. */
typedef enum { SV_NIL, SV_INT, SV_FLT, SV_STR, SV_BOOL, SV_OTHER } scan_vtype;

typedef struct scan_value {
  scan_vtype t;
  int64_t i;          /* SV_INT; SV_BOOL (0 or 1) */
  double f;           /* SV_FLT */
  const char *s;      /* SV_STR */
  size_t n;           /* SV_STR length */
} scan_value;

/* Where an operand comes from. */
typedef enum { SO_CONST, SO_COL, SO_REVENUE, SO_ASSETS, SO_SLOT } scan_source;

typedef struct scan_operand {
  scan_source src;
  int index;          /* SO_COL: record column; SO_SLOT: slot index */
  int64_t year;       /* SO_REVENUE / SO_ASSETS: the absolute year */
  scan_value value;   /* SO_CONST (strings owned by the plan) */
} scan_operand;

typedef enum {
  SC_EQ, SC_NE, SC_LT, SC_LE, SC_GT, SC_GE, SC_PRESENT, SC_ABSENT, SC_ONE_OF, SC_PREFIX,
  SC_NOT_PREFIX, SC_SIZE, SC_ANY, SC_ALL, SC_INTEGER
} scan_op;

typedef struct scan_cond {
  scan_op op;
  scan_operand a, b;          /* a: the firm's value; b: compared with (EQ … GE) */
  scan_value *list;           /* ONE_OF / PREFIX / NOT_PREFIX values */
  int nlist;
  unsigned sizes;             /* SC_SIZE: bit k for size class k (0 large … 3 micro) */
  struct scan_cond *subs;     /* SC_ANY, SC_ALL */
  int nsubs;
} scan_cond;

/* One year of the firm's revenue and assets. */
typedef struct scan_year {
  int64_t year;
  scan_value revenue, assets;
} scan_year;

/* Size-class thresholds of one industry group (policytk.benefits.sme): for X (staff), Y (revenue, 万元)
** and Z (assets, 万元); has_* says a bound exists. */
typedef struct scan_bounds {
  int has[3];
  double v[3];
} scan_bounds;

typedef struct scan_group {
  scan_bounds ceiling, medium, small;
} scan_group;

/* What a condition reads of one firm; the slots and the size class are filled on demand
** by the caller's functions. */
typedef struct scan_firm {
  const scan_value *cols;     /* the record columns; cols[i] is valid when bit i of *loaded is set */
  const unsigned *loaded;
  const scan_value *(*load)(struct scan_firm *f, int i);   /* reads column i from the row */
  const scan_year *years;
  int nyears;
  int64_t year;               /* the year matched */
  const scan_value *(*slots)(struct scan_firm *f);   /* the slot values of the firm */
  int (*size)(struct scan_firm *f);                  /* 0 large … 3 micro, -1 none */
  void *ud;
} scan_firm;

/* 1 when the condition holds for the firm, 0 when not (never an error: values of different
** types and unset values fail, as in policytk.benefits.conditions). */
int scan_test(const scan_cond *c, scan_firm *f);

/* The revenue (which = 0) or assets (1) of the firm in a year, or an SV_NIL value. */
const scan_value *scan_year_value(const scan_firm *f, int which, int64_t year);

/* Column i of the firm's record. */
static inline const scan_value *scan_col(scan_firm *f, int i) {
  return (*f->loaded >> i) & 1u ? &f->cols[i] : f->load(f, i);
}

/* The size class under policytk.benefits.sme's rule: 0 large, 1 medium, 2 small, 3 micro, -1 when a
** measure it needs is missing. x: staff; y, z: revenue and assets in 万元 (NULL = missing). */
int scan_classify(const scan_group *g, const double *x, const double *y, const double *z);

/* ------------------------------------------------------------ string-keyed cache (scan_cache.c) */

#ifndef SCAN_CACHE_MAX         /* make asan sets it low, so that the tests empty the caches */
#define SCAN_CACHE_MAX 65536   /* distinct texts kept before a cache starts again empty */
#endif

typedef struct scan_entry {
  char *key;                   /* a copy of the text, NUL-terminated */
  size_t n;
  void *val;
} scan_entry;

typedef struct scan_cache {
  scan_entry *e;
  size_t cap, used;
  int keep_all;                /* never emptied (a set that must stay whole) */
  void (*free_val)(void *val, void *ud);   /* frees an entry's value (NULL: values not owned) */
  void *ud;
} scan_cache;

/* The entry of the n bytes at s, or NULL. */
scan_entry *scan_cache_find(const scan_cache *c, const char *s, size_t n);

/* Add an entry for the n bytes at s (copied) with val; unless keep_all, the cache is first
** emptied when it holds SCAN_CACHE_MAX entries, so earlier entries and their values may be gone.
** Returns the entry, or NULL when out of memory (val is then not owned by the cache). */
scan_entry *scan_cache_put(scan_cache *c, const char *s, size_t n, void *val);

/* Free every entry (and its value through free_val) and the table; the cache is empty after. */
void scan_cache_clear(scan_cache *c);

/* ------------------------------------------------------------ the pass (lua_scan.c and the rest) */

/* The columns of spec.firms_sql, in this order. */
#define NCOLS 13
enum { C_CODE, C_NAME, C_KIND, C_REGION, C_INDUSTRY, C_FOUNDED, C_EMPLOYEES, C_ABOVE, C_HT,
       C_TECH, C_SPEC, C_AWARDS, C_EXTRA };
#define OUT_FLUSH 65536        /* CSV bytes buffered before they are written */

/* What was found of a text for one by_text benefit (scan_memo.c). A text's slot values and
** these, in one allocation: nvals values, then one judgement per benefit (text-judged ones
** only), then one verdict byte per benefit. */
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

/* What a condition reads: MEMO_EXTRA, MEMO_AWARDS (the slots of that JSON column), FIRM (any
** other part of the firm), or none (constants only). */
enum { MEMO_EXTRA = 1, MEMO_AWARDS = 2, READS_FIRM = 4 };

/* Everything one scan.run owns: a to-be-closed userdata (lua_scan.c frees it). */
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
  int64_t year;                /* spec.year: the year matched */
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

/* Column i of the statement's row. The value is read through sqlite3_column_value, one call
** into the statement instead of three: the pass's connection is opened NOMUTEX (multi-thread
** mode), where SQLite makes no distinction between protected and unprotected values. Strings
** stay the statement's: valid until it steps. */
static inline scan_value scan_column_value(sqlite3_stmt *st, int i) {
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
static inline const scan_value *scan_firm_col(pass *p, int i) {
  if (p->loaded & (1u << i)) return &p->cols[i];
  scan_value v = scan_column_value(p->firms, i);
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

/* lua_scan.c: calloc and a copy of n bytes (NUL added) that raise "scan: out of memory". */
void *scan_xcalloc(lua_State *L, size_t n, size_t size);
char *scan_xstrdup(lua_State *L, const char *s, size_t n);

/* scan_plan.c: read the spec at stack index `spec` into p (p->db open): spec.year, the plan
** (slot counts, groups, benefits and their compiled conditions), spec.regions_sql and the
** prepared statements. Raises "scan: …" naming the field at fault. */
void scan_read_spec(pass *p, lua_State *L, int spec);

/* scan_plan.c: the Lua value at the top of the stack (popped) as a constant the caller owns
** (a string copied); raises unless nil, a boolean, a number or a string. */
scan_value scan_const_value(lua_State *L, const char *what);

/* scan_plan.c: MEMO_EXTRA, MEMO_AWARDS or READS_FIRM (or'ed) for what condition c reads. */
unsigned scan_cond_reads(const pass *p, const scan_cond *c);

/* scan_plan.c: free what scan_read_spec allocated for the plan (benefits, groups, slots). */
void scan_plan_free(pass *p);

/* scan_plan.c: free n values and the strings among them (v may be NULL). */
void scan_free_vals(scan_value *v, int n);

/* scan_memo.c: set up the memo caches (after the slot counts are read). */
void scan_memo_init(pass *p);

/* scan_memo.c: free every cached text and block (industries, extras, awards, the NULL blocks). */
void scan_memo_free(pass *p);

/* scan_memo.c: the scan_firm the conditions test: the current firm of p, in spec.year. */
scan_firm scan_memo_firm(pass *p);

/* scan_memo.c: a new row of the firms statement: nothing of it is read yet. */
void scan_begin_firm(pass *p);

/* scan_memo.c: the verdicts of the current firm's extra (source 0) or awards (1) column, one per
** benefit: its conditions that read only that column hold. May call spec.slot_values. */
const unsigned char *scan_firm_verdicts(pass *p, int source);

/* scan_memo.c: how by_text benefit i judges the current firm's text (spec.judge_text asked once
** per distinct text): state J_NONE, J_LUA or J_PAY with amount and tail. */
const judgement *scan_text_judgement(pass *p, int i);

/* scan_csv.c: append n bytes to the output buffer. */
void scan_out_put(pass *p, const char *s, size_t n);

/* scan_csv.c: append v as an RFC 4180 field (nothing for a value that is not a string). */
void scan_out_field(pass *p, const scan_value *v);

/* scan_csv.c: write the buffer to out (nothing when out is NULL: rows go to spec.on_row). */
void scan_out_flush(pass *p, FILE *out);

/* scan_pass.c: step st; 1 for a row, 0 when done; raises "scan: reading WHAT: …" on error. */
int scan_step(pass *p, sqlite3_stmt *st, const char *what);

/* scan_pass.c: the pass over the firms (statements prepared): rows to out, or to spec.on_row
** when out is NULL; spec.progress(n) every 65,536 firms when has_progress. Returns how many
** firms of the city were read. */
int64_t scan_pass_firms(pass *p, FILE *out, int has_progress);

#endif
