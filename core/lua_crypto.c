/*
** lua_crypto.c — the policytk.crypto loadable module (build/lib/policytk/crypto.so) over
** libsodium:
**   crypto.sha256(s)          -> the SHA-256 of string s, 64 lowercase hex characters
**   crypto.sha256_file(path)  -> the SHA-256 of the file's bytes, read in 64 KiB blocks
**   crypto.pwhash(password [, limits])       -> "$argon2id$v=19$m=…,t=…,p=1$salt$hash" (Argon2id,
**                                               crypto_pwhash_str_alg; a fresh random salt each call)
**   crypto.pwhash_verify(hash, password)      -> true | false (false also for a hash that is not one)
**   crypto.pwhash_needs_rehash(hash [, limits]) -> true when the hash was made with other limits
**   crypto.random_token(nbytes)              -> nbytes (1..1024) random bytes, base64url without padding
**   crypto.equal(a, b)                       -> true when a and b hold the same bytes (constant time
**                                               over equal lengths; different lengths → false)
** limits: { ops = N, mem = BYTES } — the Argon2id cost; default INTERACTIVE (ops 2, mem 64 MiB),
** the figures libsodium recommends for a login. Tests pass small ones (ops 1, mem 8192, the
** minimum) to run fast; the hash string records its own limits, so verify needs none.
** Passwords are read in place from the Lua string (never copied), so there is no copy to wipe;
** the hash output buffer is wiped after it is pushed. sodium_init runs once, when the module is
** opened.
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

/* The Argon2id cost of a pwhash call: the optional table at arg { ops =, mem = }, each checked
** against libsodium's bounds; INTERACTIVE when absent. */
static void pwhash_limits(lua_State *L, int arg, unsigned long long *ops, size_t *mem) {
  *ops = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
  *mem = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
  if (lua_isnoneornil(L, arg)) return;
  luaL_checktype(L, arg, LUA_TTABLE);
  if (lua_getfield(L, arg, "ops") != LUA_TNIL) {
    int isnum;
    lua_Integer v = lua_tointegerx(L, -1, &isnum);
    /* an upper bound of 100 passes: a typo must not make a login take minutes */
    if (!isnum || v < (lua_Integer)crypto_pwhash_argon2id_OPSLIMIT_MIN || v > 100)
      luaL_error(L, "crypto.pwhash: limits.ops must be an integer from %d to 100",
                 (int)crypto_pwhash_argon2id_OPSLIMIT_MIN);
    *ops = (unsigned long long)v;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, arg, "mem") != LUA_TNIL) {
    int isnum;
    lua_Integer v = lua_tointegerx(L, -1, &isnum);
    /* an upper bound of 1 GiB: a typo must not make a login take the machine's memory */
    if (!isnum || v < (lua_Integer)crypto_pwhash_argon2id_MEMLIMIT_MIN || v > ((lua_Integer)1 << 30))
      luaL_error(L, "crypto.pwhash: limits.mem must be an integer number of bytes from %d to %d",
                 (int)crypto_pwhash_argon2id_MEMLIMIT_MIN, 1 << 30);
    *mem = (size_t)v;
  }
  lua_pop(L, 1);
}

/* crypto.pwhash(password [, limits]) → the Argon2id hash string. Raises when libsodium cannot
** (out of memory for the limit). */
static int l_pwhash(lua_State *L) {
  size_t n;
  const char *pw = luaL_checklstring(L, 1, &n);
  unsigned long long ops;
  size_t mem;
  pwhash_limits(L, 2, &ops, &mem);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, pw, (unsigned long long)n, ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return luaL_error(L, "crypto.pwhash: cannot hash (out of memory for a limit of %d KiB?)", (int)(mem / 1024));
  lua_pushstring(L, out);
  sodium_memzero(out, sizeof out);
  return 1;
}

/* The hash argument of verify/needs_rehash: a string shorter than crypto_pwhash_STRBYTES and
** with no zero byte (libsodium reads it as a C string); NULL when it cannot be a hash. */
static const char *hash_arg(lua_State *L, int arg) {
  size_t n;
  const char *h = luaL_checklstring(L, arg, &n);
  if (n == 0 || n >= crypto_pwhash_STRBYTES || strlen(h) != n) return NULL;
  return h;
}

/* crypto.pwhash_verify(hash, password) → bool. */
static int l_pwhash_verify(lua_State *L) {
  const char *h = hash_arg(L, 1);
  size_t n;
  const char *pw = luaL_checklstring(L, 2, &n);
  lua_pushboolean(L, h != NULL && strncmp(h, "$argon2id$", 10) == 0
                     && crypto_pwhash_str_verify(h, pw, (unsigned long long)n) == 0);
  return 1;
}

/* crypto.pwhash_needs_rehash(hash [, limits]) → bool: true when the hash is not Argon2id with
** these limits (a hash that is not one at all also needs it). */
static int l_pwhash_needs_rehash(lua_State *L) {
  const char *h = hash_arg(L, 1);
  unsigned long long ops;
  size_t mem;
  pwhash_limits(L, 2, &ops, &mem);
  lua_pushboolean(L, h == NULL || strncmp(h, "$argon2id$", 10) != 0
                     || crypto_pwhash_str_needs_rehash(h, ops, mem) != 0);
  return 1;
}

#define TOKEN_MAX 1024

/* crypto.random_token(nbytes) → base64url (no padding) of nbytes random bytes. */
static int l_random_token(lua_State *L) {
  lua_Integer nbytes = luaL_checkinteger(L, 1);
  luaL_argcheck(L, nbytes >= 1 && nbytes <= TOKEN_MAX, 1, "nbytes must be from 1 to 1024");
  unsigned char bin[TOKEN_MAX];
  char text[sodium_base64_ENCODED_LEN(TOKEN_MAX, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  randombytes_buf(bin, (size_t)nbytes);
  sodium_bin2base64(text, sizeof text, bin, (size_t)nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  lua_pushstring(L, text);
  sodium_memzero(bin, sizeof bin);
  sodium_memzero(text, sizeof text);
  return 1;
}

/* crypto.equal(a, b) → bool, in time independent of where the bytes differ. */
static int l_equal(lua_State *L) {
  size_t na, nb;
  const char *a = luaL_checklstring(L, 1, &na);
  const char *b = luaL_checklstring(L, 2, &nb);
  lua_pushboolean(L, na == nb && sodium_memcmp(a, b, na) == 0);
  return 1;
}

static const luaL_Reg crypto_funcs[] = {
  { "sha256", l_sha256 }, { "sha256_file", l_sha256_file },
  { "pwhash", l_pwhash }, { "pwhash_verify", l_pwhash_verify }, { "pwhash_needs_rehash", l_pwhash_needs_rehash },
  { "random_token", l_random_token }, { "equal", l_equal },
  { NULL, NULL },
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
