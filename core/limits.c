/*
** limits.c — CPU and memory budgets for one Lua call (the plugin sandbox).
**
** A count hook charges the instructions a call runs; the counting allocator refuses bytes
** past the call's memory budget. Once either budget is spent the hook fires on every
** instruction and raises again, so a pcall inside the plugin cannot swallow the stop.
** Work inside C functions (SQLite, curl) is not seen by the hook and is bounded by those
** libraries' own limits.
*/
#include <stdio.h>

#include <lauxlib.h>

#include "policytk.h"

#define HOOK_STEP 1000

typedef struct budget {
  long long left;       /* instructions still allowed */
  int step;             /* instructions between two hook calls */
  int stop;             /* 0, or which limit stopped the call: 'i' or 'm' */
  ptk_alloc *alloc;
} budget;

static budget **budget_slot(lua_State *L) {
  return (budget **)lua_getextraspace(L);
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  budget *b = *budget_slot(L);
  if (b == NULL) return;
  b->left -= b->step;
  if (b->left <= 0 && !b->stop) b->stop = 'i';
  if (b->alloc != NULL && b->alloc->tripped && !b->stop) b->stop = 'm';
  if (b->stop) {
    if (b->step != 1) {
      b->step = 1;
      lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    }
    luaL_error(L, "%s limit exceeded", b->stop == 'i' ? "instruction" : "memory");
  }
}

int ptk_limited_pcall(lua_State *L, int nargs, const ptk_limits *lim, const char *label, int *stopped) {
  budget b = { 0, HOOK_STEP, 0, ptk_alloc_of(L) };
  budget *outer = *budget_slot(L);
  lua_Hook old_hook = lua_gethook(L);
  int old_mask = lua_gethookmask(L), old_count = lua_gethookcount(L);
  size_t old_limit = 0;
  int old_tripped = 0;

  b.left = lim->instructions > 0 ? lim->instructions : (long long)1 << 62;
  if (outer != NULL && outer->left < b.left) b.left = outer->left;
  if (b.left < HOOK_STEP) b.step = (int)b.left;
  if (b.step < 1) b.step = 1;
  long long start_left = b.left;
  int base = lua_gettop(L) - nargs - 1;    /* where results or the error will stand */

  size_t mem_budget = lim->memory;          /* the bytes the call may add, as in force */
  if (b.alloc != NULL) {
    old_limit = b.alloc->limit;
    old_tripped = b.alloc->tripped;
    b.alloc->tripped = 0;
    if (lim->memory > 0) {
      size_t want = b.alloc->used + lim->memory;
      if (want < b.alloc->used) want = (size_t)-1;               /* saturate */
      if (old_limit == 0 || want < old_limit) b.alloc->limit = want;
    }
    if (b.alloc->limit != 0) mem_budget = b.alloc->limit - b.alloc->used;
  }
  *budget_slot(L) = &b;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, b.step);

  int status = lua_pcall(L, nargs, LUA_MULTRET, 0);

  lua_sethook(L, old_hook, old_mask, old_count);
  *budget_slot(L) = outer;
  if (outer != NULL) outer->left -= start_left - b.left;
  if (b.alloc != NULL) {
    if (b.alloc->tripped && !b.stop) b.stop = 'm';
    b.alloc->limit = old_limit;
    b.alloc->tripped = old_tripped;
  }
  if (stopped != NULL) *stopped = b.stop;
  if (b.stop) {
    lua_settop(L, base);                   /* drop results or the plugin's own error */
    status = LUA_ERRRUN;
    if (b.stop == 'i')
      lua_pushfstring(L, "%s: instruction limit of %I exceeded", label, (lua_Integer)start_left);
    else
      lua_pushfstring(L, "%s: memory limit of %I bytes exceeded", label, (lua_Integer)mem_budget);
  }
  return status;
}
