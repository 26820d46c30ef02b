/* fuzz_common.h: shared body of the libFuzzer harnesses in fuzz/. Each harness defines
** FUZZ_CODE, a Lua chunk that receives the fuzz input as its argument (...), and includes
** this file. A Lua error is fine (a named error), except one whose message starts with
** "invariant:" — a property the harness checks — or one raised by the harness's own chunk
** (its position, [string "…"]:N:, comes first: a broken check, e.g. a call of a function that
** no longer exists, which would otherwise make every check of the harness silently dead);
** each aborts, as a crash, a sanitizer report or a leak does: each is a finding. One lua_State is made once (ptk_newstate + ptk_host_init
** + the C modules the harness opens); fuzz/replay.c runs the same entry point without libFuzzer.
** libFuzzer sees the C code's coverage; a line hook adds the Lua code's (which line follows
** which, in __libfuzzer_extra_counters: the "ft" of its stats), chained to the budget's hook.
**
** A harness may define, before including this file:
**   FUZZ_OPEN(L)              open the C modules its chunk requires (default: policytk.text)
**   FUZZ_PUSH(L, data, size)  push the chunk's argument, 1; or 0 to skip the input (default:
**                             the bytes as a string)
**   FUZZ_DONE()               run after each input (default: nothing)
**   FUZZ_INSTRUCTIONS, FUZZ_MEMORY   the call's budgets (default 50 M instructions, 64 MiB)
**   FUZZ_BUDGET_IS_FINDING    a spent budget aborts too: the code under test must end well
**                             inside it on any input of at most -max_len bytes (a hang) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include "policytk.h"

#ifndef FUZZ_OPEN
#define FUZZ_OPEN(L) (luaL_requiref((L), "policytk.text", luaopen_policytk_text, 0), lua_pop((L), 1))
#endif
#ifndef FUZZ_PUSH
#define FUZZ_PUSH(L, data, size) (lua_pushlstring((L), (const char *)(data), (size)), 1)
#endif
#ifndef FUZZ_DONE
#define FUZZ_DONE() ((void)0)
#endif
#ifndef FUZZ_INSTRUCTIONS
#define FUZZ_INSTRUCTIONS 50000000LL
#endif
#ifndef FUZZ_MEMORY
#define FUZZ_MEMORY ((size_t)64 * 1024 * 1024)
#endif
#ifdef FUZZ_BUDGET_IS_FINDING
#define FUZZ_BUDGET_FINDING 1
#else
#define FUZZ_BUDGET_FINDING 0
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lua_State *fuzz_L;
static int fuzz_ref = LUA_NOREF;

/* Lua line-to-line edges, hashed; libFuzzer reads this section as extra coverage counters */
__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t fuzz_lua_edges[1 << 16];
static lua_Hook fuzz_budget_hook;
static uintptr_t fuzz_prev_line;

static void fuzz_hook(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCOUNT) {
    if (fuzz_budget_hook) fuzz_budget_hook(L, ar);   /* limits.c's: may raise the stop */
    return;
  }
  if (ar->event != LUA_HOOKLINE || !lua_getinfo(L, "S", ar)) return;
  uintptr_t here = ((uintptr_t)ar->source * 31u) ^ ((uintptr_t)ar->currentline * 2654435761u);
  uint8_t *c = &fuzz_lua_edges[(here ^ (fuzz_prev_line >> 1)) & 0xffff];
  if (*c != 255) (*c)++;
  fuzz_prev_line = here;
}

/* Called inside the limited call: the budget's count hook is set; add the line hook to it
** (a nested limited call, or a spent budget, sets its own and the edges pause), then run the
** chunk at 1 on the argument at 2. */
static int fuzz_run(lua_State *L) {
  fuzz_budget_hook = lua_gethook(L);
  fuzz_prev_line = 0;
  lua_sethook(L, fuzz_hook, LUA_MASKLINE | (fuzz_budget_hook ? LUA_MASKCOUNT : 0), lua_gethookcount(L));
  lua_call(L, lua_gettop(L) - 1, 0);
  return 0;
}

static void fuzz_init(void) {
  const char *home = getenv("POLICYTK_HOME");
  fuzz_L = ptk_newstate();
  if (!fuzz_L || ptk_host_init(fuzz_L, home ? home : ".") != 0) {
    fprintf(stderr, "fuzz: cannot set up the Lua state: %s\n", fuzz_L ? lua_tostring(fuzz_L, -1) : "no memory");
    abort();
  }
  FUZZ_OPEN(fuzz_L);
  if (luaL_loadstring(fuzz_L, FUZZ_CODE) != LUA_OK) {
    fprintf(stderr, "fuzz: %s\n", lua_tostring(fuzz_L, -1));
    abort();
  }
  fuzz_ref = luaL_ref(fuzz_L, LUA_REGISTRYINDEX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fuzz_L) fuzz_init();
  lua_pushcfunction(fuzz_L, fuzz_run);
  lua_rawgeti(fuzz_L, LUA_REGISTRYINDEX, fuzz_ref);
  if (!(FUZZ_PUSH(fuzz_L, data, size))) {
    lua_settop(fuzz_L, 0);
    FUZZ_DONE();
    return 0;
  }
  ptk_limits lim = { FUZZ_INSTRUCTIONS, FUZZ_MEMORY };
  int stopped = 0;
  int rc = ptk_limited_pcall(fuzz_L, 2, &lim, "fuzz", &stopped);
  if (rc != LUA_OK) {
    const char *msg = lua_tostring(fuzz_L, -1);
    /* a prefix, not a search: the parsers' own errors may quote input that reads "invariant:" */
    if ((msg && (strncmp(msg, "invariant:", 10) == 0 || strncmp(msg, "[string \"", 9) == 0)) ||
        (FUZZ_BUDGET_FINDING && stopped)) {
      fprintf(stderr, "fuzz: %s\n", msg ? msg : "(an error that is not a string)");
      abort();
    }
  }
  lua_settop(fuzz_L, 0);
  lua_gc(fuzz_L, LUA_GCCOLLECT, 0);
  FUZZ_DONE();
  return 0;
}
