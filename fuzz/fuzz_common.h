/* fuzz_common.h: shared body of the libFuzzer harnesses in fuzz/. Each harness defines
** FUZZ_CODE, a Lua chunk that receives the fuzz input as its argument (...), and includes
** this file. A Lua error is fine (a named error), except one whose message starts with
** "invariant:" — a property the harness checks — which aborts, as a crash, a sanitizer report
** or a leak does: each is a finding. One lua_State is made once (ptk_newstate + ptk_host_init + policytk.text). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include "policytk.h"

static lua_State *fuzz_L;
static int fuzz_ref = LUA_NOREF;

static void fuzz_init(void) {
  const char *home = getenv("POLICYTK_HOME");
  fuzz_L = ptk_newstate();
  if (!fuzz_L || ptk_host_init(fuzz_L, home ? home : ".") != 0) {
    fprintf(stderr, "fuzz: cannot set up the Lua state: %s\n", fuzz_L ? lua_tostring(fuzz_L, -1) : "no memory");
    abort();
  }
  luaL_requiref(fuzz_L, "policytk.text", luaopen_policytk_text, 0);
  lua_pop(fuzz_L, 1);
  if (luaL_loadstring(fuzz_L, FUZZ_CODE) != LUA_OK) {
    fprintf(stderr, "fuzz: %s\n", lua_tostring(fuzz_L, -1));
    abort();
  }
  fuzz_ref = luaL_ref(fuzz_L, LUA_REGISTRYINDEX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fuzz_L) fuzz_init();
  ptk_limits lim = { 50000000LL, (size_t)64 * 1024 * 1024 };
  lua_rawgeti(fuzz_L, LUA_REGISTRYINDEX, fuzz_ref);
  lua_pushlstring(fuzz_L, (const char *)data, size);
  int rc = ptk_limited_pcall(fuzz_L, 1, &lim, "fuzz", NULL);
  if (rc != LUA_OK) {
    const char *msg = lua_tostring(fuzz_L, -1);
    if (msg && strstr(msg, "invariant:") != NULL) {
      fprintf(stderr, "fuzz: %s\n", msg);
      abort();
    }
  }
  lua_settop(fuzz_L, 0);
  lua_gc(fuzz_L, LUA_GCCOLLECT, 0);
  return 0;
}
