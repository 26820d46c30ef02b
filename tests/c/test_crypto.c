/*
** test_crypto.c — cmocka tests of the policytk.crypto module (core/lua_crypto.c, libsodium):
** SHA-256 of strings against the FIPS 180-2 vectors, of files (empty, a string's bytes, several
** 64 KiB blocks and a remainder) equal to the string's hash, and the errors. Each test gets a
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

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_sha256_vectors, setup, teardown),
    cmocka_unit_test_setup_teardown(test_sha256_file, setup, teardown),
  };
  return cmocka_run_group_tests_name("crypto", tests, NULL, NULL);
}
