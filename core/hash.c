/*
** hash.c — the FNV-1a 64 hash the host and its modules share: of bytes in memory
** (policytk.core.fnv1a64, the scan caches) and of a whole file (the OpenCC data files
** text_phrases.c was made from).
*/
#include <stdint.h>
#include <stdio.h>

#include "policytk.h"

uint64_t ptk_fnv1a64(uint64_t h, const void *buf, size_t n) {
  const unsigned char *p = buf;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

int ptk_file_fnv(const char *path, size_t *size, uint64_t *fnv) {
  FILE *fp = fopen(path, "rb");
  if (fp == NULL) return 0;
  uint64_t h = PTK_FNV1A64_INIT;
  size_t total = 0, got;
  unsigned char buf[4096];
  while ((got = fread(buf, 1, sizeof buf, fp)) > 0) {
    h = ptk_fnv1a64(h, buf, got);
    total += got;
  }
  int ok = !ferror(fp);
  fclose(fp);
  *size = total;
  *fnv = h;
  return ok;
}
