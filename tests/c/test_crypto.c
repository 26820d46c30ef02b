/*
** test_crypto.c — cmocka tests of the policytk.crypto module (core/lua_crypto.c, libsodium):
** SHA-256 of strings against the FIPS 180-2 vectors, of files (empty, a string's bytes, several
** 64 KiB blocks and a remainder) equal to the string's hash, and the errors; password hashes
** (Argon2id, salted, verified, refused for a wrong password or a damaged hash, rehash when the
** limits change), random tokens (URL-safe, distinct) and the constant-time comparison. Each test gets a
** fixture (tests/c/harness.h) with the module as the global `crypto`.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "policytk.h"
#include "harness.h"

static const char helpers[] =
  "function write(name, bytes)\n"
  "  local p = path(name)\n"
  "  local f = assert(io.open(p, 'wb')); f:write(bytes); f:close()\n"
  "  return p\n"
  "end\n";

static int setup(void **state) {
  ptk_fixture *f = ptk_fixture_new("crypto");
  ptk_test_open(f->L, "policytk.crypto", luaopen_policytk_crypto, "crypto");
  ptk_fixture_ready(f, helpers);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  ptk_fixture_free(*state);
  return 0;
}

static void test_sha256_vectors(void **state) {
  ptk_test_run(L_,
    "eq(crypto.sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')\n"
    "eq(crypto.sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')\n"
    "eq(crypto.sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),\n"
    "   '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1')\n"
    "eq(#crypto.sha256('a\\0b'), 64, 'zero bytes are hashed')\n"
    "assert(crypto.sha256('a\\0b') ~= crypto.sha256('a'))\n"
    "assert(crypto.sodium_version:match('^%d+%.%d+'))\n"
    "fails(function() crypto.sha256() end, 'bad argument #1')\n"
    "fails(function() crypto.sha256({}) end, 'string expected')\n");
}

static void test_sha256_file(void **state) {
  ptk_test_run(L_,
    "eq(crypto.sha256_file(write('empty', '')), crypto.sha256(''))\n"
    "eq(crypto.sha256_file(write('abc', 'abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')\n"
    /* several blocks and a remainder: the stream's hash is the whole string's */
    "local big = string.rep('指标口径0123456789', 20000) .. 'end'\n"
    "assert(#big > 3 * 65536)\n"
    "eq(crypto.sha256_file(write('big', big)), crypto.sha256(big))\n"
    "local exact = string.rep('x', 65536)\n"
    "eq(crypto.sha256_file(write('exact', exact)), crypto.sha256(exact))\n"
    "local missing = path('no-such-file')\n"
    "fails(function() crypto.sha256_file(missing) end, missing .. ': cannot open (No such file or directory)')\n"
    "fails(function() crypto.sha256_file(DIR) end, DIR .. ': cannot read (Is a directory)')\n"
    "fails(function() crypto.sha256_file('a\\0b') end, 'path holds a zero byte')\n"
    "fails(function() crypto.sha256_file() end, 'bad argument #1')\n"
    "collectgarbage(); collectgarbage()\n");
}

/* small limits so that the tests run fast; the default (INTERACTIVE) is checked once */
static void test_pwhash(void **state) {
  ptk_test_run(L_,
    "local fast = { ops = 1, mem = 8192 }\n"
    "local h = crypto.pwhash('正确的密码 1!', fast)\n"
    "assert(h:find('^%$argon2id%$v=19%$m=8,t=1,p=1%$'), h)\n"
    "assert(not h:find('正确的密码', 1, true), 'the hash holds no password')\n"
    "eq(crypto.pwhash_verify(h, '正确的密码 1!'), true)\n"
    "eq(crypto.pwhash_verify(h, '正确的密码 1?'), false, 'wrong password')\n"
    "eq(crypto.pwhash_verify(h, ''), false)\n"
    "assert(crypto.pwhash('正确的密码 1!', fast) ~= h, 'a fresh salt each time')\n"
    /* a password with a zero byte is hashed whole */
    "local z = crypto.pwhash('a\\0b', fast)\n"
    "eq(crypto.pwhash_verify(z, 'a\\0b'), true)\n"
    "eq(crypto.pwhash_verify(z, 'a'), false)\n"
    /* damaged or foreign hashes are refused, not errors */
    "eq(crypto.pwhash_verify(h:sub(1, -3) .. (h:sub(-2) == 'AA' and 'BB' or 'AA'), '正确的密码 1!'), false)\n"
    "eq(crypto.pwhash_verify('', 'x'), false)\n"
    "eq(crypto.pwhash_verify('$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA', 'x'), false)\n"
    "eq(crypto.pwhash_verify(h .. '\\0', '正确的密码 1!'), false)\n"
    "eq(crypto.pwhash_verify(string.rep('$', 500), 'x'), false)\n"
    /* rehash: needed when the limits differ, and for anything that is not an Argon2id hash */
    "eq(crypto.pwhash_needs_rehash(h, fast), false)\n"
    "eq(crypto.pwhash_needs_rehash(h), true, 'INTERACTIVE limits differ')\n"
    "eq(crypto.pwhash_needs_rehash('plain'), true)\n"
    "local d = crypto.pwhash('x')\n"
    "assert(d:find('^%$argon2id%$v=19%$m=65536,t=2,p=1%$'), d)\n"
    "eq(crypto.pwhash_needs_rehash(d), false)\n"
    "eq(crypto.pwhash_verify(d, 'x'), true)\n"
    /* argument errors */
    "fails(function() crypto.pwhash() end, 'bad argument #1')\n"
    "fails(function() crypto.pwhash('x', 5) end, 'table expected')\n"
    "fails(function() crypto.pwhash('x', { ops = 0 }) end, 'limits.ops must be an integer from 1 to 100')\n"
    "fails(function() crypto.pwhash('x', { ops = 1, mem = 10 }) end, 'limits.mem must be an integer')\n"
    "fails(function() crypto.pwhash('x', { mem = 1 << 40 }) end, 'limits.mem')\n"
    "fails(function() crypto.pwhash_verify(h) end, 'bad argument #2')\n"
    "fails(function() crypto.pwhash_verify(nil, 'x') end, 'bad argument #1')\n");
}

static void test_tokens_and_equal(void **state) {
  ptk_test_run(L_,
    "local seen = {}\n"
    "for _ = 1, 200 do\n"
    "  local t = crypto.random_token(32)\n"
    "  eq(#t, 43, '32 bytes → 43 base64url characters')\n"
    "  assert(t:find('^[A-Za-z0-9_-]+$'), t)\n"
    "  assert(not seen[t], 'tokens repeat'); seen[t] = true\n"
    "end\n"
    "eq(#crypto.random_token(1), 2)\n"
    "eq(#crypto.random_token(1024), 1366)\n"
    "fails(function() crypto.random_token(0) end, 'nbytes must be from 1 to 1024')\n"
    "fails(function() crypto.random_token(1025) end, 'nbytes must be from 1 to 1024')\n"
    "fails(function() crypto.random_token('x') end, 'number expected')\n"
    "eq(crypto.equal('abc', 'abc'), true)\n"
    "eq(crypto.equal('abc', 'abd'), false)\n"
    "eq(crypto.equal('abc', 'ab'), false)\n"
    "eq(crypto.equal('', ''), true)\n"
    "eq(crypto.equal('a\\0b', 'a\\0c'), false, 'bytes after a zero compared')\n"
    "fails(function() crypto.equal('a') end, 'bad argument #2')\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_sha256_vectors, setup, teardown),
    cmocka_unit_test_setup_teardown(test_sha256_file, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pwhash, setup, teardown),
    cmocka_unit_test_setup_teardown(test_tokens_and_equal, setup, teardown),
  };
  return cmocka_run_group_tests_name("crypto", tests, NULL, NULL);
}
