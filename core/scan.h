/*
** scan.h — the value model and compiled conditions of policytk.scan (core/lua_scan.c), the
** bulk pass of `policytk match`: a benefit's `when` conditions (scripts/policytk/benefits/conditions.lua)
** planned by scripts/policytk/benefits/match_plan.lua and tested here for each firm of the register,
** with Lua semantics, without making a Lua value.
*/
#ifndef POLICYTK_SCAN_H
#define POLICYTK_SCAN_H

#include <stddef.h>
#include <stdint.h>

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

#endif
