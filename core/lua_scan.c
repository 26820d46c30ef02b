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
**
** This file is the Lua binding alone: scan.run, the pass userdata and its lifetime. The work is
** in the scan_*.c files (scan.h says which does what); scan_plan.c lists every spec field.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>
#include <sqlite3.h>

#include "policytk.h"
#include "scan.h"

/* (scan.h) */
void *scan_xcalloc(lua_State *L, size_t n, size_t size) {
  void *v = calloc(n ? n : 1, size);
  if (!v) luaL_error(L, "scan: out of memory");
  return v;
}

char *scan_xstrdup(lua_State *L, const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) luaL_error(L, "scan: out of memory");
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* __gc and __close of the pass: everything it owns, freed once (the fields are left empty). */
static int pass_gc(lua_State *L) {
  pass *p = luaL_checkudata(L, 1, "policytk.scan.pass");
  /* the slot blocks first: freeing them needs p->nb */
  scan_memo_free(p);
  scan_cache_clear(&p->city_regions);
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
  scan_plan_free(p);
  free(p->years_buf);
  p->years_buf = NULL;
  free(p->out);
  p->out = NULL;
  for (int i = 0; i < p->nregions; i++) free(p->regions[i].code);
  free(p->regions);
  p->regions = NULL;
  p->nregions = 0;
  free(p->cand);
  p->cand = NULL;
  return 0;
}

/* run(spec) -> { firms =, by_benefit =, by_region = } (the header above; scan_plan.c lists the spec) */
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
  if (lua_getfield(L, 1, "db") != LUA_TSTRING) luaL_error(L, "scan: spec.db must be a string");
  const char *path = lua_tostring(L, -1);
  if (sqlite3_open_v2(path, &p->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    luaL_error(L, "scan: cannot open %s: %s", path, p->db ? sqlite3_errmsg(p->db) : "out of memory");
  }
  lua_pop(L, 1);
  /* no memory map: reading pages into SQLite's small cache measured faster over the whole file
  ** (a map costs a fault and TLB misses on every page touched) and keeps the memory at a few MB */
  sqlite3_exec(p->db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
  scan_read_spec(p, L, 1);
  lua_getfield(L, 1, "progress");
  int has_progress = !lua_isnil(L, -1);
  lua_pop(L, 1);
  int64_t nfirms = scan_pass_firms(p, out, has_progress);

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

/* The module table { run = }; registers the metatable of the pass. */
int luaopen_policytk_scan(lua_State *L) {
  luaL_newmetatable(L, "policytk.scan.pass");
  luaL_setfuncs(L, pass_meta, 0);
  lua_pop(L, 1);
  luaL_newlib(L, scan_funcs);
  return 1;
}