/*
** alloc.c — the counting allocator behind every policytk lua_State.
**
** Every byte Lua holds is counted in a ptk_alloc. A limit (set around plugin calls by
** limits.c) makes allocations past it fail; the failure is remembered in `tripped` so
** that the instruction hook can stop code that catches the memory error.
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "policytk.h"

void *ptk_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize) {
  ptk_alloc *a = ud;
  if (ptr == NULL) osize = 0;          /* osize is a type tag when ptr is NULL */
  if (nsize == 0) {
    free(ptr);
    a->used -= osize;
    return NULL;
  }
  if (nsize > osize && a->limit != 0) {
    size_t grow = nsize - osize;
    if (a->used > a->limit || grow > a->limit - a->used) {
      a->tripped = 1;
      return NULL;
    }
  }
  void *p = realloc(ptr, nsize);
  if (p == NULL) return NULL;
  a->used = a->used - osize + nsize;
  if (a->used > a->peak) a->peak = a->used;
  return p;
}

ptk_alloc *ptk_alloc_of(lua_State *L) {
  void *ud = NULL;
  lua_Alloc f = lua_getallocf(L, &ud);
  return f == ptk_alloc_fn ? ud : NULL;
}

static int panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  lua_writestringerror("policytk: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
  return 0;  /* lua_atpanic: abort follows */
}

/* The ptk_alloc must outlive lua_close's last free, so it is malloc'd beside the state
** and released by ptk_closestate after lua_close. */
lua_State *ptk_newstate(void) {
  ptk_alloc *a = calloc(1, sizeof *a);
  if (a == NULL) return NULL;
  lua_State *L = lua_newstate(ptk_alloc_fn, a);
  if (L == NULL) {
    free(a);
    return NULL;
  }
  lua_atpanic(L, panic);
  memset(lua_getextraspace(L), 0, LUA_EXTRASPACE);   /* limits.c keeps its budget here */
  return L;
}

void ptk_closestate(lua_State *L) {
  ptk_alloc *a = ptk_alloc_of(L);
  lua_close(L);
  free(a);
}
