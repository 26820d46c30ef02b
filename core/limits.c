/*
** limits.c — instruction, memory and wall-clock budgets for one Lua call (the plugin sandbox).
**
** A count hook charges the instructions a call runs and reads the monotonic clock; the
** counting allocator refuses bytes past the call's memory budget; C functions that do
** unbounded work inside one call (the pattern matcher of strmatch.c) charge it through
** ptk_budget_charge, which reads the clock too. Once any budget is spent the hook fires on
** every instruction and raises again, so a pcall inside the plugin cannot swallow the stop.
** Work inside other C functions (SQLite, curl) is not seen by the hook and is bounded by
** those libraries' own limits; the clock is read again as soon as control is back in Lua.
*/
#include <stdio.h>
#include <time.h>

#include <lauxlib.h>

#include "policytk.h"

#define HOOK_STEP 1000

typedef struct budget {
  long long left;       /* instructions still allowed */
  long long start_left; /* the instruction budget in force at the call */
  int step;             /* instructions between two hook calls */
  int stop;             /* 0, or which limit stopped the call: 'i', 'm' or 't' */
  double deadline;      /* monotonic seconds at which the call stops; 0 = none */
  double seconds;       /* the wall-clock budget in force at the call (for the message) */
  ptk_alloc *alloc;
} budget;

static budget **budget_slot(lua_State *L) {
  return (budget **)lua_getextraspace(L);
}

/* Seconds on the monotonic clock. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Record which budget is spent, if any (the first one found stays). */
static void check_budget(budget *b) {
  if (b->stop) return;
  if (b->left <= 0) b->stop = 'i';
  else if (b->alloc != NULL && b->alloc->tripped) b->stop = 'm';
  else if (b->deadline > 0 && now() >= b->deadline) b->stop = 't';
}

static const char *stop_word(int stop) {
  return stop == 'i' ? "instruction" : stop == 'm' ? "memory" : "time";
}

static void count_hook(lua_State *L, lua_Debug *ar);

/* Make the hook fire on every instruction from now on, then raise the stop. */
static void raise_stop(lua_State *L, budget *b) {
  if (b->step != 1) {
    b->step = 1;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
  }
  luaL_error(L, "%s limit exceeded", stop_word(b->stop));
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  budget *b = *budget_slot(L);
  if (b == NULL) return;
  b->left -= b->step;
  check_budget(b);
  if (b->stop) raise_stop(L, b);
}

void ptk_budget_charge(lua_State *L, long long steps) {
  budget *b = *budget_slot(L);
  if (b == NULL) return;
  b->left -= steps;
  check_budget(b);
  if (b->stop) raise_stop(L, b);
}

int ptk_budget_active(lua_State *L) {
  return *budget_slot(L) != NULL;
}

int ptk_limited_pcall(lua_State *L, int nargs, const ptk_limits *lim, const char *label, int *stopped) {
  return ptk_limited_pcall_timed(L, nargs, lim, 0, label, stopped);
}

int ptk_limited_pcall_timed(lua_State *L, int nargs, const ptk_limits *lim, double seconds,
                            const char *label, int *stopped) {
  budget b = { 0, 0, HOOK_STEP, 0, 0, 0, ptk_alloc_of(L) };
  budget *outer = *budget_slot(L);
  lua_Hook old_hook = lua_gethook(L);
  int old_mask = lua_gethookmask(L), old_count = lua_gethookcount(L);
  size_t old_limit = 0;
  int old_tripped = 0;

  b.left = lim->instructions > 0 ? lim->instructions : (long long)1 << 62;
  if (outer != NULL && outer->left < b.left) b.left = outer->left;
  if (b.left < HOOK_STEP) b.step = (int)b.left;
  if (b.step < 1) b.step = 1;
  b.start_left = b.left;
  double t0 = now();
  if (seconds > 0) {
    b.deadline = t0 + seconds;
    b.seconds = seconds;
  }
  if (outer != NULL && outer->deadline > 0 && (b.deadline == 0 || outer->deadline < b.deadline)) {
    b.deadline = outer->deadline;
    b.seconds = outer->seconds;
  }
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
  if (outer != NULL) {
    /* the enclosing call pays for this one; when that spends its budget (or its deadline has
    ** passed) it stops at its next instruction, not a thousand later */
    outer->left -= b.start_left - b.left;
    check_budget(outer);
    if (outer->stop) {
      outer->step = 1;
      lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    }
  }
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
      lua_pushfstring(L, "%s: instruction limit of %I exceeded", label, (lua_Integer)b.start_left);
    else if (b.stop == 'm')
      lua_pushfstring(L, "%s: memory limit of %I bytes exceeded", label, (lua_Integer)mem_budget);
    else {
      char secs[32];
      snprintf(secs, sizeof secs, "%g", b.seconds);
      lua_pushfstring(L, "%s: time limit of %s seconds exceeded", label, secs);
    }
  }
  return status;
}
