/*
** scan_cache.c — the string-keyed cache of policytk.scan (core/lua_scan.c): a value per distinct
** text (a JSON column's slot values, an industry's group, a region code), in an open-addressing
** table that starts again empty past SCAN_CACHE_MAX texts so that memory stays bounded.
*/
#include <stdlib.h>
#include <string.h>

#include "policytk.h"
#include "scan.h"

static size_t slot_of(const scan_cache *c, const char *s, size_t n) {
  return (size_t)ptk_fnv1a64(PTK_FNV1A64_INIT, s, n) & (c->cap - 1);
}

void scan_cache_clear(scan_cache *c) {
  for (size_t i = 0; i < c->cap; i++) {
    if (c->e[i].key) {
      free(c->e[i].key);
      if (c->free_val) c->free_val(c->e[i].val, c->ud);
    }
  }
  free(c->e);
  c->e = NULL;
  c->cap = c->used = 0;
}

scan_entry *scan_cache_find(const scan_cache *c, const char *s, size_t n) {
  if (c->cap == 0) return NULL;
  size_t i = slot_of(c, s, n);
  while (c->e[i].key) {
    if (c->e[i].n == n && memcmp(c->e[i].key, s, n) == 0) return &c->e[i];
    i = (i + 1) & (c->cap - 1);
  }
  return NULL;
}

scan_entry *scan_cache_put(scan_cache *c, const char *s, size_t n, void *val) {
  if (c->used >= SCAN_CACHE_MAX && !c->keep_all) scan_cache_clear(c);
  if ((c->used + 1) * 2 > c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 64;
    scan_entry *e = calloc(cap, sizeof *e);
    if (!e) return NULL;
    for (size_t i = 0; i < c->cap; i++) {
      if (!c->e[i].key) continue;
      size_t j = (size_t)ptk_fnv1a64(PTK_FNV1A64_INIT, c->e[i].key, c->e[i].n) & (cap - 1);
      while (e[j].key) j = (j + 1) & (cap - 1);
      e[j] = c->e[i];
    }
    free(c->e);
    c->e = e;
    c->cap = cap;
  }
  char *k = malloc(n + 1);
  if (!k) return NULL;
  memcpy(k, s, n);
  k[n] = '\0';
  size_t i = slot_of(c, s, n);
  while (c->e[i].key) i = (i + 1) & (c->cap - 1);
  c->e[i].key = k;
  c->e[i].n = n;
  c->e[i].val = val;
  c->used++;
  return &c->e[i];
}
