/*
** lua_crypto.c — the policytk.crypto loadable module (build/lib/policytk/crypto.so) over
** libsodium, a well-kept library that will also serve password hashing:
**   crypto.sha256(s)          -> the SHA-256 of string s, 64 lowercase hex characters
**   crypto.sha256_file(path)  -> the SHA-256 of the file's bytes, read in 64 KiB blocks
** sodium_init runs once, when the module is opened.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <sodium.h>

#include "policytk.h"

#define FILE_BLOCK 65536

/* Push the hex of a SHA-256 digest. */
static void push_hex(lua_State *L, const unsigned char digest[crypto_hash_sha256_BYTES]) {
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, crypto_hash_sha256_BYTES);
  lua_pushlstring(L, hex, crypto_hash_sha256_BYTES * 2);
}

/* crypto.sha256(s) → 64 hex characters. */
static int l_sha256(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, (const unsigned char *)s, (unsigned long long)n);
  push_hex(L, digest);
  return 1;
}

/* The open file of a sha256_file call, closed by __close/__gc even when an error unwinds. */
typedef struct hash_file {
  FILE *f;
} hash_file;

#define HASH_FILE_MT "policytk.crypto.file"

static int hash_file_close(lua_State *L) {
  hash_file *h = luaL_checkudata(L, 1, HASH_FILE_MT);
  if (h->f != NULL) fclose(h->f);
  h->f = NULL;
  return 0;
}

/* crypto.sha256_file(path) → 64 hex characters; raises "PATH: cannot open (reason)" or
** "PATH: cannot read (reason)". Streams the file in 64 KiB blocks. */
static int l_sha256_file(lua_State *L) {
  size_t plen;
  const char *path = luaL_checklstring(L, 1, &plen);
  if (strlen(path) != plen) return luaL_argerror(L, 1, "path holds a zero byte");
  hash_file *h = lua_newuserdatauv(L, sizeof *h, 0);
  h->f = NULL;
  luaL_setmetatable(L, HASH_FILE_MT);
  int hidx = lua_gettop(L);
  unsigned char *buf = lua_newuserdatauv(L, FILE_BLOCK, 0);
  errno = 0;
  h->f = fopen(path, "rb");
  if (h->f == NULL) return luaL_error(L, "%s: cannot open (%s)", path, strerror(errno));
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  size_t got;
  while ((got = fread(buf, 1, FILE_BLOCK, h->f)) > 0)
    crypto_hash_sha256_update(&st, buf, (unsigned long long)got);
  if (ferror(h->f)) {
    int en = errno;
    lua_pushcfunction(L, hash_file_close);
    lua_pushvalue(L, hidx);
    lua_call(L, 1, 0);
    return luaL_error(L, "%s: cannot read (%s)", path, strerror(en != 0 ? en : EIO));
  }
  fclose(h->f);
  h->f = NULL;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, digest);
  push_hex(L, digest);
  return 1;
}

static const luaL_Reg crypto_funcs[] = {
  { "sha256", l_sha256 }, { "sha256_file", l_sha256_file }, { NULL, NULL },
};

static const luaL_Reg file_meta[] = {
  { "__gc", hash_file_close }, { "__close", hash_file_close }, { NULL, NULL },
};

static const luaL_Reg no_funcs[] = { { NULL, NULL } };

/* Open the module: sodium_init (once; a failure is an error), the module table with
** `sodium_version`, libsodium's version. */
int luaopen_policytk_crypto(lua_State *L) {
  if (sodium_init() < 0) return luaL_error(L, "policytk.crypto: libsodium cannot be initialised");
  ptk_new_class(L, HASH_FILE_MT, file_meta, no_funcs);
  luaL_newlib(L, crypto_funcs);
  lua_pushstring(L, sodium_version_string());
  lua_setfield(L, -2, "sodium_version");
  return 1;
}
